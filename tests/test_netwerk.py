"""The network limits of a CBS fetch (issue 17): an overall deadline per request and per table on top of
the per-read timeout, and Retry-After honoured on 429/503. Against the loopback replay server: one that
trickles its answer one byte every 0,2 s (each read is quick, so only an overall deadline can stop it),
and one that answers 429 with Retry-After (the waits are recorded, not slept: conftest.retry_waits)."""
from __future__ import annotations

import time
from email.utils import formatdate
from pathlib import Path

import pytest
import requests

from basis.instellingen import Instellingen
from etl import catalog
from etl.bronnen import cbs_v3, cbs_v4
from etl.bronnen.gemeenschappelijk import retry, snapshot
from tests.replay import TRICKLE, V3_PREFIX, CbsV3, CbsV4, start

V4 = Path(__file__).parent / "fixtures" / "cbs_v4" / "85554NED"
V3 = Path(__file__).parent / "fixtures" / "cbs_v3" / "99001NED"


@pytest.fixture
def serve():
    servers = []

    def make(replay):
        server, url = start(replay)
        servers.append(server)
        return url
    yield make
    for s in servers:
        s.stop()


def assert_nothing_stored(raw: Path, table: str) -> None:
    assert snapshot.latest(raw, table) is None
    folder = raw / "cbs" / table
    assert not folder.exists() or not any(p.name.startswith(".tmp") for p in folder.iterdir())


def test_a_trickling_v4_server_is_stopped_by_the_table_deadline(serve, tmp_path):
    # without a deadline this answer alone would take this long; no single read ever times out
    assert (V4 / "properties.json").stat().st_size * TRICKLE > 60
    url = serve(CbsV4(tables={"85554NED": V4}, faults={"85554NED/Properties": "trickle"}))
    start_tijd = time.monotonic()
    with pytest.raises(cbs_v4.CbsFetchError) as exc:
        cbs_v4.fetch_table("85554NED", url, tmp_path, timeout=1, backoff=0, deadline_tabel=1.5)
    duur = time.monotonic() - start_tijd
    assert duur < 1.5 + 1 + 0.5, duur        # the deadline plus at most one read
    assert str(exc.value).startswith("CBS-tabel 85554NED: geen volledig antwoord binnen de deadline (de server "
                                     "stuurt te traag) (1.5 s per tabel; instelling CBS_DEADLINE_TABEL")
    assert_nothing_stored(tmp_path, "85554NED")


def test_the_request_deadline_stops_one_slow_request_before_the_table_deadline(serve, tmp_path):
    url = serve(CbsV4(tables={"85554NED": V4}, faults={"85554NED/MeasureCodes": "trickle"}))
    start_tijd = time.monotonic()
    with pytest.raises(cbs_v4.CbsFetchError, match=r"binnen de deadline .*1 s per verzoek"):
        cbs_v4.fetch_table("85554NED", url, tmp_path, timeout=1, backoff=0, deadline_tabel=60, deadline_verzoek=1)
    assert time.monotonic() - start_tijd < 1 + 1 + 1
    assert_nothing_stored(tmp_path, "85554NED")


def test_a_trickling_v3_server_is_stopped_through_the_relay(serve, tmp_path):
    url = serve(CbsV3(table="99001NED", folder=V3, faults={"TypedDataSet": "trickle"}))
    start_tijd = time.monotonic()
    with pytest.raises(cbs_v3.CbsFetchError, match="99001NED: geen volledig antwoord binnen de deadline"):
        cbs_v3.fetch_table("99001NED", url, tmp_path, timeout=1, backoff=0, deadline_tabel=1.5)
    assert time.monotonic() - start_tijd < 1.5 + 1 + 1
    assert_nothing_stored(tmp_path, "99001NED")


def test_retry_after_on_429_is_waited_for_then_the_fetch_succeeds(serve, tmp_path, retry_waits):
    replay = CbsV4(tables={"85554NED": V4}, faults={"85554NED/Properties": "retry-after"})
    url = serve(replay)
    snap = cbs_v4.fetch_table("85554NED", url, tmp_path, backoff=0, deadline_tabel=30)
    assert retry_waits == [1.0]          # backoff=0: only Retry-After: 1 makes it wait (conftest records waits)
    assert replay.requests.count("/odata/v1/CBS/85554NED/Properties") == 2
    assert snapshot.latest(tmp_path, "85554NED") == snap


def test_retry_after_on_429_through_the_v3_relay(serve, tmp_path, retry_waits):
    replay = CbsV3(table="99001NED", folder=V3, faults={"TypedDataSet": "retry-after"})
    url = serve(replay)
    snap = cbs_v3.fetch_table("99001NED", url, tmp_path, backoff=0, deadline_tabel=30)
    assert retry_waits == [1.0]
    assert sum(q.startswith(f"{V3_PREFIX}/99001NED/TypedDataSet") and "skip" not in q for q in replay.requests) == 2
    assert snapshot.latest(tmp_path, "99001NED") == snap


def test_a_retry_after_beyond_the_deadline_gives_up_at_once_and_says_why(serve, tmp_path, retry_waits):
    url = serve(CbsV4(tables={"85554NED": V4}, faults={"85554NED/Properties": "retry-after-lang"}))
    with pytest.raises(cbs_v4.CbsFetchError) as exc:
        cbs_v4.fetch_table("85554NED", url, tmp_path, backoff=0, deadline_tabel=30)
    assert retry_waits == []
    assert ("server antwoordde 429; de server vraagt 3600 s te wachten (Retry-After), langer dan de deadline "
            "toelaat") in str(exc.value)
    assert_nothing_stored(tmp_path, "85554NED")


def test_retry_after_as_seconds_or_an_http_date():
    def antwoord(waarde):
        r = requests.Response()
        r.status_code = 429
        if waarde is not None:
            r.headers["Retry-After"] = waarde
        return r
    assert retry.wacht_gevraagd(antwoord("7")) == 7
    assert 25 <= retry.wacht_gevraagd(antwoord(formatdate(time.time() + 30, usegmt=True))) <= 31
    assert retry.wacht_gevraagd(antwoord("morgen")) is None and retry.wacht_gevraagd(antwoord(None)) is None


def test_the_deadlines_are_settings_that_reach_the_fetch(serve, tmp_path):
    inst = Instellingen.uit_omgeving({"CBS_DEADLINE_TABEL": "1.5", "CBS_DEADLINE_VERZOEK": "30"}).met(
        raw_dir=tmp_path)
    assert (inst.cbs_deadline_tabel, inst.cbs_deadline_verzoek) == (1.5, 30.0)
    assert (Instellingen().cbs_deadline_tabel, Instellingen().cbs_deadline_verzoek) == (120.0, 60.0)
    url = serve(CbsV4(tables={"85554NED": V4}, faults={"85554NED/Properties": "trickle"}))
    ds = next(e for e in catalog.read() if e.table_id == "85554NED")
    start_tijd = time.monotonic()
    with pytest.raises(cbs_v4.CbsFetchError, match=r"1.5 s per tabel, 30 s per verzoek"):
        cbs_v4.fetch(ds, inst.met(cbs_odata4_url=url), timeout=1, backoff=0)
    assert time.monotonic() - start_tijd < 1.5 + 1 + 0.5


def test_a_trickling_geometry_server_is_stopped_by_the_deadline_and_nothing_is_stored(tmp_path):
    """The PDOK geometry goes through the same network layer: a server that sends one byte every 0,2 s is
    stopped by the overall deadline (each read alone is quick), with a Dutch message and no snapshot."""
    import http.server
    import threading

    from etl.bronnen import pdok
    from etl.bronnen.gemeenschappelijk.fouten import FetchError

    class Druppel(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/geo+json")
            self.end_headers()
            try:
                for teken in '{"type": "FeatureCollection", "features": []}':
                    self.wfile.write(teken.encode())
                    self.wfile.flush()
                    time.sleep(TRICKLE)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Druppel)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    entry = next(e for e in catalog.entries() if e.bron == "pdok")
    inst = Instellingen.uit_omgeving().met(raw_dir=tmp_path, pdok_url=f"http://127.0.0.1:{server.server_address[1]}")
    try:
        start_tijd = time.monotonic()
        with pytest.raises(FetchError) as exc:
            pdok.fetch(entry, inst, timeout=1, backoff=0, deadline_tabel=1.5)
        duur = time.monotonic() - start_tijd
    finally:
        server.shutdown()
        server.server_close()
    assert duur < 1.5 + 1 + 0.5, duur
    assert "geen volledig antwoord binnen de deadline (de server stuurt te traag) (1.5 s per tabel" in str(exc.value)
    assert not (tmp_path / "pdok").exists() or not any((tmp_path / "pdok").rglob("manifest.json"))

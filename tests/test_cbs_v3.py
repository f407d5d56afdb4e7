"""The CBS OData v3 client (through cbsodata) against responses replayed on loopback."""
from __future__ import annotations

import json
import logging
import math
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import cbsodata
import cbsodata.cbsodata3
import pytest
import requests

from etl.bronnen import cbs_v3
from etl.bronnen.cbs_v3.odata import COLUMNS, fetch_table
from etl.bronnen.gemeenschappelijk import snapshot
from tests.conftest import SHARED_DATA
from tests.replay import V3_PREFIX as PREFIX
from tests.replay import CbsV3 as Replay
from tests.replay import start

FIXTURES = Path(__file__).parent / "fixtures" / "cbs_v3"
DUMP_82070ENG = SHARED_DATA / "cbs-odata3" / "82070ENG"
TABLE = "99001NED"


@pytest.fixture
def replay():
    servers = []

    def make(**kwargs):
        r = Replay(**kwargs)
        server, url = start(r)
        servers.append(server)
        return r, url
    yield make
    for s in servers:
        s.stop()


@pytest.fixture
def relay_hosts(caplog):
    """host:port of the loopback relay each fetch put between cbsodata and CBS (from its log line)."""
    caplog.set_level(logging.INFO, logger="etl.bronnen.cbs_v3")
    return lambda: {r.args[0] for r in caplog.records if r.getMessage().startswith("cbsodata via relay ")}


@pytest.fixture
def wire_hosts(monkeypatch):
    """Every host:port requests actually connected to (below cbsodata and our session)."""
    hosts = []
    real_send = requests.adapters.HTTPAdapter.send

    def send(self, request, *args, **kwargs):
        hosts.append(urlsplit(request.url).netloc)
        return real_send(self, request, *args, **kwargs)
    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", send)
    return hosts


def records(df):
    """DataFrame rows as tuples, NaN as None."""
    return [tuple(None if isinstance(v, float) and math.isnan(v) else v for v in row)
            for row in df.itertuples(index=False)]


def assert_cbsodata_untouched():
    assert cbsodata.options.catalog_url == "opendata.cbs.nl"
    assert cbsodata.options.use_https is True
    assert cbsodata.cbsodata3.Session is requests.Session   # never patched: cbsodata is used through its public API


def assert_no_temp_folders(raw: Path, table: str):
    table_dir = raw / "cbs" / table
    assert not table_dir.exists() or not [p for p in table_dir.iterdir() if p.name.startswith(".")]


def test_fetch_stores_every_response_unchanged_with_both_pages_counted(replay, tmp_path, wire_hosts, relay_hosts):
    r, url = replay(table=TABLE, folder=FIXTURES / TABLE)
    snap = fetch_table(TABLE, url, tmp_path, backoff=0)
    assert snapshot.latest(tmp_path, TABLE) == snap
    assert snap.parent == tmp_path / "cbs" / TABLE
    manifest = snapshot.read_manifest(snap)
    assert manifest["api"] == "v3" and manifest["table_id"] == TABLE
    assert manifest["rows"] == 4 and manifest["pages"] == 2
    assert manifest["files"]["TypedDataSet.json"]["rows"] == 2
    assert manifest["files"]["TypedDataSet-page-2.json"]["rows"] == 2
    # cbsodata: the table root first, then every entity of the service document but UntypedDataSet
    # (requests encodes the $ of its own parameters; the next link is requested verbatim)
    first = [f"{PREFIX}/{TABLE}/{e}?%24format=json" for e in ["", "TableInfos", "TypedDataSet", "DataProperties",
                                                               "CategoryGroups", "Geslacht", "RegioS", "Perioden"]]
    assert r.requests == first[:3] + [f"{PREFIX}/{TABLE}/TypedDataSet?$format=json&$skip=2"] + first[3:]
    # each body byte for byte, the next link pointing back at the replay server
    for path, body in r.served.items():
        name = next(n for n, f in manifest["files"].items() if f["url"] == url + path)
        assert (snap / name).read_bytes() == body
    assert json.loads((snap / "TypedDataSet.json").read_bytes())["odata.nextLink"].startswith(url + PREFIX)
    assert sorted(p.name for p in snap.iterdir()) == sorted([*manifest["files"], "manifest.json"])
    assert manifest["entities"]["TypedDataSet"] == ["TypedDataSet.json", "TypedDataSet-page-2.json"]
    # cbsodata only ever talked to the relay (one per fetch), and the relay only to the configured server
    assert len(relay_hosts()) == 1
    assert set(wire_hosts) == {url.removeprefix("http://")} | relay_hosts()
    assert_cbsodata_untouched()
    assert_no_temp_folders(tmp_path, TABLE)


def test_normalise_melts_measures_into_long_rows_with_codes_kept(replay, tmp_path):
    _, url = replay(table=TABLE, folder=FIXTURES / TABLE)
    df = cbs_v3.normalise(fetch_table(TABLE, url, tmp_path, backoff=0))
    assert list(df.columns) == COLUMNS
    totaal, mannen = '{"Geslacht": "T001038"}', '{"Geslacht": "3000"}'
    werkzamen, wlp = ("Werkzamen_1", "Werkzame beroepsbevolking"), ("Werkloosheidspercentage_2",
                                                                       "Werkloosheidspercentage")
    jaar = ("2023JJ00", "2023", "jaar", date(2023, 1, 1))
    kwartaal = ("2024KW02", "2024-Q2", "kwartaal", date(2024, 4, 1))
    leeg = "leeg in CBS-bestand"
    assert records(df) == [
        (TABLE, "NL01", *jaar, *werkzamen, totaal, 9501.0, "Definitief", None),
        (TABLE, "NL01", *jaar, *wlp, totaal, 3.6, "Definitief", None),
        (TABLE, "GM0402", *jaar, *werkzamen, totaal, 47.0, "Definitief", None),
        (TABLE, "GM0402", *jaar, *wlp, totaal, None, "Definitief", leeg),   # missing stays missing
        (TABLE, "NL01", *kwartaal, *werkzamen, totaal, 9612.0, "Voorlopig", None),
        (TABLE, "NL01", *kwartaal, *wlp, totaal, 3.7, "Voorlopig", None),
        (TABLE, "GM0402", *kwartaal, *werkzamen, mannen, 0.0, "Voorlopig", None),  # a real 0 stays 0
        (TABLE, "GM0402", *kwartaal, *wlp, mannen, 4.1, "Voorlopig", None),
    ]
    assert df["waarde"].dtype == "float64"      # like the v4 client: missing is NaN, not 0


def test_filters_and_select_go_to_the_first_dataset_request_only(replay, tmp_path):
    r, url = replay(table=TABLE, folder=FIXTURES / TABLE)
    fetch_table(TABLE, url, tmp_path, filters="RegioS eq 'GM0402'",
                 select=["RegioS", "Perioden", "Werkzamen_1"], backoff=0)
    dataset = [q for q in r.requests if "/TypedDataSet" in q]
    query = parse_qs(urlsplit(dataset[0]).query)
    assert query["$filter"] == ["RegioS eq 'GM0402'"]
    assert query["$select"] == ["RegioS,Perioden,Werkzamen_1"]
    assert dataset[1] == f"{PREFIX}/{TABLE}/TypedDataSet?$format=json&$skip=2"   # the next link, verbatim


def test_a_flaky_server_is_retried(replay, tmp_path):
    r, url = replay(table=TABLE, folder=FIXTURES / TABLE, faults={"TypedDataSet?skip=2": "flaky"})
    snap = fetch_table(TABLE, url, tmp_path, backoff=0)
    assert snapshot.read_manifest(snap)["rows"] == 4
    assert r.requests.count(f"{PREFIX}/{TABLE}/TypedDataSet?$format=json&$skip=2") == 2


def test_fetch_fails_in_dutch_and_keeps_old_snapshot_when_cbs_returns_500(replay, tmp_path):
    r, url = replay(table=TABLE, folder=FIXTURES / TABLE)
    old = fetch_table(TABLE, url, tmp_path, backoff=0)
    r.faults["*"], r.requests[:] = "500", []
    with pytest.raises(cbs_v3.CbsFetchError, match=f"^CBS-tabel {TABLE}: server antwoordde 500 na 3 pogingen"):
        fetch_table(TABLE, url, tmp_path, retries=3, backoff=0)
    assert r.requests == [f"{PREFIX}/{TABLE}/?%24format=json"] * 3
    assert snapshot.latest(tmp_path, TABLE) == old
    assert [p.name for p in (tmp_path / "cbs" / TABLE).iterdir()] == [old.name]
    assert_cbsodata_untouched()


def test_a_500_on_the_second_page_leaves_no_half_snapshot(replay, tmp_path):
    r, url = replay(table=TABLE, folder=FIXTURES / TABLE, faults={"TypedDataSet?skip=2": "500"})
    with pytest.raises(cbs_v3.CbsFetchError, match="server antwoordde 500 na 2 pogingen .*skip=2"):
        fetch_table(TABLE, url, tmp_path, retries=2, backoff=0)
    assert snapshot.latest(tmp_path, TABLE) is None
    assert_no_temp_folders(tmp_path, TABLE)
    assert_cbsodata_untouched()


def test_a_next_link_to_another_host_is_refused_without_touching_the_network(replay, tmp_path, wire_hosts,
                                                                             relay_hosts):
    r, url = replay(table=TABLE, folder=FIXTURES / TABLE, faults={"TypedDataSet": "foreign-next"})
    with pytest.raises(cbs_v3.CbsFetchError,
                       match=f"^CBS-tabel {TABLE}: odata.nextLink http://example.invalid/.* andere server"):
        fetch_table(TABLE, url, tmp_path, backoff=0)
    assert "example.invalid" not in " ".join(wire_hosts)
    assert len(relay_hosts()) == 1
    assert set(wire_hosts) == {url.removeprefix("http://")} | relay_hosts()
    assert not any("skip=" in q for q in r.requests)
    assert snapshot.latest(tmp_path, TABLE) is None
    assert_no_temp_folders(tmp_path, TABLE)
    assert_cbsodata_untouched()


def test_an_unreachable_server_is_a_dutch_fetch_error(tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    port = server.server_address[1]
    server.server_close()            # nothing listens on this port any more
    with pytest.raises(cbs_v3.CbsFetchError, match=f"^CBS-tabel {TABLE}: niet bereikbaar .* na 2 pogingen"):
        fetch_table(TABLE, f"http://127.0.0.1:{port}", tmp_path, retries=2, backoff=0)
    assert snapshot.latest(tmp_path, TABLE) is None
    assert_no_temp_folders(tmp_path, TABLE)


@pytest.mark.skipif(not DUMP_82070ENG.exists(),
                    reason="../shared/data/cbs-odata3/82070ENG ontbreekt: de echte CBS-dump staat alleen in "
                           "shared/, niet in de repository")
def test_real_82070ENG_dump_replayed_in_pages_normalises_to_every_observation(replay, tmp_path):
    lists = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(DUMP_82070ENG.glob("*.json"))}
    observations = lists["TypedDataSet"]
    r, url = replay(table="82070ENG", lists=lists, page_size=100)
    snap = fetch_table("82070ENG", url, tmp_path, backoff=0)
    manifest = snapshot.read_manifest(snap)
    assert manifest["rows"] == len(observations) == 315 and manifest["pages"] == 4
    stored = []
    for name in manifest["entities"]["TypedDataSet"]:
        stored += json.loads((snap / name).read_text(encoding="utf-8"))["value"]
    assert stored == observations
    df = cbs_v3.normalise(snap)
    topics = [p["Key"] for p in lists["DataProperties"] if p["Type"] == "Topic"]
    assert len(topics) == 2 and len(df) == len(observations) * len(topics) == 630
    assert set(df["regio_code"]) == {"GM9001", "GM9002", "GM9003"}   # CaribbeanNetherlands
    assert set(df["periode"]) == {"2012"} and set(df["status"]) == {"Definitief"}
    missing = sum(o[t] is None for o in observations for t in topics)
    assert df["waarde"].isna().sum() == missing and set(df[df["waarde"].isna()]["missing_reason"]) == {
        "leeg in CBS-bestand"}
    assert set(json.loads(df["dimensies"].iloc[0])) == {"Gender", "PersonalCharacteristics"}

"""The first refresh with a network, in the background (issue 12, item 8; beheer.eerste_verversing): the app
started with VERVERSEN_BIJ_START on gets a new build from CBS (a loopback replay of the project's 85554NED
fixture), once; offline it stays on the embedded data and says why in one line, without waiting for the network;
off (the default, and in the tests) it starts nothing."""
from __future__ import annotations

import json
import socket
import time

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from basis.instellingen import Instellingen
from beheer import eerste_verversing as ev
from tests.conftest import REPO
from tests.replay import CbsV4, start

REGEL = ("CBS was niet bereikbaar toen het dashboard startte; daarom zijn er nog geen vergelijkingen en kaarten "
         "(zie Bronnen en actualiteit).")
FIXTURE_V4 = REPO / "tests" / "fixtures" / "cbs_v4" / "85554NED"


@pytest.fixture(autouse=True)
def opnieuw(monkeypatch):
    """Each test is a fresh dashboard process: bij_start has not run yet."""
    monkeypatch.setattr(ev, "_gestart", False)


def dichte_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]   # closed again on leaving: connecting is refused at once


def build_id() -> str:
    return json.loads(Instellingen.uit_omgeving().status_path.read_text()).get("build_id", "")


def regios_pagina() -> AppTest:
    at = AppTest.from_file(str(REPO / "app_pages" / "regios.py"), default_timeout=60)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_off_by_default_and_in_the_tests_nothing_starts(warehouse):
    assert Instellingen().verversen_bij_start is False
    assert Instellingen.uit_omgeving().verversen_bij_start is False   # conftest sets VERVERSEN_BIJ_START=0
    assert Instellingen.uit_omgeving({"VERVERSEN_BIJ_START": "1"}).verversen_bij_start is True
    assert ev.bij_start() is False
    assert not ev.voortgang_pad(Instellingen.uit_omgeving()).exists()


def test_offline_it_stays_on_the_embedded_data_and_the_page_says_why(warehouse, monkeypatch):
    from etl.refresh import write_status
    write_status({"build_id": "ingebed"})
    monkeypatch.setenv("CBS_ODATA4_URL", f"http://127.0.0.1:{dichte_poort()}/odata/v1/CBS")
    voor = warehouse.read_bytes()
    zonder = time.perf_counter()
    leeg = regios_pagina()
    zonder = time.perf_counter() - zonder
    assert REGEL not in [i.value for i in leeg.info]   # nothing attempted yet: the figures' own empty states

    begin = time.monotonic()
    assert ev.draai() == 0
    assert time.monotonic() - begin < ev.VERBINDEN_S + 2
    s = ev.stand()
    assert s["status"] == "offline" and "CBS niet bereikbaar" in s["melding"], s
    assert warehouse.read_bytes() == voor and build_id() == "ingebed"
    assert not ev.marker_pad(Instellingen.uit_omgeving()).exists()   # the next start tries again

    met = time.perf_counter()
    at = regios_pagina()
    met = time.perf_counter() - met
    regels = [i.value for i in at.info]
    assert regels == [REGEL] + [i.value for i in leeg.info], regels   # one line, above the same empty states
    assert met < 2 * zonder + 1.0, (met, zonder)   # the page reads a file; it never waits for the network
    bronnen = AppTest.from_file(str(REPO / "app_pages" / "bronnen.py"), default_timeout=60).run()
    assert any("CBS niet bereikbaar" in w.value and "VERVERSEN_BIJ_START=0" in w.value for w in bronnen.warning)


def test_one_worker_at_a_time_and_never_after_a_refresh_ran(warehouse, monkeypatch):
    monkeypatch.setenv("CBS_ODATA4_URL", f"http://127.0.0.1:{dichte_poort()}/odata/v1/CBS")
    inst = Instellingen.uit_omgeving()
    with ev._slot(inst) as eigen:
        assert eigen
        assert ev.loopt(inst)
        assert ev.draai(inst) == 0 and ev.stand(inst) == {}   # another worker runs: this one leaves at once
    from etl.refresh import write_status
    write_status({"bronnen": {"03759ned": {"gelukt": True, "laatste_succes": "2026-07-02T12:00:00+00:00"}}})
    assert ev.draai(inst) == 0 and ev.stand(inst) == {}   # a refresh fetched before: no probe, a marker
    assert ev.marker_pad(inst).exists()
    monkeypatch.setenv("VERVERSEN_BIJ_START", "1")
    assert ev.bij_start() is False


def test_the_app_started_with_the_setting_on_gets_the_new_build_once(warehouse, monkeypatch):
    from etl.refresh import write_status
    write_status({"build_id": "ingebed"})
    server, url = start(CbsV4(tables={"85554NED": FIXTURE_V4}))
    try:
        monkeypatch.setenv("VERVERSEN_BIJ_START", "1")
        monkeypatch.setenv("CBS_ODATA4_URL", url)
        # the other sources go to the same loopback server, which does not know them: they fail, quickly
        monkeypatch.setenv("CBS_ODATA3_URL", server.base)
        monkeypatch.setenv("PDOK_URL", url + "/geen-kaarten")
        at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60).run()
        assert not at.exception
        inst = Instellingen.uit_omgeving()
        eind = time.monotonic() + 120
        while ev.stand(inst).get("status") not in ("klaar", "mislukt") and time.monotonic() < eind:
            time.sleep(0.2)
        s = ev.stand(inst)
        assert s.get("status") == "klaar", (s, ev._pad(inst, ".log").read_text()[-3000:])
        assert s["opgehaald"] == ["85554NED"]
        assert build_id() not in ("", "ingebed")
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            assert con.execute("select count(*) from marts.feiten where dataset = '85554NED'").fetchone()[0] > 0
        finally:
            con.close()
        assert ev.marker_pad(inst).exists()
        assert any("/85554NED/" in p for p in server.replays[0].requests)
        monkeypatch.setattr(ev, "_gestart", False)
        assert ev.bij_start() is False   # a second start: the marker says a refresh ran
    finally:
        server.stop()


def test_a_worker_that_died_midway_reads_as_broken_off_not_as_running(warehouse):
    inst = Instellingen.uit_omgeving()
    ev._schrijf(inst, status="bezig", gestart="2026-11-29T20:00:00+00:00", stap=2, van=9, tabel="80590ned")
    with ev._slot(inst):   # while a worker holds the lock: running
        assert ev.stand(inst)["status"] == "bezig"
        assert "stap 2 van 9: 80590ned" in ev.regel(ev.stand(inst))
    s = ev.stand(inst)   # no worker any more (killed with the server): not 'bezig' forever
    assert s["status"] == "afgebroken" and "volgende start" in s["melding"]
    assert ev.regel(s).startswith("Het ophalen van de CBS-tabellen bij de start is afgebroken")

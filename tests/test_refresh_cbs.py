"""`python -m etl.refresh` against the real CBS captures replayed on loopback:
fetch -> snapshot -> warehouse, and what a failing CBS leaves behind."""
from __future__ import annotations

import json

import duckdb
import pytest

from basis import instellingen as settings
from etl import refresh
from etl.bronnen.gemeenschappelijk import snapshot
from tests.conftest import REPO, SHARED_DATA
from tests.replay import CbsV3, CbsV4, start

CAPTURES = SHARED_DATA / "cbs-odata4"
TABLES = ["03759ned", "80590ned", "85224NED", "37789ksz"]
FIXTURES = REPO / "tests" / "fixtures"
V4_FIXTURES = ["85554NED"]             # metadata captured, observations not: our own fixture
V3_FIXTURES = ["86059NED", "70072ned", "80474ned", "85494NED"]  # nothing captured: our own fixtures
pytestmark = pytest.mark.skipif(not (CAPTURES / "03759ned").exists(),
                                reason="../shared/data/cbs-odata4 ontbreekt: de echte CBS-opnames staan alleen in "
                                       "shared/, niet in de repository")
AM12 = ["GM0317", "GM0376", "GM0402", "GM0406", "GM0417", "GM1696", "GM1942"]


@pytest.fixture
def cbs(raw_dir, warehouse_path, monkeypatch):
    """Serve the captures, plus the project's own fixtures for the catalog tables without captured
    observations (test data, made-up values); returns a function that (re)starts the v4 server with faults."""
    servers = []
    v3, v3_url = start([CbsV3(table=t, folder=FIXTURES / "cbs_v3" / t) for t in V3_FIXTURES])
    monkeypatch.setenv("CBS_ODATA3_URL", v3_url)

    def serve(**faults):
        for s in servers:
            s.stop()
        servers.clear()
        tables = {t: CAPTURES / t for t in TABLES} | {t: FIXTURES / "cbs_v4" / t for t in V4_FIXTURES}
        server, url = start(CbsV4(tables=tables, page_size=5000, faults=faults))
        servers.append(server)
        monkeypatch.setenv("CBS_ODATA4_URL", url)
        return url
    yield serve
    for s in servers + [v3]:
        s.stop()


def q(path, sql, params=None):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def test_refresh_fetches_the_catalog_and_rolls_gemeenten_up_to_the_region(cbs, raw_dir, warehouse_path, capsys):
    cbs()
    assert refresh.main([]) == 0, capsys.readouterr().err
    for table in TABLES:
        assert snapshot.latest(raw_dir, table) is not None
    per_jaar = dict(q(warehouse_path, """
        select periode, count(distinct regio_code) from marts.feiten
        where dataset = '03759ned' and regio_code in (select gemeente_code from raw.ref_gemeenten)
        group by all"""))
    assert per_jaar == {str(y): 7 for y in range(2019, 2027)}
    regio = dict(q(warehouse_path, """select periode, waarde from marts.feiten
                                      where dataset = '03759ned' and regio_code = 'AM12'"""))
    som = dict(q(warehouse_path, """select periode, sum(waarde) from marts.feiten where dataset = '03759ned'
                                    and regio_code in (select gemeente_code from raw.ref_gemeenten) group by all"""))
    assert regio == som and len(regio) == 8
    assert q(warehouse_path, "select count(*) from marts.feiten where dataset = '03759ned' and regio_code = 'NL01'")[0][0] == 8
    # the Overzicht now takes the latest inwoners from CBS, for the region and for Nederland
    kern = dict(q(warehouse_path, "select regio_code, waarde from marts.kerncijfers where kerncijfer = 'Inwoners'"))
    assert kern["AM12"] == regio["2026"] and kern["NL01"] > 17_000_000
    bronnen = q(warehouse_path, """select dataset, bron, opgehaald is not null from meta.sources
                                   where dataset in ('03759ned', '80590ned', '85224NED', '37789ksz') order by 1""")
    assert [b[0] for b in bronnen] == sorted(TABLES, key=str.lower) or len(bronnen) == 4
    assert all(b[1].startswith("CBS StatLine, tabel ") and b[2] for b in bronnen)
    ww = q(warehouse_path, """select max(periode), count(*) from marts.feiten
                              where dataset = '37789ksz' and indicator = 'ww_uitkeringen'""")[0]
    assert ww[0].startswith("2026-") and ww[1] > 100
    status = json.loads(settings.status_path().read_text())
    assert status["gelukt"] and all(status["bronnen"][t]["gelukt"] for t in TABLES)


def test_when_cbs_is_down_the_old_data_stays_and_the_failure_is_recorded(cbs, raw_dir, warehouse_path, capsys):
    cbs()
    assert refresh.main([]) == 0
    before = q(warehouse_path, "select count(*), sum(waarde) from marts.feiten where dataset = '03759ned'")
    snaps = {t: snapshot.latest(raw_dir, t) for t in TABLES}
    capsys.readouterr()
    cbs(**{t: "500" for t in TABLES})
    assert refresh.main([]) == 1
    err = capsys.readouterr().err
    assert "Ophalen mislukt: CBS-tabel 03759ned: server antwoordde 500 na 3 pogingen" in err
    assert "De vorige opname blijft in gebruik." in err
    assert {t: snapshot.latest(raw_dir, t) for t in TABLES} == snaps
    assert q(warehouse_path, "select count(*), sum(waarde) from marts.feiten where dataset = '03759ned'") == before
    status = json.loads(settings.status_path().read_text())
    assert not status["gelukt"] and "ophalen mislukt voor 03759ned" in status["melding"]
    assert not status["bronnen"]["03759ned"]["gelukt"]
    assert status["bronnen"]["03759ned"]["laatste_succes"] == snapshot.read_manifest(snaps["03759ned"])["fetched_at"]
    # the Bronnen page says so, and since when the data is from
    from streamlit.testing.v1 import AppTest

    from tests.conftest import REPO
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=30)
    at.run()
    at.switch_page("app_pages/bronnen.py").run()
    assert not at.exception
    from tests.test_toegankelijk import html_frames
    cbs_tabel = html_frames(at)[0].set_index("Tabel")   # HTML tables since issue 15
    assert cbs_tabel.loc["03759ned", "Gelukt"] == "nee"
    assert "server antwoordde 500 na 3 pogingen" in cbs_tabel.loc["03759ned", "Melding"]
    assert cbs_tabel.loc["03759ned", "Laatste geslaagde ophaling"] != "nog nooit"
    assert "mislukt" in at.error[0].value


def test_one_failing_table_does_not_stop_the_others(cbs, raw_dir, capsys):
    cbs(**{"80590ned/Observations": "truncated"})
    assert refresh.main([]) == 1
    err = capsys.readouterr().err
    assert "CBS-tabel 80590ned: antwoord op observations-page-1.json is geen geldige JSON" in err
    assert snapshot.latest(raw_dir, "80590ned") is None
    assert all(snapshot.latest(raw_dir, t) for t in ["03759ned", "85224NED", "37789ksz"])


@pytest.mark.parametrize("fault, message", [
    ("drop-measure", "CBS-tabel 03759ned: maat M000352 (inwoners) ontbreekt in de observaties: hernoemd of "
                     "verwijderd bij CBS (schemawijziging)"),
    ("new-region", "CBS-tabel 03759ned: onbekende regiocode GM9999 in de observaties (niet in de codelijst RegioS)"),
])
def test_schema_drift_and_new_region_codes_are_refused(cbs, raw_dir, capsys, fault, message):
    cbs()
    assert refresh.main(["--only", "03759ned"]) == 0
    goed = snapshot.latest(raw_dir, "03759ned")
    capsys.readouterr()
    cbs(**{"03759ned/Observations": fault})
    assert refresh.main(["--only", "03759ned"]) == 1
    assert message in capsys.readouterr().err
    assert snapshot.latest(raw_dir, "03759ned") == goed


def test_only_and_list(cbs, raw_dir, capsys):
    cbs()
    assert refresh.main(["--only", "85224ned"]) == 0  # case-insensitive
    assert snapshot.latest(raw_dir, "85224NED") and not snapshot.latest(raw_dir, "03759ned")
    capsys.readouterr()
    assert refresh.main(["--only", "99999xyz"]) == 2
    assert "Onbekende tabel(len) in --only: 99999xyz" in capsys.readouterr().err
    assert refresh.main(["--list"]) == 0
    out = capsys.readouterr().out
    lines = {line.split()[0]: line for line in out.splitlines()[1:]}
    assert "nog nooit" in lines["03759ned"] and "nog nooit" not in lines["85224NED"]


def test_pages_show_the_cbs_series_with_bron_and_peildatum(cbs, warehouse_path):
    from streamlit.testing.v1 import AppTest

    from tests.conftest import REPO
    cbs()
    assert refresh.main([]) == 0
    som_2019, som_2026 = (q(warehouse_path, """select waarde from marts.feiten where dataset = '03759ned'
                                               and regio_code = 'AM12' and periode = $p""", {"p": p})[0][0]
                          for p in ("2019", "2026"))
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=30)
    at.run()
    at.switch_page("app_pages/bevolking.py").run()
    assert not at.exception
    tekst = "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)
    assert (f"#### Gooi en Vechtstreek groeide van {som_2019:,.0f} naar {som_2026:,.0f} inwoners (2019-2026)"
            .replace(",", ".")) in tekst
    assert "Bron: CBS StatLine, tabel 03759ned · Peildatum: 2026" in tekst
    at.switch_page("app_pages/ww.py").run()
    assert not at.exception
    kop = [m.value for m in at.markdown if m.value.startswith("#### WW-uitkeringen in Nederland")][0]
    assert "in april 2026" in kop and "januari 2019" in kop
    # the regional total is still compared with Nederland from the same table, not with the CBS month
    assert any("2.888 WW-uitkeringen, +13% ten opzichte van een jaar eerder (Nederland: +14%)" in m.value
               for m in at.markdown)

"""CBS's spanning (openstaande vacatures per 100 werklozen, Nederland, seasonally adjusted) beside UWV's
spanningsindicator on the Mismatch page (issue 13), labelled as a different measure. Fetched through the real
refresh code from a loopback replay: CBS 85224NED from the real capture in ../shared/data (werkloze
beroepsbevolking: 390 thousand in 2025KW01, 386 thousand in 2025KW02) and 80474ned from
tests/fixtures/cbs_v3/80474ned (testfixture, verzonnen waarden: 390,0 and 405,3 thousand vacatures)."""
from __future__ import annotations

import json
import shutil

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from etl import refresh
from etl.bronnen.gemeenschappelijk import snapshot
from tests.conftest import REPO, SHARED_DATA
from tests.replay import CbsV3, CbsV4, start

CAPTURE = SHARED_DATA / "cbs-odata4" / "85224NED"
FIXTURE = REPO / "tests" / "fixtures" / "cbs_v3" / "80474ned"
nodig = pytest.mark.skipif(not CAPTURE.exists(), reason="../shared/data/cbs-odata4/85224NED ontbreekt: de echte "
                                                        "CBS-opname staat alleen in shared/, niet in de repository")


def mismatch_tekst() -> str:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("app_pages/mismatch.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info])


@pytest.fixture
def cbs(raw_dir, warehouse_path, monkeypatch):
    servers = []

    def serve(v3_folder=FIXTURE):
        v4, v4_url = start(CbsV4(tables={"85224NED": CAPTURE}, page_size=5000))
        v3, v3_url = start(CbsV3(table="80474ned", folder=v3_folder))
        servers.extend([v4, v3])
        monkeypatch.setenv("CBS_ODATA4_URL", v4_url)
        monkeypatch.setenv("CBS_ODATA3_URL", v3_url)
    yield serve
    for s in servers:
        s.stop()


def test_without_the_cbs_tables_the_page_says_so_and_shows_only_the_quoted_2022_figure(warehouse):
    t = mismatch_tekst()
    assert "Nog geen actuele spanning volgens CBS" in t
    # the one CBS spanning figure in the seed: Programma Werk & Participatie 2022-2026, hfst. 2 (real, quoted)
    assert "133 vacatures per 100 werklozen in Q1 2022" in t
    assert "andere periode en een andere maat dan de UWV-spanningsindicator" in t


@nodig
def test_the_cbs_spanning_is_computed_from_the_two_cbs_tables(cbs, warehouse_path, capsys):
    cbs()
    assert refresh.main(["--only", "85224NED,80474ned"]) == 0, capsys.readouterr().err
    con = duckdb.connect(str(warehouse_path), read_only=True)
    try:
        rijen = con.execute("select periode, vacatures_per_100_werklozen, vacatures, werklozen, herkomst "
                            "from marts.cbs_spanning where periode >= '2025' order by periode").fetchall()
        oud = con.execute("select herkomst, vacatures_per_100_werklozen from marts.cbs_spanning "
                          "where periode = '2022-Q1'").fetchall()
    finally:
        con.close()
    # 100 x 390.000 / 390.000 and 100 x 405.300 / 386.000, by hand; only quarters with both tables
    assert [(p, round(s, 6), v, w, h) for p, s, v, w, h in rijen] == [
        ("2025-Q1", 100.0, 390000.0, 390000.0, "berekend"), ("2025-Q2", 105.0, 405300.0, 386000.0, "berekend")]
    assert oud == [("geciteerd", 133.0)]   # the quoted figure stays where nothing was fetched for its quarter
    t = mismatch_tekst()
    assert "Spanning volgens CBS: 105 vacatures per 100 werklozen in Nederland" in t
    assert "+5,0 sinds vorig kwartaal (Q1 2025)" in t
    assert "Dit is CBS' eigen maat, landelijk en over alle beroepen: niet dezelfde als de UWV-spanningsindicator." in t
    # UWV's own indicator is still there, per beroepsklasse
    assert "beroepsklassen krap of zeer krap in Gooi en Vechtstreek" in t


@nodig
def test_a_80474ned_whose_measure_is_renamed_is_refused_and_nothing_changes(cbs, raw_dir, tmp_path, capsys):
    kapot = tmp_path / "80474ned"
    shutil.copytree(FIXTURE, kapot)
    for naam in ("DataProperties.json", "TypedDataSet.json"):
        pad = kapot / naam
        pad.write_text(pad.read_text(encoding="utf-8").replace("VacaturesSeizoengecorrigeerd_1", "Vacatures_1"),
                       encoding="utf-8")
    cbs(kapot)
    assert refresh.main(["--only", "80474ned"]) == 1
    err = capsys.readouterr().err
    assert "CBS-tabel 80474ned" in err and "VacaturesSeizoengecorrigeerd_" in err and "schemawijziging" in err, err
    assert snapshot.latest(raw_dir, "80474ned") is None
    assert json.loads((kapot / "TableInfos.json").read_text())["value"][0]["Identifier"] == "80474ned"

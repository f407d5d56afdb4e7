"""The Analyse arbeidsmarkt and its exports follow the chosen UWV period (issue 13); a saved version keeps
the period it was saved with. Data: the seed (Bijlage 1: vacatures Q2 2025, WW per beroepsklasse september
2025, WW kenmerken juli 2025) plus tests/fixtures/uwv/volgend_kwartaal_lang.csv and a small WW-kenmerken file
for december 2025 written here (both: testfixture, verzonnen waarden)."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from basis.instellingen import Instellingen
from dashboard.analyse import document as analyse
from dashboard.analyse import versies
from dashboard.export import report
from etl.uwv.__main__ import main as uwv_main
from tests.conftest import REPO
from tests.test_beraad_woorden import app_tekst

VOLGEND = Path(__file__).parent / "fixtures" / "uwv" / "volgend_kwartaal_lang.csv"
# testfixture, verzonnen waarden: WW by opleidingsniveau for december 2025 (counts only; Totaal = the sum)
WW_DECEMBER = ("# testfixture, verzonnen waarden\nregio,periode,tabel,kenmerk,categorie,maat,waarde,bron,peildatum\n"
               + "".join(f"{r},2025-12,ww_kenmerken,opleidingsniveau,{c},aantal,{n},UWV,december 2025\n"
                         for r, rijen in (("AM12", (("Geen startkwalificatie", 700), ("HAVO/VWO", 300),
                                                    ("MBO vanaf niveau 2", 1000), ("HBO/bachelor", 900),
                                                    ("WO/master", 600))),
                                          ("NL01", (("Geen startkwalificatie", 70000), ("HAVO/VWO", 30000),
                                                    ("MBO vanaf niveau 2", 100000), ("HBO/bachelor", 60000),
                                                    ("WO/master", 40000))))
                         for c, n in rijen)
               + "AM12,2025-12,ww_kenmerken,,Totaal,aantal,3500,UWV,december 2025\n"
               + "NL01,2025-12,ww_kenmerken,,Totaal,aantal,300000,UWV,december 2025\n")


@pytest.fixture
def twee_perioden(raw_dir, warehouse_path, tmp_path):
    inst = Instellingen.uit_omgeving().met(raw_dir=raw_dir, warehouse_path=warehouse_path)
    ww = tmp_path / "ww_december.csv"
    ww.write_text(WW_DECEMBER, encoding="utf-8")
    assert uwv_main(["import", str(VOLGEND), str(ww), "--door", "Test Analist"], instellingen=inst) == 0
    analyse.clear()
    return warehouse_path


def figuur(doc: dict, sleutel: str) -> dict:
    return next(f for s in doc["secties"] for f in s["figuren"] if f["sleutel"] == sleutel)


def sectie_tekst(doc: dict, sectie: str) -> str:
    return " ".join(next(s for s in doc["secties"] if s["id"] == sectie)["alineas"])


def test_the_analyse_defaults_to_the_latest_uwv_period(twee_perioden):
    doc = analyse.maak("AM12")
    assert doc["uwv_periode"] == {"code": "2025-Q3", "label": "Q3 2025", "ww": "2025-12",
                                  "ww_label": "december 2025", "laatste": True}
    assert figuur(doc, "mismatch")["peildatum"] == "Q3 2025 (vacatures), december 2025 (WW)"
    assert figuur(doc, "ww-opleidingsniveau")["peildatum"] == "december 2025"


def test_an_earlier_period_shows_the_seed_figures_in_figures_and_text(twee_perioden):
    doc = analyse.maak("AM12", "2025-Q2")
    assert doc["uwv_periode"]["laatste"] is False and doc["uwv_periode"]["ww"] == "2025-09"
    # Bijlage 1, Tabel 5 and 6: vacatures Q2 2025 against WW september 2025
    assert figuur(doc, "mismatch")["peildatum"] == "Q2 2025 (vacatures), september 2025 (WW)"
    assert figuur(doc, "vacatures")["peildatum"] == "Q2 2025"
    # the WW figures take the WW period paired with Q2 2025: Tabel 3 of juli 2025, not the fixture's december
    assert figuur(doc, "ww-opleidingsniveau")["peildatum"] == "juli 2025"
    assert figuur(doc, "ww-jaarmutatie")["peildatum"].startswith("juli 2025")
    # the text names the same periods as the figures
    assert "december 2025" not in sectie_tekst(doc, "ww")
    assert "Q3 2025" not in sectie_tekst(doc, "mismatch") + sectie_tekst(doc, "vacatures")


def test_an_unknown_period_is_refused_with_the_known_ones(twee_perioden):
    with pytest.raises(analyse.AnalyseFout, match="UWV-periode '2024-Q1' is onbekend .*2025-Q3, 2025-Q2"):
        analyse.maak("AM12", "2024-Q1")


def test_a_saved_version_keeps_its_period(twee_perioden):
    doc = analyse.maak("AM12", "2025-Q2")
    versies.bewaar(doc, "Beraad Q2", door="Test")
    _, terug = versies.laad("Beraad Q2")
    assert terug["uwv_periode"]["code"] == "2025-Q2"
    assert figuur(terug, "mismatch")["peildatum"] == "Q2 2025 (vacatures), september 2025 (WW)"
    # and its export says so, whatever the latest period is
    doc, manifest = report.document("Beraad Q2", "AM12")
    html = report.html(doc, manifest)
    assert "UWV-periode" in html and "vacatures Q2 2025, WW-uitkeringen september 2025 (een eerdere periode)" in html


def test_the_export_cli_takes_the_period(twee_perioden, tmp_path):
    uit = tmp_path / "analyse.html"
    assert report.main(["--format", "html", "--out", str(uit), "--regio", "AM12", "--periode", "2025-Q2"]) == 0
    html = uit.read_text(encoding="utf-8")
    assert "Q2 2025 (vacatures), september 2025 (WW)" in html and "Q3 2025 (vacatures)" not in html
    assert report.main(["--format", "html", "--out", str(uit), "--version", "x", "--periode", "2025-Q2"]) == 1


def test_the_analyse_page_offers_the_period_in_the_url(twee_perioden):
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.query_params["periode"] = "Q2 2025"
    at.run()
    at.switch_page("app_pages/analyse.py").run()
    assert not at.exception, [e.message for e in at.exception]
    keuze = next(b for b in at.get("button_group") if "UWV" in b.proto.label)
    assert [o.content for o in keuze.proto.options] == ["Q3 2025", "Q2 2025"]
    tekst = app_tekst(at)   # the page's text, its HTML blocks included
    assert "Vacatures Q2 2025; WW-uitkeringen september 2025" in tekst
    assert "Q2 2025 (vacatures), september 2025 (WW)" in tekst and "Q3 2025 (vacatures)" not in tekst


def test_choosing_a_period_on_the_analyse_page_redraws_it_at_that_period(twee_perioden):
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("app_pages/analyse.py").run()
    tekst = app_tekst(at)
    assert "Q3 2025 (vacatures), december 2025 (WW)" in tekst
    keuze = next(b for b in at.get("button_group") if "UWV" in b.proto.label)
    keuze.set_value("Q2 2025").run()
    assert not at.exception, [e.message for e in at.exception]
    tekst = app_tekst(at)
    assert "Q2 2025 (vacatures), september 2025 (WW)" in tekst and "Q3 2025 (vacatures)" not in tekst

"""The Analyse for any arbeidsmarktregio (issue 12): the closing opgaven belong to the region whose
Meerjarenbeleidsagenda they quote (keyed by region code in analyse.toml); every other region gets a notice, never
another region's agenda. A comparison that is not like for like says "niet vergelijkbaar" instead of hoger/lager."""
from __future__ import annotations

from dashboard.analyse import document as analyse
from dashboard.analyse import presentatie
from tests.test_regios import open_page, zichtbaar
from tests.test_regios_arbeid import TABEL, arbeid  # noqa: F401 - the fixture, used by name

OPGAVEN = ["De sociale opgave", "De economische opgave", "De ontwikkelopgave", "De samenwerkingsopgave"]
MELDING = ("Voor Groningen zijn in dit dashboard geen regionale opgaven vastgelegd. De vier opgaven waarmee de "
           "analyse voor Gooi en Vechtstreek afsluit, komen uit de Meerjarenbeleidsagenda van die regio en gelden "
           "niet voor Groningen; ze staan daarom niet in deze analyse.")


def werkenden(doc) -> str:
    return " ".join(next(s for s in doc["secties"] if s["id"] == "werkenden")["alineas"])


def test_the_opgaven_close_the_analysis_of_their_own_region_only(warehouse):
    eigen = analyse.maak("AM12")["opgaven"]
    assert [x["naam"] for x in eigen["lijst"]] == OPGAVEN
    assert "regio" not in eigen and "elders" not in eigen   # configuration, not document content
    ander = analyse.maak("AM01")["opgaven"]
    assert ander["lijst"] == [] and ander["inleiding"] == MELDING
    assert ander["titel"] == eigen["titel"] and ander["bron"] == eigen["bron"]


def test_the_analyse_page_of_another_region_shows_the_notice_and_no_opgave(warehouse):
    at = open_page("analyse", regio="AM01")
    tekst = zichtbaar(at)
    assert MELDING in tekst
    assert not any(naam in tekst for naam in OPGAVEN)


def test_the_html_export_and_the_slide_of_another_region_carry_the_notice(warehouse, tmp_path):
    from dashboard.export import report
    assert report.main(["--format", "html", "--out", str(tmp_path / "a.html"), "--regio", "AM01"]) == 0
    html = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert "Voor Groningen zijn in dit dashboard geen regionale opgaven vastgelegd." in html
    assert not any(naam in html for naam in OPGAVEN)
    doc = analyse.maak("AM01")
    assert any(d["soort"] == "opgaven" for d in presentatie.dias(doc))


def test_with_the_analysis_participatie_only_no_national_figure_is_set_beside_it(warehouse):
    tekst = werkenden(analyse.maak("AM12"))
    assert "Met een netto arbeidsparticipatie van" in tekst
    assert "landelijk" not in tekst.split(".")[0] and "niet vergelijkbaar" not in tekst


def test_a_national_participatie_of_another_period_is_named_as_niet_vergelijkbaar(arbeid, capsys):  # noqa: F811
    from etl import refresh
    assert refresh.main(["--only", TABEL]) == 0, capsys.readouterr().err
    tekst = werkenden(analyse.maak("AM12"))
    # the analysis' participatie (UWV Regio in Beeld) beside CBS 85494NED's Nederland of 2022: no hoger/lager
    assert "hoger dan landelijk" not in tekst and "lager dan landelijk" not in tekst
    assert ("Landelijk was de netto arbeidsparticipatie 70,0% in 2022, definitief (niet vergelijkbaar: andere "
            "bron/periode).") in tekst



"""The monitor as a raadslid reads it: realisation against target with hand-computed percentages, pro
rata and on-track marks; derived statuses; every monitor figure stored and redrawn through the figure
path; no None/nan in what is shown; two regions' monitors apart."""
from __future__ import annotations

import json
import re

import pytest

from dashboard.figuren import register
from dashboard.figuren.figuur import naar_dict, van_dict
from dashboard.kern import context
from dashboard.monitor import figuren as monitor_figuren
from etl.build import build
from tests.conftest import replace_in_file
from tests.test_monitor import TWEE_PROJECTEN, VANDAAG, importeer, ingevuld
from werkenaanwerk import invoer
from werkenaanwerk import voortgang as v

# --- realisation against target, computed by hand --------------------------------------------------------

# 15 quarters for a project with a target of 24 per jaar: the example. 2026 so far: 7 + 6 + 6 = 19;
# since the start 41. The percentage is 19/24 = 79%, never 41/24.
AI_LAB = {"2023-Q2": 1, "2023-Q3": 2, "2023-Q4": 2, "2024-Q1": 1, "2024-Q2": 2, "2024-Q3": 2, "2024-Q4": 1,
          "2025-Q1": 2, "2025-Q2": 2, "2025-Q3": 1, "2025-Q4": 3, "2026-Q1": 7, "2026-Q2": 6, "2026-Q3": 6}


def test_a_target_per_jaar_counts_the_monitors_year_and_expects_pro_rata():
    s = v.doelstand(24, "per jaar", "2026-Q3", AI_LAB)
    assert sum(AI_LAB.values()) == 38 and s.realisatie == 19
    assert (s.van, s.tot, s.doel, s.verstreken, s.kwartalen) == ("2026-Q1", "2026-Q4", 24, 3, 4)
    assert s.verwacht == 18                        # 24 × 3/4
    assert round(s.percentage, 2) == 79.17         # 19 / 24
    assert s.op_koers is True                      # 19 ≥ 18
    assert s.verwacht_tekst() == "na 3 van 4 kwartalen verwacht: 18"
    assert s.periode_tekst() == "per jaar: Q1 2026 t/m Q4 2026"
    assert v.procent(s.percentage) == "79%"


def test_a_project_starting_mid_year_has_part_of_the_years_target():
    s = v.doelstand(24, "per jaar", "2026-Q3", {"2026-Q3": 5}, start="2026-Q3")
    assert (s.van, s.tot, s.doel, s.verstreken, s.kwartalen) == ("2026-Q3", "2026-Q4", 12, 1, 2)  # 24 × 2/4
    assert s.verwacht == 6                         # 12 × 1/2
    assert round(s.percentage, 1) == 41.7          # 5 / 12
    assert s.op_koers is False and s.oordeel() == "achter"


def test_a_target_per_projectduur_counts_from_start_to_end():
    per = {"2025-Q1": 4, "2025-Q2": 5, "2025-Q3": 4, "2025-Q4": 5, "2026-Q1": 4, "2026-Q2": 9}
    s = v.doelstand(40, "projectduur", "2026-Q1", per, start="2025-Q1", einde="2026-Q4")
    assert (s.doel, s.realisatie, s.verstreken, s.kwartalen) == (40, 22, 5, 8)   # Q2 2026 lies after the monitor
    assert s.verwacht == 25                        # 40 × 5/8
    assert s.percentage == 55                      # 22 / 40
    assert s.op_koers is False
    assert v.getal(40 * 3 / 8) == "15"
    assert v.getal(10 * 3 / 4) == "7,5"
    # after the end the whole period has passed: expected is the whole target
    na = v.doelstand(40, "projectduur", "2027-Q2", per, start="2025-Q1", einde="2026-Q4")
    assert (na.realisatie, na.verstreken, na.verwacht, na.op_koers) == (31, 8, 40, False)


def test_without_an_end_there_is_no_pro_rata_and_no_judgement():
    s = v.doelstand(40, "projectduur", "2026-Q1", {"2025-Q3": 6}, start="2025-Q3")
    assert (s.realisatie, s.verwacht, s.op_koers, s.oordeel()) == (6, None, None, "geen oordeel")
    assert s.verwacht_tekst() == "geen verwachting naar rato: het einde van het project is niet bekend"
    assert v.doelstand(40, None, "2026-Q1", {"2025-Q3": 6}) is None        # a target without a period: no judgement
    assert v.doelstand(24, "per jaar", "2026-Q1", {}, start="2026-Q3") is None   # the monitor before the start


# --- derived statuses ----------------------------------------------------------------------------------------

def test_nieuw_holds_two_quarters_then_becomes_lopend_marked_as_derived():
    st = [("nieuw", "2023-Q4")]
    assert v.status_op(st, "2023-Q4").tekst() == "nieuw"
    assert v.status_op(st, "2024-Q1").tekst() == "nieuw"
    later = v.status_op(st, "2024-Q2")
    assert (later.tekst(), later.vanaf, later.afgeleid) == ("lopend (afgeleid)", "2024-Q2", True)
    assert v.status_op(st, "2026-Q3").tekst() == "lopend (afgeleid)"
    # a later recorded status wins, and is not derived
    assert v.status_op([*st, ("beëindigd", "2025-Q2")], "2026-Q3").tekst() == "beëindigd"
    assert v.status_op([*st, ("beëindigd", "2025-Q2")], "2025-Q1").tekst() == "lopend (afgeleid)"


def test_a_project_with_results_and_no_status_is_derived_from_its_results():
    assert v.status_op([], "2024-Q1", eerste_resultaat="2024-Q1").tekst() == "nieuw (afgeleid)"
    assert v.status_op([], "2024-Q3", eerste_resultaat="2024-Q1").tekst() == "lopend (afgeleid)"
    assert v.status_op([], "2024-Q3", start="2024-Q2").tekst() == "nieuw (afgeleid)"
    geen = v.status_op([], "2024-Q3")
    assert (geen.tekst(), geen.afgeleid) == ("geen status bekend", False)
    assert v.status_op([], "2023-Q4", eerste_resultaat="2024-Q1").tekst() == "geen status bekend"


# --- the figures in the warehouse --------------------------------------------------------------------------

AI_RIJEN = [["AI Annotatielab", k, n + 1, n, 0, 0, 0, 0] for k, n in AI_LAB.items()]
# nog in traject grows so no uitstroom is larger than what was in the traject
for i, r in enumerate(AI_RIJEN):
    r[7] = sum(x[3] for x in AI_RIJEN[: i + 1])

ZICHTBAAR = re.compile(r"\b(None|nan|NaN|<NA>|NaT)\b")


def zichtbare_tekst(fig) -> str:
    delen = [fig.titel, fig.zin, fig.bron, fig.peildatum, fig.definitie or "", fig.uitleg or "", fig.melding or "",
             *fig.notities]
    if fig.tabel is not None:
        delen += [str(c) for c in fig.tabel.columns] + [str(x) for x in fig.tabel.to_numpy().ravel()]
    if fig.grafiek is not None:
        spec = fig.grafiek.plotly().to_plotly_json()
        delen += [json.dumps([{k: t.get(k) for k in ("name", "text", "y") if k != "y" or t.get("orientation") == "h"}
                              for t in spec["data"]], ensure_ascii=False, default=str)]
    return "\n".join(delen)


@pytest.fixture
def met_resultaten(raw_dir, warehouse_path):
    importeer(ingevuld([*TWEE_PROJECTEN, *AI_RIJEN]))
    build(raw_dir, warehouse_path)
    return context.maak("AM12")


def test_every_monitor_figure_is_stored_and_redrawn_the_same(met_resultaten):
    ctx = met_resultaten
    for sleutel in monitor_figuren.SLEUTELS:
        for keuzes in ({"tot": "2026-Q3"}, {"tot": "2024-Q2", "project": "zorgstart"}):
            if sleutel != "monitor-project":
                keuzes.pop("project", None)
            fig = register.maak(sleutel, ctx, **keuzes)
            assert fig is not None, sleutel
            opgeslagen = json.loads(json.dumps(naar_dict(fig), ensure_ascii=False))
            terug = van_dict(opgeslagen)
            assert (terug.titel, terug.zin, terug.bron, terug.peildatum) == (fig.titel, fig.zin, fig.bron,
                                                                             fig.peildatum)
            if fig.grafiek is not None:
                assert terug.grafiek.bouwer.startswith("dashboard.monitor.charts:")
                assert terug.grafiek.plotly().to_json() == fig.grafiek.plotly().to_json()
            assert terug.tabel.astype(str).equals(fig.tabel.astype(str))
            assert not ZICHTBAAR.search(zichtbare_tekst(fig)), (sleutel, ZICHTBAAR.search(zichtbare_tekst(fig)))


def test_the_target_figure_says_period_realisation_percentage_and_pro_rata(met_resultaten):
    fig = register.maak("monitor-doel", met_resultaten, tot="2026-Q3")
    assert ("**AI Annotatielab**: doel 24 gestarte deelnemers (per jaar: Q1 2026 t/m Q4 2026; bron: "
            "Raadsinformatiebrief Programma Werk en Participatie (begin 2024) (januari 2024)). Gerealiseerd in die "
            "periode t/m Q3 2026: 19 = 79% van 24; na 3 van 4 kwartalen verwacht: 18: **op koers**. Sinds het begin "
            "(cumulatief, los van het doel): 38.") in fig.uitleg
    rij = fig.export[fig.export["Project"] == "AI Annotatielab"].iloc[0]
    assert (rij["Doel"], rij["Realisatie in de doelperiode"], rij["Verwacht naar rato"], rij["Oordeel"],
            rij["Sinds het begin (cumulatief)"]) == (24, 19, 18, "op koers", 38)
    assert round(rij["Percentage van het doel"], 1) == 79.2
    assert "uit een document: AI Annotatielab" in fig.zin
    # the chart shows realisation, target and expectation for the same period
    spec = fig.grafiek.plotly().to_plotly_json()["data"]
    assert [(t["name"], list(t["x"])) for t in spec] == [("Realisatie in de doelperiode", [19]),
                                                         ("Doel voor de periode", [24]),
                                                         ("Verwacht naar rato", [18])]


def test_an_entered_target_says_who_entered_it_never_a_document(met_resultaten, raw_dir, warehouse_path):
    invoer.wijzig_project("zorgstart", {"doel_deelnemers": "20", "doel_periode": "per jaar"}, "Piet Jansen", 1,
                          vandaag=VANDAAG)
    build(raw_dir, warehouse_path)
    fig = register.maak("monitor-doel", context.maak("AM12"), tot="2026-Q3")
    assert "ingevoerd op het dashboard: Zorgstart" in fig.zin and "uit een document: AI Annotatielab" in fig.zin
    bron = fig.export.set_index("Project").loc["Zorgstart", "Bron van het doel"]
    assert bron.startswith("ingevoerd door Piet Jansen op ")
    # a changed target keeps its history, shown with each version's source
    invoer.wijzig_project("ai_annotatielab", {"doel_deelnemers": "30"}, "Piet Jansen", 1, vandaag=VANDAAG)
    build(raw_dir, warehouse_path)
    fig = register.maak("monitor-doel", context.maak("AM12"), tot="2026-Q3")
    regel = next(n for n in fig.notities if n.startswith("Doel van AI Annotatielab gewijzigd"))
    assert regel.startswith("Doel van AI Annotatielab gewijzigd; alle versies, oudste eerst: 24 gestarte deelnemers, "
                            "per jaar (Raadsinformatiebrief Programma Werk en Participatie (begin 2024) (januari "
                            "2024)); 30 gestarte deelnemers (ingevoerd door Piet Jansen op ")
    assert "doel 30 gestarte deelnemers (per jaar: Q1 2026 t/m Q4 2026; bron: ingevoerd door Piet Jansen" in fig.uitleg


def test_per_kwartaal_shows_each_quarter_not_the_running_total(met_resultaten):
    fig = register.maak("monitor-project", met_resultaten, tot="2024-Q2", project="zorgstart")
    spec = fig.grafiek.plotly().to_plotly_json()["data"]
    assert [t["name"] for t in spec] == ["Gestart", "Uitstroom naar werk", "Uitstroom naar opleiding", "Uitgevallen"]
    assert list(spec[0]["y"]) == [8, 5] and list(spec[1]["y"]) == [2, 3]   # TWEE_PROJECTEN, not 8, 13
    ai = register.maak("monitor-project", met_resultaten, tot="2026-Q3", project="ai_annotatielab")
    doel = ai.grafiek.plotly().to_plotly_json()["data"][-1]
    assert doel["name"] == "Doel naar rato per kwartaal (gestart)" and set(doel["y"]) == {6}   # 24 / 4


def test_status_and_krapte_say_what_is_derived_and_what_has_no_beroepsklasse(met_resultaten):
    status = register.maak("monitor-status", met_resultaten, tot="2026-Q3").export.set_index("Project")
    assert status.loc["Zorgstart", "Status t/m Q3 2026"] == "lopend (afgeleid)"       # results, no status
    assert status.loc["Ik in de kinderopvang!", "Status t/m Q3 2026"] == "lopend (afgeleid)"  # nieuw since Q4 2023
    assert status.loc["AI Annotatielab", "Status t/m Q3 2026"] == "bestendigd"
    assert status.loc["AI Annotatielab", "Afgeleid"] == "nee"
    krapte = register.maak("monitor-krapte", met_resultaten, tot="2026-Q3")
    assert any(n.startswith("Zonder beroepsklasse (de bronnen noemen er geen): AI Annotatielab") for n in krapte.notities)
    namen = [t["name"] for t in krapte.grafiek.plotly().to_plotly_json()["data"]]
    assert namen == ["Meer vacatures dan WW (kwalitatieve mismatch)"]   # colour named in the legend, not by colour


def test_two_regions_monitors_stay_apart(raw_dir, warehouse_path):
    replace_in_file(raw_dir / "monitor" / "projecten.csv", "\nzorgstart,AM12,", "\nzorgstart,AM01,")
    importeer(ingevuld([*TWEE_PROJECTEN, *AI_RIJEN]))
    build(raw_dir, warehouse_path)
    am12, am01 = context.maak("AM12"), context.maak("AM01")
    eigen = register.maak("monitor-totaal", am01, tot="2024-Q2")
    assert eigen.titel == "Tot en met Q2 2024 13 deelnemers gestart, 5 uitgestroomd naar werk"   # Zorgstart only
    gooi = register.maak("monitor-totaal", am12, tot="2024-Q2")
    assert gooi.titel == "Tot en met Q2 2024 14 deelnemers gestart, 1 uitgestroomd naar werk"   # 6 + 8, 0 + 1
    assert "Zorgstart" not in register.maak("monitor-doel", am12, tot="2024-Q2").tabel["Project"].tolist()
    assert register.maak("monitor-doel", am01, tot="2024-Q2").tabel["Project"].tolist() == ["Zorgstart"]


# --- the annex for the raadsinformatiebrief ------------------------------------------------------------------

def test_the_excel_export_keeps_numbers_as_numbers_and_has_a_notes_sheet(met_resultaten):
    import io

    import openpyxl

    from dashboard.monitor import export
    wb = openpyxl.load_workbook(io.BytesIO(export.excel("2026-Q3", "AM12", "Gooi en Vechtstreek")))
    assert wb.sheetnames == ["Toelichting", "Alle projecten", "Doelen", "Status", "Krapte", "Per kwartaal"]
    noten = {r[0]: r[1] for r in wb["Toelichting"].iter_rows(min_row=2, values_only=True)}
    assert noten["Op koers"] == v.REGEL_OP_KOERS and noten["Regio"] == "Gooi en Vechtstreek (AM12)"
    per = wb["Per kwartaal"]
    kop = [c.value for c in per[1]]
    gestart = [r[kop.index("Gestart")] for r in per.iter_rows(min_row=2, values_only=True) if r[0] == "AI Annotatielab"]
    assert all(isinstance(x, int) for x in gestart) and sum(gestart) == 38          # the Excel sums
    assert per.cell(2, kop.index("Gestart") + 1).number_format == "#,##0"
    doelen = wb["Doelen"]
    kop = [c.value for c in doelen[1]]
    ai = next(r for r in doelen.iter_rows(min_row=2, values_only=True) if r[0] == "AI Annotatielab")
    assert (ai[kop.index("Doel")], ai[kop.index("Realisatie in de doelperiode")],
            ai[kop.index("Verwacht naar rato")]) == (24, 19, 18)
    assert isinstance(ai[kop.index("Percentage van het doel")], float)
    totaal = wb["Alle projecten"]
    assert all(isinstance(c.value, int) for c in list(totaal.columns)[3][1:])     # sums from SQL, stored as numbers
    for blad in wb:
        for rij in blad.iter_rows(values_only=True):
            assert not any(isinstance(x, str) and ZICHTBAAR.search(x) for x in rij), (blad.title, rij)


def test_the_pdf_html_has_a_paragraph_per_project_from_its_numbers(met_resultaten):
    from dashboard.monitor import export
    html = export.html("2026-Q3", "AM12", "Gooi en Vechtstreek")
    assert ("Het doel is 24 gestarte deelnemers (per jaar: Q1 2026 t/m Q4 2026); in die periode zijn het er 19 "
            "(79% van 24). Na 3 van 4 kwartalen verwacht: 18, dus op koers.") in html
    assert "Van Circulaire economie is geen status bekend." in html
    assert "<h2>Sinds de vorige monitor</h2>" in html
    tekst = re.sub(r"<script.*?</script>", "", html, flags=re.S)
    assert not ZICHTBAAR.search(re.sub(r"<[^>]+>", " ", tekst))
    # the block says the page's numbers; the chart is inline SVG carrying them (no plotly.js: a small page)
    assert ("Doel 24 gestarte deelnemers (per jaar: Q1 2026 t/m Q4 2026): realisatie 19 = 79%; na 3 van 4 "
            "kwartalen verwacht: 18: <strong>op koers</strong>") in html
    assert "plotly" not in html.lower() and len(html) < 100_000
    ai = re.search(r"<title>AI Annotatielab per kwartaal</title><desc>(.*?)</desc>", html).group(1)
    assert ai.startswith("Gestart: Q2 2023 1, Q3 2023 2, Q4 2023 2, Q1 2024 1,")
    assert "Doel naar rato per kwartaal: " in ai
    assert ai.endswith(", Q4 2025 6, Q1 2026 6, Q2 2026 6, Q3 2026 6.")   # 24 per jaar / 4
    assert "<title>Zorgstart per kwartaal</title><desc>Gestart: Q1 2024 8, Q2 2024 5." in html
    assert "Zorgstart</span><span class=\"status\">lopend (afgeleid), sinds Q3 2024" in html


def test_cli_export_writes_excel_and_refuses_bad_choices(met_resultaten, tmp_path, capsys):
    from etl.monitor import __main__ as cli
    doel = tmp_path / "monitor.xlsx"
    assert cli.main(["export", "--format", "xlsx", "--out", str(doel), "--regio", "AM12", "--tot", "Q2 2026"]) == 0
    assert "Monitor Gooi en Vechtstreek (AM12) t/m Q2 2026 geschreven" in capsys.readouterr().out
    assert doel.read_bytes()[:2] == b"PK"
    slecht = tmp_path / "slecht.xlsx"
    assert cli.main(["export", "--format", "xlsx", "--out", str(slecht), "--tot", "2026Q2"]) == 2
    assert "--tot '2026Q2' is geen kwartaal; schrijf 2024-Q2 of Q2 2024." in capsys.readouterr().err
    assert cli.main(["export", "--format", "xlsx", "--out", str(slecht), "--regio", "AM01"]) == 1
    assert "Voor Groningen (AM01) zijn nog geen projecten in de monitor opgenomen" in capsys.readouterr().err
    assert cli.main(["export", "--format", "xlsx", "--out", str(slecht), "--regio", "NL01"]) == 2   # no region
    assert "Onbekende regio 'NL01'" in capsys.readouterr().err
    assert cli.main(["export", "--format", "xlsx", "--out", str(slecht), "--regio", "XX99"]) == 2
    assert not slecht.exists()


# --- bad input: a Dutch message naming the field, and nothing stored ------------------------------------------

def _niets_opgeslagen(fn):
    from werkenaanwerk import opslag
    voor = opslag.lees()
    with pytest.raises(invoer.InvoerFout) as exc:
        fn()
    assert opslag.lees() == voor, "a refused change must store nothing"
    return [f.tekst() for f in exc.value.fouten]


def test_a_target_without_a_period_is_refused(raw_dir):
    fouten = _niets_opgeslagen(lambda: invoer.wijzig_project("zorgstart", {"doel_deelnemers": "20"}, "Piet", 0,
                                                             vandaag=VANDAAG))
    assert fouten == ["projectgegevens, kolom 'doel_periode': een doel heeft een periode nodig: kies per jaar, "
                      "projectduur of periode (van en tot en met een kwartaal); het doel telt gestarte deelnemers, "
                      "uitstroom naar werk of uitstroom naar opleiding, naar het veld"]
    # a project whose period is known already may change its number alone
    invoer.wijzig_project("ai_annotatielab", {"doel_deelnemers": "30"}, "Piet", 0, vandaag=VANDAAG)


def test_a_status_dated_before_the_projects_start_is_refused(raw_dir):
    fouten = _niets_opgeslagen(lambda: invoer.wijzig_project(
        "ik_in_de_kinderopvang", {"status": "verlengd", "status_vanaf": "2023-Q2"}, "Piet", 0, vandaag=VANDAAG))
    assert fouten == ["projectgegevens, kolom 'status_vanaf': Q2 2023 ligt vóór de start van het project (Q4 2023)"]


def test_results_after_a_projects_end_are_refused(raw_dir):
    invoer.wijzig_project("zorgstart", {"status": "beëindigd", "status_vanaf": "2024-Q1"}, "Piet", 0,
                          vandaag=VANDAAG)
    fouten = _niets_opgeslagen(lambda: importeer(ingevuld(TWEE_PROJECTEN)))
    assert fouten == ["monitor.xlsx, blad 'Resultaten', regel 3, kolom 'Kwartaal': Zorgstart is beëindigd vanaf "
                      "Q1 2024; er kunnen geen resultaten over Q2 2024 zijn"]


def test_a_file_for_one_region_with_another_regions_project_is_refused(raw_dir):
    replace_in_file(raw_dir / "monitor" / "projecten.csv", "\nzorgstart,AM12,", "\nzorgstart,AM01,")
    fouten = _niets_opgeslagen(lambda: invoer.importeer("monitor.xlsx", ingevuld(TWEE_PROJECTEN), "Annette Keates",
                                                        vandaag=VANDAAG, regio="AM12"))
    assert fouten[0] == ("monitor.xlsx, blad 'Resultaten', regel 2, kolom 'Project': 'Zorgstart' is een project van "
                         "regio AM01, niet van AM12; lever de cijfers van elke regio apart aan")
    assert len(fouten) == 2   # both Zorgstart rows, none of the others

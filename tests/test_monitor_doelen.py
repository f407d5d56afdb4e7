"""Targets for a date range of their own (issue 18), with their overlap check, and the programme a project
belongs to in the register."""
from __future__ import annotations

import duckdb
import pytest

from dashboard.figuren import register
from dashboard.kern import context
from etl.build import build
from tests.conftest import replace_in_file
from tests.test_monitor import TWEE_PROJECTEN, VANDAAG, importeer, ingevuld, log_bytes, register_geweigerd
from tests.test_monitor_figuren import AI_LAB, AI_RIJEN
from werkenaanwerk import invoer, opslag
from werkenaanwerk import voortgang as v

# --- a target for a date range, computed by hand ------------------------------------------------------------
# AI_LAB per quarter: 2025-Q3 1, 2025-Q4 3, 2026-Q1 7, 2026-Q2 6, 2026-Q3 6. A target of 20 for Q3 2025 to Q2 2026.


def test_a_target_for_a_date_range_counts_only_that_range():
    s = v.doelstand(20, "periode", "2026-Q1", AI_LAB, doel_van="2025-Q3", doel_tot="2026-Q2")
    assert (s.realisatie, s.verstreken, s.kwartalen, s.verwacht) == (1 + 3 + 7, 3, 4, 15)   # 20 x 3/4
    assert round(s.percentage) == 55 and s.oordeel() == "achter"
    assert s.periode_tekst() == "periode: Q3 2025 t/m Q2 2026"
    assert s.verwacht_tekst() == "na 3 van 4 kwartalen verwacht: 15"
    # a monitor after the range counts the whole range and no quarter after it
    na = v.doelstand(20, "periode", "2026-Q3", AI_LAB, doel_van="2025-Q3", doel_tot="2026-Q2")
    assert (na.realisatie, na.verstreken, na.verwacht, round(na.percentage)) == (17, 4, 20, 85)
    # before the range there is nothing to judge; a range without both ends is no target
    assert v.doelstand(20, "periode", "2025-Q2", AI_LAB, doel_van="2025-Q3", doel_tot="2026-Q2") is None
    assert v.doelstand(20, "periode", "2026-Q1", AI_LAB, doel_van="2025-Q3") is None


def _geweigerd(velden: dict, project: str = "ik_in_de_kinderopvang") -> list[str]:
    voor = log_bytes()
    with pytest.raises(invoer.InvoerFout) as exc:
        invoer.wijzig_project(project, velden, "Piet", 0, vandaag=VANDAAG)
    assert log_bytes() == voor, "a refused change must store nothing"
    return [f.tekst() for f in exc.value.fouten]


def test_a_date_range_that_misses_the_project_or_is_incomplete_is_refused(raw_dir):
    doel = {"doel_deelnemers": "20", "doel_periode": "periode"}
    # Ik in de kinderopvang started Q4 2023 (register)
    assert _geweigerd({**doel, "doel_van": "2020-Q1", "doel_tot": "Q4 2021"}) == [
        "projectgegevens, kolom 'doel_van': de doelperiode Q1 2020 t/m Q4 2021 valt helemaal buiten de looptijd van "
        "het project (Q4 2023 t/m einde onbekend); een doel moet over (een deel van) de looptijd gaan"]
    assert _geweigerd({**doel, "doel_van": "2025-Q3", "doel_tot": "2025-Q1"}) == [
        "projectgegevens, kolom 'doel_tot': de doelperiode eindigt (Q1 2025) vóór zij begint (Q3 2025)"]
    assert _geweigerd({**doel, "doel_van": "2025-Q3"}) == [
        "projectgegevens, kolom 'doel_tot': een doel voor een periode heeft een eerste en een laatste kwartaal nodig "
        "(van en tot en met)"]
    assert _geweigerd({**doel, "doel_van": "juli 2025", "doel_tot": "2026-Q2"}) == [
        "projectgegevens, kolom 'doel_van': 'juli 2025' is geen kwartaal; schrijf 2024-Q2 of Q2 2024"]
    assert _geweigerd({"doel_deelnemers": "20", "doel_periode": "per jaar", "doel_van": "2025-Q3",
                       "doel_tot": "2026-Q2"}) == [
        "projectgegevens, kolom 'doel_periode': een doel van/tot en met hoort bij de doelperiode 'periode'; kies "
        "die, of laat van en tot en met leeg"]
    # a project that ended before the range: its end counts too
    invoer.wijzig_project("zorgstart", {"einde": "2024-Q4"}, "Piet", 0, vandaag=VANDAAG)
    assert "valt helemaal buiten de looptijd van het project (start onbekend t/m Q4 2024)" in _geweigerd(
        {**doel, "doel_van": "2025-Q1", "doel_tot": "2025-Q4"}, "zorgstart")[0]


def test_a_date_range_target_reaches_the_page_with_its_period(raw_dir, warehouse_path):
    importeer(ingevuld([*TWEE_PROJECTEN, *AI_RIJEN]))
    invoer.wijzig_project("ai_annotatielab", {"doel_deelnemers": "20", "doel_periode": "periode",
                                              "doel_van": "2025-Q3", "doel_tot": "Q2 2026"},
                          "Piet Jansen", opslag.revisies(opslag.lees())["ai_annotatielab"], vandaag=VANDAAG)
    build(raw_dir, warehouse_path)
    con = duckdb.connect(str(warehouse_path), read_only=True)
    assert con.execute("select doel_deelnemers, doel_periode, doel_van, doel_tot from marts.monitor_projecten "
                       "where project_id = 'ai_annotatielab'").fetchone() == (20, "periode", "2025-Q3", "2026-Q2")
    con.close()
    fig = register.maak("monitor-doel", context.maak("AM12"), tot="2026-Q3")
    assert ("**AI Annotatielab**: doel 20 gestarte deelnemers (periode: Q3 2025 t/m Q2 2026; bron: ingevoerd door "
            "Piet Jansen op ") in fig.uitleg
    assert ("Gerealiseerd in die periode t/m Q3 2026: 17 = 85% van 20; na 4 van 4 kwartalen verwacht: 20: "
            "**achter**.") in fig.uitleg
    rij = fig.export.set_index("Project").loc["AI Annotatielab"]
    assert (rij["Doel"], rij["Realisatie in de doelperiode"], rij["Verwacht naar rato"]) == (20, 17, 20)
    # the history keeps the document's per-jaar target and names the entered range
    regel = next(n for n in fig.notities if n.startswith("Doel van AI Annotatielab gewijzigd"))
    assert "24 gestarte deelnemers, per jaar (Raadsinformatiebrief" in regel
    assert "20 gestarte deelnemers, periode Q3 2025 t/m Q2 2026 (ingevoerd door Piet Jansen op " in regel


def test_a_register_row_with_a_bad_date_range_stops_the_build(raw_dir, warehouse_path):
    assert ("monitor/projecten.csv, regel 5, kolom 'doel_tot': de doelperiode eindigt (2026-Q1) vóór zij begint "
            "(2026-Q3)") in register_geweigerd(raw_dir, warehouse_path, ",,,24,,,per jaar,,,",
                                                ",,,24,,,periode,2026-Q3,2026-Q1,")


# --- the programme -------------------------------------------------------------------------------------------

def test_the_register_names_each_projects_programme(raw_dir, warehouse_path):
    code = invoer.wijzig_project(None, {"naam": "Techniekroute", "programma": "Techniek Werkt", "regio": "AM12"},
                                 "Annette", 0, vandaag=VANDAAG)
    replace_in_file(raw_dir / "monitor" / "projecten.csv", "\nzorgstart,AM12,Zorgstart,Werken aan Werk,",
                    "\nzorgstart,AM12,Zorgstart,,")   # empty: the default programme
    build(raw_dir, warehouse_path)
    con = duckdb.connect(str(warehouse_path), read_only=True)
    programmas = dict(con.execute("select project_id, programma from marts.monitor_projecten").fetchall())
    assert programmas[code] == "Techniek Werkt"
    assert {p for k, p in programmas.items() if k != code} == {"Werken aan Werk"}
    con.close()
    status = register.maak("monitor-status", context.maak("AM12"), tot="2026-Q3").export.set_index("Project")
    assert status.loc["Techniekroute", "Programma"] == "Techniek Werkt"
    assert status.loc["Zorgstart", "Programma"] == "Werken aan Werk"


def test_a_programme_name_that_is_a_formula_is_refused(raw_dir):
    with pytest.raises(invoer.InvoerFout) as exc:
        invoer.wijzig_project(None, {"naam": "Techniekroute", "programma": "=1+1", "regio": "AM12"}, "Annette", 0,
                              vandaag=VANDAAG)
    assert [f.tekst() for f in exc.value.fouten] == [
        "projectgegevens, kolom 'programma': de naam van een programma mag niet beginnen met '=': in Excel wordt "
        "zo'n naam een formule. Begin de naam met een letter of cijfer"]
    assert log_bytes() == []


def _met_programma(sjabloon: bytes, wijzig: dict[str, object]) -> bytes:
    """The template with the column Programma of sheet Projecten changed for the given project codes."""
    import io

    import openpyxl
    wb = openpyxl.load_workbook(io.BytesIO(sjabloon))
    blad = wb["Projecten"]
    kop = [c.value for c in blad[1]]
    for rij in blad.iter_rows(min_row=2):
        if rij[kop.index("Code")].value in wijzig:
            rij[kop.index("Programma")].value = wijzig[rij[kop.index("Code")].value]
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_the_template_carries_the_programme_and_a_change_there_is_stored_with_its_history(raw_dir, warehouse_path):
    import io

    import openpyxl
    sjabloon = invoer.sjabloon("AM12")
    blad = openpyxl.load_workbook(io.BytesIO(sjabloon))["Projecten"]
    assert [c.value for c in blad[1]] == ["Code", "Project", "Revisie (niet wijzigen)", "Regio", "Programma"]
    assert {r[4] for r in blad.iter_rows(min_row=2, values_only=True)} == {"Werken aan Werk"}
    # the programme changed on the sheet, results added on the other: one save, both stored
    bestand = ingevuld(TWEE_PROJECTEN, _met_programma(sjabloon, {"zorgstart": "  Zorg  Werkt "}))
    uitkomst = importeer(bestand, door="Bea")
    assert uitkomst.tekst() == ("Opgeslagen: 4 nieuw, 0 gecorrigeerd, 0 ongewijzigd. Programma gewijzigd: Zorgstart: "
                                "Werken aan Werk → Zorg Werkt.")
    assert [(r["soort"], r.get("programma"), r["door"]) for r in log_bytes() if r["soort"] == "project"] == [
        ("project", "Zorg Werkt", "Bea")]
    # the next template shows it; importing that one again changes nothing
    assert importeer(invoer.sjabloon("AM12")).tekst() == "Niets gewijzigd: alle cijfers waren al zo opgeslagen."
    # and it is changed back on the form by someone else: both versions stay in the history
    rev = opslag.revisies(opslag.lees())["zorgstart"]
    invoer.wijzig_project("zorgstart", {"programma": "Werken aan Werk"}, "Piet", rev, vandaag=VANDAAG)
    build(raw_dir, warehouse_path)
    ctx = context.maak("AM12")
    status = register.maak("monitor-status", ctx, tot="2024-Q2")
    assert status.export.set_index("Project").loc["Zorgstart", "Programma"] == "Werken aan Werk"
    noot = [n for n in status.notities if n.startswith("Programma van Zorgstart")]
    assert len(noot) == 1 and noot[0].startswith(
        "Programma van Zorgstart gewijzigd; alle versies, oudste eerst: Werken aan Werk (projectenregister, Programma "
        "Werk & Participatie 2022-2026); Zorg Werkt (ingevoerd door Bea op "), noot
    assert "; Werken aan Werk (ingevoerd door Piet op " in noot[0]
    assert not [n for n in status.notities if n.startswith("Programma van Ik in de kinderopvang")]


@pytest.mark.parametrize("waarde, melding", [
    ("=HYPERLINK(\"x\")", "Zorgstart: de naam van een programma mag niet beginnen met '=': in Excel wordt zo'n naam "
                          "een formule. Begin de naam met een letter of cijfer"),
    ("", "Zorgstart: het programma ontbreekt; vul de naam van het programma in (bijvoorbeeld Werken aan Werk)"),
    ("P" * 81, "Zorgstart: de naam van het programma is 81 tekens; hoogstens 80. Kort de naam in"),
])
def test_a_bad_programme_on_the_template_is_refused_with_its_cell_and_nothing_stored(raw_dir, waarde, melding):
    from tests.test_monitor import afgewezen
    bestand = ingevuld(TWEE_PROJECTEN, _met_programma(invoer.sjabloon("AM12"), {"zorgstart": waarde}))
    # Zorgstart is the first project: row 2 of sheet Projecten
    assert afgewezen(bestand) == [f"monitor.xlsx, blad 'Projecten', regel 2, kolom 'Programma': {melding}"]


def test_a_programme_changed_on_a_stale_template_or_form_is_refused_and_nothing_stored(raw_dir):
    from tests.test_monitor import afgewezen
    sjabloon = invoer.sjabloon("AM12")   # made at revision 0 of every project
    invoer.wijzig_project("zorgstart", {"einde": "2026-Q4"}, "Piet", 0, vandaag=VANDAAG)   # now revision 1
    fouten = afgewezen(_met_programma(sjabloon, {"zorgstart": "Zorg Werkt"}))
    assert fouten == ["monitor.xlsx, blad 'Projecten', regel 2, kolom 'Programma': verouderd: dit sjabloon gaat uit "
                      "van revisie 0 van Zorgstart, maar intussen is het revisie 1 (laatst gewijzigd door Piet). Het "
                      "programma is niet gewijzigd: download een nieuw sjabloon en wijzig het daarin"]
    voor = log_bytes()
    with pytest.raises(opslag.Conflict) as exc:   # the form: the revision it was loaded at
        invoer.wijzig_project("zorgstart", {"programma": "Zorg Werkt"}, "Bea", 0, vandaag=VANDAAG)
    assert "Niet opgeslagen: project 'zorgstart' is intussen gewijzigd door Piet" in str(exc.value)
    assert log_bytes() == voor
    # a project of another region's template cannot be changed through this region's upload
    bestand = ingevuld([], _met_programma(invoer.sjabloon("AM12"), {"ik_in_de_kinderopvang": "Kinderopvang"}))
    with pytest.raises(invoer.InvoerFout) as exc:
        invoer.importeer("m.xlsx", bestand, "Bea", vandaag=VANDAAG, regio="AM01")
    assert [f.tekst() for f in exc.value.fouten] == [
        "m.xlsx, blad 'Projecten', regel 3, kolom 'Programma': 'Ik in de kinderopvang!' is een project van regio "
        "AM12, niet van AM01; wijzig het in het sjabloon van die regio"]
    assert log_bytes() == voor


# --- two targets of one kind may not overlap ---------------------------------------------------------------
# "Kind" is the indicator a target counts, which is its unit too: gestarte deelnemers, uitstroom naar werk or
# uitstroom naar opleiding. Targets of different kinds never conflict.

def test_the_fold_of_target_versions_by_hand():
    from werkenaanwerk import doelen
    seed = {"volgnummer": 0, "doel_deelnemers": 24, "doel_periode": "per jaar"}
    # an older record (no doel_modus) with an amount only keeps the period; one with a period moves every kind
    oud = {"volgnummer": 5, "doel_uitstroom_werk": 6}
    vervangt = {"volgnummer": 7, "doel_modus": "vervangt", "doel_deelnemers": 48, "doel_periode": "periode",
                "doel_van": "2024-Q1", "doel_tot": "2025-Q4", "door": "Piet"}
    erbij = {"volgnummer": 9, "doel_modus": "erbij", "doel_deelnemers": 30, "doel_periode": "periode",
             "doel_van": "2026-Q1", "doel_tot": "2026-Q4", "door": "Bea"}
    g = doelen.geldig([seed, oud, vervangt, erbij])
    assert [(x.doel, x.periode, x.van, x.tot, x.door) for x in g["doel_deelnemers"]] == [
        (48, "periode", "2024-Q1", "2025-Q4", "Piet"), (30, "periode", "2026-Q1", "2026-Q4", "Bea")]
    # the 'vervangt' record for gestart did not move uitstroom naar werk off its per-jaar period
    assert [(x.doel, x.periode) for x in g["doel_uitstroom_werk"]] == [(6, "per jaar")]
    assert g["doel_uitstroom_opleiding"] == []
    assert doelen.overlappingen(g, "2024-Q1", None) == []
    # a third one over Q3 2025 to Q2 2026 overlaps both; one over the run (projectduur) overlaps too
    g = doelen.geldig([seed, oud, vervangt, erbij, {**erbij, "volgnummer": 11, "doel_deelnemers": 10,
                                                    "doel_van": "2025-Q3", "doel_tot": "2026-Q2"}])
    assert [(a.doel, b.doel) for a, b in doelen.overlappingen(g, "2024-Q1", None)] == [(48, 10), (30, 10)]
    g = doelen.geldig([seed, {"volgnummer": 3, "doel_modus": "erbij", "doel_deelnemers": 5,
                              "doel_periode": "periode", "doel_van": "2030-Q1", "doel_tot": "2030-Q4"}])
    assert [(a.doel, b.doel) for a, b in doelen.overlappingen(g, None, None)] == [(24, 5)]   # per jaar: the run
    assert doelen.overlappingen(g, None, "2029-Q4") == []   # the run ends before 2030
    # 'vervangt' replaces every target of the kind, also several
    g = doelen.geldig([seed, vervangt, erbij, {"volgnummer": 12, "doel_modus": "vervangt", "doel_deelnemers": 50,
                                                "doel_periode": "projectduur"}])
    assert [(x.doel, x.periode) for x in g["doel_deelnemers"]] == [(50, "projectduur")]


def _ai(velden: dict) -> None:
    invoer.wijzig_project("ai_annotatielab", velden, "Piet Jansen", opslag.revisies(opslag.lees()).get(
        "ai_annotatielab", 0), vandaag=VANDAAG)


def test_an_overlapping_target_is_refused_naming_the_project_both_targets_and_their_periods(raw_dir):
    voor = log_bytes()
    # AI Annotatielab has 24 per jaar from its document: per jaar covers every year of the run
    assert _geweigerd({"doel_deelnemers": "30", "doel_periode": "periode", "doel_van": "2026-Q1",
                       "doel_tot": "2026-Q4", "doel_modus": "erbij"}, "ai_annotatielab") == [
        "projectgegevens, kolom 'doel_deelnemers': het doel 30 gestarte deelnemers (periode Q1 2026 t/m Q4 2026) van "
        "AI Annotatielab overlapt met het doel 24 gestarte deelnemers (per jaar, over de looptijd start onbekend t/m "
        "einde onbekend): twee doelen voor dezelfde soort mogen niet over dezelfde kwartalen gaan. Kies 'vervangt "
        "het huidige doel' om het bestaande doel te vervangen (het oude blijft in de geschiedenis), of een periode "
        "die er niet mee overlapt"]
    # another kind is no conflict; replacing is none either; then a target for 2026 beside the one up to 2025
    _ai({"doel_uitstroom_werk": "5", "doel_periode": "periode", "doel_van": "2026-Q1", "doel_tot": "2026-Q4",
         "doel_modus": "erbij"})
    _ai({"doel_deelnemers": "48", "doel_periode": "periode", "doel_van": "2024-Q1", "doel_tot": "2025-Q4",
         "doel_modus": "vervangt"})
    _ai({"doel_deelnemers": "30", "doel_periode": "periode", "doel_van": "2026-Q1", "doel_tot": "2026-Q4",
         "doel_modus": "erbij"})
    assert len(log_bytes()) == len(voor) + 3
    # one over Q4 2025 to Q1 2026 touches both: two messages, nothing stored
    fouten = _geweigerd({"doel_deelnemers": "8", "doel_periode": "periode", "doel_van": "Q4 2025",
                         "doel_tot": "Q1 2026", "doel_modus": "erbij"}, "ai_annotatielab")
    assert [f.split(": twee doelen")[0] for f in fouten] == [
        "projectgegevens, kolom 'doel_deelnemers': het doel 8 gestarte deelnemers (periode Q4 2025 t/m Q1 2026) van "
        "AI Annotatielab overlapt met het doel 48 gestarte deelnemers (periode Q1 2024 t/m Q4 2025)",
        "projectgegevens, kolom 'doel_deelnemers': het doel 8 gestarte deelnemers (periode Q4 2025 t/m Q1 2026) van "
        "AI Annotatielab overlapt met het doel 30 gestarte deelnemers (periode Q1 2026 t/m Q4 2026)"]
    # 'erbij' needs a period of its own and an amount; an unknown mode is refused
    assert _geweigerd({"doel_deelnemers": "8", "doel_modus": "erbij"}, "ai_annotatielab") == [
        "projectgegevens, kolom 'doel_periode': een doel dat erbij komt heeft een eigen periode nodig: per jaar, "
        "projectduur of periode (van en tot en met een kwartaal)"]
    assert _geweigerd({"doel_periode": "projectduur", "doel_modus": "vervangt"}, "ai_annotatielab") == [
        "projectgegevens, kolom 'doel_modus': vul het aantal in van het doel dat vervangt of erbij komt"]
    assert _geweigerd({"doel_deelnemers": "8", "doel_periode": "projectduur", "doel_modus": "ernaast"},
                      "ai_annotatielab") == ["projectgegevens, kolom 'doel_modus': kies uit vervangt, erbij"]


def test_each_monitor_counts_against_the_target_whose_period_holds_it(raw_dir, warehouse_path):
    """AI_LAB by hand: 48 over Q1 2024 to Q4 2025 (8 quarters); at Q2 2025: 1+2+2+1 + 2+2 = 10 in 6 quarters,
    expected 48 x 6/8 = 36, 21%. 30 over 2026; at Q2 2026: 7+6 = 13 in 2 of 4 quarters, expected 15, 43%."""
    from werkenaanwerk import doelen
    importeer(ingevuld([*TWEE_PROJECTEN, *AI_RIJEN]))
    _ai({"doel_deelnemers": "48", "doel_periode": "periode", "doel_van": "2024-Q1", "doel_tot": "2025-Q4",
         "doel_modus": "vervangt"})
    _ai({"doel_deelnemers": "30", "doel_periode": "periode", "doel_van": "2026-Q1", "doel_tot": "2026-Q4",
         "doel_modus": "erbij"})
    build(raw_dir, warehouse_path)
    ctx = context.maak("AM12")
    for tot, verwacht in (("2025-Q2", (48, 10, 36, 20.8)), ("2026-Q2", (30, 13, 15, 43.3))):
        rij = register.maak("monitor-doel", ctx, tot=tot).export.set_index("Project").loc["AI Annotatielab"]
        assert (rij["Doel"], rij["Realisatie in de doelperiode"], rij["Verwacht naar rato"],
                rij["Percentage van het doel"]) == verwacht, tot
    # per quarter the dashed line follows the target that holds it: none in 2023 (24 per jaar was replaced),
    # 48 / 8 = 6 in 2024-2025, 30 / 4 = 7,5 in 2026
    fig = register.maak("monitor-project", ctx, tot="2026-Q3", project="ai_annotatielab")
    lijn = fig.grafiek.plotly().to_plotly_json()["data"][-1]
    assert list(lijn["y"]) == [None] * 3 + [6.0] * 8 + [7.5] * 3
    assert ("Stippellijn: het doel naar rato per kwartaal (gestart), 6 (48 over 8 kwartalen, periode: Q1 2024 t/m Q4 "
            "2025); 7,5 (30 over 4 kwartalen, periode: Q1 2026 t/m Q4 2026).") in fig.zin
    # the build's fold and the input's agree
    con = duckdb.connect(str(warehouse_path), read_only=True)
    sql = sorted(con.execute("select soort, doel, doel_periode, doel_van, doel_tot from marts.monitor_doelen_geldig "
                             "where project_id = 'ai_annotatielab'").fetchall())
    con.close()
    versies = [{"volgnummer": 0, "doel_deelnemers": 24, "doel_periode": "per jaar"},
               *[r for r in opslag.lees() if r["soort"] == "project"]]
    assert sql == sorted((x.soort, x.doel, x.periode, x.van, x.tot)
                         for lijst in doelen.geldig(versies).values() for x in lijst) == [
        ("doel_deelnemers", 30, "periode", "2026-Q1", "2026-Q4"), ("doel_deelnemers", 48, "periode", "2024-Q1",
                                                                   "2025-Q4")]


def test_the_register_checks_refuse_a_document_target_that_overlaps_one_entered_beside_it(raw_dir, warehouse_path):
    # Zorgstart has no target in the register; one is entered for 2026, then the register gets one per jaar
    invoer.wijzig_project("zorgstart", {"doel_deelnemers": "12", "doel_periode": "periode", "doel_van": "2026-Q1",
                                        "doel_tot": "2026-Q4", "doel_modus": "erbij"}, "Bea", 0, vandaag=VANDAAG)
    bericht = register_geweigerd(raw_dir, warehouse_path, 'zorgbranche",,,,,,,,,Programma',
                                 'zorgbranche",,,10,,,per jaar,,,Programma')
    assert ("monitoropslag, regel 1, kolom 'doel_deelnemers': project 'zorgstart': het doel 12 gestarte deelnemers "
            "(periode Q1 2026 t/m Q4 2026) overlapt met het doel 10 gestarte deelnemers (per jaar); twee doelen voor "
            "dezelfde soort mogen niet over dezelfde kwartalen gaan") in bericht, bericht

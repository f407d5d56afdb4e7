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

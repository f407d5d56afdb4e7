"""The UWV file source (etl/bronnen/uwv) and its CLI `python -m etl.uwv`: both layouts, history,
the seed's period pinned, every bad input refused with a Dutch message, exit code 1 and nothing
stored. Fixtures in tests/fixtures/uwv/: Bijlage 1 Tabel 1, 2, 5, 6 as UWV prints them (real
figures) and `volgend_kwartaal_lang.csv` (testfixture, verzonnen waarden)."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import duckdb
import openpyxl
import pytest

from basis.instellingen import Instellingen
from etl import refresh
from etl.bronnen import uwv
from etl.bronnen.uwv import controle, lezen
from etl.build import build
from etl.uwv.__main__ import main as uwv_main

FIX = Path(__file__).parent / "fixtures" / "uwv"
BIJLAGE1 = sorted(FIX.glob("bijlage1_*.csv"))
VOLGEND = FIX / "volgend_kwartaal_lang.csv"
KOP = "regio,periode,tabel,kenmerk,categorie,maat,waarde,bron,peildatum\n"


@pytest.fixture
def inst(raw_dir, warehouse_path, tmp_path) -> Instellingen:
    return Instellingen.uit_omgeving().met(raw_dir=raw_dir, warehouse_path=warehouse_path,
                                           uwv_inbox=tmp_path / "inbox")


def rows(path: Path, sql: str, params=None) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def stored(raw: Path) -> list[str]:
    base = raw / "uwv"
    return sorted(p.name for p in base.iterdir()) if base.exists() else []


def run_import(inst, *paden, extra=()) -> int:
    return uwv_main(["import", *map(str, paden), "--door", "Test Analist", *extra], instellingen=inst)


def write(tmp_path: Path, naam: str, tekst: str) -> Path:
    p = tmp_path / naam
    p.write_text(tekst, encoding="utf-8")
    return p


VERGELIJK = ("select dataset, regio_code, periode, periode_type, indicator, dimensie, categorie, maat, waarde, "
             "eenheid, bron, peildatum, beroepsklasse_code, is_totaal from marts.feiten "
             "where dataset in ('gwu_opleiding', 'gwu_leeftijd', 'ww_kenmerken', 'vacatures_beroepsklasse', "
             "'ww_beroepsklasse') "
             "order by all")


# --- the seed's period, and both layouts -------------------------------------------------------------------

def test_importing_the_seed_tables_as_uwv_prints_them_gives_identical_warehouse_rows(inst, capsys):
    build(inst.raw_dir, inst.warehouse_path)
    voor = rows(inst.warehouse_path, VERGELIJK)
    assert len(voor) == 46 + 14 + 90 + 50 + 13
    assert run_import(inst, *BIJLAGE1) == 0
    na = rows(inst.warehouse_path, VERGELIJK)
    assert na == voor
    # and the rows now come from the import, not the seed: the replacement really happened
    for tabel in ("gwu_opleiding", "gwu_leeftijd", "ww_kenmerken", "vacatures_beroepsklasse", "ww_beroepsklasse"):
        vindplaats = rows(inst.warehouse_path, "select distinct vindplaats from marts.feiten where dataset = $t",
                          {"t": tabel})
        assert [v[0][:11] for v in vindplaats] == ["UWV-bestand"], tabel


def test_a_next_quarter_in_the_long_layout_adds_a_period_and_keeps_the_older_mismatch(inst):
    build(inst.raw_dir, inst.warehouse_path)
    sql = ("select beroepsklasse, vacatures, ww_uitkeringen, mismatch from marts.mismatch_perioden "
           "where regio_code = 'AM12' and keuze = '2025-Q2' order by beroepsklasse")
    oud = rows(inst.warehouse_path, "select beroepsklasse, vacatures, ww_uitkeringen, mismatch from marts.mismatch "
                                    "where regio_code = 'AM12' order by beroepsklasse")
    assert run_import(inst, VOLGEND) == 0
    assert rows(inst.warehouse_path, sql) == oud
    perioden = rows(inst.warehouse_path, "select distinct keuze, is_laatste, ww_periode from marts.mismatch_perioden "
                                         "where regio_code = 'AM12' order by keuze")
    assert perioden == [("2025-Q2", False, "2025-09"), ("2025-Q3", True, "2025-12")]
    # hand-computed from the fixture: Managers 400 vacatures against 700 WW-uitkeringen in december
    assert rows(inst.warehouse_path, "select vacatures, ww_uitkeringen, mismatch from marts.mismatch_perioden "
                                     "where regio_code = 'AM12' and keuze = '2025-Q3' and beroepsklasse = 'Managers'") \
        == [(400.0, 700.0, "kwantitatieve mismatch")]
    # a second region from the same file
    assert rows(inst.warehouse_path, "select sum(vacatures) from marts.mismatch_perioden where regio_code = 'AM01' "
                                     "and not is_rest") == [(10170.0,)]


def test_the_same_figures_as_excel_template_give_the_same_rows_as_the_csv(inst, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for line in VOLGEND.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            ws.append(next(iter(__import__("csv").reader([line]))))
    xlsx = tmp_path / "volgend.xlsx"
    wb.save(xlsx)
    a = uwv.controleer("volgend.xlsx", xlsx.read_bytes(), inst.raw_dir)[0]
    b = uwv.controleer(VOLGEND.name, VOLGEND.read_bytes(), inst.raw_dir)[0]
    assert [(f.regio, f.periode, f.indicator, f.dimensie, f.categorie, f.maat, f.waarde) for f in a] == \
           [(f.regio, f.periode, f.indicator, f.dimensie, f.categorie, f.maat, f.waarde) for f in b]


def test_spanningsindicator_bands_at_their_boundaries(inst):
    assert run_import(inst, VOLGEND) == 0
    banden = dict(rows(inst.warehouse_path, "select beroepsklasse, band from marts.uwv_spanning "
                                            "where regio_code = 'AM12' and keuze = '2025-Q3'"))
    # fixture: vacatures / WW < 6 maanden = 24/100, 150/600, 67/100, 300/200, 400/100, 610/150
    assert banden["Openbaar bestuur, veiligheid en juridische beroepen"] == "zeer ruim"   # 0,24
    assert banden["Creatieve en taalkundige beroepen"] == "ruim"                          # 0,25
    assert banden["Dienstverlenende beroepen"] == "gemiddeld"                             # 0,67
    assert banden["ICT beroepen"] == "krap"                                               # 1,5
    assert banden["Managers"] == "krap"                                                   # 4
    assert banden["Commerciële beroepen"] == "zeer krap"                                  # 4,07


def test_without_ww_by_duur_the_spanning_is_the_approximation_and_says_so(inst):
    assert run_import(inst, VOLGEND) == 0
    assert set(rows(inst.warehouse_path, "select distinct is_benadering from marts.uwv_spanning "
                                         "where regio_code = 'AM01'")) == {(True,)}
    assert set(rows(inst.warehouse_path, "select distinct is_benadering from marts.uwv_spanning "
                                         "where regio_code = 'AM12' and keuze = '2025-Q3'")) == {(False,)}


# --- history -----------------------------------------------------------------------------------------------

def test_reimporting_a_period_replaces_it_and_keeps_the_earlier_import_as_history(inst, tmp_path):
    assert run_import(inst, VOLGEND) == 0
    correctie = write(tmp_path, "correctie.csv", KOP + "AM12,2025-Q3,vacatures_beroepsklasse,,Managers,aantal,"
                                                       "425,UWV,Q3 2025 (gecorrigeerd)\n")
    assert run_import(inst, correctie) == 0
    assert len(stored(inst.raw_dir)) == 2
    assert rows(inst.warehouse_path, "select waarde, peildatum from marts.feiten where regio_code = 'AM12' and "
                                     "periode = '2025-Q3' and dataset = 'vacatures_beroepsklasse'") == \
        [(425.0, "Q3 2025 (gecorrigeerd)")]
    # other regions of the first file are untouched, and the first import is listed with 0 rows in use
    assert rows(inst.warehouse_path, "select count(*) from marts.feiten where regio_code = 'AM01' and "
                                     "dataset = 'vacatures_beroepsklasse'") == [(25,)]
    imports = rows(inst.warehouse_path, "select bestand, door, rijen, rijen_in_gebruik from marts.uwv_imports "
                                        "where regio_code = 'AM12' and tabel = 'vacatures_beroepsklasse' "
                                        "order by import_id")
    assert imports == [("volgend_kwartaal_lang.csv", "Test Analist", 25, 0), ("correctie.csv", "Test Analist", 1, 1)]


def test_every_import_is_a_snapshot_with_a_manifest(inst):
    assert run_import(inst, VOLGEND) == 0
    (folder,) = [inst.raw_dir / "uwv" / n for n in stored(inst.raw_dir)]
    m = uwv.manifest(folder)
    assert m["bestand"] == VOLGEND.name and m["door"] == "Test Analist"
    assert m["regios"] == ["AM01", "AM12", "NL01"] and m["perioden"] == ["2025-12", "2025-Q3"]
    assert (folder / VOLGEND.name).read_bytes() == VOLGEND.read_bytes()
    import hashlib
    assert m["sha256"] == hashlib.sha256(VOLGEND.read_bytes()).hexdigest()


def test_the_same_file_twice_is_a_plain_no_op(inst, capsys):
    assert run_import(inst, VOLGEND) == 0
    capsys.readouterr()
    assert run_import(inst, VOLGEND) == 0
    out = capsys.readouterr().out
    assert "al ingelezen" in out and "er is niets veranderd" in out
    assert len(stored(inst.raw_dir)) == 1


def test_controleer_checks_without_storing(inst, capsys):
    assert run_import(inst, VOLGEND, extra=["--controleer"]) == 0
    assert "goedgekeurd (niet opgeslagen)" in capsys.readouterr().out
    assert stored(inst.raw_dir) == []
    assert not inst.warehouse_path.exists()


def test_refresh_picks_up_the_inbox(inst, capsys):
    inst.uwv_inbox.mkdir(parents=True)
    (inst.uwv_inbox / VOLGEND.name).write_bytes(VOLGEND.read_bytes())
    assert refresh.main(["--offline"], instellingen=inst) == 0
    assert (inst.uwv_inbox / "verwerkt" / VOLGEND.name).exists()
    assert rows(inst.warehouse_path, "select count(*) from marts.feiten where periode = '2025-Q3' "
                                     "and regio_code = 'AM12'") == [(25,)]


def test_refresh_moves_a_refused_inbox_file_aside_and_says_why(inst, capsys):
    inst.uwv_inbox.mkdir(parents=True)
    (inst.uwv_inbox / "kapot.csv").write_text(KOP + "AM99,2025-Q3,vacatures_beroepsklasse,,Managers,aantal,4,UWV,x\n")
    assert refresh.main(["--offline"], instellingen=inst) == 1
    assert "onbekende regio 'AM99'" in capsys.readouterr().err
    assert (inst.uwv_inbox / "geweigerd" / "kapot.csv.fout.txt").exists()
    assert stored(inst.raw_dir) == []


def test_template_is_written_and_reads_back_through_the_same_check(inst, tmp_path):
    out = tmp_path / "sjabloon.xlsx"
    assert uwv_main(["template", str(out)], instellingen=inst) == 0
    feiten, _, vorm = uwv.controleer(out.name, out.read_bytes(), inst.raw_dir)
    assert vorm == "lang" and {f.categorie for f in feiten} == {"Managers", "Totaal"}


# --- numbers -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("tekst,maat,waarde", [
    ("1657", "aantal", 1657), ("1.657", "aantal", 1657), ("2.000", "aantal", 2000),
    ("1.034.173", "aantal", 1034173), ("14%", "aandeel", 14), ("-4%", "jaarmutatie", -4),
    ("2,5", "aandeel", 2.5), ("40,5%", "aandeel", 40.5), ("1.234,5", "jaarmutatie", 1234.5),
])
def test_dutch_numbers(tekst, maat, waarde):
    assert controle.getal(tekst, maat) == (waarde, None, None)


@pytest.mark.parametrize("tekst,maat,woord", [
    ("2.000", "aandeel", "dubbelzinnig"), ("2.5", "aantal", "dubbelzinnig"), ("2,5", "aantal", "geen heel getal"),
    ("veel", "aantal", "geen getal"), ("14%", "aantal", "percentage"),
])
def test_ambiguous_or_non_numeric_values_are_refused(tekst, maat, woord):
    waarde, reden, fout = controle.getal(tekst, maat)
    assert waarde is None and reden is None and woord in fout


@pytest.mark.parametrize("tekst", ["-", "*", "<10", "", "x"])
def test_suppressed_cells_become_null_with_the_reason_never_zero(tekst):
    waarde, reden, fout = controle.getal(tekst, "aantal")
    assert waarde is None and fout is None and reden


def test_a_suppressed_cell_reaches_the_warehouse_as_null_with_its_reason(inst, tmp_path):
    f = write(tmp_path, "onderdrukt.csv", KOP + "AM12,2025-Q3,vacatures_beroepsklasse,,Managers,aantal,<10,UWV,Q3 2025\n")
    assert run_import(inst, f) == 0
    assert rows(inst.warehouse_path, "select waarde, kwalificatie from marts.feiten where periode = '2025-Q3' "
                                     "and regio_code = 'AM12'") == [(None, "onderdrukt: <10")]


# --- bad input: Dutch message naming the place, exit code 1, nothing stored or changed ---------------------

def _refused(inst, capsys, pad: Path, *woorden: str) -> str:
    build(inst.raw_dir, inst.warehouse_path)
    voor = inst.warehouse_path.read_bytes()
    assert run_import(inst, VOLGEND) == 0        # something already stored, that must stay as it is
    na_eerste = inst.warehouse_path.read_bytes()
    assert na_eerste != voor
    snap = stored(inst.raw_dir)
    capsys.readouterr()
    assert run_import(inst, pad) == 1
    err = capsys.readouterr().err
    for w in woorden:
        assert w in err, err
    assert "Er is niets opgeslagen" in err
    assert stored(inst.raw_dir) == snap
    assert inst.warehouse_path.read_bytes() == na_eerste
    return err


def test_refuses_a_formula_in_an_xlsx_cell(inst, capsys, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Cijfers"
    ws.append(KOP.strip().split(","))
    ws.append(["AM12", "2025-Q4", "vacatures_beroepsklasse", "", "Managers", "aantal", "=1+1", "UWV", "Q4 2025"])
    p = tmp_path / "formule.xlsx"
    wb.save(p)
    _refused(inst, capsys, p, "formule.xlsx, blad 'Cijfers', regel 2, kolom 'G'", "formule in een cel")


def test_refuses_a_formula_in_a_csv_cell(inst, capsys, tmp_path):
    p = write(tmp_path, "formule.csv", KOP + "AM12,2025-Q4,vacatures_beroepsklasse,,Managers,aantal,=SUM(A1),UWV,x\n")
    _refused(inst, capsys, p, "formule.csv, regel 2, kolom 'G'", "formule")


def test_refuses_an_xlsx_bomb_before_unpacking_it(inst, capsys, tmp_path, monkeypatch):
    # a zip whose directory says its sheet unpacks to 70 MB; the check reads only the directory
    p = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", b"<c/>" * (70 * 1024 * 1024 // 4))
    assert p.stat().st_size < 1024 * 1024

    def nooit(*a, **k):
        raise AssertionError("openpyxl may not open a bomb")
    monkeypatch.setattr("openpyxl.load_workbook", nooit)
    _refused(inst, capsys, p, "bom.xlsx", "pakt uit tot 70 MB")


def test_refuses_an_xlsx_whose_sheet_claims_too_many_rows(inst, capsys, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(KOP.strip().split(","))
    ws.cell(row=lezen.MAX_RIJEN + 5, column=1, value="x")   # the sheet's dimension now says 100.005 rows
    p = tmp_path / "groot.xlsx"
    wb.save(p)
    _refused(inst, capsys, p, "groot.xlsx, blad 'Sheet'", "het maximum is 100.000 regels")


def test_refuses_a_file_over_10_mb(inst, capsys, tmp_path):
    p = tmp_path / "groot.csv"
    p.write_bytes(KOP.encode() + b"#" * (11 * 1024 * 1024))
    _refused(inst, capsys, p, "groot.csv is 11,0 MB", "maximum is 10 MB")


@pytest.mark.parametrize("regel,woorden", [
    ("AM99,2025-Q3,vacatures_beroepsklasse,,Managers,aantal,4,UWV,x", ["regel 2, kolom 'regio'", "onbekende regio 'AM99'"]),
    ("AM12,2025-Q3,vacatures_beroepsklasse,,Astronauten,aantal,4,UWV,x",
     ["kolom 'categorie'", "onbekende beroepsklasse 'Astronauten'"]),
    ("AM12,2025-09,gwu_opleiding,,MBO-7,aantal,4,UWV,x", ["onbekende opleidingsniveau 'MBO-7'"]),
    ("AM12,2025-09,gwu_leeftijd,,80+ jaar,aantal,4,UWV,x", ["onbekende leeftijd '80+ jaar'"]),
    ("AM12,2099-Q1,vacatures_beroepsklasse,,Managers,aantal,4,UWV,x", ["kolom 'periode'", "in de toekomst"]),
    ("AM12,Q1-25,vacatures_beroepsklasse,,Managers,aantal,4,UWV,x", ["periode 'Q1-25' onleesbaar"]),
    ("AM12,2025-Q3,vacatures_beroepsklasse,,Managers,aantal,-4,UWV,x", ["kolom 'waarde'", "negatief aantal"]),
    ("AM12,2025-Q3,vacatures_beroepsklasse,,Managers,aantal,veel,UWV,x", ["'veel' is geen getal"]),
    ("AM12,2025-Q3,vacatures_beroepsklasse,,Managers,aandeel,2.000,UWV,x", ["dubbelzinnig"]),
    ("AM12,2025-Q3,banen,,Managers,aantal,4,UWV,x", ["kolom 'tabel'", "onbekende tabel 'banen'"]),
])
def test_refuses_unknown_values_with_file_row_and_column(inst, capsys, tmp_path, regel, woorden):
    p = write(tmp_path, "fout.csv", KOP + regel + "\n")
    _refused(inst, capsys, p, "fout.csv", *woorden)


def test_refuses_a_share_off_by_more_than_one_procentpunt(inst, capsys, tmp_path):
    p = write(tmp_path, "aandeel.csv", KOP + "AM12,2025-Q4,vacatures_beroepsklasse,,Managers,aantal,400,UWV,x\n"
                                             "AM12,2025-Q4,vacatures_beroepsklasse,,Managers,aandeel,12%,UWV,x\n"
                                             "AM12,2025-Q4,vacatures_beroepsklasse,,Totaal,aantal,4.000,UWV,x\n")
    _refused(inst, capsys, p, "aandeel.csv, regel 3, kolom 'waarde'", "wijkt 2,0 procentpunt af")


def test_refuses_region_and_national_columns_swapped(inst, capsys, tmp_path):
    tekst = (FIX / "bijlage1_tabel5_vacatures.csv").read_text(encoding="utf-8")
    p = write(tmp_path, "verwisseld.csv", tekst.replace(";;Gooi en Vechtstreek;;Nederland;", ";;Nederland;;Gooi en Vechtstreek;")
              .replace("Q2 2025;Technische beroepen;450;9%;80.450;20%", "Q2 2025;Technische beroepen;450;20%;80.450;9%"))
    _refused(inst, capsys, p, "verwisseld.csv", "Staan de kolommen van regio en Nederland verwisseld?")


def test_refuses_a_duplicate_key(inst, capsys, tmp_path):
    p = write(tmp_path, "dubbel.csv", KOP + "AM12,2025-Q4,vacatures_beroepsklasse,,Managers,aantal,400,UWV,x\n"
                                            "AM12,2025-Q4,vacatures_beroepsklasse,,Managers,aantal,410,UWV,x\n")
    _refused(inst, capsys, p, "dubbel.csv, regel 3, kolom 'categorie'", "dubbele sleutel", "ook op regel 2")


@pytest.mark.parametrize("inhoud,woord", [("", "bestand is leeg"), (KOP, "alleen een kopregel"),
                                          ("a,b,c\n1,2,3\n", "geen tabel van een bekende soort")])
def test_refuses_empty_header_only_and_unknown_tables(inst, capsys, tmp_path, inhoud, woord):
    _refused(inst, capsys, write(tmp_path, "leeg.csv", inhoud), "leeg.csv", woord)


def test_refuses_an_ambiguous_header(inst, capsys, tmp_path):
    p = write(tmp_path, "kop.csv", "regio,periode,tabel,kenmerk,categorie,maat,waarde,waarde,bron,peildatum\n"
                                   "AM12,2025-Q4,vacatures_beroepsklasse,,Managers,aantal,1,2,UWV,x\n")
    _refused(inst, capsys, p, "kop.csv, regel 1, kolom 'waarde'", "dubbelzinnig")


def test_one_bad_file_refuses_all_files_of_the_import(inst, capsys, tmp_path):
    goed = write(tmp_path, "goed.csv", KOP + "AM12,2025-Q4,vacatures_beroepsklasse,,Managers,aantal,400,UWV,x\n")
    fout = write(tmp_path, "fout.csv", KOP + "AM99,2025-Q4,vacatures_beroepsklasse,,Managers,aantal,400,UWV,x\n")
    assert run_import(inst, goed, fout) == 1
    assert stored(inst.raw_dir) == []


def test_a_totaal_that_differs_from_its_rows_is_kept_and_noted(inst, capsys):
    assert run_import(inst, FIX / "bijlage1_tabel6_ww.csv") == 0
    assert "Totaal 2.914 wijkt af van de som van de regels (2.570)" in capsys.readouterr().out
    assert rows(inst.warehouse_path, "select waarde from marts.feiten where dataset = 'ww_beroepsklasse' "
                                     "and is_totaal") == [(2914.0,)]


def test_a_build_that_refuses_the_import_undoes_it(inst, capsys, tmp_path, monkeypatch):
    # a check only the warehouse build knows (here: the indicator list lost ww_uitkeringen_kort)
    ind = inst.raw_dir / "referentie" / "indicatoren.csv"
    ind.write_text("\n".join(r for r in ind.read_text().splitlines() if not r.startswith("ww_uitkeringen_kort")) + "\n")
    assert run_import(inst, VOLGEND) == 1
    assert "teruggedraaid" in capsys.readouterr().err
    assert stored(inst.raw_dir) == []


def test_reading_respects_the_cell_limit(monkeypatch):
    monkeypatch.setattr(lezen, "MAX_CELLEN", 10)
    wb = openpyxl.Workbook()
    for _ in range(5):
        wb.active.append(list("abcdefghi"))
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(lezen.LeesFout, match="cellen"):
        lezen.lees("x.xlsx", buf.getvalue())


def test_refuses_a_long_layout_header_missing_a_column(inst, capsys, tmp_path):
    p = write(tmp_path, "kop.csv", "regio,periode,tabel,kenmerk,categorie,maat,waarde,bron\n"
                                   "AM12,2025-Q4,vacatures_beroepsklasse,,Managers,aantal,1,UWV\n")
    _refused(inst, capsys, p, "kop.csv, regel 1, kolom 'peildatum'", "kolom ontbreekt in de kopregel")


def test_refuses_a_printed_table_with_an_unknown_column_header(inst, capsys, tmp_path):
    tekst = (FIX / "bijlage1_tabel1_opleiding.csv").read_text(encoding="utf-8")
    p = write(tmp_path, "onbekend.csv", tekst.replace("Alle regio's;Aandeel", "Atlantis;Aandeel"))
    _refused(inst, capsys, p, "onbekend.csv, regel 3, kolom 'F'", "onbekende kop 'Atlantis'")


def test_refuses_a_printed_table_with_an_unreadable_period(inst, capsys, tmp_path):
    tekst = (FIX / "bijlage1_tabel6_ww.csv").read_text(encoding="utf-8")
    p = write(tmp_path, "periode.csv", tekst.replace("2025;September;Managers", "2025;Brumaire;Managers"))
    _refused(inst, capsys, p, "periode.csv, regel 10, kolom 'A'", "periode '2025 Brumaire' onleesbaar")


def test_a_semicolon_csv_with_a_bom_in_the_long_layout_is_read(inst, tmp_path):
    p = tmp_path / "puntkomma.csv"
    p.write_bytes("\ufeffregio;periode;tabel;kenmerk;categorie;maat;waarde;bron;peildatum\n"
                  "AM12;2025-Q3;vacatures_beroepsklasse;;Managers;aantal;1.400;UWV;Q3 2025\n".encode())
    feiten = uwv.controleer(p.name, p.read_bytes(), inst.raw_dir)[0]
    assert [(f.categorie, f.waarde) for f in feiten] == [("Managers", 1400.0)]


def test_a_ww_month_far_ahead_of_the_vacatures_is_not_set_beside_the_old_quarter(inst, tmp_path):
    """marts.mismatch (the page's default) and marts.mismatch_perioden pair the two sources by one rule:
    a WW month more than six months after the latest vacatures quarter does not replace september 2025."""
    build(inst.raw_dir, inst.warehouse_path)
    voor = rows(inst.warehouse_path, "select beroepsklasse, vacatures, ww_uitkeringen, ww_periode from marts.mismatch "
                                     "where regio_code = 'AM12' order by all")
    # testfixture, verzonnen waarden: WW in juni 2026 for two beroepsklassen, no new vacatures quarter
    later = write(tmp_path, "ww_later.csv", KOP + "AM12,2026-06,ww_beroepsklasse,,Managers,aantal,999,UWV,juni 2026\n"
                                                  "AM12,2026-06,ww_beroepsklasse,,Totaal,aantal,999,UWV,juni 2026\n")
    assert run_import(inst, later) == 0
    assert rows(inst.warehouse_path, "select max(periode) from marts.feiten where regio_code = 'AM12' "
                                     "and indicator = 'ww_uitkeringen' and dimensie = 'beroepsklasse'") == [("2026-06",)]
    na = rows(inst.warehouse_path, "select beroepsklasse, vacatures, ww_uitkeringen, ww_periode from marts.mismatch "
                                   "where regio_code = 'AM12' order by all")
    assert na == voor and {r[3] for r in na} == {"2025-09"}
    laatste = rows(inst.warehouse_path, "select beroepsklasse, vacatures, ww_uitkeringen, ww_periode "
                                        "from marts.mismatch_perioden where regio_code = 'AM12' and is_laatste order by all")
    assert laatste == na


def test_a_printed_table_names_a_region_whose_own_name_starts_with_regio(inst):
    """AM36 is called 'Regio Zwolle'; 'Regio Gooi en Vechtstreek' is AM12 with a prefix (testfixture, verzonnen
    waarden: the Tabel 5 layout with two made-up counts)."""
    tekst = ("Tabel 5. Openstaande vacatures;;;;\n;;Regio Zwolle;;Regio Gooi en Vechtstreek;\n"
             "Periode;Beroepsklasse;Openstaand;Aandeel;Openstaand;Aandeel\n"
             "Q2 2025;Managers;120;100%;400;100%\nTotaal;;120;;400;\nBron: UWV;;;;\n")
    feiten = uwv.controleer("zwolle.csv", tekst.encode("utf-8"), inst.raw_dir)[0]
    assert sorted({(f.regio, f.categorie, f.maat, f.waarde) for f in feiten if f.maat == "aantal"}) == [
        ("AM12", "Managers", "aantal", 400.0), ("AM12", "Totaal", "aantal", 400.0),
        ("AM36", "Managers", "aantal", 120.0), ("AM36", "Totaal", "aantal", 120.0)]

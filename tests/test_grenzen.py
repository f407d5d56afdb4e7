"""Bounds and allowed codes where figures enter outside the monitor (issue 17): the seed transcriptions,
the UWV files and CBS responses. Every case: a Dutch message naming file, line and field (or table,
measure and period) and the range, exit code 1 (or a refused fetch), and nothing stored changed, hashed
before and after."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from basis import instellingen as settings
from etl import catalog, refresh
from etl.bronnen import cbs_v4
from etl.bronnen.gemeenschappelijk import grenzen, snapshot
from etl.bronnen.seed import waarden
from tests.conftest import replace_in_file
from tests.replay import CbsV4, start
from tests.test_uwv import KOP, _refused, inst, write  # noqa: F401 - inst: the UWV tests' settings fixture
from tests.test_validation import digest, refresh_fails  # noqa: F401 - refresh_fails: fixture

# --- seed transcriptions (data/raw/seed) -------------------------------------------------------------------


@pytest.mark.parametrize("bestand, oud, nieuw, melding", [
    ("ww_kenmerken.csv", "Totaal,jaarmutatie,13,", "Totaal,jaarmutatie,1.300,",
     "ww_kenmerken.csv, regel 4, kolom 'waarde': '1.300' is dubbelzinnig bij een jaarmutatie: de punt kan een "
     "decimaalteken of een scheiding van duizendtallen zijn; schrijf 1.3 voor een decimaal of 1300 zonder punt"),
    ("gwu_leeftijd.csv", ",aantal,933,", ",aantal,2.000,",
     "gwu_leeftijd.csv, regel 2, kolom 'waarde': '2.000' is dubbelzinnig: een aantal is een heel getal"),
    ("gwu_leeftijd.csv", ",aantal,933,", ",aantal,12345678901234567890,",
     "gwu_leeftijd.csv, regel 2, kolom 'waarde': '12345678901234567890' heeft meer dan 15 cijfers; een aantal is "
     "een heel getal van 0 tot en met 20.000.000"),
    ("gwu_leeftijd.csv", ",aantal,933,", ",aantal," + "9" * 400 + ",",
     "gwu_leeftijd.csv, regel 2, kolom 'waarde': '" + "9" * 400 + "' is geen eindig getal"),
    ("gwu_leeftijd.csv", ",aantal,933,", ",aantal,9999999999,",
     "gwu_leeftijd.csv, regel 2, kolom 'waarde': 9999999999 ligt buiten het bereik van een aantal: een heel getal "
     "van 0 tot en met 20.000.000"),
    ("ww_kenmerken.csv", "Totaal,jaarmutatie,13,", "Totaal,jaarmutatie,-130,",
     "ww_kenmerken.csv, regel 4, kolom 'waarde': -130 ligt buiten het bereik van een jaarmutatie: van -100 tot en "
     "met 1.000"),
    ("gwu_leeftijd.csv", ",aantal,933,", ",aantal,inf,", "gwu_leeftijd.csv, regel 2, kolom 'waarde': 'inf' is geen getal"),
    ("gwu_leeftijd.csv", ",aantal,933,", ",aantal,nan,", "gwu_leeftijd.csv, regel 2, kolom 'waarde': 'nan' is geen getal"),
    ("gwu_leeftijd.csv", ",aantal,933,", ",aantl,933,",
     "gwu_leeftijd.csv, regel 2, kolom 'maat': onbekende maat 'aantl'; toegestaan: aandeel, aandeel_groei_procent"),
    ("gwu_leeftijd.csv", "AM12,2025-09,maand,gwu,leeftijd,< 27 jaar,aantal",
     "AM12,2025-09,maand,gwu,leeftijden,< 27 jaar,aantal",
     "gwu_leeftijd.csv, regel 2, kolom 'dimensie': onbekende dimensie 'leeftijden'; toegestaan: beroepsklasse"),
    ("gwu_leeftijd.csv", ",aantal,933,personen,", ",aantal,933,persoonen,",
     "gwu_leeftijd.csv, regel 2, kolom 'eenheid': onbekende eenheid 'persoonen'; toegestaan: banen"),
    ("gwu_leeftijd.csv", "NL01,2025-09,maand,gwu,leeftijd,< 27 jaar,aantal,97374,",
     "NL01,2025-09,maand,gwu,leeftijd,< 27 jaar,aantal,900,",
     "gwu_leeftijd.csv, regel 2, kolom 'waarde': aantal 933 voor AM12 is groter dan het landelijke aantal 900 "
     "(gwu_leeftijd.csv, regel 9); een regio kan niet meer hebben dan heel Nederland"),
])
def test_a_bad_value_in_a_seed_file_is_refused_with_field_and_range(
        raw_dir, refresh_fails, bestand, oud, nieuw, melding):  # noqa: F811
    replace_in_file(raw_dir / "seed" / bestand, oud, nieuw)
    voor = digest(raw_dir / "seed" / bestand)
    err = refresh_fails()
    assert melding in err, err
    assert digest(raw_dir / "seed" / bestand) == voor


def test_a_seed_file_cut_to_its_header_is_refused(raw_dir, refresh_fails):  # noqa: F811
    pad = raw_dir / "seed" / "migratie.csv"
    pad.write_text(pad.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    err = refresh_fails()
    assert ("migratie.csv: het bestand heeft alleen een kopregel: dataset migratie zou al zijn cijfers verliezen. "
            "Is dat de bedoeling, zet dan leeg = true bij [seed.migratie] in etl/catalog.toml") in err


def test_a_seed_file_emptied_on_purpose_is_accepted(raw_dir, warehouse_path, tmp_path, monkeypatch, capsys):
    import duckdb

    pad = raw_dir / "seed" / "migratie.csv"
    pad.write_text(pad.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    cat = tmp_path / "catalog.toml"
    tekst = settings.CATALOG.read_text(encoding="utf-8")
    assert "[seed.migratie]\n" in tekst
    cat.write_text(tekst.replace("[seed.migratie]\n", "[seed.migratie]\nleeg = true\n"), encoding="utf-8")
    from basis.instellingen import Instellingen
    assert refresh.main(["--offline"], instellingen=Instellingen.uit_omgeving().met(catalog=cat)) == 0, \
        capsys.readouterr().err
    con = duckdb.connect(str(warehouse_path), read_only=True)
    try:
        assert con.execute("select count(*) from marts.feiten where dataset = 'migratie'").fetchone()[0] == 0
        assert con.execute("select count(*) from marts.feiten where dataset = 'bevolking'").fetchone()[0] > 0
    finally:
        con.close()


@pytest.mark.parametrize("tekst, maat", [("1657", "aantal"), ("0", "aantal"), ("40.5", "aandeel"), ("-4", "jaarmutatie"),
                                         ("0.125", "aandeel"), ("", "aantal"), ("18", "jaarmutatie")])
def test_ordinary_values_pass(tekst, maat):
    assert waarden.waarde_fout(tekst, maat) is None


def test_every_maat_and_dimensie_in_the_shipped_seed_files_is_allowed():
    import csv
    gezien = {"maat": set(), "dimensie": set(), "eenheid": set()}
    for pad in (Path(__file__).parents[1] / "data" / "raw" / "seed").glob("*.csv"):
        for r in csv.DictReader(pad.open(encoding="utf-8")):
            for k in gezien:
                gezien[k].add(r[k])
    assert gezien["maat"] <= set(grenzen.MATEN) and gezien["dimensie"] <= grenzen.DIMENSIES
    assert gezien["eenheid"] <= grenzen.EENHEDEN


# --- UWV files -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("waarde, woorden", [
    ("12345678901234567890", ["'12345678901234567890' heeft meer dan 15 cijfers; een aantal is een heel getal van 0 "
                              "tot en met 20.000.000"]),
    ("9" * 400, ["is geen eindig getal; een aantal is een heel getal van 0 tot en met 20.000.000"]),
    ("25.000.000", ["25.000.000 ligt buiten het bereik van een aantal: een heel getal van 0 tot en met 20.000.000"]),
])
def test_uwv_counts_outside_their_range_are_refused(inst, capsys, tmp_path, waarde, woorden):  # noqa: F811
    p = write(tmp_path, "groot.csv", KOP + f"AM12,2025-Q3,vacatures_beroepsklasse,,Managers,aantal,{waarde},UWV,x\n")
    _refused(inst, capsys, p, "groot.csv, regel 2, kolom 'waarde'", *woorden)


def test_uwv_jaarmutatie_outside_its_range_is_refused(inst, capsys, tmp_path):  # noqa: F811
    p = write(tmp_path, "mutatie.csv", KOP + "AM12,2025-07,ww_kenmerken,,Totaal,jaarmutatie,5000%,UWV,x\n")
    _refused(inst, capsys, p, "mutatie.csv, regel 2", "5000% ligt buiten het bereik van een jaarmutatie: van -100 tot "
                              "en met 1.000")


# --- CBS responses -----------------------------------------------------------------------------------------

FIXTURE = Path(__file__).parent / "fixtures" / "cbs_v4" / "85554NED"


def _ds(**wijzig):
    import dataclasses
    ds = next(e for e in catalog.read() if e.table_id == "85554NED")
    return dataclasses.replace(ds, **wijzig)


def _met_waarde(tmp_path: Path, waarde_json: str) -> Path:
    """The 85554NED fixture with the first observation's Value replaced by raw JSON text."""
    folder = tmp_path / "fixture"
    shutil.copytree(FIXTURE, folder)
    pagina = folder / "observations-page-1.json"
    doc = json.loads(pagina.read_text(encoding="utf-8"))
    doc["value"][0]["Value"] = "__WAARDE__"
    pagina.write_text(json.dumps(doc).replace('"__WAARDE__"', waarde_json), encoding="utf-8")
    return folder


@pytest.mark.parametrize("waarde_json, melding", [
    ("1" + "0" * 400, "heeft de waarde inf voor regio"),
    ("1e400", "heeft de waarde inf voor regio"),
    ("NaN", "heeft de waarde nan voor regio"),
    ('"veel"', "heeft de waarde nan voor regio"),
    ("-5", "heeft de waarde -5 voor regio"),
    ("99999999999", "heeft de waarde 1e+11 voor regio"),
])
def test_a_cbs_value_that_is_no_plausible_number_refuses_the_snapshot(tmp_path, waarde_json, melding):
    ds = _ds()
    server, url = start(CbsV4(tables={"85554NED": FIXTURE}))
    try:
        goed = cbs_v4.fetch_table("85554NED", url, tmp_path / "raw", backoff=0, check=cbs_v4.check(ds))
    finally:
        server.stop()
    voor = digest(goed / "manifest.json")
    server, url = start(CbsV4(tables={"85554NED": _met_waarde(tmp_path, waarde_json)}))
    try:
        with pytest.raises(cbs_v4.CbsFetchError) as exc:
            cbs_v4.fetch_table("85554NED", url, tmp_path / "raw", backoff=0, check=cbs_v4.check(ds))
    finally:
        server.stop()
    tekst = str(exc.value)
    assert tekst.startswith("CBS-tabel 85554NED: maat D001908 (personen_met_ww) ") and melding in tekst, tekst
    assert "verwacht een eindig getal van 0 tot en met 20.000.000 personen" in tekst
    assert snapshot.latest(tmp_path / "raw", "85554NED") == goed and digest(goed / "manifest.json") == voor
    assert not any(p.name.startswith(".tmp") for p in (tmp_path / "raw" / "cbs" / "85554NED").iterdir())


def test_a_cbs_table_whose_catalog_slice_is_empty_is_refused(tmp_path):
    dims = json.loads((FIXTURE / "dimensions.json").read_text(encoding="utf-8"))["value"]
    andere = next(d["Identifier"] for d in dims if d.get("Kind") not in ("GeoDimension", "TimeDimension"))
    ds = _ds(dimensies={andere: "GEEN_BESTAANDE_CODE"})
    server, url = start(CbsV4(tables={"85554NED": FIXTURE}))
    try:
        with pytest.raises(cbs_v4.CbsFetchError, match="geen enkele observatie voor de maten en dimensiecodes van de "
                                                       "catalogus"):
            cbs_v4.fetch_table("85554NED", url, tmp_path / "raw", backoff=0, check=cbs_v4.check(ds))
    finally:
        server.stop()
    assert snapshot.latest(tmp_path / "raw", "85554NED") is None


def test_a_damaged_snapshot_on_disk_is_reported_in_dutch_with_its_folder(raw_dir, refresh_fails):  # noqa: F811
    server, url = start(CbsV4(tables={"85554NED": FIXTURE}))
    try:
        snap = cbs_v4.fetch_table("85554NED", url, raw_dir, backoff=0, check=cbs_v4.check(_ds()))
    finally:
        server.stop()
    (snap / "observations-page-1.json").write_text('{"value": [', encoding="utf-8")   # damaged after the fetch
    err = refresh_fails()
    assert f"{snap}: CBS-tabel 85554NED: de opname is niet (meer) leesbaar (JSONDecodeError" in err, err
    assert "verwijder deze map om de vorige opname te gebruiken" in err


def test_a_uwv_region_count_above_the_national_count_is_refused(inst, capsys, tmp_path):  # noqa: F811
    p = write(tmp_path, "boven.csv", KOP + "AM12,2025-Q3,vacatures_beroepsklasse,,Managers,aantal,900,UWV,x\n"
                                           "NL01,2025-Q3,vacatures_beroepsklasse,,Managers,aantal,800,UWV,x\n")
    _refused(inst, capsys, p, "boven.csv, regel 2, kolom 'waarde': aantal 900 voor AM12 is groter dan het landelijke "
                              "aantal 800 (regel 3); een regio kan niet meer hebben dan heel Nederland")

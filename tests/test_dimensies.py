"""A region is a row: page queries read only marts.* and meta.*, name no region, label or year, and
every figure takes a region's gemeenten from the one membership rule in marts.gemeente_regio."""
from __future__ import annotations

import re

import duckdb
import pandas as pd
import pytest

from basis import instellingen as settings
from etl.build import model_name
from etl.load import load_raw
from tests.conftest import REPO

QUERIES = sorted((REPO / "queries").glob("*.sql"))
AM12 = ["GM0317", "GM0376", "GM0402", "GM0406", "GM0417", "GM1696", "GM1942"]


def sql_zonder_commentaar(path) -> str:
    return "\n".join(line.split("--", 1)[0] for line in path.read_text(encoding="utf-8").splitlines())


def test_there_are_page_queries_to_scan():
    assert len(QUERIES) > 20


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_a_page_query_reads_only_marts_and_meta(path):
    sql = sql_zonder_commentaar(path)
    schemas = set(re.findall(r"\b([a-z_]+)\.[a-z_]+\b", sql.lower())) & {"raw", "staging", "marts", "meta", "main"}
    assert schemas <= {"marts", "meta"}, f"{path.name} leest {sorted(schemas - {'marts', 'meta'})}"


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_a_page_query_names_no_region_code_and_no_year(path):
    sql = sql_zonder_commentaar(path)
    assert not re.search(r"\b(AM|NL|GM|PV)[0-9]{2,4}\b", sql), f"{path.name} noemt een regiocode"
    literals = re.findall(r"'([^']*)'", sql)
    jaren = [s for s in literals if re.search(r"\b(19|20)[0-9]{2}\b", s)]
    assert jaren == [], f"{path.name} noemt een jaartal: {jaren}"


def test_the_scan_catches_what_it_is_meant_to_catch(tmp_path):
    kapot = tmp_path / "kapot.sql"
    kapot.write_text("-- staging.x in a comment is fine\nselect * from staging.feiten where regio_code = 'AM12'\n"
                     "and label = 'Inwoners, prognose 2040'")
    with pytest.raises(AssertionError, match="leest"):
        test_a_page_query_reads_only_marts_and_meta(kapot)
    with pytest.raises(AssertionError, match="regiocode"):
        test_a_page_query_names_no_region_code_and_no_year(kapot)
    kapot.write_text("select * from marts.feiten where label = 'Inwoners, prognose 2040'")
    with pytest.raises(AssertionError, match="jaartal"):
        test_a_page_query_names_no_region_code_and_no_year(kapot)


# --- the membership rule, on the real SQL --------------------------------------------------------------

def indeling_warehouse(raw_dir, cbs_rows):
    """raw.* from data/raw plus a given CBS Gebieden in Nederland mapping, then only the models the
    membership needs, from their real files."""
    con = duckdb.connect()
    load_raw(con, raw_dir)
    cbs = pd.DataFrame(cbs_rows, columns=["gemeente_code", "gemeente_naam", "arbeidsmarktregio_code",
                                          "arbeidsmarktregio_naam"]).assign(table_id="86059NED", peiljaar="2025")
    con.register("cbs_df", cbs.astype("string"))
    con.execute("create table raw.cbs_indeling as select * from cbs_df")
    con.execute("create schema staging")
    con.execute("create schema marts")
    for layer, bestand in [("staging", "00_regios.sql"), ("staging", "04_gemeente_regio.sql"),
                           ("marts", "00_gemeente_regio.sql"), ("marts", "00_regios.sql"),
                           ("marts", "05_indeling.sql"), ("marts", "05_indeling_verschillen.sql")]:
        path = settings.SQL_DIR / layer / bestand
        soort = "view" if layer == "staging" else "table"
        con.execute(f"create {soort} {layer}.{model_name(path)} as\n" + path.read_text())
    return con


def test_shipped_list_wins_for_its_region_and_cbs_supplies_the_others(raw_dir):
    con = indeling_warehouse(raw_dir, [
        ("GM0317", "Eemnes", "AM12", "Gooi en Vechtstreek"),        # agrees
        ("GM1942", "Gooise Meren", "AM13", "Midden-Utrecht"),       # CBS places a shipped gemeente elsewhere
        ("GM0363", "Amsterdam", "AM12", "Gooi en Vechtstreek"),     # CBS adds one to the shipped region
        ("GM0344", "Utrecht", "AM13", "Midden-Utrecht"),
        ("GM0518", "'s-Gravenhage", "AM21", "Haaglanden"),
    ])
    leden = con.execute("""select arbeidsmarktregio_code, gemeente_code, bron from marts.gemeente_regio
                           order by all""").fetchall()
    per_regio = {}
    for regio, gemeente, _bron in leden:
        per_regio.setdefault(regio, []).append(gemeente)
    assert per_regio == {"AM12": AM12, "AM13": ["GM0344"], "AM21": ["GM0518"]}
    # a gemeente counts in one region only: the shipped list keeps Gooise Meren in AM12
    assert len({g for _, g, _ in leden}) == len(leden)
    assert {b for r, _, b in leden if r == "AM12"} == {"data/raw/referentie/gemeenten_am12.csv"}
    assert {b for r, _, b in leden if r != "AM12"} == {"CBS StatLine, tabel 86059NED"}
    assert con.execute("""select code, indeling_bron, aantal_gemeenten from marts.regios
                          where indeling_bron is not null order by code""").fetchall() == \
        [("AM12", "meegeleverd", 7), ("AM13", "CBS", 1), ("AM21", "CBS", 1)]
    assert con.execute("select indeling_bron from marts.regios where soort = 'land'").fetchall() == [(None,)]
    # the disagreements are reported, not resolved
    assert con.execute("select gemeente_code, soort from marts.indeling_verschillen order by 1").fetchall() == [
        ("GM0363", "extra bij CBS"),
        ("GM0376", "ontbreekt bij CBS"), ("GM0402", "ontbreekt bij CBS"), ("GM0406", "ontbreekt bij CBS"),
        ("GM0417", "ontbreekt bij CBS"), ("GM1696", "ontbreekt bij CBS"), ("GM1942", "bij CBS in andere regio"),
    ]
    assert con.execute("select dataset, peiljaar, gemeenten, regios from marts.indeling").fetchall() == \
        [("86059NED", "2025", 5, 3)]


# --- the new queries and the contract of the changed ones ----------------------------------------------

@pytest.fixture
def q(warehouse):
    con = duckdb.connect(str(warehouse), read_only=True)

    def run(name, **params):
        return con.execute((REPO / "queries" / f"{name}.sql").read_text(), params).df()
    yield run
    con.close()


def test_regios_query_lists_every_region_by_name(q):
    df = q("regios")
    assert len(df) == 36
    assert list(df["regio_naam"]) == sorted(df["regio_naam"])
    assert df.loc[df["is_standaard"], "regio_code"].tolist() == ["AM12"]
    assert {"regio_code", "regio_naam", "soort"} <= set(df.columns)


def test_regio_query_knows_every_region_not_only_the_default(q):
    assert q("regio", regio="AM13")[["regio_code", "regio_naam", "soort"]].values.tolist() == \
        [["AM13", "Midden-Utrecht", "arbeidsmarktregio"]]
    assert q("regio", regio="NL01")["soort"].tolist() == ["land"]
    assert q("regio", regio="AM99").empty


def test_indicatoren_query_lists_every_indicator_in_order(q):
    df = q("indicatoren")
    assert len(df) >= 25
    assert list(df["volgorde"]) == sorted(df["volgorde"])
    assert df.loc[df["indicator"] == "groene_druk", "definitie"].item().startswith("Inwoners van 0 tot 20 jaar")


def test_bevolking_kaarten_keep_their_labels_without_naming_a_year(q):
    df = q("bevolking_kaarten", regio="AM12")
    assert df[["volgorde", "label", "periode"]].values.tolist() == [
        [1, "Inwoners", "2025"],
        [2, "Inwoners, prognose 2040", "2040"],
        [3, "Inwoners van 50 tot 65 jaar", "2024"],
        [4, "Inwoners van 15 tot 75 jaar", "2025"],
        [5, "Netto arbeidsparticipatie", "2025"],
        [6, "Werkenden die niet meer uren kunnen of willen werken", "2025"],
        [7, "Niet-beroepsbevolking", "2025"],
        [8, "Bevolkingsgroei door migratie, 2022", "2022"],
        [9, "Bevolkingsgroei door migratie, 2023", "2023"],
    ]
    assert df.loc[df["is_prognose"], "volgorde"].tolist() == [2]


def test_a_newer_seed_year_moves_the_inwoners_card_without_touching_sql(raw_dir, warehouse_path):
    from etl.build import build
    path = raw_dir / "seed" / "bevolking.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + 'AM12,2026,jaar,inwoners,leeftijd,Totaal,aantal,250000,personen,,"test",2026,"test"\n',
                    encoding="utf-8")
    build(raw_dir, warehouse_path)
    con = duckdb.connect(str(warehouse_path), read_only=True)
    df = con.execute((REPO / "queries" / "bevolking_kaarten.sql").read_text(), {"regio": "AM12"}).df()
    con.close()
    assert df.loc[df["label"] == "Inwoners", ["waarde", "periode"]].values.tolist() == [[250000.0, "2026"]]
    assert df["label"].tolist().count("Inwoners, prognose 2040") == 1


def test_a_cbs_series_with_an_indicator_missing_from_the_list_points_at_the_catalog():
    """The CBS half of checks/11_indicator_onbekend.sql, on the real file: a fetched series whose catalog
    indicator has no row in indicatoren.csv is named once per table, with the catalog as the place to look."""
    con = duckdb.connect()
    con.execute("create schema staging")
    con.execute("create view staging.indicatoren as select * from (values ('inwoners')) t(code)")
    con.execute("""create view staging.feiten as select * from (values ('bevolking.csv', 2::bigint, 'inwoners'))
                   t(bestand, regel, indicator)""")
    con.execute("""create view staging.cbs_feiten as select * from (values
                   ('03759ned', 'inwoners'), ('99001NED', 'werkzamen'), ('99001NED', 'werkzamen')) t(dataset, indicator)""")
    rows = con.execute((settings.SQL_DIR / "checks" / "11_indicator_onbekend.sql").read_text()).fetchall()
    assert rows == [("etl/catalog.toml", None, "indicator",
                     "CBS-tabel 99001NED: indicator 'werkzamen' staat niet in data/raw/referentie/indicatoren.csv; "
                     "voeg daar een regel toe met label, definitie, eenheid en volgorde")]

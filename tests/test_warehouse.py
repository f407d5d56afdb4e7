"""The warehouse built from the embedded Bijlage 1 transcriptions."""
from __future__ import annotations

import duckdb
import pytest

from etl.build import build


@pytest.fixture
def con(warehouse):
    c = duckdb.connect(str(warehouse), read_only=True)
    yield c
    c.close()


def one(con, sql, params=None):
    return con.execute(sql, params).fetchone()[0]


def test_every_printed_total_is_checked_against_its_rows(con):
    """Recompute sum-of-rows vs printed total independently of the mart, for
    every group that has a total, and compare with the hand-checked sums."""
    rows = con.execute("""
        with a as (select * from marts.feiten where maat = 'aantal' and dataset not in ('tekstcijfers'))
        select t.dataset, t.regio_code, t.periode, d.dimensie, t.waarde as totaal, sum(d.waarde) as som
        from a t join a d
          on d.dataset = t.dataset and d.regio_code = t.regio_code and d.periode = t.periode
         and d.indicator = t.indicator and not d.is_totaal and d.dimensie <> 'totaal'
         and (d.dimensie = t.dimensie or t.dimensie = 'totaal')
        where t.is_totaal
        group by all order by all
    """).fetchall()
    sums = {(ds, r, p, dim): (tot, som) for ds, r, p, dim, tot, som in rows}
    # Hand-added from the seed's printed rows:
    assert sums[("gwu_opleiding", "AM12", "2025-09", "opleidingsniveau")] == (12106, 12106)
    assert sums[("gwu_opleiding", "NL01", "2025-09", "opleidingsniveau")] == (1034173, 1034173)
    assert sums[("gwu_leeftijd", "AM12", "2025-09", "leeftijd")] == (12106, 12106)
    assert sums[("gwu_leeftijd", "NL01", "2025-09", "leeftijd")] == (1034172, 1034172)
    assert sums[("ww_kenmerken", "AM12", "2025-07", "geslacht")] == (2888, 2888)
    assert sums[("ww_kenmerken", "AM12", "2025-07", "leeftijd")] == (2888, 2889)
    assert sums[("ww_kenmerken", "AM12", "2025-07", "verstreken_duur")] == (2888, 2889)
    assert sums[("ww_kenmerken", "AM12", "2025-07", "opleidingsniveau")] == (2888, 2888)
    assert sums[("banen", "AM12", "2017", "type_baan")] == (130200, 130300)
    assert sums[("banen", "AM12", "2024", "type_baan")] == (151900, 152000)
    assert sums[("banen", "AM12", "2027", "type_baan")] == (152500, 152500)
    assert sums[("vacatures_beroepsklasse", "AM12", "2025-Q2", "beroepsklasse")] == (4950, 5000)
    assert sums[("vacatures_beroepsklasse", "NL01", "2025-Q2", "beroepsklasse")] == (402750, 402750)
    assert sums[("ww_beroepsklasse", "AM12", "2025-09", "beroepsklasse")] == (2914, 2570)
    assert sums[("arbeidsdeelname", "AM12", "2025", "onderdeel")] == (15000, 15000)
    assert len(sums) == 15, sorted(sums)


def test_every_discrepancy_in_the_source_is_listed_once(con):
    got = sorted(con.execute("""
        select soort, vindplaats, regio_code, periode, dimensie, categorie, maat, waarde, vergelijking
        from marts.discrepanties
    """).fetchall())
    expected = sorted([
        ("som_wijkt_af", "Bijlage 1, Tabel 3", "AM12", "2025-07", "leeftijd", "Totaal", "aantal", 2888, 2889),
        ("som_wijkt_af", "Bijlage 1, Tabel 3", "AM12", "2025-07", "verstreken_duur", "Totaal", "aantal", 2888, 2889),
        ("som_wijkt_af", "Bijlage 1, Tabel 4", "AM12", "2017", "type_baan", "Totaal", "aantal", 130200, 130300),
        ("som_wijkt_af", "Bijlage 1, Tabel 4", "AM12", "2024", "type_baan", "Totaal", "aantal", 151900, 152000),
        ("som_wijkt_af", "Bijlage 1, Tabel 5", "AM12", "2025-Q2", "beroepsklasse", "Totaal", "aantal", 4950, 5000),
        # 344 WW-uitkeringen zonder beroepsklasse
        ("som_wijkt_af", "Bijlage 1, Tabel 6", "AM12", "2025-09", "beroepsklasse", "Totaal", "aantal", 2914, 2570),
        # Tabel 2 prints 1.034.172 alle regio's, Tabel 1 1.034.173
        ("totalen_verschillen", "Bijlage 1, Tabel 2", "NL01", "2025-09", "leeftijd", "Totaal", "aantal",
         1034172, 1034173),
        # Tabel 4 prints +500 total growth; 152.500 - 151.900 = 600
        ("groei_wijkt_af", "Bijlage 1, Tabel 4", "AM12", "2027", "type_baan", "Totaal", "groei_absoluut", 500, 600),
        # the text says zelfstandigen fall by -1,4%; Tabel 4 prints -4,1%
        ("tekst_wijkt_af", "Bijlage 1, Tabel 4", "AM12", "2027", "type_baan", "Banen zelfstandigen",
         "groei_procent", -4.1, -1.4),
    ])
    assert got == expected


def test_text_figures_that_restate_a_table_are_matched_to_a_cell(con):
    """Every tekstcijfer has a table cell with the same key; all but one agree."""
    n_tekst = one(con, "select count(*) from staging.feiten where dataset = 'tekstcijfers'")
    matched = one(con, """
        select count(*) from staging.feiten t join marts.feiten f
          on f.regio_code = t.regio_code and f.periode = t.periode and f.indicator = t.indicator
         and f.dimensie = t.dimensie and f.categorie = t.categorie and f.maat = t.maat
        where t.dataset = 'tekstcijfers' and f.waarde = t.waarde""")
    assert (n_tekst, matched) == (10, 9)


def test_printed_values_are_kept_as_printed(con):
    def val(dataset, regio, periode, categorie, maat):
        return one(con, """select waarde from marts.feiten where dataset = $d and regio_code = $r
                           and periode = $p and categorie = $c and maat = $m""",
                   {"d": dataset, "r": regio, "p": periode, "c": categorie, "m": maat})
    assert val("vacatures_beroepsklasse", "AM12", "2025-Q2", "Totaal", "aantal") == 4950
    assert val("banen", "AM12", "2027", "Totaal", "groei_absoluut") == 500
    assert val("ww_beroepsklasse", "AM12", "2025-09", "Agrarische beroepen", "aantal") == 0
    assert val("ww_kenmerken", "NL01", "2025-07", "WO/master", "jaarmutatie") == 14


def test_empty_cells_in_the_seed_stay_null(con):
    nulls = con.execute("""select regio_code, dimensie, maat, count(*) from marts.feiten
                           where dataset = 'ww_kenmerken' and waarde is null group by all order by all""").fetchall()
    # the four 'Onbekend' rows of Tabel 3 print '-' for shares and mutations
    assert sum(n for *_, n in nulls) == 4 * 4
    assert all(maat in ("aandeel", "jaarmutatie") for _, _, maat, _ in nulls)


def test_kerncijfers_pick_the_latest_figure_per_region(con):
    got = dict(con.execute("""select kerncijfer || ' ' || regio_code, waarde from marts.kerncijfers""").fetchall())
    assert got["Inwoners AM12"] == 248000  # 2040 is a prognosis, not the latest figure
    assert got["WW-uitkeringen AM12"] == 2914  # september 2025 (Tabel 6) is later than juli 2025 (Tabel 3)
    assert got["Geregistreerde werkzoekenden (GWU) NL01"] == 1034173  # Tabel 1's total
    assert got["Openstaande vacatures NL01"] == 402750
    assert got["Banen AM12"] == 151900  # 2024; 2027 is a prognosis
    assert got["Groene druk NL01"] == 35.2


def test_meta_sources_names_bron_peildatum_rows_and_checksum_for_every_dataset(con):
    rows = con.execute("select dataset, bron, peildatum, rijen, checksum, built_at::varchar from meta.sources").fetchall()
    assert len(rows) == 18
    for dataset, bron, peildatum, rijen, checksum, built_at in rows:
        if dataset == "monitor_resultaten":  # the monitor's own log: empty until results are entered
            assert (bron, peildatum, rijen, checksum) == (
                "Monitor Werken aan Werk, ingevoerd door de projectleiders", "nog geen resultaten ingevoerd", 0, None)
            continue
        assert bron and peildatum and rijen > 0 and len(checksum) == 64 and built_at, dataset
    assert one(con, "select rijen from meta.sources where dataset = 'vacatures_beroepsklasse'") == 50


def test_every_fact_carries_region_period_and_source(con):
    assert one(con, """select count(*) from marts.feiten where regio_code is null or periode_datum is null
                       or bron = '' or peildatum = ''""") == 0
    assert one(con, "select count(distinct regio_code) from marts.feiten") == 2


def test_rebuild_swaps_the_file_and_open_readers_keep_the_old_one(raw_dir, warehouse):
    reader = duckdb.connect(str(warehouse), read_only=True)
    before = reader.execute("select build_id from meta.build").fetchone()[0]
    inode = warehouse.stat().st_ino
    build(raw_dir, warehouse)
    assert warehouse.stat().st_ino != inode
    # the open reader still sees its own build, whole
    assert reader.execute("select build_id from meta.build").fetchone()[0] == before
    assert reader.execute("select count(*) from marts.feiten").fetchone()[0] == 273
    reader.close()
    fresh = duckdb.connect(str(warehouse), read_only=True)
    assert fresh.execute("select build_id from meta.build").fetchone()[0] != before
    fresh.close()
    leftovers = [p.name for p in warehouse.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_the_dashboard_reads_a_warehouse_whose_path_has_a_quote(warehouse, tmp_path, monkeypatch):
    """The path goes to DuckDB's ATTACH as a value, not quoted into the SQL (db._connection)."""
    import shutil

    from dashboard.kern import db
    pad = tmp_path / "regio's" / "warehouse.duckdb"
    pad.parent.mkdir()
    shutil.copyfile(warehouse, pad)
    monkeypatch.setenv("WAREHOUSE_PATH", str(pad))
    db.clear()
    try:
        eigen = duckdb.connect(str(warehouse), read_only=True)
        verwacht = eigen.execute("select build_id from meta.build").fetchone()[0]
        eigen.close()
        assert db.rijen("build")[0]["build_id"] == verwacht
        assert db.build_key().endswith(str(pad))
    finally:
        db.clear()


# --- dimensions: a region is a row, every indicator has a definition ----------------------------------

def test_regios_holds_nederland_and_the_35_arbeidsmarktregios_with_one_default(con):
    assert one(con, "select count(*) from marts.regios") == 36
    assert con.execute("select soort, count(*) from marts.regios group by all order by all").fetchall() == \
        [("arbeidsmarktregio", 35), ("land", 1)]
    assert con.execute("select code from marts.regios where is_standaard").fetchall() == [("AM12",)]
    assert con.execute("select code, naam from marts.regios where soort = 'land'").fetchall() == [("NL01", "Nederland")]
    # CBS numbers the regions AM01-AM38; three numbers went out of use when regions were renamed
    codes = {r[0] for r in con.execute("select code from marts.regios where soort = 'arbeidsmarktregio'").fetchall()}
    assert codes == {f"AM{n:02d}" for n in range(1, 39)} - {"AM04", "AM16", "AM31"}
    assert one(con, "select count(distinct naam) from marts.regios") == 36
    assert one(con, "select count(*) from marts.regios where bron is null or bron = ''") == 0


def test_without_cbs_mapping_only_the_shipped_region_has_gemeenten(con):
    leden = con.execute("""select gemeente_code, arbeidsmarktregio_code, is_meegeleverd, bron
                           from marts.gemeente_regio""").fetchall()
    assert sorted(g for g, *_ in leden) == ["GM0317", "GM0376", "GM0402", "GM0406", "GM0417", "GM1696", "GM1942"]
    assert {(r, m, b) for _, r, m, b in leden} == {("AM12", True, "data/raw/referentie/gemeenten_am12.csv")}
    assert con.execute("""select code, indeling_bron, aantal_gemeenten from marts.regios
                          where aantal_gemeenten > 0 or indeling_bron is not null""").fetchall() == \
        [("AM12", "meegeleverd", 7)]
    assert one(con, "select count(*) from marts.indeling") == 0


def test_every_fact_has_its_indicator_in_marts_indicatoren(con):
    assert one(con, "select count(distinct indicator) from marts.feiten") >= 20
    missing = con.execute("""select distinct indicator from marts.feiten
                             where indicator not in (select code from marts.indicatoren)""").fetchall()
    assert missing == []
    assert one(con, """select count(*) from marts.indicatoren
                       where label = '' or definitie = '' or eenheid is null or volgorde is null""") == 0
    assert one(con, "select count(*) = count(distinct code) from marts.indicatoren")
    assert one(con, "select count(*) = count(distinct volgorde) from marts.indicatoren")


def test_kerncijfers_take_label_and_definition_from_marts_indicatoren(con):
    rows = con.execute("""select distinct k.kerncijfer, k.definitie, i.label, i.definitie
                          from marts.kerncijfers k join marts.indicatoren i on i.code = k.indicator""").fetchall()
    assert len(rows) == 9
    assert all(k == il and kd == idf and kd for k, kd, il, idf in rows)
    assert ("Geregistreerde werkzoekenden (GWU)",) in {(r[0],) for r in rows}


def test_every_fact_says_whether_it_is_our_transcription_or_a_cbs_series(con):
    assert con.execute("select herkomst, count(*) from marts.feiten group by all").fetchall() == [("seed", 273)]


def test_staging_stays_views_over_raw_after_a_build_that_computed_it_once(con):
    """The build computes staging once, as tables, for the checks and marts; the warehouse keeps views."""
    soorten = dict(con.execute("select table_name, table_type from information_schema.tables "
                               "where table_schema = 'staging'").fetchall())
    assert soorten and set(soorten.values()) == {"VIEW"}, soorten
    for naam in soorten:   # every view still reads from raw in the finished file
        con.execute(f"select count(*) from staging.{naam}").fetchone()
    assert one(con, "select count(*) from staging.feiten") > 0
    assert one(con, "select count(*) from information_schema.tables where table_name = 'bestanden_df'") == 0
    assert one(con, "select data_type from information_schema.columns where table_schema = 'meta' and "
                    "table_name = 'sources' and column_name = 'opgehaald'") == "VARCHAR"

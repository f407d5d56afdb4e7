"""The catalog tables without captured observations, fetched from the project's own fixtures (made-up
values, tests/fixtures/cbs_v4/85554NED, tests/fixtures/cbs_v3/{86059NED,70072ned}) through the real
clients: WW per arbeidsmarktregio (v4), Gebieden in Nederland (v3) and groene/grijze druk (v3)."""
from __future__ import annotations

import csv
import json
import shutil

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from basis import instellingen as settings
from etl import catalog, refresh
from etl.bronnen.gemeenschappelijk import cbs, snapshot
from etl.bronnen.gemeenschappelijk.fouten import CbsFetchError
from tests.conftest import REPO, SHARED_DATA
from tests.replay import CbsV3 as Replay3
from tests.replay import CbsV4 as Replay4
from tests.replay import start

FIXTURES = REPO / "tests" / "fixtures"
AM12 = ["GM0317", "GM0376", "GM0402", "GM0406", "GM0417", "GM1696", "GM1942"]
DERIVED = SHARED_DATA / "geo" / "gemeente_arbeidsmarktregio_2025_derived.csv"
CAPTURES = SHARED_DATA / "cbs-odata4"


@pytest.fixture
def fixtures(tmp_path, raw_dir, warehouse_path, monkeypatch):
    """Private copies of the fixtures (a test may edit them), served on loopback: v4 and v3."""
    v3 = tmp_path / "v3"
    for t in ("86059NED", "70072ned"):
        shutil.copytree(FIXTURES / "cbs_v3" / t, v3 / t)
    servers = []
    server, url = start(Replay4(tables={"85554NED": FIXTURES / "cbs_v4" / "85554NED"}))
    servers.append(server)
    monkeypatch.setenv("CBS_ODATA4_URL", url)

    def serve_v3(**replays):
        server, url = start([Replay3(table=t, folder=v3 / t) for t in ("86059NED", "70072ned")]
                               + [Replay3(table=t, **kw) for t, kw in replays.items()])
        servers.append(server)
        monkeypatch.setenv("CBS_ODATA3_URL", url)
    serve_v3()
    yield v3, serve_v3
    for s in servers:
        s.stop()


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def edit_rows(path, change):
    """Apply change(row) to every row of a recorded v3 response."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    for row in doc["value"]:
        change(row)
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")


def zet(gemeente, **waarden):
    return lambda row: row.update(waarden) if row["RegioS"].strip() == gemeente else None


def q(sql, params=None):
    con = duckdb.connect(str(settings.warehouse_path()), read_only=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def page(name):
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=30)
    at.run()
    at.switch_page(f"app_pages/{name}.py").run()
    assert not at.exception
    return at


def tekst(at):
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
                     + [w.value for w in at.warning] + [s.value for s in at.success])


# --- 85554NED: WW per arbeidsmarktregio (v4) -----------------------------------------------------------

def test_ww_per_arbeidsmarktregio_reaches_the_warehouse_and_the_ww_page(fixtures, warehouse_path, capsys):
    refresh.main(["--offline"])
    assert "Personen met een WW-uitkering in Gooi en Vechtstreek per maand (CBS)" in tekst(page("ww"))
    capsys.readouterr()
    assert refresh.main(["--only", "85554NED"]) == 0, capsys.readouterr().err
    rijen = q("""select periode, waarde, kwalificatie from marts.feiten
                 where dataset = '85554NED' and regio_code = 'AM12' order by periode_datum""")
    # only the value margin, both sexes together, all ages: 16 months of the fixture
    assert len(rijen) == 16 and rijen[0][:2] == ("2025-01", 1000.0) and rijen[-1][:2] == ("2026-04", 1150.0)
    assert rijen[-1][2] == "voorlopig" and rijen[0][2] == "nader voorlopig"
    assert {r[0] for r in q("select distinct regio_code from marts.feiten where dataset = '85554NED'")} == \
        {"NL01", "AM12", "AM13"}
    assert "Testfixture" in q("select titel from meta.sources where dataset = '85554NED'")[0][0]
    at = page("ww")
    assert "Bron: CBS StatLine, tabel 85554NED · Peildatum: april 2026 (voorlopig)" in tekst(at)
    assert "#### 1.150 personen met een WW-uitkering in Gooi en Vechtstreek, april 2026" in tekst(at)


def test_ww_per_arbeidsmarktregio_with_an_unknown_region_is_refused(fixtures, raw_dir, capsys):
    assert refresh.main(["--only", "85554NED"]) == 0
    goed = snapshot.latest(raw_dir, "85554NED")
    capsys.readouterr()
    server, url = start(Replay4(tables={"85554NED": FIXTURES / "cbs_v4" / "85554NED"},
                                   faults={"85554NED/Observations": "new-region"}))
    try:
        assert refresh.main(["--only", "85554NED", "--cbs-odata4-url", url]) == 1
    finally:
        server.stop()
    err = capsys.readouterr().err
    assert "CBS-tabel 85554NED: onbekende regiocode GM9999 in de observaties (niet in de codelijst RegioS)" in err
    assert snapshot.latest(raw_dir, "85554NED") == goed


# --- 86059NED: Gebieden in Nederland (v3) --------------------------------------------------------------

def test_gebieden_in_nederland_agrees_with_the_shipped_membership(fixtures, raw_dir, capsys):
    assert refresh.main(["--offline"]) == 0
    assert "CBS *Gebieden in Nederland* is nog niet opgehaald" in tekst(page("bronnen"))
    assert refresh.main(["--only", "86059NED"]) == 0, capsys.readouterr().err
    assert q("select count(*) from marts.indeling_verschillen") == [(0,)]
    assert json.loads(settings.status_path().read_text())["indeling_verschillen"] == []
    # the mapping serves the other regions; AM12 keeps its shipped membership
    assert q("select regio_code, count(*) from staging.gemeente_regio group by all order by 1") == \
        [("AM12", 7), ("AM13", 1), ("AM18", 1)]
    assert q("select bron, peildatum from meta.sources where dataset = '86059NED'") == \
        [("CBS StatLine, tabel 86059NED", "indeling 2025")]
    assert ("CBS-tabel 86059NED (indeling 2025, 9 gemeenten in 3 arbeidsmarktregio's) stemt overeen met de "
            "meegeleverde lijst van gemeenten.") in tekst(page("bronnen"))


@pytest.mark.parametrize("gemeente, regio, naam, melding", [
    ("GM1942", "AM13", "Midden-Utrecht",
     "GM1942 Gooise Meren hoort volgens de meegeleverde lijst bij AM12, volgens CBS-tabel 86059NED bij AM13 "
     "(Midden-Utrecht)"),
    ("GM0363", "AM12", "Gooi en Vechtstreek",
     "GM0363 Amsterdam hoort volgens CBS-tabel 86059NED bij AM12, maar staat niet in de meegeleverde lijst"),
])
def test_a_disagreement_with_the_shipped_membership_is_reported_not_resolved(fixtures, raw_dir, capsys,
                                                                             gemeente, regio, naam, melding):
    edit_rows(fixtures[0] / "86059NED" / "TypedDataSet.json", zet(gemeente, Code_3=regio, Naam_4=naam))
    assert refresh.main(["--only", "86059NED"]) == 0
    err = capsys.readouterr().err
    assert f"Let op, gemeente-indeling: {melding}. De meegeleverde lijst blijft in gebruik." in err
    assert [r[0] for r in q("select melding from marts.indeling_verschillen")] == [melding]
    assert json.loads(settings.status_path().read_text())["indeling_verschillen"] == [melding]
    # the roll-up still uses the seven shipped gemeenten of AM12
    assert sorted(r[0] for r in q("select gemeente_code from staging.gemeente_regio where regio_code = 'AM12'")) \
        == AM12
    at = page("bronnen")
    assert at.warning and melding in at.warning[0].value and "wijkt af" in at.warning[0].value


@pytest.mark.parametrize("old, new, message", [
    ('"Title": "Arbeidsmarktregio\'s"', '"Title": "Arbeidsmarktgebieden"',
     "CBS-tabel 86059NED: onderwerpgroep \"Arbeidsmarktregio's\" ontbreekt in DataProperties (schemawijziging)"),
    ('"Code_3": "AM18      "', '"Code_3": "XX18      "',
     "CBS-tabel 86059NED: onbekende arbeidsmarktregiocode 'XX18' bij GM0363 (Amsterdam)"),
    ('"Key": "Code_3"', '"Key": "Regiocode_3"',
     "CBS-tabel 86059NED: in groep \"Arbeidsmarktregio's\" geen onderwerp Code_*"),
])
def test_gebieden_schema_drift_is_refused_and_the_previous_mapping_kept(fixtures, raw_dir, capsys, old, new,
                                                                        message):
    assert refresh.main(["--only", "86059NED"]) == 0
    goed = snapshot.latest(raw_dir, "86059NED")
    capsys.readouterr()
    edit(fixtures[0] / "86059NED" / "DataProperties.json" if "Code_3\": \"" not in old
         else fixtures[0] / "86059NED" / "TypedDataSet.json", old, new)
    assert refresh.main(["--only", "86059NED"]) == 1
    assert message in capsys.readouterr().err
    assert snapshot.latest(raw_dir, "86059NED") == goed
    assert q("select count(*) from raw.cbs_indeling") == [(9,)]


@pytest.mark.skipif(not DERIVED.exists() or not (CAPTURES / "03759ned").exists(),
                    reason="../shared/data ontbreekt (afgeleide gemeente-indeling en 03759ned-opname staan alleen "
                           "in shared/, niet in de repository)")
def test_the_fetched_mapping_rolls_bevolking_up_to_every_region(fixtures, raw_dir, capsys):
    """Gebieden in Nederland built in memory from the derived point-in-polygon mapping (342 gemeenten), in
    the v3 shape of the fixture: the roll-up then serves every arbeidsmarktregio."""
    with open(DERIVED, encoding="utf-8") as fh:
        mapping = list(csv.DictReader(fh))
    folder = fixtures[0] / "86059NED"
    props = json.loads((folder / "DataProperties.json").read_text())["value"]
    lists = {
        "TableInfos": json.loads((folder / "TableInfos.json").read_text())["value"],
        "DataProperties": props, "CategoryGroups": [],
        "RegioS": [{"Key": m["gemeentecode"].ljust(10), "Title": m["gemeentenaam"], "Description": None,
                    "CategoryGroupID": None} for m in mapping],
        "TypedDataSet": [{"ID": i, "RegioS": m["gemeentecode"].ljust(10), "Code_1": m["gemeentecode"],
                          "Naam_2": m["gemeentenaam"], "Code_3": m["arbeidsmarktregiocode"].ljust(10),
                          "Naam_4": m["arbeidsmarktregionaam"], "Code_5": None, "Naam_6": None}
                         for i, m in enumerate(mapping)],
    }
    server, url = start(Replay3(table="86059NED", lists=lists, page_size=100))
    server4, url4 = start(Replay4(tables={"03759ned": CAPTURES / "03759ned"}, page_size=5000))
    try:
        assert refresh.main(["--only", "03759ned,86059NED", "--cbs-odata3-url", url,
                             "--cbs-odata4-url", url4]) == 0, capsys.readouterr().err
    finally:
        server.stop()
        server4.stop()
    assert q("select count(*) from raw.cbs_indeling") == [(len(mapping),)]
    assert q("select count(*) from marts.indeling_verschillen") == [(0,)]
    regios = {m["arbeidsmarktregiocode"] for m in mapping}
    gerold = dict(q("""select regio_code, waarde from marts.feiten
                       where dataset = '03759ned' and periode = '2026' and regio_code like 'AM%'"""))
    assert set(gerold) == regios
    for regio in ("AM12", "AM11"):
        leden = [m["gemeentecode"] for m in mapping if m["arbeidsmarktregiocode"] == regio]
        som = q("""select sum(waarde) from marts.feiten where dataset = '03759ned' and periode = '2026'
                   and regio_code in (select unnest($leden))""", {"leden": leden})[0][0]
        assert gerold[regio] == som


# --- 70072ned: groene en grijze druk per gemeente (v3, keys by prefix) --------------------------------

def test_groene_en_grijze_druk_per_gemeente_reach_the_bevolking_page(fixtures, raw_dir, capsys):
    assert refresh.main(["--offline"]) == 0
    assert "Groene en grijze druk per gemeente (CBS)" in tekst(page("bevolking"))
    assert refresh.main(["--only", "70072ned"]) == 0, capsys.readouterr().err
    assert snapshot.read_manifest(snapshot.latest(raw_dir, "70072ned"))["api"] == "v3"
    rijen = dict(q("""select regio_code || ' ' || indicator || ' ' || periode, waarde from marts.feiten
                      where dataset = '70072ned'"""))
    assert rijen["GM0402 groene_druk 2024"] == 34.0 and rijen["NL01 grijze_druk 2023"] == 50.0
    assert "GM1942 grijze_druk 2024" not in rijen  # missing at CBS: left out, not zero
    # the headline stays with the analysis' own region/Nederland pair
    assert q("select dataset from marts.kerncijfers where kerncijfer = 'Groene druk' and regio_code = 'NL01'") == \
        [("demografische_druk",)]
    t = tekst(page("bevolking"))
    assert "#### Groene en grijze druk per gemeente van Gooi en Vechtstreek (2024)" in t
    assert "Bron: CBS StatLine, tabel 70072ned · Peildatum: 2024 (voorlopig)" in t


def test_a_renumbered_key_still_maps(fixtures, raw_dir, capsys):
    for f in ("DataProperties.json", "TypedDataSet.json"):
        edit(fixtures[0] / "70072ned" / f, "GroeneDruk_38", "GroeneDruk_41")
    assert refresh.main(["--only", "70072ned"]) == 0, capsys.readouterr().err
    assert q("""select waarde from marts.feiten where dataset = '70072ned' and regio_code = 'GM0402'
                and indicator = 'groene_druk' and periode = '2024'""") == [(34.0,)]


@pytest.mark.parametrize("fault, message", [
    ("prefix", "CBS-tabel 70072ned: maat GroeneDruk_* (groene_druk) ontbreekt in de observaties: geen sleutel "
               "begint met GroeneDruk_; hernoemd of verwijderd bij CBS (schemawijziging)"),
    ("regio", "CBS-tabel 70072ned: onbekende regiocode GM9999 in de observaties (niet in de codelijst RegioS)"),
])
def test_a_missing_prefix_or_unknown_region_is_refused(fixtures, raw_dir, capsys, fault, message):
    assert refresh.main(["--only", "70072ned"]) == 0
    goed = snapshot.latest(raw_dir, "70072ned")
    capsys.readouterr()
    folder = fixtures[0] / "70072ned"
    if fault == "prefix":
        for f in ("DataProperties.json", "TypedDataSet.json"):
            edit(folder / f, "GroeneDruk_38", "JeugdDruk_38")
    else:
        edit_rows(folder / "TypedDataSet.json", zet("GM1942", RegioS="GM9999    "))
    assert refresh.main(["--only", "70072ned"]) == 1
    assert message in capsys.readouterr().err
    assert snapshot.latest(raw_dir, "70072ned") == goed


def test_an_ambiguous_prefix_is_schema_drift():
    ds = next(d for d in catalog.read() if d.table_id == "70072ned")
    assert cbs.resolve_maten(ds, {"GroeneDruk_38", "GrijzeDruk_39"}) == {
        "GroeneDruk_38": ds.maten["GroeneDruk_*"], "GrijzeDruk_39": ds.maten["GrijzeDruk_*"]}
    with pytest.raises(CbsFetchError, match="maat GroeneDruk_\\* \\(groene_druk\\) is niet eenduidig: "
                                            "GroeneDruk_38, GroeneDruk_40"):
        cbs.resolve_maten(ds, {"GroeneDruk_38", "GroeneDruk_40", "GrijzeDruk_39"})


def test_list_shows_the_new_tables(fixtures, capsys):
    assert refresh.main(["--only", "86059NED"]) == 0
    capsys.readouterr()
    assert refresh.main(["--list"]) == 0
    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()[1:]}
    assert {"85554NED", "86059NED", "70072ned"} <= set(lines)
    assert "nog nooit" in lines["85554NED"] and "nog nooit" not in lines["86059NED"]
    assert "Gebieden in Nederland 2025" in lines["86059NED"] and " v3 " in lines["70072ned"]

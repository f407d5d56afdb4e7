"""Netto arbeidsparticipatie and werkloosheid per arbeidsmarktregio (issue 12): CBS 85494NED "Arbeidsdeelname;
regionale indeling 2022" through the real v3 client, replayed on loopback from the project's HAND-MADE fixture
tests/fixtures/cbs_v3/85494NED (made-up values in CBS's documented layout; no capture of this table exists).

What is checked: the catalog's slice (Totaal personen only, percentages kept as published, never summed from
gemeenten), the rank among the regions that have a value, Nederland as a like-for-like reference, a renamed topic
refused as schema drift, and the honest empty state before the table was ever fetched."""
from __future__ import annotations

import shutil

import pytest

from etl import refresh
from etl.bronnen.gemeenschappelijk import snapshot
from tests.conftest import REPO
from tests.replay import CbsV3, start
from tests.test_regios import open_page, q, zichtbaar

FIXTURE = REPO / "tests" / "fixtures" / "cbs_v3" / "85494NED"
TABEL = "85494NED"


@pytest.fixture
def arbeid(tmp_path, raw_dir, warehouse_path, monkeypatch):
    """A private copy of the fixture (a test may edit it) served as opendata.cbs.nl on loopback."""
    folder = tmp_path / TABEL
    shutil.copytree(FIXTURE, folder)
    replay = CbsV3(table=TABEL, folder=folder)
    server, url = start([replay])
    monkeypatch.setenv("CBS_ODATA3_URL", url)
    assert refresh.main(["--offline"]) == 0
    yield folder, replay
    server.stop()


def test_the_table_is_fetched_through_v3_and_only_totaal_personen_is_kept(arbeid, raw_dir, capsys):
    folder, replay = arbeid
    assert refresh.main(["--only", TABEL]) == 0, capsys.readouterr().err
    manifest = snapshot.read_manifest(snapshot.latest(raw_dir, TABEL))
    assert manifest["api"] == "v3"
    # the catalog's OData slice went to CBS (the replay serves the whole fixture; the loader slices again)
    typed = [r for r in replay.requests if "/TypedDataSet" in r]
    assert typed and all("Persoonskenmerken" in r and "T009002" in r for r in typed), typed
    rijen = q("""select regio_code, periode, indicator, waarde, eenheid, bron from marts.feiten
                 where dataset = '85494NED' order by regio_code, periode, indicator""")
    # the fixture's Totaal personen rows; its "Geslacht: mannen" rows (values + 3) must not be here
    assert {(r[0], r[1], r[2]): r[3] for r in rijen} == {
        ("AM01", "2021", "netto_arbeidsparticipatie"): 66.0, ("AM01", "2021", "werkloosheidspercentage"): 4.8,
        ("AM01", "2022", "netto_arbeidsparticipatie"): 66.5, ("AM01", "2022", "werkloosheidspercentage"): 4.2,
        ("AM12", "2021", "netto_arbeidsparticipatie"): 71.0, ("AM12", "2021", "werkloosheidspercentage"): 3.6,
        ("AM12", "2022", "netto_arbeidsparticipatie"): 71.5, ("AM12", "2022", "werkloosheidspercentage"): 3.1,
        ("NL01", "2021", "netto_arbeidsparticipatie"): 69.0, ("NL01", "2021", "werkloosheidspercentage"): 4.0,
        ("NL01", "2022", "netto_arbeidsparticipatie"): 70.0, ("NL01", "2022", "werkloosheidspercentage"): 3.5,
        ("PV27", "2021", "netto_arbeidsparticipatie"): 69.5, ("PV27", "2021", "werkloosheidspercentage"): 4.5,
        ("PV27", "2022", "netto_arbeidsparticipatie"): 70.5, ("PV27", "2022", "werkloosheidspercentage"): 3.9}
    assert {r[4] for r in rijen} == {"procent"} and {r[5] for r in rijen} == {"CBS StatLine, tabel 85494NED"}


def test_the_comparison_ranks_the_latest_year_with_nederland_of_the_same_table(arbeid, capsys):
    assert refresh.main(["--only", TABEL]) == 0, capsys.readouterr().err
    rijen = q("""select indicator, regio_code, is_land, waarde, periode, plaats, aantal from marts.regio_vergelijking
                 where indicator in ('netto_arbeidsparticipatie', 'werkloosheidspercentage')
                 order by indicator, is_land, plaats""")
    assert rijen == [
        ("netto_arbeidsparticipatie", "AM12", False, 71.5, "2022", 1, 2),
        ("netto_arbeidsparticipatie", "AM01", False, 66.5, "2022", 2, 2),
        ("netto_arbeidsparticipatie", "NL01", True, 70.0, "2022", None, 2),
        ("werkloosheidspercentage", "AM01", False, 4.2, "2022", 1, 2),
        ("werkloosheidspercentage", "AM12", False, 3.1, "2022", 2, 2),
        ("werkloosheidspercentage", "NL01", True, 3.5, "2022", None, 2)]
    # a province is no arbeidsmarktregio: not ranked among them
    assert not q("select 1 from marts.regio_vergelijking where regio_code like 'PV%'")


def test_the_page_ranks_the_region_and_names_nederland_like_for_like(arbeid, capsys):
    assert refresh.main(["--only", TABEL]) == 0, capsys.readouterr().err
    at = open_page("regios", regio="AM01")
    at.get("button_group")[0].set_value("Werkloosheid").run()
    assert not at.exception
    tekst = zichtbaar(at)
    assert "#### Werkloosheid: Groningen op plaats 1 van 2" in tekst
    assert ("Werkloosheid in Groningen: 4,2%, peildatum 2022 (definitief). Daarmee staat de regio op plaats 1 van 2 "
            "arbeidsmarktregio's (plaats 1 = de hoogste waarde). Dat is hoger dan Nederland (3,5%, zelfde bron en "
            "periode).") in tekst
    assert "33 van de 35 regio's hebben geen cijfer voor 2022 (definitief)" in tekst
    assert "Bron: CBS StatLine, tabel 85494NED" in tekst
    # no notice that the table is missing, once it was fetched
    assert not any("85494NED" in i.value for i in at.info)


def test_before_the_table_was_fetched_the_page_says_so_and_shows_no_number(arbeid):
    at = open_page("regios", regio="AM12")
    meldingen = [i.value for i in at.info]
    # nothing else was fetched either: the one general notice, and no figure
    assert any("verschijnt zodra de CBS-tabellen" in m for m in meldingen)
    assert not at.get("plotly_chart")


def test_a_renamed_topic_is_refused_and_the_previous_snapshot_serves(arbeid, raw_dir, capsys):
    folder, _ = arbeid
    assert refresh.main(["--only", TABEL]) == 0
    goed = snapshot.latest(raw_dir, TABEL)
    capsys.readouterr()
    for naam in ("DataProperties.json", "TypedDataSet.json"):
        pad = folder / naam
        pad.write_text(pad.read_text(encoding="utf-8").replace("NettoArbeidsparticipatie_12", "Arbeidsdeelname_12"),
                       encoding="utf-8")
    assert refresh.main(["--only", TABEL]) == 1
    err = capsys.readouterr().err
    assert ("CBS-tabel 85494NED: maat NettoArbeidsparticipatie_* (netto_arbeidsparticipatie) ontbreekt in de "
            "observaties: geen sleutel begint met NettoArbeidsparticipatie_") in err
    assert snapshot.latest(raw_dir, TABEL) == goed
    assert q("select count(*) from marts.feiten where dataset = '85494NED'") == [(16,)]


# --- all 35 regions (real 03759ned capture and derived indeling from ../shared/data; made-up survey values) -------

def test_with_the_other_tables_fetched_the_page_names_what_is_still_missing(tmp_path, raw_dir, warehouse_path):
    from tests import regios_replay
    if not regios_replay.AANWEZIG:
        pytest.skip(regios_replay.REDEN)
    assert regios_replay.ververs(tmp_path / "replay", geo=None, arbeid=False) == 0
    at = open_page("regios", regio="AM12")
    assert ("Netto arbeidsparticipatie en werkloosheid per arbeidsmarktregio verschijnen hier zodra de CBS-tabel is "
            "opgehaald (zie Bronnen en actualiteit); tot dan geen cijfer en geen rangorde.") in [i.value for i in at.info]
    assert "Netto arbeidsparticipatie" not in at.get("button_group")[0].options
    assert not q("select 1 from marts.regio_vergelijking where indicator = 'netto_arbeidsparticipatie'")


def test_all_35_regions_are_ranked_on_participatie(tmp_path, raw_dir, warehouse_path):
    from tests import regios_replay
    if not regios_replay.AANWEZIG:
        pytest.skip(regios_replay.REDEN)
    assert regios_replay.ververs(tmp_path / "replay", geo=None) == 0
    rijen = dict(q("""select regio_code, waarde from marts.regio_vergelijking
                      where indicator = 'netto_arbeidsparticipatie' and not is_land"""))
    assert rijen == {c: regios_replay.participatie(int(c[2:])) for c in regios_replay.regios()}
    at = open_page("regios", regio="AM12")
    assert not any("verschijnen hier zodra de CBS-tabel" in i.value for i in at.info)

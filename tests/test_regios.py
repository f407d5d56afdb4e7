"""Any arbeidsmarktregio (issue 12): the region picker bound to ?regio=, an unknown code that shows nothing of
another region, the empty states of a region without UWV files, and the page "Regio's vergelijken" over all 35
regions (real CBS capture 03759ned and the derived gemeente indeling from ../shared/data, replayed on loopback)."""
from __future__ import annotations

import json
import re
import shutil
from collections import defaultdict

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from basis import instellingen as settings
from tests import regios_replay
from tests.conftest import REPO

PAGES = ["overzicht", "analyse", "mismatch", "vacatures", "werkzoekenden", "ww", "banen", "bevolking", "regios",
         "monitor", "monitor_invoer", "bronnen"]
UWV_LEEG = "Voor Groningen zijn nog geen UWV-cijfers ingelezen."


def open_page(page: str, regio: str | None = None, blad: str | None = None) -> AppTest:
    """The page as a viewer opens it; `blad`: the tab of Regio's vergelijken (?blad=, default the first)."""
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    if regio is not None:
        at.query_params["regio"] = regio
    if blad is not None:
        at.query_params["blad"] = blad
    at.run()
    if page != "overzicht":
        at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def zichtbaar(at: AppTest) -> str:
    """Every text a viewer reads: titles, markdown, captions, messages, plain text, tables and chart specs."""
    delen = [e.value for soort in ("title", "markdown", "caption", "info", "warning", "error", "success", "text")
             for e in getattr(at, soort)]
    delen += [d.value.to_csv() for d in at.dataframe]
    delen += [str(h.proto) for h in at.get("html")]
    delen += [c.proto.spec for c in at.get("plotly_chart")]
    return "\n".join(str(d) for d in delen)


def q(sql, params=None):
    con = duckdb.connect(str(settings.warehouse_path()), read_only=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


# --- the region picker and ?regio= --------------------------------------------------------------------------

@pytest.mark.parametrize("code", ["AM99", "[klik](https://example.org)", "<img src=x onerror=alert(1)>",
                                  "![x](https://example.org/x.png)", "am12 "])
def test_an_unknown_region_code_gets_a_dutch_message_as_plain_text_and_no_figures(warehouse, code):
    at = open_page("overzicht", regio=code)
    fouten = [e.value for e in at.error]
    assert any("geen arbeidsmarktregio" in f for f in fouten), fouten
    # the code itself is only in a plain-text element, never in markdown (no link, no image, no HTML)
    assert [t.value.rstrip() for t in at.text] == [f"Gevraagde regiocode: {code}".rstrip()]
    assert all(code not in f for f in fouten)
    assert not at.title and not at.get("plotly_chart") and not at.dataframe
    # the only HTML is the page's own accessibility script (lang, title): no figure cards, no table
    assert not any("<table" in h.proto.body or "kc-" in h.proto.body for h in at.get("html"))
    assert "Gooi en Vechtstreek" not in zichtbaar(at)
    # and a way out: a picker of the 35 regions, nothing chosen yet
    kiezer = at.selectbox[0]
    assert kiezer.value is None and len(kiezer.options) == 35


def test_nederland_is_the_comparison_not_a_region_to_pick(warehouse):
    at = open_page("mismatch", regio="NL01")
    assert any("Nederland is de vergelijking, geen regio om te kiezen" in e.value for e in at.error)
    assert not at.get("plotly_chart") and "beroepsklassen" not in zichtbaar(at)
    assert "NL01" not in at.selectbox[0].options and "Nederland" not in at.selectbox[0].options


def test_the_export_refuses_nederland_and_an_unknown_code_as_its_region(warehouse, tmp_path, capsys):
    from dashboard.export import report
    for code in ("NL01", "AM99"):
        assert report.main(["--format", "html", "--out", str(tmp_path / "a.html"), "--regio", code]) == 1
        assert f"Export mislukt: Regiocode '{code}'" in capsys.readouterr().err
        assert not (tmp_path / "a.html").exists()
    assert report.main(["--format", "html", "--out", str(tmp_path / "b.html"), "--regio", "AM01"]) == 0
    html = (tmp_path / "b.html").read_text(encoding="utf-8")
    assert "Analyse arbeidsmarkt Groningen" in html


def test_picking_a_region_in_the_sidebar_puts_it_in_the_url_and_keeps_it_across_pages(warehouse):
    at = open_page("overzicht")
    assert at.title[0].value == "Arbeidsmarkt Gooi en Vechtstreek"
    kiezer = at.sidebar.selectbox[0]
    assert kiezer.value == "AM12" and "Groningen" in kiezer.options and "Nederland" not in kiezer.options
    kiezer.set_value("AM01").run()
    assert not at.exception
    assert at.query_params["regio"] == ["AM01"] or at.query_params["regio"] == "AM01"
    assert at.title[0].value == "Arbeidsmarkt Groningen"
    at.switch_page("app_pages/mismatch.py").run()
    assert not at.exception
    assert "in Groningen" in at.caption[0].value
    assert at.sidebar.selectbox[0].value == "AM01"


def test_a_region_without_uwv_files_sees_no_figure_of_another_region_and_no_none_on_any_page(warehouse):
    for page in PAGES:
        at = open_page(page, regio="AM01")
        tekst = zichtbaar(at)
        assert "None" not in tekst, page
        assert "nan" not in re.findall(r"\bnan\b", tekst), page
        assert "0 beroepsklassen" not in tekst, page
        # the Analyse closes with the opgaven of its own Meerjarenbeleidsagenda; Bronnen en actualiteit lists
        # every region's imported files and their periods
        if page not in ("analyse", "bronnen"):
            assert "Gooi en Vechtstreek" not in tekst, page
        if page != "bronnen":   # Bronnen en actualiteit lists every dataset's own discrepancies, any region
            for waarde in ("2.914", "12.106", "256.317"):   # AM12's WW total, GWU total, inwoners
                assert waarde not in tekst, (page, waarde)
        if page in ("mismatch", "werkzoekenden", "ww", "banen"):
            assert UWV_LEEG in [i.value for i in at.info], page
        if page != "bronnen":   # the analysts' how-to lives on Bronnen en actualiteit, not in front of viewers
            assert "python -m etl.refresh" not in "\n".join(i.value for i in at.info), page


def test_bronnen_tells_analysts_which_files_lack_the_region_and_which_command_reads_them(warehouse):
    tekst = zichtbaar(open_page("bronnen", regio="AM01"))
    assert "#### Cijfers uit bestanden voor Groningen" in tekst
    assert "regiocode `AM01`" in tekst and "`python -m etl.refresh --offline`" in tekst
    assert "data/raw/seed/ww_kenmerken.csv" in tekst


def test_the_comparison_page_says_what_is_missing_before_cbs_was_fetched(warehouse):
    at = open_page("regios")
    assert any("verschijnt zodra de CBS-tabellen" in i.value for i in at.info)
    assert not at.get("plotly_chart")
    # the province comparison says in one line what it needs
    at = open_page("regios", blad="Provincie")
    assert sum("De vergelijking met de provincie verschijnt zodra CBS-tabel 03759ned is opgehaald" in i.value
               for i in at.info) == 1


# --- all 35 regions from the real capture --------------------------------------------------------------------

@pytest.fixture
def alle_regios(tmp_path, raw_dir, warehouse_path):
    if not regios_replay.AANWEZIG:
        pytest.skip(regios_replay.REDEN)
    assert regios_replay.ververs(tmp_path / "replay") == 0
    return warehouse_path


def inwoners_uit_opname(jaar: str, soort: str = "GM") -> dict[str, float]:
    """Inwoners per gemeente ("GM") or province ("PV") straight from the capture files (not through the ETL)."""
    waarden = {}
    for pad in sorted(regios_replay.CAPTURE_03759.glob("observations-page-*.json")):
        for r in json.loads(pad.read_text())["value"]:
            if r["Perioden"] == f"{jaar}JJ00" and r["Measure"] == "M000352" and r["RegioS"].startswith(soort):
                waarden[r["RegioS"]] = r["Value"]
    return waarden


def test_every_regions_inwoners_is_the_sum_of_its_gemeenten_and_all_35_are_ranked(alle_regios):
    per_gemeente = inwoners_uit_opname("2026")
    som = defaultdict(float)
    for m in regios_replay.indeling():
        som[m["arbeidsmarktregiocode"]] += per_gemeente[m["gemeentecode"]]
    rijen = q("select regio_code, waarde, plaats, aantal from marts.regio_vergelijking "
              "where indicator = 'inwoners' and not is_land")
    assert len(rijen) == 35 and {r[0] for r in rijen} == set(som)
    for code, waarde, _, aantal in rijen:
        assert waarde == som[code], code
        assert aantal == 35
    volgorde = sorted(som, key=lambda c: -som[c])
    assert {r[0]: r[2] for r in rijen} == {c: i + 1 for i, c in enumerate(volgorde)}


def test_druk_and_ww_per_1000_inwoners_rank_every_region_like_for_like(alle_regios):
    regios = regios_replay.regios()
    groen = dict(q("select regio_code, plaats from marts.regio_vergelijking where indicator = 'groene_druk' "
                   "and not is_land"))
    verwacht = sorted(regios, key=lambda c: -regios_replay.groene_druk(int(c[2:])))
    # ties share a rank (rank()): compare the values in rank order instead of the codes
    assert [regios_replay.groene_druk(int(c[2:])) for c in sorted(groen, key=groen.get)] == \
        [regios_replay.groene_druk(int(c[2:])) for c in verwacht]
    inwoners = dict(q("select regio_code, waarde from marts.regio_vergelijking where indicator = 'inwoners'"))
    ww = q("select regio_code, waarde, periode, peildatum from marts.regio_vergelijking "
           "where indicator = 'ww_per_1000_inwoners' and not is_land")
    assert len(ww) == 35 and len({r[2] for r in ww}) == 1   # one period for all: like for like
    for code, waarde, _, peildatum in ww:
        assert waarde == pytest.approx(1000 * regios_replay.ww(int(code[2:])) / inwoners[code])
        assert "inwoners 2026" in peildatum   # the denominator's date is named


def test_the_comparison_page_shows_the_rank_a_sorted_chart_and_nederland_only_for_ratios(alle_regios):
    at = open_page("regios", regio="AM21")
    plaats, aantal = q("select plaats, aantal from marts.regio_vergelijking where indicator = 'inwoners' "
                       "and regio_code = 'AM21'")[0]
    naam = q("select naam from marts.regios where code = 'AM21'")[0][0]
    assert f"#### Inwoners: {naam} op plaats {plaats} van {aantal}" in zichtbaar(at)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    balken = spec["data"][0]
    assert len(balken["y"]) == 35 and balken["x"] == sorted(balken["x"], reverse=True)
    assert f"{naam} (gekozen)" in balken["y"]
    assert len(spec["data"]) == 1   # no Nederland line beside regional counts
    assert any("een landelijk totaal is geen regiocijfer" in c.value for c in at.caption)

    at.get("button_group")[0].set_value("Groene druk").run()
    assert not at.exception
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    nl = q("select waarde from marts.regio_vergelijking where indicator = 'groene_druk' and is_land")[0][0]
    lijn = spec["data"][1]
    assert lijn["x"] == [nl, nl] and lijn["name"].startswith("Nederland: ")


def peer_tabel(at):
    from tests.test_toegankelijk import html_frames
    return next(f for f in [d.value for d in at.dataframe] + html_frames(at) if "Arbeidsmarktregio" in f.columns
                and f["Arbeidsmarktregio"].astype(str).str.endswith("(gekozen)").any())


def test_the_peer_group_is_the_five_most_alike_editable_and_in_the_url(alle_regios):
    from dashboard.figuren import regios as fig_regios
    at = open_page("regios", regio="AM12", blad="Vergelijkbaar")
    keuze = at.multiselect[0]
    assert len(keuze.value) == 5 and "AM12" not in keuze.value
    # the same five as an independent computation of the documented distance
    import math
    rijen = q("select indicator, regio_code, waarde from marts.regio_vergelijking where not is_land "
              "and indicator in ('inwoners', 'groene_druk', 'grijze_druk')")
    per = defaultdict(dict)
    for ind, code, w in rijen:
        per[ind][code] = math.log(w) if ind == "inwoners" else w
    z = defaultdict(list)
    for w in per.values():
        gem = sum(w.values()) / len(w)
        sd = math.sqrt(sum((v - gem) ** 2 for v in w.values()) / len(w))
        for code, v in w.items():
            z[code].append((v - gem) / sd)
    afstand = {c: math.dist(z["AM12"], v) for c, v in z.items() if c != "AM12"}
    assert sorted(keuze.value) == sorted(sorted(afstand, key=afstand.get)[:5])
    assert keuze.value == fig_regios.standaard_peers("AM12")
    tabel = peer_tabel(at)
    assert len(tabel) == 6 and tabel.iloc[0]["Arbeidsmarktregio"] == "Gooi en Vechtstreek (gekozen)"

    ander = next(c for c in fig_regios.regio_namen() if c not in keuze.value and c != "AM12")
    keuze.set_value([*keuze.value[:2], ander]).run()
    assert not at.exception
    assert any("(zelf gekozen)" in m.value for m in at.markdown)
    assert len(peer_tabel(at)) == 4


# --- one indicator, one value; like for like ------------------------------------------------------------------

def test_with_one_source_for_inwoners_nothing_is_named_beside_it(warehouse):
    at = open_page("overzicht")
    assert not any("Niet vergelijkbaar: andere bron/periode" in c.value for c in at.caption)
    at = open_page("bevolking")
    assert not any("zoals op Overzicht" in i.value for i in at.info)


def test_cbs_inwoners_are_shown_and_the_analysis_estimate_is_named_beside_them(alle_regios):
    cbs = sum(inwoners_uit_opname("2026")[m["gemeentecode"]] for m in regios_replay.indeling()
              if m["arbeidsmarktregiocode"] == "AM12")
    cbs_tekst = f"{cbs:,.0f}".replace(",", ".")
    at = open_page("overzicht", regio="AM12")
    html = "\n".join(str(h.proto) for h in at.get("html"))
    assert cbs_tekst in html and "248.000" not in html   # the card shows one value: the newest count
    naast = [c.value for c in at.caption if c.value.startswith("Inwoners van Gooi en Vechtstreek")]
    assert len(naast) == 1
    assert f"getoond wordt {cbs_tekst} (bron: CBS StatLine, tabel 03759ned; peildatum 2026" in naast[0]
    assert "Daarnaast: zo'n 248.000 (bron: Bevolkingsstatistiek (CBS) i.c.m. Primos-prognose" in naast[0]
    assert "peildatum 2025)" in naast[0] and "Niet vergelijkbaar: andere bron/periode" in naast[0]
    at = open_page("bevolking", regio="AM12")
    melding = [i.value for i in at.info if "zoals op Overzicht" in i.value]
    assert melding and melding[0].startswith(f"Het aantal inwoners dat het dashboard toont is {cbs_tekst}")


def test_like_for_like_needs_the_same_period_and_source_family():
    from dashboard.figuren.regios import bronfamilie, vergelijkbaar
    assert bronfamilie("CBS StatLine, tabel 85224NED") == bronfamilie("CBS; UWV") == "CBS"
    assert vergelijkbaar("2026-04", "CBS StatLine, tabel 85554NED", "2026-04", "CBS StatLine, tabel 37789ksz")
    # participatie of the analysis (UWV's Regio in Beeld) against CBS Q1 2026: no hoger/lager
    assert not vergelijkbaar("2024", "Regio in Beeld 2025-2026, UWV", "2026-Q1", "CBS StatLine, tabel 85224NED")
    assert not vergelijkbaar("2025-09", "UWV", "2026-04", "CBS StatLine, tabel 37789ksz")
    assert not vergelijkbaar("2025", "UWV", "2025", "CBS StatLine, tabel 03759ned")
    assert not vergelijkbaar(None, "CBS", None, "CBS")


# --- maps: geometry as a source ---------------------------------------------------------------------------------

def test_each_map_has_35_regions_resp_the_gemeenten_of_the_region(alle_regios):
    at = open_page("regios", regio="AM12", blad="Kaarten")
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    kaarten = [s for s in specs if any(t.get("fill") == "toself" for t in s["data"])]
    assert len(kaarten) == 2
    regios_kaart = [t for t in kaarten[0]["data"] if t.get("fill") == "toself"]
    assert len(regios_kaart) == 35
    assert [t["name"] for t in regios_kaart if t["line"]["width"] == 3] == ["Gooi en Vechtstreek (gekozen)"]
    # a click point (code in customdata) in every other region: plotly reports clicks on points, not on fills
    stippen = next(t for t in kaarten[0]["data"] if t.get("name") == "Kies een regio")
    assert sorted(stippen["customdata"]) == sorted(c for c in regios_replay.regios() if c != "AM12")
    assert not any(t.get("name") == "Kies een regio" for t in kaarten[1]["data"])   # gemeenten: no switching
    leden = {m["gemeentenaam"].split(" (")[0] for m in regios_replay.indeling() if m["arbeidsmarktregiocode"] == "AM12"}
    # names as the dashboard spells them (the shipped list says "Laren", CBS "Laren (NH.)")
    assert {t["name"].split(" (")[0] for t in kaarten[1]["data"] if t.get("fill") == "toself"} == leden


def test_before_geometry_was_fetched_the_map_says_so_in_one_line_and_the_page_works(tmp_path, raw_dir,
                                                                                      warehouse_path):
    if not regios_replay.AANWEZIG:
        pytest.skip(regios_replay.REDEN)
    assert regios_replay.ververs(tmp_path / "replay", geo=None) == 0
    at = open_page("regios", regio="AM12", blad="Kaarten")
    assert [i.value for i in at.info].count(
        "De kaart verschijnt zodra de gebiedsgrenzen (PDOK) zijn opgehaald (zie Bronnen en actualiteit).") == 2
    assert any("op plaats" in m.value for m in open_page("regios", regio="AM12").markdown)


@pytest.mark.parametrize("bederf, melding", [
    (lambda t: t[: len(t) // 2], "geen geldige GeoJSON"),
    (lambda t: '{"type": "Topology"}', "geen GeoJSON FeatureCollection"),
    (lambda t: t.replace('"statcode":"AM35"', '"statcode":"AM01"', 1), "statcode AM01 komt meer dan eens voor"),
    (lambda t: t.replace('"statcode":"AM35"', '"statcode":"AM99"', 1), "ontbreekt: AM35; onbekend: AM99"),
])
def test_broken_geometry_is_refused_with_a_dutch_message_and_the_previous_snapshot_serves(
        tmp_path, raw_dir, warehouse_path, capsys, bederf, melding):
    if not (regios_replay.GEO / "arbeidsmarktregio_2024.geojson").exists():
        pytest.skip(regios_replay.REDEN)
    from basis.instellingen import Instellingen
    from etl import refresh
    from etl.bronnen.gemeenschappelijk import snapshot
    goed = regios_replay.GeoServer()
    try:
        assert refresh.main(["--only", "gebiedsindelingen"], instellingen=Instellingen.uit_omgeving(
            pdok_url=goed.url)) == 0
    finally:
        goed.stop()
    vorige = snapshot.latest(raw_dir, "gebiedsindelingen", "pdok")
    kapot = tmp_path / "kapot"
    shutil.copytree(regios_replay.GEO, kapot)
    pad = kapot / "arbeidsmarktregio_2024.geojson"
    pad.write_text(bederf(pad.read_text(encoding="utf-8")), encoding="utf-8")
    capsys.readouterr()
    server = regios_replay.GeoServer(kapot)
    try:
        assert refresh.main(["--only", "gebiedsindelingen"], instellingen=Instellingen.uit_omgeving(
            pdok_url=server.url)) == 1
    finally:
        server.stop()
    err = capsys.readouterr().err
    assert "Ophalen mislukt: geometrie arbeidsmarktregio_2024" in err and melding in err, err
    assert "De vorige opname blijft in gebruik" in err
    assert snapshot.latest(raw_dir, "gebiedsindelingen", "pdok") == vorige
    assert q("select count(*) from marts.geometrie where laag = 'arbeidsmarktregio'") == [(35,)]


def test_gemeenten_as_an_index_start_at_100_and_follow_the_capture(alle_regios):
    at = open_page("regios", regio="AM12", blad="Gemeenten")
    spec = next(json.loads(c.proto.spec) for c in at.get("plotly_chart")
                if any(t.get("name") == "Blaricum" and t.get("mode") == "lines+markers"
                       for t in json.loads(c.proto.spec)["data"]))
    lijnen = {t["name"]: t for t in spec["data"]}
    assert len(lijnen) == 8 and all(t["y"][0] == 100 for t in lijnen.values())
    v2019, v2026 = inwoners_uit_opname("2019")["GM0376"], inwoners_uit_opname("2026")["GM0376"]
    assert lijnen["Blaricum"]["y"][-1] == pytest.approx(100 * v2026 / v2019)
    assert "het snelst Blaricum" in zichtbaar(at)


def provincie_uit_opname() -> dict[str, str]:
    """Gemeente -> province straight from the capture's code list (DimensionGroupId 'GMPV27' = in PV27)."""
    codes = json.loads((regios_replay.CAPTURE_03759 / "codes-RegioS.json").read_text())["value"]
    return {c["Identifier"]: c["DimensionGroupId"][2:] for c in codes if c["DimensionGroupId"].startswith("GMPV")}


def test_the_region_beside_its_provinces_from_the_captures_own_grouping(alle_regios):
    provincie = provincie_uit_opname()
    gemeenten = defaultdict(list)
    for m in regios_replay.indeling():
        gemeenten[m["arbeidsmarktregiocode"]].append(m["gemeentecode"])
    nu, toen = inwoners_uit_opname("2026", "PV"), inwoners_uit_opname("2019", "PV")
    per_gemeente = inwoners_uit_opname("2026")
    for code in ("AM12", "AM01"):
        verwacht = defaultdict(list)
        for g in gemeenten[code]:
            verwacht[provincie[g]].append(g)
        from dashboard.kern import db
        rijen = {r["regio_code"]: r for r in db.rijen("regio_provincies", regio=code)}
        assert {c for c, r in rijen.items() if r["soort"] == "provincie"} == set(verwacht)
        for pv, leden in verwacht.items():
            assert rijen[pv]["gemeenten"] == len(leden)
            assert rijen[pv]["inwoners"] == nu[pv]
            assert rijen[pv]["inwoners_uit_regio"] == sum(per_gemeente[g] for g in leden)
            assert rijen[pv]["groei"] == pytest.approx(100 * (nu[pv] - toen[pv]) / toen[pv])
    # AM12 spans Noord-Holland and Utrecht (Eemnes); its growth is the comparison page's own figure
    assert provincie["GM0317"] == "PV26" and sorted(verwacht_am12 := {provincie[g] for g in gemeenten["AM12"]}) \
        == ["PV26", "PV27"], verwacht_am12
    at = open_page("regios", regio="AM12", blad="Provincie")
    kaart = next(m.value for m in at.markdown if "naast de provincie" in m.value)
    groei = q("select waarde from marts.regio_vergelijking where indicator = 'inwonersgroei' and regio_code = 'AM12'")
    assert "Gooi en Vechtstreek ligt in 2 provincies: 6 gemeenten" in kaart and "1 gemeente (10.065 inwoners) in de " \
        "provincie Utrecht" in kaart, kaart
    assert f"Gooi en Vechtstreek +{groei[0][0]:.1f}%".replace(".", ",") in kaart
    html = "\n".join(str(h.proto) for h in at.get("html"))
    assert "provincie Noord-Holland" in html and "Eemnes" in html   # the figure's data as an HTML table
    # the druk per gemeente of the chosen region on the same page (the fixture's made-up 70072ned values)
    at = open_page("regios", regio="AM12", blad="Gemeenten")
    assert any("Groene en grijze druk per gemeente van Gooi en Vechtstreek" in m.value for m in at.markdown)
    # a region whose gemeenten did not all exist in 2019: no growth for it, and the note says why
    at = open_page("regios", regio="AM01", blad="Provincie")
    kaart = next(m.value for m in at.markdown if "naast de provincie" in m.value)
    assert "Groningen naast de provincies Groningen en Drenthe" in kaart
    assert "Voor Groningen zelf is er geen groeicijfer" in kaart
    # a region within one province says so
    namen = regios_replay.regios()
    binnen_een = next(c for c in sorted(gemeenten) if len({provincie[g] for g in gemeenten[c]}) == 1)
    at = open_page("regios", regio=binnen_een, blad="Provincie")
    kaart = next(m.value for m in at.markdown if "naast de provincie" in m.value)
    assert f"Alle gemeenten van {namen[binnen_een]} liggen in de provincie " in kaart, kaart


def test_a_cached_chart_sends_the_json_plotly_would_make_and_makes_it_once(monkeypatch):
    import plotly.graph_objects as go
    import plotly.io as pio

    from dashboard.figuren import tonen
    fig = go.Figure([go.Bar(x=["a", "b"], y=[1.5, 2], uid="x1"), go.Scatter(x=[1], y=[None], name="Nederland")])
    verwacht = tonen._plotly_to_json(fig.to_dict(), validate=False)   # plotly's own, as before the cache
    vast = tonen.vast(go.Figure(fig))
    teller = []
    echt = tonen._plotly_to_json
    monkeypatch.setattr(tonen, "_plotly_to_json", lambda *a, **k: teller.append(1) or echt(*a, **k))
    # what st.plotly_chart does on every rerun: the figure's dict, then plotly.io.to_json(..., validate=False)
    assert [pio.to_json(vast.to_dict(), validate=False) for _ in range(3)] == [verwacht] * 3
    assert len(teller) == 1
    assert '"uid"' not in verwacht
    # any other figure or dict goes through plotly unchanged, every time
    assert pio.to_json(fig.to_dict(), validate=False) == verwacht and len(teller) == 2


def test_only_the_open_tab_is_made_and_the_tab_is_in_the_url(alle_regios):
    from dashboard.figuren import regios as fig_regios
    gezien = {}
    for blad in fig_regios.BLADEN:
        at = open_page("regios", regio="AM12", blad=blad)
        gezien[blad] = {m.value.split("\n")[0] for m in at.markdown if m.value.startswith("#### ")}
    assert all(len(koppen) >= 1 for koppen in gezien.values()), gezien
    # no figure in two tabs: a tab's figures are made only when it is open
    alle = [k for koppen in gezien.values() for k in koppen]
    assert len(alle) == len(set(alle)) == 8, gezien


def test_the_indicator_and_the_peer_group_are_chosen_in_the_tabs_they_act_on_and_kept_between_tabs(alle_regios):
    at = open_page("regios", regio="AM12")
    assert len(at.get("button_group")) == 1 and len(at.multiselect) == 1   # Rangorde: both
    at.get("button_group")[0].set_value("Groene druk").run()
    groep = at.multiselect[0].value[:2]
    at.multiselect[0].set_value(groep).run()
    wat = {"Vergelijkbaar": (0, 1), "Provincie": (0, 0), "Kaarten": (1, 0), "Gemeenten": (0, 0)}
    for blad, (indicatoren, groepen) in wat.items():
        at.query_params["blad"] = blad
        at.run()
        assert not at.exception, blad
        # a widget only where it changes the tab's figures (each costs every rerun)
        assert (len(at.get("button_group")), len(at.multiselect)) == (indicatoren, groepen), blad
        # and a choice made in another tab still holds, also after a tab without it
        assert all(b.value == "Groene druk" for b in at.get("button_group")), blad
        assert all(m.value == groep for m in at.multiselect), blad
    at.query_params["blad"] = "Kaarten"
    at.run()
    assert any(m.value.startswith("#### Groene druk op de kaart") for m in at.markdown)


def test_the_one_region_replay_has_the_same_tables_for_one_region(tmp_path, raw_dir, warehouse_path):
    """The one-region baseline of benchmarks.regios: the same replayed tables restricted to the default region (its
    gemeenten, its provinces, Nederland), so Regio's vergelijken shows the same figures with one region."""
    if not regios_replay.AANWEZIG:
        pytest.skip(regios_replay.REDEN)
    from basis import referentie
    regio = referentie.standaard_regio(raw_dir)
    assert regios_replay.ververs(tmp_path / "replay", regio=regio) == 0
    rijen = q("select indicator, regio_code, plaats, aantal from marts.regio_vergelijking where not is_land")
    indicatoren = {r[0] for r in rijen}
    assert {r[1:] for r in rijen} == {(regio, 1, 1)} and len(indicatoren) == 8   # every indicator, one region
    assert len(q("select 1 from marts.regio_vergelijking where is_land")) == len(indicatoren)
    gemeenten = {m["gemeentecode"] for m in regios_replay.indeling(regio)}
    assert {r[0] for r in q("select code from marts.geometrie where laag = 'gemeente'")} == gemeenten
    # the region map keeps its shapes: the refresh checks them against the 35 regions of the reference list
    assert q("select count(*) from marts.geometrie where laag = 'arbeidsmarktregio'") == [(35,)]
    assert {r[0] for r in q("select gemeente_code from marts.gemeente_regio")} == gemeenten
    for blad, kop in {"Rangorde": "op plaats 1 van 1", "Kaarten": f"telt {len(gemeenten)} gemeenten",
                      "Provincie": "naast de provincie", "Gemeenten": "Groei per gemeente"}.items():
        at = open_page("regios", blad=blad)
        assert not at.exception and any(kop in m.value for m in at.markdown), blad


def test_the_peer_group_replay_has_those_regions_only_and_the_peer_tab_compares_them(tmp_path, raw_dir,
                                                                                      warehouse_path):
    """The baseline of the Vergelijkbaar tab in benchmarks.regios: a region and its peers, nothing else."""
    if not regios_replay.AANWEZIG:
        pytest.skip(regios_replay.REDEN)
    from basis import referentie
    regio = referentie.standaard_regio(raw_dir)
    groep = {regio, "AM02", "AM20"}   # regions with every indicator (AM01 has no inwonersgroei: herindelingen)
    assert regios_replay.ververs(tmp_path / "replay", regio=sorted(groep)) == 0
    rijen = q("select indicator, regio_code, plaats from marts.regio_vergelijking where not is_land")
    per_indicator: dict = {}
    for indicator, code, plaats in rijen:
        per_indicator.setdefault(indicator, []).append((code, plaats))
    assert len(per_indicator) == 8
    assert {k: ({c for c, _ in v}, sorted(p for _, p in v)) for k, v in per_indicator.items()} == \
        {k: (groep, [1, 2, 3]) for k in per_indicator}
    gemeenten = {m["gemeentecode"] for m in regios_replay.indeling(groep)}
    assert len(gemeenten) > len(regios_replay.indeling(regio))
    assert {r[0] for r in q("select gemeente_code from marts.gemeente_regio")} == gemeenten
    at = open_page("regios", blad="Vergelijkbaar")
    assert not at.exception
    assert sorted(at.multiselect[0].value) == sorted(groep - {regio})   # both others are the peers
    namen = regios_replay.regios(groep)
    assert sorted(peer_tabel(at)["Arbeidsmarktregio"]) == sorted(
        namen[c] + (" (gekozen)" if c == regio else "") for c in groep)


def test_inwoners_per_gemeente_on_screen_one_row_per_area_and_the_export_per_year(alle_regios):
    from dashboard.figuren import register
    from dashboard.kern import context
    fig = register.maak("inwoners-reeks", context.maak("AM12"))
    tabel = fig.tabel.set_index("Gebied")
    assert tabel.index[0] == "Gooi en Vechtstreek (arbeidsmarktregio)" and len(tabel) == 8   # the region, 7 gemeenten
    for jaar in ("2019", "2026"):
        assert tabel.loc["Blaricum", jaar] == inwoners_uit_opname(jaar)["GM0376"]
        assert tabel.iloc[0][jaar] == tabel.iloc[1:][jaar].sum()
    assert tabel.loc["Blaricum", "Toelichting"] == "definitief"
    assert len(fig.export) == 8 * 8 and set(fig.export["periode"]) == {str(j) for j in range(2019, 2027)}

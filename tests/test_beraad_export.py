"""The take-home export keeps every label: the HTML export opened in headless Chromium at
A4 width, every tick, category and value label of every chart inside its chart."""
from __future__ import annotations

import pytest

from dashboard.analyse import document as analyse
from dashboard.export import report
from tests.test_browser import browser_type_launch_args  # noqa: F401

A4_BREEDTE = 794   # CSS px: A4 at 96 dpi

# every label Plotly draws for an axis, a bar value or a legend entry, with the box of its chart
BUITEN = """() => {
  const uit = [];
  for (const div of document.querySelectorAll('.plotly-graph-div')) {
    const svg = div.querySelector('.main-svg').getBoundingClientRect();
    const fig = div.closest('.figuur').id;
    for (const t of div.querySelectorAll('.xtick text, .ytick text, text.bartext, .legendtext, .g-xtitle text, .g-ytitle text')) {
      if (!t.textContent.trim()) continue;
      const r = t.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;   // not drawn (a value label of a missing bar)
      if (r.left < svg.left - 0.5 || r.right > svg.right + 0.5 || r.top < svg.top - 0.5 || r.bottom > svg.bottom + 0.5)
        uit.push(`${fig}: '${t.textContent}' valt buiten de grafiek (${Math.round(r.left)}-${Math.round(r.right)} `
                 + `buiten ${Math.round(svg.left)}-${Math.round(svg.right)})`);
    }
  }
  return uit;
}"""

TELLEN = "() => document.querySelectorAll('.plotly-graph-div').length"
LABELS = "() => [...document.querySelectorAll('.ytick text')].map(t => t.textContent)"


@pytest.mark.browser
def test_html_export_at_a4_width_keeps_every_label_inside_its_chart(warehouse, tmp_path, page):
    """`page`: pytest-playwright's, in Debian's Chromium (tests.test_browser.browser_type_launch_args)."""
    doc = analyse.maak("AM12")
    pad = tmp_path / "analyse.html"
    pad.write_text(report.html(doc), encoding="utf-8")
    page.set_viewport_size({"width": A4_BREEDTE, "height": 1123})
    page.goto(pad.as_uri(), wait_until="load")
    page.wait_for_function("() => [...document.querySelectorAll('.plotly-graph-div')]"
                           ".every(d => d.querySelector('.main-svg'))", timeout=30_000)
    aantal = page.evaluate(TELLEN)
    buiten = page.evaluate(BUITEN)
    labels = page.evaluate(LABELS)
    verwacht = sum(1 for s in doc["secties"] for f in s["figuren"] if f.get("grafiek"))
    assert aantal == verwacht and aantal >= 5
    assert buiten == []
    # the category labels are whole words, not their last letters
    assert "Basisonderwijs" in labels and "Managers" in labels


def _zoals_plotly_het_print(fig) -> dict:
    import json

    import plotly.io as pio
    return json.loads(pio.to_json(fig, validate=False))


def test_a_chart_printed_from_its_dict_is_the_chart_plotly_prints_from_the_figure(warehouse):
    """The export prints each chart from its builder's dict (charts.als_dict, charts.printklaar) instead of building
    and validating a go.Figure: for every chart of the analysis, and for the builders' other options, that dict is
    exactly what go.Figure + drukklaar print (plotly's own JSON form, its default template included), at A4 size."""
    from dashboard.figuren import charts, figuur
    recepten = [figuur.grafiek_van_dict(f) for s in analyse.maak("AM12")["secties"] for f in s["figuren"]
                if f.get("grafiek")]
    recepten += [
        figuur.grafiek(charts.vergelijking_staaf, ["Zorg en welzijn beroepen", "ICT"], [18.25, -4.1], [13.7, None],
                       "Gooi en Vechtstreek", "Nederland", uitgelicht=[True, False]),
        figuur.grafiek(charts.vergelijking_staaf, ["A", "B"], [1200, 300], [900, 450], "R", "N", eenheid="aantal"),
        figuur.grafiek(charts.staaf, ["2022", "2023"], [2.5, None], "aandeel", eenheid="%", kleuren=["#1b5e8c", "#7b8794"]),
        figuur.grafiek(charts.staaf, ["Instroom", "Uitstroom"], [3000, 120], "aantal", teksten=["meer dan 3.000", "120"]),
        figuur.grafiek(charts.lijnen, [("Regio", ["2024", "2025"], [1.5, 2.0]), ("Nederland", ["2024", "2025"], [1.0, None])],
                       eenheid="%", nadruk="Regio"),
        figuur.grafiek(charts.banen_staaf, ["2017", "2027 (prognose)"], [92700, 108600], [12000, 13100], [False, True]),
        figuur.grafiek(charts.mismatch_halter, ["Managers", "Zorg", "Zonder beroepsklasse"], [400, 900, None],
                       [693, 202, 344], ["kwantitatieve mismatch", "kwalitatieve mismatch", None], "Vacatures", "WW"),
    ]
    bouwers = {r.bouwer for r in recepten}
    assert {"vergelijking_staaf", "staaf", "lijnen", "banen_staaf", "mismatch_halter"} <= bouwers
    for recept in recepten:
        assert hasattr(recept.functie(), "als_dict"), recept.bouwer   # printed without go.Figure
        uit_dict = charts.printklaar(recept.als_dict(), report.PAGINA_BREEDTE, report.PAGINA_LETTER)
        uit_figuur = charts.drukklaar(recept.plotly(), report.PAGINA_BREEDTE, report.PAGINA_LETTER)
        assert _zoals_plotly_het_print(uit_dict) == _zoals_plotly_het_print(uit_figuur), recept.bouwer
    # a builder that still makes a go.Figure (the UWV spanning, the region ranking) is printed from its to_dict()
    for recept in (figuur.grafiek(charts.spanning_staaf, ["Zorg en welzijn beroepen", "ICT"], [4.46, 0.4],
                                  ["zeer krap", "ruim"]),
                   figuur.grafiek(charts.rangorde, ["Gooi en Vechtstreek", "Flevoland"], [3.1, 4.2],
                                  "Gooi en Vechtstreek", eenheid="%", referentie=3.8, referentie_naam="Nederland")):
        assert not hasattr(recept.functie(), "als_dict")
        uit_dict = charts.printklaar(recept.als_dict(), report.PAGINA_BREEDTE, report.PAGINA_LETTER)
        uit_figuur = charts.drukklaar(recept.plotly(), report.PAGINA_BREEDTE, report.PAGINA_LETTER)
        assert _zoals_plotly_het_print(uit_dict) == _zoals_plotly_het_print(uit_figuur), recept.bouwer


def test_the_command_line_writes_the_same_page_as_html_without_decoding_plotly_js(warehouse):
    """The command line writes report.html_bytes: plotly.js's own bytes, never decoded and encoded again. That is
    byte for byte report.html(...) in UTF-8 (apart from Plotly's random element ids)."""
    import re
    from datetime import UTC, datetime

    from dashboard.export import opmaak
    assert opmaak.plotly_kop_bytes() == opmaak.plotly_kop().encode("utf-8")
    doc, nu = analyse.maak("AM12"), datetime(2026, 5, 7, 9, 30, tzinfo=UTC)
    ids = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
    als_bytes = report.html_bytes(doc, None, nu)
    assert als_bytes.startswith(opmaak.plotly_kop_bytes())
    assert ids.sub(b"ID", als_bytes) == ids.sub(b"ID", report.html(doc, None, nu).encode("utf-8"))

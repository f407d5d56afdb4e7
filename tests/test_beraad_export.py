"""The take-home export keeps every label: the HTML export opened in headless Chromium at
A4 width, every tick, category and value label of every chart inside its chart."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.analyse import document as analyse
from dashboard.export import report

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
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


def open_in_chromium(html_pad: Path, breedte: int):
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed: `apt-get install -y chromium`.")
    from playwright.sync_api import sync_playwright
    p = sync_playwright().start()
    browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
    page = browser.new_page(viewport={"width": breedte, "height": 1123})
    page.goto(html_pad.as_uri(), wait_until="load")
    page.wait_for_function("() => [...document.querySelectorAll('.plotly-graph-div')]"
                           ".every(d => d.querySelector('.main-svg'))", timeout=30_000)
    return p, browser, page


@pytest.mark.browser
def test_html_export_at_a4_width_keeps_every_label_inside_its_chart(warehouse, tmp_path):
    doc = analyse.maak("AM12")
    pad = tmp_path / "analyse.html"
    pad.write_text(report.html(doc), encoding="utf-8")
    p, browser, page = open_in_chromium(pad, A4_BREEDTE)
    try:
        aantal = page.evaluate(TELLEN)
        buiten = page.evaluate(BUITEN)
        labels = page.evaluate(LABELS)
    finally:
        browser.close()
        p.stop()
    verwacht = sum(1 for s in doc["secties"] for f in s["figuren"] if f.get("grafiek"))
    assert aantal == verwacht and aantal >= 5
    assert buiten == []
    # the category labels are whole words, not their last letters
    assert "Basisonderwijs" in labels and "Managers" in labels

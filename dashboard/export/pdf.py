"""HTML to PDF through headless Chromium (Debian's `chromium`, driven by
Playwright). Chromium lays out the same HTML a browser shows, including the
Plotly charts, and prints it on A4 with page numbers in the footer."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


class PdfFout(Exception):
    """A PDF could not be made; the message is Dutch and says why."""


def chromium_pad() -> str:
    """The Chromium binary: $CHROMIUM_PATH, else `chromium` on PATH."""
    pad = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not pad or not Path(pad).exists():
        raise PdfFout("Chromium ontbreekt: een PDF maken kan niet. Installeer het met "
                      "`apt-get install -y chromium` (of `make test` / `make run` doet het), "
                      "of wijs CHROMIUM_PATH naar een Chromium-programma.")
    return pad


VOETTEKST = ('<div style="font-size:8px;width:100%;padding:0 14mm;color:#555;'
             'font-family:sans-serif;display:flex;justify-content:space-between">'
             '<span>{links}</span><span>Pagina <span class="pageNumber"></span> van '
             '<span class="totalPages"></span></span></div>')


def pdf_bytes(html: str, voettekst: str = "") -> bytes:
    """`html` (a self-contained page) printed as A4 PDF, page numbers in the footer."""
    from html import escape

    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    pad = chromium_pad()
    with tempfile.TemporaryDirectory(prefix="pdf-") as tmp:
        bron = Path(tmp) / "rapport.html"
        bron.write_text(html, encoding="utf-8")
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=pad,
                    args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          "--disable-background-networking", "--disable-component-update"])
                try:
                    page = browser.new_page(viewport={"width": 1123, "height": 794})
                    page.goto(bron.as_uri(), wait_until="load")
                    # Plotly draws after load; wait for every chart to be drawn
                    page.wait_for_function(
                        "() => [...document.querySelectorAll('.plotly-graph-div')]"
                        ".every(d => d.querySelector('.main-svg'))", timeout=30_000)
                    page.emulate_media(media="print")
                    return page.pdf(format="A4", print_background=True, display_header_footer=True,
                                    header_template="<div></div>",
                                    footer_template=VOETTEKST.format(links=escape(voettekst)),
                                    margin={"top": "14mm", "bottom": "16mm", "left": "14mm", "right": "14mm"})
                finally:
                    browser.close()
        except PlaywrightError as e:
            raise PdfFout(f"Chromium kon de PDF niet maken: {str(e).splitlines()[0]}") from e


def html_naar_pdf(html: str, doel: Path, voettekst: str = "") -> None:
    """Print `html` to `doel` as A4 PDF; `doel` is the old file or the complete new one."""
    from dashboard.export.bestanden import SchrijfFout, schrijf_atomair
    data = pdf_bytes(html, voettekst)
    try:
        schrijf_atomair(data, doel)
    except SchrijfFout as exc:
        raise PdfFout(str(exc)) from exc

"""The PDF printer (dashboard/export/pdf.py): one Chromium per process, kept between prints, that prints
every export the same as a fresh browser would; it closes when idle and starts again when needed."""
from __future__ import annotations

import shutil
import subprocess
import time
from datetime import UTC, datetime

import pytest

from dashboard.analyse import document as analyse
from dashboard.export import pdf, report

pytestmark = pytest.mark.browser


@pytest.fixture
def chromium():
    if not shutil.which("chromium") and not shutil.which("chromium-browser"):
        pytest.skip("Chromium is not installed (apt-get install -y chromium): the PDF printer cannot be tested")
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed: the PDF text cannot be read")
    yield
    pdf._PRINTER.stop()


def tekst(data: bytes, tmp_path) -> str:
    bestand = tmp_path / "x.pdf"
    bestand.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(bestand), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_later_pdfs_reuse_the_browser_and_print_the_same_pages(warehouse, chromium, tmp_path):
    pdf._PRINTER.stop()
    doc = analyse.maak("AM12")
    nu = datetime(2026, 5, 7, 9, 0, tzinfo=UTC)   # one export time: the texts can be compared whole
    voor = pdf._PRINTER.gestart
    eerste = tekst(pdf.pdf_bytes(report.html(doc, None, nu), "voet"), tmp_path)
    tweede = tekst(pdf.pdf_bytes(report.html(doc, None, nu), "voet"), tmp_path)
    assert pdf._PRINTER.gestart == voor + 1   # one browser for both
    # the same document, the same pages: the kept page must not change the layout
    assert tweede == eerste
    assert eerste.count("\f") > 5 and "Mismatch" in eerste and "182.000" in eerste

    # another document through the same page: its own content, nothing left of the previous one
    ander = {**doc, "regio_naam": "Testregio", "secties": doc["secties"][:1]}
    derde = tekst(report.pdf_bytes(ander, None), tmp_path)
    assert "Testregio" in derde and "Mismatch" not in derde
    assert pdf._PRINTER.gestart == voor + 1


def test_an_idle_printer_closes_and_starts_again(warehouse, chromium, tmp_path, monkeypatch):
    pdf._PRINTER.stop()
    monkeypatch.setenv("PDF_BROWSER_LEEG_NA", "1")
    html = "<!DOCTYPE html><html lang='nl'><body><p>Eerste</p></body></html>"
    voor = pdf._PRINTER.gestart
    assert "Eerste" in tekst(pdf.pdf_bytes(html), tmp_path)
    for _ in range(50):   # the thread ends about a second after its last print
        if pdf._PRINTER._draad is None:
            break
        time.sleep(0.1)
    assert pdf._PRINTER._draad is None
    assert "Tweede" in tekst(pdf.pdf_bytes(html.replace("Eerste", "Tweede")), tmp_path)
    assert pdf._PRINTER.gestart == voor + 2


def test_a_broken_chromium_gives_a_dutch_message_and_the_next_print_works(warehouse, chromium, tmp_path,
                                                                          monkeypatch):
    nep = tmp_path / "chromium"
    nep.write_text("#!/bin/sh\nexit 1\n")
    nep.chmod(0o755)
    monkeypatch.setenv("CHROMIUM_PATH", str(nep))
    with pytest.raises(pdf.PdfFout, match="Chromium kon de PDF niet maken"):
        pdf.pdf_bytes("<html><body>x</body></html>")
    monkeypatch.delenv("CHROMIUM_PATH")
    assert "weer" in tekst(pdf.pdf_bytes("<html><body>weer</body></html>"), tmp_path)

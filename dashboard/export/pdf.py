"""HTML to PDF through headless Chromium (Debian's `chromium`, driven by
Playwright). Chromium lays out the same HTML a browser shows, including the
Plotly charts, and prints it on A4 with page numbers in the footer.

One browser per process, with one page, kept by a printer thread. Starting
Playwright and Chromium costs about a second, and most of loading an export is
compiling the inlined plotly.js (4.6 MB; about 80% of the load, measured). So
the printer loads every export from the same file URL in the same page: V8
then finds plotly.js (same text at the same place in the same URL) in its
compilation cache, and the second and later PDFs load several times faster
(measured 6,8 s -> 1,4-3,0 s on a loaded machine; same pages and text).
Playwright's sync API belongs to the thread that started it, so every print
goes through that thread; prints wait for each other. The browser closes after
PDF_BROWSER_LEEG_NA seconds without work (default 300) and when the process
ends; a browser that crashed is replaced on the next print."""
from __future__ import annotations

import atexit
import os
import queue
import shutil
import tempfile
import threading
from concurrent.futures import Future
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
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update"]
# Plotly draws while the page is parsed; this holds once every chart has its SVG
GETEKEND = "() => [...document.querySelectorAll('.plotly-graph-div')].every(d => d.querySelector('.main-svg'))"


def _leeg_na() -> float:
    try:
        return max(1.0, float(os.environ.get("PDF_BROWSER_LEEG_NA", "300")))
    except ValueError:
        return 300.0


class _Printer:
    """The thread that owns Playwright, the browser and its page."""

    def __init__(self) -> None:
        self._taken: queue.Queue = queue.Queue()
        self._slot = threading.Lock()
        self._draad: threading.Thread | None = None
        self.gestart = 0   # browsers launched in this process (tests, benchmarks)

    def druk(self, pad: str, html: str | None, voettekst: str = "", afdrukken: bool = True) -> Future:
        """Queue a print (html None: only start the browser; afdrukken False: only load `html`, for V8's cache);
        the future gives the PDF bytes."""
        klaar: Future = Future()
        with self._slot:   # the thread only ends holding this lock, after checking the queue is empty
            if self._draad is None:
                self._draad = threading.Thread(target=self._werk, name="pdf-chromium", daemon=True)
                self._draad.start()
            self._taken.put((pad, html, voettekst, afdrukken, klaar))
        return klaar

    def stop(self) -> None:
        with self._slot:
            draad = self._draad
            if draad is not None:
                self._taken.put(None)
        if draad is not None:
            draad.join(timeout=15)

    def _werk(self) -> None:
        from playwright.sync_api import sync_playwright

        pw = browser = page = pagina = gestart_pad = None

        def sluit() -> None:
            nonlocal browser, page
            for ding in (page, browser):
                try:
                    if ding is not None:
                        ding.close()
                except Exception:   # noqa: BLE001 - already gone: nothing left to close
                    pass
            browser = page = None

        map_ = tempfile.mkdtemp(prefix="pdf-")
        try:
            pw = sync_playwright().start()
            while True:
                try:
                    taak = self._taken.get(timeout=_leeg_na() if browser is not None else None)
                except queue.Empty:
                    with self._slot:
                        if self._taken.empty():
                            self._draad = None
                            return
                    continue
                if taak is None:
                    with self._slot:
                        self._draad = None
                    return
                pad, html, voettekst, afdrukken, klaar = taak
                if not klaar.set_running_or_notify_cancel():
                    continue
                try:
                    if browser is None or not browser.is_connected() or pad != gestart_pad:
                        sluit()
                        browser, gestart_pad = pw.chromium.launch(executable_path=pad, args=ARGS), pad
                        self.gestart += 1
                        page = browser.new_page(viewport={"width": 1123, "height": 794})
                        page.emulate_media(media="print")
                        pagina = _Pagina(page, Path(map_))
                    if html is None:
                        klaar.set_result(b"")
                    elif not afdrukken:
                        pagina.laad(html)
                        klaar.set_result(b"")
                    else:
                        klaar.set_result(pagina.pdf(html, voettekst))
                except BaseException as exc:   # noqa: BLE001 - handed to the caller, who turns it into PdfFout
                    sluit()   # start afresh next time
                    klaar.set_exception(exc)
        except BaseException as exc:   # noqa: BLE001 - Playwright itself did not start
            with self._slot:
                self._draad = None
                while not self._taken.empty():
                    taak = self._taken.get_nowait()
                    if taak is not None and taak[-1].set_running_or_notify_cancel():
                        taak[-1].set_exception(exc)
        finally:
            sluit()
            if pw is not None:
                pw.stop()
            shutil.rmtree(map_, ignore_errors=True)


class _Pagina:
    """The printer's page, and the one file every export is loaded from (a stable URL)."""

    def __init__(self, page, map_: Path) -> None:
        self.page = page
        self.bron = map_ / "rapport.html"

    def laad(self, html: str) -> None:
        self.bron.write_text(html, encoding="utf-8")
        self.page.goto(self.bron.as_uri(), wait_until="load")

    def pdf(self, html: str, voettekst: str) -> bytes:
        from html import escape
        self.laad(html)
        self.page.wait_for_function(GETEKEND, timeout=30_000)
        return self.page.pdf(format="A4", print_background=True, display_header_footer=True,
                             header_template="<div></div>",
                             footer_template=VOETTEKST.format(links=escape(voettekst)),
                             margin={"top": "14mm", "bottom": "16mm", "left": "14mm", "right": "14mm"})


_PRINTER = _Printer()
atexit.register(_PRINTER.stop)


def voorbereiden() -> None:
    """Start the browser now, without waiting for it, and have it load the start every Analyse export shares
    (opmaak.plotly_kop: plotly.js), so that Chromium starts and compiles plotly.js while the caller builds the
    analysis and its HTML (the command line's PDF). Raises PdfFout at once when Chromium is missing. Once per
    process: the command line calls it before its imports and again when it exports."""
    global _VOORBEREID
    pad = chromium_pad()
    if _VOORBEREID:
        return
    _VOORBEREID = True
    from dashboard.export import opmaak
    _PRINTER.druk(pad, opmaak.plotly_kop() + "</head><body></body></html>", afdrukken=False)


_VOORBEREID = False


def pdf_bytes(html: str, voettekst: str = "") -> bytes:
    """`html` (a self-contained page) printed as A4 PDF, page numbers in the footer."""
    from playwright.sync_api import Error as PlaywrightError

    pad = chromium_pad()
    try:
        return _PRINTER.druk(pad, html, voettekst).result()
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

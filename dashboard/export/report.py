"""Export of the Analyse arbeidsmarkt (live or a saved version) as one
self-contained HTML file (opens offline: Plotly is inlined) or as an A4 PDF
printed from that HTML by headless Chromium.

    python -m dashboard.report --format html|pdf|pptx --out PATH [--version NAAM] [--regio CODE]

pptx is a PowerPoint deck with native charts (dashboard/export/powerpoint.py); it needs no browser.

Exit code 0 on success; otherwise a Dutch message on stderr and exit code 1
(2 for wrong arguments), and nothing written at PATH."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import plotly.io as pio

from dashboard.export import opmaak, voorraad
from dashboard.export.bestanden import SchrijfFout, schrijf_atomair
from dashboard.figuren import charts
from dashboard.figuren import figuur as figuren
from dashboard.kern import format as fmt

PAGINA_BREEDTE = 680   # px: the printable width of A4 with 14 mm margins at 96 dpi
PAGINA_LETTER = 13     # px: chart type on paper (11pt body text)


class ExportFout(Exception):
    """Dutch message: what went wrong with the export."""


def _grafiek_html(f: dict, gebruikt: set[str]) -> str | None:
    """The chart printed at A4 width: made once per recipe and code version (voorraad), unless this document
    already used that one (a chart's HTML carries its own element id)."""
    if not f.get("grafiek"):
        return None
    naam = voorraad.sleutel("grafiek", PAGINA_BREEDTE, PAGINA_LETTER, f["grafiek"])
    html = voorraad.lees(naam) if naam not in gebruikt else None
    if html is None:
        # printed from the figure's dict: no go.Figure, nothing validated (the builders make plotly's JSON form)
        fig = charts.printklaar(figuren.grafiek_van_dict(f).als_dict(), PAGINA_BREEDTE, PAGINA_LETTER)
        html = pio.to_html(fig, full_html=False, include_plotlyjs=False, validate=False,
                           config={"displayModeBar": False, "staticPlot": True, "locale": "nl"})
        if naam not in gebruikt:
            voorraad.bewaar(naam, html)
    gebruikt.add(naam)
    return html


def html(doc: dict, manifest: dict | None = None, nu: datetime | None = None) -> str:
    """The analysis as one self-contained HTML page (Plotly inlined, no network needed)."""
    return opmaak.plotly_kop() + _html_na_kop(doc, manifest, nu)


def html_bytes(doc: dict, manifest: dict | None = None, nu: datetime | None = None) -> bytes:
    """html(...) in UTF-8, with plotly.js never decoded and encoded again (see opmaak.plotly_kop_bytes)."""
    return opmaak.plotly_kop_bytes() + _html_na_kop(doc, manifest, nu).encode("utf-8")


def _html_na_kop(doc: dict, manifest: dict | None, nu: datetime | None) -> str:
    """The page after opmaak.plotly_kop (doctype, charset and plotly.js), which is the same in every export."""
    nu = nu or datetime.now(UTC)
    versie = manifest["naam"] if manifest else "Actuele stand (niet vastgelegd als versie)"
    build = doc.get("build") or {}
    meta = [("Regio", f"{doc['regio_naam']} ({doc['regio']}), vergeleken met {doc['vergelijk_naam']}"),
            ("Versie", versie)]
    if manifest:
        meta.append(("Vastgelegd", fmt.datum_tijd(manifest["opgeslagen"])
                     + (f" door {manifest['door']}" if manifest.get("door") else "")))
    if manifest and manifest.get("opmerking"):
        meta.append(("Let op", manifest["opmerking"]))
    if doc.get("uwv_periode"):
        p = doc["uwv_periode"]
        meta.append(("UWV-periode", f"vacatures {p['label']}, WW-uitkeringen {p['ww_label']}"
                     + ("" if p["laatste"] else " (een eerdere periode)")))
    meta += [("Cijfers uit", f"datawarehouse gebouwd {fmt.datum_tijd(build.get('built_at'))}"
              + (f" (build {build['build_id'][:8]})" if build.get("build_id") else "")),
             ("Geëxporteerd", fmt.datum_tijd(nu))]
    gebruikt: set[str] = set()
    secties = [{**s, "figuren": [{**f, "grafiek_html": _grafiek_html(f, gebruikt)} for f in s["figuren"]]}
               for s in doc["secties"]]
    return opmaak.maak("analyse.html.j2", doc={**doc, "secties": secties}, meta=meta, versie=versie,
                          titel=f"Analyse arbeidsmarkt {doc['regio_naam']}",
                          geexporteerd=fmt.datum_tijd(nu))


def document(versie: str | None, regio: str, periode: str | None = None) -> tuple[dict, dict | None]:
    """(analysis document, manifest or None): a saved version (with the UWV period it was saved with), or the
    live state at UWV period `periode` (None: the latest)."""
    from dashboard.analyse import document as analyse
    from dashboard.kern import db
    if versie:   # versies only here: the live state needs none of its imports
        from dashboard.analyse import versies

        manifest, doc = versies.laad(versie)
        return doc, manifest
    try:
        build = db.build_key()
        naam = voorraad.sleutel("analyse", build, regio, periode)
        bewaard = voorraad.lees(naam)
        if bewaard is not None:   # an earlier export of this build made it (the app keeps it in memory)
            try:
                return json.loads(bewaard), None
            except json.JSONDecodeError:
                pass
        doc = analyse.maak(regio, periode)
        if db.build_key() == build:   # not refreshed meanwhile: the document is of the build in its key
            voorraad.bewaar(naam, json.dumps(doc, ensure_ascii=False))
        return doc, None
    except db.WarehouseOntbreekt as exc:
        raise ExportFout(f"Er is nog geen datawarehouse ({exc}). Bouw het met `python -m etl.refresh --offline`.") from exc


def pdf_bytes(doc: dict, manifest: dict | None) -> bytes:
    from dashboard.export import pdf
    versie = manifest["naam"] if manifest else "actuele stand"
    return pdf.pdf_bytes(html(doc, manifest), voettekst=f"Analyse arbeidsmarkt {doc['regio_naam']} · {versie}")


def pptx_bytes(doc: dict, manifest: dict | None) -> bytes:
    from dashboard.export import powerpoint
    return powerpoint.maak(doc, manifest["naam"] if manifest else "actuele stand")


def exporteer(formaat: str, doel: Path, versie: str | None = None, regio: str | None = None,
              periode: str | None = None) -> None:
    if not doel.parent.is_dir():   # fail before the slow part
        raise ExportFout(f"De map {doel.parent} bestaat niet: kan {doel.name} niet schrijven.")
    if versie and periode:
        raise ExportFout("Een vastgelegde versie houdt haar eigen UWV-periode: geef --version of --periode, "
                         "niet beide.")
    if formaat == "pdf":
        from dashboard.export import pdf
        pdf.voorbereiden()   # Chromium starts while the analysis and its HTML are made
    doc, manifest = document(versie, regio, periode)
    if formaat == "html":
        data = html_bytes(doc, manifest)
    elif formaat == "pptx":
        data = pptx_bytes(doc, manifest)
    else:
        data = pdf_bytes(doc, manifest)
    try:
        schrijf_atomair(data, doel)
    except SchrijfFout as exc:
        raise ExportFout(str(exc)) from exc


def _fouten(formaat: str) -> tuple[type[Exception], ...]:
    """The errors an export in `formaat` reports in Dutch (only the format's own module is imported)."""
    from dashboard.analyse.document import AnalyseFout
    from dashboard.analyse.versies import VersieFout
    if formaat == "pdf":
        from dashboard.export.pdf import PdfFout
        return ExportFout, VersieFout, AnalyseFout, PdfFout
    if formaat == "pptx":
        from dashboard.export.powerpoint import PptxFout
        return ExportFout, VersieFout, AnalyseFout, PptxFout
    return ExportFout, VersieFout, AnalyseFout


def main(argv: list[str] | None = None) -> int:

    p = argparse.ArgumentParser(prog="python -m dashboard.report",
                                description="Exporteer de Analyse arbeidsmarkt als HTML, PDF of PowerPoint.")
    p.add_argument("--format", choices=["html", "pdf", "pptx"], required=True, help="html, pdf of pptx")
    p.add_argument("--out", required=True, type=Path, help="het bestand dat wordt geschreven")
    p.add_argument("--version", default=None, help="naam van een vastgelegde versie (zonder: de actuele stand)")
    p.add_argument("--regio", help="regiocode voor de actuele stand (standaard de standaardregio van het dashboard)")
    p.add_argument("--periode", help="UWV-periode voor de actuele stand, een kwartaal van de vacatures zoals "
                                     "2025-Q2 (standaard de laatste)")
    args = p.parse_args(argv)
    try:
        exporteer(args.format, args.out, args.version, args.regio, args.periode)
    except _fouten(args.format) as exc:
        print(f"Export mislukt: {exc}", file=sys.stderr)
        return 1
    print(f"Geschreven: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

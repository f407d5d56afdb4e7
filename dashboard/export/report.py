"""Export of the Analyse arbeidsmarkt (live or a saved version) as one
self-contained HTML file (opens offline: Plotly is inlined) or as an A4 PDF
printed from that HTML by headless Chromium.

    python -m dashboard.report --format html|pdf --out PATH [--version NAAM] [--regio AM12]

Exit code 0 on success; otherwise a Dutch message on stderr and exit code 1
(2 for wrong arguments), and nothing written at PATH."""
from __future__ import annotations

import argparse
import re
import sys
from datetime import datetime, timezone
from html import escape
from pathlib import Path

from dashboard.figuren import figuur as figuren
from dashboard.export.bestanden import SchrijfFout, schrijf_atomair
from dashboard.kern import format as fmt

PAGINA_BREEDTE = 680   # px: the printable width of A4 with 14 mm margins at 96 dpi

CSS = """
@page { size: A4; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1f2933; max-width: 760px;
       margin: 2rem auto; padding: 0 1rem; line-height: 1.45; font-size: 11pt; }
h1 { font-size: 24pt; margin: 0 0 .5rem; } h2 { font-size: 17pt; margin: 1.6rem 0 .4rem; border-bottom: 2px solid #0b5cad; }
h3 { font-size: 12.5pt; margin: 1.1rem 0 .2rem; }
.titelpagina { min-height: 230mm; display: flex; flex-direction: column; justify-content: center; }
.titelpagina .onder { color: #52606d; font-size: 12pt; margin-top: 1.2rem; }
.titelpagina dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; font-size: 10.5pt; }
.titelpagina dt { color: #52606d; }
.inhoud li { margin: .15rem 0; }
.sectie { break-before: page; }
.figuur { break-inside: avoid; margin: .8rem 0 1.2rem; }
.zin { margin: .1rem 0 .4rem; }
.notitie, .bron { font-size: 9pt; color: #52606d; margin: .2rem 0; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: .4rem 0 1rem; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #cbd2d9; padding: 2px 4px; text-align: left; vertical-align: top; }
th { background: #f0f4f8; }
td.getal { text-align: right; white-space: nowrap; }
.opgave { margin: .6rem 0; } .opgave strong { display: block; }
footer { margin-top: 2rem; font-size: 9pt; color: #52606d; border-top: 1px solid #cbd2d9; padding-top: .4rem; }
@media print { body { margin: 0; max-width: none; padding: 0; } }
"""


class ExportFout(Exception):
    """Dutch message: what went wrong with the export."""


def _md(tekst: str) -> str:
    """The little markdown the notes use (**vet**), after escaping."""
    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", escape(tekst))


def _is_getal(waarde) -> bool:
    return isinstance(waarde, str) and bool(re.fullmatch(r"[+-]?[\d.]+(,\d+)?%?", waarde.strip()))


def _tabel(tabel: dict) -> str:
    kop = "".join(f"<th>{escape(str(k))}</th>" for k in tabel["columns"])
    rijen = []
    for rij in tabel["data"]:
        cellen = []
        for w in rij:
            tekst = fmt.LEEG if w is None else (fmt.getal(w, 0 if float(w).is_integer() else 1)
                                                if isinstance(w, (int, float)) and not isinstance(w, bool) else str(w))
            klasse = ' class="getal"' if _is_getal(tekst) else ""
            cellen.append(f"<td{klasse}>{escape(tekst)}</td>")
        rijen.append("<tr>" + "".join(cellen) + "</tr>")
    return f"<table><thead><tr>{kop}</tr></thead><tbody>{''.join(rijen)}</tbody></table>"


def _figuur(f: dict) -> str:
    delen = [f'<div class="figuur" id="fig-{escape(f["sleutel"])}">', f"<h3>{escape(f['titel'])}</h3>",
             f'<p class="zin">{escape(f["zin"])}</p>']
    if f.get("grafiek"):
        fig = figuren.van_dict(f).grafiek.plotly()
        fig.update_layout(width=PAGINA_BREEDTE)
        delen.append(fig.to_html(full_html=False, include_plotlyjs=False,
                                 config={"displayModeBar": False, "staticPlot": True, "locale": "nl"}))
    delen += [f'<p class="notitie">{_md(n)}</p>' for n in f.get("notities", [])]
    delen.append(f'<p class="bron">Bron: {escape(f["bron"])} · Peildatum: {escape(f["peildatum"])}</p>')
    if f.get("tabel"):
        delen.append(_tabel(f["tabel"]))
    delen.append("</div>")
    return "\n".join(delen)


def html(doc: dict, manifest: dict | None = None, nu: datetime | None = None) -> str:
    """The analysis as one self-contained HTML page (Plotly inlined, no network needed)."""
    from plotly.offline import get_plotlyjs

    nu = nu or datetime.now(timezone.utc)
    versie = manifest["naam"] if manifest else "Actuele stand (niet vastgelegd als versie)"
    build = doc.get("build") or {}
    titel = f"Analyse arbeidsmarkt {doc['regio_naam']}"
    meta = [("Regio", f"{doc['regio_naam']} ({doc['regio']}), vergeleken met {doc['vergelijk_naam']}"),
            ("Versie", versie)]
    if manifest:
        meta.append(("Vastgelegd", fmt.datum_tijd(manifest["opgeslagen"])
                     + (f" door {manifest['door']}" if manifest.get("door") else "")))
    meta += [("Cijfers uit", f"datawarehouse gebouwd {fmt.datum_tijd(build.get('built_at'))}"
              + (f" (build {build['build_id'][:8]})" if build.get("build_id") else "")),
             ("Geëxporteerd", fmt.datum_tijd(nu))]
    delen = [
        "<!DOCTYPE html>", '<html lang="nl"><head><meta charset="utf-8">',
        f"<title>{escape(titel)} · {escape(versie)}</title>",
        f"<style>{CSS}</style>", f"<script>{get_plotlyjs()}</script>", "</head><body>",
        '<section class="titelpagina">', f"<h1>{escape(titel)}</h1>",
        '<p class="onder">Regionaal Beraad · Bijlage 1 bij de Meerjarenbeleidsagenda, gemaakt uit de actuele '
        "cijfers van het arbeidsmarktdashboard</p>",
        "<dl>" + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in meta) + "</dl>",
        '<h2 style="border:0;margin-top:2rem">Inhoud</h2><ol class="inhoud">'
        + "".join(f'<li><a href="#{escape(s["id"])}">{escape(s["titel"])}</a></li>' for s in doc["secties"])
        + f'<li><a href="#opgaven">{escape(doc["opgaven"]["titel"])}</a></li></ol>',
        "</section>",
    ]
    for s in doc["secties"]:
        delen.append(f'<section class="sectie" id="{escape(s["id"])}"><h2>{escape(s["titel"])}</h2>')
        delen += [f"<p>{escape(a)}</p>" for a in s["alineas"]]
        delen += [_figuur(f) for f in s["figuren"]]
        delen.append("</section>")
    o = doc["opgaven"]
    delen.append(f'<section class="sectie" id="opgaven"><h2>{escape(o["titel"])}</h2><p>{escape(o["inleiding"])}</p>')
    delen += [f'<div class="opgave"><strong>{escape(x["naam"])}</strong>‘{escape(x["tekst"])}’</div>' for x in o["lijst"]]
    delen.append(f'<p class="bron">Bron: {escape(o["bron"])}</p></section>')
    delen.append(f"<footer>{escape(titel)} · {escape(versie)} · geëxporteerd {escape(fmt.datum_tijd(nu))}. "
                 "Elke figuur noemt haar eigen bron en peildatum.</footer></body></html>")
    return "\n".join(delen)


def document(versie: str | None, regio: str) -> tuple[dict, dict | None]:
    """(analysis document, manifest or None): a saved version, or the live state."""
    from dashboard.analyse import document as analyse
    from dashboard.kern import db
    from dashboard.analyse import versies
    if versie:
        manifest, doc = versies.laad(versie)
        return doc, manifest
    try:
        return analyse.maak(regio), None
    except db.WarehouseOntbreekt as exc:
        raise ExportFout(f"Er is nog geen datawarehouse ({exc}). Bouw het met `python -m etl.refresh --offline`.") from exc


def pdf_bytes(doc: dict, manifest: dict | None) -> bytes:
    from dashboard.export import pdf
    versie = manifest["naam"] if manifest else "actuele stand"
    return pdf.pdf_bytes(html(doc, manifest), voettekst=f"Analyse arbeidsmarkt {doc['regio_naam']} · {versie}")


def exporteer(formaat: str, doel: Path, versie: str | None = None, regio: str = "AM12") -> None:
    if not doel.parent.is_dir():   # fail before the slow part
        raise ExportFout(f"De map {doel.parent} bestaat niet: kan {doel.name} niet schrijven.")
    doc, manifest = document(versie, regio)
    data = html(doc, manifest).encode("utf-8") if formaat == "html" else pdf_bytes(doc, manifest)
    try:
        schrijf_atomair(data, doel)
    except SchrijfFout as exc:
        raise ExportFout(str(exc)) from exc


def main(argv: list[str] | None = None) -> int:
    from dashboard.analyse.document import AnalyseFout
    from dashboard.export.pdf import PdfFout
    from dashboard.analyse.versies import VersieFout

    p = argparse.ArgumentParser(prog="python -m dashboard.report",
                                description="Exporteer de Analyse arbeidsmarkt als HTML of PDF.")
    p.add_argument("--format", choices=["html", "pdf"], required=True, help="html of pdf")
    p.add_argument("--out", required=True, type=Path, help="het bestand dat wordt geschreven")
    p.add_argument("--version", default=None, help="naam van een vastgelegde versie (zonder: de actuele stand)")
    p.add_argument("--regio", default="AM12", help="regiocode voor de actuele stand (standaard AM12)")
    args = p.parse_args(argv)
    try:
        exporteer(args.format, args.out, args.version, args.regio)
    except (ExportFout, VersieFout, PdfFout, AnalyseFout) as exc:
        print(f"Export mislukt: {exc}", file=sys.stderr)
        return 1
    print(f"Geschreven: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

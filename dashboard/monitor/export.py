"""The monitor for the raadsinformatiebrief: an Excel workbook and a PDF
(self-contained HTML printed by Chromium, dashboard.export.pdf). Both are made from
the same queries and views as the page."""
from __future__ import annotations

import io
import tempfile
from datetime import datetime
from functools import lru_cache
from html import escape
from pathlib import Path

import pandas as pd

from dashboard.export.pdf import html_naar_pdf
from dashboard.kern import db
from dashboard.kern import format as fmt
from dashboard.monitor import charts as monitor_charts
from dashboard.monitor import views as monitor_views
from werkenaanwerk import definities as d

TITEL = "Monitor Werken aan Werk"


def _delen(tot: str, regio: str) -> dict:
    vorige = d.vorig_kwartaal(d.vorig_kwartaal(tot))
    bron = db.query("monitor_bron", regio=regio).iloc[0]
    return {
        "overzicht": db.view(monitor_views.overzicht_tabel, "monitor_overzicht", regio=regio, tot=tot),
        "totaal": db.view(monitor_views.totaal, "monitor_totaal", tot, regio=regio, tot=tot),
        "met_doel": db.view(monitor_views.met_doel, "monitor_overzicht", regio=regio, tot=tot),
        "status": db.view(monitor_views.status_tabel, "monitor_status", vorige, tot, regio=regio, tot=tot),
        "krapte": db.view(monitor_views.krapte_tabel, "monitor_projecten", regio=regio),
        "resultaten": db.query("monitor_voortgang", regio=regio, tot=tot),
        "vorige": vorige,
        "bron": bron,
        "leeg": not bron["resultaten"],
    }


def _toelichting(tot: str, delen: dict, regio: str, regio_naam: str) -> pd.DataFrame:
    bron = delen["bron"]
    regels = [
        ("Titel", f"{TITEL} t/m {monitor_views.label(tot)}"),
        ("Regio", f"{regio_naam} ({regio})"),
        ("Gemaakt op", fmt.datum_tijd(datetime.now().astimezone())),
        ("Bron resultaten", "Monitor Werken aan Werk, ingevoerd door de projectleiders"),
        ("Laatste wijziging", f"{fmt.datum_tijd(bron['laatst_gewijzigd'])} door {bron['laatst_door']}"
         if bron["laatst_door"] else "nog geen resultaten ingevoerd"),
        ("Bron projecten", bron["register_bron"]),
        ("Vorige monitor", f"t/m {monitor_views.label(delen['vorige'])}"),
        *[(label, uitleg) for label, uitleg in d.VELDEN.values()],
    ]
    return pd.DataFrame(regels, columns=["Onderwerp", "Toelichting"])


def excel(tot: str, regio: str, regio_naam: str) -> bytes:
    return _excel(tot, regio, regio_naam, db.build_key())


@lru_cache(maxsize=8)
def _excel(tot: str, regio: str, regio_naam: str, key: str) -> bytes:
    delen = _delen(tot, regio)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        _toelichting(tot, delen, regio, regio_naam).to_excel(writer, index=False, sheet_name="Toelichting")
        delen["overzicht"].to_excel(writer, index=False, sheet_name="Projecten")
        kolommen = ["naam", "kwartaal", *d.VELDEN, "cum_gestart", "cum_uitstroom_werk", "cum_uitstroom_opleiding"]
        per_kwartaal = delen["resultaten"][kolommen].rename(
            columns={"naam": "Project", "kwartaal": "Kwartaal", **d.LABELS, "cum_gestart": "Gestart (cumulatief)",
                     "cum_uitstroom_werk": "Uitstroom werk (cumulatief)",
                     "cum_uitstroom_opleiding": "Uitstroom opleiding (cumulatief)"})
        per_kwartaal.to_excel(writer, index=False, sheet_name="Per kwartaal")
        delen["status"].to_excel(writer, index=False, sheet_name="Status")
        delen["krapte"].to_excel(writer, index=False, sheet_name="Krapte")
        for blad in writer.book.worksheets:
            for kolom in blad.columns:
                breedte = max(len(str(c.value or "")) for c in kolom)
                blad.column_dimensions[kolom[0].column_letter].width = min(max(12, breedte + 2), 80)
    return buffer.getvalue()


CSS = """
body { font-family: "Source Sans Pro", Arial, sans-serif; color: #1f2933; font-size: 11pt; margin: 0; }
h1 { font-size: 20pt; color: #1b5e8c; margin: 0 0 4px; }
h2 { font-size: 14pt; color: #1b5e8c; margin: 18px 0 4px; break-after: avoid; }
p { margin: 4px 0 8px; line-height: 1.4; }
.bron { font-size: 8.5pt; color: #52606d; }
.let-op { border-left: 4px solid #d9730d; padding: 6px 10px; background: #fdf3e7; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 4px 0 10px; break-inside: auto; }
th, td { border-bottom: 1px solid #d3dae1; padding: 3px 5px; text-align: left; vertical-align: top; }
th { background: #dce8f2; }
tr { break-inside: avoid; }
section { break-inside: avoid-page; }
"""


def _tabel(df: pd.DataFrame) -> str:
    return df.to_html(index=False, border=0, escape=True, na_rep=fmt.LEEG)


def html(tot: str, regio: str, regio_naam: str) -> str:
    delen = _delen(tot, regio)
    bron = delen["bron"]
    figuren = []

    def figuur(fig) -> str:
        eerste = not figuren
        figuren.append(fig)
        from dashboard.figuren.charts import drukklaar
        drukklaar(fig, 700, 13)   # room for every category, tick and value label in print
        return fig.to_html(full_html=False, include_plotlyjs=eerste, config={"staticPlot": True})

    titel, zin, kwartalen, reeksen = delen["totaal"]
    bronregel = (f'<p class="bron">Bron: Monitor Werken aan Werk, ingevoerd door de projectleiders · Peildatum: '
                 f't/m {monitor_views.label(tot)}</p>')
    delen_html = [f"<h1>{TITEL} t/m {escape(monitor_views.label(tot))}</h1>",
                  f"<p>{escape(regio_naam)} ({escape(regio)}) · bijlage bij de raadsinformatiebrief · gemaakt op "
                  f"{escape(fmt.datum_tijd(datetime.now().astimezone()))}</p>"]
    if delen["leeg"]:
        delen_html.append('<p class="let-op"><strong>Er zijn nog geen resultaten ingevoerd.</strong> Deze monitor '
                          "bevat alleen de projecten, hun status en de krapte in hun beroepsklasse.</p>")
    else:
        delen_html += [f"<section><h2>{escape(titel)}</h2><p>{escape(zin)}</p>",
                       figuur(monitor_charts.realisatie(list(kwartalen), list(reeksen), hoogte=300)),
                       bronregel, "</section>"]
    namen, realisatie, doelen = delen["met_doel"]
    delen_html += ["<section><h2>Per project</h2>"]
    if namen and not delen["leeg"]:
        delen_html.append(figuur(monitor_charts.tegen_doel(list(namen), list(realisatie), list(doelen),
                                                           hoogte=110 + 50 * len(namen))))
    delen_html += [_tabel(delen["overzicht"]),
                   "<p>Waar de bronnen geen doel noemen, staat een streepje: het dashboard vult geen doelen in.</p>",
                   bronregel, "</section>",
                   f"<section><h2>Status sinds de vorige monitor (t/m {escape(monitor_views.label(delen['vorige']))})"
                   "</h2>", _tabel(delen["status"]),
                   '<p class="bron">Bron: raadsinformatiebrieven en wijzigingen ingevoerd op het dashboard</p>'
                   "</section>",
                   "<section><h2>Projecten en krapte in hun beroepsklasse</h2>",
                   "<p>Openstaande vacatures per WW-uitkering in de beroepsklasse waarvoor een project opleidt "
                   "(vacatures Q2 2025, WW-uitkeringen september 2025: verschillende peildata).</p>",
                   _tabel(delen["krapte"]), '<p class="bron">Bron: UWV (Bijlage 1, Tabel 5 en 6); koppeling '
                   "project-beroepsklasse: eigen keuze</p></section>",
                   "<section><h2>Definities</h2>",
                   "".join(f"<p><strong>{escape(l)}</strong>: {escape(u)}</p>" for l, u in d.VELDEN.values()),
                   f'<p class="bron">Projecten: {escape(str(bron["register_bron"]))}</p></section>']
    return (f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{TITEL}</title>'
            f"<style>{CSS}</style></head><body>{''.join(delen_html)}</body></html>")


def pdf(tot: str, regio: str, regio_naam: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="monitor-") as tmp:
        doel = Path(tmp) / "monitor.pdf"
        html_naar_pdf(html(tot, regio, regio_naam), doel,
                      voettekst=f"{TITEL} t/m {monitor_views.label(tot)} · {regio_naam}")
        return doel.read_bytes()

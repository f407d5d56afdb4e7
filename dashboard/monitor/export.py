"""The monitor for the raadsinformatiebrief: an Excel workbook and a PDF
(self-contained HTML printed by Chromium, dashboard.export.pdf). Both are made
from the registered monitor figures (dashboard/monitor/figuren.py), the same
ones the page shows; the Excel keeps numbers as numbers."""
from __future__ import annotations

import io
import tempfile
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import pandas as pd

from dashboard.export import opmaak
from dashboard.export.pdf import html_naar_pdf
from dashboard.figuren import register
from dashboard.figuren.charts import drukklaar
from dashboard.kern import components, context, db
from dashboard.kern import format as fmt
from dashboard.monitor import figuren as mf
from werkenaanwerk import definities as d
from werkenaanwerk import voortgang as v

TITEL = "Monitor Werken aan Werk"
GETAL = "#,##0"          # shown by Excel with the reader's separators: 1.234 in a Dutch Excel
DECIMAAL = "#,##0.0"


def _figuren(ctx, tot: str) -> dict:
    return {s: register.maak(s, ctx, tot=tot) for s in ("monitor-totaal", "monitor-doel", "monitor-status",
                                                        "monitor-krapte")}


def _per_kwartaal(ctx, tot: str) -> pd.DataFrame:
    namen = {p["project_id"]: p["naam"] for p in mf.projecten(ctx)}
    rijen = [r for pid in namen for r in mf.resultaten(ctx, tot).get(pid, [])]
    kolommen = {"Project": [namen[r["project_id"]] for r in rijen],
                "Kwartaal": [mf.label(r["kwartaal"]) for r in rijen]}
    for k in d.VELDEN:
        kolommen[d.LABELS[k]] = pd.array([r[k] for r in rijen], dtype="Int64")
    for k in ("gestart", "uitstroom_werk", "uitstroom_opleiding", "uitgevallen"):
        kolommen[f"{d.LABELS[k]} (cumulatief)"] = pd.array([r[f"cum_{k}"] for r in rijen], dtype="Int64")
    return pd.DataFrame(kolommen)


def _toelichting(ctx, tot: str, figuren: dict) -> pd.DataFrame:
    b = mf.bron(ctx)
    regels = [
        ("Titel", f"{TITEL} t/m {mf.label(tot)}"),
        ("Regio", f"{ctx.regio_naam} ({ctx.regio})"),
        ("Gemaakt op", fmt.datum_tijd(datetime.now().astimezone())),
        ("Peildatum resultaten", mf.bronregel(ctx, tot)[1]),
        ("Bron resultaten", mf.bronregel(ctx, tot)[0]),
        ("Bron projecten", str(b["register_bron"] or "")),
        ("Bron doelen", "per project in het blad Doelen, kolom 'Bron van het doel' (document of wie het invoerde)"),
        ("Vorige monitor", f"t/m {mf.label(d.vorig_kwartaal(d.vorig_kwartaal(tot)))}"),
        ("Op koers", v.REGEL_OP_KOERS),
        ("Doelperiode", "Doel per jaar: het kalenderjaar van de monitor (alleen de kwartalen waarin het project "
                        "loopt). Doel voor de projectduur: van de start tot het einde."),
        ("Status (afgeleid)", "'nieuw' geldt twee kwartalen en wordt dan 'lopend'; een project zonder vastgelegde "
                              "status dat gestart is of cijfers heeft, is 'nieuw' of 'lopend' (afgeleid)."),
        *[(label, uitleg) for label, uitleg in d.VELDEN.values()],
    ]
    krapte = figuren["monitor-krapte"]
    if krapte is not None:
        regels.append(("Krapte", f"Bron {krapte.bron}; peildatum {krapte.peildatum}."))
    return pd.DataFrame(regels, columns=["Onderwerp", "Toelichting"])


def excel(tot: str, regio: str, regio_naam: str) -> bytes:
    return _excel(tot, regio, regio_naam, db.build_key())


@lru_cache(maxsize=8)
def _excel(tot: str, regio: str, regio_naam: str, key: str) -> bytes:
    ctx = context.maak(regio)
    figuren = _figuren(ctx, tot)
    bladen = {"Toelichting": _toelichting(ctx, tot, figuren)}
    for blad, sleutel in (("Alle projecten", "monitor-totaal"), ("Doelen", "monitor-doel"),
                          ("Status", "monitor-status"), ("Krapte", "monitor-krapte")):
        fig = figuren[sleutel]
        if fig is not None and fig.export is not None:
            bladen[blad] = fig.export
    bladen["Per kwartaal"] = _per_kwartaal(ctx, tot)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for blad, df in bladen.items():
            components.onschadelijk_frame(df).to_excel(writer, index=False, sheet_name=blad)   # no live formulas
        for blad in writer.book.worksheets:
            for kolom in blad.columns:
                breedte = max(len(str(c.value or "")) for c in kolom)
                blad.column_dimensions[kolom[0].column_letter].width = min(max(12, breedte + 2), 80)
                for cel in kolom[1:]:
                    if isinstance(cel.value, float) and cel.value.is_integer():
                        cel.value = int(cel.value)   # counts summed in SQL arrive as floats
                    if isinstance(cel.value, int):
                        cel.number_format = GETAL
                    elif isinstance(cel.value, float):
                        cel.number_format = DECIMAAL
    return buffer.getvalue()


def _tabel(df: pd.DataFrame) -> dict:
    """A display table for the template (dashboard/export/sjablonen/figuur.html.j2: tabel)."""
    return {"columns": [str(k) for k in df.columns], "data": df.astype(object).where(df.notna(), None).values.tolist()}


def alinea(naam: str, status: v.Status, standen: dict, rijen: list[dict], tot: str) -> str:
    """A Dutch paragraph about one project, made from the numbers printed beside it."""
    delen = [f"Van {naam} is geen status bekend." if status.vanaf is None else
             f"{naam} is {status.tekst()} (sinds {mf.label(status.vanaf)})."]
    if rijen:
        laatste = rijen[-1]
        delen.append(f"Tot en met {mf.label(laatste['kwartaal'])} zijn {fmt.getal(laatste['cum_gestart'])} "
                     f"deelnemers gestart; {fmt.getal(laatste['cum_uitstroom_werk'])} stroomden uit naar werk en "
                     f"{fmt.getal(laatste['cum_uitstroom_opleiding'])} naar een opleiding.")
        if laatste["kwartaal"] < tot:
            delen.append(f"Over de kwartalen na {mf.label(laatste['kwartaal'])} zijn geen cijfers ingevoerd.")
    else:
        delen.append(f"Tot en met {mf.label(tot)} zijn geen cijfers ingevoerd.")
    for veld, s in standen.items():
        pct = "" if s.percentage is None else f" ({v.procent(s.percentage)} van {v.getal(s.doel)})"
        delen.append(f"Het doel is {v.getal(s.doel)} {mf.DOEL_EENHEID[veld]} ({s.periode_tekst()}); in die periode "
                     f"zijn het er {v.getal(s.realisatie)}{pct}. {s.verwacht_tekst().capitalize()}, dus "
                     f"{s.oordeel()}.")
    if not standen:
        delen.append("Er is geen doel bekend.")
    return " ".join(delen)


def html(tot: str, regio: str, regio_naam: str) -> str:
    """The monitor as one HTML page (Jinja template monitor.html.j2 with the exports' shared stylesheet)."""
    ctx = context.maak(regio)
    figuren = _figuren(ctx, tot)
    grafieken: list = []

    def grafiek(recept, breedte: int = 700, hoogte: int | None = None) -> str:
        fig = recept.plotly()
        if hoogte:
            fig.update_layout(height=hoogte)
        eerste = not grafieken
        grafieken.append(fig)
        drukklaar(fig, breedte, 13)   # room for every category, tick and value label in print
        return fig.to_html(full_html=False, include_plotlyjs=eerste, config={"staticPlot": True})

    def blok(fig) -> dict | None:
        if fig is None:
            return None
        return {"titel": fig.titel, "zin": fig.zin, "melding": fig.melding, "notities": fig.notities,
                "bron": fig.bron, "peildatum": fig.peildatum,
                "grafiek_html": grafiek(fig.grafiek) if fig.grafiek is not None else None}

    status, doel = figuren["monitor-status"], figuren["monitor-doel"]
    totaal = blok(figuren["monitor-totaal"])   # the first chart carries plotly.js: keep this order
    doel_blok = None if doel is None else {**blok(doel), "tabel": _tabel(doel.tabel[[
        "Project", "Doel", "Doelperiode", "Realisatie in de doelperiode", "% van het doel", "Verwacht naar rato",
        "Oordeel", "Sinds het begin (cumulatief)"]])}
    statussen = mf.status_per_project(ctx, tot)
    res = mf.resultaten(ctx, tot)
    projecten = []
    for p in mf.projecten(ctx):
        rijen = res.get(p["project_id"], [])
        standen = mf.doelstanden(p, rijen, tot)
        fig = register.maak("monitor-project", ctx, tot=tot, project=p["project_id"]) if rijen else None
        projecten.append({"naam": p["naam"], "alinea": alinea(p["naam"], statussen[p["project_id"]], standen, rijen, tot),
                          "doel_bron": "; ".join(dict.fromkeys(s.bron for s in standen.values())) or None,
                          "grafiek_html": grafiek(fig.grafiek, hoogte=250) if fig is not None else None})
    return opmaak.maak(
        "monitor.html.j2", titel=TITEL, tot=mf.label(tot), regio=regio, regio_naam=regio_naam,
        gemaakt=fmt.datum_tijd(datetime.now().astimezone()),
        status=None if status is None else {"titel": status.titel, "zin": status.zin, "tabel": _tabel(
            status.tabel[["Project", status.tabel.columns[1], "Sinds de vorige monitor"]])},
        totaal=totaal, doel=doel_blok, projecten=projecten, krapte=blok(figuren["monitor-krapte"]),
        definities=[*d.VELDEN.values(), ("Op koers", v.REGEL_OP_KOERS)])


def pdf(tot: str, regio: str, regio_naam: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="monitor-") as tmp:
        doel = Path(tmp) / "monitor.pdf"
        html_naar_pdf(html(tot, regio, regio_naam), doel,
                      voettekst=f"{TITEL} t/m {mf.label(tot)} · {regio_naam}")
        return doel.read_bytes()

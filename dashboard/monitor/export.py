"""The monitor for the raadsinformatiebrief: an Excel workbook and a PDF
(self-contained HTML printed by Chromium, dashboard.export.pdf). Both are made
from the registered monitor figures (dashboard/monitor/figuren.py), the same
ones the page shows; the Excel keeps numbers as numbers."""
from __future__ import annotations

import io
import re
import tempfile
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import pandas as pd

from dashboard.export import opmaak
from dashboard.export.pdf import html_naar_pdf, voorbereiden
from dashboard.figuren import register
from dashboard.kern import components, context, db
from dashboard.kern import format as fmt
from dashboard.monitor import figuren as mf
from dashboard.monitor import svg
from werkenaanwerk import definities as d
from werkenaanwerk import voortgang as v

TITEL = "Monitor Werken aan Werk"
GETAL = "#,##0"          # shown by Excel with the reader's separators: 1.234 in a Dutch Excel
DECIMAAL = "#,##0.0"
GEEN_LEGENDA = " Kleuren als op de pagina Mismatch; de legenda zegt wat ze betekenen."


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


def _doelregel(veld: str, s: v.Doelstand) -> dict:
    """One target of a project block: the numbers the page's target table shows, in its words."""
    return {"doel": f"{v.getal(s.doel)} {mf.DOEL_EENHEID[veld]}", "periode": s.periode_tekst(),
            "realisatie": v.getal(s.realisatie), "procent": None if s.percentage is None else v.procent(s.percentage),
            "verwacht": s.verwacht_tekst(), "oordeel": s.oordeel()}


def _kwartaalgrafiek(p: dict, rijen: list[dict]) -> tuple[str, bool]:
    """The project's per-quarter chart (as the page's 'Per kwartaal per project'), as inline SVG, and whether
    it has the target line."""
    doel, standen = mf.doel_per_kwartaal(p, rijen)
    return svg.per_kwartaal([r["kwartaal"] for r in rijen], [(d.LABELS[k], [r[k] for r in rijen])
                                                             for k in mf.KWARTAAL_REEKSEN],
                            doel if standen else None, titel=f"{p['naam']} per kwartaal"), bool(standen)


def _platte_tekst(tekst: str | None) -> str | None:
    """A note's *cursief* and `code` marks, which the export's markdown does not render, left out."""
    return None if tekst is None else re.sub(r"(?<!\*)\*([^*]+)\*(?!\*)", r"\1", tekst).replace("`", "")


def _deel(fig, grafiek: str | None = None, notities: list[str] | None = None, tabel: dict | None = None) -> dict:
    """A figure's words for the template's blok: title, sentence, notes, source and peildatum."""
    return {"titel": fig.titel, "zin": fig.zin, "melding": _platte_tekst(fig.melding), "bron": fig.bron,
            "peildatum": fig.peildatum, "notities": fig.notities if notities is None else notities,
            "grafiek_html": grafiek, "tabel": tabel}


def html(tot: str, regio: str, regio_naam: str) -> str:
    """The monitor as one HTML page (Jinja template monitor.html.j2 with the exports' shared stylesheet): the
    changes since the previous monitor, all projects together, a compact block per project (status, realisation
    against target, the per-quarter chart as inline SVG, its paragraph), krapte, and the notes. No plotly.js:
    the page is small and prints in well under a second once the browser runs."""
    ctx = context.maak(regio)
    figuren = _figuren(ctx, tot)
    status, doel, totaal, krapte = (figuren[s] for s in ("monitor-status", "monitor-doel", "monitor-totaal",
                                                         "monitor-krapte"))
    statussen = mf.status_per_project(ctx, tot)
    res = mf.resultaten(ctx, tot)
    projecten = []
    # projects with figures first (register order within each group): two blocks with a chart share a row,
    # and the short blocks of projects without figures share theirs
    for p in sorted(mf.projecten(ctx), key=lambda p: p["project_id"] not in res):
        rijen = res.get(p["project_id"], [])
        standen = mf.doelstanden(p, rijen, tot)
        s = statussen[p["project_id"]]
        projecten.append({
            "naam": p["naam"], "status": s.tekst() if s.vanaf is not None else "geen status bekend",
            "vanaf": mf.label(s.vanaf) if s.vanaf is not None else None,
            "doelen": [_doelregel(veld, st) for veld, st in standen.items()],
            "alinea": alinea(p["naam"], s, standen, rijen, tot),
            "doel_bron": "; ".join(dict.fromkeys(st.bron for st in standen.values())) or None,
            "grafiek": _kwartaalgrafiek(p, rijen) if rijen else (None, False)})
    totaal_blok = None
    if totaal is not None:
        rijen = db.records(db.query("monitor_totaal", regio=ctx.regio, tot=tot))
        totaal_blok = _deel(totaal, svg.per_kwartaal([r["kwartaal"] for r in rijen], [
            (d.LABELS[k], [r[k] for r in rijen]) for k in mf.KWARTAAL_REEKSEN],
            titel="Alle projecten samen per kwartaal", breedte=660, hoogte=120) if rijen else None, notities=[])
    krapte_blok = None
    if krapte is not None:
        gekoppeld = krapte.tabel[krapte.tabel["Beroepsklasse"] != "geen beroepsklasse"]
        # the page's chart is a table here: drop the words that point at the chart's line and legend
        kolommen = ["Project", "Beroepsklasse", krapte.tabel.columns[3], "Vacatures per WW-uitkering", "Mismatch"]
        krapte_blok = {**_deel(krapte, notities=[n.replace(GEEN_LEGENDA, "") for n in krapte.notities],
                               tabel=_tabel(gekoppeld[kolommen]) if len(gekoppeld) else None),
                       "zin": krapte.zin.replace(" (stippellijn)", "")}
    gewijzigd = None
    if status is not None:
        t = status.tabel[status.tabel["Sinds de vorige monitor"] == "gewijzigd"]
        gewijzigd = _deel(status, tabel=_tabel(t[["Project", t.columns[2], t.columns[6]]]) if len(t) else None)
    return opmaak.maak(
        "monitor.html.j2", titel=TITEL, tot=mf.label(tot), regio=regio, regio_naam=regio_naam,
        gemaakt=fmt.datum_tijd(datetime.now().astimezone()), status=gewijzigd, totaal=totaal_blok,
        doel=None if doel is None else _deel(doel),
        legenda=svg.legenda([d.LABELS[k] for k in mf.KWARTAAL_REEKSEN], "Doel naar rato per kwartaal (gestart)"
                            if any(p["grafiek"][1] for p in projecten) else None)
        if any(p["grafiek"][0] for p in projecten) else "",
        projecten=projecten, krapte=krapte_blok,
        definities=[*d.VELDEN.values(), ("Op koers", v.REGEL_OP_KOERS)])


def pdf(tot: str, regio: str, regio_naam: str) -> bytes:
    voorbereiden()   # the browser starts (first PDF of the process) while the HTML is made
    with tempfile.TemporaryDirectory(prefix="monitor-") as tmp:
        doel = Path(tmp) / "monitor.pdf"
        html_naar_pdf(html(tot, regio, regio_naam), doel,
                      voettekst=f"{TITEL} t/m {mf.label(tot)} · {regio_naam}")
        return doel.read_bytes()

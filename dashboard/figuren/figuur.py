"""The figures as data: each function queries, shapes and words one figure and
returns a `Figuur` (title, sentence, chart recipe, notes, bron/peildatum,
table). The pages render them with `components.toon`; the Analyse
arbeidsmarkt stores them in a version and exports them. One implementation,
whatever shows it.

A chart is kept as a recipe (`Grafiek`: the name of a builder in
dashboard.figuren.charts and its arguments), not as a Plotly object, so a saved
version redraws exactly the same chart later."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

import pandas as pd

from dashboard.figuren import charts
from dashboard.kern import db
from dashboard.figuren import definities
from dashboard.figuren import samenvatting
from dashboard.figuren import views
from dashboard.kern import format as fmt
from dashboard.kern.context import Context

# "Clearly higher than national": at least this many percentage points.
DREMPEL_PP = 3.0


@dataclass(frozen=True)
class Grafiek:
    bouwer: str          # a function in dashboard.figuren.charts
    args: tuple
    kwargs: tuple = ()   # sorted (name, value) pairs

    def plotly(self):
        return getattr(charts, self.bouwer)(*self.args, **dict(self.kwargs))


def grafiek(bouwer, *args, **kwargs) -> Grafiek:
    def vast(x):
        return tuple(vast(v) for v in x) if isinstance(x, (list, tuple)) else x
    return Grafiek(bouwer.__name__, vast(args), tuple(sorted((k, vast(v)) for k, v in kwargs.items())))


@dataclass
class Figuur:
    sleutel: str
    titel: str
    zin: str
    bron: str
    peildatum: str
    definitie: str | None = None
    grafiek: Grafiek | None = None
    notities: list[str] = field(default_factory=list)   # markdown under the chart
    tabel: pd.DataFrame | None = None                  # shown as table, stored in versions
    export: pd.DataFrame | None = None                 # CSV/Excel download (page only)
    bestandsnaam: str = ""


def naar_dict(fig: Figuur) -> dict:
    """A figure as JSON-ready data (for versions and exports)."""
    tabel = None
    if fig.tabel is not None:
        tabel = json.loads(fig.tabel.to_json(orient="split", index=False, force_ascii=False))
    g = fig.grafiek
    return {"sleutel": fig.sleutel, "titel": fig.titel, "zin": fig.zin, "bron": fig.bron,
            "peildatum": fig.peildatum, "definitie": fig.definitie, "notities": list(fig.notities),
            "grafiek": None if g is None else {"bouwer": g.bouwer, "args": g.args, "kwargs": dict(g.kwargs)},
            "tabel": tabel}


def van_dict(d: dict) -> Figuur:
    g = d.get("grafiek")
    tabel = d.get("tabel")
    return Figuur(
        sleutel=d["sleutel"], titel=d["titel"], zin=d["zin"], bron=d["bron"], peildatum=d["peildatum"],
        definitie=d.get("definitie"), notities=list(d.get("notities") or []),
        grafiek=None if g is None else grafiek(getattr(charts, g["bouwer"]), *g["args"], **g["kwargs"]),
        tabel=None if tabel is None else pd.DataFrame(tabel["data"], columns=tabel["columns"]))


def demografische_druk(ctx: Context) -> Figuur:
    params = dict(regio=ctx.regio, vergelijk=ctx.vergelijk)
    druk = db.query("demografische_druk", **params)
    w = db.view(views.waarden_per_indicator_regio, "demografische_druk", **params)
    cijfers = (ctx.regio_naam, ctx.vergelijk_naam,
               w.get(("groene_druk", ctx.regio)), w.get(("grijze_druk", ctx.regio)),
               w.get(("groene_druk", ctx.vergelijk)), w.get(("grijze_druk", ctx.vergelijk)))
    return Figuur(
        "druk", samenvatting.demografische_druk_titel(*cijfers), samenvatting.demografische_druk(*cijfers),
        druk["bron"].iloc[0], druk["peildatum"].iloc[0],
        definitie=definities.definitie("Groene druk") + " " + definities.definitie("Grijze druk"),
        grafiek=grafiek(charts.vergelijking_staaf, ["Groene druk (0-19 jaar)", "Grijze druk (65+)"],
                        [cijfers[2], cijfers[3]], [cijfers[4], cijfers[5]], ctx.regio_naam, ctx.vergelijk_naam,
                        hoogte=240),
        tabel=db.view(views.kolommen, "demografische_druk", "regio_naam", "indicator", "waarde", "eenheid",
                      "kwalificatie", **params),
        export=druk, bestandsnaam=f"demografische_druk_{ctx.regio}")


def verdeling(ctx: Context, indicator: str, dimensie: str, onderwerp: str, definitie: str,
              sleutel: str, vergelijk_label: str | None = None) -> Figuur | None:
    """An indicator's distribution over a dimension, region beside comparison (Tabel 1, 2, 3, 5)."""
    params = dict(indicator=indicator, dimensie=dimensie, regio=ctx.regio, vergelijk=ctx.vergelijk)
    vergelijk_naam = vergelijk_label or ctx.vergelijk_naam
    rijen = db.view(views.verdeling_records, "verdeling", **params)
    if not rijen:
        return None
    klassen = [r for r in rijen if not r["is_totaal"]]
    eerste = rijen[0]
    return Figuur(
        sleutel, samenvatting.verdeling_titel(rijen, onderwerp, fmt.dimensie(dimensie), vergelijk_naam),
        samenvatting.verdeling(rijen, onderwerp, ctx.regio_naam, vergelijk_naam),
        eerste["bron"], eerste["peildatum"], definitie=definitie,
        grafiek=grafiek(charts.vergelijking_staaf, [r["categorie"] for r in klassen],
                        [r["regio_pct"] for r in klassen], [r["vergelijk_pct"] for r in klassen],
                        ctx.regio_naam, vergelijk_naam, hoogte=110 + 42 * len(klassen)),
        notities=["Aandelen berekend uit de aantallen waar die er zijn, anders zoals gedrukt (afgerond). "
                  "De tabel toont beide."],
        tabel=db.view(views.verdeling_tabel, "verdeling", ctx.regio_naam, vergelijk_naam, **params),
        export=db.view(views.verdeling_export, "verdeling", **params),
        bestandsnaam=f"{indicator}_{dimensie}_{ctx.regio}")


def mismatch(ctx: Context) -> Figuur | None:
    rijen = db.view(views.mismatch_records, "mismatch", regio=ctx.regio)
    if not rijen:
        return None
    eerste = rijen[0]
    notities = []
    rest = [r for r in rijen if r["is_rest"] and r["ww_uitkeringen"]]
    if rest:
        notities.append(f"**{fmt.getal(rest[0]['ww_uitkeringen'])} WW-uitkeringen hebben geen beroepsklasse**: het "
                        "gedrukte totaal van Tabel 6 min de som van de beroepsklassen. Ze staan apart onderaan.")
    notities.append(f"Let op: de peildata verschillen. Vacatures: {eerste['vacatures_peildatum']} "
                    f"(bron: {eerste['vacatures_bron']}); WW-uitkeringen: {eerste['ww_peildatum']} "
                    f"(bron: {eerste['ww_bron']}).")
    return Figuur(
        "mismatch", samenvatting.mismatch_titel(rijen), samenvatting.mismatch(rijen, ctx.regio_naam),
        f"{eerste['vacatures_bron']} (vacatures), {eerste['ww_bron']} (WW)",
        f"{eerste['vacatures_peildatum']} (vacatures), {eerste['ww_peildatum']} (WW)",
        definitie=definities.MISMATCH,
        grafiek=grafiek(charts.mismatch_halter, [r["beroepsklasse"] for r in rijen], [r["vacatures"] for r in rijen],
                        [r["ww_uitkeringen"] for r in rijen], [r["mismatch"] for r in rijen],
                        f"Openstaande vacatures ({eerste['vacatures_peildatum']})",
                        f"WW-uitkeringen ({eerste['ww_peildatum']})", hoogte=140 + 36 * len(rijen)),
        notities=notities,
        tabel=db.view(views.mismatch_tabel, "mismatch", regio=ctx.regio),
        export=db.query("mismatch", regio=ctx.regio), bestandsnaam=f"mismatch_{ctx.regio}")


def vacatures(ctx: Context) -> Figuur | None:
    params = dict(indicator="openstaande_vacatures", dimensie="beroepsklasse", regio=ctx.regio,
                  vergelijk=ctx.vergelijk)
    rijen = db.view(views.verdeling_records, "verdeling", **params)
    klassen = [r for r in rijen if not r["is_totaal"]]
    if not klassen:
        return None
    hoger = [r for r in klassen if r["verschil_pp"] is not None and r["verschil_pp"] >= DREMPEL_PP]
    titel = (f"Vacaturevraag naar {samenvatting.opsomming([samenvatting.klein(r['categorie']) for r in hoger])} "
             f"duidelijk groter dan in {ctx.vergelijk_naam}" if hoger else
             f"Vacatures per beroepsklasse in {ctx.regio_naam} en {ctx.vergelijk_naam}")
    labels = [r["categorie"] + "".join(
        [" · cruciaal" if r["cruciale_sector"] else "", " · focus" if r["regionale_focus"] else ""])
        for r in klassen]
    tabel = db.view(views.verdeling_tabel, "verdeling", ctx.regio_naam, ctx.vergelijk_naam, **params)
    tabel = tabel.assign(**{"Maatschappelijk cruciaal": [r["cruciale_sector"] or "" for r in rijen],
                            "Regionale focus": [r["regionale_focus"] or "" for r in rijen]})
    return Figuur(
        "vacatures", titel, samenvatting.vacatures(rijen, ctx.regio_naam, ctx.vergelijk_naam, DREMPEL_PP),
        rijen[0]["bron"], rijen[0]["peildatum"],
        definitie=definities.VACATURES + f" Duidelijk hoger of lager: minstens {fmt.getal(DREMPEL_PP)} "
                                         "procentpunt verschil in aandeel.",
        grafiek=grafiek(charts.vergelijking_staaf, labels, [r["regio_pct"] for r in klassen],
                        [r["vergelijk_pct"] for r in klassen], ctx.regio_naam, ctx.vergelijk_naam,
                        hoogte=110 + 42 * len(klassen), uitgelicht=[r in hoger for r in klassen]),
        notities=[f"Oranje: aandeel minstens {fmt.getal(DREMPEL_PP)} procentpunt hoger dan in {ctx.vergelijk_naam}. "
                  "· cruciaal = maatschappelijk cruciale sector (kabinet); · focus = regionale focus of speerpunt. "
                  + definities.CRUCIAAL],
        tabel=tabel, export=db.view(views.verdeling_export, "verdeling", **params),
        bestandsnaam=f"vacatures_beroepsklasse_{ctx.regio}")


def banen(ctx: Context) -> Figuur | None:
    rijen = db.view(views.banen, "banen", regio=ctx.regio)
    if not rijen:
        return None
    titel, zin = samenvatting.banen(rijen, ctx.regio_naam)
    notities = []
    afwijkend = [r for r in rijen if r["totaal"] is not None and r["som"] != r["totaal"]]
    if afwijkend:
        notities.append("Let op: het gedrukte totaal wijkt af van werknemers + zelfstandigen in "
                        + ", ".join(f"{r['jaar']} ({fmt.getal(r['totaal'])} gedrukt, som {fmt.getal(r['som'])})"
                                    for r in afwijkend)
                        + ". Groei en aandelen hier zijn berekend uit de gedrukte totalen; zie Bronnen en actualiteit.")
    return Figuur(
        "banen", titel, zin, rijen[0]["bron"], rijen[0]["peildatum"], definitie=definities.BANEN,
        grafiek=grafiek(charts.banen_staaf, [r["jaar"] + (" (prognose)" if r["is_prognose"] else "") for r in rijen],
                        [r["werknemers"] for r in rijen], [r["zelfstandigen"] for r in rijen],
                        [r["is_prognose"] for r in rijen]),
        notities=notities, tabel=db.view(views.banen_tabel, "banen", regio=ctx.regio),
        export=db.query("banen", regio=ctx.regio), bestandsnaam=f"banen_{ctx.regio}")


def onbenut(ctx: Context) -> Figuur | None:
    rijen = db.view(db.records, "onbenut", regio=ctx.regio)
    if not rijen:
        return None
    titel, zin = samenvatting.onbenut(rijen, ctx.regio_naam)
    delen = [r for r in rijen if not r["is_totaal"]]
    context_zin = samenvatting.onbenut_context(
        db.view(db.records, "onbenut_context", vergelijk=ctx.vergelijk), ctx.vergelijk_naam)
    return Figuur(
        "onbenut", titel, zin, rijen[0]["bron"], rijen[0]["peildatum"], definitie=definities.ONBENUT,
        grafiek=grafiek(charts.staaf, [r["categorie"] for r in delen], [r["waarde"] for r in delen],
                        "Onbenut arbeidspotentieel", hoogte=220),
        notities=[context_zin] if context_zin else [],
        tabel=db.view(views.kolommen, "onbenut", "categorie", "waarde", "eenheid", regio=ctx.regio),
        export=db.query("onbenut", regio=ctx.regio), bestandsnaam=f"onbenut_{ctx.regio}")

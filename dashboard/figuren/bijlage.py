"""Figures of Bijlage 1 that the Analyse arbeidsmarkt needs beside the topic pages' own figures:
the population over time with the prognosis point (Figuur 2)."""
from __future__ import annotations

import pandas as pd

from dashboard.figuren import charts
from dashboard.figuren.figuur import Figuur, grafiek
from dashboard.figuren.register import figuur
from dashboard.kern import db
from dashboard.kern import format as fmt
from dashboard.kern.context import Context


def _kwalificatie(tekst: str | None) -> str:
    """'naar schatting, zo'n' -> 'naar schatting zo'n ' (before the number); 'prognose, ongeveer' -> 'ongeveer '."""
    if not tekst:
        return ""
    delen = [d.strip() for d in tekst.split(",") if d.strip() and d.strip() != "prognose"]
    return " ".join(delen) + " " if delen else ""


@figuur("inwoners-ontwikkeling", "Bevolkingsontwikkeling en prognose",
        leeg="Geen inwonersaantallen voor {regio_naam}.")
def inwoners_ontwikkeling(ctx: Context) -> Figuur | None:
    rijen = db.rijen("inwoners_ontwikkeling", regio=ctx.regio)
    if not rijen:
        return None
    analyse = [r for r in rijen if r["reeks"] == "analyse"]
    cbs = [r for r in rijen if r["reeks"] == "cbs"]
    reeksen = []
    if cbs:
        reeksen.append((f"CBS, 1 januari ({cbs[0]['bron']})", [int(r["periode"]) for r in cbs],
                        [r["waarde"] for r in cbs]))
    if analyse:
        reeksen.append(("Analyse: schatting en prognose", [int(r["periode"]) for r in analyse],
                        [r["waarde"] for r in analyse]))
    nu = next((r for r in analyse if not r["is_prognose"]), None)
    later = next((r for r in reversed(analyse) if r["is_prognose"]), None)
    if nu and later:
        groei = 100.0 * (later["waarde"] - nu["waarde"]) / nu["waarde"]
        woord = "stijgt" if groei > 0 else "daalt" if groei < 0 else "blijft"
        hoeveel = f"met {fmt.procent(abs(groei), 1)}" if groei else "gelijk"
        titel = (f"Inwoners van {ctx.regio_naam}: {fmt.getal(nu['waarde'])} in {nu['periode']}, "
                 f"{fmt.getal(later['waarde'])} verwacht in {later['periode']}")
        zin = (f"In {nu['periode']} telt {ctx.regio_naam} {_kwalificatie(nu['kwalificatie'])}"
               f"{fmt.getal(nu['waarde'])} inwoners; volgens de prognose zijn dat er in {later['periode']} "
               f"{_kwalificatie(later['kwalificatie'])}{fmt.getal(later['waarde'])}: het aantal {woord} {hoeveel}.")
    else:
        laatste = (cbs or analyse)[-1]
        titel = f"Inwoners van {ctx.regio_naam}"
        zin = f"In {laatste['periode']} telt {ctx.regio_naam} {fmt.getal(laatste['waarde'])} inwoners."
    if cbs and analyse:
        zin += (" De CBS-reeks en de cijfers van de analyse komen uit verschillende bronnen; de figuur toont ze "
                "naast elkaar.")
    bronnen = list(dict.fromkeys(r["bron"] for r in rijen))
    peildata = list(dict.fromkeys(r["peildatum"] for r in rijen))

    tabel = pd.DataFrame({
        "Jaar": [r["periode"] for r in rijen],
        "Inwoners": [r["waarde"] for r in rijen],
        "Soort": ["prognose" if r["is_prognose"] else "stand" for r in rijen],
        "Toelichting": [r["kwalificatie"] or "" for r in rijen],
        "Bron": [r["bron"] for r in rijen],
    })
    return Figuur(
        "inwoners-ontwikkeling", titel, zin, ", ".join(bronnen), ", ".join(peildata),
        definitie="Inwoners van de arbeidsmarktregio. De prognose is die van de analyse (Primos, ABF Research).",
        grafiek=grafiek(charts.lijnen, reeksen, hoogte=320, nadruk="Analyse: schatting en prognose"),
        tabel=tabel, export=tabel, bestandsnaam=f"inwoners_ontwikkeling_{ctx.regio}")


KENMERKEN = ("geslacht", "leeftijd", "opleidingsniveau", "verstreken_duur")   # the dimensions of Tabel 3


@figuur("ww-jaarmutatie", "WW-uitkeringen: jaarmutatie per kenmerk",
        leeg="Geen jaarmutatie van de WW-uitkeringen voor {regio_naam}.")
def ww_jaarmutatie(ctx: Context, periode: str | None = None) -> Figuur | None:
    """Tabel 3's jaarmutatie column as a chart: per kenmerk and category, region beside the comparison;
    `periode`: the Analyse's WW period (None: the latest)."""
    from dashboard.figuren import samenvatting, verdeling
    rijen = []
    for dimensie in KENMERKEN:
        for r in verdeling.rijen(ctx, "ww_uitkeringen", dimensie, periode):
            if not r["is_totaal"] and r.get("regio_jaarmutatie") is not None:
                rijen.append({**r, "dimensie": dimensie})
    if not rijen:
        return None
    labels = [f"{fmt.dimensie(r['dimensie']).capitalize()} · {samenvatting.categorie(r['categorie'])}" for r in rijen]
    hoogste = max(rijen, key=lambda r: r["regio_jaarmutatie"])
    laagste = min(rijen, key=lambda r: r["regio_jaarmutatie"])

    def hoe(r, onderwerp="het"):
        x = r["regio_jaarmutatie"]
        return (f"{'steeg' if x > 0 else 'daalde' if x < 0 else 'bleef'} {onderwerp} "
                + (f"met {fmt.procent(abs(x))}" if x else "gelijk"))
    zin = (f"Ten opzichte van een jaar eerder nam het aantal WW-uitkeringen in {ctx.regio_naam} het meest toe bij "
           f"{samenvatting.klein(hoogste['categorie'])} ({fmt.dimensie(hoogste['dimensie'])}): daar {hoe(hoogste)}. "
           f"Bij {samenvatting.klein(laagste['categorie'])} ({fmt.dimensie(laagste['dimensie'])}) {hoe(laagste)}.")
    tabel = pd.DataFrame({
        "Kenmerk": [fmt.dimensie(r["dimensie"]).capitalize() for r in rijen],
        "Categorie": [samenvatting.categorie(r["categorie"]) for r in rijen],
        f"{ctx.regio_naam}: jaarmutatie (%)": [r["regio_jaarmutatie"] for r in rijen],
        f"{ctx.vergelijk_naam}: jaarmutatie (%)": [r.get("vergelijk_jaarmutatie") for r in rijen],
    })
    return Figuur(
        "ww-jaarmutatie", f"WW-uitkeringen: verandering in een jaar per kenmerk, {ctx.regio_naam} en "
        f"{ctx.vergelijk_naam}", zin, rijen[0]["bron"], rijen[0]["peildatum"],
        definitie="Jaarmutatie: de verandering van het aantal WW-uitkeringen ten opzichte van dezelfde maand een "
                  "jaar eerder, zoals gedrukt in Bijlage 1, Tabel 3.",
        grafiek=grafiek(charts.vergelijking_staaf, labels, [r["regio_jaarmutatie"] for r in rijen],
                        [r.get("vergelijk_jaarmutatie") for r in rijen], ctx.regio_naam, ctx.vergelijk_naam,
                        hoogte=110 + 42 * len(rijen)),
        tabel=tabel, export=tabel, bestandsnaam=f"ww_jaarmutatie_{ctx.regio}")

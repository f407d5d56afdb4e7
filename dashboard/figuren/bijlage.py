"""Figures of Bijlage 1 that the Analyse arbeidsmarkt needs beside the topic pages' own figures:
the population over time with the prognosis point (Figuur 2), the growth by cause (Figuur 3), the
inwoners of 15-75 split into beroeps- and niet-beroepsbevolking (Figuur 4) and Tabel 3's jaarmutatie."""
from __future__ import annotations

import pandas as pd

from dashboard.figuren import charts, samenvatting
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


# a qualifier the source prints before its number ("meer dan 3.000"); others ("exclusief semi-werklozen")
# say what the number covers and follow the label
VOOR_HET_GETAL = ("meer dan", "ruim", "circa", "ongeveer", "bijna", "zo'n", "naar schatting", "minimaal")


def _met_kwalificatie(r: dict) -> str:
    """'meer dan 3.000' for a qualifier that goes before the number, else the number alone."""
    k = (r.get("kwalificatie") or "").strip()
    return f"{k} {fmt.getal(r['waarde'])}" if k in VOOR_HET_GETAL else fmt.getal(r["waarde"])


@figuur("bevolkingsgroei-oorzaak", "Bevolkingsgroei naar oorzaak",
        leeg="Geen cijfers over de bevolkingsgroei naar oorzaak voor {regio_naam}.")
def bevolkingsgroei_oorzaak(ctx: Context) -> Figuur | None:
    """Bijlage 1, Figuur 3: the analysis gives numbers for the growth by migration only, per year."""
    rijen = db.rijen("bevolkingsgroei_oorzaak", regio=ctx.regio)
    if not rijen:
        return None
    oorzaak = rijen[0]["oorzaak"]
    delen = [f"in {r['periode']} {_met_kwalificatie(r)}" for r in rijen]
    zin = f"Door migratie kwamen er in {ctx.regio_naam} {samenvatting.opsomming(delen)} inwoners bij."
    export = pd.DataFrame({
        "Jaar": [r["periode"] for r in rijen],
        "Oorzaak": [r["oorzaak"] for r in rijen],
        "Inwoners erbij": [r["waarde"] for r in rijen],
        "Toelichting": [r["kwalificatie"] or "" for r in rijen],
    })
    # on screen as printed, qualifier and number together (as the bars say it); the download keeps the number
    tabel = export[["Jaar", "Oorzaak"]].assign(**{"Inwoners erbij": [_met_kwalificatie(r) for r in rijen]})
    return Figuur(
        "bevolkingsgroei-oorzaak", f"{oorzaak} in {ctx.regio_naam}, per jaar", zin, rijen[0]["bron"],
        ", ".join(dict.fromkeys(r["peildatum"] for r in rijen)),
        definitie="Toename van het aantal inwoners per jaar door migratie, zoals de analyse die noemt "
                  "(Bijlage 1, Figuur 3). Voor de andere oorzaken van de groei, zoals binnenlandse verhuizingen, "
                  "geeft de bron geen cijfers.",
        grafiek=grafiek(charts.staaf, [r["periode"] for r in rijen], [r["waarde"] for r in rijen], oorzaak,
                        hoogte=110 + 50 * len(rijen), teksten=[_met_kwalificatie(r) for r in rijen]),
        notities=["De bron noemt alleen de groei door migratie in cijfers, afgerond (\"meer dan\", \"ruim\"); "
                  "andere oorzaken, zoals binnenlandse verhuizingen, staan er zonder getal."],
        tabel=tabel, export=export, bestandsnaam=f"bevolkingsgroei_oorzaak_{ctx.regio}")


@figuur("beroepsbevolking", "Verdeling beroeps- en niet-beroepsbevolking",
        leeg="Voor {regio_naam} is nog geen verdeling van de beroeps- en niet-beroepsbevolking ingelezen.")
def beroepsbevolking(ctx: Context) -> Figuur | None:
    """Bijlage 1, Figuur 4: the inwoners of 15-75 as werkenden without room for more hours, the three
    parts of the onbenut arbeidspotentieel and the niet-beroepsbevolking."""
    rijen = db.rijen("beroepsbevolking", regio=ctx.regio)
    delen = [r for r in rijen if not r["is_totaal"]]
    onbenut = [r for r in delen if r["is_onbenut"]]
    if not delen:
        return None
    totaal = next((r for r in rijen if r["is_totaal"]), None)

    def label(r: dict) -> str:
        if r["is_onbenut"]:
            return f"Onbenut: {r['label'][:1].lower()}{r['label'][1:]}"
        k = (r.get("kwalificatie") or "").strip()
        return f"{r['label']} ({k})" if k and k not in VOOR_HET_GETAL else r["label"]

    per = {r["indicator"]: r for r in delen if not r["is_onbenut"]}
    stukken = []
    if "werkenden_geen_extra_uren" in per:
        stukken.append(f"zijn {_met_kwalificatie(per['werkenden_geen_extra_uren'])} werkenden die niet meer uren "
                       "kunnen of willen werken")
    if onbenut:
        namen = [f"{fmt.getal(r['waarde'])} {r['label'].lower()}" for r in onbenut]
        stukken.append(f"{fmt.getal(sum(r['waarde'] for r in onbenut))} horen tot het onbenut arbeidspotentieel "
                       f"({samenvatting.opsomming(namen)})")
    if "niet_beroepsbevolking" in per:
        r = per["niet_beroepsbevolking"]
        k = (r.get("kwalificatie") or "").strip()
        stukken.append(f"{_met_kwalificatie(r)} {'' if onbenut else 'horen '}tot de niet-beroepsbevolking"
                       + (f" ({k})" if k and k not in VOOR_HET_GETAL else ""))
    basis = (f"Van de {_met_kwalificatie(totaal)} inwoners van 15 tot 75 jaar in {ctx.regio_naam}"
             if totaal else f"Van de inwoners van 15 tot 75 jaar in {ctx.regio_naam}")
    zin = f"{basis} {'; '.join(stukken[:-1]) + ' en ' if len(stukken) > 1 else ''}{stukken[-1]}." if stukken else ""
    notities = []
    som = sum(r["waarde"] for r in delen)
    if totaal and som != totaal["waarde"]:
        notities.append(f"De gedrukte delen tellen op tot {fmt.getal(som)}; de bron noemt "
                        f"{fmt.getal(totaal['waarde'])} inwoners van 15 tot 75 jaar. De cijfers zijn afgerond.")
    kleuren = [charts.ACCENT_KLEUR if r["is_onbenut"] else
               charts.REGIO_KLEUR if r is delen[0] else charts.VERGELIJK_KLEUR for r in delen]
    tabel = pd.DataFrame({
        "Groep": [label(r) for r in rijen],
        "Inwoners": [r["waarde"] for r in rijen],
        "Toelichting": [r["kwalificatie"] or "" for r in rijen],
        "Periode": [r["periode"] for r in rijen],
    })
    return Figuur(
        "beroepsbevolking", f"Inwoners van 15 tot 75 jaar in {ctx.regio_naam}: beroeps- en niet-beroepsbevolking",
        zin, ", ".join(dict.fromkeys(r["bron"] for r in rijen)),
        ", ".join(dict.fromkeys(r["peildatum"] for r in rijen)),
        definitie="Werkenden die niet meer uren kunnen of willen werken, het onbenut arbeidspotentieel "
                  "(onderbenutte deeltijders, werklozen en semi-werklozen) en de niet-beroepsbevolking zonder de "
                  "semi-werklozen, samen de inwoners van 15 tot 75 jaar (Bijlage 1, Figuur 4).",
        grafiek=grafiek(charts.staaf, [label(r) for r in delen], [r["waarde"] for r in delen],
                        "Inwoners van 15 tot 75 jaar", kleuren=kleuren, hoogte=110 + 42 * len(delen)),
        notities=notities, tabel=tabel, export=tabel, bestandsnaam=f"beroepsbevolking_{ctx.regio}")

"""Bevolking: inwoners and prognose, groene en grijze druk (regio and per gemeente), the CBS series."""
from __future__ import annotations

import pandas as pd

from dashboard.figuren import charts, definities, samenvatting, views
from dashboard.figuren.figuur import Figuur, grafiek
from dashboard.figuren.register import feiten, figuur
from dashboard.kern import db
from dashboard.kern import format as fmt
from dashboard.kern.context import Context

# viewer-facing: the how-to for analysts (which command) is on Bronnen en actualiteit
CBS_NIET_OPGEHAALD = "Deze CBS-cijfers zijn nog niet opgehaald (zie Bronnen en actualiteit)."
DRUK_DEFINITIE = definities.definitie("Groene druk") + " " + definities.definitie("Grijze druk")


def _label(rijen: list[dict], label: str) -> dict | None:
    return next((dict(r) for r in rijen if r["label"] == label), None)


# One indicator, one value (issue 12): where two sources give the number of inwoners (CBS Bevolking op 1 januari
# once fetched, and the analysis' estimate), the dashboard shows the newest count (the pick of marts.kerncijfers,
# also on Overzicht) and names the other beside it with its own source and date. A growth or prognosis is only
# computed within one source (the 2040 prognosis against the analysis' base year it was made from).
INWONERS_REGEL = ("Eén cijfer voor inwoners: het dashboard toont het nieuwste getelde aantal (ook op Overzicht); "
                  "een ander cijfer staat ernaast met zijn eigen bron en peildatum. Groei en prognose worden alleen "
                  "binnen één bron berekend.")


def inwoners_keuze(ctx: Context) -> tuple[dict | None, list[dict]]:
    """The inwoners figure shown (by the rule above) and the other sources' latest figures."""
    rijen = db.rijen("inwoners_bronnen", regio=ctx.regio)
    gekozen = next((r for r in rijen if r["is_gekozen"]), None)
    return gekozen, [r for r in rijen if r is not gekozen]


def inwoners_naast(ctx: Context) -> str | None:
    """A sentence naming the shown inwoners figure and, beside it, every other source's; None with one source."""
    gekozen, anderen = inwoners_keuze(ctx)
    if gekozen is None or not anderen:
        return None
    def cijfer(r):
        schatting = "zo'n " if r["kwalificatie"] and "zo'n" in r["kwalificatie"] else ""
        return f"{schatting}{fmt.getal(r['waarde'])} (bron: {r['bron']}; peildatum {r['peildatum']})"
    return (f"Inwoners van {ctx.regio_naam}: getoond wordt {cijfer(gekozen)}, het nieuwste getelde cijfer. "
            f"Daarnaast: {'; '.join(cijfer(r) for r in anderen)}. Niet vergelijkbaar: andere bron/periode. "
            + INWONERS_REGEL)


def _druk(ctx: Context) -> dict:
    w = db.view(views.waarden_per_indicator_regio, "demografische_druk", regio=ctx.regio, vergelijk=ctx.vergelijk)
    return dict(groen=w.get(("groene_druk", ctx.regio)), grijs=w.get(("grijze_druk", ctx.regio)),
                groen_nl=w.get(("groene_druk", ctx.vergelijk)), grijs_nl=w.get(("grijze_druk", ctx.vergelijk)))


@feiten("inwoners")
def inwoners_feiten(ctx: Context) -> dict:
    kaarten = db.rijen("bevolking_kaarten", regio=ctx.regio)
    inwoners, prognose = _label(kaarten, "Inwoners"), _label(kaarten, "Inwoners, prognose 2040")
    if prognose and inwoners:
        prognose["groei"] = 100.0 * (prognose["waarde"] - inwoners["waarde"]) / inwoners["waarde"]
    druk = _druk(ctx)
    reeks = [r for r in db.rijen("inwoners_reeks", regio=ctx.regio) if r["is_regio"]]
    cbs = None
    if len(reeks) >= 2:
        cbs = {"eerste": reeks[0], "laatste": reeks[-1], "groei": reeks[-1]["waarde"] - reeks[0]["waarde"]}
    gekozen, anderen = inwoners_keuze(ctx)
    return dict(inwoners=inwoners, prognose=prognose, cbs=cbs, inwoners_gekozen=gekozen, inwoners_anderen=anderen,
                druk=druk if None not in druk.values() else None,
                migratie=[r for r in kaarten if r["label"].startswith("Bevolkingsgroei door migratie")])


@figuur("druk", "Groene en grijze druk",
        leeg="Voor {regio_naam} zijn nog geen cijfers over groene en grijze druk ingelezen.")
def demografische_druk(ctx: Context) -> Figuur | None:
    params = dict(regio=ctx.regio, vergelijk=ctx.vergelijk)
    druk = db.rijen("demografische_druk", **params)
    d = _druk(ctx)
    if not druk or d["groen"] is None or d["grijs"] is None:
        # the region itself has no druk: never show the comparison's bars alone
        return None
    cijfers = (ctx.regio_naam, ctx.vergelijk_naam, d["groen"], d["grijs"], d["groen_nl"], d["grijs_nl"])
    return Figuur(
        "druk", samenvatting.demografische_druk_titel(*cijfers), samenvatting.demografische_druk(*cijfers),
        druk[0]["bron"], druk[0]["peildatum"], definitie=DRUK_DEFINITIE,
        grafiek=grafiek(charts.vergelijking_staaf, ["Groene druk (0-19 jaar)", "Grijze druk (65+)"],
                        [d["groen"], d["grijs"]], [d["groen_nl"], d["grijs_nl"]], ctx.regio_naam, ctx.vergelijk_naam,
                        hoogte=240),
        tabel=db.view(views.leesbaar, "demografische_druk", ("regio_naam", "Gebied"), ("indicator_label", "Indicator"),
                      ("waarde", "Waarde"), ("kwalificatie", "Toelichting"), **params)
        .assign(Waarde=[fmt.procent(r["waarde"]) for r in druk]),   # as the chart labels it: 40,4%
        export=db.query("demografische_druk", **params), bestandsnaam=f"demografische_druk_{ctx.regio}")


@figuur("bevolking", "Bevolking en beroepsbevolking", leeg="Voor {regio_naam} is nog geen regionale arbeidsmarktanalyse ingelezen.")
def bevolking(ctx: Context) -> Figuur | None:
    rijen = db.rijen("bevolking_kaarten", regio=ctx.regio)
    if not rijen:
        return None
    kaarten = db.query("bevolking_kaarten", regio=ctx.regio)
    gekozen, _ = inwoners_keuze(ctx)
    melding = None
    if gekozen is not None and gekozen["herkomst"] != "seed":
        # the cards are the analysis' figures; the dashboard's inwoners figure is another source's newer count
        melding = (f"Het aantal inwoners dat het dashboard toont is {fmt.getal(gekozen['waarde'])} (bron: "
                   f"{gekozen['bron']}; peildatum {gekozen['peildatum']}), zoals op Overzicht. De kaarten hieronder "
                   "zijn de cijfers uit de analyse, met hun eigen bron en peildatum; de prognose voor 2040 is "
                   "vergeleken met het cijfer uit dezelfde analyse, niet met het CBS-cijfer.")
    return Figuur(
        "bevolking", "", samenvatting.bevolking(rijen, ctx.regio_naam), "", "", melding=melding,
        html=db.view(views.kaarten, "bevolking_kaarten", regio=ctx.regio),
        tabel=db.view(views.leesbaar, "bevolking_kaarten", ("label", "Cijfer"), ("waarde", "Waarde"),
                      ("kwalificatie", "Toelichting"), ("bron", "Bron"), ("peildatum", "Peildatum"), regio=ctx.regio),
        export=kaarten, bestandsnaam=f"bevolking_{ctx.regio}")


@figuur("inwoners-reeks", "Inwoners per gemeente (CBS)", leeg=CBS_NIET_OPGEHAALD)
def inwoners_reeks(ctx: Context) -> Figuur | None:
    """Inwoners of the region and its gemeenten over the years (CBS 03759ned)."""
    rijen = db.rijen("inwoners_reeks", regio=ctx.regio)
    if not rijen:
        return None
    titel, zin = samenvatting.inwoners_reeks(rijen, ctx.regio_naam, db.rijen("bevolking_kaarten", regio=ctx.regio))
    reeksen = db.view(views.inwoners_reeksen, "inwoners_reeks", regio=ctx.regio)
    peildatum = max(rijen, key=lambda r: r["periode_datum"])["peildatum"]
    return Figuur(
        "inwoners-reeks", titel, zin, rijen[-1]["bron"], peildatum,
        definitie="Bevolking op 1 januari (CBS StatLine 03759ned); de regio is de som van haar gemeenten.",
        grafiek=grafiek(charts.lijnen, reeksen[1:], hoogte=320),
        tabel=db.view(_per_gebied, "inwoners_reeks", regio=ctx.regio),
        export=db.query("inwoners_reeks", regio=ctx.regio), bestandsnaam=f"inwoners_{ctx.regio}",
        tabel_label="Inwoners per jaar als tabel en download")


def _per_gebied(df: pd.DataFrame) -> pd.DataFrame:
    """On screen one row per area with a column per year (8 rows instead of 64: a plain HTML table, no scrolling
    grid beside it); the export keeps one row per area and year. Made once per build."""
    rijen = []
    for (_, is_regio), groep in df.groupby(["regio_code", "is_regio"], sort=False):
        naam = groep["regio_naam"].iloc[0] + (" (arbeidsmarktregio)" if is_regio else "")
        kwalificaties = ["" if pd.isna(k) else k for k in groep["kwalificatie"]]
        toelichting = (kwalificaties[0] if len(set(kwalificaties)) == 1 else
                       "; ".join(f"{p}: {k}" for p, k in zip(groep["periode"], kwalificaties, strict=True)))
        rijen.append({"Gebied": naam, **dict(zip(groep["periode"], groep["waarde"], strict=True)),
                      "Toelichting": toelichting})
    return pd.DataFrame(rijen)


@figuur("druk-gemeenten", "Groene en grijze druk per gemeente (CBS)", leeg=CBS_NIET_OPGEHAALD)
def druk_gemeenten(ctx: Context) -> Figuur | None:
    """Groene and grijze druk per gemeente of the region (CBS 70072ned), only once fetched."""
    params = dict(regio=ctx.regio, vergelijk=ctx.vergelijk)
    rijen = db.rijen("druk_gemeenten", **params)
    if not rijen:
        return None
    titel, zin = samenvatting.druk_gemeenten(rijen, ctx.regio_naam)
    namen = list(dict.fromkeys(r["regio_naam"] for r in rijen))
    waarde = {(r["regio_naam"], r["indicator"]): r["waarde"] for r in rijen}
    return Figuur(
        "druk-gemeenten", titel, zin, rijen[0]["bron"], rijen[0]["peildatum"],
        definitie=DRUK_DEFINITIE + " Per gemeente uit CBS StatLine 70072ned; het regiocijfer hierboven komt uit de "
                                   "analyse.",
        grafiek=grafiek(charts.vergelijking_staaf, namen, [waarde.get((n, "grijze_druk")) for n in namen],
                        [waarde.get((n, "groene_druk")) for n in namen], "Grijze druk (65+)",
                        "Groene druk (0-19 jaar)", hoogte=120 + 48 * len(namen)),
        tabel=db.view(views.kolommen, "druk_gemeenten", "regio_naam", "indicator", "waarde", "periode", **params),
        export=db.query("druk_gemeenten", **params), bestandsnaam=f"druk_gemeenten_{ctx.regio}")


def landelijke_reeks(sleutel: str, indicator: str, dataset: str, titel: str, definitie: str,
                     eenheid: str = "", vanaf: str = "2019-01-01") -> Figuur | None:
    """A national CBS series as context beside the regional figures."""
    rijen = db.rijen("landelijke_reeks", indicator=indicator, dataset=dataset, periode_type="maand", vanaf=vanaf)
    if not rijen:
        return None
    eerste, laatste = rijen[0], rijen[-1]
    verschil = laatste["waarde"] - eerste["waarde"]
    waarde = (lambda v: fmt.procent(v, 1)) if eenheid == "%" else fmt.getal
    return Figuur(
        sleutel, f"{titel}: {waarde(laatste['waarde'])} in {laatste['peildatum']}",
        f"Landelijk {waarde(laatste['waarde'])} in {laatste['peildatum']}, "
        f"{'meer' if verschil > 0 else 'minder' if verschil < 0 else 'evenveel'} dan in {eerste['peildatum']} "
        f"({waarde(eerste['waarde'])}). Ter vergelijking naast de regionale cijfers hierboven, die een andere "
        "bron en peildatum hebben.", laatste["bron"], laatste["peildatum"], definitie=definitie,
        grafiek=grafiek(charts.lijnen, [("Nederland", tuple(r["periode"] for r in rijen),
                                         tuple(r["waarde"] for r in rijen))],
                        hoogte=260, eenheid=eenheid, nadruk="Nederland"))

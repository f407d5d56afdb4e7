"""Werkenden and banen: banen van werknemers en zelfstandigen 2017, 2024, 2027 (Tabel 4), participatie,
and the developments the analysis names in its text."""
from __future__ import annotations

from dashboard.figuren import charts, definities, samenvatting, views
from dashboard.figuren.figuur import Figuur, grafiek
from dashboard.figuren.regios import vergelijkbaar
from dashboard.figuren.register import feiten, figuur
from dashboard.kern import db
from dashboard.kern import format as fmt
from dashboard.kern.context import Context


@figuur("banen", "Banen", leeg="Voor {regio_naam} zijn nog geen UWV-cijfers ingelezen.")
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


@figuur("banen-context", "Ontwikkelingen in de tekst van de analyse", leeg="")
def banen_context(ctx: Context) -> Figuur | None:
    rijen = db.rijen("banen_context", regio=ctx.regio, vergelijk=ctx.vergelijk)
    if not rijen:
        return None
    regels = []
    for r in rijen:
        naam = ctx.regio_naam if r["regio_code"] == ctx.regio else ctx.vergelijk_naam
        wat = "banen in de " + r["categorie"].lower() if r["indicator"] == "werknemersbanen" else "aantal zzp’ers"
        regels.append(f"- {naam}, {fmt.periode(r['periode'], r['periode_type'])}: {wat} "
                      f"{fmt.met_teken(fmt.waarde(r['waarde'], r['eenheid']), r['waarde'])} ({r['kwalificatie']}). "
                      f"Bron: {r['bron']} · Peildatum: {r['peildatum']}")
    return Figuur("banen-context", "Ontwikkelingen in de tekst van de analyse", "", "", "", uitleg="\n".join(regels))


def _ontwikkeling(ctx: Context) -> list[dict]:
    return db.rijen("banen_context", regio=ctx.regio, vergelijk=ctx.vergelijk)


@feiten("werkenden")
def werkenden_feiten(ctx: Context) -> dict:
    kaarten = db.rijen("bevolking_kaarten", regio=ctx.regio)
    kern = {r["kerncijfer"]: r for r in db.rijen("kerncijfers", regio=ctx.regio, vergelijk=ctx.vergelijk)}
    participatie = next((r for r in kaarten if r["label"] == "Netto arbeidsparticipatie"), None)
    if participatie:
        p = kern.get("Netto arbeidsparticipatie") or {}
        # like for like (issue 12): hoger/lager only between the same period and source family
        gelijk = vergelijkbaar(participatie["periode"], participatie["bron"], p.get("vergelijk_periode"),
                               p.get("vergelijk_bron"))
        participatie.update(nl=p.get("vergelijk_waarde") if gelijk else None, nl_peildatum=p.get("vergelijk_peildatum"),
                            nl_niet_vergelijkbaar=None if gelijk or not p else "niet vergelijkbaar: andere bron/periode",
                            nl_ander=None if gelijk else p.get("vergelijk_waarde"))
    rijen = db.view(views.banen, "banen", regio=ctx.regio)
    zelfstandigen = None
    if len(rijen) >= 2:
        a, b = rijen[-2], rijen[-1]
        zelfstandigen = dict(van=a["zelfstandigen"], naar=b["zelfstandigen"], jaar_van=a["jaar"], jaar_naar=b["jaar"],
                             groei=b["groei_zelfstandigen"], groei_pct=b["groei_pct_zelfstandigen"])
    zzp = next((r for r in _ontwikkeling(ctx) if r["indicator"] == "zzp" and r["regio_code"] == ctx.vergelijk), None)
    if zzp:
        zzp["periode"] = fmt.periode(zzp["periode"], zzp["periode_type"])
    return dict(participatie=participatie, basis=next((r for r in kaarten if r["label"] == "Inwoners van 15 tot 75 jaar"),
                                                      None),
                niet_meer_uren=next((r for r in kaarten if r["label"].startswith("Werkenden die niet meer uren")), None),
                zelfstandigen=zelfstandigen, zzp_nl=zzp)


@feiten("schets")
def schets_feiten(ctx: Context) -> dict:
    rijen = db.view(views.banen, "banen", regio=ctx.regio)
    banen_feit = None
    echte = [r for r in rijen if not r["is_prognose"]]
    if len(echte) >= 2:
        a, b = echte[0], echte[-1]
        banen_feit = dict(van=a["totaal"], naar=b["totaal"], jaar_van=a["jaar"], jaar_naar=b["jaar"],
                          groei_pct=100.0 * (b["totaal"] - a["totaal"]) / a["totaal"], prognose=None)
        prognose = next((r for r in rijen if r["is_prognose"]), None)
        if prognose:
            banen_feit.update(prognose=prognose["totaal"], prognose_jaar=prognose["jaar"],
                              prognose_pct=100.0 * (prognose["totaal"] - b["totaal"]) / b["totaal"])
    horeca = next((r for r in _ontwikkeling(ctx) if r["indicator"] == "werknemersbanen"
                   and r["regio_code"] == ctx.regio and r["categorie"] == "Horeca"), None)
    if horeca:
        horeca["sinds"] = (horeca.get("kwalificatie") or "").replace("t.o.v. ", "") or "het basisjaar"
    werkloos = db.rijen("landelijke_reeks", indicator="werkloosheidspercentage", dataset="80590ned",
                        periode_type="maand", vanaf="1900-01-01")
    return dict(banen=banen_feit, horeca=horeca, werkloosheid_nl=werkloos[-1] if werkloos else None)

"""Onbenut talent: geregistreerde werkzoekenden (GWU, Tabel 1-2), their uitkering, onbenut arbeidspotentieel."""
from __future__ import annotations

from dashboard.figuren import charts, definities, samenvatting, verdeling, views
from dashboard.figuren.figuur import Figuur, grafiek
from dashboard.figuren.register import feiten, figuur
from dashboard.kern import db
from dashboard.kern import format as fmt
from dashboard.kern.context import Context

ALLE_REGIOS = "alle regio's"   # UWV compares GWU with all regions together, not with "Nederland"
INDELINGEN = {"opleidingsniveau": "Opleidingsniveau", "leeftijd": "Leeftijd"}


verdeling.aanmelden("gwu", "gwu", INDELINGEN, "werkzoekenden", definities.GWU, vergelijk_label=ALLE_REGIOS)


@figuur("gwu-uitkering", "Uitkering van de werkzoekenden", leeg=verdeling.UWV_LEEG)
def gwu_uitkering(ctx: Context) -> Figuur | None:
    rijen = db.rijen("gwu_uitkering", regio=ctx.regio, tot=None)
    if not rijen:
        return None
    uitk = db.query("gwu_uitkering", regio=ctx.regio, tot=None)
    titel, zin = samenvatting.gwu_uitkering(rijen, ctx.regio_naam)
    return Figuur("gwu-uitkering", titel, zin, rijen[0]["bron"], rijen[0]["peildatum"], definitie=definities.GWU,
                  tabel=uitk, export=uitk, bestandsnaam=f"gwu_uitkering_{ctx.regio}")


@figuur("onbenut", "Onbenut arbeidspotentieel", leeg="Voor {regio_naam} is nog geen regionale arbeidsmarktanalyse ingelezen.")
def onbenut(ctx: Context) -> Figuur | None:
    rijen = db.rijen("onbenut", regio=ctx.regio)
    if not rijen:
        return None
    titel, zin = samenvatting.onbenut(rijen, ctx.regio_naam)
    delen = [r for r in rijen if not r["is_totaal"]]
    context_zin = samenvatting.onbenut_context(db.rijen("onbenut_context", vergelijk=ctx.vergelijk),
                                               ctx.vergelijk_naam)
    return Figuur(
        "onbenut", titel, zin, rijen[0]["bron"], rijen[0]["peildatum"], definitie=definities.ONBENUT,
        grafiek=grafiek(charts.staaf, [r["categorie"] for r in delen], [r["waarde"] for r in delen],
                        "Onbenut arbeidspotentieel", hoogte=220),
        notities=[context_zin] if context_zin else [],
        tabel=db.view(views.kolommen, "onbenut", "categorie", "waarde", "eenheid", regio=ctx.regio),
        export=db.query("onbenut", regio=ctx.regio), bestandsnaam=f"onbenut_{ctx.regio}")


@feiten("onbenut")
def onbenut_feiten(ctx: Context, periode: str | None = None) -> dict:
    """`periode`: the Analyse's GWU period (None: the latest)."""
    kaarten = db.rijen("bevolking_kaarten", regio=ctx.regio)
    rijen = db.rijen("onbenut", regio=ctx.regio)
    totaal = next((r for r in rijen if r["is_totaal"]), None)
    delen = sorted((r for r in rijen if not r["is_totaal"]), key=lambda r: r["waarde"], reverse=True)
    context = {r["indicator"]: r for r in db.rijen("onbenut_context", vergelijk=ctx.vergelijk)}
    opleiding = verdeling.per_categorie(ctx, "gwu", "opleidingsniveau", periode)
    gwu = None
    hoog = [opleiding.get(c) for c in ("HBO/bachelor", "WO/master")]
    if opleiding.get("Totaal") and all(verdeling.paar(h) for h in hoog):
        t = opleiding["Totaal"]
        gwu = dict(totaal=t["regio_aantal"], periode=fmt.periode(t["periode"], t["periode_type"]),
                   hoog=sum(h["regio_pct"] for h in hoog), hoog_nl=sum(h["vergelijk_pct"] for h in hoog))
    uitkering = db.rijen("gwu_uitkering", regio=ctx.regio,
                         tot=verdeling.periode_einde(periode) if periode else None)
    return dict(
        niet_beroepsbevolking=next((r for r in kaarten if r["label"] == "Niet-beroepsbevolking"), None),
        onbenut=None if not (totaal and delen) else dict(
            totaal=totaal["waarde"], grootste=delen[0]["categorie"].lower(),
            delen=[f"{fmt.getal(r['waarde'])} {r['categorie'].lower()}" for r in delen]),
        aandeel_uwv=(context.get("onbenut_aandeel_geregistreerd_uwv") or {}).get("waarde"),
        extra_uren=(context.get("extra_uren_gewenst_deeltijders") or {}).get("waarde"),
        gwu=gwu, uitkering_zin=samenvatting.gwu_uitkering(uitkering, ctx.regio_naam)[1] if uitkering else "")

"""WW: the total and its kenmerken (Tabel 3), jongeren in de WW, personen met WW per region (CBS),
and the national CBS series beside them."""
from __future__ import annotations

from dashboard.figuren import bevolking, charts, definities, samenvatting, verdeling, views
from dashboard.figuren.figuur import Figuur, grafiek
from dashboard.figuren.register import feiten, figuur
from dashboard.kern import db
from dashboard.kern import format as fmt
from dashboard.kern.context import Context

KENMERKEN = {"leeftijd": "Leeftijd", "verstreken_duur": "Verstreken duur", "opleidingsniveau": "Opleidingsniveau",
             "geslacht": "Geslacht"}


@figuur("ww-totaal", "WW-uitkeringen", leeg=verdeling.UWV_LEEG)
def ww_totaal(ctx: Context) -> Figuur | None:
    rijen = db.rijen("ww_totaal", regio=ctx.regio, vergelijk=ctx.vergelijk, tot=None)
    stand = next((r for r in rijen if r["regio_code"] == ctx.regio and r["maat"] == "aantal"), None)
    if stand is None:
        return None
    return Figuur("ww-totaal", "", samenvatting.ww_totaal(rijen, ctx.regio, ctx.regio_naam, ctx.vergelijk,
                                                          ctx.vergelijk_naam),
                  stand["bron"], stand["peildatum"], definitie=definities.WW)


verdeling.aanmelden("ww", "ww_uitkeringen", KENMERKEN, "WW-uitkeringen", definities.WW)


@figuur("ww-jongeren", "Jongeren in de WW", leeg=verdeling.UWV_LEEG)
def ww_jongeren(ctx: Context) -> Figuur | None:
    rijen = db.rijen("ww_jongeren", regio=ctx.regio)
    if not rijen:
        return None
    jong = db.query("ww_jongeren", regio=ctx.regio)
    titel, zin = samenvatting.ww_jongeren(rijen, ctx.regio_naam)
    return Figuur("ww-jongeren", titel, zin, rijen[0]["bron"], rijen[0]["peildatum"],
                  definitie="Jongeren: jonger dan 27 jaar. Startkwalificatie: een diploma op ten minste mbo-2, havo "
                            "of vwo-niveau.",
                  tabel=jong, export=jong, bestandsnaam=f"ww_jongeren_{ctx.regio}")


@figuur("ww-regio-reeks", "Personen met een WW-uitkering in {regio_naam} per maand (CBS)",
        leeg=bevolking.CBS_NIET_OPGEHAALD)
def ww_regio_reeks(ctx: Context) -> Figuur | None:
    """Personen met WW per month for the region (CBS 85554NED), only once fetched."""
    params = dict(regio=ctx.regio, vergelijk=ctx.vergelijk)
    rijen = db.rijen("ww_regio_reeks", **params)
    regio = [r for r in rijen if r["is_regio"]]
    if not regio:
        return None
    titel, zin = samenvatting.ww_regio_reeks(rijen, ctx.regio_naam, ctx.vergelijk_naam)
    return Figuur(
        "ww-regio-reeks", titel, zin, regio[-1]["bron"], regio[-1]["peildatum"],
        definitie="Personen met een uitkering op grond van de Werkloosheidswet op de laatste dag van de maand, "
                  "seizoengecorrigeerd (CBS StatLine 85554NED). Dit telt personen, niet uitkeringen, en wijkt "
                  "daardoor af van de UWV-cijfers hierboven.",
        grafiek=grafiek(charts.lijnen, [(ctx.regio_naam, tuple(r["periode"] for r in regio),
                                         tuple(r["waarde"] for r in regio))], hoogte=280, nadruk=ctx.regio_naam),
        tabel=db.view(views.kolommen, "ww_regio_reeks", "regio_naam", "periode", "waarde", "kwalificatie", **params),
        export=db.query("ww_regio_reeks", **params), bestandsnaam=f"ww_personen_{ctx.regio}")


@figuur("ww-nl", "WW-uitkeringen in Nederland", leeg=bevolking.CBS_NIET_OPGEHAALD)
def ww_nederland(ctx: Context) -> Figuur | None:
    return bevolking.landelijke_reeks(
        "ww-nl", "ww_uitkeringen", "37789ksz", "WW-uitkeringen in Nederland",
        "Lopende WW-uitkeringen aan het eind van de maand, niet seizoengecorrigeerd (CBS StatLine 37789ksz).")


@figuur("werkloosheid-nl", "Werkloosheid in Nederland", leeg=bevolking.CBS_NIET_OPGEHAALD)
def werkloosheid_nederland(ctx: Context) -> Figuur | None:
    return bevolking.landelijke_reeks(
        "werkloosheid-nl", "werkloosheidspercentage", "80590ned", "Werkloosheid in Nederland",
        "Werklozen als percentage van de beroepsbevolking, 15 tot 75 jaar, seizoengecorrigeerd (CBS StatLine "
        "80590ned).", eenheid="%")


@feiten("ww")
def ww_feiten(ctx: Context, periode: str | None = None) -> dict:
    """`periode`: the Analyse's WW period (None: the latest)."""
    tot = verdeling.periode_einde(periode) if periode else None
    totaal = {(r["regio_code"], r["maat"]): r
              for r in db.rijen("ww_totaal", regio=ctx.regio, vergelijk=ctx.vergelijk, tot=tot)}
    stand = totaal.get((ctx.regio, "aantal"))
    mut, mut_nl = totaal.get((ctx.regio, "jaarmutatie")), totaal.get((ctx.vergelijk, "jaarmutatie"))
    opleiding = verdeling.per_categorie(ctx, "ww_uitkeringen", "opleidingsniveau", periode)
    jong = {r["maat"]: r for r in db.rijen("ww_jongeren", regio=ctx.regio)}
    return dict(
        ww=None if not stand else dict(stand=stand["waarde"], periode=fmt.periode(stand["periode"],
                                                                                   stand["periode_type"]),
                                       mutatie=mut and mut["waarde"], mutatie_nl=mut_nl and mut_nl["waarde"]),
        wo=verdeling.paar(opleiding.get("WO/master")), zonder_sk=verdeling.paar(opleiding.get("Geen startkwalificatie")),
        kort=verdeling.paar(verdeling.per_categorie(ctx, "ww_uitkeringen", "verstreken_duur", periode).get("< 6 maanden")),
        jongeren=None if "aantal" not in jong else dict(
            instroom=jong["aantal"]["waarde"], periode=jong["aantal"]["periode"],
            zonder_sk=jong["aandeel"]["waarde"] if "aandeel" in jong else None,
            kwalificatie=jong["aandeel"]["kwalificatie"] if "aandeel" in jong else None))

"""Mismatch: openstaande vacatures beside WW-uitkeringen per beroepsklasse (Tabel 5 and 6)."""
from __future__ import annotations

from dashboard.figuren import charts, definities, samenvatting, views
from dashboard.figuren.figuur import Figuur, grafiek
from dashboard.figuren.register import feiten, figuur
from dashboard.kern import db
from dashboard.kern import format as fmt
from dashboard.kern.context import Context


def _query(ctx: Context, periode: str | None) -> tuple[str, dict]:
    """marts.mismatch (the latest periods), or the chosen vacatures period of marts.mismatch_perioden."""
    if periode:
        return "mismatch_periode", {"regio": ctx.regio, "periode": periode}
    return "mismatch", {"regio": ctx.regio}


def _rijen(ctx: Context, periode: str | None = None) -> list[dict]:
    query, params = _query(ctx, periode)
    return db.view(views.mismatch_records, query, **params)


def feiten_uit(mm: list[dict]) -> dict:
    """Which beroepsklassen have more WW than vacatures (kwantitatief) and the reverse (kwalitatief):
    the numbers of the page sentence and of the Analyse text alike."""
    ingedeeld = [r for r in mm if r["mismatch"] is not None]
    kwal = sorted((r for r in ingedeeld if r["mismatch"] == "kwalitatieve mismatch"),
                  key=lambda r: r["verschil"], reverse=True)
    rest = next((r for r in mm if r["is_rest"] and r["ww_uitkeringen"]), None)
    return dict(
        klassen=len(ingedeeld),
        vac_periode=ingedeeld[0]["vacatures_peildatum"] if ingedeeld else "",
        ww_periode=ingedeeld[0]["ww_peildatum"] if ingedeeld else "",
        vac_label=fmt.periode(ingedeeld[0]["vacatures_periode"], ingedeeld[0]["vacatures_periode_type"])
        if ingedeeld else "",
        ww_label=fmt.periode(ingedeeld[0]["ww_periode"], ingedeeld[0]["ww_periode_type"]) if ingedeeld else "",
        kwantitatief=[dict(naam=r["beroepsklasse"], ww=r["ww_uitkeringen"], vacatures=r["vacatures"])
                      for r in ingedeeld if r["mismatch"] == "kwantitatieve mismatch"],
        kwalitatief=len(kwal),
        grootste=None if not kwal else dict(naam=kwal[0]["beroepsklasse"], vacatures=kwal[0]["vacatures"],
                                            ww=kwal[0]["ww_uitkeringen"]),
        zonder_klasse=rest["ww_uitkeringen"] if rest else None)


@feiten("mismatch")
def mismatch_feiten(ctx: Context, periode: str | None = None) -> dict:
    return feiten_uit(_rijen(ctx, periode))


@figuur("mismatch", "Vacatures en WW-uitkeringen per beroepsklasse",
        leeg="Voor {regio_naam} zijn nog geen UWV-cijfers ingelezen.")
def mismatch(ctx: Context, periode: str | None = None) -> Figuur | None:
    """`periode`: the vacatures period chosen on the page (default: the latest)."""
    rijen = _rijen(ctx, periode)
    if not rijen:
        return None
    query, params = _query(ctx, periode)
    f = feiten_uit(rijen)
    eerste = rijen[0]
    notities = []
    if f["zonder_klasse"]:
        notities.append(f"**{fmt.getal(f['zonder_klasse'])} WW-uitkeringen hebben geen beroepsklasse**: het "
                        "gedrukte totaal van Tabel 6 min de som van de beroepsklassen. Ze staan apart onderaan.")
    notities.append(f"Let op: de peildata verschillen. Vacatures: {eerste['vacatures_peildatum']} "
                    f"(bron: {eerste['vacatures_bron']}); WW-uitkeringen: {eerste['ww_peildatum']} "
                    f"(bron: {eerste['ww_bron']}).")
    return Figuur(
        "mismatch", samenvatting.mismatch_titel(f), samenvatting.mismatch(f, ctx.regio_naam),
        f"{eerste['vacatures_bron']} (vacatures), {eerste['ww_bron']} (WW)",
        f"{eerste['vacatures_peildatum']} (vacatures), {eerste['ww_peildatum']} (WW)",
        definitie=definities.MISMATCH,
        grafiek=grafiek(charts.mismatch_halter, [r["beroepsklasse"] for r in rijen], [r["vacatures"] for r in rijen],
                        [r["ww_uitkeringen"] for r in rijen], [r["mismatch"] for r in rijen],
                        f"Openstaande vacatures ({eerste['vacatures_peildatum']})",
                        f"WW-uitkeringen ({eerste['ww_peildatum']})", hoogte=140 + 36 * len(rijen)),
        notities=notities, uitleg=_uitleg(ctx, eerste),
        tabel=db.view(views.mismatch_tabel, query, **params),
        export=db.query(query, **params), bestandsnaam=f"mismatch_{ctx.regio}" + (f"_{periode}" if periode else ""))


def _uitleg(ctx: Context, eerste: dict) -> str:
    """The spanningsindicator's explanation: the approximation text, unless the file gives WW shorter than
    6 months per beroepsklasse for this period (then the UWV indicator itself is shown on the page)."""
    keuze = eerste.get("keuze") or next((r["keuze"] for r in db.rijen("uwv_spanning_perioden", regio=ctx.regio)
                                          if r["is_laatste"]), None)
    rijen = db.rijen("uwv_spanning", regio=ctx.regio, periode=keuze) if keuze else []
    if rijen and not rijen[0]["is_benadering"]:
        return ("**Spanningsindicator (UWV)**: voor deze periode geeft het UWV-bestand de WW-uitkeringen korter dan "
                "6 maanden per beroepsklasse; de indicator zelf, met de vijf banden, staat op de pagina Mismatch.")
    return definities.SPANNING_UITLEG

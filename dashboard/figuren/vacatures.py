"""Vacatures en tekortsectoren: the region's openstaande vacatures per beroepsklasse against Nederland (Tabel 5)."""
from __future__ import annotations

from dashboard.figuren import charts, definities, samenvatting, verdeling, views
from dashboard.figuren.figuur import Figuur, grafiek
from dashboard.figuren.register import feiten, figuur
from dashboard.kern import format as fmt
from dashboard.kern.context import Context

# "Clearly higher than national": at least this many percentage points difference in share.
DREMPEL_PP = 3.0


def _params(ctx: Context, periode: str | None = None) -> dict:
    """`periode`: the page's period choice (None: the latest)."""
    return dict(indicator="openstaande_vacatures", dimensie="beroepsklasse", regio=ctx.regio,
                vergelijk=ctx.vergelijk, tot=verdeling.periode_einde(periode) if periode else None)


def feiten_uit(rijen: list[dict], drempel: float = DREMPEL_PP) -> dict:
    """The beroepsklassen by number of vacatures, and those whose share is clearly above or below the
    comparison: the numbers of the page sentence, the highlighted bars and the Analyse text alike."""
    klassen = [r for r in rijen if not r["is_totaal"] and r["regio_aantal"] is not None]   # in the table's order
    grootste = sorted(klassen, key=lambda r: r["regio_aantal"], reverse=True)
    totaal = next((r for r in rijen if r["is_totaal"]), None)
    hoger = [r["categorie"] for r in klassen if r["verschil_pp"] is not None and r["verschil_pp"] >= drempel]
    lager = [r["categorie"] for r in klassen if r["verschil_pp"] is not None and r["verschil_pp"] <= -drempel]
    return dict(
        periode=grootste[0]["periode"] if grootste else "",
        periode_label=fmt.periode(grootste[0]["periode"], grootste[0]["periode_type"]) if grootste else "",
        totaal=totaal["regio_aantal"] if totaal else None,
        top=[dict(naam=r["categorie"], aantal=r["regio_aantal"], aandeel=r["regio_pct"], aandeel_nl=r["vergelijk_pct"])
             for r in grootste[:2] if r["regio_pct"] is not None and r["vergelijk_pct"] is not None],
        hoger=hoger, lager=lager,
        groter=[samenvatting.klein(c) for c in hoger], kleiner=[samenvatting.klein(c) for c in lager],
        drempel=drempel)


@feiten("vacatures")
def vacatures_feiten(ctx: Context, periode: str | None = None) -> dict:
    return feiten_uit(verdeling.view(views.verdeling_records, **_params(ctx, periode)))


@figuur("vacatures", "Vacatures per beroepsklasse",
        leeg=verdeling.UWV_LEEG)
def vacatures(ctx: Context, periode: str | None = None) -> Figuur | None:
    """`periode`: the page's period choice (default: the latest)."""
    params = _params(ctx, periode)
    rijen = verdeling.view(views.verdeling_records, **params)
    klassen = [r for r in rijen if not r["is_totaal"]]
    if not klassen:
        return None
    f = feiten_uit(rijen)
    titel = (f"Vacaturevraag naar {samenvatting.opsomming(f['groter'])} duidelijk groter dan in {ctx.vergelijk_naam}"
             if f["hoger"] else f"Vacatures per beroepsklasse in {ctx.regio_naam} en {ctx.vergelijk_naam}")
    labels = [r["categorie"] + "".join(
        [" · cruciaal" if r["cruciale_sector"] else "", " · focus" if r["regionale_focus"] else ""])
        for r in klassen]
    tabel = verdeling.view(views.verdeling_tabel, ctx.regio_naam, ctx.vergelijk_naam, **params)
    tabel = tabel.assign(**{"Maatschappelijk cruciaal": [r["cruciale_sector"] or "" for r in rijen],
                            "Regionale focus": [r["regionale_focus"] or "" for r in rijen]})
    return Figuur(
        "vacatures", titel, samenvatting.vacatures(f, ctx.regio_naam, ctx.vergelijk_naam),
        rijen[0]["bron"], rijen[0]["peildatum"],
        definitie=definities.VACATURES + f" Duidelijk hoger of lager: minstens {fmt.getal(DREMPEL_PP)} "
                                         "procentpunt verschil in aandeel.",
        grafiek=grafiek(charts.vergelijking_staaf, labels, [r["regio_pct"] for r in klassen],
                        [r["vergelijk_pct"] for r in klassen], ctx.regio_naam, ctx.vergelijk_naam,
                        hoogte=110 + 42 * len(klassen), uitgelicht=[r["categorie"] in f["hoger"] for r in klassen]),
        notities=[f"Oranje: aandeel minstens {fmt.getal(DREMPEL_PP)} procentpunt hoger dan in {ctx.vergelijk_naam}. "
                  "· cruciaal = maatschappelijk cruciale sector (kabinet); · focus = regionale focus of speerpunt. "
                  + definities.CRUCIAAL],
        tabel=tabel, export=verdeling.view(views.verdeling_export, **params),
        bestandsnaam=f"vacatures_beroepsklasse_{ctx.regio}")

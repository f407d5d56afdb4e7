"""An indicator's distribution over a dimension, region beside comparison (Tabel 1, 2, 3, 5):
the one recipe behind the GWU and WW figures per kenmerk."""
from __future__ import annotations

from dashboard.figuren import charts, samenvatting, views
from dashboard.figuren.figuur import Figuur, grafiek
from dashboard.kern import db
from dashboard.kern import format as fmt
from dashboard.kern.context import Context


def _params(indicator: str, dimensie: str, ctx: Context, tot: str | None) -> dict:
    """The query's parameters: the latest period, or the state as of the chosen period `tot`."""
    params = dict(indicator=indicator, dimensie=dimensie, regio=ctx.regio, vergelijk=ctx.vergelijk)
    return params | {"tot": periode_einde(tot) if tot else None}


def view(fn, *args, indicator: str, dimensie: str, regio: str, vergelijk: str, tot=None):
    """db.view(fn, <one distribution's rows>, *args): from one query for all distributions of the region and
    period (verdeling_alle.sql; a document shows seven, each was a query of its own), split per distribution."""
    return db.view(_van_deel, "verdeling_alle", indicator, dimensie, fn, *args, regio=regio, vergelijk=vergelijk,
                   tot=tot)


def _van_deel(alle, indicator: str, dimensie: str, fn, *args):
    return fn(_deel(alle, indicator, dimensie), *args)


_DELEN: dict[int, dict] = {}   # id of a cached verdeling_alle result -> its parts, split once (freed with it)


def _deel(alle, indicator: str, dimensie: str):
    """One distribution's rows of verdeling_alle as a query of that distribution alone gave them: the same
    columns, index and types (a text column without any value is object holding None, not pandas' str).
    Split once per result: the parts are shared and read-only, as the cached query results are."""
    import numpy as np
    import pandas as pd
    delen = _DELEN.get(id(alle))
    if delen is None:
        import weakref
        tekst = [k for k in alle.columns if alle[k].dtype != object and pd.api.types.is_string_dtype(alle[k])]
        delen = _DELEN[id(alle)] = {"rijen": alle.groupby(["indicator", "dimensie"], sort=False).indices,
                                    "tekst": tekst, "leeg": alle[tekst].isna().to_numpy()}
        weakref.finalize(alle, _DELEN.pop, id(alle), None)
    df = delen.get((indicator, dimensie))
    if df is None:
        rijen = delen["rijen"].get((indicator, dimensie), np.array([], dtype=np.intp))
        df = alle.take(rijen).drop(columns=["indicator", "dimensie"]).reset_index(drop=True)
        for kolom, leeg in zip(delen["tekst"], delen["leeg"][rijen].all(axis=0), strict=True):
            if leeg and kolom in df.columns:
                df[kolom] = pd.Series([None] * len(df), dtype=object)
        delen[(indicator, dimensie)] = df
    return df


def periode_einde(periode: str):
    """'2025-Q3' -> 2025-09-30, '2025-09' -> 2025-09-30, '2025' -> 2025-12-31 (the last day of a period)."""
    import calendar
    import datetime as dt
    jaar = int(periode[:4])
    if "-Q" in periode:
        maand = 3 * int(periode[-1])
    elif len(periode) == 7:
        maand = int(periode[5:])
    else:
        maand = 12
    return dt.date(jaar, maand, calendar.monthrange(jaar, maand)[1])


def rijen(ctx: Context, indicator: str, dimensie: str, tot: str | None = None) -> list[dict]:
    params = _params(indicator, dimensie, ctx, tot)
    return view(views.verdeling_records, **params)


def per_categorie(ctx: Context, indicator: str, dimensie: str, tot: str | None = None) -> dict[str, dict]:
    return {r["categorie"]: r for r in rijen(ctx, indicator, dimensie, tot)}


def paar(rij: dict | None) -> dict | None:
    """A category's share in the region and the comparison, when both are known."""
    if not rij or rij["regio_pct"] is None or rij["vergelijk_pct"] is None:
        return None
    return {"regio": rij["regio_pct"], "nl": rij["vergelijk_pct"]}


def figuur(ctx: Context, indicator: str, dimensie: str, onderwerp: str, definitie: str,
           sleutel: str, vergelijk_label: str | None = None, tot: str | None = None) -> Figuur | None:
    params = _params(indicator, dimensie, ctx, tot)
    vergelijk_naam = vergelijk_label or ctx.vergelijk_naam
    alle = rijen(ctx, indicator, dimensie, tot)
    if not alle or all(r["regio_pct"] is None for r in alle):
        # nothing for the region itself: the registration's empty state, not the comparison's bars alone
        return None
    klassen = [r for r in alle if not r["is_totaal"]]
    eerste = alle[0]
    return Figuur(
        sleutel, samenvatting.verdeling_titel(alle, onderwerp, fmt.dimensie(dimensie), vergelijk_naam),
        samenvatting.verdeling(alle, onderwerp, ctx.regio_naam, vergelijk_naam),
        eerste["bron"], eerste["peildatum"], definitie=definitie,
        grafiek=grafiek(charts.vergelijking_staaf, [samenvatting.categorie(r["categorie"]) for r in klassen],
                        [r["regio_pct"] for r in klassen], [r["vergelijk_pct"] for r in klassen],
                        ctx.regio_naam, vergelijk_naam, hoogte=110 + 42 * len(klassen)),
        notities=["Aandelen berekend uit de aantallen waar die er zijn, anders zoals gedrukt (afgerond). "
                  "De tabel toont beide."],
        tabel=view(views.verdeling_tabel, ctx.regio_naam, vergelijk_naam, **params),
        export=view(views.verdeling_export, **params),
        bestandsnaam=f"{indicator}_{dimensie}_{ctx.regio}")


UWV_LEEG = "Voor {regio_naam} zijn nog geen UWV-cijfers ingelezen."


def aanmelden(prefix: str, indicator: str, dimensies, onderwerp: str, definitie: str,
              vergelijk_label: str | None = None) -> None:
    """Register one distribution figure per dimension under '<prefix>-<dimensie>' (e.g. gwu-leeftijd);
    each takes the page's period choice as `periode`."""
    from dashboard.figuren.register import figuur as aanmelding

    for dimensie in dimensies:
        def maak(ctx: Context, periode: str | None = None, dimensie: str = dimensie) -> Figuur | None:
            return figuur(ctx, indicator, dimensie, onderwerp, definitie, f"{prefix}-{dimensie}",
                          vergelijk_label=vergelijk_label, tot=periode)
        aanmelding(f"{prefix}-{dimensie}", f"{onderwerp[:1].upper()}{onderwerp[1:]} naar {fmt.dimensie(dimensie)}",
                   leeg=UWV_LEEG)(maak)

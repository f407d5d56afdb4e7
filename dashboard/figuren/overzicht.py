"""Overzicht: the kerncijfers of the region beside Nederland, and figures from earlier documents."""
from __future__ import annotations

from dashboard.figuren import bevolking, definities, views
from dashboard.figuren.figuur import Figuur
from dashboard.figuren.register import figuur
from dashboard.kern import db
from dashboard.kern.context import Context


@figuur("kerncijfers", "Kerncijfers", leeg="Geen kerncijfers voor {regio_naam}.")
def kerncijfers(ctx: Context) -> Figuur | None:
    params = dict(regio=ctx.regio, vergelijk=ctx.vergelijk)
    if not db.rijen("kerncijfers", **params):
        return None
    tabel = db.view(views.kerncijfer_tabel, "kerncijfers", **params).rename(columns={
        "Regio": ctx.regio_naam, "Vergelijking": ctx.vergelijk_naam,
        "Peildatum vergelijking": f"Peildatum {ctx.vergelijk_naam}"})
    return Figuur(
        "kerncijfers", "", "", "", "",
        html=db.view(views.kerncijfer_kaarten, "kerncijfers", ctx.vergelijk_naam,
                     tuple(definities.DEFINITIES.items()), **params),
        tabel=tabel, export=db.view(views.kerncijfer_export, "kerncijfers", **params),
        bestandsnaam=f"kerncijfers_{ctx.regio}", tabel_label="Kerncijfers als tabel",
        notities=[z for z in [bevolking.inwoners_naast(ctx)] if z])


@figuur("eerdere-stukken", "Cijfers uit eerdere stukken", leeg="")
def eerdere_stukken(ctx: Context) -> Figuur | None:
    params = dict(regio=ctx.regio, vergelijk=ctx.vergelijk)
    eerder = db.query("eerdere_stukken", **params)
    if eerder.empty:
        return None
    return Figuur("eerdere-stukken", "", "", "", "",
                  tabel=db.view(views.eerdere_stukken_tabel, "eerdere_stukken", **params), export=eerder,
                  bestandsnaam=f"eerdere_stukken_{ctx.regio}",
                  tabel_label="Cijfers uit eerdere stukken (2021-2024): krapte, bijstand, Banenafspraak")

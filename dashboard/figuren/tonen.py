"""Showing registered figures on a page: `figuren(ctx, "mismatch", "vacatures")`.
Each figure renders inside its own guard, so a figure whose data is missing
says so and the rest of the page still renders."""
from __future__ import annotations

from functools import lru_cache

import streamlit as st

from dashboard.figuren import register
from dashboard.figuren.figuur import Figuur, Grafiek
from dashboard.kern import components
from dashboard.kern.context import Context


def figuur(ctx: Context, sleutel: str, **keuzes) -> None:
    """One registered figure; `keuzes` are the page's choices the figure takes (e.g. tot="2025-Q2")."""
    aanmelding = register.aanmelding(sleutel)
    titel, leeg = aanmelding.leeg_tekst(ctx)
    with components.figuur(titel):
        fig = register.maak(sleutel, ctx, **keuzes)
        if fig is None:
            if leeg:
                st.markdown(f"#### {titel}")
                st.info(leeg)
            return
        toon(fig, key="-".join([sleutel, *map(str, keuzes.values())]))


def figuren(ctx: Context, *sleutels: str, **keuzes) -> None:
    for sleutel in sleutels:
        figuur(ctx, sleutel, **keuzes)


@lru_cache(maxsize=512)
def _plotly(recept: Grafiek):
    return recept.plotly()


def toon_grafiek(recept: Grafiek, key: str) -> None:
    st.plotly_chart(_plotly(recept), config={"displayModeBar": False, "locale": "nl"}, key=key)


def toon(fig: Figuur | None, key: str, leeg: str = "") -> None:
    """A figure: title and sentence, chart or cards, notes, explanation,
    bron/peildatum, and (when it has one) its data as table with downloads."""
    if fig is None:
        if leeg:
            st.info(leeg)
        return
    if fig.titel or fig.zin:
        components.kop(fig.titel, fig.zin, fig.definitie)
    if fig.melding:
        {"success": st.success, "warning": st.warning}.get(fig.melding_soort, st.info)(fig.melding)
    if fig.html is not None:
        st.html(fig.html)
    if fig.grafiek is not None:
        toon_grafiek(fig.grafiek, key=key)
    for notitie in fig.notities:
        st.caption(notitie)
    if fig.uitleg:
        st.markdown(fig.uitleg)
    if fig.bron:
        components.bronregel(fig.bron, fig.peildatum)
    if fig.tabel is not None and fig.export is not None:
        components.gegevens(fig.tabel, fig.export, fig.bestandsnaam, fig.bron, fig.peildatum, key=key,
                            label=fig.tabel_label, open=fig.tabel_open)

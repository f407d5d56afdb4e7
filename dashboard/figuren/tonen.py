"""Showing registered figures on a page: `figuren(ctx, "mismatch", "vacatures")`.
Each figure renders inside its own guard, so a figure whose data is missing
says so and the rest of the page still renders."""
from __future__ import annotations

import streamlit as st

from dashboard.figuren import register
from dashboard.kern import components
from dashboard.kern.context import Context


def figuur(ctx: Context, sleutel: str) -> None:
    aanmelding = register.aanmelding(sleutel)
    titel, leeg = aanmelding.leeg_tekst(ctx)
    with components.figuur(titel):
        fig = register.maak(sleutel, ctx)
        if fig is None:
            if leeg:
                st.markdown(f"#### {titel}")
                st.info(leeg)
            return
        components.toon(fig, key=sleutel)


def figuren(ctx: Context, *sleutels: str) -> None:
    for sleutel in sleutels:
        figuur(ctx, sleutel)

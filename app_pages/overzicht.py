"""Overzicht: kerncijfers of the region beside Nederland."""
import streamlit as st

from dashboard.figuren import tonen
from dashboard.kern import context

ctx = context.huidig()
st.title(f"Arbeidsmarkt {ctx.regio_naam}")
st.caption(f"Kerncijfers van arbeidsmarktregio {ctx.regio_naam} ({ctx.regio}) naast {ctx.vergelijk_naam}. "
           "Elk cijfer met zijn eigen peildatum: de bronnen meten niet allemaal op hetzelfde moment.")
tonen.figuren(ctx, "kerncijfers", "druk", "eerdere-stukken")

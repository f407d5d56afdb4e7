"""Banen en prognose: werknemers and zelfstandigen 2017, 2024, 2027 (Tabel 4)."""
import streamlit as st

from dashboard.figuren import tonen
from dashboard.kern import context

ctx = context.huidig()
st.title("Banen en prognose")
st.caption(f"Banen van werknemers en zelfstandigen in {ctx.regio_naam}; 2027 is een prognose van UWV.")
tonen.figuren(ctx, "banen", "banen-context")

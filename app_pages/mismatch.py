"""Mismatch: openstaande vacatures beside WW-uitkeringen per beroepsklasse."""
import streamlit as st

from dashboard.figuren import tonen
from dashboard.kern import context

ctx = context.huidig()
st.title("Waar vacatures en WW niet op elkaar aansluiten")
st.caption(f"Openstaande vacatures en WW-uitkeringen per beroepsklasse in {ctx.regio_naam}.")
tonen.figuren(ctx, "mismatch")

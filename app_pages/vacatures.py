"""Vacatures en tekortsectoren: the region's vacatures per beroepsklasse against Nederland."""
import streamlit as st

from dashboard.figuren import tonen, uwv
from dashboard.kern import context

ctx = context.huidig()
st.title("Vacatures en tekortsectoren")
st.caption(f"Openstaande vacatures per beroepsklasse in {ctx.regio_naam}, als aandeel van alle vacatures, "
           f"naast {ctx.vergelijk_naam}.")
periode = uwv.periode_keuze(ctx, "vacatures_beroepsklasse")
tonen.figuren(ctx, "vacatures", periode=periode)
tonen.figuren(ctx, "trend-vacatures")

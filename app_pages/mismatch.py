"""Mismatch: openstaande vacatures beside WW-uitkeringen per beroepsklasse, the UWV spanningsindicator,
CBS's own spanning (vacatures per 100 werklozen, national) beside it, and (with two or more periods) the
trend per beroepsklasse."""
import streamlit as st

from dashboard.figuren import tonen, uwv
from dashboard.kern import context

ctx = context.huidig()
st.title("Waar vacatures en WW niet op elkaar aansluiten")
st.caption(f"Openstaande vacatures en WW-uitkeringen per beroepsklasse in {ctx.regio_naam}.")
periode = uwv.periode_keuze(ctx, "vacatures_beroepsklasse", "Periode (vacatures)")
tonen.figuren(ctx, "mismatch", "uwv-spanning", "cbs-spanning", periode=periode)
tonen.figuren(ctx, "mismatch-trend")

"""WW: kenmerken of the WW-uitkeringen, regio against Nederland; jongeren in de WW; national trends."""
import streamlit as st

from dashboard.figuren import tonen, uwv, ww
from dashboard.kern import context

ctx = context.huidig()
st.title("WW-uitkeringen")
tonen.figuren(ctx, "ww-totaal")
kenmerk = context.keuze("kenmerk", ww.KENMERKEN, "Kenmerk")
periode = uwv.periode_keuze(ctx, "ww_kenmerken")
tonen.figuren(ctx, f"ww-{kenmerk}", periode=periode)
tonen.figuren(ctx, "trend-ww", "ww-jongeren", "ww-regio-reeks", "ww-nl", "werkloosheid-nl")

"""Werkzoekenden (GWU): opleidingsniveau and leeftijd, regio against alle regio's; the uitkering mix."""
import streamlit as st

from dashboard.figuren import tonen, uwv, werkzoekenden
from dashboard.kern import context

ctx = context.huidig()
st.title("Geregistreerde werkzoekenden (GWU)")
st.caption(f"Wie staan er in {ctx.regio_naam} als werkzoekende ingeschreven bij UWV, vergeleken met alle regio's.")
indeling = context.keuze("indeling", werkzoekenden.INDELINGEN, "Indeling")
periode = uwv.periode_keuze(ctx, f"gwu_{'opleiding' if indeling == 'opleidingsniveau' else indeling}")
tonen.figuren(ctx, f"gwu-{indeling}", periode=periode)
tonen.figuren(ctx, "gwu-uitkering", "trend-gwu")

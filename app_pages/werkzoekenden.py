"""Werkzoekenden (GWU): opleidingsniveau and leeftijd, regio against alle regio's; the uitkering mix."""
import streamlit as st

from dashboard.figuren import tonen, werkzoekenden
from dashboard.kern import context

ctx = context.huidig()
st.title("Geregistreerde werkzoekenden (GWU)")
st.caption(f"Wie staan er in {ctx.regio_naam} als werkzoekende ingeschreven bij UWV, vergeleken met alle regio's.")
indeling = context.keuze("indeling", werkzoekenden.INDELINGEN, "Indeling")
tonen.figuren(ctx, f"gwu-{indeling}", "gwu-uitkering")

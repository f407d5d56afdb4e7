"""Werkzoekenden (GWU): opleidingsniveau and leeftijd, regio against alle regio's; the uitkering mix."""
import streamlit as st

from dashboard.figuren import blokken
from dashboard.kern import context
from dashboard.figuren import definities

ctx = context.huidig()
st.title("Geregistreerde werkzoekenden (GWU)")
st.caption(f"Wie staan er in {ctx.regio_naam} als werkzoekende ingeschreven bij UWV, vergeleken met alle regio's.")
dimensie = context.keuze("indeling", {"opleidingsniveau": "Opleidingsniveau", "leeftijd": "Leeftijd"}, "Indeling")
blokken.verdeling(ctx, "gwu", dimensie, "werkzoekenden", definities.GWU, key=f"gwu-{dimensie}",
                  vergelijk_label="alle regio's")
blokken.gwu_uitkering(ctx)

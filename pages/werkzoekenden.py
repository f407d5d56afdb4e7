"""Werkzoekenden (GWU): opleidingsniveau and leeftijd, regio against alle regio's; the uitkering mix."""
import streamlit as st

from dashboard import blokken, components, context, db, definities, samenvatting

ctx = context.huidig()
st.title("Geregistreerde werkzoekenden (GWU)")
st.caption(f"Wie staan er in {ctx.regio_naam} als werkzoekende ingeschreven bij UWV, vergeleken met alle regio's.")

dimensie = context.keuze("indeling", {"opleidingsniveau": "Opleidingsniveau", "leeftijd": "Leeftijd"}, "Indeling")
blokken.verdeling(ctx, "gwu", dimensie, "werkzoekenden", definities.GWU, key=f"gwu-{dimensie}",
                  vergelijk_label="alle regio's")

with components.figuur("Uitkering van de werkzoekenden"):
    uitk = db.query("gwu_uitkering", regio=ctx.regio)
    if not uitk.empty:
        titel, zin = samenvatting.gwu_uitkering(db.view(db.records, "gwu_uitkering", regio=ctx.regio), ctx.regio_naam)
        components.kop(titel, zin, definities.GWU)
        bron, peildatum = uitk["bron"].iloc[0], uitk["peildatum"].iloc[0]
        components.bronregel(bron, peildatum)
        components.gegevens(uitk, uitk, f"gwu_uitkering_{ctx.regio}", bron, peildatum, key="gwu-uitkering")

"""WW: kenmerken of the WW-uitkeringen, regio against Nederland; jongeren in de WW."""
import streamlit as st

from dashboard import blokken, components, context, db, definities, samenvatting

ctx = context.huidig()
st.title("WW-uitkeringen")

with components.figuur("WW-totaal"):
    totaal = db.view(db.records, "ww_totaal", regio=ctx.regio, vergelijk=ctx.vergelijk)
    st.markdown(samenvatting.ww_totaal(totaal, ctx.regio, ctx.regio_naam, ctx.vergelijk, ctx.vergelijk_naam))

kenmerk = context.keuze("kenmerk", {"leeftijd": "Leeftijd", "verstreken_duur": "Verstreken duur",
                                    "opleidingsniveau": "Opleidingsniveau", "geslacht": "Geslacht"}, "Kenmerk")
blokken.verdeling(ctx, "ww_uitkeringen", kenmerk, "WW-uitkeringen", definities.WW, key=f"ww-{kenmerk}")

with components.figuur("Jongeren in de WW"):
    jong = db.query("ww_jongeren", regio=ctx.regio)
    if not jong.empty:
        titel, zin = samenvatting.ww_jongeren(db.view(db.records, "ww_jongeren", regio=ctx.regio), ctx.regio_naam)
        components.kop(titel, zin, "Jongeren: jonger dan 27 jaar. Startkwalificatie: een diploma op ten minste "
                                   "mbo-2, havo of vwo-niveau.")
        bron, peildatum = jong["bron"].iloc[0], jong["peildatum"].iloc[0]
        components.bronregel(bron, peildatum)
        components.gegevens(jong, jong, f"ww_jongeren_{ctx.regio}", bron, peildatum, key="ww-jongeren")

blokken.landelijke_reeks("ww_uitkeringen", "37789ksz", "WW-uitkeringen in Nederland",
                         "Lopende WW-uitkeringen aan het eind van de maand, niet seizoengecorrigeerd "
                         "(CBS StatLine 37789ksz).", key="ww-nl")
blokken.landelijke_reeks("werkloosheidspercentage", "80590ned", "Werkloosheid in Nederland",
                         "Werklozen als percentage van de beroepsbevolking, 15 tot 75 jaar, seizoengecorrigeerd "
                         "(CBS StatLine 80590ned).", key="werkloosheid-nl", eenheid="%")

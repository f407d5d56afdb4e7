"""WW: kenmerken of the WW-uitkeringen, regio against Nederland; jongeren in de WW; national trends."""
import streamlit as st

from dashboard.figuren import blokken
from dashboard.kern import context
from dashboard.figuren import definities

ctx = context.huidig()
st.title("WW-uitkeringen")
blokken.ww_totaal(ctx)
kenmerk = context.keuze("kenmerk", {"leeftijd": "Leeftijd", "verstreken_duur": "Verstreken duur",
                                    "opleidingsniveau": "Opleidingsniveau", "geslacht": "Geslacht"}, "Kenmerk")
blokken.verdeling(ctx, "ww_uitkeringen", kenmerk, "WW-uitkeringen", definities.WW, key=f"ww-{kenmerk}")
blokken.ww_jongeren(ctx)
blokken.ww_regio_reeks(ctx)
blokken.landelijke_reeks("ww_uitkeringen", "37789ksz", "WW-uitkeringen in Nederland",
                         "Lopende WW-uitkeringen aan het eind van de maand, niet seizoengecorrigeerd "
                         "(CBS StatLine 37789ksz).", key="ww-nl")
blokken.landelijke_reeks("werkloosheidspercentage", "80590ned", "Werkloosheid in Nederland",
                         "Werklozen als percentage van de beroepsbevolking, 15 tot 75 jaar, seizoengecorrigeerd "
                         "(CBS StatLine 80590ned).", key="werkloosheid-nl", eenheid="%")

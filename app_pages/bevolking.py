"""Bevolking en arbeidspotentieel: inwoners, prognose, groene en grijze druk, participatie, onbenut potentieel, migratie."""
import streamlit as st

from dashboard.figuren import blokken
from dashboard.kern import context

ctx = context.huidig()
st.title("Bevolking en arbeidspotentieel")
blokken.bevolking_kaarten(ctx)
blokken.inwoners_reeks(ctx)
blokken.demografische_druk(ctx)
blokken.druk_gemeenten(ctx)
blokken.onbenut(ctx)

"""Bevolking en arbeidspotentieel: inwoners, prognose, groene en grijze druk, participatie, onbenut potentieel, migratie."""
import streamlit as st

from dashboard.figuren import tonen
from dashboard.kern import context

ctx = context.huidig()
st.title("Bevolking en arbeidspotentieel")
tonen.figuren(ctx, "bevolking", "inwoners-ontwikkeling", "bevolkingsgroei-oorzaak", "inwoners-reeks", "druk",
              "druk-gemeenten", "beroepsbevolking", "onbenut")

"""Monitor Werken aan Werk: project results per kwartaal against their targets,
status changes, and the tightness of the beroepsklassen the projects train for."""
import streamlit as st

from dashboard.monitor import blokken as monitor_blokken

st.title("Monitor Werken aan Werk")
st.caption("Resultaten van de projecten van het arbeidsmarktprogramma Werken aan Werk per kwartaal, afgezet tegen "
           "hun doelen en tegen de krapte in de beroepen waarvoor zij opleiden.")
leeg = monitor_blokken.geen_resultaten()
tot = monitor_blokken.kies_monitor()
if not leeg:
    monitor_blokken.totaal(tot)
monitor_blokken.per_project(tot)
monitor_blokken.status(tot)
monitor_blokken.krapte()
if not leeg:
    monitor_blokken.geschiedenis()
monitor_blokken.export(tot)

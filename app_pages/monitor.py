"""Monitor Werken aan Werk: project results per kwartaal against their targets,
status changes, and the tightness of the beroepsklassen the projects train for."""
import streamlit as st

from dashboard.kern import context
from dashboard.monitor import blokken as monitor_blokken

ctx = context.huidig()
st.title("Monitor Werken aan Werk")
st.caption(f"Resultaten van de projecten van het arbeidsmarktprogramma Werken aan Werk in {ctx.regio_naam} per "
           "kwartaal, afgezet tegen hun doelen en tegen de krapte in de beroepen waarvoor zij opleiden.")
monitor_blokken.verversing_bezig()
if not monitor_blokken.geen_projecten(ctx):
    leeg = monitor_blokken.geen_resultaten(ctx)
    tot = monitor_blokken.kies_monitor(ctx)
    if not leeg:
        monitor_blokken.totaal(ctx, tot)
    monitor_blokken.per_project(ctx, tot)
    monitor_blokken.status(ctx, tot)
    monitor_blokken.krapte(ctx)
    if not leeg:
        monitor_blokken.geschiedenis(ctx)
    monitor_blokken.export(ctx, tot)

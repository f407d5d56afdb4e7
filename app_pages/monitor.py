"""Monitor Werken aan Werk: project results per kwartaal against their targets,
status changes, and the tightness of the beroepsklassen the projects train for."""
import streamlit as st

from dashboard.figuren import tonen
from dashboard.kern import context, db
from dashboard.monitor import blokken

ctx = context.huidig()
st.title("Monitor Werken aan Werk")
st.caption(f"Resultaten van de projecten van het arbeidsmarktprogramma Werken aan Werk in {ctx.regio_naam} per "
           "kwartaal, afgezet tegen hun doelen en tegen de krapte in de beroepen waarvoor zij opleiden.")
blokken.verversing_bezig()
# one warehouse build for the whole page: its dozen queries and figures read the same build, and the
# file is looked up once per rerun instead of once per query
with db.een_build():
    if not blokken.geen_projecten(ctx):
        tot, project = blokken.keuzes(ctx)
        # the tables without a CSV/Excel pair each: the export below holds them all in one workbook (and ten
        # download buttons were a third of the page's rerun)
        tonen.figuren(ctx, "monitor-totaal", "monitor-doel", tot=tot, downloads=False)
        tonen.figuur(ctx, "monitor-project", tot=tot, project=project, downloads=False)
        tonen.figuren(ctx, "monitor-status", "monitor-krapte", tot=tot, downloads=False)
        blokken.geschiedenis(ctx)
        blokken.export(ctx, tot)

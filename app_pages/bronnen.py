"""Bronnen en actualiteit: every dataset with bron, peildatum, rows and build
time; the outcome of the last refresh; the source's own discrepancies."""
import streamlit as st

from dashboard.figuren import tonen, uwv
from dashboard.kern import context, status
from dashboard.monitor import blokken as monitor_blokken

ctx = context.huidig()
st.title("Bronnen en actualiteit")
st.caption("Waar elk cijfer vandaan komt, wanneer het is gemeten en wanneer het datawarehouse is gebouwd.")
status.toon_verversing()
monitor_blokken.overgeslagen()   # records of the monitor's store the last build skipped (issue 18)
tonen.figuren(ctx, "bronnen-build", "bronnen-indeling", "bronnen-regio", "bronnen-datasets", "bronnen-afwijkingen")
tonen.figuren(ctx, "uwv-actualiteit", "uwv-imports")
uwv.upload(ctx)

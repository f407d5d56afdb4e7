"""Invoer monitor: the Excel template, uploading a filled-in file, and small
corrections in a table. Viewing is open; saving needs a login."""
import streamlit as st

from dashboard.kern import context, login
from dashboard.monitor import invoer as monitor_invoer

ctx = context.huidig()
st.title("Invoer monitor Werken aan Werk")
st.caption(f"Cijfers per project en kwartaal aanleveren voor {ctx.regio_naam}: via het Excel-sjabloon of, voor een "
           "kleine correctie, direct in de tabel. Elke wijziging wordt bewaard met wie en wanneer; niets wordt "
           "overschreven.")
bezig = monitor_invoer.voortgang()
try:
    monitor_invoer.sjabloon(ctx)
    door = login.inloggen()
    if door:
        monitor_invoer.afgekeurd()   # for editors only: it names records of the store and where it is
        monitor_invoer.upload(door, ctx.regio)
        monitor_invoer.correctie(ctx, door, bezig)
        monitor_invoer.projectgegevens(ctx, door, bezig)
except monitor_invoer.opslag.NietBereikbaar as exc:   # the database is down: say so, in Dutch
    st.error(str(exc))

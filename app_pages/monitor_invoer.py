"""Invoer monitor: the Excel template, uploading a filled-in file, and small
corrections in a table. Viewing is open; saving needs a login."""
import streamlit as st

from dashboard.kern import login
from dashboard.monitor import invoer as monitor_invoer

st.title("Invoer monitor Werken aan Werk")
st.caption("Cijfers per project en kwartaal aanleveren: via het Excel-sjabloon of, voor een kleine correctie, "
           "direct in de tabel. Elke wijziging wordt bewaard met wie en wanneer; niets wordt overschreven.")
monitor_invoer.melding()
monitor_invoer.sjabloon()
door = login.inloggen()
if door:
    monitor_invoer.upload(door)
    monitor_invoer.correctie(door)
    monitor_invoer.projectgegevens(door)

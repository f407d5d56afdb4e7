"""Toegankelijkheidsverklaring: the status per WCAG 2.1 criterion from the automated audit, what still
falls short because of Streamlit (with the upstream issue), and whom to contact."""
import streamlit as st

from dashboard.kern import components
from dashboard.kern import format as fmt
from dashboard.kern import toegankelijkheid as tg

st.title("Toegankelijkheidsverklaring")
st.markdown(
    "Dit dashboard moet toegankelijk zijn voor iedereen, ook voor wie een schermlezer gebruikt, alleen het "
    "toetsenbord bedient of sterk vergroot. De maatstaf is **WCAG 2.1 niveau AA** (EN 301 549), zoals het "
    "*Besluit digitale toegankelijkheid overheid* voorschrijft voor gemeenten, UWV en de Regio.")

verklaring = tg.verklaring()   # made once per version of the report
st.subheader("Stand volgens de automatische toets")
if verklaring is None:
    st.info("Er is nog geen toetsrapport. Het rapport ontstaat bij `make test` (axe-core in Chromium op elke "
            "pagina en elke dia, met alle uitklapvakken open, met de tabel van elke dia getoond, met het venster "
            "Exporteren open, en alles ook bij 200 % zoom) in `test-artifacts/axe-rapport.json`.")
else:
    s, tabel = verklaring
    status = ("voldoet gedeeltelijk" if s["ernstig"] == 0 else "voldoet niet")
    st.markdown(
        f"**Nalevingsstatus: {status}.** Getoetst met axe-core {s['axe']} op {s['paginas']} pagina's en dia's "
        f"({fmt.datum_tijd(s['gemaakt'])}): **{fmt.getal(s['ernstig'])}** ernstige of kritieke en "
        f"{fmt.getal(s['overig'])} andere bevindingen. Een automatische toets vindt niet alles; hieronder staat "
        "wat nog tekortschiet.")
    components.tabel(tabel, "Stand per WCAG-succescriterium (pagina's en dia's)")

st.subheader("Wat nog tekortschiet, en waarom")
components.tabel(tg.uitzonderingen_tabel(), "Bekende uitzonderingen die bij Streamlit liggen")

st.subheader("Contact")
contact = tg.contact()
try:
    contact = contact or (st.secrets.get("toegankelijkheid", {}).get("contact") or None)
except FileNotFoundError:   # no secrets.toml at all
    pass
if contact:
    st.markdown(f"Loopt u tegen een toegankelijkheidsprobleem aan? Meld het bij **{contact}**.")
else:
    st.info("Er is nog geen contactadres ingesteld. Zet `TOEGANKELIJKHEID_CONTACT` in de omgeving of "
            "`[toegankelijkheid] contact = \"...\"` in `.streamlit/secrets.toml`.")

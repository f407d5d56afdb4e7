"""Arbeidsmarktdashboard: entry point. `streamlit run app.py`"""
from pathlib import Path

import streamlit as st

from beheer import eerste_verversing
from dashboard.kern import components, context, db, navigatie

TITEL = "Arbeidsmarktdashboard"
# the favicon from this repository (static/favicon.png), not from fonts.gstatic.com (no third-party request per
# page view); as a static URL (server.enableStaticServing), not a file path that Streamlit reads, hashes and
# registers as a media file in every run
FAVICON = "/app/static/favicon.png"

# before st.navigation: without a favicon set first, the browser takes the page's material icon from
# fonts.gstatic.com
st.set_page_config(page_title=TITEL, page_icon=FAVICON, layout="wide")

# presenting the Analyse arbeidsmarkt: no sidebar, the slide fills the screen
presenteren = st.query_params.get("presentatie") == "1"
# expanded: every page in the sidebar, no "Meer tonen" fold (13 pages)
pagina = st.navigation(navigatie.paginas(Path(__file__).parent), position="hidden" if presenteren else "sidebar",
                       expanded=True)
# one warehouse build for the whole run: every figure on the page from the same build even if a refresh swaps
# the file meanwhile, and one look at the file per run instead of one per query
with db.een_build(stil=True):
    # a distinct <title> per page (WCAG 2.4.2) naming the region the page shows ("Mismatch · Arbeidsmarkt
    # Zuid-Limburg")
    st.set_page_config(page_title=f"{pagina.title} · {context.titel(st.query_params.get('regio'), TITEL)}")
    components.pagina()   # lang="nl", visible focus, captions at >= 4.5:1
    eerste_verversing.bij_start()   # once per process: the first CBS refresh in the background (VERVERSEN_BIJ_START)
    pagina.run()

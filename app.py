"""Arbeidsmarktdashboard: entry point. `streamlit run app.py`"""
from pathlib import Path

import streamlit as st

from beheer import eerste_verversing
from dashboard.kern import components, context

TITEL = "Arbeidsmarktdashboard"
# the favicon from this repository, not from fonts.gstatic.com (no third-party request per page view)
FAVICON = str(Path(__file__).parent / "static" / "favicon.png")

st.set_page_config(page_title=TITEL, page_icon=FAVICON, layout="wide")

pages = {
    "Arbeidsmarkt": [
        st.Page("app_pages/overzicht.py", title="Overzicht", icon=":material/dashboard:", default=True),
        st.Page("app_pages/analyse.py", title="Analyse arbeidsmarkt", icon=":material/article:", url_path="analyse"),
        st.Page("app_pages/mismatch.py", title="Mismatch", icon=":material/compare_arrows:", url_path="mismatch"),
        st.Page("app_pages/vacatures.py", title="Vacatures en tekortsectoren", icon=":material/work:",
                url_path="vacatures"),
        st.Page("app_pages/werkzoekenden.py", title="Werkzoekenden (GWU)", icon=":material/person_search:",
                url_path="werkzoekenden"),
        st.Page("app_pages/ww.py", title="WW", icon=":material/badge:", url_path="ww"),
        st.Page("app_pages/banen.py", title="Banen en prognose", icon=":material/trending_up:", url_path="banen"),
        st.Page("app_pages/bevolking.py", title="Bevolking en arbeidspotentieel", icon=":material/groups:",
                url_path="bevolking"),
        st.Page("app_pages/regios.py", title="Regio's vergelijken", icon=":material/leaderboard:",
                url_path="regios-vergelijken"),
    ],
    "Werken aan Werk": [
        st.Page("app_pages/monitor.py", title="Monitor Werken aan Werk", icon=":material/flag:", url_path="monitor"),
        st.Page("app_pages/monitor_invoer.py", title="Invoer monitor", icon=":material/edit_note:",
                url_path="monitor-invoer"),
    ],
    "Over de data": [
        st.Page("app_pages/bronnen.py", title="Bronnen en actualiteit", icon=":material/fact_check:",
                url_path="bronnen-en-actualiteit"),
        st.Page("app_pages/toegankelijkheid.py", title="Toegankelijkheidsverklaring", icon=":material/accessibility:",
                url_path="toegankelijkheid"),
    ],
}

# presenting the Analyse arbeidsmarkt: no sidebar, the slide fills the screen
presenteren = st.query_params.get("presentatie") == "1"
# expanded: every page in the sidebar, no "Meer tonen" fold (13 pages)
pagina = st.navigation(pages, position="hidden" if presenteren else "sidebar", expanded=True)
# a distinct <title> per page (WCAG 2.4.2): "Mismatch · Arbeidsmarkt Gooi en Vechtstreek"
# ... naming the region the page shows ("Mismatch · Arbeidsmarkt Zuid-Limburg")
st.set_page_config(page_title=f"{pagina.title} · {context.titel(st.query_params.get('regio'), TITEL)}",
                   page_icon=FAVICON)
components.pagina()   # lang="nl", visible focus, captions at >= 4.5:1
eerste_verversing.bij_start()   # once per process: the first CBS refresh in the background (VERVERSEN_BIJ_START)
pagina.run()

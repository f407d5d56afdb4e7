"""Arbeidsmarktdashboard: entry point. `streamlit run app.py`"""
import streamlit as st

st.set_page_config(
    page_title="Arbeidsmarkt Gooi en Vechtstreek",
    page_icon=":material/insights:",
    layout="wide",
)

pages = {
    "Arbeidsmarkt": [
        st.Page("pages/overzicht.py", title="Overzicht", icon=":material/dashboard:", default=True),
    ],
    "Over de data": [
        st.Page("pages/bronnen.py", title="Bronnen en actualiteit", icon=":material/fact_check:",
                url_path="bronnen-en-actualiteit"),
    ],
}

st.navigation(pages).run()

"""The app's pages and their sidebar groups, made once per process.

st.Page resolves its file, checks that it exists and validates its icon each time it is made: made anew in
every rerun, the 13 pages were ~5% of the server's CPU under scenario a's load (issue 16's py-spy profile).
A run gets shallow copies, because st.navigation marks the page it returns as runnable on the object itself
and 30 sessions run at once."""
from __future__ import annotations

import functools
from pathlib import Path

import streamlit as st


@functools.cache
def _paginas(map: Path) -> dict[str, list]:
    # `map` (the entry script's folder, where st.Page resolves the paths) keys the cache
    return {
        "Arbeidsmarkt": [
            st.Page("app_pages/overzicht.py", title="Overzicht", icon=":material/dashboard:", default=True),
            st.Page("app_pages/analyse.py", title="Analyse arbeidsmarkt", icon=":material/article:",
                    url_path="analyse"),
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
            st.Page("app_pages/monitor.py", title="Monitor Werken aan Werk", icon=":material/flag:",
                    url_path="monitor"),
            st.Page("app_pages/monitor_invoer.py", title="Invoer monitor", icon=":material/edit_note:",
                    url_path="monitor-invoer"),
        ],
        "Over de data": [
            st.Page("app_pages/bronnen.py", title="Bronnen en actualiteit", icon=":material/fact_check:",
                    url_path="bronnen-en-actualiteit"),
            st.Page("app_pages/toegankelijkheid.py", title="Toegankelijkheidsverklaring",
                    icon=":material/accessibility:", url_path="toegankelijkheid"),
        ],
    }


def _kopie(pagina):
    """A shallow copy, as copy.copy makes it (a new object with the same attribute dict) without its
    __reduce_ex__ round trip: 0.5 instead of 3.4 µs a page, 13 pages in every rerun."""
    nieuw = object.__new__(type(pagina))
    nieuw.__dict__.update(pagina.__dict__)
    return nieuw


def paginas(map: Path) -> dict[str, list]:
    """The pages by sidebar group, for st.navigation: this run's own copies."""
    return {groep: [_kopie(p) for p in lijst] for groep, lijst in _paginas(map).items()}

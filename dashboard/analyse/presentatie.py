"""Showing an Analyse arbeidsmarkt document in Streamlit: as a page to read
(every section with all its figures) and as slides for the Regionaal Beraad
(one section per screen, large type, the slide number in the URL)."""
from __future__ import annotations

from functools import lru_cache

import streamlit as st

from dashboard.figuren import figuur as figuren
from dashboard.figuren import tonen
from dashboard.kern import components

DIA_CSS = """
<style>
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stSidebarCollapsedControl"] { display: none; }
.block-container { padding: 1.2rem 2.2rem 0.5rem !important; max-width: 100% !important; }
.dia-titel { padding: 0 !important; font-size: clamp(1.8rem, 3.4vw, 3.2rem); font-weight: 700; margin: 0 0 .6rem; line-height: 1.15; }
.dia-tekst p { font-size: clamp(1.05rem, 1.55vw, 1.7rem); line-height: 1.4; margin: 0 0 .8rem; }
.dia-bron { font-size: clamp(.8rem, .9vw, 1rem); color: #52606d; }

.dia-opgave { font-size: clamp(1rem, 1.4vw, 1.55rem); margin: 0 0 .7rem; }
</style>
"""


DIA_HOOGTE = 400   # px: fits 1280x720 with title and navigation; legible from the back at 1920x1080


@lru_cache(maxsize=64)
def _dia_grafiek(recept: figuren.Grafiek):
    """The chart in slide size: fixed height, larger type."""
    fig = figuren.Grafiek(recept.bouwer, recept.args,
                          tuple(sorted({**dict(recept.kwargs), "hoogte": DIA_HOOGTE}.items()))).plotly()
    fig.update_layout(font={"size": 15})
    return components.leesbaar(fig)   # labels not cut off without Streamlit's chart theme


def dias(doc: dict) -> list[dict]:
    """The slides: a title slide, one per section, the opgaven."""
    return ([{"soort": "titel", "titel": f"Analyse arbeidsmarkt {doc['regio_naam']}"}]
            + [{"soort": "sectie", "titel": s["titel"], "sectie": s} for s in doc["secties"]]
            + [{"soort": "opgaven", "titel": doc["opgaven"]["titel"]}])


def _tabel_html(fig: figuren.Figuur) -> str:
    """The slide's figure data as an HTML table for screen readers and text search, visually hidden: a slide
    fits one screen, and its chart shows the numbers as labels (issue 15)."""
    tabel = fig.tabel if fig.tabel is not None else (
        tonen.tabel_uit_grafiek(fig.grafiek.plotly()) if fig.grafiek is not None else None)
    return "" if tabel is None else components.html_tabel(tabel, f"Gegevens: {fig.titel}", verborgen=True)


def toon_document(doc: dict) -> None:
    """Every section: its text, then its figures (title, sentence, chart, notes, bron, table)."""
    for s in doc["secties"]:
        st.header(s["titel"], anchor=s["id"], divider="blue")
        st.markdown("\n\n".join(s["alineas"]))
        for f in s["figuren"]:
            fig = figuren.van_dict(f)
            tonen.toon(fig, key=f"analyse-{s['id']}-{fig.sleutel}")   # with its data as a table
    o = doc["opgaven"]
    st.header(o["titel"], anchor="opgaven", divider="blue")
    st.markdown(o["inleiding"])
    for x in o["lijst"]:
        st.markdown(f"**{x['naam']}**: ‘{x['tekst']}’")
    st.caption(f"Bron: {o['bron']}")


def toon_dia(doc: dict, nr: int, versie: str) -> None:
    """Slide `nr` (1-based) of the document, sized to fit one screen."""
    from html import escape

    from dashboard.kern import format as fmt

    st.html(DIA_CSS)
    dia = dias(doc)[nr - 1]
    st.html(f'<h1 class="dia-titel">{escape(dia["titel"])}</h1>')
    if dia["soort"] == "titel":
        build = doc.get("build") or {}
        st.html('<div class="dia-tekst">'
                f"<p>Regionaal Beraad · {escape(versie)}</p>"
                f"<p>Arbeidsmarktregio {escape(doc['regio_naam'])} ({escape(doc['regio'])}), "
                f"vergeleken met {escape(doc['vergelijk_naam'])}.</p>"
                f"<p>Cijfers uit het datawarehouse van {escape(fmt.datum_tijd(build.get('built_at')))}. "
                "Elke figuur noemt haar bron en peildatum.</p>"
                "<p>" + " · ".join(escape(s["titel"]) for s in doc["secties"]) + "</p></div>")
        return
    if dia["soort"] == "opgaven":
        o = doc["opgaven"]
        st.html('<div class="dia-tekst"><p>' + escape(o["inleiding"]) + "</p></div>"
                + "".join(f'<div class="dia-opgave"><b>{escape(x["naam"])}</b>: ‘{escape(x["tekst"])}’</div>'
                          for x in o["lijst"])
                + f'<div class="dia-bron">Bron: {escape(o["bron"])}</div>')
        return
    s = dia["sectie"]
    alineas = [s["alineas"][i] for i in s.get("dia", range(len(s["alineas"]))) if i < len(s["alineas"])]
    hoofd = s["figuren"][0] if s["figuren"] else None
    links, rechts = st.columns([5, 6] if hoofd else [1, 0.001], gap="large")
    links.html('<div class="dia-tekst">' + "".join(f"<p>{escape(a)}</p>" for a in alineas) + "</div>")
    if hoofd:
        fig = figuren.van_dict(hoofd)
        with rechts:
            st.html(f'<div class="dia-tekst"><p><b>{escape(fig.titel)}</b></p></div>')
            if fig.grafiek is not None:
                st.plotly_chart(_dia_grafiek(fig.grafiek), config={"displayModeBar": False, "locale": "nl"},
                                key=f"dia-{s['id']}", theme=None, alt=f"{fig.titel}. {fig.zin}".strip(" ."))
            st.html(f'<div class="dia-bron">Bron: {escape(fig.bron)} · Peildatum: {escape(fig.peildatum)}</div>'
                    + _tabel_html(fig))

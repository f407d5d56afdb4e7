"""The Analyse arbeidsmarkt as a page to read: every section with its text and all its figures, each
figure with its data as an HTML table one click away (issue 15).

A warm rerun of this page used to rebuild about 140 Streamlit elements (a header, a markdown block, the
captions, an expander and a table per figure), and Streamlit's element construction was most of its cost
(issues 14 and 16: the page was 2,4x an ordinary page). Here the whole document is made once per document
(a warehouse build, or a saved version) as a short list of blocks: one HTML block for everything between
two charts, and the charts themselves. A rerun only sends those blocks: about 30 elements, each produced
identically, so Streamlit's message cache spares the browser what it already has."""
from __future__ import annotations

from html import escape

from dashboard.analyse import document
from dashboard.export.opmaak import md
from dashboard.figuren import figuur as figuren
from dashboard.figuren import tonen
from dashboard.kern import components, klaar

# Streamlit's own heading, caption and expander look (measured in the browser), for HTML we write ourselves
CSS = """<style>
.an-doc h2 { font-size: 2.25rem; font-weight: 600; line-height: 1.2; padding: 1rem 0 0; margin: 0; scroll-margin-top: 4rem; }
.an-doc hr.an-lijn { height: 2px; border: 0; border-radius: 9999px; background: #3b82f6; margin: .5rem 0 1rem; }
.an-doc h3 { font-size: 1.5rem; font-weight: 600; line-height: 1.2; padding: .5rem 0 0; margin: 0 0 1rem; }
.an-doc p, .an-doc .an-zin { margin: 0 0 1rem; }
.an-doc .an-noot, .an-doc .an-bron { font-size: .875rem; color: #52606d; margin: 0 0 1rem; }
.an-doc .an-uitleg { margin: 0 0 1rem; }
.an-doc .an-uitleg ul { margin: 0 0 1rem; padding-left: 1.4rem; }
.an-doc .an-melding { padding: .75rem 1rem; border-radius: .5rem; margin: 0 0 1rem; color: #1f2933; }
.an-doc .an-info { background: #e8f1f8; }
.an-doc .an-success { background: #e6f4ea; }
.an-doc .an-warning { background: #fdf3d8; }
.an-doc details.an-def { display: inline; margin-left: .3rem; }
.an-doc details.an-def > summary { display: inline-block; cursor: pointer; list-style: none; width: 1.25rem; height: 1.25rem;
  line-height: 1.15rem; border: 1px solid #52606d; border-radius: 50%; text-align: center; font-size: .8rem; color: #3e4c59; }
.an-doc details.an-def > summary::-webkit-details-marker { display: none; }
.an-doc details.an-def[open] > div { font-size: .9rem; color: #3e4c59; margin: .3rem 0 .6rem; }
.an-doc details.an-gegevens { border: 1px solid rgba(47, 45, 43, .2); border-radius: .5rem; margin: 0 0 1rem; }
.an-doc details.an-gegevens > summary { cursor: pointer; padding: .45rem .75rem; font-size: .875rem; }
.an-doc details.an-gegevens[open] > summary { border-bottom: 1px solid rgba(47, 45, 43, .2); }
.an-doc details.an-gegevens > .tg-wrap { margin: .6rem .75rem .75rem; }
.an-doc .an-inhoud a { color: #1b5e8c; }
</style>"""

TABEL_LABEL = "Gegevens als tabel"   # on this page a figure brings no download (a saved version has no export frame)


def _regels(tekst: str) -> str:
    """A figure's explanation (the little markdown the figures use: **vet**, *cursief*, lines as a '- ' list)."""
    regels = [r for r in str(tekst).splitlines() if r.strip()]
    if regels and all(r.lstrip().startswith("- ") for r in regels):
        return '<ul>' + "".join(f"<li>{md(r.lstrip()[2:])}</li>" for r in regels) + "</ul>"
    return "".join(f"<p>{md(r)}</p>" for r in regels)


def _kop(fig: figuren.Figuur) -> str:
    """Title, sentence (with its definition one click away), message box and figure cards."""
    delen = []
    if fig.titel:
        delen.append(f"<h3>{escape(fig.titel)}</h3>")
    if fig.zin or fig.definitie:
        uitleg = ""
        if fig.definitie:
            # a <details>: reachable and opened by keyboard and read by screen readers (a tooltip is not)
            uitleg = (f'<details class="an-def"><summary title="Definitie" aria-label="Definitie bij '
                      f'{escape(fig.titel or fig.sleutel)}">?</summary><div>{escape(fig.definitie)}</div></details>')
        delen.append(f'<div class="an-zin">{md(fig.zin)}{uitleg}</div>')   # a <details> may not sit in a <p>
    if fig.melding:
        soort = fig.melding_soort if fig.melding_soort in ("success", "warning") else "info"
        delen.append(f'<div class="an-melding an-{soort}" role="note">{md(fig.melding)}</div>')
    if fig.html is not None:
        delen.append(fig.html)
    return "".join(delen)


def _staart(fig: figuren.Figuur) -> str:
    """Notes, explanation, bron/peildatum and the data as a table, folded away (one click: Enter or Space)."""
    delen = [f'<p class="an-noot">{md(n)}</p>' for n in fig.notities if n]
    if fig.uitleg:
        delen.append(f'<div class="an-uitleg">{_regels(fig.uitleg)}</div>')
    if fig.bron:
        delen.append(f'<p class="an-bron">Bron: {escape(fig.bron)} · Peildatum: {escape(fig.peildatum)}</p>')
    tabel = tonen.tabel_van(fig)
    if tabel is not None:
        label = TABEL_LABEL if fig.tabel_label == figuren.Figuur.tabel_label else fig.tabel_label
        tabel_html = components.html_tabel(tabel, f"Gegevens: {fig.titel or label}", len(tabel) > components.LANG)
        delen.append(f'<details class="an-gegevens"{" open" if fig.tabel_open else ""}>'
                     f"<summary>{escape(label)}</summary>{tabel_html}</details>")
    return "".join(delen)


def _alt(fig: figuren.Figuur) -> str:
    return ". ".join(t.rstrip(".") for t in (fig.titel, fig.zin) if t) + "."


def maak_blokken(doc: dict) -> list[tuple]:
    """The page as blocks: ('html', element) for everything between two charts, ('grafiek', recipe, key, alt)."""
    blokken: list[tuple] = []
    html = [CSS, '<p class="an-inhoud">'
            + " · ".join(f'<a href="#{escape(s["id"])}">{escape(s["titel"])}</a>' for s in doc["secties"])
            + f' · <a href="#opgaven">{escape(doc["opgaven"]["titel"])}</a></p>']

    def html_blok():
        if html:
            # st.html's element, made once (klaar.html): st.html would dedent the 55 kB, check them as a file path
            # and scan them for style tags in every rerun
            blokken.append(("html", klaar.html('<div class="an-doc">' + "".join(html) + "</div>")))
            html.clear()

    for s, figs in zip(doc["secties"], document.figuren(doc), strict=True):
        html.append(f'<h2 id="{escape(s["id"])}">{escape(s["titel"])}</h2><hr class="an-lijn">')
        html += [f"<p>{escape(a)}</p>" for a in s["alineas"]]
        for fig in figs:
            html.append(_kop(fig))
            if fig.grafiek is not None:
                html_blok()
                blokken.append(("grafiek", fig.grafiek, f"analyse-{s['id']}-{fig.sleutel}", _alt(fig)))
            html.append(_staart(fig))
    o = doc["opgaven"]
    html.append(f'<h2 id="opgaven">{escape(o["titel"])}</h2><hr class="an-lijn"><p>{escape(o["inleiding"])}</p>')
    html += [f"<p><strong>{escape(x['naam'])}</strong>: ‘{escape(x['tekst'])}’</p>" for x in o["lijst"]]
    html.append(f'<p class="an-bron">Bron: {escape(o["bron"])}</p>')
    html_blok()
    return blokken


def blokken(doc: dict) -> list[tuple]:
    """The page's blocks, made once per document (treat as read-only)."""
    return document.per_document(doc, "lezen", maak_blokken)


def toon(doc: dict) -> None:
    """Every section: its text, then its figures (title, sentence, chart, notes, bron, table)."""
    for blok in blokken(doc):   # st.html's and st.plotly_chart's own elements, made once (kern/klaar.py)
        klaar.teken(blok[1] if blok[0] == "html" else tonen.klare_grafiek(blok[1], blok[2], blok[3]))


"""Showing an Analyse arbeidsmarkt document in Streamlit: as a page to read
(every section with all its figures) and as slides for the Regionaal Beraad
(one section per screen, large type, the slide number in the URL)."""
from __future__ import annotations

from functools import lru_cache

import streamlit as st

from dashboard.analyse import document
from dashboard.figuren import figuur as figuren
from dashboard.figuren import tonen
from dashboard.kern import components, klaar

DIA_CSS = """
<style>
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stSidebar"] { display: none; }
.block-container { padding: .8rem 2rem .2rem !important; max-width: 100% !important; }
.dia-titel { padding: 0 !important; font-size: clamp(1.6rem, 2.7vw, 3.1rem); font-weight: 700; margin: 0 0 .3rem;
             line-height: 1.12; }
.dia-tekst p { font-size: clamp(1rem, 1.25vw, 1.6rem); line-height: 1.35; margin: 0 0 .6rem; }
.dia-fig { font-size: clamp(1rem, 1.2vw, 1.5rem); font-weight: 600; margin: 0 0 .2rem; line-height: 1.25; }
.dia-bron { font-size: clamp(.85rem, .95vw, 1.1rem); color: #52606d; }
.dia-opgave { font-size: clamp(1rem, 1.3vw, 1.55rem); margin: 0 0 .6rem; }
.dia-kaarten .kc-grid { grid-template-columns: repeat(5, 1fr) !important; gap: .6rem !important; }
@media (max-width: 640px) {   /* 200 % zoom: two cards a row, the slide scrolls down, never sideways */
  .dia-kaarten .kc-grid { grid-template-columns: repeat(2, minmax(0, 1fr)) !important; }
}
.dia-kaarten .kc-card { padding: .5rem .7rem !important; }
.dia-kaarten .kc-value { font-size: clamp(1.4rem, 2vw, 2.4rem) !important; }
.dia-kaarten .kc-label, .dia-kaarten .kc-qual { font-size: clamp(.95rem, 1vw, 1.25rem) !important; }
.dia-kaarten .kc-bron { font-size: clamp(.8rem, .8vw, 1rem) !important; line-height: 1.3; }
.dia-titelpagina { margin: 6vh 0 8vh; }
.dia-titelpagina p { font-size: clamp(1.2rem, 2vw, 2.4rem) !important; margin-bottom: 1.1rem !important; }
/* the chart's numbers as a table in its place (Toon tabel): slide type, scrolling inside the chart's room */
.dia-tabel .tg-wrap { max-height: inherit; overflow-y: auto; margin: 0; }
.dia-tabel table.tg { font-size: clamp(1rem, 1.2vw, 1.5rem); min-width: 100%; }
.dia-tabel table.tg caption { font-size: clamp(.95rem, 1vw, 1.2rem); }
.dia-tabel table.tg thead th { position: sticky; top: 0; }
</style>
"""

# Keyboard and presentation clicker (a clicker sends PageDown/PageUp). Streamlit has no key events:
# this script presses the slide's own buttons (the navigation row, dianav.py), which put ?dia= in the URL (T: the slide's
# Toon tabel button). Space and Enter on a focused button or link press that button, as everywhere. It also tells
# the server the window size (?scherm=BxH, one reload when it changes; Streamlit reads the URL's
# parameters when the page loads) so the chart is drawn to fill the screen, and shrinks the
# text of a slide that would otherwise scroll.
DIA_SCRIPT = """
<script>
(() => {
  // the navigation row's buttons (dianav.py) and the slide's own Toon tabel button
  const knop = (k) => document.querySelector('.dia-nav [data-knop="' + k + '"], .st-key-' + k + ' button');
  if (!window.__beraadToetsen) {
    window.__beraadToetsen = true;
    document.addEventListener('keydown', (e) => {
      if (!knop('dia-sluiten')) return;                          // not presenting
      const t = e.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if ((e.key === ' ' || e.key === 'Enter') && t && t.closest && t.closest('button, a, summary')) return;
      const doel = {ArrowRight: 'dia-volgende', PageDown: 'dia-volgende', ' ': 'dia-volgende',
                    ArrowLeft: 'dia-vorige', PageUp: 'dia-vorige', Home: 'dia-eerste', End: 'dia-laatste',
                    Escape: 'dia-sluiten', t: 'dia-tabel', T: 'dia-tabel'}[e.key];
      if (!doel) return;
      e.preventDefault();
      const b = knop(doel);
      if (b && !b.disabled) b.click();
    }, true);
  }
  // the buttons are drawn after this script: wait for them
  const meld = (n) => {
    const b = knop('dia-sluiten');   // the last of the slide's buttons
    if (!b) { if (n < 100) setTimeout(() => meld(n + 1), 50); return; }
    const maat = window.innerWidth + 'x' + window.innerHeight;
    const url = new URL(window.location.href);
    if (url.searchParams.get('scherm') !== maat) {   // once per window size: the server reads it on load
      url.searchParams.set('scherm', maat);
      window.location.replace(url);
    }
  };
  meld(0);
  if (!window.__beraadMaat) {
    window.__beraadMaat = true;
    let wacht;
    window.addEventListener('resize', () => { clearTimeout(wacht); wacht = setTimeout(() => meld(0), 300); });
  }
  // no scrolling: make the text smaller until the slide fits the window
  const past = () => {
    const main = document.querySelector('[data-testid="stMain"]') || document.scrollingElement;
    const teksten = [...document.querySelectorAll('.dia-tekst p, .dia-opgave, .dia-kaarten .kc-bron, .dia-kaarten .kc-label')];
    let n = 0, voor = main.scrollHeight;
    while (main.scrollHeight > main.clientHeight + 1 && n++ < 30) {
      for (const p of teksten) {
        const grootte = parseFloat(getComputedStyle(p).fontSize);
        if (grootte <= 14) return;
        p.style.fontSize = (grootte - 1) + 'px';
      }
      if (n > 2 && main.scrollHeight >= voor) {   // the text is not what is too high: leave it
        for (const p of teksten) p.style.fontSize = '';
        return;
      }
    }
  };
  setTimeout(past, 300);
})();
</script>
"""

STANDAARD_SCHERM = (1280, 720)
SMAL = 640   # Streamlit stacks columns at this window width and below


def scherm(waarde: str | None) -> tuple[int, int]:
    """'1920x1080' from the URL -> (1920, 1080); anything else -> the 1280x720 default."""
    try:
        b, h = (int(x) for x in str(waarde).lower().split("x"))
    except (TypeError, ValueError):
        return STANDAARD_SCHERM
    if not (320 <= b <= 8000 and 240 <= h <= 5000):
        return STANDAARD_SCHERM
    return b, h


def dia_maten(breedte: int, hoogte: int) -> dict:
    """Chart width, height and type size for a slide in a window of `breedte` x `hoogte` CSS px:
    the chart fills the column beside the text and the height left under the title; its type is
    18 px at 1080 and scales with the screen (never under 12 px). At 640 px and less (1280 px at
    200 % zoom) Streamlit puts the columns under each other: the chart then takes the whole width."""
    titel = min(max(breedte * 0.027, 25.6), 49.6) * 1.12 + 8
    # padding, figure title (2 lines), bron line with the Toon tabel button, navigation, gaps
    vrij = hoogte - titel - 13 - 64 - 46 - 60 - 60
    if breedte <= SMAL:
        kolom = breedte - 64                         # the whole width minus the padding
    else:
        kolom = (breedte - 64 - 48) * 7 / 12         # the right-hand column (5:7) minus padding and gap
    return {"breedte": int(kolom * 0.97), "hoogte": int(max(vrij, 220)), "letter": max(12, round(18 * hoogte / 1080))}


@lru_cache(maxsize=64)
def dia_grafiek(recept: figuren.Grafiek, breedte: int, hoogte: int, letter: int):
    """The chart in slide size: as wide and high as the slide leaves it, labels in slide type."""
    from dashboard.figuren import charts
    fig = recept.plotly()
    fig.update_layout(height=hoogte)
    return tonen.vast(charts.drukklaar(fig, breedte, letter))   # cached: its dict made once


@lru_cache(maxsize=64)
def dia_element(recept: figuren.Grafiek, breedte: int, hoogte: int, letter: int, key: str, alt: str):
    """The slide's chart as st.plotly_chart's element, made once (kern/klaar.py): as wide as the chart itself."""
    return klaar.grafiek(klaar.slank(dia_grafiek(recept, breedte, hoogte, letter)), key, alt, tonen.CONFIG,
                         width="content")


def dias(doc: dict) -> list[dict]:
    """The slides: a title slide; per section one slide per figure (the section's text on its first
    figure's slide, a section without figures as one text slide); the opgaven; the sources."""
    uit = [{"soort": "titel", "titel": f"Analyse arbeidsmarkt {doc['regio_naam']}"}]
    for s in doc["secties"]:
        if s.get("presentatie") is False:
            continue
        figs = s["figuren"] or [None]
        for i, f in enumerate(figs):
            titel = s["titel"] if len(figs) == 1 else f"{s['titel']} ({i + 1}/{len(figs)})"
            uit.append({"soort": "sectie", "titel": titel, "sectie": s, "figuur": f, "eerste": i == 0})
    uit.append({"soort": "opgaven", "titel": doc["opgaven"]["titel"]})
    uit.append({"soort": "bronnen", "titel": "Bronnen"})
    return uit


def periode(doc: dict) -> str:
    """The peildata of the figures, in document order: 'september 2025, Q2 2025 en 2025'."""
    from dashboard.figuren import samenvatting
    gezien: list[str] = []
    for s in doc["secties"]:
        for f in s["figuren"]:
            for deel in str(f.get("peildatum") or "").split(", "):
                deel = deel.split(" (")[0].strip()
                if deel and deel != "niet vermeld" and deel not in gezien:
                    gezien.append(deel)
    return samenvatting.opsomming(gezien) if gezien else ""


def bronnen(doc: dict) -> list[tuple[str, str, str]]:
    """(figure title, bron, peildatum) of every figure with a source, in document order."""
    return [(f["titel"] or s["titel"], f["bron"], f["peildatum"]) for s in doc["secties"] for f in s["figuren"]
            if f.get("bron")]


TABEL = "tabel"   # ?tabel=<slide number>: that slide shows its figure's table in the chart's place


def dia_tabel(fig: figuren.Figuur):
    """The figure's numbers as a table (its own table, else the chart's series), or None."""
    return tonen.tabel_van(fig)


def tabel_getoond(nr: int) -> bool:
    return st.query_params.get(TABEL) == str(nr)


def _wissel_tabel(nr: int | None) -> None:
    """Show slide `nr`'s table (None: its chart again). In the URL: it survives the reload that
    tells the server the window size, and a link can open a slide with its table."""
    if nr is None:
        st.query_params.pop(TABEL, None)
    else:
        st.query_params[TABEL] = str(nr)


@lru_cache(maxsize=256)
def _kop(nr: int, aantal: int, grafiek: int, titel: str) -> klaar.Klaar:
    """The slide's style, keyboard script and title as one ready element (kern/klaar.py), made once per slide:
    st.html would otherwise dedent the 6 kB, check it as a file path and scan it for style tags in every switch."""
    from html import escape
    kop = (DIA_CSS + DIA_SCRIPT.replace("<script>", f"<script data-dia='{nr}'>")
           + f'<h1 class="dia-titel" data-dia="{nr}" data-dias="{aantal}" data-grafiek="{grafiek}">{escape(titel)}</h1>')
    return klaar.html(kop.strip(), unsafe_allow_javascript=True)


def _html(plek, tekst: str) -> None:
    """st.html of HTML made here (escaped where it holds data), as st.html sends it (kern/klaar.py), without its
    dedent, file-path check and scan for style tags."""
    klaar.teken(klaar.html(tekst.strip()), plek)


def toon_dia(doc: dict, nr: int, versie: str, maten: dict | None = None) -> None:
    """Slide `nr` (1-based) of the document, sized to fit one screen (`maten` from dia_maten)."""
    from html import escape

    from dashboard.kern import format as fmt

    maten = maten or dia_maten(*STANDAARD_SCHERM)
    alle = dias(doc)
    dia = alle[nr - 1]
    grafiek = int(bool(dia.get("figuur") and dia["figuur"].get("grafiek")))
    # style, keyboard script and title in one element (each element costs every slide switch)
    klaar.teken(_kop(nr, len(alle), grafiek, dia["titel"]))
    if dia["soort"] == "titel":
        build = doc.get("build") or {}
        tijd = periode(doc)
        _html(st, '<div class="dia-tekst dia-titelpagina">'
                f"<p><b>Regionaal Beraad</b> · versie: {escape(versie)}</p>"
                f"<p>Arbeidsmarktregio {escape(doc['regio_naam'])} ({escape(doc['regio'])}), "
                f"vergeleken met {escape(doc['vergelijk_naam'])}.</p>"
                + (f"<p>Periode: cijfers met peildatum {escape(tijd)}.</p>" if tijd else "")
                + f"<p>Cijfers uit het datawarehouse van {escape(fmt.datum_tijd(build.get('built_at')))}. "
                "Elke dia noemt haar bron en peildatum.</p>"
                "<p>Inhoud: " + " · ".join(escape(s["titel"]) for s in doc["secties"]) + "</p></div>")
        return
    if dia["soort"] == "opgaven":
        o = doc["opgaven"]
        _html(st, '<div class="dia-tekst"><p>' + escape(o["inleiding"]) + "</p></div>"
                + "".join(f'<div class="dia-opgave"><b>{escape(x["naam"])}</b>: ‘{escape(x["tekst"])}’</div>'
                          for x in o["lijst"])
                + f'<div class="dia-bron">Bron: {escape(o["bron"])}</div>')
        return
    if dia["soort"] == "bronnen":
        regels = "".join(f"<p><b>{escape(t)}</b>: {escape(b)} · peildatum {escape(p)}</p>" for t, b, p in bronnen(doc))
        afw = next((f for s in doc["secties"] for f in s["figuren"] if f["sleutel"] in ("afwijkingen-regio", "bronnen-afwijkingen")), None)
        if afw and afw.get("tabel"):
            regels += (f"<p>{len(afw['tabel']['data'])} gedrukte cijfers wijken af van de som van hun rijen of van "
                       "elkaar; de export en de pagina Bronnen en actualiteit noemen ze.</p>")
        _html(st, f'<div class="dia-tekst">{regels}</div>')
        return
    s, hoofd = dia["sectie"], dia["figuur"]
    if dia["eerste"]:
        alineas = [s["alineas"][i] for i in s.get("dia", range(len(s["alineas"]))) if i < len(s["alineas"])]
    else:
        alineas = [hoofd["zin"]] if hoofd and hoofd.get("zin") else []
    if hoofd and hoofd.get("grafiek") is None and hoofd.get("html"):
        # figure cards: below the text, across the whole slide
        _html(st, '<div class="dia-tekst">' + "".join(f"<p>{escape(a)}</p>" for a in alineas) + "</div>")
        _html(st, f'<div class="dia-kaarten">{hoofd["html"]}</div>')
        return
    links, rechts = st.columns([5, 7] if hoofd else [1, 0.001], gap="large")
    _html(links, '<div class="dia-tekst">' + "".join(f"<p>{escape(a)}</p>" for a in alineas) + "</div>")
    if hoofd:
        with rechts:
            figuur_op_dia(document.figuur_van(doc, hoofd), nr, s["id"], maten)


def figuur_op_dia(fig: figuren.Figuur, nr: int, sectie: str, maten: dict) -> None:
    """Title, chart (or, after Toon tabel, its numbers as a table in the chart's place), bron, and the
    Toon tabel / Toon grafiek button (also key T). With the chart shown its table is still there for
    screen readers, visually hidden (issue 15)."""
    from html import escape

    if fig.titel:
        _html(st, f'<div class="dia-fig">{escape(fig.titel)}</div>')
    tabel = dia_tabel(fig) if fig.grafiek is not None else None
    als_tabel = tabel is not None and tabel_getoond(nr)
    bijschrift = f"Gegevens: {fig.titel}"
    if als_tabel:
        _html(st, f'<div class="dia-tabel" style="max-height: {maten["hoogte"]}px">'
              + components.html_tabel(tabel, bijschrift) + "</div>")
    elif fig.grafiek is not None:
        klaar.teken(dia_element(fig.grafiek, maten["breedte"], maten["hoogte"], maten["letter"],
                                f"dia-{sectie}-{fig.sleutel}", f"{fig.titel}. {fig.zin}".strip(" .")))
    elif fig.html:
        _html(st, f'<div class="dia-kaarten">{fig.html}</div>')
    verborgen = components.verborgen_tabel(tabel, bijschrift) if tabel is not None and not als_tabel else ""
    if tabel is not None:   # one flex row: the bron line, then the button as wide as its text
        bron = knop = st.container(horizontal=True, vertical_alignment="center", gap="medium")
    else:
        bron, knop = st.container(), None
    if fig.bron:
        _html(bron, f'<div class="dia-bron">Bron: {escape(fig.bron)} · Peildatum: {escape(fig.peildatum)}</div>'
              + verborgen)
    elif verborgen:
        _html(bron, verborgen)
    if knop is not None:
        knop.button("Toon grafiek" if als_tabel else "Toon tabel", key="dia-tabel",
                    icon=":material/bar_chart:" if als_tabel else ":material/table:",
                    help=("De grafiek weer tonen (T)" if als_tabel else "De cijfers van deze grafiek als tabel (T)"),
                    on_click=_wissel_tabel, args=(None if als_tabel else nr,))

"""Shared page pieces: the source line, downloads, and the guard that turns a
missing dataset into a Dutch message instead of a crashed page."""
from __future__ import annotations

import io
import math
import numbers
import re
import weakref
from contextlib import contextmanager
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

from dashboard.kern import db, klaar
from dashboard.kern import format as fmt
from dashboard.kern.geheugen import eenmalig

REFRESH_HINT = "Ververs het datawarehouse met `python -m etl.refresh --offline` (of `make run`)."


@contextmanager
def figuur(titel: str):
    """Render one figure; if its data is missing, say so and let the rest of the page render."""
    try:
        yield
    except db.WarehouseOntbreekt as exc:
        st.error(f"**{titel}**: er is nog geen datawarehouse ({exc}). {REFRESH_HINT}")
    except db.DataOntbreekt as exc:
        st.warning(f"**{titel}**: de gegevens voor deze figuur ontbreken in het datawarehouse "
                   f"(query `{exc.query}`: {exc.detail}). {REFRESH_HINT}")


def grafiek(builder, *args, key: str, alt: str | None = None, **kwargs) -> None:
    """Show builder(*args, **kwargs) (a pure function from dashboard.figuren.charts),
    built once per distinct input: plotly figure construction costs more
    than the rest of a page. Drawn without Streamlit's chart theme (it overrides the house style's
    label colours and sizes); `alt` is its accessible name (default: what its series are)."""
    def hashbaar(x):
        return tuple(x) if isinstance(x, list) else x
    fig = _figuur(builder, tuple(hashbaar(a) for a in args),
                  tuple(sorted((k, hashbaar(v)) for k, v in kwargs.items())))
    st.plotly_chart(fig, config={"displayModeBar": False, "locale": "nl"}, key=key, theme=None,
                    alt=alt or _alt(fig))


def _alt(fig) -> str:
    namen = [t.name for t in fig.data if getattr(t, "name", None)]
    return ("Grafiek van " + ", ".join(namen) if namen else "Grafiek") + "; de cijfers staan in de tabel eronder."


@eenmalig(maxsize=512)
def _figuur(builder, args: tuple, kwargs: tuple):
    """Any builder (dashboard.figuren.charts, dashboard.monitor.charts), called once per distinct input."""
    return leesbaar(builder(*args, **dict(kwargs)))


def leesbaar(fig):
    """Labels as the house style means them once Streamlit's chart theme is off (theme=None): axes make
    room for their labels (the theme did that; without it category names are cut off), and tick, axis
    title and legend text in the house text colour (14,5:1; size from the house font, 15 px)."""
    from dashboard.figuren.charts import TEKST_KLEUR
    fig.update_xaxes(automargin=True, tickfont_color=TEKST_KLEUR, title_font_color=TEKST_KLEUR)
    fig.update_yaxes(automargin=True, tickfont_color=TEKST_KLEUR, title_font_color=TEKST_KLEUR)
    fig.update_layout(legend_font_color=TEKST_KLEUR)
    return smal_leesbaar(fig)


def smal_leesbaar(fig):
    """Room for every label at 640 px (1280 px at 200 % zoom, WCAG 1.4.10), where automargin does not
    help: a value printed outside a horizontal bar reaches past the plot into the right margin, so that
    margin is as wide as the widest such value; an axis title longer than the plot is wide goes onto
    two lines."""
    from dashboard.figuren.charts import tekst_breedte, vouw
    grootte = fig.layout.font.size or 15
    buiten = [str(t) for tr in fig.data if getattr(tr, "orientation", None) == "h"
              and getattr(tr, "textposition", None) == "outside" for t in (tr.text or ()) if t]
    if buiten:
        nodig = math.ceil(max(tekst_breedte(t, grootte) for t in buiten)) + 10
        if (fig.layout.margin.r or 0) < nodig:
            fig.update_layout(margin_r=nodig)
    for as_ in (fig.layout.xaxis, fig.layout.yaxis):
        titel = as_.title.text if as_.title else None
        if titel and "<br>" not in titel and len(titel) > AS_TITEL_TEKENS:
            as_.title.text = vouw(titel, AS_TITEL_TEKENS)
    # long category names of horizontal bars on two lines where a row is high enough: at 640 px one-line
    # names of 60 characters left the bars a strip of 80 px
    categorieen: list = []
    for tr in fig.data:
        if getattr(tr, "orientation", None) == "h":
            categorieen += [c for c in (tr.y or ()) if isinstance(c, str) and c not in categorieen]
    if categorieen and fig.layout.yaxis.tickmode != "array" and max(map(len, categorieen)) > CATEGORIE_TEKENS:
        rij = ((fig.layout.height or 360) - 120) / len(categorieen)
        if rij >= 2.4 * grootte and not any("<br>" in c for c in categorieen):
            fig.update_yaxes(tickmode="array", tickvals=categorieen,
                             ticktext=[vouw(c, CATEGORIE_TEKENS) if len(c) > CATEGORIE_TEKENS else c
                                       for c in categorieen])
    return fig


AS_TITEL_TEKENS = 34   # an axis title fits a 640 px chart beside its category labels in this many characters
CATEGORIE_TEKENS = 32  # a category name longer than this goes onto two lines where the row allows it


def bron_tekst(bron: str, peildatum: str) -> str:
    return f"Bron: {bron} · Peildatum: {peildatum}"


def _met_herkomst(df: pd.DataFrame, bron: str, peildatum: str) -> pd.DataFrame:
    """The download frame: Dutch headers, values rounded as the page shows them (numbers stay numbers)."""
    out = df.copy()
    for col in out.select_dtypes("datetimetz").columns:
        # Excel has no time zones: write Dutch local time
        out[col] = out[col].dt.tz_convert("Europe/Amsterdam").dt.tz_localize(None)
    for col in out.select_dtypes("float").columns:
        values = out[col].dropna()
        if len(values) and (values == values.round()).all():
            out[col] = out[col].astype("Int64")  # 4950, not 4950,0
        else:
            out[col] = out[col].round(export_decimalen(str(col)))
    if bron:   # a table whose rows name their own source has no single bron/peildatum
        out["bron"] = bron
        out["peildatum"] = peildatum
    return out.rename(columns={c: kolomkop(str(c)) for c in out.columns})


_FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")
_GETAL = re.compile(r"[+-]?[\d.]+(,\d+)?%?")


def onschadelijk(waarde):
    """A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR first: OWASP's CSV
    injection) gets a leading apostrophe and stays text; numbers, and texts that are just a Dutch number
    ('-4%', '-1.900'), stay as they are."""
    if isinstance(waarde, str) and waarde.startswith(_FORMULE_BEGIN) and not _GETAL.fullmatch(waarde):
        return "'" + waarde
    return waarde


def onschadelijk_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Every text cell and header of a download through `onschadelijk`."""
    uit = df.copy()
    for i in range(uit.shape[1]):   # by position: a download may repeat a column name
        kolom = uit.iloc[:, i]
        if kolom.dtype == object or pd.api.types.is_string_dtype(kolom):
            uit.isetitem(i, kolom.map(onschadelijk))
    uit.columns = [onschadelijk(c) for c in uit.columns]
    return uit


def _toelichting(bron: str, peildatum: str, definitie: str | None, notities: tuple) -> list[tuple[str, str]]:
    regels = [("Bron", bron), ("Peildatum", peildatum), ("Definitie", definitie or "")]
    regels += [("Noot", n) for n in notities if n]
    return [(k, onschadelijk(v)) for k, v in regels if v]


def csv_bytes(df: pd.DataFrame, bron: str, peildatum: str, definitie: str | None = None,
              notities: tuple = ()) -> bytes:
    """Semicolon and decimal comma (opens correctly in Dutch Excel); after one empty line the
    notes: bron, peildatum, definitie and the figure's footnotes, one per row."""
    tekst = onschadelijk_frame(_met_herkomst(df, bron, peildatum)).to_csv(index=False, sep=";", decimal=",")
    regels = _toelichting(bron, peildatum, definitie, notities)
    if regels:
        noten = pd.DataFrame(regels, columns=["Toelichting", "Tekst"]).to_csv(index=False, sep=";")
        tekst += "\n" + noten
    return tekst.encode("utf-8-sig")


def excel_bytes(df: pd.DataFrame, bron: str, peildatum: str, definitie: str | None = None,
                notities: tuple = ()) -> bytes:
    """The data on sheet 'gegevens', the notes (bron, peildatum, definitie, footnotes) on sheet 'toelichting'."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        onschadelijk_frame(_met_herkomst(df, bron, peildatum)).to_excel(writer, index=False, sheet_name="gegevens")
        regels = _toelichting(bron, peildatum, definitie, notities)
        if regels:
            pd.DataFrame(regels, columns=["Toelichting", "Tekst"]).to_excel(writer, index=False,
                                                                          sheet_name="toelichting")
    return buffer.getvalue()


_AFGELEID: dict[tuple, tuple] = {}


def _per_frame(df: pd.DataFrame, maak, *args):
    """maak(df, *args), made once per data frame: the frames come from the
    per-build caches of dashboard.kern.db, so this is once per build."""
    key = (id(df), maak.__name__, *args)
    hit = _AFGELEID.get(key)
    if hit is not None and hit[0]() is df:
        return hit[1]
    waarde = maak(df, *args)
    _AFGELEID[key] = (weakref.ref(df), waarde)
    weakref.finalize(df, _AFGELEID.pop, key, None)
    return waarde


def verborgen_tabel(df: pd.DataFrame, bijschrift: str) -> str:
    """The frame as a visually hidden HTML table (for screen readers and text search), made once per frame."""
    return _per_frame(df, html_tabel, bijschrift, False, True)


def _bestand(df: pd.DataFrame, soort: str, bron: str, peildatum: str, definitie: str | None = None,
             notities: tuple = ()) -> bytes:
    """The file bytes, made once per result. Passed as bytes: a deferred callable
    occasionally produced no download in Chromium and hid export errors until a click."""
    return _per_frame(df, csv_bytes if soort == "csv" else excel_bytes, bron, peildatum, definitie, tuple(notities))


def _arrow(df: pd.DataFrame) -> pa.Table:
    return pa.Table.from_pandas(df, preserve_index=False)


def html(tekst: str) -> None:
    """st.html of HTML that is ready as it is (a table, a figure's cards), sent as st.html sends it but made
    once per text (kern/klaar.py): st.html would dedent it, check it as a file path and scan it for style tags
    on every rerun. Not for HTML of style tags only (st.html sends those elsewhere)."""
    klaar.teken(_klaar_html(tekst))


@lru_cache(maxsize=512)
def _klaar_html(tekst: str) -> klaar.Klaar:
    return klaar.html(tekst)   # the texts are cached themselves (per frame, per figure): looked up by identity


def tabel(df: pd.DataFrame, bijschrift: str = "Gegevens als tabel") -> None:
    """A table as accessible HTML; a long one (more than LANG rows) also as the filterable canvas
    grid, converted to Arrow once per data frame (the frames are cached per build)."""
    if len(df) > LANG:
        st.dataframe(_per_frame(df, _arrow), hide_index=True, width="stretch")
    html(_per_frame(df, html_tabel, bijschrift, len(df) > LANG))


def downloads(df: pd.DataFrame, bestandsnaam: str, bron: str, peildatum: str, key: str,
              definitie: str | None = None, notities: tuple = ()) -> None:
    """CSV and Excel of a figure's data, with bron, peildatum, definitie and footnotes in the file."""
    # one horizontal row (one block message) instead of three columns (four): each message is a share of
    # the server's CPU in every rerun, and every figure has this row
    rij = st.container(horizontal=True)
    rij.download_button("CSV", data=_bestand(df, "csv", bron, peildatum, definitie, notities),
                        file_name=f"{bestandsnaam}.csv",
                        mime="text/csv", key=f"{key}-csv", on_click="ignore", icon=":material/download:")
    rij.download_button("Excel", data=_bestand(df, "xlsx", bron, peildatum, definitie, notities),
                        file_name=f"{bestandsnaam}.xlsx",
                        key=f"{key}-xlsx", on_click="ignore", icon=":material/download:",
                        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def kop(titel: str, zin: str, definitie: str | None = None) -> None:
    """A figure's title (the finding) and its one-sentence summary, in one element."""
    st.markdown(f"#### {titel}\n\n{zin}" if titel else zin, help=definitie)


def gegevens(tabel: pd.DataFrame, export: pd.DataFrame | None, bestandsnaam: str, bron: str, peildatum: str,
             key: str, label: str = "Gegevens als tabel en download", open: bool = False,
             bijschrift: str = "", definitie: str | None = None, notities: tuple = (), raster: bool = True,
             downloads_bij_openen: bool = False) -> None:
    """The figure's data as a real HTML table (caption, th scope, Dutch headers and numbers), one click
    away in an expander, with CSV and Excel downloads. A long table also gets the filterable grid, unless
    `raster` is False (then only the scrolling HTML table: the grid would show the same rows twice).
    `downloads_bij_openen`: the two download buttons are made only while the expander is open (opening it
    reruns the page). The table is always there; the buttons were in the closed expander too, where nobody can
    reach them (it is inert), but cost two widgets in every rerun."""
    vak = (st.expander(label, expanded=open, key=f"{key}-gegevens", on_change="rerun") if downloads_bij_openen
           else st.expander(label, expanded=open))
    with vak:
        if raster and len(tabel) > LANG:
            st.dataframe(_per_frame(tabel, _arrow), hide_index=True, width="stretch")
        html(_per_frame(tabel, html_tabel, bijschrift or label, len(tabel) > LANG))
        if export is not None and (not downloads_bij_openen or vak.open):
            downloads(export, bestandsnaam, bron, peildatum, key=key, definitie=definitie, notities=tuple(notities))


# --- Accessible HTML tables ---------------------------------------------------------------------
# Screen readers and text search cannot read st.dataframe's canvas grid; every figure's data is
# therefore also an HTML <table>. Frames may carry warehouse column names: they get Dutch headers
# here, numbers are formatted the Dutch way, and technical columns are left out.

LANG = 50   # rows above which a table also gets the (filterable, scrolling) canvas grid

KOLOMKOPPEN = {
    "regio_naam": "Gebied", "regio_code": "Regiocode", "regio": "Regio", "indicator": "Indicator",
    "label": "Onderwerp", "categorie": "Categorie", "waarde": "Waarde", "aandeel": "Aandeel",
    "eenheid": "Eenheid", "kwalificatie": "Toelichting", "periode": "Periode", "peildatum": "Peildatum",
    "bron": "Bron", "uitkering": "Uitkering", "dimensie": "Indeling", "maat": "Maat", "jaar": "Jaar",
    "kerncijfer": "Kerncijfer", "beroepsklasse": "Beroepsklasse", "vacatures": "Openstaande vacatures",
    "ww_uitkeringen": "WW-uitkeringen", "vacatures_per_ww": "Vacatures per WW-uitkering",
    "verschil": "Verschil", "mismatch": "Mismatch", "werknemers": "Banen werknemers",
    "zelfstandigen": "Banen zelfstandigen", "totaal": "Totaal", "titel": "Titel", "dataset": "Dataset",
    "vindplaats": "Vindplaats", "bestand": "Bestand", "rijen": "Rijen", "built_at": "Gebouwd",
    "aantal": "Aantal", "jaarmutatie": "Jaarmutatie", "aandeel_berekend": "Aandeel (berekend)",
    "naam": "Naam", "project": "Project", "kwartaal": "Kwartaal", "status": "Status", "doel": "Doel",
}
# columns that only steer the shaping (order, period type, flags): not shown in the HTML table
TECHNISCH = {"volgorde", "periode_type", "is_prognose", "is_totaal", "is_regio", "is_rest",
             "regio_periode_type", "vergelijk_periode_type"}
_AANDEEL = ("aandeel", "pct", "procent", "mutatie")


def kolomkop(naam: str) -> str:
    """A Dutch header for a column: 'regio_naam' -> 'Gebied', 'vergelijk_aantal' -> 'Vergelijking: aantal';
    a header that is already Dutch text stays as it is."""
    if naam in KOLOMKOPPEN:
        return KOLOMKOPPEN[naam]
    if not naam.isidentifier() or not naam.islower():   # already a header ("alle regio's: aantal")
        return naam
    if "_" not in naam:
        return naam[:1].upper() + naam[1:]
    for voor, tekst in (("regio_", "Regio"), ("vergelijk_", "Vergelijking")):
        if naam.startswith(voor):
            rest = naam[len(voor):]
            return f"{tekst}: {KOLOMKOPPEN.get(rest, rest.replace('_', ' ')).lower()}"
    tekst = naam.replace("_", " ")
    return tekst[:1].upper() + tekst[1:]


def export_decimalen(kolom: str) -> int:
    """Decimals a download keeps: shares and mutations as the charts show them (1), other ratios 2."""
    return 1 if any(d in kolom.lower() for d in _AANDEEL) else 2


# text columns whose values are rewritten (periods, indicator codes); other text is shown as it is
_OPGEMAAKT = {"periode", "Periode", "regio_periode", "vergelijk_periode", "indicator"}
_LEGE_TEKST = {"", "none", "nan", "<na>", "nat"}


def _is_leeg(x) -> bool:
    if x is None or x is pd.NA or x is pd.NaT:
        return True
    if isinstance(x, float) and x != x:
        return True
    return isinstance(x, str) and x.strip().lower() in ("", "none", "nan", "<na>", "nat")


def _is_getal(x) -> bool:
    return isinstance(x, numbers.Number) and not isinstance(x, (bool, np.bool_))


def _periode_soort(code: str) -> str:
    if len(code) == 7 and code[4] == "-" and code[5] == "Q":
        return "kwartaal"
    if len(code) == 7 and code[4] == "-" and code[5:].isdigit():
        return "maand"
    return "jaar"


def _cel(waarde, kolom: str, rij: dict) -> str:
    """One cell as Dutch text. Empty is '—' (with the source's reason where it gives one),
    never 'None', 'nan' or an empty cell that looks like zero."""
    if _is_leeg(waarde):
        reden = rij.get("reden") or rij.get("toelichting_leeg")
        return f"{fmt.LEEG} ({reden})" if isinstance(reden, str) and reden.strip() else fmt.LEEG
    if isinstance(waarde, (bool, np.bool_)):
        return "ja" if waarde else "nee"
    if _is_getal(waarde):
        eenheid = rij.get("eenheid")
        if kolom == "waarde" and isinstance(eenheid, str):
            return fmt.waarde(waarde, eenheid)
        if any(d in kolom.lower() for d in _AANDEEL) and "aantal" not in kolom.lower():
            return fmt.procent(waarde, fmt._decimalen(waarde, 1))
        return fmt.getal(waarde, fmt._decimalen(waarde, 2))
    if hasattr(waarde, "isoformat"):
        return fmt.datum_tijd(waarde)
    if kolom in ("periode", "Periode", "regio_periode", "vergelijk_periode") and isinstance(waarde, str):
        soort = rij.get(f"{kolom}_type") or rij.get("periode_type") or _periode_soort(waarde)
        try:
            return fmt.periode(waarde, soort)
        except (ValueError, IndexError):
            return waarde
    if kolom == "indicator" and isinstance(waarde, str) and "_" in waarde and " " not in waarde:
        tekst = waarde.replace("_", " ")
        return tekst[:1].upper() + tekst[1:]
    return str(waarde)


TABEL_CSS = (
    "<style>"
    ".tg-wrap{overflow-x:auto;margin:.25rem 0 .75rem}"
    ".tg-wrap.tg-lang{max-height:28rem;overflow-y:auto}"
    ".tg-wrap:focus-visible{outline:2px solid #1b5e8c;outline-offset:2px}"
    "table.tg{border-collapse:collapse;font-size:.95rem;color:#1f2933;min-width:50%}"
    "table.tg caption{caption-side:top;text-align:left;font-weight:600;padding:.2rem 0 .4rem;color:#1f2933}"
    "table.tg th,table.tg td{border-bottom:1px solid #d5dbe1;padding:.3rem .6rem;text-align:left;"
    "vertical-align:top}"
    "table.tg thead th{border-bottom:2px solid #52606d;background:#f5f7fa}"
    "table.tg th[scope=row]{font-weight:400}"
    "table.tg td.tg-getal{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
    "</style>"
)


def html_tabel(df: pd.DataFrame, bijschrift: str, lang: bool = False, verborgen: bool = False) -> str:
    """The frame as an accessible HTML table: <caption>, column headers with scope="col", the first
    column as row headers (scope="row"), Dutch headers and Dutch numbers. Pure; no Streamlit."""
    from html import escape

    kolommen = [c for c in df.columns if str(c) not in TECHNISCH]
    if "label" in kolommen and "indicator" in kolommen:
        kolommen.remove("indicator")     # the label says it in words
    koppen = "".join(f'<th scope="col">{escape(kolomkop(str(c)))}</th>' for c in kolommen)
    # column by column (a list per column is far cheaper than a dict per row); the row context a cell
    # needs (its unit, period type, the reason it is empty) comes along as plain lists
    context_namen = [c for c in ("eenheid", "periode_type", "reden", "toelichting_leeg") if c in df.columns]
    context = [dict(zip(context_namen, r, strict=True)) for r in zip(*(df[c].tolist() for c in context_namen),
                                                                     strict=True)] if context_namen else None
    kolomcellen = []
    for i, kolom in enumerate(kolommen):
        naam = str(kolom)
        cellen = []
        for r, waarde in enumerate(df[kolom].tolist()):
            if type(waarde) is str and naam not in _OPGEMAAKT and waarde.strip().lower() not in _LEGE_TEKST:
                tekst, getal = escape(waarde), False      # the common case: text as it is
            else:
                tekst = escape(_cel(waarde, naam, context[r] if context else {}))
                getal = _is_getal(waarde) and not _is_leeg(waarde)
            if i == 0:
                cellen.append(f'<th scope="row">{tekst}</th>')
            elif getal:
                cellen.append(f'<td class="tg-getal">{tekst}</td>')
            else:
                cellen.append(f"<td>{tekst}</td>")
        kolomcellen.append(cellen)
    rijen = ["<tr>" + "".join(cellen) + "</tr>" for cellen in zip(*kolomcellen, strict=True)]
    tabel = (f'<table class="tg"><caption>{escape(bijschrift)}</caption><thead><tr>{koppen}</tr></thead>'
             f'<tbody>{"".join(rijen)}</tbody></table>')
    # a wide table scrolls sideways (a long one also down): a scrolling region must be reachable by
    # keyboard (WCAG 2.1.1, axe scrollable-region-focusable), so the wrapper is a named, focusable region
    if verborgen:   # read by screen readers and text search, not shown (and not a tab stop)
        return f'<div class="sr-only">{tabel}</div>'
    klasse = "tg-wrap tg-lang" if lang else "tg-wrap"
    return (f'<div class="{klasse}" tabindex="0" role="region" '
            f'aria-label="{escape(bijschrift)}">{tabel}</div>')


# --- The page: language, title, focus, contrast (issue 15) --------------------------------------------

PAGINA_CSS = """
<style>
/* visible keyboard focus everywhere, sidebar included: 2 px, >= 3:1 on white and on the sidebar grey */
:focus-visible, [data-testid="stSidebar"] :focus-visible {
  outline: 2px solid #1b5e8c !important; outline-offset: 2px !important; box-shadow: 0 0 0 4px #ffffff !important;
}
/* captions (bron, peildatum, notes) at 6.5:1 instead of Streamlit's faded text (it also sets opacity 0.6) */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {
  color: #52606d !important; opacity: 1 !important;
}
/* syntax colours in code blocks (e.g. the login help's TOML) at >= 4.5:1 on white and on info boxes */
pre .token { color: #1f2933 !important; }
pre .token.string, pre .token.number, pre .token.boolean { color: #0b5b2e !important; }
pre .token.table, pre .token.class-name, pre .token.keyword, pre .token.key { color: #0b4f7c !important; }
pre .token.comment, pre .token.punctuation { color: #52606d !important; }
/* the element that carries the page script takes no room (no gap above the page: slides fit the screen) */
.stElementContainer:has(.nl-pagina) { display: none !important; }
/* visually hidden, read by screen readers */
.sr-only { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
           clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
</style>
"""

# Streamlit serves one index.html with lang="en" for every page; set the page's language to Dutch and
# translate the texts Streamlit writes itself (the skip link, the heading links' names). No angle brackets in this script, not even
# in comments: st.html's sanitiser (DOMPurify) drops a script whose text contains one.
_PAGINA_JS = """
<script>
(function () {
  var d = window.parent && window.parent.document ? window.parent.document : document;
  function nl() {
    if (d.documentElement.lang !== "nl") d.documentElement.lang = "nl";
    // The sectioned sidebar navigation puts a div (section header + links) directly in its ul, which
    // is not a valid list. Keep the sections (they group the pages), but make each section its own list
    // named by its header, and the outer ul a plain container.
    var nav = d.querySelector("[data-testid='stSidebarNavItems']");
    if (nav) {
      if (nav.getAttribute("role") !== "none") nav.setAttribute("role", "none");
      nav.querySelectorAll(":scope > div").forEach(function (sectie, i) {
        if (sectie.getAttribute("role") !== "list") sectie.setAttribute("role", "list");
        var kop = sectie.querySelector(":scope > header");
        if (kop) {
          if (kop.getAttribute("role") !== "none") kop.setAttribute("role", "none");
          if (!kop.id) kop.id = "nav-sectie-" + i;
          if (sectie.getAttribute("aria-labelledby") !== kop.id) sectie.setAttribute("aria-labelledby", kop.id);
        }
      });
    }
    d.querySelectorAll("[data-testid='stSkipToContent']").forEach(function (a) {
      if (a.textContent.trim() === "Skip to main content") a.textContent = "Naar de hoofdinhoud";
    });
    d.querySelectorAll("a[aria-label='Link to heading']").forEach(function (a) {
      a.setAttribute("aria-label", "Link naar deze kop");
    });
    d.querySelectorAll("button[aria-label='Help']").forEach(function (b) { b.setAttribute("aria-label", "Uitleg"); });
    // a select without its own placeholder= gets Streamlit's English one
    d.querySelectorAll("input[placeholder='Choose an option'], input[placeholder='Choose options']")
      .forEach(function (i) { i.setAttribute("placeholder", "Kies een optie"); });
  }
  nl();
  if (!window.__nlWaarnemer) {
    window.__nlWaarnemer = new MutationObserver(nl);
    window.__nlWaarnemer.observe(d.documentElement, {attributes: true, attributeFilter: ["lang"], childList: true,
                                                    subtree: true});
  }
})();
</script>
"""


# the table style once per page, not in every table; st.html's element made once (kern/klaar.py)
_PAGINA = klaar.html((PAGINA_CSS + TABEL_CSS + '<span class="nl-pagina"></span>' + _PAGINA_JS).strip(),
                     unsafe_allow_javascript=True)


def pagina() -> None:
    """Once per run, before the page: Dutch language, visible focus, readable captions. One element (each
    element is a message and a share of the server's CPU in every rerun), the same in every run; the style
    hides the element that carries it and the script."""
    klaar.teken(_PAGINA)

"""Showing registered figures on a page: `figuren(ctx, "mismatch", "vacatures")`.
Each figure renders inside its own guard, so a figure whose data is missing
says so and the rest of the page still renders."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

from dashboard.figuren import register
from dashboard.figuren.figuur import Figuur, Grafiek
from dashboard.kern import components, klaar
from dashboard.kern.context import Context
from dashboard.kern.geheugen import eenmalig


def figuur(ctx: Context, sleutel: str, bij_klik=None, downloads: bool = True, **keuzes) -> None:
    """One registered figure; `keuzes` are the page's choices the figure takes (e.g. tot="2025-Q2").
    `bij_klik(widget_key)` makes the chart's points clickable: called with the chart's key after a click.
    `downloads=False`: the table without its own CSV/Excel buttons (a page with one export of all its tables)."""
    aanmelding = register.aanmelding(sleutel)
    titel, leeg = aanmelding.leeg_tekst(ctx)
    with components.figuur(titel):
        fig = register.maak(sleutel, ctx, **keuzes)
        if fig is None:
            if leeg:
                st.markdown(f"#### {titel}")
                st.info(leeg)
            return
        toon(fig, key="-".join([sleutel, *map(str, keuzes.values())]), bij_klik=bij_klik, downloads=downloads)


def figuren(ctx: Context, *sleutels: str, downloads: bool = True, **keuzes) -> None:
    for sleutel in sleutels:
        figuur(ctx, sleutel, downloads=downloads, **keuzes)


def vast(fig):
    """A copy of `fig` for a cache whose dict is made once (see _Vast). Never change the figure afterwards."""
    return _Vast(fig)


@eenmalig(maxsize=512)
def _plotly(recept: Grafiek):
    return vast(components.leesbaar(recept.plotly()))


class _Vast(go.Figure):
    """A cached chart whose dict is made once. st.plotly_chart calls to_dict() on every rerun, and plotly deep-copies
    every coordinate there: for the maps (hundreds of polygons) that was half of the page's warm render. The figure
    is never changed after it is cached (it is shared by every session), so neither is its dict."""

    def to_dict(self):
        if getattr(self, "_als_dict", None) is None:
            d = _VastDict(super().to_dict())
            for trace in d.get("data", []):
                trace.pop("uid", None)   # as plotly.io.to_json leaves them out
            self._als_dict = d
        return self._als_dict


class _VastDict(dict):
    """The dict of a cached chart; its JSON, which st.plotly_chart makes on every rerun with plotly.io.to_json
    (an encode, a decode and an encode again), is made once too (see _json_eenmaal)."""
    json: str | None = None


def _json_eenmaal(fig, *args, **kwargs):
    """plotly.io.to_json, made once for a cached chart. st.plotly_chart turns the figure into JSON on every rerun
    (plotly.io.to_json(figure, validate=False)); for the Analyse page's 15 charts (80 kB) that was 4 ms of an 11 ms
    rerun. A cached chart's dict never changes (see _Vast), so neither does its JSON. Anything else, and any other
    call, goes to plotly as it is."""
    if type(fig) is _VastDict and not args and kwargs == {"validate": False}:
        if fig.json is None:
            fig.json = _plotly_to_json(dict(fig), validate=False)
        return fig.json
    return _plotly_to_json(fig, *args, **kwargs)


_plotly_to_json = pio.to_json
pio.to_json = _json_eenmaal   # st.plotly_chart looks it up as plotly.io.to_json on every call


def toon_grafiek(recept: Grafiek, key: str, alt: str | None = None, bij_klik=None) -> None:
    """The chart without Streamlit's chart theme (it overrides the house style's label colours and
    sizes), with its title and sentence as the accessible name for screen readers."""
    klik = dict(on_select=lambda: bij_klik(key), selection_mode="points") if bij_klik else {}
    st.plotly_chart(_plotly(recept), config=CONFIG, key=key, theme=None, alt=alt or None, **klik)


CONFIG = {"displayModeBar": False, "locale": "nl"}


@eenmalig(maxsize=512)
def klare_grafiek(recept: Grafiek, key: str, alt: str | None = None) -> klaar.Klaar:
    """toon_grafiek's chart (without clicks) made once, to send with klaar.teken on every rerun; its template
    without the trace types it does not draw (klaar.slank)."""
    return klaar.grafiek(klaar.slank(_plotly(recept)), key, alt or None, CONFIG)


def tabel_uit_grafiek(plotly_fig) -> pd.DataFrame | None:
    """A chart's numbers as a table, for figures that bring no table of their own (e.g. the national
    series): one row per category or period, one column per named trace. None if the chart has no
    plain x/y traces."""
    rijen: dict = {}
    namen: list[str] = []
    for trace in plotly_fig.data:
        x, y = getattr(trace, "x", None), getattr(trace, "y", None)
        if x is None or y is None or not getattr(trace, "name", None):
            continue
        categorie, waarden = (y, x) if getattr(trace, "orientation", None) == "h" else (x, y)
        if trace.name not in namen:
            namen.append(trace.name)
        for c, v in zip(categorie, waarden, strict=False):
            if c is None:
                continue
            rijen.setdefault(str(c), {})[trace.name] = v
    if not rijen:
        return None
    as_titel = ""
    layout = plotly_fig.layout
    horizontaal = any(getattr(t, "orientation", None) == "h" for t in plotly_fig.data)
    as_ = layout.yaxis if horizontaal else layout.xaxis
    if as_ is not None and as_.title is not None and as_.title.text:
        as_titel = as_.title.text
    if not as_titel:
        as_titel = "Periode" if all(components._periode_soort(c) != "jaar" or c.isdigit() for c in rijen) else "Categorie"
    return pd.DataFrame([{as_titel: c, **{n: w.get(n) for n in namen}} for c, w in rijen.items()])


@eenmalig(maxsize=512)
def _grafiek_tabel(recept: Grafiek) -> pd.DataFrame | None:
    return tabel_uit_grafiek(_plotly(recept))


def tabel_van(fig: Figuur) -> pd.DataFrame | None:
    """The figure's numbers as a table: its own table, else its chart's series (made once per chart)."""
    if fig.tabel is not None:
        return fig.tabel
    return _grafiek_tabel(fig.grafiek) if fig.grafiek is not None else None


def toon(fig: Figuur | None, key: str, leeg: str = "", bij_klik=None, downloads: bool = True) -> None:
    """A figure: title and sentence, chart or cards, notes, explanation,
    bron/peildatum, and (when it has one) its data as table with downloads."""
    if fig is None:
        if leeg:
            st.info(leeg)
        return
    if fig.titel or fig.zin:
        components.kop(fig.titel, fig.zin, fig.definitie)
    if fig.melding:
        {"success": st.success, "warning": st.warning}.get(fig.melding_soort, st.info)(fig.melding)
    tabel, export = tabel_van(fig), fig.export   # every chart's numbers as a table, also without its own
    # a table that is the figure itself, shown open and without download buttons: the table in place, not an
    # always-open expander around it (one element less on every rerun)
    alleen_tabel = (tabel is not None and fig.grafiek is None and fig.html is None and fig.tabel_open
                    and not downloads)
    if alleen_tabel:
        components.tabel(tabel, f"Gegevens: {fig.titel or fig.tabel_label}")
    if fig.html is not None:
        components.html(fig.html)
    if fig.grafiek is not None:
        alt = ". ".join(t.rstrip(".") for t in (fig.titel, fig.zin) if t) + "."
        if bij_klik:
            toon_grafiek(fig.grafiek, key=key, alt=alt, bij_klik=bij_klik)
        else:   # st.plotly_chart's element made once (kern/klaar.py), sent on every rerun
            klaar.teken(klare_grafiek(fig.grafiek, key, alt))
    if fig.uitleg:
        st.markdown(fig.uitleg)
    # the notes and the source line in one caption (one element instead of one each: every element costs
    # every rerun)
    onder = [*fig.notities, components.bron_tekst(fig.bron, fig.peildatum) if fig.bron else ""]
    if any(onder):
        st.caption("\n\n".join(t for t in onder if t))
    if tabel is not None and not alleen_tabel:
        # downloads only where the figure brings its export frame (a page's figure, made once per build);
        # a figure redrawn from a saved version (Analyse) shows its table without building files on every run
        components.gegevens(tabel, export if downloads else None, fig.bestandsnaam or fig.sleutel,
                            fig.bron, fig.peildatum, key=key, label=fig.tabel_label, open=fig.tabel_open,
                            bijschrift=f"Gegevens: {fig.titel or fig.tabel_label}",
                            definitie=fig.definitie, notities=tuple(fig.notities), raster=fig.tabel_raster,
                            downloads_bij_openen=fig.downloads_bij_openen)

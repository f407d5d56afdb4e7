"""A figure as data (`Figuur`: title, sentence, chart recipe, notes,
bron/peildatum, table), made by a topic module of this package and shown by
pages, the Analyse arbeidsmarkt, its presentation, saved versions and every
export alike.

A chart is kept as a recipe (`Grafiek`: the name of a builder in one of the
chart modules and its arguments), not as a Plotly object, so a saved version
redraws exactly the same chart later."""
from __future__ import annotations

import importlib
import json
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd
import plotly.io as pio

# The modules a chart recipe may name (a saved version must not import anything else).
GRAFIEK_MODULES = ("dashboard.figuren.charts", "dashboard.monitor.charts")


@dataclass(frozen=True)
class Grafiek:
    bouwer: str          # 'naam' (a function in dashboard.figuren.charts) or 'module:naam'
    args: tuple
    kwargs: tuple = ()   # sorted (name, value) pairs

    def functie(self):
        module, _, naam = self.bouwer.rpartition(":")
        module = module or GRAFIEK_MODULES[0]
        if module not in GRAFIEK_MODULES or naam.startswith("_"):
            raise ValueError(f"onbekende grafiek {self.bouwer!r}")
        return getattr(importlib.import_module(module), naam)

    def plotly(self):
        return self.functie()(*self.args, **dict(self.kwargs))

    def als_dict(self) -> dict:
        """The chart in plotly's JSON form, as go.Figure(...).to_dict() gives it (plotly's default template
        included); made without go.Figure by a builder that makes the dict itself (charts.als_dict). For printing:
        the template is shared between figures, never change it."""
        functie = self.functie()
        bouw = getattr(functie, "als_dict", None)
        if bouw is None:
            return functie(*self.args, **dict(self.kwargs)).to_dict()
        fig = bouw(*self.args, **dict(self.kwargs))
        sjabloon = _sjabloon(pio.templates.default)
        if sjabloon is not None and "template" not in fig["layout"]:
            fig["layout"]["template"] = sjabloon
        return fig


@lru_cache(maxsize=4)
def _sjabloon(naam: str | None) -> dict | None:
    """Plotly's default template (Streamlit sets its own) as go.Figure puts it in every figure's layout."""
    return None if naam is None else pio.templates[naam].to_plotly_json()


def grafiek(bouwer, *args, **kwargs) -> Grafiek:
    def vast(x):
        return tuple(vast(v) for v in x) if isinstance(x, (list, tuple)) else x
    naam = bouwer.__name__ if bouwer.__module__ == GRAFIEK_MODULES[0] else f"{bouwer.__module__}:{bouwer.__name__}"
    return Grafiek(naam, vast(args), tuple(sorted((k, vast(v)) for k, v in kwargs.items())))


@dataclass
class Figuur:
    sleutel: str
    titel: str
    zin: str
    bron: str
    peildatum: str
    definitie: str | None = None
    grafiek: Grafiek | None = None
    notities: list[str] = field(default_factory=list)   # markdown under the chart
    tabel: pd.DataFrame | None = None                  # shown as table, stored in versions
    export: pd.DataFrame | None = None                 # CSV/Excel download (page only)
    bestandsnaam: str = ""
    html: str | None = None                            # figure cards instead of a chart
    uitleg: str | None = None                          # markdown after the chart (e.g. how to read it)
    tabel_label: str = "Gegevens als tabel en download"
    tabel_open: bool = False                           # the table shown at once, not folded away
    tabel_raster: bool = True                          # a long table also as the canvas grid (False: HTML only)
    downloads_bij_openen: bool = False                 # the download buttons only while the table is open
    melding: str | None = None                         # a message box under the title
    melding_soort: str = "info"                        # info, success or warning


def naar_dict(fig: Figuur) -> dict:
    """A figure as JSON-ready data (for versions and exports)."""
    tabel = None
    if fig.tabel is not None:
        tabel = json.loads(fig.tabel.to_json(orient="split", index=False, force_ascii=False))
    g = fig.grafiek
    return {"sleutel": fig.sleutel, "titel": fig.titel, "zin": fig.zin, "bron": fig.bron,
            "peildatum": fig.peildatum, "definitie": fig.definitie, "notities": list(fig.notities),
            "grafiek": None if g is None else {"bouwer": g.bouwer, "args": g.args, "kwargs": dict(g.kwargs)},
            "tabel": tabel, "html": fig.html, "uitleg": fig.uitleg, "melding": fig.melding,
            "melding_soort": fig.melding_soort}


def grafiek_van_dict(d: dict) -> Grafiek | None:
    """The chart recipe of figure dict `d` (None without a chart), without making the rest of the figure."""
    g = d.get("grafiek")
    if g is None:
        return None
    return Grafiek(g["bouwer"], _vast(g["args"]), tuple(sorted((k, _vast(v)) for k, v in g["kwargs"].items())))


def van_dict(d: dict) -> Figuur:
    tabel = d.get("tabel")
    return Figuur(
        sleutel=d["sleutel"], titel=d["titel"], zin=d["zin"], bron=d["bron"], peildatum=d["peildatum"],
        definitie=d.get("definitie"), notities=list(d.get("notities") or []), grafiek=grafiek_van_dict(d),
        tabel=None if tabel is None else pd.DataFrame(tabel["data"], columns=tabel["columns"]),
        html=d.get("html"), uitleg=d.get("uitleg"), melding=d.get("melding"),
        melding_soort=d.get("melding_soort") or "info")


def _vast(x):
    return tuple(_vast(v) for v in x) if isinstance(x, (list, tuple)) else x



"""Elements made once and sent again on every rerun: a chart as st.plotly_chart makes it, HTML as st.html makes it.

Each rerun of a page builds every element again. For elements whose content is cached (a document's HTML,
a cached chart) that work gives the same message every time: st.plotly_chart converts and validates the
figure, writes its JSON and hashes it into the element's id; st.html scans the HTML twice for style tags. On
the Analyse page (15 charts, 16 blocks of HTML, issue 14: a warm rerun <= 3x an empty page) that was a third
of the page's own work. Here the element is made once and each rerun only sends it.

This uses Streamlit's element protos and DeltaGenerator._enqueue, which are not public API. tests/test_analyse.py
compares every kind made here with the message st.plotly_chart and st.html send themselves, byte for byte, so a
Streamlit upgrade that changes them fails there and not on screen."""
from __future__ import annotations

import json
from typing import NamedTuple

import plotly.io as pio
import streamlit as st


class Klaar(NamedTuple):
    """An element as Streamlit sends it: its kind ('plotly_chart', 'html'), proto and size."""
    soort: str
    proto: object
    opmaak: object


def grafiek(fig, key: str, alt: str | None, config: dict | None = None, width="stretch") -> Klaar:
    """What `st.plotly_chart(fig, config=config, key=key, theme=None, alt=alt, width=width)` sends, for a cached
    chart that is never changed (tonen.vast). Make it in a run of the page that draws it: its id names the page
    (as Streamlit's own does)."""
    from streamlit.elements.lib.layout_utils import LayoutConfig
    from streamlit.elements.lib.utils import compute_and_register_element_id, normalize_alt
    from streamlit.elements.plotly_chart import _resolve_content_height, _resolve_content_width
    from streamlit.proto.PlotlyChart_pb2 import PlotlyChart

    proto = PlotlyChart(theme="", form_id="", config=json.dumps(config or {}))
    figuur = fig if isinstance(fig, dict) else fig.to_dict()
    proto.spec = pio.to_json(figuur, validate=False)
    alt = normalize_alt(alt)
    if alt is not None:
        proto.alt = alt
    proto.id = compute_and_register_element_id(
        "plotly_chart", user_key=key, key_as_main_identity=False, dg=st._main, plotly_spec=proto.spec,
        plotly_config=proto.config, selection_mode=("points", "box", "lasso"), is_selection_activated=False,
        theme=None, width=width, height="content", alt=alt)
    return Klaar("plotly_chart", proto, LayoutConfig(width=_resolve_content_width(width, figuur),
                                                     height=_resolve_content_height("content", figuur)))


def slank(fig) -> dict:
    """The figure's dict with its template's trace defaults only for the trace types it draws. The house
    template carries defaults for ten trace types (heatmap and contour colour scales, tables...): 2.2 of a
    chart's 5 kB, sent with every chart on every rerun. plotly.js applies template.data[type] only to traces
    of that type, so the chart looks the same; template.layout stays as it is."""
    figuur = fig if isinstance(fig, dict) else fig.to_dict()
    sjabloon = (figuur.get("layout") or {}).get("template")
    if not sjabloon or not sjabloon.get("data"):
        return figuur
    soorten = {trace.get("type", "scatter") for trace in figuur.get("data", [])}   # plotly's default type
    data = {soort: v for soort, v in sjabloon["data"].items() if soort in soorten}
    return {**figuur, "layout": {**figuur["layout"], "template": {**sjabloon, "data": data}}}


def html(tekst: str, unsafe_allow_javascript: bool = False) -> Klaar:
    """What `st.html` sends for `tekst` as it is (without its dedent and file-path check), with
    unsafe_allow_javascript=...: for HTML that is not only style tags (st.html sends those elsewhere)."""
    from streamlit.elements.lib.layout_utils import LayoutConfig
    from streamlit.proto.Html_pb2 import Html

    return Klaar("html", Html(body=str(tekst), unsafe_allow_javascript=unsafe_allow_javascript),
                 LayoutConfig(width="stretch"))


def teken(element: Klaar, plek=None) -> None:
    """Send an element made here (into `plek`, a container; else, or with plek=st, where the page is writing)."""
    dg = st._main if plek is None or plek is st else plek
    dg._enqueue(element.soort, element.proto, layout_config=element.opmaak)

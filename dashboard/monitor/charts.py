"""Figures of the Werken aan Werk monitor: pure functions, house style of
dashboard.figuren.charts, graph_objects only."""
from __future__ import annotations

import plotly.graph_objects as go

from dashboard.figuren.charts import (
    KWALITATIEF_KLEUR,
    KWANTITATIEF_KLEUR,
    REGIO_KLEUR,
    VERGELIJK_KLEUR,
    house_layout,
)
from dashboard.kern import format as fmt

# Colours: the meanings of dashboard.figuren.charts (one meaning per colour across all pages), plus the
# monitor's own series; each >= 3:1 against white. Gestart, uitstroom naar werk, uitstroom naar opleiding, ...
REEKS_KLEUREN = [REGIO_KLEUR, "#8c4a2f", "#3e4c59", "#5b6b00"]
# the dashboard's one colour meaning for mismatch (as on the page Mismatch)
MISMATCH_KLEUR = {"kwalitatieve mismatch": KWALITATIEF_KLEUR, "kwantitatieve mismatch": KWANTITATIEF_KLEUR}
GEEN_MISMATCH_KLEUR = VERGELIJK_KLEUR


def realisatie(kwartalen: list[str], reeksen: list[tuple[str, list]], doel: float | None = None,
               doel_label: str = "", hoogte: int = 320) -> go.Figure:
    """Cumulative realisation per kwartaal, one line per series, the target as a dashed line."""
    traces = [
        go.Scatter(x=kwartalen, y=list(waarden), name=naam, mode="lines+markers+text",
                   line=dict(color=REEKS_KLEUREN[i % len(REEKS_KLEUREN)], width=3),
                   text=[fmt.getal(v) for v in waarden], textposition="top center",
                   hovertemplate="%{x}<br>" + naam + ": %{text}<extra></extra>")
        for i, (naam, waarden) in enumerate(reeksen)
    ]
    if doel is not None:
        traces.append(go.Scatter(x=kwartalen, y=[doel] * len(kwartalen), name=doel_label, mode="lines",
                                 line=dict(color="#1f2933", dash="dash", width=2), hoverinfo="skip"))
    hoogste = max([v for _, w in reeksen for v in w if v is not None] + [doel or 0, 1])
    layout = house_layout(hoogte, xaxis=dict(type="category", showgrid=False),
                          yaxis=dict(showgrid=True, gridcolor="#e5e9ee", range=[0, hoogste * 1.18]),
                          margin=dict(l=10, r=20, t=50, b=10))
    return go.Figure(traces, layout)


def per_kwartaal(kwartalen: list[str], reeksen: list[tuple[str, list]],
                 doel_per_kwartaal: float | list[float | None] | None = None, doel_label: str = "",
                 hoogte: int = 340) -> go.Figure:
    """The figures of each kwartaal (not cumulative) as grouped bars, one group per kwartaal; the target
    pro rata per kwartaal as a dashed line where there is one (one value for all, or one per kwartaal: the
    line follows a project's targets and breaks where none holds)."""
    traces = [
        go.Bar(x=kwartalen, y=[v for v in waarden], name=naam, marker_color=REEKS_KLEUREN[i % len(REEKS_KLEUREN)],
               text=[fmt.LEEG if v is None else fmt.getal(v) for v in waarden], textposition="outside",
               cliponaxis=False, hovertemplate="%{x}<br>" + naam + ": %{text}<extra></extra>")
        for i, (naam, waarden) in enumerate(reeksen)
    ]
    doel = (None if doel_per_kwartaal is None else list(doel_per_kwartaal)
            if isinstance(doel_per_kwartaal, (list, tuple)) else [doel_per_kwartaal] * len(kwartalen))
    if doel is not None:
        traces.append(go.Scatter(x=kwartalen, y=doel, name=doel_label, mode="lines", connectgaps=False,
                                 line=dict(color="#1f2933", dash="dash", width=2), hoverinfo="skip"))
    hoogste = max([v for _, w in reeksen for v in w if v is not None] + [x for x in doel or [] if x is not None]
                  + [1])
    layout = house_layout(hoogte, barmode="group", xaxis=dict(type="category", showgrid=False),
                          yaxis=dict(showgrid=True, gridcolor="#e5e9ee", range=[0, hoogste * 1.2]),
                          margin=dict(l=10, r=20, t=50, b=10))
    return go.Figure(traces, layout)


def doel_naar_rato(projecten: list[str], realisatie_: list[float], doelen: list[float],
                   verwacht: list[float | None], hoogte: int = 300) -> go.Figure:
    """Per project the realisation in the target's period (bar), the target for that period and the
    expectation pro rata at the monitor (markers, named in the legend)."""
    traces = [
        go.Bar(y=projecten, x=realisatie_, name="Realisatie in de doelperiode", orientation="h",
               marker_color=REGIO_KLEUR, text=[fmt.getal(v) for v in realisatie_], textposition="outside",
               cliponaxis=False, hovertemplate="%{y}<br>Realisatie: %{text}<extra></extra>"),
        go.Scatter(y=projecten, x=doelen, name="Doel voor de periode", mode="markers",
                   marker=dict(symbol="line-ns", size=28, line=dict(width=4, color="#1f2933")),
                   hovertemplate="%{y}<br>Doel: %{x}<extra></extra>"),
        go.Scatter(y=projecten, x=verwacht, name="Verwacht naar rato", mode="markers",
                   marker=dict(symbol="diamond", size=14, color="#ffffff", line=dict(width=2, color="#1f2933")),
                   hovertemplate="%{y}<br>Verwacht naar rato: %{x}<extra></extra>"),
    ]
    layout = house_layout(hoogte, yaxis=dict(autorange="reversed", automargin=True),
                          xaxis=dict(rangemode="tozero"), margin=dict(l=10, r=40, t=50, b=10))
    return go.Figure(traces, layout)


def krapte_per_project(projecten: list[str], vacatures_per_ww: list[float], mismatch: list[str | None],
                       hoogte: int = 300) -> go.Figure:
    """Per project the openstaande vacatures per WW-uitkering in its beroepsklasse, coloured by the
    dashboard's mismatch colours and named in the legend (one trace per kind); 1 = as many of each."""
    traces = []
    for soort in ("kwalitatieve mismatch", "kwantitatieve mismatch", None):
        rijen = [(p, v) for p, v, m in zip(projecten, vacatures_per_ww, mismatch, strict=True) if m == soort]
        if not rijen:
            continue
        naam = {"kwalitatieve mismatch": "Meer vacatures dan WW (kwalitatieve mismatch)",
                "kwantitatieve mismatch": "Meer WW dan vacatures (kwantitatieve mismatch)"}.get(soort, "Geen mismatch")
        traces.append(go.Bar(
            y=[p for p, _ in rijen], x=[v for _, v in rijen], orientation="h", name=naam, showlegend=True,
            marker=dict(color=MISMATCH_KLEUR.get(soort, GEEN_MISMATCH_KLEUR), line=dict(width=1, color="#1f2933")),
            text=[fmt.getal(v, 2) for _, v in rijen], textposition="outside", cliponaxis=False,
            hovertemplate="%{y}<br>%{text} vacatures per WW-uitkering<extra></extra>"))
    layout = house_layout(hoogte, yaxis=dict(autorange="reversed", automargin=True, categoryorder="array",
                                             categoryarray=list(projecten)),
                          xaxis=dict(rangemode="tozero"), barmode="overlay",
                          shapes=[dict(type="line", x0=1, x1=1, yref="paper", y0=0, y1=1,
                                       line=dict(color="#1f2933", dash="dot", width=2))])
    return go.Figure(traces, layout)

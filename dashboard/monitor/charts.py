"""Figures of the Werken aan Werk monitor: pure functions, house style of
dashboard.figuren.charts, graph_objects only."""
from __future__ import annotations

import plotly.graph_objects as go

from dashboard.figuren.charts import KWALITATIEF_KLEUR, KWANTITATIEF_KLEUR, REGIO_KLEUR, house_layout
from dashboard.kern import format as fmt

# Colours: the meanings of dashboard.figuren.charts (one meaning per colour across all pages), plus the
# monitor's own series; each >= 3:1 against white. Gestart, uitstroom naar werk, uitstroom naar opleiding, ...
REEKS_KLEUREN = [REGIO_KLEUR, "#8c4a2f", "#3e4c59", "#5b6b00"]
MISMATCH_KLEUR = {"kwalitatieve mismatch": KWALITATIEF_KLEUR, "kwantitatieve mismatch": KWANTITATIEF_KLEUR}


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


def tegen_doel(projecten: list[str], realisatie_: list[float], doelen: list[float | None],
               hoogte: int = 300) -> go.Figure:
    """Per project the realisation as a bar, its target as a marker (projects with a target only)."""
    traces = [
        go.Bar(y=projecten, x=realisatie_, name="Realisatie", orientation="h", marker_color=REGIO_KLEUR,
               text=[fmt.getal(v) for v in realisatie_], textposition="outside", cliponaxis=False,
               hovertemplate="%{y}<br>Realisatie: %{text}<extra></extra>"),
        go.Scatter(y=projecten, x=doelen, name="Doel", mode="markers",
                   marker=dict(symbol="line-ns", size=28, line=dict(width=4, color="#1f2933")),
                   hovertemplate="%{y}<br>Doel: %{x}<extra></extra>"),
    ]
    layout = house_layout(hoogte, yaxis=dict(autorange="reversed"), xaxis=dict(rangemode="tozero"))
    return go.Figure(traces, layout)


def krapte(projecten: list[str], vacatures_per_ww: list[float], mismatch: list[str | None],
           hoogte: int = 300) -> go.Figure:
    """Per project the openstaande vacatures per WW-uitkering in its beroepsklasse; 1 = as many of each."""
    trace = go.Bar(
        y=projecten, x=vacatures_per_ww, orientation="h",
        marker_color=[MISMATCH_KLEUR.get(m, REGIO_KLEUR) for m in mismatch],
        text=[fmt.getal(v, 2) for v in vacatures_per_ww], textposition="outside", cliponaxis=False,
        hovertemplate="%{y}<br>%{text} vacatures per WW-uitkering<extra></extra>", showlegend=False)
    layout = house_layout(hoogte, yaxis=dict(autorange="reversed"), xaxis=dict(rangemode="tozero"),
                          shapes=[dict(type="line", x0=1, x1=1, yref="paper", y0=0, y1=1,
                                       line=dict(color="#1f2933", dash="dot", width=2))])
    return go.Figure([trace], layout)

"""Figure builders: pure functions DataFrame -> plotly Figure, one house
style. graph_objects only (plotly.express costs ~60 ms a call)."""
from __future__ import annotations

import plotly.graph_objects as go

from dashboard.kern import format as fmt

# The palette: one meaning per colour on every page, each mark >= 3:1 against white (WCAG 1.4.11),
# text >= 4.5:1 (1.4.3). Colour never carries a meaning alone: legends and the table say it in words.
#   colour              meaning                                              contrast on white
REGIO_KLEUR = "#1b5e8c"        # the region (and its openstaande vacatures)            6,9:1
VERGELIJK_KLEUR = "#7b8794"    # the comparison: Nederland, alle regio's (grey)         3,7:1
ACCENT_KLEUR = "#d9730d"       # uitgelicht: a category the sentence singles out        3,3:1
WW_KLEUR = "#7a4aa0"           # WW-uitkeringen (purple diamond)                         6,3:1
KWANTITATIEF_KLEUR = "#a8326e" # kwantitatieve mismatch: more WW than vacatures          6,3:1
KWALITATIEF_KLEUR = "#2e7d5b"  # kwalitatieve mismatch: more vacatures than WW           5,0:1
LIJN_KLEUREN = ("#7b8794", "#52606d", "#616e7c", "#3e4c59", "#6b7785", "#5c6070")  # other areas, >= 3:1
TEKST_KLEUR = "#1f2933"        # all chart text (labels, ticks, legend), 15 px         14,5:1
FONT = "Source Sans Pro, Arial, sans-serif"


def house_layout(hoogte: int = 360, **extra) -> dict:
    """The house style as a plain layout dict. No plotly template: loading
    one deep-copies it on every figure (~15 ms), all of it unused."""
    layout = dict(
        separators=",.",  # Dutch: decimal comma, thousands dot
        font=dict(family=FONT, size=15, color=TEKST_KLEUR),
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin=dict(l=10, r=20, t=30, b=10),
        height=hoogte,
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0),
        hoverlabel=dict(font_size=14),
        xaxis=dict(showgrid=True, gridcolor="#e5e9ee", zeroline=True, zerolinecolor="#9aa5b1"),
        yaxis=dict(showgrid=False),
    )
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(layout.get(key), dict):
            layout[key] = {**layout[key], **value}
        else:
            layout[key] = value
    return layout


def vergelijking_staaf(categorieen: list[str], regio_waarden: list[float], vergelijk_waarden: list[float],
                       regio_naam: str, vergelijk_naam: str, eenheid: str = "%", hoogte: int = 320,
                       uitgelicht: list[bool] | None = None) -> go.Figure:
    """Horizontal grouped bars: region beside the comparison, per category;
    region bars of `uitgelicht` categories in the accent colour."""
    def tekst(v):
        return fmt.procent(v) if eenheid == "%" else fmt.getal(v)

    traces = [
        go.Bar(y=categorieen, x=waarden, name=naam, orientation="h", marker_color=kleur,
               text=[tekst(v) for v in waarden], textposition="outside", cliponaxis=False,
               hovertemplate="%{y}<br>" + naam + ": %{text}<extra></extra>")
        for naam, waarden, kleur in [
            (vergelijk_naam, vergelijk_waarden, VERGELIJK_KLEUR),
            (regio_naam, regio_waarden,
             [ACCENT_KLEUR if u else REGIO_KLEUR for u in uitgelicht] if uitgelicht else REGIO_KLEUR)]
    ]
    layout = house_layout(
        hoogte, barmode="group", bargap=0.25, legend=dict(traceorder="reversed"),
        xaxis=dict(ticksuffix="%" if eenheid == "%" else "", rangemode="tozero"),
        yaxis=dict(autorange="reversed"),
    )
    return go.Figure(data=traces, layout=layout)


def mismatch_halter(beroepsklassen: list[str], vacatures: list[float | None], ww: list[float | None],
                    mismatch: list[str | None], vacatures_label: str, ww_label: str, hoogte: int = 520) -> go.Figure:
    """Dumbbell per beroepsklasse: vacatures and WW-uitkeringen on one axis,
    the connecting line coloured by the kind of mismatch."""
    traces = []
    for soort, kleur in [("kwantitatieve mismatch", KWANTITATIEF_KLEUR), ("kwalitatieve mismatch", KWALITATIEF_KLEUR)]:
        xs, ys = [], []
        for b, v, w, m in zip(beroepsklassen, vacatures, ww, mismatch, strict=False):
            if m == soort:
                xs += [v, w, None]
                ys += [b, b, None]
        if xs:
            traces.append(go.Scatter(x=xs, y=ys, mode="lines", line=dict(color=kleur, width=6),
                                     name=soort.capitalize(), hoverinfo="skip"))
    traces.append(go.Scatter(
        x=ww, y=beroepsklassen, mode="markers", name=ww_label,
        marker=dict(color=WW_KLEUR, size=13, symbol="diamond"),
        text=[fmt.getal(v) for v in ww], hovertemplate="%{y}<br>" + ww_label + ": %{text}<extra></extra>"))
    traces.append(go.Scatter(
        x=vacatures, y=beroepsklassen, mode="markers", name=vacatures_label,
        marker=dict(color=REGIO_KLEUR, size=13),
        text=[fmt.getal(v) for v in vacatures], hovertemplate="%{y}<br>" + vacatures_label + ": %{text}<extra></extra>"))
    layout = house_layout(hoogte, yaxis=dict(autorange="reversed", showgrid=True, gridcolor="#f0f2f4"),
                          xaxis=dict(rangemode="tozero", title="aantal", tickformat=",d"), margin=dict(t=60))
    return go.Figure(data=traces, layout=layout)


def staaf(categorieen: list[str], waarden: list[float | None], naam: str, eenheid: str = "",
          kleuren: list[str] | None = None, hoogte: int = 300) -> go.Figure:
    """Horizontal bars of one series."""
    tekst = [fmt.procent(v) if eenheid == "%" else fmt.getal(v) for v in waarden]
    trace = go.Bar(y=categorieen, x=waarden, name=naam, orientation="h",
                   marker_color=kleuren or REGIO_KLEUR, text=tekst, textposition="outside", cliponaxis=False,
                   hovertemplate="%{y}: %{text}<extra></extra>")
    layout = house_layout(hoogte, showlegend=False, yaxis=dict(autorange="reversed"),
                          xaxis=dict(rangemode="tozero", ticksuffix="%" if eenheid == "%" else "",
                                     tickformat="" if eenheid == "%" else ",d"))
    return go.Figure(data=[trace], layout=layout)


def banen_staaf(jaren: list[str], werknemers: list[float], zelfstandigen: list[float],
                prognose: list[bool], hoogte: int = 360) -> go.Figure:
    """Stacked bars of banen per year; prognosis years hatched."""
    # thin white stripes mark a prognosis and keep the numbers readable
    patroon = dict(shape=["/" if p else "" for p in prognose], fgcolor="white", solidity=0.2, fillmode="overlay")
    traces = [
        go.Bar(x=jaren, y=werknemers, name="Banen werknemers", marker=dict(color=REGIO_KLEUR, pattern=patroon),
               text=[fmt.getal(v) for v in werknemers], textposition="inside", insidetextfont=dict(color="white"),
               hovertemplate="%{x}<br>Werknemers: %{text}<extra></extra>"),
        go.Bar(x=jaren, y=zelfstandigen, name="Banen zelfstandigen",
               marker=dict(color=VERGELIJK_KLEUR, pattern=patroon),
               text=[fmt.getal(v) for v in zelfstandigen], textposition="inside",
               insidetextfont=dict(color=TEKST_KLEUR),
               hovertemplate="%{x}<br>Zelfstandigen: %{text}<extra></extra>"),
    ]
    layout = house_layout(hoogte, barmode="stack", xaxis=dict(type="category", showgrid=False),
                          yaxis=dict(showgrid=True, gridcolor="#e5e9ee", rangemode="tozero", tickformat=",d"),
                          margin=dict(t=50), legend=dict(traceorder="normal"))
    return go.Figure(data=traces, layout=layout)


def lijnen(reeksen: list[tuple[str, list, list]], hoogte: int = 320, eenheid: str = "",
           nadruk: str | None = None) -> go.Figure:
    """Line per series (name, x, y); the `nadruk` series drawn thick in the house colour."""
    palet = LIJN_KLEUREN
    traces = []
    for i, (naam, x, y) in enumerate(reeksen):
        hoofd = naam == nadruk
        traces.append(go.Scatter(
            x=x, y=y, name=naam, mode="lines+markers",
            line=dict(color=REGIO_KLEUR if hoofd else palet[i % len(palet)], width=4 if hoofd else 1.5),
            marker=dict(size=7 if hoofd else 4),
            text=[fmt.procent(v, 1) if eenheid == "%" else fmt.getal(v) for v in y],
            hovertemplate="%{x}<br>" + naam + ": %{text}<extra></extra>"))
    layout = house_layout(hoogte, legend=dict(orientation="v", x=1.02, y=1, yanchor="top"),
                          yaxis=dict(showgrid=True, gridcolor="#e5e9ee", tickformat="" if eenheid == "%" else ",d",
                                     ticksuffix="%" if eenheid == "%" else ""),
                          xaxis=dict(showgrid=False))
    return go.Figure(data=traces, layout=layout)

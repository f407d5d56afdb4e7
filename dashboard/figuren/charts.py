"""Figure builders: pure functions DataFrame -> plotly Figure, one house
style. graph_objects only (plotly.express costs ~60 ms a call).

Builders marked @als_dict make the figure as a plain dict in plotly's own JSON form (`bouwer.als_dict(...)`)
and the pages get it as a go.Figure; the exports print the dict itself (printklaar), without go.Figure's
validation and its three updates (~10 ms a chart, most of the HTML export's chart time)."""
from __future__ import annotations

import functools
import json

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
        hoverlabel=dict(font=dict(size=14)),
        xaxis=dict(showgrid=True, gridcolor="#e5e9ee", zeroline=True, zerolinecolor="#9aa5b1"),
        yaxis=dict(showgrid=False),
    )
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(layout.get(key), dict):
            layout[key] = {**layout[key], **value}
        else:
            layout[key] = value
    return layout


def als_dict(bouw):
    """A builder from one that returns the figure as a plain dict in plotly's JSON form (the nested spelling:
    marker=dict(color=...), title=dict(text=...); a test checks plotly's validation changes nothing): called, it
    gives a go.Figure as before; `.als_dict(...)` gives the dict itself."""
    @functools.wraps(bouw)
    def figuur(*args, **kwargs) -> go.Figure:
        return go.Figure(bouw(*args, **kwargs))
    figuur.als_dict = bouw
    return figuur


@als_dict
def vergelijking_staaf(categorieen: list[str], regio_waarden: list[float], vergelijk_waarden: list[float],
                       regio_naam: str, vergelijk_naam: str, eenheid: str = "%", hoogte: int = 320,
                       uitgelicht: list[bool] | None = None) -> dict:
    """Horizontal grouped bars: region beside the comparison, per category;
    region bars of `uitgelicht` categories in the accent colour."""
    def tekst(v):
        return fmt.procent(v) if eenheid == "%" else fmt.getal(v)

    traces = [
        dict(type="bar", y=categorieen, x=waarden, name=naam, orientation="h", marker=dict(color=kleur),
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
    return dict(data=traces, layout=layout)


@als_dict
def mismatch_halter(beroepsklassen: list[str], vacatures: list[float | None], ww: list[float | None],
                    mismatch: list[str | None], vacatures_label: str, ww_label: str, hoogte: int = 520) -> dict:
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
            traces.append(dict(type="scatter", x=xs, y=ys, mode="lines", line=dict(color=kleur, width=6),
                               name=soort.capitalize(), hoverinfo="skip"))
    traces.append(dict(
        type="scatter", x=ww, y=beroepsklassen, mode="markers", name=ww_label,
        marker=dict(color=WW_KLEUR, size=13, symbol="diamond"),
        text=[fmt.getal(v) for v in ww], hovertemplate="%{y}<br>" + ww_label + ": %{text}<extra></extra>"))
    traces.append(dict(
        type="scatter", x=vacatures, y=beroepsklassen, mode="markers", name=vacatures_label,
        marker=dict(color=REGIO_KLEUR, size=13),
        text=[fmt.getal(v) for v in vacatures], hovertemplate="%{y}<br>" + vacatures_label + ": %{text}<extra></extra>"))
    layout = house_layout(hoogte, yaxis=dict(autorange="reversed", showgrid=True, gridcolor="#f0f2f4"),
                          xaxis=dict(rangemode="tozero", title=dict(text="aantal"), tickformat=",d"),
                          margin=dict(t=60))
    return dict(data=traces, layout=layout)


@als_dict
def staaf(categorieen: list[str], waarden: list[float | None], naam: str, eenheid: str = "",
          kleuren: list[str] | None = None, hoogte: int = 300, teksten: list[str] | None = None) -> dict:
    """Horizontal bars of one series; `teksten` replaces the value labels (e.g. "meer dan 3.000")."""
    tekst = teksten or [fmt.procent(v) if eenheid == "%" else fmt.getal(v) for v in waarden]
    trace = dict(type="bar", y=categorieen, x=waarden, name=naam, orientation="h",
                 marker=dict(color=kleuren or REGIO_KLEUR), text=tekst, textposition="outside", cliponaxis=False,
                 hovertemplate="%{y}: %{text}<extra></extra>")
    # category axis: a year such as "2022" is a label here, not a number on a scale; the right margin holds
    # the value label of the longest bar ("meer dan 3.000"), which is drawn outside the plot
    rechts = max(20, int(max((tekst_breedte(t, 15) for t in tekst if t), default=0)) + 10)
    layout = house_layout(hoogte, showlegend=False, yaxis=dict(autorange="reversed", type="category"),
                          margin=dict(r=rechts),
                          xaxis=dict(rangemode="tozero", ticksuffix="%" if eenheid == "%" else "",
                                     tickformat="" if eenheid == "%" else ",d"))
    return dict(data=[trace], layout=layout)


@als_dict
def banen_staaf(jaren: list[str], werknemers: list[float], zelfstandigen: list[float],
                prognose: list[bool], hoogte: int = 360) -> dict:
    """Stacked bars of banen per year; prognosis years hatched."""
    # thin white stripes mark a prognosis and keep the numbers readable
    patroon = dict(shape=["/" if p else "" for p in prognose], fgcolor="white", solidity=0.2, fillmode="overlay")
    traces = [
        dict(type="bar", x=jaren, y=werknemers, name="Banen werknemers",
             marker=dict(color=REGIO_KLEUR, pattern=patroon),
             text=[fmt.getal(v) for v in werknemers], textposition="inside", insidetextfont=dict(color="white"),
             hovertemplate="%{x}<br>Werknemers: %{text}<extra></extra>"),
        dict(type="bar", x=jaren, y=zelfstandigen, name="Banen zelfstandigen",
             marker=dict(color=VERGELIJK_KLEUR, pattern=patroon),
             text=[fmt.getal(v) for v in zelfstandigen], textposition="inside",
             insidetextfont=dict(color=TEKST_KLEUR),
             hovertemplate="%{x}<br>Zelfstandigen: %{text}<extra></extra>"),
    ]
    layout = house_layout(hoogte, barmode="stack", xaxis=dict(type="category", showgrid=False),
                          yaxis=dict(showgrid=True, gridcolor="#e5e9ee", rangemode="tozero", tickformat=",d"),
                          margin=dict(t=50), legend=dict(traceorder="normal"))
    return dict(data=traces, layout=layout)


@als_dict
def lijnen(reeksen: list[tuple[str, list, list]], hoogte: int = 320, eenheid: str = "",
           nadruk: str | None = None) -> dict:
    """Line per series (name, x, y); the `nadruk` series drawn thick in the house colour."""
    palet = LIJN_KLEUREN
    traces = []
    for i, (naam, x, y) in enumerate(reeksen):
        hoofd = naam == nadruk
        traces.append(dict(
            type="scatter", x=x, y=y, name=naam, mode="lines+markers",
            line=dict(color=REGIO_KLEUR if hoofd else palet[i % len(palet)], width=4 if hoofd else 1.5),
            marker=dict(size=7 if hoofd else 4),
            text=[fmt.procent(v, 1) if eenheid == "%" else fmt.getal(v) for v in y],
            hovertemplate="%{x}<br>" + naam + ": %{text}<extra></extra>"))
    layout = house_layout(hoogte, legend=dict(orientation="v", x=1.02, y=1, yanchor="top"),
                          yaxis=dict(showgrid=True, gridcolor="#e5e9ee", tickformat="" if eenheid == "%" else ",d",
                                     ticksuffix="%" if eenheid == "%" else ""),
                          xaxis=dict(showgrid=False))
    return dict(data=traces, layout=layout)


# --- UWV spanningsindicator (added for the UWV import, issue 13) -------------------------------------------
BAND_KLEUREN = {"zeer ruim": "#1b5e8c", "ruim": "#4f86b0", "gemiddeld": "#6b7785", "krap": "#c2620a",
                "zeer krap": "#8f3a00"}


def spanning_staaf(beroepsklassen: list[str], waarden: list[float | None], banden: list[str | None],
                   hoogte: int = 420) -> go.Figure:
    """Horizontal bars of the spanningsindicator per beroepsklasse, coloured by UWV band, the band named in
    the bar label (never colour alone), the band boundaries as dotted lines."""
    traces = []
    for band, kleur in BAND_KLEUREN.items():
        idx = [i for i, b in enumerate(banden) if b == band]
        traces.append(go.Bar(
            y=[beroepsklassen[i] for i in idx], x=[waarden[i] for i in idx], name=band, orientation="h",
            marker_color=kleur, text=[f"{fmt.getal(waarden[i], 2)} · {band}" for i in idx],
            textposition="outside", cliponaxis=False,
            hovertemplate="%{y}<br>spanning %{x:.2f} (" + band + ")<extra></extra>", showlegend=bool(idx) or True))
    grenzen = [0.25, 0.67, 1.5, 4]
    vormen = [dict(type="line", x0=g, x1=g, y0=0, y1=1, yref="paper", line=dict(color="#52606d", width=1, dash="dot"))
              for g in grenzen]
    import math
    positief = [w for w in waarden if w]
    laag, hoog = min(positief + [0.2]), max(positief + [5])
    # a ratio: logarithmic, so 0,25 and 4 lie equally far from 1 and one outlier does not flatten the rest
    layout = house_layout(hoogte, barmode="overlay", bargap=0.3, shapes=vormen,
                          yaxis=dict(autorange="reversed", categoryorder="array", categoryarray=beroepsklassen),
                          xaxis=dict(type="log", range=[math.log10(laag / 1.5), math.log10(hoog * 3)],
                                     tickvals=[0.1, 0.25, 0.67, 1.5, 4, 10, 25, 100],
                                     ticktext=["0,1", "0,25", "0,67", "1,5", "4", "10", "25", "100"],
                                     title="openstaande vacatures per WW-uitkering (logaritmische schaal)"))
    return go.Figure(data=traces, layout=layout)


def rangorde(namen: list[str], waarden: list[float], gekozen: str, eenheid: str = "",
             referentie: float | None = None, referentie_naam: str = "", gemarkeerd: tuple = (),
             hoogte: int | None = None) -> go.Figure:
    """All regions as horizontal bars sorted high to low; the chosen region in the house colour and named
    "(gekozen)" in its label (colour never alone), `gemarkeerd` regions (a peer group) in a middle tone and
    marked "(vergelijkbaar)", and a reference value (Nederland) as a dashed vertical line with its legend."""
    paren = sorted(zip(namen, waarden, strict=True), key=lambda p: -p[1])

    def label(naam):
        return f"{naam} (gekozen)" if naam == gekozen else f"{naam} (vergelijkbaar)" if naam in gemarkeerd else naam

    def tekst(v):
        return fmt.procent(v, 1) if eenheid == "%" else fmt.getal(v, 1 if abs(v) < 100 else 0)

    kleuren = [REGIO_KLEUR if n == gekozen else "#5f8fb4" if n in gemarkeerd else VERGELIJK_KLEUR for n, _ in paren]
    traces = [go.Bar(y=[label(n) for n, _ in paren], x=[v for _, v in paren], orientation="h", marker_color=kleuren,
                     text=[tekst(v) for _, v in paren], textposition="outside", cliponaxis=False,
                     name="Arbeidsmarktregio's", showlegend=False,
                     hovertemplate="%{y}: %{text}<extra></extra>")]
    if referentie is not None:
        traces.append(go.Scatter(x=[referentie, referentie], y=[label(paren[0][0]), label(paren[-1][0])],
                                 mode="lines", line=dict(color=TEKST_KLEUR, width=2, dash="dash"),
                                 name=f"{referentie_naam}: {tekst(referentie)}",
                                 hovertemplate=f"{referentie_naam}: {tekst(referentie)}<extra></extra>"))
    layout = house_layout(hoogte or 90 + 24 * len(paren), bargap=0.2, margin=dict(l=10, r=90, t=30, b=10),
                          xaxis=dict(ticksuffix="%" if eenheid == "%" else "", rangemode="tozero"),
                          yaxis=dict(autorange="reversed", tickfont=dict(size=14)))
    return go.Figure(data=traces, layout=layout)


def _ringen(geometrie: dict) -> tuple[list, list]:
    """The outer and inner rings of a (Multi)Polygon as one x/y path, rings separated by None."""
    veelhoeken = geometrie["coordinates"] if geometrie["type"] == "MultiPolygon" else [geometrie["coordinates"]]
    xs, ys = [], []
    for veelhoek in veelhoeken:
        for ring in veelhoek:
            xs += [p[0] for p in ring] + [None]
            ys += [p[1] for p in ring] + [None]
    return xs, ys


def middelpunt(geometrie: dict) -> tuple[float, float]:
    """The area centroid of the largest outer ring of a (Multi)Polygon: where the map puts an area's click point."""
    veelhoeken = geometrie["coordinates"] if geometrie["type"] == "MultiPolygon" else [geometrie["coordinates"]]

    def oppervlak_en_punt(ring):
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
            k = x0 * y1 - x1 * y0
            a, cx, cy = a + k, cx + (x0 + x1) * k, cy + (y0 + y1) * k
        if a == 0:
            return 0.0, (sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring))
        return abs(a) / 2, (cx / (3 * a), cy / (3 * a))
    return max((oppervlak_en_punt([tuple(p[:2]) for p in v[0]]) for v in veelhoeken), key=lambda t: t[0])[1]


def _kleur(v: float, laag: float, hoog: float) -> str:
    """A value's colour between light and the house colour (linear)."""
    t = 0.5 if hoog == laag else (v - laag) / (hoog - laag)
    a, b = (0xe3, 0xed, 0xf5), (0x1b, 0x5e, 0x8c)
    return "rgb({},{},{})".format(*(round(x + (y - x) * t) for x, y in zip(a, b, strict=True)))


def kaart(geojson: str, codes: list[str], waarden: list[float | None], namen: list[str], gekozen: str = "",
          eenheid: str = "", legenda: str = "", hoogte: int = 560, klik: bool = False) -> go.Figure:
    """A choropleth of areas (GeoJSON text, features keyed by properties.statcode) as filled polygons on plain
    axes: no tile server and no base map to download (plotly's geo fetches one from its CDN), so it draws offline
    and in the PDF. The chosen area gets a thick orange outline and "(gekozen)" in its hover text; areas without
    a value are grey and say "geen cijfer". With `klik`, every other area gets a dot in its middle carrying its code
    (customdata): plotly reports clicks on points, not on filled shapes, so the dot is what a viewer clicks."""
    vorm = {f["properties"]["statcode"]: f["geometry"] for f in json.loads(geojson)["features"]}
    bekend = [v for v in waarden if v is not None]
    laag, hoog = (min(bekend), max(bekend)) if bekend else (0, 1)

    def tekst(v):
        if v is None:
            return "geen cijfer"
        return fmt.procent(v, 1) if eenheid == "%" else fmt.getal(v, 1 if abs(v) < 100 else 0)
    traces = []
    for code, v, naam in sorted(zip(codes, waarden, namen, strict=True), key=lambda t: t[0] == gekozen):
        if code not in vorm:
            continue
        xs, ys = _ringen(vorm[code])
        eigen = code == gekozen
        traces.append(go.Scatter(
            x=xs, y=ys, mode="lines", fill="toself", hoveron="fills", showlegend=False,
            fillcolor="#d0d5db" if v is None else _kleur(v, laag, hoog),
            line=dict(color=ACCENT_KLEUR if eigen else "white", width=3 if eigen else 0.6),
            name=f"{naam} (gekozen)" if eigen else naam, text=f"{naam}{' (gekozen)' if eigen else ''}: {tekst(v)}",
            hoverinfo="text"))
    if klik:
        punten = [(code, naam, middelpunt(vorm[code])) for code, naam in zip(codes, namen, strict=True)
                  if code in vorm and code != gekozen]
        traces.append(go.Scatter(
            x=[p[2][0] for p in punten], y=[p[2][1] for p in punten], mode="markers", showlegend=False,
            name="Kies een regio", customdata=[p[0] for p in punten], hoverinfo="text",
            text=[f"{p[1]}: klik om deze regio te kiezen" for p in punten],
            marker=dict(size=11, color="white", line=dict(color="#1f2937", width=1.5))))
    # the colour scale as a legend (one invisible point carries the colour bar)
    traces.append(go.Scatter(
        x=[None], y=[None], mode="markers", showlegend=False, hoverinfo="skip",
        marker=dict(color=[laag, hoog], cmin=laag, cmax=hoog, colorscale=[[0, "#e3edf5"], [1, REGIO_KLEUR]],
                    showscale=True, colorbar=dict(title=dict(text=legenda), ticksuffix="%" if eenheid == "%" else "",
                                                  tickformat=",d" if hoog >= 100 else ",.1f"))))
    layout = house_layout(hoogte, margin=dict(l=0, r=0, t=10, b=0), hovermode="closest",
                          xaxis=dict(visible=False, showgrid=False, zeroline=False),
                          yaxis=dict(visible=False, showgrid=False, scaleanchor="x", scaleratio=1.6))
    return go.Figure(data=traces, layout=layout)


# --- fixed margins for static renders (exports, slides) ---------------------------------------
# Plotly's automargin only acts in a live, interactive redraw; a printed or static chart keeps
# the layout's margins, and a horizontal bar chart then loses its category labels. These
# functions compute the room every label needs from the labels themselves.

TEKEN_BREEDTE = 0.62   # em per character: DejaVu Sans / Arial are at most this wide on average


def tekst_breedte(tekst: str, grootte: float) -> float:
    """Estimated width in px of `tekst` (one line; <br> splits lines) at font size `grootte`."""
    regels = str(tekst).split("<br>")
    return max(sum(0.75 if c.isupper() or c in "mwMW%" else TEKEN_BREEDTE for c in r) for r in regels) * grootte


def vouw(tekst: str, max_tekens: int) -> str:
    """`tekst` broken into lines of at most `max_tekens` characters (at spaces), joined with <br>."""
    regels: list[str] = []
    for woord in str(tekst).split():
        if regels and len(regels[-1]) + 1 + len(woord) <= max_tekens:
            regels[-1] += " " + woord
        else:
            regels.append(woord)
    return "<br>".join(regels) or str(tekst)


def _as_tekst(waarde: float, layout_as: dict) -> str:
    suffix = layout_as.get("ticksuffix") or ""
    return fmt.getal(waarde) + suffix


def _categorisch(waarden) -> bool:
    return any(isinstance(v, str) for v in (waarden or ()) if v is not None)


def _drukmaten(data: list[dict], layout: dict, breedte: int, grootte: float | None) -> tuple[dict, dict, dict]:
    """The layout, x-axis and y-axis changes that make a figure (plotly's JSON form) print-ready: see drukklaar."""
    def deel(d: dict | None, sleutel: str) -> dict:
        return (d or {}).get(sleutel) or {}

    xaxis, yaxis = deel(layout, "xaxis"), deel(layout, "yaxis")
    grootte = grootte or (deel(layout, "font").get("size") or 15)
    lay: dict = dict(width=breedte, font=dict(size=grootte))
    xas: dict = {}
    yas: dict = {}
    marge = deel(layout, "margin")
    rechts = max(marge.get("r") or 0, 12)
    # the categories on the y axis (horizontal bars, dumbbells)
    categorieen: list[str] = []
    for tr in data:
        if _categorisch(tr.get("y")):
            for c in tr["y"]:
                if c is not None and c not in categorieen:
                    categorieen.append(c)
    if categorieen:
        # lines a label may take: as many as fit in the height of one category's row
        plot_hoogte = (layout.get("height") or 360) - (marge.get("t") or 0) - grootte * 3
        regels = max(1, int(plot_hoogte / len(categorieen) / (grootte * 1.3)))
        max_links = breedte * (0.38 if regels > 1 else 0.45)
        max_tekens = max(10, int(max_links / (grootte * TEKEN_BREEDTE)))
        gevouwen = [vouw(c, max_tekens) if regels > 1 and tekst_breedte(c, grootte) > max_links else c
                    for c in categorieen]
        breedste = max(tekst_breedte(c, grootte) for c in gevouwen)
        if breedste > max_links:   # still too wide: smaller type for these labels only
            yas["tickfont"] = dict(size=max(9, grootte * max_links / breedste))
            breedste = max_links
        links = breedste + 14
        yas.update(tickmode="array", tickvals=categorieen, ticktext=gevouwen)
    else:
        ywaarden = [v for tr in data for v in (tr.get("y") or ()) if isinstance(v, (int, float))]
        grootste = max((abs(v) for v in ywaarden), default=0)
        if layout.get("barmode") == "stack":
            grootste = max((sum(v for tr in data for v in [tr["y"][i]] if isinstance(v, (int, float)))
                            for i in range(len(data[0].get("y") or ()))), default=grootste)
        links = tekst_breedte(_as_tekst(grootste * 1.1, yaxis), grootte) + 14
        if deel(yaxis, "title").get("text"):
            links += grootte * 1.6
    # the value axis of horizontal bars: room for the value printed outside the longest bar
    onder = grootte * 1.8 + 8 + (grootte * 1.6 if deel(xaxis, "title").get("text") else 0)
    horizontaal = [tr for tr in data if tr.get("orientation") == "h"]
    if horizontaal:
        waarden = [v for tr in horizontaal for v in (tr.get("x") or ()) if isinstance(v, (int, float))]
        teksten = [t for tr in horizontaal for t in (tr.get("text") or ()) if t]
        if waarden:
            grootste = max(waarden)
            plot = max(breedte - links - rechts, 100)
            tekst = max((tekst_breedte(t, grootte) for t in teksten), default=0) + 10
            aandeel = min(tekst / plot, 0.4)
            laagste = min(0, min(waarden))
            # room for the value label beyond the longest bar, on the right and (negative bars) on the left
            ruimte = (max(grootste, 0) - laagste) * aandeel / (1 - (2 if laagste < 0 else 1) * aandeel)
            xas["range"] = [laagste - ruimte if laagste < 0 else 0, grootste + ruimte if grootste > 0 else ruimte or 1]
        # the last tick label sits on the right edge of the plot: half of it sticks out
        rechts = max(rechts, tekst_breedte(_as_tekst(max(waarden, default=0), xaxis), grootte) / 2 + 6)
    else:
        xwaarden = [v for tr in data for v in (tr.get("x") or ()) if isinstance(v, (int, float))]
        if xwaarden:
            rechts = max(rechts, tekst_breedte(_as_tekst(max(xwaarden), xaxis), grootte) / 2 + 6)
    boven = marge.get("t") or 0
    if len(data) > 1 and layout.get("showlegend") is not False:
        lay["legend"] = dict(orientation="h", x=0, xanchor="left", y=1.02, yanchor="bottom")
        namen = [tr.get("name") or "" for tr in data]
        regel = sum(tekst_breedte(n, grootte) + 50 for n in namen)
        regels = max(1, -(-int(regel) // max(breedte - 20, 1)))
        boven = max(boven, regels * grootte * 1.5 + 14)
    lay["margin"] = dict(l=int(links), r=int(rechts), t=int(boven), b=int(onder))
    xas["automargin"] = yas["automargin"] = False   # last: the key order of the figure's JSON as before
    return lay, xas, yas


def drukklaar(fig: go.Figure, breedte: int, grootte: float | None = None) -> go.Figure:
    """`fig` with fixed margins and ranges so that, at `breedte` px wide and without Plotly's
    automargin, every category label, tick label and value label lies inside the figure:
    the left margin fits the longest category label (long ones wrapped onto two or three
    lines), the value axis leaves room for labels printed outside the bars, and the bottom
    margin fits the tick labels. Used by every static render (HTML/PDF export, slides);
    printklaar does the same to a figure dict."""
    d = fig.to_plotly_json()
    # the changes are applied in three updates: each Plotly update validates and costs ~2 ms
    lay, xas, yas = _drukmaten(d["data"], d["layout"], breedte, grootte)
    fig.update_layout(lay)
    fig.update_xaxes(xas)
    fig.update_yaxes(yas)
    return fig


def _samen(doel: dict, nieuw: dict) -> None:
    """Plotly's update of a compound property on plain dicts: nested dicts merged, anything else replaced."""
    for k, v in nieuw.items():
        if isinstance(v, dict) and isinstance(doel.get(k), dict):
            _samen(doel[k], v)
        else:
            doel[k] = v


def printklaar(fig: dict, breedte: int, grootte: float | None = None) -> dict:
    """drukklaar for a figure in plotly's JSON form (as `bouwer.als_dict` makes it), changed in place: the same
    figure drukklaar makes of go.Figure(fig), without validating it."""
    layout = fig.setdefault("layout", {})
    lay, xas, yas = _drukmaten(fig.get("data") or [], layout, breedte, grootte)
    _samen(layout, lay)
    for prefix, wijziging in (("xaxis", xas), ("yaxis", yas)):
        # every axis of that direction, as update_xaxes/update_yaxes (the first one always exists in a go.Figure)
        for k in [k for k in layout if k == prefix or (k.startswith(prefix) and k[len(prefix):].isdigit())] or [prefix]:
            _samen(layout.setdefault(k, {}), dict(wijziging))
    return fig

"""Small per-quarter bar charts as inline SVG, for the monitor's PDF: drawn in
Python, a few kilobytes each, with their numbers in the SVG's title and
description. The PDF then needs no plotly.js (4.6 MB per page, most of the
time a PDF took) and no chart to draw in the browser. The page keeps its
Plotly charts (dashboard/monitor/charts.py); the colours are the same."""
from __future__ import annotations

from markupsafe import Markup, escape

from dashboard.kern import format as fmt
from dashboard.monitor.charts import REEKS_KLEUREN
from werkenaanwerk import definities as d

DOEL_KLEUR = "#1f2933"
RASTER = "#cbd2d9"
TEKST = "#3e4c59"     # 9,9:1 on white
LETTER = 11           # user units; a block is 88 mm = 333 CSS px for 330 units, so 11 units print at 8,3 pt


def _schaal(hoogste: float) -> float:
    """A round top for the y axis at or above `hoogste`, at least 2 and even (1, 2, 4, 6 or 8 times a power of
    ten), so the middle gridline is a whole count too."""
    hoogste = max(hoogste, 2)
    stap = 1.0
    while stap * 10 <= hoogste:
        stap *= 10
    for f in (1, 2, 4, 6, 8, 10):
        if f * stap >= hoogste:
            return f * stap
    return 10 * stap


def legenda(reeksen: list[str], doel: str | None = None) -> Markup:
    """The legend shared by every chart of the PDF (HTML: one line above the project blocks)."""
    delen = [f'<span><i style="background:{REEKS_KLEUREN[i % len(REEKS_KLEUREN)]}"></i>{escape(naam)}</span>'
             for i, naam in enumerate(reeksen)]
    if doel:
        delen.append(f'<span><i class="lijn"></i>{escape(doel)}</span>')
    return Markup('<p class="legenda">' + "".join(delen) + "</p>")


def per_kwartaal(kwartalen: list[str], reeksen: list[tuple[str, list]], doel: list[float | None] | None = None,
                 titel: str = "", breedte: int = 330, hoogte: int = 86) -> Markup:
    """Grouped bars, one group per kwartaal (codes like 2024-Q3), one bar per series (None: not reported,
    no bar); `doel` per kwartaal as a dashed line over its group where it holds. The numbers are in the
    SVG's description, so a screen reader reads them; the x axis names the years (or every kwartaal when
    there are few)."""
    links, rechts, boven, onder = 26, 4, 6, 16
    w, h = breedte - links - rechts, hoogte - boven - onder
    waarden = [x for _, reeks in reeksen for x in reeks if x is not None] + [x for x in doel or [] if x is not None]
    top = _schaal(max(waarden, default=0))

    def y(x: float) -> float:
        return boven + h - h * x / top

    n = max(len(kwartalen), 1)
    groep = w / n
    staaf = groep * 0.84 / max(len(reeksen), 1)
    delen = []
    for x in (0, top / 2, top):
        delen.append(f'<line x1="{links}" x2="{links + w}" y1="{y(x):.1f}" y2="{y(x):.1f}" stroke="{RASTER}" '
                     'stroke-width="0.6"/>')
        delen.append(f'<text x="{links - 3}" y="{y(x) + 3.5:.1f}" text-anchor="end">{fmt.getal(x, 0 if float(x).is_integer() else 1)}</text>')
    for i, (_, reeks) in enumerate(reeksen):
        kleur = REEKS_KLEUREN[i % len(REEKS_KLEUREN)]
        for j, x in enumerate(reeks):
            if x is None or x <= 0:
                continue
            x0 = links + j * groep + groep * 0.08 + i * staaf
            delen.append(f'<rect x="{x0:.2f}" y="{y(x):.2f}" width="{staaf:.2f}" height="{h * x / top:.2f}" '
                         f'fill="{kleur}"/>')
    for j, x in enumerate(doel or []):
        if x is not None:
            delen.append(f'<line x1="{links + j * groep:.2f}" x2="{links + (j + 1) * groep:.2f}" y1="{y(x):.2f}" '
                         f'y2="{y(x):.2f}" stroke="{DOEL_KLEUR}" stroke-width="1.4" stroke-dasharray="3 2"/>')
    per_kwartaal_label = n <= 5
    for j, k in enumerate(kwartalen):
        if per_kwartaal_label:
            delen.append(f'<text x="{links + (j + 0.5) * groep:.1f}" y="{hoogte - 4}" text-anchor="middle">'
                         f'{escape(d.kwartaal_label(k))}</text>')
        elif j == 0 or k.endswith("Q1"):
            delen.append(f'<line x1="{links + j * groep:.1f}" x2="{links + j * groep:.1f}" y1="{boven + h}" '
                         f'y2="{boven + h + 4}" stroke="{TEKST}" stroke-width="0.6"/>')
            if links + j * groep + 26 <= breedte:
                delen.append(f'<text x="{links + j * groep + 1:.1f}" y="{hoogte - 4}">'
                             f'{escape(k[:4] if k.endswith("Q1") else d.kwartaal_label(k))}</text>')
    delen.append(f'<line x1="{links}" x2="{links + w}" y1="{boven + h}" y2="{boven + h}" stroke="{TEKST}" '
                 'stroke-width="0.8"/>')
    beschrijving = ". ".join(
        f"{naam}: " + ", ".join(f"{d.kwartaal_label(k)} {fmt.LEEG if x is None else fmt.getal(x)}"
                                for k, x in zip(kwartalen, reeks, strict=True))
        for naam, reeks in reeksen)
    if doel and any(x is not None for x in doel):
        beschrijving += ". Doel naar rato per kwartaal: " + ", ".join(
            f"{d.kwartaal_label(k)} {fmt.getal(x, 0 if float(x).is_integer() else 1)}"
            for k, x in zip(kwartalen, doel, strict=True) if x is not None)
    return Markup(
        f'<svg class="kwartalen" viewBox="0 0 {breedte} {hoogte}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" font-size="{LETTER}" fill="{TEKST}">'
        f"<title>{escape(titel)}</title><desc>{escape(beschrijving)}.</desc>" + "".join(delen) + "</svg>")

"""The Analyse arbeidsmarkt as a PowerPoint deck (python-pptx): the same slides as the
presentation (dashboard.analyse.presentatie.dias): a title slide, one slide per figure with the
section's text, the opgaven and the sources. Charts are native, editable PowerPoint charts made
from the figure's own chart data (the recipe a saved version keeps), with the figure's title and
its bron/peildatum line. Needs no browser."""
from __future__ import annotations

import io

from dashboard.analyse import presentatie
from dashboard.export import opmaak
from dashboard.figuren import figuur as figuren
from dashboard.kern import format as fmt

TEKST_KLEUR = "1F2933"
GRIJS = "52606D"


class PptxFout(Exception):
    """The deck could not be made; Dutch message."""


def _pptx():
    try:
        import pptx  # noqa: F401
    except ImportError as exc:
        raise PptxFout("python-pptx ontbreekt: een PowerPoint maken kan niet. Installeer de afhankelijkheden "
                       "van het project opnieuw (python-pptx staat in pyproject.toml).") from exc
    import pptx
    return pptx


def reeksen(recept: figuren.Grafiek) -> dict | None:
    """The chart of a recipe as plain data for a PowerPoint chart:
    {soort: 'bar'|'kolom'|'lijn', gestapeld, categorieen, reeksen: [(naam, waarden)], procent}.
    Read from the Plotly figure the recipe draws, so every chart module's builders work."""
    fig = recept.plotly()
    horizontaal = any(getattr(tr, "orientation", None) == "h" for tr in fig.data)
    soort = None
    categorieen: list = []
    per_reeks: list[tuple[str, dict]] = []
    for tr in fig.data:
        if tr.type == "bar":
            cats, waarden = (tr.y, tr.x) if tr.orientation == "h" else (tr.x, tr.y)
            soort = soort or ("bar" if tr.orientation == "h" else "kolom")
        elif tr.type == "scatter":
            if "markers" not in (tr.mode or "") and "lines" in (tr.mode or "") and tr.hoverinfo == "skip":
                continue   # a connecting line (dumbbell), not data
            if _tekst(tr.y):
                cats, waarden = tr.y, tr.x
                soort = soort or "bar"
                horizontaal = True
            else:
                cats, waarden = tr.x, tr.y
                soort = soort or ("lijn" if "lines" in (tr.mode or "") else "kolom")
        else:
            continue
        rij = {}
        for c, w in zip(cats or (), waarden or (), strict=False):
            if c is None:
                continue
            c = str(c)
            if c not in categorieen:
                categorieen.append(c)
            rij[c] = None if w is None else float(w)
        per_reeks.append((tr.name or "", rij))
    if not per_reeks or not categorieen:
        return None
    suffix = (fig.layout.xaxis.ticksuffix if horizontaal else fig.layout.yaxis.ticksuffix) or ""
    return {"soort": soort, "gestapeld": fig.layout.barmode == "stack", "categorieen": categorieen,
            "reeksen": [(naam, [rij.get(c) for c in categorieen]) for naam, rij in per_reeks],
            "procent": suffix == "%"}


def _tekst(waarden) -> bool:
    return any(isinstance(v, str) for v in (waarden or ()) if v is not None)


def _kleur(rgb: str):
    from pptx.dml.color import RGBColor
    return RGBColor.from_string(rgb)


def _tekstvak(dia, links, boven, breedte, hoogte, alineas, grootte=18, vet=False, kleur=TEKST_KLEUR):
    from pptx.util import Pt
    vak = dia.shapes.add_textbox(links, boven, breedte, hoogte)
    tf = vak.text_frame
    tf.word_wrap = True
    for i, tekst in enumerate(alineas):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        run = p.add_run()
        run.text = tekst
        run.font.size = Pt(grootte)
        run.font.bold = vet
        run.font.color.rgb = _kleur(kleur)
        p.space_after = Pt(grootte * 0.5)
    return vak


def _grafiek(dia, data: dict, links, boven, breedte, hoogte):
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
    from pptx.util import Pt

    cd = CategoryChartData(number_format='0.0"%"' if data["procent"] else "#,##0")
    cd.categories = data["categorieen"]
    for naam, waarden in data["reeksen"]:
        cd.add_series(naam, waarden)
    soort = {("bar", False): XL_CHART_TYPE.BAR_CLUSTERED, ("bar", True): XL_CHART_TYPE.BAR_STACKED,
             ("kolom", False): XL_CHART_TYPE.COLUMN_CLUSTERED, ("kolom", True): XL_CHART_TYPE.COLUMN_STACKED,
             ("lijn", False): XL_CHART_TYPE.LINE_MARKERS, ("lijn", True): XL_CHART_TYPE.LINE_MARKERS}
    grafiek = dia.shapes.add_chart(soort[(data["soort"], data["gestapeld"])], links, boven, breedte, hoogte, cd).chart
    grafiek.font.size = Pt(14)
    grafiek.font.color.rgb = _kleur(TEKST_KLEUR)
    grafiek.has_legend = len(data["reeksen"]) > 1
    if grafiek.has_legend:
        grafiek.legend.position = XL_LEGEND_POSITION.TOP
        grafiek.legend.include_in_layout = False
    if data["soort"] == "bar":   # first category at the top, as on the screen
        grafiek.category_axis.reverse_order = True
    if data["soort"] != "lijn":
        plot = grafiek.plots[0]
        plot.has_data_labels = True
        plot.data_labels.number_format = '0.0"%"' if data["procent"] else "#,##0"
        plot.data_labels.number_format_is_linked = False
        plot.data_labels.font.size = Pt(12)
    grafiek.value_axis.tick_labels.number_format = '0"%"' if data["procent"] else "#,##0"
    grafiek.value_axis.tick_labels.number_format_is_linked = False
    grafiek.value_axis.has_major_gridlines = True
    return grafiek


def _tabel(dia, tabel: dict, links, boven, breedte, hoogte):
    from pptx.util import Pt
    kolommen = list(tabel["columns"])[:5]
    rijen = tabel["data"][:12]
    vorm = dia.shapes.add_table(len(rijen) + 1, len(kolommen), links, boven, breedte, hoogte).table
    for j, k in enumerate(kolommen):
        vorm.cell(0, j).text = str(k)
    for i, rij in enumerate(rijen, start=1):
        for j, w in enumerate(rij[:len(kolommen)]):
            vorm.cell(i, j).text = opmaak.cel(w)
    for r in vorm.rows:
        for c in r.cells:
            for p in c.text_frame.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(12)


def maak(doc: dict, versie: str) -> bytes:
    """The deck as .pptx bytes: one slide per presentation slide."""
    pptx = _pptx()
    from pptx.util import Emu, Inches

    prs = pptx.Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    leeg = prs.slide_layouts[6]
    marge = Inches(0.5)
    breed = prs.slide_width - 2 * marge
    for nr, d in enumerate(presentatie.dias(doc), start=1):
        dia = prs.slides.add_slide(leeg)
        _tekstvak(dia, marge, Inches(0.3), breed, Inches(0.9), [d["titel"]], grootte=32, vet=True)
        _tekstvak(dia, prs.slide_width - Inches(2), prs.slide_height - Inches(0.45), Inches(1.6), Inches(0.35),
                  [f"{nr}"], grootte=11, kleur=GRIJS)
        boven = Inches(1.3)
        hoog = prs.slide_height - boven - Inches(0.5)
        if d["soort"] == "titel":
            build = doc.get("build") or {}
            regels = [f"Regionaal Beraad · versie: {versie}",
                      f"Arbeidsmarktregio {doc['regio_naam']} ({doc['regio']}), vergeleken met {doc['vergelijk_naam']}."]
            if presentatie.periode(doc):
                regels.append(f"Periode: cijfers met peildatum {presentatie.periode(doc)}.")
            regels.append(f"Cijfers uit het datawarehouse van {fmt.datum_tijd(build.get('built_at'))}. "
                          "Elke dia noemt haar bron en peildatum.")
            _tekstvak(dia, marge, boven, breed, hoog, regels, grootte=22)
        elif d["soort"] == "opgaven":
            o = doc["opgaven"]
            _tekstvak(dia, marge, boven, breed, hoog,
                      [o["inleiding"]] + [f"{x['naam']}: ‘{x['tekst']}’" for x in o["lijst"]], grootte=17)
            _tekstvak(dia, marge, prs.slide_height - Inches(0.6), breed, Inches(0.4), [f"Bron: {o['bron']}"],
                      grootte=11, kleur=GRIJS)
        elif d["soort"] == "bronnen":
            regels = [f"{t}: {b} · peildatum {p}" for t, b, p in presentatie.bronnen(doc)]
            _tekstvak(dia, marge, boven, breed, hoog, regels, grootte=14)
        else:
            s, f = d["sectie"], d["figuur"]
            if d["eerste"]:
                alineas = [s["alineas"][i] for i in s.get("dia", range(len(s["alineas"]))) if i < len(s["alineas"])]
            else:
                alineas = [f["zin"]] if f and f.get("zin") else []
            tekst_breed = Emu(int(breed * 5 / 12)) if f else breed
            _tekstvak(dia, marge, boven, tekst_breed, hoog, alineas, grootte=15)
            if f:
                links = marge + tekst_breed + Inches(0.3)
                rechts_breed = prs.slide_width - links - marge
                if f.get("titel"):
                    _tekstvak(dia, links, boven - Inches(0.1), rechts_breed, Inches(0.7), [f["titel"]], grootte=15,
                              vet=True)
                g_boven, g_hoog = boven + Inches(0.7), hoog - Inches(1.1)
                data = reeksen(figuren.grafiek_van_dict(f)) if f.get("grafiek") else None
                if data:
                    _grafiek(dia, data, links, g_boven, rechts_breed, g_hoog)
                elif f.get("tabel"):
                    _tabel(dia, f["tabel"], links, g_boven, rechts_breed, Inches(0.3) * (min(len(f["tabel"]["data"]), 12) + 1))
                if f.get("bron"):
                    _tekstvak(dia, links, prs.slide_height - Inches(0.8), rechts_breed, Inches(0.4),
                              [f"Bron: {f['bron']} · Peildatum: {f['peildatum']}"], grootte=11, kleur=GRIJS)
    uit = io.BytesIO()
    prs.core_properties.title = f"Analyse arbeidsmarkt {doc['regio_naam']} · {versie}"
    prs.core_properties.language = "nl-NL"
    prs.save(uit)
    return uit.getvalue()

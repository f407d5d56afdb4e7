"""The PowerPoint export: `python -m dashboard.report --format pptx` writes a deck that python-pptx
opens, one slide per presentation slide, with native charts whose series are the warehouse's numbers."""
from __future__ import annotations

import importlib.util

import pytest

from dashboard.analyse import document as analyse
from dashboard.analyse import presentatie
from dashboard.export import report
from dashboard.kern import db

pytestmark = pytest.mark.skipif(importlib.util.find_spec("pptx") is None,
                                reason="python-pptx is not installed (a dependency in pyproject.toml)")


def grafieken(prs) -> dict[str, object]:
    """Slide title -> its chart, for every slide with a chart."""
    uit = {}
    for dia in prs.slides:
        teksten = [s.text_frame.text for s in dia.shapes if s.has_text_frame]
        for s in dia.shapes:
            if s.has_chart:
                uit[teksten[0]] = s.chart
    return uit


def test_pptx_has_one_slide_per_presentation_slide_with_the_warehouse_numbers(warehouse, tmp_path):
    from pptx import Presentation

    doel = tmp_path / "analyse.pptx"
    assert report.main(["--format", "pptx", "--out", str(doel)]) == 0
    prs = Presentation(str(doel))
    doc = analyse.maak("AM12")
    dias = presentatie.dias(doc)
    assert len(prs.slides) == len(dias)
    titels = [[s.text_frame.text for s in d.shapes if s.has_text_frame][0] for d in prs.slides]
    assert titels == [d["titel"] for d in dias]
    assert titels[-1] == "Bronnen" and titels[0] == "Analyse arbeidsmarkt Gooi en Vechtstreek"
    charts = grafieken(prs)

    # mismatch: WW-uitkeringen and vacatures per beroepsklasse, straight from marts.mismatch
    mm = {r["beroepsklasse"]: r for r in db.rijen("mismatch", regio="AM12")}
    chart = charts["Mismatch"]
    cats = list(chart.plots[0].categories)
    assert set(cats) == set(mm)
    series = {s.name: list(s.values) for s in chart.plots[0].series}
    ww = next(v for k, v in series.items() if k.startswith("WW-uitkeringen"))
    vac = next(v for k, v in series.items() if k.startswith("Openstaande vacatures"))
    assert ww == [mm[c]["ww_uitkeringen"] for c in cats]
    assert vac == [mm[c]["vacatures"] for c in cats]

    # banen: werknemers and zelfstandigen per year (Tabel 4)
    banen = db.rijen("banen", regio="AM12")
    s = {x.name: list(x.values) for x in charts["Algemene schets arbeidsmarkt"].plots[0].series}
    assert s["Banen werknemers"] == [r["werknemers"] for r in banen]
    assert s["Banen zelfstandigen"] == [r["zelfstandigen"] for r in banen]

    # every figure slide names its bron and peildatum
    alle_tekst = "\n".join(sh.text_frame.text for d in prs.slides for sh in d.shapes if sh.has_text_frame)
    for f in (f for sec in doc["secties"] for f in sec["figuren"] if f["bron"] and sec.get("presentatie", True)):
        assert f"Bron: {f['bron']} · Peildatum: {f['peildatum']}" in alle_tekst


def test_pptx_to_a_missing_folder_says_so_and_writes_nothing(warehouse, tmp_path, capsys):
    doel = tmp_path / "bestaat-niet" / "analyse.pptx"
    assert report.main(["--format", "pptx", "--out", str(doel)]) == 1
    assert "bestaat niet" in capsys.readouterr().err
    assert not doel.exists()


def test_pptx_of_an_unknown_version_says_so(warehouse, tmp_path, capsys):
    doel = tmp_path / "analyse.pptx"
    assert report.main(["--format", "pptx", "--out", str(doel), "--version", "bestaat niet"]) == 1
    assert "Er is geen versie 'bestaat niet'" in capsys.readouterr().err
    assert not doel.exists()

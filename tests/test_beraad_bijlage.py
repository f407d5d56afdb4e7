"""The Bijlage 1 figures that were missing from the Analyse: groei naar oorzaak (Figuur 3), beroeps- and
niet-beroepsbevolking with the parts of the onbenut arbeidspotentieel (Figuur 4), GWU by leeftijd
(Tabel 2) and WW by leeftijd and geslacht (Tabel 3). Expected numbers are read from our transcriptions
in data/raw/seed (what the printed Bijlage says), not from the code under test."""
from __future__ import annotations

import csv
import importlib.util
from html import unescape

import pytest

from dashboard.analyse import document as analyse
from dashboard.analyse import presentatie
from dashboard.export import report
from dashboard.figuren import register, samenvatting
from dashboard.kern import context
from tests.conftest import REPO

SEED = REPO / "data" / "raw" / "seed"
NIEUW = ["bevolkingsgroei-oorzaak", "beroepsbevolking", "gwu-leeftijd", "ww-leeftijd", "ww-geslacht"]


def seed(bestand: str, **waar) -> list[dict]:
    with open(SEED / bestand, encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh) if all(r[k] == v for k, v in waar.items())]


def staven(fig, reeks: str | None = None) -> dict[str, float]:
    """Category -> value of the chart's bars (of the trace named `reeks`, else the first)."""
    data = fig.grafiek.plotly().data
    trace = next(t for t in data if t.name == reeks) if reeks else data[0]
    return dict(zip(trace.y, trace.x, strict=True))


def test_groei_naar_oorzaak_shows_the_printed_migration_numbers_with_their_qualifiers(warehouse):
    fig = register.maak("bevolkingsgroei-oorzaak", context.maak("AM12"))
    printed = seed("migratie.csv", regio="AM12")
    assert len(printed) == 2
    assert staven(fig) == {r["periode"]: float(r["waarde"]) for r in printed}
    teksten = list(fig.grafiek.plotly().data[0].text)
    # "meer dan 3.000", "ruim 1.500": the qualifier before the number, on the bar and in the sentence
    for r, tekst in zip(printed, teksten, strict=True):
        getal = f"{int(r['waarde']):,}".replace(",", ".")
        assert tekst == f"{r['kwalificatie']} {getal}"
        assert f"in {r['periode']} {r['kwalificatie']} {getal}" in fig.zin
    assert fig.grafiek.plotly().layout.yaxis.type == "category"   # 2022 is a label, not a point on a scale
    assert "binnenlandse verhuizingen" in fig.definitie and fig.bron == "UWV"


def test_beroepsbevolking_splits_the_15_75_population_as_figuur_4(warehouse):
    fig = register.maak("beroepsbevolking", context.maak("AM12"))
    rijen = seed("arbeidsdeelname.csv", regio="AM12")
    waarde = {(r["indicator"], r["categorie"]): float(r["waarde"]) for r in rijen}
    bars = staven(fig)
    assert bars == {
        "Werkenden die niet meer uren kunnen of willen werken": waarde["werkenden_geen_extra_uren", "Totaal"],
        "Onbenut: onderbenutte deeltijders": waarde["onbenut_arbeidspotentieel", "Onderbenutte deeltijders"],
        "Onbenut: werklozen": waarde["onbenut_arbeidspotentieel", "Werklozen"],
        "Onbenut: semi-werklozen": waarde["onbenut_arbeidspotentieel", "Semi-werklozen"],
        "Niet-beroepsbevolking (exclusief semi-werklozen)": waarde["niet_beroepsbevolking", "Totaal"],
    }
    # the three parts are the printed onbenut total (15.000)
    onbenut = sum(v for k, v in bars.items() if k.startswith("Onbenut"))
    assert onbenut == waarde["onbenut_arbeidspotentieel", "Totaal"] == 15000
    # the printed parts add up to 182.000 against the printed 183.000: said, not hidden
    assert sum(bars.values()) == 182000 and waarde["inwoners_15_75", "Totaal"] == 183000
    assert any("182.000" in n and "183.000" in n for n in fig.notities)
    assert fig.zin.startswith("Van de 183.000 inwoners van 15 tot 75 jaar in Gooi en Vechtstreek zijn circa 129.000")
    assert "15.000 horen tot het onbenut arbeidspotentieel (7.000 onderbenutte deeltijders, 5.000 werklozen en " \
           "3.000 semi-werklozen)" in fig.zin
    # the onbenut parts stand out in colour, and their label says it in words too
    kleuren = list(fig.grafiek.plotly().data[0].marker.color)
    assert len(set(kleuren[1:4])) == 1 and kleuren[1] not in (kleuren[0], kleuren[4])
    assert list(fig.tabel["Groep"])[-1] == "Inwoners van 15 tot 75 jaar"


def test_gwu_by_leeftijd_and_ww_by_leeftijd_and_geslacht_carry_the_printed_numbers(warehouse):
    ctx = context.maak("AM12")
    gwu = staven(register.maak("gwu-leeftijd", ctx), ctx.regio_naam)
    printed = {r["categorie"]: float(r["waarde"]) for r in seed("gwu_leeftijd.csv", regio="AM12", maat="aandeel")}
    # the chart shows shares computed from the counts; they round to the printed shares
    assert len(gwu) == len(printed) == 3
    assert [round(v) for v in gwu.values()] == list(printed.values())
    for dimensie in ("leeftijd", "geslacht"):
        fig = register.maak(f"ww-{dimensie}", ctx)
        printed = [r for r in seed("ww_kenmerken.csv", regio="AM12", dimensie=dimensie, maat="aandeel") if r["waarde"]]
        regio = staven(fig, ctx.regio_naam)
        assert [round(regio[samenvatting.categorie(r["categorie"])]) for r in printed] == \
            [float(r["waarde"]) for r in printed]


def test_the_analyse_and_its_exports_carry_the_new_figures(warehouse, tmp_path):
    doc = analyse.maak("AM12")
    per_sectie = {s["id"]: [f["sleutel"] for f in s["figuren"]] for s in doc["secties"]}
    assert "bevolkingsgroei-oorzaak" in per_sectie["inwoners"]
    assert per_sectie["werkenden"][0] == "beroepsbevolking"   # Werkenden has a chart of its own
    assert "gwu-leeftijd" in per_sectie["onbenut"]
    assert {"ww-leeftijd", "ww-geslacht"} <= set(per_sectie["ww"])
    # one slide each, and the Werkenden slide is a chart slide
    dias = [d for d in presentatie.dias(doc) if d.get("figuur")]
    assert {d["figuur"]["sleutel"] for d in dias} >= set(NIEUW)
    assert next(d for d in dias if d["figuur"]["sleutel"] == "beroepsbevolking")["figuur"]["grafiek"] is not None
    html = report.html(doc, None)
    for f in (f for s in doc["secties"] for f in s["figuren"] if f["sleutel"] in NIEUW):
        assert f'id="fig-{f["sleutel"]}"' in html and f["titel"] in unescape(html)
    assert "meer dan 3.000" in html and "ruim 1.500" in html and "182.000" in html
    if importlib.util.find_spec("pptx") is None:
        pytest.skip("python-pptx is not installed: the PPTX half of this test did not run")
    from pptx import Presentation
    doel = tmp_path / "analyse.pptx"
    assert report.main(["--format", "pptx", "--out", str(doel)]) == 0
    waarden = [list(s.values) for d in Presentation(str(doel)).slides for sh in d.shapes if sh.has_chart
               for s in sh.chart.plots[0].series]
    assert [129000.0, 7000.0, 5000.0, 3000.0, 38000.0] in waarden
    assert [3000.0, 1500.0] in waarden


def test_a_region_without_the_analysis_gets_the_empty_state(warehouse):
    ctx = context.maak("AM01")
    for sleutel in ("bevolkingsgroei-oorzaak", "beroepsbevolking"):
        assert register.maak(sleutel, ctx) is None
        titel, leeg = register.aanmelding(sleutel).leeg_tekst(ctx)
        assert ctx.regio_naam in leeg and "None" not in leeg

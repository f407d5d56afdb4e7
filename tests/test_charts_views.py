"""Pure figure builders, shaping and sentences, against hand-computed values."""
import pandas as pd

from dashboard.figuren import charts, definities, samenvatting, views
from dashboard.figuren.mismatch import feiten_uit
from dashboard.figuren.vacatures import feiten_uit as vacature_feiten


def test_vergelijking_staaf_puts_region_last_and_highlights():
    fig = charts.vergelijking_staaf(["A", "B"], [18.2, 8.1], [13.7, 4.1], "Regio", "Nederland",
                                    uitgelicht=[True, False])
    regio = fig.data[1]
    assert [t.name for t in fig.data] == ["Nederland", "Regio"]
    assert list(regio.marker.color) == [charts.ACCENT_KLEUR, charts.REGIO_KLEUR]
    assert list(regio.text) == ["18,2%", "8,1%"]
    assert fig.layout.separators == ",."


def test_mismatch_halter_draws_a_line_only_for_classified_rows():
    fig = charts.mismatch_halter(["Managers", "Zorg", "Zonder beroepsklasse"], [400, 900, None], [693, 202, 344],
                                 ["kwantitatieve mismatch", "kwalitatieve mismatch", None], "Vac", "WW")
    lijnen = {t.name: t for t in fig.data if t.mode == "lines"}
    assert list(lijnen["Kwantitatieve mismatch"].y) == ["Managers", "Managers", None]
    assert list(lijnen["Kwalitatieve mismatch"].x) == [900, 202, None]
    ww = next(t for t in fig.data if t.name == "WW")
    assert list(ww.y)[-1] == "Zonder beroepsklasse" and list(ww.x)[-1] == 344


def test_banen_staaf_hatches_only_the_prognosis():
    fig = charts.banen_staaf(["2017", "2024", "2027 (prognose)"], [92700, 106200, 108600],
                             [37600, 45800, 43900], [False, False, True])
    assert list(fig.data[0].marker.pattern.shape) == ["", "", "/"]
    assert fig.layout.barmode == "stack"


def tabel4() -> pd.DataFrame:
    return pd.DataFrame({
        "jaar": ["2017", "2024", "2027"], "is_prognose": [False, False, True],
        "werknemers": [92700.0, 106200.0, 108600.0], "zelfstandigen": [37600.0, 45800.0, 43900.0],
        "totaal": [130200.0, 151900.0, 152500.0],
        "aandeel_zelfstandigen_gedrukt": [28.9, 30.1, 28.8],
        "groei_totaal_gedrukt": [None, None, 500.0],
    })


def test_banen_growth_and_share_are_computed_from_the_printed_counts():
    rijen = views.banen(tabel4())
    laatste = rijen[-1]
    assert laatste["groei_werknemers"] == 2400 and round(laatste["groei_pct_werknemers"], 2) == 2.26
    assert laatste["groei_zelfstandigen"] == -1900 and round(laatste["groei_pct_zelfstandigen"], 2) == -4.15
    assert laatste["groei_totaal"] == 600 and round(laatste["groei_pct_totaal"], 3) == 0.395
    assert [round(r["aandeel_zelfstandigen"], 2) for r in rijen] == [28.88, 30.15, 28.79]
    assert [r["som"] for r in rijen] == [130300, 152000, 152500]


def test_banen_sentence_and_title():
    titel, zin = samenvatting.banen(views.banen(tabel4()), "G&V")
    assert titel == "Banen 2024-2027 (prognose): groei bij werknemers, daling bij zelfstandigen"
    assert "stijgt het aantal banen van werknemers in G&V met 2.400 (2,3%)" in zin
    assert "daalt dat van zelfstandigen met 1.900 (4,1%)" in zin and "van 30,2% naar 28,8%" in zin
    assert "verandert" not in zin and "+" not in zin


def mismatch_rij(klasse, vac, ww, soort):
    return {"beroepsklasse": klasse, "vacatures": vac, "ww_uitkeringen": ww, "mismatch": soort,
            "verschil": None if vac is None or ww is None else vac - ww, "is_rest": soort is None,
            "vacatures_periode": "2025-Q2", "vacatures_periode_type": "kwartaal",
            "ww_periode": "2025-09", "ww_periode_type": "maand",
            "vacatures_peildatum": "Q2 2025", "ww_peildatum": "september 2025"}


def test_mismatch_sentence_follows_the_classification():
    rijen = [mismatch_rij("Managers", 400, 693, "kwantitatieve mismatch"),
             mismatch_rij("Zorg en welzijn beroepen", 900, 202, "kwalitatieve mismatch"),
             mismatch_rij("ICT beroepen", 300, 106, "kwalitatieve mismatch")]
    assert samenvatting.mismatch_titel(feiten_uit(rijen)) == "Alleen bij managers meer WW-uitkeringen dan vacatures"
    zin = samenvatting.mismatch(feiten_uit(rijen), "G&V")
    assert "In 2 beroepsklassen zijn er meer vacatures dan WW-uitkeringen, het meest bij zorg en welzijn" in zin
    assert zin.endswith("Vacatures: Q2 2025; WW-uitkeringen: september 2025.")
    # changed numbers flip the finding
    rijen[1] = mismatch_rij("Zorg en welzijn beroepen", 150, 202, "kwantitatieve mismatch")
    assert samenvatting.mismatch_titel(feiten_uit(rijen)) == "Bij 2 beroepsklassen meer WW-uitkeringen dan vacatures"
    assert samenvatting.mismatch_titel(feiten_uit([rijen[2]])) == \
        "In alle beroepsklassen meer vacatures dan WW-uitkeringen"


def vacature_rij(klasse, n, pct, pct_nl):
    return {"categorie": klasse, "is_totaal": False, "regio_aantal": n,
            "regio_pct": pct, "vergelijk_pct": pct_nl, "verschil_pp": pct - pct_nl,
            "periode": "2025-Q2", "periode_type": "kwartaal"}


def test_vacatures_sentence_flips_when_zorg_falls_below_the_national_share():
    rijen = [vacature_rij("Zorg en welzijn beroepen", 900, 18.18, 13.67),
             vacature_rij("Technische beroepen", 450, 9.09, 19.97)]
    zin = samenvatting.vacatures(vacature_feiten(rijen, 3.0), "G&V", "Nederland")
    assert zin.startswith("In Q2 2025 stonden er in G&V 900 openstaande vacatures in de zorg en welzijn beroepen, "
                          "18% van alle vacatures tegen 14% in Nederland.")
    assert "duidelijk hoger dan in Nederland bij zorg en welzijn beroepen, duidelijk lager bij technische" in zin
    rijen[0] = vacature_rij("Zorg en welzijn beroepen", 500, 11.0, 13.67)
    zin = samenvatting.vacatures(vacature_feiten(rijen, 3.0), "G&V", "Nederland")
    assert "500 openstaande vacatures in de zorg en welzijn beroepen, 11% van alle vacatures tegen 14%" in zin
    assert "duidelijk hoger" not in zin and "duidelijk lager dan in Nederland bij technische beroepen" in zin


def test_spanningsband_follows_the_uwv_bands():
    assert [definities.spanningsband(x) for x in [0.24, 0.25, 0.67, 1.5, 4.0, 4.01]] == [
        "zeer ruim", "ruim", "gemiddeld", "krap", "krap", "zeer krap"]   # the boundaries, as the UWV mart has them
    assert [definities.spanningsband(x) for x in [0.2, 0.25, 0.6, 1.0, 1.5, 3.9, 4.46, None]] == [
        "zeer ruim", "ruim", "ruim", "gemiddeld", "krap", "krap", "zeer krap", None]


def test_kaarten_escape_html():
    df = pd.DataFrame([{"label": "<b>x</b>", "waarde": 1500.0, "eenheid": "personen", "kwalificatie": "ruim",
                        "bron": "UWV & CBS", "peildatum": "2023"}])
    html = views.kaarten(df)
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "UWV &amp; CBS" in html and '<div class="kc-value">1.500</div>' in html

"""The UWV pages with imported periods (issue 13), in AppTest: the period choice in the URL, the trend
charts per beroepsklasse and of the totals, the spanningsindicator with its bands, and Bronnen listing
every import. Data: the seed plus tests/fixtures/uwv/volgend_kwartaal_lang.csv (testfixture, verzonnen
waarden)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from basis.instellingen import Instellingen
from etl.build import build
from etl.uwv.__main__ import main as uwv_main
from tests.conftest import REPO

VOLGEND = Path(__file__).parent / "fixtures" / "uwv" / "volgend_kwartaal_lang.csv"


@pytest.fixture
def met_import(raw_dir, warehouse_path):
    inst = Instellingen.uit_omgeving().met(raw_dir=raw_dir, warehouse_path=warehouse_path)
    assert uwv_main(["import", str(VOLGEND), "--door", "Test Analist", "--zonder-verversen"], instellingen=inst) == 0
    build(raw_dir, warehouse_path)
    return warehouse_path


def run(page: str, **params) -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=30)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def tekst(at: AppTest) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption])


def specs(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def test_mismatch_defaults_to_the_latest_period_and_offers_the_older(met_import):
    at = run("app_pages/mismatch.py")
    keuze = at.selectbox(key="periode")
    assert keuze.options == ["Q3 2025", "Q2 2025"] and keuze.value == "Q3 2025"
    t = tekst(at)
    assert "Vacatures: Q3 2025" in t and "WW-uitkeringen: december 2025" in t
    # the UWV spanningsindicator by UWV's definition, with its bands named
    assert "#### 9 van de 12 beroepsklassen krap of zeer krap in Gooi en Vechtstreek" in t
    spanning = next(s for s in specs(at) if any(tr.get("name") == "zeer krap" for tr in s["data"]))
    krap = next(tr for tr in spanning["data"] if tr["name"] == "krap")
    assert "Managers" in krap["y"] and "ICT beroepen" in krap["y"]           # 4,00 and 1,50: boundaries
    # the trend per beroepsklasse over both periods
    assert "sinds vorig kwartaal (Q2 2025)" in t
    trend = specs(at)[-1]
    assert {tuple(tr["x"]) for tr in trend["data"]} >= {("Q2 2025", "Q3 2025")}
    # choosing the older period in the select shows it (the URL follows in the browser: test_uwv_browser)
    keuze.set_value("Q2 2025").run()
    assert "Vacatures: Q2 2025" in tekst(at) and "Alleen bij managers meer WW-uitkeringen dan vacatures" in tekst(at)


def test_mismatch_at_the_older_period_is_the_seed_mismatch_unchanged(met_import):
    at = run("app_pages/mismatch.py", periode="Q2 2025")
    t = tekst(at)
    assert "#### Alleen bij managers meer WW-uitkeringen dan vacatures" in t
    assert "Vacatures: Q2 2025" in t and "WW-uitkeringen: september 2025" in t
    assert "**344 WW-uitkeringen hebben geen beroepsklasse**" in t
    # without WW by duur for that period: the approximation, labelled as such
    assert "(benadering)" in t and "**Benadering**" in t


def test_vacatures_page_trend_of_the_total_regio_against_nederland(met_import):
    at = run("app_pages/vacatures.py")
    t = tekst(at)
    # fixture total 4.581 in Q3 against the seed's 4.950 in Q2
    assert "Openstaande vacatures in Gooi en Vechtstreek: 4.581 in Q3 2025, -369 (-7,5%) sinds vorig kwartaal (Q2 2025)." in t
    lijnen = specs(at)[-1]
    assert [tr["name"] for tr in lijnen["data"]] == ["Gooi en Vechtstreek", "Nederland"]
    assert lijnen["data"][0]["y"][0] == 100
    # the table beside it: per period the counts and the index the chart draws (4.581 / 4.950 = 92,5)
    from tests.test_toegankelijk import html_frames
    tabel = next(f for f in html_frames(at) if "Gooi en Vechtstreek: index" in f.columns).set_index("Periode")
    assert tabel.loc["Q2 2025", ["Gooi en Vechtstreek: aantal", "Gooi en Vechtstreek: index"]].tolist() == ["4.950", "100"]
    assert tabel.loc["Q3 2025", ["Gooi en Vechtstreek: aantal", "Gooi en Vechtstreek: index"]].tolist() == ["4.581", "93"]
    assert tabel.loc["Q3 2025", "Gooi en Vechtstreek: index"] == lijnen["data"][0]["text"][1]


def test_werkzoekenden_period_choice_shows_the_chosen_month(met_import):
    oud = run("app_pages/werkzoekenden.py", indeling="Leeftijd", periode="september 2025")
    assert oud.selectbox(key="periode").options == ["december 2025", "september 2025"]
    assert oud.selectbox(key="periode").value == "september 2025"
    assert "Bron: UWV · Peildatum: september 2025" in tekst(oud)
    assert "december 2025" not in tekst(oud).split("Werkzoekenden (GWU):")[0]
    nieuw = run("app_pages/werkzoekenden.py", indeling="Leeftijd")
    assert "Bron: UWV · Peildatum: december 2025" in tekst(nieuw)
    # the GWU total over time: fixture 12.200 in december against the seed's 12.106 in september
    assert "Werkzoekenden (GWU) in Gooi en Vechtstreek: 12.200 in december 2025, +94 (+0,8%) sinds september 2025." \
        in tekst(nieuw)


def test_a_single_period_shows_no_choice_and_says_how_a_trend_appears(warehouse):
    at = run("app_pages/mismatch.py")
    assert not at.get("button_group") and [s.label for s in at.selectbox] == ["Arbeidsmarktregio"]
    assert any("twee of meer perioden" in i.value for i in at.info)


def test_bronnen_lists_every_uwv_import_and_the_latest_period(met_import):
    at = run("app_pages/bronnen.py")
    from tests.test_toegankelijk import html_frames
    frames = html_frames(at)   # HTML tables since issue 15
    imports = next(f for f in frames if "Bestand" in f.columns and "Door" in f.columns)
    assert set(imports["Bestand"]) == {"volgend_kwartaal_lang.csv"}
    assert set(imports["Door"]) == {"Test Analist"}
    actueel = next(f for f in frames if "Laatste periode" in f.columns)
    rij = actueel[(actueel["Regio"] == "Gooi en Vechtstreek") & (actueel["Tabel"] == "Werkzoekenden (GWU)")].iloc[0]
    # gwu_opleiding: the seed's september, while NL01 also stops at september: not stale
    assert rij["Laatste periode"] == "september 2025" and rij["Verouderd"] == "nee"


def test_spanning_shows_the_national_counterpart_when_the_file_gives_it(raw_dir, warehouse_path, tmp_path):
    inst = Instellingen.uit_omgeving().met(raw_dir=raw_dir, warehouse_path=warehouse_path)
    nl = tmp_path / "nl.csv"
    nl.write_text("# testfixture, verzonnen waarden\nregio,periode,tabel,kenmerk,categorie,maat,waarde,bron,peildatum\n"
                  "NL01,2025-12,ww_beroepsklasse,,Managers,aantal,30000,UWV,december 2025\n"
                  "NL01,2025-12,ww_beroepsklasse,verstreken_duur,Managers,aantal,5000,UWV,december 2025\n",
                  encoding="utf-8")
    assert uwv_main(["import", str(VOLGEND), str(nl), "--door", "T"], instellingen=inst) == 0
    at = run("app_pages/mismatch.py")
    t = tekst(at)
    # NL01 Q3 vacatures Managers 29.750 / 5.000 = 5,95: zeer krap
    assert "In Nederland zijn 1 van de 1 beroepsklassen krap of zeer krap." in t
    from tests.test_toegankelijk import html_frames
    tabel = next(f for f in html_frames(at) if "Spanning Nederland" in f.columns)
    managers = tabel[tabel["Beroepsklasse"] == "Managers"].iloc[0]
    assert (managers["Spanning Nederland"], managers["Band Nederland"]) == ("5,95", "zeer krap")


def _kaarten_html(at: AppTest) -> str:
    return "\n".join(e.proto.body for e in at.get("html")) + "\n".join(m.value for m in at.markdown)


def test_overzicht_tiles_say_the_change_since_the_previous_period_of_the_same_source(met_import):
    at = run("app_pages/overzicht.py")
    html = _kaarten_html(at)
    # vacatures: fixture 4.581 in Q3 2025 against the seed's 4.950 in Q2 2025 (Tabel 5): -369, -7,45 %
    assert "-369 (-7,5%) sinds vorig kwartaal (Q2 2025)" in html
    # WW-uitkeringen per beroepsklasse: fixture 3.729 in december 2025 against the seed's 2.914 (Tabel 6,
    # september 2025): +815, +27,97 %; not a month or quarter apart, so the period is named
    assert "+815 (+28,0%) sinds september 2025" in html
    # Banen (Tabel 4): 151.900 in 2024 against 130.200 in 2017, the same source's previous period
    assert "+21.700 (+16,7%) sinds 2017" in html
    from tests.test_toegankelijk import html_frames
    tabel = next(f for f in html_frames(at) if "Verandering" in f.columns)
    assert tabel.loc[tabel["Kerncijfer"] == "Openstaande vacatures", "Verandering"].iloc[0] == \
        "-369 (-7,5%) sinds vorig kwartaal (Q2 2025)"


def test_overzicht_tiles_without_a_previous_period_show_no_change(warehouse):
    html = _kaarten_html(run("app_pages/overzicht.py"))
    assert "sinds vorig kwartaal" not in html and "sinds september" not in html


def test_a_long_trend_per_beroepsklasse_is_one_html_table_with_every_row_not_also_the_grid(raw_dir, warehouse_path,
                                                                                          tmp_path):
    """Five quarters of vacatures for the default region give the trend per beroepsklasse more than 50 rows: the
    scrolling HTML table carries every row, and no canvas grid repeats them (each element costs every rerun)."""
    import csv

    from basis import referentie
    regio = referentie.standaard_regio(raw_dir)
    with open(raw_dir / "referentie" / "beroepsklassen.csv", encoding="utf-8-sig") as fh:
        klassen = [r["naam"] for r in csv.DictReader(fh)]
    bestand = tmp_path / "vier_kwartalen.csv"
    with open(bestand, "w", encoding="utf-8", newline="") as fh:
        fh.write("# testfixture, verzonnen waarden\n")
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["regio", "periode", "tabel", "kenmerk", "categorie", "maat", "waarde", "bron", "peildatum"])
        for kw, maand in ((1, "maart"), (2, "juni"), (3, "september"), (4, "december")):
            w.writerows([regio, f"2024-Q{kw}", "vacatures_beroepsklasse", "", k, "aantal", 100 + 10 * i + kw, "UWV",
                         f"Q{kw} 2024"] for i, k in enumerate(klassen))
            w.writerows([regio, f"2024-{3 * kw:02d}", "ww_beroepsklasse", "", k, "aantal", 50 + i, "UWV",
                         f"{maand} 2024"] for i, k in enumerate(klassen))
    inst = Instellingen.uit_omgeving().met(raw_dir=raw_dir, warehouse_path=warehouse_path)
    assert uwv_main(["import", str(bestand), "--door", "T", "--zonder-verversen"], instellingen=inst) == 0
    build(raw_dir, warehouse_path)
    at = run("app_pages/mismatch.py")
    from tests.test_toegankelijk import html_frames
    trend = next(f for f in html_frames(at) if "Periode vacatures" in f.columns)
    assert len(trend) > 50
    # the four imported quarters and the seed's Q2 2025, every beroepsklasse in each
    assert {p: len(g) for p, g in trend.groupby("Periode vacatures")} == {
        "Q1 2024": len(klassen), "Q2 2024": len(klassen), "Q3 2024": len(klassen), "Q4 2024": len(klassen),
        "Q2 2025": len(klassen)}
    eerste = trend[(trend["Periode vacatures"] == "Q1 2024") & (trend["Beroepsklasse"] == klassen[0])].iloc[0]
    assert eerste["Openstaande vacatures"] == "101"
    assert not at.dataframe


def test_a_trends_download_buttons_come_when_its_table_is_opened_and_its_table_is_always_there(met_import):
    """The trend of the total (a figure only the history brings): its HTML table is on the page also while the
    expander is closed; its CSV and Excel buttons are made when the expander is opened (opening it reruns the
    page), and stay while it is open. The figure of the chosen period keeps its buttons as before."""
    at = run("app_pages/vacatures.py")
    from tests.test_toegankelijk import html_frames
    assert any("Gooi en Vechtstreek: index" in f.columns for f in html_frames(at))
    assert [b.key for b in at.get("download_button")] == ["vacatures-None-csv", "vacatures-None-xlsx"]
    at.session_state["trend-vacatures-gegevens"] = True   # the user opens "Gegevens als tabel en download"
    at.run()
    sleutels = [b.key for b in at.get("download_button")]
    assert sleutels == ["vacatures-None-csv", "vacatures-None-xlsx", "trend-vacatures-csv", "trend-vacatures-xlsx"]
    assert [b.proto.label for b in at.get("download_button")][2:] == ["CSV", "Excel"]
    at.run()
    assert [b.key for b in at.get("download_button")] == sleutels

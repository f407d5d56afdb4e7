"""Every page rendered by Streamlit's AppTest against a warehouse in tmp_path."""
from __future__ import annotations

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from etl.build import build
from tests.conftest import REPO, replace_in_file

PAGES = ["app_pages/overzicht.py", "app_pages/mismatch.py", "app_pages/vacatures.py", "app_pages/werkzoekenden.py",
         "app_pages/ww.py", "app_pages/banen.py", "app_pages/bevolking.py", "app_pages/bronnen.py"]


def run_page(page: str) -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=30)
    at.run()
    if page != "app_pages/overzicht.py":
        at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at




@pytest.mark.parametrize("pagina", PAGES)
def test_every_page_renders_without_exception(warehouse, pagina):
    run_page(pagina)


def kaarten(at: AppTest) -> dict[str, str]:
    """Kerncijfer cards from the HTML grid: label -> the card's text."""
    import re
    body = next(h.proto.body for h in at.get("html") if "kc-card" in h.proto.body)
    body = re.sub(r"<details.*?</details>", "", body, flags=re.S)   # the definitions (issue 15)
    out = {}
    for card in body.split('<div class="kc-card" role="listitem">')[1:]:
        text = re.sub(r"<[^>]+>", "|", card)
        parts = [p.strip() for p in text.split("|") if p.strip() and p.strip() != "i"]
        out[parts[0]] = " | ".join(parts[1:])
    return out


def test_overzicht_shows_the_kerncijfers_beside_nederland(warehouse):
    at = run_page("app_pages/overzicht.py")
    k = kaarten(at)
    assert k["Inwoners"].startswith("248.000 | naar schatting, zo&#x27;n | Nederland: niet in de bronnen")
    assert k["Geregistreerde werkzoekenden (GWU)"].startswith("12.106 | Nederland: | 1.034.173 | (september 2025)")
    assert k["WW-uitkeringen"].startswith("2.914 |")
    assert k["Openstaande vacatures"].startswith("4.950 | Nederland: | 402.750 | (Q2 2025)")
    assert k["Netto arbeidsparticipatie"].startswith("74% |")
    assert k["Onbenut arbeidspotentieel"].startswith("15.000 |")
    assert k["Banen"].startswith("151.900 |")
    assert k["Groene druk"].startswith("40,5% |")
    assert "Bron: UWV · Peildatum: Q2 2025" in k["Openstaande vacatures"]
    # the source's own discrepancy is shown where the figure is shown
    assert "som van de rijen naar beroepsklasse is 2.570 (verschil -344)" in k["WW-uitkeringen"]
    md = "\n".join(m.value for m in at.markdown)
    assert "In Gooi en Vechtstreek liggen zowel de groene druk (40,5%) als de grijze druk (40,4%) hoger" in md
    assert "#### Groene en grijze druk liggen in Gooi en Vechtstreek boven het niveau van Nederland" in md


def test_overzicht_chart_has_region_and_nederland(warehouse):
    at = run_page("app_pages/overzicht.py")
    import json
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    names = [t["name"] for t in spec["data"]]
    assert names == ["Nederland", "Gooi en Vechtstreek"]
    assert spec["data"][1]["x"] == [40.5, 40.4]


def test_bronnen_lists_datasets_status_and_discrepancies(warehouse):
    from etl import refresh
    assert refresh.main(["--offline"]) == 0
    at = run_page("app_pages/bronnen.py")
    assert "De laatste verversing is gelukt" in at.success[0].value
    from tests.test_toegankelijk import html_frames
    frames = html_frames(at)   # HTML tables since issue 15
    cbs, datasets, afwijkingen, uwv_actueel = frames[:4]   # the fourth: UWV tables' latest period (issue 13)
    assert "Laatste periode" in uwv_actueel.columns
    assert list(cbs["Tabel"]) == ["03759ned", "80590ned", "85224NED", "37789ksz", "85554NED", "80474ned",
                                 "86059NED", "70072ned", "85494NED"]
    assert set(cbs["Laatste geslaagde ophaling"]) == {"nog nooit"}
    assert len(datasets) == 18  # 16 seed datasets + monitor register and results
    assert "Openstaande vacatures per beroepsklasse (Tabel 5)" in set(datasets["Dataset"])
    assert len(afwijkingen) == 9
    assert "-344" in set(afwijkingen["Verschil"])


def test_bronnen_shows_a_failed_refresh_and_since_when(warehouse, raw_dir):
    from etl import refresh
    assert refresh.main(["--offline"]) == 0
    replace_in_file(raw_dir / "seed" / "migratie.csv", "AM12,2023", "AM99,2023")
    assert refresh.main(["--offline"]) == 1
    at = run_page("app_pages/bronnen.py")
    err = at.error[0].value
    assert "mislukt" in err and "onbekende regiocode 'AM99'" in err
    assert "laatste geslaagde build" in err


def test_refresh_while_app_is_open_shows_new_data_on_next_interaction(warehouse, raw_dir):
    at = run_page("app_pages/overzicht.py")
    assert kaarten(at)["Inwoners"].startswith("248.000")
    replace_in_file(raw_dir / "seed" / "bevolking.csv", ",aantal,248000,", ",aantal,249000,")
    build(raw_dir, warehouse)
    at.run()  # the next interaction, same session, no restart
    assert kaarten(at)["Inwoners"].startswith("249.000")


def test_pages_say_how_to_build_when_there_is_no_warehouse(warehouse_path):
    for page in PAGES:
        at = run_page(page)
        msgs = "\n".join(e.value for e in at.error)
        assert "er is nog geen datawarehouse" in msgs and "python -m etl.refresh --offline" in msgs


def test_a_missing_table_breaks_one_figure_not_the_page(warehouse):
    con = duckdb.connect(str(warehouse))
    con.execute("drop table marts.kerncijfers")
    con.close()
    at = run_page("app_pages/overzicht.py")
    warn = "\n".join(w.value for w in at.warning)
    assert "Kerncijfers" in warn and "ontbreken in het datawarehouse" in warn
    # the druk chart still renders
    assert len(at.get("plotly_chart")) == 1


def test_unknown_region_in_url_stops_with_a_message_and_shows_no_other_region(warehouse):
    # issue 12: no longer a fallback to the default region (that showed its figures under the wrong request)
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=30)
    at.query_params["regio"] = "AM77"
    at.run()
    assert not at.exception
    assert "geen arbeidsmarktregio" in at.error[0].value
    assert [t.value for t in at.text] == ["Gevraagde regiocode: AM77"]
    assert not at.title and not at.get("plotly_chart")

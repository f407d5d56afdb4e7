"""An analyst's UWV import seen in a real browser (issue 13): after `python -m etl.uwv import` of next
quarter's figures (tests/fixtures/uwv/volgend_kwartaal_lang.csv, testfixture, verzonnen waarden) the
Mismatch page offers both periods, defaults to the new one, and a click on the older one puts it in the
URL and shows the seed's mismatch. Screenshots in test-artifacts/screenshots/."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from basis.instellingen import Instellingen
from etl.uwv.__main__ import main as uwv_main
from tests.conftest import REPO
from tests.test_browser import (  # noqa: F401
    SHOTS,
    account_toml,
    browser_type_launch_args,
    inloggen,
    serve,
    wait_for_text,
    wait_rendered,
)

pytestmark = pytest.mark.browser
VOLGEND = Path(__file__).parent / "fixtures" / "uwv" / "volgend_kwartaal_lang.csv"


@pytest.fixture(scope="module")
def uwv_url(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("uwv-browser")
    raw, warehouse = tmp / "raw", tmp / "warehouse.duckdb"
    shutil.copytree(REPO / "data" / "raw", raw, ignore=shutil.ignore_patterns("cbs", "uwv"))
    env = {**os.environ, "WAREHOUSE_PATH": str(warehouse), "DASHBOARD_RAW_DIR": str(raw),
           "MONITOR_DIR": str(tmp / "monitor"), "VERSIES_DIR": str(tmp / "versions")}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MONITOR_DIR", str(tmp / "monitor"))
        inst = Instellingen.uit_omgeving(env).met(raw_dir=raw, warehouse_path=warehouse)
        assert uwv_main(["import", str(VOLGEND), "--door", "Test Analist"], instellingen=inst) == 0
    yield from serve(tmp, env)


def test_mismatch_page_switches_period_through_the_url(uwv_url, page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(uwv_url + "/mismatch")
    wait_rendered(page)
    wait_for_text(page, "Vacatures: Q3 2025")
    assert page.locator('[data-testid="stException"]').count() == 0
    wait_for_text(page, "beroepsklassen krap of zeer krap")
    page.screenshot(path=str(SHOTS / "uwv-mismatch-q3.png"), full_page=True)
    page.locator('[data-testid="stSelectbox"]').filter(has_text="Periode (vacatures)").click()
    page.get_by_role("option", name="Q2 2025").click()
    wait_for_text(page, "Vacatures: Q2 2025")
    wait_for_text(page, "Alleen bij managers meer WW-uitkeringen dan vacatures")
    assert "periode=Q2" in page.url
    page.screenshot(path=str(SHOTS / "uwv-mismatch-q2.png"), full_page=True)
    # a link with the period opens the same view
    page.goto(uwv_url + "/mismatch?periode=Q2+2025")
    wait_rendered(page)
    wait_for_text(page, "Vacatures: Q2 2025")
    assert page.locator('[data-testid="stException"]').count() == 0
    # the trend's download buttons come when its table is opened (components.gegevens downloads_bij_openen)
    knoppen = page.locator("[data-testid=stDownloadButton]")
    dicht = knoppen.count()
    page.get_by_text("Gegevens als tabel en download").last.click()
    page.wait_for_function(f"() => document.querySelectorAll('[data-testid=stDownloadButton]').length === {dicht + 2}",
                           timeout=15_000)
    with page.expect_download(timeout=15_000) as info:
        knoppen.filter(has_text="CSV").last.click()
    assert info.value.suggested_filename.startswith("trend_beroepsklasse_")
    tekst = open(info.value.path(), encoding="utf-8-sig").read()
    assert tekst.startswith("Beroepsklasse;Periode vacatures;") and "Toelichting;Tekst" in tekst and "Bron;UWV" in tekst


def test_bronnen_lists_the_import(uwv_url, page):
    page.goto(uwv_url + "/bronnen-en-actualiteit")
    wait_rendered(page)
    wait_for_text(page, "Ingelezen UWV-bestanden")
    wait_for_text(page, "1 ingelezen UWV-bestand(en)")
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=str(SHOTS / "uwv-bronnen.png"), full_page=True)


WACHTWOORD = "een-lang-testwachtwoord"


@pytest.fixture(scope="module")
def upload_url(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("uwv-upload")
    raw, warehouse = tmp / "raw", tmp / "warehouse.duckdb"
    shutil.copytree(REPO / "data" / "raw", raw, ignore=shutil.ignore_patterns("cbs", "uwv"))
    env = {**os.environ, "WAREHOUSE_PATH": str(warehouse), "DASHBOARD_RAW_DIR": str(raw),
           "MONITOR_DIR": str(tmp / "monitor"), "VERSIES_DIR": str(tmp / "versions")}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MONITOR_DIR", str(tmp / "monitor"))
        from etl.build import build
        build(raw, warehouse)
    secrets = tmp / "secrets.toml"
    secrets.write_text(account_toml(WACHTWOORD))
    yield from serve(tmp, env, "--secrets.files", str(secrets))


def test_a_logged_in_upload_on_bronnen_shows_the_new_period_on_mismatch(upload_url, page):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(upload_url + "/mismatch")
    wait_rendered(page)
    wait_for_text(page, "Vacatures: Q2 2025")
    # one period: no choice yet
    assert page.locator('[data-testid="stSelectbox"]').filter(has_text="Periode (vacatures)").count() == 0
    page.goto(upload_url + "/bronnen-en-actualiteit")
    wait_rendered(page)
    inloggen(page, WACHTWOORD)
    page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(VOLGEND))
    page.get_by_role("button", name="Controleren en inlezen").click()
    wait_for_text(page, "volgend_kwartaal_lang.csv: ingelezen", timeout=120_000)
    page.screenshot(path=str(SHOTS / "uwv-upload.png"))
    page.goto(upload_url + "/mismatch")
    wait_rendered(page)
    wait_for_text(page, "Vacatures: Q3 2025")
    keuze = page.locator('[data-testid="stSelectbox"]').filter(has_text="Periode (vacatures)")
    assert keuze.get_by_role("combobox", name="Periode (vacatures)").input_value() == "Q3 2025"   # the latest
    keuze.click()
    assert page.get_by_role("option", name="Q2 2025").count() == 1
    assert page.locator('[data-testid="stException"]').count() == 0

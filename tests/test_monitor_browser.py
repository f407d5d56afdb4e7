"""The monitor in a real browser: log in, upload a filled-in template on the
page, and see the figures on the monitor page. Screenshots land in
test-artifacts/screenshots/ to be looked at."""
from __future__ import annotations

import os
import shutil

import pytest

from basis.instellingen import Instellingen
from etl.build import build
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
from tests.test_monitor import TWEE_PROJECTEN, ingevuld
from werkenaanwerk import opslag

pytestmark = pytest.mark.browser
WACHTWOORD = "een lang wachtwoord"


@pytest.fixture(scope="module")
def monitor_app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("monitor-browser")
    raw, warehouse, monitor = tmp / "raw", tmp / "warehouse.duckdb", tmp / "monitor"
    shutil.copytree(REPO / "data" / "raw", raw, ignore=shutil.ignore_patterns("cbs"))
    env = {**os.environ, "WAREHOUSE_PATH": str(warehouse), "DASHBOARD_RAW_DIR": str(raw), "MONITOR_DIR": str(monitor)}
    oud = {k: os.environ.get(k) for k in ("WAREHOUSE_PATH", "DASHBOARD_RAW_DIR", "MONITOR_DIR")}
    os.environ.update({k: env[k] for k in oud})
    build(raw, warehouse)
    sjabloon = ingevuld(TWEE_PROJECTEN)  # the app's own template, filled in
    for k, v in oud.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    secrets = tmp / "secrets.toml"
    secrets.write_text(account_toml(WACHTWOORD))
    bestand = tmp / "monitor_ingevuld.xlsx"
    bestand.write_bytes(sjabloon)
    for url in serve(tmp, env, "--secrets.files", str(secrets)):
        yield url, bestand, monitor


def test_upload_on_the_page_then_see_the_figures(monitor_app, page):
    url, bestand, monitor = monitor_app
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(url + "/monitor")
    wait_rendered(page)
    wait_for_text(page, "Er zijn nog geen resultaten ingevoerd.")
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=str(SHOTS / "monitor_leeg.png"), full_page=True)

    page.get_by_role("link", name="Invoer monitor", exact=True).click()
    wait_rendered(page)
    inloggen(page, WACHTWOORD)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(bestand))
    from playwright.sync_api import expect
    inlezen = page.get_by_role("button", name="Inlezen")
    expect(inlezen).to_be_enabled(timeout=30_000)
    inlezen.click()
    wait_for_text(page, "monitor_ingevuld.xlsx: Opgeslagen: 4 nieuw, 0 gecorrigeerd, 0 ongewijzigd.", timeout=60_000)
    # the warehouse is rebuilt in the background; the page polls and then says so
    wait_for_text(page, "Het datawarehouse is ververst; de monitor toont het nu.", timeout=120_000)
    wait_rendered(page)
    page.screenshot(path=str(SHOTS / "monitor_invoer.png"), full_page=True)
    assert [r["door"] for r in opslag.lees(Instellingen(monitor_dir=monitor))] == ["Annette Keates"] * 4

    page.get_by_role("link", name="Monitor Werken aan Werk", exact=True).click()
    wait_rendered(page)
    wait_for_text(page, "Tot en met Q2 2024 19 deelnemers gestart, 6 uitgestroomd naar werk")
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=str(SHOTS / "monitor.png"), full_page=True)
    # no None/nan anywhere a raadslid reads, and the project choice reaches the URL
    import re
    assert not re.search(r"\b(None|nan|NaN|<NA>)\b", page.inner_text("body"))
    page.locator('[data-testid="stSelectbox"]').filter(has_text="Project per kwartaal").click()
    page.get_by_role("option", name="Ik in de kinderopvang!").click()
    wait_for_text(page, "Ik in de kinderopvang! per kwartaal t/m Q2 2024")
    assert "project=Ik" in page.url
    page.goto(page.url)
    wait_rendered(page)
    wait_for_text(page, "Ik in de kinderopvang! per kwartaal t/m Q2 2024")
    page.screenshot(path=str(SHOTS / "monitor_project.png"), full_page=True)

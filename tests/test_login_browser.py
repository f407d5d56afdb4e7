"""The monitor login in a real browser: it survives a page reload (the signed cookie), logging out ends
it for good, and the secrets setup help shows at the server itself (localhost) without a real name.
Screenshots land in test-artifacts/screenshots/."""
from __future__ import annotations

import os
import shutil

import pytest

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

pytestmark = pytest.mark.browser
WACHTWOORD = "een lang wachtwoord"


def _app(tmp, secrets: str | None):
    raw, warehouse, monitor = tmp / "raw", tmp / "warehouse.duckdb", tmp / "monitor"
    shutil.copytree(REPO / "data" / "raw", raw, ignore=shutil.ignore_patterns("cbs", "uwv"))
    build(raw, warehouse)
    env = {**os.environ, "WAREHOUSE_PATH": str(warehouse), "DASHBOARD_RAW_DIR": str(raw), "MONITOR_DIR": str(monitor)}
    pad = tmp / "secrets.toml"
    pad.write_text(secrets or "")
    return serve(tmp, env, "--secrets.files", str(pad))


@pytest.fixture(scope="module")
def app_met_account(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("login-browser")
    yield from _app(tmp, account_toml(WACHTWOORD))


def test_a_login_survives_a_reload_and_a_logout_ends_it(app_met_account, page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(app_met_account + "/monitor-invoer")
    wait_rendered(page)
    inloggen(page, WACHTWOORD)
    page.wait_for_function("document.cookie.includes('monitor_sessie=')", timeout=15_000)
    [cookie] = [c for c in page.context.cookies() if c["name"] == "monitor_sessie"]
    assert cookie["sameSite"] == "Strict" and cookie["path"] == "/" and cookie["expires"] > 0

    page.reload()
    wait_rendered(page)
    wait_for_text(page, "Ingelogd als Annette Keates")
    assert page.get_by_label("Gebruikersnaam").count() == 0
    page.screenshot(path=str(SHOTS / "login_na_herladen.png"), full_page=True)

    page.get_by_role("button", name="Uitloggen").click()
    page.get_by_label("Gebruikersnaam").wait_for(timeout=15_000)
    page.wait_for_function("!document.cookie.includes('monitor_sessie=')", timeout=15_000)
    page.reload()
    wait_rendered(page)
    page.get_by_label("Gebruikersnaam").wait_for(timeout=15_000)
    assert page.get_by_text("Ingelogd als").count() == 0


def test_the_setup_help_shows_at_the_server_itself(tmp_path_factory, page):
    for url in _app(tmp_path_factory.mktemp("login-help"), None):
        page.goto(url + "/monitor-invoer")
        wait_rendered(page)
        try:
            wait_for_text(page, "Zo zet u het aan", timeout=60_000)
        finally:
            page.screenshot(path=str(SHOTS / "login_hulp_lokaal.png"), full_page=True)
        inhoud = page.content()
        assert "Voorbeeld Gebruiker" in inhoud and "Annette" not in inhoud

"""Issue 12 in a real browser: pick a region in the sidebar, walk to another page (the region stays), open the
comparison, click a region on the map to switch to it; an unknown ?regio= shows its message. Screenshots in test-artifacts/screenshots/regios-*.png."""
from __future__ import annotations

import os
import re
import shutil

import pytest

from tests import regios_replay
from tests.conftest import REPO
from tests.test_browser import SHOTS, browser_type_launch_args, serve, wait_for_text, wait_rendered  # noqa: F401

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_35(tmp_path_factory):
    """The dashboard on a warehouse with all 35 regions (real 03759ned capture, replayed on loopback)."""
    if not regios_replay.AANWEZIG:
        pytest.skip(regios_replay.REDEN)
    tmp = tmp_path_factory.mktemp("regios-browser")
    raw = tmp / "raw"
    shutil.copytree(REPO / "data" / "raw", raw, ignore=shutil.ignore_patterns("cbs"))
    env = {"WAREHOUSE_PATH": str(tmp / "warehouse.duckdb"), "DASHBOARD_RAW_DIR": str(raw),
           "MONITOR_DIR": str(tmp / "monitor"), "VERSIES_DIR": str(tmp / "versions")}
    with pytest.MonkeyPatch.context() as mp:
        for k, v in env.items():
            mp.setenv(k, v)
        assert regios_replay.ververs(tmp / "replay") == 0
    yield from serve(tmp, {**os.environ, **env})


def test_pick_a_region_walk_to_another_page_and_compare(app_35, page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(app_35 + "/")
    wait_rendered(page)
    assert page.locator("h1").first.inner_text() == "Arbeidsmarkt Gooi en Vechtstreek"
    kiezer = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]')
    kiezer.click()
    page.keyboard.type("Zuid-Limb")
    page.get_by_role("option", name="Zuid-Limburg").click()
    page.wait_for_function("() => document.querySelector('h1').innerText === 'Arbeidsmarkt Zuid-Limburg'",
                           timeout=30_000)
    wait_rendered(page)
    assert re.search(r"[?&]regio=AM\d\d", page.url), page.url
    code = re.search(r"regio=(AM\d\d)", page.url).group(1)
    page.screenshot(path=str(SHOTS / "regios-1-overzicht-gekozen.png"), full_page=True)

    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="WW", exact=True).click()
    wait_for_text(page, "Voor Zuid-Limburg zijn nog geen UWV-cijfers ingelezen.")
    wait_rendered(page)
    assert f"regio={code}" in page.url
    assert "Gooi en Vechtstreek" not in page.locator('[data-testid="stMainBlockContainer"]').inner_text()
    page.screenshot(path=str(SHOTS / "regios-2-ww-zonder-uwv.png"), full_page=True)

    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Regio's vergelijken", exact=True).click()
    wait_for_text(page, "Inwoners: Zuid-Limburg op plaats")
    wait_rendered(page)
    assert f"regio={code}" in page.url
    assert re.search(r"op plaats \d+ van 35", page.locator("h4").first.inner_text())
    assert page.locator("[data-testid=stException]").count() == 0
    page.screenshot(path=str(SHOTS / "regios-3-vergelijken.png"), full_page=True)

    # one tab at a time, kept in the URL: the maps
    page.get_by_role("tab", name="Kaarten").click()
    page.wait_for_function("() => location.search.includes('blad=Kaarten')", timeout=30_000)
    kop = page.get_by_text("Gemeenten van Zuid-Limburg", exact=True)
    kop.wait_for(timeout=30_000)
    wait_rendered(page)
    kop.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    # map of the regions and map of its gemeenten; the rank chart of the first tab is not sent any more
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 2
    page.screenshot(path=str(SHOTS / "regios-5-kaart-gemeenten.png"))


def test_an_unknown_region_shows_a_message_and_no_figures(app_35, page):
    page.goto(app_35 + "/?regio=" + "%5Bklik%5D(https%3A%2F%2Fexample.org)")
    page.wait_for_selector('[data-testid="stAlert"]', timeout=30_000)
    main = page.locator('[data-testid="stMainBlockContainer"]')
    assert "geen arbeidsmarktregio" in main.inner_text()
    assert main.locator("a").count() == 0 and main.locator("img").count() == 0
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 0
    page.screenshot(path=str(SHOTS / "regios-4-onbekende-code.png"), full_page=True)


def test_an_edited_peer_group_is_kept_in_the_url_and_a_link_reopens_it(app_35, page, context):
    page.goto(app_35 + "/regios-vergelijken?regio=AM12&blad=Vergelijkbaar")
    wait_for_text(page, "naast vergelijkbare regio's")
    wait_rendered(page)
    chips = page.locator('[data-testid="stMultiSelect"] [aria-label^="Remove "]')
    chips.nth(4).wait_for(timeout=30_000)   # the chips render after the rest of the page
    assert chips.count() == 5
    weg = chips.first.get_attribute("aria-label").removeprefix("Remove ")
    chips.first.click()
    page.wait_for_function("() => location.search.includes('vergelijkbaar-AM12=')", timeout=30_000)
    wait_rendered(page)
    link = page.url
    ander = context.new_page()
    ander.goto(link)
    wait_for_text(ander, "(zelf gekozen)")
    wait_rendered(ander)
    keuze = ander.locator('[data-testid="stMultiSelect"] [aria-label^="Remove "]')
    keuze.nth(3).wait_for(timeout=30_000)   # the chips render after the rest of the page
    assert keuze.count() == 4 and weg not in [keuze.nth(i).get_attribute("aria-label") for i in range(4)]


def test_clicking_a_region_on_the_map_switches_to_it_and_keeps_it_in_the_url(app_35, page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(app_35 + "/regios-vergelijken?regio=AM12&blad=Kaarten")
    wait_for_text(page, "Inwoners op de kaart")
    wait_rendered(page)
    kaart = page.locator(".js-plotly-plot").nth(0)
    kaart.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    # the dot of Groningen (AM01), placed by plotly's own axes
    x, y = kaart.evaluate("""gd => { const t = gd._fullData.find(d => d.name === 'Kies een regio');
        const i = t.customdata.indexOf('AM01'); const r = gd.getBoundingClientRect();
        const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
        return [r.left + xa._offset + xa.l2p(t.x[i]), r.top + ya._offset + ya.l2p(t.y[i])]; }""")
    page.mouse.move(x, y)
    page.wait_for_timeout(300)
    page.mouse.click(x, y)
    page.wait_for_function("() => location.search.includes('regio=AM01')", timeout=30_000)
    wait_for_text(page, "Groningen is oranje omlijnd")   # the map tab stays open for the new region
    wait_rendered(page)
    assert "blad=Kaarten" in page.url
    # the sidebar picker follows, and the map outlines the new region
    page.wait_for_function("() => document.querySelector("
                           "'[data-testid=stSidebar] [data-testid=stSelectbox] input')?.value === 'Groningen'",
                           timeout=30_000)
    assert page.locator("[data-testid=stException]").count() == 0
    kaart = page.locator(".js-plotly-plot").nth(0)
    kaart.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    page.screenshot(path=str(SHOTS / "regios-6-kaart-geklikt.png"))

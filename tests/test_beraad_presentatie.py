"""The presentation on a projector, in headless Chromium against the real server: keys and a
clicker move the slides and the URL follows; at 1280x720 and 1920x1080 every chart label lies
inside its chart and nothing scrolls; at 1080p the chart labels are at least 16 px."""
from __future__ import annotations

import os
import re
import shutil

import pytest

from etl.build import build
from tests.conftest import REPO
from tests.test_browser import SCRIPT_KLAAR, browser_type_launch_args, serve  # noqa: F401

pytestmark = pytest.mark.browser


# labels of the slide's chart that fall outside it, and the smallest label size
META = """() => {
  const uit = [], maten = [];
  for (const div of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    const svg = div.querySelector('.main-svg').getBoundingClientRect();
    for (const t of div.querySelectorAll('.xtick text, .ytick text, text.bartext, .legendtext')) {
      if (!t.textContent.trim()) continue;
      const r = t.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      maten.push(parseFloat(getComputedStyle(t).fontSize));
      if (r.left < svg.left - 0.5 || r.right > svg.right + 0.5 || r.top < svg.top - 0.5 || r.bottom > svg.bottom + 0.5)
        uit.push(t.textContent);
    }
  }
  const main = document.querySelector('[data-testid="stMain"]');
  return {buiten: uit, kleinste: maten.length ? Math.min(...maten) : null, labels: maten.length,
          scroll: main.scrollHeight - main.clientHeight, breed: main.scrollWidth - main.clientWidth};
}"""


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("beraad")
    raw = tmp / "raw"
    shutil.copytree(REPO / "data" / "raw", raw, ignore=shutil.ignore_patterns("cbs"))
    os.environ["MONITOR_DIR"] = str(tmp / "monitor")
    build(raw, tmp / "warehouse.duckdb")
    env = {**os.environ, "WAREHOUSE_PATH": str(tmp / "warehouse.duckdb"), "DASHBOARD_RAW_DIR": str(raw),
           "MONITOR_DIR": str(tmp / "monitor"), "VERSIES_DIR": str(tmp / "versions")}
    yield from serve(tmp, env)


@pytest.fixture(scope="module")
def chromium(browser):
    """pytest-playwright's browser (Debian's Chromium, tests.test_browser.browser_type_launch_args): one Playwright
    per test run. A second sync_playwright() of our own fails once that one runs ("Sync API inside the asyncio
    loop"), so these tests only passed when they ran before every test that uses it."""
    return browser


def dia(page) -> int:
    return int(re.search(r"[?&]dia=(\d+)", page.url).group(1))


def wacht_op_dia(page, nr: int):
    page.wait_for_function("n => new URL(location.href).searchParams.get('dia') === String(n)", arg=nr,
                           timeout=30_000)
    page.wait_for_function(f"() => document.querySelector('.dia-titel[data-dia=\"{nr}\"]')", timeout=30_000)
    page.wait_for_function(SCRIPT_KLAAR, timeout=30_000)
    page.wait_for_timeout(250)


def open_dia(chromium, app_url, breedte, hoogte, nr):
    page = chromium.new_page(viewport={"width": breedte, "height": hoogte})
    page.goto(f"{app_url}/analyse?presentatie=1&dia={nr}" + (f"&scherm={breedte}x{hoogte}" if nr > 1 else ""))
    page.wait_for_function("m => new URL(location.href).searchParams.get('scherm') === m",
                           arg=f"{breedte}x{hoogte}", timeout=30_000)
    wacht_op_dia(page, nr)
    if page.locator(".dia-titel").get_attribute("data-grafiek") == "1":   # the slide has a chart: wait for it
        page.wait_for_function("() => document.querySelector('[data-testid=\"stPlotlyChart\"] .xtick')",
                               timeout=30_000)
    page.wait_for_timeout(300)
    return page


def test_keys_and_clicker_move_the_slides_and_the_url_follows(chromium, app_url):
    page = open_dia(chromium, app_url, 1280, 720, 1)
    laatste = int(page.locator('.dia-titel').get_attribute("data-dias"))
    page.mouse.click(5, 5)   # the slide has focus, as after a click on the projector screen
    for toets, verwacht in [("ArrowRight", 2), ("PageDown", 3), ("Space", 4), ("ArrowLeft", 3), ("PageUp", 2),
                            ("End", laatste), ("Home", 1)]:
        page.keyboard.press(toets)
        wacht_op_dia(page, verwacht)
        assert dia(page) == verwacht, toets
    page.keyboard.press("Escape")
    page.wait_for_function("() => !new URL(location.href).searchParams.has('presentatie')", timeout=30_000)
    page.close()


@pytest.mark.parametrize("breedte,hoogte", [(1920, 1080), (1280, 720)])
def test_every_slide_fits_the_screen_with_every_label_inside_its_chart(chromium, app_url, breedte, hoogte):
    page = open_dia(chromium, app_url, breedte, hoogte, 1)
    laatste = int(page.locator('.dia-titel').get_attribute("data-dias"))
    grafieken = 0
    shots = REPO / "test-artifacts" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    # one session walks the deck with the arrow key (as a presenter does); a fresh page per slide cost
    # a page load each
    page.mouse.click(5, 5)
    for nr in range(1, laatste + 1):
        if nr > 1:
            page.keyboard.press("ArrowRight")
            wacht_op_dia(page, nr)
            if page.locator(".dia-titel").get_attribute("data-grafiek") == "1":
                page.wait_for_function("() => document.querySelector('[data-testid=\"stPlotlyChart\"] .xtick')",
                                       timeout=30_000)
            page.wait_for_timeout(300)
        m = page.evaluate(META)
        page.screenshot(path=str(shots / f"dia-{breedte}x{hoogte}-{nr}.png"))
        assert m["buiten"] == [], f"dia {nr}: labels outside the chart"
        assert m["scroll"] <= 1 and m["breed"] <= 1, f"dia {nr} scrolls ({m})"
        if m["labels"]:
            grafieken += 1
            if breedte == 1920:
                assert m["kleinste"] >= 16, f"dia {nr}: labels of {m['kleinste']} px at 1080p"
    assert dia(page) == laatste
    page.close()
    assert grafieken >= 7


@pytest.mark.parametrize("waarde,melding", [
    ("999", "Dia 999 bestaat niet"), ("-1", "Dia -1 bestaat niet"), ("x", "'x' is geen dianummer")])
def test_a_bad_slide_number_gets_a_dutch_message(chromium, app_url, waarde, melding):
    page = chromium.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{app_url}/analyse?presentatie=1&dia={waarde}&scherm=1280x720")
    page.wait_for_selector(".dia-titel", timeout=30_000)
    page.wait_for_function("t => document.body.innerText.includes(t)", arg=melding, timeout=30_000)
    assert not page.locator('[data-testid="stException"]').count()
    page.close()

"""The real thing: `streamlit run app.py` on a free loopback port, driven by
Debian's headless Chromium through Playwright. Screenshots land in
test-artifacts/screenshots/ to be looked at."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.belasting import wacht_op
from etl.build import build
from tests.conftest import REPO

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = REPO / "test-artifacts" / "screenshots"
NAV = {  # navigation label -> screenshot name
    "Overzicht": "overzicht", "Analyse arbeidsmarkt": "analyse", "Mismatch": "mismatch", "Vacatures en tekortsectoren": "vacatures",
    "Werkzoekenden (GWU)": "werkzoekenden", "WW": "ww", "Banen en prognose": "banen",
    "Bevolking en arbeidspotentieel": "bevolking", "Bronnen en actualiteit": "bronnen",
}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed: run `make test` (it installs it) "
                    "or `apt-get install -y chromium`.")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"],
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    warehouse = tmp / "warehouse.duckdb"
    raw = tmp / "raw"
    shutil.copytree(REPO / "data" / "raw", raw, ignore=shutil.ignore_patterns("cbs", "uwv"))  # no local state
    os.environ["MONITOR_DIR"] = str(tmp / "monitor")  # session fixture: set before any test's own monitor dir
    build(raw, warehouse)
    env = {**os.environ, "WAREHOUSE_PATH": str(warehouse), "DASHBOARD_RAW_DIR": str(raw),
           "MONITOR_DIR": str(tmp / "monitor"), "VERSIES_DIR": str(tmp / "versions")}
    yield from serve(tmp, env)


def serve(tmp: Path, env: dict, *opties: str):
    """Start `streamlit run app.py` on a free loopback port, yield its URL, stop it."""
    port = free_port()
    log = open(tmp / "streamlit.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--server.fileWatcherType", "none", *opties],
        cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wacht_op(url, proc, tmp / "streamlit.log")   # the load benchmark's wait for /_stcore/health
    except RuntimeError:
        proc.kill()
        pytest.fail("streamlit did not start:\n" + (tmp / "streamlit.log").read_text())
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


# The script run has finished. The status widget alone does not say so: the frontend shows it only some time after
# a run starts, so a page that has its heading but is still running may have none yet. The app's root carries the
# run's state; it is "initial" before the first run of a loaded page and "notRunning" once a run has ended.
SCRIPT_KLAAR = ("() => { const app = document.querySelector('[data-testid=\"stApp\"]'); "
                "return !!app && app.getAttribute('data-test-script-state') === 'notRunning' && "
                "!document.querySelector('[data-testid=\"stStatusWidget\"]'); }")


# ... and the page has stopped changing. A finished run is not yet a drawn page: CI on e2a045c found none of the
# Overzicht's kerncijfers (one st.html element) after the old wait (no status widget, then 500 ms). With three busy
# processes beside the browser the root said "notRunning" while they were still missing, and they came later.
# Quiet = no change in the document for 400 ms.
RUST = """() => {
    if (window.__rustSinds === undefined) {
        window.__rustSinds = performance.now();
        new MutationObserver(() => { window.__rustSinds = performance.now(); })
            .observe(document.body, {childList: true, subtree: true, attributes: true, characterData: true});
    }
    return performance.now() - window.__rustSinds >= 400;
}"""


def wait_rendered(page):
    page.wait_for_selector('[data-testid="stMainBlockContainer"] h1', timeout=30_000)
    page.wait_for_function(SCRIPT_KLAAR, timeout=30_000)
    page.wait_for_function(RUST, timeout=30_000, polling=100)


def download(page, knop):
    """Click a download button and return the Download. Under a loaded CI machine the first
    click on a freshly expanded panel is now and then not taken; one more click is allowed."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    knop.wait_for(state="visible")
    for poging in (1, 2):
        try:
            with page.expect_download(timeout=15_000) as info:
                knop.click()
            return info.value
        except PlaywrightTimeout:
            if poging == 2:
                raise


def wait_for_text(page, text: str, timeout: int = 30_000):
    """Fails (TimeoutError) unless the main area shows `text` within the timeout."""
    page.wait_for_function(
        "t => document.querySelector('[data-testid=\"stMainBlockContainer\"]').innerText.includes(t)",
        arg=text, timeout=timeout)


def account_toml(wachtwoord: str) -> str:
    """secrets.toml text with the test account 'annette' (Annette Keates) and that password's hash."""
    from werkenaanwerk.wachtwoord import maak_hash
    return f'[monitor.accounts.annette]\nnaam = "Annette Keates"\nwachtwoord_hash = "{maak_hash(wachtwoord)}"\n'


def inloggen(page, wachtwoord: str) -> None:
    """Log in on the page shown as the test account 'annette'."""
    page.get_by_label("Gebruikersnaam").fill("annette")
    page.get_by_label("Wachtwoord").fill(wachtwoord)
    page.get_by_role("button", name="Inloggen").click()
    wait_for_text(page, "Ingelogd als Annette Keates")


def test_the_first_visit_after_start_may_be_a_deep_link(app_url, page):
    """Runs first against a fresh server: a link straight to a page shows that
    page in the app's navigation, not Streamlit's legacy pages/ sidebar."""
    page.goto(app_url + "/mismatch")
    wait_rendered(page)
    assert page.locator("h1").first.inner_text() == "Waar vacatures en WW niet op elkaar aansluiten"
    assert page.get_by_text("Page not found").count() == 0
    nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "Vacatures en tekortsectoren" in nav and "bevolking" not in nav


def test_every_page_in_the_navigation_renders_without_exception(app_url, page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(app_url + "/")
    wait_rendered(page)
    for titel, naam in NAV.items():
        page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=titel, exact=True).click()
        wait_rendered(page)
        assert page.locator('[data-testid="stException"]').count() == 0, titel
        assert page.get_by_text("Page not found").count() == 0
        if naam not in ("bronnen",):
            # every analysis page draws at least one chart
            page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
        page.screenshot(path=str(SHOTS / f"{naam}.png"), full_page=True)


def test_overzicht_shows_the_seed_numbers_and_a_chart(app_url, page):
    page.goto(app_url + "/?regio=AM12")
    wait_rendered(page)
    for number in ["248.000", "12.106", "2.914", "4.950", "402.750", "40,5%"]:
        wait_for_text(page, number)
    page.wait_for_selector(".js-plotly-plot .bars", timeout=30_000)
    assert page.locator(".js-plotly-plot").count() == 1


def test_bronnen_direct_link_lists_the_datasets(app_url, page):
    page.goto(app_url + "/")
    wait_rendered(page)
    page.goto(app_url + "/bronnen-en-actualiteit")
    wait_rendered(page)
    assert page.locator("h1").first.inner_text() == "Bronnen en actualiteit"
    assert page.locator('[data-testid="stException"]').count() == 0
    # CBS status, datasets, discrepancies, the UWV tables' latest period: HTML tables since issue 15
    assert page.locator("table").count() >= 4


def test_csv_download_carries_bron_and_peildatum(app_url, page):
    page.goto(app_url + "/")
    wait_rendered(page)
    page.get_by_text("Kerncijfers als tabel", exact=True).click()
    path = download(page, page.locator("[data-testid=stDownloadButton] button", has_text="CSV").first).path()
    text = Path(path).read_text(encoding="utf-8-sig")
    header = text.splitlines()[0].split(";")
    # every row names its own sources: no single bron/peildatum column is added
    assert header[:5] == ["Kerncijfer", "Eenheid", "Regio: waarde", "Regio: peildatum", "Regio: bron"]   # Dutch
    assert header[-3:] == ["Vergelijking: waarde", "Vergelijking: peildatum", "Vergelijking: bron"]   # (issue 15)
    line = next(l for l in text.splitlines() if l.startswith("Openstaande vacatures;"))
    assert line.split(";")[:5] == ["Openstaande vacatures", "vacatures", "4950,0", "Q2 2025", "UWV"]


def test_a_link_with_the_view_in_the_url_reproduces_it(app_url, page):
    page.goto(app_url + "/")
    wait_rendered(page)
    page.goto(app_url + "/werkzoekenden?indeling=Leeftijd")
    wait_rendered(page)
    wait_for_text(page, "Werkzoekenden naar leeftijd")
    assert "indeling=Leeftijd" in page.url


def test_choosing_a_view_updates_the_url(app_url, page):
    page.goto(app_url + "/")
    wait_rendered(page)
    page.goto(app_url + "/ww")
    wait_rendered(page)
    page.locator("[data-testid=stButtonGroup] button", has_text="Verstreken duur").click()
    wait_for_text(page, "WW-uitkeringen naar verstreken duur")
    page.wait_for_function("() => window.location.search.includes('kenmerk=Verstreken+duur')", timeout=10_000)


def test_mismatch_excel_download_has_bron_and_peildatum(app_url, page, tmp_path):
    import openpyxl
    page.goto(app_url + "/")
    wait_rendered(page)
    page.goto(app_url + "/mismatch")
    wait_rendered(page)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
    page.get_by_text("Gegevens als tabel en download").first.click()   # the mismatch figure (then the spanning)
    bestand = download(page, page.locator("[data-testid=stDownloadButton] button", has_text="Excel").first)
    assert bestand.suggested_filename == "mismatch_AM12.xlsx"
    bestand.save_as(tmp_path / "mismatch.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "mismatch.xlsx")
    rows = list(wb.active.values)
    header = rows[0]
    assert "Bron" in header and "Peildatum" in header and "Mismatch" in header   # Dutch headers (issue 15)
    zorg = next(r for r in rows if r[header.index("Beroepsklasse")] == "Zorg en welzijn beroepen")
    assert zorg[header.index("Openstaande vacatures")] == 900 and zorg[header.index("WW-uitkeringen")] == 202
    assert zorg[header.index("Peildatum")] == "Q2 2025 (vacatures), september 2025 (WW)"
    assert wb.sheetnames == ["gegevens", "toelichting"]


def wait_for_slide(page, label: str) -> None:
    """The slide index (the navigation row's select, dianav.py) shows `label`: the slide number the presenter
    sees."""
    page.wait_for_function("t => [...document.querySelectorAll('.dia-nav select')]"
                           ".some(s => s.selectedOptions[0].textContent.startsWith(t))", arg=label, timeout=30_000)


def _dias() -> list[dict]:
    """The deck the app shows (the same warehouse as the app's server), to count and find slides."""
    from dashboard.analyse import document, presentatie
    return presentatie.dias(document.live("AM12"))


def test_the_presentation_walks_from_first_to_last_slide(app_url, page, warehouse):
    """At 1280x720 (a beamer): no sidebar, every slide fits without scrolling, the slide is in the URL."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(app_url + "/analyse?presentatie=1&dia=1")
    wait_rendered(page)
    assert page.locator('[data-testid="stSidebar"]').count() == 0
    nr, aantal = 1, len(_dias())
    while True:
        page.wait_for_function("n => window.location.search.includes('dia=' + n)", arg=nr, timeout=10_000)
        wait_for_slide(page, f"Dia {nr} van {aantal}")
        page.wait_for_timeout(400)
        assert page.locator('[data-testid="stException"]').count() == 0
        hoogte = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
        assert hoogte <= 720 + 2, f"dia {nr} scrolls: {hoogte}px"
        page.screenshot(path=str(SHOTS / f"dia_{nr}_1280x720.png"))
        volgende = page.get_by_role("button", name="Volgende →")
        if volgende.is_disabled():
            break
        volgende.click()
        nr += 1
    assert nr == aantal
    wait_for_text(page, "Bronnen")


def test_a_link_opens_the_right_slide(app_url, page, warehouse):
    dias = _dias()
    nr = next(i for i, d in enumerate(dias, start=1) if d["titel"].startswith("Vacatures en tekortsectoren"))
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(app_url + f"/analyse?presentatie=1&dia={nr}")
    wait_rendered(page)
    wait_for_slide(page, f"Dia {nr} van {len(dias)} · Vacatures en tekortsectoren")
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
    page.screenshot(path=str(SHOTS / f"dia_{nr}_1920x1080.png"))


def test_html_export_downloads_from_the_page(app_url, page):
    page.goto(app_url + "/analyse")
    wait_rendered(page)
    page.locator("summary", has_text="Exporteren").click()
    page.get_by_role("button", name="HTML maken").click()
    bestand = download(page, page.locator("[data-testid=stDownloadButton] button", has_text="HTML downloaden"))
    assert bestand.suggested_filename == "analyse_arbeidsmarkt_AM12_actuele-stand.html"
    html = Path(bestand.path()).read_text(encoding="utf-8")
    assert "Vacatures en tekortsectoren" in html and "4.950 openstaande vacatures" in html


def test_pdf_export_has_a_title_page_numbered_pages_and_every_section(tmp_path):
    """The PDF printed by Chromium, rendered to PNG (test-artifacts/pdf/) to be looked at."""
    raw = tmp_path / "raw"
    shutil.copytree(REPO / "data" / "raw", raw, ignore=shutil.ignore_patterns("cbs"))
    build(raw, tmp_path / "wh.duckdb")
    doel = tmp_path / "analyse.pdf"
    # through the command line an analyst uses (and outside pytest-playwright's event loop)
    uit = subprocess.run([sys.executable, "-m", "dashboard.report", "--format", "pdf", "--out", str(doel)],
                         env={**os.environ, "WAREHOUSE_PATH": str(tmp_path / "wh.duckdb")}, cwd=REPO,
                         capture_output=True, text=True, timeout=120)
    assert uit.returncode == 0, uit.stderr
    assert doel.read_bytes()[:5] == b"%PDF-"
    tekst = subprocess.run(["pdftotext", "-layout", str(doel), "-"], capture_output=True, text=True,
                           check=True).stdout
    paginas = tekst.split("\f")
    assert "Analyse arbeidsmarkt Gooi en Vechtstreek" in paginas[0] and "Actuele stand" in paginas[0]
    aantal = len([p for p in paginas if p.strip()])
    assert f"Pagina 1 van {aantal}" in paginas[0] and f"Pagina {aantal} van {aantal}" in paginas[aantal - 1]
    for titel in ["Inwoners in de regio", "Onbenut talent: de WW", "Mismatch", "De opgaven", "4.950", "2.888"]:
        assert titel in tekst
    uit = REPO / "test-artifacts" / "pdf"
    uit.mkdir(parents=True, exist_ok=True)
    for oud in uit.glob("analyse-*.png"):
        oud.unlink()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(doel), str(uit / "analyse")], check=True)
    assert len(list(uit.glob("analyse-*.png"))) == aantal

"""Issue 15 in the real browser: an axe-core audit of every page and every slide (expanders open), Dutch
language and a distinct title per page, and a keyboard walk. axe-core comes from npm, pinned in
tests/axe/package-lock.json and installed by `make test` (make axe); nothing is downloaded at test time.
The audit's report is written to test-artifacts/axe-rapport.json (the Toegankelijkheidsverklaring reads it)."""
from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from tests.conftest import REPO
from tests.test_browser import SHOTS, app_url, browser_type_launch_args, wait_for_text, wait_rendered  # noqa: F401
from tests.test_monitor_browser import WACHTWOORD, monitor_app  # noqa: F401

pytestmark = pytest.mark.browser

AXE = REPO / "tests" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
RAPPORT = REPO / "test-artifacts" / "axe-rapport.json"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGINAS = {  # url path -> page title (the navigation label)
    "": "Overzicht", "analyse": "Analyse arbeidsmarkt", "mismatch": "Mismatch",
    "vacatures": "Vacatures en tekortsectoren", "werkzoekenden": "Werkzoekenden (GWU)", "ww": "WW",
    "banen": "Banen en prognose", "bevolking": "Bevolking en arbeidspotentieel",
    "monitor": "Monitor Werken aan Werk", "monitor-invoer": "Invoer monitor",
    "bronnen-en-actualiteit": "Bronnen en actualiteit", "toegankelijkheid": "Toegankelijkheidsverklaring",
}
DIAS = 9


def _axe_bron() -> str:
    if not AXE.exists():
        pytest.fail("axe-core is not installed: run `make axe` (or `make test`), which installs the pinned "
                    "version from tests/axe/package-lock.json into tests/axe/node_modules.")
    return AXE.read_text()


def _klaar(page) -> None:
    """The script run has finished and no element is stale (Streamlit fades stale elements: wrong contrast)."""
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]') && "
                           "!document.querySelector('[data-stale=\"true\"]')", timeout=30_000)
    page.wait_for_timeout(300)


def _open_expanders(page) -> None:
    for summary in page.locator("details:not([open]) > summary").all():
        if summary.is_visible():
            summary.click()
    _klaar(page)


def _audit(page, naam: str) -> dict:
    page.add_script_tag(content=_axe_bron())
    uitkomst = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return {
        "pagina": naam, "url": page.url, "lang": page.evaluate("document.documentElement.lang"),
        "titel": page.title(), "axe": uitkomst["testEngine"]["version"],
        "geslaagd": sorted(r["id"] for r in uitkomst["passes"]),
        "onvolledig": sorted(r["id"] for r in uitkomst["incomplete"]),
        # the WCAG success criteria each rule tests (tag wcag143 -> 1.4.3), for the toegankelijkheidsverklaring
        "criteria": {r["id"]: [t for t in r["tags"] if t.startswith("wcag") and t[4:].isdigit()]
                     for soort in ("passes", "incomplete", "violations") for r in uitkomst[soort]},
        "overtredingen": [{"regel": v["id"], "impact": v["impact"], "help": v["help"], "tags": v["tags"],
                           "aantal": len(v["nodes"]), "voorbeeld": v["nodes"][0]["target"],
                           "html": v["nodes"][0]["html"][:300], "waarom": v["nodes"][0]["failureSummary"][:400]}
                          for v in uitkomst["violations"]],
    }


def test_every_page_and_slide_has_no_serious_or_critical_axe_violation(app_url, page):  # noqa: F811
    page.set_viewport_size({"width": 1400, "height": 900})
    resultaten = []
    for pad, titel in PAGINAS.items():
        page.goto(f"{app_url}/{pad}")
        wait_rendered(page)
        _open_expanders(page)
        resultaten.append(_audit(page, titel))
    page.set_viewport_size({"width": 1280, "height": 720})
    for nr in range(1, DIAS + 1):
        page.goto(f"{app_url}/analyse?presentatie=1&dia={nr}")
        page.wait_for_selector('[data-testid="stMainBlockContainer"] .dia-titel', timeout=30_000)
        _klaar(page)
        _open_expanders(page)
        resultaten.append(_audit(page, f"Presentatie, dia {nr}"))
    RAPPORT.parent.mkdir(parents=True, exist_ok=True)
    RAPPORT.write_text(json.dumps({"gemaakt": datetime.now(UTC).isoformat(timespec="seconds"), "tags": TAGS,
                                   "paginas": resultaten}, ensure_ascii=False, indent=1))
    ernstig = [f"{r['pagina']}: {v['regel']} ({v['impact']}, {v['aantal']}x, {v['voorbeeld']})"
               for r in resultaten for v in r["overtredingen"] if v["impact"] in ("serious", "critical")]
    assert not ernstig, "axe-core vindt ernstige overtredingen:\n" + "\n".join(ernstig)


def test_every_page_is_dutch_with_its_own_title_and_no_third_party_request(app_url, page):  # noqa: F811
    extern = []
    page.on("request", lambda r: extern.append(r.url) if not r.url.startswith((app_url, "data:", "blob:")) else None)
    titels = {}
    for pad, naam in PAGINAS.items():
        page.goto(f"{app_url}/{pad}")
        wait_rendered(page)
        page.wait_for_function("() => document.documentElement.lang === 'nl'", timeout=10_000)
        titels[pad] = page.title()
        assert titels[pad] == f"{naam} · Arbeidsmarkt Gooi en Vechtstreek"
        page.wait_for_function("() => [...document.querySelectorAll('[data-testid=stSkipToContent]')]"
                               ".every(a => a.textContent.trim() === 'Naar de hoofdinhoud')", timeout=10_000)
        assert page.locator("[aria-label='Link to heading']").count() == 0
    assert len(set(titels.values())) == len(PAGINAS)
    assert not extern, f"verzoeken buiten de app (favicon van fonts.gstatic.com?): {extern}"


def _tab_tot(page, voorwaarde: str, max_tabs: int = 150) -> int:
    """Press Tab until `voorwaarde` (JS on document.activeElement, as `el`) holds; the number of presses."""
    for n in range(1, max_tabs + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!(el && ({voorwaarde})); }}"):
            return n
    pytest.fail(f"na {max_tabs} keer Tab geen element waarvoor {voorwaarde}")


def test_keyboard_only_reaches_definitions_opens_a_table_downloads_and_switches_a_view(app_url, page):  # noqa: F811
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(app_url + "/")
    wait_rendered(page)
    # every kerncijfer definition is reachable by Tab and opens with Enter
    definities = page.locator(".kc-help summary").count()
    assert definities >= 5
    bereikt = set()
    for _ in range(definities):
        _tab_tot(page, "el.matches('.kc-help summary')")
        bereikt.add(page.evaluate("document.activeElement.getAttribute('aria-label')"))
    assert len(bereikt) == definities
    page.keyboard.press("Enter")
    assert page.locator(".kc-help[open]").count() == 1
    page.screenshot(path=str(SHOTS / "toetsenbord_definitie.png"))
    stijl = page.evaluate("() => { const s = getComputedStyle(document.activeElement); "
                          "return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }")
    assert stijl[0] == "solid" and float(stijl[1].rstrip("px")) >= 2, stijl
    # a figure's table: Tab to its expander, open it with Enter, the HTML table appears
    _tab_tot(page, "el.tagName === 'SUMMARY' && el.closest('[data-testid=stExpander]') && "
                   "el.innerText.includes('Gegevens als tabel')")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-testid=stExpander] details[open] table caption", timeout=10_000)
    page.screenshot(path=str(SHOTS / "toetsenbord_tabel.png"))
    # its CSV download, by keyboard
    _tab_tot(page, "el.closest('[data-testid=stDownloadButton]') && el.innerText.includes('CSV')")
    with page.expect_download(timeout=15_000) as info:
        page.keyboard.press("Enter")
    tekst = open(info.value.path(), encoding="utf-8-sig").read()
    assert "Toelichting;Tekst" in tekst and "Bron;" in tekst
    # a segmented control on Werkzoekenden, by keyboard
    page.goto(app_url + "/werkzoekenden")
    wait_rendered(page)
    _tab_tot(page, "el.closest('[data-testid=stButtonGroup]') && el.getAttribute('role') === 'radio'")
    page.keyboard.press("ArrowRight")   # a radio group: arrow keys move between the options
    assert page.evaluate("document.activeElement.innerText.trim()") == "Leeftijd"
    page.screenshot(path=str(SHOTS / "toetsenbord_keuze.png"))
    page.keyboard.press("Enter")
    page.wait_for_function("() => window.location.search.toLowerCase().includes('leeftijd')", timeout=15_000)


def test_the_monitor_logged_in_and_with_results_has_no_serious_or_critical_axe_violation(monitor_app, page):  # noqa: F811
    """Invoer monitor as a logged-in user (upload, correction table, project form) and the monitor with results;
    the findings are added to the same report."""
    url, bestand, _ = monitor_app
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(url + "/monitor-invoer")
    wait_rendered(page)
    page.get_by_label("Gebruikersnaam").fill("annette")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    wait_for_text(page, "Ingelogd als Annette Keates")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(bestand))
    page.get_by_role("button", name="Inlezen").click()
    wait_for_text(page, "Het datawarehouse is ververst; de monitor toont het nu.", timeout=120_000)
    _klaar(page)
    _open_expanders(page)
    resultaten = [_audit(page, "Invoer monitor (ingelogd)")]
    page.get_by_role("link", name="Monitor Werken aan Werk", exact=True).click()
    wait_rendered(page)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
    _open_expanders(page)
    resultaten.append(_audit(page, "Monitor Werken aan Werk (met resultaten)"))
    rapport = json.loads(RAPPORT.read_text()) if RAPPORT.exists() else {"gemaakt": datetime.now(UTC).isoformat(
        timespec="seconds"), "tags": TAGS, "paginas": []}
    rapport["paginas"] = [p for p in rapport["paginas"] if p["pagina"] not in {r["pagina"] for r in resultaten}]
    rapport["paginas"] += resultaten
    RAPPORT.parent.mkdir(parents=True, exist_ok=True)
    RAPPORT.write_text(json.dumps(rapport, ensure_ascii=False, indent=1))
    ernstig = [f"{r['pagina']}: {v['regel']} ({v['impact']}, {v['aantal']}x, {v['html']})"
               for r in resultaten for v in r["overtredingen"] if v["impact"] in ("serious", "critical")]
    assert not ernstig, "axe-core vindt ernstige overtredingen:\n" + "\n".join(ernstig)

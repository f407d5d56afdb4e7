"""Issue 15 in the real browser: an axe-core audit of every page and every slide (expanders open), Dutch
language and a distinct title per page, and a keyboard walk. axe-core comes from npm, pinned in
tests/axe/package-lock.json and installed by `make test` (make axe); nothing is downloaded at test time.
The audit's report is written to test-artifacts/axe-rapport.json (the Toegankelijkheidsverklaring reads it)."""
from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from tests.conftest import REPO
from tests.test_browser import (  # noqa: F401
    RUST,
    SCRIPT_KLAAR,
    SHOTS,
    app_url,
    browser_type_launch_args,
    inloggen,
    wait_for_text,
    wait_rendered,
)
from tests.test_monitor_browser import WACHTWOORD, monitor_app  # noqa: F401

pytestmark = pytest.mark.browser

AXE = REPO / "tests" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
RAPPORT = REPO / "test-artifacts" / "axe-rapport.json"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGINAS = {  # url path -> page title (the navigation label)
    "": "Overzicht", "analyse": "Analyse arbeidsmarkt", "mismatch": "Mismatch",
    "vacatures": "Vacatures en tekortsectoren", "werkzoekenden": "Werkzoekenden (GWU)", "ww": "WW",
    "banen": "Banen en prognose", "bevolking": "Bevolking en arbeidspotentieel",
    "regios-vergelijken": "Regio's vergelijken", "monitor": "Monitor Werken aan Werk", "monitor-invoer": "Invoer monitor",
    "bronnen-en-actualiteit": "Bronnen en actualiteit", "toegankelijkheid": "Toegankelijkheidsverklaring",
}
# every text of every chart (ticks, value labels, legend, axis titles) inside its chart and the window, and
# nothing else of the page past the window's edge unless it sits in a container that scrolls sideways itself
UITSTEKEND = """() => {
  const vw = document.documentElement.clientWidth, main = document.querySelector('[data-testid=stMain]');
  const labels = [], weg = [];
  document.querySelectorAll('.js-plotly-plot').forEach((plot) => {
    const box = plot.getBoundingClientRect();
    plot.querySelectorAll('svg text').forEach((t) => {
      const r = t.getBoundingClientRect();
      if (r.width === 0 || !t.textContent.trim()) return;
      if (r.right > Math.min(box.right, vw) + 1 || r.left < Math.max(box.left, 0) - 1 || r.top < box.top - 1
          || r.bottom > box.bottom + 1) labels.push(t.textContent);
    });
  });
  const scrollt = (el) => { for (let p = el.parentElement; p && p !== main; p = p.parentElement)
    if (/(auto|scroll)/.test(getComputedStyle(p).overflowX)) return true; return false; };
  for (const el of main.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || el.closest('.sr-only, .js-plotly-plot')) continue;
    if ((r.right > vw + 1 || r.left < -1) && !scrollt(el)) weg.push(el.tagName + ' ' + (el.innerText || '').slice(0, 40));
  }
  return {labels, weg: weg.slice(0, 10), breed: Math.max(document.documentElement.scrollWidth, main.scrollWidth) - vw,
          tabellen: [...main.querySelectorAll('.tg-wrap')].filter((w) => w.scrollWidth > w.clientWidth + 1).length};
}"""


def _axe_bron() -> str:
    if not AXE.exists():
        pytest.fail("axe-core is not installed: run `make axe` (or `make test`), which installs the pinned "
                    "version from tests/axe/package-lock.json into tests/axe/node_modules.")
    return AXE.read_text()


def _klaar(page) -> None:
    """The script run has finished and no element is stale (Streamlit fades stale elements: wrong contrast)."""
    page.wait_for_function(SCRIPT_KLAAR, timeout=30_000)
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=30_000)
    page.wait_for_function(RUST, timeout=30_000, polling=100)


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


def _bewaar(resultaten: list[dict], nieuw: bool = False) -> None:
    """Add the audits to the report (replacing earlier audits of the same views); `nieuw` starts it afresh."""
    rapport = json.loads(RAPPORT.read_text()) if RAPPORT.exists() and not nieuw else {"paginas": []}
    rapport.update(gemaakt=datetime.now(UTC).isoformat(timespec="seconds"), tags=TAGS)
    namen = {r["pagina"] for r in resultaten}
    rapport["paginas"] = [p for p in rapport["paginas"] if p["pagina"] not in namen] + resultaten
    RAPPORT.parent.mkdir(parents=True, exist_ok=True)
    RAPPORT.write_text(json.dumps(rapport, ensure_ascii=False, indent=1))


def _ernstig(resultaten: list[dict]) -> list[str]:
    return [f"{r['pagina']}: {v['regel']} ({v['impact']}, {v['aantal']}x, {v['voorbeeld']}, {v['html']})"
            for r in resultaten for v in r["overtredingen"] if v["impact"] in ("serious", "critical")]


def _open_dia(page, url: str, nr: int, breedte: int, hoogte: int, tabel: bool = False) -> dict:
    """Slide `nr` at this window size (named in the URL: no reload to tell the server), its chart drawn."""
    page.set_viewport_size({"width": breedte, "height": hoogte})
    page.goto(f"{url}/analyse?presentatie=1&dia={nr}&scherm={breedte}x{hoogte}" + (f"&tabel={nr}" if tabel else ""))
    page.wait_for_selector(f'[data-testid="stMainBlockContainer"] .dia-titel[data-dia="{nr}"]', timeout=30_000)
    _klaar(page)
    titel = page.locator(".dia-titel")
    if titel.get_attribute("data-grafiek") == "1" and not tabel:
        page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=30_000)
        page.wait_for_timeout(300)
    return {"dias": int(titel.get_attribute("data-dias")), "grafiek": titel.get_attribute("data-grafiek") == "1"}


def test_every_page_and_slide_has_no_serious_or_critical_axe_violation(app_url, page):  # noqa: F811
    """Every page (expanders open), every slide, every slide's table shown (Toon tabel) and Exporteren open."""
    page.set_viewport_size({"width": 1400, "height": 900})
    resultaten = []
    for pad, titel in PAGINAS.items():
        page.goto(f"{app_url}/{pad}")
        wait_rendered(page)
        _open_expanders(page)
        resultaten.append(_audit(page, titel))
    page.goto(f"{app_url}/analyse")
    wait_rendered(page)
    page.locator("summary", has_text="Exporteren").click()
    page.get_by_role("button", name="HTML maken").wait_for(timeout=10_000)
    _klaar(page)
    resultaten.append(_audit(page, "Analyse arbeidsmarkt, Exporteren open"))
    dias = _open_dia(page, app_url, 1, 1280, 720)["dias"]
    assert dias >= 9
    for nr in range(1, dias + 1):
        dia = _open_dia(page, app_url, nr, 1280, 720)
        resultaten.append(_audit(page, f"Presentatie, dia {nr}"))
        if dia["grafiek"]:
            _open_dia(page, app_url, nr, 1280, 720, tabel=True)
            assert page.locator(".dia-tabel table.tg").is_visible()
            resultaten.append(_audit(page, f"Presentatie, dia {nr} met tabel"))
    _bewaar(resultaten, nieuw=True)
    assert not (ernstig := _ernstig(resultaten)), "axe-core vindt ernstige overtredingen:\n" + "\n".join(ernstig)


def test_at_200_percent_zoom_every_page_and_slide_reflows_and_passes_axe(app_url, page):  # noqa: F811
    """WCAG 1.4.4 and 1.4.10 at 1280 px and 200 % zoom, i.e. a window of 640 CSS px: no page scrolls sideways,
    nothing is cut off (every chart label inside its chart, no text past the window's edge), a wide table
    scrolls in its own container, and axe finds nothing serious. Slides at 640 x 360 (1280 x 720 at 200 %)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    resultaten, fouten, tabellen = [], [], 0
    for pad, titel in PAGINAS.items():
        page.set_viewport_size({"width": 640, "height": 900})
        page.goto(f"{app_url}/{pad}")
        wait_rendered(page)
        _open_expanders(page)
        if page.locator('[data-testid="stPlotlyChart"]').count():
            page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=30_000)
            page.wait_for_timeout(500)
        m = page.evaluate(UITSTEKEND)
        tabellen += m["tabellen"]
        if m["labels"] or m["weg"] or m["breed"] > 1:
            fouten.append(f"{titel}: {m}")
        page.screenshot(path=str(SHOTS / f"zoom200-{pad or 'overzicht'}.png"))
        resultaten.append(_audit(page, f"{titel}, 640 px (200 %)"))
    dias = _open_dia(page, app_url, 1, 640, 360)["dias"]
    for nr in range(1, dias + 1):
        _open_dia(page, app_url, nr, 640, 360)
        m = page.evaluate(UITSTEKEND)
        if m["labels"] or m["weg"] or m["breed"] > 1:
            fouten.append(f"dia {nr}: {m}")
        page.screenshot(path=str(SHOTS / f"zoom200-dia-{nr}.png"))
        resultaten.append(_audit(page, f"Presentatie, dia {nr}, 640 px (200 %)"))
    _bewaar(resultaten)
    assert not fouten, "bij 200 % zoom valt inhoud buiten beeld of scrolt de pagina opzij:\n" + "\n".join(fouten)
    assert tabellen >= 1   # the wide tables do not fit 640 px: they scroll in their own container
    assert not (ernstig := _ernstig(resultaten)), "axe-core vindt ernstige overtredingen:\n" + "\n".join(ernstig)


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
    page.wait_for_selector(".kc-help summary", timeout=30_000)
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


def _focus(page) -> str:
    return page.evaluate("() => { const e = document.activeElement; return (e.innerText || e.getAttribute('aria-label') "
                         "|| e.tagName).replace(/\\s+/g, ' ').trim(); }")


def test_keyboard_only_shows_a_slides_table_and_back(app_url, page):  # noqa: F811
    """On a slide: Tab to Toon tabel, Enter shows the table in the chart's place (focus stays on the button,
    now Toon grafiek), Enter shows the chart again; the key T does the same without reaching the button."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    nr = next(n for n in range(2, 30) if _open_dia(page, app_url, n, 1280, 720)["grafiek"])
    page.mouse.click(5, 5)
    _tab_tot(page, "el.closest('.st-key-dia-tabel') && el.tagName === 'BUTTON'", max_tabs=40)
    assert "Toon tabel" in _focus(page)
    page.keyboard.press("Enter")
    page.wait_for_selector(".dia-tabel table.tg caption", timeout=15_000)
    _klaar(page)
    assert page.evaluate("() => new URL(location.href).searchParams.get('tabel')") == str(nr)
    assert dia_nr(page) == nr, "Enter on the button must not move to the next slide"
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 0
    grootte = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.dia-tabel td, .dia-tabel th')).fontSize)")
    assert grootte >= 16, f"table type {grootte} px on a 1280 px slide"
    assert "Toon grafiek" in _focus(page), "the focus stays on the button"
    page.screenshot(path=str(SHOTS / "toetsenbord_dia_tabel.png"))
    page.keyboard.press("Space")   # Space presses the focused button too (it is not "next slide" there)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=15_000)
    assert page.locator(".dia-tabel").count() == 0 and dia_nr(page) == nr
    page.mouse.click(5, 5)
    page.keyboard.press("t")
    page.wait_for_selector(".dia-tabel table.tg", timeout=15_000)
    _klaar(page)
    assert dia_nr(page) == nr
    page.keyboard.press("ArrowRight")    # the next slide shows its chart again
    page.wait_for_function("n => new URL(location.href).searchParams.get('dia') === String(n)", arg=nr + 1,
                           timeout=15_000)
    page.wait_for_selector(f'.dia-titel[data-dia="{nr + 1}"]', timeout=15_000)
    _klaar(page)
    assert page.locator(".dia-tabel").count() == 0


def dia_nr(page) -> int:
    return int(page.evaluate("() => new URL(location.href).searchParams.get('dia')"))


def test_exporteren_comes_right_after_presenteren_and_opens_in_place_with_the_keyboard(app_url, page):  # noqa: F811
    """Exporteren is an expander in the page's order (issue 15: no popover, no focus trap): the Tab after
    Presenteren reaches it, Enter opens it, the next Tab is its first button, and Tab goes on out of it."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(app_url + "/analyse")
    wait_rendered(page)
    _tab_tot(page, "el.tagName === 'BUTTON' && el.innerText.includes('Presenteren')")
    page.keyboard.press("Tab")
    assert "Exporteren" in _focus(page) and page.evaluate("() => document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    page.get_by_role("button", name="HTML maken").wait_for(timeout=10_000)
    gezien = []
    for _ in range(4):
        page.keyboard.press("Tab")
        gezien.append(_focus(page))
    assert gezien[:3] == ["HTML maken", "PDF maken (A4)", "PowerPoint maken"], gezien
    assert "Exporteren" not in gezien[3] and gezien[3] not in gezien[:3]   # and on into the page: no trap
    page.screenshot(path=str(SHOTS / "toetsenbord_exporteren.png"))


def test_the_monitor_logged_in_and_with_results_has_no_serious_or_critical_axe_violation(monitor_app, page):  # noqa: F811
    """Invoer monitor as a logged-in user (upload, correction table, project form) and the monitor with results;
    the findings are added to the same report."""
    url, bestand, _ = monitor_app
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(url + "/monitor-invoer")
    wait_rendered(page)
    inloggen(page, WACHTWOORD)
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
    _bewaar(resultaten)
    assert not (ernstig := _ernstig(resultaten)), "axe-core vindt ernstige overtredingen:\n" + "\n".join(ernstig)

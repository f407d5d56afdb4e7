"""The monitor pages in Streamlit's AppTest: the empty state, figures after an
import, and who may edit (login from secrets with hashed passwords)."""
from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from etl.build import build
from tests.conftest import REPO
from tests.test_monitor import TWEE_PROJECTEN, importeer, ingevuld
from werkenaanwerk import opslag, wachtwoord

WACHTWOORD = "lang genoeg wachtwoord"


def pagina(page: str, accounts: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    if accounts is not None:
        at.secrets["monitor"] = {"accounts": accounts}
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def tekst(at: AppTest) -> str:
    return "\n".join([m.value for m in at.markdown] + [i.value for i in at.info] + [e.value for e in at.error]
                     + [s.value for s in at.success] + [c.value for c in at.caption])


def test_monitor_says_plainly_that_no_results_are_entered(warehouse):
    at = pagina("app_pages/monitor.py")
    assert "**Er zijn nog geen resultaten ingevoerd.**" in at.info[0].value
    assert "Het dashboard vult niets zelf in." in at.info[0].value
    md = tekst(at)
    assert "Van 7 projecten is voor 1 een doel bekend uit de bronnen: AI Annotatielab (24 per jaar)" in md
    assert not any(c.proto.spec and "Realisatie" in c.proto.spec for c in at.get("plotly_chart"))


def test_monitor_shows_the_imported_figures_against_targets(raw_dir, warehouse_path):
    importeer(ingevuld(TWEE_PROJECTEN))
    build(raw_dir, warehouse_path)
    at = pagina("app_pages/monitor.py")
    assert not at.info or "nog geen resultaten" not in at.info[0].value
    md = tekst(at)
    assert "#### Tot en met Q2 2024 19 deelnemers gestart, 6 uitgestroomd naar werk" in md
    assert "Bron: Monitor Werken aan Werk, ingevoerd door de projectleiders (laatste wijziging" in md
    assert "door Annette Keates) · Peildatum: t/m Q2 2024" in md
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert [t["name"] for t in spec["data"]] == ["Gestart", "Uitstroom naar werk", "Uitstroom naar opleiding"]
    assert spec["data"][0]["y"] == [12, 19] and spec["data"][1]["y"] == [2, 6]
    from tests.test_toegankelijk import html_frames
    overzicht = next(f for f in html_frames(at) if "Gestart t.o.v. doel" in f.columns)   # HTML since issue 15
    zorg = overzicht[overzicht["Project"] == "Zorgstart"].iloc[0]
    assert (zorg["Gestart (cumulatief)"], zorg["Doel deelnemers"], zorg["Laatste kwartaal"]) == ("13", "—", "Q2 2024")


def test_invoer_without_accounts_is_read_only_and_says_how_to_enable(warehouse):
    at = pagina("app_pages/monitor_invoer.py")
    assert "Invoeren en importeren staan uit: er zijn nog geen accounts ingesteld" in at.info[0].value
    assert "python -m etl.monitor hash-wachtwoord" in at.info[0].value
    assert not at.get("file_uploader")
    assert not [b for b in at.button if b.label in ("Inlezen", "Wijzigingen opslaan")]


def test_editing_without_login_is_refused_and_a_wrong_password_too(warehouse):
    accounts = {"annette": {"naam": "Annette Keates", "wachtwoord_hash": wachtwoord.maak_hash(WACHTWOORD)}}
    at = pagina("app_pages/monitor_invoer.py", accounts)
    assert "Om cijfers in te voeren of te importeren logt u in." in at.info[0].value
    assert not at.get("file_uploader")
    assert not [b for b in at.button if b.label in ("Inlezen", "Wijzigingen opslaan")]
    at.text_input[0].input("annette")
    at.text_input[1].input("geraden")
    at.button[0].click().run()
    assert "Gebruikersnaam of wachtwoord klopt niet." in [e.value for e in at.error]
    assert not at.get("file_uploader")
    at.text_input[1].input(WACHTWOORD)
    at.button[0].click().run()
    assert not at.exception
    assert "Ingelogd als **Annette Keates**" in at.success[0].value
    assert at.get("file_uploader")
    assert [b for b in at.button if b.label == "Wijzigingen opslaan"]


def test_a_logged_in_correction_in_the_table_is_saved_with_the_name(raw_dir, warehouse_path):
    importeer(ingevuld(TWEE_PROJECTEN))
    build(raw_dir, warehouse_path)
    accounts = {"piet": {"naam": "Piet", "wachtwoord_hash": wachtwoord.maak_hash(WACHTWOORD)}}
    at = pagina("app_pages/monitor_invoer.py", accounts)
    at.text_input[0].input("piet")
    at.text_input[1].input(WACHTWOORD)
    at.button[0].click().run()
    opslaan = next(b for b in at.button if b.label == "Wijzigingen opslaan")
    opslaan.click().run()  # nothing changed in the table
    assert not at.exception
    assert "Niets gewijzigd: alle cijfers waren al zo opgeslagen." in [i.value for i in at.info]
    assert [r["door"] for r in opslag.lees()] == ["Annette Keates"] * 4


def _ingelogd(accounts_naam: str = "annette", naam: str = "Annette Keates") -> AppTest:
    accounts = {accounts_naam: {"naam": naam, "wachtwoord_hash": wachtwoord.maak_hash(WACHTWOORD)}}
    at = pagina("app_pages/monitor_invoer.py", accounts)
    at.text_input[0].input(accounts_naam)
    at.text_input[1].input(WACHTWOORD)
    at.button[0].click().run()
    assert not at.exception
    return at


def test_an_upload_on_the_page_is_rebuilt_in_the_background_and_then_shown(warehouse):
    import time

    from werkenaanwerk import verversen
    at = _ingelogd()
    at.get("file_uploader")[0].set_value(("monitor.xlsx", ingevuld(TWEE_PROJECTEN),
                                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    at.run()
    next(b for b in at.button if b.label == "Inlezen").click().run()
    assert not at.exception, [e.message for e in at.exception]
    bezig = [i.value for i in at.info if "Het datawarehouse wordt bijgewerkt…" in i.value]
    assert bezig and bezig[0].startswith("monitor.xlsx: Opgeslagen: 4 nieuw, 0 gecorrigeerd, 0 ongewijzigd.")
    assert [r["door"] for r in opslag.lees()] == ["Annette Keates"] * 4
    for _ in range(240):  # the page polls; here each run is one look
        if verversen.voor(4)[0] != "bezig":
            break
        time.sleep(0.25)
    at.run()
    assert not at.exception
    assert ("monitor.xlsx: Opgeslagen: 4 nieuw, 0 gecorrigeerd, 0 ongewijzigd. Het datawarehouse is ververst; de "
            "monitor toont het nu.") in [s.value for s in at.success]
    at.switch_page("app_pages/monitor.py").run()
    assert not at.exception
    assert "#### Tot en met Q2 2024 19 deelnemers gestart, 6 uitgestroomd naar werk" in tekst(at)
    from basis import statusbestand
    assert statusbestand.lees()["monitor"]["verversen"]["status"] == "klaar"


def test_a_region_without_projects_says_so(warehouse):
    for page in ("app_pages/monitor.py", "app_pages/monitor_invoer.py"):
        at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
        at.run()
        at.switch_page(page)
        at.query_params["regio"] = "NL01"
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        if page.endswith("monitor.py"):
            assert "Voor Nederland zijn nog geen projecten in de monitor opgenomen." in [i.value for i in at.info]
            assert not at.get("plotly_chart")


def test_the_export_names_the_region_from_the_context(warehouse):
    from dashboard.monitor import export
    html = export.html("2026-Q4", "AM12", "Gooi en Vechtstreek")
    assert "Gooi en Vechtstreek (AM12) · bijlage bij de raadsinformatiebrief" in html
    toelichting = dict(export._toelichting("2026-Q4", export._delen("2026-Q4", "AM12"), "AM12",
                                           "Gooi en Vechtstreek").values)
    assert toelichting["Regio"] == "Gooi en Vechtstreek (AM12)"


def test_the_bronnen_page_shows_the_monitors_last_save(warehouse):
    from tests.test_monitor import VANDAAG
    from werkenaanwerk import opslaan
    opslaan.sla_op(opslaan.Bestand("monitor.xlsx", ingevuld(TWEE_PROJECTEN)), "Annette Keates", vandaag=VANDAAG)
    at = pagina("app_pages/bronnen.py")
    regels = [s.value for s in at.success]
    assert any(r.startswith("Monitor Werken aan Werk: Laatste invoer (bestand monitor.xlsx door Annette Keates, ")
               and r.endswith("Opgeslagen: 4 nieuw, 0 gecorrigeerd, 0 ongewijzigd.") for r in regels), regels

"""The monitor pages in Streamlit's AppTest: the empty state, figures after an
import, and who may edit (login from secrets with hashed passwords)."""
from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from etl.build import build
from tests.conftest import REPO
from tests.test_monitor import TWEE_PROJECTEN, VANDAAG, importeer, ingevuld
from werkenaanwerk import invoer, opslag, wachtwoord

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
    assert ("Van 7 projecten is voor 1 een doel bekend (uit een document: AI Annotatielab). Voor de andere noemt "
            "geen bron een getal; het dashboard vult er geen in.") in md
    assert "Er zijn tot en met" in md and "nog geen cijfers per kwartaal ingevoerd." in md
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
    assert [t["name"] for t in spec["data"]] == ["Gestart (cumulatief)", "Uitstroom naar werk (cumulatief)",
                                                 "Uitstroom naar opleiding (cumulatief)"]
    assert spec["data"][0]["y"] == [12, 19] and spec["data"][1]["y"] == [2, 6]
    from tests.test_toegankelijk import html_frames
    overzicht = next(f for f in html_frames(at) if "Realisatie in de doelperiode" in f.columns)   # HTML since 15
    zorg = overzicht[overzicht["Project"] == "Zorgstart"].iloc[0]
    assert (zorg["Sinds het begin (cumulatief)"], zorg["Doel"], zorg["Bron van het doel"]) == (
        "13", "—", "geen doel in de bronnen")
    per_kwartaal = json.loads(at.get("plotly_chart")[1].proto.spec)
    assert per_kwartaal["data"][0]["name"] == "Gestart" and per_kwartaal["data"][0]["y"] == [8, 5]


def test_the_monitor_opens_the_quarter_and_project_named_in_the_url(raw_dir, warehouse_path):
    importeer(ingevuld(TWEE_PROJECTEN))
    build(raw_dir, warehouse_path)
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("app_pages/monitor.py")
    at.query_params["tot"] = "Q1 2024"  # Streamlit binds the option as shown
    at.query_params["project"] = "Ik in de kinderopvang!"
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    md = tekst(at)
    assert "#### Tot en met Q1 2024 12 deelnemers gestart, 2 uitgestroomd naar werk" in md
    assert "#### Ik in de kinderopvang! per kwartaal t/m Q1 2024" in md
    at.selectbox(key="project").set_value("zorgstart").run()
    assert "#### Zorgstart per kwartaal t/m Q1 2024" in tekst(at)
    assert not [s for s in at.selectbox if s.label == "Programma"]   # one programme: nothing to filter by


def test_invoer_without_accounts_is_read_only_and_says_how_to_enable(warehouse):
    at = pagina("app_pages/monitor_invoer.py")
    assert "Invoeren en importeren staan uit: er zijn nog geen accounts ingesteld" in at.info[0].value
    # AppTest is no visitor at the server itself: the setup steps are for localhost only (tests/test_login.py)
    assert "De beheerder van het dashboard kan ze aanzetten" in at.info[0].value
    assert "secrets.toml" not in at.info[0].value
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
        at.query_params["regio"] = "AM01"   # NL01 is the comparison, not a region to pick (issue 12)
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        if page.endswith("monitor.py"):
            assert "Voor Groningen zijn nog geen projecten in de monitor opgenomen." in [i.value for i in at.info]
            assert not at.get("plotly_chart")


def test_the_export_names_the_region_from_the_context(warehouse):
    from dashboard.monitor import export
    html = export.html("2026-Q4", "AM12", "Gooi en Vechtstreek")
    assert "Gooi en Vechtstreek (AM12) · bijlage bij de raadsinformatiebrief" in html
    import io

    import openpyxl
    wb = openpyxl.load_workbook(io.BytesIO(export.excel("2026-Q4", "AM12", "Gooi en Vechtstreek")))
    toelichting = {r[0]: r[1] for r in wb["Toelichting"].iter_rows(min_row=2, values_only=True)}
    assert toelichting["Regio"] == "Gooi en Vechtstreek (AM12)"


def test_the_bronnen_page_shows_the_monitors_last_save(warehouse):
    from tests.test_monitor import VANDAAG
    from werkenaanwerk import opslaan
    opslaan.sla_op(opslaan.Bestand("monitor.xlsx", ingevuld(TWEE_PROJECTEN)), "Annette Keates", vandaag=VANDAAG)
    at = pagina("app_pages/bronnen.py")
    regels = [s.value for s in at.success]
    assert any(r.startswith("Monitor Werken aan Werk: Laatste invoer (bestand monitor.xlsx door Annette Keates, ")
               and r.endswith("Opgeslagen: 4 nieuw, 0 gecorrigeerd, 0 ongewijzigd.") for r in regels), regels


def test_no_none_or_nan_anywhere_on_the_monitor_pages(raw_dir, warehouse_path):
    import re
    importeer(ingevuld(TWEE_PROJECTEN))
    build(raw_dir, warehouse_path)
    zichtbaar = re.compile(r"\b(None|nan|NaN|<NA>|NaT)\b")
    for page in ("app_pages/monitor.py", "app_pages/monitor_invoer.py"):
        at = pagina(page)
        teksten = [tekst(at), *(t.value for t in at.title), *(s.label for s in at.selectbox),
                   *(str(s.value) for s in at.selectbox)]
        from tests.test_toegankelijk import html_frames
        for frame in [d.value for d in at.dataframe] + html_frames(at):
            teksten += [str(c) for c in frame.columns] + [str(x) for x in frame.to_numpy().ravel()]
        for chart in at.get("plotly_chart"):
            spec = json.loads(chart.proto.spec)
            teksten += [json.dumps([t.get("name"), t.get("text")], ensure_ascii=False) for t in spec["data"]]
        gevonden = [t for t in teksten if zichtbaar.search(t)]
        assert not gevonden, (page, gevonden[:3])


def test_the_project_picker_filters_by_programme_when_there_are_two_and_keeps_it_in_the_url(raw_dir, warehouse_path):
    importeer(ingevuld(TWEE_PROJECTEN))
    invoer.wijzig_project("zorgstart", {"programma": "Zorg Werkt"}, "Piet", 1, vandaag=VANDAAG)
    build(raw_dir, warehouse_path)
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("app_pages/monitor.py")
    at.query_params["programma"] = "Zorg Werkt"
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.selectbox(key="programma").options == ["Werken aan Werk", "Zorg Werkt"]
    assert at.selectbox(key="project").options == ["Zorgstart"]
    assert "#### Zorgstart per kwartaal t/m Q2 2024" in tekst(at)
    at.selectbox(key="programma").set_value("Werken aan Werk").run()
    assert at.selectbox(key="project").options == ["Ik in de kinderopvang!"]
    assert "#### Ik in de kinderopvang! per kwartaal t/m Q2 2024" in tekst(at)


def test_the_monitor_page_has_one_export_instead_of_a_download_pair_per_figure(raw_dir, warehouse_path):
    """Fewer elements per rerun (issue 18's speed goal): every table is still there, as HTML, and every one is
    in the Excel export; the figures have no CSV/Excel pair of their own."""
    importeer(ingevuld(TWEE_PROJECTEN))
    build(raw_dir, warehouse_path)
    at = pagina("app_pages/monitor.py")
    assert [b.proto.label for b in at.get("download_button")] == ["Excel"]   # the workbook of all views
    assert len(at.get("html")) >= 5   # the five figures' tables (and hidden ones), as HTML


def test_the_template_button_makes_the_template_of_the_store_as_it_is_at_the_click(raw_dir):
    """The Invoer page does not read the store on a rerun: the template is made at the click, and a save made
    meanwhile (in any process) is in it, because the store's last number is part of the cache key."""
    import io

    import openpyxl

    from dashboard.monitor import invoer as monitor_invoer

    def regels() -> int:
        return openpyxl.load_workbook(io.BytesIO(monitor_invoer._sjabloon_nu("AM12")))["Resultaten"].max_row

    assert regels() == 1
    importeer(ingevuld(TWEE_PROJECTEN))
    assert regels() == 5


def test_the_form_refuses_an_overlapping_target_and_changes_a_programme_but_not_from_a_stale_form(
        raw_dir, warehouse_path, monkeypatch):
    from werkenaanwerk import verversen
    monkeypatch.setattr(verversen, "start", lambda: None)   # no background build in this test
    build(raw_dir, warehouse_path)
    at = _ingelogd()
    # a target for 2026 beside AI Annotatielab's 24 per jaar (which covers every year of its run)
    at.selectbox(key="gegevens_project").set_value("ai_annotatielab").run()
    assert "Nu: gestarte deelnemers 24 (per jaar)." in "\n".join(m.value for m in at.markdown)
    at.text_input(key="f_doel_deelnemers_ai_annotatielab").input("30")
    at.selectbox(key="f_doelperiode").set_value("periode")
    next(t for t in at.text_input if t.label == "Doel geldt van (kwartaal)").input("2026-Q1")
    next(t for t in at.text_input if t.label == "Doel geldt tot en met (kwartaal)").input("2026-Q4")
    at.selectbox(key="f_doelmodus").set_value("erbij")
    next(b for b in at.button if b.label == "Projectgegevens opslaan").click().run()
    assert not at.exception, [e.stack_trace for e in at.exception]   # the submit button shadowed the module
    assert ("het doel 30 gestarte deelnemers (periode Q1 2026 t/m Q4 2026) van AI Annotatielab overlapt met het "
            "doel 24 gestarte deelnemers (per jaar, over de looptijd start onbekend t/m einde onbekend)") in \
        "\n".join(t.value for t in at.text)
    assert opslag.lees() == []
    # the programme of Zorgstart
    at.selectbox(key="gegevens_project").set_value("zorgstart").run()
    at.text_input(key="f_programma_zorgstart").input("Zorg Werkt")
    next(b for b in at.button if b.label == "Projectgegevens opslaan").click().run()
    assert not at.exception, [e.stack_trace for e in at.exception]
    assert [(r["project_id"], r.get("programma"), r["door"]) for r in opslag.lees()] == [
        ("zorgstart", "Zorg Werkt", "Annette Keates")]
    # another form still at revision 0 (the warehouse was not rebuilt): refused, nothing stored
    at = _ingelogd()
    at.text_input(key="f_programma_zorgstart").input("Zorg Werkt Twee")
    next(b for b in at.button if b.label == "Projectgegevens opslaan").click().run()
    assert any("Niet opgeslagen: project 'zorgstart' is intussen gewijzigd door Annette Keates" in e.value
               for e in at.error), [e.value for e in at.error]
    assert len(opslag.lees()) == 1

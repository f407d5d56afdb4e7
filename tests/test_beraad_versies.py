"""Versions that tell the truth: the comparison lists only what really changed (never an
empty-to-empty row), saving and retiring need a login with the 'versies' role, a retired
version is hidden but never deleted, and names are shown as plain text."""
from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.analyse import document as analyse
from dashboard.analyse import pagina, versies
from dashboard.kern import db
from etl.build import build
from tests.conftest import REPO
from tests.test_analyse import zorg_onder_landelijk
from tests.versiemap import in_opslag, oude_versiemap
from werkenaanwerk import wachtwoord

WACHTWOORD = "lang genoeg wachtwoord"


def test_a_rebuild_without_changed_data_changes_nothing(raw_dir, warehouse):
    versies.bewaar(analyse.maak("AM12"), "Beraad mei", door="tester")
    build(raw_dir, warehouse)
    db.clear()
    nu = analyse.maak("AM12")
    _, bewaard = versies.laad("Beraad mei")
    assert bewaard["build"] != nu["build"]
    assert versies.vergelijk(bewaard, nu) == []


def test_a_changed_figure_is_listed_and_nothing_empty_on_both_sides(raw_dir, warehouse):
    versies.bewaar(analyse.maak("AM12"), "Beraad mei", door="tester")
    zorg_onder_landelijk(raw_dir)
    build(raw_dir, warehouse)
    db.clear()
    _, bewaard = versies.laad("Beraad mei")
    verschillen = versies.vergelijk(bewaard, analyse.maak("AM12"))
    cijfers = [v for v in verschillen if v["soort"] == "cijfer"]
    # the vacatures of zorg en welzijn feed the vacatures figure, the mismatch and Tabel 5's sum
    assert {v["sectie"] for v in cijfers} == {"Vacatures en tekortsectoren", "Mismatch",
                                               "Gedrukte totalen en afwijkingen in de bron"}
    assert all(v["versie"] != v["nu"] for v in verschillen)
    assert not any(v["versie"] in ("—", "leeg") and v["nu"] in ("—", "leeg") for v in verschillen)


def test_empty_on_both_sides_is_not_a_change():
    def doc(waarde):
        return {"secties": [{"id": "s", "titel": "S", "alineas": ["a"], "figuren": [
            {"sleutel": "f", "bron": "UWV", "peildatum": "2025",
             "tabel": {"columns": ["Categorie", "Aantal"], "data": [["x", waarde], ["y", 3]]}}]}]}
    assert versies.vergelijk(doc(None), doc("—")) == []
    assert versies.vergelijk(doc(float("nan")), doc(None)) == []
    assert versies.vergelijk(doc(None), doc(None)) == []
    assert versies.vergelijk(doc(1), doc(1.0)) == []
    assert [(v["wat"], v["versie"], v["nu"]) for v in versies.vergelijk(doc(None), doc(5))] == [("x · Aantal", "leeg", "5")]


def test_a_retired_version_is_hidden_refused_by_name_and_kept(warehouse, versies_dir):
    versies.bewaar(analyse.maak("AM12"), "Beraad mei", door="tester")
    bewaard = in_opslag()
    with pytest.raises(versies.VersieFout, match="alleen als u bent ingelogd"):
        versies.trek_in("Beraad mei", door="")
    weg = versies.trek_in("Beraad mei", door="Annette Keates", reden="verkeerde regio")
    assert weg["door"] == "Annette Keates" and weg["op"]
    assert versies.lijst() == []
    with pytest.raises(versies.VersieFout, match="is ingetrokken .door Annette Keates"):
        versies.laad("Beraad mei")
    assert in_opslag()[:len(bewaard)] == bewaard   # nothing deleted, nothing changed; the retirement beside it
    assert in_opslag()[len(bewaard):] == [("beraad-mei", json.dumps(weg, ensure_ascii=False, indent=1))]


def test_names_are_plain_text():
    kwaad = "[klik](http://x.example) ![b](http://x.example/b.png) **vet**"
    veilig = pagina.platte_tekst(kwaad)
    for teken in "[]()!*":
        assert f"\\{teken}" in veilig
    assert "](" not in veilig.replace("\\]\\(", "")


def analyse_pagina(accounts: dict | None, ingelogd: str | None = None) -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    if accounts is not None:
        at.secrets["monitor"] = {"accounts": accounts}
    if ingelogd:
        at.session_state["monitor_gebruiker"] = ingelogd
    at.session_state["analyse-vastleggen"] = True   # Vastleggen opened: its form and login are made only then
    at.run()
    at.switch_page("app_pages/analyse.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def knoppen(at: AppTest) -> list[str]:
    return [b.label for b in at.button] + [b.label for b in at.get("form_submit_button")]


def test_saving_a_version_needs_a_login_with_the_versies_role(warehouse):
    hash_ = wachtwoord.maak_hash(WACHTWOORD)
    accounts = {"annette": {"naam": "Annette Keates", "wachtwoord_hash": hash_, "rollen": ["versies"]},
                "kees": {"naam": "Kees", "wachtwoord_hash": hash_}}
    anoniem = analyse_pagina(accounts)
    assert "Vastleggen" not in [b.label for b in anoniem.get("form_submit_button")]
    assert "Inloggen" in [b.label for b in anoniem.get("form_submit_button")]
    zonder_rol = analyse_pagina(accounts, ingelogd="Kees")
    assert "Vastleggen" not in [b.label for b in zonder_rol.get("form_submit_button")]
    assert any("niet de rol 'versies'" in w.value for w in zonder_rol.warning)
    met_rol = analyse_pagina(accounts, ingelogd="Annette Keates")
    assert "Vastleggen" in [b.label for b in met_rol.get("form_submit_button")]
    geen_accounts = analyse_pagina(None)
    assert "Vastleggen" not in [b.label for b in geen_accounts.get("form_submit_button")]


def oude_versie(versies_dir, naam: str) -> None:
    """A version as an older release stored it: a folder (before the store), without the comparison's
    name, a figure's peildatum and the sections' presentation flag; checksum matching."""
    doc = analyse.maak("AM12")
    del doc["vergelijk_naam"]
    for s in doc["secties"]:
        s.pop("presentatie", None)
        for f in s["figuren"]:
            f.pop("peildatum", None)
    oude_versiemap(versies_dir, doc, naam)


def test_a_version_of_an_older_release_opens_with_a_note(warehouse, versies_dir, tmp_path):
    oude_versie(versies_dir, "Beraad mei")
    manifest, doc = versies.laad("Beraad mei")
    assert "oudere uitgave" in manifest["opmerking"] and "vergelijk_naam" in manifest["opmerking"]
    from dashboard.export import report
    assert report.main(["--format", "html", "--out", str(tmp_path / "oud.html"), "--version", "Beraad mei"]) == 0
    assert "oudere uitgave" in (tmp_path / "oud.html").read_text(encoding="utf-8")
    at = AppTest.from_file(str(REPO / "app_pages" / "analyse.py"), default_timeout=60)
    at.query_params["versie"] = "beraad-mei"
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("oudere uitgave" in w.value for w in at.warning)
    at.query_params["presentatie"] = "1"
    at.query_params["dia"] = "4"
    at.run()
    assert not at.exception, [e.message for e in at.exception]

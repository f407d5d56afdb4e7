"""The storage interface behind the monitor (basis.database, werkenaanwerk.opslag),
on SQLite and on a real PostgreSQL: moving an older release's mutaties.jsonl
in, append-only, two processes saving the same project, and PostgreSQL
stopping in the middle of a save."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import duckdb
import pytest

from basis import database
from basis import instellingen as settings
from etl.build import build
from tests.conftest import REPO
from werkenaanwerk import invoer, opslag

OUDE_LOG = REPO / "tests" / "fixtures" / "monitor" / "mutaties_v1.jsonl"
VANDAAG = date(2026, 11, 22)
Q1 = {"kwartaal": "2024-Q1", "aangemeld": 10, "gestart": 8, "uitgevallen": 1, "uitstroom_werk": 3,
      "uitstroom_opleiding": 0, "nog_in_traject": 4}


def oude_regels() -> list[dict]:
    return [json.loads(r) for r in OUDE_LOG.read_text(encoding="utf-8").split("\n")[:11]]


# --- moving the older release's log in ----------------------------------------------------------------

def test_an_older_log_is_moved_in_once_losing_nothing(opslag_soort, raw_dir, warehouse_path):
    oud = opslag.log_pad()
    oud.parent.mkdir(parents=True)
    shutil.copyfile(OUDE_LOG, oud)
    regels = oude_regels()
    # lines 1-4, 6-7 and 9 are the three committed saves; line 11 is a save without its commit line
    verwacht = [regels[i] for i in (0, 1, 2, 3, 5, 6, 8)]

    assert opslag.lees() == verwacht
    assert [r["volgnummer"] for r in verwacht] == [1, 2, 3, 4, 5, 6, 7]
    assert not oud.exists()
    bewaard = oud.with_name("mutaties.jsonl.overgezet")
    assert bewaard.read_bytes() == OUDE_LOG.read_bytes()      # the old file is kept as it was

    # again, and with the file put back (a crash before the rename): nothing is added twice
    assert opslag.lees() == verwacht
    shutil.copyfile(OUDE_LOG, oud)
    assert opslag.lees() == verwacht
    with opslag.db().transactie() as t:
        assert t.execute("select count(*) from monitor_mutaties")[0][0] == 7
        assert t.execute("select rijen from opslag_migraties") == [(7,)]

    # the migrated history works as before: revisions, the stale-save refusal, the next number
    assert opslag.revisies(opslag.lees()) == {"zorgstart": 3, "ik_in_de_kinderopvang": 1}
    with pytest.raises(opslag.Conflict, match="intussen gewijzigd door Annette Keates"):
        invoer.corrigeer("zorgstart", [{**Q1, "aangemeld": 11}], 2, "Laat", vandaag=VANDAAG)
    uitkomst = invoer.corrigeer("zorgstart", [{**Q1, "uitstroom_werk": 4, "nog_in_traject": 3}], 3, "Piet",
                                vandaag=VANDAAG)
    assert uitkomst.volgnummer == 8

    # and the build reads it from the store
    build(raw_dir, warehouse_path)
    con = duckdb.connect(str(warehouse_path), read_only=True)
    assert con.execute("select project_id, kwartaal, uitstroom_werk from marts.monitor_resultaten "
                       "order by 1, 2").fetchall() == [
        ("ik_in_de_kinderopvang", "2024-Q1", 0), ("ik_in_de_kinderopvang", "2024-Q2", 1), ("zorgstart", "2024-Q1", 4)]
    assert con.execute("select status, doel_deelnemers from marts.monitor_projecten "
                       "where project_id = 'zorgstart'").fetchone() == ("verlengd", 30)
    assert con.execute("select rijen from meta.sources where dataset = 'monitor_resultaten'").fetchone() == (8,)
    con.close()


def test_unusable_lines_of_an_older_log_are_left_out_reported_and_kept(opslag_soort, raw_dir, caplog):
    """A log edited by hand: a line that is no record, and a committed record with a 20-digit volgnummer."""
    regels = OUDE_LOG.read_text(encoding="utf-8").split("\n")
    kapot = {**json.loads(regels[8]), "wijziging": "kapot", "volgnummer": 10**20}
    tekst = "\n".join(regels[:10] + ["dit is geen json", json.dumps(kapot),
                                      json.dumps({"soort": "commit", "wijziging": "kapot", "rijen": 1})]) + "\n"
    oud = opslag.log_pad()
    oud.parent.mkdir(parents=True)
    oud.write_text(tekst, encoding="utf-8")
    with caplog.at_level("WARNING", logger="werkenaanwerk.opslag_migratie"):
        records = opslag.lees()
    assert [r["volgnummer"] for r in records] == [1, 2, 3, 4, 5, 6, 7]
    assert [m for m in caplog.messages if "niet overgezet" in m] == [
        f"{oud}, regel 11: niet overgezet naar de opslag: geen leesbaar record (geen JSON-object met soort en "
        "wijziging)",
        f"{oud}, regel 12: niet overgezet naar de opslag: veld 'volgnummer' is geen geldig volgnummer "
        "(100000000000000000000)"]
    assert oud.with_name("mutaties.jsonl.overgezet").read_text(encoding="utf-8") == tekst   # kept whole


def test_an_older_log_that_disagrees_with_the_store_is_refused_not_merged(opslag_soort, raw_dir):
    invoer.corrigeer("zorgstart", [Q1], 0, "Iemand", vandaag=VANDAAG)
    voor = opslag.lees()
    opslag.log_pad().parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(OUDE_LOG, opslag.log_pad())
    with pytest.raises(opslag.NietBereikbaar) as exc:
        opslag.lees()
    assert "kan niet worden overgezet" in str(exc.value) and "bevat al 1 andere wijzigingen" in str(exc.value)
    assert opslag.log_pad().read_bytes() == OUDE_LOG.read_bytes()   # left where it was
    opslag.log_pad().rename(opslag.log_pad().with_name("apart.jsonl"))
    assert opslag.lees() == voor


# --- the store itself -------------------------------------------------------------------------------------

def test_the_store_refuses_to_change_or_delete_a_record(opslag_soort, raw_dir):
    invoer.corrigeer("zorgstart", [Q1], 0, "Iemand", vandaag=VANDAAG)
    voor = opslag.lees()
    for sql in ("update monitor_mutaties set record = '{}'", "delete from monitor_mutaties"):
        with pytest.raises(Exception, match="append-only"):  # noqa: B017 - sqlite3 and psycopg raise their own kinds
            with opslag.db().transactie(schrijven=True) as t:
                t.execute(sql)
    assert opslag.lees() == voor


def test_reading_an_empty_store_creates_nothing(monitor_dir):
    assert opslag.lees() == [] and opslag.laatste_volgnummer() == 0
    assert not monitor_dir.exists()


SLA_OP = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from werkenaanwerk import opslag

    echt = opslag.schrijf
    def traag(t, rec):   # slow between the revision check and the write: the window a race would need
        time.sleep(0.5)
        echt(t, rec)
    opslag.schrijf = traag
    start = Path(sys.argv[1])
    while not start.exists():
        time.sleep(0.01)
    try:
        opslag.toevoegen([{"soort": "project", "project_id": "zorgstart", "status": sys.argv[2]}], sys.argv[2],
                         "test", {"zorgstart": 0})
        print("opgeslagen")
    except opslag.Conflict as exc:
        print("geweigerd: " + str(exc))
""")


def tegelijk(script: str, tmp_path: Path) -> list[str]:
    """Run `script` in two processes ("Eerste", "Tweede") released at the same moment; their output, sorted."""
    start = tmp_path / "start"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    processen = [subprocess.Popen([sys.executable, "-c", script, str(start), naam], cwd=REPO, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for naam in ("Eerste", "Tweede")]
    time.sleep(1.5)   # both have started and wait at the same line
    start.touch()
    uit = [p.communicate(timeout=120) for p in processen]
    assert all(p.returncode == 0 for p in processen), [e for _, e in uit]
    return sorted(o.strip() for o, _ in uit)


def test_two_processes_saving_the_same_project_the_second_is_refused_as_stale(opslag_soort, tmp_path):
    regels = tegelijk(SLA_OP, tmp_path)
    assert regels[0] == "geweigerd: " + regels[0].removeprefix("geweigerd: ") and regels[1] == "opgeslagen", regels
    records = opslag.lees()
    assert len(records) == 1
    winnaar = records[0]["door"]
    assert f"is intussen gewijzigd door {winnaar}" in regels[0]
    assert "revisie 0, nu 1" in regels[0]


# --- PostgreSQL stopped in the middle of a save ---------------------------------------------------------

def test_postgres_stopped_during_a_save_stores_nothing_and_the_save_works_once_it_is_back(postgres, raw_dir,
                                                                                          monkeypatch):
    invoer.corrigeer("zorgstart", [Q1], 0, "Annette Keates", vandaag=VANDAAG)
    voor = opslag.lees()
    echt = opslag.schrijf
    gestopt = []

    def stop_na_de_eerste(t, rec):   # the first record is written, then the server goes away
        echt(t, rec)
        if not gestopt:
            postgres.stop()
            gestopt.append(rec)

    monkeypatch.setattr(opslag, "schrijf", stop_na_de_eerste)
    wijziging = [{**Q1, "uitstroom_werk": 2, "nog_in_traject": 5},
                 {"kwartaal": "2024-Q2", "aangemeld": 6, "gestart": 5, "uitgevallen": 0, "uitstroom_werk": 3,
                  "uitstroom_opleiding": 1, "nog_in_traject": 4}]
    try:
        with pytest.raises(opslag.Conflict) as exc:
            invoer.corrigeer("zorgstart", wijziging, 1, "Piet", vandaag=VANDAAG)
        assert gestopt
        melding = str(exc.value)
        assert melding.startswith("Niet opgeslagen. De opslag (PostgreSQL-database postgres op 127.0.0.1:"), melding
        assert "is nu niet bereikbaar" in melding and "Er is niets half opgeslagen" in melding
        with pytest.raises(opslag.NietBereikbaar):   # while it is down, reading says the same
            opslag.lees()
    finally:
        postgres.start()
    monkeypatch.setattr(opslag, "schrijf", echt)
    assert opslag.lees() == voor
    uitkomst = invoer.corrigeer("zorgstart", wijziging, 1, "Piet", vandaag=VANDAAG)
    assert (uitkomst.nieuw, uitkomst.gecorrigeerd) == (1, 1)
    assert [r["volgnummer"] for r in opslag.lees()] == [1, 2, 3]


def test_postgres_is_only_used_when_a_database_url_is_set(monitor_dir, monkeypatch):
    assert database.open_(Path("x.sqlite"), opslag.SCHEMA).soort == "sqlite"
    monkeypatch.setenv("DATABASE_URL", "postgresql://kijker:geheim@db.voorbeeld:5433/dashboard")
    assert settings.database_url() == "postgresql://kijker:geheim@db.voorbeeld:5433/dashboard"
    db = opslag.db()
    assert db.soort == "postgresql"
    assert db.omschrijving() == "PostgreSQL-database dashboard op db.voorbeeld:5433"   # never the password


# --- saved versions of the Analyse arbeidsmarkt -----------------------------------------------------------

def klein_doc(regio: str = "AM12") -> dict:
    return {"regio": regio, "regio_naam": "Gooi en Vechtstreek", "gemaakt": "2026-05-07", "secties": [],
            "build": {"build_id": "voorbeeld"}}


def test_version_folders_of_the_older_release_are_copied_in_once(opslag_soort, versies_dir):
    from dashboard.analyse import versies
    from tests.versiemap import in_opslag, oude_versiemap
    mei = oude_versiemap(versies_dir, klein_doc(), "Regionaal Beraad mei", opgeslagen="2026-05-07T10:00:00+00:00")
    juni = oude_versiemap(versies_dir, klein_doc(), "Beraad juni", opgeslagen="2026-06-07T10:00:00+00:00")
    weg = {"door": "Annette Keates", "op": "2026-06-08T09:00:00+00:00", "reden": "verkeerde regio"}
    (juni / "ingetrokken.json").write_text(json.dumps(weg), encoding="utf-8")
    voor = {p: p.read_bytes() for p in versies_dir.rglob("*") if p.is_file()}

    assert [m["naam"] for m in versies.lijst()] == ["Regionaal Beraad mei"]   # juni was retired
    manifest, doc = versies.laad("Regionaal Beraad mei")
    assert doc["build"] == {"build_id": "voorbeeld"} and manifest["door"] == "tester"
    with pytest.raises(versies.VersieFout, match="is ingetrokken .door Annette Keates op 2026-06-08"):
        versies.laad("Beraad juni")
    rijen = in_opslag()
    assert [r[0] for r in rijen] == ["beraad-juni", "regionaal-beraad-mei", "beraad-juni"]
    assert bytes(rijen[1][4]) == (mei / "analyse.json").read_bytes()          # byte for byte
    assert rijen[1][3] == (mei / "manifest.json").read_text(encoding="utf-8")
    # once: a second use copies nothing, and the folders stay as they were
    assert versies.lijst()[0]["naam"] == "Regionaal Beraad mei" and in_opslag() == rijen
    assert {p: p.read_bytes() for p in versies_dir.rglob("*") if p.is_file() and p.parent != versies_dir} == {
        p: b for p, b in voor.items()}
    # a new version beside them; the name of a copied one is still taken
    versies.bewaar(klein_doc(), "Beraad juli", door="Piet")
    with pytest.raises(versies.VersieFout, match="Versies worden nooit overschreven"):
        versies.bewaar(klein_doc(), "Regionaal beraad mei")
    assert [m["naam"] for m in versies.lijst()] == ["Beraad juli", "Regionaal Beraad mei"]


BEWAAR = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from dashboard.analyse import versies
    start = Path(sys.argv[1])
    while not start.exists():
        time.sleep(0.01)
    try:
        versies.bewaar({"regio": "AM12", "secties": [], "gemaakt": sys.argv[2]}, "Beraad mei", door=sys.argv[2])
        print("opgeslagen")
    except versies.VersieFout as exc:
        print("geweigerd: " + str(exc))
""")


def test_two_processes_saving_one_version_name_the_second_is_refused(opslag_soort, tmp_path):
    from dashboard.analyse import versies
    regels = tegelijk(BEWAAR, tmp_path)
    assert regels[1] == "opgeslagen" and regels[0].startswith("geweigerd: Er bestaat al een versie"), regels
    manifest, doc = versies.laad("Beraad mei")
    assert manifest["door"] == doc["gemaakt"]   # one whole version, not a mix of the two

"""What a page reads from the store in every rerun (the saved versions on the Analyse, the last sequence
number on the Invoer page) is read once per stand of the store, and a save in another process (another
worker) changes the stand, so it shows at the next call here. On SQLite and on PostgreSQL."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from basis import database
from dashboard.analyse import versies
from tests.conftest import REPO
from werkenaanwerk import opslag

ELDERS = """
from dashboard.analyse import versies
from werkenaanwerk import opslag
versies.bewaar({"regio": "AM12", "secties": []}, "Beraad juni", door="Piet")
versies.trek_in("Beraad mei", door="Piet", reden="verouderd")
opslag.toevoegen([{"soort": "project", "project_id": "zorgstart", "status": "loopt"}], "Piet", "test",
                 {"zorgstart": 1})
"""


def test_a_listing_is_read_once_per_stand_and_a_save_in_another_process_shows_at_the_next_call(
        opslag_soort, versies_dir, monkeypatch):
    versies.bewaar({"regio": "AM12", "secties": []}, "Beraad mei", door="Annette")
    opslag.toevoegen([{"soort": "project", "project_id": "zorgstart", "status": "gepland"}], "Annette", "test",
                     {"zorgstart": 0})
    assert [m["naam"] for m in versies.lijst()] == ["Beraad mei"] and opslag.laatste_volgnummer() == 1

    gelezen = []
    echt = database.Database.transactie

    def tel(self, schrijven=False):
        gelezen.append(self.pad.name)
        return echt(self, schrijven)
    monkeypatch.setattr(database.Database, "transactie", tel)
    for _ in range(3):   # three reruns, nothing saved in between: no transaction, no connection
        assert [m["naam"] for m in versies.lijst()] == ["Beraad mei"] and opslag.laatste_volgnummer() == 1
    assert gelezen == []

    subprocess.run([sys.executable, "-c", ELDERS], cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                   check=True, capture_output=True)
    # the next call here (the next click in the other worker) reads again and sees all three changes
    assert [m["naam"] for m in versies.lijst()] == ["Beraad juni"]
    assert opslag.laatste_volgnummer() == 2
    assert sorted(gelezen) == ["monitor.sqlite", "versies.sqlite"]


def test_what_a_caller_gets_is_its_own_copy(versies_dir):
    versies.bewaar({"regio": "AM12", "secties": []}, "Beraad mei", door="Annette")
    versies.lijst()[0]["naam"] = "iets anders"
    assert versies.lijst()[0]["naam"] == "Beraad mei"


def test_the_sqlite_stand_changes_only_with_a_committed_write(tmp_path):
    winkel = database.open_(tmp_path / "x.sqlite", {"sqlite": ["create table if not exists x (a integer)"]}, "")
    with winkel.transactie() as t:   # the first use makes the file and its table
        t.execute("select count(*) from x")
    leeg = winkel.stand()
    with winkel.transactie() as t:
        t.execute("select count(*) from x")
    assert winkel.stand() == leeg                       # a read changes nothing
    try:
        with winkel.transactie(schrijven=True) as t:
            t.execute("insert into x (a) values (1)")
            raise RuntimeError("halverwege")
    except RuntimeError:
        pass
    assert winkel.stand() == leeg                       # a rolled-back write neither
    with winkel.transactie(schrijven=True) as t:
        t.execute("insert into x (a) values (1)")
    na_een = winkel.stand()
    assert na_een != leeg
    with winkel.transactie(schrijven=True) as t:
        t.execute("insert into x (a) values (2)")
    assert winkel.stand() not in (leeg, na_een)


def test_postgres_restarted_the_kept_connection_is_replaced_and_meanwhile_the_page_says_so(postgres, versies_dir):
    versies.bewaar({"regio": "AM12", "secties": []}, "Beraad mei", door="Annette")
    assert [m["naam"] for m in versies.lijst()] == ["Beraad mei"]      # the stand's connection is open now
    postgres.stop()
    try:
        with pytest.raises(versies.VersieFout, match="Kan de versies niet lezen. De opslag .PostgreSQL-database"):
            versies.lijst()
    finally:
        postgres.start()
    assert [m["naam"] for m in versies.lijst()] == ["Beraad mei"]
    versies.bewaar({"regio": "AM12", "secties": []}, "Beraad juni", door="Annette")
    assert [m["naam"] for m in versies.lijst()] == ["Beraad juni", "Beraad mei"]


def test_a_marker_that_cannot_be_written_does_not_turn_a_committed_save_into_an_error(versies_dir, caplog):
    versies.bewaar({"regio": "AM12", "secties": []}, "Beraad mei", door="Annette")
    assert [m["naam"] for m in versies.lijst()] == ["Beraad mei"]
    marker = versies_dir / "versies.sqlite.stand"
    marker.unlink()
    marker.mkdir()                         # the marker cannot be extended any more
    assert [m["naam"] for m in versies.lijst()] == ["Beraad mei"]   # read under the stand as it is now
    versies.bewaar({"regio": "AM12", "secties": []}, "Beraad juni", door="Annette")   # saved, no error
    assert "stand niet bijgewerkt" in caplog.text
    assert [m["naam"] for m in versies.lijst()] == ["Beraad juni", "Beraad mei"]   # this process sees it at once

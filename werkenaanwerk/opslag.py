"""The monitor's storage: an append-only table of changes, outside the
warehouse, behind basis.database (a SQLite file data/monitor/monitor.sqlite by
default, PostgreSQL when DATABASE_URL is set).

Every save is one transaction: its records are all there or none is, so a
save interrupted half-way is invisible. Nothing is ever rewritten (the table
refuses UPDATE and DELETE): a correction is a newer record for the same
project and kwartaal, and the old one stays in the history.

Optimistic locking: every project has a revision (the number of saves that
touched it). A save says which revision of each project it was based on; if
another save came in between, it is refused with a Conflict, not merged. The
check and the append happen under the store's write lock, so this holds
across processes and machines.

A log of the older release (data/monitor/mutaties.jsonl) is moved into the
store the first time the store is used; see werkenaanwerk.opslag_migratie."""
from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path

from basis import database
from basis import instellingen as settings

LOG = "mutaties.jsonl"   # the older release's log, migrated on first use
DATABASE = "monitor.sqlite"

SCHEMA = {
    "sqlite": [
        """create table if not exists monitor_mutaties (
               volgnummer integer primary key, wijziging text not null, project_id text not null,
               revisie integer not null, record text not null)""",
        "create index if not exists monitor_mutaties_project on monitor_mutaties (project_id, volgnummer)",
        """create trigger if not exists monitor_mutaties_geen_update before update on monitor_mutaties
           begin select raise(abort, 'monitor_mutaties is append-only'); end""",
        """create trigger if not exists monitor_mutaties_geen_delete before delete on monitor_mutaties
           begin select raise(abort, 'monitor_mutaties is append-only'); end""",
        """create table if not exists opslag_migraties (
               naam text primary key, op text not null, rijen integer not null, sha256 text not null)""",
    ],
    "postgresql": [
        """create table if not exists monitor_mutaties (
               volgnummer bigint primary key, wijziging text not null, project_id text not null,
               revisie integer not null, record text not null)""",
        "create index if not exists monitor_mutaties_project on monitor_mutaties (project_id, volgnummer)",
        """create or replace function alleen_toevoegen() returns trigger language plpgsql as
           $$ begin raise exception '% is append-only', tg_table_name; end $$""",
        """create or replace trigger monitor_mutaties_alleen_toevoegen before update or delete
           on monitor_mutaties for each row execute function alleen_toevoegen()""",
        """create table if not exists opslag_migraties (
               naam text primary key, op text not null, rijen integer not null, sha256 text not null)""",
    ],
}


class Conflict(Exception):
    """Someone else saved the same project since this change was started; the message is Dutch."""


class NietBereikbaar(Conflict):
    """The store could not be reached (database stopped, disk not writable). Shown and recorded like
    a conflict: a Dutch message, nothing stored, and the same save can simply be tried again."""


def log_pad(instellingen: settings.Instellingen | None = None) -> Path:
    """Where the older release kept its log (migrated into the store on first use)."""
    return (instellingen or settings.Instellingen.uit_omgeving()).monitor_dir / LOG


def db(instellingen: settings.Instellingen | None = None) -> database.Database:
    """The store (by default where the environment's settings say), with an older release's
    mutaties.jsonl moved into it first."""
    instellingen = instellingen or settings.Instellingen.uit_omgeving()
    winkel = database.open_(instellingen.monitor_dir / DATABASE, SCHEMA, instellingen.database_url)
    pad = log_pad(instellingen)
    if pad.exists():
        from werkenaanwerk import opslag_migratie
        with _bereikbaar():
            opslag_migratie.migreer(winkel, pad)
    return winkel


class _bereikbaar:
    """Turns database.Onbereikbaar into NietBereikbaar, which the page and the CLI already show;
    `voor` starts the message (a save says it was not saved)."""

    def __init__(self, voor: str = ""):
        self.voor = voor

    def __enter__(self):
        return self

    def __exit__(self, soort, exc, tb):
        if isinstance(exc, database.Onbereikbaar) and not isinstance(exc, NietBereikbaar):
            raise NietBereikbaar(self.voor + str(exc)) from exc
        return False


def omschrijving(instellingen: settings.Instellingen | None = None) -> str:
    """Where the monitor's records are kept, in words (for Bronnen en actualiteit)."""
    return db(instellingen).omschrijving()


def lees(instellingen: settings.Instellingen | None = None) -> list[dict]:
    """All saved records, oldest first."""
    winkel = db(instellingen)
    if not winkel.bestaat():
        return []
    with _bereikbaar(), winkel.transactie() as t:
        return [json.loads(r[0]) for r in t.execute("select record from monitor_mutaties order by volgnummer")]


def revisies(records: list[dict]) -> dict[str, int]:
    """Project -> its revision: the revision recorded by its latest save (0: never changed)."""
    uit: dict[str, int] = {}
    for rec in records:
        uit[rec["project_id"]] = rec["revisie"]
    return uit


def laatste_door(records: list[dict], project_id: str) -> tuple[str, str] | None:
    for rec in reversed(records):
        if rec["project_id"] == project_id:
            return rec["door"], rec["tijdstip"]
    return None


def toevoegen(mutaties: list[dict], door: str, via: str, basis: dict[str, int]) -> list[dict]:
    """Append `mutaties` (dicts with soort and project_id, plus fields) as one
    save by `door`. `basis` holds, for every project the save touches, the
    revision the change was based on. Returns the stored records."""
    door = (door or "").strip()
    if not door:
        raise ValueError("opslaan zonder naam van wie het doet kan niet")
    projecten = {m["project_id"] for m in mutaties}
    if not projecten <= set(basis):
        raise ValueError(f"geen basisrevisie voor {sorted(projecten - set(basis))}")
    winkel = db()
    with _bereikbaar("Niet opgeslagen. "), winkel.transactie(schrijven=True) as t:
        if winkel.postgres:
            # one writer at a time; readers are not blocked (EXCLUSIVE still allows SELECT)
            t.execute("lock table monitor_mutaties in exclusive mode")
        huidig = {p: r for p, r in t.execute("select project_id, max(revisie) from monitor_mutaties "
                                             "group by project_id")}
        for project in sorted(projecten):
            if huidig.get(project, 0) != basis[project]:
                laatste = json.loads(t.execute("select record from monitor_mutaties where project_id = ? "
                                               "order by volgnummer desc limit 1", (project,))[0][0])
                raise Conflict(
                    f"Niet opgeslagen: project '{project}' is intussen gewijzigd door {laatste['door']} "
                    f"({_leesbaar(laatste['tijdstip'])}). Uw wijziging ging uit van een oudere versie (revisie "
                    f"{basis[project]}, nu {huidig.get(project, 0)}). Laad de gegevens opnieuw, bekijk de "
                    "wijziging van de ander en voer uw correctie daarna opnieuw in.")
        wijziging = uuid.uuid4().hex
        tijdstip = datetime.now(UTC).isoformat(timespec="microseconds")
        volgnummer = t.execute("select coalesce(max(volgnummer), 0) from monitor_mutaties")[0][0]
        nieuw = []
        for m in mutaties:
            volgnummer += 1
            rec = {**m, "wijziging": wijziging, "volgnummer": volgnummer, "tijdstip": tijdstip,
                   "door": door, "via": via, "revisie": huidig.get(m["project_id"], 0) + 1}
            schrijf(t, rec)
            nieuw.append(rec)
        return nieuw


def schrijf(t: database.Transactie, rec: dict) -> None:
    """Insert one record (within a save's transaction)."""
    t.execute("insert into monitor_mutaties (volgnummer, wijziging, project_id, revisie, record) "
              "values (?, ?, ?, ?, ?)",
              (rec["volgnummer"], rec["wijziging"], rec["project_id"], rec["revisie"],
               json.dumps(rec, ensure_ascii=False)))


def _leesbaar(tijdstip: str) -> str:
    from zoneinfo import ZoneInfo
    t = datetime.fromisoformat(tijdstip).astimezone(ZoneInfo("Europe/Amsterdam"))
    return t.strftime("%d-%m-%Y om %H:%M")


def huidige_resultaten(records: list[dict]) -> dict[tuple[str, str], dict]:
    """(project, kwartaal) -> its latest result record, without removed ones."""
    stand: dict[tuple[str, str], dict] = {}
    for rec in records:
        if rec["soort"] == "resultaat":
            stand[(rec["project_id"], rec["kwartaal"])] = rec
    return {k: v for k, v in stand.items() if not v.get("verwijderd")}


def laatste_volgnummer(records: list[dict] | None = None) -> int:
    """The sequence number of the last saved record (0: nothing stored yet).
    A build that read the store after this number was taken includes it. The
    store only grows, so the number also tells whether anything changed."""
    if records is not None:
        return max((r["volgnummer"] for r in records), default=0)
    winkel = db()
    if not winkel.bestaat():
        return 0
    with _bereikbaar():   # read once per stand of the store (the Invoer page asks in every rerun)
        return winkel.per_stand("laatste_volgnummer", lambda: _lees_volgnummer(winkel))


def _lees_volgnummer(winkel: database.Database) -> int:
    with winkel.transactie() as t:
        return t.execute("select coalesce(max(volgnummer), 0) from monitor_mutaties")[0][0]

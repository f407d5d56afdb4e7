"""The monitor's storage: an append-only log of changes in
data/monitor/mutaties.jsonl (one JSON record a line), outside the warehouse.

Every save appends its records followed by a commit line; a reader only sees
records whose save was committed, so a save interrupted half-way is invisible
and the next save cuts its remains off. Nothing is ever rewritten: a
correction is a newer record for the same project and kwartaal, and the old
one stays in the history.

Optimistic locking: every project has a revision (the number of saves that
touched it). A save says which revision of each project it was based on; if
another save came in between, it is refused with a Conflict, not merged."""
from __future__ import annotations

import fcntl
import json
import os
import uuid
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from basis import instellingen as settings

LOG = "mutaties.jsonl"


class Conflict(Exception):
    """Someone else saved the same project since this change was started; the message is Dutch."""


def log_pad() -> Path:
    return settings.monitor_dir() / LOG


@contextmanager
def _slot():
    """One writer at a time, across processes (page sessions and the CLI)."""
    map_ = settings.monitor_dir()
    map_.mkdir(parents=True, exist_ok=True)
    with open(map_ / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def lees(pad: Path | None = None) -> list[dict]:
    """All committed records (not the commit lines), oldest first."""
    pad = pad or log_pad()
    try:
        tekst = pad.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    regels = tekst.split("\n")
    if regels and regels[-1]:
        regels = regels[:-1]  # an unfinished last line: an interrupted save
    per_wijziging: dict[str, list[dict]] = {}
    uit: list[dict] = []
    for regel in regels:
        if not regel:
            continue
        rec = record(regel)
        if rec is None:
            continue  # unreadable: skipped here, reported with its line by werkenaanwerk.validatie.controleer_log
        if rec["soort"] == "commit":
            uit.extend(per_wijziging.pop(rec["wijziging"], []))
        else:
            per_wijziging.setdefault(rec["wijziging"], []).append(rec)
    return uit


def record(regel: str) -> dict | None:
    """One line of the log as a record (None: not a JSON object with soort and wijziging)."""
    try:
        rec = json.loads(regel)
        rec["soort"], rec["wijziging"]
    except (ValueError, TypeError, KeyError, IndexError):
        return None
    return rec


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


def _afkappen(pad: Path) -> None:
    """Drop an unfinished last line left by an interrupted save."""
    if not pad.exists() or pad.stat().st_size == 0:
        return
    with open(pad, "rb+") as fh:
        fh.seek(-1, os.SEEK_END)
        if fh.read(1) == b"\n":
            return
        fh.seek(0)
        data = fh.read()
        fh.truncate(data.rfind(b"\n") + 1)


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
    with _slot():
        pad = log_pad()
        records = lees(pad)
        huidig = revisies(records)
        for project in sorted(projecten):
            if huidig.get(project, 0) != basis[project]:
                wie, wanneer = laatste_door(records, project)
                raise Conflict(
                    f"Niet opgeslagen: project '{project}' is intussen gewijzigd door {wie} "
                    f"({_leesbaar(wanneer)}). Uw wijziging ging uit van een oudere versie (revisie "
                    f"{basis[project]}, nu {huidig.get(project, 0)}). Laad de gegevens opnieuw, bekijk de "
                    "wijziging van de ander en voer uw correctie daarna opnieuw in.")
        wijziging = uuid.uuid4().hex
        tijdstip = datetime.now(UTC).isoformat(timespec="microseconds")
        volgnummer = len(records)
        nieuw = []
        for m in mutaties:
            volgnummer += 1
            nieuw.append({**m, "wijziging": wijziging, "volgnummer": volgnummer, "tijdstip": tijdstip,
                          "door": door, "via": via, "revisie": huidig.get(m["project_id"], 0) + 1})
        regels = [json.dumps(r, ensure_ascii=False) for r in nieuw]
        regels.append(json.dumps({"soort": "commit", "wijziging": wijziging, "rijen": len(nieuw)}))
        _afkappen(pad)
        with open(pad, "a", encoding="utf-8") as fh:
            fh.write("\n".join(regels) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        return nieuw


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
    """The sequence number of the last committed record (0: nothing stored yet).
    A build that read the log after this number was taken includes it."""
    records = lees() if records is None else records
    return max((r["volgnummer"] for r in records), default=0)

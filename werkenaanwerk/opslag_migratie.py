"""Moving the older release's monitor log (data/monitor/mutaties.jsonl) into
the store, once, losing nothing.

That log held one JSON record a line; a save appended its records and then a
commit line {"soort": "commit", "wijziging": ..., "rijen": n}, and only records
whose save was committed counted (an unfinished last line or a save without
its commit line was an interrupted save). Exactly those committed records are
copied, with their own volgnummer, revisie, tijdstip and door, in one
transaction. The file is then renamed to mutaties.jsonl.overgezet (kept as it
was, for reference). A committed line that cannot be a row (unreadable, or
without a usable volgnummer, revisie or project: written by hand) is not
copied but logged with its line number; it stays in the kept file. Running
it again adds nothing: records already in the store are recognised, and a
log that disagrees with what the store holds is refused with a Dutch message
instead of being merged."""
from __future__ import annotations

import hashlib
import json
import logging
from datetime import UTC, datetime
from pathlib import Path

from basis import database

OVERGEZET = ".overgezet"
log = logging.getLogger("werkenaanwerk.opslag_migratie")


class MigratieFout(database.Onbereikbaar):
    """The old log cannot be moved into the store without losing or mixing up records; Dutch message."""


def record(regel: str) -> dict | None:
    """One line of the old log as a record (None: not a JSON object with soort and wijziging)."""
    try:
        rec = json.loads(regel)
        rec["soort"], rec["wijziging"]
    except (ValueError, TypeError, KeyError, IndexError):
        return None
    return rec


def _sleutels_fout(rec: dict) -> str | None:
    """Why a record cannot be a row of the store (its key columns), or None."""
    for veld in ("volgnummer", "revisie"):
        if not isinstance(rec.get(veld), int) or isinstance(rec.get(veld), bool) or not 0 < rec[veld] < 2**62:
            return f"veld '{veld}' is geen geldig volgnummer ({str(rec.get(veld))[:30]})"
    if not isinstance(rec.get("project_id"), str) or not rec["project_id"]:
        return "het project ontbreekt"
    return None


def lees_jsonl(tekst: str) -> tuple[list[dict], list[tuple[int, str]]]:
    """The committed records of an older release's log, oldest first (its own reading: an unfinished
    last line or a save without its commit line does not count), and (line, why) for each committed
    line that cannot be copied: not readable, or without a usable volgnummer, revisie or project."""
    regels = tekst.split("\n")
    if regels and regels[-1]:
        regels = regels[:-1]  # an unfinished last line: an interrupted save
    per_wijziging: dict[str, list[tuple[int, dict]]] = {}
    uit: list[dict] = []
    overgeslagen: list[tuple[int, str]] = []
    for nummer, regel in enumerate(regels, start=1):
        if not regel:
            continue
        rec = record(regel)
        if rec is None:
            overgeslagen.append((nummer, "geen leesbaar record (geen JSON-object met soort en wijziging)"))
        elif rec["soort"] == "commit":
            for n, r in per_wijziging.pop(rec["wijziging"], []):
                fout = _sleutels_fout(r)
                if fout:
                    overgeslagen.append((n, fout))
                else:
                    uit.append(r)
        else:
            per_wijziging.setdefault(rec["wijziging"], []).append((nummer, rec))
    return uit, overgeslagen


def migreer(winkel: database.Database, pad: Path) -> int:
    """Copy the committed records of the log at `pad` into `winkel`; returns how many were added
    (0 when they were there already). Renames the log afterwards."""
    from werkenaanwerk import opslag

    try:
        data = pad.read_bytes()
    except FileNotFoundError:
        return 0   # another process moved it just now
    records, overgeslagen = lees_jsonl(data.decode("utf-8", errors="replace"))
    for nummer, waarom in overgeslagen:   # the file itself is kept (renamed), so these lines are not lost
        log.warning("%s, regel %d: niet overgezet naar de opslag: %s", pad, nummer, waarom)
    toegevoegd = 0
    with winkel.transactie(schrijven=True) as t:
        if winkel.postgres:
            t.execute("lock table monitor_mutaties in exclusive mode")
        bestaand = [json.loads(r[0]) for r in t.execute("select record from monitor_mutaties order by volgnummer")]
        if bestaand[:len(records)] != records:
            if bestaand:
                raise MigratieFout(
                    f"Het oude monitorbestand {pad} ({len(records)} wijzigingen) kan niet worden overgezet: de "
                    f"opslag ({winkel.omschrijving()}) bevat al {len(bestaand)} andere wijzigingen. Er is niets "
                    "samengevoegd. Zet het bestand apart of vraag de beheerder welke van de twee geldt.")
            for rec in records:
                opslag.schrijf(t, rec)
            toegevoegd = len(records)
        if not t.execute("select 1 from opslag_migraties where naam = ?", (str(pad),)):
            t.execute("insert into opslag_migraties (naam, op, rijen, sha256) values (?, ?, ?, ?)",
                      (str(pad), datetime.now(UTC).isoformat(timespec="seconds"), len(records),
                       hashlib.sha256(data).hexdigest()))
    doel = pad.with_name(pad.name + OVERGEZET)
    if doel.exists():
        doel = pad.with_name(f"{pad.name}{OVERGEZET}-{datetime.now(UTC):%Y%m%dT%H%M%S%f}")
    try:
        pad.rename(doel)
    except FileNotFoundError:
        pass   # another process renamed it first
    return toegevoegd

"""Moving the older release's monitor log (data/monitor/mutaties.jsonl) into
the store, once, losing nothing.

That log held one JSON record a line; a save appended its records and then a
commit line {"soort": "commit", "wijziging": ..., "rijen": n}, and only records
whose save was committed counted (an unfinished last line or a save without
its commit line was an interrupted save). Exactly those committed records are
copied, with their own volgnummer, revisie, tijdstip and door, in one
transaction. The file is then renamed to mutaties.jsonl.overgezet (kept as it
was, for reference). Running it again adds nothing: records already in the
store are recognised, and a log that disagrees with what the store holds is
refused with a Dutch message instead of being merged."""
from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

from basis import database

OVERGEZET = ".overgezet"


class MigratieFout(database.Onbereikbaar):
    """The old log cannot be moved into the store without losing or mixing up records; Dutch message."""


def lees_jsonl(tekst: str) -> list[dict]:
    """The committed records of an older release's log, oldest first (its own reader, unchanged)."""
    regels = tekst.split("\n")
    if regels and regels[-1]:
        regels = regels[:-1]  # an unfinished last line: an interrupted save
    per_wijziging: dict[str, list[dict]] = {}
    uit: list[dict] = []
    for regel in regels:
        if not regel:
            continue
        rec = json.loads(regel)
        if rec["soort"] == "commit":
            uit.extend(per_wijziging.pop(rec["wijziging"], []))
        else:
            per_wijziging.setdefault(rec["wijziging"], []).append(rec)
    return uit


def migreer(winkel: database.Database, pad: Path) -> int:
    """Copy the committed records of the log at `pad` into `winkel`; returns how many were added
    (0 when they were there already). Renames the log afterwards."""
    from werkenaanwerk import opslag

    try:
        data = pad.read_bytes()
    except FileNotFoundError:
        return 0   # another process moved it just now
    try:
        records = lees_jsonl(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError) as exc:
        raise MigratieFout(f"Het oude monitorbestand {pad} kan niet worden overgezet naar de opslag: het is "
                           f"beschadigd ({exc}). Er is niets overgezet; het bestand staat er nog.") from exc
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

"""The project register: the projects named in the seeds
(data/raw/monitor/projecten.csv) plus projects added later through the
monitor (project records in the log). The warehouse build makes the full
register (marts.monitor_projecten); import validation only needs to know
which projects exist, by code and by name."""
from __future__ import annotations

import csv
from pathlib import Path

from basis import instellingen as settings

REGISTER = Path("monitor") / "projecten.csv"
STATUS = Path("monitor") / "projectstatus.csv"


def seed_projecten(raw: Path | None = None) -> list[dict]:
    pad = Path(raw or settings.raw_dir()) / REGISTER
    with open(pad, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def bekende_projecten(records: list[dict], raw: Path | None = None) -> dict[str, str]:
    """Project code -> name, for every project in the register."""
    projecten = {r["project_id"]: r["naam"] for r in seed_projecten(raw)}
    for rec in records:
        if rec["soort"] == "project" and rec.get("naam") and rec["project_id"] not in projecten:
            projecten[rec["project_id"]] = rec["naam"]
    return projecten


def zoek(projecten: dict[str, str], tekst: str) -> str | None:
    """A project's code from its code or name as typed (case and spaces ignored)."""
    sleutel = " ".join(tekst.split()).casefold()
    for code, naam in projecten.items():
        if sleutel in (code.casefold(), " ".join(naam.split()).casefold()):
            return code
    return None

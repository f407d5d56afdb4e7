"""The project register: the projects named in the seeds
(data/raw/monitor/projecten.csv) plus projects added later through the
monitor (project records in the log). The warehouse build makes the full
register (marts.monitor_projecten); import validation only needs to know
which projects exist, by code and by name, and in which region each is.
A project code is unique over all regions; a result's region is its project's."""
from __future__ import annotations

import csv
from pathlib import Path

from basis import instellingen as settings
from basis.referentie import REGIOS, standaard_regio

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


def regio_per_project(records: list[dict], raw: Path | None = None) -> dict[str, str]:
    """Project code -> region code (the register's, or the one a project was added in)."""
    regios = {r["project_id"]: (r.get("regio") or "").strip() for r in seed_projecten(raw)}
    for rec in records:
        if rec["soort"] == "project" and rec["project_id"] not in regios:
            # added on the page before projects had a region: the monitor was the default region's then
            regios[rec["project_id"]] = rec.get("regio") or standaard_regio(raw)
    return regios


def bekende_regios(raw: Path | None = None) -> set[str]:
    """The region codes of data/raw/referentie/regios.csv (only its column code is relied on)."""
    with open(Path(raw or settings.raw_dir()) / REGIOS, encoding="utf-8-sig", newline="") as fh:
        return {r["code"].strip() for r in csv.DictReader(fh) if r.get("code")}


def zoek(projecten: dict[str, str], tekst: str) -> str | None:
    """A project's code from its code or name as typed (case and spaces ignored)."""
    sleutel = " ".join(tekst.split()).casefold()
    for code, naam in projecten.items():
        if sleutel in (code.casefold(), " ".join(naam.split()).casefold()):
            return code
    return None


def seed_statussen(raw: Path | None = None) -> list[dict]:
    with open(Path(raw or settings.raw_dir()) / STATUS, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def huidig_veld(project_id: str, veld: str, records: list[dict], raw: Path | None = None) -> str | None:
    """A register field of a project as it stands: the latest value entered, else the seed's."""
    waarde = next(((r.get(veld) or "").strip() or None for r in seed_projecten(raw) if r["project_id"] == project_id),
                  None)
    for rec in records:
        if rec["soort"] == "project" and rec["project_id"] == project_id and rec.get(veld) not in (None, ""):
            waarde = rec[veld]
    return waarde


def beeindigd_vanaf(records: list[dict], raw: Path | None = None) -> dict[str, str]:
    """Project code -> the kwartaal it was beëindigd, for projects whose latest status is beëindigd."""
    statussen: dict[str, list[tuple[str, int, str]]] = {}
    for r in seed_statussen(raw):
        statussen.setdefault(r["project_id"], []).append((r["vanaf"].strip(), 0, r["status"].strip()))
    for rec in records:
        if rec["soort"] == "project" and rec.get("status"):
            statussen.setdefault(rec["project_id"], []).append((rec["status_vanaf"], rec["volgnummer"], rec["status"]))
    uit = {}
    for project, rijen in statussen.items():
        vanaf, _, status = max(rijen)
        if status == "beëindigd":
            uit[project] = vanaf
    return uit

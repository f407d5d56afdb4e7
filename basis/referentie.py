"""The shipped reference lists that code outside the warehouse needs (before or without a build):
which region is the dashboard's default (data/raw/referentie/regios.csv, column standaard = ja)."""
from __future__ import annotations

import csv
from pathlib import Path

from basis import instellingen as settings

REGIOS = Path("referentie") / "regios.csv"


def standaard_regio(raw: Path | None = None) -> str | None:
    """The dashboard's default region code, or None when the list names none."""
    with open(Path(raw or settings.raw_dir()) / REGIOS, encoding="utf-8-sig", newline="") as fh:
        return next((r["code"].strip() for r in csv.DictReader(fh)
                     if (r.get("standaard") or "").strip().lower() == "ja"), None)

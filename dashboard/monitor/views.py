"""Shaping of the monitor's query results for the page's interactive parts (the history and the
as-of view): pure functions of one DataFrame (cached per build through db.view). The figures'
shaping lives with the figures, in dashboard/monitor/figuren.py."""
from __future__ import annotations

import pandas as pd

from dashboard.kern import format as fmt
from dashboard.kern.db import records
from werkenaanwerk import definities as d


def _leeg(x) -> bool:
    return x is None   # rows come through db.records: SQL NULL is None


def _getal(x) -> str:
    return fmt.LEEG if _leeg(x) else fmt.getal(x)


def _int(x):
    return None if _leeg(x) else int(x)


def kwartalen(df: pd.DataFrame) -> list[str]:
    return list(df["kwartaal"])


def label(code: str | None) -> str:
    return d.kwartaal_label(code) if isinstance(code, str) and code else fmt.LEEG


def waarden_tabel(df: pd.DataFrame) -> pd.DataFrame:
    """Result records (current, as of a date, or a figure's history) as a readable table."""
    rijen = records(df)
    uit = {"Project": [r["naam"] for r in rijen], "Kwartaal": [label(r["kwartaal"]) for r in rijen]}
    uit.update({d.LABELS[k]: [_getal(r[k]) for r in rijen] for k in d.VELDEN})
    uit["Ingevoerd door"] = [r["door"] for r in rijen]
    uit["Ingevoerd op"] = [fmt.datum_tijd(r["geldig_vanaf"]) for r in rijen]
    if "geldig_tot" in df.columns:
        uit["Vervangen op"] = [fmt.LEEG if _leeg(r["geldig_tot"]) else fmt.datum_tijd(r["geldig_tot"]) for r in rijen]
        uit["Verwijderd"] = ["ja" if r["verwijderd"] else "" for r in rijen]
    uit["Via"] = [r["via"] for r in rijen]
    return pd.DataFrame(uit)

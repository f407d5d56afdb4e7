"""Paths and settings. Everything resolves from the repository root; tests
override locations with environment variables."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = ROOT / "etl" / "sql"
QUERIES_DIR = ROOT / "queries"


def raw_dir() -> Path:
    return Path(os.environ.get("DASHBOARD_RAW_DIR", ROOT / "data" / "raw"))


def warehouse_path() -> Path:
    return Path(os.environ.get("WAREHOUSE_PATH", ROOT / "data" / "warehouse.duckdb"))


def monitor_dir() -> Path:
    """The Werken aan Werk monitor's own data (an append-only log): outside
    the rebuildable warehouse, never deleted by a refresh, git-ignored."""
    return Path(os.environ.get("MONITOR_DIR", ROOT / "data" / "monitor"))


def status_path() -> Path:
    """Outcome of the last refresh; kept outside the warehouse so a failed
    refresh (which leaves the warehouse untouched) can still be reported."""
    wh = warehouse_path()
    return wh.with_name(wh.stem + ".status.json")


CATALOG = ROOT / "etl" / "catalog.toml"
DEFAULT_CBS_ODATA3_URL = "https://opendata.cbs.nl"
DEFAULT_CBS_ODATA4_URL = "https://datasets.cbs.nl/odata/v1/CBS"


def cbs_odata3_url() -> str:
    return os.environ.get("CBS_ODATA3_URL", DEFAULT_CBS_ODATA3_URL)


def cbs_odata4_url() -> str:
    return os.environ.get("CBS_ODATA4_URL", DEFAULT_CBS_ODATA4_URL)


def versies_dir() -> Path:
    """Saved versions of the Analyse arbeidsmarkt: outside the rebuildable warehouse, never overwritten."""
    return Path(os.environ.get("VERSIES_DIR", ROOT / "data" / "versions"))

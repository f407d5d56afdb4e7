"""Paths and settings. Everything resolves from the repository root.

`Instellingen` is built once (from environment variables, then command-line
flags on top) and handed down: refresh -> fetch -> build. Nothing writes
`os.environ` to change a setting. The module-level functions below read the
environment at call time; they are kept for code that does not receive an
`Instellingen` (the dashboard, the monitor)."""
from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = ROOT / "etl" / "sql"
QUERIES_DIR = ROOT / "queries"
CATALOG = ROOT / "etl" / "catalog.toml"   # every source: CBS tables, seed datasets, ...
DEFAULT_CBS_ODATA3_URL = "https://opendata.cbs.nl"
DEFAULT_CBS_ODATA4_URL = "https://datasets.cbs.nl/odata/v1/CBS"
# CBS/PDOK gebiedsindelingen, generalised, WGS84, as GeoJSON per layer (etl/bronnen/pdok)
DEFAULT_PDOK_URL = "https://cartomap.github.io/nl/wgs84"

# environment variable -> field; tests and deployments override locations with these
OMGEVING = {
    "DASHBOARD_RAW_DIR": "raw_dir",
    "WAREHOUSE_PATH": "warehouse_path",
    "MONITOR_DIR": "monitor_dir",
    "VERSIES_DIR": "versies_dir",
    "CBS_ODATA3_URL": "cbs_odata3_url",
    "CBS_ODATA4_URL": "cbs_odata4_url",
    "SNAPSHOTS_BEWAREN": "snapshots_bewaren",
    "UWV_INBOX": "uwv_inbox",
    "PDOK_URL": "pdok_url",
    "DATABASE_URL": "database_url",
    "CBS_DEADLINE_TABEL": "cbs_deadline_tabel",
    "CBS_DEADLINE_VERZOEK": "cbs_deadline_verzoek",
    "VERVERSEN_BIJ_START": "verversen_bij_start",
}
AAN = ("1", "ja", "aan", "true", "yes", "on")


@dataclass(frozen=True)
class Instellingen:
    raw_dir: Path = ROOT / "data" / "raw"
    warehouse_path: Path = ROOT / "data" / "warehouse.duckdb"
    # the Werken aan Werk monitor's own data (an append-only log): outside the rebuildable warehouse
    monitor_dir: Path = ROOT / "data" / "monitor"
    # saved versions of the Analyse arbeidsmarkt: outside the rebuildable warehouse, never overwritten
    versies_dir: Path = ROOT / "data" / "versions"
    cbs_odata3_url: str = DEFAULT_CBS_ODATA3_URL
    cbs_odata4_url: str = DEFAULT_CBS_ODATA4_URL
    catalog: Path = CATALOG
    # fetched snapshots kept per table after a successful fetch (the newest is the one in use)
    snapshots_bewaren: int = 5
    # UWV files dropped here are imported by `python -m etl.refresh` (then moved to verwerkt/ or geweigerd/)
    uwv_inbox: Path = ROOT / "data" / "inbox" / "uwv"
    pdok_url: str = DEFAULT_PDOK_URL
    # empty: the monitor store and the saved versions are SQLite files in monitor_dir and versies_dir;
    # postgresql://user@host:5432/db: both live in that PostgreSQL database, shared by every worker and machine
    database_url: str = ""
    # overall deadlines of a CBS fetch in seconds, on top of the 30 s per socket read: all requests of one
    # table together, and one request with its retries (a server that trickles bytes cannot hang a refresh)
    cbs_deadline_tabel: float = 120
    cbs_deadline_verzoek: float = 60
    # on the dashboard's first start, fetch the CBS tables and geometry in the background once
    # (beheer.eerste_verversing); `make run` turns it on, the tests leave it off
    verversen_bij_start: bool = False

    def __post_init__(self):
        for f in ("raw_dir", "warehouse_path", "monitor_dir", "versies_dir", "catalog", "uwv_inbox"):
            object.__setattr__(self, f, Path(getattr(self, f)))
        object.__setattr__(self, "snapshots_bewaren", max(1, int(self.snapshots_bewaren)))
        for f in ("cbs_deadline_tabel", "cbs_deadline_verzoek"):
            object.__setattr__(self, f, float(getattr(self, f)))
        if isinstance(self.verversen_bij_start, str):
            object.__setattr__(self, "verversen_bij_start", self.verversen_bij_start.strip().lower() in AAN)

    @classmethod
    def uit_omgeving(cls, environ: Mapping[str, str] | None = None, **overrides) -> Instellingen:
        """Defaults, then environment variables, then `overrides` (CLI flags; None means 'not given')."""
        if environ is None and cls is Instellingen and all(v is None for v in overrides.values()):
            # every page asks in every rerun: made anew only when one of the variables changed
            return _uit_omgeving(tuple(os.environ.get(naam) for naam in OMGEVING))
        environ = os.environ if environ is None else environ
        waarden = {veld: environ[naam] for naam, veld in OMGEVING.items() if environ.get(naam)}
        waarden.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**waarden)

    def met(self, **overrides) -> Instellingen:
        """A copy with some fields replaced (None: keep)."""
        return dataclasses.replace(self, **{k: v for k, v in overrides.items() if v is not None})

    @property
    def status_path(self) -> Path:
        """Outcome of the last refresh; kept outside the warehouse so a failed
        refresh (which leaves the warehouse untouched) can still be reported."""
        return self.warehouse_path.with_name(self.warehouse_path.stem + ".status.json")


@functools.lru_cache(maxsize=16)
def _uit_omgeving(waarden: tuple[str | None, ...]) -> Instellingen:
    """The settings for these values of the OMGEVING variables (frozen, so one instance can be shared)."""
    return Instellingen.uit_omgeving({naam: w for naam, w in zip(OMGEVING, waarden, strict=True) if w})


# --- module-level access for callers without an Instellingen (read the environment at call time) ---

def raw_dir() -> Path:
    return Instellingen.uit_omgeving().raw_dir


def warehouse_path() -> Path:
    return Instellingen.uit_omgeving().warehouse_path


def monitor_dir() -> Path:
    return Instellingen.uit_omgeving().monitor_dir


def status_path() -> Path:
    return Instellingen.uit_omgeving().status_path


def versies_dir() -> Path:
    return Instellingen.uit_omgeving().versies_dir


def database_url() -> str:
    return Instellingen.uit_omgeving().database_url


def cbs_odata3_url() -> str:
    return Instellingen.uit_omgeving().cbs_odata3_url


def cbs_odata4_url() -> str:
    return Instellingen.uit_omgeving().cbs_odata4_url

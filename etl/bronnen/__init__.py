"""One folder per source. A source fetches and writes immutable raw snapshots
(data/raw/<bron>/...) with a manifest, and reads its latest snapshot back in
the long shape for the warehouse build; nothing else.

The contract of a source package etl/bronnen/<bron>/ (plain module-level names):
- `fetch(entry, instellingen, progress=None) -> Path`: fetch one catalog entry
  into a new snapshot and return its folder; raise `FetchError` (Dutch message)
  and leave the previous snapshot in place when it fails. Absent when the
  source has nothing to fetch (seed).
- `load(entry, raw_dir) -> (DataFrame, dict | None)`: the latest snapshot of
  one entry in the shape of `KOLOMMEN`, plus its meta.sources row (None: never
  fetched). `RAW_TABLE` names the raw.* table these rows go to, `KOLOMMEN`
  its columns; the build creates it (empty when nothing was fetched).
- the seed source loads all its entries at once: `load_all(con, entries, raw_dir)`.

The catalog (etl/catalog.toml) names the source of every entry in `bron`."""
from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from types import ModuleType

GEDEELD = "gemeenschappelijk"


def namen() -> list[str]:
    """Every source folder under etl/bronnen/."""
    return list(_namen())


@cache
def _namen() -> tuple[str, ...]:
    """Scanned once per process: module() asks for every catalog entry."""
    return tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if m.ispkg and m.name != GEDEELD))


def module(bron: str) -> ModuleType:
    """The package of one source, by its catalog name."""
    if bron not in namen():
        from etl.bronnen.gemeenschappelijk.fouten import FetchError
        raise FetchError(f"onbekende bron {bron!r} in etl/catalog.toml; er is een map etl/bronnen/<bron>/ "
                         f"nodig (bekend: {', '.join(namen())})")
    return importlib.import_module(f"{__name__}.{bron}")

"""The CBS catalog (etl/catalog.toml): which tables, which slice, which measures."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from etl import settings


@dataclass(frozen=True)
class CbsDataset:
    table_id: str
    api: str
    titel: str
    frequentie: str
    maten: dict          # CBS measure code -> {indicator, eenheid}
    dimensies: dict = field(default_factory=dict)  # dimension -> code to keep
    filter: str | None = None


def read(path: Path | None = None) -> list[CbsDataset]:
    path = Path(path or settings.CATALOG)
    return _read(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _read(path: Path, mtime_ns: int) -> list[CbsDataset]:
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    return [CbsDataset(table_id=k, api=v["api"], titel=v["titel"], frequentie=v.get("frequentie", ""),
                       maten=v["maten"], dimensies=v.get("dimensies", {}), filter=v.get("filter"))
            for k, v in data.get("cbs", {}).items()]

"""The CBS catalog (etl/catalog.toml): which tables, which slice, which measures."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from basis import instellingen as settings

PREFIX = "*"  # a measure key ending in '*' is matched by prefix: CBS renumbers v3 keys between releases


@dataclass(frozen=True)
class CbsDataset:
    table_id: str
    api: str
    titel: str
    frequentie: str
    maten: dict          # CBS measure code (or 'Prefix_*') -> {indicator, eenheid}
    dimensies: dict = field(default_factory=dict)  # dimension -> code to keep
    filter: str | None = None
    soort: str = "reeks"  # 'reeks': observations; 'indeling': gemeente -> region mapping (Gebieden in Nederland)
    indeling: dict = field(default_factory=dict)  # soort 'indeling': {groep, code, naam} (code/naam may be prefixes)


def read(path: Path | None = None) -> list[CbsDataset]:
    path = Path(path or settings.CATALOG)
    return _read(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _read(path: Path, mtime_ns: int) -> list[CbsDataset]:
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    return [CbsDataset(table_id=k, api=v["api"], titel=v["titel"], frequentie=v.get("frequentie", ""),
                       maten=v.get("maten", {}), dimensies=v.get("dimensies", {}), filter=v.get("filter"),
                       soort=v.get("soort", "reeks"), indeling=v.get("indeling", {}))
            for k, v in data.get("cbs", {}).items()]


def match(sleutel: str, beschikbaar) -> list[str]:
    """The available keys a catalog key stands for: itself, or every key starting with its prefix."""
    if sleutel.endswith(PREFIX):
        return sorted(k for k in beschikbaar if k.startswith(sleutel[:-1]))
    return [sleutel] if sleutel in beschikbaar else []

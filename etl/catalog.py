"""The one catalog (etl/catalog.toml): every source the warehouse is built from.

Each entry is `[<groep>.<id>]` and names the folder under etl/bronnen/ that
handles it in `bron`. `[cbs.*]` entries may leave `bron` out: it follows
from `api` and `soort` (cbs_v4, cbs_v3, cbs_indeling); any other group's
default `bron` is the group's own name (`[seed.*]` -> etl/bronnen/seed). A
new source is one more folder and one more entry: `[uwv.x] bron = "uwv"`
comes back from `entries()` as a plain `Entry` with its keys in `opties`."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from basis import instellingen as settings

PREFIX = "*"  # a measure key ending in '*' is matched by prefix: CBS renumbers v3 keys between releases


class CatalogFout(ValueError):
    """The catalog names something it cannot mean; the message is Dutch."""


@dataclass(frozen=True)
class Entry:
    """One catalog entry of a source without its own typed view."""
    id: str
    bron: str            # folder under etl/bronnen/
    titel: str
    groep: str = ""
    frequentie: str = ""
    opties: dict = field(default_factory=dict)   # every key of the entry as written


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
    bron: str = ""        # folder under etl/bronnen/; derived from api/soort when not written
    groep: str = "cbs"

    @property
    def id(self) -> str:
        return self.table_id


@dataclass(frozen=True)
class SeedDataset:
    """One of our own CSV transcriptions in data/raw/seed/."""
    id: str
    bestand: str
    titel: str
    bron: str = "seed"
    groep: str = "seed"
    frequentie: str = ""
    leeg: bool = False      # `leeg = true`: the file may be emptied to its header on purpose


def _cbs(groep: str, key: str, v: dict):
    bron = v.get("bron") or ("cbs_indeling" if v.get("soort") == "indeling" else f"cbs_{v['api']}")
    return CbsDataset(table_id=key, api=v["api"], titel=v["titel"], frequentie=v.get("frequentie", ""),
                      maten=v.get("maten", {}), dimensies=v.get("dimensies", {}), filter=v.get("filter"),
                      soort=v.get("soort", "reeks"), indeling=v.get("indeling", {}), bron=bron, groep=groep)


def _seed(groep: str, key: str, v: dict):
    return SeedDataset(id=key, bestand=v["bestand"], titel=v["titel"], bron=v.get("bron", "seed"), groep=groep,
                       leeg=v.get("leeg") is True)


def _entry(groep: str, key: str, v: dict):
    return Entry(id=key, bron=v.get("bron", groep), titel=v.get("titel", key), groep=groep,
                 frequentie=v.get("frequentie", ""), opties=dict(v))


GROEPEN = {"cbs": _cbs, "seed": _seed}   # typed views; every other group gives a plain Entry


def entries(path: Path | None = None) -> list:
    """Every entry of the catalog, in file order."""
    path = Path(path or settings.CATALOG)
    return _read(path, path.stat().st_mtime_ns)


def read(path: Path | None = None) -> list[CbsDataset]:
    """The CBS tables (what `python -m etl.refresh` fetches and the Bronnen page lists)."""
    return [e for e in entries(path) if isinstance(e, CbsDataset)]


def seed(path: Path | None = None) -> list[SeedDataset]:
    """Our own CSV transcriptions (data/raw/seed)."""
    return [e for e in entries(path) if isinstance(e, SeedDataset)]


@lru_cache(maxsize=8)
def _read(path: Path, mtime_ns: int) -> list:
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise CatalogFout(f"De catalogus {path} ontbreekt.") from None
    except tomllib.TOMLDecodeError as exc:   # its message names line and column, in English: say it in Dutch
        plek = str(exc).rsplit("(", 1)[-1].rstrip(")") if "(at line" in str(exc) else ""
        regel = plek.replace("at line", "regel").replace("column", "kolom")
        raise CatalogFout(f"{path.name}{', ' + regel if regel else ''}: geen geldige TOML ({exc}). Controleer "
                          "aanhalingstekens, komma's en [koppen] rond die plek.") from None
    uit = []
    for groep, items in data.items():
        if not isinstance(items, dict):
            raise CatalogFout(f"{path.name}: {groep} is geen tabel; verwacht [{groep}.<id>] per bron")
        maak = GROEPEN.get(groep, _entry)
        for key, v in items.items():
            try:
                uit.append(maak(groep, key, v))
            except KeyError as exc:
                raise CatalogFout(f"{path.name}: [{groep}.{key}] mist de sleutel {exc.args[0]}") from None
    return uit


def match(sleutel: str, beschikbaar) -> list[str]:
    """The available keys a catalog key stands for: itself, or every key starting with its prefix."""
    if sleutel.endswith(PREFIX):
        return sorted(k for k in beschikbaar if k.startswith(sleutel[:-1]))
    return [sleutel] if sleutel in beschikbaar else []

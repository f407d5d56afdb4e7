"""CSV files read as text, one row per line with its line number, so that
staging SQL can type them and checks can point at the exact file, line and
column. Used by the seed source and by the monitor register loader."""
from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from basis.fouten import Fout


class LoadError(Exception):
    def __init__(self, fouten: list[Fout]):
        super().__init__("\n".join(f.tekst() for f in fouten))
        self.fouten = fouten


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_csv_rows(path: Path, kolommen: list[str], label: str) -> tuple[list[dict], list[Fout]]:
    """Rows as text with their line number; header and shape errors as Fout."""
    fouten: list[Fout] = []
    if not path.exists():
        return [], [Fout(label, None, None, "bestand ontbreekt (verplicht)")]
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        return [], [Fout(label, None, None, f"bestand is geen UTF-8 tekst ({exc.reason} op byte {exc.start})")]
    reader = csv.reader(text.splitlines())
    header = next(reader, None)
    if not header:
        return [], [Fout(label, 1, None, "bestand is leeg; verwacht een kopregel met " + ", ".join(kolommen))]
    header = [h.strip() for h in header]
    missing = [k for k in kolommen if k not in header]
    if missing and len(header) == 1 and ";" in header[0]:
        return [], [Fout(label, 1, None, "de kopregel is gescheiden door puntkomma's; dit bestand moet komma's "
                                         "gebruiken (sla het op als CSV met komma als scheidingsteken)")]
    if missing:
        return [], [Fout(label, 1, k, "kolom ontbreekt in de kopregel") for k in missing]
    rows = []
    for lineno, values in enumerate(reader, start=2):
        if not values or all(not v.strip() for v in values):
            continue
        if len(values) != len(header):
            fouten.append(Fout(label, lineno, None,
                               f"regel heeft {len(values)} velden, de kopregel {len(header)} (let op komma's binnen een veld: zet die tussen aanhalingstekens)"))
            continue
        row = dict(zip(header, values, strict=False))
        rows.append({k: row[k] for k in kolommen} | {"regel": lineno})
    return rows, fouten

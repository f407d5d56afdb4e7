"""Immutable raw snapshots of fetched responses:
data/raw/<groep>/<dataset>/<fetch timestamp>/ (groep 'cbs' for every CBS
table) with the responses unchanged and a manifest.json (urls, time, rows,
checksums). A snapshot is written into a hidden temporary folder and renamed
into place only when complete and checked, so a half-fetched or refused
snapshot never becomes the latest."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from basis.proces import leeft

MANIFEST = "manifest.json"


@dataclass
class SnapshotWriter:
    table_id: str
    api: str
    base_dir: Path
    fetched_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    files: dict = field(default_factory=dict)
    urls: list = field(default_factory=list)
    groep: str = "cbs"

    def __post_init__(self):
        stamp = self.fetched_at.strftime("%Y%m%dT%H%M%S%fZ")
        self.table_dir = Path(self.base_dir) / self.groep / self.table_id
        self.final_dir = self.table_dir / stamp
        self.tmp_dir = self.table_dir / f".tmp-{stamp}-{os.getpid()}"
        self.tmp_dir.mkdir(parents=True, exist_ok=False)

    def add(self, name: str, url: str, body: bytes, rows: int | None = None) -> None:
        """Store one response body unchanged."""
        (self.tmp_dir / name).write_bytes(body)
        self.files[name] = {"url": url, "bytes": len(body), "rows": rows,
                            "sha256": hashlib.sha256(body).hexdigest()}
        self.urls.append(url)

    def commit(self, rows: int, extra: dict | None = None, check=None) -> Path:
        """Write the manifest, let `check(folder)` refuse the complete snapshot by raising (schema
        drift), then move it into place. The caller aborts on an exception."""
        manifest = {"table_id": self.table_id, "api": self.api,
                    "fetched_at": self.fetched_at.isoformat(timespec="seconds"),
                    "rows": rows, "files": self.files, **(extra or {})}
        (self.tmp_dir / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
        if check:
            check(self.tmp_dir)
        os.replace(self.tmp_dir, self.final_dir)
        return self.final_dir

    def abort(self) -> None:
        shutil.rmtree(self.tmp_dir, ignore_errors=True)


def latest(base_dir: Path, table_id: str, groep: str = "cbs") -> Path | None:
    """The newest complete snapshot of a table (hidden .tmp folders never count)."""
    table_dir = Path(base_dir) / groep / table_id
    if not table_dir.is_dir():
        return None
    complete = sorted(p for p in table_dir.iterdir()
                      if p.is_dir() and not p.name.startswith(".") and (p / MANIFEST).exists())
    return complete[-1] if complete else None


def read_manifest(snapshot_dir: Path) -> dict:
    return json.loads((Path(snapshot_dir) / MANIFEST).read_text())


def opruimen(base_dir: Path, table_id: str, bewaar: int, groep: str = "cbs") -> list[Path]:
    """Keep the newest `bewaar` (at least 1: the one in use) complete snapshots of a table; remove older
    ones, and hidden temporary folders of fetches whose process is gone (killed runs)."""
    table_dir = Path(base_dir) / groep / table_id
    if not table_dir.is_dir():
        return []
    compleet = sorted(p for p in table_dir.iterdir()
                      if p.is_dir() and not p.name.startswith(".") and (p / MANIFEST).exists())
    weg = compleet[:-max(1, bewaar)]
    for p in table_dir.glob(".tmp-*"):
        pid = p.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not leeft(int(pid)):
            weg.append(p)
    for p in weg:
        shutil.rmtree(p, ignore_errors=True)
    return weg

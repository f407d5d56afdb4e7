"""The status file next to the warehouse (basis.instellingen.status_path()):
one JSON object that etl.refresh writes (laatste_poging, gelukt, melding,
laatste_succes, build_id, bronnen, ...) and the Werken aan Werk monitor adds
its own entry to (key "monitor": the last save and the background rebuild).
Every writer changes it under one lock, read-modify-write, and replaces the
file atomically, so neither loses what the other wrote."""
from __future__ import annotations

import fcntl
import json
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from basis import instellingen as settings


def lees(pad: Path | None = None) -> dict:
    try:
        return json.loads((pad or settings.status_path()).read_text())
    except (FileNotFoundError, json.JSONDecodeError, OSError):
        return {}


@contextmanager
def _slot(pad: Path):
    pad.parent.mkdir(parents=True, exist_ok=True)
    with open(pad.with_name(pad.name + ".lock"), "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def bijwerken(wijzig: Callable[[dict], None], pad: Path | None = None) -> dict:
    """Apply `wijzig` to the current contents (in place) and write the result."""
    pad = pad or settings.status_path()
    with _slot(pad):
        status = lees(pad)
        wijzig(status)
        tmp = pad.with_name(pad.name + ".tmp")
        tmp.write_text(json.dumps(status, indent=2, ensure_ascii=False))
        tmp.replace(pad)
    return status

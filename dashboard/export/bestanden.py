"""Writing an export file so that the target is either the old file or the
complete new one, never half written."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


class SchrijfFout(Exception):
    """The file could not be written; Dutch message."""


def schrijf_atomair(data: bytes, doel: Path) -> None:
    doel = Path(doel)
    if not doel.parent.is_dir():
        raise SchrijfFout(f"De map {doel.parent} bestaat niet: kan {doel.name} niet schrijven.")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{doel.name}.", dir=doel.parent)
    except OSError as exc:
        raise SchrijfFout(f"Kan niet schrijven in {doel.parent}: {exc.strerror}.") from exc
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, doel)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise SchrijfFout(f"Kan {doel} niet schrijven: {exc.strerror}.") from exc


def _umask() -> int:
    huidig = os.umask(0)
    os.umask(huidig)
    return huidig

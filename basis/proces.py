"""Whether a process still runs: leftovers (temporary files, half-made snapshots) are only removed
when the process that made them is gone."""
from __future__ import annotations

import fcntl
import os
from pathlib import Path


def leeft(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:   # another user's live process
        return True
    return True


def slot_bezet(pad) -> bool:
    """Whether another process holds the flock on the lock file `pad` now (a missing file: nobody does)."""
    pad = Path(pad)
    if not pad.exists():
        return False
    with open(pad, "a") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(fh, fcntl.LOCK_UN)
        return False

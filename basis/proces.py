"""Whether a process still runs: leftovers (temporary files, half-made snapshots) are only removed
when the process that made them is gone."""
from __future__ import annotations

import os


def leeft(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:   # another user's live process
        return True
    return True

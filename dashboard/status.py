"""The outcome of the last refresh, written by etl.refresh next to the warehouse."""
from __future__ import annotations

import json

from etl import settings


def laatste_verversing() -> dict | None:
    path = settings.status_path()
    try:
        return json.loads(path.read_text())
    except FileNotFoundError:
        return None
    except (json.JSONDecodeError, OSError) as exc:
        return {"gelukt": False, "melding": f"statusbestand {path.name} is onleesbaar: {exc}"}

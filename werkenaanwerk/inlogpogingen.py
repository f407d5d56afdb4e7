"""Throttling of failed logins, per user name and per client, shared by every
server process through one small JSON file next to the monitor's data (under a
lock). A first failure may be a typo: retry at once; after the second, third
and fourth the next attempt waits 1, 2, 4 s; after 5 failures in a row the name
(or client) is locked for 15 minutes. A success clears the name's
and the client's count."""
from __future__ import annotations

import fcntl
import json
import time
from contextlib import contextmanager
from pathlib import Path

from basis import instellingen as settings

MAX_POGINGEN = 5
BLOKKADE = 15 * 60     # seconds
VERGEET_NA = 24 * 3600  # a failure this old no longer counts


def _pad() -> Path:
    return settings.monitor_dir() / "inlogpogingen.json"


@contextmanager
def _bestand():
    pad = _pad()
    pad.parent.mkdir(parents=True, exist_ok=True)
    with open(pad.with_name(pad.name + ".lock"), "w") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX)
        try:
            data = json.loads(pad.read_text()) if pad.exists() else {}
        except (json.JSONDecodeError, OSError):
            data = {}
        yield data
        tmp = pad.with_name(pad.name + ".tmp")
        tmp.write_text(json.dumps(data))
        tmp.replace(pad)


def _sleutels(naam: str, client: str | None) -> list[str]:
    return [f"naam:{naam.strip().lower()}"] + ([f"client:{client}"] if client else [])


def wachttijd(naam: str, client: str | None, nu: float | None = None) -> float:
    """Seconds before this name/client may try again (0: now)."""
    nu = time.time() if nu is None else nu
    with _bestand() as data:
        langste = 0.0
        for k in _sleutels(naam, client):
            r = data.get(k)
            if not r or nu - r["laatste"] > VERGEET_NA:
                continue
            wacht = BLOKKADE if r["fouten"] >= MAX_POGINGEN else (0 if r["fouten"] < 2 else 2 ** (r["fouten"] - 2))
            langste = max(langste, r["laatste"] + wacht - nu)
        return max(0.0, langste)


def mislukt(naam: str, client: str | None, nu: float | None = None) -> None:
    nu = time.time() if nu is None else nu
    with _bestand() as data:
        for k in _sleutels(naam, client):
            r = data.get(k)
            fouten = 0 if not r or nu - r["laatste"] > VERGEET_NA else r["fouten"]
            data[k] = {"fouten": fouten + 1, "laatste": nu}


def gelukt(naam: str, client: str | None) -> None:
    with _bestand() as data:
        for k in _sleutels(naam, client):
            data.pop(k, None)

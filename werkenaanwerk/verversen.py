"""Rebuilding the warehouse after a monitor save, in the background, so no
page request waits for (or runs) a build.

`start()` launches a detached worker (`python -m werkenaanwerk.verversen`)
and returns at once. The worker takes the rebuild lock (waiting while
another worker builds), and builds with `python -m etl.refresh --offline`
as long as the log holds saves the last build did not read: a save during
a running build is picked up by the next round, so every save ends in a
build that includes it, and a burst of saves costs one or two builds, not
one each. Progress and outcome go under "monitor" → "verversen" in the
refresh status file:

    status    "bezig" | "klaar" | "mislukt"
    doel      the log's last sequence number when the current/last build began
    gebouwd_tot  the last sequence number a successful build included
    gestart, laatste_poging, melding, build_id, pid

A page waiting for save N asks `voor(N)`: klaar once gebouwd_tot >= N,
mislukt if the build that began after N failed, else bezig."""
from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from collections.abc import Callable
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from basis import instellingen as settings
from basis import proces, statusbestand
from werkenaanwerk import opslag

SLEUTEL = "verversen"


def overgeslagen(warehouse: Path) -> int:
    """How many records of the monitor's store the build of `warehouse` skipped (marts.monitor_afgekeurd);
    0 for a build without that table."""
    import duckdb
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error:
        return 0
    try:
        return con.execute("select count(*) from marts.monitor_afgekeurd").fetchone()[0]
    except duckdb.CatalogException:
        return 0
    finally:
        con.close()


def overgeslagen_tekst(n: int, markdown: bool = False) -> str:
    """The skipped records in words, for the refresh's last line and (markdown) Bronnen en actualiteit
    ('' for none)."""
    if not n:
        return ""
    opdracht = "python -m etl.monitor log-controleren"
    return f"{n} monitorregel{'s' if n != 1 else ''} overgeslagen, zie " + (f"`{opdracht}`" if markdown else opdracht)


def _nu() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _pad(achtervoegsel: str) -> Path:
    wh = settings.warehouse_path()
    return wh.with_name(wh.name + achtervoegsel)


def stand() -> dict:
    """The background rebuild's entry in the status file ({} before the first)."""
    return statusbestand.lees().get("monitor", {}).get(SLEUTEL, {})


def _zet(**velden) -> None:
    def zet(status: dict) -> None:
        status.setdefault("monitor", {}).setdefault(SLEUTEL, {}).update(velden)
    statusbestand.bijwerken(zet)


def loopt() -> bool:
    """Whether a worker holds the rebuild lock now."""
    return proces.slot_bezet(_pad(".verversen.lock"))


def voor(volgnummer: int) -> tuple[str, dict]:
    """('klaar' | 'mislukt' | 'bezig', the entry) for the save that stored `volgnummer`."""
    s = stand()
    if s.get("gebouwd_tot", 0) >= volgnummer:
        return "klaar", s
    if s.get("status") == "mislukt" and s.get("doel", 0) >= volgnummer:
        return "mislukt", s
    return "bezig", s


def _omgeving() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(settings.ROOT), *filter(None, [env.get("PYTHONPATH")])])
    return env


def start() -> None:
    """Start a background worker and return at once (it waits its turn if one runs)."""
    pad = _pad(".verversen.log")
    pad.parent.mkdir(parents=True, exist_ok=True)
    with open(pad, "a") as logbestand:
        subprocess.Popen([sys.executable, "-m", "werkenaanwerk.verversen"], cwd=settings.ROOT, env=_omgeving(),
                         stdin=subprocess.DEVNULL, stdout=logbestand, stderr=subprocess.STDOUT,
                         start_new_session=True)


def refresh_offline() -> int:
    """One build as a subprocess: python -m etl.refresh --offline. Its exit code."""
    klaar = subprocess.run([sys.executable, "-m", "etl.refresh", "--offline"], cwd=settings.ROOT, env=_omgeving(),
                           stdin=subprocess.DEVNULL, capture_output=True, text=True)
    sys.stderr.write(klaar.stderr[-20000:])
    sys.stdout.write(klaar.stdout)
    if klaar.returncode != 0:  # in case refresh died before it could record why: its last words
        regels = [r for r in klaar.stderr.splitlines() if r.strip()]
        _zet(fout=regels[-1] if regels else f"exitcode {klaar.returncode}")
    return klaar.returncode


@contextmanager
def _slot():
    pad = _pad(".verversen.lock")
    pad.parent.mkdir(parents=True, exist_ok=True)
    with open(pad, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)  # wait while another worker builds
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def draai(bouw: Callable[[], int] = refresh_offline, altijd: bool = False) -> int:
    """Build until the warehouse includes every save in the log (the worker's
    loop; the CLI runs it in the foreground with altijd=True so it always
    builds once). Stops at the first failed build. Returns the last exit code."""
    code = 0
    with _slot():
        eerste = True
        while True:
            doel = opslag.laatste_volgnummer()
            if not (eerste and altijd) and doel <= stand().get("gebouwd_tot", 0):
                return code
            eerste = False
            vorige = statusbestand.lees().get("laatste_poging")
            _zet(status="bezig", doel=doel, gestart=_nu(), pid=os.getpid(), melding="", fout=None)
            code = bouw()
            refresh = statusbestand.lees()
            if code == 0:
                _zet(status="klaar", gebouwd_tot=doel, laatste_poging=_nu(), melding=refresh.get("melding", ""),
                     build_id=refresh.get("build_id"))
            else:
                gemeld = refresh.get("laatste_poging") != vorige and refresh.get("melding")
                _zet(status="mislukt", laatste_poging=_nu(),
                     melding=gemeld or stand().get("fout") or f"exitcode {code}")
                return code


if __name__ == "__main__":
    sys.exit(draai())

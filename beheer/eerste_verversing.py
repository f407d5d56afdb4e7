"""The first refresh with a network, in the background (issue 12).

`make run` serves the embedded data at once. With the setting VERVERSEN_BIJ_START on (make run turns it on;
off by default and in the tests), the first page request of a dashboard process calls `bij_start()`, which
starts `python -m beheer.eerste_verversing` detached and returns at once. That worker:

- runs only once at a time across processes (a lock file next to the warehouse) and never again after a
  refresh ran (a marker next to the warehouse, or a successful fetch in the refresh status file);
- asks CBS whether it answers at all, with a short connect timeout, so an offline start costs seconds in the
  background and nothing in a page;
- then runs the ordinary `etl.refresh` (every CBS table, the geometry; the warehouse is swapped atomically, so
  every worker sees the new build at its next click), writing its progress to a small JSON file beside the
  warehouse that *Bronnen en actualiteit* and *Regio's vergelijken* read.

Offline, it records why, leaves no marker (the next start tries again), and the pages say so in one line."""
from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import threading
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from basis import proces, statusbestand
from basis.instellingen import ROOT, Instellingen

VERBINDEN_S = 3.0     # connect timeout of the reachability probe: offline must not hang anything
ANTWOORD_S = 5.0      # and for its first answer byte

_gestart = False
_slot_proces = threading.Lock()


def _pad(inst: Instellingen, achtervoegsel: str) -> Path:
    wh = inst.warehouse_path
    return wh.with_name(wh.name + ".eerste-verversing" + achtervoegsel)


def voortgang_pad(inst: Instellingen) -> Path:
    return _pad(inst, ".json")


def marker_pad(inst: Instellingen) -> Path:
    return _pad(inst, ".klaar")


def _nu() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# --- in the dashboard process ---

def bij_start(inst: Instellingen | None = None) -> bool:
    """Once per dashboard process: start the background worker when the setting is on and no refresh ran yet.
    Returns whether a worker was started. Costs one boolean test on every later call."""
    global _gestart
    if _gestart:
        return False
    with _slot_proces:
        if _gestart:
            return False
        _gestart = True
    inst = inst or Instellingen.uit_omgeving()
    if not inst.verversen_bij_start or marker_pad(inst).exists() or loopt(inst):
        return False
    inst.warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    with open(_pad(inst, ".log"), "a") as log:
        subprocess.Popen([sys.executable, "-m", "beheer.eerste_verversing"], cwd=ROOT, env=env,
                         stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    return True


_gelezen: dict = {}


def stand(inst: Instellingen | None = None) -> dict:
    """The worker's progress ({} before it ever ran): status controleren | bezig | klaar | mislukt | offline |
    afgebroken, gestart, stap, van, tabel, melding. Read again only when the file changed (one stat per rerun);
    'bezig' while no worker holds the lock (it was killed, e.g. with the server) reads as 'afgebroken'."""
    inst = inst or Instellingen.uit_omgeving()
    pad = voortgang_pad(inst)
    try:
        sleutel = (str(pad), pad.stat().st_mtime_ns)
    except OSError:
        return {}
    if _gelezen.get("sleutel") != sleutel:
        try:
            waarde = json.loads(pad.read_text())
        except (OSError, json.JSONDecodeError):
            waarde = {}
        _gelezen.update(sleutel=sleutel, waarde=waarde)
    waarde = _gelezen["waarde"]
    if waarde.get("status") in ("controleren", "bezig") and not loopt(inst):
        return {**waarde, "status": "afgebroken", "melding": "het ophalen is afgebroken voordat het klaar was; "
                                                              "de volgende start probeert het opnieuw"}
    return waarde


def regel(s: dict) -> str:
    """One viewer-facing Dutch line on why the comparisons and maps are not there yet ('' when nothing to say)."""
    status = s.get("status")
    if status in ("controleren", "bezig"):
        stap = (f" (stap {s['stap']} van {s['van']}: {s['tabel']})" if s.get("tabel") else "")
        return ("De CBS-tabellen en de kaarten worden nu op de achtergrond opgehaald" + stap + "; de vergelijkingen "
                "en kaarten verschijnen als dat klaar is, bij een volgende klik.")
    if status == "offline":
        return ("CBS was niet bereikbaar toen het dashboard startte; daarom zijn er nog geen vergelijkingen en "
                "kaarten (zie Bronnen en actualiteit).")
    if status in ("mislukt", "afgebroken"):
        return (f"Het ophalen van de CBS-tabellen bij de start is {status}; daarom zijn er nog geen vergelijkingen "
                "en kaarten (zie Bronnen en actualiteit).")
    return ""


# --- the worker ---

def loopt(inst: Instellingen) -> bool:
    """Whether a worker holds the lock now."""
    return proces.slot_bezet(_pad(inst, ".lock"))


@contextmanager
def _slot(inst: Instellingen):
    """The lock, without waiting: yields False when another worker has it."""
    pad = _pad(inst, ".lock")
    pad.parent.mkdir(parents=True, exist_ok=True)
    with open(pad, "a") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _schrijf(inst: Instellingen, **velden) -> None:
    pad = voortgang_pad(inst)
    huidig = {}
    if pad.exists():
        try:
            huidig = json.loads(pad.read_text())
        except (OSError, json.JSONDecodeError):
            huidig = {}
    huidig.update(velden)
    tmp = pad.with_name(pad.name + ".tmp")
    tmp.write_text(json.dumps(huidig, indent=2, ensure_ascii=False))
    tmp.replace(pad)


def eerder_ververst(inst: Instellingen) -> bool:
    """A refresh with a network ran already: the marker, or any table fetched successfully once."""
    if marker_pad(inst).exists():
        return True
    bronnen = statusbestand.lees(inst.status_path).get("bronnen", {})
    return any(b.get("laatste_succes") for b in bronnen.values())


def onbereikbaar(url: str) -> str:
    """'' when the server at `url` answers at all (any HTTP status); else the Dutch reason."""
    from urllib.parse import urlsplit

    import requests
    host = urlsplit(url).netloc or url
    try:
        requests.head(url, timeout=(VERBINDEN_S, ANTWOORD_S), allow_redirects=False)
    except requests.ConnectTimeout:
        return f"geen verbinding binnen {VERBINDEN_S:g} s met {host}"
    except requests.ConnectionError as exc:
        if "NameResolution" in str(exc) or "not known" in str(exc):
            return f"de naam {host} is niet te vinden (geen netwerk?)"
        return f"geen verbinding met {host}"
    except requests.RequestException as exc:
        return f"{host} antwoordt niet ({type(exc).__name__})"
    return ""


def draai(inst: Instellingen | None = None) -> int:
    """The worker: probe CBS, then one ordinary refresh with progress. Returns the refresh's exit code (0 when
    there was nothing to do or CBS was unreachable: that is no error of the dashboard)."""
    from etl import refresh
    inst = inst or Instellingen.uit_omgeving()
    with _slot(inst) as eigen:
        if not eigen or marker_pad(inst).exists():
            return 0
        if eerder_ververst(inst):
            marker_pad(inst).touch()
            return 0
        _schrijf(inst, status="controleren", gestart=_nu(), melding="", stap=None, van=None, tabel=None)
        reden = onbereikbaar(inst.cbs_odata4_url)
        if reden:
            _schrijf(inst, status="offline", laatste_poging=_nu(), melding=f"CBS niet bereikbaar: {reden}")
            return 0

        def voortgang(tabel: str, stap: int, van: int) -> None:
            _schrijf(inst, status="bezig", stap=stap, van=van, tabel=tabel)

        try:
            code = refresh.main([], instellingen=inst, voortgang=voortgang)
        except Exception as exc:  # noqa: BLE001 - say so on the pages instead of staying 'bezig'
            _schrijf(inst, status="mislukt", laatste_poging=_nu(), stap=None, van=None, tabel=None,
                     melding=f"onverwachte fout: {type(exc).__name__}: {exc}")
            raise
        uitkomst = statusbestand.lees(inst.status_path)
        gelukt = [t for t, b in uitkomst.get("bronnen", {}).items() if b.get("gelukt")]
        if gelukt:
            marker_pad(inst).touch()
        _schrijf(inst, status="klaar" if gelukt else "mislukt", laatste_poging=_nu(), stap=None, van=None,
                 tabel=None, code=code, opgehaald=sorted(gelukt), melding=uitkomst.get("melding", ""))
        return code


if __name__ == "__main__":
    sys.exit(draai())

"""What one export made, kept on disk for the next: the analysis of a warehouse build and a chart's printed HTML.

The app makes the analysis once per warehouse build and keeps it in memory; the export command line is a new
process every time and made it again: the queries, the texts and every chart (about half a second, more than a
third of the command). Here a run reads what an earlier run made for the same

- warehouse build (the file's identity, as the app's caches: a refresh makes a new file, so a new key),
- request (region, UWV period; a chart's recipe and print size),
- code (a hash of the dashboard's code, templates and queries, and the versions of plotly, pandas and jinja2:
  a new release never reads what an older one made).

The files sit in a folder beside the warehouse (`<warehouse>.export-cache`), at most MAX_BESTANDEN, oldest out.
Anything that fails here (a read-only disk, a damaged file) only means the export is made as before."""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from basis import instellingen as settings

MAX_BESTANDEN = 200
ROOT = Path(__file__).resolve().parents[2]
CODE = ("dashboard/**/*.py", "dashboard/**/*.toml", "dashboard/**/*.j2", "dashboard/**/*.css", "queries/*.sql",
        "basis/*.py")


@lru_cache(maxsize=1)
def code_versie() -> str:
    """A hash of everything an export is made with besides the warehouse."""
    import jinja2
    import pandas
    import plotly
    h = hashlib.sha256(f"{plotly.__version__}|{pandas.__version__}|{jinja2.__version__}".encode())
    for pad in sorted({p for patroon in CODE for p in ROOT.glob(patroon)}):
        h.update(str(pad.relative_to(ROOT)).encode() + b"\0" + pad.read_bytes() + b"\0")
    return h.hexdigest()


def sleutel(*delen) -> str:
    """The file name for what `delen` (JSON-ready) identify, with the code version."""
    tekst = json.dumps([code_versie(), *delen], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()


def _map() -> Path:
    pad = settings.warehouse_path()
    return pad.parent / f"{pad.name}.export-cache"


def lees(naam: str) -> str | None:
    try:
        return (_map() / naam).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def bewaar(naam: str, tekst: str) -> None:
    from dashboard.export.bestanden import SchrijfFout, schrijf_atomair
    map_ = _map()
    try:
        map_.mkdir(mode=0o700, exist_ok=True)
        schrijf_atomair(tekst.encode("utf-8"), map_ / naam)
        bestanden = sorted((p for p in map_.iterdir() if p.is_file() and not p.name.startswith(".")),
                           key=lambda p: p.stat().st_mtime_ns)
        for oud in bestanden[:-MAX_BESTANDEN]:
            oud.unlink(missing_ok=True)
    except (OSError, SchrijfFout):
        pass

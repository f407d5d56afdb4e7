"""The toegankelijkheidsverklaring's facts: the automated audit's report (axe-core, written by
tests/test_toegankelijk_browser.py to test-artifacts/axe-rapport.json) summarised per WCAG success
criterion, and the contact a deployer sets. Pure functions plus one file read; no Streamlit. What the page shows is made once per version of the
report file (`verklaring`), not in every rerun: the report is some 200 kB of JSON."""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

import pandas as pd

from basis.instellingen import ROOT
from dashboard.kern import format as fmt
from dashboard.kern.geheugen import eenmalig

RAPPORT = ROOT / "test-artifacts" / "axe-rapport.json"
ERNSTIG = ("serious", "critical")

# What still falls short, and why: it lies with Streamlit, and what the dashboard does about it.
UITZONDERINGEN = [
    ("3.1.1 Taal van de pagina",
     "Streamlit levert elke pagina met lang=\"en\". Het dashboard zet de taal direct na het laden op Nederlands; "
     "heel even (tot het script draait) staat er nog Engels.",
     "https://github.com/streamlit/streamlit/issues/15726"),
    ("1.3.1 Info en relaties",
     "De navigatie met secties zet koppen als div direct in een lijst. Het dashboard herstelt dat in de browser: "
     "elke sectie is een eigen lijst met haar kop als naam.", None),
    ("1.1.1 Niet-tekstuele content, 2.1.1 Toetsenbord",
     "Grafieken (Plotly) tonen cijfers bij aanwijzen met de muis. Elke grafiek heeft een tekstalternatief "
     "(titel en samenvatting) en al haar cijfers staan in een HTML-tabel onder de figuur.", None),
    ("2.4.3 Focusvolgorde",
     "Exporteren was een venster (st.popover) dat de focus op zijn knop liet en achteraan de pagina stond: met "
     "Tab ging je eerst de hele pagina door. Het is nu een uitklapblok op zijn plek in de pagina, direct na "
     "Presenteren; er is geen venster dat de focus vasthoudt.", None),
    ("1.3.1 Info en relaties, 2.1.1 Toetsenbord",
     "Lange tabellen tonen ook Streamlits filterbare tabel (st.dataframe), een canvas dat schermlezers niet "
     "kunnen lezen en waarvan het menu niet met het toetsenbord bereikbaar is. Dezelfde gegevens staan ernaast "
     "als HTML-tabel.", "https://github.com/streamlit/streamlit/issues/13332"),
]


def contact() -> str | None:
    """Where to report an accessibility problem: set by the deployer (TOEGANKELIJKHEID_CONTACT or
    [toegankelijkheid] contact in .streamlit/secrets.toml, read by the page)."""
    waarde = os.environ.get("TOEGANKELIJKHEID_CONTACT", "").strip()
    return waarde or None


def _rapport_pad(pad: Path | None = None) -> Path:
    return Path(os.environ.get("AXE_RAPPORT", "") or (pad or RAPPORT))


def lees_rapport(pad: Path | None = None) -> dict | None:
    """The last audit report, or None when there is none (the audit has not run here)."""
    pad = _rapport_pad(pad)
    if not pad.exists():
        return None
    try:
        return json.loads(pad.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def criterium(tag: str) -> str:
    """'wcag143' -> '1.4.3'; 'wcag1410' -> '1.4.10'."""
    cijfers = tag[4:]
    return f"{cijfers[0]}.{cijfers[1]}.{cijfers[2:]}"


def _sleutel(c: str) -> tuple:
    return tuple(int(x) for x in c.split("."))


def per_criterium(rapport: dict) -> list[dict]:
    """Per WCAG success criterion the audit tested: on how many pages (and slides) it passed, needed a
    human check (an axe rule 'incomplete', none failing) or failed (any rule failing), with the failing rules."""
    uit: dict[str, dict] = {}
    for pagina in rapport["paginas"]:
        fout = {v["regel"]: v for v in pagina["overtredingen"]}
        stand: dict[str, str] = {}   # criterion -> the page's worst outcome
        for regel, tags in pagina.get("criteria", {}).items():
            uitkomst = "fout" if regel in fout else "nakijken" if regel in pagina["onvolledig"] else "geslaagd"
            for tag in tags:
                c = uit.setdefault(criterium(tag), {"criterium": criterium(tag), "geslaagd": 0, "nakijken": 0,
                                                    "fout": 0, "regels": set(), "fout_regels": set()})
                c["regels"].add(regel)
                if uitkomst == "fout":
                    c["fout_regels"].add(f"{regel} ({fout[regel]['impact']})")
                vorige = stand.get(c["criterium"], "geslaagd")
                stand[c["criterium"]] = max(vorige, uitkomst, key=("geslaagd", "nakijken", "fout").index)
        for crit, uitkomst in stand.items():
            uit[crit][uitkomst] += 1
    return [{**c, "regels": sorted(c["regels"]), "fout_regels": sorted(c["fout_regels"])}
            for c in sorted(uit.values(), key=lambda c: _sleutel(c["criterium"]))]


def samenvatting(rapport: dict) -> dict:
    paginas = rapport["paginas"]
    ernstig = sum(v["aantal"] for p in paginas for v in p["overtredingen"] if v["impact"] in ERNSTIG)
    overig = sum(v["aantal"] for p in paginas for v in p["overtredingen"] if v["impact"] not in ERNSTIG)
    return {"paginas": len(paginas), "ernstig": ernstig, "overig": overig,
            "axe": paginas[0]["axe"] if paginas else "", "gemaakt": rapport.get("gemaakt", "")}


def verklaring(pad: Path | None = None) -> tuple[dict, pd.DataFrame] | None:
    """The last audit's summary and its table per WCAG criterion (Dutch headers and numbers), or None without
    a report; made once per version of the report file and then shared (read-only)."""
    pad = _rapport_pad(pad)
    try:
        stat = pad.stat()
    except OSError:
        return None
    return _verklaring(str(pad), stat.st_mtime_ns, stat.st_size)


@eenmalig(maxsize=4)
def _verklaring(pad: str, _mtime_ns: int, _grootte: int) -> tuple[dict, pd.DataFrame] | None:
    rapport = lees_rapport(Path(pad))
    if rapport is None:
        return None
    rijen = per_criterium(rapport)
    return samenvatting(rapport), pd.DataFrame({
        "Succescriterium": [r["criterium"] for r in rijen],
        "Voldoet op": [f"{r['geslaagd']} van {r['geslaagd'] + r['nakijken'] + r['fout']}" for r in rijen],
        "Met de hand na te kijken": [fmt.getal(r["nakijken"]) for r in rijen],
        "Voldoet niet op": [fmt.getal(r["fout"]) for r in rijen],
        "Bevindingen": [", ".join(r["fout_regels"]) or fmt.LEEG for r in rijen],
        "Getoetst met": [", ".join(r["regels"]) for r in rijen],
    })


@lru_cache(maxsize=1)
def uitzonderingen_tabel() -> pd.DataFrame:
    """UITZONDERINGEN as the page's table (one frame, so its HTML is made once)."""
    return pd.DataFrame({
        "Criterium": [u[0] for u in UITZONDERINGEN],
        "Wat en waarom": [u[1] for u in UITZONDERINGEN],
        "Melding bij Streamlit": [u[2] or "nog geen melding gevonden" for u in UITZONDERINGEN],
    })

"""Load data/raw into DuckDB's raw.* tables for the build: every source of the
catalog through its own folder under etl/bronnen/ (seed files, the latest
CBS snapshots), and the Werken aan Werk monitor register and log."""
from __future__ import annotations

import hashlib
import json
import logging
from collections import defaultdict
from pathlib import Path

import duckdb
import pandas as pd

from etl import bronnen, catalog
from etl.bronnen import seed
from etl.bronnen.gemeenschappelijk.csvbestand import LoadError, read_csv_rows, sha256  # noqa: F401 - used here and by callers

logger = logging.getLogger("etl.load")


def load_raw(con: duckdb.DuckDBPyConnection, raw: Path, catalog_path: Path | None = None) -> list[dict]:
    """raw.seed_feiten and raw.ref_* (etl/bronnen/seed). Returns per-dataset file facts for
    meta.sources; raises LoadError when files are missing or malformed."""
    return seed.load_all(con, catalog.seed(catalog_path), raw)


def load_bronnen(con: duckdb.DuckDBPyConnection, raw: Path, catalog_path: Path | None = None) -> list[dict]:
    """Every fetched source's latest snapshot into its raw table: raw.cbs_observaties (CBS v3 and v4
    series; none fetched yet: no rows) and raw.cbs_indeling (Gebieden in Nederland; empty until
    fetched). Every such table exists, also when nothing was fetched. Returns per-table facts for
    meta.sources."""
    frames: dict[str, list[pd.DataFrame]] = defaultdict(list)
    tabellen: dict[str, object] = {}
    for naam in bronnen.namen():
        mod = bronnen.module(naam)
        if hasattr(mod, "load") and hasattr(mod, "RAW_TABLE"):
            tabellen.setdefault(mod.RAW_TABLE, mod)
    bronrijen = []
    for entry in catalog.entries(catalog_path):
        mod = bronnen.module(entry.bron)
        if not hasattr(mod, "load"):
            continue
        df, bron = mod.load(entry, raw)
        if bron is not None:
            frames[mod.RAW_TABLE].append(df)
            bronrijen.append(bron)
    con.execute("create schema if not exists raw")
    for tabel, mod in sorted(tabellen.items()):
        df = pd.concat(frames[tabel], ignore_index=True) if frames[tabel] else pd.DataFrame(columns=mod.KOLOMMEN)
        df = df[mod.KOLOMMEN].astype(mod.DTYPES)
        con.register("bron_df", df)
        con.execute(f"create or replace table raw.{tabel} as select * from bron_df")  # name from a source module
        con.unregister("bron_df")
    return bronrijen


MONITOR_PROJECT_KOLOMMEN = [
    "project_id", "regio", "naam", "programma", "omschrijving", "doelgroep", "beroepsklasse_code", "beroepsklasse_toelichting", "start",
    "einde", "doel_deelnemers", "doel_uitstroom_werk", "doel_uitstroom_opleiding", "doel_periode", "doel_van",
    "doel_tot", "bron",
    "peildatum", "vindplaats",
]
MONITOR_STATUS_KOLOMMEN = ["project_id", "status", "vanaf", "toelichting", "bron", "peildatum", "vindplaats"]
MONITOR_MUTATIE_TYPEN = {
    "volgnummer": "Int64", "wijziging": "string", "tijdstip": "datetime64[us, UTC]", "door": "string",
    "via": "string", "soort": "string", "project_id": "string", "regio": "string", "revisie": "Int64",
    "kwartaal": "string",
    "aangemeld": "Int64", "gestart": "Int64", "uitgevallen": "Int64", "uitstroom_werk": "Int64",
    "uitstroom_opleiding": "Int64", "nog_in_traject": "Int64", "verwijderd": "boolean",
    "naam": "string", "programma": "string", "omschrijving": "string", "doelgroep": "string", "beroepsklasse_code": "string",
    "start": "string", "einde": "string", "status": "string", "status_vanaf": "string", "toelichting": "string",
    "doel_deelnemers": "Int64", "doel_uitstroom_werk": "Int64", "doel_uitstroom_opleiding": "Int64",
    "doel_periode": "string", "doel_van": "string", "doel_tot": "string",
    "doel_modus": "string",   # a target that replaces (vervangt, or none: older records) or comes beside (erbij)
}


def load_monitor(con: duckdb.DuckDBPyConnection, raw: Path, instellingen=None) -> list[dict]:
    """raw.monitor_projecten and raw.monitor_projectstatus (the register from
    data/raw/monitor, text with line numbers) and raw.monitor_mutaties (every
    saved record of the monitor's store, werkenaanwerk.opslag: SQLite or
    PostgreSQL, typed). Returns file facts for meta.sources."""
    from werkenaanwerk import opslag

    fouten, bestanden = [], []
    for tabel, bestand, kolommen in [("monitor_projecten", "projecten.csv", MONITOR_PROJECT_KOLOMMEN),
                                     ("monitor_projectstatus", "projectstatus.csv", MONITOR_STATUS_KOLOMMEN)]:
        path = raw / "monitor" / bestand
        rows, errs = read_csv_rows(path, kolommen, f"monitor/{bestand}")
        fouten += errs
        df = pd.DataFrame(rows, columns=kolommen + ["regel"], dtype=object)
        con.register("monitor_df", df)
        con.execute(f"create or replace table raw.{tabel} as select * from monitor_df")  # name from fixed list
        con.unregister("monitor_df")
        if tabel == "monitor_projecten" and not errs:
            bestanden.append({"dataset": "monitor_projecten", "titel": "Projecten Werken aan Werk (register)",
                              "bestand": "data/raw/monitor/projecten.csv", "rijen": len(rows),
                              "checksum": sha256(path)})
    if fouten:
        raise LoadError(fouten)
    alle = opslag.lees(instellingen)
    goed, afgekeurd, overgeslagen = _controleer(instellingen, alle)
    for fout in afgekeurd:
        logger.warning("monitor: %s", fout.tekst())
    records = goed + overgeslagen
    con.register("afgekeurd_df", pd.DataFrame([(f.bestand, f.regel, f.melding) for f in afgekeurd],
                                              columns=["bestand", "regel", "melding"]).astype(
        {"bestand": "string", "regel": "Int64", "melding": "string"}))
    con.execute("create or replace table raw.monitor_afgekeurd as select * from afgekeurd_df")
    con.unregister("afgekeurd_df")
    mutaties = pd.DataFrame(records, columns=list(MONITOR_MUTATIE_TYPEN))
    mutaties["tijdstip"] = pd.to_datetime(mutaties["tijdstip"], utc=True, format="ISO8601")
    mutaties = mutaties.astype(MONITOR_MUTATIE_TYPEN)
    con.register("mutaties_df", mutaties)
    con.execute("create or replace table raw.monitor_mutaties as select * from mutaties_df")
    con.unregister("mutaties_df")
    bestanden.append({"dataset": "monitor_resultaten", "titel": "Resultaten Werken aan Werk (ingevoerd)",
                      "bestand": opslag.omschrijving(instellingen), "rijen": len(goed),
                      "checksum": hashlib.sha256(json.dumps(alle, ensure_ascii=False).encode()).hexdigest()
                      if alle else None})
    return bestanden


def _controleer(instellingen, alle: list[dict]) -> tuple[list[dict], list, list[dict]]:
    """The store's usable records, the errors of the others, and for each skipped record that still counts
    for its project's revision (so a save based on it is not refused) a stand-in of soort 'afgekeurd'.
    An empty store needs no checks; the checks import the monitor's file readers (openpyxl), which an
    offline build would otherwise pay for on every refresh."""
    if not alle:
        return [], [], []
    from werkenaanwerk import validatie

    goed, afgekeurd = validatie.controleer_log(instellingen, alle)
    overgeslagen = [{"soort": "afgekeurd", **{k: r[k] for k in ("volgnummer", "wijziging", "project_id", "revisie",
                                                                  "tijdstip")}}
                    for r in alle if r.get("soort") in ("resultaat", "project") and validatie.record_fout(r)
                    and _bruikbaar_voor_revisie(r)]
    return goed, afgekeurd, overgeslagen


def _bruikbaar_voor_revisie(rec: dict) -> bool:
    from datetime import datetime

    try:
        datetime.fromisoformat(str(rec.get("tijdstip")))
    except ValueError:
        return False
    return (isinstance(rec.get("project_id"), str) and isinstance(rec.get("wijziging"), str)
            and all(isinstance(rec.get(k), int) and 0 < rec[k] < 2**62 for k in ("volgnummer", "revisie")))

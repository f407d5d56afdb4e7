"""Read the embedded CSV files into DuckDB as text, one row per line with its
line number, so that staging SQL can type them and checks can point at the
exact file, line and column."""
from __future__ import annotations

import csv
import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from etl import catalog, cbs
from basis.fouten import Fout

FEIT_KOLOMMEN = [
    "regio", "periode", "periode_type", "indicator", "dimensie", "categorie",
    "maat", "waarde", "eenheid", "kwalificatie", "bron", "peildatum", "vindplaats",
]
REFERENTIES = {
    "regios": ("regios.csv", ["code", "naam", "soort", "standaard", "bron"]),
    "beroepsklassen": ("beroepsklassen.csv", ["code", "naam", "cruciale_sector", "regionale_focus"]),
    "gemeenten": ("gemeenten_am12.csv", ["gemeente_code", "gemeente_naam", "arbeidsmarktregio_code", "bron"]),
    "indicatoren": ("indicatoren.csv", ["code", "label", "definitie", "eenheid", "volgorde"]),
}


@dataclass(frozen=True)
class Dataset:
    id: str
    bestand: str
    titel: str


def read_catalog(seed_dir: Path) -> list[Dataset]:
    path = seed_dir / "catalog.toml"
    if not path.exists():
        raise LoadError([Fout(str(path.name), None, None, "de catalogus ontbreekt (verwacht data/raw/seed/catalog.toml)")])
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    return [Dataset(id=k, bestand=v["bestand"], titel=v["titel"]) for k, v in data["datasets"].items()]


class LoadError(Exception):
    def __init__(self, fouten: list[Fout]):
        super().__init__("\n".join(f.tekst() for f in fouten))
        self.fouten = fouten


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_csv_rows(path: Path, kolommen: list[str], label: str) -> tuple[list[dict], list[Fout]]:
    """Rows as text with their line number; header and shape errors as Fout."""
    fouten: list[Fout] = []
    if not path.exists():
        return [], [Fout(label, None, None, "bestand ontbreekt (verplicht)")]
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        return [], [Fout(label, None, None, f"bestand is geen UTF-8 tekst ({exc.reason} op byte {exc.start})")]
    reader = csv.reader(text.splitlines())
    header = next(reader, None)
    if not header:
        return [], [Fout(label, 1, None, "bestand is leeg; verwacht een kopregel met " + ", ".join(kolommen))]
    header = [h.strip() for h in header]
    missing = [k for k in kolommen if k not in header]
    if missing:
        return [], [Fout(label, 1, k, "kolom ontbreekt in de kopregel") for k in missing]
    rows = []
    for lineno, values in enumerate(reader, start=2):
        if not values or all(not v.strip() for v in values):
            continue
        if len(values) != len(header):
            fouten.append(Fout(label, lineno, None,
                               f"regel heeft {len(values)} velden, de kopregel {len(header)} (let op komma's binnen een veld: zet die tussen aanhalingstekens)"))
            continue
        row = dict(zip(header, values))
        rows.append({k: row[k] for k in kolommen} | {"regel": lineno})
    return rows, fouten


def load_raw(con: duckdb.DuckDBPyConnection, raw: Path) -> list[dict]:
    """Create raw.* tables from data/raw. Returns per-dataset file facts for
    meta.sources; raises LoadError when files are missing or malformed."""
    seed_dir = raw / "seed"
    ref_dir = raw / "referentie"
    fouten: list[Fout] = []
    frames = []
    bestanden = []
    for ds in read_catalog(seed_dir):
        path = seed_dir / ds.bestand
        rows, errs = read_csv_rows(path, FEIT_KOLOMMEN, ds.bestand)
        fouten += errs
        if errs:
            continue
        df = pd.DataFrame(rows, columns=FEIT_KOLOMMEN + ["regel"], dtype=object)
        df.insert(0, "bestand", ds.bestand)
        df.insert(0, "dataset", ds.id)
        frames.append(df)
        bestanden.append({"dataset": ds.id, "titel": ds.titel, "bestand": f"data/raw/seed/{ds.bestand}",
                          "rijen": len(rows), "checksum": sha256(path)})
    refs = {}
    for name, (bestand, kolommen) in REFERENTIES.items():
        rows, errs = read_csv_rows(ref_dir / bestand, kolommen, bestand)
        fouten += errs
        refs[name] = pd.DataFrame(rows, columns=kolommen + ["regel"], dtype=object)
    if fouten:
        raise LoadError(fouten)

    con.execute("create schema if not exists raw")
    feiten = pd.concat(frames, ignore_index=True)
    feiten["regel"] = feiten["regel"].astype("int64")
    con.register("feiten_df", feiten)
    con.execute("create or replace table raw.seed_feiten as select * from feiten_df")
    con.unregister("feiten_df")
    for name, df in refs.items():
        con.register("ref_df", df)
        con.execute(f"create or replace table raw.ref_{name} as select * from ref_df")  # name from fixed dict
        con.unregister("ref_df")
    return bestanden


def load_cbs(con: duckdb.DuckDBPyConnection, raw: Path) -> list[dict]:
    """raw.cbs_observaties from the latest snapshot of every catalog table (none yet: no rows), and
    raw.cbs_indeling, the gemeente -> arbeidsmarktregio mapping (Gebieden in Nederland; empty until
    fetched). Returns per-table facts for meta.sources."""
    frames, indelingen, bronnen = [], [], []
    for ds in catalog.read():
        df, bron = (cbs.load_indeling if ds.soort == "indeling" else cbs.load)(ds, raw)
        if bron is not None:
            (indelingen if ds.soort == "indeling" else frames).append(df)
            bronnen.append(bron)
    observaties = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=cbs.KOLOMMEN)
    # fixed types: a table without regions or statuses would otherwise give all-NaN float columns
    tekst = ["table_id", "regio_code", "regio_naam", "periode_code", "periode", "periode_type", "measure",
             "measure_title", "indicator", "eenheid", "status", "missing_reason"]
    observaties = observaties.astype({"waarde": "float64", **{k: "string" for k in tekst}})
    indeling = (pd.concat(indelingen, ignore_index=True) if indelingen
                else pd.DataFrame(columns=cbs.INDELING_KOLOMMEN)).astype("string")
    for name, df in (("cbs_observaties", observaties), ("cbs_indeling", indeling)):
        con.register("cbs_df", df)
        con.execute(f"create or replace table raw.{name} as select * from cbs_df")  # name from the fixed tuple
        con.unregister("cbs_df")
    return bronnen


MONITOR_PROJECT_KOLOMMEN = [
    "project_id", "regio", "naam", "omschrijving", "doelgroep", "beroepsklasse_code", "beroepsklasse_toelichting", "start",
    "einde", "doel_deelnemers", "doel_uitstroom_werk", "doel_uitstroom_opleiding", "doel_periode", "bron",
    "peildatum", "vindplaats",
]
MONITOR_STATUS_KOLOMMEN = ["project_id", "status", "vanaf", "toelichting", "bron", "peildatum", "vindplaats"]
MONITOR_MUTATIE_TYPEN = {
    "volgnummer": "Int64", "wijziging": "string", "tijdstip": "datetime64[us, UTC]", "door": "string",
    "via": "string", "soort": "string", "project_id": "string", "regio": "string", "revisie": "Int64",
    "kwartaal": "string",
    "aangemeld": "Int64", "gestart": "Int64", "uitgevallen": "Int64", "uitstroom_werk": "Int64",
    "uitstroom_opleiding": "Int64", "nog_in_traject": "Int64", "verwijderd": "boolean",
    "naam": "string", "omschrijving": "string", "doelgroep": "string", "beroepsklasse_code": "string",
    "start": "string", "einde": "string", "status": "string", "status_vanaf": "string", "toelichting": "string",
    "doel_deelnemers": "Int64", "doel_uitstroom_werk": "Int64", "doel_uitstroom_opleiding": "Int64",
    "doel_periode": "string",
}


def load_monitor(con: duckdb.DuckDBPyConnection, raw: Path, log: Path) -> list[dict]:
    """raw.monitor_projecten and raw.monitor_projectstatus (the register from
    data/raw/monitor, text with line numbers) and raw.monitor_mutaties (every
    committed record of the monitor's own log, typed). Returns file facts for
    meta.sources."""
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
    records = opslag.lees(log)
    mutaties = pd.DataFrame(records, columns=list(MONITOR_MUTATIE_TYPEN))
    mutaties["tijdstip"] = pd.to_datetime(mutaties["tijdstip"], utc=True, format="ISO8601")
    mutaties = mutaties.astype(MONITOR_MUTATIE_TYPEN)
    con.register("mutaties_df", mutaties)
    con.execute("create or replace table raw.monitor_mutaties as select * from mutaties_df")
    con.unregister("mutaties_df")
    bestanden.append({"dataset": "monitor_resultaten", "titel": "Resultaten Werken aan Werk (ingevoerd)",
                      "bestand": str(log), "rijen": len(records),
                      "checksum": sha256(log) if log.exists() else None})
    return bestanden

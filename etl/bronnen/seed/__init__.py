"""Our own sources without an API: the CSV transcriptions of printed figures in
data/raw/seed/ (catalog entries `[seed.<id>]`, committed to git, one row per
figure with its bron, peildatum and vindplaats) and the reference lists in
data/raw/referentie/ (REFERENTIES). Nothing to fetch: the files are read as
text with line numbers, their shape checked (missing file, header, field
count, a file emptied to its header) and loaded as text into raw.seed_feiten
and raw.ref_*. Their values are checked in Python (waarden.py: codes, ranges,
ambiguous numbers, a region above the country) into raw.seed_waardefouten,
which the build reports with its other checks (regions, periods, keys,
shares against counts), all errors at once, before anything is typed."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from basis.fouten import Fout
from etl.bronnen.gemeenschappelijk.csvbestand import LoadError, read_csv_rows, sha256
from etl.bronnen.seed import waarden
from etl.catalog import SeedDataset

RAW_TABLE = "seed_feiten"
FOUTEN_TABLE = "seed_waardefouten"     # the value errors of waarden.py, reported by the build's checks
FEIT_KOLOMMEN = [
    "regio", "periode", "periode_type", "indicator", "dimensie", "categorie",
    "maat", "waarde", "eenheid", "kwalificatie", "bron", "peildatum", "vindplaats",
]
# raw.ref_<name> <- data/raw/referentie/<file>, with the columns it must have
REFERENTIES = {
    "regios": ("regios.csv", ["code", "naam", "soort", "standaard", "bron"]),
    "beroepsklassen": ("beroepsklassen.csv", ["code", "naam", "cruciale_sector", "regionale_focus"]),
    "gemeenten": ("gemeenten_am12.csv", ["gemeente_code", "gemeente_naam", "arbeidsmarktregio_code", "bron"]),
    "indicatoren": ("indicatoren.csv", ["code", "label", "definitie", "eenheid", "volgorde"]),
}


def read(ds: SeedDataset, raw_dir: Path) -> tuple[pd.DataFrame | None, list[Fout], dict | None]:
    """One seed dataset as text rows with line numbers, its shape errors, and its meta.sources row."""
    path = Path(raw_dir) / "seed" / ds.bestand
    rows, fouten = read_csv_rows(path, FEIT_KOLOMMEN, ds.bestand)
    if not fouten and not rows and not ds.leeg:
        fouten = [Fout(ds.bestand, None, None, f"het bestand heeft alleen een kopregel: dataset {ds.id} zou al zijn "
                                               f"cijfers verliezen. Is dat de bedoeling, zet dan leeg = true bij "
                                               f"[seed.{ds.id}] in etl/catalog.toml")]
    if fouten:
        return None, fouten, None
    df = pd.DataFrame(rows, columns=FEIT_KOLOMMEN + ["regel"], dtype=object)
    df.insert(0, "bestand", ds.bestand)
    df.insert(0, "dataset", ds.id)
    return df, [], {"dataset": ds.id, "titel": ds.titel, "bestand": f"data/raw/seed/{ds.bestand}",
                    "rijen": len(rows), "checksum": sha256(path)}


def read_referenties(raw_dir: Path) -> tuple[dict[str, pd.DataFrame], list[Fout]]:
    refs, fouten = {}, []
    for name, (bestand, kolommen) in REFERENTIES.items():
        rows, errs = read_csv_rows(Path(raw_dir) / "referentie" / bestand, kolommen, bestand)
        fouten += errs
        refs[name] = pd.DataFrame(rows, columns=kolommen + ["regel"], dtype=object)
    return refs, fouten


def load_all(con: duckdb.DuckDBPyConnection, entries: list[SeedDataset], raw_dir: Path) -> list[dict]:
    """raw.seed_feiten and raw.ref_* from data/raw. Returns per-dataset file facts for meta.sources;
    raises LoadError with every missing or malformed file at once."""
    fouten: list[Fout] = []
    if not entries:
        fouten.append(Fout("catalog.toml", None, None, "de catalogus etl/catalog.toml noemt geen eigen datasets "
                                                       "(verwacht [seed.<naam>] met bestand en titel)"))
    frames, bestanden = [], []
    for ds in entries:
        df, errs, bron = read(ds, raw_dir)
        fouten += errs
        if df is not None:
            frames.append(df)
            bestanden.append(bron)
    refs, errs = read_referenties(raw_dir)
    fouten += errs
    if fouten:
        raise LoadError(fouten)

    con.execute("create schema if not exists raw")
    feiten = pd.concat(frames, ignore_index=True)
    feiten["regel"] = feiten["regel"].astype("int64")
    con.register("feiten_df", feiten)
    con.execute(f"create or replace table raw.{RAW_TABLE} as select * from feiten_df")
    con.unregister("feiten_df")
    # value errors go to a table that the check etl/sql/checks/04_seed_waarden.sql reports, together with
    # every other check (all errors at once); the raw rows stay text, so nothing is typed yet
    regios = refs["regios"]
    land = next(iter(regios.loc[regios["soort"].str.strip() == "land", "code"].str.strip()), None)
    rijen = feiten.to_dict("records")
    waardefouten = waarden.controleer(rijen) + waarden.boven_landelijk(rijen, land)
    con.register("fouten_df", pd.DataFrame([(f.bestand, f.regel, f.kolom, f.melding) for f in waardefouten],
                                           columns=["bestand", "regel", "kolom", "melding"]).astype(
        {"bestand": "string", "regel": "Int64", "kolom": "string", "melding": "string"}))
    con.execute(f"create or replace table raw.{FOUTEN_TABLE} as select * from fouten_df")
    con.unregister("fouten_df")
    for name, df in refs.items():
        con.register("ref_df", df)
        con.execute(f"create or replace table raw.ref_{name} as select * from ref_df")  # name from fixed dict
        con.unregister("ref_df")
    return bestanden

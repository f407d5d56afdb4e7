"""Our own sources without an API: the CSV transcriptions of printed figures in
data/raw/seed/ (catalog entries `[seed.<id>]`, committed to git, one row per
figure with its bron, peildatum and vindplaats) and the reference lists in
data/raw/referentie/ (REFERENTIES). Nothing to fetch: the files are read as
text with line numbers, their shape checked (missing file, header, field
count), and loaded into raw.seed_feiten and raw.ref_*; the staging checks
validate the values."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from basis.fouten import Fout
from etl.bronnen.gemeenschappelijk.csvbestand import LoadError, read_csv_rows, sha256
from etl.catalog import SeedDataset

RAW_TABLE = "seed_feiten"
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
    for name, df in refs.items():
        con.register("ref_df", df)
        con.execute(f"create or replace table raw.ref_{name} as select * from ref_df")  # name from fixed dict
        con.unregister("ref_df")
    return bestanden

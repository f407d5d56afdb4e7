"""Fetching the CBS catalog into raw snapshots, and reading the latest
snapshots back in the long shape for the warehouse build."""
from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

import pandas as pd

from etl import settings
from etl.catalog import CbsDataset
from etl.sources import cbs_v4, snapshot
from etl.sources.errors import CbsFetchError

log = logging.getLogger("etl.cbs")

KOLOMMEN = ["table_id", "regio_code", "regio_naam", "periode_code", "periode", "periode_type", "periode_datum",
            "measure", "measure_title", "indicator", "eenheid", "waarde", "status", "missing_reason"]


def _schema_check(ds: CbsDataset):
    """Refuse a snapshot whose measures, dimensions or region codes no longer match the catalog."""
    def check(folder: Path) -> None:
        df = cbs_v4.normalise(folder)
        gevonden = set(df["measure"])
        for code, doel in ds.maten.items():
            if code not in gevonden:
                raise CbsFetchError(f"CBS-tabel {ds.table_id}: maat {code} ({doel['indicator']}) ontbreekt in de "
                                    "observaties: hernoemd of verwijderd bij CBS (schemawijziging); de catalogus "
                                    "etl/catalog.toml moet worden bijgewerkt")
        onbekend = sorted(set(df.loc[df["measure_title"].isna(), "measure"]))
        if onbekend:
            raise CbsFetchError(f"CBS-tabel {ds.table_id}: onbekende maat {', '.join(onbekend[:3])} in de observaties "
                                "(niet in MeasureCodes)")
        dims = json.loads(df["dimensies"].iloc[0]) if len(df) else {}
        for dim in ds.dimensies:
            if dim not in dims:
                raise CbsFetchError(f"CBS-tabel {ds.table_id}: dimensie {dim} ontbreekt (schemawijziging)")
        geo = next((d["Identifier"] for d in json.loads((folder / "dimensions.json").read_text())["value"]
                    if d.get("Kind") == "GeoDimension"), None)
        if geo:
            bekend = {c["Identifier"].strip() for c in json.loads((folder / f"codes-{geo}.json").read_text())["value"]}
            nieuw = sorted(set(df["regio_code"].dropna()) - bekend)
            if nieuw:
                raise CbsFetchError(f"CBS-tabel {ds.table_id}: onbekende regiocode {', '.join(nieuw[:3])} in de "
                                    f"observaties (niet in de codelijst {geo})")
    return check


def fetch(ds: CbsDataset, raw_dir: Path, base_url: str | None = None, progress=None, **kwargs) -> Path:
    if ds.api != "v4":
        raise CbsFetchError(f"CBS-tabel {ds.table_id}: api {ds.api} wordt nog niet opgehaald (alleen v4)")
    return cbs_v4.fetch(ds.table_id, base_url or settings.cbs_odata4_url(), raw_dir, filter=ds.filter,
                        progress=progress, check=_schema_check(ds), **kwargs)


def load(ds: CbsDataset, raw_dir: Path) -> tuple[pd.DataFrame, dict | None]:
    """The latest snapshot's observations for the catalog's measures and dimension codes,
    with our indicator names; (empty frame, None) when the table was never fetched."""
    folder = snapshot.latest(raw_dir, ds.table_id)
    if folder is None:
        return pd.DataFrame(columns=KOLOMMEN), None
    df = cbs_v4.normalise(folder)
    df = df[df["measure"].isin(list(ds.maten))]
    for dim, code in ds.dimensies.items():
        df = df[df["dimensies"].map(lambda s, d=dim: json.loads(s).get(d)) == code]
    df = df.assign(indicator=df["measure"].map(lambda m: ds.maten[m]["indicator"]),
                   eenheid=df["measure"].map(lambda m: ds.maten[m]["eenheid"]))
    # CBS publishes many counts in thousands: store whole numbers
    duizend = df["eenheid"].str.startswith("x 1000 ")
    df.loc[duizend, "waarde"] = df.loc[duizend, "waarde"] * 1000
    df.loc[duizend, "eenheid"] = df.loc[duizend, "eenheid"].str.removeprefix("x 1000 ")
    namen = {}
    geo = next((d["Identifier"] for d in json.loads((folder / "dimensions.json").read_text())["value"]
                if d.get("Kind") == "GeoDimension"), None)
    if geo:
        namen = {c["Identifier"].strip(): c["Title"].strip()
                 for c in json.loads((folder / f"codes-{geo}.json").read_text())["value"]}
    df["regio_naam"] = df["regio_code"].map(namen) if geo else None
    manifest = snapshot.read_manifest(folder)
    properties = json.loads((folder / "properties.json").read_text())
    bron = {
        "dataset": ds.table_id,
        "titel": properties.get("Title", ds.titel).strip(),
        "bestand": str(folder.relative_to(raw_dir.parent) if raw_dir.parent in folder.parents else folder),
        "rijen": int(len(df)),
        "checksum": hashlib.sha256((folder / snapshot.MANIFEST).read_bytes()).hexdigest(),
        "opgehaald": manifest["fetched_at"],
    }
    return df[KOLOMMEN].reset_index(drop=True), bron

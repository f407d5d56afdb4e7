"""Fetching the CBS catalog into raw snapshots, and reading the latest
snapshots back in the long shape for the warehouse build."""
from __future__ import annotations

import hashlib
import json
import logging
import shutil
from pathlib import Path

import pandas as pd

from etl import settings
from etl.catalog import CbsDataset
from etl.sources import cbs_v3, cbs_v4, snapshot
from etl.sources.errors import CbsFetchError

log = logging.getLogger("etl.cbs")

KOLOMMEN = ["table_id", "regio_code", "regio_naam", "periode_code", "periode", "periode_type", "periode_datum",
            "measure", "measure_title", "indicator", "eenheid", "waarde", "status", "missing_reason"]


NORMALISE = {"v4": cbs_v4.normalise, "v3": cbs_v3.normalise}


def _schema_check(ds: CbsDataset):
    """Refuse a snapshot whose measures, dimensions or region codes no longer match the catalog."""
    def check(folder: Path) -> None:
        df = NORMALISE[ds.api](folder)
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
        dimensions = folder / "dimensions.json"  # v4 metadata; v3 region codes are checked by cbsodata's lists
        geo = next((d["Identifier"] for d in json.loads(dimensions.read_text())["value"]
                    if d.get("Kind") == "GeoDimension"), None) if dimensions.exists() else None
        if geo:
            bekend = {c["Identifier"].strip() for c in json.loads((folder / f"codes-{geo}.json").read_text())["value"]}
            nieuw = sorted(set(df["regio_code"].dropna()) - bekend)
            if nieuw:
                raise CbsFetchError(f"CBS-tabel {ds.table_id}: onbekende regiocode {', '.join(nieuw[:3])} in de "
                                    f"observaties (niet in de codelijst {geo})")
    return check


def fetch(ds: CbsDataset, raw_dir: Path, base_url: str | None = None, progress=None, **kwargs) -> Path:
    if ds.api == "v4":
        return cbs_v4.fetch(ds.table_id, base_url or settings.cbs_odata4_url(), raw_dir, filter=ds.filter,
                            progress=progress, check=_schema_check(ds), **kwargs)
    if ds.api == "v3":
        folder = cbs_v3.fetch(ds.table_id, base_url or settings.cbs_odata3_url(), raw_dir, filters=ds.filter,
                              **kwargs)
        try:
            _schema_check(ds)(folder)  # v3 normalises from the committed manifest
        except CbsFetchError:
            shutil.rmtree(folder)  # refused: the previous snapshot is the latest again
            raise
        if progress:
            progress(snapshot.read_manifest(folder).get("pages", 1), snapshot.read_manifest(folder)["rows"])
        return folder
    raise CbsFetchError(f"CBS-tabel {ds.table_id}: onbekende api {ds.api!r} in etl/catalog.toml (v3 of v4)")


def load(ds: CbsDataset, raw_dir: Path) -> tuple[pd.DataFrame, dict | None]:
    """The latest snapshot's observations for the catalog's measures and dimension codes,
    with our indicator names; (empty frame, None) when the table was never fetched."""
    folder = snapshot.latest(raw_dir, ds.table_id)
    if folder is None:
        return pd.DataFrame(columns=KOLOMMEN), None
    manifest = snapshot.read_manifest(folder)
    df = NORMALISE[manifest["api"]](folder)
    df = df[df["measure"].isin(list(ds.maten))]
    for dim, code in ds.dimensies.items():
        df = df[df["dimensies"].map(lambda s, d=dim: json.loads(s).get(d)) == code]
    df = df.assign(indicator=df["measure"].map(lambda m: ds.maten[m]["indicator"]),
                   eenheid=df["measure"].map(lambda m: ds.maten[m]["eenheid"]))
    # CBS publishes many counts in thousands: store whole numbers
    duizend = df["eenheid"].str.startswith("x 1000 ")
    df.loc[duizend, "waarde"] = df.loc[duizend, "waarde"] * 1000
    df.loc[duizend, "eenheid"] = df.loc[duizend, "eenheid"].str.removeprefix("x 1000 ")
    df["regio_naam"] = df["regio_code"].map(_regio_namen(folder, manifest))
    bron = {
        "dataset": ds.table_id,
        "titel": _titel(folder, manifest) or ds.titel,
        "bestand": str(folder.relative_to(raw_dir.parent) if raw_dir.parent in folder.parents else folder),
        "rijen": int(len(df)),
        "checksum": hashlib.sha256((folder / snapshot.MANIFEST).read_bytes()).hexdigest(),
        "opgehaald": manifest["fetched_at"],
    }
    return df[KOLOMMEN].reset_index(drop=True), bron


def _regio_namen(folder: Path, manifest: dict) -> dict:
    """Region code -> name from the snapshot's own code list."""
    if manifest["api"] == "v4":
        geo = next((d["Identifier"] for d in json.loads((folder / "dimensions.json").read_text())["value"]
                    if d.get("Kind") == "GeoDimension"), None)
        if not geo:
            return {}
        return {c["Identifier"].strip(): c["Title"].strip()
                for c in json.loads((folder / f"codes-{geo}.json").read_text())["value"]}
    namen = {}
    for entity, files in manifest.get("entities", {}).items():
        if entity.startswith("Regio"):
            for file in files:
                for c in json.loads((folder / file).read_text())["value"]:
                    namen[str(c.get("Key", "")).strip()] = str(c.get("Title", "")).strip()
    return namen


def _titel(folder: Path, manifest: dict) -> str | None:
    if manifest["api"] == "v4":
        return json.loads((folder / "properties.json").read_text()).get("Title", "").strip() or None
    files = manifest.get("entities", {}).get("TableInfos", [])
    rows = json.loads((folder / files[0]).read_text())["value"] if files else []
    return rows[0].get("Title", "").strip() if rows else None

"""Fetching the CBS catalog into raw snapshots, and reading the latest
snapshots back in the long shape for the warehouse build."""
from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
from pathlib import Path

import pandas as pd

from basis import instellingen as settings
from etl import catalog
from etl.catalog import CbsDataset
from etl.sources import cbs_v3, cbs_v4, snapshot
from etl.sources.errors import CbsFetchError

log = logging.getLogger("etl.cbs")

KOLOMMEN = ["table_id", "regio_code", "regio_naam", "periode_code", "periode", "periode_type", "periode_datum",
            "measure", "measure_title", "indicator", "eenheid", "waarde", "status", "missing_reason"]


INDELING_KOLOMMEN = ["table_id", "peiljaar", "gemeente_code", "gemeente_naam", "arbeidsmarktregio_code",
                     "arbeidsmarktregio_naam"]

NORMALISE = {"v4": cbs_v4.normalise, "v3": cbs_v3.normalise}


def resolve_maten(ds: CbsDataset, gevonden) -> dict:
    """CBS measure key in the snapshot -> catalog target, for every catalog measure; a prefix
    ('GroeneDruk_*') must match exactly one key. Missing or ambiguous: schema drift."""
    maten = {}
    for sleutel, doel in ds.maten.items():
        keys = catalog.match(sleutel, gevonden)
        if not keys and sleutel.endswith(catalog.PREFIX):
            raise CbsFetchError(f"CBS-tabel {ds.table_id}: maat {sleutel} ({doel['indicator']}) ontbreekt in de "
                                f"observaties: geen sleutel begint met {sleutel[:-1]}; hernoemd of verwijderd bij "
                                "CBS (schemawijziging); de catalogus etl/catalog.toml moet worden bijgewerkt")
        if not keys:
            raise CbsFetchError(f"CBS-tabel {ds.table_id}: maat {sleutel} ({doel['indicator']}) ontbreekt in de "
                                "observaties: hernoemd of verwijderd bij CBS (schemawijziging); de catalogus "
                                "etl/catalog.toml moet worden bijgewerkt")
        if len(keys) > 1:
            raise CbsFetchError(f"CBS-tabel {ds.table_id}: maat {sleutel} ({doel['indicator']}) is niet eenduidig: "
                                f"{', '.join(keys)} beginnen er allemaal mee (schemawijziging); maak de sleutel in "
                                "etl/catalog.toml langer")
        maten[keys[0]] = doel
    return maten


def _bekende_regios(folder: Path) -> set[str] | None:
    """Region codes of the snapshot's own code list (None: the table has no region dimension)."""
    dimensions = folder / "dimensions.json"  # v4 metadata
    if dimensions.exists():
        geo = next((d["Identifier"] for d in json.loads(dimensions.read_text())["value"]
                    if d.get("Kind") == "GeoDimension"), None)
        return {c["Identifier"].strip() for c in json.loads((folder / f"codes-{geo}.json").read_text())["value"]} \
            if geo else None
    if (folder / snapshot.MANIFEST).exists():
        return set(_regio_namen(folder, snapshot.read_manifest(folder))) or None
    return None


def _schema_check(ds: CbsDataset):
    """Refuse a snapshot whose measures, dimensions or region codes no longer match the catalog."""
    def check(folder: Path) -> None:
        if ds.soort == "indeling":
            indeling(ds, folder)
            return
        df = NORMALISE[ds.api](folder)
        resolve_maten(ds, set(df["measure"]))
        onbekend = sorted(set(df.loc[df["measure_title"].isna(), "measure"]))
        if onbekend:
            raise CbsFetchError(f"CBS-tabel {ds.table_id}: onbekende maat {', '.join(onbekend[:3])} in de observaties "
                                "(niet in MeasureCodes)")
        dims = json.loads(df["dimensies"].iloc[0]) if len(df) else {}
        for dim in ds.dimensies:
            if dim not in dims:
                raise CbsFetchError(f"CBS-tabel {ds.table_id}: dimensie {dim} ontbreekt (schemawijziging)")
        bekend = _bekende_regios(folder)
        if bekend:
            nieuw = sorted(set(df["regio_code"].dropna()) - bekend)
            if nieuw:
                raise CbsFetchError(f"CBS-tabel {ds.table_id}: onbekende regiocode {', '.join(nieuw[:3])} in de "
                                    "observaties (niet in de codelijst RegioS)")
    return check


AM_CODE = re.compile(r"AM\d{2}")


def indeling(ds: CbsDataset, folder: Path) -> pd.DataFrame:
    """Gebieden in Nederland: gemeente -> arbeidsmarktregio (code and name). The columns are found by
    their topic group's title and key prefix (CBS renumbers the keys in every edition)."""
    try:
        topics, rows = cbs_v3.string_topics(folder)
    except (ValueError, KeyError) as exc:
        raise CbsFetchError(f"CBS-tabel {ds.table_id}: indeling onleesbaar ({exc})") from None
    spec = ds.indeling
    groep = spec["groep"]
    in_groep = [t for t in topics if t["groep"] == groep]
    if not in_groep:
        raise CbsFetchError(f"CBS-tabel {ds.table_id}: onderwerpgroep {groep!r} ontbreekt in DataProperties "
                            "(schemawijziging)")
    kolommen = {}
    for doel in ("code", "naam"):
        keys = catalog.match(spec[doel], [t["key"] for t in in_groep])
        if len(keys) != 1:
            raise CbsFetchError(f"CBS-tabel {ds.table_id}: in groep {groep!r} "
                                f"{'geen' if not keys else 'meer dan één'} onderwerp {spec[doel]} "
                                f"({', '.join(keys) or 'niets gevonden'}; schemawijziging)")
        kolommen[doel] = keys[0]
    df = pd.DataFrame({
        "gemeente_code": [r["regio_code"] for r in rows],
        "gemeente_naam": [r["regio_naam"] for r in rows],
        "arbeidsmarktregio_code": [str(r.get(kolommen["code"]) or "").strip() for r in rows],
        "arbeidsmarktregio_naam": [str(r.get(kolommen["naam"]) or "").strip() for r in rows],
    })
    df = df[df["gemeente_code"].str.startswith("GM")].reset_index(drop=True)
    if df.empty:
        raise CbsFetchError(f"CBS-tabel {ds.table_id}: lege uitkomst (geen gemeenten in de indeling)")
    fout = df[~df["arbeidsmarktregio_code"].map(lambda c: bool(AM_CODE.fullmatch(c)))]
    if len(fout):
        r = fout.iloc[0]
        raise CbsFetchError(f"CBS-tabel {ds.table_id}: onbekende arbeidsmarktregiocode "
                            f"{r['arbeidsmarktregio_code']!r} bij {r['gemeente_code']} ({r['gemeente_naam']}); "
                            "verwacht AM gevolgd door twee cijfers")
    dubbel = df[df["gemeente_code"].duplicated()]
    if len(dubbel):
        raise CbsFetchError(f"CBS-tabel {ds.table_id}: gemeente {dubbel['gemeente_code'].iloc[0]} staat meer dan "
                            "eens in de indeling")
    return df


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
    maten = resolve_maten(ds, set(df["measure"]))
    df = df[df["measure"].isin(list(maten))]
    for dim, code in ds.dimensies.items():
        df = df[df["dimensies"].map(lambda s, d=dim: json.loads(s).get(d)) == code]
    df = df.assign(indicator=df["measure"].map(lambda m: maten[m]["indicator"]),
                   eenheid=df["measure"].map(lambda m: maten[m]["eenheid"]))
    # CBS publishes many counts in thousands: store whole numbers
    duizend = df["eenheid"].str.startswith("x 1000 ")
    df.loc[duizend, "waarde"] = df.loc[duizend, "waarde"] * 1000
    df.loc[duizend, "eenheid"] = df.loc[duizend, "eenheid"].str.removeprefix("x 1000 ")
    df["regio_naam"] = df["regio_code"].map(_regio_namen(folder, manifest))
    bron = _bron(ds, folder, manifest, raw_dir, len(df))
    return df[KOLOMMEN].reset_index(drop=True), bron


def _bron(ds: CbsDataset, folder: Path, manifest: dict, raw_dir: Path, rijen: int) -> dict:
    return {
        "dataset": ds.table_id,
        "titel": _titel(folder, manifest) or ds.titel,
        "bestand": str(folder.relative_to(raw_dir.parent) if raw_dir.parent in folder.parents else folder),
        "rijen": int(rijen),
        "checksum": hashlib.sha256((folder / snapshot.MANIFEST).read_bytes()).hexdigest(),
        "opgehaald": manifest["fetched_at"],
    }


def load_indeling(ds: CbsDataset, raw_dir: Path) -> tuple[pd.DataFrame, dict | None]:
    """The latest snapshot's gemeente -> arbeidsmarktregio mapping; (empty frame, None) when never fetched."""
    folder = snapshot.latest(raw_dir, ds.table_id)
    if folder is None:
        return pd.DataFrame(columns=INDELING_KOLOMMEN), None
    manifest = snapshot.read_manifest(folder)
    df = indeling(ds, folder).assign(table_id=ds.table_id, peiljaar=_periode(folder, manifest))
    return df[INDELING_KOLOMMEN], _bron(ds, folder, manifest, raw_dir, len(df))


def _periode(folder: Path, manifest: dict) -> str | None:
    """The table's period as CBS states it in TableInfos (Gebieden in Nederland: the edition year)."""
    return str(_tableinfo(folder, manifest).get("Period", "")).strip() or None


def _tableinfo(folder: Path, manifest: dict) -> dict:
    files = manifest.get("entities", {}).get("TableInfos", [])
    rows = json.loads((folder / files[0]).read_text())["value"] if files else []
    return rows[0] if rows else {}


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
    return str(_tableinfo(folder, manifest).get("Title", "")).strip() or None

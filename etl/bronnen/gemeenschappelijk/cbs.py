"""What the CBS sources (cbs_v4, cbs_v3) share once a snapshot is normalised
to the long shape: matching the catalog's measures (also by prefix), the
schema check that refuses a drifted snapshot (also one whose slice is empty or
holds a value outside its unit's range, inf or NaN), selecting the catalog's slice
in our indicator names, and the meta.sources row of a snapshot."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from basis.fouten import Fout
from etl import catalog
from etl.bronnen.gemeenschappelijk import grenzen, snapshot
from etl.bronnen.gemeenschappelijk.csvbestand import LoadError
from etl.bronnen.gemeenschappelijk.fouten import CbsFetchError
from etl.catalog import CbsDataset

RAW_TABLE = "cbs_observaties"
KOLOMMEN = ["table_id", "regio_code", "regio_naam", "periode_code", "periode", "periode_type", "periode_datum",
            "measure", "measure_title", "indicator", "eenheid", "waarde", "status", "missing_reason"]
TEKST = ["table_id", "regio_code", "regio_naam", "periode_code", "periode", "periode_type", "measure",
         "measure_title", "indicator", "eenheid", "status", "missing_reason"]
# fixed types: a table without regions or statuses would otherwise give all-NaN float columns
DTYPES = {"waarde": "float64", **{k: "string" for k in TEKST}}


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


def check(ds: CbsDataset, df: pd.DataFrame, bekende_regios: set[str] | None) -> None:
    """Refuse a normalised snapshot whose measures, dimensions or region codes no longer match the catalog."""
    resolve_maten(ds, set(df["measure"]))
    onbekend = sorted(set(df.loc[df["measure_title"].isna(), "measure"]))
    if onbekend:
        raise CbsFetchError(f"CBS-tabel {ds.table_id}: onbekende maat {', '.join(onbekend[:3])} in de observaties "
                            "(niet in MeasureCodes)")
    dims = json.loads(df["dimensies"].iloc[0]) if len(df) else {}
    for dim in ds.dimensies:
        if dim not in dims:
            raise CbsFetchError(f"CBS-tabel {ds.table_id}: dimensie {dim} ontbreekt (schemawijziging)")
    if bekende_regios:
        nieuw = sorted(set(df["regio_code"].dropna()) - bekende_regios)
        if nieuw:
            raise CbsFetchError(f"CBS-tabel {ds.table_id}: onbekende regiocode {', '.join(nieuw[:3])} in de "
                                "observaties (niet in de codelijst RegioS)")
    gekozen = select(ds, df, {})
    if gekozen.empty:
        raise CbsFetchError(f"CBS-tabel {ds.table_id}: geen enkele observatie voor de maten en dimensiecodes van "
                            "de catalogus (de tabel zou al zijn cijfers verliezen); controleer etl/catalog.toml")
    waarden(ds, gekozen)


def waarden(ds: CbsDataset, df: pd.DataFrame) -> None:
    """Refuse a value that is not a finite number in the plausible range of its unit (grenzen.cbs_bereik)."""
    for eenheid, groep in df.groupby("eenheid"):
        laag, hoog = grenzen.cbs_bereik(eenheid)
        w = groep["waarde"]
        fout = groep[(w.notna() & ~w.between(laag, hoog)) | (w.isna() & groep["missing_reason"].isna())]
        if not fout.empty:
            r = fout.iloc[0]
            raise CbsFetchError(f"CBS-tabel {ds.table_id}: maat {r['measure']} ({r['indicator']}) heeft de waarde "
                                f"{r['waarde']:g} voor regio {r['regio_code'] or '-'}, periode {r['periode_code']}; "
                                f"verwacht een eindig getal van {grenzen.nl(laag)} tot en met {grenzen.nl(hoog)} "
                                f"{eenheid} ({len(fout)} waarde(n) buiten dit bereik)")


def getal(value) -> float | None:
    """A JSON value as a float: None for null, inf for a number too large for a float, NaN for text
    (both refused by the check)."""
    if value is None:
        return None
    try:
        return float(value)
    except OverflowError:
        return float("inf")
    except (TypeError, ValueError):
        return float("nan")


def select(ds: CbsDataset, df: pd.DataFrame, regio_namen: dict) -> pd.DataFrame:
    """The catalog's measures and dimension codes of a normalised snapshot, with our indicator names."""
    maten = resolve_maten(ds, set(df["measure"]))
    df = df[df["measure"].isin(list(maten))]
    if ds.dimensies:   # parse each distinct dimension combination once, not once per row
        gelezen = {s: json.loads(s) for s in df["dimensies"].unique()}
        passend = {s for s, d in gelezen.items() if all(d.get(k) == v for k, v in ds.dimensies.items())}
        df = df[df["dimensies"].isin(passend)]
    df = df.assign(indicator=df["measure"].map(lambda m: maten[m]["indicator"]),
                   eenheid=df["measure"].map(lambda m: maten[m]["eenheid"]))
    # CBS publishes many counts in thousands: store whole numbers
    duizend = df["eenheid"].str.startswith("x 1000 ")
    df.loc[duizend, "waarde"] = df.loc[duizend, "waarde"] * 1000
    df.loc[duizend, "eenheid"] = df.loc[duizend, "eenheid"].str.removeprefix("x 1000 ")
    df["regio_naam"] = df["regio_code"].map(regio_namen)
    return df[KOLOMMEN].reset_index(drop=True)


def leeg() -> pd.DataFrame:
    return pd.DataFrame(columns=KOLOMMEN)


def bron(ds, folder: Path, raw_dir: Path, rijen: int, titel: str | None) -> dict:
    """The meta.sources row of one snapshot."""
    manifest = snapshot.read_manifest(folder)
    return {
        "dataset": ds.table_id,
        "titel": titel or ds.titel,
        "bestand": str(folder.relative_to(raw_dir.parent) if raw_dir.parent in folder.parents else folder),
        "rijen": int(rijen),
        "checksum": hashlib.sha256((folder / snapshot.MANIFEST).read_bytes()).hexdigest(),
        "opgehaald": manifest["fetched_at"],
    }


def laad(ds: CbsDataset, raw_dir: Path, api: str, normalise, regio_namen, titel) -> tuple[pd.DataFrame, dict | None]:
    """The latest snapshot's observations for the catalog's measures and dimension codes, with our
    indicator names; (empty frame, None) when the table was never fetched. `normalise`, `regio_namen`
    and `titel` are the API's own readers of a snapshot folder."""
    folder = snapshot.latest(raw_dir, ds.table_id)
    if folder is None:
        return leeg(), None
    opgehaald_met = snapshot.read_manifest(folder)["api"]
    if opgehaald_met != api:   # the catalog moved the table to another API: read it with that one
        from etl import bronnen
        return bronnen.module(f"cbs_{opgehaald_met}").load(ds, raw_dir)
    try:
        df = select(ds, normalise(folder), regio_namen(folder))
        return df, bron(ds, folder, raw_dir, len(df), titel(folder))
    except Exception as exc:  # noqa: BLE001 - a damaged snapshot is reported in Dutch with its folder
        raise onleesbaar(ds.table_id, folder, exc) from exc


def onleesbaar(table_id: str, folder: Path, exc: Exception) -> LoadError:
    """A snapshot that was checked when fetched but can no longer be read (edited or damaged on disk)."""
    return LoadError([Fout(str(folder), None, None,
                           f"CBS-tabel {table_id}: de opname is niet (meer) leesbaar ({type(exc).__name__}: {exc}); "
                           "verwijder deze map om de vorige opname te gebruiken, of haal de tabel opnieuw op")])

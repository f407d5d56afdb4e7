"""CBS OData v3 (opendata.cbs.nl) through the cbsodata package: the table's
service document, its metadata and code lists and the TypedDataSet, following
odata.nextLink. Every response is stored byte for byte as an immutable
snapshot; normalise() turns a snapshot into the long shape of the v4 client."""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pandas as pd

from etl.bronnen.cbs_v3.relay import SERVICE, Relay  # noqa: F401 - SERVICE: file name of the service document
from etl.bronnen.gemeenschappelijk import cbs, perioden, retry
from etl.bronnen.gemeenschappelijk.fouten import CbsFetchError
from etl.bronnen.gemeenschappelijk.snapshot import SnapshotWriter, read_manifest

if TYPE_CHECKING:   # imported when something is fetched, not by an offline build
    import requests

log = logging.getLogger("etl.bronnen.cbs_v3")

COLUMNS = ["table_id", "regio_code", "periode_code", "periode", "periode_type", "periode_datum",
           "measure", "measure_title", "dimensies", "waarde", "status", "missing_reason"]
DATASET = "TypedDataSet"
MISSING = "leeg in CBS-bestand"
NO_PROXY = {"http": None, "https": None}   # cbsodata talks to the relay on loopback, never through a proxy


def fetch_table(table_id: str, base_url: str, raw_dir: Path, filters: str | None = None,
                select: list[str] | None = None, timeout: float = 30, retries: int = 3,
                backoff: float = 0.5, check=None, session: requests.Session | None = None,
                deadline_tabel: float | None = None, deadline_verzoek: float | None = None) -> Path:
    """Fetch one v3 table into <raw_dir>/cbs/<table>/<timestamp>/; returns the snapshot folder.
    `retries` is the number of attempts per request; `check(folder)` may raise CbsFetchError on the
    complete but uncommitted snapshot (schema drift); `deadline_tabel` / `deadline_verzoek`: seconds the
    whole table / one request (retries included) may take, on top of the per-read `timeout`. cbsodata is used only through its public
    download_data(catalog_url=...) and options.use_https (restored afterwards); see relay.py."""
    import cbsodata
    import requests

    base_url = base_url.rstrip("/")
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise CbsFetchError(f"ongeldige CBS-basis-URL {base_url!r}; verwacht bijv. https://opendata.cbs.nl")
    writer = SnapshotWriter(table_id, "v3", raw_dir)
    relay = Relay(table_id, base_url, writer, timeout, retries, backoff, session=session,
                  tijden=retry.Deadlines(table_id, deadline_tabel, deadline_verzoek))
    try:
        with relay:
            old_https = cbsodata.options.use_https
            cbsodata.options.use_https = False      # the relay is plain HTTP on loopback
            try:
                # typed=False is what makes cbsodata fetch the TypedDataSet (its flag is inverted)
                cbsodata.download_data(table_id, typed=False, select=select, filters=filters,
                                       catalog_url=relay.catalog_url, proxies=NO_PROXY)
            except (requests.RequestException, ValueError, KeyError, TypeError) as exc:
                if relay.error:
                    raise relay.error from None
                raise CbsFetchError(f"CBS-tabel {table_id}: ophalen mislukt ({type(exc).__name__}: {exc})") from exc
            finally:
                cbsodata.options.use_https = old_https
        if relay.error:
            raise relay.error
        if DATASET not in relay.entities:
            raise CbsFetchError(f"CBS-tabel {table_id}: de tabel heeft geen {DATASET}")
        extra = {"base_url": base_url, "filters": filters, "select": select,
                 "client": f"cbsodata {getattr(cbsodata, '__version__', '?')}",
                 "pages": len(relay.entities[DATASET]), "entities": relay.entities}
        return writer.commit(rows=relay.rows[DATASET], extra=extra, check=check)
    except BaseException:
        writer.abort()
        raise


def _entity(snapshot_dir: Path, entities: dict, name: str) -> list[dict]:
    """All rows of one entity, across its pages."""
    rows = []
    for file in entities.get(name, []):
        rows += json.loads((snapshot_dir / file).read_text(encoding="utf-8"))["value"]
    return rows


def _region_dimension(dims: list[dict], codes: dict[str, list[dict]]) -> str | None:
    """The GeoDimension/GeoDetail, else a plain dimension whose codes are all region codes (GM9001)."""
    for d in dims:
        if d["Type"] in ("GeoDimension", "GeoDetail"):
            return d["Key"]
    for d in dims:
        keys = [c["Key"].strip() for c in codes.get(d["Key"], [])]
        if d["Type"] == "Dimension" and keys and all(
                len(k) >= 4 and k[:2].isalpha() and k[:2].isupper() and k[2:].isdigit() for k in keys):
            return d["Key"]
    return None


def _number(value) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return cbs.getal(value)     # a number too large for a float: inf, refused by the check
    try:
        return float(str(value).strip())
    except ValueError:
        return None


def normalise(snapshot_dir: Path) -> pd.DataFrame:
    """The long shape shared with the v4 client: one row per observation and measure.
    A missing value is NaN in the float column `waarde`, with its reason."""
    snapshot_dir = Path(snapshot_dir)
    manifest = read_manifest(snapshot_dir)
    table_id, entities = manifest["table_id"], manifest["entities"]
    props = _entity(snapshot_dir, entities, "DataProperties")
    dims = [p for p in props if p.get("Type") in ("Dimension", "TimeDimension", "GeoDimension", "GeoDetail")]
    codes = {d["Key"]: _entity(snapshot_dir, entities, d["Key"]) for d in dims}
    time_dim = next((d["Key"] for d in dims if d["Type"] == "TimeDimension"), None)
    if time_dim is None:
        raise ValueError(f"CBS-tabel {table_id}: geen tijdsdimensie (Perioden/Periods) in DataProperties")
    region_dim = _region_dimension(dims, codes)
    others = [d["Key"] for d in dims if d["Key"] not in (time_dim, region_dim)]
    # numeric topics only: string topics (e.g. Gemeentenaam_1) are labels, not values
    measures = {p["Key"]: p.get("Title") for p in props
                if p.get("Type") == "Topic" and p.get("Datatype") != "String"}
    status = {c["Key"].strip(): c.get("Status") for c in codes[time_dim]}
    periods: dict[str, tuple] = {}
    rows = []
    for obs in _entity(snapshot_dir, entities, DATASET):
        code = obs[time_dim]
        if code not in periods:
            periods[code] = perioden.parse(code)
        periode, soort, datum = periods[code]
        regio = obs[region_dim].strip() if region_dim else None
        dimensies = json.dumps({d: str(obs[d]).strip() for d in others}, sort_keys=True, ensure_ascii=False)
        for key, title in measures.items():
            if key not in obs:      # left out by select
                continue
            waarde = _number(obs[key])
            rows.append((table_id, regio, code.strip(), periode, soort, datum, key, title, dimensies,
                         waarde, status.get(code.strip()), None if waarde is not None else MISSING))
    return pd.DataFrame(rows, columns=COLUMNS)


def string_topics(snapshot_dir: Path) -> tuple[list[dict], list[dict]]:
    """The text topics of a table without periods (Gebieden in Nederland): ([{key, title, groep}],
    [{regio_code, regio_naam, <key>: text}]), groep being the title of the topic's own group."""
    snapshot_dir = Path(snapshot_dir)
    entities = read_manifest(snapshot_dir)["entities"]
    props = _entity(snapshot_dir, entities, "DataProperties")
    groepen = {p["ID"]: p.get("Title") for p in props if p.get("Type") == "TopicGroup"}
    topics = [{"key": p["Key"], "title": p.get("Title"), "groep": groepen.get(p.get("ParentID"))}
              for p in props if p.get("Type") == "Topic" and p.get("Datatype") == "String"]
    dims = [p for p in props if p.get("Type") in ("Dimension", "TimeDimension", "GeoDimension", "GeoDetail")]
    codes = {d["Key"]: _entity(snapshot_dir, entities, d["Key"]) for d in dims}
    region_dim = _region_dimension(dims, codes)
    if region_dim is None:
        raise ValueError(f"CBS-tabel {read_manifest(snapshot_dir)['table_id']}: geen regiodimensie in DataProperties")
    namen = {c["Key"].strip(): str(c.get("Title") or "").strip() for c in codes[region_dim]}
    rows = []
    for obs in _entity(snapshot_dir, entities, DATASET):
        code = obs[region_dim].strip()
        rows.append({"regio_code": code, "regio_naam": namen.get(code, code),
                     **{t["key"]: obs.get(t["key"]) for t in topics}})
    return topics, rows


def tableinfo(snapshot_dir: Path) -> dict:
    rows = _entity(Path(snapshot_dir), read_manifest(snapshot_dir).get("entities", {}), "TableInfos")
    return rows[0] if rows else {}


def titel(snapshot_dir: Path) -> str | None:
    return str(tableinfo(snapshot_dir).get("Title", "")).strip() or None


def periode(snapshot_dir: Path) -> str | None:
    """The table's period as CBS states it in TableInfos (Gebieden in Nederland: the edition year)."""
    return str(tableinfo(snapshot_dir).get("Period", "")).strip() or None


def regio_namen(snapshot_dir: Path) -> dict:
    """Region code -> name from the snapshot's own code lists (every entity named Regio*)."""
    snapshot_dir = Path(snapshot_dir)
    namen = {}
    for entity, files in read_manifest(snapshot_dir).get("entities", {}).items():
        if entity.startswith("Regio"):
            for file in files:
                for c in json.loads((snapshot_dir / file).read_text(encoding="utf-8"))["value"]:
                    namen[str(c.get("Key", "")).strip()] = str(c.get("Title", "")).strip()
    return namen

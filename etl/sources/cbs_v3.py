"""CBS OData v3 (opendata.cbs.nl) through the cbsodata package: the table's
service document, its metadata and code lists and the TypedDataSet, following
odata.nextLink. Every response is stored byte for byte as an immutable
snapshot; normalise() turns a snapshot into the long shape of the v4 client."""
from __future__ import annotations

import functools
import json
import logging
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import cbsodata
import cbsodata.cbsodata3 as cbs
import pandas as pd
import requests

from etl.sources import perioden, retry
from etl.sources.snapshot import SnapshotWriter, read_manifest
from etl.sources.errors import CbsFetchError  # noqa: F401 - raised here, caught by callers

log = logging.getLogger("etl.sources.cbs_v3")

COLUMNS = ["table_id", "regio_code", "periode_code", "periode", "periode_type", "periode_datum",
           "measure", "measure_title", "dimensies", "waarde", "status", "missing_reason"]
SERVICE = "service"          # file name (without .json) of the table's service document
DATASET = "TypedDataSet"
MISSING = "leeg in CBS-bestand"


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


class _Recorder:
    """Checks, retries and stores every request cbsodata makes during one fetch."""

    def __init__(self, table_id, base_url, writer, timeout, retries, backoff):
        self.table_id, self.base_url, self.writer = table_id, base_url, writer
        self.timeout, self.retries, self.backoff = timeout, max(1, retries), backoff
        self.table_url = None          # set once cbsodata's settings point at base_url
        self.entities: dict[str, list[str]] = {}
        self.rows: dict[str, int] = {}
        self.current = None
        self.next_pending = False

    def fail(self, cause: str):
        raise CbsFetchError(f"CBS-tabel {self.table_id}: {cause}")

    def check_host(self, url: str, what: str) -> None:
        if _origin(url) != _origin(self.base_url):
            self.fail(f"{what} {url} wijst naar een andere server dan {self.base_url}; die wordt niet gevolgd")

    def send(self, session: requests.Session, request, **kwargs) -> requests.Response:
        self.check_host(request.url, "adres")
        kwargs.update(timeout=self.timeout, allow_redirects=False)
        response, cause = retry.request(lambda: requests.Session.send(session, request, **kwargs),
                                        self.timeout, self.retries, self.backoff)
        if response is None:
            self.fail(f"{cause} ({request.url})")
        if response.status_code == 200:
            self.store(request.url, response.content)
            return response
        cause = f"server antwoordde {response.status_code}"
        if response.is_redirect:
            self.fail(f"{cause} met een doorverwijzing naar {response.headers.get('Location')} "
                      f"op {request.url}; doorverwijzingen worden niet gevolgd")
        self.fail(f"{cause} op {request.url}")

    def store(self, url: str, body: bytes) -> None:
        try:
            doc = json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            self.fail(f"antwoord op {url} is geen geldige JSON (afgebroken of beschadigd: {exc})")
        if not isinstance(doc, dict) or not isinstance(doc.get("value"), list):
            self.fail(f"antwoord op {url} heeft geen lijst 'value'")
        if self.next_pending:      # cbsodata requests odata.nextLink right after the page carrying it
            name = self.current
        else:
            rest = url[len(self.table_url):] if url.startswith(self.table_url) else urlsplit(url).path
            name = rest.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1] or SERVICE
            if name in self.entities:
                self.fail(f"{name} werd twee keer opgevraagd ({url})")
            self.current = name
        files = self.entities.setdefault(name, [])
        files.append(f"{name}.json" if not files else f"{name}-page-{len(files) + 1}.json")
        self.writer.add(files[-1], url, body, rows=len(doc["value"]))
        self.rows[name] = self.rows.get(name, 0) + len(doc["value"])
        log.info("opgehaald: %s (%d bytes, %d rijen)", url, len(body), len(doc["value"]))
        link = doc.get("odata.nextLink")
        self.next_pending = bool(link)
        if link:
            self.check_host(link, "odata.nextLink")


class _RecordingSession(requests.Session):
    def __init__(self, recorder: _Recorder):
        super().__init__()
        self.recorder = recorder

    def send(self, request, **kwargs):
        return self.recorder.send(self, request, **kwargs)


@contextmanager
def _cbsodata_at(base_url: str, recorder: _Recorder):
    """Point cbsodata at base_url and route its requests through recorder; restore afterwards."""
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise CbsFetchError(f"ongeldige CBS-basis-URL {base_url!r}; verwacht bijv. https://opendata.cbs.nl")
    old_url, old_https, old_session = cbsodata.options.catalog_url, cbsodata.options.use_https, cbs.Session
    cbsodata.options.catalog_url = parts.netloc + parts.path.rstrip("/")
    cbsodata.options.use_https = parts.scheme == "https"
    cbs.Session = functools.partial(_RecordingSession, recorder)
    try:
        yield cbsodata.options.catalog_url
    finally:
        cbs.Session = old_session
        cbsodata.options.catalog_url, cbsodata.options.use_https = old_url, old_https


def fetch(table_id: str, base_url: str, raw_dir: Path, filters: str | None = None,
          select: list[str] | None = None, timeout: float = 30, retries: int = 3,
          backoff: float = 0.5) -> Path:
    """Fetch one v3 table into <raw_dir>/cbs/<table>/<timestamp>/; returns the snapshot folder.
    `retries` is the number of attempts per request."""
    base_url = base_url.rstrip("/")
    writer = SnapshotWriter(table_id, "v3", raw_dir)
    recorder = _Recorder(table_id, base_url, writer, timeout, retries, backoff)
    try:
        with _cbsodata_at(base_url, recorder) as catalog_url:
            recorder.table_url = cbs._get_table_url(table_id, catalog_url)
            # typed=False is what makes cbsodata fetch the TypedDataSet (its flag is inverted)
            cbsodata.download_data(table_id, typed=False, select=select, filters=filters,
                                   catalog_url=catalog_url)
        if DATASET not in recorder.entities:
            raise CbsFetchError(f"CBS-tabel {table_id}: de tabel heeft geen {DATASET}")
        extra = {"base_url": base_url, "filters": filters, "select": select,
                 "client": f"cbsodata {getattr(cbsodata, '__version__', '?')}",
                 "pages": len(recorder.entities[DATASET]), "entities": recorder.entities}
        return writer.commit(rows=recorder.rows[DATASET], extra=extra)
    except CbsFetchError:
        writer.abort()
        raise
    except (requests.RequestException, ValueError, KeyError, TypeError) as exc:
        writer.abort()
        raise CbsFetchError(f"CBS-tabel {table_id}: ophalen mislukt ({type(exc).__name__}: {exc})") from exc
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
        return float(value)
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

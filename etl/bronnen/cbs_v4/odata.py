"""CBS OData v4 (datasets.cbs.nl) with plain HTTP: Properties, Dimensions,
MeasureCodes, <Dimension>Codes and Observations, following @odata.nextLink
until done. Responses are stored unchanged as an immutable snapshot; the
file names are those of the recorded captures, so normalise() reads both."""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pandas as pd

from etl.bronnen.gemeenschappelijk import cbs, perioden, retry
from etl.bronnen.gemeenschappelijk.fouten import CbsFetchError  # noqa: F401 - raised here, caught by callers
from etl.bronnen.gemeenschappelijk.snapshot import SnapshotWriter

if TYPE_CHECKING:   # imported when something is fetched, not by an offline build
    import requests

log = logging.getLogger("etl.bronnen.cbs_v4")

def _same_host(url: str, base_url: str) -> bool:
    a, b = urlsplit(url), urlsplit(base_url)
    return (a.scheme, a.netloc) == (b.scheme, b.netloc)


def _get(session: requests.Session, url: str, table_id: str, params: dict | None, timeout: float,
         retries: int, backoff: float, tijden: retry.Deadlines | None = None) -> bytes:
    """GET with retries on connection errors, timeouts and 429/5xx (after Retry-After); a 4xx is final.
    `tijden`: the overall deadlines of the table's fetch."""
    tijden = tijden or retry.Deadlines(table_id, None, None)
    response, body, oorzaak = retry.request(
        lambda t: session.get(url, params=params, timeout=t, stream=True), timeout, retries, backoff, tijden.eind())
    if response is None:
        raise CbsFetchError(f"CBS-tabel {table_id}: {tijden.uitleg(oorzaak)} ({url})")
    if response.status_code != 200:
        raise CbsFetchError(f"CBS-tabel {table_id}: server antwoordde {response.status_code} op {url}")
    log.info("opgehaald: %s (%d bytes)", response.url, len(body))
    return body


def _json(body: bytes, table_id: str, what: str) -> dict:
    try:
        return json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CbsFetchError(f"CBS-tabel {table_id}: antwoord op {what} is geen geldige JSON "
                            f"(afgebroken of beschadigd: {exc.msg} op positie {exc.pos})") from None


def fetch_table(table_id: str, base_url: str, raw_dir: Path, filter: str | None = None,
          session: requests.Session | None = None, timeout: float = 30, retries: int = 3,
          backoff: float = 0.5, progress=None, check=None, deadline_tabel: float | None = None,
          deadline_verzoek: float | None = None) -> Path:
    """Fetch one table into data/raw/cbs/<table>/<timestamp>/; returns the snapshot folder.
    `progress(pages, rows)` is called after every observations page; `check(folder)`
    may raise CbsFetchError on the complete but uncommitted snapshot (schema drift).
    `deadline_tabel` / `deadline_verzoek`: seconds the whole table / one request (retries included)
    may take, on top of the per-read `timeout`."""
    import requests

    base_url = base_url.rstrip("/")
    tijden = retry.Deadlines(table_id, deadline_tabel, deadline_verzoek)
    session = session or requests.Session()
    table_url = f"{base_url}/{table_id}"
    writer = SnapshotWriter(table_id, "v4", raw_dir)

    def get(name: str, url: str, params: dict | None = None) -> dict:
        body = _get(session, url, table_id, params, timeout, retries, backoff, tijden)
        data = _json(body, table_id, name)
        writer.add(name, url if not params else requests.Request("GET", url, params=params).prepare().url, body,
                   rows=len(data["value"]) if isinstance(data.get("value"), list) else None)
        return data

    try:
        get("properties.json", f"{table_url}/Properties")
        dimensies = get("dimensions.json", f"{table_url}/Dimensions")["value"]
        get("measure-codes.json", f"{table_url}/MeasureCodes")
        for dim in dimensies:
            if dim.get("ContainsCodes"):
                # built from our base URL, never from CodesUrl in the metadata
                get(f"codes-{dim['Identifier']}.json", f"{table_url}/{dim['Identifier']}Codes")
        url, params, pagina, rijen = f"{table_url}/Observations", ({"$filter": filter} if filter else None), 0, 0
        while url:
            pagina += 1
            data = get(f"observations-page-{pagina}.json", url, params)
            if not isinstance(data.get("value"), list):
                raise CbsFetchError(f"CBS-tabel {table_id}: pagina {pagina} van de observaties heeft geen 'value'")
            rijen += len(data["value"])
            if progress:
                progress(pagina, rijen)
            url, params = data.get("@odata.nextLink"), None
            if url and not _same_host(url, base_url):
                raise CbsFetchError(f"CBS-tabel {table_id}: volgende pagina verwijst naar een andere server "
                                    f"({urlsplit(url).netloc}); alleen {urlsplit(base_url).netloc} is toegestaan")
        if rijen == 0:
            raise CbsFetchError(f"CBS-tabel {table_id}: lege uitkomst (0 observaties"
                                f"{' voor filter ' + filter if filter else ''})")
        return writer.commit(rows=rijen, extra={"base_url": base_url, "filter": filter, "pages": pagina},
                             check=check)
    except BaseException:
        writer.abort()
        raise


def _read(snapshot_dir: Path, name: str) -> dict:
    return json.loads((snapshot_dir / name).read_text(encoding="utf-8"))


def normalise(snapshot_dir: Path) -> pd.DataFrame:
    """The long shape shared with the v3 client: one row per observation."""
    snapshot_dir = Path(snapshot_dir)
    table_id = _read(snapshot_dir, "properties.json")["Identifier"]
    dims = _read(snapshot_dir, "dimensions.json")["value"]
    regio_dim = next((d["Identifier"] for d in dims if d.get("Kind") == "GeoDimension"), None)
    tijd_dim = next((d["Identifier"] for d in dims if d.get("Kind") == "TimeDimension"), "Perioden")
    andere = [d["Identifier"] for d in dims if d["Identifier"] not in (regio_dim, tijd_dim)]
    maten = {m["Identifier"]: m["Title"] for m in _read(snapshot_dir, "measure-codes.json")["value"]}
    status = {c["Identifier"]: c.get("Status") for c in _read(snapshot_dir, f"codes-{tijd_dim}.json")["value"]}
    pages = sorted(snapshot_dir.glob("observations-page-*.json"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    rows = []
    periode_cache: dict[str, tuple] = {}
    dims_cache: dict[tuple, str] = {}   # one JSON text per distinct combination of the other dimensions
    for page in pages:
        for obs in json.loads(page.read_text(encoding="utf-8"))["value"]:
            code = obs[tijd_dim]
            if code not in periode_cache:
                periode_cache[code] = perioden.parse(code)
            periode, soort, datum = periode_cache[code]
            waarde = obs.get("Value")
            sleutel = tuple(str(obs[d]) for d in andere)
            if sleutel not in dims_cache:
                dims_cache[sleutel] = json.dumps({d: s.strip() for d, s in zip(andere, sleutel, strict=True)},
                                                 sort_keys=True)
            rows.append((
                table_id, obs[regio_dim].strip() if regio_dim else None, code.strip(), periode, soort, datum,
                obs["Measure"], maten.get(obs["Measure"]),
                dims_cache[sleutel],
                cbs.getal(waarde), status.get(code),
                None if waarde is not None else (obs.get("ValueAttribute") or "leeg in CBS-bestand"),
            ))
    return pd.DataFrame(rows, columns=["table_id", "regio_code", "periode_code", "periode", "periode_type",
                                       "periode_datum", "measure", "measure_title", "dimensies", "waarde",
                                       "status", "missing_reason"])


def geo_dimension(snapshot_dir: Path) -> str | None:
    return next((d["Identifier"] for d in _read(Path(snapshot_dir), "dimensions.json")["value"]
                 if d.get("Kind") == "GeoDimension"), None)


def regio_namen(snapshot_dir: Path) -> dict:
    """Region code -> name from the snapshot's own code list ({} when the table has no regions)."""
    geo = geo_dimension(snapshot_dir)
    if not geo:
        return {}
    return {c["Identifier"].strip(): c["Title"].strip()
            for c in _read(Path(snapshot_dir), f"codes-{geo}.json")["value"]}


def titel(snapshot_dir: Path) -> str | None:
    return _read(Path(snapshot_dir), "properties.json").get("Title", "").strip() or None

"""CBS/PDOK gebiedsindelingen: generalised boundaries of the arbeidsmarktregio's and gemeenten as GeoJSON, one
feature per area with its CBS code in `properties.statcode`. Catalog entry `[pdok.<id>]` with `lagen`
(laag -> file name without .geojson); base URL: the setting `pdok_url` (PDOK_URL).

fetch: every layer over HTTP -> checked (a FeatureCollection, every feature a statcode of the right kind, no
duplicates; the arbeidsmarktregio's exactly the regions of data/raw/referentie/regios.csv) -> immutable snapshot
with manifest; on any fault a Dutch FetchError naming the source, file and code, and the previous snapshot keeps
serving. load: one row per area (raw.pdok_geometrie) with its geometry as GeoJSON text."""
from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pandas as pd

from basis.instellingen import Instellingen
from etl.bronnen.gemeenschappelijk import retry, snapshot
from etl.bronnen.gemeenschappelijk.fouten import FetchError

RAW_TABLE = "pdok_geometrie"
KOLOMMEN = ["bron_id", "laag", "statcode", "statnaam", "geometrie"]
DTYPES = {k: "string" for k in KOLOMMEN}
PREFIX = {"arbeidsmarktregio": "AM", "gemeente": "GM"}
GROEP = "pdok"


def _url(instellingen: Instellingen, bestand: str) -> str:
    return f"{instellingen.pdok_url.rstrip('/')}/{bestand}.geojson"


def _haal(url: str, tijden: retry.Deadlines, timeout: float = 30, retries: int = 3, backoff: float = 0.5) -> bytes:
    """One layer, through the same network layer as CBS (retries, Retry-After, the overall deadlines)."""
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError(f"geometrie {url}: geen http(s)-adres; controleer de instelling PDOK_URL")
    import requests  # only when something is fetched, not by an offline build

    session = requests.Session()
    response, body, oorzaak = retry.request(lambda t: session.get(url, timeout=t, stream=True), timeout, retries,
                                            backoff, tijden.eind())
    if response is None:
        raise FetchError(f"geometrie {url}: {tijden.uitleg(oorzaak)}")
    if response.status_code != 200:
        raise FetchError(f"geometrie {url}: HTTP {response.status_code}")
    return body


def regiocodes(raw_dir: Path) -> set[str]:
    with open(Path(raw_dir) / "referentie" / "regios.csv", encoding="utf-8") as fh:
        return {r["code"] for r in csv.DictReader(fh) if r["soort"] == "arbeidsmarktregio"}


def features(laag: str, bestand: str, body: bytes, regios: set[str] | None = None) -> list[dict]:
    """The checked features of one layer; FetchError (Dutch, naming file and code) when the file is no usable
    GeoJSON or its statcodes do not match."""
    try:
        doc = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FetchError(f"geometrie {bestand}: geen geldige GeoJSON (afgebroken of kapot: {exc})") from None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        raise FetchError(f"geometrie {bestand}: geen GeoJSON FeatureCollection")
    if not doc["features"]:
        raise FetchError(f"geometrie {bestand}: geen enkel gebied")
    prefix = PREFIX.get(laag, "")
    gezien: set[str] = set()
    for i, f in enumerate(doc["features"]):
        code = str(((f or {}).get("properties") or {}).get("statcode") or "").strip()
        if not code.startswith(prefix) or not (f.get("geometry") or {}).get("coordinates"):
            raise FetchError(f"geometrie {bestand}: gebied {i + 1} heeft geen geldige statcode ({code or 'leeg'}; "
                             f"verwacht {prefix}..) of geen geometrie")
        if code in gezien:
            raise FetchError(f"geometrie {bestand}: statcode {code} komt meer dan eens voor")
        gezien.add(code)
    if regios is not None:
        ontbreekt, extra = sorted(regios - gezien), sorted(gezien - regios)
        if ontbreekt or extra:
            raise FetchError(f"geometrie {bestand}: de statcodes passen niet bij de regio's van "
                             f"data/raw/referentie/regios.csv (ontbreekt: {', '.join(ontbreekt) or 'geen'}; "
                             f"onbekend: {', '.join(extra) or 'geen'})")
    return doc["features"]


def fetch(entry, instellingen: Instellingen, progress=None, **kwargs) -> Path:
    """kwargs: timeout, retries, backoff (tests), and deadline_tabel / deadline_verzoek (default: the settings)."""
    kwargs = retry.deadlines(instellingen, kwargs)
    tijden = retry.Deadlines(entry.id, kwargs.pop("deadline_tabel"), kwargs.pop("deadline_verzoek"))
    lagen = entry.opties.get("lagen") or {}
    if not lagen:
        raise FetchError(f"[pdok.{entry.id}] in etl/catalog.toml noemt geen lagen")
    writer = snapshot.SnapshotWriter(entry.id, "geojson", instellingen.raw_dir, groep=GROEP)
    try:
        rijen = 0
        for laag, bestand in lagen.items():
            url = _url(instellingen, bestand)
            body = _haal(url, tijden, **kwargs)
            regios = regiocodes(instellingen.raw_dir) if laag == "arbeidsmarktregio" else None
            n = len(features(laag, bestand, body, regios))
            writer.add(f"{laag}.geojson", url, body, rows=n)
            rijen += n
            if progress:
                progress(1, n)
        return writer.commit(rijen, extra={"lagen": lagen})
    except BaseException:
        writer.abort()
        raise


def load(entry, raw_dir: Path) -> tuple[pd.DataFrame, dict | None]:
    folder = snapshot.latest(raw_dir, entry.id, GROEP)
    if folder is None:
        return pd.DataFrame(columns=KOLOMMEN), None
    manifest = snapshot.read_manifest(folder)
    rijen = []
    for laag, bestand in manifest.get("lagen", {}).items():
        for f in features(laag, bestand, (folder / f"{laag}.geojson").read_bytes()):
            p = f["properties"]
            rijen.append({"bron_id": entry.id, "laag": laag, "statcode": p["statcode"].strip(),
                          "statnaam": p.get("statnaam"), "geometrie": json.dumps(f["geometry"])})
    df = pd.DataFrame(rijen, columns=KOLOMMEN)
    bron = {"dataset": entry.id, "titel": entry.titel,
            "bestand": str(folder.relative_to(raw_dir.parent) if raw_dir.parent in folder.parents else folder),
            "rijen": len(df), "checksum": hashlib.sha256((folder / snapshot.MANIFEST).read_bytes()).hexdigest(),
            "opgehaald": manifest["fetched_at"]}
    return df, bron

"""An optional download URL per UWV table kind: `url = "https://..."` in an `[uwv.<tabel>]` entry of
etl/catalog.toml. `python -m etl.refresh` then fetches that file like a CBS table (retries on connection
errors, timeouts and 429/5xx; a 4xx is final; at most 10 MB), keeps the response unchanged as a raw
snapshot data/raw/uwv/<tabel>/<time>/ with a manifest, and imports it through the same checks as
`python -m etl.uwv import` (all or nothing; the same file twice is a no-op). Entries without `url` are
not fetched: the inbox and the CLI stay the default way in."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from etl.bronnen.gemeenschappelijk import retry, snapshot
from etl.bronnen.gemeenschappelijk.fouten import FetchError
from etl.bronnen.uwv import lezen

GROEP = "uwv"
DOOR = "etl.refresh (download)"


def url(entry) -> str | None:
    return (entry.opties.get("url") or "").strip() or None


def _naam(adres: str, tabel: str) -> str:
    naam = Path(unquote(urlsplit(adres).path)).name
    return naam if naam.lower().endswith((".csv", ".xlsx")) else f"{tabel}.csv"


def _haal(adres: str, tabel: str, timeout: float, retries: int, backoff: float, tijden: retry.Deadlines) -> bytes:
    import requests  # only when something is fetched, not by an offline build

    session = requests.Session()
    response, body, oorzaak = retry.request(lambda t: session.get(adres, timeout=t, stream=True), timeout, retries,
                                            backoff, tijden.eind(), grens=lezen.MAX_BYTES)
    if response is None:
        raise FetchError(f"UWV-bestand {tabel}: {tijden.uitleg(oorzaak)} ({adres})")
    if response.status_code != 200:
        raise FetchError(f"UWV-bestand {tabel}: server antwoordde {response.status_code} op {adres}")
    if len(body) > lezen.MAX_BYTES:   # refused before the rest is read
        raise FetchError(f"UWV-bestand {tabel}: {adres} is groter dan "
                         f"{lezen.MAX_BYTES // 1024 // 1024} MB; niet ingelezen")
    return body


def fetch(entry, instellingen, progress=None, timeout: float = 30, retries: int = 3, backoff: float = 0.5) -> Path:
    """Download, check and import one table kind's file; returns the raw snapshot folder. FetchError (Dutch,
    naming the table, the URL and, for a refused file, every error with its row and column) otherwise; then
    nothing is stored."""
    from etl.bronnen import uwv

    tabel = entry.opties.get("tabel", entry.id)
    adres = url(entry)
    if not adres:
        raise FetchError(f"[uwv.{entry.id}] in etl/catalog.toml heeft geen url; lees het bestand in met "
                         "python -m etl.uwv import of via de inbox")
    tijden = retry.Deadlines(tabel, instellingen.cbs_deadline_tabel, instellingen.cbs_deadline_verzoek)
    body = _haal(adres, tabel, timeout, retries, backoff, tijden)
    naam = _naam(adres, tabel)
    writer = snapshot.SnapshotWriter(entry.id, "download", instellingen.raw_dir, groep=GROEP)
    try:
        writer.add(naam, adres, body)
        try:
            uitkomst = uwv.importeer([(naam, body)], DOOR, instellingen.raw_dir)[0]
        except uwv.ImportFout as exc:
            raise FetchError(f"UWV-bestand {tabel} ({adres}) geweigerd: "
                             + "; ".join(f.tekst() for f in exc.fouten)) from None
        if progress:
            progress(1, uitkomst.feiten)
        return writer.commit(uitkomst.feiten, extra={"url": adres, "bestand": naam, "import": uitkomst.tekst()})
    except BaseException:
        writer.abort()
        raise

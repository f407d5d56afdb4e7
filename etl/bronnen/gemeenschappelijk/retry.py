"""One HTTP request with retries, shared by the CBS clients: connection
errors, timeouts and 429/5xx are retried with exponential backoff, or after
the wait a 429/503 asks for in Retry-After.

`timeout` bounds each socket read; `eind` (a time.monotonic() value) bounds the
whole request, its retries, waits and body included, so a server that sends one
byte every few seconds cannot keep a refresh running for ever. The body is read
in pieces as they arrive and the deadline checked after each; a request can
overrun its deadline by at most one read (`timeout`)."""
from __future__ import annotations

import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:   # requests is imported when something is fetched, not by an offline build
    import requests

RETRY_STATUS = {429, 500, 502, 503, 504}
WACHT_OP_SERVER = {429, 503}      # the statuses whose Retry-After we honour
STUK = 64 * 1024


def wacht_gevraagd(response: requests.Response) -> float | None:
    """Seconds from a Retry-After header (a number or an HTTP date), or None."""
    waarde = (response.headers.get("Retry-After") or "").strip()
    if not waarde:
        return None
    if waarde.isdigit():
        return float(waarde)
    try:
        return max(0.0, parsedate_to_datetime(waarde).timestamp() - time.time())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _lees(response: requests.Response, eind: float | None, grens: int | None = None) -> bytes | None:
    """The whole body, read as it arrives; None when the deadline passed first. With `grens`, reading stops
    once the body is longer than that many bytes (the caller refuses it without reading the rest)."""
    body = bytearray()
    while True:
        if eind is not None and time.monotonic() > eind:
            response.close()
            return None
        stuk = response.raw.read1(STUK, decode_content=True)
        if not stuk:
            return bytes(body)
        body += stuk
        if grens is not None and len(body) > grens:
            response.close()
            return bytes(body)


def request(call: Callable[[float], requests.Response], timeout: float, retries: int, backoff: float,
            eind: float | None = None, grens: int | None = None) -> tuple[requests.Response | None, bytes, str]:
    """(response, body, '') for a response that is not worth retrying (200, a 4xx, a redirect); (None, b'',
    Dutch cause) when every attempt failed or the deadline `eind` passed. `call(read_timeout)` sends the
    request with stream=True and that read timeout. `grens`: see _lees."""
    import requests
    import urllib3

    oorzaak = ""
    for poging in range(1, retries + 1):
        over = None if eind is None else eind - time.monotonic()
        if over is not None and over <= 0:
            return None, b"", f"{oorzaak + '; ' if oorzaak else ''}geen volledig antwoord binnen de deadline"
        response = None
        try:
            response = call(timeout if over is None else max(0.1, min(timeout, over)))
            body = _lees(response, eind, grens)
        except requests.Timeout:
            oorzaak = f"geen antwoord binnen {timeout:g} s"
        except (requests.ConnectionError, urllib3.exceptions.HTTPError, OSError) as exc:
            oorzaak = (f"geen antwoord binnen {timeout:g} s" if "timed out" in str(exc).lower()
                       else f"niet bereikbaar ({type(exc).__name__})")
        else:
            if body is None:
                return None, b"", "geen volledig antwoord binnen de deadline (de server stuurt te traag)"
            if response.status_code not in RETRY_STATUS:
                return response, body, ""
            oorzaak = f"server antwoordde {response.status_code}"
        if poging < retries:
            wacht = backoff * 2 ** (poging - 1)
            gevraagd = wacht_gevraagd(response) if response is not None and \
                response.status_code in WACHT_OP_SERVER else None
            if gevraagd is not None:
                wacht = max(wacht, gevraagd)
            if eind is not None and time.monotonic() + wacht > eind:
                return None, b"", (f"{oorzaak}; de server vraagt {gevraagd:g} s te wachten (Retry-After), langer "
                                   "dan de deadline toelaat" if gevraagd is not None and gevraagd >= wacht
                                   else f"{oorzaak}; geen tijd meer voor een volgende poging binnen de deadline")
            time.sleep(wacht)
    return None, b"", f"{oorzaak} na {retries} pogingen"


class Deadlines:
    """The overall deadlines of one table's fetch: `tabel` seconds for all its requests together and `verzoek`
    seconds for each (None: no limit)."""

    def __init__(self, table_id: str, tabel: float | None, verzoek: float | None):
        self.table_id, self.tabel, self.verzoek = table_id, tabel, verzoek
        self.einde_tabel = None if tabel is None else time.monotonic() + tabel

    def eind(self) -> float | None:
        """The deadline of a request that starts now."""
        eindes = [e for e in (self.einde_tabel, None if self.verzoek is None else time.monotonic() + self.verzoek)
                  if e is not None]
        return min(eindes) if eindes else None

    def uitleg(self, oorzaak: str) -> str:
        """`oorzaak`, with the deadlines that were set when it names one."""
        if "deadline" not in oorzaak:
            return oorzaak
        delen = ([f"{self.tabel:g} s per tabel"] if self.tabel is not None else []) + \
                ([f"{self.verzoek:g} s per verzoek"] if self.verzoek is not None else [])
        return f"{oorzaak} ({', '.join(delen)}; instelling CBS_DEADLINE_TABEL / CBS_DEADLINE_VERZOEK)"


def deadlines(instellingen, kwargs: dict) -> dict:
    """A source's fetch arguments with the settings' deadlines, unless the caller gave its own."""
    return {"deadline_tabel": instellingen.cbs_deadline_tabel,
            "deadline_verzoek": instellingen.cbs_deadline_verzoek} | kwargs

"""One HTTP request with retries, shared by the CBS clients: connection
errors, timeouts and 429/5xx are retried with exponential backoff."""
from __future__ import annotations

import time
from collections.abc import Callable

import requests

RETRY_STATUS = {429, 500, 502, 503, 504}


def request(call: Callable[[], requests.Response], timeout: float, retries: int,
            backoff: float) -> tuple[requests.Response | None, str]:
    """(response, '') for a response that is not worth retrying (200, a 4xx,
    a redirect); (None, Dutch cause with the attempt count) when every attempt failed."""
    oorzaak = ""
    for poging in range(1, retries + 1):
        try:
            response = call()
        except requests.Timeout:
            oorzaak = f"geen antwoord binnen {timeout:g} s"
        except requests.ConnectionError as exc:
            oorzaak = f"niet bereikbaar ({type(exc).__name__})"
        else:
            if response.status_code not in RETRY_STATUS:
                return response, ""
            oorzaak = f"server antwoordde {response.status_code}"
        if poging < retries:
            time.sleep(backoff * 2 ** (poging - 1))
    return None, f"{oorzaak} na {retries} pogingen"

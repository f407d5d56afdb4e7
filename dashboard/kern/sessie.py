"""A login that survives a page reload: a signed, expiring token in a browser cookie.

The token is `<payload>.<signature>`: the payload (base64url JSON) names the account and the moment the
token expires; the signature is an HMAC-SHA256 over the payload and the account's password hash, with a
server secret. So a token cannot be forged or extended without the secret, it dies with its expiry (the
idle time: every active page view issues a fresh one), and it dies at once when the account is removed or
its password changed. The secret is `[monitor] sessie_geheim` in .streamlit/secrets.toml, or else a random
key made once and kept in the monitor's data folder (data/monitor, outside git, mode 0600)."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
from pathlib import Path

from basis import instellingen as settings

COOKIE = "monitor_sessie"
INACTIEF = 30 * 60          # seconds without a page view after which the login ends
GEHEIM_BESTAND = ".sessiegeheim"


def geheim(uit_secrets: str | None = None, map: Path | None = None) -> bytes:
    """The server secret: the configured one, else the one kept in `map` (made on first use)."""
    if uit_secrets:
        return str(uit_secrets).encode()
    pad = Path(map or settings.monitor_dir()) / GEHEIM_BESTAND
    try:
        return pad.read_bytes()
    except FileNotFoundError:
        pad.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:            # another process made it just now
            return pad.read_bytes()
        sleutel = secrets.token_hex(32).encode()
        with os.fdopen(fd, "wb") as fh:
            fh.write(sleutel)
        return sleutel


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _handtekening(sleutel: bytes, payload: str, wachtwoord_hash: str) -> str:
    return _b64(hmac.new(sleutel, f"{payload}|{wachtwoord_hash}".encode(), hashlib.sha256).digest())


def maak(account: str, wachtwoord_hash: str, sleutel: bytes, duur: float = INACTIEF, nu: float | None = None) -> str:
    payload = _b64(json.dumps({"a": account, "tot": int((nu or time.time()) + duur)}).encode())
    return f"{payload}.{_handtekening(sleutel, payload, wachtwoord_hash)}"


def lees(token: str | None, accounts: dict[str, dict], sleutel: bytes, nu: float | None = None) -> str | None:
    """The account key a valid, unexpired token names; None for anything else (never an exception)."""
    if not token or token.count(".") != 1 or len(token) > 2000:
        return None
    payload, handtekening = token.split(".")
    try:
        inhoud = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        account, tot = str(inhoud["a"]), float(inhoud["tot"])
    except (ValueError, KeyError, TypeError):
        return None
    gegevens = accounts.get(account)
    if gegevens is None or tot < (nu or time.time()):
        return None
    verwacht = _handtekening(sleutel, payload, str(gegevens.get("wachtwoord_hash", "")))
    return account if hmac.compare_digest(verwacht, handtekening) else None


def cookie_script(token: str | None, duur: float = INACTIEF) -> str:
    """The script that stores (or, for None, removes) the cookie: only for this site's pages, never sent
    along by other sites, and only over https when the page is."""
    waarde, leeftijd = (token, int(duur)) if token else ("", 0)
    return (f"<script>document.cookie = '{COOKIE}={waarde}; Path=/; Max-Age={leeftijd}; SameSite=Strict'"
            " + (location.protocol === 'https:' ? '; Secure' : '');</script>")

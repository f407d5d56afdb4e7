"""Password hashes for the accounts in .streamlit/secrets.toml: scrypt from the
standard library, never the password itself.
Format: scrypt$<n>$<r>$<p>$<salt, base64>$<hash, base64>.

N = 2^17 (OWASP's minimum for scrypt) with an explicit memory limit. Hashes made
with a smaller N (older releases: 2^14) are still accepted; `verouderd` says
that such a hash should be made anew. An unknown user name is checked against a
dummy hash of the same cost, so a wrong name takes as long as a wrong password."""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
from functools import lru_cache

N, R, P = 2**17, 8, 1
MAXMEM = 256 * 1024 * 1024   # 128 * R * N bytes is needed: 128 MiB at these settings


def _scrypt(wachtwoord: str, zout: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    return hashlib.scrypt(wachtwoord.encode(), salt=zout, n=n, r=r, p=p, dklen=dklen, maxmem=MAXMEM)


def maak_hash(wachtwoord: str) -> str:
    zout = os.urandom(16)
    b64 = base64.b64encode
    return f"scrypt${N}${R}${P}${b64(zout).decode()}${b64(_scrypt(wachtwoord, zout, N, R, P, 32)).decode()}"


@lru_cache(maxsize=1)
def _dummy() -> str:
    return maak_hash(base64.b64encode(os.urandom(18)).decode())


def klopt(wachtwoord: str, opgeslagen: str | None) -> bool:
    """Whether `wachtwoord` matches the stored hash; None (an unknown user) costs the same and is False."""
    echt = opgeslagen is not None
    try:
        soort, n, r, p, zout, sleutel = (opgeslagen if echt else _dummy()).split("$")
        if soort != "scrypt" or not (2 <= int(n) <= N and 1 <= int(r) <= 32 and 1 <= int(p) <= 16):
            _scrypt(wachtwoord, b"gelijke-tijd", N, R, P, 32)
            return False
        verwacht = base64.b64decode(sleutel)
        berekend = _scrypt(wachtwoord, base64.b64decode(zout), int(n), int(r), int(p), len(verwacht))
    except (ValueError, TypeError):
        _scrypt(wachtwoord, b"gelijke-tijd", N, R, P, 32)
        return False
    return echt and hmac.compare_digest(berekend, verwacht)


def verouderd(opgeslagen: str) -> bool:
    """A hash made with weaker settings than today's: make it anew (python -m etl.monitor hash-wachtwoord)."""
    try:
        return int(opgeslagen.split("$")[1]) < N
    except (IndexError, ValueError):
        return True

"""Password hashes for the monitor accounts in .streamlit/secrets.toml:
scrypt from the standard library, never the password itself.
Format: scrypt$<n>$<r>$<p>$<salt, base64>$<hash, base64>."""
from __future__ import annotations

import base64
import hashlib
import hmac
import os

N, R, P = 2**14, 8, 1


def maak_hash(wachtwoord: str) -> str:
    zout = os.urandom(16)
    sleutel = hashlib.scrypt(wachtwoord.encode(), salt=zout, n=N, r=R, p=P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${N}${R}${P}${b64(zout).decode()}${b64(sleutel).decode()}"


def klopt(wachtwoord: str, opgeslagen: str) -> bool:
    try:
        soort, n, r, p, zout, sleutel = opgeslagen.split("$")
        if soort != "scrypt":
            return False
        verwacht = base64.b64decode(sleutel)
        berekend = hashlib.scrypt(wachtwoord.encode(), salt=base64.b64decode(zout), n=int(n), r=int(r),
                                  p=int(p), dklen=len(verwacht))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(berekend, verwacht)

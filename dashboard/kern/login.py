"""Who may edit the monitor: accounts in .streamlit/secrets.toml with scrypt
password hashes (python -m etl.monitor hash-wachtwoord). Viewing needs no
login; without accounts, editing is off. A login survives a page reload (a
signed, expiring cookie: sessie.py) and ends after INACTIEF seconds without a
page view."""
from __future__ import annotations

import ipaddress
import time
from urllib.parse import urlsplit

import streamlit as st

from basis import database
from dashboard.kern import sessie
from werkenaanwerk import inlogpogingen, wachtwoord

SESSIE = "monitor_gebruiker"
UIT = "Invoeren en importeren staan uit: er zijn nog geen accounts ingesteld. De beheerder van het dashboard kan ze aanzetten (zie de README, onder de monitor)."
# the setup help: only for someone at the server itself (localhost); an example name, never a real person's
AANZETTEN = """Invoeren en importeren staan uit: er zijn nog geen accounts ingesteld. Zo zet u het aan:

1. Maak een wachtwoord-hash: `python -m etl.monitor hash-wachtwoord` (het wachtwoord zelf wordt nergens bewaard).
2. Zet in `.streamlit/secrets.toml` per persoon:

```toml
[monitor.accounts.voorbeeld]
naam = "Voorbeeld Gebruiker"
wachtwoord_hash = "scrypt$131072$8$1$..."
```

3. Herstart het dashboard. Cijfers aanleveren kan ook zonder account, via `python -m etl.monitor import BESTAND --door NAAM`."""


def accounts() -> dict[str, dict]:
    try:
        return {k: dict(v) for k, v in st.secrets.get("monitor", {}).get("accounts", {}).items()}
    except FileNotFoundError:  # no secrets.toml at all
        return {}


def _monitor_secrets() -> dict:
    try:
        return dict(st.secrets.get("monitor", {}))
    except FileNotFoundError:  # no secrets.toml at all
        return {}


def _sleutel() -> bytes:
    return sessie.geheim(_monitor_secrets().get("sessie_geheim"))


def _cookies() -> dict:
    """The cookies the browser sent when the page was opened (read-only)."""
    try:
        return dict(st.context.cookies)
    except Exception:  # noqa: BLE001 - no browser session (a script, a test): no cookies
        return {}


def lokaal() -> bool:
    """Whether the visitor is at the server itself. Streamlit gives no IP address for a loopback connection
    (127.0.0.1, ::1), so: no address, a browser that asked for localhost / 127.0.0.1 / [::1] (the Host header),
    and no reverse proxy in between (behind a proxy on the same machine every visitor comes from loopback;
    a forwarded request never counts as local)."""
    try:
        headers = {k.lower(): v for k, v in dict(getattr(st.context, "headers", None) or {}).items()}
        if not headers or headers.keys() & {"x-forwarded-for", "forwarded", "x-real-ip"}:
            return False
        ip = getattr(st.context, "ip_address", None)
        if ip:
            return ipaddress.ip_address(ip).is_loopback
        return urlsplit("//" + headers.get("host", "")).hostname in {"localhost", "127.0.0.1", "::1"}
    except ValueError:
        return False


def gebruiker() -> str | None:
    """The logged-in editor's name, or None. Restores a login from a valid cookie after a reload, and ends a
    login that was idle for longer than sessie.INACTIEF."""
    nu = time.time()
    if st.session_state.get(SESSIE):
        if nu - st.session_state.get(SESSIE + "_actief", nu) > sessie.INACTIEF:
            _uitloggen()
            st.session_state[SESSIE + "_verlopen"] = True
            return None
        st.session_state[SESSIE + "_actief"] = nu
        _cookie_bijwerken(nu)
        return st.session_state[SESSIE]
    if st.session_state.get(SESSIE + "_uit"):     # logged out in this session: the old cookie no longer counts
        return None
    bekend = accounts()
    sleutel = sessie.lees(_cookies().get(sessie.COOKIE), bekend, _sleutel(), nu) if bekend else None
    if sleutel is None:
        return None
    _aanmelden(sleutel, bekend[sleutel])
    return st.session_state[SESSIE]


def _aanmelden(sleutel: str, account: dict) -> None:
    """Log `sleutel` in for this session and have the browser keep a fresh cookie."""
    st.session_state[SESSIE] = account.get("naam") or sleutel
    st.session_state[SESSIE + "_sleutel"] = sleutel
    st.session_state[SESSIE + "_actief"] = time.time()
    st.session_state[SESSIE + "_cookie"] = 0.0         # written on this or the next run
    st.session_state.pop(SESSIE + "_uit", None)
    st.session_state.pop(SESSIE + "_verlopen", None)


def _cookie_bijwerken(nu: float) -> None:
    """A fresh token at most once a minute while the editor is active, so the cookie expires INACTIEF after the
    last page view."""
    if nu - st.session_state.get(SESSIE + "_cookie", 0.0) < 60:
        return
    sleutel = st.session_state.get(SESSIE + "_sleutel")
    account = accounts().get(sleutel or "")
    if account is None:
        return
    token = sessie.maak(sleutel, str(account.get("wachtwoord_hash", "")), _sleutel(), nu=nu)
    st.html(sessie.cookie_script(token), unsafe_allow_javascript=True)
    st.session_state[SESSIE + "_cookie"] = nu


def _uitloggen() -> None:
    for achtervoegsel in ("", "_verouderd", "_sleutel", "_actief", "_cookie"):
        st.session_state.pop(SESSIE + achtervoegsel, None)
    st.session_state[SESSIE + "_uit"] = True


def inloggen() -> str | None:
    """Show the login (or who is logged in); returns the editor's name or None."""
    bekend = accounts()
    if not bekend:
        st.info(AANZETTEN if lokaal() else UIT)
        return None
    naam = gebruiker()
    if st.session_state.get(SESSIE + "_uit"):
        st.html(sessie.cookie_script(None), unsafe_allow_javascript=True)   # remove the browser's copy too
    if st.session_state.pop(SESSIE + "_verlopen", False):
        st.info(f"U bent uitgelogd na {sessie.INACTIEF // 60} minuten zonder activiteit. Log opnieuw in.")
    if naam:
        links, rechts = st.columns([4, 1])
        links.success(f"Ingelogd als **{naam}**. Wat u opslaat, komt met uw naam in de geschiedenis.")
        if st.session_state.get(SESSIE + "_verouderd"):
            links.warning("Uw wachtwoord-hash is met oudere, zwakkere instellingen gemaakt. Laat een nieuwe maken "
                          "met `python -m etl.monitor hash-wachtwoord` en zet die in `.streamlit/secrets.toml`.")
        rechts.button("Uitloggen", on_click=_uitloggen, key="uitloggen")
        return naam
    st.info("Bekijken kan iedereen. Om cijfers in te voeren of te importeren logt u in.")
    with st.form("inloggen"):
        wie = st.text_input("Gebruikersnaam")
        ww = st.text_input("Wachtwoord", type="password")
        verstuurd = st.form_submit_button("Inloggen")
    if verstuurd:
        melding = controleer(wie, ww)
        if melding is None:
            st.rerun()
        st.error(melding)
    return None


def controleer(wie: str, ww: str) -> str | None:
    """Log in with name and password: throttled per name and per client, an unknown name costing as long as a
    wrong password. None when logged in (the session and its cookie are set), else the Dutch refusal. Every
    login form (the monitor's, the Beraad's) goes through here."""
    client = getattr(st.context, "ip_address", None)
    try:
        wacht = inlogpogingen.wachttijd(wie, client)
        if wacht > 0:
            return f"Te veel mislukte pogingen. Probeer het over {_duur(wacht)} opnieuw."
        account = accounts().get(wie.strip())
        opgeslagen = str(account.get("wachtwoord_hash", "")) if account else None
        if wachtwoord.klopt(ww, opgeslagen):
            inlogpogingen.gelukt(wie, client)
            _aanmelden(wie.strip(), account)
            if wachtwoord.verouderd(opgeslagen):
                st.session_state[SESSIE + "_verouderd"] = True
            return None
        inlogpogingen.mislukt(wie, client)
    except database.Onbereikbaar as exc:   # the shared throttle cannot be read or counted: no login unthrottled
        return f"Inloggen kan nu niet. {exc}"
    return "Gebruikersnaam of wachtwoord klopt niet."


def _duur(seconden: float) -> str:
    if seconden < 90:
        return f"{max(1, round(seconden))} seconden"
    return f"{round(seconden / 60)} minuten"

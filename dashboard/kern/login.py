"""Who may edit the monitor: accounts in .streamlit/secrets.toml with scrypt
password hashes (python -m etl.monitor hash-wachtwoord). Viewing needs no
login; without accounts, editing is off."""
from __future__ import annotations

import streamlit as st

from werkenaanwerk import inlogpogingen, wachtwoord

SESSIE = "monitor_gebruiker"
AANZETTEN = """Invoeren en importeren staan uit: er zijn nog geen accounts ingesteld. Zo zet u het aan:

1. Maak een wachtwoord-hash: `python -m etl.monitor hash-wachtwoord` (het wachtwoord zelf wordt nergens bewaard).
2. Zet in `.streamlit/secrets.toml` per persoon:

```toml
[monitor.accounts.annette]
naam = "Annette Keates"
wachtwoord_hash = "scrypt$16384$8$1$..."
```

3. Herstart het dashboard. Cijfers aanleveren kan ook zonder account, via `python -m etl.monitor import BESTAND --door NAAM`."""


def accounts() -> dict[str, dict]:
    try:
        return {k: dict(v) for k, v in st.secrets.get("monitor", {}).get("accounts", {}).items()}
    except FileNotFoundError:  # no secrets.toml at all
        return {}


def gebruiker() -> str | None:
    """The logged-in editor's name, or None."""
    return st.session_state.get(SESSIE)


def _uitloggen() -> None:
    st.session_state.pop(SESSIE, None)
    st.session_state.pop(SESSIE + "_verouderd", None)


def inloggen() -> str | None:
    """Show the login (or who is logged in); returns the editor's name or None."""
    bekend = accounts()
    if not bekend:
        st.info(AANZETTEN)
        return None
    naam = gebruiker()
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
        client = getattr(st.context, "ip_address", None)
        wacht = inlogpogingen.wachttijd(wie, client)
        if wacht > 0:
            st.error(f"Te veel mislukte pogingen. Probeer het over {_duur(wacht)} opnieuw.")
            return None
        account = bekend.get(wie.strip())
        opgeslagen = str(account.get("wachtwoord_hash", "")) if account else None
        if wachtwoord.klopt(ww, opgeslagen):   # an unknown name costs as long as a wrong password
            inlogpogingen.gelukt(wie, client)
            st.session_state[SESSIE] = account.get("naam") or wie.strip()
            if wachtwoord.verouderd(opgeslagen):
                st.session_state[SESSIE + "_verouderd"] = True
            st.rerun()
        inlogpogingen.mislukt(wie, client)
        st.error("Gebruikersnaam of wachtwoord klopt niet.")
    return None


def _duur(seconden: float) -> str:
    if seconden < 90:
        return f"{max(1, round(seconden))} seconden"
    return f"{round(seconden / 60)} minuten"

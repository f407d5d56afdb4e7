"""Which region the pages show and what it is compared with. The region comes
from the URL (?regio=<code>) so a link reproduces the view; every query takes
it as a parameter. Which region is the default and what the comparison is
(Nederland) come from marts.regios, not from code."""
from __future__ import annotations

import re
from dataclasses import dataclass

import streamlit as st

from dashboard.kern import db


@dataclass(frozen=True)
class Context:
    regio: str
    regio_naam: str
    vergelijk: str
    vergelijk_naam: str


class OnbekendeRegio(KeyError):
    """A region code the warehouse does not know."""


def _per_code(df) -> dict[str, dict]:
    return {r["regio_code"]: r for r in db.records(df)}


def _regios() -> dict[str, dict]:
    """marts.regios by code, made once per build (asked several times in every rerun): read, never change."""
    return db.view(_per_code, "regios")


def standaard_regio() -> str:
    """The dashboard's default region (marts.regios.is_standaard)."""
    return next(code for code, r in _regios().items() if r["is_standaard"])


def maak(regio: str | None = None) -> Context:
    """The context of `regio` (default: the default region) against the country row of marts.regios."""
    regios = _regios()
    code = regio or next(c for c, r in regios.items() if r["is_standaard"])
    if code not in regios or regios[code]["soort"] == "land":
        # the country is the comparison, not a region to show (issue 12): no page or export "for Nederland"
        raise OnbekendeRegio(code)
    land = next(r for r in regios.values() if r["soort"] == "land")
    return Context(code, regios[code]["regio_naam"], land["regio_code"], land["regio_naam"])


def titel(regio: str | None, standaard: str) -> str:
    """'Arbeidsmarkt <regionaam>' for a page title; `standaard` when the region is unknown or there is no
    warehouse yet (the page itself then says what is wrong)."""
    try:
        return f"Arbeidsmarkt {maak(regio).regio_naam}"
    except (OnbekendeRegio, db.WarehouseOntbreekt, db.DataOntbreekt):
        return standaard


def _leesbaar(code: str) -> str:
    """A code from the URL as plain text: letters and digits only (no markdown, no HTML)."""
    return re.sub(r"[^A-Za-z0-9]", "", code)[:12]


# session key remembering the chosen region between pages (the URL may lose ?regio= on a page switch)
_GEKOZEN = "_gekozen_regio"


def kiesbaar(regios: dict[str, dict]) -> dict[str, str]:
    """The regions a viewer may pick (code -> Dutch name, by name): every arbeidsmarktregio, not the country
    (Nederland is the comparison)."""
    return {c: r["regio_naam"] for c, r in sorted(regios.items(), key=lambda kv: kv[1]["regio_naam"])
            if r["soort"] != "land"}


def _kiesbaar_uit(df) -> dict[str, str]:
    return kiesbaar(_per_code(df))


def _wissel(widget_key: str) -> None:
    kies(st.session_state.get(widget_key))


def kies(code: str | None) -> None:
    """Switch to region `code` (put in ?regio= and remembered for the session); ignored unless pickable."""
    try:
        opties = kiesbaar(_regios())
    except (db.WarehouseOntbreekt, db.DataOntbreekt):
        return
    if code in opties:
        st.session_state[_GEKOZEN] = code
        st.query_params["regio"] = code


def kies_op_kaart(widget_key: str) -> None:
    """A click on a map (a point carrying a region code in customdata) switches to that region."""
    selectie = (st.session_state.get(widget_key) or {}).get("selection") or {}
    kies(next((p.get("customdata") for p in selectie.get("points", []) if p.get("customdata")), None))


def kiezer(opties: dict[str, str], huidige: str | None, plek=None) -> None:
    """A searchable select of the arbeidsmarktregio's (Dutch names); choosing one puts it in ?regio=."""
    plek = plek or st.sidebar
    codes = list(opties)
    key = f"regio-kiezer-{huidige or 'geen'}"   # a fresh widget per region: it always shows the current one
    plek.selectbox("Arbeidsmarktregio", codes, index=codes.index(huidige) if huidige in opties else None,
                   format_func=opties.get, key=key, on_change=_wissel, args=(key,),
                   placeholder="Kies of typ een regio", help="Typ om te zoeken. De keuze staat in de adresbalk "
                   "(?regio=) en blijft bij het wisselen van pagina.")


def onbekend(gevraagd: str, opties: dict[str, str], land: dict | None) -> None:
    """The message for a ?regio= that is no pickable region, with a way to pick one; stops the page, so no
    figure of another region is ever shown under it. The code is shown as plain text (st.text)."""
    if land is not None and gevraagd == land["regio_code"]:
        st.error(f"{land['regio_naam']} is de vergelijking, geen regio om te kiezen. Kies hieronder een "
                 "arbeidsmarktregio.")
    else:
        st.error("De regiocode in de adresbalk is geen arbeidsmarktregio. Kies hieronder een regio; het dashboard "
                 "toont geen cijfers van een andere regio in plaats van de gevraagde.")
        st.text(f"Gevraagde regiocode: {gevraagd[:60]}")
    kiezer(opties, None, plek=st)
    st.stop()


def huidig() -> Context:
    """The region of the page: ?regio= in the URL, else the region chosen earlier in this session, else the
    default region. Shows the region picker in the sidebar. An unknown or malformed code stops the page with
    a Dutch message (see `onbekend`)."""
    gevraagd = st.query_params.get("regio")
    try:
        regios = _regios()
    except (db.WarehouseOntbreekt, db.DataOntbreekt):
        # no warehouse yet: every figure says so itself
        code = _leesbaar(gevraagd or "")
        return Context(code, code, "", "Nederland")
    opties = db.view(_kiesbaar_uit, "regios")   # once per build, not sorted again in every rerun
    land = next((r for r in regios.values() if r["soort"] == "land"), None)
    if gevraagd is None:
        code = st.session_state.get(_GEKOZEN)
        if code not in opties:
            code = next(c for c, r in regios.items() if r["is_standaard"])
    elif gevraagd in opties:
        code = gevraagd
    else:
        onbekend(gevraagd, opties, land)
    ctx = maak(code)
    st.session_state[_GEKOZEN] = code
    if st.query_params.get("presentatie") != "1":
        kiezer(opties, code)
    if gevraagd != code:
        st.query_params["regio"] = code
    return ctx


def keuze(param: str, opties: dict[str, str], label: str, lijst: bool = False) -> str:
    """A choice between views of a page, bound to the URL so a link reproduces
    the view (?indeling=Leeftijd: Streamlit binds the option as shown). The
    first option is the default; returns the chosen option's code. `lijst`: a select box instead of a row of
    buttons, for options that accumulate (periods)."""
    per_label = {v: k for k, v in opties.items()}
    labels = list(per_label)
    if lijst:
        gekozen = st.selectbox(label, labels, key=param, bind="query-params", width=KEUZE_BREEDTE)
    else:
        gekozen = st.segmented_control(label, labels, default=labels[0], key=param, required=True,
                                       bind="query-params")
    return per_label.get(gekozen, next(iter(opties)))


KEUZE_BREEDTE = 260   # px: a select box of choices (a period; the monitor's kwartaal and programme pickers)

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


def _regios() -> dict[str, dict]:
    return {r["regio_code"]: r for r in db.rijen("regios")}


def standaard_regio() -> str:
    """The dashboard's default region (marts.regios.is_standaard)."""
    return next(code for code, r in _regios().items() if r["is_standaard"])


def maak(regio: str | None = None) -> Context:
    """The context of `regio` (default: the default region) against the country row of marts.regios."""
    regios = _regios()
    code = regio or next(c for c, r in regios.items() if r["is_standaard"])
    if code not in regios:
        raise OnbekendeRegio(code)
    land = next(r for r in regios.values() if r["soort"] == "land")
    return Context(code, regios[code]["regio_naam"], land["regio_code"], land["regio_naam"])


def _leesbaar(code: str) -> str:
    """A code from the URL as plain text: letters and digits only (no markdown, no HTML)."""
    return re.sub(r"[^A-Za-z0-9]", "", code)[:12]


def huidig() -> Context:
    gevraagd = st.query_params.get("regio")
    try:
        try:
            ctx = maak(gevraagd)
        except OnbekendeRegio:
            ctx = maak()
            st.warning(f"Regiocode '{_leesbaar(gevraagd)}' uit de adresbalk is onbekend; de pagina toont "
                       f"{ctx.regio_naam} ({ctx.regio}).")
    except (db.WarehouseOntbreekt, db.DataOntbreekt):
        # no warehouse yet: every figure says so itself
        code = _leesbaar(gevraagd or "")
        return Context(code, code, "", "Nederland")
    if gevraagd != ctx.regio:
        st.query_params["regio"] = ctx.regio
    return ctx


def keuze(param: str, opties: dict[str, str], label: str) -> str:
    """A choice between views of a page, bound to the URL so a link reproduces
    the view (?indeling=Leeftijd: Streamlit binds the option as shown). The
    first option is the default; returns the chosen option's code."""
    per_label = {v: k for k, v in opties.items()}
    labels = list(per_label)
    gekozen = st.segmented_control(label, labels, default=labels[0], key=param, required=True,
                                   bind="query-params")
    return per_label.get(gekozen, next(iter(opties)))

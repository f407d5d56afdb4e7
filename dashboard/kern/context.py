"""Which region the pages show and what it is compared with. The region comes
from the URL (?regio=AM12) so a link reproduces the view; every query takes
it as a parameter."""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from dashboard.kern import db

STANDAARD_REGIO = "AM12"
VERGELIJK_REGIO = "NL01"


@dataclass(frozen=True)
class Context:
    regio: str
    regio_naam: str
    vergelijk: str
    vergelijk_naam: str


def _naam(code: str) -> str | None:
    try:
        df = db.query("regio", regio=code)
    except (db.DataOntbreekt, db.WarehouseOntbreekt):
        return None
    return None if df.empty else str(df["regio_naam"].iloc[0])


def huidig() -> Context:
    code = st.query_params.get("regio", STANDAARD_REGIO)
    naam = _naam(code)
    if naam is None and code != STANDAARD_REGIO:
        st.warning(f"Regiocode '{code}' uit de adresbalk is onbekend; de pagina toont {STANDAARD_REGIO}.")
        code = STANDAARD_REGIO
        naam = _naam(code)
    if st.query_params.get("regio") != code:
        st.query_params["regio"] = code
    return Context(code, naam or code, VERGELIJK_REGIO, _naam(VERGELIJK_REGIO) or "Nederland")


def keuze(param: str, opties: dict[str, str], label: str) -> str:
    """A choice between views of a page, bound to the URL so a link reproduces
    the view (?indeling=Leeftijd: Streamlit binds the option as shown). The
    first option is the default; returns the chosen option's code."""
    per_label = {v: k for k, v in opties.items()}
    labels = list(per_label)
    gekozen = st.segmented_control(label, labels, default=labels[0], key=param, required=True,
                                   bind="query-params")
    return per_label.get(gekozen, next(iter(opties)))

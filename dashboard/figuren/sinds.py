"""'Sinds vorig kwartaal/jaar' deltas: the change of one figure since the previous period of the same
source, as the UWV trend sentences and the Overzicht tiles say it."""
from __future__ import annotations

from dashboard.kern import format as fmt


def verschil(nu: float | None, vorig: float | None, eenheid: str | None = None) -> str:
    """'+120 (+3,4%)' for counts; '+0,3 procentpunt' for a percentage; '' when either is unknown."""
    if nu is None or vorig is None or nu != nu or vorig != vorig:   # None or NaN
        return ""
    d = nu - vorig
    if eenheid == "procent":
        return fmt.met_teken(fmt.getal(d, 1), d) + " procentpunt"
    pct = f" ({fmt.met_teken(fmt.procent(100 * d / vorig, 1), d)})" if vorig else ""
    return fmt.met_teken(fmt.getal(d, 0 if float(d).is_integer() else 1), d) + pct


def sinds(vorig_code: str, nu_code: str, vorig_label: str) -> str:
    """'sinds vorig kwartaal (Q2 2025)', 'sinds vorig jaar (...)', 'sinds vorige maand (...)' or
    'sinds <period>' (codes '2025-Q2', '2025-09', '2025')."""
    def index(code):
        if "-Q" in code:
            return int(code[:4]) * 4 + int(code[-1]), 4
        if len(code) == 7:
            return int(code[:4]) * 12 + int(code[5:]), 12
        return int(code[:4]), 1
    (a, per_jaar), (b, _) = index(vorig_code), index(nu_code)
    if b - a == 1 and per_jaar == 4:
        return f"sinds vorig kwartaal ({vorig_label})"
    if b - a == per_jaar:
        return f"sinds vorig jaar ({vorig_label})"
    if b - a == 1 and per_jaar == 12:
        return f"sinds vorige maand ({vorig_label})"
    return f"sinds {vorig_label}"

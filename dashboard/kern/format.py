"""Dutch formatting of numbers, shares and periods: 12.106, 40,5%, Q2 2025,
september 2025. Pure functions; no Streamlit."""
from __future__ import annotations

import math
from datetime import date, datetime
from zoneinfo import ZoneInfo

MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli",
           "augustus", "september", "oktober", "november", "december"]
LEEG = "—"
TIJDZONE = ZoneInfo("Europe/Amsterdam")

DIMENSIE_LABELS = {
    "beroepsklasse": "beroepsklasse",
    "opleidingsniveau": "opleidingsniveau",
    "leeftijd": "leeftijd",
    "geslacht": "geslacht",
    "verstreken_duur": "verstreken duur",
    "type_baan": "soort baan",
    "onderdeel": "onderdeel",
    "uitkering": "uitkering",
    "totaal": "totaal",
}


def _leeg(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def getal(x, decimalen: int = 0) -> str:
    """12106 -> '12.106'; 40.5 (decimalen=1) -> '40,5'; None -> '—'."""
    if _leeg(x):
        return LEEG
    tekst = f"{float(x):,.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def _decimalen(x: float, max_decimalen: int = 1) -> int:
    for d in range(max_decimalen + 1):
        if abs(round(float(x), d) - float(x)) < 1e-9:
            return d
    return max_decimalen


def procent(x, decimalen: int | None = None) -> str:
    """14 -> '14%'; 40.5 -> '40,5%'; 0.395 with decimalen=1 -> '0,4%'."""
    if _leeg(x):
        return LEEG
    d = _decimalen(x) if decimalen is None else decimalen
    return getal(x, d) + "%"


def met_teken(tekst: str, x) -> str:
    """Prefix '+' for positive values (growth, mutations)."""
    return ("+" + tekst) if not _leeg(x) and float(x) > 0 else tekst


def waarde(x, eenheid: str | None, decimalen: int | None = None) -> str:
    """Format a value by its unit as stored in the warehouse."""
    if _leeg(x):
        return LEEG
    if eenheid == "procent":
        return procent(x, decimalen)
    d = _decimalen(x) if decimalen is None else decimalen
    if eenheid == "procentpunt":
        return getal(x, d) + " procentpunt"
    if eenheid == "uur per week":
        return getal(x, d) + " uur per week"
    return getal(x, d)


def periode(periode_code: str, periode_type: str) -> str:
    """'2025-09','maand' -> 'september 2025'; '2025-Q2' -> 'Q2 2025'; '2025' -> '2025'."""
    if periode_type == "maand":
        jaar, maand = periode_code.split("-")
        return f"{MAANDEN[int(maand) - 1]} {jaar}"
    if periode_type == "kwartaal":
        jaar, kwartaal = periode_code.split("-")
        return f"{kwartaal} {jaar}"
    return periode_code


def datum_tijd(x) -> str:
    """A timestamp as '22 november 2026, 15:05' (Dutch time)."""
    if _leeg(x) or x is None:
        return LEEG
    if isinstance(x, str):
        x = datetime.fromisoformat(x)
    if hasattr(x, "to_pydatetime"):
        x = x.to_pydatetime()
    if isinstance(x, datetime):
        x = x.astimezone(TIJDZONE) if x.tzinfo else x
        return f"{x.day} {MAANDEN[x.month - 1]} {x.year}, {x:%H:%M}"
    if isinstance(x, date):
        return f"{x.day} {MAANDEN[x.month - 1]} {x.year}"
    return str(x)


def dimensie(naam: str) -> str:
    return DIMENSIE_LABELS.get(naam, naam.replace("_", " "))

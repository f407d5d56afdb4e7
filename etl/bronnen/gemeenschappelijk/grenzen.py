"""What a fact may hold, shared by the sources whose figures are typed in by people (the seed
transcriptions in data/raw/seed, the UWV files): the allowed codes of the coded columns and, per
maat, a plausible range and whether it is a whole number. Every refusal names the field and the
range in Dutch, so a typo (a 20-digit count, 1.300 for 1,3%) is stopped before it is stored."""
from __future__ import annotations

import math

# maat -> (lowest, highest, whole number); the range is what the figure can be, not what is usual:
# no count exceeds the Dutch population, no share leaves 0-100%, no percentage change falls below -100%
MATEN: dict[str, tuple[float, float, bool]] = {
    "aantal": (0, 20_000_000, True),
    "aandeel": (0, 100, False),
    "jaarmutatie": (-100, 1000, False),
    "groei_procent": (-100, 1000, False),
    "groei_absoluut": (-20_000_000, 20_000_000, True),
    "aandeel_verschil": (-100, 100, False),
    "aandeel_groei_procent": (-100, 1000, False),
    "waarde": (-1_000_000, 1_000_000, False),
}
DIMENSIES = {"totaal", "beroepsklasse", "opleidingsniveau", "leeftijd", "geslacht", "verstreken_duur", "uitkering",
             "type_baan", "onderdeel", "duur", "sector"}
EENHEDEN = {"personen", "banen", "vacatures", "uitkeringen", "procent", "procentpunt",
            "vacatures per 100 werklozen", "uur per week"}
MAX_CIJFERS = 15   # a double holds 15 significant digits exactly; more is a typo (or becomes inf)
HOE_TOEVOEGEN = "staat die er terecht niet bij, voeg hem toe in etl/bronnen/gemeenschappelijk/grenzen.py"


def nl(x: float) -> str:
    """A bound the Dutch way: 20.000.000, -100, 2,5."""
    if float(x).is_integer():
        return f"{int(x):,}".replace(",", ".")
    return f"{x:g}".replace(".", ",")


def bereik(maat: str) -> str:
    laag, hoog, heel = MATEN[maat]
    return f"{'een heel getal ' if heel else ''}van {nl(laag)} tot en met {nl(hoog)}"


def buiten_bereik(maat: str, waarde: float, tekst: str) -> str | None:
    """Why `waarde` (read from `tekst`) cannot be a `maat`, or None when it can."""
    if not math.isfinite(waarde):
        return f"'{tekst}' is geen eindig getal; een {maat} is {bereik(maat)}"
    if sum(c.isdigit() for c in tekst) > MAX_CIJFERS:
        return f"'{tekst}' heeft meer dan {MAX_CIJFERS} cijfers; een {maat} is {bereik(maat)}"
    laag, hoog, heel = MATEN[maat]
    if heel and not float(waarde).is_integer():
        return f"'{tekst}' is geen heel getal; een {maat} is {bereik(maat)}"
    if not laag <= waarde <= hoog:
        return f"{tekst} ligt buiten het bereik van een {maat}: {bereik(maat)}"
    return None


def boven_landelijk(waarde: float, regio: str, landelijk: float, waar: str) -> str:
    """The refusal of a region's count above the country's count of the same figure (found at `waar`)."""
    return (f"aantal {nl(waarde)} voor {regio} is groter dan het landelijke aantal {nl(landelijk)} ({waar}); een "
            "regio kan niet meer hebben dan heel Nederland")


def onbekende_code(veld: str, waarde: str, toegestaan) -> str:
    return (f"onbekende {veld} '{waarde}'; toegestaan: {', '.join(sorted(toegestaan))} "
            f"({HOE_TOEVOEGEN})")


# CBS: per unit of the catalog (after 'x 1000' is multiplied out); NaN and inf fall outside every range
CBS_BEREIK = {"procent": (-100, 1000)}
CBS_AANTAL = (0, 20_000_000)


def cbs_bereik(eenheid: str) -> tuple[float, float]:
    return CBS_BEREIK.get(eenheid, CBS_AANTAL)

"""One-sentence Dutch summaries made from the data, so they stay true after a
refresh. Pure functions; unit-tested."""
from __future__ import annotations

from dashboard import format as fmt


def vergelijk_woord(regio: float, vergelijk: float, drempel: float = 0.0) -> str:
    if regio - vergelijk > drempel:
        return "hoger dan"
    if vergelijk - regio > drempel:
        return "lager dan"
    return "gelijk aan"


def demografische_druk(regio_naam: str, vergelijk_naam: str, groen: float, grijs: float,
                       groen_vergelijk: float, grijs_vergelijk: float) -> str:
    g = vergelijk_woord(groen, groen_vergelijk)
    r = vergelijk_woord(grijs, grijs_vergelijk)
    if g == r and g != "gelijk aan":
        return (f"In {regio_naam} liggen zowel de groene druk ({fmt.procent(groen)}) als de grijze druk "
                f"({fmt.procent(grijs)}) {g.replace(' dan', '')} dan in {vergelijk_naam} "
                f"({fmt.procent(groen_vergelijk)} en {fmt.procent(grijs_vergelijk)}).")
    return (f"In {regio_naam} is de groene druk {fmt.procent(groen)} ({g} {vergelijk_naam}: "
            f"{fmt.procent(groen_vergelijk)}) en de grijze druk {fmt.procent(grijs)} ({r} {vergelijk_naam}: "
            f"{fmt.procent(grijs_vergelijk)}).")


def demografische_druk_titel(regio_naam: str, vergelijk_naam: str, groen: float, grijs: float,
                             groen_vergelijk: float, grijs_vergelijk: float) -> str:
    """A title that states the finding, true for whatever the data says."""
    g = vergelijk_woord(groen, groen_vergelijk)
    r = vergelijk_woord(grijs, grijs_vergelijk)
    if g == r:
        woord = {"hoger dan": "boven", "lager dan": "onder", "gelijk aan": "gelijk aan"}[g]
        return f"Groene en grijze druk liggen in {regio_naam} {woord} het niveau van {vergelijk_naam}"
    return (f"Groene druk {g} {vergelijk_naam}, grijze druk {r} {vergelijk_naam}")

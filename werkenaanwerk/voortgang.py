"""Realisation against a target, and a project's status at a monitor, as rules
in one place (used by the page, the exports and the tests).

A target covers a period: *per jaar* the calendar year of the monitor (only
the quarters the project runs in that year: a project starting in Q3 has half
a year's target), *projectduur* the quarters from the start to the end,
*periode* a date range of its own (doel_van up to and including doel_tot). The
realisation counts the same quarters up to the monitor. The expectation pro
rata is the target times the quarters passed over the quarters in the period;
a project is *op koers* when its realisation is at least that expectation."""
from __future__ import annotations

from dataclasses import dataclass

from werkenaanwerk import definities as d

NIEUW_KWARTALEN = 2   # "nieuw" holds for the start quarter and the one after; then "lopend"
REGEL_OP_KOERS = ("Op koers: de realisatie in de doelperiode is ten minste het doel naar rato "
                  "(doel × verstreken kwartalen ÷ kwartalen in de doelperiode). Achter: minder dan dat.")


def index(kwartaal: str) -> int:
    return int(kwartaal[:4]) * 4 + int(kwartaal[-1]) - 1


def kwartaal(i: int) -> str:
    return f"{i // 4}-Q{i % 4 + 1}"


def getal(x: float) -> str:
    """A count or an expectation in Dutch: 18, 7,5 (one decimal only when it is not whole)."""
    if float(x).is_integer():
        return f"{int(x):,}".replace(",", ".")
    return f"{x:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".")


def procent(x: float) -> str:
    return f"{round(x):,}%".replace(",", ".")


@dataclass(frozen=True)
class Doelstand:
    periode: str            # 'per jaar' or 'projectduur'
    van: str                # first quarter of the target period
    tot: str | None         # last quarter of the target period (None: end unknown)
    doel: float             # the target for that period
    realisatie: int         # counted in the period up to the monitor
    verstreken: int         # quarters of the period up to and including the monitor
    kwartalen: int | None   # quarters in the period (None: end unknown)
    bron: str = ""          # where the target comes from: a document, or who entered it and when

    @property
    def verwacht(self) -> float | None:
        return None if not self.kwartalen else self.doel * self.verstreken / self.kwartalen

    @property
    def percentage(self) -> float | None:
        return None if not self.doel else 100 * self.realisatie / self.doel

    @property
    def op_koers(self) -> bool | None:
        return None if self.verwacht is None else self.realisatie >= self.verwacht

    def periode_tekst(self) -> str:
        van = d.kwartaal_label(self.van)
        if self.tot is None:
            return f"projectduur vanaf {van} (einde onbekend)"
        if self.periode == "per jaar":
            return f"per jaar: {van} t/m {d.kwartaal_label(self.tot)}"
        if self.periode == "periode":
            return f"periode: {van} t/m {d.kwartaal_label(self.tot)}"
        return f"projectduur: {van} t/m {d.kwartaal_label(self.tot)}"

    def verwacht_tekst(self) -> str:
        if self.verwacht is None:
            return "geen verwachting naar rato: het einde van het project is niet bekend"
        return f"na {self.verstreken} van {self.kwartalen} kwartalen verwacht: {getal(self.verwacht)}"

    def oordeel(self) -> str:
        return {True: "op koers", False: "achter", None: "geen oordeel"}[self.op_koers]


def doelstand(doel: float | None, periode: str | None, tot: str, per_kwartaal: dict[str, int | None],
              start: str | None = None, einde: str | None = None, doel_van: str | None = None,
              doel_tot: str | None = None, bron: str = "") -> Doelstand | None:
    """The target `doel` (period `periode`; for 'periode' from `doel_van` to `doel_tot`) at the monitor `tot`,
    counted over `per_kwartaal` (kwartaal -> number in that kwartaal; None = not reported). None without a
    target or period, or when the monitor lies before the target period."""
    if doel is None or periode not in d.DOEL_PERIODES:
        return None
    gemeld = sorted(k for k, v in per_kwartaal.items() if v is not None)
    begin = start or (gemeld[0] if gemeld else None)
    if periode == "periode":
        if not (doel_van and doel_tot) or doel_tot < doel_van:
            return None
        van, eind, doel_periode = index(doel_van), index(doel_tot), doel
    elif periode == "per jaar":
        jaar = int(tot[:4])
        van = max(index(f"{jaar}-Q1"), index(begin) if begin else 0)
        eind = min(index(f"{jaar}-Q4"), index(einde) if einde else 10**9)
        doel_periode = doel * (eind - van + 1) / 4
    else:
        if begin is None:
            return None
        van = index(begin)
        eind = index(einde) if einde else None
        doel_periode = doel
    if index(tot) < van or (eind is not None and eind < van):
        return None
    laatste = index(tot) if eind is None else min(index(tot), eind)
    realisatie = sum(v for k, v in per_kwartaal.items() if v is not None and van <= index(k) <= laatste)
    return Doelstand(periode, kwartaal(van), None if eind is None else kwartaal(eind), doel_periode, realisatie,
                     laatste - van + 1, None if eind is None else eind - van + 1, bron)


@dataclass(frozen=True)
class Status:
    status: str
    vanaf: str | None
    afgeleid: bool
    uitleg: str

    def tekst(self) -> str:
        return f"{self.status} (afgeleid)" if self.afgeleid else self.status


def status_op(statussen: list[tuple[str, str]], tot: str, start: str | None = None,
              eerste_resultaat: str | None = None) -> Status:
    """The status at the monitor `tot` from the statuses recorded ((status, vanaf) in order of entry),
    the project's start and its first kwartaal with results. Rules:
    - the latest recorded status at or before `tot` holds, except that "nieuw" holds for two quarters
      and then becomes "lopend (afgeleid)";
    - without a recorded status, a project that has started (start or results at or before `tot`)
      is "nieuw (afgeleid)" in its first two quarters, then "lopend (afgeleid)";
    - otherwise "geen status bekend"."""
    geldig = [(s, v) for s, v in statussen if v <= tot]
    if geldig:
        s, vanaf = sorted(geldig, key=lambda sv: sv[1])[-1]   # stable: of equal vanaf the last entered
        if s == "nieuw" and index(tot) - index(vanaf) >= NIEUW_KWARTALEN:
            lopend = kwartaal(index(vanaf) + NIEUW_KWARTALEN)
            return Status("lopend", lopend, True, f"nieuw sinds {d.kwartaal_label(vanaf)}; na twee kwartalen "
                          f"lopend (vanaf {d.kwartaal_label(lopend)})")
        return Status(s, vanaf, False, f"vastgelegd vanaf {d.kwartaal_label(vanaf)}")
    begonnen = [k for k in (start, eerste_resultaat) if k and k <= tot]
    if begonnen:
        begin = min(begonnen)
        grond = "gestart" if begin == start else "eerste resultaten"
        if index(tot) - index(begin) < NIEUW_KWARTALEN:
            return Status("nieuw", begin, True, f"geen status vastgelegd; {grond} in {d.kwartaal_label(begin)}")
        return Status("lopend", kwartaal(index(begin) + NIEUW_KWARTALEN), True,
                      f"geen status vastgelegd; {grond} in {d.kwartaal_label(begin)}, dus lopend")
    return Status("geen status bekend", None, False, "geen status vastgelegd en nog geen resultaten")

"""A project's targets that hold now, per kind, and the rule that two targets of one kind may not cover the
same quarters. The same fold as the build's (etl/sql/staging/08_monitor_doelen.sql); the input uses this one
to refuse an overlapping target before anything is stored.

"Kind" is the indicator a target counts, which is also its unit: gestarte deelnemers (doel_deelnemers),
uitstroom naar werk (doel_uitstroom_werk) or uitstroom naar opleiding (doel_uitstroom_opleiding). Targets of
different kinds never conflict, whatever their periods.

The versions are folded in order: the register's row first (volgnummer 0), then each project record:
- doel_modus 'erbij': each amount in it is a target of its own period next to the kind's others;
- otherwise a record that sets a kind's amount replaces that kind's targets by one: that amount with the
  period as it stands after the record (an amount entered without a period keeps the earlier period);
- a record of the older release (no doel_modus) that sets only a period moves every kind to that period
  (a project had one period for all its targets then)."""
from __future__ import annotations

from dataclasses import dataclass

from werkenaanwerk import definities as d

ERBIJ, VERVANGT = "erbij", "vervangt"
MODI = {VERVANGT: "vervangt het huidige doel van die soort", ERBIJ: "komt erbij, voor een andere periode"}
EENHEID = {"doel_deelnemers": "gestarte deelnemers", "doel_uitstroom_werk": "uitstroom naar werk",
           "doel_uitstroom_opleiding": "uitstroom naar opleiding"}


@dataclass(frozen=True)
class Doel:
    soort: str                # doel_deelnemers | doel_uitstroom_werk | doel_uitstroom_opleiding
    doel: int
    periode: str              # per jaar | projectduur | periode
    van: str | None           # only for periode
    tot: str | None
    volgnummer: int           # 0: the register's row
    door: str | None = None   # who entered it (None: from the register's document)

    def bereik(self, start: str | None, einde: str | None) -> tuple[str, str]:
        """The quarters the target covers: its own range, or (per jaar, projectduur) the project's run."""
        if self.periode == "periode" and self.van and self.tot:
            return self.van, self.tot
        return start or "0000-Q1", einde or "9999-Q4"

    def tekst(self, start: str | None = None, einde: str | None = None) -> str:
        if self.periode == "periode" and self.van and self.tot:
            wanneer = f"periode {d.kwartaal_label(self.van)} t/m {d.kwartaal_label(self.tot)}"
        else:
            van, tot = self.bereik(start, einde)
            looptijd = (f"{'start onbekend' if van == '0000-Q1' else d.kwartaal_label(van)} t/m "
                        f"{'einde onbekend' if tot == '9999-Q4' else d.kwartaal_label(tot)}")
            wanneer = f"{self.periode}, over de looptijd {looptijd}"
        return f"{self.doel} {EENHEID[self.soort]} ({wanneer})"


def geldig(versies: list[dict]) -> dict[str, list[Doel]]:
    """Kind -> the targets that hold after `versies` (dicts with volgnummer, doel_modus, the amounts,
    doel_periode, doel_van, doel_tot and door), oldest first."""
    uit: dict[str, list[Doel]] = {s: [] for s in d.DOELEN}
    bedrag: dict[str, int | None] = {s: None for s in d.DOELEN}
    periode: tuple | None = None
    for v in sorted(versies, key=lambda v: v.get("volgnummer") or 0):
        modus = v.get("doel_modus")
        if modus != ERBIJ:
            if v.get("doel_periode"):
                periode = (v["doel_periode"], v.get("doel_van"), v.get("doel_tot"))
            for s in d.DOELEN:
                if v.get(s) is not None:
                    bedrag[s] = v[s]
        for s in d.DOELEN:
            if modus == ERBIJ:
                if v.get(s) is not None and v.get("doel_periode"):
                    uit[s].append(Doel(s, v[s], v["doel_periode"], v.get("doel_van"), v.get("doel_tot"),
                                       v.get("volgnummer") or 0, v.get("door")))
            elif v.get(s) is not None or (modus is None and v.get("doel_periode")):
                uit[s] = ([Doel(s, bedrag[s], *periode, v.get("volgnummer") or 0, v.get("door"))]
                          if bedrag[s] is not None and periode else [])
    return uit


def overlappingen(doelen: dict[str, list[Doel]], start: str | None, einde: str | None) -> list[tuple[Doel, Doel]]:
    """Pairs of targets of one kind whose quarters overlap (older first)."""
    paren = []
    for lijst in doelen.values():
        for i, a in enumerate(lijst):
            for b in lijst[i + 1:]:
                (a_van, a_tot), (b_van, b_tot) = a.bereik(start, einde), b.bereik(start, einde)
                if a_van <= b_tot and b_van <= a_tot:
                    paren.append((a, b))
    return paren


def melding(naam: str, a: Doel, b: Doel, start: str | None, einde: str | None) -> str:
    return (f"het doel {b.tekst(start, einde)} van {naam} overlapt met het doel {a.tekst(start, einde)}: twee doelen "
            "voor dezelfde soort mogen niet over dezelfde kwartalen gaan. Kies 'vervangt het huidige doel' om het "
            "bestaande doel te vervangen (het oude blijft in de geschiedenis), of een periode die er niet mee "
            "overlapt")

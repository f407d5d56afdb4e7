"""The one way a change reaches the monitor, for the page and the CLI alike:
an imported file, a correction in the table, or a project's register data.
`sla_op` validates, appends to the log in one atomic save (nothing stored on
any error), and records the outcome under "monitor" in the refresh status
file, which *Bronnen en actualiteit* shows. Rebuilding the warehouse is the
caller's next step: werkenaanwerk.verversen."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from basis import statusbestand
from werkenaanwerk import invoer, opslag

log = logging.getLogger("werkenaanwerk.opslaan")

InvoerFout = invoer.InvoerFout
Conflict = opslag.Conflict
Uitkomst = invoer.Uitkomst


@dataclass(frozen=True)
class Bestand:
    """A filled-in template (.xlsx) or a CSV with the same columns."""
    naam: str
    inhoud: bytes
    regio: str | None = None   # the page's region: every project in the file must be one of its

    def omschrijving(self) -> str:
        return f"bestand {self.naam}"


@dataclass(frozen=True)
class Correctie:
    """One project's results as edited in the table on the page."""
    project_id: str
    rijen: list[dict]
    basis_revisie: int

    def omschrijving(self) -> str:
        return f"correctie {self.project_id}"


@dataclass(frozen=True)
class Projectgegevens:
    """Status, end, targets or beroepsklasse of a project; project_id None adds a new one."""
    project_id: str | None
    velden: dict = field(default_factory=dict)
    basis_revisie: int = 0

    def omschrijving(self) -> str:
        return f"projectgegevens {self.project_id or (self.velden.get('naam') or 'nieuw project')}"


Wijziging = Bestand | Correctie | Projectgegevens


def sla_op(wijziging: Wijziging, door: str, alleen_controleren: bool = False,
           vandaag: date | None = None) -> Uitkomst:
    """Validate and store `wijziging` as `door`. Raises InvoerFout (with the
    Dutch errors: sheet/row/column) or Conflict (someone else saved the same
    project meanwhile); either way nothing is stored. A check only
    (alleen_controleren) stores nothing and records nothing."""
    try:
        if isinstance(wijziging, Bestand):
            uitkomst = invoer.importeer(wijziging.naam, wijziging.inhoud, door, alleen_controleren, vandaag,
                                        regio=wijziging.regio)
        elif isinstance(wijziging, Correctie):
            if alleen_controleren:
                raise ValueError("een correctie in de tabel kan alleen worden opgeslagen")
            uitkomst = invoer.corrigeer(wijziging.project_id, wijziging.rijen, wijziging.basis_revisie, door, vandaag)
        elif isinstance(wijziging, Projectgegevens):
            if alleen_controleren:
                raise ValueError("projectgegevens kunnen alleen worden opgeslagen")
            uitkomst = invoer._wijzig_project(wijziging.project_id, wijziging.velden, door, wijziging.basis_revisie,
                                              vandaag)
        else:
            raise TypeError(f"onbekende wijziging {wijziging!r}")
    except InvoerFout as exc:
        n = exc.totaal
        _noteer(wijziging, door, False, f"Niet opgeslagen: {n} fout{'en' if n != 1 else ''} "
                                        f"({wijziging.omschrijving()}). " + "; ".join(f.tekst() for f in exc.fouten[:3])
                + (" …" if n > 3 else ""))
        raise
    except Conflict as exc:
        _noteer(wijziging, door, False, str(exc))
        raise
    except (OSError, ValueError) as exc:
        _noteer(wijziging, door, False, f"Niet opgeslagen ({wijziging.omschrijving()}): {exc}")
        raise
    if not alleen_controleren:
        _noteer(wijziging, door, True, uitkomst.tekst(), uitkomst.volgnummer)
    return uitkomst


def _noteer(wijziging: Wijziging, door: str, gelukt: bool, melding: str, volgnummer: int | None = None) -> None:
    nu = datetime.now(UTC).isoformat(timespec="seconds")

    def zet(status: dict) -> None:
        monitor = status.setdefault("monitor", {})
        monitor.update({"laatste_poging": nu, "gelukt": gelukt, "melding": melding, "door": (door or "").strip(),
                        "wat": wijziging.omschrijving()})
        if gelukt:
            monitor["laatste_succes"] = nu
            if volgnummer is not None:
                monitor["volgnummer"] = volgnummer

    try:
        statusbestand.bijwerken(zet)
    except OSError as exc:  # the save itself stands; only the report of it is missing
        log.warning("statusbestand niet bijgewerkt: %s", exc)

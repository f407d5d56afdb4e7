from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fout:
    """One validation error, in Dutch, pointing at file, line and column."""
    bestand: str
    regel: int | None
    kolom: str | None
    melding: str

    def tekst(self) -> str:
        plek = [self.bestand]
        if self.regel is not None:
            plek.append(f"regel {self.regel}")
        if self.kolom:
            plek.append(f"kolom '{self.kolom}'")
        return ", ".join(plek) + ": " + self.melding

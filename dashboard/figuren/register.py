"""Every figure under a key, and every Analyse section's facts under its id.

A topic module in this package (bevolking.py, mismatch.py, ...) registers its
figures with `@figuur("sleutel", "Titel")`: a function Context -> Figuur, or
None when the region has no data for it. Pages name keys
(`tonen.figuren(ctx, "mismatch")`); the Analyse arbeidsmarkt, its
presentation and every export ask this register for the same keys, so a
figure has one implementation whatever shows it.

Section facts (`@feiten("vacatures")`) are the numbers the Analyse text names;
a figure's sentence uses the same facts, so the page and the text never derive
them twice."""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from dashboard.figuren.figuur import Figuur
from dashboard.kern import db
from dashboard.kern.context import Context
from dashboard.kern.geheugen import eenmalig

# modules of this package that hold no figures
_GEEN_ONDERWERP = {"register", "figuur", "charts", "samenvatting", "views", "definities", "tonen"}


@dataclass(frozen=True)
class Aanmelding:
    sleutel: str
    maak: Callable[..., Figuur | None]   # (ctx, **keuzes) -> Figuur, or None without data
    titel: str   # for the empty state and error messages; may name {regio_naam}
    leeg: str    # said when maak returns None; may name {regio_naam}

    def leeg_tekst(self, ctx: Context) -> tuple[str, str]:
        return self.titel.format(regio_naam=ctx.regio_naam), self.leeg.format(regio_naam=ctx.regio_naam)


FIGUREN: dict[str, Aanmelding] = {}
FEITEN: dict[str, Callable[[Context], dict]] = {}


def figuur(sleutel: str, titel: str, leeg: str = "Geen gegevens voor {regio_naam}."):
    """Register the decorated function as the figure `sleutel`."""
    def aanmelden(maak):
        if sleutel in FIGUREN and FIGUREN[sleutel].maak is not maak:
            raise ValueError(f"figuur {sleutel!r} is twee keer aangemeld")
        FIGUREN[sleutel] = Aanmelding(sleutel, maak, titel, leeg)
        return maak
    return aanmelden


def feiten(sectie: str):
    """Register the decorated function as the facts of Analyse section `sectie`."""
    def aanmelden(maak):
        FEITEN[sectie] = maak
        return maak
    return aanmelden


@lru_cache(maxsize=1)
def laad() -> None:
    """Import every topic module of this package (their decorators fill the register)."""
    import dashboard.figuren as pakket
    for m in pkgutil.iter_modules(pakket.__path__):
        if m.name not in _GEEN_ONDERWERP:
            importlib.import_module(f"{pakket.__name__}.{m.name}")
    importlib.import_module("dashboard.monitor.figuren")   # the monitor's figures live with the monitor


def aanmelding(sleutel: str) -> Aanmelding:
    laad()
    try:
        return FIGUREN[sleutel]
    except KeyError:
        raise KeyError(f"onbekende figuur {sleutel!r}; bekend zijn {', '.join(sorted(FIGUREN))}") from None


@eenmalig(maxsize=512)
def _maak(sleutel: str, ctx: Context, keuzes: tuple, build: str) -> Figuur | None:
    return aanmelding(sleutel).maak(ctx, **dict(keuzes))


def maak(sleutel: str, ctx: Context, **keuzes) -> Figuur | None:
    """The figure `sleutel` for the context (and the page's choices, e.g. tot="2025-Q2": plain values),
    made once per warehouse build and shared between sessions: treat it as read-only."""
    return _maak(sleutel, ctx, tuple(sorted(keuzes.items())), db.huidige_build())


def sectie_feiten(sectie: str, ctx: Context, **keuzes) -> dict:
    """The facts of one Analyse section; `keuzes` (e.g. periode=...) go to sections that take them."""
    laad()
    return FEITEN[sectie](ctx, **keuzes)


def clear() -> None:
    _maak.cache_clear()

"""Throttling of failed logins, per user name and per client, shared by every
server process and machine: it lives in the store of basis.database (a SQLite
file inlogpogingen.sqlite next to the monitor's data by default, the table
inlogpogingen in the PostgreSQL database when DATABASE_URL is set), so N
workers behind the proxy, on one machine or several, count one another's
failures. A first failure may be a typo: retry at once; after the second,
third and fourth the next attempt waits 1, 2, 4 s; after 5 failures in a row
the name (or client) is locked for 15 minutes. A success clears the name's
and the client's count. A store that cannot be reached raises
database.Onbereikbaar (Dutch message): the login is then refused, never let
through unthrottled."""
from __future__ import annotations

import time

from basis import database
from basis import instellingen as settings

MAX_POGINGEN = 5
BLOKKADE = 15 * 60     # seconds
VERGEET_NA = 24 * 3600  # a failure this old no longer counts
DATABASE = "inlogpogingen.sqlite"

# not append-only: a count is raised and cleared; it holds no history worth keeping
_TABEL = ("create table if not exists inlogpogingen (sleutel text primary key, fouten integer not null, "
          "laatste {getal} not null)")
SCHEMA = {"sqlite": [_TABEL.format(getal="real")], "postgresql": [_TABEL.format(getal="double precision")]}


def _db() -> database.Database:
    return database.open_(settings.monitor_dir() / DATABASE, SCHEMA)


def _sleutels(naam: str, client: str | None) -> list[str]:
    return [f"naam:{naam.strip().lower()}"] + ([f"client:{client}"] if client else [])


def _lees(t: database.Transactie, sleutels: list[str]) -> dict[str, tuple[int, float]]:
    vraag = ", ".join("?" for _ in sleutels)
    return {k: (f, l) for k, f, l in t.execute(
        f"select sleutel, fouten, laatste from inlogpogingen where sleutel in ({vraag})", sleutels)}


def wachttijd(naam: str, client: str | None, nu: float | None = None) -> float:
    """Seconds before this name/client may try again (0: now)."""
    nu = time.time() if nu is None else nu
    sleutels = _sleutels(naam, client)
    with _db().transactie() as t:
        rijen = _lees(t, sleutels)
    langste = 0.0
    for fouten, laatste in rijen.values():
        if nu - laatste > VERGEET_NA:
            continue
        wacht = BLOKKADE if fouten >= MAX_POGINGEN else (0 if fouten < 2 else 2 ** (fouten - 2))
        langste = max(langste, laatste + wacht - nu)
    return max(0.0, langste)


def mislukt(naam: str, client: str | None, nu: float | None = None) -> None:
    """Count a failure for the name and the client (one transaction, under the store's write lock: two
    workers failing at once both count)."""
    nu = time.time() if nu is None else nu
    sleutels = _sleutels(naam, client)
    winkel = _db()
    with winkel.transactie(schrijven=True) as t:
        if winkel.postgres:   # read and raise the counts with nobody in between (SQLite: BEGIN IMMEDIATE)
            t.execute("lock table inlogpogingen in share row exclusive mode")
        rijen = _lees(t, sleutels)
        for k in sleutels:
            fouten, laatste = rijen.get(k, (0, nu))
            fouten = 0 if nu - laatste > VERGEET_NA else fouten
            t.execute("insert into inlogpogingen (sleutel, fouten, laatste) values (?, ?, ?) on conflict (sleutel) "
                      "do update set fouten = excluded.fouten, laatste = excluded.laatste", (k, fouten + 1, nu))


def gelukt(naam: str, client: str | None) -> None:
    sleutels = _sleutels(naam, client)
    with _db().transactie(schrijven=True) as t:
        t.execute(f"delete from inlogpogingen where sleutel in ({', '.join('?' for _ in sleutels)})", sleutels)

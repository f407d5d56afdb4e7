"""The one small storage interface for state that outlives a warehouse build:
the monitor's changes (werkenaanwerk.opslag) and the saved analysis versions
(dashboard.analyse.versies).

By default a store is a SQLite file (WAL, one transaction per save). When the
setting DATABASE_URL is given, every store lives in that PostgreSQL database
instead, so several processes or machines share it.

    db = database.open_(sqlite_pad, SCHEMA)
    with db.transactie(schrijven=True) as t:
        t.execute("insert into x (a) values (?)", (1,))

SQL is written with `?` placeholders; for PostgreSQL they become `%s`. A
connection is opened per transaction, so a store is safe across threads,
forked workers and machines. A database that cannot be reached raises
Onbereikbaar with a Dutch message; the open transaction is rolled back, so
nothing is half-saved.

What a page reads in every rerun (the list of saved versions, the monitor's
last sequence number) is read once per `stand`: a value that every committed
write changes, from any process, and that costs a stat (SQLite) or one query
over a kept connection (PostgreSQL) instead of a new connection per rerun:

    versies = db.per_stand("versies", lees_versies)"""
from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from basis import instellingen as settings

T = TypeVar("T")
log = logging.getLogger("basis.database")
WACHTTIJD_S = 30   # how long a writer waits for another writer before giving up


class Onbereikbaar(Exception):
    """The store could not be read or written (database down, file not writable); Dutch message."""


class Dubbel(Exception):
    """An insert met a primary key that is already there (the transaction is rolled back)."""


class Transactie:
    """A cursor that takes `?` placeholders on either database."""

    def __init__(self, cursor, postgres: bool):
        self._cursor = cursor
        self._postgres = postgres

    def execute(self, sql: str, params: tuple | list = ()) -> list[tuple]:
        if self._postgres:
            sql = sql.replace("?", "%s")
        try:
            self._cursor.execute(sql, tuple(params))
        except Exception as exc:
            if _dubbel(exc):
                raise Dubbel(str(exc)) from exc
            raise
        return self._cursor.fetchall() if self._cursor.description else []


def _dubbel(exc: Exception) -> bool:
    if isinstance(exc, sqlite3.IntegrityError):
        return "UNIQUE constraint failed" in str(exc)
    return type(exc).__name__ == "UniqueViolation"   # psycopg.errors.UniqueViolation


class Database:
    """One store: a SQLite file, or the PostgreSQL database of `url`."""

    def __init__(self, sqlite_pad: Path, schema: dict[str, list[str]], url: str = ""):
        self.url = url
        self.postgres = bool(url)
        self.pad = Path(sqlite_pad)
        self._schema = schema[self.soort] + (_STAND_POSTGRES if self.postgres else [])
        self._klaar = False
        self._lock = threading.Lock()
        self._per_stand: dict[str, tuple[tuple, object]] = {}

    @property
    def soort(self) -> str:
        return "postgresql" if self.postgres else "sqlite"

    def omschrijving(self) -> str:
        """Where the data is, for messages and meta.sources (never a password)."""
        if not self.postgres:
            return f"SQLite-bestand {self.pad}"
        deel = urlsplit(self.url)
        return f"PostgreSQL-database {deel.path.lstrip('/') or '(standaard)'} op {deel.hostname or 'localhost'}" + (
            f":{deel.port}" if deel.port else "")

    def bestaat(self) -> bool:
        """False only for a SQLite file that was never written: reading it needs no file."""
        return self.postgres or self.pad.exists()

    def _verbind(self):
        if self.postgres:
            import psycopg
            return psycopg.connect(self.url, connect_timeout=5, autocommit=False)
        self.pad.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(self.pad, timeout=WACHTTIJD_S, isolation_level=None)
        _wal(con)
        con.execute("pragma synchronous=full")
        return con

    def _fouten(self) -> tuple[type[Exception], ...]:
        if self.postgres:
            import psycopg
            return (psycopg.OperationalError, psycopg.InterfaceError, OSError)
        return (sqlite3.OperationalError, OSError)

    @contextmanager
    def transactie(self, schrijven: bool = False) -> Iterator[Transactie]:
        """One transaction: committed when the block ends, rolled back on any error. A writing
        transaction on SQLite takes the write lock at its start (BEGIN IMMEDIATE)."""
        try:
            con = self._verbind()
        except self._fouten() as exc:
            raise self._onbereikbaar(exc) from exc
        try:
            self._maak_schema(con)
            cur = con.cursor()
            if not self.postgres:
                cur.execute("begin immediate" if schrijven else "begin")
            try:
                yield Transactie(cur, self.postgres)
                if schrijven and self.postgres:
                    # in the same transaction as the write: the new stand and the data commit together
                    cur.execute("update opslag_stand set n = n + 1 where id = 1")
            except BaseException:
                con.rollback()
                raise
            con.commit()
        except self._fouten() as exc:
            raise self._onbereikbaar(exc) from exc
        finally:
            try:
                con.close()
            except Exception:  # noqa: BLE001 - a broken connection cannot be closed cleanly; it is gone anyway
                pass
        if schrijven and not self.postgres:
            self._stand_verder()

    # --- the stand: a cheap value that changes with every committed write ------------------------------

    @property
    def _standpad(self) -> Path:
        return self.pad.with_name(self.pad.name + ".stand")

    def _stand_verder(self) -> None:
        """SQLite, after a commit: one byte more in the marker file beside the database. Appends are atomic,
        so its size counts the commits of every process on this machine (and the mtime changes as well)."""
        try:
            fd = os.open(self._standpad, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, b".")
            finally:
                os.close(fd)
        except OSError as exc:
            # the write is committed: not an error for the saver; other processes see it at their next
            # successful marker, this one at once
            log.warning("opslag %s: stand niet bijgewerkt (%s)", self.pad, exc)
            with self._lock:
                self._per_stand.clear()

    def stand(self) -> tuple:
        """A value that changes whenever a write was committed, in this process or any other.
        SQLite: a stat of the marker file (its size counts the commits) and of the database file (a file
        put back from a backup also counts); the marker is extended after the commit, so a reader that
        took the stand before reading never keeps older data under a newer stand.
        PostgreSQL (shared by several machines, so no file will do): the counter row that every writing
        transaction increments within its own transaction, read over one kept connection per process:
        one round trip, no new connection (LISTEN/NOTIFY would need a listening thread per process and
        still a check per rerun whether a notification came)."""
        if self.postgres:
            return (self._stand_postgres(),)
        uit: tuple = ()
        for pad in (self._standpad, self.pad):
            try:
                s = os.stat(pad)
                uit += (s.st_size, s.st_mtime_ns, s.st_ino)
            except FileNotFoundError:
                uit += (None,)
        return uit

    def _stand_postgres(self) -> int:
        if not self._klaar:
            with self.transactie():   # the tables, the stand's row included, exist from here on
                pass
        with _stand_lock:
            con = _stand_verbindingen.pop(self.url, None)
            n = None
            if con is not None:   # the kept connection; a restarted server has closed it: then a new one
                try:
                    n = con.execute("select n from opslag_stand where id = 1").fetchone()[0]
                except self._fouten():
                    _sluit(con)
            if n is None:
                con = None
                try:
                    con = self._verbind()
                    con.autocommit = True
                    n = con.execute("select n from opslag_stand where id = 1").fetchone()[0]
                except self._fouten() as exc:
                    _sluit(con)
                    raise self._onbereikbaar(exc) from exc
            _stand_verbindingen[self.url] = con          # the most recently used last
            while len(_stand_verbindingen) > _STAND_VERBINDINGEN:
                _sluit(_stand_verbindingen.pop(next(iter(_stand_verbindingen))))
            return n

    def per_stand(self, naam: str, lees: Callable[[], T]) -> T:
        """`lees()` once per stand: its answer is kept until a write (in any process) changes the stand.
        The stand is taken before reading, so a write during the read only makes the next call read again.
        The caller must not change what it gets."""
        stand = self.stand()
        with self._lock:
            bewaard = self._per_stand.get(naam)
        if bewaard is not None and bewaard[0] == stand:
            return bewaard[1]   # type: ignore[return-value]
        waarde = lees()
        with self._lock:
            self._per_stand[naam] = (stand, waarde)
        return waarde

    def _maak_schema(self, con) -> None:
        if self._klaar:
            return
        with self._lock:
            if self._klaar:
                return
            cur = con.cursor()
            if self.postgres:
                # one session at a time creates the tables (two workers starting together)
                cur.execute("select pg_advisory_xact_lock(160016)")
            else:
                cur.execute("begin immediate")
            for sql in self._schema:
                cur.execute(sql)
            con.commit()
            self._klaar = True

    def _onbereikbaar(self, exc: Exception) -> Onbereikbaar:
        uitleg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return Onbereikbaar(
            f"De opslag ({self.omschrijving()}) is nu niet bereikbaar (melding: {uitleg}). Er is niets half "
            "opgeslagen. Probeer het opnieuw zodra de database weer draait; blijft dit zo, meld het dan aan de "
            "beheerder.")


# PostgreSQL: the kept connections that read the stand, one per database URL (every store in a database
# shares it; a deployment has one URL, the tests a fresh one per test, so only the last few are kept open)
_stand_verbindingen: dict[str, object] = {}
_stand_lock = threading.Lock()
_STAND_VERBINDINGEN = 4


def _sluit(con) -> None:
    try:
        if con is not None:
            con.close()
    except Exception:  # noqa: BLE001 - a broken connection is gone anyway
        pass


# PostgreSQL: the stand of the whole database, one row that every writing transaction increments
_STAND_POSTGRES = [
    "create table if not exists opslag_stand (id integer primary key, n bigint not null)",
    "insert into opslag_stand (id, n) values (1, 0) on conflict (id) do nothing",
]


def _wal(con: sqlite3.Connection) -> None:
    """WAL is a property of the file, set once. Switching to it needs the file to itself, and SQLite then
    answers 'database is locked' at once, without the busy wait, when another process sets up the same new
    file at that moment (two workers saving their first version together): wait and look again."""
    eind = time.monotonic() + WACHTTIJD_S
    while con.execute("pragma journal_mode").fetchone()[0].lower() != "wal":
        try:
            con.execute("pragma journal_mode=wal")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > eind:
                raise
            time.sleep(0.05)


_open: dict[tuple, Database] = {}
_open_lock = threading.Lock()


def open_(sqlite_pad: Path, schema: dict[str, list[str]], url: str | None = None) -> Database:
    """The store for `schema`: PostgreSQL when DATABASE_URL is set (or `url` is given), else the
    SQLite file `sqlite_pad`. Cached per location, so the schema is created once per process."""
    url = settings.database_url() if url is None else url
    # asked the same way again (a URL or an absolute path): no path resolution, a dict lookup
    snel = (url or str(sqlite_pad), id(schema)) if url or Path(sqlite_pad).is_absolute() else None
    if snel in _open:
        return _open[snel]
    sleutel = (url or str(Path(sqlite_pad).resolve()), id(schema))
    with _open_lock:
        if sleutel not in _open:
            _open[sleutel] = Database(sqlite_pad, schema, url)
        if snel is not None:
            _open[snel] = _open[sleutel]
        return _open[sleutel]

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
nothing is half-saved."""
from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from basis import instellingen as settings

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
        self._schema = schema[self.soort]
        self._klaar = False
        self._lock = threading.Lock()

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
    sleutel = (url or str(Path(sqlite_pad).resolve()), id(schema))
    with _open_lock:
        if sleutel not in _open:
            _open[sleutel] = Database(sqlite_pad, schema, url)
        return _open[sleutel]

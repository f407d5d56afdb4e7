"""The one way pages get data: run a named SQL file from queries/ against the
warehouse, read-only, cached per warehouse build.

A refresh swaps in a new warehouse file with an atomic rename. The cache key
is the file's identity (inode + mtime), so the next interaction after a
refresh opens the new file and shows the new data without a restart, while
sessions that are mid-render keep reading the old file."""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

import duckdb
import pandas as pd
import streamlit as st

from basis import instellingen as settings
from dashboard.kern.geheugen import eenmalig


class WarehouseOntbreekt(Exception):
    """No warehouse file at all."""


class DataOntbreekt(Exception):
    """The warehouse lacks a table a figure needs (partial or older build)."""

    def __init__(self, query: str, detail: str):
        super().__init__(f"{query}: {detail}")
        self.query = query
        self.detail = detail


def build_key() -> str:
    path = settings.warehouse_path()
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise WarehouseOntbreekt(str(path)) from None
    return f"{stat.st_ino}:{stat.st_mtime_ns}:{path}"


@st.cache_resource(max_entries=4, show_spinner=False)
def _connection(key: str) -> duckdb.DuckDBPyConnection:
    """An in-memory database with the warehouse file attached read-only.

    Not duckdb.connect(path): DuckDB keeps one database instance per path
    per process, so after a refresh swapped the file, connect(path) would
    hand back the old, still-open instance. ATTACH opens the file that is
    at the path now."""
    path = key.split(":", 2)[2]
    con = duckdb.connect(":memory:")
    con.execute("attach ? as warehouse (read_only)", [path])   # the path as a value, not quoted into the SQL
    return con


@cache
def _sql(name: str) -> str:
    path = settings.QUERIES_DIR / f"{name}.sql"
    if not path.is_file() or path.parent != settings.QUERIES_DIR:
        raise ValueError(f"onbekende query {name!r}")
    return path.read_text()


# Query results are cached per (query, parameters, warehouse file): a refresh
# changes the key, so the next rerun reads the new build. An lru_cache (geheugen.eenmalig: computed once
# when many sessions miss together),
# not st.cache_data: that unpickles a copy on every hit and hashes its
# arguments through inspect (together ~1 ms a call, dozens per page). Results
# are shared and read-only: pages derive new frames and never modify these.
@eenmalig(maxsize=1024)
def _run(name: str, params: tuple, key: str) -> pd.DataFrame:
    cursor = _connection(key).cursor()  # a cursor per query: connections are shared across sessions
    try:
        cursor.execute("use warehouse")
        return cursor.execute(_sql(name), dict(params) or None).df()
    except duckdb.CatalogException as exc:
        raise DataOntbreekt(name, str(exc).splitlines()[0]) from None
    finally:
        cursor.close()


_VAST: ContextVar[str | None] = ContextVar("vaste_build", default=None)


def huidige_build() -> str:
    """The build key every query of this moment reads (the pinned one inside een_build())."""
    return _VAST.get() or build_key()


@contextmanager
def een_build(stil: bool = False):
    """Within this block every query reads the same warehouse build, even if a
    refresh swaps in a new file meanwhile (the attached old file stays readable).
    Yields the build key; compare it with build_key() afterwards to know whether
    the attached file really was the build of that key (see analyse.maak).
    stil: without a warehouse, pin nothing and yield None (each query then says so)."""
    try:
        key = build_key()
    except WarehouseOntbreekt:
        if not stil:
            raise
        yield None
        return
    token = _VAST.set(key)
    try:
        yield key
    finally:
        _VAST.reset(token)


def query(name: str, **params) -> pd.DataFrame:
    """Run queries/<name>.sql with named parameters ($regio, ...). The frame is
    a copy-on-write view of the cached result: changing it changes nothing that
    other sessions see."""
    return _run(name, tuple(sorted(params.items())), huidige_build()).copy(deep=False)


def _leeg(v) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v)


def records(df: pd.DataFrame) -> tuple[dict, ...]:
    """Rows as dicts with SQL NULL as None (never NaN): the one place where
    pandas' missing values become Python's."""
    return tuple({k: (None if _leeg(v) else v) for k, v in r.items()} for r in df.to_dict("records"))


def rijen(name: str, **params) -> list[dict]:
    """queries/<name>.sql as a list of fresh dicts (NULL as None), cached per build."""
    return [dict(r) for r in _view(records, (), name, tuple(sorted(params.items())), huidige_build())]


@eenmalig(maxsize=1024)
def _view(fn, args: tuple, name: str, params: tuple, key: str):
    return fn(_run(name, params, key), *args)


def view(fn, name: str, *args, **params):
    """fn(result of queries/<name>.sql, *args), computed once per warehouse
    build, query parameters and args. For the shaping a page would otherwise
    redo on every rerun (formatting, records, HTML); fn must be pure."""
    return _view(fn, args, name, tuple(sorted(params.items())), huidige_build())


def clear() -> None:
    """Forget cached results and connections (tests)."""
    _run.cache_clear()
    _view.cache_clear()
    _connection.clear()

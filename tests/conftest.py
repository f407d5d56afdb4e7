from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import types
from pathlib import Path

import pytest

# viewers get a generic message (.streamlit/config.toml); a failing test should show the real one
os.environ.setdefault("STREAMLIT_CLIENT_SHOW_ERROR_DETAILS", "full")
# no background CBS refresh when a test starts the app (beheer.eerste_verversing); a test turns it on itself
os.environ["VERVERSEN_BIJ_START"] = "0"

import streamlit as st  # noqa: E402 - after the setting above

from basis import instellingen as settings
from etl.build import build

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"


def shared_data_required() -> bool:
    """In CI, with ../shared/data present, a test may not skip for want of shared data: it fails."""
    return bool(os.environ.get("CI")) and SHARED_DATA.is_dir()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Turn a skip whose reason names ../shared/data into a failure when `shared_data_required()`.
    Tests keep their plain `skipif(not path.exists(), reason="../shared/data/... ontbreekt ...")`."""
    report = yield
    if report.skipped and not hasattr(report, "wasxfail") and shared_data_required():
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        if "shared/" in reason:
            report.outcome = "failed"
            report.longrepr = (f"CI is set and {SHARED_DATA} exists, but this test skipped for want of shared "
                               f"data: {reason}")
    return report


@pytest.fixture(autouse=True)
def clear_streamlit_caches():
    from dashboard.analyse import document as analyse
    from dashboard.figuren import register
    from dashboard.kern import db

    def clear():
        st.cache_data.clear()
        st.cache_resource.clear()
        db.clear()
        register.clear()
        analyse.clear()
    clear()
    yield
    clear()


@pytest.fixture(autouse=True)
def retry_waits(monkeypatch) -> list[float]:
    """The CBS clients' backoff between attempts (0.5 s, 1 s, ...) is recorded here instead of
    slept: retries are asserted by their outcome and messages, and waiting made up seconds of the
    suite. Only etl.bronnen.gemeenschappelijk.retry's clock is replaced; the replay server still
    sleeps for real."""
    from etl.bronnen.gemeenschappelijk import retry

    waits: list[float] = []
    if isinstance(getattr(retry, "time", None), types.ModuleType):
        fake = types.SimpleNamespace(**{k: getattr(time, k) for k in dir(time) if not k.startswith("_")})
        fake.sleep = waits.append
        monkeypatch.setattr(retry, "time", fake)
    return waits


@pytest.fixture(autouse=True)
def monitor_dir(tmp_path, monkeypatch) -> Path:
    """Every test gets its own empty monitor log: the real data/monitor/ is never touched."""
    path = tmp_path / "monitor"
    monkeypatch.setenv("MONITOR_DIR", str(path))
    monkeypatch.delenv("DATABASE_URL", raising=False)   # never a real database: fixture postgres sets one
    return path


@pytest.fixture
def raw_dir(tmp_path, monkeypatch) -> Path:
    """A private copy of data/raw that a test may break."""
    target = tmp_path / "raw"
    # without locally fetched CBS snapshots (data/raw/cbs/ is local state, not in git)
    shutil.copytree(REPO / "data" / "raw", target, ignore=shutil.ignore_patterns("cbs", "uwv"))
    monkeypatch.setenv("DASHBOARD_RAW_DIR", str(target))
    return target


@pytest.fixture(autouse=True)
def versies_dir(tmp_path, monkeypatch) -> Path:
    """Saved analysis versions go to tmp, never to data/versions."""
    path = tmp_path / "versions"
    monkeypatch.setenv("VERSIES_DIR", str(path))
    return path


@pytest.fixture
def warehouse_path(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "wh" / "warehouse.duckdb"
    monkeypatch.setenv("WAREHOUSE_PATH", str(path))
    return path


def inputs_fingerprint(raw: Path) -> list[tuple[str, bytes]]:
    """Everything a build reads from outside the repository's code: data/raw and the monitor's store."""
    from werkenaanwerk import opslag
    return [(f"raw/{p.relative_to(raw)}", p.read_bytes()) for p in sorted(raw.rglob("*")) if p.is_file()] + [
        ("monitor", json.dumps(opslag.lees()).encode())]


@pytest.fixture(scope="session")
def built_warehouse(tmp_path_factory) -> tuple[Path, list]:
    """The embedded data (data/raw without local CBS snapshots, no monitor results) built once per
    session, with the inputs it was built from. Not for tests: `warehouse` gives each its own copy."""
    tmp = tmp_path_factory.mktemp("built-warehouse")
    raw, monitor, path = tmp / "raw", tmp / "monitor", tmp / "warehouse.duckdb"
    shutil.copytree(REPO / "data" / "raw", raw, ignore=shutil.ignore_patterns("cbs", "uwv"))
    # a session fixture runs before the function-scoped ones: set the locations the build reads here
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DASHBOARD_RAW_DIR", str(raw))
        mp.setenv("MONITOR_DIR", str(monitor))
        mp.setenv("WAREHOUSE_PATH", str(path))
        build(raw, path)
        return path, inputs_fingerprint(raw)


@pytest.fixture
def warehouse(raw_dir, warehouse_path, built_warehouse) -> Path:
    """A warehouse of the embedded data in tmp_path, as `build(raw_dir, warehouse_path)` makes it.
    A copy of the session's build (a build per test cost a minute of the suite); built afresh only
    when a fixture set up before this one already changed raw_dir or the monitor log. A test that
    breaks raw_dir itself and wants that in the warehouse calls `build(raw_dir, warehouse)`."""
    built, fingerprint = built_warehouse
    if inputs_fingerprint(raw_dir) == fingerprint:
        warehouse_path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, warehouse_path)
    else:
        build(raw_dir, warehouse_path)
    assert settings.warehouse_path() == warehouse_path
    return warehouse_path


def replace_in_file(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


@pytest.fixture(scope="session")
def pdok_fixture_url():
    """The project's made-up PDOK geometry (tests/fixtures/pdok) on loopback for the whole session."""
    from tests.regios_replay import GeoServer
    server = GeoServer(REPO / "tests" / "fixtures" / "pdok")
    yield server.url
    server.stop()


@pytest.fixture(autouse=True)
def pdok_url(pdok_fixture_url, monkeypatch) -> str:
    """A full `etl.refresh` in a test fetches the geometry from loopback, never from the internet."""
    monkeypatch.setenv("PDOK_URL", pdok_fixture_url)
    return pdok_fixture_url


@pytest.fixture(scope="session")
def postgres_cluster():
    """One throwaway PostgreSQL server for the session (tests/postgres.py), or the reason there is none."""
    from tests.postgres import Cluster, GeenPostgres
    try:
        cluster = Cluster()
    except (GeenPostgres, OSError, subprocess.SubprocessError) as exc:
        yield str(exc)
        return
    yield cluster
    cluster.opruimen()


@pytest.fixture
def postgres(postgres_cluster, monkeypatch):
    """A fresh PostgreSQL database as the store (DATABASE_URL). Without PostgreSQL the test skips
    with the reason, and fails when CI is set: CI must test the PostgreSQL store."""
    if isinstance(postgres_cluster, str):
        melding = f"PostgreSQL could not be started: {postgres_cluster}"
        if os.environ.get("CI"):
            pytest.fail(f"CI is set, so the PostgreSQL store must be tested, but {melding}")
        pytest.skip(melding)
    url = postgres_cluster.nieuwe_database()
    monkeypatch.setenv("DATABASE_URL", url)
    return postgres_cluster


@pytest.fixture(params=["sqlite", "postgresql"])
def opslag_soort(request, monkeypatch) -> str:
    """Runs a test once with the default SQLite store and once with PostgreSQL."""
    if request.param == "postgresql":
        request.getfixturevalue("postgres")
    else:
        monkeypatch.delenv("DATABASE_URL", raising=False)
    return request.param

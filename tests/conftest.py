from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import streamlit as st

from basis import instellingen as settings
from etl.build import build

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"


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
def monitor_dir(tmp_path, monkeypatch) -> Path:
    """Every test gets its own empty monitor log: the real data/monitor/ is never touched."""
    path = tmp_path / "monitor"
    monkeypatch.setenv("MONITOR_DIR", str(path))
    return path


@pytest.fixture
def raw_dir(tmp_path, monkeypatch) -> Path:
    """A private copy of data/raw that a test may break."""
    target = tmp_path / "raw"
    # without locally fetched CBS snapshots (data/raw/cbs/ is local state, not in git)
    shutil.copytree(REPO / "data" / "raw", target, ignore=shutil.ignore_patterns("cbs"))
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


@pytest.fixture
def warehouse(raw_dir, warehouse_path) -> Path:
    """A warehouse built from the embedded data into tmp_path."""
    build(raw_dir, warehouse_path)
    assert settings.warehouse_path() == warehouse_path
    return warehouse_path


def replace_in_file(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")

"""Settings are built once (environment, then flags) and handed down; nothing writes os.environ."""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from basis import instellingen as settings
from basis.instellingen import Instellingen
from etl import refresh


def test_settings_come_from_the_environment_and_flags_win():
    env = {"DASHBOARD_RAW_DIR": "/r", "WAREHOUSE_PATH": "/w/wh.duckdb", "CBS_ODATA4_URL": "http://v4",
           "CBS_ODATA3_URL": ""}                                    # empty: not set
    inst = Instellingen.uit_omgeving(env, cbs_odata4_url="http://vlag", cbs_odata3_url=None)
    assert inst.raw_dir == Path("/r") and inst.warehouse_path == Path("/w/wh.duckdb")
    assert inst.cbs_odata4_url == "http://vlag" and inst.cbs_odata3_url == settings.DEFAULT_CBS_ODATA3_URL
    assert inst.status_path == Path("/w/wh.status.json") and inst.catalog == settings.CATALOG
    assert Instellingen.uit_omgeving({}).raw_dir == settings.ROOT / "data" / "raw"
    with pytest.raises(dataclasses.FrozenInstanceError):
        inst.raw_dir = Path("/elders")


def test_module_functions_still_read_the_environment_at_call_time(monkeypatch, tmp_path):
    monkeypatch.setenv("WAREHOUSE_PATH", str(tmp_path / "x.duckdb"))
    monkeypatch.setenv("CBS_ODATA4_URL", "http://127.0.0.1:1/odata/v1/CBS")
    assert settings.warehouse_path() == tmp_path / "x.duckdb"
    assert settings.status_path() == tmp_path / "x.status.json"
    assert settings.cbs_odata4_url() == "http://127.0.0.1:1/odata/v1/CBS"
    assert settings.monitor_dir() == Path(os.environ["MONITOR_DIR"])      # conftest's private monitor dir
    assert settings.SQL_DIR.is_dir() and settings.QUERIES_DIR.is_dir() and settings.CATALOG.is_file()


def test_refresh_flags_do_not_write_the_environment(raw_dir, warehouse_path, monkeypatch, capsys):
    monkeypatch.delenv("CBS_ODATA4_URL", raising=False)
    monkeypatch.delenv("CBS_ODATA3_URL", raising=False)
    before = dict(os.environ)
    assert refresh.main(["--offline", "--cbs-odata4-url", "http://127.0.0.1:9/odata/v1/CBS",
                         "--cbs-odata3-url", "http://127.0.0.1:9"]) == 0, capsys.readouterr().err
    assert dict(os.environ) == before
    assert warehouse_path.exists()

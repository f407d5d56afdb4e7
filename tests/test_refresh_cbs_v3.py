"""A v3 table in the catalog goes through cbsodata into the same warehouse
shape as the v4 tables (hand-written fixture table 99001NED, not CBS data)."""
from __future__ import annotations

import duckdb
import pytest

from basis import instellingen as settings
from basis.instellingen import Instellingen
from etl import refresh
from etl.bronnen.gemeenschappelijk import snapshot
from tests.replay import CbsV3, start
from tests.test_cbs_v3 import FIXTURES, TABLE

CATALOG = f"""
[cbs.{TABLE}]
api = "v3"
titel = "Testtabel (geen CBS-cijfers)"
frequentie = "per kwartaal"
maten = {{ Werkzamen_1 = {{ indicator = "werkzame_beroepsbevolking", eenheid = "x 1000 personen" }}, Werkloosheidspercentage_2 = {{ indicator = "werkloosheidspercentage", eenheid = "procent" }} }}
dimensies = {{ Geslacht = "T001038" }}
"""


@pytest.fixture
def v3_catalog(tmp_path, raw_dir, warehouse_path):
    """The project's catalog plus the test table, served on loopback; returns the settings to refresh with."""
    path = tmp_path / "catalog.toml"
    path.write_text(settings.CATALOG.read_text(encoding="utf-8") + CATALOG, encoding="utf-8")
    servers = []

    def serve(**faults) -> Instellingen:
        server, url = start(CbsV3(table=TABLE, folder=FIXTURES / TABLE, faults=faults))
        servers.append(server)
        return Instellingen.uit_omgeving(catalog=path, cbs_odata3_url=url)
    yield serve
    for s in servers:
        s.stop()


def test_a_v3_table_is_fetched_through_cbsodata_into_the_warehouse(v3_catalog, raw_dir, warehouse_path, capsys):
    inst = v3_catalog()
    assert inst.raw_dir == raw_dir and inst.warehouse_path == warehouse_path
    assert refresh.main(["--only", TABLE], inst) == 0, capsys.readouterr().err
    assert snapshot.read_manifest(snapshot.latest(raw_dir, TABLE))["api"] == "v3"
    con = duckdb.connect(str(warehouse_path), read_only=True)
    rows = con.execute("""select regio_code, periode, indicator, waarde, eenheid from marts.feiten
                          where dataset = $t order by all""", {"t": TABLE}).fetchall()
    bron = con.execute("select titel, bron from meta.sources where dataset = $t", {"t": TABLE}).fetchone()
    con.close()
    # Geslacht = totaal only; 'x 1000' counts stored whole; the missing percentage stays out
    assert ("NL01", "2023", "werkzame_beroepsbevolking", 9501000.0, "personen") in rows
    assert ("NL01", "2024-Q2", "werkloosheidspercentage", 3.7, "procent") in rows
    assert ("GM0402", "2023", "werkzame_beroepsbevolking", 47000.0, "personen") in rows
    assert not any(r[0] == "GM0402" and r[2] == "werkloosheidspercentage" for r in rows)
    assert bron[1] == f"CBS StatLine, tabel {TABLE}"


def test_v3_schema_drift_is_refused_and_the_previous_snapshot_kept(v3_catalog, raw_dir, monkeypatch, tmp_path,
                                                                    capsys):
    inst = v3_catalog()
    assert refresh.main(["--only", TABLE], inst) == 0
    goed = snapshot.latest(raw_dir, TABLE)
    capsys.readouterr()
    catalog = tmp_path / "catalog.toml"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace("Werkzamen_1 =", "Werkzamen_9 ="), encoding="utf-8")
    assert refresh.main(["--only", TABLE], inst) == 1
    assert f"CBS-tabel {TABLE}: maat Werkzamen_9 (werkzame_beroepsbevolking) ontbreekt" in capsys.readouterr().err
    assert snapshot.latest(raw_dir, TABLE) == goed

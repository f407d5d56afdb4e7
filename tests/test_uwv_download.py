"""The optional download URL of a UWV table kind (`url` in an [uwv.*] entry of etl/catalog.toml): fetched
by `python -m etl.refresh` through the real HTTP code against a loopback server (tests/replay.py, Files),
kept as a raw snapshot with a manifest and imported through the same checks as `python -m etl.uwv
import`. Served file: tests/fixtures/uwv/volgend_kwartaal_lang.csv (testfixture, verzonnen waarden)."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from basis.instellingen import CATALOG, Instellingen
from etl import catalog, refresh
from etl.bronnen import uwv
from etl.bronnen.gemeenschappelijk import snapshot
from tests.replay import Files, start

FIX = Path(__file__).parent / "fixtures" / "uwv"
VOLGEND = FIX / "volgend_kwartaal_lang.csv"
ENTRY = "[uwv.vacatures_beroepsklasse]\n"


@pytest.fixture
def bestanden(tmp_path) -> Path:
    root = tmp_path / "server"
    root.mkdir()
    (root / VOLGEND.name).write_bytes(VOLGEND.read_bytes())
    (root / "kapot.csv").write_text("regio,periode,tabel,kenmerk,categorie,maat,waarde,bron,peildatum\n"
                                    "AM99,2025-Q3,vacatures_beroepsklasse,,Managers,aantal,4,UWV,x\n")
    return root


@pytest.fixture
def server(bestanden):
    replay = Files(bestanden)
    srv, url = start(replay)
    yield replay, url
    srv.stop()


def inst_met_url(raw_dir, warehouse_path, tmp_path, url: str | None) -> Instellingen:
    tekst = CATALOG.read_text(encoding="utf-8")
    assert tekst.count(ENTRY) == 1
    if url:
        tekst = tekst.replace(ENTRY, f'{ENTRY}url = "{url}"\n')
    pad = tmp_path / "catalog.toml"
    pad.write_text(tekst, encoding="utf-8")
    return Instellingen.uit_omgeving().met(raw_dir=raw_dir, warehouse_path=warehouse_path, catalog=pad,
                                           uwv_inbox=tmp_path / "inbox")


def feiten(path: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_without_a_url_no_uwv_table_is_fetched(raw_dir, warehouse_path, tmp_path):
    inst = inst_met_url(raw_dir, warehouse_path, tmp_path, None)
    assert not [e for e in refresh.fetchable(inst) if e.groep == "uwv"]


def test_a_url_is_fetched_snapshotted_and_imported(raw_dir, warehouse_path, tmp_path, server, capsys):
    replay, base = server
    url = f"{base}/{VOLGEND.name}"
    inst = inst_met_url(raw_dir, warehouse_path, tmp_path, url)
    assert [e.id for e in refresh.fetchable(inst) if e.groep == "uwv"] == ["vacatures_beroepsklasse"]
    assert refresh.main(["--only", "vacatures_beroepsklasse"], instellingen=inst) == 0
    assert replay.requests == [f"/files/{VOLGEND.name}"]
    folder = snapshot.latest(raw_dir, "vacatures_beroepsklasse", "uwv")
    m = snapshot.read_manifest(folder)
    assert m["url"] == url and m["api"] == "download" and m["rows"] == 127   # 13 + 25 + 7 + 25 + 25 + 7 + 25 rows in the file
    assert (folder / VOLGEND.name).read_bytes() == VOLGEND.read_bytes()
    imports = uwv.snapshots(raw_dir)
    assert len(imports) == 1 and uwv.manifest(imports[0])["door"] == "etl.refresh (download)"
    assert feiten(warehouse_path, "select count(*) from marts.feiten where periode = '2025-Q3' "
                                  "and regio_code = 'AM12' and dataset = 'vacatures_beroepsklasse'") == [(25,)]
    # the same file again: fetched, but a no-op for the history
    assert refresh.main(["--only", "vacatures_beroepsklasse"], instellingen=inst) == 0
    assert len(uwv.snapshots(raw_dir)) == 1


def test_a_flaky_server_is_retried(raw_dir, warehouse_path, tmp_path, server, retry_waits):
    replay, base = server
    replay.faults[VOLGEND.name] = "flaky"
    inst = inst_met_url(raw_dir, warehouse_path, tmp_path, f"{base}/{VOLGEND.name}")
    assert refresh.main(["--only", "vacatures_beroepsklasse"], instellingen=inst) == 0
    assert len(replay.requests) == 2 and retry_waits == [0.5]
    assert len(uwv.snapshots(raw_dir)) == 1


@pytest.mark.parametrize("fout, woorden", [("500", ["server antwoordde 500", "na 3 pogingen"]),
                                            ("404", ["server antwoordde 404"])])
def test_a_failed_download_stores_nothing_and_says_why(raw_dir, warehouse_path, tmp_path, server, capsys, fout,
                                                       woorden):
    replay, base = server
    replay.faults[VOLGEND.name] = fout
    inst = inst_met_url(raw_dir, warehouse_path, tmp_path, f"{base}/{VOLGEND.name}")
    assert refresh.main(["--only", "vacatures_beroepsklasse"], instellingen=inst) == 1
    err = capsys.readouterr().err
    assert "UWV-bestand vacatures_beroepsklasse" in err and all(w in err for w in woorden), err
    assert snapshot.latest(raw_dir, "vacatures_beroepsklasse", "uwv") is None
    assert uwv.snapshots(raw_dir) == []


def test_a_refused_file_is_not_stored_and_the_message_names_row_and_column(raw_dir, warehouse_path, tmp_path,
                                                                          server, capsys):
    _, base = server
    inst = inst_met_url(raw_dir, warehouse_path, tmp_path, f"{base}/kapot.csv")
    assert refresh.main(["--only", "vacatures_beroepsklasse"], instellingen=inst) == 1
    err = capsys.readouterr().err
    assert "geweigerd" in err and "onbekende regio 'AM99'" in err and "regel 2" in err, err
    assert snapshot.latest(raw_dir, "vacatures_beroepsklasse", "uwv") is None
    assert uwv.snapshots(raw_dir) == []


def test_a_download_over_10_mb_is_refused_before_it_is_read_whole(raw_dir, warehouse_path, tmp_path, server,
                                                                  bestanden, monkeypatch, capsys):
    _, base = server
    monkeypatch.setattr(uwv.lezen, "MAX_BYTES", 1000)
    inst = inst_met_url(raw_dir, warehouse_path, tmp_path, f"{base}/{VOLGEND.name}")
    assert refresh.main(["--only", "vacatures_beroepsklasse"], instellingen=inst) == 1
    assert "groter dan" in capsys.readouterr().err
    assert uwv.snapshots(raw_dir) == []


def test_the_catalog_entry_keeps_its_url(tmp_path):
    pad = tmp_path / "c.toml"
    pad.write_text('[uwv.x]\ntabel = "gwu_leeftijd"\nurl = "http://127.0.0.1:1/x.csv"\n')
    (e,) = catalog.entries(pad)
    assert uwv.ophaalbaar(e) and e.opties["url"] == "http://127.0.0.1:1/x.csv"

from datetime import date
from pathlib import Path

import pytest
import requests

from etl import bronnen, catalog
from etl.bronnen.gemeenschappelijk import perioden, snapshot
from etl.bronnen.gemeenschappelijk.fouten import CbsFetchError, FetchError
from tests.replay import V3_PREFIX, V4_PREFIX, CbsV3, CbsV4, Files, start

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("code, expected", [
    ("2024JJ00", ("2024", "jaar", date(2024, 1, 1))),
    ("2025KW02", ("2025-Q2", "kwartaal", date(2025, 4, 1))),
    ("2026MM06", ("2026-06", "maand", date(2026, 6, 1))),
    (" 2019JJ00 ", ("2019", "jaar", date(2019, 1, 1))),
])
def test_cbs_period_codes_parse(code, expected):
    assert perioden.parse(code) == expected


@pytest.mark.parametrize("code", ["2024", "2025KW05", "2026MM13", "2024XX00"])
def test_unknown_period_codes_are_named(code):
    with pytest.raises(perioden.OnbekendePeriode, match="onbekende CBS-periodecode"):
        perioden.parse(code)


def test_a_snapshot_becomes_latest_only_when_committed(tmp_path):
    w = snapshot.SnapshotWriter("03759ned", "v4", tmp_path)
    w.add("observations-page-1.json", "http://127.0.0.1/x", b'{"value": []}', rows=0)
    assert snapshot.latest(tmp_path, "03759ned") is None  # half-written: not latest
    final = w.commit(rows=0)
    assert snapshot.latest(tmp_path, "03759ned") == final
    m = snapshot.read_manifest(final)
    assert m["files"]["observations-page-1.json"]["bytes"] == 13 and m["api"] == "v4"
    w2 = snapshot.SnapshotWriter("03759ned", "v4", tmp_path)
    w2.abort()
    assert snapshot.latest(tmp_path, "03759ned") == final
    assert [p.name for p in (tmp_path / "cbs" / "03759ned").iterdir()] == [final.name]


def test_a_snapshot_refused_by_its_check_never_becomes_latest(tmp_path):
    goed = snapshot.SnapshotWriter("03759ned", "v4", tmp_path)
    goed = goed.commit(rows=0)
    w = snapshot.SnapshotWriter("03759ned", "v4", tmp_path)
    w.add("observations-page-1.json", "http://127.0.0.1/x", b'{"value": []}', rows=0)
    gezien = []

    def weiger(folder):
        gezien.append(snapshot.read_manifest(folder)["table_id"])   # the manifest is there to check against
        raise CbsFetchError("CBS-tabel 03759ned: schemawijziging")

    with pytest.raises(CbsFetchError, match="schemawijziging"):
        try:
            w.commit(rows=0, check=weiger)
        except BaseException:
            w.abort()
            raise
    assert gezien == ["03759ned"]
    assert snapshot.latest(tmp_path, "03759ned") == goed
    assert [p.name for p in (tmp_path / "cbs" / "03759ned").iterdir()] == [goed.name]


# --- the catalog: one file, a source folder per entry ----------------------------------------------------

def test_every_catalog_entry_names_an_existing_source_folder():
    entries = catalog.entries()
    assert {e.bron for e in entries} == {"cbs_v4", "cbs_v3", "cbs_indeling", "seed", "uwv", "pdok",
                                     "cbs_regiogroepen"} \
        == set(bronnen.namen())
    kinds = {e.id: e.bron for e in entries if e.groep != "regiogroepen"}
    # 03759ned's region code list read a second time, for the province of each gemeente
    assert [(e.id, e.bron) for e in entries if e.groep == "regiogroepen"] == [("03759ned", "cbs_regiogroepen")]
    assert kinds["03759ned"] == "cbs_v4" and kinds["70072ned"] == "cbs_v3" and kinds["86059NED"] == "cbs_indeling"
    assert kinds["bevolking"] == "seed" and len(catalog.seed()) == 16
    # read(): the CBS tables only, as the Bronnen page and --list show them
    assert [d.table_id for d in catalog.read()] == ["03759ned", "80590ned", "85224NED", "37789ksz", "85554NED",
                                                    "80474ned", "86059NED", "70072ned", "85494NED"]
    druk = next(d for d in catalog.read() if d.table_id == "70072ned")
    assert druk.maten["GroeneDruk_*"] == {"indicator": "groene_druk", "eenheid": "procent"} and druk.api == "v3"
    gebieden = next(d for d in catalog.read() if d.table_id == "86059NED")
    assert gebieden.soort == "indeling" and gebieden.indeling["groep"] == "Arbeidsmarktregio's"


def test_a_new_kind_of_source_is_one_more_catalog_entry(tmp_path):
    path = tmp_path / "catalog.toml"
    path.write_text('[cbs.80590ned]\napi = "v4"\ntitel = "x"\nmaten = {}\n\n'
                    '[uwv.ww_beroepsklasse]\nbron = "uwv"\ntitel = "WW per beroepsklasse"\nbestand = "ww.xlsx"\n\n'
                    '[kadaster.percelen]\ntitel = "Percelen"\nfrequentie = "jaarlijks"\n', encoding="utf-8")
    cbs, uwv, kadaster = catalog.entries(path)
    assert cbs.bron == "cbs_v4" and cbs.id == "80590ned"
    assert (uwv.id, uwv.bron, uwv.groep, uwv.opties["bestand"]) == ("ww_beroepsklasse", "uwv", "uwv", "ww.xlsx")
    assert (kadaster.bron, kadaster.frequentie) == ("kadaster", "jaarlijks")   # the group names the folder by default
    assert catalog.read(path) == [cbs]
    with pytest.raises(FetchError, match="onbekende bron 'kadaster' in etl/catalog.toml; er is een map "
                                         "etl/bronnen/<bron>/ nodig"):
        bronnen.module("kadaster")


def test_a_catalog_entry_missing_a_key_is_named(tmp_path):
    path = tmp_path / "catalog.toml"
    path.write_text('[seed.migratie]\ntitel = "Migratie"\n', encoding="utf-8")
    with pytest.raises(catalog.CatalogFout, match=r"\[seed.migratie\] mist de sleutel bestand"):
        catalog.entries(path)


# --- the replay server: v4, v3 and plain files from one loopback server ----------------------------------

def test_one_replay_server_serves_v4_v3_and_files_with_faults(tmp_path):
    (tmp_path / "ww.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    v4 = CbsV4(tables={"85554NED": FIXTURES / "cbs_v4" / "85554NED"}, page_size=10)
    v3 = CbsV3(table="99001NED", folder=FIXTURES / "cbs_v3" / "99001NED")
    files = Files(root=tmp_path, faults={"kapot.csv": "500"})
    server, url = start(v4, v3, files)
    try:
        assert url == server.url_for(v4) and url.startswith("http://127.0.0.1:") and url.endswith(V4_PREFIX)
        obs = requests.get(f"{url}/85554NED/Observations", timeout=5).json()
        assert len(obs["value"]) == 10 and obs["@odata.nextLink"].startswith(server.base + V4_PREFIX)
        service = requests.get(f"{server.url_for(v3)}{V3_PREFIX}/99001NED/", timeout=5).json()
        assert service["value"][0]["url"].startswith(server.base)          # {base}: the server itself
        assert requests.get(f"{server.url_for(files)}/ww.csv", timeout=5).content == b"a,b\n1,2\n"
        assert requests.get(f"{server.url_for(files)}/kapot.csv", timeout=5).status_code == 500
        assert requests.get(f"{server.url_for(files)}/../README.md", timeout=5).status_code == 404
        assert requests.get(f"{server.base}/elders", timeout=5).status_code == 404
        assert files.requests[0] == "/files/ww.csv" and v3.requests == [f"{V3_PREFIX}/99001NED/"]
    finally:
        server.stop()


def test_refresh_names_a_catalog_entry_without_a_source_folder(tmp_path, capsys):
    from basis.instellingen import Instellingen
    from etl import refresh

    path = tmp_path / "catalog.toml"
    path.write_text('[kadaster.percelen]\nbron = "kadaster"\ntitel = "Percelen"\n', encoding="utf-8")
    inst = Instellingen.uit_omgeving(catalog=path, warehouse_path=tmp_path / "wh.duckdb")
    assert refresh.main(["--list"], inst) == 2
    assert "onbekende bron 'kadaster' in etl/catalog.toml" in capsys.readouterr().err


def test_a_toml_syntax_error_in_the_catalog_names_file_and_line_in_dutch(tmp_path, capsys):
    from basis.instellingen import Instellingen
    from etl import refresh

    path = tmp_path / "catalog.toml"
    path.write_text('[seed.migratie]\nbestand = "migratie.csv"\ntitel = "Migratie\n', encoding="utf-8")
    with pytest.raises(catalog.CatalogFout, match=r"catalog.toml, regel 3, kolom \d+: geen geldige TOML"):
        catalog.entries(path)
    inst = Instellingen.uit_omgeving(catalog=path, warehouse_path=tmp_path / "wh.duckdb")
    assert refresh.main(["--offline"], instellingen=inst) == 2
    assert "klopt niet: catalog.toml, regel 3" in capsys.readouterr().err


def test_a_semicolon_separated_seed_file_gets_one_message_that_says_so(tmp_path):
    from etl.bronnen.gemeenschappelijk.csvbestand import read_csv_rows

    path = tmp_path / "x.csv"
    path.write_text("regio;periode;waarde\nAM12;2025;1\n", encoding="utf-8")
    rijen, fouten = read_csv_rows(path, ["regio", "periode", "waarde"], "x.csv")
    assert rijen == [] and len(fouten) == 1
    assert fouten[0].regel == 1 and "puntkomma" in fouten[0].melding


def test_old_snapshots_are_pruned_but_never_the_newest_nor_a_running_fetchs_folder(tmp_path):
    import os
    import subprocess

    from etl.bronnen.gemeenschappelijk import snapshot

    tabel = tmp_path / "cbs" / "03759ned"
    stempels = [f"2026010{i}T000000000000Z" for i in range(1, 8)]
    for s in stempels:
        (tabel / s).mkdir(parents=True)
        (tabel / s / snapshot.MANIFEST).write_text("{}")
    dood = subprocess.Popen(["true"])
    dood.wait()
    (tabel / f".tmp-20260108T000000000000Z-{dood.pid}").mkdir()
    levend = tabel / f".tmp-20260109T000000000000Z-{os.getpid()}"
    levend.mkdir()
    weg = snapshot.opruimen(tmp_path, "03759ned", 5)
    assert sorted(p.name for p in weg) == sorted(stempels[:2] + [f".tmp-20260108T000000000000Z-{dood.pid}"])
    assert sorted(p.name for p in tabel.iterdir() if not p.name.startswith(".")) == stempels[2:]
    assert levend.exists() and snapshot.latest(tmp_path, "03759ned").name == stempels[-1]
    assert len(snapshot.opruimen(tmp_path, "03759ned", 0)) == 4     # at least the newest stays
    assert [p.name for p in tabel.iterdir() if not p.name.startswith(".")] == [stempels[-1]]


def test_an_unexpected_error_in_one_source_is_reported_and_the_others_still_refresh(raw_dir, warehouse_path,
                                                                                    monkeypatch, capsys):
    import json

    from basis import instellingen
    from etl import refresh
    from etl.bronnen import cbs_v3, cbs_v4
    from etl.bronnen.gemeenschappelijk.fouten import FetchError

    geprobeerd = []

    def kapot(ds, inst, progress=None):
        geprobeerd.append(ds.id)
        raise TypeError("'NoneType' object is not iterable")

    def onbereikbaar(ds, inst, progress=None):
        geprobeerd.append(ds.id)
        raise FetchError(f"CBS-tabel {ds.id}: niet bereikbaar")

    monkeypatch.setattr(cbs_v4, "fetch", kapot)
    monkeypatch.setattr(cbs_v3, "fetch", onbereikbaar)
    assert refresh.main(["--only", "03759ned,70072ned"]) == 1
    err = capsys.readouterr().err
    assert "tabel 03759ned (cbs_v4): onverwachte fout bij het ophalen: TypeError" in err
    assert "CBS-tabel 70072ned: niet bereikbaar" in err
    assert geprobeerd == ["03759ned", "70072ned"]           # the second source was still tried
    status = json.loads(instellingen.status_path().read_text())
    assert "onverwachte fout" in status["bronnen"]["03759ned"]["melding"]
    assert warehouse_path.exists()                          # and the warehouse was still built


def test_the_replay_server_runs_as_the_readme_documents_it_on_a_given_port():
    """README: `python -m tests.replay --port 8765 &` then point etl.refresh at the printed URL."""
    import socket
    import subprocess
    import sys
    import urllib.request

    from tests.conftest import REPO
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    fixtures = Path(__file__).parent / "fixtures" / "cbs_v4"
    proc = subprocess.Popen([sys.executable, "-m", "tests.replay", str(fixtures), "--port", str(port)], cwd=REPO,
                            stdout=subprocess.PIPE, text=True)
    try:
        eerste = proc.stdout.readline()
        url = f"http://127.0.0.1:{port}/odata/v1/CBS"
        assert f"op {url}" in eerste and "85554NED" in eerste, eerste
        with urllib.request.urlopen(f"{url}/85554NED/Properties", timeout=10) as r:
            assert r.status == 200 and b"85554NED" in r.read()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    with socket.socket() as s:          # a port that is taken: a Dutch message, no traceback
        s.bind(("127.0.0.1", 0))
        s.listen()
        bezet = s.getsockname()[1]
        uit = subprocess.run([sys.executable, "-m", "tests.replay", str(fixtures), "--port", str(bezet)], cwd=REPO,
                             capture_output=True, text=True, timeout=60)
    assert uit.returncode != 0 and f"Poort {bezet} op 127.0.0.1 is niet te gebruiken" in uit.stderr
    assert "Traceback" not in uit.stderr

"""The CBS OData v4 client against recorded responses replayed on loopback."""
from __future__ import annotations

import json
import socket

import pytest

from etl.bronnen import cbs_v4
from etl.bronnen.gemeenschappelijk import snapshot
from tests.conftest import SHARED_DATA
from tests.replay import CbsV4, start

CAPTURES = SHARED_DATA / "cbs-odata4"
needs_captures = pytest.mark.skipif(not (CAPTURES / "03759ned").exists(),
                                    reason="../shared/data/cbs-odata4 ontbreekt: de echte CBS-opnames staan alleen "
                                           "in shared/, niet in de repository")
AM12 = {"GM0317", "GM0376", "GM0402", "GM0406", "GM0417", "GM1696", "GM1942"}


@pytest.fixture
def replay():
    servers = []

    def make(tables: dict, **kwargs):
        r = CbsV4(tables={t: CAPTURES / t for t in tables} if isinstance(tables, (list, tuple)) else tables,
                   **kwargs)
        server, url = start(r)
        servers.append(server)
        return r, url
    yield make
    for s in servers:
        s.stop()


def captured_rows(table: str) -> int:
    return json.loads((CAPTURES / table / "index.json").read_text())["observationRows"]


@needs_captures
@pytest.mark.parametrize("table", ["03759ned", "80590ned", "85224NED", "37789ksz"])
def test_real_capture_is_fetched_page_by_page_and_stored_unchanged(replay, tmp_path, table):
    r, url = replay([table], page_size=5000)
    pages = []
    snap = cbs_v4.fetch_table(table, url, tmp_path, backoff=0, progress=lambda p, n: pages.append((p, n)))
    manifest = snapshot.read_manifest(snap)
    assert manifest["rows"] == captured_rows(table) and manifest["api"] == "v4"
    assert manifest["pages"] == -(-captured_rows(table) // 5000) == len(pages)
    assert snapshot.latest(tmp_path, table) == snap
    # metadata stored byte for byte
    assert (snap / "properties.json").read_bytes() == (CAPTURES / table / "properties.json").read_bytes()
    # every page after the first was requested through the absolute next link
    assert sum("$skip=" in q for q in r.requests) == manifest["pages"] - 1
    df = cbs_v4.normalise(snap)
    assert len(df) == captured_rows(table)


@needs_captures
def test_bevolking_capture_normalises_to_regions_periods_and_measures(replay, tmp_path):
    _, url = replay(["03759ned"], page_size=5000)
    df = cbs_v4.normalise(cbs_v4.fetch_table("03759ned", url, tmp_path, backoff=0))
    op1jan = df[df["measure_title"] == "Bevolking op 1 januari"]
    am12 = op1jan[op1jan["regio_code"].isin(AM12)]
    # the seven AM12 gemeenten for every captured year 2019-2026
    assert am12.groupby("periode")["regio_code"].nunique().to_dict() == {str(y): 7 for y in range(2019, 2027)}
    hilversum = am12[(am12["regio_code"] == "GM0402")].set_index("periode")["waarde"]
    assert hilversum.notna().all() and (hilversum > 80_000).all()
    assert set(df["periode_type"]) == {"jaar"} and "NL01" in set(df["regio_code"])
    assert json.loads(df["dimensies"].iloc[0]) == {"BurgerlijkeStaat": "T001019", "Geslacht": "T001038",
                                                    "Leeftijd": "10000"}


@needs_captures
def test_missing_values_keep_their_reason(replay, tmp_path):
    _, url = replay(["37789ksz"])
    df = cbs_v4.normalise(cbs_v4.fetch_table("37789ksz", url, tmp_path, backoff=0))
    leeg = df[df["waarde"].isna()]
    assert len(leeg) == 819 and set(leeg["missing_reason"]) == {"Impossible"}
    assert df["waarde"].notna().sum() == 6470 - 819


@needs_captures
def test_a_failing_server_is_retried_then_succeeds(replay, tmp_path):
    r, url = replay(["85224NED"], faults={"85224NED/Properties": "flaky"})
    snap = cbs_v4.fetch_table("85224NED", url, tmp_path, backoff=0)
    assert r.requests.count("/odata/v1/CBS/85224NED/Properties") == 2 and snap.exists()


def assert_nothing_stored(tmp_path, table, before=None):
    assert snapshot.latest(tmp_path, table) == before
    folder = tmp_path / "cbs" / table
    assert not folder.exists() or all(not p.name.startswith(".tmp") for p in folder.iterdir())


@needs_captures
@pytest.mark.parametrize("fault, key, message", [
    ("500", "80590ned", "server antwoordde 500 na 3 pogingen"),
    ("404", "80590ned/Observations?skip=2000", "server antwoordde 404"),      # a page missing in the middle
    ("truncated", "80590ned/Observations?skip=2000", "geen geldige JSON (afgebroken of beschadigd"),
    ("truncated", "80590ned/MeasureCodes", "antwoord op measure-codes.json is geen geldige JSON"),
    ("empty", "80590ned/Observations", "lege uitkomst (0 observaties"),
    ("foreign-next", "80590ned/Observations", "verwijst naar een andere server (example.invalid)"),
])
def test_faults_give_a_dutch_message_and_keep_the_previous_snapshot(replay, tmp_path, fault, key, message):
    _, url = replay(["80590ned"], page_size=2000)
    goed = cbs_v4.fetch_table("80590ned", url, tmp_path, backoff=0)
    _, url = replay(["80590ned"], page_size=2000, faults={key: fault})
    with pytest.raises(cbs_v4.CbsFetchError) as exc:
        cbs_v4.fetch_table("80590ned", url, tmp_path, backoff=0)
    assert str(exc.value).startswith("CBS-tabel 80590ned: ") and message in str(exc.value)
    assert_nothing_stored(tmp_path, "80590ned", before=goed)


@needs_captures
def test_timeout_is_retried_then_reported(replay, tmp_path):
    _, url = replay(["85224NED"], faults={"85224NED/Properties": "slow"})
    with pytest.raises(cbs_v4.CbsFetchError, match=r"85224NED: geen antwoord binnen 0.3 s na 2 pogingen"):
        cbs_v4.fetch_table("85224NED", url, tmp_path, timeout=0.3, retries=2, backoff=0)
    assert_nothing_stored(tmp_path, "85224NED")


def test_unreachable_server_is_reported(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens here
    with pytest.raises(cbs_v4.CbsFetchError, match=r"CBS-tabel 80590ned: niet bereikbaar .* na 2 pogingen"):
        cbs_v4.fetch_table("80590ned", f"http://127.0.0.1:{port}/odata/v1/CBS", tmp_path, retries=2, backoff=0)
    assert_nothing_stored(tmp_path, "80590ned")

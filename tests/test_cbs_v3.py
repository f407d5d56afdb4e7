"""The CBS OData v3 client (through cbsodata) against responses replayed on loopback."""
from __future__ import annotations

import json
import math
import threading
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import cbsodata
import cbsodata.cbsodata3
import pytest
import requests

from etl.sources import cbs_v3, snapshot
from tests.conftest import SHARED_DATA

FIXTURES = Path(__file__).parent / "fixtures" / "cbs_v3"
DUMP_82070ENG = SHARED_DATA / "cbs-odata3" / "82070ENG"
PREFIX = "/ODataFeed/odata"          # the path cbsodata 1.3.5 builds: {catalog_url}/ODataFeed/odata/<table>/<entity>
TABLE = "99001NED"


@dataclass
class Replay:
    """Serves one v3 table: hand-written bodies from `folder` ({base} = this server), or
    entity lists from a cbsodata dump (`lists`), wrapped and paged like CBS does."""
    table: str
    folder: Path | None = None
    lists: dict[str, list] | None = None
    page_size: int = 100
    faults: dict[str, str] = field(default_factory=dict)   # 'TypedDataSet?skip=2' / 'TypedDataSet' / '*'
    requests: list[str] = field(default_factory=list)
    served: dict[str, bytes] = field(default_factory=dict)

    def body(self, entity: str, skip: int, base: str, next_base: str) -> bytes | None:
        if self.folder is not None:
            path = self.folder / f"{entity or 'service'}{f'-skip-{skip}' if skip else ''}.json"
            if not path.exists():
                return None
            text = path.read_text(encoding="utf-8")
            text = text.replace('"odata.nextLink": "{base}', f'"odata.nextLink": "{next_base}')
            return text.replace("{base}", base).encode()
        table_url = f"{base}{PREFIX}/{self.table}"
        if entity == "":
            names = [*self.lists, "UntypedDataSet"]
            doc = {"odata.metadata": f"{table_url}/$metadata",
                   "value": [{"name": n, "url": f"{table_url}/{n}"} for n in names]}
        elif entity in self.lists:
            rows = self.lists[entity]
            doc = {"odata.metadata": f"{table_url}/$metadata#Cbs.OData.WebAPI.{entity}", "value": rows}
            if entity == "TypedDataSet":
                doc["value"] = rows[skip:skip + self.page_size]
                if skip + self.page_size < len(rows):
                    doc["odata.nextLink"] = (f"{next_base}{PREFIX}/{self.table}/TypedDataSet"
                                             f"?$format=json&$skip={skip + self.page_size}")
        else:
            return None
        return json.dumps(doc).encode()


def start(replay: Replay | list[Replay]):
    """Serve one table, or several (a list of Replays) from one server."""
    replays = {r.table: r for r in (replay if isinstance(replay, list) else [replay])}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send(self, status: int, body: bytes):
            self.send_response(status)
            self.send_header("Content-Type", "application/json;charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            parts = urlsplit(self.path)
            replay = replays.get(parts.path[len(PREFIX) + 1:].split("/", 1)[0]) \
                if parts.path.startswith(PREFIX + "/") else None
            if replay is None:
                return self.send(404, b'{"error": "not found"}')
            replay.requests.append(self.path)
            table_path = f"{PREFIX}/{replay.table}/"
            if not parts.path.startswith(table_path):
                return self.send(404, b'{"error": "not found"}')
            entity = parts.path[len(table_path):]
            skip = int(parse_qs(parts.query).get("$skip", ["0"])[0])
            fault = (replay.faults.get(f"{entity}?skip={skip}" if skip else entity)
                     or replay.faults.get("*"))
            if fault == "500":
                return self.send(500, b'{"odata.error": "internal"}')
            if fault == "flaky" and replay.requests.count(self.path) == 1:
                return self.send(503, b'{"odata.error": "busy"}')
            base = f"http://{self.headers['Host']}"
            next_base = "http://example.invalid" if fault == "foreign-next" else base
            body = replay.body(entity, skip, base, next_base)
            if body is None:
                return self.send(404, b'{"error": "not found"}')
            replay.served[self.path] = body
            return self.send(200, body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture
def replay():
    servers = []

    def make(**kwargs):
        r = Replay(**kwargs)
        server, url = start(r)
        servers.append(server)
        return r, url
    yield make
    for s in servers:
        s.shutdown()
        s.server_close()


@pytest.fixture
def wire_hosts(monkeypatch):
    """Every host:port requests actually connected to (below cbsodata and our session)."""
    hosts = []
    real_send = requests.adapters.HTTPAdapter.send

    def send(self, request, *args, **kwargs):
        hosts.append(urlsplit(request.url).netloc)
        return real_send(self, request, *args, **kwargs)
    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", send)
    return hosts


def records(df):
    """DataFrame rows as tuples, NaN as None."""
    return [tuple(None if isinstance(v, float) and math.isnan(v) else v for v in row)
            for row in df.itertuples(index=False)]


def assert_cbsodata_untouched():
    assert cbsodata.options.catalog_url == "opendata.cbs.nl"
    assert cbsodata.options.use_https is True
    assert cbsodata.cbsodata3.Session is requests.Session


def assert_no_temp_folders(raw: Path, table: str):
    table_dir = raw / "cbs" / table
    assert not table_dir.exists() or not [p for p in table_dir.iterdir() if p.name.startswith(".")]


def test_fetch_stores_every_response_unchanged_with_both_pages_counted(replay, tmp_path, wire_hosts):
    r, url = replay(table=TABLE, folder=FIXTURES / TABLE)
    snap = cbs_v3.fetch(TABLE, url, tmp_path, backoff=0)
    assert snapshot.latest(tmp_path, TABLE) == snap
    assert snap.parent == tmp_path / "cbs" / TABLE
    manifest = snapshot.read_manifest(snap)
    assert manifest["api"] == "v3" and manifest["table_id"] == TABLE
    assert manifest["rows"] == 4 and manifest["pages"] == 2
    assert manifest["files"]["TypedDataSet.json"]["rows"] == 2
    assert manifest["files"]["TypedDataSet-page-2.json"]["rows"] == 2
    # cbsodata: the table root first, then every entity of the service document but UntypedDataSet
    # (requests encodes the $ of its own parameters; the next link is requested verbatim)
    first = [f"{PREFIX}/{TABLE}/{e}?%24format=json" for e in ["", "TableInfos", "TypedDataSet", "DataProperties",
                                                               "CategoryGroups", "Geslacht", "RegioS", "Perioden"]]
    assert r.requests == first[:3] + [f"{PREFIX}/{TABLE}/TypedDataSet?$format=json&$skip=2"] + first[3:]
    # each body byte for byte, the next link pointing back at the replay server
    for path, body in r.served.items():
        name = next(n for n, f in manifest["files"].items() if f["url"] == url + path)
        assert (snap / name).read_bytes() == body
    assert json.loads((snap / "TypedDataSet.json").read_bytes())["odata.nextLink"].startswith(url + PREFIX)
    assert sorted(p.name for p in snap.iterdir()) == sorted([*manifest["files"], "manifest.json"])
    assert manifest["entities"]["TypedDataSet"] == ["TypedDataSet.json", "TypedDataSet-page-2.json"]
    assert set(wire_hosts) == {url.removeprefix("http://")}
    assert_cbsodata_untouched()
    assert_no_temp_folders(tmp_path, TABLE)


def test_normalise_melts_measures_into_long_rows_with_codes_kept(replay, tmp_path):
    _, url = replay(table=TABLE, folder=FIXTURES / TABLE)
    df = cbs_v3.normalise(cbs_v3.fetch(TABLE, url, tmp_path, backoff=0))
    assert list(df.columns) == cbs_v3.COLUMNS
    totaal, mannen = '{"Geslacht": "T001038"}', '{"Geslacht": "3000"}'
    werkzamen, wlp = ("Werkzamen_1", "Werkzame beroepsbevolking"), ("Werkloosheidspercentage_2",
                                                                       "Werkloosheidspercentage")
    jaar = ("2023JJ00", "2023", "jaar", date(2023, 1, 1))
    kwartaal = ("2024KW02", "2024-Q2", "kwartaal", date(2024, 4, 1))
    leeg = "leeg in CBS-bestand"
    assert records(df) == [
        (TABLE, "NL01", *jaar, *werkzamen, totaal, 9501.0, "Definitief", None),
        (TABLE, "NL01", *jaar, *wlp, totaal, 3.6, "Definitief", None),
        (TABLE, "GM0402", *jaar, *werkzamen, totaal, 47.0, "Definitief", None),
        (TABLE, "GM0402", *jaar, *wlp, totaal, None, "Definitief", leeg),   # missing stays missing
        (TABLE, "NL01", *kwartaal, *werkzamen, totaal, 9612.0, "Voorlopig", None),
        (TABLE, "NL01", *kwartaal, *wlp, totaal, 3.7, "Voorlopig", None),
        (TABLE, "GM0402", *kwartaal, *werkzamen, mannen, 0.0, "Voorlopig", None),  # a real 0 stays 0
        (TABLE, "GM0402", *kwartaal, *wlp, mannen, 4.1, "Voorlopig", None),
    ]
    assert df["waarde"].dtype == "float64"      # like the v4 client: missing is NaN, not 0


def test_filters_and_select_go_to_the_first_dataset_request_only(replay, tmp_path):
    r, url = replay(table=TABLE, folder=FIXTURES / TABLE)
    cbs_v3.fetch(TABLE, url, tmp_path, filters="RegioS eq 'GM0402'",
                 select=["RegioS", "Perioden", "Werkzamen_1"], backoff=0)
    dataset = [q for q in r.requests if "/TypedDataSet" in q]
    query = parse_qs(urlsplit(dataset[0]).query)
    assert query["$filter"] == ["RegioS eq 'GM0402'"]
    assert query["$select"] == ["RegioS,Perioden,Werkzamen_1"]
    assert dataset[1] == f"{PREFIX}/{TABLE}/TypedDataSet?$format=json&$skip=2"   # the next link, verbatim


def test_a_flaky_server_is_retried(replay, tmp_path):
    r, url = replay(table=TABLE, folder=FIXTURES / TABLE, faults={"TypedDataSet?skip=2": "flaky"})
    snap = cbs_v3.fetch(TABLE, url, tmp_path, backoff=0)
    assert snapshot.read_manifest(snap)["rows"] == 4
    assert r.requests.count(f"{PREFIX}/{TABLE}/TypedDataSet?$format=json&$skip=2") == 2


def test_fetch_fails_in_dutch_and_keeps_old_snapshot_when_cbs_returns_500(replay, tmp_path):
    r, url = replay(table=TABLE, folder=FIXTURES / TABLE)
    old = cbs_v3.fetch(TABLE, url, tmp_path, backoff=0)
    r.faults["*"], r.requests[:] = "500", []
    with pytest.raises(cbs_v3.CbsFetchError, match=f"^CBS-tabel {TABLE}: server antwoordde 500 na 3 pogingen"):
        cbs_v3.fetch(TABLE, url, tmp_path, retries=3, backoff=0)
    assert r.requests == [f"{PREFIX}/{TABLE}/?%24format=json"] * 3
    assert snapshot.latest(tmp_path, TABLE) == old
    assert [p.name for p in (tmp_path / "cbs" / TABLE).iterdir()] == [old.name]
    assert_cbsodata_untouched()


def test_a_500_on_the_second_page_leaves_no_half_snapshot(replay, tmp_path):
    r, url = replay(table=TABLE, folder=FIXTURES / TABLE, faults={"TypedDataSet?skip=2": "500"})
    with pytest.raises(cbs_v3.CbsFetchError, match="server antwoordde 500 na 2 pogingen .*skip=2"):
        cbs_v3.fetch(TABLE, url, tmp_path, retries=2, backoff=0)
    assert snapshot.latest(tmp_path, TABLE) is None
    assert_no_temp_folders(tmp_path, TABLE)
    assert_cbsodata_untouched()


def test_a_next_link_to_another_host_is_refused_without_touching_the_network(replay, tmp_path, wire_hosts):
    r, url = replay(table=TABLE, folder=FIXTURES / TABLE, faults={"TypedDataSet": "foreign-next"})
    with pytest.raises(cbs_v3.CbsFetchError,
                       match=f"^CBS-tabel {TABLE}: odata.nextLink http://example.invalid/.* andere server"):
        cbs_v3.fetch(TABLE, url, tmp_path, backoff=0)
    assert "example.invalid" not in " ".join(wire_hosts)
    assert set(wire_hosts) == {url.removeprefix("http://")}
    assert not any("skip=" in q for q in r.requests)
    assert snapshot.latest(tmp_path, TABLE) is None
    assert_no_temp_folders(tmp_path, TABLE)
    assert_cbsodata_untouched()


def test_an_unreachable_server_is_a_dutch_fetch_error(tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    port = server.server_address[1]
    server.server_close()            # nothing listens on this port any more
    with pytest.raises(cbs_v3.CbsFetchError, match=f"^CBS-tabel {TABLE}: niet bereikbaar .* na 2 pogingen"):
        cbs_v3.fetch(TABLE, f"http://127.0.0.1:{port}", tmp_path, retries=2, backoff=0)
    assert snapshot.latest(tmp_path, TABLE) is None
    assert_no_temp_folders(tmp_path, TABLE)


@pytest.mark.skipif(not DUMP_82070ENG.exists(),
                    reason="../shared/data/cbs-odata3/82070ENG ontbreekt: de echte CBS-dump staat alleen in "
                           "shared/, niet in de repository")
def test_real_82070ENG_dump_replayed_in_pages_normalises_to_every_observation(replay, tmp_path):
    lists = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(DUMP_82070ENG.glob("*.json"))}
    observations = lists["TypedDataSet"]
    r, url = replay(table="82070ENG", lists=lists, page_size=100)
    snap = cbs_v3.fetch("82070ENG", url, tmp_path, backoff=0)
    manifest = snapshot.read_manifest(snap)
    assert manifest["rows"] == len(observations) == 315 and manifest["pages"] == 4
    stored = []
    for name in manifest["entities"]["TypedDataSet"]:
        stored += json.loads((snap / name).read_text(encoding="utf-8"))["value"]
    assert stored == observations
    df = cbs_v3.normalise(snap)
    topics = [p["Key"] for p in lists["DataProperties"] if p["Type"] == "Topic"]
    assert len(topics) == 2 and len(df) == len(observations) * len(topics) == 630
    assert set(df["regio_code"]) == {"GM9001", "GM9002", "GM9003"}   # CaribbeanNetherlands
    assert set(df["periode"]) == {"2012"} and set(df["status"]) == {"Definitief"}
    missing = sum(o[t] is None for o in observations for t in topics)
    assert df["waarde"].isna().sum() == missing and set(df[df["waarde"].isna()]["missing_reason"]) == {
        "leeg in CBS-bestand"}
    assert set(json.loads(df["dimensies"].iloc[0])) == {"Gender", "PersonalCharacteristics"}

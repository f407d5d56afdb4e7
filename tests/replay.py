"""One loopback HTTP server (127.0.0.1, a free port) that replays recorded
responses under the real URL paths, for every source the tests fetch:

- `CbsV4`: CBS OData v4 captures (/odata/v1/CBS/<table>/...); Observations
  are split into pages with an absolute @odata.nextLink back to the server.
- `CbsV3`: CBS OData v3 tables as cbsodata requests them
  (/ODataFeed/odata/<table>/<entity>): hand-written bodies from a folder
  ({base} = this server) or entity lists from a cbsodata dump, TypedDataSet
  paged with an absolute odata.nextLink back to the server.
- `Files`: plain files under a prefix (/files/<name>), for file sources.

Every replay records the paths it was asked for and injects faults on
request: '500', '404', 'flaky' (503 once, then fine), 'slow' (3 s),
'truncated', 'foreign-next' (next link to example.invalid), 'trickle' (the
body one byte every TRICKLE seconds: only an overall deadline stops it),
'retry-after' (429 with Retry-After: 1 once, then fine), 'retry-after-lang'
(always 429 with Retry-After: 3600), and for v4 observations 'empty',
'drop-measure', 'new-region'.

    server, url = start(CbsV4(tables={...}))        # url: the base URL a client is pointed at
    server, url = start(CbsV3(...), CbsV3(...))     # several replays on one server
    server.url_for(replay)                          # the base URL of any replay on it
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

V4_PREFIX = "/odata/v1/CBS"
V3_PREFIX = "/ODataFeed/odata"      # the path cbsodata 1.3.5 builds: {catalog_url}/ODataFeed/odata/<table>/<entity>
FOREIGN = "http://example.invalid"


TRICKLE = 0.2        # seconds between two bytes of a 'trickle' answer


@dataclass
class Answer:
    status: int
    body: bytes
    content_type: str = "application/json"
    headers: dict = field(default_factory=dict)
    tempo: float = 0.0   # seconds per byte ('trickle')


def _fault(faults: dict, *keys: str) -> str | None:
    return next((faults[k] for k in keys if k in faults), None)


@dataclass
class CbsV4:
    tables: dict[str, Path]                       # table id -> capture folder (v4 capture layout)
    page_size: int = 1000
    faults: dict[str, str] = field(default_factory=dict)  # '<table>/<rest>?skip=N' / '<table>/<rest>' / '<table>'
    requests: list[str] = field(default_factory=list)
    prefix: str = V4_PREFIX

    def handles(self, path: str) -> bool:
        return path.startswith(self.prefix + "/")

    def file_for(self, table: str, rest: str) -> Path | None:
        folder = self.tables.get(table)
        if folder is None:
            return None
        names = {"Properties": "properties.json", "Dimensions": "dimensions.json",
                 "MeasureCodes": "measure-codes.json"}
        if rest in names:
            return folder / names[rest]
        if rest.endswith("Codes"):
            return folder / f"codes-{rest[:-5]}.json"
        return None

    def observations(self, table: str) -> list[dict]:
        rows = []
        for page in sorted(self.tables[table].glob("observations-page-*.json")):
            rows += json.loads(page.read_text(encoding="utf-8"))["value"]
        return rows

    def answer(self, target: str, host: str) -> Answer:
        parts = urlsplit(target)
        self.requests.append(target)
        table, _, rest = parts.path[len(self.prefix) + 1:].partition("/")
        skip = int(parse_qs(parts.query).get("$skip", ["0"])[0])
        fault = _fault(self.faults, f"{table}/{rest}" + (f"?skip={skip}" if skip else ""), f"{table}/{rest}", table)
        early = _common_fault(fault, self.requests, target)
        if early:
            return early
        if rest == "Observations" and table in self.tables:
            rows = self.observations(table)
            if fault == "empty":
                rows = []
            if fault == "drop-measure":  # schema drift: a measure renamed upstream
                rows = [dict(r, Measure="M999999") for r in rows]
            if fault == "new-region":
                rows = rows + [dict(rows[-1], RegioS="GM9999", Id=10**9)]
            body = {"@odata.context": f"{self.prefix}/{table}/$metadata#Observations",
                    "value": rows[skip:skip + self.page_size]}
            if skip + self.page_size < len(rows):
                base = FOREIGN if fault == "foreign-next" else f"http://{host}"
                body["@odata.nextLink"] = f"{base}{self.prefix}/{table}/Observations?$skip={skip + self.page_size}"
            return _maybe_truncated(fault, json.dumps(body).encode())
        path = self.file_for(table, rest)
        if path is None or not path.exists():
            return Answer(404, b'{"error": "not found"}')
        return _maybe_truncated(fault, path.read_bytes())


@dataclass
class CbsV3:
    """One v3 table: hand-written bodies from `folder` ({base} = this server), or entity lists from a
    cbsodata dump (`lists`), wrapped and paged like CBS does."""
    table: str
    folder: Path | None = None
    lists: dict[str, list] | None = None
    page_size: int = 100
    faults: dict[str, str] = field(default_factory=dict)   # 'TypedDataSet?skip=2' / 'TypedDataSet' / '*'
    requests: list[str] = field(default_factory=list)
    served: dict[str, bytes] = field(default_factory=dict)  # request path -> body sent
    prefix: str = V3_PREFIX

    def handles(self, path: str) -> bool:
        return path.startswith(f"{self.prefix}/{self.table}/") or path == f"{self.prefix}/{self.table}"

    def body(self, entity: str, skip: int, base: str, next_base: str) -> bytes | None:
        if self.folder is not None:
            path = self.folder / f"{entity or 'service'}{f'-skip-{skip}' if skip else ''}.json"
            if not path.exists():
                return None
            text = path.read_text(encoding="utf-8")
            text = text.replace('"odata.nextLink": "{base}', f'"odata.nextLink": "{next_base}')
            return text.replace("{base}", base).encode()
        table_url = f"{base}{self.prefix}/{self.table}"
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
                    doc["odata.nextLink"] = (f"{next_base}{self.prefix}/{self.table}/TypedDataSet"
                                             f"?$format=json&$skip={skip + self.page_size}")
        else:
            return None
        return json.dumps(doc).encode()

    def answer(self, target: str, host: str) -> Answer:
        parts = urlsplit(target)
        self.requests.append(target)
        table_path = f"{self.prefix}/{self.table}/"
        if not parts.path.startswith(table_path):
            return Answer(404, b'{"error": "not found"}')
        entity = parts.path[len(table_path):]
        skip = int(parse_qs(parts.query).get("$skip", ["0"])[0])
        fault = _fault(self.faults, f"{entity}?skip={skip}" if skip else entity, "*")
        early = _common_fault(fault, self.requests, target, error_key="odata.error")
        if early:
            return early
        base = f"http://{host}"
        body = self.body(entity, skip, base, FOREIGN if fault == "foreign-next" else base)
        if body is None:
            return Answer(404, b'{"error": "not found"}')
        answer = _maybe_truncated(fault, body, "application/json;charset=utf-8")
        self.served[target] = answer.body
        return answer


@dataclass
class Files:
    """Plain files: <prefix>/<name> -> root/<name> (a file source's downloads)."""
    root: Path
    prefix: str = "/files"
    faults: dict[str, str] = field(default_factory=dict)   # '<name>' / '*'
    requests: list[str] = field(default_factory=list)

    def handles(self, path: str) -> bool:
        return path.startswith(self.prefix + "/")

    def answer(self, target: str, host: str) -> Answer:
        self.requests.append(target)
        name = urlsplit(target).path[len(self.prefix) + 1:]
        fault = _fault(self.faults, name, "*")
        early = _common_fault(fault, self.requests, target)
        if early:
            return early
        path = (self.root / name).resolve()
        if self.root.resolve() not in path.parents or not path.is_file():
            return Answer(404, b"not found", "text/plain")
        return _maybe_truncated(fault, path.read_bytes(), "application/octet-stream")


def _common_fault(fault: str | None, requests: list[str], target: str, error_key: str = "error") -> Answer | None:
    if fault == "500":
        return Answer(500, json.dumps({error_key: "internal"}).encode())
    if fault == "flaky" and requests.count(target) == 1:  # fails once, then works
        return Answer(503, json.dumps({error_key: "busy"}).encode())
    if fault == "404":
        return Answer(404, b'{"error": "not found"}')
    if fault == "retry-after" and requests.count(target) == 1:
        return Answer(429, json.dumps({error_key: "too many requests"}).encode(), headers={"Retry-After": "1"})
    if fault == "retry-after-lang":
        return Answer(429, json.dumps({error_key: "too many requests"}).encode(), headers={"Retry-After": "3600"})
    if fault == "slow":
        time.sleep(3)
    return None


def _maybe_truncated(fault: str | None, data: bytes, content_type: str = "application/json") -> Answer:
    return Answer(200, data[: len(data) // 2] if fault == "truncated" else data, content_type,
                  tempo=TRICKLE if fault == "trickle" else 0.0)


class ReplayServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, replays, port: int = 0):
        self.replays = list(replays)
        super().__init__(("127.0.0.1", port), _Handler)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url_for(self, replay) -> str:
        """The base URL a client of this replay is pointed at (v3: the host; cbsodata adds its path)."""
        return self.base if isinstance(replay, CbsV3) else self.base + replay.prefix

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: ReplayServer

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = urlsplit(self.path).path
        replay = next((r for r in self.server.replays if r.handles(path)), None)
        answer = replay.answer(self.path, self.headers["Host"]) if replay else Answer(404, b'{"error": "not found"}')
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        for naam, waarde in answer.headers.items():
            self.send_header(naam, waarde)
        self.end_headers()
        if not answer.tempo:
            self.wfile.write(answer.body)
            return
        try:
            for i in range(len(answer.body)):
                self.wfile.write(answer.body[i:i + 1])
                self.wfile.flush()
                time.sleep(answer.tempo)
        except OSError:       # the client gave up (its deadline): that is the point
            return


def start(*replays, port: int = 0) -> tuple[ReplayServer, str]:
    """Serve the replays (or one list of them) from one server on loopback, on `port` (0: a free one);
    returns (server, base URL of the first replay)."""
    if len(replays) == 1 and isinstance(replays[0], (list, tuple)):
        replays = tuple(replays[0])
    server = ReplayServer(replays, port)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server, server.url_for(replays[0])


def main(argv: list[str] | None = None) -> None:
    """python -m tests.replay [CAPTURES_DIR] [--port N] [--page-size N]: serve recorded v4 captures on
    loopback (127.0.0.1, port N or a free one), to demo a "live" refresh:
    python -m etl.refresh --cbs-odata4-url <printed url>"""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m tests.replay")
    parser.add_argument("captures", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"
                                                           / "cbs-odata4"))
    parser.add_argument("--page-size", type=int, default=5000)
    parser.add_argument("--port", type=int, default=0, help="poort op 127.0.0.1 (standaard: een vrije)")
    args = parser.parse_args(argv)
    folder = Path(args.captures)
    if not folder.is_dir():
        raise SystemExit(f"Map met CBS-opnames {folder} bestaat niet; geef er een op als argument.")
    tables = {p.name: p for p in folder.iterdir() if (p / "index.json").exists()}
    try:
        server, url = start(CbsV4(tables=tables, page_size=args.page_size), port=args.port)
    except OSError as exc:
        raise SystemExit(f"Poort {args.port} op 127.0.0.1 is niet te gebruiken ({exc.strerror}); kies een andere "
                         "of laat --port weg voor een vrije poort.") from None
    print(f"CBS-opnames ({', '.join(sorted(tables))}) op {url}\n"
          f"  .venv/bin/python -m etl.refresh --cbs-odata4-url {url}\nStop met Ctrl-C.", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()

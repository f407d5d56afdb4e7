"""A loopback HTTP server that replays recorded CBS OData v4 responses under
the real URL paths (/odata/v1/CBS/<table>/...), splits Observations into
pages with absolute @odata.nextLink back to itself, and injects faults."""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

PREFIX = "/odata/v1/CBS"


@dataclass
class Replay:
    tables: dict[str, Path]                       # table id -> capture folder (v4 capture layout)
    page_size: int = 1000
    faults: dict[str, str] = field(default_factory=dict)  # path suffix -> fault
    requests: list[str] = field(default_factory=list)

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
        folder = self.tables[table]
        rows = []
        for page in sorted(folder.glob("observations-page-*.json")):
            rows += json.loads(page.read_text(encoding="utf-8"))["value"]
        return rows


def start(replay: Replay):
    """Start the server on a free loopback port; returns (server, base_url)."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send(self, status: int, body: bytes, content_type="application/json"):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            parts = urlsplit(self.path)
            replay.requests.append(self.path)
            if not parts.path.startswith(PREFIX + "/"):
                return self.send(404, b'{"error": "not found"}')
            table, _, rest = parts.path[len(PREFIX) + 1:].partition("/")
            query = parse_qs(parts.query)
            skip = int(query.get("$skip", ["0"])[0])
            key = f"{table}/{rest}" + (f"?skip={skip}" if skip else "")
            fault = replay.faults.get(key) or replay.faults.get(f"{table}/{rest}") or replay.faults.get(table)
            if fault == "500":
                return self.send(500, b'{"error": "internal"}')
            if fault == "flaky" and replay.requests.count(self.path) == 1:  # fails once, then works
                return self.send(503, b'{"error": "busy"}')
            if fault == "404":
                return self.send(404, b'{"error": "not found"}')
            if fault == "slow":
                time.sleep(3)
            if rest == "Observations" and table in replay.tables:
                rows = replay.observations(table)
                if fault == "empty":
                    rows = []
                if fault == "drop-measure":  # schema drift: a measure renamed upstream
                    rows = [dict(r, Measure="M999999") for r in rows]
                if fault == "new-region":
                    rows = rows + [dict(rows[-1], RegioS="GM9999", Id=10**9)]
                page = rows[skip:skip + replay.page_size]
                body = {"@odata.context": f"{PREFIX}/{table}/$metadata#Observations", "value": page}
                if skip + replay.page_size < len(rows):
                    host = f"http://{self.headers['Host']}"
                    if fault == "foreign-next":
                        host = "http://example.invalid"
                    body["@odata.nextLink"] = f"{host}{PREFIX}/{table}/Observations?$skip={skip + replay.page_size}"
                data = json.dumps(body).encode()
                if fault == "truncated":
                    data = data[: len(data) // 2]
                return self.send(200, data)
            path = replay.file_for(table, rest)
            if path is None or not path.exists():
                return self.send(404, b'{"error": "not found"}')
            data = path.read_bytes()
            if fault == "truncated":
                data = data[: len(data) // 2]
            return self.send(200, data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"


def main() -> None:
    """python -m tests.cbs_replay [CAPTURES_DIR] [--port N]: serve recorded v4 captures on loopback,
    to demo a "live" refresh: CBS_ODATA4_URL=<printed url> python -m etl.refresh"""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m tests.cbs_replay")
    parser.add_argument("captures", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"
                                                           / "cbs-odata4"))
    parser.add_argument("--page-size", type=int, default=5000)
    args = parser.parse_args()
    folder = Path(args.captures)
    tables = {p.name: p for p in folder.iterdir() if (p / "index.json").exists()}
    server, url = start(Replay(tables=tables, page_size=args.page_size))
    print(f"CBS-opnames ({', '.join(sorted(tables))}) op {url}\n"
          f"  CBS_ODATA4_URL={url} .venv/bin/python -m etl.refresh\nStop met Ctrl-C.", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()

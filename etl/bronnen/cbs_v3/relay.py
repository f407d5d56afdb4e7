"""The recorder between cbsodata and CBS.

cbsodata (1.3.5) has no public way to hand it a requests Session or a
transport adapter: it builds a fresh `requests.Session()` for every request.
Its public knobs are the `catalog_url` argument and `options.use_https`. So
cbsodata is pointed at this relay, a plain HTTP server on 127.0.0.1 that lives
for one fetch. The relay forwards each request verbatim to the real base URL
with our own session (retries, Retry-After, a per-read timeout and overall
deadlines per request and per table, no redirects), stores every answer
byte for byte in the snapshot, checks that an `odata.nextLink` stays on the
base URL's host and hands cbsodata a copy whose next link points back at the
relay. A failure is kept as a Dutch `CbsFetchError` and answered with 502, on
which cbsodata stops; the caller raises the kept error."""
from __future__ import annotations

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from etl.bronnen.gemeenschappelijk import retry
from etl.bronnen.gemeenschappelijk.fouten import CbsFetchError

if TYPE_CHECKING:   # imported when something is fetched, not by an offline build
    import requests

log = logging.getLogger("etl.bronnen.cbs_v3")

SERVICE = "service"          # file name (without .json) of the table's service document


def origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


class Relay:
    def __init__(self, table_id: str, base_url: str, writer, timeout: float, retries: int, backoff: float,
                 session: requests.Session | None = None, tijden: retry.Deadlines | None = None):
        self.table_id, self.base_url, self.writer = table_id, base_url.rstrip("/"), writer
        self.tijden = tijden or retry.Deadlines(table_id, None, None)
        self.timeout, self.retries, self.backoff = timeout, max(1, retries), backoff
        import requests

        self.session = session or requests.Session()
        parts = urlsplit(self.base_url)
        self.upstream_origin = f"{parts.scheme}://{parts.netloc}"
        self.base_path = parts.path.rstrip("/")
        self.entities: dict[str, list[str]] = {}
        self.rows: dict[str, int] = {}
        self.error: CbsFetchError | None = None
        self.current = None
        self.next_pending = False
        self.server: HTTPServer | None = None

    # --- lifetime -----------------------------------------------------------------------------------------
    def __enter__(self) -> Relay:
        relay = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                try:
                    status, body = 200, relay.forward(self.path)
                except CbsFetchError as exc:
                    relay.error = relay.error or exc
                    status, body = 502, json.dumps({"odata.error": str(exc)}).encode()
                except Exception as exc:  # noqa: BLE001 - reported to the caller, never a hung cbsodata
                    relay.error = relay.error or CbsFetchError(
                        f"CBS-tabel {relay.table_id}: ophalen mislukt ({type(exc).__name__}: {exc})")
                    status, body = 502, b'{"odata.error": "relay"}'
                self.send_response(status)
                self.send_header("Content-Type", "application/json;charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        log.info("cbsodata via relay %s naar %s", self.address, self.base_url)
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.server.server_address[1]}"

    @property
    def catalog_url(self) -> str:
        """What cbsodata gets as catalog_url (with options.use_https False)."""
        return self.address + self.base_path

    # --- one request --------------------------------------------------------------------------------------
    def fail(self, cause: str):
        raise CbsFetchError(f"CBS-tabel {self.table_id}: {cause}")

    def check_host(self, url: str, what: str) -> None:
        if origin(url) != origin(self.base_url):
            self.fail(f"{what} {url} wijst naar een andere server dan {self.base_url}; die wordt niet gevolgd")

    def forward(self, path: str) -> bytes:
        """Fetch base origin + path (as cbsodata asked for it), store it, return what cbsodata gets."""
        if self.error:
            raise self.error
        url = self.upstream_origin + path
        self.check_host(url, "adres")
        import requests

        request = requests.Request("GET", url).prepare()
        response, body, cause = retry.request(
            lambda t: self.session.send(request, timeout=t, allow_redirects=False, stream=True),
            self.timeout, self.retries, self.backoff, self.tijden.eind())
        if response is None:
            self.fail(f"{self.tijden.uitleg(cause)} ({url})")
        if response.status_code != 200:
            cause = f"server antwoordde {response.status_code}"
            if response.is_redirect:
                self.fail(f"{cause} met een doorverwijzing naar {response.headers.get('Location')} "
                          f"op {url}; doorverwijzingen worden niet gevolgd")
            self.fail(f"{cause} op {url}")
        doc = self.store(url, body)
        link = doc.get("odata.nextLink")
        if not link:
            return body
        self.check_host(link, "odata.nextLink")
        parts = urlsplit(link)
        terug = f"http://{self.address}{parts.path}" + (f"?{parts.query}" if parts.query else "")
        return json.dumps(dict(doc, **{"odata.nextLink": terug}), ensure_ascii=False).encode()

    def store(self, url: str, body: bytes) -> dict:
        try:
            doc = json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            self.fail(f"antwoord op {url} is geen geldige JSON (afgebroken of beschadigd: {exc})")
        if not isinstance(doc, dict) or not isinstance(doc.get("value"), list):
            self.fail(f"antwoord op {url} heeft geen lijst 'value'")
        if self.next_pending:      # cbsodata requests odata.nextLink right after the page carrying it
            name = self.current
        else:
            path = urlsplit(url).path
            rest = path.split(f"/{self.table_id}/", 1)[1] if f"/{self.table_id}/" in path else path
            name = rest.rstrip("/").rsplit("/", 1)[-1] or SERVICE
            if name in self.entities:
                self.fail(f"{name} werd twee keer opgevraagd ({url})")
            self.current = name
        files = self.entities.setdefault(name, [])
        files.append(f"{name}.json" if not files else f"{name}-page-{len(files) + 1}.json")
        self.writer.add(files[-1], url, body, rows=len(doc["value"]))
        self.rows[name] = self.rows.get(name, 0) + len(doc["value"])
        log.info("opgehaald: %s (%d bytes, %d rijen)", url, len(body), len(doc["value"]))
        self.next_pending = bool(doc.get("odata.nextLink"))
        return doc

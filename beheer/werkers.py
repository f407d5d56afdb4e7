"""python -m beheer.werkers --aantal N [--poort 8501] [--adres 127.0.0.1]  (make run WORKERS=N)

N dashboard processes behind HAProxy (Debian's `haproxy`): one Python process
uses one core, so a server with N cores serves about N times as many viewers
with N workers. HAProxy passes WebSockets through, keeps each browser on the
worker that holds its session (a cookie; Streamlit's session state lives in
one process), checks every worker's /_stcore/health, and sends a browser
whose worker died to a live one (its page reconnects there). When no worker
answers, it shows a plain Dutch page instead of hanging.

Everything the workers share is safe across processes: the warehouse is read
only and swapped atomically (each worker opens the new file at its next
click), and the refresh status, the monitor store, saved versions and the
login throttling are files written under a lock or renamed into place.

A worker that exits is started again. Ctrl-C (or SIGTERM) stops all of it."""
from __future__ import annotations

import argparse
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from basis.instellingen import ROOT

FOUTPAGINA = """HTTP/1.1 503 Service Unavailable
Content-Type: text/html; charset=utf-8
Cache-Control: no-cache
Connection: close

<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Dashboard niet bereikbaar</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 4rem auto; color: #1f2933">
<h1>Het dashboard is even niet bereikbaar</h1>
<p>Geen van de dashboardprocessen antwoordt. Probeer het over een minuut opnieuw. Blijft dit zo, meld het dan
bij de beheerder van het dashboard.</p></body></html>
"""


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def haproxy_config(adres: str, poort: int, werkers: list[int], foutpagina: Path) -> str:
    servers = "\n".join(f"    server w{i} 127.0.0.1:{p} check cookie w{i} inter 1s fall 2 rise 1"
                        for i, p in enumerate(werkers, start=1))
    return f"""global
    maxconn 4096

defaults
    mode http
    timeout connect 5s
    timeout client 1h
    timeout server 1h
    timeout tunnel 1h
    retries 2
    option redispatch
    errorfile 503 {foutpagina}

frontend dashboard
    bind {adres}:{poort}
    default_backend werkers

backend werkers
    balance roundrobin
    # the session lives in one worker: keep each browser on it
    cookie WERKER insert indirect nocache httponly
    option httpchk GET /_stcore/health
{servers}
"""


class Werker:
    def __init__(self, poort: int, log: Path, map: Path = ROOT):
        self.poort, self.logpad, self.map = poort, log, map
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.log = open(self.logpad, "a")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(self.poort),
             "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=self.map, stdout=self.log, stderr=subprocess.STDOUT)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m beheer.werkers", description=__doc__.split("\n\n")[1])
    p.add_argument("--aantal", type=int, required=True, help="aantal dashboardprocessen (bijv. het aantal kernen)")
    p.add_argument("--poort", type=int, default=8501, help="de poort waarop HAProxy luistert")
    p.add_argument("--adres", default="127.0.0.1", help="het adres waarop HAProxy luistert")
    p.add_argument("--map", type=Path, default=ROOT,
                   help="map met app.py en .streamlit (standaard dit project; make bench start er een lege app mee)")
    args = p.parse_args(argv)
    if args.aantal < 1:
        print("--aantal moet minstens 1 zijn.", file=sys.stderr)
        return 2
    haproxy = shutil.which("haproxy") or ("/usr/sbin/haproxy" if Path("/usr/sbin/haproxy").exists() else None)
    if haproxy is None:
        print("HAProxy ontbreekt: installeer het met 'sudo apt-get install -y haproxy' (make run WORKERS=N doet dat "
              "als root), of start één proces met 'make run'.", file=sys.stderr)
        return 1
    map = Path(tempfile.mkdtemp(prefix="dashboard-werkers-"))
    foutpagina = map / "503.http"
    foutpagina.write_text(FOUTPAGINA.replace("\n", "\r\n", 5), encoding="utf-8")
    werkers = [Werker(vrije_poort(), map / f"werker-{i}.log", args.map) for i in range(1, args.aantal + 1)]
    cfg = map / "haproxy.cfg"
    cfg.write_text(haproxy_config(args.adres, args.poort, [w.poort for w in werkers], foutpagina))
    for i, w in enumerate(werkers, start=1):
        w.start()
        print(f"Proces w{i}: poort {w.poort}, pid {w.proc.pid}", flush=True)
    proxy = subprocess.Popen([haproxy, "-f", str(cfg), "-db"], stdout=open(map / "haproxy.log", "w"),
                             stderr=subprocess.STDOUT)
    print(f"Dashboard op http://{args.adres}:{args.poort} met {args.aantal} processen (logboeken in {map}).",
          flush=True)
    stoppen = False

    def stop(*_):
        nonlocal stoppen
        stoppen = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        while not stoppen:
            if proxy.poll() is not None:
                print(f"HAProxy stopte (code {proxy.returncode}); zie {map / 'haproxy.log'}.", file=sys.stderr)
                return 1
            for w in werkers:
                if w.proc.poll() is not None:
                    print(f"Proces op poort {w.poort} stopte (code {w.proc.returncode}); opnieuw gestart.",
                          file=sys.stderr, flush=True)
                    w.start()
                    print(f"Proces op poort {w.poort}: pid {w.proc.pid}", flush=True)
            time.sleep(0.5)
    finally:
        proxy.terminate()
        for w in werkers:
            w.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""python -m benchmarks.belasting [--scenario a,c] [--check]  (make bench-load)

Many viewers at once, the way browsers load the app: each viewer opens a real
Streamlit session over its WebSocket (/_stcore/stream) and asks for pages in
turn (a rerun with the page's url path, as st.navigation does), waiting for
the script to finish. The app runs as `make run` starts it (`streamlit run
app.py` with .streamlit/config.toml) on a built warehouse; beside it, in the
same run and with the same server settings, an empty app with the same number
of pages. Every figure is printed beside the empty app's and as a ratio.

Scenarios (issue "A full room at once"):
  a  30 viewers arriving within 2 s, each visiting every page once, no pause (warm servers: every page once first)
  b  100 viewers with a 5 s pause between pages for 10 minutes (soak, warm servers; RSS each minute)
  c  one viewer, every page warm
  k  scenario a on freshly started servers: every cache cold, as after a restart (reports server CPU too)
Goals: a: p95 <= 1 s, 0 errors, throughput >= 0.6x the empty app's; b: p95 <= 1 s, 0 errors,
RSS growth <= 10% between minute 2 and the end; c: every page <= 1.3x the empty page.
--check exits 1 when a goal is missed. Uses the websockets client (in the lockfile through Streamlit's server)."""
from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGINAS = ["", "analyse", "mismatch", "vacatures", "werkzoekenden", "ww", "banen", "bevolking", "monitor",
           "bronnen-en-actualiteit"]


@dataclass
class Uitkomst:
    latenties: dict[str, list[float]] = field(default_factory=dict)
    fouten: list[str] = field(default_factory=list)
    duur: float = 0.0
    rss_mb: list[float] = field(default_factory=list)

    @property
    def alle(self) -> list[float]:
        return [x for xs in self.latenties.values() for x in xs]

    def doorvoer(self) -> float:
        return len(self.alle) / self.duur if self.duur else 0.0


def percentiel(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    if not xs:
        return float("nan")
    return xs[max(0, min(len(xs) - 1, round(p / 100 * (len(xs) - 1))))]


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`streamlit run <app>` on a free loopback port, with the project's server settings."""

    def __init__(self, map: Path, env: dict):
        self.poort = vrije_poort()
        # the log goes beside the benchmark's warehouse (a temp dir), never into the repository
        self.log = open(Path(env["WAREHOUSE_PATH"]).parent / f"server-{self.poort}.log", "w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(self.poort),
             "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=map, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.poort}"
        eind = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > eind:
                raise RuntimeError(f"server in {map} start niet; zie {self.log.name}")
            time.sleep(0.2)

    def cpu_s(self) -> float:
        """User + system CPU seconds the server process has used so far."""
        velden = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(velden[11]) + int(velden[12])) / os.sysconf("SC_CLK_TCK")

    def rss_mb(self) -> float:
        for regel in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if regel.startswith("VmRSS:"):
                return int(regel.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


async def kijker(url: str, paginas: list[str], rondes: int, wacht: float, bedenktijd: float,
                 uit: Uitkomst, einde: float | None = None) -> None:
    """One viewer: one session, pages in turn; latency = request sent until script_finished."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    await asyncio.sleep(wacht)
    try:
        ws = await websockets.connect(url.replace("http://", "ws://") + "/_stcore/stream", subprotocols=["streamlit"],
                                      origin=url, max_size=None, open_timeout=60, ping_interval=None)
    except Exception as exc:  # noqa: BLE001 - a refused session is a measured error, not a crash
        uit.fouten.append(f"sessie: {type(exc).__name__}: {exc}")
        return
    try:
        ronde = 0
        while ronde < rondes or (einde is not None and time.monotonic() < einde):
            ronde += 1
            for pagina in paginas:
                bericht = BackMsg()
                bericht.rerun_script.page_name = pagina
                bericht.rerun_script.query_string = ""
                t0 = time.perf_counter()
                await ws.send(bericht.SerializeToString())
                elementen = uitzonderingen = 0
                while True:
                    data = await asyncio.wait_for(ws.recv(), timeout=120)
                    fm = ForwardMsg()
                    fm.ParseFromString(data)
                    soort = fm.WhichOneof("type")
                    if soort == "delta":
                        elementen += 1
                        d = fm.delta
                        if d.WhichOneof("type") == "new_element" and d.new_element.WhichOneof("type") == "exception":
                            uitzonderingen += 1
                    elif soort == "script_finished":
                        status = ForwardMsg.ScriptFinishedStatus.Name(fm.script_finished)
                        if status != "FINISHED_SUCCESSFULLY":
                            uit.fouten.append(f"{pagina or '/'}: {status}")
                        break
                uit.latenties.setdefault(pagina or "/", []).append(time.perf_counter() - t0)
                if uitzonderingen:
                    uit.fouten.append(f"{pagina or '/'}: {uitzonderingen} uitzondering(en) op de pagina")
                if not elementen:
                    uit.fouten.append(f"{pagina or '/'}: niets getoond")
                if bedenktijd:
                    await asyncio.sleep(bedenktijd)
                if einde is not None and time.monotonic() >= einde:
                    return
    except Exception as exc:  # noqa: BLE001
        uit.fouten.append(f"sessie: {type(exc).__name__}: {exc}")
    finally:
        await ws.close()


async def scenario(server: Server, paginas: list[str], kijkers: int, rondes: int, aankomst: float,
                   bedenktijd: float = 0.0, minuten: float | None = None) -> Uitkomst:
    uit = Uitkomst()
    einde = time.monotonic() + 60 * minuten if minuten else None

    async def rss_meten():
        while einde is not None and time.monotonic() < einde:
            uit.rss_mb.append(server.rss_mb())
            await asyncio.sleep(60)

    t0 = time.perf_counter()
    await asyncio.gather(rss_meten(), *(kijker(server.url, paginas, rondes, aankomst * i / max(1, kijkers),
                                               bedenktijd, uit, einde) for i in range(kijkers)))
    uit.duur = time.perf_counter() - t0
    uit.rss_mb.append(server.rss_mb())
    return uit


def warm(server: Server, paginas: list[str]) -> None:
    """Every page once, so a scenario measures a warm server, as its goal means (k is the cold case)."""
    asyncio.run(scenario(server, paginas, 1, 1, 0))


def lege_app(map: Path, aantal: int) -> None:
    """An app with `aantal` empty pages under the same url paths, and the project's server settings."""
    (map / ".streamlit").mkdir(parents=True)
    shutil.copy(REPO / ".streamlit" / "config.toml", map / ".streamlit" / "config.toml")
    regels = ["import streamlit as st", "", "def leeg():", "    st.title('Leeg')", "", "pages = ["]
    for i, pad in enumerate(PAGINAS[:aantal]):
        regels.append(f"    st.Page(leeg, title='Pagina {i}', url_path={pad or 'leeg'!r}, default={i == 0}),")
    regels += ["]", "st.navigation(pages).run()", ""]
    (map / "app.py").write_text("\n".join(regels))


def bouw_warehouse(map: Path) -> dict:
    """A warehouse from the embedded data, and the environment that points the app at it."""
    raw = map / "raw"
    shutil.copytree(REPO / "data" / "raw", raw, ignore=shutil.ignore_patterns("cbs", "uwv"))
    env = {**os.environ, "DASHBOARD_RAW_DIR": str(raw), "WAREHOUSE_PATH": str(map / "warehouse.duckdb"),
           "MONITOR_DIR": str(map / "monitor"), "VERSIES_DIR": str(map / "versions"),
           "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, "-m", "etl.refresh", "--offline"], cwd=REPO, env=env, check=True,
                   capture_output=True)
    return env


def regel(naam: str, wij: Uitkomst, leeg: Uitkomst) -> str:
    p50, p95 = percentiel(wij.alle, 50) * 1000, percentiel(wij.alle, 95) * 1000
    lp95 = percentiel(leeg.alle, 95) * 1000
    return (f"{naam:<34} p50 {p50:6.0f} ms  p95 {p95:6.0f} ms (leeg {lp95:5.0f} ms, {p95 / lp95:4.1f}x)  "
            f"max {max(wij.alle) * 1000:6.0f} ms  doorvoer {wij.doorvoer():5.1f}/s (leeg {leeg.doorvoer():5.1f}/s, "
            f"{wij.doorvoer() / leeg.doorvoer():4.2f}x)  fouten {len(wij.fouten)} (leeg {len(leeg.fouten)})  "
            f"RSS {wij.rss_mb[-1]:.0f} MB")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.belasting")
    p.add_argument("--scenario", default="c,a", help="a, b, c, k (komma's); b duurt 10 minuten")
    p.add_argument("--check", action="store_true", help="exitcode 1 als een doel niet gehaald wordt")
    p.add_argument("--minuten", type=float, default=10.0, help="duur van scenario b")
    args = p.parse_args(argv)
    gemist: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = bouw_warehouse(tmp)
        leeg_map = tmp / "leeg"
        lege_app(leeg_map, len(PAGINAS))
        wij, leeg = Server(REPO, env), Server(leeg_map, env)
        leeg_paginas = [p or "leeg" for p in PAGINAS]
        try:
            for s in args.scenario.split(","):
                if s == "c":
                    # warm: one round first, then the median of five per page
                    w = asyncio.run(scenario(wij, PAGINAS, 1, 6, 0))
                    e = asyncio.run(scenario(leeg, leeg_paginas, 1, 6, 0))
                    basis = statistics.median(x for xs in e.latenties.values() for x in xs[1:])
                    print(f"c: één kijker, elke pagina warm (mediaan van 5; lege pagina {basis * 1000:.1f} ms)")
                    for pagina, xs in w.latenties.items():
                        m = statistics.median(xs[1:])
                        print(f"   {pagina:<28} {m * 1000:6.1f} ms = {m / basis:4.1f}x lege pagina (doel <= 1,3x)")
                        if m / basis > 1.3:
                            gemist.append(f"c {pagina}: {m / basis:.1f}x")
                elif s == "a":
                    # run alone right after the start, a measured a cold server (0.21x instead of 0.61x)
                    warm(wij, PAGINAS)
                    warm(leeg, leeg_paginas)
                    c0 = wij.cpu_s()
                    w = asyncio.run(scenario(wij, PAGINAS, 30, 1, 2.0))
                    wcpu = wij.cpu_s() - c0
                    l0 = leeg.cpu_s()
                    e = asyncio.run(scenario(leeg, leeg_paginas, 30, 1, 2.0))
                    ecpu = leeg.cpu_s() - l0
                    print("a: 30 kijkers binnen 2 s, elke pagina één keer  (doel p95 <= 1000 ms, 0 fouten, "
                          "doorvoer >= 0,6x leeg)")
                    print("   " + regel("alle pagina's", w, e))
                    # CPU per render: what the server itself spends, less sensitive to a busy machine
                    # than throughput (which includes waiting for the CPU)
                    wr, er = wcpu / len(w.alle) * 1000, ecpu / len(e.alle) * 1000
                    print(f"   server-CPU per render {wr:.1f} ms (leeg {er:.1f} ms, {wr / er:.1f}x)")
                    for pagina, xs in w.latenties.items():
                        print(f"   {pagina:<28} p50 {percentiel(xs, 50) * 1000:6.0f} ms  "
                              f"p95 {percentiel(xs, 95) * 1000:6.0f} ms  max {max(xs) * 1000:6.0f} ms")
                    for f in sorted(set(w.fouten))[:10]:
                        print(f"   fout: {f} (x{w.fouten.count(f)})")
                    if percentiel(w.alle, 95) > 1.0 or w.fouten or w.doorvoer() < 0.6 * e.doorvoer():
                        gemist.append("a")
                elif s == "k":
                    # cold: fresh servers (every cache empty, as after a restart or refresh), then scenario a
                    uit = {}
                    for naam, map, paginas in (("wij", REPO, PAGINAS), ("leeg", leeg_map, leeg_paginas)):
                        vers = Server(map, env)
                        try:
                            c0 = vers.cpu_s()
                            uit[naam] = (asyncio.run(scenario(vers, paginas, 30, 1, 2.0)), vers.cpu_s() - c0)
                        finally:
                            vers.stop()
                    (w, wcpu), (e, ecpu) = uit["wij"], uit["leeg"]
                    print("k: als a, maar op een vers gestarte server (koude caches)")
                    print("   " + regel("alle pagina's", w, e))
                    print(f"   server-CPU {wcpu:.1f} s (leeg {ecpu:.1f} s)")
                elif s == "b":
                    warm(wij, PAGINAS)   # the first minute of a cold server is scenario k's question
                    warm(leeg, leeg_paginas)
                    w = asyncio.run(scenario(wij, PAGINAS, 100, 1, 10.0, bedenktijd=5.0, minuten=args.minuten))
                    e = asyncio.run(scenario(leeg, leeg_paginas, 100, 1, 10.0, bedenktijd=5.0, minuten=args.minuten))
                    groei = (w.rss_mb[-1] / w.rss_mb[min(2, len(w.rss_mb) - 1)] - 1) * 100
                    print(f"b: 100 kijkers, 5 s tussen pagina's, {args.minuten:g} minuten  (doel p95 <= 1000 ms, "
                          "0 fouten, RSS-groei <= 10%)")
                    print("   " + regel("alle pagina's", w, e))
                    print("   RSS per minuut: " + ", ".join(f"{x:.0f}" for x in w.rss_mb) + f" MB (groei {groei:.1f}%)")
                    if percentiel(w.alle, 95) > 1.0 or w.fouten or groei > 10:
                        gemist.append("b")
                else:
                    print(f"onbekend scenario {s!r}: kies uit a, b, c, k", file=sys.stderr)
                    return 2
        finally:
            wij.stop()
            leeg.stop()
    if gemist:
        print("Doelen niet gehaald: " + "; ".join(gemist))
    return 1 if (gemist and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())

"""python -m benchmarks.paginas [--basis DIR] [--ook DIR ...] [--rondes N] [--runs N] [pagina ...]

Warm reruns of every page (issue 15: "each page's warm render stays within 1.1x of today's"), as the app
runs them: AppTest of app.py, switched to the page, rerun again and again. Per page it prints the median
CPU time of the script thread (AppTest runs the script in a thread of its own, so it is measured inside
that thread with time.thread_time: the work of the page itself, little disturbed by other processes on a
shared machine) and the median wall time of `at.run()`, beside an empty page measured in the same process.

With --basis DIR (a worktree of an older commit, e.g. `git worktree add /tmp/base-dd89 dd89a80`), the same
measurement runs for that checkout too: each checkout in its own process, with its own code (PYTHONPATH),
its own data/raw and its own warehouse; the processes alternate (who goes first rotates per round), so
all see the same load, and every page gets a ratio new/old per round and the median of those ratios.
--ook DIR adds further checkouts (e.g. main before a change) to the same rounds.

Also: an HTML table of 50 rows (goal <= 2 ms to render): building its HTML (components.html_tabel,
uncached) and the extra script CPU of a page that shows it (components.tabel) over an empty page.

Pages run with the repository's seed data (data/raw without CBS snapshots) and a monitor file with four
kwartalen for every seed project (benchmark data, in a temporary directory)."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HIER = Path(__file__).resolve()
REPO = HIER.parent.parent
PAGINAS = ["overzicht", "analyse", "mismatch", "vacatures", "werkzoekenden", "ww", "banen", "bevolking", "regios",
           "monitor", "monitor_invoer", "bronnen", "toegankelijkheid"]
DOEL = 1.1


# --- in the worker process (the checkout's own code on sys.path) -------------------------------------------

def _map(checkout: Path) -> str:
    """Pages live in app_pages/ now, in pages/ in older commits."""
    return "app_pages" if (checkout / "app_pages").is_dir() else "pages"


def voorbereiden(checkout: Path, werk: Path) -> None:
    """Copy the checkout's data/raw, import the benchmark monitor file, build the warehouse (its own code)."""
    raw = werk / "raw"
    shutil.copytree(checkout / "data" / "raw", raw, ignore=shutil.ignore_patterns("cbs"))
    try:   # the monitor moved (etl.monitor -> werkenaanwerk) and its file gained a Revisie column
        from werkenaanwerk import invoer
        from werkenaanwerk.register import seed_projecten
        revisie = True
    except ImportError:
        from etl.monitor import invoer
        from etl.monitor.register import seed_projecten
        revisie = False
    kop = "Project;Kwartaal;Aangemeld;Gestart;Uitgevallen;Uitstroom naar werk;Uitstroom naar opleiding;Nog in traject"
    regels = [kop + (";Revisie" if revisie else "")]
    regels += [f"{p['naam']};2024-Q{q};5;4;1;1;1;4" + (";0" if revisie else "")
               for p in seed_projecten(raw) for q in (1, 2, 3, 4)]
    invoer.importeer("bench.csv", "\n".join(regels).encode(), "benchmark")
    from etl.build import build
    build(raw, werk / "warehouse.duckdb")


def _bytecode_eenmaal() -> None:
    """AppTest gives every run a fresh ScriptCache, so it compiles app.py and the page again on every rerun;
    the server keeps one cache for its lifetime. Keep the bytecode as the server does (else every page pays
    ~0.7 ms of compiling that no user's rerun pays)."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    oud, gedeeld = ScriptCache.get_bytecode, {}

    def get_bytecode(cache, script_path):
        sleutel = (os.path.abspath(script_path), os.stat(script_path).st_mtime_ns)
        if sleutel not in gedeeld:
            gedeeld[sleutel] = oud(cache, script_path)
        return gedeeld[sleutel]

    ScriptCache.get_bytecode = get_bytecode


class Meter:
    """CPU (thread_time) and wall time of each script run, measured in the script thread; and the element
    payloads of the last run (to compare two reruns)."""

    def __init__(self):
        from streamlit.runtime.scriptrunner import script_runner
        from streamlit.testing.v1 import local_script_runner
        _bytecode_eenmaal()
        self.cpu: list[float] = []
        self.laatste: list[bytes] = []
        oud_script, oud_run = script_runner.ScriptRunner._run_script, local_script_runner.LocalScriptRunner.run
        meter = self

        def _run_script(runner, *a, **k):
            t0 = time.thread_time()
            try:
                return oud_script(runner, *a, **k)
            finally:
                meter.cpu.append(time.thread_time() - t0)

        def run(runner, *a, **k):
            boom = oud_run(runner, *a, **k)
            meter.laatste = [m.delta.SerializeToString() for m in runner.forward_msgs() if m.HasField("delta")]
            return boom

        script_runner.ScriptRunner._run_script = _run_script
        local_script_runner.LocalScriptRunner.run = run


def _app(checkout: Path, pagina: str | None, leeg: Path):
    from streamlit.testing.v1 import AppTest
    if pagina is None:
        at = AppTest.from_file(str(leeg), default_timeout=60)
        at.run()
        return at
    at = AppTest.from_file(str(checkout / "app.py"), default_timeout=60)
    at.run()
    if pagina != "overzicht":
        at.switch_page(f"{_map(checkout)}/{pagina}.py")
        at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def meten(checkout: Path, paginas: list[str], runs: int, werk: Path) -> dict:
    """{page: {"cpu": median ms, "wand": median ms, "anders": elements whose payload differs between two
    reruns, "elementen": count}}; page "leeg" is the empty page. The pages' samples are interleaved."""
    meter = Meter()
    leeg = werk / "leeg.py"
    leeg.write_text("import streamlit as st\n")
    apps = {"leeg": _app(checkout, None, leeg)}
    for p in paginas:
        if (checkout / _map(checkout) / f"{p}.py").is_file():
            apps[p] = _app(checkout, p, leeg)
    uit = {}
    for naam, at in apps.items():   # warm: a few reruns, then compare two reruns' payloads
        for _ in range(3):
            at.run()
        een = meter.laatste
        at.run()
        twee = meter.laatste
        uit[naam] = {"elementen": len(twee), "anders": sum(a != b for a, b in zip(een, twee, strict=False))
                     + abs(len(een) - len(twee)), "cpu": [], "wand": []}
    for _ in range(runs):
        for naam, at in apps.items():
            t0 = time.perf_counter()
            at.run()
            uit[naam]["wand"].append(time.perf_counter() - t0)
            uit[naam]["cpu"].append(meter.cpu[-1])
    for naam, at in apps.items():
        assert not at.exception, (naam, [e.message for e in at.exception])
    for r in uit.values():
        r["cpu"] = statistics.median(r["cpu"]) * 1000
        r["wand"] = statistics.median(r["wand"]) * 1000
    return uit


def html_tabel_meten(werk: Path, runs: int) -> dict:
    """An HTML table of 50 rows x 7 columns: building it (uncached) and the script CPU a page spends on
    showing it (components.tabel, warm: the HTML made once per frame) over an empty page."""
    import pandas as pd

    from dashboard.kern import components
    df = pd.DataFrame({"categorie": [f"Beroepsklasse {i}" for i in range(50)],
                       "regio_aantal": [1000.0 + i for i in range(50)], "regio_aandeel": [i / 3 for i in range(50)],
                       "vergelijk_aantal": [None if i % 7 == 0 else 55050.0 * i for i in range(50)],
                       "periode": ["2025-Q2"] * 50, "bron": ["UWV"] * 50, "kwalificatie": [None] * 50})
    bouwen = []
    for _ in range(max(runs, 30)):
        t0 = time.thread_time()
        components.html_tabel(df, "Gegevens")
        bouwen.append(time.thread_time() - t0)
    df.to_pickle(werk / "tabel.pkl")
    pagina = werk / "tabel_pagina.py"
    pagina.write_text("import pandas as pd\nimport streamlit as st\nfrom dashboard.kern import components\n"
                      f"df = st.cache_resource(pd.read_pickle)({str(werk / 'tabel.pkl')!r})\n"
                      "components.tabel(df, 'Gegevens')\n")
    leeg = werk / "leeg.py"
    leeg.write_text("import pandas as pd\nimport streamlit as st\nfrom dashboard.kern import components\n"
                    f"df = st.cache_resource(pd.read_pickle)({str(werk / 'tabel.pkl')!r})\n")
    meter = Meter()
    from streamlit.testing.v1 import AppTest
    apps = {n: AppTest.from_file(str(p), default_timeout=60) for n, p in (("leeg", leeg), ("tabel", pagina))}
    cpu = {n: [] for n in apps}
    for _ in range(3):
        for at in apps.values():
            at.run()
    for _ in range(max(runs, 30)):
        for n, at in apps.items():
            at.run()
            cpu[n].append(meter.cpu[-1])
    return {"bouwen": statistics.median(bouwen) * 1000, "leeg": statistics.median(cpu["leeg"]) * 1000,
            "tabel": statistics.median(cpu["tabel"]) * 1000}


def profiel(checkout: Path, pagina: str, runs: int, werk: Path, sortering: str) -> None:
    """cProfile of the script thread over `runs` warm reruns of one page (prints the top 45)."""
    import pstats

    aan = [False]
    profiel = script_profiel(lambda: aan[0])
    _bytecode_eenmaal()
    leeg = werk / "leeg.py"
    leeg.write_text("import streamlit as st\n")
    at = _app(checkout, pagina, leeg)
    for _ in range(3):
        at.run()
    aan[0] = True
    for _ in range(runs):
        at.run()
    pstats.Stats(profiel).sort_stats(sortering).print_stats(45)


def script_profiel(aan=lambda: True):
    """A cProfile.Profile of the script thread (where AppTest runs the script), recording the runs for
    which aan() is true."""
    import cProfile

    from streamlit.runtime.scriptrunner import script_runner
    profiel, oud = cProfile.Profile(), script_runner.ScriptRunner._run_script

    def _run_script(runner, *a, **k):
        if not aan():
            return oud(runner, *a, **k)
        profiel.enable()
        try:
            return oud(runner, *a, **k)
        finally:
            profiel.disable()

    script_runner.ScriptRunner._run_script = _run_script
    return profiel


def werker(args) -> None:
    checkout, werk = Path(args.checkout), Path(args.werk)
    os.chdir(checkout)
    os.environ.update(DASHBOARD_RAW_DIR=str(werk / "raw"), WAREHOUSE_PATH=str(werk / "warehouse.duckdb"),
                      MONITOR_DIR=str(werk / "monitor"), VERSIES_DIR=str(werk / "versies"))
    if args.werker == "voorbereiden":
        voorbereiden(checkout, werk)
        return
    if args.werker == "tabel":
        print(json.dumps(html_tabel_meten(werk, args.runs)))
        return
    if args.werker == "profiel":
        profiel(checkout, args.paginas[0], args.runs, werk, args.sortering)
        return
    print(json.dumps(meten(checkout, args.paginas, args.runs, werk)))


# --- the orchestrator ------------------------------------------------------------------------------------

def _proces(checkout: Path, werk: Path, *argv: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    uit = subprocess.run([sys.executable, str(HIER), "--checkout", str(checkout), "--werk", str(werk), *argv],
                         cwd=checkout, env=env, capture_output=True, text=True)
    if uit.returncode:
        raise SystemExit(f"{checkout}: {' '.join(argv)} mislukt:\n{uit.stderr[-3000:]}")
    return uit.stdout.strip().splitlines()[-1] if uit.stdout.strip() else ""


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("paginas", nargs="*", default=PAGINAS)
    p.add_argument("--basis", help="checkout of the commit to compare with (e.g. a worktree of dd89a80)")
    p.add_argument("--ook", action="append", help="another checkout to measure beside this one (repeatable)")
    p.add_argument("--rondes", type=int, default=int(os.environ.get("BENCH_RONDES", "3")))
    p.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "15")))
    p.add_argument("--werker", choices=["voorbereiden", "meten", "tabel", "profiel"], help=argparse.SUPPRESS)
    p.add_argument("--profiel", action="store_true",
                   help="cProfile of the first page's warm reruns instead (this checkout, or --basis alone)")
    p.add_argument("--sortering", default="tottime", help="pstats sort key for --profiel (tottime, cumulative)")
    p.add_argument("--checkout", help=argparse.SUPPRESS)
    p.add_argument("--werk", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.werker:
        werker(args)
        return
    if args.profiel:
        checkout = Path(args.basis).resolve() if args.basis else REPO
        with tempfile.TemporaryDirectory() as tmp:
            _proces(checkout, Path(tmp), "--werker", "voorbereiden")
            env = {**os.environ, "PYTHONPATH": str(checkout)}
            subprocess.run([sys.executable, str(HIER), "--checkout", str(checkout), "--werk", tmp, "--werker",
                            "profiel", "--runs", str(args.runs), "--sortering", args.sortering, args.paginas[0]],
                           cwd=checkout, env=env, check=True)
        return
    checkouts = {"nu": REPO}
    for i, ook in enumerate(args.ook or []):
        checkouts[f"ook{i + 1}"] = Path(ook).resolve()
    if args.basis:
        checkouts = {"basis": Path(args.basis).resolve(), **checkouts}
    labels = {n: subprocess.run(["git", "-C", str(c), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True).stdout.strip() or n for n, c in checkouts.items()}
    print(f"paginas: {args.rondes} rondes x {args.runs} warm reruns per page; load {os.getloadavg()[0]:.1f}")
    for n, c in checkouts.items():
        gewijzigd = subprocess.run(["git", "-C", str(c), "status", "--porcelain", "--untracked-files=no"],
                                   capture_output=True, text=True).stdout.strip()
        print(f"  {n:<6} {labels[n]}{' + wijzigingen' if gewijzigd else ''} ({c})")
    with tempfile.TemporaryDirectory() as tmp:
        werk = {n: Path(tmp) / n for n in checkouts}
        for n, c in checkouts.items():
            werk[n].mkdir()
            _proces(c, werk[n], "--werker", "voorbereiden")
        rondes: dict[str, list[dict]] = {n: [] for n in checkouts}
        volgorde = list(checkouts)
        for r in range(args.rondes):
            for n in volgorde[r % len(volgorde):] + volgorde[:r % len(volgorde)]:   # rotate who goes first
                rondes[n].append(json.loads(_proces(checkouts[n], werk[n], "--werker", "meten", "--runs",
                                                    str(args.runs), *args.paginas)))
        tabel = json.loads(_proces(REPO, werk["nu"], "--werker", "tabel", "--runs", str(args.runs)))
    _verslag(rondes, args.paginas)
    print(f"HTML-tabel 50 rijen x 7 kolommen: bouwen {tabel['bouwen']:.2f} ms (uncached), op een pagina "
          f"{tabel['tabel'] - tabel['leeg']:.2f} ms script-CPU boven een lege pagina "
          f"({tabel['tabel']:.2f} vs {tabel['leeg']:.2f} ms; doel <= 2 ms)")
    print(f"load at the end {os.getloadavg()[0]:.1f}")


def _mediaan(rondes: list[dict], pagina: str, maat: str) -> float | None:
    waarden = [r[pagina][maat] for r in rondes if pagina in r]
    return statistics.median(waarden) if waarden else None


def _verslag(rondes: dict[str, list[dict]], paginas: list[str]) -> None:
    """Per page: each checkout's median script CPU (and wall), and with a basis each other checkout's ratio
    to it: the median over the rounds of the ratio within a round."""
    basis = rondes.get("basis")
    anderen = [n for n in rondes if n != "basis"]
    kop = f"{'pagina':<17}" + (f"{'basis':>8}" if basis else "")
    for n in anderen:
        kop += f"{n:>8}" + (f"{'ratio':>7}{'(rondes)':>26}" if basis else "")
    print(kop + f"{'wand ' + anderen[0]:>10}{'elementen':>10}{'anders':>7}")
    for pagina in ["leeg", *paginas]:
        if _mediaan(rondes["nu"], pagina, "cpu") is None:
            continue
        regel = f"{pagina:<17}"
        oud = _mediaan(basis, pagina, "cpu") if basis else None
        if basis:
            regel += f"{oud:>8.2f}" if oud is not None else f"{'(nieuw)':>8}"
        for n in anderen:
            regel += f"{_mediaan(rondes[n], pagina, 'cpu'):>8.2f}"
            if basis and oud is not None:
                per_ronde = [a[pagina]["cpu"] / b[pagina]["cpu"] for a, b in zip(rondes[n], basis, strict=True)]
                ratio = statistics.median(per_ronde)
                teken = "" if pagina == "leeg" else ("+" if ratio <= DOEL else "!")
                regel += f"{ratio:>6.2f}{teken or ' '}{' '.join(f'{x:.2f}' for x in per_ronde):>26}"
            elif basis:
                regel += f"{'':>7}{'':>26}"
        laatste = rondes[anderen[0]][-1].get(pagina, {})
        regel += (f"{_mediaan(rondes[anderen[0]], pagina, 'wand'):>10.1f}{laatste.get('elementen', 0):>10}"
                  f"{laatste.get('anders', 0):>7}")
        print(regel)
    print("median script-thread CPU per warm rerun in ms (the script's own work); ratio = median over the rounds "
          f"of checkout/basis within a round, + within the goal (<= {DOEL}x), ! above it; wand = median wall of "
          "at.run() (ms); anders = elements whose payload differs between two reruns")


if __name__ == "__main__":
    if sys.path and Path(sys.path[0]).resolve() == HIER.parent:   # run as a file (worker): not benchmarks/ on path
        sys.path.pop(0)
    main()

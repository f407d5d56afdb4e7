"""python -m benchmarks.kader [--runs N] [--profiel]

The app's shared frame on its own: app.py (page config, navigation, the page style and script, the
warehouse pin, the sidebar's region picker) around a trivial page (context.huidig() and a title), against
an empty Streamlit page in the same process, samples interleaved. Prints the median CPU time of the script
thread (thread_time: the script's own work, little disturbed by other processes) and the median wall time
of AppTest's run(), each with its ratio to the empty page. --profiel: cProfile of the frame's warm reruns
instead (cumulative, top 45). Seed data in a temporary directory, as benchmarks.paginas uses it."""
from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks import paginas

REPO = Path(__file__).resolve().parent.parent


def _kaal(self) -> None:
    """Stands in for every page's run(): what each page does first, and nothing else."""
    import streamlit as st

    from dashboard.kern import context
    context.huidig()
    st.title("Kaal")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "100")))
    p.add_argument("--profiel", action="store_true")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        werk = Path(tmp)
        os.environ.update(DASHBOARD_RAW_DIR=str(werk / "raw"), WAREHOUSE_PATH=str(werk / "warehouse.duckdb"),
                          MONITOR_DIR=str(werk / "monitor"), VERSIES_DIR=str(werk / "versies"))
        paginas.voorbereiden(REPO, werk)
        from streamlit.navigation.page import StreamlitPage
        from streamlit.testing.v1 import AppTest
        StreamlitPage.run = _kaal
        meter = paginas.Meter()
        leeg = werk / "leeg.py"
        leeg.write_text("import streamlit as st\n")
        apps = {"leeg": AppTest.from_file(str(leeg)), "kader": AppTest.from_file(str(REPO / "app.py"))}
        for at in apps.values():
            for _ in range(5):
                at.run()
            assert not at.exception, [e.message for e in at.exception]
        if args.profiel:
            import pstats
            profiel = paginas.script_profiel()
            for _ in range(args.runs):
                apps["kader"].run()
            pstats.Stats(profiel).sort_stats("cumulative").print_stats(45)
            return
        cpu = {n: [] for n in apps}
        wand = {n: [] for n in apps}
        for _ in range(args.runs):
            for n, at in apps.items():
                t0 = time.perf_counter()
                at.run()
                wand[n].append(time.perf_counter() - t0)
                cpu[n].append(meter.cpu[-1])
    c = {n: statistics.median(v) * 1000 for n, v in cpu.items()}
    w = {n: statistics.median(v) * 1000 for n, v in wand.items()}
    print(f"kader (app.py + trivial page) vs empty page, {args.runs} warm reruns each; load {os.getloadavg()[0]:.1f}")
    print(f"  script CPU  {c['kader']:.2f} vs {c['leeg']:.2f} ms = {c['kader'] / c['leeg']:.2f}x")
    print(f"  wall run()  {w['kader']:.2f} vs {w['leeg']:.2f} ms = {w['kader'] / w['leeg']:.2f}x")


if __name__ == "__main__":
    main()

"""python -m benchmarks.regios: the speed goals of issue 12 (all 35 arbeidsmarktregio's and 342 gemeenten).

Two warehouses are built in one run: the embedded data only (one region with figures) and all 35 regions (the real
03759ned capture and the derived gemeente indeling from ../shared/data, replayed on loopback by
tests.regios_replay). Every figure is a median beside a baseline measured in the same run, because these machines
are noisy:
- per page: warm AppTest rerun with 35 regions against the same page with one region (goal <= 1.3x);
- Regio's vergelijken warm against an ordinary page (Overzicht) on the same warehouse (goal <= 1.5x);
- Regio's vergelijken first render with cold caches right after the build (goal <= 1 s);
- `python -m etl.refresh --offline` on the raw folder with every region fetched (goal <= 2 s), beside
  `python -c pass` and `python -c "import etl.refresh"`, wall and CPU time (benchmarks.refresh_tijd).
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from benchmarks.__main__ import PAGES, REPO, RUNS, render
from benchmarks.refresh_tijd import meet, toon

REGIOS = "app_pages/regios.py"


def _raw(tmp: Path, naam: str) -> Path:
    raw = tmp / naam
    shutil.copytree(REPO / "data" / "raw", raw, ignore=shutil.ignore_patterns("cbs"))
    return raw


def _zet(raw: Path, warehouse: Path, monitor: Path) -> None:
    os.environ.update(DASHBOARD_RAW_DIR=str(raw), WAREHOUSE_PATH=str(warehouse), MONITOR_DIR=str(monitor))


def main() -> None:
    from tests import regios_replay
    if not regios_replay.AANWEZIG:
        print(f"overgeslagen: {regios_replay.REDEN}")
        return
    import logging

    from etl import refresh
    logging.disable(logging.WARNING)   # the refresh's and Streamlit's per-step lines would bury the results
    print(f"issue 12 benchmarks, {RUNS} runs each (medians); noisy shared machine: read the ratios")
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        een = (_raw(tmp, "raw-een"), tmp / "een.duckdb", tmp / "monitor-een")
        _zet(*een)
        assert refresh.main(["--offline"]) == 0
        alle = (_raw(tmp, "raw-alle"), tmp / "alle.duckdb", tmp / "monitor-alle")
        _zet(*alle)
        assert regios_replay.ververs(tmp / "replay") == 0
        eerste_kaart, _ = render(REGIOS)
        print(f"Regio's vergelijken first render after the build {eerste_kaart:6.0f} ms (goal <= 1000 ms)")

        metingen = {}
        for page in [*PAGES, REGIOS]:   # interleaved: both warehouses see the same machine load
            for naam, omgeving in (("een", een), ("alle", alle)):
                _zet(*omgeving)
                metingen[(naam, page)] = render(page)[1]
        for page in [*PAGES, REGIOS]:
            a, b = metingen[("een", page)], metingen[("alle", page)]
            print(f"{page:<28} warm 1 regio {a:6.1f} ms, 35 regio's {b:6.1f} ms = {b / a:4.2f}x (goal <= 1.3x)")
        gewoon = metingen[("alle", "app_pages/overzicht.py")]
        print(f"Regio's vergelijken warm {metingen[('alle', REGIOS)]:.1f} ms = "
              f"{metingen[('alle', REGIOS)] / gewoon:.2f}x Overzicht ({gewoon:.1f} ms) (goal <= 1.5x)")

        print(f"etl.refresh --offline, medians of {RUNS}:")
        toon(meet({"etl.refresh --offline, 35 regio's": {
            "DASHBOARD_RAW_DIR": str(alle[0]), "WAREHOUSE_PATH": str(tmp / "offline.duckdb"),
            "MONITOR_DIR": str(alle[2])}}, RUNS), 2000)


if __name__ == "__main__":
    main()

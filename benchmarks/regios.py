"""python -m benchmarks.regios: the speed goals of issue 12 (all 35 arbeidsmarktregio's and 342 gemeenten).

Three warehouses are built in one run: the embedded data only (one region with figures), all 35 regions (the real
03759ned capture and the derived gemeente indeling from ../shared/data, replayed on loopback by
tests.regios_replay), and the same replayed tables restricted to the default region (its gemeenten, its provinces
and Nederland; the region map keeps its 35 shapes, which the refresh checks against the reference list).

Why two one-region baselines: the issue's goal compares each page "with all 35 regions" against "its render with one
region". The embedded warehouse has no CBS tables at all, so on Regio's vergelijken it shows only empty notices
("verschijnt zodra de CBS-tabellen ... zijn opgehaald"): its tabs then measure a nearly empty page, not the page with
one region. The restricted replay has the same data completeness with one region, so its tabs show the same figures
(rank 1 of 1, a map, the gemeenten), and only the number of regions differs. Both ratios are printed; the first
(embedded) is the comparison of earlier stops and stays. With one region there is no peer group (nearest regions
need others), so the peer widget and the Vergelijkbaar tab's figure do not appear: that tab is also measured against
a fourth warehouse, the same tables for the region and its five peers only, the smallest in which it compares
anything (widget and table are there, with 5 regions to pick from instead of 34). Every figure is a median beside a baseline measured in the same run, because these machines
are noisy. Page renders are measured as wall time and as CPU time of this process (time.process_time: the script
thread plus AppTest's own work, and not the other programs on the machine), and the warehouses' renders are
interleaved sample by sample, so both see the same load:
- per page: warm AppTest rerun with 35 regions against the same page with one region (goal <= 1.3x);
- Regio's vergelijken warm against an ordinary page (Overzicht) on the same warehouse (goal <= 1.5x);
- Regio's vergelijken (the map page) first render with cold caches right after the build (goal <= 1 s);
- `python -m etl.refresh --offline` on the raw folder with every region fetched (goal <= 2 s), beside
  `python -c pass` and `python -c "import etl.refresh"`, wall and CPU time (benchmarks.refresh_tijd).
"""
from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.__main__ import PAGES, REPO, RUNS, median_ms
from benchmarks.refresh_tijd import meet, toon

REGIOS = "app_pages/regios.py"
OVERZICHT = "app_pages/overzicht.py"


def _raw(tmp: Path, naam: str) -> Path:
    raw = tmp / naam
    shutil.copytree(REPO / "data" / "raw", raw, ignore=shutil.ignore_patterns("cbs"))
    return raw


def _zet(raw: Path, warehouse: Path, monitor: Path) -> None:
    os.environ.update(DASHBOARD_RAW_DIR=str(raw), WAREHOUSE_PATH=str(warehouse), MONITOR_DIR=str(monitor))


def _leeg_caches() -> None:
    import streamlit as st

    from dashboard.figuren import register, tonen
    from dashboard.kern import db
    st.cache_data.clear()
    st.cache_resource.clear()
    db.clear()
    register.clear()
    tonen._plotly.cache_clear()   # the charts made from a figure's recipe: a fresh process has none either
    tonen._grafiek_tabel.cache_clear()


def _meet(at) -> tuple[float, float]:
    """(wall s, process CPU s) of one AppTest run."""
    w, c = time.perf_counter(), time.process_time()
    at.run()
    return time.perf_counter() - w, time.process_time() - c


def _open(page: str, blad: str | None = None):
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    if blad:
        at.query_params["blad"] = blad   # a tab of Regio's vergelijken
    at.run()
    if page != OVERZICHT:
        at.switch_page(page)
    return at


def eerste_render(page: str, blad: str | None = None) -> tuple[float, float]:
    """(wall ms, CPU ms) of the page's first render with cold caches (the app's first page, Overzicht, was
    rendered just before it in the same session, as a viewer arrives)."""
    _leeg_caches()
    at = _open(page, blad)
    wall, cpu = _meet(at)
    assert not at.exception, [e.message for e in at.exception]
    return wall * 1000, cpu * 1000


def warm(paginas: list[str], omgevingen: dict[str, tuple], runs: int,
         alleen: dict[str, list[str]] | None = None) -> dict[tuple[str, str], tuple[float, float]]:
    """Per (omgeving, page): median warm rerun (wall ms, CPU ms), the omgevingen interleaved sample by sample.
    A page 'app_pages/regios.py?blad=Kaarten' opens that tab. `alleen`: omgevingen measured on these pages only."""
    sessies = {}
    for page in paginas:
        for naam, omgeving in omgevingen.items():
            if alleen and naam in alleen and page not in alleen[naam]:
                continue
            _zet(*omgeving)
            at = _open(*page.split("?blad="))
            at.run()   # warm: queries and figures of this build cached
            assert not at.exception, (page, naam, [e.message for e in at.exception])
            sessies[(naam, page)] = at
    samples: dict = {k: [] for k in sessies}
    for _ in range(runs):
        for (naam, page), at in sessies.items():
            _zet(*omgevingen[naam])
            samples[(naam, page)].append(_meet(at))
    return {k: (median_ms([w for w, _ in v]), median_ms([c for _, c in v])) for k, v in samples.items()}


def main() -> None:
    from basis import referentie
    from tests import regios_replay
    if not regios_replay.AANWEZIG:
        print(f"overgeslagen: {regios_replay.REDEN}")
        return
    import logging

    from etl import refresh
    logging.disable(logging.WARNING)   # the refresh's and Streamlit's per-step lines would bury the results
    print(f"issue 12 benchmarks, {RUNS * 3} warm samples per page (medians), wall and process CPU; load average "
          f"{os.getloadavg()[0]:.1f} at the start: a shared machine, read the ratios")
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        een = (_raw(tmp, "raw-een"), tmp / "een.duckdb", tmp / "monitor-een")
        _zet(*een)
        assert refresh.main(["--offline"]) == 0
        alle = (_raw(tmp, "raw-alle"), tmp / "alle.duckdb", tmp / "monitor-alle")
        _zet(*alle)
        assert regios_replay.ververs(tmp / "replay") == 0
        vol = (_raw(tmp, "raw-vol"), tmp / "vol.duckdb", tmp / "monitor-vol")
        _zet(*vol)
        regio = referentie.standaard_regio(vol[0])
        assert regios_replay.ververs(tmp / "replay-vol", regio=regio) == 0
        _zet(*alle)
        from dashboard.figuren import regios
        groep = [regio, *regios.standaard_peers(regio)]
        peers = (_raw(tmp, "raw-peers"), tmp / "peers.duckdb", tmp / "monitor-peers")
        _zet(*peers)
        assert regios_replay.ververs(tmp / "replay-peers", regio=groep) == 0
        bench_paginas(een, alle, vol, peers)
        bench_refresh(alle, tmp)


def bench_paginas(een: tuple, alle: tuple, vol: tuple | None = None, peers: tuple | None = None) -> None:
    """The page goals (this part is issue 12's pages; the refresh part below is shared with the ETL work).
    `vol`: the one-region warehouse with the same CBS tables as `alle` (see the module docstring), a second
    baseline printed beside the first. `peers`: the same tables for the region and its peer group only, the
    smallest warehouse in which the Vergelijkbaar tab compares anything (measured on that tab)."""
    _zet(*alle)
    from dashboard.figuren import regios
    bladen = [f"{REGIOS}?blad={b}" for b in getattr(regios, "BLADEN", ())] or [REGIOS]   # older code: no tabs
    eerste = [eerste_render(REGIOS, "Kaarten") for _ in range(3)]
    wall, cpu = statistics.median(w for w, _ in eerste), statistics.median(c for _, c in eerste)
    print(f"Regio's vergelijken, tab Kaarten, first render after the build (cold caches, median of 3): {wall:6.0f} ms "
          f"wall, {cpu:6.0f} ms CPU (goal <= 1000 ms)")
    vergelijkbaar = f"{REGIOS}?blad=Vergelijkbaar"
    m = warm([*PAGES, *bladen], {"een": een, "alle": alle, **({"vol": vol} if vol else {}),
                                 **({"peers": peers} if peers and vergelijkbaar in bladen else {})}, RUNS * 3,
             alleen={"peers": [vergelijkbaar]})
    print(f"{'page':<40} {'1 regio':>17} {'35 regio s':>17}  ratio wall / CPU (goal <= 1.3x)")
    for page in [*PAGES, *bladen]:
        (wa, ca), (wb, cb) = m[("een", page)], m[("alle", page)]
        print(f"{page:<40} {wa:7.1f} / {ca:6.1f} ms {wb:7.1f} / {cb:6.1f} ms  {wb / wa:4.2f}x / {cb / ca:4.2f}x")
    if vol:
        print("the same, against one region with the same CBS tables (restricted replay; see the module docstring):")
        print(f"{'page':<40} {'1 regio, CBS':>17} {'35 regio s':>17}  ratio wall / CPU (goal <= 1.3x)")
        for page in [*PAGES, *bladen]:
            (wa, ca), (wb, cb) = m[("vol", page)], m[("alle", page)]
            print(f"{page:<40} {wa:7.1f} / {ca:6.1f} ms {wb:7.1f} / {cb:6.1f} ms  {wb / wa:4.2f}x / {cb / ca:4.2f}x")
    if ("peers", vergelijkbaar) in m:
        (wa, ca), (wb, cb) = m[("peers", vergelijkbaar)], m[("alle", vergelijkbaar)]
        print(f"{vergelijkbaar} against the region and its peer group only (with one region the tab has nothing "
              f"to compare): {wa:.1f} / {ca:.1f} ms, 35 regions {wb:.1f} / {cb:.1f} ms = {wb / wa:.2f}x / "
              f"{cb / ca:.2f}x (goal <= 1.3x)")
    wo, co = m[("alle", OVERZICHT)]
    for page in bladen:
        wr, cr = m[("alle", page)]
        print(f"{page.split('/')[-1]:<32} warm {wr:5.1f} ms wall / {cr:5.1f} ms CPU = {wr / wo:.2f}x / {cr / co:.2f}x "
              f"Overzicht ({wo:.1f} / {co:.1f} ms) (goal <= 1.5x)")


def bench_refresh(alle: tuple, tmp: Path) -> None:
    print(f"etl.refresh --offline, medians of {RUNS}:")
    toon(meet({"etl.refresh --offline, 35 regio's": {
        "DASHBOARD_RAW_DIR": str(alle[0]), "WAREHOUSE_PATH": str(tmp / "offline.duckdb"),
        "MONITOR_DIR": str(alle[2])}}, RUNS), 2000)


if __name__ == "__main__":
    main()

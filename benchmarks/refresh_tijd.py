"""`python -m etl.refresh --offline` measured as a user runs it (a subprocess), for the speed goals of issues 12
and 13. Interleaved sample by sample with its baselines, so a busy moment hits them all:
- `python -c pass` (interpreter start-up) and `python -c "import etl.refresh"` (start-up plus imports);
- the refresh on each raw folder given.
Each gets its wall time and its CPU time (user + system, from the child's rusage: the less noisy figure on a
shared machine)."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Meting:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def tekst(self) -> str:
        return (f"wall {statistics.median(self.wall) * 1000:5.0f} ms (min {min(self.wall) * 1000:.0f}, max "
                f"{max(self.wall) * 1000:.0f}), CPU {statistics.median(self.cpu) * 1000:5.0f} ms")


def _een(cmd: list[str], env: dict, meting: Meting) -> None:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, gebruik = os.wait4(proc.pid, 0)
    meting.wall.append(time.perf_counter() - t0)
    meting.cpu.append(gebruik.ru_utime + gebruik.ru_stime)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(cmd)} eindigde met code {os.waitstatus_to_exitcode(status)}")


def meet(omgevingen: dict[str, dict], runs: int) -> dict[str, Meting]:
    """Median-ready samples: 'python -c pass', 'import etl.refresh' and one per name in `omgevingen`
    (environment variables on top of os.environ for that refresh)."""
    uit = {"python -c pass": Meting(), "import etl.refresh": Meting(), **{n: Meting() for n in omgevingen}}
    for _ in range(runs):
        _een([sys.executable, "-c", "pass"], dict(os.environ), uit["python -c pass"])
        _een([sys.executable, "-c", "import etl.refresh"], dict(os.environ), uit["import etl.refresh"])
        for naam, env in omgevingen.items():
            _een([sys.executable, "-m", "etl.refresh", "--offline"], {**os.environ, **env}, uit[naam])
    return uit


def toon(uitkomst: dict[str, Meting], doel_ms: float) -> None:
    print(f"  (load average {os.getloadavg()[0]:.1f}; goal: refresh wall <= {doel_ms:.0f} ms)")
    for naam, m in uitkomst.items():
        print(f"  {naam:<44} {m.tekst()}")

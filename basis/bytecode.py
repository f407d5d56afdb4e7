"""The project's own modules compiled to bytecode beforehand, as pip does for installed packages.

Python writes bytecode on first import anyway, unless PYTHONDONTWRITEBYTECODE is set (it is on the machine this is
developed on): then every new process (each `python -m dashboard.report`, each server start, each benchmark run)
compiled ~100 modules from source again, ~55 ms of an HTML export. Only changed files are compiled; up to date it
takes ~0.1 s. `python -m basis.bytecode` (make run, make test and make bench call it; the benchmarks too)."""
from __future__ import annotations

import compileall
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT_CODE = ("app.py", "app_pages", "basis", "beheer", "benchmarks", "dashboard", "etl", "werkenaanwerk")


def compileer() -> None:
    for deel in PROJECT_CODE:
        pad = ROOT / deel
        gelukt = compileall.compile_file(pad, quiet=1) if pad.is_file() else compileall.compile_dir(pad, quiet=1)
        if not gelukt:
            raise SystemExit(f"Kon {pad} niet naar bytecode vertalen (zie de fout hierboven).")


if __name__ == "__main__":
    compileer()

"""The monitor's PDF for the raadsinformatiebrief (dashboard/monitor/export.py), printed by Chromium: the
register's 7 projects plus 10 test projects with 12 kwartalen each (17 projects, as the benchmark) fit in
2-4 A4 pages, every project present with its status and its realisation against target."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from basis.referentie import standaard_regio
from dashboard.export import pdf
from etl.build import build
from tests.test_monitor import TWEE_PROJECTEN, importeer, ingevuld
from tests.test_monitor_figuren import AI_RIJEN

pytestmark = pytest.mark.browser
TESTPROJECTEN = [f"Testproject {i} (voorbeeld)" for i in range(10)]


def test_seventeen_projects_fit_in_two_to_four_pages_each_present(raw_dir, warehouse_path, tmp_path):
    if not shutil.which("chromium") and not shutil.which("chromium-browser"):
        pytest.skip("Chromium is not installed (apt-get install -y chromium): the PDF cannot be made")
    if not shutil.which("pdfinfo") or not shutil.which("pdftotext"):
        pytest.skip("poppler-utils (pdfinfo, pdftotext) is not installed: the PDF cannot be read")
    with open(raw_dir / "monitor" / "projecten.csv", encoding="utf-8") as fh:
        kolommen = fh.readline().count(",") + 1
    with open(raw_dir / "monitor" / "projecten.csv", "a", encoding="utf-8") as fh:
        for i, naam in enumerate(TESTPROJECTEN):
            fh.write(",".join([f"test_{i}", standaard_regio(raw_dir), f'"{naam}"', "Werken aan Werk",
                               *[""] * (kolommen - 7), "test", "test", "test"]) + "\n")
    kwartalen = [f"{j}-Q{q}" for j in (2024, 2025, 2026) for q in (1, 2, 3, 4)]
    importeer(ingevuld([*TWEE_PROJECTEN, *AI_RIJEN,
                        *([naam, k, 5, 4, 1, 1, 1, 4] for naam in TESTPROJECTEN for k in kwartalen[:-1])]))
    build(raw_dir, warehouse_path)
    from dashboard.kern import context
    from dashboard.monitor import export
    from dashboard.monitor import figuren as monitor_figuren
    namen = [p["naam"] for p in monitor_figuren.projecten(context.maak(None))]
    assert len(namen) == 17 and set(TESTPROJECTEN) <= set(namen)
    try:
        bestand = tmp_path / "monitor.pdf"
        bestand.write_bytes(export.pdf("2026-Q3", standaard_regio(raw_dir), "Gooi en Vechtstreek"))
    finally:
        pdf._PRINTER.stop()
    info = subprocess.run(["pdfinfo", str(bestand)], capture_output=True, text=True, check=True).stdout
    pagina_s = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert 2 <= pagina_s <= 4, info
    tekst = " ".join(subprocess.run(["pdftotext", str(bestand), "-"], capture_output=True, text=True,
                                    check=True).stdout.split())
    for naam in namen:
        assert naam in tekst, naam
    assert "Sinds de vorige monitor" in tekst and "Definities" in tekst
    # the block's status and target line as the page shows them (hand-computed in test_monitor_figuren)
    assert "lopend (afgeleid), sinds Q3 2024" in tekst
    assert ("Doel 24 gestarte deelnemers (per jaar: Q1 2026 t/m Q4 2026): realisatie 19 = 79%; na 3 van 4 "
            "kwartalen verwacht: 18: op koers") in tekst

"""python -m benchmarks.uwv: the UWV speed targets of issue 13, each beside a baseline from the same run
(these machines are shared and noisy: compare the ratio, not the milliseconds alone).

- import of a 35-region x 8-quarter x 12-beroepsklassen file (~3.400 rows) in both layouts, checked and
  stored (etl.bronnen.uwv.importeer, in-process; goal <= 3 s), against importing the real Bijlage 1 Tabel 5
  (25 figures) the same way;
- `python -m etl.refresh --offline` (subprocess, as a user runs it) with 20 quarters of UWV history for 35
  regions (goal <= 2 s), against the same refresh without UWV imports (the seed only), `python -c pass`
  (interpreter start-up) and `python -c "import etl.refresh"`; wall and CPU time (benchmarks.refresh_tijd);
- the UWV pages' warm render with that history (the period choice and the trend charts shown) against the same
  page with the seed's one period (goal <= 1.3x), AppTest reruns of both warehouses interleaved sample by sample
  (benchmarks.regios.warm), wall and process CPU time.

The generated files are benchmark data, verzonnen waarden (said in their first line); they live in a
temporary folder and never reach data/."""
from __future__ import annotations

import csv
import os
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.refresh_tijd import meet, toon

REPO = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
TABEL5 = REPO / "tests" / "fixtures" / "uwv" / "bijlage1_tabel5_vacatures.csv"
KOP = "# benchmark, verzonnen waarden\n"


def _regios() -> list[tuple[str, str]]:
    with open(REPO / "data" / "raw" / "referentie" / "regios.csv", encoding="utf-8-sig") as fh:
        return [(r["code"], r["naam"]) for r in csv.DictReader(fh) if r["soort"] == "arbeidsmarktregio"]


def _klassen() -> list[str]:
    with open(REPO / "data" / "raw" / "referentie" / "beroepsklassen.csv", encoding="utf-8-sig") as fh:
        return [r["naam"] for r in csv.DictReader(fh)]


def kwartalen(eerste: tuple[int, int], aantal: int) -> list[tuple[int, int]]:
    jaar, kw = eerste
    uit = []
    for _ in range(aantal):
        uit.append((jaar, kw))
        jaar, kw = (jaar + 1, 1) if kw == 4 else (jaar, kw + 1)
    return uit


def _aantallen(regios, perioden, klassen) -> dict:
    rnd = random.Random(13)
    per = {(code, p): [rnd.randint(20, 900) for _ in klassen] for code, _ in regios for p in perioden}
    for p in perioden:   # Nederland: the sum of the regions
        per[("NL01", p)] = [sum(per[(c, p)][i] for c, _ in regios) for i in range(len(klassen))]
    return per


def _getal(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def lang(regios, perioden, klassen) -> bytes:
    """The long layout: one row per region, period, beroepsklasse (and Totaal), counts only."""
    import io
    per = _aantallen(regios, perioden, klassen)
    buf = io.StringIO()
    buf.write(KOP)
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["regio", "periode", "tabel", "kenmerk", "categorie", "maat", "waarde", "bron", "peildatum"])
    for (code, (jaar, kw)), waarden in per.items():
        for naam, n in [*zip(klassen, waarden, strict=True), ("Totaal", sum(waarden))]:
            w.writerow([code, f"{jaar}-Q{kw}", "vacatures_beroepsklasse", "", naam, "aantal", n, "benchmark",
                        f"Q{kw} {jaar}"])
    return buf.getvalue().encode("utf-8")


def gedrukt(regios, perioden, klassen) -> bytes:
    """The layout as UWV prints Tabel 5, with every region and Nederland side by side (count and share)."""
    per = _aantallen(regios, perioden, klassen)
    kolommen = [*regios, ("NL01", "Nederland")]
    vul = ";" * (1 + 2 * len(kolommen))   # every line as wide as the table (the CSV reader sniffs ';')
    regels = ["Tabel 5. Openstaande vacatures (benchmark, verzonnen waarden)" + vul,
              ";;" + ";".join(f"{naam};" for _, naam in kolommen),
              "Periode;Beroepsklasse;" + ";".join("Openstaand;Aandeel" for _ in kolommen)]
    for jaar, kw in perioden:
        totalen = {code: sum(per[(code, (jaar, kw))]) for code, _ in kolommen}
        for i, klasse in enumerate(klassen):
            cellen = []
            for code, _ in kolommen:
                n = per[(code, (jaar, kw))][i]
                cellen += [_getal(n), f"{round(100 * n / totalen[code])}%"]
            regels.append(f"Q{kw} {jaar};{klasse};" + ";".join(cellen))
        regels.append("Totaal;;" + ";".join(f"{_getal(totalen[code])};" for code, _ in kolommen))
    regels.append("Bron: UWV (benchmark, verzonnen waarden)" + vul)
    return ("\n".join(regels) + "\n").encode("utf-8")


def _raw(tmp: Path, naam: str) -> Path:
    raw = tmp / naam
    shutil.copytree(REPO / "data" / "raw", raw, ignore=shutil.ignore_patterns("cbs", "uwv"))
    return raw


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def bench_import(tmp: Path) -> None:
    from etl.bronnen import uwv

    regios, klassen = _regios(), _klassen()
    perioden = kwartalen((2023, 3), 8)
    bestanden = {"lang": ("bench_lang.csv", lang(regios, perioden, klassen)),
                 "gedrukt": ("bench_gedrukt.csv", gedrukt(regios, perioden, klassen)),
                 "basis": (TABEL5.name, TABEL5.read_bytes())}
    tijden = {k: [] for k in bestanden}
    rijen = {}
    for run in range(RUNS):
        for soort, (naam, inhoud) in bestanden.items():
            raw = _raw(tmp, f"raw-import-{soort}-{run}")
            t0 = time.perf_counter()
            uitkomst = uwv.importeer([(naam, inhoud)], "benchmark", raw)[0]
            tijden[soort].append(time.perf_counter() - t0)
            rijen[soort] = uitkomst.feiten
            shutil.rmtree(raw)
    basis = median_ms(tijden["basis"])
    for soort in ("lang", "gedrukt"):
        m = median_ms(tijden[soort])
        print(f"UWV-import {soort:<8} {rijen[soort]:5d} cijfers  median {m:6.0f} ms  (goal <= 3000 ms; "
              f"baseline Tabel 5, {rijen['basis']} cijfers: {basis:.0f} ms, ratio {m / basis:.1f}x; "
              f"min {min(tijden[soort]) * 1000:.0f}, max {max(tijden[soort]) * 1000:.0f})")


def bench_refresh(tmp: Path) -> None:
    from etl.bronnen import uwv

    regios, klassen = _regios(), _klassen()
    met = _raw(tmp, "raw-refresh-historie")
    # 20 quarters for 35 regions (and Nederland), stored once before timing: ~9.400 figures
    historie = lang(regios, kwartalen((2021, 3), 20), klassen)
    uitkomst = uwv.importeer([("bench_historie.csv", historie)], "benchmark", met)[0]
    zonder = _raw(tmp, "raw-refresh-seed")

    def omgeving(raw: Path, naam: str) -> dict:
        return {"WAREHOUSE_PATH": str(tmp / f"{naam}.duckdb"), "DASHBOARD_RAW_DIR": str(raw),
                "UWV_INBOX": str(tmp / "geen-inbox"), "MONITOR_DIR": str(tmp / f"monitor-{naam}")}

    print(f"etl.refresh --offline, medians of {RUNS} ({uitkomst.feiten} UWV-cijfers in the history):")
    toon(meet({"zonder UWV-historie (seed)": omgeving(zonder, "seed"),
               "20 kwartalen x 35 regio's": omgeving(met, "historie")}, RUNS), 2000)


PAGINAS = ["app_pages/overzicht.py", "app_pages/werkzoekenden.py", "app_pages/ww.py", "app_pages/vacatures.py",
           "app_pages/mismatch.py", "app_pages/analyse.py"]


def bench_paginas(tmp: Path) -> None:
    import logging

    from benchmarks.regios import _zet, warm
    from etl import refresh
    from etl.bronnen import uwv

    logging.disable(logging.WARNING)
    een = (_raw(tmp, "raw-pagina-seed"), tmp / "pagina-seed.duckdb", tmp / "monitor-pagina-seed")
    historie = (_raw(tmp, "raw-pagina-historie"), tmp / "pagina-historie.duckdb", tmp / "monitor-pagina-historie")
    os.environ["UWV_INBOX"] = str(tmp / "geen-inbox")
    uwv.importeer([("bench_historie.csv", lang(_regios(), kwartalen((2021, 3), 20), _klassen()))], "benchmark",
                  historie[0])
    for omgeving in (een, historie):
        _zet(*omgeving)
        assert refresh.main(["--offline"]) == 0
    m = warm(PAGINAS, {"een": een, "historie": historie}, RUNS * 3)
    print(f"warm render, {RUNS * 3} samples each: {'page':<28} {'1 periode':>17} {'20 kwartalen':>17}  "
          "ratio wall / CPU (goal <= 1.3x)")
    for page in PAGINAS:
        (wa, ca), (wb, cb) = m[("een", page)], m[("historie", page)]
        print(f"  {page:<28} {wa:7.1f} / {ca:6.1f} ms {wb:7.1f} / {cb:6.1f} ms  {wb / wa:4.2f}x / {cb / ca:4.2f}x")


def main() -> None:
    print(f"{RUNS} runs per meting; mediaan. Gedeelde machine: vergelijk vooral de verhouding met de basislijn.")
    with tempfile.TemporaryDirectory(prefix="bench-uwv-") as tmp:
        bench_import(Path(tmp))
        bench_refresh(Path(tmp))
        bench_paginas(Path(tmp))


if __name__ == "__main__":
    main()

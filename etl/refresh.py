"""python -m etl.refresh [--offline] [--only 03759ned,80590ned] [--list]

Fetches every source of etl/catalog.toml that has something to fetch (the CBS
tables) through its folder under etl/bronnen/ into immutable raw snapshots
(data/raw/cbs/<table>/<timestamp>/), then rebuilds data/warehouse.duckdb from
data/raw. The settings (basis/instellingen.py: environment variables, then
the --cbs-odata*-url flags) are built once here and handed down. --offline skips fetching. A table that fails to fetch keeps its
previous snapshot and the others still refresh; the reason is printed in
Dutch and recorded for the Bronnen page; the exit code is 0 only when
everything asked for succeeded. A build error leaves the previous warehouse."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import UTC, datetime
from pathlib import Path

from basis import statusbestand
from basis.instellingen import Instellingen
from etl import bronnen, catalog
from etl.bronnen.gemeenschappelijk import snapshot
from etl.bronnen.gemeenschappelijk.fouten import FetchError
from etl.build import ValidationError, build
from etl.load import LoadError

log = logging.getLogger("etl.refresh")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def read_status(path: Path | None = None) -> dict:
    try:
        return json.loads((path or Instellingen.uit_omgeving().status_path).read_text())
    except (FileNotFoundError, json.JSONDecodeError, OSError):
        return {}


def write_status(status: dict, path: Path | None = None) -> None:
    def zet(huidig: dict) -> None:
        monitor = huidig.get("monitor")  # the monitor's own entry: written by werkenaanwerk meanwhile, keep it
        huidig.clear()
        huidig.update(status)
        if monitor is not None:
            huidig["monitor"] = monitor
    statusbestand.bijwerken(zet, path)


def record_build(status: dict, ok: bool, melding: str, build_id: str | None = None) -> None:
    status.update({
        "laatste_poging": now(), "gelukt": ok, "melding": melding,
        "laatste_succes": now() if ok else status.get("laatste_succes"),
        "build_id": build_id if ok else status.get("build_id"),
    })


def record_fetch(status: dict, table_id: str, ok: bool, melding: str, raw_dir: Path, groep: str = "cbs") -> None:
    per_bron = status.setdefault("bronnen", {})
    vorige = per_bron.get(table_id, {})
    latest = snapshot.latest(raw_dir, table_id, groep)
    per_bron[table_id] = {
        "laatste_poging": now(), "gelukt": ok, "melding": melding,
        "laatste_succes": snapshot.read_manifest(latest)["fetched_at"] if latest else vorige.get("laatste_succes"),
    }


def progress_printer(table_id: str):
    if sys.stderr.isatty():
        def show(pagina: int, rijen: int) -> None:
            print(f"\r{table_id}: pagina {pagina}, {rijen:,} rijen".replace(",", "."), end="", file=sys.stderr,
                  flush=True)
        return show
    return lambda pagina, rijen: log.info("%s: pagina %d, %d rijen", table_id, pagina, rijen)


def fetchable(instellingen: Instellingen) -> list:
    """The catalog entries whose source has something to fetch (not the seed files; a source may say per
    entry, with `ophaalbaar(entry)`: a UWV table kind only with a download URL)."""
    uit = []
    for e in catalog.entries(instellingen.catalog):
        mod = bronnen.module(e.bron)
        if hasattr(mod, "fetch") and getattr(mod, "ophaalbaar", lambda _e: True)(e):
            uit.append(e)
    return uit


def list_catalog(status: dict, instellingen: Instellingen) -> None:
    print(f"{'tabel':<10} {'api':<4} {'frequentie':<13} {'laatste geslaagde ophaling':<27} titel")
    for ds in fetchable(instellingen):
        latest = snapshot.latest(instellingen.raw_dir, ds.id, ds.groep)
        opgehaald = snapshot.read_manifest(latest)["fetched_at"] if latest else "nog nooit"
        laatste = status.get("bronnen", {}).get(ds.id)
        fout = "" if not laatste or laatste["gelukt"] else f"  (laatste poging mislukt: {laatste['melding']})"
        api = getattr(ds, "api", ds.bron)
        print(f"{ds.id:<10} {api:<4} {ds.frequentie:<13} {opgehaald:<27} {ds.titel}{fout}")


def main(argv: list[str] | None = None, instellingen: Instellingen | None = None, voortgang=None) -> int:
    """`instellingen`: the settings to start from (default: from the environment); flags go on top.
    `voortgang(wat, stap, van)`: called before each table and before the build (beheer.eerste_verversing)."""
    voortgang = voortgang or (lambda wat, stap, van: None)
    basis = instellingen or Instellingen.uit_omgeving()
    parser = argparse.ArgumentParser(prog="python -m etl.refresh", description="Ververs het datawarehouse.")
    parser.add_argument("--offline", action="store_true", help="niets ophalen; bouw alleen uit data/raw")
    parser.add_argument("--only", help="alleen deze CBS-tabellen ophalen, gescheiden door komma's")
    parser.add_argument("--list", action="store_true", help="toon de catalogus met de laatste geslaagde ophaling")
    parser.add_argument("--cbs-odata4-url", help=f"basis-URL CBS OData v4 (nu {basis.cbs_odata4_url})")
    parser.add_argument("--cbs-odata3-url", help=f"basis-URL CBS OData v3 (nu {basis.cbs_odata3_url})")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s", stream=sys.stderr)
    inst = basis.met(cbs_odata4_url=args.cbs_odata4_url, cbs_odata3_url=args.cbs_odata3_url)
    status = read_status(inst.status_path)
    try:
        datasets = fetchable(inst)
    except (FetchError, catalog.CatalogFout) as exc:
        print(f"De catalogus {inst.catalog} klopt niet: {exc}.", file=sys.stderr)
        return 2
    if args.list:
        list_catalog(status, inst)
        return 0
    if args.only:
        gevraagd = [t.strip() for t in args.only.split(",") if t.strip()]
        bekend = {ds.id.lower(): ds for ds in datasets}
        onbekend = [t for t in gevraagd if t.lower() not in bekend]
        if onbekend:
            print(f"Onbekende tabel(len) in --only: {', '.join(onbekend)}; de catalogus kent "
                  f"{', '.join(ds.id for ds in datasets)}.", file=sys.stderr)
            return 2
        datasets = [bekend[t.lower()] for t in gevraagd]

    mislukt = []
    if not args.offline:
        for stap, ds in enumerate(datasets, start=1):
            voortgang(ds.id, stap, len(datasets) + 1)
            try:
                folder = bronnen.module(ds.bron).fetch(ds, inst, progress=progress_printer(ds.id))
            except Exception as exc:  # noqa: BLE001 - one source's failure must not stop the others
                melding = str(exc) if isinstance(exc, FetchError) else (
                    f"tabel {ds.id} ({ds.bron}): onverwachte fout bij het ophalen: {type(exc).__name__}: {exc}")
                if not isinstance(exc, FetchError):
                    log.exception("onverwachte fout bij het ophalen van %s", ds.id)
                if sys.stderr.isatty():
                    print(file=sys.stderr)
                print(f"Ophalen mislukt: {melding}. De vorige opname blijft in gebruik.", file=sys.stderr)
                record_fetch(status, ds.id, False, melding, inst.raw_dir, ds.groep)
                mislukt.append(ds.id)
            else:
                if sys.stderr.isatty():
                    print(file=sys.stderr)
                rijen = snapshot.read_manifest(folder)["rows"]
                log.info("%s: %d rijen opgeslagen in %s", ds.id, rijen, folder)
                weg = snapshot.opruimen(inst.raw_dir, ds.id, inst.snapshots_bewaren, ds.groep)
                if weg:
                    log.info("%s: %d oudere opnames verwijderd (bewaard: de laatste %d)", ds.id, len(weg),
                             inst.snapshots_bewaren)
                record_fetch(status, ds.id, True, f"{rijen} rijen opgehaald", inst.raw_dir, ds.groep)

    mislukt += uwv_inbox(inst)
    voortgang("datawarehouse bouwen", len(datasets) + 1, len(datasets) + 1)
    try:
        result = build(instellingen=inst)
    except (LoadError, ValidationError) as exc:
        print(f"Verversen mislukt: {len(exc.fouten)} fout(en) in data/raw. "
              "Het bestaande datawarehouse is niet gewijzigd.", file=sys.stderr)
        for f in exc.fouten:
            print("  - " + f.tekst(), file=sys.stderr)
        record_build(status, False, "; ".join(f.tekst() for f in exc.fouten[:5]))
        write_status(status, inst.status_path)
        return 1
    except Exception as exc:  # noqa: BLE001 - report any other failure the same way
        print(f"Verversen mislukt: {type(exc).__name__}: {exc}. Het bestaande datawarehouse is niet gewijzigd.",
              file=sys.stderr)
        record_build(status, False, f"{type(exc).__name__}: {exc}")
        write_status(status, inst.status_path)
        return 1
    status["indeling_verschillen"] = result.indeling_verschillen
    for melding in status["indeling_verschillen"]:
        print(f"Let op, gemeente-indeling: {melding}. De meegeleverde lijst blijft in gebruik.", file=sys.stderr)
    if mislukt:
        record_build(status, False, f"ophalen mislukt voor {', '.join(mislukt)}; warehouse gebouwd met de vorige "
                                    "opnames daarvan", result.build_id)
        status["build_id"] = result.build_id
    else:
        record_build(status, True, f"{len(result.models)} modellen gebouwd", result.build_id)
    write_status(status, inst.status_path)
    # records of the monitor store the build skipped
    from werkenaanwerk.verversen import overgeslagen, overgeslagen_tekst
    monitor = overgeslagen_tekst(overgeslagen(result.path))
    print(f"Datawarehouse gebouwd: {result.path} (build {result.build_id})" + (f"; {monitor}" if monitor else ""))
    return 1 if mislukt else 0


def uwv_inbox(inst: Instellingen) -> list[str]:
    """Import the UWV files dropped in the inbox (also offline: they are local files). A refused file is
    reported and moved to geweigerd/; the others are still imported. Returns the refused files' names."""
    from etl.bronnen import uwv
    uitkomsten, fouten = uwv.inbox(inst)
    for u in uitkomsten:
        print("UWV-inbox: " + u.tekst(), file=sys.stderr)
    for f in fouten:
        print(f"UWV-inbox, geweigerd (verplaatst naar geweigerd/): {f.tekst()}", file=sys.stderr)
    return sorted({f.bestand.split(",")[0] for f in fouten})


if __name__ == "__main__":
    sys.exit(main())

"""python -m etl.refresh [--offline]

Rebuilds data/warehouse.duckdb. With --offline it uses only data/raw (the
embedded transcriptions); online CBS sources are added by the catalog of the
CBS issue. On any error the previous warehouse stays as it was, the reason is
printed in Dutch and the exit code is 1."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import datetime, timezone

from etl import settings
from etl.build import ValidationError, build
from etl.load import LoadError


def write_status(ok: bool, melding: str, build_id: str | None = None) -> None:
    path = settings.status_path()
    previous = {}
    if path.exists():
        try:
            previous = json.loads(path.read_text())
        except (json.JSONDecodeError, OSError):
            previous = {}
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    status = {
        "laatste_poging": now,
        "gelukt": ok,
        "melding": melding,
        "laatste_succes": now if ok else previous.get("laatste_succes"),
        "build_id": build_id if ok else previous.get("build_id"),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(status, indent=2, ensure_ascii=False))
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etl.refresh", description="Ververs het datawarehouse.")
    parser.add_argument("--offline", action="store_true", help="alleen data/raw gebruiken (geen CBS/UWV)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s", stream=sys.stderr)
    if not args.offline:
        logging.getLogger("etl.refresh").info(
            "nog geen online bronnen in de catalogus: bouw uit data/raw (zoals --offline)")
    try:
        result = build()
    except (LoadError, ValidationError) as exc:
        fouten = exc.fouten
        print(f"Verversen mislukt: {len(fouten)} fout(en) in data/raw. "
              "Het bestaande datawarehouse is niet gewijzigd.", file=sys.stderr)
        for f in fouten:
            print("  - " + f.tekst(), file=sys.stderr)
        write_status(False, "; ".join(f.tekst() for f in fouten[:5]))
        return 1
    except Exception as exc:  # noqa: BLE001 - report any other failure the same way
        print(f"Verversen mislukt: {type(exc).__name__}: {exc}. Het bestaande datawarehouse is niet gewijzigd.",
              file=sys.stderr)
        write_status(False, f"{type(exc).__name__}: {exc}")
        return 1
    write_status(True, f"{len(result.models)} modellen gebouwd", result.build_id)
    print(f"Datawarehouse gebouwd: {result.path} (build {result.build_id})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

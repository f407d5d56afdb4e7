"""python -m etl.monitor template PATH
python -m etl.monitor import PATH --door NAAM [--controleer] [--zonder-verversen]
python -m etl.monitor hash-wachtwoord

The Werken aan Werk monitor from the command line: write the Excel template,
import a filled-in template (or CSV) as NAAM, make a password hash for an
account in .streamlit/secrets.toml. Exit code 0 on success; 1 when the file
is refused (nothing stored) or saving failed; 2 on wrong use."""
from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from werkenaanwerk import invoer, opslaan, verversen, wachtwoord


def _template(pad: Path) -> int:
    if not pad.parent.is_dir():
        print(f"De map {pad.parent} bestaat niet.", file=sys.stderr)
        return 1
    pad.write_bytes(invoer.sjabloon())
    print(f"Sjabloon geschreven: {pad}")
    return 0


def _import(pad: Path, door: str, controleer: bool, verversen_: bool) -> int:
    if not door.strip():
        print("Geef met --door de naam van wie de cijfers aanlevert.", file=sys.stderr)
        return 2
    try:
        inhoud = pad.read_bytes()
    except OSError as exc:
        print(f"Kan {pad} niet lezen: {exc.strerror}.", file=sys.stderr)
        return 1
    try:
        uitkomst = opslaan.sla_op(opslaan.Bestand(pad.name, inhoud), door, alleen_controleren=controleer)
    except opslaan.InvoerFout as exc:
        print(f"Niet ingelezen: {len(exc.fouten)} fout(en) in {pad.name}. Er is niets opgeslagen.", file=sys.stderr)
        for f in exc.fouten:
            print("  - " + f.tekst(), file=sys.stderr)
        return 1
    except opslaan.Conflict as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(uitkomst.tekst())
    if uitkomst.opgeslagen and verversen_ and uitkomst.projecten:
        from etl import refresh
        # in the foreground, through the same worker loop as the page: waits for a background build
        # that is running, and records that the warehouse now includes this save
        return verversen.draai(bouw=lambda: refresh.main(["--offline"]), altijd=True)
    return 0


def _hash() -> int:
    eerste = getpass.getpass("Wachtwoord: ")
    if len(eerste) < 10:
        print("Kies een wachtwoord van minstens 10 tekens.", file=sys.stderr)
        return 1
    if getpass.getpass("Nog een keer: ") != eerste:
        print("De twee wachtwoorden verschillen.", file=sys.stderr)
        return 1
    print(wachtwoord.maak_hash(eerste))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etl.monitor", description="Monitor Werken aan Werk.")
    sub = parser.add_subparsers(dest="opdracht", required=True)
    t = sub.add_parser("template", help="schrijf het Excel-sjabloon")
    t.add_argument("pad", type=Path)
    i = sub.add_parser("import", help="lees een ingevuld sjabloon (of CSV) in")
    i.add_argument("pad", type=Path)
    i.add_argument("--door", required=True, help="naam van wie de cijfers aanlevert (komt in de geschiedenis)")
    i.add_argument("--controleer", action="store_true", help="alleen controleren, niets opslaan")
    i.add_argument("--zonder-verversen", action="store_true", help="het datawarehouse niet opnieuw bouwen")
    sub.add_parser("hash-wachtwoord", help="maak een wachtwoord-hash voor .streamlit/secrets.toml")
    args = parser.parse_args(argv)
    if args.opdracht == "template":
        return _template(args.pad)
    if args.opdracht == "import":
        return _import(args.pad, args.door, args.controleer, not args.zonder_verversen)
    return _hash()


if __name__ == "__main__":
    sys.exit(main())

"""python -m etl.uwv import FILE... [--controleer] [--door NAAM] [--zonder-verversen]
python -m etl.uwv template OUT.xlsx

Import UWV tables (the long layout of the template, or the tables as UWV prints them) into data/raw/uwv/
as immutable snapshots, then rebuild the warehouse. Every file is checked first; one error refuses all
of them and nothing is stored (exit code 1). When the rebuild refuses the new figures, the imports are
undone and the warehouse stays as it was. The same file twice is a no-op. Exit 2 on wrong use."""
from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from basis.instellingen import Instellingen
from etl.bronnen import uwv
from etl.bronnen.uwv.sjabloon import sjabloon


def _template(pad: Path) -> int:
    if not pad.parent.is_dir():
        print(f"De map {pad.parent} bestaat niet; er is niets geschreven.", file=sys.stderr)
        return 1
    pad.write_bytes(sjabloon())
    print(f"Sjabloon geschreven: {pad}")
    return 0


def _import(paden: list[Path], door: str, controleer: bool, verversen: bool, inst: Instellingen) -> int:
    bestanden = []
    for pad in paden:
        try:
            if pad.stat().st_size > uwv.lezen.MAX_BYTES:
                mb = f"{pad.stat().st_size / 1024 / 1024:.1f}".replace(".", ",")
                print(f"Niet ingelezen: {pad.name} is {mb} MB; het maximum is {uwv.lezen.MAX_BYTES // 1024 // 1024} "
                      "MB (het is niet gelezen). Er is niets opgeslagen.", file=sys.stderr)
                return 1
            bestanden.append((pad.name, pad.read_bytes()))
        except OSError as exc:
            print(f"Kan {pad} niet lezen: {exc.strerror}. Er is niets opgeslagen.", file=sys.stderr)
            return 1
    try:
        uitkomsten = uwv.importeer(bestanden, door, inst.raw_dir, alleen_controleren=controleer)
    except uwv.ImportFout as exc:
        print(f"Niet ingelezen: {len(exc.fouten)} fout(en). Er is niets opgeslagen.", file=sys.stderr)
        for f in exc.fouten:
            print("  - " + f.tekst(), file=sys.stderr)
        return 1
    for u in uitkomsten:
        print(u.tekst())
        for n in u.notities:
            print("  let op: " + n)
    nieuw = [u.map for u in uitkomsten if u.opgeslagen]
    if not nieuw or not verversen:
        return 0
    from etl import refresh
    code = refresh.main(["--offline"], instellingen=inst)
    if code != 0:
        uwv.verwijder(nieuw)
        print("De nieuwe cijfers zijn teruggedraaid: het datawarehouse weigerde ze (zie hierboven). "
              "Er is niets opgeslagen.", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None, instellingen: Instellingen | None = None) -> int:
    inst = instellingen or Instellingen.uit_omgeving()
    p = argparse.ArgumentParser(prog="python -m etl.uwv", description="UWV-tabellen inlezen.")
    sub = p.add_subparsers(dest="opdracht", required=True)
    imp = sub.add_parser("import", help="UWV-bestanden (CSV of Excel) controleren en inlezen")
    imp.add_argument("bestanden", nargs="+", type=Path, metavar="BESTAND")
    imp.add_argument("--controleer", action="store_true", help="alleen controleren, niets opslaan")
    imp.add_argument("--door", default=None, help="wie de cijfers aanlevert (standaard: de gebruikersnaam)")
    imp.add_argument("--zonder-verversen", action="store_true", help="het datawarehouse niet opnieuw bouwen")
    tpl = sub.add_parser("template", help="het Excel-sjabloon (lange vorm) schrijven")
    tpl.add_argument("uit", type=Path, metavar="OUT.xlsx")
    args = p.parse_args(argv)
    if args.opdracht == "template":
        return _template(args.uit)
    door = args.door or getpass.getuser()
    return _import(args.bestanden, door, args.controleer, not args.zonder_verversen, inst)


if __name__ == "__main__":
    sys.exit(main())

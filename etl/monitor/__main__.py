"""python -m etl.monitor template PATH
python -m etl.monitor import PATH --door NAAM [--controleer] [--zonder-verversen]
python -m etl.monitor hash-wachtwoord
python -m etl.monitor log-controleren
python -m etl.monitor herroep VOLGNUMMER --door NAAM
python -m etl.monitor export --format xlsx|pdf --out PATH [--regio CODE] [--tot KWARTAAL]

The Werken aan Werk monitor from the command line: write the Excel template,
import a filled-in template (or CSV) as NAAM, make a password hash for an
account in .streamlit/secrets.toml, list the records of the log that the build
skips because they break the rules (written by hand or by an older version), revoke
such a record by appending a revoking record (the log is never edited), write the annex for the raadsinformatiebrief
(Excel or PDF) without opening a browser. Exit code 0 on success; 1 when the file
is refused (nothing stored) or saving failed; 2 on wrong use."""
from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from basis.referentie import standaard_regio
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
        print(f"Niet ingelezen: {exc.totaal} fout(en) in {pad.name}. Er is niets opgeslagen.", file=sys.stderr)
        for regel in exc.regels():
            print("  - " + regel, file=sys.stderr)
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


def _log_controleren() -> int:
    from werkenaanwerk import validatie

    _, fouten = validatie.controleer_log()
    if not fouten:
        print("Het log is in orde: de build gebruikt elk record.")
        return 0
    print(f"{len(fouten)} record(s) in het log worden door de build overgeslagen:")
    for f in fouten:
        print("  - " + f.tekst())
    return 1


def _herroep(volgnummer: int, door: str) -> int:
    if not door.strip():
        print("Geef met --door uw naam (komt in de geschiedenis).", file=sys.stderr)
        return 2
    try:
        print(invoer.herroep(volgnummer, door))
    except opslaan.InvoerFout as exc:
        print("Niet herroepen: " + "; ".join(f.melding for f in exc.fouten), file=sys.stderr)
        return 1
    except opslaan.Conflict as exc:
        print(str(exc), file=sys.stderr)
        return 1
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


def _export(formaat: str, pad: Path, regio: str | None, tot: str | None) -> int:
    from dashboard.export.pdf import PdfFout, voorbereiden

    if not pad.parent.is_dir():
        print(f"De map {pad.parent} bestaat niet.", file=sys.stderr)
        return 1
    if formaat == "pdf":
        try:
            voorbereiden()   # Chromium starts now, while the dashboard is imported and the HTML is made
        except PdfFout as exc:
            print(f"Niet geschreven: {exc}", file=sys.stderr)
            return 1
    from dashboard.export.bestanden import SchrijfFout, schrijf_atomair
    from dashboard.kern import context, db
    from dashboard.monitor import export
    from dashboard.monitor import figuren as monitor_figuren
    from werkenaanwerk import definities as d

    try:
        ctx = context.maak(regio)
    except context.OnbekendeRegio:
        print(f"Onbekende regio '{regio}'; gebruik een regiocode uit data/raw/referentie/regios.csv, "
              f"bijvoorbeeld {standaard_regio()}.", file=sys.stderr)
        return 2
    except (db.WarehouseOntbreekt, db.DataOntbreekt) as exc:
        print(f"Er is nog geen datawarehouse ({exc}); draai eerst python -m etl.refresh --offline.", file=sys.stderr)
        return 1
    if tot is not None:
        code = d.kwartaal_code(tot)
        if code is None:
            print(f"--tot '{tot}' is geen kwartaal; schrijf 2024-Q2 of Q2 2024.", file=sys.stderr)
            return 2
        tot = code
    if not monitor_figuren.projecten(ctx):
        print(f"Voor {ctx.regio_naam} ({ctx.regio}) zijn nog geen projecten in de monitor opgenomen; er is niets "
              "geschreven.", file=sys.stderr)
        return 1
    tot = tot or monitor_figuren.standaard_tot(ctx)
    try:
        if formaat == "xlsx":
            schrijf_atomair(export.excel(tot, ctx.regio, ctx.regio_naam), pad)
        else:
            schrijf_atomair(export.pdf(tot, ctx.regio, ctx.regio_naam), pad)
    except (PdfFout, SchrijfFout) as exc:
        print(f"Niet geschreven: {exc}", file=sys.stderr)
        return 1
    print(f"Monitor {ctx.regio_naam} ({ctx.regio}) t/m {d.kwartaal_label(tot)} geschreven: {pad}")
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
    sub.add_parser("log-controleren", help="toon de records in het log die de build overslaat")
    h = sub.add_parser("herroep", help="herroep een record dat de build overslaat (het log wordt niet bewerkt)")
    h.add_argument("volgnummer", type=int)
    h.add_argument("--door", required=True, help="uw naam (komt in de geschiedenis)")
    e = sub.add_parser("export", help="schrijf de monitor als Excel of PDF (bijlage bij de raadsinformatiebrief)")
    e.add_argument("--format", choices=("xlsx", "pdf"), required=True, dest="formaat")
    e.add_argument("--out", type=Path, required=True, help="het bestand dat geschreven wordt")
    e.add_argument("--regio", help="regiocode (standaard de standaardregio)")
    e.add_argument("--tot", help="monitor tot en met dit kwartaal (standaard het laatste met cijfers)")
    args = parser.parse_args(argv)
    if args.opdracht == "export":
        return _export(args.formaat, args.out, args.regio, args.tot)
    if args.opdracht == "template":
        return _template(args.pad)
    if args.opdracht == "log-controleren":
        return _log_controleren()
    if args.opdracht == "herroep":
        return _herroep(args.volgnummer, args.door)
    if args.opdracht == "import":
        return _import(args.pad, args.door, args.controleer, not args.zonder_verversen)
    return _hash()


if __name__ == "__main__":
    sys.exit(main())

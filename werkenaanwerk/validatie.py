"""The rules every monitor input passes, whether it comes from a file or from
the table on the page. Each error names the place (sheet, row, column) and
what is wrong, in Dutch. The caller stores nothing when there is any error."""
from __future__ import annotations

import re
from datetime import date, datetime

from basis.fouten import Fout
from werkenaanwerk import definities as d
from werkenaanwerk import opslag, register, voortgang
from werkenaanwerk.bestand import KOP_LABEL, Rij


def aantal(waarde, maximum: int = d.MAX_AANTAL) -> tuple[int | None, str | None]:
    """A count from a cell: (value, None) or (None, what is wrong). Empty -> (None, None).
    Whole numbers from 0 to `maximum` only: no inf, no thousands separator read as a decimal
    point, no 20-digit number that would overflow the warehouse's integers."""
    if waarde is None:
        return None, None
    bereik = f"verwacht een heel getal van 0 tot en met {voortgang.getal(maximum)}"
    if isinstance(waarde, bool):
        return None, f"'{waarde}' is geen aantal; {bereik}"
    if isinstance(waarde, float) and waarde != waarde:
        return None, None  # NaN from a table: empty
    if isinstance(waarde, float) and waarde in (float("inf"), float("-inf")):
        return None, f"'{waarde}' is geen aantal; {bereik}"
    if isinstance(waarde, int):
        getal = waarde
    elif isinstance(waarde, float):
        if not waarde.is_integer():
            return None, f"{str(waarde).replace('.', ',')} is geen heel getal; tel personen"
        getal = int(waarde)
    else:
        tekst = str(waarde).strip()
        if re.fullmatch(r"-?[0-9]{1,3}([.,][0-9]{3})+", tekst):
            return None, (f"'{tekst}' is dubbelzinnig (duizendtal of decimaal?); schrijf een aantal zonder punt "
                          "of komma, bijvoorbeeld 2000")
        if not re.fullmatch(r"-?[0-9]+", tekst):
            return None, f"'{tekst[:40]}' is geen heel getal; {bereik}, of laat de cel leeg"
        if len(tekst.lstrip("-")) > 12:
            return None, f"'{tekst[:40]}' is veel te groot; {bereik}"
        getal = int(tekst)
    if getal < 0:
        return None, f"{getal} is negatief; een aantal is 0 of meer"
    if getal > maximum:
        return None, f"{voortgang.getal(getal) if getal < 10**12 else getal if getal < 10**30 else f'{getal:.3g}'} is niet aannemelijk; {bereik}"
    return getal, None


def teken(c: str) -> str:
    return {"\t": "een tab", "\r": "een regelterugloop"}.get(c, f"'{c}'")


def programma(waarde) -> tuple[str | None, str | None]:
    """A programme's name from a form or a cell: (name, None) or (None, what is wrong)."""
    tekst = " ".join(str(waarde).split()) if waarde is not None else ""
    if not tekst:
        return None, (f"het programma ontbreekt; vul de naam van het programma in (bijvoorbeeld {d.PROGRAMMA})")
    if tekst.startswith(d.FORMULE_BEGIN) or str(waarde).startswith(d.FORMULE_BEGIN):
        return None, (f"de naam van een programma mag niet beginnen met {teken(str(waarde)[0])}: in Excel wordt "
                      "zo'n naam een formule. Begin de naam met een letter of cijfer")
    if len(tekst) > d.MAX_PROGRAMMA:
        return None, (f"de naam van het programma is {len(tekst)} tekens; hoogstens {d.MAX_PROGRAMMA}. Kort de naam "
                      "in")
    return tekst, None


def _kwartaal(waarde, vandaag: date) -> tuple[str | None, str | None]:
    if waarde is None:
        return None, "het kwartaal ontbreekt"
    if isinstance(waarde, (date, datetime)):
        return None, (f"staat als datum ({waarde:%d-%m-%Y}) in de cel; schrijf het kwartaal als tekst, "
                      "bijvoorbeeld 2024-Q2 of Q2 2024")
    code = d.kwartaal_code(str(waarde))
    if code is None:
        return None, f"'{waarde}' is geen kwartaal; schrijf 2024-Q2 of Q2 2024"
    nu = d.kwartaal_van(vandaag)
    if code > nu:
        return None, f"{d.kwartaal_label(code)} ligt in de toekomst (het is nu {d.kwartaal_label(nu)})"
    return code, None


def controleer(rijen: list[Rij], projecten: dict[str, str], opgeslagen: dict[tuple[str, str], dict],
               vandaag: date | None = None, plek: str = "invoer") -> tuple[list[dict], list[Fout]]:
    """Rows -> (clean rows {project_id, kwartaal, velden..., plek, regel}, errors)."""
    vandaag = vandaag or date.today()
    fouten: list[Fout] = []
    schoon: list[dict] = []
    gezien: dict[tuple[str, str], int] = {}
    for rij in rijen:
        def fout(kolom, melding, rij=rij):
            fouten.append(Fout(rij.plek, rij.regel, KOP_LABEL.get(kolom, kolom), melding))

        project = None
        naam = rij.waarden.get(d.KOLOM_PROJECT)
        if naam is None:
            fout(d.KOLOM_PROJECT, "het project ontbreekt")
        else:
            project = register.zoek(projecten, str(naam))
            if project is None:
                fout(d.KOLOM_PROJECT, f"onbekend project '{naam}'. Bekende projecten: "
                                      + "; ".join(sorted(projecten.values()))
                                      + ". Een nieuw project voegt u eerst toe op de pagina Invoer monitor.")
        kwartaal, melding = _kwartaal(rij.waarden.get(d.KOLOM_KWARTAAL), vandaag)
        if melding:
            fout(d.KOLOM_KWARTAAL, melding)
        waarden = {}
        for veld in d.VELDEN:
            waarden[veld], melding = aantal(rij.waarden.get(veld))
            if melding:
                fout(veld, melding)
        if all(rij.waarden.get(v) is None for v in d.VELDEN):
            fout(d.KOLOM_PROJECT, "deze regel heeft geen enkel cijfer; vul de cijfers in of laat de regel weg")
        if project and kwartaal:
            eerder = gezien.get((project, kwartaal))
            if eerder is not None:
                fout(d.KOLOM_KWARTAAL, f"{projecten[project]} staat voor {d.kwartaal_label(kwartaal)} al op regel "
                                       f"{eerder}; elk project en kwartaal mag één keer voorkomen")
            else:
                gezien[(project, kwartaal)] = rij.regel
                schoon.append({"project_id": project, "kwartaal": kwartaal, **waarden,
                               "plek": rij.plek, "regel": rij.regel})
    if not rijen:
        fouten.append(Fout(plek, None, None,
                           "er staan geen resultaten in (geen enkele ingevulde regel)."))
    if not fouten:
        fouten += _uitstroom(schoon, projecten, opgeslagen)
    return schoon, fouten


def _uitstroom(schoon: list[dict], projecten: dict[str, str], opgeslagen: dict[tuple[str, str], dict]) -> list[Fout]:
    """Nobody leaves who was not there: per kwartaal, uitstroom naar werk plus
    naar opleiding is at most gestart in that kwartaal plus nog in traject at
    the end of the previous one (the stored figure where the input has none)."""
    stand = {k: v for k, v in opgeslagen.items()}
    stand.update({(r["project_id"], r["kwartaal"]): r for r in schoon})
    fouten = []
    for r in schoon:
        werk, opleiding = r["uitstroom_werk"], r["uitstroom_opleiding"]
        if werk is None and opleiding is None:
            continue
        uit = (werk or 0) + (opleiding or 0)
        vorig = stand.get((r["project_id"], d.vorig_kwartaal(r["kwartaal"])), {}).get("nog_in_traject") or 0
        beschikbaar = (r["gestart"] or 0) + vorig
        if uit > beschikbaar:
            fouten.append(Fout(
                r["plek"], r["regel"], KOP_LABEL["uitstroom_werk" if werk else "uitstroom_opleiding"],
                f"uitstroom naar werk en opleiding samen ({uit}) is groter dan gestart in "
                f"{d.kwartaal_label(r['kwartaal'])} ({r['gestart'] or 0}) plus nog in traject eind "
                f"{d.kwartaal_label(d.vorig_kwartaal(r['kwartaal']))} ({vorig}). Liep het traject al eerder, vul "
                "dan ook het kwartaal daarvoor in met het aantal dat nog in traject was."))
    return fouten


_KWARTAALCODE = re.compile(r"[0-9]{4}-Q[1-4]")
_TEKSTVELDEN = ("wijziging", "door", "via", "project_id", "regio", "naam", "omschrijving", "doelgroep",
                "beroepsklasse_code", "status", "toelichting", "doel_periode", "programma", "doel_modus")


def record_fout(rec) -> str | None:
    """What is wrong with a record of the log, in Dutch (None: it is usable). The same bounds as the input
    rules, so a record written by an older version or by hand that breaks them is skipped and reported by
    the build instead of stopping it."""
    if not isinstance(rec, dict):
        return "het record is geen JSON-object"
    soort = rec.get("soort")
    if soort not in ("resultaat", "project", "herroepen"):
        return f"onbekende soort '{soort}'"
    for veld in ("volgnummer", "revisie"):
        if not isinstance(rec.get(veld), int) or isinstance(rec.get(veld), bool) or not 0 < rec[veld] < 2**62:
            return f"veld '{veld}' is geen geldig volgnummer ({str(rec.get(veld))[:30]})"
    try:
        datetime.fromisoformat(str(rec.get("tijdstip")))
    except ValueError:
        return f"veld 'tijdstip' is geen tijdstip ({str(rec.get('tijdstip'))[:30]})"
    if not isinstance(rec.get("project_id"), str) or not rec["project_id"]:
        return "het project ontbreekt"
    for veld in _TEKSTVELDEN:
        if rec.get(veld) is not None and not isinstance(rec[veld], str):
            return f"veld '{veld}' is geen tekst"
    getallen = {"resultaat": list(d.VELDEN), "project": list(d.DOELEN), "herroepen": ["herroept"]}[soort]
    for veld in getallen:
        waarde = rec.get(veld)
        if waarde is None and soort != "herroepen":
            continue
        if soort == "herroepen":
            fout = None if isinstance(waarde, int) and 0 < waarde < 2**62 else "geen volgnummer"
        elif not isinstance(waarde, int) or isinstance(waarde, bool):
            fout = f"'{str(waarde)[:30]}' is geen heel getal"
        else:
            _, fout = aantal(waarde, d.MAX_DOEL if soort == "project" else d.MAX_AANTAL)
        if fout:
            return f"veld '{veld}': {fout}"
    kwartalen = ["kwartaal"] if soort == "resultaat" else ["start", "einde", "status_vanaf", "doel_van", "doel_tot"]
    for veld in kwartalen:
        if (rec.get(veld) is not None or veld == "kwartaal") and not _KWARTAALCODE.fullmatch(str(rec.get(veld))):
            return f"veld '{veld}': '{str(rec.get(veld))[:30]}' is geen kwartaal"
    if rec.get("verwijderd") is not None and not isinstance(rec["verwijderd"], bool):
        return "veld 'verwijderd' is geen ja/nee"
    if soort == "project" and rec.get("doel_modus") not in (None, "vervangt", "erbij"):
        return f"veld 'doel_modus': '{rec['doel_modus'][:30]}' is geen doelmodus"
    if soort == "project" and rec.get("status") is not None and rec["status"] not in d.STATUSSEN:
        return f"veld 'status': '{rec['status'][:30]}' is geen status"
    return None


def controleer_log(instellingen=None, records: list[dict] | None = None) -> tuple[list[dict], list[Fout]]:
    """The saved records of the monitor's store that are usable, and one error (where, record, what) for
    each that is not: a record that breaks the bounds (stored by an older version, or by hand). A bad
    record revoked through `python -m etl.monitor herroep` is left out silently. (Unreadable lines of an
    older release's mutaties.jsonl are left out and reported by the migration, werkenaanwerk.opslag_migratie.)
    `records`: the store's records when the caller has just read them."""
    records = opslag.lees(instellingen) if records is None else records
    waar = opslag.omschrijving(instellingen) if records else "monitoropslag"
    herroepen = {r["herroept"] for r in records if r.get("soort") == "herroepen" and record_fout(r) is None}
    goed, fouten = [], []
    for rec in records:
        melding = record_fout(rec)
        if melding is None:
            goed.append(rec)
        elif rec.get("volgnummer") not in herroepen:
            fouten.append(Fout(waar, None, None,
                               f"record {rec.get('volgnummer')} ({rec.get('soort')}, project "
                               f"{str(rec.get('project_id'))[:40]}) overgeslagen: {melding}. Herstel: python -m "
                               f"etl.monitor herroep {rec.get('volgnummer')} --door NAAM, en voer het juiste cijfer "
                               "daarna opnieuw in"))
    return goed, fouten

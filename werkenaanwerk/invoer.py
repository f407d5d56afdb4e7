"""The two ways results come in, validated the same way: a file (the Excel
template or a CSV) and the table on the page. Both end in one save to the
append-only log, or in nothing at all."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from basis import instellingen as settings
from basis.fouten import Fout
from basis.referentie import standaard_regio
from werkenaanwerk import bestand, doelen, opslag, register, validatie
from werkenaanwerk import definities as d

PAGINA = "tabel op de pagina"


class InvoerFout(Exception):
    """Input with errors: nothing was stored. `fouten` say where and what."""

    def __init__(self, fouten: list[Fout]):
        self.totaal = len(fouten)
        self.fouten = fouten[:d.MAX_FOUTEN]   # the first ones; the rest are counted
        self.meer = self.totaal - len(self.fouten)
        super().__init__("\n".join(self.regels()))

    def regels(self) -> list[str]:
        """Every error listed, and the number not listed."""
        return [f.tekst() for f in self.fouten] + ([f"… en nog {self.meer} fout{'en' if self.meer != 1 else ''} "
                                                     "(niet getoond)"] if self.meer else [])


@dataclass
class Uitkomst:
    nieuw: int
    gecorrigeerd: int
    verwijderd: int
    ongewijzigd: int
    projecten: list[str]
    opgeslagen: bool
    volgnummer: int | None = None   # the last record stored by this save (None: nothing stored)
    melding: str | None = None      # the outcome in words where the counts say nothing (project data)
    programmas: list[str] = field(default_factory=list)   # "name: old → new" per programme changed

    def tekst(self) -> str:
        if self.melding:
            return self.melding
        delen = [f"{self.nieuw} nieuw", f"{self.gecorrigeerd} gecorrigeerd"]
        if self.verwijderd:
            delen.append(f"{self.verwijderd} verwijderd")
        delen.append(f"{self.ongewijzigd} ongewijzigd")
        programma = (f" Programma gewijzigd: {'; '.join(self.programmas)}." if self.programmas else "")
        if not self.opgeslagen:
            return ("Gecontroleerd, geen fouten gevonden (" + ", ".join(delen) + ")." + programma
                    + " Er is niets opgeslagen.")
        if not (self.nieuw or self.gecorrigeerd or self.verwijderd or self.programmas):
            return "Niets gewijzigd: alle cijfers waren al zo opgeslagen."
        return "Opgeslagen: " + ", ".join(delen) + "." + programma


def _records() -> list[dict]:
    """The usable records of the log (a bad record written by hand or an older version is left out here
    as in the build)."""
    return validatie.controleer_log()[0]


def _voor_opslaan(mutaties: list[dict]) -> None:
    """The last check before the log: every record meets the bounds the build checks, so nothing stored
    can stop a build (a caller that skipped a rule is stopped here, not in every build after it)."""
    nu = datetime.now(UTC).isoformat()
    fouten = [Fout("opslaan", None, m.get("project_id"), f"niet opgeslagen: {melding}")
              for m in mutaties
              if (melding := validatie.record_fout({"volgnummer": 1, "revisie": 1, "tijdstip": nu, "wijziging": "x",
                                                    "door": "x", "via": "x", **m}))]
    if fouten:
        raise InvoerFout(fouten)


def _regio_en_einde(schoon: list[dict], records: list[dict], projecten: dict[str, str],
                    regio: str | None) -> list[Fout]:
    """A file for one region holds only that region's projects; no results after a project ended."""
    fouten = []
    regios = register.regio_per_project(records)
    einde = register.beeindigd_vanaf(records)
    for r in schoon:
        naam = projecten[r["project_id"]]
        if regio is not None and regios.get(r["project_id"]) != regio:
            fouten.append(Fout(r["plek"], r["regel"], "Project",
                               f"'{naam}' is een project van regio {regios.get(r['project_id'])}, niet van {regio}; "
                               "lever de cijfers van elke regio apart aan"))
        if r["project_id"] in einde and r["kwartaal"] > einde[r["project_id"]]:
            fouten.append(Fout(r["plek"], r["regel"], "Kwartaal",
                               f"{naam} is beëindigd vanaf {d.kwartaal_label(einde[r['project_id']])}; er kunnen "
                               f"geen resultaten over {d.kwartaal_label(r['kwartaal'])} zijn"))
    return fouten


def importeer(naam: str, inhoud: bytes, door: str, alleen_controleren: bool = False,
              vandaag: date | None = None, regio: str | None = None) -> Uitkomst:
    """Read a filled-in file and store its results; with `regio` (the page's region) every row's project
    must belong to that region."""
    gelezen = bestand.lees(naam, inhoud)
    if gelezen.fouten:
        raise InvoerFout(gelezen.fouten)
    records = _records()
    opgeslagen = opslag.huidige_resultaten(records)
    projecten = register.bekende_projecten(records)
    programmas, fouten = _programmas(gelezen, records, projecten, regio)
    if gelezen.rijen or not (programmas or fouten):   # a template may change only a programme
        schoon, fouten_ = validatie.controleer(gelezen.rijen, projecten, opgeslagen, vandaag, plek=naam)
        fouten += fouten_
    else:
        schoon = []
    if not fouten:
        fouten = _regio_en_einde(schoon, records, projecten, regio)
    if fouten:
        raise InvoerFout(fouten)
    return _bewaar(schoon, [], opgeslagen, records, {}, door, f"bestand {naam}", alleen_controleren,
                   _rij_revisies(gelezen, schoon, projecten), programmas)


def _programmas(gelezen: bestand.Ingelezen, records: list[dict], projecten: dict[str, str],
                regio: str | None) -> tuple[dict[str, tuple[str, int]], list[Fout]]:
    """The programmes changed on the template's sheet Projecten: project -> (new programme, the revision the
    sheet was made from), checked like the form checks them; a sheet made before a newer save of the same
    project is refused (it would undo that save)."""
    wijzigingen, fouten = {}, []
    huidig = opslag.revisies(opslag.lees())
    regios = register.regio_per_project(records)
    for code, (waarde, regel) in gelezen.programmas.items():
        if code not in projecten:
            fouten.append(Fout(gelezen.projectenblad, regel, "Code", f"onbekend project '{code[:40]}'; wijzig de kolom "
                                                                     "Code niet"))
            continue
        nu = register.huidig_veld(code, "programma", records) or d.PROGRAMMA
        nieuw, melding = validatie.programma(waarde)
        if melding:
            fouten.append(Fout(gelezen.projectenblad, regel, d.KOP_PROGRAMMA, f"{projecten[code]}: {melding}"))
            continue
        if nieuw == nu:
            continue
        if regio is not None and regios.get(code) != regio:
            fouten.append(Fout(gelezen.projectenblad, regel, d.KOP_PROGRAMMA,
                               f"'{projecten[code]}' is een project van regio {regios.get(code)}, niet van {regio}; "
                               "wijzig het in het sjabloon van die regio"))
            continue
        basis = (gelezen.basis or {}).get(code)
        if basis != huidig.get(code, 0):
            wie = opslag.laatste_door(records, code)
            fouten.append(Fout(gelezen.projectenblad, regel, d.KOP_PROGRAMMA,
                               f"verouderd: dit sjabloon gaat uit van revisie {basis} van {projecten[code]}, maar "
                               f"intussen is het revisie {huidig.get(code, 0)}"
                               f"{f' (laatst gewijzigd door {wie[0]})' if wie else ''}. Het programma is niet "
                               "gewijzigd: download een nieuw sjabloon en wijzig het daarin"))
            continue
        wijzigingen[code] = (nieuw, basis)
    return wijzigingen, fouten


def sjabloon(regio: str | None = None) -> bytes:
    """The Excel template with the register and what is stored now; with a
    region, only that region's projects (a result's region is its project's)."""
    records = _records()
    projecten = register.bekende_projecten(records)
    regios = register.regio_per_project(records)
    if regio is not None:
        projecten = {p: n for p, n in projecten.items() if regios.get(p) == regio}
    resultaten = sorted((r for r in opslag.huidige_resultaten(records).values() if r["project_id"] in projecten),
                        key=lambda r: (r["project_id"], r["kwartaal"]))
    return bestand.sjabloon(projecten, resultaten, opslag.revisies(opslag.lees()),
                            {p: regios.get(p, "") for p in projecten},
                            {p: register.huidig_veld(p, "programma", records) or d.PROGRAMMA for p in projecten})


def corrigeer(project_id: str, rijen: list[dict], basis_revisie: int, door: str,
              vandaag: date | None = None) -> Uitkomst:
    """Save the table of one project as edited on the page: changed and added
    kwartalen become new records, kwartalen taken out become removals."""
    records = _records()
    projecten = register.bekende_projecten(records)
    opgeslagen = opslag.huidige_resultaten(records)
    invoer = [bestand.Rij(PAGINA, i, {d.KOLOM_PROJECT: project_id, **r}) for i, r in enumerate(rijen, start=1)]
    schoon, fouten = validatie.controleer(invoer, projecten, opgeslagen, vandaag, plek=PAGINA)
    if not fouten:
        fouten = _regio_en_einde(schoon, records, projecten, None)
    if fouten:
        raise InvoerFout(fouten)
    over = {s["kwartaal"] for s in schoon}
    weg = [(p, k) for (p, k) in opgeslagen if p == project_id and k not in over]
    return _bewaar(schoon, weg, opgeslagen, records, {project_id: basis_revisie}, door, "pagina", False)


def _rij_revisies(gelezen: bestand.Ingelezen, schoon: list[dict], projecten: dict[str, str]) -> dict:
    """(place, row) -> the revision of its project the row was based on: the row's own (column Revisie),
    else the workbook's sheet Projecten, else another row of the same project in the file; an unreadable
    revision is kept as text, a missing one as None (both refused for a row that changes something)."""
    eigen = {}
    for rij in gelezen.rijen:
        waarde = rij.waarden.get(bestand.REVISIE)
        if waarde is not None:
            getal, fout = validatie.aantal(waarde, 2**62)
            eigen[(rij.plek, rij.regel)] = str(waarde) if fout else getal
    per_project = dict(gelezen.basis or {})
    for r in schoon:
        if isinstance(eigen.get((r["plek"], r["regel"])), int):
            per_project.setdefault(r["project_id"], eigen[(r["plek"], r["regel"])])
    return {(r["plek"], r["regel"]): eigen.get((r["plek"], r["regel"]), per_project.get(r["project_id"]))
            for r in schoon}


def _verouderd(r: dict, basis, huidig: dict[str, int], records: list[dict], naam: str) -> Fout | None:
    """A row that changes a stored figure must say which revision of its project it was based on, and that
    must be the current one: otherwise it would silently undo a newer correction by someone else."""
    kolom = bestand.REVISIE_KOP
    nu = huidig.get(r["project_id"], 0)
    if basis is None:
        return Fout(r["plek"], r["regel"], kolom, f"de revisie van {naam} ontbreekt; neem die over van het blad "
                                                  f"Projecten (nu {nu}) of maak het bestand van een nieuw sjabloon")
    if isinstance(basis, str):
        return Fout(r["plek"], r["regel"], kolom, f"'{basis[:20]}' is geen revisie; wijzig deze kolom niet")
    if basis != nu:
        wie = opslag.laatste_door(records, r["project_id"])
        return Fout(r["plek"], r["regel"], kolom,
                    f"verouderd: deze regel gaat uit van revisie {basis} van {naam}, maar intussen is het revisie "
                    f"{nu}{f' (laatst gewijzigd door {wie[0]})' if wie else ''}. Niets opgeslagen, zodat die "
                    "nieuwere wijziging niet verloren gaat: download een nieuw sjabloon, neem uw wijziging daarin "
                    "over en lever opnieuw aan")
    return None


def _bewaar(schoon: list[dict], weg: list[tuple[str, str]], opgeslagen: dict, records: list[dict], basis: dict[str, int],
            door: str, via: str, alleen_controleren: bool, rij_basis: dict | None = None,
            programmas: dict[str, tuple[str, int]] | None = None) -> Uitkomst:
    mutaties, nieuw, gecorrigeerd, verouderd, namen = [], 0, 0, [], {}
    alle = opslag.lees()
    huidig = opslag.revisies(alle)
    for r in schoon:
        waarden = {k: r[k] for k in d.VELDEN}
        oud = opgeslagen.get((r["project_id"], r["kwartaal"]))
        if oud is not None and all(oud.get(k) == v for k, v in waarden.items()):
            continue
        if rij_basis is not None:
            namen = namen or register.bekende_projecten(records)
            fout = _verouderd(r, rij_basis.get((r["plek"], r["regel"])), huidig, alle,
                              namen.get(r["project_id"], r["project_id"]))
            if fout:
                verouderd.append(fout)
                continue
            basis[r["project_id"]] = rij_basis[(r["plek"], r["regel"])]
        nieuw += oud is None
        gecorrigeerd += oud is not None
        mutaties.append({"soort": "resultaat", "project_id": r["project_id"], "kwartaal": r["kwartaal"], **waarden})
    if verouderd:
        raise InvoerFout(verouderd)
    for project, kwartaal in weg:
        mutaties.append({"soort": "resultaat", "project_id": project, "kwartaal": kwartaal,
                         **{k: None for k in d.VELDEN}, "verwijderd": True})
    gewijzigd = []
    for project, (programma, revisie) in (programmas or {}).items():
        if basis.get(project, revisie) != revisie:   # rows and sheet Projecten of one file disagree
            raise InvoerFout([Fout(via, None, d.KOP_PROGRAMMA, f"de regels van {project} en het blad Projecten gaan "
                                                               "uit van verschillende revisies; maak het bestand "
                                                               "van een nieuw sjabloon")])
        basis[project] = revisie
        namen = namen or register.bekende_projecten(records)
        oud = register.huidig_veld(project, "programma", records) or d.PROGRAMMA
        gewijzigd.append(f"{namen.get(project, project)}: {oud} → {programma}")
        mutaties.append({"soort": "project", "project_id": project, "programma": programma})
    projecten = sorted({m["project_id"] for m in mutaties})
    uitkomst = Uitkomst(nieuw, gecorrigeerd, len(weg), len(schoon) - nieuw - gecorrigeerd, projecten,
                        not alleen_controleren, programmas=gewijzigd)
    if alleen_controleren or not mutaties:
        return uitkomst
    _voor_opslaan(mutaties)
    opgeslagen = opslag.toevoegen(mutaties, door, via, {p: basis.get(p, huidig.get(p, 0)) for p in projecten})
    uitkomst.volgnummer = opgeslagen[-1]["volgnummer"]
    return uitkomst


def _beroepsklassen() -> set[str]:
    with open(settings.raw_dir() / "referentie" / "beroepsklassen.csv", encoding="utf-8-sig") as fh:
        return {r["code"] for r in csv.DictReader(fh)}


PROJECTVELDEN = ("regio", "naam", "programma", "omschrijving", "doelgroep", "beroepsklasse_code", "start", "einde", "status",
                 "status_vanaf", "toelichting", *d.DOELEN, "doel_periode", "doel_van", "doel_tot", "doel_modus")


def _doel_overlap(project_id: str, naam: str, mutatie: dict, records: list[dict], start: str | None,
                  einde: str | None) -> list[tuple[str, str]]:
    """The project's targets as they would hold after `mutatie`: a new target that covers quarters another
    target of the same kind already covers is refused, naming both (werkenaanwerk.doelen)."""
    seed = next((r for r in register.seed_projecten() if r["project_id"] == project_id), None)
    versies = []
    if seed is not None:
        versies.append({"volgnummer": 0, **{k: (int(seed[k]) if (seed.get(k) or "").strip().isdigit() else None)
                                             for k in d.DOELEN},
                        **{k: (seed.get(k) or "").strip() or None for k in ("doel_periode", "doel_van", "doel_tot")}})
    versies += [r for r in records if r["soort"] == "project" and r["project_id"] == project_id]
    nieuw = 2**62
    versies.append({**mutatie, "volgnummer": nieuw})
    start, einde = (d.kwartaal_code(str(k)) if k else None for k in (start, einde))
    return [(b.soort, doelen.melding(naam, a, b, start, einde))
            for a, b in doelen.overlappingen(doelen.geldig(versies), start, einde) if b.volgnummer == nieuw]


def _doelperiode(velden: dict, start: str | None, einde: str | None) -> list[tuple[str, str]]:
    """A target for a date range (doel_periode 'periode') needs both ends, in order, and must overlap the
    project's run (start to end; an unknown end is open). The range goes with the period: it is entered
    together with doel_periode 'periode' and only then."""
    van, tot = velden.get("doel_van"), velden.get("doel_tot")
    if velden.get("doel_periode") != "periode":
        if van or tot:
            return [("doel_periode", "een doel van/tot en met hoort bij de doelperiode 'periode'; kies die, of laat "
                                     "van en tot en met leeg")]
        return []
    if not (van and tot):
        return [("doel_van" if not van else "doel_tot", "een doel voor een periode heeft een eerste en een laatste "
                                                        "kwartaal nodig (van en tot en met)")]
    if not (d.kwartaal_code(van) and d.kwartaal_code(tot)):
        return []  # already reported as not a kwartaal
    if tot < van:
        return [("doel_tot", f"de doelperiode eindigt ({d.kwartaal_label(tot)}) vóór zij begint "
                             f"({d.kwartaal_label(van)})")]
    start, einde = (d.kwartaal_code(str(k)) if k else None for k in (start, einde))
    if (einde and van > einde) or (start and tot < start):
        looptijd = f"{d.kwartaal_label(start) if start else 'start onbekend'} t/m " \
                   f"{d.kwartaal_label(einde) if einde else 'einde onbekend'}"
        return [("doel_van", f"de doelperiode {d.kwartaal_label(van)} t/m {d.kwartaal_label(tot)} valt helemaal "
                             f"buiten de looptijd van het project ({looptijd}); een doel moet over (een deel van) "
                             "de looptijd gaan")]
    return []


def wijzig_project(project_id: str | None, velden: dict, door: str, basis_revisie: int,
                   vandaag: date | None = None) -> str:
    """Add a project (project_id None) or change its register entry: status,
    end, targets, beroepsklasse. Returns the project's code."""
    return _wijzig_project(project_id, velden, door, basis_revisie, vandaag).projecten[0]


def _wijzig_project(project_id: str | None, velden: dict, door: str, basis_revisie: int,
                    vandaag: date | None = None) -> Uitkomst:
    vandaag = vandaag or date.today()
    records = _records()
    projecten = register.bekende_projecten(records)
    velden = {k: (v.strip() if isinstance(v, str) else v) for k, v in velden.items() if k in PROJECTVELDEN}
    velden = {k: v for k, v in velden.items() if v not in (None, "")}
    fouten = []

    def fout(kolom, melding):
        fouten.append(Fout("projectgegevens", None, kolom, melding))

    if project_id is None:
        naam = velden.get("naam", "")
        project_id = re.sub(r"[^a-z0-9]+", "_", naam.casefold()).strip("_")
        if not naam:
            fout("naam", "een nieuw project heeft een naam nodig")
        elif register.zoek(projecten, naam) or project_id in projecten:
            fout("naam", f"er is al een project '{naam}'")
        if "regio" not in velden:
            fout("regio", f"een nieuw project heeft een regio nodig (de regiocode, bijvoorbeeld {standaard_regio()})")
        elif velden["regio"] not in register.bekende_regios():
            fout("regio", f"onbekende regio '{velden['regio']}'; verwacht een regiocode uit "
                          f"data/raw/referentie/regios.csv, bijvoorbeeld {standaard_regio()}")
    elif project_id not in projecten:
        fout("project", f"onbekend project '{project_id}'")
    elif "regio" in velden and velden["regio"] != register.regio_per_project(records).get(project_id):
        fout("regio", f"de regio van een bestaand project verandert niet (nu "
                      f"{register.regio_per_project(records).get(project_id)}); voeg het project in de andere regio "
                      "als nieuw project toe")
    if str(velden.get("naam", "")).startswith(d.FORMULE_BEGIN):
        fout("naam", f"een projectnaam mag niet beginnen met {validatie.teken(velden['naam'][0])}: in Excel wordt "
                     "zo'n naam een formule. Begin de naam met een letter of cijfer")
    if "programma" in velden:
        velden["programma"], melding = validatie.programma(velden["programma"])
        if melding:
            fout("programma", melding)
    if "status" in velden and velden["status"] not in d.STATUSSEN:
        fout("status", f"'{velden['status']}' is geen status; kies uit {', '.join(d.STATUSSEN)}")
    if "status" in velden and "status_vanaf" not in velden:
        fout("status_vanaf", "zeg vanaf welk kwartaal de status geldt")
    for kolom in ("start", "einde", "status_vanaf", "doel_van", "doel_tot"):
        if kolom in velden:
            code = d.kwartaal_code(str(velden[kolom]))
            if code is None:
                fout(kolom, f"'{velden[kolom]}' is geen kwartaal; schrijf 2024-Q2 of Q2 2024")
            elif kolom == "status_vanaf" and code > d.kwartaal_van(vandaag):
                fout(kolom, f"{d.kwartaal_label(code)} ligt in de toekomst")
            else:
                velden[kolom] = code
    for kolom in d.DOELEN:
        if kolom in velden:
            velden[kolom], melding = validatie.aantal(velden[kolom])
            if melding:
                fout(kolom, melding)
    if "doel_periode" in velden and velden["doel_periode"] not in d.DOEL_PERIODES:
        fout("doel_periode", f"kies uit {', '.join(d.DOEL_PERIODES)}")
    if "doel_modus" in velden:
        if velden["doel_modus"] not in doelen.MODI:
            fout("doel_modus", f"kies uit {', '.join(doelen.MODI)}")
        elif not any(k in velden for k in d.DOELEN):
            fout("doel_modus", "vul het aantal in van het doel dat vervangt of erbij komt")
        elif velden["doel_modus"] == doelen.ERBIJ and "doel_periode" not in velden:
            fout("doel_periode", "een doel dat erbij komt heeft een eigen periode nodig: per jaar, projectduur of "
                                 "periode (van en tot en met een kwartaal)")
    bestaand = project_id in projecten
    if any(k in velden for k in d.DOELEN) and "doel_periode" not in velden and not (
            bestaand and register.huidig_veld(project_id, "doel_periode", records)):
        fout("doel_periode", "een doel heeft een periode nodig: kies per jaar, projectduur of periode (van en tot "
                             "en met een kwartaal); het doel telt gestarte deelnemers, uitstroom naar werk of "
                             "uitstroom naar opleiding, naar het veld")
    start = velden.get("start") or (register.huidig_veld(project_id, "start", records) if bestaand else None)
    einde = velden.get("einde") or (register.huidig_veld(project_id, "einde", records) if bestaand else None)
    for kolom, melding in _doelperiode(velden, start, einde):
        fout(kolom, melding)
    if "status_vanaf" in velden and start and d.kwartaal_code(str(start)) and \
            d.kwartaal_code(str(velden["status_vanaf"])) and velden["status_vanaf"] < d.kwartaal_code(str(start)):
        fout("status_vanaf", f"{d.kwartaal_label(velden['status_vanaf'])} ligt vóór de start van het project "
                             f"({d.kwartaal_label(d.kwartaal_code(str(start)))})")
    if "beroepsklasse_code" in velden and velden["beroepsklasse_code"] not in _beroepsklassen():
        fout("beroepsklasse_code", f"onbekende beroepsklasse '{velden['beroepsklasse_code']}'")
    if not velden:
        fout(None, "er is niets ingevuld om op te slaan")
    if fouten:
        raise InvoerFout(fouten)
    mutatie = {"soort": "project", "project_id": project_id, **velden}
    if any(k in velden for k in (*d.DOELEN, "doel_periode")):
        naam = velden.get("naam") or projecten.get(project_id, project_id)
        for kolom, melding in _doel_overlap(project_id, naam, mutatie, records, start, einde):
            fout(kolom, melding)
        if fouten:
            raise InvoerFout(fouten)
    _voor_opslaan([mutatie])
    opgeslagen = opslag.toevoegen([mutatie], door, "pagina",
                                  {project_id: basis_revisie})
    naam = velden.get("naam") or projecten.get(project_id, project_id)
    return Uitkomst(0, 0, 0, 0, [project_id], True, opgeslagen[-1]["volgnummer"],
                    f"Projectgegevens van '{naam}' opgeslagen.")


def herroep(volgnummer: int, door: str) -> str:
    """Revoke a bad record of the log (one the build skips and reports) by appending a record that says
    so: the log is never edited by hand, and the history keeps both. Only a record that breaks the rules
    can be revoked; a wrong but valid figure is corrected by entering the right one. Returns the message."""
    alle = opslag.lees()
    doel = [r for r in alle if r.get("volgnummer") == volgnummer and r.get("soort") != "herroepen"]
    if not doel:
        raise InvoerFout([Fout("herroepen", None, None, f"er is geen record met volgnummer {volgnummer} in het "
                                                        "log")])
    melding = validatie.record_fout(doel[0])
    if melding is None:
        raise InvoerFout([Fout("herroepen", None, None, f"record {volgnummer} is in orde en kan niet worden "
                                                        "herroepen; verbeter een cijfer door het juiste in te voeren "
                                                        "(pagina Invoer monitor of python -m etl.monitor import)")])
    if any(r.get("soort") == "herroepen" and r.get("herroept") == volgnummer for r in alle):
        raise InvoerFout([Fout("herroepen", None, None, f"record {volgnummer} is al herroepen")])
    project = doel[0].get("project_id") if isinstance(doel[0].get("project_id"), str) else "onbekend"
    mutatie = {"soort": "herroepen", "project_id": project, "herroept": volgnummer}
    _voor_opslaan([mutatie])
    opslag.toevoegen([mutatie], door, "herroepen", {project: opslag.revisies(alle).get(project, 0)})
    return (f"Record {volgnummer} (project {project}) herroepen: de build slaat het voortaan zonder melding over "
            f"({melding}). Voer het juiste cijfer nu gewoon opnieuw in.")

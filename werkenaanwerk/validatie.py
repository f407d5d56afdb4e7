"""The rules every monitor input passes, whether it comes from a file or from
the table on the page. Each error names the place (sheet, row, column) and
what is wrong, in Dutch. The caller stores nothing when there is any error."""
from __future__ import annotations

from datetime import date, datetime

from basis.fouten import Fout
from werkenaanwerk import definities as d
from werkenaanwerk import register
from werkenaanwerk.bestand import KOP_LABEL, Rij


def aantal(waarde) -> tuple[int | None, str | None]:
    """A count from a cell: (value, None) or (None, what is wrong). Empty -> (None, None)."""
    if waarde is None:
        return None, None
    if isinstance(waarde, bool):
        return None, f"'{waarde}' is geen aantal; verwacht een heel getal (0 of meer)"
    if isinstance(waarde, float) and waarde != waarde:
        return None, None  # NaN from a table: empty
    if isinstance(waarde, (int, float)):
        if float(waarde) != int(waarde):
            return None, f"{str(waarde).replace('.', ',')} is geen heel getal; tel personen"
        getal = int(waarde)
    else:
        tekst = str(waarde).strip()
        if not tekst.lstrip("-").isdigit():
            return None, f"'{tekst}' is geen heel getal; verwacht een aantal personen (0 of meer), of een lege cel"
        getal = int(tekst)
    if getal < 0:
        return None, f"{getal} is negatief; een aantal is 0 of meer"
    return getal, None


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

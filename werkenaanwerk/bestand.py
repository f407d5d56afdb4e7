"""Reading an uploaded monitor file (the Excel template or a CSV with the same
columns) into rows with their place (sheet, row, column), and writing the
template. Reading checks only what a file is; what the rows say is checked
in werkenaanwerk.validatie."""
from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime

from basis.fouten import Fout
from werkenaanwerk import definities as d

KOPPEN = {"project": d.KOLOM_PROJECT, "kwartaal": d.KOLOM_KWARTAAL,
          **{label.casefold(): key for key, label in d.LABELS.items()}, **{key: key for key in d.VELDEN}}
KOP_LABEL = {d.KOLOM_PROJECT: "Project", d.KOLOM_KWARTAAL: "Kwartaal", **d.LABELS}
REVISIE_KOP = "Revisie (niet wijzigen)"


@dataclass
class Rij:
    plek: str        # "bestand.xlsx, blad 'Resultaten'"
    regel: int       # row number as the user sees it (Excel row, CSV line)
    waarden: dict    # column key -> raw cell value


@dataclass
class Ingelezen:
    rijen: list[Rij] = field(default_factory=list)
    basis: dict[str, int] | None = None   # project -> revision the template was made from (Excel only)
    fouten: list[Fout] = field(default_factory=list)


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f}".replace(".", ",")


def lees(naam: str, inhoud: bytes) -> Ingelezen:
    if len(inhoud) > d.MAX_BYTES:
        return Ingelezen(fouten=[Fout(naam, None, None, f"het bestand is {_mb(len(inhoud))} MB; de grens is "
                                                        f"{_mb(d.MAX_BYTES)} MB. Een monitorbestand is veel kleiner: "
                                                        "staat er iets anders in dan de resultaten?")])
    if not inhoud.strip():
        return Ingelezen(fouten=[Fout(naam, None, None, "het bestand is leeg.")])
    soort = naam.rsplit(".", 1)[-1].lower() if "." in naam else ""
    if inhoud[:4] == b"PK\x03\x04":
        return _lees_excel(naam, inhoud)
    if inhoud[:4] == b"\xd0\xcf\x11\xe0":
        return Ingelezen(fouten=[Fout(naam, None, None, "dit is een Excel-bestand in het oude .xls-formaat; "
                                                        "sla het op als Excel-werkmap (.xlsx) en probeer opnieuw.")])
    if soort in ("csv", "txt") and b"\x00" not in inhoud[:4096]:
        return _lees_csv(naam, inhoud)
    return Ingelezen(fouten=[Fout(naam, None, None, "dit is geen Excel- (.xlsx) of CSV-bestand. Gebruik het "
                                                    "sjabloon van de pagina (Excel) of een CSV met dezelfde kolommen.")])


def _koppen(plek: str, kopregel: list) -> tuple[dict[int, str], list[Fout]]:
    """Column index -> key; missing columns as errors on the header row."""
    index = {}
    for i, kop in enumerate(kopregel):
        key = KOPPEN.get(" ".join(str(kop or "").split()).casefold())
        if key and key not in index.values():
            index[i] = key
    ontbreekt = [k for k in d.KOLOMMEN if k not in index.values()]
    return index, [Fout(plek, 1, KOP_LABEL[k], "deze kolom ontbreekt in de kopregel") for k in ontbreekt]


def _rijen(plek: str, regels, index: dict[int, str], eerste: int = 2) -> list[Rij]:
    rijen = []
    for nummer, waarden in enumerate(regels, start=eerste):
        cellen = {key: (waarden[i] if i < len(waarden) else None) for i, key in index.items()}
        cellen = {k: (v.strip() or None) if isinstance(v, str) else v for k, v in cellen.items()}
        if any(v is not None for v in cellen.values()):
            rijen.append(Rij(plek, nummer, cellen))
    return rijen


def _lees_csv(naam: str, inhoud: bytes) -> Ingelezen:
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        tekst = inhoud.decode("cp1252", errors="replace")  # Dutch Excel saves CSV this way
    regels = tekst.splitlines()
    scheiding = ";" if regels and regels[0].count(";") >= regels[0].count(",") else ","
    lezer = list(csv.reader(regels, delimiter=scheiding))
    index, fouten = _koppen(naam, lezer[0] if lezer else [])
    if fouten:
        return Ingelezen(fouten=fouten)
    return Ingelezen(rijen=_rijen(naam, lezer[1:], index))


def _lees_excel(naam: str, inhoud: bytes) -> Ingelezen:
    import openpyxl

    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
            if "xl/workbook.xml" not in z.namelist():
                raise zipfile.BadZipFile
        wb = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return Ingelezen(fouten=[Fout(naam, None, None, "dit is geen Excel-werkmap (.xlsx) en geen CSV-bestand.")])
    try:
        if d.BLAD_INFO not in wb.sheetnames:
            return Ingelezen(fouten=[Fout(naam, None, None, f"het blad '{d.BLAD_INFO}' met de sjabloonversie "
                                                            "ontbreekt: dit is geen sjabloon van de monitor. Download "
                                                            "het sjabloon op de pagina Invoer monitor.")])
        versie = next((r[1] for r in wb[d.BLAD_INFO].iter_rows(values_only=True)
                       if len(r) > 1 and r[0] == "sjabloonversie"), None)
        if versie != d.SJABLOON_VERSIE:
            return Ingelezen(fouten=[Fout(f"{naam}, blad '{d.BLAD_INFO}'", None, "sjabloonversie",
                                          f"dit sjabloon heeft versie '{versie or 'onbekend'}'; het dashboard leest "
                                          f"alleen versie '{d.SJABLOON_VERSIE}'. Download een nieuw sjabloon en "
                                          "neem de cijfers daarin over.")])
        plek = f"{naam}, blad '{d.BLAD_RESULTATEN}'"
        if d.BLAD_RESULTATEN not in wb.sheetnames:
            return Ingelezen(fouten=[Fout(naam, None, None, f"het blad '{d.BLAD_RESULTATEN}' ontbreekt.")])
        regels = list(wb[d.BLAD_RESULTATEN].iter_rows(values_only=True))
        index, fouten = _koppen(plek, list(regels[0]) if regels else [])
        if fouten:
            return Ingelezen(fouten=fouten)
        return Ingelezen(rijen=_rijen(plek, regels[1:], index), basis=_basis(wb))
    finally:
        wb.close()


def _basis(wb) -> dict[str, int]:
    """The revision of each project when the template was made (sheet Projecten)."""
    if d.BLAD_PROJECTEN not in wb.sheetnames:
        return {}
    regels = list(wb[d.BLAD_PROJECTEN].iter_rows(values_only=True))
    if not regels or "Code" not in regels[0] or REVISIE_KOP not in regels[0]:
        return {}
    code, rev = regels[0].index("Code"), regels[0].index(REVISIE_KOP)
    return {r[code]: int(r[rev]) for r in regels[1:] if r[code] and isinstance(r[rev], (int, float))}


def sjabloon(projecten: dict[str, str], resultaten: list[dict], revisie: dict[str, int],
             regios: dict[str, str] | None = None) -> bytes:
    """The Excel template: Info (version, instructions, definitions), Projecten
    (the register with each project's revision), Resultaten (what is stored
    now, to be added to or corrected)."""
    import openpyxl
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = openpyxl.Workbook()
    info = wb.active
    info.title = d.BLAD_INFO
    vet = Font(bold=True)
    kopvulling = PatternFill("solid", fgColor="DCE8F2")
    regels = [
        ("Sjabloon monitor Werken aan Werk", None),
        ("sjabloonversie", d.SJABLOON_VERSIE),
        ("gemaakt op", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
        (None, None),
        ("Zo vult u het in", None),
        ("1.", "Vul op het blad 'Resultaten' per project en kwartaal één regel in. Kwartaal als 2024-Q2 of Q2 2024."),
        ("2.", "Cijfers zijn aantallen personen: hele getallen, 0 of meer. Niet bekend? Laat de cel leeg (leeg is "
               "niet 0)."),
        ("3.", "Staan er al cijfers? Dat is wat nu is opgeslagen. Verbeter ze gerust: de oude waarde blijft in de "
               "geschiedenis bewaard."),
        ("4.", "Liep een traject al vóór het eerste kwartaal dat u invult? Vul dan ook het kwartaal daarvoor in, "
               "met alleen 'Nog in traject' (de beginstand)."),
        ("5.", "Upload het bestand op de pagina 'Invoer monitor' of gebruik python -m etl.monitor import. Bevat het "
               "bestand een fout, dan wordt niets opgeslagen en hoort u welk blad, welke regel en welke kolom."),
        ("6.", "Wijzig het blad 'Projecten' niet: de revisie daar laat zien of iemand anders intussen hetzelfde "
               "project heeft gewijzigd."),
        (None, None),
        ("Definities", None),
        *[(label, uitleg) for label, uitleg in d.VELDEN.values()],
    ]
    for regel in regels:
        info.append(list(regel))
    for cel in ("A1", "A5", "A13"):
        info[cel].font = Font(bold=True, size=13 if cel == "A1" else 11)
    info.column_dimensions["A"].width = 26
    info.column_dimensions["B"].width = 110

    blad = wb.create_sheet(d.BLAD_PROJECTEN)
    blad.append(["Code", "Project", REVISIE_KOP, "Regio"])
    for code, naam in projecten.items():
        blad.append([code, naam, revisie.get(code, 0), (regios or {}).get(code, "")])
    for kolom, breedte in zip("ABCD", [34, 36, 24, 10], strict=False):
        blad.column_dimensions[kolom].width = breedte

    res = wb.create_sheet(d.BLAD_RESULTATEN, 0)
    res.append([KOP_LABEL[k] for k in d.KOLOMMEN])
    for r in resultaten:
        res.append([projecten[r["project_id"]], d.kwartaal_label(r["kwartaal"]), *[r.get(k) for k in d.VELDEN]])
    for i, breedte in enumerate([34, 12, 12, 12, 14, 20, 24, 16]):
        res.column_dimensions[chr(65 + i)].width = breedte
    for ws in (res, blad):
        for cel in ws[1]:
            cel.font, cel.fill = vet, kopvulling
        ws.freeze_panes = "A2"
    for cel in res["B"]:
        cel.number_format = "@"  # text: Excel must not turn Q2 2024 into a date
    keuze = DataValidation(type="list", formula1=f"={d.BLAD_PROJECTEN}!$B$2:$B${len(projecten) + 1}",
                           allow_blank=True, showErrorMessage=False)
    keuze.add("A2:A2000")
    if projecten:
        res.add_data_validation(keuze)
    wb.active = 0
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()

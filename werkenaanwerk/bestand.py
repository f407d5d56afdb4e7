"""Reading an uploaded monitor file (the Excel template or a CSV with the same
columns) into rows with their place (sheet, row, column), and writing the
template. Reading checks only what a file is; what the rows say is checked
in werkenaanwerk.validatie."""
from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime

from basis.fouten import Fout
from werkenaanwerk import definities as d
from werkenaanwerk.voortgang import getal

REVISIE = "revisie"   # the revision of the row's project the row was based on (the template fills it in)
REVISIE_KOP = "Revisie (niet wijzigen)"
KOPPEN = {"project": d.KOLOM_PROJECT, "kwartaal": d.KOLOM_KWARTAAL,
          **{label.casefold(): key for key, label in d.LABELS.items()}, **{key: key for key in d.VELDEN},
          REVISIE: REVISIE, REVISIE_KOP.casefold(): REVISIE}
KOP_LABEL = {d.KOLOM_PROJECT: "Project", d.KOLOM_KWARTAAL: "Kwartaal", **d.LABELS, REVISIE: REVISIE_KOP}


@dataclass
class Rij:
    plek: str        # "bestand.xlsx, blad 'Resultaten'"
    regel: int       # row number as the user sees it (Excel row, CSV line)
    waarden: dict    # column key -> raw cell value


@dataclass
class Ingelezen:
    rijen: list[Rij] = field(default_factory=list)
    basis: dict[str, int] | None = None   # project -> revision the template was made from (Excel only)
    # project -> (its programme as in the sheet Projecten, that sheet's row): read back, a change is stored
    programmas: dict[str, tuple[object, int]] = field(default_factory=dict)
    projectenblad: str = ""               # where that sheet is, for messages
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
        if any(v is not None for k, v in cellen.items() if k != REVISIE):
            rijen.append(Rij(plek, nummer, cellen))
    return rijen


def _lees_csv(naam: str, inhoud: bytes) -> Ingelezen:
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        tekst = inhoud.decode("cp1252", errors="replace")  # Dutch Excel saves CSV this way
    regels = tekst.splitlines()
    if len(regels) > d.MAX_RIJEN + 1:
        return Ingelezen(fouten=[_te_veel_regels(naam, len(regels), "het bestand")])
    scheiding = ";" if regels and regels[0].count(";") >= regels[0].count(",") else ","
    lezer = list(csv.reader(regels, delimiter=scheiding))
    index, fouten = _koppen(naam, lezer[0] if lezer else [])
    if REVISIE not in index.values():   # a CSV has no Projecten sheet: the revision is a column
        fouten.append(Fout(naam, 1, REVISIE_KOP, "deze kolom ontbreekt: een CSV zegt per regel van welke revisie "
                                                 "van het project hij uitgaat, zodat een nieuwere correctie van een "
                                                 "ander niet ongemerkt wordt overschreven. Maak de CSV van een nieuw "
                                                 "sjabloon (blad Resultaten opslaan als CSV); voor een nieuwe regel "
                                                 "staat de revisie op het blad Projecten"))
    if fouten:
        return Ingelezen(fouten=fouten)
    return Ingelezen(rijen=_rijen(naam, lezer[1:], index))


def _lees_excel(naam: str, inhoud: bytes) -> Ingelezen:
    """Read the Resultaten sheet of a workbook, streaming (openpyxl read_only), after checking what it
    unpacks to and how many rows it says it has: a small file that unpacks to millions of rows is refused
    before it is read. At most MAX_RIJEN rows and MAX_KOLOMMEN columns are ever parsed. A formula is
    refused with its cell: it would not be computed here, and an uncomputed formula must not be stored
    as an empty cell."""
    # imported here, not at the top: every etl.refresh imports this module, few runs read a workbook
    import openpyxl
    from openpyxl.utils import get_column_letter

    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
            if "xl/workbook.xml" not in z.namelist():
                raise zipfile.BadZipFile
            uitgepakt = sum(i.file_size for i in z.infolist())
            if uitgepakt > d.MAX_UITGEPAKT:
                return Ingelezen(fouten=[Fout(naam, None, None, f"de werkmap is uitgepakt {_mb(uitgepakt)} MB; de "
                                                                f"grens is {_mb(d.MAX_UITGEPAKT)} MB. Een monitorbestand "
                                                                f"heeft hooguit {getal(d.MAX_RIJEN)} regels: staat er "
                                                                "iets anders in dan de resultaten?")])
            meeste = max((_regels_in(z, i.filename) for i in z.infolist()
                          if i.filename.startswith("xl/worksheets/") and i.filename.endswith(".xml")), default=0)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, zlib.error):
        return Ingelezen(fouten=[Fout(naam, None, None, "dit is geen Excel-werkmap (.xlsx) en geen CSV-bestand.")])
    if meeste > d.MAX_RIJEN + 1:
        return Ingelezen(fouten=[_te_veel_regels(naam, meeste)])
    try:
        wb = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        return Ingelezen(fouten=[Fout(naam, None, None, "dit is geen Excel-werkmap (.xlsx) die te lezen is.")])
    try:
        if d.BLAD_INFO not in wb.sheetnames:
            return Ingelezen(fouten=[Fout(naam, None, None, f"het blad '{d.BLAD_INFO}' met de sjabloonversie "
                                                            "ontbreekt: dit is geen sjabloon van de monitor. Download "
                                                            "het sjabloon op de pagina Invoer monitor.")])
        versie = next((r[1] for r in wb[d.BLAD_INFO].iter_rows(max_row=100, max_col=2, values_only=True)
                       if len(r) > 1 and r[0] == "sjabloonversie"), None)
        if versie != d.SJABLOON_VERSIE:
            return Ingelezen(fouten=[Fout(f"{naam}, blad '{d.BLAD_INFO}'", None, "sjabloonversie",
                                          f"dit sjabloon heeft versie '{versie or 'onbekend'}'; het dashboard leest "
                                          f"alleen versie '{d.SJABLOON_VERSIE}'. Download een nieuw sjabloon en "
                                          "neem de cijfers daarin over.")])
        plek = f"{naam}, blad '{d.BLAD_RESULTATEN}'"
        if d.BLAD_RESULTATEN not in wb.sheetnames:
            return Ingelezen(fouten=[Fout(naam, None, None, f"het blad '{d.BLAD_RESULTATEN}' ontbreekt.")])
        regels = list(wb[d.BLAD_RESULTATEN].iter_rows(max_row=d.MAX_RIJEN + 2, max_col=d.MAX_KOLOMMEN, values_only=True))
        # read without cached values, a formula is its text: "=..." (a text typed as '=... is refused too)
        fouten = [Fout(plek, n, None, f"cel {get_column_letter(i)}{n} bevat een formule ({waarde[:40]}); vul de "
                                      "waarde zelf in. Formules worden niet uitgerekend en niet opgeslagen")
                  for n, rij in enumerate(regels, start=1) for i, waarde in enumerate(rij, start=1)
                  if isinstance(waarde, str) and waarde.startswith("=")]
        if len(regels) > d.MAX_RIJEN + 1:
            return Ingelezen(fouten=[_te_veel_regels(plek, None, "het blad")])
        if fouten:
            return Ingelezen(fouten=fouten)
        index, fouten = _koppen(plek, list(regels[0]) if regels else [])
        if fouten:
            return Ingelezen(fouten=fouten)
        basis, programmas = _projecten_blad(wb)
        return Ingelezen(rijen=_rijen(plek, regels[1:], index), basis=basis, programmas=programmas,
                         projectenblad=f"{naam}, blad '{d.BLAD_PROJECTEN}'")
    finally:
        wb.close()


_RIJ = re.compile(rb"<(?:\w+:)?row[\s/>]")


def _regels_in(z: zipfile.ZipFile, naam: str) -> int:
    """The rows of a worksheet, counted in its XML as it is unpacked (bounded by MAX_UITGEPAKT, no parsing):
    openpyxl would scan a sheet without a <dimension> in full before the first row is read."""
    n, rest = 0, b""
    with z.open(naam) as fh:
        while blok := fh.read(1 << 20):
            stuk = rest + blok
            n += len(_RIJ.findall(stuk)) - len(_RIJ.findall(rest))   # a match in the carried tail counted once
            rest = stuk[-32:]
    return n


def _te_veel_regels(plek: str, n: int | None, wat: str = "een werkblad") -> Fout:
    """n: the lines including the header (None: more than the limit, not counted further)."""
    hoeveel = f"{getal(n)} regels" if n else f"meer dan {getal(d.MAX_RIJEN + 1)} regels"
    return Fout(plek, None, None, f"{wat} heeft {hoeveel}; de grens is {getal(d.MAX_RIJEN)} regels met resultaten "
                                  "en een kopregel. Lever de resultaten per project en kwartaal aan, zonder andere "
                                  "gegevens.")


def _projecten_blad(wb) -> tuple[dict[str, int], dict[str, tuple[object, int]]]:
    """From the sheet Projecten: the revision of each project when the template was made, and each project's
    programme as the sheet has it now (with its row; checked and compared with the register on import)."""
    if d.BLAD_PROJECTEN not in wb.sheetnames:
        return {}, {}
    regels = list(wb[d.BLAD_PROJECTEN].iter_rows(max_row=d.MAX_RIJEN + 1, max_col=d.MAX_KOLOMMEN, values_only=True))
    if not regels or "Code" not in regels[0]:
        return {}, {}
    code = regels[0].index("Code")
    basis = {}
    if REVISIE_KOP in regels[0]:
        rev = regels[0].index(REVISIE_KOP)
        basis = {r[code]: int(r[rev]) for r in regels[1:]
                 if len(r) > max(code, rev) and isinstance(r[code], str) and isinstance(r[rev], (int, float))
                 and not isinstance(r[rev], bool) and float(r[rev]).is_integer() and 0 <= r[rev] < 2**62}
    programmas = {}
    if d.KOP_PROGRAMMA in regels[0]:
        prog = regels[0].index(d.KOP_PROGRAMMA)
        programmas = {r[code]: (r[prog] if len(r) > prog else None, n) for n, r in enumerate(regels[1:], start=2)
                      if len(r) > code and isinstance(r[code], str)}
    return basis, programmas


def sjabloon(projecten: dict[str, str], resultaten: list[dict], revisie: dict[str, int],
             regios: dict[str, str] | None = None, programmas: dict[str, str] | None = None) -> bytes:
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
        ("6.", "Wijzig het blad 'Projecten' en de kolom 'Revisie' niet: de revisie laat zien of iemand anders "
               "intussen hetzelfde project heeft gewijzigd. Levert u een CSV aan (blad Resultaten opslaan als CSV), "
               "vul dan bij een nieuwe regel de revisie van het project in (blad Projecten)."),
        ("7.", "Valt een project onder een ander programma? Wijzig dan op het blad 'Projecten' de kolom "
               "'Programma'; bij het inlezen wordt dat opgeslagen (met wie en wanneer, zoals elke wijziging)."),
        (None, None),
        ("Definities", None),
        *[(label, uitleg) for label, uitleg in d.VELDEN.values()],
    ]
    for regel in regels:
        info.append(list(regel))
    for cel in ("A1", "A5", "A14"):
        info[cel].font = Font(bold=True, size=13 if cel == "A1" else 11)
    info.column_dimensions["A"].width = 26
    info.column_dimensions["B"].width = 110

    blad = wb.create_sheet(d.BLAD_PROJECTEN)
    blad.append(["Code", "Project", REVISIE_KOP, "Regio", d.KOP_PROGRAMMA])
    for code, naam in projecten.items():
        blad.append([code, naam, revisie.get(code, 0), (regios or {}).get(code, ""),
                     (programmas or {}).get(code) or d.PROGRAMMA])
    for kolom, breedte in zip("ABCDE", [34, 36, 24, 10, 30], strict=False):
        blad.column_dimensions[kolom].width = breedte

    res = wb.create_sheet(d.BLAD_RESULTATEN, 0)
    res.append([KOP_LABEL[k] for k in d.KOLOMMEN] + [REVISIE_KOP])
    for r in resultaten:
        res.append([projecten[r["project_id"]], d.kwartaal_label(r["kwartaal"]), *[r.get(k) for k in d.VELDEN],
                    revisie.get(r["project_id"], 0)])
    for i, breedte in enumerate([34, 12, 12, 12, 14, 20, 24, 16, 24]):
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

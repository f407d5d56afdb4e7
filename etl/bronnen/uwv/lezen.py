"""Reading a UWV file safely: size and xlsx-bomb limits before anything is
parsed, formulas refused, CSV with ',' or ';'. Gives the cells as text per
sheet with row numbers; layouts (long or as UWV prints them) are recognised
in etl/bronnen/uwv/vormen.py."""
from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass

from basis.fouten import Fout

MAX_BYTES = 10 * 1024 * 1024            # a file over 10 MB is refused unread
MAX_UITGEPAKT = 60 * 1024 * 1024        # an xlsx whose parts unpack to more than this is refused unread
MAX_RIJEN = 100_000                     # rows per sheet; counted from the sheet's dimension, then while reading
MAX_CELLEN = 2_000_000                  # cells over all sheets


@dataclass
class Blad:
    """One sheet (or the CSV) as text cells, each row with its 1-based row number."""
    naam: str | None                     # None for a CSV
    rijen: list[tuple[int, list[str]]]   # (row number, cells as text)


class LeesFout(Exception):
    def __init__(self, fouten: list[Fout]):
        super().__init__("\n".join(f.tekst() for f in fouten))
        self.fouten = fouten


def plek(bestand: str, blad: str | None) -> str:
    return f"{bestand}, blad '{blad}'" if blad else bestand


def lees(naam: str, inhoud: bytes) -> list[Blad]:
    """The sheets of a .csv or .xlsx file as text; LeesFout (Dutch, naming file/sheet/row/column) when the
    file is too big, empty, not a table, holds a formula, or would unpack beyond the limits."""
    if len(inhoud) > MAX_BYTES:
        raise LeesFout([Fout(naam, None, None, f"bestand is {len(inhoud) / 1024 / 1024:.1f} MB; "
                                               f"het maximum is {MAX_BYTES // 1024 // 1024} MB".replace(".", ","))])
    if not inhoud.strip():
        raise LeesFout([Fout(naam, None, None, "bestand is leeg; verwacht een UWV-tabel of het sjabloon "
                                               "(kolommen regio, periode, tabel, kenmerk, categorie, maat, waarde, "
                                               "bron, peildatum)")])
    laag = naam.lower()
    if laag.endswith(".xlsx") or inhoud[:4] == b"PK\x03\x04":
        return _xlsx(naam, inhoud)
    if laag.endswith((".csv", ".txt")):
        return [_csv(naam, inhoud)]
    raise LeesFout([Fout(naam, None, None, "geen CSV- of Excelbestand (.csv of .xlsx)")])


def _csv(naam: str, inhoud: bytes) -> Blad:
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        tekst = inhoud.decode("cp1252", errors="replace")
    regels = ["" if r.lstrip().startswith("#") else r for r in tekst.splitlines()]  # '#': a comment line
    kop = next((r for r in regels if r.strip()), "")
    scheiding = ";" if kop.count(";") > kop.count(",") else ","
    rijen = []
    for nr, cellen in enumerate(csv.reader(regels, delimiter=scheiding), start=1):
        if nr > MAX_RIJEN:
            raise LeesFout([Fout(naam, nr, None, f"meer dan {MAX_RIJEN:,} regels".replace(",", "."))])
        for i, c in enumerate(cellen):
            if c.strip().startswith("="):
                raise LeesFout([Fout(naam, nr, _kolomletter(i), f"formule in een cel ({c.strip()[:30]!r}); "
                                                               "verwacht alleen waarden")])
        rijen.append((nr, [c.strip() for c in cellen]))
    return Blad(None, rijen)


def _kolomletter(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def _xlsx(naam: str, inhoud: bytes) -> list[Blad]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(inhoud))
        uitgepakt = sum(i.file_size for i in zf.infolist())
    except zipfile.BadZipFile:
        raise LeesFout([Fout(naam, None, None, "geen geldig Excelbestand (.xlsx): het bestand is beschadigd")]) from None
    if uitgepakt > MAX_UITGEPAKT:  # decided on the zip directory alone: nothing is unpacked
        raise LeesFout([Fout(naam, None, None, f"het Excelbestand pakt uit tot {uitgepakt // 1024 // 1024} MB; "
                                               f"het maximum is {MAX_UITGEPAKT // 1024 // 1024} MB. Is het echt een "
                                               "UWV-tabel?")])
    import openpyxl
    try:
        wb = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on a broken file
        raise LeesFout([Fout(naam, None, None, f"geen geldig Excelbestand (.xlsx): {type(exc).__name__}")]) from None
    bladen, cellen_totaal = [], 0
    try:
        for ws in wb.worksheets:
            max_rij, max_kol = ws.max_row or 0, ws.max_column or 0
            if max_rij > MAX_RIJEN or max_rij * max_kol > MAX_CELLEN:
                raise LeesFout([Fout(plek(naam, ws.title), None, None,
                                     f"het blad is {max_rij:,} regels bij {max_kol} kolommen groot; het maximum is "
                                     f"{MAX_RIJEN:,} regels en {MAX_CELLEN:,} cellen".replace(",", "."))])
            rijen = []
            for nr, rij in enumerate(ws.iter_rows(), start=1):
                if nr > MAX_RIJEN:
                    raise LeesFout([Fout(plek(naam, ws.title), nr, None,
                                         f"meer dan {MAX_RIJEN:,} regels".replace(",", "."))])
                cellen_totaal += len(rij)
                if cellen_totaal > MAX_CELLEN:
                    raise LeesFout([Fout(plek(naam, ws.title), nr, None,
                                         f"meer dan {MAX_CELLEN:,} cellen".replace(",", "."))])
                rijen.append((nr, [_cel(naam, ws.title, nr, i, c) for i, c in enumerate(rij)]))
            bladen.append(Blad(ws.title, rijen))
    finally:
        wb.close()
    return bladen


def _cel(naam: str, blad: str, nr: int, i: int, cel) -> str:
    waarde = getattr(cel, "value", None)
    if waarde is None:
        return ""
    if getattr(cel, "data_type", None) == "f" or (isinstance(waarde, str) and waarde.startswith("=")):
        raise LeesFout([Fout(plek(naam, blad), nr, _kolomletter(i),
                             f"formule in een cel ({str(waarde)[:30]!r}); verwacht alleen waarden "
                             "(plak de cijfers als waarden)")])
    if isinstance(waarde, bool):
        return str(waarde)
    if isinstance(waarde, int | float):
        formaat = getattr(cel, "number_format", "") or ""
        if "%" in formaat:  # a cell formatted as percentage holds 0.14 for 14%
            waarde = round(waarde * 100, 6)
        if float(waarde).is_integer():
            return str(int(waarde))
        return repr(float(waarde)).replace(".", ",")  # a real decimal: written the Dutch way, never ambiguous
    if hasattr(waarde, "strftime"):
        return waarde.strftime("%Y-%m")
    return str(waarde).strip()

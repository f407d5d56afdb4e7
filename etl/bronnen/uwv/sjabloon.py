"""The downloadable Excel template of the long layout: one sheet 'Cijfers' with the header and three example
rows (real figures of the default region from our own Bijlage 1 transcription in data/raw/seed; the analyst
replaces them), one sheet 'Uitleg' with the contract."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from basis import instellingen as settings
from basis.referentie import standaard_regio
from etl.bronnen.uwv.controle import KENMERKEN, MATEN, TABELLEN
from etl.bronnen.uwv.vormen import KOLOMMEN

UITLEG = [
    ("regio", "arbeidsmarktregiocode (zoals in data/raw/referentie/regios.csv) of NL01 voor Nederland / "
              "alle regio's"),
    ("periode", "2025-Q2 (kwartaal), 2025-09 (maand) of 2025 (jaar); niet in de toekomst"),
    ("tabel", "een van: " + ", ".join(TABELLEN)),
    ("kenmerk", "bij ww_kenmerken: " + ", ".join(KENMERKEN["ww_kenmerken"]) + "; bij ww_beroepsklasse "
                "eventueel verstreken_duur (= WW-uitkeringen korter dan 6 maanden); anders leeg"),
    ("categorie", "een naam uit de referentielijsten (bijv. Managers, Zorg en welzijn beroepen, MBO-4) of Totaal"),
    ("maat", ", ".join(MATEN)),
    ("waarde", "een getal: 1657, 1.657, 14%, -4%, 2,5. Een punt scheidt duizendtallen (2.000 = 2000); een "
               "decimaal schrijf je met een komma. Onderdrukt: -, *, <10 of leeg (wordt leeg, nooit 0)"),
    ("bron", "vrije tekst, bijv. UWV"),
    ("peildatum", "vrije tekst, bijv. september 2025"),
]


# (seed file, tabel in the long layout, categorie): Tabel 5 and 6 as examples
VOORBEELDEN = [("vacatures_beroepsklasse.csv", "vacatures_beroepsklasse", "Managers"),
               ("vacatures_beroepsklasse.csv", "vacatures_beroepsklasse", "Totaal"),
               ("ww_beroepsklasse.csv", "ww_beroepsklasse", "Managers")]


def _duizendtallen(waarde: str) -> str:
    """'4950' -> '4.950': the examples show the Dutch thousands separator the importer reads."""
    return f"{int(float(waarde)):,}".replace(",", ".")


def voorbeelden(raw: Path | None = None) -> list[list[str]]:
    """The example rows: the default region's printed counts from the seed transcription."""
    raw = Path(raw or settings.raw_dir())
    regio, uit = standaard_regio(raw), []
    for bestand, tabel, categorie in VOORBEELDEN:
        with open(raw / "seed" / bestand, encoding="utf-8-sig", newline="") as fh:
            r = next((r for r in csv.DictReader(fh) if r["regio"] == regio and r["categorie"] == categorie
                      and r["maat"] == "aantal" and r["waarde"]), None)
        if r is not None:
            uit.append([r["regio"], r["periode"], tabel, "", categorie, "aantal", _duizendtallen(r["waarde"]),
                        r["bron"], r["peildatum"]])
    return uit


def sjabloon() -> bytes:
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Cijfers"
    ws.append(KOLOMMEN)
    for c in ws[1]:
        c.font = Font(bold=True)
    for rij in voorbeelden():
        ws.append(rij)
    for kol, breedte in zip("ABCDEFGHI", [8, 10, 24, 16, 40, 12, 10, 10, 16], strict=True):
        ws.column_dimensions[kol].width = breedte
    uitleg = wb.create_sheet("Uitleg")
    uitleg.append(["kolom", "wat erin staat"])
    for rij in UITLEG:
        uitleg.append(list(rij))
    uitleg.append([])
    uitleg.append(["", "De voorbeeldregels op het blad Cijfers zijn echte cijfers uit Bijlage 1 (Tabel 5 en 6); "
                       "vervang ze door de nieuwe cijfers."])
    uitleg.column_dimensions["A"].width = 12
    uitleg.column_dimensions["B"].width = 110
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()

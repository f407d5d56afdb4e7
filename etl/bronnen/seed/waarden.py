"""The values of the seed transcriptions, checked when they are read (before anything is loaded):
coded columns against their allowed codes, every number against its maat's range
(etl/bronnen/gemeenschappelijk/grenzen.py), no number that could mean two things, and no region
with more than the whole country. The files write decimals with a point (40.5) and no thousands
separator, so '2.000' in a count and '1.300' in a percentage are refused as ambiguous instead of
becoming 2 and 1,3%."""
from __future__ import annotations

import re

from basis.fouten import Fout
from etl.bronnen.gemeenschappelijk import grenzen
from etl.bronnen.gemeenschappelijk.grenzen import DIMENSIES, EENHEDEN, MATEN, buiten_bereik, onbekende_code

GETAL = re.compile(r"-?\d+(\.\d+)?")
DUIZENDTALLEN = re.compile(r"-?[1-9]\d{0,2}(\.\d{3})+")   # 2.000, 1.300, 1.034.173
CODES = {"maat": MATEN, "dimensie": DIMENSIES, "eenheid": EENHEDEN}


def waarde_fout(tekst: str, maat: str) -> str | None:
    """Why the text of a value cannot be a `maat`, or None (also for an empty value: no figure)."""
    t = tekst.strip()
    if not t or maat not in MATEN:
        return None
    heel = MATEN[maat][2]
    if heel and "." in t and GETAL.fullmatch(t.replace(".", "")):
        return (f"'{t}' is dubbelzinnig: een {maat} is een heel getal, dus de punt is een scheiding van "
                f"duizendtallen of een vergissing; schrijf het getal zonder punt (bijv. {t.replace('.', '')})")
    if not heel and DUIZENDTALLEN.fullmatch(t):
        heel_getal, _, decimalen = t.partition(".")
        decimaal = f"{heel_getal}.{decimalen.rstrip('0') or '0'} voor een decimaal of " if t.count(".") == 1 else ""
        return (f"'{t}' is dubbelzinnig bij een {maat}: de punt kan een decimaalteken of een scheiding van "
                f"duizendtallen zijn; schrijf {decimaal}{t.replace('.', '')} zonder punt")
    if not GETAL.fullmatch(t):
        return (f"'{t}' is geen getal; verwacht bijvoorbeeld 1657 of 40.5 (punt als decimaalteken, geen "
                "duizendtallenscheiding, leeg als de bron geen waarde geeft)")
    if maat == "aantal" and t.startswith("-"):
        return (f"aantal {t} is negatief; een aantal is 0 of meer (groei en mutaties horen in maat groei_absoluut "
                "of jaarmutatie)")
    return buiten_bereik(maat, float(t), t)


def controleer(rows: list[dict]) -> list[Fout]:
    """Every coded column and every value of the rows (text, with their bestand and line number)."""
    fouten = []
    for row in rows:
        for kolom, toegestaan in CODES.items():
            code = row[kolom].strip()
            if code and code not in toegestaan:
                fouten.append(Fout(row["bestand"], row["regel"], kolom, onbekende_code(kolom, code, toegestaan)))
        melding = waarde_fout(row["waarde"], row["maat"].strip())
        if melding:
            fouten.append(Fout(row["bestand"], row["regel"], "waarde", melding))
    return fouten


def boven_landelijk(rows: list[dict], land: str | None) -> list[Fout]:
    """A region's count above the country's count of the same figure (indicator, period, dimension,
    category, unit), over the rows of every file together."""
    if not land:
        return []

    def sleutel(row):
        return tuple(row[k].strip() for k in ("indicator", "periode", "dimensie", "categorie", "eenheid"))

    def aantal(row):
        t = row["waarde"].strip()
        return float(t) if row["maat"].strip() == "aantal" and GETAL.fullmatch(t) else None

    landelijk = {}
    for row in rows:
        if row["regio"].strip() == land and aantal(row) is not None:
            landelijk[sleutel(row)] = (aantal(row), row["bestand"], row["regel"])
    fouten = []
    for row in rows:
        waarde, ref = aantal(row), landelijk.get(sleutel(row))
        if row["regio"].strip() != land and waarde is not None and ref and waarde > ref[0]:
            fouten.append(Fout(row["bestand"], row["regel"], "waarde",
                               grenzen.boven_landelijk(waarde, row["regio"].strip(), ref[0], f"{ref[1]}, regel {ref[2]}")))
    return fouten

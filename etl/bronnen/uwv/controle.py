"""Validate the cells of a UWV file and turn them into facts in the seed's long
shape (regio, periode, periode_type, indicator, dimensie, categorie, maat,
waarde, eenheid, kwalificatie, bron, peildatum). Every error names file,
sheet, row and column in Dutch; one error refuses the whole file.

Numbers (Dutch): '1.657' and '1.034.173' are thousands (a dot followed by
groups of exactly three digits), '2,5' and '40,5%' have a decimal comma. So
'2.000' is 2000. A dot that is not a thousands separator ('2.5') is
ambiguous in a Dutch file and refused, as is '2.000' as a share or
jaarmutatie (is it 2 or 2000 percent?): write '2,5' or '2000'.
Suppressed or empty cells ('-', '*', '<10', 'x', '.', blank) become null with
the reason in kwalificatie; never 0. Every number must lie in its maat's range
(etl/bronnen/gemeenschappelijk/grenzen.py: a count at most 20.000.000, a
jaarmutatie from -100% to 1000%, at most 15 digits, never inf)."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from basis.fouten import Fout
from etl.bronnen.gemeenschappelijk import grenzen
from etl.bronnen.uwv.vormen import Cel

TABELLEN = {  # tabel -> (indicator, dimensie, eenheid of a count)
    "gwu_opleiding": ("gwu", "opleidingsniveau", "personen"),
    "gwu_leeftijd": ("gwu", "leeftijd", "personen"),
    "gwu_uitkering": ("gwu", "uitkering", "personen"),
    "ww_kenmerken": ("ww_uitkeringen", None, "uitkeringen"),   # dimensie = kenmerk; Totaal: 'totaal'
    "ww_beroepsklasse": ("ww_uitkeringen", "beroepsklasse", "uitkeringen"),
    "vacatures_beroepsklasse": ("openstaande_vacatures", "beroepsklasse", "vacatures"),
}
KENMERKEN = {"ww_kenmerken": ["geslacht", "leeftijd", "verstreken_duur", "opleidingsniveau"],
             "ww_beroepsklasse": ["verstreken_duur"]}
KORT = "ww_uitkeringen_kort"  # ww_beroepsklasse with kenmerk verstreken_duur: WW shorter than 6 months
MATEN = ["aantal", "aandeel", "jaarmutatie"]
ONDERDRUKT = re.compile(r"^(-|–|\*|x|\.|<\s*\d+|n\.?v\.?t\.?|geheim)$", re.IGNORECASE)
AANDEEL_TOLERANTIE = 1.0


@dataclass
class Feit:
    regio: str
    periode: str
    periode_type: str
    indicator: str
    dimensie: str
    categorie: str
    maat: str
    waarde: float | None
    eenheid: str
    kwalificatie: str
    bron: str
    peildatum: str
    tabel: str
    plek: str
    regel: int
    kolom: str


def getal(tekst: str, maat: str) -> tuple[float | None, str | None, str | None]:
    """(value, suppression reason, error) for one Dutch number as text."""
    t = tekst.strip().replace("\u00a0", "").replace(" ", "")
    if t == "":
        return None, "leeg", None
    if ONDERDRUKT.match(t):
        return None, f"onderdrukt: {t}", None
    procent = t.endswith("%")
    if procent:
        t = t[:-1]
        if maat == "aantal":
            return None, None, f"'{tekst}' is een percentage; een aantal is een heel getal"
    if not re.fullmatch(r"[+-]?[0-9.,]+", t) or not re.search(r"[0-9]", t):
        return None, None, f"'{tekst}' is geen getal; verwacht bijv. 1657, 1.657, 14%, -4% of 2,5"
    if "," in t and "." in t:
        if not re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+,\d+", t):
            return None, None, f"'{tekst}' is geen Nederlands getal; verwacht bijv. 1.234,5"
        t = t.replace(".", "").replace(",", ".")
    elif "," in t:
        if not re.fullmatch(r"[+-]?\d+,\d+", t):
            return None, None, f"'{tekst}' is geen getal; verwacht een decimaalkomma zoals 2,5"
        t = t.replace(",", ".")
    elif "." in t:
        if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+", t):
            if maat != "aantal":
                return None, None, (f"'{tekst}' is dubbelzinnig bij een {maat}: een punt is in een Nederlands "
                                    "bestand een scheiding van duizendtallen; schrijf een decimaal met een komma "
                                    "(2,5) of het getal zonder punt")
            t = t.replace(".", "")
        else:
            return None, None, (f"'{tekst}' is dubbelzinnig: een punt is hier geen scheiding van duizendtallen "
                                "(groepen van drie cijfers); schrijf een decimaal met een komma (2,5)")
    waarde = float(t)
    if not math.isfinite(waarde) or sum(ch.isdigit() for ch in t) > grenzen.MAX_CIJFERS:   # 400 digits: inf
        return None, None, grenzen.buiten_bereik(maat, waarde, tekst.strip())
    if maat == "aantal" and not waarde.is_integer():
        return None, None, f"'{tekst}' is geen heel getal; een aantal is een heel getal"
    return waarde, None, None


def periode_type(periode: str) -> tuple[str | None, date | None]:
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", periode):
        return "kwartaal", date(int(m.group(1)), 3 * int(m.group(2)) - 2, 1)
    if m := re.fullmatch(r"(\d{4})-(0[1-9]|1[0-2])", periode):
        return "maand", date(int(m.group(1)), int(m.group(2)), 1)
    if re.fullmatch(r"\d{4}", periode):
        return "jaar", date(int(periode), 1, 1)
    return None, None


def controleer(cellen: list[Cel], regios: set[str], categorieen: dict[tuple[str, str], dict[str, str]],
               vandaag: date | None = None, land: str | None = None) -> tuple[list[Feit], list[Fout], list[str]]:
    """Facts, errors and notes (a Totaal that differs from its rows is kept and noted, not refused).
    `categorieen`: (tabel, kenmerk) -> lower-case name -> name as in the reference list; `land`: the
    country's region code (regios.csv, soort land), whose counts no region may exceed."""
    vandaag = vandaag or date.today()
    feiten, fouten, notities = [], [], []
    gezien: dict[tuple, int] = {}
    for c in cellen:
        def fout(kolom, melding, c=c):
            fouten.append(Fout(c.plek, c.regel, kolom, melding))
        if not any([c.regio, c.periode, c.tabel, c.categorie, c.maat, c.waarde]):
            continue
        regio = c.regio.strip().upper()
        if regio not in regios:
            fout("regio", f"onbekende regio '{c.regio}'; verwacht een arbeidsmarktregiocode (AM01-AM38, zie "
                          "data/raw/referentie/regios.csv) of NL01")
            continue
        ptype, pdatum = periode_type(c.periode.strip())
        if ptype is None:
            fout("periode", f"periode '{c.periode}' onleesbaar; verwacht 2025-Q2, 2025-09 of 2025")
            continue
        if pdatum > vandaag:
            fout("periode", f"periode '{c.periode}' ligt in de toekomst")
            continue
        tabel = c.tabel.strip().lower()
        if tabel not in TABELLEN:
            fout("tabel", f"onbekende tabel '{c.tabel}'; verwacht een van {', '.join(TABELLEN)}")
            continue
        kenmerk = c.kenmerk.strip().lower()
        categorie_in = " ".join(c.categorie.split())
        is_totaal = categorie_in.lower() == "totaal"
        if kenmerk and kenmerk not in KENMERKEN.get(tabel, []):
            toegestaan = KENMERKEN.get(tabel)
            fout("kenmerk", f"onbekend kenmerk '{c.kenmerk}' bij {tabel}; verwacht "
                            + (" of ".join(toegestaan) + (" of leeg" if tabel == "ww_beroepsklasse" else "")
                               if toegestaan else "een leeg veld"))
            continue
        if tabel == "ww_kenmerken" and not kenmerk and not is_totaal:
            fout("kenmerk", "kenmerk ontbreekt; verwacht geslacht, leeftijd, verstreken_duur of opleidingsniveau "
                            "(alleen de regel Totaal heeft geen kenmerk)")
            continue
        lijst_kenmerk = kenmerk if tabel == "ww_kenmerken" else ""
        lijst = categorieen.get((tabel, lijst_kenmerk), {})
        if is_totaal:
            categorie = "Totaal"
        elif categorie_in.lower().replace(" ", "") in {k.replace(" ", ""): k for k in lijst}:
            categorie = lijst[{k.replace(" ", ""): k for k in lijst}[categorie_in.lower().replace(" ", "")]]
        else:
            soort = "beroepsklasse" if tabel.endswith("beroepsklasse") else TABELLEN[tabel][1] or kenmerk
            fout("categorie", f"onbekende {soort} '{c.categorie}'; verwacht een naam uit de referentielijst "
                              f"({', '.join(list(lijst.values())[:4])}, ...) of Totaal")
            continue
        maat = c.maat.strip().lower()
        if maat not in MATEN:
            fout("maat", f"onbekende maat '{c.maat}'; verwacht aantal, aandeel of jaarmutatie")
            continue
        waarde, reden, probleem = getal(c.waarde, maat)
        if probleem:
            fout(c.kolom, probleem)
            continue
        if maat == "aantal" and waarde is not None and waarde < 0:
            fout(c.kolom, f"negatief aantal ({c.waarde}); een aantal is 0 of meer")
            continue
        if maat == "aandeel" and waarde is not None and not 0 <= waarde <= 100:
            fout(c.kolom, f"aandeel {c.waarde} ligt niet tussen 0% en 100%")
            continue
        if waarde is not None and (probleem := grenzen.buiten_bereik(maat, waarde, c.waarde.strip())):
            fout(c.kolom, probleem)
            continue
        sleutel = (regio, c.periode.strip(), tabel, kenmerk, categorie, maat)
        if sleutel in gezien:
            fout("categorie", f"dubbele sleutel: {regio} {c.periode} {tabel} {kenmerk or ''} '{categorie}' {maat} "
                              f"staat ook op regel {gezien[sleutel]}".replace("  ", " "))
            continue
        gezien[sleutel] = c.regel
        indicator, dimensie, eenheid = TABELLEN[tabel]
        if tabel == "ww_kenmerken":
            dimensie = kenmerk or "totaal"
        if tabel == "ww_beroepsklasse" and kenmerk == "verstreken_duur":
            indicator = KORT
        feiten.append(Feit(regio, c.periode.strip(), ptype, indicator, dimensie, categorie, maat, waarde,
                           eenheid if maat == "aantal" else "procent", reden or "",
                           c.bron.strip() or "UWV", c.peildatum.strip() or c.periode.strip(), tabel,
                           c.plek, c.regel, c.kolom))
    if not fouten:
        fouten += _aandelen(feiten) + _boven_landelijk(feiten, land)
        notities += _totalen(feiten)
    return feiten, fouten, notities


def _groep(f: Feit) -> tuple:
    return (f.regio, f.periode, f.tabel, f.indicator, f.dimensie)


def _aandelen(feiten: list[Feit]) -> list[Fout]:
    """A printed share more than 1 procentpunt off count/total: refused (region and national columns swapped
    show up here too)."""
    aantallen = {(_groep(f), f.categorie): f.waarde for f in feiten if f.maat == "aantal" and f.waarde is not None}
    totalen = {g: w for (g, cat), w in aantallen.items() if cat == "Totaal"}
    algemeen = {(g[0], g[1], g[2], g[3]): w for g, w in totalen.items() if g[4] == "totaal"}
    uit = []
    for f in feiten:
        if f.maat != "aandeel" or f.waarde is None or f.categorie == "Totaal":
            continue
        g = _groep(f)
        n, t = aantallen.get((g, f.categorie)), totalen.get(g, algemeen.get(g[:4]))
        if n is None or not t:
            continue
        berekend = 100 * n / t
        if abs(berekend - f.waarde) > AANDEEL_TOLERANTIE:
            uit.append(Fout(f.plek, f.regel, f.kolom,
                            f"aandeel {_nl(f.waarde)}% wijkt {_nl(abs(berekend - f.waarde), 1)} procentpunt af van "
                            f"aantal/totaal ({_nl(n)} / {_nl(t)} = {_nl(berekend, 1)}%); verwacht hooguit 1 "
                            "procentpunt verschil. Staan de kolommen van regio en Nederland verwisseld?"))
    return uit


def _boven_landelijk(feiten: list[Feit], land: str | None) -> list[Fout]:
    """A region's count above the country's count of the same figure in the same file."""
    def sleutel(f):
        return f.periode, f.tabel, f.indicator, f.dimensie, f.categorie
    landelijk = {sleutel(f): f for f in feiten if f.regio == land and f.maat == "aantal" and f.waarde is not None}
    return [Fout(f.plek, f.regel, f.kolom, grenzen.boven_landelijk(f.waarde, f.regio, n.waarde, f"regel {n.regel}"))
            for f in feiten if f.regio != land and f.maat == "aantal" and f.waarde is not None
            and (n := landelijk.get(sleutel(f))) and f.waarde > n.waarde]


def _totalen(feiten: list[Feit]) -> list[str]:
    som: dict[tuple, float] = {}
    totaal: dict[tuple, Feit] = {}
    for f in feiten:
        if f.maat != "aantal" or f.waarde is None:
            continue
        if f.categorie == "Totaal":
            totaal[_groep(f)] = f
        else:
            som[_groep(f)] = som.get(_groep(f), 0) + f.waarde
    uit = []
    for g, t in totaal.items():
        if g in som and som[g] != t.waarde:
            uit.append(f"{t.plek}, regel {t.regel}: Totaal {_nl(t.waarde)} wijkt af van de som van de regels "
                       f"({_nl(som[g])}) bij {g[0]} {g[1]} {g[2]}; overgenomen zoals geleverd")
    return uit


def _nl(x: float, dec: int = 0) -> str:
    if dec == 0 and float(x).is_integer():
        return f"{int(x):,}".replace(",", ".")
    return f"{x:,.{dec or 1}f}".replace(",", "X").replace(".", ",").replace("X", ".")

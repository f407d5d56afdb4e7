"""The two accepted layouts of a UWV file, recognised from the header:

(b) the long layout (the contract with analysts; CSV or the Excel template):
    regio, periode, tabel, kenmerk, categorie, maat, waarde, bron, peildatum
(a) the tables as UWV prints them (Bijlage 1 Tabel 1, 2, 3, 5, 6; Tabel 3 in _kenmerken): period columns
    (Jaar + Maand, or Periode), a label column (Opleidingsniveau, Leeftijd,
    Uitkering, Beroepsklasse), then per region a count column (its header or
    the row above names the region by name or code (e.g. 'Gooi en Vechtstreek'),
    'Nederland', "Alle regio's") optionally followed by 'Aandeel', a Totaal
    row, 'Bron: UWV' under the table.

Both give the same cells: one `Cel` per value, with where it came from."""
from __future__ import annotations

import re
from dataclasses import dataclass

from basis.fouten import Fout
from etl.bronnen.uwv.lezen import Blad, _kolomletter, plek

KOLOMMEN = ["regio", "periode", "tabel", "kenmerk", "categorie", "maat", "waarde", "bron", "peildatum"]

MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"]
MAAND_KORT = {m[:3]: i + 1 for i, m in enumerate(MAANDEN)}

LABELS = {  # label column header of a printed table -> table kind (beroepsklasse: decided by the title)
    "opleidingsniveau": "gwu_opleiding",
    "leeftijd": "gwu_leeftijd",
    "uitkering": "gwu_uitkering",
    "beroepsklasse": None,
}
NATIONAAL = {"nederland", "alle regio's", "alle regios", "landelijk"}


@dataclass
class Cel:
    """One value of a UWV file, as text, with its place."""
    regio: str
    periode: str
    tabel: str
    kenmerk: str
    categorie: str
    maat: str
    waarde: str
    bron: str
    peildatum: str
    plek: str            # file (and sheet)
    regel: int
    kolom: str           # column name (long layout) or letter (printed layout)


class VormFout(Exception):
    def __init__(self, fouten: list[Fout]):
        super().__init__("\n".join(f.tekst() for f in fouten))
        self.fouten = fouten


def cellen(naam: str, bladen: list[Blad], regios: dict[str, str]) -> tuple[list[Cel], str]:
    """Every value cell of the file and the layout name ('lang' or 'uwv'). `regios`: lower-case name or code
    -> code. Raises VormFout when no sheet is a table of a known kind."""
    uit, vormen, fouten = [], set(), []
    for blad in bladen:
        rijen = [(nr, r) for nr, r in blad.rijen if any(c.strip() for c in r)]
        if not rijen:
            continue
        kop = [c.strip().lower() for c in rijen[0][1]]
        if set(KOLOMMEN) <= set(kop):
            dubbel = sorted({k for k in kop if k and kop.count(k) > 1})
            if dubbel:
                fouten.append(Fout(plek(naam, blad.naam), rijen[0][0], dubbel[0],
                                   "kolom staat twee keer in de kopregel; de kop is dubbelzinnig"))
                continue
            uit += _lang(naam, blad, rijen)
            vormen.add("lang")
            continue
        if any(k in KOLOMMEN for k in kop) and not (set(KOLOMMEN) <= set(kop)):
            ontbreekt = [k for k in KOLOMMEN if k not in kop]
            fouten.append(Fout(plek(naam, blad.naam), rijen[0][0], ontbreekt[0],
                               f"kolom ontbreekt in de kopregel; verwacht precies {', '.join(KOLOMMEN)} "
                               f"(ontbreekt: {', '.join(ontbreekt)})"))
            continue
        gedrukt = _gedrukt(naam, blad, rijen, regios)
        if isinstance(gedrukt, Fout):
            fouten.append(gedrukt)
        elif gedrukt:
            uit += gedrukt
            vormen.add("uwv")
    if fouten:
        raise VormFout(fouten)
    if not uit:
        leeg = all(len([r for r in b.rijen if any(c.strip() for c in r[1])]) <= 1 for b in bladen)
        raise VormFout([Fout(naam, None, None,
                             "alleen een kopregel, geen cijfers" if leeg and any(b.rijen for b in bladen) else
                             "geen tabel van een bekende soort; verwacht het sjabloon (kolommen "
                             + ", ".join(KOLOMMEN) + ") of een UWV-tabel zoals in Bijlage 1 (Tabel 1, 2, 3, 5, 6)")])
    return uit, "+".join(sorted(vormen))


def _lang(naam: str, blad: Blad, rijen) -> list[Cel]:
    kop = [c.strip().lower() for c in rijen[0][1]]
    idx = {k: kop.index(k) for k in KOLOMMEN}
    uit = []
    for nr, r in rijen[1:]:
        r = r + [""] * (len(kop) - len(r))
        v = {k: r[i].strip() for k, i in idx.items()}
        uit.append(Cel(**v, plek=plek(naam, blad.naam), regel=nr, kolom="waarde"))
    return uit


def periode_uit_tekst(jaar: str, maand: str = "") -> str | None:
    """'2025' + 'September' -> '2025-09'; 'Q2 2025' -> '2025-Q2'; 'september 2025' -> '2025-09'; '2025' -> '2025'."""
    t = f"{jaar} {maand}".strip().lower()
    if m := re.fullmatch(r"q([1-4])\s*(\d{4})|(\d{4})\s*-?\s*q([1-4])", t):
        return f"{m.group(2) or m.group(3)}-Q{m.group(1) or m.group(4)}"
    if m := re.fullmatch(r"(\d{4})\s+([a-z]+)\.?|([a-z]+)\.?\s+(\d{4})", t):
        j, mnd = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        nr = MAAND_KORT.get(mnd[:3])
        return f"{j}-{nr:02d}" if nr and (mnd in MAANDEN or len(mnd) == 3) else None
    if re.fullmatch(r"\d{4}", t):
        return t
    return None


def periode_tekst(periode: str) -> str:
    """'2025-09' -> 'september 2025', '2025-Q2' -> 'Q2 2025' (the seed's peildatum wording)."""
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", periode):
        return f"Q{m.group(2)} {m.group(1)}"
    if m := re.fullmatch(r"(\d{4})-(\d{2})", periode):
        return f"{MAANDEN[int(m.group(2)) - 1]} {m.group(1)}"
    return periode


KENMERK_GROEPEN = {"geslacht": "geslacht", "leeftijd": "leeftijd", "verstreken duur": "verstreken_duur",
                   "opleidingsniveau": "opleidingsniveau"}
KENMERK_MATEN = {"stand": "aantal", "aantal": "aantal", "aandeel": "aandeel", "jaarmutatie": "jaarmutatie"}


def _kenmerken(waar: str, rijen, k: int, regios: dict[str, str]) -> list[Cel] | Fout:
    """Tabel 3 as UWV prints it: a 'Kenmerken' column; per region Stand, Aandeel, Jaarmutatie (the region
    named in the row above); the period ('Jul 2025') in a header row; group rows (Geslacht, Leeftijd,
    Verstreken duur, Opleidingsniveau) without values; 'Aantal' is the Totaal row."""
    nr, r = rijen[k]
    kop = [c.strip().lower() for c in r]
    boven = rijen[k - 1][1] if k else []
    periode = None
    for _, rr in rijen[max(0, k - 3):k + 3]:
        for c in rr:
            gevonden = periode_uit_tekst(c.strip()) if re.search(r"[a-zA-Z]{3,}\.?\s*\d{4}", c) else None
            if gevonden and periode is None:
                periode = gevonden
    if periode is None:
        return Fout(waar, nr, None, "tabel met kenmerken zonder periode (bijv. 'Jul 2025' in de kop)")
    waarden = []
    for i in range(1, len(kop)):
        maat = KENMERK_MATEN.get(kop[i])
        if not maat:
            continue
        links = [boven[j].strip().lower() for j in range(min(i, len(boven) - 1), -1, -1) if boven[j].strip()]
        regio = _regio(links[0], regios) if links else None
        if regio is None:
            return Fout(waar, nr, _kolomletter(i), "kolom zonder regio: zet de regionaam (of Nederland) in de "
                                                   "regel boven de kop")
        waarden.append((i, regio, maat))
    bron = "UWV"
    uit, kenmerk = [], None
    for nr2, rr in rijen[k + 1:]:
        rr = rr + [""] * (len(kop) - len(rr))
        label = rr[0].strip()
        tekst = " ".join(rr).strip()
        if tekst.lower().startswith("bron:"):
            bron = re.sub(r"(?i)^\s*bron:\s*", "", tekst).strip(" ;") or "UWV"
            break
        if not label or periode_uit_tekst(label) or label.lower() == "periode":
            continue
        if label.lower() in KENMERK_GROEPEN and not any(rr[i].strip() for i, _, _ in waarden):
            kenmerk = KENMERK_GROEPEN[label.lower()]
            continue
        is_totaal = label.lower() in ("aantal", "totaal")
        if not is_totaal and kenmerk is None:
            return Fout(waar, nr2, "A", f"regel {label!r} staat niet onder een kenmerk (Geslacht, Leeftijd, "
                                        "Verstreken duur, Opleidingsniveau)")
        for i, regio, maat in waarden:
            uit.append(Cel(regio=regio, periode=periode, tabel="ww_kenmerken", kenmerk="" if is_totaal else kenmerk,
                           categorie="Totaal" if is_totaal else label, maat=maat, waarde=rr[i].strip(), bron=bron,
                           peildatum=periode_tekst(periode), plek=waar, regel=nr2, kolom=_kolomletter(i)))
    for c in uit:
        c.bron = bron
    return uit


def _gedrukt(naam: str, blad: Blad, rijen, regios: dict[str, str]) -> list[Cel] | Fout | None:
    """A table as UWV prints it; None when the sheet does not look like one."""
    waar = plek(naam, blad.naam)
    for k, (nr, r) in enumerate(rijen):
        kop = [c.strip().lower() for c in r]
        if kop and kop[0] == "kenmerken":
            return _kenmerken(waar, rijen, k, regios)
        label_i = next((i for i, c in enumerate(kop) if c in LABELS), None)
        if label_i is None:
            continue
        periode_i = [i for i, c in enumerate(kop) if c in ("jaar", "maand", "periode")]
        if not periode_i:
            continue
        titel = " ".join(" ".join(c for c in rr) for _, rr in rijen[:k + 1]).lower()
        tabel = LABELS[kop[label_i]]
        if tabel is None:
            tabel = "vacatures_beroepsklasse" if "vacature" in titel or "openstaand" in titel else (
                "ww_beroepsklasse" if "ww" in titel else None)
            if tabel is None:
                return Fout(waar, nr, _kolomletter(label_i), "tabel per beroepsklasse zonder titel of kop die zegt of "
                                                             "het om vacatures of WW-uitkeringen gaat")
        boven = rijen[k - 1][1] if k else []
        waarden = []  # (column, region code, maat)
        huidige_regio = None
        for i in range(label_i + 1, len(kop)):
            c = kop[i]
            if not c:
                continue
            if c == "aandeel":
                if huidige_regio is None:
                    return Fout(waar, nr, _kolomletter(i), "kolom Aandeel zonder kolom met aantallen ervoor")
                waarden.append((i, huidige_regio, "aandeel"))
                continue
            regio = _regio(c, regios)
            if regio is None:
                links = [boven[j].strip().lower() for j in range(min(i, len(boven) - 1), -1, -1)
                         if j < len(boven) and boven[j].strip()]
                regio = _regio(links[0], regios) if links else None
                if regio is None and c in ("aantal", "openstaand", "stand"):
                    regio = _regio_uit_titel(titel, regios)
            if regio is None:
                return Fout(waar, nr, _kolomletter(i), f"onbekende kop {r[i].strip()!r}: geen regio (naam of code, "
                                                       "Nederland of Alle regio's) en geen Aandeel")
            huidige_regio = regio
            waarden.append((i, regio, "aantal"))
        if not waarden:
            return Fout(waar, nr, None, "tabel zonder kolommen met cijfers")
        bron = next((re.sub(r"(?i)^\s*bron:\s*", "", " ".join(rr).strip()) for _, rr in rijen[k + 1:]
                     if " ".join(rr).strip().lower().startswith("bron:")), "UWV")
        uit, periode, cel_periode = [], None, None
        for nr2, rr in rijen[k + 1:]:
            tekst = " ".join(rr).strip()
            if tekst.lower().startswith("bron:"):
                break
            rr = rr + [""] * (len(kop) - len(rr))
            stukken = [rr[i].strip() for i in periode_i]
            label = rr[label_i].strip()
            if any(s.lower() == "totaal" for s in stukken) and not label:
                label = "Totaal"
            elif any(stukken):
                cel_periode = " ".join(stukken)
                periode = periode_uit_tekst(*stukken) if len(stukken) <= 2 else None
                if periode is None:
                    return Fout(waar, nr2, _kolomletter(periode_i[0]),
                                f"periode {cel_periode!r} onleesbaar; verwacht bijv. '2025' en 'September', of 'Q2 2025'")
            if not label:
                continue
            if periode is None:
                return Fout(waar, nr2, _kolomletter(label_i), "regel zonder periode (Jaar/Maand of Periode)")
            for i, regio, maat in waarden:
                if label.lower() == "totaal" and not rr[i].strip():
                    continue  # a printed Totaal row leaves its share blank (100% by definition): no figure
                uit.append(Cel(regio=regio, periode=periode, tabel=tabel, kenmerk="", categorie=label, maat=maat,
                               waarde=rr[i].strip(), bron=bron, peildatum=periode_tekst(periode),
                               plek=waar, regel=nr2, kolom=_kolomletter(i)))
        return uit
    return None


def _regio(tekst: str, regios: dict[str, str]) -> str | None:
    t = tekst.strip().lower()
    if t in NATIONAAL:
        return "NL01"
    # the name as written ('Regio Zwolle' is AM36's own name), else without a leading 'Regio ' ('Regio Gooi en
    # Vechtstreek')
    return regios.get(t) or regios.get(re.sub(r"^regio\s+", "", t))


def _regio_uit_titel(titel: str, regios: dict[str, str]) -> str | None:
    gevonden = [code for naam, code in regios.items() if len(naam) > 4 and naam in titel and code != "NL01"]
    return gevonden[0] if len(set(gevonden)) == 1 else None

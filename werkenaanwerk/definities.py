"""What the Werken aan Werk monitor records, in one place: the result fields
with their Dutch labels and definitions, the project statuses, the template
version and the limits on an uploaded file."""
from __future__ import annotations

import re
from datetime import date

# Result fields per project per kwartaal. All are counts of people; empty
# means "not reported" (never 0). Flows count what happened in the kwartaal;
# nog_in_traject is the stand on its last day.
VELDEN = {
    "aangemeld": ("Aangemeld",
                  "Inwoners die in het kwartaal voor het project zijn aangemeld (door gemeente, UWV of zelf)."),
    "gestart": ("Gestart", "Deelnemers die in het kwartaal met het traject zijn begonnen."),
    "uitgevallen": ("Uitgevallen",
                    "Deelnemers die in het kwartaal voortijdig zijn gestopt, zonder uitstroom naar werk of opleiding."),
    "uitstroom_werk": ("Uitstroom naar werk",
                       "Deelnemers die in het kwartaal het traject hebben verlaten voor betaald werk (ook een "
                       "leerbaan of leerwerkplek met arbeidscontract)."),
    "uitstroom_opleiding": ("Uitstroom naar opleiding",
                            "Deelnemers die in het kwartaal het traject hebben verlaten voor een reguliere "
                            "opleiding (zonder arbeidscontract)."),
    "nog_in_traject": ("Nog in traject", "Deelnemers in het traject op de laatste dag van het kwartaal (een stand)."),
}
LABELS = {k: v[0] for k, v in VELDEN.items()}
UITLEG = {k: v[1] for k, v in VELDEN.items()}

# Statuses in the register. The seeds use "bestendigd" for the AI Annotatielab
# (continued outside the programme, as a sociale onderneming), so it is one.
STATUSSEN = {
    "nieuw": "in deze monitorperiode gestart",
    "lopend": "loopt",
    "verlengd": "looptijd of financiering verlengd",
    "bestendigd": "gaat door buiten het programma (bijvoorbeeld als sociale onderneming)",
    "beëindigd": "gestopt",
}
# A target covers the calendar year (per jaar), the project's run (projectduur) or a date range of its own
# (periode: doel_van up to and including doel_tot, two kwartalen).
DOEL_PERIODES = ("per jaar", "projectduur", "periode")
PROGRAMMA = "Werken aan Werk"   # the programme of a project when the register names none
MAX_PROGRAMMA = 80              # characters in a programme's name
DOELEN = {"doel_deelnemers": "gestart", "doel_uitstroom_werk": "uitstroom_werk",
          "doel_uitstroom_opleiding": "uitstroom_opleiding"}

SJABLOON_VERSIE = "werken-aan-werk/1"
MAX_BYTES = 10 * 1024 * 1024
# Plausible bounds, checked on every way in (page, file, CLI) before anything is stored, and by the
# build on every record already in the log: a count per project per quarter, and a target.
MAX_AANTAL = 10_000
MAX_DOEL = 10_000
# An uploaded workbook: what it may hold once unpacked, and how many rows and cells its sheet may have.
MAX_UITGEPAKT = 50 * 1024 * 1024
MAX_RIJEN = 10_000
MAX_KOLOMMEN = 30
MAX_FOUTEN = 50   # errors listed; the rest are counted
# A text starting with one of these is a formula in a spreadsheet (OWASP CSV injection): refused in names.
FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")
BLAD_RESULTATEN = "Resultaten"
BLAD_PROJECTEN = "Projecten"
BLAD_INFO = "Info"
KOP_PROGRAMMA = "Programma"   # column of the sheet Projecten: a changed name there changes the project's programme
KOLOM_PROJECT = "project"
KOLOM_KWARTAAL = "kwartaal"
KOLOMMEN = [KOLOM_PROJECT, KOLOM_KWARTAAL, *VELDEN]

_KWARTAAL = [re.compile(r"^(?P<jaar>\d{4})\s*-\s*Q(?P<q>[1-4])$", re.I),
             re.compile(r"^Q(?P<q>[1-4])\s+(?P<jaar>\d{4})$", re.I)]


def kwartaal_code(tekst: str) -> str | None:
    """'2024-Q2' or 'Q2 2024' -> '2024-Q2'; anything else -> None."""
    for patroon in _KWARTAAL:
        m = patroon.match(tekst.strip())
        if m:
            return f"{m['jaar']}-Q{m['q']}"
    return None


def kwartaal_van(d: date) -> str:
    return f"{d.year}-Q{(d.month - 1) // 3 + 1}"


def kwartaal_label(code: str) -> str:
    """'2024-Q2' -> 'Q2 2024'."""
    jaar, q = code.split("-")
    return f"{q} {jaar}"


def vorig_kwartaal(code: str) -> str:
    jaar, q = int(code[:4]), int(code[-1])
    return f"{jaar - 1}-Q4" if q == 1 else f"{jaar}-Q{q - 1}"

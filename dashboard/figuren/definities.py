"""Indicator definitions shown as help texts (see shared GUIDE)."""

DEFINITIES = {
    "Inwoners": "Aantal inwoners van de regio (som van de zeven gemeenten).",
    "Netto arbeidsparticipatie": "Werkzame beroepsbevolking gedeeld door de bevolking van 15 tot 75 jaar (CBS).",
    "Onbenut arbeidspotentieel": "Werklozen, semi-werklozen en onderbenutte deeltijders van 15 tot 75 jaar (CBS).",
    "Geregistreerde werkzoekenden (GWU)": "Geregistreerde werkzoekenden bij UWV van 15 tot 75 jaar, met of zonder uitkering.",
    "WW-uitkeringen": "Lopende uitkeringen op grond van de Werkloosheidswet (UWV).",
    "Openstaande vacatures": "Vacatures die aan het eind van de periode nog openstaan (UWV, afgerond).",
    "Banen": "Banen van werknemers en zelfstandigen in de regio (UWV); 2027 is een prognose.",
    "Groene druk": "Inwoners van 0 tot 20 jaar ten opzichte van inwoners van 20 tot 65 jaar (×100%).",
    "Grijze druk": "Inwoners van 65 jaar en ouder ten opzichte van inwoners van 20 tot 65 jaar (×100%).",
}


def definitie(naam: str) -> str | None:
    return DEFINITIES.get(naam)

MISMATCH = ("Per beroepsklasse de openstaande vacatures (UWV) naast de WW-uitkeringen (UWV). Meer WW-uitkeringen "
            "dan vacatures: een kwantitatieve mismatch (te weinig banen). Meer vacatures dan WW-uitkeringen: "
            "vacatures die niet uit de WW te vervullen zijn, een kwalitatieve mismatch (Bijlage 1).")

GWU = DEFINITIES["Geregistreerde werkzoekenden (GWU)"]
WW = DEFINITIES["WW-uitkeringen"] + " Jaarmutatie: verandering ten opzichte van dezelfde maand een jaar eerder."
VACATURES = DEFINITIES["Openstaande vacatures"] + (
    " Aandeel: vacatures in de beroepsklasse gedeeld door alle openstaande vacatures (gedrukt totaal).")
BANEN = DEFINITIES["Banen"] + " Aandeel zelfstandigen: banen van zelfstandigen gedeeld door alle banen."
ONBENUT = DEFINITIES["Onbenut arbeidspotentieel"]

# Maatschappelijk cruciale sectoren (kabinet) and the region's focus: see data/raw/referentie/beroepsklassen.csv
CRUCIAAL = ("Maatschappelijk cruciaal (kabinet): Zorg en Welzijn, Kinderopvang, Onderwijs, Veiligheid, Groen, "
            "Techniek, Bouw, Energie en ICT. Regionale focus: zorg, welzijn, onderwijs en kinderopvang; "
            "speerpunten techniek, ICT, media en creatieve industrie.")

# UWV spanningsindicator: vacatures per WW-uitkering korter dan 6 maanden
SPANNING_BANDEN = [(0.25, "zeer ruim"), (0.67, "ruim"), (1.5, "gemiddeld"), (4.0, "krap"), (float("inf"), "zeer krap")]

SPANNING_UITLEG = (
    "**Spanningsindicator (UWV)**: openstaande vacatures gedeeld door WW-uitkeringen korter dan 6 maanden; "
    "onder 0,25 zeer ruim, 0,25–0,67 ruim, 0,67–1,5 gemiddeld, 1,5–4 krap, boven 4 zeer krap. "
    "De verhouding hier deelt door *alle* WW-uitkeringen van de beroepsklasse (korter dan 6 maanden is niet "
    "per beroepsklasse beschikbaar) en vacatures en WW hebben een andere peildatum: het is een benadering, "
    "niet de UWV-indicator zelf. **CBS** meet spanning anders: openstaande vacatures per 100 werklozen "
    "(seizoengecorrigeerd), over alle beroepen; werklozen zijn niet hetzelfde als WW-uitkeringen.")


def spanningsband(vacatures_per_ww: float | None) -> str | None:
    if vacatures_per_ww is None or vacatures_per_ww != vacatures_per_ww:
        return None
    if vacatures_per_ww > SPANNING_BANDEN[-2][0]:   # UWV: above 4 is zeer krap, exactly 4 still krap
        return SPANNING_BANDEN[-1][1]
    return next(naam for grens, naam in SPANNING_BANDEN if vacatures_per_ww < grens or grens == SPANNING_BANDEN[-2][0])

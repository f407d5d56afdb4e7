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

"""Bronnen en actualiteit: the build, the gemeente-indeling, every dataset with bron and peildatum,
and where the source contradicts itself. (The refresh outcome is no figure: it lives in the status
file, not in the warehouse; see dashboard.kern.status.)"""
from __future__ import annotations

from dashboard.figuren import views
from dashboard.figuren.figuur import Figuur
from dashboard.figuren.register import figuur
from dashboard.kern import db
from dashboard.kern import format as fmt
from dashboard.kern.context import Context

GEMEENTEN_BESTAND = "data/raw/referentie/gemeenten_am12.csv"


@figuur("bronnen-build", "Build", leeg="")
def build(ctx: Context) -> Figuur | None:
    rijen = db.rijen("build")
    if not rijen:
        return None
    b = rijen[0]
    return Figuur("bronnen-build", "", f"Datawarehouse gebouwd op {fmt.datum_tijd(b['built_at'])} "
                                       f"(build {b['build_id']}).", "", "")


@figuur("bronnen-indeling", "Gemeente-indeling naar arbeidsmarktregio", leeg="")
def indeling(ctx: Context) -> Figuur:
    rijen = db.rijen("indeling")
    verschillen = db.rijen("indeling_verschillen")
    soort = "success"
    if not rijen:
        soort = "info"
        zin = ("De regio wordt opgeteld uit de meegeleverde lijst van haar gemeenten "
               f"({GEMEENTEN_BESTAND}). CBS *Gebieden in Nederland* is nog niet opgehaald; "
               "daarna telt het dashboard ook de andere arbeidsmarktregio's op.")
    elif not verschillen:
        i = rijen[0]
        zin = (f"CBS-tabel {i['dataset']} (indeling {i['peiljaar']}, {fmt.getal(i['gemeenten'])} gemeenten in "
               f"{fmt.getal(i['regios'])} arbeidsmarktregio's) stemt overeen met de meegeleverde lijst van gemeenten.")
    else:
        i = rijen[0]
        soort = "warning"
        zin = (f"CBS-tabel {i['dataset']} (indeling {i['peiljaar']}) wijkt af van de meegeleverde lijst "
               f"van gemeenten ({len(verschillen)} {'verschil' if len(verschillen) == 1 else 'verschillen'}). Het "
               "dashboard telt de regio op volgens de meegeleverde lijst; controleer welke klopt en werk zo nodig "
               f"{GEMEENTEN_BESTAND} bij.  \n- " + "  \n- ".join(v["melding"] for v in verschillen))
    return Figuur("bronnen-indeling", "Gemeente-indeling naar arbeidsmarktregio", "", "", "", melding=zin,
                  melding_soort=soort)


@figuur("bronnen-datasets", "Datasets", leeg="")
def datasets(ctx: Context) -> Figuur | None:
    bronnen = db.query("bronnen")
    if bronnen.empty:
        return None
    return Figuur("bronnen-datasets", "Datasets", "Elke dataset in het datawarehouse met bron, peildatum, bestand, "
                                                  "aantal rijen en bouwtijd.", "", "",
                  tabel=db.view(views.bronnen_tabel, "bronnen"), export=bronnen, bestandsnaam="bronnen",
                  tabel_label="Datasets als tabel en download", tabel_open=True)


@figuur("bronnen-afwijkingen", "Waar de bron zichzelf tegenspreekt", leeg="")
def afwijkingen(ctx: Context) -> Figuur:
    afw = db.query("discrepanties")
    inleiding = ("Gedrukte cijfers zijn overgenomen zoals ze in de bron staan, ook als ze niet kloppen met elkaar. "
                 "Het dashboard verbetert ze niet stilzwijgend, maar berekent het verschil en toont het hier en bij "
                 "de figuur.")
    if afw.empty:
        return Figuur("bronnen-afwijkingen", "Waar de bron zichzelf tegenspreekt", inleiding, "", "",
                      melding="Geen afwijkingen gevonden.", melding_soort="success")
    return Figuur(
        "bronnen-afwijkingen", "Waar de bron zichzelf tegenspreekt", inleiding, "", "",
        notities=[f"{len(afw)} afwijkingen. Een negatief verschil bij een som betekent dat rijen ontbreken "
                  "(bijvoorbeeld uitkeringen zonder beroepsklasse); een klein positief verschil is meestal afronding."],
        tabel=db.view(views.afwijkingen_tabel, "discrepanties"), export=afw, bestandsnaam="afwijkingen_bron",
        tabel_label="Afwijkingen als tabel en download", tabel_open=True)


@figuur("afwijkingen-regio", "Gedrukte totalen en afwijkingen in de bron", leeg="")
def afwijkingen_regio(ctx: Context) -> Figuur | None:
    """The discrepancies of the chosen region and its comparison only (the Analyse and its exports)."""
    params = dict(regio=ctx.regio, vergelijk=ctx.vergelijk)
    afw = db.query("discrepanties_regio", **params)
    if afw.empty:
        return None
    return Figuur(
        "afwijkingen-regio", "Gedrukte totalen en afwijkingen in de bron",
        "Gedrukte cijfers zijn overgenomen zoals ze in de bron staan; waar een gedrukt totaal niet gelijk is aan "
        "de som van zijn rijen, staat het verschil hier.", "", "",
        tabel=db.view(views.afwijkingen_tabel, "discrepanties_regio", **params), export=afw,
        bestandsnaam=f"afwijkingen_bron_{ctx.regio}", tabel_label="Afwijkingen als tabel en download",
        tabel_open=True)

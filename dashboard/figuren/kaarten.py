"""Maps: the 35 arbeidsmarktregio's coloured by an indicator of Regio's vergelijken, and the gemeenten of the chosen
region by inwoners. Geometry is a source like the others (etl/bronnen/pdok -> marts.geometrie); drawn with plotly
geo (no tile server), so the maps work offline and in the PDF."""
from __future__ import annotations

import json

import pandas as pd

from dashboard.figuren import charts, regios
from dashboard.figuren.figuur import Figuur, grafiek
from dashboard.figuren.register import figuur
from dashboard.kern import db
from dashboard.kern import format as fmt
from dashboard.kern.context import Context

GEEN_GEOMETRIE = "De kaart verschijnt zodra de gebiedsgrenzen (PDOK) zijn opgehaald (zie Bronnen en actualiteit)."


def _geojson(rijen: list[dict]) -> str:
    """One FeatureCollection (text, so a chart recipe stays hashable) keyed by properties.statcode."""
    return json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"statcode": r["code"]}, "geometry": json.loads(r["geometrie"])}
        for r in rijen]}, separators=(",", ":"))


def _rijen(query: str, **params) -> list[dict]:
    try:
        return db.rijen(query, **params)
    except db.DataOntbreekt:
        return []


@figuur("kaart-regios", "Kaart van de arbeidsmarktregio's", leeg=GEEN_GEOMETRIE)
def kaart_regios(ctx: Context, indicator: str = "") -> Figuur | None:
    vormen = _rijen("kaart_regios")
    if not vormen:
        return None
    alle = [r for r in regios._alle() if not r["is_land"]]
    indicator = indicator or next(iter(regios.indicatoren()), "")
    per = {r["regio_code"]: r for r in alle if r["indicator"] == indicator}
    if not per:
        return None
    eerste = next(iter(per.values()))
    codes = [r["code"] for r in vormen]
    waarden = [per[c]["waarde"] if c in per else None for c in codes]
    eenheid = "%" if eerste["eenheid"] == "procent" else ""
    eigen = per.get(ctx.regio)
    zin = (f"{eerste['label']} per arbeidsmarktregio, peildatum {eerste['peildatum']}; {ctx.regio_naam} is oranje "
           "omlijnd"
           + (f" en staat op plaats {eigen['plaats']} van {eigen['aantal']}." if eigen else "."))
    tabel = pd.DataFrame({"Arbeidsmarktregio": [r["naam"] for r in vormen], eerste["label"]: waarden})
    return Figuur(
        "kaart-regios", f"{eerste['label']} op de kaart", zin, eerste["bron"], eerste["peildatum"],
        definitie=eerste["definitie"],
        grafiek=grafiek(charts.kaart, _geojson(vormen), codes, waarden, [r["naam"] for r in vormen], ctx.regio,
                        eenheid=eenheid, legenda=eerste["label"], klik=True),
        notities=["Klik op de stip in een regio (of kies in de zijbalk) om naar die regio te gaan; de kaart van haar "
                  "gemeenten staat hieronder. Grenzen: CBS/PDOK gebiedsindelingen (gegeneraliseerd)."],
        tabel=tabel, export=tabel, bestandsnaam=f"kaart_regios_{indicator}")


@figuur("kaart-gemeenten", "Gemeenten van {regio_naam} op de kaart", leeg=GEEN_GEOMETRIE)
def kaart_gemeenten(ctx: Context) -> Figuur | None:
    rijen = _rijen("kaart_gemeenten", regio=ctx.regio)
    if not rijen:
        return None
    met = [r for r in rijen if r["inwoners"] is not None]
    grootste = max(met, key=lambda r: r["inwoners"]) if met else None
    zin = f"{ctx.regio_naam} telt {len(rijen)} gemeenten" + (
        f"; de grootste is {grootste['naam']} met {fmt.getal(grootste['inwoners'])} inwoners "
        f"(peildatum {grootste['peildatum']})." if grootste else ".")
    tabel = pd.DataFrame({"Gemeente": [r["naam"] for r in rijen], "Inwoners": [r["inwoners"] for r in rijen]})
    return Figuur(
        "kaart-gemeenten", f"Gemeenten van {ctx.regio_naam}", zin,
        grootste["bron"] if grootste else "CBS/PDOK gebiedsindelingen", grootste["peildatum"] if grootste else "",
        grafiek=grafiek(charts.kaart, _geojson(rijen), [r["code"] for r in rijen], [r["inwoners"] for r in rijen],
                        [r["naam"] for r in rijen], legenda="Inwoners", hoogte=420),
        tabel=tabel, export=tabel, bestandsnaam=f"kaart_gemeenten_{ctx.regio}")

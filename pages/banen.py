"""Banen en prognose: werknemers and zelfstandigen 2017, 2024, 2027 (Tabel 4)."""
import streamlit as st

from dashboard import charts, components, context, db, definities, samenvatting, views
from dashboard import format as fmt

ctx = context.huidig()
st.title("Banen en prognose")
st.caption(f"Banen van werknemers en zelfstandigen in {ctx.regio_naam}; 2027 is een prognose van UWV.")

with components.figuur("Banen"):
    rijen = db.view(views.banen, "banen", regio=ctx.regio)
    if rijen:
        titel, zin = samenvatting.banen(rijen, ctx.regio_naam)
        components.kop(titel, zin, definities.BANEN)
        components.grafiek(charts.banen_staaf, [r["jaar"] + (" (prognose)" if r["is_prognose"] else "") for r in rijen],
                           [r["werknemers"] for r in rijen], [r["zelfstandigen"] for r in rijen],
                           [r["is_prognose"] for r in rijen], key="banen")
        afwijkend = [r for r in rijen if r["totaal"] is not None and r["som"] != r["totaal"]]
        if afwijkend:
            st.caption("Let op: het gedrukte totaal wijkt af van werknemers + zelfstandigen in "
                       + ", ".join(f"{r['jaar']} ({fmt.getal(r['totaal'])} gedrukt, som {fmt.getal(r['som'])})"
                                   for r in afwijkend)
                       + ". Groei en aandelen hier zijn berekend uit de gedrukte totalen; zie Bronnen en actualiteit.")
        components.bronregel(rijen[0]["bron"], rijen[0]["peildatum"])
        components.gegevens(db.view(views.banen_tabel, "banen", regio=ctx.regio), db.query("banen", regio=ctx.regio),
                            f"banen_{ctx.regio}", rijen[0]["bron"], rijen[0]["peildatum"], key="banen")

with components.figuur("Ontwikkelingen"):
    context_rijen = db.view(db.records, "banen_context", regio=ctx.regio, vergelijk=ctx.vergelijk)
    if context_rijen:
        st.markdown("#### Ontwikkelingen in de tekst van de analyse")
        for r in context_rijen:
            naam = ctx.regio_naam if r["regio_code"] == ctx.regio else ctx.vergelijk_naam
            st.markdown(f"- {naam}, {fmt.periode(r['periode'], r['periode_type'])}: "
                        f"{'banen in de ' + r['categorie'].lower() if r['indicator'] == 'werknemersbanen' else 'aantal zzp’ers'} "
                        f"{fmt.met_teken(fmt.waarde(r['waarde'], r['eenheid']), r['waarde'])} ({r['kwalificatie']}). "
                        f"Bron: {r['bron']} · Peildatum: {r['peildatum']}")

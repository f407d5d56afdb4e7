"""Bevolking en arbeidspotentieel: inwoners, prognose, groene en grijze druk, participatie, onbenut potentieel, migratie."""
import streamlit as st

from dashboard import blokken, charts, components, context, db, definities, samenvatting, views

ctx = context.huidig()
st.title("Bevolking en arbeidspotentieel")

with components.figuur("Bevolking en beroepsbevolking"):
    kaarten = db.query("bevolking_kaarten", regio=ctx.regio)
    st.markdown(samenvatting.bevolking(db.view(db.records, "bevolking_kaarten", regio=ctx.regio), ctx.regio_naam))
    st.html(db.view(views.kaarten, "bevolking_kaarten", regio=ctx.regio))
    components.gegevens(kaarten, kaarten, f"bevolking_{ctx.regio}", "zie kolom bron", "zie kolom peildatum",
                        key="bevolking")

blokken.inwoners_reeks(ctx)

blokken.demografische_druk(ctx)

with components.figuur("Onbenut arbeidspotentieel"):
    onbenut = db.view(db.records, "onbenut", regio=ctx.regio)
    if onbenut:
        titel, zin = samenvatting.onbenut(onbenut, ctx.regio_naam)
        components.kop(titel, zin, definities.ONBENUT)
        delen = [r for r in onbenut if not r["is_totaal"]]
        components.grafiek(charts.staaf, [r["categorie"] for r in delen], [r["waarde"] for r in delen],
                           "Onbenut arbeidspotentieel", hoogte=220, key="onbenut")
        context_zin = samenvatting.onbenut_context(
            db.view(db.records, "onbenut_context", vergelijk=ctx.vergelijk), ctx.vergelijk_naam)
        if context_zin:
            st.markdown(context_zin)
        components.bronregel(onbenut[0]["bron"], onbenut[0]["peildatum"])
        components.gegevens(db.view(views.kolommen, "onbenut", "categorie", "waarde", "eenheid", regio=ctx.regio),
                            db.query("onbenut", regio=ctx.regio), f"onbenut_{ctx.regio}",
                            onbenut[0]["bron"], onbenut[0]["peildatum"], key="onbenut")

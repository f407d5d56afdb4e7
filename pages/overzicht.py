"""Overzicht: kerncijfers of the region beside Nederland."""
import streamlit as st

from dashboard import charts, components, context, db, definities, samenvatting, views

ctx = context.huidig()
st.title(f"Arbeidsmarkt {ctx.regio_naam}")
st.caption(f"Kerncijfers van arbeidsmarktregio {ctx.regio_naam} ({ctx.regio}) naast {ctx.vergelijk_naam}. "
           "Elk cijfer met zijn eigen peildatum: de bronnen meten niet allemaal op hetzelfde moment.")


with components.figuur("Kerncijfers"):
    params = dict(regio=ctx.regio, vergelijk=ctx.vergelijk)
    st.html(db.view(views.kerncijfer_kaarten, "kerncijfers", ctx.vergelijk_naam,
                    tuple(definities.DEFINITIES.items()), **params))

    with st.expander("Kerncijfers als tabel"):
        tabel = db.view(views.kerncijfer_tabel, "kerncijfers", **params)
        st.dataframe(tabel, hide_index=True, width="stretch", column_config={
            "Regio": ctx.regio_naam, "Vergelijking": ctx.vergelijk_naam,
            "Peildatum vergelijking": f"Peildatum {ctx.vergelijk_naam}"})
        export = db.view(views.kerncijfer_export, "kerncijfers", **params)
        components.downloads(export, f"kerncijfers_{ctx.regio}", "zie kolommen regio_bron en vergelijk_bron",
                             "zie kolommen regio_peildatum en vergelijk_peildatum", key="kerncijfers")

with components.figuur("Groene en grijze druk"):
    druk = db.query("demografische_druk", regio=ctx.regio, vergelijk=ctx.vergelijk)
    w = db.view(views.waarden_per_indicator_regio, "demografische_druk", regio=ctx.regio, vergelijk=ctx.vergelijk)
    cijfers = (ctx.regio_naam, ctx.vergelijk_naam,
               w.get(("groene_druk", ctx.regio)), w.get(("grijze_druk", ctx.regio)),
               w.get(("groene_druk", ctx.vergelijk)), w.get(("grijze_druk", ctx.vergelijk)))
    st.subheader(samenvatting.demografische_druk_titel(*cijfers))
    st.markdown(samenvatting.demografische_druk(*cijfers))
    components.grafiek(
        charts.vergelijking_staaf,
        ["Groene druk (0-19 jaar)", "Grijze druk (65+)"],
        [w.get(("groene_druk", ctx.regio)), w.get(("grijze_druk", ctx.regio))],
        [w.get(("groene_druk", ctx.vergelijk)), w.get(("grijze_druk", ctx.vergelijk))],
        ctx.regio_naam, ctx.vergelijk_naam, hoogte=260, key="druk",
    )
    components.bronregel(druk["bron"].iloc[0], druk["peildatum"].iloc[0])
    st.caption(definities.definitie("Groene druk") + " " + definities.definitie("Grijze druk"))
    components.downloads(druk, f"demografische_druk_{ctx.regio}", druk["bron"].iloc[0],
                         druk["peildatum"].iloc[0], key="druk")

"""Overzicht: kerncijfers of the region beside Nederland."""
import streamlit as st

from dashboard import blokken, components, context, db, definities, views

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

blokken.demografische_druk(ctx)

with components.figuur("Cijfers uit eerdere stukken"):
    eerder = db.query("eerdere_stukken", regio=ctx.regio, vergelijk=ctx.vergelijk)
    if not eerder.empty:
        components.gegevens(db.view(views.eerdere_stukken_tabel, "eerdere_stukken", regio=ctx.regio,
                                    vergelijk=ctx.vergelijk),
                            eerder, f"eerdere_stukken_{ctx.regio}", "zie kolom bron", "zie kolom peildatum",
                            key="eerder", label="Cijfers uit eerdere stukken (2021-2024): krapte, bijstand, "
                                                "Banenafspraak")

"""Bronnen en actualiteit: every dataset with bron, peildatum, rows and build
time; the outcome of the last refresh; the source's own discrepancies."""
import streamlit as st

from dashboard.kern import components
from dashboard.kern import db
from dashboard.kern import status
from dashboard.figuren import views
from dashboard.kern import format as fmt

st.title("Bronnen en actualiteit")
st.caption("Waar elk cijfer vandaan komt, wanneer het is gemeten en wanneer het datawarehouse is gebouwd.")

st.subheader("Laatste verversing")
laatste = status.laatste_verversing()
if laatste is None:
    st.info("Er is nog geen verversing geregistreerd. " + components.REFRESH_HINT)
elif laatste.get("gelukt"):
    st.success(f"De laatste verversing is gelukt op {fmt.datum_tijd(laatste.get('laatste_poging'))}.")
else:
    st.error(f"De laatste verversing is **mislukt** op {fmt.datum_tijd(laatste.get('laatste_poging'))}: "
             f"{laatste.get('melding')}  \nHet dashboard toont de gegevens van de laatste geslaagde build "
             f"({fmt.datum_tijd(laatste.get('laatste_succes'))}).")

with components.figuur("Build"):
    build = db.query("build")
    if not build.empty:
        st.caption(f"Datawarehouse gebouwd op {fmt.datum_tijd(build['built_at'].iloc[0])} "
                   f"(build {build['build_id'].iloc[0]}).")

for soort, regel in status.monitor(laatste):
    {"ok": st.success, "bezig": st.info}.get(soort, st.warning)(f"Monitor Werken aan Werk: {regel}")

st.subheader("CBS StatLine")
st.dataframe(status.cbs_tabel(laatste), hide_index=True, width="stretch")
st.caption("Haal de CBS-tabellen op met `python -m etl.refresh`; `--list` toont de catalogus. Mislukt een "
           "tabel, dan blijft de vorige opname in gebruik en staat de reden hier.")

st.subheader("Gemeente-indeling naar arbeidsmarktregio")
with components.figuur("Gemeente-indeling"):
    indeling = db.query("indeling")
    verschillen = db.query("indeling_verschillen")
    if indeling.empty:
        st.info("De regio wordt opgeteld uit de meegeleverde lijst van haar gemeenten "
                "(data/raw/referentie/gemeenten_am12.csv). CBS *Gebieden in Nederland* is nog niet opgehaald; "
                "daarna telt het dashboard ook de andere arbeidsmarktregio's op.")
    elif verschillen.empty:
        st.success(f"CBS-tabel {indeling['dataset'].iloc[0]} (indeling {indeling['peiljaar'].iloc[0]}, "
                   f"{fmt.getal(indeling['gemeenten'].iloc[0])} gemeenten in "
                   f"{fmt.getal(indeling['regios'].iloc[0])} arbeidsmarktregio's) stemt overeen met de "
                   "meegeleverde lijst van gemeenten.")
    else:
        st.warning(f"CBS-tabel {indeling['dataset'].iloc[0]} (indeling {indeling['peiljaar'].iloc[0]}) wijkt af "
                   f"van de meegeleverde lijst van gemeenten ({len(verschillen)} "
                   f"{'verschil' if len(verschillen) == 1 else 'verschillen'}). Het dashboard telt de regio op "
                   "volgens de meegeleverde lijst; controleer welke klopt en werk zo nodig "
                   "data/raw/referentie/gemeenten_am12.csv bij.  \n- " + "  \n- ".join(verschillen["melding"]))

st.subheader("Datasets")
with components.figuur("Datasets"):
    bronnen = db.query("bronnen")
    st.dataframe(db.view(views.bronnen_tabel, "bronnen"), hide_index=True, width="stretch")
    components.downloads(bronnen, "bronnen", "meta.sources", "zie kolom peildatum", key="bronnen")

st.subheader("Waar de bron zichzelf tegenspreekt")
st.markdown(
    "Gedrukte cijfers zijn overgenomen zoals ze in de bron staan, ook als ze niet kloppen met elkaar. "
    "Het dashboard verbetert ze niet stilzwijgend, maar berekent het verschil en toont het hier en bij de figuur.")
with components.figuur("Afwijkingen in de bron"):
    afw = db.query("discrepanties")
    if afw.empty:
        st.success("Geen afwijkingen gevonden.")
    else:
        tabel = db.view(views.afwijkingen_tabel, "discrepanties")
        st.dataframe(tabel, hide_index=True, width="stretch")
        st.caption(f"{len(afw)} afwijkingen. Een negatief verschil bij een som betekent dat rijen ontbreken "
                   "(bijvoorbeeld uitkeringen zonder beroepsklasse); een klein positief verschil is meestal afronding.")
        components.downloads(afw, "afwijkingen_bron", "Bijlage 1 Analyse arbeidsmarkt", "zie kolom periode",
                             key="afwijkingen")

"""Regio's vergelijken: the chosen arbeidsmarktregio among all 35, per indicator and against a peer group."""
import streamlit as st

from dashboard.figuren import regios, tonen
from dashboard.kern import context

ctx = context.huidig()
st.title("Regio's vergelijken")
st.caption(f"Waar {ctx.regio_naam} staat tussen de arbeidsmarktregio's, op elk cijfer dat CBS voor alle regio's "
           "publiceert. Alle regio's met dezelfde bron en periode; plaats 1 is de hoogste waarde.")
opties = regios.indicatoren()
if melding := regios.nog_zonder_cijfers() or regios.waarom_leeg():
    st.info(melding)
indicator = context.keuze("indicator", opties, "Indicator") if opties else ""
namen = regios.regio_namen()
standaard = regios.standaard_peers(ctx.regio)
peers = ()
if standaard:
    peers = tuple(st.multiselect(
        "Vergelijkbare regio's", [c for c in namen if c != ctx.regio], default=standaard, format_func=namen.get,
        key=f"vergelijkbaar-{ctx.regio}", bind="query-params", max_selections=10,
        help=regios.PEER_UITLEG))
tonen.figuur(ctx, "regio-rang", indicator=indicator, peers=peers)
tonen.figuur(ctx, "regio-overzicht")
tonen.figuur(ctx, "regio-peers", peers=peers)
tonen.figuur(ctx, "regio-provincies")
tonen.figuur(ctx, "kaart-regios", bij_klik=context.kies_op_kaart, indicator=indicator, peers=peers)
tonen.figuur(ctx, "kaart-gemeenten")
tonen.figuur(ctx, "gemeenten-index")
tonen.figuur(ctx, "druk-gemeenten")

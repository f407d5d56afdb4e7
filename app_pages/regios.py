"""Regio's vergelijken: the chosen arbeidsmarktregio among all 35, per indicator and against a peer group.

The figures are grouped in tabs bound to ?blad=; only the open tab's figures are made and sent on a rerun
(Streamlit's lazy tabs), so a click costs one group's work, not nine figures'. The indicator and the peer group are
chosen in the tabs they act on (Rangorde: both; Vergelijkbaar: the group; Kaarten: the indicator), not above all
tabs: on the others they changed nothing, and every widget costs every rerun. Both are bound to the URL; a tab
without the widget keeps its choice for the tabs that have it."""
import streamlit as st

from dashboard.figuren import regios, tonen
from dashboard.kern import context, db

ctx = context.huidig()
st.title("Regio's vergelijken")
st.caption(f"Waar {ctx.regio_naam} staat tussen de arbeidsmarktregio's, op elk cijfer dat CBS voor alle regio's "
           "publiceert. Alle regio's met dezelfde bron en periode; plaats 1 is de hoogste waarde.")
with db.een_build():   # one warehouse build (and one look at the file) for the whole rerun
    opties, melding, namen, andere, standaard = regios.kop(ctx.regio)   # made once per build
    if melding:
        st.info(melding)

    def indicator() -> str:
        return context.keuze("indicator", opties, "Indicator") if opties else ""

    def peers() -> tuple[str, ...]:
        if not standaard:
            return ()
        return tuple(st.multiselect(
            "Vergelijkbare regio's", andere, default=standaard, format_func=namen.get,
            key=f"vergelijkbaar-{ctx.regio}", bind="query-params", max_selections=10, help=regios.PEER_UITLEG))

    rang, vergelijkbaar, provincie, kaarten, gemeenten = st.tabs(
        list(regios.BLADEN), key="blad", bind="query-params")
    with rang:
        if rang.open:
            tonen.figuur(ctx, "regio-rang", indicator=indicator(), peers=peers())
            tonen.figuur(ctx, "regio-overzicht")
    with vergelijkbaar:
        if vergelijkbaar.open:
            tonen.figuur(ctx, "regio-peers", peers=peers())
    with provincie:
        if provincie.open:
            tonen.figuur(ctx, "regio-provincies")
    with kaarten:
        if kaarten.open:
            tonen.figuur(ctx, "kaart-regios", bij_klik=context.kies_op_kaart, indicator=indicator())
            tonen.figuur(ctx, "kaart-gemeenten")
    with gemeenten:
        if gemeenten.open:
            tonen.figuur(ctx, "gemeenten-index")
            tonen.figuur(ctx, "druk-gemeenten")

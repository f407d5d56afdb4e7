"""Overzicht: kerncijfers of the region beside Nederland."""
import streamlit as st

from dashboard import charts, components, context, db, definities, samenvatting
from dashboard import format as fmt

ctx = context.huidig()
st.title(f"Arbeidsmarkt {ctx.regio_naam}")
st.caption(f"Kerncijfers van arbeidsmarktregio {ctx.regio_naam} ({ctx.regio}) naast {ctx.vergelijk_naam}. "
           "Elk cijfer met zijn eigen peildatum: de bronnen meten niet allemaal op hetzelfde moment.")


def periode_van(rij, kant: str) -> str:
    p = rij[f"{kant}_periode"]
    return fmt.periode(p, rij[f"{kant}_periode_type"]) if isinstance(p, str) else fmt.LEEG


with components.figuur("Kerncijfers"):
    df = db.query("kerncijfers", regio=ctx.regio, vergelijk=ctx.vergelijk)
    kolommen = st.columns(3)
    for i, rij in enumerate(df.itertuples(index=False)):
        r = rij._asdict()
        with kolommen[i % 3].container(border=True):
            st.metric(r["kerncijfer"], fmt.waarde(r["regio_waarde"], r["eenheid"]),
                      help=definities.definitie(r["kerncijfer"]))
            if isinstance(r["regio_kwalificatie"], str):
                st.caption(r["regio_kwalificatie"])
            vergelijk = fmt.waarde(r["vergelijk_waarde"], r["eenheid"])
            if vergelijk == fmt.LEEG:
                st.markdown(f"{ctx.vergelijk_naam}: niet in de bronnen")
            else:
                st.markdown(f"{ctx.vergelijk_naam}: **{vergelijk}** ({periode_van(r, 'vergelijk')})")
            if isinstance(r["regio_bron"], str):
                components.bronregel(r["regio_bron"], r["regio_peildatum"])
            if isinstance(r["afwijking_omschrijving"], str):
                st.caption(f":orange[Let op: {r['afwijking_omschrijving']} is "
                           f"{fmt.getal(r['afwijking_vergelijking'])} (verschil "
                           f"{fmt.met_teken(fmt.getal(r['afwijking_verschil']), r['afwijking_verschil'])}); "
                           "zie Bronnen en actualiteit.]")

    with st.expander("Kerncijfers als tabel"):
        tabel = df.assign(
            regio=[fmt.waarde(v, e) for v, e in zip(df["regio_waarde"], df["eenheid"])],
            vergelijk=[fmt.waarde(v, e) for v, e in zip(df["vergelijk_waarde"], df["eenheid"])],
        )[["kerncijfer", "regio", "regio_peildatum", "vergelijk", "vergelijk_peildatum", "regio_bron"]]
        tabel.columns = ["Kerncijfer", ctx.regio_naam, "Peildatum", ctx.vergelijk_naam,
                         f"Peildatum {ctx.vergelijk_naam}", "Bron"]
        st.dataframe(tabel, hide_index=True, width="stretch")
        export = df[["kerncijfer", "eenheid", "regio_waarde", "regio_peildatum", "regio_bron",
                     "vergelijk_waarde", "vergelijk_peildatum", "vergelijk_bron"]]
        components.downloads(export, f"kerncijfers_{ctx.regio}", "zie kolommen regio_bron en vergelijk_bron",
                             "zie kolommen regio_peildatum en vergelijk_peildatum", key="kerncijfers")

st.subheader("Groene en grijze druk liggen in de regio boven het landelijke niveau")
with components.figuur("Groene en grijze druk"):
    druk = db.query("demografische_druk", regio=ctx.regio, vergelijk=ctx.vergelijk)
    w = {(r.indicator, r.regio_code): r.waarde for r in druk.itertuples()}
    st.markdown(samenvatting.demografische_druk(
        ctx.regio_naam, ctx.vergelijk_naam,
        w.get(("groene_druk", ctx.regio)), w.get(("grijze_druk", ctx.regio)),
        w.get(("groene_druk", ctx.vergelijk)), w.get(("grijze_druk", ctx.vergelijk)),
    ))
    fig = charts.vergelijking_staaf(
        ["Groene druk (0-19 jaar)", "Grijze druk (65+)"],
        [w.get(("groene_druk", ctx.regio)), w.get(("grijze_druk", ctx.regio))],
        [w.get(("groene_druk", ctx.vergelijk)), w.get(("grijze_druk", ctx.vergelijk))],
        ctx.regio_naam, ctx.vergelijk_naam, hoogte=260,
    )
    st.plotly_chart(fig, config={"displayModeBar": False}, key="druk")
    components.bronregel(druk["bron"].iloc[0], druk["peildatum"].iloc[0])
    st.caption(definities.definitie("Groene druk") + " " + definities.definitie("Grijze druk"))
    components.downloads(druk, f"demografische_druk_{ctx.regio}", druk["bron"].iloc[0],
                         druk["peildatum"].iloc[0], key="druk")

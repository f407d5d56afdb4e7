"""Blocks of the Werken aan Werk monitor pages: each queries the warehouse,
shapes, and renders title + summary + chart + bron/peildatum + table/download."""
from __future__ import annotations

from datetime import UTC, date, datetime, time

import streamlit as st

from dashboard.kern import components, db
from dashboard.kern import format as fmt
from dashboard.kern.context import Context
from dashboard.monitor import charts as monitor_charts
from dashboard.monitor import views as monitor_views
from werkenaanwerk import definities as d

BRON = "Monitor Werken aan Werk, ingevoerd door de projectleiders"
DEFINITIES = " ".join(f"**{label}**: {uitleg}" for label, uitleg in d.VELDEN.values())


def bron(ctx: Context) -> dict:
    return db.rijen("monitor_bron", regio=ctx.regio)[0]


def bronregel_resultaten(ctx: Context, tot: str) -> tuple[str, str]:
    b = bron(ctx)
    wie = (f" (laatste wijziging {fmt.datum_tijd(b['laatst_gewijzigd'])} door {b['laatst_door']})"
           if b["laatst_door"] else "")
    regel = (BRON + wie, f"t/m {monitor_views.label(min(tot, b['laatste_kwartaal']))}" if b["laatste_kwartaal"]
             else "nog geen resultaten ingevoerd")
    components.bronregel(*regel)
    return regel


def kies_monitor(ctx: Context) -> str:
    """The monitor shown: up to and including a kwartaal with results (latest by default)."""
    opties = db.view(monitor_views.kwartalen, "monitor_kwartalen", regio=ctx.regio)
    if not opties:
        return d.kwartaal_van(date.today())
    links, _ = st.columns([1, 3])
    return links.selectbox("Monitor tot en met", opties, format_func=monitor_views.label, key="monitor_tot",
                        help="Monitoren verschijnen twee keer per jaar (t/m Q2 en t/m Q4); elk kwartaal met "
                             "cijfers kan worden gekozen.")


def verversing_bezig() -> None:
    """Say so while the warehouse is being rebuilt after a save (the figures below are the previous build's)."""
    from werkenaanwerk import verversen

    if verversen.stand().get("status") == "bezig":
        st.info("Het datawarehouse wordt bijgewerkt met zojuist ingevoerde cijfers; ververs de pagina over een "
                "minuut om ze te zien.", icon=":material/hourglass_top:")


def geen_projecten(ctx: Context) -> bool:
    """Say so plainly for a region whose projects are not (yet) in the monitor."""
    if bron(ctx)["projecten"]:
        return False
    st.info(f"Voor {ctx.regio_naam} zijn nog geen projecten in de monitor opgenomen.")
    return True


def geen_resultaten(ctx: Context) -> bool:
    """Say so plainly while nothing has been entered."""
    if bron(ctx)["resultaten"]:
        return False
    st.info("**Er zijn nog geen resultaten ingevoerd.** De projecten en hun doelen hieronder komen uit de "
            "raadsinformatiebrieven en het Programma Werk & Participatie; cijfers per kwartaal verschijnen zodra "
            "projectleiders ze invoeren op de pagina *Invoer monitor* (of met `python -m etl.monitor import`). "
            "Het dashboard vult niets zelf in.")
    return True


def totaal(ctx: Context, tot: str) -> None:
    with components.figuur("Alle projecten samen"):
        titel, zin, kwartalen, reeksen = db.view(monitor_views.totaal, "monitor_totaal", tot, regio=ctx.regio, tot=tot)
        components.kop(titel, zin + " Cumulatief: opgeteld over alle kwartalen tot en met het getoonde. Er is geen "
                       "doel voor alle projecten samen: de bekende doelen gelden per project en per periode.",
                       DEFINITIES)
        if not kwartalen:
            return
        components.grafiek(monitor_charts.realisatie, kwartalen, reeksen, hoogte=340, key="monitor-totaal")
        b = bronregel_resultaten(ctx, tot)
        df = db.query("monitor_totaal", regio=ctx.regio, tot=tot)
        components.gegevens(df, df, f"monitor_totaal_{tot}", *b, key="monitor-totaal")


def per_project(ctx: Context, tot: str) -> None:
    with components.figuur("Per project tegen het doel"):
        rijen = db.rijen("monitor_overzicht", regio=ctx.regio, tot=tot)
        met_doel = db.view(monitor_views.met_doel, "monitor_overzicht", regio=ctx.regio, tot=tot)
        zonder = [r["naam"] for r in rijen if r["doel_deelnemers"] is None]
        doel = [f"{r['naam']} ({r['doel_deelnemers']} {r['doel_periode'] or ''})".replace(" )", ")")
                for r in rijen if r["doel_deelnemers"] is not None]
        components.kop(
            f"Realisatie per project tot en met {monitor_views.label(tot)}" if bron(ctx)["resultaten"] else
            "Projecten en hun doelen",
            f"Van {len(rijen)} projecten is voor {len(doel)} een doel bekend uit de bronnen"
            + (f": {', '.join(doel)}" if doel else "")
            + ". Voor de andere noemen de raadsinformatiebrieven geen getal; het dashboard vult er geen in.",
            "Realisatie tegen doel: bij een doel per jaar telt het kalenderjaar van de monitor, bij een doel voor "
            "de projectduur alles sinds het eerste kwartaal. Deelnemers = gestart. " + DEFINITIES)
        if met_doel[0]:
            components.grafiek(monitor_charts.tegen_doel, *met_doel, hoogte=120 + 50 * len(met_doel[0]),
                               key="monitor-doel")
        b = bronregel_resultaten(ctx, tot)
        components.tabel(db.view(monitor_views.overzicht_tabel, "monitor_overzicht", regio=ctx.regio, tot=tot))
        if zonder:
            st.caption("Geen doel in de bronnen: " + ", ".join(zonder) + ". Een doel voegt u toe op *Invoer monitor*.")
        components.downloads(db.query("monitor_overzicht", regio=ctx.regio, tot=tot), f"monitor_projecten_{tot}", *b,
                             key="monitor-overzicht")

        keuzes = {r["project_id"]: r["naam"] for r in rijen if r["laatste_kwartaal"]}
        if not keuzes:
            return
        project = st.selectbox("Verloop van één project", list(keuzes), format_func=keuzes.get,
                               key="monitor_project")
        reeks = db.view(monitor_views.project_reeks, "monitor_voortgang", project, regio=ctx.regio, tot=tot)
        st.markdown(f"##### {keuzes[project]}: cumulatieve realisatie per kwartaal")
        components.grafiek(monitor_charts.realisatie, reeks["kwartalen"], reeks["reeksen"], reeks["doel"],
                           reeks["doel_label"], hoogte=320, key="monitor-project")


def status(ctx: Context, tot: str) -> None:
    vorige = d.vorig_kwartaal(d.vorig_kwartaal(tot))
    with components.figuur("Status van de projecten"):
        tabel = db.view(monitor_views.status_tabel, "monitor_status", vorige, tot, regio=ctx.regio, tot=tot)
        projecten = len(db.rijen("monitor_projecten", regio=ctx.regio))
        components.kop(
            *db.view(monitor_views.status_kop, "monitor_status", vorige, tot, projecten, regio=ctx.regio, tot=tot),
            "Statussen: " + "; ".join(f"**{s}**: {u}" for s, u in d.STATUSSEN.items()) +
            ". Een monitor beslaat een half jaar: de vorige monitor is twee kwartalen eerder.")
        components.tabel(tabel)
        components.bronregel("raadsinformatiebrieven (seeds) en wijzigingen ingevoerd op de pagina",
                             f"t/m {monitor_views.label(tot)}")


def krapte(ctx: Context) -> None:
    with components.figuur("Projecten en krapte"):
        rijen = db.rijen("monitor_projecten", regio=ctx.regio)
        gekoppeld = [r for r in rijen if r["vacatures_per_ww"] is not None]
        krap = [r["naam"] for r in gekoppeld if r["vacatures_per_ww"] > 1]
        components.kop(
            f"{len(krap)} van {len(gekoppeld)} gekoppelde projecten leiden op voor een beroepsklasse met meer "
            "vacatures dan WW-uitkeringen",
            "Leiden we op voor banen die er zijn? Per project de openstaande vacatures per WW-uitkering in de "
            f"beroepsklasse waarvoor het opleidt. Boven 1 (stippellijn): meer vacatures dan WW-uitkeringen. "
            f"{len(rijen) - len(gekoppeld)} projecten hebben (nog) geen beroepsklasse: de bronnen noemen er geen.",
            "Koppeling project-beroepsklasse: eigen keuze op basis van de projectomschrijving (zie kolom "
            "Koppeling). Vacatures per WW-uitkering is een benadering van de spanning; zie de pagina Mismatch.")
        if gekoppeld:
            components.grafiek(monitor_charts.krapte, tuple(f"{r['naam']} · {r['beroepsklasse']}" for r in gekoppeld),
                               tuple(r["vacatures_per_ww"] for r in gekoppeld),
                               tuple(r["mismatch"] for r in gekoppeld), hoogte=120 + 48 * len(gekoppeld),
                               key="monitor-krapte")
            st.caption("Groen: kwalitatieve mismatch (meer vacatures dan WW-uitkeringen); rozerood: kwantitatieve "
                       "mismatch (meer WW-uitkeringen dan vacatures); de tabel noemt het per project. Let op: de peildata "
                       f"verschillen: vacatures {gekoppeld[0]['vacatures_peildatum']}, WW-uitkeringen "
                       f"{gekoppeld[0]['ww_peildatum']}.")
            components.bronregel(f"{gekoppeld[0]['vacatures_bron']} (vacatures, WW); projectkoppeling: eigen keuze",
                                 f"{gekoppeld[0]['vacatures_peildatum']} (vacatures), "
                                 f"{gekoppeld[0]['ww_peildatum']} (WW)")
        components.tabel(db.view(monitor_views.krapte_tabel, "monitor_projecten", regio=ctx.regio))


def geschiedenis(ctx: Context) -> None:
    with components.figuur("Geschiedenis"):
        st.markdown("#### Geschiedenis van een cijfer en de stand op een datum")
        st.markdown("Niets wordt overschreven: elke correctie is een nieuwe regel met wie en wanneer.")
        if not st.toggle("Geschiedenis en stand op een datum tonen", key="toon_geschiedenis"):
            return
        rijen = db.rijen("monitor_projecten", regio=ctx.regio)
        namen = {r["project_id"]: r["naam"] for r in rijen}
        kwartalen = db.view(monitor_views.kwartalen, "monitor_kwartalen", regio=ctx.regio)
        if not kwartalen:
            st.caption("Nog geen resultaten, dus nog geen geschiedenis.")
            return
        links, rechts = st.columns(2)
        project = links.selectbox("Project", list(namen), format_func=namen.get, key="historie_project")
        kwartaal = rechts.selectbox("Kwartaal", kwartalen, format_func=monitor_views.label, key="historie_kwartaal")
        historie = db.view(monitor_views.waarden_tabel, "monitor_historie", project=project, kwartaal=kwartaal)
        if historie.empty:
            st.caption(f"Voor {namen[project]} is over {monitor_views.label(kwartaal)} niets ingevoerd.")
        else:
            components.tabel(historie)
        op = st.date_input("Stand op datum", value=date.today(), format="DD-MM-YYYY", key="stand_op",
                           help="De cijfers zoals ze aan het eind van die dag opgeslagen waren.")
        moment = datetime.combine(op, time.max).replace(tzinfo=fmt.TIJDZONE).astimezone(UTC)
        stand = db.view(monitor_views.waarden_tabel, "monitor_stand_op", regio=ctx.regio, op=moment)
        st.markdown(f"**Stand op {fmt.datum_tijd(op)}**: {len(stand)} regels.")
        if not stand.empty:
            components.tabel(stand)


def export(ctx: Context, tot: str) -> None:
    from dashboard.export.pdf import PdfFout
    from dashboard.monitor import export as monitor_export

    st.subheader("Export voor de raadsinformatiebrief")
    st.caption(f"De monitor t/m {monitor_views.label(tot)} als Excel-werkmap (alle tabellen, met bron en definities) "
               "of als PDF (figuren en tabellen, A4).")
    links, midden, _ = st.columns([1, 1, 3])
    with components.figuur("Export"):
        links.download_button("Excel", data=monitor_export.excel(tot, ctx.regio, ctx.regio_naam),
                              file_name=f"monitor_werken_aan_werk_{ctx.regio}_{tot}.xlsx",
                              mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                              icon=":material/download:", on_click="ignore", key="monitor-excel")
    pdf_key = f"monitor_pdf_{ctx.regio}_{tot}_{db.build_key()}"
    if midden.button("PDF maken", icon=":material/picture_as_pdf:", key="monitor-pdf-maken"):
        with st.spinner("PDF wordt gemaakt…"):
            try:
                st.session_state[pdf_key] = monitor_export.pdf(tot, ctx.regio, ctx.regio_naam)
            except PdfFout as exc:
                st.error(str(exc))
    if pdf_key in st.session_state:
        midden.download_button("PDF downloaden", data=st.session_state[pdf_key],
                               file_name=f"monitor_werken_aan_werk_{ctx.regio}_{tot}.pdf", mime="application/pdf",
                               icon=":material/download:", on_click="ignore", key="monitor-pdf")

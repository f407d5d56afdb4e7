"""The monitor page's interactive parts (everything else is a registered figure, dashboard/monitor/figuren.py):
the choices bound to the URL, the notice during a background rebuild, the empty state of a region, the
history/as-of view and the export buttons."""
from __future__ import annotations

from datetime import UTC, date, datetime, time
from functools import lru_cache, partial

import streamlit as st

from basis import instellingen as settings
from dashboard.kern import components, db
from dashboard.kern import format as fmt
from dashboard.kern.context import KEUZE_BREEDTE, Context
from dashboard.monitor import figuren as monitor_figuren
from dashboard.monitor import views as monitor_views
from werkenaanwerk import definities as d


def keuzes(ctx: Context) -> tuple[str, str | None]:
    """The page's choices, both in the URL so a link opens the same view: the monitor (?tot=, up to and
    including a kwartaal with results, latest by default) and the project shown per kwartaal (?project=)."""
    opties = db.view(monitor_views.kwartalen, "monitor_kwartalen", regio=ctx.regio)
    if not opties:
        return monitor_figuren.standaard_tot(ctx), None
    # one horizontal block for the pickers (a column set is a block message per column, every rerun)
    rij = st.container(horizontal=True)
    tot = rij.selectbox("Monitor tot en met", opties, format_func=monitor_views.label, key="tot",
                        bind="query-params", width=KEUZE_BREEDTE,
                        help="Monitoren verschijnen twee keer per jaar (t/m Q2 en t/m Q4); elk kwartaal met "
                             "cijfers kan worden gekozen.") or opties[0]
    res = monitor_figuren.resultaten(ctx, tot)
    met_cijfers = [p for p in monitor_figuren.projecten(ctx) if p["project_id"] in res]
    if not met_cijfers:
        return tot, None
    return tot, kies_project(rij, met_cijfers, "Project per kwartaal", "project", url=True)


def programma(p: dict) -> str:
    return p.get("programma") or d.PROGRAMMA


def kies_project(plek, projecten: list[dict], label: str, key: str, url: bool = False) -> str:
    """A project picker. When the projects belong to more than one programme, a programme is chosen first
    (beside it, in `plek`) and only its projects are offered; with `url`, both choices are in the URL
    (?programma=, ?<key>=) like the page's other choices."""
    programmas = sorted({programma(p) for p in projecten})
    bind = {"bind": "query-params"} if url else {}
    if len(programmas) > 1:
        gekozen = plek.selectbox(
            "Programma", programmas, key="programma" if url else f"{key}_programma", width=KEUZE_BREEDTE,
            help="De projecten vallen onder meer dan één programma; kies er een.", **bind) or programmas[0]
        projecten = [p for p in projecten if programma(p) == gekozen]
    namen = {p["project_id"]: p["naam"] for p in projecten}
    return plek.selectbox(label, list(namen), format_func=namen.get, key=key, **bind) or next(iter(namen))


def verversing_bezig() -> None:
    """Say so while the warehouse is being rebuilt after a save (the figures below are the previous build's).
    The status file is read again only when it changed (its size and time), not on every rerun."""
    pad = settings.status_path()
    try:
        stat = pad.stat()
    except OSError:
        return
    if _bezig(str(pad), stat.st_mtime_ns, stat.st_size):
        st.info("Het datawarehouse wordt bijgewerkt met zojuist ingevoerde cijfers; ververs de pagina over een "
                "minuut om ze te zien.", icon=":material/hourglass_top:")


@lru_cache(maxsize=8)
def _bezig(pad: str, mtime_ns: int, grootte: int) -> bool:
    from werkenaanwerk import verversen
    return verversen.stand().get("status") == "bezig"


def overgeslagen() -> None:
    """On Bronnen en actualiteit: how many records of the monitor's store the build skipped and what to do,
    without naming them (which records, and where the store is, is for editors: page Invoer monitor)."""
    from werkenaanwerk.verversen import overgeslagen_tekst
    try:
        n = len(db.rijen("monitor_afgekeurd"))
    except (db.DataOntbreekt, db.WarehouseOntbreekt):
        return   # a build from before this check, or none yet
    if n:
        st.warning(f"Monitor Werken aan Werk: {overgeslagen_tekst(n, markdown=True)}. De build ging door zonder "
                   f"{'die regels' if n != 1 else 'die regel'}; de monitor mist daardoor cijfers. Een beheerder "
                   "herroept een regel met `python -m etl.monitor herroep VOLGNUMMER --door NAAM` en voert het "
                   "juiste cijfer daarna opnieuw in (pagina Invoer monitor).", icon=":material/warning:")


def geen_projecten(ctx: Context) -> bool:
    """Say so plainly for a region whose projects are not (yet) in the monitor."""
    if monitor_figuren.bron(ctx)["projecten"]:
        return False
    st.info(f"Voor {ctx.regio_naam} zijn nog geen projecten in de monitor opgenomen.")
    return True


def geschiedenis(ctx: Context) -> None:
    with components.figuur("Geschiedenis"):
        st.markdown("#### Geschiedenis van een cijfer en de stand op een datum\n\nNiets wordt overschreven: elke "
                    "correctie is een nieuwe regel met wie en wanneer.")
        if not st.toggle("Geschiedenis en stand op een datum tonen", key="toon_geschiedenis"):
            return
        rijen = db.rijen("monitor_projecten", regio=ctx.regio)
        namen = {r["project_id"]: r["naam"] for r in rijen}
        kwartalen = db.view(monitor_views.kwartalen, "monitor_kwartalen", regio=ctx.regio)
        if not kwartalen:
            st.caption("Nog geen resultaten, dus nog geen geschiedenis.")
            return
        links, rechts = st.columns(2)
        project = kies_project(links, rijen, "Project", "historie_project")
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

    # heading and explanation in one element (each element costs every rerun)
    st.markdown(f"### Export voor de raadsinformatiebrief\n\nDe monitor t/m {monitor_views.label(tot)} als "
                "Excel-werkmap (alle tabellen, met bron en definities) of als PDF (A4: per project de status, het "
                "doel en de cijfers per kwartaal).")
    rij = st.container(horizontal=True)   # one block for the buttons (not a row of three columns)
    with components.figuur("Export"):
        # made when clicked (not on every rerun of the page)
        rij.download_button("Excel", data=partial(monitor_export.excel, tot, ctx.regio, ctx.regio_naam),
                              file_name=f"monitor_werken_aan_werk_{ctx.regio}_{tot}.xlsx",
                              mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                              icon=":material/download:", on_click="ignore", key="monitor-excel")
    pdf_key = f"monitor_pdf_{ctx.regio}_{tot}_{db.huidige_build()}"
    if rij.button("PDF maken", icon=":material/picture_as_pdf:", key="monitor-pdf-maken"):
        with st.spinner("PDF wordt gemaakt…"):
            try:
                st.session_state[pdf_key] = monitor_export.pdf(tot, ctx.regio, ctx.regio_naam)
            except PdfFout as exc:
                st.error(str(exc))
    if pdf_key in st.session_state:
        rij.download_button("PDF downloaden", data=st.session_state[pdf_key],
                               file_name=f"monitor_werken_aan_werk_{ctx.regio}_{tot}.pdf", mime="application/pdf",
                               icon=":material/download:", on_click="ignore", key="monitor-pdf")

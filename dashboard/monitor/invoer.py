"""Blocks of the Invoer monitor page: template download, upload, the table
for small corrections, and the project's register entry. Everything that
saves goes through werkenaanwerk.opslaan.sla_op (the same validation and
status record as the CLI). The warehouse is then rebuilt in the background
(werkenaanwerk.verversen): no request here runs a build; the page says it is
under way and polls until the build that includes the save is done."""
from __future__ import annotations

import time
from functools import lru_cache, partial

import pandas as pd
import streamlit as st

from dashboard.kern import db
from dashboard.kern.context import Context
from dashboard.monitor import blokken
from dashboard.monitor import figuren as monitor_figuren
from dashboard.monitor import views as monitor_views
from werkenaanwerk import definities as d
from werkenaanwerk import doelen, invoer, opslaan, opslag, verversen

WACHT = "monitor_wacht_op_build"
PEILEN = 2.0        # seconds between looks at the background build
HERSTART_NA = 20.0  # seconds without a running worker before the page starts one again


def _na_opslaan(tekst: str, uitkomst: opslaan.Uitkomst) -> None:
    """Start the background rebuild for this save and rerun: the page now follows it."""
    st.session_state[WACHT] = {"volgnummer": uitkomst.volgnummer, "tekst": tekst, "gestart": time.time()}
    for sleutel in [k for k in st.session_state if str(k).startswith("monitor_basis_")]:
        del st.session_state[sleutel]
    verversen.start()
    st.rerun()


@st.fragment(run_every=PEILEN)
def _bezig() -> None:
    wacht = st.session_state.get(WACHT)
    if not wacht or verversen.voor(wacht["volgnummer"])[0] != "bezig":
        st.rerun(scope="app")  # done: the whole page (and every figure) reads the new build
    st.info(f"{wacht['tekst']} Het datawarehouse wordt bijgewerkt… De monitor toont de nieuwe cijfers zodra dat "
            "klaar is; u kunt intussen doorwerken.", icon=":material/hourglass_top:")
    if time.time() - wacht["gestart"] > HERSTART_NA and not verversen.loopt():
        wacht["gestart"] = time.time()  # the worker is gone (a restart?): start one; it builds what is missing
        verversen.start()


def voortgang() -> bool:
    """The last save and its rebuild: under way (polled), done, or failed. True while under way."""
    wacht = st.session_state.get(WACHT)
    if not wacht:
        return False
    toestand, stand = verversen.voor(wacht["volgnummer"])
    if toestand == "bezig":
        _bezig()
        return True
    del st.session_state[WACHT]
    if toestand == "klaar":
        st.success(f"{wacht['tekst']} Het datawarehouse is ververst; de monitor toont het nu.")
    else:
        st.warning(f"{wacht['tekst']} De cijfers zijn opgeslagen, maar het datawarehouse kon niet worden ververst "
                   f"({stand.get('melding') or 'onbekende fout'}). Draai `python -m etl.refresh --offline`.")
    return False


def afgekeurd() -> None:
    """Records of the log the last build skipped (a bad record written by hand or an older version):
    the build went on without them; this says which and how to revoke them. Shown as plain text."""
    try:
        rijen = db.rijen("monitor_afgekeurd")
    except (db.DataOntbreekt, db.WarehouseOntbreekt):
        return  # a build from before this check, or none yet: nothing to say here
    if not rijen:
        return
    st.warning(f"{len(rijen)} record(s) in de monitoropslag voldoen niet aan de invoerregels en worden bij het bouwen "
               "overgeslagen. Herroep zo'n record met `python -m etl.monitor herroep VOLGNUMMER --door NAAM` en voer "
               "het juiste cijfer daarna opnieuw in.", icon=":material/warning:")
    with st.expander("Overgeslagen records"):
        st.text("\n".join(r["melding"] for r in rijen))


def _fouten(exc: opslaan.InvoerFout) -> None:
    st.error(f"**Niet opgeslagen: {exc.totaal} fout{'en' if exc.totaal != 1 else ''}.** Er is niets "
             "bewaard; verbeter het en probeer het opnieuw.")
    st.text("\n".join(f"- {r}" for r in exc.regels()))  # plain text: names from a file never become links


@lru_cache(maxsize=4)
def _sjabloon(stand: tuple, regio: str) -> bytes:
    return invoer.sjabloon(regio)


def _sjabloon_nu(regio: str) -> bytes:
    """The template as the store is at the click: the store only grows, so its last number says whether
    the cached one is still current (read at the click, not on every rerun of the page)."""
    return _sjabloon((opslag.laatste_volgnummer(),), regio)


def sjabloon(ctx: Context) -> None:
    st.subheader("1. Sjabloon downloaden")
    st.markdown("Het Excel-sjabloon bevat de projecten en de cijfers die nu zijn opgeslagen. Vul per project en "
                "kwartaal één regel in; de definities staan op het blad *Info*.")
    # made when clicked: a rerun of the page does not read the store (the number of the last save) at all
    st.download_button("Sjabloon (Excel)", data=partial(_sjabloon_nu, ctx.regio),
                       file_name=f"sjabloon_monitor_werken_aan_werk_{ctx.regio}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       icon=":material/download:", on_click="ignore", key="sjabloon")
    with st.expander("Definities van de velden"):
        st.markdown("\n".join(f"- **{label}**: {uitleg}" for label, uitleg in d.VELDEN.values()))


def upload(door: str, regio: str | None = None) -> None:
    st.subheader("2. Ingevuld bestand inlezen")
    bestand = st.file_uploader("Sjabloon (.xlsx) of CSV met dezelfde kolommen, hoogstens 10 MB", key="upload")
    alleen = st.checkbox("Alleen controleren, niets opslaan", key="alleen_controleren")
    if st.button("Inlezen", type="primary", disabled=bestand is None, key="inlezen"):
        try:
            uitkomst = opslaan.sla_op(opslaan.Bestand(bestand.name, bestand.getvalue(), regio), door,
                                      alleen_controleren=alleen)
        except opslaan.InvoerFout as exc:
            _fouten(exc)
        except opslaan.Conflict as exc:
            st.error(str(exc))
        else:
            if not uitkomst.opgeslagen or not uitkomst.projecten:
                st.info(uitkomst.tekst())
            else:
                _na_opslaan(f"{bestand.name}: {uitkomst.tekst()}", uitkomst)


def _basis(ctx: Context, project: str) -> tuple[int, pd.DataFrame]:
    """What the table was loaded from: the project's revision and its figures, kept for
    the session so a save is checked against the version the editor saw."""
    sleutel = f"monitor_basis_{project}"
    if sleutel not in st.session_state:
        projecten = db.query("monitor_projecten", regio=ctx.regio)
        revisie = int(projecten.loc[projecten["project_id"] == project, "revisie"].iloc[0])
        df = db.query("monitor_invoer", project=project)
        tabel = pd.DataFrame({"Kwartaal": pd.Series([monitor_views.label(k) for k in df["kwartaal"]], dtype="string"),
                              **{d.LABELS[k]: df[k].astype("Int64") for k in d.VELDEN}})
        st.session_state[sleutel] = (revisie, tabel)
    return st.session_state[sleutel]


def _rijen(tabel: pd.DataFrame) -> list[dict]:
    rijen = []
    for r in tabel.to_dict("records"):
        waarden = {k: (None if pd.isna(r.get(d.LABELS[k])) else r.get(d.LABELS[k])) for k in d.VELDEN}
        kwartaal = r.get("Kwartaal")
        kwartaal = None if kwartaal is None or pd.isna(kwartaal) or not str(kwartaal).strip() else str(kwartaal)
        if kwartaal is None and all(v is None for v in waarden.values()):
            continue  # an empty row added and left empty
        rijen.append({d.KOLOM_KWARTAAL: kwartaal, **waarden})
    return rijen


def _geen_projecten(ctx: Context, namen: dict) -> bool:
    if namen:
        return False
    st.info(f"Voor {ctx.regio_naam} zijn nog geen projecten in de monitor opgenomen.")
    return True


def correctie(ctx: Context, door: str, bezig: bool = False) -> None:
    st.subheader("3. Kleine correctie in de tabel")
    if bezig:
        st.caption("De tabel verschijnt weer zodra het datawarehouse is bijgewerkt: dan toont zij de opgeslagen stand.")
        return
    projecten = db.rijen("monitor_projecten", regio=ctx.regio)
    namen = {r["project_id"]: r["naam"] for r in projecten}
    if _geen_projecten(ctx, namen):
        return
    project = blokken.kies_project(st, projecten, "Project", "correctie_project")
    revisie, tabel = _basis(ctx, project)
    st.caption(f"Geladen: revisie {revisie} van {namen[project]}. Voeg een regel toe voor een nieuw kwartaal, "
               "verbeter een cijfer, of verwijder een regel. Slaat iemand anders intussen hetzelfde project op, dan "
               "wordt uw opslag geweigerd en ziet u de nieuwe stand na 'Opnieuw laden'.")
    kolommen = {"Kwartaal": st.column_config.TextColumn("Kwartaal", help="2024-Q2 of Q2 2024", required=True),
                **{label: st.column_config.NumberColumn(label, min_value=0, step=1, format="%d", help=d.UITLEG[k])
                   for k, label in d.LABELS.items()}}
    bewerkt = st.data_editor(tabel, num_rows="dynamic", hide_index=True, column_config=kolommen,
                             key=f"editor_{project}_{revisie}", width="stretch")
    links, rechts, _ = st.columns([1, 1, 3])
    if rechts.button("Opnieuw laden", key="opnieuw_laden"):
        st.session_state.pop(f"monitor_basis_{project}", None)
        st.rerun()
    if links.button("Wijzigingen opslaan", type="primary", key="opslaan"):
        try:
            uitkomst = opslaan.sla_op(opslaan.Correctie(project, _rijen(bewerkt), revisie), door)
        except opslaan.InvoerFout as exc:
            _fouten(exc)
        except opslaan.Conflict as exc:
            st.error(str(exc))
        else:
            if not uitkomst.projecten:
                st.info(uitkomst.tekst())
            else:
                _na_opslaan(f"{namen[project]}: {uitkomst.tekst()}", uitkomst)


def _tekst(waarde) -> str:
    if waarde is None or waarde != waarde:
        return ""
    return str(int(waarde)) if isinstance(waarde, float) else str(waarde)


def _doelen_nu(p: dict) -> list[str]:
    """The targets that hold now for project `p`, in words (several of one kind for different periods)."""
    if not p:
        return []
    return [f"{doelen.EENHEID[g['soort']]} {g['doel']} ("
            + (f"periode {monitor_views.label(g['doel_van'])} t/m {monitor_views.label(g['doel_tot'])}"
               if g["doel_periode"] == "periode" else g["doel_periode"]) + ")"
            for g in monitor_figuren.doelen_van(p)]


def projectgegevens(ctx: Context, door: str, bezig: bool = False) -> None:
    st.subheader("4. Status, doelen of een nieuw project")
    if bezig:
        st.caption("Beschikbaar zodra het datawarehouse is bijgewerkt.")
        return
    projecten = db.rijen("monitor_projecten", regio=ctx.regio)
    namen = {r["project_id"]: r["naam"] for r in projecten}
    klassen = {r["beroepsklasse_code"]: r["beroepsklasse"] for r in db.rijen("mismatch", regio=ctx.regio)
               if not r["is_rest"]}
    nieuw = st.toggle(f"Nieuw project toevoegen in {ctx.regio_naam}", key="nieuw_project", value=not namen,
                      disabled=not namen)
    project = None if nieuw else blokken.kies_project(st, projecten, "Project", "gegevens_project")
    huidig = next((r for r in projecten if r["project_id"] == project), {})
    with st.form("projectgegevens"):
        velden = {}
        if nieuw:
            velden["naam"] = st.text_input("Naam")
        # a changed programme is saved like any register change: with who and when, refused when stale
        velden["programma"] = st.text_input("Programma", value=huidig.get("programma") or d.PROGRAMMA,
                                            key=f"f_programma_{project}",
                                            help="Het arbeidsmarktprogramma waar het project onder valt")
        if nieuw:
            velden["omschrijving"] = st.text_area("Omschrijving")
            velden["doelgroep"] = st.text_input("Doelgroep")
            velden["start"] = st.text_input("Start (kwartaal)", placeholder="2025-Q1")
            velden["regio"] = ctx.regio
        a, b, c = st.columns(3)
        velden["status"] = a.selectbox("Status", ["", *d.STATUSSEN], key="f_status",
                                       help="; ".join(f"{s}: {u}" for s, u in d.STATUSSEN.items()))
        velden["status_vanaf"] = b.text_input("Status geldt vanaf (kwartaal)", placeholder="2025-Q1")
        velden["einde"] = c.text_input("Einde (kwartaal)", value=_tekst(huidig.get("einde")), placeholder="2025-Q4")
        velden["toelichting"] = st.text_input("Toelichting bij de status")
        st.markdown("**Doel**: vul alleen het doel in dat u toevoegt of wijzigt. "
                    + (f"Nu: {'; '.join(huidige)}." if (huidige := _doelen_nu(huidig)) else "Nu is er geen doel."))
        a, b, c, e = st.columns(4)
        for kolom, label, veld in ((a, "Doel deelnemers", "doel_deelnemers"), (b, "Doel uitstroom werk", "doel_uitstroom_werk"),
                                   (c, "Doel uitstroom opleiding", "doel_uitstroom_opleiding")):
            velden[veld] = kolom.text_input(label, key=f"f_{veld}_{project}")
        velden["doel_periode"] = e.selectbox("Doelperiode", ["", *d.DOEL_PERIODES], key="f_doelperiode",
                                             help="per jaar: het kalenderjaar; projectduur: van start tot einde; "
                                                  "periode: van en tot en met de kwartalen hieronder")
        a, b, c = st.columns([1, 1, 2])
        velden["doel_van"] = a.text_input("Doel geldt van (kwartaal)", placeholder="2025-Q1",
                                          help="Alleen bij doelperiode 'periode'")
        velden["doel_tot"] = b.text_input("Doel geldt tot en met (kwartaal)", placeholder="2026-Q4",
                                          help="Alleen bij doelperiode 'periode'")
        velden["doel_modus"] = c.selectbox(
            "Dit doel", list(doelen.MODI), format_func=doelen.MODI.get, key="f_doelmodus",
            help="Vervangt: het nieuwe doel komt in de plaats van de huidige doelen van dezelfde soort (die blijven "
                 "in de geschiedenis). Erbij: een doel voor een andere periode naast de huidige; twee doelen van "
                 "dezelfde soort mogen niet over dezelfde kwartalen gaan.")
        velden["beroepsklasse_code"] = st.selectbox(
            "Beroepsklasse waarvoor het project opleidt", ["", *klassen], format_func=lambda k: klassen.get(k, "—"),
            key="f_beroepsklasse")
        verstuurd = st.form_submit_button("Projectgegevens opslaan", type="primary")
    if verstuurd:
        if not nieuw:  # only what was changed: the form shows the current values
            for veld in ("einde", "programma"):
                if " ".join(str(velden[veld]).split()) == " ".join(_tekst(huidig.get(veld)).split()):
                    velden.pop(veld)
            if not velden.get("status"):
                velden.pop("status_vanaf", None)
        if not any(str(velden.get(k) or "").strip() for k in d.DOELEN):
            velden.pop("doel_modus", None)   # no target entered: nothing to replace or add
        try:
            uitkomst = opslaan.sla_op(opslaan.Projectgegevens(project, velden, int(huidig.get("revisie", 0))), door)
        except opslaan.InvoerFout as exc:
            _fouten(exc)
        except opslaan.Conflict as exc:
            st.error(str(exc))
        else:
            _na_opslaan(uitkomst.tekst(), uitkomst)

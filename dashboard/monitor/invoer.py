"""Blocks of the Invoer monitor page: template download, upload, the table
for small corrections, and the project's register entry. Everything that
saves goes through werkenaanwerk.invoer (the same validation as the CLI) and
is followed by a warehouse build, so the monitor page shows it at once."""
from __future__ import annotations

from functools import lru_cache

import pandas as pd
import streamlit as st

from dashboard.kern import db
from dashboard.monitor import views as monitor_views
from werkenaanwerk import definities as d
from werkenaanwerk import invoer
from werkenaanwerk import opslag

REGIO = "AM12"
MELDING = "monitor_melding"


def melding() -> None:
    """The outcome of the last save, shown once after the rerun that follows it."""
    uitkomst = st.session_state.pop(MELDING, None)
    if uitkomst:
        soort, tekst = uitkomst
        (st.success if soort == "ok" else st.warning)(tekst)


def _verversen(tekst: str) -> None:
    """Rebuild the warehouse after a save, then rerun so every figure shows it."""
    from etl.build import build

    try:
        build()
    except Exception as exc:  # noqa: BLE001 - the data is stored either way; say what failed
        st.session_state[MELDING] = ("let op", f"{tekst} De cijfers zijn opgeslagen, maar het datawarehouse kon niet "
                                               f"worden ververst ({exc}). Draai `python -m etl.refresh --offline`.")
    else:
        st.session_state[MELDING] = ("ok", tekst + " Het datawarehouse is ververst; de monitor toont het nu.")
    st.rerun()


def _fouten(exc: invoer.InvoerFout) -> None:
    st.error(f"**Niet opgeslagen: {len(exc.fouten)} fout{'en' if len(exc.fouten) != 1 else ''}.** Er is niets "
             "bewaard; verbeter het en probeer het opnieuw.\n\n" + "\n".join(f"- {f.tekst()}" for f in exc.fouten[:50])
             + (f"\n- … en nog {len(exc.fouten) - 50}" if len(exc.fouten) > 50 else ""))


@lru_cache(maxsize=4)
def _sjabloon(stand: tuple) -> bytes:
    return invoer.sjabloon()


def sjabloon() -> None:
    st.subheader("1. Sjabloon downloaden")
    st.markdown("Het Excel-sjabloon bevat de projecten en de cijfers die nu zijn opgeslagen. Vul per project en "
                "kwartaal één regel in; de definities staan op het blad *Info*.")
    pad = opslag.log_pad()
    stand = (pad.stat().st_mtime_ns, pad.stat().st_size) if pad.exists() else (0, 0)
    st.download_button("Sjabloon (Excel)", data=_sjabloon(stand), file_name="sjabloon_monitor_werken_aan_werk.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       icon=":material/download:", on_click="ignore", key="sjabloon")
    with st.expander("Definities van de velden"):
        st.markdown("\n".join(f"- **{label}**: {uitleg}" for label, uitleg in d.VELDEN.values()))


def upload(door: str) -> None:
    st.subheader("2. Ingevuld bestand inlezen")
    bestand = st.file_uploader("Sjabloon (.xlsx) of CSV met dezelfde kolommen, hoogstens 10 MB", key="upload")
    alleen = st.checkbox("Alleen controleren, niets opslaan", key="alleen_controleren")
    if st.button("Inlezen", type="primary", disabled=bestand is None, key="inlezen"):
        try:
            uitkomst = invoer.importeer(bestand.name, bestand.getvalue(), door, alleen_controleren=alleen)
        except invoer.InvoerFout as exc:
            _fouten(exc)
        except opslag.Conflict as exc:
            st.error(str(exc))
        else:
            if not uitkomst.opgeslagen or not uitkomst.projecten:
                st.info(uitkomst.tekst())
            else:
                _verversen(f"{bestand.name}: {uitkomst.tekst()}")


def _basis(project: str) -> tuple[int, pd.DataFrame]:
    """What the table was loaded from: the project's revision and its figures, kept for
    the session so a save is checked against the version the editor saw."""
    sleutel = f"monitor_basis_{project}"
    if sleutel not in st.session_state:
        projecten = db.query("monitor_projecten", regio=REGIO)
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


def correctie(door: str) -> None:
    st.subheader("3. Kleine correctie in de tabel")
    projecten = db.view(monitor_views.records, "monitor_projecten", regio=REGIO)
    namen = {r["project_id"]: r["naam"] for r in projecten}
    project = st.selectbox("Project", list(namen), format_func=namen.get, key="correctie_project")
    revisie, tabel = _basis(project)
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
            uitkomst = invoer.corrigeer(project, _rijen(bewerkt), revisie, door)
        except invoer.InvoerFout as exc:
            _fouten(exc)
        except opslag.Conflict as exc:
            st.error(str(exc))
        else:
            if not uitkomst.projecten:
                st.info(uitkomst.tekst())
            else:
                st.session_state.pop(f"monitor_basis_{project}", None)
                _verversen(f"{namen[project]}: {uitkomst.tekst()}")


def _tekst(waarde) -> str:
    if waarde is None or waarde != waarde:
        return ""
    return str(int(waarde)) if isinstance(waarde, float) else str(waarde)


def projectgegevens(door: str) -> None:
    st.subheader("4. Status, doelen of een nieuw project")
    projecten = db.view(monitor_views.records, "monitor_projecten", regio=REGIO)
    namen = {r["project_id"]: r["naam"] for r in projecten}
    klassen = {r["beroepsklasse_code"]: r["beroepsklasse"] for r in db.rijen("mismatch", regio=REGIO)
               if not r["is_rest"]}
    nieuw = st.toggle("Nieuw project toevoegen", key="nieuw_project")
    project = None if nieuw else st.selectbox("Project", list(namen), format_func=namen.get, key="gegevens_project")
    huidig = next((r for r in projecten if r["project_id"] == project), {})
    with st.form("projectgegevens"):
        velden = {}
        if nieuw:
            velden["naam"] = st.text_input("Naam")
            velden["omschrijving"] = st.text_area("Omschrijving")
            velden["doelgroep"] = st.text_input("Doelgroep")
            velden["start"] = st.text_input("Start (kwartaal)", placeholder="2025-Q1")
        a, b, c = st.columns(3)
        velden["status"] = a.selectbox("Status", ["", *d.STATUSSEN], key="f_status",
                                       help="; ".join(f"{s}: {u}" for s, u in d.STATUSSEN.items()))
        velden["status_vanaf"] = b.text_input("Status geldt vanaf (kwartaal)", placeholder="2025-Q1")
        velden["einde"] = c.text_input("Einde (kwartaal)", value=_tekst(huidig.get("einde")), placeholder="2025-Q4")
        velden["toelichting"] = st.text_input("Toelichting bij de status")
        a, b, c, e = st.columns(4)
        for kolom, label, veld in ((a, "Doel deelnemers", "doel_deelnemers"), (b, "Doel uitstroom werk", "doel_uitstroom_werk"),
                                   (c, "Doel uitstroom opleiding", "doel_uitstroom_opleiding")):
            velden[veld] = kolom.text_input(label, value=_tekst(huidig.get(veld)))
        velden["doel_periode"] = e.selectbox("Doelperiode", ["", *d.DOEL_PERIODES], key="f_doelperiode")
        velden["beroepsklasse_code"] = st.selectbox(
            "Beroepsklasse waarvoor het project opleidt", ["", *klassen], format_func=lambda k: klassen.get(k, "—"),
            key="f_beroepsklasse")
        opslaan = st.form_submit_button("Projectgegevens opslaan", type="primary")
    if opslaan:
        if not nieuw:  # only what was changed: the form shows the current values
            for veld in ("einde", *d.DOELEN):
                if str(velden[veld]).strip() == _tekst(huidig.get(veld)):
                    velden.pop(veld)
            if not velden.get("status"):
                velden.pop("status_vanaf", None)
        try:
            code = invoer.wijzig_project(project, velden, door, int(huidig.get("revisie", 0)))
        except invoer.InvoerFout as exc:
            _fouten(exc)
        except opslag.Conflict as exc:
            st.error(str(exc))
        else:
            _verversen(f"Projectgegevens van '{velden.get('naam') or namen.get(code, code)}' opgeslagen.")

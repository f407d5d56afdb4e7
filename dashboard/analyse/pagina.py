"""The pieces of the Analyse arbeidsmarkt page: which document (live or a
saved version, ?versie=...), the presentation with its navigation, saving,
comparing and exporting. The page itself only calls these."""
from __future__ import annotations

from contextlib import contextmanager
from datetime import date

import pandas as pd
import streamlit as st

from dashboard.analyse import dianav, lezen, presentatie, versies
from dashboard.analyse import document as analyse
from dashboard.export import report
from dashboard.export.pdf import PdfFout
from dashboard.export.powerpoint import PptxFout
from dashboard.figuren import uwv
from dashboard.kern import components, db
from dashboard.kern import format as fmt
from dashboard.kern.context import Context

LIVE = "Actuele stand"


def gekozen_document(ctx: Context) -> tuple[dict | None, dict | None]:
    """(document, manifest): the version named in ?versie=, else the live analysis."""
    naam = st.query_params.get("versie")
    if naam:
        try:
            manifest, doc = versies.laad(naam)
            return doc, manifest
        except versies.VersieFout as exc:
            st.error(f"{exc} De pagina toont de actuele stand.")
            del st.query_params["versie"]
    try:
        return analyse.live(ctx.regio, uwv.gekozen_analyse_periode(ctx)), None
    except db.WarehouseOntbreekt as exc:
        st.error(f"Er is nog geen datawarehouse ({exc}). Bouw het met `python -m etl.refresh --offline` of `make run`.")
    except (db.DataOntbreekt, analyse.AnalyseFout) as exc:
        st.error(f"De analyse kan niet worden gemaakt: {exc}")
    return None, None


def platte_tekst(tekst) -> str:
    """`tekst` shown literally by st.markdown/st.info: every markdown character escaped, so a
    version name or a name in "door" can never become a link, an image or formatting."""
    import re
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$:])", r"\\\1", str(tekst))


def _periode_code(doc: dict) -> str | None:
    """The UWV period to compare a document with: its own when it was an earlier one, else the latest."""
    p = doc.get("uwv_periode")
    return p["code"] if p and not p["laatste"] else None


def _versie_label(manifest: dict | None) -> str:
    return manifest["naam"] if manifest else LIVE


def kopregel(doc: dict, manifest: dict | None) -> None:
    build = doc.get("build") or {}
    if manifest:
        st.info(f"**Vastgelegde versie: {platte_tekst(manifest['naam'])}**, opgeslagen "
                f"{fmt.datum_tijd(manifest.get('opgeslagen'))}"
                + (f" door {platte_tekst(manifest['door'])}" if manifest.get("door") else "")
                + f". Cijfers uit het datawarehouse van {fmt.datum_tijd(build.get('built_at'))}. "
                "Deze versie verandert niet meer, ook niet na een verversing.", icon=":material/lock:")
        if manifest.get("opmerking"):
            st.warning(manifest["opmerking"])
    else:
        st.caption(f"Actuele stand: tekst en figuren gemaakt uit het datawarehouse van "
                   f"{fmt.datum_tijd(build.get('built_at'))}. Na een verversing noemt de tekst vanzelf de nieuwe "
                   "cijfers. Elke figuur noemt haar bron en peildatum.")
    periode = doc.get("uwv_periode")
    if manifest and periode:
        st.caption(f"UWV-cijfers van deze versie: vacatures {periode['label']}, WW-uitkeringen {periode['ww_label']}"
                   + ("" if periode["laatste"] else " (een eerdere periode, zo gekozen bij het vastleggen)") + ".")


def _ga_naar(**params) -> None:
    for k, v in params.items():
        if v is None:
            st.query_params.pop(k, None)
        else:
            st.query_params[k] = str(v)


def bediening(ctx: Context, doc: dict, manifest: dict | None) -> None:
    """Version choice, presenting, saving, comparing, exporting."""
    try:
        alle = versies.lijst()
    except versies.VersieFout as exc:   # the store is unreachable: the live analysis still shows
        st.warning(str(exc))
        alle = []
    lijst = [m for m in alle if not m.get("beschadigd")]
    kapot = [m for m in alle if m.get("beschadigd")]
    if manifest is None:
        uwv.analyse_periode_keuze(ctx)   # the UWV period: re-runs the page with ?periode=
    opties = [LIVE] + [m["naam"] for m in lijst]
    per_naam = {m["naam"]: m["map"] for m in lijst}
    # one flex row (one block; two columns were three)
    rij = st.container(horizontal=True, vertical_alignment="bottom", gap="medium")
    keuze = rij.selectbox("Weergave", opties, index=opties.index(_versie_label(manifest))
                          if _versie_label(manifest) in opties else 0, key="analyse-versie",
                          placeholder="Kies een weergave", width="stretch")
    if keuze != _versie_label(manifest):
        _ga_naar(versie=per_naam.get(keuze))
        st.rerun()
    rij.button("Presenteren", icon=":material/slideshow:", type="primary", width=240,
               on_click=_ga_naar, kwargs={"presentatie": 1, "dia": 1})
    # an expander in the page's own order, right after Presenteren (issue 15): a popover keeps the focus on
    # its button and sits at the end of the page, and trapping the focus in it is what the issue rules out
    with uitklap("Exporteren: HTML, PDF of PowerPoint", ":material/download:", "exporteren") as open_:
        if open_:
            export(doc, manifest)
    for m in kapot:
        st.warning(f"Versie-map '{platte_tekst(m['map'])}' is beschadigd ({m['beschadigd']}) en wordt niet getoond.")
    if manifest is None:
        vastleggen(doc)
    else:
        vergelijken(ctx, doc)
        intrekken(manifest)


ROL = "versies"   # the account role that may save and retire versions


def bevoegd() -> str | None:
    """The logged-in person's name when their account (the monitor's accounts) has the role
    'versies' (`rollen = ["versies"]` in .streamlit/secrets.toml), else None."""
    from dashboard.kern import login
    naam = login.gebruiker()
    if not naam:
        return None
    for sleutel, account in login.accounts().items():
        if naam in (account.get("naam"), sleutel) and ROL in (account.get("rollen") or []):
            return naam
    return None


def _inloggen(waarvoor: str) -> str | None:
    """The authorised name, or a login form (the monitor's accounts) and None."""
    from dashboard.kern import login
    naam = bevoegd()
    if naam:
        st.caption(f"Ingelogd als {platte_tekst(naam)}.")
        return naam
    if login.gebruiker():
        st.warning(f"U bent ingelogd als {platte_tekst(login.gebruiker())}, maar uw account heeft niet de rol "
                   f"'{ROL}' die nodig is om {waarvoor}.")
        return None
    bekend = login.accounts()
    if not bekend:
        st.info(f"Om {waarvoor} is een account nodig, en er zijn nog geen accounts ingesteld "
                "(`.streamlit/secrets.toml`, zie de README bij de monitor; geef het account `rollen = [\"versies\"]`).")
        return None
    st.caption(f"Om {waarvoor} logt u in.")
    with st.form(f"inloggen-{waarvoor}", border=False):
        wie = st.text_input("Gebruikersnaam")
        ww = st.text_input("Wachtwoord", type="password")
        if st.form_submit_button("Inloggen"):
            melding = login.controleer(wie, ww)    # throttled, equal cost for unknown names, a reload-proof cookie
            if melding is None:
                st.rerun()
            st.error(melding)
    return None


@contextmanager
def uitklap(label: str, icon: str, naam: str):
    """An expander whose content is made only while it is open (`with uitklap(...) as open_: if open_: ...`):
    opening it reruns the page. Closed, as it mostly is, it costs the page one element instead of its buttons,
    forms and the login check on every rerun. Its state is in st.session_state['analyse-<naam>']."""
    blok = st.expander(label, icon=icon, key=f"analyse-{naam}", on_change="rerun")
    with blok:
        yield bool(blok.open)


def vastleggen(doc: dict) -> None:
    with uitklap("Vastleggen als versie", ":material/bookmark_add:", "vastleggen") as open_:
        if not open_:
            return
        st.caption("Legt vast wat nu getoond wordt: tekst, cijfers van elke figuur, bron en peildatum, en de build "
                   "van het datawarehouse. Een versie blijft ongewijzigd na elke verversing en wordt nooit "
                   "overschreven.")
        door = _inloggen("een versie vast te leggen")
        if not door:
            return
        with st.form("versie-opslaan", clear_on_submit=False, border=False):
            naam = st.text_input("Naam", value=f"Regionaal Beraad {fmt.datum_tijd(date.today())}", max_chars=versies.MAX_NAAM)
            if st.form_submit_button("Vastleggen", icon=":material/save:"):
                nu = analyse.live(doc["regio"], _periode_code(doc))
                if nu.get("build") != doc.get("build"):
                    st.error("De cijfers zijn intussen ververst. Bekijk de nieuwe stand en leg die dan vast.")
                    return
                try:
                    m = versies.bewaar(doc, naam, door=door)
                except versies.VersieFout as exc:
                    st.error(str(exc))
                    return
                st.success(f"Vastgelegd als versie '{platte_tekst(m['naam'])}' door {platte_tekst(door)}.")
                st.link_button("Open de versie", f"?versie={m['map']}")


def intrekken(manifest: dict) -> None:
    with uitklap("Versie intrekken", ":material/archive:", "intrekken") as open_:
        if not open_:
            return
        st.caption("Een ingetrokken versie verdwijnt uit de lijst en opent niet meer, maar wordt nooit gewist: "
                   "de bestanden blijven staan, met wie haar introk en wanneer.")
        door = _inloggen("een versie in te trekken")
        if not door:
            return
        with st.form("versie-intrekken", border=False):
            reden = st.text_input("Reden (optioneel)")
            if st.form_submit_button("Intrekken", icon=":material/archive:"):
                try:
                    versies.trek_in(manifest["map"], door, reden)
                except versies.VersieFout as exc:
                    st.error(str(exc))
                    return
                _ga_naar(versie=None)
                st.rerun()


def vergelijken(ctx: Context, doc: dict) -> None:
    with uitklap("Vergelijken met de actuele stand", ":material/difference:", "vergelijken") as open_:
        if not open_:
            return
        try:
            nu = analyse.live(doc["regio"], _periode_code(doc))
        except (db.WarehouseOntbreekt, db.DataOntbreekt, analyse.AnalyseFout) as exc:
            st.error(f"De actuele stand is niet beschikbaar: {exc}")
            return
        verschillen = versies.vergelijk(doc, nu)
        cijfers = [v for v in verschillen if v["soort"] == "cijfer"]
        if not verschillen:
            st.success("Geen verschil: de actuele cijfers en tekst zijn gelijk aan deze versie.")
            return
        bronnen = [v for v in verschillen if v["soort"] == "bron"]
        teksten = [v for v in verschillen if v["soort"] == "tekst"]
        st.markdown(f"**{len(cijfers)} cijfers**, **{len(bronnen)} bronregels** en **{len(teksten)} tekstdelen** zijn "
                    "veranderd sinds deze versie.")
        if cijfers or bronnen:
            components.tabel(pd.DataFrame([{"Sectie": v["sectie"], "Wat": v["wat"], "In de versie": str(v["versie"]),
                                            "Nu": str(v["nu"])} for v in cijfers + bronnen]), "Veranderde cijfers")
        for v in verschillen:
            if v["soort"] == "tekst":
                st.markdown(f"**{v['sectie']}**, tekst nu:\n\n{v['nu']}")


@st.cache_data(max_entries=8, show_spinner=False)
def _html(doc: dict, manifest: dict | None) -> bytes:
    return report.html(doc, manifest).encode("utf-8")


@st.cache_data(max_entries=4, show_spinner=False)
def _pdf(doc: dict, manifest: dict | None) -> bytes:
    return report.pdf_bytes(doc, manifest)


@st.cache_data(max_entries=4, show_spinner=False)
def _pptx(doc: dict, manifest: dict | None) -> bytes:
    return report.pptx_bytes(doc, manifest)


def export(doc: dict, manifest: dict | None) -> None:
    naam = f"analyse_arbeidsmarkt_{doc['regio']}_{versies.map_naam(_versie_label(manifest))}"
    st.caption("Eén bestand met alle secties, figuren en tabellen, bron en peildatum en de exportdatum. "
               "HTML opent ook zonder internet.")
    if st.button("HTML maken", key="maak-html"):
        st.session_state["export-html"] = _html(doc, manifest)
    if st.session_state.get("export-html"):
        st.download_button("HTML downloaden", st.session_state["export-html"], f"{naam}.html", mime="text/html",
                           on_click="ignore", icon=":material/download:", key="download-html")
    if st.button("PDF maken (A4)", key="maak-pdf"):
        try:
            with st.spinner("PDF wordt gemaakt…"):
                st.session_state["export-pdf"] = _pdf(doc, manifest)
        except PdfFout as exc:
            st.error(str(exc))
    if st.button("PowerPoint maken", key="maak-pptx"):
        try:
            st.session_state["export-pptx"] = _pptx(doc, manifest)
        except PptxFout as exc:
            st.error(str(exc))
    if st.session_state.get("export-pptx"):
        st.download_button("PowerPoint downloaden", st.session_state["export-pptx"], f"{naam}.pptx",
                           mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                           on_click="ignore", icon=":material/download:", key="download-pptx")
    if st.session_state.get("export-pdf"):
        st.download_button("PDF downloaden", st.session_state["export-pdf"], f"{naam}.pdf", mime="application/pdf",
                           on_click="ignore", icon=":material/download:", key="download-pdf")


def inhoud(doc: dict) -> None:
    lezen.toon(doc)   # contents, every section and figure: made once per document


def dia_nummer(waarde: str | None, aantal: int) -> tuple[int, str | None]:
    """(slide number to show, Dutch message or None) for ?dia=<waarde> in a deck of `aantal` slides."""
    if waarde is None:
        return 1, None
    try:
        nr = int(str(waarde).strip())
    except ValueError:
        return 1, f"'{waarde}' is geen dianummer: kies een dia van 1 tot en met {aantal}. Dia 1 wordt getoond."
    if nr < 1:
        return 1, f"Dia {nr} bestaat niet: de dia's lopen van 1 tot en met {aantal}. Dia 1 wordt getoond."
    if nr > aantal:
        return aantal, (f"Dia {nr} bestaat niet: deze presentatie heeft {aantal} dia's. "
                        f"De laatste dia ({aantal}) wordt getoond.")
    return nr, None


def presenteer(doc: dict, manifest: dict | None) -> None:
    """One slide per screen; ?dia=N in the URL; buttons, keyboard and clicker; a slide index."""
    alle = presentatie.dias(doc)
    nr, melding = dia_nummer(st.query_params.get("dia"), len(alle))
    if str(nr) != st.query_params.get("dia"):
        st.query_params["dia"] = str(nr)
    if melding:
        st.warning(melding)
    maten = presentatie.dia_maten(*presentatie.scherm(st.query_params.get("scherm")))
    presentatie.toon_dia(doc, nr, _versie_label(manifest), maten)
    # one component for the whole row (dianav.py): six buttons and a select box cost every switch seven widgets
    dianav.toon(nr, [d["titel"] for d in alle], _ga_naar)

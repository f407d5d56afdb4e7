"""The Analyse arbeidsmarkt (Bijlage 1) as one document made from the
warehouse: per section the generated text (templates in
dashboard/teksten/analyse.toml), the figures (dashboard.figuren.figuur) and the
numbers behind the text. The page, the presentation, a saved version and the
HTML/PDF export all show this same document.

`maak` reads everything from one warehouse build (db.een_build), so a refresh
during an export cannot mix two builds' numbers."""
from __future__ import annotations

import tomllib
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

import jinja2

from dashboard.kern import db
from dashboard.figuren import definities
from dashboard.figuren import figuur as figuren
from dashboard.figuren import samenvatting
from dashboard.figuren import views
from dashboard.kern import format as fmt
from dashboard.kern.context import VERGELIJK_REGIO, Context

FORMAAT = 1
TEKSTEN = Path(__file__).parent / "teksten" / "analyse.toml"

KWARTALEN = {"Q1": "het eerste kwartaal", "Q2": "het tweede kwartaal", "Q3": "het derde kwartaal",
             "Q4": "het vierde kwartaal"}


class AnalyseFout(Exception):
    """The analysis could not be made; Dutch message."""


# --- templates -------------------------------------------------------------

def _periode_lang(p: dict | str) -> str:
    code, soort = (p["periode"], p["periode_type"]) if isinstance(p, dict) else (p, "")
    if soort == "kwartaal" or (len(code) == 7 and code[5] == "Q"):
        jaar, kw = code.split("-")
        return f"{KWARTALEN[kw]} van {jaar}"
    return fmt.periode(code, soort) if soort else code


def _richting(x, op: str, neer: str, gelijk: str) -> str:
    return op if x > 0 else neer if x < 0 else gelijk


@lru_cache(maxsize=1)
def teksten() -> dict:
    return tomllib.loads(TEKSTEN.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _omgeving() -> jinja2.Environment:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=False)
    env.filters.update(getal=fmt.getal, procent=fmt.procent, klein=samenvatting.klein,
                       opsomming=samenvatting.opsomming, periode_lang=_periode_lang,
                       teken=lambda tekst, x: fmt.met_teken(tekst, x))
    env.globals.update(vergelijk=samenvatting.vergelijk_woord, richting=_richting)
    return env


@lru_cache(maxsize=256)
def _sjabloon(tekst: str) -> jinja2.Template:
    return _omgeving().from_string(tekst)


def alineas(sectie_id: str, feiten: dict, regio_naam: str) -> list[str]:
    """The section's paragraphs from its templates and facts; empty ones dropped."""
    sectie = next(s for s in teksten()["sectie"] if s["id"] == sectie_id)
    uit = []
    for sjabloon in sectie["alineas"]:
        try:
            tekst = _sjabloon(sjabloon).render(regio=regio_naam, **feiten)
        except jinja2.TemplateError as exc:
            raise AnalyseFout(f"Tekstsjabloon van sectie '{sectie_id}' in {TEKSTEN.name} klopt niet: {exc}") from exc
        tekst = " ".join(tekst.split())
        if tekst:
            uit.append(tekst)
    return uit


# --- facts per section (the numbers the text names) -------------------------

def _zonder_nan(r: dict) -> dict:
    return {k: (None if isinstance(v, float) and v != v else v) for k, v in r.items()}


def _label(rijen: list[dict], label: str) -> dict | None:
    return next((_zonder_nan(r) for r in rijen if r["label"] == label), None)


def _verdeling(ctx: Context, indicator: str, dimensie: str) -> dict[str, dict]:
    rijen = db.view(views.verdeling_records, "verdeling", indicator=indicator, dimensie=dimensie,
                    regio=ctx.regio, vergelijk=ctx.vergelijk)
    return {r["categorie"]: r for r in rijen}


def _paar(rij: dict | None) -> dict | None:
    if not rij or rij["regio_pct"] is None or rij["vergelijk_pct"] is None:
        return None
    return {"regio": rij["regio_pct"], "nl": rij["vergelijk_pct"]}


def feiten(ctx: Context) -> dict[str, dict]:
    kaarten = db.view(db.records, "bevolking_kaarten", regio=ctx.regio)
    kern = {r["kerncijfer"]: _zonder_nan(r)
            for r in db.view(db.records, "kerncijfers", regio=ctx.regio, vergelijk=ctx.vergelijk)}
    uit: dict[str, dict] = {}

    # Inwoners
    inwoners, prognose = _label(kaarten, "Inwoners"), _label(kaarten, "Inwoners, prognose 2040")
    if prognose and inwoners:
        prognose["groei"] = 100.0 * (prognose["waarde"] - inwoners["waarde"]) / inwoners["waarde"]
    w = db.view(views.waarden_per_indicator_regio, "demografische_druk", regio=ctx.regio, vergelijk=ctx.vergelijk)
    druk = dict(groen=w.get(("groene_druk", ctx.regio)), grijs=w.get(("grijze_druk", ctx.regio)),
                groen_nl=w.get(("groene_druk", ctx.vergelijk)), grijs_nl=w.get(("grijze_druk", ctx.vergelijk)))
    reeks = [r for r in db.view(db.records, "inwoners_reeks", regio=ctx.regio) if r["is_regio"]]
    cbs = None
    if len(reeks) >= 2:
        cbs = {"eerste": reeks[0], "laatste": reeks[-1], "groei": reeks[-1]["waarde"] - reeks[0]["waarde"]}
    uit["inwoners"] = dict(inwoners=inwoners, prognose=prognose, cbs=cbs,
                           druk=druk if None not in druk.values() else None,
                           migratie=[r for r in (_zonder_nan(k) for k in kaarten)
                                     if r["label"].startswith("Bevolkingsgroei door migratie")])

    # Werkenden
    participatie = _label(kaarten, "Netto arbeidsparticipatie")
    if participatie:
        p = kern.get("Netto arbeidsparticipatie") or {}
        participatie.update(nl=p.get("vergelijk_waarde"), nl_peildatum=p.get("vergelijk_peildatum"))
    banen = db.view(views.banen, "banen", regio=ctx.regio)
    zelfstandigen = None
    if len(banen) >= 2:
        a, b = banen[-2], banen[-1]
        zelfstandigen = dict(van=a["zelfstandigen"], naar=b["zelfstandigen"], jaar_van=a["jaar"], jaar_naar=b["jaar"],
                             groei=b["groei_zelfstandigen"], groei_pct=b["groei_pct_zelfstandigen"])
    context_rijen = db.view(db.records, "banen_context", regio=ctx.regio, vergelijk=ctx.vergelijk)
    zzp = next((_zonder_nan(r) for r in context_rijen if r["indicator"] == "zzp" and r["regio_code"] == ctx.vergelijk),
               None)
    if zzp:
        zzp["periode"] = fmt.periode(zzp["periode"], zzp["periode_type"])
    uit["werkenden"] = dict(participatie=participatie, basis=_label(kaarten, "Inwoners van 15 tot 75 jaar"),
                            niet_meer_uren=next((_zonder_nan(r) for r in kaarten
                                                 if r["label"].startswith("Werkenden die niet meer uren")), None),
                            zelfstandigen=zelfstandigen, zzp_nl=zzp)

    # Onbenut talent
    onbenut = db.view(db.records, "onbenut", regio=ctx.regio)
    totaal = next((r for r in onbenut if r["is_totaal"]), None)
    delen = sorted((r for r in onbenut if not r["is_totaal"]), key=lambda r: r["waarde"], reverse=True)
    ctx_rijen = {r["indicator"]: r for r in db.view(db.records, "onbenut_context", vergelijk=ctx.vergelijk)}
    opleiding = _verdeling(ctx, "gwu", "opleidingsniveau")
    gwu = None
    hoog = [opleiding.get(c) for c in ("HBO/bachelor", "WO/master")]
    if opleiding.get("Totaal") and all(h and h["regio_pct"] is not None and h["vergelijk_pct"] is not None
                                       for h in hoog):
        t = opleiding["Totaal"]
        gwu = dict(totaal=t["regio_aantal"], periode=fmt.periode(t["periode"], t["periode_type"]),
                   hoog=sum(h["regio_pct"] for h in hoog), hoog_nl=sum(h["vergelijk_pct"] for h in hoog))
    uitkering = db.view(db.records, "gwu_uitkering", regio=ctx.regio)
    uit["onbenut"] = dict(
        niet_beroepsbevolking=_label(kaarten, "Niet-beroepsbevolking"),
        onbenut=None if not (totaal and delen) else dict(
            totaal=totaal["waarde"], grootste=delen[0]["categorie"].lower(),
            delen=[f"{fmt.getal(r['waarde'])} {r['categorie'].lower()}" for r in delen]),
        aandeel_uwv=(ctx_rijen.get("onbenut_aandeel_geregistreerd_uwv") or {}).get("waarde"),
        extra_uren=(ctx_rijen.get("extra_uren_gewenst_deeltijders") or {}).get("waarde"),
        gwu=gwu, uitkering_zin=samenvatting.gwu_uitkering(uitkering, ctx.regio_naam)[1] if uitkering else "")

    # WW
    totaal_ww = {(r["regio_code"], r["maat"]): r for r in db.view(db.records, "ww_totaal", regio=ctx.regio,
                                                                   vergelijk=ctx.vergelijk)}
    stand = totaal_ww.get((ctx.regio, "aantal"))
    mut, mut_nl = totaal_ww.get((ctx.regio, "jaarmutatie")), totaal_ww.get((ctx.vergelijk, "jaarmutatie"))
    ww_opl = _verdeling(ctx, "ww_uitkeringen", "opleidingsniveau")
    jong = {r["maat"]: r for r in db.view(db.records, "ww_jongeren", regio=ctx.regio)}
    uit["ww"] = dict(
        ww=None if not stand else dict(stand=stand["waarde"], periode=fmt.periode(stand["periode"],
                                                                                   stand["periode_type"]),
                                       mutatie=mut and mut["waarde"], mutatie_nl=mut_nl and mut_nl["waarde"]),
        wo=_paar(ww_opl.get("WO/master")), zonder_sk=_paar(ww_opl.get("Geen startkwalificatie")),
        kort=_paar(_verdeling(ctx, "ww_uitkeringen", "verstreken_duur").get("< 6 maanden")),
        jongeren=None if "aantal" not in jong else dict(
            instroom=jong["aantal"]["waarde"], periode=jong["aantal"]["periode"],
            zonder_sk=jong["aandeel"]["waarde"] if "aandeel" in jong else None,
            kwalificatie=jong["aandeel"]["kwalificatie"] if "aandeel" in jong else None))

    # Algemene schets
    banen_feit = None
    echte = [r for r in banen if not r["is_prognose"]]
    if len(echte) >= 2:
        a, b = echte[0], echte[-1]
        banen_feit = dict(van=a["totaal"], naar=b["totaal"], jaar_van=a["jaar"], jaar_naar=b["jaar"],
                          groei_pct=100.0 * (b["totaal"] - a["totaal"]) / a["totaal"], prognose=None)
        prognose_rij = next((r for r in banen if r["is_prognose"]), None)
        if prognose_rij:
            banen_feit.update(prognose=prognose_rij["totaal"], prognose_jaar=prognose_rij["jaar"],
                              prognose_pct=100.0 * (prognose_rij["totaal"] - b["totaal"]) / b["totaal"])
    horeca = next((_zonder_nan(r) for r in context_rijen if r["indicator"] == "werknemersbanen"
                   and r["regio_code"] == ctx.regio and r["categorie"] == "Horeca"), None)
    if horeca:
        horeca["sinds"] = (horeca.get("kwalificatie") or "").replace("t.o.v. ", "") or "het basisjaar"
    werkloos = db.view(db.records, "landelijke_reeks", indicator="werkloosheidspercentage", dataset="80590ned",
                       periode_type="maand", vanaf="1900-01-01")
    uit["schets"] = dict(banen=banen_feit, horeca=horeca, werkloosheid_nl=werkloos[-1] if werkloos else None)

    # Vacatures
    vac = db.view(views.verdeling_records, "verdeling", indicator="openstaande_vacatures", dimensie="beroepsklasse",
                  regio=ctx.regio, vergelijk=ctx.vergelijk)
    klassen = [r for r in vac if not r["is_totaal"] and r["regio_aantal"] is not None]
    totaal_vac = next((r for r in vac if r["is_totaal"]), None)
    top = sorted(klassen, key=lambda r: r["regio_aantal"], reverse=True)[:2]
    uit["vacatures"] = dict(
        periode=top[0]["periode"] if top else "", totaal=totaal_vac["regio_aantal"] if totaal_vac else None,
        top=[dict(naam=r["categorie"], aantal=r["regio_aantal"], aandeel=r["regio_pct"], aandeel_nl=r["vergelijk_pct"])
             for r in top if r["regio_pct"] is not None and r["vergelijk_pct"] is not None],
        groter=[samenvatting.klein(r["categorie"]) for r in klassen
                if r["verschil_pp"] is not None and r["verschil_pp"] >= figuren.DREMPEL_PP],
        kleiner=[samenvatting.klein(r["categorie"]) for r in klassen
                 if r["verschil_pp"] is not None and r["verschil_pp"] <= -figuren.DREMPEL_PP],
        drempel=figuren.DREMPEL_PP)

    # Mismatch
    mm = db.view(views.mismatch_records, "mismatch", regio=ctx.regio)
    ingedeeld = [r for r in mm if r["mismatch"] is not None]
    kwal = sorted((r for r in ingedeeld if r["mismatch"] == "kwalitatieve mismatch"),
                  key=lambda r: r["verschil"], reverse=True)
    rest = next((r for r in mm if r["is_rest"] and r["ww_uitkeringen"]), None)
    uit["mismatch"] = dict(
        klassen=len(ingedeeld),
        vac_periode=ingedeeld[0]["vacatures_peildatum"] if ingedeeld else "",
        ww_periode=ingedeeld[0]["ww_peildatum"] if ingedeeld else "",
        kwantitatief=[dict(naam=r["beroepsklasse"], ww=r["ww_uitkeringen"], vacatures=r["vacatures"])
                      for r in ingedeeld if r["mismatch"] == "kwantitatieve mismatch"],
        kwalitatief=len(kwal),
        grootste=None if not kwal else dict(naam=kwal[0]["beroepsklasse"], vacatures=kwal[0]["vacatures"],
                                            ww=kwal[0]["ww_uitkeringen"]),
        zonder_klasse=rest["ww_uitkeringen"] if rest else None)
    return uit


# --- the figures per section ---------------------------------------------------

def _figuren(ctx: Context) -> dict[str, list]:
    return {
        "inwoners": [figuren.demografische_druk(ctx)],
        "werkenden": [],
        "onbenut": [figuren.onbenut(ctx),
                    figuren.verdeling(ctx, "gwu", "opleidingsniveau", "werkzoekenden", definities.GWU,
                                      "gwu-opleidingsniveau", vergelijk_label="alle regio's")],
        "ww": [figuren.verdeling(ctx, "ww_uitkeringen", "opleidingsniveau", "WW-uitkeringen", definities.WW,
                                 "ww-opleidingsniveau"),
               figuren.verdeling(ctx, "ww_uitkeringen", "verstreken_duur", "WW-uitkeringen", definities.WW,
                                 "ww-verstreken_duur")],
        "schets": [figuren.banen(ctx)],
        "vacatures": [figuren.vacatures(ctx)],
        "mismatch": [figuren.mismatch(ctx)],
    }


def _context(regio: str) -> Context:
    namen = {}
    for code in (regio, VERGELIJK_REGIO):
        df = db.query("regio", regio=code)
        if df.empty:
            raise AnalyseFout(f"Regiocode '{code}' is onbekend in het datawarehouse.")
        namen[code] = str(df["regio_naam"].iloc[0])
    return Context(regio, namen[regio], VERGELIJK_REGIO, namen[VERGELIJK_REGIO])


def _maak(regio: str) -> dict:
    ctx = _context(regio)
    build = db.view(db.records, "build")
    feit = feiten(ctx)
    figs = _figuren(ctx)
    secties = []
    for s in teksten()["sectie"]:
        f = [figuren.naar_dict(x) for x in figs[s["id"]] if x is not None]
        secties.append({"id": s["id"], "titel": s["titel"], "alineas": alineas(s["id"], feit[s["id"]], ctx.regio_naam),
                        "dia": list(s.get("dia", [])), "figuren": f})
    return {
        "formaat": FORMAAT, "regio": ctx.regio, "regio_naam": ctx.regio_naam, "vergelijk": ctx.vergelijk,
        "vergelijk_naam": ctx.vergelijk_naam,
        "build": {"build_id": str(build[0]["build_id"]), "built_at": build[0]["built_at"].isoformat()} if build else {},
        "gemaakt": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "secties": secties, "opgaven": teksten()["opgaven"],
    }


@lru_cache(maxsize=16)
def _live(regio: str, key: str) -> dict:
    return maak(regio)


def live(regio: str) -> dict:
    """The analysis for the page: made once per warehouse build (treat as read-only)."""
    return _live(regio, db.build_key())


def clear() -> None:
    """Forget the cached live analyses (tests)."""
    _live.cache_clear()


def maak(regio: str) -> dict:
    """The analysis of `regio` from the current warehouse, all of it from one build."""
    for _ in range(5):
        with db.een_build() as key:
            doc = _maak(regio)
        if db.build_key() == key:   # the attached file was that build throughout
            return doc
    raise AnalyseFout("Het datawarehouse werd tijdens het maken van de analyse steeds opnieuw ververst; "
                      "probeer het zo nog eens.")

"""The Analyse arbeidsmarkt (Bijlage 1) as one document made from the
warehouse: per section the generated text (templates in
dashboard/analyse/teksten/analyse.toml, which also names each section's
figures by their key), the figures and the facts behind the text, both from
the figure register (dashboard.figuren.register). The page, the presentation, a saved version and the
HTML/PDF export all show this same document.

`maak` reads everything from one warehouse build (db.een_build), so a refresh
during an export cannot mix two builds' numbers."""
from __future__ import annotations

import hashlib
import threading
import tomllib
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

import jinja2

from dashboard.export import opmaak
from dashboard.figuren import figuur, register, samenvatting, uwv
from dashboard.kern import context, db
from dashboard.kern import format as fmt
from dashboard.kern.context import Context

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
    # analyse.toml's templates are strings: loaded by a name made from their text, so that Jinja's bytecode cache
    # keeps them compiled across processes (the export CLI), like the export's own templates
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=False,
                             loader=jinja2.FunctionLoader(_SJABLONEN.get), bytecode_cache=opmaak.bytecode_cache())
    env.filters.update(getal=fmt.getal, procent=fmt.procent, klein=samenvatting.klein,
                       opsomming=samenvatting.opsomming, periode_lang=_periode_lang,
                       teken=lambda tekst, x: fmt.met_teken(tekst, x), zonder_haakjes=samenvatting.zonder_haakjes)
    env.globals.update(vergelijk=samenvatting.vergelijk_woord, richting=_richting)
    return env


_SJABLONEN: dict[str, str] = {}   # template name -> its text


@lru_cache(maxsize=256)
def _sjabloon(tekst: str) -> jinja2.Template:
    naam = "analyse-" + hashlib.sha256(tekst.encode("utf-8")).hexdigest()[:32]
    _SJABLONEN[naam] = tekst
    return _omgeving().get_template(naam)


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


# --- facts and figures per section: from the figure register ------------------

def feiten(ctx: Context, periode: dict | None = None) -> dict[str, dict]:
    """The numbers each section's text names: the same facts the figures' sentences use (at the chosen UWV
    period, `periode` from uwv.analyse_periode; None: the latest)."""
    return {s["id"]: register.sectie_feiten(s["id"], ctx, **uwv.sectie_keuzes(s["id"], periode))
            if s.get("alineas") else {} for s in teksten()["sectie"]}


def _context(regio: str | None) -> Context:
    try:
        return context.maak(regio)
    except context.OnbekendeRegio:
        raise AnalyseFout(f"Regiocode '{regio}' is onbekend in het datawarehouse.") from None


def _uwv_periode(ctx: Context, code: str | None) -> dict | None:
    """The UWV period the document shows (the latest without `code`); AnalyseFout for an unknown one."""
    gekozen = uwv.analyse_periode(ctx, code)
    if code and gekozen is None:
        bekend = ", ".join(p["code"] for p in uwv.analyse_perioden(ctx)) or "geen"
        raise AnalyseFout(f"UWV-periode '{code}' is onbekend voor {ctx.regio_naam}; bekend zijn: {bekend}.")
    return gekozen


def _maak(regio: str, periode: str | None = None) -> dict:
    ctx = _context(regio)
    build = db.rijen("build")
    uwv_periode = _uwv_periode(ctx, periode)
    feit = feiten(ctx, uwv_periode)
    secties = []
    for s in teksten()["sectie"]:
        figs = (register.maak(sleutel, ctx, **uwv.figuur_keuzes(sleutel, uwv_periode))
                for sleutel in s.get("figuren", []))
        f = [figuur.naar_dict(x) for x in figs if x is not None]
        secties.append({"id": s["id"], "titel": s["titel"], "alineas": alineas(s["id"], feit[s["id"]], ctx.regio_naam),
                        "dia": list(s.get("dia", [])), "presentatie": s.get("presentatie", True), "figuren": f})
    return {
        "formaat": FORMAAT, "regio": ctx.regio, "regio_naam": ctx.regio_naam, "vergelijk": ctx.vergelijk,
        "vergelijk_naam": ctx.vergelijk_naam,
        "uwv_periode": uwv_periode,   # {code, label, ww, ww_label, laatste}: a saved version keeps it
        "build": {"build_id": str(build[0]["build_id"]), "built_at": build[0]["built_at"].isoformat()} if build else {},
        "gemaakt": datetime.now(UTC).isoformat(timespec="seconds"),
        "secties": secties, "opgaven": opgaven(ctx),
    }


def opgaven(ctx: Context) -> dict:
    """The closing opgaven: quoted for the region they belong to; any other region gets a notice instead of
    another region's agenda (empty list, same keys, so every renderer and export works unchanged)."""
    o = {k: v for k, v in teksten()["opgaven"].items() if k not in ("regio", "elders")}
    eigenaar = teksten()["opgaven"].get("regio")
    if ctx.regio == eigenaar:
        return o
    rij = db.rijen("regio", regio=eigenaar)
    naam = rij[0]["regio_naam"] if rij else eigenaar
    inleiding = _sjabloon(teksten()["opgaven"]["elders"]).render(regio=ctx.regio_naam, eigenaar=naam)
    return {**o, "inleiding": inleiding, "lijst": []}


@lru_cache(maxsize=16)
def _live(regio: str, periode: str | None, key: str) -> dict:
    return maak(regio, periode)


def live(regio: str, periode: str | None = None) -> dict:
    """The analysis for the page (at UWV period `periode`, a vacatures quarter code; None: the latest): made
    once per warehouse build (treat as read-only)."""
    return _live(regio, periode, db.build_key())


def clear() -> None:
    """Forget the cached live analyses and their figures (tests)."""
    _live.cache_clear()
    with _PER_DOCUMENT_SLOT:
        _PER_DOCUMENT.clear()


def _sleutel(doc: dict) -> tuple:
    """What identifies a made document: its region, warehouse build and the moment it was made (a saved
    version keeps these), with its figures' keys and titles as a check."""
    return (doc.get("regio"), (doc.get("build") or {}).get("build_id"), doc.get("gemaakt"),
            tuple((f.get("sleutel"), f.get("titel"), f.get("zin")) for s in doc["secties"] for f in s["figuren"]))


_PER_DOCUMENT: dict[tuple, object] = {}
_PER_DOCUMENT_SLOT = threading.Lock()
_PER_DOCUMENT_MAX = 48   # a few documents (regions, periods, versions), each with its figures, page and slides


def per_document(doc: dict, soort: str, maak):
    """maak(doc), made once per document and `soort` (what is made), not on every rerun of the page: a saved
    version is read again on each run, but has the same key. The result is shared by every session: treat it
    as read-only, like the document."""
    sleutel = (_sleutel(doc), soort)
    uit = _PER_DOCUMENT.get(sleutel)
    if uit is None:
        uit = maak(doc)
        with _PER_DOCUMENT_SLOT:   # sessions run in threads: one of them evicts and stores at a time
            if len(_PER_DOCUMENT) >= _PER_DOCUMENT_MAX:
                _PER_DOCUMENT.pop(next(iter(_PER_DOCUMENT)))
            uit = _PER_DOCUMENT.setdefault(sleutel, uit)
    return uit


def figuren(doc: dict) -> list[list[figuur.Figuur]]:
    """The document's figures as Figuur objects, per section, made once per document (`per_document`)."""
    return per_document(doc, "figuren", lambda d: [[figuur.van_dict(f) for f in s["figuren"]] for s in d["secties"]])


def figuur_van(doc: dict, f: dict) -> figuur.Figuur:
    """The Figuur of figure dict `f` of `doc`, from the per-document cache (`figuren`)."""
    for s, figs in zip(doc["secties"], figuren(doc), strict=True):
        for d, fig in zip(s["figuren"], figs, strict=True):
            if d is f:
                return fig
    return figuur.van_dict(f)


def maak(regio: str, periode: str | None = None) -> dict:
    """The analysis of `regio` from the current warehouse, all of it from one build; `periode`: the UWV period
    (a vacatures quarter such as '2025-Q2'; None: the latest)."""
    for _ in range(5):
        with db.een_build() as key:
            doc = _maak(regio, periode)
        if db.build_key() == key:   # the attached file was that build throughout
            return doc
    raise AnalyseFout("Het datawarehouse werd tijdens het maken van de analyse steeds opnieuw ververst; "
                      "probeer het zo nog eens.")

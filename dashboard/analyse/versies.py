"""Saved versions of the Analyse arbeidsmarkt: what the Regionaal Beraad saw,
stored outside the rebuildable warehouse as the analysis document
(analyse.json: text, figures' data, bron/peildatum, build) plus a manifest
with its checksum, in the store of basis.database (versies.sqlite in
data/versions by default, PostgreSQL when DATABASE_URL is set). A version is
one row written in one transaction, so it is complete or absent; the table
refuses UPDATE and DELETE and the name is its key, so an existing version is
never overwritten, not even by two workers saving the same name at once.

Folders of an older release (data/versions/<naam>/analyse.json, manifest.json,
ingetrokken.json) are copied into the store as they are, the first time the
store is used; the folders stay where they are."""
from __future__ import annotations

import hashlib
import json
import logging
import re
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

from basis import database
from basis import instellingen as settings

MAX_NAAM = 120
DATABASE = "versies.sqlite"
log = logging.getLogger("dashboard.analyse.versies")

_TABELLEN = """
    create table if not exists analyse_versies (
        map text primary key, naam text not null, opgeslagen text not null, manifest text not null, inhoud {blob})
    --
    create table if not exists analyse_versies_ingetrokken (map text primary key, gegevens text not null)
    --
    create table if not exists opslag_migraties (
        naam text primary key, op text not null, rijen integer not null, sha256 text not null)
"""
SCHEMA = {
    "sqlite": [*(q.strip() for q in _TABELLEN.format(blob="blob").split("--")), *(
        f"""create trigger if not exists {tabel}_{wat} before {wat} on {tabel}
            begin select raise(abort, '{tabel} is append-only'); end"""
        for tabel in ("analyse_versies", "analyse_versies_ingetrokken") for wat in ("update", "delete"))],
    "postgresql": [*(q.strip() for q in _TABELLEN.format(blob="bytea").split("--")),
                   """create or replace function alleen_toevoegen() returns trigger language plpgsql as
                      $$ begin raise exception '% is append-only', tg_table_name; end $$""", *(
        f"""create or replace trigger {tabel}_alleen_toevoegen before update or delete on {tabel}
            for each row execute function alleen_toevoegen()"""
        for tabel in ("analyse_versies", "analyse_versies_ingetrokken"))],
}


class VersieFout(Exception):
    """A version could not be saved or read; Dutch message."""


def map_naam(naam: str) -> str:
    """'Regionaal Beraad 7 mei 2026' -> 'regionaal-beraad-7-mei-2026'."""
    ascii_naam = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_naam.lower()).strip("-")


def _controleer_naam(naam: str) -> str:
    naam = " ".join((naam or "").split())
    if not naam:
        raise VersieFout("Geef de versie een naam, bijvoorbeeld 'Regionaal Beraad 7 mei 2026'.")
    if len(naam) > MAX_NAAM:
        raise VersieFout(f"De naam is te lang ({len(naam)} tekens; hooguit {MAX_NAAM}).")
    if not map_naam(naam):
        raise VersieFout(f"De naam '{naam}' bevat geen letters of cijfers.")
    return naam


def _checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_bekeken: dict[Path, int] = {}   # versions folder -> its mtime when last looked through for older folders


def _db() -> database.Database:
    """The store, with an older release's version folders copied in first. The folder is looked through
    again only when its mtime changed (a folder added or removed): one stat per call, not a listing."""
    root = settings.versies_dir()
    winkel = database.open_(root / DATABASE, SCHEMA)
    try:
        mtime = root.stat().st_mtime_ns
    except FileNotFoundError:
        return winkel
    if _bekeken.get(root) != mtime:
        mappen = [p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")
                  and ((p / "manifest.json").exists() or (p / "analyse.json").exists())]
        if mappen:
            _migreer(winkel, mappen)
        _bekeken[root] = mtime
    return winkel


def _migreer(winkel: database.Database, mappen: list[Path]) -> None:
    """Copy version folders of an older release into the store, byte for byte; once per folder."""
    with winkel.transactie(schrijven=True) as t:
        for map_ in sorted(mappen):
            sleutel = f"versies/{map_.name}"
            if t.execute("select 1 from opslag_migraties where naam = ?", (sleutel,)):
                continue
            if t.execute("select 1 from analyse_versies where map = ?", (map_.name,)):
                log.warning("versiemap %s niet overgezet: er is al een versie met die naam in de opslag", map_)
                continue
            manifest_tekst = _lees_tekst(map_ / "manifest.json")
            try:
                analyse = (map_ / "analyse.json").read_bytes()
            except OSError:
                analyse = None
            manifest = _manifest(manifest_tekst)
            t.execute("insert into analyse_versies (map, naam, opgeslagen, manifest, inhoud) values (?, ?, ?, ?, ?)",
                      (map_.name, manifest.get("naam") or map_.name, manifest.get("opgeslagen") or "",
                       manifest_tekst, analyse))
            weg = _lees_tekst(map_ / INGETROKKEN)
            if weg:
                t.execute("insert into analyse_versies_ingetrokken (map, gegevens) values (?, ?)", (map_.name, weg))
            t.execute("insert into opslag_migraties (naam, op, rijen, sha256) values (?, ?, ?, ?)",
                      (sleutel, datetime.now(UTC).isoformat(timespec="seconds"), 1,
                       _checksum(manifest_tekst.encode() + (analyse or b""))))


def _lees_tekst(pad: Path) -> str:
    try:
        return pad.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _manifest(tekst: str) -> dict:
    try:
        m = json.loads(tekst)
    except json.JSONDecodeError:
        return {}
    return m if isinstance(m, dict) else {}


def _opslag(wat: str):
    """Turns an unreachable store into a VersieFout with the store's Dutch message."""
    class _Vertaal:
        def __enter__(self):
            return self

        def __exit__(self, soort, exc, tb):
            if isinstance(exc, database.Onbereikbaar):
                raise VersieFout(f"Kan {wat}. {exc}") from exc
            return False
    return _Vertaal()


def bewaar(doc: dict, naam: str, door: str = "") -> dict:
    """Store `doc` as version `naam`. Refuses (VersieFout) when a version with
    that name exists: saved versions are never overwritten."""
    naam = _controleer_naam(naam)
    sleutel = map_naam(naam)
    data = json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    manifest = {"naam": naam, "map": sleutel, "opgeslagen": datetime.now(UTC).isoformat(timespec="seconds"),
                "door": door, "regio": doc.get("regio"), "regio_naam": doc.get("regio_naam"),
                "build": doc.get("build", {}), "analyse_gemaakt": doc.get("gemaakt"),
                "sha256": _checksum(data), "formaat": doc.get("formaat")}
    with _opslag("de versie niet opslaan"):
        try:
            with _db().transactie(schrijven=True) as t:
                bestaand = t.execute("select manifest from analyse_versies where map = ?", (sleutel,))
                if bestaand:
                    raise VersieFout(f"Er bestaat al een versie '{_manifest(bestaand[0][0]).get('naam', naam)}' "
                                     f"(map {sleutel}). Versies worden nooit overschreven: kies een andere naam.")
                t.execute("insert into analyse_versies (map, naam, opgeslagen, manifest, inhoud) "
                          "values (?, ?, ?, ?, ?)",
                          (sleutel, naam, manifest["opgeslagen"], json.dumps(manifest, ensure_ascii=False, indent=1),
                           data))
        except database.Dubbel as exc:   # another worker saved the same name a moment ago
            raise VersieFout(f"Er bestaat al een versie met de naam '{naam}': kies een andere naam.") from exc
    return manifest


def lijst() -> list[dict]:
    """All versions, newest first; a damaged one is listed with `beschadigd`. Read from the store once per
    stand (every Analyse rerun asks): a version saved or retired in any worker changes the stand, so it is
    listed at the next click there too."""
    with _opslag("de versies niet lezen"):
        winkel = _db()
        if not winkel.bestaat():
            return []
        return [dict(m) for m in winkel.per_stand("versies.lijst", lambda: _lees_lijst(winkel))]


def _lees_lijst(winkel: database.Database) -> list[dict]:
    with winkel.transactie() as t:
        rijen = t.execute("select map, manifest from analyse_versies where map not in "
                          "(select map from analyse_versies_ingetrokken) order by map")
    uit = []
    for sleutel, tekst in rijen:
        m = _manifest(tekst)
        if not m.get("naam"):
            m = {"naam": sleutel, "map": sleutel, "opgeslagen": "",
                 "beschadigd": "manifest.json ontbreekt of is onleesbaar"}
        uit.append(m)
    return sorted(uit, key=lambda m: m.get("opgeslagen", ""), reverse=True)


def _zoek(naam: str) -> tuple[str, str, bytes | None, dict | None]:
    """(map, manifest text, analyse.json bytes, retirement or None) of version `naam`."""
    with _opslag("de versie niet lezen"):
        winkel = _db()
        rij = None
        if naam and winkel.bestaat():
            with winkel.transactie() as t:
                for sleutel in dict.fromkeys((map_naam(naam), naam)):
                    gevonden = t.execute(
                        "select v.map, v.manifest, v.inhoud, i.gegevens from analyse_versies v left join "
                        "analyse_versies_ingetrokken i on i.map = v.map where v.map = ?", (sleutel,))
                    if gevonden:
                        rij = gevonden[0]
                        break
    if rij is None:
        bekend = [m["naam"] for m in lijst()]
        raise VersieFout(f"Er is geen versie '{naam}'."
                         + (f" Bekende versies: {', '.join(bekend)}." if bekend else
                            " Er zijn nog geen versies opgeslagen."))
    sleutel, manifest, analyse, weg = rij
    return sleutel, manifest, bytes(analyse) if analyse is not None else None, _manifest(weg) if weg else None


def laad(naam: str) -> tuple[dict, dict]:
    """(manifest, analysis document) of version `naam`, checked against its checksum."""
    sleutel, tekst, data, weg = _zoek(naam)
    if weg:
        raise VersieFout(f"Versie '{naam}' is ingetrokken (door {weg.get('door') or 'onbekend'} op "
                         f"{weg.get('op', '')[:10]}) en wordt niet meer getoond.")
    manifest = _manifest(tekst)
    if not manifest:
        raise VersieFout(f"Versie '{naam}' is beschadigd: {sleutel}/manifest.json ontbreekt of is onleesbaar.")
    if data is None:
        raise VersieFout(f"Versie '{naam}' is beschadigd: {sleutel}/analyse.json ontbreekt.")
    if _checksum(data) != manifest.get("sha256"):
        raise VersieFout(f"Versie '{naam}' is beschadigd: de inhoud van {sleutel}/analyse.json klopt niet meer "
                         "met de controlesom in manifest.json.")
    try:
        doc = json.loads(data)
    except json.JSONDecodeError as exc:
        raise VersieFout(f"Versie '{naam}' is beschadigd: analyse.json is geen geldige JSON ({exc.msg}).") from exc
    ontbrak = aanvullen(doc)
    if ontbrak:
        manifest = {**manifest, "opmerking": (
            "Deze versie is vastgelegd met een oudere uitgave van het dashboard; wat toen nog niet werd bewaard, "
            f"blijft leeg: {', '.join(ontbrak)}. De vastgelegde cijfers en tekst zijn ongewijzigd.")}
    return manifest, doc


# what a document of an older release may lack, and what it then shows (never a guessed number)
STANDAARD_DOC = {"regio": "", "regio_naam": "onbekende regio", "vergelijk": "", "vergelijk_naam": "de vergelijking",
                 "build": {}, "gemaakt": "", "secties": [], "opgaven": {"titel": "De opgaven", "inleiding": "",
                                                                        "bron": "", "lijst": []}}
STANDAARD_SECTIE = {"alineas": [], "dia": [], "figuren": [], "presentatie": True}
STANDAARD_FIGUUR = {"titel": "", "zin": "", "bron": "", "peildatum": "", "definitie": None, "notities": [],
                    "grafiek": None, "tabel": None, "html": None, "uitleg": None, "melding": None,
                    "melding_soort": "info"}


def aanvullen(doc: dict) -> list[str]:
    """Fill, in place, the fields an older release did not store; returns what was missing (Dutch)."""
    ontbrak: list[str] = []
    for k, v in STANDAARD_DOC.items():
        if k not in doc:
            doc[k] = json.loads(json.dumps(v))
            ontbrak.append(k)
    for i, s in enumerate(doc["secties"]):
        s.setdefault("id", f"sectie-{i + 1}")
        s.setdefault("titel", f"Sectie {i + 1}")
        for k, v in STANDAARD_SECTIE.items():
            if k not in s:
                s[k] = json.loads(json.dumps(v))
                if k != "presentatie":
                    ontbrak.append(f"{k} van '{s['titel']}'")
        for j, f in enumerate(s["figuren"]):
            f.setdefault("sleutel", f"{s['id']}-{j + 1}")
            for k, v in STANDAARD_FIGUUR.items():
                if k not in f:
                    f[k] = json.loads(json.dumps(v))
                    if k in ("bron", "peildatum", "titel", "zin", "tabel"):
                        ontbrak.append(f"{k} van figuur '{f.get('titel') or f['sleutel']}'")
    return list(dict.fromkeys(ontbrak))


def _leeg(waarde) -> bool:
    """Nothing shown: None, NaN, '', or the dash a table prints for a missing value."""
    if waarde is None:
        return True
    if isinstance(waarde, float) and waarde != waarde:
        return True
    return isinstance(waarde, str) and waarde.strip() in ("", "—", "-", "–")


def _gelijk(a, b) -> bool:
    if _leeg(a) and _leeg(b):
        return True
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return abs(float(a) - float(b)) < 1e-9
    return a == b


def _cellen(doc: dict) -> dict[tuple, object]:
    """(section title, figure key, row label, column) -> value for every table cell of the document."""
    uit = {}
    for s in doc["secties"]:
        for f in s["figuren"]:
            tabel = f.get("tabel")
            if not tabel:
                continue
            kolommen = tabel["columns"]
            eerste = [str(rij[0]) for rij in tabel["data"]]
            if len(set(eerste)) == len(eerste):   # the first column names the row: compare cell by cell
                for rij in tabel["data"]:
                    for kolom, waarde in zip(kolommen[1:], rij[1:], strict=False):
                        uit[(s["titel"], f["sleutel"], str(rij[0]), kolom)] = waarde
            else:   # rows without a name of their own (a list of findings): a row is there or not, in any order
                for rij in tabel["data"]:
                    tekst = " · ".join(_toon(w) for w in rij)
                    uit[(s["titel"], f["sleutel"], tekst, "rij")] = tekst
    return uit


def _bronregels(doc: dict) -> dict[tuple, str]:
    return {(s["titel"], f["sleutel"]): f"{f.get('bron') or ''} · {f.get('peildatum') or ''}".strip(" ·")
            for s in doc["secties"] for f in s["figuren"]}


def _toon(waarde) -> str:
    return "leeg" if _leeg(waarde) else str(waarde)


def vergelijk(oud: dict, nieuw: dict) -> list[dict]:
    """What really changed between two analysis documents: every table cell whose value differs
    (empty on both sides is no change), every figure whose bron/peildatum changed, and every
    section whose text changed."""
    a, b = _cellen(oud), _cellen(nieuw)
    verschillen = []
    for k in dict.fromkeys([*a, *b]):  # union, in document order
        if not _gelijk(a.get(k), b.get(k)):
            sectie, _, rij, kolom = k
            verschillen.append({"soort": "cijfer", "sectie": sectie, "wat": f"{rij} · {kolom}",
                                "versie": _toon(a.get(k)), "nu": _toon(b.get(k))})
    bo, bn = _bronregels(oud), _bronregels(nieuw)
    for k in dict.fromkeys([*bo, *bn]):
        if not _gelijk(bo.get(k), bn.get(k)):
            verschillen.append({"soort": "bron", "sectie": k[0], "wat": "bron en peildatum",
                                "versie": _toon(bo.get(k)), "nu": _toon(bn.get(k))})
    tekst_oud = {s["id"]: s for s in oud["secties"]}
    for s in nieuw["secties"]:
        o = tekst_oud.get(s["id"])
        if (o["alineas"] if o else []) != s["alineas"]:
            verschillen.append({"soort": "tekst", "sectie": s["titel"], "wat": "tekst",
                                "versie": "\n\n".join(o["alineas"]) if o else "leeg", "nu": "\n\n".join(s["alineas"])})
    return verschillen


# --- retiring a version: hidden from the list, never deleted ------------------------------

INGETROKKEN = "ingetrokken.json"   # where an older release wrote a retirement, beside the version


def trek_in(naam: str, door: str, reden: str = "") -> dict:
    """Retire version `naam`: it disappears from the list and cannot be opened by name any more,
    but it stays in the store untouched; who and when are recorded beside it."""
    if not (door or "").strip():
        raise VersieFout("Intrekken kan alleen als u bent ingelogd: er is geen naam van wie intrekt.")
    sleutel, _, _, weg = _zoek(naam)
    if weg:
        raise VersieFout(f"Versie '{naam}' is al ingetrokken.")
    gegevens = {"door": door.strip(), "op": datetime.now(UTC).isoformat(timespec="seconds"), "reden": reden.strip()}
    with _opslag(f"versie '{naam}' niet intrekken"):
        try:
            with _db().transactie(schrijven=True) as t:
                t.execute("insert into analyse_versies_ingetrokken (map, gegevens) values (?, ?)",
                          (sleutel, json.dumps(gegevens, ensure_ascii=False, indent=1)))
        except database.Dubbel as exc:
            raise VersieFout(f"Versie '{naam}' is al ingetrokken.") from exc
    return gegevens

"""Saved versions of the Analyse arbeidsmarkt: what the Regionaal Beraad saw,
stored outside the rebuildable warehouse under data/versions/<naam>/ as the
analysis document (analyse.json: text, figures' data, bron/peildatum, build)
plus a manifest with its checksum. A version is written to a temporary folder
and renamed into place, so it is complete or absent; an existing version is
never overwritten."""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

from basis import instellingen as settings

MAX_NAAM = 120


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


def bewaar(doc: dict, naam: str, door: str = "") -> dict:
    """Store `doc` as version `naam`. Refuses (VersieFout) when a version with
    that name exists: saved versions are never overwritten."""
    naam = _controleer_naam(naam)
    root = settings.versies_dir()
    doel = root / map_naam(naam)
    if doel.exists():
        raise VersieFout(f"Er bestaat al een versie '{lees_manifest(doel).get('naam', naam)}' "
                         f"(map {doel.name}). Versies worden nooit overschreven: kies een andere naam.")
    data = json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    manifest = {"naam": naam, "map": doel.name, "opgeslagen": datetime.now(UTC).isoformat(timespec="seconds"),
                "door": door, "regio": doc.get("regio"), "regio_naam": doc.get("regio_naam"),
                "build": doc.get("build", {}), "analyse_gemaakt": doc.get("gemaakt"),
                "sha256": _checksum(data), "formaat": doc.get("formaat")}
    try:
        root.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{doel.name}.", dir=root))
    except OSError as exc:
        raise VersieFout(f"Kan de versie niet opslaan in {root}: {exc.strerror}.") from exc
    try:
        (tmp / "analyse.json").write_bytes(data)
        (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        os.rename(tmp, doel)   # fails if doel appeared meanwhile: no overwrite
    except OSError as exc:
        for f in tmp.glob("*"):
            f.unlink()
        tmp.rmdir()
        if doel.exists():
            raise VersieFout(f"Er bestaat al een versie met de naam '{naam}': kies een andere naam.") from exc
        raise VersieFout(f"Kan de versie niet opslaan in {root}: {exc.strerror}.") from exc
    return manifest


def lees_manifest(map_: Path) -> dict:
    try:
        return json.loads((map_ / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}


def lijst() -> list[dict]:
    """All versions, newest first; a damaged one is listed with `beschadigd`."""
    root = settings.versies_dir()
    if not root.is_dir():
        return []
    uit = []
    for map_ in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if ingetrokken(map_):
            continue
        m = lees_manifest(map_)
        if not m.get("naam"):
            m = {"naam": map_.name, "map": map_.name, "opgeslagen": "", "beschadigd": "manifest.json ontbreekt of is onleesbaar"}
        uit.append(m)
    return sorted(uit, key=lambda m: m.get("opgeslagen", ""), reverse=True)


def _zoek(naam: str) -> Path:
    root = settings.versies_dir()
    for map_ in (root / map_naam(naam or ""), root / (naam or "")):
        if naam and map_.is_dir() and map_.parent == root:
            return map_
    bekend = [m["naam"] for m in lijst()]
    raise VersieFout(f"Er is geen versie '{naam}'."
                     + (f" Bekende versies: {', '.join(bekend)}." if bekend else " Er zijn nog geen versies opgeslagen."))


def laad(naam: str) -> tuple[dict, dict]:
    """(manifest, analysis document) of version `naam`, checked against its checksum."""
    map_ = _zoek(naam)
    weg = ingetrokken(map_)
    if weg:
        raise VersieFout(f"Versie '{naam}' is ingetrokken (door {weg.get('door') or 'onbekend'} op "
                         f"{weg.get('op', '')[:10]}) en wordt niet meer getoond.")
    manifest = lees_manifest(map_)
    if not manifest:
        raise VersieFout(f"Versie '{naam}' is beschadigd: {map_.name}/manifest.json ontbreekt of is onleesbaar.")
    try:
        data = (map_ / "analyse.json").read_bytes()
    except OSError:
        raise VersieFout(f"Versie '{naam}' is beschadigd: {map_.name}/analyse.json ontbreekt.") from None
    if _checksum(data) != manifest.get("sha256"):
        raise VersieFout(f"Versie '{naam}' is beschadigd: de inhoud van {map_.name}/analyse.json klopt niet meer "
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

INGETROKKEN = "ingetrokken.json"


def ingetrokken(map_: Path) -> dict | None:
    """{door, op, reden} when the version in `map_` was retired, else None."""
    try:
        return json.loads((map_ / INGETROKKEN).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None


def trek_in(naam: str, door: str, reden: str = "") -> dict:
    """Retire version `naam`: it disappears from the list and cannot be opened by name any more,
    but its files stay on disk untouched; who and when are written beside them."""
    if not (door or "").strip():
        raise VersieFout("Intrekken kan alleen als u bent ingelogd: er is geen naam van wie intrekt.")
    map_ = _zoek(naam)
    if ingetrokken(map_):
        raise VersieFout(f"Versie '{naam}' is al ingetrokken.")
    gegevens = {"door": door.strip(), "op": datetime.now(UTC).isoformat(timespec="seconds"), "reden": reden.strip()}
    tmp = map_ / f".{INGETROKKEN}.tmp"
    try:
        tmp.write_text(json.dumps(gegevens, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, map_ / INGETROKKEN)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise VersieFout(f"Kan versie '{naam}' niet intrekken: {exc.strerror}.") from exc
    return gegevens

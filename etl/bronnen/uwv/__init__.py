"""UWV tables that analysts feed as files (no public API here): GWU by
opleidingsniveau/leeftijd/uitkering, WW by kenmerk and by beroepsklasse (with
WW < 6 maanden where given), openstaande vacatures by beroepsklasse.
Catalog entries `[uwv.<tabel>]` (one per table kind).

Every accepted file becomes an immutable snapshot data/raw/uwv/<time>-<sha>/
with the file unchanged, its facts (feiten.csv, the seed's long shape) and a
manifest.json (file name, checksum, who, when, regions, periods, tables).
Periods accumulate; a later import of the same (tabel, regio, periode)
replaces it in the warehouse while the earlier snapshot stays as history
(raw.uwv_feiten keeps every row with `in_gebruik`). The same file twice is
a no-op. The seed's transcription (data/raw/seed) stays the first period of
its region until an import covers the same (tabel, regio, periode)."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path

import pandas as pd

from basis.fouten import Fout
from etl.bronnen.uwv import controle, lezen, vormen
from etl.bronnen.uwv.downloaden import fetch  # noqa: F401 - an entry with `url` is fetched by etl.refresh
from etl.bronnen.uwv.downloaden import url as _url

RAW_TABLE = "uwv_feiten"
FEIT_KOLOMMEN = ["regio", "periode", "periode_type", "indicator", "dimensie", "categorie", "maat", "waarde",
                 "eenheid", "kwalificatie", "bron", "peildatum", "vindplaats"]
KOLOMMEN = ["dataset", "bestand", *FEIT_KOLOMMEN, "regel", "import_id", "bestandsnaam", "door",
            "geimporteerd_op", "in_gebruik"]
DTYPES = {k: "string" for k in KOLOMMEN} | {"regel": "int64", "in_gebruik": "bool"}
MAP = "uwv"
MANIFEST = "manifest.json"
FEITEN = "feiten.csv"


class ImportFout(Exception):
    def __init__(self, fouten: list[Fout]):
        super().__init__("\n".join(f.tekst() for f in fouten))
        self.fouten = fouten


@dataclass
class Uitkomst:
    bestand: str
    opgeslagen: bool
    map: Path | None = None
    al_ingelezen: dict | None = None
    feiten: int = 0
    regios: list = field(default_factory=list)
    perioden: list = field(default_factory=list)
    tabellen: list = field(default_factory=list)
    notities: list = field(default_factory=list)

    def tekst(self) -> str:
        if self.al_ingelezen:
            m = self.al_ingelezen
            return (f"{self.bestand}: dit bestand is al ingelezen op {m['geimporteerd_op']} door {m['door']} "
                    f"(zelfde controlesom); er is niets veranderd.")
        wat = (f"{self.feiten} cijfers voor {', '.join(self.regios)}, perioden {', '.join(self.perioden)}, "
               f"tabellen {', '.join(self.tabellen)}")
        return f"{self.bestand}: " + (f"ingelezen, {wat}." if self.opgeslagen else f"goedgekeurd (niet opgeslagen), {wat}.")


def ophaalbaar(entry) -> bool:
    """Only an entry with a download URL is fetched; the others come in through the inbox or the CLI."""
    return _url(entry) is not None


# --- reference lists (data/raw/referentie) ------------------------------------------------------------------

def _referenties(raw_dir: Path) -> tuple[dict[str, str], set[str], dict, str | None]:
    ref = Path(raw_dir) / "referentie"
    with open(ref / "regios.csv", encoding="utf-8-sig") as fh:
        regios = list(csv.DictReader(fh))
    namen = {r["code"].lower(): r["code"] for r in regios} | {r["naam"].lower(): r["code"] for r in regios}
    codes = {r["code"] for r in regios}
    land = next((r["code"] for r in regios if (r.get("soort") or "").strip() == "land"), None)
    cats: dict[tuple[str, str], dict[str, str]] = {}
    with open(ref / "beroepsklassen.csv", encoding="utf-8-sig") as fh:
        klassen = {r["naam"].lower(): r["naam"] for r in csv.DictReader(fh)}
    for tabel in ("ww_beroepsklasse", "vacatures_beroepsklasse"):
        cats[(tabel, "")] = klassen
    with open(ref / "uwv_categorieen.csv", encoding="utf-8-sig") as fh:
        for r in csv.DictReader(fh):
            cats.setdefault((r["tabel"], r["kenmerk"]), {})[" ".join(r["categorie"].split()).lower()] = r["categorie"]
    return namen, codes, cats, land


# --- checking and storing one or more files -----------------------------------------------------------------

def controleer(naam: str, inhoud: bytes, raw_dir: Path, vandaag: date | None = None):
    """(facts, notes, layout) of one file; ImportFout with every error when it is refused."""
    try:
        bladen = lezen.lees(naam, inhoud)
        namen, codes, cats, land = _referenties(raw_dir)
        cellen, vorm = vormen.cellen(naam, bladen, namen)
    except (lezen.LeesFout, vormen.VormFout) as exc:
        raise ImportFout(exc.fouten) from None
    feiten, fouten, notities = controle.controleer(cellen, codes, cats, vandaag, land)
    if fouten:
        raise ImportFout(fouten)
    if not feiten:
        raise ImportFout([Fout(naam, None, None, "alleen een kopregel, geen cijfers")])
    return feiten, notities, vorm


def snapshots(raw_dir: Path) -> list[Path]:
    """Every accepted import, oldest first (folder names start with the import time)."""
    base = Path(raw_dir) / MAP
    if not base.is_dir():
        return []
    return sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")
                  and (p / MANIFEST).exists())


def manifest(folder: Path) -> dict:
    return json.loads((folder / MANIFEST).read_text())


def importeer(bestanden: list[tuple[str, bytes]], door: str, raw_dir: Path, alleen_controleren: bool = False,
              vandaag: date | None = None) -> list[Uitkomst]:
    """Check every file first; store them only when all pass (all or nothing). Returns one Uitkomst per file;
    raises ImportFout with every error of every file otherwise. Nothing is written on an error."""
    raw_dir = Path(raw_dir)
    bekend = {manifest(p)["sha256"]: manifest(p) for p in snapshots(raw_dir)}
    fouten, klaar = [], []
    for naam, inhoud in bestanden:
        sha = hashlib.sha256(inhoud).hexdigest()
        if sha in bekend:
            klaar.append((naam, inhoud, sha, None, None, None, bekend[sha]))
            continue
        try:
            feiten, notities, vorm = controleer(naam, inhoud, raw_dir, vandaag)
        except ImportFout as exc:
            fouten += exc.fouten
            continue
        klaar.append((naam, inhoud, sha, feiten, notities, vorm, None))
    if fouten:
        raise ImportFout(fouten)
    uit = []
    for naam, inhoud, sha, feiten, notities, vorm, eerder in klaar:
        if eerder:
            uit.append(Uitkomst(naam, False, al_ingelezen=eerder))
            continue
        u = Uitkomst(naam, False, feiten=len(feiten), regios=sorted({f.regio for f in feiten}),
                     perioden=sorted({f.periode for f in feiten}), tabellen=sorted({f.tabel for f in feiten}),
                     notities=notities)
        if not alleen_controleren:
            u.map = _bewaar(naam, inhoud, sha, feiten, door, vorm, raw_dir)
            u.opgeslagen = True
            bekend[sha] = manifest(u.map)
        uit.append(u)
    return uit


def verwijder(mappen: list[Path]) -> None:
    """Undo imports just stored (when the build after them failed)."""
    for m in mappen:
        shutil.rmtree(m, ignore_errors=True)


def _bewaar(naam: str, inhoud: bytes, sha: str, feiten, door: str, vorm: str, raw_dir: Path) -> Path:
    nu = datetime.now(UTC)
    base = raw_dir / MAP
    base.mkdir(parents=True, exist_ok=True)
    doel = base / f"{nu.strftime('%Y%m%dT%H%M%S%fZ')}-{sha[:8]}"
    tmp = base / f".tmp-{doel.name}-{os.getpid()}"
    tmp.mkdir()
    try:
        veilig = Path(naam).name or "bestand"
        (tmp / veilig).write_bytes(inhoud)
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(["tabel", *FEIT_KOLOMMEN[:-1], "plek", "regel", "kolom"])
        for f in feiten:
            d = asdict(f)
            w.writerow([f.tabel] + ["" if d[k] is None else _tekst(d[k]) for k in FEIT_KOLOMMEN[:-1]]
                       + [f.plek, f.regel, f.kolom])
        (tmp / FEITEN).write_text(buf.getvalue(), encoding="utf-8")
        m = {"bestand": veilig, "sha256": sha, "bytes": len(inhoud), "door": door,
             "geimporteerd_op": nu.isoformat(timespec="seconds"), "layout": vorm, "rijen": len(feiten),
             "regios": sorted({f.regio for f in feiten}), "perioden": sorted({f.periode for f in feiten}),
             "tabellen": sorted({f.tabel for f in feiten})}
        (tmp / MANIFEST).write_text(json.dumps(m, indent=2, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, doel)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return doel


def _tekst(x) -> str:
    if isinstance(x, float):
        return str(int(x)) if x.is_integer() else repr(x)
    return str(x)


# --- the warehouse side -------------------------------------------------------------------------------------

def alle_feiten(raw_dir: Path) -> pd.DataFrame:
    """Every fact of every import (KOLOMMEN), `in_gebruik` true for the latest import of each
    (tabel, regio, periode)."""
    mappen = snapshots(raw_dir)
    return _alle_feiten(tuple(str(m) for m in mappen)).copy()


@lru_cache(maxsize=4)
def _alle_feiten(mappen: tuple[str, ...]) -> pd.DataFrame:
    frames = []
    for volgorde, m in enumerate(mappen):   # oldest first: the folder names start with the import time
        folder = Path(m)
        man = manifest(folder)
        df = pd.read_csv(folder / FEITEN, dtype=str, keep_default_na=False)
        df["dataset"] = df["tabel"]
        df["bestand"] = f"data/raw/{MAP}/{folder.name}/{man['bestand']}"
        df["vindplaats"] = f"UWV-bestand {man['bestand']} (ingelezen {man['geimporteerd_op'][:10]} door {man['door']})"
        df["import_id"] = folder.name
        df["bestandsnaam"] = man["bestand"]
        df["door"] = man["door"]
        df["geimporteerd_op"] = man["geimporteerd_op"]
        df["regel"] = df["regel"].astype("int64")
        df["_volgorde"] = volgorde
        frames.append(df)
    if not frames:
        return pd.DataFrame({k: pd.Series(dtype=DTYPES[k]) for k in KOLOMMEN})
    df = pd.concat(frames, ignore_index=True)
    laatste = df.groupby(["dataset", "regio", "periode"], sort=False)["_volgorde"].transform("max")
    df["in_gebruik"] = df["_volgorde"] == laatste
    return df[KOLOMMEN].astype(DTYPES)


def load(entry, raw_dir: Path) -> tuple[pd.DataFrame, dict | None]:
    """One table kind's rows of every import (in use or replaced), and its meta.sources row."""
    tabel = entry.opties.get("tabel", entry.id)
    df = alle_feiten(raw_dir)
    df = df[df["dataset"] == tabel]
    if df.empty:
        return df, None
    return df, {"dataset": f"uwv_{tabel}", "titel": entry.titel,
                "bestand": f"data/raw/{MAP}/ ({df['import_id'].nunique()} import(s))",
                "rijen": int(df["in_gebruik"].sum()), "checksum": None,
                "opgehaald": df["geimporteerd_op"].max()}


# --- the inbox (picked up by python -m etl.refresh) ---------------------------------------------------------

def inbox(instellingen, door: str = "inbox") -> tuple[list[Uitkomst], list[Fout]]:
    """Import every file in the inbox folder. Accepted (or already known) files move to verwerkt/, refused
    ones to geweigerd/ with a .fout.txt beside them; one refused file does not stop the others."""
    map_ = Path(instellingen.uwv_inbox)
    if not map_.is_dir():
        return [], []
    uit, fouten = [], []
    for pad in sorted(p for p in map_.iterdir() if p.is_file() and not p.name.startswith(".")):
        try:
            res = importeer([(pad.name, pad.read_bytes())], door, instellingen.raw_dir)
        except ImportFout as exc:
            fouten += exc.fouten
            doel = map_ / "geweigerd"
            doel.mkdir(exist_ok=True)
            (doel / (pad.name + ".fout.txt")).write_text("\n".join(f.tekst() for f in exc.fouten) + "\n")
            os.replace(pad, doel / pad.name)
            continue
        uit += res
        doel = map_ / "verwerkt"
        doel.mkdir(exist_ok=True)
        os.replace(pad, doel / pad.name)
    return uit, fouten

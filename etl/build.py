"""Build the warehouse from data/raw: load -> staging views -> checks ->
marts -> meta, into a new file that replaces the old one atomically."""
from __future__ import annotations

import fcntl
import logging
import os
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from basis import instellingen as settings
from basis.fouten import Fout
from basis.instellingen import Instellingen
from basis.proces import leeft
from etl.load import load_bronnen, load_monitor, load_raw

log = logging.getLogger("etl.build")

AANDEEL_TOLERANTIE = 1.0  # percentage points between a printed share and count/total


class ValidationError(Exception):
    def __init__(self, fouten: list[Fout]):
        super().__init__("\n".join(f.tekst() for f in fouten))
        self.fouten = fouten


@dataclass
class BuildResult:
    path: Path
    build_id: str
    built_at: datetime
    models: list[str]
    # where CBS Gebieden in Nederland disagrees with the shipped membership (marts.indeling_verschillen)
    indeling_verschillen: list[str] = field(default_factory=list)


def sql_files(layer: str) -> list[Path]:
    return sorted((settings.SQL_DIR / layer).glob("*.sql"))


def model_name(path: Path) -> str:
    """'01_feiten.sql' -> 'feiten'."""
    stem = path.stem
    return stem.split("_", 1)[1] if stem[:2].isdigit() else stem


def run_checks(con: duckdb.DuckDBPyConnection) -> list[Fout]:
    fouten: list[Fout] = []
    for path in sql_files("checks"):
        sql = path.read_text()
        params = {"aandeel_tolerantie": AANDEEL_TOLERANTIE} if "$aandeel_tolerantie" in sql else None
        for bestand, regel, kolom, melding in con.execute(sql, params).fetchall():
            fouten.append(Fout(bestand, regel, kolom, melding))
    return sorted(fouten, key=lambda f: (f.bestand, f.regel or 0, f.kolom or ""))


@contextmanager
def build_lock(target: Path):
    """One build at a time per warehouse; a second one waits."""
    lock_path = target.with_name(target.name + ".lock")
    with open(lock_path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def opruimen(target: Path) -> list[Path]:
    """Remove the half-written files of builds that were killed (`.<name>.<pid>.<id>.tmp` and its
    .wal), but never one whose process still runs. Called under the build lock."""
    weg = []
    for pad in target.parent.glob(f".{target.name}.*.tmp*"):
        delen = pad.name[len(target.name) + 2:].split(".")
        if delen and delen[0].isdigit() and not leeft(int(delen[0])):
            pad.unlink(missing_ok=True)
            weg.append(pad)
    if weg:
        log.info("%d achtergebleven tijdelijke bestanden van afgebroken builds verwijderd", len(weg))
    return weg


def build(raw: Path | None = None, target: Path | None = None,
          instellingen: Instellingen | None = None) -> BuildResult:
    """Build from `raw` (default: the settings' raw_dir) into `target` (default: their warehouse_path)."""
    instellingen = instellingen or Instellingen.uit_omgeving()
    raw = Path(raw or instellingen.raw_dir)
    target = Path(target or instellingen.warehouse_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(target):
        opruimen(target)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
        try:
            try:
                result = _build_into(raw, tmp, instellingen)
            except _StagingNietAlsTabel as exc:
                # bad input that the checks report (e.g. two default regions): build again the way the
                # warehouse keeps staging, as views, so the checks run and name the problem
                log.info("staging als views (%s)", exc.__cause__)
                _weg(tmp)
                result = _build_into(raw, tmp, instellingen, staging_als_tabel=False)
            os.replace(tmp, target)  # atomic: readers see the old or the new file, never a mix
            result.path = target
            log.info("warehouse vervangen: %s (build %s)", target, result.build_id)
            return result
        finally:
            _weg(tmp)


def _weg(tmp: Path) -> None:
    for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
        if leftover.exists():
            leftover.unlink()


class _StagingNietAlsTabel(Exception):
    """A staging model could not be computed as a table (an error a view would only raise when read)."""


# the warehouse is small (tens of thousands of rows): one DuckDB thread does the build with less CPU than two
# (measured: about 7-10% less for the 35-region and 20-quarter data), and leaves the other core to the app
DUCKDB_THREADS = 1
BESTANDEN_KOLOMMEN = "dataset varchar, titel varchar, bestand varchar, rijen bigint, checksum varchar, opgehaald varchar"


def _build_into(raw: Path, path: Path, instellingen: Instellingen, staging_als_tabel: bool = True) -> BuildResult:
    """One transaction: nothing reaches the file before the commit, so DuckDB writes it once (no log record
    per statement). The staging models are computed once, as tables, for the checks, marts and meta that read
    them; before the commit they are replaced by the views the warehouse keeps (same SQL, same rows). When a
    staging model fails as a table, _StagingNietAlsTabel (the transaction is lost then: build again with
    `staging_als_tabel=False`, views from the start, as the checks expect)."""
    built_at = datetime.now(UTC)
    build_id = built_at.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    models: list[str] = []
    con = duckdb.connect(str(path), config={"threads": DUCKDB_THREADS})
    try:
        con.execute("begin transaction")
        bestanden = load_raw(con, raw, instellingen.catalog)
        bestanden += load_bronnen(con, raw, instellingen.catalog)
        bestanden += load_monitor(con, raw, instellingen)
        con.execute("create schema staging")
        staging = sql_files("staging")
        for f in staging:
            if not staging_als_tabel:
                con.execute(f"create view staging.{model_name(f)} as\n" + f.read_text())
            else:
                try:
                    con.execute(f"create table staging.{model_name(f)} as\n" + f.read_text())
                except duckdb.Error as exc:
                    raise _StagingNietAlsTabel(f"staging.{model_name(f)}") from exc
            models.append(f"staging.{model_name(f)}")
            log.info("model gebouwd: staging.%s (view)", model_name(f))
        fouten = run_checks(con)
        if fouten:
            raise ValidationError(fouten)
        con.execute("create schema marts")
        for f in sql_files("marts"):
            con.execute(f"create table marts.{model_name(f)} as\n" + f.read_text())
            n = con.execute(f"select count(*) from marts.{model_name(f)}").fetchone()[0]
            models.append(f"marts.{model_name(f)}")
            log.info("model gebouwd: marts.%s (%d rijen)", model_name(f), n)
        verschillen = [r[0] for r in con.execute("select melding from marts.indeling_verschillen").fetchall()]
        con.execute("create schema meta")
        con.execute(f"create temp table bestanden_df ({BESTANDEN_KOLOMMEN})")
        kolommen = [k.split()[0] for k in BESTANDEN_KOLOMMEN.split(", ")]
        if bestanden:   # one statement: executemany costs a statement per row
            con.execute("insert into bestanden_df values " + ", ".join(["(?, ?, ?, ?, ?, ?)"] * len(bestanden)),
                        [b.get(k) for b in bestanden for k in kolommen])
        con.execute("create table meta.sources as\n" + (settings.SQL_DIR / "meta" / "sources.sql").read_text(),
                    {"built_at": built_at})
        con.execute("drop table bestanden_df")
        con.execute("create table meta.build (build_id varchar, built_at timestamptz, raw_dir varchar)")
        con.execute("insert into meta.build values ($1, $2, $3)", [build_id, built_at, str(raw)])
        if staging_als_tabel:   # the warehouse keeps staging as views over raw
            for f in reversed(staging):
                con.execute(f"drop table staging.{model_name(f)}")
            for f in staging:
                con.execute(f"create view staging.{model_name(f)} as\n" + f.read_text())
        con.execute("commit")
        con.execute("checkpoint")
    finally:
        con.close()
    return BuildResult(path=path, build_id=build_id, built_at=built_at, models=models,
                       indeling_verschillen=verschillen)

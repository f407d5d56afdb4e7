"""CBS Gebieden in Nederland (86059NED and its successors): which gemeente lies
in which arbeidsmarktregio. Catalog entries `[cbs.<table>] soort = "indeling"`.

fetch: through the v3 client (cbs_v3.odata: one row per gemeente, text topics
only, no periods) -> immutable snapshot with manifest, refused when the
mapping cannot be read -> load: gemeente -> arbeidsmarktregio rows
(raw.cbs_indeling). CBS renumbers the keys in every edition (Code_NN/Naam_NN),
so the columns are found by their topic group's title and key prefix."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from basis.instellingen import Instellingen
from etl import catalog
from etl.bronnen.cbs_v3 import odata, progress_report
from etl.bronnen.gemeenschappelijk import cbs, snapshot
from etl.bronnen.gemeenschappelijk.fouten import CbsFetchError
from etl.bronnen.gemeenschappelijk.retry import deadlines
from etl.catalog import CbsDataset

RAW_TABLE = "cbs_indeling"
KOLOMMEN = ["table_id", "peiljaar", "gemeente_code", "gemeente_naam", "arbeidsmarktregio_code",
            "arbeidsmarktregio_naam"]
DTYPES = {k: "string" for k in KOLOMMEN}
AM_CODE = re.compile(r"AM\d{2}")


def indeling(ds: CbsDataset, folder: Path) -> pd.DataFrame:
    """Gebieden in Nederland: gemeente -> arbeidsmarktregio (code and name). The columns are found by
    their topic group's title and key prefix (CBS renumbers the keys in every edition)."""
    try:
        topics, rows = odata.string_topics(folder)
    except (ValueError, KeyError) as exc:
        raise CbsFetchError(f"CBS-tabel {ds.table_id}: indeling onleesbaar ({exc})") from None
    spec = ds.indeling
    groep = spec["groep"]
    in_groep = [t for t in topics if t["groep"] == groep]
    if not in_groep:
        raise CbsFetchError(f"CBS-tabel {ds.table_id}: onderwerpgroep {groep!r} ontbreekt in DataProperties "
                            "(schemawijziging)")
    kolommen = {}
    for doel in ("code", "naam"):
        keys = catalog.match(spec[doel], [t["key"] for t in in_groep])
        if len(keys) != 1:
            raise CbsFetchError(f"CBS-tabel {ds.table_id}: in groep {groep!r} "
                                f"{'geen' if not keys else 'meer dan één'} onderwerp {spec[doel]} "
                                f"({', '.join(keys) or 'niets gevonden'}; schemawijziging)")
        kolommen[doel] = keys[0]
    df = pd.DataFrame({
        "gemeente_code": [r["regio_code"] for r in rows],
        "gemeente_naam": [r["regio_naam"] for r in rows],
        "arbeidsmarktregio_code": [str(r.get(kolommen["code"]) or "").strip() for r in rows],
        "arbeidsmarktregio_naam": [str(r.get(kolommen["naam"]) or "").strip() for r in rows],
    })
    df = df[df["gemeente_code"].str.startswith("GM")].reset_index(drop=True)
    if df.empty:
        raise CbsFetchError(f"CBS-tabel {ds.table_id}: lege uitkomst (geen gemeenten in de indeling)")
    fout = df[~df["arbeidsmarktregio_code"].map(lambda c: bool(AM_CODE.fullmatch(c)))]
    if len(fout):
        r = fout.iloc[0]
        raise CbsFetchError(f"CBS-tabel {ds.table_id}: onbekende arbeidsmarktregiocode "
                            f"{r['arbeidsmarktregio_code']!r} bij {r['gemeente_code']} ({r['gemeente_naam']}); "
                            "verwacht AM gevolgd door twee cijfers")
    dubbel = df[df["gemeente_code"].duplicated()]
    if len(dubbel):
        raise CbsFetchError(f"CBS-tabel {ds.table_id}: gemeente {dubbel['gemeente_code'].iloc[0]} staat meer dan "
                            "eens in de indeling")
    return df


def fetch(ds: CbsDataset, instellingen: Instellingen, progress=None, **kwargs) -> Path:
    if ds.api != "v3":
        raise CbsFetchError(f"CBS-tabel {ds.table_id}: een indeling wordt via v3 opgehaald, niet via "
                            f"{ds.api!r} (etl/catalog.toml)")
    folder = odata.fetch_table(ds.table_id, instellingen.cbs_odata3_url, instellingen.raw_dir, filters=ds.filter,
                               check=lambda f: indeling(ds, f), **deadlines(instellingen, kwargs))
    progress_report(folder, progress)
    return folder


def load(ds: CbsDataset, raw_dir: Path) -> tuple[pd.DataFrame, dict | None]:
    """The latest snapshot's gemeente -> arbeidsmarktregio mapping; (empty frame, None) when never fetched."""
    folder = snapshot.latest(raw_dir, ds.table_id)
    if folder is None:
        return pd.DataFrame(columns=KOLOMMEN), None
    df = indeling(ds, folder).assign(table_id=ds.table_id, peiljaar=odata.periode(folder))
    return df[KOLOMMEN], cbs.bron(ds, folder, raw_dir, len(df), odata.titel(folder))

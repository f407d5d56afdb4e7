"""CBS OData v3 (opendata.cbs.nl) through cbsodata: catalog entries `[cbs.<table>] api = "v3"`.

fetch: the service document, metadata, code lists and every TypedDataSet page
(odata.py: cbsodata, recorded by relay.py) -> immutable snapshot
data/raw/cbs/<table>/<time>/ with manifest, refused before it becomes the
latest when it no longer matches the catalog -> load: normalised to the long
shape of the v4 source, the catalog's slice in our indicator names
(raw.cbs_observaties). Measure keys may be prefixes (`GroeneDruk_*`): CBS
renumbers v3 keys between releases."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from basis.instellingen import Instellingen
from etl.bronnen.cbs_v3.odata import fetch_table, normalise, regio_namen, string_topics, titel  # noqa: F401
from etl.bronnen.gemeenschappelijk import cbs, snapshot
from etl.bronnen.gemeenschappelijk.cbs import DTYPES, KOLOMMEN, RAW_TABLE  # noqa: F401 - the source's contract
from etl.bronnen.gemeenschappelijk.fouten import CbsFetchError  # noqa: F401 - raised here, caught by callers
from etl.bronnen.gemeenschappelijk.retry import deadlines
from etl.catalog import CbsDataset

API = "v3"


def check(ds: CbsDataset):
    """The schema check of one catalog entry, run on the complete snapshot before it is committed."""
    return lambda folder: cbs.check(ds, normalise(folder), set(regio_namen(folder)) or None)


def progress_report(folder: Path, progress) -> None:
    if progress:
        manifest = snapshot.read_manifest(folder)
        progress(manifest.get("pages", 1), manifest["rows"])


def fetch(ds: CbsDataset, instellingen: Instellingen, progress=None, **kwargs) -> Path:
    folder = fetch_table(ds.table_id, instellingen.cbs_odata3_url, instellingen.raw_dir, filters=ds.filter,
                         check=check(ds), **deadlines(instellingen, kwargs))
    progress_report(folder, progress)
    return folder


def load(ds: CbsDataset, raw_dir: Path) -> tuple[pd.DataFrame, dict | None]:
    return cbs.laad(ds, raw_dir, API, normalise, regio_namen, titel)

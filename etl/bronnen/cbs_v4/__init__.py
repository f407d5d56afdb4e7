"""CBS OData v4 (datasets.cbs.nl): catalog entries `[cbs.<table>] api = "v4"`.

fetch: Properties, Dimensions, MeasureCodes, code lists and every Observations
page (odata.py, plain HTTP) -> immutable snapshot data/raw/cbs/<table>/<time>/
with manifest, refused before it becomes the latest when it no longer matches
the catalog -> load: normalised to the long shape, the catalog's slice in our
indicator names (raw.cbs_observaties)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from basis.instellingen import Instellingen
from etl.bronnen.cbs_v4.odata import fetch_table, normalise, regio_namen, titel
from etl.bronnen.gemeenschappelijk import cbs
from etl.bronnen.gemeenschappelijk.cbs import DTYPES, KOLOMMEN, RAW_TABLE  # noqa: F401 - the source's contract
from etl.bronnen.gemeenschappelijk.fouten import CbsFetchError  # noqa: F401 - raised here, caught by callers
from etl.bronnen.gemeenschappelijk.retry import deadlines
from etl.catalog import CbsDataset

API = "v4"


def check(ds: CbsDataset):
    """The schema check of one catalog entry, run on the complete snapshot before it is committed."""
    return lambda folder: cbs.check(ds, normalise(folder), set(regio_namen(folder)) or None)


def fetch(ds: CbsDataset, instellingen: Instellingen, progress=None, **kwargs) -> Path:
    return fetch_table(ds.table_id, instellingen.cbs_odata4_url, instellingen.raw_dir, filter=ds.filter,
                       progress=progress, check=check(ds), **deadlines(instellingen, kwargs))


def load(ds: CbsDataset, raw_dir: Path) -> tuple[pd.DataFrame, dict | None]:
    return cbs.laad(ds, raw_dir, API, normalise, regio_namen, titel)

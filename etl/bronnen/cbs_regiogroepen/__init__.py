"""Which province each gemeente lies in, from a fetched CBS v4 table's own region code list (issue 12: the
province comparison). Catalog entries `[regiogroepen.<table>] bron = "cbs_regiogroepen"`.

Nothing to fetch: the v4 snapshot of <table> (etl/bronnen/cbs_v4) already keeps `codes-RegioS.json` verbatim,
and there each code carries its DimensionGroupId: 'PV' for a province, 'GMPV27' for a gemeente in PV27
(Noord-Holland). load: one row per region code with its group (raw.cbs_regiogroepen); staging groups the
gemeenten per province (etl/sql/staging/09_gemeente_provincie.sql). Never fetched, or fetched through v3
(whose code lists have no groups): no rows, and the page says so."""
from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pandas as pd

from etl.bronnen.gemeenschappelijk import cbs, snapshot

RAW_TABLE = "cbs_regiogroepen"
KOLOMMEN = ["table_id", "regio_code", "regio_naam", "groep"]
DTYPES = {k: "string" for k in KOLOMMEN}


def load(entry, raw_dir: Path) -> tuple[pd.DataFrame, dict | None]:
    from etl.bronnen.cbs_v4.odata import geo_dimension
    folder = snapshot.latest(raw_dir, entry.id)
    if folder is None or snapshot.read_manifest(folder).get("api") != "v4":
        return pd.DataFrame(columns=KOLOMMEN), None
    try:
        geo = geo_dimension(folder)
        codes = json.loads((folder / f"codes-{geo}.json").read_text(encoding="utf-8"))["value"] if geo else []
        df = pd.DataFrame([(entry.id, c["Identifier"].strip(), c["Title"].strip(),
                            (c.get("DimensionGroupId") or "").strip()) for c in codes], columns=KOLOMMEN)
    except Exception as exc:  # noqa: BLE001 - a damaged snapshot is reported in Dutch with its folder
        raise cbs.onleesbaar(entry.id, folder, exc) from exc
    return df, cbs.bron(SimpleNamespace(table_id=f"{entry.id}-regiogroepen"), folder, raw_dir, len(df), entry.titel)

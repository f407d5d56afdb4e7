"""verdeling_alle.sql (one query for every distribution of a region) split per distribution equals the
query it replaced, run per distribution (tests/fixtures/queries/verdeling_per_verdeling.sql): the same frame
(columns, types, values, order) and the same views."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard.figuren import verdeling, views
from dashboard.kern import db
from tests.conftest import REPO

PER_VERDELING = (REPO / "tests" / "fixtures" / "queries" / "verdeling_per_verdeling.sql").read_text()


def _per_verdeling(build: str, params: dict) -> pd.DataFrame:
    cur = db._connection(build).cursor()
    try:
        cur.execute("use warehouse")
        return cur.execute(PER_VERDELING, params).df()
    finally:
        cur.close()


def test_alle_verdelingen_in_een_query_gelijk_aan_per_verdeling(warehouse):
    with db.een_build() as build:
        cur = db._connection(build).cursor()
        cur.execute("use warehouse")
        paren = cur.execute("select distinct indicator, dimensie from marts.feiten where dimensie <> 'totaal' "
                            "order by all").fetchall()
        regios = [r[0] for r in cur.execute("select distinct regio_code from marts.feiten order by 1").fetchall()]
        cur.close()
        assert len(paren) >= 7 and len(regios) >= 2
        vergeleken = 0
        for regio in regios:
            for tot in (None, dt.date(2025, 6, 30), dt.date(1990, 1, 1)):
                alle = db.query("verdeling_alle", regio=regio, vergelijk=regios[-1], tot=tot)
                for indicator, dimensie in [*paren, ("gwu", "bestaat_niet")]:
                    params = dict(indicator=indicator, dimensie=dimensie, regio=regio, vergelijk=regios[-1], tot=tot)
                    oud = _per_verdeling(build, params)
                    nieuw = verdeling._deel(alle, indicator, dimensie)
                    pd.testing.assert_frame_equal(oud, nieuw, check_exact=True)
                    assert db.records(oud) == db.records(nieuw)
                    assert verdeling.view(views.verdeling_records, **params) == views.verdeling_records(oud)
                    pd.testing.assert_frame_equal(verdeling.view(views.verdeling_tabel, "R", "V", **params),
                                                  views.verdeling_tabel(oud, "R", "V"), check_exact=True)
                    vergeleken += len(oud)
        assert vergeleken > 100   # rows really compared, not only empty frames

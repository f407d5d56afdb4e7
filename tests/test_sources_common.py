from datetime import date

import pytest

from etl.bronnen.gemeenschappelijk import perioden, snapshot


@pytest.mark.parametrize("code, expected", [
    ("2024JJ00", ("2024", "jaar", date(2024, 1, 1))),
    ("2025KW02", ("2025-Q2", "kwartaal", date(2025, 4, 1))),
    ("2026MM06", ("2026-06", "maand", date(2026, 6, 1))),
    (" 2019JJ00 ", ("2019", "jaar", date(2019, 1, 1))),
])
def test_cbs_period_codes_parse(code, expected):
    assert perioden.parse(code) == expected


@pytest.mark.parametrize("code", ["2024", "2025KW05", "2026MM13", "2024XX00"])
def test_unknown_period_codes_are_named(code):
    with pytest.raises(perioden.OnbekendePeriode, match="onbekende CBS-periodecode"):
        perioden.parse(code)


def test_a_snapshot_becomes_latest_only_when_committed(tmp_path):
    w = snapshot.SnapshotWriter("03759ned", "v4", tmp_path)
    w.add("observations-page-1.json", "http://127.0.0.1/x", b'{"value": []}', rows=0)
    assert snapshot.latest(tmp_path, "03759ned") is None  # half-written: not latest
    final = w.commit(rows=0)
    assert snapshot.latest(tmp_path, "03759ned") == final
    m = snapshot.read_manifest(final)
    assert m["files"]["observations-page-1.json"]["bytes"] == 13 and m["api"] == "v4"
    w2 = snapshot.SnapshotWriter("03759ned", "v4", tmp_path)
    w2.abort()
    assert snapshot.latest(tmp_path, "03759ned") == final
    assert [p.name for p in (tmp_path / "cbs" / "03759ned").iterdir()] == [final.name]

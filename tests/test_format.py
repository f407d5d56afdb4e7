from datetime import UTC, datetime

import pytest

from dashboard.kern import format as fmt


@pytest.mark.parametrize("x, d, expected", [
    (12106, 0, "12.106"),
    (1034173, 0, "1.034.173"),
    (0, 0, "0"),
    (-1900, 0, "-1.900"),
    (40.5, 1, "40,5"),
    (None, 0, "—"),
    (float("nan"), 0, "—"),
])
def test_getal_uses_dutch_separators(x, d, expected):
    assert fmt.getal(x, d) == expected


@pytest.mark.parametrize("x, expected", [(14, "14%"), (40.5, "40,5%"), (-4.1, "-4,1%"), (100.0, "100%")])
def test_procent_shows_decimal_only_when_there_is_one(x, expected):
    assert fmt.procent(x) == expected


def test_procent_with_fixed_decimals_rounds():
    assert fmt.procent(0.395, 1) == "0,4%"


@pytest.mark.parametrize("code, soort, expected", [
    ("2025-09", "maand", "september 2025"),
    ("2025-07", "maand", "juli 2025"),
    ("2025-Q2", "kwartaal", "Q2 2025"),
    ("2027", "jaar", "2027"),
])
def test_periode_label_is_dutch(code, soort, expected):
    assert fmt.periode(code, soort) == expected


def test_waarde_formats_by_unit():
    assert fmt.waarde(2914, "uitkeringen") == "2.914"
    assert fmt.waarde(35.2, "procent") == "35,2%"
    assert fmt.waarde(-1.3, "procentpunt") == "-1,3 procentpunt"
    assert fmt.waarde(8.8, "uur per week") == "8,8 uur per week"


def test_met_teken_adds_plus_only_to_positive_values():
    assert fmt.met_teken("50", 50) == "+50"
    assert fmt.met_teken("-344", -344) == "-344"
    assert fmt.met_teken("0", 0) == "0"


def test_datum_tijd_is_dutch_local_time():
    # 14:05 UTC in November is 15:05 in Amsterdam
    assert fmt.datum_tijd(datetime(2026, 11, 22, 14, 5, tzinfo=UTC)) == "22 november 2026, 15:05"
    assert fmt.datum_tijd("2026-07-01T10:00:00+00:00") == "1 juli 2026, 12:00"


def test_downloads_carry_bron_and_peildatum_and_write_excel_with_timestamps():
    import io

    import openpyxl
    import pandas as pd

    from dashboard.kern.components import csv_bytes, excel_bytes
    df = pd.DataFrame({"aantal": [4950.0, 402750.0], "aandeel": [18.2, 13.7],
                       "built_at": pd.to_datetime(["2026-11-22T14:05:00Z"] * 2, utc=True)})
    csv = csv_bytes(df, "UWV", "Q2 2025").decode("utf-8-sig").splitlines()
    assert csv[0] == "Aantal;Aandeel;Gebouwd;Bron;Peildatum"   # Dutch headers, as on the page
    assert csv[1] == "4950;18,2;2026-11-22 15:05:00;UWV;Q2 2025"  # whole counts without ',0'; Dutch local time
    rows = list(openpyxl.load_workbook(io.BytesIO(excel_bytes(df, "UWV", "Q2 2025"))).active.values)
    assert rows[0] == ("Aantal", "Aandeel", "Gebouwd", "Bron", "Peildatum")
    assert rows[1][:2] == (4950, 18.2) and rows[1][3:] == ("UWV", "Q2 2025")

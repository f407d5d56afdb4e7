"""CBS period codes -> (periode, periode_type, date), the shape the warehouse
uses everywhere: '2024JJ00' -> ('2024', 'jaar'), '2025KW02' -> ('2025-Q2',
'kwartaal'), '2026MM06' -> ('2026-06', 'maand')."""
from __future__ import annotations

import re
from datetime import date

_CODE = re.compile(r"^(\d{4})(JJ|KW|MM|X0)(\d{2})$")


class OnbekendePeriode(ValueError):
    pass


def parse(code: str) -> tuple[str, str, date]:
    m = _CODE.match(code.strip())
    if not m:
        raise OnbekendePeriode(f"onbekende CBS-periodecode {code!r}; verwacht bijv. 2024JJ00, 2025KW02, 2026MM06")
    jaar, soort, nummer = int(m.group(1)), m.group(2), int(m.group(3))
    if soort == "JJ" and nummer == 0:
        return f"{jaar}", "jaar", date(jaar, 1, 1)
    if soort == "KW" and 1 <= nummer <= 4:
        return f"{jaar}-Q{nummer}", "kwartaal", date(jaar, 3 * nummer - 2, 1)
    if soort == "MM" and 1 <= nummer <= 12:
        return f"{jaar}-{nummer:02d}", "maand", date(jaar, nummer, 1)
    raise OnbekendePeriode(f"onbekende CBS-periodecode {code!r}; verwacht bijv. 2024JJ00, 2025KW02, 2026MM06")

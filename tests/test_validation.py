"""Each validation rule: a bad file in data/raw makes the refresh fail with a
Dutch message naming file, line and column, exit code 1, and the previous
warehouse untouched."""
from __future__ import annotations

import hashlib
import json

import pytest

from basis import instellingen as settings
from etl import refresh
from tests.conftest import replace_in_file


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def refresh_fails(raw_dir, warehouse, capsys):
    """Run the refresh on the (broken) raw dir; assert it failed and changed nothing."""
    before = digest(warehouse)
    inode = warehouse.stat().st_ino

    def run() -> str:
        code = refresh.main(["--offline"])
        err = capsys.readouterr().err
        assert code == 1, err
        assert "Het bestaande datawarehouse is niet gewijzigd" in err
        assert digest(warehouse) == before and warehouse.stat().st_ino == inode
        assert [p.name for p in warehouse.parent.iterdir() if p.name.endswith(".tmp")] == []
        status = json.loads(settings.status_path().read_text())
        assert status["gelukt"] is False and status["melding"]
        return err
    return run


def test_refresh_succeeds_on_the_embedded_data(raw_dir, warehouse_path, capsys):
    assert refresh.main(["--offline"]) == 0
    assert warehouse_path.exists()
    status = json.loads(settings.status_path().read_text())
    assert status["gelukt"] is True and status["laatste_succes"]


def test_unknown_region_code_is_named(raw_dir, refresh_fails):
    replace_in_file(raw_dir / "seed" / "migratie.csv", "AM12,2023", "AM99,2023")
    err = refresh_fails()
    assert "migratie.csv, regel 3, kolom 'regio': onbekende regiocode 'AM99'" in err


def test_unknown_beroepsklasse_is_named(raw_dir, refresh_fails):
    replace_in_file(raw_dir / "seed" / "ww_beroepsklasse.csv", "ICT beroepen", "IT beroepen")
    err = refresh_fails()
    assert "ww_beroepsklasse.csv, regel 7, kolom 'categorie': onbekende beroepsklasse 'IT beroepen'" in err


def test_non_numeric_value_is_named(raw_dir, refresh_fails):
    replace_in_file(raw_dir / "seed" / "gwu_leeftijd.csv", ",aantal,933,", ",aantal,933a,")
    err = refresh_fails()
    assert "gwu_leeftijd.csv, regel 2, kolom 'waarde': '933a' is geen getal" in err


def test_dutch_decimal_comma_is_rejected_not_misread(raw_dir, refresh_fails):
    replace_in_file(raw_dir / "seed" / "demografische_druk.csv", ",40.5,", ',"40,5",')
    err = refresh_fails()
    assert "demografische_druk.csv, regel 2, kolom 'waarde': '40,5' is geen getal" in err


def test_thousands_separator_in_a_count_is_rejected(raw_dir, refresh_fails):
    replace_in_file(raw_dir / "seed" / "gwu_opleiding.csv", ",aantal,1657,", ",aantal,1.657,")
    err = refresh_fails()
    assert ("gwu_opleiding.csv, regel 2, kolom 'waarde': '1.657' is dubbelzinnig: een aantal is een heel getal, "
            "dus de punt is een scheiding van duizendtallen of een vergissing; schrijf het getal zonder punt "
            "(bijv. 1657)") in err


def test_negative_count_is_rejected(raw_dir, refresh_fails):
    replace_in_file(raw_dir / "seed" / "ww_beroepsklasse.csv", "Managers,aantal,693", "Managers,aantal,-693")
    err = refresh_fails()
    assert "ww_beroepsklasse.csv, regel 8, kolom 'waarde': aantal -693 is negatief" in err


def test_duplicate_key_names_both_lines(raw_dir, refresh_fails):
    path = raw_dir / "seed" / "migratie.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines + [lines[1]]) + "\n", encoding="utf-8")
    err = refresh_fails()
    assert "migratie.csv, regel 4, kolom 'categorie': dubbele sleutel: AM12 2022" in err
    assert "staat ook op regel 2" in err


def test_share_more_than_one_point_off_count_over_total_is_rejected(raw_dir, refresh_fails):
    # Zorg en welzijn: 900 / 4950 = 18,2%; 20% is 1,8 points off
    replace_in_file(raw_dir / "seed" / "vacatures_beroepsklasse.csv",
                    "Zorg en welzijn beroepen,aandeel,18,", "Zorg en welzijn beroepen,aandeel,20,")
    err = refresh_fails()
    assert "vacatures_beroepsklasse.csv, regel 47, kolom 'waarde': aandeel 20% wijkt 1,8 procentpunt af" in err
    assert "(900 / 4.950 = 18,2%); verwacht hooguit 1 procentpunt verschil" in err


def test_share_within_one_point_is_accepted(raw_dir, warehouse_path):
    # 900 / 4950 = 18,2%: a printed 19% is rounding-distance, not an error
    replace_in_file(raw_dir / "seed" / "vacatures_beroepsklasse.csv",
                    "Zorg en welzijn beroepen,aandeel,18,", "Zorg en welzijn beroepen,aandeel,19,")
    assert refresh.main(["--offline"]) == 0


def test_missing_required_file_is_named(raw_dir, refresh_fails):
    (raw_dir / "seed" / "banen.csv").unlink()
    err = refresh_fails()
    assert "banen.csv: bestand ontbreekt (verplicht)" in err


def test_missing_column_is_named(raw_dir, refresh_fails):
    path = raw_dir / "seed" / "migratie.csv"
    text = path.read_text(encoding="utf-8").replace(",peildatum,", ",datum,", 1)
    path.write_text(text, encoding="utf-8")
    err = refresh_fails()
    assert "migratie.csv, regel 1, kolom 'peildatum': kolom ontbreekt in de kopregel" in err


def test_row_with_wrong_number_of_fields_is_named(raw_dir, refresh_fails):
    # an unquoted comma inside a field shifts every column
    replace_in_file(raw_dir / "seed" / "ww_beroepsklasse.csv",
                    '"Openbaar bestuur, veiligheid en juridische beroepen"',
                    "Openbaar bestuur, veiligheid en juridische beroepen")
    err = refresh_fails()
    assert "ww_beroepsklasse.csv, regel 9: regel heeft 14 velden, de kopregel 13" in err


def test_invalid_period_is_named(raw_dir, refresh_fails):
    replace_in_file(raw_dir / "seed" / "vacatures_beroepsklasse.csv", "AM12,2025-Q2,kwartaal", "AM12,Q2 2025,kwartaal")
    err = refresh_fails()
    assert "vacatures_beroepsklasse.csv, regel 2, kolom 'periode': periode 'Q2 2025' past niet bij periodetype kwartaal" in err


def test_empty_required_field_is_named(raw_dir, refresh_fails):
    replace_in_file(raw_dir / "seed" / "migratie.csv", "UWV,2023,", "UWV,,")
    err = refresh_fails()
    assert "migratie.csv, regel 3, kolom 'peildatum': verplicht veld is leeg" in err


def test_all_errors_are_reported_at_once(raw_dir, refresh_fails):
    replace_in_file(raw_dir / "seed" / "migratie.csv", "AM12,2023", "AM99,2023")
    replace_in_file(raw_dir / "seed" / "ww_beroepsklasse.csv", "Managers,aantal,693", "Managers,aantal,-693")
    err = refresh_fails()
    assert "2 fout(en)" in err


def test_unknown_indicator_is_named(raw_dir, refresh_fails):
    replace_in_file(raw_dir / "seed" / "ww_jongeren.csv", "AM12,2024,jaar,ww_instroom_jongeren,totaal",
                    "AM12,2024,jaar,ww_instroom_jong,totaal")
    err = refresh_fails()
    assert ("ww_jongeren.csv, regel 2, kolom 'indicator': onbekende indicator 'ww_instroom_jong'; verwacht een code "
            "uit data/raw/referentie/indicatoren.csv") in err


def test_indicator_missing_from_the_reference_list_is_named_at_every_fact(raw_dir, refresh_fails):
    path = raw_dir / "referentie" / "indicatoren.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(l for l in lines if not l.startswith("bevolkingsgroei_migratie,")), encoding="utf-8")
    err = refresh_fails()
    assert "2 fout(en)" in err
    for regel in (2, 3):
        assert f"migratie.csv, regel {regel}, kolom 'indicator': onbekende indicator 'bevolkingsgroei_migratie'" in err


def test_a_second_default_region_is_refused(raw_dir, refresh_fails):
    replace_in_file(raw_dir / "referentie" / "regios.csv", "AM13,Midden-Utrecht,arbeidsmarktregio,nee",
                    "AM13,Midden-Utrecht,arbeidsmarktregio,ja")
    err = refresh_fails()
    assert ("regios.csv, kolom 'standaard': 2 regio's hebben standaard ja (AM12, AM13); verwacht precies één") in err


def test_indicator_order_that_is_no_number_is_named(raw_dir, refresh_fails):
    replace_in_file(raw_dir / "referentie" / "indicatoren.csv", ",personen,1\n", ",personen,een\n")
    err = refresh_fails()
    assert "indicatoren.csv, regel 2, kolom 'volgorde': 'een' is geen volgnummer" in err


def test_shipped_gemeente_in_an_unknown_region_is_named(raw_dir, refresh_fails):
    replace_in_file(raw_dir / "referentie" / "gemeenten_am12.csv", "GM0402,Hilversum,AM12", "GM0402,Hilversum,AM04")
    err = refresh_fails()
    assert ("gemeenten_am12.csv, regel 4, kolom 'arbeidsmarktregio_code': onbekende regiocode 'AM04'; verwacht een "
            "arbeidsmarktregio uit data/raw/referentie/regios.csv") in err


def test_a_build_removes_what_killed_builds_left_but_not_a_running_builds_file(raw_dir, warehouse_path):
    import os
    import subprocess

    from etl.build import build

    warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    dood = subprocess.Popen(["true"])
    dood.wait()
    achtergelaten = warehouse_path.with_name(f".{warehouse_path.name}.{dood.pid}.abcd1234.tmp")
    achtergelaten.write_bytes(b"half")
    achtergelaten.with_name(achtergelaten.name + ".wal").write_bytes(b"half")
    levend = warehouse_path.with_name(f".{warehouse_path.name}.{os.getpid()}.ffff0000.tmp")
    levend.write_bytes(b"in gebruik")
    build(raw_dir, warehouse_path)
    assert not achtergelaten.exists() and not achtergelaten.with_name(achtergelaten.name + ".wal").exists()
    assert levend.read_bytes() == b"in gebruik"

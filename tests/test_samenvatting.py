from dashboard.figuren import samenvatting


def test_druk_sentence_for_the_seed_figures():
    zin = samenvatting.demografische_druk("Gooi en Vechtstreek", "Nederland", 40.5, 40.4, 35.2, 35.5)
    assert zin == ("In Gooi en Vechtstreek liggen zowel de groene druk (40,5%) als de grijze druk (40,4%) "
                   "hoger dan in Nederland (35,2% en 35,5%).")


def test_druk_sentence_flips_when_one_is_lower():
    zin = samenvatting.demografische_druk("Regio", "Nederland", 30.0, 40.4, 35.2, 35.5)
    assert "groene druk 30% (lager dan Nederland: 35,2%)" in zin
    assert "grijze druk 40,4% (hoger dan Nederland: 35,5%)" in zin


def test_druk_title_states_the_finding_and_flips_with_the_data():
    assert samenvatting.demografische_druk_titel("G&V", "Nederland", 40.5, 40.4, 35.2, 35.5) == \
        "Groene en grijze druk liggen in G&V boven het niveau van Nederland"
    assert samenvatting.demografische_druk_titel("G&V", "Nederland", 30, 30, 35.2, 35.5) == \
        "Groene en grijze druk liggen in G&V onder het niveau van Nederland"
    assert samenvatting.demografische_druk_titel("G&V", "Nederland", 30, 40, 35.2, 35.5) == \
        "Groene druk lager dan Nederland, grijze druk hoger dan Nederland"

"""Logging in: throttling per name and per client, equal cost for unknown names, stronger hashes."""
from __future__ import annotations

import pytest

from werkenaanwerk import inlogpogingen, wachtwoord


def test_failures_slow_down_and_then_lock_a_name_for_a_quarter_of_an_hour():
    t = 1_000_000.0
    assert inlogpogingen.wachttijd("annette", "10.0.0.1", nu=t) == 0
    inlogpogingen.mislukt("annette", "10.0.0.1", nu=t)
    assert inlogpogingen.wachttijd("annette", "10.0.0.1", nu=t) == 0          # a typo: try again at once
    verwacht = [1, 2, 4]
    for wacht in verwacht:
        inlogpogingen.mislukt("annette", "10.0.0.1", nu=t)
        assert inlogpogingen.wachttijd("Annette ", "10.0.0.9", nu=t) == wacht   # per name, whatever the client
    inlogpogingen.mislukt("annette", "10.0.0.1", nu=t)                      # the fifth
    assert inlogpogingen.wachttijd("annette", None, nu=t + 60) == pytest.approx(15 * 60 - 60)
    assert inlogpogingen.wachttijd("piet", "10.0.0.1", nu=t + 60) > 0       # and per client
    assert inlogpogingen.wachttijd("piet", "10.0.0.2", nu=t + 60) == 0
    assert inlogpogingen.wachttijd("annette", None, nu=t + 15 * 60 + 1) == 0
    inlogpogingen.gelukt("annette", "10.0.0.1")
    assert inlogpogingen.wachttijd("annette", "10.0.0.1", nu=t + 61) == 0


def test_an_unknown_name_costs_a_full_hash_like_a_wrong_password(monkeypatch):
    h = wachtwoord.maak_hash("correct paard batterij")
    wachtwoord._dummy()             # made once per process, before the first unknown name
    aanroepen = []
    echte = wachtwoord._scrypt
    monkeypatch.setattr(wachtwoord, "_scrypt", lambda *a: aanroepen.append(a[2]) or echte(*a))
    assert not wachtwoord.klopt("correct paard batterij", None)
    assert not wachtwoord.klopt("fout", h)
    assert not wachtwoord.klopt("fout", "plain-text")
    assert aanroepen == [wachtwoord.N] * 3          # every path pays one scrypt at today's cost


def test_new_hashes_use_n_2_17_and_old_ones_still_work_but_are_flagged():
    h = wachtwoord.maak_hash("geheim")
    assert h.split("$")[1] == str(2**17) and not wachtwoord.verouderd(h)
    oud = "scrypt$16384$8$1$" + h.split("$", 4)[4]   # same salt and key, the old cost: does not match
    assert wachtwoord.verouderd(oud) and not wachtwoord.klopt("geheim", oud)
    import base64
    import hashlib
    zout = b"0123456789abcdef"
    sleutel = hashlib.scrypt(b"geheim", salt=zout, n=2**14, r=8, p=1, dklen=32)
    oud = f"scrypt$16384$8$1${base64.b64encode(zout).decode()}${base64.b64encode(sleutel).decode()}"
    assert wachtwoord.klopt("geheim", oud) and wachtwoord.verouderd(oud)
    assert not wachtwoord.klopt("geheim", "scrypt$99999999999$8$1$AAAA$AAAA")   # absurd cost: refused


def test_the_page_refuses_a_sixth_attempt_even_with_the_right_password(warehouse):
    from tests.test_monitor_app import WACHTWOORD, pagina

    accounts = {"annette": {"naam": "Annette Keates", "wachtwoord_hash": wachtwoord.maak_hash(WACHTWOORD)}}
    at = pagina("app_pages/monitor_invoer.py", accounts)
    for _ in range(inlogpogingen.MAX_POGINGEN):
        inlogpogingen.mislukt("annette", None)
    at.text_input[0].input("annette")
    at.text_input[1].input(WACHTWOORD)
    at.button[0].click().run()
    assert any("Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw." in e.value for e in at.error)
    assert not at.get("file_uploader")

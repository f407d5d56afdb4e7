"""Logging in: throttling per name and per client, equal cost for unknown names, stronger hashes."""
from __future__ import annotations

import time

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


# --- a login that survives a reload (signed, expiring cookie) and ends after idle time ---------------------

def _accounts(h: str | None = None) -> dict:
    return {"annette": {"naam": "Annette Keates", "wachtwoord_hash": h or wachtwoord.maak_hash("geheim")}}


def test_a_session_token_names_its_account_until_it_expires():
    from dashboard.kern import sessie
    acc, sleutel = _accounts(), b"k" * 32
    token = sessie.maak("annette", acc["annette"]["wachtwoord_hash"], sleutel, nu=1000)
    assert sessie.lees(token, acc, sleutel, nu=1000 + sessie.INACTIEF - 1) == "annette"
    assert sessie.lees(token, acc, sleutel, nu=1000 + sessie.INACTIEF + 1) is None       # expired
    assert sessie.lees(token, acc, b"x" * 32, nu=1001) is None                           # other server secret
    assert sessie.lees(token, _accounts(wachtwoord.maak_hash("nieuw")), sleutel, nu=1001) is None  # new password
    assert sessie.lees(token, {}, sleutel, nu=1001) is None                              # account removed
    payload, handtekening = token.split(".")
    import base64
    import json
    langer = base64.urlsafe_b64encode(json.dumps({"a": "annette", "tot": 10**10}).encode()).decode().rstrip("=")
    assert sessie.lees(f"{langer}.{handtekening}", acc, sleutel, nu=1001) is None        # extended by hand
    for onzin in (None, "", "abc", "a.b.c", "!!!.???", "x" * 5000, token + "x"):
        assert sessie.lees(onzin, acc, sleutel, nu=1001) is None


def test_the_server_secret_is_made_once_outside_git_and_a_configured_one_wins(tmp_path):
    from dashboard.kern import sessie
    eerste = sessie.geheim(map=tmp_path)
    assert len(eerste) == 64 and sessie.geheim(map=tmp_path) == eerste
    assert (tmp_path / sessie.GEHEIM_BESTAND).stat().st_mode & 0o777 == 0o600
    assert sessie.geheim("ingesteld", map=tmp_path) == b"ingesteld"
    import subprocess
    assert subprocess.run(["git", "check-ignore", "-q", "data/monitor/.sessiegeheim"]).returncode == 0


def _pagina(monkeypatch, accounts: dict | None, cookies: dict | None = None, lokaal: bool = False):
    from dashboard.kern import login
    from tests.test_monitor_app import pagina
    monkeypatch.setattr(login, "_cookies", lambda: dict(cookies or {}))
    monkeypatch.setattr(login, "lokaal", lambda: lokaal)
    return pagina("app_pages/monitor_invoer.py", accounts)


def _cookie_scripts(at) -> list[str]:
    return [e.proto.body for e in at.get("html") if "document.cookie" in e.proto.body]


def _formulier(at) -> bool:
    """Whether the login form is shown."""
    return any(t.label == "Gebruikersnaam" for t in at.text_input)


def _ingelogd(at) -> bool:
    return any(s.value.startswith("Ingelogd als **Annette Keates**") for s in at.success)


def test_a_login_survives_a_reload_through_its_cookie(warehouse, monkeypatch):
    from dashboard.kern import sessie
    from tests.test_monitor_app import WACHTWOORD
    accounts = _accounts(wachtwoord.maak_hash(WACHTWOORD))
    at = _pagina(monkeypatch, accounts)
    assert not _ingelogd(at) and not _cookie_scripts(at)
    at.text_input[0].input("annette")
    at.text_input[1].input(WACHTWOORD)
    at.button[0].click().run()
    assert _ingelogd(at)
    [script] = _cookie_scripts(at)
    assert "SameSite=Strict" in script and f"Max-Age={sessie.INACTIEF}" in script and "Path=/" in script
    token = script.split(f"{sessie.COOKIE}=", 1)[1].split(";", 1)[0]

    herladen = _pagina(monkeypatch, accounts, cookies={sessie.COOKIE: token})   # a new session, same browser
    assert _ingelogd(herladen) and not _formulier(herladen)
    assert herladen.get("file_uploader")

    vervalst = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    anders = _pagina(monkeypatch, accounts, cookies={sessie.COOKIE: vervalst})
    assert not _ingelogd(anders) and _formulier(anders)


def test_an_expired_cookie_does_not_log_in(warehouse, monkeypatch):
    from dashboard.kern import sessie
    accounts = _accounts()
    oud = sessie.maak("annette", accounts["annette"]["wachtwoord_hash"], sessie.geheim(),
                      nu=time.time() - sessie.INACTIEF - 5)
    at = _pagina(monkeypatch, accounts, cookies={sessie.COOKIE: oud})
    assert not _ingelogd(at) and _formulier(at)


def test_an_idle_login_ends_and_logging_out_removes_the_cookie(warehouse, monkeypatch):
    from dashboard.kern import login, sessie
    accounts = _accounts()
    token = sessie.maak("annette", accounts["annette"]["wachtwoord_hash"], sessie.geheim())
    at = _pagina(monkeypatch, accounts, cookies={sessie.COOKIE: token})
    assert _ingelogd(at)
    at.session_state[login.SESSIE + "_actief"] = time.time() - sessie.INACTIEF - 1     # 30 minutes idle
    at.run()
    assert not _ingelogd(at) and _formulier(at)
    assert any("U bent uitgelogd na 30 minuten zonder activiteit" in i.value for i in at.info)
    assert any("Max-Age=0" in s for s in _cookie_scripts(at))      # the browser's copy is removed too

    at = _pagina(monkeypatch, accounts, cookies={sessie.COOKIE: token})
    assert _ingelogd(at)
    next(b for b in at.button if b.label == "Uitloggen").click().run()
    assert not _ingelogd(at) and any("Max-Age=0" in s for s in _cookie_scripts(at))
    at.run()                                # the old cookie is still in this session's request: not used again
    assert not _ingelogd(at)


def test_the_setup_help_is_shown_only_at_the_server_and_names_nobody(warehouse, monkeypatch):
    from dashboard.kern import login
    op_afstand = _pagina(monkeypatch, {})
    tekst = " ".join(i.value for i in op_afstand.info)
    assert "er zijn nog geen accounts ingesteld" in tekst
    assert "secrets.toml" not in tekst and "hash-wachtwoord" not in tekst and "wachtwoord_hash" not in tekst
    lokaal = _pagina(monkeypatch, {}, lokaal=True)
    tekst = " ".join(i.value for i in lokaal.info)
    assert "secrets.toml" in tekst and "Voorbeeld Gebruiker" in tekst
    from pathlib import Path
    bron = Path(login.__file__).read_text(encoding="utf-8")
    assert "Annette" not in bron and "Keates" not in bron


LOKAAL = {"Host": "127.0.0.1:8501", "Origin": "http://127.0.0.1:8501"}


@pytest.mark.parametrize("ip, headers, verwacht", [
    (None, LOKAAL, True),                                    # Streamlit gives no address for a loopback visitor
    (None, {"Host": "localhost:8501"}, True), (None, {"Host": "[::1]:8501"}, True),
    ("10.0.0.5", {"Host": "dashboard.example.nl"}, False),
    (None, {"Host": "dashboard.example.nl", "X-Forwarded-For": "203.0.113.9"}, False),  # a proxy on the machine
    (None, {**LOKAAL, "X-Forwarded-For": "203.0.113.9"}, False),
    (None, {}, False),                                       # no browser session (a script, AppTest)
    ("geen-ip", LOKAAL, False),
])
def test_localhost_is_recognised(monkeypatch, ip, headers, verwacht):
    import types

    from dashboard.kern import login
    monkeypatch.setattr(login.st, "context", types.SimpleNamespace(ip_address=ip, headers=headers))
    assert login.lokaal() is verwacht


def test_unknown_and_known_names_take_equally_long_median_of_20():
    """The issue's measure: a wrong password for a known name and any password for an unknown name, timed in
    turn (so a machine that slows down mid-test slows both), medians within 10%."""
    import statistics
    h = wachtwoord.maak_hash("correct paard batterij")
    wachtwoord._dummy()
    bekend, onbekend = [], []
    for _ in range(20):
        t = time.perf_counter()
        wachtwoord.klopt("fout", h)
        bekend.append(time.perf_counter() - t)
        t = time.perf_counter()
        wachtwoord.klopt("fout", None)
        onbekend.append(time.perf_counter() - t)
    verhouding = statistics.median(onbekend) / statistics.median(bekend)
    assert 0.9 <= verhouding <= 1.1, (verhouding, statistics.median(bekend), statistics.median(onbekend))


FALEN = """
import sys
from werkenaanwerk import inlogpogingen
for _ in range(int(sys.argv[1])):
    inlogpogingen.mislukt("annette", "10.0.0.1")
"""


def test_two_processes_share_the_throttle_through_the_store(opslag_soort, monitor_dir):
    """Failures counted by other processes (other workers) lock the name here too. With PostgreSQL the counts
    are in the database, so workers on other machines share them: nothing is kept on this machine's disk."""
    import os
    import subprocess
    import sys

    from tests.conftest import REPO
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    # two workers failing at the same time: 2 + 2 failures, each process's counts added to the other's
    processen = [subprocess.Popen([sys.executable, "-c", FALEN, "2"], cwd=REPO, env=env, stderr=subprocess.PIPE,
                                  text=True) for _ in range(2)]
    assert all(p.wait(60) == 0 for p in processen), [p.stderr.read() for p in processen]
    assert inlogpogingen.wachttijd("annette", None) == pytest.approx(4, abs=1)    # 2 ** (4 - 2)
    assert inlogpogingen.wachttijd("piet", "10.0.0.1") == pytest.approx(4, abs=1)  # and per client
    subprocess.run([sys.executable, "-c", FALEN, "1"], cwd=REPO, env=env, check=True)   # the fifth
    assert inlogpogingen.wachttijd("Annette", "10.0.0.9") == pytest.approx(inlogpogingen.BLOKKADE, abs=5)
    assert inlogpogingen.wachttijd("piet", "10.0.0.2") == 0
    inlogpogingen.gelukt("annette", "10.0.0.1")     # a success here clears it for every process
    assert subprocess.run([sys.executable, "-c", "from werkenaanwerk import inlogpogingen as i; "
                           "print(i.wachttijd('annette', '10.0.0.1'))"], cwd=REPO, env=env, check=True,
                          capture_output=True, text=True).stdout.strip() == "0.0"
    op_schijf = sorted(p.name for p in monitor_dir.glob("inlogpogingen*")) if monitor_dir.exists() else []
    assert op_schijf == ([] if opslag_soort == "postgresql" else
                         ["inlogpogingen.sqlite", "inlogpogingen.sqlite.stand"])


def test_a_login_is_refused_in_dutch_when_the_throttle_cannot_be_read(monkeypatch):
    from basis import database
    from dashboard.kern import login

    def weg(*args, **kwargs):
        raise database.Onbereikbaar("De opslag (PostgreSQL-database x op y) is nu niet bereikbaar.")
    monkeypatch.setattr(inlogpogingen, "wachttijd", weg)
    assert login.controleer("annette", "wat dan ook") == (
        "Inloggen kan nu niet. De opslag (PostgreSQL-database x op y) is nu niet bereikbaar.")

"""Two dashboard processes behind HAProxy (make run WORKERS=2): every page through the proxy from each
worker, a browser stays on its worker, a worker killed with kill -9 hands its viewers to the other, a refresh
reaches both, and with no worker at all the proxy answers with a Dutch page."""
from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from etl.build import build
from tests.conftest import REPO, replace_in_file

PAGINAS = ["", "analyse", "mismatch", "vacatures", "werkzoekenden", "ww", "banen", "bevolking", "monitor",
           "bronnen-en-actualiteit"]
HAPROXY = shutil.which("haproxy") or ("/usr/sbin/haproxy" if Path("/usr/sbin/haproxy").exists() else None)
pytestmark = pytest.mark.skipif(HAPROXY is None and not os.environ.get("CI"),
                                reason="haproxy ontbreekt (make test installeert het)")


def vrije_poort() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def pagina(url: str, werker: str, naam: str) -> str:
    """Render one page over the proxy in a session on `werker`; returns all text the page sent."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    async with websockets.connect(url.replace("http://", "ws://") + "/_stcore/stream", subprotocols=["streamlit"],
                                  origin=url, max_size=None, open_timeout=20,
                                  additional_headers={"Cookie": f"WERKER={werker}"}) as ws:
        bericht = BackMsg()
        bericht.rerun_script.page_name = naam
        await ws.send(bericht.SerializeToString())
        teksten = []
        while True:
            fm = ForwardMsg()
            fm.ParseFromString(await asyncio.wait_for(ws.recv(), timeout=60))
            soort = fm.WhichOneof("type")
            if soort == "delta" and fm.delta.WhichOneof("type") == "new_element":
                el = fm.delta.new_element
                assert el.WhichOneof("type") != "exception", f"{naam}: {el.exception.message}"
                teksten.append(str(el))
            elif soort == "script_finished":
                assert ForwardMsg.ScriptFinishedStatus.Name(fm.script_finished) == "FINISHED_SUCCESSFULLY"
                return "\n".join(teksten)


def draai(coroutine):
    """Run a coroutine in a thread of its own: pytest-playwright leaves an event loop running in the main thread."""
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(1) as uitvoerder:
        return uitvoerder.submit(asyncio.run, coroutine).result()


def cookie_van(url: str, cookie: str | None = None) -> str | None:
    verzoek = urllib.request.Request(url + "/_stcore/health", headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(verzoek, timeout=5) as r:
        m = re.search(r"WERKER=(\w+)", " ".join(r.headers.get_all("Set-Cookie") or []))
        return m.group(1) if m else None


@pytest.fixture(scope="module")
def twee_werkers(tmp_path_factory):
    """One pair of workers for the module (starting them costs ~15 s); the tests run in file order."""
    tmp_path = tmp_path_factory.mktemp("werkers")
    raw = tmp_path / "raw"
    shutil.copytree(REPO / "data" / "raw", raw, ignore=shutil.ignore_patterns("cbs", "uwv"))
    warehouse = tmp_path / "wh" / "warehouse.duckdb"
    env = {**os.environ, "WAREHOUSE_PATH": str(warehouse), "DASHBOARD_RAW_DIR": str(raw),
           "MONITOR_DIR": str(tmp_path / "monitor"), "VERSIES_DIR": str(tmp_path / "versions"),
           "PYTHONPATH": str(REPO)}
    build(raw, warehouse)
    poort = vrije_poort()
    log = open(tmp_path / "werkers.log", "w+")
    proc = subprocess.Popen([sys.executable, "-m", "beheer.werkers", "--aantal", "2", "--poort", str(poort)],
                            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{poort}"
    eind = time.monotonic() + 90
    gezien = set()
    while gezien != {"w1", "w2"}:   # both workers up and answering through the proxy
        try:
            gezien.add(cookie_van(url))
        except OSError:
            pass
        gezien.discard(None)
        assert proc.poll() is None and time.monotonic() < eind, (tmp_path / "werkers.log").read_text()
        time.sleep(0.3)
    yield url, proc, tmp_path / "werkers.log", raw, warehouse
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(20)


def pids(log: Path) -> dict[str, int]:
    """Worker name -> its current pid (a restarted worker logs its new pid under its port)."""
    tekst = log.read_text()
    naam = {poort: w for w, poort in re.findall(r"Proces (w\d): poort (\d+), pid", tekst)}
    huidig = {}
    for poort, pid in re.findall(r"poort (\d+)(?:, |: )pid (\d+)", tekst):
        huidig[naam[poort]] = int(pid)
    return huidig


def test_two_workers_serve_every_page_and_a_browser_stays_on_its_worker(twee_werkers):
    url, proc, log, raw, warehouse = twee_werkers
    assert cookie_van(url, "WERKER=w2") is None          # a browser with a cookie keeps its worker
    for werker in ("w1", "w2"):
        for naam in PAGINAS:
            draai(pagina(url, werker, naam))


def test_a_killed_worker_hands_its_viewers_to_the_other_and_a_refresh_reaches_both(twee_werkers):
    url, proc, log, raw, warehouse = twee_werkers
    assert "248.000" in draai(pagina(url, "w1", ""))
    os.kill(pids(log)["w1"], signal.SIGKILL)
    t0 = time.monotonic()
    while True:     # the page reconnects: within 5 s a new session on "w1" is served by a live worker
        try:
            tekst = draai(pagina(url, "w1", ""))
            break
        except Exception:  # noqa: BLE001 - a dropped or refused session while the proxy redispatches
            assert time.monotonic() - t0 < 5, "geen levend proces binnen 5 s"
            time.sleep(0.2)
    assert "248.000" in tekst
    replace_in_file(raw / "seed" / "bevolking.csv", ",aantal,248000,", ",aantal,249000,")
    build(raw, warehouse)
    for werker in ("w1", "w2"):
        assert "249.000" in draai(pagina(url, werker, ""))


def test_a_version_saved_in_another_process_is_listed_by_both_workers(twee_werkers, monkeypatch):
    from dashboard.analyse import versies
    url, proc, log, raw, warehouse = twee_werkers
    monkeypatch.setenv("VERSIES_DIR", str(log.parent / "versions"))   # the workers' store
    for werker in ("w1", "w2"):
        assert "Beraad tussen werkers" not in draai(pagina(url, werker, "analyse"))
    versies.bewaar({"regio": "AM12", "regio_naam": "Gooi en Vechtstreek", "secties": []}, "Beraad tussen werkers",
                   door="tester")
    for werker in ("w1", "w2"):
        assert "Beraad tussen werkers" in draai(pagina(url, werker, "analyse"))


def test_without_any_worker_the_proxy_answers_in_dutch(twee_werkers):
    url, proc, log, raw, warehouse = twee_werkers
    proc.send_signal(signal.SIGSTOP)          # the supervisor may not restart them for this test
    try:
        for pid in pids(log).values():
            os.kill(pid, signal.SIGKILL)
        eind = time.monotonic() + 10
        while True:
            try:
                urllib.request.urlopen(url + "/", timeout=5)
            except urllib.error.HTTPError as exc:
                if exc.code == 503:
                    tekst = exc.read().decode()
                    break
            except OSError:
                pass
            assert time.monotonic() < eind, "geen foutpagina binnen 10 s"
            time.sleep(0.3)
        assert "Het dashboard is even niet bereikbaar" in tekst and 'lang="nl"' in tekst
    finally:
        proc.send_signal(signal.SIGCONT)


def test_a_worker_runs_the_app_in_the_folder_it_is_given(tmp_path, monkeypatch):
    # make bench (scenario w, r) starts an empty app behind the same proxy with --map
    import beheer.werkers as bw
    gestart = []
    monkeypatch.setattr(bw.subprocess, "Popen", lambda cmd, cwd, **kw: gestart.append((cmd, cwd)))
    for werker in (bw.Werker(1234, tmp_path / "a.log", tmp_path), bw.Werker(1235, tmp_path / "b.log")):
        werker.start()
        werker.log.close()
    assert [cwd for _, cwd in gestart] == [tmp_path, bw.ROOT]
    assert all("app.py" in cmd for cmd, _ in gestart)

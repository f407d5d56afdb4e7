"""A throwaway PostgreSQL cluster for the tests: Debian's postgresql binaries
(`make test` installs the package), initdb in a temporary folder, listening on
127.0.0.1 at a free port with trust authentication. Run as root, the server
runs as the `postgres` user (PostgreSQL refuses to run as root)."""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path


class GeenPostgres(Exception):
    """PostgreSQL could not be started here; the reason says why."""


def _bin(naam: str) -> str:
    kandidaten = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{naam}"), reverse=True)
    gevonden = kandidaten[0] if kandidaten else shutil.which(naam)
    if not gevonden:
        raise GeenPostgres(f"{naam} not found: install Debian's postgresql (make test does: apt-get install postgresql)")
    return gevonden


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self):
        self.map = Path(tempfile.mkdtemp(prefix="pg-test-"))
        self.data = self.map / "data"
        self.poort = _vrije_poort()
        self._als: list[str] = []
        try:
            if os.geteuid() == 0:
                try:
                    gebruiker = pwd.getpwnam("postgres")
                except KeyError as exc:
                    raise GeenPostgres("running as root and there is no 'postgres' user to run the server as") from exc
                os.chown(self.map, gebruiker.pw_uid, gebruiker.pw_gid)
                self._als = ["runuser", "-u", "postgres", "--"]
            self._draai([_bin("initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                         "--no-sync", "--locale=C.UTF-8"])
            self.start()
        except BaseException:
            shutil.rmtree(self.map, ignore_errors=True)
            raise

    def _draai(self, opdracht: list[str]) -> None:
        uit = subprocess.run(self._als + opdracht, capture_output=True, text=True, timeout=120)
        if uit.returncode != 0:
            raise GeenPostgres(f"{' '.join(opdracht)} failed ({uit.returncode}): {uit.stderr.strip()[-800:]}")

    def start(self) -> None:
        self._draai([_bin("pg_ctl"), "-D", str(self.data), "-l", str(self.map / "server.log"), "-w", "-t", "60",
                     "-o", f"-p {self.poort} -k {self.map} -c listen_addresses=127.0.0.1 -c fsync=off", "start"])

    def stop(self) -> None:
        """Stop the server now (-m fast: open connections are cut, their transactions rolled back)."""
        self._draai([_bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"])

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.poort}/{database}"

    def nieuwe_database(self) -> str:
        """A fresh empty schema of its own (a new database costs half a second, a schema next to
        nothing); returns a URL whose connections see only that schema."""
        import psycopg
        naam = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as con:
            con.execute(f"create schema {naam}")   # a generated name, not input
        return self.url() + f"?options=-csearch_path%3D{naam}"

    def opruimen(self) -> None:
        try:
            self.stop()
        except GeenPostgres:
            pass
        for _ in range(3):
            shutil.rmtree(self.map, ignore_errors=True)
            if not self.map.exists():
                return
            time.sleep(0.2)

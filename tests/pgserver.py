"""A private PostgreSQL server for the store tests, and the `store_url` fixture (SQLite, PostgreSQL).

Test modules import the fixtures: `from pgserver import pg_server, store_url  # noqa: F401`.
The server is Debian's (scripts/system-deps.sh installs it): initdb into a temporary folder, started
on a free port with its socket there, one database per test, stopped at session end. PostgreSQL
tests carry the xdist group "postgres", so one worker runs them all against one server. When the
server cannot start they fail, unless LETOPIS_SKIP_PG=1 or there are no PostgreSQL binaries and we
are not root (system-deps.sh could not install them): then they skip, saying why.
"""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.xdist_group("postgres"))]


@dataclass
class PgServer:
    host: str
    port: int
    user: str
    _counter = itertools.count()

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{self.user}@{self.host}:{self.port}/{dbname}"

    def new_database(self) -> str:
        """A fresh empty database; its URL."""
        import psycopg
        name = f"t{os.getpid()}_{next(self._counter)}_{uuid.uuid4().hex[:6]}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\' '
                         f"LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'")
        return self.url(name)


def _bindir() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return os.path.dirname(found[-1])
    initdb = shutil.which("initdb")
    return os.path.dirname(initdb) if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _unavailable(reason: str) -> None:
    if os.environ.get("LETOPIS_SKIP_PG") == "1" or (os.geteuid() != 0 and _bindir() is None):
        pytest.skip(f"PostgreSQL tests skipped: {reason}")
    pytest.fail(f"PostgreSQL server could not start: {reason} (LETOPIS_SKIP_PG=1 skips these tests)")


@pytest.fixture(scope="session")
def pg_server():
    if os.environ.get("LETOPIS_SKIP_PG") == "1":
        pytest.skip("PostgreSQL tests skipped: LETOPIS_SKIP_PG=1")
    bindir = _bindir()
    if bindir is None:
        _unavailable("no initdb found (run `make system-deps` as root: it installs Debian's postgresql)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed")
    root = Path(tempfile.mkdtemp(prefix="letopis-pg-"))
    data, sock = root / "data", root / "sock"
    data.mkdir()
    sock.mkdir()
    as_user: list[str] = []
    user = os.environ.get("USER") or "postgres"
    if os.geteuid() == 0:          # initdb refuses root: run the server as the postgres user
        as_user = ["runuser", "-u", "postgres", "--"]
        user = "postgres"
        os.chmod(root, 0o755)
        shutil.chown(data, "postgres")
        shutil.chown(sock, "postgres")
    else:
        import getpass
        user = getpass.getuser()
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
    init = subprocess.run(as_user + [f"{bindir}/initdb", "-D", str(data), "-U", user, "-A", "trust",
                                     "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                          capture_output=True, text=True, env=env)
    if init.returncode != 0:
        _unavailable(f"initdb failed: {init.stderr.strip()[-500:]}")
    port = _free_port()
    opts = (f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
            f"-c full_page_writes=off -c max_connections=200")
    start = subprocess.run(as_user + [f"{bindir}/pg_ctl", "-D", str(data), "-o", opts, "-l",
                                      str(sock / "server.log"), "-w", "-t", "60", "start"],
                           capture_output=True, text=True, env=env)
    if start.returncode != 0:
        log = (sock / "server.log").read_text(errors="replace")[-800:] if (sock / "server.log").exists() else ""
        _unavailable(f"pg_ctl start failed: {start.stderr.strip()[-400:]} {log}")
    try:
        yield PgServer("127.0.0.1", port, user)
    finally:
        subprocess.run(as_user + [f"{bindir}/pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop"],
                       capture_output=True, env=env)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path) -> str:
    """A fresh, empty database: an SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "t.db")
    return request.getfixturevalue("pg_server").new_database()

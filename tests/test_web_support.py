"""Shared by the web tests: the sample articles through the real pipeline and the cross-document
merge, in an SQLite database and in a PostgreSQL one (each built once per test process), a live
uvicorn server, and where the system Chromium is. No tests here."""
from __future__ import annotations

import atexit
import os
import shutil
import socket
import tempfile
import threading
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "letopis" / "samples"
ARTIFACTS = ROOT / "test-artifacts"

# every web test runs in one xdist worker, so the database is built once
web_group = pytest.mark.xdist_group("web")


def _ingest_samples(url: str) -> str:
    """The sample articles ingested into the database at `url` (store ingest API, full pipeline)
    and merged by the store's own cross-document merge."""
    from letopis.store import Store
    from letopis.store.ingest import ingest_paths

    store = Store(url)
    report = ingest_paths(store, [str(SAMPLES)])
    assert report.ok, [(o.doc, o.error) for o in report.failures]
    store.merge()
    store.close()
    return url


@lru_cache(maxsize=None)
def sample_db() -> str:
    """The sample database over SQLite, a read-only copy for the tests to share. Removed when the
    test process ends."""
    folder = tempfile.mkdtemp(prefix="letopis-web-")
    atexit.register(shutil.rmtree, folder, True)
    return _ingest_samples(os.path.join(folder, "samples.db"))


_PG_SAMPLES: dict[str, str] = {}


def sample_pg_db(server: Any) -> str:
    """The same sample database over PostgreSQL, in a fresh database on `server` (tests/pgserver.py).
    One per test process."""
    key = f"{server.host}:{server.port}"
    if key not in _PG_SAMPLES:
        _PG_SAMPLES[key] = _ingest_samples(server.new_database())
    return _PG_SAMPLES[key]


def copy_db(tmp_path: Path) -> str:
    """A private copy of the sample database, for tests that write."""
    from letopis.store import Store
    src = Store(sample_db())
    with src.engine.connect() as conn:     # checkpoint the WAL so one file holds everything
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    src.close()
    dst = tmp_path / "copy.db"
    shutil.copy(sample_db(), dst)
    return str(dst)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn in a background thread on a free port."""

    def __init__(self, app: Any):
        import uvicorn
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                                    lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.should_exit = True
        self.thread.join(10)


def chromium_path() -> str | None:
    """$LETOPIS_CHROMIUM, else Debian's chromium (scripts/system-deps.sh installs it)."""
    for cand in (os.environ.get("LETOPIS_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                 shutil.which("chromium-browser"), shutil.which("google-chrome")):
        if cand and os.path.exists(cand) and os.access(cand, os.X_OK):
            return cand
    return None


CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-dev-shm-usage"]

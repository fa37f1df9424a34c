"""The store commands through the real `letopis` command (subprocess), on tmp_path databases."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from letopis.store import Store

from test_store import nothing, osh, taraz  # tests/ is on sys.path (rootdir-relative imports, no package)

SAMPLES = Path(__file__).resolve().parent.parent / "letopis" / "samples"


def letopis(*args: str, env: dict[str, str] | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    full_env = dict(os.environ, PYTHONIOENCODING="utf-8", COLUMNS="200")
    full_env.pop("LETOPIS_DB", None)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "letopis", *args], capture_output=True, text=True,
                          encoding="utf-8", env=full_env, timeout=timeout)


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "cli.db")
    store = Store(path)
    for rec in (taraz(), osh(), nothing()):
        store.put(rec)
    store.close()
    return path


def test_search_finds_word_forms(db):
    r = letopis("search", "Тараз", "--db", db)
    assert r.returncode == 0, r.stderr
    assert "taraz-2011.txt" in r.stdout and "Таразе" in r.stdout and "osh.txt" not in r.stdout
    r = letopis("search", "взрывы", "--db", db, "--json")
    hits = [json.loads(x) for x in r.stdout.splitlines()]
    assert [h["doc"] for h in hits] == ["osh.txt"]
    r = letopis("search", "Тараз", env={"LETOPIS_DB": db})        # the environment names the database
    assert "taraz-2011.txt" in r.stdout


def test_incidents_filters_and_incident(db):
    r = letopis("incidents", "--db", db, "--country", "KZ")
    assert r.returncode == 0, r.stderr
    assert "Тараз" in r.stdout and "Ош" not in r.stdout
    r = letopis("incidents", "--db", db, "--type", "bombing", "--since", "2010-01-01", "--until", "2010-12-31", "--json")
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["city"] for x in rows] == ["Ош"]
    r = letopis("incidents", "--db", db, "--since", "not-a-date")
    assert r.returncode != 0
    r = letopis("incident", str(rows[0]["id"]), "--db", db, "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["city"] == "Ош"
    r = letopis("incident", str(rows[0]["id"]), "--db", db)
    assert r.returncode == 0 and "Ош" in r.stdout
    assert letopis("incident", "999", "--db", db).returncode == 1


def test_export_formats(db, tmp_path):
    r = letopis("export", "--format", "jsonl", "--db", db)
    assert r.returncode == 0, r.stderr
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(lines) == 2 and all(x["reports"] and "conflicts" in x and "id" in x for x in lines)
    out = tmp_path / "gtd.csv"
    r = letopis("export", "--format", "csv", "--out", str(out), "--db", db)
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {"iyear", "country_txt", "attacktype1_txt", "weaptype1_txt", "nkill", "gname"} <= set(rows[0])
    r = letopis("export", "--format", "geojson", "--db", db, "--country", "KZ")
    fc = json.loads(r.stdout)
    assert fc["type"] == "FeatureCollection" and [f["properties"]["city"] for f in fc["features"]] == ["Тараз"]
    assert letopis("export", "--format", "xml", "--db", db).returncode != 0


def summary(stdout: str) -> dict[str, int]:
    """The counts row of ingest's summary table."""
    for line in stdout.splitlines():
        m = re.fullmatch(r"\W*(\d+)\W+(\d+)\W+(\d+)\W+(\d+)\W+(\d+)\W*", line)
        if m:
            return dict(zip(("stored", "replaced", "skipped", "failed"), map(int, m.groups()[:4])))
    raise AssertionError(f"no summary row in:\n{stdout}")


def _pipeline_ready() -> None:
    try:
        from letopis.pipeline import process_document  # noqa: F401
        from letopis.read import iter_documents  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"ingest needs the pipeline and the reader: {exc}")


@pytest.mark.slow
def test_ingest_folder_good_and_bad(tmp_path):
    _pipeline_ready()
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "osh-explosion.txt", folder / "osh-explosion.txt")
    (folder / "empty.txt").write_bytes(b"")
    db = str(tmp_path / "ingest.db")
    r = letopis("ingest", str(folder), "--db", db, "--published", "2023-01-01")
    assert r.returncode == 1, r.stdout + r.stderr
    assert "empty.txt" in r.stdout and "Failed" in r.stdout
    assert summary(r.stdout) == {"stored": 1, "replaced": 0, "skipped": 0, "failed": 1}
    store = Store(db)
    assert store.stats()["documents"] == 1, store.failed_documents()
    assert [f["doc"] for f in store.failed_documents()] == ["empty.txt"]
    assert store.document("osh-explosion.txt")["status"] == "ok"
    # a second run skips the stored document; the empty one still fails
    r = letopis("ingest", str(folder), "--db", db)
    assert r.returncode == 1
    assert store.stats()["documents"] == 1
    assert summary(r.stdout) == {"stored": 0, "replaced": 0, "skipped": 1, "failed": 1}
    # once the bad input is removed, the run is clean
    (folder / "empty.txt").unlink()
    r = letopis("ingest", str(folder / "*.txt"), "--db", db)
    assert r.returncode == 0, r.stdout + r.stderr


def test_ingest_needs_paths(tmp_path):
    r = letopis("ingest", "--db", str(tmp_path / "x.db"))
    assert r.returncode == 2


def test_incidents_merged_lists_one_line_per_event(tmp_path):
    """Two reports of the Aktobe shooting are one merged incident with both sources and the
    killed/wounded conflict; the other samples stay apart."""
    _pipeline_ready()
    db = str(tmp_path / "merged.db")
    r = letopis("ingest", str(SAMPLES), "--db", db)
    assert r.returncode == 0, r.stdout + r.stderr
    r = letopis("incidents", "--merged", "--json", "--db", db)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    aktobe = [x for x in rows if x.get("city") == "Актобе"]
    assert len(aktobe) == 1 and len(aktobe[0]["reports"]) == 2
    assert "killed" in aktobe[0]["conflicts"] and aktobe[0]["killed"] == 5     # the later report's toll
    assert len(rows) == len({x["id"] for x in rows}) >= 3
    r = letopis("incidents", "--merged", "--country", "KG", "--db", db)
    assert r.returncode == 0 and "Ош" in r.stdout and "Актобе" not in r.stdout

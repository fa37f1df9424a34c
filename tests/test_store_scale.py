"""Corpus scale: ingest + merge through the CLI, parallel ingest (processes, Dask), kill -9 and
resume, readers during ingest. Every test runs on SQLite and on a private PostgreSQL server."""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from letopis.record import DocumentRecord, Incident
from letopis.read.document import Document
from letopis.store import Store
from letopis.store import schema as t
from letopis.store.ingest import ingest_documents

from pgserver import pg_server, store_url  # noqa: F401  (fixtures: SQLite and PostgreSQL)
from test_cli_store import letopis

MERGE = Path(__file__).parent / "data" / "merge"
KARAGANDA = {"a-tengri.txt", "b-kaztag.txt", "c-followup.txt"}

CITIES = ["Москве", "Казани", "Самаре", "Омске", "Уфе", "Перми", "Туле", "Курске", "Орле", "Твери"]
PLACES = ["здания суда", "торгового центра", "вокзала", "школы"]


def corpus(folder: Path, n: int = 40) -> list[str]:
    """n short, distinct news items about different events."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for k in range(n):
        city, place = CITIES[k % len(CITIES)], PLACES[k % len(PLACES)]
        text = (f"{k + 1} марта 2019 года в {city} неизвестный открыл огонь у {place}. "
                f"Погибли {k % 5 + 1} человек, еще {k % 3 + 2} ранены. Сообщение номер {k}.\n")
        name = f"doc-{k:03d}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        names.append(name)
    return names


def merged_tables(url: str) -> tuple[list, list]:
    store = Store(url)
    with store.engine.connect() as conn:
        inc = [tuple(r) for r in conn.execute(sa.select(t.merged_incidents).order_by(t.merged_incidents.c.id))]
        rep = [tuple(r) for r in conn.execute(sa.select(t.merged_reports).order_by(
            t.merged_reports.c.merged_id, t.merged_reports.c.incident_id))]
    store.close()
    return inc, rep


def test_ingest_merge_export_incident_cli(store_url):
    import json
    r = letopis("ingest", "--db", store_url, "-q", str(MERGE))
    assert r.returncode == 0, r.stderr
    assert "5 report(s) → 3 incident(s)" in r.stdout
    r = letopis("export", "--db", store_url, "--format", "jsonl")
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    groups = {frozenset(x["reports"][k]["doc"] for k in range(len(x["reports"]))) for x in lines}
    assert groups == {frozenset(KARAGANDA), frozenset({"d-distractor-sameday.txt"}),
                      frozenset({"e-distractor-samecity.txt"})}
    kar = next(x for x in lines if len(x["reports"]) == 3)
    assert kar["killed"] == 4 and kar["city"] == "Караганда"            # the latest report's toll
    assert {c["value"] for c in kar["conflicts"]["killed"]} == {3, 4}
    assert all(v["evidence"] for v in kar["values"]["killed"])         # every source, with its evidence
    # `letopis incident` shows the merged incident, its reports and the conflicts, by merged id
    # or by the id of any of its document incidents
    r = letopis("incident", "--db", store_url, kar["id"])
    assert r.returncode == 0, r.stderr
    assert all(doc in r.stdout for doc in KARAGANDA) and "killed" in r.stdout and "disagree" in r.stdout
    store = Store(store_url)
    member = store.merged_incident(kar["id"])["reports"][0]["incident_id"]
    assert store.merged_incident(member)["id"] == kar["id"]
    assert store.incident(member)["reports"] == [{"doc": x["doc"], "incident": x["incident"]}
                                                 for x in kar["reports"]]
    # merge is deterministic and idempotent: twice more, identical tables
    before = merged_tables(store_url)
    assert letopis("merge", "--db", store_url).returncode == 0
    assert merged_tables(store_url) == before
    assert store.merge() == {"incidents": 5, "merged": 3, "multi": 1}
    assert merged_tables(store_url) == before and len(before[0]) == 3 and len(before[1]) == 5
    # a document stored after the last merge is still exported (alone) until the next merge
    store.put(DocumentRecord(doc="late.txt", title=None, published="2019-07-01", text="В Уфе взрыв.",
                             incidents=[Incident(city="Уфа", country="RU", types=["bombing"])]))
    rows = list(store.report_incidents())
    assert len(rows) == 4 and rows[-1]["reports"] == [{"doc": "late.txt", "incident": 0}]
    assert store.unmerged_count() == 1 and store.merge()["merged"] == 4 and store.unmerged_count() == 0
    store.close()


@pytest.mark.xdist_group("postgres")
def test_postgres_full_text_uses_the_russian_configuration(pg_server):
    store = Store(pg_server.new_database())
    store.put(DocumentRecord(doc="t.txt", title="Стрельба в Таразе", published=None,
                             text="Погибли пять сотрудников правоохранительных органов."))
    with store.engine.connect() as conn:     # the raw text, stemmed by PostgreSQL's 'russian' config
        assert conn.execute(sa.text("SELECT tsv @@ to_tsquery('russian', 'правоохранительными') "
                                    "FROM documents_fts")).scalar() is True
    assert [h["doc"] for h in store.search("Тараз")] == ["t.txt"]              # lemma forms
    assert [h["doc"] for h in store.search("правоохранительными органами")] == ["t.txt"]
    assert store.search("Тараз Ош") == []
    store.close()


def test_workers_dedupe_resume_and_retry_failed(store_url, tmp_path):
    src = tmp_path / "in"
    shutil.copytree(MERGE, src)
    shutil.copy(src / "a-tengri.txt", src / "a-copy.txt")             # same text under another name
    (src / "z-empty.txt").write_text("", encoding="utf-8")             # a read failure
    # as on a terminal: the progress bar (on stderr) counts every document
    r = letopis("ingest", "--db", store_url, "--workers", "2", str(src),
                env={"FORCE_COLOR": "1", "TTY_INTERACTIVE": "1"})
    out, err = (re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", x) for x in (r.stdout, r.stderr))
    assert r.returncode == 1 and "z-empty.txt" in out                  # the failure is listed
    assert "7 docs" in err and "stored 5 · skipped 1 · failed 1" in err
    store = Store(store_url)
    s = store.stats()
    assert s["documents"] == 5 and s["failed"] == 1 and s["merged_incidents"] == 3
    # resumable: everything stored is skipped (never sent to a worker), the failure not retried
    r = letopis("ingest", "--db", store_url, "--workers", "2", "-q", "--no-merge", str(src))
    assert "│      0 │        0 │       6 │      1 │" in r.stdout
    # the input is fixed: --retry-failed (no PATH) re-reads it from its path
    (src / "z-empty.txt").write_text("В Алматы прошла выставка цветов.", encoding="utf-8")
    r = letopis("ingest", "--db", store_url, "--retry-failed", "-q")
    assert r.returncode == 0, r.stdout + r.stderr
    s = store.stats()
    assert s["documents"] == 6 and s["failed"] == 0
    store.close()


def _fake_process(doc: Document) -> DocumentRecord:
    if "сломан" in doc.text:
        raise RuntimeError("cannot process")
    return DocumentRecord(doc=doc.doc, title=None, published=None, text=doc.text)


def _dying_process(doc: Document) -> DocumentRecord:
    if "убийца" in doc.text:
        os._exit(9)             # as a worker killed by the OOM killer would
    return _fake_process(doc)


def test_a_worker_that_dies_fails_only_its_document(tmp_path):
    """One document kills its worker: it alone is recorded as failed, the others are stored,
    in input order."""
    store = Store(f"sqlite:///{tmp_path / 'die.db'}")
    docs = [Document(f"d{i}.txt", f"Документ номер {i}." + (" убийца" if i == 5 else ""))
            for i in range(12)]
    report = ingest_documents(store, docs, process=_dying_process, workers=2)
    failed = [o.doc for o in report.outcomes if o.action == "failed"]
    assert failed == ["d5.txt"]
    assert "died" in report.failures[0].error
    assert [o.doc for o in report.outcomes if o.action == "stored"] == [f"d{i}.txt" for i in range(12) if i != 5]
    store.close()


def test_ingest_uses_one_process_per_core_once_enough_documents_need_work(tmp_path, monkeypatch):
    """workers=None (the CLI's default): a pool of one process per core when at least
    AUTO_WORKERS_MIN_DOCS documents need processing, counted after skipping stored ones."""
    from letopis import workers as w
    from letopis.store import parallel
    pools: list[int] = []
    real = parallel.run_pool

    def run_pool(jobs, writer, n, **kw):
        pools.append(n)
        real(jobs, writer, n, **kw)

    monkeypatch.setattr(parallel, "run_pool", run_pool)
    monkeypatch.setattr(w, "available_cores", lambda: 2)
    store = Store(f"sqlite:///{tmp_path / 'auto.db'}")
    docs = [Document(f"d{i}.txt", f"Документ номер {i}.") for i in range(w.AUTO_WORKERS_MIN_DOCS + 1)]
    few = ingest_documents(store, docs[:w.AUTO_WORKERS_MIN_DOCS - 1], process=_fake_process, workers=None)
    assert pools == [] and few.counts()["stored"] == w.AUTO_WORKERS_MIN_DOCS - 1
    # 9 inputs, 7 already stored: 2 to process → still here
    again = ingest_documents(store, docs[:-1] + docs[:1], process=_fake_process, workers=None)
    assert pools == [] and again.counts()["stored"] == 1
    many = ingest_documents(store, [Document(f"e{i}.txt", f"Другой номер {i}.") for i in range(9)],
                            process=_fake_process, workers=None)
    assert pools == [2]
    assert [o.doc for o in many.outcomes] == [f"e{i}.txt" for i in range(9)]
    assert many.counts()["stored"] == 9
    store.close()


def test_dask_local_cluster(store_url, tmp_path):
    from dask.distributed import Client, LocalCluster

    docs = [Document(f"d{k}.txt", f"Текст номер {k} о событиях в Таразе.") for k in range(12)]
    docs.append(Document("bad.txt", "сломанный текст"))
    store = Store(store_url)
    with LocalCluster(processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        report = ingest_documents(store, docs, process=_fake_process, dask=client)
        assert report.counts() == {"stored": 12, "replaced": 0, "skipped": 0, "failed": 1}
        log = tmp_path / "processed.log"            # the task is serialised to the worker: log to a file

        def counting(doc: Document) -> DocumentRecord:
            with open(log, "a", encoding="utf-8") as fh:
                fh.write(doc.doc + "\n")
            return _fake_process(doc)
        again = ingest_documents(store, docs + [Document("new.txt", "Новый текст.")], process=counting,
                                 dask=client, retry_failed=False)
        assert log.read_text(encoding="utf-8").split() == ["new.txt"]     # stored ones never sent
        assert again.count("skipped") == 12 and again.count("stored") == 1
        assert [o.earlier for o in again.failures] == [True]
    assert store.stats()["documents"] == 13 and store.stats()["failed"] == 1
    assert store.search("Тараз") and store.document("bad.txt")["error"] == "RuntimeError: cannot process"
    store.close()


def _counts(url: str) -> tuple[int, int, int]:
    store = Store(url, create=False)
    d = t.documents.c
    with store.engine.connect() as conn:
        n = conn.execute(sa.select(sa.func.count()).select_from(t.documents).where(d.status == "ok")).scalar()
        hashes = conn.execute(sa.select(sa.func.count(sa.distinct(d.content_hash)))).scalar()
        names = conn.execute(sa.select(sa.func.count(sa.distinct(d.doc)))).scalar()
    store.close()
    return int(n or 0), int(hashes or 0), int(names or 0)


def _orphans(url: str) -> int:
    store = Store(url, create=False)
    i, d = t.incidents.c, t.documents.c
    with store.engine.connect() as conn:
        n = conn.execute(sa.select(sa.func.count()).select_from(t.incidents)
                         .where(i.document_id.not_in(sa.select(d.id)))).scalar()
        n += conn.execute(sa.select(sa.func.count()).select_from(t.entities)
                          .where(t.entities.c.document_id.not_in(sa.select(d.id)))).scalar()
    store.close()
    return int(n or 0)


def test_kill_9_then_resume_with_readers(store_url, tmp_path):
    # many write batches (ingest.Writer commits every 32): with 120 tiny documents the run could end
    # between the first commit being seen and the kill, which failed this test now and then
    n = 600
    names = corpus(tmp_path / "news", n)
    Store(store_url).close()                         # the schema exists before readers start
    cmd = [sys.executable, "-m", "letopis", "ingest", "--db", store_url, "-q", str(tmp_path / "news")]
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env.pop("LETOPIS_DB", None)
    errors: list[BaseException] = []
    seen: list[int] = []
    stop = threading.Event()

    def reader() -> None:                            # a reader querying all along: never locked out
        store = Store(store_url, create=False)
        try:
            while not stop.is_set():
                seen.append(store.stats()["documents"])
                store.search("огонь")
                time.sleep(0.01)
        except BaseException as exc:                 # "database is locked" would land here
            errors.append(exc)
        finally:
            store.close()

    th = threading.Thread(target=reader)
    th.start()
    try:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 120
        while _counts(store_url)[0] < 5 and time.time() < deadline and proc.poll() is None:
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)            # mid-run, without warning
        proc.wait()
        stored, hashes, _ = _counts(store_url)
        assert 5 <= stored < n and hashes == stored and _orphans(store_url) == 0
        if store_url.endswith(".db"):
            import sqlite3
            with sqlite3.connect(store_url) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr
    finally:
        stop.set()
        th.join()
    assert not errors, errors
    assert seen and max(seen) >= 5 and seen == sorted(seen)      # readers saw it grow, never shrink
    stored, hashes, docs = _counts(store_url)
    assert stored == hashes == docs == n and _orphans(store_url) == 0
    store = Store(store_url)
    assert {d["doc"] for d in store.documents(limit=None)} == set(names)
    assert store.stats()["failed"] == 0 and store.unmerged_count() == 0
    store.close()
    if store_url.endswith(".db"):
        import sqlite3
        with sqlite3.connect(store_url) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_cli_dask_address(tmp_path):
    """`letopis ingest --dask tcp://…`: the command connects to a running cluster's scheduler."""
    from dask.distributed import LocalCluster

    db = str(tmp_path / "d.db")
    with LocalCluster(processes=False, protocol="tcp", n_workers=1, threads_per_worker=1,
                      dashboard_address=None) as cluster:
        r = letopis("ingest", "--db", db, "--dask", cluster.scheduler_address, "-q", str(MERGE))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "5 report(s) → 3 incident(s)" in r.stdout
    assert Store(db).stats()["documents"] == 5


def test_worker_imports_stay_light():
    """What a spawned ingest worker imports before its pipeline: no SQLAlchemy, no models; and
    its math libraries are told to use one thread."""
    code = ("import os, sys; import letopis.store.parallel as p; p.single_threaded_math(); "
            "heavy = [m for m in ('sqlalchemy', 'natasha', 'torch', 'numpy', 'pymorphy2') if m in sys.modules]; "
            "print(heavy, os.environ['OPENBLAS_NUM_THREADS'])")
    env = dict(os.environ)
    env.pop("OPENBLAS_NUM_THREADS", None)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert r.stdout.split() == ["[]", "1"], r.stdout + r.stderr

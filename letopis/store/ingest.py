"""Ingest: documents → pipeline → store, whole documents per transaction.

A document that cannot be read or processed becomes a failed row with its error, and the batch
goes on. The unit of work, `process_one`, is a pure Document → Processed function that runs the
pipeline *and* builds the rows to insert (rows.prepare: full-text word forms, JSON, typed
columns), so the parallel runners (parallel.py: `--workers N` processes, `--dask ADDRESS`) do all
the CPU work in the workers while this process alone executes the INSERTs; content hashes make
any re-run resume where the last one stopped, and documents already stored are never sent to a
worker.
"""
from __future__ import annotations

import hashlib
import os
import time
import traceback
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from letopis.store import rows as rows_mod
from letopis.store.rows import to_date as _to_date
from letopis.workers import pick_workers

if TYPE_CHECKING:                       # workers import this module: no SQLAlchemy there
    from letopis.store.store import Store

Process = Callable[[Any], Any]          # Document → DocumentRecord (raises on failure)
SKIPPED, STORED, REPLACED, FAILED = "skipped", "stored", "replaced", "failed"
LOOKUP_CHUNK = 16                        # documents read ahead to look up their hashes at once


@dataclass
class Outcome:
    doc: str
    action: str                          # stored | replaced | skipped | failed
    error: str | None = None
    stage: str | None = None             # read | process | store, when failed
    document_id: int | None = None
    incidents: int = 0
    earlier: bool = False                # failed in an earlier run; not retried (see --retry-failed)


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def add(self, o: Outcome) -> None:
        self.outcomes.append(o)

    def count(self, action: str) -> int:
        return sum(1 for o in self.outcomes if o.action == action)

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.action == FAILED]

    @property
    def ok(self) -> bool:
        return not self.failures

    def counts(self) -> dict[str, int]:
        return {a: self.count(a) for a in (STORED, REPLACED, SKIPPED, FAILED)}


@dataclass
class Processed:
    """What a worker hands back: the rows to insert, or the error. Workers leave `document`
    empty (the writer still has it: no need to send the text back)."""
    document: Any
    rows: rows_mod.Rows | None = None
    error: str | None = None
    detail: str | None = None
    stage: str = "process"               # where it failed: process | store (rows refused)


def default_process() -> Process:
    """The pipeline; when it cannot even load (a broken install, a syntax error), a process
    that fails every document with that error, so each is recorded (and --retry-failed later)
    instead of the batch or a worker pool crashing."""
    try:
        from letopis.pipeline import process_document
        return process_document
    except Exception as exc:
        msg = f"the pipeline failed to load: {type(exc).__name__}: {exc}"

        def broken(document: Any) -> Any:
            raise RuntimeError(msg)
        return broken


def _error(exc: BaseException) -> tuple[str, str]:
    msg = f"{type(exc).__name__}: {exc}".strip()
    detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)[-6:])
    return msg, detail[-4000:]


def process_one(document: Any, process: Process, *, postgres: bool = False) -> Processed:
    """Run the pipeline on one document and build its rows; an exception is this document's
    error, never the batch's."""
    try:
        record = process(document)
    except Exception as exc:
        msg, detail = _error(exc)
        return Processed(document, error=msg, detail=detail)
    try:
        rec = record.to_dict() if hasattr(record, "to_dict") else dict(record)
        # the record carries what the store keys and shows, whatever the pipeline filled
        for name, value in (("text", document.text), ("url", getattr(document, "url", None)),
                            ("published", rows_mod.iso(document.published)), ("title", document.title),
                            ("encoding", getattr(document, "encoding", None)),
                            ("format", getattr(document, "format", None))):
            if not rec.get(name) and value:
                rec[name] = value
        rows = rows_mod.prepare(rec, content_hash=document.content_hash, path=getattr(document, "path", None),
                                postgres=postgres)
    except Exception as exc:            # a record the store cannot take
        msg, detail = _error(exc)
        return Processed(document, error=msg, detail=detail, stage="store")
    return Processed(document, rows=rows)


def read_key(doc: str, path: str | None = None) -> str:
    """Content hash for an input that could not be read: of its name and bytes when the file is
    there, of its name otherwise (distinct empty files stay distinct rows)."""
    h = hashlib.sha256(doc.encode("utf-8", "replace"))
    p = path or doc
    try:
        if os.path.isfile(p):
            with open(p, "rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    h.update(chunk)
    except OSError:
        pass
    return "read:" + h.hexdigest()


def _failed(store: Store, doc: Any, chash: str, error: str, stage: str, detail: str | None) -> Outcome:
    store.put_failed(doc.doc, error, content_hash=chash, stage=stage, detail=detail,
                     path=getattr(doc, "path", None), text=doc.text, title=doc.title,
                     published=doc.published, url=getattr(doc, "url", None),
                     format=getattr(doc, "format", None), encoding=getattr(doc, "encoding", None))
    return Outcome(doc.doc, FAILED, error, stage)


class Writer:
    """Stores results in batches: one transaction per `batch` documents or per `interval`
    seconds, whichever comes first (a commit costs more than a document's INSERTs, and the
    writing process is the one part of a parallel ingest that does not scale). A kill loses at
    most the batch being written; the re-run redoes it. The parallel runners call `add` per
    result, `due_in` for how long they may block, `tick` after waiting, `flush` at the end."""

    def __init__(self, store: Store, emit: Callable[[Outcome], None], *, replace: bool = False,
                 batch: int = 32, interval: float = 1.0):
        self.store, self.emit, self.replace = store, emit, replace
        self.batch, self.interval = batch, interval
        self.pending: list[Processed] = []
        self.since = time.monotonic()

    def add(self, p: Processed) -> None:
        if not self.pending:
            self.since = time.monotonic()
        self.pending.append(p)
        self.tick()

    def due_in(self) -> float | None:
        """Seconds until the buffered results must be written (None: nothing buffered)."""
        if not self.pending:
            return None
        return max(0.0, self.since + self.interval - time.monotonic())

    def tick(self) -> None:
        if len(self.pending) >= self.batch or (self.pending and self.due_in() == 0.0):
            self.flush()

    def flush(self) -> None:
        todo, self.pending = self.pending, []
        ok = [p for p in todo if p.error is None and p.rows is not None]
        results = dict(zip(map(id, ok), self.store.put_many([p.rows for p in ok], replace=self.replace)))
        for p in todo:                  # outcomes in order of completion
            res = results.get(id(p))
            doc = p.document
            if res is None:
                o = _failed(self.store, doc, doc.content_hash, p.error or "no result", p.stage, p.detail)
            elif isinstance(res, Exception):  # e.g. a value the database refuses: this document's error
                msg, detail = _error(res)
                o = _failed(self.store, doc, doc.content_hash, msg, "store", detail)
            else:
                assert p.rows is not None
                o = Outcome(p.rows.doc, res.action, document_id=res.id, incidents=len(p.rows.incidents))
            self.emit(o)


def ingest_documents(store: Store, items: Iterable[Any], *, process: Process | None = None,
                     retry_failed: bool = False, reprocess: bool = False,
                     on_outcome: Callable[[Outcome], None] | None = None,
                     workers: int | None = 0, dask: Any = None) -> Report:
    """Store each Document (or record each ReadError) from `items`.

    Already stored (same content hash): skipped before any processing, unless `reprocess`.
    Failed in an earlier run: reported as failed again without re-processing, unless
    `retry_failed`. Processing runs here (workers 0 or 1), in `workers` processes (None: one per
    core once enough documents need processing, letopis.workers.pick_workers), or on a Dask
    cluster (`dask`: a scheduler address or a distributed.Client), rows included; this process
    alone writes, in batched transactions (Writer): in input order (Dask: in order of completion)."""
    from letopis.read.document import ReadError

    report = Report()

    def emit(o: Outcome) -> None:
        report.add(o)
        if on_outcome is not None:
            on_outcome(o)

    sent: set[str] = set()

    def chunks() -> Iterator[list[Any]]:
        chunk: list[Any] = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= LOOKUP_CHUNK:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def jobs() -> Iterator[Any]:
        """The documents that need processing; everything else is settled on the way."""
        for chunk in chunks():          # one query looks up a chunk's hashes
            docs = [x for x in chunk if not isinstance(x, BaseException)]
            known = store.lookup_many(x.content_hash for x in docs) if docs else {}
            for item in chunk:
                if isinstance(item, ReadError) or isinstance(item, BaseException):
                    name = getattr(item, "doc", None) or str(item)
                    path = getattr(item, "path", None)
                    msg = getattr(item, "message", None) or str(item)
                    store.put_failed(name, msg, content_hash=read_key(name, path), stage="read",
                                     path=path or (name if os.path.exists(name) else None))
                    emit(Outcome(name, FAILED, msg, "read"))
                    continue
                chash = item.content_hash
                found = known.get(chash)
                if found is not None and found["status"] == "ok" and not reprocess:
                    emit(Outcome(found["doc"], SKIPPED, document_id=found["id"]))
                    continue
                if found is not None and found["status"] == "failed" and not retry_failed:
                    emit(Outcome(item.doc, FAILED, found["error"], found["stage"], found["id"], earlier=True))
                    continue
                if chash in sent:           # the same text twice in one run: processed once
                    emit(Outcome(item.doc, SKIPPED))
                    continue
                sent.add(chash)
                yield item

    writer = Writer(store, emit, replace=reprocess)
    postgres = store.dialect == "postgresql"
    # the documents that need work decide, not the inputs
    workers, todo = pick_workers(jobs(), workers if dask is None else 0)
    try:
        if dask is not None:
            from letopis.store import parallel
            parallel.run_dask(todo, writer, dask, process=process, postgres=postgres)
        elif workers and workers > 1:
            from letopis.store import parallel
            parallel.run_pool(todo, writer, workers, process=process, postgres=postgres)
        else:
            from letopis.workers import batch_gc
            proc = process
            with batch_gc():
                for item in todo:
                    if proc is None:
                        proc = default_process()
                    writer.add(process_one(item, proc, postgres=postgres))
    finally:                            # Ctrl-C: what is processed is still stored
        writer.flush()
    return report


def ingest_paths(store: Store, paths: list[str], *, published: Any = None, **kwargs: Any) -> Report:
    """`letopis ingest PATH...`: files, folders, globs, "-" for stdin (the reader's rules)."""
    from letopis.read import iter_documents

    # the reader names each read error's file (`path`), so --retry-failed can re-read it once fixed
    return ingest_documents(store, iter_documents(list(paths), published=published), **kwargs)


def retry_failed(store: Store, *, published: Any = None, process: Process | None = None,
                 on_outcome: Callable[[Outcome], None] | None = None, **kwargs: Any) -> Report:
    """Re-try every failed row: re-read its path when the file is there, else re-process the
    stored text. A row with neither stays failed."""
    from letopis.read.document import Document

    rows = store.failed_documents()
    paths = list(dict.fromkeys(r["path"] for r in rows if r.get("path") and os.path.exists(r["path"])))
    rest = [r for r in rows if not (r.get("path") and os.path.exists(r["path"]))]

    def items() -> Iterator[Any]:
        if paths:
            from letopis.read import iter_documents
            yield from iter_documents(paths, published=published)
        for r in rest:
            if r.get("text"):
                yield Document(doc=r["doc"], text=r["text"], title=r.get("title"),
                               published=_to_date(r.get("published")), url=r.get("url"),
                               encoding=r.get("encoding"), format=r.get("format") or "text", path=r.get("path"))

    report = ingest_documents(store, items(), process=process, retry_failed=True, on_outcome=on_outcome, **kwargs)
    for r in rest:
        if not r.get("text"):
            o = Outcome(r["doc"], FAILED, f"{r.get('error')} (no stored text or path to retry from: ingest its PATH again)", r.get("stage"), r["id"])
            report.add(o)
            if on_outcome is not None:
                on_outcome(o)
    return report

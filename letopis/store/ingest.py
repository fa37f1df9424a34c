"""Ingest: documents → pipeline → store, one document per transaction.

A document that cannot be read or processed becomes a failed row with its error, and the batch
goes on. The unit of work, `process_one`, is a pure Document → Processed function, so the
parallel runners (parallel.py: `--workers N` processes, `--dask ADDRESS`) map it over documents
while this process alone writes the results; content hashes make any re-run resume where the last
one stopped, and documents already stored are never sent to a worker.
"""
from __future__ import annotations

import hashlib
import os
import traceback
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Iterable, Iterator

from letopis.store.store import Store, _to_date

Process = Callable[[Any], Any]          # Document → DocumentRecord (raises on failure)
SKIPPED, STORED, REPLACED, FAILED = "skipped", "stored", "replaced", "failed"


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
    """What a worker hands back: a record, or the error."""
    document: Any
    record: Any = None
    error: str | None = None
    detail: str | None = None


def default_process() -> Process:
    from letopis.pipeline import process_document
    return process_document


def _error(exc: BaseException) -> tuple[str, str]:
    msg = f"{type(exc).__name__}: {exc}".strip()
    detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)[-6:])
    return msg, detail[-4000:]


def process_one(document: Any, process: Process) -> Processed:
    try:
        return Processed(document, record=process(document))
    except Exception as exc:            # a bad document is that document's error, never the batch's
        msg, detail = _error(exc)
        return Processed(document, error=msg, detail=detail)


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


def _iso(d: Any) -> str | None:
    if d is None:
        return None
    return d.isoformat() if isinstance(d, date) else str(d)


def _store_processed(store: Store, p: Processed, chash: str, replace: bool) -> Outcome:
    doc = p.document
    if p.error is not None:
        store.put_failed(doc.doc, p.error, content_hash=chash, stage="process", detail=p.detail,
                         path=getattr(doc, "path", None), text=doc.text, title=doc.title,
                         published=doc.published, url=getattr(doc, "url", None),
                         format=getattr(doc, "format", None), encoding=getattr(doc, "encoding", None))
        return Outcome(doc.doc, FAILED, p.error, "process")
    rec = p.record
    # the record carries what the store keys and shows, whatever the pipeline filled
    for name, value in (("text", doc.text), ("content_hash", chash), ("url", getattr(doc, "url", None)),
                        ("published", _iso(doc.published)), ("title", doc.title),
                        ("encoding", getattr(doc, "encoding", None)), ("format", getattr(doc, "format", None))):
        if hasattr(rec, name) and not getattr(rec, name) and value:
            setattr(rec, name, value)
    try:
        res = store.put(rec, content_hash=chash, path=getattr(doc, "path", None), replace=replace)
    except Exception as exc:            # e.g. a value the database refuses: this document's error
        msg, detail = _error(exc)
        store.put_failed(doc.doc, msg, content_hash=chash, stage="store", detail=detail,
                         path=getattr(doc, "path", None), text=doc.text, title=doc.title,
                         published=doc.published, url=getattr(doc, "url", None))
        return Outcome(doc.doc, FAILED, msg, "store")
    n = len(getattr(rec, "incidents", None) or [])
    return Outcome(getattr(rec, "doc", None) or doc.doc, res.action, document_id=res.id, incidents=n)


def ingest_documents(store: Store, items: Iterable[Any], *, process: Process | None = None,
                     retry_failed: bool = False, reprocess: bool = False,
                     on_outcome: Callable[[Outcome], None] | None = None,
                     workers: int = 0, dask: Any = None) -> Report:
    """Store each Document (or record each ReadError) from `items`.

    Already stored (same content hash): skipped before any processing, unless `reprocess`.
    Failed in an earlier run: reported as failed again without re-processing, unless
    `retry_failed`. Processing runs here (workers=0), in `workers` processes, or on a Dask
    cluster (`dask`: a scheduler address or a distributed.Client); this process alone writes,
    one document per transaction, in order of completion."""
    from letopis.read.document import ReadError

    report = Report()

    def emit(o: Outcome) -> None:
        report.add(o)
        if on_outcome is not None:
            on_outcome(o)

    parallel_run = dask is not None or (workers or 0) > 1
    sent: set[str] = set()

    def jobs() -> Iterator[Any]:
        """The documents that need processing; everything else is settled on the way."""
        for item in items:
            if isinstance(item, ReadError) or isinstance(item, BaseException):
                name = getattr(item, "doc", None) or str(item)
                path = getattr(item, "path", None)
                msg = getattr(item, "message", None) or str(item)
                store.put_failed(name, msg, content_hash=read_key(name, path), stage="read",
                                 path=path or (name if os.path.exists(name) else None))
                emit(Outcome(name, FAILED, msg, "read"))
                continue
            found = store.lookup(item.content_hash)
            if found is not None and found["status"] == "ok" and not reprocess:
                emit(Outcome(found["doc"], SKIPPED, document_id=found["id"]))
                continue
            if found is not None and found["status"] == "failed" and not retry_failed:
                emit(Outcome(item.doc, FAILED, found["error"], found["stage"], found["id"], earlier=True))
                continue
            if parallel_run:                 # the same text twice in one batch: processed once
                if item.content_hash in sent:
                    emit(Outcome(item.doc, SKIPPED))
                    continue
                sent.add(item.content_hash)
            yield item

    def store_result(p: Processed) -> None:
        emit(_store_processed(store, p, p.document.content_hash, replace=reprocess))

    if dask is not None:
        from letopis.store import parallel
        parallel.run_dask(jobs(), store_result, dask, process=process)
    elif workers and workers > 1:
        from letopis.store import parallel
        parallel.run_pool(jobs(), store_result, workers, process=process)
    else:
        proc = process
        for item in jobs():
            if proc is None:
                proc = default_process()
            store_result(process_one(item, proc))
    return report


def ingest_paths(store: Store, paths: list[str], *, published: Any = None, **kwargs: Any) -> Report:
    """`letopis ingest PATH...`: files, folders, globs, "-" for stdin (the reader's rules)."""
    from letopis.read import iter_documents
    from letopis.read.document import ReadError

    def items() -> Iterator[Any]:
        for item in iter_documents(list(paths), published=_to_date(published)):
            if isinstance(item, ReadError) and not getattr(item, "path", None):
                found = _input_path(item.doc, paths)
                if found:                   # kept, so --retry-failed can re-read it once fixed
                    item.path = found       # type: ignore[attr-defined]
            yield item
    return ingest_documents(store, items(), **kwargs)


def _input_path(name: str, args: list[str]) -> str | None:
    """The file a read error's name stands for (the reader names files relative to their folder)."""
    cands = [name] + [os.path.join(a, name) for a in args if os.path.isdir(a)]
    cands += [a for a in args if os.path.basename(a) == os.path.basename(name)]
    for c in cands:
        if os.path.isfile(c):
            return os.path.abspath(c)
    return None


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
            yield from iter_documents(paths, published=_to_date(published))
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

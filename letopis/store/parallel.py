"""Parallel processing for ingest: a local process pool (`--workers N`) or a Dask cluster
(`--dask ADDRESS`). Workers do all the CPU work (pipeline, then rows.prepare: word forms, JSON,
typed columns) and send back compact ready-to-insert rows; the caller's `Writer` stores them
here, in the one writing process, in batched transactions (local pool: in input order; Dask: as
results complete). That process stays light (no models; no SQL beyond INSERTs) so N workers get
the machine's N cores, and each worker's math runs on one thread (single_threaded_math). A bounded number of documents is in
flight at a time, so a corpus of any size streams through in constant memory.
"""
from __future__ import annotations

import os
from typing import Any, Iterable, Iterator

from letopis.store.ingest import Processed, Process, Writer, default_process, process_one
from letopis.workers import ordered_map, settle_gc, single_threaded_math

_WORKER_PROCESS: Process | None = None
_POSTGRES = False


def _init_worker(process: Process | None, postgres: bool = False) -> None:
    """Once per worker process: load the pipeline (models) before the first document."""
    global _WORKER_PROCESS, _POSTGRES
    import atexit
    import warnings
    single_threaded_math()
    # at the end, skip the interpreter's teardown of the models (half a second of freeing
    # objects one by one, while the writer waits): results are all sent by then
    atexit.register(os._exit, 0)
    warnings.filterwarnings("ignore", message="pkg_resources is deprecated")
    _POSTGRES = postgres
    _WORKER_PROCESS = process or default_process()
    if process is None:
        from letopis.read.document import Document
        try:
            process_one(Document("warmup.txt", "В Москве прошёл дождь."), _WORKER_PROCESS)
        except Exception:       # a real document will report the problem as its own error
            pass
    settle_gc()


def _work(document: Any) -> Processed:
    if _WORKER_PROCESS is None:
        _init_worker(None)
    out = process_one(document, _WORKER_PROCESS, postgres=_POSTGRES)  # type: ignore[arg-type]
    out.document = None         # the writer has it; sending the text back would double the traffic
    return out


def _died(document: Any, exc: BaseException) -> Processed:
    """A worker that died (killed, out of memory) fails its document, not the batch."""
    return Processed(document, error=f"worker failed: {type(exc).__name__}: {exc}".strip())


def run_pool(jobs: Iterable[Any], writer: Writer, workers: int, *,
             process: Process | None = None, in_flight: int | None = None, postgres: bool = False) -> None:
    """Process `jobs` in `workers` spawned processes; hand each result to `writer` in input order.
    A worker that dies fails only the document that killed it (letopis.workers.ordered_map)."""

    def idle() -> float | None:        # commit what is buffered once it is due, while waiting
        writer.tick()
        return writer.due_in()

    for doc, result, error in ordered_map(_work, jobs, workers, initializer=_init_worker,
                                          initargs=(process, postgres), in_flight=in_flight, idle=idle):
        if error is not None:           # a dead worker, or a result that cannot be pickled back
            result = _died(doc, error)
        else:
            result.document = doc
        writer.add(result)


def _dask_work(document: Any, process: Process | None, postgres: bool = False) -> Processed:
    # on a Dask worker the pipeline's models load once per worker process, on its first document
    single_threaded_math()
    out = process_one(document, process or default_process(), postgres=postgres)
    out.document = None
    return out


def run_dask(jobs: Iterable[Any], writer: Writer, client_or_address: Any, *,
             process: Process | None = None, in_flight: int | None = None, postgres: bool = False) -> None:
    """Process `jobs` on a Dask cluster (an address such as tcp://scheduler:8786, or a Client)."""
    try:
        from dask.distributed import Client, as_completed
    except ImportError as exc:      # pragma: no cover - the `cluster` extra
        raise RuntimeError('--dask needs dask.distributed: pip install "letopis[cluster]"') from exc
    own = not isinstance(client_or_address, Client)
    client = Client(client_or_address) if own else client_or_address
    try:
        n = sum(client.nthreads().values()) or 1
        limit = in_flight or max(8, n * 4)
        it: Iterator[Any] = iter(jobs)
        docs: dict[str, Any] = {}
        ac = as_completed()

        def submit() -> bool:
            doc = next(it, None)
            if doc is None:
                return False
            fut = client.submit(_dask_work, doc, process, postgres, pure=False)
            docs[fut.key] = doc
            ac.add(fut)
            return True

        while len(docs) < limit and submit():
            pass
        for fut in ac:
            doc = docs.pop(fut.key)
            try:
                result = fut.result()
                result.document = doc
            except Exception as exc:
                result = _died(doc, exc)
            fut.release()
            writer.add(result)
            submit()
    finally:
        if own:
            client.close()

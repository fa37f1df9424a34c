"""Parallel processing for ingest: a local process pool (`--workers N`) or a Dask cluster
(`--dask ADDRESS`). Workers do all the CPU work (pipeline, then rows.prepare: word forms, JSON,
typed columns) and send back compact ready-to-insert rows; the caller's `Writer` stores them
here, in the one writing process, in batched transactions as results complete. That process
stays light (no models; no SQL beyond INSERTs) so N workers get the machine's N cores, and each
worker's math runs on one thread (single_threaded_math). A bounded number of documents is in
flight at a time, so a corpus of any size streams through in constant memory.
"""
from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
from typing import Any, Iterable, Iterator

from letopis.store.ingest import Processed, Process, Writer, default_process, process_one
from letopis.workers import single_threaded_math

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
    """Process `jobs` in `workers` spawned processes; hand each result to `writer` as it completes."""
    limit = in_flight or workers * 4
    ctx = multiprocessing.get_context("spawn")      # no inherited threads or database connections
    it: Iterator[Any] = iter(jobs)
    init = (process, postgres)
    pool = _start(workers, ctx, init)
    pending: dict[cf.Future, Any] = {}
    try:
        while True:
            while len(pending) < limit:
                doc = next(it, None)
                if doc is None:
                    break
                try:
                    pending[pool.submit(_work, doc)] = doc
                except cf.process.BrokenProcessPool:
                    pool = _restart(pool, workers, ctx, init)
                    pending[pool.submit(_work, doc)] = doc
            if not pending:
                break
            done, _ = cf.wait(pending, timeout=writer.due_in(), return_when=cf.FIRST_COMPLETED)
            writer.tick()
            broken = False
            for fut in done:
                doc = pending.pop(fut)
                try:
                    result = fut.result()
                    result.document = doc
                except cf.process.BrokenProcessPool as exc:
                    result, broken = _died(doc, exc), True
                except Exception as exc:   # e.g. a record that cannot be pickled back
                    result = _died(doc, exc)
                writer.add(result)
            if broken:
                for fut, doc in list(pending.items()):
                    writer.add(_died(doc, RuntimeError("process pool broke")))
                pending.clear()
                pool = _restart(pool, workers, ctx, init)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start(workers: int, ctx: Any, init: tuple[Any, ...]) -> cf.ProcessPoolExecutor:
    return cf.ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=init)


def _restart(pool: cf.ProcessPoolExecutor, workers: int, ctx: Any, init: tuple[Any, ...]) -> cf.ProcessPoolExecutor:
    pool.shutdown(wait=False, cancel_futures=True)
    return _start(workers, ctx, init)


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

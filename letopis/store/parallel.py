"""Parallel processing for ingest: a local process pool (`--workers N`) or a Dask cluster
(`--dask ADDRESS`). Workers only process (Document → Processed); the caller's `store_result`
runs here, in the one writing process, as results complete. A bounded number of documents is in
flight at a time, so a corpus of any size streams through in constant memory.
"""
from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
from typing import Any, Callable, Iterable, Iterator

from letopis.store.ingest import Processed, Process, default_process, process_one

StoreResult = Callable[[Processed], None]

_WORKER_PROCESS: Process | None = None


def _init_worker(process: Process | None) -> None:
    """Once per worker process: load the pipeline (natasha models) before the first document."""
    global _WORKER_PROCESS
    import warnings
    warnings.filterwarnings("ignore", message="pkg_resources is deprecated")
    _WORKER_PROCESS = process or default_process()
    if process is None:
        from letopis.read.document import Document
        try:
            _WORKER_PROCESS(Document("warmup.txt", "В Москве прошёл дождь."))
        except Exception:       # a real document will report the problem as its own error
            pass


def _work(document: Any) -> Processed:
    global _WORKER_PROCESS
    if _WORKER_PROCESS is None:
        _init_worker(None)
    return process_one(document, _WORKER_PROCESS)  # type: ignore[arg-type]


def _died(document: Any, exc: BaseException) -> Processed:
    """A worker that died (killed, out of memory) fails its document, not the batch."""
    return Processed(document, error=f"worker failed: {type(exc).__name__}: {exc}".strip())


def run_pool(jobs: Iterable[Any], store_result: StoreResult, workers: int, *,
             process: Process | None = None, in_flight: int | None = None) -> None:
    """Process `jobs` in `workers` spawned processes; store each result here as it completes."""
    limit = in_flight or workers * 4
    ctx = multiprocessing.get_context("spawn")      # no inherited threads or database connections
    it: Iterator[Any] = iter(jobs)
    pool = cf.ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(process,))
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
                    pool = _restart(pool, workers, ctx, process)
                    pending[pool.submit(_work, doc)] = doc
            if not pending:
                break
            done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            broken = False
            for fut in done:
                doc = pending.pop(fut)
                try:
                    result = fut.result()
                except cf.process.BrokenProcessPool as exc:
                    result, broken = _died(doc, exc), True
                except Exception as exc:   # e.g. a record that cannot be pickled back
                    result = _died(doc, exc)
                store_result(result)
            if broken:
                for fut, doc in list(pending.items()):
                    store_result(_died(doc, RuntimeError("process pool broke")))
                pending.clear()
                pool = _restart(pool, workers, ctx, process)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _restart(pool: cf.ProcessPoolExecutor, workers: int, ctx: Any, process: Process | None) -> cf.ProcessPoolExecutor:
    pool.shutdown(wait=False, cancel_futures=True)
    return cf.ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(process,))


def _dask_work(document: Any, process: Process | None) -> Processed:
    # on a Dask worker the pipeline's models load once per worker process, on its first document
    return process_one(document, process or default_process())


def run_dask(jobs: Iterable[Any], store_result: StoreResult, client_or_address: Any, *,
             process: Process | None = None, in_flight: int | None = None) -> None:
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
            fut = client.submit(_dask_work, doc, process, pure=False)
            docs[fut.key] = doc
            ac.add(fut)
            return True

        while len(docs) < limit and submit():
            pass
        for fut in ac:
            doc = docs.pop(fut.key)
            try:
                result = fut.result()
            except Exception as exc:
                result = _died(doc, exc)
            fut.release()
            store_result(result)
            submit()
    finally:
        if own:
            client.close()

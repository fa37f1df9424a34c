"""Local process pools, shared by `letopis extract` and `letopis ingest`.

Each process multiplies small matrices one sentence at a time, so its math runs on one thread
(`single_threaded_math`) and the machine's cores go to whole processes instead. `ordered_map`
streams any number of items through N processes with a bounded number in flight, yields results
in input order, and survives a worker that dies: the items it may have held are tried again one at
a time in a fresh pool, so only an item that kills its worker again fails, alone. `extract` forks
its workers from a process that has loaded the models (`preload`: they start at once and share the
models' pages); `ingest` spawns them, as its writing process holds a database connection.
"""
from __future__ import annotations

import collections
import concurrent.futures as cf
import contextlib
import gc
import itertools
import multiprocessing
import os
import sys
import threading
from typing import Any, Callable, Iterable, Iterator

AUTO_WORKERS_MIN_DOCS = 8     # below this, starting worker processes costs more than it saves

# math libraries' thread pools (OpenBLAS, OpenMP, MKL): one thread per process
_THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
                "VECLIB_MAXIMUM_THREADS")


def single_threaded_math() -> None:
    """One thread for numpy's BLAS (and torch) in this process, unless the user set the variables.

    The pipeline multiplies small matrices one sentence at a time: OpenBLAS's extra threads
    only spin, and measured on NEREL they made one process 1.5× *slower* while taking a second
    core, so N workers were fighting over N cores × threads. Takes effect when set before numpy
    loads (a worker's initializer, the CLI before the pipeline); torch is told directly."""
    for var in _THREAD_VARS:
        os.environ.setdefault(var, "1")
    torch = sys.modules.get("torch")
    if torch is not None and os.environ.get("OMP_NUM_THREADS") == "1":
        torch.set_num_threads(1)


# Python's collector runs after every 700 new container objects, and each third-generation pass walks
# every object alive, the models' tables and the caches included: measured on NEREL (one process,
# models loaded) it ran ~4 times per document and took 14 % of the CPU (3.4 of 24.2 ms per dev
# document); with the loaded objects frozen and these thresholds, 0.4 ms. The pipeline makes few
# reference cycles: peak memory over NEREL train was the same with the collector off.
GC_THRESHOLD = (50_000, 50, 100)


def settle_gc() -> None:
    """For a process of ours (a worker, the CLI), once its models are loaded: every object alive
    now is frozen (never walked again; and a forked worker, not writing to their headers, shares
    their pages instead of copying them) and young objects are collected less often."""
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


@contextlib.contextmanager
def batch_gc() -> Iterator[None]:
    """`settle_gc` for a batch run inside a caller's process (library use), undone afterwards."""
    old = gc.get_threshold()
    settle_gc()
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()


def available_cores() -> int:
    """Cores this process may run on (a container's CPU set, not the host's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:          # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def pick_workers(items: Iterable[Any], workers: int | None) -> tuple[int, Iterator[Any]]:
    """(processes to use, the same items): `workers` as asked; None: one per core when at least
    AUTO_WORKERS_MIN_DOCS items come (looked ahead, then put back), else 1 (this process)."""
    it = iter(items)
    if workers is not None:
        return workers, it
    head = list(itertools.islice(it, AUTO_WORKERS_MIN_DOCS))
    return (available_cores() if len(head) >= AUTO_WORKERS_MIN_DOCS else 1), itertools.chain(head, it)


class WorkerDied(RuntimeError):
    """An item's worker process died (killed, out of memory) while it ran, and again when the item
    was run alone in a fresh pool."""


_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """A worker ends when the process that started it dies, even by SIGKILL (Linux): otherwise a
    killed `ingest` or `extract` left its workers waiting on a pipe for ever, ~100 MB each."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:       # the parent died before the line above took effect
        os._exit(1)


def _start_worker(parent: int, initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    _die_with_parent(parent)
    if initializer is not None:
        initializer(*initargs)


def ordered_map(fn: Callable[[Any], Any], items: Iterable[Any], workers: int, *,
                initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = (),
                preload: bool = False, in_flight: int | None = None,
                idle: Callable[[], float | None] | None = None
                ) -> Iterator[tuple[Any, Any, BaseException | None]]:
    """Yield (item, fn(item), None) or (item, None, error) for every item, in input order.

    `fn` and `initializer` must be importable module-level functions. Workers are spawned (no
    inherited threads, locks or open connections), except with `preload`: then, on Linux and
    when this process runs no other thread, `initializer` runs here once and the
    workers are forked from this loaded process, so they start at once and share the models'
    memory copy-on-write instead of each importing and loading them (~0.8 s and ~150 MB each).
    Only for a caller that holds nothing a child must not inherit (an open database connection);
    the pool is then started now, before the caller starts threads of its own (a progress bar).
    `idle`, while the next result is awaited, is called whenever the seconds it last returned
    have passed (None: wait for the result), so a caller can do timed work such as committing."""
    spawn = multiprocessing.get_context("spawn")
    _skip_cli_in_workers()

    me = os.getpid()

    def start() -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(workers, mp_context=spawn, initializer=_start_worker,
                                      initargs=(me, initializer, initargs))

    # fork only on Linux: macOS's system libraries are not fork-safe (Python spawns there too)
    if preload and sys.platform.startswith("linux") and threading.active_count() == 1:
        if initializer is not None:
            initializer(*initargs)
        pool = cf.ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                      initializer=_die_with_parent, initargs=(me,))
        pool.submit(int).result()     # forks every worker now, before any thread exists
    else:
        pool = start()
    return _ordered(fn, iter(items), pool, start, in_flight or workers * 4, idle)


def _ordered(fn: Callable[[Any], Any], it: Iterator[Any], pool: cf.ProcessPoolExecutor,
             start: Callable[[], cf.ProcessPoolExecutor], limit: int,
             idle: Callable[[], float | None] | None) -> Iterator[tuple[Any, Any, BaseException | None]]:
    pending: collections.deque[tuple[Any, cf.Future]] = collections.deque()
    try:
        while True:
            while len(pending) < limit:
                item = next(it, _END)
                if item is _END:
                    break
                try:
                    fut = pool.submit(fn, item)
                except cf.process.BrokenProcessPool as exc:     # a worker died a moment ago
                    fut = cf.Future()
                    fut.set_exception(exc)
                pending.append((item, fut))
            if not pending:
                return
            item, fut = pending.popleft()
            try:
                yield item, _await(fut, idle), None
                continue
            except cf.process.BrokenProcessPool:
                pass
            except Exception as exc:       # fn raised, or its result could not be pickled back
                yield item, None, exc
                continue
            # a worker died holding one of the in-flight items; which one is unknown, so each
            # unfinished one runs alone in a fresh (spawned) pool, and only the one that kills it
            # again fails
            pool.shutdown(wait=False, cancel_futures=True)
            pool = start()
            for item, fut in [(item, fut), *pending]:
                if fut.done() and not isinstance(fut.exception(), cf.process.BrokenProcessPool):
                    yield _outcome(item, fut)
                    continue
                retry = pool.submit(fn, item)
                if isinstance(retry.exception(), cf.process.BrokenProcessPool):
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = start()
                    yield item, None, WorkerDied("the worker process died while processing it")
                else:
                    yield _outcome(item, retry)
            pending.clear()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _skip_cli_in_workers() -> None:
    """A spawned worker first re-runs the parent's main script; for the `letopis` console script
    that imports the whole command line (typer, rich: a tenth of a second per worker) for nothing.
    Naming letopis.__main__ as the main module lets multiprocessing skip that step (it never
    re-runs a package's __main__); a user's own script stays the main module."""
    import importlib.util
    main = sys.modules.get("__main__")
    if main is None or getattr(main, "__spec__", None) is not None:
        return
    cli = sys.modules.get("letopis.cli")
    if any(main.__dict__.get(name) is getattr(cli, name, object()) for name in ("main", "app")):
        main.__spec__ = importlib.util.find_spec("letopis.__main__")


def _await(fut: cf.Future, idle: Callable[[], float | None] | None) -> Any:
    wait = idle() if idle else None
    while wait is not None:
        try:
            return fut.result(timeout=wait)
        except cf.TimeoutError:
            wait = idle()
    return fut.result()


def _outcome(item: Any, fut: cf.Future) -> tuple[Any, Any, BaseException | None]:
    exc = fut.exception()
    return (item, None, exc) if exc is not None else (item, fut.result(), None)


_END = object()

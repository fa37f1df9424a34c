"""letopis.workers.ordered_map: input order, one failure never stops the rest, a dying worker
costs only the item that kills it."""
from __future__ import annotations

import os
import sys
import time

from letopis.workers import WorkerDied, available_cores, ordered_map


def _slow_square(n: int) -> int:
    time.sleep(0.02 * (n % 3))          # later items often finish first
    if n == 5:
        raise ValueError("five is bad")
    return n * n


def _dies_on_seven(n: int) -> int:
    if n == 7:
        os._exit(3)                      # as a worker killed by the OOM killer would
    return n + 100


def test_results_come_in_input_order_and_errors_stay_with_their_item():
    got = list(ordered_map(_slow_square, range(12), 2, in_flight=6))
    assert [item for item, _, _ in got] == list(range(12))
    for item, result, error in got:
        if item == 5:
            assert result is None and isinstance(error, ValueError)
        else:
            assert error is None and result == item * item


def test_a_worker_that_dies_fails_only_its_item():
    got = list(ordered_map(_dies_on_seven, range(16), 2, in_flight=8))
    assert [item for item, _, _ in got] == list(range(16))
    failed = [item for item, _, error in got if error is not None]
    assert failed == [7]
    assert isinstance(got[7][2], WorkerDied)
    assert all(result == item + 100 for item, result, error in got if item != 7)


def test_available_cores_is_positive():
    assert available_cores() >= 1


def _typer_loaded(_: int) -> bool:
    import sys
    return "typer" in sys.modules


def test_workers_of_the_console_script_skip_the_command_line(tmp_path):
    """Spawned workers re-run the parent's main script; for the `letopis` console script that
    would import typer and rich in every worker for nothing."""
    import subprocess
    import sys
    from pathlib import Path
    script = tmp_path / "letopis-like"
    script.write_text("import sys\nfrom letopis.cli import app\n"
                      "from letopis.workers import ordered_map\n"
                      "from test_workers import _typer_loaded\n"
                      "if __name__ == '__main__':\n"
                      "    print([r for _, r, _ in ordered_map(_typer_loaded, range(2), 2)])\n", encoding="utf-8")
    here = str(Path(__file__).resolve().parent)
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "PYTHONPATH": here})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[False, False]"


_WARMED: list[int] = []


def _warm() -> None:
    _WARMED.append(os.getpid())


def _who(n: int) -> tuple[list[int], int]:
    if n == 5 and os.environ.get("LETOPIS_TEST_DIE_ON_5"):
        os._exit(3)
    return list(_WARMED), os.getpid()


def test_preload_warms_the_parent_once_and_forks_loaded_workers(tmp_path):
    """With preload the initializer runs once, in the parent, and the workers are forked from it
    (they start loaded); after a worker dies, the rescue pool is spawned and warms itself. Run in
    a fresh process: pytest-xdist's own threads make ordered_map fall back to spawning."""
    import json
    import subprocess
    import sys
    from pathlib import Path
    script = tmp_path / "preload.py"
    script.write_text("import json, os\n"
                      "from letopis.workers import ordered_map\n"
                      "import test_workers as t\n"
                      "if __name__ == '__main__':\n"
                      "    got = list(ordered_map(t._who, range(8), 2, initializer=t._warm, preload=True))\n"
                      "    print(json.dumps({'parent': os.getpid(), 'warmed': t._WARMED,\n"
                      "                      'got': [[i, r, repr(e) if e else None] for i, r, e in got]}))\n",
                      encoding="utf-8")
    here = str(Path(__file__).resolve().parent)
    for die in ("", "1"):
        out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120,
                             env={**os.environ, "PYTHONPATH": here, "LETOPIS_TEST_DIE_ON_5": die})
        assert out.returncode == 0, out.stderr
        res = json.loads(out.stdout)
        parent = res["parent"]
        assert res["warmed"] == [parent]                 # once, here
        assert [g[0] for g in res["got"]] == list(range(8))
        for item, result, error in res["got"]:
            if die and item == 5:
                assert "WorkerDied" in error
                continue
            assert error is None
            warmed, pid = result
            assert pid != parent
            # forked: inherited the parent's warm state; spawned after a death: warmed itself
            assert warmed in ([parent], [pid])
            if not die:
                assert warmed == [parent]


def test_batch_gc_settles_the_collector_and_puts_it_back():
    import gc
    from letopis.workers import GC_THRESHOLD, batch_gc
    before = gc.get_threshold()
    keep = [object() for _ in range(10)]
    with batch_gc():
        assert gc.get_threshold() == GC_THRESHOLD
        assert gc.get_freeze_count() >= len(keep)       # what was alive is out of the walks
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_warm_up_leaves_the_models_frozen_for_forked_workers():
    """extract's workers fork from a process that ran warm_up: the models it loaded are frozen
    (the collector never walks or copies their pages) and young objects are collected rarely."""
    import subprocess
    import sys
    code = ("import gc; from letopis.pipeline import warm_up; warm_up(); "
            "print(gc.get_freeze_count(), *gc.get_threshold())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    frozen, *threshold = map(int, out.stdout.split())
    from letopis.workers import GC_THRESHOLD
    assert frozen > 50_000 and tuple(threshold) == GC_THRESHOLD


def _pid_then_wait(n: int) -> int:
    # one write call: two workers' print() (the number, then the newline) could interleave on the pipe
    # into "123456\n\n", which failed this test now and then
    os.write(sys.stdout.fileno(), f"{os.getpid()}\n".encode())
    time.sleep(60)
    return n


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"      # a zombie has ended
    except FileNotFoundError:
        return False


def test_workers_end_when_their_parent_is_killed(tmp_path):
    """A `letopis ingest` killed with SIGKILL left its spawned workers waiting for ever (~100 MB
    each): the workers now die with the process that started them, spawned or forked."""
    import signal
    import subprocess
    import sys

    import pytest
    if not sys.platform.startswith("linux"):
        pytest.skip("parent-death signal is Linux-only")
    for preload in (False, True):
        code = ("import sys; sys.path.insert(0, %r)\n"
                "from test_workers import _pid_then_wait\n"
                "from letopis.workers import ordered_map\n"
                "for _ in ordered_map(_pid_then_wait, range(2), 2, preload=%r): pass\n"
                % (os.path.dirname(__file__), preload))
        proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
        pids = [int(proc.stdout.readline()) for _ in range(2)]
        assert all(_alive(p) for p in pids)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.time() + 10
        while any(_alive(p) for p in pids) and time.time() < deadline:
            time.sleep(0.1)
        assert not any(_alive(p) for p in pids), (preload, pids)

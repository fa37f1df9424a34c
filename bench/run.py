"""Throughput and memory of Letopis next to natasha's NER alone, on the same files in the same run.

    python -m bench.run --data ../shared/data/nerel/train --data ../shared/data/nerel/dev \
        --out bench/results.md [--limit N ...] [--workers 1,2] [--runs ingest] [--repeat 2]

For each data folder (its *.txt files, sorted; the first N with --limit) it runs, each as its
own subprocess so that memory is per process:

  natasha      Segmenter + NewsEmbedding + NewsNERTagger: Doc.segment + tag_ner per file
  extract      `letopis extract FILES` (records to a pipe, counted): by default one process per core,
               and again with `--workers 1` (everything in one process)
  ingest ×W    `letopis ingest --db TMP --workers W FILES` into a fresh SQLite file

Wall time is everything from spawning the process to its exit (imports and model loading
included); "first doc" is when the first result appeared, so load time shows apart, and
"steady docs/s" counts the documents after the first over the time after it. Peak RSS is each
process's VmHWM (Linux /proc), polled every 50 ms over the whole process tree, and the kernel's
ru_maxrss of the reaped tree as a cross-check; for ingest the per-worker figure is the largest
peak among the worker processes (the parent alone when there are none). Pages shared between a
forked parent and its workers count in each of them, so sums overstate real use.

`--limit` may be given once (for every folder) or once per --data, in order; 0 means all files.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLL_S = 0.05
GOAL_SPEEDUP = 1.8
GOAL_WORKER_MB = 400


# ---- the natasha-alone worker (run as `python -m bench.run --natasha-worker LIST`) ------------

def natasha_worker(list_file: str) -> None:
    """Load natasha, then segment + tag every file; one JSON line per doc, flushed, on stdout."""
    t0 = time.perf_counter()
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter
    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
    print(json.dumps({"loaded": time.perf_counter() - t0}), flush=True)
    for path in Path(list_file).read_text(encoding="utf-8").splitlines():
        doc = Doc(Path(path).read_text(encoding="utf-8"))
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        print(json.dumps({"doc": path, "spans": len(doc.spans)}), flush=True)


# ---- running one measured process ------------------------------------------------------------

@dataclass
class Run:
    name: str
    cmd: list[str]
    docs: int = 0
    wall: float = 0.0
    first_doc: float | None = None     # seconds from spawn to the first result
    rc: int | None = None
    maxrss_mb: float = 0.0             # ru_maxrss of the reaped tree (largest single process)
    main_mb: float = 0.0               # VmHWM of the spawned process itself
    workers_mb: list[float] = field(default_factory=list)   # VmHWM of each descendant
    tree_mb: float = 0.0               # largest sum of VmRSS over the tree at one poll
    note: str = ""
    stderr_tail: str = ""
    load: float | None = None          # 1-min load average when the row started
    cpu: float = 0.0                   # CPU seconds (user + system) of the whole reaped tree
    main_cpu: float = 0.0              # CPU seconds of the spawned process itself

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.wall if self.wall else 0.0

    @property
    def steady_docs_per_s(self) -> float | None:
        if self.first_doc is None or self.docs < 2 or self.wall <= self.first_doc:
            return None
        return (self.docs - 1) / (self.wall - self.first_doc)

    @property
    def per_worker_mb(self) -> float:
        return max(self.workers_mb) if self.workers_mb else self.main_mb


def _status_kb(pid: int, key: str) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _cpu_s(pid: int) -> float:
    """user + system CPU seconds of a live process (/proc/PID/stat)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICK
    except (OSError, ValueError, IndexError):
        return 0.0


def _children(pid: int) -> list[int]:
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children", encoding="ascii") as f:
                out += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return out


def _tree(pid: int) -> list[int]:
    seen, todo = [], [pid]
    while todo:
        p = todo.pop()
        seen.append(p)
        todo += _children(p)
    return seen


def measure(name: str, cmd: list[str], count_line=None, timeout: float = 3600,
            env: dict | None = None) -> Run:
    """Run CMD, count result lines on its stdout with COUNT_LINE(line) -> bool (None: count nothing),
    poll its process tree's memory, and reap it with wait4 for ru_maxrss."""
    run = Run(name, cmd, load=os.getloadavg()[0] if hasattr(os, "getloadavg") else None)
    err = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, cwd=ROOT,
                            env={**os.environ, **(env or {})})

    def reader() -> None:
        assert proc.stdout is not None
        for raw in proc.stdout:
            if count_line is not None and count_line(raw):
                if run.first_doc is None:
                    run.first_doc = time.perf_counter() - t0
                run.docs += 1

    th = threading.Thread(target=reader, daemon=True)
    th.start()
    hwm: dict[int, int] = {}
    cpu: dict[int, float] = {}
    status = None
    while True:
        rss_sum = 0
        for pid in _tree(proc.pid):
            hwm[pid] = max(hwm.get(pid, 0), _status_kb(pid, "VmHWM"))
            cpu[pid] = max(cpu.get(pid, 0.0), _cpu_s(pid))
            rss_sum += _status_kb(pid, "VmRSS")
        run.tree_mb = max(run.tree_mb, rss_sum / 1024)
        # WNOWAIT would keep the zombie readable, but VmHWM of a zombie is gone anyway
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            run.wall = time.perf_counter() - t0
            run.maxrss_mb = usage.ru_maxrss / 1024
            # the reaped tree's own account, or the polled sum when some descendant was not
            # reaped through it (it counts up to the last poll)
            run.cpu = max(usage.ru_utime + usage.ru_stime, sum(cpu.values()))
            break
        if time.perf_counter() - t0 > timeout:
            proc.kill()
            run.note = f"killed after {timeout:.0f} s"
            pid, status, usage = os.wait4(proc.pid, 0)
            run.wall = time.perf_counter() - t0
            break
        time.sleep(POLL_S)
    proc.returncode = run.rc = os.waitstatus_to_exitcode(status)
    th.join(timeout=10)
    run.main_mb = hwm.get(proc.pid, 0) / 1024
    run.main_cpu = cpu.get(proc.pid, 0.0)
    run.workers_mb = [kb / 1024 for pid, kb in sorted(hwm.items()) if pid != proc.pid and kb]
    err.seek(0)
    run.stderr_tail = err.read().decode("utf-8", "replace")[-2000:]
    err.close()
    return run


# ---- the runs --------------------------------------------------------------------------------

def letopis_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("letopis")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "letopis"]


def ingest_has_workers() -> bool:
    out = subprocess.run(letopis_cmd() + ["ingest", "--help"], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, "COLUMNS": "200"})
    return "--workers" in out.stdout


RUNS = ("natasha", "extract", "ingest")


def run_dataset(files: list[Path], workers: list[int], tmp: Path, log, runs_wanted=RUNS,
                repeat: int = 1) -> list[Run]:
    listing = tmp / "files.txt"
    listing.write_text("\n".join(str(f) for f in files) + "\n", encoding="utf-8")
    paths = [str(f) for f in files]
    runs = []

    # natasha and extract rows alternate too, each keeping its fastest run, so that a burst of
    # other work on the machine does not decide the comparison
    nat_cmd = [sys.executable, "-m", "bench.run", "--natasha-worker", str(listing)]
    ext_cmd = letopis_cmd() + ["extract", "--quiet"]
    rows = []
    if "natasha" in runs_wanted:
        rows.append(("natasha NER alone", nat_cmd, lambda b: b.startswith(b'{"doc"')))
    if "extract" in runs_wanted:
        rows.append(("letopis extract", ext_cmd + paths, lambda b: b.startswith(b"{")))
        rows.append(("letopis extract, 1 process", ext_cmd + ["--workers", "1"] + paths,
                     lambda b: b.startswith(b"{")))
    fastest: dict[str, Run] = {}
    for rep in range(repeat):
        for name, cmd, count in rows:
            log(f"  {name} on {len(files)} docs{f' (run {rep + 1} of {repeat})' if repeat > 1 else ''} …")
            r = measure(name, cmd, count_line=count)
            if repeat > 1:
                r.note = f"fastest of {repeat}"
            if name not in fastest or (r.rc == 0 and (fastest[name].rc != 0 or r.wall < fastest[name].wall)):
                fastest[name] = r
    runs += [fastest[name] for name, _, _ in rows]
    if "ingest" not in runs_wanted:
        workers = []

    has_workers = ingest_has_workers()
    best: dict[int, Run] = {}
    for rep in range(repeat):          # alternating 1, 2, 1, 2, …: a burst of other work hits both
        for w in workers:
            name = f"letopis ingest, {w} worker{'s' if w > 1 else ''}"
            if not has_workers and w != 1:
                best[w] = Run(name, [], note="not available: `letopis ingest` has no --workers option yet")
                log(f"  {name}: not available")
                continue
            db = tmp / f"ingest-{w}-{rep}.db"
            cmd = letopis_cmd() + ["ingest", "--db", str(db), "--quiet"]
            if has_workers:
                cmd += ["--workers", str(w)]
            log(f"  {name}{f' (run {rep + 1} of {repeat})' if repeat > 1 else ''} …")
            r = measure(name, cmd + paths)
            r.docs = len(files)
            if not has_workers:
                r.note = "no --workers option: plain `letopis ingest`"
            if repeat > 1:
                r.note = (r.note + "; " if r.note else "") + f"fastest of {repeat}"
            if w not in best or (r.rc == 0 and (best[w].rc != 0 or r.wall < best[w].wall)):
                best[w] = r
    runs += [best[w] for w in workers if w in best]
    for r in runs:
        if r.rc not in (0, None):
            log(f"  ! {r.name} exited {r.rc}: {r.stderr_tail[-400:]}")
    return runs


# ---- the report -----------------------------------------------------------------------------

def _f(x: float | None, nd: int = 1) -> str:
    return "–" if x is None else f"{x:.{nd}f}"


def table(runs: list[Run]) -> list[str]:
    lines = ["| run | docs | wall s | docs/s | first doc s | steady docs/s | peak RSS MB (main) "
             "| peak RSS MB per worker | tree RSS MB (sum) | CPU s main / all | load at start | exit |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in runs:
        if not r.cmd:
            lines.append(f"| {r.name} | – | – | – | – | – | – | – | – | – | – | {r.note} |")
            continue
        workers = (f"{max(r.workers_mb):.0f} (×{len(r.workers_mb)})" if r.workers_mb
                   else f"{r.main_mb:.0f} (in-process)")
        first = _f(r.first_doc, 2) if r.first_doc is not None else "–"
        lines.append(f"| {r.name} | {r.docs} | {r.wall:.1f} | {r.docs_per_s:.2f} | {first} "
                     f"| {_f(r.steady_docs_per_s, 2)} | {r.main_mb:.0f} | {workers} | {r.tree_mb:.0f} "
                     f"| {r.main_cpu:.1f} / {r.cpu:.1f} | {_f(r.load, 2)} | {r.rc}{' ' + r.note if r.note else ''} |")
    return lines


def verdict(runs: list[Run]) -> list[str]:
    by = {r.name: r for r in runs if r.cmd and r.rc == 0}
    one, two = by.get("letopis ingest, 1 worker"), by.get("letopis ingest, 2 workers")
    nat, ext = by.get("natasha NER alone"), by.get("letopis extract")
    out = []
    if nat and ext:
        ok = "PASS" if ext.docs_per_s >= nat.docs_per_s else "FAIL"
        out.append(f"- extract (one process per core) vs natasha alone: {ext.docs_per_s:.2f} vs "
                   f"{nat.docs_per_s:.2f} docs/s ({ext.docs_per_s / nat.docs_per_s:.2f}×; goal ≥ 1×: {ok}); "
                   f"CPU {ext.cpu:.1f} vs {nat.cpu:.1f} s; peak RSS per process {ext.per_worker_mb:.0f} vs "
                   f"{nat.main_mb:.0f} MB, whole tree {ext.tree_mb:.0f} vs {nat.tree_mb:.0f} MB")
    one_ext = by.get("letopis extract, 1 process")
    if nat and one_ext:
        out.append(f"- extract in one process vs natasha alone: {one_ext.docs_per_s:.2f} vs {nat.docs_per_s:.2f} "
                   f"docs/s ({one_ext.docs_per_s / nat.docs_per_s:.2f}×); peak RSS {one_ext.main_mb:.0f} vs "
                   f"{nat.main_mb:.0f} MB")
    if one and two:
        speedup = two.docs_per_s / one.docs_per_s if one.docs_per_s else 0.0
        ok_s = "PASS" if speedup >= GOAL_SPEEDUP else "FAIL"
        out.append(f"- ingest 2 workers vs 1: {speedup:.2f}× (goal ≥ {GOAL_SPEEDUP}×: {ok_s})")
        if one.cpu and two.cpu:
            # what the load cannot change: the CPU work each run did, and the writer's share of it
            out.append(f"- CPU work, 2 workers vs 1: {two.cpu:.1f} vs {one.cpu:.1f} CPU s ({two.cpu / one.cpu:.2f}×; "
                       f"the writing process {two.main_cpu:.1f} s of it); on 2 otherwise idle cores the "
                       f"speed-up is at most 2 × {one.cpu:.1f} / {two.cpu:.1f} = {2 * one.cpu / two.cpu:.2f}×")
    for r in (one, two):
        if r:
            ok_m = "PASS" if r.per_worker_mb <= GOAL_WORKER_MB else "FAIL"
            out.append(f"- {r.name}: peak RSS per worker {r.per_worker_mb:.0f} MB "
                       f"(goal ≤ {GOAL_WORKER_MB} MB: {ok_m})")
    if not two:
        out.append("- ingest with 2 workers: not available in this run")
    return out


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), cpu)
    except OSError:
        pass
    ncpu = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cpu}, {ncpu} CPUs available, Python {platform.python_version()}, {platform.system()}"


def compile_package() -> None:
    """Write the letopis package's bytecode, as a regular (non-editable) install would."""
    import compileall
    compileall.compile_dir(str(ROOT / "letopis"), quiet=1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    ap.add_argument("--data", action="append", help="a folder of .txt documents (repeatable)")
    ap.add_argument("--out", default="bench/results.md")
    ap.add_argument("--limit", type=int, action="append",
                    help="first N files (once for all folders, or once per --data; 0: all)")
    ap.add_argument("--workers", default="1,2", help="ingest worker counts, comma-separated")
    ap.add_argument("--runs", default=",".join(RUNS),
                    help=f"which rows to run, comma-separated (of {', '.join(RUNS)})")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run the ingest rows N times, alternating, and keep each one's fastest")
    ap.add_argument("--natasha-worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.natasha_worker:
        natasha_worker(args.natasha_worker)
        return 0
    if not args.data:
        ap.error("give at least one --data DIR")
    limits = args.limit or [None]
    if len(limits) not in (1, len(args.data)):
        ap.error("--limit: give it once, or once per --data")
    if len(limits) == 1:
        limits = limits * len(args.data)
    workers = [int(w) for w in args.workers.split(",") if w.strip()]

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    # natasha's modules were compiled to bytecode when pip installed them; ours (an editable
    # install) are written on first import, unless PYTHONDONTWRITEBYTECODE forbids it (as on some CI
    # machines): then every process would recompile ~50 modules, ~70 ms of each start-up
    compile_package()
    command = "python -m bench.run " + " ".join(shlex.quote(a) for a in (argv if argv is not None
                                                                          else sys.argv[1:]))
    started = datetime.now(timezone.utc)
    load_start = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    t_all = time.perf_counter()
    sections: list[str] = []
    for folder, limit in zip(args.data, limits):
        d = Path(folder)
        files = sorted(d.glob("*.txt"))
        if not files:
            log(f"{d}: no .txt files, skipped")
            sections += [f"## {d}", "", "No .txt files there: skipped.", ""]
            continue
        files = files[:limit] if limit else files
        size_mb = sum(f.stat().st_size for f in files) / 1e6
        log(f"{d}: {len(files)} docs, {size_mb:.1f} MB")
        with tempfile.TemporaryDirectory(prefix="letopis-bench-") as tmp:
            runs = run_dataset(files, workers, Path(tmp), log, runs_wanted=args.runs.split(","),
                               repeat=max(1, args.repeat))
        sections += [f"## {d} — {len(files)} docs{' (--limit %d)' % limit if limit else ''}, "
                     f"{size_mb:.2f} MB of text", ""]
        sections += table(runs) + [""] + verdict(runs) + [""]
    total = time.perf_counter() - t_all
    head = [
        "# Letopis benchmark",
        "",
        "Produced by (from the repository root):",
        "",
        "```",
        command,
        "```",
        "",
        f"- when: {started:%Y-%m-%d %H:%M} UTC; whole run {total / 60:.1f} min",
        f"- machine: {machine()}",
        f"- 1-min load average at start / end: {_f(load_start, 2)} / "
        f"{_f(os.getloadavg()[0] if hasattr(os, 'getloadavg') else None, 2)} (other work on the "
        "machine slows every row; compare rows of one run, not runs)",
        "- each row is one subprocess, run one after the other (nothing else of the benchmark runs "
        "beside it); wall time includes interpreter start, imports and model loading",
        "- docs/s = docs / wall; first doc = spawn → first result (≈ load time); steady docs/s = "
        "the docs after the first over the time after it",
        "- CPU s: user + system seconds of the spawned process (main) and of its whole process tree (all), "
        "which other work on the machine does not inflate the way it does wall time",
        "- peak RSS: VmHWM from /proc polled every 50 ms; per worker = the largest worker process "
        "(the main process when ingest runs in-process; ×N = child processes seen, the workers plus multiprocessing's small resource tracker); tree RSS = largest sum of VmRSS over "
        "the process tree at one poll (shared pages of forked workers count in each)",
        f"- goals: ingest with 2 workers ≥ {GOAL_SPEEDUP}× one worker's docs/s; ≤ {GOAL_WORKER_MB} MB "
        "per worker",
        "",
    ]
    Path(args.out).write_text("\n".join(head + sections), encoding="utf-8")
    log(f"wrote {args.out} ({total / 60:.1f} min)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

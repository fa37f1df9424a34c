"""`letopis extract` and `letopis check-examples`."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from letopis.workers import AUTO_WORKERS_MIN_DOCS

# set by a command that has finished all its work and holds nothing that needs closing: the console
# script (cli.main) then ends the process at once instead of tearing the loaded models down
QUICK_EXIT = False


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("extract")(extract)
    app.command("check-examples")(check_examples)


def extract(paths: list[str] = typer.Argument(..., help="Files, folders, globs; '-' reads standard input."),
            published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD."),
            format: str = typer.Option("jsonl", "--format", help="jsonl | json"),
            with_text: bool = typer.Option(False, "--with-text", help="Include the decoded text."),
            max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help="Refuse larger inputs (default 20 MB)."),
            workers: Optional[int] = typer.Option(None, "--workers", "-w", min=0, help="Process documents in N "
                                                  "processes (default: one per core when there are at least "
                                                  f"{AUTO_WORKERS_MIN_DOCS} documents; 0 or 1: in this one)."),
            quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar.")) -> None:
    """Print one record per document (spec/output.md), in input order.

    A file that cannot be read or processed is reported on standard error with its reason and the
    rest go on; the exit status is then 1."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from letopis.read import ReadError, iter_documents
    from letopis.workers import ordered_map, pick_workers, single_threaded_math
    if format not in ("jsonl", "json"):
        raise typer.BadParameter("--format must be jsonl or json")
    single_threaded_math()          # before numpy loads, here or in the workers
    failures = 0
    records: list = []
    kw = {} if max_bytes is None else {"max_bytes": max_bytes}

    def documents():
        nonlocal failures
        for item in iter_documents(paths, published=published, **kw):
            if isinstance(item, ReadError):
                failures += 1
                print(f"letopis: {item.doc}: {item.message}", file=sys.stderr)
            else:
                yield (item, with_text)

    n, jobs = pick_workers(documents(), workers)
    if n > 1:
        from letopis.pipeline import record_json, warm_up
        results = ordered_map(record_json, jobs, n, initializer=warm_up, preload=True)
    else:
        results = _in_process(jobs)
    err = Console(stderr=True)
    progress = Progress(SpinnerColumn(), TextColumn("[bold]{task.completed}[/] docs"), TextColumn("{task.description}"),
                        TimeElapsedColumn(), console=err, transient=True, disable=quiet or not err.is_terminal)
    with progress:
        task = progress.add_task("", total=None)
        for (document, _), line, error in results:
            progress.update(task, advance=1, description=document.doc[-60:])
            if error is not None:      # one bad document never stops the batch
                failures += 1
                print(f"letopis: {document.doc}: processing failed: {error!r}", file=sys.stderr)
            elif format == "jsonl":
                sys.stdout.write(line + "\n")
                sys.stdout.flush()
            else:
                records.append(json.loads(line))
    if format == "json":
        json.dump(records[0] if len(records) == 1 else records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    global QUICK_EXIT
    QUICK_EXIT = True               # every record is out; the workers are gone
    if failures:
        raise typer.Exit(1)


def _in_process(jobs):
    from letopis.pipeline import record_json, warm_up
    warm_up()
    for job in jobs:
        try:
            yield job, record_json(job), None
        except Exception as exc:
            yield job, None, exc


def check_examples(seeds: Path = typer.Argument(Path("../shared/examples/seeds"),
                                                help="Folder with the articles and expected.json")) -> None:
    """Run the articles of SEEDS and check every key fact of its expected.json."""
    from letopis.checks import check_examples as run_check
    ok = run_check(seeds)
    raise typer.Exit(0 if ok else 1)

"""`letopis extract` and `letopis check-examples`."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("extract")(extract)
    app.command("check-examples")(check_examples)


def extract(paths: list[str] = typer.Argument(..., help="Files, folders, globs; '-' reads standard input."),
            published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD."),
            format: str = typer.Option("jsonl", "--format", help="jsonl | json"),
            with_text: bool = typer.Option(False, "--with-text", help="Include the decoded text."),
            max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help="Refuse larger inputs (default 20 MB).")) -> None:
    """Print one record per document (spec/output.md)."""
    from letopis.pipeline import process_document
    from letopis.read import ReadError, iter_documents
    if format not in ("jsonl", "json"):
        raise typer.BadParameter("--format must be jsonl or json")
    failures = 0
    records = []
    kw = {} if max_bytes is None else {"max_bytes": max_bytes}
    for item in iter_documents(paths, published=published, **kw):
        if isinstance(item, ReadError):
            failures += 1
            print(f"letopis: {item.doc}: {item.message}", file=sys.stderr)
            continue
        try:
            record = process_document(item).to_dict()
        except Exception as exc:  # one bad document never stops the batch
            failures += 1
            print(f"letopis: {item.doc}: processing failed: {exc!r}", file=sys.stderr)
            continue
        if not with_text:
            record.pop("text", None)
        if format == "jsonl":
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            records.append(record)
    if format == "json":
        json.dump(records[0] if len(records) == 1 else records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    if failures:
        raise typer.Exit(1)


def check_examples(seeds: Path = typer.Argument(Path("../shared/examples/seeds"),
                                                help="Folder with the articles and expected.json")) -> None:
    """Run the articles of SEEDS and check every key fact of its expected.json."""
    from letopis.checks import check_examples as run_check
    ok = run_check(seeds)
    raise typer.Exit(0 if ok else 1)

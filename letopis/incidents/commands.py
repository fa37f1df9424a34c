"""`letopis eval incidents GOLD.jsonl TEXT_DIR`: field accuracy of incident records against gold."""
from __future__ import annotations

import json
from pathlib import Path

import typer

EXACT = ("date", "country", "city", "killed", "wounded", "perpetrators_killed")
SETS = ("types", "weapons")


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    eval_app.command("incidents")(eval_incidents)


def _align(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict | None]]:
    """Pair each gold incident with the predicted one in the same city (else the same position)."""
    left = list(pred)
    pairs = []
    for g in gold:
        match = next((p for p in left if p.get("city") == g.get("city")), None)   # null matches null
        if match is None and left and not any(p.get("city") == g.get("city") for p in pred):
            match = next((p for p in left if not any(p.get("city") == x.get("city") for x in gold)), None)
        if match is not None:
            left.remove(match)
        pairs.append((g, match))
    return pairs


def score(gold_rows: list[dict], records: dict[str, dict]) -> tuple[dict[str, list[int]], list[str]]:
    """Per field [correct, total], and the misses as readable lines."""
    fields: dict[str, list[int]] = {f: [0, 0] for f in EXACT + SETS + ("no_incident", "spurious")}
    misses: list[str] = []
    for row in gold_rows:
        rec = records.get(row["doc"])
        pred = rec["incidents"] if rec else []
        if not row["incidents"]:
            ok = not pred
            fields["no_incident"][0] += ok
            fields["no_incident"][1] += 1
            if not ok:
                misses.append(f"{row['doc']}: expected no incident, got {len(pred)} "
                              f"({', '.join(str(p.get('city')) for p in pred)})")
            continue
        pairs = _align(row["incidents"], pred)
        for g, p in pairs:
            for f in EXACT + SETS:
                gv = g.get(f)
                pv = p.get(f) if p else None
                ok = (set(gv or []) == set(pv or [])) if f in SETS else gv == pv
                if p is None:
                    ok = False
                fields[f][0] += ok
                fields[f][1] += 1
                if not ok:
                    misses.append(f"{row['doc']} [{g.get('city')}] {f}: gold {gv!r}, got {pv!r}")
        extra = len(pred) - sum(1 for _, p in pairs if p is not None)
        fields["spurious"][1] += max(extra, 0) + 1
        fields["spurious"][0] += 1 if extra <= 0 else 0
        if extra > 0:
            misses.append(f"{row['doc']}: {extra} spurious incident(s)")
    return fields, misses


def code_gold_texts(rows: list[dict], text_dir: Path) -> dict[str, dict]:
    """The records of the gold rows' texts that exist under text_dir, by doc name."""
    from letopis.pipeline import process_document
    from letopis.read import read_path
    from letopis.read.dates import parse_date
    records = {}
    for row in rows:
        path = text_dir / row["doc"]
        if not path.exists():
            continue
        doc = next(iter(read_path(path)))
        if doc.published is None and row.get("published"):
            # the gold's publication day, which a bare text file cannot carry ("Алматы. 19 октября. КазТАГ –")
            doc.published = parse_date(row["published"])
        records[row["doc"]] = process_document(doc).to_dict()
    return records


def eval_incidents(gold: Path = typer.Argument(..., help="Gold JSONL (doc, incidents)"),
                   text_dir: Path = typer.Argument(..., help="Folder with the documents' texts"),
                   show_misses: bool = typer.Option(True, "--misses/--no-misses")) -> None:
    """Score date, country, city, killed, wounded, perpetrators_killed (exact), types and weapons (sets)."""
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    rows = [json.loads(line) for line in gold.read_text("utf-8").splitlines() if line.strip()]
    for row in rows:
        if not (text_dir / row["doc"]).exists():
            console.print(f"[red]missing text[/] {text_dir / row['doc']}")
    fields, misses = score(rows, code_gold_texts(rows, text_dir))
    table = Table(title=f"incident fields, {len(rows)} gold documents")
    for col in ("field", "correct", "total", "accuracy"):
        table.add_column(col, justify="right" if col != "field" else "left")
    right = total = 0
    for f, (ok, n) in fields.items():
        if n:
            table.add_row(f, str(ok), str(n), f"{ok / n:.3f}")
            right, total = right + ok, total + n
    table.add_row("[bold]all fields[/]", str(right), str(total), f"[bold]{right / max(total, 1):.3f}[/]")
    console.print(table)
    if show_misses and misses:
        console.print("[bold]misses[/]")
        for m in misses:
            console.print("  " + m)
    console.print(f"field accuracy: {right / max(total, 1):.3f}")

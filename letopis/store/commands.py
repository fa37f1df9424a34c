"""Store commands: ingest, search, incidents, incident, export. Heavy imports stay inside them."""
from __future__ import annotations

import json
import sys
from typing import Any, Optional

import typer

from letopis.workers import AUTO_WORKERS_MIN_DOCS

DB_HELP = "Database: a path (SQLite) or an SQLAlchemy URL. Default: $LETOPIS_DB, else ./letopis.db."
DbOpt = typer.Option(None, "--db", envvar="LETOPIS_DB", help=DB_HELP, show_envvar=False)


def _console(stderr: bool = False):  # type: ignore[no-untyped-def]
    from rich.console import Console
    c = Console(stderr=stderr, highlight=False)
    if not c.is_terminal:
        c = Console(stderr=stderr, highlight=False, width=max(c.width, 160))
    return c


def _store(db: str | None):  # type: ignore[no-untyped-def]
    from letopis.store import Store
    return Store(db)


def _date(value: str | None, name: str) -> str | None:
    if not value:
        return None
    from datetime import date
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=name)


def _countries(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    out = []
    for v in values:
        for part in v.split(","):
            part = part.strip()
            if not part:
                continue
            if len(part) == 2:
                out.append(part.upper())
                continue
            try:
                import pycountry
                out.append(pycountry.countries.lookup(part).alpha_2)
            except (ImportError, LookupError):
                raise typer.BadParameter(f"{part!r}: give an ISO 3166-1 alpha-2 code (KZ, RU)",
                                         param_hint="--country")
    return out


def _split(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [p.strip() for v in values for p in v.split(",") if p.strip()] or None


def ingest(
    paths: Optional[list[str]] = typer.Argument(None, help="Files, folders, globs; '-' reads stdin."),
    db: Optional[str] = DbOpt,
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD for "
                                            "inputs that carry none."),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="Re-try documents that failed before "
                                      "(all of them when no PATH is given)."),
    reprocess: bool = typer.Option(False, "--reprocess", help="Re-process documents already stored."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", min=0, help="Process documents in N local "
                                          "processes (default: one per core when at least "
                                          f"{AUTO_WORKERS_MIN_DOCS} documents need processing; 0 or 1: in "
                                          "this one)."),
    dask: Optional[str] = typer.Option(None, "--dask", help="Process documents on a Dask cluster: the "
                                       "scheduler's address (tcp://host:8786)."),
    do_merge: bool = typer.Option(True, "--merge/--no-merge", help="Merge reports of the same incident "
                                  "across documents afterwards (as `letopis merge`)."),
) -> None:
    """Read, process and store documents; stored ones (same content) are skipped.

    Whole documents per transaction (batches of up to 32, at least one a second): a run killed
    at any point loses nothing committed, and the same command resumes. Failures are recorded with their error, listed at the end, and make the exit
    status 1; `--retry-failed` tries them again. Afterwards reports of one incident are merged."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from letopis.store import ingest as ing
    from letopis.store.parallel import single_threaded_math

    single_threaded_math()              # before the pipeline loads numpy, here or in the workers
    published = _date(published, "--published")
    if not paths and not retry_failed:
        raise typer.BadParameter("give at least one PATH (or --retry-failed)", param_hint="PATH")
    store = _store(db)
    out, err = _console(), _console(stderr=True)
    progress = Progress(SpinnerColumn(), TextColumn("[bold]{task.completed}[/] docs"), BarColumn(),
                        TextColumn("{task.description}"), TimeElapsedColumn(),
                        console=err, transient=True, disable=quiet or not err.is_terminal)
    counts = {"stored": 0, "replaced": 0, "skipped": 0, "failed": 0}
    task = progress.add_task("", total=None)

    def on_outcome(o: Any) -> None:
        counts[o.action] = counts.get(o.action, 0) + 1
        desc = (f"stored {counts['stored'] + counts['replaced']} · skipped {counts['skipped']} · "
                f"[red]failed {counts['failed']}[/] · {o.doc[-50:]}")
        progress.update(task, advance=1, description=desc)

    interrupted = False
    report = ing.Report()
    try:
        with progress:
            if paths:
                report = ing.ingest_paths(store, list(paths), published=published, retry_failed=retry_failed,
                                          reprocess=reprocess, on_outcome=on_outcome, workers=workers, dask=dask)
            else:
                report = ing.retry_failed(store, published=published, on_outcome=on_outcome, workers=workers,
                                          dask=dask)
    except KeyboardInterrupt:          # every stored document is committed; a re-run resumes
        interrupted = True
    merged = None
    if do_merge and not interrupted and (any(o.action in ("stored", "replaced") for o in report.outcomes)
                                         or store.unmerged_count()):
        merged = store.merge()

    table = Table(title=f"letopis ingest → {store.url}", show_header=True)
    table.add_column("stored", justify="right")
    table.add_column("replaced", justify="right")
    table.add_column("skipped", justify="right")
    table.add_column("failed", justify="right", style="red")
    table.add_column("incidents", justify="right")
    c = report.counts()
    table.add_row(str(c["stored"]), str(c["replaced"]), str(c["skipped"]), str(c["failed"]),
                  str(sum(o.incidents for o in report.outcomes if o.action in ("stored", "replaced"))))
    out.print(table)
    if merged is not None:
        out.print(f"merged: {merged['incidents']} report(s) → {merged['merged']} incident(s), "
                  f"{merged['multi']} reported by more than one document")
    if report.failures:
        out.print(f"[bold red]Failed ({len(report.failures)}):[/]")
        for o in report.failures:
            note = " (failed earlier; --retry-failed to retry)" if o.earlier else ""
            out.print(f"  {o.doc}  [{o.stage or '?'}] {o.error}{note}", markup=False, soft_wrap=True)
    if interrupted:
        err.print("[yellow]Interrupted: what is stored stays stored; run the same command to resume.[/]")
        raise typer.Exit(130)
    if report.failures:
        raise typer.Exit(1)


def search(
    query: str = typer.Argument(..., help="Words (any form: 'Тараз' finds 'Таразе'); OR between "
                                "alternatives; 'слово*' for a prefix."),
    db: Optional[str] = DbOpt,
    limit: int = typer.Option(20, "--limit", "-n"),
    offset: int = typer.Option(0, "--offset"),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per hit."),
) -> None:
    """Full-text search over stored documents."""
    from rich.text import Text

    store = _store(db)
    hits = store.search(query, limit=limit, offset=offset)
    if as_json:
        for h in hits:
            sys.stdout.write(json.dumps(h, ensure_ascii=False) + "\n")
        return
    out = _console()
    if not hits:
        out.print("No documents match.")
        raise typer.Exit(0)
    total = store.count_search(query)
    out.print(f"{total} document(s) match; showing {offset + 1}–{offset + len(hits)}.")
    for n, h in enumerate(hits, offset + 1):
        head = Text(f"{n}. ", style="bold")
        head.append(h["doc"], style="bold cyan")
        if h.get("title"):
            head.append(f" — {h['title']}")
        if h.get("published"):
            head.append(f" ({h['published']})", style="dim")
        if h.get("incident_ids"):
            head.append(f"  incidents: {', '.join(map(str, h['incident_ids']))}", style="dim")
        out.print(head, soft_wrap=True)
        left, right = h["snippet_cut"]
        body = Text(("…" if left else "") + h["snippet"] + ("…" if right else ""))
        shift = 1 if left else 0
        for s, e in h["marks"]:
            body.stylize("bold yellow", s + shift, e + shift)
        out.print(Text("   ") + body)


def _place(r: dict[str, Any]) -> str:
    return ", ".join(x for x in (r.get("city"), r.get("region"), r.get("country")) if x) or "—"


def _n(v: Any) -> str:
    return "—" if v is None else str(v)


def incidents(
    db: Optional[str] = DbOpt,
    country: Optional[list[str]] = typer.Option(None, "--country", help="ISO alpha-2 (KZ, RU); repeat or comma-separate."),
    since: Optional[str] = typer.Option(None, "--since", help="YYYY-MM-DD"),
    until: Optional[str] = typer.Option(None, "--until", help="YYYY-MM-DD"),
    type_: Optional[list[str]] = typer.Option(None, "--type", help="armed_assault, bombing, ... (any of)"),
    weapon: Optional[list[str]] = typer.Option(None, "--weapon", help="firearms, explosives, ... (any of)"),
    min_killed: Optional[int] = typer.Option(None, "--min-killed"),
    q: Optional[str] = typer.Option(None, "--query", "-q", help="Only incidents of documents matching this search."),
    order: str = typer.Option("-date", "--order", help="date, -date, killed, -killed, wounded, -wounded, id, -id"),
    limit: int = typer.Option(50, "--limit", "-n"),
    offset: int = typer.Option(0, "--offset"),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per incident."),
    merged: bool = typer.Option(False, "--merged", help="One line per merged incident (all its reports), "
                                "as the export gives them, instead of one per document incident."),
) -> None:
    """List stored incidents, filtered."""
    from rich.table import Table

    store = _store(db)
    filters = dict(country=_countries(country), since=_date(since, "--since"), until=_date(until, "--until"),
                   type=_split(type_), weapon=_split(weapon), min_killed=min_killed, q=q)
    if merged:
        _list_merged(store, filters, limit, offset, as_json)
        return
    try:
        rows = store.incidents(**filters, limit=limit, offset=offset, order=order)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--order")
    if as_json:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    total = store.count_incidents(**filters)
    table = Table(title=f"{total} incident(s)" + (f", showing {offset + 1}–{offset + len(rows)}" if rows else ""))
    for col, just in (("id", "right"), ("date", "left"), ("place", "left"), ("types", "left"),
                      ("killed", "right"), ("wounded", "right"), ("doc", "left")):
        table.add_column(col, justify=just)  # type: ignore[arg-type]
    for r in rows:
        table.add_row(str(r["id"]), r.get("date") or "—", _place(r), ", ".join(r.get("types") or []) or "—",
                      _n(r.get("killed")), _n(r.get("wounded")), r.get("doc") or "")
    _console().print(table)


def _list_merged(store, filters: dict, limit: int, offset: int, as_json: bool) -> None:
    from itertools import islice

    from rich.table import Table

    rows = list(islice(store.report_incidents(**filters), offset, offset + limit))
    if as_json:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    table = Table(title=f"merged incidents, showing {offset + 1}–{offset + len(rows)}" if rows else "no incidents")
    for col, just in (("id", "left"), ("date", "left"), ("place", "left"), ("types", "left"),
                      ("killed", "right"), ("wounded", "right"), ("reports", "right"), ("conflicts", "left")):
        table.add_column(col, justify=just)  # type: ignore[arg-type]
    for r in rows:
        table.add_row(r["id"], r.get("date") or "—", _place(r), ", ".join(r.get("types") or []) or "—",
                      _n(r.get("killed")), _n(r.get("wounded")), str(len(r["reports"])),
                      ", ".join(sorted(r.get("conflicts") or {})) or "—")
    _console().print(table)


def incident(
    incident_id: str = typer.Argument(..., metavar="ID", help="Incident id or uid, or a merged incident's id (as the export gives it)."),
    db: Optional[str] = DbOpt,
    as_json: bool = typer.Option(False, "--json", help="The full record as JSON."),
) -> None:
    """Show one incident."""
    from rich.panel import Panel
    from rich.table import Table

    store = _store(db)
    merged = store.merged_incident(incident_id)
    if merged is not None and (len(merged["reports"]) > 1 or store.incident(incident_id) is None):
        _show_merged(merged, as_json)
        return
    inc = store.incident(incident_id)
    if inc is None:
        _console(stderr=True).print(f"No incident {incident_id}.")
        raise typer.Exit(1)
    if as_json:
        sys.stdout.write(json.dumps(inc, ensure_ascii=False, indent=2) + "\n")
        return
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    rows = [
        ("date", (inc.get("date") or "—") + (f" ({inc['date_text']})" if inc.get("date_text") else "")),
        ("place", _place(inc) + (f"  [{inc['lat']}, {inc['lon']}]" if inc.get("lat") is not None else "")),
        ("types", ", ".join(inc.get("types") or []) or "—"),
        ("weapons", ", ".join(inc.get("weapons") or []) or "—"),
        ("killed / wounded", f"{_n(inc.get('killed'))} / {_n(inc.get('wounded'))}"
                             f"  (perpetrators killed: {_n(inc.get('perpetrators_killed'))})"),
        ("perpetrators", ", ".join(inc.get("perpetrators") or []) or "—"),
        ("groups", ", ".join(inc.get("groups") or []) or "—"),
        ("summary", inc.get("summary") or "—"),
        ("document", f"{inc['document']['doc']}" + (f" — {inc['document']['title']}" if inc['document'].get('title') else "")
                     + (f" ({inc['document']['published']})" if inc['document'].get('published') else "")),
    ]
    for k, v in rows:
        grid.add_row(k, v)
    for i, ev in enumerate(inc.get("evidence_text") or [], 1):
        grid.add_row("evidence" if i == 1 else "", "«" + " ".join(ev.split()) + "»")
    _console().print(Panel(grid, title=f"incident {inc['id']} · {inc['uid']}"))


def _value(v: Any) -> str:
    if isinstance(v, (list, tuple)):
        return ", ".join(map(str, v)) or "—"
    return _n(v)


def _show_merged(m: dict[str, Any], as_json: bool) -> None:
    """A merged incident: the shown values, every report, and each conflict with its sources."""
    from rich.panel import Panel
    from rich.table import Table

    if as_json:
        sys.stdout.write(json.dumps(m, ensure_ascii=False, indent=2) + "\n")
        return
    out = _console()
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    conflicts = m.get("conflicts") or {}
    for label, key in (("date", "date"), ("place", None), ("types", "types"), ("weapons", "weapons"),
                       ("killed", "killed"), ("wounded", "wounded"), ("perpetrators killed", "perpetrators_killed"),
                       ("perpetrators", "perpetrators"), ("summary", "summary")):
        shown = _place(m) if key is None else _value(m.get(key))
        flag = " [yellow](sources disagree)[/]" if key in conflicts or (key is None and (
            {"city", "country", "region"} & set(conflicts))) else ""
        grid.add_row(label, shown + flag)
    out.print(Panel(grid, title=f"merged incident {m['id']} · {len(m['reports'])} report(s)"))
    reports = Table(title="reports", show_header=True)
    for col in ("incident id", "doc", "#", "published", "title"):
        reports.add_column(col)
    for r in m["reports"]:
        reports.add_row(str(r.get("incident_id", "")), r["doc"], str(r["incident"]), r.get("published") or "—",
                        r.get("title") or "")
    out.print(reports)
    if conflicts:
        table = Table(title="conflicts (shown value: most specific / agreed / latest report)", show_header=True)
        for col in ("field", "shown", "value", "doc", "evidence"):
            table.add_column(col)
        values = m.get("values") or {}
        for f, items in conflicts.items():
            ev = {(v.get("doc"), _value(v.get("value"))): v.get("evidence") for v in values.get(f) or []}
            for n, c in enumerate(items):
                e = ev.get((c.get("doc"), _value(c.get("value"))))
                table.add_row(f if n == 0 else "", _value(m.get(f)) if n == 0 else "", _value(c.get("value")),
                              c.get("doc") or "", json.dumps(e, ensure_ascii=False) if e else "")
        out.print(table)
    else:
        out.print("No conflicts: the reports agree.")


def merge(
    db: Optional[str] = DbOpt,
) -> None:
    """Merge reports of the same incident across documents (deterministic; re-running changes nothing)."""
    store = _store(db)
    res = store.merge()
    _console().print(f"merged: {res['incidents']} report(s) → {res['merged']} incident(s), "
                     f"{res['multi']} reported by more than one document")


def export(
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (merged-incident shape), csv (GTD column "
                            "names), geojson"),
    out: Optional[str] = typer.Option(None, "--out", "-o", help="Output file (default: stdout)."),
    db: Optional[str] = DbOpt,
    country: Optional[list[str]] = typer.Option(None, "--country"),
    since: Optional[str] = typer.Option(None, "--since"),
    until: Optional[str] = typer.Option(None, "--until"),
    type_: Optional[list[str]] = typer.Option(None, "--type"),
) -> None:
    """Export incidents: one merged incident per JSON line (with reports and conflicts), GTD CSV, or GeoJSON."""
    from letopis.store import export as ex

    if fmt not in ex.FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(ex.FORMATS)}", param_hint="--format")
    store = _store(db)
    filters = dict(country=_countries(country), since=_date(since, "--since"), until=_date(until, "--until"),
                   type=_split(type_))
    if out and out != "-":
        with open(out, "w", encoding="utf-8", newline="") as fh:
            n = ex.export(store, fmt, fh, **filters)
        _console(stderr=True).print(f"{n} incident(s) → {out}")
    else:
        try:
            sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[attr-defined]
        except (AttributeError, ValueError):
            pass
        ex.export(store, fmt, sys.stdout, **filters)
        sys.stdout.flush()


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("search")(search)
    app.command("incidents")(incidents)
    app.command("incident")(incident)
    app.command("export")(export)
    app.command("merge")(merge)

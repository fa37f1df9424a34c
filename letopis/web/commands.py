"""`letopis serve`: the web app (pages + REST API) over a database. Heavy imports stay inside."""
from __future__ import annotations

import os
from typing import Optional

import typer

TOKEN_ENV = "LETOPIS_API_TOKEN"


def serve(
    db: Optional[str] = typer.Option(None, "--db", envvar="LETOPIS_DB", show_envvar=False,
                                     help="Database: a path (SQLite) or an SQLAlchemy URL. Default: $LETOPIS_DB, "
                                          "else ./letopis.db."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (0.0.0.0: every interface)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535),
    token_env: str = typer.Option(TOKEN_ENV, "--token-env", help="Environment variable holding the API token "
                                  "that allows POST /api/documents; unset or empty: read-only."),
    token: Optional[str] = typer.Option(None, "--token", help="The API token itself (visible to other users "
                                        "in the process list: prefer --token-env)."),
    tiles: Optional[str] = typer.Option(None, "--tiles", envvar="LETOPIS_TILES", show_envvar=False,
                                        help="Map tile URL template (e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png). "
                                             "Default: none, a plain background with a lat/lon grid (works offline)."),
    max_body: int = typer.Option(2 * 1024 * 1024, "--max-body", min=1024, help="Largest request body in bytes (413 above)."),
) -> None:
    """Serve the analyst's workbench: incident list, timeline, map, sources with highlighted evidence,
    persons and organisations, search; REST API under /api, OpenAPI at /docs."""
    import uvicorn

    from letopis.store import resolve_url
    from letopis.web.app import create_app

    url = resolve_url(db)
    if url.startswith("sqlite:///") and not os.path.exists(url[len("sqlite:///"):]):
        typer.echo(f"letopis serve: no database at {url[len('sqlite:///'):]} yet: it starts empty "
                   f"(fill it with `letopis ingest --db ...`).", err=True)
    token = token or os.environ.get(token_env) or None
    app = create_app(db, token=token, max_body=max_body, tiles=tiles)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    typer.echo(f"Letopis at http://{shown}:{port}/  (API docs: http://{shown}:{port}/docs; "
               f"{'uploads need the token in $' + token_env if token else 'read-only'})")
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("serve")(serve)

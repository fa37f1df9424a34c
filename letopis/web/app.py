"""The Letopis web app: REST API under /api (OpenAPI at /docs) and server-rendered pages.

    >>> from letopis.web.app import create_app
    >>> app = create_app("letopis.db", token=None)      # read-only: uploads refused

Security: read-only unless a token is configured (POST /api/documents then needs
`Authorization: Bearer <token>`); request bodies over `max_body` bytes get 413; pages are Jinja2
with autoescape and highlight by escaped segments; every query is SQLAlchemy with bound
parameters; static assets are vendored (no CDN), and pages carry a strict CSP.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from letopis.store import Store

HERE = Path(__file__).resolve().parent
MAX_BODY = 2 * 1024 * 1024          # 2 MB: far above any news article, far below a memory problem
TOKEN_ENV = "LETOPIS_API_TOKEN"


class BodyLimit:
    """ASGI middleware: 413 for a declared Content-Length over the limit, and for a streamed
    (chunked) body that grows past it, before the application reads it all."""

    def __init__(self, app: Any, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers") or []:
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await self._reply(send, 400, "bad Content-Length")
                    return
                if declared > self.max_bytes:
                    await self._reply(send, 413, f"request body over {self.max_bytes} bytes")
                    return
        seen = 0
        started = replied = False

        async def limited_receive() -> dict:
            # over the limit: answer 413 now and tell the app the client left, so it stops reading
            # (raising here would reach FastAPI's body parser and become a 400)
            nonlocal seen, replied
            if replied:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body") or b"")
                if seen > self.max_bytes:
                    if not started:
                        await self._reply(send, 413, f"request body over {self.max_bytes} bytes")
                    replied = True
                    return {"type": "http.disconnect"}
            return message

        async def tracking_send(message: dict) -> None:
            nonlocal started
            if replied:
                return                      # the 413 is the response
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except Exception:
            if not replied:
                raise

    @staticmethod
    async def _reply(send: Any, status: int, detail: str) -> None:
        body = json.dumps({"detail": detail}).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


def _csp(tiles: str | None) -> str:
    img = "'self' data:"
    if tiles:
        from urllib.parse import urlsplit
        parts = urlsplit(tiles.replace("{s}", "a"))
        if parts.scheme in ("http", "https") and parts.netloc:
            host = parts.netloc.replace("a.", "*.", 1) if "{s}" in tiles else parts.netloc
            img += f" {parts.scheme}://{host}"
    return ("default-src 'self'; script-src 'self'; style-src 'self'; img-src " + img + "; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def create_app(db: str | None = None, *, token: str | None = None, max_body: int = MAX_BODY,
               tiles: str | None = None, store: Store | None = None) -> FastAPI:
    """The application over one database. `token`: uploads allowed with it (None: read-only).
    `tiles`: an optional tile URL template for the map (none by default: a plain grid)."""
    app = FastAPI(
        title="Letopis API",
        description="Incidents extracted from Russian-language security news, with the text span "
                    "behind every value. Read-only unless the server was started with an API token.",
        version="1",
        docs_url=None, redoc_url=None,
        openapi_tags=[{"name": "incidents"}, {"name": "documents"}, {"name": "entities"},
                      {"name": "facts"}, {"name": "search"}, {"name": "export"}],
    )
    app.state.store = store or Store(db)
    app.state.token = token or None
    app.state.tiles = tiles or None
    app.state.csp = _csp(tiles)

    from letopis.web import api, pages
    app.include_router(api.router, prefix="/api")
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="Letopis API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        # Swagger UI starts from an inline script; every other page runs only our own files
        if request.url.path != "/docs" and response.headers.get("content-type", "").startswith("text/html"):
            response.headers.setdefault("Content-Security-Policy", app.state.csp)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        path = request.url.path
        if path.startswith(("/api", "/static", "/openapi")) or "text/html" not in request.headers.get("accept", ""):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        return pages.error_page(request, exc.status_code, str(exc.detail))

    app.add_middleware(BodyLimit, max_bytes=max_body)
    return app


def app_from_env() -> FastAPI:
    """For `uvicorn letopis.web.app:app_from_env --factory`: $LETOPIS_DB, $LETOPIS_API_TOKEN."""
    return create_app(os.environ.get("LETOPIS_DB"), token=os.environ.get(TOKEN_ENV),
                      tiles=os.environ.get("LETOPIS_TILES"))

"""REST API (mounted at /api): incidents, documents, entities, facts, search, downloads, upload.

Lists are pages: {total, limit, offset, items}; every order ends with the id, so paging through
a list never repeats or skips a row.
"""
from __future__ import annotations

import csv
import hmac
import io
import json
import threading
from datetime import date
from typing import Any, Iterator, Literal, Optional

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from letopis.store import Store
from letopis.web import highlight, queries
from letopis.web.queries import IncidentFilters

router = APIRouter()
bearer = HTTPBearer(auto_error=False, description="The server's API token (--token-env / $LETOPIS_API_TOKEN)")

Order = Literal["date", "-date", "killed", "-killed", "wounded", "-wounded", "id", "-id", "published", "-published"]
MAX_ID = 2 ** 31 - 1
MAX_OFFSET = 10 ** 9


class Page(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


def store_of(request: Request) -> Store:
    return request.app.state.store


def incident_filters(
    since: Optional[date] = Query(None, description="Incidents on or after (YYYY-MM-DD)"),
    until: Optional[date] = Query(None, description="Incidents on or before (YYYY-MM-DD)"),
    country: list[str] = Query([], description="ISO 3166-1 alpha-2 (any of)", max_length=8),
    region: Optional[str] = Query(None, max_length=200, description="Region, Russian nominative (exact)"),
    city: Optional[str] = Query(None, max_length=200, description="City, Russian nominative (exact)"),
    type: list[str] = Query([], description="armed_assault, bombing, ... (any of)"),
    weapon: list[str] = Query([], description="firearms, explosives, ... (any of)"),
    min_killed: Optional[int] = Query(None, ge=0, le=10 ** 6),
    q: Optional[str] = Query(None, max_length=500, description="Only incidents of documents matching this "
                                                               "full-text query (word forms found)"),
) -> IncidentFilters:
    return IncidentFilters(since=since.isoformat() if since else None, until=until.isoformat() if until else None,
                           country=[c.strip().upper() for c in country if c and c.strip()],
                           region=region or None, city=city or None,
                           type=[x for x in type if x], weapon=[x for x in weapon if x],
                           min_killed=min_killed, q=q or None)


# ---------------------------------------------------------------------------- incidents
@router.get("/incidents", response_model=Page, tags=["incidents"])
def list_incidents(request: Request, f: IncidentFilters = Depends(incident_filters),
                   order: Order = "-date", limit: int = Query(50, ge=1, le=500),
                   offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> Page:
    """Per-document incidents, filtered, in a stable order. `merged_reports` says how many
    reports the incident's merged (corpus) incident has, when the merge has run."""
    store = store_of(request)
    items = queries.incidents(store, f, limit=limit, offset=offset, order=order)
    sizes = queries.merged_sizes(store, [x["id"] for x in items])
    for x in items:
        x["merged_reports"] = sizes.get(x["id"], 1)
    return Page(total=queries.count_incidents(store, f), limit=limit, offset=offset, items=items)


@router.get("/incidents/timeline", tags=["incidents"])
def incident_timeline(request: Request, f: IncidentFilters = Depends(incident_filters)) -> list[dict[str, int]]:
    """Incidents and deaths per month (dated incidents only)."""
    return queries.monthly(store_of(request), f)


@router.get("/incidents/facets", tags=["incidents"])
def incident_facets(request: Request) -> dict[str, list[str]]:
    """The values the filters can take in this database."""
    return queries.facets(store_of(request))


def incident_view(store: Store, incident_id: int) -> dict[str, Any] | None:
    """One incident with every source that reported it (its merged group, or itself alone), the
    shown (merged) values, and the fields on which the sources disagree."""
    inc = store.incident(incident_id)
    if inc is None:
        return None
    group = queries.merged_group(store, inc["id"])
    member_ids = group["incident_ids"] if group else [inc["id"]]
    members = [inc if mid == inc["id"] else store.incident(mid) for mid in member_ids]
    members = [m for m in members if m is not None]
    merged = None
    if group:
        rec = dict(group["record"])
        rec.pop("values", None)
        merged = {"id": group["uid"], **{k: v for k, v in rec.items() if k not in ("id", "conflicts")},
                  "reports": [{"doc": m["doc"], "incident": m["idx"], "incident_id": m["id"]} for m in members],
                  "conflicts": rec.get("conflicts") or {}}
    sources = []
    for m in members:
        sources.append({
            "incident_id": m["id"], "uid": m["uid"], "idx": m["idx"], "document": m["document"],
            "incident": {k: v for k, v in m.items() if k not in ("document", "reports", "evidence_text")},
            "evidence_text": m.get("evidence_text") or [],
        })
    out = {k: v for k, v in inc.items() if k != "reports"}
    out["merged"] = merged
    out["conflicts"] = merged["conflicts"] if merged else {}
    out["sources"] = sources
    return out


@router.get("/incidents/{incident_id}", tags=["incidents"])
def get_incident(request: Request, incident_id: int = Path(..., ge=1, le=MAX_ID)) -> dict[str, Any]:
    """One incident: its record, the document it came from, `sources` (every report merged with
    it, each with its own values and evidence) and `conflicts` (field → values by document)."""
    view = incident_view(store_of(request), incident_id)
    if view is None:
        raise HTTPException(404, f"no incident {incident_id}")
    return view


# ---------------------------------------------------------------------------- documents
def _document_key(key: str) -> str | int | None:
    """Ids are plain ASCII digits within range; anything else is a name or a content hash."""
    if key.isascii() and key.isdigit():
        return int(key) if len(key) <= 10 and int(key) <= MAX_ID else None
    return key


@router.get("/documents", response_model=Page, tags=["documents"])
def list_documents(request: Request, status: Optional[Literal["ok", "failed"]] = None,
                   limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> Page:
    """Stored documents (id order), with their status and number of incidents."""
    store = store_of(request)
    return Page(total=store.count_documents(status), limit=limit, offset=offset,
                items=store.documents(status=status, limit=limit, offset=offset))


@router.get("/documents/{key}", tags=["documents"])
def get_document(request: Request, key: str = Path(..., max_length=300, description="id, doc name or content hash")
                 ) -> dict[str, Any]:
    """One document with its full record (text, entities, incidents, facts, quotes, sources)."""
    k = _document_key(key)
    doc = store_of(request).document(k) if k is not None else None
    if doc is None:
        raise HTTPException(404, f"no document {key!r}")
    return doc


class Upload(BaseModel):
    text: str = Field(..., min_length=1, max_length=1_000_000, description="The article text")
    doc: Optional[str] = Field(None, max_length=300, description="A name for it (default: upload-<hash>)")
    title: Optional[str] = Field(None, max_length=1000)
    published: Optional[date] = None
    url: Optional[str] = Field(None, max_length=2000)


_ingest_lock = threading.Lock()        # one writer at a time: the pipeline is heavy, SQLite single-writer


def require_token(request: Request, cred: Optional[HTTPAuthorizationCredentials] = Depends(bearer)) -> None:
    expected = request.app.state.token
    if not expected:
        raise HTTPException(403, "uploads are disabled: the server is read-only (start it with an API token)")
    given = cred.credentials if cred and cred.scheme.lower() == "bearer" else ""
    if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(401, "a valid API token is required (Authorization: Bearer <token>)",
                            headers={"WWW-Authenticate": "Bearer"})


@router.post("/documents", status_code=201, tags=["documents"], dependencies=[Depends(require_token)],
             responses={200: {"description": "Already stored (same text)"}, 401: {"description": "No or bad token"},
                        403: {"description": "Read-only server"}, 413: {"description": "Body over the limit"},
                        422: {"description": "Invalid body, or the document could not be processed"}})
def upload_document(request: Request, body: Upload) -> JSONResponse:
    """Process one article through the pipeline and store it (needs the API token)."""
    from letopis.read.document import Document
    from letopis.store import ingest

    document = Document(doc="", text=body.text, title=body.title, published=body.published, url=body.url,
                        format="text")
    document.doc = body.doc or f"upload-{document.content_hash[:12]}"
    with _ingest_lock:
        report = ingest.ingest_documents(store_of(request), [document],
                                         process=getattr(request.app.state, "process", None))
    o = report.outcomes[0]
    out = {"doc": o.doc, "action": o.action, "document_id": o.document_id, "incidents": o.incidents,
           "error": o.error}
    status = {"stored": 201, "replaced": 201, "skipped": 200}.get(o.action, 422)
    return JSONResponse(out, status_code=status)


# ---------------------------------------------------------------------------- entities, facts, search
@router.get("/entities", response_model=Page, tags=["entities"])
def list_entities(request: Request, type: list[str] = Query([], description="PERSON, ORGANIZATION, ..."),
                  q: Optional[str] = Query(None, max_length=200, description="Substring of the normal form"),
                  limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> Page:
    """Entities grouped by type and normal form, most widely reported first."""
    store = store_of(request)
    types = [x for x in type if x]
    return Page(total=store.count_entities(type=types, q=q), limit=limit, offset=offset,
                items=store.entities(type=types or None, q=q or None, limit=limit, offset=offset))


@router.get("/entities/mentions", response_model=Page, tags=["entities"])
def entity_mentions(request: Request, name: str = Query(..., min_length=1, max_length=300),
                    type: Optional[str] = Query(None, max_length=32),
                    limit: int = Query(100, ge=1, le=500), offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> Page:
    """Every mention of one entity (by normal form, case-insensitive) across documents, each with
    its offsets and a `context` snippet."""
    store = store_of(request)
    rows = store.entity_mentions(name, type=type or None, limit=limit, offset=offset)
    texts = queries.document_texts(store, [r["document_id"] for r in rows])
    for r in rows:
        ctx = highlight.context(texts.get(r["document_id"], ""), r["start"], r["end"], r["type"])
        r["context"] = "".join(s.text for s in ctx["segments"])
    return Page(total=store.count_entity_mentions(name, type=type or None), limit=limit, offset=offset,
                items=rows)


@router.get("/facts", response_model=Page, tags=["facts"])
def list_facts(request: Request, kind: list[str] = Query([], description="weapons_seized, ... (any of)"),
               document_id: Optional[int] = Query(None, ge=1, le=MAX_ID),
               limit: int = Query(100, ge=1, le=500), offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> Page:
    """Facts (seizures, criminal cases, sentences, ...) with their evidence spans."""
    store = store_of(request)
    kinds = [k for k in kind if k]
    return Page(total=store.count_facts(kind=kinds, document_id=document_id), limit=limit, offset=offset,
                items=store.facts(kind=kinds or None, document_id=document_id, limit=limit, offset=offset))


@router.get("/search", response_model=Page, tags=["search"])
def search(request: Request, q: str = Query(..., min_length=1, max_length=500,
                                             description="Words (any form), OR between alternatives, 'слово*'"),
           limit: int = Query(20, ge=1, le=200), offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> Page:
    """Full-text search over documents, best first, with snippets and the matched words' offsets."""
    store = store_of(request)
    return Page(total=store.count_search(q), limit=limit, offset=offset,
                items=store.search(q, limit=limit, offset=offset))


@router.get("/stats", tags=["search"])
def stats(request: Request) -> dict[str, Any]:
    """Counts: documents, incidents, killed, wounded, by country/type/year."""
    return store_of(request).stats()


# ---------------------------------------------------------------------------- downloads
def _export_rows(store: Store, f: IncidentFilters) -> Iterator[dict[str, Any]]:
    kw = f.store_kwargs()
    for inc in store.report_incidents(**kw):
        # region/city are ours: applied to the shown values
        if f.region and inc.get("region") != f.region or f.city and inc.get("city") != f.city:
            continue
        yield inc


def _csv_lines(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    from letopis.store import gtd
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=gtd.COLUMNS, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for inc in rows:
        w.writerow(gtd.row(inc))
        if buf.tell() > 1 << 16:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def _geojson_lines(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    from letopis.store.export import feature
    yield '{"type": "FeatureCollection", "features": ['
    n = 0
    for inc in rows:
        feat = feature(inc)
        if feat is not None:
            yield ("," if n else "") + "\n" + json.dumps(feat, ensure_ascii=False)
            n += 1
    yield "\n]}\n"


def _jsonl_lines(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    for inc in rows:
        yield json.dumps(inc, ensure_ascii=False) + "\n"


EXPORTS = {
    "csv": ("text/csv; charset=utf-8", _csv_lines),
    "geojson": ("application/geo+json", _geojson_lines),
    "jsonl": ("application/x-ndjson; charset=utf-8", _jsonl_lines),
}


@router.get("/export/incidents.{fmt}", tags=["export"],
            responses={200: {"content": {"text/csv": {}, "application/geo+json": {}, "application/x-ndjson": {}}}})
def export_incidents(request: Request, fmt: Literal["csv", "geojson", "jsonl"],
                     f: IncidentFilters = Depends(incident_filters)) -> StreamingResponse:
    """Download incidents in the corpus (merged) view: CSV with GTD column names, GeoJSON
    (incidents with coordinates), or JSON Lines in the spec's merged shape (reports, conflicts)."""
    media, lines = EXPORTS[fmt]
    return StreamingResponse(lines(_export_rows(store_of(request), f)), media_type=media,
                             headers={"Content-Disposition": f'attachment; filename="letopis-incidents.{fmt}"'})

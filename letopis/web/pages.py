"""Server-rendered pages (Jinja2, autoescape on): incident list with filters and a timeline,
map, incident with highlighted evidence per source, documents, entities, facts, search."""
from __future__ import annotations

from datetime import date
from typing import Any, Optional
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from letopis.web import charts, highlight, labels, queries
from letopis.web.api import MAX_ID, MAX_OFFSET, _document_key, incident_view, store_of
from letopis.web.app import HERE
from letopis.web.queries import IncidentFilters

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(HERE / "templates"))   # autoescape on for .html
templates.env.globals.update(labels=labels, type_ru=labels.type_ru, weapon_ru=labels.weapon_ru,
                             country_ru=labels.country_ru, place=labels.place, field_names=highlight.FIELD_NAMES,
                             show=highlight._show)
PAGE = 50


def _date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        return None


def _int(value: str | None, lo: int = 0, hi: int = 10 ** 6) -> int | None:
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return n if lo <= n <= hi else None


def page_filters(
    since: Optional[str] = None, until: Optional[str] = None, country: list[str] = Query([]),
    region: Optional[str] = None, city: Optional[str] = None, type: list[str] = Query([]),
    weapon: list[str] = Query([]), min_killed: Optional[str] = None, q: Optional[str] = None,
) -> IncidentFilters:
    """Form values are forgiving: an unreadable date or number is ignored, not an error page."""
    return IncidentFilters(since=_date(since), until=_date(until),
                           country=[c.strip().upper()[:2] for c in country if c and c.strip()],
                           region=(region or "").strip()[:200] or None, city=(city or "").strip()[:200] or None,
                           type=[x for x in type if x][:20], weapon=[x for x in weapon if x][:20],
                           min_killed=_int(min_killed), q=(q or "").strip()[:500] or None)


def _query(f: IncidentFilters, **more: Any) -> str:
    pairs: list[tuple[str, Any]] = []
    for k in ("since", "until", "region", "city", "min_killed", "q"):
        v = getattr(f, k)
        if v not in (None, ""):
            pairs.append((k, v))
    for k in ("country", "type", "weapon"):
        pairs += [(k, v) for v in getattr(f, k)]
    pairs += [(k, v) for k, v in more.items() if v not in (None, "")]
    return urlencode(pairs)


def _pager(total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "first": offset + 1 if total else 0,
            "last": min(offset + limit, total),
            "prev": max(offset - limit, 0) if offset > 0 else None,
            "next": offset + limit if offset + limit < total else None}


def render(request: Request, template: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    ctx.setdefault("nav", "")
    return templates.TemplateResponse(request, template, ctx, status_code=status_code)


def error_page(request: Request, status: int, detail: str) -> HTMLResponse:
    titles = {404: "Не найдено", 405: "Метод не разрешён", 413: "Слишком большой запрос"}
    return render(request, "error.html", status_code=status, title=titles.get(status, f"Ошибка {status}"),
                  detail=detail, code=status)


@router.get("/", response_class=HTMLResponse)
def incident_list(request: Request, f: IncidentFilters = Depends(page_filters),
                  order: str = "-date", offset: str = "0") -> HTMLResponse:
    store = store_of(request)
    if order not in labels.ORDERS:
        order = "-date"
    off = _int(offset, 0, MAX_OFFSET) or 0
    rows = queries.incidents(store, f, limit=PAGE, offset=off, order=order)
    sizes = queries.merged_sizes(store, [r["id"] for r in rows])
    total = queries.count_incidents(store, f)
    chart = charts.timeline(queries.monthly(store, f))
    return render(request, "incidents.html", nav="incidents", f=f, rows=rows, sizes=sizes, order=order,
                  pg=_pager(total, PAGE, off), chart=chart, facets=queries.facets(store),
                  qs=_query(f, order=order if order != "-date" else None), filters_qs=_query(f),
                  stats=store.stats(), undated=total - sum(b["n"] for b in (chart or {}).get("bars", [])))


@router.get("/map", response_class=HTMLResponse)
def incident_map(request: Request, f: IncidentFilters = Depends(page_filters)) -> HTMLResponse:
    store = store_of(request)
    rows = queries.incidents(store, f, limit=5000, order="-date")
    points = [{"id": r["id"], "lat": r["lat"], "lon": r["lon"], "date": r["date"], "place": labels.place(r),
               "killed": r["killed"], "wounded": r["wounded"],
               "types": [labels.type_ru(x) for x in r.get("types") or []]}
              for r in rows if r.get("lat") is not None and r.get("lon") is not None]
    unplaced = [r for r in rows if r.get("lat") is None or r.get("lon") is None]
    return render(request, "map.html", nav="map", f=f, points=points, unplaced=unplaced,
                  facets=queries.facets(store), tiles=request.app.state.tiles, filters_qs=_query(f))


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident_page(request: Request, incident_id: int) -> HTMLResponse:
    store = store_of(request)
    view = incident_view(store, incident_id) if 1 <= incident_id <= MAX_ID else None
    if view is None:
        raise HTTPException(404, f"Инцидент {incident_id} не найден")
    texts = queries.document_texts(store, [s["document"]["id"] for s in view["sources"]])
    sources = []
    for s in view["sources"]:
        inc = s["incident"]
        marks = highlight.incident_marks(inc)
        fields = sorted({m.label for m in marks if m.kind == "field"})
        sources.append({**s, "segments": highlight.segments(texts.get(s["document"]["id"], ""), marks),
                        "fields": fields})
    shown = view["merged"] or view
    return render(request, "incident.html", nav="incidents", inc=view, shown=shown, sources=sources,
                  conflicts=view["conflicts"])


@router.get("/documents", response_class=HTMLResponse)
def document_list(request: Request, offset: str = "0", status: Optional[str] = None) -> HTMLResponse:
    store = store_of(request)
    status = status if status in ("ok", "failed") else None
    off = _int(offset, 0, MAX_OFFSET) or 0
    rows = store.documents(status=status, limit=PAGE, offset=off)
    return render(request, "documents.html", nav="documents", rows=rows, status=status,
                  pg=_pager(store.count_documents(status), PAGE, off))


@router.get("/documents/{key}", response_class=HTMLResponse)
def document_page(request: Request, key: str) -> HTMLResponse:
    store = store_of(request)
    k = _document_key(key[:300])
    doc = store.document(k) if k is not None else None
    if doc is None:
        raise HTTPException(404, f"Документ {key} не найден")
    rec = doc.get("record") or {}
    marks: list[highlight.Mark] = []
    for inc in rec.get("incidents") or []:
        marks += highlight.incident_marks(inc)
    for fact in rec.get("facts") or []:
        for s, e in highlight._spans(fact.get("evidence")):
            marks.append(highlight.Mark(s, e, f"fact = {fact.get('kind')}" + (
                f" {fact['quantity']}" if fact.get("quantity") is not None else "")))
    persons = [e for e in rec.get("entities") or [] if e.get("type") in ("PERSON", "ORGANIZATION")]
    ents: dict[tuple[str, str], int] = {}
    for e in persons:
        key2 = (e["type"], e.get("normal") or e.get("text") or "")
        ents[key2] = ents.get(key2, 0) + 1
    return render(request, "document.html", nav="documents", doc=doc, rec=rec,
                  segments=highlight.segments(doc.get("text") or "", marks),
                  entities=sorted(ents.items(), key=lambda kv: (-kv[1], kv[0])))


@router.get("/entities", response_class=HTMLResponse)
def entity_list(request: Request, q: Optional[str] = None, type: Optional[str] = None,
                offset: str = "0") -> HTMLResponse:
    store = store_of(request)
    q = (q or "").strip()[:200] or None
    types = [type] if type else ["PERSON", "ORGANIZATION"]
    off = _int(offset, 0, MAX_OFFSET) or 0
    rows = store.entities(type=types, q=q, limit=PAGE, offset=off)
    return render(request, "entities.html", nav="entities", rows=rows, q=q, type=type or "",
                  types=store.entity_types(),
                  pg=_pager(store.count_entities(type=types, q=q), PAGE, off),
                  qs=urlencode([(k, v) for k, v in (("q", q), ("type", type)) if v]))


@router.get("/entity", response_class=HTMLResponse)
def entity_page(request: Request, name: str = "", type: Optional[str] = None, offset: str = "0") -> HTMLResponse:
    store = store_of(request)
    name = name.strip()[:300]
    if not name:
        raise HTTPException(404, "Не указано имя")
    off = _int(offset, 0, MAX_OFFSET) or 0
    rows = store.entity_mentions(name, type=type or None, limit=200, offset=off)
    total = store.count_entity_mentions(name, type=type or None)
    if not rows and not total:
        raise HTTPException(404, f"Упоминаний «{name}» нет")
    texts = queries.document_texts(store, [r["document_id"] for r in rows])
    docs: dict[int, dict[str, Any]] = {}
    for r in rows:
        d = docs.setdefault(r["document_id"], {"id": r["document_id"], "doc": r["doc"], "title": r["title"],
                                               "published": r["published"], "mentions": []})
        d["mentions"].append({**r, **highlight.context(texts.get(r["document_id"], ""), r["start"], r["end"],
                                                       f"{r['type']}: {r['text']}")})
    incidents = queries.incidents(store, IncidentFilters(), limit=None, order="-date")
    by_doc: dict[int, list[dict[str, Any]]] = {}
    for inc in incidents:
        if inc["document_id"] in docs:
            by_doc.setdefault(inc["document_id"], []).append(inc)
    display = next((r.get("normal") or r["text"] for r in rows), name)
    return render(request, "entity.html", nav="entities", name=display, type=type or rows[0]["type"] if rows else type,
                  docs=list(docs.values()), total=total, by_doc=by_doc,
                  pg=_pager(total, 200, off), qs=urlencode([(k, v) for k, v in (("name", name), ("type", type)) if v]))


@router.get("/facts", response_class=HTMLResponse)
def fact_list(request: Request, kind: Optional[str] = None, offset: str = "0") -> HTMLResponse:
    store = store_of(request)
    kinds = [kind] if kind else []
    off = _int(offset, 0, MAX_OFFSET) or 0
    rows = store.facts(kind=kinds or None, limit=PAGE, offset=off)
    texts = queries.document_texts(store, [r["document_id"] for r in rows])
    for r in rows:
        spans = highlight._spans(r.get("evidence"))
        text = texts.get(r["document_id"], "")
        r["evidence_text"] = [text[s:e] for s, e in spans if 0 <= s < e <= len(text)]
    return render(request, "facts.html", nav="facts", rows=rows, kind=kind or "", kinds=store.fact_kinds(),
                  pg=_pager(store.count_facts(kind=kinds), PAGE, off),
                  qs=urlencode([("kind", kind)] if kind else []))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "", offset: str = "0") -> HTMLResponse:
    store = store_of(request)
    q = q.strip()[:500]
    off = _int(offset, 0, MAX_OFFSET) or 0
    hits, total = [], 0
    if q:
        hits = store.search(q, limit=20, offset=off)
        total = store.count_search(q)
        for h in hits:
            h["segments"] = highlight.segments(h["snippet"], [highlight.Mark(s, e, "совпадение", "hit")
                                                              for s, e in h["marks"]])
    return render(request, "search.html", nav="search", q=q, hits=hits, pg=_pager(total, 20, off),
                  qs=urlencode([("q", q)]))

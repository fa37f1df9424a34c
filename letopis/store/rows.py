"""A document record → the rows the store inserts for it, computed away from the database.

All the CPU work of storing a document (word forms for the full-text index, JSON-ready copies,
typed incident columns, entity keys) happens here, so parallel ingest runs it in the workers and
the one writing process only executes INSERTs. Pure functions of the record: no connection, no
engine; `Rows` pickles small enough to send back from a worker.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from letopis.store import lemmas


def to_date(value: Any) -> date | None:
    """A date, or None when there is none or it cannot be read (the reader's rules)."""
    from letopis.read.dates import parse_date
    try:
        return parse_date(value)
    except ValueError:
        return None


def ymd(value: Any) -> tuple[int | None, int | None, int | None]:
    """'2011-11-12' → (2011, 11, 12); partial ISO ('2011-11', '2011') keeps what it has."""
    if not value:
        return None, None, None
    if isinstance(value, date):
        return value.year, value.month, value.day
    parts = str(value)[:10].split("-")
    out: list[int | None] = [int(p) if p.isdigit() else None for p in parts[:3]]
    while len(out) < 3:
        out.append(None)
    return out[0], out[1], out[2]


def iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def as_int(value: Any) -> int | None:
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


def as_float(value: Any) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def no_nul(s: str) -> str:
    """PostgreSQL text holds no NUL; U+FFFD keeps the length, so offsets hold."""
    return s.replace("\x00", "\ufffd") if "\x00" in s else s


def no_nul_json(v: Any) -> Any:
    if isinstance(v, str):
        return no_nul(v)
    if isinstance(v, dict):
        return {k: no_nul_json(x) for k, x in v.items()}
    if isinstance(v, list):
        return [no_nul_json(x) for x in v]
    return v


@dataclass
class Rows:
    """One document, ready to insert: the documents row (less ingested_at), its children without
    document/incident ids (the writer fills them), and the full-text index's word forms."""
    content_hash: str
    document: dict[str, Any]
    incidents: list[dict[str, Any]] = field(default_factory=list)   # each with "tags": [(kind, value)]
    entities: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    index_title: str = ""
    index_body: str = ""

    @property
    def doc(self) -> str:
        return self.document["doc"]


def prepare(record: Any, *, content_hash: str, path: str | None = None,
            postgres: bool = False) -> Rows:
    """The rows of one DocumentRecord (or its dict). `postgres`: NULs replaced (same length)."""
    rec = record.to_dict() if hasattr(record, "to_dict") else dict(record)
    text = rec.pop("text", "") or ""
    rec["content_hash"] = content_hash
    if postgres:
        text, rec = no_nul(text), no_nul_json(rec)
    incidents = rec.get("incidents") or []
    title = rec.get("title") or ""
    out = Rows(content_hash, {
        "doc": rec.get("doc") or "<unnamed>", "content_hash": content_hash, "status": "ok", "stage": None,
        "error": None, "error_detail": None, "path": path, "title": rec.get("title"),
        "published": to_date(rec.get("published")), "url": rec.get("url"),
        "language": rec.get("language"), "format": rec.get("format"), "encoding": rec.get("encoding"),
        "text": text, "record": rec, "n_incidents": len(incidents),
    }, index_title=lemmas.index_text(title), index_body=lemmas.index_text(text))
    for idx, inc in enumerate(incidents):
        types = [str(x) for x in as_list(inc.get("types"))]
        weapons = [str(x) for x in as_list(inc.get("weapons"))]
        y, m, d = ymd(inc.get("date"))
        groups = as_list(inc.get("groups"))
        out.incidents.append({
            "uid": f"{content_hash[:16]}:{idx}", "idx": idx,
            "date": to_date(inc.get("date")) if d else None, "year": y, "month": m, "day": d,
            "country": (inc.get("country") or None) and str(inc["country"]).upper()[:2],
            "region": inc.get("region"), "city": inc.get("city"),
            "lat": as_float(inc.get("lat")), "lon": as_float(inc.get("lon")),
            "types": types, "weapons": weapons, "killed": as_int(inc.get("killed")),
            "wounded": as_int(inc.get("wounded")), "perpetrators_killed": as_int(inc.get("perpetrators_killed")),
            "suicide": bool(inc.get("suicide")) or "suicide" in types,
            "gname": str(groups[0]) if groups else None, "summary": inc.get("summary"), "record": inc,
            "tags": [("type", v) for v in dict.fromkeys(types)] + [("weapon", v) for v in dict.fromkeys(weapons)],
        })
    for e in rec.get("entities") or []:
        normal = e.get("normal")
        out.entities.append({"type": e.get("type") or "", "start": as_int(e.get("start")) or 0,
                             "end": as_int(e.get("end")) or 0, "text": e.get("text") or "", "normal": normal,
                             "key": lemmas.fold(normal or e.get("text") or ""), "source": e.get("source")})
    out.facts = [{"kind": f.get("kind") or "other", "quantity": as_float(f.get("quantity")),
                  "qualifier": f.get("qualifier"), "text": f.get("text"), "record": f}
                 for f in rec.get("facts") or []]
    out.quotes = [{"speaker": x.get("speaker"),
                   "speaker_key": lemmas.fold(x["speaker"]) if x.get("speaker") else None,
                   "role": x.get("role"), "start": as_int(x.get("start")), "end": as_int(x.get("end")),
                   "text": x.get("text")} for x in rec.get("quotes") or []]
    out.sources = [{"name": s.get("name") or "", "relation": s.get("relation")}
                   for s in rec.get("sources") or [] if s.get("name")]
    return out

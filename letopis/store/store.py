"""`Store`: write document records, read them back for search, filters, the web app and exports.

Every write is whole documents in one transaction (one, or a batch from ingest), keyed by their
content hash (UNIQUE), so a run killed halfway loses nothing committed and a re-run skips what is
there. Reads return plain JSON-ready dicts (dates as ISO strings).
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Iterable, Iterator, Sequence

import sqlalchemy as sa

from letopis.store import fts as fts_mod
from letopis.store import lemmas
from letopis.store import query as qmod
from letopis.store import rows as rows_mod
from letopis.store import schema as t

SCHEMA_VERSION = "1"
ORDERS = ("date", "-date", "killed", "-killed", "wounded", "-wounded", "id", "-id", "published", "-published")


def resolve_url(db: str | None = None) -> str:
    """A path or an SQLAlchemy URL → URL. Default: $LETOPIS_DB, else ./letopis.db."""
    db = db or os.environ.get("LETOPIS_DB") or "letopis.db"
    if "://" in db:
        # a bare postgresql:// URL means psycopg 3 (SQLAlchemy's default driver is psycopg2)
        for bare in ("postgresql://", "postgres://"):
            if db.startswith(bare):
                return "postgresql+psycopg://" + db[len(bare):]
        return db
    if db == ":memory:":
        return "sqlite://"
    path = os.path.abspath(os.path.expanduser(db))
    return "sqlite:///" + path


def hash_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# the pure helpers live in rows.py (workers use them without a database); short names here
_to_date, _ymd, _iso, _int, _float, _list = (rows_mod.to_date, rows_mod.ymd, rows_mod.iso, rows_mod.as_int,
                                             rows_mod.as_float, rows_mod.as_list)
_no_nul, _no_nul_json = rows_mod.no_nul, rows_mod.no_nul_json


def _plain_row(row: Any) -> dict[str, Any]:
    return {k: _iso(v) for k, v in row._mapping.items()}


def _escape_like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass
class PutResult:
    id: int | None
    action: str          # stored | replaced | skipped
    status: str | None   # status of the row found/left: ok | failed


class Store:
    """A Letopis database. `Store("letopis.db")`, `Store("sqlite:///x.db")`, `Store("postgresql://u@h/db")`."""

    def __init__(self, db: str | None = None, *, create: bool = True, echo: bool = False):
        self.url = resolve_url(db)
        # readable Cyrillic in the JSON columns, and half the bytes of \u escapes
        kwargs: dict[str, Any] = {"echo": echo, "future": True,
                                  "json_serializer": lambda o: json.dumps(o, ensure_ascii=False)}
        if self.url == "sqlite://":
            from sqlalchemy.pool import StaticPool
            kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
        elif self.url.startswith("sqlite"):
            path = self.url.split("///", 1)[-1]
            if path and os.path.dirname(path):
                os.makedirs(os.path.dirname(path), exist_ok=True)
        self.engine = sa.create_engine(self.url, **kwargs)
        self.dialect = self.engine.dialect.name
        if self.dialect == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        elif self.dialect != "postgresql":
            raise ValueError(f"{self.url}: the store runs on SQLite or PostgreSQL")
        self.fts = fts_mod.for_dialect(self.dialect)
        if create:
            self.create()

    # ------------------------------------------------------------------ setup
    def create(self) -> None:
        # read-only when the schema is there, so readers (web, queries during ingest) never write
        with self.engine.connect() as conn:
            if sa.inspect(conn).has_table("store_meta") and conn.execute(
                    sa.text("SELECT value FROM store_meta WHERE key = 'schema_version'")).scalar() is not None:
                return
        with self.engine.begin() as conn:
            if self.dialect == "postgresql":    # concurrent first runs: one creates, the others wait
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(7201001)"))
            t.metadata.create_all(conn)
            self.fts.create(conn)
            conn.execute(sa.text("CREATE TABLE IF NOT EXISTS store_meta (key varchar(64) PRIMARY KEY, value text)"))
            have = conn.execute(sa.text("SELECT value FROM store_meta WHERE key = 'schema_version'")).scalar()
            if have is None:
                conn.execute(sa.text("INSERT INTO store_meta (key, value) VALUES ('schema_version', :v)"),
                             {"v": SCHEMA_VERSION})

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    # ------------------------------------------------------------------ writing
    def lookup(self, content_hash: str) -> dict[str, Any] | None:
        """The stored row for a content hash: {id, doc, status, stage, error}, or None."""
        return self.lookup_many([content_hash]).get(content_hash)

    def lookup_many(self, hashes: Iterable[str]) -> dict[str, dict[str, Any]]:
        """content hash → its stored row {id, doc, status, stage, error}, for those stored."""
        d = t.documents.c
        with self.engine.connect() as conn:
            return {r.content_hash: {"id": r.id, "doc": r.doc, "status": r.status, "stage": r.stage, "error": r.error}
                    for r in conn.execute(sa.select(d.id, d.doc, d.status, d.stage, d.error, d.content_hash)
                                          .where(d.content_hash.in_(set(hashes))))}

    def put(self, record: Any, *, content_hash: str | None = None, path: str | None = None,
            replace: bool = False) -> PutResult:
        """Store one DocumentRecord (or its dict) in one transaction.

        Skipped when its content hash is stored with status ok (unless `replace`); a failed row
        with that hash is replaced, and failed rows of the same `doc` name are dropped (the
        input now reads and processes)."""
        rec = record.to_dict() if hasattr(record, "to_dict") else dict(record)
        chash = content_hash or rec.get("content_hash") or hash_text(rec.get("text") or "")
        return self.put_rows(self.prepare(rec, content_hash=chash, path=path), replace=replace)

    def prepare(self, record: Any, *, content_hash: str, path: str | None = None) -> rows_mod.Rows:
        """The rows `put_rows` inserts for a record (rows.prepare for this backend)."""
        return rows_mod.prepare(record, content_hash=content_hash, path=path,
                                postgres=self.dialect == "postgresql")

    def put_rows(self, rows: rows_mod.Rows, *, replace: bool = False) -> PutResult:
        """`put` for rows prepared elsewhere (an ingest worker): only the INSERTs run here."""
        try:
            with self.engine.begin() as conn:
                return self._write(conn, [rows], replace)[0]
        except sa.exc.IntegrityError:
            # stored meanwhile by another writer (parallel ingest): same hash, same content
            found_row = self.lookup(rows.content_hash)
            if found_row is None:
                raise
            return PutResult(found_row["id"], "skipped", found_row["status"])

    def put_many(self, batch: Sequence[rows_mod.Rows], *, replace: bool = False) -> list[PutResult | Exception]:
        """Several prepared documents in one transaction (a commit costs more than a document's
        INSERTs): all of them or none is stored, so a kill loses at most this batch, which a
        re-run redoes. When any of them fails, each is stored alone instead, so one bad document
        or a concurrent writer costs only that document: its entry is then the exception."""
        if not batch:
            return []
        try:
            with self.engine.begin() as conn:
                return list(self._write(conn, batch, replace))
        except Exception:
            pass
        out: list[PutResult | Exception] = []
        for rows in batch:
            try:
                out.append(self.put_rows(rows, replace=replace))
            except Exception as exc:       # this document's error, for its caller to record
                out.append(exc)
        return out

    def _write(self, conn: sa.Connection, batch: Sequence[rows_mod.Rows], replace: bool) -> list[PutResult]:
        """The INSERTs of a batch: one statement per document and per incident (their ids are
        needed), one executemany per child table and for the full-text index."""
        d = t.documents.c
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        found = {r.content_hash: r for r in conn.execute(
            sa.select(d.id, d.status, d.content_hash).where(d.content_hash.in_({x.content_hash for x in batch})))}
        stale: dict[str, list[int]] = {}        # earlier failures of these inputs are resolved now
        for r in conn.execute(sa.select(d.id, d.doc).where(d.status == "failed", d.doc.in_({x.doc for x in batch}))):
            stale.setdefault(r.doc, []).append(r.id)
        done: dict[str, int] = {}
        deleted: set[int] = set()
        children: dict[sa.Table, list[dict[str, Any]]] = {}
        index: list[dict[str, Any]] = []
        out = []
        for rows in batch:
            chash = rows.content_hash
            f = found.get(chash)
            if chash in done or (f is not None and f.status == "ok" and not replace):
                out.append(PutResult(done.get(chash) or f.id, "skipped", "ok"))
                continue
            values = dict(rows.document, ingested_at=now)
            if f is not None:
                doc_id = f.id
                self._delete_children(conn, doc_id)
                conn.execute(t.documents.update().where(d.id == doc_id), values)
                action = "replaced"
            else:
                doc_id = conn.execute(t.documents.insert(), values).inserted_primary_key[0]
                action = "stored"
            done[chash] = doc_id
            for sid in stale.get(rows.doc, []):
                if sid != doc_id and sid not in deleted:
                    self._delete_document(conn, sid)
                    deleted.add(sid)
            self._children(conn, doc_id, rows, children)
            index.append({"id": doc_id, "t": rows.index_title, "b": rows.index_body,
                          "rt": values.get("title") or "", "rb": values.get("text") or ""})
            out.append(PutResult(doc_id, action, "ok"))
        for table, items in children.items():
            conn.execute(table.insert(), items)
        self.fts.insert(conn, index)
        return out

    def put_failed(self, doc: str, error: str, *, content_hash: str, stage: str = "process",
                   detail: str | None = None, path: str | None = None, text: str | None = None,
                   title: str | None = None, published: Any = None, url: str | None = None,
                   format: str | None = None, encoding: str | None = None) -> int:
        """Record a document that could not be read (`stage="read"`) or processed. Keeps the text
        when there is one, so `--retry-failed` can re-process without the input at hand. A stored
        ok row with the same hash is left alone (returns its id)."""
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        values = {
            "doc": doc, "content_hash": content_hash, "status": "failed", "stage": stage,
            "error": error, "error_detail": detail, "path": path, "text": text, "title": title,
            "published": _to_date(published), "url": url, "format": format, "encoding": encoding,
            "record": None, "n_incidents": 0, "ingested_at": now,
        }
        if self.dialect == "postgresql":
            values = {k: _no_nul(v) if isinstance(v, str) else v for k, v in values.items()}
        d = t.documents.c
        try:
            with self.engine.begin() as conn:
                found = conn.execute(sa.select(d.id, d.status).where(d.content_hash == content_hash)).first()
                if found is not None and found.status == "ok":
                    return found.id
                if found is not None:
                    doc_id = found.id
                    conn.execute(t.documents.update().where(d.id == doc_id).values(**values))
                else:
                    doc_id = conn.execute(t.documents.insert().values(**values)).inserted_primary_key[0]
                # the latest failure of an input stands for it (its bytes may have changed since)
                conn.execute(t.documents.delete().where(d.doc == doc, d.status == "failed", d.id != doc_id))
                return doc_id
        except sa.exc.IntegrityError:       # recorded meanwhile by another writer
            found_row = self.lookup(content_hash)
            if found_row is None:
                raise
            return int(found_row["id"])

    def delete_document(self, key: int | str) -> bool:
        row = self._document_row(key)
        if row is None:
            return False
        with self.engine.begin() as conn:
            self._delete_document(conn, row["id"])
        return True

    def failed_documents(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Failed rows, with what a retry needs (path, text, title, published, url, format)."""
        d = t.documents.c
        stmt = (sa.select(d.id, d.doc, d.content_hash, d.stage, d.error, d.error_detail, d.path, d.text,
                          d.title, d.published, d.url, d.format, d.encoding, d.ingested_at)
                .where(d.status == "failed").order_by(d.id))
        if limit:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            return [_plain_row(r) for r in conn.execute(stmt)]

    def _delete_children(self, conn: sa.Connection, doc_id: int) -> None:
        inc_ids = sa.select(t.incidents.c.id).where(t.incidents.c.document_id == doc_id)
        conn.execute(t.merged_reports.delete().where(t.merged_reports.c.incident_id.in_(inc_ids)))
        conn.execute(t.incident_tags.delete().where(t.incident_tags.c.incident_id.in_(inc_ids)))
        conn.execute(t.incidents.delete().where(t.incidents.c.document_id == doc_id))
        for table in t.CHILD_TABLES:
            conn.execute(table.delete().where(table.c.document_id == doc_id))
        self.fts.delete(conn, doc_id)

    def _delete_document(self, conn: sa.Connection, doc_id: int) -> None:
        self._delete_children(conn, doc_id)
        conn.execute(t.documents.delete().where(t.documents.c.id == doc_id))

    def _children(self, conn: sa.Connection, doc_id: int, rows: rows_mod.Rows,
                  into: dict[sa.Table, list[dict[str, Any]]]) -> None:
        """Insert the document's incidents (their ids are needed for the tags) and add every other
        child row to `into`, for one executemany per table."""
        for inc in rows.incidents:
            values = {k: v for k, v in inc.items() if k != "tags"}
            inc_id = conn.execute(t.incidents.insert(), dict(values, document_id=doc_id)).inserted_primary_key[0]
            into.setdefault(t.incident_tags, []).extend(
                {"incident_id": inc_id, "kind": kind, "value": v} for kind, v in inc["tags"])
        for table, items in ((t.entities, rows.entities), (t.facts, rows.facts), (t.quotes, rows.quotes),
                             (t.sources, rows.sources)):
            if items:
                into.setdefault(table, []).extend(dict(x, document_id=doc_id) for x in items)

    # ------------------------------------------------------------------ search
    def search(self, query: str, limit: int = 20, offset: int = 0,
               width: int = 240) -> list[dict[str, Any]]:
        """Documents matching `query` (word forms found), best first, with a highlighted snippet.

        Each hit: document_id, doc, title, published, url, score (higher is better), snippet
        (plain text), marks ([start, end] into snippet), snippet_start (offset in the document
        text), snippet_cut ([cut on the left, cut on the right]: show "…"), snippet_marked
        ("…[Таразе]…"), incident_ids."""
        parsed = qmod.parse(query)
        if parsed.empty:
            return []
        d = t.documents.c
        fts = self.fts.matches(parsed)
        stmt = (sa.select(d.id, d.doc, d.title, d.published, d.url, d.text, fts.c.rank)
                .join(fts, fts.c.document_id == d.id).where(d.status == "ok")
                .order_by(fts.c.rank, d.id).limit(limit).offset(offset))
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).all()
            ids = [r.id for r in rows]
            inc: dict[int, list[int]] = {}
            if ids:
                for r in conn.execute(sa.select(t.incidents.c.document_id, t.incidents.c.id)
                                      .where(t.incidents.c.document_id.in_(ids))
                                      .order_by(t.incidents.c.idx)):
                    inc.setdefault(r.document_id, []).append(r.id)
        out = []
        for r in rows:
            sn = qmod.snippet(r.text or "", parsed, width=width)
            out.append({"document_id": r.id, "doc": r.doc, "title": r.title, "published": _iso(r.published),
                        "url": r.url, "score": -float(r.rank or 0.0), "snippet": sn.text,
                        "marks": [list(m) for m in sn.marks], "snippet_start": sn.start,
                        "snippet_cut": [sn.prefix, sn.suffix],
                        "snippet_marked": sn.marked(), "incident_ids": inc.get(r.id, [])})
        return out

    def count_search(self, query: str) -> int:
        parsed = qmod.parse(query)
        if parsed.empty:
            return 0
        d = t.documents.c
        fts = self.fts.matches(parsed)
        stmt = (sa.select(sa.func.count()).select_from(t.documents.join(fts, fts.c.document_id == d.id))
                .where(d.status == "ok"))
        with self.engine.connect() as conn:
            return int(conn.execute(stmt).scalar() or 0)

    # ------------------------------------------------------------------ incidents
    def incident_filter(self, *, country: str | Sequence[str] | None = None, since: Any = None,
                        until: Any = None, type: str | Sequence[str] | None = None,
                        weapon: str | Sequence[str] | None = None, min_killed: int | None = None,
                        q: str | None = None, document_id: int | None = None,
                        has_coords: bool | None = None, year: int | None = None,
                        region: str | None = None, city: str | None = None) -> list[Any]:
        """WHERE clauses over `schema.incidents` for the incident filters: the one definition
        the CLI, the exports, the merged view and the web app (list, chart, map) all use."""
        i = t.incidents.c
        where: list[Any] = []
        codes = [c.strip().upper() for c in _list(country) if c and c.strip()]
        if codes:
            where.append(i.country.in_(codes))
        if since:
            where.append(i.date >= _to_date(since))
        if until:
            where.append(i.date <= _to_date(until))
        if year is not None:
            where.append(i.year == int(year))
        for col, value in ((i.region, region), (i.city, city)):
            if value:
                where.append(col == value)
        for kind, value in (("type", type), ("weapon", weapon)):
            values = [v for v in _list(value) if v]
            if values:
                tg = t.incident_tags.c
                where.append(sa.exists().where(tg.incident_id == i.id, tg.kind == kind, tg.value.in_(values)))
        if min_killed is not None:
            where.append(i.killed >= int(min_killed))
        if document_id is not None:
            where.append(i.document_id == int(document_id))
        if has_coords:
            where += [i.lat.is_not(None), i.lon.is_not(None)]
        if q:
            parsed = qmod.parse(q)
            if parsed.empty:
                where.append(sa.false())
            else:
                fts = self.fts.matches(parsed)
                where.append(i.document_id.in_(sa.select(fts.c.document_id)))
        return where

    _INCIDENT_COLUMNS = ("id", "uid", "document_id", "idx", "date", "year", "month", "day", "country", "region",
                         "city", "lat", "lon", "types", "weapons", "killed", "wounded", "perpetrators_killed",
                         "suicide", "gname", "summary")

    def select_incidents(self, *, order: str | None = "-date", with_record: bool = False,
                         where: Sequence[Any] = (), **filters: Any) -> sa.Select:
        """The incident rows (with their document's doc, title, published, url) matching
        `filters` (see incident_filter) and any extra `where` clauses, in a stable `order`
        (every order ends with the id, so pages never overlap)."""
        i, d = t.incidents.c, t.documents.c
        cols = [getattr(i, c) for c in self._INCIDENT_COLUMNS] + [d.doc, d.title, d.published, d.url]
        if with_record:
            cols.append(i.record)
        stmt = (sa.select(*cols).select_from(t.incidents.join(t.documents, d.id == i.document_id))
                .where(*self.incident_filter(**filters), *where))
        return stmt.order_by(*self._order(order)) if order is not None else stmt

    @staticmethod
    def _order(order: str) -> list[Any]:
        if order not in ORDERS:
            raise ValueError(f"order must be one of {', '.join(ORDERS)}")
        i, d = t.incidents.c, t.documents.c
        desc = order.startswith("-")
        key = order.lstrip("-")
        col = {"date": i.date, "killed": i.killed, "wounded": i.wounded, "id": i.id, "published": d.published}[key]
        first = (col.desc() if desc else col.asc()).nulls_last()
        return [first, i.id.desc() if desc else i.id.asc()]

    def incidents(self, *, limit: int | None = 50, offset: int = 0, order: str = "-date",
                  **filters: Any) -> list[dict[str, Any]]:
        """Per-document incidents, filtered (incident_filter's keywords). Each: id, uid,
        document_id, idx, date, year, month, day, country, region, city, lat, lon, types, weapons,
        killed, wounded, perpetrators_killed, suicide, gname, summary, doc, title, published, url."""
        return self._rows(self.select_incidents(order=order, **filters), limit, offset)

    def count_incidents(self, **filters: Any) -> int:
        stmt = sa.select(sa.func.count()).select_from(t.incidents).where(*self.incident_filter(**filters))
        with self.engine.connect() as conn:
            return int(conn.execute(stmt).scalar() or 0)

    def incident(self, key: int | str) -> dict[str, Any] | None:
        """One incident: its full record fields, the row fields above, `document` {id, doc, title,
        published, url}, `reports` [{doc, incident}], and `evidence_text` (the evidence spans' text)."""
        i = t.incidents.c
        by_id = isinstance(key, int) or (isinstance(key, str) and key.isdigit())
        stmt = self.select_incidents(order=None, with_record=True,
                                     where=[i.id == int(key) if by_id else i.uid == key])
        with self.engine.connect() as conn:
            row = conn.execute(stmt).first()
            if row is None:
                return None
            text = conn.execute(sa.select(t.documents.c.text).where(t.documents.c.id == row.document_id)).scalar() or ""
        m = _plain_row(row)
        out = dict(m.pop("record") or {})
        out.update(m)
        out["document"] = {"id": m["document_id"], "doc": m["doc"], "title": m["title"],
                           "published": m["published"], "url": m["url"]}
        out["reports"] = [{"doc": m["doc"], "incident": m["idx"]}]
        merged = self.merged_incident(int(m["id"]))
        out["merged_id"] = merged["id"] if merged else None
        if merged:                          # every report of the event, this one among them
            out["reports"] = [{"doc": r["doc"], "incident": r["incident"]} for r in merged["reports"]]
        spans = []
        for span in out.get("evidence") or []:
            try:
                s, e = int(span[0]), int(span[1])
            except (TypeError, ValueError, IndexError):
                continue
            spans.append(text[s:e])
        out["evidence_text"] = spans
        return out

    # ------------------------------------------------------------------ documents
    def _document_row(self, key: int | str) -> dict[str, Any] | None:
        d = t.documents.c
        with self.engine.connect() as conn:
            if isinstance(key, int) or (isinstance(key, str) and key.isdigit()):
                row = conn.execute(sa.select(t.documents).where(d.id == int(key))).first()
                if row is not None or isinstance(key, int):
                    return _plain_row(row) if row else None
            row = conn.execute(sa.select(t.documents).where(d.doc == key)
                               .order_by((d.status == "ok").desc(), d.id.desc())).first()
            if row is None:
                row = conn.execute(sa.select(t.documents).where(d.content_hash == key)).first()
        return _plain_row(row) if row else None

    def document(self, key: int | str) -> dict[str, Any] | None:
        """One document by id, `doc` name or content hash: the row fields (id, doc, content_hash,
        status, stage, error, title, published, url, text, ingested_at, n_incidents), `record`
        (the full DocumentRecord dict, text included; None when failed) and `incidents` (rows)."""
        row = self._document_row(key)
        if row is None:
            return None
        if row.get("record") is not None:
            row["record"] = dict(row["record"], text=row.get("text") or "")
        row["incidents"] = self.incidents(document_id=row["id"], limit=None, order="id")
        return row

    # every list below is a page of one filtered query; its count_* twin counts the same filter
    def _rows(self, stmt: sa.Select, limit: int | None, offset: int) -> list[dict[str, Any]]:
        if limit is not None:
            stmt = stmt.limit(limit)
        if offset:
            stmt = stmt.offset(offset)
        with self.engine.connect() as conn:
            return [_plain_row(r) for r in conn.execute(stmt)]

    def _count(self, stmt: sa.Select) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(stmt.subquery())).scalar() or 0)

    @staticmethod
    def _documents_where(status: str | None) -> list[Any]:
        return [t.documents.c.status == status] if status else []

    def documents(self, *, status: str | None = None, limit: int | None = 50, offset: int = 0) -> list[dict[str, Any]]:
        d = t.documents.c
        stmt = (sa.select(d.id, d.doc, d.status, d.stage, d.error, d.title, d.published, d.url,
                          d.n_incidents, d.ingested_at).where(*self._documents_where(status)).order_by(d.id))
        return self._rows(stmt, limit, offset)

    def count_documents(self, status: str | None = None) -> int:
        return self._count(sa.select(t.documents.c.id).where(*self._documents_where(status)))

    # ------------------------------------------------------------------ entities, facts, quotes
    @staticmethod
    def _entities_where(type: str | Sequence[str] | None, q: str | None) -> list[Any]:
        e = t.entities.c
        where: list[Any] = []
        types = [x for x in _list(type) if x]
        if types:
            where.append(e.type.in_(types))
        if q:
            where.append(e.key.like("%" + _escape_like(lemmas.fold(q)) + "%", escape="\\"))
        return where

    def entities(self, *, type: str | Sequence[str] | None = None, q: str | None = None,
                 limit: int | None = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Entities grouped by (type, normal form): type, normal, key, mentions, documents; most
        widely reported first. `q` is a case-insensitive substring of the normal form."""
        e = t.entities.c
        stmt = (sa.select(e.type, e.key, sa.func.max(sa.func.coalesce(e.normal, e.text)).label("normal"),
                          sa.func.count().label("mentions"),
                          sa.func.count(sa.distinct(e.document_id)).label("documents"))
                .where(*self._entities_where(type, q)).group_by(e.type, e.key)
                .order_by(sa.desc("documents"), sa.desc("mentions"), e.key))
        return self._rows(stmt, limit, offset)

    def count_entities(self, *, type: str | Sequence[str] | None = None, q: str | None = None) -> int:
        """How many groups `entities` lists for these arguments."""
        e = t.entities.c
        return self._count(sa.select(e.type, e.key).where(*self._entities_where(type, q)).group_by(e.type, e.key))

    def entity_types(self) -> list[str]:
        e = t.entities.c
        with self.engine.connect() as conn:
            return list(conn.execute(sa.select(e.type).distinct().order_by(e.type)).scalars())

    @staticmethod
    def _mentions_where(normal: str, type: str | None) -> list[Any]:
        e = t.entities.c
        return [e.key == lemmas.fold(normal)] + ([e.type == type] if type else [])

    def entity_mentions(self, normal: str, *, type: str | None = None, limit: int | None = 200,
                        offset: int = 0) -> list[dict[str, Any]]:
        """Mentions of one entity (matched on its normal form, case-insensitive): type, start, end,
        text, normal, document_id, doc, title, published."""
        e, d = t.entities.c, t.documents.c
        stmt = (sa.select(e.type, e.start, e.end, e.text, e.normal, e.document_id, d.doc, d.title, d.published)
                .select_from(t.entities.join(t.documents, d.id == e.document_id))
                .where(*self._mentions_where(normal, type)).order_by(d.published.desc().nulls_last(), d.id, e.start))
        return self._rows(stmt, limit, offset)

    def count_entity_mentions(self, normal: str, *, type: str | None = None) -> int:
        return self._count(sa.select(t.entities.c.id).where(*self._mentions_where(normal, type)))

    @staticmethod
    def _facts_where(kind: str | Sequence[str] | None, document_id: int | None) -> list[Any]:
        f = t.facts.c
        kinds = [k for k in _list(kind) if k]
        return ([f.kind.in_(kinds)] if kinds else []) + \
            ([f.document_id == int(document_id)] if document_id is not None else [])

    def facts(self, *, kind: str | Sequence[str] | None = None, document_id: int | None = None,
              limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Facts: the record's fields plus id, document_id, doc, title, published."""
        f, d = t.facts.c, t.documents.c
        stmt = (sa.select(f.id, f.document_id, f.record, d.doc, d.title, d.published)
                .select_from(t.facts.join(t.documents, d.id == f.document_id))
                .where(*self._facts_where(kind, document_id)).order_by(d.published.desc().nulls_last(), f.id))
        out = []
        for m in self._rows(stmt, limit, offset):
            item = dict(m.pop("record") or {})
            item.update(m)
            out.append(item)
        return out

    def count_facts(self, *, kind: str | Sequence[str] | None = None, document_id: int | None = None) -> int:
        return self._count(sa.select(t.facts.c.id).where(*self._facts_where(kind, document_id)))

    def fact_kinds(self) -> list[str]:
        f = t.facts.c
        with self.engine.connect() as conn:
            return list(conn.execute(sa.select(f.kind).distinct().order_by(f.kind)).scalars())

    def quotes(self, *, speaker: str | None = None, document_id: int | None = None,
               limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Quotes: speaker, role, start, end, text, id, document_id, doc, title, published.
        `speaker` is a case-insensitive substring."""
        x, d = t.quotes.c, t.documents.c
        stmt = (sa.select(x.id, x.document_id, x.speaker, x.role, x.start, x.end, x.text, d.doc, d.title,
                          d.published)
                .select_from(t.quotes.join(t.documents, d.id == x.document_id))
                .order_by(d.published.desc().nulls_last(), x.id))
        if speaker:
            stmt = stmt.where(x.speaker_key.like("%" + _escape_like(lemmas.fold(speaker)) + "%", escape="\\"))
        if document_id is not None:
            stmt = stmt.where(x.document_id == document_id)
        return self._rows(stmt, limit, offset)

    def stats(self) -> dict[str, Any]:
        """Counts for a dashboard: documents, failed, incidents, entities, facts, quotes, killed,
        wounded, first_date, last_date, by_country, by_type, by_year."""
        d, i, tg = t.documents.c, t.incidents.c, t.incident_tags.c
        with self.engine.connect() as conn:
            def scalar(stmt: Any) -> Any:
                return conn.execute(stmt).scalar()
            by_status = dict(conn.execute(sa.select(d.status, sa.func.count()).group_by(d.status)).all())
            killed, wounded, first, last = conn.execute(sa.select(
                sa.func.sum(i.killed), sa.func.sum(i.wounded), sa.func.min(i.date), sa.func.max(i.date))).one()
            return {
                "documents": int(by_status.get("ok", 0)),
                "failed": int(by_status.get("failed", 0)),
                "incidents": int(scalar(sa.select(sa.func.count()).select_from(t.incidents)) or 0),
                "entities": int(scalar(sa.select(sa.func.count()).select_from(t.entities)) or 0),
                "facts": int(scalar(sa.select(sa.func.count()).select_from(t.facts)) or 0),
                "quotes": int(scalar(sa.select(sa.func.count()).select_from(t.quotes)) or 0),
                "merged_incidents": int(scalar(sa.select(sa.func.count()).select_from(t.merged_incidents)) or 0),
                "killed": int(killed or 0), "wounded": int(wounded or 0),
                "first_date": _iso(first), "last_date": _iso(last),
                "by_country": {k or "": int(v) for k, v in conn.execute(
                    sa.select(i.country, sa.func.count()).group_by(i.country).order_by(sa.func.count().desc()))},
                "by_type": {k: int(v) for k, v in conn.execute(
                    sa.select(tg.value, sa.func.count()).where(tg.kind == "type").group_by(tg.value)
                    .order_by(sa.func.count().desc()))},
                "by_year": {int(k): int(v) for k, v in conn.execute(
                    sa.select(i.year, sa.func.count()).where(i.year.is_not(None)).group_by(i.year).order_by(i.year))},
            }

    # ------------------------------------------------------------------ the corpus view
    def merge(self) -> dict[str, int]:
        """Run the cross-document merge (letopis.incidents.merge) over every stored incident and
        replace merged_incidents/merged_reports with its result, in one transaction: readers see
        the old view or the new one, never half. Ids are numbered in the merge's own order and
        uids come from it, so a re-run over the same documents leaves identical tables.
        Returns {incidents, merged, multi} (multi: merged incidents with more than one report)."""
        from letopis.incidents.merge import Report, merge

        i, d = t.incidents.c, t.documents.c
        stmt = (sa.select(i.id, i.idx, i.record, d.doc, d.published, d.text, d.id.label("document_id"))
                .select_from(t.incidents.join(t.documents, d.id == i.document_id))
                .where(d.status == "ok").order_by(d.doc, d.id, i.idx))
        reports: list[Report] = []
        incident_of: dict[int, int] = {}           # id(Report) → incidents.id
        with self.engine.connect() as conn:
            for r in conn.execution_options(yield_per=1000).execute(stmt):
                inc = dict(r.record or {})
                text = r.text or ""
                spans = []
                for span in inc.get("evidence") or []:
                    try:
                        spans.append(text[int(span[0]):int(span[1])])
                    except (TypeError, ValueError, IndexError):
                        continue
                rep = Report(r.doc, int(r.idx), inc, _iso(r.published), " ".join(spans))
                incident_of[id(rep)] = int(r.id)
                reports.append(rep)
        merged = merge(reports)
        rows, links = [], []
        for n, m in enumerate(merged, 1):
            rec = m.to_dict()
            rec.pop("reports", None)                # rebuilt from merged_reports (current doc names)
            rows.append({"id": n, "uid": m.id, "date": _to_date(rec.get("date")),
                         "country": (rec.get("country") or None) and str(rec["country"]).upper()[:2],
                         "record": _no_nul_json(rec) if self.dialect == "postgresql" else rec})
            links += [{"merged_id": n, "incident_id": incident_of[id(r)]} for r in m.reports]
        with self.engine.begin() as conn:
            if self.dialect == "postgresql":      # two merges at once: the second waits, then rewrites
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(7201002)"))
            conn.execute(t.merged_reports.delete())
            conn.execute(t.merged_incidents.delete())
            for k in range(0, len(rows), 1000):
                conn.execute(t.merged_incidents.insert(), rows[k:k + 1000])
            for k in range(0, len(links), 5000):
                conn.execute(t.merged_reports.insert(), links[k:k + 5000])
        return {"incidents": len(reports), "merged": len(rows),
                "multi": sum(1 for m in merged if len(m.reports) > 1)}

    def unmerged_count(self) -> int:
        """Stored incidents no merge has covered yet."""
        i = t.incidents.c
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(t.incidents)
                                    .where(i.id.not_in(sa.select(t.merged_reports.c.incident_id)))).scalar() or 0)

    def _merged_reports(self, conn: sa.Connection, merged_id: int) -> list[dict[str, Any]]:
        mr, i, d = t.merged_reports.c, t.incidents.c, t.documents.c
        return [{"doc": x.doc, "incident": x.idx, "incident_id": x.id, "uid": x.uid,
                 "published": _iso(x.published), "title": x.title}
                for x in conn.execute(
                    sa.select(d.doc, i.idx, i.id, i.uid, d.published, d.title)
                    .select_from(t.merged_reports.join(t.incidents, i.id == mr.incident_id)
                                 .join(t.documents, d.id == i.document_id))
                    .where(mr.merged_id == merged_id).order_by(d.published.asc().nulls_last(), d.id, i.idx))]

    def merged_incident(self, key: int | str) -> dict[str, Any] | None:
        """The merged incident (spec "Merged incidents") for a merged uid, or for the id/uid of one
        of its document incidents: shown fields, id (uid), reports [{doc, incident, incident_id,
        uid, published, title}], conflicts, values (every source's value with its evidence).
        None when the merge has not covered it."""
        m, mr, i = t.merged_incidents.c, t.merged_reports.c, t.incidents.c
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(m.id, m.uid, m.record).where(m.uid == str(key))).first()
            if row is None:
                member = i.id == int(key) if (isinstance(key, int) or str(key).isdigit()) else i.uid == str(key)
                row = conn.execute(sa.select(m.id, m.uid, m.record)
                                   .select_from(t.merged_incidents.join(t.merged_reports, mr.merged_id == m.id)
                                                .join(t.incidents, i.id == mr.incident_id))
                                   .where(member)).first()
            if row is None:
                return None
            reports = self._merged_reports(conn, row.id)
        if not reports:
            return None
        rec = dict(row.record or {})
        out = _reported(rec, row.uid, reports, rec.get("conflicts") or {})
        out["values"] = rec.get("values") or {}
        return out

    def report_incidents(self, order: str = "date", **filters: Any) -> Iterator[dict[str, Any]]:
        """Incidents in the spec's merged shape ("Merged incidents"): incident fields + id,
        reports [{doc, incident}], conflicts. The merged incidents first (by date), then, one line
        each, the document incidents no merge has covered yet (stored after the last merge, or
        before any): every incident is on exactly one line."""
        with self.engine.connect() as conn:
            merged = conn.execute(sa.select(sa.func.count()).select_from(t.merged_incidents)).scalar()
        if merged:
            yield from self._merged_incidents(**filters)
        covered = sa.select(t.merged_reports.c.incident_id)
        stmt = self.select_incidents(order=order, with_record=True, where=[t.incidents.c.id.not_in(covered)],
                                     **filters)
        with self.engine.connect() as conn:
            for r in conn.execution_options(yield_per=500).execute(stmt):
                inc = dict(r.record or {})
                yield _reported(inc, r.uid, [{"doc": r.doc, "incident": r.idx}], {})

    def _merged_incidents(self, **filters: Any) -> Iterator[dict[str, Any]]:
        # filters apply to member incidents: a merged incident is shown when any report matches
        m, mr, i, d = t.merged_incidents.c, t.merged_reports.c, t.incidents.c, t.documents.c
        members = sa.select(mr.merged_id).select_from(
            t.merged_reports.join(t.incidents, i.id == mr.incident_id)).where(*self.incident_filter(**filters))
        stmt = sa.select(m.id, m.uid, m.record).where(m.id.in_(members)).order_by(m.date.asc().nulls_last(), m.id)
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).all()
            for k in range(0, len(rows), 500):      # reports fetched a page of merged incidents at a time
                page = rows[k:k + 500]
                reports: dict[int, list[dict[str, Any]]] = {}
                for x in conn.execute(
                        sa.select(mr.merged_id, d.doc, i.idx)
                        .select_from(t.merged_reports.join(t.incidents, i.id == mr.incident_id)
                                     .join(t.documents, d.id == i.document_id))
                        .where(mr.merged_id.in_([r.id for r in page]))
                        .order_by(mr.merged_id, d.published.asc().nulls_last(), d.id, i.idx)):
                    reports.setdefault(x.merged_id, []).append({"doc": x.doc, "incident": x.idx})
                for r in page:
                    if r.id not in reports:          # its documents were replaced since the merge
                        continue
                    rec = dict(r.record or {})
                    yield _reported(rec, r.uid, reports[r.id], rec.pop("conflicts", {}) or {})


def _reported(inc: dict[str, Any], uid: str, reports: list[dict[str, Any]],
              conflicts: dict[str, Any]) -> dict[str, Any]:
    out = {"id": uid}
    out.update({k: v for k, v in inc.items() if k not in ("id", "reports", "conflicts")})
    out["reports"] = reports
    out["conflicts"] = conflicts
    return out


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")        # readers (the web app) never block the ingest
    cur.execute("PRAGMA synchronous=NORMAL")      # WAL + NORMAL: durable at checkpoints, fast commits
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


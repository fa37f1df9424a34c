"""The tables, derived from the record (letopis/record.py): one row per document, and flat,
indexed columns for what search, filters, exports and the web app ask of it. The full record
stays in JSON beside them, so nothing the pipeline adds is lost between stages.

Plain SQLAlchemy Core types only (JSON becomes JSONB on PostgreSQL), so a second backend needs
no rewrite. Full-text indexes are backend-specific and live in fts.py.
"""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

# JSON on SQLite, JSONB on PostgreSQL.
Json = sa.JSON().with_variant(JSONB(), "postgresql")

metadata = sa.MetaData()

documents = sa.Table(
    "documents", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("doc", sa.String, nullable=False, index=True),       # the record's name for it
    # sha256 of the decoded text (ok and processing failures); of the bytes, or of the name,
    # for unreadable inputs. Unique, so re-ingesting skips stored documents and a re-run after
    # kill -9 resumes where it stopped.
    sa.Column("content_hash", sa.String(80), nullable=False, unique=True),
    sa.Column("status", sa.String(10), nullable=False, index=True),  # ok | failed
    sa.Column("stage", sa.String(10)),                               # failed at: read | process
    sa.Column("error", sa.Text),
    sa.Column("error_detail", sa.Text),                              # traceback tail
    sa.Column("path", sa.String),                                    # where to re-read it from
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Date, index=True),
    sa.Column("url", sa.Text),
    sa.Column("language", sa.String(8)),
    sa.Column("format", sa.String(16)),
    sa.Column("encoding", sa.String(32)),
    sa.Column("text", sa.Text),
    sa.Column("record", Json),                                       # DocumentRecord.to_dict() less text
    sa.Column("n_incidents", sa.Integer, nullable=False, server_default="0"),
    sa.Column("ingested_at", sa.DateTime, nullable=False),
)

incidents = sa.Table(
    "incidents", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("uid", sa.String(40), nullable=False, unique=True),   # "<hash[:16]>:<idx>", stable across databases
    sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"),
              nullable=False, index=True),
    sa.Column("idx", sa.Integer, nullable=False),                    # index in the record's incidents
    sa.Column("date", sa.Date, index=True),
    sa.Column("year", sa.Integer, index=True),
    sa.Column("month", sa.Integer),
    sa.Column("day", sa.Integer),
    sa.Column("country", sa.String(2), index=True),
    sa.Column("region", sa.Text),
    sa.Column("city", sa.Text),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("types", Json),
    sa.Column("weapons", Json),
    sa.Column("killed", sa.Integer),
    sa.Column("wounded", sa.Integer),
    sa.Column("perpetrators_killed", sa.Integer),
    sa.Column("suicide", sa.Boolean),
    sa.Column("gname", sa.Text),
    sa.Column("summary", sa.Text),
    sa.Column("record", Json),
)

# types and weapons, one row each, so filters are plain indexed joins on every backend.
incident_tags = sa.Table(
    "incident_tags", metadata,
    sa.Column("incident_id", sa.Integer, sa.ForeignKey("incidents.id", ondelete="CASCADE"),
              nullable=False, index=True),
    sa.Column("kind", sa.String(8), nullable=False),                 # type | weapon
    sa.Column("value", sa.String(32), nullable=False),
    sa.Index("ix_incident_tags_kind_value", "kind", "value"),
)

entities = sa.Table(
    "entities", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"),
              nullable=False, index=True),
    sa.Column("type", sa.String(24), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("normal", sa.Text),
    # lower-cased, ё→е form of normal (or text): SQLite's lower() is ASCII-only, so Russian
    # case-insensitive lookups go through this column.
    sa.Column("key", sa.Text, nullable=False),
    sa.Column("source", sa.String(16)),
    sa.Index("ix_entities_type_key", "type", "key"),
    sa.Index("ix_entities_key", "key"),
)

facts = sa.Table(
    "facts", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"),
              nullable=False, index=True),
    sa.Column("kind", sa.String(40), nullable=False, index=True),
    sa.Column("quantity", sa.Float),
    sa.Column("qualifier", sa.String(16)),
    sa.Column("text", sa.Text),
    sa.Column("record", Json),
)

quotes = sa.Table(
    "quotes", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"),
              nullable=False, index=True),
    sa.Column("speaker", sa.Text),
    sa.Column("speaker_key", sa.Text),
    sa.Column("role", sa.Text),
    sa.Column("start", sa.Integer),
    sa.Column("end", sa.Integer),
    sa.Column("text", sa.Text),
)

sources = sa.Table(
    "sources", metadata,
    sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"),
              nullable=False, index=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("relation", sa.String(24)),
)

# The corpus view (spec "Merged incidents"), rewritten whole by Store.merge (after each ingest and
# by `letopis merge`); ids follow the merge's deterministic order. Incidents stored after the last
# merge are exported alone until the next one.
merged_incidents = sa.Table(
    "merged_incidents", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("uid", sa.String(40), nullable=False, unique=True),
    sa.Column("date", sa.Date, index=True),
    sa.Column("country", sa.String(2), index=True),
    sa.Column("record", Json),                 # shown values + "conflicts"
)

merged_reports = sa.Table(
    "merged_reports", metadata,
    sa.Column("merged_id", sa.Integer, sa.ForeignKey("merged_incidents.id", ondelete="CASCADE"),
              nullable=False, index=True),
    sa.Column("incident_id", sa.Integer, sa.ForeignKey("incidents.id", ondelete="CASCADE"),
              nullable=False, index=True),
)

CHILD_TABLES = (entities, facts, quotes, sources)   # per-document rows replaced on re-processing

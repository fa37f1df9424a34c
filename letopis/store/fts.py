"""Full-text indexes, one class per backend behind one small interface.

Both index each word's dictionary forms (lemmas.index_text), title and body apart, so word forms
are found the same way on every backend ("Тараз" finds "Таразе"). SQLite: an FTS5 table keyed by
document id, ranked by bm25. PostgreSQL: one tsvector per document that joins the 'simple'
configuration over those forms (pymorphy2 lemmas beat the snowball stemmer on names such as
"Таразе") with the 'russian' configuration over the raw title and text (the stemmer catches words
pymorphy2 does not know); a query word matches either. Ranked by ts_rank, GIN-indexed.
"""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from letopis.store import query as q


class SqliteFTS:
    def create(self, conn: sa.Connection) -> None:
        # remove_diacritics 0: keep й distinct from и
        conn.execute(sa.text(
            "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
            "title, body, tokenize = 'unicode61 remove_diacritics 0')"))

    def insert(self, conn: sa.Connection, rows: list[dict[str, Any]]) -> None:
        """Index new documents: rows of {id, t, b (word forms of title, body), rt, rb (raw)}."""
        if rows:
            conn.execute(sa.text("INSERT INTO documents_fts (rowid, title, body) VALUES (:id, :t, :b)"),
                         [{"id": r["id"], "t": r["t"], "b": r["b"]} for r in rows])

    def delete(self, conn: sa.Connection, document_id: int) -> None:
        conn.execute(sa.text("DELETE FROM documents_fts WHERE rowid = :id"), {"id": document_id})

    def matches(self, query: q.Query) -> sa.Subquery:
        """(document_id, rank) of matching documents; lower rank is better."""
        return (sa.text("SELECT rowid AS document_id, bm25(documents_fts, 2.0, 1.0) AS rank "
                        "FROM documents_fts WHERE documents_fts MATCH :match")
                .bindparams(match=q.fts5(query))
                .columns(sa.column("document_id", sa.Integer), sa.column("rank", sa.Float))
                .subquery("fts"))


# a tsvector holds at most 1 MiB; the stemmed raw text of a very long document is cut to this
_MAX_RAW = 400_000


class PostgresFTS:
    def create(self, conn: sa.Connection) -> None:
        conn.execute(sa.text(
            "CREATE TABLE IF NOT EXISTS documents_fts (document_id integer PRIMARY KEY "
            "REFERENCES documents(id) ON DELETE CASCADE, tsv tsvector NOT NULL)"))
        conn.execute(sa.text(
            "CREATE INDEX IF NOT EXISTS ix_documents_fts_tsv ON documents_fts USING gin (tsv)"))

    def insert(self, conn: sa.Connection, rows: list[dict[str, Any]]) -> None:
        """Index new documents: rows of {id, t, b (word forms of title, body), rt, rb (raw)}."""
        if rows:
            conn.execute(sa.text(
                "INSERT INTO documents_fts (document_id, tsv) VALUES (:id, "
                "setweight(to_tsvector('simple', :t), 'A') || setweight(to_tsvector('simple', :b), 'B') || "
                "setweight(to_tsvector('russian', :rt), 'C') || setweight(to_tsvector('russian', :rb), 'D'))"),
                [dict(r, rt=r["rt"][:_MAX_RAW], rb=r["rb"][:_MAX_RAW]) for r in rows])

    def delete(self, conn: sa.Connection, document_id: int) -> None:
        conn.execute(sa.text("DELETE FROM documents_fts WHERE document_id = :id"), {"id": document_id})

    def tsquery(self, query: q.Query) -> tuple[str, dict[str, str]]:
        """SQL for the query's tsquery, with its parameters: per word, its forms ('simple') OR its
        'russian' stem; AND within an alternative, OR between alternatives."""
        params: dict[str, str] = {}
        alts = []
        for a, alt in enumerate(query.alternatives):
            terms = []
            for n, term in enumerate(alt):
                key = f"q{a}_{n}"
                params[key] = q.tsquery_term(term)
                sql = f"to_tsquery('simple', :{key})"
                if term.prefix is None and term.forms:
                    params[key + "r"] = term.forms[0]
                    sql = f"({sql} || plainto_tsquery('russian', :{key}r))"
                terms.append(sql)
            alts.append("(" + " && ".join(terms) + ")")
        return " || ".join(alts), params

    def matches(self, query: q.Query) -> sa.Subquery:
        sql, params = self.tsquery(query)
        return (sa.text(f"SELECT document_id, -ts_rank(tsv, query) AS rank "
                        f"FROM documents_fts, ({'SELECT ' + sql + ' AS query'}) AS tq WHERE tsv @@ query")
                .bindparams(**params)
                .columns(sa.column("document_id", sa.Integer), sa.column("rank", sa.Float))
                .subquery("fts"))


def for_dialect(name: str) -> SqliteFTS | PostgresFTS:
    if name == "sqlite":
        return SqliteFTS()
    if name == "postgresql":
        return PostgresFTS()
    raise ValueError(f"no full-text search for the {name} backend (sqlite and postgresql are known)")

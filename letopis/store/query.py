"""Search queries and snippets, the same for every backend.

A query is words, `OR`/`ИЛИ` between alternatives, and `слово*` for a prefix. Each word becomes
the set of its forms (lemmas.forms); a document token matches a word when their sets meet, so
"Тараз" finds "Таразе" and "взрывы" finds "взрыв". Snippets are cut from the raw text around
the densest run of matches, with the matched words' offsets so callers can highlight them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from letopis.store import lemmas

_OR = {"or", "или", "|"}
_TERM = re.compile(r"\w+\*?|\|", re.UNICODE)


@dataclass(frozen=True)
class Term:
    forms: tuple[str, ...]          # any of these, or
    prefix: str | None = None       # a prefix ("взрыв*")

    def matches(self, token_forms: tuple[str, ...]) -> bool:
        if self.prefix is not None:
            return token_forms[0].startswith(self.prefix)
        return any(f in self.forms for f in token_forms)


@dataclass
class Query:
    alternatives: list[list[Term]] = field(default_factory=list)   # OR of ANDs

    @property
    def empty(self) -> bool:
        return not any(self.alternatives)

    @property
    def terms(self) -> list[Term]:
        return [t for alt in self.alternatives for t in alt]


def parse(text: str) -> Query:
    alts: list[list[Term]] = [[]]
    for raw in _TERM.findall(text or ""):
        if raw.lower() in _OR:
            if alts[-1]:
                alts.append([])
            continue
        if raw.endswith("*"):
            stem = lemmas.fold(raw[:-1])
            if stem:
                alts[-1].append(Term(forms=(stem,), prefix=stem))
            continue
        alts[-1].append(Term(forms=lemmas.forms(raw)))
    return Query([a for a in alts if a])


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def fts5(query: Query) -> str:
    """The SQLite FTS5 MATCH expression."""
    def term(t: Term) -> str:
        if t.prefix is not None:
            return _quote(t.prefix) + "*"
        return "(" + " OR ".join(_quote(f) for f in t.forms) + ")"
    return " OR ".join("(" + " AND ".join(term(t) for t in alt) + ")" for alt in query.alternatives)


def _tsword(w: str) -> str:
    return "'" + w.replace("'", "''").replace("\\", "") + "'"


def tsquery_term(t: Term) -> str:
    """One word's to_tsquery('simple', ...) expression over the indexed forms."""
    if t.prefix is not None:
        return _tsword(t.prefix) + ":*"
    return "(" + " | ".join(_tsword(f) for f in t.forms) + ")"


def tsquery(query: Query) -> str:
    """The PostgreSQL to_tsquery('simple', ...) expression over the same indexed forms."""
    return " | ".join("(" + " & ".join(tsquery_term(t) for t in alt) + ")" for alt in query.alternatives)


@dataclass
class Snippet:
    text: str
    start: int                           # offset of the snippet in the document text
    marks: list[tuple[int, int]]         # matched words, offsets into `text`
    prefix: bool                         # text was cut on the left ("…")
    suffix: bool

    def marked(self, open_: str = "[", close: str = "]", escape=lambda s: s) -> str:  # type: ignore[no-untyped-def]
        out, pos = [], 0
        for s, e in self.marks:
            out += [escape(self.text[pos:s]), open_, escape(self.text[s:e]), close]
            pos = e
        out.append(escape(self.text[pos:]))
        return ("…" if self.prefix else "") + "".join(out) + ("…" if self.suffix else "")


def snippet(text: str, query: Query, width: int = 240) -> Snippet:
    text = text or ""
    terms = query.terms
    hits: list[tuple[int, int, int]] = []        # start, end, term index
    for s, e, w in lemmas.tokens(text):
        f = lemmas.forms(w)
        for i, t in enumerate(terms):
            if t.matches(f):
                hits.append((s, e, i))
                break
    if hits:
        # the window (of `width` chars from some hit) holding the most distinct terms, then most hits
        best, best_key = 0, (-1, -1)
        for i, (s, _, _) in enumerate(hits):
            inside = [h for h in hits[i:] if h[1] <= s + width * 2 // 3]
            key = (len({h[2] for h in inside}), len(inside))
            if key > best_key:
                best, best_key = i, key
        anchor = hits[best][0]
        start = max(0, anchor - width // 3)
    else:
        start = 0
    end = min(len(text), start + width)
    # widen to word boundaries, so no word is cut
    floor = max(0, start - 40)
    while start > floor and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace() and end - start < width + 40:
        end += 1
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    start += lead
    marks = [(s - start, e - start) for s, e, _ in hits if s >= start and e <= start + len(piece)]
    # line breaks become spaces (same length, so marks still fit)
    return Snippet(piece.replace("\n", " ").replace("\r", " "), start, marks,
                   prefix=start > 0, suffix=start + len(piece) < len(text))

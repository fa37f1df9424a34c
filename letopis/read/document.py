"""What the read stage hands on: one decoded document and where its parts are."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

Span = tuple[int, int]


class ReadError(Exception):
    """A document that cannot be read; the batch records it and goes on."""

    def __init__(self, doc: str, message: str):
        super().__init__(f"{doc}: {message}")
        self.doc = doc
        self.message = message


@dataclass
class Document:
    doc: str                       # the name records carry (file name, url, or file:line for JSONL)
    text: str                      # decoded text; every offset downstream points into it
    title: str | None = None
    title_span: Span | None = None
    published: date | None = None
    url: str | None = None
    encoding: str | None = None
    format: str = "text"           # text | html | jsonl
    boilerplate: list[Span] = field(default_factory=list)   # promos, "Читайте также", bylines
    path: str | None = None
    dateline_span: Span | None = None   # a line such as "05/08/2008 10:35" that gave `published`
    site: str | None = None             # the publisher a page's or record's metadata names ("Vlast.kz")
    warnings: list[str] = field(default_factory=list)       # read problems that did not stop the document

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

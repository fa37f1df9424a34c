"""Read stage: files, folders, globs, stdin, HTML and JSONL → Documents with offsets into the
decoded text (title line, dateline, boilerplate spans); bad input → ReadError, never a crash."""
from __future__ import annotations

from letopis.read.document import Document, ReadError, Span
from letopis.read.reader import (DEFAULT_MAX_BYTES, iter_documents, read_bytes, read_path,
                                 read_record, read_text)

__all__ = ["DEFAULT_MAX_BYTES", "Document", "ReadError", "Span", "iter_documents", "read_bytes",
           "read_path", "read_record", "read_text"]

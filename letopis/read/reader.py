"""Text, bytes, files, folders, globs and stdin → Documents (or ReadErrors, never a crashed batch)."""
from __future__ import annotations

import glob
import json
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from letopis.read import layout
from letopis.read.dates import find_dateline, find_footer_date, find_url_date, parse_date
from letopis.read.decode import decode
from letopis.read.document import Document, ReadError
from letopis.read.html import declared_charset, extract, looks_like_html

DEFAULT_MAX_BYTES = 20_000_000
STDIN = "-"
STDIN_DOC = "<stdin>"
# Extensions taken when walking a folder (a file named explicitly is read whatever its name).
# .json is left out: folders such as the seeds keep metadata (expected.json) next to the texts.
TEXT_EXT = {".txt", ".text"}
HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_EXT = {".jsonl", ".ndjson"}
JSON_EXT = {".json"}
WALK_EXT = TEXT_EXT | HTML_EXT | JSONL_EXT
TEXT_FIELDS = ("text", "content", "body", "article", "html")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("published", "date", "published_at", "pub_date", "datetime", "time")
URL_FIELDS = ("url", "link", "source_url")
SITE_FIELDS = ("site", "source", "publisher", "sitename", "site_name")

DateLike = date | str | None


def max_bytes_default() -> int:
    """20 MB, or LETOPIS_MAX_BYTES from the environment."""
    value = os.environ.get("LETOPIS_MAX_BYTES")
    return int(value) if value and value.isdigit() else DEFAULT_MAX_BYTES


def _too_large(doc: str, size: int, limit: int) -> ReadError:
    return ReadError(doc, f"file is {size / 1e6:.1f} MB, over the {limit / 1e6:g} MB limit; "
                          f"split it or raise --max-bytes")


def read_text(text: str, doc: str = "<text>", published: DateLike = None, title: str | None = None,
              url: str | None = None, *, encoding: str | None = None, format: str = "text",
              path: str | None = None, warnings: list[str] | None = None) -> Document:
    """A plain text as a Document: boilerplate spans, title line, dateline → published.
    PUBLISHED and TITLE, when given, win over what the text suggests."""
    given_date = parse_date(published)
    boilerplate = layout.boilerplate_spans(text)
    title_span = None
    top = over = None
    if title:
        first = layout.first_lines(text, boilerplate, limit=1)
        if first and layout.same_title(text[first[0][0]:first[0][1]], title):
            title_span = first[0]
    else:
        # a date line over the title ("12.03.2019 14:20" and then the headline) is no title
        top = find_dateline(text, 0)
        first = layout.first_lines(text, boilerplate, limit=1)
        over = [top[1]] if top and first and top[1][0] == first[0][0] else []
        title_span = layout.find_title(text, boilerplate + over)
        if title_span:
            title = text[title_span[0]:title_span[1]]
    dateline = find_dateline(text, title_span[1] if title_span else 0)
    # (the date line over the title dates the story when the line under it gives no year: "14 ноября 2024,
    # 11:52" / headline / "ПЕРМЬ, 14 ноября. /ТАСС/.")
    if over and (dateline is None or dateline[0] is None and top[0] is not None):
        dateline = top
    if dateline and layout.covered(dateline[1], boilerplate):
        dateline = None
    if dateline is None:                              # "Опубликовано: 03.04.2021, 18:42" under the article
        dateline = find_footer_date(text)
    if dateline is None:                              # "https://www.fontanka.ru/2022/03/15/70511234/"
        dateline = find_url_date(text)
    return Document(doc=doc, text=text, title=title or None, title_span=title_span,
                    published=given_date or (dateline[0] if dateline else None), url=url,
                    encoding=encoding, format=format, boilerplate=boilerplate, path=path,
                    dateline_span=dateline[1] if dateline else None,
                    warnings=list(warnings or []))


def _kind(hint: str | None) -> str | None:
    """'html' | 'text' | 'jsonl' | 'json' from a hint such as 'html', '.htm' or 'page.html'."""
    if not hint:
        return None
    hint = hint.lower()
    ext = hint if hint.startswith(".") else os.path.splitext(hint)[1] or "." + hint
    for kind, exts in (("text", TEXT_EXT), ("html", HTML_EXT), ("jsonl", JSONL_EXT),
                       ("json", JSON_EXT)):
        if ext in exts or hint == kind:
            return kind
    return None


def read_bytes(data: bytes, doc: str, published: DateLike = None, hint: str | None = None, *,
               max_bytes: int | None = None, url: str | None = None, title: str | None = None,
               path: str | None = None) -> Document:
    """One text or HTML document from raw bytes; ReadError when it cannot be read."""
    limit = max_bytes or max_bytes_default()
    if len(data) > limit:
        raise _too_large(doc, len(data), limit)
    kind = _kind(hint)
    if kind in ("jsonl", "json"):
        raise ReadError(doc, f"{kind} holds many documents; read it with iter_documents")
    html = kind == "html" or (kind is None and looks_like_html(
        data[:2048].decode("latin-1")))
    text, encoding, warnings = decode(data, doc, declared_charset(data) if html else None)
    if kind is None and not html and looks_like_html(text[:2048]):
        html = True   # UTF-16 pages only show their tags after decoding
    if not html:
        return read_text(text, doc, published, title, url, encoding=encoding, path=path,
                         warnings=warnings)
    return _from_html(text, doc, published, title, url, encoding, path, warnings)


def _from_html(html: str, doc: str, published: DateLike, title: str | None, url: str | None,
               encoding: str | None, path: str | None, warnings: list[str], site: str | None = None) -> Document:
    page = extract(html, url)
    warnings = warnings + page.warnings
    if not page.text.strip():
        raise ReadError(doc, "HTML page has no text")
    page_date = None
    if page.date and not published:
        try:
            page_date = parse_date(page.date)
        except ValueError:
            warnings.append(f"unreadable page date {page.date!r}")
    document = read_text(page.text, doc, published or page_date, title or page.title,
                         url or page.url, encoding=encoding, format="html", path=path,
                         warnings=warnings)
    document.site = site or page.site
    return document


# --------------------------------------------------------------------------- JSON records

def _field(record: dict, names: tuple[str, ...]):
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return name, value
    return None, None


def read_record(record: object, doc: str, published: DateLike = None, path: str | None = None,
                fmt: str = "jsonl") -> Document:
    """One JSON object {text|content|body|html, title, published|date, url} → Document.
    The record's own date wins over PUBLISHED (a batch-wide default)."""
    if not isinstance(record, dict):
        raise ReadError(doc, f"expected a JSON object, got {type(record).__name__}")
    key, text = _field(record, TEXT_FIELDS)
    if not isinstance(text, str) or not text.strip():
        raise ReadError(doc, f"no text: the record needs one of the fields {', '.join(TEXT_FIELDS)}")
    _, title = _field(record, TITLE_FIELDS)
    _, url = _field(record, URL_FIELDS)
    _, site = _field(record, SITE_FIELDS)
    site = _site_name(site)
    _, own_date = _field(record, DATE_FIELDS)
    warnings: list[str] = []
    when: DateLike = published
    if own_date is not None:
        try:
            when = parse_date(str(own_date))
        except ValueError:
            warnings.append(f"unreadable date {own_date!r}; ignored")
    title = str(title) if title is not None else None
    url = str(url) if url is not None else None
    if key == "html" or looks_like_html(text[:2048]):
        return _from_html(text, doc, when, title, url, None, path, warnings, site)
    document = read_text(text, doc, when, title, url, encoding="utf-8", format=fmt, path=path,
                         warnings=warnings)
    document.site = site
    return document


def _site_name(value: object) -> str | None:
    """A record's publisher field: a name ("Tengrinews.kz"), or a URL whose host names the site."""
    if not isinstance(value, str) or not value.strip():
        return None
    if "://" in value:
        from urllib.parse import urlparse
        host = urlparse(value.strip()).hostname or ""
        return host.removeprefix("www.") or None
    return value.strip()


def _record_doc(record: object, fallback: str) -> str:
    """The record's own name: doc, then id, then url, else FILE:LINE."""
    if isinstance(record, dict):
        for key in ("doc", "id", "url"):
            value = record.get(key)
            if value not in (None, ""):
                return str(value)
    return fallback


def _jsonl_lines(lines: Iterable[bytes], name: str, published: DateLike, path: str | None,
                 limit: int) -> Iterator[Document | ReadError]:
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        where = f"{name}:{number}"
        try:
            if len(raw) > limit:
                raise _too_large(where, len(raw), limit)
            text, _, _ = decode(raw, where)
            try:
                record = json.loads(text)
            except json.JSONDecodeError as err:
                raise ReadError(where, f"bad JSON: {err.msg} at column {err.colno}") from None
            yield read_record(record, _record_doc(record, where), published, path)
        except ReadError as err:
            yield err


def _json_records(data: bytes, name: str, published: DateLike,
                  path: str | None) -> Iterator[Document | ReadError]:
    text, _, _ = decode(data, name)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        raise ReadError(name, f"bad JSON: {err.msg} at line {err.lineno} column {err.colno}") from None
    records = value if isinstance(value, list) else [value]
    for i, record in enumerate(records):
        where = f"{name}[{i}]" if isinstance(value, list) else name
        try:
            yield read_record(record, _record_doc(record, where), published, path, fmt="json")
        except ReadError as err:
            yield err


# --------------------------------------------------------------------------- files

def _read_limited(stream, doc: str, limit: int) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise ReadError(doc, f"input is over the {limit / 1e6:g} MB limit; split it or raise "
                             f"--max-bytes")
    return data


def _sniff_records(data: bytes) -> str | None:
    """'jsonl' / 'json' when stdin carries JSON records rather than a text."""
    head = data.lstrip()[:1]
    if head == b"[":
        return "json"
    if head == b"{":
        first = data.lstrip().split(b"\n", 1)[0]
        try:
            return "jsonl" if isinstance(json.loads(first), dict) else None
        except ValueError:
            return "json"
    return None


def _file_documents(path: str, name: str, published: DateLike,
                    limit: int) -> Iterator[Document | ReadError]:
    """Every document of one file (or stdin): one for text/HTML, one per record for JSON(L)."""
    if path == STDIN:
        data = _read_limited(sys.stdin.buffer, name, limit)
        kind = _sniff_records(data)
        if kind == "jsonl":
            yield from _jsonl_lines(data.splitlines(), name, published, None, limit)
        elif kind == "json":
            yield from _json_records(data, name, published, None)
        else:
            yield read_bytes(data, name, published, max_bytes=limit)
        return
    kind = _kind(path)
    if kind == "jsonl":
        with open(path, "rb") as fh:
            yield from _jsonl_lines(fh, name, published, path, limit)
        return
    size = os.path.getsize(path)
    if size > limit:
        raise _too_large(name, size, limit)
    with open(path, "rb") as fh:
        data = fh.read()
    if kind == "json":
        yield from _json_records(data, name, published, path)
    else:
        yield read_bytes(data, name, published, kind, max_bytes=limit, path=path)


def read_path(path: str | Path, published: DateLike = None, *,
              max_bytes: int | None = None) -> list[Document]:
    """The documents of one file ("-" for stdin): one for a text or HTML page, one per record
    for JSONL/JSON. Strict: raises the first ReadError (iter_documents is the tolerant one)."""
    path = str(path)
    name = STDIN_DOC if path == STDIN else os.path.basename(path)
    out = []
    try:
        for item in _file_documents(path, name, published, max_bytes or max_bytes_default()):
            if isinstance(item, ReadError):
                raise item
            out.append(item)
    except OSError as err:
        raise ReadError(name, _os_message(err)) from None
    return out


def _os_message(err: OSError) -> str:
    return f"cannot read: {err.strerror or err}"


def _walk(root: str, recursive: bool) -> Iterator[tuple[str, str]]:
    """(path, name relative to ROOT) of readable files under ROOT, hidden ones skipped, sorted."""
    for current, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        if not recursive:
            dirs[:] = []
        for file in sorted(files):
            if file.startswith(".") or os.path.splitext(file)[1].lower() not in WALK_EXT:
                continue
            full = os.path.join(current, file)
            yield full, os.path.relpath(full, root)


def _expand(arg: str, recursive: bool) -> Iterator[tuple[str, str] | ReadError]:
    if arg == STDIN:
        yield STDIN, STDIN_DOC
    elif os.path.isdir(arg):
        yield from _walk(arg, recursive)
    elif os.path.exists(arg):
        yield arg, os.path.basename(arg)
    elif glob.has_magic(arg):
        matches = sorted(glob.glob(arg, recursive=True))
        files = [m for m in matches if os.path.isfile(m)]
        if not files:
            yield ReadError(arg, "no files match this pattern")
        for match in files:
            yield match, os.path.basename(match)
    else:
        yield ReadError(arg, "no such file or folder")


def iter_documents(paths: Iterable[str | Path], published: DateLike = None, recursive: bool = True,
                   *, max_bytes: int | None = None) -> Iterator[Document | ReadError]:
    """Documents of files, folders, globs and "-" (stdin), in order. A file that cannot be read
    yields a ReadError and the rest go on. A bad PUBLISHED raises ValueError before anything."""
    default_date = parse_date(published)
    limit = max_bytes or max_bytes_default()
    for arg in paths:
        for item in _expand(str(arg), recursive):
            if isinstance(item, ReadError):
                yield item
                continue
            path, name = item
            try:
                yield from _file_documents(path, name, default_date, limit)
            except ReadError as err:
                yield _at(err, path)
            except OSError as err:
                yield _at(ReadError(name, _os_message(err)), path)
            except Exception as err:  # noqa: BLE001 - one odd file never stops the batch
                yield _at(ReadError(name, f"unexpected error while reading: {err!r}"), path)


def _at(err: ReadError, path: str) -> ReadError:
    """The file a read error is about (`err.path`, None for stdin): a retry re-reads it from there."""
    err.path = None if path == STDIN else os.path.abspath(path)  # type: ignore[attr-defined]
    return err

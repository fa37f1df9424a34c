"""HTML pages: main text through trafilatura, title and publication date from the page metadata."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_HTML_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
                         re.I | re.S)
_HTML_TAGS = re.compile(r"<(?:head|body|meta|title|div|p|article)[\s>/]", re.I)


def declared_charset(data: bytes) -> str | None:
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "ignore") if m else None


def looks_like_html(head: str) -> bool:
    """Sniff the first couple of KB: a doctype/<html>, or several typical tags."""
    if _HTML_START.match(head):
        return True
    return head.lstrip().startswith("<") and len(_HTML_TAGS.findall(head)) >= 2


@dataclass
class Page:
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    site: str | None = None          # the site's own name ("og:site_name"): the publisher
    warnings: list[str] = field(default_factory=list)


def extract(html: str, url: str | None = None) -> Page:
    """Main text (paragraphs one per line), title and date; falls back to all visible text."""
    import trafilatura

    warnings: list[str] = []
    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False, deduplicate=False,
        # Only dates the page states as its own: no guessing from dates in the body text.
        date_extraction_params={"extensive_search": False, "original_date": True})
    text = (getattr(result, "text", None) or "") if result is not None else ""
    title = getattr(result, "title", None) if result is not None else None
    pub = getattr(result, "date", None) if result is not None else None
    page_url = getattr(result, "url", None) if result is not None else None
    site = getattr(result, "sitename", None) if result is not None else None
    if not text.strip():
        text = trafilatura.html2txt(html) or ""
        if text.strip():
            warnings.append("no main text found in the HTML; using all visible text")
        if title is None:
            meta = trafilatura.extract_metadata(html)
            title = getattr(meta, "title", None) if meta else None
    return Page(text=text, title=title or None, date=pub or None, url=page_url or url,
                site=site or None, warnings=warnings)

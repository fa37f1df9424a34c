"""Where the parts of a plain text are: title line, boilerplate lines/sentences. Offsets only;
the text itself is never changed."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from letopis.read.document import Span

TABLE = Path(__file__).with_name("boilerplate.txt")
WHOLE_LINE_MAX = 200     # a promo at the start of a line this short takes the whole line
NEXT_LINE_MAX = 150      # the headline after "Читайте также:" is at most this long
TITLE_MAX = 150          # a title is a short first line; a longer one is a lead paragraph
TITLE_TWO_SENTENCES_MAX = 100

# A sentence boundary inside a line: end punctuation (not an initial, "А. Г. Николаев"),
# space, a capital/digit/quote.
_SENTENCE_START = re.compile(r"(?<=[.!?…])(?<!\b[А-ЯЁA-Z]\.)[\s\u00a0]+(?=[«\"„“(\[—–-]?\s?[А-ЯЁA-Z0-9])")
_LINE = re.compile(r"[^\n]+")
_CONTINUES = re.compile(r"[а-яёa-z][а-яёa-z\-]*(?:[\s,;:.)]|$)")
WRAP_MIN = 40            # hard-wrapped lines are 60-80 chars; a shorter first line is a title


@lru_cache(maxsize=1)
def patterns() -> tuple[re.Pattern, re.Pattern]:
    """(any junk pattern, patterns whose following short line is junk too) from the table."""
    every, with_next = [], []
    for raw in TABLE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("+next "):
            line = line[len("+next "):].strip()
            with_next.append(line)
        re.compile(line)  # fail early, naming the bad pattern
        every.append(line)
    flags = re.IGNORECASE
    return (re.compile("|".join(f"(?:{p})" for p in every), flags),
            re.compile("|".join(f"(?:{p})" for p in with_next) or r"(?!)", flags))


def _lines(text: str):
    """(start, end) of each non-blank line, stripped of surrounding whitespace."""
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            yield m.start() + lead, m.start() + lead + len(stripped)


def boilerplate_spans(text: str) -> list[Span]:
    """Spans of junk lines and junk sentences, sorted and merged."""
    junk, with_next = patterns()
    spans: list[Span] = []
    mark_next = False
    for start, end in _lines(text):
        if mark_next:
            mark_next = False
            if end - start <= NEXT_LINE_MAX and not text[start:end].endswith((".", ":")):
                spans.append((start, end))
                continue
        if junk.match(text, start, end):
            if end - start <= WHOLE_LINE_MAX:
                spans.append((start, end))
                # "Читайте также:" alone on its line announces a linked headline below.
                m = with_next.match(text, start, end)
                mark_next = bool(m) and not text[m.end():end].strip(" :—–-\t")
                continue
        # Sentence by sentence: a promo at the end of a real paragraph.
        starts = [start] + [m.end() for m in _SENTENCE_START.finditer(text, start, end)]
        for i, s in enumerate(starts):
            e = starts[i + 1] if i + 1 < len(starts) else end
            if (i or end - start > WHOLE_LINE_MAX) and junk.match(text, s, e):
                spans.append((s, s + len(text[s:e].rstrip())))
    return _merge(text, spans)


def _merge(text: str, spans: list[Span]) -> list[Span]:
    """Join spans separated only by spaces inside one line (two promo sentences → one span)."""
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and (s <= out[-1][1] or (not text[out[-1][1]:s].strip()
                                         and "\n" not in text[out[-1][1]:s])):
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def covered(span: Span, spans: list[Span]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def first_lines(text: str, skip: list[Span], limit: int = 4) -> list[Span]:
    """The first LIMIT non-blank lines not wholly inside a SKIP span."""
    out = []
    for span in _lines(text):
        if not covered(span, skip):
            out.append(span)
            if len(out) >= limit:
                break
    return out


def looks_like_title(line: str, next_line: str | None) -> bool:
    """A short first line that is not a lead paragraph, a wrapped line, a remark or dialogue."""
    if next_line is None or len(line) > TITLE_MAX or len(line) < 3:
        return False
    if line[0] in "—–-" or line[0].islower() or line.endswith((":", ",", ";", "-", "—", "–")):
        return False
    sentences = 1 + len(_SENTENCE_START.findall(line))
    if sentences > 2 or (sentences == 2 and len(line) > TITLE_TWO_SENTENCES_MAX):
        return False
    # A hard-wrapped paragraph: a line near the wrap width stops mid-sentence and the next
    # goes on with a lowercase word ("thumb|left" wiki markup is not a word).
    if (len(line) >= WRAP_MIN and not line.endswith((".", "!", "?", "…", "»", '"'))
            and _CONTINUES.match(next_line)):
        return False
    return True


def find_title(text: str, skip: list[Span]) -> Span | None:
    """The span of the title line, or None when the text starts with its body."""
    lines = first_lines(text, skip, limit=2)
    if not lines:
        return None
    first = text[lines[0][0]:lines[0][1]]
    nxt = text[lines[1][0]:lines[1][1]] if len(lines) > 1 else None
    return lines[0] if looks_like_title(first, nxt) else None


def same_title(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(s.split()).casefold().rstrip(" .!?…")
    return norm(a) == norm(b)

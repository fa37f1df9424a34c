"""Numbers in Russian news text: digits ("2 000", "1,5 тыс.", "2-х") and words in any case
("семи", "трое", "двадцати пяти", "полутора"), with their qualifier ("более 2 тысяч" → 2000,
more_than). Ordinals ("96-й статьи", "второй", "ст. 233") come out with extra {"ordinal": True}.
Years, dates and clock times are not numbers: spans inside a Temporal are skipped, as are ages
("34 лет") and alphanumeric model names ("РПГ-26", "ВАЗ-21099", "Mazda-626").

API: ``find_numbers(analysis)``, ``parse_number(text)`` → (value, qualifier) | None, and
``number_at(text, start)`` → NumberMention | None for the number beginning at an offset.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from letopis.extract.mentions import NumberMention
from letopis.lexicon import read_table


def _num(s: str) -> int | float:
    v = float(s)
    return int(v) if v.is_integer() else v


@lru_cache(maxsize=1)
def numeral_words() -> dict[str, tuple[int | float, str, str]]:
    """form → (value, kind, grammatical number); kinds: card coll ord mult noun."""
    return {r[0]: (_num(r[1]), r[2], r[3] if len(r) > 3 else "") for r in read_table("numerals.tsv")}


@lru_cache(maxsize=1)
def qualifiers() -> dict[str, str]:
    return {r[0]: r[1] for r in read_table("qualifiers.tsv")}


def _alt(words) -> str:
    return "|".join(re.escape(w).replace("е", "[её]") for w in sorted(words, key=len, reverse=True))


def _alt_tree(words) -> str:
    """What _alt(words) matches, as a prefix tree ("дв(?:а|е|ух)..."), trying the forms that fit in the
    same order, longest first (a word that ends where a longer one goes on is tried last). Tables of
    hundreds of forms tried at every word of a text cost a few letters each this way, not every form."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}                                   # a word ends here

    def emit(node: dict) -> str:
        alts = [re.escape(ch).replace("е", "[её]") + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alts.append("")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return emit(tree) if tree else ""


_SP = r"[ \u00a0\u202f\u2009]"          # plain, no-break, narrow no-break and thin spaces
# Abbreviated multipliers; the full words come from the numeral table.
_ABBR = {"тыс": 1000, "млн": 10**6, "млрд": 10**9}
# Case endings written after a hyphen: "2-х", "3-м", "5-ти" are cardinals; "96-й", "2-го" ordinals.
_CARD_SUFFIX = "х|м|ми|ти|ух|ох|ех|ем|ум|ью|мя|ю"
_ORD_SUFFIX = "й|я|е|го|ого|му|ому|ой|ая|ое|ые|ых|ым|ыми|ую|ий|ий|ье|ья|ьи|ьего|ьей"


@lru_cache(maxsize=1)
def _regexes():
    words = numeral_words()
    qual_alt = _alt(qualifiers())
    mult_words = [w for w, (_, k, _n) in words.items() if k == "mult"]
    digit = (rf"\d{{1,3}}(?:{_SP}\d{{3}})+(?:,\d+)?(?!\d)"      # 2 000 / 1 500 000
             r"|\d+(?:[.,]\d+)?")
    mult = rf"(?:(?:{_alt(_ABBR)})\.?|{_alt(mult_words)})"
    # A digit group: not glued to letters or a preceding hyphenated code (РПГ-26, ВАЗ-21099).
    num_digit = re.compile(
        rf"(?<![\w.,/:-])(?<![\w]-)(?P<num>{digit})"
        rf"(?:-(?P<suf>{_ORD_SUFFIX}|{_CARD_SUFFIX})(?![\w-])"
        rf"|{_SP}?[-–—]{_SP}?(?P<num2>\d+)(?:-(?:{_CARD_SUFFIX}))?(?![\w-]))?"   # 5-7 человек
        rf"(?P<mult>{_SP}+{mult}(?![\w-]))?"
        rf"(?![\w]|[-/:]\w|[.,]\d)",
        re.IGNORECASE)
    qual = re.compile(rf"(?<![\w-])(?:{qual_alt})\s*$", re.IGNORECASE)
    return num_digit, qual


def _norm(w: str) -> str:
    return w.lower().replace("ё", "е")


def _combine(items: list[tuple[int | float, str, str]]) -> list[tuple[int, int | float, str, str]]:
    """Group a run of numeral words into numbers: [(n_words, value, kind, gram number), ...].

    A valid cardinal goes down in magnitude (сто двадцать пять), a multiplier closes a class
    (две тысячи триста); anything else starts a new number ("два три" → 2, 3)."""
    out: list[tuple[int, int | float, str, str]] = []
    i = 0
    while i < len(items):
        v, kind, gnum = items[i]
        if kind in ("coll", "noun") or (kind == "mult" and gnum in ("plur", "both")):
            out.append((1, v, kind, gnum))
            i += 1
            continue
        total, current, last, n = 0, 0, None, 0
        is_ord = False
        while i < len(items):
            v, kind, gnum = items[i]
            if kind == "mult":
                if last is None and n == 0:          # "тысяча" / "миллион" alone
                    current = 1
                elif is_ord:
                    break
                total += (current or 1) * v
                current, last, n, i = 0, v, n + 1, i + 1
                continue
            if kind not in ("card", "ord") or is_ord:
                break
            mag = 100 if v >= 100 else 10 if v >= 20 else 1 if v >= 1 else 0
            if last is not None and last < 1000:
                prev_mag = 100 if last >= 100 else 10 if last >= 20 else 1
                if mag >= prev_mag or (prev_mag == 1 and last >= 1):
                    break
            if isinstance(v, float) and n:               # "полтора" only alone
                break
            current += v
            last, n, i = v, n + 1, i + 1
            is_ord = kind == "ord"
            if isinstance(v, float):
                break
        if n == 0:
            i += 1
            continue
        out.append((n, total + current, "ord" if is_ord else "card", ""))
    return out


# A whole word not glued to a hyphen. _word_numbers looks each one up in the numeral table instead of
# running the big alternation regex (num_word) at every position of the text: the same spans (all
# table forms are lower-case single words without "ё"), several times faster.
_WORD_RUN = re.compile(r"(?<![\w-])\w+(?![\w-])")
_SPACE_RUN = re.compile(r"\s+")


def _word_numbers(text: str, start: int, end: int):
    """(start, end, value, kind, gnum) for each number spelled in words in text[start:end]."""
    words = numeral_words()
    run: list[tuple[int, int, tuple[int | float, str, str]]] = []    # numeral words apart by spaces only

    def numbers():
        k = 0
        for n, value, kind, gnum in _combine([item for _, _, item in run]):
            yield run[k][0], run[k + n - 1][1], value, kind, gnum
            k += n

    for m in _WORD_RUN.finditer(text, start, end):
        item = words.get(_norm(m.group()))
        if item is None:
            continue
        if run and not _SPACE_RUN.fullmatch(text, run[-1][1], m.start()):
            yield from numbers()
            run = []
        run.append((m.start(), m.end(), item))
    if run:
        yield from numbers()


def _qualifier(text: str, start: int) -> tuple[str | None, int]:
    """The qualifier phrase ending right before `start` and where it begins."""
    qual = _regexes()[1]
    lo = max(0, start - 40)
    m = qual.search(text, lo, start)
    if not m:
        return None, start
    phrase = re.sub(r"\s+", " ", _norm(m.group()).strip())
    return qualifiers().get(phrase), m.start()


def _digit_value(num: str) -> int | float:
    return _num(re.sub(_SP, "", num).replace(",", "."))


# Words that make the number after them a label, not a quantity: "ст. 233", "№ 5", "ч. 2".
_LABEL = re.compile(r"(?:\b(?:ст|ч|п|пп|стат\w*|част\w*|пункт\w*|дом|д|корп|кв|рейс\w*)\.?|№|N)\s*$",
                    re.IGNORECASE)


_UNIT = re.compile(r"(?:(десят)|сотн|сотен)\w*$", re.I)


def _scan(text: str, start: int = 0, end: int | None = None) -> list[NumberMention]:
    end = len(text) if end is None else end
    num_digit = _regexes()[0]
    words = numeral_words()
    out: list[NumberMention] = []
    for m in num_digit.finditer(text, start, end):
        value = _digit_value(m.group("num"))
        extra: dict = {}
        suf = (m.group("suf") or "").lower()
        if m.group("num2"):
            extra["range"] = [value, _digit_value(m.group("num2"))]
        if m.group("mult"):
            mw = _norm(m.group("mult").strip()).rstrip(".")
            factor = _ABBR.get(mw) or words[mw][0]
            value = _num(round(float(value) * factor, 6))
        if not all(math.isfinite(v) for v in (value, *extra.get("range", ()))):
            continue                 # hundreds of digits overflow a float: no quantity, and not JSON
        if suf and re.fullmatch(_ORD_SUFFIX, suf) and not m.group("mult"):
            extra["ordinal"] = True
        elif _LABEL.search(text, max(0, m.start() - 12), m.start()):
            extra["ordinal"] = True
            extra["label"] = True
        out.append(NumberMention(m.start(), m.end(), m.group(), value, extra=extra))
    for s, e, value, kind, gnum in _word_numbers(text, start, end):
        extra = {}
        qualifier = None
        if kind == "ord":
            extra["ordinal"] = True
        elif kind == "coll":
            extra["collective"] = True
        elif kind in ("noun", "mult") and gnum in ("plur", "both"):
            # "десятки", "сотни людей", "тысячи": vague; the value is the least it can mean
            # ("несколько десятков" likewise); "десятки тысяч" → 20 000. "более сотни" is 100.
            if gnum == "both" and _qualifier(text, s)[0]:
                out.append(NumberMention(s, e, text[s:e], value, None, extra))
                continue
            value, qualifier = value * 2, "vague"
            nxt = re.match(r"\s+(тысяч|миллионов|миллиардов)\b", text[e:e + 20], re.IGNORECASE)
            if nxt:
                value *= words[_norm(nxt.group(1))][0]
                e += nxt.end()
        out.append(NumberMention(s, e, text[s:e], value, qualifier, extra))
    out.sort(key=lambda n: n.start)
    # A digit glued to a plural multiplier word ("2 тысяч") is one number, already merged above;
    # drop word mentions that a digit mention covers.
    kept: list[NumberMention] = []
    for n in out:
        if kept and n.start < kept[-1].end:
            continue
        prev = kept[-1] if kept else None
        unit = _UNIT.match(n.text)
        if prev is not None and unit and not prev.extra and not text[prev.end:n.start].strip() \
                and prev.qualifier != "vague" and isinstance(prev.value, (int, float)):
            # "двух десятков", "полтора десятка", "две сотни": one count, the numeral times the unit
            kept[-1] = NumberMention(prev.start, n.end, text[prev.start:n.end],
                                     _num(round(prev.value * (10 if unit.group(1) else 100), 6)), prev.qualifier)
            continue
        kept.append(n)
    kept = _ranges(text, kept)
    for n in kept:
        if n.qualifier is None and not n.extra.get("ordinal") and "range" not in n.extra:
            q, qs = _qualifier(text, n.start)
            if q:
                n.qualifier = q
                n.extra["qualifier_start"] = qs
    return kept


_FROM = re.compile(r"(?:^|(?<=\s))от\s+$", re.I)
_TO = re.compile(r"\s+до\s+", re.I)


def _ranges(text: str, found: list[NumberMention]) -> list[NumberMention]:
    """"от 20 до 30 человек", "от двух до пяти": one count, its least value, as "20-30" is (the range
    kept in extra, "от" the qualifier's start so that what stands before it is read past it)."""
    out: list[NumberMention] = []
    for n in found:
        prev = out[-1] if out else None
        if prev is not None and _TO.fullmatch(text, prev.end, n.start) and not prev.extra and not n.extra \
                and prev.qualifier is None and n.qualifier is None and prev.value < n.value:
            m = _FROM.search(text, max(0, prev.start - 4), prev.start)
            if m is not None:
                out[-1] = NumberMention(prev.start, n.end, text[prev.start:n.end], prev.value, None,
                                        {"range": [prev.value, n.value], "qualifier_start": m.start()})
                continue
        out.append(n)
    return out


def parse_number(text: str) -> tuple[int | float, str | None] | None:
    """Value and qualifier of a number phrase ('более 2 тысяч' → (2000, 'more_than'),
    'двадцати пяти' → (25, None), '2-х' → (2, None)); None when there is none."""
    found = _scan(text)
    if not found:
        return None
    n = found[0]
    return n.value, n.qualifier


def number_at(text: str, start: int, end: int | None = None) -> NumberMention | None:
    """The number that begins at offset `start` of `text` (e.g. a token's start), or None."""
    stop = min(len(text), start + 80) if end is None else end
    for n in _scan(text, start, stop):
        if n.start == start:
            return n
        break
    return None


def find_numbers(analysis, temporals=None, ages=None) -> list[NumberMention]:
    """Every cardinal/ordinal number of the text, except those inside dates, times and ages.
    Pass `temporals`/`ages` when already computed to save the second pass."""
    if ages is None:
        from letopis.extract.ages import find_ages
        ages = find_ages(analysis)
    if temporals is None:
        from letopis.extract.dates import find_temporals
        temporals = find_temporals(analysis, ages)
    blocked = sorted([(t.start, t.end) for t in temporals] + [(a.start, a.end) for a in ages])
    text = analysis.text
    out = []
    for n in _scan(text):
        if any(s <= n.start and n.end <= e for s, e in blocked):
            continue
        if any(n.start < e and s < n.end for s, e in blocked):
            continue
        if analysis.ignored(n.start, n.end):
            continue
        out.append(n)
    return out

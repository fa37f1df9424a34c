"""One shared pymorphy2 analyser with a per-word cache: lemmas are asked for millions of times."""
from __future__ import annotations

import re
from functools import lru_cache

_MORPH = None


def compat() -> None:
    """pymorphy2 0.9 calls inspect.getargspec, removed in Python 3.11: put a shim back
    (natasha's MorphVocab builds its own analyser, so call this before it too)."""
    import inspect
    if not hasattr(inspect, "getargspec"):
        def getargspec(func):
            spec = inspect.getfullargspec(func)
            return spec.args, spec.varargs, spec.varkw, spec.defaults
        inspect.getargspec = getargspec  # type: ignore[attr-defined]
    # pymorphy2 asks unicodedata.name() of every letter, which raises for letters without a
    # name (Tangut, Khitan, ...): such letters are simply not Latin.
    from pymorphy2 import shapes
    if not getattr(shapes.is_latin_char, "_letopis_safe", False):
        unsafe = shapes.is_latin_char

        def is_latin_char(ch):  # type: ignore[no-untyped-def]
            try:
                return unsafe(ch)
            except ValueError:
                return False
        is_latin_char._letopis_safe = True  # type: ignore[attr-defined]
        shapes.is_latin_char = is_latin_char


def morph():
    global _MORPH
    if _MORPH is None:
        compat()
        import pymorphy2
        try:    # the dictionary's path given directly: finding it through entry points imports
            import pymorphy2_dicts_ru   # pkg_resources, a tenth of a second of every start-up
            _MORPH = pymorphy2.MorphAnalyzer(path=pymorphy2_dicts_ru.get_path())
        except ImportError:
            _MORPH = pymorphy2.MorphAnalyzer()
    return _MORPH


@lru_cache(maxsize=12_000)    # ~0.9 KB a word: the frequent words, bounded for long runs
def parse(word: str):
    """pymorphy2 readings of a word (callers pass it lower-cased); one cache for the whole
    process: nlp, extract and geo all read through here, so no word is parsed twice."""
    return morph().parse(word)


_CYRILLIC = re.compile("[а-яё]").search       # one C-level scan, not a Python loop per letter


def has_cyrillic(w: str) -> bool:
    """A lower-case word with a Russian letter: only such words go to pymorphy2."""
    return _CYRILLIC(w) is not None


@lru_cache(maxsize=15_000)
def lemma_keys(text: str) -> frozenset[str]:
    """Every form a token may be matched by in a word table: its ё-folded lower-case text and the
    lemmas of its readings that share the best reading's part of speech ("после" is no form of
    "посол"). The table matchers and the NER model's table feature both read it; pymorphy computes
    `tag.POS` on each access, so the part of speech is read once per distinct tag string here."""
    low = text.lower().replace("ё", "е")
    if not any("а" <= c <= "я" for c in low):
        return frozenset((low,))
    rs = parse(low)
    pos = [_pos(str(p.tag), p.tag) for p in rs]
    return frozenset([low, *(p.normal_form.replace("ё", "е") for p, x in zip(rs, pos) if x == pos[0])])


_POS: dict[str, str | None] = {}


def _pos(key: str, tag) -> str | None:
    got = _POS.get(key, _POS)
    if got is _POS:     # a plain str: pymorphy's grammeme type compares in Python, ~1 µs each
        pos = tag.POS
        got = _POS[key] = None if pos is None else str(pos)
    return got  # type: ignore[return-value]


@lru_cache(maxsize=30_000)
def analyse(word: str) -> tuple[str, str]:
    """(lemma, tag) of a token as written: one cached call per distinct spelling.
    Only Cyrillic words go to pymorphy; the rest are their own lower-cased lemma, tag ""."""
    w = word.lower()
    if not has_cyrillic(w):
        return w.replace("ё", "е"), ""
    folded = w.replace("ё", "е")      # the lemma reads the ё-folded word, the tag the word as written
    return parse(folded)[0].normal_form.replace("ё", "е"), str(parse(w)[0].tag)


@lru_cache(maxsize=2_000)
def participle_noun(word: str) -> str:
    """A participle as the noun it stands for: "нападавших" → "нападавший", "обвиняемых" → "обвиняемый"
    (its masculine nominative; the lemma of a participle is its verb). "" for other words."""
    p = next((p for p in parse(word.lower()) if p.tag.POS == "PRTF"), None)
    form = p.inflect({"masc", "sing", "nomn"}) if p is not None else None
    return form.word.replace("ё", "е") if form is not None else ""


def lemma(word: str) -> str:
    """Lower-case dictionary form of a word ('Таразе' → 'тараз'); 'ё' folded to 'е'."""
    return analyse(word)[0]


def tag(word: str) -> str:
    return analyse(word)[1]


_WORD_AT = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def dative_only(text: str, at: int) -> bool:
    """The word at `at` can only be a dative ("журналистам", "корреспонденту"): whom a verb addresses."""
    m = _WORD_AT.match(text, at)
    cases = {p.tag.case for p in parse(m.group(0).lower())} if m else set()
    return "datv" in cases and cases <= {"datv", "loct"}

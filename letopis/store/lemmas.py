"""Word forms for full-text search: a document token matches a query word when their sets of
dictionary forms meet ("Таразе" → {таразе, тараз}, "Тараз" → {тараз}).

pymorphy2 often ranks a wrong lemma first for names ("Кариев" → "карий"), so a token keeps every
lemma of its likelier parses, plus its own lower-cased form; the index holds those sets and a
query ORs them. One analyser, created on first use; one cache entry per distinct word.
"""
from __future__ import annotations

import re
from functools import lru_cache

WORD = re.compile(r"\w+", re.UNICODE)
_CYRILLIC = re.compile(r"[а-яё]")
# keep parses at least this likely relative to the best one ("стали": стать .975, сталь .011 → стать only)
_MIN_RELATIVE_SCORE = 0.1
_MAX_LEMMAS = 3

_MORPH = None


def _compat() -> None:
    """pymorphy2 0.9 calls inspect.getargspec, which Python 3.11 removed."""
    import inspect
    if not hasattr(inspect, "getargspec"):
        from collections import namedtuple
        ArgSpec = namedtuple("ArgSpec", "args varargs keywords defaults")

        def getargspec(func):  # type: ignore[no-untyped-def]
            s = inspect.getfullargspec(func)
            return ArgSpec(s.args, s.varargs, s.varkw, s.defaults)

        inspect.getargspec = getargspec  # type: ignore[attr-defined]


def morph():  # type: ignore[no-untyped-def]
    global _MORPH
    if _MORPH is None:
        _compat()
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")        # pkg_resources deprecation inside pymorphy2
            import pymorphy2
            _MORPH = pymorphy2.MorphAnalyzer()
    return _MORPH


def fold(word: str) -> str:
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=300_000)
def forms(word: str) -> tuple[str, ...]:
    """The word's own folded form first, then its likely lemmas (folded), without repeats."""
    w = fold(word)
    out = [w]
    if _CYRILLIC.search(w):
        parses = morph().parse(w)
        if parses:
            best = parses[0].score or 0.0
            for p in parses:
                if (p.score or 0.0) < best * _MIN_RELATIVE_SCORE:
                    continue
                lemma = fold(p.normal_form)
                if lemma not in out:
                    out.append(lemma)
                if len(out) > _MAX_LEMMAS:
                    break
    return tuple(out)


def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) for each word of the text; offsets into it."""
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text or "")]


def index_text(text: str) -> str:
    """What the full-text index holds for a text: each word's forms, space-separated."""
    return " ".join(" ".join(forms(w)) for _, _, w in tokens(text))

"""One shared pymorphy2 analyser with a per-word cache: lemmas are asked for millions of times."""
from __future__ import annotations

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
        _MORPH = pymorphy2.MorphAnalyzer()
    return _MORPH


@lru_cache(maxsize=200_000)
def parse(word: str):
    return morph().parse(word)


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """Lower-case dictionary form of a word ('Таразе' → 'тараз'); 'ё' folded to 'е'."""
    w = word.lower().replace("ё", "е")
    if not any("а" <= c <= "я" for c in w):
        return w
    return parse(w)[0].normal_form.replace("ё", "е")


@lru_cache(maxsize=200_000)
def tag(word: str) -> str:
    w = word.lower()
    if not any("а" <= c <= "я" or c == "ё" for c in w):
        return ""
    return str(parse(w)[0].tag)

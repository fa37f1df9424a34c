"""Word forms for full-text search: a document token matches a query word when their sets of
dictionary forms meet ("Таразе" → {таразе, тараз}, "Тараз" → {тараз}).

pymorphy2 often ranks a wrong lemma first for names ("Кариев" → "карий"), so a token keeps every
lemma of its likelier parses, plus its own lower-cased form; the index holds those sets and a
query ORs them. The analyser is the pipeline's (letopis.nlp.morph); one cache entry per word.
"""
from __future__ import annotations

import re
import warnings
from functools import lru_cache

# pymorphy2 imports pkg_resources, which warns on every run of every command that searches
warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)

WORD = re.compile(r"\w+", re.UNICODE)
_CYRILLIC = re.compile(r"[а-яё]")
# keep parses at least this likely relative to the best one ("стали": стать .975, сталь .011 → стать only)
_MIN_RELATIVE_SCORE = 0.1
_MAX_LEMMAS = 3


def _parse(word: str):  # type: ignore[no-untyped-def]
    """pymorphy2's readings through letopis.nlp.morph: one analyser and one cache per process,
    shared with the pipeline (an ingest worker has parsed most words of the text already).
    Imported here, on first use, so the store loads pymorphy2 only when it indexes or queries."""
    from letopis.nlp import morph
    parse = getattr(morph, "parse", None)
    return parse(word) if parse is not None else morph.morph().parse(word)


def fold(word: str) -> str:
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=100_000)
def forms(word: str) -> tuple[str, ...]:
    """The word's own folded form first, then its likely lemmas (folded), without repeats."""
    w = fold(word)
    out = [w]
    if _CYRILLIC.search(w):
        parses = _parse(w)
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

"""pymorphy2 look-ups for the gazetteer, over the one analyser letopis.nlp.morph keeps."""
from __future__ import annotations

from functools import lru_cache


def morph():
    """The pipeline's analyser (letopis.nlp.morph, which also patches pymorphy2 for 3.11):
    one dictionary in memory."""
    from letopis.nlp.morph import morph as nlp_morph
    return nlp_morph()


def parse(word: str):
    """The pipeline's cached parse: a word the tokeniser already analysed costs nothing here."""
    from letopis.nlp.morph import parse as nlp_parse
    return nlp_parse(word)


@lru_cache(maxsize=10_000)
def geo_weight(word: str) -> tuple[bool, float]:
    """(is a dictionary word, summed score of its Geox parses) for a lower-case word."""
    known = morph().word_is_known(word)
    return known, sum(p.score for p in parse(word) if "Geox" in p.tag) if known else 0.0

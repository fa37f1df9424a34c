"""Segment with razdel, lemmatise with pymorphy2, recognise entities with natasha.

natasha's models load once per process (≈1 s); every call after that is cheap."""
from __future__ import annotations

import re

from letopis.nlp import morph
from letopis.nlp.analysis import Analysis, Sentence, Token
from letopis.read.document import Document
from letopis.record import Entity

_NATASHA = None


def _natasha():
    global _NATASHA
    if _NATASHA is None:
        from natasha import NewsEmbedding, NewsNERTagger
        _NATASHA = NewsNERTagger(NewsEmbedding())
    return _NATASHA


_LINE = re.compile(r"[^\n]+")


def segment(text: str) -> list[Sentence]:
    """Sentences never cross a line break: news titles, datelines and captions end without a full
    stop, and razdel alone would glue them to the first sentence of the story."""
    from razdel import sentenize, tokenize
    sentences = []
    for line in _LINE.finditer(text):
        base = line.start()
        for s in sentenize(line.group(0)):
            if not s.text.strip():
                continue
            tokens = []
            for t in tokenize(s.text):
                start = base + s.start + t.start
                tokens.append(Token(start, start + len(t.text), t.text, morph.lemma(t.text), morph.tag(t.text)))
            sentences.append(Sentence(base + s.start, base + s.stop, tokens))
    return sentences


NATASHA_TYPES = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION"}


def natasha_entities(text: str, sentences: list[Sentence]) -> list[Entity]:
    """natasha NER over our own sentence split (its tagger takes sentence texts and returns
    character spans inside each)."""
    tagger = _natasha()
    kept = [s for s in sentences if s.tokens]
    chunks = [text[s.start:s.end] for s in kept]
    entities: list[Entity] = []
    if not chunks:
        return entities
    for sent, markup in zip(kept, tagger.map(chunks)):
        for span in markup.spans:
            start, end = sent.start + span.start, sent.start + span.stop
            entities.append(Entity(NATASHA_TYPES.get(span.type, span.type), start, end,
                                   text[start:end], source="natasha"))
    return entities


def analyze(document: Document) -> Analysis:
    text = document.text
    sentences = segment(text)
    ignore = list(document.boilerplate)
    dateline = getattr(document, "dateline_span", None)
    if dateline:                      # the publication line is metadata, not part of the story
        ignore.append(tuple(dateline))
    analysis = Analysis(text=text, sentences=sentences, ignore=ignore,
                        published=document.published, title_span=document.title_span)
    entities = [e for e in natasha_entities(text, sentences) if not analysis.ignored(e.start, e.end)]
    from letopis.nlp.entities import refine
    analysis.entities = refine(analysis, entities)
    return analysis

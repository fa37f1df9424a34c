"""The analysed document every extractor reads: sentences, tokens with lemmas, entities."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date

from letopis.record import Entity

Span = tuple[int, int]


@dataclass
class Token:
    start: int
    end: int
    text: str
    lemma: str                     # lower-case dictionary form (pymorphy), or the lower-cased text
    tag: str = ""                  # pymorphy OpencorporaTag as text ("NOUN,anim,masc sing,gent")


@dataclass
class Sentence:
    start: int
    end: int
    tokens: list[Token]


def part_of_speech(tag: str) -> str:
    """The part of speech a token's tag string opens with: "NUMR nomn" and "ADJF plur,gent" have
    no comma after it, "VERB,perf,tran ..." has one."""
    return tag.partition(" ")[0].partition(",")[0]


def grammemes(word: str) -> frozenset[str]:
    """The grammemes of a word's first pymorphy2 reading, its part of speech among them (empty for none): one set
    the callers test ("Name", "Geox", "anim", "plur", "nomn" …). (Here, not in morph.py, whose bytes stamp the
    shipped word table.)"""
    from letopis.nlp.morph import parse
    rs = parse(word.lower())
    return frozenset(str(rs[0].tag).replace(" ", ",").split(",")) if rs else frozenset()


def token_at(tokens: list[Token], offset: int, default: int | None = None) -> int | None:
    """The index of the first token at or after `offset`; `default` when there is none."""
    return next((i for i, t in enumerate(tokens) if t.start >= offset), default)


@dataclass
class Analysis:
    text: str
    sentences: list[Sentence]
    entities: list[Entity] = field(default_factory=list)   # persons, organisations, places
    other_entities: list[Entity] = field(default_factory=list)  # the model's other NEREL types
    ignore: list[Span] = field(default_factory=list)     # boilerplate/title: not part of the story
    published: date | None = None
    title_span: Span | None = None
    dateline: Span | None = None                          # "КЕРЧЬ, 17 октября 2018 года.": metadata, ignored
    site: str | None = None                               # the publisher the page's metadata names

    @property
    def tokens(self) -> list[Token]:
        return [t for s in self.sentences for t in s.tokens]

    def _starts(self) -> list[int]:
        """The sentences' starts, built once: asked for every mention and sentence of the text."""
        starts = self.__dict__.get("_starts_list")
        if starts is None or len(starts) != len(self.sentences):
            starts = self.__dict__["_starts_list"] = [s.start for s in self.sentences]
        return starts

    def index_of(self, sent: Sentence) -> int | None:
        """The position of this very sentence (by identity: two sentences may be equal)."""
        i = bisect.bisect_right(self._starts(), sent.start) - 1
        return i if i >= 0 and self.sentences[i] is sent else None

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self._starts(), offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < max(self.sentences[i].end, offset + 1):
            return self.sentences[i]
        return None

    def ignored(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.ignore)

    def entities_in(self, start: int, end: int, types: tuple[str, ...] | None = None) -> list[Entity]:
        return [e for e in self.entities
                if start <= e.start and e.end <= end and (types is None or e.type in types)]

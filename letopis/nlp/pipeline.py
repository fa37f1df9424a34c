"""Segment with razdel, lemmatise with pymorphy2, recognise entities with our NEREL tagger.

The default recogniser is the trained nested NER of letopis.nlp.nerel (29 NEREL types, numpy,
≈170 docs/s alone on one core). natasha's NewsNERTagger (PER/LOC/ORG) stays selectable: `analyze(doc, ner="natasha")`
or LETOPIS_NER=natasha. Models load once per process (≈0.5 s); every call after that is cheap."""
from __future__ import annotations

import os
import re

from letopis.workers import single_threaded_math

# The taggers run one document at a time: matrices of a few hundred rows, where BLAS threads cost
# more in hand-offs than they gain, and spin against each other on a busy machine or beside
# other workers (10× slower per document measured with a second process on 2 cores). Takes effect
# only when numpy is not loaded yet; explicit settings win.
single_threaded_math()

from letopis.nlp import morph
from letopis.nlp.analysis import Analysis, Sentence, Token
from letopis.read.document import Document
from letopis.record import PLACE_TYPES, Entity

_NATASHA = None

# What refine() types, normalises and what extract/incidents read (analysis.entities); the model's
# other types, and place adjectives ("британской"), go to analysis.other_entities and straight to the record.
CORE_TYPES = frozenset(("PERSON", "ORGANIZATION", "LOCATION", "COUNTRY", "CITY", "STATE_OR_PROVINCE",
                        "DISTRICT"))


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
    from razdel import sentenize
    analyse = morph.analyse
    sentences = []
    for line in _LINE.finditer(text):
        base = line.start()
        for s in sentenize(line.group(0)):
            if not s.text.strip():
                continue
            tokens = []
            off = base + s.start
            for t_start, t_text in _tokenize(s.text):
                start = off + t_start
                lem, tag = analyse(t_text)
                tokens.append(Token(start, start + len(t_text), t_text, lem, tag))
            sentences.append(Sentence(off, base + s.stop, tokens))
    return sentences


def _tokenize(text: str) -> list[tuple[int, str]]:
    """(start, text) of each token of razdel.tokenize(text), the same tokens, about twice as fast:
    razdel builds a rule context (TokenSplit) for every pair of neighbouring atoms, though its rules
    are asked only where two atoms touch ("слово," "2,5" "кто-то"); atoms apart by a space always
    split. Here the context is built for touching atoms only, with razdel's own rules and window."""
    from razdel.segmenters.tokenize import ATOM, Atom, TokenSplit
    from razdel.segmenters.tokenize import tokenize as razdel_tokenize
    matches = list(ATOM.finditer(text))
    atoms: dict[int, Atom] = {}

    def atom(i: int) -> Atom:
        if i not in atoms:
            m = matches[i]
            atoms[i] = Atom(m.start(), m.end(), m.lastgroup, m.group(0))
        return atoms[i]

    out: list[tuple[int, str]] = []
    start, buffer = 0, None
    for i, m in enumerate(matches):
        if buffer is not None:
            if matches[i - 1].end() == m.start() and not _always_split(matches[i - 1], m) \
                    and not _spaced_mark(matches, i):
                split = TokenSplit([atom(j) for j in range(max(0, i - 3), i)], "",
                                   [atom(j) for j in range(i, min(i + 3, len(matches)))])
                split.buffer = buffer
                if razdel_tokenize.join(split):
                    buffer += m.group(0)
                    continue
            out.append((start, buffer))
        start, buffer = m.start(), m.group(0)
    if buffer is not None:
        out.append((start, buffer))
    return out


# razdel's join rules look at dashes, "_", "/", "\\" (joining the atoms around them), "." and ","
# between digits, punctuation next to punctuation, OTHER characters and "yahoo!"; a word or a number
# touching any other punctuation mark is always split, which `_always_split` answers without them
_RULED = "‑–—−-_/\\"
_WORDS = ("RU", "LAT")


def _spaced_mark(matches: list, i: int) -> bool:
    """A comma or full stop after a number with a space after it ends the number: razdel, looking past the
    space at the digits of the next one, glues "Ф-1," and "2019," in "гранаты Ф-1, 120 патронов", "в 2019,
    2020 годах", as though they were "2,5"."""
    m = matches[i]
    return m.group() in ",." and matches[i - 1].lastgroup == "INT" and (
        i + 1 == len(matches) or matches[i + 1].start() > m.end())


def _always_split(a, b) -> bool:
    """Whether razdel's rules would split touching atoms a|b (ATOM matches) whatever surrounds them:
    a word or number, then a punctuation mark none of its rules looks at ("слово," "2011)"), or
    such a mark, then a word or number ("«слово" "(2011"). The rest goes through the rules."""
    ta, tb = a.lastgroup, b.lastgroup
    if tb == "PUNCT":
        punct = b.group()
        return (ta in _WORDS and punct not in _RULED and not (punct == "!" and a.group().lower() == "yahoo")) \
            or (ta == "INT" and punct not in _RULED and punct not in ".,")
    if ta == "PUNCT":
        punct = a.group()
        return (tb in _WORDS and punct not in _RULED) or (tb == "INT" and punct not in _RULED and punct not in ".,")
    return False


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


def tagger():
    """The process-wide NEREL tagger (letopis.nlp.nerel.get_tagger: loaded once, lean navec)."""
    from letopis.nlp.nerel import get_tagger
    return get_tagger()


def model_entities(text: str) -> list[Entity]:
    """The NEREL tagger's nested spans, all 29 types (source="model"). It reads the whole document
    as one sequence, so a span may run over a paragraph break ("Гаваре\n\nПолиция"): names never do.
    A lower-case "place" is an adjective ("британской", "армянском"): NEREL counts it as a mention
    of the country, so it stays an entity, marked `adjective`; analyze() keeps it away from the
    places of the story (the gazetteer would read "армянский" as the town Армянск)."""
    out = []
    for typ, s, e in tagger().tag(text):
        span = text[s:e]
        if "\n" in span:
            continue
        extra = {"adjective": True} if typ in PLACE_TYPES and span[:1].islower() else {}
        out.append(Entity(typ, s, e, span, source="model", extra=extra))
    return out


def recogniser(ner: str | None = None) -> str:
    """"natasha" or "model" (our NEREL tagger, whichever of its models LETOPIS_NER names:
    letopis.nlp.nerel.model_path)."""
    name = (ner or os.environ.get("LETOPIS_NER") or "model").strip()
    if name.lower() == "natasha":
        return "natasha"
    from letopis.nlp.nerel import model_path
    model_path(name)                   # an unknown name fails here, with the values it may take
    return "model"


def analyze(document: Document, ner: str | None = None) -> Analysis:
    text = document.text
    which = recogniser(ner)
    if which == "model":
        try:
            tagger()                   # loading peaks memory: before anything else is resident
        except (FileNotFoundError, ImportError):     # weights absent (mid-retraining): natasha
            which = "natasha"
    sentences = segment(text)
    ignore = list(document.boilerplate)
    dateline = getattr(document, "dateline_span", None)
    if dateline:                      # the publication line is metadata, not part of the story
        ignore.append(tuple(dateline))
    analysis = Analysis(text=text, sentences=sentences, ignore=ignore,
                        published=document.published, title_span=document.title_span,
                        dateline=tuple(dateline) if dateline else None,
                        site=getattr(document, "site", None))
    found = natasha_entities(text, sentences) if which == "natasha" else model_entities(text)
    found = [e for e in found if not analysis.ignored(e.start, e.end)]
    from letopis.nlp.entities import normalize_other, promote_institutions, refine
    promote_institutions(found, text)
    core = [e for e in found if e.type in CORE_TYPES and not e.extra.get("adjective")]
    # ("19-летний палестинец Абдель Хамид Абу Сроур": a nationality places a name the recogniser missed too)
    analysis.entities = refine(analysis, core, roles=[e for e in found if e.type in ("PROFESSION", "NATIONALITY")])
    taken = {id(e) for e in core}
    analysis.other_entities = normalize_other(analysis, [e for e in found if id(e) not in taken])
    return analysis

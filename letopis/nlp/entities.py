"""Turn raw recogniser spans into typed, normalised entities.

* LOCATION spans become COUNTRY / STATE_OR_PROVINCE / CITY where the gazetteer (letopis.geo)
  resolves them, else stay LOCATION.
* Recall: organisation abbreviations from a list (КНБ, МИДа), place names natasha missed
  (pymorphy's Geox words, or the gazetteer), organisations with their place complement
  ("Верховный суд Пакистана", "ДКНБ по Жамбылской области", "британское правительство") are
  added as entities of their own (nested over the parts, source="rule").
* Every entity gets its nominative `normal`; a lone person word ("Байсеитова") takes the
  reading that agrees with a fuller mention of the same person in the document.
"""
from __future__ import annotations

import re

from letopis.nlp import morph
from letopis.nlp.analysis import Analysis, Token
from letopis.record import Entity

LOC_TYPES = ("LOCATION", "COUNTRY", "CITY", "STATE_OR_PROVINCE")
_GEO_KIND = {"country": "COUNTRY", "region": "STATE_OR_PROVINCE", "city": "CITY"}
_GLUED = re.compile(r"^([A-ZА-ЯЁ]{2,})-?(а|у|ом|е)?$")


def _gazetteer():
    try:
        from letopis.geo import get_gazetteer
        return get_gazetteer()
    except Exception:               # geo not there yet, or its data missing: no typing
        return None


def _geo_kind(gaz, *texts: str) -> str | None:
    for t in texts:
        try:
            places = gaz.lookup(t)
        except Exception:
            return None
        for p in places or ():
            kind = _GEO_KIND.get(getattr(p, "kind", None))
            if kind:
                return kind
    return None


def _covered(entities: list[Entity], start: int, end: int) -> bool:
    return any(e.start < end and start < e.end for e in entities)


def _is_geo_word(tok: Token) -> bool:
    parses = morph.parse(tok.text.lower())
    return bool(parses) and "Geox" in parses[0].tag and parses[0].score >= 0.3 \
        and "Name" not in parses[0].tag and "Surn" not in parses[0].tag


def _add_missed(analysis: Analysis, entities: list[Entity]) -> list[Entity]:
    """Organisation abbreviations and geographic names natasha left out."""
    from letopis.nlp.normal import names
    abbrs = names("org_abbr")
    added: list[Entity] = []
    for sent in analysis.sentences:
        for i, tok in enumerate(sent.tokens):
            if _covered(entities, tok.start, tok.end) or analysis.ignored(tok.start, tok.end):
                continue
            m = _GLUED.match(tok.text)
            if m and m.group(1).lower() in abbrs:
                added.append(Entity("ORGANIZATION", tok.start, tok.end, tok.text, source="rule"))
            elif i > 0 and tok.text[:1].isupper() and not tok.text.isupper() and _is_geo_word(tok):
                added.append(Entity("LOCATION", tok.start, tok.end, tok.text, source="rule"))
    return entities + added


def _genitive(word: str) -> bool:
    if word.isupper():
        return True                 # РФ, РК, США: abbreviations do not inflect
    return any(p.tag.case == "gent" for p in morph.parse(word.lower()))


def _add_compounds(analysis: Analysis, entities: list[Entity]) -> list[Entity]:
    """ORG + place in the genitive (or "по" + place) → the organisation of that place;
    institution noun + place, place adjective + institution noun → organisation."""
    from letopis.nlp.normal import names
    inst = names("institutions")
    text = analysis.text
    out = list(entities)
    ents = sorted(entities, key=lambda e: (e.start, -e.end))
    locs = [e for e in ents if e.type in LOC_TYPES]

    def loc_after(pos: int) -> Entity | None:
        gap = re.match(r"\s+(по\s+)?", text[pos:pos + 6])
        if not gap:
            return None
        at = pos + gap.end()
        loc = next((l for l in locs if l.start == at), None)
        if loc and (gap.group(1) or _genitive(loc.text.split()[0])):
            return loc
        return None

    spans = {(e.start, e.end) for e in out}
    for e in ents:
        if e.type == "ORGANIZATION":
            loc = loc_after(e.end)
            if loc and (e.start, loc.end) not in spans:
                out.append(Entity("ORGANIZATION", e.start, loc.end, text[e.start:loc.end], source="rule"))
                spans.add((e.start, loc.end))
    for sent in analysis.sentences:
        toks = sent.tokens
        for i, tok in enumerate(toks):
            if tok.lemma not in inst and tok.text.lower() not in inst:
                continue
            start, end = tok.start, tok.end
            if i + 1 < len(toks) and tok.lemma == "кабинет" and toks[i + 1].lemma == "министр":
                end = toks[i + 1].end
            if i > 0 and toks[i - 1].lemma.endswith("ский") and toks[i - 1].text[:1].islower() and \
                    any(p.tag.POS == "ADJF" for p in morph.parse(toks[i - 1].text.lower())):
                start = toks[i - 1].start
            loc = loc_after(end)
            if loc:
                end = loc.end
            if (start, end) != (tok.start, tok.end) and (start, end) not in spans \
                    and not analysis.ignored(start, end):
                out.append(Entity("ORGANIZATION", start, end, text[start:end], source="rule"))
                spans.add((start, end))
    return out


def _type_places(entities: list[Entity]) -> None:
    gaz = _gazetteer()
    if gaz is None:
        return
    for e in entities:
        if e.type == "LOCATION":
            kind = _geo_kind(gaz, e.normal or e.text, e.text)
            if kind:
                e.type = kind


def _agree_persons(analysis: Analysis, entities: list[Entity]) -> None:
    """A one-word person mention takes the reading a fuller mention confirms
    ("Байсеитова" next to "Жаксыбек Байсеитов" is the masculine genitive)."""
    from letopis.nlp.normal import person_candidates, previous_word
    persons = [e for e in entities if e.type == "PERSON"]
    known = {w.lower() for e in persons if len((e.normal or "").split()) > 1
             for w in (e.normal or "").replace(".", ". ").split() if len(w) > 2}
    for e in persons:
        if len(e.text.split()) != 1 or not known:
            continue
        if (e.normal or "").lower() in known:
            continue
        for cand, _ in person_candidates(e.text, previous_word(analysis, e.start))[:3]:
            if cand.lower() in known:
                e.normal = cand
                break


def refine(analysis: Analysis, entities: list[Entity]) -> list[Entity]:
    from letopis.nlp.normal import normalize
    entities = _add_missed(analysis, entities)
    entities = _add_compounds(analysis, entities)
    for e in entities:
        e.normal = normalize(e, analysis)
    _agree_persons(analysis, entities)
    _type_places(entities)
    return sorted(entities, key=lambda e: (e.start, -e.end))

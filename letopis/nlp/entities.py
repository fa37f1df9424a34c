"""Turn raw recogniser spans (the NEREL model's, or natasha's) into typed, normalised entities.

* Typing repairs over the model's slips: listed organisation abbreviations typed as places
  ("МИДа", "ДВД") are organisations; a "person" of dictionary non-names is a place or an
  organisation ("Лондоном", "Кабмина"); a one-word "person" after "в"/"из" the gazetteer knows is
  a place ("в Гаваре"); a person span holding another person span gives way to it; a "profession"
  headed by a state institution ("Министерство внутренних дел") is an organisation.
* Location types (LOCATION, COUNTRY, CITY, STATE_OR_PROVINCE) take the gazetteer's kind (letopis.geo)
  where it resolves the name; organisations it resolves as places become places.
* Recall: organisation abbreviations from a list (КНБ, МИДа), place names the recogniser missed
  (pymorphy's Geox words, or the gazetteer), organisations with their place complement
  ("Верховный суд Пакистана", "ДКНБ по Жамбылской области", "британское правительство") are
  added as entities of their own (nested over the parts, source="rule").
* Every entity gets its nominative `normal`; a lone person word ("Байсеитова") takes the
  reading that agrees with a fuller mention of the same person in the document. The model's
  other types get theirs in normalize_other (names: nominative head; values: as written).
"""
from __future__ import annotations

import re
from functools import lru_cache

from letopis.nlp import morph
from letopis.nlp.analysis import Analysis, Token
from letopis.record import PLACE_TYPES, Entity

# The place types these repairs may retype with the gazetteer: record.PLACE_TYPES less DISTRICT,
# which the gazetteer (countries, regions, cities) cannot confirm, so it stays as the model says.
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


def _is_geo_word(tok: Token) -> bool:
    parses = morph.parse(tok.text.lower())
    return bool(parses) and "Geox" in parses[0].tag and parses[0].score >= 0.3 \
        and "Name" not in parses[0].tag and "Surn" not in parses[0].tag


def _coverage(text: str, entities: list[Entity]) -> bytearray:
    """1 for every character inside some entity: a span test without a scan of all entities."""
    covered = bytearray(len(text) + 1)
    for e in entities:
        covered[e.start:e.end] = b"\x01" * (e.end - e.start)
    return covered


# the head nouns of state bodies named by a capitalised common noun and its complements ("Комитет
# национальной безопасности", "Служба государственной охраны", "Агентство по финансовому мониторингу")
_BODY_HEADS = frozenset({"комитет", "министерство", "служба", "агентство", "департамент", "прокуратура",
                         "генпрокуратура"})


def _body_at(toks: list, i: int) -> int | None:
    """End (token index) of a state body named from token i: a capitalised head noun inside its sentence
    (at its start any word is capitalised) and at least one lower-case complement: a genitive noun with
    the adjectives that agree with it ("национальной безопасности"), or "по" and its dative phrase
    ("по финансовому мониторингу")."""
    if toks[i].lemma not in _BODY_HEADS or i == 0 or not toks[i].text[:1].isupper() or toks[i].text.isupper():
        return None
    k, want = i + 1, "gent"
    while k < len(toks) and k - i <= 5:
        t = toks[k]
        if t.lemma == "по" and k == i + 1:
            k, want = k + 1, "datv"
            continue
        if not (t.text.islower() and t.text.isalpha()) or t.lemma in _NOT_COMPLEMENTS:
            break
        if "ADJF" in t.tag and want in t.tag:
            k += 1                       # an adjective: it must agree with a noun that follows
            continue
        if "NOUN" in t.tag and want in t.tag:
            k += 1
            if k < len(toks) and "ADJF" not in toks[k].tag:
                break                    # the complement's noun ends it ("Комитета национальной безопасности")
            continue
        break
    while k > i + 1 and "NOUN" not in toks[k - 1].tag:
        k -= 1                           # not ending on an adjective its noun never came to
    nxt = toks[k] if k < len(toks) else None
    # the name ends where its clause goes on: not before more of it ("Управления по контролю [за оборотом
    # наркотиков]", "Совета директоров [«Башинформа»]")
    if nxt is not None and (nxt.text[:1].isupper() or nxt.text in "«\"(" or nxt.lemma in ("за", "при", "по", "в", "с")):
        return None
    return k if k > i + 1 else None


_NOT_COMPLEMENTS = frozenset({"свой", "весь", "этот", "тот", "его", "её", "ее", "их", "который", "сам", "такой"})


def _add_missed(analysis: Analysis, entities: list[Entity]) -> list[Entity]:
    """Organisation abbreviations, state bodies and geographic names the recogniser left out."""
    from letopis.nlp.normal import names
    abbrs = names("org_abbr")
    added: list[Entity] = []
    covered = _coverage(analysis.text, entities)
    for sent in analysis.sentences:
        skip = -1
        for i, tok in enumerate(sent.tokens):
            if i < skip or 1 in covered[tok.start:tok.end] or analysis.ignored(tok.start, tok.end):
                continue
            end = _body_at(sent.tokens, i) if tok.lemma in _BODY_HEADS else None
            if end is not None and 1 not in covered[tok.start:sent.tokens[end - 1].end]:
                e = sent.tokens[end - 1].end
                added.append(Entity("ORGANIZATION", tok.start, e, analysis.text[tok.start:e], source="rule"))
                skip = end
                continue
            m = _GLUED.match(tok.text)
            if m and m.group(1).lower() in abbrs:
                added.append(Entity("ORGANIZATION", tok.start, tok.end, tok.text, source="rule"))
            elif i > 0 and tok.text[:1].isupper() and not tok.text.isupper() and _is_geo_word(tok):
                added.append(Entity("LOCATION", tok.start, tok.end, tok.text, source="rule"))
    return entities + added


def _places_after_place_adjectives(analysis: Analysis, entities: list[Entity]) -> list[Entity]:
    """Places the recogniser left out or took for a person (an unknown word in the locative reads
    like a surname): "в армянском Гаваре" (a preposition and a place adjective before a name the
    gazetteer knows) and "в Портапике и Энфилде" (a word after "в" coordinated with a place, in
    its case, takes its type)."""
    by_span = {(e.start, e.end): e for e in entities}
    places = {e.start: e for e in entities if e.type in LOC_TYPES}
    covered = _coverage(analysis.text, entities)
    added: list[Entity] = []
    for sent in analysis.sentences:
        toks = sent.tokens
        for i in range(1, len(toks)):
            tok = toks[i]
            if not tok.text[:1].isupper() or tok.text.isupper():
                continue
            free = 1 not in covered[tok.start:tok.end] and not analysis.ignored(tok.start, tok.end)
            kind = None
            if i > 1 and _after_place_adjective(toks, i):
                kind = _place_kind(tok.text, tok.text)
            elif free and i + 2 < len(toks) and toks[i - 1].text.lower() in _PLACE_PREPS:
                # "в Портапике и Энфилде": coordinated with a place, after "в", in the same case
                nxt = places.get(toks[i + 2].start) if toks[i + 1].text in ("и", ",") else None
                if nxt is not None and _same_case(tok, toks[i + 2]):
                    kind = nxt.type
            if kind is None and i > 2 and toks[i - 1].text in ("и", ",") and (prev := places.get(toks[i - 2].start)) \
                    and (_same_case(tok, toks[i - 2]) or not morph.parse(tok.text)[0].is_known) \
                    and _place_list_after_prep(toks, i - 2, places):
                kind = prev.type                 # "в Коломбо, Негомбо и Баттикалоа": the list's last place
            if kind is None:
                continue
            person = by_span.get((tok.start, tok.end))
            if person is not None and person.type == "PERSON":
                person.type, person.source = kind, "rule"
            elif free:
                added.append(Entity(kind, tok.start, tok.end, tok.text, source="rule"))
    return entities + added


def _place_list_after_prep(toks: list[Token], j: int, places: dict[int, Entity]) -> bool:
    """Token j is a place in a list of places ("Коломбо, Негомбо") that opens after "в", "из"…"""
    while j > 1 and toks[j - 1].text in ("и", ",") and toks[j - 2].start in places:
        j -= 2
    return j > 0 and toks[j - 1].text.lower() in _PLACE_PREPS


def _same_case(a: Token, b: Token) -> bool:
    """Both words end alike and read as nouns in a shared case ("Портапике", "Энфилде": loct)."""
    if a.text[-1:].lower() != b.text[-1:].lower():
        return False
    return bool(_noun_cases(a.text.lower()) & _noun_cases(b.text.lower()) - {None})


def _may_agree(a: str, b: str) -> bool:
    """The words of one name stand in one case: "Брекзиту | Дэвид Дэвис" (dative, nominative) are
    two mentions. A word pymorphy reads in no case as a noun tells nothing."""
    ca, cb = _noun_cases(a.lower()) - {None}, _noun_cases(b.lower()) - {None}
    return not ca or not cb or bool(ca & cb)


def _noun_cases(word: str) -> set[str | None]:
    return {p.tag.case for p in morph.parse(word) if p.tag.POS == "NOUN"}


_NEAR_PREPS = frozenset(("в", "во", "из", "под", "у", "около", "близ"))


def _after_place_adjective(toks: list[Token], i: int) -> bool:
    """"в армянском Гаваре", "из сирийского Алеппо": a preposition and a lower-case -ский/-цкий
    adjective (the country or region) make the next capitalised word a settlement, where the
    dictionary does not know it."""
    adj, prep = toks[i - 1], toks[i - 2]
    if prep.text.lower() not in _NEAR_PREPS or not adj.text.islower():
        return False
    return adj.lemma.endswith(("ский", "цкий")) and adj.tag.startswith("ADJF")


def _genitive(word: str) -> bool:
    if word.isupper():
        return True                 # РФ, РК, США: abbreviations do not inflect
    return any(p.tag.case == "gent" for p in morph.parse(word.lower()))


# a settlement named before its region, the two read as one region: "Кара-Суу Ошской области"
_SETTLEMENT_IN_REGION = re.compile(r"([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*)\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*"
                                   r"(?:ой|ого)\s+(?:област|район|кра|округ)[а-яё]*)$")


# three capitalised words of which the second or the third is a patronymic: "Юлдашев Бахтиёр Рахимович",
# "Нилуфар Азизовна Каримова" (one person whatever the recogniser cut of it)
_PATRONYMIC = r"[А-ЯЁ][а-яё]+(?:вич|вна|ична|инична|оглы|кызы|угли|улы)"
_WORD = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
_FULL_NAME = re.compile(rf"(?<![\w-])(?:{_WORD}[ \xa0]+{_WORD}[ \xa0]+{_PATRONYMIC}|{_WORD}[ \xa0]+{_PATRONYMIC}[ \xa0]+{_WORD})"
                        r"(?![\w-])")


def _patronymic_names(analysis: Analysis, entities: list[Entity]) -> list[Entity]:
    """A full name with a patronymic the recogniser cut or missed ("Каримова" of "Каримова Нилуфар Азизовна")
    is one PERSON span."""
    text = analysis.text
    out = entities
    for m in _FULL_NAME.finditer(text):
        a, b = m.span()
        if any(e.type == "PERSON" and e.start <= a and b <= e.end for e in out):
            continue
        inside = [e for e in out if a <= e.start and e.end <= b]
        if any(e.type not in ("PERSON", "ORGANIZATION", "FAMILY") for e in inside) or any(
                e.start < a < e.end or e.start < b < e.end for e in out if e.type == "PERSON"):
            continue                     # ("Жетысая Бауыржан Сейтказыулы": a town before the name)
        first = morph.parse(m.group().split()[0].lower())[0]
        if first.tag.POS not in ("NOUN", None) and not {"Name", "Surn", "Patr"} & set(str(first.tag).replace(" ", ",").split(",")):
            continue                     # "Уважаемая Татьяна Васильевна", "Позже Андрей Владимирович": no surname
        out = [e for e in out if e not in inside] + [Entity("PERSON", a, b, m.group(), source="rule")]
    return out


_SURNAME_SHAPE = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий|ская|цкая)(?:а|у|ым|ой|ом|е|ых|ого|ому|ую)?$")


def _two_people(analysis: Analysis, entities: list[Entity]) -> list[Entity]:
    """"Адвокат Акылбека Турсунова Жылдыз Эсенгулова": four words, first name and surname twice, are two people
    (the client in the genitive, then the lawyer)."""
    from letopis.nlp.normal import is_first_name
    out = []
    for e in entities:
        words = list(_NAME_WORD.finditer(e.text)) if e.type == "PERSON" else []
        shaped = [bool(_SURNAME_SHAPE.search(w.group().lower())) for w in words]
        if len(words) == 4 and shaped == [False, True, False, True] \
                and not is_first_name(words[1].group()) and not is_first_name(words[3].group()) \
                and e.text[words[1].end():words[2].start()] == " ":
            cut = words[2].start()
            out += [Entity("PERSON", e.start, e.start + words[1].end(), e.text[:words[1].end()], source="rule"),
                    Entity("PERSON", e.start + cut, e.end, e.text[cut:], source="rule")]
        else:
            out.append(e)
    return out


def _hyphenated_places(analysis: Analysis, entities: list[Entity]) -> list[Entity]:
    """"Каменска-Уральского": two places the recogniser split at the hyphen are one town the gazetteer
    knows by the whole name."""
    text = analysis.text
    # ("перегон Синарская - Каменск-Уральский": two stations, which a dash between spaces parts)
    apart = [e for e in entities if e.type in LOC_TYPES and _DASH_APART.search(e.text)]
    for e in apart:
        entities = [x for x in entities if x is not e] + [
            Entity(e.type, e.start + m.start(), e.start + m.end(), m.group(), source="rule")
            for m in re.finditer(r"[^\s\-–—][^–—]*?(?=\s+[-–—]\s|$)", e.text)]
    heads = [(a, m) for a in entities if a.type in LOC_TYPES and (m := _HYPHEN_TAIL.match(text, a.end))]
    if not heads:
        return entities
    from letopis.geo.gazetteer import get_gazetteer
    drop: set[int] = set()
    out = list(entities)
    for a, m in heads:
        if id(a) not in drop and get_gazetteer().lookup(text[a.start:m.end()]):
            drop |= {id(a)} | {id(b) for b in entities if a.end < b.start < m.end() and b.type in LOC_TYPES}
            out.append(Entity("CITY", a.start, m.end(), text[a.start:m.end()], source="rule"))
    return [e for e in out if id(e) not in drop]


_HYPHEN_TAIL = re.compile(r"-[А-ЯЁ][а-яё]+\b")
_DASH_APART = re.compile(r"\s[-–—]\s")


def _settlements_in_regions(analysis: Analysis, entities: list[Entity]) -> list[Entity]:
    """"в с. Кара-Суу Ошской области" tagged as one region only: the settlement the gazetteer knows at its
    head is a town of its own (as the recogniser finds it when "в селе" stands before)."""
    gaz = None
    added: list[Entity] = []
    for e in entities:
        m = _SETTLEMENT_IN_REGION.fullmatch(e.text) if e.type == "CITY" else None
        if m is not None:             # "Таш-Кумыр Джалал-Абадской области" as one town: the town, then its region
            added.append(Entity("STATE_OR_PROVINCE", e.start + m.start(2), e.end, m.group(2), source="rule"))
            e.end, e.text = e.start + m.end(1), m.group(1)
            continue
        m = _SETTLEMENT_IN_REGION.fullmatch(e.text) if e.type in ("STATE_OR_PROVINCE", "LOCATION") else None
        if m is None or any(o.start == e.start and o.end == e.start + m.end(1) for o in entities):
            continue
        gaz = gaz or _gazetteer()
        if gaz is not None and _geo_kind(gaz, m.group(1)) == "CITY":
            added.append(Entity("CITY", e.start, e.start + m.end(1), m.group(1), source="rule"))
    return entities + added


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
    orgs = [e for e in ents if e.type == "ORGANIZATION"]
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
            if i > 0 and _names_institution(toks[i - 1], tok, first=i == 1):
                start = toks[i - 1].start
            loc = loc_after(end)
            if loc:
                end = loc.end
            # a longer organisation the recogniser found ("Европейского суда по правам человека") is the name
            inside = any(o.start <= start and end <= o.end for o in orgs)
            if (start, end) != (tok.start, tok.end) and (start, end) not in spans and not inside \
                    and not analysis.ignored(start, end):
                out.append(Entity("ORGANIZATION", start, end, text[start:end], source="rule"))
                spans.add((start, end))
    return out


def _names_institution(adj: Token, noun: Token, first: bool) -> bool:
    """"британское правительство", "Европейская комиссия" (a place adjective), "Верховный суд" (a
    capitalised adjective before a lower-case institution noun: the name of one). Any word is
    capitalised first in a sentence ("Сильное правительство"): there only a place adjective counts."""
    if not any(p.tag.POS == "ADJF" for p in morph.parse(adj.text.lower())):
        return False
    if adj.lemma.endswith("ский") and (adj.text[:1].islower() or adj.text[1:].islower()):
        return True
    return not first and adj.text[:1].isupper() and adj.text[1:].islower() and noun.text.islower()


@lru_cache(maxsize=5_000)
def _place_kind(*texts: str) -> str | None:
    gaz = _gazetteer()
    return _geo_kind(gaz, *texts) if gaz is not None else None


def _type_places(entities: list[Entity]) -> None:
    """The gazetteer's kind wins over the recogniser's location type ("Вашингтоне" is a city,
    "Техас" a state); a name it does not know keeps the recogniser's type."""
    for e in entities:
        if e.type in LOC_TYPES:
            kind = _place_kind(e.normal or e.text, e.text)
            if kind:
                e.type = kind


_NOUN_ENDINGS = frozenset(("", "а", "у", "ом", "е", "ым", "ой", "ы", "ою", "ем", "я", "ю", "и", "ей"))
_ADJ_ENDINGS = frozenset(("ий", "ый", "ой", "ого", "ому", "им", "ым", "ом", "ая", "ую"))


def _surname_forms(normal: str) -> tuple[str, frozenset[str]]:
    """The stem a surname's case forms share, and the endings they add to it."""
    w = normal.lower().replace("ё", "е")
    if w.endswith(("ий", "ый", "ой")) and len(w) > 4:
        return w[:-2], _ADJ_ENDINGS
    return (w[:-1] if w.endswith(("а", "я")) else w), _NOUN_ENDINGS


def _named_in_full(entities: list[Entity]) -> dict[str, str]:
    """Surname → first name of each person the document names in full (by their normal forms)."""
    fulls = {}
    for e in entities:
        words = (e.normal or "").split()
        if e.type == "PERSON" and len(words) > 1 and len(words[-1]) > 2 and words[-1].isalpha():
            fulls[words[-1]] = words[0]
    return fulls


def _lone_surnames(analysis: Analysis, entities: list[Entity]) -> list[Entity]:
    """"Назначение Рааба" after "Доминика Рааба": a capitalised word outside every entity that is a
    case form of the surname of a person named in full in the same document is that person, with
    the first name before it when that is the full mention's ("Алан Гарсия" on a title line). Not
    inside quotes: «Клан Сопрано» is a title."""
    fulls = _named_in_full(entities)
    if not fulls:
        return entities
    forms = [(_surname_forms(last), _surname_forms(first)) for last, first in fulls.items()]
    covered = _coverage(analysis.text, entities)
    text = analysis.text
    added = []
    places = {(e.start, e.end): e for e in entities if e.type in LOC_TYPES}

    def free(tok: Token) -> bool:
        return tok.text[:1].isupper() and tok.text.isalpha() and 1 not in covered[tok.start:tok.end]

    for sent in analysis.sentences:
        toks = sent.tokens
        for k, tok in enumerate(toks):
            if not tok.text[:1].isupper():
                continue
            w = tok.text.lower().replace("ё", "е")
            for (stem, ends), (fstem, fends) in forms:
                if w.startswith(stem) and w[len(stem):] in ends:
                    if text.rfind("«", 0, tok.start) > text.rfind("»", 0, tok.start):
                        break
                    if not free(tok):
                        _place_as_surname(places, toks, k)
                        break
                    start = tok.start
                    if k and free(toks[k - 1]):
                        f = toks[k - 1].text.lower().replace("ё", "е")
                        if f.startswith(fstem) and f[len(fstem):] in fends:
                            start = toks[k - 1].start
                    added.append(Entity("PERSON", start, tok.end, text[start:tok.end], source="rule"))
                    break
    return entities + added


def _place_as_surname(places: dict[tuple[int, int], Entity], toks: list[Token], k: int) -> None:
    """"которым Хьюстон задолжала" beside "Уитни Хьюстон": a one-word place that is the surname of
    a person named in full is that person, unless a preposition or a settlement word makes it a
    place ("в Хьюстоне", "город Хьюстон")."""
    e = places.get((toks[k].start, toks[k].end))
    if e is None or k and ("PREP" in toks[k - 1].tag or toks[k - 1].lemma in _SETTLEMENT_WORDS):
        return
    e.type, e.normal, e.source = "PERSON", None, "rule"


_SETTLEMENT_WORDS = frozenset(("город", "столица", "штат", "село", "деревня", "посёлок", "поселок", "область",
                               "провинция", "округ", "район", "регион", "страна", "республика"))


def _agree_persons(analysis: Analysis, entities: list[Entity]) -> None:
    """A one-word person mention takes the reading a fuller mention confirms
    ("Байсеитова" next to "Жаксыбек Байсеитов" is the masculine genitive), and a full name takes the one
    a surname's unambiguous form confirms ("Дилноза Каримова" beside "Каримовой": a woman)."""
    from letopis.nlp.normal import person_candidates, previous_word
    persons = [e for e in entities if e.type == "PERSON"]
    sure = {(e.normal or "").lower() for e in persons if " " not in e.text and e.text.lower().endswith(_GENDERED)
            and (e.normal or e.text).lower() != e.text.lower()}
    for e in persons:
        words = e.text.split()
        if len(words) < 2 or not sure or (e.normal or "").split()[-1:] and (e.normal or "").split()[-1].lower() in sure:
            continue
        if any(p.is_known and "Name" in p.tag for p in morph.parse(words[0].lower())):
            continue                     # a known first name tells the gender itself ("Петр Завьялов", his mother)
        for cand, _ in person_candidates(e.text, previous_word(analysis, e.start))[:3]:
            if cand.split()[-1].lower() in sure:
                e.normal = cand
                break
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


# surname endings that tell the gender whatever the case: "Каримовой" (hers), "Каримовым" (his)
_GENDERED = ("овой", "евой", "иной", "ыной", "овым", "евым", "иным", "ыным")
_OBLIQUE_ONLY = ("ы", "и")                      # endings no masculine consonant surname has in the singular
_FIRST_DECLENSION = ("а", "я", "у", "ю", "ой", "ей", "е")
_PLURAL_STEMS = ("ов", "ев", "ёв", "ин", "ын", "ск", "цк")   # "братья Царнаевы", "Царнаева": a family, Царнаев


def _subject_surnames(analysis: Analysis, entities: list[Entity]) -> None:
    """"Японский журналист Дзюмпэй Ясуда, … Ясуда пропал в июне": a surname opening its clause before a
    singular past verb is the subject, so nominative as written; every mention read as another form of it
    ("Дзюмпэй Ясуд") takes it back. Only a surname ending in -а/-я, which a man's genitive may also be."""
    fixed: dict[str, str] = {}
    for e in entities:
        if e.type != "PERSON" or not e.normal:
            continue
        said, norm = e.text.split()[-1], e.normal.split()[-1]
        if said == norm or not said[-1:] in "аяАЯ" or said[:-1].lower() != norm.lower():
            continue
        if len(e.text.split()) > 1 and e.text.split()[0].lower() != e.normal.split()[0].lower():
            continue                     # "Дениса Вороненкова застрелил": the first name is inflected too
        if any({"Surn", "Name"} & p.tag.grammemes for p in morph.parse(said.lower())):
            continue                     # "Фадеева": a Russian surname's genitive, or a woman's name
        sent = analysis.sentence_at(e.start)
        if sent is None:
            continue
        before = [t for t in sent.tokens if t.end <= e.start]
        after = next((t for t in sent.tokens if t.start >= e.end), None)
        opens = not before or not before[-1].text[:1].isalnum()
        if opens and after is not None and "VERB" in after.tag and "past" in after.tag and "masc" in after.tag:
            fixed[norm.lower()] = said
    if not fixed:
        return
    for e in entities:
        words = (e.normal or "").split()
        if e.type == "PERSON" and words and words[-1].lower() in fixed:
            words[-1] = fixed[words[-1].lower()]
            e.normal = " ".join(words)


def _first_declension_surnames(entities: list[Entity]) -> None:
    """"Пабло Неруда", "Неруды", "Неруду" in one document: the "-ы" form belongs to no masculine
    "Неруд", so the surname is "Неруда" in every mention ("Мануэля Арайи" beside "Арайя" is "Арайя").
    It takes a form in -ы/-и together with another first-declension form and never the bare stem,
    so an indeclinable "Берлускони" or a masculine "Дюк, Дюка" is left alone."""
    forms: dict[str, set[str]] = {}
    for e in entities:
        if e.type == "PERSON" and e.text.split():
            last = e.text.split()[-1]
            if last[:1].isupper() and last.isalpha():
                forms.setdefault(last[:-1].lower(), set()).add(last.lower())
                forms.setdefault(last.lower(), set()).add(last.lower())
    nominative: dict[str, str] = {}
    for stem, words in forms.items():
        ends = {w[len(stem):] for w in words if w.startswith(stem)}
        if stem in words or len(stem) < 3 or stem.endswith(_PLURAL_STEMS) or not ends & set(_OBLIQUE_ONLY) or not ends & set(_FIRST_DECLENSION):
            continue
        if "ы" in ends or "а" in ends:
            end = "а"
        else:
            end = "я" if "я" in ends or stem[-1] not in "кгхжшчщ" else "а"
        nominative[stem] = end
    if not nominative:
        return
    for e in entities:
        words = (e.normal or "").split()
        if e.type != "PERSON" or not words:
            continue
        last = words[-1].lower()
        for stem in (last, last[:-1]):
            if stem in nominative and (last == stem or last[len(stem):] in _OBLIQUE_ONLY + _FIRST_DECLENSION):
                words[-1] = words[-1][:len(stem)] + nominative[stem]
                e.normal = " ".join(words)
                break


def _plural_forms(surname: str) -> tuple[str, tuple[str, ...]]:
    """The nominative plural of a surname and its other plural endings no singular form shares."""
    if surname.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return surname + "ы", ("ы", "ых")                   # "ым" is also the singular instrumental
    if surname.endswith("ь"):
        return surname[:-1] + "и", ("и", "ей", "ям", "ями", "ях")
    from letopis.nlp.normal import _VOWELS
    if surname[-1] not in _VOWELS and surname[-1] not in "йъ":
        return surname + "ы", ("ы", "ов", "ам", "ами", "ах")
    return surname, ()


def _family_plurals(entities: list[Entity]) -> None:
    """"Скрипалей" beside "Юлия Скрипаль", "Царнаевых" beside "Джохар Царнаев": a one-word plural form
    of a surname the document names is the family, nominative plural ("Скрипали", "Царнаевы")."""
    from letopis.nlp.normal import shape
    surnames = {s.lower(): s for s in _named_in_full(entities) if len(s) > 3}
    plurals = {}
    for low, surname in surnames.items():
        nominative, ends = _plural_forms(low)
        stem = low[:-1] if low.endswith("ь") else low
        for end in ends:
            plurals[stem + end] = shape(nominative, surname)
    for e in entities:
        if e.type == "PERSON" and len(e.text.split()) == 1:
            low = e.text.lower().replace("ё", "е")
            if low in plurals:
                e.normal = plurals[low]
            elif nominative := _plural_only(low):
                e.normal = shape(nominative, e.text)


# a family in the genitive or accusative plural ("отравление Скрипалей", "рода Романовых"), and its
# nominative plural ending. Not "-ов": pymorphy reads most singular surnames in "-ов" ("Тиньков",
# "Весельчаков") first as plurals of a noun.
_FAMILY_ENDINGS = {"ей": "и", "ых": "ы"}


def _plural_only(word: str) -> str | None:
    """The nominative plural of a surname in -ей/-ых pymorphy reads first as a plural noun ("скрипалей" →
    "скрипали", "Романовых" → "Романовы"), unless it is a first name; else None ("Соловей" reads
    singular first). Built from the ending: pymorphy's own inflection of guessed words wanders."""
    from letopis.nlp.normal import is_first_name
    end = next((e for e in _FAMILY_ENDINGS if word.endswith(e)), None)
    if end is None or is_first_name(word):
        return None
    parses = morph.parse(word)
    first = parses[0] if parses else None
    # an adjective first is a surname as written ("Черных"); a first name's plural is no family
    if first is None or first.tag.POS != "NOUN" or first.tag.number != "plur" or "Name" in first.tag:
        return None
    return word[:-len(end)] + _FAMILY_ENDINGS[end]


# value types: their normal form is the text as written; digits of a weapon name are none of them
VALUE_TYPES = frozenset(("DATE", "TIME", "NUMBER", "ORDINAL", "AGE", "MONEY", "PERCENT"))


def normalize_other(analysis: Analysis, entities: list[Entity]) -> list[Entity]:
    """The model's other types: names (PROFESSION, EVENT, NATIONALITY, ...) get the nominative of
    their head; values (DATE, NUMBER, AGE, ...) keep the text as written."""
    from letopis.nlp.normal import normalize_name, previous_word, quoted_apposition
    for e in entities:
        if e.type in VALUE_TYPES or quoted_apposition(analysis, e.start):
            e.normal = e.text
        else:
            e.normal = normalize_name(e.text, previous_word(analysis, e.start))
    return sorted(entities, key=lambda e: (e.start, -e.end))


def promote_institutions(entities: list[Entity], text: str) -> None:
    """A "profession" whose head noun is a state institution ("Министерство внутренних дел",
    "Верховный суд") is an organisation: the model confuses the two, the institution list does not."""
    from letopis.nlp.nerel.features import lex_tag
    from letopis.nlp.normal import names
    inst = names("institutions")
    for e in entities:
        if e.type == "ORGANIZATION":
            # and the other way round: "Сотрудники ГКНБ Кыргызстана задержали …" are people of the body, a
            # profession (the body is the organisation inside): a head noun the role tables know only as
            # one who holds a post
            # (past the words that may be adjectives: "полицейского управления" is the body; and not a name
            # capitalised inside a sentence or quoted: "сообщил Частному корреспонденту", «Независимые депутаты»)
            head = next((w for w in _NAME_WORD.findall(e.text) if not any(
                p.tag.POS in ("ADJF", "PRTF") for p in morph.parse(w.lower()))), None)
            before = text[max(0, e.start - 3):e.start].strip()
            named = before[-1:] in ("«", '"', "„", "“") or e.text[:1].isupper() and before[-1:].isalnum()
            if head is not None and not named and lex_tag(head) == "prof" and "anim" in morph.tag(head) \
                    and " " in e.text.strip():
                e.type = "PROFESSION"
            continue
        if e.type != "PROFESSION":
            continue
        for w in _NAME_WORD.findall(e.text):
            top = morph.parse(w.lower())[0]
            if top.tag.POS in ("ADJF", "PRTF"):
                continue
            if top.normal_form in inst:
                e.type = "ORGANIZATION"
            break


_NAME_WORD = re.compile(r"[^\W\d_]{2,}(?:-[^\W\d_]+)*")


@lru_cache(maxsize=5_000)
def not_a_name(word: str) -> bool:
    """A dictionary word none of whose readings is a first name, surname or patronymic."""
    lw = word.lower()
    parses = morph.parse(lw)
    # "Токаев": a surname's shape the dictionary reads only as a plural genitive ("токай")
    if lw.endswith(("ов", "ев", "ёв")) and all(p.tag.number == "plur" and p.tag.case == "gent" for p in parses):
        return False
    return morph.morph().word_is_known(lw) and \
        not any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in parses)


@lru_cache(maxsize=5_000)
def _place_or_org(text: str) -> str | None:
    """The type of a "person" the recogniser got wrong: every word a dictionary word that cannot
    be a name, the last one a place (Geox: "Лондоном", "Северной Ирландией") or an organisation
    (Orgn: "Европарламентом", or any inanimate noun: "Кабмина"). Unknown words (Kazakh, foreign
    names) never qualify."""
    words = _NAME_WORD.findall(text)
    if not words:
        return None
    if not all(not_a_name(w) for w in words):
        return None
    head = morph.parse(words[-1].lower())[0].tag
    if "Geox" in head:
        return "LOCATION"
    if "Orgn" in head or (head.POS == "NOUN" and head.animacy == "inan"):
        return "ORGANIZATION"
    return None


_PLACE_PREPS = frozenset(("в", "во", "из", "под"))


def _trim_place_adjectives(analysis: Analysis, e: Entity) -> None:
    """"армянском Гаваре" tagged as an organisation: lower-case adjectives before a name the
    gazetteer knows make the name a place (the entity narrows to it)."""
    words = list(_NAME_WORD.finditer(e.text))
    k = 0
    while k < len(words) and words[k].group()[:1].islower() and \
            morph.parse(words[k].group().lower())[0].tag.POS == "ADJF":
        k += 1
    if k == 0 or k == len(words):
        return
    start = e.start + words[k].start()
    kind = _place_kind(analysis.text[start:e.end])
    if kind:
        e.type, e.start, e.text = kind, start, analysis.text[start:e.end]


def _common_noun(word: str) -> bool:
    """A dictionary word of 4+ letters none of whose readings is a name or a place: short ones
    are often foreign names ("Ван Цзюнь", "Пан Ги Мун", "Ар Келли")."""
    return len(word) >= 4 and not_a_name(word) and \
        not any("Geox" in p.tag for p in morph.parse(word.lower()))


_LATIN_WORD = re.compile(r"[A-Za-z]+")
_ROMAN = re.compile(r"[IVXLCDM]+")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def _latin_before_cyrillic(word: str, after: str) -> bool:
    """"Brexit Дэвид Дэвис": a Latin-script word before a Cyrillic one is a topic or a brand the
    name follows; a Roman numeral stays ("Елизавета II"). No NEREL train person starts so."""
    return bool(_LATIN_WORD.fullmatch(word)) and not _ROMAN.fullmatch(word) and bool(_CYRILLIC.search(after))


def _trim_leading_non_names(analysis: Analysis, e: Entity) -> None:
    """"Семья Обамы", "Император Акихито": leading common nouns (capitalised at a sentence start)
    are no part of the person; nor is a Latin word before a Cyrillic name ("Brexit Дэвид Дэвис").
    The span narrows to the name after them."""
    from letopis.nlp.normal import is_first_name
    words = list(_NAME_WORD.finditer(e.text))
    k = 0
    # (a listed first name stays, though the dictionary knows the word: "Улан Сатыбалдиев")
    while k < len(words) - 1 and (_common_noun(words[k].group()) and not is_first_name(words[k].group())
                                  or _latin_before_cyrillic(words[k].group(), words[k + 1].group())):
        k += 1
    if k:
        e.start += words[k].start()
        e.text = analysis.text[e.start:e.end]


_LINE_START = re.compile(r"(?:^|\n)[ \t«\"]*$")


def _retype(analysis: Analysis, entities: list[Entity]) -> list[Entity]:
    """Repairs of the recogniser's typing: a listed organisation abbreviation is an organisation
    ("МИДа", "ДВД" tagged as places); a "person" made of dictionary non-names is a place or an
    organisation; a one-word "person" after "в"/"из" the gazetteer names is a place ("в Гаваре"); a
    person span holding another person span ("РК Калмуханбет Касымов", "Семья Обамы", two names run
    together) gives way to the inner one. An "organisation" the gazetteer names stays one: the model
    reads the gazetteer itself and tells "Жамбылской области" from an agency, and retyping them cost
    NEREL dev CITY F1 .787 → .756 and ORGANIZATION .735 → .723."""
    from letopis.nlp.normal import names, previous_word
    abbrs = names("org_abbr")
    for e in entities:
        g = _GLUED.match(e.text)
        if g and g.group(1).lower() in abbrs and e.type in LOC_TYPES + ("PERSON",):
            e.type = "ORGANIZATION"
        elif e.type == "PERSON":
            kind = _place_or_org(e.text)
            if kind:
                e.type = kind
        if e.type == "PERSON" and e.text[:1].isupper() and " " not in e.text:
            prev = previous_word(analysis, e.start)
            kind = _place_kind(e.text) if prev in _PLACE_PREPS else None
            if kind:                             # "в Гаваре": a town, not a person
                e.type = kind
        elif e.type == "ORGANIZATION":
            _trim_place_adjectives(analysis, e)
    for e in entities:
        if e.type == "PERSON":
            _trim_leading_non_names(analysis, e)
    # "Девятиклассник с ножом напал …": a post or a kind of person the word tables know, capitalised by the
    # line's start, is nobody's name (not "Мадонна", "Баста": stage names the tables do not hold)
    from letopis.nlp.nerel.features import lex_tag
    from letopis.nlp.normal import is_first_name
    entities = [e for e in entities if not (
        e.type == "PERSON" and " " not in e.text and _LINE_START.search(analysis.text, 0, e.start)
        and _common_noun(e.text) and not is_first_name(e.text)
        and {"who", "prof", "rank"} & set(lex_tag(e.text).split("+")))]
    # "Пауэй" alone on a title line, tagged a person there and a city in the story: one word with
    # one meaning per document, the place
    places = {e.text: e.type for e in entities if e.type in LOC_TYPES}
    for e in entities:
        if e.type == "PERSON" and " " not in e.text and e.text in places:
            e.type = places[e.text]
    persons = [e for e in entities if e.type == "PERSON"]
    outer = set()
    for e in persons:
        inner = [o for o in persons if e.start <= o.start and o.end <= e.end and (o.start, o.end) != (e.start, e.end)]
        if not inner:
            continue
        rest = [m.group() for m in _NAME_WORD.finditer(e.text)
                if not any(o.start <= e.start + m.start() < o.end for o in inner)]
        if all(w.isupper() or not_a_name(w) for w in rest):
            outer.add(id(e))
    return [e for e in entities if id(e) not in outer]


_GENITIVE_SURNAME = re.compile(r"[А-ЯЁ][а-яё]+(?:ова|ева|ёва|ина|ына)$")


def _dependant(surname: str, first: str, last: str) -> bool:
    """A surname in the genitive before a full name whose first name is nominative: another person, the
    one the named serves ("Адвокат Юлдашева Зафар Назаров"); not "Суркова Зоя Антоновна", a surname
    first and the patronymic last, as forms list people."""
    return bool(_GENITIVE_SURNAME.fullmatch(surname)) and not any(
        "Name" in p.tag and p.is_known for p in morph.parse(surname.lower())) and (any(
            p.is_known and "Name" in p.tag and p.tag.case == "nomn" for p in morph.parse(first.lower()))
        or _listed_first_name(first)) and not any("Patr" in p.tag for p in morph.parse(last.lower()))


def _split_dependants(analysis: Analysis, entities: list[Entity]) -> list[Entity]:
    """"Адвокат Юлдашева Зафар Назаров": a surname in the genitive run together with the full name after
    it is two people (the lawyer's client, and the lawyer): a first name in the nominative opens the second."""
    out: list[Entity] = []
    for e in entities:
        words = list(_NAME_WORD.finditer(e.text)) if e.type == "PERSON" else []
        if len(words) >= 3 and _dependant(*(w.group() for w in (words[0], words[1], words[-1]))):
            cut = words[1].start()
            for a, b in ((0, words[0].end()), (cut, len(e.text))):
                part = Entity("PERSON", e.start + a, e.start + b, e.text[a:b], source="rule")
                part.extra["apart"] = True           # not joined again by _join_split_names
                out.append(part)
            continue
        out.append(e)
    return out


def _listed_first_name(word: str) -> bool:
    """A first name our lists know, as written ("Айгуль": the dictionary does not)."""
    from letopis.nlp.normal import is_first_name
    return is_first_name(word) and not morph.morph().word_is_known(word.lower())


# nouns whose capitalised genitive after them is a place: "житель Сумгайыта", "мэр коммуны Дабло"
_HOME_NOUNS = frozenset(("житель", "жительница", "уроженец", "уроженка", "выходец"))
# (not "страна", "штат": "лидер страны Ким Чен Ын", "вице-губернатор штата Кэтлин Кеннеди Таунсенд")
_SETTLEMENTS = frozenset(("город", "село", "деревня", "посёлок", "поселок", "коммуна", "поселение", "кишлак", "аул",
                          "станица", "округ", "муниципалитет", "район", "джамоат", "махалля", "этрап", "велаят",
                          "микрорайон"))
_WORD_BEFORE = re.compile(r"([а-яё]+)[ \t\xa0]+$")


_TOWN_SERVICES = frozenset(("полиция", "милиция", "мэрия", "администрация", "прокуратура", "шериф"))


def _known_town(word: str) -> bool:
    gaz = _gazetteer()
    return gaz is not None and any(p.kind in ("city", "region") for p in gaz.lookup(word))


def _big_town(word: str) -> bool:
    gaz = _gazetteer()
    return gaz is not None and any(p.kind == "city" and (p.population or 0) >= 50_000 for p in gaz.lookup(word))


def _first_name_like(word: str) -> bool:
    from letopis.nlp.normal import is_first_name
    w = word.lower()        # (a name pymorphy only guesses, "Амарилло", "Бровард", is none it knows)
    return is_first_name(word) or morph.morph().word_is_known(w) and any("Name" in p.tag for p in morph.parse(w)[:2])


# a building's or a venue's noun: the name after it is the building's ("в торговом центре Ozark Plaza")
_FACILITY_NOUN = re.compile(r"(?<![\w-])(?:торгов\w+\s+(?:центр|комплекс)\w*|ТЦ|ТРЦ|ТРК|отел[ьяюе]\w*|гостиниц\w+|"
                            r"ресторан\w*|кафе|клуб\w*|бар[аеу]?|магазин\w*|супермаркет\w*|кинотеатр\w*|"
                            r"стадион\w*|концертн\w+\s+зал\w*)\s+[«\"]?$", re.I)


# a settlement's noun: the one word after it names the settlement ("на посёлок Банибангу")
_SETTLEMENT_NOUN = re.compile(r"(?<![\w-])(?:город\w*|посел\w+|посёл\w+|сел[оаеу]|деревн\w+|кишлак\w*|аул\w*|"
                              r"станиц\w+|хутор\w*|городк\w+|городок)\s+$", re.I)


def _facilities_by_their_noun(analysis: Analysis, entities: list[Entity]) -> list[Entity]:
    """"в торговом центре Ozark Plaza", "в отеле «Хаят»": a name right after a building's noun is the building,
    not a town the recogniser took it for (unless the gazetteer knows a town so named, written in Cyrillic); one
    word after a settlement's noun is the settlement, not a person (unless a person elsewhere bears it: "родным
    городом Каддафи")."""
    for e in entities:
        if e.type in LOC_TYPES and _FACILITY_NOUN.search(analysis.text, max(0, e.start - 40), e.start) \
                and (not any("а" <= c.lower() <= "я" for c in e.text) or not _known_town(e.text)):
            e.type = "FACILITY"
        elif e.type == "PERSON" and " " not in e.text.strip() and e.text[:1].isupper() \
                and _SETTLEMENT_NOUN.search(analysis.text, max(0, e.start - 20), e.start) \
                and not any(o.type == "PERSON" and o is not e and e.text in o.text.split() for o in entities):
            e.type = "CITY"                  # "нападение … на посёлок Банибангу": a village the recogniser took for a name
    return entities


def _split_homes(analysis: Analysis, entities: list[Entity]) -> list[Entity]:
    """"жительница Ариэля Рахель Ашкенази", "мэр коммуны Дабло Усман Зонго": the recogniser ran the place
    after a home or settlement noun into the full name after it. Of three capitalised words or more, the
    first is that place (a city unless the gazetteer says otherwise) and the rest the person; after a
    settlement noun, only a word no first name ("шериф округа Бровард Скотт Израэль")."""
    out: list[Entity] = []
    for e in entities:
        words = list(_NAME_WORD.finditer(e.text)) if e.type == "PERSON" else []
        m = _WORD_BEFORE.search(analysis.text, max(0, e.start - 25), e.start) if len(words) >= 3 else None
        noun = morph.lemma(m.group(1)) if m else None
        # (a town the gazetteer knows well after a town's service: "начальник полиции Амарилло Кевин Ханли")
        served = noun in _TOWN_SERVICES and not _first_name_like(words[0].group()) and _big_town(words[0].group())
        # ("корреспонденту в Сринагаре Ахмеду Юсуфу Дару", "туристка из Ахмадабада Сунита Десаи": a town after
        # its preposition run into the name)
        served = served or noun in ("в", "во", "из") and not _first_name_like(words[0].group()) \
            and _known_town(words[0].group())
        # ("житель джамоата Рудаки Фаридун Рахимов": after a home noun and its settlement's, the place whatever
        # it may read as)
        if m is not None and noun not in _HOME_NOUNS and _HOME_BEFORE.search(analysis.text, max(0, e.start - 40), e.start):
            noun = "житель"
        # (a place's name of four letters or more: "Ма Ай Лунь" after "района" is a Chinese name)
        if noun not in _HOME_NOUNS and (noun not in _SETTLEMENTS or _first_name_like(words[0].group())
                                        or len(words[0].group()) < 4) and not served \
                or not all(w.group()[:1].isupper() for w in words) or e.text[words[0].end():words[1].start()] != " ":
            out.append(e)
            continue
        place, cut = words[0].group(), words[1].start()
        gaz = _gazetteer()
        out.append(Entity((_geo_kind(gaz, place) if gaz is not None else None) or "CITY", e.start,
                          e.start + words[0].end(), place, source="rule"))
        out.append(Entity("PERSON", e.start + cut, e.end, e.text[cut:], source="rule"))
    return out


def _join_split_names(analysis: Analysis, entities: list[Entity]) -> list[Entity]:
    """"Ерболату | Сейткали": a recogniser may cut one name into two persons. Two capitalised
    person spans parted by a single space are one person (Russian prose separates two people by a
    comma or a conjunction), as long as the joined name stays within first name + patronymic + surname.
    A listed first name the recogniser took for a place ("Ерболату" as a CITY) right before a person
    is that person's first name, unless the gazetteer knows it as a place."""
    from letopis.nlp.normal import is_first_name
    starts = {e.start for e in entities if e.type == "PERSON"}
    for e in entities:
        if e.type in LOC_TYPES and e.end + 1 in starts and analysis.text[e.end:e.end + 1] == " " \
                and e.text[:1].isupper() and " " not in e.text and is_first_name(e.text) \
                and not _place_kind(e.text):
            e.type = "PERSON"
    persons = sorted((e for e in entities if e.type == "PERSON"), key=lambda e: e.start)
    by_start = {e.start: e for e in persons}
    gone: set[int] = set()
    joined: list[Entity] = []
    for e in persons:
        if id(e) in gone:
            continue
        nxt = by_start.get(e.end + 1)
        if nxt is None or analysis.text[e.end] != " " or not (e.text[:1].isupper() and nxt.text[:1].isupper()) \
                or e.extra.get("apart") and nxt.extra.get("apart"):
            continue
        if len(_NAME_WORD.findall(e.text)) + len(_NAME_WORD.findall(nxt.text)) > 3:
            continue
        a, b = e.text.split()[-1], nxt.text.split()[0]
        if not _may_agree(a, b) or _latin_before_cyrillic(a, b) or _latin_before_cyrillic(b, a):
            continue
        if " " not in e.text.strip() and " " in nxt.text.strip() and _dependant(a, b, nxt.text.split()[-1]):
            continue                                 # "Адвокат Эргешова | Айгуль Сыдыкова": two people
        gone.update((id(e), id(nxt)))
        joined.append(Entity("PERSON", e.start, nxt.end, analysis.text[e.start:nxt.end], source=e.source))
    for e in persons:
        e.extra.pop("apart", None)
    return [e for e in entities if id(e) not in gone] + joined


_AFTER_ROLE = re.compile(r"[ \t]+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+){0,2}(?:[ \t]+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+){0,2}){1,3})")
# Arabic and other name particles joined to the next name word: "Саиф уль-Малук", "Абд ар-Рахман";
# in NEREL train every such word is part of a name (36 persons, a city, an organisation)
_PARTICLE_WORD = re.compile(r" (?:аль|эль|уль|ул|ад|ас|ан|ар|ат|аз|аш|ибн|бин|бен|бинт|ур|эд|эс|эр)-[А-ЯЁ][а-яё]+\b")


def _particle_names(analysis: Analysis, entities: list[Entity]) -> None:
    """"адвокат Саиф уль-Малук": the recogniser's tokens split "уль-Малук", and a person span often
    stops before the particle; it runs on over every particle + name word that follows it."""
    for e in entities:
        if e.type != "PERSON":
            continue
        m = _PARTICLE_WORD.match(analysis.text, e.end)
        while m:
            e.end = m.end()
            m = _PARTICLE_WORD.match(analysis.text, e.end)
        e.text = analysis.text[e.start:e.end]


def _persons_after_roles(analysis: Analysis, entities: list[Entity], roles: list[Entity]) -> list[Entity]:
    """"министр внутренних дел РК Калмуханбет Касымов": two or three capitalised words right after
    a profession are the person holding it, when the recogniser left them out and none of them is a
    dictionary word that cannot be a name (unknown Kazakh names qualify)."""
    covered = _coverage(analysis.text, entities)
    added: list[Entity] = []
    for r in roles:
        _trim_holder(analysis, r, covered)
        m = _AFTER_ROLE.match(analysis.text, r.end)
        if not m:
            continue
        start, end = m.start(1), m.end(1)
        if analysis.ignored(start, end):
            continue
        if 1 in covered[start:end]:
            # "министр внутренних дел Улан Ниязбеков" with only the surname found: the one capitalised word
            # between the post and the surname is the first name, though the dictionary knows it ("улан")
            e = next((e for e in entities if e.type == "PERSON" and start < e.start < end
                      and 1 not in covered[start:e.start]), None)
            if e is not None and re.fullmatch(r"[А-ЯЁ][а-яё]+[ \t]+", analysis.text[start:e.start]) \
                    and " " not in e.text.strip():
                covered[start:e.start] = b"\x01" * (e.start - start)
                e.start, e.text = start, analysis.text[start:e.end]
                continue
            # "адвокат Бакирова Нурбек Алиев": the one the post is of, found, then its holder, missed, by a
            # first name the name lists know
            e = next((e for e in entities if e.type == "PERSON" and e.start == start), None)
            m = _AFTER_ROLE.match(analysis.text, e.end) if e is not None else None
            if m is not None and 1 not in covered[m.start(1):m.end(1)] and not analysis.ignored(*m.span(1)):
                from letopis.nlp.normal import is_first_name
                if is_first_name(m.group(1).split()[0]):
                    _add_name(m, covered, added)
            continue
        _add_name(m, covered, added)
    return entities + added


# a post's words, then two to four capitalised words at its end
_HOLDER_AT_END = re.compile(r"[а-яё»)][ \t]+(?:[А-ЯЁ]{2,}[ \t]+)*" + _AFTER_ROLE.pattern[len("[ \\t]+"):] + "$")


def _trim_holder(analysis: Analysis, role: Entity, covered: bytearray) -> None:
    """"начальник пресс-службы ГКНБ Тилек Мамытов" read as one profession: the capitalised words at its end
    that may all be names are its holder, left for the name after the role (the post ends before them).
    Not a place or body of the post's own ("министр внутренних дел Республики Казахстан": dictionary words)."""
    m = _HOLDER_AT_END.search(role.text)
    if m is None or 1 in covered[role.start + m.start(1):role.end]:
        return
    # ("президент Франции Эммануэль Макрон": the place of the post before the name stays the post's)
    words = list(re.finditer(r"\S+", m.group(1)))
    k = next((k for k in range(len(words) - 1) if not any(not_a_name(w) for x in words[k:]
                                                          for w in _NAME_WORD.findall(x.group()))), None)
    if k is None:
        return
    end = role.start + m.start(1) + words[k].start()
    while end > role.start and analysis.text[end - 1] in " \t":
        end -= 1
    role.end, role.text = end, analysis.text[role.start:end]


_POST_WORD = re.compile(r"(?<![\w-])([а-яё-]+)[ \t]+$", re.I)


def _posts_before_bodies(analysis: Analysis, entities: list[Entity], roles: list[Entity]) -> list[Entity]:
    """"начальник пресс-службы ГКНБ Тилек Мамытов": a post the recogniser left out where it missed the
    name after it too, read off the word before a body it found: one holder's word of the role tables
    (a singular profession or rank)."""
    from letopis.nlp.nerel.features import lex_tag
    ends = {r.end for r in roles}
    out = []
    for e in entities:
        if e.type != "ORGANIZATION" or e.end in ends:
            continue
        # (past the genitives of the post's own body: "начальник пресс-службы | ГКНБ")
        at = e.start
        for _ in range(3):
            m = _POST_WORD.search(analysis.text, max(0, at - 30), at)
            if m is None:
                break
            word = m.group(1)
            if {"prof", "rank"} & set(lex_tag(word).split("+")) and "sing" in morph.tag(word):
                out.append(Entity("PROFESSION", m.start(1), e.end, analysis.text[m.start(1):e.end], source="rule"))
                ends.add(e.end)
                break
            if "gent" not in morph.tag(word) or not word.islower():
                break
            at = m.start(1)
    return out


def _add_name(m: re.Match, covered: bytearray, added: list[Entity]) -> None:
    """The capitalised words `_AFTER_ROLE` matched are a person, unless one of them cannot be a name."""
    if any(not_a_name(w) for w in _NAME_WORD.findall(m.group(1))):
        return
    start, end = m.span(1)
    covered[start:end] = b"\x01" * (end - start)
    added.append(Entity("PERSON", start, end, m.group(1), source="rule"))


# "41-летний житель Шымкента Нурлан Жумабеков", "уроженка села Кок-Жар Айгуль Сатыбалдиева": whose home the
# place is comes right before his name
_HOME_WORD = r"(?<![\w-])(?:жител[ьяюеи]\w*|жительниц\w*|уроженц\w*|уроженец|уроженк\w*)\s+"
# a settlement's noun, by its stem (Central Asian ones too: "джамоата", "айыла")
_SETTLEMENT_STEMS = r"город|сел|посел|посёл|деревн|аул|кишлак|станиц|джамоат|махалл|айыл|ауыл"
_HOME_BEFORE = re.compile(rf"{_HOME_WORD}(?:(?:{_SETTLEMENT_STEMS}|район|област)\w*\s+)?$", re.I)


def _persons_after_homes(analysis: Analysis, entities: list[Entity]) -> list[Entity]:
    """Two to four capitalised words right after a home place ("житель Шымкента Нурлан Жумабеков") are the
    person, when the recogniser left them out and none of them is a word that cannot be a name."""
    covered = _coverage(analysis.text, entities)
    added: list[Entity] = []
    for e in entities:
        if e.type not in PLACE_TYPES or not _HOME_BEFORE.search(analysis.text, max(0, e.start - 40), e.start):
            continue
        m = _AFTER_ROLE.match(analysis.text, e.end)
        if m and 1 not in covered[m.start(1):m.end(1)] and not analysis.ignored(*m.span(1)):
            _add_name(m, covered, added)
    # ("житель джамоата Рудаки Фаридун Рахимов" with neither found: the settlement's name, then a first name)
    from letopis.nlp.normal import is_first_name
    for h in _HOME_SETTLEMENT.finditer(analysis.text):
        m = _AFTER_ROLE.match(analysis.text, h.end(1))
        if m is None or 1 in covered[h.start(1):m.end(1)] or analysis.ignored(h.start(1), m.end(1)) \
                or not (is_first_name(m.group(1).split()[0]) or _SURNAME_END.search(m.group(1).split()[-1])):
            continue
        gaz = _gazetteer()
        place = h.group(1)
        added.append(Entity((_geo_kind(gaz, place) if gaz is not None else None) or "CITY", h.start(1), h.end(1),
                            place, source="rule"))
        _add_name(m, covered, added)
    return entities + added


# a surname's ending, in the nominative (Russian, Central Asian, Caucasian)
_SURNAME_END = re.compile(r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|цкий|ская|цкая|ян|дзе|швили|енко|уулу|кызы)$")
# a home's settlement by its noun, then its name: "житель джамоата Рудаки", "уроженка села Кок-Жар"
_HOME_SETTLEMENT = re.compile(rf"{_HOME_WORD}(?:{_SETTLEMENT_STEMS})\w*\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*)(?=[ \t]+[А-ЯЁ])")


_AGE_AND_WORD = re.compile(r"\d{1,3}-летн\w+\s+([А-ЯЁ][а-яё]+)\s+$")


_AGE_AND_NAME = re.compile(r"\d{1,3}-летн\w+\s+([А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(?![\w-])")


def _first_names_after_ages(analysis: Analysis, entities: list[Entity]) -> list[Entity]:
    """"29-летний Шериф Шекатт": the capitalised words right after an age are the person's name, whatever else
    the dictionary makes of the first ("шериф"): a surname found alone takes the word before it, and two
    such words the recogniser left out are a person when the last can be no common word."""
    for e in entities:
        if e.type != "PERSON" or " " in e.text.strip():
            continue
        m = _AGE_AND_WORD.search(analysis.text, max(0, e.start - 40), e.start)
        # (not before a first name: "31-летний Принц Уильям" is a title)
        if m and not any(o is not e and o.start <= m.start(1) < o.end for o in entities) and not any(
                "Name" in p.tag for p in morph.parse(e.text.strip().lower())):
            e.start, e.text = m.start(1), analysis.text[m.start(1):e.end]
    added = []
    for m in _AGE_AND_NAME.finditer(analysis.text):
        a, b = m.span(1)
        if analysis.ignored(a, b) or any(o.start < b and a < o.end for o in entities) \
                or not_a_name(m.group(1).split()[-1]):
            continue
        added.append(Entity("PERSON", a, b, m.group(1), source="rule"))
    return entities + added


# "в мечети Аль-Нур": a mosque's name is no person (NEREL: the FACILITY "мечети Аль-Фуркан Джами"); a
# church's may be its saint's ("церкви Николая Чудотворца")
_DOMAIN = re.compile(r"[A-Za-z]\.(?:kz|ru|kg|uz|tj|com|org|net|info|ua|by|az)\b", re.I)
_INSTITUTIONS = frozenset(("муфтият", "управление", "суд", "университет", "академия", "ведомство",
                           "правительство", "парламент", "совет", "администрация", "акимат", "хокимият"))
_GUN = re.compile(r"(?<!\w)(?:автомат|пистолет|пулем[её]т|винтовк|карабин|револьвер|гранатом[её]т|коктейл)[а-яё]*\s+[«\"]?$",
                  re.I)   # ("коктейлями Молотова": a weapon's name, no person)
_MOSQUE = re.compile(r"(?<!\w)мечет(?:ь|и|ью|ей|ям|ях|ями)\s+[«\"]?$", re.I)


def _oblique_name(name: str) -> bool:
    """The name's first word reads as a first name only in an oblique case, never in the nominative or
    genitive a place's name after its noun stands in ("Абдуллу", "Рустаму")."""
    cases = {p.tag.case for p in morph.parse(name.split()[0].lower()) if "Name" in p.tag}
    return bool(cases) and not cases & {"nomn", "gent"}


def refine(analysis: Analysis, entities: list[Entity], roles: list[Entity] = ()) -> list[Entity]:
    """`roles`: the recogniser's PROFESSION spans, which place the names it missed."""
    from letopis.nlp.normal import normalize
    _particle_names(analysis, entities)
    entities = _retype(analysis, entities)
    for e in entities:
        m = _MOSQUE.search(analysis.text, max(0, e.start - 12), e.start) if e.type == "PERSON" else None
        if m and not m.group().rstrip()[-1:] in ("«", '"') and (_oblique_name(e.text) or any(
                r.start < m.start() and 0 <= e.start - r.end <= 2 for r in roles)):
            m = None                             # "зарезал имама мечети Абдуллу Каримова": the imam, by name
        if m:
            if m.group().rstrip()[-1:] in ("«", '"') and analysis.text[e.end:e.end + 1] in ("»", '"'):
                e.end += 1                       # 'мечети "Нурлан"': the quoted name whole
            e.type, e.start, e.text = "FACILITY", m.start(), analysis.text[m.start():e.end]
        elif e.type == "PERSON" and _DOMAIN.search(e.text):
            e.type = "ORGANIZATION"              # "корреспондент Tengrinews.kz": a site, not a person
        elif e.type in ("PERSON", "CITY", "LOCATION") and _GUN.search(analysis.text, max(0, e.start - 16), e.start):
            e.type = "PRODUCT"                   # "автомата Калашникова", "пистолет Макарова": the gun's name
        elif e.type == "PERSON" and " " in e.text.strip() and \
                morph.lemma(e.text.split()[0].lower()) in _BODY_HEADS | _INSTITUTIONS:
            e.type = "ORGANIZATION"              # "Муфтият Дагестана осудил нападение": a body, not a person
    roles = list(roles)
    entities = _facilities_by_their_noun(analysis, entities)
    entities = _persons_after_roles(analysis, entities, roles + _posts_before_bodies(analysis, entities, roles))
    entities = _persons_after_homes(analysis, entities)
    entities = _first_names_after_ages(analysis, entities)
    entities = _split_dependants(analysis, entities)
    entities = _split_homes(analysis, entities)
    entities = _join_split_names(analysis, entities)
    entities = _add_missed(analysis, entities)
    entities = _places_after_place_adjectives(analysis, entities)
    entities = _add_compounds(analysis, entities)
    entities = _settlements_in_regions(analysis, entities)
    entities = _hyphenated_places(analysis, entities)
    entities = _patronymic_names(analysis, entities)
    entities = _two_people(analysis, entities)
    for e in entities:
        e.normal = normalize(e, analysis)
    entities = _lone_surnames(analysis, entities)
    for e in entities:
        if e.normal is None:
            e.normal = normalize(e, analysis)
    _agree_persons(analysis, entities)
    _subject_surnames(analysis, entities)
    _first_declension_surnames(entities)
    _family_plurals(entities)
    _type_places(entities)
    seen: set[tuple[str, int, int]] = set()
    longest: dict[tuple[str, int], int] = {}
    out = []
    for e in sorted(entities, key=lambda e: (e.start, -e.end)):
        # "Кок" of "Кок-Таш": the first part of a hyphenated name is no place of its own
        if longest.get((e.type, e.start), e.end) > e.end and analysis.text[e.end:e.end + 1] == "-":
            continue
        longest.setdefault((e.type, e.start), e.end)
        if (e.type, e.start, e.end) not in seen:          # a repaired span may repeat another
            seen.add((e.type, e.start, e.end))
            out.append(e)
    return out

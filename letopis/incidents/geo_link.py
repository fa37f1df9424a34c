"""Where an incident happened: place mentions in its sentences resolved through the gazetteer."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from letopis.nlp.analysis import Analysis, part_of_speech
from letopis.record import PLACE_TYPES


@dataclass
class Resolved:
    name: str
    city: str | None
    region: str | None
    country: str | None
    lat: float | None
    lon: float | None
    start: int
    end: int
    kind: str


def _gazetteer():
    try:
        from letopis.geo import get_gazetteer
    except ImportError:
        return None
    return get_gazetteer()


_MEMO: dict[tuple[str, int], tuple[object, frozenset[str]]] = {}


def _per_document(name: str, analysis: Analysis, compute) -> frozenset[str]:
    """compute(analysis), worked out once per document: place look-ups ask for it at every mention."""
    key = (name, id(analysis))
    hit = _MEMO.get(key)
    if hit is not None and hit[0] is analysis:
        return hit[1]
    if len(_MEMO) > 64:
        _MEMO.clear()
    value = frozenset(compute(analysis))
    _MEMO[key] = (analysis, value)
    return value


def _context_countries(analysis: Analysis) -> frozenset[str]:
    """Countries the article names outright (countries and regions): they settle ambiguous town names
    ("Санта-Фе" beside "Техас" is in the US, not Argentina)."""
    return _per_document("context", analysis, _outright_countries)


# the town of an agency dateline: "ЛОНДОН, 23 марта 2017 года.", "Махачкала, 24 июня. РИА Новости."
_DATELINE_TOWN = re.compile(r"\s*([А-ЯЁ][А-ЯЁ\-]+(?: [А-ЯЁ\-]+)?|[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё]+)*)\s*[,.]")


def _city_countries(analysis: Analysis) -> frozenset[str]:
    """The countries of the towns the recogniser found, and of the dateline's town, whose names point to
    one country ("ЛОНДОН")."""
    def compute(analysis: Analysis) -> set[str]:
        g = _gazetteer()
        if g is None:
            return set()
        out: set[str] = set()
        for e in analysis.entities:
            hits = [h for h in g.lookup(e.text) if h.kind == "city"] if e.type == "CITY" else []
            if hits and len({h.country for h in hits}) == 1:
                out.add(hits[0].country)
        town = dateline_town(analysis)
        if town is not None and town.country:
            out.add(town.country)
        return out
    return _per_document("cities", analysis, compute)


def dateline_town(analysis: Analysis) -> Resolved | None:
    """The town an agency dateline files the story from ("КЕРЧЬ, 17 октября 2018 года."): the town
    everyone means by the name, spelt as the text spells it ("НУР-СУЛТАН" stays Нур-Султан); the scene
    when the story names no town of its own and no other country (docs/coding.md §8)."""
    if not analysis.dateline:
        return None
    m = _DATELINE_TOWN.match(analysis.text, *analysis.dateline)
    g = _gazetteer()
    if m is None or g is None:
        return None
    name = "-".join(w.capitalize() for w in m.group(1).split("-"))
    towns = [p for p in g.lookup(name) if p.kind == "city"]
    if not towns:
        return None
    town = _resolved(towns[0], m.start(1), m.end(1))
    town.city = town.name = name
    return town


def _outright_countries(analysis: Analysis) -> set[str]:
    g = _gazetteer()
    codes: set[str] = set()
    if g is not None:
        for e in analysis.entities:
            if e.type in ("COUNTRY", "STATE_OR_PROVINCE"):
                hits = g.lookup(e.text)
                # only names that point to one country settle others ("Техас", not "Санта-Фе")
                if hits and hits[0].kind in ("country", "region") and len({h.country for h in hits}) == 1:
                    codes.add(hits[0].country)
    return codes


def _pick(hits: list, context: frozenset[str]):
    for h in hits:
        if h.country in context:
            return h
    return hits[0]


# a town of this size is known by its name alone (Бишкек beside "посольства Китая"); a smaller one far
# from the article's countries is most likely a namesake ("Энфилд" in a Canadian story is not Enfield,
# Connecticut)
_WELL_KNOWN = 250_000


# territories whose country is not that of the state around them (docs/coding.md §8): an unknown settlement
# or no settlement there takes their country
# (where the act is: "на Западном берегу", "в секторе Газа"; not "ракета из Сектора Газа", "в двух километрах от …")
_TERRITORIES = ((re.compile(r"\bна\s+Западном\s+берегу\b", re.I), "PS", "Западный берег реки Иордан"),
                (re.compile(r"\bв\s+секторе\s+Газа\b", re.I), "PS", "Сектор Газа"))


def territory(text: str, start: int, end: int) -> tuple[str, str] | None:
    """(country, name) of a territory named in text[start:end] ("на Западном берегу реки Иордан" → PS)."""
    for rx, country, name in _TERRITORIES:
        if rx.search(text, start, end):
            return country, name
    return None


def _named_countries(analysis: Analysis) -> frozenset[str]:
    """The countries of the places the text names by name, not by an adjective: a town an adjective
    points to must lie in one of them."""
    return _per_document("named", analysis, _countries_by_name)


def _countries_by_name(analysis: Analysis) -> set[str]:
    g = _gazetteer()
    out: set[str] = set()
    for e in analysis.entities:
        if e.type in ("COUNTRY", "STATE_OR_PROVINCE", "CITY") and not _ADJECTIVE.search(e.text):
            hits = _lookup(g, e.text)
            if hits:
                out.add(_pick(hits, _context_countries(analysis)).country)
    return out


# "27-летний гражданин Сирии": whose citizen someone is, no country of the story's places (where someone comes
# from is: "выходец из Чечни … из города Аргун")
CITIZEN_OF = re.compile(r"(?:граждан\w*|подданн\w*|паспорт\w*)\s+$", re.I)


def _foreign_namesake(analysis: Analysis, place, at: int, end: int | None = None, towns: bool = False) -> bool:
    """A small town whose country is not that of a country or region named beside it (±150 chars); or
    any town the text places in another country right after its name ("провинции Сум на севере
    Буркина-Фасо" is no Сумы of Ukraine, however large that is). `towns`: with no country named near, the one
    country of the towns around it counts (for a name after a settlement's noun)."""
    if place.kind != "city":
        return False
    if end is not None:
        within = _country_around(analysis, end)
        if within is not None:
            return within != place.country
    if (place.population or 0) >= _WELL_KNOWN:
        return False
    g = _gazetteer()
    near: set[str] = set()
    for e in analysis.entities:
        if e.type in ("COUNTRY", "STATE_OR_PROVINCE") and abs(e.start - at) <= 150 \
                and not CITIZEN_OF.search(analysis.text, max(0, e.start - 30), e.start):
            hits = g.lookup(e.text)
            # (a country's name is the country, though a state bears it too: "Нигер", Nigeria's Niger State)
            if hits and (len({h.country for h in hits}) == 1 and hits[0].kind in ("country", "region") or hits[0].kind
                         == "country" and not any(h.kind == "country" for h in hits[1:])):
                near.add(hits[0].country)
    if not near and towns:
        # (or the one country of the towns around it: "из Момбасы в Ламу, вблизи поселка Виту" is no Vita of India)
        for e in analysis.entities:
            if e.type == "CITY" and 0 < abs(e.start - at) <= 150:
                towns = {h.country for h in g.lookup(e.text) if h.kind == "city"}
                if len(towns) == 1:
                    near |= towns
        near = near if len(near) == 1 else set()
    return bool(near) and place.country not in near


# what ties a place to the country named after it: "… на севере Буркина-Фасо", "… (Мали)"
_WITHIN = re.compile(r"\s*(?:\(\s*|(?:на|в)\s+(?:крайнем\s+)?(?:(?:северо|юго)-)?(?:севере|юге|западе|востоке|"
                     r"центре)\s+)$", re.I)


def _country_around(analysis: Analysis, end: int) -> str | None:
    """The country a COUNTRY entity right after `end` names when _WITHIN ties them, else None."""
    for e in analysis.entities:
        if e.type == "COUNTRY" and end <= e.start <= end + 30 and _WITHIN.fullmatch(analysis.text, end, e.start):
            hits = [h for h in _gazetteer().lookup(e.text) if h.kind == "country"]
            return hits[0].country if hits else None
    return None


# (and the second town of a route: "на трассе Алматы — Бишкек")
# (and a street, a square or a stop named after a place: "на улице Кирова", "на остановке Хайнрих-Хайне-аллее")
_MEDICAL = re.compile(r"(?:\s+[а-яё-]+){0,3}?\s+(?:больниц|госпитал|клиник|медцентр|медицинск|центр\w*\s+травматолог|"
                      r"травмпункт|роддом|перинатальн)", re.I)
_ROAD = re.compile(r"(?:(?:трасс|шоссе|автодорог|автотрасс|магистрал|проспект|перекрест|развязк|улиц|остановк|площад|"
                   r"бульвар|переул|набережн|станци)\w*|(?<![\w-])(?:ул|пр|просп|пер|пл|б-р|наб|ш)\.)\s*«?"
                   r"(?:[А-ЯЁ][\w-]+\s*[—–-]\s*)?$", re.I)   # ("на ул. Ленина", "пр. Абая")
_STATION = re.compile(r"(?<![а-яё])(?:авто)?(?:станци|остановк|вокзал)\w*\s*$", re.I)    # (not "постановке")


def _towns_station(text: str, e) -> bool:
    """"на центральной автобусной станции Беэр-Шевы": a station named by a town the gazetteer knows, in the
    genitive (no spelling of the town), not one that bears a name ("на станции Лубянка", "возле станции
    Никольское", "на остановке Хайнрих-Хайне-аллее")."""
    if not _STATION.search(text, max(0, e.start - 25), e.start):
        return False
    g = _gazetteer()
    towns = [p for p in _lookup(g, e.text) if p.kind == "city"] if g is not None else []
    return bool(towns) and not any(_same_name(e.text, n) for p in towns
                                   for n in [p.name, *(getattr(p, "aliases", None) or ())])


_COMPOUND = re.compile(r"(?<!\w)[А-ЯЁ]\w+-(?:на|над|под|ам)-[А-ЯЁ]\w+")
_COMPOUND_TAIL = re.compile(r"-(?:на|над|под|ам|сюр|ан|де|ле|ла|он|апон)-[А-ЯЁA-Z]")   # "Ли-он-Си", "Стратфорд-апон-Эйвон"


def _compound_named(text: str, name: str) -> str:
    """"Заложников в Ростове освободили … в Ростове-на-Дону": a town named in full elsewhere in the text
    is that town where its first part stands alone."""
    stem = name.strip()[:-2] if len(name.strip()) > 5 else name.strip()
    if "-" in name or not stem:
        return name
    return next((c for c in _compounds(text) if c.startswith(stem) and len(c.split("-", 1)[0]) - len(stem) <= 3), name)


@lru_cache(maxsize=4)
def _compounds(text: str) -> tuple[str, ...]:
    """The "X-на-Y" town names of a text, found once per text."""
    if "-на-" not in text and "-над-" not in text and "-под-" not in text and "-ам-" not in text:
        return ()
    return tuple(m.group() for m in _COMPOUND.finditer(text))


def _in_group_name(orgs: list, e) -> bool:
    """The place is part of an armed group's name the recogniser found as an organisation (`orgs`: the
    text's organisations; only those holding the place are matched against the group table)."""
    holding = [o for o in orgs if o.start <= e.start and e.end <= o.end and (o.start, o.end) != (e.start, e.end)]
    return any(_group_name(o.normal or o.text) or _group_name(o.text) for o in holding)


def _in_quoted_name(analysis: Analysis, start: int, end: int) -> bool:
    """The place stands inside a name in guillemets after other words of it: «Исламское сопротивление в Ираке»,
    «Эхо Москвы» (not inside quoted words, which have a verb: «Погибли двое в Махачкале»)."""
    text = analysis.text
    left = text.rfind("«", max(0, start - 60), start)
    right = text.find("»", end, end + 60)
    if left < 0 or right < 0 or "»" in text[left:start] or "«" in text[end:right] \
            or re.search(r"[А-ЯЁA-Z]\w*\s", text[left + 1:start]) is None or re.search(r"[.,:;!?]", text[left:right]):
        return False
    sent = analysis.sentence_at(start)
    return sent is not None and not any(part_of_speech(t.tag) in ("VERB", "INFN", "PRTS", "GRND")
                                        for t in sent.tokens if left < t.start < right)


@lru_cache(maxsize=4_096)
def _group_name(name: str) -> bool:
    from letopis.incidents.people import armed_groups
    return any(p.search(name) for p, _ in armed_groups())


_FEMININE_OR_PLURAL = ("ая", "ой", "ую", "ей", "ые", "ых", "ыми", "ими", "ие", "их")


def _other_gender(said: str, name: str) -> bool:
    """The text's adjective cannot be a form of the town's adjective name: "Свердловской" (feminine) is no
    form of the village "Свердловский" (a name in "-ой" is left alone: "Лесной" is masculine too)."""
    said, name = said.lower(), name.lower()
    return " " not in name and name.endswith(("ий", "ый")) and said.endswith(_FEMININE_OR_PLURAL) \
        and said[:-3] == name[:-3] if len(name) > 5 else False


_BANNED_IN = re.compile(r"(?:запрещен\w*|признан\w*\s+(?:террористическ\w+|экстремистск\w+)(?:\s+\w+)?)\s+"
                        r"(?:в|на\s+территории)\s+$", re.I)


def mentions(analysis: Analysis, start: int, end: int) -> list[Resolved]:
    g = _gazetteer()
    if g is None:
        return []
    out: list[Resolved] = []
    seen: set[tuple[int, int]] = set()
    context = _context_countries(analysis)
    # ("в московском метрополитене": a town's adjective in lower case, which the recogniser keeps apart)
    adjectives = [e for e in analysis.other_entities if e.type == "CITY" and start <= e.start < end
                  and e.text[:1].islower() and _ADJECTIVE.search(e.text)]
    orgs = [o for o in analysis.entities if o.type == "ORGANIZATION"]
    for e in sorted(analysis.entities + adjectives, key=lambda e: e.start) if adjectives else analysis.entities:
        if e.type in PLACE_TYPES and start <= e.start < end and _BANNED_IN.search(analysis.text, max(0, e.start - 40),
                                                                                 e.start):
            seen.add((e.start, e.end))    # "«Боко Харам» (запрещена в РФ)": a ban's country, no place of the story
            continue
        if e.type in PLACE_TYPES and start <= e.start < end and _TAKEN_TO.search(analysis.text, max(0, e.start - 30),
                                                                                 e.start):
            seen.add((e.start, e.end))    # "Раненого доставили в Бабаюрт": where the hurt were taken, no scene
            continue
        if e.type in PLACE_TYPES and start <= e.start < end and (_in_group_name(orgs, e)
                                                                 or _in_quoted_name(analysis, e.start, e.end)):
            seen.add((e.start, e.end))    # "Кавказского эмирата", "Вилаят Дагестан": a group's name, no place
            continue
        if e.type in PLACE_TYPES and start <= e.start < end and analysis.text[e.start - 1:e.start] == "«" \
                and _ADJECTIVE.search(e.text) and e.start > 0:
            seen.add((e.start, e.end))        # «Кавказский узел», «Московский комсомолец»: a title's first word
            continue
        if e.type in PLACE_TYPES and start <= e.start < end and e.text[:1].islower() and _ADJECTIVE.search(e.text) \
                and (_CLOCK_OF.search(analysis.text, max(0, e.start - 20), e.start) or _CLOCK_AFTER.match(analysis.text, e.end)):
            seen.add((e.start, e.end))    # "(совпадает с московским)", "по московскому времени": a clock, no place
            continue
        if e.type in PLACE_TYPES and start <= e.start < end and _ADJECTIVE.search(e.text) \
                and (_DISTRICT_BODY.match(analysis.text, e.end)
                     or e.text[:1].isupper() and _city_district(analysis, e.end)):
            # "Первомайский районный суд Бишкека": a city district's court; "в Ленинском районе Махачкалы":
            # a district of the town named after it; no town of that adjective (Ленинск) either way
            seen.add((e.start, e.end))
            continue
        if e.type in PLACE_TYPES and start <= e.start < end and not _generic(e.text):
            if _COMPOUND_TAIL.match(analysis.text, e.end) or _ROAD.search(analysis.text, max(0, e.start - 25), e.start) \
                    and not _towns_station(analysis.text, e):
                continue                  # "Ростове" of "Ростове-на-Дону": the gazetteer reads the whole name below;
                #                           "по трассе Кавказ", "на улице Ленина": a road, not the town (but
                #                           "автобусной станции Беэр-Шевы", a town's genitive, is the town's)
            hits = _lookup(g, _compound_named(analysis.text, e.text)) if e.text[:1].isupper() else []
            if hits and _foreign_namesake(analysis, _pick(hits, context), e.start, e.end,
                                          towns=after_settlement_word(analysis.text, e.start)):
                hits = []                                      # resolved below as an unknown town
            if hits and _other_gender(e.text, _pick(hits, context).name):
                seen.add((e.start, e.end))   # "на Свердловской железной дороге": no village Свердловский
                continue
            if hits:
                best = _pick(hits, context)
                # "в штате Кадуна", "в провинции Идлиб": after a region word, the region of that name
                if best.kind == "city" and _region_word_before(analysis.text, e.start):
                    best = next((h for h in hits if h.kind == "region" and h.country == best.country), best)
                r = _resolved(best, e.start, e.end)
                # the text's spelling, also when it is one of the place's variants ("Уотертаун", not "Вотертаун")
                names = [r.city or ""] + list(getattr(best, "aliases", []) or []) + list(getattr(best, "old_names", []) or [])
                spelled = next((x for x in (e.text, e.normal) if x and r.city and any(_same_name(x, n) for n in names)),
                               None)
                if spelled and spelled.strip().lower() != (r.city or "").lower():
                    r.city = r.name = spelled.strip()          # the text's spelling: "Санта-Фе", "Куала-Лумпур"
                out.append(r)
                seen.add((e.start, e.end))
            elif e.type in ("CITY", "LOCATION") and _ADJECTIVE.search(e.text) and _MEDICAL.match(analysis.text, e.end):
                seen.add((e.start, e.end))    # "в Бишкекский научно-исследовательский центр травматологии": where
                #                               the hurt were taken, no scene
            elif e.type in ("CITY", "LOCATION") and _ADJECTIVE.search(e.text):
                # "на Бостонском марафоне", "в нью-йоркском районе": the city of a place adjective
                stem = _ADJECTIVE.sub("", e.text)
                # "Керченском": Керчь; "пермском": Пермь, "самарском": Самара, "омском": Омск, "московском": Москва
                # (not "в станице Орджоникидзевской": after a settlement word the adjective is the town's own name)
                towns = (stem,) + ((stem[:-2],) if stem.endswith("ен") and len(stem) > 5 else ()) + (
                    (stem + "ь", stem + "а", stem + "ск") + ((stem[:-2] + "ва",) if stem.endswith("ов") else ())
                    if not after_settlement_word(analysis.text, e.start) else ())
                # "на Вестминстерском мосту" in a London story: not Westminster, Colorado; a story naming no
                # country places it by its towns ("ЛОНДОН"), or, naming none, takes it ("Керченском": Керчь)
                known = _named_countries(analysis) or _city_countries(analysis)
                hits = []
                for town in towns if len(stem) > 3 else ():
                    hits = [h for h in g.lookup(town) if h.kind == "city"]
                    if hits and known and _pick(hits, context).country not in known:
                        hits = []
                    if hits:
                        break
                if hits:
                    r = _resolved(_pick(hits, context), e.start, e.end)
                    out.append(r)
                seen.add((e.start, e.end))
            elif e.normal and e.normal[:1].isupper() and not _ON.search(analysis.text, max(0, e.start - 4), e.start) \
                    and not _ACRONYM.fullmatch(e.text.strip()) and not _ends_in_region(analysis, e) \
                    and not _people_noun(e.text.strip()) \
                    and (e.type == "CITY" or e.type == "LOCATION" and (
                    after_settlement_word(analysis.text, e.start)
                    or _GLOSS.match(analysis.text, e.end)
                    and analysis.text[max(0, e.start - 3):e.start].strip() == "в")):
                # a town the gazetteer does not know ("Сазерленд-Спрингс", "вблизи села Хушаб"); not initials
                # ("в БСМП", "в ЦРБ": a hospital's):
                # named as the text names it; the country comes from the places around it
                # after "в городе" the name stands in apposition, already nominative ("Сисайд Парк")
                # (after a region word a province, in apposition too: "в провинции Сум", not the Сумы a
                # namesake's reading gives)
                country = _country_around(analysis, e.end)
                if after_settlement_word(analysis.text, e.start):
                    name = settlement_name(analysis.text, e.start, e.text.strip())
                elif _region_word_before(analysis.text, e.start) and e.text[:1].isupper():
                    name = e.text.strip()       # ("в районе Стретем": a quarter, kept a town's kind)
                    if _PROVINCE_WORD.search(analysis.text, max(0, e.start - 20), e.start):
                        out.append(Resolved(name, None, name, country, None, None, e.start, e.end, "region"))
                        seen.add((e.start, e.end))
                        continue
                else:
                    name = _geo_nominative(e.text.strip()) or e.normal.strip()
                out.append(Resolved(name, name, None, country, None, None, e.start, e.end, "city"))
                seen.add((e.start, e.end))
    persons = [(p.start, p.end) for p in analysis.entities if p.type == "PERSON"]
    for s, e, place in g.find(analysis.text[start:end]):
        s, e = s + start, e + start
        if any(a <= s < b for a, b in [*seen, *persons]) or analysis.ignored(s, e) or _generic(analysis.text[s:e]) \
                or _ROAD.search(analysis.text, max(0, s - 25), s) \
                or not _CYR.search(analysis.text[s:e]):         # "(Santa Fe High School)": a Latin gloss
            continue
        part = _lookup(g, analysis.text[s:e]) if _DIRECTION.match(analysis.text[s:e]) else []
        r = _resolved(_pick(part, context) if part else place, s, e)
        if r.city and _same_name(analysis.text[s:e], r.city):
            r.city = r.name = analysis.text[s:e]              # the text's spelling: "Пауэй", not "Пауей"
        elif r.city and not part:
            # a name the place also goes by, as the text inflects it: "в Нур-Султане" is Нур-Султан, not Астана
            said = _fold(analysis.text[s:e])
            alias = next((a for a in getattr(place, "aliases", None) or () if _CYR.search(a)
                          and said.startswith(_fold(a)) and len(said) - len(_fold(a)) <= 2), None)
            if alias:
                r.city = r.name = alias
        if r.city and _foreign_namesake(analysis, place, s, e):
            r.country = r.region = r.lat = r.lon = None       # a namesake: the country comes from around it
        out.append(r)
    out.extend(_named_settlements(analysis, start, end, out, context))
    return sorted(out, key=lambda r: r.start)


_CLOCK_OF = re.compile(r"совпада\w*\s+с\s+$", re.I)
_CLOCK_AFTER = re.compile(r"\s+времен", re.I)


# initials, also declined ("в БСМП", "в ЦРБ", "сотрудники ЦОНа"): a hospital's or an office's, no town
_ACRONYM = re.compile(r"[А-ЯЁA-Z]{1,6}|[А-ЯЁA-Z]{2,6}[а-яё]{1,2}")


def _ends_in_region(analysis: Analysis, e) -> bool:
    """"в селе Гимры Дагестана": a span the recogniser closed on the region after the town, which it also
    found alone; the town is the shorter span."""
    return any(x.type in ("STATE_OR_PROVINCE", "COUNTRY") and e.start < x.start and x.end == e.end
               for x in analysis.entities) and any(
        x.type == e.type and x.start == e.start and x.end < e.end for x in analysis.entities)


# "на Лубянке", "на Дубровке": a name the gazetteer does not know after "на" is a square, a street or
# a quarter, not a town (towns take "в")
_ON = re.compile(r"(?:^|\s)на\s+$", re.I)


# "в городе Сисайд Парк", "в деревне Портапик": after a settlement word the name stands in apposition,
# in the nominative, whole, whatever the recogniser or the gazetteer made of it
_APPOSITION = re.compile(r"\b(?:город|городе|города|городке|городка|городок|село|селе|села|деревня|деревне|"
                         r"деревни|посёлке|поселке|посёлка|поселка|посёлок|поселок|станице|станица|станицы|"
                         r"ауле|аула|айыле|айыла|ауыле|ауыла|кишлаке|кишлака|местечке|местечка|поселение|поселении|поселения)\s+"
                         r"([А-ЯЁ][а-яё]+(?:-(?:[А-ЯЁ][а-яё]+|ан|на|де|сюр|ла|эль|аль|он|апон|ин))*(?:\s[А-ЯЁ][а-яё]+(?![\w-]))?)")


# "в Сазерленд-Спрингс (Sutherland Springs)": a foreign town glossed in Latin letters, whatever its NER type
_CYR = re.compile(r"[А-ЯЁа-яё]")
_GLOSSED = re.compile(r"\bв\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*(?:\s[А-ЯЁ][а-яё]+)?)(?=\s*\([A-Z][a-z]+)")


_ADJECTIVE = re.compile(r"(?<=[а-яё])ск(?:ий|ая|ое|ие|ого|ой|ому|ом|ую|им|их|ими)$", re.I)


def _region_after(analysis: Analysis, end: int, g) -> str | None:
    """"Санта-Фе, Техас", "Пауэй, штат Калифорния": the region a town is placed in right after it."""
    m = re.match(r",\s+(?:штат|провинци\w+|област\w+)?\s*([А-ЯЁ][\w-]+(?:\s[А-ЯЁ][\w-]+)?)", analysis.text[end:end + 60])
    if m is None or g is None:
        return None
    hits = [h for h in g.lookup(m.group(1)) if h.kind == "region"]
    return hits[0].name if hits else None


def _named_settlements(analysis: Analysis, start: int, end: int, have: list[Resolved],
                       context: frozenset[str]) -> list[Resolved]:
    g = _gazetteer()
    out: list[Resolved] = []
    found = list(_APPOSITION.finditer(analysis.text, start, end)) + list(_GLOSSED.finditer(analysis.text, start, end))
    for m in found:
        s, e, name = m.start(1), m.end(1), m.group(1)
        while name.split()[-1][:1].islower():            # "Хушаб провинции": a trailing common word
            name = name.rsplit(" ", 1)[0]
            e = s + len(name)
        if " " in name and _first_name(name.rsplit(" ", 1)[1]):
            name = name.rsplit(" ", 1)[0]                # "житель поселка Хура Мухаммад Абу Аджадж": a person's
            e = s + len(name)                            # name begins after the town's
        last = s + name.rindex(" ") + 1 if " " in name else e
        if " " in name and (_REGION_AFTER.match(analysis.text, e) or _starts_region(g, analysis.text, last) or any(
                x.type in ("STATE_OR_PROVINCE", "COUNTRY") and x.start == last for x in analysis.entities)):
            name = name.rsplit(" ", 1)[0]                # "в поселке Сураж Брянской области": the region's
            e = s + len(name)                            # adjective is no part of the town's name (nor "Новой" of
            #                                              "в деревне Портапик Новой Шотландии", nor "Дагестана")
        inside = [r for r in have if s <= r.start < e]
        if any(r.start == s and r.end >= e and r.kind == "city" for r in inside):
            continue                                     # the whole name is resolved already
        if any(p.type == "PERSON" and p.start <= s < p.end for p in analysis.entities) \
                and not _PLACE_PREP.search(analysis.text, max(0, m.start() - 12), m.start()) or _in_quoted_name(analysis, s, e):
            continue                                     # "Аким города Габит Сыздыкбеков": the role's holder; a title
            #                                              (but "у въезда в поселение Ариэль": a place, whatever the
            #                                              recogniser read)
        for r in inside:                                 # after "города" a name is the town, not a province
            have.remove(r)
        hits = [h for h in g.lookup(name) if h.kind == "city"] if g is not None else []
        named_region = _region_after(analysis, e, g)
        if hits and named_region is not None and _pick(hits, context).region != named_region:
            hits = []                                    # "Санта-Фе, Техас": not the Santa Fe of New Mexico
        if hits and not _foreign_namesake(analysis, _pick(hits, context), s, towns=True):
            r = _resolved(_pick(hits, context), s, e)
            r.city = r.name = name
        else:
            name = settlement_name(analysis.text, s, name)
            r = Resolved(name, name, None, None, None, None, s, e, "city")
        out.append(r)
    return out


_TWO_WORDS = re.compile(r"[А-ЯЁ][\w-]+\s+[А-ЯЁ][\w-]+")


def _people_noun(word: str) -> bool:
    """"Пираты в воскресенье … захватили танкер": a word whose first reading is animate people in the plural, no town."""
    from letopis.nlp.analysis import grammemes
    g = grammemes(word)
    return " " not in word and {"NOUN", "anim", "plur"} <= g and not {"Name", "Surn", "Geox"} & g


def _geo_nominative(word: str) -> str | None:
    """A one-word town the dictionary knows as a place name, in an oblique case: its nominative ("в Серове" →
    Серов), where the recogniser's normal form may keep the case."""
    from letopis.nlp.morph import parse
    if " " in word or "-" in word or not word.lower().endswith(("е", "у", "ом", "ем")):
        return None                  # (not "Манзини", a foreign name that reads as a genitive)
    p = next((p for p in parse(word.lower())[:3] if "Geox" in p.tag and p.tag.case in ("loct", "datv", "ablt")), None)
    return p.normal_form.capitalize() if p is not None else None


_PLACE_PREP = re.compile(r"(?:^|\s)(?:в|во|у|из|около|возле|близ|вблизи|под)\s+$", re.I)


def _first_name(word: str) -> bool:
    from letopis.nlp.analysis import grammemes
    return {"Name", "nomn"} <= grammemes(word)


def _starts_region(g, text: str, at: int) -> bool:
    """The word at `at` and the next one name a region or a country: "Новой Шотландии"."""
    m = _TWO_WORDS.match(text, at)
    return bool(m and g is not None and any(h.kind in ("region", "country") for h in g.lookup(m.group(0))))


def _resolved(p, s: int, e: int) -> Resolved:
    city = p.name if p.kind == "city" else None
    region = p.region if p.kind == "city" else (p.name if p.kind == "region" else None)
    return Resolved(p.name, city, region, p.country, p.lat, p.lon, s, e, p.kind)


_LOCATIVE = re.compile(r"(?:\b(?:в|во|под|около|возле|близ|вблизи|у|на)\s+(?:\w+\s+){0,2}?|"
                       r"(?:городе|городка|городке|селе|села|посёлке|поселке|поселка|посёлка|деревне|"
                       r"пригороде|окрестностях|районе)\s+)$", re.I)
# (nor a court's town: "Южный окружной военный суд в Ростове-на-Дону вынес приговор по делу о нападении …", nor
# the sources': "из источников в Исфаре")
# where the hurt were taken: "Всех увезли в БСМП", "доставлены в Грозный"
_TAKEN = r"(?:увез\w*|отвез\w*|доставлен\w*|доставил\w*|доставят|госпитализирован\w*|госпитализировал\w*|переведен\w*|переведён\w*|эвакуирова\w*)"
_NOT_THERE = re.compile(r"(?:\bиз|уроженец|уроженка|уроженцы|родом из|жител\w+|больниц\w*\s+(?:в|города)|в\s+направлении|"
                        r"госпитал\w*\s+в|базирующ\w+\s+в|штаб-квартир\w+\s+в|запрещен\w*\s+в|запрещён\w*\s+в|"
                        r"\bсуд\w*\s+в|\bисточник\w*\s+в|"
                        rf"{_TAKEN}\s+в|"
                        r"признан\w*\s+(?:\w+\s+)?в)\s+(?:\w+\s+){0,1}$", re.I)   # "(запрещена в России)"
# ("Всех раненых эвакуировали на авиабазу в Ираке")
_TAKEN_TO = re.compile(rf"{_TAKEN}\s+(?:на\s+\w+\s+)?в\s+(?:\w+\s+){{0,1}}$", re.I)
_HOSPITAL = r"(?:больниц|госпитал|клиник|медцентр)\w*"
# the town of the hospital the hurt were taken to: "Раненый доставлен в военный госпиталь в Кулябе" (or flown:
# "эвакуировали вертолетом в госпиталь в Севаре")
_TAKEN_TO_HOSPITAL = re.compile(rf"{_TAKEN}\s+(?:[а-яё]+ом\s+)?в\s+(?:[\w-]+\s+){{0,3}}?{_HOSPITAL}"
                                r"\s+(?:в\s+|города\s+)?$", re.I)     # (or the town's genitive: "в … больницы Шымкента")
# any hospital's town: "скончалась в … больнице в Нальчике"
HOSPITAL_TOWN = re.compile(rf"{_HOSPITAL}\s+(?:в\s+|города\s+)$", re.I)
_FLED_TO = re.compile(r"в\s+(?:направлении|сторону)\s+(?:\w+\s+)?$", re.I)   # "скрылись в направлении Избербаша": whither they fled
_SEAT = re.compile(r"(?:базирующ\w+|штаб-квартир\w+)\s+в\s+$", re.I)   # where a source sits, no scene
_HOME = re.compile(r"(?:уроженец|уроженка|уроженцы|уроженцев|родом из|жител\w+)\s+(?:\w+\s+){0,1}$"
                   # ("31-летнему Гарри Миллсу из Рединга", "мужчина из Ипсвича": where someone is from)
                   r"|(?:(?-i:[А-ЯЁ])[а-яё-]+|мужчин\w*|женщин\w*|парн\w*|подрост\w*)\s+из\s+$", re.I)
# "к северу от Рамаллы", "в 40 километрах от Парижа": a landmark the scene is measured from, not the scene
_OFFSET = re.compile(r"(?:(?:к\s+(?:северу|югу|западу|востоку|северо-\w+|юго-\w+)|\d+\s*(?:км|километр\w*|милях?))"
                     r"\s+от\s+(?:города\s+)?"
                     # ("примерно в 60 километрах восточнее Пальмиры")
                     r"|(?:северн|южн|западн|восточн|северо-\w+|юго-\w+)ее\s+(?:города\s+)?)$", re.I)
_REGION_WORD = re.compile(r"(?:провинци\w*|област\w*|штат\w*|округ\w*|республик\w*|район\w*|уезд\w*)\s+$", re.I)


# a district's body named by the district's adjective: "Ленинский районный отдел милиции", "Октябрьского
# районного суда", "Советская районная администрация"
_DISTRICT_BODY = re.compile(r"\s+(?:межрайонн|районн)\w*\s", re.I)


_DISTRICT_OF = re.compile(r"\s+(?:микро)?(?:район|округ)\w*\s+", re.I)


def _city_district(analysis: Analysis, end: int) -> bool:
    """"Ленинском районе Махачкалы": "район" or "округ" right after `end`, then a town's name (a named
    district's; after a town's own adjective the name is the district's: "нью-йоркском районе Манхэттен")."""
    m = _DISTRICT_OF.match(analysis.text, end)
    return m is not None and any(e.type == "CITY" and e.start == m.end() for e in analysis.entities)


_PROVINCE_WORD = re.compile(r"(?:провинци|област|штат|республик|губерни)\w*\s+$", re.I)


# a place word before an unknown name makes it a settlement: "вблизи села Хушаб", "в городке Портапик"
_SETTLEMENT = re.compile(r"(?:город\w*|сел[оаеу]|селени\w+|посел\w+|посёл\w+|деревн\w+|станиц\w+|аул\w*|"
                         r"кишлак\w*|джамоат\w*|махалл\w+|айыл\w*|ауыл\w*|местечк\w+|населенн\w+ пункт\w*|населённ\w+ пункт\w*)\s+$", re.I)
# "в Сазерленд-Спрингс (Sutherland Springs)": a foreign place glossed in Latin letters
_GLOSS = re.compile(r"\s*\((?:[A-Z][a-z]+)(?:[ -][A-Z][a-z]+){0,2}\)")


_SETTLEMENT_GENDER = (("станиц", "femn"), ("деревн", "femn"), ("сел", "neut"), ("местечк", "neut"))
_OBLIQUE_ADJ = re.compile(r"(?:ой|ом|ого|ому|ую|ей|ем|его|ему|ых|ым|ими)$")


def settlement_name(text: str, start: int, name: str) -> str:
    """The name after a settlement word, nominative: a noun stands in apposition as it is ("в деревне
    Портапик"), an adjective agrees in case ("в станице Орджоникидзевской" → Орджоникидзевская, "в
    поселке Первомайском" → Первомайский, "в селе Первомайском" → Первомайское)."""
    from letopis.nlp.morph import parse
    m = _SETTLEMENT.search(text[max(0, start - 30):start])
    word = m.group(0).lower() if m else ""
    gender = next((g for stem, g in _SETTLEMENT_GENDER if word.startswith(stem)), "masc")
    out = []
    for w in name.split(" "):
        p = next((p for p in parse(w.lower())[:2] if p.tag.POS == "ADJF" and p.tag.case != "nomn"), None)
        form = p.inflect({gender, "sing", "nomn"}) if p is not None and _OBLIQUE_ADJ.search(w.lower()) else None
        out.append(form.word.capitalize() if form is not None else w)
    return " ".join(out)


def after_settlement_word(text: str, start: int) -> bool:
    """"в городе Пауэй", "вблизи села Хушаб": a settlement word stands right before `start`."""
    return bool(_SETTLEMENT.search(text[max(0, start - 30):start]))


# "в Восточном Иерусалиме" is in Иерусалим (docs/coding.md §8): a part of a city named by direction
_DIRECTION = re.compile(r"^(?:Восточн|Западн|Северн|Южн|Центральн)\w*\s+(?=\w)", re.I)
# descriptive phrases that GeoNames also lists as towns somewhere: "Старый город" of any city (_GENERIC)


# (and the macro-regions the press names like towns: "на Северном Кавказе" is no Кавказ, Colombia)
_GENERIC = re.compile(r"^(?:(?:стар|нов|нижн|верхн)\w*\s+город\w*|(?:(?:северн|южн)\w+\s+)?кавказ\w*|закавказь\w*|"
                      r"(?:ближн|средн)\w+\s+восток\w*|(?:средн|центральн)\w+\s+ази\w*|сахел\w*)$", re.I)


def _generic(text: str) -> bool:
    return bool(_GENERIC.match(text.strip()))


def _lookup(g, text: str) -> list:
    m = _DIRECTION.match(text)
    if m:
        rest = [p for p in g.lookup(text[m.end():]) if p.kind == "city"]
        if rest:
            return rest
    return [] if _generic(text) else g.lookup(text)


def _fold(name: str) -> str:
    """A name's letters alone: "Кургантюбе", "Курган-Тюбе" and "Курган Тюбе" are one spelling."""
    return name.lower().translate(_FOLD)


_FOLD = str.maketrans({"ё": "е", "э": "е", "-": None, " ": None, "\t": None, "\n": None, "\xa0": None})


def _same_name(a: str, b: str) -> bool:
    return _fold(a) == _fold(b)


def _locative(text: str, start: int) -> int:
    """How much a mention reads as the scene: "в Таразе", "в пригороде Владикавказа" (+2); "уроженец
    Орловской области", "из Мобила", "в больнице Сан-Антонио" (-2)."""
    before = text[max(0, start - 40):start]
    if _NOT_THERE.search(before):
        return -2
    if _NEAR.search(before):
        return 1                                      # "в Портапике и Энфилде близ Галифакса": a landmark
    if _SETTLEMENT.search(before) and _LOCATIVE.search(before):
        return 3                                      # "в городе Пауэй" outranks "в синагоге Сан-Диего"
    return 2 if _LOCATIVE.search(before) else 0


_NEAR = re.compile(r"\b(?:близ|около|возле|недалеко от|неподалеку от|неподалёку от|в \d+ км от)\s+"
                   r"(?:города|села|посёлка|поселка|деревни)?\s*$", re.I)


def _region_word_before(text: str, start: int, end: int | None = None) -> bool:
    """"провинции Кандагар", "в Унцукульском районе": a province or district named like a town."""
    if end is not None and (m := _REGION_AFTER.match(text, end)):
        # (not after a settlement's word: "в городе Ираншехр провинции Систан и Белуджистан", the province's
        # word heading the next name; nor a town's adjective before its named district: "в иерусалимском
        # районе Рамот")
        return not _SETTLEMENT.search(text[max(0, start - 30):start]) and not (
            text[start:start + 1].islower() and re.match(r"\w*\s+(?-i:[А-ЯЁ])", text[m.end():m.end() + 30]))
    # (not a town owning a district named before it: "военкомата Калининского района Челябинска")
    return bool(_REGION_WORD.search(text[max(0, start - 20):start])) and not _OWNED_DISTRICT.search(
        text[max(0, start - 40):start])


# (and a named district's town: "в Алмалинском районе Алматы"; not "в стамбульском районе Фатих", where the
# town's adjective comes first and the district's own name after)
_OWNED_DISTRICT = re.compile(r"(?:[А-ЯЁа-яё]+(?:ого|его)\s+(?:района|округа|микрорайона)|"
                             r"[А-ЯЁ][а-яё]+(?:ом|ем)\s+(?:районе|округе|микрорайоне))\s+$")


_REGION_AFTER = re.compile(r"\s+(?:(?:район|округ|област|провинци|улус|уезд|республик|губерни|штат)\w*|кра[йяюе]\b)", re.I)


def names_district(analysis: Analysis, start: int, end: int, found: list[Resolved]) -> bool:
    """A district or province named like its town ("в Шалинском районе", "провинции Кандагар"): the
    scene is placed, below the level of a town the gazetteer would give it. `found`: `mentions` there."""
    return any(e.type == "DISTRICT" and start <= e.start < end for e in analysis.entities) or any(
        r.kind == "city" and _region_word_before(analysis.text, r.start, r.end) for r in found)


def place_in(analysis: Analysis, start: int, end: int, city_only: bool = False) -> Resolved | None:
    return _choose(analysis, mentions(analysis, start, end), city_only)


# "собирался сесть на рейс в Макао", "самолёт, следовавший в Москву": where someone was bound, not the scene
_BOUND_FOR = re.compile(r"\b(?:рейс\w*|вылет\w*|вылете\w*|летел\w*|летевш\w*|направлял\w*|направлявш\w*|"
                        r"следовал\w*|следовавш\w*|ш[её]л|шла|шедш\w*|плыл\w*)\s+(?:\w+\s+)?(?:в|во|до|на)\s+$|"
                        # ("потребовал … направил самолет в столицу Афганистана Кабул", "угнать в Сочи самолет", "из
                        # Суэца в индийский порт Мундра")
                        r"\b(?:следовал\w*|следовавш\w*|вылетел\w*|вылетевш\w*|шедш\w*|рейс\w*|направлял\w*|направлявш\w*|"
                        r"двигал\w*|двигавш\w*|ехал\w*|ехавш\w*)\s+из\s+"   # whence, whither
                        r"(?:[\w-]+\s+(?:в|во|до|на)\s+(?-i:[а-яё-]+\s+){0,2})?$|"
                        r"\b(?:направил\w*|направить|угнать|угнал\w*|изменить\s+курс)\s+"
                        r"(?:[\w-]+\s+){0,2}?(?:в|во|на)\s+(?-i:[а-яё-]+\s+){0,2}(?:(?-i:[А-ЯЁ])[\w-]+\s+)?$", re.I)


def _not_bound_for(text: str, found: list[Resolved]) -> list[Resolved]:
    """`found` less the destinations and the places in brackets that describe them ("рейс в Макао
    (специальный административный район Китая)")."""
    out, until = [], -1
    for r in sorted(found, key=lambda r: r.start):
        if r.start < until:
            continue
        if _BOUND_FOR.search(text[max(0, r.start - 40):r.start]):
            bracket = re.match(r"\s*\([^()]*\)", text[r.end:r.end + 200])
            until = r.end + bracket.end() if bracket else r.end
            continue
        out.append(r)
    return out


# the neighbour a border is shared with: "у границы с Малайзией", "граничащей с Афганистаном" (not the town's)
_BORDER_WITH = re.compile(r"(?:границ\w*|граничащ\w*|граничит)\s+(?:с|со)\s+$", re.I)


def _home_of_unknown(analysis: Analysis, found: list[Resolved], town: Resolved) -> tuple[str | None, str | None]:
    """The country and region of a town the gazetteer lacks: the nearest named ("напали на деревню Кирава в
    штате Борно на северо-востоке Нигерии"), the region one of that country, else the dateline town's; never one named as a source's or
    someone's home ("источники в правительстве Южной Кореи"), nor the neighbour across a border ("у границы с
    Малайзией")."""
    text = analysis.text
    def named(among: list[Resolved]) -> list[Resolved]:
        # (a province named like its town, "в провинции Наратхиват", is a region)
        # (nor whose citizens the crew are: "в экипаже 11 граждан Филиппин")
        return [r if r.kind != "city" else replace(r, kind="region", city=None) for r in among
                if r.country and (r.kind in ("region", "country") or r.kind == "city" and _region_word_before(text, r.start))
                and _locative(text, r.start) > -2 and not _BORDER_WITH.search(text, max(0, r.start - 30), r.start)
                and not CITIZEN_OF.search(text, max(0, r.start - 20), r.start)]
    around = sorted(named(found), key=lambda r: abs(r.start - town.start)) or named(mentions(analysis, 0, len(text)))
    if not around:
        # ("МАХАЧКАЛА, 3 марта. … напали на пост полиции в селе Гимры"): the dateline's town's, when nothing is named
        filed = dateline_town(analysis)
        return (filed.country, filed.region) if filed is not None else (None, None)
    country = around[0].country
    return country, next((r.name for r in around if r.kind == "region" and r.country == country), None)


def _choose(analysis: Analysis, found: list[Resolved], city_only: bool) -> Resolved | None:
    found = _not_bound_for(analysis.text, found)
    cities = [r for r in found if r.kind == "city" and not _region_word_before(analysis.text, r.start, r.end)
              and not _OFFSET.search(analysis.text[max(0, r.start - 40):r.start])]
    # "между сёлами Гимры и Унцукуль": two places compete, neither is the scene (docs/coding.md §8)
    between = [r for r in cities if re.search(r"между\s+(?:\w+\s+){0,2}$", analysis.text[max(0, r.start - 30):r.start])]
    for r in between:
        m = re.match(r"\s+и\s+", analysis.text[r.end:r.end + 5])
        rival = next((x for x in cities if m and x.start == r.end + m.end()), None)
        cities = [x for x in cities if x.name not in (r.name, rival.name if rival else None)]
    weight: Counter = Counter()
    elsewhere: set[str] = set()              # names met at least once not as someone's home
    for r in cities:
        weight[r.name] += _locative(analysis.text, r.start)
        if not _HOME.search(analysis.text[max(0, r.start - 40):r.start]) \
                and not _SEAT.search(analysis.text[max(0, r.start - 40):r.start]) \
                and not _FLED_TO.search(analysis.text[max(0, r.start - 40):r.start]) \
                and not _TAKEN_TO_HOSPITAL.search(analysis.text[max(0, r.start - 60):r.start]):
            elsewhere.add(r.name)
    # "17-летний житель поселка Сылва напал …", "уроженец Шали": a town named only as someone's home, or as
    # where the hurt were taken, is not the scene (one named only as where a victim died, "в больнице в
    # Солсбери", still may be)
    cities = [r for r in cities if r.name in elsewhere]
    if cities:
        counts = Counter(r.name for r in cities)
        top = max(cities, key=lambda r: (counts[r.name] + weight[r.name], r.country is not None, -r.start))
        if top.country is None:
            top.country, top.region = _home_of_unknown(analysis, found, top)
        if not top.region:
            top.region = next((r.region for r in found if r.kind == "region" and r.country == top.country), None)
        # "студент Университета штата Оклахома … в городе Стиллуотер": the state the sentence names after a region
        # word is the town's, not a namesake's the gazetteer knows (Stillwater, Minnesota)
        sent = analysis.sentence_at(top.start)
        named = {r.name for r in found if r.kind == "region" and r.country == top.country and sent is not None
                 and sent.start <= r.start < sent.end and _region_word_before(analysis.text, r.start)}
        # (or the region the title names as the scene: "В Ошской области подожгли здание айыл окмоту" … "в селе
        # Кызыл-Кыя Кара-Суйского района" is no namesake town of Баткенская область)
        if not named and analysis.title_span and top.start >= analysis.title_span[1]:
            named = {r.name for r in mentions(analysis, *analysis.title_span) if r.kind == "region"
                     and r.country == top.country and _locative(analysis.text, r.start) >= 2}
        if len(named) == 1 and top.region not in named:
            top = replace(top, region=named.pop(), lat=None, lon=None)
        return top
    if city_only:
        return None
    # ("источники в правительстве Южной Кореи", "уроженец Дагестана": a country or region named as a source's
    # or someone's home is no scene)
    found = [r for r in found if _locative(analysis.text, r.start) > -2]
    # ("в провинции Идлиб": a town's name after a region word names the province, and places it)
    regions = [r for r in found if r.country and (r.kind == "region" or r.kind == "city"
                                                  and _region_word_before(analysis.text, r.start, r.end))]
    if regions:
        r = regions[0]
        return r if r.kind == "region" else Resolved(r.name, None, r.name, r.country, r.lat, r.lon, r.start, r.end,
                                                     "region")
    countries = [r for r in found if r.kind == "country"]
    return countries[0] if countries else None

"""Ranks, positions and professions from tables (tables/ranks.tsv, professions.tsv, role_orgs.tsv).

A role is a head from the tables ("сержант", "министр", "сотрудник"), the agreeing adjectives just
before it ("официальный представитель"), and the genitive chain after it kept as written
("министр внутренних дел РК", "командир взвода отдельного батальона … ДВД", "капитан полиции").
The normal form puts the head and its adjectives in the nominative singular ("старших сержантов
полиции" → "старший сержант полиции"). The group comes from the head, or for generic heads
(сотрудник, командир, ranks) from the service words in the chain (role_orgs.tsv).

A rank and a position naming one person ("командир взвода … капитан полиции Газиз Байтасов") come
out as two mentions with their own spans; the person linker joins them.

API: ``find_roles(analysis, professions_only=False)`` → list[RoleMention]; with
``professions_only`` the kinds of people that are no profession (ребёнок, боевик, житель) are left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from letopis.extract.matcher import LemmaMatcher, fold
from letopis.extract.mentions import RoleMention
from letopis.lexicon import read_table
from letopis.nlp import morph
from letopis.nlp.analysis import Analysis, Sentence, Token
from letopis.nlp.normal import inflect


@dataclass(frozen=True)
class Head:
    normal: str
    group: str          # "*X": from the chain, X when it names no service
    flags: frozenset[str]


@lru_cache(maxsize=1)
def head_matcher() -> LemmaMatcher:
    rows = []
    for r in read_table("professions.tsv"):
        rows.append((r[0], Head(r[1], r[2], frozenset(filter(None, (r[3] if len(r) > 3 else "").split(","))))))
    for r in read_table("ranks.tsv"):
        flags = set(filter(None, (r[2] if len(r) > 2 else "").split(",")))
        rows.append((r[0], Head(r[1], "*military", frozenset(flags | {"rank"}))))
    return LemmaMatcher(rows)


@lru_cache(maxsize=1)
def org_matcher() -> LemmaMatcher:
    return LemmaMatcher((r[0], r[1]) for r in read_table("role_orgs.tsv"))


_GROUP_RANK = {"police": 0, "security_service": 0, "military": 1, "official": 2}
_PREFIXED = re.compile(r"(?i)(экс|женщин[аы]?)-([а-яё]+)")
_ABBR = re.compile(r"([A-ZА-ЯЁ]{2,7})([а-я]{1,2})?")
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "gen2", "loc2", "voct")


def _readings(word: str):
    return morph.parse(word.lower())


def _is_gent(tok: Token) -> bool:
    rs = _readings(tok.text)
    if len(tok.text) < 2 or rs[0].tag.POS not in ("NOUN", "ADJF"):
        return False
    return any(("gent" in p.tag or "gen2" in p.tag) and p.tag.POS in ("NOUN", "ADJF") for p in _readings(tok.text))


def _head_reading(tok: Token):
    """The noun reading of the head word (case and number for the adjectives before it)."""
    rs = _readings(tok.text)
    return next((p for p in rs if p.tag.POS == "NOUN"), rs[0])


def _used_as_adjective(toks: list[Token], end: int) -> bool:
    """"военного самолета": a head that is also an adjective, followed by a noun it agrees with."""
    last, nxt = toks[end - 1], toks[end] if end < len(toks) else None
    adj = [p for p in _readings(last.text) if p.tag.POS in ("ADJF", "PRTF")]
    if not adj or nxt is None or not nxt.text.isalpha() or nxt.text[0].isupper():
        return False
    if _readings(nxt.text)[0].tag.POS in ("VERB", "PRTS"):
        return False                   # "Нападавший погиб": the verb, though "погиб" also reads as a noun
    for p in _readings(nxt.text):
        # (in the same gender too: "управляющий кафе" is a manager of a café, not a managing café)
        if p.tag.POS == "NOUN" and any(a.tag.case == p.tag.case and a.tag.number == p.tag.number and (
                p.tag.number == "plur" or not p.tag.gender or a.tag.gender == p.tag.gender) for a in adj):
            return True
    return False


def _in_entity(analysis: Analysis, tok: Token) -> bool:
    return any(e.start <= tok.start and tok.end <= e.end and e.type != "PERSON" for e in analysis.entities)


def _name_like(analysis: Analysis, tok: Token) -> bool:
    """A capitalised word that is no place, organisation or abbreviation: a person's name."""
    rs = _readings(tok.text)
    if any({"Geox", "Orgn", "Abbr"} & set(p.tag.grammemes) for p in rs[:3]) or _in_entity(analysis, tok):
        return False
    if _town(tok.text) and not any(e.type == "PERSON" and e.start <= tok.start < e.end for e in analysis.entities):
        return False                   # "аким Шымкента": a town the dictionary does not know, the gazetteer does
        #                                (not "генерала Аллена", a person the recogniser found)
    if any(p.tag.POS == "ADJF" for p in rs[:2]) and not any({"Name", "Surn", "Patr"} & set(p.tag.grammemes) for p in rs[:1]):
        return False
    return True


@lru_cache(maxsize=20_000)
def _town(word: str) -> bool:
    """A town of 100,000 people or more, a region or a country, by any case form ("Шымкента"): a small
    namesake is rather a surname ("певца Пака Чэ Сана")."""
    from letopis.geo.gazetteer import get_gazetteer
    g = get_gazetteer()
    if g is None or not g.name_kinds(word)[0] & {"city", "region", "country"}:
        return False
    w = word.lower().replace("ё", "е")
    # the place's genitive ("Шымкента", "Астаны") or its indeclinable name ("Алматы"), never a surname in
    # the nominative ("сержант Иванов", "Королёв")
    named = any({"Surn", "Name"} & set(p.tag.grammemes) and p.tag.case == "nomn" for p in _readings(word))
    for p in g.lookup(word)[:3]:
        n = p.name.lower().replace("ё", "е")
        if p.kind == "city" and (p.population or 0) < 100_000:
            continue
        if w in (n + "а", n + "я", n[:-1] + "ы", n[:-1] + "и") or w == n and not named:
            return True
    return False


# what a post is "по": "по вопросам", "по делам", "по правам человека", "по связям с общественностью"
_REMIT = frozenset({"вопрос", "дело", "право", "связь", "борьба", "безопасность", "надзор", "работа"})


def _remit_at(toks: list[Token], k: int) -> bool:
    """A remit noun at k, past its adjectives ("по внутренней безопасности")."""
    noun = next((x for x in toks[k:k + 3] if not any(p.tag.POS == "ADJF" for p in _readings(x.text)[:1])), None)
    return noun is not None and noun.lemma in _REMIT


def _starts_person(analysis: Analysis, tok: Token) -> bool:
    """The recogniser's person of two or more words starts here ("Премьер-министр страны Джасинда
    Ардерн"): a name the dictionary misreads as a genitive noun ends the role before it (one word may
    be the role's own genitive: "главарь клана Гамбино", and so may a name the dictionary knows in the
    genitive: "представитель фонда Анны Франк")."""
    readings = _readings(tok.text)
    if any(p.tag.case in ("gent", "gen2") and {"Name", "Surn", "Patr"} & p.tag.grammemes for p in readings) and not any(
            p.tag.case == "nomn" and p.tag.number == "sing" and {"Name", "Surn"} & p.tag.grammemes for p in readings):
        return False                   # "фонда Анны Франк": a known name in the genitive is the chain's own
        #                                (not "президент Касым-Жомарт Токаев", nominative too)
    return _person_of_two_at(analysis, tok)


def _person_of_two_at(analysis: Analysis, tok: Token) -> bool:
    return any(e.type == "PERSON" and e.start == tok.start and " " in e.text.strip() for e in analysis.entities)


_OWNERS = frozenset({"ORGANIZATION", "CITY", "COUNTRY", "STATE_OR_PROVINCE"})


def _org_at(analysis: Analysis, toks: list[Token], k: int) -> int | None:
    """End (exclusive token index) of an organisation the recogniser found starting at token k, one
    the dictionary cannot read as a genitive ("Жогорку Кенеша", "Google")."""
    e = next((e for e in analysis.entities if e.type in _OWNERS and e.start == toks[k].start), None)
    # a place ("комиссар полиции Буффало": an indeclinable town); an organisation with a Latin name or one of
    # two words or more: a lone Cyrillic word ("певица Глюкоза") is rather a stage name, and initials
    # ("генерал П. Плеве") a person the recogniser mistook
    if e is None or e.type == "ORGANIZATION" and not (re.search(r"[A-Za-z]", e.text) or " " in e.text.strip()) \
            or re.match(r"[А-ЯЁ]\.", e.text):
        return None
    end = _end_token(toks, k, e.end, 8)
    return end if end is not None and end > k else None


def _end_token(toks: list[Token], k: int, end: int, most: int) -> int | None:
    """The token index just past an entity that starts at token k and ends at `end` (within `most` tokens)."""
    return next((n + 1 for n in range(k, min(len(toks), k + most)) if toks[n].end == end), None)


_POINTERS = frozenset(("этот", "тот", "же", "данный"))
_ADDRESS = frozenset(("отец", "батюшка", "брат", "сестра", "матушка", "шейх", "мулла", "устаз"))


def _person_at(analysis: Analysis, toks: list[Token], k: int) -> bool:
    return k < len(toks) and any(e.type == "PERSON" and e.start == toks[k].start for e in analysis.entities)


_PLACES = frozenset({"CITY", "COUNTRY", "STATE_OR_PROVINCE", "DISTRICT", "LOCATION"})


def _place_end(analysis: Analysis, toks: list[Token], k: int) -> int | None:
    """End (exclusive token index) of a place the recogniser found starting at token k."""
    if k >= len(toks):
        return None
    e = next((e for e in analysis.entities if e.type in _PLACES and e.start == toks[k].start), None)
    return _end_token(toks, k, e.end, 5) if e else None


def _chain(analysis: Analysis, toks: list[Token], j: int, head: Head) -> int:
    """End (exclusive) of the genitive dependents after a head starting at token j."""
    good, k, limit = j, j, j + 12
    hm = head_matcher()
    while k < min(len(toks), limit):
        tok = toks[k]
        t = tok.text
        q = _quote_end(toks, k)
        if q and k > j and good == k:                                 # президент компании «Лукойл»
            good = k = q
            continue
        if t == "по" and (k > j or _remit_at(toks, k + 1)):
            # "департамента КНБ по Жамбылской области"; right after the head only a remit:
            # "эксперт по вопросам безопасности", "уполномоченный по правам человека"
            n = k + 1
            while n < len(toks) and n < k + 4 and any(p.tag.POS == "ADJF" and "datv" in p.tag for p in _readings(toks[n].text)):
                n += 1
            if n < len(toks) and any(p.tag.POS == "NOUN" and "datv" in p.tag for p in _readings(toks[n].text)):
                good = k = n + 1
                continue
            break
        if t == "и" and k > j and good == k and k + 1 < len(toks):   # актёр театра и кино
            nt = toks[k + 1]
            if nt.text.islower() and _is_gent(nt) and not hm.match_at(toks, k + 1):
                k += 1
                continue
            break
        if t == "№" and k > j and good == k and k + 1 < len(toks) and toks[k + 1].text[:1].isdigit():
            good = k = k + 2                                          # ученик школы № 5
            continue
        m = _ABBR.fullmatch(t)
        if m and (m.group(2) is None or m.group(2) in ("а", "у", "ом", "е", "ы", "ов")):
            good = k = k + 1
            continue
        if tok.lemma in _ADDRESS and _person_at(analysis, toks, k + 1):
            break                      # "настоятеля храма отца Виталия": the name's own title, no complement
        if tok.lemma in _POINTERS and k + 1 < len(toks) and (good == k or toks[k - 1].lemma in _POINTERS):
            k += 1                     # "выпускник этой же школы", "сотрудник того же отдела": the noun follows
            continue
        if t in ("в", "во") and k > j and good == k:
            # "руководитель оперативного штаба в Республике Дагестан Сергей Меликов", "посол России в
            # Казахстане X": a place after the complement, when a name follows it (else "ранен сотрудник
            # полиции в Махачкале" would take the town into the role)
            n = _place_end(analysis, toks, k + 1)
            if n is not None and _person_at(analysis, toks, n):
                good = k = n
            break
        if k == j and _person_at(analysis, toks, k + 1) and any(
                p.tag.POS == "PRTF" and p.tag.case == "gent" and p.tag.number == "sing" for p in _readings(t)[:1]):
            good = k = k + 1           # "адвокат осужденного Сергей Малинин": the one he serves, a participle
            break
        org = _org_at(analysis, toks, k) if good == k and t[:1].isupper() else None
        if org is not None:                                           # депутат Жогорку Кенеша
            good = k = org
            continue
        if not t.isalpha() and "-" not in t:
            break
        inner = hm.match_at(toks, k)
        # (not a word that is also a field of knowledge in the genitive: "учительницу математики", "преподаватель
        # физики" are one post, "математик" and "физик" no second one)
        field = inner and k == j and any(p.tag.POS == "NOUN" and "inan" in p.tag and p.tag.case == "gent"
                                         and p.tag.number == "sing" for p in _readings(t))
        if inner and not field and ("rank" in inner.payload.flags or (k == j and "rel" not in head.flags)):
            break                      # "сотрудников отдела старших сержантов полиции": a new role
        if not _is_gent(tok) or any(p.tag.POS == "PRTF" for p in _readings(t)[:1]):
            break
        # (after a capitalised complement a person of two words starts a name, known genitive or not:
        # "президента Украины Владимира Зеленского", unlike "представитель фонда Анны Франк")
        if t[0].isupper() and not (inner and k == j) and (_name_like(analysis, tok) or _starts_person(analysis, tok) or k > j
                               and toks[k - 1].text[:1].isupper() and _person_of_two_at(analysis, tok)):
            break
        k += 1
        if any(p.tag.POS == "NOUN" and ("gent" in p.tag or "gen2" in p.tag) for p in _readings(t)):
            good = k
    return good


def _quote_end(toks: list[Token], j: int) -> int | None:
    if j >= len(toks) or toks[j].text not in "«\"„":
        return None
    for k in range(j + 1, min(len(toks), j + 8)):
        if toks[k].text in "»\"“”":
            return k + 1 if k > j + 1 else None
    return None


def _chain_text(analysis: Analysis, toks: list[Token]) -> str:
    out = []
    for t in toks:
        m = _ABBR.fullmatch(t.text)
        out.append(m.group(1) if m else t.text)       # "МИДа" → "МИД"
    text = " ".join(out)
    text = re.sub(r'" ([^"]*?) "', r'"\1"', text)             # 'имам мечети "Нурлан"'
    return re.sub(r"« ", "«", re.sub(r" »", "»", text))


@lru_cache(maxsize=1)
def modifiers() -> frozenset[str]:
    return frozenset(fold(r[0]) for r in read_table("role_modifiers.tsv"))


def _inflect_adj(word: str, case: str | None, number: str | None, gender: str) -> str | None:
    for p in _readings(word):
        if p.tag.POS == "ADJF" and (case is None or p.tag.case == case) and (number is None or p.tag.number == number):
            if fold(p.normal_form) not in modifiers():
                return None
            f = inflect(p, ("nomn", "sing", gender))
            return f.word if f else None
    return None


def service_group(chain: list[Token]) -> str | None:
    """The service a role's genitive chain names ("полиции", "МВД", "внутренних дел" → police), the
    highest ranked when it names several; None when it names none."""
    found = [m.payload for m in org_matcher().find(chain)]
    return min(found, key=lambda g: _GROUP_RANK.get(g, 3)) if found else None


def _sentence_roles(analysis: Analysis, sent: Sentence, professions_only: bool) -> list[RoleMention]:
    text, toks = analysis.text, sent.tokens
    out: list[RoleMention] = []
    bare: list[RoleMention] = []                     # ranks that name no service (military by default)
    own: set[int] = set()                            # of them, words of one force only (flag `own`)
    i = 0
    while i < len(toks):
        m = head_matcher().match_at(toks, i)
        prefix = ""
        if m is None:           # "экс-президента", "женщин-полицейских": the head after the hyphen
            pm = _PREFIXED.fullmatch(toks[i].text)
            if pm:
                part = Token(toks[i].start + pm.start(2), toks[i].end, pm.group(2), pm.group(2).lower())
                m = head_matcher().match_at([part] + toks[i + 1:i + 1], 0)
                prefix = "экс-" if fold(pm.group(1)) == "экс" else ""
            if m is None or m.end != 1:
                i += 1
                continue
            m.end = i + 1
        head, end = m.payload, m.end
        if (professions_only and "person" in head.flags) or _used_as_adjective(toks, end):
            i = end
            continue
        cend = end if "nochain" in head.flags else _chain(analysis, toks, end, head)
        nxt = toks[cend] if cend < len(toks) else None
        if ("needchain" in head.flags and cend == end) or (
                "ctx" in head.flags and cend == end and not (nxt and nxt.text[:1].isupper() and nxt.text.isalpha())):
            i = end
            continue
        hn = next((k for k in range(i, end) if _readings(toks[k].text)[0].tag.POS == "NOUN"), end - 1)
        hr = _head_reading(toks[hn])
        gender = hr.tag.gender if hr.tag.gender in ("masc", "femn", "neut") else "masc"
        # agreeing adjectives just before the head: "официальный представитель", "конных полицейских"
        start, adjs = i, []
        while start > 0 and len(adjs) < 3:
            prev = toks[start - 1]
            if not prev.text.isalpha() or (prev.text[0].isupper() and prev.start != sent.start):
                break
            a = _inflect_adj(prev.text, hr.tag.case, hr.tag.number, gender)
            if a is None:
                break
            adjs.insert(0, a)
            start -= 1
        chain = toks[end:cend]
        normal = " ".join(adjs + [prefix + head.normal] + ([_chain_text(analysis, chain)] if chain else []))
        s, e = toks[start].start, toks[cend - 1].end
        plural = hr.tag.number == "plur" and "Pltm" not in hr.tag
        # "*X": the group the chain's service words name, X when they name none (a bare rank)
        default = head.group.startswith("*")
        served = service_group(chain) if default else None
        out.append(RoleMention(s, e, text[s:e], normal, served or (head.group[1:] if default else head.group),
                               plural, "person" in head.flags))
        if default and served is None:
            bare.append(out[-1])
            if "own" in head.flags:
                own.add(id(out[-1]))
        i = end            # heads inside a chain ("пресс-секретарь президента") are roles too
    # "погиб сержант полиции X, ранения получили лейтенант Y и рядовой Z": a bare rank serves where the
    # sentence's ranks that name their service do
    unnamed = {id(r) for r in bare}
    told = {r.group for r in out if id(r) not in unnamed and r.group in ("police", "security_service", "military")}
    staff = [r for r in bare if r.group in ("other", "police", "security_service", "military")
             or r.normal.split()[0] in ("инспектор", "следователь")]
    if not told and staff:
        # "расстреляли пост ДПС, ранены трое инспекторов": the service the sentence names serves its staff
        # and ranks (not its leaders: "глава города … со ссылкой на источник в правоохранительных органах")
        named = service_group(toks)
        if named in ("police", "security_service", "military"):
            for r in staff:
                r.group = named
    if len(told) == 1:
        # (not a word of a force's own: "погибли двое сотрудников милиции и один военнослужащий" — a soldier)
        for r in bare:
            if id(r) not in own:
                r.group = next(iter(told))
    return out


def find_roles(analysis: Analysis, professions_only: bool = False) -> list[RoleMention]:
    out: list[RoleMention] = []
    for sent in analysis.sentences:
        out.extend(r for r in _sentence_roles(analysis, sent, professions_only)
                   if not analysis.ignored(r.start, r.end))
    return out

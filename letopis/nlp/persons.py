"""Aggregate PERSON mentions into persons, linked by surname and first name.

"Максат Кариев", "Кариева", "М. Кариев" are one person: full names group under surname and first
name ("Садыр Жапаров" and "Акылбек Жапаров" are two); a lone surname or an initial joins the namesake
named last before it, whose initial fits; a first-name-only mention joins the one person with that
first name when there is exactly one, and so does a first name with a patronymic ("Нурлан Серикович").
The fullest normal form names the person; an initial never
beats a full first name ("Газиз Байтасов" over "Г. Байтасов").
"""
from __future__ import annotations

import re

from letopis.nlp import morph
from letopis.nlp.analysis import Analysis
from letopis.nlp.normal import _adjective_before
from letopis.record import Person

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*\.?")


def _words(name: str) -> list[str]:
    return [w for w in _WORD.findall(name)]


def _fullness(name: str) -> tuple[int, int, int, int]:
    words = _words(name)
    full = [w for w in words if not w.endswith(".")]
    # a surname beats a patronymic: "Нурлан Жумабаев" names the person, not "Нурлан Серикович"
    return (len(full), not _first_and_patronymic(words), len(words), len(name))


def _key(word: str) -> str:
    return word.lower().replace("ё", "е").rstrip(".")


_PARTICLES = frozenset(("бен", "бин", "ибн", "ван", "фон", "де", "ди", "дель", "ле", "ла", "эль", "аль"))


def _named_after(analysis: Analysis, e) -> bool:
    """An adjective made of a name, before its noun or inside a longer name ("Нобелевские премии",
    "Мариинского театра"): NEREL tags it PERSON, but it names no one. Only a word the dictionary knows
    as an adjective alone ("Достоевского", "Березовского" are surnames too; "Крутой заявил" has no noun)."""
    w = e.text.lower()
    if not w.endswith(_ADJ_ENDINGS) or " " in w or not morph.morph().word_is_known(w):
        return False
    parses = morph.parse(w)
    if any(p.tag.POS != "ADJF" or {"Surn", "Name"} & p.tag.grammemes for p in parses):
        return False
    nxt = _NEXT_WORD.match(analysis.text, e.end)
    return (nxt is not None and _adjective_before(parses, nxt.group(1))) or any(
        o.start <= e.start and e.end <= o.end and (o.start, o.end) != (e.start, e.end) for o in analysis.entities)


_ADJ_ENDINGS = ("ий", "ый", "ой", "ая", "яя", "ое", "ее", "ие", "ые", "ого", "его", "ому", "ему", "ую", "юю",
                "ых", "их", "ым", "им", "ом", "ем", "ыми", "ими")
_NEXT_WORD = re.compile(r"[ \xa0]([а-яё]+)")


def link_persons(analysis: Analysis) -> list[Person]:
    """One Person per distinct individual, mentions in text order, roles left empty."""
    mentions = sorted((e for e in analysis.entities if e.type == "PERSON" and not _named_after(analysis, e)),
                      key=lambda e: (e.start, e.end))
    # full names group by (surname, first name): "Садыр Жапаров" and "Акылбек Жапаров" are two people;
    # a name with an initial ("С. Жапаров") or none joins them afterwards
    groups: dict[tuple[str, str], dict] = {}
    # the same words as written are the same person, however each mention's context made it normalise
    # ("44-летняя Хелле Торнинг-Шмитт" read as "Хелла", "премьер-министр Дании Хелле Торнинг-Шмитт" as
    # written); a lone surname as written joins the full name written with it ("Рами Хамдалла" … "Хамдалла")
    written: dict[tuple[str, str], dict] = {}
    later = []                            # one-word mentions and names with an initial
    for e in mentions:
        normal = _first_name_first(e.normal or e.text)
        words = _words(normal)
        if not words:
            continue
        if len(words) == 1 or words[0].endswith("."):
            later.append((e, words))
            continue
        if len(words) == 2 and words[0].lower() in _PARTICLES:
            later.append((e, words[1:]))      # "Бен Салема": the surname with its particle, named alone
            continue
        if _first_and_patronymic(words) and (owner := _owner(groups, e, words)) is not None:
            owner["names"].append(e.normal or e.text)      # "— Нурлан Серикович, …?" after "Нурлан Жумабаев"
            owner["spans"].append((e.start, e.end))
            continue
        surface = _words(e.text)
        as_written = (_key(surface[-1]), _key(surface[0])) if len(surface) > 1 else None
        key_normal = (_key(words[-1]), _key(words[0]))
        g = written.get(as_written) or groups.setdefault(key_normal, {"names": [], "spans": [], "written": set()})
        for key in (as_written, key_normal):             # both spellings of the one person find it
            if key:
                written.setdefault(key, g)
        g["names"].append(normal)
        g["spans"].append((e.start, e.end))
        g["written"].add(e.text)
    for e, words in later:
        surface = _words(e.text)
        target = _owner(groups, e, words)
        # (not a Russian surname: "Назарбаева", "Медведевой" are the man's genitive or a woman, as read)
        if target is None and surface and not _RUSSIAN_SURNAME.search(_key(surface[-1])):
            target = _owner(written, e, words, False) or _owner(written, e, surface, False) or \
                written.get((_key(surface[-1]), ""))
        if target is None and surface and len(surface) == 2 and surface[0].lower() in _PARTICLES:
            # "двое знакомых Бен Салема" after "Анис Бен Салем": a foreign surname with a case ending
            stem = re.sub(r"(?:а|у|ом|е)$", "", surface[-1])
            target = _owner(groups, e, [stem]) if stem != surface[-1] else None
        if target is None:                               # "Медведев", "Д. Медведев": one, named so only
            target = groups.setdefault((_key(words[-1]), ""), {"names": [], "spans": [], "written": set()})
        if surface:                                      # "Хамдалла" read as "Хамдалл" here, as written there
            written.setdefault((_key(surface[-1]), ""), target)
        target["names"].append(e.normal or e.text)
        target["spans"].append((e.start, e.end))
    persons = []
    for g in groups.values():
        if not g["spans"]:
            continue
        # of two readings as full, the one written so somewhere ("Хелле", not "Хелла")
        name = max(g["names"], key=lambda n: (_fullness(n), n in g["written"]))
        persons.append(Person(name=name, mentions=sorted(set(g["spans"]))))
    return _join_real_names(analysis.text, sorted(persons, key=lambda p: p.mentions[0]))


# "Владлен Татарский (настоящее имя — Максим Фомин)": one person under two names
REAL_NAME = re.compile(r"\s*\((?:настоящ\w+\s+(?:имя|фамилия)|урожд[её]нн\w+|он\s+же|она\s+же)\s*[—–:-]?\s*$", re.I)


def _join_real_names(text: str, persons: list[Person]) -> list[Person]:
    out: list[Person] = []
    for p in persons:
        s = p.mentions[0][0]
        m = REAL_NAME.search(text, max(0, s - 40), s)
        host = next((q for q in out for _, b in q.mentions if m is not None and b == m.start()), None)
        if host is None:
            out.append(p)
            continue
        host.mentions = sorted(set(host.mentions + p.mentions))
        host.extra.setdefault("aliases", []).append(p.name)
    return out


# the endings of Russian and Turkic surnames, whose forms the dictionary reads well
_RUSSIAN_SURNAME = re.compile(r"(?:[оеё]в|[иы]н|ск|цк)(?:а|ой|у|ым|ом|е|ых)?$|(?:ск|цк)(?:ий|ая|ого|ой|ому|им)$")


def _first_name_first(name: str) -> str:
    """"Исаева Патимат Гаджиевна" (a list's or a court's order: surname, first name, patronymic) → "Патимат
    Гаджиевна Исаева", the order the other mentions of a person are written and grouped in."""
    words = name.split()
    # (the patronymic last: in "Имя Отчество Фамилия" the last word is the surname)
    if len(words) != 3 or not _first_and_patronymic(words[1:]) or _first_and_patronymic(words[:2]):
        return name
    return f"{words[1]} {words[2]} {words[0]}"


def _first_and_patronymic(words: list[str]) -> bool:
    """"Нурлан Серикович": a first name and a patronymic, the way an interviewer addresses someone (a
    surname the dictionary also knows in -вич, "Янукович", "Абрамович", is no patronymic here)."""
    if len(words) != 2 or not words[1].lower().endswith(("вич", "вна", "ична")):
        return False
    from letopis.nlp.morph import parse
    tags = [p.tag for p in parse(words[1].lower())]
    return bool(tags) and all("Patr" in t for t in tags)


def _owner(groups: dict[tuple[str, str], dict], e, words: list[str], first_names: bool = True) -> dict | None:
    """The person a short mention names: by surname (with a matching initial), else by first name;
    of several namesakes, the one last named before it ("Садыр Жапаров … Жапаров")."""
    if _first_and_patronymic(words):
        # "— Нурлан Серикович, …?": the one person of that first name named in full
        # (named in full before it: "Операторами выступили Михаил Агранович и Михаил Хасая" are two)
        same = [g for k, g in groups.items() if k[1] == _key(words[0]) and k[0]]
        return same[0] if len(same) == 1 and min(same[0]["spans"])[0] < e.start else None
    last = _key(words[-1])
    same = [(k, g) for k, g in groups.items() if k[0] == last and k[1]]
    if len(words) > 1:                                   # "С. Жапаров": the initial must fit
        same = [(k, g) for k, g in same if k[1].startswith(_key(words[0]))]
    if not same and len(words) == 1 and first_names:
        same = [(k, g) for k, g in groups.items() if k[1] == last]    # a first name alone
        if len(same) != 1:
            return None
    if not same:
        return None
    before = [(max((s for s in g["spans"] if s[0] < e.start), default=(-1, -1)), g) for _, g in same]
    return max(before, key=lambda x: x[0])[1]

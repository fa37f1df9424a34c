"""Ages of people: "34-летний Максат Кариев", "мужчина 34 лет", "в возрасте 34 лет",
"(34 года)", "Иванов, 34 года,", "шестидесятилетний". Values 0..120.

API: ``find_ages(analysis)`` and ``scan_ages(text)`` → list[AgeMention]."""
from __future__ import annotations

import re
from functools import lru_cache

from letopis.extract.mentions import AgeMention
from letopis.extract.numbers import _alt_tree, numeral_words
from letopis.lexicon import read_table
from letopis.nlp import morph

_YEARS = r"(?:лет|года|год)"
_LETN = r"летн(?:ий|яя|ее|его|ей|ему|им|ем|юю|ие|их|ими)"


@lru_cache(maxsize=1)
def _tables():
    persons = {r[0] for r in read_table("age_nouns.tsv")}
    not_person = {r[0] for r in read_table("age_not_person.tsv")}
    # Compound-adjective stems: the genitive of the cardinal ("шестидесяти", "двадцати", "пяти",
    # "сорока", "ста") — "двадцатипятилетний" = двадцати + пяти + летний.
    stems: dict[str, int] = {}
    for w, (v, kind, _) in numeral_words().items():
        if kind == "card" and isinstance(v, int) and 1 <= v <= 100 and (
                w.endswith(("и", "ух", "ех", "рех", "ого")) or w in ("сорока", "девяноста", "ста")):
            stems.setdefault(w, v)
    stems.update({"одно": 1, "двух": 2, "трех": 3, "четырех": 4, "полуторо": 1})
    stems.pop("одного", None)
    return persons, not_person, stems


@lru_cache(maxsize=1)
def _patterns():
    persons, not_person, stems = _tables()
    stem = _alt_tree(stems)
    return {
        "adj": re.compile(rf"(?<![\w-])(?P<n>\d{{1,3}})\s?-?\s?(?:х-)?{_LETN}(?![\w-])", re.IGNORECASE),
        "adjw": re.compile(rf"(?<![\w-])(?P<w>(?:{stem})(?:{stem})?){_LETN}(?![\w-])", re.IGNORECASE),
        "vozr": re.compile(rf"(?<![\w-])в\s+возрасте\s+(?:(?:от|до|около|примерно|старше|младше)\s+)?"
                           rf"(?P<n>\d{{1,3}})\s+{_YEARS}(?![\w-])", re.IGNORECASE),
        "bare": re.compile(rf"(?<![\w-])(?P<n>\d{{1,3}})\s+{_YEARS}(?![\w-])", re.IGNORECASE),
        "stem": stems,
        "persons": persons,
        "not_person": not_person,
    }


def _compound_value(word: str, stems: dict[str, int]) -> int | None:
    w = word.lower().replace("ё", "е")
    w = re.sub(_LETN + "$", "", w)
    if w in stems:
        return stems[w]
    for i in range(2, len(w) - 1):
        a, b = w[:i], w[i:]
        if a in stems and b in stems and stems[a] >= 20 and stems[a] % 10 == 0 and stems[b] < 10:
            return stems[a] + stems[b]
    return None


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\s+([А-Яа-яЁё]+)", text[end:end + 40])
    return morph.lemma(m.group(1)) if m else ""


def _prev_word(text: str, start: int) -> tuple[str, str]:
    """(lemma, separator) of the word before `start`."""
    m = re.search(r"(?<![А-Яа-яЁёA-Za-z])([А-Яа-яЁёA-Za-z]+)([\s,(]*)$", text[max(0, start - 40):start])
    return (morph.lemma(m.group(1)), m.group(2)) if m else ("", text[max(0, start - 3):start])


_LIST_ENTRY = re.compile(r"(?:^|\n)[ \t]*(?:\d{1,3}[.)][ \t]*)?(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?[ \t]+){0,2}"
                         r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?[ \t]*[—–][ \t]*$")
_ENTRY_FIELD = re.compile(r"[ \t]*(?:[—–,;][ \t]|[.;]?[ \t]*$)")
_TERM = re.compile(r"колони|лишени|заключени|свобод|режима|условно", re.IGNORECASE)


def scan_ages(text: str) -> list[AgeMention]:
    p = _patterns()
    out: list[AgeMention] = []
    for m in p["adj"].finditer(text):
        if _next_word(text, m.end()) in p["not_person"]:
            continue
        out.append(AgeMention(m.start(), m.end(), m.group(), int(m.group("n"))))
    for m in p["adjw"].finditer(text):
        v = _compound_value(m.group(), p["stem"])
        if v is None or v < 2 or _next_word(text, m.end()) in p["not_person"]:
            continue
        out.append(AgeMention(m.start(), m.end(), m.group(), v))
    for m in p["vozr"].finditer(text):
        out.append(AgeMention(m.start(), m.end(), m.group(), int(m.group("n"))))
    for m in p["bare"].finditer(text):
        s, e = m.start(), m.end()
        before = text[max(0, s - 2):s]
        after = text[e:e + 1]
        prev, sep = _prev_word(text, s)
        ok = (before.endswith("(") and after in (")", ",")          # "(34 года)"
              or (prev in p["persons"] and sep.strip(" ") in ("", ",")))  # "мужчина 34 лет"
        if not ok and "," in sep and after in (",", ")", ".", ";"):
            # "Иванов, 34 года, ..." — a capitalised name right before the comma
            w = re.search(r"([А-ЯЁ][а-яё]+)\s*,\s*$", text[max(0, s - 40):s])
            ok = bool(w)
        if not ok:
            m2 = re.search(r"(?:(?:ему|ей|им|которому|которой|которым)\s+(?:уже\s+)?|"
                           r"(?:было|был|была|исполнил[ао]сь(?:\s+бы)?|исполнится|исполняется|стукнуло|"
                           r"в\s+свои)\s+)$",
                           text[max(0, s - 30):s], re.IGNORECASE)
            ok = bool(m2)
        if not ok and _LIST_ENTRY.search(text, max(0, s - 60), s):
            # "Сатторова Мохира — 19 лет — стажер": a list's entry, its line opening with the name (not a
            # sentence's term: "Иванов — 12 лет колонии")
            nl = text.find("\n", e)
            rest = text[e:nl if nl >= 0 else len(text)]
            ok = _ENTRY_FIELD.match(rest) is not None and not _TERM.search(rest)
        if ok:
            out.append(AgeMention(s, e, m.group(), int(m.group("n"))))
    out = [a for a in out if 0 <= a.value <= 120]
    out.sort(key=lambda a: (a.start, -(a.end - a.start)))
    kept: list[AgeMention] = []
    for a in out:
        if kept and a.start < kept[-1].end:
            continue
        kept.append(a)
    return kept


def find_ages(analysis) -> list[AgeMention]:
    return [a for a in scan_ages(analysis.text) if not analysis.ignored(a.start, a.end)]

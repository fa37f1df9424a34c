"""Aggregate PERSON mentions into persons, linked by surname.

"Максат Кариев", "Кариева", "М. Кариев" are one person: mentions group under the surname
(the last word of the normal form); a first-name-only mention joins the one person with
that first name when there is exactly one. The fullest normal form names the person;
an initial never beats a full first name ("Газиз Байтасов" over "Г. Байтасов").
"""
from __future__ import annotations

import re

from letopis.nlp.analysis import Analysis
from letopis.record import Person

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*\.?")


def _words(name: str) -> list[str]:
    return [w for w in _WORD.findall(name)]


def _fullness(name: str) -> tuple[int, int, int]:
    words = _words(name)
    full = [w for w in words if not w.endswith(".")]
    return (len(full), len(words), len(name))


def _key(word: str) -> str:
    return word.lower().replace("ё", "е").rstrip(".")


def link_persons(analysis: Analysis) -> list[Person]:
    """One Person per distinct individual, mentions in text order, roles left empty."""
    mentions = sorted((e for e in analysis.entities if e.type == "PERSON"),
                      key=lambda e: (e.start, e.end))
    groups: dict[str, dict] = {}          # surname key → {"names": [...], "spans": [...]}
    singles = []                          # one-word mentions: surname or first name
    for e in mentions:
        words = _words(e.normal or e.text)
        if not words:
            continue
        if len(words) == 1:
            singles.append((e, _key(words[0])))
            continue
        g = groups.setdefault(_key(words[-1]), {"names": [], "spans": [], "first": set()})
        g["names"].append(e.normal or e.text)
        g["spans"].append((e.start, e.end))
        if not words[0].endswith("."):
            g["first"].add(_key(words[0]))
    for e, word in singles:
        if word in groups:                                   # a lone surname
            target = groups[word]
        else:
            owners = [g for g in groups.values() if word in g["first"]]
            if len(owners) == 1:                             # an unambiguous first name
                target = owners[0]
            else:
                target = groups.setdefault(word, {"names": [], "spans": [], "first": set()})
        target["names"].append(e.normal or e.text)
        target["spans"].append((e.start, e.end))
    persons = []
    for g in groups.values():
        if not g["spans"]:
            continue
        name = max(g["names"], key=_fullness)
        persons.append(Person(name=name, mentions=sorted(set(g["spans"]))))
    return sorted(persons, key=lambda p: p.mentions[0])

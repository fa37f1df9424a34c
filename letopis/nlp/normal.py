"""Normal (nominative, dictionary) forms of entity mentions.

Persons: every word gets its possible readings — pymorphy2 parses (Name/Surn/Patr weigh
most), suffix rules for the Central-Asian names pymorphy does not know (-ов/-ев/-ин/-ын/-ский
surnames, consonant-final first names), and "indeclinable" as a weak last resort. The case
and gender of the whole name are then chosen jointly: "Ерлана Карина" is masculine genitive
throughout (Ерлан Карин), never the female name Карина after a male first name.

Places and organisations: only the head (the first noun) and the adjectives before it go to
the nominative, in agreement with the head ("Жамбылской области" → "Жамбылская область",
"Совета Европейского Союза" → "Совет Европейского Союза"); abbreviations stay, losing a case
ending glued to them ("МИДа" → "МИД"); quoted names stay as written.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from letopis.lexicon import read_table
from letopis.nlp import morph
from letopis.nlp.analysis import Analysis
from letopis.record import Entity

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
GENDERS = ("masc", "femn")
PERSON_TYPES = ("PERSON",)
_DATA = Path(__file__).parent / "data"

# The case a preposition governs; a name right after one is not nominative.
PREP_CASES = {
    "в": ("loct", "accs"), "во": ("loct", "accs"), "на": ("loct", "accs"), "о": ("loct",),
    "об": ("loct",), "обо": ("loct",), "при": ("loct",), "к": ("datv",), "ко": ("datv",),
    "по": ("datv", "loct"), "с": ("ablt", "gent"), "со": ("ablt", "gent"), "у": ("gent",),
    "от": ("gent",), "до": ("gent",), "из": ("gent",), "без": ("gent",), "для": ("gent",),
    "около": ("gent",), "против": ("gent",), "после": ("gent",), "из-за": ("gent",),
    "среди": ("gent",), "между": ("ablt",), "за": ("ablt", "accs"), "под": ("ablt", "accs"),
    "над": ("ablt",), "перед": ("ablt",), "через": ("accs",), "про": ("accs",),
    # the nouns of "по словам X", "со слов X", "по мнению X" govern the genitive as a preposition would
    "словам": ("gent",), "слов": ("gent",), "мнению": ("gent",), "заявлению": ("gent",), "признанию": ("gent",),
}

# Masculine surname endings: stem suffix → {case ending: case}.
_SURN_MASC = {
    ("ов", "ев", "ёв", "ин", "ын"): {"": "nomn", "а": "gent", "у": "datv", "ым": "ablt", "е": "loct"},
    ("ский", "цкий"): {"": "nomn"},
}
_SURN_MASC_SK = {"ого": "gent", "ому": "datv", "им": "ablt", "ом": "loct"}   # -ск|ого, -цк|ому
_SURN_FEMN = {"а": "nomn", "ой": "gent", "у": "accs"}                       # -ов|а, -ов|ой, -ов|у
_MASC_NAME_ENDINGS = {"": "nomn", "а": "gent", "у": "datv", "ом": "ablt", "е": "loct"}
_SOFT_NAME_ENDINGS = {"й": "nomn", "я": "gent", "ю": "datv", "ем": "ablt", "е": "loct"}
_VOWELS = set("аеёиоуыэюя")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_QUOTE = re.compile(r"[«\"“„']")
_INITIALS = re.compile(r"\b([A-ZА-ЯЁ])\.\s*(?=[A-ZА-ЯЁ])")
_GLUED = re.compile(r"^([A-ZА-ЯЁ]{2,})-?(а|у|ом|е|ы|ой|ов|ам|ами|ах)$")


@lru_cache(maxsize=None)
def names(kind: str) -> frozenset[str]:
    """A data list (names_male, names_female, org_abbr), one entry per line, # comments."""
    path = _DATA / f"{kind}.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return frozenset(l.strip().lower() for l in lines if l.strip() and not l.startswith("#"))


def shape(word: str, like: str) -> str:
    """Give `word` the capitalisation of `like` (Title, UPPER, lower), and the "ё" of its stem (the
    dictionary writes "е": "Мирзиёева" → "Мирзиёев", not "Мирзиеев")."""
    if "ё" in like or "Ё" in like:
        word = "".join("ё" if i < len(like) and like[i] in "ёЁ" and c in "еЕ" else c for i, c in enumerate(word))
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return "-".join(p[:1].upper() + p[1:] for p in word.split("-")) if "-" in like else \
            word[:1].upper() + word[1:]
    return word


def _genders(tag) -> tuple[str, ...]:
    g = tag.gender
    if g in GENDERS and "Fixd" not in tag:     # an indeclinable name is either
        return (g,)
    return GENDERS


_INFLECTED: dict[tuple, object] = {}


def inflect(p, required: tuple[str, ...]):
    """p.inflect(required), remembered per lexeme: pymorphy builds the whole lexeme on every call,
    and its answer depends on the lexeme, the reading's grammemes other than case (a required case
    replaces the reading's own) and what is required: every case form of a name shares one answer."""
    required = tuple(str(r) for r in required)      # pymorphy's grammeme objects compare strictly
    stack = p.methods_stack
    dictionary = len(stack) == 1 and type(stack[0][0]).__name__ == "DictionaryAnalyzer"
    if "nomn" not in required or not dictionary:
        # guessed readings (unknown surnames...): the answer depends on the reading itself, asked
        # again for the other gender and the same word in another position of a name
        key = (p.word, str(p.tag), p.normal_form, p.score, stack, frozenset(required))
    else:
        key = (p.normal_form, stack[0][2], p.tag.grammemes - p.tag.CASES, frozenset(required))
    if key not in _INFLECTED:
        if len(_INFLECTED) > 10_000:
            _INFLECTED.clear()
        unit = type(stack[-1][0]).__name__ if len(stack) == 2 else ""
        if dictionary or (unit == "KnownSuffixAnalyzer" and p.word == stack[0][1]):
            # a guess by a known ending ("жаксы|беку") declines as its dictionary paradigm does
            form = _dictionary_inflect(p, frozenset(required))
        elif unit in _PREFIX_UNITS and type(stack[0][0]).__name__ == "DictionaryAnalyzer":
            # a guess by prefix ("аям|кулова"): pymorphy inflects the dictionary word after the
            # prefix and puts the prefix back; done so without building the lexeme
            form = _dictionary_inflect(p, frozenset(required))
            form = form and _Form(stack[1][1] + form.word, form.tag)
        else:
            form = p.inflect(set(required))
        _INFLECTED[key] = form
    return _INFLECTED[key]


_PREFIX_UNITS = ("UnknownPrefixAnalyzer", "KnownPrefixAnalyzer")


class _Form(NamedTuple):
    word: str
    tag: Any


_PARADIGMS: dict[int, list] = {}


def _dictionary_inflect(p, required: frozenset[str]) -> _Form | None:
    """pymorphy2's MorphAnalyzer._inflect for a dictionary word, without building the lexeme:
    the same choice (forms holding the required grammemes, rare cases fixed when none does, the
    closest to the reading by grammemes, the first on ties) over the paradigm's cached
    (prefix, tag, suffix) rows, and only the chosen form's word is spelled out."""
    _, fixed_word, para_id, idx = p.methods_stack[0]
    d = morph.morph().dictionary
    info = _PARADIGMS.get(para_id)
    if info is None:
        if len(_PARADIGMS) > 5_000:
            _PARADIGMS.clear()
        info = _PARADIGMS[para_id] = d.build_paradigm_info(para_id)
    rows = [r for r in info if required <= r[1].grammemes]
    if not rows:
        required = morph.morph().TagClass.fix_rare_cases(required)
        rows = [r for r in info if required <= r[1].grammemes]
    if not rows:
        return None
    grammemes = p.tag.updated_grammemes(required)
    prefix, tag, suffix = max(rows, key=lambda r: len(grammemes & r[1].grammemes)
                              - 0.1 * len(grammemes ^ r[1].grammemes))
    return _Form(prefix + d.build_stem(d.paradigms[para_id], idx, fixed_word) + suffix, tag)


# --- persons -----------------------------------------------------------------------------------

Options = dict[tuple[str, str], tuple[str, float]]   # (case, gender) → (nominative, score)


def _add(opts: Options, case: str, gender: str, normal: str, score: float) -> None:
    if case == "acc2":
        case = "accs"
    if case not in CASES:
        return
    if score > opts.get((case, gender), ("", -1.0))[1]:
        opts[(case, gender)] = (normal, score)


def _suffix_options(w: str, opts: Options, base: float) -> None:
    """Rules for Russian-pattern surnames and consonant-final first names pymorphy misreads."""
    for stems, endings in _SURN_MASC.items():
        for end, case in endings.items():
            if end and not w.endswith(end):
                continue
            stem = w[: len(w) - len(end)] if end else w
            if stem.endswith(stems) and len(stem) > 3:
                _add(opts, case, "masc", stem, base)
                if case == "gent":
                    _add(opts, "accs", "masc", stem, base)
    for end, case in _SURN_MASC_SK.items():
        if w.endswith(("ск" + end, "цк" + end)):
            _add(opts, case, "masc", w[: -len(end)] + "ий", base)
            if case == "gent":
                _add(opts, "accs", "masc", w[: -len(end)] + "ий", base)
    for end, case in _SURN_FEMN.items():
        stem = w[: -len(end)]
        if w.endswith(end) and stem.endswith(("ов", "ев", "ёв", "ин", "ын")) and len(stem) > 3:
            _add(opts, case, "femn", stem + "а", base)
            if case == "gent":
                for c in ("datv", "ablt", "loct"):
                    _add(opts, c, "femn", stem + "а", base)
    if w.endswith(("ская", "цкая")):
        _add(opts, "nomn", "femn", w, base)
    if w.endswith(("ской", "цкой")):
        for c in ("gent", "datv", "ablt", "loct"):
            _add(opts, c, "femn", w[:-2] + "ая", base)
    # soft-stem and hushing-stem masculine names: Скрипал|я → Скрипаль, Курц|ем → Курц
    for end, case in (("я", "gent"), ("ю", "datv"), ("ем", "ablt"), ("е", "loct")):
        stem = w[: -len(end)]
        if w.endswith(end) and len(stem) > 2 and stem[-1] in "лнр":
            _add(opts, case, "masc", stem + "ь", base * 0.6)
    if w.endswith("ем") and len(w) > 4 and w[-3] in "цжшщч":
        _add(opts, "ablt", "masc", w[:-2], base * 0.8)
    # consonant-final masculine first names: Полат|а, Жаксыбек|у, Газиз|ом
    for end, case in _MASC_NAME_ENDINGS.items():
        stem = w[: len(w) - len(end)] if end else w
        if (not end or w.endswith(end)) and len(stem) > 2 and stem[-1] not in _VOWELS \
                and stem[-1] not in "йьъ":
            # "Хорстом": a final "-ом" reads as the instrumental sooner than as a name as written
            _add(opts, case, "masc", stem, base * 0.8 - (0.2 if not end and len(w) > 4 and w.endswith("ом") else 0))
            if case == "gent":
                _add(opts, "accs", "masc", stem, base * 0.8)


@lru_cache(maxsize=1)
def _female_forms() -> dict[str, list[tuple[str, str]]]:
    """Inflected forms of the listed female names (Асия → Асии, Асию, Асией; Динара → Динары)."""
    table = {"ия": {"ия": "nomn", "ии": "gent", "ию": "accs", "ией": "ablt"},
             "а": {"а": "nomn", "ы": "gent", "е": "datv", "у": "accs", "ой": "ablt"},
             "я": {"я": "nomn", "и": "gent", "е": "datv", "ю": "accs", "ей": "ablt"}}
    out: dict[str, list[tuple[str, str]]] = {}
    for name in names("names_female"):
        end = next((e for e in table if name.endswith(e)), None)
        if end is None:
            continue
        stem = name[: -len(end)]
        for ending, case in table[end].items():
            cases = [case] + (["datv", "loct"] if end == "ия" and case == "gent" else []) + \
                (["loct"] if case == "datv" else [])
            if end == "а" and stem[-1:] in "гкхжчшщ" and ending == "ы":
                ending = "и"
            out.setdefault(stem + ending, []).extend((name, c) for c in cases)
    return out


def is_first_name(word: str) -> bool:
    """A listed first name in any case form ("Ерболату", "Полата", "Асии")."""
    w = word.lower().replace("ё", "е")
    male = names("names_male")
    if w in male or w in names("names_female") or w in _female_forms():
        return True
    return any(end and w.endswith(end) and w[:-len(end)] in male for end in _MASC_NAME_ENDINGS) or \
        any(end and w.endswith(end) and w[:-len(end)] + "й" in male for end in _SOFT_NAME_ENDINGS)


_INDECLINABLE_SURNAME = ("зода", "заде", "задэ")


@lru_cache(maxsize=10_000)
def _word_options(word: str, position: str) -> tuple[tuple[tuple[str, str], tuple[str, float]], ...]:
    """Readings of one name word. position: first | middle | last | only."""
    w = word.lower().replace("ё", "е")
    opts: Options = {}
    male, female = names("names_male"), names("names_female")
    if w in male or w in female:
        gender = "masc" if w in male else "femn"
        _add(opts, "nomn", gender, w, 3.0)
        if gender == "masc":
            endings = _SOFT_NAME_ENDINGS if w.endswith("й") else _MASC_NAME_ENDINGS
            stem = w[:-1] if w.endswith("й") else w
            for end, case in endings.items():
                _add(opts, case, "masc", stem + end if w.endswith("й") else w, 3.0)
        elif w[-1] not in _VOWELS and w[-1] not in "ьй":
            for case in CASES:          # a woman's name ending in a consonant never declines: "Жанар Омаровой"
                _add(opts, case, "femn", w, 3.0)
    # an inflected listed male name: Ерлан|а, Полат|у
    for end, case in _MASC_NAME_ENDINGS.items():
        if end and w.endswith(end) and w[: -len(end)] in male:
            _add(opts, case, "masc", w[: -len(end)], 3.0)
            if case == "gent":
                _add(opts, "accs", "masc", w[: -len(end)], 3.0)
    for nominative, case in _female_forms().get(w, ()):
        _add(opts, case, "femn", nominative, 3.0)
    known = morph.morph().word_is_known(w)
    for p in morph.parse(w):
        tag = p.tag
        if tag.POS not in ("NOUN", "ADJF", None) or (tag.number == "plur" and "Pltm" not in tag):
            continue
        name_kind = next((g for g in ("Name", "Surn", "Patr") if g in tag), None)
        if name_kind:
            score = 2.0 if known else 1.0
            # a first name in surname position, or a surname first, reads less likely
            if name_kind == "Name" and position == "last" or name_kind == "Surn" and position == "first":
                score *= 0.5
        elif tag.POS is None:
            continue
        else:
            # a dictionary being closing a name ("Иисуса Христа" → "Христос", "Победоносца") outranks
            # reading its last letter as a case ending ("Христ"); other dictionary words are weak readings
            score = (0.85 if tag.animacy == "anim" and position in ("last", "only") else 0.3) if known else 0.2
        score += p.score * 0.5
        if tag.case == "accs" and tag.animacy == "inan" and not known:
            continue                     # a person is animate: his accusative is the genitive ("Зулума")
        if tag.gender == "neut" and not known and not name_kind:
            continue                     # nor neuter: "Лусия" is no genitive of a guessed "лусие"
        for gender in _genders(tag):
            form = inflect(p, ("nomn", gender)) if tag.gender is None or "Surn" in tag \
                else inflect(p, ("nomn",))
            form = form or inflect(p, ("nomn",))
            normal = (form.word if form else p.normal_form).replace("ё", "е")
            _add(opts, tag.case, gender, normal, score)
    _suffix_options(w, opts, 1.6 if not known else 1.0)
    if not known and position != "last" and len(w) > 4:
        # a foreign woman's name in "-ия" the dictionary lacks ("Лусии", "Ноэмию") declines as "Мария"
        for end, cases in (("ия", ("nomn",)), ("ии", ("gent", "datv", "loct")), ("ию", ("accs",)), ("ией", ("ablt",))):
            if w.endswith(end):
                for case in cases:
                    _add(opts, case, "femn", w[:-len(end)] + "ия", 1.0)
    if w.endswith(_INDECLINABLE_SURNAME) and position in ("last", "only"):
        for case in CASES:               # "Рачабализода", "Турсунзаде": Persian "son of", never declined
            for gender in GENDERS:
                _add(opts, case, gender, w, 2.5)
    # indeclinable (foreign names, female names ending in a consonant): the word as is
    # (but a man's surname ending in a consonant declines, however foreign: "Бабагана Зулум" is nominative,
    # the genitive would be "Зулума"; "Черных", "Долгих" are the exception)
    declines = position == "last" and w[-1] not in _VOWELS and w[-1] not in "ьй" and w[-1].isalpha() \
        and not w.endswith(("их", "ых"))
    for case in CASES:
        for gender in GENDERS:
            if declines and gender == "masc" and case != "nomn":
                continue
            weak = 0.6 if (gender == "femn" and w[-1] not in _VOWELS) or w[-1] in "оуэ" else \
                0.25 if w[-1] == "и" else 0.15
            _add(opts, case, gender, w, weak)
    return tuple(opts.items())


def person_candidates(text: str, prev: str | None = None, oblique: bool = False) -> list[tuple[str, float]]:
    """Nominative readings of a person mention, best first, with their joint scores. `oblique`: the
    name stands in apposition to a role in an oblique case ("председателя ГКНБ Абдиля Сегизбаева"),
    so the reading as written (a woman's "Абдиля Сегизбаева") is unlikely."""
    # only a preposition tells anything (the cache keys on what matters: hits rise, the answers stay)
    return list(_person_candidates(text, prev if prev in PREP_CASES else None, oblique))


@lru_cache(maxsize=5_000)
def _person_candidates(text: str, prev: str | None, oblique: bool = False) -> tuple[tuple[str, float], ...]:
    """Cached: a person is mentioned many times, mostly in the same form."""
    return tuple(_person_candidates_uncached(text, prev, oblique))


def _person_candidates_uncached(text: str, prev: str | None = None, oblique: bool = False) -> list[tuple[str, float]]:
    text = _INITIALS.sub(r"\1. ", text.strip())
    matches = [m for m in _WORD.finditer(text)]
    words = [m for m in matches if len(m.group()) > 1 and m.group()[:1].isupper()]
    if not words:
        return [(text, 0.0)]
    n = len(words)
    positions = ["only"] if n == 1 else ["first"] + ["middle"] * (n - 2) + ["last"]
    readings = []
    for m, pos in zip(words, positions):
        token = m.group()
        head, _, tail = token.rpartition("-")       # Касым-Жомарта: only the last part declines
        readings.append((head, dict(_word_options(tail, pos))))
    prep_cases = PREP_CASES.get(prev or "", ())
    results: dict[str, float] = {}
    for case in CASES:
        for gender in GENDERS:
            total, out = 0.0, []
            for (head, opts), m in zip(readings, words):
                normal, score = opts.get((case, gender), (m.group().lower().rpartition("-")[2], 0.0))
                total += score
                out.append((m, (head + "-" if head else "") + normal))
            if prep_cases:
                total += 0.5 * len(words) if case in prep_cases else (-1.0 if case == "nomn" else 0)
            elif oblique and case == "nomn":
                total -= 1.0
            elif case == "nomn":
                total += 0.05                  # ties go to the form as written
            rebuilt, last = [], 0
            for m, normal in out:
                rebuilt += [text[last:m.start()], shape(normal, m.group())]
                last = m.end()
            rebuilt.append(text[last:])
            s = "".join(rebuilt)
            results[s] = max(results.get(s, -1e9), total)
    return sorted(results.items(), key=lambda kv: -kv[1])


def normalize_person(text: str, prev: str | None = None, oblique: bool = False) -> str:
    return person_candidates(text, prev, oblique)[0][0]


# --- places, organisations -------------------------------------------------------------------

def _is_abbr(word: str) -> bool:
    return len(word) > 1 and (word.isupper() or bool(_GLUED.match(word)))


def _adjective_before(parses: list, nxt: str) -> bool:
    """"Главного управления": a word read first as a noun ("главное") is an adjective when one of
    its adjective readings agrees with the next word; "главой государства", "сборную России" stay
    nouns."""
    adj = [p for p in parses if p.tag.POS in ("ADJF", "PRTF") and "Fixd" not in p.tag]
    if sum(p.score for p in adj) < 0.2:                  # "главой": an adjective reading of 2 %
        return False
    return any(_agrees(a.tag, p.tag) for a in adj
               for p in morph.parse(nxt.lower()) if p.tag.POS in ("NOUN", "ADJF", "PRTF"))


def _agrees(adj, noun) -> bool:
    """Same case and number, and in the singular the same gender ("городской голова": common gender)."""
    if adj.case != noun.case or adj.number != noun.number:
        return False
    return adj.number == "plur" or "ms-f" in noun or adj.gender is None or noun.gender is None or \
        adj.gender == noun.gender


def _head_parse(word: str, prep_cases: tuple[str, ...], adjs: tuple[str, ...] = ()):
    parses = [p for p in morph.parse(word.lower()) if p.tag.POS == "NOUN"]
    if not parses:
        return None
    # the adjectives before the head agree with it: "в Консервативной партии" is singular, not the
    # plural accusative "партии" the preposition alone would allow
    agree = [a.tag for a in morph.parse(adjs[-1].lower()) if a.tag.POS in ("ADJF", "PRTF")] if adjs else []

    def rank(p):
        s = p.score
        if {"Geox", "Orgn"} & set(p.tag.grammemes):
            s += 0.5
        if any(_agrees(a, p.tag) for a in agree):
            s += 2.0 + (0.1 if p.tag.case == "nomn" else 0)    # as written, when the nominative agrees
        if prep_cases and p.tag.case in prep_cases:
            s += 1.0
        if "Name" in p.tag or "Surn" in p.tag:
            s -= 0.3
        return s
    return max(parses, key=rank)


def _adjs_before_abbr(text: str, adjs: list, abbr: str) -> str:
    """"британского МИДа" → "британский МИД": adjectives take the abbreviation's gender."""
    ab = next((p for p in morph.parse(abbr.lower()) if "Abbr" in p.tag), None)
    gender = ab.tag.gender if ab and ab.tag.gender else "masc"
    out = text
    for m in reversed(adjs):
        ap = next((p for p in morph.parse(m.group().lower()) if p.tag.POS in ("ADJF", "PRTF")
                   and p.tag.number == "sing" and p.tag.gender in (gender, None)), None)
        af = inflect(ap, ("nomn", "sing", gender)) if ap else None
        if af is not None:
            out = out[: m.start()] + shape(af.word, m.group()) + out[m.end():]
    return out


def _lone_adjective(word: str) -> str | None:
    """The dictionary form of a word whose every reading is an adjective, else None."""
    parses = morph.parse(word.lower())
    if parses and all(p.tag.POS == "ADJF" for p in parses):
        return parses[0].normal_form
    return None


def normalize_name(text: str, prev: str | None = None) -> str:
    """Nominative of a place or organisation name: head and the adjectives before it (only a preposition
    before it tells anything, so only that keys the cache)."""
    return _normalize_name(text, prev if prev in PREP_CASES else None)


@lru_cache(maxsize=20_000)
def _normalize_name(text: str, prev: str | None = None) -> str:
    q = _QUOTE.search(text)
    if q and q.start() == 0:
        return text                            # «Хабар 24»: a quoted name is kept as written
    scope = text[: q.start()] if q else text
    words = list(_WORD.finditer(scope))
    prep_cases = PREP_CASES.get(prev or "", ())
    adjs, head = [], None
    for n, m in enumerate(words):
        w = m.group()
        if _is_abbr(w):
            g = _GLUED.match(w)
            stem = g.group(1) if g and not w.isupper() else w
            out = text[: m.start()] + stem + text[m.end():]
            return _adjs_before_abbr(out, adjs, stem) if adjs else out
        parses = morph.parse(w.lower())
        if m is not words[-1] and (parses and parses[0].tag.POS in ("ADJF", "PRTF")
                                   or _adjective_before(parses, words[n + 1].group())):
            adjs.append(m)
            continue
        head = m
        break
    if head is None:
        return text
    if len(words) == 1:
        lone = _lone_adjective(head.group())
        if lone:                              # "британских" tagged as a place → "британский"
            return text[: head.start()] + shape(lone, head.group()) + text[head.end():]
    hp = _head_parse(head.group(), prep_cases, tuple(m.group() for m in adjs))
    if hp is None or hp.tag.case == "nomn" or "Fixd" in hp.tag:
        return text
    number = hp.tag.number or "sing"
    form = inflect(hp, ("nomn", number)) or inflect(hp, ("nomn",))
    if form is None:
        return text
    repl = {head: shape(form.word, head.group())}
    gender = "masc" if "ms-f" in hp.tag else form.tag.gender    # "городской голова"
    for m in adjs:
        want = {"nomn", number} | ({gender} if number == "sing" and gender in ("masc", "femn", "neut") else set())
        readings = [p for p in morph.parse(m.group().lower()) if p.tag.POS in ("ADJF", "PRTF")]
        if any(want <= set(p.tag.grammemes) for p in readings):
            continue                           # nominative as written ("в Строгановское высшее …")
        ap = next((p for p in readings if p.tag.case == hp.tag.case and p.tag.number == hp.tag.number), None)
        af = inflect(ap, tuple(want)) if ap else None
        if af is not None:
            repl[m] = shape(af.word, m.group())
    out, last = [], 0
    for m in sorted(repl, key=lambda m: m.start()):
        out += [text[last:m.start()], repl[m]]
        last = m.end()
    out.append(text[last:])
    return "".join(out)


# --- entry point -------------------------------------------------------------------------------

# the word before a name; the lookbehind (a match starts where a word does, as the leftmost match
# always would) spares the engine a try at every letter of the window: 2.6× faster, same matches
_PREV = re.compile(r"(?<![^\W\d_])([^\W\d_]+(?:-[^\W\d_]+)?)\W{0,2}$")


_WORDS_BEFORE = re.compile(r"((?:[А-ЯЁа-яё][\w-]*[ \t\xa0]+){1,5})$")   # within the line


def _role_noun_before(analysis: Analysis | None, start: int):
    """The singular person noun before the name at `start`, with no punctuation between, past its
    lower-case complements and capitalised names: (its noun readings, the words, its index) or None."""
    if analysis is None:
        return None
    m = _WORDS_BEFORE.search(analysis.text[max(0, start - 60):start])
    if m is None:
        return None
    words = m.group(1).split()
    at = max(0, start - 60) + m.start(1)
    opens = not analysis.text[max(0, at - 3):at].strip(" \t") or analysis.text[max(0, at - 3):at].rstrip()[-1:] in ".!?\n"
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        if w[:1].isupper() and not (k == 0 and opens and w[1:].islower()):
            continue                          # "ГКНБ", "Казахстана": the role's complement (not "Президент"
            #                                   opening the sentence)
        if w[:1].isupper():
            w = w.lower()
        nouns = [p for p in morph.parse(w) if p.tag.POS == "NOUN"]
        if any("anim" in p.tag and p.tag.number == "sing" for p in nouns):
            return nouns, words, k, start - len(m.group(1))
        if w in PREP_CASES:
            return None
    return None


def after_oblique_role(analysis: Analysis | None, start: int) -> bool:
    """The name at `start` follows, with no punctuation between, a singular person noun that cannot
    be nominative ("по словам председателя ГКНБ", "министра внутренних дел"), past its lower-case
    complements and capitalised names: the name stands in that noun's case, not as written."""
    found = _role_noun_before(analysis, start)
    if found is None:
        return False
    nouns, words, k, at = found
    if any(p.tag.case == "nomn" for p in nouns):
        return False
    # the role itself may be a complement ("супруга экс-президента Чехии Ливия Клаусова"): only a
    # role after a preposition or "по словам" is sure to head the name
    before = words[k - 1].lower() if k else previous_word(analysis, at)
    # (or one whose age agrees with it in an oblique case: "дело 27-летнего жителя Челябинска Рината Гарипова")
    return before in PREP_CASES or before in _BY_WORDS or re.search(r"летн(?:его|ему|им|ей|юю)$", before or "") is not None


def after_nominative_role(analysis: Analysis | None, start: int) -> bool:
    """The name at `start` follows a nominative role that cannot govern it: one with its own capitalised
    complement ("президент Кении Ухуру Кениатта": the complement took the genitive slot), or a post or
    rank, which governs no person's genitive ("Президент Ухуру Кениатта", "глава государства …", unlike
    "заместитель Сергея Собянина"). The name is the role's apposition, nominative as written (not "Кениатт")."""
    found = _role_noun_before(analysis, start)
    if found is None:
        return False
    nouns, words, k, _ = found
    if not all(p.tag.case == "nomn" for p in nouns if "anim" in p.tag):
        return False
    after = words[k + 1:]
    if after and all(w[:1].isupper() for w in after):
        return True
    # (its lower-case complement is a genitive, never a verb: "Президент наградил Ивана Петрова")
    return any(p.normal_form in _titles() for p in nouns) and all(
        w[:1].isupper() or any(p.tag.case == "gent" and p.tag.POS in ("NOUN", "ADJF") for p in morph.parse(w))
        for w in after)


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Posts (professions.tsv rows flagged `title`) and ranks: nouns that take a place or a body as
    complement, never a person."""
    rows = [r[0] for r in read_table("professions.tsv") if "title" in (r[3] if len(r) > 3 else "").split(",")]
    return frozenset(r.split()[-1] for r in rows + [r[0] for r in read_table("ranks.tsv")])


_BY_WORDS = frozenset(("словам", "данным", "мнению", "информации", "сообщению", "заявлению"))


# a village's noun, after which its name is not declined ("в селе Гимры", "кишлака Ошоба"); not "город", whose
# names decline ("в городе Москве")
_VILLAGE_NOUN = re.compile(r"(?:сел[оаеу]|селени[еяю]|аул[аеу]?|кишлак[аеу]?|джамоат[аеу]?|айыл[аеу]?|ауыл[аеу]?|"
                           r"махалл[яие]|станиц[аеуы]|хутор[аеу]?)$")


def previous_word(analysis: Analysis | None, start: int) -> str | None:
    if analysis is None:
        return None
    m = _PREV.search(analysis.text[max(0, start - 25):start])
    return m.group(1).lower() if m else None


# kinds of body whose quoted name after them stands in apposition, in the nominative: "организации «Хизб
# ут-Тахрир»", "движения «Талибан»" (but "лидер «Талибана»": a genitive, inflected)
_KIND_NOUNS = frozenset("""организация движение группировка группа партия компания банк фонд холдинг агентство
    газета телеканал канал журнал издание радиостанция клуб объединение ячейка сеть корпорация концерн
    общество союз ассоциация центр учреждение предприятие завод фабрика команда""".split())
_QUOTE_CHARS = frozenset("«\"„“")
_OPEN_QUOTE = re.compile(r"([^\W\d_]+)\s*[«\"„“]$")


def quoted_apposition(analysis: Analysis | None, start: int) -> bool:
    """The name at `start` opens a quote after a kind noun: it is written in the nominative."""
    if analysis is None or analysis.text[max(0, start - 2):start].strip()[-1:] not in _QUOTE_CHARS:
        return False                                  # (most names stand after no quote: a cheap test first)
    m = _OPEN_QUOTE.search(analysis.text, max(0, start - 30), start)
    if m is None or not any(p.normal_form in _KIND_NOUNS and p.tag.POS == "NOUN"
                            for p in morph.parse(m.group(1).lower())[:2]):
        return False
    # unless the writer inflected it ("Ассоциации «Помощи церкви в беде»"): a dictionary word best
    # read in another case ("Хизб" is no dictionary word: as written)
    first = _WORD.match(analysis.text, start)
    if first is None:
        return True
    w = first.group().lower()
    return not (morph.morph().word_is_known(w) and morph.parse(w)[0].tag.case not in (None, "nomn"))


def normalize(entity: Entity, analysis: Analysis | None = None) -> str:
    prev = previous_word(analysis, entity.start)
    if entity.type in PERSON_TYPES:
        cands = person_candidates(entity.text, prev)
        # the role before a name can only demote the reading as written, and only when a rival is close
        # (most names: no need to look back at all)
        written = entity.text.replace(" ", "")
        # (a nominative role with its own complement stands in apposition, however unlikely the form as
        # written looks to the dictionary: "Президент Нигерии Мухаммаду Бухари")
        if prev not in PREP_CASES and cands[0][0].replace(" ", "") != written and any(
                c.replace(" ", "") == written and (cands[0][1] - v <= 1.0 or " " in entity.text.strip())
                for c, v in cands[1:]) and after_nominative_role(analysis, entity.start):
            return entity.text
        if prev not in PREP_CASES and cands[0][0].replace(" ", "") != written \
                and any(c.replace(" ", "") == written for c, _ in cands[1:]) and _nominative_as_written(analysis, entity):
            return entity.text
        if prev in PREP_CASES or cands[0][0].replace(" ", "") != written or len(cands) < 2 \
                or cands[0][1] - cands[1][1] > 1.0:
            return cands[0][0]
        return normalize_person(entity.text, prev, after_oblique_role(analysis, entity.start))
    if quoted_apposition(analysis, entity.start) or _quoted_foreign(analysis, entity):
        return entity.text
    if entity.type in ("CITY", "LOCATION") and prev and _VILLAGE_NOUN.match(prev) and " " not in entity.text.strip():
        # "джамоата Рудаки", "в селе Гимры": a village's name in apposition stays in the nominative (as the
        # gazetteer spells it, when it knows the place: "села Михайловки" → "Михайловка")
        return _gazetteer_spelling(entity.text) or entity.text
    # (and a one-word name the dictionary does not know: "в Медельине" → "Медельин", not "Медельина", a
    # guess of its ending the gazetteer's spellings settle)
    if entity.type in ("CITY", "LOCATION", "STATE_OR_PROVINCE", "COUNTRY") and (
            "-" in entity.text or entity.text[:1].isupper() and not morph.morph().word_is_known(entity.text.lower())
            and not _SK_ADJECTIVE.search(entity.text)):
        known = _gazetteer_spelling(entity.text)
        if known:
            return known
    return normalize_name(entity.text, prev)


# a list's entry: its line opens with the name (past a number or a bullet), a dash, a bracket or a
# comma and a number after it ("Сатторова Мохира — 19 лет — стажер")
_ENTRY_OPENS = re.compile(r"(?:^|\n)[ \t]*(?:\d{1,3}[.)][ \t]*|[•*·–—-][ \t]*)?$")
_ENTRY_GOES_ON = re.compile(r"[ \t]*(?:[—–-][ \t]|\(|,[ \t]*\d)")


# roles that are someone's, and may govern a person's genitive ("адвокат Ивана Петрова", "помощник депутата")
_DEPENDANTS = frozenset("""адвокат защитник помощник заместитель представитель секретарь пресс-секретарь советник
    врач тренер агент менеджер продюсер юрист охранник телохранитель водитель референт сотрудник коллега друг
    знакомый соратник сторонник""".split())


def _governs_no_person(nouns: list, complement: list[str]) -> bool:
    """A role governs no person's genitive when it is a title; when its complement took the genitive slot and
    names no one ("пресс-секретарь прокуратуры", not "представитель обвиняемого"); or, with no complement,
    when it is not a role someone holds for another (_DEPENDANTS)."""
    if any(p.normal_form in _titles() for p in nouns):
        return True
    if complement:
        return not any("anim" in p.tag and p.tag.POS == "NOUN" for w in complement for p in morph.parse(w.lower())[:1])
    return not any(p.normal_form in _DEPENDANTS for p in nouns)


def _nominative_as_written(analysis: Analysis | None, entity: Entity) -> bool:
    """Where a name can only be nominative, the reading as written wins over a likelier oblique one
    (a woman's "Сатторова Мохира" read as a man's genitive): a list's entry, or the subject of a
    feminine verb through a nominative role ("сообщила пресс-секретарь прокуратуры Хафиза Турсунова")."""
    if analysis is None:
        return False
    text = analysis.text
    if _ENTRY_OPENS.search(text, max(0, entity.start - 12), entity.start) and _ENTRY_GOES_ON.match(text, entity.end):
        return True
    found = _role_noun_before(analysis, entity.start)
    if found is None:
        return False
    nouns, words, k, at = found
    if not all(p.tag.case == "nomn" for p in nouns if "anim" in p.tag):
        return False
    # the verb is feminine for the name's sake only after a masculine role ("умерла жена Стэна Ли": the wife's),
    # and one that governs no person (else "адвокат Ивана Петрова": the name is the genitive)
    if any(p.tag.gender == "femn" for p in nouns) or not _governs_no_person(nouns, words[k + 1:]):
        return False
    # (past the role's adjectives: "сообщила официальный представитель полиции")
    j = k
    while j and morph.parse(words[j - 1].lower())[0].tag.POS in ("ADJF", "PRTF"):
        j -= 1
    verb = words[j - 1] if j else previous_word(analysis, at)
    return verb is not None and any({"VERB", "past", "femn", "sing"} <= p.tag.grammemes for p in morph.parse(verb.lower()))


# "Кропивницкой (области)": an adjective, which agrees with its noun, not the town "Кропивницкий"
_SK_ADJECTIVE = re.compile(r"[сц]к(?:ой|ая|ую|ого|ому|ом|ие|их|ими|ий|ый)$")


@lru_cache(maxsize=4_096)     # a place is named many times; the look-up and its forms are the same each time
def _gazetteer_spelling(text: str) -> str | None:
    """A place as the gazetteer spells it (the name or the variant the text uses), with as many parts as the
    text's ("Каменска-Уральского" → "Каменск-Уральский", "Ростове-на-Дону" → "Ростов-на-Дону", "Медельине" →
    "Медельин"): declining each part guesses the case of the capitals and the ending of the adjective."""
    from letopis.geo.gazetteer import _word_forms, fold, get_gazetteer
    if " " in text.strip():
        return None
    forms = _word_forms(text.strip())
    for p in get_gazetteer().lookup(text)[:1]:
        for name in [p.name, *(p.aliases or []), *(p.old_names or [])]:
            if fold(name.lower()) in forms:
                # with the text's "э" and "ё" where the gazetteer writes "е" ("Эванстоне" → "Эванстон")
                return "".join(t if t.lower() in "эё" and fold(t) == fold(n) else n for n, t in zip(name, text.strip())) \
                    + name[len(text.strip()):]
    return None


def _quoted_foreign(analysis: Analysis | None, entity: Entity) -> bool:
    """A name in «…» whose first word the dictionary does not know ("в «Хизб ут-Тахрир»", "членов «Таблиги
    Джамаат»"): a transliteration the press leaves undeclined, not a plural genitive to decline."""
    if analysis is None or entity.type != "ORGANIZATION" or not analysis.text[:entity.start].rstrip().endswith(("«", '"')):
        return False
    words = re.findall(r"[^\W\d_]+", entity.text)
    # every word unknown, the first ending where a declension would only guess a plural ("Хизб" → "Хизбы"),
    # not in a case ending ("Башинформа", "Акромией" decline)
    first = words[0].lower() if words else ""
    return bool(words) and not any(morph.morph().word_is_known(w.lower()) for w in words) \
        and (first[-1] not in "аеёиоуыэюяйь" or first[-1] == "и") \
        and not first.endswith(("ом", "ем", "ам", "ям", "ов", "ев", "ах", "ях", "ым", "им", "ии", "ми"))

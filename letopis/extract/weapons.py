"""Weapons and vehicles from tables (tables/weapons.tsv, tables/vehicles.tsv) with GTD classes.

Weapons: a type noun ("гранатомет", "полуавтоматическая винтовка") may be followed by a model
("РПГ-26") or a quoted name («Сайга»); the item is then the model, with the model's class when the
table knows it and the noun's otherwise. Models coordinated after it ("«Сайга» и «CZ»") inherit the
noun's class. Vehicles: a make from the table, with the model written after it ("Toyota Camry",
"ВАЗ 2107") or joined by a hyphen ("Mazda-626"), or a kind of vehicle ("джип").

API: ``find_weapons(analysis)`` → list[WeaponMention]; ``find_vehicles(analysis)`` → list[VehicleMention].
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from letopis.extract.matcher import LemmaMatcher, fold
from letopis.extract.mentions import VehicleMention, WeaponMention
from letopis.lexicon import read_table
from letopis.nlp import morph
from letopis.nlp.analysis import Analysis, Sentence, Token


@dataclass(frozen=True)
class WRow:
    cls: str
    kind: str
    normal: str        # "" → the text as written
    role: str          # noun | model | generic


@lru_cache(maxsize=1)
def weapon_matcher() -> LemmaMatcher:
    return LemmaMatcher((r[0], WRow(r[1], r[2], r[3] if len(r) > 3 else "", r[4] if len(r) > 4 else "noun"))
                        for r in read_table("weapons.tsv"))


@dataclass(frozen=True)
class VRow:
    kind: str
    normal: str
    role: str          # brand | brand? | model | model? | type


@lru_cache(maxsize=1)
def vehicle_matcher() -> LemmaMatcher:
    return LemmaMatcher((r[0], VRow(r[1], r[2], r[3])) for r in read_table("vehicles.tsv"))


_COORD = {"и", ",", "или", "а", "также"}
# A model name written bare after a type noun: Latin ("Remington", "M16") or letters+digits ("ВСС-2").
_BARE_MODEL = re.compile(r"[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*|[A-ZА-ЯЁ]{1,5}-?\d+[A-Za-zА-Яа-я0-9-]*")


def _quote_end(tokens: list[Token], j: int, limit: int = 5) -> int | None:
    """Index after the closing quote when tokens[j] opens a short quoted name."""
    if j >= len(tokens) or tokens[j].text not in "«\"„“":
        return None
    for k in range(j + 1, min(len(tokens), j + 2 + limit)):
        if tokens[k].text in "»\"“”":
            return k + 1 if k > j + 1 else None
    return None


def _name_normal(words: list[Token], text: str) -> str:
    """«Сайги» → «Сайга»: a one-word Cyrillic name goes to its nominative; others stay as written."""
    if len(words) == 1 and re.fullmatch(r"[А-ЯЁ][а-яё]+", words[0].text):
        nf = morph.parse(words[0].text.lower())[0].normal_form
        return "«" + nf[:1].upper() + nf[1:] + "»"
    return "«" + text + "»"


def _model_at(text: str, tokens: list[Token], j: int) -> tuple[int, str, WRow | None] | None:
    """A model name starting at token j: (end token, normal, table row or None)."""
    if j >= len(tokens):
        return None
    q = _quote_end(tokens, j)
    if q is not None:
        inner = tokens[j + 1:q - 1]
        m = weapon_matcher().match_at(inner, 0)
        if m and m.end == len(inner) and m.payload.role == "model":
            row = m.payload
            inner_text = text[inner[0].start:inner[-1].end]
            return q, row.normal or "«" + inner_text + "»", row
        if inner and (inner[0].text[:1].isupper() or inner[0].text[:1].isdigit()):
            return q, _name_normal(inner, text[inner[0].start:inner[-1].end]), None
        return None
    m = weapon_matcher().match_at(tokens, j)
    if m:
        if m.payload.role == "model":
            return m.end, m.payload.normal or text[tokens[j].start:tokens[m.end - 1].end].replace(" ", ""), m.payload
        return None
    if _BARE_MODEL.fullmatch(tokens[j].text):
        return j + 1, tokens[j].text, None
    return None


def _chain(toks: list[Token], end: int, item_at, limit: int | None = None):
    """Items following one another from token `end`: item_at(j) → (start, end, value) | None.
    Weapons chain coordinated models ("«Сайга» и «CZ»"), vehicles a make's model words
    ("Toyota Land Cruiser"); both stop at the first token that continues no item."""
    n = 0
    while end < len(toks) and (limit is None or n < limit):
        item = item_at(end)
        if item is None:
            return
        yield item
        end = item[1]
        n += 1


def _coordinated_model(text: str, toks: list[Token], j: int):
    """A model after a coordinator ("и", ",", "или"): (start, end, (normal, table row))."""
    nxt = j
    while nxt < len(toks) and fold(toks[nxt].text) in _COORD:
        nxt += 1
    if nxt == j:
        return None
    model = _model_at(text, toks, nxt)
    if not model or (model[2] is None and _quote_end(toks, nxt) is None):
        return None
    return nxt, model[0], (model[1], model[2])


_MEMBERS = frozenset(("боевик", "партия", "член", "лидер", "руководитель", "сторонник", "командир", "ячейка"))


def _named_body(toks: list[Token], i: int, end: int) -> bool:
    """An abbreviation that names a body, not a gun: "Рабочей партии Курдистана (РПК)" (the initials of the words
    before its bracket), "боевиков РПК" (after a member's noun)."""
    word = toks[i].text
    if end != i + 1 or not word.isupper() or len(word) < 2:
        return False
    if i and toks[i - 1].lemma in _MEMBERS:
        return True
    if i and toks[i - 1].text == "(":
        words = [t.text for t in toks[max(0, i - 1 - len(word)):i - 1]]
        return "".join(w[:1] for w in words).upper() == word
    return False


def _sentence_weapons(text: str, sent: Sentence) -> list[WeaponMention]:
    toks = sent.tokens
    out: list[WeaponMention] = []

    def emit(a: int, b: int, row: WRow, normal: str) -> None:
        s, e = toks[a].start, toks[b - 1].end
        out.append(WeaponMention(s, e, text[s:e], row.cls, row.kind, normal or text[s:e]))

    i = 0
    while i < len(toks):
        m = weapon_matcher().match_at(toks, i)
        if m is None:
            i += 1
            continue
        row, end = m.payload, m.end
        if _named_body(toks, i, end):
            i = end
            continue
        if row.role == "generic":
            emit(i, end, row, row.normal)
            i = end
            continue
        base = row                                  # the class coordinated names inherit
        if row.role == "noun":
            model = _model_at(text, toks, end)
            if model:
                mend, normal, mrow = model
                emit(i, mend, mrow or row, normal)
                base, end = (mrow if mrow and mrow.cls == row.cls else row), mend
            else:
                emit(i, end, row, row.normal)
                i = end
                continue
        else:
            emit(i, end, row, row.normal or text[toks[i].start:toks[end - 1].end].replace(" ", ""))
        # "«Сайга» и «CZ»", "АК-47, АКМ и ПМ": each coordinated model is an item of its own.
        for a, b, (normal, mrow) in _chain(toks, end, lambda j: _coordinated_model(text, toks, j)):
            emit(a, b, mrow or base, normal)
            end = b
        i = end
    return _of_weapons(text, out)


_GAP = re.compile(r"\s*")


def _of_weapons(text: str, found: list[WeaponMention]) -> list[WeaponMention]:
    """A weapon named right after another in the genitive says what the first is made of or belongs to:
    "обрез охотничьего ружья" is one sawn-off gun, not a sawn-off and a shotgun (two items are parted
    by a comma or a conjunction: "обрез, ружье")."""
    out: list[WeaponMention] = []
    for m in found:
        prev = out[-1] if out else None
        word = re.match(r"\w+", m.text)
        if prev is not None and _GAP.fullmatch(text, prev.end, m.start) and word \
                and any(p.tag.case == "gent" for p in morph.parse(word.group().lower())):
            out[-1] = WeaponMention(prev.start, m.end, text[prev.start:m.end], prev.cls, prev.kind,
                                    f"{prev.normal or prev.text} {m.text}")
            continue
        out.append(m)
    return out


def _find(analysis: Analysis, per_sentence) -> list:
    """Mentions of every sentence, outside boilerplate."""
    out = []
    for sent in analysis.sentences:
        out.extend(m for m in per_sentence(analysis.text, sent) if not analysis.ignored(m.start, m.end))
    return out


def find_weapons(analysis: Analysis) -> list[WeaponMention]:
    # (not a word of a person's name: "35-летняя Зарина Холова" is no sarin)
    # (a name of several words the weapon is only a part of; a recogniser's "Беретта" alone stays a weapon)
    names = [(e.start, e.end) for e in analysis.entities if e.type == "PERSON" and " " in e.text.strip()]
    return [m for m in _find(analysis, _sentence_weapons) if not any(a <= m.start and m.end < b for a, b in names)]


# ---------------------------------------------------------------- vehicles

# Nouns after which an ambiguous make ("Волга", "Лада", "Урал") is a vehicle.
_VEHICLE_NOUNS = {"автомобиль", "машина", "автомашина", "иномарка", "легковушка", "марка", "грузовик",
                  "микроавтобус", "внедорожник", "джип", "авто", "такси", "седан", "хэтчбек", "универсал"}
_HYPHENED = re.compile(r"([A-Za-zА-Яа-яЁё]+)-([\w-]+)")       # "Mazda-626", "ВАЗ-21099"
_MODEL_TOKEN = re.compile(r"\d[A-Za-z0-9-]*|[A-Za-z][A-Za-z0-9-]*")


@lru_cache(maxsize=1)
def _brands() -> dict[str, VRow]:
    """One-word makes by folded spelling, for hyphen-joined tokens ("Mazda-626", "ВАЗ-21099")."""
    out: dict[str, VRow] = {}
    for r in read_table("vehicles.tsv"):
        if r[3] in ("brand", "brand?") and " " not in r[0]:
            pat = r[0].strip("/").replace("(?i)", "")
            if re.fullmatch(r"[\w-]+", pat):
                out.setdefault(fold(pat), VRow(r[1], r[2], r[3]))
    return out


def _after_vehicle_noun(toks: list[Token], i: int) -> bool:
    for k in range(max(0, i - 3), i):
        if morph.lemma_keys(toks[k].text) & _VEHICLE_NOUNS:
            return True
    return False


def _vehicle_model(toks: list[Token], j: int, models: list[str]):
    """A model word after a make: a table model ("Camry", "Priora") or a Latin/digit token
    ("626", "X5"); digits never follow digits ("ВАЗ 2107 2010")."""
    t = toks[j]
    mm = vehicle_matcher().match_at(toks, j)
    if mm and mm.payload.role.startswith("model"):
        return j, mm.end, mm.payload.normal.split()[-1] if mm.payload.normal else t.text
    if _MODEL_TOKEN.fullmatch(t.text) and not (models and t.text[0].isdigit() and not models[-1][0].isalpha()):
        return j, j + 1, t.text
    return None


def _sentence_vehicles(text: str, sent: Sentence) -> list[VehicleMention]:
    toks = sent.tokens
    out: list[VehicleMention] = []
    i = 0
    while i < len(toks):
        q = _quote_end(toks, i, 3)
        a, b = (i + 1, q - 1) if q else (i, None)     # inside quotes or bare
        head = _HYPHENED.fullmatch(toks[a].text) if a < len(toks) else None
        if head and fold(head.group(1)) in _brands() and (b is None or b == a + 1):
            row = _brands()[fold(head.group(1))]
            if row.role == "brand" or q or _after_vehicle_noun(toks, i):
                end = q or a + 1
                s, e = toks[i].start, toks[end - 1].end
                out.append(VehicleMention(s, e, text[s:e], toks[a].text, row.kind))
                i = end
                continue
        m = vehicle_matcher().match_at(toks if b is None else toks[:b], a) if a < len(toks) else None
        if m is None or (b is not None and m.end != b):
            i += 1
            continue
        row, end = m.payload, m.end
        if row.role.endswith("?") and not q and not _after_vehicle_noun(toks, i):
            i += 1
            continue
        normal = row.normal or text[toks[a].start:toks[end - 1].end]
        if row.role.startswith("brand"):
            models: list[str] = []
            if b is None:
                for _, end, model in _chain(toks, end, lambda j: _vehicle_model(toks, j, models), limit=2):
                    models.append(model)
            if models:
                joiner = "-" if re.fullmatch(r"[А-ЯЁ]{2,}", normal) and models[0][0].isdigit() else " "
                normal = normal + joiner + " ".join(models)
        if q:
            end = q
        s, e = toks[i].start, toks[end - 1].end
        out.append(VehicleMention(s, e, text[s:e], normal, row.kind))
        i = end
    return out


def find_vehicles(analysis: Analysis) -> list[VehicleMention]:
    return _find(analysis, _sentence_vehicles)

"""Casualty statements: who was killed or wounded, how many, of which group, and where it says so.

Three kinds of statement (docs/coding.md):
- total:     "погибли 7 человек", "число жертв достигло 16" (latest wins)
- breakdown: "…, в том числе трое полицейских и 2 сотрудника КНБ" (inside the total, not added)
- event:     "убил 2-х сотрудников КНБ", "убив охранника и посетителя", "погиб капитан Байтасов"
Events of one group add up; a group's figure is the larger of its breakdown and its events."""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field, replace

from letopis.extract import Extraction
from letopis.extract.mentions import RoleMention
from letopis.incidents.tables import cues, groups, type_cues
from letopis.nlp.analysis import Analysis, Sentence, Token, grammemes, part_of_speech, token_at
from letopis.nlp import morph
from letopis.nlp.morph import participle_noun
from letopis.nlp.persons import REAL_NAME
from letopis.nlp.normal import CASES
from letopis.record import Entity

# active verbs whose victims stand in the accusative; their nominative subject is the attacker
TRANSITIVE = {"избить", "убить", "застрелить", "ранить", "расстрелять", "зарезать", "обезглавить", "травмировать",
              "казнить", "ликвидировать", "уничтожить", "нейтрализовать"}
GENERIC_PERSON = {"человек", "люди", "жертва", "погибший", "раненый", "пострадавший", "убитый",
                  "гражданин", "гражданка", "лицо"}
EMPLOYEE = {"сотрудник", "работник", "служащий", "офицер", "представитель", "член", "боец"}
BREAKDOWN = (("в", "тот", "число"), ("из", "они"), ("среди", "они"), ("среди", "который"), ("включая",), ("в", "том", "числе"))
GROWTH = {"достигнуть", "достичь", "возрасти", "увеличиться", "вырасти", "составить", "превысить"}
VAGUE = ("сотн", "десятк", "тысяч", "нескольк", "множеств", "много", "ряд ")
GENERIC_HEADS = {"человек", "люди", "мужчина", "женщина", "ребенок", "ребёнок", "подросток", "девушка", "парень",
                 "жертва", "лицо"}
UNKNOWN_COUNT = {"устанавливать", "установить", "уточнять", "уточняться", "неизвестный", "называть", "неизвестно"}
VAGUE_WORDS = {"несколько", "десяток", "сотня", "множество", "ряд", "тысяча", "немало"}
WEAK = {"пострадать", "пострадавший"}
BOUNDARY = {";", ".", "!", "?"}
# nouns of killing whose victim follows in the genitive: "убийство депутата", "гибель Арсена Павлова"
REFUTED = {"опровергнуть", "опровергать", "опровержение", "опровергнутый"}
GENITIVE_NOUNS = {"убийство", "гибель", "смерть"}
# adjectives that give a generic head its group ("трое гражданских лиц"); alone they are no person
ADJ_GROUPS = {"гражданский": "civilian"}
# verbs that link a count to a fate told elsewhere ("число погибших составило 12", "жертвами стали трое")
LINKING = frozenset({"быть", "стать", "составить", "составлять", "достигнуть", "достичь", "оказаться", "насчитываться",
                     "возрасти", "вырасти", "увеличиться", "превысить", "превышать"})
# participles that name people held by the state ("погибли … 29 заключенных")
HELD_PEOPLE = frozenset({"заключенный", "осужденный", "задержанный", "арестованный"})
PRONOUNS = {"он", "она", "они", "его", "ее", "их", "себя", "который"}


@dataclass
class Casualty:
    fate: str                          # killed | wounded
    count: int | None
    group: str | None                  # police | security_service | military | civilian | perpetrator | None
    kind: str                          # total | breakdown | event
    start: int
    end: int
    sentence: int                      # index of the sentence
    latest: bool = False               # "достигло": a running total that supersedes earlier ones
    qualifier: str | None = None
    names: list[Entity] = field(default_factory=list)
    nominal: bool = False              # counted from nouns and names, not from a numeral
    generic: bool = False              # "трёх мужчин", "человек": no group that tells victims apart
    extra: bool = False                # "ранены ещё 13 человек": on top of the victims told before
    others: bool = False               # "Двое других получили травмы": besides one told, within a total told
    weak: bool = False                 # "пострадали": injured or killed, used only when nothing says "ранены"
    claim: bool = False                # told by a side that claims the attack: official figures beat it
    hospital: bool = False             # "госпитализировали": the injured who went to hospital, a subset
    own_perp: bool = False             # a named attacker's death: counts only in an incident told apart
    outdated: bool = False             # "Ранее сообщалось о 70 погибших": a figure the article has replaced
    from_wounded: bool = False         # "один из раненых скончался": dead since, one of the wounded told before
    among: bool = False                # "Среди погибших — командир": one of the victims counted, named
    joined: bool = False               # "в том числе 10 детей и 8 женщин": a further item of the breakdown before
    people: tuple[str, ...] = ()       # who the names are, as the person linker joined them (set before tally)
    definite: bool = False             # "Раненый военнослужащий доставлен в госпиталь": the one told of before


_EARLIER = frozenset({"ранее", "первоначально", "изначально", "сначала", "прежде"})
_TOLD = frozenset({"сообщаться", "сообщать", "говориться", "называться", "сообщить", "заявлять"})


def _outdated(view: "SentenceView", i: int) -> bool:
    """"Ранее сообщалось о 70 погибших (и 151 раненом)": an earlier report, told as such, in the number's
    clause before it."""
    lo = i
    while lo > 0 and view.toks[lo - 1].text not in (",", ";", ":") and view.toks[lo - 1].lemma not in ("однако", "но"):
        lo -= 1
    before = {t.lemma for t in view.toks[lo:i]}
    if before & _EARLIER and before & _TOLD:
        return True
    # ("Ранее в воскресенье сообщалось о шести пострадавших, а ночью МВД сообщало о четырех раненых": the clause
    # after "а" goes on with the earlier reports)
    if lo > 1 and view.toks[lo - 1].text == "," and view.toks[lo].lemma == "а" and before & _TOLD:
        return _outdated(view, lo - 1)
    return False


def _fate_of(lemma: str) -> str | None:
    role = cues().get(lemma)
    return role if role in ("killed", "wounded") else None


def _is_short_passive(tok: Token) -> bool:
    return "PRTS" in tok.tag or "PRTF" in tok.tag


# "пострадал за веру", "пострадал за ЕГЭ": suffered for something, no injury; "пострадали за сутки"
# (a period) still counts
_PERIOD_WORDS = frozenset(("сутки", "день", "неделя", "месяц", "год", "время", "период", "последний",
                           "прошлый", "минувший", "этот", "выходные", "ночь", "час"))


def _figurative(toks: list[Token]) -> list[Token]:
    """The sentence's tokens with each "пострадать за <not a period>" verb made no casualty cue, and each
    "унести жизни" (of the killed: "взрыв унес жизни трех человек") and "телесные повреждения" (a police report's
    wounds: "телесные повреждения … причинены гражданке 1990 г.р.") made one; "стрелок" read as the shooter."""
    swap: dict[int, Token] = {}          # token index → the token read instead (the sentence is copied only then)
    for k, t in enumerate(toks[:-1]):
        if t.lemma == "унести" and toks[k + 1].lemma == "жизнь":
            swap[k] = replace(t, lemma="погибнуть")
        elif t.lemma == "телесный" and toks[k + 1].lemma == "повреждение":
            swap[k + 1] = replace(toks[k + 1], lemma="ранение")
    for k, t in enumerate(toks):
        if t.text.lower() == "стрелок" and t.lemma != "стрелок":
            # ("Сам стрелок был убит": the tagger's first reading is "стрелка", arrows, in the genitive plural)
            swap[k] = replace(t, lemma="стрелок", tag="NOUN,anim,masc sing,nomn")
    for k, t in enumerate(toks[:-2]):
        if t.lemma == "пострадать" and "VERB" in t.tag and toks[k + 1].lemma == "за" and \
                toks[k + 2].lemma not in _PERIOD_WORDS and "NUMR" not in toks[k + 2].tag \
                and not toks[k + 2].text[:1].isdigit():
            swap[k] = replace(t, lemma="пострадать за")
    return [swap.get(k, t) for k, t in enumerate(toks)] if swap else toks

class SentenceView:
    """Token-level helpers over one sentence: groups, roles and names by token index."""

    def __init__(self, analysis: Analysis, sent: Sentence, found: Extraction, index: int):
        self.a, self.s, self.index = analysis, sent, index
        self.toks = _figurative(sent.tokens)
        self.roles = [r for r in found.roles if sent.start <= r.start < sent.end]
        self.persons = [e for e in analysis.entities
                        if e.type == "PERSON" and sent.start <= e.start < sent.end]
        self.numbers = [n for n in found.numbers if sent.start <= n.start < sent.end
                        and not n.extra.get("ordinal")]
        self._asides: set[int] | None = None

    def asides(self) -> set[int]:
        """`_asides` of this sentence, worked out once: `_nearest_cue` asks for every number and cue."""
        if self._asides is None:
            self._asides = _asides(self)
        return self._asides

    def tok_at(self, offset: int) -> int:
        for i, t in enumerate(self.toks):
            if t.start <= offset < t.end or t.start >= offset:
                return i
        return len(self.toks)

    def role_at(self, i: int) -> RoleMention | None:
        t = self.toks[i]
        for r in self.roles:
            if r.start <= t.start < r.end:
                return r
        return None

    def group_from(self, i: int, reach: int = 5) -> tuple[str | None, bool]:
        """The casualty group of the person noun at token i (None, False when not a person)."""
        lem = self.toks[i].lemma
        role = self.role_at(i)
        if role is not None and role.group and role.group != "other":
            return role.group, True
        if lem in EMPLOYEE:                       # "сотрудник департамента КНБ" → look at the unit
            for t in self.toks[i + 1:i + 1 + reach + 4]:
                g = groups().get(t.lemma)
                if g:
                    return g, True
            return None, True
        if lem in groups():
            return groups()[lem], True
        tag = self.toks[i].tag
        if "PRTF" in tag:
            noun = participle_noun(self.toks[i].text)
            if noun in groups():
                return groups()[noun], True      # "Пятеро нападавших": the participle's lemma is the verb
            if noun in HELD_PEOPLE:
                return None, True                # "29 заключенных": people of no listed group
        if lem in GENERIC_PERSON:
            return None, True
        if role is not None:
            return role.group, True
        if "NOUN" in tag and "anim" in tag and "inan" not in tag and "Name" not in tag and "Surn" not in tag \
                and "Patr" not in tag:
            return None, True            # "три палестинца", "двое туристов": people of no listed group
        return None, False


def _head_after(view: SentenceView, j: int) -> tuple[int | None, str | None]:
    """Index and group of the person noun a number quantifies ("2-х конных полицейских")."""
    for k in range(j, min(j + 4, len(view.toks))):
        tok = view.toks[k]
        group, is_person = view.group_from(k)
        if is_person:
            if group is None:            # "трое гражданских лиц", "двух мирных граждан": the adjective tells
                group = next((ADJ_GROUPS.get(t.lemma) or groups()[t.lemma] for t in view.toks[j:k]
                              if t.lemma in ADJ_GROUPS or groups().get(t.lemma)), None)
            return k, group
        if tok.lemma in ADJ_GROUPS and (k + 1 == len(view.toks) or "NOUN" not in view.toks[k + 1].tag):
            return k, ADJ_GROUPS[tok.lemma]         # "трое полицейских и один гражданский": the adjective is the noun
        if not any(p in tok.tag for p in ("ADJF", "PRTF", "NUMR")) and tok.text not in ("-", "–"):
            if tok.lemma not in ("из", "х"):
                break
    return None, None


def end_tok(view: SentenceView, end: int) -> int:
    """The index of the token that ends at or holds character `end` - 1."""
    return view.tok_at(max(0, end - 1))


def _past_asides(view: SentenceView, k: int) -> int:
    """Token k, or past the asides right after it: "Трое осужденных[, оказавших вооруженное сопротивление,] были
    ликвидированы"."""
    asides = view.asides()
    j = k + 1
    while j in asides:
        j += 1
    return k if j == k + 1 else j - 1


def _number_of(view: SentenceView, i: int) -> tuple[str, int] | None:
    """"Число погибших … возросло до 95": the count is the number of what "число" names, however far
    back in the clause; the growth verb right before it ties them. "Жертвами нападения … стали трое":
    the victims' number."""
    toks = view.toks
    back = {t.lemma for t in toks[max(0, i - 3):i]}
    if not GROWTH & back and "стать" not in back:
        return None
    for k in range(i - 1, max(-1, i - 25), -1):
        if toks[k].text in (";", ".") or any(n.start == toks[k].start for n in view.numbers):
            return None
        if toks[k].lemma in ("число", "количество") and k + 1 < i and (fate := _fate_of(toks[k + 1].lemma)):
            return fate, k + 1
        if toks[k].lemma == "жертва" and "ablt" in toks[k].tag and "стать" in back:
            return "killed", k                   # "Жертвами нападения … стали трое"
    return None


def _asides(view: SentenceView) -> set[int]:
    """Token indexes of breakdowns set off by commas: "12 мирных жителей[, в том числе пятеро детей,]
    погибли" (the total's verb lies beyond them)."""
    toks, out = view.toks, set()
    lemmas = [t.lemma for t in toks]
    for k, t in enumerate(toks):
        if t.text in ("—", "–") and k:
            # "один из них[ — 45-летний капитан милиции Медер Ташиев —] скончался": a dashed apposition
            end = next((j for j in range(k + 2, min(len(toks), k + 10)) if toks[j].text in ("—", "–")), None)
            if end is not None and not any(x in y.tag for y in toks[k + 1:end] for x in ("VERB", "PRTS", "GRND")) \
                    and not any(y.text in ",;:" for y in toks[k + 1:end]):
                out.update(range(k, end + 1))
            continue
        if t.text != ",":
            continue
        if any(tuple(lemmas[k + 1:k + 1 + len(p)]) == p for p in BREAKDOWN):
            end = next((j for j in range(k + 2, min(len(toks), k + 12)) if toks[j].text == ","), None)
            if end is not None:
                out.update(range(k, end + 1))
        elif k and k + 1 < len(toks) and "NOUN" in toks[k + 1].tag and "nomn" in toks[k + 1].tag \
                and "plur" in toks[k + 1].tag and "NOUN" in toks[k - 1].tag + toks[k - 2].tag:
            # "Три сотрудника посольства[, граждане Кыргызстана,] получили ранения": a plural apposition
            # without a verb of its own
            end = next((j for j in range(k + 2, min(len(toks), k + 6)) if toks[j].text == ","), None)
            if end is not None and not any("VERB" in x.tag or "PRT" in x.tag for x in toks[k + 1:end]):
                out.update(range(k, end + 1))
        elif k and k + 1 < len(toks) and "PRTF" in toks[k + 1].tag and _fate_of(toks[k + 1].lemma) is None and (
                "NOUN" in toks[k - 1].tag or k > 1 and ("PRTF" in toks[k - 1].tag or "ADJF" in toks[k - 1].tag)
                and ("NUMR" in toks[k - 2].tag or toks[k - 2].text.isdigit())):
            # (or a counted participle: "Трое осужденных[, оказавших вооруженное сопротивление,] были ликвидированы")
            # "Двое боевиков[, открывших огонь по силовикам,] нейтрализованы": a participle's phrase, not a fate
            out.update(_closed_aside(toks, k, k + 2, k + 10))
        elif k + 1 < len(toks) and toks[k + 1].text.isdigit() and (end := next(
                (j for j in range(k + 2, min(len(toks), k + 8)) if toks[j].text == ","), None)) is not None \
                and toks[end - 1].lemma in ("год", "лет") and any(x.lemma == "и" for x in toks[k + 1:end]) \
                and all(x.text.isdigit() or x.lemma in ("и", "год", "лет", ",") for x in toks[k + 1:end]):
            # "Еще двое мужчин[, 35 и 29 лет,] с огнестрельными ранениями госпитализированы": their ages
            out.update(range(k, end + 1))
        elif lemmas[k + 1:k + 3] in (["по", "данные"], ["по", "слово"], ["по", "информация"], ["по", "сведение"]):
            # "ранения[, по данным полиции,] получили от 30 до 40 посетителей": a source's aside
            out.update(_closed_aside(toks, k, k + 3, k + 8))
    return out


def _closed_aside(toks: list[Token], k: int, lo: int, hi: int) -> range:
    """The tokens from the comma at k to the next comma in [lo, hi), when none between is a verb, a short
    participle or a fate; else none."""
    end = next((j for j in range(lo, min(len(toks), hi)) if toks[j].text == ","), None)
    if end is None or any("VERB" in x.tag or "PRTS" in x.tag or _fate_of(x.lemma) for x in toks[k + 1:end]):
        return range(0)
    return range(k, end + 1)


def _nearest_cue(view: SentenceView, i: int, lead: int | None = None) -> tuple[str | None, int | None]:
    """The fate word nearest token i, by tokens, commas and conjunctions between. `lead`: where the
    number's own qualifier starts ("не менее 20"), the distance to a cue before it measured from there."""
    best, best_d, best_k = None, 99, None
    asides = view.asides()
    for k, t in enumerate(view.toks):
        fate = _fate_of(t.lemma)
        if fate is None or k and view.toks[k - 1].lemma == "не":
            continue                                  # "Все 110 пассажиров … не пострадали"
        if fate == "wounded" and k and view.toks[k - 1].lemma == "смертельно":
            fate = "killed"
        at = lead if lead is not None and k < lead else i
        between = [x for n, x in enumerate(view.toks[min(at, k):max(at, k)], min(at, k)) if n not in asides]
        d = len(between) + 3 * sum(1 for x in between if x.text in {",", "—", "–", ":"}) + \
            2 * sum(1 for x in between if x.lemma in ("и", "а"))
        # (an aside passed over still parts them: "погибли, в том числе инспектор X, шестеро ранены")
        d += any(n in asides for n in range(min(at, k), max(at, k)))
        if d < best_d:
            best, best_d, best_k = fate, d, k
    return (best, best_k) if best_d <= 12 else (None, None)


def _verb_of_its_own(view: SentenceView, k: int, cue: int | None) -> bool:
    """The count at token k has a verb of its own that tells no fate, and the fate's cue lies past a comma:
    "Еще 20 военных получили ранения, несколько человек числятся пропавшими без вести" (the missing)."""
    if cue is None or not any(t.text in ",;" for t in view.toks[min(k, cue):max(k, cue)]):
        return False
    toks = view.toks
    for n, t in enumerate(toks[k + 1:], k + 1):
        if t.text in ",;:—–":
            return False
        # (not "получили ранения": a fate of its own, which the nearest cue missed)
        if ("VERB" in t.tag or "PRTS" in t.tag) and _fate_of(t.lemma) is None \
                and not (t.lemma in _GET and any(_fate_of(x.lemma) for x in toks[n + 1:n + 4])):
            return True
    return False


_LISTED = re.compile(r"\s*[—–:]\s*(?:[^—–:;.()]*?(?:,|\sи)\s*)?")


def _listed_after(view: SentenceView, count: Casualty, num) -> bool:
    """The number stands in a list after a dash that follows the count: "восемь человек — два полицейских и
    шесть мирных жителей", the count's parts."""
    return count.end <= num.start and _LISTED.fullmatch(view.a.text, count.end, num.start) is not None


def _breakdown_before(view: SentenceView, j: int) -> bool:
    lo = max(0, j - 8)
    # within the clause: "в том числе шестеро детей; ранены 49" starts another after ";"
    lo = max([lo] + [k + 1 for k in range(lo, j) if view.toks[k].text == ";"])
    lemmas = [t.lemma for t in view.toks[lo:j]]
    texts = [t.text.lower() for t in view.toks[lo:j]]
    for pat in BREAKDOWN:
        n = len(pat)
        for k in range(len(lemmas) - n + 1):
            if tuple(lemmas[k:k + n]) == pat or tuple(texts[k:k + n]) == pat:
                return True
    return False


def _active_transitive_before(view: SentenceView, i: int) -> bool:
    return _active_transitive_verb(view, i) is not None


def _active_transitive_verb(view: SentenceView, i: int) -> int | None:
    """The nearest active plural verb of harm (TRANSITIVE) within four tokens before token i ("его застрелили …")."""
    for k in range(i - 1, max(0, i - 4) - 1, -1):
        t = view.toks[k]
        if t.lemma in TRANSITIVE and "VERB" in t.tag and "plur" in t.tag and not _is_short_passive(t):
            return k
    return None


def _acts_after(view: SentenceView, j: int) -> bool:
    """The first verb after the counted head at j, in its clause, is an active plural verb of harm: the count is its
    subject ("двое мужчин после ссоры из-за места для парковки избили 58-летнего продавца")."""
    for t in view.toks[j:j + 12]:
        if t.text in (",", ";", ":", "—", "–"):
            return False
        if "VERB" in t.tag:
            return t.lemma in TRANSITIVE and "plur" in t.tag and not _is_short_passive(t)
    return False


# a personal pronoun as the object before a killing verb: "его", "её", "их" ("у него" is no object)
_OBJECT_PRONOUNS = frozenset(("его", "её", "ее", "их"))


def _object_before_verb(view: SentenceView, i: int) -> bool:
    """"его застрелили семь боевиков", "полицейского убили пять человек": the active killing verb before
    the number at i already has its object ahead of it, so the number (5 and up reads the same as subject
    and object) is who killed."""
    k = _active_transitive_verb(view, i)
    if k is None:
        return False
    for m in range(k - 1, max(-1, k - 4), -1):
        x, before = view.toks[m], view.toks[m - 1] if m else None
        if x.text in BOUNDARY:
            return False
        if before is not None and part_of_speech(before.tag) == "PREP":
            continue
        if x.text.lower() in _OBJECT_PRONOUNS:
            return True
        if m == k - 1 and "sing" in x.tag and ("accs" in x.tag or "gent" in x.tag) and (
                part_of_speech(x.tag) in ("ADJF", "PRTF") or part_of_speech(x.tag) == "NOUN" and "anim" in x.tag):
            return True               # (a lone adjective there is a noun: "участкового", "задержанного")
    return False


def _last_fate(view: SentenceView, j: int) -> str | None:
    """The last fate told in the clause from token j ("получил ранения и скончался": killed; and past "от
    которых": "получил огнестрельные ранения, от которых скончался на месте"); a hospital stay is a wound."""
    last = None
    toks = view.toks
    for n, t in enumerate(toks[j:], j):
        if t.text in (",", ";", ".") and last is not None and not (
                t.text == "," and [x.lemma for x in toks[n + 1:n + 3]] == ["от", "который"]):
            break
        last = _fate_of(t.lemma) or ("wounded" if t.lemma == "госпитализировать" else None) or last
    return last


def _fate_right_before(view: SentenceView, i: int) -> str | None:
    """The fate of the verb or short participle right before token i, past an adverb ("был легко ранен")."""
    k = i - 1
    if k > 0 and "ADVB" in view.toks[k].tag:
        k -= 1
    t = view.toks[k] if k >= 0 else None
    return _fate_of(t.lemma) if t is not None and ("VERB" in t.tag or "PRTS" in t.tag) else None


def _fate_after(view: SentenceView, j: int) -> str | None:
    asides = view.asides()
    for t in [t for n, t in enumerate(view.toks[j:], j) if n not in asides][:6]:
        f = _fate_of(t.lemma)
        if f:
            return f
    return None


# 2-4 in the nominative: with an animate noun they cannot be the object ("убили двух женщин")
SUBJECT_NUMERALS = {"два", "две", "три", "четыре", "оба", "обе", "2", "3", "4"}
# a collective numeral counts people, whose accusative is "двоих", "троих": in the nominative it is the subject
# ("его застрелили двое неизвестных")
COLLECTIVE_SUBJECTS = frozenset(("двое", "трое", "четверо", "пятеро", "шестеро", "семеро", "восьмеро", "девятеро",
                                 "десятеро"))


def _count_subject(view: SentenceView, i_num: int) -> tuple[str | None, int | None]:
    """"Число погибших в результате стрельбы … достигло 16 человек": the number is the predicate of
    "число/количество <cue>", however far the subject stands; a running total (docs/coding.md §5)."""
    back = view.toks[max(0, i_num - 3):i_num]
    if not any(t.lemma in GROWTH for t in back):
        return None, None
    for k in range(i_num - 1, 0, -1):
        if view.toks[k].text in BOUNDARY:
            break
        if view.toks[k - 1].lemma in ("число", "количество") and _fate_of(view.toks[k].lemma):
            return _fate_of(view.toks[k].lemma), k
    return None, None


def _before_number(view: SentenceView, num, i: int) -> int:
    """The token before the number at i, past the qualifier the number finder read before it ("погибли по
    меньшей мере 12": "погибли"; qualifiers.tsv) and "уже"."""
    q = num.extra.get("qualifier_start")
    k = (view.tok_at(q) if q is not None else i) - 1
    if k > 0 and view.toks[k].text.lower() == "уже":
        k -= 1
    return max(k, 0)


def _fate_in_clause_before(view: SentenceView, k: int) -> bool:
    """A fate word before token k within its clause ("Ранения получили три человека")."""
    for t in reversed(view.toks[max(0, k - 4):k]):
        if not t.text[:1].isalnum():
            return False
        if _fate_of(t.lemma):
            return True
    return False


_THE_HURT = frozenset(("раненый", "пострадавший", "госпитализированный", "травмированный"))


def _one_of_the_hurt(t: Token) -> bool:
    """"раненых", "пострадавших" (the lemmatizer gives some the verb's lemma: "пострадать")."""
    return t.lemma in _THE_HURT or t.text.lower() in ("пострадавших", "госпитализированных", "травмированных")


_QUOTED_NAME_END = re.compile(r"[»\"“]")
_QUOTED_NAME_OPEN = re.compile(r"[«\"„][^«»\"„“\n]*$")


def numeric_statements(view: SentenceView) -> list[Casualty]:
    out: list[Casualty] = []
    totals_here: list[Casualty] = []
    parts: dict[int, str] = {}           # "Из 32 террористов уничтожены 31": the part's start → the set's group
    text = view.a.text
    for num in view.numbers:
        if _QUOTED_NAME_END.match(text, num.end) and _QUOTED_NAME_OPEN.search(text, max(0, num.start - 40), num.start):
            continue                     # "«Группа 24»": a number in a quoted name counts no one
        if _AGES_JOINED.match(text, num.end):
            continue                     # "две ученицы 14 и 15 лет": ages, no count
        if num.start in parts:
            i = view.tok_at(num.start)
            fate, _ = _nearest_cue(view, i)
            if fate is None and parts[num.start] == "perpetrator" and any(
                    cues().get(t.lemma) == "perp_dead" for t in view.toks[max(0, i - 3):i + 3]):
                fate = "killed"                  # "уничтожены 31": attackers killed by the forces
            if fate is not None:
                out.append(Casualty(fate, int(num.value), parts[num.start], "event", num.start, num.end, view.index))
            continue
        i0 = view.tok_at(num.start)
        if i0 and view.toks[i0 - 1].lemma == "из" and isinstance(num.value, int):
            nxt = next((m for m in view.numbers if m.start > num.end
                        and view.tok_at(m.start) - view.tok_at(num.end) <= 5), None)
            if nxt is not None and isinstance(nxt.value, int) and nxt.value <= num.value:
                k = view.tok_at(num.end)
                k += k < len(view.toks) and view.toks[k].start < num.end
                group = _head_after(view, k)[1]
                if group == "perpetrator":         # (of victims, "из трёх пострадавших двоих
                    parts[nxt.start] = group       # госпитализировали", the set is the count)
                    continue
        if num.qualifier == "vague":
            # "сотни человек", "несколько десятков": the numbers stage marks plural noun numerals
            # vague; not a count, and it says the victims named one by one are not all of them
            # (docs/coding.md §5: null). "сотню", "десяток", "более сотни", "около сотни" are counts.
            fate, cue = _nearest_cue(view, view.tok_at(num.start))
            if fate is not None and not _verb_of_its_own(view, view.tok_at(num.start), cue):
                out.append(Casualty(fate, None, None, "vague", num.start, num.end, view.index))
            continue
        j = view.tok_at(num.end)
        if j < len(view.toks) and view.toks[j].start < num.end:   # number glued to a token
            j += 1
        if _subset_of_the_hurt(view, i0, j) or _part_of_the_hurt(view, i0):
            continue
        head, group = _head_after(view, j)
        if head is not None and i0 and view.toks[i0 - 1].lemma == "и" and cues().get(view.toks[head].lemma) == "perp_alive":
            continue                     # "двух других погибших осужденных и двоих задержанных": the held, alive
        # "15 пострадавших доставлены в больницы": a fate's participle counted is people, as after "трёх"
        counted_fate = j < len(view.toks) and any(p in view.toks[j].tag for p in ("PRTF", "ADJF")) \
            and _fate_of(view.toks[j].lemma) is not None and "plur" in view.toks[j].tag
        coll = False
        if head is None and j < len(view.toks) and "NOUN" in view.toks[j].tag and (
                num.extra.get("collective") or "Coll" in view.toks[view.tok_at(num.start)].tag):
            head, group, coll = j, None, True   # "двоих стражей порядка": a collective numeral counts people
        i_num = view.tok_at(num.start)
        latest = False
        # a numeral word shows its own case ("двоих стражей": accusative); digits leave it to the noun
        worded = "NUMR" in view.toks[i_num].tag
        if "ablt" in view.toks[i_num].tag or (head is not None and not coll and not worded
                                               and "ablt" in view.toks[head].tag):
            continue                     # "застрелен двумя неизвестными": the agents, not the victims
        if head is not None and "nomn" in view.toks[head].tag and "nomn" in view.toks[i_num].tag \
                and _active_transitive_before(view, i_num):
            continue                     # "его убили две женщины": the subject of the killing
        if (head is not None and num.text.lower() in SUBJECT_NUMERALS and "anim" in view.toks[head].tag
                or num.text.lower() in COLLECTIVE_SUBJECTS) and _active_transitive_before(view, i_num):
            continue                     # animate objects take "двух/трёх", "двоих": "две женщины", "двое" subjects
        if num.value >= 5 and _object_before_verb(view, i_num):
            continue                     # "его застрелили семь боевиков": the object told, the number killed
        if num.text.lower() in COLLECTIVE_SUBJECTS and _acts_after(view, j):
            continue                     # "двое неизвестных избили 52-летнего мужчину": who beat him
        if i_num > 1 and view.toks[i_num - 2].lemma == "в" and view.toks[i_num - 1].lemma == "заложник":
            continue                     # "захватили в заложники троих сотрудников, один из них погиб": the hostages
        # "ранены два помощника шерифа, один из них позднее скончался", "пострадали пятеро, двое из них
        # скончались": they move to the killed
        prev = next((c for c in reversed(out) if c.fate == "wounded" and c.count), None) \
            if j < len(view.toks) and view.toks[j].lemma == "из" else None
        if prev is not None and num.value != 1 and num.value == int(num.value) and 1 < num.value < prev.count \
                and _nearest_cue(view, view.tok_at(num.end) + 2)[0] == "killed" and _fate_after(view, j) == "killed":
            prev.count -= int(num.value)
            out.append(Casualty("killed", int(num.value), prev.group, "event", num.start, num.end, view.index,
                                generic=prev.generic))
            continue
        # ("Позднее в больнице скончался один из раненых": the fate told before, the subject after it)
        if prev is None and j + 1 < len(view.toks) and view.toks[j].lemma == "из" and num.value == int(num.value) \
                and _one_of_the_hurt(view.toks[j + 1]) \
                and (j + 2 < len(view.toks) and _fate_after(view, j + 2) == "killed"
                     or i_num and _fate_of(view.toks[i_num - 1].lemma) == "killed" and "VERB" in view.toks[i_num - 1].tag):
            # "Сегодня стало известно, что один из раненых скончался в больнице": of the wounded told before,
            # one died since; one more dead, one fewer wounded
            out.append(Casualty("killed", int(num.value), None, "total", num.start, view.toks[j + 1].end, view.index,
                                extra=True, from_wounded=True))
            continue
        if j < len(view.toks) and view.toks[j].lemma == "из" and num.value == 1:
            fate, _ = _nearest_cue(view, view.tok_at(num.end) + 2)
            if fate == "killed" and prev is not None and _fate_after(view, j) == "killed":
                prev.count -= 1
                out.append(Casualty("killed", 1, prev.group, "event", num.start, num.end, view.index,
                                    generic=prev.generic))
            elif prev is None and j + 2 < len(view.toks) and view.toks[j + 1].lemma == "они" \
                    and _fate_of(view.toks[j + 2].lemma) == "killed" and not out:
                # "напал на двух полицейских. Один из них скончался в больнице": one of those attacked died
                out.append(Casualty("killed", 1, None, "event", num.start, num.end, view.index))
            elif prev is None and not out and (i_num == 0 or view.toks[i_num - 1].text == ",") and j + 1 < len(view.toks) \
                    and (group_of := view.group_from(j + 1))[1] \
                    and any(c in view.toks[j + 1].tag for c in ("gent", "accs")) \
                    and "plur" in view.toks[j + 1].tag and (last := _last_fate(view, j + 2)) is not None:
                # "Один из сотрудников получил тяжелые ранения и скончался в больнице": one of those attacked,
                # told by his last fate
                out.append(Casualty(last, 1, group_of[0], "event", num.start, view.toks[j + 1].end, view.index))
            elif prev is None and j + 1 < len(view.toks) and (told := _fate_right_before(view, i_num)) is not None \
                    and "plur" in view.toks[j + 1].tag and (group_of := view.group_from(j + 1))[1] \
                    and _fate_of(view.toks[j + 1].lemma) is None:
                # "был легко ранен один из сотрудников": one of them, the fate told right before him
                out.append(Casualty(told, 1, group_of[0], "event", num.start, view.toks[j + 1].end, view.index))
            continue                     # otherwise "одна из жертв": one of a set counted elsewhere
        k_noun = next((k for k in range(j, min(j + 4, len(view.toks)))
                       if not any(x in view.toks[k].tag for x in ("ADJF", "PRTF"))), None)
        if head is None and k_noun is not None and view.toks[k_noun].lemma in ("ранение", "рана", "выстрел", "пуля"):
            continue                     # "получил пять пулевых ранений": wounds, not people
        if head is None and k_noun is not None and "NOUN" in view.toks[k_noun].tag:
            continue                     # "сделали четыре операции", "одного из пяти крупнейших кланов": things
        counted = _number_of(view, i_num)     # "количество пострадавших … достигло 30"
        if head is None:
            # "число жертв достигло 16", "погибших — 10", "ещё четверо — госпитализированы"
            back = [t.lemma for t in view.toks[max(0, i_num - 4):i_num]]
            # "8 человек погибли и не менее 15 получили ранения": a bare number after a count of people
            elliptic = bool(out) and (any(_fate_of(t.lemma) for t in view.toks[j:j + 3])
                                      # "погибли 25 человек …; ранены 49": the fate right before it
                                      # (past a qualifier: "погибли по меньшей мере 12")
                                      or i_num > 0 and _fate_of(view.toks[_before_number(view, num, i_num)].lemma) is not None
                                      # "…достигло 30, погибших — 5"
                                      or i_num > 1 and view.toks[i_num - 1].text in ("—", "–", ":")
                                      and _fate_of(view.toks[i_num - 2].lemma) is not None)
            # "погиб сотрудник ФСБ, еще один тяжело ранен": one more, the fate right after it
            elliptic = elliptic or i_num > 0 and view.toks[i_num - 1].lemma in ("еще", "ещё") and num.value == 1 \
                and any(_fate_of(t.lemma) for t in view.toks[j:j + 2])
            # "убив двух полицейских и ранив еще одного": one more, after the fate's gerund
            elliptic = elliptic or bool(out) and i_num > 1 and view.toks[i_num - 1].lemma in ("еще", "ещё") \
                and "GRND" in view.toks[i_num - 2].tag and _fate_of(view.toks[i_num - 2].lemma) is not None
            # "Днем число жертв возросло до 19, к вечеру - до 31": the count goes on growing
            grows_on = view.toks[i_num - 1].lemma == "до" and any(c.latest for c in out) if i_num else False
            elliptic = elliptic or grows_on
            if not (set(back) & (GENERIC_PERSON | {"число", "количество"})) and "NUMR" not in view.toks[i_num].tag \
                    and not num.extra.get("collective") and not elliptic and not counted_fate and not counted:
                continue
            latest = bool(set(back) & GROWTH) or grows_on
            end = num.end
        else:
            end = view.toks[head].end
            if group is None:
                # "2 сотрудника КНБ": the group may sit right after the head noun
                for t in view.toks[head + 1:head + 4]:
                    if not t.text[:1].isalpha() or t.lemma in ("и", "а", "или") or "NUMR" in t.tag:
                        break                    # "10 человек — 9 школьников …": a breakdown follows;
                        # "трое гражданских лиц и трое военнослужащих": another count
                    if groups().get(t.lemma):
                        group = groups()[t.lemma]
                        end = t.end
                        break
                # "Погиб один человек — предполагаемый исполнитель теракта": the one who died is the attacker
                nxt = view.toks[head + 1:head + 5]
                if group is None and num.value == 1 and nxt and nxt[0].text in ("—", "–") and any(
                        groups().get(t.lemma) == "perpetrator" or t.lemma == "исполнитель" for t in nxt[1:]):
                    group = "perpetrator"
                    end = max(t.end for t in nxt if t.text[:1].isalnum())       # the apposition is this statement's
        head_fate = _fate_of(view.toks[head].lemma) if head is not None else None
        # (past "ещё", and a gerund's too: "убив семерых прихожан и похитив ещё 15 человек")
        k_prev = i_num - 2 if i_num > 1 and view.toks[i_num - 1].lemma in ("еще", "ещё") else i_num - 1
        # ("мы потеряли 12 военнослужащих": the forces' own men lost are dead)
        lost = head is not None and view.toks[k_prev].lemma == "потерять" and (next(
            (f for t in view.toks[head + 1:head + 3] if "ablt" in t.tag and (f := _fate_of(t.lemma))), None)
            or ("killed" if group in ("military", "police", "security_service") else None))
        if lost:
            head_fate = lost             # "отразили нападение, потеряв 21 военнослужащего убитыми": the army's dead
        if head_fate is None and i_num and part_of_speech((prev := view.toks[k_prev]).tag) in ("VERB", "PRTS", "GRND") \
                and _fate_of(prev.lemma) is None and cues().get(prev.lemma) is None and prev.lemma not in LINKING \
                and (prev.tag.startswith("GRND") or not _fate_in_clause_before(view, k_prev)):
            continue                     # "Кулибали был убит, освобождены 15 заложников": the number's own verb
        fate, cue_at = (head_fate, head) if head_fate else \
            (counted or _nearest_cue(view, i_num, _before_number(view, num, i_num) + 1))
        if not head_fate and not counted and cue_at is not None and cue_at < i_num \
                and any(t.text == "," for t in view.toks[cue_at:i_num]):
            # "погибли двое полицейских, еще шестеро сотрудников полиции и один местный житель получили ранения": the
            # fate of the count's own clause, past its list, not the one before the comma
            own = next((n for n in range(i_num + 1, min(len(view.toks), i_num + 12))
                        if view.toks[n].text in ",;:" or _fate_of(view.toks[n].lemma)), None)
            if own is not None and _fate_of(view.toks[own].lemma):
                fate, cue_at = _fate_of(view.toks[own].lemma), own
        # "Ночью в больнице скончались двое раненых": those of the wounded who died are dead
        near = view.toks[max(0, i_num - 3):i_num]
        near = near[max((n + 1 for n, t in enumerate(near) if t.text in ",;:—–"), default=0):]
        # ("Ещё двое пострадавших скончались в больнице": the participle right after the number is its noun)
        noun = head if head_fate else cue_at if fate == "wounded" and cue_at == i_num + 1 else None
        if fate == "wounded" and noun is not None and any("VERB" in t.tag and _fate_of(t.lemma) == "killed"
                                                          for t in near + view.toks[noun + 1:noun + 3]):
            fate = "killed"
        # "Трое захватчиков ликвидированы, еще один ранен": the attackers' own verb right after them, not the
        # next clause's fate
        if group == "perpetrator" and head is not None:
            own = next((k for k in range(head + 1, min(len(view.toks), head + 3))
                        if cues().get(view.toks[k].lemma) == "perp_dead" and view.toks[k].lemma in SECURITY_KILLS), None)
            if own is not None:
                fate, cue_at = "killed", own
        # (a verb of the cue's own phrase, "получили ранения", or one that is a cue itself, "ликвидированы", is not)
        # ("получили осколочные ранения": past the wound's adjectives too)
        own_verb = next((t for n, t in enumerate(view.toks[i_num + 1:cue_at - 1], i_num + 1)
                         if ("VERB" in t.tag or "PRTS" in t.tag)
                         and cues().get(t.lemma) in (None, "perp_alive") and t.lemma not in LINKING
                         and not (t.lemma in _GET and all(("ADJF" in x.tag or "ADVB" in x.tag or "PRTF" in x.tag)
                                                          for x in view.toks[n + 1:cue_at]))),
                        None) if cue_at is not None and cue_at > i_num else None
        if own_verb is not None and any(t.text == "," for t in view.toks[i_num + 1:cue_at]):
            continue                     # "двое похитителей задержаны, третий погиб": the number's own verb
        if not head_fate and cue_at is not None and cue_at < i_num and _verb_of_its_own(view, i_num, cue_at):
            continue                     # "Водитель получил ранение, а троих инженеров нападавшие посадили на мотоциклы"
        listed = next((c for c in reversed(out) if _listed_after(view, c, num)), None) if not head_fate else None
        # (not one with a fate of its own: "погибли пятеро — двое полицейских, 10 ранены")
        end_at = view.tok_at(end) if end else j
        if listed is not None and not any(_fate_of(t.lemma) for t in view.toks[end_at:end_at + 2]):
            fate = listed.fate          # "погибли восемь человек — два полицейских и шесть мирных жителей, ранены 10"
        if fate is None:
            fate, cue_at = _count_subject(view, i_num)
            latest = latest or fate is not None
        if group is None and head is not None and any(
                view.toks[k].lemma in SECURITY_KILLS and cues().get(view.toks[k].lemma) == "perp_dead"
                for k in range(max(0, i_num - 3), min(len(view.toks), _past_asides(view, end_tok(view, end)) + 3))):
            group = "perpetrator"        # "24 осужденных были ликвидированы силовиками": counted with the attackers
        if group == "perpetrator" and head is not None and i_num and view.toks[k_prev].lemma in SECURITY_KILLS \
                and cues().get(view.toks[k_prev].lemma) == "perp_dead" and "PRTS" in view.toks[k_prev].tag:
            fate, cue_at = "killed", k_prev   # "ликвидированы шестеро участников бунта, ранены двое сотрудников":
            #                                   the passive right before them, not the next clause's fate
        if fate is None and group == "perpetrator":
            # "ликвидированы 13 нападавших": attackers killed by the security forces
            cue_at = next((k for k in range(max(0, i_num - 3), min(len(view.toks), _past_asides(view, end_tok(view, end)) + 3))
                           if cues().get(view.toks[k].lemma) == "perp_dead"), None)
            fate = "killed" if cue_at is not None else None
        # "погибли 25 человек, в том числе трое полицейских и двое детей": a further item of the list a
        # breakdown opens, sharing its fate however far the verb
        item_of = next((c for c in out[-1:] if c.kind == "breakdown" and _COORDINATED.fullmatch(
            view.a.text, c.end, num.start)), None)
        joined = item_of if fate is None else None
        if joined is not None:
            fate = joined.fate
        if fate is None:
            continue
        weak = cue_at is not None and view.toks[cue_at].lemma in WEAK
        if weak and i_num and view.toks[i_num - 1].lemma == "из" and any(
                t.lemma == "госпитализировать" or t.lemma == "госпитализированный" for t in view.toks):
            weak = False                 # "из трёх пострадавших двоих госпитализировали": 3 injured (126876)
        hospital = cue_at is not None and view.toks[cue_at].lemma == "госпитализировать"
        extra = any(t.lemma in ("еще", "ещё") for t in view.toks[max(0, i_num - 2):i_num])
        # "один из пострадавших … в тяжелом состоянии. Двое других получили легкие травмы": the others, besides
        others = i_num + 1 < len(view.toks) and view.toks[i_num + 1].lemma == "другой" \
            and "plur" in view.toks[i_num + 1].tag
        extra = extra or others
        # (not past another fate: "Погиб лейтенант X, еще двое сотрудников получили ранения" … "Раненые
        # сотрудники — X и Y": the two wounded are more than the dead, not more than the wounded named)
        told = [f for t in view.toks[:max(0, i_num - 2)] if (f := _fate_of(t.lemma))]
        extra = extra and not (told and told[-1] != fate)
        generic = head is None or view.toks[head].lemma in GENERIC_HEADS
        back = {t.lemma for t in view.toks[max(0, i_num - 4):i_num]}
        latest = latest or bool(back & GROWTH)
        # "погибли четыре человека, в том числе двое полицейских, еще трое получили ранения": a number
        # with "ещё" and a fate of its own right after it is a new statement, not part of the breakdown
        # and "погибли 100 человек, большинство из них — полицейские, более 220 получили ранения": a
        # number with another fate right after it is no part of the breakdown either
        after = None
        for t in view.toks[j:j + 3]:                 # within the clause: not past ";" or ","
            if not t.text[:1].isalnum():
                break
            if (after := _fate_of(t.lemma)) is not None:
                break
        # "Погибли 12 человек, в том числе 9 полицейских, ранены 29": another fate right before it too
        # (past a qualifier: "в том числе пятеро детей, ранены более 100")
        before = _fate_of(view.toks[_before_number(view, num, i_num)].lemma) if i_num else None
        own_fate = extra and any(_fate_of(t.lemma) for t in view.toks[j:j + 2]) or \
            after is not None and bool(totals_here) and after != totals_here[-1].fate or \
            before is not None and bool(totals_here) and before != totals_here[-1].fate
        kind = "breakdown" if totals_here and (_breakdown_before(view, i_num) or joined is not None) \
            and not own_fate else ("total" if group is None else "event")
        mine = [c for c in out if c.kind == "event" and c.start < num.start]
        if kind == "event" and not totals_here and mine and mine[-1].group == group and not own_fate \
                and (_breakdown_before(view, i_num) or _listed_after(view, mine[-1], num)):
            continue            # "12 мирных жителей, в том числе пятеро детей, погибли": inside the 12
            #                     ("Погибли восемь военнослужащих — два офицера и шесть солдат": the eight)
        if extra and any(c.count and c.count > num.value and c.end <= num.start and ":" in view.a.text[c.end:num.start]
                         and (group is None or c.group == group) for c in out):
            continue                     # "Все пятеро нападавших уничтожены: один подорвал себя, еще четверо убиты":
            #                              the five told apart
        if head is None and group is None and out and out[-1].group == "perpetrator" and "nomn" in view.toks[i_num].tag \
                and any(t.lemma in ("еще", "ещё") for t in view.toks[max(0, i_num - 2):i_num]):
            group, kind = "perpetrator", "event"      # "Трое захватчиков ликвидированы, еще один ранен": one more of them
        c = Casualty(fate, int(num.value) if num.value == int(num.value) else None, group, kind,
                     num.start, end, view.index, latest=latest,
                     qualifier=num.qualifier or ("more_than" if "превысить" in back else None),
                     generic=generic, extra=extra, others=others, weak=weak, hospital=hospital,
                     outdated=_outdated(view, i_num))
        if kind == "breakdown":
            c.fate = totals_here[-1].fate
            c.joined = item_of is not None
        if kind == "total":
            totals_here.append(c)
        out.append(c)
    out = _with_the_one_before(view, out)
    out = _join_coordinated(view, out)
    out += _the_other(view, out)
    for a, b in zip(out, out[1:]):
        # "Двое полицейских погибли, один получил ранение": a bare numeral after a comma counts the group
        # just counted, with another fate
        i = view.tok_at(b.start)
        if a.group not in (None, "perpetrator") and not a.nominal and b.group is None and b.count is not None \
                and b.fate != a.fate and b.kind == "total" and not b.extra and i == view.tok_at(b.end - 1) \
                and view.a.text[a.end:b.start].rstrip().endswith(",") and i + 1 < len(view.toks) \
                and "NOUN" not in view.toks[i + 1].tag:
            b.group, b.kind = a.group, "event"
    lemmas = {t.lemma for t in view.toks}
    for k, t in enumerate(view.toks[:-1]):
        # "устанавливают точное число пострадавших", "не называя число раненых": the count is unknown
        if t.lemma in ("число", "количество") and _fate_of(view.toks[k + 1].lemma) and lemmas & UNKNOWN_COUNT:
            out.append(Casualty(_fate_of(view.toks[k + 1].lemma), None, None, "vague", t.start,
                                view.toks[k + 1].end, view.index))
    for k, t in enumerate(view.toks):                 # "несколько", "десятки" the number finder leaves out
        if t.lemma in VAGUE_WORDS and not any(c.start <= t.start < c.end for c in out) and \
                not any(n.start <= t.start < n.end for n in view.numbers) and not _counts_things(view.toks, k):
            fate, cue = _nearest_cue(view, k)
            if fate is not None and not _verb_of_its_own(view, k, cue):
                out.append(Casualty(fate, None, None, "vague", t.start, t.end, view.index))
    return out


# (or bare: "погибли двое мужчин 67 и 56 лет и 56-летняя женщина")
_AGES_GAP = re.compile(r"\s*(?:(?:(?:в\s+)?возрасте\s+(?:от\s+)?)?(?:и\s+)?\d[\d\s,и–-]*(?:до\s+\d+\s+)?(?:лет|года)\s*)?(?:и|,)\s*"
                       r"(?:\d+-летн\w+\s+)?")


def _past_ages(view: SentenceView, covered: set[int], i: int) -> bool:
    """The list a number opens goes on past its ages: "погибли трое студентов в возрасте 16 и 17 лет и
    преподаватель колледжа" (4)."""
    last = max((c for c in covered if c < i), default=None)
    return last is not None and _AGES_GAP.fullmatch(view.a.text, view.toks[last].end, view.toks[i].start) is not None


def _counts_things(toks: list[Token], k: int) -> bool:
    """"получил несколько ножевых ранений", "скончался спустя несколько часов": the word counts wounds or
    time, things and not people (its noun, past adjectives, is inanimate)."""
    for t in toks[k + 1:k + 4]:
        if "NOUN" in t.tag:
            return "inan" in t.tag
        if "ADJF" not in t.tag and "PRTF" not in t.tag:
            return False
    return False


_CONDITION = frozenset(("состояние", "критический", "тяжелый", "тяжёлый", "стабильный", "госпитализировать"))


def _subset_of_the_hurt(view: SentenceView, i: int, j: int) -> bool:
    """"состояние шестерых раненых оценивается как критическое", "двое из раненых полицейских находятся в
    критическом состоянии": a part of the hurt told by their condition, not their count."""
    toks = view.toks
    after = toks[j:j + 3]
    part = bool(after) and after[0].lemma == "из" and any(_fate_of(t.lemma) == "wounded" for t in after[1:])
    condition = i > 0 and toks[i - 1].lemma == "состояние" and bool(after) and _fate_of(after[0].lemma) == "wounded"
    # "ранены 27 человек, состояние восьми из них … критическое", "… восемь из них в тяжелом состоянии"
    # (not "двое из них скончались": a fate of their own)
    of_them = len(after) > 1 and after[0].lemma == "из" and after[1].lemma == "они" and any(
        _fate_of(t.lemma) == "wounded" for t in toks[:i]) and _last_fate(view, j) is None
    return (part or condition or of_them) and any(t.lemma in _CONDITION for t in toks)


def _part_of_the_hurt(view: SentenceView, i: int) -> bool:
    """"из шести раненых четверо остаются в больнице, двое … выписаны": a number after the hurt a sentence
    counts "из" is a part of them."""
    toks = view.toks
    return any(toks[k].lemma == "из" and any(n.start == toks[k + 1].start for n in view.numbers)
               and _fate_of(toks[k + 2].lemma) == "wounded" for k in range(max(0, i - 12), i - 2))


def _the_other(view: SentenceView, out: list[Casualty]) -> list[Casualty]:
    """"Один из них скончался в больнице, второй ранен": after one of a pair told apart, "второй" /
    "другой" with a fate of its own is one more victim."""
    toks = view.toks
    told = {c.start for c in out}
    if not any(t.lemma == "один" and nxt.lemma == "из" and t.start in told for t, nxt in zip(toks, toks[1:])):
        return []
    found = []
    for k, t in enumerate(toks[:-1]):
        if t.lemma in ("второй", "другой") and (k == 0 or toks[k - 1].text == ","):
            fate = next((f for x in toks[k + 1:k + 3] if (f := _fate_of(x.lemma))), None)
            if fate is not None:
                found.append(Casualty(fate, 1, None, "event", t.start, toks[k + 1].end, view.index))
    return found


def _with_the_one_before(view: SentenceView, out: list[Casualty]) -> list[Casualty]:
    """"боевики застрелили его и двоих пассажиров": the pronoun joined to a count right after a verb of harm is the one
    told before (the driver), one more of the count's group."""
    toks = view.toks
    res = list(out)
    for c in out:
        i = view.tok_at(c.start)
        if c.kind == "event" and c.count and i >= 3 and toks[i - 1].lemma == "и" \
                and toks[i - 2].text.lower() in ("его", "ее", "её") and toks[i - 3].lemma in TRANSITIVE \
                and "VERB" in toks[i - 3].tag and _fate_of(toks[i - 3].lemma) == c.fate:
            res.append(Casualty(c.fate, 1, c.group, "event", toks[i - 2].start, toks[i - 2].end, view.index))
    return sorted(res, key=lambda c: c.start)


def _join_coordinated(view: SentenceView, out: list[Casualty]) -> list[Casualty]:
    """"Погибли семь учеников и двое сотрудников школы": counts of one fate joined by "и" / "а также"
    are disjoint parts, and their sum is the total (docs/coding.md §5: "9 школьников и учитель" = 10).
    Each part keeps its group; two parts of named groups add up in the tally already."""
    res = list(out)
    for a, b in zip(out, out[1:]):
        if a.fate != b.fate or a.count is None or b.count is None or b.extra or (a.group and b.group) \
                or a.kind not in ("total", "event") or b.kind not in ("total", "event") or a.sentence != b.sentence:
            continue
        # ("три сотрудника учреждения и 29 заключенных": the head's genitive dependant may stand between)
        toks = [t for t in view.toks if a.end <= t.start and t.end <= b.start]
        # ("трое сотрудников колонии": a reading of it, the best may be another case)
        while toks and "NOUN" in toks[0].tag and "Geox" not in toks[0].tag and (
                "gent" in toks[0].tag or any(p.tag.case == "gent" for p in morph.parse(toks[0].text.lower()))):
            toks = toks[1:]
        between = [t.lemma for t in toks]
        if not between or not set(between) <= _AND_WORDS or not set(between) & {"и", "также"}:
            continue
        joined = Casualty(a.fate, a.count + b.count, None, "total", a.start, b.end, a.sentence,
                          qualifier=a.qualifier, generic=a.generic and b.generic, claim=a.claim, weak=a.weak and b.weak)
        parts = [x for x in (a, b) if x.kind == "event"]         # a group's part stays for the breakdown
        res = [x for x in res if x is not a and x is not b] + parts + [joined]
    return sorted(res, key=lambda c: c.start)


_AND_WORDS = {"и", ",", "а", "также"}
# the items of one list: "трое полицейских и двое детей", "…, двое детей", "…, а также двое детей"
_COORDINATED = re.compile(r"\s*(?:,\s*)?(?:и|а\s+также)\s+|\s*,\s*")


NOT_THE_ACT = {"в", "на", "о", "за", "расследование", "дело", "обвинение", "покушение", "подозрение",
               "заказчик", "раскрытие", "годовщина", "заказать", "организация", "соучастие"}


def _killing_noun(view: SentenceView, k: int) -> str | None:
    """"Убийство депутата Дениса Вороненкова было совершено …": the act itself, with a named victim;
    not "обвинения в убийстве …", "покушение на убийство …", "расследование убийства …"."""
    toks = view.toks
    if toks[k].lemma != "убийство" or any(t.lemma in NOT_THE_ACT for t in toks[max(0, k - 2):k]):
        return None
    after = toks[k + 1:k + 8]
    if any(t.text in {",", ";", "."} for t in after[:3]):
        return None
    if any(after and after[0].start <= p.start < after[-1].end for p in view.persons):
        return "killed"
    return None


_CYRILLIC = re.compile(r"[а-яё]", re.I)


def _distinct_people(view: SentenceView, names: list[Entity]) -> list[Entity]:
    """One entry per person: a Latin gloss "(Lucile Garcia)" or a real name repeats the name before it, and two name
    pieces with only a space between them ("Али Абдалла" "Салех") are one person."""
    out: list[Entity] = []
    for p in names:
        if not _CYRILLIC.search(p.text) and any(_CYRILLIC.search(q.text) for q in names):
            continue
        if out and not view.a.text[out[-1].end:p.start].strip():
            continue
        if out and REAL_NAME.search(view.a.text, out[-1].end, p.start):
            continue                     # "Владлен Татарский (настоящее имя — Максим Фомин)": one person
        if out and re.fullmatch(r"\s*\(\s*[«\"“]?\s*", view.a.text[out[-1].end:p.start]):
            continue                     # "Руслан Владыко («Пан»)": a nickname in brackets
        if out and _WHO_IS.fullmatch(view.a.text, out[-1].end, p.start) and " " not in out[-1].text.strip() \
                and view.role_at(token_at(view.toks, out[-1].start) - 1) is not None:
            out[-1] = p                  # "погиб водитель Хакими — 35-летний Сайед Рахматулла": the driver is
            continue                     # the one after the dash; the one before it, whose driver he was
        out.append(p)
    return out


_WHO_IS = re.compile(r"\s*[—–]\s*(?:\d{1,3}-летн\w+\s+)?")


def _is_place(text: str) -> bool:
    """A two-word "name" the gazetteer knows as a settlement ("Сергиева Посада"); one word is too risky
    (surnames like "Харви" are towns somewhere)."""
    if len(text.split()) < 2:
        return False
    try:
        from letopis.geo import get_gazetteer
    except ImportError:
        return False
    return any(h.kind in ("city", "region", "country") for h in get_gazetteer().lookup(text))


# a place word right before a "name" that is the place's own ("глава города Сергиев Посад"); not when an
# adjective has named the place already ("глава Баксанского района Мурат Кудаев": a person)
_PLACE_WORD = re.compile(r"(?<![а-яё]ого\s)(?<![а-яё]ой\s)(?<![а-яё]ом\s)"
                         r"(?:город|села|село|селе|поселк|посёлк|деревн|станиц|аула|улиц|район|област|округ)\w*\s+$")
_ALIAS = ("известный как", "известная как", "по прозвищу", "позывной", "он же", "она же")


def _not_a_victim_name(view: SentenceView, p: Entity, transitive: bool) -> bool:
    """A name that only describes the victim: an alias ("более известный как Моторола") or a genitive
    ("брат лидера КНДР Ким Чен Ына", "батальона имени шейха Мансура") where the victim stands in the
    nominative."""
    before = view.a.text[max(view.s.start, p.start - 25):p.start].lower()
    if any(before.rstrip(" «\"").endswith(a) for a in _ALIAS):
        return True
    if re.search(r"(?<!по )(?:\bимени|\bим\.)\s*$", before):
        return True                      # "госпитализирован в НИИ скорой помощи имени Джанелидзе": a namesake
    if _PLACE_WORD.search(before) or _is_place(p.text):
        return True                      # "глава города Сергиев Посад": a place the recogniser took for a name
    if transitive:
        return False
    k = token_at(view.toks, p.start)
    if k is None or k == 0:
        return False
    prev = view.toks[k - 1]
    first = view.toks[k]
    # ("скончался капитан Бекмухамбетов": a surname in -ов the dictionary guesses as a plural genitive)
    surname = "plur" in first.tag and first.text[:1].isupper() and first.text.endswith(("ов", "ев", "ёв", "ин", "ын"))
    if "gent" in first.tag and "nomn" not in first.tag and not surname and (
            "NOUN" in prev.tag or view.role_at(k - 1) is not None):
        return True
    passive = max((j for j in range(k) if "PRTS" in view.toks[j].tag), default=None)
    if "ablt" in first.tag and "nomn" not in first.tag and passive is not None and not any(
            x.lemma in ("с", "со", "между", "над", "за", "под", "перед") for x in view.toks[passive + 1:k]):
        # (not "госпитализирована вместе с другим пострадавшим, Чарльзом Роули": one with her)
        # ("был убит в 1980 году одним из его фанатов — 25-летним охранником … Марком Чэпменом")
        return True                      # "был обезглавлен 18-летним чеченцем Абдуллахом Анзоровым": the agent
    if prev.text[:1].isdigit() and "gent" in prev.tag and "nomn" not in prev.tag and _name_may_be(first.text, "gent"):
        return True                      # "при попытке задержания 41-летнего Бахытжана Оразбаева погибли …": his age
    # "брат лидера КНДР Ким Чен Ына": a person noun in the genitive just before (the name is its apposition)
    for j in range(k - 1, max(-1, k - 4), -1):
        t = view.toks[j]
        if not t.text[:1].isalnum() or t.lemma in ("и", "или"):
            break                        # "Ерболат Жумабеков и Нурлан Сейткали": a second victim
        if any(o.start <= t.start < o.end for o in view.persons):
            break                        # a name before, whatever case pymorphy guesses for it
        if "gent" in t.tag and "nomn" not in t.tag and "anim" in t.tag and "NOUN" in t.tag and \
                not any(x in t.tag for x in ("Name", "Surn", "Patr")) and not (
                    j and "plur" in view.toks[j - 1].tag and any(
                        "nomn" in p.tag and "plur" in p.tag for p in morph.parse(t.text.lower())[:4])):
            return True                  # (not "17-летние студентки Алина Тихонова и …": plural nominative)
    return False


SECURITY_KILLS = {"застрелить", "ликвидировать", "нейтрализовать", "уничтожить"}


def _security_agent(toks: list[Token], k: int) -> bool:
    # (past a bracket: "полиция в Руане (департамент Приморская Сена) застрелила мужчину")
    before = [t for t in toks[max(0, k - 12):k]]
    depth, kept = 0, []
    for t in reversed(before):
        depth += t.text == ")"
        if depth == 0:
            kept.append(t)
        depth -= t.text == "(" and depth > 0
    return any(groups().get(t.lemma) in ("police", "security_service", "military") and "accs" not in t.tag
               for t in kept[:5])


# an operation of the forces: a kill told in the passive right after it is theirs ("в ходе КТО
# уничтожен", "во время спецоперации застрелен", "при задержании застрелен")
OPERATION = frozenset({"спецоперация", "кто", "контртеррористический", "задержание"})


def operation_kill(toks: list[Token], k: int) -> bool:
    """Token k is a short passive of a security kill within five words after an operation word; who
    fell is the forces' target unless named as one of them (the caller's check)."""
    return "PRTS" in toks[k].tag and toks[k].lemma in SECURITY_KILLS and \
        any(x.lemma in OPERATION for x in toks[max(0, k - 5):k])


_SHOOTOUT = re.compile(r"перестрелк\w*\s+с\s+(?:полици|силовик|сотрудник|правоохранител|военн|спецназ)", re.I)


def _perp_named(view: SentenceView, names: list[Entity], k: int) -> bool:
    """The named dead or wounded are the attackers: a role of attacker right before the names, or
    "убит в перестрелке с полицией"."""
    text = view.a.text
    lo = max(view.s.start, names[0].start - 60)
    role = re.search(r"(?:сообщник\w*|подозреваем\w+|нападавш\w+|террорист\w*|смертник\w*|стрел(?:ок|ка)|"
                     r"киллер\w*|убийц\w+|боевик\w*)\W+(?:\w+\W+){0,5}$", text[lo:names[0].start].lower())
    # (not the subject of the act whose objects the names are: "Нападавший ранил X и Y")
    if role and not any("VERB" in t.tag or "GRND" in t.tag for t in view.toks
                        if lo + role.start() <= t.start < names[0].start):
        return True
    if operation_kill(view.toks, k):
        return True                      # "во время спецоперации застрелен Магомед Алиев"
    return bool(_SHOOTOUT.search(text[view.s.start:view.s.end]))


_GET = frozenset(("получить", "получать"))


def _name_may_be(word: str, case: str | None) -> bool:
    """The name's word can stand in that case (a name the dictionary cannot inflect can stand in any)."""
    from letopis.nlp.morph import parse
    cases = {p.tag.case for p in parse(word.lower()) if {"Name", "Surn", "Patr"} & p.tag.grammemes}
    return case is None or not cases or case in cases or "Fixd" in str(parse(word.lower())[0].tag)


def _indeclinable_role(view: SentenceView, i: int) -> bool:
    """A role word the dictionary does not know and that ends in a genitive it never declines
    ("замгубернатора", "замакима"): its case is the sentence's, not its ending's."""
    from letopis.nlp.morph import morph
    w = view.toks[i].text.lower()
    return w.startswith("зам") and view.role_at(i) is not None and not morph().word_is_known(w)


def _adjective_reading(word: str) -> bool:
    from letopis.nlp.morph import parse
    return any(p.tag.POS == "ADJF" for p in parse(word.lower()))


def _may_agree(a: Token, b: Token) -> bool:
    """Some reading of each word shares a case ("Раненого охранника": both genitive or accusative)."""
    cases = [{c for p in morph.parse(x.text.lower())[:4] for c in CASES if c in p.tag} for x in (a, b)]
    return bool(cases[0] & cases[1])


def _same_case(a: Token, b: Token) -> bool:
    return any(c in a.tag and c in b.tag for c in CASES)


def _subject_before(view: SentenceView, lo: int, k: int) -> list[Entity]:
    """"26-летний Тамерлан Царнаев, был ранен", "лейтенант милиции Эрлан Осмонов, получил огнестрельное
    ранение": the named subject set off by a comma before a passive or a wound received (no other verb
    or "который" between them)."""
    toks = view.toks
    before = [p for p in view.persons if p.end <= toks[lo].start]
    if not before:
        return []
    p = before[-1]
    if p.normal and p.normal != p.text:
        return []                        # "под автомобилем … Азамата Кушхова, водитель чиновника погиб": no subject
    # "Байтулла Мехсуд и Хакимулла Мехсуд, погибли": names joined by "и" are one subject
    group = [p]
    for q in reversed(before[:-1]):
        if view.a.text[q.end:group[0].start].strip() in ("и", ","):
            group.insert(0, q)
        else:
            break
    between = [t for t in toks if p.end <= t.start < toks[k].start]
    if len(between) > 3 and between[0].text == "," and between[1].text.isdigit() and between[2].lemma == "год" \
            and between[3].text == ",":
        between = between[4:]            # (past his age: "Контролёр X, 31 год, получил ножевые ранения")
    # (past a participle's or gerund's phrase set off by commas: "Люси Беннетт, попытавшаяся вмешаться, получила ранения")
    if len(between) > 2 and between[0].text == "," and any(x in between[1].tag for x in ("PRTF", "GRND")):
        close = next((j for j in range(2, min(len(between), 10)) if between[j].text == ","), None)
        if close is not None:
            between = between[close + 1:]
    # (past the name's apposition set off by commas: "Ахмед Исаев, заместитель главы района, погиб", "X, 1985
    # года рождения, получил ранение")
    if len(between) > 2 and between[0].text == ",":
        close = next((j for j in range(2, min(len(between), 8)) if between[j].text == ","), None)
        if close is not None and not any(t.text == "и" or t.lemma == "который" or "VERB" in t.tag or "PRTS" in t.tag
                                         for t in between[1:close]):
            between = between[close + 1:]
    # (past a clause of his own, the pronoun taking him up: "Прапорщик Жумалиев освобожден, он получил резаные раны")
    again = [j for j in range(len(between) - 1) if between[j].text == "," and between[j + 1].lemma in ("он", "она")
             and "nomn" in between[j + 1].tag]
    if again and len(between) <= 12:
        between = between[again[-1] + 2:]
    # (past a list the name opens: "Ахмед Исаев, его водитель и охранник погибли")
    listing = len(between) <= 10 and between[:1] and between[0].text == "," and any(t.text == "и" for t in between)
    if any(("VERB" in t.tag and t.lemma != "быть" and t.lemma not in _GET) or "PRTS" in t.tag or t.lemma == "который"
           for t in between) or len(between) > 4 and not listing:
        return []
    return group


def _died_later(toks: list[Token], k: int) -> bool:
    """"был ранен в перестрелке … и позже скончался": the wounded attacker died."""
    return any(_fate_of(t.lemma) == "killed" for t in toks[k + 1:k + 15])


def identification(toks: list[Token], k: int) -> bool:
    """"Застреленным мужчиной оказался X", "погибшим оказался X": who a casualty told before was,
    not another casualty (the cue stands in the instrumental beside "оказаться"/"являться")."""
    return "ablt" in toks[k].tag and any(t.lemma in ("оказаться", "являться") for t in toks[max(0, k - 4):k + 7])


# after a colon, words that open a clause of its own rather than a list of the victims
_REPORT_OPENS = frozenset(("PREP", "VERB", "NPRO", "CONJ", "ADVB"))


def _own_fate(toks: list[Token], k: int, cue: int) -> bool:
    """The words from token k to the next comma tell a fate of their own, another cue than the one at `cue`
    ("Погибли мать и двое детей, отец тяжело ранен"; past a participle's phrase: "…, его сын и односельчанин,
    пытавшийся разнять конфликтующих, с огнестрельными ранениями доставлены в больницу")."""
    j = k
    while j < len(toks):
        t = toks[j]
        if t.text == "," and j + 1 < len(toks) and "PRTF" in toks[j + 1].tag:
            close = next((n for n in range(j + 2, min(len(toks), j + 10)) if toks[n].text == ","), None)
            if close is not None:
                j = close + 1
                continue
        if t.text in BOUNDARY or t.text == ",":
            return False
        if _fate_of(t.lemma) is not None and _fate_of(t.lemma) != _fate_of(toks[cue].lemma):
            return True
        j += 1
    return False


def _own_verb(toks: list[Token], k: int) -> bool:
    """The words from token k to the next comma hold a finite verb of their own, and open with a word in
    another case than a list's next item would ("одной из жертв нападавший перерезал горло"; not "…,
    Сергей и дочь Вера поселились")."""
    # ("…погиб его охранник, сам министр не пострадал": "сам" opens a clause of its own)
    if k >= len(toks) or ("nomn" in toks[k].tag and toks[k].lemma != "сам") or not toks[k].tag:
        return False
    for t in toks[k:]:
        if t.text in BOUNDARY or t.text == ",":
            return False
        if "VERB" in t.tag and "indc" in t.tag or "PRTS" in t.tag:
            return True                  # (a short participle is a predicate too: "его водитель X тяжело ранен")
    return False


# what keeps a death from happening ("не допустил гибели", "предотвратить жертвы") and what only means one
_AVERTED = frozenset(("допустить", "предотвратить", "избежать", "избегнуть", "предупредить"))
_INTENT = frozenset(("пригрозить", "угрожать", "грозить", "обещать", "пообещать", "хотеть", "собираться",
                     "намереваться", "планировать", "пытаться", "попытаться", "требовать", "потребовать",
                     "призвать", "призывать", "мочь", "решить"))


_INFLICT = frozenset(("причинить", "нанести"))
_PRONOUNCED = frozenset(("констатировать", "зафиксировать"))     # "врачи констатировали его смерть"


def nominal_events(view: SentenceView, taken: set[int], covered: set[int] | None = None) -> list[Casualty]:
    """Casualties named without a number: "убив охранника и случайного посетителя". A cue a number
    already answers still counts the nouns beside the number: "ранил двух прохожих и женщину" (+1)."""
    out: list[Casualty] = []
    toks = view.toks
    covered = covered or set()
    for k, t in enumerate(toks):
        fate = _fate_of(t.lemma) or _killing_noun(view, k)
        if fate is None:
            continue
        answered = k in taken
        if answered and not covered:
            continue
        if k and toks[k - 1].lemma == "не":
            continue                     # "Сам Исаков не пострадал": no casualty
        if any(x.lemma in _AVERTED for x in toks[max(0, k - 3):k]):
            continue                     # "не допустил гибели товарища", "удалось избежать жертв"
        if "INFN" in t.tag and any(x.lemma in _INTENT for x in toks[max(0, k - 5):k]):
            continue                     # "пригрозили убить заложника", "пытался убить", "пригрозив в противном случае
            #                              убить заложницу": no act told
        if fate == "killed" and k and "Anum" in toks[k - 1].tag and "nomn" in toks[k - 1].tag and any(
                view.group_from(i)[0] == "perpetrator" for i in range(k - 1)):
            # "двое похитителей задержаны, третий погиб при задержании": one more of the attackers counted
            out.append(Casualty("killed", 1, "perpetrator", "event", toks[k - 1].start, t.end, view.index,
                                nominal=True))
            continue
        if any(x.lemma == "приговор" for x in toks[k + 1:k + 4]):
            continue                     # "были расстреляны по приговору суда": an execution, years later
        if t.lemma in ("смерть", "гибель") and k > 1 and toks[k - 1].text.lower() in ("его", "ее", "её") \
                and toks[k - 2].lemma in _PRONOUNCED:
            # "Мужчину с тяжелыми ножевыми ранениями доставили в медицинский центр, где … врачи констатировали его
            # смерть": the one told of before died (one of the hurt, when the sentence tells his wounds)
            hurt = any(_fate_of(x.lemma) == "wounded" for x in toks[:k - 1])
            out.append(Casualty("killed", 1, None, "event", toks[k - 1].start, t.end, view.index, nominal=True,
                                definite=True, from_wounded=hurt))
            continue
        if t.lemma in GENITIVE_NOUNS and any(x.lemma in NOT_THE_ACT for x in toks[max(0, k - 2):k]):
            continue                     # "сообщали о смерти", "заинтересованы в смерти": not the act
        if identification(toks, k):
            # "застреленным мужчиной оказался Усман Хан", "Погибшими оказались X и Y": told before, so no more
            # dead, but who they were (named victims with no count of their own)
            # ("застреленным мужчиной оказался X": shot by the police, the attacker)
            out += [Casualty(fate, None, None, "event", p.start, p.end, view.index, names=[p], nominal=True)
                    for p in view.persons if p.start > t.end and not _not_a_victim_name(view, p, False)
                    and t.lemma not in SECURITY_KILLS]
            continue
        if fate == "wounded" and any(x.lemma == "от" for x in toks[max(0, k - 3):k]) and all(
                x.lemma == "от" or "ADJF" in x.tag or "PRTF" in x.tag
                for x in toks[next(j for j in range(max(0, k - 3), k) if toks[j].lemma == "от"):k]):
            continue                     # "скончался от полученных (ножевых) ранений": the cause of a death
        if fate == "wounded" and k and toks[k - 1].lemma in ("смертельно", "смертельный"):
            fate = "killed"              # "смертельно ранил двух мужчин и женщину", "получил смертельное ранение"
        elif fate == "wounded" and "NOUN" in t.tag and _last_fate(view, k) == "killed":
            fate = "killed"              # "получил ранение в грудь и скончался по дороге в больницу"
        transitive = (t.lemma in TRANSITIVE and not _is_short_passive(t) and "NOUN" not in t.tag) or \
            t.lemma in GENITIVE_NOUNS
        # the clause the cue governs: up to the next comma that opens another predicate (a verb,
        # a short participle: "погибли женщина и ребёнок, ранен полицейский"), or the end
        lo, hi = k, k + 1
        while lo > 0 and toks[lo - 1].text not in BOUNDARY | {","} and k - lo < 6:
            lo -= 1
        while hi < len(toks) and toks[hi].text not in BOUNDARY and hi - k < 25:
            if toks[hi].text == "," and hi + 1 < len(toks) and (
                    any(p in toks[hi + 1].tag for p in ("GRND", "VERB", "PRTS"))
                    or toks[hi + 1].lemma in ("который", "и") or _own_verb(toks, hi + 1)
                    or _own_fate(toks, hi + 1, k)):
                break                    # ("…погибли, одной из жертв нападавший перерезал горло": a clause of its own)
            if toks[hi].text == ":" and hi + 1 < len(toks) and _REPORT_OPENS.intersection(re.split(r"[ ,]", toks[hi + 1].tag)):
                break                    # "была убита: об этом заявил детектив …": a report, not a list
            if toks[hi].text in ("»", "”") and hi + 1 < len(toks) and toks[hi + 1].text in (",", "—", "–"):
                break                    # "«Инспектор ДПС скончался на месте», — сказал собеседник": the quote's end
            hi += 1
        aside = _participle_phrase_before(toks, lo) if not transitive else None
        if aside is not None:
            # "Женщина, проходившая мимо, получила ранения": the subject before the phrase set off by commas
            lo = aside.start
            while lo > 0 and toks[lo - 1].text not in BOUNDARY | {","} and aside.start - lo < 6:
                lo -= 1
        elif not transitive and (named := _named_apposition_before(view, lo)) is not None:
            # "Его напарник, младший сержант милиции Улан Абдыкадыров, с огнестрельным ранением ноги доставлен в
            # больницу": the subject before the name set off by commas, the name his
            lo = named
        substantive = False
        died_hurt = False
        if ("PRTF" in t.tag or "ADJF" in t.tag) and "nomn" not in t.tag:
            # "Соболезнования семье погибшего выразил аким X", "X выразил соболезнования семье погибшего": an
            # oblique attributive cue's noun follows it, before the clause's next verb; with none there, the
            # participle names the person itself
            lo = k
            verb = next((n for n in range(k + 1, hi) if "VERB" in toks[n].tag), None)
            if verb is not None:
                hi = verb
            if k + 1 < len(toks) and toks[k + 1].text == "," and k and "NOUN" in toks[k - 1].tag \
                    and not any(x.text in ("—", "–", ":") for x in toks[k + 2:]):
                hi = k + 1               # "Напарник пострадавшего, лейтенант X, …": the name after the comma is the
                #                          partner's, the participle the one hurt
            substantive = "sing" in t.tag and not any("NOUN" in x.tag for x in toks[k + 1:hi])
        if ("PRTF" in t.tag or "ADJF" in t.tag) and "sing" in t.tag and k + 1 < len(toks):
            # "погибшая Людмила, сыновья Илья, Андрей …": a singular attributive cue counts the one name after it
            held = next((p for p in view.persons if p.start == toks[k + 1].start), None)
            # (not a name in another case: "— рассказал брат погибшего Ахмед" is the brother)
            if held is not None and not _name_may_be(toks[k + 1].text, next((c for c in CASES if c in t.tag), None)):
                held = None
                hi = k + 1
            if held is not None:
                lo, hi = k + 1, next((n for n in range(k + 1, len(toks)) if toks[n].start >= held.end), len(toks))
        span = range(k + 1, hi) if transitive else range(lo, hi)
        # "телесные повреждения … причинены гражданке 1990 г.р.": a wound dealt to the one in the dative
        inflicted = "NOUN" in t.tag and any(x.lemma in _INFLICT for x in toks[lo:hi])
        names = [p for p in view.persons
                 if toks[span.start].start <= p.start < toks[span.stop - 1].end] if len(span) else []
        if aside is not None:
            names = [p for p in names if not toks[aside.start].start <= p.start < toks[aside.stop - 1].end]
        names = _distinct_people(view, [p for p in names if not _not_a_victim_name(view, p, transitive)])
        # "X, получил ранение" (a finite verb: "X, получивший ранение" is told of X already)
        got = "NOUN" in t.tag and any(x.lemma in _GET and "VERB" in x.tag for x in toks[max(0, k - 3):k])
        if not names and not transitive and ("PRTS" in t.tag or "VERB" in t.tag or got) and lo > 0 and not any(
                "nomn" in toks[i].tag and view.group_from(i)[1] for i in range(k + 1, hi)):
            # (not when the cue has its own subject after it: "Погиб сержант X, ранен младший лейтенант")
            names = _subject_before(view, lo, k)
        if answered:
            names = []
        # an attributive participle or adjective ("убитого полицейского") counts the noun it agrees with
        case = next((c for c in CASES if c in t.tag), None) \
            if ("PRTF" in t.tag or "ADJF" in t.tag) else None
        count, group, start, end = 0, None, None, None
        plural_seen = False
        perp_seen = False
        counted: list[str] = []
        counted_at: set[int] = set()     # tokens of the nouns counted, to follow a list on
        groups_seen: list[tuple[str | None, int, int]] = []      # group, span of each noun counted
        role_end = -1
        for i in span:
            if i == k or i in covered or aside is not None and i in aside:
                continue
            tok = toks[i]
            if answered and not any(x in covered or x in counted_at for x in range(max(span.start, i - 3), i)) \
                    and not (i + 2 < len(toks) and toks[i + 1].lemma == "и" and i + 2 in covered) \
                    and not _past_ages(view, covered, i):
                continue                 # beside a number, or the list it opens: "двух прохожих и женщину",
                #                          "ранены женщина и двое детей"
            if answered and any(toks[x].text in ("—", "–", "-", ":") and any(c < x for c in covered)
                                for x in range(max(span.start, i - 3), i)):
                continue                 # "двое военнослужащих ГКНБ — младший сержант X и рядовой Y": those counted
            if tok.start < role_end:
                continue                 # inside a multi-token role already counted

            if tok.lemma in PRONOUNS or view.a.ignored(tok.start, tok.end):
                continue                 # (nor the agency of a dateline the sentence opens with: "КазТАГ – …")
            if transitive and "accs" not in tok.tag and "gent" not in tok.tag:
                continue
            if not transitive and "nomn" not in tok.tag and not (
                    case and i > k and all("ADJF" in x.tag for x in toks[k + 1:i]) and _may_agree(t, tok)) \
                    and not _indeclinable_role(view, i) and not (inflicted and "datv" in tok.tag) \
                    or inflicted and "nomn" in tok.tag and any("datv" in x.tag and view.group_from(n)[1]
                                                               for n, x in enumerate(toks[lo:hi], lo)):
                continue                 # (not "Сам замгубернатора получил ранения": a role no case ending tells;
                #                          but "Раненого охранника доставили в больницу": the participle's noun)
            if case and i < k and case not in tok.tag:
                continue                 # "адвокат родственников расстрелянных": not the participle's noun
            if tok.lemma == "один" and transitive and (i + 1 >= len(toks) or toks[i + 1].lemma in ("и", ",", "а")):
                count += 1               # "удалось убить одного и ранить четырёх": one person
                start = tok.start if start is None else start
                end = tok.end
                counted.append("человек")
                continue
            g, is_person = view.group_from(i)
            if not is_person or "NOUN" not in tok.tag and view.role_at(i) is None:
                continue
            if i + 1 < len(toks) and "NOUN" in toks[i + 1].tag and _same_case(tok, toks[i + 1]) \
                    and _adjective_reading(tok.text) and not view.group_from(i + 1)[1] \
                    and not any(p.start <= toks[i + 1].start < p.end for p in view.persons):
                continue                 # "сотрудники полицейского патруля": an adjective of a thing, no one
            if any(p.start <= tok.start < p.end for p in view.persons):
                continue
            if i and toks[i - 1].text.lower().startswith(VAGUE):
                continue                 # "несколько человек": not a count
            if transitive and t.lemma in SECURITY_KILLS and _security_agent(toks, k) or \
                    operation_kill(toks, k) and g not in ("police", "security_service", "military"):
                g = "perpetrator"        # "офицеры полиции застрелили мужчину": the attacker
            if g == "perpetrator":
                # "преступник умер на операционном столе": the attacker's own fate, counted apart
                # (not the subject of another verb beside an oblique noun cue: "одной из жертв нападавший
                # перерезал горло")
                # (but "Нападавший получил огнестрельные ранения, от которых скончался": his own wounds)
                if fate == "killed" and "sing" in tok.tag and not perp_seen and not names \
                        and not ("NOUN" in t.tag and "nomn" not in t.tag and not got):
                    perp_seen = True
                    out.append(Casualty("killed", 1, "perpetrator", "event", tok.start, tok.end, view.index,
                                        nominal=True))
                continue
            if counted_at and _age_apposition(toks, max(counted_at), i):
                continue                 # "Погиб охранник администрации, 52-летний местный житель, …": one man
            group = group or g
            groups_seen.append((g, tok.start, max(tok.end, getattr(view.role_at(i), "end", tok.end))))
            counted.append(tok.lemma)
            counted_at.add(i)
            start = tok.start if start is None else start
            end = tok.end
            if "plur" in tok.tag:
                plural_seen = True
            else:
                role = view.role_at(i)
                if role is None or not role.plural:
                    count += 1
            # skip the rest of a multi-token role
            role = view.role_at(i)
            if role is not None:
                role_end = role.end
                taken.update(x for x in range(i, hi) if toks[x].start < role.end)
        if t.lemma == "убийство":
            names = names[:1]
        if names and (perp_seen or _perp_named(view, names, k)):
            # "сообщник — брат Джохар Царнаев — был ранен", "Тамерлан … был убит в перестрелке с полицией":
            # whether that death belongs to this attack the text rarely says; the incident decides (own_perp)
            if fate == "killed" and not perp_seen or fate == "killed" and _died_later(toks, k):
                # ("был застрелен на месте вооружённым охранником": at the scene, this attack's end)
                there = [x.lemma for x in toks[k + 1:k + 3]] == ["на", "место"]
                out.append(Casualty("killed", len(names), "perpetrator", "event", names[0].start, t.end,
                                    view.index, names=names, nominal=True, own_perp=not there))
            elif _died_later(toks, k):
                out.append(Casualty("killed", len(names), "perpetrator", "event", names[0].start, names[-1].end,
                                    view.index, names=names, nominal=True, own_perp=True))
            continue
        if names:
            # role nouns next to a name are its apposition ("глава города Евгений Душко"), and give its group
            # in any case ("Участковому инспектору Нурлану Жаксылыкову нанесли ножевое ранение")
            count = len(names) if not plural_seen else max(count, len(names))
            last = view.tok_at(names[-1].end - 1)
            # "Ахмед Исаев, водитель и охранник погибли": the nouns listed after the last name are more people
            more = _more_listed_after(toks, counted_at, last, k)
            if more and not plural_seen:
                count += len(more)
                end = max(end or 0, toks[more[-1]].end)
            # "погибли генерал-лейтенант Игорь Кириллов и его помощник": one more, named by his tie to the last
            tail = toks[last + 1:hi]
            if not more and len(tail) >= 3 and tail[0].lemma == "и" and tail[1].lemma in ("он", "она") \
                    and "NOUN" in tail[2].tag and "sing" in tail[2].tag and view.group_from(last + 3)[1]:
                count += 1
                end = tail[2].end
            if group is None:
                group = next((r.group for r in view.roles if 0 <= names[0].start - r.end <= 2
                              and r.group in ("police", "security_service", "military")), None)
            start = min(start or names[0].start, names[0].start)
            end = max(end or names[-1].end, names[-1].end)
        elif plural_seen and count == 0:
            continue
        if count == 0 and not names and ("PRTF" in t.tag or "ADJF" in t.tag) and "sing" in t.tag and "nomn" in t.tag \
                and k + 1 < len(toks) and part_of_speech(toks[k + 1].tag) in ("VERB", "PRTS"):
            # "Пострадавший госпитализирован": the participle is the one person ("Раненый скончался до приезда скорой":
            # one of the hurt, dead)
            count, start, end = 1, t.start, t.end
            if fate == "wounded" and _fate_of(toks[k + 1].lemma) == "killed":
                fate, died_hurt = "killed", True
        oblique = count == 0 and not names and substantive
        if oblique:
            # "фамилия пострадавшей не упоминается", "семье погибшего": the oblique participle is the person,
            # the one told of before when any was
            count, start, end = 1, t.start, t.end
        if count == 0 and not names and not transitive and k and toks[k - 1].lemma in ("тот", "последний") \
                and "sing" in t.tag and "nomn" in toks[k - 1].tag:
            # "ударил ножом знакомого, тот скончался в больнице": the one just named, as "тот"
            count, start, end = 1, toks[k - 1].start, t.end
        if count == 0 or start is None and not names:
            continue
        # "его жертвами стали X, Y и Z": a summary of all the victims, a total rather than one more event
        # "Погибшие — 45-летний Нурбол Утепов и 52-летний Серик Жаксылыков": the victims counted before,
        # named (nominative; "в числе раненых — сержант" names only some of them)
        named_list = t.lemma in ("погибший", "убитый", "раненый", "пострадавший") and names and "nomn" in t.tag \
            and k + 1 < len(toks) and toks[k + 1].text in ("—", "–", "-", ":")
        kind = "total" if t.lemma == "жертва" and names and group is None or t.lemma == "жертва" and len(names) > 1 \
            or named_list else "event"
        mixed = {g for g, _, _ in groups_seen}
        if kind == "event" and not names and not plural_seen and len(mixed) > 1 and None not in mixed \
                and count == len(groups_seen):
            # "погибли пограничник и сотрудник милиции": one of each group, not two of the first's
            for g, a, b in groups_seen:
                out.append(Casualty(fate, 1, g, "event", a, b, view.index, nominal=True, weak=t.lemma in WEAK))
            continue
        first = view.tok_at(min(start, t.start))
        # "Еще одна женщина, проходившая мимо, получила легкие травмы": one more besides those told
        extra = any(x.lemma in ("еще", "ещё") for x in toks[max(0, first - 2):first]) and not names
        # ("Кроме того, телесные повреждения … причинены гражданке 1990 г.р.": one more besides)
        extra = extra or not names and [x.lemma for x in toks[:2]] in (["кроме", "тот"], ["кроме", "то"], ["помимо", "это"])
        # "Раненый военнослужащий доставлен в госпиталь": a fate's participle opening the sentence before its
        # noun refers to the one told of before
        definite = k == 0 and ("PRTF" in t.tag or "ADJF" in t.tag) and "nomn" in t.tag and count == 1 \
            and not names and k + 1 < len(toks) and "NOUN" in toks[k + 1].tag or oblique
        out.append(Casualty(fate, count, None if kind == "total" else group, kind, min(start, t.start),
                            max(end, t.end), view.index, names=names, nominal=True,
                            generic=not names and all(x in GENERIC_HEADS for x in counted),
                            weak=t.lemma in WEAK, among=_among_the_counted(toks, k), extra=extra,
                            definite=definite,
                            # ("62-летний пациент … скончался в реанимации": a patient is one of the hurt)
                            from_wounded=fate == "killed" and (counted == ["пациент"] or died_hurt)))
    return out


# the first of two ages joined: "14 и 15 лет", "14-15 лет", "17, 18 и 20 лет"
_AGES_JOINED = re.compile(r"(?:\s*(?:,|и|[-–])\s*\d{1,2}){1,3}\s+(?:лет|года|год)\b")


_AGED = re.compile(r"\d+-летн")


def _age_apposition(toks: list, prev: int, i: int) -> bool:
    """The noun at i, after a comma past the noun counted at `prev`, is that one's description by age ("охранник
    администрации, 52-летний местный житель,"): one person, not two."""
    comma = next((j for j in range(prev + 1, i) if toks[j].text == ","), None)
    return comma is not None and not any(t.text in (",", "и", "—", "–") or "VERB" in t.tag for t in toks[comma + 1:i]) \
        and any(_AGED.match(t.text) for t in toks[comma + 1:i]) \
        and not any(t.lemma == "и" or "VERB" in t.tag for t in toks[prev + 1:comma])


def _more_listed_after(toks: list, counted_at: set[int], last: int, verb: int) -> list[int]:
    """The nouns counted after the name ending at token LAST that list more people: after "и" ("X и его водитель"),
    or after a comma when the list goes on ("X, водитель и охранник"); not the name's apposition, which a comma
    closes ("X, заместитель главы района, и его водитель": only the driver)."""
    out = []
    for i in sorted(x for x in counted_at if x > last):
        j = i - 1
        while j > last and toks[j].lemma in ("он", "она", "они", "свой"):
            j -= 1                                   # "и его водитель", "и своего охранника"
        if toks[j].text.lower() == "и":
            out.append(i)
        elif toks[j].text == "," and j > last:
            x = next((x for x in range(i + 1, len(toks)) if toks[x].text in (",", "и") or x == verb), None)
            if x is not None and x != verb and (toks[x].text == "и" or x + 1 in counted_at):
                out.append(i)
    return out


def _named_apposition_before(view: SentenceView, lo: int) -> int | None:
    """Where the subject starts before a name's apposition set off by commas that ends right before token lo
    ("Его напарник[, младший сержант милиции Улан Абдыкадыров,]"): no verb inside, a person's name ending it."""
    toks = view.toks
    if lo < 3 or toks[lo - 1].text != ",":
        return None
    c = next((c for c in range(lo - 2, max(0, lo - 10), -1) if toks[c].text in BOUNDARY | {","}), None)
    if c is None or toks[c].text != "," or not any(p.end == toks[lo - 2].end for p in view.persons) \
            or any("VERB" in x.tag or "PRTS" in x.tag for x in toks[c + 1:lo - 1]):
        return None
    start = c
    while start > 0 and toks[start - 1].text not in BOUNDARY | {","} and c - start < 4:
        start -= 1
    return start if start < c and "NOUN" in toks[c - 1].tag else None


def _participle_phrase_before(toks: list[Token], lo: int) -> range | None:
    """The tokens of a participle's or gerund's phrase set off by commas that ends right before token lo
    (", проходившая мимо,"), or of an age's apposition (", 64-летняя пенсионерка,"), both commas included; None
    when there is none."""
    if lo < 3 or toks[lo - 1].text != ",":
        return None
    for c in range(lo - 2, max(0, lo - 12), -1):
        if toks[c].text in BOUNDARY:
            return None
        if toks[c].text == ",":
            # (an age's apposition that names no one: ", 26-летний Тамерлан Царнаев," is who)
            return range(c, lo) if c + 1 < lo - 1 and (part_of_speech(toks[c + 1].tag) in ("PRTF", "GRND") or _AGED.match(
                toks[c + 1].text) and not any(x.text[:1].isupper() for x in toks[c + 2:lo - 1])) else None
    return None


def _among_the_counted(toks: list[Token], k: int) -> bool:
    """"Среди погибших — командир батальона", "В числе раненых — сержант X": the victims counted
    elsewhere, some of them named, unless the sentence tells a fate of their own ("В числе раненых —
    сержант X, получивший ранение в завязавшейся при задержании перестрелке": another moment's)."""
    among = k and toks[k - 1].lemma == "среди" or k > 1 and (toks[k - 2].lemma, toks[k - 1].lemma) == ("в", "число")
    return bool(among) and "plur" in toks[k].tag and not any(
        _fate_of(t.lemma) or t.lemma == "госпитализировать" for n, t in enumerate(toks) if n != k)


_SPAN_OPEN = ("с ", "со ", "начиная с", "за ", "в течение", "на протяжении", "с начала")
_PERIOD = re.compile(r"(?:^|\s)(?:за|в течение)\s+(?:то же|тот же|этот|это|последн\w+|прошедш\w+)\s+"
                     r"(?:время|период\w*|год\w*|месяц\w*|лет)|(?:^|\s)с\s+начала\s+(?:(?:текущего|этого|"
                     r"прошлого|нынешнего)\s+)?(?:года|месяца|недели|\d{4}\s+года)|^\s*Всего\b(?=[^.!?]*?(?:\sза\s|\sс\s+начала\s|"
                     r"\sв\s+течение\s|\s(?:19|20)\d\d\b|терактов|нападений|атак\b|взрывов|обстрелов|конфликт|войн))"
                     # "Только за октябрь … погибли более 200 мирных жителей": a month's toll
                     r"|(?:^|\s)за\s+(?:январ|феврал|март|апрел|ма[йя]\b|июн|июл|август|сентябр|октябр|ноябр|декабр)"
                     # "в третьем квартале 2023 года … пострадали 11 человек", "за первое полугодие"
                     # (not "в торговом квартале": a town's block)
                     r"|(?:^|\s)(?:в|за)\s+(?:(?:перв|втор|трет|четв[её]рт|последн|прошл|текущ|эт)\w+\s+)?(?:квартал|полугоди)\w*"
                     r"(?!\s+(?:город|столиц|[А-ЯЁ]))",
                     re.I)
# "Всего за год …", "Всего в результате терактов …": a period's or several acts' toll; "Всего погибли 77
# человек", "Всего в результате теракта погибли 129 человек": the act's own total
_ACTS = frozenset(("теракт", "нападение", "атака", "взрыв", "обстрел", "преступление", "инцидент", "вылазка"))
AGGREGATE = {"протест", "беспорядки", "конфликт", "война", "операция", "кампания", "всего", "итого"}


def _many_acts(sent: Sentence, num, least: int = 4) -> bool:
    """The number counts `least` attacks or more (four by default: "более 290 терактов"; "двух взрывов" may be one
    act's)."""
    if not isinstance(num.value, (int, float)) or num.value < least:
        return False
    toks = sent.tokens
    k = token_at(toks, num.end, len(toks))
    k += k < len(toks) and toks[k].start < num.end
    return k < len(toks) and toks[k].lemma in _ACTS


def aggregate(analysis: Analysis, found: Extraction, sent: Sentence) -> bool:
    """A toll over a period or a campaign, not of one act (docs/coding.md §1): "Начиная с апреля 2017
    года, в ходе протестов погибли 75 человек", "С мая 2003 года … 242 заложников", "за два года"."""
    text = analysis.text
    for t in found.temporals:
        if sent.start <= t.start < sent.end and t.kind in ("month", "year", "duration", "range") and \
                (text[max(sent.start, t.start - 12):t.start] + t.text).lower().lstrip().startswith(_SPAN_OPEN) or \
                sent.start <= t.start < sent.end and re.search(r"(?:^|\s)(?:за|с|начиная с|в течение)\s*$",
                                                             text[max(sent.start, t.start - 12):t.start].lower()):
            return True
    if _PERIOD.search(text[sent.start:sent.end]):
        return True
    lem = [t.lemma for t in sent.tokens]
    # "в 2024 году … были совершены более 290 терактов, в которых погибли свыше 500": many acts counted;
    # "жертвами вооруженного конфликта стали 11 человек": a conflict's toll
    # ("С ноября 2023 года хуситы атаковали более 100 торговых судов. В результате атак погибли четыре моряка":
    # the toll of the attacks of the period the sentence before counts; not "в результате взрывов бомб на марафоне")
    if any(lem[i] == "результат" and i + 1 < len(lem) and lem[i + 1] in _ACTS and "plur" in sent.tokens[i + 1].tag
           for i in range(len(lem))):
        k = analysis.index_of(sent)
        if k and aggregate(analysis, found, analysis.sentences[k - 1]):
            return True
    if any(_many_acts(sent, n) for n in found.numbers if sent.start <= n.start < sent.end) \
            or any(lem[i] == "жертва" and "конфликт" in lem[i + 1:i + 3] for i in range(len(lem))):
        return True
    # ("в ходе операции по освобождению заложников", "… по подавлению бунта": one act's operation; "боевики
    # напали на пост полиции. В ходе операции ликвидированы шесть боевиков": the one against the attack told
    # just before)
    return any(lem[i] == "в" and lem[i + 1] == "ход" and lem[i + 2] in AGGREGATE
               and not (lem[i + 2] == "операция" and (lem[i + 3:i + 4] == ["по"] and i + 4 < len(lem)
                                                      and lem[i + 4].endswith("ние") or _attack_before(analysis, sent)))
               for i in range(len(lem) - 2))


def _attack_before(analysis: Analysis, sent: Sentence) -> bool:
    """The sentence before tells of an attack in a word of its own ("напали", "обстреляли")."""
    k = analysis.index_of(sent)
    if not k:
        return False
    return any(t.lemma in _one_word_cues() and "VERB" in t.tag for t in analysis.sentences[k - 1].tokens)


@lru_cache(maxsize=1)
def _one_word_cues() -> frozenset[str]:
    return frozenset(c[0][0] for c in type_cues() if len(c[0]) == 1)


# "погибших нет", "никто (из заложников) не пострадал", "сообщений о пострадавших не поступало": an explicit zero
_NONE = [
    (re.compile(r"(?:погибших|жертв|убитых)(?:\s+среди\s+[а-яё]+(?:\s+[а-яё]+)?)?\s+нет|(?:без|избежать)\s+(?:человеческих\s+)?жертв"
                r"|никто(?:\s+из\s+(?:\d+\s+)?\w+)?(?:\s+(?-i:[а-яё]+[ои]))?\s+не\s+(?:погиб|пострадал)"
                r"|(?:о|информации о)\s+(?:погибших|жертвах)\s+не\s+(?:поступал|сообща)", re.I), ("killed",)),
    (re.compile(r"раненых\s+нет|никто(?:\s+из\s+(?:\d+\s+)?\w+)?(?:\s+(?-i:[а-яё]+[ои]))?\s+не\s+(?:пострадал|ранен)|(?:о|информации о)\s+(?:пострадавших|раненых)\s+"
                r"не\s+(?:поступал|сообща)|пострадавших\s+нет", re.I), ("wounded",)),
    (re.compile(r"(?:о|информации о)\s+пострадавших\s+не\s+(?:поступал|сообща)|никто(?:\s+из\s+(?:\d+\s+)?\w+)?(?:\s+(?-i:[а-яё]+[ои]))?"
                r"\s+не\s+пострадал|пострадавших\s+нет", re.I), ("killed",)),
    # "Все заложники освобождены без пострадавших"
    (re.compile(r"(?<![а-яё])без\s+пострадавших", re.I), ("killed", "wounded")),
    # "Все 110 пассажиров и члены экипажа не пострадали"
    (re.compile(r"(?<![а-яё])все\s+[^.;:]{0,60}?\s+не\s+пострадал", re.I), ("killed", "wounded")),
    # "Заложники не пострадали", "заложник был освобожден, он не пострадал" (a count told elsewhere outranks this zero)
    (re.compile(r"(?<![а-яё]),?\s(?:он|она)\s+не\s+пострадал", re.I), ("killed", "wounded")),
    (re.compile(r"(?<![а-яё])(?:заложни[кц]|пассажир|похищенн)\w*\s+не\s+пострадал", re.I), ("killed", "wounded")),
]


def says_none(analysis: Analysis, sent: Sentence) -> bool:
    """The sentence says no one was killed or hurt ("Никто из заложников не пострадал", "Погибших нет")."""
    text = analysis.text[sent.start:sent.end]
    return any(pat.search(text) for pat, _ in _NONE)


def _explicit_none(view: SentenceView) -> list[Casualty]:
    text = view.a.text[view.s.start:view.s.end]
    out: list[Casualty] = []
    for pat, fates in _NONE:
        m = pat.search(text)
        if m:
            for fate in fates:
                if not any(c.fate == fate for c in out):
                    out.append(Casualty(fate, 0, None, "total", view.s.start + m.start(), view.s.start + m.end(),
                                        view.index))
    return out


# the dash may follow the counted noun's complement: "две сотрудницы гимназии — учительница и техничка"
_DASH_AFTER = re.compile(r"(?:\s+[а-яё]+){0,3}?\s*[—–:]\s")
# between two names of a dash's list, past their roles and ages: " и рядовой срочной службы ", ", 34-летний "
# (past the group's body: "двое военнослужащих Пограничной службы ГКНБ — младший сержант X и рядовой Y")
_COUNT_DASH = re.compile(r"(?:\s+[\w-]+){0,4}?\s*[—–:]\s")
_NAMES_GAP = re.compile(r"\s*(?:,|и|,\s*а\s+также)\s+(?:[\w-]+\s+){0,5}?")


_SAYS = frozenset(("заявление", "заявить", "говориться", "сообщить", "сообщение", "утверждать", "опубликовать",
                   "распространить", "объявить"))


def _group_says(analysis: Analysis, view: SentenceView) -> bool:
    """"В заявлении JNIM говорится о гибели «более 40 солдат»": an armed group's own statement, a claim."""
    if not {t.lemma for t in view.toks} & _SAYS:
        return False
    from letopis.incidents.people import armed_groups
    text = analysis.text[view.s.start:view.s.end]
    return any(pat.search(text) for pat, _ in armed_groups())


_ONE_OF_THEM = re.compile(r"(?<![а-яё])(?:один|одна|одного|одной)\s+из\s+(?:них|которых)\s*[—–,]\s*"
                          r"(?:[\w-]+\s+){0,5}$", re.I)
# the family a victim leaves: "У погибшего остались жена и двое детей", "Погибший оставил после себя троих детей"
_SURVIVORS = re.compile(r"(?<![а-яё])(?:[Уу]\s+(?:(?:погибш|убит|скончавш|застреленн|погибл)\w*|него|нее|неё|них)"
                        r"(?:\s+[а-яё]+){0,3}\s+остал(?:ся|ась|ись|ось)|(?:[Пп]огибш|[Уу]бит)\w+\s+оставил\w*)")
_REVENGE = frozenset(("мстить", "отомстить", "месть", "отместка", "ответ", "отмщение", "возмездие"))


def _avenged(view: SentenceView) -> int | None:
    """The death cue of a revenge's cause: "Боевики мстят за гибель 11 своих боевиков", "в ответ на убийство
    X": deaths before this attack, not its toll."""
    toks = view.toks
    for k, t in enumerate(toks):
        if k > 1 and t.lemma in ("гибель", "смерть", "убийство", "ликвидация") and toks[k - 1].lemma in ("за", "на") \
                and any(x.lemma in _REVENGE for x in toks[max(0, k - 4):k - 1]):
            return k
    return None


def find_casualties(analysis: Analysis, found: Extraction, sentences: list[int]) -> list[Casualty]:
    out: list[Casualty] = []
    last_dead: str | None = None
    for si in sentences:
        if aggregate(analysis, found, analysis.sentences[si]):
            continue
        view = SentenceView(analysis, analysis.sentences[si], found, si)
        lemmas = {t.lemma for t in view.toks}
        if lemmas & REFUTED or lemmas & _EARLIER and lemmas & _TOLD and _refuted_next(analysis, si):
            continue                     # "сообщали о смерти Кернеса, однако … опровергнута" (coding.md §5); "Также ранее
            #                              сообщалось, что нападавший погиб при взрыве. Однако в полиции эту информацию
            #                              опровергли"
        if _SURVIVORS.search(analysis.text, view.s.start, view.s.end):
            continue                     # "У погибшего остались жена и двое малолетних детей": his family
        claim = bool({"утверждать", "утверждаться"} & lemmas) or {"ответственность", "взять"} <= lemmas or \
            {"ответственность", "взявший"} <= lemmas or _group_says(analysis, view) or _unconfirmed(view)
        nums = numeric_statements(view) + _explicit_none(view)
        taken = set()
        covered: set[int] = set()
        for c in nums:
            # the cue a number already answers is not counted again as a nominal event
            i = view.tok_at(c.start)
            _, k = _nearest_cue(view, i)
            if k is not None:
                taken.add(k)
            for kk in range(view.tok_at(c.start), view.tok_at(c.end) + 1):
                taken.add(kk)
                covered.add(kk)
        found_here = nums + nominal_events(view, taken, covered)
        # "погиб сам подрывник — 25-летний житель города X": one death told twice; the span that holds
        # the other is the apposition's, the inner one the person
        found_here = [c for c in found_here if not (c.nominal and any(
            o is not c and o.nominal and o.fate == c.fate and c.start <= o.start and o.end <= c.end
            and (o.start, o.end) != (c.start, c.end) for o in found_here))]
        # "Раненый милиционер госпитализирован": one man told by two cues that share his noun
        found_here = [c for k, c in enumerate(found_here) if not (c.nominal and not c.names and c.count == 1 and any(
            o.nominal and not o.names and o.fate == c.fate and o.count == 1 and o.group == c.group
            and o.start < c.end and c.start < o.end for o in found_here[:k]))]
        # "Бывшая супруга и ее 7-летний сын получили ожоги … и госпитализированы": a second cue whose people
        # start inside the first's are those people again
        found_here = [c for k, c in enumerate(found_here) if not (c.nominal and not c.names and c.count and any(
            o.nominal and o.fate == c.fate and o.count and c.count <= o.count and o.start < c.start < o.end
            for o in found_here[:k]))]
        # "погибли двое полицейских — старший сержант X и сержант Y": the people counted, listed after a dash
        found_here = [c for c in found_here if not (c.nominal and any(
            not o.nominal and o.fate == c.fate and c.start <= o.start and o.end <= c.end
            and _DASH_AFTER.match(analysis.text, o.end) for o in found_here))]
        for o in found_here:                          # … and named so: the victims
            if not o.nominal and not o.names and o.count and (dash := _COUNT_DASH.match(analysis.text, o.end)):
                listed = [p for p in view.persons if dash.end() <= p.start < view.s.end
                          and "\n" not in analysis.text[o.end:p.start]]
                gap = [analysis.text[a.end:b.start] for a, b in zip(listed, listed[1:])]
                if 0 < len(listed) <= o.count and all(_NAMES_GAP.fullmatch(g) for g in gap):
                    o.names = listed
        # "Дудаеву нанесено несколько ножевых ранений, прапорщику Хатуеву — ранение руки": one statement names
        # both, the gapped clause again one of them
        found_here = [c for c in found_here if not (c.names and any(
            o is not c and o.fate == c.fate and len(o.names) > len(c.names)
            and {(e.start, e.end) for e in c.names} <= {(e.start, e.end) for e in o.names} for o in found_here))]
        found_here += _named_next(analysis, view, found_here) + _listed_below(analysis, view, found.roles)
        # "Пострадали 11 сотрудников полиции, один из них — капитан полиции X — госпитализирован": one of those
        # counted, named
        for c in [c for c in found_here if c.nominal and c.names and len(c.names) == 1
                  and _ONE_OF_THEM.search(analysis.text, view.s.start, c.names[0].start)]:
            counted = next((o for o in reversed(found_here) if not o.nominal and o.fate == c.fate and o.count
                            and o.end <= c.start and len(o.names) < o.count), None)
            if counted is not None:
                counted.names = counted.names + c.names
                found_here.remove(c)
        avenged = _avenged(view)
        if avenged:
            found_here = [c for c in found_here if not view.tok_at(c.start) <= avenged <= view.tok_at(c.end - 1)
                          and _nearest_cue(view, view.tok_at(c.start))[1] != avenged]
        # "Нападавший был застрелен полицией. … Мужчина скончался на месте": the man is the attacker
        # (the last death told before was the attacker's)
        if last_dead == "perpetrator":
            for c in found_here:
                if c.fate == "killed" and c.nominal and not c.names and c.count == 1 and c.group == "civilian" \
                        and analysis.text[c.start:c.end].split()[0].lower() in ("мужчина", "он"):
                    c.group = "perpetrator"
        last_dead = next((c.group for c in reversed(found_here) if c.fate == "killed"), last_dead)
        if not any(c.fate == "wounded" for c in found_here):
            found_here += _blows(view)
        for c in found_here:
            # ("Местные источники … говорят о 17 погибших военных": another source's figure, after the first)
            # (not a first report the text replaces: "Первоначально … сообщала о двух погибших")
            c.claim = claim or not c.outdated and (
                bool(_SAID_ABOUT.search(analysis.text, max(view.s.start, c.start - 30), c.start))
                or bool(_OTHER_SOURCE.search(analysis.text, view.s.start, view.s.end)))
            out.append(c)
    return _held_as_attackers(analysis, out)


# another source's figure, told as such: "Местные жители … приводят более высокие цифры: по их словам, погибли от восьми
# до десяти", "по другим данным"
_OTHER_SOURCE = re.compile(r"(?:по\s+другим\s+данным|другие\s+цифры|(?:более\s+)?(?:высокие|низкие)\s+цифры|"
                           r"по\s+словам\s+(?:очевидцев|местных\s+жителей))", re.I)
_SAID_ABOUT = re.compile(r"(?:говор|сообща|пиш|заявля)\w*\s+о\s+(?:более\s+|около\s+|не\s+менее\s+)?$", re.I)


def _held_as_attackers(analysis: Analysis, cas: list[Casualty]) -> list[Casualty]:
    """"Трое осужденных, оказавших вооруженное сопротивление, были ликвидированы" … "Имена двух других погибших
    осужденных … не раскрывают": inmates the text counted among the attackers are attackers where told again (a
    retelling of them, not more)."""
    def held(c: Casualty) -> set[str]:
        return {w for t in analysis.sentences[c.sentence].tokens if c.start <= t.start < c.end
                for w in (t.lemma, participle_noun(t.text)) if w in HELD_PEOPLE}
    theirs = set().union(*(held(c) for c in cas if c.group == "perpetrator" and c.fate == "killed"))
    if not theirs:
        return cas
    return [replace(c, group="perpetrator", kind="event", extra=False, others=False)
            if c.fate == "killed" and c.group is None and held(c) & theirs else c for c in cas]


def _refuted_next(analysis: Analysis, i: int) -> bool:
    """The sentence after sentence i refutes what was told ("Однако в полиции эту информацию опровергли")."""
    nxt = analysis.sentences[i + 1] if i + 1 < len(analysis.sentences) else None
    return nxt is not None and bool({t.lemma for t in nxt.tokens} & REFUTED)


def _unconfirmed(view: SentenceView) -> bool:
    """"сообщил о семи погибших, однако официально эти данные не подтверждены", "раненых может быть 14": a figure no
    one confirmed yields to the official ones, as a claim does."""
    toks = view.toks
    # (or hedged: "раненых может быть 14")
    return any(t.lemma.startswith("неподтвержд") or t.lemma.startswith("подтвер") and k and toks[k - 1].lemma == "не"
               or t.lemma == "мочь" and k + 1 < len(toks) and toks[k + 1].lemma == "быть" for k, t in enumerate(toks))


_BLADES = frozenset(("нож", "ножевой", "топор", "заточка", "кинжал", "мачете", "молоток", "тесак", "бита", "арматура"))


_LIMBS = frozenset(("нога", "рука", "плечо", "бедро", "колено", "ступня", "кисть", "голень", "предплечье"))


def _blows(view: SentenceView) -> list[Casualty]:
    """"нанес охраннику несколько ударов ножом", "подошел к имаму X и нанес ему удары ножом": blows with a blade
    dealt to someone wound him (the one in the dative; "ему" the dative person named before it)."""
    toks = view.toks
    out: list[Casualty] = []
    for k, t in enumerate(toks):
        # (past a birth year: "нанес гражданину 1992 г.р. не менее двух ударов кухонным ножом")
        clause = toks[k + 1:k + 13]
        if t.lemma in ("выстрелить", "стрелять") and "VERB" in t.tag:
            # "злоумышленник дважды выстрелил ему в ногу": a shot into a limb wounds (a head or a chest
            # shot may have killed: its sentence tells which)
            blow = next((j for j, x in enumerate(clause[:-1]) if x.lemma == "в" and clause[j + 1].lemma in _LIMBS), None)
            if blow is None:
                continue
        elif t.lemma == "причинить" and ("VERB" in t.tag or "GRND" in t.tag):
            # "ударил ножом сержанта X, причинив ему проникающее ранение живота"
            blow = next((j for j, x in enumerate(clause) if x.lemma in ("ранение", "травма", "повреждение")), None)
            if blow is None:
                continue
        elif t.lemma in ("нанести", "наносить") and "VERB" in t.tag:
            # "нанес ему удар ножом", "нанес ему ранение в шею" (a wound dealt needs no blade named)
            blow = next((j for j, x in enumerate(clause) if x.lemma in ("удар", "ранение")), None)
            if blow is None or clause[blow].lemma == "удар" and not any(x.lemma in _BLADES for x in clause[blow:blow + 4]):
                continue
        elif t.lemma == "ранить" and "VERB" in t.tag and clause and clause[0].text.lower() in _OBJECT_PRONOUNS \
                and clause[0].text.lower() != "их":
            # "напал с ножом на полицейского и ранил его": the one attacked, told before the pronoun
            i = _attacked_before(view, k)
            if i is not None:
                out.extend(_wounded_one(view, i))
            continue
        else:
            continue
        # (the one struck told before the blows or after the blade: "нанес … ударов ножом участковому инспектору")
        dative = [k + 1 + j for j, x in enumerate(clause[:blow]) if "datv" in x.tag and x.text[:1].isalpha()] or [
            k + 1 + j for j, x in enumerate(clause) if j > blow and "datv" in x.tag and "anim" in x.tag
            and "NOUN" in x.tag]
        if not dative:
            continue
        i = dative[0]
        if toks[i].lemma in ("он", "она"):
            # "ему": the dative person told before it in the sentence ("к имам-хатибу мечети X")
            i = next((j for j in range(k - 1, -1, -1) if "datv" in toks[j].tag and "anim" in toks[j].tag
                      and toks[j].lemma not in ("он", "она", "они")), None)
            if i is None:
                i = _attacked_before(view, k)   # "напал на инспектора ДПС … и нанес ему ранение в шею"
            if i is None and t.lemma in ("выстрелить", "стрелять", "причинить"):
                # ("Когда охранник X попытался его остановить, злоумышленник выстрелил ему в ногу": the one named
                # before, whatever his case)
                named = [p for p in view.persons if p.end <= t.start]
                i = view.tok_at(named[-1].start) if named else None
            if i is None:
                continue
        # (one person struck twice told is one: "нанес гражданину … ударов ножом, причинив ему … повреждения")
        out.extend(c for c in _wounded_one(view, i) if not any((o.start, o.end) == (c.start, c.end) for o in out))
    return out


def _wounded_one(view: SentenceView, i: int) -> list[Casualty]:
    """The one person at token i wounded, named by the name in apposition after his role ("инспектору ДПС
    Азамату Шогенову": past the role's own words, in the same case), with his role's group."""
    toks = view.toks
    case = next((c for c in CASES if c in toks[i].tag), "datv")
    role = view.role_at(i)
    after = role.end if role is not None else toks[i].end
    names = [p for p in view.persons if p.start <= toks[i].start < p.end or 0 <= p.start - after <= 30
             and all(case in x.tag or x.text in "-—" for x in toks if after <= x.start < p.start)]
    group, person = view.group_from(i)
    if not person and not names and "anim" not in toks[i].tag:
        return []
    return [Casualty("wounded", 1, group, "event", toks[i].start, (names[0].end if names else after),
                     view.index, names=names[:1], nominal=True)]


# an attack on someone: "напал на полицейского", "набросился с ножом на прохожего"
_ATTACK_ON = frozenset(("напасть", "нападать", "наброситься", "набрасываться", "броситься", "кинуться"))


def _attacked_before(view: SentenceView, k: int) -> int | None:
    """The token of the one attacked before token k: the person after "на" that follows an attack verb
    ("напал с ножом на инспектора ДПС", "на участкового уполномоченного полиции": a role)."""
    toks = view.toks
    for j in range(k - 1, 0, -1):
        if toks[j].text in BOUNDARY:
            return None
        if toks[j].lemma == "на" and j + 1 < k and any(x.lemma in _ATTACK_ON for x in toks[max(0, j - 4):j]):
            if view.role_at(j + 1) is not None:
                return j + 1
            head = next((n for n in range(j + 1, min(k, j + 4)) if "NOUN" in toks[n].tag), None)
            # (an animate accusative reads as the genitive, which "на" never takes)
            if head is not None and "anim" in toks[head].tag and ("accs" in toks[head].tag or "gent" in toks[head].tag):
                return head
    return None


_LIST_HEAD = re.compile(r"[:：]\s*$")
# a list item's mark: a number, a dash, a bullet, an emoji bullet ("▪️", "🔹")
_ITEM_MARK = re.compile("[\\s\\d.)•*–—\\-▪▫■□●○◦‣⁃►▶✓✔\ufe0f\u2600-\u27bf\U0001f300-\U0001faff]*")
# a rank or post before the name on the item's line: "старший сержант полиции Иса Костоев, 34 года;"
_RANK_WORDS = re.compile(r"(?:[а-яё-]+\s+){1,5}$")


def _listed_below(analysis: Analysis, view: SentenceView, roles: list[RoleMention] = ()) -> list[Casualty]:
    """"Список погибших:" (or "Погибшие (ФИО — возраст — должность):") and the lines below, each opening with a
    name ("Магомедов Ахмед Расулович, 1985 г.р.;"): the people of that fate, one by one."""
    text = analysis.text
    if not _LIST_HEAD.search(text, view.s.start, view.s.end) or text.find("\n", view.s.end) < 0:
        return []
    fate = next((f for t in view.toks if (f := _fate_of(t.lemma))), None)
    if fate is None:
        return []
    names: list[Entity] = []
    for sent in analysis.sentences[view.index + 1:]:
        line_start = text.rfind("\n", 0, sent.start) + 1
        if line_start != sent.start and text[line_start:sent.start].strip():
            continue                     # a later sentence of the same line
        lead = _ITEM_MARK.match(text, sent.start).end()
        person = next((e for e in analysis.entities if e.type == "PERSON" and (e.start == lead or lead < e.start < lead + 60
                       and _RANK_WORDS.fullmatch(text, lead, e.start))), None)
        if person is None:
            break
        names.append(person)
    if not names:
        return []
    # (the group their ranks tell, when one: "▪️ старший сержант полиции X; ▪️ сержант полиции Y")
    ranks = {next((r.group for r in roles if r.end <= e.start and e.start - r.end <= 2), None) for e in names}
    group = ranks.pop() if len(ranks) == 1 else None
    return [Casualty(fate, len(names), group if group != "other" else None, "event", names[0].start, names[-1].end,
                     view.index, names=names, nominal=True)]


def _named_next(analysis: Analysis, view: SentenceView, here: list[Casualty]) -> list[Casualty]:
    """"Стало известно имя погибшего полицейского. Это 34-летний старший сержант полиции X": the next sentence
    names the one a fate's participle after "имя"/"личность" told of."""
    toks = view.toks
    k = next((k for k in range(len(toks) - 1) if toks[k].lemma in ("имя", "личность") and _fate_of(toks[k + 1].lemma)
              and ("PRTF" in toks[k + 1].tag or "ADJF" in toks[k + 1].tag)), None)
    i = view.index + 1
    if k is None or i >= len(analysis.sentences):
        return []
    nxt = analysis.sentences[i]
    if not nxt.tokens or nxt.tokens[0].lemma not in ("это", "им", "ей", "ими"):
        return []
    person = next((e for e in analysis.entities if e.type == "PERSON" and nxt.start <= e.start < nxt.end), None)
    if person is None or any(person in c.names for c in here):
        return []
    told = next((c for c in here if c.nominal and not c.names and c.count == 1 and c.start <= toks[k + 1].start < c.end),
                None)
    if told is not None:                 # the participle's own noun counted him: he is named now
        told.names = [person]
        return []
    # (no group here: the victim's role gives it, and the count told before holds him already)
    return [Casualty(_fate_of(toks[k + 1].lemma), 1, None, "event", person.start, person.end, view.index,
                     names=[person], nominal=True)]


def _event_sum(evs: list[Casualty], union: bool = False) -> int:
    """Victims told as events, without a total. Within a sentence they add up ("убил трёх мужчин и одну
    женщину" = 4). Across sentences, victims of distinct groups add up ("убил 2-х сотрудников КНБ" …
    "убив охранника и посетителя"), but a retelling does not: "убит глава города" … "мужчина скончался",
    "зарезавший четырёх полицейских" … "убил трёх мужчин и одну женщину". So: numbered events of distinct
    named groups add up (one group's, the fullest sentence), plus the fullest sentence of victims told by
    nouns and names; generic victims count only as the fullest sentence."""
    # "один из сотрудников колонии, прапорщик X, получил ранения": the one counted, named in apposition
    evs = [c for c in evs if not (c.nominal and c.names and c.count == 1 and any(
        n.sentence == c.sentence and c.group in (n.group, None) and n.count == 1 and not n.nominal
        and n.end <= c.start < n.end + 60 for n in evs))]
    # "Ранение получил X, его госпитализировали": X named again in his sentence is no second victim
    told_in: dict[int, set[str]] = {}
    once = []
    for c in evs:
        mine = {_surname(e) for e in c.names} if c.nominal else set()
        if mine and mine <= told_in.get(c.sentence, set()):
            continue
        told_in.setdefault(c.sentence, set()).update(mine)
        once.append(c)
    evs = once
    # ("еще один пограничник получил ранение" … "Раненый военнослужащий доставлен в госпиталь": the same one)
    evs = [c for c in evs if not (c.definite and any(o.sentence < c.sentence and o.count for o in evs))]
    by_group: dict[str, dict[int, int]] = {}
    extra = 0
    for c in evs:
        if c.group and not c.nominal and c.extra:
            extra += c.count                          # "убил ещё двух полицейских", "Еще одна женщина": on top
        elif c.group and not c.generic and not c.nominal:
            at = by_group.setdefault(c.group, {})
            at[c.sentence] = at.get(c.sentence, 0) + c.count
    per: dict[int, int] = {}
    named: dict[tuple[int, str], int] = {}
    people: set[str] = set()          # the victims named, sentence by sentence: distinct people add up
    # people named with their groups, sentence by sentence: those of distinct groups are distinct ("застрелив
    # водителя такси X" … "погибли капитан полиции Y и сержант Z": 3)
    nominal_groups: dict[str, dict[int, int]] = {}
    for c in evs:
        if c.nominal and c.extra and not c.names:
            extra += c.count                          # "Еще одна женщина … получила травмы": on top
        elif c.nominal and c.sentence in by_group.get(c.group or "", {}):
            # "погибли двое граждан США, гражданин Швейцарии и гражданин Нидерландов": the list goes on
            by_group[c.group][c.sentence] += c.count
        elif c.nominal and c.group in by_group and not c.names:
            continue                                  # "Двое сотрудников полиции погибли" … "погибший полицейский":
            #                                           one of them told again
        elif c.nominal and c.among and c.group in by_group and c.count <= max(by_group[c.group].values()):
            continue                                  # "Погибли двенадцать военнослужащих. Среди погибших —
            #                                           командир батальона": one of the twelve
        elif c.nominal and c.group in by_group:       # "Двое сотрудников полиции погибли" … "Погибли
            key = (c.sentence, c.group)               # прапорщик полиции X и сержант полиции Y": the two
            named[key] = named.get(key, 0) + c.count
        elif c.nominal and c.names and not c.group and c.count > 1 and any(
                c.count == max(at.values()) and c.sentence not in at for at in by_group.values()):
            continue                                  # "погибли четверо военнослужащих" … "погибли хавилдар X, сипаи Y,
            #                                           Z и W": the four named, whose ranks the tables do not know
        elif c.nominal:                               # told by nouns and names: retold sentence by sentence
            per[c.sentence] = per.get(c.sentence, 0) + c.count
            people.update(c.people or (_surname(e) for e in c.names))
            if c.group and c.names:
                at = nominal_groups.setdefault(c.group, {})
                at[c.sentence] = at.get(c.sentence, 0) + c.count
    for (sentence, group), n in named.items():
        # (as many as the group's count: the count retold; fewer may be another moment's victim, "ранил
        # 2-х конных полицейских" … "В числе раненых — сержант полиции С.Алашев", as before)
        told = max(by_group[group].values())
        per[sentence] = per.get(sentence, 0) + (n if n < told else n - told)
    # one group's numbered victims told again in another sentence are retold, not more ("Четверо
    # туристов погибли" … "погибли двое граждан США, гражданин Швейцарии и гражданин Нидерландов")
    numbered = sum(max(at.values()) for at in by_group.values()) + extra
    # `union`: or the distinct people named over all sentences, when more ("скончался сержант X" …
    # "скончался капитан Y": two of the police), for a group's share of a total told
    grouped = sum(max(at.values()) for at in nominal_groups.values())
    total_specific = numbered + max(max(per.values(), default=0), len(people) if union else 0,
                                    grouped if len(nominal_groups) > 1 else 0)
    per_sentence: dict[int, int] = {}
    for c in evs:
        per_sentence[c.sentence] = per_sentence.get(c.sentence, 0) + c.count
    return max(total_specific, max(per_sentence.values(), default=0))


def _perps_dead(perps: list[Casualty]) -> int:
    """Attackers dead: the numbered ones add up, and so do those named apart; a nameless one told by a noun
    in another sentence ("погиб один человек — предполагаемый исполнитель" … "погиб сам подрывник") is
    one of them retold, unless "ещё"."""
    # (numbered ones add up within a sentence; another sentence's count retells them: "нейтрализовали более 40
    # террористов" … «более 40 террористов нейтрализованы», the army's statement quoted)
    by_sentence: dict[int, int] = {}
    for c in perps:
        if not c.nominal and not c.extra:
            by_sentence[c.sentence] = by_sentence.get(c.sentence, 0) + c.count
    numbered = max(by_sentence.values(), default=0)
    named = {_surname(e) for c in perps if c.nominal for e in c.names}
    per: dict[int, int] = {}
    for c in perps:
        if c.nominal and not c.names and not c.extra:
            per[c.sentence] = per.get(c.sentence, 0) + c.count
    more = sum(c.count for c in perps if c.extra)
    return max(numbered, len(named) + max(per.values(), default=0)) + more


def _surname(e: Entity) -> str:
    return (e.normal or e.text).split()[-1].lower()[:5]


def _less_the_dead(c: Casualty, dead: set[str]) -> Casualty:
    """Wounded named one by one, some of whom died later, count only those alive ("Ранения получили капитан X
    и прохожая Y" … "скончался капитан X": one wounded)."""
    died = [e for e in c.names if _surname(e) in dead]
    if c.fate != "wounded" or not died or c.count is None or c.count < len(c.names):
        return c
    return replace(c, count=c.count - len(died), names=[e for e in c.names if e not in died])


def _wounds_of_the_dead(c: Casualty, cas: list[Casualty]) -> bool:
    """"Председатель района X скончался … чиновник получил несколько ножевых ранений": one person of one group
    died, and one of that group, unnamed, is told wounded after: the wounds he died of, when no other is."""
    dead = [x for x in cas if x.fate == "killed" and x.group != "perpetrator" and x.count]
    # ("осужденные нанесли Адилету Осмонову несколько ударов заточкой. Контролер получил ножевые ранения и скончался":
    # the one struck, named, dead in the next sentence)
    if c.fate == "wounded" and c.kind == "event" and c.count == 1 and c.names and not c.extra and any(
            x.sentence == c.sentence + 1 and x.count == 1 and x.nominal and x.kind == "event"
            and all(_role_word(n.text) for n in x.names)
            and x.group != "perpetrator" for x in dead) and not any(
            x.fate == "wounded" and x.sentence == c.sentence + 1 for x in cas):
        return True
    if c.fate != "wounded" or c.kind != "event" or c.names or c.count != 1 or c.extra or c.group is None:
        return False
    wounded = [x for x in cas if x.fate == "wounded" and x.count]
    return bool(dead) and all(x.group == c.group and x.count == 1 for x in dead) and wounded == [c] \
        and all(x.sentence < c.sentence for x in dead)


def _role_word(text: str) -> bool:
    """A "name" the recogniser made of a capitalised common noun opening a sentence ("Контролер получил …")."""
    g = grammemes(text.strip())
    return " " not in text.strip() and "NOUN" in g and not {"Name", "Surn", "Patr"} & g


def _other_fate_only(told: list[Casualty], c: Casualty) -> bool:
    """The sentence before c's told casualties, none of c's fate."""
    last = [x for x in told if x.sentence == c.sentence - 1]
    return bool(last) and all(x.fate != c.fate for x in last)


def _resolve_extras(cas: list[Casualty]) -> list[Casualty]:
    """What "ещё" adds to. "двое серьёзно ранены и ещё двое получили небольшие ранения": the total of the
    sentence (4). "он убил одного человека и ранил ещё четверых": besides the killed, so a plain total, as
    after a sentence telling the dead.
    "Были ранены ещё 13 человек" opening its sentence: on top of the victims told before."""
    import dataclasses
    out: list[Casualty] = []
    for c in sorted(cas, key=lambda x: x.start):
        if not c.extra or c.kind != "total":
            out.append(c)
            continue
        before = [x for x in out if x.sentence == c.sentence and x.start < c.start]
        same = [x for x in before if x.fate == c.fate and x.kind == "total" and x.count is not None]
        if same:
            merged = dataclasses.replace(same[-1], count=same[-1].count + (c.count or 0), end=c.end, extra=False)
            out[out.index(same[-1])] = merged
        elif before or not c.from_wounded and _other_fate_only(out, c):
            # (also past a last sentence of the other fate only: "Погибли шесть прихожан. Еще 11 человек ранены":
            # besides the dead)
            out.append(dataclasses.replace(c, extra=False))
        else:
            out.append(c)
    return out


# soldiers of a security service (border guards of the ГКНБ, the ФСБ, the КНБ) are counted by the service
# and named by army ranks
_ONE_FORCE = frozenset(("military", "security_service"))


def _regroup_named(cas: list[Casualty]) -> list[Casualty]:
    """"Трое военнослужащих Пограничной службы ГКНБ погибли" … "погибли старший лейтенант X, рядовые Y и Z":
    a list named later, as many as a count of the other of the two forces told before it, is those
    counted, in the count's group (3, not 3 + 3)."""
    out = []
    for c in cas:
        told = next((n for n in cas if n.fate == c.fate and not n.nominal and n.count == c.count and n.group in _ONE_FORCE
                     and n.group != c.group and n.sentence < c.sentence), None) \
            if c.nominal and c.names and c.group in _ONE_FORCE and not c.extra else None
        out.append(replace(c, group=told.group) if told is not None else c)
    return out


def _breakdown_lists(victims: list[Casualty]) -> list[list[Casualty]]:
    """The breakdowns, as the lists they stand in: an item `joined` to the one before goes on its list."""
    lists: list[list[Casualty]] = []
    for c in sorted((c for c in victims if c.kind == "breakdown"), key=lambda c: (c.sentence, c.start)):
        if c.joined and lists and lists[-1][-1].sentence == c.sentence:
            lists[-1].append(c)
        else:
            lists.append([c])
    return lists


def tally(cas: list[Casualty]) -> dict:
    """Fold statements into killed / wounded / by-group / perpetrators, with evidence spans."""
    res: dict = {"killed": None, "wounded": None, "killed_by_group": {}, "wounded_by_group": {},
                 "perpetrators_killed": None, "evidence": {}}
    cas = _regroup_named(_resolve_extras(cas))
    # a named victim who died is not also among the wounded ("Иванович получил пять пулевых ранений")
    dead = {_surname(e) for c in cas if c.fate == "killed" for e in c.names}
    cas = [c for c in cas if not (c.fate == "wounded" and c.names and {_surname(e) for e in c.names} <= dead)]
    cas = [_less_the_dead(c, dead) for c in cas]
    cas = [c for c in cas if not _wounds_of_the_dead(c, cas)]
    for fate in ("killed", "wounded"):
        mine = [c for c in cas if c.fate == fate and c.count is not None]
        # (a first report with nothing newer but one more dead since, "Первоначально сообщалось о двух погибших и
        # пяти раненых. Позднее скончался один из раненых", stands as the count told)
        if any(not c.outdated and not c.extra and not (c.nominal and c.kind == "event") for c in mine):
            mine = [c for c in mine if not c.outdated]   # "Ранее сообщалось о 70 погибших, однако … 20"
        if any(not c.claim for c in mine):
            mine = [c for c in mine if not c.claim]       # "Талибан утверждает … семерых": a claim
        # "ранены" beats "пострадали" (docs/coding.md §5), but not the attackers' own wounds ("Пострадали 15
        # человек … Оба нападавших также получили ранения")
        # (not for one named wounded beside a weak total: "Пострадали два человека, в том числе сотрудник полиции" …
        # "злоумышленник ранил в руку сержанта полиции X")
        weak_most = max((c.count for c in mine if c.weak and c.count), default=0)
        # (nor "Двое других получили легкие травмы": others besides, whose total the weak one may be)
        if fate == "wounded" and any(not c.weak and not c.hospital and c.group != "perpetrator" and not c.others
                                     and (c.kind == "total" or (c.count or 0) >= weak_most) for c in mine):
            mine = [c for c in mine if not c.weak]
        # "из трёх пострадавших двоих госпитализировали": the hospitalised are a part of the injured
        victims = [c for c in mine if c.group != "perpetrator"]
        perps = [c for c in mine if c.group == "perpetrator"]
        if fate == "killed" and perps:
            res["perpetrators_killed"] = _perps_dead(perps)
            res["evidence"]["perpetrators_killed"] = [(c.start, c.end) for c in perps]
        extras = [c for c in victims if c.kind == "total" and c.extra and not c.latest]
        totals = [c for c in victims if c.kind == "total" and c not in extras]
        latest = [c for c in totals if c.latest]
        events_sum = _event_sum([c for c in victims if c.kind == "event"])
        lists = _breakdown_lists(victims)
        for union in (True, False):
            by_group: dict[str, int] = {}
            ev: dict[str, list] = {}
            for g in sorted({c.group for c in victims if c.group}):     # sorted: the same record in every process
                brk = [c for c in victims if c.group == g and c.kind == "breakdown"]
                evs = [c for c in victims if c.group == g and c.kind == "event"]
                # one list's items of a group add up ("10 детей и 8 женщин": 18 civilians); a breakdown told
                # again is the same people
                value = max([max((sum(c.count for c in items if c.group == g) for items in lists), default=0),
                             _event_sum(evs, union)])
                if value:
                    by_group[g] = value
                    ev[f"{fate}_by_group.{g}"] = [(c.start, c.end) for c in brk + evs]
            # (the people named one by one, told apart, share out a total; past it, the linker joined too few)
            told = [c.count for c in victims if c.kind == "total"]
            if sum(by_group.values()) <= max(told + [events_sum]):
                break
        if latest:
            total = latest[-1].count
            ev[fate] = [(latest[-1].start, latest[-1].end)]
        elif totals:
            # (of equal counts the last told: "ранены от двух до трёх человек" … "Один человек погиб, двое
            # ранены", the police's statement after one of them died)
            best = max(reversed(totals), key=lambda c: c.count)
            total = max(best.count, events_sum)
            ev[fate] = [(best.start, best.end)]
        elif events_sum:
            total = events_sum
            ev[fate] = [(c.start, c.end) for c in victims if c.kind == "event"]
        else:
            total = None
        if fate == "killed" and totals and not latest and total:
            # "погибли пятеро, включая двоих нападавших": the attackers named inside the total are theirs
            inside = [c for c in perps if c.kind == "breakdown" and c.sentence == best.sentence
                      and c.start > best.start]
            if inside and sum(c.count for c in inside) < total:
                total -= sum(c.count for c in inside)
        if extras and not latest and not totals:      # "Гиффордс получила ранение … ранены ещё 13"
            events = [c for c in victims if c.kind == "event"]
            if events and all(c.nominal and not c.names and c.start > extras[0].start for c in events) \
                    and events_sum <= sum(c.count for c in extras):
                total = 0                             # "Одна из раненых школьниц скончалась" … "семье погибшей": her
            total = (total or 0) + sum(c.count for c in extras)
            ev[fate] = ev.get(fate, []) + [(c.start, c.end) for c in extras]
        elif extras and not latest:
            # "еще один тяжело ранен" … "ранения получили еще четыре человека": on top of the count told
            # last before them. A narrative retelling the lead adds to its own last count ("погибли семь
            # человек" … "тела двоих погибших" … "погибли ещё три человека": 2 + 3, within the 7)
            # (a nominal one too: "Среди пострадавших — мальчик. Ещё четверо взрослых госпитализированы": 1 + 4)
            anchor = max((c for c in totals + [c for c in victims if c.kind == "event" and c.count]
                          if c.start < extras[-1].start), key=lambda c: c.start, default=None)
            # ("одна из пострадавших … скончалась. Двое других госпитализированы": others besides her, within
            # the total told)
            later = [c for c in extras if anchor is not None and c.start > anchor.start and not c.others]
            if later and anchor.count + sum(c.count for c in later) > total:
                total = anchor.count + sum(c.count for c in later)
                ev[fate] = [(anchor.start, anchor.end)] + [(c.start, c.end) for c in later]
        vague_at = [c.sentence for c in cas if c.fate == fate and c.kind == "vague"][:1]
        vague = bool(vague_at)
        if vague and not totals and not latest and total is not None and all(c.nominal or c.weak or c.sentence == v
                                                                             for c in victims for v in vague_at):
            total = None                              # "ранить несколько сотрудников … пострадавший Однолепков"
            ev.pop(fate, None)
        if fate == "wounded" and total:
            # the wounded who died since, told after them, are wounded no more
            since = sum(c.count for c in cas if c.from_wounded and ev.get(fate) and c.start > ev[fate][0][0])
            if 0 < since < total:
                total -= since
        res[fate] = total
        res[f"{fate}_by_group"] = by_group
        res["evidence"].update(ev)
    # a group left unnamed inside a known total: "7 погибли, из них 3 полицейских и 2 сотрудника КНБ,
    # а также охранник и посетитель" is whole already; nothing is invented for the remainder.
    return res

"""Facts that are not incidents: weapons seized, criminal cases opened, regimes declared, lifted or
continued, arrivals and exits of groups, sentences handed down. Each kind is a rule of data:
cue lemmas, lemmas that must stand near them, and which arguments to read."""
from __future__ import annotations

import re
from dataclasses import dataclass

from letopis.nlp.analysis import Analysis, Sentence
from letopis.nlp import morph
from letopis.nlp.morph import participle_noun
from letopis.record import Fact


@dataclass(frozen=True)
class FactRule:
    kind: str
    cues: frozenset[str]                 # one of these lemmas in the clause
    needs: frozenset[str] = frozenset()  # and one of these (empty: none needed)
    quantity: bool = False               # read the number next to the object
    regime: bool = False                 # read "режим …"
    when: bool = False                   # read the date expression of the sentence
    needs_attempt: bool = False          # "пытались покинуть"


def _f(*words: str) -> frozenset[str]:
    return frozenset(words)


# nouns of people: what a count of detainees may count, and what no count of weapons or cases does
# ("задержаны 39 человек, изъято более 100 единиц оружия")
_PEOPLE = frozenset({"человек", "подозреваемый", "подозревать", "член", "боевик", "террорист", "лицо", "участник", "житель",
                     "мужчина", "женщина", "гражданин", "уроженец", "уроженка", "выходец", "обвиняемый"})


_REGIMES = frozenset({"режим", "положение", "час", "уровень"})
# what a prevention prevents: an act, not a cell's or a group's activity
_ACTS = frozenset({"теракт", "нападение", "акт", "попытка"})
_NOT_ACTS = frozenset({"ячейка", "деятельность", "организация", "группа", "группировка", "канал"})

RULES = (
    # (or found at the scene: "На месте происшествия обнаружены два автомата, 180 патронов")
    FactRule("weapons_seized", _f("изъять", "изъятие", "конфисковать", "изымать", "обнаружить"),
             _f("оружие", "ствол", "патрон", "боеприпас", "граната", "взрывчатка", "автомат", "пистолет",
                "устройство", "бомба", "тротил", "винтовка", "карабин", "ружье", "ружьё"), quantity=True),
    # "начато досудебное расследование": Kazakhstan's and Kyrgyzstan's name for opening a criminal case
    FactRule("criminal_cases_opened", _f("завести", "возбудить", "возбуждение", "заводить", "возбуждать", "начать"),
             _f("дело", "расследование"), quantity=True),
    FactRule("detained", _f("задержать", "арестовать", "задержание"),
             _PEOPLE | _f("экстремист", "вербовщик", "сторонник", "иностранец"), quantity=True),
    # "выявили и ликвидировали 15 ячеек", "к уголовной ответственности привлечены 120 человек, из них 48
    # осуждены", "в Сирию и Ирак выехали около 860 граждан": what security services report in a year
    FactRule("cells_dismantled", _f("выявить", "ликвидировать", "раскрыть", "обезвредить", "нейтрализовать",
                                    "пресечь"), _f("ячейка"), quantity=True),
    FactRule("prosecuted", _f("привлечь", "привлечение"), _f("ответственность"), quantity=True),
    # "в суды направлено 96 уголовных дел", "экстрадированы 17 разыскиваемых лиц", "добровольно вернулись
    # и сдались властям еще девять человек": what a prosecutor's year counts besides
    FactRule("cases_sent_to_court", _f("направить", "передать"), _f("суд"), quantity=True),
    FactRule("extradited", _f("экстрадировать", "экстрадиция", "экстрадированный", "экстрадирован", "экстрадировалить"),
             _f(), quantity=True),              # (pymorphy knows no "экстрадировать": its guesses)
    FactRule("surrendered", _f("сдаться"), _f("власть", "добровольно", "правоохранительный"), quantity=True),
    FactRule("convicted", _f("осудить", "осуждённый", "осужденный", "приговорить", "приговор"), _f(), quantity=True),
    FactRule("left_for_conflict_zones", _f("выехать", "уехать", "отправиться", "выезд", "выехавший"),
             _f("сирия", "ирак", "афганистан", "конфликт", "боевой"), quantity=True),   # not "пешеходную зону"
    # "из зон вооруженных конфликтов в Сирии и Ираке … возвращены 725 граждан" (operations «Жусан», «Мехр»)
    FactRule("returned_from_conflict_zones", _f("вернуть", "возвратить", "репатриировать", "вернуться",
                                                "возвращение", "репатриация"),
             _f("сирия", "ирак", "афганистан", "зона", "жусан", "мехр"), quantity=True),
    # (people evacuated "из зоны конфликта" at home are no returnees: only from the named countries)
    # ("специальным рейсом из Сирии на родину доставлены 38 граждан": brought home from the named countries)
    FactRule("returned_from_conflict_zones", _f("эвакуировать", "доставить", "вывезти"), _f("сирия", "ирак", "афганистан"),
             quantity=True),
    FactRule("attack_prevented", _f("предотвратить", "пресечь", "предотвращение"),
             _f("теракт", "террористический", "нападение", "акт", "попытка"), quantity=True),
    # (a state of emergency and a curfew are regimes too: "введено чрезвычайное положение", "комендантский час")
    # ("отменен" reads first as the adjective "отменный")
    FactRule("regime_lifted", _f("снятие", "снять", "отмена", "отменить", "отменный"), _REGIMES, regime=True),
    FactRule("regime_declared", _f("ввести", "введение", "объявить", "ввод"), _REGIMES, regime=True, when=True),
    FactRule("regime_continues", _f("сохраняться", "сохранить", "сохраниться", "продлить", "продление", "продолжать",
                                    "действовать", "оставаться", "остаться"), _REGIMES, regime=True),
    FactRule("entry_of_foreign_group", _f("прибытие", "въезд", "прибыть", "въехать", "проникнуть", "проникновение"),
             _f("иностранный", "боевик", "группа"), when=True),
    FactRule("attempted_exit", _f("покинуть", "выехать", "выезд", "бежать"), _f(), when=True, needs_attempt=True),
    FactRule("sentence", _f("приговорить", "приговор", "осудить", "наказание", "получить", "назначить"),
             _f("лишение", "пожизненный", "год", "срок"),
             quantity=True),
)
# a measure is no count ("карабин калибра 7,62 мм", "2 кг взрывчатки"): the quantity of a fact counts things,
# so weights and calibres are left out
_MEASURE = re.compile(r"\s*(?:мм|см|м|кг|г|грамм\w*|килограмм\w*|литр\w*|л)\b")
_CALIBRE = re.compile(r"калибр\w*\s*$")
_MODEL_BEFORE = re.compile(r"(?:\b[A-Z][A-Za-z]+\s|[A-ZА-ЯЁ]{2,}-)$")    # a model's number: "Glock 17", "АК-74"
_AGED = re.compile(r"возраст\w*\s+(?:от\s+|до\s+|старше\s+|младше\s+)?$|от\s+\d+\s+до\s+$", re.I)   # "в возрасте от 18 до 30 лет"
ONE_BY_NOUN = {"detained", "criminal_cases_opened", "cells_dismantled"}
UNCOUNTED = {"sentence", "attack_prevented"}          # facts that stand without a count
_UNTIL = re.compile(r"\bдо\s*$", re.I)
COUNT_THINGS = {"weapons_seized", "criminal_cases_opened", "cases_sent_to_court"}   # no count of people is theirs
COUNT_PEOPLE = {"prosecuted", "convicted", "returned_from_conflict_zones", "extradited", "surrendered"}   # only people
_PART = re.compile(r"\bиз\s+(?:них|которых|числа)\s+(?:\w+\s+)?$", re.I)


def _tokens_between(sent: Sentence, n, i: int) -> int:
    cue = sent.tokens[i]
    lo, hi = min(n.end, cue.start), max(n.start, cue.end)
    return sum(1 for t in sent.tokens if lo <= t.start and t.end <= hi and t is not cue)


def _one_clause(sent: Sentence, i: int, n) -> bool:
    """No punctuation between the cue at token i and the number after it."""
    return not any(sent.tokens[i].end <= t.start < n.start and not t.text[:1].isalnum() for t in sent.tokens)


def _next_token_is(sent: Sentence, n, i: int) -> bool:
    """The number stands right before token i ("48 осуждены")."""
    return 0 <= sent.tokens[i].start - n.end <= 1


def _counts_people(sent: Sentence, n) -> bool:
    after = [t for t in sent.tokens if t.start >= n.end][:2]
    return any(t.lemma in _PEOPLE or "PRTF" in t.tag and participle_noun(t.text) in _PEOPLE for t in after)


def _counts_things(sent: Sentence, n) -> bool:
    """The number counts an inanimate noun right after it ("три концерта")."""
    nxt = next((t for t in sent.tokens if t.start >= n.end), None)
    return nxt is not None and "NOUN" in nxt.tag and "inan" in nxt.tag and nxt.lemma not in _PEOPLE


ATTEMPT = {"пытаться", "попытаться", "попытка", "намереваться"}
# (a level named in quotes may stand between: "Режим «умеренный» («желтый») уровня террористической опасности")
_REGIME = re.compile(r"([Рр]ежим\w*)\s+((?:[«(\"]*[А-Яа-яЁё\-]+[»)\"]*\s+){0,5}?(?:[А-ЯЁ]{2,}\b|операции|положения|ситуации|"
                     r"опасности|готовности|тревоги|ЧП|ЧС))"
                     r"|(?<![а-яё])(?:чрезвычайн|военн|комендантск)\w+\s+(?:положени|час)\w*"
                     # Kazakhstan's terror threat levels: "введен «красный» уровень террористической опасности"
                     r"|[«\"][а-яё]+[»\"]\s+уров\w+\s+террористическ\w+\s+опасност\w+")
# "уровень террористической опасности … остается «желтым»": the level named after its verb
_LEVEL_AFTER = re.compile(r"уров\w+\s+террористическ\w+\s+опасност\w+[^.«\"]{0,40}?[«\"]([а-яё]+)[»\"]", re.I)
_WHERE = re.compile(r"\b(в\s+(?:некоторых|ряде|отдельных|нескольких|[А-ЯЁ][а-яё]+(?:ой|ах|ом|е))\s+[а-яё]+(?:ах|ях|ов|е|и)?)\b")
_CASE_CRIME = re.compile(r"по\s+стать[яеи]\w*\s+[«\"]?([а-яё]+(?:\s+[а-яё]+)?)", re.I)
# the term and where it is served ("в колонии строгого режима"), not who got it ("… бывшего главу КНБ")
_PENALTY = re.compile(r"(?<![а-яёА-ЯЁ])(?:к|в\s+виде|получил[аи]?|назначен[оаы]?|назначил\w*(?:\s+(?-i:[А-ЯЁ])\w+){0,3}|[—–])\s+(пожизненному\s+лишению\s+свободы|пожизненного\s+лишения\s+свободы|(?:срок\w*\s+)?(?:от\s+\S+\s+до\s+)?(?:\S+\s+){0,3}"
                      r"(?:годам|года|лет)\s+(?:лишения\s+свободы|"   # "назначил наказание в виде семи лет лишения свободы"
                      r"заключения|колонии)(?:\s+(?:в\s+)?(?:колони\w+|исправительн\w+|тюрьм\w+|"
                      r"(?:строгого|общего|особого|усиленного)\s+режима|с\s+отбыванием\s+в\s+[^,.;]*?режима)){0,3})", re.I)


_BARE_TERM = re.compile(r"(?<![а-яёА-ЯЁ])(?:получил[аи]?|назначил\w*(?:\s+(?-i:[А-ЯЁ])\w+){0,3})\s+((?:по\s+)?\S+\s+(?:лет|года|годам))"
                        r"(?![\w-])", re.I)
_VERDICT_NEAR = re.compile(r"приговор|приговорил|осужден|лишени\w+\s+свободы", re.I)


def _regime_norm(raw: str) -> str:
    """"режима КТО" → "режим КТО"; "чрезвычайного положения" → "чрезвычайное положение"."""
    from letopis.nlp.morph import parse
    from letopis.nlp.normal import inflect
    words = raw.split()
    whole = not words[0].lower().startswith("режим")     # the adjective and its noun both
    gender = parse(words[1])[0].tag.gender if whole and len(words) > 1 else None
    for k in range(2 if whole else 1):
        word = words[k].strip("«»\"")                      # "«красного» уровня": the quoted level too
        # (the adjective in the noun's gender: "чрезвычайное положение", "«красный» уровень")
        nom = inflect(parse(word)[0], ("nomn", "sing", gender) if k == 0 and gender else ("nomn", "sing"))
        if nom:                      # spelt as the text does when already nominative ("«желтый»", not "жёлтый")
            same = nom.word.replace("ё", "е") == word.lower().replace("ё", "е")
            spelt = nom.word if "ё" in word.lower() else nom.word.replace("ё", "е")   # "«желтым»" → "«желтый»"
            words[k] = words[k].replace(word, word.lower() if same else spelt)
    return " ".join(words)


_ABBREVIATED = frozenset(("тыс", "млн", "млрд", "руб", "долл", "ед", "шт", "ст", "ч", "п", "г"))


def _clause(sent: Sentence, i: int) -> tuple[int, int]:
    toks = sent.tokens

    def stop(k: int) -> bool:      # (not the full stop of "9,6 тыс. единиц оружия")
        return toks[k].text in {";", "!", "?"} or toks[k].text == "." and not (k and toks[k - 1].text in _ABBREVIATED)
    lo, hi = i, i
    while lo > 0 and not stop(lo - 1) and i - lo < 12:
        lo -= 1
    while hi < len(toks) - 1 and not stop(hi + 1) and hi - i < 14:
        hi += 1
    return lo, hi


def _plural_adjective(tok) -> bool:
    """"Возбуждены уголовные дела": a plural adjective makes the noun after it plural ("дела" reads
    singular too)."""
    return tok is not None and "plur" in tok.tag and ("ADJF" in tok.tag or "PRTF" in tok.tag)


def _genitive_singular_after_noun(sent: Sentence, k: int) -> bool:
    """"пресечена деятельность ячейки": a form read first as a plural nominative ("ячейки") is the genitive
    singular after a noun that governs it."""
    if not k or "NOUN" not in sent.tokens[k - 1].tag:
        return False
    return any({"NOUN", "gent", "sing"} <= p.tag.grammemes for p in morph.parse(sent.tokens[k].text.lower()))


def find_facts(analysis: Analysis, ex) -> list[Fact]:
    text = analysis.text
    facts: list[Fact] = []
    for sent in analysis.sentences:
        if analysis.ignored(sent.start, sent.end):
            continue
        lemmas = [t.lemma for t in sent.tokens]
        for rule in RULES:
            for i, lem in enumerate(lemmas):
                if lem not in rule.cues:
                    continue
                lo, hi = _clause(sent, i)
                window = set(lemmas[lo:hi + 1])
                if rule.needs and not window & rule.needs and not (rule.kind == "detained" and any(
                        n.extra.get("collective") and sent.start <= n.start < sent.end and _tokens_between(sent, n, i) <= 2
                        for n in ex.numbers)):
                    continue                     # ("ещё пятеро задержаны": a collective numeral counts people)
                if rule.needs_attempt and not window & ATTEMPT:
                    continue
                if "не" in lemmas[max(0, i - 2):i]:
                    continue                     # "Оружие и взрывчатые вещества при обыске не обнаружены": none
                if lem == "обнаружить" and window & {"обезвредить", "уничтожить", "обезвреживание"}:
                    continue                     # (what was found: "обнаружены два автомата"; not a device found
                    #                              and defused)
                if lem == "начать" and "расследование" not in window:
                    continue                     # "суд начал рассматривать дело": a trial, no case opened
                if lem == "задержание" and i and lemmas[i - 1] in ("при", "ход", "попытка"):
                    continue                     # "оказали сопротивление при задержании": a circumstance, no arrest
                if rule.kind == "regime_declared" and "PRTF" in sent.tokens[i].tag:
                    continue                     # "Режим КТО, введенный в Карабулаке, отменен": what it was
                if rule.kind == "left_for_conflict_zones" and window & _URGED:
                    continue                     # "пытался склонить к выезду в Сирию троих": urged, nobody left
                if rule.kind == "attack_prevented" and not window & _ACTS and window & _NOT_ACTS:
                    continue                     # "пресечена деятельность 5 террористических ячеек": cells
                if rule.kind == "entry_of_foreign_group" and i and lemmas[i - 1] in ("на", "у", "перед"):
                    continue                     # "атаковала пост ГИБДД на въезде в Грозный": a place
                if rule.kind == "entry_of_foreign_group" and lemmas[i + 1:i + 3] in (["в", "группа"], ["в", "толпа"]):
                    continue                     # "грузовик въехал в группу военнослужащих": a ramming
                if rule.kind == "convicted" and "PRTF" in sent.tokens[i].tag and not (
                        i + 1 < len(sent.tokens) and sent.tokens[i + 1].lemma in ("за", "по", "к", "на")):
                    continue                     # "Двое осужденных напали", "пострадали 15 осужденных": prisoners
                    #                              (not "число осужденных за терроризм": those convicted of it)
                a, b = sent.tokens[lo].start, sent.tokens[hi].end
                fact = Fact(rule.kind, text[sent.start:sent.end].strip(), evidence=[(sent.start, sent.end)])
                if rule.quantity:
                    nums = [n for n in ex.numbers if a <= n.start < b and not n.extra.get("ordinal")
                            and not _MODEL_BEFORE.search(text, max(0, n.start - 14), n.start)   # "Glock 17", "АК-74"
                            and not _MEASURE.match(text, n.end) and not _CALIBRE.search(text, max(0, n.start - 12), n.start)
                            and not _AGED.search(text, max(0, n.start - 20), n.start)
                            and (rule.kind not in COUNT_THINGS or not _counts_people(sent, n)
                                 # ("уголовные дела в отношении 1 218 обвиняемых направлены в суд": the accused
                                 # the cases are of)
                                 or re.search(r"в\s+отношении\s*$", text[max(0, n.start - 14):n.start]))
                            # ("деятельность ячейки из шести человек": its members, not the cells)
                            and not (rule.kind == "cells_dismantled" and _counts_people(sent, n))]
                    # "выехали около 860 граждан, из них более 150 погибли": a part is another fact's count
                    if rule.kind in COUNT_PEOPLE:  # "120 человек", "48 осуждены"; not "на 20 лет", "5,7 тысячи"
                        # "приговорил к срокам от 10 до 20 лет … пятерых обвиняемых": the object may follow the term
                        # (not "четыре приговора": verdicts, not people)
                        nums = [n for n in nums if (_counts_people(sent, n) or _next_token_is(sent, n, i)
                                                    and lem != "приговор")
                                and _tokens_between(sent, n, i) <= (
                                    (12 if _counts_people(sent, n) and _one_clause(sent, i, n) else 3)
                                    if n.start > sent.tokens[i].start else 1)]
                    if rule.kind == "criminal_cases_opened":
                        # "возбудил уголовное дело о покушении на убийство двух и более лиц": the crime's words
                        # after "дело" count no cases ("возбуждено два уголовных дела")
                        head = next((t for t in sent.tokens[lo:hi + 1] if t.lemma in rule.needs), None)
                        nums = [n for n in nums if head is None or n.start < head.start]
                    if rule.kind == "detained":
                        # "пресечена деятельность 12 ячеек, задержаны 48 членов": the count of people;
                        # "Из 32 террористов 31 уничтожен, один задержан": the whole is no detainee count
                        # ("отменены три концерта …, как полиция задержала жителя": things, no detainees)
                        nums = [n for n in nums
                                if not re.search(r"(?:^|\s)из\s*$", text[max(0, n.start - 4):n.start], re.I)
                                and not _counts_things(sent, n)]
                        if any(_counts_people(sent, n) for n in nums):
                            # "четверо подозреваемых ликвидированы …, один задержан": the number right
                            # before the cue is the detainees' own, though no noun follows it
                            nums = [n for n in nums if _next_token_is(sent, n, i)] or \
                                [n for n in nums if _counts_people(sent, n)]
                    whole = [n for n in nums if not (sent.tokens[i].start < n.start
                                                     and _PART.search(text, max(sent.start, n.start - 12), n.start))]
                    nums = whole or nums
                    if rule.kind == "sentence":
                        pm = _PENALTY.search(text, sent.start, sent.end)
                        if not pm and _VERDICT_NEAR.search(text, max(0, sent.start - 300), sent.end):
                            pm = _BARE_TERM.search(text, sent.start, sent.end)   # "Данияр Касымов получил семь лет"
                        if not pm:
                            continue
                        fact.extra["penalty"] = pm.group(1).strip()
                        nums = [n for n in nums if pm.start() <= n.start < pm.end()]
                    # a singular noun counts one person or case; "оружие" and "взрывчатка" count nothing
                    # ("задержанный является сторонником": the participle as the subject names one arrested
                    # before; "гражданин России, арестованный в Испании" is an arrest)
                    one = None if nums or rule.kind not in ONE_BY_NOUN or rule.kind == "detained" and \
                        "PRTF" in sent.tokens[i].tag and i + 1 < len(sent.tokens) and \
                        any(x in sent.tokens[i + 1].tag for x in ("VERB", "PRTS")) else next(
                        (t for k, t in enumerate(sent.tokens[lo:hi + 1], lo) if t.lemma in rule.needs
                         and ("sing" in t.tag and "NOUN" in t.tag or _genitive_singular_after_noun(sent, k))
                         and not _plural_adjective(sent.tokens[k - 1] if k else None)), None)
                    if nums:
                        n = min(nums, key=lambda n: abs(n.start - sent.tokens[i].start))
                        fact.quantity, fact.qualifier = n.value, n.qualifier
                        fact.evidence = [(n.start, n.end), (sent.start, sent.end)]
                        fact.text = _tight(text, sent, sent.tokens[i].start, n)
                    elif one is not None:
                        # "задержали 25-летнего жителя", "начато досудебное расследование": one, told
                        # by a singular noun
                        fact.quantity = 1
                        fact.evidence = [(one.start, one.end), (sent.start, sent.end)]
                    elif rule.kind == "weapons_seized" and any(x in sent.tokens[i].tag for x in ("VERB", "PRTS")):
                        pass                     # a seizure told as done stands without a count: "изъяты компоненты СВУ"
                    elif rule.kind == "criminal_cases_opened" and any(x in sent.tokens[i].tag for x in ("VERB", "PRTS")) \
                            and any(t.lemma == "дело" for t in sent.tokens[lo:hi + 1]):
                        pass                     # "Возбуждены уголовные дела": cases, how many untold
                    elif rule.kind not in UNCOUNTED:
                        continue
                if rule.kind == "weapons_seized":
                    items = _seized_items(text, sent, ex, sent.tokens[i].start)
                    if len(items) > 1:
                        # "изъяты автомат АК-74, два пистолета Макарова, граната Ф-1 и более 200 патронов": the
                        # list, and as many arms as it counts (ammunition apart), each with its words
                        fact.extra["items"] = items
                        arms = [x for x in items if x["class"] != "ammunition" and "unit" not in x]
                        if arms and (fact.quantity is None or any(x["quantity"] == fact.quantity for x in items)):
                            fact.quantity = sum(x["quantity"] for x in arms)
                            # ("более 40 единиц … и около 15 килограммов": more than 40 all the same)
                            fact.qualifier = "more_than" if any(x["qualifier"] in ("more_than", "at_least")
                                                                for x in arms) else None
                            fact.evidence = [tuple(x["span"]) for x in arms] + [(sent.start, sent.end)]
                if rule.regime:
                    cue_at = sent.tokens[i].start
                    ms = list(_REGIME.finditer(text, a, b))
                    level = _LEVEL_AFTER.search(text, a, b) if not ms else None
                    if level is not None:
                        fact.extra["regime"] = _regime_norm(f"«{level.group(1)}» уровень террористической опасности")
                    elif not ms:
                        continue
                    else:
                        m = min(ms, key=lambda x: abs(x.start() - cue_at))   # the regime the cue speaks of
                        fact.extra["regime"] = _regime_norm(m.group(0).strip())
                        w = _WHERE.search(text, m.end(), b)
                        if w and rule.kind == "regime_continues":
                            fact.extra["where"] = w.group(1)
                if rule.kind == "criminal_cases_opened":
                    cm = _CASE_CRIME.search(text, a, b)
                    if cm:
                        fact.extra["crime"] = cm.group(1)
                if rule.when:
                    ts = [t for t in ex.temporals if sent.start <= t.start < sent.end and t.kind != "time"]
                    if ts:
                        t = min(ts, key=lambda t: abs(t.start - sent.tokens[i].start))
                        fact.extra["date_text"] = t.text
                        for key in ("month", "days", "year"):
                            if key in t.extra:
                                fact.extra[key] = t.extra[key]
                        # "введен режим … сроком до 5 января 2012 года": when it ends, not when it began
                        until = t.text.lower().startswith("до ") or bool(_UNTIL.search(text, max(0, t.start - 12), t.start))
                        if t.value:
                            fact.extra["until" if until else "date"] = t.value
                if rule.kind == "sentence":
                    fact.extra["charges"] = [c.to_dict() for c in ex.charges if sent.start <= c.start < sent.end]
                if not any(f.kind == fact.kind and f.evidence[-1] == fact.evidence[-1] for f in facts):
                    facts.append(fact)
                break
        _investigation(analysis, sent, lemmas, facts)
    facts = _each_convicted(analysis, facts)
    # the title retells the lead: its fact stands only when the body tells no fact of that kind
    title = analysis.title_span
    if title:
        body = {f.kind for f in facts if f.evidence[-1][0] >= title[1]}
        facts = [f for f in facts if f.evidence[-1][0] >= title[1] or f.kind not in body]
    return facts


# a term as a verdict gives it to one defendant: "к 17 годам лишения свободы", "получил 15 лет", "Y — 8 лет
# лишения свободы", "8 годам 6 месяцам лишения свободы"
_TERM = re.compile(r"(?<![а-яёА-ЯЁ])(?:к|в\s+виде|получил[аи]?|назначен[оаы]?|назначил\w*(?:\s+(?-i:[А-ЯЁ])\w+){0,3}|[—–])\s+(?P<term>(?:пожизненн\w+\s+лишени\w+\s+свободы)|"
                   r"(?:\S+\s+){0,2}?(?:годам|года|лет|год)(?:\s+(?:и\s+)?\S+\s+месяц\w*)?"
                   r"(?:\s+(?:лишения\s+свободы|заключения|колонии|тюрьмы))?)", re.I)


def _each_convicted(analysis: Analysis, facts: list[Fact]) -> list[Fact]:
    """A verdict's terms, one fact per term with those named before it ("Суд приговорил X к 17 годам …", "Y
    получил 15 лет, Z — 8 лет лишения свободы"): a sentence fact of several terms splits, and each lists its
    `convicted`."""
    text = analysis.text
    persons = sorted((e for e in analysis.entities if e.type == "PERSON"), key=lambda e: e.start)
    out: list[Fact] = []
    for f in facts:
        if f.kind != "sentence" or not f.evidence:
            out.append(f)
            continue
        a, b = f.evidence[-1]
        found = list(_TERM.finditer(text, a, b))
        # (a term of years told bare beside one of prison: "X — к 10 годам лишения свободы, Y и Z получили – по 8 лет")
        prison = any(re.search(r"лишени|заключени|колони|тюрьм|пожизн", m.group("term"), re.I) for m in found) or \
            bool(_VERDICT_NEAR.search(text, max(0, a - 300), a))      # (a verdict told just before)
        terms = [m for m in found if prison or re.search(r"лишени\w+\s+свободы", text[m.end():b], re.I)]
        if not terms:
            out.append(f)
            continue
        for k, m in enumerate(terms):
            since = terms[k - 1].end() if k else a
            who = [p for p in persons if since <= p.start and p.end <= m.start("term")]
            one = Fact("sentence", f.text, evidence=list(f.evidence), quantity=f.quantity, qualifier=f.qualifier,
                       extra=dict(f.extra))
            if len(terms) > 1:
                one.extra["penalty"] = m.group("term").strip()
            # (each of a list named together: "Его сообщники X, Y и Z приговорены к 12 годам")
            run = who[-1:]
            for p in reversed(who[:-1]):
                if not re.fullmatch(r"\s*(?:,|и|,\s*а\s+также)\s*", text[p.end:run[0].start]):
                    break
                run.insert(0, p)
            if run:
                one.extra["convicted"] = [p.normal or p.text for p in run]
            out.append(one)
    return out


_URGED = frozenset(("склонить", "склонять", "вербовать", "завербовать", "уговорить", "уговаривать", "подстрекать",
                    "агитировать", "призывать"))
_AMMO = re.compile(r"(?<![а-яё])(?:патрон\w*|боеприпас\w*|снаряд\w*|мин(?:а|ы|ой)?\b)", re.I)


def _seized_items(text: str, sent: Sentence, ex, cue: int) -> list[dict]:
    """The arms and ammunition listed after a seizure's cue, each with its count (the number right before
    it, else one): "два пистолета Макарова" → 2, "более 200 патронов" → 200 more_than."""
    # (not a charge's measure: "мощностью около 3 кг в тротиловом эквиваленте")
    spans = [(w.start, w.end, w.normal or w.text, w.cls) for w in ex.weapons if cue < w.start < sent.end
             and "эквивалент" not in w.text.lower() and not _EQUIVALENT.match(text, w.end)]
    # (named by the dictionary form, as the arms are: "патронов" → "патрон")
    spans += [(m.start(), m.end(), morph.lemma(m.group()), "ammunition") for m in _AMMO.finditer(text, cue, sent.end)
              if not any(a <= m.start() < b for a, b, _, _ in spans)]
    out = []
    for a, b, name, cls in sorted(spans):
        # (past a unit: "46 единиц огнестрельного оружия", "около 12 кг взрывчатых веществ")
        n = next((n for n in ex.numbers if cue < n.start and n.end <= a and not n.extra.get("ordinal") and (
            _UNIT_GAP.fullmatch(text, n.end, a) or _WORDS_GAP.fullmatch(text, n.end, a)
            and not _MEASURE.match(text, n.end))), None)
        q = n.value if n is not None and isinstance(n.value, (int, float)) else 1
        item = {"text": text[a:b], "normal": name, "class": cls, "quantity": q,
                "qualifier": n.qualifier if n is not None else None, "span": [n.start if n else a, b]}
        gap = _UNIT_GAP.fullmatch(text, n.end, a) if n is not None else None
        unit = gap.group(1) if gap is not None else None
        if unit and unit.lower().startswith(("кг", "килограмм", "г", "грамм", "тонн")):
            item["unit"] = unit
        out.append(item)
    return out


_EQUIVALENT = re.compile(r"\s+эквивалент", re.I)
# "два готовых к применению самодельных взрывных устройства": a few words of the item's own between
_WORDS_GAP = re.compile(r"(?:\s+(?!и\b|или\b)[а-яё]+){1,3}\s+")
_UNIT_GAP = re.compile(r"\s{0,2}(?:(единиц\w*|штук\w*|кг|килограмм\w*|грамм\w*|г|тонн\w*)\s+)?")


LEADS = {"возглавлять", "возглавить", "руководить", "возглавляться"}
INQUIRY = {"расследование", "следственный", "следствие", "оперативный"}


def _investigation(analysis: Analysis, sent: Sentence, lemmas: list[str], facts: list[Fact]) -> None:
    """"Расследованием … занимается группа, которую возглавляет министр … Касымов" → who leads it."""
    if not (set(lemmas) & LEADS and set(lemmas) & INQUIRY):
        return
    i = next(k for k, lem in enumerate(lemmas) if lem in LEADS)
    after = [e for e in analysis.entities if e.type == "PERSON" and sent.tokens[i].end <= e.start < sent.end]
    if not after:
        return
    head = after[0]
    facts.append(Fact("investigation", analysis.text[sent.start:sent.end].strip(), [(sent.start, sent.end)],
                      extra={"head": head.normal or head.text, "head_span": [head.start, head.end]}))


def _tight(text: str, sent: Sentence, cue_start: int, num) -> str:
    """The phrase from the cue to the counted object: "изъято более 2 тысяч оружия"."""
    lo = min(cue_start, num.start)
    hi = max(cue_start, num.end)
    m = re.match(r"(?:\s*(?:[А-ЯЁA-Z]\.|[^\s,.;]+)){1,6}", text[hi:sent.end])     # an initial's dot: "Б. Алимов"
    end = hi + (len(m.group(0)) if m else 0)
    tail = text[end:sent.end]
    stop = re.search(r"[,.;!?]", tail)
    if stop and stop.start() < 60 and cue_start < num.start:
        end += stop.start()
    out = text[lo:end].strip()
    # (not into a bracket left open: "… по статьям 244-1 («Изготовление")
    if out.count("(") > out.count(")") and out.rfind("(") > hi - lo:
        out = out[:out.rfind("(")].rstrip()
    # a quote closing after the fact ("задержаны 42 человека»"), not a name's own ("«Катиба Таухид»")
    return out[:-1] if out[-1:] in "»”" and out.count(out[-1]) > out.count("«" if out[-1] == "»" else "“") else out

"""Per-document incidents, coded as docs/coding.md says: which sentences tell of violence,
how they split into incidents (place and time), and each incident's fields with evidence."""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from letopis.extract import Extraction
from letopis.extract.dates import BORN, _iso
from letopis.extract.quotes import SPEECH
from letopis.incidents import casualties as cas
from letopis.incidents import geo_link
from letopis.incidents.people import KIN, armed_groups
from letopis.incidents.tables import cues, type_cues
from letopis.nlp.analysis import Analysis, Sentence, Token, part_of_speech, token_at
from letopis.nlp.normal import CASES
from letopis.read.dates import agency_dateline_end
from letopis.record import Incident, Person, TimelineEntry, Victim, WeaponItem

ATTACK_VERBS = {"совершить", "убить", "застрелить", "напасть", "открыть", "взорвать", "подорвать",
                "ограбить", "обстрелять", "ранить", "расстрелять", "захватить", "устроить", "атаковать",
                "зарезать", "поджечь", "нанести", "стрелять", "похитить", "угнать", "протаранить",
                "наехать", "заколоть"}
# what a named attacker does besides: "Он ударил ножом нескольких учеников" (a blow alone aims at no one of
# note, so these are no assassination's verbs)
PERP_VERBS = ATTACK_VERBS | {"ударить", "избить", "угрожать"}
JUDICIAL = {"приговорить", "приговор", "осудить", "осужденный", "присяжный", "пожизненный",
            "срок", "колония", "оправдать", "обвинительный"}
# a death sentence carried out (a state execution is no incident, docs/coding.md §1); "казнить" alone
# is also what a group does to its hostages, so it counts only beside a prisoner
STATE_DEATH = {("смертный", "казнь"), ("смертельный", "инъекция"), ("электрический", "стул")}
PRISONER = {"заключить", "заключенный", "осудить", "осужденный", "приговорить", "тюрьма", "узник"}
# an accident, not an attack: "автомобиль врезался в остановку", "крушение самолёта" (docs/coding.md §1)
ACCIDENT = {"наехать", "дтп", "авария", "крушение", "авиакатастрофа", "катастрофа", "врезаться", "въехать", "сход",
            "обрушение", "разбиться", "кораблекрушение", "затонуть", "несчастный"}   # "несчастный случай"
# a plot with no violence yet: "раскрыт заговор", "планировал взрыв", "готовил теракт"
PLOT = {"заговор", "планировать", "замышлять", "собираться", "намереваться"}
HAPPENED = {"прогреметь", "произойти", "совершить", "погибнуть", "взорваться"}
ATTACK_LEAD = {"стрельба", "взрыв", "взорвать", "нападение", "напасть", "теракт", "смертник", "обстрел",
               "застрелить", "расстрелять", "зарезать", "убить", "заложник", "поджог", "подрыв"}
MODAL = {"мочь", "грозить", "если", "светить", "может", "требовать", "просить"}
# words that tell of an attack without its method: "В пятницу … произошёл теракт" (the date, the place)
EVENT_NOUNS = {"теракт", "террористический"}
# nouns of an act that name the incident when it "happened" ("Убийство произошло …", "Нападение
# было совершено …"), and those verbs
ACT_NOUNS = {"убийство", "нападение", "покушение", "расстрел", "захват", "поджог", "инцидент", "происшествие", "трагедия",
             "атака", "преступление", "ограбление", "налет", "налёт", "разбой"}
HAPPEN = {"произойти", "случиться", "совершить", "совершиться", "происходить"}
# an explosion happened (vs. a device only found, planned or reported)
EXPLOSION = {"взрыв", "взорвать", "взорваться", "подрыв", "подорвать", "подорваться", "сработать", "прогреметь",
             "детонировать", "самоподрыв", "взрывной волна", "разорваться", "авиаудар", "обстрел", "обстрелять"}
DEVICE = ("взрывн", "взрывчат", "бомб", "сву", "самодельн")
_DEVICE_RE = re.compile(r"устройств|бомб|взрывчат|СВУ|тротил|пояс", re.I)
PAST_MARKERS = {"напомнить", "ранее", "тогда", "прошлый", "аналогичный"}
SECURITY_GROUPS = {"police", "security_service", "military"}
# weapons only found or seized were not used in the attack (docs/coding.md §4)
FOUND = {"найти", "обнаружить", "изъять", "обыск", "хранение", "найденный", "обнаруженный", "выявить", "выявленный",
         "схрон", "тайник"}
# a weapon only asked for, planned or bought was not used (docs/coding.md §4): "Джеймсон просил автомат"
WANTED = {"просить", "попросить", "планировать", "хотеть", "намереваться", "собираться", "заказать"}
# the attacker as the object of a police act: "его застрелили полицейские", "застрелила нападавшего"
ATTACKER_WORDS = {"он", "его", "их", "они", "нападавший", "стрелок", "стрелка", "преступник", "террорист", "боевик",
                  "злоумышленник", "убийца", "подозреваемый", "мужчина", "застреленный", "захватчик", "похититель",
                  "налётчик", "налетчик", "бандит", "киллер", "смертник", "смертница", "подрывник",
                  "зачинщик", "бунтовщик", "исполнитель"}
POLICE_ACTS = {"застрелить", "застреленный", "ликвидировать", "нейтрализовать", "уничтожить", "перестрелка",
               "ранить", "обезвредить", "расстрелять"}
SECURITY_KILLS = {"застрелить", "ликвидировать", "нейтрализовать", "уничтожить"}
# what a rescue service puts out or clears: "ликвидировать" of these kills no one
# ("огонь" is also gunfire: "ликвидирован ответным огнем")
HAZARDS = frozenset(("возгорание", "пожар", "пламя", "очаг", "последствие", "утечка", "задымление", "завал",
                     "разлив"))
KILL_WORDS = {"убийство", "убийца", "покушение", "гибель", "погибнуть", "убить", "убитый", "застрелить",
              "ранить", "ранение", "расстрелять", "взорвать", "скончаться", "отравить", "убиенный"}


# deaths and injuries a text may tell with no violence at all ("умер от пневмонии", "госпитализирован",
# "погибли миллионы" in a war long past): alone, with no attack cue and no violent verb, no incident
NEUTRAL_TOLL = {"гибель", "жертва", "погибнуть", "погибший", "скончаться", "смерть", "умереть",
                "госпитализировать", "пострадавший", "пострадать", "травма", "травмировать", "лечение"}
# a suicide with no attack cue: violence against oneself is no incident ("застрелился при задержании")
SELF_HARM = {"застрелиться", "суицид", "самоубийство", "повеситься", "покончить"}
VIOLENT_WORDS = {"убийство", "убийца", "покушение", "отравить", "обезглавить", "казнь", "задушить", "заколоть",
                 "избиение", "расстрел", "выстрел", "огнестрельный", "избитый", "застреленный", "зарезанный",
                 "обезглавленный", "задушенный", "расстрелянный", "избить", "похититель", "выкуп",
                 "нападавший", "стрелок"}


# a brawl, clash or riot: its toll is not that of the attack the article is about (docs/coding.md §1),
# unless the article leads with the clash itself (15371: "В результате массовой драки … убиты семеро")
RIOT = {"беспорядки", "беспорядок"}
MUTINY = frozenset({"бунт", "мятеж", "восстание"})     # prisoners or soldiers rising: violence by itself
CLASH = {"драка", "столкновение", "потасовка", "стычка", "давка"} | RIOT
CAUSE = {("в", "результат"), ("в", "ход"), ("во", "время"), ("в", "время")}


def _clash_toll(sent: Sentence) -> bool:
    """"В результате драки с применением бит … травмы получили 14 человек"."""
    toks = sent.tokens
    return any((toks[i].lemma, toks[i + 1].lemma) in CAUSE and (
        any(t.lemma in CLASH for t in toks[i + 2:i + 5])
        # "беспорядки, в результате которых погибли 16 человек"
        or toks[i + 2:i + 3] and toks[i + 2].lemma == "который" and any(t.lemma in CLASH for t in toks[max(0, i - 6):i]))
        for i in range(len(toks) - 2))


@dataclass
class Segment:
    sentences: list[int] = field(default_factory=list)
    place: geo_link.Resolved | None = None
    own: bool = False                  # opened by an attack told in a town of its own ("взрыв … в городе X")
    recalled: bool = False             # opened by a past marker ("Днем ранее в Каспийске …")


def _attackers_among_victims(inc: Incident, statements: list[cas.Casualty], perps: list[Person]) -> None:
    """"Кулибали был убит": a dead victim named who is the attacker is the attacker's death."""
    names = {p.name for p in perps}
    _attackers_wounded(inc, statements, perps, names)
    # ("Личность убитого установлена: это 27-летний житель Баксана X", the attacker the forces killed: no
    # civilian among the dead, though the latest total stands)
    for c in statements:
        if c.fate == "killed" and c.group and c.group != "perpetrator" and _names_only(c, perps, names) \
                and [c.start, c.end] in inc.field_evidence.get(f"killed_by_group.{c.group}", []) \
                and [c.start, c.end] not in inc.field_evidence.get("killed", []):
            by_group = inc.killed_by_group
            by_group[c.group] = by_group.get(c.group, 0) - c.count
            if by_group[c.group] <= 0:
                del by_group[c.group]
                inc.field_evidence.pop(f"killed_by_group.{c.group}", None)
    dead = [v for v in inc.victims if v.name in names and v.fate == "killed"]
    if dead and len(dead) >= (inc.killed or 0) and any(
            c.fate == "killed" and c.count and c.group != "perpetrator" and not c.names for c in statements) \
            and any(c.fate == "killed" and c.names and _names_only(c, perps, names) for c in statements):
        # ("захватили заложников, убит охранник … Один из налетчиков, X, был застрелен снайпером": the toll is
        # the guard's, the attacker shot dead is no victim)
        inc.victims = [v for v in inc.victims if v not in dead]
        inc.perpetrators_killed = max(inc.perpetrators_killed or 0, len(dead))
        return
    if not dead or len(dead) >= (inc.killed or 0):
        return                                        # the only dead: the victim, wrongly taken for an attacker
    inc.victims = [v for v in inc.victims if v not in dead]
    told = [c for c in statements if c.fate == "killed" and _names_only(c, perps, names)]
    if inc.killed and len(told) == 1 and inc.field_evidence.get("killed") and \
            [told[0].start, told[0].end] in inc.field_evidence["killed"]:
        _uncount(inc, "killed", told[0].group, len(dead))  # counted among the killed by that very statement
    inc.perpetrators_killed = max(inc.perpetrators_killed or 0, len(dead))
    inc.field_evidence["perpetrators_killed"] = [[c.start, c.end] for c in told] or \
        inc.field_evidence.get("perpetrators_killed", [])


def _names_only(c: cas.Casualty, perps: list[Person], names: set[str]) -> bool:
    """The statement counts just the people it names, and they are these attackers."""
    return bool(c.names) and c.count == len(c.names) and all(
        any(m == (e.start, e.end) for p in perps if p.name in names for m in p.mentions) for e in c.names)


def _attackers_wounded(inc: Incident, statements: list[cas.Casualty], perps: list[Person], names: set[str]) -> None:
    """"Стрелявший, 26-летний Руслан Кулекбаев, был ранен и задержан": the attacker's wound is no victim's,
    and the statement naming only him leaves the toll."""
    hurt = [v for v in inc.victims if v.name in names and v.fate == "wounded"]
    if not hurt:
        return
    inc.victims = [v for v in inc.victims if v not in hurt]
    for c in statements:
        if c.fate == "wounded" and _names_only(c, perps, names) and [c.start, c.end] in \
                inc.field_evidence.get("wounded", []):
            inc.field_evidence["wounded"].remove([c.start, c.end])
            # (no fewer than another statement of the hurt counts alone: the total was the largest sentence's,
            # "ранил сотрудника милиции X" … "Ответным огнем Исмоилов был ранен")
            rest = max((o.count or 0 for o in statements if o is not c and o.fate == "wounded"
                        and [o.start, o.end] in inc.field_evidence["wounded"]), default=0)
            n = min(c.count, (inc.wounded or 0) - rest)
            if n > 0:
                _uncount(inc, "wounded", c.group, n)


def _uncount(inc: Incident, fate: str, group: str | None, n: int) -> None:
    """Take n people, who were the attackers, out of the victims' toll of a fate and their group (none left and no
    statement left to show for it: the toll is untold, not a zero)."""
    setattr(inc, fate, (getattr(inc, fate) or n) - n)
    if getattr(inc, fate) == 0 and not inc.field_evidence.get(fate):
        setattr(inc, fate, None)
        inc.field_evidence.pop(fate, None)
    by_group = getattr(inc, f"{fate}_by_group")
    if group and by_group.get(group):
        by_group[group] -= n
        if by_group[group] <= 0:
            del by_group[group]
            inc.field_evidence.pop(f"{fate}_by_group.{group}", None)


def _driver_was_bomber(inc: Incident, statements: list[cas.Casualty], text: str) -> None:
    """A suicide car bomb: "Водитель автомобиля … погиб" is the bomber's death, not a victim's."""
    for c in statements:
        if c.fate == "killed" and c.count == 1 and c.nominal and text[c.start:c.end].lower().startswith("водител"):
            _uncount(inc, "killed", c.group, 1)
            inc.perpetrators_killed = (inc.perpetrators_killed or 0) + 1
            inc.field_evidence["perpetrators_killed"] = [[c.start, c.end]]
            return


_OFFICES = frozenset(("police", "security_service", "military", "official"))


def _quoted_toll(analysis: Analysis, found: Extraction, seg: Segment, others: set[int], inc: Incident) -> None:
    """A toll the narrative leaves untold but an official tells in a quote among the incident's sentences
    ("Погибли трое полицейских. «Шестеро человек получили ранения», — сказал начальник полиции"): his
    figure is the record's. Not a claim, nor one of someone without an office, nor of a group."""
    offices = {r.normal for r in found.roles if r.group in _OFFICES and not r.kind_of_person}
    official = [(q.start, q.end) for q in found.quotes if q.role in offices and not q.extra.get("indirect")
                and not any(pat.search(q.role) for pat, _ in armed_groups())]
    if not official:
        return
    first, last = seg.sentences[0], seg.sentences[-1]
    near = [k for k in range(first, min(last + 2, len(analysis.sentences)))
            if k not in seg.sentences and k not in others
            and any(a < analysis.sentences[k].end and analysis.sentences[k].start < b for a, b in official)]
    said = [c for c in cas.find_casualties(analysis, found, near) if _inside(official, c.start, c.end)
            and not c.claim and c.group != "perpetrator"]
    if not said:
        return
    t = cas.tally(said)
    for fate in ("killed", "wounded"):
        # (or more than the narrative names one by one: "«23 человека погибли», — сказал представитель полиции.
        # Охранник мечети X … также погиб")
        if t[fate] and (getattr(inc, fate) is None or t[fate] > getattr(inc, fate) and not any(
                k == fate and any(_numbered(found, a, b) for a, b in v) for k, v in inc.field_evidence.items())):
            had = getattr(inc, fate) is not None
            setattr(inc, fate, t[fate])
            if t[f"{fate}_by_group"] or not had:      # (the named ones' groups stay a share of the total)
                setattr(inc, f"{fate}_by_group", t[f"{fate}_by_group"])
            inc.field_evidence.update({k: [list(x) for x in v] for k, v in t["evidence"].items()
                                       if k == fate or k.startswith(f"{fate}_by_group.")})


def _numbered(found: Extraction, start: int, end: int) -> bool:
    """A number stands in the span: the narrative counted, not only named."""
    return any(start <= n.start < end for n in found.numbers)


def _quote_spans(found: Extraction) -> list[tuple[int, int]]:
    """Spans of what people said, which tell no toll or act of their own; an official statement
    quoted ("…», — говорится в сообщении ЦОС ФСБ", "…», — сообщили в ГУВД") or an unnamed source's account is the
    report itself, not a quote."""
    from letopis.extract.quotes import ANONYMOUS, IMPERSONAL
    from letopis.nlp.morph import lemma
    # (an unnamed source's account, "…», — сказал собеседник", is the outlet's report too)
    return [(q.start, q.end) for q in found.quotes if not q.extra.get("indirect") and not q.extra.get("official")
            and lemma(q.extra.get("verb", "").lower()) not in IMPERSONAL
            and not (q.speaker is None and q.role and lemma(q.role.split()[0]) in ANONYMOUS)]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


@lru_cache(maxsize=1)
def _type_cue_index() -> dict[str, list[tuple[int, tuple[str, ...], str, str | None]]]:
    """type_cues() by first lemma: a sentence then tries only the cues that can start at each token
    instead of every cue at every token (the hot spot of `letopis extract`)."""
    index: dict[str, list[tuple[int, tuple[str, ...], str, str | None]]] = {}
    for n, (seq, typ, wcls) in enumerate(type_cues()):
        index.setdefault(seq[0], []).append((n, seq, typ, wcls))
    return index


# what blows up by accident ("взрыв бытового газа", "взорвался газовый баллон"): no bombing cue
_BLASTS = frozenset(("взрыв", "взорваться", "хлопок"))
THREAT = frozenset(("угрожать", "пригрозить", "грозить", "обещать", "пообещать"))
# an act planned or prevented, which did not happen: "готовил подрыв", "предотвратили теракт"
PLAN = frozenset(("готовить", "готовиться", "подготовить", "подготовка", "планировать", "спланировать", "замышлять",
                  "намереваться", "собираться", "предотвратить", "предотвращение", "пресечь",
                  # an order or a call is no act either: "отдал приказ стрелять на поражение", "призывал взрывать"
                  "приказ", "приказать", "разрешить", "призвать", "призывать"))
_GAS = frozenset(("газ", "газовый", "метан", "баллон", "котел", "котёл", "газопровод", "газовоздушный",
                  "газо-воздушный", "топливовоздушный", "пылевоздушный"))


def _set_off(sent: Sentence) -> bool:
    """"привел в действие самодельное взрывное устройство": a device set off, so it went off."""
    lemmas = [t.lemma for t in sent.tokens]
    # (not "планировал привести в действие СВУ во время праздника": a plot)
    return any(lem == "привести" and lemmas[k + 1:k + 3] == ["в", "действие"]
               and not set(lemmas[max(0, k - 3):k]) & (PLAN | THREAT | {"хотеть", "пытаться", "попытаться", "мочь"})
               for k, lem in enumerate(lemmas))


def _gas_blast(toks: list, k: int) -> bool:
    return toks[k].lemma in _BLASTS and bool(_GAS & {t.lemma for t in toks[k + 1:k + 4]})


# "погибли 14 человек, включая смертника": the toll holds the attacker, who is no victim
_TOLL_HOLDS = re.compile(r"[\s,]*(?:включая|в\s+том\s+числе|среди\s+них)\s+(?:сам(?:ого|их|у|ой)\s+)?"
                         r"(?:(?P<n>(?!сам)\S+)\s+)?(?:сам(?:ого|их|у|ой)\s+)?"
                         r"(?P<who>смертни\w*|нападавш\w*|террорист\w*|стрелк\w*|стрелявш\w*|боевик\w*|"
                         r"злоумышленник\w*|подрывник\w*|захватчик\w*)", re.I)


def _attackers_in_the_toll(inc: Incident, text: str, found: Extraction) -> None:
    """A killed total that holds its attackers gives them up: they count as perpetrators killed."""
    ev = inc.field_evidence.get("killed") or []
    if not inc.killed or len(ev) != 1 or inc.perpetrators_killed:
        return
    m = _TOLL_HOLDS.match(text, ev[0][1])
    if m is None:
        return
    n = next((x.value for x in found.numbers if m.group("n") and x.start == m.start("n")), None)
    if m.group("n") and n is None:
        return                        # "погибли пять человек, включая мать нападавшего": his kin, no attacker
    n = n or 1
    if n < inc.killed:
        inc.killed -= n
        inc.perpetrators_killed = n
        inc.field_evidence["perpetrators_killed"] = [[m.start("who"), m.end("who")]]


def _threatened(toks: list, i: int) -> bool:
    """Token i is what a threat or a plan names: right after "угрожал", "готовил", "предотвратили", or
    in its infinitive's object ("угрожал взорвать бомбу", "планировал совершить теракт"), with no
    punctuation between (the object may run on, "планировал совершить террористический акт путём подрыва")."""
    for k in range(i - 1, max(-1, i - 8), -1):
        if toks[k].text in _QUOTE_MARKS:
            continue                                  # 'отдал приказ «стрелять на поражение»'
        if not toks[k].text[:1].isalnum():
            return False
        if toks[k].lemma in THREAT or toks[k].lemma in PLAN:
            # (or counted: "предотвращено 11 терактов", "предотвратили более 30 терактов")
            between = [t for t in toks[k + 1:i] if t.text not in _QUOTE_MARKS]
            return not between or any("INFN" in t.tag for t in between) or all(
                t.text.isdigit() or "NUMR" in t.tag or t.lemma in _ABOUT for t in between)
    return False


_NAME_CUES = frozenset(("шахид",))              # cue words that are also common first names
_QUOTE_MARKS = frozenset(("«", '"', "„", "“"))
_ABOUT = frozenset(("более", "около", "свыше", "порядка", "почти", "менее"))


# a drill acts nothing out: "учения, в ходе которых отрабатывалось освобождение заложников", "По легенде,
# террористы захватили заложников"
_DRILL = frozenset(("тренировка", "отрабатывать", "отрабатываться", "отработать", "легенда", "условный", "инсценировать",
                    "инсценировка", "имитировать", "имитация"))


def _drill(sent: Sentence) -> bool:
    # ("прошли антитеррористические учения": the plural the tagger may read as a genitive singular)
    return any(t.lemma in _DRILL or t.lemma == "учение" and ("plur" in t.tag or t.text.lower() in ("учения", "учений"))
               for t in sent.tokens)


_SHOTS = frozenset({"выстрелить", "выстрел", "стрелять", "застрелить"})
# what is undermined, not blown up: "подорвать экономику", "подрывает доверие"
_UNDERMINED = frozenset({"экономика", "доверие", "авторитет", "репутация", "позиция", "стабильность", "основа",
                         "влияние", "мораль", "боеспособность", "усилие", "здоровье", "имидж", "суверенитет",
                         "строй", "легитимность", "престиж", "единство"})


def _type_hits(sent: Sentence) -> list[tuple[str, str | None, int, int]]:
    if _drill(sent):
        return []
    lemmas = [t.lemma for t in sent.tokens]
    index = _type_cue_index()
    found = []                                           # (cue order, token, hit): sorted as cue by cue
    for i, lem in enumerate(lemmas):
        tail = lem.rsplit("-", 1)[-1] if "-" in lem else lem   # "террорист-смертник" is a "смертник"
        entries = index.get(lem, ())
        if not entries and (tail == lem or tail not in index):
            continue                                     # most words cue nothing
        if _gas_blast(sent.tokens, i):
            continue                                     # "взрыв газового баллона": a gas blast, no bomb
        if _threatened(sent.tokens, i):
            continue                                     # "угрожал взорвать бомбу": a threat, no bombing
        if lem in ("подорвать", "подрывать") and any(x.lemma in _UNDERMINED for x in sent.tokens[i + 1:i + 4]):
            continue                                     # "чтобы подорвать экономику районов": undermine, no blast
        if lem in _SHOTS and i + 1 < len(lemmas) and lemmas[i + 1] == "себя":
            continue                                     # "выстрелил себе в голову": a suicide, no attack
        if lem in _NAME_CUES and i and sent.tokens[i].text[:1].isupper():
            continue                                     # "представитель правительства Шахид Ринд": a first name
        for n, seq, typ, wcls in entries:
            if len(seq) == 1:
                found.append((n, i, (typ, wcls, sent.tokens[i].start, sent.tokens[i].end)))
                continue
            end = _match_from(sent, lemmas, i, seq)
            if end is not None:
                found.append((n, i, (typ, wcls, sent.tokens[i].start, sent.tokens[end].end)))
        if tail != lem:                                  # a one-word cue matches the tail too
            found += [(n, i, (typ, wcls, sent.tokens[i].start, sent.tokens[i].end))
                      for n, seq, typ, wcls in index.get(tail, ()) if len(seq) == 1]
    found.sort(key=lambda x: (x[0], x[1]))
    hits = [hit for _, _, hit in found]
    # "Судно … было захвачено вместе с экипажем", "самолет захвачен": a craft with people on board seized
    for k, t in enumerate(sent.tokens):
        if t.lemma == "захватить" and "PRTS" in t.tag and any(x.lemma in _CRAFTS for x in sent.tokens[:k]) \
                and not any(h[0] == "hijacking" for h in hits):
            hits.append(("hijacking", None, t.start, t.end))
    return hits


def _match_from(sent: Sentence, lemmas: list[str], i: int, seq: tuple[str, ...]) -> int | None:
    """Index of the last token of `seq` matched from token i; up to two adjectives may stand between a
    head noun and its dependent ("ударов американских дронов" matches "удар дрон")."""
    k = i
    for n, lem in enumerate(seq):
        if n:
            skipped = 0
            while k < len(lemmas) and lemmas[k] != lem and skipped < 2 and any(
                    p in sent.tokens[k].tag for p in ("ADJF", "PRTF")):
                k += 1
                skipped += 1
        if k >= len(lemmas) or lemmas[k] != lem:
            return None
        k += 1
    return k - 1


_FOUND_FORMS = ("нашл", "нашё", "наше", "найд", "обнаруж", "изъя", "изым")
_ATTACKER_FORMS = ("нападавш", "стрелк", "стрелявш", "террорист", "преступник", "злоумышленник", "боевик", "убийц",
                   "поджигател", "угонщи", "исполнител")


def _found_word(t) -> bool:
    """"нашли", "обнаружили", "изъяли" (by form too: the lemmatizer reads "нашли" as "наслать")."""
    return t.lemma in FOUND or t.text.lower().startswith(_FOUND_FORMS)


def _attacker_word(t) -> bool:
    """An attacker's noun or a pronoun; by form too, as "нападавший" has the lemma "нападать"."""
    return t.lemma in ATTACKER_WORDS or t.text.lower().startswith(_ATTACKER_FORMS)


def _attackerish(t) -> bool:
    """An attacker's word that names him: not "он", "они" or "мужчина", which name anyone."""
    return t.lemma not in ("он", "они", "мужчина") and _attacker_word(t)


def _may_be_nominative(t) -> bool:
    """Any reading of the word is nominative ("Стрелок был застрелен": the tagger's first reading is
    "стрелок", arrows, in the genitive plural)."""
    return _reads_as(t, "nomn")


def _reads_as(t, case: str, readings: int | None = None) -> bool:
    """The token's tag, or one of its first `readings` dictionary readings (all when None), is in `case`."""
    from letopis.nlp.morph import parse
    return case in t.tag or any(p.tag.case == case for p in parse(t.text.lower())[:readings])


def _security_act(sent: Sentence, start: int) -> bool:
    """The cue at `start` is force used by the police against the attacker, not the attack itself."""
    toks = sent.tokens
    i = token_at(toks, start)
    if i is None:
        return False
    if toks[i].lemma in ("выстрелить", "стрелять", "открыть") and any(
            toks[k].lemma == "в" and _attackerish(toks[k + 1])
            for k in range(i + 1, min(i + 5, len(toks) - 1))):
        return True                                   # "выстрелил в нападавшего"
    if toks[i].lemma == "открыть" and _security_subject(toks, i) and (
            any(_attackerish(x) for x in toks[i + 1:i + 8]) or not any(x.lemma == "по" for x in toks[i + 1:i + 4])):
        return True                                   # "патруль полиции открыл огонь и ранил нападавшего", "один из
        #                                               полицейских открыл огонь" (at no one named)
    if _attackerish(toks[i]) and i and toks[i - 1].lemma in POLICE_ACTS and _security_subject(toks, i - 1):
        return True                                   # "… и ранил нападавшего в ногу": the attacker, shot
    if toks[i].lemma in ("выстрелить", "стрелять") and (_security_subject(toks, i) or any(
            _attackerish(x) and "datv" in x.tag for x in toks[i + 1:i + 3])):
        return True                                   # "полицейский выстрелил нападавшему в ногу"
    if toks[i].lemma == "выстрел" and i and toks[i - 1].lemma in ("произвести", "сделать") and any(
            _security_actor(toks, k, ("nomn",)) for k in range(max(0, i - 5), i - 1)):
        return True                                   # "Второй патрульный произвел выстрел на поражение"
    if toks[i].lemma == "выстрел" and i and toks[i - 1].lemma == "предупредительный":
        return True                                   # "после предупредительного выстрела в воздух": the forces'
    if toks[i].lemma == "огнестрельный" and any(x.lemma == "получить" for x in toks[max(0, i - 3):i]) and any(
            _attackerish(x) and _may_be_nominative(x) for x in toks[max(0, i - 5):i]):
        return True                                   # "Нападавший получил огнестрельные ранения": the police shot
    if toks[i].lemma == "штурм" and any(x.lemma in _FREED for x in toks[max(0, i - 3):i + 4]):
        return True                                   # "штурмом освободили заложников": the rescue
    if toks[i].lemma not in POLICE_ACTS:
        return False
    if _hazard_cleared(toks, i):
        return False
    if _security_subject(toks, i):
        return True                                   # "которого застрелили сотрудники полиции"
    if "PRTS" in toks[i].tag and toks[i].lemma in SECURITY_KILLS and any(
            _attackerish(x) and _may_be_nominative(x) for x in toks[max(0, i - 3):i]):
        return True                                   # "Нападавший застрелен": the attacker, shot by the police
    if "PRTS" in toks[i].tag and toks[i].lemma in SECURITY_KILLS and _attackerish(toks[0]) \
            and _may_be_nominative(toks[0]) and not any("VERB" in x.tag and x.lemma != "быть" or "PRTS" in x.tag
                                                        for x in toks[1:i]) \
            and any("ablt" in x.tag and "anim" in x.tag for x in toks[i + 1:i + 6]):
        return True                                   # "Нападавший, 26-летний житель Тайбе X, был застрелен … охранником"
    if "PRTS" in toks[i].tag and any(_security_actor(toks, k, ("ablt",)) for k in range(i + 1, min(len(toks), i + 4))):
        return True                                   # "Один из нападавших был застрелен полицией"
    if cas.operation_kill(toks, i) and not _force_nominative_near(toks, i):
        return True                                   # "во время спецоперации застрелен Магомед Алиев"
    near = toks[max(0, i - 4):i + 4]
    agent = _force_near(toks, i)
    target = any(_attacker_word(x) and ("accs" in x.tag or "nomn" in x.tag) for x in near if x is not toks[i])
    # ("затем его застрелили"; not "его застрелили двое неизвестных", the subject named after the verb)
    impersonal = "plur" in toks[i].tag and "VERB" in toks[i].tag and any(
        x.lemma in ("он", "его", "их") for x in toks[max(0, i - 3):i + 2]) and not any(
        "nomn" in x.tag and part_of_speech(x.tag) in ("NUMR", "NOUN") for x in toks[i + 1:i + 3])
    return (agent and target) or impersonal or (agent and toks[i].lemma == "перестрелка")


# heads of a phrase naming a security force by its people or unit ("сотрудники полиции", "наряд ДПС")
_FREED = frozenset({"освободить", "освобождение", "освобождённый", "освобожденный", "вызволить"})
_STAFF = {"сотрудник", "офицер", "агент", "наряд", "патруль", "отряд", "подразделение", "спецназ"}


# an arrest or an operation of the forces: "на предложение сдаться", "при задержании", "блокировали дом"
_ARREST = frozenset({"сдаться", "задержание", "блокировать", "заблокировать", "контртеррористический", "кто",
                     "спецоперация", "штурм"})


# those who riot: "группа хулиганов напала на юрту", "участники беспорядков подожгли здание"
_RIOTERS = frozenset({"хулиган", "погромщик", "бунтовщик", "митингующий", "протестующий", "демонстрант", "манифестант",
                      "толпа"})


def _rioters_act(sent: Sentence, start: int) -> bool:
    """The act at `start` is done by rioters: one of _RIOTERS, or "участники беспорядков", names its doer
    within the five words before it."""
    toks = sent.tokens
    k = token_at(toks, start, len(toks))
    before = toks[max(0, k - 5):k]
    if any(t.lemma in _RIOTERS or t.lemma == "участник" and j + 1 < len(before) and before[j + 1].lemma in RIOT
           for j, t in enumerate(before)):
        return True
    # ("толпа в несколько тысяч человек захватила и подожгла здание": the crowd, its verbs joined)
    lo = next((j + 1 for j in range(k - 1, max(-1, k - 11), -1) if toks[j].text in ",;:."), max(0, k - 10))
    return any(t.lemma == "толпа" and "nomn" in t.tag for t in toks[lo:k])


_RIDERS = re.compile(r"(?:ожидавш|ожидающ|ждавш|ждущ|остановк)\w*\s+(?:[а-яё]+\s+){0,2}$", re.I)


def _found_burnt(sent: Sentence, hit: tuple) -> bool:
    """"автомобиль, из которого велся огонь, был обнаружен сожженным": the attackers' car found burnt, no arson
    told (an arson's participle where the sentence tells a find)."""
    if hit[0] != "arson":
        return False
    toks = sent.tokens
    k = token_at(toks, hit[2], len(toks))
    return k < len(toks) and part_of_speech(toks[k].tag) in ("PRTF", "PRTS", "ADJF") and any(_found_word(t) for t in toks)


def _service_weapon_on_attacker(sents: list[Sentence], w) -> bool:
    """"применил табельное оружие и ранил нападавшего": the police's own gun, turned on the attacker
    (docs/coding.md §4), not the attack's weapon (an officer's insider attack has no attacker for object)."""
    if "табельн" not in w.text.lower():
        return False
    sent = next((s for s in sents if s.start <= w.start < s.end), None)
    # (the attacker the object, or the one who fell: "Сотрудник полиции применил табельное оружие, нападавший погиб")
    return sent is not None and any(_attacker_word(t) and ("nomn" not in t.tag or t.start > w.end)
                                    and t.lemma not in ("он", "его", "их", "они") for t in sent.tokens)


def _found_unused(sent: Sentence, hit: tuple) -> bool:
    """"в салоне нашли охотничий нож, однако применить его водитель не успел": a blade or gun found, with
    nobody hurt in the sentence, is no method of the attack."""
    if hit[1] not in ("melee", "firearms"):
        return False
    toks = sent.tokens
    k = token_at(toks, hit[2], len(toks))
    return k < len(toks) and "NOUN" in toks[k].tag and any(_found_word(t) for t in toks) \
        and not any(cues().get(t.lemma) in ("killed", "wounded") for t in toks)


def _case_named(sent: Sentence, start: int) -> bool:
    """The act at `start` names a criminal case: "По факту вооруженного нападения … возбуждены уголовные дела"."""
    toks = sent.tokens
    k = token_at(toks, start, len(toks))
    return any(toks[j].lemma == "по" and toks[j + 1].lemma == "факт" for j in range(max(0, k - 3), k)) \
        and any(t.lemma in ("дело", "возбудить") for t in toks)


def _told_in(analysis: Analysis, sents: list[Sentence]) -> geo_link.Resolved | None:
    """The first region or country the sentences name as a location ("в сирийской провинции Дейр-эз-Зор", a
    province named like its town), as a region."""
    text = analysis.text
    r = next((r for s in sents for r in geo_link.mentions(analysis, s.start, s.end)
              if r.country and (r.kind in ("country", "region") or geo_link._region_word_before(text, r.start))
              and _STRICT_LOCATIVE.search(text, max(0, r.start - 40), r.start)), None)
    return dataclasses.replace(r, city=None, lat=None, lon=None, region=r.region or r.name, kind="region") \
        if r is not None and r.kind == "city" else r


def _claimed(sents: list[Sentence]) -> bool:
    """A sentence tells the attack claimed: "ответственность … взяло на себя", "взяла на себя ответственность"."""
    return any(any(t.lemma == "ответственность" for t in s.tokens) and any(t.lemma == "взять" for t in s.tokens)
               and not any(t.lemma == "не" for t in s.tokens) for s in sents)


def _operation_led(analysis: Analysis) -> bool:
    """The title or the lead's first sentence tells a counter-terrorist or special operation ("в ходе КТО",
    "в ходе контртеррористической операции", "спецоперация")."""
    for s in _lead(analysis, 1):
        lem = [t.lemma for t in s.tokens]
        if "спецоперация" in lem or "кто" in lem and "КТО" in analysis.text[s.start:s.end] or any(
                a == "контртеррористический" and b == "операция" for a, b in zip(lem, lem[1:])):
            return True
    return False


def _resisting(sent: Sentence, start: int) -> bool:
    """The act at `start` is fire opened on the forces come to arrest: "На предложение сложить оружие и
    сдаться они открыли огонь по силовикам" (those killed then are the militants: an operation)."""
    toks = sent.tokens
    k = token_at(toks, start, len(toks))
    # (or at no one named: "на предложение сдаться открыли огонь из автоматического оружия")
    after = range(k, min(k + 5, len(toks) - 1))
    return any(t.lemma in _ARREST for t in toks) and (any(
        toks[j].lemma == "по" and (toks[j + 1].lemma in ("силовик", "правоохранитель") or
                                   _security_actor(toks, j + 1, ("datv",)))
        for j in after) or toks[k].lemma in ("открыть", "огонь", "стрелять", "отстреливаться", "стрельба")
        and not any(toks[j].lemma == "по" for j in after))


def _security_subject(toks: list, i: int) -> bool:
    """The verb at i is done by the police or another security force: a nominative within three
    words names one ("застрелили сотрудники полиции", "полицейские ранили"). Only a finite verb
    has such a subject: with a participle or a noun ("застреленный", "перестрелка") the nominative
    may be the victim."""
    if "VERB" not in toks[i].tag:
        return False
    if _force_nominative_near(toks, i):
        return True
    # "один из полицейских открыл огонь": one of the force
    if any(toks[k].lemma == "один" and "nomn" in toks[k].tag and toks[k + 1].lemma == "из"
           and _security_actor(toks, k + 2, ("gent",)) for k in range(max(0, i - 5), i - 2)):
        return True
    # "патруль полиции открыл огонь и ранил нападавшего": the subject of the verb it is joined to
    if i > 1 and toks[i - 1].lemma == "и":
        k = next((k for k in range(i - 2, max(-1, i - 6), -1) if "VERB" in toks[k].tag or toks[k].text in (",", ";")), None)
        return k is not None and "VERB" in toks[k].tag and _force_nominative_near(toks, k)
    return False


def _force_nominative_near(toks: list, i: int) -> bool:
    """A nominative within three words of token i names a security force (its subject beside a finite
    verb; beside a passive, the one it befell: "во время спецоперации застрелен сотрудник полиции")."""
    return any(_security_actor(toks, k, ("nomn",)) for k in range(max(0, i - 3), min(len(toks), i + 4)) if k != i)


def _force_near(toks: list, i: int) -> bool:
    """A security force acts within four tokens of token i: "полицейскими" (by), "с полицией"
    (with), "сотрудниками ФСБ"; not the victims "двух сотрудников полиции"."""
    near = toks[max(0, i - 4):i + 4]
    return any(_security_actor(near, k, ("nomn", "ablt")) for k in range(len(near)) if near[k] is not toks[i])


def _may_be_instrumental(t) -> bool:
    return "NOUN" in t.tag and t.text[:1].islower() and _reads_as(t, "ablt", 4)


def _security_actor(toks: list, k: int, cases: tuple[str, ...]) -> bool:
    """Token k, in one of `cases`, names a security force: a police/security/military word
    ("полицейские", "полицией", "ФСБ"), or a head of _STAFF before one ("сотрудники полиции")."""
    from letopis.incidents.tables import groups
    t = toks[k]
    # (any reading in the case: "застрелен … полицейским" read as a plural dative)
    if not any(c in t.tag for c in cases) and not ("ablt" in cases and _may_be_instrumental(t)):
        return False
    g = groups()
    return g.get(t.lemma) in SECURITY_GROUPS or (
        t.lemma in _STAFF and k + 1 < len(toks) and g.get(toks[k + 1].lemma) in SECURITY_GROUPS)


_HABITUAL = frozenset(("регулярно", "постоянно", "часто", "неоднократно", "нередко", "периодически"))
_WENT_OFF = frozenset(("увезти", "уехать", "уйти", "скрыться", "направиться", "умчаться", "уплыть"))
_DENIED = frozenset(("отвергать", "отвергнуть", "отрицать", "опровергать", "опровергнуть"))
_STATES = frozenset(("государство", "страна", "власть", "правительство", "режим"))


def _forces_destroyed(sent: Sentence, k: int) -> bool:
    """"в результате атаки были уничтожены «более 20 военнослужащих»": the forces, or the official it aimed at, are
    who a group says it killed."""
    from letopis.incidents.tables import groups
    from letopis.incidents.tables import targets
    # (not "покончил с собой до прибытия полиции": a killing verb's object; nor "ликвидировали высокопоставленного
    # чиновника режима талибов", the group's claim of its victim)
    after = sent.tokens[k + 1:k + 6]
    return sent.tokens[k].lemma in SECURITY_KILLS and (
        any(groups().get(x.lemma) in SECURITY_GROUPS for x in after if "NOUN" in x.tag and "plur" in x.tag)
        or any(x.lemma in targets() and ("accs" in x.tag or "gent" in x.tag) for x in after[:3]))


def _thing_destroyed(sent: Sentence, k: int) -> bool:
    """"Взорвавшийся автомобиль полностью уничтожен": a thing destroyed, not an attacker killed."""
    toks = sent.tokens
    if toks[k].lemma not in ("уничтожить", "ликвидировать"):
        return False
    if _hazard_cleared(toks, k):
        return True
    if any(_attacker_word(t) for t in toks[max(0, k - 4):k + 4]):
        return False
    # the passive's subject: the nearest common noun in the nominative before it ("автомобиль «Тойота
    # Камри» … уничтожен"; not "Шали" of "17-летний житель Шали, был ликвидирован"), or right after it
    # ("огнем уничтожен архив")
    def subject(t) -> bool:
        return "NOUN" in t.tag and "nomn" in t.tag and not any(x in t.tag for x in ("Name", "Surn", "Fixd", "Geox"))
    for t in [*reversed(toks[max(0, k - 6):k]), *toks[k + 1:k + 3]]:
        if subject(t):
            return "inan" in t.tag
    # (the object the forces destroyed: "уничтожили над Красным морем три беспилотника и две ракеты")
    in_phrase = False                                 # (past a preposition's phrase: "в ходе операции")
    for t in toks[k + 1:k + 9]:
        if t.text in (",", ";", "."):
            break
        if "PREP" in t.tag:
            in_phrase = True
            continue
        if "NOUN" in t.tag:
            if in_phrase:
                in_phrase = t.lemma in ("ход",)       # "в ходе спецоперации": two nouns
                continue
            if ("accs" in t.tag or "gent" in t.tag) and not any(x in t.tag for x in ("Name", "Surn", "Geox")):
                return "inan" in t.tag
    return False


def _hazard_cleared(toks: list, k: int) -> bool:
    """"Возгорание на площади около 5 кв. метров ликвидировали сотрудники МЧС": a fire put out, no
    one killed (a hazard word near the verb, in its sentence)."""
    if toks[k].lemma not in SECURITY_KILLS:
        return False
    lo = max(0, k - 10)
    # ("Огонь ликвидировали к 16:40", "огонь уничтожил кабинет": a fire; not "открыли огонь по силовикам")
    return any(x.lemma in HAZARDS or x.lemma == "огонь" and not _gunfire(toks, j)
               for j, x in enumerate(toks[lo:k + 4], lo))


def _gunfire(toks: list, j: int) -> bool:
    """"открыли огонь", "ответным огнем", "огонь по полицейским": shots, not a fire."""
    return j > 0 and toks[j - 1].lemma in ("открыть", "открывать", "ответный", "вести", "прицельный", "огневой") \
        or j + 1 < len(toks) and toks[j + 1].lemma in ("по", "из")


# harm done to oneself: "нанёс себе несколько ударов ножом", "выстрелил себе в голову"
_SELF_HARM_VERBS = frozenset({"нанести", "наносить", "выстрелить", "перерезать", "застрелить", "поджечь",
                              "ранить", "вонзить"})
_DIED = frozenset({"погибнуть", "скончаться", "умереть", "гибель", "смерть"})
_FATAL_SPOTS = frozenset({"голова", "висок", "рот", "сердце"})
_SURVIVED = frozenset({"выжить", "уцелеть", "госпитализировать", "ранить", "ранение", "реанимация", "больница"})


def _died_by_own_hand(sent: Sentence):
    """The death cue of a sentence that tells someone died of harm done to himself ("Подросток погиб на
    месте после того, как нанёс себе несколько ударов ножом"): in an attack's story, the attacker."""
    toks = sent.tokens
    died = next((t for t in toks if t.lemma in _DIED), None)
    if died is None:
        # "После нападения Росляков выстрелил себе в голову": a shot no one survives, unless the text says so
        if any(t.lemma in _SURVIVED for t in toks):
            return None
        return next((toks[k - 1] for k in range(1, len(toks) - 2) if toks[k].lemma in ("себя", "себе")
                     and toks[k - 1].lemma in ("выстрелить", "застрелить") and toks[k + 1].lemma in ("в", "во")
                     and toks[k + 2].lemma in _FATAL_SPOTS), None)
    for k, t in enumerate(toks):
        if t.lemma in ("себя", "себе") and any(x.lemma in _SELF_HARM_VERBS for x in toks[max(0, k - 2):k]):
            return died
    return None


def _cue_words(sent: Sentence, hit: tuple) -> str:
    """The words of a type cue's hit."""
    return " ".join(t.text for t in sent.tokens if hit[2] <= t.start < hit[3])


def _thing_taken(sent: Sentence, start: int) -> bool:
    """"похищенный у полиции вертолёт", "похитили оружие": a theft, not a kidnapping."""
    toks = sent.tokens
    i = token_at(toks, start)
    if i is None or toks[i].lemma not in ("похитить", "похищение", "похищенный", "захватить", "захват"):
        return False
    if "PRTF" in toks[i].tag and "pssv" in toks[i].tag and i > 1 and toks[i - 1].text == ",":
        # "журналист Дзюмпэй Ясуда, похищенный в Сирии летом 2015 года": the participle's noun stands before
        noun = next((t for t in reversed(toks[max(0, i - 5):i - 1]) if "NOUN" in t.tag or "Name" in t.tag
                     or "Surn" in t.tag or not t.tag), None)
        if noun is not None:                          # (a capitalised word there is a name the dictionary misreads)
            return "inan" in noun.tag and not ({"Name", "Surn"} & set(noun.tag.replace(" ", ",").split(","))) \
                and not (noun.text[:1].isupper() and "Geox" not in noun.tag and "Orgn" not in noun.tag)
    for n, t in enumerate(toks[i + 1:i + 6], i + 1):
        if "NOUN" in t.tag and any(c in t.tag for c in ("loct", "ablt", "datv")):
            continue                                  # "похищение в августе …": a time or place, not the object
        if "NOUN" in t.tag and "inan" in t.tag and any("PRTF" in x.tag and "actv" in x.tag for x in toks[i + 1:n]):
            continue                                  # "похитили служившего мессу священника": the participle's object
        if "NOUN" in t.tag and t.lemma not in ("полиция", "милиция", "склад", "база"):
            return "inan" in t.tag and t.lemma not in ("заложник",)
    # a participle before a substantivised one that agrees with it and no noun: the thing taken is
    # that word ("продавал похищенные данные"), the subject before is the thief
    if "PRTF" in toks[i].tag and i + 1 < len(toks) and _substantive(toks[i], toks[i + 1]):
        return True
    # no object after it ("стоимость похищенного"): a kidnapping names someone
    # taken, an animate noun, a name or a pronoun before it (all the subject before "был похищен")
    before = toks[:i] if "PRTS" in toks[i].tag else toks[max(0, i - 4):i]
    return not any("anim" in t.tag or "Name" in t.tag or "Surn" in t.tag or t.lemma in _PERSONAL
                   for t in before + toks[i + 1:i + 6])


def _substantive(part: Token, nxt: Token) -> bool:
    """`nxt` is an adjective or participle used as a noun, agreeing with the participle `part`."""
    if not any(p in nxt.tag for p in ("ADJF", "PRTF")) or "anim" in nxt.tag:
        return False
    return all((g in part.tag) == (g in nxt.tag) for g in ("sing", "plur") + CASES)


_PERSONAL = {"он", "она", "они", "я", "мы", "вы", "ты"}
# "хакерская атака", "кибератака": no violence against people or property
_SMOKE = frozenset(("угарный", "дым", "горение", "продукт"))
_NOT_PHYSICAL = {"хакерский", "компьютерный", "информационный", "сетевой", "кибер", "ddos", "dos", "психический"}


def _attack_hits(sent: Sentence) -> list[tuple[str, str | None, int, int]]:
    """Type cues of the attack itself: not police fire at the attacker, not weapons only found."""
    found_only = any(_found_word(t) for t in sent.tokens)
    dummy = any(t.lemma in DUMMY for t in sent.tokens)      # "Граната оказалась муляжом": no weapon
    out = []
    for h in _type_hits(sent):
        if dummy and h[1] in ("explosives", "firearms"):
            continue
        if any(t.lemma == "приговор" and h[3] <= t.start < h[3] + 20 for t in sent.tokens):
            continue                                  # "были расстреляны по приговору суда": an execution
        k = next((n for n, t in enumerate(sent.tokens) if t.start >= h[3]), len(sent.tokens))
        if any(t.lemma in ANIMALS for t in sent.tokens[k:k + 2]):
            continue                                  # "жертвой нападения собаки": an animal, no attacker
        if _security_act(sent, h[2]):
            continue
        # (a cue that names what was seized is no theft: "захватила школу" is a siege of the people in it)
        if h[0] == "hostage_taking" and " " not in _cue_words(sent, h) and _thing_taken(sent, h[2]):
            continue
        k = next((n for n, t in enumerate(sent.tokens) if t.start >= h[2]), None)
        if k and sent.tokens[k - 1].lemma in _NOT_PHYSICAL:
            continue
        if k and h[0] == "bombing" and sent.tokens[k - 1].lemma in ("светошумовой", "учебный", "дымовой"):
            continue                                  # "применив светошумовую гранату": a stun grenade, no bomb
        if k and h[0] == "hostage_taking" and sent.tokens[k - 1].lemma == "бывший":
            continue                                  # "бывшие заложники": people once held, no act here
        if k is not None and sent.tokens[k].lemma == "отравление" and _SMOKE & {t.lemma for t in sent.tokens[k + 1:k + 4]}:
            continue                                  # "отравление угарным газом": a fire's smoke, no poison
        if k is not None and sent.tokens[k].lemma == "нож" and _knives_carried(sent, k):
            continue                                  # "запрет на ношение ножей в поездах": knives as such, no act
        if k and "PRTF" in sent.tokens[k].tag and sent.tokens[k - 1].lemma in KIN:
            continue                                  # "погиб брат стрелявшего": the shooter's kin, no act here
        if _none_of(sent, h[2]):
            continue                                  # "Задержание прошло без стрельбы": none
        if k is not None and cas.identification(sent.tokens, k):
            continue                                  # "застреленным мужчиной оказался …": not the attack
        if found_only and h[1] in ("explosives", "firearms") or \
                found_only and h[0] == "armed_assault" and h[1] is None:
            continue
        out.append(h)
    return out


# what is hijacked, with the people on board it
_CRAFTS = frozenset(("судно", "самолет", "самолёт", "лайнер", "автобус", "корабль", "танкер", "теплоход", "паром",
                     "поезд", "вертолет", "вертолёт", "балкер", "сухогруз"))


ATTEMPTS = frozenset({"пытаться", "попытаться", "попытка", "пробовать", "попробовать"})
_CROWD = frozenset({"толпа", "пешеход", "люди", "человек", "прохожий", "демонстрант", "участник", "посетитель",
                    "группа", "велосипедист", "велотурист", "турист", "ребенок", "ребёнок", "школьник"})
ANIMALS = frozenset({"собака", "пёс", "пес", "медведь", "акула", "волк", "тигр", "крокодил", "лев", "змея", "бык",
                     "слон", "леопард", "рысь", "кабан", "лось"})
DUMMY = frozenset({"муляж", "макет", "игрушечный", "ненастоящий", "бутафорский"})


def _dummy_classes(analysis: Analysis, found: Extraction, others: set[int] = frozenset()) -> set[str]:
    """Weapon classes the article says turned out fake: "Граната оказалась учебной / муляжом" (not in another
    incident's sentences: a digest's other grenade was real)."""
    out = set()
    for w in found.weapons:
        sent = analysis.sentence_at(w.start)
        if sent is not None and analysis.index_of(sent) in others:
            continue
        toks = sent.tokens if sent else ()
        k = next((i for i, t in enumerate(toks) if t.lemma == "оказаться" and t.start > w.end), None)
        fake = DUMMY | ({"учебный"} if w.cls == "explosives" else set())     # "учебная граната"
        if k is not None and any(t.lemma in fake for t in toks[k + 1:k + 3]):
            out.add(w.cls)
    return out


CARRIERS = {"воздушный", "пассажир", "экипаж"} | _CRAFTS


_SHELLS = frozenset({"mortar", "rocket", "projectile", "artillery"})
_SHELLING_CUE = ("артиллер", "миномет", "миномёт", "ракет", "танков")


def _shelling(hits: list, text: str, weapons: list) -> list:
    """"артиллерийский обстрел рынка", "обстреляли из минометов": shells fired at people are a bombing
    with explosives (GTD's projectiles), not the armed assault with firearms a bare "обстрел" is."""
    shells = any(w.kind in _SHELLS for w in weapons) or any(
        h[0] == "bombing" and text[h[2]:h[3]].lower().startswith(_SHELLING_CUE) for h in hits)
    if not shells or any(w.cls == "firearms" for w in weapons):
        return hits
    return [("bombing", "explosives", a, b) if typ == "armed_assault" and text[a:b].lower().startswith("обстрел")
            else (typ, wcls, a, b) for typ, wcls, a, b in hits]


def _carries_people(sents: list[Sentence], start: int) -> bool:
    for s in sents:
        if s.start <= start < s.end:
            i = token_at(s.tokens, start, 0)
            near = s.tokens[max(0, i - 4):i + 6]
            if "PRTF" in s.tokens[i].tag:
                # "на угнанном автобусе протаранила ворота": a vehicle stolen before, no people seized with it
                return any(t.lemma in ("пассажир", "экипаж", "заложник") for t in near)
            return any(t.lemma in CARRIERS for t in near)
    return False


_NEAR_A_BUILDING = frozenset({"у", "возле", "около", "здание", "рядом", "напротив", "близ", "вблизи"})


# what a public figure rides in or lives in, attacked for him: "обстреляли автомобиль главы района"
_TARGET_THINGS = frozenset({"автомобиль", "машина", "кортеж", "дом", "резиденция", "вертолет", "вертолёт", "самолет",
                            "самолёт"})


def _targeted(sents: list[Sentence], found: Extraction, analysis: Analysis | None = None) -> bool:
    """A public figure killed, wounded or attacked: "убит глава города", "покушение на депутата".
    Police officers killed on duty are not assassinated public figures."""
    from letopis.incidents.tables import targets
    persons = [e for e in analysis.entities if e.type == "PERSON"] if analysis is not None else []
    for s in sents:
        toks = s.tokens
        for i, t in enumerate(toks):
            if t.lemma == "покушение" and i + 2 < len(toks) and toks[i + 1].lemma == "на" and any(
                    toks[i + 2].start <= p.start < toks[min(i + 4, len(toks) - 1)].end for p in persons):
                return True                           # "покушение на Скрипаля": an attempt on a named person
            if t.lemma not in targets():
                continue
            role = next((r for r in found.roles if r.start <= t.start < r.end), None)
            if role is not None and role.group in SECURITY_GROUPS - {"military"}:
                continue
            if i + 1 < len(toks) and toks[i + 1].lemma in ("семья", "полиция", "следственный", "пресс-служба", "мвд"):
                continue
            if any(x.lemma in _NEAR_A_BUILDING for x in toks[max(0, i - 2):i]):
                continue                              # "у британского парламента", "у здания парламента": a place
            if any(x.lemma in _MOTIVE for x in toks[:i]):
                continue                              # "назвали теракт местью за гибель одного из их командиров"
            if any(x.lemma in ("утверждать", "заявлять", "хвастаться") for x in toks[:i]) and \
                    any(x.text == "«" for x in toks[:i]):
                continue                              # "Боевики утверждают, что убили «более 50 чиновников»": a boast
            if any(x.lemma in SPEECH for x in toks[max(0, i - 2):i]) or \
                    [x.lemma for x in toks[max(0, i - 2):i]] == ["по", "слово"]:
                continue                              # "Как сообщил губернатор провинции, погибли пятеро": the speaker
            if any(x.lemma == "среди" for x in toks[max(0, i - 5):i]) or _among(toks, i):
                continue                              # "Среди погибших — два журналиста", "Не менее девяти
                #                                       человек, в том числе священник": among the many, no target
            # "обстреляли служебный автомобиль главы района", "напали на депутата": the attack aimed at him or
            # at what he rides in or lives in (not "рядом с домом главы")
            # (a kidnapping is no attempt on a life: "похитили служившего мессу священника" is hostage-taking)
            # (or threw a bomb at it: "бросил гранату во двор частного дома судьи")
            j = next((j for j in range(max(0, i - 8), i) if (toks[j].lemma in ATTACK_VERBS - _SEIZE or toks[j].lemma in _THROW
                      and any(x.lemma in _THROWN for x in toks[j + 1:j + 3])) and "VERB" in toks[j].tag), None)
            h = i - 1                                 # past adjectives: "автомобиль бывшего депутата"
            while j is not None and h > j and "ADJF" in toks[h].tag:
                h -= 1
            if j is not None and (toks[h].lemma in _TARGET_THINGS or h == j or toks[h].lemma == "на") \
                    and not any("VERB" in x.tag or x.lemma in _NEAR_A_BUILDING | {"рядом", "возле", "около"}
                                for x in toks[j + 1:i]):
                return True
            # "президент Йемена Али Абдалла Салех был убит"; but not "прокурор начал расследование убийства"
            for j in range(max(0, i - 6), min(len(toks), i + 10)):
                if toks[j].lemma in KILL_WORDS and not any(
                        "VERB" in x.tag and x.lemma != "быть" and x.lemma not in KILL_WORDS
                        for x in toks[min(i, j) + 1:max(i, j)]):
                    return True
    return False


_THROW = frozenset(("бросить", "метнуть", "забросить", "перебросить", "кинуть"))
_THROWN = frozenset(("граната", "бутылка", "коктейль", "взрывчатка", "бомба", "снаряд"))
_MOTIVE = frozenset(("месть", "отомстить", "отместка", "возмездие"))
_SEIZE = frozenset(("похитить", "захватить", "угнать"))


def _among(toks: list, i: int) -> bool:
    """Token i is one of a count's list: "девять человек, в том числе священник", "включая депутата"."""
    # (down a list: "24 человека, в том числе трое военнослужащих и бывший депутат парламента")
    for k in range(i - 1, max(-1, i - 9), -1):
        if toks[k].lemma == "включая" or toks[k].lemma == "число" and k > 1 and toks[k - 2].lemma == "в":
            return True
        if toks[k].text in ".;:" or any(p in toks[k].tag for p in ("VERB", "PRTS", "GRND")):
            return False
    return False


def _poisoned_person(sents: list[Sentence], analysis: Analysis) -> bool:
    """"В отравлении Сергея и Юлии Скрипаль": a poisoning is aimed at the named person (an assassination
    attempt, docs/coding.md §3)."""
    persons = [e for e in analysis.entities if e.type == "PERSON"]
    for s in sents:
        for i, t in enumerate(s.tokens):
            if t.lemma in ("отравление", "отравить", "отравиться") and i + 1 < len(s.tokens):
                after = s.tokens[i + 1:i + 5]
                if any(after[0].start <= p.start < after[-1].end for p in persons):
                    return True
                # ("Акима Карасайского района пытались отравить": a public figure told before the verb)
                from letopis.incidents.tables import targets
                if "INFN" in t.tag and any(x.lemma in targets() and ("accs" in x.tag or "gent" in x.tag)
                                           for x in s.tokens[max(0, i - 6):i]):
                    return True
    return False


def _same_place_or_none(analysis: Analysis, sent: Sentence, seg: Segment) -> bool:
    """The sentence names no town, or the segment's own."""
    place = geo_link.place_in(analysis, sent.start, sent.end, city_only=True)
    return place is None or seg.place is not None and geo_link._fold(place.name) == geo_link._fold(seg.place.name)


def _remembered(toks: list, k: int) -> bool:
    """"приуроченные к 20-летию со дня теракта", "годовщина теракта", "в память о жертвах теракта": the act
    remembered, not told (a memorial's day is not the attack's)."""
    before = [t.lemma for t in toks[max(0, k - 3):k]]
    return "годовщина" in before or "память" in before or ("день" in before and any(
        "летие" in t.lemma or t.lemma == "годовщина" for t in toks[max(0, k - 5):k]))


def _event_only(sent: Sentence, quotes) -> bool:
    """"В пятницу … произошёл теракт", "Убийство произошло около 8 часов утра 14 февраля": an attack
    named without cue of method or toll."""
    toks = sent.tokens
    # (not one planned: "готовил теракт по заданию эмиссаров ИГ" is a plot, no attack to lend a day to)
    named = any((t.lemma in EVENT_NOUNS or (t.lemma in ACT_NOUNS and _happened(toks, k)))
                and not _inside(quotes, t.start, t.end) and not _threatened(toks, k) and not _remembered(toks, k)
                for k, t in enumerate(toks))
    return named and not any(cues().get(t.lemma) in ("killed", "wounded", "perp_dead") for t in toks) \
        and not _own_toll(sent) and not _type_hits(sent)


def _happened(toks: list[Token], k: int) -> bool:
    """The noun at k is the subject of "произошло/случилось/было совершено" (the act itself, not
    "обвинение в убийстве", "расследование нападения")."""
    # (past the act's genitive object: "Вооруженное ограбление отделения банка произошло")
    return any(t.lemma in HAPPEN for t in toks[max(0, k - 1):k + 3] if t is not toks[k]) or any(
        t.lemma in HAPPEN and all("gent" in x.tag for x in toks[k + 1:j]) for j, t in enumerate(toks[k + 3:k + 5], k + 3))


def _violent(analysis: Analysis, found: Extraction) -> list[int]:
    """Sentences that tell of violence (a casualty cue or an attack-type cue) outside boilerplate."""
    out = []
    quotes = _quote_spans(found)
    for i, s in enumerate(analysis.sentences):
        if analysis.ignored(s.start, s.end) or (analysis.title_span and s.end <= analysis.title_span[1]):
            continue
        has_cue = any((cues().get(t.lemma) in ("killed", "wounded", "perp_dead") or _took_lives(s.tokens, k))
                      and not _inside(quotes, t.start, t.end) for k, t in enumerate(s.tokens))
        has_type = any(not _inside(quotes, a, b) for _, _, a, b in _type_hits(s)) or _event_only(s, quotes)
        if not (has_cue or has_type) and any(t.lemma == "убийство" for t in s.tokens):
            view = cas.SentenceView(analysis, s, found, i)
            has_cue = any(cas._killing_noun(view, k) for k in range(len(s.tokens)))
        # ("В ночь на воскресенье в колонии вспыхнул бунт заключённых": a mutiny told, its day with it; "Участники
        # использовали биты и куски арматуры": weapons used)
        if has_cue or has_type or any(t.lemma in ("бунт", "мятеж") for t in s.tokens) or _weapons_used(found, s):
            out.append(i)
    # a sentence between two that tell the violence, telling its hour, is the act's too: "похитили трех
    # инженеров" … "в четверг около 18:30 … остановили на окраине города Турбат" … "открыли огонь по машине"
    # a paragraph that tells a road accident and no attack is none of the story's violence ("водитель ВАЗ-2114 не
    # справился с управлением … столкнулся с грузовиком. Водитель легкового автомобиля погиб на месте")
    out = [i for i in out if not _accident_paragraph(analysis, i)]
    told = set(out)
    # (and one that says no one was hurt, after one that tells the violence: "…задержали захватчика. «Никто из
    # заложников не пострадал», — заявила представитель прокуратуры")
    first = min(told, default=len(analysis.sentences))
    return sorted(told | {i for i in range(1, len(analysis.sentences) - 1) if i - 1 in told and i + 1 in told
                          and i not in told and _tells_when(found, analysis.sentences[i])}
                  | {i for i in range(first + 1, len(analysis.sentences)) if i not in told
                     and not analysis.ignored(analysis.sentences[i].start, analysis.sentences[i].end)
                     and cas.says_none(analysis, analysis.sentences[i])})


_CARRIED = frozenset(("ношение", "носить", "запрет", "запретить", "продажа", "продавать", "хранение", "покупка",
                      "купить", "пронести", "проносить"))


def _knives_carried(sent: Sentence, k: int) -> bool:
    """The knife at token k is carried, sold, banned or found, or knives in the plural with no one hurt or attacked in
    the sentence ("работникам, которым ножи нужны по роду деятельности")."""
    toks = sent.tokens
    # (or found on him: "В его рюкзаке полицейские нашли также кухонный нож, который он в ход не пустил")
    if any(t.lemma in _CARRIED for t in toks[max(0, k - 5):k]) or any(_found_word(t) for t in toks[max(0, k - 4):k]):
        return True
    return "plur" in toks[k].tag and not any(cues().get(t.lemma) in ("killed", "wounded") or t.lemma in ATTACK_VERBS
                                             for t in toks)


def _attack_on_someone(sents: list[Sentence]) -> bool:
    """"нападение на сотрудника патрульно-постовой службы", "напал на полицейского": an attack on a person (not a
    verdict's charge: "приговорил … за нападение на сотрудников")."""
    for s in sents:
        toks = s.tokens
        if any(t.lemma in JUDICIAL for t in toks):
            continue
        for k, t in enumerate(toks[:-2]):
            if t.lemma in ("нападение", "напасть") and toks[k + 1].lemma == "на" and not (k and toks[k - 1].lemma == "за") and any(
                    "NOUN" in x.tag and "anim" in x.tag and ("accs" in x.tag or "gent" in x.tag)
                    for x in toks[k + 2:k + 4]):
                return True
    return False


def _many_told(sent: Sentence) -> bool:
    """The sentence names attacks in the plural ("нападений", "терактов", "15 тыс. случаев"): several acts recalled or
    counted, none told."""
    return any(t.lemma in _MANY and "plur" in t.tag and "NOUN" in t.tag for t in sent.tokens)


# (not "взрывах на Бостонском марафоне", "обстрелы": the blasts or the fire of one attack)
_MANY = cas._ACTS - {"взрыв", "обстрел"} | {"случай"}


_ROAD_ACCIDENT = re.compile(r"\bДТП\b|\bавари[ияюей]\w*|не\s+справил\w*\s+с\s+управлением|столкнул\w*\s+с\s+"
                            r"(?:грузовик|автомобил|автобус|машин|поезд|фур)", re.I)


def _accident_paragraph(analysis: Analysis, i: int) -> bool:
    """Sentence i's paragraph tells a road accident, and none of its sentences an attack."""
    text, sents = analysis.text, analysis.sentences
    lo = text.rfind("\n", 0, sents[i].start) + 1
    hi = text.find("\n", sents[i].end)
    hi = len(text) if hi < 0 else hi
    if not _ROAD_ACCIDENT.search(text, lo, hi):
        return False
    return not any(_attack_hits(s) for s in sents if lo <= s.start < hi)


def _weapons_used(found: Extraction, sent: Sentence) -> bool:
    """A weapon the sentence's "использовать" takes: "Участники использовали биты и куски арматуры"."""
    toks = sent.tokens
    used = [t.end for t in toks if t.lemma == "использовать" and "VERB" in t.tag]
    return bool(used) and any(sent.start <= w.start < sent.end and any(0 <= w.start - u <= 30 for u in used)
                              for w in found.weapons)


def _tells_when(found: Extraction, sent: Sentence) -> bool:
    """A clock time ("в четверг около 18:30") or a day's part ("в среду вечером 45-летнего бизнесмена силой посадили в
    автомобиль"), not a report's: the hour of an act; a day alone may be a statement's ("В субботу, 2 декабря, Салех
    выступил с критикой")."""
    return any(sent.start <= t.start < sent.end and (t.kind == "time" or t.kind == "relative" and t.extra.get("daypart")
                                                     and not _reported(sent, t)) for t in found.temporals)


_TITLED = re.compile(r"«[^«»\n]{1,80}»")


# "женщину убило током", "убит молнией": an accident, whatever the verb
_ACCIDENT_AGENTS = frozenset(("ток", "молния", "электричество", "разряд", "волна"))


@lru_cache(maxsize=1)
def _violent_words() -> frozenset[str]:
    return frozenset({k for k, v in cues().items() if v in ("killed", "wounded")} - NEUTRAL_TOLL
                     | VIOLENT_WORDS | EVENT_NOUNS | ATTACK_LEAD)


# "террористической угрозы", "террористической организации": a word of terror that names no act
_NOT_AN_ACT = frozenset({"угроза", "опасность", "организация", "группировка", "деятельность", "активность",
                         "направленность", "характер"})


def _noun_after(toks: list, k: int) -> str | None:
    """The lemma of the word after token k, past adjectives joined to it ("террористического и
    экстремистского характера" → "характер")."""
    j = k + 1
    while j + 1 < len(toks) and j < k + 4 and (toks[j].lemma == "и" or "ADJF" in toks[j].tag):
        j += 1
    return toks[j].lemma if j < len(toks) else None


def _lemmas_before(sent: Sentence, start: int, n: int) -> set[str]:
    """The lemmas of the n tokens before the word at `start`."""
    toks = sent.tokens
    k = token_at(toks, start, len(toks))
    return {t.lemma for t in toks[max(0, k - n):k]}


# a word that counts the negated cue: "без единого выстрела", "ни одного выстрела"
_NONE_COUNTED = frozenset({"единый", "один", "всякий", "лишний"})


def _none_of(sent: Sentence, start: int) -> bool:
    """The cue at `start` is said not to have happened: "без стрельбы", "без единого выстрела", "ни
    одного выстрела" (not "без предупреждения открыл огонь": the word between must count the cue)."""
    toks = sent.tokens
    k = token_at(toks, start, len(toks))
    before = [t.lemma for t in toks[max(0, k - 2):k]]
    return before[-1:] == ["без"] or len(before) == 2 and before[1] in _NONE_COUNTED and before[0] in ("без", "ни")


def _denied(sent: Sentence, start: int) -> bool:
    """The word at `start` is negated: "ни одного теракта", "не было убийств", "без стрельбы"."""
    return bool(_lemmas_before(sent, start, 3) & {"ни", "не", "без"})


def _violence_told(analysis: Analysis, sents: list[Sentence]) -> bool:
    """A violent casualty verb or noun ("убит", "застрелил", "ранен", "убийство") in these sentences,
    outside «…» (a title: «Убить пересмешника»), and not one prevented or planned ("предотвращены три теракта")."""
    violent = _violent_words()
    for s in sents:
        toks = s.tokens
        hits = [t for k, t in enumerate(toks) if t.lemma in violent
                and not (k + 1 < len(toks) and toks[k + 1].lemma in _ACCIDENT_AGENTS)
                and not _gas_blast(toks, k) and not _denied(s, t.start) and not _threatened(toks, k)
                and _noun_after(toks, k) not in _NOT_AN_ACT | ANIMALS]
        if hits:
            titled = [m.span() for m in _TITLED.finditer(analysis.text, s.start, s.end)]
            if any(not any(a <= t.start < b for a, b in titled) for t in hits):
                return True
    return False


# a review of the week's reports, told up front: its incidents are in the body, one paragraph each
DIGEST = frozenset({"обзор", "хроника", "дайджест", "сводка"})
_EVENTS = frozenset({"инцидент", "происшествие"})


def _nothing_up_front(analysis: Analysis) -> bool:
    """Neither the title nor the lead tells of violence (no violent word, no attack cue), and either
    the title tells of a death, an obituary ("Скончалась Харпер Ли": a killing the life story recalls,
    «Убить пересмешника» or a husband shot decades before, is not this report's), or the lead tells
    of no death at all, an article about something else ("Премьер-министр Грузии подал в отставку":
    an attack its body recalls is background). docs/coding.md §1."""
    lead = _lead(analysis)
    # "в стране не было совершено ни одного теракта": an attack denied tells of none
    if _violence_told(analysis, lead) or any(not _denied(s, h[2]) for s in lead for h in _type_hits(s)):
        return False
    if any(t.lemma in ACT_NOUNS and _happened(s.tokens, k) for s in lead for k, t in enumerate(s.tokens)
           if not any(x.lemma in ("не", "ни") for x in s.tokens)):
        return False                     # "Вооруженное ограбление отделения банка произошло сегодня утром"
    title = [s for s in analysis.sentences if analysis.title_span and s.start < analysis.title_span[1]]
    if any(t.lemma in MUTINY for s in lead for t in s.tokens):
        return False                     # "Бунт в колонии в Вахдате: погибли 32 человека": violence, no obituary
    if any(t.lemma in DIGEST or t.lemma in _EVENTS and "plur" in t.tag for s in title + lead for t in s.tokens):
        return False                     # "Хроника безопасности: главные инциденты недели": a digest of reports
    # (a toll of many in the title, "…родственниками погибших полицейских", is no obituary)
    return any(t.lemma in NEUTRAL_TOLL and "plur" not in t.tag for s in title for t in s.tokens) or \
        not any(t.lemma in NEUTRAL_TOLL for s in lead for t in s.tokens)


def _judicial(analysis: Analysis, lead: int = 3) -> bool:
    """A report of a trial or sentence: the title or the lead speaks of courts and sentences."""
    sents = [s for s in analysis.sentences if not analysis.ignored(s.start, s.end)][:lead]
    if analysis.title_span:
        sents = [s for s in analysis.sentences if s.start < analysis.title_span[1]] + sents
    hits = 0
    for s in sents:
        for i, t in enumerate(s.tokens):
            # "может быть приговорён", "грозит пожизненный срок": a possible sentence, not a verdict
            # an execution by the state ("смертельная инъекция") carries a sentence out
            sentence = t.lemma in JUDICIAL or i and (s.tokens[i - 1].lemma, t.lemma) in STATE_DEATH or \
                t.lemma == "казнить" and any(x.lemma in PRISONER for x in s.tokens)
            if sentence and _convicts_acting(s.tokens, i):
                sentence = False         # "Двое осужденных напали на сотрудников колонии": prisoners, no verdict
            if sentence and (t.lemma in ("осужденный", "осуждённый") or t.lemma == "осудить" and "PRTF" in t.tag) and (
                    i and ("NUMR" in s.tokens[i - 1].tag or s.tokens[i - 1].text.isdigit() or s.tokens[i - 1].lemma == "из")
                    or any(x.lemma in MUTINY | {"колония", "заключённый", "заключенный"} for x in s.tokens)):
                sentence = False         # "погибли трое сотрудников колонии и двадцать девять осуждённых", "один из
                #                          осуждённых был убит": inmates
            if sentence and t.lemma == "колония" and not any(x.lemma in ("год", "месяц", "лет")
                                                             for x in s.tokens[max(0, i - 4):i]):
                sentence = False         # "сотрудники исправительной колонии": the prison, not "5 лет колонии"
                #                          (nor "В ночь на 5 марта в колонии": a day)
            # its clause, up to 10 words back, or the 4 words before it
            lo = max(0, i - 10)
            lo = min(i - 4, max([lo] + [j + 1 for j in range(lo, i) if s.tokens[j].text in (",", ";", ":")]))
            if sentence and not any(x.lemma in MODAL or (x.lemma == "быть" and "futr" in x.tag)
                                    for x in s.tokens[max(0, lo):i]):
                hits += 1
    return hits >= 1


def _attack_first(analysis: Analysis, found: Extraction) -> bool:
    """The article opens with the attack itself, dated and with its toll, before any court: "Взрыв в метро
    Минска 11 апреля 2011 года унес жизни 15 человек … Исполнители … были расстреляны по приговору суда"
    (docs/coding.md §1: the attack described with its own place and toll is coded)."""
    body = [s for s in analysis.sentences if not analysis.ignored(s.start, s.end)
            and not (analysis.title_span and s.start < analysis.title_span[1])]
    if not body:
        return False
    first = body[0]
    if any(t.lemma in JUDICIAL for t in first.tokens) or not _attack_hits(first):
        return False
    dated = any(t.kind == "date" and t.extra.get("year") and first.start <= t.start < first.end
                for t in found.temporals)
    view = cas.SentenceView(analysis, first, found, analysis.index_of(first) or 0)
    return dated and any(c.count for c in cas.numeric_statements(view))


def _attack_recalled(analysis: Analysis, found: Extraction) -> bool:
    """A trial's report recalls the attack with its full date and its toll: "Напомним, в ночь на 5 августа
    2022 года группа … забросала здание УВД бутылками … В результате пожара пострадали двое" (docs/coding.md
    §1: the attack described with its own place and toll is coded); or opens on its full date, as a recall
    does: "15 марта 2019 года Таррант открыл огонь в двух мечетях города, убив 51 человека"."""
    sents = [s for s in analysis.sentences if not analysis.ignored(s.start, s.end)]
    for i, s in enumerate(sents):
        if not (_RECALL.match(analysis.text, s.start) or _opens_with_date(found, s)) or not _attack_hits(s) or not any(
                t.kind == "date" and t.extra.get("year") and s.start <= t.start < s.end for t in found.temporals):
            continue
        for x in sents[i:i + 3]:          # (past one sentence of motive: "Он требовал списать его долг")
            view = cas.SentenceView(analysis, x, found, analysis.index_of(x) or 0)
            if any(c.count for c in cas.numeric_statements(view) + cas.nominal_events(view, set())):
                return True
    return False


# (and the court's or the investigators' account: "Как установил суд, вечером 17 ноября 2019 года …")
_RECALL = re.compile(r"\s*(?:Напомним|Напомним\s+также|Как\s+сообщалось(?:\s+ранее)?|Напомина\w+|"
                     r"Как\s+установил[оаи]?\s+(?:суд|следствие|следователи)|Как\s+установлено\s+(?:судом|следствием)|"
                     r"По\s+(?:данным|версии)\s+следствия|Согласно\s+материалам\s+дела)\s*,", re.I)


def _convicts_acting(toks: list, i: int) -> bool:
    """Token i names convicts who do something ("осужденные напали", "двое осужденных захватили")."""
    subject = "nomn" in toks[i].tag or (i > 0 and "NUMR" in toks[i - 1].tag)
    return subject and any("VERB" in x.tag and x.lemma in ATTACK_VERBS for x in toks[i + 1:i + 3])


def _lead(analysis: Analysis, n: int = 2) -> list[Sentence]:
    # (not the pieces of an agency's dateline the splitter cut at its full stops: "Москва." "14 июля.")
    sents = [s for s in analysis.sentences if not analysis.ignored(s.start, s.end)
             and not (agency_dateline_end(analysis.text, s.start) or 0) >= s.end]
    if analysis.title_span:
        title = [s for s in sents if s.start < analysis.title_span[1]]
        return title + [s for s in sents if s.start >= analysis.title_span[1]][:n]
    return sents[:n + 1]


# (or as deliberate: "версия об умышленном наезде", "Водитель действовал умышленно", "дело по подозрению в
# убийстве трех человек", "убийство двух и более лиц общеопасным способом")
_CHARGED = re.compile(r"умышленн\w+\s+(?:убийств|наезд)|террористическ\w+\s+акт|терроризм|"
                      r"\b(?:умышленно|намеренно|целенаправленно)\b|убийств\w*\s+двух\s+и\s+более|"
                      r"(?:подозрени\w+|обвинени\w+|дел[оау])\s+(?:[а-яё]+\s+){0,2}(?:в|об?)\s+убийств", re.I)


_TECH_CAUSE = re.compile(r"причин\w*\s+(?:[а-яё]+\s+){0,3}(?:стал\w*|явил\w*|мог\w*\s+стать)\s+(?:[а-яё]+\s+)?"
                         r"(?:нарушени\w+\s+(?:правил|техник|требовани)|неисправност|утечк|коротк\w+\s+замыкани|"
                         r"самовозгорани|неосторожн|износ|сбо[йя])", re.I)
_HOAX = re.compile(r"ложн\w*\s+(?:сообщени|минировани|вызов|угроз)|заведомо\s+ложн|"
                   r"(?:минировани|сообщени)\w*\s+(?:\w+\s+)?(?:признан\w*|оказал\w*)\s+ложн", re.I)
_UNTRUE = re.compile(r"не\s+соответству\w+\s+действительности|(?:информаци\w+|сообщени\w+|слух\w*)\s+(?:о\s+\w+\s+)?"
                     r"(?:оказал\w+\s+)?(?:ложн|фейк)", re.I)


_RULED_OUT = re.compile(r"верси\w+\s+(?:о\s+)?(?:теракт\w*|террористическ\w+\s+акт\w*|поджог\w*|умышленн\w+\s+\w+)"
                        r"(?:\s+(?:или|и)\s+(?:\w+\s+){0,2}?\w+)?\s+не\s+(?:рассматрива|подтверди)|"
                        r"признак\w*\s+(?:применения\s+)?(?:взрывчат\w+|взрывн\w+|теракт\w*)[^.]{0,30}\s+не\s+"
                        r"(?:выявлен|обнаружен)|никакой\s+атаки\s+не\s+было|"
                        r"(?:не\s+является|не\s+был\w*)\s+(?:терактом|террористическим\s+актом)|"
                        r"не\s+связан\w*\s+с\s+терроризмом", re.I)


def _no_event(analysis: Analysis) -> bool:
    """The article is about an accident, a foiled plot or a clash of a state's forces: its lead says so
    and tells of no attack. A photo caption ("Андрей Панин" under the title) is no sentence of the lead."""
    told = [s for s in _lead(analysis, 5) if not _caption(s)]
    lead = told[:3]
    lemmas = {t.lemma for s in lead for t in s.tokens}
    # "Грузовик въехал в толпу … Водитель … открыл огонь по полицейским и был застрелен": a ramming
    # told as an attack within the next sentences is no accident
    wider = lemmas | {t.lemma for s in told[3:5] for t in s.tokens}
    # nor is one the article charges as a murder or terrorism ("наехал на толпу … уголовное дело по статье
    # «Умышленное убийство»")
    if lemmas & ACCIDENT and not wider & ATTACK_LEAD - {"убить"} and not _CHARGED.search(analysis.text):
        return True
    # "причиной возгорания стало нарушение правил хранения боеприпасов": a blast the lead blames on a fault
    if any(_TECH_CAUSE.search(analysis.text, s.start, s.end) for s in lead) and not wider & ATTACK_LEAD - {"взрыв"}:
        return True
    # "Версия о теракте или умышленном поджоге не рассматривается": an official rules an attack out, and the
    # lead tells of none but a blast or a fire
    if _RULED_OUT.search(analysis.text) and not wider & ATTACK_LEAD - {"взрыв", "поджог", "подрыв", "теракт"}:
        return True
    # "Взрыв бытового газа произошел в жилом доме … В результате взрыва погибли двое": the blast told up
    # front is a gas blast, and every later "взрыв" is that one
    if any(_gas_blast(s.tokens, k) for s in lead for k in range(len(s.tokens))) and \
            not wider & ATTACK_LEAD - _BLASTS:
        return True
    if any(_forces_clash(s.tokens) for s in lead):
        return True
    # "похитил студентку с целью вступления в брак": a bride kidnapping, a crime of another kind
    if lemmas & {"похитить", "похищение", "похищенный"} and lemmas & _MARRIAGE and not wider & ATTACK_LEAD - {"заложник"}:
        return True
    # "вооруженный конфликт на кыргызско-таджикской границе": a war of two states' forces, no incident of ours
    if any(_BORDER_WAR.search(analysis.text, s.start, s.end) for s in lead) and \
            not any(_attackerish(t) for s in told for t in s.tokens):
        return True
    # "МВД опровергло информацию о стрельбе": a rumour denied up front, nothing happened (a death denied
    # later, "сообщали о смерти мэра, однако … опровергнута", leaves the attack)
    if any(t.lemma in cas.REFUTED for s in lead[:2] for t in s.tokens) or \
            any(_UNTRUE.search(analysis.text, s.start, s.end) for s in lead[:2]):
        return True
    # "В аэропорту Казани спецназ отработал освобождение заложников из самолёта": a drill told up front
    if any(_drill(s) for s in ([x for x in analysis.sentences if analysis.title_span and x.start < analysis.title_span[1]]
                               + lead[:1])) and not any(cues().get(t.lemma) in ("killed", "wounded") for s in lead for t in s.tokens):
        return True
    # "эвакуировали три торговых центра из-за ложного сообщения о минировании": a hoax told up front, no one hurt
    heads = ([analysis.text[slice(*analysis.title_span)]] if analysis.title_span else []) + \
        [analysis.text[s.start:s.end] for s in lead[:1]]
    if any(_HOAX.search(x) for x in heads) and not any(
            cues().get(t.lemma) in ("killed", "wounded") for s in lead for t in s.tokens if t.lemma != "пострадать"):
        return True
    head = {t.lemma for t in (lead[0].tokens if lead else [])}
    return bool(head & PLOT) and not lemmas & HAPPENED and not any(cues().get(t.lemma) in ("killed", "wounded") and
                                         t.lemma not in ("убийство", "жертва") for t in lead[0].tokens)


_MARRIAGE = frozenset({"брак", "невеста", "жениться", "замужество", "ала-качуу"})
_BORDER_WAR = re.compile(r"(?:конфликт\w*|столкновени\w+|бо(?:й|я|ев|и)|обстрел\w*|перестрелк\w+)\s+(?:[а-яё]+\s+)?"
                         r"(?:на|у)\s+[а-яё]+о-[а-яё]+(?:ой|ом)\s+границ", re.I)


def _forces_clash(toks: list) -> bool:
    """"Столкновения между пограничниками двух стран", "между полицией и демонстрантами": a clash a
    state's force is a side of, and nobody in it called an attacker (docs/coding.md §1: clashes and
    riots are no incident; "боевики" against soldiers stay one)."""
    for i, t in enumerate(toks):
        if t.lemma not in CLASH and t.lemma != "перестрелка":      # "перестрелка между пограничниками двух стран"
            continue
        k = next((j for j in range(i + 1, min(i + 4, len(toks))) if toks[j].lemma == "между"), None)
        if k is None:
            continue
        sides = toks[k + 1:k + 9]
        if any(_security_actor(sides, j, ("ablt",)) for j in range(len(sides))) \
                and not any(_attackerish(x) for x in sides):
            return True
    return False


def _state_force(analysis: Analysis, sentences: list[int]) -> bool:
    """The story these sentences tell is of force used by the police or soldiers (a police
    shooting, the protests after it), no incident of ours (GTD leaves state actors out): they
    hold the article's lead, the lead tells of an act and every act it tells of is theirs, and
    nobody in them is called an attacker. Another story of the article (an attack told after
    it) stays an incident."""
    lead = [s for s in _lead(analysis, 2) if not _caption(s)]
    mine = [analysis.sentences[i] for i in sentences]
    if not any(s in mine for s in lead):
        return False
    hits = [(s, h[2]) for s in lead for h in _type_hits(s)]
    if not hits or not all(_force_named(s, start) for s, start in hits):
        return False
    return not any(_attackerish(t) for s in mine for t in s.tokens)


def _force_named(sent: Sentence, start: int) -> bool:
    """The act at `start` is the police's by name ("застрелили сотрудники полиции", "застрелен
    полицейским"), not only by _security_act's guess ("его застрелили" after an attack)."""
    toks = sent.tokens
    i = token_at(toks, start)
    return i is not None and _security_act(sent, start) and _force_near(toks, i)


def _caption(sent: Sentence) -> bool:
    """A short line of capitalised words and no verb, without final punctuation: a caption or a
    byline, not a sentence of the story."""
    words = [t for t in sent.tokens if t.text[:1].isalpha()]
    return 0 < len(words) <= 4 and all(t.text[0].isupper() for t in words) \
        and not any("VERB" in t.tag for t in sent.tokens) and sent.tokens[-1].text not in ".!?"


# "в Латвии", "на Западном берегу", "в афганской провинции": the place of the act, not "гражданин Грузии"
_STRICT_LOCATIVE = re.compile(r"\b(?:в|во|на)\s+(?:[а-яё]+(?:ом|ой|ем|ей|ых|их)\s+)?(?:провинции\s+|области\s+|"
                              r"штате\s+|республике\s+)?$", re.I)


def _aside_over(analysis: Analysis, seg: Segment, i: int) -> bool:
    """A recalled attack told in a paragraph of its own, its toll given ("Днем ранее в Каспийске
    неизвестные обстреляли … ранен один полицейский."): the next paragraph is the main story again
    ("Пятеро нападавших были ликвидированы"), unless it opens with "Тогда". So too after another place's attack
    told with no toll ("они причастны к обстрелу автомобиля ДПС в Малгобеке в марте"): "На месте боя обнаружены …"
    in the next paragraph is the main story's."""
    sent = analysis.sentences[i]
    if not seg.recalled and (any(_own_toll(analysis.sentences[j]) for j in seg.sentences) or _attack_hits(sent)):
        return False                     # ("Завахири заявил, что похищенный американец …": the aside's act goes on)
    last = analysis.sentences[seg.sentences[-1]]
    return "\n" in analysis.text[last.end:sent.start] and bool(sent.tokens) and sent.tokens[0].lemma != "тогда"


_NEXT_DAY = re.compile(r"(?<!\w)(?:на\s+следующ(?:ее|ий)\s+(?:утро|день)|на\s+другой\s+день|через\s+(?:день|сутки|"
                       r"два\s+дня|\d+\s+дн(?:я|ей))|спустя\s+(?:сутки|день|\d+\s+дн(?:я|ей)))(?!\s+после)", re.I)


_LATER = re.compile(r"\s*(?:спустя|через)\s+(?:примерно\s+|около\s+|почти\s+|еще\s+|ещё\s+)?(?:[\w-]+\s+)?"
                    r"(?:час|часа|часов|минут\w*)\b|\s*(?:несколькими\s+)?часами?\s+(?:позже|позднее)", re.I)


def _opens_paragraph_in(analysis: Analysis, sent: Sentence, place) -> bool:
    """The sentence opens its paragraph with the place: "В Серове в воскресенье …"."""
    text = analysis.text
    return (sent.start == 0 or "\n" in text[max(0, sent.start - 2):sent.start]) and place.start - sent.start <= 3


def _one_more_act(sent: Sentence) -> bool:
    """"сработало еще одно самодельное взрывное устройство", "ещё одно нападение": another act told."""
    toks = sent.tokens
    return bool(_attack_hits(sent)) and any(t.lemma in ("еще", "ещё") and k + 1 < len(toks) and toks[k + 1].lemma == "один"
                                            for k, t in enumerate(toks))


def _own_toll(sent: Sentence) -> bool:
    """The sentence tells a death or an injury itself (a casualty cue outside "в результате …"; "унес жизни")."""
    # (the attackers' deaths too: "сотрудники ФСБ нейтрализовали двух боевиков" in a digest's other country)
    return any(cues().get(t.lemma) in ("killed", "wounded", "perp_dead") or _took_lives(sent.tokens, k)
               for k, t in enumerate(sent.tokens))


def _took_lives(toks: list, k: int) -> bool:
    """"унес жизни 37 человек": a death told (the casualties stage reads it so too)."""
    return toks[k].lemma == "унести" and k + 1 < len(toks) and toks[k + 1].lemma == "жизнь"


def _event_at(sent: Sentence, place_start: int) -> bool:
    """"в перестрелке в Уотертауне", "взрыв в Сисайд Парке": an attack noun placed right at a town."""
    for typ, _, a, b in _attack_hits(sent):
        between = [t for t in sent.tokens if b <= t.start < place_start]
        if 0 < len(between) <= 2 and between[-1].lemma in ("в", "во"):
            return True
    return False


def _another_day(analysis: Analysis, found: Extraction, sent: Sentence, main: Segment) -> bool:
    """The sentence gives a full date, none of the main incident's sentences gives it, and it lies
    over a month before the publication date (when there is one)."""
    pub = analysis.published
    # "Напомним, в мае 2022 года в ходе беспорядков … погибли": a year as written long before, while the
    # main incident is dated within the month (the main incident's own background may name that May too)
    if pub is not None and _long_before(found, sent, pub) and any(
            t.kind in ("date", "relative") and t.value and 0 <= (pub - date.fromisoformat(t.value[:10])).days <= 30
            and analysis.sentences[j].start <= t.start < analysis.sentences[j].end
            for j in main.sentences for t in found.temporals):
        return True

    def full(s: Sentence) -> set[str]:
        return {t.value for t in found.temporals if s.start <= t.start < s.end and t.kind == "date" and t.value
                and t.extra.get("year")}
    mine = full(sent)
    if not mine:
        # "Ранее, в октябре, смертница … взорвала себя": a month none of the main incident's dates is in
        def months(s: Sentence) -> set[int]:
            return {t.extra.get("month") for t in found.temporals if s.start <= t.start < s.end
                    and t.kind in ("month", "date") and t.extra.get("month")}
        own = {t.extra["month"] for t in found.temporals if sent.start <= t.start < sent.end
               and t.kind == "month" and t.extra.get("month")}
        if not own:
            # "Последний известный случай произошел в 2017 году": a year none of the main incident's is
            def years(s: Sentence) -> set[int]:
                return {t.extra["year"] for t in found.temporals if s.start <= t.start < s.end
                        and t.extra.get("year") and not t.extra.get("year_inferred")}
            told = {t.extra["year"] for t in found.temporals if sent.start <= t.start < sent.end and t.kind == "year"
                    and t.extra.get("year")}
            return bool(told) and not told & {y for j in main.sentences for y in years(analysis.sentences[j])}
        return not own & {m for j in main.sentences for m in months(analysis.sentences[j])}
    if mine & {v for j in main.sentences for v in full(analysis.sentences[j])}:
        return False
    # ("20 лет назад боевики захватили школу" … "1 сентября 2004 года группа … захватила": the day of that act)
    agos = [t for j in main.sentences for t in found.temporals if t.kind == "duration" and t.extra.get("ago")
            and t.extra.get("unit") == "Y" and analysis.sentences[j].start <= t.start < analysis.sentences[j].end]
    if pub is not None and any(abs(int(v[:4]) - (pub.year - a.extra.get("amount", 0))) <= 1 for v in mine for a in agos):
        return False
    return pub is None or all((pub - date.fromisoformat(v)).days > 30 for v in mine)


def _has_day(found: Extraction, sents: list[Sentence]) -> bool:
    """The sentences tell when: a date, a weekday, "вчера" (a story that dates its own act only later, "Ким
    Чен Нам … скончался 13 февраля 2017 года", tells its own date there, not a past attack)."""
    return any(s.start <= t.start < s.end and t.kind in ("date", "relative", "range") and (t.value or t.extra.get("weekday")
                                                                                      is not None)
               for s in sents for t in found.temporals)


def _long_before(found: Extraction, sent: Sentence, published: date | None) -> bool:
    """The sentence gives a year as written, and all its dated times lie over a month before the
    publication date (a story with none: before the latest year the text writes)."""
    told = [t for t in found.temporals if sent.start <= t.start < sent.end and t.kind in ("date", "month", "year", "range")
            and t.extra.get("year") and not t.extra.get("year_inferred")]
    if not told:
        return False
    if published is None:
        latest = max(t.extra["year"] for t in found.temporals if t.extra.get("year") and not t.extra.get("year_inferred"))
        return all(t.extra["year"] < latest for t in told)
    for t in told:
        last = date(t.extra["year"], 12, 31) if t.kind == "year" else \
            date(t.extra["year"], t.extra.get("month") or 12, 28) if t.kind == "month" else \
            date.fromisoformat(t.extra.get("until") or t.value) if t.value else None
        if last is None or (published - last).days <= 30:
            return False
    return True


def _opens_with_date(found: Extraction, sent: Sentence) -> bool:
    """The sentence opens with a full date ("17 мая 2011 года в Актобе …"), as a chronicle's entries do."""
    return any(t.start == sent.start and t.kind == "date" and t.value and t.extra.get("year") for t in found.temporals)


def _toll_next(analysis: Analysis, i: int) -> bool:
    """The next sentence of the same paragraph tells a toll ("… напала на два оружейных магазина. Погибли 8
    человек")."""
    if i + 1 >= len(analysis.sentences):
        return False
    nxt = analysis.sentences[i + 1]
    return "\n" not in analysis.text[analysis.sentences[i].end:nxt.start] and _own_toll(nxt)


def _toll_then(analysis: Analysis, i: int) -> bool:
    """"Напомним, 5 июня 2016 года в Актобе группа … напала … Тогда погибли 7 человек": the next
    sentence, opening with "тогда", gives the toll of the act this one recalls."""
    if i + 1 >= len(analysis.sentences):
        return False
    nxt = analysis.sentences[i + 1]
    return bool(nxt.tokens) and nxt.tokens[0].lemma == "тогда" and _own_toll(nxt)


def _after_it(sent: Sentence, start: int) -> bool:
    """The act at `start` is a time reference, "после нападения", "до взрыва", not an act told."""
    return bool(_lemmas_before(sent, start, 1) & {"после", "до", "перед"})


def _died_only(sent: Sentence) -> bool:
    """The sentence tells a death after the fact, by no attack verb: "скончался в результате травмы"."""
    return any(t.lemma in ("скончаться", "умереть") for t in sent.tokens) and \
        not any(t.lemma in ATTACK_VERBS for t in sent.tokens)


def _weekdays(found: Extraction, sents: list[Sentence]) -> set[int]:
    return {t.extra["weekday"] for t in found.temporals if "weekday" in t.extra
            and any(s.start <= t.start < s.end for s in sents)}


def _days_told(found: Extraction, sents: list[Sentence]) -> set[str]:
    """The days the sentences' relative words resolve to ("в четверг", "накануне", "вчера")."""
    return {t.value[:10] for t in found.temporals if t.kind == "relative" and t.value
            and any(s.start <= t.start < s.end for s in sents)}


def _paragraph_start(analysis: Analysis, i: int) -> int:
    """The index of the first sentence of the paragraph sentence i stands in."""
    while i > 0 and "\n" not in analysis.text[analysis.sentences[i - 1].end:analysis.sentences[i].start]:
        i -= 1
    return i


def _another_days_paragraph(analysis: Analysis, found: Extraction, i: int, violent: list[int], main) -> bool:
    """Sentence i stands in a paragraph opened, with no violence of its own, on another weekday than the
    main incident's (a digest's security operation or arrest): none of the main incident, and no
    incident of its own unless it tells one itself."""
    opener = _paragraph_start(analysis, i)
    if opener >= i or opener in violent:
        return False
    return _opens_elsewhere(analysis, found, opener, main)


def _opens_elsewhere(analysis: Analysis, found: Extraction, opener: int, main) -> bool:
    """The sentence `opener` tells another weekday than the incident `main`'s, and a place of its own."""
    mine = _weekdays(found, [analysis.sentences[opener]])
    told = [analysis.sentences[j] for j in main.sentences]
    # (not the day the news was reported: "сообщила в понедельник, 6 мая, пресс-служба")
    theirs = {t.extra["weekday"] for t in found.temporals if "weekday" in t.extra
              and any(s.start <= t.start < s.end and not _reported(s, t) for s in told)}
    # ("в ночь на вторник" … "около 23:30 в понедельник": the night before is the same night)
    theirs |= {(t.extra["weekday"] - 1) % 7 for t in found.temporals if "weekday" in t.extra
               and "ночь" in t.text.lower() and any(s.start <= t.start < s.end for s in told)}
    if not (mine and theirs and not mine & theirs):
        return False
    o = analysis.sentences[opener]                   # (and a place of its own)
    there = geo_link.place_in(analysis, o.start, o.end)
    return there is not None and (main.place is None or geo_link._fold(there.name) != geo_link._fold(main.place.name))


# a body's area: "СК по Республике Крым и городу Севастополю", "ГУ МВД по Петербургу и Ленобласти"
_JURISDICTION = re.compile(r"(?<![\w-])(?:СК|МВД|ФСБ|ФСИН|УФСБ|УМВД|ГУВД|ГУ|СУ|МЧС|ГИБДД|Росгварди\w*|управлени\w*|"
                           r"прокуратур\w*|департамент\w*)\s+(?:России\s+)?по\s+(?:[\w-]+\s+){0,3}?"
                           r"(?:(?:и|,)\s+(?:[\w-]+\s+){0,2}?)?$"
                           # ("полиция Эссекса сообщила …": the police's area, in the genitive)
                           r"|(?<![\w-])(?:полици\w*|прокуратур\w*)\s+$")


def _dated_apart(analysis: Analysis, found: Extraction, sent: Sentence, main: Segment) -> bool:
    """The sentence opens with a day and month two days or more from every day the main incident's sentences
    resolve ("3 сентября в Кизляре …" after "Сегодня ночью …" on 29 September)."""
    first = next((t for t in found.temporals if sent.start <= t.start < sent.end), None)
    if first is None or first.kind != "date" or not first.value or not first.extra.get("day") \
            or len(analysis.text[sent.start:first.start].split()) > 1:
        return False
    days = [date.fromisoformat(t.value[:10]) for j in main.sentences for t in found.temporals
            if analysis.sentences[j].start <= t.start < analysis.sentences[j].end and t.kind in ("date", "relative")
            and t.value and len(t.value) >= 10]
    mine = date.fromisoformat(first.value[:10])
    return bool(days) and all(abs((mine - d).days) >= 2 for d in days)


def _opens_on_its_time(found: Extraction, sent: Sentence, current: Segment, analysis: Analysis) -> bool:
    """The sentence opens on a time of its own: a year as written that none of the current incident's sentences
    gives, or a shift of months or years ("Через четыре месяца", "Спустя год")."""
    t = next((t for t in found.temporals if sent.start <= t.start < sent.end), None)
    if t is None or len(analysis.text[sent.start:t.start].split()) > 1:
        return False
    if t.kind == "duration" and t.extra.get("unit") in ("M", "Y") and not t.extra.get("ago"):
        return re.match(r"\s*(?:через|спустя)\b", analysis.text[t.start:t.end], re.I) is not None
    year = t.extra.get("year") if not t.extra.get("year_inferred") else None
    told = {x.extra.get("year") for j in current.sentences for x in found.temporals
            if analysis.sentences[j].start <= x.start < analysis.sentences[j].end and x.extra.get("year")}
    return year is not None and year not in told and _long_before(found, sent, analysis.published)


def _segments(analysis: Analysis, found: Extraction, violent: list[int]) -> list[Segment]:
    """Split violent sentences into incidents: a sentence opens a new incident when it names another
    place and marks another time ("В октябре 2018 года, в Питтсбурге …", "Напомним, …")."""
    segs: list[Segment] = []
    current: Segment | None = None
    # the main incident's town, even when the text names it only after a past mention (156300)
    # (not one of a past year's attack told after: "Последний … случай произошел в 2017 году … в Ташкенте")
    first_place = next((p for p in (geo_link.place_in(analysis, analysis.sentences[i].start, analysis.sentences[i].end,
                                                      city_only=True) for i in violent
                                    if i == violent[0] or not _long_before(found, analysis.sentences[i], analysis.published)
                                    or not _has_day(found, [analysis.sentences[violent[0]]]))
                        if p), None)
    # the main incident's country: the first one named as a location before ("в афганской провинции
    # Кунар"), not one inside a name ("Техрик-е Талибан Пакистан"); else the first named at all
    def country_before(i: int) -> geo_link.Resolved | None:
        earlier = [j for j in violent if j < i]
        return next((r for j in earlier for r in geo_link.mentions(analysis, analysis.sentences[j].start,
                                                                    analysis.sentences[j].end)
                     if r.country and r.kind in ("country", "region")
                     and geo_link._locative(analysis.text, r.start) >= 2), None) or \
            next((p for p in (geo_link.place_in(analysis, analysis.sentences[j].start, analysis.sentences[j].end)
                              for j in earlier) if p and p.country), None)
    pending: list[int] = []
    quotes = _quote_spans(found)
    filed: list = []                                  # the dateline's town, looked up once when asked

    def dateline_town():
        if not filed:
            filed.append(geo_link.dateline_town(analysis))
        return filed[0]
    for i in violent:
        sent = analysis.sentences[i]
        if _event_only(sent, quotes):
            # a bare "теракт" sentence lends its date and place to the main incident, never opens one;
            # right after another incident's sentence it goes on with that one ("Полиция штата Борно
            # возлагает ответственность за теракт на «Боко харам»" after the Nigerian bombing)
            if current is not None and current is not segs[0] and i - 1 in current.sentences \
                    and _same_place_or_none(analysis, sent, current) and not _aside_over(analysis, current, i):
                current.sentences.append(i)
            else:
                (segs[0].sentences if segs else pending).append(i)
            continue
        if segs and _another_days_paragraph(analysis, found, i, violent, segs[0]):
            continue          # "Во вторник … силовики блокировали двух боевиков. … они … были нейтрализованы"
        place = geo_link.place_in(analysis, sent.start, sent.end, city_only=True)
        if place is not None and _JURISDICTION.search(analysis.text, max(0, place.start - 70), place.start):
            place = None          # "Следственное управление СК по Республике Крым и городу Севастополю": a body's
            #                       area opens no incident of its own (it may still place one that has none)
        elif place is not None and segs and geo_link.HOSPITAL_TOWN.search(analysis.text, max(0, place.start - 60), place.start) \
                and not (first_place and geo_link._fold(place.name) == geo_link._fold(first_place.name)):
            place = None          # "одна из раненых скончалась в … больнице в Нальчике": the hurt's hospital, which
            #                       neither opens an incident nor takes the sentence back to the main one
        # (a day and month with no year is dated too: a story with no publication date leaves it yearless)
        dated = any(t.kind in ("date", "month", "year", "range") and (t.extra.get("year") or t.kind == "date"
                                                                       and t.extra.get("day"))
                    and sent.start <= t.start < sent.end for t in found.temporals)
        marker = any(t.lemma in PAST_MARKERS for t in sent.tokens)
        # "взрыв бомбы …, произошедшем в городе Сисайд Парк": an attack of its own in a named town; but
        # "после погони в городе Гваделупе преступник покончил с собой": the same attacker, the same incident
        # (not "задержан … через час после нападения в соседнем городке X": the attack told before)
        own = place is not None and (geo_link.after_settlement_word(analysis.text, place.start)
                                     or _event_at(sent, place.start)) \
            and any(not _after_it(sent, h[2]) for h in _attack_hits(sent)) \
            and not any(_attackerish(t) for t in sent.tokens)
        marker = marker or own
        same = lambda a, b: geo_link._fold(a.name) == geo_link._fold(b.name)  # noqa: E731
        # "в 1990-х годах", "в августе": a time of its own, even without a day
        when = any((t.extra.get("decade") or t.kind in ("month", "year")) and sent.start <= t.start < sent.end
                   for t in found.temporals)
        main_place = (segs[0].place if segs else None) or first_place
        home = main_place or (country_before(i) if place is None and segs else None)
        # (a toll of its own is enough; a kidnapping needs a time of its own: "похищение в августе")
        if place is None and segs and home and (
                _own_toll(sent) or (dated or marker or when) and any(h[0] == "hostage_taking"
                                                                      for h in _attack_hits(sent))):
            # "в 1990-х годах … застрелил босса … в Латвии": another country with a toll of its own
            # is an incident of its own even without a town (docs/coding.md §2)
            # (not where someone wanted to be flown: "потребовал, чтобы самолёт вылетел в Турцию")
            located = {r.country: r for r in geo_link.mentions(analysis, sent.start, sent.end)
                       if r.kind in ("country", "region") and r.country
                       and _STRICT_LOCATIVE.search(analysis.text[max(0, r.start - 30):r.start])
                       and not geo_link._BOUND_FOR.search(analysis.text[max(0, r.start - 40):r.start])}
            wider = next(iter(located.values())) if len(located) == 1 else None   # "в Латвии", "в Пакистане"
            if wider is not None and wider.country and home.country and \
                    wider.country != home.country:
                other = next((s for s in segs[1:] if s.place and s.place.country == wider.country
                              and s.place.city is None), None)
                if other is None:
                    segs.append(Segment([i], wider))
                    current = segs[-1]
                else:
                    other.sentences.append(i)
                    current = other
                continue
        # "Также в среду вечером в уезде Яринг соседней провинции Паттани сработало еще одно самодельное взрывное
        # устройство": one more act, in another province of the country, with a toll of its own
        # (its toll told within the paragraph's next two sentences: "Взрыв прогремел … Ранения получили двое полицейских")
        if place is None and segs and home and _one_more_act(sent) and (
                _own_toll(sent) or _toll_next(analysis, i) or i + 1 < len(analysis.sentences)
                and "\n" not in analysis.text[sent.end:analysis.sentences[i + 1].start] and _toll_next(analysis, i + 1)):
            told_region = (main_place.region if main_place else None) or (home.name if home.kind == "region" else None)
            # (a province named like its town: "провинции Паттани")
            other = next((r for r in geo_link.mentions(analysis, sent.start, sent.end) if r.country == home.country
                          and (r.kind == "region" or r.kind == "city" and geo_link._region_word_before(analysis.text, r.start))
                          and r.name != told_region), None)
            if other is not None:
                segs.append(Segment([i], dataclasses.replace(other, city=None, lat=None, lon=None, kind="region",
                                                             region=other.region or other.name)))
                current = segs[-1]
                continue
        # "Ранее, 18 февраля 2017 года, в Кизляре боевик расстрелял прихожан": the same town, but a past
        # attack of its own, told with a past marker and a full date that is not the main incident's
        # (a main incident still without a place takes its place and date from such a sentence instead)
        # (a main incident placed only by its agency dateline is placed: "АКТОБЕ, 12 сентября … Напомним,
        # 5 июня 2016 года в Актобе …")
        # (a chronicle's entry opens with its full date: "5 июня 2016 года в Актобе группа … напала …. Погибли 8")
        opens_dated = _opens_with_date(found, sent)
        # "Сегодня ночью неизвестные обстреляли патрульный автомобиль … 3 сентября в Кизляре неизвестный ранил ножом
        # участкового": another day, told by its date up front, in a town of its own
        if segs and place and _dated_apart(analysis, found, sent, segs[0]) and _attack_hits(sent):
            segs.append(Segment([i], place))
            current = segs[-1]
            continue
        if segs and place and (marker or opens_dated) and (segs[0].place or dateline_town()) \
                and _another_day(analysis, found, sent, segs[0]) \
                and (_own_toll(sent) or _toll_then(analysis, i) or opens_dated and _toll_next(analysis, i)):
            segs.append(Segment([i], place))
            current = segs[-1]
            continue
        # "В сентябре 2022 года смертник подорвал себя в учебном центре … в этом же районе, тогда погибли 53
        # человека": a past attack dated on its own, with its own toll, where the main one was or nowhere
        # named: an incident of its own, not more dead in the main one
        # ("Последний известный случай произошел в 2017 году, когда мужчина с ножом захватил маршрутное такси в
        # Ташкенте": another town's attack of a past year, though with no toll; "В октябре 2022 года в результате
        # двух взрывов … в Могадишо погибли более 120 человек": the same town's, with a toll of its own)
        if segs and _long_before(found, sent, analysis.published) and _another_day(analysis, found, sent, segs[0]) \
                and _has_day(found, [analysis.sentences[j] for j in segs[0].sentences if j < i] + _lead(analysis, 3)) \
                and ((place is None or main_place and same(place, main_place))
                     and (_own_toll(sent) or _toll_then(analysis, i) or opens_dated and _toll_next(analysis, i))
                     or place is not None and not (main_place and same(place, main_place)) and _attack_hits(sent)):
            segs.append(Segment([i], place, recalled=True))
            current = segs[-1]
            continue
        # "На следующее утро в троллейбусе прогремел второй взрыв, жертвами которого стали 14 человек":
        # another attack on another day, with a toll of its own (docs/coding.md §2)
        # (not "предстал перед судом через два дня после стрельбы": a step after the attack)
        if segs and _NEXT_DAY.search(analysis.text, sent.start, sent.end) and _attack_hits(sent) and (
                _own_toll(sent) or _toll_next(analysis, i)) and not any(_attackerish(t) for t in sent.tokens) \
                and any(t.lemma in HAPPENED or t.lemma in ATTACK_VERBS and "VERB" in t.tag for t in sent.tokens):
            segs.append(Segment([i], place or segs[0].place))
            current = segs[-1]
            continue
        # "В мае 2021 года … в Казани застрелил девять человек. Через четыре месяца студент … открыл огонь, погибли
        # шесть человек. 26 сентября 2022 года в ижевской школе погибли 17": a chronicle's entries, each opening on
        # its own time (a year as written, or months or years on) with its own toll
        if current is not None and _own_toll(sent) and _opens_on_its_time(found, sent, current, analysis) \
                and any(_own_toll(analysis.sentences[j]) for j in current.sentences):
            segs.append(Segment([i], place, recalled=current.recalled))
            current = segs[-1]
            continue
        # "В понедельник в Назрани … Во вторник в Хасавюрте …": another town on another weekday
        if current is not None:
            # (or the days their relative words resolve to: "в четверг … в Баксане … Накануне утром в Нарткале")
            for told in (_weekdays, _days_told):
                mine = told(found, [sent])
                theirs = told(found, [analysis.sentences[j] for j in current.sentences]) if mine else set()
                marker = marker or bool(mine and theirs and not mine & theirs)
        # "Спустя примерно три часа в иерусалимском районе Рамот водитель … въехал в группу людей": a later hour's
        # attack, in another town
        marker = marker or bool(_LATER.match(analysis.text, sent.start, sent.end)) and bool(_attack_hits(sent))
        # "В Серове в воскресенье около 23 часов двое неизвестных избили 52-летнего мужчину" (a digest's entry): a
        # paragraph that opens in another town with an attack and a toll of its own
        marker = marker or place is not None and _opens_paragraph_in(analysis, sent, place) and bool(_attack_hits(sent)) \
            and (_own_toll(sent) or _toll_next(analysis, i))
        # (a date alone does not open one for a death with no attack told: "17 апреля … скончался … и был
        # погребён на кладбище города Бейт-Шемеш" is the rocket's victim)
        if segs and place and main_place and not same(place, main_place) and (
                marker or dated and (_attack_hits(sent) or not _died_only(sent))):
            other = next((s for s in segs[1:] if s.place and same(s.place, place)), None)
            if other is None:
                recalled = any(t.lemma in PAST_MARKERS for t in sent.tokens)
                segs.append(Segment([i], place, own=own and not dated, recalled=recalled))
                current = segs[-1]
            else:
                other.sentences.append(i)
                current = other
            continue
        if not segs:
            segs.append(Segment([i], place))
            current = segs[0]
        else:
            # a sentence with no place of its own goes on with the incident told just before it;
            # one that names the main place (or none at all) returns to the main incident
            target = current if (len(segs) > 1 and not place and not _aside_over(analysis, current, i)) else segs[0]
            target.sentences.append(i)
            current = target
            # (not a town of another country than the one the incident was told in: "База … в сирийской провинции
            # Дейр-эз-Зор … Эксперты ожидают, что новая атака усилит в Вашингтоне дискуссию")
            told_in = _told_in(analysis, [analysis.sentences[target.sentences[0]]]) \
                if target.place is None and place else None
            if target.place is None and place and not (told_in and place.country and told_in.country != place.country):
                target.place = place
    if segs:
        segs[0].sentences = sorted(pending + segs[0].sentences)
    return segs


def build(analysis: Analysis, found: Extraction, persons: list[Person]) -> list[Incident]:
    violent = _violent(analysis, found)
    if not violent or _judicial(analysis) and not (_attack_first(analysis, found) or _attack_recalled(analysis, found)) \
            or _no_event(analysis) or _nothing_up_front(analysis):
        return []
    incidents = []
    segs = _segments(analysis, found, violent)
    if len(segs) > 1 and _judicial(analysis):
        segs = _trial_of_the_recalled(analysis, segs, persons)
    for seg in segs:
        if _state_force(analysis, seg.sentences):
            continue
        # the first codable incident is the article's main one (its headline, its whole text but the other
        # incidents' sentences: a chronicle's other attackers are not its own)
        others = {i for o in segs if o is not seg for i in o.sentences}
        elsewhere = {o.place.name for o in segs if o is not seg and o.place is not None and o.place.kind == "city"}
        inc = _code(analysis, found, persons, seg, main=not incidents, others=others, elsewhere=elsewhere)
        if inc is not None:
            if incidents:
                _date_before(found, inc, incidents[0], analysis.text)
                _placed_as_main(analysis, seg, inc, incidents[0])
            incidents.extend(_distribute(found, inc))
    return incidents


def _trial_of_the_recalled(analysis: Analysis, segs: list[Segment], persons: list[Person]) -> list[Segment]:
    """"Суд приговорил … Шерзода Каримова … за нападение на сотрудников" … "Напомним, 14 мая 2022 года Каримов
    напал с ножом на наряд": a trial's report whose lead tells no act of its own tries the attack it recalls
    (the same person in both), so the two are one incident, the recalled one's (docs/coding.md §1)."""
    main = segs[0]
    if main.recalled or main.own:
        return segs
    def named_in(seg: Segment) -> set[str]:
        spans = [(analysis.sentences[i].start, analysis.sentences[i].end) for i in seg.sentences]
        return {p.name for p in persons if any(a <= m < b for m, _ in p.mentions for a, b in spans)}
    tried = named_in(main)
    for seg in segs[1:]:
        if seg.recalled and tried & named_in(seg):
            seg.sentences = sorted(set(seg.sentences) | set(main.sentences))
            return [seg] + [o for o in segs[1:] if o is not seg]
    return segs


def _placed_as_main(analysis: Analysis, seg: Segment, inc: Incident, main: Incident) -> None:
    """A past attack recalled with no place in its own sentences ("в декабре прошлого года … погибли около
    200 человек") happened in the main incident's country and region, not in a dateline's town."""
    if not seg.recalled or seg.place is not None:
        return
    own = [(analysis.sentences[i].start, analysis.sentences[i].end) for i in seg.sentences]
    at = (inc.field_evidence.get("place") or [[None]])[0][0]
    if at is not None and any(a <= at < b for a, b in own):
        return
    inc.country, inc.region, inc.city, inc.lat, inc.lon = main.country, main.region, None, None, None
    inc.field_evidence["place"] = main.field_evidence.get("place", [])


_SAME_DAY = re.compile(r"(?<!\w)(?:(?:утром|днем|днём|вечером|ночью)\s+)?(?:того\s+же\s+дня|в\s+тот\s+же\s+день)", re.I)


def _date_before(found: Extraction, inc: Incident, main: Incident, text: str) -> None:
    """"Днем ранее в Каспийске неизвестные обстреляли …": a day counted back from the main incident's."""
    span = (inc.field_evidence.get("date") or [None])[0]
    if inc.date is None and span is None and main.date and len(main.date) == 10:
        # "Спустя два часа в городе Буйнакск …": hours after the main act, the same day
        later = next((t for t in found.temporals if t.kind == "duration" and t.extra.get("unit") in ("H", "M")
                      and t.text.lower().startswith(("спустя", "через"))
                      and any(a <= t.start < b for a, b in inc.evidence[:1])), None)
        if later is not None:
            inc.date, inc.date_text = main.date, later.text
            inc.field_evidence["date"] = [[later.start, later.end]]
            return
        # "Вечером того же дня, около 21:30, в селе Карабудахкент двое неизвестных открыли огонь": the main act's day
        same = _SAME_DAY.search(text, *inc.evidence[0]) if inc.evidence else None
        if same is not None:
            inc.date, inc.date_text = main.date, same.group(0)
            inc.field_evidence["date"] = [[same.start(), same.end()]]
        return
    if inc.date is not None or span is None or not main.date or len(main.date) != 10:
        return
    t = next((t for t in found.temporals if [t.start, t.end] == list(span) and t.extra.get("days_before")), None)
    if t is not None:
        inc.date = (date.fromisoformat(main.date) - timedelta(days=t.extra["days_before"])).isoformat()


def _distribute(found: Extraction, inc: Incident) -> list[Incident]:
    """"X и Y погибли от ударов дронов в Пакистане в 2009 и 2013 годах": one death per year, so one
    incident per year (docs/coding.md §2: a different date is a different incident)."""
    import copy
    if len(inc.evidence) != 1 or not inc.killed:
        return [inc]
    a, b = inc.evidence[0]
    years = next((t.extra["years"] for t in found.temporals
                  if a <= t.start < b and len(t.extra.get("years") or []) > 1), None)
    if not years or inc.killed != len(years) or inc.wounded:
        return [inc]
    out = []
    for _ in years:
        part = copy.deepcopy(inc)
        part.killed = 1
        part.victims = []
        out.append(part)
    return out


def _clause_elsewhere(analysis: Analysis, c: cas.Casualty, elsewhere: set[str], seg: Segment) -> bool:
    """The casualty's clause (between commas, colons and semicolons) names a town of another incident."""
    text = analysis.text
    sent = analysis.sentences[c.sentence]
    lo = max(text.rfind(x, sent.start, c.start) for x in (",", ":", ";")) + 1
    ends = [e for e in (text.find(x, c.end, sent.end) for x in (",", ":", ";")) if e >= 0]
    hi = min(ends) if ends else sent.end
    lo = max(lo, sent.start)
    return _another_incidents_town(geo_link.mentions(analysis, lo, hi), elsewhere, seg)


def _sum_of_the_acts(analysis: Analysis, found: Extraction, i: int, elsewhere: set[str], seg: Segment) -> bool:
    """The toll of sentence i sums up the acts its sentence, or the one before that it follows "В результате",
    counts in several towns, another incident's among them: "Во вторник в Израиле были совершены два теракта — в
    Беэр-Шеве и в Иерусалиме. В результате погиб один человек, еще семеро получили ранения"."""
    sents = analysis.sentences
    told = [sents[i]] + ([sents[i - 1]] if i and sents[i].tokens and sents[i].tokens[0].lemma == "в"
                                          and any(t.lemma == "результат" for t in sents[i].tokens[1:3]) else [])
    return any(_acts_counted(found, s) and _another_incidents_town(geo_link.mentions(analysis, s.start, s.end),
                                                                    elsewhere, seg) for s in told)


def _acts_counted(found: Extraction, sent: Sentence) -> bool:
    """A number of two or more counts attacks: "два теракта", "три нападения"."""
    return any(cas._many_acts(sent, n, least=2) for n in found.numbers if sent.start <= n.start < sent.end)


def _another_incidents_town(found: list[geo_link.Resolved], elsewhere: set[str], seg: Segment) -> bool:
    """One of the towns found is another incident's, not this one's."""
    own = seg.place.name if seg.place is not None else None
    return any(r.kind == "city" and r.name in elsewhere and r.name != own for r in found)


def _act_elsewhere(analysis: Analysis, hit: tuple, elsewhere: set[str], seg: Segment) -> bool:
    """The town named right after the act's cue is another incident's ("по факту обстрела в Баксане и … по
    факту взрыва в Нарткале")."""
    return _another_incidents_town([r for r in geo_link.mentions(analysis, hit[3], min(hit[3] + 30, len(analysis.text)))
                                    if re.fullmatch(r"\s+(?:в|во|на)\s+", analysis.text[hit[3]:r.start])],
                                   elsewhere, seg)


def _code(analysis: Analysis, found: Extraction, persons: list[Person], seg: Segment, main: bool,
          others: set[int] = frozenset(), elsewhere: set[str] = frozenset()) -> Incident | None:
    text = analysis.text
    sents = [analysis.sentences[i] for i in seg.sentences]
    lo, hi = sents[0].start, sents[-1].end
    inside = lambda a, b: any(s.start <= a < s.end for s in sents)  # noqa: E731
    quotes = _quote_spans(found)
    statements = cas.find_casualties(analysis, found, seg.sentences)
    # a named attacker's own death counts where it is told apart (the Watertown shootout), not in the
    # attack he fled from (docs/coding.md §5: Boston bombing = 0)
    statements = [c for c in statements if not c.own_perp or (seg.own and not main)]
    # a counter-terrorist operation the lead tells, with only militants dead: "Двое предполагаемых боевиков убиты в
    # ходе контртеррористической операции в Малгобеке, в перестрелке ранен сотрудник полиции" (docs/coding.md §1)
    if main and all(c.count == 0 or c.group == "perpetrator" or c.fate == "wounded" for c in statements) and any(
            c.fate == "killed" and c.group == "perpetrator" for c in statements) and _operation_led(analysis):
        return None
    if elsewhere:
        # "совершены два нападения: в Буйнакске ранен патрульный, в Карабудахкенте убит сотрудник ДПС": a clause
        # of the summary that names another incident's town tells that incident's toll
        statements = [c for c in statements if not _clause_elsewhere(analysis, c, elsewhere, seg)
                      and not _sum_of_the_acts(analysis, found, c.sentence, elsewhere, seg)]
    # a clash with the police or soldiers in the lead is unrest met by force, no brawl of its own
    # ("столкновения между полицией и рабочими … в результате этих беспорядков погибли люди")
    led = [_force_near(s.tokens, k) for s in _lead(analysis) for k, t in enumerate(s.tokens) if t.lemma in CLASH]
    clash_led = bool(led) and not any(led)
    # (an attack told with its attackers makes "в ходе столкновения погиб сержант" the fight with them)
    attackers = any(_attackerish(t) for s in sents for t in s.tokens)
    statements = [c for c in statements if clash_led or attackers or not _clash_toll(analysis.sentences[c.sentence])]
    hits = [h for s in sents for h in _attack_hits(s) if not _inside(quotes, h[2], h[3]) and not _found_burnt(s, h)
            and not _found_unused(s, h) and not (elsewhere and _act_elsewhere(analysis, h, elsewhere, seg))]
    exploded = any(t.lemma in EXPLOSION and not _threatened(s.tokens, k) for s in sents
                   for k, t in enumerate(s.tokens)) or any(_set_off(s) for s in sents)
    # ("при вскрытии письма со взрывчаткой был легко ранен один из сотрудников": the charge that hurt him went off)
    exploded = exploded or any(h[0] == "bombing" and c.count and c.fate in ("killed", "wounded")
                               and any(x.start <= h[2] < x.end and x.start <= c.start < x.end for x in sents)
                               for h in hits for c in statements)
    if not exploded:
        # a bomb that never went off is not a bombing: "сообщение о взрывных устройствах в школе"
        # (nor a grenade found and seized: "в схроне находились четыре ручные гранаты Ф-1 … изъяты")
        seized = [(x.start, x.end) for x in sents if any(_found_word(t) for t in x.tokens)]
        hits = [h for h in hits if not (h[0] == "bombing" and (text[h[2]:h[3]].lower().startswith(DEVICE)
                                                             or any(a <= h[2] < b for a, b in seized)))]
    if not statements and not hits:
        return None
    told = sents + (_lead(analysis, 0) if main else [])
    # "при попытке задержания 41-летнего Бахытжана Оразбаева погибли старший лейтенант полиции … и сержант …
    # Преступник был ликвидирован": officers dead at an attacker's hands, though no attack verb is told
    forces_killed = any(c.fate == "killed" and c.count and c.group in SECURITY_GROUPS for c in statements) and \
        any(_attackerish(t) for s in sents for t in s.tokens)
    if not hits and not forces_killed and (not _violence_told(analysis, told)
                                           or any(t.lemma in SELF_HARM for s in told for t in s.tokens)):
        return None                                    # "скончался от пневмонии", "застрелился": no attack
    if not statements and not any(h[1] or h[0] in ("hostage_taking", "hijacking") for h in hits) \
            and not _attack_on_someone(sents):
        return None                                    # "нападение" alone, with nothing happening (but "по факту
        #                                                нападения на сотрудника патрульно-постовой службы": on him)
    if not any(c.count for c in statements) and all(_many_told(x) for h in hits for x in sents if x.start <= h[2] < x.end):
        return None                                    # "после резонансных нападений с ножом в Мангейме и Золингене":
        #                                                acts named in the plural, none told
    if all(h[0] == "arson" or _rioters_act(s, h[2]) for h in hits for s in sents if s.start <= h[2] < s.end) \
            and any(t.lemma in RIOT for s in _lead(analysis) for t in s.tokens):
        return None                                    # "в результате массовых беспорядков погибли 18": unrest,
        #                                                the houses and cars it burnt and what rioters attacked
    # (a case "по факту вооруженного нападения на сотрудников" names the resistance by its article, no act)
    if all(c.count == 0 or c.group == "perpetrator" for c in statements) and all(
            _resisting(s, a) or _case_named(s, a) for a in {h[2] for h in hits} for s in sents if s.start <= a < s.end):
        # ("сотрудники ФСБ ликвидировали двоих боевиков, которые оказали вооруженное сопротивление … Среди
        # силовиков пострадавших нет": only the militants died, no attack told: a security operation)
        return None                                    # "обезвредили взрывное устройство … Никто не пострадал"
    _groups_of_named(statements, persons, found)
    for c in statements:                               # who each named victim is, mention by mention
        c.people = tuple(next((p.name for p in persons if (e.start, e.end) in p.mentions), e.normal or e.text)
                         for e in c.names)
    _all_of_the_attackers(statements, found, sents, text)
    t = cas.tally(statements)
    inc = Incident()
    inc.field_evidence = {k: [list(x) for x in v] for k, v in t["evidence"].items()}
    inc.killed, inc.wounded = t["killed"], t["wounded"]
    inc.killed_by_group, inc.wounded_by_group = t["killed_by_group"], t["wounded_by_group"]
    inc.perpetrators_killed = t["perpetrators_killed"]
    _quoted_toll(analysis, found, seg, others, inc)
    _attackers_in_the_toll(inc, text, found)

    hits = _shelling(hits, text, [w for w in found.weapons if inside(w.start, w.end)])
    # "Граната, по предварительным данным, оказалась учебной": the weapon was a dummy all along
    fake = _dummy_classes(analysis, found, others)
    hits = [h for h in hits if h[1] not in fake]
    # types and weapons: cue words and the weapons named in the incident's sentences
    types, weapons = [], []
    for typ, wcls, a, b in hits:
        if typ not in types:
            types.append(typ)
        if wcls and wcls not in weapons:
            weapons.append(wcls)
    # (nor one a sentence tells as the group's habit: "регулярно … закладывает самодельные мины на пути патрулей")
    items = [w for w in found.weapons if inside(w.start, w.end) and w.cls not in fake and not any(
        _found_word(t) or t.lemma in WANTED or t.lemma in _HABITUAL for s in sents if s.start <= w.start < s.end
        for t in s.tokens)
        and (exploded or not (w.cls == "explosives" and _DEVICE_RE.search(w.text)))
        and not re.match(r"\s*эквивалент", text[w.end:w.end + 14], re.I) and "эквивалент" not in w.text.lower()
        and not _service_weapon_on_attacker(sents, w)]
    for w in items:
        if w.cls not in weapons and w.cls != "other":
            weapons.append(w.cls)
    if "melee" in weapons and not types:
        types.append("stabbing")
    if "firearms" in weapons and "armed_assault" not in types and any(
            (c.fate == "killed" or c.fate == "wounded") and c.count != 0 for c in statements):
        types.append("armed_assault")
    if "explosives" in weapons and "bombing" not in types and "airstrike" not in types and any(
            h[0] == "bombing" for h in hits):
        types.append("bombing")
    if "hijacking" in types and not any(h[0] == "hijacking" and _carries_people(sents, h[2]) for h in hits):
        types.remove("hijacking")                     # "угон автомобиля": a car theft, not a hijacking
    generic = "armed_assault" in types and not any(h[0] == "armed_assault" and h[1] for h in hits)
    if "other" in types and generic and not weapons and len(types) == 2:
        types.remove("armed_assault")                 # "нападение … девочку ударили в грудь": a beating
    # "фургон въехал в толпу пешеходов": a ramming is an armed assault (docs/coding.md §3), beside a stabbing too
    # (into people: "протаранил ворота посольства" is a car bomb's way in)
    rammed = any(h[1] == "vehicle" and h[0] in ("other", "armed_assault") and any(
        t.lemma in _CROWD and h[2] <= t.start < h[3] + 40 for s in sents for t in s.tokens) for h in hits)
    if "other" in types and (weapons or len(types) > 1):
        types.remove("other")                         # "избили кастетом": an assault with a weapon
        if "armed_assault" not in types and (rammed or not (set(types) - {"suicide", "assassination"})):
            types.append("armed_assault")
    hurt = any(c.fate in ("killed", "wounded") and c.group != "perpetrator" for c in statements)
    title = [x for x in analysis.sentences if analysis.title_span and x.start < analysis.title_span[1]] if main else []
    targeted = _targeted(title + sents, found, analysis) or _poisoned_person(title + sents, analysis)
    if "assassination" in types and not targeted:
        types.remove("assassination")                 # "заказное убийство" of a private person
    if hurt and targeted and "assassination" not in types:
        types.append("assassination")
    specific = {h[0] for h in hits if h[0] != "armed_assault"} - {"suicide", "assassination"}
    if not specific - {"hostage_taking", "hijacking", "arson"} and any(c.fate == "killed" and c.count
                                                                       and c.group != "perpetrator" for c in statements):
        specific = set()                              # "атаковали колонну, убив 30 человек … сожгли грузовики,
        #                                             похитили женщин": the killing is an assault of its own
    if "armed_assault" in types and specific and not rammed and not any(
            h[0] == "armed_assault" and h[1] == "firearms" for h in hits) and "firearms" not in weapons \
            and not (specific - {"arson", "hostage_taking", "hijacking"} == {"stabbing"} and (t["killed"] or 0) >= 10):
        types.remove("armed_assault")                 # "напал с ножом": the specific method is the type (not
        #                                               for ten dead or more, no knife's toll alone: "погибли 22
        #                                               … протоиерей, которому злоумышленники перерезали горло")
    if not (set(types) - {"assassination", "suicide"}) and hurt and "assassination" not in types:
        types.append("armed_assault")                 # an attack on people, method not stated
    if "assassination" in types and "armed_assault" in types:
        # one target: the killing is the assassination (not when it hurt three or more: "Водитель погиб, сам глава
        # и его помощник получили ранения")
        if (t["killed"] or 0) <= 2 and ((t["killed"] or 0) + (t["wounded"] or 0) <= 2 or "firearms" not in weapons):
            types.remove("armed_assault")
    if "stabbing" in types and len(types) > 1 and t["killed"] == 0 and t["wounded"] == 0:
        types.remove("stabbing")                      # "Вооруженный ножом мужчина захватил автобус … Никто не пострадал"
    if "bombing" in types and "suicide" not in types and any(h[0] == "suicide" for s in title for h in _attack_hits(s)):
        types.append("suicide")                       # "Смертник протаранил ворота посольства": told by the title
        if "vehicle" in weapons:
            _driver_was_bomber(inc, statements, text)
    if types == ["armed_assault"] and set(weapons) == {"other"} and not rammed and not any(
            h[0] == "armed_assault" and h[1] == "firearms" for h in hits):
        types = ["other"]                             # "распылили неизвестное вещество": a poisoning, no assault
        #                                               with arms (docs/coding.md §3)
    if "airstrike" in types and _claimed(sents):
        # "Ответственность за атаку взяло на себя «Исламское сопротивление в Ираке»": an armed group's drones or
        # rockets, no state's strike (docs/coding.md §3)
        types = [x for x in types if x != "airstrike"] + ([] if "bombing" in types else ["bombing"])
    order = {t_: i for i, t_ in enumerate(("armed_assault", "bombing", "assassination", "hostage_taking",
                                           "hijacking", "arson", "stabbing", "suicide", "airstrike", "other"))}
    inc.types = sorted(types, key=order.get)
    if "suicide" in inc.types and "bombing" not in inc.types and "explosives" in weapons and "firearms" not in weapons \
            and hurt:
        # "смертник атаковал колонну полиции": a suicide attacker's weapon is his bomb (the assault was it)
        inc.types = sorted([t_ for t_ in inc.types if t_ != "armed_assault" or not generic] + ["bombing"],
                           key=order.get)
    elif "suicide" in inc.types and "bombing" not in inc.types and "explosives" in weapons and hurt:
        # "смертник направил начиненный взрывчаткой автомобиль в ворота …, боевики открыли огонь": the bomb
        # beside the gunmen's assault
        inc.types = sorted(inc.types + ["bombing"], key=order.get)
    inc.suicide = "suicide" in inc.types
    if inc.suicide and "bombing" in inc.types and not inc.perpetrators_killed:
        inc.perpetrators_killed = 1                   # the bomber died in the blast (docs/coding.md §5)
        cue = next((h for h in hits if h[0] == "suicide"), None)
        if cue is not None:
            inc.field_evidence["perpetrators_killed"] = [[cue[2], cue[3]]]
            # "Два смертника подорвали себя": as many as counted right before the word
            n = next((x for h in hits if h[0] == "suicide" for x in found.numbers
                      if 0 <= h[2] - x.end <= 1 and not x.extra.get("ordinal")), None)
            if n is not None and isinstance(n.value, int) and 1 < n.value < 20:
                inc.perpetrators_killed = n.value
                inc.field_evidence["perpetrators_killed"] = [[n.start, n.end]]
    inc.weapons = sorted(weapons, key=("firearms", "explosives", "melee", "incendiary", "vehicle", "other").index)
    # text is the surface span (text == document[start:end]); the dictionary form is in normal
    named: set[str] = set()                           # one item once, at its first mention
    inc.weapon_items = [WeaponItem(w.text, w.cls, w.kind, w.start, w.end, w.normal) for w in items
                        if (w.normal or w.text).lower() not in named and not named.add((w.normal or w.text).lower())]
    # (not one people waited for or a stop is named after: "ожидавших автобусы", "остановка автобуса")
    inc.vehicles = list(dict.fromkeys(v.normal for v in found.vehicles if inside(v.start, v.end)
                                      and not _RIDERS.search(text, max(0, v.start - 30), v.start)))

    # perpetrators: named attackers; their death or arrest
    # (nor a sentence going on with another incident told just before: "… в 2021 году был убит депутат Дэвид Эймесс.
    # Его убийца, Али Харби Али, был приговорен …")
    scope = _with_paragraphs(analysis, seg.sentences, others) if not main else [
        x for k, x in enumerate(analysis.sentences) if not analysis.ignored(x.start, x.end) and k not in others
        and not (k - 1 in others and _goes_on(x))]
    perps = _perpetrators(analysis, found, persons, scope, driver=rammed)
    inc.perpetrators = [p.name for p in perps]
    if len(perps) == 1 and perps[0].age is None:
        # "Тело 18-летнего стрелка обнаружено": the one named attacker's age, told by his noun
        age = next((a for s in scope for a in found.ages if s.start <= a.start < s.end
                    and (nxt := next((t for t in s.tokens if t.start >= a.end), None)) is not None
                    and not text[a.end:nxt.start].strip(" ") and _attackerish(nxt)), None)
        if age is not None:
            perps[0].age = age.value
    for p in perps:
        p.extra["role_in_incident"] = "perpetrator"
    # ("один из них пытался покончить с собой": an attempt, no death)
    dead = [(tk.start, tk.end, tk.lemma) for s in sents for k, tk in enumerate(s.tokens)
            if cues().get(tk.lemma) == "perp_dead" and not _thing_destroyed(s, k)
            and not any(x.lemma in ATTEMPTS for x in s.tokens[max(0, k - 2):k]) and not _forces_destroyed(s, k)]
    for s in sents:
        if (cue := _died_by_own_hand(s)) is not None:
            dead.append((cue.start, cue.end, cue.lemma))
            # ("Подросток погиб на месте после того, как нанёс себе несколько ударов ножом": no victim's death)
            own = next((c for c in statements if c.fate == "killed" and c.count == 1 and c.nominal and not c.names
                        and s.start <= c.start < s.end and c.start <= cue.start < c.end), None)
            if own is not None and inc.killed and [own.start, own.end] in inc.field_evidence.get("killed", []):
                _uncount(inc, "killed", own.group, 1)
                inc.killed = inc.killed or None
    # "гранату бросил … Ш. Раджабов, который погиб на месте"
    dead += [(b, m.end() + b, "погибнуть") for p in perps for _, b in p.mentions
             if any(x.start <= b <= x.end for x in sents) and (m := _WHO_DIED.match(text[b:b + 60]))]
    alive = _attacker_arrested(analysis, scope, perps, sents, driver=rammed)
    if not main and not alive and not perps:
        # "Власти также связывают Рахами со взрывом … в городе Сисайд Парк": a person this incident is
        # tied to, arrested anywhere in the text, survived it too
        named = [p for p in persons if any(s.start <= a < s.end for a, _ in p.mentions for s in sents)]
        everywhere = [x for x in analysis.sentences if not analysis.ignored(x.start, x.end)]
        alive = _attacker_arrested(analysis, everywhere, named) if named else []
    # (the attackers named as arrested survived: "задержаны трое подозреваемых — X, Y и Z … Четвертый
    # участник нападения … был ликвидирован")
    held = _arrested_named(scope, perps) if len(perps) > 1 else []
    if inc.perpetrators_killed is None and dead:
        inc.perpetrators_killed = max(1, len(perps) - len(held))
        # ("двое вооруженных мужчин напали на пост … нападавшие нейтрализованы": all those counted)
        # (uncounted, they are more than one and how many is unknown: "Боевики напали … Все нападавшие уничтожены")
        if not perps and any(t.start == dead[0][0] for s in sents for t in s.tokens) and _plural_killed(sents, dead[0][0]):
            inc.perpetrators_killed = _attackers_counted(found, sents)
        if inc.perpetrators_killed is not None:
            inc.field_evidence["perpetrators_killed"] = [[dead[0][0], dead[0][1]]]
    elif inc.perpetrators_killed is None and _killed_by_security(analysis, sents):
        inc.perpetrators_killed = 1
        inc.field_evidence["perpetrators_killed"] = [list(_killed_by_security(analysis, sents))]
    elif inc.perpetrators_killed is None and any(
            _security_act(s, t.start) for s in sents for t in s.tokens if t.lemma in SECURITY_KILLS):
        inc.perpetrators_killed = 1                   # "затем его застрелили", "полиция застрелила его"
        cue = next(t for s in sents for t in s.tokens if t.lemma in SECURITY_KILLS and _security_act(s, t.start))
        inc.field_evidence["perpetrators_killed"] = [[cue.start, cue.end]]
    elif inc.perpetrators_killed is None and (cue := _attacker_killed_passive(sents)):
        inc.perpetrators_killed = 1                   # "Нападавшему удалось убить одного …, после чего он был убит"
        inc.field_evidence["perpetrators_killed"] = [[cue.start, cue.end]]
    elif inc.perpetrators_killed is None and (cue := _wounded_attacker_died(analysis, sents)):
        inc.perpetrators_killed = 1                   # "… тяжело ранил нападавшего. Он скончался в больнице"
        inc.field_evidence["perpetrators_killed"] = [[cue.start, cue.end]]
    elif inc.perpetrators_killed is None and alive:
        inc.perpetrators_killed = 0
        inc.field_evidence["perpetrators_killed"] = [list(alive[0])]
    elif inc.perpetrators_killed is None and (tried := _on_trial(text, perps)) is not None:
        inc.perpetrators_killed = 0                   # "суд над Русланом Кулекбаевым, обвиняемым в нападении"
        inc.field_evidence["perpetrators_killed"] = [list(tried)]
    # "террористы-смертники Ибрагим эль-Бакрауи и Наджим Лаашрауи": each suicide bomber named died
    bombers = [p for p in perps if any(r.split()[0] in ("смертник", "смертница", "террорист-смертник",
                                                         "террористка-смертница") for r in p.roles)]
    if inc.suicide and "bombing" in inc.types and len(bombers) > (inc.perpetrators_killed or 0):
        inc.perpetrators_killed = len(bombers)
        inc.field_evidence["perpetrators_killed"] = [list(m) for p in bombers for m in p.mentions[:1]]
    for p in perps:
        if p in held and (inc.perpetrators_killed or 0) < len(perps):
            p.extra["fate"] = "arrested"
        elif inc.perpetrators_killed:
            p.extra["fate"] = "killed (self-detonation)" if any(d[2] == "самоподрыв" for d in dead) else "killed"
    _victims(inc, statements, persons)
    _attackers_among_victims(inc, statements, perps)

    # place and date
    headline = None
    if main and analysis.title_span:                  # "Теракт в Иерусалиме: убиты двое полицейских"
        headline = geo_link.place_in(analysis, analysis.title_span[0], analysis.title_span[1], city_only=True)
        if headline is not None and geo_link._locative(text, headline.start) <= 0:
            headline = None
    place = headline or seg.place
    if headline is not None and seg.place is not None and headline.city and seg.place.city \
            and (headline.lat, headline.lon) == (seg.place.lat, seg.place.lon) and headline.lat is not None:
        place = seg.place                             # one town: the body names it in full ("Санкт-Петербург")
    elif headline is not None and seg.place is not None and seg.place.city and seg.place.lat is not None \
            and headline.country == seg.place.country \
            and seg.place.start > analysis.title_span[1] and geo_link.after_settlement_word(text, seg.place.start) \
            and not any(r.city == headline.city for s in sents if s.start >= analysis.title_span[1]
                        for r in geo_link.mentions(analysis, s.start, s.end)):
        place = seg.place             # "В Оше подожгли мечеть" … "в селе Кара-Суу Ошской области": the village
    elif headline is not None and headline.lat is None and seg.place is not None and seg.place.city \
            and seg.place.start > analysis.title_span[1] and geo_link.after_settlement_word(text, seg.place.start):
        place = seg.place             # "В индийском Кашмире …" (no town the gazetteer knows) … "в городе Сопор"
    elif headline is not None and seg.place is not None and seg.place.city and seg.place.city != headline.city \
            and any(_RECALL.match(text, s.start) and s.start <= seg.place.start < s.end for s in sents) \
            and _judicial(analysis):
        place = seg.place             # "В Душанбе осуждены участники нападения" … "Напомним, … напали на пост полиции
        #                               в селе Гарм": the court's town is not the scene the recall names
    arrival = _arrival(analysis, sents) if main else None
    if place is None and arrival is not None:
        place = geo_link.place_in(analysis, arrival.start, arrival.end, city_only=True)
    if place is None:
        # no settlement in the incident's own sentences: a city named elsewhere in the text is not the
        # scene ("ранен … доставлен в больницу Белграда"); keep its country and region (docs/coding.md §8)
        # (an incident told apart with no place of its own keeps the article's country: 106643)
        place = geo_link.place_in(analysis, lo, hi) or geo_link.place_in(analysis, 0, len(text))
        told_in = _told_in(analysis, sents[:1])
        if place is not None and told_in is not None and place.country and told_in.country != place.country:
            place = told_in     # "База … в сирийской провинции Дейр-эз-Зор …, что атака усилит в Вашингтоне дискуссию"
        if place is not None and place.city and not any(
                place.city == (r.city or "") for s in sents for r in geo_link.mentions(analysis, s.start, s.end)):
            # (an entry of a chronicle told apart keeps only the country: its region is another entry's)
            place = dataclasses.replace(place, city=None, lat=None, lon=None, region=place.region if main else None)
        scene = (_lead_scene(analysis) or geo_link.dateline_town(analysis)) if main else None
        if scene is not None and any(geo_link.names_district(analysis, s.start, s.end, here) or any(
                r.kind == "region" and r.name != scene.region for r in here)
                for s in sents for here in [geo_link.mentions(analysis, s.start, s.end)]):
            scene = None            # "в Шалинском районе", "в провинции Гильменд": not the dateline's capital
        if scene is not None and (place is None or place.country in (None, scene.country)):
            place = scene                             # the article opens in that town, or is filed from it
    if place:
        inc.city, inc.region, inc.country = place.city, place.region, place.country
        inc.lat, inc.lon = place.lat, place.lon
        inc.field_evidence["place"] = [[place.start, place.end]]
        # "в Мюлузе (департамент Верхний Рейн)": the region the text glosses the town with, which the gazetteer lacks
        gloss = _REGION_GLOSS.match(text, place.end) if inc.city and not inc.region else None
        if gloss:
            inc.region = gloss.group(1)
    held = geo_link.territory(text, lo, hi)
    # (in a story told in Israel or the territories, or in no country yet: not "после начала обострения в секторе Газа"
    # in a story about a base in Syria)
    if held is not None and inc.lat is None and inc.country in (None, "IL", "PS"):
        # "у поселения Кдумим на Западном берегу реки Иордан": a settlement the gazetteer does not know, in a
        # territory coded apart (docs/coding.md §8: West Bank settlements are PS)
        inc.country, inc.region = held
    when = _date(analysis, found, sents, quotes)
    if when is None and main:
        # "…похитили журналиста. По их словам, в среду вечером он был насильно посажен в автомобиль": the
        # next sentence, telling the same act with no place of its own, gives its day
        k = analysis.index_of(sents[-1])
        nxt = analysis.sentences[k + 1] if k is not None and k + 1 < len(analysis.sentences) else None
        if nxt is not None and not geo_link.mentions(analysis, nxt.start, nxt.end) \
                and any(t.lemma in ("он", "она", "они") for t in nxt.tokens):
            told = _date(analysis, found, [nxt], quotes)
            when = told if told is not None and told.value else None
    if when is None and main:
        # "…в результате удара беспилотника по автомобилю … Удар был нанесен накануне вечером": the sentence after
        # the first, opening on the act's own noun
        k = analysis.index_of(sents[0])
        nxt = analysis.sentences[k + 1] if k is not None and k + 1 < len(analysis.sentences) else None
        if nxt is not None and nxt.tokens and nxt.tokens[0].lemma in {t.lemma for t in sents[0].tokens} & _ACT_OPENERS:
            told = _date(analysis, found, [nxt], quotes)
            when = told if told is not None and told.value else None
    if when is None and main and sents:
        # "В результате взрывов в аэропорту Брюсселя и в метро погибли 34 человека. Утром во вторник, 22 марта
        # 2016 года, в зале вылета аэропорта прогремели два взрыва": the lead's summary, dated by the next
        # sentence that opens the first of its parts with a full date (not a past one: no "ранее", "напомним")
        k = analysis.index_of(sents[0])
        nxt = analysis.sentences[k + 1] if k is not None and k + 1 < len(analysis.sentences) else None
        if nxt is not None and analysis.index_of(nxt) in others \
                and not any(t.lemma in PAST_MARKERS for t in nxt.tokens):
            told = _date(analysis, found, [nxt], quotes)
            if told is not None and told.kind == "date" and told.extra.get("year") and told.extra.get("day") \
                    and told.start - nxt.start < 40:
                when = told
    if when is None and main:
        # "Во вторник на участке границы … произошел вооруженный конфликт. … открыли огонь": the lead, which
        # tells no violence by its words, dates the act its next sentences tell
        lead = [x for x in _lead(analysis, 3) if not analysis.title_span or x.start >= analysis.title_span[1]]
        told = _date(analysis, found, [x for x in lead if x.end <= sents[0].start], quotes) if lead else None
        when = told if told is not None and told.value and told.kind in ("date", "relative") else None
    if when is None and main:
        when = _gap_day(analysis, found, seg, others, place)
    if arrival is not None and (when is None or when.value is None):
        full = next((t for t in found.temporals if arrival.start <= t.start < arrival.end and t.kind == "date"
                     and t.value and t.extra.get("year") and not t.extra.get("year_inferred")), None)
        when = full or when
    # the sentences from the incident's first to its last, less other incidents'
    span = [analysis.sentences[k] for k in range(seg.sentences[0], seg.sentences[-1] + 1) if k not in others]
    if when is not None:
        inc.date, inc.date_text = when.value if when.kind in ("date", "range", "relative") else None, when.text
        if inc.date and when.kind == "relative" and "ночью" in when.text.lower() and _after_midnight(
                analysis, found, sents + span):
            # "Сегодня ночью неизвестные обстреляли … около 01:30": the night's small hours are the report's day
            inc.date = (date.fromisoformat(inc.date) + timedelta(days=1)).isoformat()
        inc.field_evidence["date"] = [[when.start, when.end]]
    elif main and analysis.published:
        # "По словам губернатора, удар пришелся около 06:50": a report that tells the act's clock time and names no
        # day at all is of the day it was published
        clock = next((t for t in found.temporals if t.kind == "time" and any(x.start <= t.start < x.end for x in span)),
                     None)
        told = span + _lead(analysis, 3)
        # (no other day told there: a birth year or "сегодня" is none)
        if clock is not None and not any(t.kind in ("date", "relative", "range", "month", "year")
                                         and not agency_dateline_end(analysis.text, t.start)
                                         and not BORN.match(analysis.text, t.end)
                                         and (t.value or "")[:10] != analysis.published.isoformat()
                                         and any(x.start <= t.start < x.end for x in told)
                                         for t in found.temporals):
            inc.date, inc.date_text = analysis.published.isoformat(), clock.text
            inc.field_evidence["date"] = [[clock.start, clock.end]]

    # a day: a full date, or a weekday or "вчера" the publication date resolves ("В субботу ночью … взорван
    # автомобиль главы района … никого не было")
    day = when is not None and (when.kind == "date" and when.extra.get("day")
                                or when.kind == "relative" and when.value and len(when.value) == 10)
    if inc.killed is None and inc.wounded is None and not inc.perpetrators_killed and not day \
            and not set(inc.types) & {"hostage_taking", "hijacking", "arson"} \
            and not (seg.own and exploded and "bombing" in inc.types):
        return None                   # a mention of violence with no toll, outcome or date: not codable
    inc.charges = list(found.charges) if main else []
    inc.timeline = _timeline(analysis, found, sents)
    inc.ideology = sorted({p.extra["ideology"] for p in perps if p.extra.get("ideology")})
    # a group named in the incident's sentences, or claiming it anywhere ("Ответственность за теракт
    # взяло на себя ИГ"); not one that denies it ("ХАМАС не берёт на себя ответственность")
    # (not a claim told inside another incident's sentences: "Полиция штата Борно возлагает ответственность
    # за теракт на «Боко харам»" is the Nigerian bombing's, not the church attack's told first)
    claims = [(s, _claim(s)) for k, s in enumerate(analysis.sentences) if k not in others or k in seg.sentences]
    # (nor one in a paragraph of the span that tells none of the incident: a digest's arrest told between)
    # ("В четверг в Дербенте сотрудники ФСБ задержали …, который готовил теракт по заданию эмиссаров ИГ")
    own_paragraphs = {_paragraph_start(analysis, k) for k in seg.sentences}
    theirs = {_paragraph_start(analysis, k) for k in others}
    apart = [(x.start, x.end) for k, x in enumerate(analysis.sentences) if lo <= x.start < hi
             and k not in seg.sentences and (p := _paragraph_start(analysis, k)) not in own_paragraphs
             and (p in theirs or _opens_elsewhere(analysis, found, p, seg))]
    outside = {g for a, b in _outside(lo, hi, [(s.start, s.end) for s, c in claims if c is False] + apart)
               for g in _groups(text, a, b)}
    # (an airstrike's groups are what it struck, "удар беспилотника … убит лидер ТТП": only a claim links one)
    inc.groups = [g for g in _groups(text, lo, hi) if g in outside] \
        if not {"airstrike"} <= set(inc.types) <= {"airstrike", "assassination"} else []
    if main:
        for s, claimed in claims:
            if claimed and not analysis.ignored(s.start, s.end):
                named = _groups(text, s.start, s.end) or _claimant(text, s.start, s.end)
                inc.groups += [g for g in named if g not in inc.groups]
    inc.evidence = [[s.start, s.end] for s in sents]
    inc.summary = " ".join(text[s.start:s.end] for s in sents[:1])[:300]
    return inc


# what may stand between a role and the name it labels: a comma and an age ("Подозреваемый, 41-летний "),
# or a dash and where the person lives ("Нападавший — житель Актау ")
_FROM = r"(?:жител|уроженец|уроженц|выходец|выходц|граждан)\w*\s+"          # where a person is from: "жители", "уроженца", "гражданин"
_APPOSED = re.compile(r",?\s*(?:\d{1,3}-летн\w+|\w+летн\w+)?\s*"
                      rf"(?:(?<=летний )(?:местн\w+\s+)?{_FROM}(?:[А-ЯЁ][\w-]*\s+){{1,2}})?"   # "…, 20-летний уроженец Чечни X"
                      rf"|\s*[—–]\s*(?:\d{{1,3}}-летн\w+\s+)?(?:{_FROM}[А-ЯЁ][\w-]*\s+)?")   # "зачинщиков — 34-летний X"
# "задержаны подозреваемые — жители Витебска Дмитрий Коновалов", "погиб сам подрывник — 25-летний житель
# города Рахимжан Махатов": the attackers named (the role table reads "подозреваемые" as a verb)
# ("предполагаемых исполнителей — граждане Таджикистана …", "исполнитель теракта X": not a singer)
_SUSPECTS = re.compile(r"(?<!\w)(?:подозреваем(?:ые|ых|ый|ого|ая|ой)|подрывник\w*|стрелявш\w+|стрелок|угонщик\w*|"
                       r"захватчик\w*|смертни(?:к|ц)\w*|нападавш\w+|сообщни(?:к|ц)\w*|"
                       r"предполагаем\w+\s+исполнител\w+|исполнител\w+\s+(?:теракт|нападени|взрыв|убийств|покушени)\w*)"
                       rf"\s*(?:[—–,]|\s-)?\s*(?:\d{{1,3}}-летн\w+\s+(?:[а-яё]{{4,}}(?:а|я|ы|и)\s+)?)?(?:{_FROM}"
                       r"(?:(?:города|села|поселка|посёлка)\s+)?(?:[А-ЯЁ][\w-]*\s+)?(?:(?:района|области|края)\s+)?)?$", re.I)
_DOER = re.compile(rf"(?<!\w)[Ии]сполнител(?:ь|ем|я|и|ей)\s*(?:[—–]\s*)?(?:{_FROM}[А-ЯЁ][\w-]*\s+)?$")
_ACT_WORD = re.compile(r"(?<!\w)(?:теракт|нападени|взрыв|покушени)", re.I)


def _suspect_named(text: str, s: int) -> bool:
    """The name at `s` follows a suspect's noun (_SUSPECTS), not as a relative of one: "брат исполнителя
    теракта Аброр Азимов" names the attacker's brother."""
    if _HELD_ON_SUSPICION.search(text, max(0, s - 140), s):
        return True                   # "По подозрению в нападении задержан 26-летний гражданин Сирии X"
    m = _SUSPECTS.search(text, max(0, s - 60), s)
    if m is None:
        # "теракт был заказан …, а исполнитель — гражданин Таджикистана Зоир Халилов": the act told just before
        m = _DOER.search(text, max(0, s - 60), s)
        if m is None or not _ACT_WORD.search(text, max(0, m.start() - 120), m.start()):
            return False
    if _VICTIM_OF.search(text, m.end(), s):
        return False                  # "подозрении в причастности Макафи к убийству соседа — X": the victim
    before = re.search(r"([а-яё]+)\s*$", text[max(0, m.start() - 20):m.start()])
    from letopis.nlp.morph import lemma
    return before is None or lemma(before.group(1)) not in KIN


_VICTIM_OF = re.compile(r"(?:убийств|покушени|похищени)\w*|нападени\w*\s+на", re.I)


# "задержали 29-летнего Нуржана Абдуллаева, подозреваемого в убийстве полицейского"
_ACTS_CHARGED = r"убийств|нападени|теракт|покушени|подрыв|поджог|захват|похищени|расстрел|взрыв|угон"
# ("Суд приговорил … 34-летнего X, признанного организатором нападения на блокпост")
_SUSPECT_AFTER = re.compile(rf"\s*,\s*(?:(?:подозреваем|обвиняем)\w*\s+в\s+(?:совершении\s+)?|признанн\w+\s+(?:виновн\w+\s+в\s+"
                            rf"(?:совершении\s+)?|(?:организатор|исполнител|участник)\w*\s+))(?:{_ACTS_CHARGED})")
# "27-летнему Коннору Уэббу из Ипсвича (графство Саффолк) предъявлено обвинение в покушении на убийство"
_CHARGED_AFTER = re.compile(r"\s*(?:из\s+[А-ЯЁ][\w-]+\s*)?(?:\([^()\n]{0,60}\)\s*)?(?:было\s+)?предъявлен[оы]?\s+"
                            rf"(?:официальн\w+\s+)?обвинени[ея]\s+в\s+(?:совершении\s+)?(?:{_ACTS_CHARGED}|террористическ)")
# the one held on suspicion of the act: "По подозрению в нападении задержан 26-летний гражданин Сирии X",
# "задержан по подозрению в совершении теракта житель Оша X", "По подозрению в поджоге в тот же день задержан X"
_SUSPICION = rf"по\s+подозрению\s+в\s+(?:совершении\s+|причастности\s+к\s+)?(?:{_ACTS_CHARGED}|преступлени)\w*(?:\s+[а-яё]+){{0,4}}"
_HELD = r"(?:был[аи]?\s+)?(?:задержан|арестован)\w*"
_HELD_ON_SUSPICION = re.compile(rf"(?<!\w)(?:{_SUSPICION}\s+{_HELD}|{_HELD}\s+{_SUSPICION})\s+(?:\d{{1,3}}-летн\w+\s+)?"
                                r"(?:[а-яё-]+\s+){0,3}(?:[А-ЯЁ][\w-]+\s+)?$", re.I)
_LED_BY = re.compile(r"(?:во\s+главе\s+с|под\s+(?:командованием|руководством))\s+$")
# "группа Назарзода напала на здание": a band named by its leader
_BAND_OF = re.compile(r"(?<![\w-])(?:групп[аы]|банд[аы]|отряд|бандгрупп[аы]|сторонники|боевики)\s+$", re.I)


def _arrested_named(sents: list[Sentence], perps: list[Person]) -> list[Person]:
    """The attackers named in a sentence that tells an arrest and no death."""
    out = []
    for s in sents:
        lemmas = {t.lemma for t in s.tokens}
        if not any(cues().get(x) == "perp_alive" for x in lemmas) or any(cues().get(x) == "killed" for x in lemmas):
            continue
        out += [p for p in perps if any(s.start <= a < s.end for a, _ in p.mentions) and p not in out]
    return out


_ANAPHORA = frozenset(("он", "она", "они", "его", "ее", "её", "их", "тогда"))


def _goes_on(sent: Sentence) -> bool:
    """The sentence opens with a pronoun or "тогда": it goes on with what was told just before."""
    return bool(sent.tokens) and sent.tokens[0].text.lower() in _ANAPHORA


def _perpetrators(analysis: Analysis, found: Extraction, persons: list[Person], sents: list[Sentence],
                  driver: bool = False) -> list[Person]:
    """Named attackers. `driver`: the attack was a ramming, so its driver is the attacker ("Водитель,
    28-летний житель Восточного Иерусалима Фади аль-Камбар, был застрелен")."""
    out = []
    perp_roles = [r for r in found.roles if r.group == "perpetrator"
                  or driver and r.normal.split()[0] == "водитель"]
    for p in persons:
        for s, e in p.mentions:
            sent = next((x for x in sents if x.start <= s < x.end), None)
            if sent is None or _TELLER.search(analysis.text, max(sent.start, s - 150), s):
                continue                  # "По словам представителя правительства X, нападавшим удалось скрыться"
            first = next((t for t in sent.tokens if t.start >= s), None)
            after = [t for t in sent.tokens if t.start >= e]
            # (a mention written as the name's nominative is one, whatever the tagger read: "Каримов" as the
            # genitive plural of the first name "Карим")
            subject = first is not None and ("nomn" in first.tag or not first.tag
                                             or analysis.text[s:e] in (p.name, *p.name.split()[1:])
                                             or _opens_clause(sent, first, after, found.roles))
            # ("… дождался, когда имам X выйдет во двор, и нанес ему удары": a name in a "когда" clause
            # acts only up to its comma)
            if _in_subordinate(sent, s):
                after = after[:next((k for k, t in enumerate(after) if t.text == ","), len(after))]
            # ("привел в действие взрывное устройство": set off)
            # (not "открыл несколько магазинов": "открыть" is an attacker's with fire)
            clause = _own_clause(after[:25])
            verb = next((t for k, t in enumerate(clause) if "VERB" in t.tag and (
                t.lemma in PERP_VERBS and (t.lemma != "открыть" or _FIRE & {x.lemma for x in clause[k + 1:k + 4]})
                or t.lemma == "привести" and [x.lemma for x in after[k + 1:k + 3]] == ["в", "действие"])), None)
            # "Фрэнки Бой застрелили": a plural verb after one person (no "и" between) has no subject
            # there, the person is its object (an indeclinable name reads as nominative too)
            alone = verb is not None and "plur" in verb.tag and not any(
                t.lemma == "и" for t in after if t.start < verb.start)
            # "Дениса Вороненкова застрелил 28-летний Павел Паршов": a name read as a woman's before a
            # man's verb is its object
            if subject and verb is not None and first is not None and "femn" in first.tag and "sing" in first.tag \
                    and "masc" in verb.tag:
                subject = False
            acts = verb is not None and not alone
            # "второй — 27-летний X — сдался", "X сдался полиции": an attacker who gave himself up
            acts = acts or subject and _gave_up(after)
            # ("Напарник пострадавшего, младший лейтенант полиции X, применил табельное оружие и ранил нападавшего":
            # an officer's act on the attacker)
            if acts and _on_the_attacker(after, verb) and _of_the_forces(p, found):
                acts = False
            # "Подозреваемый Бахытжан Оразбаев", "Подозреваемый, 41-летний Бахытжан Оразбаев,"
            labelled = any(r.end <= s and (s - r.end <= 2 and not re.search(r"[.!?]", analysis.text[r.end:s])
                                           or _APPOSED.fullmatch(analysis.text, r.end, s))
                           and not _dependant(sent, r, first) for r in perp_roles) \
                or _suspect_named(analysis.text, s) or _SUSPECT_AFTER.match(analysis.text, e) \
                or _CHARGED_AFTER.match(analysis.text, e) or any(
                # "… Дмитрий Коновалов и Владислав Ковалев", "… X, Y, Z и W"
                b2 <= s and _LIST_GAP.fullmatch(analysis.text[b2:s]) for q in out for _, b2 in q.mentions)
            # "группа боевиков во главе с Шамилем Басаевым захватила заложников": the attackers' leader
            leads = _LED_BY.search(analysis.text[max(0, s - 30):s]) is not None and \
                any(_attackerish(t) for t in sent.tokens if t.start < s) and \
                (any(t.lemma in ATTACK_VERBS for t in after[:25]) or bool(_type_hits(sent)))
            first_verb = next((t for t in after[:8] if "VERB" in t.tag), None)
            leads = leads or _BAND_OF.search(analysis.text, max(0, s - 20), s) is not None and \
                first_verb is not None and first_verb.lemma in ATTACK_VERBS
            # "X вошел в здание с карабином. Он застрелил охранника": the subject the next sentence goes on with
            then = subject and verb is None and first is not None and "nomn" in first.tag and _he_acts_next(analysis, sent)
            # ("арест 34-летнего Асхата Кенжебаева, который в прошлую субботу захватил заложников": the relative's doer)
            then = then or _relative_doer(after) and not _of_the_forces(p, found)
            if labelled or leads or then or _identified(analysis, sent, s) or _inverted_subject(sent, found, s) or \
                    _passive_agent(sent, s) or _taken_out(sent, s) or (
                    subject and acts and not any(t.lemma in ("который",) for t in after[:1])
                    and not _object_of_relative(after)):
                if p not in out:
                    out.append(p)
                break
    return out


_FIRE = frozenset(("огонь", "стрельба", "пальба"))


# who tells, not who acts: the name after "По словам", "Как сообщил" up to its comma
_TELLER = re.compile(r"(?:[Пп]о\s+(?:его\s+|ее\s+|её\s+)?словам|[Кк]ак\s+(?:сообщил|заявил|рассказал|отметил|пояснил|"
                     r"уточнил)[аи]?)\s[^,.;:!?«»]*$")


def _gave_up(after: list[Token]) -> bool:
    """The name's own verb, right after it (past a dash), is "сдался"."""
    verb = next((t for t in after[:4] if "VERB" in t.tag), None)
    return verb is not None and verb.lemma == "сдаться" and all(
        t.text in ("—", "–", "-", ",") for t in after[:after.index(verb)])


def _on_the_attacker(after: list[Token], verb: Token) -> bool:
    """The verb's object, right after it, is the attacker ("ранил нападавшего в ногу", "застрелил преступника")."""
    k = next((i for i, t in enumerate(after) if t is verb), None)
    return k is not None and any(_attacker_word(t) and t.lemma not in ("он", "его", "их", "они") and "nomn" not in t.tag
                                 for t in after[k + 1:k + 4])


def _of_the_forces(p: Person, found: Extraction) -> bool:
    """The person holds a police, security or army role in the text."""
    groups = {r.normal: r.group for r in found.roles}
    return any(groups.get(r) in SECURITY_GROUPS for r in p.roles)


def _relative_doer(after: list[Token]) -> bool:
    """", который в субботу захватил заложников": the clause after the name is a relative one whose "который" is its
    subject, and its verb an attacker's."""
    k = _relative_word(after)
    if k is None or "nomn" not in after[k].tag:
        return False
    verb = next((t for t in _own_clause(after[k + 1:k + 10]) if "VERB" in t.tag), None)
    return verb is not None and verb.lemma in PERP_VERBS


def _relative_word(after: list[Token]) -> int | None:
    """Where "который" opens the clause after a name (its first word among the next three tokens)."""
    k = next((i for i, t in enumerate(after[:3]) if t.text[:1].isalnum()), None)
    return k if k is not None and after[k].lemma == "который" else None


def _object_of_relative(after: list[Token]) -> bool:
    """", которому захватчик нанес удар": the clause after the name is a relative one whose "который" is
    not its subject; its verb is another's act on him."""
    k = _relative_word(after)
    return k is not None and "nomn" not in after[k].tag


# between two names of a list, past a bracket: "Нурбек Абдыкадыров (1991 г.р.), Улан Сатыбалдиев"
_LIST_GAP = re.compile(r"\s*(?:\([^()\n]{0,40}\)\s*)?(?:,\s*|\s+и\s+|и\s+)(?:\d{1,3}-летн\w+\s+)?")


def _he_acts_next(analysis: Analysis, sent: Sentence) -> bool:
    """The next sentence opens with "Он"/"Она" and an attack verb of its own."""
    i = analysis.index_of(sent)
    if i is None or i + 1 >= len(analysis.sentences):
        return False
    toks = analysis.sentences[i + 1].tokens
    # (past a gerund's phrase: "Поднявшись на второй этаж, он открыл огонь")
    k = 0 if toks and toks[0].lemma in ("он", "она") else next(
        (j + 1 for j, t in enumerate(toks[:12]) if t.text == "," and any("GRND" in x.tag for x in toks[:j])
         and j + 1 < len(toks) and toks[j + 1].lemma in ("он", "она")), None)
    return k is not None and len(toks) > k + 1 and "nomn" in toks[k].tag and any(
        "VERB" in t.tag and t.lemma in PERP_VERBS for t in _own_clause(toks[k + 1:k + 6]))


_WHEN_CLAUSE = frozenset(("когда", "пока", "едва"))     # a clause within another, which goes on past it


def _in_subordinate(sent: Sentence, at: int) -> bool:
    """The name at `at` opens a clause of "когда", "пока", "как только" (after the last comma before it)."""
    before = [t for t in sent.tokens if t.end <= at]
    k = max((n for n, t in enumerate(before) if t.text == ","), default=-1)
    return any(t.lemma in _WHEN_CLAUSE for t in before[k + 1:])


def _new_subject(toks: list) -> bool:
    """A clause with a nominative subject of its own before or right after its verb ("к нему подошёл мужчина");
    not a subordinate one ("X дождался, когда имам выйдет во двор, и нанес …": X goes on after it)."""
    if toks and toks[0].lemma in _WHEN_CLAUSE:
        return False                     # (a "что" clause tells another's act: "писал, что Макафи стрелял")
    for k, t in enumerate(toks):
        if "nomn" in t.tag and any(p in t.tag for p in ("NOUN", "NPRO")) and t.lemma not in ("который",):
            return True
        if "VERB" in t.tag:
            return any("nomn" in x.tag and "NOUN" in x.tag for x in toks[k + 1:k + 3])
    return False


def _own_clause(after: list) -> list:
    """The tokens after a name up to a clause with a subject of its own: "продавец X зашел в подсобку,
    и неизвестный открыл огонь" (the shooter is "неизвестный"); or up to the comma after the name's own
    verb of another kind ("имам X направлялся на молитву, к нему подошёл мужчина и нанёс удары")."""
    own_verb = False
    for j in range(len(after)):
        if j >= 2 and after[j - 2].text == "," and after[j - 1].lemma in ("и", "а", "но") and "nomn" in after[j].tag \
                and any(p in after[j].tag for p in ("NOUN", "NPRO", "ADJF", "PRTF")):
            return after[:j]
        if own_verb and after[j].text == "," and _new_subject(after[j + 1:j + 8]):
            return after[:j]
        if "VERB" in after[j].tag and after[j].lemma not in ATTACK_VERBS and after[j].lemma not in ("быть", "привести") \
                and "INFN" not in after[j].tag:
            own_verb = True
    return after


def _dependant(sent: Sentence, role, first) -> bool:
    """"Убийцей Дениса Вороненкова стал …": a name in the genitive after a role in another case is the
    role's dependant (the victim), not its holder."""
    head = next((t for t in sent.tokens if role.start <= t.start < role.end and "NOUN" in t.tag), None)
    return head is not None and first is not None and "gent" in first.tag and "nomn" not in first.tag \
        and "gent" not in head.tag


_WHO_DIED = re.compile(r",?\s*(?:который|которая|которые)\s+(?:(?:тоже|также|сам|и)\s+)?"
                       r"(?:получил\w*\s+[^,.]{0,40}?ранени\w+\s+и\s+)?(?:погиб|скончал|умер|подорвал)")


def _inverted_subject(sent: Sentence, found: Extraction, at: int) -> bool:
    """"гранату бросил 42-летний местный житель Ш. Раджабов": a singular attack verb right before the name
    (past its age and its role words) has the name for its subject; "бросить" counts beside a weapon."""
    toks = [t for t in sent.tokens if t.end <= at]
    # "бомбу привел в действие 19-летний палестинец X": the verb's fixed object is skipped
    set_off = {j for j in range(len(toks) - 2)
               if toks[j].lemma == "привести" and [toks[j + 1].lemma, toks[j + 2].lemma] == ["в", "действие"]}
    before = [t for j, t in enumerate(toks) if j - 1 not in set_off and j - 2 not in set_off]
    k = len(before) - 1
    # past the age, the role and its genitive complement ("18-летний студент четвёртого курса", "гражданин
    # Австралии"): one nominative role noun must be among them
    while k >= 0 and len(before) - k <= 7 and (before[k].text[:1].isdigit() or "-" in before[k].text
                                                 or any(x in before[k].tag for x in ("ADJF", "NOUN"))
                                                 and ("nomn" in before[k].tag or "gent" in before[k].tag)):
        k -= 1
    walked = before[k + 1:]
    if k < 0 or not walked or any(t.text[:1].isupper() and "gent" not in t.tag for t in walked) or not any(
            "nomn" in t.tag and t.text.islower() or "-" in t.text or t.text[:1].isdigit() for t in walked):
        return False
    verb = before[k]
    if "VERB" not in verb.tag or "sing" not in verb.tag:
        return False
    armed = any(sent.start <= w.start < sent.end and w.end <= verb.start for w in found.weapons)
    return verb.lemma in ATTACK_VERBS or verb.lemma == "бросить" and armed or \
        any(toks[j] is verb for j in set_off)


def _taken_out(sent: Sentence, at: int) -> bool:
    """"ликвидированы 24-летний Айдос Ержанов и 29-летний Серик Тлеубергенов": a name a passive verb of the
    forces' killing opens its clause on, past ages, commas and the names before it, is an attacker killed."""
    k = max((i for i, t in enumerate(sent.tokens) if t.end <= at), default=-1)
    while k >= 0 and (sent.tokens[k].text in (",", "и") or "-летн" in sent.tokens[k].text
                      or sent.tokens[k].text[:1].isupper() and "PRTS" not in sent.tokens[k].tag):
        k -= 1
    return k >= 0 and "PRTS" in sent.tokens[k].tag and sent.tokens[k].lemma in SECURITY_KILLS \
        and (k == 0 or not sent.tokens[k - 1].text[:1].isalpha() or sent.tokens[k - 1].lemma in ("быть", "были"))


def _passive_agent(sent: Sentence, at: int) -> bool:
    """"Учитель … был обезглавлен 18-летним чеченцем Абдуллахом Анзоровым": a name in the instrumental
    after a passive killing verb (past its age and its noun, also instrumental) is the killer."""
    before = [t for t in sent.tokens if t.end <= at]
    first = next((t for t in sent.tokens if t.start >= at), None)
    if first is None or "ablt" not in first.tag or "nomn" in first.tag:
        return False
    k = len(before) - 1
    while k >= 0 and len(before) - k <= 3 and ("ablt" in before[k].tag or before[k].text[:1].isdigit()):
        k -= 1
    return k >= 0 and "PRTS" in before[k].tag and (before[k].lemma in cas.TRANSITIVE or before[k].lemma in ATTACK_VERBS)


_SUBORDINATE = frozenset(("что", "который", "как", "когда", "чтобы", "где", "если"))


def _opens_clause(sent: Sentence, first, after: list, roles: list = ()) -> bool:
    """A name the tagger misread ("Ильназ" as a plural genitive) is still a subject when it opens its
    clause, after nothing, a nominative age or a nominative role ("19-летний бывший выпускник гимназии
    № 175 Ильназ Галявиев"), and its clause's first verb is a singular attack verb, or a singular verb
    joined by "и" to one ("ворвался в здание и открыл огонь"; not "Капричков рассказал, что … Гордон
    застрелил")."""
    if "Name" in first.tag and "sing" in first.tag:
        return False                 # a first name the dictionary knows, in its case: "Дениса Вороненкова застрелил"
    k = next(i for i, t in enumerate(sent.tokens) if t is first)
    role = next((r for r in roles if 0 <= first.start - r.end <= 2 and r.start >= sent.start), None)
    h = token_at(sent.tokens, role.start) if role is not None else None
    if h is not None and "nomn" in sent.tokens[h].tag:
        k = h
    prev = sent.tokens[k - 1] if k else None
    opens = prev is None or not prev.text[:1].isalnum() or ("ADJF" in prev.tag and "nomn" in prev.tag)
    # the clause's first verb, past an apposition and adverbs ("19-летний Ильназ Галявиев, выпускник
    # гимназии № 175, утром во вторник открыл стрельбу")
    verbs = [j for j, t in enumerate(after[:20]) if "VERB" in t.tag]
    if not opens or not verbs or "sing" not in after[verbs[0]].tag \
            or any(t.lemma in _SUBORDINATE for t in after[:verbs[0]]):
        return False
    joined = len(verbs) > 1 and any(t.lemma == "и" for t in after[verbs[0] + 1:verbs[1]]) \
        and not any(t.text in ",;:" or t.lemma in _SUBORDINATE for t in after[verbs[0] + 1:verbs[1]])
    return after[verbs[0]].lemma in ATTACK_VERBS or joined and after[verbs[1]].lemma in ATTACK_VERBS


_ACTS = frozenset({"теракт", "нападение", "взрыв", "убийство", "покушение", "атака", "подрыв", "стрельба"})


_ONE_OF = re.compile(r"(?<!\w)(?:ещ[её]\s+)?(?:один|одна|одного|другой|второй)\s*[—–-]\s*$", re.I)


_IT_IS = re.compile(r"(?:(?:^|[—–:]\s*)(?:[Ии]м|[Ее]ю)\s+(?:является|являлся|являлась|оказался|оказалась)|^Это|[—–:,]\s*это)\s+"
                    r"(?:\d{1,3}-летн\w+\s+)?(?:[а-яё]+\s+){0,3}(?:(?:(?<=района |округа |города |этрапа )|(?<=велаята )|(?<=уроженец |уроженка )|"
                    r"(?<=житель )|(?<=жительница ))[А-ЯЁ][\w-]+\s+)?$")
# "Нападавший опознан как 33-летний X", "Среди нападавших установлен 27-летний уроженец Таджикистана X": the
# attacker named by the identification (his noun before it in the sentence)
_NAMED_AS = re.compile(r"(?:опознан|установлен|идентифицирован)\w*(?:\s+как)?\s+(?:\d{1,3}-летн\w+\s+)?"
                       r"(?:[а-яё]+\s+){0,3}(?:[А-ЯЁ][\w-]+\s+)?$")
_THAT_IS = re.compile(r"(?:установил\w*|выяснил\w*|идентифицировал\w*|сообщил\w*),?\s+что\s+это\s+"
                      r"(?:\d{1,3}-летн\w+\s+)?(?:[а-яё]+\s+){0,3}$")


_TAKEN = ("задержанн", "ликвидированн", "уничтоженн", "нейтрализованн")


_SOMEONE = frozenset(("мужчина", "женщина", "неизвестный", "подросток", "юноша", "парень", "злоумышленник"))


_SOURCE_BETWEEN = re.compile(r"\b(?:сообща\w*|переда\w*|пиш\w+|со\s+ссылкой)\b", re.I)


def _with_paragraphs(analysis: Analysis, mine: list[int], others: set[int]) -> list[Sentence]:
    """The sentences `mine` and those after each in its paragraph, up to another incident's: "… въехал в группу
    людей. Пять человек получили ранения. … водитель действовал умышленно: … был задержан бойцами пограничной
    полиции"."""
    sents = analysis.sentences
    out = set(mine)
    for i in mine:
        for k in range(i + 1, len(sents)):
            if k in others or "\n" in analysis.text[sents[k - 1].end:sents[k].start] \
                    or analysis.ignored(sents[k].start, sents[k].end):
                break
            out.add(k)
    return [sents[k] for k in sorted(out)]


_RAM_VERBS = frozenset(("въехать", "врезаться", "наехать", "протаранить"))


def _attack_subjects(toks: list[Token]) -> set[str]:
    """The animate nouns in the nominative right before an attack verb: "девятиклассник напал", "водитель въехал";
    or opening its clause, the subject of the verb it is joined to ("мужчина с ножом ворвался в офис компании и
    захватил …")."""
    out = set()
    for k, t in enumerate(toks):
        # (or drove into people: "водитель легкового автомобиля въехал в группу людей")
        rammed = t.lemma in _RAM_VERBS and any(x.lemma in _CROWD for x in toks[k + 1:k + 4])
        if (t.lemma not in ATTACK_VERBS and not rammed) or "VERB" not in t.tag:
            continue
        near = {x.lemma for x in toks[max(0, k - 3):k] if "NOUN" in x.tag and "anim" in x.tag and "nomn" in x.tag}
        if not near:
            # (past a phrase of time: "в одной из школ Алматы семиклассник во время перемены ранил ножом …")
            lo = next((j + 1 for j in range(k - 1, max(-1, k - 9), -1) if toks[j].text in (",", ";", ":")), max(0, k - 8))
            near = {x.lemma for x in toks[lo:k] if "NOUN" in x.tag and "anim" in x.tag and "nomn" in x.tag
                    and x.lemma not in KIN} if not any("VERB" in x.tag for x in toks[lo:k]) else set()
        if not near and k and toks[k - 1].lemma == "и":
            lo = next((j + 1 for j in range(k - 1, max(-1, k - 13), -1) if toks[j].text in (",", ";", ".")), max(0, k - 12))
            near = {x.lemma for x in toks[lo:k] if "NOUN" in x.tag and "anim" in x.tag and "nomn" in x.tag}
        out |= near
    return out


def _someone_acts(toks: list[Token]) -> bool:
    """"мужчина нанес … ударов ножом", "неизвестный открыл огонь": an unnamed someone the subject of an attack verb."""
    return any(t.lemma in ATTACK_VERBS and "VERB" in t.tag and "sing" in t.tag and any(
        x.lemma in _SOMEONE and "nomn" in x.tag for x in toks[max(0, k - 3):k]) for k, t in enumerate(toks))


def _identified(analysis: Analysis, sent: Sentence, at: int) -> bool:
    """The person at `at` is who the attacker turned out to be: "Нападавшим оказался X", "X оказался
    стрелком", "Стрелок был задержан. Им оказался X", "Исполнителем теракта считают X", "X, который
    признался в совершении теракта"."""
    toks = sent.tokens
    # "Исполнителем теракта следствие считает … Акбаржона Джалилова": named as the one who carried it out
    doer = next((i for i, t in enumerate(toks) if t.lemma == "исполнитель" and t.start < at
                 and any(x.lemma in _ACTS for x in toks[i + 1:i + 3]) and not (i and toks[i - 1].lemma in KIN)), None)
    if doer is not None and at - toks[doer].start < 150:
        return True
    # "задержала … Рахмата Акилова, который признался в совершении теракта": who confessed to the act
    if any(t.lemma == "признаться" and t.start > at and t.start - at < 80
           and any(x.lemma in _ACTS for x in toks[i + 1:i + 5]) for i, t in enumerate(toks)):
        return True
    # "вооружённый мужчина захватил заложников … Полиция установила, что это 32-летний Амеди Кулибали": the
    # one the sentence before told acting, identified
    i = analysis.index_of(sent) or 0
    if _THAT_IS.search(analysis.text, max(sent.start, at - 60), at) and i > 0 and (
            _attack_hits(analysis.sentences[i - 1]) or any(_attackerish(t) for t in analysis.sentences[i - 1].tokens)):
        return True
    # "Личность преступника раскрыта. Это 19-летний Джон Эрнест", "личность преступника — им является X": the
    # attacker told of in this sentence or the one before, named
    # ("личности двоих уничтоженных установлены — это 27-летний X и 31-летний Y": those the forces killed)
    # ("В Каспийске задержан подозреваемый … По данным источника, это 27-летний уроженец Буйнакска X")
    # ("В пятницу на рынке мужчина нанес несколько ударов ножом участковому. По данным источника, это 38-летний
    # житель этрапа X": the man the sentence before told acting)
    if _IT_IS.search(analysis.text[sent.start:at]) and (
            any(_attackerish(t) or t.text.lower().startswith(_TAKEN) for t in toks if t.start < at)
            or i > 0 and any(_attackerish(t) or t.text.lower().startswith(("подозреваем",) + _TAKEN)
                             for t in analysis.sentences[i - 1].tokens)
            or i > 0 and _someone_acts(analysis.sentences[i - 1].tokens)):
        return True
    if _NAMED_AS.search(analysis.text, max(sent.start, at - 80), at) and any(
            _attackerish(t) for t in toks if t.start < at - 8):
        return True
    # "Из 32 террористов 31 был уничтожен, один — Нур-Паши Кулаев — задержан": one of the attackers counted
    if _ONE_OF.search(analysis.text, max(sent.start, at - 20), at) and any(
            _attackerish(t) for t in toks if t.start < at):
        return True
    # "Зачинщиком бунта, по данным Минюста, был 38-летний X", "Стрелком являлся X": the attacker's noun in
    # the instrumental, a linking verb right before the name
    link = next((i for i, t in enumerate(toks) if t.lemma in ("быть", "являться") and t.end <= at
                 and at - t.end < 30 and not any(x.text in ",;:—()" for x in toks[i + 1:] if x.start < at)), None)
    near = toks[max(0, link - 12):link] if link is not None else []
    if link is not None and (any(_attackerish(t) and "ablt" in t.tag or t.text.lower() in ("подозреваемым", "подозреваемой")
                                 for t in near) or any(
            t.text.lower() == "организатором" and nxt.lemma in _ORGANISED for t, nxt in zip(near, near[1:]))):
        return True                      # ("Подозреваемым в нанесении смертельного удара ножом является X", "Организатором
        #                                  беспорядков был 38-летний X")
    k = next((i for i, t in enumerate(toks) if t.lemma == "оказаться" and t.start < at + 60), None)
    if k is None or not (toks[k].start < at or at < toks[k].start <= at + 40):
        return False
    if toks[k].start < at and _SOURCE_BETWEEN.search(analysis.text, toks[k].end, at):
        return False                     # "Стрелком оказался X, сообщает Reuters со ссылкой на полицию Стиллуотера"
    # ("Задержанным оказался X" after the attacker's arrest or surrender: the one detained)
    # ("одним из ликвидированных оказался X": one of the attackers the forces killed; "Нападавшим, как
    # сообщает газета …, оказался X": past an inserted clause)
    # ("застреленным мужчиной оказался 28-летний X": the one the police shot)
    # ("Подозреваемым в нападении оказался 14-летний ученик этой школы X")
    if any((_attackerish(t) or t.text.lower().startswith(_TAKEN + ("застреленн",))) and t.start != at
           for t in toks[max(0, k - 3):k + 4]) or any(_attackerish(t) and "ablt" in t.tag for t in toks[:k]) \
            or any(t.text.lower() in ("подозреваемым", "подозреваемой") for t in toks[max(0, k - 4):k]):
        return True
    # "Стрелок был задержан. Им оказался X", "Подозреваемый задержан, им оказался X" ("Стрелявший скрылся.
    # Бойцы спецназа задержали его в соседнем селе. Им оказался X": past the sentence of his arrest)
    told = toks[:k - 1] + (list(analysis.sentences[i - 1].tokens) if i > 0 else [])
    if i > 1 and any(t.lemma == "он" and "accs" in t.tag for t in analysis.sentences[i - 1].tokens):
        told += list(analysis.sentences[i - 2].tokens)
    return k > 0 and toks[k - 1].lemma in ("он", "она", "они") and \
        any(_attackerish(t) or t.text.lower().startswith("подозреваем") for t in told)


# what an organiser organised to be the attacker: "организатор нападения", "… беспорядков", "… теракта"
_ORGANISED = frozenset(("нападение", "теракт", "беспорядки", "беспорядок", "бунт", "захват", "взрыв", "убийство", "поджог", "атака",
                        "покушение", "похищение"))


def _attacker_arrested(analysis: Analysis, sents: list[Sentence], perps: list[Person],
                       near_act: list[Sentence] | None = None, driver: bool = False) -> list[tuple[int, int]]:
    """"Полиция задержала стрелка", "Рахами был арестован": the attacker survived (anywhere in the text).
    A "подозреваемый" arrested counts only in or right after the incident's own sentences (`near_act`):
    elsewhere he may be the suspect of a plot the article tells besides."""
    own = {id(x) for x in near_act or ()}
    # (the three sentences after one of them when the text tells of no plot: "…ликвидировали возгорание. Посетители …
    # эвакуированы. Подозреваемый задержан")
    all_ = analysis.sentences
    back = 1 if any(t.lemma in PLOT or t.lemma in ("подготовка", "предотвратить") for x in all_ for t in x.tokens) else 3
    close = set(own) | {id(x) for k, x in enumerate(all_) if any(id(p) in own for p in all_[max(0, k - back):k])}
    spans = [m for p in perps for m in p.mentions]
    anyone = [(e.start, e.end) for e in analysis.entities if e.type == "PERSON"] if not spans else []
    told = False                                      # the sentence before spoke of the attacker
    lately_told = False                               # … the one before it
    acted: set[str] = set()                           # … or told someone attack: his noun
    # the nouns of all who attacked so far ("водитель въехал"; a ramming's driver: "Внедорожник … въехал в пешеходную
    # зону … Водителя задержали на месте полицейские")
    ever: set[str] = {"водитель"} if driver else set()
    for s in sents:
        if analysis.ignored(s.start, s.end):
            continue
        toks = s.tokens
        before, told = told, any(_attackerish(x) for x in toks)
        lately = before or lately_told                 # … or the sentence before that one
        lately_told = before
        doers, acted = acted, _attack_subjects(toks)
        ever |= acted
        # ("Спустя три часа … водитель … въехал в группу людей" … "водитель действовал умышленно: … он попытался
        # скрыться, но был задержан": the one who attacked, the subject of his sentence)
        doer_here = any(x.lemma in ever and "nomn" in x.tag for x in toks)
        for i, t in enumerate(toks):
            # "нападавшие ушли на территорию Афганистана": fled (not "ушёл из жизни")
            gone = t.lemma == "уйти" and i + 1 < len(toks) and toks[i + 1].lemma in ("на", "в", "с", "до") \
                and not (i + 2 < len(toks) and toks[i + 2].lemma == "жизнь")
            # "Нападавший был ранен полицейскими и госпитализирован": in hospital, so alive (his own clause)
            treated = t.lemma in ("госпитализировать", "госпитализированный") and any(
                _attackerish(x) and "nomn" in x.tag and not any(y.text == "," for y in toks[k + 1:i])
                for k, x in enumerate(toks[:i]) if k >= i - 7)
            if treated:
                return [(t.start, t.end)]
            # "нападавшие вели огонь …, после чего скрылись", "неизвестный ранил ножом полицейского и скрылся"
            # (or went off: "нападавшие посадили инженеров на мотоциклы и увезли в неизвестном направлении")
            # ("… посадили иностранцев в пикапы и увезли их в направлении границы с Буркина-Фасо")
            off = t.lemma == "направление" and i > 1 and (
                toks[i - 1].lemma == "неизвестный" and toks[i - 2].lemma == "в"
                or toks[i - 1].lemma == "в" and any(x.lemma in _WENT_OFF for x in toks[max(0, i - 5):i - 1]))
            # (or counted: "двое мужчин в капюшонах облили машину горючей жидкостью, подожгли ее и скрылись")
            # (not "попытались убежать и скрыться": an attempt, which may have failed)
            tried = any(x.lemma in ("попытаться", "пытаться") for x in toks[max(0, i - 4):i])
            if (t.lemma in ("скрыться", "сдаться") or off) and not tried and any(
                    (_attackerish(x) or x.lemma == "неизвестный" or x.lemma in ever) and "nomn" in x.tag
                    or x.lemma in _SOMEONE and k and toks[k - 1].text.lower() in cas.COLLECTIVE_SUBJECTS
                    for k, x in enumerate(toks[:i])):
                return [(t.start, t.end)]
            if (cues().get(t.lemma) != "perp_alive" or t.lemma == "взять") and not gone:
                continue
            if t.lemma in ("обвинение", "обвинить") and (_DENIED & {x.lemma for x in toks} or any(
                    x.lemma in _STATES for x in toks[i + 1:i + 4])):
                continue                      # "Исламабад обвиняет соседние государства …, те эти обвинения отвергают"
            near = toks[max(0, i - 4):i + 5]
            lo, hi = near[0].start, near[-1].end
            # "нападавший задержан" (lemma "нападать"); "Нападавших было двое, оба задержаны";
            # "Подозреваемый задержан" (lemma "подозревать")
            # ("Стрелявший, 26-летний Руслан Кулекбаев, был ранен и задержан": past his apposition)
            # ("По подозрению в поджоге задержаны двое 17-летних местных жителей": held as this act's suspects)
            attacker = id(s) in close and any(x.lemma == "подозрение" for x in toks[max(0, i - 6):i + 6]) \
                or doer_here and any(x.lemma in ever and "nomn" in x.tag for x in toks[:i]) or any(
                _attackerish(x) or id(s) in close and x.text.lower().startswith("подозреваем")
                for x in toks[max(0, i - 9):i + 5])
            # "…нападавший, житель Актау, открыл огонь. Позже он был задержан": "он" is the attacker
            # ("Оба нападавших также получили ранения … Подростки задержаны": the people just told of)
            # ("Затем стрелявший попытался покончить с собой … Подростка задержали прибывшие сотрудники": the
            # object of the arrest)
            # ("Исполнителем теракта следствие считает … Мурата Джанкезова. Его задержали через двое суток": him)
            # ("Стрелявший покинул территорию части … ввели план «Перехват» … Около 21:00 его задержали")
            attacker = attacker or lately and "VERB" in t.tag and "plur" in t.tag and any(
                x.text.lower() == "его" for x in toks[max(0, i - 2):i])
            attacker = attacker or before and any(x.lemma in ("он", "они") and "nomn" in x.tag or "NOUN" in x.tag
                                                  and "anim" in x.tag and "nomn" in x.tag and "plur" in x.tag
                                                  and x.lemma not in KIN or x.lemma in _SOMEONE and "VERB" in t.tag
                                                  and "plur" in t.tag and ("accs" in x.tag or "gent" in x.tag)
                                                  for x in toks[max(0, i - 6):i])
            # ("Девятиклассник напал с ножом на учеников … Подросток задержан на месте": the one who attacked)
            attacker = attacker or bool(doers) and any(
                "nomn" in x.tag and (x.lemma in doers or x.lemma in _SOMEONE) for x in toks[max(0, i - 4):i])
            # ("Мужчина с ножом ворвался в офис и захватил заложниц. Бойцы … освободили заложниц и задержали
            # мужчину": the one who attacked, the arrest's object)
            attacker = attacker or bool(doers) and "VERB" in t.tag and "plur" in t.tag and any(
                ("accs" in x.tag or "gent" in x.tag) and x.lemma in doers for x in toks[i + 1:i + 3])
            # ("… семиклассник … ранил ножом двух одноклассников. Подростка тогда задержали сотрудники полиции": the
            # object before the verb)
            attacker = attacker or bool(doers or ever) and "VERB" in t.tag and "plur" in t.tag and any(
                ("accs" in x.tag or "gent" in x.tag) and (x.lemma in doers or x.lemma in ever or x.lemma in _SOMEONE)
                for x in toks[max(0, i - 3):i])
            named = any(lo <= a < hi for a, _ in spans)
            # ("задержан 27-летний житель джамоата Рудаки Фаридун Рахимов": past his age and home, no clause between)
            far = next((k for k in range(i + 1, min(len(toks), i + 10))
                        if toks[k].text in (",", ";", ".", ":") or "VERB" in toks[k].tag), min(len(toks), i + 10))
            named = named or far > i + 1 and any(toks[i + 1].start <= a < toks[far - 1].end for a, _ in spans)
            if i + 1 < len(toks) and toks[i + 1].lemma == "оказаться":
                # "Задержанным оказался 27-летний местный житель Н. Ташматов": the one detained, past his age
                named = named or any(toks[i + 1].end <= a < toks[min(len(toks) - 1, i + 9)].end for a, _ in spans)
            # with no attacker named, a named person arrested or charged is taken as the suspect
            # ("отверг обвинения", "по обвинениям в причастности" are no charge against the attacker)
            charged = t.lemma in ("арестовать", "обвинить") or t.lemma in ("арест", "обвинение") and any(
                x.lemma in ("предъявить", "после", "под") for x in near)
            # (not the victim: "обвинив в убийстве Салеха мятежников")
            suspects = [(a, b) for a, b in anyone if not any(
                x.lemma in KILL_WORDS and 0 <= a - x.end <= 2 for x in toks)]
            wide = toks[max(0, i - 4):i + 9]          # "Обвинение в убийстве X предъявлено чеченцу Рустаму …"
            if t.lemma == "обвинить" and ("GRND" in t.tag or "VERB" in t.tag) and i + 1 < len(toks):
                wide = toks[i + 1:i + 9]              # "Саид, обвинив … мятежников": the accuser is not the accused
            someone = charged and any(wide[0].start <= a < wide[-1].end for a, _ in suspects)
            # "сдался без сопротивления": only the attacker surrenders in a report of an attack
            if attacker or named or someone or t.lemma == "сдаться":
                return [(t.start, t.end)]
    return []


_TRIED = re.compile(r"(?:обвиняем|подсудим|осужденн|осуждённ|суд\w*\s+над|дел[уоа]\s+)\w*\s*$", re.I)
# the sentence's verdict before the name: "суд приговорил к пожизненному заключению … австралийца Брентона Тарранта"
_SENTENCED = re.compile(r"\b(?:приговорил|приговорен|приговорён|осудил|осужден|осуждён)\w*\b[^.!?]*$", re.I)


def _on_trial(text: str, perps: list[Person]) -> tuple[int, int] | None:
    """A named attacker on trial, accused or convicted survived the attack: "по делу Руслана Кулекбаева,
    обвиняемого в нападении", "Подсудимому вменяются …", "суд приговорил … Брентона Тарранта"."""
    for p in perps:
        for a, b in p.mentions:
            if _TRIED.search(text, max(0, a - 25), a) or re.match(r",?\s*(?:обвиняем|подсудим)\w*", text[b:b + 20]) \
                    or _SENTENCED.search(text, max(0, a - 200), a):
                return a, b
    return None


def _wounded_attacker_died(analysis: Analysis, sents: list[Sentence]):
    """"Один из стражей порядка открыл огонь и тяжело ранил нападавшего. Он скончался в больнице": the next
    sentence opens on "он" dying after a sentence whose wound fell on the attacker (its death cue)."""
    for s in sents:
        i = analysis.index_of(s)
        nxt = analysis.sentences[i + 1] if i is not None and i + 1 < len(analysis.sentences) else None
        if nxt is None or len(nxt.tokens) < 2 or nxt.tokens[0].lemma != "он" \
                or nxt.tokens[1].lemma not in ("скончаться", "умереть", "погибнуть"):
            continue
        toks = s.tokens
        if any(t.lemma == "ранить" and "VERB" in t.tag and any(_attackerish(x) and x.lemma not in ("он", "его", "они", "их")
                                                               for x in toks[k + 1:k + 3])
               for k, t in enumerate(toks)):
            return nxt.tokens[1]
    return None


def _attacker_killed_passive(sents: list[Sentence]):
    """"Нападавшему удалось убить одного …, после чего он был убит": in a sentence about the attacker,
    "он был убит/ликвидирован" is the attacker's death (the token of the verb)."""
    for s in sents:
        toks = s.tokens
        about = any(_attackerish(t) for t in toks)
        for i, t in enumerate(toks):
            killed = t.lemma in ("убить", "застрелить", "ликвидировать", "нейтрализовать", "уничтожить") \
                and "PRTS" in t.tag
            # "Водитель … открыл огонь по полицейским и был застрелен": one subject for both verbs
            before = [x.lemma for x in toks[max(0, i - 2):i]]
            if killed and (before[-1:] == ["и"] or before == ["и", "быть"]) \
                    and any(x.lemma in ATTACK_VERBS and "VERB" in x.tag and "sing" in x.tag for x in toks[:i]):
                return t
            if not about:
                continue
            he = any(x.lemma == "он" and "nomn" in x.tag for x in toks[max(0, i - 3):i])
            if killed and he:
                return t
            # "Сотрудники полиции ранили нападавшего, он скончался в больнице": shot by the police, died
            if t.lemma in ("скончаться", "умереть") and he and any(
                    x.lemma in ("ранить", "застрелить", "выстрелить") and _security_act(s, x.start) for x in toks[:i]):
                return t
    return None


def _killed_by_security(analysis: Analysis, sents: list[Sentence]) -> tuple[int, int] | None:
    """"его застрелила полиция", "силовики ликвидировали нападавшего": the attacker died (the verb's span)."""
    from letopis.incidents.tables import groups
    for s in sents:
        toks = s.tokens
        for i, t in enumerate(toks):
            if t.lemma in cas.TRANSITIVE and "VERB" in t.tag:
                near = toks[max(0, i - 3):i + 3]
                if any(x.lemma in ("его", "он", "нападавший", "стрелок", "террорист", "преступник") for x in near) and \
                        any(groups().get(x.lemma) in SECURITY_GROUPS and "nomn" in x.tag for x in near):
                    return t.start, t.end
    return None


def _groups_of_named(statements: list[cas.Casualty], persons: list[Person], found: Extraction) -> None:
    """"Тлеубердиев скончался на месте": a victim named alone takes the group of the role the article gives
    him elsewhere ("старшего лейтенанта полиции Ержана Тлеубердиева" → police)."""
    by_role = {r.normal: r.group for r in found.roles if r.group in SECURITY_GROUPS | {"official", "civilian"}}
    for c in statements:
        if len(c.names) != 1:
            continue
        person = next((p for p in persons if (c.names[0].start, c.names[0].end) in p.mentions), None)
        groups = {by_role[r] for r in (person.roles if person else ()) if r in by_role}
        if c.group is None and len(groups) == 1:
            c.group = groups.pop()
        elif c.group == "military" and len(groups - {"military"}) == 1 and _bare_rank_told(c, found):
            # "скончался капитан Бекмухамбетов" after "капитан полиции Нурлан Бекмухамбетов": a bare rank
            # is the army's only when the article names no other service for its holder
            c.group = (groups - {"military"}).pop()


def _bare_rank_told(c: cas.Casualty, found: Extraction) -> bool:
    """The statement's role is a rank with no service after it ("капитан")."""
    roles = [r for r in found.roles if c.start <= r.start < c.end]
    return bool(roles) and all(" " not in r.normal and r.group == "military" for r in roles)


def _victims(inc: Incident, statements: list[cas.Casualty], persons: list[Person]) -> None:
    for c in statements:
        for ent in c.names:
            person = next((p for p in persons if (ent.start, ent.end) in p.mentions), None)
            name = person.name if person else (ent.normal or ent.text)
            role = ", ".join(person.roles) if person and person.roles else None
            if person is not None:
                person.extra.setdefault("fate", c.fate)
            if not any(v.name == name for v in inc.victims):
                inc.victims.append(Victim(name, role, c.fate, c.group))


_SOMEBODY = frozenset(("мужчина", "неизвестный", "человек", "боевик", "террорист", "злоумышленник", "преступник",
                       "нападавший", "заключенный", "осужденный", "арестант", "грабитель", "налетчик", "бандит",
                       "экстремист", "подросток"))


def _plural_killed(sents: list[Sentence], at: int) -> bool:
    """The attackers' death cue at `at` has a plural attacker noun for subject ("нападавшие нейтрализованы")."""
    for s in sents:
        k = next((k for k, t in enumerate(s.tokens) if t.start == at), None)
        if k is not None:
            # (not one of them: "Один из нападавших был ликвидирован")
            toks = s.tokens
            # (in the nominative: "Стрелок покончил с собой" is read first as the genitive plural of "стрелка")
            return any(_attacker_word(t) and "plur" in t.tag and "nomn" in t.tag and t.lemma not in ("они", "их")
                       and not (j >= 2 and toks[j - 1].lemma == "из" and toks[j - 2].lemma == "один")
                       for j, t in enumerate(toks[:k + 3]) if j >= k - 3)
    return False


def _kind_of_person(tok: Token) -> str:
    """A noun's lemma; a participle standing for a noun as that noun ("заключенных" → "заключенный")."""
    from letopis.nlp.morph import participle_noun
    return (participle_noun(tok.text) or tok.lemma) if "PRTF" in tok.tag else tok.lemma


_UNSET = object()
_ALL_OF = re.compile(r"(?:^|\s)вс(?:е|ех)\s+$", re.I)
_BOTH = frozenset(("оба", "обе", "обоих", "обеих"))


def _all_of_the_attackers(statements: list[cas.Casualty], found: Extraction, sents: list[Sentence], text: str) -> None:
    """"Трое заключенных … напали на сотрудников … Все трое погибли при штурме": "все трое", "оба" with no noun of
    their own take back the attackers the incident counted, when they are as many: the attackers' deaths; and
    "один из осуждённых был убит" after "двое осуждённых … захватили заложницу" is one of them, by their noun."""
    counted = _UNSET                     # the attackers counted, worked out only when a statement asks
    for c in statements:
        if c.fate != "killed" or c.nominal or c.names or c.group not in (None, "civilian") or not c.count:
            continue
        part = _PART_OF.fullmatch(text, c.start, c.end)
        if not (part or text[c.start:c.end].lower() in _BOTH or _ALL_OF.search(text[max(0, c.start - 8):c.start])):
            continue
        toks = next((s.tokens for s in sents if s.start <= c.start < s.end), [])
        k = token_at(toks, c.end)
        if not part and (k is None or "NOUN" in toks[k].tag or "PRTF" in toks[k].tag):
            continue                     # "все трое полицейских", "оба пострадавших": their own noun says who
        if counted is _UNSET:
            counted = _counted_attackers(found, sents)
        noun = token_at(toks, part.start(1)) if part else None
        if part and noun is not None and any(_kind_of_person(toks[noun]) == who and c.count < n for n, who in counted) \
                or not part and counted and counted[0][0] == c.count:
            c.group = "perpetrator"


# "один из осуждённых", "двое из нападавших": some of a set named by its noun
_PART_OF = re.compile(r"\w+\s+из\s+([а-яё]+)", re.I)


def _up_to_comma(toks: list[Token], k: int, n: int) -> list[Token]:
    """Up to n tokens from k, not past a comma or a dash: the verb of the subject at k, past its genitives and
    adverbs ("Трое заключенных следственного изолятора №1 в Астрахани в среду утром напали"), and past a
    participle's phrase between commas ("двое осуждённых, вооружённых заточками, захватили")."""
    if k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].tag.startswith(("PRTF", "ADJF")):
        k = next((j + 1 for j in range(k + 1, min(k + n, len(toks))) if toks[j].text == ","), k)
    out = []
    for t in toks[k:k + n]:
        if t.text in (",", "—", "–", ";", ":"):
            break
        out.append(t)
    return out


def _attackers_counted(found: Extraction, sents: list[Sentence]) -> int | None:
    """How many attackers the incident's sentences count as the subject of an attack verb ("двое вооруженных мужчин
    напали", "трое боевиков открыли огонь")."""
    return next((n for n, _ in _counted_attackers(found, sents)), None)


def _counted_attackers(found: Extraction, sents: list[Sentence]) -> list[tuple[int, str]]:
    """Each (how many, their noun) counted as the subject of an attack verb: "двое осуждённых … захватили" →
    (2, "осужденный")."""
    out = []
    for s in sents:
        toks = s.tokens
        for n in found.numbers:
            if not (s.start <= n.start < s.end) or not isinstance(n.value, int) or not 2 <= n.value <= 30:
                continue
            k = next((k for k, t in enumerate(toks) if t.start >= n.end), None)
            if k is None:
                continue
            head = next((j for j in range(k, min(k + 3, len(toks))) if "NOUN" in toks[j].tag
                         or "PRTF" in toks[j].tag and "Subx" in toks[j].tag), None)
            if head is not None and _kind_of_person(toks[head]) in _SOMEBODY and any(
                    t.lemma in ATTACK_VERBS and "VERB" in t.tag and "plur" in t.tag for t in _up_to_comma(toks, head + 1, 10)):
                out.append((n.value, _kind_of_person(toks[head])))
    return out


_REGION_GLOSS = re.compile(r"\s*\((?:департамент|провинци[яи]|штат|област[ьи]|земл[яи]|регион|округ|графство|кантон|"
                           r"префектур[аы]|воеводство|губерни[яи])\s+((?-i:[А-ЯЁ])[\w-]+(?:\s+(?-i:[А-ЯЁ])[\w-]+){0,2})\)",
                           re.I)


def _after_midnight(analysis: Analysis, found: Extraction, sents: list[Sentence]) -> bool:
    """The incident's sentences tell a clock time of the small hours (00:00–05:59) and none of the evening."""
    hours = [int(t.value[:2]) for t in found.temporals if t.kind == "time" and t.value and t.value[:2].isdigit()
             and any(s.start <= t.start < s.end for s in sents)]
    return bool(hours) and all(h < 6 for h in hours)


def _gap_day(analysis: Analysis, found: Extraction, seg: Segment, others: set[int], place):
    """The day told in a sentence among the incident's own that tells no violence by its words ("Спецназ
    штурмовал отделение банка … По данным издания, в понедельник около 12:40 двое мужчин в масках ворвались в
    отделение … в центре Росарио"): the first of the next three, placed nowhere else."""
    first = seg.sentences[0]
    for k in range(first + 1, min(first + 4, seg.sentences[-1])):
        if k in seg.sentences or k in others:
            continue
        sent = analysis.sentences[k]
        there = geo_link.place_in(analysis, sent.start, sent.end, city_only=True)
        if there is not None and (place is None or geo_link._fold(there.name) != geo_link._fold(place.name)):
            continue
        # (a source's words too: «В ночь на 15 апреля … подожгли … два релейных шкафа», — сказала собеседница)
        told = _date(analysis, found, [sent], [])
        if told is not None and told.value and told.kind in ("date", "relative"):
            return told
    return None


def _date(analysis: Analysis, found: Extraction, sents: list[Sentence], quotes) -> object | None:
    """The date told with the violence: in the incident's sentences, outside quotes and outside
    what a speaker did ("— сказал … на брифинге в понедельник")."""
    best = None
    anchor = None                                     # a report date: "сообщили в пятницу, 5 марта 2015 года"
    for s in sents:
        for t in found.temporals:
            if s.start <= t.start < s.end and t.kind == "date" and t.value and _reported(s, t) and anchor is None:
                anchor = _anchor(found, t)
    started = _started_on(found, sents, quotes)
    if started is not None:
        return _evening_before(analysis, found, quotes, started, sents)
    for s in sents:
        if cas.aggregate(analysis, found, s):
            continue                                  # "С мая 2003 года по 27 ноября 2005 года …": a period
        if any(t.lemma in ("приговор", "приговорить", "огласить") for t in s.tokens):
            continue                                  # "суд в понедельник огласил приговор": the verdict's day
        if _died_since(s):
            continue                                  # "в ночь на понедельник в больнице скончались двое раненых"
        cues: list[int] | None = None                 # the sentence's attack cues, found when two dates compete
        court = _court_acting(analysis.text, s)
        for t in found.temporals:
            # a clock time or a duration ("около 8 часов", "56 лет") is no date; "35 лет назад",
            # "спустя две недели" are: a time relative to another, left without a value
            if not (s.start <= t.start < s.end) or t.kind == "time" or _inside(quotes, t.start, t.end) \
                    or (t.kind == "duration" and not t.extra.get("ago")):
                continue
            if _speech_tail(analysis.text, s.start, t.start) or agency_dateline_end(analysis.text, t.start) \
                    or analysis.dateline and analysis.dateline[0] <= t.start < analysis.dateline[1] \
                    or BORN.match(analysis.text, t.end):
                continue                              # (nor a birth year: "мужчина 1961 года рождения")
            if _arrest_date(s, t):
                continue                              # "сдался … в среду, 7 января 2015 года" (coding.md §7)
            if _died_since_clause(analysis.text, s, t):
                continue                              # "Число жертв … выросло до семи: в среду утром в больнице
                #                                       скончался один из тяжелораненых": a later death's day
            if _in_moscow_time(analysis.text, s, t):
                continue                              # "в субботу по местному времени (утром в воскресенье по московскому)"
            if court:
                cues = _cues(s) if cues is None else cues
                if min(abs(c - t.start) for c in court) < _cue_distance(cues, t):
                    continue                          # nearer the court than the act: the trial's day
            if t.value and _reported(s, t):
                anchor = anchor or _anchor(found, t)
                continue                              # when it was reported or confirmed, not when it happened
            if t.kind == "relative" and t.extra.get("weekday") is not None and any(
                    x.kind == "date" and x.value and re.fullmatch(r"\s*,\s*", analysis.text[x.end:t.start])
                    for x in found.temporals if x.end <= t.start):
                continue                              # "14 августа 2023 года, в понедельник": the date's own weekday
            if t.value is None and t.kind == "date":
                t = _year_of_sentence(found, s, t)
            if t.value is None and anchor and t.extra.get("weekday") is not None and t.kind == "relative":
                if any(0 <= x.start - t.end <= 3 and x.value and x.kind == "date" for x in found.temporals):
                    continue                          # "в понедельник, 4 декабря": the report's own weekday
                t = _from_anchor(t, anchor)
            if best is None or (best.value is None and t.value is not None):
                best = t
            elif t.value is not None and best.value is not None:
                cues = _cues(s) if cues is None else cues
                if _cue_distance(cues, t) < _cue_distance(cues, best):
                    best = t                          # "19 апреля … спецоперация … в теракте 15 апреля"
        if best is not None and best.value is not None:
            if best.kind == "duration":
                # "20 лет назад боевики захватили школу" … "1 сентября 2004 года группа … захватила": a full date
                # told later, as many years before the report, is the day
                return _ago_dated(analysis, found, sents, best) or best
            return _evening_before(analysis, found, quotes, best, sents)
    if best is not None and best.value is None and best.kind == "relative" and best.extra.get("weekday") is not None:
        best = _named_weekday(found, best)
    return best


def _started_on(found: Extraction, sents: list[Sentence], quotes) -> object | None:
    """"Нападение началось вечером в субботу": the day the act's noun is said to have begun on is the act's,
    whatever day the operation that ended it is told with first ("завершили в воскресенье операцию")."""
    for s in sents:
        toks = s.tokens
        k = next((k for k, t in enumerate(toks) if t.lemma == "начаться" and "VERB" in t.tag
                  and any(x.lemma in _ACT_OPENERS for x in toks[max(0, k - 3):k])), None)
        if k is None:
            continue
        near = [t for t in found.temporals if toks[k].end <= t.start < toks[min(len(toks) - 1, k + 6)].end
                and t.kind in ("relative", "date") and t.value and not _inside(quotes, t.start, t.end)]
        if near:
            return near[0]
    return None


_MOSCOW_TIME = re.compile(r"\bпо\s+(?:московскому|Москве)|\bмск\b", re.I)


def _in_moscow_time(text: str, sent: Sentence, t) -> bool:
    """The temporal stands in brackets that give the same moment in Moscow time, after the local one:
    "поздно вечером в субботу по местному времени (утром в воскресенье по московскому)"."""
    opened = text.rfind("(", sent.start, t.start)
    if opened < 0 or text.rfind(")", sent.start, t.start) > opened:
        return False
    closed = text.find(")", t.end, sent.end)
    return closed >= 0 and bool(_MOSCOW_TIME.search(text, opened, closed))


_DIED_LATER = frozenset(("скончаться", "умереть"))
_SINCE = frozenset(("раненый", "пострадавший", "больница", "госпиталь", "реанимация", "травма", "ранение"))


def _died_since_clause(text: str, sent: Sentence, t) -> bool:
    """The temporal's clause (after a colon or a semicolon) tells only the hurt dying later: "…выросло до семи
    человек: в среду утром в больнице скончался один из тяжелораненых"."""
    lo = max(text.rfind(":", sent.start, t.start), text.rfind(";", sent.start, t.start))
    if lo < 0:
        return False
    ends = [e for e in (text.find(x, t.end, sent.end) for x in (";", ":")) if e >= 0]
    hi = min(ends) if ends else sent.end
    lemmas = {x.lemma for x in sent.tokens if lo < x.start < hi}
    return bool(lemmas & _DIED_LATER) and bool(lemmas & _SINCE | {x for x in lemmas if x.startswith("тяжелоранен")})


def _died_since(sent: Sentence) -> bool:
    """The sentence tells only the hurt dying later ("в больнице скончались двое раненых", "умер от ран в
    госпитале"), no attack of its own: its day is no day of the act."""
    lemmas = {t.lemma for t in sent.tokens}
    return bool(lemmas & _DIED_LATER) and bool(lemmas & _SINCE) and not _type_hits(sent) \
        and not any(cues().get(x) == "killed" for x in lemmas - _DIED_LATER)


_ACT_OPENERS = frozenset(("удар", "взрыв", "нападение", "атака", "обстрел", "теракт", "стрельба", "поджог", "захват"))


def _ago_dated(analysis: Analysis, found: Extraction, sents: list[Sentence], ago):
    """The full date with its year as written, in the incident's sentences after `ago` ("20 лет назад"),
    whose year is the report's less that many years (±1)."""
    pub = analysis.published
    if pub is None or ago.extra.get("unit") != "Y" or not ago.extra.get("amount"):
        return None
    want = pub.year - ago.extra["amount"]
    return next((t for t in found.temporals if t.start > ago.end and t.kind == "date" and t.value
                 and t.extra.get("year") and not t.extra.get("year_inferred") and abs(t.extra["year"] - want) <= 1
                 and any(s.start <= t.start < s.end for s in sents)), None)


def _evening_before(analysis: Analysis, found: Extraction, quotes, best, sents: list[Sentence]):
    """"в ночь на вторник" … "около 23:30 в понедельник": the night began on the day before, and the
    clock time the text gives dates the act on it (before midnight; told anywhere, as the account of the night
    often follows the lead; not in a digest's other entry, a paragraph opening in another town)."""
    if "ночь на" not in best.text.lower():
        return best
    try:
        eve = (date.fromisoformat(best.value) - timedelta(days=1)).isoformat()
    except ValueError:
        return best
    text = analysis.text
    mine = {text.rfind("\n", 0, x.start) for x in sents}
    towns = {geo_link._fold(r.name) for x in sents for r in geo_link.mentions(analysis, x.start, x.end) if r.kind == "city"}
    for s in analysis.sentences:
        para = text.rfind("\n", 0, s.start)
        if para not in mine and _entry_elsewhere(analysis, para, towns):
            continue
        for t in found.temporals:
            if s.start <= t.start < s.end and t.value == eve and t.kind in ("relative", "date") \
                    and not _inside(quotes, t.start, t.end) and any(
                    c.kind == "time" and s.start <= c.start < s.end and abs(c.start - t.start) < 40
                    and c.value and c.value[:2].isdigit() and int(c.value[:2]) >= 18 for c in found.temporals):
                return t
    return best


def _entry_elsewhere(analysis: Analysis, para: int, towns: set[str]) -> bool:
    """The paragraph starting after offset `para` opens in a town none of `towns` (a digest's other entry: "В Нижнем
    Тагиле в воскресенье вечером …")."""
    first = next((x for x in analysis.sentences if x.start > para), None)
    there = geo_link.place_in(analysis, first.start, first.end, city_only=True) if first is not None else None
    return there is not None and geo_link._fold(there.name) not in towns


def _year_of_sentence(found: Extraction, sent: Sentence, t):
    """"19 апреля 2013 года … в теракте … 15 апреля": a day and month take the year of a full date in
    the same sentence, never of one elsewhere (docs/coding.md §7). A copy: the extract's record stays."""
    day, month = t.extra.get("day"), t.extra.get("month")
    year = next((x.extra["year"] for x in found.temporals if sent.start <= x.start < sent.end and x is not t
                 and x.kind == "date" and x.extra.get("year") is not None), None)
    if year is None or not day or not month:
        return t
    value = _iso(year, month, day)
    if value is None:
        return t
    return replace(t, value=value, extra={**t.extra, "year": year, "year_inferred": True})


def _cues(sent: Sentence) -> list[int]:
    """Where a sentence's attack cues ("теракт", "взрыв", a violent verb) start."""
    return [h[2] for h in _type_hits(sent)] + [x.start for x in sent.tokens if x.lemma in _violent_words()]


def _cue_distance(cues: list[int], t) -> int:
    """How far a date stands from the nearest attack cue of its sentence: of two dates in one
    sentence, the one beside "теракт"/"взрыв" is the attack's, the other that of a later step."""
    return min((abs(c - t.start) for c in cues), default=10 ** 6)


def _named_weekday(found: Extraction, t):
    """"в субботу" = the Saturday the text dates elsewhere ("в минувшую субботу, 17 сентября 2016 года"),
    docs/coding.md §7."""
    for w in found.temporals:
        if w.kind == "relative" and w.extra.get("weekday") == t.extra["weekday"] and w is not t:
            d = next((x for x in found.temporals if x.kind == "date" and x.value and x.extra.get("day")
                      and 0 <= x.start - w.end <= 3), None)
            if d is not None:
                return dataclasses.replace(t, value=d.value)
    return t


def _arrival(analysis: Analysis, sents: list[Sentence]) -> Sentence | None:
    """The sentence right before the act that tells of its attackers ("14 июня 1995 года отряд боевиков …
    ворвался в Буденновск. Около 12:00 боевики атаковали …"): where and when the act happened."""
    k = analysis.index_of(sents[0])
    prev = analysis.sentences[k - 1] if k else None
    # (or of someone coming there: "… в здание аппарата акима в селе Дарбаза пришел местный житель. … мужчина облил
    # пол … и поджег")
    if prev is None or analysis.ignored(prev.start, prev.end) or not any(
            _attackerish(t) or t.lemma in _CAME and "VERB" in t.tag for t in prev.tokens):
        return None
    return prev


_CAME = frozenset(("прийти", "зайти", "войти", "подъехать", "приехать", "прибыть", "явиться", "ворваться"))


def _lead_scene(analysis: Analysis) -> geo_link.Resolved | None:
    """The town the article opens in: "В городе Даммартен-ан-Гоэль … силовики проводят операцию"."""
    for s in _lead(analysis, 3):                      # (photo captions often come first)
        for r in geo_link.mentions(analysis, s.start, s.end):
            if r.city and geo_link.after_settlement_word(analysis.text, r.start) \
                    and geo_link._locative(analysis.text, r.start) >= 2:
                return geo_link.place_in(analysis, s.start, s.end, city_only=True)
    return None


_RELEASED = frozenset(("освободить", "освобождать", "отпустить", "выпустить", "освобожденный", "освобождённый"))


_COURT = frozenset(("суд", "судья", "заседание", "процесс", "слушание", "рассматривать", "рассмотреть",
                    "рассмотрение", "присяжный", "трибунал"))


def _court_acting(text: str, sent: Sentence) -> list[int]:
    """Where the sentence's court acts ("Суд в понедельник начал рассматривать дело обвиняемых в нападении"): a
    date nearer it than any attack cue is the trial's day. Not a court building ("у здания суда взорвался
    автомобиль": the court in the nominative only), nor the court's account of the act ("Как установил суд,
    вечером 17 ноября 2019 года …")."""
    if _RECALL.match(text, sent.start):
        return []
    return [x.start for x in sent.tokens if x.lemma in _COURT and (x.lemma not in ("суд", "судья") or "nomn" in x.tag)]


def _arrest_date(sent: Sentence, t) -> bool:
    """The date of an arrest or surrender, not of the act: the sentence's only outcome is the attacker
    caught ("сдался после преследования властей в среду, 7 января 2015 года")."""
    lemmas = [x.lemma for x in sent.tokens]
    # ("мужчина, открывший в субботу вечером огонь …, утром в воскресенье сдался полиции": the surrender's day, the
    # verb right after it, whatever else the sentence tells)
    nxt = next((x for x in sent.tokens if x.start >= t.end), None)
    if nxt is not None and ("VERB" in nxt.tag or "PRTS" in nxt.tag) and (
            nxt.lemma == "сдаться" or cues().get(nxt.lemma) == "perp_alive" and nxt.lemma not in ("обвинить", "взять")):
        return True
    # (an attack verb as a participle describes those released: "пассажиры, похищенные …, освобождены")
    if any(cues().get(x) in ("killed", "wounded") for x in lemmas) or any(
            x.lemma in ATTACK_VERBS and "PRTF" not in x.tag for x in sent.tokens):
        return False
    # (or the hostages' release: "Двадцать три пассажира, похищенные …, освобождены во вторник")
    arrests = [x.start for x in sent.tokens
               if cues().get(x.lemma) == "perp_alive" and x.lemma not in ("обвинение", "обвинить", "взять")
               or x.lemma in _RELEASED and ("VERB" in x.tag or "PRTS" in x.tag)]
    if not arrests:
        return False
    # "задержали … подозреваемого в подрыве автомобиля у посольства 30 августа 2016 года": the date
    # follows the attack named after the arrest, and is the attack's; so does a date in the clause of
    # what the one arrested did ("задержан студент, который во вторник вечером бросил бутылку …")
    return not any(arrests[0] < hit[2] < t.start for hit in _type_hits(sent)) and not any(
        x.lemma == "который" and arrests[0] < x.start < t.start for x in sent.tokens)


REPORT = {"сообщить", "сообщать", "сообщаться", "заявить", "подтвердить", "опубликовать", "рассказать",
          "объявить", "появиться", "передать", "написать", "сообщение", "информация", "подтверждать",
          "опубликованный", "распространить", "распространённый", "распространенный", "коммюнике"}


def _day_right_after(toks: list, n: int, t) -> bool:
    """Only a preposition, a weekday and commas stand between the verb at n and the date t."""
    between = [x for x in toks[n + 1:] if x.end <= t.start]
    # (not past a comma: "Как сообщалось, 10 марта в Актобе мужчина открыл огонь" dates the act)
    return toks[n].end <= t.start and len(between) <= 3 and (not between or between[0].lemma in ("в", "во")) \
        and all(x.lemma in ("в", "во", ",") or x.lemma in _WEEKDAYS for x in between)


_WEEKDAYS = frozenset(("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"))


def _reported(sent: Sentence, t) -> bool:
    """The date stands with a verb of reporting, not with the act: "подтвердила в понедельник, 4 декабря",
    "ИГ опубликовало 13 мая 2018 года видео", "12 октября 2016 года в газете появилась информация"."""
    toks = sent.tokens
    i = next((k for k, x in enumerate(toks) if x.start >= t.start), len(toks))
    j = next((k for k, x in enumerate(toks) if x.start >= t.end), len(toks))
    def report(n: int) -> bool:                       # "как сообщалось", "по сообщению": parenthetical
        # (but "Как сообщила во вторник, 27 февраля, полиция": the day right after the verb is the report's)
        return toks[n].lemma in REPORT and not (n and toks[n - 1].lemma in ("как", "по", "согласно")
                                                and not _day_right_after(toks, n, t))
    lo = max(0, i - 5)
    before, after = toks[lo:i], toks[j:j + 7]
    k = next((n for n in range(len(before)) if report(i - 1 - n)), None)
    if k is not None:
        between = before[len(before) - k:]
    else:
        k = next((n for n in range(len(after)) if report(j + n)), None)
        if k is None or any(cues().get(x.lemma) in ("killed", "wounded") or x.lemma in ATTACK_VERBS
                            for x in toks[:i]) or _type_hits(sent) and _type_hits(sent)[0][2] < t.start:
            return False                              # "Нападавшего … в четверг, 19 декабря …, сообщают"
        between = after[:k]
    # ("Как говорится в сообщении, инцидент произошел накануне вечером": the act's day, past its "произошел")
    return not any(cues().get(x.lemma) in ("killed", "wounded") or x.lemma in ATTACK_VERBS or x.lemma in HAPPENED
                   for x in between)


def _anchor(found: Extraction, t) -> tuple | None:
    """The report date and its weekday name ("в пятницу, 5 марта 2015 года"): relative weekdays count from it."""
    from datetime import date
    wd = next((x.extra.get("weekday") for x in found.temporals if x.kind == "relative"
               and x.extra.get("weekday") is not None and 0 <= t.start - x.end <= 3), None)
    try:
        d = date.fromisoformat(t.value)
    except (TypeError, ValueError):
        return None
    return d, (wd if wd is not None else d.weekday())


def _from_anchor(t, anchor):
    from datetime import timedelta
    d, wd = anchor
    back = (wd - t.extra["weekday"]) % 7
    if back == 0:
        return t                                      # the report's own weekday: the same day or a week before
    return dataclasses.replace(t, value=(d - timedelta(days=back)).isoformat())


_SPEECH = re.compile(r"[»\"”]\s*[,—–-]*\s*[—–-]\s*(?:сказал|заявил|подчеркнул|отметил|сообщил|добавил|пояснил)", re.I)


def _speech_tail(text: str, sent_start: int, pos: int) -> bool:
    return bool(_SPEECH.search(text[sent_start:pos]))


# "боестолкновения, продолжавшегося около двух часов", "в течение трех часов": how long, not when
_LASTING = re.compile(r"(?:продолжа\w+|продлил\w+|длил\w+|длящ\w+|дливш\w+|в\s+течение|на\s+протяжении|спустя|"
                      r"через)\s+$", re.I)


_STAMP = re.compile(r"[ \t]*\d{1,2}[:.]\d{2}[ \t]*[—–-][ \t]")


def _timeline(analysis: Analysis, found: Extraction, sents: list[Sentence]) -> list[TimelineEntry]:
    text = analysis.text
    out = []
    # (not a live blog's stamp opening its line, "14:05 — По данным МВД …": when it was posted)
    times = sorted((t for t in found.temporals if t.kind == "time" and any(s.start <= t.start < s.end for s in sents)
                    and not _LASTING.search(text, max(0, t.start - 30), t.start)
                    and not (_STAMP.match(text, text.rfind("\n", 0, t.start) + 1)
                             and not text[text.rfind("\n", 0, t.start) + 1:t.start].strip())), key=lambda t: t.start)
    for t in times:
        sent = next(s for s in sents if s.start <= t.start < s.end)
        a = max(text.rfind(",", sent.start, t.start) + 1, sent.start)
        b = t.end
        while True:                                     # take the clause and its gerund tails
            nxt = text.find(",", b, sent.end)
            if nxt < 0:
                b = sent.end
                break
            tail = text[nxt + 1:nxt + 40].split()
            b = nxt
            from letopis.nlp.morph import tag
            if tail and "GRND" in tag(tail[0].strip(",.")):
                b = nxt + 1
                continue
            break
        nxt_time = next((x.start for x in times if x.start > t.start and x.start < b), None)
        if nxt_time is not None:
            b = text.rfind(",", t.end, nxt_time) if text.rfind(",", t.end, nxt_time) > 0 else nxt_time
        what = (text[a:t.start] + text[t.end:b]).strip(" ,.;—–-")
        what = re.sub(r"\s+", " ", what)
        out.append(TimelineEntry(t.value or t.text, what, bool(t.extra.get("approx")), t.start, t.end))
    return out


def _claim(sent: Sentence) -> bool | None:
    """A sentence of responsibility: True when claimed ("взяло на себя ответственность") or laid on a
    group ("возложили ответственность на"), False when
    denied ("не берёт на себя ответственность"), None when it tells of none."""
    toks = sent.tokens
    # "Движение «Талибан» отвергло свою причастность к теракту": denied
    # (not "Ответственность взяло на себя движение X, однако позднее его представитель отрицал причастность": claimed)
    if any(t.lemma in _DENY for t in toks) and any(t.lemma == "причастность" for t in toks) \
            and not any(t.lemma == "ответственность" for t in toks):
        return False
    if not any(t.lemma == "ответственность" for t in toks):
        return None
    # ("Власти возложили ответственность на группировку X": blamed, coded as GTD codes a blamed group)
    verbs = [k for k, t in enumerate(toks) if t.lemma in ("взять", "взявший", "брать", "заявить", "возложить",
                                                          "возлагать")]
    if not verbs:
        return None
    return not all(k and toks[k - 1].lemma == "не" for k in verbs)


_DENY = frozenset(("отвергнуть", "отвергать", "отрицать", "опровергнуть", "опровергать", "откреститься"))


def _outside(lo: int, hi: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [lo, hi) outside the spans `holes` (the sentences that deny responsibility)."""
    keep, pos = [], lo
    for a, b in sorted(holes):
        if b <= lo or a >= hi:
            continue
        keep.append((pos, max(pos, a)))
        pos = max(pos, b)
    keep.append((pos, hi))
    return [(a, b) for a, b in keep if b > a]


# a group's spokesman reports an attack, his group is not thereby its author
_SPOKESMAN = re.compile(r"(?:представител\w*|пресс-секретар\w*|спикер\w*|пресс-служб\w*)\s+"
                        r"(?:\w+\s+){0,2}[«\"„]?$", re.I)


_CHECKED = re.compile(r"(?:проверя\w+|выясня\w+|устанавлива\w+|изуча\w+)\s+(?:[а-яё]+\s+)?(?:возможн\w+\s+)?"
                      r"(?:причастност\w+|связ[иь]\w*)\s+[^.;]{0,80}$", re.I)
_ITS_MATERIAL = re.compile(r"(?:материал\w*|видеозапис\w*|видео|листовк\w*|символик\w*|литератур\w*|"
                           r"пропаганд\w*|флаг\w*|присяг\w*)\s+(?:[\w-]+\s+){0,5}«?$", re.I)
# (the second of two named so: "группировок, связанных с «Аль-Каидой»* и ИГИЛ")
_AFFILIATED = re.compile(r"(?:(?:связанн\w+|аффилированн\w+|близк\w+)\s+(?:с|со|к)|"
                         r"(?:отколовш\w+|откол\w+|вышедш\w+|выделивш\w+)\s+(?:от|из)\s+(?:[а-яё]+\s+){0,2})\s*«?"
                         r"(?:[^«».;\n]{1,40}»\*?\s+(?:и|или)\s+«?)?$", re.I)
# a group named as a contrast or as a government, no actor: "В отличие от «Боко харам» эти группировки …", "Власти
# движения «Талибан» неоднократно обвинялись в занижении числа жертв"
_NOT_THE_ACTOR = re.compile(r"(?:в\s+отличие\s+от|власт\w+\s+(?:движения\s+|группировки\s+)?|правительств\w+\s+"
                            r"(?:движения\s+)?)\s*«?$", re.I)


# "взяла на себя группировка «Джунд аш-Шам»": a group the table does not know, named by its kind
_CLAIMANT = re.compile(r"(?:группировк|организаци|движени|ячейк|бригад|фронт)\w*\s+«([^«»\n]{3,60})»", re.I)


def _claimant(text: str, lo: int, hi: int) -> list[str]:
    """The group a claim of responsibility names though the table does not know it: its name in «…» after
    "группировка", "организация", "движение" (as written)."""
    m = _CLAIMANT.search(text, lo, hi)
    return [m.group(1).strip()] if m else []


_PRAISED = re.compile(r"[»\"]?[^.;]{0,60}?\b(?:приветствова\w*|одобри\w*|поздрави\w*|назвал\w*\s+(?:[^.;]{0,30}?)"
                     r"героическ\w*|восхвали\w*)", re.I)


def _groups(text: str, lo: int, hi: int) -> list[str]:
    """Armed groups named in text[lo:hi], by the table's patterns in order: a name inside one found
    before is part of it ("Талибан" in "Техрик-е Талибан Пакистан")."""
    found: list[str] = []
    taken: list[tuple[int, int]] = []
    for pat, name in armed_groups():
        for m in pat.finditer(text, lo, hi):
            if any(a <= m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            if _SPOKESMAN.search(text, max(lo, m.start() - 50), m.start()) or \
                    _NOT_THE_ACTOR.search(text, max(lo, m.start() - 50), m.start()):
                continue                # "сообщил представитель движения «Талибан»": who told it
            if _AFFILIATED.search(text, max(lo, m.start() - 50), m.start()):
                continue                # "группировка «Аль-Мурабитун», связанная с «Аль-Каидой»": an ally;
                #                         "отколовшаяся от пакистанского «Техрик-е Талибан»": its parent
            if _CHECKED.search(text, max(lo, m.start() - 120), m.start()):
                continue                # "Следствие проверяет возможную причастность задержанных к организации
                #                         «Ансаруллах»": a lead followed, no claim or blame
            if _ITS_MATERIAL.search(text, max(lo, m.start() - 90), m.start()):
                continue                # "в его телефоне обнаружены материалы «Исламского государства»": what he
                #                         read or kept, no part in the attack
            if _PRAISED.match(text, m.end(), min(hi, m.end() + 100)):
                continue                # "ХАМАС в своем Telegram-канале назвал теракт «героической операцией», но о
                #                         причастности не заявил": praise, no claim
            if name not in found:
                found.append(name)
    return found

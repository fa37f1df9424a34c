"""Persons with their roles and ages: "34-летний Максат Кариев", "старших сержантов полиции
Полата Аямкулова и Жаксыбека Байсеитова" (a plural role shared by coordinated names),
"командир взвода … ДВД капитан полиции Газиз Байтасов" (a chain of roles)."""
from __future__ import annotations

import re
from functools import lru_cache

from letopis.extract import Extraction
from letopis.incidents.tables import _rows
from letopis.nlp.analysis import Analysis
from letopis.nlp.morph import dative_only
from letopis.record import Entity, Person

# a role and the name it labels: spaces, a comma, "и"; one line break (a title's role over its photo
# caption: "…президент Зимбабве\nЭммерсон Мнангагва") but not a paragraph's ("…глава СК РФ\n\nДмитрий …")
_GAP = re.compile(r"^[^\S\n]*,?[^\S\n]*(?:и[^\S\n]+)?(?:\d{1,3}-летн[а-яё]+[^\S\n]+)?"
                  r"(?:(?:отц[аеу]?|отец|батюшк[аи])[^\S\n]+)?\n?\Z")   # "настоятеля храма отца Виталия"


@lru_cache(maxsize=None)
def ideologies() -> dict[str, str]:
    return {r[0]: r[1].strip() for r in _rows("ideologies.tsv")}


@lru_cache(maxsize=None)
def armed_groups() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(r"(?<!\w)(?:" + r[0] + r")(?!\w)", re.I), r[1].strip()) for r in _rows("armed_groups.tsv")]


def _link(analysis: Analysis) -> list[Person]:
    try:
        from letopis.nlp.persons import link_persons
        return link_persons(analysis)
    except ImportError:                      # until the linker lands: one person per normal form
        by: dict[str, Person] = {}
        for e in analysis.entities:
            if e.type == "PERSON":
                p = by.setdefault(e.normal or e.text, Person(e.normal or e.text))
                p.mentions.append((e.start, e.end))
        return list(by.values())


def _roles_before(text: str, start: int, found: Extraction, persons: list[Entity],
                  analysis: Analysis | None = None, inflected: bool = False) -> list[str]:
    """Roles standing right before a mention, walking back over a chain of roles and
    coordinated names ("сержантов полиции Полата Аямкулова и Жаксыбека Байсеитова"). A role in the
    nominative before an inflected name is the name's dependant, not its holder ("Водитель Ибраимова
    получил ранение": Ибраимов's driver)."""
    roles: list[str] = []
    pos = start
    by_end = sorted(found.roles, key=lambda r: -r.end)
    last_plural = False
    walked = False                # past another name of a list: only a plural role is ours too
    me = next((p for p in persons if p.start == start), None)
    if me is not None and " " not in me.text.strip() and any(p.start == me.end + 1 for p in persons) \
            and text[me.end:me.end + 1] == " ":
        return roles              # "Адвокат Эргешова Айгуль Сыдыкова": the role is the next name's, whose
        #                           client the first is
    for _ in range(6):
        # (a role ending the line above is the name's only when it is that whole line: "…— первый заместитель
        # хокима района\nКаримова Нилуфар" of a list names the line's own person)
        prev = next((r for r in by_end if r.end <= pos and _GAP.match(text[r.end:pos])
                     and r.normal not in roles and ("\n" not in text[r.end:pos] or _caption_line(text, start)
                                                    or not text[text.rfind("\n", 0, r.start) + 1:r.start].strip())),
                    None)
        # "советник президента России Владимира Путина": of two roles nested to one end, the name is the one
        # whose head takes its case (the inner "президента", not the outer "советник")
        inner = next((r for r in by_end if prev is not None and r.end == prev.end and r.start > prev.start
                      and r.normal not in roles), None) if analysis is not None else None
        if inner is not None and not roles and _cases_differ(analysis, prev.start, _word_at(text, pos)) \
                and not _cases_differ(analysis, inner.start, _word_at(text, pos)):
            roles.append(inner.normal)
            break                 # the outer role ("советник") is another person's
        if prev is not None and inflected and not roles and analysis is not None and _nominative_head(analysis, prev):
            break
        if prev is not None and roles and prev.plural and not last_plural:
            break                 # "17 сотрудников полиции и протоиерей X": the many are others than X
        if prev is not None and dative_only(text, prev.start) and (
                roles and analysis is not None and _cases_differ(analysis, prev.start, pos)
                or not roles and prev.plural and not _listed(text, start, persons)):
            break                 # "— сказал корреспонденту ТАСС адвокат X", "— рассказал журналистам Тимошко":
            #                       the one told is no role of the teller
        if prev is not None and not roles and "," in text[prev.end:pos] and analysis is not None \
                and _cases_differ(analysis, prev.start, _word_at(text, pos)):
            break                 # "остается главой холдинга, Т.Комбсу и Т.Вешлеру": no apposition across a comma
        if prev is not None and not roles and _kin_before(text, prev.start) and analysis is not None \
                and _cases_differ(analysis, prev.start, start):       # (the mention itself, not a name walked past)
            break                 # "Вдове полицейского Гульнаре X": the role is her husband's (not "Подруга
            #                       предпринимателя Романа Абрамовича": the role agrees with the name)
        if prev is not None and walked and not roles and not prev.plural and _singular_only(text, prev.start):
            break                 # "учительница Ольга Сивцева и 14-летняя Ксения Гордеева": one role, one name
        if prev is not None:
            last_plural = prev.plural
            roles.append(prev.normal)
            pos = prev.start
            continue
        # (the teller of what follows makes no list: "По словам шерифа Скотта Израэля, Круз был вооружён"; nor
        # a name in another case: "противник президента РФ Владимира Путина, Алексей Навальный")
        name = next((p for p in persons if p.end <= pos and _GAP.match(text[p.end:pos]) and p.end != start
                     and not ("," in text[p.end:pos] and (_TELLER.search(text, max(0, p.start - 60), p.start) or (
                         analysis is not None and _known_name(text, _last_word_at(p))
                         and _cases_differ(analysis, _last_word_at(p), _word_at(text, pos)))))),
                    None)
        if name is not None and not roles:
            walked = walked or bool(re.search(r",|\bи\b", text[name.end:pos]))   # a list, not "Адвокат Гаева X"
            pos = name.start
            continue
        break
    return roles


def _caption_line(text: str, start: int) -> bool:
    """The name at `start` is its line's whole text (a photo caption under a title), no line of a list."""
    end = text.find("\n", start)
    me = next((p for p in re.finditer(r"[^\n]+", text[start:end if end >= 0 else len(text)])), None)
    return me is not None and len(me.group().split()) <= 4 and not re.search(r"[—–,:;\d]", me.group())


def _singular_only(text: str, at: int) -> bool:
    """The role's first word has no plural reading ("учительница"; not "актрисы", "сотрудники")."""
    from letopis.nlp.morph import parse
    word = _word(text, at)
    return bool(word) and all(p.tag.number != "plur" for p in parse(word.lower()))


def _roles_between(text: str, a: int, b: int, roles: list) -> bool:
    """Roles fill text[a:b] one after another ("19-летнего студента Артема", "22-летний пограничник, рядовой
    Нурбек"): past adjectives after the age, a comma between two roles, where the person is from before the name."""
    pos, steps = a, 0
    while steps < 3:
        r = next((r for r in roles if pos <= r.start and (_ADJECTIVES if steps == 0 else _ROLE_COMMA).fullmatch(
            text, pos, r.start)), None)
        if r is None:
            return False
        if _AGE_GAP.fullmatch(text, r.end, b):
            return True
        pos, steps = r.end, steps + 1
    return False


_ROLE_COMMA = re.compile(r"[^\S\n]*,?[^\S\n]*")


def _listed(text: str, start: int, persons: list[Entity]) -> bool:
    """The name at `start` opens or continues a list of names ("сержантов Полата Аямкулова и Жаксыбека
    Байсеитова"): a plural role before it is theirs."""
    me = next((p for p in persons if p.start == start), None)
    ordered = sorted(persons, key=lambda p: p.start)
    return me is None or any(_LIST_GAP.fullmatch(_BRACKETS.sub("", text[a.end:b.start]))
                             for a, b in zip(ordered, ordered[1:]) if me in (a, b))


# between two names of a list: a comma or "и", past a bracket ("(1991 г.р.)") and a home ("из Кентукки")
_LIST_GAP = re.compile(r"(?:\s+(?:из|от)\s+[А-ЯЁ][\w-]*)?\s*(?:,|и|,\s*а\s+также)\s*")
_BRACKETS = re.compile(r"\s*\([^()\n]{0,60}\)")


def _word(text: str, at: int) -> str | None:
    """The word that begins at `at`."""
    m = _WORD.match(text, at, at + 40)
    return m.group(0) if m else None


_WORD = re.compile(r"[\w-]+")
_NAME_WORD = re.compile(r"[^\W\d_][\w-]+")       # a word of two letters or more


def _known_name(text: str, at: int) -> bool:
    """The word at `at` is a surname the dictionary knows (its case is then to be trusted; a foreign one's,
    "Пэлтроу", "Джоли", is a guess)."""
    from letopis.nlp.morph import parse
    word = _word(text, at)
    best = parse(word)[0] if word else None
    return best is not None and bool({"Surn", "Patr"} & set(best.tag.grammemes)) and "Fixd" not in best.tag \
        and type(best.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"


def _last_word_at(entity: Entity) -> int:
    """Where the last word of an entity begins ("Владимира Путина" → "Путина")."""
    words = list(_NAME_WORD.finditer(entity.text))
    return entity.start + words[-1].start() if words else entity.start


def _word_at(text: str, start: int) -> int:
    """Where the first word of two letters or more at `start` begins ("Т.Комбсу" → "Комбсу")."""
    m = _NAME_WORD.search(text, start, start + 40)
    return m.start() if m else start


def _cases_differ(analysis: Analysis, role_at: int, name_at: int) -> bool:
    """The role's first word, as best read, takes a case the name's word cannot."""
    from letopis.nlp.morph import parse
    words = [_word(analysis.text, a) for a in (role_at, name_at)]
    if not all(words):
        return False
    role, name = parse(words[0]), parse(words[1])
    # the role word by its best reading ("главой": the instrumental), the name by any (names are ambiguous)
    return role[0].tag.case not in {p.tag.case for p in name}


def _kin_before(text: str, at: int) -> bool:
    """A kinship noun right before a role: the role is the kin's ("вдова полицейского", "сын депутата")."""
    from letopis.nlp.morph import lemma
    m = re.search(r"([А-Яа-яЁё]+)\s+$", text[max(0, at - 30):at])
    return m is not None and lemma(m.group(1).lower()) in KIN | {"родственник", "родственница", "семья"}


_COMMA = re.compile(r"\s*,")
_SPEAKER_BEFORE = re.compile(r"[Пп]о\s+(?:его|ее|её|их\s+)?словам\s+[^,.;\n]{0,160}$")


def _role_after(text: str, start: int, end: int, found: Extraction) -> str | None:
    """Apposition: "Ерлан Карин, государственный секретарь РК,". After "по словам X," a nominative role
    opens the reported clause instead ("по словам … Кенжебаева, нападавший, житель Актау, открыл огонь");
    a genitive one is still X's ("по словам Ерлана Карина, государственного секретаря РК,")."""
    for r in found.roles:
        if not 0 <= r.start - end <= 60:
            continue                      # an apposition stands right after the name
        # (past adjectives: "Николас Круз, бывший ученик этой школы,")
        comma = _COMMA.match(text, end, r.start)
        if comma and _ADJECTIVES.fullmatch(text, comma.end(), r.start) and not r.plural:
            if re.match(r"\s{1,2}(?:\d{1,3}-летн[а-яё]+\s+)?[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+", text[r.end:r.end + 60]):
                return None     # "…Ермек Сагимбаев, министр внутренних дел Марат Ахметжанов": the next name's role
            if _SPEAKER_BEFORE.search(text[max(0, start - 200):start]) and not _genitive_possible(text[r.start:r.end]):
                return None     # ("По словам X, второй предполагаемой смертнице не удалось": the clause he tells)
            return r.normal
        # a list's entry: "Каримова Нилуфар Азизовна — 34 года — главный специалист сектора …"
        if _ENTRY_GAP.fullmatch(text, end, r.start) and _LINE_OPENS.search(text, max(0, start - 12), start):
            return r.normal
    return None


# between a list entry's name and its role: a dash, past the age ("— 34 года —")
_ENTRY_GAP = re.compile(r"[ \t]*[—–][ \t]*(?:\d{1,3}[ \t]+(?:год|года|лет)[ \t]*[—–,][ \t]*)?")
_LINE_OPENS = re.compile(r"(?:^|\n)[ \t]*(?:\d{1,3}[.)][ \t]*|[•*·][ \t]*)?$")


# who tells what follows the comma: "По словам X,", "Как сообщил начальник полиции X,"
_TELLER = re.compile(r"(?:[Пп]о\s+(?:словам|мнению|данным|информации)|[Кк]ак\s+(?:сообщил|рассказал|заявил|отметил|"
                     r"пояснил|уточнил)\w*)\s+(?:[\w-]+\s+){0,5}$")
# "19-летний бывший выпускник …": adjectives between an age and a role
_ADJECTIVES = re.compile(r"\s*(?:[а-яё]+(?:ий|ый|ой|ая|яя|ее|ое|ие|ые)\s+){0,2}")
# between an age and the name it is of: nothing, or where the person is from ("22-летнего уроженца
# Киргизии Акбаржона Джалилова", "28-летний гражданин Австралии Брентон Таррант"); not any noun, as in
# "мать 3-летнего ребенка Мария"
_AGE_GAP = re.compile(r"\s*(?:(?:урожен|гражданин|гражданк|жител|выход)[а-яё]*\s+"
                      r"(?:(?:города|села|поселка|посёлка|кишлака|джамоата|махалли|айыла|района)\s+)?(?:[А-ЯЁ][\w-]*\s+){0,2}"
                      r"(?:(?:района|области|края|республики|округа)\s+)?)?")   # "житель Баксанского района"


_AGE_ADJECTIVE = re.compile(r"летн|месячн", re.I)
_LOWER_WORDS = re.compile(r"(?:\s+[а-яё-]+){0,3}\s+")


def _genitive_possible(phrase: str) -> bool:
    from letopis.nlp.morph import parse
    return any("gent" in p.tag for p in parse(phrase.split()[0].lower()))


# kin and partners: "25-летний сын Сиви", "23-летняя подруга Березовского" are someone's, not the name's
KIN = frozenset("""сын дочь брат сестра жена муж мать отец подруга друг партнер партнёр парень девушка супруг
    супруга внук внучка племянник племянница невеста жених вдова вдовец сожитель сожительница""".split())


def _person_noun(gap: str) -> bool:
    """One lower-case word that names a kind of person: "52-летний британец Халид Масуд"."""
    from letopis.nlp.morph import parse
    w = gap.strip()
    if not w or " " in w or not w.isalpha() or not w.islower() or gap[:1] != " " or gap[-1:] != " " \
            or len(gap) != len(w) + 2:
        return False
    p = parse(w)[0]
    return p.tag.POS == "NOUN" and p.tag.animacy == "anim" and p.normal_form not in KIN


def _nominative_head(analysis: Analysis, role) -> bool:
    """The role's first noun reads only as a nominative (or accusative) singular: "Водитель", not
    "водителя" or "сержантов"."""
    from letopis.nlp.morph import parse
    sent = analysis.sentence_at(role.start)
    head = next((t for t in (sent.tokens if sent else ()) if role.start <= t.start < role.end and "NOUN" in t.tag), None)
    if head is None or role.plural:
        return False
    cases = {p.tag.case for p in parse(head.text.lower()) if p.tag.POS == "NOUN" and p.tag.number == "sing"}
    return bool(cases) and cases <= {"nomn", "accs"}


def _inflected(folded: str, start: int, end: int, name: str) -> bool:
    """A one-word mention that is a word of the person's name with a case ending ("Ибраимова" of Анвар
    Ибраимов, "Петра" of Пётр Завьялов): an oblique case for sure, whatever else the normaliser missed.
    `folded`: the text lower-cased with ё as е."""
    said = folded[start:end].strip()
    if " " in said or not said:
        return False
    for w in name.lower().replace("ё", "е").split():
        stem = w[:-1] if w.endswith("й") else w
        # (the nominative must stand in the text too: "Хамдалла" is no case of a misread "Хамдалл")
        if said != w and said.startswith(stem) and said[len(stem):] in ("а", "я", "у", "ю", "ом", "ем", "е") \
                and re.search(rf"(?<!\w){re.escape(w)}(?!\w)", folded):
            return True
    return False


# what is named after a person ("проспект Абая", "аэропорт имени Гейдара Алиева"): no person of the story
_EPONYM_BEFORE = frozenset({"улица", "проспект", "площадь", "переулок", "бульвар", "шоссе", "набережная", "сквер",
                            "проезд", "тупик"})


# structures named as people are ("ворота Эбби-Гейт"); in the locative they may open a clause whose
# subject is a person ("в аэропорту Ерлан Карин заявил"), so only their genitive and nominative count
_STRUCTURES = frozenset({"ворота", "мост", "станция", "аэропорт", "вокзал", "отель", "гостиница", "терминал",
                         "пристань", "причал", "тоннель"})


# "в селах Масанчи, Сортобе и Булар батыр", "на улицах Ленина и Энергетиков": names in a list after a
# plural settlement or street word are places
_SETTLEMENT_LIST = re.compile(r"\b(?:селах|поселках|посёлках|аулах|деревнях|станицах|кишлаках|городах|улицах|"
                              r"улиц|проспектах|площадях)\s+"
                              r"(?:[А-ЯЁ][\w-]*(?:\s+[а-яё]+)?\s*,\s*)*(?:[А-ЯЁ][\w-]*(?:\s+[а-яё]+)?\s+и\s+)?$")


def _eponym(analysis: Analysis, start: int) -> bool:
    if _SETTLEMENT_LIST.search(analysis.text, max(0, start - 80), start):
        return True
    sent = analysis.sentence_at(start)
    if sent is None:
        return False
    prev = [t for t in sent.tokens if t.end <= start and t.text != "."][-2:]
    if not prev:
        return False
    last = prev[-1].text.lower()
    if last == "имени":     # "театр имени …"; but "мужчина по имени Иван Петров" is a person
        return len(prev) == 2 and prev[0].lemma != "по"
    if prev[-1].lemma in _STRUCTURES and ("gent" in prev[-1].tag or "nomn" in prev[-1].tag):
        return True         # "у ворот Эбби-Гейт", "моста Риальто"; not "в аэропорту Ерлан Карин заявил"
    return prev[-1].lemma in _EPONYM_BEFORE or last == "им" and analysis.text[prev[-1].end:prev[-1].end + 1] == "."


def _common_noun(word: str) -> bool:
    """A dictionary noun no reading of which is a name ("Школьник"; not "Орел", also a surname, nor
    "Токаев", a surname's shape)."""
    from letopis.nlp.entities import not_a_name
    from letopis.nlp.morph import parse
    return not_a_name(word) and all(p.tag.POS == "NOUN" and "Geox" not in p.tag for p in parse(word.lower()))


def _no_person(analysis: Analysis, found: Extraction, s: int, e: int) -> bool:
    """A town in an agency dateline ("ШЫМКЕНТ, 3 июля"), a common noun, or a role and the place it governs
    ("Аким Шымкента": "Аким" is also a first name) the recogniser read as a person."""
    if analysis.dateline and analysis.dateline[0] <= s < analysis.dateline[1]:
        return True
    word = analysis.text[s:e]
    if " " not in word and analysis.title_span and s == analysis.title_span[0] and _common_noun(word) \
            and not re.search(r"[а-яё,]\s+" + re.escape(word[:-1]), analysis.text):
        return True                 # "Школьник напал с ножом": a noun opening the title (not "Поп-звезда Мадонна")
    role = next((r for r in found.roles if r.start == s and r.end < e), None)
    if role is None:
        return False
    from letopis.incidents.geo_link import _gazetteer
    g = _gazetteer()
    rest = analysis.text[role.end:e].split()
    return g is not None and bool(rest) and all(
        any(h.kind in ("city", "region", "country") for h in g.lookup(w)) for w in rest)


def people(analysis: Analysis, found: Extraction) -> list[Person]:
    text = analysis.text
    # (the fullest mention names the person: "Аким Шымкента" drags "Аким" and "Шымкента" along with it)
    persons = [p for p in _link(analysis) if not all(_eponym(analysis, s) for s, _ in p.mentions)
               and not _no_person(analysis, found, *max(p.mentions, key=lambda m: (m[1] - m[0], -m[0])))]
    per_entities = [e for e in analysis.entities if e.type == "PERSON"]
    folded = text.lower().replace("ё", "е")
    for person in persons:
        for s, e in sorted(person.mentions):
            for role in _roles_before(text, s, found, per_entities, analysis, _inflected(folded, s, e, person.name)):
                if role not in person.roles:
                    person.roles.append(role)
            after = _role_after(text, s, e, found)
            if after and after not in person.roles:
                person.roles.append(after)
            for age in found.ages:
                # "19-летнего студента Артема Иванова": a role may stand between the age and the name
                role_gap = age.end <= s and _roles_between(text, age.end, s, found.roles)
                if (age.end <= s and (_AGE_GAP.fullmatch(text, age.end, s) or _person_noun(text[age.end:s]))) \
                        or role_gap or \
                        (age.start >= e and re.fullmatch(r"\s*[,—–]?\s*(?:в возрасте\s*|было\s+|исполнилось\s+)?",
                                                          text[e:age.start])   # "Мальсагову было 29 лет"
                         # (not "По словам Абдикаримова, 34-летний полицейский …": the clause he tells)
                         and not _TELLER.search(text, max(0, s - 60), s)
                         # (not "Серик Ахметов, 38-летняя официантка X": an age adjective before another name
                         # is that one's)
                         and not (_AGE_ADJECTIVE.search(age.text) and any(
                             _LOWER_WORDS.fullmatch(text, age.end, o.start) for o in per_entities
                             if o.start > age.end and (o.start, o.end) not in person.mentions))):
                    person.age = age.value
            sent = analysis.sentence_at(s)
            if sent is not None:
                for tok in sent.tokens:
                    ideo = ideologies().get(tok.lemma)
                    if ideo and _governs(text, s, tok.start):
                        person.extra["ideology"] = ideo
        # not "эксперт" beside "эксперт по вопросам безопасности": the longer says it
        person.roles = [r for r in person.roles if not any(o.startswith(r + " ") for o in person.roles)]
        if person.roles:
            person.extra["role"] = ", ".join(person.roles)
    # the person each mention's own reading belongs to ("Роналд", read so in one sentence, is Криштиану Роналду)
    owner = {m: p.name for p in persons for m in p.mentions}
    readings: dict[str, set[str]] = {}
    for e in analysis.entities:
        if e.type == "PERSON" and (e.start, e.end) in owner:
            readings.setdefault(e.normal or e.text, set()).add(owner[(e.start, e.end)])
    attribute_quotes(found.quotes, persons, readings)
    return persons


def attribute_quotes(quotes: list, persons: list[Person], readings: dict[str, set[str]] | None = None) -> None:
    """"…», — сказал аким": a quote told by a role alone goes to the one person the article gives
    that role ("Аким Алматинской области Амандык Баталов"); with two such persons it stays unnamed.
    A speaker named by surname alone takes the person's full name, and one named by a mention's reading
    takes the name of the person the mention belongs to."""
    for q in quotes:
        owners = (readings or {}).get(q.speaker or "", set())
        if q.speaker and len(owners) == 1 and q.speaker not in owners:
            q.speaker = next(iter(owners))
            continue
        if q.speaker:
            # "По словам Баталова, …": the surname names the person in full ("Амандык Баталов")
            full = [p.name for p in persons if p.name != q.speaker and p.name.endswith(" " + q.speaker)]
            if len(full) == 1 and not any(p.name == q.speaker for p in persons):
                q.speaker = full[0]
            continue
        if not q.role or q.extra.get("many"):
            continue
        role = q.role.lower()
        who = [p for p in persons if any(r.lower() == role or r.lower().startswith(role + " ") for r in p.roles)]
        if not who and (head := _leads(q.role)) is not None:
            # "— подчеркнул глава МВД" after "Министр внутренних дел Казахстана Ерлан Тургумбаев": the one
            # person who heads a body of the same service
            who = [p for p in persons if any((h := _leads(r)) is not None and h == head for r in p.roles)]
        if len(who) == 1:
            q.speaker = who[0].name
            q.extra["speaker_by_role"] = True


_LEADERS = frozenset({"глава", "министр", "председатель", "руководитель", "начальник", "директор", "командующий"})


@lru_cache(maxsize=2_000)
def _leads(role: str) -> str | None:
    """The service a leader's role heads ("глава МВД", "министр внутренних дел Казахстана" → police), by
    the service words of its chain, as the role extractor reads them (roles.service_group); None for
    other roles."""
    from letopis.extract.roles import service_group
    from letopis.nlp.analysis import Token
    from letopis.nlp.morph import lemma
    words = role.split()
    if not words or lemma(words[0]) not in _LEADERS:
        return None
    return service_group([Token(0, 0, w, lemma(w)) for w in words[1:]])


def _governs(text: str, person_start: int, word_start: int) -> bool:
    """An ideology word belongs to the person when it follows in the same clause and is
    introduced as adherence ("приверженцем джихадизма") or sits next to the name."""
    between = text[person_start:word_start]
    return 0 < word_start - person_start < 160 and bool(
        re.search(r"привержен|сторонник|последовател|адепт|исповед|член", between, re.I))

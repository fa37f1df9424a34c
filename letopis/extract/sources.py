"""The source chain: who published the report and whom it cites.

"сообщает Vecher.kz со ссылкой на МИА «Казинформ»"  → publisher Vecher.kz, cited МИА «Казинформ»
"(Центральной Азии – КазТАГ)"                         → an editor's note inside a quote: the publisher
"БИШКЕК, 5 августа /Новости-Грузия/"                  → an agency dateline: the publisher
"по информации генпрокуратуры РК"                     → cited
"В интервью телеканалу «Хабар 24»"                    → interview venue"""
from __future__ import annotations

import re
from functools import lru_cache

from letopis.nlp.analysis import Analysis
from letopis.read.dates import ISSUE_LINE, SITE, _top_lines, find_agency, find_dateline
from letopis.record import Source

_NAME = r"(?:[A-Za-zА-ЯЁ][\w\-]*(?:\.[\w\-]+)*(?:\s+[A-Za-zА-ЯЁ][\w\-]*(?:\.[\w\-]+)*){0,2}(?:\s+«[^»]{1,40}»)?|[A-Za-zА-ЯЁа-яё]+\s+«[^»]{1,40}»|«[^»]{1,40}»)"
# what kind of outlet: "сообщает газета Dawn", "агентство Рейтер", "Телеграм-канал Mash"
_KIND = r"(?:газета|газеты|агентство|агентства|информагентство|издание|издания|телеканал|портал|сайт|радиостанция|" \
        r"телеграм-канал|Telegram-канал)"
_WHEN = r"(?:(?:в|во)\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\s+|накануне\s+|" \
        r"(?:утром|вечером|днем|днём|ночью)\s+)?"           # "сообщило в пятницу Министерство здравоохранения"
# (a person's verb too when an outlet's kind follows: "Как сообщил телеканал TOLOnews", not "сообщил Иванов")
_REPORTS = re.compile(r"(?P<as>[Кк]ак\s+)?(?:сообщает|сообщают|передает|передаёт|пишет|пишут|информирует|сообщило|сообщила|"
                      r"уточняет|уточняют|"
                      r"(?:сообщил|сообщили|передал|написал|написала)(?=\s+" + _WHEN + _KIND + r"\s))\s+"
                      + _WHEN +
                      r"(?:(?:собственный\s+)?корреспондент\w*\s+|корр\.\s+|(?P<kind>" + _KIND + r")\s+)?"    # "передает корреспондент Tengrinews.kz"
                      r"(?P<pub>" + _NAME + r")(?:\s+со?\s+сс\w*лк\w*\s+на\s+(?P<cited>" + _NAME + r"))?")
_CITED = re.compile(r"(?:[Пп]о\s+(?:информации|данным|сведениям|сообщению)|[Сс]о\s+сс\w*лк\w*\s+на|"
                    r"[Кк]ак\s+сообщили\s+в|сообщили\s+в)\s+(?P<cited>(?:[а-яё]+\s+){0,2}" + _NAME + r")")
# an office named in lower case: "со ссылкой на пресс-службу ведомства", "сообщили в департаменте полиции
# города" (up to two more lower-case words: its owner)
_CITED_OFFICE = re.compile(r"(?:[Сс]о\s+сс\w*лк\w*\s+на|[Пп]о\s+(?:информации|данным|сведениям|сообщению)|"
                           r"[Кк]ак\s+сообщили\s+в|сообщили\s+(?:(?-i:[A-ZА-ЯЁ])[\w-]*\s+){0,2}в|сообщ\w+|информиру\w+)\s+"
                           r"(?P<cited>(?:пресс-служб|департамент|"
                           r"управлени|министерств|ведомств|прокуратур|полици|акимат)[а-яё]*(?:\s+[а-яё]{3,}){0,2})")
_NOT_A_VERB = r"(?![а-яё]*(?:ет|ют|ит|ят|ал|ла|ли|ло)(?![а-яё]))"   # "… в полиции [сообщает]"
# sources named by what they are, not by name: "со ссылкой на источник в правоохранительных органах",
# "со ссылкой на местные власти", "по словам очевидцев"
# ("сообщил РИА Новости источник в правоохранительных органах республики": the unnamed teller as the subject)
_CITED_UNNAMED = re.compile(r"(?:[Сс]о\s+сс\w*лк\w*\s+на|[Пп]о\s+(?:данным|информации|словам|сведениям)|"
                            r"(?:сообщил|рассказал|заявил|пояснил)[аи]?\s+(?:[А-ЯЁA-Z«][\w»-]*\s+){0,2}(?=источник))\s*(?P<cited>"
                            r"(?:[а-яё]+(?:ые|ых|ие|их)\s+)?(?:власт(?:и|ей)(?:\s+[А-ЯЁ][\w-]*(?:\s+(?:област|район|кра|"
                            r"провинци|штат|республик)\w*)?)?|очевидц(?:ев|ы)|свидетел(?:ей|и)|"
                            r"источник(?:а|и|ов)?(?:\s+в\s+[а-яё]+(?:\s+" + _NOT_A_VERB + r"[а-яё]{3,}){0,2})?))(?![а-яё])")
# the outlet first: "Агентство APA со ссылкой на очевидцев сообщает", "Телеграм-канал Mash … пишет"
_OUTLET_FIRST = re.compile(r"(?<![\w-])(?:[Гг]азета|[Аа]гентство|[Ии]нформагентство|[Ии]здание|[Тт]елеканал|[Пп]ортал|"
                           r"[Рр]адиостанция|[Тт]елеграм-канал|Telegram-канал)\s+(?P<pub>" + _NAME + r"|\"[^\"]{1,40}\")"
                           r"(?:\s+со?\s+сс\w*лк\w*\s+на\s+[^,.;]{1,60}?)?"
                           r"\s+(?:сообщает|сообщил[оа]?|пишет|передает|передаёт|информирует)(?![а-яё])")
# the outlet a speaker told: "— рассказала изданию «Алтапресс» ученица", "заявил агентству Reuters"
_TOLD_TO = re.compile(r"(?:рассказал|заявил|сообщил|сказал|пояснил|подтвердил)[аи]?\s+(?:изданию|агентству|газете|"
                      r"телеканалу|радиостанции|порталу|сайту)\s+(?P<cited>" + _NAME + r"|\"[^\"]{1,40}\")")
# an outlet's kind in any case before its name ("телеканала Ariana News", "газете «Коммерсантъ»")
_OUTLET_KIND = re.compile(r"(?:газет|агентств|информагентств|издани|телеканал|портал|радиостанци|телеграм-канал|"
                          r"Telegram-канал)[а-я]{0,3}\s+(?=[A-ZА-ЯЁ«])")
_EDITOR = re.compile(r"\([^()]{3,200}?\s[–—-]\s*(?:прим\.\s*(?:ред\.)?\s*)?(?P<pub>[A-ZА-ЯЁ][\w\-]*[A-ZА-ЯЁ][\w\-]*)\)")
# "Источник: Tengrinews.kz" closing the article (a boilerplate line, but it names where the text comes from)
_SOURCE_LINE = re.compile(r"^(?:Источник|Source)\s*:\s*(?P<pub>[^\s\n][^\n]{1,58})$", re.M)
# the outlet told a thing, or owning a source or a reporter, by its quoted name ("заявила «Новому делу»",
# "По данным источника «Фонтанки»"); a site's name too ("сказал Kun.uz")
_TOLD_US = re.compile(r"(?:рассказал|сообщил|заявил|сказал|пояснил|подтвердил|уточнил)[аи]?\s+(?:в\s+беседе\s+с\s+)?"
                      r"(?:«(?P<pub>[^«»\n]{2,40})»|(?P<site>" + SITE + r"))(?![\w-])")
_TOLD_THIS = re.compile(r"[Оо]б\s+этом\s+(?P<site>" + SITE + r"|(?-i:[A-Z]{2,6}))\s+(?:сообщил\w*|рассказал\w*|заявил\w*)\s+"
                        r"(?:в|на)\s", re.I)
_OWN_SOURCE = re.compile(r"(?:источник|собеседник|корреспондент)\w*\s+«(?P<pub>[^«»\n]{2,40})»(?P<site>(?!))?")
_COPYRIGHT = re.compile(r"^[ \t]*(?:©|\([cс]\))[ \t]*(?:\d{4}(?:[–-]\d{4})?[ \t]*)?(?P<pub>[^\s\n][^\n]{1,48}?)[ \t.]*$",
                        re.M | re.I)
_VENUE = re.compile(r"[Вв]\s+интервью\s+(?:телеканалу|газете|радио|радиостанции|изданию|агентству|порталу|журналу|каналу)?\s*(?P<venue>«[^»]{1,40}»|[A-ZА-ЯЁ][\w.\-]+)")


# the lower-case rest of a name that starts with an adjective: "Сирийская| обсерватория по правам человека"
# (and a capitalised owner after it: "Генеральная| прокуратура Казахстана")
_TAIL = re.compile(r"(?:\s+[а-яё]+){1,5}?(?:\s+[А-ЯЁ][\w-]+){0,2}(?=\s*(?:[,.;:()]|$))")


# an outlet's own line in the header, beside the date line: "24.kg", "Asia-Plus", "АКИpress", "Би-би-си, Русская
# служба", "Фонтанка.ру" (capitalised words, and a mark a person's byline lacks: a site, Latin letters, a digit,
# a hyphen, quotes or an outlet's word)
_OUTLET_LINE = re.compile(r"(?:[«\"]?[A-ZА-ЯЁ0-9][\w.«»\"-]*,?)(?:\s+[«\"]?\w[\w.«»\"-]*,?){0,3}")
_OUTLET_MARK = re.compile(rf"(?:{SITE}|\.ру\b|[A-Za-z]|\d|-|«|\"|[Сс]лужба|[Нн]овости|[Пп]ресс|[Ии]нформ|[Мм]едиа|ТВ\b|"
                          r"[Рр]адио|[Гг]азета|[Аа]гентство)")


def _outlet_name(name: str) -> bool:
    """A short line that reads as an outlet's name (_OUTLET_LINE) and bears one of its marks (_OUTLET_MARK)."""
    return 2 <= len(name) <= 40 and _OUTLET_LINE.fullmatch(name) is not None and _OUTLET_MARK.search(name) is not None


def _outlet_line(analysis: Analysis) -> tuple[int, int] | None:
    """The outlet named on a line of its own among the header's lines (title, date line, outlet), right
    before or after the date line."""
    text = analysis.text
    start = analysis.title_span[1] if analysis.title_span else 0
    dated = find_dateline(text, start)
    if dated is None:
        return None
    lines = list(_top_lines(text, start))[:4]
    at = next((k for k, (pos, line) in enumerate(lines) if pos <= dated[1][0] < pos + len(line) + 1), None)
    if at is None:
        return None
    for k in (at + 1, at - 1):
        if not 0 <= k < len(lines):
            continue
        pos, line = lines[k]
        name = line.strip()
        # (no digit in the header but a site's: the date line's neighbours hold times and dates)
        if _outlet_name(name) and not any(ch.isdigit() for ch in name if not re.search(SITE, name)) \
                or 2 <= len(name) <= 40 and re.fullmatch(SITE, name, re.I):
            lead = len(line) - len(line.lstrip())
            return pos + lead, pos + lead + len(name)
    return None


def _signature(analysis: Analysis) -> tuple[int, int] | None:
    """The outlet signing the text on its last line ("ГТРК «Ингушетия»", "Москва 24"), as the header's line
    would name it (a person's byline, with none of an outlet's marks, is none)."""
    text = analysis.text
    last = list(re.finditer(r"[^\n]*\S[^\n]*", text))[-1:]
    if not last or analysis.title_span and last[0].start() < analysis.title_span[1]:
        return None
    m = last[0]
    name = m.group().strip()
    if _outlet_name(name) and not name.endswith("."):
        a = m.start() + len(m.group()) - len(m.group().lstrip())
        return a, a + len(name)
    return None


def _clean(name: str) -> str:
    return re.sub(r"[\s.,;:]+$", "", name.strip())


def _normal(analysis: Analysis, start: int, end: int, raw: str) -> str:
    """An organisation entity's normal form when one covers the name ("генпрокуратуры РК")."""
    for e in analysis.entities:
        if e.type == "ORGANIZATION" and e.start <= start + 2 and e.end >= end - 2 and e.normal:
            return e.normal
        # (a capital for its government, "По данным Бишкека": the place in the nominative)
        if e.type in ("CITY", "COUNTRY", "STATE_OR_PROVINCE") and (e.start, e.end) == (start, end) and e.normal:
            return e.normal
    # a person the source names goes in the nominative too ("представителя талибов Забихуллы Муджахида")
    for e in sorted((e for e in analysis.entities if e.type == "PERSON" and e.normal and start <= e.start
                     and e.end <= start + len(raw)), key=lambda e: -e.start):
        raw = raw[:e.start - start] + e.normal + raw[e.end - start:]
    words = raw.split()
    if not words or not words[0][0].islower():
        return " ".join(words)
    from letopis.nlp.morph import parse
    from letopis.nlp.normal import inflect, normalize_name
    first = parse(words[0])[0]
    if first.tag.POS in ("PREP", "CONJ", "NPRO", "PRCL"):
        return " ".join(words)
    # the head and the adjectives before it agree ("региональном управлении СК" → "региональное управление")
    named = normalize_name(" ".join(words))
    if named.split()[0] != words[0] or first.tag.POS != "ADJF":
        return named
    nom = inflect(first, ("nomn",))                   # "российских СМИ": an abbreviation heads it
    if nom is not None:
        words[0] = nom.word
    return " ".join(words)


def _unnamed_normal(raw: str) -> str:
    """"источник в правоохранительных органах", "местные власти", "очевидцы": the head in the nominative,
    its adjective agreeing, its "в …" complement as written."""
    from letopis.nlp.morph import parse
    from letopis.nlp.normal import inflect
    head, _, rest = raw.partition(" в ")
    owner = re.search(r"\s[А-ЯЁ]", head)              # "власти Согдийской области": the owner as written
    if owner:
        head, rest_owner = head[:owner.start()], head[owner.start():]
    words = head.split()
    noun = parse(words[-1])
    plural = words[-1].startswith(("власт", "очевид", "свидетел")) or noun[0].tag.number == "plur"
    out = []
    for w in words:
        p = parse(w)[0]
        form = inflect(p, ("nomn", "plur") if plural else ("nomn", "sing"))
        out.append(form.word if form else w)
    return " ".join(out) + (rest_owner if owner else "") + (" в " + rest if rest else "")


def _adjective(word: str) -> bool:
    from letopis.nlp.morph import parse
    ps = parse(word.lower())
    return bool(ps) and ps[0].tag.POS in ("ADJF", "PRTF")


_STATE_BODY = re.compile(r"(?:министерств|комитет|служб|прокуратур|департамент|управлени|ведомств|МИД|Минобороны)",
                         re.I)


@lru_cache(maxsize=1)
def _service_words() -> frozenset[str]:
    """Words naming a police, security or military body (lexicon/tables/role_orgs.tsv: "МВД", "ГКНБ")."""
    from letopis.lexicon import read_table
    return frozenset(r[0].lower() for r in read_table("role_orgs.tsv") if " " not in r[0])


def _state_body(name: str) -> bool:
    return bool(_STATE_BODY.match(name)) or any(w.lower() in _service_words() for w in name.split())


def _genitive(name: str) -> str:
    """"департамент КНБ по Шымкенту" → "департамента КНБ по Шымкенту" (after "пресс-служба"); an
    abbreviation stays ("ГКНБ")."""
    from letopis.nlp.morph import parse
    from letopis.nlp.normal import inflect, shape
    first, _, rest = name.partition(" ")
    if first.isupper() or not first.isalpha():
        return name
    noun = next((p for p in parse(first.lower()) if p.tag.POS == "NOUN" and p.tag.case == "nomn"), None)
    form = inflect(noun, ("gent",)) if noun is not None else None
    return " ".join(x for x in (shape(form.word, first) if form else first, rest) if x)


def cited_before(cited: list[Source] | tuple, at: int, test) -> str | None:
    """The name of the last source cited before `at` whose name passes `test`."""
    told = [x for x in cited if x.relation == "cited" and x.end <= at and test(x.name)]
    return max(told, key=lambda x: x.end).name if told else None


def _agency_before(analysis: Analysis, at: int, cited: list[Source] | tuple = ()) -> str | None:
    """The state body "ведомство" refers back to: the last source cited before it that is one ("…,
    сообщает ГКНБ Таджикистана. … По данным ведомства" — not "сотрудник милиции" told between), else the
    last one named before it ("Сотрудники ГКНБ задержали членов «Хизб ут-Тахрир», сообщает пресс-служба
    ведомства": ГКНБ)."""
    told = cited_before(cited, at, _state_body)
    if told:
        return told
    orgs = [e for e in analysis.entities if e.type == "ORGANIZATION" and e.end <= at and _state_body(e.normal or e.text)]
    if not orgs:
        return None
    # (in its own sentence the first body named, the one that acted: "Сотрудники ГКНБ задержали пособника
    # нападения на отделение полиции, сообщила пресс-служба ведомства" is the ГКНБ's)
    sent = analysis.sentence_at(at)
    own = [e for e in orgs if sent is not None and e.start >= sent.start]
    if own:
        first = min(own, key=lambda e: (e.start, -(e.end - e.start)))
        return first.normal or first.text
    last = max(orgs, key=lambda e: (e.end, e.end - e.start))
    return last.normal or last.text


def _shorter(name: str, earlier: str) -> bool:
    """NAME is a body cited before under its full name: "ГКНБ" after "ГКНБ Таджикистана", "СК" after
    "Следственный комитет" (the initials of its words)."""
    if earlier.startswith(name + " "):
        return True
    initials = "".join(w[0] for w in earlier.split() if len(w) > 2).upper()
    # ("МВД" after "Министерство внутренних дел республики": the owner's word is no initial of it)
    return name.isupper() and (len(name) >= 2 and name == initials or len(name) >= 3 and initials.startswith(name))


def _folded(name: str) -> str:
    """A name's letters in lower case: "КАЗИНФОРМ" is in "МИА «Казинформ»"."""
    return re.sub(r"[^\w]", "", name.lower())


def find_sources(analysis: Analysis, ex) -> list[Source]:
    text = analysis.text
    out: list[Source] = []
    header: set[str] = set()                          # the publishers the header names

    def add(name: str, relation: str, start: int, end: int) -> None:
        name = _clean(name)
        # (the outlet whose header names it is not also cited: "Tengrinews.kz" in its dateline and "сообщает")
        if name and not any(s.name == name and s.relation == relation or relation == "cited" == s.relation
                            and _shorter(name, s.name) for s in out) and not (relation == "cited" and (name in header or any(
                                _folded(h) in _folded(name) for h in header if len(h) > 3))):
            # the span is the text's words ("пресс-службу ведомства"), the name their normal form
            out.append(Source(name, relation, start, start + len(_clean(text[start:end]))))

    for m in _SOURCE_LINE.finditer(text):
        add(m.group("pub"), "publisher", m.start("pub"), m.end("pub"))
    for m in _COPYRIGHT.finditer(text):           # "© Фонтанка.ру", "© «Независимая газета»" closing the page
        if _outlet_name(m.group("pub")) or m.group("pub").startswith("«"):
            add(m.group("pub").strip("«»\""), "publisher", m.start("pub"), m.end("pub"))
    if analysis.dateline and (m := re.match(r"\s*((?-i:[A-Z][A-Za-z]+(?:-[A-Z][a-z]+)?(?:\s(?:[A-Z][A-Za-z]+|[А-ЯЁ][а-яё]+)){0,2}"
                                                     r"|[A-Za-z0-9-]+\.[a-z]{2,6})),\s*\d",
                                            text[analysis.dateline[0]:analysis.dateline[1]])):
        at = analysis.dateline[0]                     # "Asia-Plus, 9 июля 2024 г., 11:15": the outlet's own date line
        add(m.group(1), "publisher", at + m.start(1), at + m.end(1))
    if analysis.dateline and (m := ISSUE_LINE.match(text[analysis.dateline[0]:analysis.dateline[1]])):
        at = analysis.dateline[0]                     # 'Газета "Коммерсантъ" №213 от 19.11.2024, стр. 5'
        add(m.group("outlet"), "publisher", at + m.start("outlet"), at + m.end("outlet"))
    line = _outlet_line(analysis) or _signature(analysis)
    if line:                                          # "17 октября 2023, 11:32\nZakon.kz"; a signature "Москва 24"
        add(text[line[0]:line[1]].rstrip(",."), "publisher", *line)
    agency = find_agency(text, analysis.title_span[1] if analysis.title_span else 0)
    # (not a byline's word for the outlet's own reporter: "БАГДАД, 22 января 2022. Собкор.")
    if agency and not text[agency[0]:agency[1]].lower().startswith(("собкор", "корр", "спецкор", "собств")):
        add(text[agency[0]:agency[1]], "publisher", *agency)    # "МОСКВА, 24 марта 2024 года. ТАСС."
    header = {x.name for x in out if x.relation == "publisher"}
    headed = bool(header)
    for m in _REPORTS.finditer(text):
        # "сообщает ГКНБ Таджикистана": a state body that reports is cited, it publishes no news; so is an
        # outlet the article cites ("Кадыров, как передает ТАСС, пообещал", "сообщает агентство Рейтер")
        # (an outlet the article says reports it is one it cites when its header names its own publisher)
        other = bool(m.group("as") or m.group("kind")) or headed
        a, b = m.start("pub"), m.end("pub")
        tail = _TAIL.match(text, b) if _adjective(m.group("pub").split()[-1]) else None
        if tail:                                      # "Сирийская обсерватория по правам человека"
            b = tail.end()
            name = _normal(analysis, a, b, text[a:b])
            add(name, "cited" if other or _state_body(name) else "publisher", a, b)
            continue
        org = next((e for e in analysis.entities if e.type == "ORGANIZATION" and e.start == a and e.end > b
                    and e.normal and "\n" not in text[a:e.end]), None)
        if org is not None:                           # "сообщило Министерство внутренних дел республики"
            add(org.normal, "cited" if other or _state_body(org.normal) else "publisher", a, org.end)
            continue
        add(m.group("pub"), "cited" if other or _state_body(m.group("pub")) else "publisher", a, b)
        if m.group("cited"):
            add(m.group("cited"), "cited", m.start("cited"), m.end("cited"))
    for m in [*_OUTLET_FIRST.finditer(text), *_TOLD_TO.finditer(text)]:
        name = m.groupdict().get("pub") or m.group("cited")
        add(name.strip('"«»'), "cited", m.start(1), m.end(1))
    for m in _EDITOR.finditer(text):
        add(m.group("pub"), "publisher", m.start("pub"), m.end("pub"))
    for m in _CITED.finditer(text):
        if m.group("cited").lower().startswith("власт"):
            continue                                  # "по данным властей Согдийской области": named below
        raw = _clean(m.group("cited"))
        at, end = m.start("cited"), m.end("cited")
        # ("в региональном управлении Следственного комитета": the organisation runs on past its capitals)
        org = next((e for e in analysis.entities if e.type == "ORGANIZATION" and at <= e.start < at + len(raw) < e.end
                    and "\n" not in text[e.start:e.end]), None)
        if org is not None:
            raw, end = _clean(text[at:org.end]), org.end
        if (kind := _OUTLET_KIND.match(raw)) is not None:    # "По данным телеканала Ariana News": the outlet
            raw, at = raw[kind.end():], at + kind.end()
        add(_normal(analysis, at, at + len(raw), raw), "cited", at, end)
    for m in _CITED_OFFICE.finditer(text):
        if any(x.relation == "cited" and x.start <= m.start("cited") < x.end + 2 for x in out):
            continue                                  # "пресс-службы МВД": the capitalised name is in already
        raw = _clean(m.group("cited"))
        words = raw.split()
        while len(words) > 1 and _adjective(words[-1]):
            words.pop()                               # "пресс-служба главы азербайджанского [государства]"
        raw = " ".join(words)
        name = _normal(analysis, m.start("cited"), m.start("cited") + len(raw), raw)
        # its owner, a body the recogniser found right after it: "в пресс-службе МВД по республике"
        owner = next((e for e in analysis.entities if e.type == "ORGANIZATION" and m.start("cited") + len(raw) < e.start
                      <= m.start("cited") + len(raw) + 1 and "\n" not in text[e.start:e.end]), None)
        owned = owner is not None and len(words) == 1 and text[owner.start:owner.end] not in name
        if owned:
            name = f"{name} {text[owner.start:owner.end]}"
        agency = _agency_before(analysis, m.start("cited"), out) if words[-1].startswith("ведомств") else None
        if agency is None and len(words) == 1 and not owned:
            # "По данным прокуратуры" after "сообщила Генеральная прокуратура Казахстана": the one named
            agency = cited_before(out, m.start("cited"), lambda name: words[0][:7].lower() in name.lower())
        if agency:                                    # "пресс-служба ведомства" → "пресс-служба ГКНБ"
            name = " ".join(name.split()[:-1] + [_genitive(agency)]) if len(words) > 1 else agency
        add(name, "cited", m.start("cited"), owner.end if owned else m.end("cited"))
    for m in _CITED_UNNAMED.finditer(text):
        raw = _clean(m.group("cited"))
        add(_unnamed_normal(raw), "cited", m.start("cited"), m.start("cited") + len(raw))
    for m in _VENUE.finditer(text):
        if not m.group("venue").startswith("«") and _adjective(m.group("venue")):
            continue                                  # "отметил в интервью Государственный секретарь РК": who spoke
        add(m.group("venue"), "interview venue", m.start("venue"), m.end("venue"))
    # the outlet the text's own sources speak to or belong to ("рассказал «Фонтанке» очевидец", "источник
    # «Кавказского узла»"), when nothing else names the publisher: the article is its own
    if not any(s.relation == "publisher" for s in out):
        from letopis.nlp.normal import normalize_name
        own = [(m, "pub" if m.group("pub") else "site") for r in (_TOLD_US, _OWN_SOURCE) for m in r.finditer(text)]
        names = {normalize_name(m.group(g)) if g == "pub" else m.group(g) for m, g in own}
        # (told twice at least: a rewrite names once whom a source told, "рассказал «Известиям» источник")
        # ("Об этом Kun.uz сообщили в пресс-службе": the outlet's own phrase for what it was told, once is enough)
        strong = [m for m in _TOLD_THIS.finditer(text)]
        own += [(m, "site") for m in strong]
        names |= {m.group("site") for m in strong}
        if len(names) == 1 and (len(own) >= 2 or strong):
            m, g = min(own, key=lambda x: x[0].start())
            name = names.pop()
            out = [x for x in out if not (x.relation == "cited" and _clean(x.name) == name)]
            out.insert(0, Source(name, "publisher", m.start(g), m.end(g)))
    # the site the page or record came from publishes it, when the text names no publisher of its own
    if analysis.site and not any(s.relation == "publisher" for s in out):
        out.insert(0, Source(analysis.site.strip(), "publisher"))
    # one publisher: an agency's own note outranks a "сообщает" of a quoted outlet only when alone
    return out

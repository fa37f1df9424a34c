"""Publication dates: parse a given value, and find a dateline ("05/08/2008 10:35") near the top."""
from __future__ import annotations

import re
from datetime import date, datetime

from letopis.read.document import Span

# Genitive month names and their usual abbreviations ("14 ноября 2011", "14 ноя. 2011").
MONTHS = {
    "январ": 1, "янв": 1, "феврал": 2, "фев": 2, "март": 3, "мар": 3, "апрел": 4, "апр": 4,
    "ма": 5, "июн": 6, "июл": 7, "август": 8, "авг": 8, "сентябр": 9, "сен": 9, "сент": 9,
    "октябр": 10, "окт": 10, "ноябр": 11, "ноя": 11, "декабр": 12, "дек": 12,
}
_MONTH_WORD = r"(?P<mon>[А-Яа-яЁё]{3,9})\.?"
_TIME = r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*(?:МСК|мск|UTC|GMT)(?:[+-]\d{1,2})?)?)"
_WEEKDAY = r"(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс)"
_LABEL = (r"(?:(?:опубликовано|дата публикации|дата|размещено|published|posted|date)"
          r"(?:\s+в)?\s*:?)")

_DATE_FORMS = (
    r"(?P<d>\d{1,2})\s*[./]\s*(?P<m>\d{1,2})\s*[./]\s*(?P<y>\d{4}|\d{2})(?:\s*г\.?)?",
    rf"(?P<y2>\d{{4}})-(?P<m2>\d{{2}})-(?P<d2>\d{{2}})(?:[T ]{_TIME}(?:Z|[+-]\d{{2}}:?\d{{2}})?)?",
    rf"(?P<d3>\d{{1,2}})\s+{_MONTH_WORD}\s+(?P<y3>\d{{4}})(?:\s*(?:года|г\.?))?",
)
# A dateline is a whole short line: optional label, place ("МОСКВА," / "Москва,", not a
# person's name, which marks a photo caption), weekday, the date,
# an optional time before or after it, and an optional agency ("— РИА Новости", ". РИА «Дагестан».",
# ", Kun.uz."); a site may stand for the place ("24.kg, 12 апреля 2022").
SITE = r"[\w-]+(?:\.[\w-]+)*\.(?:kg|kz|uz|tj|tm|ru|by|ua|com|net|org|info|az|am|ge|media|news|tv|asia|online)"    # "24.kg, 12 апреля 2022"
_DATELINE = re.compile(
    # (an outlet in Latin letters for the place: "Asia-Plus, 9 июля 2024 г., 11:15", "Trend, 16.05.2023, 09:12")
    rf"^\s*(?:{_LABEL}\s*)?(?:(?-i:[А-ЯЁA-Z][А-ЯЁA-Z\- ]{{1,30}}|[А-ЯЁ][а-яё]+(?:-[а-яёА-ЯЁ]+)*|{SITE}"
    rf"|[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s(?-i:[A-Z][A-Za-z]+|[А-ЯЁ][а-яё]+)){{0,2}}),\s*)??"
    rf"(?:{_WEEKDAY},?\s*)?"
    rf"(?:{_TIME}\s*[,|/\-–—]?\s*)?(?:{'|'.join(f'(?:{f})' for f in _DATE_FORMS)})"
    rf"(?:\s*(?:[,|/\-–—]|в)?\s*{_TIME})?"
    # (an update's stamp after it: "15:42 (обновлено: 16:10)"; an outlet after a bar: "12:18 | Москва 24")
    rf"(?:\s*\((?:обновлено|изменено|updated)[^()\n]{{0,30}}\))?"
    rf"(?:\s*\|\s*[^|\n]{{1,40}}|\s*(?:[\-–—|]|(?<=[.\d])\s(?-i:(?=[А-ЯЁA-Z«]))|,(?-i:(?=\s*[А-ЯЁA-Z«])))\s*[^\d\n]{{1,40}})?[\s.]*$",
    re.IGNORECASE)
# An agency dateline that opens the lead: "АКТОБЕ, 6 июня 2016 года. Группа …", "МОСКВА, 12.03.2019 —
# …". The place must be in capitals (a name in the story is not), and the date must carry its year.
_LEAD_DATELINE = re.compile(
    rf"^\s*(?-i:[А-ЯЁA-Z][А-ЯЁA-Z\-]+(?: [А-ЯЁA-Z\-]+){{0,2}}),\s*(?:{_WEEKDAY},?\s*)?"
    rf"(?:{'|'.join(f'(?:{f})' for f in _DATE_FORMS)})(?:\s*(?:,\s*)?{_TIME})?\s*(?:\.|[—–-](?=\s))",
    re.IGNORECASE)
# …or a town in title case, a numeric date with its year and a dash, whatever source follows: "Магас, 12.03.2024 —
# МВД по Ингушетии (официальный Telegram-канал)."
_LEAD_TOWN_DATELINE = re.compile(rf"^\s*(?-i:[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё]+)*),\s*{_DATE_FORMS[0]}\s*[—–](?=\s)")
# …or a town, the full date and the agency: "Кабул, 8 октября 2021 года, Kun.uz. В пятницу …", "ДУШАНБЕ,
# 25 ноября 2021 года, Asia-Plus. В ночь на четверг …", "МАХАЧКАЛА, 28 ноября 2023, «Кавказский узел» — В понедельник …"
_LEAD_AGENCY_DATELINE = re.compile(
    rf"^\s*(?-i:[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё]+)*|[А-ЯЁ][А-ЯЁ\-]+(?: [А-ЯЁ\-]+)?),\s*"
    rf"(?:{'|'.join(f'(?:{f})' for f in _DATE_FORMS)}),\s*"
    r"(?-i:[A-ZА-ЯЁ«])[^\n,.]{0,25}(?:\.[a-z]{2,4})?(?:\.(?=\s)|(?<=»)\s*[—–](?=\s))")
# …or any agency line: a town (or a site; or nothing, then the agency must be a site), the day and month, the year when given, a time, and the
# agency after a comma, a full stop or a dash, or between slashes: "МОСКВА, 24 марта 2024 года. ТАСС.",
# "ВОЛГОГРАД, 29 декабря — Интерфакс.", "Алматы. 12 января 2022 года. КазТАГ", "АСТАНА, 5 мая /Казинформ/",
# "Санкт-Петербург, 10 декабря 2019. Фонтанка.ру.". Each word of the agency is capitalised (or quoted), so
# the lead's first sentence ("КАБУЛ, 14 марта. Не менее 12 человек …") is no agency.
_AGENCY_WORD = r"(?-i:[A-ZА-ЯЁ«])[^\s,.—–/|]*"
# an outlet named as an adjective and a noun ending the line: "Кавказский узел", "Новая газета"
_OUTLET = r"(?-i:[А-ЯЁ][а-яё]+(?:ий|ый|ой|ая|ое))\s+(?-i:[а-яё]{3,})(?=\.?[ \t]*(?:\n|$))"
_AGENCY_DATELINE = re.compile(
    rf"^[ \t]*(?:(?P<place>(?-i:[А-ЯЁA-Z][А-ЯЁA-Z\-]+(?: [А-ЯЁA-Z\-]+){{0,2}}|[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё]+)*))[,.]"
    rf"|(?P<site>{SITE}),)?\s*(?:{_WEEKDAY},?\s*)?"
    rf"(?:(?P<d4>\d{{1,2}})\s+{_MONTH_WORD}(?:\s+(?P<y4>\d{{4}})(?:\s*(?:года|г\.?))?)?|{_DATE_FORMS[0]})"
    rf"(?:,?\s*{_TIME})?"
    rf"(?:[.,]?\s*/(?P<slash>[^/\n]{{2,40}})/"
    rf"|\s*(?:[,.]|[—–-])?\s*(?P<agency>{SITE}|{_OUTLET}|{_AGENCY_WORD}(?:\s+{_AGENCY_WORD}){{0,2}}?(?:\.[a-zа-я]{{2,4}})?)"
    r"(?=\.(?:\s|$)|[ \t]*(?:\n|$)|\s+[—–-](?:\s|$)))?",
    re.IGNORECASE)
_ANY_DATE = re.compile("|".join(f"(?:{f})" for f in _DATE_FORMS), re.IGNORECASE)
FIRST_YEAR, LAST_YEAR = 1900, 2100
DATELINE_MAX_LINE = 80
DATELINE_SEARCH_LINES = 6      # non-empty lines from the top where a dateline may sit


def _month(word: str) -> int | None:
    word = word.lower().rstrip(".")
    for stem_len in range(len(word), 1, -1):
        month = MONTHS.get(word[:stem_len])
        if month:
            # "ма" only as the whole stem of "мая"/"май"; avoid matching unrelated words.
            if month == 5 and word not in ("мая", "май", "маю"):
                return None
            return month
    return None


def _from_match(m: re.Match) -> date | None:
    g = m.groupdict()
    try:
        if g.get("y"):
            year = int(g["y"])
            year += 2000 if year < 100 and len(g["y"]) == 2 and year < 70 else (
                1900 if year < 100 else 0)
            result = date(year, int(g["m"]), int(g["d"]))   # Russian order: day first
        elif g.get("y2"):
            result = date(int(g["y2"]), int(g["m2"]), int(g["d2"]))
        else:
            month = _month(g["mon"])
            if not month:
                return None
            result = date(int(g["y3"]), month, int(g["d3"]))
    except ValueError:
        return None
    return result if FIRST_YEAR <= result.year <= LAST_YEAR else None


def parse_date(value: date | datetime | str | None) -> date | None:
    """A publication date given by a caller or a metadata field; ValueError when unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    m = _ANY_DATE.search(text)
    found = _from_match(m) if m else None
    if found is None:
        raise ValueError(f"cannot read the date {value!r}; use YYYY-MM-DD")
    return found


def _agency_line(line: str) -> tuple[date | None, int, Span] | None:
    """An agency dateline opening LINE: its date (None without a year), where it ends (the whole line, or
    the agency's full stop or dash when the lead goes on after it) and where the agency (or site) stands."""
    m = _AGENCY_DATELINE.match(line)
    group = next((g for g in ("agency", "slash", "site") if m.group(g)), None) if m else None
    if group is None or group == "agency" and not m.group("place") and not re.fullmatch(SITE, m.group(group), re.I):
        return None             # with no town first only a site is an agency ("2 мая 2013 года Уоррен Баффет — …")
    if m.group("y"):
        found = _from_match(m)
    elif m.group("d4"):
        month = _month(m.group("mon"))
        if month is None:
            return None
        try:
            found = date(int(m.group("y4")), month, int(m.group("d4"))) if m.group("y4") else None
        except ValueError:
            return None
    else:
        return None
    rest = line[m.end():]
    agency = (m.start(group), m.end(group))
    if not rest.strip(" \t."):
        return found, len(line.rstrip()), agency
    tail = re.match(r"\.|\s*[—–-](?=\s|$)", rest)
    return (found, m.end() + tail.end(), agency) if tail else None


def find_agency(text: str, start: int = 0) -> Span | None:
    """The agency (or site) an agency dateline among the top lines names: "ТАСС" in "МОСКВА, 24 марта
    2024 года. ТАСС.", "Новости-Грузия" in "БИШКЕК, 5 августа /Новости-Грузия/. …" under a date line."""
    for pos, line in _top_lines(text, start):
        found = _agency_line(line)
        if found:
            return pos + found[2][0], pos + found[2][1]
    for pos, line in _top_lines(text, start):          # with no date: "АСТАНА. КАЗИНФОРМ – …", "БАКУ /Trend/ – …"
        m = _DATELESS_AGENCY.match(line)
        if m:
            g = next(g for g in ("slash", "paren", "caps") if m.group(g))
            return pos + m.start(g), pos + m.end(g)
    return None


_DATELESS_AGENCY = re.compile(r"^[ \t]*(?-i:[А-ЯЁ]{2,}(?:[ -][А-ЯЁ]{2,})?)[ \t]*[.,]?[ \t]*"
                              r"(?:/(?P<slash>[^/\n]{2,30})/|\((?P<paren>[^()\n]{2,30})\)"
                              r"|(?P<caps>(?-i:[А-ЯЁA-Z][А-ЯЁA-Z\-]{2,}(?:[ \t]+[А-ЯЁA-Z]{2,})?)))"
                              r"[ \t]*[–—-][ \t]")
# the date after such a town and agency: "БИШКЕК (АКИpress) — 10 апреля 2023 г., 11:20", "ШЫМКЕНТ. КАЗИНФОРМ –
# 22 ноября 2021, 14:35"
_DATE_AFTER_AGENCY = re.compile(rf"\s*(?:{'|'.join(f'(?:{f})' for f in _DATE_FORMS)})(?:\s*,?\s*{_TIME})?", re.I)


def _top_lines(text: str, start: int):
    """(offset, line) of the top DATELINE_SEARCH_LINES non-empty lines from START."""
    seen, pos, n = 0, start, len(text)
    while pos < n and seen < DATELINE_SEARCH_LINES:
        end = text.find("\n", pos)
        end = n if end < 0 else end
        if text[pos:end].strip():
            seen += 1
            yield pos, text[pos:end]
        pos = end + 1


_FOOTER = re.compile(rf"\s*{_LABEL}\s*(?:{'|'.join(f'(?:{f})' for f in _DATE_FORMS)})", re.IGNORECASE)


def find_footer_date(text: str, lines: int = 4) -> tuple[date, Span] | None:
    """A labelled publication date among the last LINES non-empty lines ("Опубликовано: 03.04.2021, 18:42"
    under the article): only with its label, as a bare date at the foot may be any date the text ends on."""
    ends = [m.span() for m in re.finditer(r"[^\n]*\S[^\n]*", text)][-lines:]
    for a, b in reversed(ends):
        m = _FOOTER.match(text, a, b)
        found = _from_match(m) if m else None
        if found:
            lead = len(text[a:b]) - len(text[a:b].lstrip())
            return found, (a + lead, b)
    return None


# a page's address with its date in the path: "https://www.fontanka.ru/2022/03/15/70511234/"
_URL_DATE = re.compile(r"^[ \t]*(?:Источник\s*:\s*)?https?://[^\s/]+/(?:[\w-]+/)*?(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2})/"
                       r"(?P<d>\d{1,2})(?:/|$)\S*[ \t]*$", re.M)


def find_url_date(text: str, lines: int = 4) -> tuple[date, Span] | None:
    """The date in the path of a page's address standing on a line of its own among the first or the last
    LINES non-empty lines."""
    spans = [m.span() for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    for a, b in spans[:lines] + spans[-lines:]:
        m = _URL_DATE.match(text, a, b)
        if m:
            try:
                return date(int(m.group("y")), int(m.group("m")), int(m.group("d"))), (a, b)
            except ValueError:
                continue
    return None


def agency_dateline_end(text: str, pos: int) -> int | None:
    """Where an agency dateline that opens the line holding POS ends ("Москва. 5 августа. INTERFAX.RU - Спецназ
    …", "ЕКАТЕРИНБУРГ, 17 апреля. /ТАСС/. …"), when POS lies inside it: the day it files the story on is no
    day the text tells of."""
    line_start = text.rfind("\n", 0, pos) + 1
    if pos - line_start > DATELINE_MAX_LINE:
        return None
    line_end = text.find("\n", pos)
    found = _agency_line(text[line_start:line_end if line_end >= 0 else len(text)])
    return line_start + found[1] if found and pos < line_start + found[1] else None


# a print edition's line: 'Газета "Коммерсантъ" №213 от 19.11.2024, стр. 5' (its title, issue and date)
ISSUE_LINE = re.compile(
    r"^\s*(?:[Гг]азета|[Жж]урнал|[Ее]женедельник)\s+[«\"](?P<outlet>[^«»\"\n]{2,40})[»\"](?:\s*\([^()\n]{1,30}\))?"
    r"\s*(?:№\s*\d+(?:/\d+)?\s*)?(?:от\s+)?(?:" + "|".join(f"(?:{f})" for f in _DATE_FORMS) +
    r")(?:\s*,\s*(?:стр|с)\.\s*\d+)?\s*$", re.IGNORECASE)


def find_dateline(text: str, start: int = 0) -> tuple[date | None, Span] | None:
    """The first short line among the top DATELINE_SEARCH_LINES non-empty lines from START
    that consists of a date (and time, place, agency); returns the date and the line's span. An agency's
    line without a year ("ВОЛГОГРАД, 29 декабря — Интерфакс.") is a dateline of no date."""
    for pos, line in _top_lines(text, start):
        lead = len(line) - len(line.lstrip())
        if len(line) <= DATELINE_MAX_LINE and any(ch.isdigit() for ch in line):
            m = _DATELINE.match(line) or ISSUE_LINE.match(line)
            found = _from_match(m) if m else None
            if found:
                return found, (pos + lead, pos + len(line.rstrip()))
        agency = _agency_line(line)
        if agency:
            return agency[0], (pos + lead, pos + agency[1])
        m = _LEAD_DATELINE.match(line) or _LEAD_AGENCY_DATELINE.match(line) or _LEAD_TOWN_DATELINE.match(line)
        found = _from_match(m) if m else None
        if found:
            return found, (pos + lead, pos + m.end())
        m = _DATELESS_AGENCY.match(line)
        m = m and _DATE_AFTER_AGENCY.match(line, m.end())
        found = _from_match(m) if m else None
        if found:
            return found, (pos + lead, pos + m.end())
    return None

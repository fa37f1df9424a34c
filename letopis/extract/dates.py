"""Dates and clock times in Russian news text → Temporal records, resolved against the
publication date (``analysis.published``) where the text leaves the year or the day open.

kinds: date ("14 ноября 2011 г.", "05/08/2008"), range ("7-8 января", "в ночь с 18 на 19
апреля"), vague ("в 20 числах декабря", "в конце 2010 года", "на прошлой неделе"),
time ("в 11:35", "около 13 часов" → "13:00" approx), month ("в октябре 2018 года"),
year ("в 2009 году"), duration ("за 19 лет" → "P19Y", "полчаса" → "PT30M"... see
extra amount/unit), relative ("вчера", "в субботу": value = the resolved ISO date).
Spans include the preposition ("в субботу") and are exact offsets into analysis.text.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from letopis.extract.numbers import _alt_tree, _word_numbers, numeral_words
from letopis.lexicon import read_table
from letopis.record import Temporal


@lru_cache(maxsize=1)
def _tables():
    months = {r[0]: int(r[1]) for r in read_table("months.tsv")}
    weekdays = {r[0]: int(r[1]) for r in read_table("weekdays.tsv")}
    rel = {r[0]: int(r[1]) for r in read_table("relative_days.tsv")}
    dayparts = {r[0]: r[1] for r in read_table("dayparts.tsv")}
    return months, weekdays, rel, dayparts


def _norm(w: str) -> str:
    return w.lower().replace("ё", "е")


B = r"(?<![\w-])"        # word start
E = r"(?![\w-])"         # word end
_QUAL = r"(?:около|примерно|приблизительно|порядка|ориентировочно|где-то)"
_YEAR_WORD = r"(?:года|году|год|г\.|гг\.|г(?![\w]))"
_UNITS = (r"лет|года|год|годам|годами|месяц(?:а|ев|ам|ами|ах|е|у)?|недел(?:я|и|ю|ь|ям|ями|ях)|"
          r"дн(?:я|ей|ям|ями|ях)|день|сут(?:ок|ки|кам)|час(?:а|ов|ам|ами)?|минут(?:а|ы|у|ам)?|"
          r"секунд(?:а|ы|у)?|век(?:а|ов)?|десятилети(?:е|я|й)")
_UNIT_CODE = {"л": "Y", "г": "Y", "м": "M", "н": "W", "д": "D", "с": "D", "ч": "H", "в": "C"}
_REL_YEAR = r"(?P<ry>прошлого|позапрошлого|минувшего|этого|текущего|нынешнего|сего|следующего|будущего)\s+года"


@lru_cache(maxsize=2)
def _patterns(lowered: bool = False) -> list[tuple[str, re.Pattern]]:
    """(kind, pattern) in priority order, matched case-insensitively; `lowered`: the same patterns
    for lower-cased text, matched case-sensitively, twice as fast (under IGNORECASE sre folds the
    case of every letter it compares), giving the same matches (scan() checks the offsets hold)."""
    if lowered:
        return [(kind, re.compile(_lower_literals(p))) for kind, p in _sources()]
    return [(kind, re.compile(p, re.IGNORECASE)) for kind, p in _sources()]


def _lower_literals(pattern: str) -> str:
    """A pattern's literal letters lower-cased; escapes (\\S, \\W, \\D) and group names stay."""
    return re.sub(r"\\.|\(\?P<\w+>|\(\?P=\w+\)|.", lambda m: m.group() if len(m.group()) > 1 else m.group().lower(),
                  pattern, flags=re.S)


@lru_cache(maxsize=1)
def _sources() -> list[tuple[str, str]]:
    months, weekdays, rel, dayparts = _tables()
    mon = _alt_tree(months)
    wd = _alt_tree(weekdays)
    dp = _alt_tree(dayparts)
    card_words = _alt_tree(w for w, (v, k, _) in numeral_words().items() if k in ("card", "coll"))
    hour_words = _alt_tree(w for w, (v, k, _) in numeral_words().items() if k == "card" and v <= 24)
    year = rf"(?:\s*,?\s+(?:(?P<y>\d{{4}})\s*{_YEAR_WORD}?|{_REL_YEAR}|с\.\s?г\.?))?"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:-?(?:го|е|ое|ого))?"
    prep = r"(?:(?:в|во|на|с|со|к|ко|до|по|после|от|за|около|примерно|начиная\s+с|вплоть\s+до)\s+)?"
    daypart_pre = rf"(?:(?P<dp0>{dp})\s+)?"
    pats = [
        # в ночь с 18 на 19 апреля 2020 года / с 30 декабря по 2 января / 7-8 января
        ("range", rf"{B}{daypart_pre}(?:(?P<night>в\s+ночь)\s+)?(?:(?:с|со)\s+)?(?P<d1>{day})(?:\s+(?P<m1>{mon}))?"
                  rf"\s*(?:[-–—]|\s(?:по|на|и|до)\s)\s*(?P<d2>{day})\s+(?P<m2>{mon}){year}{E}"),
        # в ночь на 19 апреля / 14 ноября 2011 г. / утром 4 апреля
        ("date", rf"{B}{daypart_pre}(?:(?P<night>в\s+ночь)\s+на\s+|{prep})(?P<d>{day})\s+(?P<m>{mon}){year}{E}"),
        ("numeric", rf"{B}{prep}(?P<d>[0-3]?\d)(?P<sep>[./])(?P<m>[01]?\d)(?P=sep)(?P<y>\d{{4}}|\d{{2}})(?![\w]|[./]\d)"
                    rf"(?:\s*{_YEAR_WORD})?"),
        ("iso", rf"{B}(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w]|-\d)"),
        # в 20 числах декабря / в последних числах месяца
        ("vague", rf"{B}(?:в\s+)?(?:(?P<dec>[123]0)(?:-?х)?|(?P<decw>первых|последних|двадцатых|десятых|тридцатых))"
                  rf"\s+числах(?:\s+(?P<m>{mon}))?{year}{E}"),
        # в начале декабря / в конце 2010 года / в середине прошлого месяца
        ("vague", rf"{B}(?:в|во|к|с|до)\s+(?P<part>начал[аеу]|середин[еуы]|конц[еау]|первой\s+половине|второй\s+половине)"
                  rf"\s+(?:(?P<m>{mon}){year}|(?P<y2>\d{{4}})\s*{_YEAR_WORD}?|(?P<rel>прошлого|этого|текущего|следующего|минувшего)"
                  rf"\s+(?P<unit>года|месяца|недели|века))(?![\w-])"),
        ("vague", rf"{B}(?:на|в)\s+(?P<rel>прошлой|позапрошлой|этой|текущей|следующей|минувшей|будущей)\s+неделе{E}"),
        ("vague", rf"{B}(?:на\s+днях|в\s+последние\s+дни|в\s+эти\s+дни|недавно){E}"),
        ("relyear", rf"{B}(?:в|во)\s+(?P<rel>прошлом|позапрошлом|этом|текущем|нынешнем|следующем|минувшем|будущем)\s+"
                    rf"(?P<unit>году|месяце){E}"),
        # в октябре 2018 года / с января / в июле прошлого года
        ("month", rf"{B}(?:(?:в|во|с|со|до|к|по|на|от|после|начиная\s+с)\s+(?P<m>{mon}){year}"
                  rf"|(?P<m2>{mon})\s+(?P<yy>\d{{4}})\s*{_YEAR_WORD}?){E}"),
        ("yearrange", rf"{B}(?:с|со)\s+(?P<y1>\d{{4}})\s+(?:по|до)\s+(?P<y2>\d{{4}})\s*(?:годы|год|годах|гг\.?|г\.?)?{E}"),
        # "в 2003, 2004 и 2005 годах", "(1953)": years without a year word of their own
        ("yearlist", rf"{B}{prep}(?P<y>\d{{4}})(?:\s*,\s*\d{{4}})*\s+и\s+\d{{4}}\s*(?:годах|годы|годов|гг\.?){E}"),
        ("year", r"(?<=\()(?P<y>(?:1[89]|20)\d\d)(?=\))"),
        ("yearrange", r"(?<=\()(?P<y1>(?:1[89]|20)\d\d)\s*[-–—]\s*(?P<y2>(?:1[89]|20)\d\d)(?=\))"),
        ("yearrange", rf"{B}{prep}(?P<y1>\d{{4}})\s*[-–—]\s*(?P<y2>\d{{2,4}})(?:-?е|-?х)?\s*(?:годах|годы|годов|гг\.?){E}"),
        ("decade", rf"{B}{prep}(?P<y>(?:1[89]|20)\d0)-?(?:е|х|ые|ых)(?:\s+(?:годах|годы|годов|гг\.?))?{E}"),
        ("year", rf"{B}{prep}(?P<y>\d{{4}})\s*{_YEAR_WORD}(?![\w])"),
        ("year", rf"{B}(?:в|во|с|со|до|к|по|после|от)\s+(?P<y>(?:19|20)\d\d)(?![\w.,:/-]|\s*[-–]\s*\d|-)"),
        # "в ночь с субботы на воскресенье": the night, dated by its first day (as "в ночь с 18 на 19 апреля")
        ("weekday", rf"{B}в\s+ночь\s+с\s+(?P<w>{wd})\s+на\s+(?:{wd}){E}"),
        # в субботу / в ночь на понедельник / в минувшую пятницу вечером / утром в среду
        ("weekday", rf"{B}{daypart_pre}(?:(?:в|во|на|с|со|к|ко|до|по)\s+(?:ночь\s+(?:на|с)\s+)?)"
                    rf"(?:(?P<mod>прошлую|прошлый|прошлое|минувшую|минувший|минувшее|эту|этот|это|"
                    rf"следующую|следующий|следующее|ближайшую|ближайший|ближайшее)\s+)?(?P<w>{wd})"
                    rf"(?:\s+(?P<dp>{dp}))?{E}"),
        ("reldays", rf"{B}{daypart_pre}(?P<r>{_alt_tree(rel)}|(?:вчерашн|сегодняшн)\w*)(?:\s+(?P<dp>{dp}))?{E}"),
        ("relative", rf"{B}накануне(?:\s+(?P<dp>{dp}))?{E}"),
        # "3-го числа около 23 часов": a day of the report's month (of the month before, when still to come)
        ("monthday", rf"{B}(?P<d>(?:[12]\d|3[01]|0?[1-9]))-?(?:го|е)?\s+числа{E}"),
        # "в новогоднюю ночь": the first of January (of the report's year, when it is filed in January)
        # ("в канун Нового года": the 31st of December before it)
        # ("в канун Рождества": the 24th of December, or in January the Orthodox eve, the 6th)
        ("newyear", rf"{B}(?:в|во)\s+(?:новогоднюю\s+ночь|ночь\s+на\s+новый\s+год|(?P<eve>канун\s+нового\s+года)"
                    rf"|(?P<xmas>(?:сочельник|канун\s+(?:католического\s+|православного\s+)?рождества))){E}"),
        # "днём ранее", "двумя днями ранее", "за сутки до этого": a day counted back from the act told before
        ("earlier", rf"{B}(?:(?P<u1>дн[её]м|сутками|неделей)|(?P<n1>двумя|тремя|четырьмя|пятью|\d)\s+"
                    rf"(?P<u2>днями|сутками|неделями))\s+ранее{E}|{B}за\s+(?:(?P<n2>два|три|четыре|пять|\d)\s+)?"
                    rf"(?P<u3>день|дня|дней|сутки|суток|неделю|недели)\s+до\s+(?:этого|того){E}"),
        # times: в 11:35, около 23.40, в 8 часов вечера, около трех часов ночи, в полдень
        ("clock", rf"{B}(?:(?P<q>{_QUAL})\s+(?:в\s+)?|(?P<p>в|во|к|после|до|с|со|по|начиная\s+с)\s+)?"
                  rf"(?P<h>[01]?\d|2[0-3])(?P<sep>[:.])(?P<mi>[0-5]\d)(?![\d]|[.:,]\d)"
                  rf"(?P<tail>\s*(?:ч\.|час(?:а|ов)?|мск|по\s+(?:местному|московскому)\s+времени|по\s+Москве))?"),
        ("hours", rf"{B}(?:(?P<q>{_QUAL})\s+(?:в\s+)?|(?P<p>в|во|к|после|с|со|начиная\s+с)\s+)?"
                  rf"(?P<h>\d{{1,2}}|(?:{hour_words})(?:\s+(?:{hour_words}))?)\s+час(?:а|ов)?"
                  rf"(?:\s+(?P<mi>\d{{1,2}}|(?:{hour_words})(?:\s+(?:{hour_words}))?)\s+минут[аы]?)?"
                  rf"(?:\s+(?P<dp>утра|дня|вечера|ночи))?{E}"),
        ("hours", rf"{B}(?:(?P<q>{_QUAL})\s+(?:в\s+)?|(?P<p>в|во|к|после|с|со)\s+)(?P<h>час)\s+(?P<dp>дня|ночи){E}"),
        ("noon", rf"{B}(?:(?P<q>{_QUAL})|в|во|к|после|до|с|со|ближе\s+к)\s+(?P<n>полдень|полночь|полудня|полуночи|полуночью){E}"),
        # durations last: "за 19 лет", "в течение пяти лет", "666 дней", "полгода", "три месяца назад"
        ("duration", rf"{B}(?:(?:за|в\s+течение|через|на|спустя|уже|до|после|около|более|менее|свыше|почти|"
                     rf"примерно|последние|ближайшие|первые|целых|всего|лишь)\s+)*"
                     rf"(?:(?P<n>\d{{1,3}}(?:[.,]\d+)?|(?:{card_words})(?:\s+(?:{card_words})){{0,2}}|"
                     rf"несколько|нескольких|нескольким|пару|пара|считанные|многих|много)\s+"
                     rf"(?P<u>{_UNITS})|(?P<half>пол(?:года|часа|века|месяца|дня|минуты|суток|тора\s+года)))"
                     rf"(?:\s+(?P<ago>назад|спустя))?{E}"),
    ]
    return pats


# A text a pattern could match contains its "need" (case-insensitive): a pattern whose need is absent
# is not run at all. One entry per pattern of _patterns(), in order; None: always run. Each need is
# a literal part every match has (the numeric date's "5.08", the vague "в 20 числах"...).
_NEEDS = (
    None, None,                                   # range, date: month words
    r"\d[./]\d", r"\d-\d",                        # numeric, iso
    "числах", "начал|середин|конц|половин", "неделе", "днях|дни|недавно",
    "году|месяце",                                # relyear
    None,                                         # month
    r"\d\s+(?:по|до)\s+\d", r"\d\s+и\s+\d", r"\(\d", r"\(\d", r"\d\s*[-–—]\s*\d",
    r"0-?(?:е|х|ы)",                               # decade
    None, None, "ночь", None, None,               # year, year, night of two weekdays, weekday, reldays
    "накануне", "числа", "новогодн|новый год|канун|сочельник", "ранее|до этого|до того", r"\d[:.]\d", "час", "час", "полд|полн|полуд|полун",
    None,                                         # duration
)


@lru_cache(maxsize=2)
def _needs(lowered: bool = False) -> list[re.Pattern | None]:
    assert len(_NEEDS) == len(_sources()), "one need per pattern"
    return [(re.compile(_lower_literals(n)) if lowered else re.compile(n, re.IGNORECASE)) if n else None
            for n in _NEEDS]


def _infer_year(published: date | None, month: int, day: int | None = None) -> int | None:
    """The year of a day/month stated without one: the publication year, or the year before
    when that would put the event after publication by over a month (within a month it is a day
    to come: "суд назначен на 19 октября", "объявил 11-13 октября днями траура")."""
    if published is None:
        return None
    if (month, day or 1) > (published.month, published.day):
        try:
            ahead = (date(published.year, month, day or 1) - published).days
        except ValueError:
            ahead = 366
        return published.year if ahead <= 31 else published.year - 1
    return published.year


def _iso(y: int | None, m: int, d: int) -> str | None:
    if y is None:
        return None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group())


def _year_of(m: re.Match, published: date | None) -> int | None:
    gd = m.groupdict()
    if gd.get("y"):
        return int(gd["y"])
    ry = (gd.get("ry") or "").lower()
    if ry or re.search(r"с\.\s?г", m.group(), re.IGNORECASE):
        if published is None:
            return None
        shift = {"прошлого": -1, "минувшего": -1, "позапрошлого": -2, "следующего": 1, "будущего": 1}.get(ry, 0)
        return published.year + shift
    return None


def _word_value(text: str) -> int | float | None:
    found = list(_word_numbers(text, 0, len(text)))
    if len(found) == 1 and found[0][3] in ("card", "coll"):
        return found[0][2]
    return None


def _hour(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    if _norm(s) == "час":
        return 1
    v = _word_value(s)
    return v if isinstance(v, int) else None


_DP_SHIFT = {"вечера": 12, "дня": 12, "ночи": 0}


def _resolve(kind: str, m: re.Match, published: date | None, months, weekdays, rel, dayparts):
    """(kind, value, extra) of a match, or None to drop it."""
    gd = m.groupdict()
    extra: dict = {}
    dp = gd.get("dp") or gd.get("dp0")
    if dp:
        extra["daypart"] = dayparts[_norm(dp)]
    if kind == "range":
        d1, d2 = _day(gd["d1"]), _day(gd["d2"])
        m2 = months[_norm(gd["m2"])]
        m1 = months[_norm(gd["m1"])] if gd.get("m1") else m2
        y = _year_of(m, published)
        inferred = y is None
        if y is None:                        # (from the first day: "11-13 октября" in a report of 11 October)
            first = _infer_year(published, m1, d1)
            y = first + 1 if first is not None and m1 > m2 else first
        y1 = y - 1 if (y is not None and m1 > m2) else y
        extra.update({"month": m1, "days": [d1, d2]})
        if m1 != m2:
            extra["months"] = [m1, m2]
        if gd.get("night"):
            extra["night"] = True
        if y is not None:
            extra["year"] = y1
            if inferred:
                extra["year_inferred"] = True
        if not (1 <= d1 <= 31 and 1 <= d2 <= 31):
            return None
        end = _iso(y, m2, d2)
        if y is not None:
            extra["until"] = end             # the last day ("end" is the span's offset)
        return "range", _iso(y1, m1, d1), extra
    if kind == "date":
        d, mo = _day(gd["d"]), months[_norm(gd["m"])]
        y = _year_of(m, published)
        extra.update({"month": mo, "day": d})
        if y is None:
            y = _infer_year(published, mo, d)
            if y is not None:
                extra["year_inferred"] = True
        if gd.get("night"):
            extra["night"] = True
        if y is not None:
            extra["year"] = y
            if _iso(y, mo, d) is None:
                return None
        return "date", _iso(y, mo, d), extra
    if kind in ("numeric", "iso"):
        d, mo, ys = int(gd["d"]), int(gd["m"]), gd["y"]
        y = int(ys) if len(ys) == 4 else (2000 + int(ys) if int(ys) < 50 else 1900 + int(ys))
        v = _iso(y, mo, d)
        return ("date", v, {"year": y, "month": mo, "day": d}) if v else None
    if kind == "vague":
        if gd.get("m"):
            extra["month"] = months[_norm(gd["m"])]
            y = _year_of(m, published)
            if y is not None:
                extra["year"] = y
        if gd.get("y2"):
            extra["year"] = int(gd["y2"])
        if gd.get("dec"):
            extra["days_from"] = int(gd["dec"])
        if gd.get("part"):
            p = _norm(gd["part"])
            extra["part"] = ("start" if p.startswith("начал") else "middle" if p.startswith("серед")
                             else "end" if p.startswith("конц") else "first_half" if "первой" in p
                             else "second_half")
        if gd.get("rel"):
            extra["relative"] = _norm(gd["rel"])
        return "vague", None, extra
    if kind == "relyear":
        r, unit = _norm(gd["rel"]), _norm(gd["unit"])
        shift = {"прошлом": -1, "минувшем": -1, "позапрошлом": -2, "следующем": 1, "будущем": 1}.get(r, 0)
        if published is not None:
            if unit == "году":
                extra["year"] = published.year + shift
                return "year", None, extra
            mm = published.month - 1 + shift
            extra.update({"year": published.year + mm // 12, "month": mm % 12 + 1})
        return ("year" if unit == "году" else "month"), None, extra
    if kind == "month":
        mo = months[_norm(gd.get("m") or gd["m2"])]
        extra["month"] = mo
        y = int(gd["yy"]) if gd.get("yy") else _year_of(m, published)
        if y is None and published is not None:
            y = _infer_year(published, mo)
            extra["year_inferred"] = True
        if y is not None:
            extra["year"] = y
        return "month", None, extra
    if kind == "yearrange":
        y1, y2 = int(gd["y1"]), gd["y2"]
        y2i = int(y2) if len(y2) == 4 else y1 // 100 * 100 + int(y2)
        if not 1000 <= y1 <= y2i:
            return None
        return "range", None, {"years": [y1, y2i]}
    if kind == "yearlist":
        ys = [int(y) for y in re.findall(r"\d{4}", m.group())]
        return "year", None, {"years": ys, "year": ys[0]}
    if kind == "duration":
        if gd.get("half"):
            extra["amount"] = 0.5
            u = _norm(gd["half"])[3:]
            if u.startswith("тора"):
                extra["amount"], u = 1.5, "года"
        else:
            n = gd["n"]
            u = _norm(gd["u"])
            if n[0].isdigit():
                extra["amount"] = float(n.replace(",", ".")) if re.search(r"[.,]", n) else int(n)
            else:
                v = _word_value(n)
                if v is not None:
                    extra["amount"] = v
        code = ("MIN" if u.startswith("мин") else "S" if u.startswith("сек") else
                "Y" if u.startswith(("л", "год")) else _UNIT_CODE.get(u[0], "D"))
        extra["unit"] = code
        if gd.get("ago"):
            extra["ago"] = True
        amt = extra.get("amount")
        value = None
        if amt is not None and code != "C":
            a = int(amt) if float(amt).is_integer() else amt
            value = (f"PT{a}M" if code == "MIN" else f"PT{a}{code}" if code in ("H", "S")
                     else f"P{a}{code}")
        if extra.get("ago") and code in ("D", "W") and isinstance(amt, int) and published is not None and amt < 60:
            # "три дня назад", "неделю назад": a day counted back from the report
            days = amt * (7 if code == "W" else 1)
            extra["offset_days"] = -days
            return "relative", (published - timedelta(days=days)).isoformat(), extra
        return "duration", value, extra
    if kind == "decade":
        return "vague", None, {"decade": int(gd["y"])}
    if kind == "year":
        y = int(gd["y"])
        if not 1000 <= y <= 2100:
            return None
        return "year", None, {"year": y}
    if kind == "weekday":
        wd = weekdays[_norm(gd["w"])]
        extra["weekday"] = wd
        mod = _norm(gd.get("mod") or "")
        if published is None:
            return "relative", None, extra
        back = (published.weekday() - wd) % 7
        if mod.startswith(("прошл", "минувш")) and back == 0:
            back = 7
        if mod.startswith(("следующ", "ближайш")):
            fwd = (wd - published.weekday()) % 7 or 7
            return "relative", (published + timedelta(days=fwd)).isoformat(), extra
        return "relative", (published - timedelta(days=back)).isoformat(), extra
    if kind == "reldays":
        r = _norm(gd["r"])
        off = rel.get(r)
        if off is None:
            off = -1 if r.startswith("вчераш") else 0
        extra["offset_days"] = off
        value = (published + timedelta(days=off)).isoformat() if published else None
        return "relative", value, extra
    if kind == "relative":
        # "Накануне вечером двое напали …": the day before the report; "накануне выборов": the eve of
        # an event, no date of its own
        nxt = re.match(r"\s+([а-яё]+)", m.string[m.end():m.end() + 30], re.I)
        if published is None or (nxt and _eve_of(nxt.group(1))):
            extra["offset_days"] = None
            return "relative", None, extra
        extra["offset_days"] = -1
        return "relative", (published - timedelta(days=1)).isoformat(), extra
    if kind == "monthday":
        d = int(gd["d"])
        extra["day"] = d
        if published is None:
            return "relative", None, extra
        y, mo = (published.year, published.month) if d <= published.day else (
            (published.year, published.month - 1) if published.month > 1 else (published.year - 1, 12))
        extra.update({"year": y, "month": mo})
        return "relative", _iso(y, mo, d), extra
    if kind == "newyear":
        on = published is not None and published.month == 1 and published.day <= 15
        if gd.get("xmas"):
            if published is None:
                return "relative", None, extra
            if published.month == 12 and published.day >= 24:
                return "relative", date(published.year, 12, 24).isoformat(), extra
            if published.month == 1 and published.day <= 5:
                return "relative", date(published.year - 1, 12, 24).isoformat(), extra
            return "relative", date(published.year, 1, 6).isoformat() if on and published.day >= 6 else None, extra
        if gd.get("eve"):
            late = published is not None and published.month == 12 and published.day >= 20
            return "relative", date(published.year - 1, 12, 31).isoformat() if on else \
                date(published.year, 12, 31).isoformat() if late else None, extra
        return "relative", date(published.year, 1, 1).isoformat() if on else None, extra
    if kind == "earlier":
        n = gd.get("n1") or gd.get("n2")
        count = 1 if n is None else int(n) if n.isdigit() else {"дв": 2, "тр": 3, "че": 4, "пя": 5}[_norm(n)[:2]]
        unit = _norm(gd.get("u1") or gd.get("u2") or gd.get("u3"))
        extra["days_before"] = count * (7 if unit.startswith("недел") else 1)
        return "relative", None, extra        # resolved against the act told before it (incidents.build)
    if kind == "clock":
        if gd["sep"] == "." and not (gd.get("p") or gd.get("q") or gd.get("tail")):
            return None          # "1.50" is a decimal unless a preposition or "ч" makes it a time
        if not (gd.get("p") or gd.get("q")) and re.search(
                r"(?:сч[её]т\w*|\d:\d+,|\()\s*$", m.string[max(0, m.start() - 12):m.start()], re.IGNORECASE):
            return None          # a match score ("со счётом 15:13", "7:6, 7:5")
        h, mi = int(gd["h"]), int(gd["mi"])
        if gd.get("q"):
            extra["approx"] = True
        return "time", f"{h:02d}:{mi:02d}", extra
    if kind == "hours":
        h = _hour(gd["h"])
        mi = 0
        if gd.get("mi"):
            mi = int(gd["mi"]) if gd["mi"].isdigit() else _hour(gd["mi"])
            mi = -1 if mi is None else mi
        if h is None or not 0 <= h <= 24 or not 0 <= mi <= 59:
            return None
        if not (gd.get("p") or gd.get("q") or gd.get("dp")):
            return None          # "5 часов" alone is a duration
        dpw = _norm(gd.get("dp") or "")
        if dpw in ("вечера", "дня") and h < 12:
            h += 12
        elif dpw == "ночи" and (h == 12 or 6 <= h < 12):
            h = (h + 12) % 24
        if gd.get("q"):
            extra["approx"] = True
        return "time", f"{h % 24:02d}:{mi:02d}", extra
    if kind == "noon":
        n = _norm(gd["n"])
        if gd.get("q"):
            extra["approx"] = True
        return "time", "12:00" if n.startswith("полд") else "00:00", extra
    return None


def _eve_of(word: str) -> bool:
    """A noun in the genitive after "накануне": the eve of an event ("накануне выборов, праздника")."""
    from letopis.nlp.morph import parse
    p = parse(word.lower())[0]
    return p.tag.POS == "NOUN" and p.tag.case == "gent"


def scan(text: str, published: date | None = None) -> list[Temporal]:
    """All temporal expressions of a plain text (longest match wins where they overlap)."""
    months, weekdays, rel, dayparts = _tables()
    cands = []
    low = text.lower()
    lowered = len(low) == len(text)        # offsets hold unless a letter lower-cases to two ("İ")
    needs, subject = _needs(lowered), (low if lowered else text)
    for prio, (kind, rx) in enumerate(_patterns(lowered)):
        if needs[prio] is not None and needs[prio].search(subject) is None:
            continue
        for m in rx.finditer(subject):
            if m.end() > m.start():
                cands.append((m.start(), -(m.end() - m.start()), prio, kind, m))
    cands.sort(key=lambda c: (c[0], c[1], c[2]))
    out: list[Temporal] = []
    taken: list[tuple[int, int]] = []
    # longest first, then earliest: a long range beats the date inside it
    for s, negl, prio, kind, m in sorted(cands, key=lambda c: (c[1], c[2], c[0])):
        e = s - negl
        if any(s < te and ts < e for ts, te in taken):
            continue
        res = _resolve(kind, m, published, months, weekdays, rel, dayparts)
        if res is None:
            continue
        k, value, extra = res
        taken.append((s, e))
        out.append(Temporal(k, s, e, text[s:e], value, extra))
    out.sort(key=lambda t: t.start)
    return out


_LAST: tuple = (None, None, [])      # (analysis, published, temporals) of the latest call


# what follows a birth year: "1990 года рождения", "1985 г.р.", "1975 г. р."
BORN = re.compile(r"\s*(?:рождения|г\.\s*р\.|\.?\s*р\.|гр\b)", re.I)


def find_temporals(analysis, ages=None) -> list[Temporal]:
    """Temporals of the story text; a duration that is really an age ("в возрасте 93 лет",
    "ему было 84 года") is left to ages. The extract stage asks twice per document (numbers
    block dates out, then the temporals themselves): the second call reuses the first's result."""
    global _LAST
    last = _LAST
    if last[0] is analysis and last[1] == analysis.published:
        return list(last[2])
    if ages is None:
        from letopis.extract.ages import find_ages
        ages = find_ages(analysis)
    out = []
    for t in scan(analysis.text, analysis.published):
        if analysis.ignored(t.start, t.end):
            continue
        if t.kind == "duration" and any(a.start < t.end and t.start < a.end for a in ages):
            continue
        if t.kind == "year" and BORN.match(analysis.text, t.end):
            # "мужчина 1990 года рождения": a birth year, no time of the story (a year of its own would
            # tell a past event apart)
            t = Temporal("birth_year", t.start, t.end, t.text, None, {"birth_year": t.extra.get("year")})
        out.append(t)
    _LAST = (analysis, analysis.published, out)
    return list(out)

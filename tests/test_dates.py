"""Dates and times, resolved against the publication date."""
from __future__ import annotations

from datetime import date

import pytest

from letopis.extract.dates import find_temporals
from letopis.nlp.analysis import Analysis
from conftest import NEREL, SEEDS, need

PUB = date(2011, 11, 14)   # a Monday: taraz-2011.txt


def temps(text: str, published: date | None = PUB):
    return [(t.kind, t.text, t.value) for t in find_temporals(Analysis(text=text, sentences=[],
                                                                       published=published))]


def one(text: str, published: date | None = PUB):
    [t] = find_temporals(Analysis(text=text, sentences=[], published=published))
    assert text[t.start:t.end] == t.text
    return t


@pytest.mark.parametrize("text,kind,value", [
    ("в субботу", "relative", "2011-11-12"),          # the Saturday before publication
    ("на брифинге в понедельник", "relative", "2011-11-14"),   # same weekday = publication day
    ("в минувшую пятницу", "relative", "2011-11-11"),
    ("вчера", "relative", "2011-11-13"),
    ("сегодня", "relative", "2011-11-14"),
    ("позавчера", "relative", "2011-11-12"),
    ("5 августа", "date", "2011-08-05"),
    ("29 декабря", "date", "2010-12-29"),               # after publication month → previous year
    ("14 ноября 2011 г.", "date", "2011-11-14"),
    ("05/08/2008", "date", "2008-08-05"),
    ("14.11.2011", "date", "2011-11-14"),
    ("2011-11-14", "date", "2011-11-14"),
    ("в ночь с 18 на 19 апреля 2020 года", "range", "2020-04-18"),
    ("в ночь на 31 июля 2016 года", "date", "2016-07-31"),
    ("в ночь с субботы на воскресенье", "relative", "2011-11-12"),    # the night's first day (14th: a Monday)
    ("в 11:35", "time", "11:35"),
    ("около 11 часов утра", "time", "11:00"),
    ("около 13 часов", "time", "13:00"),
    ("в 8 часов вечера", "time", "20:00"),
    ("в 23.40", "time", "23:40"),
    ("в полдень", "time", "12:00"),
    ("в полночь", "time", "00:00"),
    ("В 3 часа ночи", "time", "03:00"),
    ("около трех часов ночи", "time", "03:00"),
    ("в октябре 2018 года", "month", None),
    ("в 2009 году", "year", None),
    ("в 20 числах декабря", "vague", None),
    ("на прошлой неделе", "vague", None),
    ("в конце 2010 года", "vague", None),
    ("за 19 лет", "duration", "P19Y"),
    ("в течение пяти лет", "duration", "P5Y"),
])
def test_forms(text, kind, value):
    t = one(text)
    assert (t.kind, t.value) == (kind, value)


def test_approx_and_extras():
    assert one("около 13 часов").extra["approx"] is True
    assert "approx" not in one("в 11:35").extra
    assert one("в октябре 2018 года").extra == {"month": 10, "year": 2018}
    assert one("в 20 числах декабря", None).extra["month"] == 12
    r = one("7-8 января", None)
    assert (r.kind, r.value, r.extra["month"], r.extra["days"]) == ("range", None, 1, [7, 8])


def test_unpublished_relative_kept_without_value():
    assert temps("в субботу", None) == [("relative", "в субботу", None)]


def test_taraz_sentence():
    t = ("В частности, он убил 2-х сотрудников, около 11 часов утра завладел автомобилем "
         "Mazda-626 у местного жителя, в 11:35 ограбил оружейный магазин")
    assert temps(t) == [("time", "около 11 часов утра", "11:00"), ("time", "в 11:35", "11:35")]


@pytest.mark.parametrize("text", [
    "со счётом 15:13",            # NEREL train: a score
    "изъято более 2 тысяч оружия",
    "гранатомет РПГ-26 и ВАЗ-21099",
    "ставка 1.50 процента",
    "погибли 7 человек",
])
def test_negatives(text):
    assert temps(text) == []


def test_seed_karin():
    text = need(SEEDS / "karin-interview-2022.txt").read_text(encoding="utf-8")
    found = find_temporals(Analysis(text=text, sentences=[]))
    got = {t.text: t for t in found}
    assert got["в 20 числах декабря"].kind == "vague"
    assert got["7-8 января"].extra["days"] == [7, 8]
    assert all(text[t.start:t.end] == t.text for t in found)


def test_nerel_train_recall():
    """Relaxed (overlap) recall of DATE/TIME spans on a slice of NEREL train stays high."""
    files = sorted(need(NEREL / "train").glob("*.txt"))[:150]
    hit = total = 0
    for f in files:
        text = f.read_text(encoding="utf-8")
        gold = []
        for line in f.with_suffix(".ann").read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("T") and parts[1].split()[0] in ("DATE", "TIME") and ";" not in parts[1]:
                s, e = map(int, parts[1].split()[1:])
                gold.append((s, e))
        pred = [(t.start, t.end) for t in find_temporals(Analysis(text=text, sentences=[]))]
        total += len(gold)
        hit += sum(any(ps < e and s < pe for ps, pe in pred) for s, e in gold)
    assert total > 100 and hit / total > 0.75


def test_lowered_scan_matches_what_case_insensitive_patterns_find():
    """scan() runs the patterns case-sensitively over the lower-cased text (twice as fast): on real
    news in any case they match exactly what the case-insensitive patterns match, and a text whose
    lower-casing changes its length ("İ" → two characters) falls back to them with right offsets."""
    from letopis.extract.dates import _patterns, scan
    texts = [f.read_text(encoding="utf-8") for f in sorted(need(NEREL / "dev").glob("*.txt"))[:40]]
    texts.append("В 11:35 ПО МОСКВЕ, 14 НОЯБРЯ 2011 ГОДА, в Субботу Утром")
    lowered, plain = _patterns(True), _patterns(False)
    for text in texts:
        low = text.lower()
        for (kind, lo), (_, rx) in zip(lowered, plain):
            assert [m.span() for m in lo.finditer(low)] == [m.span() for m in rx.finditer(text)], kind
    shout = {t.text: t for t in scan(texts[-1], date(2011, 11, 20))}
    assert shout["В 11:35 ПО МОСКВЕ"].value == "11:35"       # the tail's capital letter is lowered too
    assert shout["14 НОЯБРЯ 2011 ГОДА"].value == "2011-11-14"
    odd = "İstanbul: в субботу, 14 ноября 2011 года"
    found = scan(odd, date(2011, 11, 20))
    assert [odd[t.start:t.end] for t in found] == [t.text for t in found] == ["в субботу", "14 ноября 2011 года"]


def test_a_day_counted_back_from_another_act_has_no_value_of_its_own():
    from letopis.extract.dates import scan
    got = [(t.text, t.value, t.extra.get("days_before")) for t in scan("Днем ранее в Каспийске, а за два дня до "
                                                                         "этого и неделей ранее — в Дербенте.")]
    assert got == [("Днем ранее", None, 1), ("за два дня до этого", None, 2), ("неделей ранее", None, 7)]


def test_nakanune_is_the_day_before_the_report_unless_it_is_the_eve_of_an_event():
    from datetime import date

    from letopis.extract.dates import scan
    got = [(t.text, t.value) for t in scan("Накануне вечером двое напали на пост. Накануне выборов прошел митинг.",
                                           date(2018, 5, 21))]
    assert got == [("Накануне вечером", "2018-05-20"), ("Накануне", None)]


@pytest.mark.parametrize("text", ["Минувшей ночью в городе прогремел взрыв.", "Сегодня ночью в городе прогремел взрыв.",
                                  "Этой ночью в городе прогремел взрыв."])
def test_the_night_just_past_begins_the_day_before_the_report(text):
    t = one(text)
    assert (t.kind, t.value) == ("relative", "2011-11-13")      # as "в ночь с 13 на 14 ноября" starts the 13th


def test_new_years_eve_is_the_31st_before_a_january_report_and_of_a_late_december_one():
    from letopis.extract.dates import scan
    assert [t.value for t in scan("В канун Нового года прогремел взрыв.", date(2021, 1, 2))] == ["2020-12-31"]
    assert [t.value for t in scan("В канун Нового года прогремел взрыв.", date(2020, 12, 28))] == ["2020-12-31"]
    assert [t.value for t in scan("В канун Нового года прогремел взрыв.", date(2020, 6, 1))] == [None]


def test_a_range_s_last_day_never_replaces_its_end_offset():
    from letopis.pipeline import extract_text
    text = "Губернатор объявил 11-13 октября днями траура."
    rec = extract_text(text, "2024-10-11")
    got = [t for t in rec.to_dict()["temporals"] if t["kind"] == "range"]
    assert [(t["end"], t["until"]) for t in got] == [(text.index(" днями"), "2024-10-13")]
    assert all(text[t["start"]:t["end"]] == t["text"] for t in rec.to_dict()["temporals"])


@pytest.mark.parametrize("text, published, value", [
    ("Заседание суда назначено на 19 октября.", "2022-10-15", "2022-10-19"),
    ("Нападение произошло 28 декабря.", "2023-01-05", "2022-12-28"),
    ("Взрыв прогремел 3 июня.", "2023-04-20", "2022-06-03"),
])
def test_a_day_within_a_month_after_the_report_is_to_come_that_year(text, published, value):
    from datetime import date
    from letopis.extract.dates import scan
    assert [t.value for t in scan(text, date.fromisoformat(published)) if t.kind == "date"] == [value]


@pytest.mark.parametrize("text, year", [("мужчина 1990 года рождения", 1990), ("уроженец Оша 1985 г.р.", 1985),
                                        ("житель Алматы 1975 г. р.", 1975)])
def test_a_birth_year_is_no_year_of_the_story(text, year):
    t = one(text)
    assert (t.kind, t.value, t.extra) == ("birth_year", None, {"birth_year": year})
    assert one(f"в {year} году").kind == "year"

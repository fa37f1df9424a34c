"""Numbers in digits and words, with qualifiers; dates, times, ages and model names are not numbers."""
from __future__ import annotations

from datetime import date

import pytest

from letopis.extract.numbers import find_numbers, number_at, parse_number
from letopis.nlp.analysis import Analysis
from conftest import SEEDS, need


def nums(text: str, published: date | None = None):
    return [(n.text, n.value, n.qualifier) for n in find_numbers(Analysis(text=text, sentences=[],
                                                                          published=published))]


@pytest.mark.parametrize("phrase,value,qualifier", [
    ("семь", 7, None), ("семи", 7, None), ("семерых", 7, None), ("трое", 3, None), ("двух", 2, None),
    ("двадцати пяти", 25, None), ("ста", 100, None), ("полутора", 1.5, None), ("обоих", 2, None),
    ("две тысячи триста сорок", 2340, None), ("один", 1, None), ("одного", 1, None),
    ("2-х", 2, None), ("3-м", 3, None), ("2 000", 2000, None), ("2\u00a0000", 2000, None),
    ("1,5 тыс.", 1500, None), ("2,5 млн", 2_500_000, None), ("более 2 тысяч", 2000, "more_than"),
    ("свыше 100", 100, "more_than"), ("не менее пяти", 5, "at_least"), ("по меньшей мере 12", 12, "at_least"),
    ("как минимум двое", 2, "at_least"), ("не более 10", 10, "at_most"), ("менее 50", 50, "less_than"),
    ("до 30", 30, "up_to"), ("около 600", 600, "about"), ("почти 40", 40, "about"),
    ("десятки", 20, "vague"), ("сотни", 200, "vague"), ("десятки тысяч", 20_000, "vague"),
    ("более сотни", 100, "more_than"),
])
def test_parse_number(phrase, value, qualifier):
    assert parse_number(phrase) == (value, qualifier)


def test_parse_number_none():
    assert parse_number("никого") is None
    assert parse_number("АК-47") is None


def test_taraz_sentence_counts():
    # taraz-2011.txt
    t = "Как сообщалось, в субботу в Таразе при обезвреживании преступника погибли 7 человек, " \
        "в том числе трое полицейских и 2 сотрудника КНБ."
    assert nums(t, date(2011, 11, 14)) == [("7", 7, None), ("трое", 3, None), ("2", 2, None)]


def test_karin_more_than_two_thousand():
    t = "Только за эти дни нашими правоохранительными органами было изъято более 2 тысяч оружия. " \
        "Заведено 44 уголовных дела только по статье терроризм."
    assert nums(t) == [("2 тысяч", 2000, "more_than"), ("44", 44, None)]


def test_model_names_times_dates_years_are_not_numbers():
    t = ("около 11 часов утра завладел автомобилем Mazda-626 у местного жителя, в 11:35 ограбил "
         "оружейный магазин. После, захватив еще один автомобиль ВАЗ-21099, он обстрелял из "
         "гранатомета РПГ-26 и из автомата АК-47 здание, 7-8 января 2011 года.")
    assert nums(t) == [("один", 1, None)]


def test_ordinals_are_marked():
    t = "возбужденного по 2-й части 96-й статьи (убийство двух и более лиц) и ст. 233 УК РК"
    found = find_numbers(Analysis(text=t, sentences=[]))
    ords = [(n.text, n.value) for n in found if n.extra.get("ordinal")]
    assert ords == [("2-й", 2), ("96-й", 96), ("233", 233)]
    assert [(n.text, n.value) for n in found if not n.extra.get("ordinal")] == [("двух", 2)]


def test_ages_and_durations_are_not_counts():
    # NEREL train style: an age and a prison term carry numbers that are not casualty counts
    t = "Ему было 84 года. Суд приговорил его к 3 годам, погибли 5 человек."
    assert nums(t) == [("5", 5, None)]


def test_range_and_offsets():
    t = "В результате нападения пострадали 5-7 человек."
    [n] = find_numbers(Analysis(text=t, sentences=[]))
    assert (n.value, n.extra["range"]) == (5, [5, 7])
    assert t[n.start:n.end] == n.text


def test_number_at_token_offset():
    t = "ранил 2-х конных полицейских"
    n = number_at(t, t.index("2-х"))
    assert n is not None and n.value == 2 and n.end == t.index(" конных")
    assert number_at(t, 0) is None


def test_seed_offsets_exact():
    text = need(SEEDS / "taraz-2011.txt").read_text(encoding="utf-8")
    found = find_numbers(Analysis(text=text, sentences=[], published=date(2011, 11, 14)))
    assert all(text[n.start:n.end] == n.text for n in found)
    values = [n.value for n in found if not n.extra.get("ordinal")]
    assert values[:3] == [7, 3, 2]
    assert 34 not in values and 626 not in values and 21099 not in values and 26 not in values


def test_a_numeral_before_tens_or_hundreds_is_one_count():
    from letopis.extract.numbers import parse_number
    assert parse_number("около двух десятков") == (20, "about")
    assert parse_number("полтора десятка") == (15, None)
    assert parse_number("две сотни") == (200, None)
    assert parse_number("несколько десятков")[1] == "vague"


def test_a_range_from_to_is_one_count_of_its_least_value_as_a_hyphened_one_is():
    assert nums("погибли от 20 до 30 человек") == [("20 до 30", 20, None)]
    assert nums("ранены от двух до пяти") == [("двух до пяти", 2, None)]
    assert nums("погибли 20-30 человек") == [("20-30", 20, None)]
    # a growth "с … до" is two figures, the latest after "до"
    assert [v for _, v, _ in nums("число жертв выросло с 20 до 30")] == [20, 30]

"""Ages of people, in the forms news text uses."""
from __future__ import annotations

import pytest

from letopis.extract.ages import find_ages
from letopis.nlp.analysis import Analysis


def ages(text: str):
    return [(a.text, a.value) for a in find_ages(Analysis(text=text, sentences=[]))]


@pytest.mark.parametrize("text,expected", [
    ("34-летний Максат Кариев, являвшийся приверженцем джихадизма", [("34-летний", 34)]),
    ("задержан 34-летнего жителя", [("34-летнего", 34)]),
    ("мужчина 34 лет скончался", [("34 лет", 34)]),
    ("скончался в возрасте 34 лет", [("в возрасте 34 лет", 34)]),
    ("Максат Кариев (34 года) погиб", [("34 года", 34)]),
    ("Иванов, 34 года, был задержан", [("34 года", 34)]),
    ("Ему было 84 года.", [("84 года", 84)]),                     # NEREL train
    ("Шестидесятивосьмилетняя актриса", [("Шестидесятивосьмилетняя", 68)]),
    ("двадцатипятилетняя девушка", [("двадцатипятилетняя", 25)]),
    ("73-летний Хулио Иглесиас — один из самых успешных", [("73-летний", 73)]),
])
def test_age_forms(text, expected):
    assert ages(text) == expected


@pytest.mark.parametrize("text", [
    "Его новый шестилетний президентский срок",          # NEREL train: duration, not an age
    "выдержать двухлетний карантин",
    "за свою 40-летнюю карьеру",
    "приуроченной к 70-летию со дня рождения поэта",
    "лишение свободы на срок до 15 лет",
    "погибли 7 человек",
])
def test_not_ages(text):
    assert ages(text) == []

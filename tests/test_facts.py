"""Facts that are not incidents (extract/facts.py) on short realistic news."""
from __future__ import annotations


def facts(text: str) -> list[tuple[str, float | None]]:
    from letopis.pipeline import extract_text
    return [(f.kind, f.quantity) for f in extract_text(text).facts]


def test_one_detainee_and_one_case_are_told_by_singular_nouns():
    got = facts("В Алматы задержали вербовщика\nСотрудники КНБ задержали в Алматы 25-летнего жителя города, "
                "который вербовал молодых людей. В отношении мужчины начато досудебное расследование.")
    assert got == [("detained", 1), ("criminal_cases_opened", 1)]     # the title's retelling is not a third


def test_numbers_still_count_and_mass_nouns_count_nothing():
    got = facts("В ходе обысков изъято оружие. Задержаны пять человек, возбуждено два уголовных дела.")
    assert ("detained", 5) in got and ("criminal_cases_opened", 2) in got
    assert not any(kind == "weapons_seized" for kind, _ in got)

"""Ranks, positions and professions: normal forms, groups, spans; NEREL PROFESSION agreement."""
import glob
from pathlib import Path

import pytest

from letopis.extract.roles import find_roles
from letopis.nlp.analysis import Analysis
from letopis.nlp.pipeline import segment

SHARED = Path(__file__).resolve().parents[2] / "shared"


def roles(text: str):
    return find_roles(Analysis(text=text, sentences=segment(text)))


def test_seed_taraz_roles():
    path = SHARED / "examples" / "seeds" / "taraz-2011.txt"
    if not path.exists():
        pytest.skip("../shared/examples/seeds is absent")
    text = path.read_text(encoding="utf-8")
    got = roles(text)
    by = {}
    for r in got:
        assert text[r.start:r.end] == r.text
        by.setdefault(r.normal, []).append(r)
    assert by["старший сержант полиции"][0].plural and by["старший сержант полиции"][0].group == "police"
    assert by["капитан полиции"][0].group == "police"
    assert by["сержант полиции"][0].group == "police"
    assert by["командир взвода отдельного батальона управления дорполиции ДВД"][0].group == "police"
    assert by["министр внутренних дел РК"][0].group == "official"
    assert "официальный представитель внешнеполитического ведомства" in by
    assert by["сотрудник КНБ"][0].group == "security_service"
    assert by["конный полицейский"][0].plural
    assert by["охранник"][0].group == by["посетитель"][0].group == "civilian"
    assert by["преступник"][0].group == "perpetrator"


@pytest.mark.parametrize("text, normal, group, plural", [
    ("Погибли двое сотрудников ФСБ.", "сотрудник ФСБ", "security_service", True),
    ("Ранен младший сержант Иванов.", "младший сержант", "military", False),
    ("Заявление сделал пресс-секретарь МИД России.", "пресс-секретарь МИД России", "official", False),
    ("Погибли трое мирных жителей.", "мирный житель", "civilian", True),
    ("Боевики захватили заложников.", "боевик", "perpetrator", True),
    ("Выступил Государственный секретарь РК Ерлан Карин.", "государственный секретарь РК", "official", False),
    ("Погиб подполковник юстиции.", "подполковник юстиции", "official", False),
    ("Умер экс-президент Израиля Шимон Перес.", "экс-президент Израиля", "official", False),
])
def test_role_forms(text, normal, group, plural):
    got = {(r.normal, r.group, r.plural) for r in roles(text)}
    assert (normal, group, plural) in got


def test_not_roles():
    assert roles("После обеда он ушёл. Военного самолёта не было. Глава 5 книги.") == []


def test_nerel_dev_profession_agreement():
    """Overlap precision/recall against NEREL PROFESSION spans on part of dev (full figures: see report)."""
    files = sorted(glob.glob(str(SHARED / "data" / "nerel" / "dev" / "*.txt")))[:40]
    if not files:
        pytest.skip("../shared/data/nerel/dev is absent")
    ngold = npred = hit_p = hit_g = 0
    for f in files:
        text = Path(f).read_text(encoding="utf-8")
        gold = []
        for line in Path(f[:-4] + ".ann").read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if line.startswith("T") and cols[1].startswith("PROFESSION ") and ";" not in cols[1]:
                _, s, e = cols[1].split()
                gold.append((int(s), int(e)))
        pred = [(r.start, r.end) for r in find_roles(Analysis(text=text, sentences=segment(text)),
                                                      professions_only=True)]
        ngold, npred = ngold + len(gold), npred + len(pred)
        hit_p += sum(any(p[0] < g[1] and g[0] < p[1] for g in gold) for p in pred)
        hit_g += sum(any(p[0] < g[1] and g[0] < p[1] for p in pred) for g in gold)
    assert hit_p / npred > 0.8 and hit_g / ngold > 0.65


def test_a_role_in_the_title_line_is_not_the_leads_and_a_remit_belongs_to_the_post():
    from letopis.pipeline import extract_text
    rec = extract_text("Интервью с президентом\n\nЭксперт по вопросам безопасности Санат Кушкумбаев рассказал о причинах "
                       "радикализации. Эксперт Кушкумбаев считает, что нужна профилактика.")
    roles = {p.name: p.extra.get("role") for p in rec.persons}
    assert roles["Санат Кушкумбаев"] == "эксперт по вопросам безопасности"   # not "президент", not "эксперт" too


def test_many_of_a_role_joined_to_one_named_by_another_are_not_his():
    from letopis.pipeline import extract_text
    rec = extract_text("Среди погибших 17 сотрудников полиции и протоиерей Николай Котельников, которому злоумышленники "
                       "перерезали горло.", "2024-06-24")
    assert [(p.name, p.roles) for p in rec.persons] == [("Николай Котельников", ["протоиерей"])]


def test_a_remit_with_its_adjectives_stays_in_the_role():
    from letopis.pipeline import extract_text
    rec = extract_text("Похищение\n\nЗаложники освобождены, сообщил комиссар по внутренней безопасности штата Сэмюэль "
                       "Аруван.", "2021-03-04")
    assert [(p.name, p.roles) for p in rec.persons] == [("Сэмюэль Аруван", ["комиссар по внутренней безопасности штата"])]


def test_an_age_before_two_roles_is_the_names_after_them():
    from letopis.pipeline import extract_text
    rec = extract_text("Бой на границе\n\nПогиб 22-летний пограничник, рядовой Нурбек Токтосунов.", "2022-09-16")
    assert [(p.name, p.age) for p in rec.persons] == [("Нурбек Токтосунов", 22)]


def test_a_role_in_another_case_after_a_teller_opens_the_clause_he_tells():
    from letopis.pipeline import extract_text
    rec = extract_text("Взрыв на рынке\n\nПо словам представителя полиции Джозефа Ньяланга, второй предполагаемой "
                       "смертнице не удалось проникнуть на рынок.", "2019-06-05")
    assert [(p.name, p.roles) for p in rec.persons] == [("Джозеф Ньяланг", ["представитель полиции"])]


def test_an_age_told_as_was_n_years_is_the_persons():
    from letopis.pipeline import extract_text
    rec = extract_text("Нападение\n\nВ пятницу в Карабулаке погиб старший сержант полиции Адам Мальсагов. Мальсагову было "
                       "29 лет.", "2024-08-05")
    assert [(p.name, p.age) for p in rec.persons] == [("Адам Мальсагов", 29)]


def test_a_list_entry_gives_its_name_as_written_with_its_age_and_role():
    from letopis.pipeline import extract_text
    rec = extract_text("Стрельба на рынке\n\nВ пятницу на рынке погибли два человека.\n\nСписок пострадавших:\n\n"
                       "Юсупова Гульнора — 27 лет — продавец\nНазарова Мадина — 31 год — стажер\n\n"
                       "Суд приговорил участников: Хакимов — 12 лет колонии.", "2024-03-01")
    got = {p.name: (p.age, p.roles) for p in rec.persons}
    assert got["Юсупова Гульнора"] == (27, ["продавец"])
    assert got["Назарова Мадина"] == (31, ["стажер"])
    assert got["Хакимов"] == (None, [])              # a sentence's term of years is no age


def test_a_feminine_verb_through_a_nominative_role_keeps_a_woman_s_name_as_written():
    from letopis.pipeline import extract_text
    rec = extract_text("Задержание\n\n«Стрелявший задержан», — сообщила официальный представитель полиции Фарида Рахимова.",
                       "2024-03-01")
    assert [p.name for p in rec.persons] == ["Фарида Рахимова"]
    rec = extract_text("Задержание\n\nПолиция задержала подозреваемого Фарида Рахимова.", "2024-03-01")
    assert [p.name for p in rec.persons] == ["Фарид Рахимов"]


def test_a_workers_age_and_post_after_one_of_the_hurt():
    """"один из пострадавших, 45-летний оператор технологической установки X": X is 45 and an operator (a kind of
    person, no PROFESSION entity: "операторы связи" are companies)."""
    from letopis.pipeline import extract_text
    rec = extract_text("Беспилотники атаковали завод, пострадали трое сотрудников. По его словам, один из пострадавших, "
                       "45-летний оператор технологической установки Сергей Кузнецов, находится в тяжелом состоянии. "
                       "Операторы связи ограничили мобильный интернет.", published="2025-03-01")
    assert [(p.name, p.roles, p.age) for p in rec.persons] == [("Сергей Кузнецов", ["оператор технологической установки"], 45)]
    assert not [e for e in rec.entities if e.type == "PROFESSION" and e.text.startswith("Оператор")]


def test_a_teacher_of_a_subject_is_one_post():
    """"учительницу математики Ольгу Смирнову": one post, "учительница математики", not a mathematician too; a role
    after a relational head stays its own ("помощник прокурора")."""
    from letopis.pipeline import extract_text
    rec = extract_text("Подросток ранил ножом учительницу математики Ольгу Смирнову. Помощник прокурора Иван Петров "
                       "выступил в суде.", published="2025-03-01")
    assert [(p.name, p.roles) for p in rec.persons] == [("Ольга Смирнова", ["учительница математики"]),
                                                         ("Иван Петров", ["помощник прокурора"])]

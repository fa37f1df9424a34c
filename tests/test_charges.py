"""Criminal-code references with coordination, codes and names."""
from datetime import date
from pathlib import Path

import pytest

from letopis.extract.charges import article_name, find_charges
from letopis.nlp.analysis import Analysis
from letopis.nlp.pipeline import segment

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "examples" / "seeds"


def charges(text: str, published: date | None = None):
    return [(c.code, c.article, c.part, c.name)
            for c in find_charges(Analysis(text=text, sentences=segment(text), published=published))]


def test_seed_taraz_charges():
    path = SEEDS / "taraz-2011.txt"
    if not path.exists():
        pytest.skip("../shared/examples/seeds is absent")
    text = path.read_text(encoding="utf-8")
    a = Analysis(text=text, sentences=segment(text), published=date(2011, 11, 14))
    got = find_charges(a)
    assert [(c.code, c.article, c.part, c.name) for c in got] == [
        ("УК РК", "96", "2", "убийство двух и более лиц"), ("УК РК", "233", None, "терроризм")]
    assert text[got[0].start:got[0].end].startswith("2-й части 96-й статьи")
    assert text[got[1].start:got[1].end] == "233-й статье УК РК (терроризм)"


@pytest.mark.parametrize("text, expected", [
    ("Дело возбуждено по ч. 2 ст. 96 УК РК.", [("УК РК", "96", "2", "убийство")]),
    ("Ему предъявлено обвинение по ст. 205.1 УК РФ.",
     [("УК РФ", "205.1", None, "содействие террористической деятельности")]),
    ("Возбуждено дело по п. «а» ч. 2 ст. 105 Уголовного кодекса Российской Федерации.",
     [("УК РФ", "105", "2", "убийство")]),
    ("Их обвиняют по статьям 205 и 206 УК РФ.",
     [("УК РФ", "205", None, "террористический акт"), ("УК РФ", "206", None, "захват заложника")]),
    ("Суд в Бишкеке осудил его по ст. 226 УК КР.", [("УК КР", "226", None, "терроризм")]),
    ("Обвиняется по статье 155 УК Республики Узбекистан.", [("УК РУз", "155", None, "терроризм")]),
    ("Возбуждено уголовное дело по статье 282.2.", [("УК", "282.2", None, None)]),
    ("В России возбуждено уголовное дело по статье 105 УК.", [("УК РФ", "105", None, "убийство")]),
])
def test_references(text, expected):
    assert charges(text) == expected


def test_not_charges():
    assert charges("Статья 31 Конституции РФ гарантирует право на собрания.") == []
    assert charges("По ст. 20.2 КоАП РФ ему выписали штраф.") == []
    assert charges("В статье 5 говорится о бюджете.") == []


def test_kazakh_code_edition_by_date():
    assert article_name("УК РК", "233", 2011) == "терроризм"
    assert article_name("УК РК", "255", 2020) == "акт терроризма"


def test_a_second_article_with_its_own_code_after_the_first():
    from letopis.pipeline import extract_text
    rec = extract_text("Нападение\n\nВ пятницу в Карабулаке боевики обстреляли полицейских, один погиб. Возбуждено "
                       "уголовное дело по статьям 317 УК РФ (посягательство на жизнь сотрудника правоохранительного "
                       "органа) и 222 УК РФ (незаконный оборот оружия).", "2024-08-05")
    assert [(c.code, c.article) for c in rec.incidents[0].charges] == [("УК РФ", "317"), ("УК РФ", "222")]


def test_a_verdicts_charges_stand_in_the_record_though_it_codes_no_incident():
    from letopis.pipeline import extract_text
    rec = extract_text("Суд в Актобе вынес приговор вербовщику\n\nСуд признал его виновным по части 2 статьи 256 и части 1 "
                       "статьи 259 Уголовного кодекса Казахстана и назначил наказание в виде семи лет лишения свободы.",
                       "2022-11-23")
    assert rec.incidents == []
    assert [(c.code, c.article, c.part) for c in rec.charges] == [("УК РК", "256", "2"), ("УК РК", "259", "1")]
    assert "charges" in rec.to_dict()


@pytest.mark.parametrize("text, expected", [
    ("Задержанным предъявлены обвинения по статьям 227 (Похищение человека) и 194 (Вымогательство) УК КР.",
     [("УК КР", "227", None, "похищение человека"), ("УК КР", "194", None, "вымогательство")]),
    ("Уголовное дело возбуждено по статьям 179 (терроризм) и 104 (убийство) УК Республики Таджикистан.",
     [("УК РТ", "179", None, "терроризм"), ("УК РТ", "104", None, "убийство")]),
    ("Ему предъявлено обвинение по ч. 1.1 ст. 205.1 УК РФ.", [("УК РФ", "205.1", "1.1", None)]),
])
def test_each_listed_article_takes_the_name_the_text_brackets_after_it(text, expected):
    """A name the text gives an article, capitalised or not, outranks the table's, in a list too; a part may be
    "1.1"."""
    got = charges(text)
    assert [g[:3] for g in got] == [e[:3] for e in expected]
    assert [g[3] for g in got if expected[got.index(g)][3]] == [e[3] for e in expected if e[3]]


def test_a_quoted_name_in_brackets_is_the_charges_and_the_code_after_it_stays():
    assert charges("Возбуждено уголовное дело по статье 195 («Незаконное приобретение оружия») УК РТ.") == [
        ("УК РТ", "195", None, "незаконное приобретение оружия")]

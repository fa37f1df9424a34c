"""Weapons and vehicles from tables: real sentences (seed article, NEREL-style news)."""
from pathlib import Path

import pytest

from letopis.extract.weapons import find_vehicles, find_weapons
from letopis.nlp.analysis import Analysis
from letopis.nlp.pipeline import segment

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "examples" / "seeds"


def analyse(text: str) -> Analysis:
    return Analysis(text=text, sentences=segment(text))


def test_seed_taraz_items():
    path = SEEDS / "taraz-2011.txt"
    if not path.exists():
        pytest.skip("../shared/examples/seeds is absent")
    a = analyse(path.read_text(encoding="utf-8"))
    items = {w.normal: w for w in find_weapons(a)}
    for name in ("«Сайга»", "«CZ»", "автомат Калашникова", "пистолет Макарова", "РПГ-26"):
        assert name in items, name
    assert items["«CZ»"].cls == items["«Сайга»"].cls == "firearms"
    assert (items["РПГ-26"].cls, items["РПГ-26"].kind) == ("explosives", "grenade launcher")
    assert [v.normal for v in find_vehicles(a)] == ["Mazda-626", "ВАЗ-21099"]
    for w in find_weapons(a):
        assert a.text[w.start:w.end] == w.text


@pytest.mark.parametrize("text, normal, cls, kind", [
    ("Боевики стреляли из автоматов АК-47.", "АК-47", "firearms", "assault rifle"),
    ("Нападавшие были вооружены автоматами Калашникова.", "автомат Калашникова", "firearms", "assault rifle"),
    ("В него бросили гранату Ф-1.", "Ф-1", "explosives", "grenade"),
    ("Смертник привёл в действие пояс шахида.", "пояс шахида", "explosives", "suicide belt"),
    ("Сработало самодельное взрывное устройство.", "самодельное взрывное устройство", "explosives",
     "improvised explosive device"),
    ("Мужчина напал на прохожих с ножом.", "нож", "melee", "knife"),
    ("В окно бросили коктейль Молотова.", "коктейль Молотова", "incendiary", "molotov cocktail"),
    ("Из гранатомёта «Муха» обстреляли пост.", "«Муха»", "explosives", "grenade launcher"),
    ("Изъяли охотничье ружьё и обрез.", "охотничье ружье", "firearms", "shotgun"),
])
def test_weapon_kinds(text, normal, cls, kind):
    got = {(w.normal, w.cls, w.kind) for w in find_weapons(analyse(text))}
    assert (normal, cls, kind) in got


def test_coordinated_models_inherit_class():
    ws = find_weapons(analyse("Он завладел карабином «Вепрь» и «Сайгой»."))
    assert [(w.normal, w.cls) for w in ws] == [("«Вепрь»", "firearms"), ("«Сайга»", "firearms")]


def test_no_weapon_in_minutes_or_plain_weapons_word():
    assert find_weapons(analyse("Через 5 мин. всё закончилось, оружие не нашли.")) == []


@pytest.mark.parametrize("text, normal", [
    ("Он уехал на Toyota Camry.", "Toyota Camry"),
    ("Преступники скрылись на Lada Priora.", "Lada Priora"),
    ("В аварии участвовал КамАЗом.", "КамАЗ"),
    ("Машина ВАЗ 2107 сгорела.", "ВАЗ-2107"),
    ("Подъехала «Газель».", "Газель"),
    ("Из джипа открыли огонь.", "джип"),
])
def test_vehicles(text, normal):
    assert normal in [v.normal for v in find_vehicles(analyse(text))]


def test_ambiguous_make_needs_vehicle_context():
    assert find_vehicles(analyse("Волга вышла из берегов.")) == []
    assert [v.normal for v in find_vehicles(analyse("Он ехал на автомобиле «Волга»."))] == ["Волга"]


def test_a_word_of_a_person_s_full_name_is_no_weapon():
    from letopis.pipeline import extract_text
    rec = extract_text("Обстрел села\n\nВ селе погибли двое мирных жителей — 67-летний Саидали Каримов и 35-летняя Зарина "
                       "Холова, которая была убита осколком мины.", "2024-05-29")
    assert [w.normal for i in rec.incidents for w in i.weapon_items] == ["мина"]


def test_of_two_table_rows_as_long_the_first_listed_wins_so_a_baikal_shotgun_is_no_pistol():
    from letopis.pipeline import extract_text
    rec = extract_text("Стрельба\n\nВ пятницу студент открыл огонь из помпового охотничьего ружья МР-133, погибли трое.",
                       "2024-10-11")
    assert [(w.normal, w.kind) for i in rec.incidents for w in i.weapon_items] == [("МР-133", "shotgun")]


def test_a_weapon_made_of_another_named_in_the_genitive_is_one_item():
    """"обрез охотничьего ружья" is one sawn-off gun; "обрез, ружье ТОЗ" are two."""
    a = analyse("У задержанного изъяли обрез охотничьего ружья и пистолет Макарова. Также изъяты обрез, ружье ТОЗ и "
                "граната РГД-5.")
    got = [(w.text, w.cls) for w in find_weapons(a)]
    assert got[0] == ("обрез охотничьего ружья", "firearms")
    assert [t for t, _ in got[1:]] == ["пистолет Макарова", "обрез", "ружье", "граната РГД-5"]

"""Offline gazetteer: inflected forms, old names, coverage, find() offsets."""
from __future__ import annotations

from pathlib import Path

import pytest

from letopis.geo import GeoPlace, get_gazetteer

NEREL_TRAIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "nerel" / "train"


@pytest.fixture(scope="module")
def g():
    return get_gazetteer()


def best(g, q: str) -> GeoPlace:
    r = g.lookup(q)
    assert r, q
    return r[0]


@pytest.mark.parametrize("form,name,cc", [
    ("Таразе", "Тараз", "KZ"), ("Таразом", "Тараз", "KZ"), ("Тараза", "Тараз", "KZ"),
    ("Алматы", "Алматы", "KZ"), ("Москве", "Москва", "RU"), ("Москвы", "Москва", "RU"),
    ("Жамбылской области", "Жамбылская область", "KZ"), ("Жамбылскую область", "Жамбылская область", "KZ"),
    ("Кыргызстане", "Киргизия", "KG"), ("Нур-Султане", "Астана", "KZ"), ("Шымкенте", "Шымкент", "KZ"),
    ("Алма-Ате", "Алматы", "KZ"), ("Северной Осетии", "Республика Северная Осетия — Алания", "RU"),
    ("Соединённых Штатах", "США", "US"), ("Соединенных Штатах", "США", "US"), ("США", "США", "US"),
    ("РФ", "Россия", "RU"), ("РК", "Казахстан", "KZ"), ("Ростове-на-Дону", "Ростов-на-Дону", "RU"),
    ("Усть-Каменогорске", "Усть-Каменогорск", "KZ"), ("Семее", "Семей", "KZ"), ("Бишкеке", "Бишкек", "KG"),
    ("Питтсбурге", "Питтсбург", "US"), ("Пауэй", "Пауей", "US"), ("Гаваре", "Гавар", "AM"),
    ("Париже", "Париж", "FR"), ("Чечне", "Чеченская Республика", "RU"), ("Ашхабаде", "Ашхабад", "TM"),
    ("Ташкенте", "Ташкент", "UZ"), ("Душанбе", "Душанбе", "TJ"),
])
def test_inflected_forms(g, form, name, cc):
    p = best(g, form)
    assert (p.name, p.country) == (name, cc)


@pytest.mark.parametrize("old,new", [
    ("Джамбул", "Тараз"), ("Джамбуле", "Тараз"), ("Алма-Ата", "Алматы"), ("Чимкент", "Шымкент"),
    ("Целиноград", "Астана"), ("Акмола", "Астана"), ("Нур-Султан", "Астана"), ("Фрунзе", "Бишкек"),
    ("Ленинграде", "Санкт-Петербург"), ("Семипалатинск", "Семей"),
])
def test_old_names(g, old, new):
    p = best(g, old)
    assert p.name == new and p.kind == "city"
    assert old.rstrip("е") in " ".join(p.old_names) or p.kind == "city"


def test_taraz_region_and_coordinates(g):
    p = best(g, "Тараз")
    assert p.kind == "city" and p.country == "KZ" and p.region == "Жамбылская область"
    assert abs(p.lat - 42.9) < 0.05 and abs(p.lon - 71.37) < 0.05
    assert "Джамбул" in p.old_names


def test_all_countries_present(g):
    import pycountry
    have = {p.country for p in g.places if p.kind == "country"}
    assert {c.alpha_2 for c in pycountry.countries} <= have
    assert g.lookup_country("Казахстана").country == "KZ"
    assert g.lookup_country("Тараз") is None


def test_core_regions(g):
    kz = {p.name for p in g.places if p.kind == "region" and p.country == "KZ"}
    assert len(kz) == 20
    assert {"Жамбылская область", "Абайская область", "Жетысуская область", "Улытауская область",
            "Астана", "Алматы", "Шымкент"} <= kz
    ru = [p for p in g.places if p.kind == "region" and p.country == "RU"]
    assert len(ru) >= 83 and all(p.lat is not None for p in ru)
    for cc, n in [("KG", 9), ("UZ", 14), ("TJ", 5), ("TM", 6)]:
        regs = [p for p in g.places if p.kind == "region" and p.country == cc]
        assert len(regs) >= n and all(p.lat is not None for p in regs), cc
    # cities of the new Kazakh regions carry them
    assert best(g, "Талдыкорган").region == "Жетысуская область"
    assert best(g, "Жезказган").region == "Улытауская область"


def test_find_offsets_on_sentence(g):
    text = "Как сообщалось, в субботу в Таразе при обезвреживании преступника погибли полицейские " \
           "Жамбылской области; ранее он жил в Алма-Ате, а оружие купил в РК."
    found = g.find(text)
    got = [(text[a:b], p.name) for a, b, p in found]
    assert ("Таразе", "Тараз") in got
    assert ("Жамбылской области", "Жамбылская область") in got
    assert ("Алма-Ате", "Алматы") in got
    assert ("РК", "Казахстан") in got
    for a, b, p in found:
        assert text[a:b].strip() == text[a:b] and text[a].isupper()


def test_no_false_positives_on_common_words(g):
    text = "мир победа город москва тараз шахты. Победа была за нами. Мир тесен. Пушкин писал стихи. Того же мнения."
    names = [text[a:b] for a, b, _ in g.find(text)]
    assert names == []


@pytest.mark.skipif(not NEREL_TRAIN.is_dir(), reason="../shared/data/nerel/train is absent")
def test_find_on_nerel_texts(g):
    files = sorted(NEREL_TRAIN.glob("*.txt"))[:40]
    hits = gold_hits = gold = 0
    for f in files:
        text = f.read_text(encoding="utf-8")
        found = g.find(text)
        for a, b, p in found:
            assert 0 <= a < b <= len(text) and text[a:b] == text[a:b].strip()
        spans = {(a, b) for a, b, _ in found}
        ann = f.with_suffix(".ann")
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 3 or not parts[0].startswith("T"):
                continue
            typ, *offs = parts[1].split(" ")
            if typ not in ("CITY", "COUNTRY") or ";" in parts[1]:
                continue
            gold += 1
            gold_hits += (int(offs[0]), int(offs[1])) in spans
        hits += len(found)
    assert hits > 0
    assert gold and gold_hits / gold > 0.7, (gold_hits, gold)


@pytest.mark.parametrize("form,kind,cc", [
    ("Флориде", "region", "US"), ("Вирджинии", "region", "US"),      # not the Cuban / South African towns
    ("Пловдиве", "city", "BG"),          # the region's own country: the city keeps the lead
    ("Вашингтоне", "city", "US"),        # a large city keeps its name from the state
    ("Санта-Барбаре", "city", None),     # towns of larger countries than Honduras's department
])
def test_a_region_outranks_small_namesake_towns_abroad(g, form, kind, cc):
    p = best(g, form)
    assert p.kind == kind and (cc is None or p.country == cc), (p.name, p.kind, p.country)


def test_an_incident_in_florida_is_in_the_united_states():
    from letopis.pipeline import extract_text
    rec = extract_text("Стрельба произошла в торговом центре во Флориде. Погибли три человека.",
                       published="2020-03-02")
    assert [(i.country, i.region) for i in rec.incidents] == [("US", "Флорида")]


@pytest.mark.parametrize("told, city, country", [
    ("в Кургантюбе", "Кургантюбе", "TJ"),          # Курган-Тюбе (Бохтар), spelt together
    ("в Кызыл-Орде", "Кызыл-Орда", "KZ"),           # Кызылорда, spelt apart
    ("в Талды-Кургане", "Талды-Курган", "KZ"),      # Талдыкорган by its old name
])
def test_a_town_spelt_together_or_apart_is_found_and_named_as_the_text_spells_it(told, city, country):
    from letopis.pipeline import extract_text
    rec = extract_text(f"Взрыв\n\nВ субботу {told} прогремел взрыв, погибли двое.", "2021-03-17")
    assert [(i.city, i.country) for i in rec.incidents] == [(city, country)]


@pytest.mark.parametrize("text, country, region", [
    ("в городе Кондуга в северо-восточном нигерийском штате Борно", "NG", "Борно"),
    ("власти провинции Хайбер-Пахтунхва", "PK", "Хайбер-Пахтунхва"),
    ("в провинции Идлиб", "SY", "Идлиб"),
    ("в провинции Анбар", "IQ", "Анбар"),
])
def test_regions_of_the_countries_terrorism_news_reports_most(text, country, region):
    from letopis.geo import get_gazetteer
    hits = [p for p in get_gazetteer().lookup(region) if p.kind == "region"]
    assert hits and (hits[0].country, hits[0].name) == (country, region)


def test_a_country_beside_a_town_is_the_country_though_a_foreign_state_bears_its_name():
    from letopis.pipeline import extract_text
    rec = extract_text("Похищение в Нигере\n\nВ среду вечером в районе города Тиллабери в Нигере боевики похитили двух "
                       "граждан Германии, их водитель был застрелен.", "2019-06-05")
    assert [(i.country, i.city, i.lat is not None) for i in rec.incidents] == [("NE", "Тиллабери", True)]


def test_where_a_source_sits_or_a_ban_holds_is_no_scene():
    from letopis.pipeline import extract_text
    rec = extract_text("Удар беспилотника в Сирии\n\nВ пятницу в провинции Идлиб в результате удара беспилотника погиб "
                       "командир группировки «Хуррас ад-Дин» (запрещена в России). По данным базирующейся в Лондоне "
                       "Сирийской обсерватории по правам человека, ранен проезжавший мимо мотоциклист.", "2023-07-08")
    assert [(i.country, i.city, i.region) for i in rec.incidents] == [("SY", None, "Идлиб")]


def test_a_town_named_after_a_settlement_word_beats_a_headline_place_the_gazetteer_does_not_know():
    from letopis.pipeline import extract_text
    rec = extract_text("В индийском Кашмире боевики бросили гранату в патруль\n\nНЬЮ-ДЕЛИ, 3 ноя — Sputnik. Шесть "
                       "человек получили ранения в результате нападения с применением гранаты в городе Сопор на севере "
                       "союзной территории Джамму и Кашмир.", "2024-11-03")
    assert [(i.country, i.city) for i in rec.incidents] == [("IN", "Сопор")]


def test_after_a_region_word_a_name_both_a_town_and_a_region_is_the_region():
    from letopis.pipeline import extract_text
    rec = extract_text("Похищение в Нигерии\n\nВ пятницу около тридцати боевиков перекрыли дорогу у населённого пункта "
                       "Катари в штате Кадуна на северо-западе Нигерии, открыли огонь по автобусу и похитили пассажиров, водитель был убит.", "2021-03-04")
    assert [(i.country, i.region, i.city) for i in rec.incidents] == [("NG", "Кадуна", "Катари")]


def test_a_district_s_adjective_is_no_town_and_an_outlet_s_title_no_place():
    from letopis.pipeline import extract_text
    rec = extract_text("Стрельба в Бишкеке\n\nВ Бишкеке в результате стрельбы у кафе в Свердловском районе столицы погиб "
                       "один человек. Об этом сообщает «Кавказский узел».", "2024-05-10")
    assert sorted(p.name for p in rec.places) == ["Бишкек"]
    assert [(i.country, i.city) for i in rec.incidents] == [("KG", "Бишкек")]


def test_a_town_s_adjective_naming_the_hospital_the_hurt_were_taken_to_is_no_scene():
    from letopis.pipeline import extract_text
    rec = extract_text("Бунт в колонии\n\nВ исправительной колонии №27 в селе Молдовановка Аламединского района Чуйской "
                       "области в ночь на 3 марта произошли массовые беспорядки.\n\nЗаключенные захватили в заложники двоих "
                       "сотрудников и подожгли помещение "
                       "отряда и столовую. Пострадали шесть сотрудников учреждения, двое из них доставлены в Бишкекский "
                       "научно-исследовательский центр травматологии.", "2022-03-03")
    assert [(i.region, i.city) for i in rec.incidents] == [("Чуйская область", "Молдовановка")]


def test_a_town_split_at_its_hyphen_or_joined_to_another_by_a_dash_is_named_whole():
    from letopis.pipeline import extract_text
    rec = extract_text("Поджог\n\nПодростки из Каменска-Уральского подожгли релейные шкафы на Свердловской железной "
                       "дороге, на перегоне Синарская - Каменск-Уральский. Пожар в Каменске-Уральском потушили.",
                       published="2024-04-17")
    places = [(e.text, e.normal) for e in rec.entities if e.type == "CITY"]
    assert ("Каменска-Уральского", "Каменск-Уральский") in places
    assert ("Каменске-Уральском", "Каменск-Уральский") in places and not any(" - " in t for t, _ in places)
    assert {(p.name, p.region) for p in rec.places if p.name.startswith("Каменск")} == {
        ("Каменск-Уральский", "Свердловская область")}
    assert not any(p.name == "Свердловский" for p in rec.places)


def test_a_full_name_with_a_patronymic_is_one_person_and_a_courtesy_word_no_surname():
    from letopis.pipeline import extract_text
    rec = extract_text("Список\n\nКаримова Нилуфар Азизовна — 34 года — главный специалист.\nУважаемая Татьяна Васильевна, "
                       "благодарим вас.", published="2023-08-15")
    assert [e.text for e in rec.entities if e.type == "PERSON"] == ["Каримова Нилуфар Азизовна", "Татьяна Васильевна"]


@pytest.mark.parametrize("text, city, region", [
    ("В четверг пассажир рейса попытался захватить самолет и потребовал, чтобы экипаж направил самолет в столицу "
     "Афганистана Кабул. Пилот развернул самолет обратно в Стамбул, где захватчика задержали. Пострадала "
     "бортпроводница.", None, "Стамбул"),
    ("В понедельник студент Университета штата Оклахома открыл стрельбу в учебном корпусе кампуса в городе "
     "Стиллуотер. Погибли два человека.", "Стиллуотер", "Оклахома"),
    ("Сегодня около 14:10 неизвестный бросил гранату у входа в отдел полиции на ул. Ленина. Ранены двое "
     "полицейских.", None, None),
    ("Центральный окружной военный суд в Екатеринбурге рассматривает дело жителя Челябинска. Гарипов бросил бутылку "
     "с зажигательной смесью в окно военкомата Калининского района Челябинска и ранил ножом сержанта полиции.",
     "Челябинск", "Челябинская область"),
])
def test_no_scene_where_a_craft_was_bound_a_street_s_namesake_or_a_court_sits(text, city, region):
    from letopis.pipeline import extract_text
    rec = extract_text(f"Нападение\n\n{text}", published="2025-05-15")
    assert [(i.city, i.region) for i in rec.incidents] == [(city, region)]


def test_a_ship_seized_with_its_crew_is_hijacked_where_it_was_not_where_it_sailed_from():
    from letopis.pipeline import extract_text
    rec = extract_text("Атака на судно\n\nВ ночь на среду хуситы атаковали балкер у берегов Йемена. Судно, следовавшее "
                       "из Суэца в индийский порт Мундра, было захвачено вместе с экипажем. Погибли два моряка.",
                       published="2025-07-10")
    assert [(i.country, i.city, "hijacking" in i.types, i.killed) for i in rec.incidents] == [("YE", None, True, 2)]


def test_a_client_and_a_lawyer_named_one_after_the_other_are_two_people():
    from letopis.pipeline import extract_text
    rec = extract_text("Суд\n\nАдвокат Акылбека Турсунова Жылдыз Эсенгулова сказала журналистам, что ее подзащитный вину "
                       "не признает.", published="2024-01-01")
    assert [(e.text, e.normal) for e in rec.entities if e.type == "PERSON"] == [
        ("Акылбека Турсунова", "Акылбек Турсунов"), ("Жылдыз Эсенгулова", "Жылдыз Эсенгулова")]
    assert [q.speaker for q in rec.quotes] == ["Жылдыз Эсенгулова"]


def test_the_region_a_town_is_glossed_with_in_brackets_is_its_region():
    from letopis.pipeline import extract_text
    rec = extract_text("Нападение\n\nВ пятницу в коллеже в Мюлузе (департамент Верхний Рейн) мужчина напал с ножом на "
                       "учителя, тот погиб.", published="2026-02-07")
    assert [(i.city, i.region, i.country) for i in rec.incidents] == [("Мюлуз", "Верхний Рейн", "FR")]


@pytest.mark.parametrize("text, scene, places", [
    # a large town of another country is no scene the text places in Burkina Faso; the province keeps its name
    ("В провинции Сум на севере Буркина-Фасо боевики напали на деревню, погибли 15 мирных жителей.",
     ("BF", "Сум", None), {("Сум", "BF"), ("Буркина-Фасо", "BF")}),
    # the same town placed in its own country stays itself
    ("В Сумах на севере Украины прогремел взрыв, погиб один человек.",
     ("UA", "Сумская область", "Сумы"), {("Сумы", "UA"), ("Украина", "UA")}),
    # a district named by its adjective is no town of that adjective (Ленинск, Первомайск); the town after it is
    ("В Ленинском районе Махачкалы прогремел взрыв, погибли двое.",
     ("RU", "Республика Дагестан", "Махачкала"), {("Махачкала", "RU")}),
    ("В Алмалинском районе Алматы прогремел взрыв, погибли двое.", ("KZ", "Алматы", "Алматы"), {("Алматы", "KZ")}),
    # nor is a district court's or police department's adjective
    ("Первомайский районный суд Бишкека арестовал 25-летнего мужчину, который в мае взорвал гранату у кафе. "
     "Погибли двое.", ("KG", "Бишкек", "Бишкек"), {("Бишкек", "KG")}),
])
def test_a_place_the_text_sets_in_a_country_or_a_district_of_a_town_is_placed_so(text, scene, places):
    from letopis.pipeline import extract_text
    rec = extract_text(f"Нападение\n\n{text}", published="2025-05-15")
    assert [(i.country, i.region, i.city) for i in rec.incidents] == [scene]
    assert {(p.name, p.country) for p in rec.places} == places


def test_a_town_the_gazetteer_lacks_takes_the_region_that_holds_it_in_the_places_list():
    from letopis.pipeline import extract_text
    rec = extract_text("Спецоперация в Дагестане\n\nВ селе Гурбуки Карабудахкентского района Республики Дагестан "
                       "нейтрализованы двое боевиков.", "2024-05-05")
    got = {p.name: (p.country, p.region) for p in rec.places}
    assert got["Гурбуки"] == ("RU", "Республика Дагестан")

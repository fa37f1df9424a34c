"""Facts that are not incidents (extract/facts.py) on short realistic news."""
from __future__ import annotations

import pytest


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
    assert ("weapons_seized", None) in got and ("weapons_seized", 1) not in got


def test_a_seizure_told_as_done_stands_without_a_count_and_a_calibre_is_no_count():
    got = facts("У задержанного изъяты компоненты для изготовления самодельного взрывного устройства. "
                "С места происшествия изъят охотничий карабин «Сайга» калибра 7,62 мм. "
                "Спецслужбы продолжают работу по изъятию оружия.")
    assert got == [("weapons_seized", None), ("weapons_seized", None)]


def test_a_collective_numeral_counts_detainees_and_people_count_no_weapons():
    got = facts("В 2018 году органами национальной безопасности предотвращено семь террористических преступлений. "
                "По словам председателя КНБ, задержаны 39 человек, изъято более 100 единиц огнестрельного оружия. "
                "В ходе боя уничтожены 15 нападавших, еще пятеро задержаны.")
    assert ("attack_prevented", 7) in got
    assert ("weapons_seized", 100) in got and ("weapons_seized", 39) not in got
    assert ("detained", 39) in got and ("detained", 5) in got


def test_a_prevented_attack_stands_without_a_count():
    assert facts("Сотрудники ФСБ предотвратили теракт в Москве.") == [("attack_prevented", None)]


def test_what_a_security_service_reports_for_a_year():
    got = facts("В 2020 году сотрудники ГКНБ выявили и ликвидировали 15 ячеек террористических организаций. По его "
                "словам, к уголовной ответственности привлечены 120 человек, из них 48 осуждены. В Сирию и Ирак "
                "выехали около 860 граждан Кыргызстана, из них более 150 погибли.")
    assert ("cells_dismantled", 15) in got and ("prosecuted", 120) in got and ("convicted", 48) in got
    assert ("left_for_conflict_zones", 860) in got


def test_a_term_in_years_or_readers_are_no_convicts():
    got = facts("Они осуждены на 20 и 10 лет. Осуждённый блоггер, которого читают 5,7 тысячи человек, вышел на "
                "свободу. Двадцать участников пикета требовали привлечения к ответственности виновника.")
    assert not [k for k, _ in got if k in ("convicted", "prosecuted")]


def test_a_regime_declared_until_a_date_keeps_it_as_its_end():
    from letopis.pipeline import extract_text
    fact = extract_text("В городе введен режим чрезвычайного положения сроком до 5 января 2012 года.").facts[0]
    assert fact.kind == "regime_declared" and fact.extra.get("until") == "2012-01-05" and "date" not in fact.extra


def test_a_court_sentencing_a_number_of_accused_counts_convicts():
    got = facts("Первомайский районный суд Бишкека приговорил к срокам от 10 до 20 лет лишения свободы пятерых "
                "обвиняемых по делу о теракте у посольства КНР.")
    assert ("convicted", 5) in got and "sentence" in [k for k, _ in got]


def test_numbers_in_the_crime_a_case_is_opened_for_count_no_cases():
    got = facts("Следственный комитет возбудил уголовное дело о покушении на убийство двух и более лиц. Возбуждено "
                "уголовное дело по статье «Мошенничество» (159 УК РФ).")
    assert got == [("criminal_cases_opened", 1), ("criminal_cases_opened", 1)]


def test_a_trial_begun_opens_no_case_but_an_investigation_begun_does():
    assert facts("Суд в Алматы начал рассматривать дело о январских событиях.") == []
    assert facts("По факту начато досудебное расследование.") == [("criminal_cases_opened", 1)]


def test_detainees_are_the_count_of_people_and_citizens_brought_back_from_war_zones_are_a_fact():
    got = facts("В прошлом году пресечена деятельность 12 ячеек, задержаны 48 членов экстремистских групп. Из зон "
                "вооруженных конфликтов в Сирии и Ираке в ходе операций «Жусан» возвращены 725 граждан Казахстана, в "
                "том числе 400 детей.")
    assert ("detained", 48) in got and ("detained", 12) not in got and ("cells_dismantled", 12) in got
    assert ("returned_from_conflict_zones", 725) in got


def test_the_number_right_before_detained_is_the_detainees_though_a_people_count_stands_before():
    got = facts("В ходе оперативных мероприятий четверо подозреваемых были ликвидированы при оказании сопротивления, "
                "один задержан.")
    assert ("detained", 1) in got and ("detained", 4) not in got


def test_a_checkpoint_at_the_entry_to_a_town_is_no_entry_of_a_group_and_the_detainee_as_subject_no_new_arrest():
    got = facts("Группа боевиков атаковала пост ГИБДД на въезде в Грозный. По данным спецслужбы, задержанный является "
                "сторонником террористической организации. Среди подозреваемых — гражданин России, арестованный во "
                "время отпуска в Испании.")
    assert [k for k, _ in got] == ["detained"]


def test_a_regime_level_named_in_quotes_still_names_the_regime():
    got = facts("Режим «умеренный» («желтый») уровня террористической опасности продлен в Алматы до 1 марта.")
    assert ("regime_continues", None) in got


def test_a_penalty_is_the_term_and_where_it_is_served_not_who_got_it():
    from letopis.pipeline import extract_text
    rec = extract_text("Суд приговорил к 20 годам лишения свободы бывшего главу КНБ Карима Масимова. Соучастник "
                       "приговорен к 8 годам лишения свободы в колонии строгого режима.")
    assert [f.extra["penalty"] for f in rec.facts if f.kind == "sentence"] == [
        "20 годам лишения свободы", "8 годам лишения свободы в колонии строгого режима"]


def test_an_emergency_and_a_curfew_are_regimes_and_one_lifted_told_by_a_short_participle():
    from letopis.pipeline import extract_text
    facts = [(f.kind, f.extra.get("regime")) for t in (
        "Президент подписал указ о введении чрезвычайного положения в Алматы.",
        "В Андижане отменен комендантский час.", "Режим КТО в Нальчике отменен.",
        "Из Сирии эвакуированы 50 граждан Казахстана.") for f in extract_text(t, "2022-01-06").facts]
    assert facts == [("regime_declared", "чрезвычайное положение"), ("regime_lifted", "комендантский час"),
                     ("regime_lifted", "режим КТО"), ("returned_from_conflict_zones", None)]


def test_prisoners_are_no_convictions_but_a_verdict_on_people_and_those_convicted_of_a_crime_are():
    from letopis.pipeline import extract_text
    facts = [[(f.kind, f.quantity) for f in extract_text(t, "2023-11-14").facts] for t in (
        "В колонии пострадали не менее 15 осужденных.",
        "Суд вынес приговор четырем жителям региона, признанным виновными в подготовке теракта.",
        "Число осужденных за терроризм составило 50 человек.")]
    assert facts == [[], [("convicted", 4)], [("convicted", 50)]]


def test_a_terror_threat_level_is_a_regime_named_in_the_nominative():
    from letopis.pipeline import extract_text
    facts = [(f.kind, f.extra.get("regime")) for t in (
        "Аким подписал постановление о введении «красного» уровня террористической опасности в Актобе.",
        "В Алматы сохраняется «желтый» уровень террористической опасности.") for f in extract_text(t, "2016-06-06").facts]
    assert facts == [("regime_declared", "«красный» уровень террористической опасности"),
                     ("regime_continues", "«желтый» уровень террористической опасности")]


def test_cells_whose_activity_was_stopped_are_no_prevented_attacks_and_plural_cases_go_uncounted():
    got = facts("С начала года в стране пресечена деятельность 5 террористических ячеек. Возбуждены уголовные дела "
                "по статьям 155 и 244-1 УК. Проверки могут привести к возбуждению уголовных дел.")
    assert got == [("cells_dismantled", 5), ("criminal_cases_opened", None)]


def test_a_threat_level_named_after_its_verb_continues_and_a_closing_quote_is_no_part_of_a_count():
    from letopis.pipeline import extract_text
    rec = extract_text("«В этом году задержаны 42 человека», — сказал Сагимбаев. Он также сообщил, что уровень "
                       "террористической опасности в стране остается «желтым».")
    regime = next(f for f in rec.facts if f.kind == "regime_continues")
    assert regime.extra["regime"] == "«желтый» уровень террористической опасности"
    assert next(f.text for f in rec.facts if f.kind == "detained") == "задержаны 42 человека"


def test_a_regime_lifted_is_not_declared_by_the_participle_that_names_it():
    assert facts("Режим КТО, введенный в Карабулаке, отменен.") == [("regime_lifted", None)]


def test_a_seizure_lists_its_items_and_counts_the_arms_and_an_age_range_counts_no_one():
    from letopis.pipeline import extract_text
    rec = extract_text("Задержание\n\nПри задержании у подозреваемых изъяты автомат АК-74, два пистолета Макарова, "
                       "граната Ф-1 и более 200 патронов. Большинство задержанных — молодые люди в возрасте от 18 до 30 "
                       "лет.", "2019-03-14")
    (fact,) = rec.facts
    assert (fact.kind, fact.quantity) == ("weapons_seized", 4)
    assert [(x["normal"], x["quantity"], x["qualifier"]) for x in fact.extra["items"]] == [
        ("АК-74", 1, None), ("пистолет Макарова", 2, None), ("Ф-1", 1, None), ("патрон", 200, "more_than")]
    rec = extract_text("Брифинг\n\nВ 2020 году изъято 46 единиц огнестрельного оружия, 3,5 тысячи боеприпасов и около "
                       "12 кг взрывчатых веществ.", "2020-11-06")
    assert [(f.quantity, [(x["quantity"], x.get("unit")) for x in f.extra["items"]]) for f in rec.facts] == [
        (46, [(46, None), (3500, None), (12, "кг")])]


@pytest.mark.parametrize("text", [
    "Фургон на большой скорости выехал на пешеходную зону и проехал около трёхсот метров, сбивая людей.",
    "По данным следствия, он пытался склонить к выезду в Сирию троих молодых людей.",
])
def test_a_drive_into_a_zone_or_a_call_to_leave_counts_no_one_gone_to_war(text):
    from letopis.pipeline import extract_text
    assert not [f for f in extract_text(f"Новости\n\n{text}", "2023-10-10").facts if f.kind == "left_for_conflict_zones"]


def test_a_penalty_given_as_years_of_prison_is_a_sentence_with_its_charges():
    from letopis.pipeline import extract_text
    rec = extract_text("Суд в Актобе\n\nСуд признал его виновным по части 2 статьи 256 Уголовного кодекса Казахстана и "
                       "назначил наказание в виде семи лет лишения свободы.", "2022-11-23")
    (fact,) = [f for f in rec.facts if f.kind == "sentence"]
    assert fact.extra["penalty"] == "семи лет лишения свободы" and fact.extra["charges"]


@pytest.mark.parametrize("text", [
    "У двух подозреваемых изъяли пистолет.",
    "При задержании у одного из подозреваемых изъяли самодельное взрывное устройство и две гранаты.",
])
def test_a_number_a_few_words_before_a_seized_item_that_counts_no_unit(text):
    from letopis.pipeline import extract_text
    assert [f.kind for f in extract_text(f"Задержание\n\n{text}", "2024-11-27").facts] == ["weapons_seized"]


def test_a_prosecutors_year_counts_cases_sent_to_court_extraditions_and_surrenders():
    assert facts("Итоги года\n\nПо словам генпрокурора, в суды направлено 96 уголовных дел. Из других стран "
                 "экстрадированы 17 разыскиваемых лиц. Добровольно вернулись и сдались властям еще девять человек.") == [
        ("cases_sent_to_court", 96), ("extradited", 17), ("surrendered", 9)]


def test_a_verdict_s_terms_are_one_fact_each_naming_the_convicted():
    from letopis.pipeline import extract_text
    rec = extract_text("Приговор\n\nСуд приговорил Фаридуна Мирзоева к 17 годам лишения свободы. Его сообщники Тилек Асанов "
                       "и Самат Жумабаев приговорены к 12 годам лишения свободы каждый. Исломиддин Хакимов получил 15 лет, "
                       "Сухроб Давлатзода — 8 лет лишения свободы.", "2022-07-19")
    got = [(f.extra.get("convicted"), f.extra.get("penalty")) for f in rec.facts if f.kind == "sentence"]
    assert got == [(["Фаридун Мирзоев"], "17 годам лишения свободы"),
                   (["Тилек Асанов", "Самат Жумабаев"], "12 годам лишения свободы"),
                   (["Исломиддин Хакимов"], "15 лет"), (["Сухроб Давлатзода"], "8 лет лишения свободы")]


def test_citizens_brought_home_from_syria_are_returned_from_a_conflict_zone():
    from letopis.pipeline import extract_text
    rec = extract_text("Казахстан вернул граждан\n\nВ рамках операции «Жусан» 10 февраля специальным рейсом из Сирии на "
                       "родину доставлены 38 граждан Казахстана: шестеро мужчин, девять женщин и 23 ребенка.", "2023-02-11")
    assert [(f.kind, f.quantity) for f in rec.facts] == [("returned_from_conflict_zones", 38)]


def test_terms_given_to_each_in_the_dative_and_arms_found_at_the_scene_and_a_year_s_seizures():
    from letopis.pipeline import extract_text
    rec = extract_text("Приговор\n\nСуд огласил приговор. Серику Жумагулову назначено 12 лет, Азамату Кенжебаеву — "
                       "восемь лет, Ерлану Тасбулатову — пять лет лишения свободы.", published="2024-01-01")
    assert [f.extra.get("convicted") for f in rec.facts if f.kind == "sentence"] == [
        ["Серик Жумагулов"], ["Азамат Кенжебаев"], ["Ерлан Тасбулатов"]]
    rec = extract_text("Нападение\n\nНа месте происшествия обнаружены два автомата, 180 патронов и еще две гранаты. "
                       "Оружие и взрывчатые вещества при обыске в доме не обнаружены.", published="2024-01-01")
    assert [(f.kind, f.quantity) for f in rec.facts] == [("weapons_seized", 4)]
    rec = extract_text("Итоги года\n\nЗа год полицейские изъяли из незаконного оборота свыше 9,6 тыс. единиц "
                       "огнестрельного оружия.", published="2024-01-01")
    assert [(f.kind, f.quantity, f.qualifier) for f in rec.facts] == [("weapons_seized", 9600, "more_than")]


def test_a_cell_s_members_are_no_count_of_cells_and_the_accused_the_cases_are_of_are_sent_to_court():
    from letopis.pipeline import extract_text
    rec = extract_text("Итоги года\n\nВ Нукусе была пресечена деятельность ячейки из шести человек. Раскрыто 1 652 "
                       "преступления, уголовные дела в отношении 1 218 обвиняемых направлены в суд.", published="2024-01-01")
    # (one cell, told by its noun; its six members count none)
    assert [(f.kind, f.quantity) for f in rec.facts] == [("cells_dismantled", 1), ("cases_sent_to_court", 1218)]


def test_terms_told_bare_beside_a_verdict_given_by_the_court_or_received_and_dotted_articles():
    from letopis.pipeline import extract_text
    rec = extract_text("Приговор\n\nСуд приговорил Асана Бекова к 10 годам лишения свободы, Нурлан Сейтов и Ерлан Омаров "
                       "получили – по 8 лет. Суд назначил Марату Исаеву шесть лет лишения свободы. Данияр Касымов получил "
                       "семь лет.", published="2024-01-01")
    assert [f.extra.get("convicted") for f in rec.facts if f.kind == "sentence"] == [
        ["Асан Беков"], ["Нурлан Сейтов", "Ерлан Омаров"], ["Марат Исаев"], ["Данияр Касымов"]]
    rec = extract_text("Обвинение\n\nЕму предъявлено обвинение по статье 214.2.1 и части 4 статьи 120.2 Уголовного "
                       "кодекса Азербайджанской Республики.", published="2024-01-01")
    assert [(c.code, c.article, c.part) for c in rec.charges] == [("УК АР", "214.2.1", None), ("УК АР", "120.2", "4")]


def test_a_model_s_number_is_no_count_of_arms():
    from letopis.pipeline import extract_text
    rec = extract_text("Заговор\n\nВ квартире подозреваемого изъяли пистолет Glock 17 и два ножа.", published="2024-01-01")
    assert [(f.kind, f.quantity) for f in rec.facts] == [("weapons_seized", 3)]


def test_a_cell_told_in_the_genitive_singular_is_one_and_a_fact_s_phrase_leaves_no_bracket_open():
    got = facts("В Самарканде пресечена деятельность ячейки из восьми человек. Возбуждено 12 уголовных дел по статье "
                "159 («Посягательство на конституционный строй Республики Узбекистан»).")
    assert got == [("cells_dismantled", 1), ("criminal_cases_opened", 12)]
    from letopis.pipeline import extract_text
    rec = extract_text("Итоги\n\nВозбуждено 12 уголовных дел по статье 159 («Посягательство, подготовка и участие в "
                       "деятельности против конституционного строя») и статье 244-2.", published="2024-01-01")
    assert [f.text for f in rec.facts] == ["Возбуждено 12 уголовных дел по статье 159"]


def test_things_counted_before_an_arrest_are_no_detainees():
    assert facts("В прошлом году были отменены два матча сборной после того, как полиция задержала 17-летнего "
                 "жителя Гамбурга.") == [("detained", 1)]

"""Quotes and their speakers, the source chain and the roles around a speaker, on short realistic news:
a person, a role, an organisation's statement, a pronoun after a quote; offices cited in lower case."""
from __future__ import annotations

from functools import lru_cache

import pytest


@lru_cache(maxsize=None)
def quotes(text: str) -> list[tuple[str | None, str]]:
    from letopis.pipeline import extract_text
    return [(q.speaker, q.text) for q in extract_text(text).quotes]


TEXT = ("Сотрудники КНБ задержали в Алматы 25-летнего жителя города, который вербовал молодых людей.\n\n"
        "\"Задержанный через мессенджеры распространял материалы террористического содержания\", - говорится "
        "в сообщении КНБ.\n\nПо словам официального представителя ведомства Алтынай Сапаровой, в отношении "
        "мужчины начато досудебное расследование. \"Подозреваемый водворен в изолятор временного "
        "содержания\", - добавила она.")


def test_an_organisations_statement_is_quoted_from_it():
    assert ("КНБ", "Задержанный через мессенджеры распространял материалы террористического содержания") \
        in quotes(TEXT)


def test_a_pronoun_after_a_quote_is_the_person_who_spoke_before():
    assert ("Алтынай Сапарова", "Подозреваемый водворен в изолятор временного содержания") in quotes(TEXT)


def test_a_capitalised_noun_speaker_is_read_whole():
    got = quotes("Пожар начался ночью. \"Возгорание удалось потушить за два часа\", - отмечает "
                 "Пресс-служба ведомства.")
    assert got == [("Пресс-служба", "Возгорание удалось потушить за два часа")]


def test_an_office_named_in_lower_case_is_a_cited_source():
    from letopis.pipeline import extract_text
    rec = extract_text("Сотрудники КНБ задержали вербовщика, сообщает Tengrinews.kz со ссылкой на пресс-службу "
                       "ведомства. Ранения получили двое полицейских, сообщили в департаменте полиции города.")
    assert [(s.name, s.relation) for s in rec.sources] == [
        ("Tengrinews.kz", "publisher"), ("пресс-служба КНБ", "cited"), ("департамент полиции города", "cited")]
    text = rec.text
    assert [text[s.start:s.end] for s in rec.sources][1] == "пресс-службу ведомства"   # the span is the text's


def test_the_agency_an_office_refers_back_to_is_a_state_body_not_the_group_it_arrested():
    from letopis.pipeline import extract_text
    rec = extract_text("Сотрудники ГКНБ задержали пятерых членов запрещенной организации «Хизб ут-Тахрир», "
                       "сообщает пресс-служба ведомства.")
    assert [(s.name, s.relation) for s in rec.sources] == [("пресс-служба ГКНБ", "cited")]


def test_an_office_reporting_in_lower_case_is_cited_without_a_dangling_adjective():
    from letopis.pipeline import extract_text
    rec = extract_text("Сотрудники КНБ задержали мужчину, сообщает пресс-служба ведомства. Об этом также "
                       "сообщила пресс-служба главы азербайджанского государства.")
    assert [(s.name, s.relation) for s in rec.sources] == [
        ("пресс-служба КНБ", "cited"), ("пресс-служба главы", "cited")]


def test_a_long_speaker_before_indirect_speech_stays_in_its_sentence():
    got = quotes("По словам заместителя начальника департамента полиции Мангистауской области Бауыржана "
                 "Кенжебаева, нападавший открыл огонь после конфликта. По словам собеседника vc.ru, он не "
                 "появлялся на работе. По их словам полковник здоров.\n\nНапомним, в четверг начались переговоры.")
    assert [text for _, text in got] == ["нападавший открыл огонь после конфликта.", "он не появлялся на работе."]
    assert got[0][0] == "Бауыржан Кенжебаев"


def test_after_po_slovam_a_nominative_role_opens_the_reported_clause():
    from letopis.pipeline import extract_text
    rec = extract_text("По словам заместителя начальника департамента полиции Бауыржана Кенжебаева, нападавший, "
                       "житель Актау, открыл огонь. По словам Ерлана Карина, государственного секретаря РК, "
                       "угроза снижается.")
    roles = {p.name: p.extra.get("role") for p in rec.persons}
    assert roles["Бауыржан Кенжебаев"] == "заместитель начальника департамента полиции"
    assert "государственный секретарь РК" in roles["Ерлан Карин"]


def test_a_state_body_that_reports_is_cited_and_a_name_ends_at_the_sentence():
    from letopis.pipeline import extract_text
    rec = extract_text("Боевики напали на заставу, сообщает ГКНБ Таджикистана. В результате погибли двое. "
                       "Об этом пишет Vecher.kz со ссылкой на МИА «Казинформ».")
    assert [(s.name, s.relation) for s in rec.sources] == [
        ("ГКНБ Таджикистана", "cited"), ("Vecher.kz", "publisher"), ("МИА «Казинформ»", "cited")]


def test_a_reporting_name_that_opens_with_an_adjective_runs_on_in_lower_case():
    from letopis.pipeline import extract_text
    rec = extract_text("Двенадцать мирных жителей погибли в Идлибе, сообщает Сирийская обсерватория по правам "
                       "человека.")
    assert [s.name for s in rec.sources] == ["Сирийская обсерватория по правам человека"]


def test_a_quote_told_by_a_role_goes_to_the_one_person_with_it_and_surnames_take_full_names():
    from letopis.pipeline import extract_text
    rec = extract_text("Аким Алматинской области Амандык Баталов встретился с семьями погибших полицейских. По словам "
                       "Баталова, семьи получат выплаты. «Мы никогда не забудем подвиг наших полицейских», — сказал "
                       "аким. «Основная проблема — это отсутствие перспектив», — считает эксперт по вопросам "
                       "безопасности Санат Кушкумбаев.")
    got = [(q.speaker, q.text[:19]) for q in rec.quotes]
    assert ("Амандык Баталов", "семьи получат выпла") in got                 # "по словам Баталова"
    assert ("Амандык Баталов", "Мы никогда не забуд") in got                # "— сказал аким"
    assert ("Санат Кушкумбаев", "Основная проблема —") in got               # an opinion verb
    roles = {p.name: p.extra.get("role") for p in rec.persons}
    assert roles["Санат Кушкумбаев"] == "эксперт по вопросам безопасности"


def test_two_persons_with_the_role_leave_the_quote_unnamed():
    from letopis.pipeline import extract_text
    rec = extract_text("Аким Алматы Бауыржан Байбек и аким Астаны Асет Исекешев провели встречу. «Работа по "
                       "благоустройству городов продолжается», — сказал аким.")
    assert [q.speaker for q in rec.quotes] == [None]


def test_the_office_of_a_department_names_it_in_the_genitive():
    from letopis.pipeline import extract_text
    rec = extract_text("Сотрудники департамента КНБ по Шымкенту задержали 23-летнего жителя города, подозреваемого в "
                       "подготовке теракта, сообщает пресс-служба ведомства.")
    assert [(s.name, s.relation) for s in rec.sources] == [("пресс-служба департамента КНБ по Шымкенту", "cited")]


def test_a_correspondents_site_is_the_publisher_and_no_person():
    from letopis.pipeline import extract_text
    rec = extract_text("Министр внутренних дел Ерлан Тургумбаев заявил журналистам, что ситуация под контролем. Об этом "
                       "передает корреспондент Tengrinews.kz.")
    assert ("Tengrinews.kz", "publisher") in [(s.name, s.relation) for s in rec.sources]
    assert [p.name for p in rec.persons] == ["Ерлан Тургумбаев"]


def test_the_agency_an_office_refers_back_to_is_the_one_already_cited_not_a_victims_service():
    from letopis.pipeline import extract_text
    rec = extract_text("Группа вооруженных лиц напала на заставу, сообщает ГКНБ Таджикистана. Погибли пограничник и "
                       "сотрудник милиции. По данным пресс-службы ведомства, нападавшие проникли из Афганистана.")
    assert [(s.name, s.relation) for s in rec.sources] == [("ГКНБ Таджикистана", "cited"),
                                                            ("пресс-служба ГКНБ Таджикистана", "cited")]


def test_an_agency_dateline_after_a_date_names_the_publisher_and_a_lone_office_is_the_one_named():
    from letopis.pipeline import extract_text
    rec = extract_text("ДУШАНБЕ, 3 апреля 2021 года, Asia-Plus. Сотрудники ГКНБ задержали 15 человек.")
    assert [(s.name, s.relation) for s in rec.sources] == [("Asia-Plus", "publisher")]
    rec = extract_text("ЖАНАОЗЕН. 16 декабря. КАЗИНФОРМ - В городе произошли беспорядки, сообщила Генеральная "
                       "прокуратура Казахстана. По данным прокуратуры, полиция применила оружие.")
    assert [(s.name, s.relation) for s in rec.sources] == [("КАЗИНФОРМ", "publisher"),
                                                            ("Генеральная прокуратура Казахстана", "cited")]


def test_a_quote_told_by_the_head_of_a_service_goes_to_the_one_who_heads_it_and_a_source_line_names_the_publisher():
    from letopis.pipeline import extract_text
    rec = extract_text("Министр внутренних дел Казахстана Ерлан Тургумбаев заявил, что ситуация под контролем.\n\n«Мы "
                       "продолжаем зачистку города», — подчеркнул глава МВД.\n\nИсточник: Tengrinews.kz")
    # (what he said after "заявил, что" is his too)
    assert [(q.speaker, q.text[:12]) for q in rec.quotes] == [("Ерлан Тургумбаев", "ситуация под"),
                                                               ("Ерлан Тургумбаев", "Мы продолжае")]
    assert [(s.name, s.relation) for s in rec.sources] == [("Tengrinews.kz", "publisher")]


def test_a_statement_quoted_with_no_body_after_it_is_the_one_cited_before_and_a_town_dateline_names_its_agency():
    from letopis.pipeline import extract_text
    rec = extract_text("АСТАНА. 5 сентября. КАЗИНФОРМ - Комитет национальной безопасности Казахстана предотвратил теракт, "
                       "сообщает пресс-служба ведомства.\n\n«В результате оперативных мероприятий задержаны трое членов "
                       "ячейки», — говорится в сообщении.")
    assert [q.speaker for q in rec.quotes] == ["пресс-служба Комитета национальной безопасности Казахстана"]
    rec = extract_text("В Махачкале убит журналист\n\nМахачкала, 9 июля 2011 г. РИА «Дагестан».\n\nГлавный редактор "
                       "газеты убит в пятницу, сообщили в МВД по Республике Дагестан.")
    assert rec.published == "2011-07-09"
    assert ("РИА «Дагестан»", "publisher") in [(s.name, s.relation) for s in rec.sources]


def test_agency_datelines_after_the_date_or_as_a_site_and_sources_named_in_the_nominative():
    from letopis.pipeline import extract_text
    rec = extract_text("Взрыв в мечети\nКабул, 8 октября 2021 года, Kun.uz. В пятницу в мечети прогремел взрыв. По "
                       "данным представителя талибов Забихуллы Муджахида, погибли 50 человек.")
    assert rec.published == "2021-10-08"
    assert [(s.name, s.relation) for s in rec.sources] == [("Kun.uz", "publisher"),
                                                            ("представитель талибов Забихулла Муджахид", "cited")]
    rec = extract_text("Задержан подозреваемый\n\n24.kg, 12 апреля 2022\n\nВ Сургуте ранены восемь человек, сообщили в "
                       "региональном управлении СК.")
    assert rec.published == "2022-04-12"
    assert [(s.name, s.relation) for s in rec.sources] == [("24.kg", "publisher"),
                                                            ("региональное управление СК", "cited")]


def test_an_interview_told_in_dashed_lines_quotes_the_one_the_questions_address():
    from letopis.pipeline import extract_text
    rec = extract_text("Интервью с руководителем Комитета по противодействию экстремизму Нурланом Жумабаевым\n\n"
                       "— Нурлан Серикович, какова сегодня ситуация с терроризмом?\n\n"
                       "— За последние пять лет в стране не было совершено ни одного теракта.\n\n"
                       "— Откуда исходит основная угроза?\n\n"
                       "— Главный канал вербовки — социальные сети и мессенджеры.\n\n"
                       "— Работа по профилактике будет усилена, — отметил Жумабаев.")
    assert [p.name for p in rec.persons] == ["Нурлан Жумабаев"]
    assert [(q.speaker, q.text[:20]) for q in rec.quotes] == [
        ("Нурлан Жумабаев", "За последние пять ле"), ("Нурлан Жумабаев", "Главный канал вербов"),
        ("Нурлан Жумабаев", "Работа по профилакти")]


def test_as_told_by_a_person_is_an_indirect_quote_and_a_role_does_not_swallow_a_nominative_first_name():
    from letopis.pipeline import extract_text
    rec = extract_text("Как сообщила официальный представитель МИД России Мария Захарова, в результате обстрела "
                       "пострадали трое российских граждан. Как сообщило агентство Reuters, жертв больше.")
    assert [(q.speaker, q.role) for q in rec.quotes] == [("Мария Захарова", "официальный представитель МИД России")]
    rec = extract_text("«Мы не допустим повторения январских событий», — заявил президент Касым-Жомарт Токаев.")
    assert [(q.speaker, q.role) for q in rec.quotes] == [("Касым-Жомарт Токаев", "президент")]


def test_a_body_cited_again_by_its_short_name_or_initials_is_one_source_and_an_experts_answer_is_the_interviewees():
    from letopis.pipeline import extract_text
    rec = extract_text("В Ижевске мужчина открыл стрельбу в школе, сообщили в Следственном комитете. По данным СК, он "
                       "был вооружен двумя пистолетами. Задержан подозреваемый, сообщает ГКНБ Таджикистана. По данным ГКНБ, "
                       "задержан один человек.")
    assert sorted(s.name for s in rec.sources) == ["ГКНБ Таджикистана", "Следственный комитет"]
    rec = extract_text("Эксперт: угроза сохраняется\n\nУгроза терроризма остается высокой, заявил в интервью КазТАГ "
                       "директор Центра исследования экстремизма Азамат Нурланов.\n\n— Азамат Серикович, насколько "
                       "велика угроза?\n\n— После прихода талибов к власти угроза выросла.\n\n— Что нужно делать?\n\n"
                       "— Прежде всего работать с молодежью. Запретами проблему не решить, — отметил эксперт.")
    assert [q.speaker for q in rec.quotes] == ["Азамат Нурланов", "Азамат Нурланов"]


def test_said_that_a_colon_after_a_complement_and_a_first_name_the_dictionary_knows_as_a_noun():
    from letopis.pipeline import extract_text
    rec = extract_text("Теракт в Бишкеке\n\nБишкек, 3 марта 2024 года. 24.kg.\n\nВо вторник у здания ГКНБ прогремел взрыв. "
                       "Председатель ГКНБ Камчыбек Ташиев заявил журналистам: «Все причастные будут найдены и наказаны».\n\n"
                       "«Мы усилили охрану всех административных зданий», — сообщил в своем Telegram-канале министр "
                       "внутренних дел Улан Ниязбеков.\n\nПрезидент Садыр Жапаров отметил, что ситуация находится под "
                       "контролем. «Паниковать не нужно», — добавил он.")
    assert [(q.speaker, q.text[:20]) for q in rec.quotes] == [
        ("Камчыбек Ташиев", "Все причастные будут"), ("Улан Ниязбеков", "Мы усилили охрану вс"),
        ("Садыр Жапаров", "ситуация находится п"), ("Садыр Жапаров", "Паниковать не нужно")]
    assert rec.published == "2024-03-03" and [s.name for s in rec.sources] == ["24.kg"]
    # the one named right before the verb said it, not the one she is the daughter of
    rec = extract_text("29 августа дочь президента Узбекистана Ислама Каримова Лолла Каримова сообщила, что её отец "
                       "попал в реанимацию.")
    assert [q.speaker for q in rec.quotes] == ["Лолла Каримова"]


def test_said_that_past_a_short_phrase_but_not_by_a_plural_verb():
    from letopis.pipeline import extract_text
    said = [[q.speaker for q in extract_text("Заголовок\n\n" + t, "2020-01-01").quotes] for t in (
        "Глава МВД Ерлан Тургумбаев в беседе с корреспондентом заявил, что угрозы для жителей нет.",
        "Ерлан Тургумбаев и его коллеги заявили, что угрозы для жителей нет.")]
    assert said == [["Ерлан Тургумбаев"], []]


def test_a_body_that_reports_by_its_whole_lower_case_name_and_its_initials_after_it_are_one_source():
    from letopis.pipeline import extract_text
    rec = extract_text("Задержаны подозреваемые\n\nДушанбе, 3 мая 2023 года. Ховар.\n\nПодозреваемых задержали, "
                       "сообщило Министерство внутренних дел республики. По данным МВД, изъято оружие.", "2023-05-03")
    cited = [s.name for s in rec.sources if s.relation == "cited"]
    assert cited == ["Министерство внутренних дел республики"]


def test_a_statement_of_a_body_referred_to_by_its_kind_is_the_body_named_before():
    from letopis.pipeline import extract_text
    rec = extract_text("Нападение на имама\n\nВ мечети мужчина с ножом ранил имама. В ДУМК осудили нападение. «Это "
                       "тяжкое преступление против священнослужителя», — говорится в заявлении управления.")
    assert [q.speaker for q in rec.quotes] == ["ДУМК"]


def test_unnamed_sources_are_cited_by_what_they_are_in_the_nominative():
    from letopis.pipeline import extract_text
    rec = extract_text("Убит глава города\n\nВ Подмосковье убит глава города, сообщает РИА Новости со ссылкой на источник "
                       "в правоохранительных органах. По словам очевидцев, стреляли дважды. Телеканал сообщает со "
                       "ссылкой на местные власти, что задержан подозреваемый.", "2016-08-22")
    cited = [s.name for s in rec.sources if s.relation == "cited"]
    assert cited == ["источник в правоохранительных органах", "очевидцы", "местные власти"]



def test_a_quote_an_outlet_cites_is_the_one_it_cites_and_the_expert_is_the_commentator_named():
    from letopis.pipeline import extract_text
    rec = extract_text("Министр внутренних дел Киргизии Улан Ниязбеков прибыл в Баткен.\n\n«Все населенные пункты "
                       "находятся под контролем», — цитирует министра пресс-служба ведомства.\n\nГлава области Абдыкадыр "
                       "Мамасалиев встретил его.\n\nПолитолог Марс Сариев считает, что конфликт может повториться.\n\n"
                       "«Пока не решен вопрос делимитации границы, риск остается», — сказал эксперт.\n\n«Это тревожный "
                       "знак для всех нас», — цитирует его РИА Новости.")
    assert [q.speaker for q in rec.quotes] == ["Улан Ниязбеков", "Марс Сариев", "Марс Сариев", "Марс Сариев"]


def test_a_role_after_in_interview_is_the_speaker_not_a_venue():
    from letopis.pipeline import extract_text
    rec = extract_text("«Угроза остается», — отметил в интервью Государственный секретарь РК. В интервью телеканалу "
                       "«Хабар 24» он рассказал о мерах безопасности.")
    assert [s.name for s in rec.sources if s.relation == "interview venue"] == ["«Хабар 24»"]


@pytest.mark.parametrize("said, speaker, role", [
    ("— сказал журналистам гособвинитель Нурлан Бекмуратов.", "Нурлан Бекмуратов", "гособвинитель"),
    ("— сказал корреспонденту ТАСС адвокат Сергей Малинин.", "Сергей Малинин", "адвокат"),
    ("— заявил РБК адвокат осужденного Сергей Малинин.", "Сергей Малинин", "адвокат осужденного"),
    ("— рассказал журналистам Тимошко.", "Тимошко", None),
    ("— заявил руководитель оперативного штаба в Республике Дагестан Сергей Меликов.", "Сергей Меликов",
     "руководитель оперативного штаба в Республике Дагестан"),
])
def test_whom_the_speaker_told_is_no_speaker_nor_his_role(said, speaker, role):
    from letopis.pipeline import extract_text
    rec = extract_text(f"Суд вынес приговор.\n\n«Мы будем обжаловать это решение в вышестоящем суде», {said}",
                       "2023-04-11")
    assert [(q.speaker, q.role) for q in rec.quotes] == [(speaker, role)]
    assert [p.roles for p in rec.persons] == [[role] if role else []]


def test_a_place_or_a_capitalised_post_in_a_role_before_a_name_is_the_roles_own():
    from letopis.pipeline import extract_text
    rec = extract_text("Совещание прошло в Нижнем Новгороде. Его провел полномочный представитель Президента России "
                       "в Приволжском федеральном округе Михаил Бабич. Ранен сотрудник полиции в Махачкале.",
                       "2013-12-11")
    assert [(p.name, p.roles) for p in rec.persons] == [
        ("Михаил Бабич", ["полномочный представитель Президента России в Приволжском федеральном округе"])]


@pytest.mark.parametrize("text, sources", [
    ("Глава Чечни Рамзан Кадыров, как передает ТАСС, пообещал найти нападавших.", [("ТАСС", "cited")]),
    ("Погибли 27 человек, сообщает газета Dawn.", [("Dawn", "cited")]),
    ("Агентство APA со ссылкой на очевидцев сообщает, что мужчина захватил заложников.",
     [("APA", "cited"), ("очевидцы", "cited")]),
    ("«Мы услышали хлопки и легли на пол», — рассказала изданию «Алтапресс» ученица. Телеграм-канал Mash пишет, "
     "что стрелок увлекался оружием.", [("Алтапресс", "cited"), ("Mash", "cited")]),
    ("Нападавшим, как сообщает газета The Times of Israel, оказался житель Наблуса.",
     [("The Times of Israel", "cited")]),
])
def test_an_outlet_the_article_cites_is_no_publisher_of_its_own(text, sources):
    from letopis.pipeline import extract_text
    rec = extract_text(f"Нападение\n\n{text}", "2023-05-10")
    assert sorted((s.name, s.relation) for s in rec.sources) == sorted(sources)


@pytest.mark.parametrize("quote", [
    '"Задержанный дает признательные показания. Возбуждено уголовное дело по статье 255 УК РК "Терроризм""',
    '«Задержанный дает признательные показания. Возбуждено уголовное дело по статье 255 УК РК "Терроризм"»',
    '«Мы добьемся, чтобы в законе было прописано понятие „общественного контроля“ и его формы»',
])
def test_a_title_quoted_inside_a_quote_keeps_the_quote_whole(quote):
    from letopis.pipeline import extract_text
    rec = extract_text(f"Нападение\n\n{quote}, — рассказала официальный представитель полиции Асель Утегенова.",
                       "2019-10-14")
    assert [(q.speaker, q.text) for q in rec.quotes] == [("Асель Утегенова", quote[1:-1])]


@pytest.mark.parametrize("text, source", [
    ("Число раненых возросло до 40, сообщило в пятницу Министерство здравоохранения Киргизии.",
     "Министерство здравоохранения Киргизии"),
    ("Имам получил ранения, сообщил РИА Новости источник в правоохранительных органах республики.",
     "источник в правоохранительных органах республики"),
    # the agency told between the verb and the office, and the office's owner after it
    ("Мужчина подорвал себя при задержании, сообщили ТАСС в пресс-службе МВД по республике.", "пресс-служба МВД"),
    ("Пострадавших нет, сообщили в пресс-службе МЧС региона.", "пресс-служба МЧС региона"),
])
def test_a_source_told_past_a_day_or_an_unnamed_teller_is_cited(text, source):
    from letopis.pipeline import extract_text
    assert (source, "cited") in [(s.name, s.relation) for s in extract_text(f"Новости\n\n{text}", "2023-05-10").sources]


def test_the_authorities_of_a_region_are_cited_whole():
    from letopis.pipeline import extract_text
    rec = extract_text("Бой\n\nТаджикская сторона сообщает о гибели восьми граждан, передаёт агентство «Ховар» со ссылкой "
                       "на власти Согдийской области.", "2022-09-16")
    assert ("власти Согдийской области", "cited") in [(s.name, s.relation) for s in rec.sources]


def test_he_after_a_quote_is_the_subject_of_the_sentence_just_before():
    from letopis.pipeline import extract_text
    rec = extract_text("Поджог мечети\n\nПо словам настоятеля храма отца Виталия, ущерб составил около 600 тысяч тенге. "
                       "Имам мечети \"Нурлан\" Ержан Ахметов призвал прихожан сохранять спокойствие. \"Мы простим этого "
                       "человека, но он должен ответить перед законом\", — отметил он.", "2020-01-27")
    assert [q.speaker for q in rec.quotes] == ["Виталий", "Ержан Ахметов"]


def test_a_capital_cited_for_its_government_is_named_in_the_nominative():
    from letopis.pipeline import extract_text
    rec = extract_text("Бой на границе\n\nПо данным Бишкека, погибли трое пограничников.", "2022-09-16")
    assert ("Бишкек", "cited") in [(s.name, s.relation) for s in rec.sources]


@pytest.mark.parametrize("text, source", [
    ("Об этом в четверг сообщил телеканал Geo News со ссылкой на местную полицию.", "Geo News"),
    ("Как сообщил телеканал TOLOnews со ссылкой на заместителя губернатора, раненых доставили в больницу.", "TOLOnews"),
    ("По данным телеканала Ariana News, власти подозревают ячейку группировки.", "Ariana News"),
])
def test_an_outlet_a_person_s_verb_or_a_preposition_cites_is_named_without_its_kind(text, source):
    from letopis.pipeline import extract_text
    rec = extract_text(f"Взрыв на рынке\n\n{text}", "2024-02-16")
    assert (source, "cited") in [(s.name, s.relation) for s in rec.sources]
    assert not any(s.name.lower().startswith(("телеканал", "агентств")) for s in rec.sources)


def test_a_person_s_report_verb_makes_no_source_of_the_person():
    from letopis.pipeline import extract_text
    rec = extract_text("Взрыв на рынке\n\nОб этом сообщил начальник полиции Мухаммад Али.", "2024-02-16")
    assert rec.sources == []


@pytest.mark.parametrize("header, publisher", [
    ("28.05.2024 19:45\n24.kg", "24.kg"),
    ("29 мая 2024, 10:15\nAsia-Plus", "Asia-Plus"),
    ("АКИpress\n3 марта 2022", "АКИpress"),
    ("2 апреля 2024\nБи-би-си, Русская служба", "Би-би-си, Русская служба"),
    ("25 июля 2024\n«Медуза»", "«Медуза»"),
])
def test_an_outlet_on_a_line_of_its_own_beside_the_date_line_publishes_the_text(header, publisher):
    from letopis.pipeline import extract_text
    rec = extract_text(f"Нападение на пост\n{header}\n\nВо вторник неизвестные обстреляли пост полиции, ранен сотрудник. "
                       "Об этом сообщает Le Parisien.")
    assert [(s.name, s.relation) for s in rec.sources] == [(publisher, "publisher"), ("Le Parisien", "cited")]


def test_a_byline_is_no_outlet():
    from letopis.pipeline import extract_text
    rec = extract_text("Нападение на пост\n28.05.2024 19:45\nИван Петров\n\nВо вторник неизвестные обстреляли пост полиции.")
    assert rec.sources == []


@pytest.mark.parametrize("text, speaker", [
    ("Глава республики Сергей Меняйло возложил цветы. \"Прошло 20 лет, но боль не утихает\", - сказал Меняйло "
     "журналистам.\n\nПредседатель комитета Анета Гадиева, чья дочь была в числе заложников, рассказала о вечере памяти. "
     "\"Многие из них сами уже стали родителями\", - отметила она.", "Анета Гадиева"),
    ("Прокурор Оливье Кристен заявил, что дело возбуждено. Министр внутренних дел Франции Жеральд Дарманен, прибывший на "
     "место трагедии, поблагодарил полицейских. «Благодаря их мужеству удалось избежать еще больших жертв», — написал он "
     "в соцсети X.", "Жеральд Дарманен"),
])
def test_he_or_she_after_a_quote_is_a_person_of_that_sex(text, speaker):
    from letopis.pipeline import extract_text
    rec = extract_text(f"Память\n\n{text}", "2024-09-01")
    assert rec.quotes[-1].speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    ("«Мы услышали хлопки, — говорит охранник соседнего отделения банка Игорь Никитин. — Сначала подумали, что это "
     "петарды, а потом люди начали выбегать на улицу».", "Игорь Никитин"),
    ("Президент США Дональд Трамп написал об этом в Твиттере. «Стрельба в Техасе. Первые сообщения выглядят плохо, — "
     "написал он. — Боже, благослови всех!».", "Дональд Трамп"),
])
def test_a_quote_split_around_its_speaker_is_two_spans_of_one_speaker(text, speaker):
    from letopis.pipeline import extract_text
    rec = extract_text(f"Стрельба\n\n{text}", "2024-03-02")
    assert [q.speaker for q in rec.quotes] == [speaker, speaker]
    assert all(rec.text[q.start:q.end] == q.text for q in rec.quotes)


def test_a_channel_that_reports_a_quote_is_named_with_its_name():
    from letopis.pipeline import extract_text
    rec = extract_text("Стрельба\n\n«Задержанный не сопротивлялся. Он сам положил оружие на пол», — сообщает Telegram-канал "
                       "«Подмосковье 112» со ссылкой на источник.", "2023-03-02")
    assert [q.speaker for q in rec.quotes] == ["Telegram-канал «Подмосковье 112»"]


@pytest.mark.parametrize("outlet", ["ТАСС", "РИА Новости"])
def test_the_outlet_a_source_told_is_no_speaker(outlet):
    from letopis.pipeline import extract_text
    rec = extract_text(f"Взрыв в Махачкале\n\n«Сработало самодельное взрывное устройство, мощность уточняется», — сообщил "
                       f"{outlet} источник в правоохранительных органах республики.", "2024-03-02")
    # (an unnamed source is no one's name: told by what he is)
    assert [(q.speaker, q.role) for q in rec.quotes] == [(None, "источник в правоохранительных органах республики")]


def test_a_reporter_s_byline_in_a_dateline_is_no_publisher():
    from letopis.pipeline import extract_text
    rec = extract_text("Взрыв в Киркуке\n\nБАГДАД, 22 января 2022. Собкор. Смертник подорвал себя у блокпоста, погибли "
                       "одиннадцать человек.")
    assert rec.sources == [] and rec.published == "2022-01-22"


def test_words_told_by_a_body_go_to_the_body_cited_before():
    from letopis.pipeline import extract_text
    rec = extract_text("Число погибших возросло до семи\n\nОб этом сообщило министерство здравоохранения Ставропольского края. "
                       "\"Ночью в краевой клинической больнице скончалась 46-летняя женщина\", - сказали в ведомстве.",
                       "2021-09-05")
    assert [q.speaker for q in rec.quotes] == ["министерство здравоохранения Ставропольского края"]


@pytest.mark.parametrize("signature, publisher", [("Москва 24", "Москва 24"), ("ГТРК «Ингушетия»", "ГТРК «Ингушетия»")])
def test_an_outlet_signing_the_last_line_publishes_the_text_but_a_byline_does_not(signature, publisher):
    from letopis.pipeline import extract_text
    body = "Захват банка\n\nВ пятницу мужчина захватил заложников в отделении банка. Об этом сообщает агентство «Москва».\n\n"
    assert ("«Москва»", "cited") in [(s.name, s.relation) for s in extract_text(body + signature, "2023-02-18").sources]
    assert [(s.name, s.relation) for s in extract_text(body + signature, "2023-02-18").sources][0] == (publisher, "publisher")
    assert all(s.relation != "publisher" for s in extract_text(body + "Мадина Хамхоева", "2023-02-18").sources)


def test_an_outlet_its_own_sources_speak_to_twice_publishes_the_text_and_a_print_issue_line_dates_it():
    from letopis.pipeline import extract_text
    rec = extract_text("Наезд на остановке\n\nВечером в среду автомобиль въехал в людей на остановке. Как сообщили "
                       "«Фонтанке» в ГУ МВД, погибли два человека. «Он даже не тормозил», — рассказал «Фонтанке» очевидец.",
                       published="2024-08-28")
    assert [(s.name, s.relation) for s in rec.sources if s.relation == "publisher"] == [("Фонтанка", "publisher")]
    rec = extract_text("Выстрелы на перемене\nГазета \"Коммерсантъ\" №213 от 19.11.2024, стр. 5\n\nВчера в Миассе студент "
                       "открыл стрельбу в колледже, погибли два человека.")
    assert rec.published == "2024-11-19" and ("Коммерсантъ", "publisher") in [(s.name, s.relation) for s in rec.sources]
    rec = extract_text("Заявление\n\nОфициальный представитель ведомства подтвердил «Известиям» эту информацию.",
                       published="2016-01-01")
    assert not any(s.relation == "publisher" for s in rec.sources)


@pytest.mark.parametrize("text, speaker", [
    ("«Мы скорбим вместе с семьями наших товарищей», — сказала руководитель пресс-службы МВД по КБР Марина Кештова.",
     "Марина Кештова"),
    ("«Мы годами учили охранников», — сказала мне директор одной из подмосковных школ Татьяна Белова.", "Татьяна Белова"),
    ("«Версия о теракте не рассматривается», — сообщил журналистам начальник ДЧС Шымкента Нурлан Абенов.",
     "Нурлан Абенов"),
    ("«Он был хорошим сыном», — сказал Kun.uz брат погибшего Бахтиёр Хамидов.", "Бахтиёр Хамидов"),
])
def test_the_speaker_named_after_a_long_role_or_an_outlet_told(text, speaker):
    from letopis.pipeline import extract_text
    rec = extract_text(f"Заявление\n\n{text}", published="2024-01-01")
    assert [q.speaker for q in rec.quotes] == [speaker]


def test_he_after_a_quote_is_the_last_one_who_spoke_not_the_people_spoken_of():
    from letopis.pipeline import extract_text
    rec = extract_text("Атака на судно\n\nКак сообщил изданию Lloyd's List представитель судоходной компании, погибли "
                       "филиппинские моряки Хосе Рейес и Марк Антонио Сантос. «Мы делаем все возможное, чтобы вернуть "
                       "наших людей домой», - заявил он.\n\nОфициальный представитель хуситов бригадный генерал "
                       "Мухаммед аль-Хамди в эфире телеканала заявил, что судно было атаковано. «Экипаж находится в "
                       "безопасном месте», - добавил он.", published="2025-09-25")
    said = {q.text[:20]: q.speaker for q in rec.quotes if not q.extra.get("indirect")}
    assert said == {"Мы делаем все возмож": None, "Экипаж находится в б": "Мухаммед аль-Хамди"}


def test_a_copyright_line_closing_the_page_names_its_publisher():
    from letopis.pipeline import extract_text
    rec = extract_text("Нападение на полицейского\n\nВ понедельник мужчина ударил ножом полицейского, сообщает The Times "
                       "of Israel со ссылкой на полицию.\n\n© NEWSru.co.il", published="2024-01-01")
    assert [(s.name, s.relation) for s in rec.sources][:2] == [("NEWSru.co.il", "publisher"),
                                                               ("The Times of Israel", "cited")]


def test_an_arabic_name_the_recogniser_missed_after_the_speaker_s_role():
    from letopis.pipeline import extract_text
    rec = extract_text("Теракт\n\n«Число погибших может вырасти», — сказал РИА Новости представитель полиции провинции "
                       "Балх Абдул Ахад Вардак.", published="2024-09-27")
    assert [(q.speaker, q.role) for q in rec.quotes] == [("Абдул Ахад Вардак", "представитель полиции провинции Балх")]


@pytest.mark.parametrize("text, publisher", [
    ("Итоги\n\nАСТАНА. КАЗИНФОРМ – Комитет национальной безопасности подвел итоги работы, передает корреспондент "
     "агентства. По данным МИА «Казинформ», задержаны 12 человек.", "КАЗИНФОРМ"),
    ("Обстрел\n\nБАКУ /Trend/ – 15 мая подразделения армии подвергли обстрелу позиции.", "Trend"),
    ("Экстрадиция\n\nИз Турции экстрадирован гражданин Узбекистана. Об этом Kun.uz сообщили в пресс-службе "
     "Генпрокуратуры.", "Kun.uz"),
    ("Заговор\nAPA, 27 февраля 2025, 16:40\n\nСГБ предотвратила теракт в мечети.", "APA"),
])
def test_an_agency_named_before_a_dash_the_outlet_told_and_one_opening_its_date_line_publish_the_text(text, publisher):
    from letopis.pipeline import extract_text
    rec = extract_text(text, published="2025-01-01")
    assert [s.name for s in rec.sources if s.relation == "publisher"] == [publisher]
    assert not any(s.relation == "cited" and "Казинформ" in s.name for s in rec.sources)


def test_the_one_told_named_in_the_dative_after_his_role_is_no_speaker_and_a_town_before_a_name_is_split_off():
    from letopis.pipeline import extract_text
    rec = extract_text("Нападение\n\n«Они стреляли в упор», — рассказала корреспонденту Би-би-си в Сринагаре Ахмеду Юсуфу "
                       "Дару туристка Сунита Десаи.", published="2024-05-15")
    assert [e.text for e in rec.entities if e.type == "PERSON"][0] == "Ахмеду Юсуфу Дару"
    assert [q.role for q in rec.quotes] == ["туристка"] and rec.quotes[0].speaker != "Ахмед Юсуф Дар"


@pytest.mark.parametrize("line, outlet", [("Deutsche Welle, 14.07.2025", "Deutsche Welle"),
                                          ("Sputnik Кыргызстан, 26 декабря 2025", "Sputnik Кыргызстан")])
def test_an_outlet_of_two_words_opening_its_date_line_is_the_publisher(line, outlet):
    from letopis.pipeline import extract_text
    rec = extract_text(f"Нападение с ножом в Оснабрюке\n\n{line}\n\nВ субботу в Оснабрюке мужчина напал с ножом на "
                       "прохожих, ранены двое.")
    assert (outlet, "publisher") in [(s.name, s.relation) for s in rec.sources]
    assert [i.country for i in rec.incidents] == ["DE"]


@pytest.mark.parametrize("text, expected", [
    ("Возбуждено уголовное дело. Начальник управления МВД заявил, что «все обстоятельства произошедшего будут "
     "тщательно проверены».", (None, "начальник управления МВД", "все обстоятельства произошедшего будут тщательно проверены")),
    ("Премьер-министр земли Гессен Фолькер Буфье напомнил, что Томас Шефер был вовлечен в кризис, и добавил, что "
     "«мы должны предположить, что он был очень обеспокоен».",
     ("Фолькер Буфье", None, "мы должны предположить, что он был очень обеспокоен")),
])
def test_words_in_guillemets_after_said_that_are_a_quote_of_the_subject(text, expected):
    """"X заявил, что «…»": the guillemets hold the speaker's own words; the speaker is the sentence's first name,
    else the post named before the verb."""
    from letopis.pipeline import extract_text
    got = [(q.speaker, q.role, q.text) for q in extract_text(text).quotes]
    assert any(g[0] == expected[0] and g[2] == expected[2] and (expected[1] is None or g[1] == expected[1])
               for g in got), got


def test_an_unnamed_source_is_no_earlier_speaker_and_the_one_told_is_no_role():
    """"По словам источника агентства, …" after a named speaker's quote is the source's, unnamed; in "Как сообщил
    журналистам министр X" the journalists are told, the minister speaks."""
    from letopis.pipeline import extract_text
    rec = extract_text("Неизвестные обстреляли патруль полиции в Махачкале, ранен один полицейский. «Нападавшие "
                       "скрылись на автомобиле», — сообщил представитель МВД Дагестана Гаджи Ахмедов.\n\nПо словам "
                       "источника агентства, нападавшие действовали по заранее разработанному плану. Как сообщил "
                       "журналистам министр внутренних дел Дагестана Абдурашид Магомедов, ведется розыск преступников.")
    got = {q.text[:20]: (q.speaker, q.role) for q in rec.quotes}
    assert got["нападавшие действова"] == (None, "источник агентства")
    assert got["ведется розыск прест"] == ("Абдурашид Магомедов", "министр внутренних дел Дагестана")


def test_a_post_with_its_body_abbreviated_is_the_one_who_holds_it():
    """"По словам заместителя председателя КНБ, …" after "заместитель председателя Комитета национальной
    безопасности Республики Казахстан Ерлан Сыздыков" is his."""
    from letopis.pipeline import extract_text
    rec = extract_text("Заместитель председателя Комитета национальной безопасности Республики Казахстан Ерлан "
                       "Сыздыков рассказал о работе ведомства в интервью агентству.\n\nПо словам заместителя "
                       "председателя КНБ, в текущем году особое внимание будет уделено профилактике вербовки.")
    got = [(q.speaker, q.text[:20]) for q in rec.quotes]
    assert ("Ерлан Сыздыков", "в текущем году особо") in got, got


def test_a_cited_body_runs_on_past_its_capitalised_word():
    """"сообщили в региональном управлении Следственного комитета": the whole body, not "… Следственного"."""
    from letopis.pipeline import extract_text
    rec = extract_text("Как сообщили в региональном управлении Следственного комитета России, возбуждено уголовное дело.")
    assert [s.name for s in rec.sources if s.relation == "cited"] == ["региональное управление Следственного комитета России"]


def test_an_outlet_that_specifies_is_cited_with_its_own_source():
    """"Как уточняет РИА Новости со ссылкой на источник в полиции": the agency and its source are both cited."""
    from letopis.pipeline import extract_text
    rec = extract_text("Как уточняет РИА Новости со ссылкой на источник в полиции, задержан подозреваемый.")
    assert [s.name for s in rec.sources if s.relation == "cited"] == ["РИА Новости", "источник в полиции"]


def test_a_speaker_named_by_surname_is_the_person_named_in_full_with_the_post():
    """"— заявил Рестрепо" after "генерал Хуан Карлос Рестрепо": his quote, with his post; "По словам
    прокуроров, Чжан …" is the prosecutors' (a plural post names no one person)."""
    from letopis.pipeline import extract_text
    rec = extract_text("Командующий полицией города генерал Хуан Карлос Рестрепо сообщил о завершении операции.\n\n"
                       "«Все заложники освобождены», — заявил Рестрепо.")
    assert [(q.speaker, q.role) for q in rec.quotes] == [("Хуан Карлос Рестрепо", "генерал")]
    rec = extract_text("Прокурор Чжан Инъин выступила в суде. По словам прокуроров, Чжан оказалась не в том месте.")
    assert [q.speaker for q in rec.quotes if q.text.startswith("Чжан")] == [None]


def test_the_body_a_press_office_of_the_agency_speaks_for_is_the_one_that_acted():
    """"Сотрудники ГКНБ Таджикистана задержали пособника нападения на отделение полиции, сообщила пресс-служба
    ведомства": the ГКНБ's press office, not the police's named after it."""
    from letopis.pipeline import extract_text
    rec = extract_text("Сотрудники ГКНБ Таджикистана задержали предполагаемого пособника участников нападения на "
                       "отделение полиции в Худжанде, сообщила пресс-служба ведомства.")
    assert [s.name for s in rec.sources if s.relation == "cited"] == ["пресс-служба ГКНБ Таджикистана"]


@pytest.mark.parametrize("said, role", [
    # the client in the genitive between the role and the speaker is not the speaker
    ("— заявил журналистам адвокат Бакирова Нурбек Алиев.", "адвокат"),
    # a role set off after the name, by a comma or a dash, is the speaker's
    ("— заявил журналистам Нурбек Алиев, адвокат Бакирова.", "адвокат"),
    ("— заявил журналистам Нурбек Алиев — адвокат Бакирова.", "адвокат"),
    # a clause about someone else after the name gives no role
    ("— заявил журналистам Нурбек Алиев, брат которого задержан.", None),
])
def test_the_speaker_after_the_verb_is_the_last_name_of_a_chain_and_takes_a_role_set_off_after_him(said, role):
    from letopis.pipeline import extract_text
    rec = extract_text(f"Суд в Бишкеке\n\n«Мой подзащитный не признает вину и будет обжаловать арест» {said}",
                       "2024-03-01")
    assert [(q.speaker, q.role) for q in rec.quotes] == [("Нурбек Алиев", role)]


@pytest.mark.parametrize("said, speaker", [
    ("— сообщили Газете.uz в пресс-службе МВД.", "пресс-служба МВД"),
    ("— сказали «Интерфаксу» в ГУВД.", "ГУВД"),
    ("— сообщили журналистам в МВД.", "МВД"),
])
def test_a_body_s_words_told_to_an_outlet_are_the_body_s(said, speaker):
    from letopis.pipeline import extract_text
    rec = extract_text(f"Задержание\n\nВ Ташкенте задержан подозреваемый в подготовке теракта. «Он признал вину» {said}",
                       "2024-03-01")
    assert [q.speaker for q in rec.quotes] == [speaker]


def test_a_post_over_a_body_gives_the_speaker_the_recogniser_missed_after_it():
    from letopis.pipeline import extract_text
    rec = extract_text("Задержание\n\nВ Бишкеке задержаны пятеро. «Все задержанные — граждане Кыргызстана», — отметил "
                       "начальник пресс-службы ГКНБ Тилек Мамытов.", "2024-03-01")
    assert [(q.speaker, q.role) for q in rec.quotes] == [("Тилек Мамытов", "начальник пресс-службы ГКНБ")]


@pytest.mark.parametrize("said, role", [
    ("— сказал собеседник агентства.", "собеседник агентства"),
    ("— сказал источник в силовых структурах.", "источник в силовых структурах"),
    ("— сказал источник агентству Рейтер.", "источник"),          # the outlet told is not who he is
])
def test_an_outlet_s_unnamed_source_is_told_by_what_he_is_and_never_by_another_s_name(said, role):
    from letopis.pipeline import extract_text
    rec = extract_text(f"Взрыв в Нальчике\n\nПодозреваемый Руслан Хамизов подорвал себя при задержании.\n\n"
                       f"«Во время проверки документов мужчина привел в действие взрывное устройство», {said}",
                       "2024-05-05")
    assert [(q.speaker, q.role) for q in rec.quotes] == [(None, role)]

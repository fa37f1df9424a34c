"""Read stage: encodings, HTML, JSONL, titles, datelines, boilerplate, bad input, stdin."""
from __future__ import annotations

import io
import json
import os
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from letopis.read import Document, ReadError, iter_documents, read_bytes, read_path, read_text
from letopis.read.decode import decode

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "examples" / "seeds"
KARIN = SEEDS / "karin-interview-2022.txt"
NEREL_TRAIN = SHARED / "data" / "nerel" / "train"
NEREL_003 = NEREL_TRAIN / "003.txt"

needs_seeds = pytest.mark.skipif(not KARIN.exists(), reason="../shared/examples/seeds is absent")
needs_nerel = pytest.mark.skipif(not NEREL_003.exists(), reason="../shared/data/nerel/train is absent")

PROMO = "Хочешь получать главные новости на свой телефон? Подпишись на наш Telegram-канал!"


def _spans_valid(d: Document) -> None:
    for s, e in d.boilerplate + [sp for sp in (d.title_span, d.dateline_span) if sp]:
        assert 0 <= s < e <= len(d.text)
        assert d.text[s:e] == d.text[s:e].strip()


# --------------------------------------------------------------------------- real texts

@needs_seeds
def test_karin_title_and_promo_line():
    [d] = read_path(KARIN)
    raw = KARIN.read_text("utf-8")
    assert d.text == raw and d.doc == "karin-interview-2022.txt" and d.encoding == "utf-8"
    assert d.title == "Ситуация сейчас очень серьезная."
    assert d.text[d.title_span[0]:d.title_span[1]] == d.title
    assert d.published is None
    junk = [d.text[s:e] for s, e in d.boilerplate]
    assert PROMO in junk
    _spans_valid(d)


@needs_nerel
def test_nerel_title_and_dateline():
    [d] = read_path(NEREL_003)
    assert d.title.startswith("Пулеметы, автоматы и снайперские винтовки")
    assert d.published == date(2008, 8, 5)
    assert d.text[d.dateline_span[0]:d.dateline_span[1]] == "05/08/2008 10:35"
    # An explicit date wins over the dateline.
    [d2] = read_path(NEREL_003, published="2008-08-06")
    assert d2.published == date(2008, 8, 6)


@needs_nerel
def test_nerel_folder_skips_ann_and_is_fast():
    items = list(iter_documents([str(NEREL_TRAIN)]))
    assert items and all(isinstance(i, Document) for i in items)
    assert not any(i.doc.endswith(".ann") for i in items)
    titled = sum(1 for i in items if i.title)
    assert titled / len(items) > 0.95


@pytest.mark.parametrize("line,expected", [
    ("05/08/2008 10:35", date(2008, 8, 5)),
    ("14 ноября 2011", date(2011, 11, 14)),
    ("2011-11-14", date(2011, 11, 14)),
    ("МОСКВА, 14 ноября 2011 г. — РИА Новости", date(2011, 11, 14)),
    ("Опубликовано: 14.11.2011 в 10:35", date(2011, 11, 14)),
    ("Deutsche Welle, 14.07.2025", date(2025, 7, 14)),         # an outlet of two words, or a Latin and a Russian one
    ("Sputnik Кыргызстан, 26 декабря 2025", date(2025, 12, 26)),
    # the town and the agency before the date
    ("БИШКЕК (АКИpress) — 10 апреля 2023 г., 11:20", date(2023, 4, 10)),
    ("ШЫМКЕНТ. КАЗИНФОРМ – 22 ноября 2021, 14:35", date(2021, 11, 22)),
])
def test_datelines(line, expected):
    d = read_text(f"Взрыв в центре города\n{line}\nВ субботу в центре города прогремел взрыв.")
    assert d.published == expected and d.title == "Взрыв в центре города"


@pytest.mark.parametrize("lead,expected,span", [
    ("АКТОБЕ, 6 июня 2016 года. Группа вооруженных людей напала на оружейный магазин в центре города.",
     date(2016, 6, 6), "АКТОБЕ, 6 июня 2016 года."),
    ("НУР-СУЛТАН, 12.03.2019 — Сотрудники полиции задержали подозреваемого в подготовке теракта в столице.",
     date(2019, 3, 12), "НУР-СУЛТАН, 12.03.2019 —"),
    ("КАБУЛ, 14 марта. Не менее 12 человек погибли в результате взрыва на рынке в центре столицы.", None, None),
    ("В Москве, 5 мая 2019 года, на рынке в центре города прогремел взрыв, погибли два человека.", None, None),
])
def test_an_agency_dateline_opening_the_lead(lead, expected, span):
    """The agency's place in capitals and a date with its year open the lead; the rest is the story."""
    d = read_text(f"Нападение в центре города\n{lead}")
    assert d.published == expected
    assert (d.text[slice(*d.dateline_span)] if d.dateline_span else None) == span


def test_a_date_inside_a_sentence_is_not_a_dateline():
    d = read_text("Умер актер\n5 июня 2016 года в Москве скончался актер театра и кино.")
    assert d.published is None and d.dateline_span is None


@pytest.mark.parametrize("text,title", [
    ("Ситуация сейчас очень серьезная.\nГоссекретарь прокомментировал события.", "Ситуация сейчас очень серьезная."),
    ("В Москве задержаны трое\n\nСотрудники ФСБ задержали троих.", "В Москве задержаны трое"),
    ("Чувашия чтит космонавта А. Г. Николаева\nПятого сентября исполнилось 80 лет.", "Чувашия чтит космонавта А. Г. Николаева"),
    # a long first paragraph, a single line, a hard-wrapped paragraph, dialogue: no title
    ("Ричард Бах попал в авиакатастрофу. Ричард Бах и его жена были на аэродроме. Он ранен.\nДалее.", None),
    ("Один абзац без заголовка.", None),
    ("В Москве сегодня утром на станции метро произошел взрыв, по данным\nследствия, погибли пять человек.", None),
    ("— Да, это так.\n— Спасибо.", None),
])
def test_title_rule(text, title):
    assert read_text(text).title == title


def test_given_title_is_kept_and_located():
    d = read_text("Взрыв в Москве\nТекст новости.", title="Взрыв в Москве")
    assert d.title_span == (0, 14)
    d = read_text("Текст новости без заголовка, длинный и подробный.", title="Другое")
    assert d.title == "Другое" and d.title_span is None


def test_boilerplate_lines_and_sentences_keep_the_text():
    text = ("Взрыв на рынке\n"
            "Фото: РИА Новости / Иван Петров\n"
            "На рынке взорвалась бомба, ранены двое. Подписывайтесь на наш канал в Дзене!\n"
            "Читайте также:\n"
            "В Самаре задержан подозреваемый в подготовке теракта\n"
            "Реклама\n"
            "Реклама табака запрещена законом.\n"
            "ВКонтакте Одноклассники Telegram\n")
    d = read_text(text)
    assert d.text == text
    junk = [text[s:e] for s, e in d.boilerplate]
    assert junk == ["Фото: РИА Новости / Иван Петров", "Подписывайтесь на наш канал в Дзене!",
                    "Читайте также:", "В Самаре задержан подозреваемый в подготовке теракта",
                    "Реклама", "ВКонтакте Одноклассники Telegram"]
    _spans_valid(d)


# --------------------------------------------------------------------------- encodings

@needs_seeds
@pytest.mark.parametrize("codec", ["cp1251", "koi8_r", "cp866", "iso8859_5"])
def test_real_text_in_legacy_codepages(codec, tmp_path):
    raw = KARIN.read_text("utf-8")
    path = tmp_path / "karin.txt"
    path.write_bytes(raw.encode(codec, errors="replace"))
    [d] = read_path(path)
    assert d.text == raw.encode(codec, errors="replace").decode(codec)
    assert d.encoding == codec and d.title == "Ситуация сейчас очень серьезная."


@pytest.mark.parametrize("text", [
    "Взрыв в Москве\nПогибли пять человек.",
    "ВЗРЫВ В МОСКВЕ\nпогибли пять человек",
    "В Грозном задержан боевик",
    "Нападение на пост ДПС",
])
@pytest.mark.parametrize("codec", ["koi8_r", "cp1251"])
def test_short_texts_are_detected(text, codec):
    decoded, encoding, _ = decode(text.encode(codec), "x")
    assert (decoded, encoding) == (text, codec)


def test_utf8_bom_and_utf16():
    text = "Взрыв в Москве\nПогибли пять человек."
    assert read_bytes(b"\xef\xbb\xbf" + text.encode(), "x").text == text
    assert read_bytes(text.encode("utf-16"), "x").text == text


def test_truncated_utf8_keeps_what_is_valid():
    data = "Взрыв в Москве\nПогибли пять человек".encode()[:-1]
    d = read_bytes(data, "cut.txt")
    assert d.text == "Взрыв в Москве\nПогибли пять челове"
    assert d.warnings and "truncated UTF-8" in d.warnings[0]


# --------------------------------------------------------------------------- bad input

def test_empty_and_blank_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    items = list(iter_documents([str(tmp_path)]))
    assert [type(i) for i in items] == [ReadError, ReadError]
    assert "empty file" in items[1].message and "whitespace" in items[0].message


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    with pytest.raises(ReadError, match="binary file.*PNG"):
        read_path(path)
    path.write_bytes(os.urandom(3000))
    [err] = list(iter_documents([str(path)]))
    assert isinstance(err, ReadError) and err.doc == "image.txt"


def test_large_file_is_refused_with_a_message(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:   # sparse: instant
        fh.seek(50 * 1024 * 1024 - 1)
        fh.write(b"a")
    [err] = list(iter_documents([str(big)]))
    assert isinstance(err, ReadError)
    assert err.message == "file is 52.4 MB, over the 20 MB limit; split it or raise --max-bytes"
    with pytest.raises(ReadError, match="over the 0.001 MB limit"):
        read_bytes(b"x" * 2000, "b", max_bytes=1000)


def test_missing_paths_and_empty_globs(tmp_path):
    items = list(iter_documents([str(tmp_path / "nope.txt"), str(tmp_path / "*.zzz")]))
    assert [i.message for i in items] == ["no such file or folder", "no files match this pattern"]


def test_bad_published_is_a_clear_error():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        list(iter_documents(["-"], published="14th of Nov"))


# --------------------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="windows-1251">
<title>В Таразе погибли семь человек — Новости</title>
<meta property="og:title" content="В Таразе погибли семь человек">
<meta property="article:published_time" content="2011-11-14T09:30:00+06:00">
</head><body>
<nav><ul><li><a href="/">Главная</a></li><li><a href="/politics">Политика</a></li></ul></nav>
<header><div class="logo">Вечерние новости</div><a href="/login">Войти</a></header>
<article><h1>В Таразе погибли семь человек</h1>
<p>В субботу в Таразе неизвестный открыл стрельбу из автомата Калашникова, погибли семь человек,
в том числе пятеро сотрудников правоохранительных органов.</p>
<p>По данным МВД, нападавший, 34-летний житель города, ограбил оружейный магазин, а затем привел
в действие самодельное взрывное устройство.</p>
<p>Возбуждено уголовное дело по статье «Терроризм». На месте работают следователи и эксперты.</p>
<p>Подпишись на наш Telegram-канал!</p></article>
<aside><h3>Популярное</h3><ul><li><a href="/a">Курс доллара вырос</a></li></ul></aside>
<footer><p>© 2011 Вечерние новости. Все права защищены.</p><p>Мы используем файлы cookie.</p></footer>
</body></html>"""


@pytest.mark.parametrize("codec", ["cp1251", "utf-8"])
def test_html_page(codec, tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.encode(codec))
    [d] = read_path(path)
    assert d.format == "html" and d.encoding == codec
    assert d.title == "В Таразе погибли семь человек"
    assert d.published == date(2011, 11, 14)
    assert "автомата Калашникова" in d.text
    for junk in ("Политика", "Войти", "Курс доллара", "cookie", "Все права защищены"):
        assert junk not in d.text
    assert [d.text[s:e] for s, e in d.boilerplate] == ["Подпишись на наш Telegram-канал!"]
    # sniffed without an extension too
    assert read_bytes(PAGE.encode(codec), "page").format == "html"


# --------------------------------------------------------------------------- JSONL, stdin

def test_jsonl_with_a_broken_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": "Взрыв в Москве\nПогибли двое.", "published": "2011-11-14"}, ensure_ascii=False),
        '{"text": "оборванная строка',
        json.dumps({"id": "n3", "title": "Теракт", "text": "В Грозном задержан боевик.",
                    "url": "https://example.ru/3", "published": "2012-01-02T10:00:00+03:00"},
                   ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    items = list(iter_documents([str(path)], published="2000-01-01"))
    assert [type(i) for i in items] == [Document, ReadError, Document]
    first, bad, third = items
    assert first.doc == "feed.jsonl:1" and first.published == date(2011, 11, 14)
    assert first.title == "Взрыв в Москве" and first.format == "jsonl"
    assert bad.doc == "feed.jsonl:2" and "bad JSON" in bad.message
    assert third.doc == "n3" and third.title == "Теракт" and third.url == "https://example.ru/3"
    assert third.published == date(2012, 1, 2)


def test_stdin_text_and_jsonl(monkeypatch):
    data = "Взрыв в Москве\nПогибли пять человек.".encode("koi8_r")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [d] = list(iter_documents(["-"]))
    assert d.doc == "<stdin>" and d.encoding == "koi8_r" and d.title == "Взрыв в Москве"
    feed = b'{"text": "one"}\n{"text": "two"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(feed)))
    assert [d.text for d in iter_documents(["-"])] == ["one", "two"]


def test_folder_walk_and_globs(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text("Текст один.", "utf-8")
    (tmp_path / "sub" / "b.txt").write_text("Текст два.", "utf-8")
    (tmp_path / "sub" / "b.ann").write_text("T1\tPERSON 0 5\tТекст", "utf-8")
    (tmp_path / ".hidden" / "c.txt").write_text("скрытый", "utf-8")
    (tmp_path / "expected.json").write_text("{}", "utf-8")
    assert [d.doc for d in iter_documents([str(tmp_path)])] == ["a.txt", os.path.join("sub", "b.txt")]
    assert [d.doc for d in iter_documents([str(tmp_path)], recursive=False)] == ["a.txt"]
    assert [d.doc for d in iter_documents([str(tmp_path / "**" / "*.txt")])] == ["a.txt", "b.txt"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Взрыв в Москве.\n Фото: Читайте также!?—«»0123456789/")),
               max_size=300))
def test_any_text_reads_with_valid_spans(text):
    d = read_text(text)
    assert d.text == text
    _spans_valid(d)


def test_a_date_line_over_the_headline_is_the_publication_date_not_the_title():
    from letopis.read import read_text
    doc = read_text("12.03.2019 14:20\n\nВ Назрани взорван автомобиль полицейского\n\nВ ночь на воскресенье в "
                    "Назрани неизвестные взорвали автомобиль.")
    assert (str(doc.published), doc.title) == ("2019-03-12", "В Назрани взорван автомобиль полицейского")


@pytest.mark.parametrize("line,expected,agency", [
    ("МОСКВА, 24 марта 2024 года. ТАСС.", date(2024, 3, 24), "ТАСС"),
    ("Алматы. 12 января 2022 года. КазТАГ", date(2022, 1, 12), "КазТАГ"),
    ("Санкт-Петербург, 10 декабря 2019. Фонтанка.ру.", date(2019, 12, 10), "Фонтанка.ру"),
    ("ВОЛГОГРАД, 29 декабря — Интерфакс.", None, "Интерфакс"),
    ("Махачкала, 24 июня. РИА Новости.", None, "РИА Новости"),
    ("ГРОЗНЫЙ, 4 декабря 2014. /ИТАР-ТАСС/. Боевики атаковали пост ГИБДД.", date(2014, 12, 4), "ИТАР-ТАСС"),
    ("КАБУЛ, 14 марта. Не менее 12 человек погибли в результате взрыва на рынке.", None, None),
    ("15 марта 2023 г., 10:45 — Газета.uz", date(2023, 3, 15), "Газета.uz"),
    ("Москва. 12 марта. INTERFAX.RU -", None, "INTERFAX.RU"),
    # an outlet named by an adjective and a noun ending its line
    ("Махачкала, 20 июля 2013 года. Кавказский узел.", date(2013, 7, 20), "Кавказский узел"),
    ("Москва, 3 мая 2020 года. Новая газета", date(2020, 5, 3), "Новая газета"),
    # with no town first, only a site is an agency
    ("2 мая 2013 года Уоррен Баффет — крупнейший в мире инвестор.", None, None),
])
def test_an_agency_line_gives_its_date_when_it_has_a_year_and_always_its_agency(line, expected, agency):
    from letopis.read.dates import find_agency
    d = read_text(f"Взрыв в центре города\n{line}\nВ субботу в центре города прогремел взрыв.")
    found = find_agency(d.text, d.title_span[1])
    assert d.published == expected and (d.text[slice(*found)] if found else None) == agency
    # the agency's line is metadata, the story starts after it
    assert (d.dateline_span is not None) == (agency is not None)


def test_the_site_a_page_or_record_names_in_its_metadata_publishes_it_when_the_text_names_none():
    from letopis.pipeline import process_document
    from letopis.read.reader import read_bytes, read_record
    page = ("<html><head><meta charset='utf-8'><title>Стрельба в кафе</title>"
            "<meta property='og:site_name' content='Vlast.kz'></head><body><article><h1>Стрельба в кафе</h1>"
            "<p>В воскресенье вечером в Шымкенте мужчина открыл стрельбу в кафе, сообщает пресс-служба полиции.</p>"
            "<p>В результате стрельбы погиб один человек, еще двое получили ранения.</p></article></body></html>")
    rec = process_document(read_bytes(page.encode(), "page.html", "2023-08-14"))
    assert [(s.name, s.relation) for s in rec.sources][:1] == [("Vlast.kz", "publisher")]
    rec = process_document(read_record({"text": "В Алматы неизвестный открыл стрельбу, ранены двое.",
                                        "source": "https://www.zakon.kz/news/1"}, "r1"))
    assert [(s.name, s.relation) for s in rec.sources] == [("zakon.kz", "publisher")]
    # an agency the text names wins: "МОСКВА, 5 марта 2020 — РИА Новости."
    rec = process_document(read_record({"text": "Взрыв\nМОСКВА, 5 марта 2020 — РИА Новости.\nВ Москве прогремел "
                                                "взрыв.", "source": "news.example.org"}, "r2"))
    assert [(s.name, s.relation) for s in rec.sources] == [("РИА Новости", "publisher")]


def test_a_labelled_publication_date_under_the_article_dates_it():
    from letopis.pipeline import extract_text
    rec = extract_text("В Душанбе мужчина с ножом напал на милиционеров\n\nВечером в пятницу в районе Сино неизвестный "
                       "напал с ножом на милиционеров, один погиб.\n\nНападавший задержан.\n\nВозбуждено уголовное дело."
                       "\n\nВедется следствие.\n\nПохороны состоялись в субботу.\n\nИнформация уточняется.\n\n"
                       "Опубликовано: 03.04.2021, 18:42\nТеги: Душанбе, МВД")
    assert rec.published == "2021-04-03" and [i.date for i in rec.incidents] == ["2021-04-02"]


def test_a_bare_date_closing_the_text_is_no_publication_date():
    from letopis.pipeline import extract_text
    rec = extract_text("Нападение на пост\n\nВечером в пятницу неизвестный напал с ножом на милиционеров.\n\nОдин из них "
                       "ранен.\n\nНападавший скрылся.\n\nВозбуждено уголовное дело.\n\nВедется розыск.\n\nИнформация "
                       "уточняется.\n\n12.03.2019")
    assert rec.published is None


def test_random_high_bytes_that_read_as_cyrillic_letters_but_make_no_words_are_refused(tmp_path):
    import random
    from letopis.read import read_path
    from letopis.read.document import ReadError
    rnd = random.Random(7)
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(rnd.randrange(0xC0, 0x100) for _ in range(200)))
    with pytest.raises(ReadError, match="make no words"):
        read_path(path)
    text = "Во вторник в Бишкеке мужчина с гранатой захватил заложников в отделении банка."
    (tmp_path / "real.txt").write_bytes(text.encode("cp1251"))
    assert read_path(tmp_path / "real.txt")[0].text == text


def test_a_page_s_address_with_its_date_in_the_path_dates_the_text():
    from letopis.read.reader import read_text
    doc = read_text("В Петербурге мужчина с ножом напал на полицейских\nhttps://www.fontanka.ru/2022/03/15/70511234/\n\n"
                    "Вечером в понедельник мужчина напал с ножом на патрульных полицейских.")
    assert str(doc.published) == "2022-03-15"
    doc = read_text("Заголовок\n\nТекст статьи о нападении.\n\nИсточник: https://site.kz/news/2021/13/45/x")
    assert doc.published is None


@pytest.mark.parametrize("line, day", [
    ("03.09.2024, 15:42 (обновлено: 16:10)", "2024-09-03"),
    ("Asia-Plus, 9 июля 2024 г., 11:15", "2024-07-09"),
    ("Trend, 16.05.2023, 09:12", "2023-05-16"),
    ("27 февраля 2024, 12:18 | Москва 24", "2024-02-27"),
])
def test_date_lines_with_an_update_stamp_an_outlet_first_or_after_a_bar(line, day):
    from letopis.read.reader import read_text
    assert str(read_text(f"Заголовок статьи\n{line}\n\nВ понедельник произошло нападение.").published) == day


def test_a_date_line_over_the_title_dates_the_story_when_the_agency_line_gives_no_year():
    """'14 ноября 2024, 11:52' / headline / 'ПЕРМЬ, 14 ноября. /ТАСС/.': the first line's date is the publication's."""
    doc = read_text("14 ноября 2024, 11:52\nВ Перми подросток напал на учеников школы\n\nПЕРМЬ, 14 ноября. /ТАСС/. "
                    "Девятиклассник напал с ножом на учеников, пострадали четыре человека.", doc="tass.txt")
    assert doc.published == date(2024, 11, 14)
    assert doc.title == "В Перми подросток напал на учеников школы"

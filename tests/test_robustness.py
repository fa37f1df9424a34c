"""Robustness: 10,000 generated texts through `letopis.extract` — no exception, every offset valid.

Texts mix Russian news-like sentences built from real vocabulary (casualties, numerals in words and
digits, huge numbers, dates, times, quotes, criminal-code references, weapons) with Latin, Kazakh,
Arabic, CJK, emoji, control characters, broken markup and very long tokens. Each record is checked
generically: every {start, end} object and every span list lies inside the text, and where the
object carries the span's text, `text[start:end]` equals it; the record is strict JSON.

Derandomised (same examples every run) so CI is deterministic; the examples are split over several
test functions so `pytest -n 2` spreads them over both workers."""
from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import letopis


def _settings(n: int) -> settings:
    return settings(max_examples=n, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


# ---- vocabulary ---------------------------------------------------------------------------------

NUM_WORDS = ["один", "два", "двое", "трое", "пять", "семь", "семеро", "десять", "двенадцать",
             "двадцать три", "сорок", "сто", "сто двадцать", "тысяча", "полторы тысячи",
             "несколько", "десятки", "более двухсот", "около 40", "свыше 2 тыс."]
HUGE = [str(10 ** 30), str(10 ** 18 + 7), "9" * 60, "1e308", "-0", "0000000", "1,5", "2.000.000",
        "12 345 678", "10^30", "⅓", "٣٤", "１２３", "½", "2³", "-7", "+7 (727) 123-45-67"]
NOUNS = ["человек", "человека", "полицейских", "военнослужащих", "мирных жителей", "детей",
         "сотрудника ОВД", "боевиков", "террористов", "заложников", "пассажиров"]
VERBS = ["погибли", "погиб", "ранены", "получили ранения", "убиты", "пострадали", "госпитализированы",
         "были ликвидированы", "скончались в больнице", "взяты в заложники", "задержаны"]
MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
          "октября", "ноября", "декабря", "январе", "мае"]
PLACES = ["в Таразе", "в Алматы", "в Актобе", "в Москве", "в Махачкале", "в Оше", "в Самарканде",
          "на Северном Кавказе", "в Жамбылской области", "в Грозном", "в Нальчике", "в Астане"]
WEAPONS = ["РПГ-26", "АК-74", "автомат Калашникова", "СВУ", "пояс шахида", "гранату Ф-1",
           "пистолет Макарова", "нож", "охотничье ружье", "тротиловом эквиваленте 5 кг", "ПМ",
           "бутылку с зажигательной смесью", "Mazda-626", "ВАЗ-21099", "КамАЗ", "Су-25"]
CODES = ["УК РК", "УК РФ", "УК КР", "УК РУз", "УК", "Уголовного кодекса Республики Казахстан",
         "УК Украины"]
ROLES = ["старший сержант полиции", "начальник РОВД", "майор", "Государственный секретарь РК",
         "пресс-секретарь МВД", "следователь", "прокурор", "генерал-лейтенант"]
NAMES = ["Полат Аямкулов", "Максат Кариев", "Ерлан Карин", "Иван Петров", "Рамзан Кадыров",
         "Айгерим Сулейменова", "Р. Х. Иванов", "Ахмед-Хаджи", "Ибн аль-Хаттаб"]
WORDS = ["сообщает", "МВД", "теракт", "взрыв", "нападение", "по данным", "источник", "ранее",
         "в результате", "спецоперации", "КНБ", "ФСБ", "боевики", "захватили", "здание", "акимата",
         "ТАСС", "Интерфакс", "МИА «Казинформ»", "Vecher.kz", "также", "вчера", "сегодня", "утром",
         "в субботу", "в ночь на", "позавчера", "на прошлой неделе", "т.е.", "г.", "ул. Ленина, д. 5"]

LATIN = ["the", "police", "said", "Reuters", "AFP", "killed", "RPG-7", "ISIS", "al-Qaeda", "e.g.",
         "http://example.com/a?b=1&c=2", "user@mail.kz", "CamelCase", "x" * 40]
KAZAKH = ["әкімдік", "ғимарат", "қала", "Қазақстан", "өңір", "ұлттық", "үкімет", "һәм", "іс",
          "ҚР ІІМ", "Алматыда 3 адам қаза болды", "әғқңөұүһі", "ӘҒҚҢӨҰҮҺІ"]
ARABIC = ["الله", "داعش", "قتل ٣ أشخاص", "بسم الله الرحمن الرحيم", "\u200fمرحبا\u200f"]
CJK = ["北京", "恐怖袭击", "死亡7人", "東京都", "ソウル", "한국어", "中华人民共和国"]
EMOJI = ["💣", "🔥🔥", "😢", "👮\u200d♂️", "🇰🇿", "🇷🇺", "❗️", "⚠", "𝕬𝖇𝖈", "🧨💥"]
CONTROLS = [chr(c) for c in range(0x20)] + ["\x7f", "\x85", "\u200b", "\u200c", "\u200d", "\ufeff",
                                            "\u2028", "\u2029", "\u00ad", "\u202e", "\u2060",
                                            "\r\n", "\r", "\t\t", "\ufffd", "\u0301", "\u0306"]
MARKUP = ["<p>", "</p>", "<br>", "<br/>", "&nbsp;", "&laquo;", "&raquo;", "&#8212;", "&amp;", "&lt;",
          "]]>", "<![CDATA[", "<!--", "-->", "<script>alert(1)</script>", "<div class=\"x\">",
          "<a href='", "</", "<<", ">>", "{{", "}}", "**", "__", "[1]", "[[", "]]", "| ---- |",
          "\\n", "%s", "${x}", "<?xml version=\"1.0\"?>", "<html><body>", "&#x0;", "&#0;"]
QUOTE_CHARS = ["«", "»", "„", "“", "”", "\"", "'", "‘", "’", "‹", "›", "—", "–", "-", "…", "(", ")"]


def _pick(xs: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(xs)


number = st.one_of(st.integers(0, 2000).map(str), _pick(NUM_WORDS), _pick(HUGE),
                   st.integers(-10 ** 40, 10 ** 40).map(str))
day = st.one_of(st.integers(0, 40).map(str), st.builds(lambda a, b: f"{a}-{b}", st.integers(0, 35),
                                                       st.integers(0, 35)))
date_phrase = st.one_of(
    st.builds(lambda d, m: f"{d} {m}", day, _pick(MONTHS)),
    st.builds(lambda d, m, y: f"{d} {m} {y} года", day, _pick(MONTHS), st.integers(0, 99999)),
    st.builds(lambda d, m, y: f"{d:02d}.{m:02d}.{y}", st.integers(0, 99), st.integers(0, 99),
              st.integers(0, 9999)),
    st.builds(lambda y: f"в {y} году", st.integers(-100, 10 ** 6)),
    st.builds(lambda m, y: f"в {m} {y}", _pick(MONTHS), st.integers(0, 3000)),
)
time_phrase = st.one_of(
    st.builds(lambda h, m: f"в {h}:{m:02d}", st.integers(0, 99), st.integers(0, 99)),
    st.builds(lambda h, m: f"около {h}.{m:02d} по местному времени", st.integers(0, 30),
              st.integers(0, 70)),
    st.builds(lambda h, p: f"в {h} часов {p}", st.integers(0, 30),
              _pick(["утра", "вечера", "ночи", "дня", ""])),
)
casualty = st.one_of(
    st.builds(lambda v, n, w: f"{v} {n} {w}", _pick(VERBS), number, _pick(NOUNS)),
    st.builds(lambda n, w, v: f"{n} {w} {v}", number, _pick(NOUNS), _pick(VERBS)),
    st.builds(lambda n: f"число погибших возросло до {n}", number),
    st.builds(lambda n, m: f"погибли {n} человек, еще {m} ранены", number, number),
)
charge = st.one_of(
    st.builds(lambda p, a, c: f"ч. {p} ст. {a} {c}", st.integers(0, 12), st.integers(0, 999), _pick(CODES)),
    st.builds(lambda a, c: f"по статье {a} {c}", st.one_of(st.integers(0, 400).map(str), _pick(HUGE)),
              _pick(CODES)),
    st.builds(lambda p, a, c: f"пункт «{p}» части 2 статьи {a} {c} (терроризм)",
              _pick(["а", "б", "ж", "з", ""]), st.integers(0, 400), _pick(CODES)),
    st.builds(lambda a, b: f"ст.ст. {a}, {b} УК", st.integers(0, 400), st.integers(0, 400)),
)
quote = st.one_of(
    st.builds(lambda q, s: f"«{q}», — сказал {s}.", st.text(max_size=30), _pick(NAMES)),
    st.builds(lambda s, r, q: f"{r} {s} заявил: «{q}", _pick(NAMES), _pick(ROLES), st.text(max_size=40)),
    st.builds(lambda q: f"„{q}“ »« «{q}", st.text(max_size=20)),
    st.builds(lambda a, b: f"«{a} «{b}» {a}»»", _pick(WORDS), _pick(NAMES)),
)
weapon = st.one_of(
    _pick(WEAPONS),
    st.builds(lambda w, n: f"из {w} калибра {n} мм", _pick(WEAPONS), number),
    st.builds(lambda n, w: f"изъято {n} единиц оружия, в том числе {w}", number, _pick(WEAPONS)),
    st.builds(lambda a, b: f"{a}-{b}", st.sampled_from(["РПГ", "АК", "ПМ", "СВД", "Су", "Ми"]),
              st.integers(0, 10 ** 12)),
)
person = st.one_of(_pick(NAMES), st.builds(lambda r, n: f"{r} {n}", _pick(ROLES), _pick(NAMES)),
                   st.builds(lambda n, a: f"{n}, {a} лет,", _pick(NAMES), number),
                   st.builds(lambda a: f"{a}-летний житель", number))
russian_piece = st.one_of(casualty, date_phrase, time_phrase, charge, quote, weapon, person,
                          _pick(PLACES), _pick(WORDS), _pick(QUOTE_CHARS))
SEPS = [" ", " ", " ", ". ", ", ", "\n", "\n\n", "", " — ", ": ", "; ", "!", "?", "...", "\t"]


@st.composite
def sentences(draw: st.DrawFn, pieces: st.SearchStrategy[str], max_pieces: int = 6) -> str:
    parts = draw(st.lists(pieces, max_size=max_pieces))
    out = []
    for p in parts:
        out.append(p)
        out.append(draw(_pick(SEPS)))
    return "".join(out)


def long_token(alphabet: str) -> st.SearchStrategy[str]:
    return st.builds(lambda c, n: c * n, st.sampled_from(list(alphabet)), st.integers(100, 1500))


noise = st.one_of(_pick(LATIN), _pick(KAZAKH), _pick(ARABIC), _pick(CJK), _pick(EMOJI),
                  _pick(CONTROLS), _pick(MARKUP), _pick(HUGE), _pick(QUOTE_CHARS))
published = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()),
                      st.sampled_from(["2011-11-14", "2022-01-07", "1999-12-31", "2024-02-29"]))


# ---- the check ----------------------------------------------------------------------------------

def _is_span(v: Any) -> bool:
    return (isinstance(v, (list, tuple)) and len(v) == 2
            and all(isinstance(x, int) and not isinstance(x, bool) for x in v))


def check_offsets(node: Any, text: str, path: str = "record") -> None:
    """Every object with int start/end lies in the text (and matches its `text` when it has one);
    every `evidence`, `mentions` and `field_evidence` span lies in the text."""
    n = len(text)
    if isinstance(node, dict):
        s, e = node.get("start"), node.get("end")
        if isinstance(s, int) and isinstance(e, int):
            assert 0 <= s <= e <= n, f"{path}: span [{s}, {e}) outside text of {n} chars: {node}"
            if isinstance(node.get("text"), str):
                assert text[s:e] == node["text"], \
                    f"{path}: text[{s}:{e}]={text[s:e]!r} != {node['text']!r}"
        for key, value in node.items():
            sub = f"{path}.{key}"
            if key in ("evidence", "mentions") and isinstance(value, list):
                for span in value:
                    assert _is_span(span), f"{sub}: not a [start, end] span: {span!r}"
                    assert 0 <= span[0] <= span[1] <= n, f"{sub}: span {span} outside text of {n}"
            elif key == "field_evidence" and isinstance(value, dict):
                for name, spans in value.items():
                    for span in spans:
                        assert _is_span(span), f"{sub}.{name}: not a span: {span!r}"
                        assert 0 <= span[0] <= span[1] <= n, \
                            f"{sub}.{name}: span {span} outside text of {n}"
            elif key != "text":
                check_offsets(value, text, sub)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            check_offsets(item, text, f"{path}[{i}]")


def run_and_check(text: str, pub: str | None = None) -> dict:
    record = letopis.extract(text, published=pub)
    assert isinstance(record, dict)
    doc_text = record["text"]
    assert doc_text == text, "the record's text must be the document text as given"
    check_offsets(record, doc_text)
    json.dumps(record, ensure_ascii=False, allow_nan=False)
    return record


# ---- the tests: 10,000 examples in all ----------------------------------------------------------

@_settings(2000)
@given(sentences(russian_piece), published)
@example("", None)
@example("В субботу в Таразе погибли 7 человек, ранены 3. Ч. 2 ст. 96 УК РК, РПГ-26 в 11:35 «", "2011-11-14")
def test_russian_news_like(text: str, pub: str | None) -> None:
    run_and_check(text, pub)


@_settings(1500)
@given(sentences(st.one_of(casualty, charge, date_phrase, time_phrase, number), max_pieces=8), published)
@example("1" + "0" * 307 + " тыс. человек погибли", None)    # overflows a float
@example(f"погибли {10 ** 30} человек 7-8 января в 11:35 по ч. {10 ** 30} ст. {10 ** 30} УК РК", "2022-01-07")
def test_numbers_dates_charges(text: str, pub: str | None) -> None:
    run_and_check(text, pub)


@_settings(1500)
@given(sentences(st.one_of(russian_piece, noise), max_pieces=8), published)
@example("Алматыда 3 адам қаза болды. 恐怖袭击 💣 погибли 7 человек داعش", None)
def test_mixed_scripts(text: str, pub: str | None) -> None:
    run_and_check(text, pub)


@_settings(1500)
@given(sentences(st.one_of(russian_piece, _pick(CONTROLS), _pick(MARKUP)), max_pieces=8), published)
@example("<p>«Погибли&nbsp;7 человек]]>\x00\u200b\ufeff\u2028в 11:35</p>", None)
def test_markup_and_controls(text: str, pub: str | None) -> None:
    run_and_check(text, pub)


@_settings(1500)
@given(st.text(max_size=200), published)
@example("\x00" * 50, None)
@example("\ufeff\ufeff", None)
@example("x\U00017000б Тараз \U00017000", None)    # a letter with no Unicode name (Tangut)
def test_arbitrary_unicode(text: str, pub: str | None) -> None:
    run_and_check(text, pub)


@_settings(1000)
@given(st.text(alphabet=st.sampled_from(list("«»\"'.,:;—-–()[]<>&; \n\t0123456789аяАЯәғқңөұүһі"
                                               "погибли человек УК ст ч РПГ")), max_size=250),
       published)
def test_punctuation_soup(text: str, pub: str | None) -> None:
    run_and_check(text, pub)


@_settings(1000)
@given(sentences(st.one_of(russian_piece, noise, long_token("аЖ1-«.\u200bx💣қ")), max_pieces=5), published)
def test_long_tokens(text: str, pub: str | None) -> None:
    run_and_check(text, pub)


@pytest.mark.parametrize("text", [
    "а" * 200_000,
    "погибли " * 5000,
    "7" * 10_000 + " человек погибли",
    "«" * 5000 + "погибли 7 человек",
    "<p>" * 3000 + "&nbsp;" * 3000,
], ids=["long-word", "repeated-word", "long-number", "many-quotes", "markup-run"])
def test_huge_inputs(text: str) -> None:
    run_and_check(text, "2011-11-14")

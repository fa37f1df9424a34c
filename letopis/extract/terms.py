"""Named diseases, faiths, languages and titles of works (NEREL's DISEASE, RELIGION, LANGUAGE,
WORK_OF_ART) from a table and patterns, for the record's entities where the recogniser has none: it
learnt only the words of its training news, so "коронавирус" or "буддизм" are unknown to it, and it
finds a title by its words, which no two works share.

- tables/terms.tsv: a lemma pattern → a type and a normal form ("коронавирусной инфекции",
  "мусульман", "болезни Паркинсона");
- a language: the adjective before "язык" ("на русском языке" → "русском"), as NEREL marks it, a
  bare one after "на" or a verb of learning ("говорит на французском", "владеет английским"), and
  "по-английски" beside a verb of speech;
- a title: «…» after a work noun ("фильма «Цирк»", "картины «Печки-лавочки», «Странные люди»");
- a built place's name: «…» after a facility noun (FACILITY); a people's noun (NATIONALITY); a year
  glued to a name (DATE); an article reference at each of its levels (LAW, `charges.law_spans`).

API: ``find_terms(analysis)`` → list[TermMention].
"""
from __future__ import annotations

import re
from functools import lru_cache

from letopis.extract.charges import law_spans
from letopis.extract.matcher import LemmaMatcher
from letopis.extract.mentions import TermMention
from letopis.lexicon import read_table
from letopis.nlp.analysis import Analysis, Sentence, Token

_LANGUAGE_ADJ = re.compile(r"[а-яё]+(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)")
_LANGUAGE_ADV = re.compile(r"по-[а-яё]+(?:ск|цк)и", re.I)
_SPEECH = {"говорить", "сказать", "заговорить", "писать", "написать", "читать", "прочитать", "понимать",
           "произнести", "произносить", "звучать", "петь", "спеть", "спросить", "ответить", "выучить"}
_AND = {",", "и", "или", "либо", "ни"}
# verbs whose bare "-ский" object is a language: "владеет английским", "освоила немецкий"
_LEARN = {"владеть", "знать", "выучить", "изучать", "изучить", "освоить", "учить", "преподавать", "подучить"}
_DASH = {"—", "–", "-", ":"}


# nouns naming a work, whose «…» after them is its title: "фильма «Цирк»", "песни «Ты у меня одна»"
_WORKS = frozenset("""фильм кинофильм кинолента лента картина сериал телесериал мультфильм мультсериал спектакль
    постановка опера балет мюзикл оперетта песня сингл трек альбом пластинка клип видеоклип композиция
    произведение книга роман повесть рассказ поэма стихотворение стих пьеса сборник симфония сказка
    мемуары автобиография новелла скульптура полотно""".split())


# built things whose quoted name NEREL tags FACILITY: "станции метро «Улица 1905 года»", "кинотеатрах
# «Звезда», «Космос»", "на заставе «Арканкерген»" (NEREL train: 49 of 51 quoted names after these
# nouns). Not theatres, clubs, museums, plants or prisons: their names are mostly ORGANIZATION there.
_FACILITIES = frozenset("""метро станция стадион аэропорт вокзал отель гостиница больница госпиталь клиника
    застава хранилище телецентр телебашня спорткомплекс газопровод нефтепровод трасса автодорога шоссе
    фонтан мемориал парк сквер площадь крепость космодром аэродром авиабаза аэс гэс тэц мост тоннель
    галерея резиденция супермаркет кинотеатр тц трц""".split())
# "центр" and "комплекс" are buildings only so qualified ("торговом центре «Мега»")
_FACILITY_PAIRS = {"центр": {"торговый", "спортивный", "развлекательный", "торгово-развлекательный",
                             "выставочный", "бизнес-центр"},
                   "комплекс": {"спортивный", "торговый", "жилой", "мемориальный"}}
_QUOTES = {"«": "»", '"': '"', "“": "”", "„": "“"}


def _facility_noun(toks: list[Token], k: int) -> bool:
    lemma = toks[k].lemma
    if lemma in _FACILITIES:
        return True
    return lemma in _FACILITY_PAIRS and k > 0 and toks[k - 1].lemma in _FACILITY_PAIRS[lemma]


def _quoted_after(toks: list[Token], nouns, authors: bool) -> list[tuple[int, int]]:
    """Character spans of the names a noun introduces in quotes: «…» (or "…") after it, past its
    adjectives and, with `authors`, a capitalised name ("произведение Комитаса «Журавль»"), and
    the names listed after that one ("картины «Печки-лавочки», «Странные люди» и «Ваш сын»")."""
    out = []
    for k, tok in enumerate(toks):
        if not nouns(toks, k):
            continue
        j = k + 1
        while j < len(toks) and j <= k + 3 and toks[j].text not in _QUOTES and \
                (toks[j].tag.startswith(("ADJF", "PRTF")) or authors and toks[j].text[:1].isupper()):
            j += 1
        while j < len(toks) and toks[j].text in _QUOTES and _opens(toks, j):
            end = _QUOTES[toks[j].text]
            close = next((m for m in range(j + 1, min(len(toks), j + 25)) if toks[m].text == end), None)
            if close is None or close == j + 1:
                break
            out.append((toks[j + 1].start, toks[close - 1].end))
            j = close + 1
            if j + 1 < len(toks) and toks[j].text in _AND and toks[j + 1].text in _QUOTES:
                j += 1
    return out


def _opens(toks: list[Token], j: int) -> bool:
    """A straight quote opens a name when it stands apart from the word before and against the
    one after (`за спектакль "Счастье"`); after a word it closes one (`"… спектакль" за`)."""
    if toks[j].text != '"':
        return True
    return (j == 0 or toks[j - 1].end < toks[j].start) and j + 1 < len(toks) and toks[j + 1].start == toks[j].end


def _titles(toks: list[Token]) -> list[tuple[int, int]]:
    """Titles of works: the quoted names after a work noun (a film, a song, a book), or its author."""
    return _quoted_after(toks, lambda ts, k: ts[k].lemma in _WORKS, authors=True)


def _facilities(toks: list[Token]) -> list[tuple[int, int]]:
    """Names of built places: the quoted names after a facility noun."""
    return _quoted_after(toks, _facility_noun, authors=False)


@lru_cache(maxsize=1)
def term_matcher() -> LemmaMatcher:
    return LemmaMatcher((r[0], (r[1], r[2] if len(r) > 2 else "")) for r in read_table("terms.tsv"))


def _language_adjective(tok: Token) -> bool:
    """A lower-case "-ский" adjective, which names a language where _languages finds it."""
    return tok.tag.startswith("ADJF") and _LANGUAGE_ADJ.fullmatch(tok.text) is not None


def _languages(toks: list[Token]) -> set[int]:
    """Indexes of the language words of a sentence: "на русском языке", "на чувашском, русском и
    марийском языках", "на пяти языках — итальянском, французском", "говорит на французском, …",
    "владеет английским и испанским", "говорит по-английски" ("Красота по-американски" names no
    language: a speech verb must be near)."""
    out: set[int] = set()

    def run(j: int, step: int) -> None:
        # the adjective at j and those coordinated with it, walking by `step`
        while 0 <= j < len(toks) and _language_adjective(toks[j]):
            out.add(j)
            nxt = j + 2 * step
            if not (0 <= nxt < len(toks) and toks[j + step].text in _AND):
                break
            j = nxt
    for k, tok in enumerate(toks):
        if tok.lemma == "язык":
            run(k - 1, -1)
            if k + 2 < len(toks) and toks[k + 1].text in _DASH:
                run(k + 2, 1)
        elif k and _language_adjective(tok) and not (k + 1 < len(toks) and toks[k + 1].tag.startswith(("NOUN", "ADJF"))) \
                and (toks[k - 1].text.lower() == "на" and "loct" in tok.tag or toks[k - 1].lemma in _LEARN):
            run(k, 1)
        elif _LANGUAGE_ADV.fullmatch(tok.text) and any(t.lemma in _SPEECH for t in toks[max(0, k - 4):k + 4]):
            out.add(k)
    return out


# a year glued to a name by a hyphen: "ЧМ-2018", "Сочи-2014", "литературе-2016" (NEREL train: DATE
# all 30 times); other numbers glued so are model numbers ("Ан-72", "ГАЗ-3307")
_GLUED_YEAR = re.compile(r"(?<=[^\W\d_]-)(?:19|20)\d\d(?!\d)")
_YEAR_SUFFIX = re.compile(r"-(\d\d)$")


def _glued_years(text: str, sent: Sentence, terms: list[TermMention]) -> list[TermMention]:
    """NEREL marks the year inside a name as a DATE of its own: four digits after a hyphen, and
    the two that end a disease's name ("COVID-19": 2019)."""
    seg = text[sent.start:sent.end]
    out = [TermMention(sent.start + m.start(), sent.start + m.end(), m.group(), "DATE", m.group())
           for m in _GLUED_YEAR.finditer(seg)]
    for t in terms:
        m = _YEAR_SUFFIX.search(t.text) if t.type == "DISEASE" else None
        if m:
            out.append(TermMention(t.start + m.start(1), t.end, m.group(1), "DATE", m.group(1)))
    return out


@lru_cache(maxsize=1)
def _nationality_nouns() -> frozenset[str]:
    return frozenset(r[0] for r in read_table("nationalities.tsv"))


def _nationalities(toks: list[Token]) -> list[int]:
    """Indexes of the nouns naming a people ("россиянин", "армян", "туарегов"): lower-case, or
    capitalised only as a sentence's first word ("Индонезиец рассказал"), since a capitalised
    one is a surname ("Чехов", "Поляк")."""
    nouns = _nationality_nouns()
    return [k for k, tok in enumerate(toks)
            if tok.lemma in nouns and tok.tag.startswith("NOUN") and (k == 0 or tok.text[:1].islower())]


def _sentence_terms(text: str, sent: Sentence) -> list[TermMention]:
    toks = sent.tokens
    matcher = term_matcher()
    found = matcher.find(toks)
    for m in list(found):          # a name inside a longer one is one too: "коронавирус [SARS-CoV-2]"
        for i in range(m.start + 1, m.end):
            inner = matcher.match_at(toks[:m.end], i)
            if inner:
                found.append(inner)
                break
    out = [TermMention(toks[m.start].start, toks[m.end - 1].end,
                       text[toks[m.start].start:toks[m.end - 1].end], *m.payload) for m in found]
    for k in sorted(_languages(toks)):
        tok = toks[k]
        out.append(TermMention(tok.start, tok.end, tok.text, "LANGUAGE", tok.lemma))
    out += [TermMention(a, b, text[a:b], "WORK_OF_ART", text[a:b]) for a, b in _titles(toks)]
    out += [TermMention(a, b, text[a:b], "FACILITY", text[a:b]) for a, b in _facilities(toks)]
    for k in _nationalities(toks):
        # "боснийских сербов": a people named with its land's adjective is one mention
        a = k - 1 if k and _language_adjective(toks[k - 1]) else k
        out.append(TermMention(toks[a].start, toks[k].end, text[toks[a].start:toks[k].end], "NATIONALITY",
                               text[toks[a].start:toks[k].end] if a < k else toks[k].lemma))
    out += [TermMention(a, b, text[a:b], "LAW", text[a:b]) for a, b in law_spans(text, sent.start, sent.end)]
    out += _glued_years(text, sent, out)
    for t in out:
        if not t.normal:
            t.normal = t.text
    return out


def find_terms(analysis: Analysis) -> list[TermMention]:
    out = []
    for sent in analysis.sentences:
        out.extend(t for t in _sentence_terms(analysis.text, sent) if not analysis.ignored(t.start, t.end))
    return out

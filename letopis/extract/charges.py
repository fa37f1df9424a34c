"""Criminal-code references: "ч. 2 ст. 96 УК РК", "по 2-й части 96-й статьи (убийство двух и более
лиц) и 233-й статье УК РК (терроризм)", "ст. 205.1 УК РФ", "по статьям 205 и 206".

References joined by "и" / "," share the code written after the last of them. A crime named in
brackets (or in quotes after the code) is the charge's name; otherwise the name comes from a table
of well-known articles per code (tables/criminal_articles.tsv). An unnamed code ("статьи 105 УК")
is inferred only from a single country word in the same sentence (tables/code_markers.tsv), else
it stays "УК". Article numbers outside a criminal context (constitution, КоАП) are not charges.

API: ``find_charges(analysis)`` → list[Charge].
"""
from __future__ import annotations

import re
from functools import lru_cache

from letopis.extract.matcher import fold
from letopis.lexicon import read_table
from letopis.nlp.analysis import Analysis, Sentence
from letopis.record import Charge

_NUM = r"\d+(?:\.\d+){0,2}(?:-\d+)?"   # "205.1", "214.2.1" (Azerbaijan), "244-1" (Uzbekistan)
_ORD = r"-?(?:й|я|ой|ая|ей|ую|ого|го|му|ому|ом|е|и|ю)"
_REF = re.compile(
    # "2-й части 96-й статьи", "233-й статье"
    # (?<!\d): start at a digit run's first digit only, else long digit runs scan quadratically
    rf"(?<!\d)(?:(?P<pa>\d+){_ORD}\s+част(?:ь|и|ью|ям|ей)\s+)?(?P<aa>{_NUM}){_ORD}\s+стать(?:я|и|ей|е|ю|ям|ями|ях)\b"
    # "пп. «а», «б» ч. 2 ст. 105", "части 2 статьи 105", "статьям 205 и 206", "ст.ст. 30, 205"
    rf"|(?:(?:пп?\.|пункт\w*)\s*(?:«?[а-я]»?(?:\s*(?:,|и)\s*«?[а-я]»?)*|\d+)\s*)?"
    rf"(?:(?:ч\.|част(?:ь|и|ью|ям|ей))\s*(?P<pb>\d+(?:\.\d+)?)\s*)?"
    # ("статьям 317 («Посягательство …») и 222 («Незаконный оборот оружия»)": a name between two)
    rf"(?:ст\.\s*(?:ст\.)?|стать(?:я|и|ей|е|ю|ям|ями|ях|ьи)\b)\s*(?P<ab>{_NUM}(?:(?:\s*\([^()]{{1,150}}\))?\s*(?:,|и)\s*"
    rf"{_NUM}(?![\d\w-]))*)",
    re.I)
_NAME = re.compile(r"\s*\(\s*[«\"]?([а-яё][^()«»]{1,150}?|[А-ЯЁ][а-яё][^()«»]{0,150}?)[»\"]?\s*\)")   # (also «quoted»)
# each article of a list with the name bracketed after it: "227 (Похищение человека) и 194"
_LISTED_NAME = re.compile(rf"({_NUM})(?:\s*\(\s*([^()]*?)\s*\))?")
_MORE = re.compile(rf"\s*(?:,|и|а также)\s*({_NUM})\s+(?=[А-ЯЁ])")
_QNAME = re.compile(r"\s*«([А-ЯЁа-яё][^«»]{1,150}?)»")
_JOIN = re.compile(r"\s*(?:,|и|а также|,\s*а также|либо|или)\s*")
_OTHER_LAW = re.compile(r"\s*(?:Конституци|Федеральн\w+\s+закон|КоАП|Кодекс\w* об административных|ГК\b|ГПК|УПК|УИК|НК\b|ТК\b|"
                        r"Гражданск|Налогов|Трудов|Уголовно-процессуальн|Уголовно-исполнительн|закон|Устав|"
                        r"Конвенци|Декларац|Регламент|Соглашени|Договор)", re.I)
# a terrorism act a foreign state charges under ("статье 5 Закона о терроризме 2006 года", "Закона о борьбе с
# терроризмом"), named in the nominative as the charge's code; only where someone is charged
_TERROR_ACT = re.compile(r"\s*Закон(?:а|у|ом|е)?(\s+(?:о|об)\s+(?:[а-яё]+\s+){0,3}?(?:терроризм\w*|террористическ\w+"
                         r"(?:\s+[а-яё]+)?))(\s+\d{4}\s+года)?")
_CHARGED = re.compile(r"обвинени|обвиня|обвинен|предъявлен", re.I)
# Words that make bare article numbers charges: a case, a charge, a sentence.
_CRIME_CONTEXT = re.compile(r"уголовн|обвин|осужд|приговор|возбужд|преступлен|задержан|арестован|подозрева"
                            r"|\bУК\b|терроризм|убийств", re.I)


# NEREL's LAW mentions of an article, every level of it: "п. 1 ч. 2 ст. 29 УПК России", "ч. 2 ст. 29
# УПК России", "ст. 29 УПК России"; with the code, or the constitution, after it, and the article's
# quoted name ("статьи 214 «Вандализм»"). On NEREL dev the model missed most references to codes it
# had not seen (LAW F1 .58 → .69 with these); an article of a law or convention named after it
# ("статьи 19 Федерального закона от …") is left to the model, whose span runs on through the name.
_LAW_NUMS = rf"{_NUM}(?:\s*(?:,|и)\s*{_NUM}(?![\d\w.-]))*"
_STATE = (r"(?:РФ|РК|КР|РБ|РУз|России|Российской\s+Федерации|[А-ЯЁ][а-яё]+(?:ской|цкой)\s+Республики"
          r"|Республики\s+[А-ЯЁ][а-яё]+|[А-ЯЁ][а-яё]+(?:ии|ы|а|и)\b)")
_LAW_REF = re.compile(
    r"(?<![\w.])(?:(?:пп?\.|подпункт\w*|пункт\w*)\s*(?:«?[а-я]»?|\d+(?:\.\d+)?)"
    r"(?:\s*(?:,|и)\s*(?:«?[а-я]»?|\d+))*,?\s*)?"
    rf"(?P<part>(?:ч\.|част(?:ь|и|ью|ям|ей|ях))\s*{_LAW_NUMS}\s*)?"
    rf"(?P<art>(?:ст\.\s*(?:ст\.\s*)?|стать(?:я|и|ей|е|ю|ям|ями|ях)\s+){_LAW_NUMS}"
    rf"|{_NUM}{_ORD}\s+стать(?:я|и|ей|е|ю|ям|ями|ях)\b)"
    rf"(?:\s+(?:(?:УК|УПК|КоАП|ГК|ГПК|АПК|НК|ТК|ЖК|УИК)(?:\s+{_STATE})?(?![\w-])"
    rf"|(?:[А-ЯЁа-яё]+(?:ого|ей)\s+)?[Кк]одекса(?:\s+(?:об?\s+[а-яё]+\s+[а-яё]+|{_STATE}))?"
    rf"|Конституции(?:\s+{_STATE})?))?", re.I)
_LAW_NAMED_AFTER = re.compile(r"\s*[(«\"„]?\s*(?:Федеральн|конституционн|закон|конвенци|декларац|регламент"
                              r"|соглашени|договор|устав|европейск|римск)", re.I)
_LAW_TITLE = re.compile(r"\s*«[^«»]{1,80}»")


def law_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each level of every article reference in text[start:end]."""
    out = []
    for m in _LAW_REF.finditer(text, start, end):
        stop = m.end()
        if _LAW_NAMED_AFTER.match(text, stop, end):
            continue
        title = _LAW_TITLE.match(text, stop, end)
        stop = title.end() if title else stop
        out += [(a, stop) for a in sorted({m.start(), m.start("part") if m.group("part") else m.start(),
                                           m.start("art")})]
    return out


@lru_cache(maxsize=1)
def _codes() -> list[tuple[str, re.Pattern]]:
    return [(r[0], re.compile(r"\s*(" + r[1] + ")")) for r in read_table("criminal_codes.tsv")]


@lru_cache(maxsize=1)
def _markers() -> dict[str, str]:
    return {w: r[0] for r in read_table("code_markers.tsv") for w in r[1].split()}


@lru_cache(maxsize=1)
def _articles() -> dict[tuple[str, str], str]:
    return {(r[0], r[1]): r[2] for r in read_table("criminal_articles.tsv")}


def article_name(code: str, article: str, year: int | None = None) -> str | None:
    """The table name of a well-known article; the Kazakh code by edition (1997 until 2015, then 2014)."""
    table = _articles()
    if code == "УК РК":
        editions = ["УК РК@2014", "УК РК@1997"] if (year is None or year >= 2015) else ["УК РК@1997"]
        return next((table[(e, article)] for e in editions if (e, article) in table), None)
    return table.get((code, article))


def _code_at(text: str, pos: int) -> tuple[str, int] | None:
    for name, rx in _codes():
        m = rx.match(text, pos)
        if m:
            return name, m.end()
    return None


def _country_code(sent: Sentence) -> str:
    found = {_markers()[fold(t.lemma)] for t in sent.tokens if fold(t.lemma) in _markers()}
    return found.pop() if len(found) == 1 else "УК"


def _sentence_charges(analysis: Analysis, sent: Sentence) -> list[Charge]:
    text = analysis.text
    region = text[:sent.end]
    refs = []          # [start, end, [(article, part)], code | None, name | None]
    for m in _REF.finditer(region, sent.start):
        pos, name, code = m.end(), None, None
        for _ in range(2):                       # "(name) УК РК", "УК РК (name)", "УК РФ «Террористический акт»"
            n = _NAME.match(region, pos)
            if n and not name:
                name, pos = n.group(1), n.end()
                continue
            c = _code_at(region, pos) if code is None else None
            if c:
                code, pos = c
                q = _QNAME.match(region, pos)
                if q and not name:
                    name, pos = q.group(1)[:1].lower() + q.group(1)[1:], q.end()
                continue
            break
        if code is None and (act := _TERROR_ACT.match(region, pos)) and _CHARGED.search(region, sent.start):
            # "обвинение … по статье 5 Закона о терроризме 2006 года": a foreign country's terrorism act
            code, pos = "Закон" + act.group(1) + (act.group(2) or ""), act.end()
        elif code is None and _OTHER_LAW.match(region, pos):
            continue
        part = m.group("pa") or m.group("pb")
        listed = [(x.group(1), x.group(2)) for x in _LISTED_NAME.finditer(m.group("aa") or m.group("ab"))]
        # a name after the last article is the last one's ("179 (терроризм) и 104 (убийство) УК РТ"), or the
        # only one's; each other article's is the one bracketed after it, else the table's
        named = [_lower_first(n) if n else None for _, n in listed[:-1]] + [_lower_first(name) if name else None]
        arts = [(a, part if i == 0 else None, nm) for i, ((a, _), nm) in enumerate(zip(listed, named))]
        refs.append([m.start(), pos, arts, code, None])
        # "по статьям 317 УК РФ (…) и 222 УК РФ (…)": a further article with its own code after the first's
        while code is not None and (more := _MORE.match(region, pos)) and (c2 := _code_at(region, more.end())):
            pos2 = c2[1]
            n2 = _NAME.match(region, pos2)
            refs.append([more.start(1), n2.end() if n2 else pos2,
                         [(more.group(1), None, _lower_first(n2.group(1)) if n2 else None)], c2[0], None])
            pos = n2.end() if n2 else pos2
    if not refs:
        return []
    # a code written after the last of coordinated references applies to all of them
    for k in range(len(refs) - 2, -1, -1):
        if refs[k][3] is None and refs[k + 1][3] and _JOIN.fullmatch(region[refs[k][1]:refs[k + 1][0]]):
            refs[k][3] = refs[k + 1][3]
    if all(r[3] is None for r in refs) and not _CRIME_CONTEXT.search(region[sent.start:]):
        return []
    year = analysis.published.year if analysis.published else None
    out = []
    for start, end, arts, code, _ in refs:
        if code in (None, "УК"):
            code = _country_code(sent)
        for article, part, name in arts:
            out.append(Charge(code, article, part, name or article_name(code, article, year), start, end))
    return out


def _lower_first(name: str) -> str:
    """"Похищение человека", "«Вымогательство»" → "похищение человека", "вымогательство"; an abbreviation
    stays ("РПГ")."""
    name = name.strip("«»\"„“” ")
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def find_charges(analysis: Analysis) -> list[Charge]:
    out: list[Charge] = []
    for sent in analysis.sentences:
        out.extend(c for c in _sentence_charges(analysis, sent) if not analysis.ignored(c.start, c.end))
    return out

"""Quotes with their speakers.

Direct speech: «…», — сказал официальный представитель МИД.   «…» - добавил Ерлан Карин.
               Карин заявил: «…»     Начальник управления МВД заявил, что «…».
Indirect:      По словам Ерлана Карина, эти попытки были пресечены.
A speaker given by role only ("прокомментировал Государственный секретарь РК") resolves to the
person who holds that role in the document."""
from __future__ import annotations

import re

from letopis.nlp.analysis import Analysis, part_of_speech, token_at
from letopis.nlp.morph import dative_only, lemma
from letopis.record import Entity, Quote

SPEECH = {"сказать", "заявить", "подчеркнуть", "отметить", "сообщить", "добавить", "пояснить",
          "прокомментировать", "спросить", "рассказать", "уточнить", "заметить", "указать", "напомнить",
          "констатировать", "признать", "написать", "ответить", "процитировать", "заверить", "резюмировать",
          "говорить", "сообщать", "заявлять", "отмечать", "подчеркивать", "добавлять",
          # opinion and explanation: "…», — считает Кушкумбаев
          "считать", "полагать", "объяснить", "объяснять", "пояснять", "уточнять", "рассказывать", "отвечать",
          "предупредить", "предупреждать", "призвать", "призывать", "признаться", "вспомнить", "вспоминать",
          "подытожить", "посетовать",
          # impersonal: "…", — говорится в сообщении КНБ / сообщается в пресс-релизе
          "говориться", "сообщаться", "отмечаться", "подчеркиваться", "указываться"}
# who speaks unnamed: "по словам источника в правоохранительных органах", "по словам собеседника агентства"
ANONYMOUS = frozenset({"источник", "собеседник"})
IMPERSONAL = {"говориться", "сообщаться", "отмечаться", "подчеркиваться", "указываться"}
_WORD = re.compile(r"[а-яёА-ЯЁ]+(?:-[а-яёА-ЯЁ]+)*")
_PRONOUN_AFTER = re.compile(r"\s+(?:он|она|они)\b", re.I)
# (a title in quotes inside the quote: «… по статье 255 УК РК "Терроризм"», — рассказала X)
_DIRECT = re.compile(r"[«\"“„](?P<body>(?:[^«»\"“”„]|«[^«»]*»|(?<=\s)\"[^\s\"«»][^\"«»\n]{0,38}(?<=[^\s\"])\"|„[^“”\n]{1,40}[“”])+?)[»\"”]\s*[,.]?\s*[—–-]\s*"
                     r"(?P<verb>[а-яё]+)", re.I)
_LEAD = re.compile(r"(?<![а-яё])(?P<verb>[а-яё]+)(?:\s+[^:«\n]{0,60})?:\s*[«\"“„]((?:[^«»\"“”„]|«[^«»]*»)+?)[»\"”]", re.I)
# what every match of _DIRECT / _LEAD contains: most texts have neither, and those patterns try
# every quotation mark or word of the text (a cheap search first; the same matches either way)
_DIRECT_NEED = re.compile(r"[»\"”]\s*[,.]?\s*[—–-]\s*[а-яё]", re.I)
_LEAD_NEED = re.compile(r":\s*[«\"“„]")
# a quote split around its speaker: «Мы услышали хлопки, — говорит охранник Игорь Никитин. — Сначала подумали …»
_SPLIT = re.compile(r"«(?P<body>(?:[^«»„“”\n]|„[^“”\n]{1,40}[“”]){3,400}?)[,!?…]?\s+[—–]\s*(?P<verb>[а-яё]+)\b"
                    r"(?P<who>[^«»„“”\n]{2,160}?)[.,:]\s+[—–]\s*(?P<body2>(?:[^«»„“”\n]|„[^“”\n]{1,40}[“”]){3,600}?)»")
# direct speech opened by a dash at a paragraph's start: "— Мы не допустим этого, — заявил Токаев."
_DASHED = re.compile(r"(?m)^[ \t]*[—–][ \t]*(?P<body>[^\n]+?)[,!?.…]?[ \t]*[—–][ \t]*(?P<verb>[а-яё]+)\b")
# an interview's lines: "— Нурлан Серикович, какова ситуация?" (a question) and the answers after it
_DASH_LINE = re.compile(r"(?m)^[ \t]*[—–][ \t]*(?P<body>[^\n]+?)[ \t]*$")
# the speaker runs to the comma, within its sentence: a full stop only after an initial ("С. Собянина")
# or inside a word ("vc.ru"), guillemets only around a name ("собеседников «Ъ»")
_INDIRECT = re.compile(r"(?:^|(?<=[\s(]))(?:[Пп]о\s+(?:его|ее|её|их\s+)?словам|(?P<as>[Кк]ак\s+(?:сообщил|заявил|отметил|"
                       r"рассказал|пояснил|подчеркнул|уточнил)[аи]?))\s*(?P<who>(?:«[^»\n]{1,40}»|[^,.\n:;«»]|(?<=[А-ЯЁA-Z])\.|\.(?=\w)){0,160}?),\s*(?P<body>[^.!?]+[.!?]?)")


def _lead_quotes(text: str):
    """"Ташиев заявил журналистам: «…»": each quote after a colon whose speech verb stands within the
    words before it (not the first word of the sentence, which _LEAD alone would try)."""
    for colon in _LEAD_NEED.finditer(text):
        lo = max(0, colon.start() - 70)
        for w in reversed(list(re.finditer(r"(?<![а-яё])[а-яё]+", text[lo:colon.start()], re.I))):
            if lemma(w.group().lower()) in SPEECH:
                m = _LEAD.match(text, lo + w.start())
                if m is not None and m.start(2) >= colon.start():
                    yield m
                break


def _said_that(analysis: Analysis, persons: list[Entity], quotes: list[Quote]) -> list[Quote]:
    """"Президент Садыр Жапаров отметил, что ситуация находится под контролем": a person, the subject,
    then a speech verb and "что": what follows to the sentence's end is what the person said."""
    out: list[Quote] = []
    for p in persons:
        sent = analysis.sentence_at(p.start)
        if sent is None:
            continue
        toks = sent.tokens
        k, first = token_at(toks, p.end), token_at(toks, p.start)
        if k is None or first is None or first and "PREP" in toks[first - 1].tag:
            continue
        verb = next((i for i in range(k, min(k + 6, len(toks))) if "VERB" in toks[i].tag
                     and toks[i].lemma in SPEECH and toks[i].lemma not in IMPERSONAL), None)
        # (only adverbs and a short phrase between, "в беседе с корреспондентом": "дочь … Ислама Каримова Лолла
        # Каримова сообщила" is Лолла's, and "X и его коллеги заявили" theirs)
        if verb is None or "plur" in toks[verb].tag or any(
                t.text[:1].isupper() and not t.text.isupper() or not t.text.isalpha() and t.text not in "—–"
                for t in toks[k:verb]):
            continue
        that = next((i for i in range(verb + 1, min(verb + 5, len(toks) - 1))
                     if toks[i].text == "," and toks[i + 1].lemma == "что"), None)
        if that is None or that + 2 >= len(toks):
            continue
        a, b = toks[that + 2].start, sent.end
        if any(q.start <= a < q.end or a <= q.start < b for q in quotes + out):
            continue
        speaker = p.normal or p.text
        out.append(Quote(speaker, None, a, b, analysis.text[a:b].strip(),
                         extra={"indirect": True, "verb": toks[verb].text}))
    return out


# "…, что «все обстоятельства будут проверены»": the very words quoted after "что"
_SENTENCE_END = re.compile(r"\s*(?:[.!?…]|\n|$)")
_THAT_QUOTED = re.compile(r",\s*что\s*[«“„](?P<body>(?:[^«»“”„\n]|«[^«»\n]*»){3,600}?)[»”]")


def _quoted_after_that(analysis: Analysis, roles: list, persons: list[Entity], holders: dict[str, str],
                       quotes: list[Quote]) -> list[Quote]:
    """"Начальник управления МВД заявил, что «…»": a quote in guillemets after a speech verb and "что";
    the speaker is the first person (when the quote ends the sentence), else the last post, named before
    the verb in its sentence (a post resolves to whoever holds it in the text)."""
    out: list[Quote] = []
    text = analysis.text
    for m in _THAT_QUOTED.finditer(text) if "что" in text else ():
        if any(q.start <= m.start("body") < q.end or m.start("body") <= q.start < m.end("body") for q in quotes):
            continue
        sent = analysis.sentence_at(m.start())
        if sent is None:
            continue
        toks = sent.tokens
        comma = token_at(toks, m.start())
        verb = next((k for k in range(comma - 1, max(-1, comma - 4), -1) if "VERB" in toks[k].tag
                     and toks[k].lemma in SPEECH and toks[k].lemma not in IMPERSONAL), None) if comma else None
        if verb is None:
            continue
        at = toks[verb].start
        # (the sentence's first name is its subject: "Буфье напомнил, что Томас Шефер …, и добавил, что «…»")
        person = next((p for p in persons if sent.start <= p.start and p.end <= at), None)
        role = next((r for r in reversed(roles) if sent.start <= r.start and r.end <= at
                     and not dative_only(text, r.start)), None)
        ends = _SENTENCE_END.match(text, m.end())
        if person is not None and ends:
            speaker, post = person.normal or person.text, None
        elif person is not None:
            continue          # "…, что «сделал всё, что мог», но «…»": the whole clause is his (_said_that)
        elif role is not None:
            speaker, post = _resolve_role(None, role.normal, holders), role.normal
        else:
            continue
        out.append(Quote(speaker, post, m.start("body"), m.end("body"), m.group("body"),
                         extra={"verb": toks[verb].text}))
    return out


def _speaker_after(analysis: Analysis, pos: int, roles: list, persons: list[Entity]) -> tuple[str | None, str | None, int]:
    """The speaker named right after the speech verb: a person, or a role phrase."""
    sent = analysis.sentence_at(pos)
    end = sent.end if sent else min(len(analysis.text), pos + 200)
    # (a role the verb addresses is no speaker: "— сказал журналистам / корреспонденту ТАСС адвокат X")
    # (not a site's first word: "— сказал Kun.uz брат погибшего X"; nor the one told, named after his dative role:
    # "— рассказала корреспонденту Би-би-си в Сринагаре Ахмеду Юсуфу Дару туристка X")
    told = [r for r in roles if pos <= r.start < end and dative_only(analysis.text, r.start)]
    cands = [(p.start, "person", p) for p in persons if pos <= p.start < end
             and not re.match(r"\.[a-z]{2,5}\b", analysis.text[p.end:p.end + 6])
             and not (_dative_name(p.text) and any(
                 0 <= p.start - r.end <= 50 and not re.search(r"[,;:.«»—–()]", analysis.text[r.end:p.start])
                 for r in told))] + \
            [(r.start, "role", r) for r in roles if pos <= r.start < end and not dative_only(analysis.text, r.start)]
    if not cands:
        # a bare noun speaker ("спросила телеведущая")
        from letopis.nlp.morph import tag
        outlet = False
        for m in _WORD.finditer(analysis.text[pos:end]):
            if m.group(0).isupper() and len(m.group(0)) > 1 or outlet and m.group(0)[:1].isupper():
                outlet = True            # "— сообщил ТАСС / РИА Новости источник": the outlet told, not who told it
                continue
            t = tag(m.group(0).lower())
            if "NOUN" in t and "nomn" in t:
                # ("— сообщает Telegram-канал «Подмосковье 112»": the outlet with its name)
                named = _NAMED_AFTER.match(analysis.text, pos + m.end())
                if named is not None:
                    head = analysis.text[pos:pos + m.end()].split()[-1]       # the whole word: "Telegram-канал"
                    return f"{head} {named.group(1)}", None, pos
                if lemma(m.group(0).lower()) in ANONYMOUS:
                    # "— сказал собеседник агентства": an unnamed source, told by what he is, to the clause's end
                    rest = _CLAUSE_REST.match(analysis.text, pos + m.end(), end)
                    words = rest.group(0).split() if rest else []
                    # (not the outlet told: "— сказал источник агентству Франс Пресс")
                    told = next((k for k, w in enumerate(words) if dative_only(w, 0)), len(words))
                    return None, " ".join([m.group(0).lower()] + words[:told]), pos
                return m.group(0), None, pos
            if "PREP" in t or "NOUN" in t or "ADVB" in t:
                continue
            break
        return None, None, pos
    cands.sort(key=lambda c: c[0])
    start, kind, obj = cands[0]
    if kind == "person":
        role = next((r.normal for r in roles if r.end <= obj.start and obj.start - r.end <= 2
                     and not dative_only(analysis.text, r.start)), None)
        # (or set off after the name, ending the clause: "— сказал Заур Ибрагимов, адвокат Омарова")
        role = role or next((r.normal for r in roles if _APPOSED.fullmatch(analysis.text, obj.end, r.start)
                             and _CLAUSE_END.match(analysis.text, r.end) and not dative_only(analysis.text, r.start)),
                            None)
        return obj.normal or obj.text, role, start
    person = next((p for p in persons if 0 <= p.start - obj.end <= 2), None)
    # (past the one the role is of, named in the genitive right before the speaker: "адвокат Омарова Заур
    # Ибрагимов", "мать погибшего Ивана Петрова Мария Петрова")
    while person is not None:
        nxt = next((p for p in persons if 0 < p.start - person.end <= 1 and p.start < end), None)
        if nxt is None:
            break
        person = nxt
    # (past the role's own words the extractor left out: "руководитель пресс-службы МВД [по КБР] Марина Кештова",
    # "директор [одной из подмосковных школ] Татьяна Белова")
    person = person or next((p for p in persons if obj.end <= p.start < end and p.start - obj.end <= 90
                             and not re.search(r"[,;:.«»—–()]", analysis.text[obj.end:p.start])), None)
    if person is not None:
        return person.normal or person.text, obj.normal, start
    # a name the recogniser missed, ending the clause after the role: "— сообщил журналистам начальник ДЧС
    # Шымкента Нурлан Абенов" (its first word a first name)
    m = _NAME_ENDS.match(analysis.text, obj.end, end)
    if m is not None:
        from letopis.nlp.normal import is_first_name, normalize_person
        if is_first_name(m.group("first")):
            return normalize_person(m.group("name"), None), obj.normal, start
    return None, obj.normal, start


_APPOSED = re.compile(r"\s*(?:,|—|–)\s*")
# up to five more words of a clause, none a verb's ending mark: "[источник] агентства в силовых структурах"
_CLAUSE_REST = re.compile(r"(?:\s+[\w«»\"-]+){1,5}?(?=\s*(?:[,.;:!?)]|$))")
# the rest of a role's clause holds no verb's words: its own genitives up to the sentence's end or a comma
_CLAUSE_END = re.compile(r"(?:\s+[А-ЯЁA-Z][\w.-]*)*\s*(?:[.,;]|$)")


_NAME_ENDS = re.compile(r"[^,;:.«»—–()\n]*?(?<![\w-])(?P<name>(?P<first>[А-ЯЁ][а-яё]+)(?:[ \t]+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){1,2})"
                        r"(?=\s*[.,;]|\s*$)")


def _dative_name(name: str) -> bool:
    """The name's first word reads as a dative and never as a nominative ("Ахмеду", not "Мухаммад")."""
    from letopis.nlp.morph import parse
    tags = [str(p.tag) for p in parse(name.split()[0].lower())[:4]]
    return any("datv" in t for t in tags) and not any("nomn" in t for t in tags)


_NAMED_AFTER = re.compile(r"\s+(«[^»\n]{1,40}»)")


def _org_after(analysis: Analysis, pos: int) -> str | None:
    """"…", — говорится в сообщении КНБ: the organisation named right after an impersonal verb."""
    sent = analysis.sentence_at(pos)
    end = sent.end if sent else pos + 80
    org = next((e for e in analysis.entities if e.type == "ORGANIZATION" and pos <= e.start < min(end, pos + 60)), None)
    return (org.normal or org.text) if org is not None else None


def _body_before(analysis: Analysis, pos: int) -> str | None:
    """"— говорится в заявлении управления": the body named last before ("В ДУМК осудили нападение"), for
    a statement no cited source claims."""
    if not _BODY_NOUN.match(analysis.text, pos):
        return None
    org = next((e for e in reversed(analysis.entities) if e.type == "ORGANIZATION" and pos - 400 <= e.end <= pos),
               None)
    return (org.normal or org.text) if org is not None else None


_BODY_NOUN = re.compile(r"\s+в\s+(?:\w+\s+)?(?:сообщени|заявлени|релиз)\w*\s+(?:пресс-службы\s+)?"
                        r"(?:ведомства|управления|министерства|организации|комитета|службы|прокуратуры|департамента)"
                        r"(?=\s*(?:[.,;!?]|$))")


# "— сказали в ведомстве / в МВД республики": a body's words, no person's
_IN_BODY = re.compile(r"\s+в\s+(?:пресс-служб\w+\s+)?(?:ведомств|министерств|управлени|департамент|прокуратур|полици|"
                      r"комитет|штаб|МВД|ГУВД|УВД|УМВД|ДВД|ОВД|ФСБ|СК|КНБ|ГКНБ|ДКНБ|СНБ|МЧС|минздрав)\w*", re.I)


# the outlet or reporter a body's words were told to, between the verb and the body
_TOLD = re.compile(r"\s+(?:[\w-]+\.[a-z]{2,5}|«[^»\n]{1,40}»|(?:журналист|корреспондент|издани|агентств|телеканал|"
                   r"газет|сайт|порта)\w*(?:\s+«[^»\n]{1,40}»|\s+[\w-]+\.[a-z]{2,5})?)(?=\s+в\s)", re.I)


_SPEECH_IN = re.compile(r"[«\"„“][^«»\"„“”]{40,}[»\"“”]")


def _subject_just_before(analysis: Analysis, persons: list[Entity], q: Quote) -> tuple[str, None] | None:
    """"Имам мечети Ержан Ахметов призвал прихожан сохранять спокойствие. "…", — отметил он": the subject
    of the sentence right before the quote, in its paragraph, with no quote of its own, is who "он" is
    (a name in the nominative right before its finite verb)."""
    sent = analysis.sentence_at(q.start)
    i = analysis.index_of(sent) if sent is not None else None
    if not i:
        return None
    prev = analysis.sentences[i - 1]
    if "\n" in analysis.text[prev.end:sent.start] or _SPEECH_IN.search(analysis.text, prev.start, prev.end):
        return None                       # (a quoted name, 'мечети "Нурлан"', is no speech)
    for p in persons:
        if prev.start <= p.start < prev.end and (p.normal or p.text) == p.text:
            rest = [t for t in prev.tokens if t.start >= p.end]
            if rest and rest[0].text == "," and any(t.text == "," for t in rest[1:]) and \
                    part_of_speech(rest[1].tag) in ("PRTF", "ADJF"):
                # ("Жеральд Дарманен, прибывший на место трагедии, поблагодарил полицейских": past the apposition)
                rest = rest[next(k for k in range(1, len(rest)) if rest[k].text == ",") + 1:]
            after = rest[0] if rest else None
            if after is not None and "VERB" in after.tag and "sing" in after.tag:
                return p.normal or p.text, None
    return None


_FEMALE_SURNAME = re.compile(r"(?:ова|ева|ёва|ина|ына|ская|цкая|ая)$")
_MALE_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий|ой|ий)$")


def _sex(name: str, full: list[str] = ()) -> str | None:
    """A person's sex as the name tells it: the first name's dictionary gender ("Анета", "Дильноза"), else a
    Russian surname's ending; None when the name does not tell (foreign, a body's name). A surname alone
    takes the sex of the full name it stands for (`full`: "Меняйло" → "Сергей Меняйло")."""
    from letopis.nlp.morph import parse
    words = name.split()
    if len(words) == 1:
        named = {f for f in full if f.split()[-1] == name}
        if len(named) > 1:
            return None                       # ("Рено": Джанет Рено or her father Роберт)
        name = named.pop() if named else name
        words = name.split()
    if not words or not words[0][:1].isupper():
        return None
    if len(words) > 1:
        # (every reading as a first name: "Эда" may be "Эд" in the genitive, a name not put in the nominative)
        # (the dictionary's readings only: a guessed one says nothing of "Жеральд")
        # (and as a nominative singular: "Жеральд" is also "Жеральда" in the plural genitive)
        sexes = {p.tag.gender for p in parse(words[0].lower()) if "Name" in p.tag and "nomn" in p.tag
                 and "sing" in p.tag and type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"}
        if sexes == {"masc"}:
            return "masc"
        if sexes == {"femn"}:
            # ("Эда Гонзалеса": a man's name left in the genitive reads as a woman's)
            last = words[-1].lower()
            return None if last[-1:] in "ая" and not _FEMALE_SURNAME.search(last) else "femn"
        if sexes:
            return None
    last = words[-1].lower()
    return "femn" if _FEMALE_SURNAME.search(last) else "masc" if _MALE_SURNAME.search(last) else None


def _speaks(analysis: Analysis, p: Entity) -> bool:
    """The person is the subject of a speech verb in his sentence ("генерал X в эфире телеканала … заявил, что")."""
    sent = analysis.sentence_at(p.start)
    if sent is None:
        return False
    after = [t for t in sent.tokens if t.start >= p.end][:10]
    return any(t.lemma in SPEECH and "VERB" in t.tag for t in after) and not any(
        t.text in (",", ";") for t in after[:1])


def _antecedent(quotes: list[Quote], persons: list[Entity], pos: int,
                analysis: Analysis | None = None) -> tuple[str | None, str | None]:
    """Who "он"/"она" after a quote is: the person who spoke last before it, else the last person named."""
    names = {p.normal or p.text for p in persons}
    # (an unnamed speaker's role counts too: "Как сообщил … представитель компании, погибли моряки X и Y. «…», —
    # заявил он"; the people a quote speaks of are not who speaks next)
    q = next((q for q in reversed(quotes) if q.start < pos and (q.speaker in names or q.speaker is None and q.role)),
             None)
    inside = lambda p: any(x.start <= p.start and p.end <= x.end for x in quotes)  # noqa: E731
    # (one named after that quote, outside quotes, is the newer: "… генерал Мухаммед аль-Хамди заявил, что …")
    p = next((p for p in reversed(persons) if p.end <= pos and not inside(p) and (q is None or p.start > q.end)
              and analysis is not None and _speaks(analysis, p)), None)
    if p is not None and q is not None:
        return p.normal or p.text, None
    if q is not None:
        return q.speaker, q.role
    p = next((p for p in reversed(persons) if p.end <= pos and not inside(p)), None)
    return ((p.normal or p.text) if p is not None else None), None


# speakers called by what they do for the story, not by a post another person could hold
_COMMENTATORS = frozenset({"эксперт", "аналитик", "политолог", "собеседник", "собеседница", "специалист",
                           "исследователь", "востоковед", "историк", "юрист"})


def _resolve_role(speaker: str | None, role: str | None, holders: dict[str, str]) -> str | None:
    if speaker is None and role:
        who = holders.get(role.lower())
        if who is None:
            # "заместитель председателя КНБ" is the "заместитель председателя Комитета национальной безопасности
            # Республики Казахстан" named before
            found = {p for r, p in holders.items() if _abbreviates(role, r)}
            who = found.pop() if len(found) == 1 else None
        return who
    return speaker


def _abbreviates(short: str, full: str) -> bool:
    """`short` is `full` with a run of its words cut to their initials: "заместитель председателя КНБ" of
    "заместитель председателя комитета национальной безопасности республики казахстан"."""
    sw, fw = short.split(), full.lower().split()
    k = next((i for i, w in enumerate(sw) if len(w) > 1 and w.isupper() and w.isalpha()), None)
    if k is None or [w.lower() for w in sw[:k]] != fw[:k]:
        return False
    letters = sw[k].lower()
    if "".join(w[0] for w in fw[k:k + len(letters)]) != letters:
        return False
    rest = [w.lower() for w in sw[k + 1:]]
    return fw[k + len(letters):k + len(letters) + len(rest)] == rest


def _interview_answers(analysis: Analysis, persons: list[Entity], quotes: list[Quote],
                       taken: list[tuple[int, int]]) -> list[Quote]:
    """An interview told as dashed lines, questions ending in "?": each answer after a question is the
    interviewee's. Who that is: the one a dashed answer names ("— …, — отметил Жумабаев"), else the one
    the questions address by first name and patronymic ("— Нурлан Серикович, …?"), else the only person
    named before the first question."""
    lines = list(_DASH_LINE.finditer(analysis.text))
    asked = [m for m in lines if m.group("body").rstrip("»\"").endswith("?")]
    if len(lines) < 3 or not asked:
        return []
    named = {p.normal or p.text for p in persons}
    who = next((q.speaker for q in quotes if q.speaker in named and any(m.start() <= q.start < m.end() for m in lines)),
               None)
    if who is None:
        firsts = {w for m in asked for w in re.findall(r"^([А-ЯЁ][а-яё]+)\s+[А-ЯЁ][а-яё]+(?:вич|вна|ич|улы|кызы)\b",
                                                      m.group("body"))}
        fits = {n for n in named if n.split()[0] in firsts and len(n.split()) > 1}
        intro = {p.normal or p.text for p in persons if p.end <= lines[0].start() and " " in (p.normal or p.text)}
        who = next(iter(fits), None) if len(fits) == 1 else next(iter(intro), None) if len(intro) == 1 else None
    if who is None:
        return []
    out = []
    for prev, m in zip(lines, lines[1:]):
        if m in asked or prev not in asked:
            continue
        for q in quotes:          # "— …, — отметил эксперт.": an answer whose speaker a noun left unknown
            if q.speaker is None and m.start() <= q.start < m.end():
                q.speaker = who
        if any(a <= m.start() < b for a, b in taken):
            continue
        body = m.group("body")
        out.append(Quote(who, None, m.start("body"), m.start("body") + len(body), body, extra={"interview": True}))
    return out


def find_quotes(analysis: Analysis, ex) -> list[Quote]:
    text = analysis.text
    roles = ex.roles
    persons = [e for e in analysis.entities if e.type == "PERSON"]
    # who holds which role: "Государственный секретарь РК Ерлан Карин"
    holders: dict[str, str] = {}
    for r in roles:
        p = next((p for p in persons if 0 <= p.start - r.end <= 2), None)
        # ("Адвокат Эргешова Айгуль Сыдыкова": the client, then the one who holds the role)
        p = next((o for o in persons if p is not None and " " not in p.text.strip() and o.start == p.end + 1
                  and text[p.end] == " "), p)
        # (not a plural: "в окружении военнослужащих США Рафаэль Корреа", a caption's run-on)
        if p is not None and not dative_only(text, r.start) and not r.plural:
            holders.setdefault(r.normal.lower(), p.normal or p.text)
    quotes: list[Quote] = []
    taken: list[tuple[int, int]] = []
    # «…», — сказал X; and the same told after a dash at a paragraph's start: "— …, — заявил X."
    direct = list(_DIRECT.finditer(text)) if _DIRECT_NEED.search(text) else []
    for m in [*direct, *_DASHED.finditer(text)]:
        verb = lemma(m.group("verb"))
        if verb not in SPEECH and verb != "цитировать" or len(m.group("body").split()) < 3 \
                or any(a <= m.start() < b for a, b in taken):
            continue
        extra = {"verb": m.group("verb")}
        if verb == "цитировать":
            # "— цитирует министра пресс-служба ведомства": the one quoted is the object; the outlet that
            # quotes him ("— цитирует его РИА Новости") is a source, never the speaker
            if re.match(r"\s+(?:его|ее|её|их)\b", text[m.end("verb"):]):
                speaker, role = None, None
                extra["pronoun"] = True
            else:
                speaker, role, at = _speaker_after(analysis, m.end("verb"), roles, persons)
                if at == m.end("verb"):
                    speaker = None           # a bare noun: the quoting outlet
        elif verb in IMPERSONAL:
            speaker, role = _org_after(analysis, m.end("verb")), None      # "— говорится в сообщении КНБ"
            if speaker is None:
                extra["statement"] = True   # "— говорится в сообщении.": whose, the sources tell
                extra["body"] = _body_before(analysis, m.end("verb"))
        elif (said := _PRONOUN_AFTER.match(text, m.end("verb"))):
            speaker, role = None, None                 # "— добавила она": resolved once all quotes are in
            extra["pronoun"] = said.group(0).strip().lower()
        else:
            speaker, role, _ = _speaker_after(analysis, m.end("verb"), roles, persons)
            # (past the outlet told: "— сообщили Газете.uz в пресс-службе МВД", "— сказали «Интерфаксу» в ГУВД")
            told = _TOLD.match(text, m.end("verb"))
            at = told.end() if told else m.end("verb")
            if speaker is None and role is None and _IN_BODY.match(text, at):
                # "…", — сказали в ведомстве": the body's statement, the one cited before it
                speaker = _org_after(analysis, at)
                extra["statement"] = speaker is None
                extra["official"] = True        # (the report itself: its toll and its act count)
        speaker = _resolve_role(speaker, role, holders)
        quotes.append(Quote(speaker, role, m.start("body"), m.end("body"), m.group("body"), extra=extra))
        taken.append((m.start(), m.end()))
    for m in _SPLIT.finditer(text) if "—" in text or "–" in text else ():
        if lemma(m.group("verb")) not in SPEECH or any(a <= m.start() < b for a, b in taken):
            continue
        said = _PRONOUN_AFTER.match(text, m.end("verb"))        # "— написал он в своем Твиттере. — …"
        speaker, role, _ = (None, None, 0) if said else _speaker_after(analysis, m.end("verb"), roles, persons)
        speaker = _resolve_role(speaker, role, holders)
        for part in ("body", "body2"):               # two spans of the text, one speaker
            extra = {"verb": m.group("verb"), "split": True}
            if said:
                extra["pronoun"] = said.group(0).strip().lower()
            quotes.append(Quote(speaker, role, m.start(part), m.end(part), m.group(part), extra=extra))
        taken.append((m.start(), m.end()))
    quotes += _interview_answers(analysis, persons, quotes, taken)
    for m in (_lead_quotes(text) if _LEAD_NEED.search(text) else ()):
        if any(a <= m.start(2) < b for a, b in taken):
            continue
        sent = analysis.sentence_at(m.start())
        lo = sent.start if sent else max(0, m.start() - 150)
        before = [p for p in persons if lo <= p.start < m.start()]
        if not before:
            continue
        p = before[-1]
        quotes.append(Quote(p.normal or p.text, None, m.start(2), m.end(2), m.group(2), extra={"verb": m.group("verb")}))
    for m in _INDIRECT.finditer(text):
        who = m.group("who").strip()
        ps = [p for p in persons if m.start("who") <= p.start < m.end("who")]
        # (not the one told: "Как сообщил журналистам министр внутренних дел X")
        rs = [r for r in roles if m.start("who") <= r.start < m.end("who") and not dative_only(text, r.start)]
        speaker = ps[0].normal or ps[0].text if ps else None
        role = rs[0].normal if rs else None
        if m.group("as") and not rs and not (ps and ps[0].start - m.start("who") <= 2):
            continue                     # "Как сообщила официальный представитель МИД Мария Захарова, …": a
            #                              person or a post; an agency or a newspaper is a source, not a speaker
        head = _WORD.match(who)
        if speaker is None and role is None and head is not None and lemma(head.group().lower()) in ANONYMOUS:
            # "По словам источника агентства, …": an unnamed source, no one quoted before
            role = lemma(head.group().lower()) + who[head.end():]
        elif speaker is None and role is None:
            # "по словам спикера": the last named speaker
            speaker = next((q.speaker for q in reversed(quotes) if q.start < m.start() and q.speaker), None)
            role = who or None
        many = bool(rs and rs[0].plural)       # "По словам прокуроров": many, not the one prosecutor named
        if not many:
            speaker = _resolve_role(speaker, role, holders)
        quotes.append(Quote(speaker, role, m.start("body"), m.end("body"), m.group("body"),
                            extra={"indirect": True, **({"many": True} if many else {})}))
    quotes += _quoted_after_that(analysis, roles, persons, holders, quotes)
    quotes += _said_that(analysis, persons, quotes)
    quotes.sort(key=lambda q: q.start)
    for q in quotes:
        if (pronoun := q.extra.pop("pronoun", False)):
            # ("— отметила она": a woman, "— написал он": a man; a name of the other gender is not who)
            sex = {"он": "masc", "она": "femn"}.get(pronoun) if isinstance(pronoun, str) else None
            full = [p.normal or p.text for p in persons if len((p.normal or p.text).split()) > 1]
            fit = [p for p in persons if sex is None or _sex(p.normal or p.text, full) in (None, sex)]
            q.speaker, q.role = _subject_just_before(analysis, fit, q) or _antecedent(
                [x for x in quotes if sex is None or x.speaker is None or _sex(x.speaker, full) in (None, sex)],
                fit, q.start, analysis)
        elif q.speaker is None and q.role and q.role.split()[0].lower() in _COMMENTATORS \
                and not (len(q.role.split()) > 1 and lemma(q.role.split()[0].lower()) in ANONYMOUS):
            # (not an outlet's unnamed source: "— сказал собеседник агентства")
            # "— отметил эксперт" in a text that has named one person so far, or one commentator ("Политолог
            # Марс Сариев"), or right after a quote of his in the same paragraph: that person
            named = {p.normal or p.text for p in persons if p.end <= q.start}
            experts = {who for r, who in holders.items() if r.split()[0] in _COMMENTATORS and who in named}
            before = next((o for o in reversed(quotes) if o.end <= q.start and o.speaker), None)
            if len(named) == 1:
                q.speaker = named.pop()
            elif len(experts) == 1:
                q.speaker = experts.pop()
            elif before is not None and "\n" not in text[before.end:q.start]:
                q.speaker = before.speaker
    # a speaker named by surname alone ("— заявил Рестрепо") is the one person of the text with that surname
    full: dict[str, set[str]] = {}
    for p in persons:
        name = p.normal or p.text
        if len(name.split()) > 1:
            full.setdefault(name.split()[-1], set()).add(name)
    for q in quotes:
        if q.speaker and " " not in q.speaker and len(full.get(q.speaker, ())) == 1:
            q.speaker = next(iter(full[q.speaker]))
    for q in quotes:                      # a role-only speaker may be named elsewhere in the text
        if q.speaker and not q.role:
            # (the post held under the full name, else under the surname the text gave it with: "глава Apple Джобс")
            q.role = next((r for r, p in holders.items() if p == q.speaker), None) or next(
                (r for r, p in holders.items() if " " not in p and p == q.speaker.split()[-1]), None)
            if q.role:
                q.role = next(x.normal for x in roles if x.normal.lower() == q.role)
    return quotes


def statements_of_sources(quotes: list[Quote], sources: list) -> None:
    """"…», — говорится в сообщении." with no body named after it: the statement of the state body
    cited last before it ("сообщает пресс-служба ведомства" in the lead)."""
    from letopis.extract.sources import cited_before
    for q in quotes:
        body = q.extra.pop("body", None)
        if q.extra.pop("statement", False) and q.speaker is None:
            q.speaker = cited_before(sources, q.start, lambda name: True) or body

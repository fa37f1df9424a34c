"""read → nlp → extract → incidents: one Document in, one DocumentRecord out."""
from __future__ import annotations

from datetime import date

from letopis.read.document import Document
from letopis.record import DocumentRecord, Entity


def process_document(document: Document) -> DocumentRecord:
    import letopis.extract as extract_stage
    from letopis import incidents as incident_stage
    from letopis import nlp

    analysis = nlp.analyze(document)
    found = extract_stage.run(analysis)
    table = _table_entities(found)
    names = [(e.start, e.end) for e in table if e.type in ("WEAPON", "VEHICLE")]
    analysis.entities = [e for e in analysis.entities if not _eponym(e, names)]
    _charge_titles(analysis.entities, found.charges)
    people = incident_stage.people(analysis, found)
    incidents = incident_stage.build(analysis, found, people)
    record = DocumentRecord(
        doc=document.doc, title=document.title,
        published=document.published.isoformat() if document.published else None,
        entities=_merge_entities(analysis.entities, getattr(analysis, "other_entities", []), table, names,
                                 _date_entities(found)),
        incidents=incidents, facts=found.facts, quotes=found.quotes, sources=found.sources,
        persons=people, organizations=incident_stage.organizations(analysis),
        places=incident_stage.places(analysis), charges=list(found.charges), temporals=found.temporals,
        boilerplate=[{"start": s, "end": e, "text": document.text[s:e]} for s, e in document.boilerplate],
        url=document.url, content_hash=document.content_hash, encoding=document.encoding,
        format=document.format, text=document.text,
    )
    if getattr(document, "warnings", None):
        record.warnings = list(document.warnings)
    record.entities.sort(key=lambda e: (e.start, -e.end, e.type))
    return record


def _eponym(e: Entity, names: list[tuple[int, int]]) -> bool:
    """"автомат Калашникова", "пистолет Макарова": a person's name inside a weapon or vehicle
    name (`names`) is the designer, not a person of the story."""
    return e.type == "PERSON" and _within(e, names)


def _charge_titles(entities: list[Entity], charges) -> None:
    """"по статьям 254 (Терроризм) и 255 (Финансирование террористической деятельности)": an article's
    title the recogniser read as an organisation is the crime the article names."""
    titles = [(c.start, c.end, c.name.lower()) for c in charges if c.name]
    for e in entities:
        if e.type == "ORGANIZATION" and any(s <= e.start and e.end <= t and e.text.strip().lower() == name
                                            for s, t, name in titles):
            e.type = "CRIME"


def _within(e: Entity, spans: list[tuple[int, int]]) -> bool:
    return any(s <= e.start and e.end <= t for s, t in spans)


TERM_TYPES = ("DISEASE", "RELIGION", "LANGUAGE", "WORK_OF_ART", "FACILITY", "NATIONALITY", "LAW")


def _merge_entities(core: list[Entity], other: list[Entity], table: list[Entity],
                    names: list[tuple[int, int]], dates: list[Entity] = ()) -> list[Entity]:
    """Recogniser entities plus table ones; where the model and a table give the same type over the
    same span (PROFESSION, AGE), the table's entity stays (it carries its normal form and class)."""
    from letopis.nlp.entities import VALUE_TYPES
    # a disease, faith, language or title inside a person's name is none ("Ислам Каримов")
    persons = [(e.start, e.end) for e in core if e.type == "PERSON"]
    table = [e for e in table if e.type not in TERM_TYPES or not _within(e, persons)]
    have = {(e.type, e.start, e.end) for e in table}

    def keep(e: Entity) -> bool:
        if (e.type, e.start, e.end) in have:
            return False
        # digits of a model name are no value: "РПГ-26", "ВАЗ-21099" are not an AGE or a NUMBER
        return not (e.type in VALUE_TYPES and any(s < e.end and e.start < t for s, t in names))
    kept = [e for e in other if keep(e)]
    # one AGE per age, not two overlapping ones: the model's span stands (measured on NEREL dev:
    # AGE F1 .865 → .885); the model's entity takes the table's normal form (the age as a number).
    # Likewise a role the model tagged over another span: the model's PROFESSION stands (with the
    # word-table feature the model learnt the tables' roles and NEREL's bounds: PROFESSION dev F1
    # .774 with both, .793 so); a role the model missed comes from the table.
    # A disease, faith, language or title the model found stands too; one it missed, or read as another
    # type over the same words ("коронавирус" as an EVENT), comes from the table.
    model = {t: [e for e in other if e.type == t] for t in ("PROFESSION", *TERM_TYPES)}
    model["AGE"] = [e for e in kept if e.type == "AGE"]
    same = {(e.type, e.start, e.end) for e in other}
    terms: dict[tuple[int, int], set[str]] = {}
    for e in table:
        if e.type in TERM_TYPES:
            terms.setdefault((e.start, e.end), set()).add(e.type)
    def term_agrees(e: Entity) -> bool:
        return e.type in terms.get((e.start, e.end), {e.type})
    kept = [e for e in kept if term_agrees(e)]
    # and an organisation or place over the very words of a table term ("COVID-19", "заставе
    # «Арканкерген»") is the recogniser's guess the table corrects
    core = [e for e in core if e.type == "PERSON" or term_agrees(e)]
    # a year inside a name is a DATE, not the model's NUMBER ("COVID-19"); not in a weapon's name
    table = [e for e in table if e.type != "DATE" or not _within(e, names)]
    years = {(e.start, e.end) for e in table if e.type == "DATE"}
    kept = [e for e in kept if e.type not in VALUE_TYPES or (e.start, e.end) not in years]
    out = []
    for e in table:
        over = [] if (e.type, e.start, e.end) in same else \
            [a for a in model.get(e.type, ()) if a.start < e.end and e.start < a.end
             and not (e.type in TERM_TYPES and e.start <= a.start and a.end <= e.end)]
        for a in over:
            if e.type == "AGE":
                a.normal = e.normal
        if not over:
            out.append(e)
    table = out
    # a date the rules read where the model has no value at all ("28 апреля", "с 16 апреля по 19 мая 2019
    # года", "в октябре 2018 года"): NEREL dev DATE F1 .839 → .846
    values = [(e.start, e.end) for e in core + kept + table if e.type in VALUE_TYPES or e.type in ("DATE", "TIME")]
    table += [d for d in dates if not any(s < d.end and d.start < t for s, t in values)]
    return core + kept + table


def _date_entities(found) -> list[Entity]:
    """Full dates, ranges and months the date rules read, as DATE entities."""
    return [Entity("DATE", t.start, t.end, t.text, t.value or t.text, source="rule") for t in found.temporals
            if t.kind in ("date", "range", "month")]


def _table_entities(found) -> list[Entity]:
    """WEAPON/VEHICLE/PROFESSION/AGE and the TERM_TYPES come from tables and rules, and are entities too."""
    out = [Entity("WEAPON", w.start, w.end, w.text, w.normal, source="table", extra={"class": w.cls})
           for w in found.weapons]
    out += [Entity("VEHICLE", v.start, v.end, v.text, v.normal, source="table") for v in found.vehicles]
    # a kind of person ("женщина", "боевик") is a role in the story (persons, casualties), not a
    # PROFESSION entity: NEREL does not annotate them, and on its dev set they were nearly half the
    # table's wrong PROFESSION spans
    out += [Entity("PROFESSION", r.start, r.end, r.text, r.normal, source="table") for r in found.roles
            if not r.kind_of_person]
    out += [Entity("AGE", a.start, a.end, a.text, str(a.value), source="rule") for a in found.ages]
    out += [Entity(t.type, t.start, t.end, t.text, t.normal, source="table") for t in found.terms]
    return out


def extract_text(text: str, published: str | date | None = None, doc: str = "<text>",
                 title: str | None = None) -> DocumentRecord:
    from letopis.read import read_text
    return process_document(read_text(text, doc=doc, published=published, title=title))


# ---- `letopis extract` in worker processes (letopis.workers.ordered_map forks them from a process
# that ran warm_up, or spawns them to run it) --------------------------------------------------

def warm_up() -> None:
    """Load every model and table once, before the first real document, then freeze them out of
    the garbage collector's walks (a worker's initializer, or a CLI process before its batch)."""
    from letopis.workers import settle_gc, single_threaded_math
    single_threaded_math()
    try:
        extract_text("В Москве прошёл дождь.", doc="warmup.txt")
    except Exception:           # a real document will report the problem as its own error
        pass
    settle_gc()


def record_json(job: tuple[Document, bool]) -> str:
    """One document → its record as a JSON line (the text only when asked): built where it is
    computed, so a worker sends back one string."""
    import json
    document, with_text = job
    record = process_document(document).to_dict()
    if not with_text:
        record.pop("text", None)
    return json.dumps(record, ensure_ascii=False)

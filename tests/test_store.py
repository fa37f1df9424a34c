"""Store: idempotent writes by content hash, failed documents, word-form search, incident filters."""
from __future__ import annotations

import sqlalchemy as sa

from letopis.record import DocumentRecord, Entity, Fact, Incident, Quote, Source
from letopis.store import Store
from letopis.store.store import hash_text
from letopis.store import lemmas, query
from letopis.store.ingest import ingest_documents
from letopis.read.document import Document, ReadError

from pgserver import pg_server, store_url  # noqa: F401  (fixtures: every test below runs on SQLite and PostgreSQL)

TARAZ = ("В субботу в Таразе неизвестный открыл огонь по сотрудникам полиции, а затем подорвал себя. "
         "Погибли семь человек, среди них пять сотрудников правоохранительных органов. "
         "Нападавший Максат Кариев ограбил оружейный магазин.")
OSH = ("В Оше прогремели два взрыва у здания УВД. По данным МВД Кыргызстана, ранены три человека. "
       "Взрывы произошли около 11 часов утра.")
NOTHING = "В Алматы прошла выставка цветов. Посетители остались довольны."


def taraz() -> DocumentRecord:
    start = TARAZ.index("Максат Кариев")
    return DocumentRecord(
        doc="taraz-2011.txt", title="Стрельба в Таразе", published="2011-11-14", text=TARAZ,
        entities=[Entity("CITY", TARAZ.index("Таразе"), TARAZ.index("Таразе") + 6, "Таразе", "Тараз"),
                  Entity("PERSON", start, start + 13, "Максат Кариев", "Максат Кариев")],
        incidents=[Incident(date="2011-11-12", date_text="в субботу", country="KZ", region="Жамбылская область",
                            city="Тараз", lat=42.9, lon=71.37, types=["armed_assault", "bombing", "suicide"],
                            weapons=["firearms", "explosives"], killed=7, wounded=3, perpetrators_killed=1,
                            suicide=True, perpetrators=["Максат Кариев"], summary="Нападение в Таразе",
                            evidence=[(0, 20)])],
        facts=[Fact(kind="criminal_cases_opened", text="возбуждено дело", quantity=1)],
        quotes=[Quote(speaker="Ерлан Карин", role="госсекретарь", start=0, end=10, text=TARAZ[:10])],
        sources=[Source("Vecher.kz", "publisher")],
    )


def osh() -> DocumentRecord:
    return DocumentRecord(
        doc="osh.txt", title=None, published="2010-05-20", text=OSH,
        entities=[Entity("CITY", 2, 5, "Оше", "Ош")],
        incidents=[Incident(date="2010-05-19", country="KG", city="Ош", lat=40.5, lon=72.8, types=["bombing"],
                            weapons=["explosives"], killed=None, wounded=3, groups=["Исламское движение"])],
    )


def nothing() -> DocumentRecord:
    return DocumentRecord(doc="flowers.txt", title=None, published="2012-01-01", text=NOTHING)


def filled(where) -> Store:
    """A store holding the three records: `where` is a database URL/path, or a folder for an SQLite file."""
    store = Store(where if isinstance(where, str) else str(where / "t.db"))
    for rec in (taraz(), osh(), nothing()):
        assert store.put(rec).action == "stored"
    return store


def test_wal_and_tables(tmp_path):
    store = Store(str(tmp_path / "t.db"))
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
    assert store.url.startswith("sqlite:///") and store.url.endswith("t.db")
    assert store.stats()["documents"] == 0


def test_put_is_idempotent_by_content_hash(store_url):
    store = Store(store_url)
    first = store.put(taraz())
    again = store.put(taraz())
    assert first.action == "stored" and again.action == "skipped" and again.id == first.id
    renamed = taraz()
    renamed.doc = "copy-of-taraz.txt"          # same text under another name: same document
    assert store.put(renamed).action == "skipped"
    assert store.stats()["documents"] == 1 and store.stats()["incidents"] == 1
    replaced = store.put(taraz(), replace=True)
    assert replaced.action == "replaced" and replaced.id == first.id
    assert store.stats()["incidents"] == 1 and store.stats()["entities"] == 2


def test_failed_document_recorded_then_resolved(store_url):
    store = Store(store_url)
    fid = store.put_failed("taraz-2011.txt", "ValueError: boom", content_hash="h1", stage="process", text=TARAZ,
                           published="2011-11-14")
    failed = store.failed_documents()
    assert [f["id"] for f in failed] == [fid] and failed[0]["error"] == "ValueError: boom"
    assert failed[0]["text"] == TARAZ and failed[0]["published"] == "2011-11-14"
    assert store.stats()["failed"] == 1 and store.search("Тараз") == []   # failed rows are not searchable
    # the input now processes: its failure is gone
    store.put(taraz())
    assert store.failed_documents() == [] and store.stats()["documents"] == 1


def test_search_finds_word_forms(store_url):
    store = filled(store_url)
    hits = store.search("Тараз")
    assert [h["doc"] for h in hits] == ["taraz-2011.txt"]
    h = hits[0]
    assert "Таразе" in h["snippet"] and h["incident_ids"]
    marked = [h["snippet"][s:e] for s, e in h["marks"]]
    assert "Таразе" in marked
    assert "[Таразе]" in h["snippet_marked"]
    # plural query finds the singular and vice versa
    assert {h["doc"] for h in store.search("взрывы")} == {"osh.txt"}
    assert {h["doc"] for h in store.search("взрыв")} == {"osh.txt"}
    assert {h["doc"] for h in store.search("сотрудник полиция")} == {"taraz-2011.txt"}
    assert store.search("Тараз Ош") == []                       # AND
    assert {h["doc"] for h in store.search("Тараз OR Ош")} == {"taraz-2011.txt", "osh.txt"}
    assert {h["doc"] for h in store.search("взры*")} == {"osh.txt"}
    assert store.count_search("Тараз ИЛИ Ош") == 2
    assert store.search("") == [] and store.search("!!!") == []


def test_search_names_and_ranking(store_url):
    store = filled(store_url)
    # names pymorphy2 mis-lemmatises still meet: "Кариева" ~ "Кариев"
    assert [h["doc"] for h in store.search("Кариева")] == ["taraz-2011.txt"]
    # the title weighs: a second document mentioning Тараз only in passing ranks below
    store.put(DocumentRecord(doc="other.txt", title=None, published=None,
                             text="Фестиваль прошёл в Алматы, Шымкенте и Таразе. " + NOTHING * 3))
    assert [h["doc"] for h in store.search("Тараз")][0] == "taraz-2011.txt"


def test_forms_and_query_parsing():
    assert "тараз" in lemmas.forms("Таразе")
    assert lemmas.forms("ёлка")[0] == "елка"
    assert "сталь" not in lemmas.forms("стали")        # unlikely parses dropped
    q = query.parse("взрывы OR Тараз*")
    assert len(q.alternatives) == 2 and q.alternatives[1][0].prefix == "тараз"
    assert query.fts5(query.parse("Ош")).startswith('(("ош"')


def test_incident_filters(store_url):
    store = filled(store_url)
    assert store.count_incidents() == 2
    assert [r["city"] for r in store.incidents(country="KZ")] == ["Тараз"]
    assert [r["city"] for r in store.incidents(country=["kz", "KG"], order="date")] == ["Ош", "Тараз"]
    assert [r["city"] for r in store.incidents(since="2011-01-01")] == ["Тараз"]
    assert [r["city"] for r in store.incidents(until="2011-01-01")] == ["Ош"]
    assert [r["city"] for r in store.incidents(type="bombing")] == ["Тараз", "Ош"]
    assert [r["city"] for r in store.incidents(type=["armed_assault"])] == ["Тараз"]
    assert [r["city"] for r in store.incidents(weapon="firearms")] == ["Тараз"]
    assert [r["city"] for r in store.incidents(min_killed=1)] == ["Тараз"]
    assert [r["city"] for r in store.incidents(q="взрывы")] == ["Ош"]
    assert [r["city"] for r in store.incidents(order="-killed")] == ["Тараз", "Ош"]   # nulls last
    assert store.incidents(limit=1, offset=1)[0]["city"] == "Ош"
    row = store.incidents(country="KZ")[0]
    assert row["date"] == "2011-11-12" and row["year"] == 2011 and row["suicide"] is True
    assert row["types"] == ["armed_assault", "bombing", "suicide"] and row["doc"] == "taraz-2011.txt"
    assert store.count_incidents(country="KG", type="bombing") == 1
    assert [r["city"] for r in store.incidents(region="Жамбылская область")] == ["Тараз"]
    assert store.count_incidents(city="Ош") == 1 and store.incidents(city="Бишкек") == []


def test_incident_document_entities_facts_stats(store_url):
    store = filled(store_url)
    rid = store.incidents(country="KZ")[0]["id"]
    inc = store.incident(rid)
    assert inc["killed"] == 7 and inc["perpetrators"] == ["Максат Кариев"] and inc["date_text"] == "в субботу"
    assert inc["reports"] == [{"doc": "taraz-2011.txt", "incident": 0}]
    assert inc["evidence_text"] == [TARAZ[0:20]] and inc["document"]["doc"] == "taraz-2011.txt"
    assert store.incident(inc["uid"])["id"] == rid and store.incident(99999) is None
    doc = store.document("taraz-2011.txt")
    assert doc["record"]["text"] == TARAZ and doc["record"]["incidents"][0]["city"] == "Тараз"
    assert store.document(doc["id"])["doc"] == "taraz-2011.txt"
    assert store.document(doc["content_hash"])["id"] == doc["id"]
    assert [r["id"] for r in doc["incidents"]] == [rid]
    ents = store.entities(type="CITY")
    assert {e["normal"] for e in ents} == {"Тараз", "Ош"}
    assert store.entities(q="кари")[0]["normal"] == "Максат Кариев"          # case-insensitive Cyrillic
    m = store.entity_mentions("максат кариев")
    assert len(m) == 1 and TARAZ[m[0]["start"]:m[0]["end"]] == "Максат Кариев"
    assert store.facts(kind="criminal_cases_opened")[0]["quantity"] == 1
    assert store.quotes(speaker="карин")[0]["role"] == "госсекретарь"
    s = store.stats()
    assert s["documents"] == 3 and s["incidents"] == 2 and s["killed"] == 7 and s["wounded"] == 6
    assert s["by_country"] == {"KZ": 1, "KG": 1} and s["by_type"]["bombing"] == 2 and s["by_year"] == {2010: 1, 2011: 1}


def test_ingest_documents_records_failures_and_skips(store_url):
    store = Store(store_url)
    calls = []

    def process(doc: Document) -> DocumentRecord:
        calls.append(doc.doc)
        if "сломан" in doc.text:
            raise RuntimeError("cannot process")
        return DocumentRecord(doc=doc.doc, title=doc.title, published=None, text=doc.text)

    items = [Document("a.txt", TARAZ), ReadError("empty.txt", "empty file"), Document("b.txt", "сломанный текст")]
    report = ingest_documents(store, items, process=process)
    assert report.counts() == {"stored": 1, "replaced": 0, "skipped": 0, "failed": 2}
    assert {(o.doc, o.stage) for o in report.failures} == {("empty.txt", "read"), ("b.txt", "process")}
    assert {f["doc"] for f in store.failed_documents()} == {"empty.txt", "b.txt"}
    # a second run: the stored one is skipped, the processing failure not re-tried, the read error again
    calls.clear()
    report = ingest_documents(store, items, process=process)
    assert calls == [] and report.count("skipped") == 1 and report.count("failed") == 2
    assert [o.earlier for o in report.failures if o.doc == "b.txt"] == [True]
    assert len(store.failed_documents()) == 2
    # --retry-failed re-processes it
    report = ingest_documents(store, items, process=process, retry_failed=True)
    assert calls == ["b.txt"] and report.count("failed") == 2


def test_memory_store():
    store = Store(":memory:")
    store.put(taraz())
    assert store.search("Таразе")[0]["doc"] == "taraz-2011.txt"


def test_retry_failed_from_stored_text(store_url):
    from letopis.store.ingest import retry_failed

    store = Store(store_url)
    broken = {"on": True}

    def process(doc: Document) -> DocumentRecord:
        if broken["on"]:
            raise RuntimeError("model not loaded")
        return DocumentRecord(doc=doc.doc, title=doc.title, published=None, text=doc.text,
                              incidents=[Incident(city="Тараз", types=["armed_assault"])])

    from datetime import date
    report = ingest_documents(store, [Document("taraz.txt", TARAZ, published=date(2011, 11, 14))], process=process)
    assert report.count("failed") == 1 and store.failed_documents()[0]["error"] == "RuntimeError: model not loaded"
    assert "Traceback" in store.failed_documents()[0]["error_detail"]
    broken["on"] = False
    report = retry_failed(store, process=process)
    assert report.counts()["replaced"] == 1 and store.failed_documents() == []
    doc = store.document("taraz.txt")
    assert doc["status"] == "ok" and doc["published"] == "2011-11-14" and doc["incidents"][0]["city"] == "Тараз"
    assert store.search("Тараз")[0]["doc"] == "taraz.txt"


def test_put_many_batch_and_its_fallback(store_url):
    """A batch is one transaction; a document the database refuses costs only itself, and the
    same text twice in one batch is stored once."""
    store = Store(store_url)
    bad = DocumentRecord(doc="bad.txt", title=None, published=None, text="В Уфе взрыв.",
                         incidents=[Incident(city="Уфа", killed=10 ** 30)])        # no integer column holds it
    batch = [store.prepare(r, content_hash=hash_text(r.text)) for r in (taraz(), bad, osh(), taraz())]
    out = store.put_many(batch)
    assert [getattr(x, "action", None) for x in out] == ["stored", None, "stored", "skipped"]
    assert isinstance(out[1], Exception) and out[3].id == out[0].id
    assert store.stats()["documents"] == 2 and store.count_incidents() == 2
    # the batch path: all good documents together, children and index written per table
    more = [store.prepare(DocumentRecord(doc=f"n{k}.txt", title=None, published=None, text=f"Текст {k} о Таразе."),
                          content_hash=hash_text(f"Текст {k} о Таразе.")) for k in range(5)]
    assert [x.action for x in store.put_many(more)] == ["stored"] * 5
    assert len(store.search("Тараз", limit=50)) == 6
    store.close()

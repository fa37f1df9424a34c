"""`letopis extract` carries the NEREL model's entities (all types, nested) with valid offsets,
and person normal forms over the model's PERSON spans are nominative."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "nerel" / "dev"
# A dev story with professions, dates, countries and cities (the Obamas' Washington house).
DOC = "119336_text.txt"


def _extract(path: Path) -> dict:
    from typer.testing import CliRunner

    from letopis.cli import app
    res = CliRunner().invoke(app, ["extract", str(path)])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout.splitlines()[0])


@pytest.fixture(scope="module")
def record() -> dict:
    path = DEV / DOC
    if not path.exists():
        pytest.skip(f"NEREL dev text not found at {path}")
    return _extract(path)


def test_model_types_beyond_natasha(record):
    text = (DEV / DOC).read_text(encoding="utf-8")
    ents = record["entities"]
    model = [e for e in ents if e.get("source") == "model"]
    types = {e["type"] for e in model}
    assert {"PROFESSION", "DATE"} <= types, types
    assert types & {"COUNTRY", "CITY", "STATE_OR_PROVINCE"}, types
    for e in ents:
        assert 0 <= e["start"] < e["end"] <= len(text)
        assert text[e["start"]:e["end"]] == e["text"], e
    # nested: an entity lies inside another one ("президента США" ⊃ "США")
    assert any(a is not b and a["start"] <= b["start"] and b["end"] <= a["end"]
               and (a["start"], a["end"]) != (b["start"], b["end"]) for a in model for b in model)


def test_person_normals_nominative(record):
    persons = {e["text"]: e["normal"] for e in record["entities"] if e["type"] == "PERSON"}
    want = {"Барак Обама": "Барак Обама", "Билла Клинтона": "Билл Клинтон", "Обамы": "Обама",
            "Джареда Кушнера": "Джаред Кушнер", "Иванку Трамп": "Иванка Трамп", "Барака": "Барак"}
    found = {t: persons[t] for t in want if t in persons}
    assert len(found) >= 4, persons              # the model finds most of them (retrained or not)
    assert found == {t: want[t] for t in found}
    assert not any(t.startswith("Семья") for t in persons)        # "Семья Обамы" is no person


def test_natasha_still_selectable():
    from letopis.nlp.pipeline import analyze, recogniser
    from letopis.read.document import Document
    assert recogniser("natasha") == "natasha" and recogniser("nerel") == "model"
    with pytest.raises(ValueError):
        recogniser("spacy")
    a = analyze(Document(doc="t", text="Министр иностранных дел России Сергей Лавров прилетел в Астану."),
                ner="natasha")
    assert any(e.type == "PERSON" and e.normal == "Сергей Лавров" for e in a.entities)
    assert a.other_entities == []


def test_lean_navec_matches_natasha():
    """The lean loader reads natasha's embedding file to the same ids and codes."""
    np = pytest.importorskip("numpy")
    from natasha import NewsEmbedding

    from letopis.nlp.nerel.features import light_navec
    a, b = light_navec(), NewsEmbedding()
    assert np.array_equal(a.pq.indexes, b.pq.indexes) and np.array_equal(a.pq.codes, b.pq.codes)
    for w in ("президент", "казахстан", "<unk>", "<pad>", "нетакогослова"):
        assert a.vocab.get(w) == b.vocab.get(w)


def test_the_shipped_vocabulary_index_is_natashas_and_another_vocabulary_builds_its_own():
    """features.INDEX (scripts/build_navec_index.py) is used only for the vocab.bin it was built
    from: it gives every navec word its own id; a different vocabulary gets a table of its own."""
    import gzip
    import tarfile
    import zlib

    import numpy as np
    from letopis.nlp.nerel import features as F
    with tarfile.open(F._navec_path()) as tar:
        raw = tar.extractfile("vocab.bin").read()
    words = F._read_vocab(raw)
    shipped = F._vocab(raw)
    from importlib import resources
    with (resources.files("letopis.nlp.nerel") / F.INDEX).open("rb") as fh:
        assert int(np.load(fh)["crc"]) == zlib.crc32(raw), "rebuild: python scripts/build_navec_index.py"
    assert all(shipped.get(w) == i for i, w in enumerate(words))
    assert shipped.get("нетакогослова") is None
    other = ["<unk>", "<pad>", "взрыв", "тараз"]
    body = "\n".join(other).encode("utf8")
    small = F._vocab(gzip.compress(np.uint32(len(other)).tobytes() + np.zeros(len(other), np.uint32).tobytes() + body))
    assert [small.get(w) for w in other] == [0, 1, 2, 3] and small.unk_id == 0


def test_the_shipped_word_table_is_fresh_and_gives_what_the_words_give():
    """features.WORD_IDS (scripts/build_word_ids.py) holds Encoder.ids of navec's and NEREL train's
    words: it must be built from today's feature code, tables and vocabulary (else it is not used and
    every process pays for its words again), cover most words of real news, and give each word the
    very ids computed from the word itself."""
    from conftest import SEEDS, need

    from letopis.nlp.nerel import features as F
    from letopis.nlp.nerel import get_tagger
    enc = get_tagger().enc
    assert enc.table is not None and len(enc.table) > 200_000, "stale or missing: run `make word-ids`"
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(need(SEEDS).glob("*.txt")))
    words = sorted({w for _, _, w in F.tokenize(text)})
    got = {w: enc.table.get(w) for w in words}
    hits = [w for w in words if got[w] is not None]
    assert len(hits) > 0.7 * len(words)
    assert [got[w] for w in hits] == [enc.compute(w) for w in hits]
    assert enc.table.get("нетакогословавнавеке") is None


def test_a_stale_word_table_is_not_used(monkeypatch):
    """A table built for other features or tables is ignored: the words are computed, and tag alike."""
    from letopis.nlp.nerel import NerelTagger
    from letopis.nlp.nerel import features as F
    from letopis.nlp.nerel import get_tagger
    monkeypatch.setattr(F, "table_stamp", lambda vocab: "built-for-something-else")
    fresh = NerelTagger(navec=F.light_navec())
    assert fresh.enc.table is None
    text = "Старший сержант полиции Полат Аямкулов погиб 12 ноября 2011 года в Таразе Жамбылской области."
    assert fresh.tag(text) == get_tagger().tag(text) and fresh.tag(text)


def test_a_navec_read_from_a_file_is_not_looked_up_in_the_word_table(tmp_path):
    """`load_navec(path)` (training on a machine without natasha, stop 29: a sample of navec's
    words) numbers its words its own way, so the shipped table of natasha's row ids is not used
    for it; its words tag as with natasha's navec."""
    from natasha import NewsEmbedding

    from letopis.nlp.nerel import NerelTagger
    from letopis.nlp.nerel import features as F
    from letopis.nlp.nerel import get_tagger
    text = "Старший сержант полиции Полат Аямкулов погиб 12 ноября 2011 года в Таразе Жамбылской области."
    full = NewsEmbedding()
    words = [w for w in ["<unk>", "<pad>"] + sorted({t[2].lower() for t in F.tokenize(text)}) if w in full.vocab]
    full.sampled(words).dump(tmp_path / "navec.tar")
    sampled = NerelTagger(navec=F.load_navec(str(tmp_path / "navec.tar")))
    assert sampled.enc.table is None
    assert sampled.tag(text) == get_tagger().tag(text) and sampled.tag(text)


def test_our_tokeniser_gives_razdels_tokens():
    """nlp.pipeline._tokenize skips razdel's rules where they cannot join (a word, then a comma);
    the tokens must stay razdel's own, on real news lines and on the cases the rules do join."""
    from razdel import tokenize

    from conftest import need
    from letopis.nlp.pipeline import _tokenize
    lines = [line for p in sorted(need(DEV).glob("*.txt"))[:40]
             for line in p.read_text(encoding="utf-8").split("\n") if line]
    lines.append("Yahoo! кто-то 2,5 1/2 3.14 «Сайга», (2011) 5% №5 ...?! :-) -- ** a_b x\\y Δσ mβж "
                 "г.Москва т.е. 10:30 23.40 РПГ-26 АК-47. ВАЗ-21099; «Казинформ»-у")
    for line in lines:
        assert _tokenize(line) == [(t.start, t.text) for t in tokenize(line)], line

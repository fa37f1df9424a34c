"""The shipped NEREL tagger: loads, tags nested entities, offsets hold, numpy == batch."""
from __future__ import annotations

import pytest

from letopis.nlp.nerel import WEIGHTS, get_tagger
from letopis.nlp.nerel.features import tokenize
from letopis.record import ENTITY_TYPES

TEXT = ("Президент России Владимир Путин 5 августа провел переговоры с министром иностранных дел "
        "Казахстана в Москве. Ранее 30-летний житель Алма-Аты был задержан по статье 205 УК РФ.")


def test_tokens_split_hyphens_and_keep_offsets():
    toks = tokenize("экс-министр ЧМ-2018, 66-летнему")
    assert [t[2] for t in toks] == ["экс", "-", "министр", "ЧМ", "-", "2018", ",", "66", "-", "летнему"]
    for s, e, w in tokenize(TEXT):
        assert TEXT[s:e] == w


def test_weights_ship_small():
    assert WEIGHTS.exists()
    assert WEIGHTS.stat().st_size < 40 * 2 ** 20


def test_tag_sentence():
    tagger = get_tagger()
    assert get_tagger() is tagger                                   # loaded once
    found = tagger.tag(TEXT)
    assert found
    for kind, s, e in found:
        assert kind in ENTITY_TYPES and 0 <= s < e <= len(TEXT)
    spans = {(TEXT[s:e], kind) for kind, s, e in found}
    assert ("Владимир Путин", "PERSON") in spans
    assert ("России", "COUNTRY") in spans
    assert ("5 августа", "DATE") in spans
    assert ("30-летний", "AGE") in spans
    # nested: the country inside the profession span that contains it
    assert ("Президент России", "PROFESSION") in spans


def test_batch_equals_single():
    tagger = get_tagger()
    other = "Взрыв произошел в Махачкале в 14:30. Погибли два человека."
    batch = tagger.tag_batch([TEXT, "", other])
    assert batch[0] == tagger.tag(TEXT)
    assert batch[1] == []
    assert batch[2] == tagger.tag(other)


def test_missing_weights_clear_error(tmp_path):
    from letopis.nlp.nerel import NerelTagger
    with pytest.raises(FileNotFoundError, match="weights"):
        NerelTagger(tmp_path / "none.npz")

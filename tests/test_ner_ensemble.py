"""The `accurate` NER model: an ensemble of three span models whose probabilities are averaged,
chosen with LETOPIS_NER / `letopis --ner`; the default stays the single, faster model."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import letopis.nlp.nerel as nerel
from conftest import NEREL, need
from letopis.nlp.brat import read_dir, score_docs


def test_the_ensemble_ships_small_and_reads_tokens_as_one():
    members, fixed = nerel.read_members(nerel.ENSEMBLE)
    assert len(members) == 3 and {"tau", "none_max"} <= set(fixed)
    assert sum(m.stat().st_size for m in members) < 40 * 2 ** 20
    tagger = nerel.get_tagger("accurate")
    assert len(tagger.members) == 3 and tagger is nerel.get_tagger("accurate")
    assert tagger.members[2].meta["channels"] == 300          # the wide member (stop 29)
    assert tagger is not nerel.get_tagger("fast")
    text = "Министр внутренних дел Казахстана Ерлан Тургумбаев прибыл в Тараз 12 ноября."
    spans = {(text[s:e], kind) for kind, s, e in tagger.tag(text)}
    assert ("Ерлан Тургумбаев", "PERSON") in spans and ("Тараз", "CITY") in spans
    assert ("Казахстана", "COUNTRY") in spans


def test_an_ensemble_of_one_model_twice_tags_as_that_model(tmp_path):
    """The average of equal members is that member: boundaries, span probabilities and decoding
    are the single model's, so the ensemble code adds nothing of its own."""
    single = nerel.NerelTagger(nerel.WEIGHTS, navec=nerel.get_tagger("fast").navec)
    spec = tmp_path / "twice.json"
    spec.write_text(json.dumps({"members": [str(nerel.WEIGHTS)] * 2, "tau": single.tau,
                                "none_max": single.none_max}), encoding="utf-8")
    twice = nerel.NerelTagger(spec, navec=single.navec)
    texts = [p.read_text(encoding="utf-8") for p in sorted(need(NEREL / "dev").glob("*.txt"))[:8]]
    assert twice.tag_batch(texts) == single.tag_batch(texts)


def test_members_that_read_tokens_differently_are_refused(tmp_path):
    import numpy as np
    z = np.load(nerel.WEIGHTS)
    meta = json.loads(str(z["meta"]))
    meta["chars"] = meta["chars"][1:]
    other = tmp_path / "other.npz"
    np.savez(other, meta=np.array(json.dumps(meta)), **{k: z[k] for k in z.files if k != "meta"})
    spec = tmp_path / "mixed.json"
    spec.write_text(json.dumps({"members": [str(nerel.WEIGHTS), str(other)]}), encoding="utf-8")
    with pytest.raises(ValueError, match="differ"):
        nerel.NerelTagger(spec, navec=nerel.get_tagger("fast").navec)
    spec.write_text(json.dumps({"members": [str(nerel.WEIGHTS), "gone.npz"]}), encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="gone.npz"):
        nerel.NerelTagger(spec)


def test_the_ensemble_is_more_accurate_on_nerel_dev():
    docs = read_dir(need(NEREL / "dev"))
    texts = [d[1] for d in docs]
    fast = score_docs(docs, nerel.get_tagger("fast").tag_batch(texts)).micro()[2]
    accurate = score_docs(docs, nerel.get_tagger("accurate").tag_batch(texts)).micro()[2]
    assert accurate > fast + 0.013, (fast, accurate)       # 0.771 against 0.753 (two members: 0.766)


def test_the_model_is_chosen_by_name_environment_or_file(monkeypatch):
    monkeypatch.delenv(nerel.ENV, raising=False)
    assert nerel.model_path() == nerel.WEIGHTS
    monkeypatch.setenv(nerel.ENV, "accurate")
    assert nerel.model_path() == nerel.ENSEMBLE
    assert nerel.model_path("fast") == nerel.WEIGHTS
    assert nerel.model_path("natasha") == nerel.WEIGHTS        # natasha replaces it in the pipeline only
    assert str(nerel.model_path("runs/R9.npz")) == "runs/R9.npz"
    with pytest.raises(ValueError, match="expected fast, accurate"):
        nerel.model_path("biggest")
    from letopis.nlp import pipeline
    assert len(pipeline.tagger().members) == 3
    assert pipeline.recogniser() == "model"
    monkeypatch.setenv(nerel.ENV, "natasha")
    assert pipeline.recogniser() == "natasha"


def test_the_command_line_option_reaches_the_tagger_and_refuses_unknown_models(monkeypatch, tmp_path):
    from letopis.cli import app
    monkeypatch.setenv(nerel.ENV, "fast")     # restored afterwards: the option sets it for worker processes
    res = CliRunner().invoke(app, ["--ner", "biggest", "extract", str(tmp_path)])
    assert res.exit_code == 2 and "expected fast, accurate" in res.output
    res = CliRunner().invoke(app, ["--ner", str(tmp_path / "none.json"), "extract", str(tmp_path)])
    assert res.exit_code == 2 and "no such model file" in res.output
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "1.txt").write_text("Владимир Путин прилетел в Астану.", encoding="utf-8")
    (gold / "1.ann").write_text("T1\tPERSON 0 14\tВладимир Путин\nT2\tCITY 25 31\tАстану\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["--ner", "accurate", "eval", "ner", str(gold)])
    assert res.exit_code == 0, res.output
    assert "ensemble.json" in res.output


def test_a_member_remapped_to_another_vocabulary_reads_each_value_as_before(tmp_path):
    """training.remap_vocab: a member trained when the gazetteer gave one kind fewer joins an
    ensemble: every value keeps its row, the value it never had gets its 'unknown' row."""
    import numpy as np

    from training.remap_vocab import remap
    z = np.load(nerel.WEIGHTS)
    meta = json.loads(str(z["meta"]))
    kinds = list(meta["affixes"])
    k = kinds.index("gaz")
    values = meta["affixes"]["gaz"]
    gone = values[3]
    arrays = {name: z[name] for name in z.files if name != "meta"}
    arrays[f"affix.{k}.weight"] = np.delete(arrays[f"affix.{k}.weight"], 3 + 2, axis=0)
    meta["affixes"]["gaz"] = [v for v in values if v != gone]
    member = tmp_path / "member.npz"
    np.savez(member, meta=np.array(json.dumps(meta)), **arrays)
    changed = remap(member, nerel.WEIGHTS, tmp_path / "out.npz")
    assert changed == {"gaz": ([gone], [])}
    out = np.load(tmp_path / "out.npz")
    assert json.loads(str(out["meta"]))["affixes"] == json.loads(str(z["meta"]))["affixes"]
    old, new = z[f"affix.{k}.weight"], out[f"affix.{k}.weight"]
    keep = [i for i in range(len(old)) if i != 3 + 2]
    assert np.array_equal(new[keep], old[keep]) and np.array_equal(new[3 + 2], old[1])
    assert all(np.array_equal(out[name], z[name]) for name in z.files if name not in ("meta", f"affix.{k}.weight"))

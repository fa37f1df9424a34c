"""BRAT reading, the nested exact-match scorer and `letopis eval ner`."""
from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from letopis.nlp.brat import Score, read_ann, read_dir, score_docs

TEXT = "Глава МВД Киргизии Улан Ниязбеков заявил об этом 5 августа в Бишкеке."
ANN = (
    "T1\tPROFESSION 0 18\tГлава МВД Киргизии\n"
    "T2\tORGANIZATION 6 18\tМВД Киргизии\n"
    "T3\tCOUNTRY 10 18\tКиргизии\n"
    "T4\tPERSON 19 33\tУлан Ниязбеков\n"
    "T5\tDATE 49 58\t5 августа\n"
    "T6\tCITY 61 68\tБишкеке\n"
    "T7\tEVENT 0 5;10 18\tГлава Киргизии\n"       # discontinuous: skipped
    "R1\tWORKPLACE Arg1:T1 Arg2:T2\n"
    "#1\tAnnotatorNotes T1\tnote\n"
)


def _write(tmp_path: Path) -> Path:
    (tmp_path / "001.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "001.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "002.txt").write_text("без разметки", encoding="utf-8")   # no .ann: ignored
    return tmp_path


def test_read_ann_skips_discontinuous_and_relations(tmp_path):
    gold = read_ann(_write(tmp_path) / "001.ann")
    assert len(gold) == 6
    assert ("COUNTRY", 10, 18) in gold
    for kind, s, e in gold:
        assert TEXT[s:e]
    docs = read_dir(tmp_path)
    assert [d[0] for d in docs] == ["001"]


def test_score_exact_nested():
    gold = [("PROFESSION", 0, 18), ("ORGANIZATION", 6, 18), ("COUNTRY", 10, 18), ("PERSON", 19, 33)]
    pred = [("ORGANIZATION", 6, 18), ("COUNTRY", 10, 18), ("PERSON", 19, 32), ("CITY", 61, 68)]
    s = Score()
    s.add(gold, pred)
    p, r, f = s.micro()
    assert (p, r) == (0.5, 0.5) and abs(f - 0.5) < 1e-9
    assert s.tp["COUNTRY"] == 1 and s.fn["PERSON"] == 1 and s.fp["PERSON"] == 1
    only = score_docs([("x", "", gold)], [pred], {"PERSON"})
    assert only.micro() == (0.0, 0.0, 0.0)
    assert "micro" in s.table()


def test_cli_eval_ner(tmp_path):
    from letopis.cli import app
    _write(tmp_path)
    res = CliRunner().invoke(app, ["eval", "ner", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "micro" in res.output and "PERSON" in res.output
    res = CliRunner().invoke(app, ["eval", "ner", str(tmp_path), "--model", "natasha", "--merge-loc"])
    assert res.exit_code == 0, res.output
    assert "LOC" in res.output


def test_pipeline_entities_score_on_nerel_dev():
    """`--model pipeline` scores what `letopis extract` outputs; on real NEREL dev texts its
    repairs (gazetteer regions, place adjectives kept as mentions) must not lose to the raw model."""
    from conftest import NEREL, need

    from letopis.nlp.commands import pipeline_mentions
    from letopis.nlp.nerel import get_tagger
    docs = read_dir(need(NEREL / "dev"))[:25]
    texts = [d[1] for d in docs]
    piped = score_docs(docs, pipeline_mentions(texts))
    raw = score_docs(docs, get_tagger().tag_batch(texts))
    assert piped.micro()[2] >= raw.micro()[2] - 0.005
    region = {"STATE_OR_PROVINCE"}
    assert score_docs(docs, pipeline_mentions(texts), region).micro()[2] >= \
        score_docs(docs, get_tagger().tag_batch(texts), region).micro()[2]

"""The example articles end to end: every key fact of expected.json (make example-check)."""
from __future__ import annotations

from conftest import SEEDS, need


def test_example_check_passes_every_key_fact(capsys):
    from letopis.checks import check_examples
    ok = check_examples(need(SEEDS))
    out = capsys.readouterr().out
    assert ok, "\n".join(line for line in out.splitlines() if "FAIL" in line)


def test_taraz_offsets_and_evidence(taraz):
    text = (SEEDS / "taraz-2011.txt").read_text("utf-8")
    for e in taraz["entities"]:
        assert text[e["start"]:e["end"]] == e["text"]
    inc = taraz["incidents"][0]
    # every number carries the span it came from
    for key in ("killed", "wounded", "perpetrators_killed"):
        assert inc["field_evidence"].get(key), key
    for group in inc["killed_by_group"]:
        assert inc["field_evidence"].get(f"killed_by_group.{group}"), group
    for spans in inc["field_evidence"].values():
        for s, e in spans:
            assert 0 <= s < e <= len(text)


def test_karin_no_incident_but_facts(karin):
    assert karin["incidents"] == []
    kinds = {f["kind"] for f in karin["facts"]}
    assert {"weapons_seized", "criminal_cases_opened", "regime_lifted", "regime_continues"} <= kinds
    text = (SEEDS / "karin-interview-2022.txt").read_text("utf-8")
    for q in karin["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
    assert not any("Telegram" in e["text"] for e in karin["entities"])

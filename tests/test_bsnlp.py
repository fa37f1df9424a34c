"""BSNLP dev scorer: runs on a subset so a regression in recall or normal forms fails."""
from __future__ import annotations

from pathlib import Path

import pytest

from letopis.nlp import bsnlp

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "bsnlp-ru" / "dev"


def test_key_normalises_quotes_space_initials():
    assert bsnlp.key("«Ведомости»") == bsnlp.key('"ведомости"')
    assert bsnlp.key("Т. Мэй") == bsnlp.key("т.мэй")


def test_load_both_layouts():
    if not DEV.exists():
        pytest.skip(f"BSNLP dev data not found at {DEV}")
    docs = bsnlp.load(DEV)
    assert len(docs) > 150
    assert any(d.name.startswith("ec/file_") for d in docs)        # file_N_ru.txt + N.txt
    assert any(d.name.endswith(".txt") and "asia_bibi" in d.name for d in docs)
    assert all(d.gold and d.text for d in docs)


def test_dev_subset_scores():
    if not DEV.exists():
        pytest.skip(f"BSNLP dev data not found at {DEV}")
    docs = bsnlp.load(DEV)[::9][:20]              # spread over the four topics
    score = bsnlp.Score()
    for d in docs:
        bsnlp.score_doc(d, bsnlp.ours(d.text), score)
    assert score.found_share >= 0.85, score.found_share
    assert score.normal_share >= 0.93, score.normal_share

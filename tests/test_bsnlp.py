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
    # BSNLP lists only the top-most of nested proper names: over our outermost capitalised ones precision is higher
    assert score.names_precision > score.precision, (score.names_precision, score.precision)


def test_names_precision_counts_only_outermost_capitalised_names():
    doc = bsnlp.GoldDoc("x", "Верховный суд Пакистана", {bsnlp.key("Верховный суд Пакистана"):
                                                          (bsnlp.key("Верховный суд Пакистана"), "ORG")})
    score = bsnlp.Score()
    bsnlp.score_doc(doc, [("Верховный суд Пакистана", "Верховный суд Пакистана", "ORGANIZATION", True),
                          ("Пакистана", "Пакистан", "COUNTRY", False)], score)
    assert (score.precision, score.names_precision) == (0.5, 1.0)


def test_ours_marks_nested_names():
    got = bsnlp.ours("Верховный суд Пакистана оправдал Асию Биби. Правительство страны промолчало.")
    outer = {t for t, _, _, o in got if o}
    inner = {t for t, _, _, o in got if not o}
    assert "Верховный суд Пакистана" in outer and "Пакистана" in inner
    got = bsnlp.ours("Об этом сообщило британское правительство.")
    assert got and all(not o for *_, o in got)         # a generic organisation is no proper name

"""Word tables (ranks, professions, weapons, vehicles, numerals, months…) below every stage: the
extract rules match them, and the NER model reads them as a token feature (`nlp.nerel.features`),
so both see the same rows and `nlp` never imports `extract`."""
from __future__ import annotations

from importlib import resources


def read_table(name: str) -> list[list[str]]:
    """Rows of a tab-separated table in lexicon/tables/, cells stripped ('#' lines are comments,
    blank cells kept)."""
    text = resources.files("letopis.lexicon").joinpath("tables", name).read_text(encoding="utf-8")
    return [[c.strip() for c in line.split("\t")] for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]

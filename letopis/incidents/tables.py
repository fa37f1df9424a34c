"""Coding tables of the incidents stage (cue words, GTD types, casualty groups), loaded once."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _rows(name: str) -> list[list[str]]:
    text = resources.files("letopis.incidents").joinpath("tables", name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def cues() -> dict[str, str]:
    """lemma → killed | wounded | perp_dead | perp_alive."""
    return {r[0]: r[1] for r in _rows("cues.tsv")}


@lru_cache(maxsize=None)
def type_cues() -> list[tuple[tuple[str, ...], str, str | None]]:
    """(lemma sequence, incident type, weapon class or None), longest first."""
    out = [(tuple(r[0].split()), r[1], None if r[2].strip() == "-" else r[2].strip())
           for r in _rows("types.tsv")]
    return sorted(out, key=lambda x: -len(x[0]))


@lru_cache(maxsize=None)
def groups() -> dict[str, str | None]:
    """head-noun lemma → casualty group (None: a person of no particular group)."""
    return {r[0]: (None if r[1].strip() == "-" else r[1].strip()) for r in _rows("groups.tsv")}


@lru_cache(maxsize=None)
def targets() -> frozenset[str]:
    """Lemmas of public-figure roles: their killing or attempted killing is an assassination."""
    return frozenset(r[0].strip() for r in _rows("targets.tsv"))

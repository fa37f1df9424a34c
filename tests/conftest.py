"""Shared fixtures: where ../shared is, and one processed record per example article (cached)."""
from __future__ import annotations

import warnings
from functools import lru_cache
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "examples" / "seeds"
NEREL = SHARED / "data" / "nerel"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: these tests read ../shared beside the project")
    return path


@lru_cache(maxsize=None)
def seed_record(name: str, published: str | None = None) -> dict:
    from letopis.pipeline import process_document
    from letopis.read import read_path
    doc = next(iter(read_path(need(SEEDS / name), published=published)))
    return process_document(doc).to_dict()


@pytest.fixture
def taraz() -> dict:
    return seed_record("taraz-2011.txt", "2011-11-14")


@pytest.fixture
def karin() -> dict:
    return seed_record("karin-interview-2022.txt")

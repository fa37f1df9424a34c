"""nlp stage: Document → Analysis (sentences, tokens with lemmas, entities with normal forms)."""
from __future__ import annotations

from letopis.nlp.analysis import Analysis, Sentence, Token
from letopis.nlp.pipeline import analyze

__all__ = ["Analysis", "Sentence", "Token", "analyze"]

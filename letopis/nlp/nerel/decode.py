"""Span scores → nested mentions. Shared by training-time dev scoring and inference."""
from __future__ import annotations

import numpy as np


def softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(axis=-1, keepdims=True)
    np.exp(x, out=x)
    x /= x.sum(axis=-1, keepdims=True)
    return x


def decode(starts: np.ndarray, ends: np.ndarray, probs: np.ndarray,
           none_max: float = 0.5) -> list[tuple[int, int, int, float]]:
    """Candidate spans (starts[k]..ends[k] inclusive) with label probabilities probs[k]
    (label 0 = no entity) → accepted (label, start, end, p).

    A span is proposed when P(none) < none_max, with its best type; proposals are
    accepted by score, dropping any that cross (partly overlap) an accepted one:
    NEREL nests entities but almost never crosses them."""
    keep = np.flatnonzero(probs[:, 0] < none_max)
    if not len(keep):
        return []
    labs = probs[keep, 1:].argmax(axis=1) + 1
    ps = probs[keep, labs]
    out: list[tuple[int, int, int, float]] = []
    # a kept span that crosses (i, j) covers token i or token j: only those are checked
    covering: dict[int, list[tuple[int, int]]] = {}
    for k in np.argsort(-ps, kind="stable"):
        i, j = int(starts[keep[k]]), int(ends[keep[k]])
        if any((a < i <= b < j) or (i < a <= j < b)
               for t in (i, j) for a, b in covering.get(t, ())):
            continue
        for t in range(i, j + 1):
            covering.setdefault(t, []).append((i, j))
        out.append((int(labs[k]), i, j, float(ps[k])))
    return out

"""BRAT standoff (.ann) reading and nested exact-match NER scoring.

A predicted entity counts as correct only when its (type, start, end) equals a gold one;
nested and overlapping entities all count. Discontinuous gold spans (offsets with ';')
are skipped, as are relation/attribute/note lines."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

Mention = tuple[str, int, int]


def read_ann(path: str | Path) -> list[Mention]:
    out: list[Mention] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.startswith("T"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        kind, _, offsets = parts[1].partition(" ")
        if ";" in offsets:
            continue
        start, end = offsets.split()
        out.append((kind, int(start), int(end)))
    return out


def read_dir(gold_dir: str | Path) -> list[tuple[str, str, list[Mention]]]:
    """(doc id, text, gold mentions) for every NNN.txt with a NNN.ann beside it, sorted by id."""
    docs = []
    for txt in sorted(Path(gold_dir).glob("*.txt")):
        ann = txt.with_suffix(".ann")
        if ann.exists():
            text = txt.read_text(encoding="utf-8")
            docs.append((txt.stem, text, read_ann(ann)))
    return docs


@dataclass
class Score:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)

    def add(self, gold: list[Mention], pred: list[Mention]) -> None:
        g, p = set(gold), set(pred)
        for m in p & g:
            self.tp[m[0]] += 1
        for m in p - g:
            self.fp[m[0]] += 1
        for m in g - p:
            self.fn[m[0]] += 1

    @staticmethod
    def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def types(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))

    def of(self, types: list[str] | None = None) -> tuple[float, float, float]:
        ts = self.types() if types is None else types
        return self.prf(sum(self.tp[t] for t in ts), sum(self.fp[t] for t in ts), sum(self.fn[t] for t in ts))

    def micro(self) -> tuple[float, float, float]:
        return self.of(None)

    def table(self) -> str:
        rows = [f"{'type':<20}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}"]
        for t in self.types():
            p, r, f = self.prf(self.tp[t], self.fp[t], self.fn[t])
            rows.append(f"{t:<20}{p:7.3f}{r:7.3f}{f:7.3f}{self.tp[t] + self.fn[t]:7d}{self.tp[t] + self.fp[t]:7d}")
        p, r, f = self.micro()
        g = sum(self.tp.values()) + sum(self.fn.values())
        pr = sum(self.tp.values()) + sum(self.fp.values())
        rows.append(f"{'micro':<20}{p:7.3f}{r:7.3f}{f:7.3f}{g:7d}{pr:7d}")
        return "\n".join(rows)


def score_docs(docs: list[tuple[str, str, list[Mention]]], preds: list[list[Mention]],
               types: set[str] | None = None) -> Score:
    """Score predictions aligned with `docs`; `types` restricts both sides to those types."""
    s = Score()
    for (_, _, gold), pred in zip(docs, preds):
        if types is not None:
            gold = [m for m in gold if m[0] in types]
            pred = [m for m in pred if m[0] in types]
        s.add(gold, pred)
    return s

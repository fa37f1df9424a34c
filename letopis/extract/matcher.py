"""A small lemma-sequence matcher: a table of patterns → longest match over tokens.

The yargy idea without yargy: rules are data (rows of a .tsv in lexicon/tables/), the matcher is a
trie over pattern elements. A pattern is space-separated elements:

- ``автомат``      lower-case word: matches a token whose lemma (any pymorphy reading) or text is it;
- ``РПГ-7``        a word with capitals: matches the token text exactly (abbreviations, models);
- ``/ак-?\\d+/``   a regular expression, full match on the token text (case-sensitive unless (?i));
- ``«`` ``»``      punctuation: matches itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from letopis.nlp import morph
from letopis.nlp.analysis import Token


def fold(s: str) -> str:
    return s.lower().replace("ё", "е")


@dataclass
class Match:
    start: int          # token index, inclusive
    end: int            # token index, exclusive
    payload: Any


class _Node:
    __slots__ = ("lit", "exact", "rx", "payload", "_rx_any")

    def __init__(self) -> None:
        self.lit: dict[str, _Node] = {}
        self.exact: dict[str, _Node] = {}
        self.rx: list[tuple[re.Pattern, _Node]] = []
        self.payload: Any = None
        self._rx_any: re.Pattern | None = None

    def rx_any(self) -> re.Pattern | None:
        """All of this node's expressions as one alternation: a token none of them matches (most
        tokens) costs one fullmatch instead of one per expression."""
        if self._rx_any is None and len(self.rx) > 2:
            parts = []
            for rx, _ in self.rx:
                src = rx.pattern
                if src.startswith("(?i)"):
                    src = "(?i:" + src[4:] + ")"
                elif src.startswith("(?"):
                    return None
                parts.append("(?:" + src + ")")
            try:
                self._rx_any = re.compile("|".join(parts))
            except re.error:
                return None
        return self._rx_any


MEMO_LIMIT = 120_000
_NONE: tuple = ()                      # most tokens lead nowhere: one shared empty result


class LemmaMatcher:
    def __init__(self, rows: Iterable[tuple[str, Any]]):
        self.root = _Node()
        self._memo: dict[tuple[_Node, str, str], list[_Node]] = {}
        for pattern, payload in rows:
            self.add(pattern, payload)

    def add(self, pattern: str, payload: Any) -> None:
        node = self.root
        for el in pattern.split():
            if len(el) > 2 and el.startswith("/") and el.endswith("/"):
                src = el[1:-1]
                for rx, child in node.rx:
                    if rx.pattern == src:
                        node = child
                        break
                else:
                    child = _Node()
                    node.rx.append((re.compile(src), child))
                    node._rx_any = None
                    node = child
            elif el != el.lower():
                node = node.exact.setdefault(el.replace("ё", "е"), _Node())
            else:
                node = node.lit.setdefault(fold(el), _Node())
        if node.payload is None:        # first row wins: tables list specific rows first
            node.payload = payload
        self._memo.clear()

    def _children(self, node: _Node, tok: Token) -> list[_Node]:
        """Children of `node` a token leads to; they depend only on the token's text and lemma,
        so each (node, text, lemma) is worked out once per process."""
        key = (node, tok.text, tok.lemma)
        hit = self._memo.get(key)
        if hit is None:
            # bounded for long runs, above the ~37k word forms of a corpus like NEREL train: a bound
            # below that emptied it every few hundred documents (a quarter of all look-ups missed)
            if len(self._memo) > MEMO_LIMIT:
                self._memo.clear()
            hit = self._memo[key] = self._compute_children(node, tok) or _NONE
        return hit

    @staticmethod
    def _compute_children(node: _Node, tok: Token) -> list[_Node]:
        out = []
        if node.exact:
            n = node.exact.get(tok.text.replace("ё", "е"))
            if n:
                out.append(n)
        if node.lit:
            ks = morph.lemma_keys(tok.text)
            lem = fold(tok.lemma)
            for k in (ks if lem in ks else ks | {lem}):
                n = node.lit.get(k)
                if n:
                    out.append(n)
        if node.rx:
            any_rx = node.rx_any()
            if any_rx is None or any_rx.fullmatch(tok.text):
                for rx, n in node.rx:
                    if rx.fullmatch(tok.text):
                        out.append(n)
        return out

    def match_at(self, tokens: Sequence[Token], i: int) -> Match | None:
        """The longest pattern starting at token i."""
        if i >= len(tokens):
            return None
        tok = tokens[i]
        # the root's step inline: every token of every sentence asks it, and most lead nowhere
        first = self._memo.get((self.root, tok.text, tok.lemma))
        if first is None:
            first = self._children(self.root, tok)
        if not first:                   # most tokens start no pattern
            return None
        best: Match | None = None
        # (depth first, the earlier child first: of two rows as long, the one the table lists first wins)
        frontier = [(c, i + 1) for c in reversed(first)]
        while frontier:
            node, j = frontier.pop()
            if node.payload is not None and j > i and (best is None or j > best.end):
                best = Match(i, j, node.payload)
            if j < len(tokens):
                frontier.extend((c, j + 1) for c in reversed(self._children(node, tokens[j])))
        return best

    def find(self, tokens: Sequence[Token]) -> list[Match]:
        """Non-overlapping longest matches, left to right."""
        out, i = [], 0
        while i < len(tokens):
            m = self.match_at(tokens, i)
            if m:
                out.append(m)
                i = m.end
            else:
                i += 1
        return out

"""Text → tokens → model inputs (navec word ids, shape ids, affix ids).

Shared by training (training/train_ner.py) and numpy inference so both see exactly the
same tokens. Tokens are maximal letter runs, digit runs, or single other characters:
NEREL spans often start or end inside hyphenated words ("экс-|министр", "ЧМ-|2018",
"66-летнему"), and a regex is much faster than razdel, which matters for speed."""
from __future__ import annotations

import re

import numpy as np

TOKEN = re.compile(r"[^\W\d_]+|\d+|\S")
SHAPES = ("<pad>", "lower", "title", "upper", "mixed", "digit", "punct", "other", "upper1")
AFFIXES = ("suf2", "suf3", "pre3", "word")
CHAR_LEN = 16          # characters a word keeps for the char CNN (first 8 + last 8 when longer)


def tokenize(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]


def shape(word: str) -> int:
    if word.isalpha():
        if word.islower():
            return 1
        if word.isupper():
            return 3 if len(word) > 1 else 8
        if word[0].isupper() and word[1:].islower():
            return 2
        return 4
    if word.isdigit():
        return 5
    if len(word) == 1:
        return 6
    return 7


def affixes(word: str) -> tuple[str, str, str, str]:
    """Lower-cased 2/3-letter suffix, 3-letter prefix and the whole word: each gets a trained
    vector when frequent in train (the whole word adapts frozen navec to NEREL's types)."""
    w = word.lower()
    return w[-2:], w[-3:], w[:3], w


def char_seq(word: str) -> str:
    half = CHAR_LEN // 2
    return word if len(word) <= CHAR_LEN else word[:half] + word[-half:]


class Encoder:
    """Tokens → ids: navec ids for lower-cased words (natasha's NewsEmbedding), affix ids
    from the training vocabulary (0 padding, 1 unknown), char ids for the char CNN."""

    def __init__(self, navec_vocab, affix_vocab: dict[str, list[str]], chars: str = ""):
        self.vocab = navec_vocab
        self.unk = navec_vocab.unk_id
        self.pad = navec_vocab.pad_id
        self.kinds = [name for name in AFFIXES if name in affix_vocab]
        self.affix_ids = [{a: i + 2 for i, a in enumerate(affix_vocab[name])} for name in self.kinds]
        self.char_ids = {c: i + 2 for i, c in enumerate(chars)}
        self._cache: dict[str, tuple[int, ...]] = {}

    def chars(self, words: list[str]) -> np.ndarray:
        """Distinct words → char ids [U, CHAR_LEN] (0 padding, 1 unknown char)."""
        out = np.zeros((len(words), CHAR_LEN), dtype=np.int64)
        get = self.char_ids.get
        for u, w in enumerate(words):
            s = char_seq(w)
            if s:
                out[u, :len(s)] = [get(c, 1) for c in s]
        return out

    def ids(self, word: str) -> tuple[int, ...]:
        got = self._cache.get(word)
        if got is None:
            key = word.lower()
            wid = self.vocab.get(key)
            if wid is None and "ё" in key:
                wid = self.vocab.get(key.replace("ё", "е"))
            if wid is None:
                wid = self.unk
            a = dict(zip(AFFIXES, affixes(word)))
            got = (wid, shape(word), *(ids.get(a[name], 1) for name, ids in zip(self.kinds, self.affix_ids)))
            if len(self._cache) < 300_000:
                self._cache[word] = got
        return got

    def batch(self, seqs: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        """ids [B, T, 2 + kinds] (word, shape, affixes...; padding = navec pad + zeros), lens [B]."""
        B = len(seqs)
        T = max(1, max(len(s) for s in seqs))
        ids = np.zeros((B, T, 2 + len(self.kinds)), dtype=np.int64)
        ids[:, :, 0] = self.pad
        for b, s in enumerate(seqs):
            if s:
                ids[b, :len(s)] = [self.ids(w) for w in s]
        return ids, np.array([len(s) for s in seqs], dtype=np.int64)


def load_navec(path: str | None = None):
    """natasha's navec (news, 250K words, 300d, product-quantised); reused, never copied.
    `path`: the same navec tar read directly (training on a machine without natasha)."""
    if path:
        from navec import Navec
        return Navec.load(path)
    from natasha import NewsEmbedding
    return NewsEmbedding()


def navec_vectors(navec, ids: np.ndarray) -> np.ndarray:
    """Dequantise the navec rows for `ids` (any shape) → ids.shape + (300,) float32."""
    pq = navec.pq
    parts = pq.codes[pq.qdims, pq.indexes[ids.reshape(-1)]]        # N x qdim x (dim/qdim)
    return parts.reshape(ids.shape + (pq.dim,)).astype(np.float32, copy=False)

"""Trained nested NER for the 29 NEREL types (numpy inference, no torch).

    from letopis.nlp.nerel import get_tagger
    get_tagger().tag(text)   # [(type, start, end), ...], nested spans allowed

Weights: weights.npz beside this file (training/train_ner.py writes it). Word vectors are
natasha's navec (NewsEmbedding), read from the installed natasha package."""
from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

WEIGHTS = Path(__file__).resolve().parent / "weights.npz"
Mention = tuple[str, int, int]
PROJECTION_CACHE = 8_192        # token strings whose first-layer projections are kept (~20 MB)

_TAGGER = None
_LOCK = threading.Lock()


class NerelTagger:
    def __init__(self, weights: Path = WEIGHTS, navec=None, tau: float | None = None,
                 none_max: float | None = None):
        from letopis.nlp.nerel import features as F
        from letopis.nlp.nerel.model import SpanModel
        if not Path(weights).exists():
            raise FileNotFoundError(f"NEREL NER weights missing: {weights} (run `make train` to rebuild them)")
        self.model = SpanModel(Path(weights))
        self.navec = navec if navec is not None else F.load_navec()
        self.enc = F.Encoder(self.navec.vocab, self.model.meta["affixes"], self.model.meta.get("chars", ""))
        meta = self.model.meta
        # tau: start/end probability a span needs to be scored at all (pruning);
        # none_max: a span is an entity when P(no entity) is below it. Both picked on dev.
        self.tau = float(meta.get("tau", 0.05) if tau is None else tau)
        self.none_max = float(meta.get("none_max", 0.5) if none_max is None else none_max)
        self.max_tokens = 8192          # tokens per forward chunk, bounds memory
        self._slots: dict[str, int] = {}     # token string → its row of self._rows
        self._rows: np.ndarray | None = None
        self._lock = threading.Lock()

    def tag(self, text: str) -> list[Mention]:
        return self.tag_batch([text])[0]

    def tag_batch(self, texts: list[str]) -> list[list[Mention]]:
        from letopis.nlp.nerel import features as F
        toks = [F.tokenize(t) for t in texts]
        out: list[list[Mention]] = [[] for _ in texts]
        for d, spans in enumerate(self.tag_tokens([[t[2] for t in ts] for ts in toks])):
            ts = toks[d]
            out[d] = sorted(((lab, ts[i][0], ts[j][1]) for lab, i, j in spans), key=lambda x: (x[1], -x[2], x[0]))
        return out

    def tag_tokens(self, docs: list[list[str]]) -> list[list[tuple[str, int, int]]]:
        """Token-level API (tokens as features.tokenize makes them): per document
        (type, first token, last token inclusive)."""
        res: list[list[tuple[str, int, int]]] = [[] for _ in docs]
        chunk: list[int] = []
        size = 0
        for d, doc in enumerate(docs):
            if not doc:
                continue
            if chunk and size + len(doc) > self.max_tokens:
                self._run(docs, chunk, res)
                chunk, size = [], 0
            chunk.append(d)
            size += len(doc) + self.model.gap
        if chunk:
            self._run(docs, chunk, res)
        return res

    def _projections(self, words: list[str]) -> np.ndarray:
        """The first convolution's input projections of distinct token strings [U, 3C]. Each is a
        function of the string alone (navec row, shape, affixes, characters), so they are kept
        across documents, up to PROJECTION_CACHE strings (~2.4 KB each), and only new strings are
        computed: most of the model's arithmetic is this projection."""
        from letopis.nlp.nerel import features as F
        m = self.model
        with self._lock:
            cache = self._slots
            if len(cache) + len(words) > PROJECTION_CACHE:
                cache.clear()                     # a new start beats tracking recency per word
            if self._rows is None or len(self._rows) < len(words):
                width = 3 * m.convs[0][1].shape[0]
                self._rows = np.empty((max(PROJECTION_CACHE, len(words)), width), np.float32)
            new = [w for w in words if w not in cache]
            if new:
                ids, _ = self.enc.batch([new])
                ids = ids[0]
                rows, inverse = np.unique(ids[:, 0], return_inverse=True)
                chars = char_inverse = None
                if m.char_emb is not None:
                    chars = m.char_features(self.enc.chars(new))
                    char_inverse = np.arange(len(new))
                at = np.arange(len(cache), len(cache) + len(new))
                self._rows[at] = m.project(F.navec_vectors(self.navec, rows), inverse.reshape(-1), ids,
                                           chars, char_inverse)
                cache.update(zip(new, at.tolist()))
            return self._rows[[cache[w] for w in words]]

    def _run(self, docs, chunk: list[int], res) -> None:
        from letopis.nlp.nerel import features as F
        from letopis.nlp.nerel.decode import decode
        m, g = self.model, self.model.gap
        seqs, offsets = [], []
        pos = 0
        for d in chunk:
            offsets.append(pos)
            seqs.append(docs[d] + [""] * g)       # gap tokens, masked out below
            pos += len(docs[d]) + g
        flat = [w for s in seqs for w in s]
        mask = np.ones(len(flat), np.float32)
        doc_end = np.empty(len(flat), np.int64)
        for d, off in zip(chunk, offsets):
            n = len(docs[d])
            mask[off + n:off + n + g] = 0         # the gaps' inputs are zeroed in the encoder
            doc_end[off:off + n + g] = off + n
        index: dict[str, int] = {}
        token_word = np.fromiter((index.setdefault(w, len(index)) for w in flat), np.int64, len(flat))
        h = m.encode_projected(self._projections(list(index))[token_word], mask)
        b = m.boundaries(h)
        logit_tau = np.log(self.tau / (1 - self.tau))
        is_start = np.flatnonzero((b[:, 0] > logit_tau) & (mask > 0))
        is_end = (b[:, 1] > logit_tau) & (mask > 0)
        if not len(is_start):
            return
        j = is_start[:, None] + np.arange(m.W)[None, :]
        ok = j < doc_end[is_start][:, None]
        ok[ok] = is_end[j[ok]]
        si, wi = np.nonzero(ok)
        starts, ends = is_start[si], is_start[si] + wi
        if not len(starts):
            return
        probs = m.span_probs(h, starts, ends)
        which = np.searchsorted(np.array(offsets), starts, side="right") - 1
        for k, (d, off) in enumerate(zip(chunk, offsets)):
            sel = np.flatnonzero(which == k)
            if len(sel):
                res[d] = [(m.labels[lab], i - off, jj - off)
                          for lab, i, jj, _ in decode(starts[sel], ends[sel], probs[sel], self.none_max)]


def get_tagger() -> NerelTagger:
    """The process-wide tagger, loaded on first use (≈0.2 s: weights + natasha's navec read lean,
    features.light_navec). A navec layout the lean reader does not know falls back to natasha's
    own loader; missing weights raise FileNotFoundError."""
    global _TAGGER
    if _TAGGER is None:
        with _LOCK:
            if _TAGGER is None:
                from letopis.nlp.nerel import features as F
                try:
                    lean = NerelTagger(navec=F.light_navec())
                    lean.tag("Президент России Владимир Путин прилетел в Астану 5 мая.")
                    _TAGGER = lean
                except Exception:
                    _TAGGER = NerelTagger()
    return _TAGGER

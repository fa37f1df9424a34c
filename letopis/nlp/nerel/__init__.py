"""Trained nested NER for the 29 NEREL types (numpy inference, no torch).

    from letopis.nlp.nerel import get_tagger
    get_tagger().tag(text)   # [(type, start, end), ...], nested spans allowed

Two models ship, chosen by `LETOPIS_NER` (or `letopis --ner ...`):
  fast      (default) weights.npz, one span model: the pipeline stays faster than natasha's NER;
  accurate  ensemble.json: weights.npz and weights_swap.npz (trained with mention replacement),
            their boundary and span probabilities averaged; +0.014 dev F1, ~20% more tagging work;
  or a path to a weights .npz / ensemble .json. training/train_ner.py writes the weights and
picks each model's thresholds on dev. Word vectors are natasha's navec (NewsEmbedding), read
from the installed natasha package."""
from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
WEIGHTS = HERE / "weights.npz"
ENSEMBLE = HERE / "ensemble.json"
MODELS = {"fast": WEIGHTS, "accurate": ENSEMBLE}
ENV = "LETOPIS_NER"
# other values of LETOPIS_NER that mean the default model: "natasha" swaps in natasha's NER for the
# pipeline (letopis.nlp.pipeline.recogniser), not for a caller that asks for this tagger by name
DEFAULT_ALIASES = ("model", "nerel", "natasha")
Mention = tuple[str, int, int]
PROJECTION_CACHE = 8_192        # token strings whose first-layer projections are kept (~20 MB a member)

_TAGGERS: dict[Path, "NerelTagger"] = {}
_LOCK = threading.Lock()


def model_path(choice: str | None = None) -> Path:
    """`fast`, `accurate` or a model file (default: $LETOPIS_NER, else `fast`) → the model file."""
    choice = (choice or os.environ.get(ENV) or "fast").strip()
    if choice.lower() in DEFAULT_ALIASES:
        choice = "fast"
    if choice.lower() in MODELS:
        return MODELS[choice.lower()]
    if choice in MODELS:
        return MODELS[choice]
    if Path(choice).suffix in (".npz", ".json"):
        return Path(choice)
    raise ValueError(f"{ENV}={choice!r}: expected fast, accurate, natasha or a .npz/.json model file")


def read_members(path: Path) -> tuple[list[Path], dict]:
    """A model file → (its weight files, the thresholds it fixes). An .npz is one model carrying
    its own thresholds; an ensemble .json names its member .npz files (beside it) and the
    thresholds picked on dev for their average."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"NEREL NER weights missing: {path} (run `make train` to rebuild them)")
    if path.suffix != ".json":
        return [path], {}
    spec = json.loads(path.read_text(encoding="utf-8"))
    members = [path.parent / m for m in spec["members"]]
    for m in members:
        if not m.exists():
            raise FileNotFoundError(f"NEREL NER weights missing: {m} (run `make train` to rebuild them)")
    return members, {k: spec[k] for k in ("tau", "none_max") if k in spec}


class NerelTagger:
    def __init__(self, weights: Path | None = None, navec=None, tau: float | None = None,
                 none_max: float | None = None):
        from letopis.nlp.nerel import features as F
        from letopis.nlp.nerel.model import SpanModel
        paths, fixed = read_members(model_path() if weights is None else Path(weights))
        self.members = [SpanModel(p) for p in paths]
        self.model = self.members[0]
        meta = self.model.meta
        for m in self.members[1:]:
            # one encoder serves all: the members must read tokens the same way
            if any(m.meta.get(k) != meta.get(k) for k in ("affixes", "chars", "labels", "max_width")):
                raise ValueError(f"ensemble members differ in vocabulary or labels: {paths}")
        self.navec = navec if navec is not None else F.load_navec()
        self.enc = F.Encoder(self.navec.vocab, meta["affixes"], meta.get("chars", ""))
        if not getattr(self.navec, "foreign", False):      # the table holds natasha's row ids
            self.enc.use_table()
        # tau: start/end probability a span needs to be scored at all (pruning);
        # none_max: a span is an entity when P(no entity) is below it. Both picked on dev.
        self.tau = float(fixed.get("tau", meta.get("tau", 0.05)) if tau is None else tau)
        self.none_max = float(fixed.get("none_max", meta.get("none_max", 0.5)) if none_max is None else none_max)
        self.max_tokens = 8192          # tokens per forward chunk, bounds memory
        self._slots: dict[str, int] = {}     # token string → its row of each member's rows
        self._rows: list[np.ndarray] | None = None
        self._uses = np.zeros(0, np.int32)   # per row: the chunks that used it since it was kept
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

    def _projections(self, words: list[str]) -> list[np.ndarray]:
        """Each member's first-convolution input projections of distinct token strings [U, 3C].
        Each is a function of the string alone (navec row, shape, affixes, characters), so they
        are kept across documents, up to PROJECTION_CACHE strings (~2.4 KB each per member), and
        only new strings are computed: most of the model's arithmetic is this projection. The
        token features are computed once for all members."""
        from letopis.nlp.nerel import features as F
        with self._lock:
            cache = self._slots
            if len(cache) + len(words) > PROJECTION_CACHE:
                cache = self._evict(min(PROJECTION_CACHE // 2, PROJECTION_CACHE - len(words)))
            if self._rows is None or len(self._rows[0]) < len(cache) + len(words):
                size = max(PROJECTION_CACHE, len(cache) + len(words))
                rows = [np.empty((size, 3 * m.convs[0][1].shape[0]), np.float32) for m in self.members]
                for old, table in zip(self._rows or [], rows):
                    table[:len(cache)] = old[:len(cache)]
                self._rows = rows
                self._uses = np.concatenate([self._uses[:len(cache)], np.zeros(size - len(cache), np.int32)])
            new = [w for w in words if w not in cache]
            if new:
                ids, _ = self.enc.batch([new])
                ids = ids[0]
                rows, inverse = np.unique(ids[:, 0], return_inverse=True)
                vectors = F.navec_vectors(self.navec, rows)
                cids = self.enc.chars(new) if self.model.char_emb is not None else None
                at = np.arange(len(cache), len(cache) + len(new))
                for m, table in zip(self.members, self._rows):
                    chars = char_inverse = None
                    if m.char_emb is not None:
                        chars, char_inverse = m.char_features(cids), np.arange(len(new))
                    table[at] = m.project(vectors, inverse.reshape(-1), ids, chars, char_inverse)
                cache.update(zip(new, at.tolist()))
            slots = [cache[w] for w in words]
            self._uses[slots] += 1
            return [table[slots] for table in self._rows]

    def _evict(self, room: int) -> dict[str, int]:
        """Make room: keep the `room` most used strings (half the cache, or fewer before a long
        document), among those used again since they were computed or last kept (function words,
        names of the story at hand), and drop the rest. Over one worker's half of NEREL train this
        computes 14 % fewer projections than starting afresh (a third of its strings occur once)."""
        words = list(self._slots)
        rows = np.fromiter(self._slots.values(), np.int64, len(words))
        uses = self._uses[rows]
        order = np.argsort(-uses, kind="stable")[:max(room, 0)]     # ties: the earlier computed first
        order = order[uses[order] > 1]
        for table in self._rows or []:
            table[:len(order)] = table[rows[order]]
        self._uses[:] = 0
        self._uses[:len(order)] = 1
        self._slots = {words[k]: n for n, k in enumerate(order.tolist())}
        return self._slots

    def _run(self, docs, chunk: list[int], res) -> None:
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
        hs = [member.encode_projected(P[token_word], mask)
              for member, P in zip(self.members, self._projections(list(index)))]
        if len(hs) == 1:
            b = m.boundaries(hs[0])
            logit_tau = np.log(self.tau / (1 - self.tau))
            is_start = np.flatnonzero((b[:, 0] > logit_tau) & (mask > 0))
            is_end = (b[:, 1] > logit_tau) & (mask > 0)
        else:
            # members vote by probability: the mean of their sigmoids (tanh form: no overflow)
            pb = sum(0.5 + 0.5 * np.tanh(0.5 * member.boundaries(h)) for member, h in zip(self.members, hs))
            pb /= len(hs)
            is_start = np.flatnonzero((pb[:, 0] > self.tau) & (mask > 0))
            is_end = (pb[:, 1] > self.tau) & (mask > 0)
        if not len(is_start):
            return
        j = is_start[:, None] + np.arange(m.W)[None, :]
        ok = j < doc_end[is_start][:, None]
        ok[ok] = is_end[j[ok]]
        si, wi = np.nonzero(ok)
        starts, ends = is_start[si], is_start[si] + wi
        if not len(starts):
            return
        probs = m.span_probs(hs[0], starts, ends)
        for member, h in zip(self.members[1:], hs[1:]):
            probs += member.span_probs(h, starts, ends)
        probs /= len(hs)
        which = np.searchsorted(np.array(offsets), starts, side="right") - 1
        for k, (d, off) in enumerate(zip(chunk, offsets)):
            sel = np.flatnonzero(which == k)
            if len(sel):
                res[d] = [(m.labels[lab], i - off, jj - off)
                          for lab, i, jj, _ in decode(starts[sel], ends[sel], probs[sel], self.none_max)]


def get_tagger(choice: str | None = None) -> NerelTagger:
    """The process-wide tagger of a model (`model_path`: default $LETOPIS_NER, else `fast`), loaded
    on first use (≈0.2 s a member: weights + natasha's navec read lean, features.light_navec). A
    navec layout the lean reader does not know falls back to natasha's own loader; missing weights
    raise FileNotFoundError, an unknown model name ValueError."""
    path = model_path(choice)
    tagger = _TAGGERS.get(path)
    if tagger is None:
        with _LOCK:
            tagger = _TAGGERS.get(path)
            if tagger is None:
                from letopis.nlp.nerel import features as F
                try:
                    tagger = NerelTagger(path, navec=F.light_navec())
                    tagger.tag("Президент России Владимир Путин прилетел в Астану 5 мая.")
                except (FileNotFoundError, ValueError):
                    raise
                except Exception:
                    tagger = NerelTagger(path)
                _TAGGERS[path] = tagger
    return tagger

"""Train the NEREL nested NER (span classifier over a dilated CNN on navec).

    python -m training.train_ner --data ../shared/data/nerel --seed 13    # CPU, `make train`
    ... --device cuda --navec PATH/navec_news_v1_1B_250K_300d_100q.tar      # a GPU machine without natasha

Trains on DATA/train, picks the epoch with the best dev micro-F1 (exact type+span,
nested), and writes numpy weights to letopis/nlp/nerel/weights.npz. The test split is
never read here. navec stays frozen and is not saved (natasha ships it).

The architecture is chosen for CPU speed (the tagger must beat natasha's NER): whole
documents are one sequence; a 3-layer dilated CNN (receptive field 15 tokens) encodes
them; start/end scores prune candidate spans before the span classifier runs."""
from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from contextlib import contextmanager, nullcontext
from pathlib import Path

import numpy as np
import torch
from torch import nn

from letopis.nlp.brat import Score, read_dir
from letopis.nlp.nerel import features as F
from letopis.record import ENTITY_TYPES

LABELS = ["O"] + [t for t in ENTITY_TYPES if t not in ("WEAPON", "VEHICLE")]
OUT = Path(__file__).resolve().parent.parent / "letopis" / "nlp" / "nerel" / "weights.npz"


class Net(nn.Module):
    def __init__(self, vectors: torch.Tensor, n_affix: list[int], cfg: dict):
        super().__init__()
        self.cfg = cfg
        C, D, W = cfg["channels"], cfg["span_dim"], cfg["max_width"]
        self.word = nn.Embedding.from_pretrained(vectors, freeze=True)
        self.shape = nn.Embedding(len(F.SHAPES), cfg["shape_dim"])
        self.affix = nn.ModuleList(nn.Embedding(n + 2, d) for n, d in zip(n_affix, cfg["affix_dims"]))
        d_in = vectors.shape[1] + cfg["shape_dim"] + sum(cfg["affix_dims"])
        if cfg["char_filters"]:
            self.char = nn.Embedding(len(cfg["chars"]) + 2, cfg["char_dim"], padding_idx=0)
            self.char_conv = nn.Conv1d(cfg["char_dim"], cfg["char_filters"], 3, padding=1)
            d_in += cfg["char_filters"]
        self.convs = nn.ModuleList(nn.Conv1d(d_in if k == 0 else C, C, 3, padding=dil, dilation=dil)
                                   for k, dil in enumerate(cfg["dilations"]))
        self.bound = nn.Linear(C, 2)                 # start / end of some entity
        self.ps = nn.Linear(C, D)
        self.pe = nn.Linear(C, D, bias=False)
        self.pm = nn.Linear(C, D, bias=False)
        self.width = nn.Embedding(W, D)
        self.hid = nn.Linear(D, D)
        self.out = nn.Linear(D, len(LABELS))
        self.drop = nn.Dropout(cfg["dropout"])

    def chars(self, cids):
        """Char ids [U, L] → [U, F] (max over positions of ReLU(conv3)); padding rows → 0."""
        y = torch.relu(self.char_conv(self.char(cids).transpose(1, 2)))            # U F L
        return (y * (cids > 0)[:, None, :].float()).max(dim=2).values

    def encode(self, ids, lens, cids=None, cinv=None):
        B, T, _ = ids.shape
        mask = (torch.arange(T, device=ids.device)[None, :] < lens[:, None]).float()[:, None, :]   # B 1 T
        parts = [self.word(ids[..., 0]), self.shape(ids[..., 1])] \
            + [emb(ids[..., 2 + k]) for k, emb in enumerate(self.affix)]
        if cids is not None:
            parts.append(self.chars(cids)[cinv])
        x = torch.cat(parts, dim=-1)
        x = self.drop(x).transpose(1, 2) * mask
        for k, conv in enumerate(self.convs):
            y = torch.relu(conv(x)) * mask
            x = y if k == 0 else x + y
            x = self.drop(x)
        return x.transpose(1, 2)                                                     # B T C

    def forward(self, ids, lens, cids=None, cinv=None):
        h = self.encode(ids, lens, cids, cinv)
        B, T, _ = h.shape
        W = self.cfg["max_width"]
        dev = h.device
        idx = (torch.arange(T, device=dev)[:, None] + torch.arange(W, device=dev)[None, :]).clamp(max=T - 1)
        S, E = self.ps(h), self.pe(h)
        M = torch.cat([torch.zeros_like(S[:, :1]), self.pm(h).cumsum(1)], dim=1)
        width = torch.arange(W, dtype=h.dtype, device=dev) + 1
        mean = (M[:, idx + 1] - M[:, :T, None]) / width[None, None, :, None]
        z = self.drop(torch.relu(S[:, :, None] + E[:, idx] + mean + self.width.weight[None, None]))
        z = self.drop(torch.relu(self.hid(z)))
        return self.out(z), self.bound(h)                                            # B T W L, B T 2


class Average:
    """A moving average of the trainable weights, scored beside them each epoch: it smooths the
    last few thousand updates' noise. The decay rises from 0.2 towards `decay` over the first
    steps, so the random start does not linger in it."""

    def __init__(self, params: list, decay: float):
        self.params, self.decay, self.steps = params, decay, 0
        self.avg = [p.detach().clone() for p in params]

    def update(self) -> None:
        self.steps += 1
        d = min(self.decay, (1 + self.steps) / (10 + self.steps))
        with torch.no_grad():
            torch._foreach_mul_(self.avg, d)
            torch._foreach_add_(self.avg, [p.detach() for p in self.params], alpha=1 - d)

    @contextmanager
    def swapped_in(self):
        """The model holds the averaged weights inside the block, its own ones after it."""
        own = [p.detach().clone() for p in self.params]
        with torch.no_grad():
            for p, a in zip(self.params, self.avg):
                p.copy_(a)
        try:
            yield
        finally:
            with torch.no_grad():
                for p, w in zip(self.params, own):
                    p.copy_(w)


def prepare(docs, W: int, stats: dict):
    """Each document → (token texts, offsets, gold span labels {(i, w): label})."""
    lab_id = {t: i for i, t in enumerate(LABELS)}
    out = []
    for _, text, gold in docs:
        toks = F.tokenize(text)
        starts = {t[0]: i for i, t in enumerate(toks)}
        ends = {t[1]: i for i, t in enumerate(toks)}
        spans = {}
        for kind, a, b in gold:
            i, j = starts.get(a), ends.get(b)
            if kind not in lab_id or i is None or j is None or j < i:
                stats["unaligned"] += 1
            elif j - i >= W:
                stats["too_long"] += 1
            else:
                spans[(i, j - i)] = lab_id[kind]
        out.append(([t[2] for t in toks], [(t[0], t[1]) for t in toks], spans))
    return out


# value types are written by patterns (dates, sums), not names: they are never swapped
_FIXED = {"DATE", "TIME", "NUMBER", "ORDINAL", "AGE", "MONEY", "PERCENT", "PENALTY"}


def mention_pool(train) -> dict[int, list[list[str]]]:
    """Label → the token lists of train mentions that hold no other mention (the names a swap may
    put in: "Жамбылской", "Полата Аямкулова", "МВД")."""
    pool: dict[int, list[list[str]]] = {}
    for toks, _, spans in train:
        for (i, w), lab in spans.items():
            if LABELS[lab] not in _FIXED and not _holds_another(spans, i, w):
                pool.setdefault(lab, []).append(toks[i:i + w + 1])
    return pool


def _holds_another(spans: dict, i: int, w: int) -> bool:
    return any((j, v) != (i, w) and i <= j and j + v <= i + w for j, v in spans)


def swap_mentions(doc, pool: dict[int, list[list[str]]], rate: float, W: int, rng: random.Random):
    """Mention replacement (Dai & Adel 2020): each innermost name mention is, with probability
    `rate`, replaced by another train mention of the same type; mentions around it stretch or
    shrink with it, later ones shift. A mention that partly overlaps it (no such pair in NEREL
    train's nesting, but a guard) cancels the swap."""
    toks, offsets, spans = doc
    chosen = [(i, w) for (i, w), lab in spans.items()
              if LABELS[lab] not in _FIXED and not _holds_another(spans, i, w) and rng.random() < rate]
    if not chosen:
        return doc
    toks, spans = list(toks), dict(spans)
    for i, w in sorted(chosen, reverse=True):           # right to left: earlier indexes stay valid
        end = i + w
        if any(j <= end and i <= j + v and not (j <= i and end <= j + v) and not (i <= j and j + v <= end)
               for j, v in spans):
            continue
        new = rng.choice(pool[spans[(i, w)]])
        delta = len(new) - (w + 1)
        toks[i:end + 1] = new
        moved = {}
        for (j, v), lab in spans.items():
            if (j, v) == (i, w):
                j2, v2 = i, len(new) - 1
            elif j <= i and end <= j + v:                 # holds the swapped mention
                j2, v2 = j, v + delta
            elif j > end:
                j2, v2 = j + delta, v
            else:
                j2, v2 = j, v
            if v2 < W:
                moved[(j2, v2)] = lab
        spans = moved
    return toks, None, spans


def batches(items: list[int], lens: list[int], budget: int, shuffle: bool):
    order = sorted(items, key=lambda k: (lens[k], random.random() if shuffle else 0))
    out, cur = [], []
    for k in order:
        if cur and (len(cur) + 1) * lens[k] > budget:
            out.append(cur)
            cur = []
        cur.append(k)
    if cur:
        out.append(cur)
    if shuffle:
        random.shuffle(out)
    return out


def tensors(docs, enc, local, use_chars: bool, device):
    """Batch → (ids, lens, char ids of the distinct words, token → distinct word) on device."""
    ids, lens = enc.batch([d[0] for d in docs])
    ids[..., 0] = local[ids[..., 0]]
    cids = cinv = None
    if use_chars:
        index: dict[str, int] = {"": 0}            # padding tokens → the empty word → zeros
        inv = np.zeros(ids.shape[:2], np.int64)
        for b, d in enumerate(docs):
            inv[b, :len(d[0])] = [index.setdefault(w, len(index)) for w in d[0]]
        cids = torch.from_numpy(enc.chars(list(index))).to(device)
        cinv = torch.from_numpy(inv).to(device)
    return torch.from_numpy(ids).to(device), torch.from_numpy(lens).to(device), cids, cinv


def load_weights(net: Net, path: Path, affix_vocab) -> None:
    """Start from exported numpy weights (`--init`): the same features and vocabularies, else an error."""
    z = np.load(path)
    meta = json.loads(str(z["meta"]))
    if meta["affixes"] != affix_vocab or meta.get("chars", "") != net.cfg["chars"]:
        raise SystemExit(f"--init {path}: its vocabularies differ from this training data's")
    state = {k: torch.from_numpy(z[k]) for k in z.files if k != "meta"}
    state["word.weight"] = net.word.weight.detach().clone()
    net.load_state_dict(state)


def teacher_targets(teacher, docs, W: int) -> tuple[np.ndarray, np.ndarray]:
    """What a numpy tagger (one model or an ensemble: its members' mean) says of every candidate
    span and token of a batch: span label probabilities [B, T, W, labels] (zero past a document's
    end) and start/end probabilities [B, T, 2]."""
    T = max(len(d[0]) for d in docs)
    L = len(teacher.model.labels)
    spans = np.zeros((len(docs), T, W, L), np.float32)
    bounds = np.zeros((len(docs), T, 2), np.float32)
    for b, (words, _, _) in enumerate(docs):
        n = len(words)
        index: dict[str, int] = {}
        tw = np.fromiter((index.setdefault(w, len(index)) for w in words), np.int64, n)
        starts = np.repeat(np.arange(n), W)
        ends = starts + np.tile(np.arange(W), n)
        ok = ends < n
        for m, P in zip(teacher.members, teacher._projections(list(index))):
            h = m.encode_projected(P[tw], np.ones(n, np.float32))
            spans[b, starts[ok], ends[ok] - starts[ok]] += m.span_probs(h, starts[ok], ends[ok])
            bounds[b, :n] += 0.5 + 0.5 * np.tanh(0.5 * m.boundaries(h))
    k = len(teacher.members)
    return spans / k, bounds / k


def export(net: Net, affix_vocab, path: Path, extra: dict) -> None:
    sd = {k: v.detach().cpu().numpy().astype(np.float32) for k, v in net.state_dict().items() if not k.startswith("word.")}
    meta = dict(net.cfg, labels=LABELS, affixes=affix_vocab, **extra)
    # stored, not compressed: float weights shrink only ~15%, and every process start-up would
    # spend 0.03 s in zlib
    np.savez(path, meta=np.array(json.dumps(meta, ensure_ascii=False)), **sd)


def dev_score(path: Path, dev_docs, navec, **kw) -> Score:
    from letopis.nlp.nerel import NerelTagger
    tagger = NerelTagger(path, navec=navec, **kw)
    s = Score()
    for (_, _, gold), pred in zip(dev_docs, tagger.tag_batch([d[1] for d in dev_docs])):
        s.add(gold, pred)
    return s


def check_numpy(net: Net, path: Path, docs, enc, local, navec) -> float:
    """The numpy tagger must reproduce the torch model: max |Δ| of span and boundary logits, relative
    to the document's largest logit. The torch side runs in float64, so what is measured is numpy's
    own float32 rounding: 6e-6 (R13), 1.3e-5 (R14), 1.7e-5 (R15) of the largest logit, which reaches
    ~800 (an absolute test of probabilities had failed R15 by chance, 2.8e-4 against R14's 7e-5); a
    feature or layer computed differently is off by orders more."""
    import copy

    from letopis.nlp.nerel.model import SpanModel
    net.eval()
    exact = copy.deepcopy(net).cpu().double()
    m = SpanModel(path)
    worst = 0.0
    for d in docs:
        ids_t, lens_t, cids, cinv = tensors([d], enc, local, net.cfg["char_filters"] > 0, torch.device("cpu"))
        with torch.no_grad():
            logits, blog = exact(ids_t, lens_t, cids, cinv)
        ids, _ = enc.batch([d[0]])
        ids = ids[0]
        rows, inverse = np.unique(ids[:, 0], return_inverse=True)
        chars = char_inverse = None
        if m.char_emb is not None:
            index: dict[str, int] = {}
            char_inverse = np.array([index.setdefault(w, len(index)) for w in d[0]])
            chars = m.char_features(enc.chars(list(index)))
        h = m.encode(F.navec_vectors(navec, rows), inverse.reshape(-1), ids, np.ones(len(ids), np.float32),
                     chars, char_inverse)
        n = len(d[0])
        starts = np.repeat(np.arange(n), m.W)
        ends = starts + np.tile(np.arange(m.W), n)
        ok = ends < n
        span = m.span_logits(h, starts[ok], ends[ok])
        ref = logits[0].numpy().reshape(-1, len(LABELS))[ok]
        bound, bref = m.boundaries(h), blog[0].numpy()
        scale = max(1.0, float(np.abs(ref).max()), float(np.abs(bref).max()))
        worst = max(worst, float(np.abs(span - ref).max()) / scale, float(np.abs(bound - bref).max()) / scale)
    return worst


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/nerel")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--epochs", type=int, default=120)
    ap.add_argument("--tokens", type=int, default=500, help="tokens per batch (padded); small batches = more updates")
    ap.add_argument("--lr", type=float, default=2.5e-3)
    ap.add_argument("--threads", type=int, default=1, help="1 (default) gives the shipped weights bit for bit; more threads sum floats in another order")
    ap.add_argument("--device", default="cpu", help="cpu (default, `make train`) or cuda")
    ap.add_argument("--navec", default=None, help="navec tar to read instead of natasha's (machines without natasha)")
    ap.add_argument("--channels", type=int, default=200)
    ap.add_argument("--dilations", default="1,2,4")
    ap.add_argument("--span-dim", type=int, default=128)
    ap.add_argument("--max-width", type=int, default=12)
    ap.add_argument("--word-dim", type=int, default=50, help="trained vectors of frequent train words (0: none)")
    ap.add_argument("--morph-dim", type=int, default=24, help="trained vectors of pymorphy2 readings (0: none)")
    ap.add_argument("--gaz-dim", type=int, default=16, help="trained vectors of gazetteer kinds (0: none)")
    ap.add_argument("--lex-dim", type=int, default=16, help="trained vectors of word-table kinds (0: none)")
    ap.add_argument("--lemma-dim", type=int, default=32, help="trained vectors of frequent train lemmas (0: none)")
    ap.add_argument("--char-filters", type=int, default=50, help="char CNN filters (0: no char CNN)")
    ap.add_argument("--char-dim", type=int, default=24)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--swap", type=float, default=0.0,
                    help="each epoch, replace each innermost name mention by another train mention of its "
                         "type with this probability (0: none)")
    ap.add_argument("--init", default=None, help="start from these exported weights (.npz) instead of at random")
    ap.add_argument("--teacher", default=None,
                    help="distil from this model (a weights .npz or an ensemble .json): the targets mix "
                         "the gold labels with its probabilities (--kd)")
    ap.add_argument("--kd", type=float, default=0.5, help="weight of the teacher's probabilities in the targets")
    ap.add_argument("--warmup", type=int, default=200, help="steps of linear learning-rate warm-up")
    ap.add_argument("--ema", type=float, default=0.0,
                    help="also score a moving average of the weights (this decay per step; 0: none); "
                         "each epoch keeps whichever of the two is better on dev")
    ap.add_argument("--limit", type=int, default=0, help="train on the first N docs (smoke runs)")
    ap.add_argument("--dev-limit", type=int, default=0, help="score on the first N dev docs (smoke runs)")
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--stop-after", type=int, default=0,
                    help="end after this epoch (the LR schedule still spans --epochs; 0: run all)")
    ap.add_argument("--time-limit", type=float, default=0, help="seconds: stop before an epoch would end past it")
    ap.add_argument("--budget", type=float, default=0,
                    help="seconds (a leased GPU): after epoch 2, run only as many of --epochs as fit, the "
                         "learning-rate schedule shortened to end with them (0: all --epochs)")
    ap.add_argument("--tune-only", action="store_true",
                    help="only re-pick tau/none_max on dev for --out (a weights .npz, or an ensemble .json)")
    args = ap.parse_args()
    if args.tune_only:
        tune(Path(args.out), read_dir(Path(args.data) / "dev"), F.load_navec(args.navec))
        return

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    # the optional token features, in features.AFFIXES order; 0 dimensions leaves one out
    optional = [("word", args.word_dim), ("morph", args.morph_dim), ("gaz", args.gaz_dim), ("lex", args.lex_dim),
                ("lemma", args.lemma_dim)]
    cfg = dict(channels=args.channels, dilations=[int(d) for d in args.dilations.split(",")],
               span_dim=args.span_dim, max_width=args.max_width, shape_dim=16,
               affix_kinds=["suf2", "suf3", "pre3"] + [k for k, d in optional if d],
               affix_dims=[24, 32, 24] + [d for _, d in optional if d],
               dropout=args.dropout,
               char_filters=args.char_filters, char_dim=args.char_dim, chars="")
    print("config", json.dumps({k: v for k, v in vars(args).items()}), flush=True)

    t0 = time.time()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    train_docs = read_dir(Path(args.data) / "train")
    dev_docs = read_dir(Path(args.data) / "dev")
    if args.limit:
        train_docs = train_docs[:args.limit]
    if args.dev_limit:
        dev_docs = dev_docs[:args.dev_limit]
    navec = F.load_navec(args.navec)
    kinds = tuple(cfg["affix_kinds"])
    # affixes (and whole words) seen at least 3 times in train get their own vector
    counts = [Counter() for _ in kinds]
    chars: Counter = Counter()
    for _, text, _ in train_docs:
        for _, _, w in F.tokenize(text):
            for k, a in enumerate(F.affixes(w, kinds)):
                counts[k][a] += 1
            chars.update(w)
    affix_vocab = {name: sorted(a for a, n in counts[k].items() if n >= 3) for k, name in enumerate(kinds)}
    if args.char_filters:
        cfg["chars"] = "".join(sorted(c for c, n in chars.items() if n >= 3))
    enc = F.Encoder(navec.vocab, affix_vocab, cfg["chars"])
    stats: Counter = Counter()
    W = cfg["max_width"]
    train = prepare(train_docs, W, stats)
    print(f"train {len(train)} docs {sum(len(d[0]) for d in train)} tokens; dev {len(dev_docs)} docs; "
          f"gold spans lost in train: {dict(stats)}; affix vocab {[len(v) for v in affix_vocab.values()]}; "
          f"chars {len(cfg['chars'])}", flush=True)

    # frozen navec rows for the train words (inference reads the full natasha table)
    ids = sorted({enc.ids(w)[0] for d in train for w in d[0]} | {enc.unk, enc.pad})
    local = np.full(len(navec.vocab.words), ids.index(enc.unk), dtype=np.int64)
    local[ids] = np.arange(len(ids))
    vectors = torch.from_numpy(F.navec_vectors(navec, np.array(ids)).copy())
    vectors[ids.index(enc.pad)] = 0
    net = Net(vectors, [len(affix_vocab[n]) for n in kinds], cfg).to(device)
    if args.init:
        load_weights(net, Path(args.init), affix_vocab)
    teacher = None
    if args.teacher:
        from letopis.nlp.nerel import NerelTagger
        teacher = NerelTagger(Path(args.teacher), navec=navec)
        assert teacher.model.labels == LABELS
    params = [p for p in net.parameters() if p.requires_grad]
    print(f"trainable params {sum(p.numel() for p in params):,}", flush=True)
    opt = torch.optim.Adam(params, lr=args.lr)
    lens = [len(d[0]) for d in train]
    n_batches = len(batches(list(range(len(train))), lens, args.tokens, False))
    total = [n_batches * args.epochs]           # a list: --budget shortens it after epoch 2
    warm = max(1, args.warmup)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warm) * max(0.02, 1 - s / total[0]))
    ce = nn.CrossEntropyLoss(ignore_index=-100)
    bce = nn.BCEWithLogitsLoss(reduction="none")
    unk_local = int(local[enc.unk])
    use_chars = args.char_filters > 0
    best = -1.0
    ema = Average(params, args.ema) if args.ema else None
    pool = mention_pool(train) if args.swap else {}
    swap_rng = random.Random(args.seed + 1)        # its own stream: --swap 0 keeps the shipped run's
    epochs = args.epochs
    epoch = 0
    while epoch < epochs:
        epoch += 1
        net.train()
        te = time.time()
        tot_loss = 0.0
        bl = batches(list(range(len(train))), lens, args.tokens, True)
        for bi in bl:
            docs = [train[k] for k in bi]
            if args.swap:
                docs = [swap_mentions(d, pool, args.swap, W, swap_rng) for d in docs]
            ids_t, lens_t, cids, cinv = tensors(docs, enc, local, use_chars, device)
            B, T = ids_t.shape[:2]
            drop = torch.rand((B, T)).to(device) < 0.05              # word dropout → OOV behaviour
            ids_t[..., 0] = ids_t[..., 0].masked_fill(drop, unk_local)
            labels = np.full((B, T, W), -100, dtype=np.int64)
            bounds = np.zeros((B, T, 2), np.float32)
            for b, d in enumerate(docs):
                n = len(d[0])
                for w in range(min(W, n)):
                    labels[b, :n - w, w] = 0
                for (i, w), lab in d[2].items():
                    labels[b, i, w] = lab
                    bounds[b, i, 0] = 1
                    bounds[b, i + w, 1] = 1
            labels_t = torch.from_numpy(labels).to(device)
            bounds_t = torch.from_numpy(bounds).to(device)
            logits, blog = net(ids_t, lens_t, cids, cinv)
            valid = (torch.arange(T, device=device)[None, :] < lens_t[:, None]).float()[..., None]
            if teacher is None:
                span_loss = ce(logits.reshape(-1, len(LABELS)), labels_t.view(-1))
            else:
                # distillation: the targets are gold mixed with the teacher's probabilities
                soft, soft_bounds = (torch.from_numpy(a).to(device) for a in teacher_targets(teacher, docs, W))
                real = labels_t >= 0
                target = (1 - args.kd) * nn.functional.one_hot(labels_t.clamp(min=0), len(LABELS)).float() \
                    + args.kd * soft
                span_loss = -(target * torch.log_softmax(logits, -1)).sum(-1)[real].mean()
                bounds_t = (1 - args.kd) * bounds_t + args.kd * soft_bounds
            loss = span_loss + (bce(blog, bounds_t) * valid).sum() / valid.sum() / 2
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(params, 5.0)
            opt.step()
            sched.step()
            tot_loss += loss.item()
            if ema is not None:
                ema.update()
        net.eval()
        line = f"epoch {epoch:2d} loss {tot_loss / len(bl):.4f}"
        saved = False
        for kind in ("raw", "ema") if ema is not None else ("raw",):
            with ema.swapped_in() if kind == "ema" else nullcontext():
                tmp = out.with_suffix(".tmp.npz")
                export(net, affix_vocab, tmp, dict(seed=args.seed, epoch=epoch, **({"weights": kind} if ema else {})))
                p, r, f = dev_score(tmp, dev_docs, navec).micro()
                mark = ""
                if f > best:
                    best = f
                    tmp.replace(out)
                    torch.save(net.state_dict(), out.with_suffix(".pt.tmp"))
                    mark = " *" if ema is not None else ""
                    saved = True
                else:
                    tmp.unlink()
            line += f" {kind + ' ' if ema is not None else ''}dev P {p:.3f} R {r:.3f} F1 {f:.4f}{mark}"
        print(f"{line} ({time.time() - te:.0f}s){'  * best, saved' if saved else ''}", flush=True)
        if args.budget and epoch == 2:           # epoch 1 also computed every word's features: slower
            epochs = max(2, min(epochs, int((args.budget - (time.time() - t0)) / (time.time() - te)) + 2))
            total[0] = n_batches * epochs
            print(f"budget: {epochs} epochs", flush=True)
        if args.stop_after and epoch >= args.stop_after:
            break
        if args.time_limit and (time.time() - t0) * (epoch + 1) / epoch > args.time_limit:
            print(f"time limit: stopping after epoch {epoch}", flush=True)
            break
    print(f"best dev F1 {best:.4f}; total {time.time() - t0:.0f}s", flush=True)
    net.load_state_dict(torch.load(out.with_suffix(".pt.tmp"), map_location=device))
    out.with_suffix(".pt.tmp").unlink()
    diff = check_numpy(net, out, train[:3], enc, local, navec)     # train words: all in the torch table
    print(f"numpy vs torch: max |diff| / largest |logit| {diff:.2e}", flush=True)
    assert diff < 1e-4, "numpy inference does not match the torch model"
    tune(out, dev_docs, navec)
    print(f"weights → {out} ({out.stat().st_size / 2**20:.1f} MB)", flush=True)


def tune(path: Path, dev_docs, navec) -> None:
    """Pick the pruning threshold tau and the entity threshold none_max on dev; store them in the
    weights (.npz) or, for an ensemble (.json naming its members), in the ensemble file."""
    best = (-1.0, 0.05, 0.5)
    for tau in (0.3, 0.2, 0.1, 0.05):
        for none_max in (0.3, 0.4, 0.5, 0.6):
            f = dev_score(path, dev_docs, navec, tau=tau, none_max=none_max).micro()[2]
            print(f"  tau {tau:.2f} none_max {none_max:.1f}: dev F1 {f:.4f}", flush=True)
            # larger tau first (fewer spans scored, faster): a smaller one must gain > 0.001
            if f > best[0] + 0.001:
                best = (f, tau, none_max)
    f, tau, none_max = best
    found = dict(tau=tau, none_max=none_max, dev_f1=round(f, 4))
    if path.suffix == ".json":
        spec = json.loads(path.read_text(encoding="utf-8"))
        spec.update(found)
        path.write_text(json.dumps(spec, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    else:
        z = np.load(path)
        arrays = {k: z[k] for k in z.files if k != "meta"}
        meta = json.loads(str(z["meta"]))
        meta.update(found)
        np.savez(path, meta=np.array(json.dumps(meta, ensure_ascii=False)), **arrays)
    print(f"tuned on dev: tau {tau} none_max {none_max} → dev F1 {f:.4f}", flush=True)


if __name__ == "__main__":
    main()

"""numpy forward pass of the NEREL span model (no torch at inference, as slovnet does).

Mirrors training/train_ner.py `Net`: navec ⊕ shape ⊕ affix/word embeddings ⊕ char CNN →
dilated residual convolutions → start/end scores prune spans → span repr (start + end + mean + width)
→ ReLU MLP → 30-way softmax. Documents are concatenated into one sequence separated by
zero gaps wider than the receptive field, so no work is wasted on padding."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np


class SpanModel:
    def __init__(self, path: Path):
        z = np.load(path)
        self.meta = json.loads(str(z["meta"]))
        w = {k: z[k] for k in z.files if k != "meta"}
        self.labels: list[str] = self.meta["labels"]
        self.W: int = self.meta["max_width"]
        self.dilations: list[int] = self.meta["dilations"]
        self.gap = sum(self.dilations) + 1
        self.shape_emb = w["shape.weight"]
        self.affix_emb = [w[f"affix.{k}.weight"] for k in range(len(self.meta["affixes"]))]
        # optional char CNN, conv weight [F, dc, 3]
        self.char_emb = w.get("char.weight")
        if self.char_emb is not None:
            cw = w["char_conv.weight"]
            self.char_bias = w["char_conv.bias"]
            # each tap's projection of every char, plus a zero row for the conv's padding
            # [n_chars + 1, F]: the conv over a word is then three row look-ups and sums instead of
            # a matrix product
            zero = np.zeros((1, cw.shape[0]), np.float32)
            self.char_taps = [np.concatenate([self.char_emb @ cw[:, :, k].T, zero]) for k in range(cw.shape[2])]
        # conv weight [out, in, 3] → [3*in, out] matching concat(x[t-d], x[t], x[t+d])
        self.convs = [(np.ascontiguousarray(w[f"convs.{k}.weight"].transpose(2, 1, 0).reshape(-1, w[f"convs.{k}.weight"].shape[0])),
                       w[f"convs.{k}.bias"]) for k in range(len(self.dilations))]
        self.bound = (np.ascontiguousarray(w["bound.weight"].T), w["bound.bias"])
        self.proj = np.ascontiguousarray(np.concatenate([w["ps.weight"], w["pe.weight"], w["pm.weight"]]).T)
        self.ps_bias = w["ps.bias"]
        self.width = w["width.weight"]
        self.hid = (np.ascontiguousarray(w["hid.weight"].T), w["hid.bias"])
        self.out = (np.ascontiguousarray(w["out.weight"].T), w["out.bias"])
        self.D = w["ps.bias"].shape[0]

    def char_features(self, cids: np.ndarray) -> np.ndarray:
        """Char ids [U, L] of distinct words → [U, F]: max over positions of ReLU(conv3)."""
        U, L = cids.shape
        padded = np.full((U, L + 2), len(self.char_emb), cids.dtype)     # the zero rows
        padded[:, 1:-1] = cids
        left, mid, right = self.char_taps
        y = left[padded[:, :-2]]
        y += mid[cids]
        y += right[padded[:, 2:]]
        y += self.char_bias
        np.maximum(y, 0, out=y)
        y *= (cids > 0)[:, :, None]
        return y.max(axis=1) if L else np.zeros((U, y.shape[2]), np.float32)

    def _first_weights(self, dim: int, n_char: int) -> tuple:
        """The first convolution's weight [3*in, C] split by input part (navec word, shape+affix
        ids, char CNN), each part's three taps side by side: [part, 3C]."""
        key = (dim, n_char)
        if getattr(self, "_split", (None,))[0] != key:
            wt = self.convs[0][0]
            n_in = wt.shape[0] // 3
            end = n_in - n_char
            parts = [np.concatenate([wt[s * n_in + a:s * n_in + b] for s in range(3)], axis=1)
                     for a, b in ((0, dim), (dim, end), (end, n_in))]
            self._split = (key, parts)
        return self._split[1]

    def project(self, navec_rows: np.ndarray, inverse: np.ndarray, ids: np.ndarray,
                chars: np.ndarray | None = None, char_inverse: np.ndarray | None = None) -> np.ndarray:
        """Rows of ids [N, 2 + affix kinds] → the first convolution's input projections [N, 3C]
        (its three taps side by side). Each row is a function of its token string alone. The word
        vectors come as the distinct navec rows plus `inverse` (row → navec row): the 300-d word
        part is then projected once per distinct word, most of the model's arithmetic; likewise
        shape/affix rows and the char CNN features (`chars`, `char_inverse`)."""
        n_char = 0 if chars is None else chars.shape[1]
        w_word, w_rest, w_char = self._first_weights(navec_rows.shape[1], n_char)
        # shape and affix ids repeat as words do: project each distinct id row once
        rest_ids, rest_inv = np.unique(ids[:, 1:], axis=0, return_inverse=True)
        rest = np.concatenate([self.shape_emb[rest_ids[:, 0]]]
                              + [e[rest_ids[:, 1 + k]] for k, e in enumerate(self.affix_emb)], axis=1)
        P = (navec_rows @ w_word)[inverse] + (rest @ w_rest)[rest_inv.reshape(-1)]
        if n_char:
            P += (chars @ w_char)[char_inverse]
        return P

    def encode(self, navec_rows: np.ndarray, inverse: np.ndarray, ids: np.ndarray, mask: np.ndarray,
               chars: np.ndarray | None = None, char_inverse: np.ndarray | None = None) -> np.ndarray:
        """One flat sequence → [N, C]. ids [N, 2 + affix kinds]; mask [N] is 0 on the gaps
        between documents (see `project` for the other arguments)."""
        return self.encode_projected(self.project(navec_rows, inverse, ids, chars, char_inverse), mask)

    def encode_projected(self, P: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """The first convolution's input projections [N, 3C] (`project`) → encoded tokens [N, C]."""
        N = len(P)
        b = self.convs[0][1]
        d = self.dilations[0]
        C = b.shape[0]
        P = P * mask[:, None]
        y = P[:, C:2 * C] + b
        y[d:] += P[:-d, :C]
        y[:-d] += P[d:, 2 * C:]
        np.maximum(y, 0, out=y)
        y *= mask[:, None]
        x = y
        for (wt, b), d in zip(self.convs[1:], self.dilations[1:]):
            pad = np.zeros((d, C), np.float32)
            xp = np.concatenate([pad, x, pad])
            y = np.concatenate([xp[:N], x, xp[2 * d:]], axis=1) @ wt + b
            np.maximum(y, 0, out=y)
            y *= mask[:, None]
            x = x + y
        return x

    def boundaries(self, h: np.ndarray) -> np.ndarray:
        """[N, 2] logits: token starts / ends some entity."""
        return h @ self.bound[0] + self.bound[1]

    def span_probs(self, h: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        from letopis.nlp.nerel.decode import softmax
        return softmax(self.span_logits(h, starts, ends))

    def span_logits(self, h: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """[K, labels] logits of the candidate spans starts[k]..ends[k] (inclusive)."""
        D = self.D
        p = h @ self.proj
        S, E = p[:, :D] + self.ps_bias, p[:, D:2 * D]
        # prefix sums of the tokens' mean parts, row 0 zero; numpy sums along a row 1.5× faster
        # than down a column, in the same order (equal results), so it sums the transpose
        Mt = np.zeros((D, len(p) + 1), np.float32)
        np.cumsum(p[:, 2 * D:].T, axis=1, out=Mt[:, 1:])
        M = Mt.T.copy()
        wid = ends - starts
        z = S[starts] + E[ends] + (M[ends + 1] - M[starts]) / (wid + 1)[:, None].astype(np.float32) + self.width[wid]
        np.maximum(z, 0, out=z)
        z = z @ self.hid[0] + self.hid[1]
        np.maximum(z, 0, out=z)
        return z @ self.out[0] + self.out[1]

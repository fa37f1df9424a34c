"""numpy forward pass of the NEREL span model (no torch at inference, as slovnet does).

Mirrors training/train_ner.py `Net`: navec ⊕ shape ⊕ affixes → 3 dilated residual
convolutions → start/end scores prune spans → span repr (start + end + mean + width)
→ ReLU MLP → 30-way softmax. Documents are concatenated into one sequence separated by
zero gaps wider than the receptive field, so no work is wasted on padding."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np


def _mm(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """x[..., k] @ w[k, n] as one 2-D BLAS call (numpy's stacked matmul is far slower)."""
    return (x.reshape(-1, x.shape[-1]) @ w).reshape(x.shape[:-1] + (w.shape[1],))


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
        self.affix_emb = [w[f"affix.{k}.weight"] for k in range(3)]
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

    def encode(self, navec_rows: np.ndarray, inverse: np.ndarray, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """One flat sequence → [N, C]. The word vectors come as the distinct navec rows plus
        `inverse` (token → row): the first convolution's 300-d word part is then projected
        once per distinct word, which is most of the model's arithmetic.
        ids [N, 5]; mask [N] is 0 on the gaps between documents."""
        N = len(ids)
        wt, b = self.convs[0]
        d = self.dilations[0]
        C = wt.shape[1]
        dim = navec_rows.shape[1]
        n_in = wt.shape[0] // 3
        w_word = np.concatenate([wt[s * n_in:s * n_in + dim] for s in range(3)], axis=1)        # dim x 3C
        w_rest = np.concatenate([wt[s * n_in + dim:(s + 1) * n_in] for s in range(3)], axis=1)  # rest x 3C
        rest = np.concatenate([self.shape_emb[ids[:, 1]]]
                              + [e[ids[:, 2 + k]] for k, e in enumerate(self.affix_emb)], axis=1)
        P = (navec_rows @ w_word)[inverse] + rest @ w_rest
        P *= mask[:, None]
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
        D = self.D
        p = h @ self.proj
        S, E = p[:, :D] + self.ps_bias, p[:, D:2 * D]
        M = np.concatenate([np.zeros((1, D), np.float32), np.cumsum(p[:, 2 * D:], axis=0)])
        wid = ends - starts
        z = S[starts] + E[ends] + (M[ends + 1] - M[starts]) / (wid + 1)[:, None].astype(np.float32) + self.width[wid]
        np.maximum(z, 0, out=z)
        z = z @ self.hid[0] + self.hid[1]
        np.maximum(z, 0, out=z)
        return softmax(z @ self.out[0] + self.out[1])

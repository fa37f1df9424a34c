"""Rewrite a weights .npz to another model's affix vocabularies, so the two can be one ensemble
(its members must read tokens the same way: one encoder serves all).

    python -m training.remap_vocab MEMBER.npz REFERENCE.npz [--out OUT.npz]   # default: in place

Each affix value's embedding row moves to its index in the reference's vocabulary. A value the
member never had gets the member's 'unknown' row, which is how the member read it; a value the
reference lacks is dropped, and the member will read it as unknown, as the reference does. The
vocabularies drift when the feature code or the gazetteer changes between two trainings (stop 29:
the shipped models' `gaz` vocabulary holds "city|city+country", which today's gazetteer no longer
gives any NEREL train word)."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np


def remap(member: Path, reference: Path, out: Path) -> dict[str, tuple[list[str], list[str]]]:
    """Write `member` re-indexed to `reference`'s vocabularies to `out`; per changed kind
    (values added, values dropped)."""
    z = np.load(member)
    meta = json.loads(str(z["meta"]))
    arrays = {k: z[k] for k in z.files if k != "meta"}
    target = json.loads(str(np.load(reference)["meta"]))["affixes"]
    if list(target) != list(meta["affixes"]):
        raise SystemExit(f"{member} and {reference} read different feature kinds")
    changed = {}
    for k, (name, old) in enumerate(meta["affixes"].items()):
        new = target[name]
        if old == new:
            continue
        pos = {a: i + 2 for i, a in enumerate(old)}               # rows 0/1: padding, unknown
        arrays[f"affix.{k}.weight"] = arrays[f"affix.{k}.weight"][[0, 1] + [pos.get(a, 1) for a in new]]
        changed[name] = (sorted(set(new) - set(old)), sorted(set(old) - set(new)))
    meta["affixes"] = target
    np.savez(out, meta=np.array(json.dumps(meta, ensure_ascii=False)), **arrays)
    return changed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("member")
    ap.add_argument("reference")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    out = Path(args.out or args.member)
    for name, (added, dropped) in remap(Path(args.member), Path(args.reference), out).items():
        print(f"{name}: added {added}, dropped {dropped}")
    print(f"→ {out}")


if __name__ == "__main__":
    main()

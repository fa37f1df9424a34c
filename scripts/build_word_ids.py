"""Build letopis/nlp/nerel/word_ids.npz: the model's token ids (features.Encoder.ids) computed ahead
for navec's words and for every token form of NEREL train, so that a process computes them only for
rarer words (features.WordTable).

    python scripts/build_word_ids.py [--train ../shared/data/nerel/train]     (make word-ids)

The table records a stamp of the affix vocabularies, the feature code, the gazetteer, the word
tables and pymorphy's dictionary (features.table_stamp) and is used only while they are unchanged;
tests/test_nlp_model.py fails when it is stale. Rerun after training or editing any of them."""
from __future__ import annotations

import argparse
import tarfile
import time
from pathlib import Path

from letopis.nlp.nerel import features as F

OUT = Path(F.__file__).resolve().parent / F.WORD_IDS


def words(train: Path | None) -> list[str]:
    """navec's words that are one token as features.tokenize cuts text, and NEREL train's tokens."""
    with tarfile.open(F._navec_path()) as tar:
        found = {w for w in F._read_vocab(tar.extractfile("vocab.bin").read())   # type: ignore[union-attr]
                 if F.TOKEN.fullmatch(w)}
    if train is not None:
        for path in sorted(train.glob("*.txt")):
            found.update(t for _, _, t in F.tokenize(path.read_text(encoding="utf-8")))
    return sorted(found)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train", type=Path, default=Path("../shared/data/nerel/train"),
                    help="NEREL train texts whose token forms join navec's words (skipped when absent)")
    args = ap.parse_args()
    from letopis.nlp.nerel import get_tagger
    enc = get_tagger().enc
    enc.table = None                   # every word computed from the string, not read back
    t = time.perf_counter()
    todo = words(args.train if args.train.is_dir() else None)
    table = F.WordTable.build(todo, [enc.compute(w) for w in todo])
    table.save(OUT, F.table_stamp(enc.affix_vocab))
    print(f"{OUT}: {len(table)} words, {OUT.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - t:.0f} s")


if __name__ == "__main__":
    main()

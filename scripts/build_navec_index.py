"""Build letopis/nlp/nerel/navec_index.npz: natasha's navec vocabulary as the tagger's sorted key
table (features._LightVocab), so that no process decodes and sorts 250K words at start-up.

    python scripts/build_navec_index.py

The table records the CRC of the vocab.bin it was built from; a process whose natasha ships another
vocabulary builds its own table instead (features._vocab). Rerun after upgrading natasha."""
from __future__ import annotations

import tarfile
import zlib
from pathlib import Path

import numpy as np

from letopis.nlp.nerel import features as F

OUT = Path(F.__file__).resolve().parent / F.INDEX


def main() -> None:
    with tarfile.open(F._navec_path()) as tar:
        raw = tar.extractfile("vocab.bin").read()      # type: ignore[union-attr]
    vocab = F._LightVocab.from_words(F._read_vocab(raw))
    np.savez(OUT, keys=vocab._keys, ids=vocab._ids, crc=np.uint32(zlib.crc32(raw)))
    print(f"{OUT}: {len(vocab._keys)} words, {OUT.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()

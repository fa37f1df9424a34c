"""Speed: our NEREL tagger vs natasha's NewsNERTagger on the same texts, one process.

    python -m training.bench_ner --data ../shared/data/nerel/dev
Both are loaded first; each is timed over all texts (best of --repeat runs)."""
from __future__ import annotations

import argparse
import time

from letopis.nlp.brat import read_dir


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/nerel/dev")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = [d[1] for d in read_dir(args.data)]
    from natasha import NewsEmbedding, NewsNERTagger

    from letopis.nlp.nerel import get_tagger
    t0 = time.perf_counter()
    emb = NewsEmbedding()
    natasha = NewsNERTagger(emb)
    t1 = time.perf_counter()
    ours = get_tagger()
    t2 = time.perf_counter()
    print(f"load: natasha {t1 - t0:.2f}s, nerel {t2 - t1:.2f}s; {len(texts)} docs, {sum(map(len, texts))} chars")

    def best(fn):
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        return min(times)

    tn = best(lambda: list(natasha.map(texts)))
    to = best(lambda: ours.tag_batch(texts))
    print(f"natasha NewsNERTagger: {tn:.2f}s = {len(texts) / tn:.1f} docs/s")
    print(f"nerel tagger:          {to:.2f}s = {len(texts) / to:.1f} docs/s  ({tn / to:.1f}x natasha)")


if __name__ == "__main__":
    main()

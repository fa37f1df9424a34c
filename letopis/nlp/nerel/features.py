"""Text → tokens → model inputs (navec word ids, shape ids, affix, pymorphy2-reading, gazetteer
and word-table ids).

Shared by training (training/train_ner.py) and numpy inference so both see exactly the
same tokens. Tokens are maximal letter runs, digit runs, or single other characters:
NEREL spans often start or end inside hyphenated words ("экс-|министр", "ЧМ-|2018",
"66-летнему"), and a regex is much faster than razdel, which matters for speed."""
from __future__ import annotations

import re
from functools import lru_cache
from hashlib import blake2b

import numpy as np

TOKEN = re.compile(r"[^\W\d_]+|\d+|\S")
SHAPES = ("<pad>", "lower", "title", "upper", "mixed", "digit", "punct", "other", "upper1")
AFFIXES = ("suf2", "suf3", "pre3", "word", "morph", "gaz", "lex", "lemma")
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


def affixes(word: str, kinds: tuple[str, ...] = AFFIXES) -> tuple[str, ...]:
    """Lower-cased 2/3-letter suffix, 3-letter prefix, the whole word, its morphology (`morph_tag`),
    its gazetteer kinds (`gaz_tag`), its word-table kinds (`lex_tag`) and its lemma (`lemma_tag`),
    those of `kinds`: each value gets a trained vector when frequent in train (the whole word
    adapts frozen navec to NEREL's types; the lemma shares that across a word's forms)."""
    w = word.lower()
    every = {"suf2": w[-2:], "suf3": w[-3:], "pre3": w[:3], "word": w}
    return tuple(every[k] if k in every else morph_tag(w) if k == "morph" else gaz_tag(word) if k == "gaz"
                 else lex_tag(word) if k == "lex" else lemma_tag(w) for k in kinds)


def lemma_tag(w: str) -> str:
    """The dictionary form of a lower-cased Russian word ("выборах" → "выборы"); "" for others."""
    from letopis.nlp.morph import analyse, has_cyrillic
    return analyse(w)[0] if has_cyrillic(w) else ""


# OpenCorpora grammemes that say what a name names: first name, surname, patronymic, place,
# organisation, abbreviation, initial, trademark
_NAME_GRAMMEMES = ("Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Init", "Trad")


def morph_tag(w: str) -> str:
    """What pymorphy2's dictionary says of a lower-cased word, as one categorical value: part of
    speech, case and number of the best reading, the name grammemes of any of its first four
    readings ("Москвы" → a Geox noun in the genitive, "Ивановой" → Surn), and whether the word is
    in the dictionary at all. Words without Cyrillic letters get ""."""
    from letopis.nlp.morph import has_cyrillic, parse
    if not has_cyrillic(w):
        return ""
    ps = parse(w)
    names = set().union(*(_tag_parts(str(p.tag))[1] for p in ps[:4]))
    known = "d" if type(ps[0].methods_stack[0][0]).__name__ == "DictionaryAnalyzer" else "g"
    return f"{_tag_parts(str(ps[0].tag))[0]}|{'+'.join(g for g in _NAME_GRAMMEMES if g in names)}|{known}"


def gaz_tag(word: str) -> str:
    """What the gazetteer says of a capitalised word, as one categorical value: the kinds of
    place it names alone and those of the longer names it starts ("Москве" → "city+region|",
    "Жамбылской" → "|region"). Tells a region from a city where the word itself is rare. Lower-case
    words (three in four) get "": names are capitalised, and each look-up costs ~20 µs."""
    if len(word) < 2 or not word[0].isupper():
        return ""
    from letopis.geo.gazetteer import get_gazetteer
    whole, starts = get_gazetteer().name_kinds(word)
    if not whole and not starts:
        return ""
    return "+".join(sorted(whole)) + "|" + "+".join(sorted(starts))


# the word tables the model reads (lexicon/tables), and the kind each row's words get: professions
# that only name a kind of person ("ребёнок", "боевик", flag `person`) are "who", not "prof"
_LEX_TABLES = (("professions.tsv", "prof"), ("ranks.tsv", "rank"), ("role_orgs.tsv", "service"),
               ("weapons.tsv", "weapon"), ("vehicles.tsv", "vehicle"))


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(lemma → kinds, exact text → kinds) of every plain word of the tables' patterns: lower-case
    pattern words match by lemma, words with capitals (МВД, ПМ, ДПС) by their text; regular
    expressions and punctuation are left out (they name models, not words a reader generalises)."""
    from letopis.lexicon import read_table
    by_lemma: dict[str, set[str]] = {}
    by_text: dict[str, set[str]] = {}
    for name, kind in _LEX_TABLES:
        for row in read_table(name):
            k = "who" if name == "professions.tsv" and "person" in (row[3] if len(row) > 3 else "") else kind
            for w in row[0].split():
                if w.startswith("/") or len(w) < 2 or not any(c.isalpha() for c in w) or _function_word(w):
                    continue
                into = by_lemma if w.islower() else by_text
                into.setdefault(w.replace("ё", "е") if w.islower() else w, set()).add(k)
    return ({w: frozenset(k) for w, k in by_lemma.items()}, {w: frozenset(k) for w, k in by_text.items()})


def _function_word(w: str) -> bool:
    """"по", "со" in "заместитель по…", "вместе со…": no table's meaning rides on them."""
    from letopis.nlp.morph import parse
    return w.islower() and parse(w)[0].tag.POS in ("PREP", "CONJ", "PRCL", "NPRO")


def lex_tag(word: str) -> str:
    """What the word tables say of a word, as one categorical value: the kinds of the table rows
    it is a word of, by any of its lemmas ("сержантов" → rank, "полиции" → prof+service,
    "пистолетом" → weapon, "МВД" → service). Gives rare role and service words, which the model
    met seldom in train, what the rules know of them."""
    from letopis.nlp.morph import lemma_keys
    by_lemma, by_text = _lexicon()
    kinds = set(by_text.get(word, ()))
    for key in lemma_keys(word):                 # what the table matchers match a token by
        kinds |= by_lemma.get(key, frozenset())
    return "+".join(sorted(kinds))


@lru_cache(maxsize=4096)
def _tag_parts(tag: str) -> tuple[str, frozenset[str]]:
    """"NOUN,inan,femn,Geox sing,gent" → ("NOUN|gent|sing", its name grammemes): a few hundred
    distinct tags, so per tag string once (pymorphy's tag properties cost ~1 µs each)."""
    from pymorphy2.tagset import OpencorporaTag as T
    gs = frozenset(tag.replace(" ", ",").split(","))

    def one(of: frozenset) -> str | None:
        return next(iter(of & gs), None)
    return f"{one(T.PARTS_OF_SPEECH)}|{one(T.CASES)}|{one(T.NUMBERS)}", gs & frozenset(_NAME_GRAMMEMES)


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
        self.kinds = tuple(name for name in AFFIXES if name in affix_vocab)
        self.affix_vocab = {name: affix_vocab[name] for name in self.kinds}
        self.affix_ids = [{a: i + 2 for i, a in enumerate(affix_vocab[name])} for name in self.kinds]
        self.char_ids = {c: i + 2 for i, c in enumerate(chars)}
        self._cache: dict[str, tuple[int, ...]] = {}
        self.table: WordTable | None = None      # use_table: ids computed ahead for common words

    def use_table(self) -> bool:
        """Read the shipped word table (`WORD_IDS`) when it was built for this vocabulary and the
        current feature code and tables (`table_stamp`); else every word is computed (correct,
        slower). True when it is used."""
        self.table = WordTable.load(table_stamp(self.affix_vocab))
        return self.table is not None

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
            got = self.table.get(word) if self.table is not None else None
            if got is None:
                got = self.compute(word)
            if len(self._cache) < 300_000:
                self._cache[word] = got
        return got

    def compute(self, word: str) -> tuple[int, ...]:
        """(navec id, shape id, affix ids...) of one token string, from the string alone."""
        key = word.lower()
        wid = self.vocab.get(key)
        if wid is None and "ё" in key:
            wid = self.vocab.get(key.replace("ё", "е"))
        if wid is None:
            wid = self.unk
        return (wid, shape(word), *(ids.get(a, 1) for a, ids in zip(affixes(word, self.kinds), self.affix_ids)))

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
        navec = Navec.load(path)
        navec.foreign = True         # its row ids are not natasha's: the shipped word table is not for it
        return navec
    from natasha import NewsEmbedding
    return NewsEmbedding()


def navec_vectors(navec, ids: np.ndarray) -> np.ndarray:
    """Dequantise the navec rows for `ids` (any shape) → ids.shape + (300,) float32."""
    pq = navec.pq
    parts = pq.codes[pq.qdims, pq.indexes[ids.reshape(-1)]]        # N x qdim x (dim/qdim)
    return parts.reshape(ids.shape + (pq.dim,)).astype(np.float32, copy=False)


class _LightPQ:
    """navec's product quantiser without what only similarity queries need: navec's own PQ
    precomputes every vector's norm through a 250K × 100 float32 temporary (100 MB of peak memory)
    and a 26 MB centroid-product table; the tagger reads only codes and indexes."""

    def __init__(self, vectors: int, dim: int, qdim: int, centroids: int, indexes, codes) -> None:
        self.vectors, self.dim, self.qdim, self.centroids = vectors, dim, qdim, centroids
        self.indexes, self.codes = indexes, codes
        self.qdims = np.arange(qdim)


class _LightVocab:
    """navec's vocabulary as the tagger uses it (word → id), 3 MB instead of navec's ~45 MB dict of
    250K strings: sorted 64-bit keys of the words (`word_key`) and the ids beside them. Two of 250K
    words sharing a key, or an unknown word taking one's, is a ~1e-9 event (it would only swap a
    vector). The keys are the same in every process, so the table ships prebuilt (`INDEX`)."""

    def __init__(self, keys: np.ndarray, ids: np.ndarray) -> None:
        self._keys, self._ids = keys, ids
        self._search = np.searchsorted
        self.unk_id = self.get("<unk>")
        self.pad_id = self.get("<pad>")

    @classmethod
    def from_words(cls, words: list[str]) -> "_LightVocab":
        keys = np.fromiter(map(word_key, words), np.int64, len(words))
        order = np.argsort(keys, kind="stable")
        return cls(keys[order], order.astype(np.int32))

    def get(self, word: str, default=None):
        h = word_key(word)
        i = int(self._search(self._keys, h))
        if i < len(self._keys) and self._keys[i] == h:
            return int(self._ids[i])
        return default

    def __getitem__(self, word: str) -> int:
        got = self.get(word)
        if got is None:
            raise KeyError(word)
        return got

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None


def word_key(word: str) -> int:
    """A word's 64-bit key, the same in every process (hash() is salted per process)."""
    return int.from_bytes(blake2b(word.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


# navec's vocabulary as _LightVocab's sorted table, built by scripts/build_navec_index.py from the
# navec file natasha ships and used only while that file's vocabulary is the one it was built from
# (its CRC): decoding and sorting the 250K words took ~90 ms of every process's start
INDEX = "navec_index.npz"


# Encoder.ids of navec's words and of NEREL train's token forms, computed ahead by
# scripts/build_word_ids.py: a fresh process spent ~0.12 ms on each new word (pymorphy readings,
# gazetteer and word-table look-ups; 0.56 s for the distinct words of half of NEREL dev)
WORD_IDS = "word_ids.npz"
# what a word's ids depend on besides the model's vocabularies: the table is used only while these
# are byte for byte what it was built from (a test says when to rebuild it)
# (the word tables by their rows: a comment changes no word)
_STAMP_FILES = (("letopis.nlp.nerel", "features.py"), ("letopis.nlp.nerel", INDEX), ("letopis.nlp", "morph.py"),
                ("letopis.geo", "gazetteer.py"), ("letopis.geo", "morph.py"), ("letopis.geo", "text.py"),
                ("letopis.geo", "data/gazetteer.json.gz"), ("letopis.lexicon", "__init__.py"))
_STAMP_DISTS = ("pymorphy2", "pymorphy2-dicts-ru")


def table_stamp(affix_vocab: dict[str, list[str]]) -> str:
    """A digest of everything Encoder.ids reads: the affix vocabularies, the feature code, the
    gazetteer, the word tables and pymorphy's dictionary version."""
    import json
    from importlib import metadata, resources
    h = blake2b(json.dumps(affix_vocab, ensure_ascii=False, sort_keys=True).encode("utf-8"), digest_size=16)
    for package, name in _STAMP_FILES:
        h.update(name.encode("utf-8"))
        h.update(resources.files(package).joinpath(*name.split("/")).read_bytes())
    from letopis.lexicon import read_table
    h.update(json.dumps([read_table(name) for name, _ in _LEX_TABLES], ensure_ascii=False).encode("utf-8"))
    for dist in _STAMP_DISTS:
        h.update(f"{dist}={metadata.version(dist)}".encode("utf-8"))
    return h.hexdigest()


class WordTable:
    """Token string → Encoder.ids, for the words it was built with: the words as a _LightVocab (word →
    row, the same sorted 64-bit keys; the rows in key order, so only the keys are stored) and each row's
    navec id and shape + affix ids."""

    def __init__(self, index: _LightVocab, wids: np.ndarray, rest: np.ndarray) -> None:
        self.index, self.wids, self.rest = index, wids, rest

    @classmethod
    def build(cls, words: list[str], ids: list[tuple[int, ...]]) -> "WordTable":
        by_key = _LightVocab.from_words(words)
        rows = np.array(ids, np.int64)[by_key._ids]
        if rows[:, 1:].max(initial=0) > np.iinfo(np.uint16).max:
            raise ValueError("an affix id does not fit the table's 16 bits")
        return cls(cls._index(by_key._keys), rows[:, 0].astype(np.int32), rows[:, 1:].astype(np.uint16))

    @staticmethod
    def _index(keys: np.ndarray) -> _LightVocab:
        return _LightVocab(keys, np.arange(len(keys), dtype=np.int32))

    def save(self, path, stamp: str) -> None:
        np.savez(path, keys=self.index._keys, wids=self.wids, rest=self.rest, stamp=np.str_(stamp))

    @classmethod
    def load(cls, stamp: str) -> "WordTable | None":
        """The shipped table when its stamp is `stamp`, else None."""
        from importlib import resources
        ref = resources.files("letopis.nlp.nerel") / WORD_IDS
        if not ref.is_file():
            return None
        with ref.open("rb") as fh, np.load(fh) as data:
            if str(data["stamp"]) != stamp:
                return None
            return cls(cls._index(data["keys"]), data["wids"], data["rest"])

    def __len__(self) -> int:
        return len(self.wids)

    def get(self, word: str) -> tuple[int, ...] | None:
        i = self.index.get(word)
        return None if i is None else (int(self.wids[i]), *self.rest[i].tolist())


def _read_vocab(raw: bytes) -> list[str]:
    """navec's vocab.bin (gzipped: word count, counts, then the words one per line) → words."""
    import gzip
    data = gzip.decompress(raw)
    size, = np.frombuffer(data[:4], np.uint32)
    return data[4 + 4 * int(size):].decode("utf8").splitlines()       # word counts skipped: unused


def _vocab(raw: bytes) -> _LightVocab:
    """The shipped table when it was built from this vocab.bin, else one built now."""
    import zlib
    from importlib import resources
    ref = resources.files("letopis.nlp.nerel") / INDEX
    if ref.is_file():
        with ref.open("rb") as fh:
            index = np.load(fh)
            if int(index["crc"]) == zlib.crc32(raw):
                return _LightVocab(index["keys"], index["ids"])
    return _LightVocab.from_words(_read_vocab(raw))


class _LightNavec:
    def __init__(self, vocab: _LightVocab, pq: _LightPQ) -> None:
        self.vocab, self.pq = vocab, pq


def _navec_path() -> str:
    """natasha's news embedding file, found without importing natasha (≈15 MB of modules)."""
    import importlib.util
    from pathlib import Path
    spec = importlib.util.find_spec("natasha")
    root = Path(next(iter(spec.submodule_search_locations)))      # type: ignore[union-attr]
    return str(root / "data" / "emb" / "navec_news_v1_1B_250K_300d_100q.tar")


def light_navec() -> _LightNavec:
    """The same navec vectors natasha's NewsEmbedding loads (same file, same ids), read lean."""
    import tarfile
    with tarfile.open(_navec_path()) as tar:
        vocab = _vocab(tar.extractfile("vocab.bin").read())   # type: ignore[union-attr]
        member = tar.getmember("pq.bin")
    # pq.bin is stored plain in the tar: mapped, not read, so a process reads only the rows its
    # words use and forked workers share the pages
    raw = np.memmap(_navec_path(), np.uint8, "r", member.offset_data, member.size).view(np.ndarray)
    vectors, dim, qdim, centroids = (int(x) for x in raw[:16].view(np.uint32))
    n_idx = vectors * qdim
    indexes = raw[16:16 + n_idx].reshape(vectors, qdim)
    codes = raw[16 + n_idx:].view(np.float32).reshape(qdim, centroids, -1)
    return _LightNavec(vocab, _LightPQ(vectors, dim, qdim, centroids, indexes, codes))

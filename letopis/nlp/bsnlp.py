"""Score entity recall and normal forms on BSNLP-2021 Russian data (`letopis eval bsnlp DIR`).

BSNLP annotates per document which distinct mention forms occur, each with its normal form
and type (PER LOC ORG PRO EVT), without offsets. We score PER/LOC/ORG:

* found  — the gold form (lower-cased, quotes and spaces normalised) is the text of one of
  our entities in that document;
* normal — of the found ones, our `normal` (lower-cased) equals the annotators' normal form;
* precision proxy — share of our distinct entity texts that BSNLP lists under any type;
* names precision — the same over the names each system finds: outermost entities written with a
  capital. BSNLP annotates only proper names, and only the top-most of nested ones ("Верховный суд
  Пакистана", not "Пакистана" inside it, nor "правительство" or "британский"); ours nests and
  tags generic organisations and place adjectives as NEREL does. This is the like-for-like figure.

natasha alone (its NER + span.normalize with its morph tagger) is scored over the same
documents in the same run, for comparison.
"""
from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

SCORED = ("PER", "LOC", "ORG")
_QUOTES = re.compile(r"[«»“”„‟\"'`’‘]")
_SPACE = re.compile(r"\s+")
_INITIAL = re.compile(r"\b(\w)\. (?=\w)")


def key(text: str) -> str:
    """The comparison form of a mention: lower-case, ё→е, one kind of quote, single spaces."""
    t = _QUOTES.sub('"', text.lower().replace("ё", "е"))
    t = _SPACE.sub(" ", t).strip()
    return _INITIAL.sub(r"\1.", t)          # "т. мэй" and "т.мэй" are one form


@dataclass
class GoldDoc:
    name: str
    text: str                          # title + body (the 4 header lines dropped)
    gold: dict[str, tuple[str, str]] = field(default_factory=dict)  # key(form) → (key(normal), type)


def _read_gold(path: Path) -> dict[str, tuple[str, str]]:
    gold: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8-sig").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        form, normal, typ = parts[0], parts[1], parts[2].strip()
        gold.setdefault(key(form), (key(normal), typ))
    return gold


def _read_text(path: Path) -> str:
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    return "\n".join(lines[4:]).strip("\n")


def load(root: str | Path, limit: int | None = None) -> list[GoldDoc]:
    """Pairs text and annotation in both layouts: `X.txt` + `X.out`, and `file_N_ru.txt` + `N.txt`."""
    docs: list[GoldDoc] = []
    for path in sorted(Path(root).rglob("*.txt")):
        m = re.fullmatch(r"file_(\d+)_\w+\.txt", path.name)
        gold_path = path.with_name(m.group(1) + ".txt") if m else path.with_suffix(".out")
        if m is None and re.fullmatch(r"\d+\.txt", path.name):
            continue                    # an annotation file of the second layout
        if not gold_path.exists():
            continue
        docs.append(GoldDoc(str(path.relative_to(root)), _read_text(path), _read_gold(gold_path)))
    if limit is not None:
        docs = docs[:limit]
    return docs


# --- the two systems: each maps a text to [(mention text, normal)] ---------------------------

def ours(text: str) -> list[tuple[str, str, str, bool]]:
    from letopis.nlp.pipeline import analyze
    from letopis.read.document import Document
    analysis = analyze(Document(doc="bsnlp", text=text))
    kept = [e for e in analysis.entities
            if e.type in ("PERSON", "ORGANIZATION", "LOCATION", "COUNTRY", "CITY", "STATE_OR_PROVINCE")]
    return [(e.text, e.normal or e.text, e.type, _named(e.text) and not _inside_another(e, kept)) for e in kept]


def _named(text: str) -> bool:
    return text[:1].isupper()


def _inside_another(e, entities) -> bool:
    return any(o is not e and o.start <= e.start and e.end <= o.end and (o.start, o.end) != (e.start, e.end)
               for o in entities)


_NATASHA = None


def natasha(text: str) -> list[tuple[str, str, str, bool]]:
    global _NATASHA
    from natasha import Doc
    if _NATASHA is None:
        from letopis.nlp.morph import compat
        compat()
        from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter
        emb = NewsEmbedding()
        _NATASHA = (Segmenter(), NewsMorphTagger(emb), NewsNERTagger(emb), MorphVocab())
    segmenter, morph_tagger, ner_tagger, vocab = _NATASHA
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_morph(morph_tagger)
    doc.tag_ner(ner_tagger)
    out = []
    for span in doc.spans:
        span.normalize(vocab)
        out.append((span.text, span.normal, span.type, _named(span.text)))
    return out


# --- scoring ----------------------------------------------------------------------------------

@dataclass
class Score:
    gold: Counter = field(default_factory=Counter)      # per type
    found: Counter = field(default_factory=Counter)
    normal: Counter = field(default_factory=Counter)
    predicted: int = 0
    predicted_in_gold: int = 0
    named: int = 0                                      # the same over capitalised outermost names
    named_in_gold: int = 0
    misses: list[str] = field(default_factory=list)     # "doc: form (TYPE)"
    wrong: list[str] = field(default_factory=list)      # "doc: form → ours ≠ gold"

    def share(self, what: Counter, base: Counter, typ: str | None = None) -> float:
        num = sum(what.values()) if typ is None else what[typ]
        den = sum(base.values()) if typ is None else base[typ]
        return num / den if den else 0.0

    @property
    def found_share(self) -> float:
        return self.share(self.found, self.gold)

    @property
    def normal_share(self) -> float:
        return self.share(self.normal, self.found)

    @property
    def precision(self) -> float:
        return self.predicted_in_gold / self.predicted if self.predicted else 0.0

    @property
    def names_precision(self) -> float:
        return self.named_in_gold / self.named if self.named else 0.0


def score_doc(doc: GoldDoc, mentions: list[tuple[str, str, str, bool]], score: Score) -> None:
    """`mentions`: (text, normal, type, an outermost capitalised name)."""
    normals: dict[str, Counter] = defaultdict(Counter)
    named: set[str] = set()
    for text, normal, _, name in mentions:
        normals[key(text)][key(normal)] += 1
        if name:
            named.add(key(text))
    score.predicted += len(normals)
    score.predicted_in_gold += sum(1 for k in normals if k in doc.gold)
    score.named += len(named)
    score.named_in_gold += sum(1 for k in named if k in doc.gold)
    for form, (gnormal, typ) in doc.gold.items():
        if typ not in SCORED:
            continue
        score.gold[typ] += 1
        if form not in normals:
            score.misses.append(f"{doc.name}: {form} ({typ})")
            continue
        score.found[typ] += 1
        ours_normal = normals[form].most_common(1)[0][0]
        if ours_normal == gnormal:
            score.normal[typ] += 1
        else:
            score.wrong.append(f"{doc.name}: {form} → {ours_normal} ≠ {gnormal} ({typ})")


def evaluate(root: str | Path, limit: int | None = None, systems=("ours", "natasha")) -> dict[str, Score]:
    docs = load(root, limit)
    funcs = {"ours": ours, "natasha": natasha}
    scores = {name: Score() for name in systems}
    for doc in docs:
        for name in systems:
            score_doc(doc, funcs[name](doc.text), scores[name])
    return scores


def report(scores: dict[str, Score], sample: int = 20, seed: int = 0) -> str:
    lines = [f"{'system':<10}{'found':>8}{'normal':>8}{'prec':>8}{'names':>8}   " +
             "   ".join(f"{t}: found/normal" for t in SCORED)]
    for name, s in scores.items():
        per = "   ".join(f"{t}: {s.share(s.found, s.gold, t):.3f}/{s.share(s.normal, s.found, t):.3f}"
                         for t in SCORED)
        lines.append(f"{name:<10}{s.found_share:>8.3f}{s.normal_share:>8.3f}{s.precision:>8.3f}"
                     f"{s.names_precision:>8.3f}   {per}")
    gold_n = sum(next(iter(scores.values())).gold.values()) if scores else 0
    lines.append(f"(gold PER/LOC/ORG mentions: {gold_n})")
    if "ours" in scores and sample:
        rng = random.Random(seed)
        s = scores["ours"]
        for title, items in (("missed", s.misses), ("wrong normal", s.wrong)):
            lines.append(f"-- ours, {title} ({len(items)}), sample:")
            lines += ["   " + x for x in rng.sample(items, min(sample, len(items)))]
    return "\n".join(lines)


def register(app, eval_app) -> None:
    import typer

    @eval_app.command("bsnlp")
    def bsnlp_command(
        root: Path = typer.Argument(..., help="a BSNLP split folder, e.g. ../shared/data/bsnlp-ru/dev"),
        limit: int = typer.Option(None, help="score only the first N documents"),
        sample: int = typer.Option(20, help="how many misses / wrong normals to print"),
        no_natasha: bool = typer.Option(False, help="skip the natasha-alone comparison"),
    ) -> None:
        """Share of BSNLP PER/LOC/ORG mentions found and normalised, ours vs natasha alone."""
        systems = ("ours",) if no_natasha else ("ours", "natasha")
        typer.echo(report(evaluate(root, limit, systems), sample=sample))

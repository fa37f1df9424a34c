"""`letopis eval ner GOLD_DIR [--model nerel|pipeline|natasha]`: nested exact-match NER scores over BRAT files."""
from __future__ import annotations

from pathlib import Path

import typer

from letopis.record import PLACE_TYPES

# natasha has one LOC kind; it is scored as LOCATION (no gazetteer guess at COUNTRY/CITY/...),
# so `--merge-loc` exists to compare location finding fairly with the types collapsed.
NATASHA_MAP = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION"}


def natasha_mentions(texts: list[str]) -> list[list[tuple[str, int, int]]]:
    """natasha NewsNERTagger spans, run as natasha runs it (whole text per call, its own
    razdel tokenisation), types mapped by NATASHA_MAP."""
    from natasha import NewsEmbedding, NewsNERTagger
    tagger = NewsNERTagger(NewsEmbedding())
    return [[(NATASHA_MAP.get(s.type, s.type), s.start, s.stop) for s in markup.spans]
            for markup in tagger.map(texts)]


def pipeline_mentions(texts: list[str]) -> list[list[tuple[str, int, int]]]:
    """The NEREL-type entities of the whole pipeline's records (`letopis extract`): the model's
    spans after the pipeline's repairs, plus table/rule PROFESSION and AGE spans."""
    from letopis.pipeline import extract_text
    from letopis.record import ENTITY_TYPES
    nerel = set(ENTITY_TYPES) - {"WEAPON", "VEHICLE"}
    return [sorted({(e.type, e.start, e.end) for e in extract_text(t).entities if e.type in nerel})
            for t in texts]


def _merge_loc(ms):
    return [("LOC" if t in PLACE_TYPES else t, s, e) for t, s, e in ms]


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    @eval_app.command("ner")
    def eval_ner(
        gold_dir: Path = typer.Argument(..., exists=True, file_okay=False, help="folder of BRAT NNN.txt + NNN.ann"),
        model: str = typer.Option("nerel", "--model", help="nerel (our trained model), pipeline (the entities "
                                   "`letopis extract` outputs) or natasha"),
        merge_loc: bool = typer.Option(False, "--merge-loc",
                                       help="collapse COUNTRY/CITY/STATE_OR_PROVINCE/DISTRICT/LOCATION into LOC"),
    ) -> None:
        """Per-type and micro P/R/F1, exact (type, start, end) match, nested spans, discontinuous gold skipped."""
        import time

        from letopis.nlp.brat import read_dir, score_docs
        docs = read_dir(gold_dir)
        if not docs:
            raise typer.BadParameter(f"no NNN.txt + NNN.ann pairs in {gold_dir}")
        texts = [d[1] for d in docs]
        t0 = time.perf_counter()
        if model == "nerel":
            from letopis.nlp.nerel import get_tagger
            preds = get_tagger().tag_batch(texts)
        elif model == "pipeline":
            preds = pipeline_mentions(texts)
        elif model == "natasha":
            preds = natasha_mentions(texts)
        else:
            raise typer.BadParameter("--model must be nerel, pipeline or natasha")
        took = time.perf_counter() - t0
        if merge_loc:
            docs = [(i, t, _merge_loc(g)) for i, t, g in docs]
            preds = [_merge_loc(p) for p in preds]
        score = score_docs(docs, preds)
        if model != "natasha":
            from letopis.nlp.nerel import HERE, model_path
            used = model_path()
            model = f"{model} (NER model {used.name if used.parent == HERE else used})"
        typer.echo(f"{model} on {gold_dir}: {len(docs)} docs, {took:.1f}s (incl. loading)")
        typer.echo(score.table())
        loc = ["LOC"] if merge_loc else sorted(PLACE_TYPES)
        for name, types in (("PERSON+ORGANIZATION+location types", ["PERSON", "ORGANIZATION", *loc]),):
            sub = score_docs(docs, preds, set(types))
            p, r, f = sub.micro()
            typer.echo(f"{name}: P {p:.3f} R {r:.3f} F1 {f:.3f}")

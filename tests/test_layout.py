"""Data flows one way: read → nlp → extract → incidents → store → web. A stage imports only the
stages before it (and the shared modules below all of them), so no stage depends on a later one."""
from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

# rank of each package / top-level module; geo and nlp share a rank (the gazetteer reads nlp's
# morphology, the NER features read the gazetteer)
RANK = {"lexicon": 0, "record": 0, "workers": 0, "read": 1, "nlp": 2, "geo": 2, "extract": 3,
        "incidents": 4, "pipeline": 5, "checks": 6, "store": 6, "web": 7, "commands": 8, "cli": 8,
        "__main__": 9}
# command-line glue runs whole pipelines by design; `letopis.extract(text)` is the one-call API
EXEMPT = {"commands.py"}
ALLOWED = {("extract/__init__.py", "pipeline")}


def _imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
            [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else []
        for name in names:
            parts = name.split(".")
            if parts[0] == "letopis" and len(parts) > 1:
                yield parts[1]


def test_no_stage_imports_a_later_one():
    pkg = ROOT / "letopis"
    wrong = []
    for path in sorted(pkg.rglob("*.py")):
        rel = path.relative_to(pkg)
        owner = rel.parts[0] if len(rel.parts) > 1 else rel.stem
        if path.name in EXEMPT or owner not in RANK:
            continue
        for target in _imports(path):
            if target in RANK and RANK[target] > RANK[owner] and (rel.as_posix(), target) not in ALLOWED:
                wrong.append(f"{rel} imports letopis.{target}")
    assert not wrong, wrong
    # the reason the word tables moved below nlp: the model's features read them
    assert "lexicon" in set(_imports(pkg / "nlp" / "nerel" / "features.py"))

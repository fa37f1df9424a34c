"""Cross-document merge on reworded reports of one event plus distractors (tests/data/merge)."""
from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

from letopis.incidents.merge import Report, merge

DATA = Path(__file__).parent / "data" / "merge"


@lru_cache(maxsize=None)
def reports() -> tuple[Report, ...]:
    from letopis.pipeline import process_document
    from letopis.read import read_path
    out = []
    for path in sorted(DATA.glob("*.txt")):
        rec = process_document(next(iter(read_path(path)))).to_dict()
        for i, inc in enumerate(rec["incidents"]):
            text = " ".join(rec["text"][s:e] for s, e in inc["evidence"])
            out.append(Report(rec["doc"], i, inc, rec["published"], text))
    return tuple(out)


def _groups(merged) -> set[frozenset[str]]:
    return {frozenset(r.doc for r in m.reports) for m in merged}


def test_reworded_reports_merge_and_distractors_stay_apart():
    merged = merge(reports())
    groups = _groups(merged)
    assert frozenset({"a-tengri.txt", "b-kaztag.txt", "c-followup.txt"}) in groups
    assert frozenset({"d-distractor-sameday.txt"}) in groups
    assert frozenset({"e-distractor-samecity.txt"}) in groups


def test_shown_values_follow_rules_and_conflicts_are_visible():
    m = next(m for m in merge(reports()) if len(m.reports) == 3)
    d = m.to_dict()
    assert d["city"] == "Караганда" and d["country"] == "KZ"
    assert d["date"] == "2019-05-15"
    assert d["killed"] == 4                      # the latest report's toll
    assert {c["value"] for c in d["conflicts"]["killed"]} == {3, 4}
    assert {r["doc"] for r in d["reports"]} == {"a-tengri.txt", "b-kaztag.txt", "c-followup.txt"}
    # every source's value is kept with its evidence
    assert all(v["evidence"] for v in d["values"]["killed"])


def test_merge_is_deterministic_and_idempotent():
    base = [m.to_dict() for m in merge(reports())]
    shuffled = list(reports())
    random.Random(3).shuffle(shuffled)
    assert [m.to_dict() for m in merge(shuffled)] == base
    assert [m.to_dict() for m in merge(reports())] == base


def test_two_spellings_of_one_town_merge():
    from letopis.pipeline import extract_text
    a = extract_text("Нападение с ножом в Нур-Султане\nНУР-СУЛТАН, 5 марта 2020 года. Вчера вечером в столице неизвестный "
                     "нанес ножевые ранения двум прохожим возле торгового центра. Подозреваемый задержан.",
                     doc="a.txt").to_dict()
    b = extract_text("В Астане неизвестный ранил ножом двух прохожих\n4 марта 2020 года вечером в Астане неизвестный "
                     "нанес ножевые ранения двум прохожим возле торгового центра. Подозреваемый задержан.",
                     doc="b.txt").to_dict()
    assert a["incidents"][0]["city"] == "Нур-Султан" and b["incidents"][0]["city"] == "Астана"   # as written
    reps = [Report(r["doc"], 0, r["incidents"][0], r["published"],
                   " ".join(r["text"][s:e] for s, e in r["incidents"][0]["evidence"])) for r in (a, b)]
    assert _groups(merge(reps)) == {frozenset({"a.txt", "b.txt"})}

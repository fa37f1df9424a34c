"""Cross-document merge: reports of one incident become one merged incident with provenance.

Candidates come from two sub-quadratic blocks: the same place (country, city) within a date
window, and MinHash-LSH over the lemmas of each report's evidence sentences (catches reports whose
place or date was not extracted). A candidate pair merges when place, date and casualties are
compatible and the texts are similar enough; merged groups are the connected components.
The shown value of each field follows the rules in docs/coding.md ("Merging reports"); every
source's value stays in `values`, and fields on which sources disagree are listed in `conflicts`.
Everything is ordered by (doc, incident index), so a re-run gives the same ids and values."""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable

SCALARS = ("date", "country", "region", "city", "lat", "lon", "killed", "wounded", "perpetrators_killed")
SETS = ("types", "weapons", "perpetrators", "vehicles", "groups")
COUNTS = ("killed", "wounded", "perpetrators_killed")
DATE_WINDOW = 3           # days between two reports' incident dates that may still be one event
NUM_PERM = 64


@dataclass
class Report:
    doc: str
    idx: int                       # the incident's index within its document
    incident: dict[str, Any]
    published: str | None = None
    text: str = ""                 # the sentences the incident came from

    @property
    def key(self) -> tuple[str, int]:
        return (self.doc, self.idx)


@dataclass
class Merged:
    id: str
    reports: list[Report]
    shown: dict[str, Any] = field(default_factory=dict)
    conflicts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    values: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = dict(self.shown)
        out["id"] = self.id
        out["reports"] = [{"doc": r.doc, "incident": r.idx} for r in self.reports]
        out["conflicts"] = self.conflicts
        out["values"] = self.values
        return out


def _lemmas(text: str) -> set[str]:
    from letopis.nlp.morph import lemma
    return {lemma(w) for w in re.findall(r"[А-Яа-яЁёA-Za-z]{3,}", text)}


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _same_city(ia: dict, ib: dict) -> bool:
    """One town, however each text spells it ("Нур-Султан" and "Астана" share their coordinates)."""
    if ia["city"] == ib["city"]:
        return True
    pa, pb = (ia.get("lat"), ia.get("lon")), (ib.get("lat"), ib.get("lon"))
    return None not in pa + pb and abs(pa[0] - pb[0]) < 0.05 and abs(pa[1] - pb[1]) < 0.05


def _compatible(a: Report, b: Report, sim: float) -> bool:
    ia, ib = a.incident, b.incident
    if a.doc == b.doc:
        return False                              # one article's incidents were split on purpose
    if ia.get("country") and ib.get("country") and ia["country"] != ib["country"]:
        return False
    if ia.get("city") and ib.get("city") and not _same_city(ia, ib):
        return False
    da, db = _day(ia.get("date")), _day(ib.get("date"))
    if da and db and abs((da - db).days) > DATE_WINDOW:
        return False
    if not (da and db):
        pa, pb = _day(a.published), _day(b.published)
        if pa and pb and abs((pa - pb).days) > 30:
            return False
    if set(ia.get("perpetrators") or []) & set(ib.get("perpetrators") or []):
        return True
    same_place = bool(ia.get("city") and ib.get("city") and _same_city(ia, ib))
    close_date = bool(da and db and abs((da - db).days) <= 1)
    ka, kb = ia.get("killed"), ib.get("killed")
    casualties_close = ka is not None and kb is not None and abs(ka - kb) <= max(2, 0.5 * max(ka, kb))
    score = sim + 0.35 * same_place + 0.25 * close_date + 0.15 * casualties_close
    if ka is not None and kb is not None and not casualties_close:
        score -= 0.3
    types_a, types_b = set(ia.get("types") or []), set(ib.get("types") or [])
    if types_a and types_b and not types_a & types_b:
        score -= 0.3
    return score >= 0.6


# LSH banding for a Jaccard threshold of 0.3 over NUM_PERM values: 21 bands of 3 rows (the
# false-positive/negative optimum datasketch computes for these numbers)
BANDS, ROWS = 21, 3
_PRIME = (1 << 61) - 1


def signatures(sets: list[set[str]]) -> list[tuple[int, ...]]:
    """MinHash signatures (NUM_PERM values) of word sets: min over words of (a·h + b) mod p for
    NUM_PERM seeded hash functions, h a word's CRC-32. Our own few lines of numpy rather than
    datasketch, whose import pulls in scipy (a second on every ingest) for this alone."""
    import zlib

    import numpy as np
    rng = np.random.RandomState(7)
    a = rng.randint(1, 1 << 31, NUM_PERM).astype(np.uint64)   # a·h < 2^63: no overflow
    b = rng.randint(0, 1 << 31, NUM_PERM).astype(np.uint64)
    out = []
    for words in sets:
        if not words:
            out.append(())
            continue
        h = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in sorted(words)), np.uint64, len(words))
        out.append(tuple(int(x) for x in ((np.outer(h, a) + b) % np.uint64(_PRIME)).min(axis=0)))
    return out


def candidate_pairs(reports: list[Report]) -> tuple[set[tuple[int, int]], dict[int, set[str]]]:
    lemmas = {i: _lemmas(r.text or r.incident.get("summary") or "") for i, r in enumerate(reports)}
    pairs: set[tuple[int, int]] = set()
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, r in enumerate(reports):
        inc = r.incident
        if inc.get("city") or inc.get("country"):
            blocks[(inc.get("country"), inc.get("city"))].append(i)
    for members in blocks.values():
        members.sort(key=lambda i: reports[i].incident.get("date") or reports[i].published or "")
        for x, i in enumerate(members):          # sorted by date: only near neighbours can match
            for j in members[x + 1:x + 40]:
                pairs.add((min(i, j), max(i, j)))
    # MinHash-LSH: reports sharing one band of their signature are candidates
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, sig in enumerate(signatures([lemmas[i] for i in range(len(reports))])):
        if not sig:
            continue
        for band in range(BANDS):
            bucket = buckets[(band,) + sig[band * ROWS:(band + 1) * ROWS]]
            for j in bucket:
                pairs.add((j, i))
            bucket.append(i)
    return pairs, lemmas


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def merge(reports: Iterable[Report]) -> list[Merged]:
    reports = sorted(reports, key=lambda r: r.key)
    parent = list(range(len(reports)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs, lemmas = candidate_pairs(reports)
    for i, j in sorted(pairs):
        if _compatible(reports[i], reports[j], _jaccard(lemmas[i], lemmas[j])):
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[Report]] = defaultdict(list)
    for i, r in enumerate(reports):
        groups[find(i)].append(r)
    merged = [_fold(members) for _, members in sorted(groups.items())]
    return merged


def _fold(members: list[Report]) -> Merged:
    first = members[0]
    mid = hashlib.sha1(f"{first.doc}\x00{first.idx}".encode()).hexdigest()[:12]
    m = Merged(mid, members)
    by_latest = sorted(members, key=lambda r: (r.published or "", r.doc), reverse=True)
    for f in SCALARS:
        vals = [{"value": r.incident.get(f), "doc": r.doc, "incident": r.idx,
                 "evidence": (r.incident.get("field_evidence") or {}).get(f)}
                for r in members if r.incident.get(f) is not None]
        m.values[f] = vals
        if len({_hashable(v["value"]) for v in vals}) > 1:
            m.conflicts[f] = [{"value": v["value"], "doc": v["doc"]} for v in vals]
        m.shown[f] = _shown(f, vals, by_latest)
    if m.shown.get("city") is not None:            # the coordinates follow the shown place
        src = next((r for r in members if r.incident.get("city") == m.shown["city"]), None)
        if src is not None:
            m.shown["lat"], m.shown["lon"] = src.incident.get("lat"), src.incident.get("lon")
            m.shown["region"] = src.incident.get("region") or m.shown.get("region")
    for f in SETS:
        union: list = []
        for r in members:
            for v in r.incident.get(f) or []:
                if v not in union:
                    union.append(v)
        m.shown[f] = union
    m.shown["suicide"] = any(r.incident.get("suicide") for r in members)
    m.shown["summary"] = next((r.incident.get("summary") for r in by_latest if r.incident.get("summary")), None)
    m.shown["killed_by_group"] = _groups(members, "killed_by_group", by_latest)
    m.shown["wounded_by_group"] = _groups(members, "wounded_by_group", by_latest)
    m.shown["date_text"] = next((r.incident.get("date_text") for r in members
                                 if r.incident.get("date") == m.shown.get("date")), None)
    return m


def _hashable(v: Any) -> Any:
    return tuple(v) if isinstance(v, list) else v


def _shown(f: str, vals: list[dict], by_latest: list[Report]) -> Any:
    """Counts: the latest report's figure (tolls rise as reports come in), unless most sources
    agree on another. Places and dates: the value most sources give; ties go to the latest."""
    if not vals:
        return None
    counts = Counter(_hashable(v["value"]) for v in vals)
    top, n = counts.most_common(1)[0]
    latest_doc_order = {r.doc: k for k, r in enumerate(by_latest)}
    latest = min(vals, key=lambda v: latest_doc_order.get(v["doc"], 1 << 30))["value"]
    if f in COUNTS:
        # tolls rise as reports come in: a later report outranks agreement among earlier ones;
        # reports of the same day fall back to what most of them say
        pub = {r.doc: r.published or "" for r in by_latest}
        newest = max(pub.get(v["doc"], "") for v in vals)
        fresh = [v for v in vals if pub.get(v["doc"], "") == newest]
        if len(fresh) < len(vals):
            counts = Counter(_hashable(v["value"]) for v in fresh)
            top, n = counts.most_common(1)[0]
            return top if list(counts.values()).count(n) == 1 else max(v["value"] for v in fresh)
        return top if n > len(vals) / 2 and n > 1 else latest
    if n > 1 and list(counts.values()).count(n) == 1:
        return top
    return latest


def _groups(members: list[Report], key: str, by_latest: list[Report]) -> dict[str, int]:
    for r in by_latest:
        if r.incident.get(key):
            return dict(r.incident[key])
    return {}

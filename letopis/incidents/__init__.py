"""incidents stage: typed mentions → persons with roles, GTD-like incidents, places, organisations."""
from __future__ import annotations

from letopis.incidents.build import build
from letopis.incidents.people import people
from letopis.nlp.analysis import Analysis
from letopis.record import Place

__all__ = ["build", "people", "organizations", "places"]


def organizations(analysis: Analysis) -> list[dict]:
    """Organisations by normal form, with every mention and derived aliases (ДКНБ ← департамент КНБ)."""
    from letopis.incidents.orgs import aliases, head_before
    by: dict[str, dict] = {}
    for e in analysis.entities:
        if e.type == "ORGANIZATION":
            name = e.normal or e.text
            o = by.setdefault(name, {"name": name, "mentions": [], "aliases": aliases(name)})
            o["mentions"].append([e.start, e.end])
            head = head_before(analysis.text, e.start)       # "департамента КНБ …": the NER left the head out
            if head:
                for alias in [f"{head} {name}"] + aliases(f"{head} {name}"):
                    if alias not in o["aliases"]:
                        o["aliases"].append(alias)
    return list(by.values())


def places(analysis: Analysis) -> list[Place]:
    from letopis.incidents.geo_link import mentions
    by: dict[str, Place] = {}
    for r in mentions(analysis, 0, len(analysis.text)):
        p = by.setdefault(r.name, Place(r.name, r.kind, r.country, r.region, r.lat, r.lon))
        p.mentions.append((r.start, r.end))
    return list(by.values())

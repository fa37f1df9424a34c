"""incidents stage: typed mentions → persons with roles, GTD-like incidents, places, organisations."""
from __future__ import annotations

import re

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


# what may stand between a town and the region that holds it: a comma or bracket, its district, a region's word
_OWNER_GAP = re.compile(r"\s*(?:,\s*|\(\s*)?(?:[А-ЯЁа-яё-]+(?:ого|его)\s+(?:района|округа|уезда|улуса)\s+)?"
                        r"(?:(?:штат|провинци|област|республик|кра|департамент|графств|земл|регион|префектур)[а-яё]*\s+)?")


def places(analysis: Analysis) -> list[Place]:
    from letopis.incidents.geo_link import mentions
    by: dict[str, Place] = {}
    found = mentions(analysis, 0, len(analysis.text))
    for r in found:
        p = by.get(r.name)
        if p is None:
            country, region = r.country, r.region
            owner = _owner(analysis.text, found, r) if country is None and r.kind == "city" else None
            if owner is not None:
                country, region = owner.country, owner.name if owner.kind == "region" else None
            p = by[r.name] = Place(r.name, r.kind, country, region, r.lat, r.lon)
        p.mentions.append((r.start, r.end))
    return list(by.values())


def _owner(text: str, found: list, town):
    """The region or country named right after a town the gazetteer lacks, that holds it ("в селе Гурбуки
    Карабудахкентского района Республики Дагестан", "Сисайд Парк, штат Нью-Джерси"); one named farther off is as
    often another place's, and one after a bare space none ("обыграла на Лужниках Германию")."""
    return next((x for x in found if x.kind in ("region", "country") and x.country and text[town.end:x.start].strip()
                 and _OWNER_GAP.fullmatch(text, town.end, x.start)), None)

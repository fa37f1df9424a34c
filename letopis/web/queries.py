"""Read-only queries the web app needs beyond `Store`'s methods: the filter form's values as
store filters, monthly counts for the timeline, facets for the filter form, the merged group of
an incident, and document texts for highlighting (totals for pagination are the store's count_*).

SQLAlchemy Core against letopis/store/schema.py only: every value is a bound parameter, and
nothing here writes. The incident filters are the store's own (`Store.incident_filter`,
`Store.select_incidents`), so the list, the chart, the map and the exports always agree on what a
filter means.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Iterable

import sqlalchemy as sa

from letopis.store import Store
from letopis.store import schema as t


@dataclass
class IncidentFilters:
    since: str | None = None
    until: str | None = None
    country: list[str] = field(default_factory=list)
    region: str | None = None
    city: str | None = None
    type: list[str] = field(default_factory=list)
    weapon: list[str] = field(default_factory=list)
    min_killed: int | None = None
    q: str | None = None

    def store_kwargs(self) -> dict[str, Any]:
        """The filters set, as `Store.incident_filter` keywords."""
        return {k: v for k, v in asdict(self).items() if v not in (None, "", [])}

    def active(self) -> bool:
        return any(v not in (None, "", []) for v in asdict(self).values())


def incidents(store: Store, f: IncidentFilters, *, limit: int | None = 50, offset: int = 0,
              order: str = "-date", has_coords: bool | None = None) -> list[dict[str, Any]]:
    """Per-document incident rows (`Store.incidents`), filtered, in a stable order."""
    return store.incidents(limit=limit, offset=offset, order=order, has_coords=has_coords, **f.store_kwargs())


def count_incidents(store: Store, f: IncidentFilters) -> int:
    return store.count_incidents(**f.store_kwargs())


def monthly(store: Store, f: IncidentFilters) -> list[dict[str, int]]:
    """Incidents and deaths per month ({year, month, incidents, killed}) for dated incidents."""
    i = t.incidents.c
    stmt = (sa.select(i.year, i.month, sa.func.count().label("incidents"),
                      sa.func.coalesce(sa.func.sum(i.killed), 0).label("killed"))
            .where(*store.incident_filter(**f.store_kwargs()), i.year.is_not(None), i.month.is_not(None))
            .group_by(i.year, i.month).order_by(i.year, i.month))
    with store.engine.connect() as conn:
        return [{"year": int(r.year), "month": int(r.month), "incidents": int(r.incidents),
                 "killed": int(r.killed or 0)} for r in conn.execute(stmt)]


def facets(store: Store) -> dict[str, list[str]]:
    """Distinct values for the filter form's choices."""
    i, tg = t.incidents.c, t.incident_tags.c
    with store.engine.connect() as conn:
        def distinct(col: Any) -> list[str]:
            return [v for v in conn.execute(sa.select(col).where(col.is_not(None)).distinct().order_by(col)).scalars()
                    if v]
        return {
            "country": distinct(i.country), "region": distinct(i.region), "city": distinct(i.city),
            "type": [v for v in conn.execute(sa.select(tg.value).where(tg.kind == "type").distinct()
                                             .order_by(tg.value)).scalars()],
            "weapon": [v for v in conn.execute(sa.select(tg.value).where(tg.kind == "weapon").distinct()
                                               .order_by(tg.value)).scalars()],
        }


def merged_group(store: Store, incident_id: int) -> dict[str, Any] | None:
    """The merged incident (spec "Merged incidents") this document incident belongs to:
    {id, uid, record, incident_ids}, members ordered by publication; None when not merged."""
    m, mr, i, d = t.merged_incidents.c, t.merged_reports.c, t.incidents.c, t.documents.c
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(m.id, m.uid, m.record)
                           .select_from(t.merged_incidents.join(t.merged_reports, mr.merged_id == m.id))
                           .where(mr.incident_id == int(incident_id))).first()
        if row is None:
            return None
        ids = list(conn.execute(
            sa.select(i.id).select_from(t.merged_reports.join(t.incidents, i.id == mr.incident_id)
                                        .join(t.documents, d.id == i.document_id))
            .where(mr.merged_id == row.id).order_by(d.published.asc().nulls_last(), d.id, i.idx)).scalars())
    return {"id": row.id, "uid": row.uid, "record": dict(row.record or {}), "incident_ids": ids}


def merged_sizes(store: Store, incident_ids: Iterable[int]) -> dict[int, int]:
    """incident id → how many reports its merged incident has (only merged ones)."""
    ids = [int(x) for x in incident_ids]
    if not ids:
        return {}
    mr = t.merged_reports.c
    sizes = (sa.select(mr.merged_id, sa.func.count().label("n")).group_by(mr.merged_id).subquery())
    stmt = (sa.select(mr.incident_id, sizes.c.n).join(sizes, sizes.c.merged_id == mr.merged_id)
            .where(mr.incident_id.in_(ids)))
    with store.engine.connect() as conn:
        return {int(a): int(n) for a, n in conn.execute(stmt)}


def document_texts(store: Store, ids: Iterable[int]) -> dict[int, str]:
    ids = sorted({int(x) for x in ids})
    if not ids:
        return {}
    d = t.documents.c
    with store.engine.connect() as conn:
        return {r.id: r.text or "" for r in conn.execute(sa.select(d.id, d.text).where(d.id.in_(ids)))}

"""Exports of the corpus view (Store.report_incidents): JSON Lines in the spec's merged shape,
GTD-named CSV, GeoJSON. Each writes to a text stream and returns the number of incidents."""
from __future__ import annotations

import csv
import json
from typing import Any, Iterable, TextIO

from letopis.store import gtd

FORMATS = ("jsonl", "csv", "geojson")


def write_jsonl(items: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for inc in items:
        out.write(json.dumps(inc, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(items: Iterable[dict[str, Any]], out: TextIO) -> int:
    w = csv.DictWriter(out, fieldnames=gtd.COLUMNS, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    n = 0
    for inc in items:
        w.writerow(gtd.row(inc))
        n += 1
    return n


def feature(inc: dict[str, Any]) -> dict[str, Any] | None:
    lat, lon = inc.get("lat"), inc.get("lon")
    if lat is None or lon is None:
        return None
    return {"type": "Feature", "id": inc.get("id"),
            "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},   # GeoJSON: lon, lat
            "properties": inc}


def geojson(items: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A FeatureCollection of the incidents that have coordinates."""
    feats = [f for f in (feature(i) for i in items) if f is not None]
    return {"type": "FeatureCollection", "features": feats}


def write_geojson(items: Iterable[dict[str, Any]], out: TextIO) -> int:
    # streamed feature by feature, so a large corpus never sits in memory twice
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for inc in items:
        f = feature(inc)
        if f is None:
            continue
        out.write(("," if n else "") + "\n" + json.dumps(f, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson}


def export(store: Any, fmt: str, out: TextIO, **filters: Any) -> int:
    """Write the store's incidents (filters as Store.incidents) in `fmt` to `out`."""
    if fmt not in WRITERS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    return WRITERS[fmt](store.report_incidents(**filters), out)

"""The timeline chart as geometry for an inline SVG drawn by the template: a bar per month
(incidents) and a line (deaths) on a second scale. Long ranges fold into years so bars stay
readable on a phone."""
from __future__ import annotations

from typing import Any

MONTHS_RU = ("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")
MAX_MONTHS = 120


def timeline(rows: list[dict[str, int]], width: int = 800, height: int = 200) -> dict[str, Any] | None:
    """rows: {year, month, incidents, killed} → {bars, line, ticks, width, height, max_n, max_k, by}."""
    if not rows:
        return None
    first = rows[0]["year"] * 12 + rows[0]["month"] - 1
    last = rows[-1]["year"] * 12 + rows[-1]["month"] - 1
    by = "month" if last - first < MAX_MONTHS else "year"
    buckets: dict[int, list[int]] = {}
    for r in rows:
        key = (r["year"] * 12 + r["month"] - 1) if by == "month" else r["year"]
        b = buckets.setdefault(key, [0, 0])
        b[0] += r["incidents"]
        b[1] += r["killed"]
    lo, hi = (first, last) if by == "month" else (rows[0]["year"], rows[-1]["year"])
    keys = list(range(lo, hi + 1))
    left, right, top, bottom = 36, 36, 12, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / len(keys)
    max_n = max(b[0] for b in buckets.values()) or 1
    max_k = max(b[1] for b in buckets.values()) or 1
    bars, points, ticks = [], [], []
    every = max(1, -(-len(keys) // 8))          # at most ~8 labels: they must not overlap on a phone
    for n, key in enumerate(keys):
        inc, killed = buckets.get(key, [0, 0])
        x = left + n * step
        h = plot_h * inc / max_n
        if by == "month":
            year, month = divmod(key, 12)
            label = f"{MONTHS_RU[month]} {year}"
            period = f"{year}-{month + 1:02d}"
        else:
            label = period = str(key)
        bars.append({"x": round(x + step * 0.12, 1), "y": round(top + plot_h - h, 1),
                     "w": round(max(step * 0.76, 1), 1), "h": round(h, 1), "n": inc, "killed": killed,
                     "label": label, "period": period})
        points.append(f"{x + step / 2:.1f},{top + plot_h - plot_h * killed / max_k:.1f}")
        if n % every == 0:
            ticks.append({"x": round(x + step / 2, 1), "label": label})
    return {"bars": bars, "line": " ".join(points), "ticks": ticks, "width": width, "height": height,
            "max_n": max_n, "max_k": max_k, "by": by, "top": top, "bottom": height - bottom,
            "left": left, "right": width - right}

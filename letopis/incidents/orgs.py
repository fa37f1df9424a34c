"""Aliases of organisation names, so "департамент КНБ по Жамбылской области" is also found as
"ДКНБ по Жамбылской области": regional departments abbreviate as Д + the agency."""
from __future__ import annotations

import re

_DEPT = re.compile(r"^(?:департамент|управление)\s+([А-ЯЁA-Z]{2,6})\b(.*)$", re.I)
_HEAD = {"департамент": "Д", "управление": "У"}


def aliases(name: str) -> list[str]:
    out = []
    m = _DEPT.match(name)
    if m:
        out.append(_HEAD[name.split()[0].lower()] + m.group(1) + m.group(2))
    return out


_BEFORE = re.compile(r"(департамент|управлени|комитет|министерств|служб)\w*\s+$", re.I)
_NOMINATIVE = {"департамент": "департамент", "управлени": "управление", "комитет": "комитет",
               "министерств": "министерство", "служб": "служба"}


def head_before(text: str, start: int) -> str | None:
    """The institution word right before an organisation mention, in the nominative."""
    m = _BEFORE.search(text[max(0, start - 40):start])
    return _NOMINATIVE[m.group(1).lower()] if m else None

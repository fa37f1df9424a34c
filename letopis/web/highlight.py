"""Evidence highlighting without markup in the data: the text is cut into plain segments at every
span boundary, and each segment carries the labels of the spans covering it. Templates print
the segments through Jinja2's autoescape and wrap labelled ones in <mark>, so article text is
never trusted as HTML (no |safe on user text anywhere).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

# Russian names for the fields whose evidence is shown (the legend and the titles say both).
FIELD_NAMES = {
    "date": "дата", "killed": "погибшие", "wounded": "раненые", "perpetrators_killed": "убиты нападавшие",
    "killed_by_group": "погибшие по группам", "wounded_by_group": "раненые по группам",
    "country": "страна", "region": "регион", "city": "город", "types": "тип", "weapons": "оружие",
    "perpetrators": "нападавшие", "victims": "жертвы", "charges": "статьи", "weapon": "оружие",
    "charge": "статья", "time": "время", "evidence": "источник записи",
}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    label: str                 # the title: "killed = 7"
    kind: str = "field"        # field | evidence | hit


@dataclass
class Segment:
    text: str
    marks: list[Mark] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The labels of the strongest kind only: a field's "killed = 7", not also "evidence"."""
        kind = self.kind
        return "; ".join(dict.fromkeys(m.label for m in self.marks if m.kind == kind))

    @property
    def kind(self) -> str:
        """The strongest kind covering the segment: a field beats plain evidence."""
        kinds = {m.kind for m in self.marks}
        for k in ("hit", "field", "evidence"):
            if k in kinds:
                return k
        return ""

    @property
    def fields(self) -> str:
        return " ".join(dict.fromkeys(m.label.split(" = ")[0] for m in self.marks if m.kind == "field"))


def segments(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """`text` cut at every mark boundary; spans outside the text are clipped or dropped."""
    n = len(text)
    good = [Mark(max(0, m.start), min(n, m.end), m.label, m.kind) for m in marks
            if isinstance(m.start, int) and isinstance(m.end, int) and m.start < n and m.end > 0 and m.start < m.end]
    cuts = sorted({0, n, *(m.start for m in good), *(m.end for m in good)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        if a >= b:
            continue
        covering = [m for m in good if m.start <= a and m.end >= b]
        if out and not covering and not out[-1].marks:
            out[-1].text += text[a:b]
            continue
        out.append(Segment(text[a:b], covering))
    return out


def _value(record: dict[str, Any], key: str) -> Any:
    """'killed_by_group.police' → record['killed_by_group']['police']; 'place' → city, region, country."""
    if key == "place" and "place" not in record:
        return ", ".join(dict.fromkeys(str(record[k]) for k in ("city", "region", "country") if record.get(k))) or None
    cur: Any = record
    for part in key.split("."):
        if isinstance(cur, dict):
            cur = cur.get(part)
        elif isinstance(cur, list) and part.isdigit() and int(part) < len(cur):
            cur = cur[int(part)]
        else:
            return None
    return cur


def _show(v: Any) -> str:
    if isinstance(v, list):
        return ", ".join(_show(x) for x in v)
    if isinstance(v, dict):
        return ", ".join(f"{k}: {_show(x)}" for k, x in v.items())
    return "—" if v is None else str(v)


def _spans(value: Any) -> list[tuple[int, int]]:
    out = []
    for span in value or []:
        try:
            out.append((int(span[0]), int(span[1])))
        except (TypeError, ValueError, IndexError):
            continue
    return out


def incident_marks(inc: dict[str, Any]) -> list[Mark]:
    """Marks for one incident record: each field's evidence titled "field = value", the items
    that carry their own offsets (weapons, charges, times), and the record's evidence sentences."""
    marks: list[Mark] = []
    for key, spans in (inc.get("field_evidence") or {}).items():
        label = f"{key} = {_show(_value(inc, key))}"
        marks += [Mark(s, e, label) for s, e in _spans(spans)]
    for w in inc.get("weapon_items") or []:
        if isinstance(w, dict) and w.get("end"):
            marks.append(Mark(int(w.get("start") or 0), int(w["end"]),
                              f"weapon = {w.get('text')} ({w.get('class') or w.get('cls') or '?'})"))
    for c in inc.get("charges") or []:
        if isinstance(c, dict) and c.get("end"):
            art = f"ст. {c.get('article')}" + (f" ч. {c['part']}" if c.get("part") else "")
            marks.append(Mark(int(c.get("start") or 0), int(c["end"]), f"charge = {art} {c.get('code') or ''}".strip()))
    for x in inc.get("timeline") or []:
        if isinstance(x, dict) and x.get("end"):
            marks.append(Mark(int(x.get("start") or 0), int(x["end"]), f"time = {x.get('time')}"))
    marks += [Mark(s, e, "evidence", "evidence") for s, e in _spans(inc.get("evidence"))]
    return marks


def context(text: str, start: int, end: int, label: str, width: int = 140) -> dict[str, Any]:
    """A window of `text` around [start, end) with that span marked; for mention lists."""
    a = max(0, start - width)
    b = min(len(text), end + width)
    while a > 0 and a > start - width - 30 and not text[a - 1].isspace():
        a -= 1
    while b < len(text) and b < end + width + 30 and not text[b].isspace():
        b += 1
    piece = text[a:b].replace("\n", " ").replace("\r", " ")
    return {"segments": segments(piece, [Mark(start - a, end - a, label, "hit")]),
            "cut_left": a > 0, "cut_right": b < len(text)}

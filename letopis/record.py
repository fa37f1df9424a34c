"""The document record of ../shared/spec/output.md, defined once.

Every stage fills these typed records; the store, the API and the exports read
their ``to_dict()`` form. Field names follow the spec; fields beyond it are
additions (the spec allows them). Offsets are Python ``str`` indices into the
document text as decoded, end exclusive, so ``text[start:end]`` always holds.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

Span = tuple[int, int]

# The 29 NEREL types plus the two table-based kinds.
ENTITY_TYPES = (
    "AGE AWARD CITY COUNTRY CRIME DATE DISEASE DISTRICT EVENT FACILITY FAMILY IDEOLOGY "
    "LANGUAGE LAW LOCATION MONEY NATIONALITY NUMBER ORDINAL ORGANIZATION PENALTY PERCENT "
    "PERSON PRODUCT PROFESSION RELIGION STATE_OR_PROVINCE TIME WORK_OF_ART WEAPON VEHICLE"
).split()

# The location kinds among them (NEREL's five); the eval's --merge-loc folds them into one.
PLACE_TYPES = frozenset(("COUNTRY", "CITY", "STATE_OR_PROVINCE", "DISTRICT", "LOCATION"))

INCIDENT_TYPES = ("armed_assault", "bombing", "assassination", "hostage_taking", "hijacking",
                  "arson", "stabbing", "suicide", "airstrike", "other")
WEAPON_CLASSES = ("firearms", "explosives", "melee", "incendiary", "vehicle", "other")
GROUPS = ("police", "security_service", "military", "civilian", "perpetrator", "other")


_SCALARS = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    if isinstance(value, _SCALARS):         # most values: checked first, a record has thousands
        return value
    if isinstance(value, Record):
        return value.to_dict()
    if is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {}


class Record:
    """Mixin: dataclass → JSON-ready dict, with `extra` merged in flat."""

    def to_dict(self) -> dict[str, Any]:
        names = _FIELDS.get(type(self))
        if names is None:       # fields() on every call was most of to_dict's cost
            names = _FIELDS[type(self)] = tuple((f.name, f.metadata.get("json", f.name))
                                                for f in fields(self))  # type: ignore[arg-type]
        out: dict[str, Any] = {}
        extra = None
        for name, key in names:
            if name == "extra":
                extra = getattr(self, name)
            else:
                out[key] = _plain(getattr(self, name))
        if extra:
            # merged after the fields and never over one: a range's extras must not replace its "end" offset
            for k, x in _plain(extra).items():
                out.setdefault(k, x)
        return out


@dataclass
class Entity(Record):
    type: str
    start: int
    end: int
    text: str
    normal: str | None = None
    source: str = "natasha"           # which recogniser produced it (natasha, model, table, rule)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Person(Record):
    """A person aggregated over all mentions (linked by surname)."""
    name: str
    mentions: list[Span] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    age: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)   # fate, role_in_incident, ideology


@dataclass
class Place(Record):
    name: str                      # Russian nominative
    kind: str                      # country | region | city | district | location
    country: str | None            # ISO alpha-2
    region: str | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class WeaponItem(Record):
    text: str
    cls: str = field(metadata={"json": "class"})
    kind: str
    start: int
    end: int
    normal: str | None = None


@dataclass
class Charge(Record):
    code: str                      # УК РФ, УК РК, УК КР, УК РУз, ...
    article: str
    part: str | None = None
    name: str | None = None        # the crime named beside it ("терроризм")
    start: int = 0
    end: int = 0


@dataclass
class TimelineEntry(Record):
    time: str                      # HH:MM
    what: str
    approx: bool = False
    start: int = 0
    end: int = 0


@dataclass
class Victim(Record):
    name: str
    role: str | None
    fate: str                      # killed | wounded | hostage | unharmed
    group: str | None = None


@dataclass
class Incident(Record):
    date: str | None = None
    date_text: str | None = None
    country: str | None = None
    region: str | None = None
    city: str | None = None
    lat: float | None = None
    lon: float | None = None
    types: list[str] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)
    weapon_items: list[WeaponItem] = field(default_factory=list)
    vehicles: list[str] = field(default_factory=list)
    killed: int | None = None
    wounded: int | None = None
    perpetrators_killed: int | None = None
    killed_by_group: dict[str, int] = field(default_factory=dict)
    wounded_by_group: dict[str, int] = field(default_factory=dict)
    perpetrators: list[str] = field(default_factory=list)
    victims: list[Victim] = field(default_factory=list)
    charges: list[Charge] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    suicide: bool = False
    ideology: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)     # claimed/named organisations (GTD gname)
    summary: str | None = None
    evidence: list[Span] = field(default_factory=list)
    # field name ("killed", "killed_by_group.police", "date", ...) → the spans it came from
    field_evidence: dict[str, list[Span]] = field(default_factory=dict)


@dataclass
class Fact(Record):
    kind: str                      # weapons_seized, criminal_cases_opened, regime_lifted, sentence, ...
    text: str
    evidence: list[Span] = field(default_factory=list)
    quantity: int | float | None = None
    qualifier: str | None = None   # more_than | less_than | about | at_least | None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Quote(Record):
    speaker: str | None
    role: str | None
    start: int
    end: int
    text: str
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Source(Record):
    name: str
    relation: str                  # publisher | cited | interview venue
    start: int | None = None
    end: int | None = None


@dataclass
class Temporal(Record):
    """A date or time expression, resolved where the text and `published` allow."""
    kind: str                      # date | range | month | year | vague | time | relative | duration | birth_year
    start: int
    end: int
    text: str
    value: str | None = None       # ISO date, or HH:MM for times
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class DocumentRecord(Record):
    doc: str
    title: str | None
    published: str | None
    language: str = "ru"
    entities: list[Entity] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    # additions beyond the spec
    persons: list[Person] = field(default_factory=list)
    organizations: list[dict[str, Any]] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    # every criminal-code article the text names, an incident's or not (a verdict's, a plot's)
    charges: list[Charge] = field(default_factory=list)
    temporals: list[Temporal] = field(default_factory=list)
    boilerplate: list[dict[str, Any]] = field(default_factory=list)
    url: str | None = None
    content_hash: str | None = None
    encoding: str | None = None
    format: str | None = None
    warnings: list[str] = field(default_factory=list)
    text: str = ""

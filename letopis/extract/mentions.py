"""Typed mentions the extractors find; incidents/ and the record assembly read them."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class NumberMention:
    start: int
    end: int
    text: str
    value: int | float
    qualifier: str | None = None      # more_than | less_than | about | at_least | at_most | up_to
    extra: dict = field(default_factory=dict)


@dataclass
class WeaponMention:
    start: int
    end: int
    text: str
    cls: str                          # firearms | explosives | melee | incendiary | vehicle | other
    kind: str                         # "assault rifle", "grenade launcher", "pistol", ...
    normal: str | None = None         # canonical item name ("автомат Калашникова", "РПГ-26")


@dataclass
class VehicleMention:
    start: int
    end: int
    text: str
    normal: str                       # "Mazda-626", "ВАЗ-21099"
    kind: str = "car"


@dataclass
class RoleMention:
    """A profession, rank or position ("старший сержант полиции", "министр внутренних дел РК")."""
    start: int
    end: int
    text: str
    normal: str                       # nominative singular ("старший сержант полиции")
    group: str | None = None          # police | security_service | military | civilian | official | None
    plural: bool = False
    kind_of_person: bool = False      # "женщина", "ребёнок", "боевик": a role in the story, no profession


@dataclass
class TermMention:
    """A named disease, faith or language, a title (NEREL's DISEASE, RELIGION, LANGUAGE,
    WORK_OF_ART), or a year inside a name ("ЧМ-2018", "COVID-19": DATE)."""
    start: int
    end: int
    text: str
    type: str
    normal: str


@dataclass
class AgeMention:
    start: int
    end: int
    text: str
    value: int

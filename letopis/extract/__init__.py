"""extract stage: Analysis → typed mentions (numbers, dates, weapons, charges, roles, ...),
quotes, sources and facts. Rules are data (tables in lexicon/tables/) plus small matchers."""
from __future__ import annotations

import sys
import types
from dataclasses import dataclass, field

from letopis.extract.mentions import (AgeMention, NumberMention, RoleMention, TermMention, VehicleMention,
                                     WeaponMention)
from letopis.nlp.analysis import Analysis
from letopis.record import Charge, Fact, Quote, Source, Temporal


@dataclass
class Extraction:
    numbers: list[NumberMention] = field(default_factory=list)
    temporals: list[Temporal] = field(default_factory=list)
    weapons: list[WeaponMention] = field(default_factory=list)
    vehicles: list[VehicleMention] = field(default_factory=list)
    roles: list[RoleMention] = field(default_factory=list)
    ages: list[AgeMention] = field(default_factory=list)
    terms: list[TermMention] = field(default_factory=list)
    charges: list[Charge] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)


def run(analysis: Analysis) -> Extraction:
    from letopis.extract import (ages, charges, dates, facts, numbers, quotes, roles, sources,
                                 terms, weapons)
    ex = Extraction()
    ex.ages = ages.find_ages(analysis)      # numbers and dates leave ages alone: found once, first
    ex.numbers = numbers.find_numbers(analysis, ages=ex.ages)
    ex.temporals = [t for t in dates.find_temporals(analysis) if not analysis.ignored(t.start, t.end)]
    ex.weapons = weapons.find_weapons(analysis)
    ex.vehicles = weapons.find_vehicles(analysis)
    ex.roles = roles.find_roles(analysis)
    ex.charges = charges.find_charges(analysis)
    ex.terms = terms.find_terms(analysis)
    ex.quotes = quotes.find_quotes(analysis, ex)
    ex.sources = sources.find_sources(analysis, ex)
    quotes.statements_of_sources(ex.quotes, ex.sources)
    ex.facts = facts.find_facts(analysis, ex)
    return ex


class _CallableStage(types.ModuleType):
    """Makes `letopis.extract(text, published=None)` the public one-call API while
    `letopis.extract` stays the stage package: a module attribute cannot be both otherwise."""

    def __call__(self, text: str, published=None, doc: str = "<text>", title: str | None = None) -> dict:
        from letopis.pipeline import extract_text
        return extract_text(text, published=published, doc=doc, title=title).to_dict()


sys.modules[__name__].__class__ = _CallableStage

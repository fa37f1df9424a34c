"""Russian names for the record's codes, for the pages (the API keeps the codes)."""
from __future__ import annotations

TYPES = {
    "armed_assault": "вооружённое нападение", "bombing": "взрыв", "assassination": "убийство",
    "hostage_taking": "захват заложников", "hijacking": "угон", "arson": "поджог",
    "stabbing": "нападение с ножом", "suicide": "смертник", "airstrike": "авиаудар", "other": "другое",
}
WEAPONS = {
    "firearms": "огнестрельное", "explosives": "взрывчатка", "melee": "холодное",
    "incendiary": "зажигательное", "vehicle": "транспорт", "other": "другое",
}
GROUPS = {
    "police": "полиция", "security_service": "спецслужбы", "military": "военные",
    "civilian": "мирные жители", "perpetrator": "нападавшие", "other": "другие",
}
ENTITY_TYPES = {
    "PERSON": "Лица", "ORGANIZATION": "Организации", "CITY": "Города", "COUNTRY": "Страны",
    "STATE_OR_PROVINCE": "Регионы", "LOCATION": "Места", "FACILITY": "Объекты", "WEAPON": "Оружие",
    "VEHICLE": "Транспорт", "PROFESSION": "Должности", "EVENT": "События", "LAW": "Законы",
    "CRIME": "Преступления", "DATE": "Даты", "NUMBER": "Числа", "DISTRICT": "Районы",
    "NATIONALITY": "Национальности", "IDEOLOGY": "Идеологии", "AGE": "Возраст", "TIME": "Время",
}
COUNTRIES = {
    "RU": "Россия", "KZ": "Казахстан", "KG": "Киргизия", "UZ": "Узбекистан", "TJ": "Таджикистан",
    "TM": "Туркмения", "UA": "Украина", "BY": "Белоруссия", "GE": "Грузия", "AM": "Армения",
    "AZ": "Азербайджан", "MD": "Молдавия", "AF": "Афганистан", "SY": "Сирия", "IQ": "Ирак",
    "TR": "Турция", "IL": "Израиль", "FR": "Франция", "DE": "Германия", "US": "США", "GB": "Великобритания",
}
FIELDS = {
    "date": "Дата", "country": "Страна", "region": "Регион", "city": "Город", "killed": "Погибли",
    "wounded": "Ранены", "perpetrators_killed": "Убиты нападавшие", "types": "Тип", "weapons": "Оружие",
    "perpetrators": "Нападавшие", "groups": "Группы", "vehicles": "Транспорт", "lat": "Широта", "lon": "Долгота",
}
ORDERS = {
    "-date": "сначала новые", "date": "сначала старые", "-killed": "больше погибших",
    "-wounded": "больше раненых", "-published": "по дате публикации", "id": "по порядку загрузки",
}


def type_ru(code: str) -> str:
    return TYPES.get(code, code)


def weapon_ru(code: str) -> str:
    return WEAPONS.get(code, code)


def country_ru(code: str | None) -> str:
    if not code:
        return ""
    return COUNTRIES.get(code.upper(), code.upper())


def place(row: dict) -> str:
    parts = [row.get("city"), row.get("region"), country_ru(row.get("country"))]
    seen: list[str] = []
    for p in parts:
        if p and p not in seen:
            seen.append(p)
    return ", ".join(seen)

"""Exports: JSONL in the merged-incident shape, GTD-named CSV, valid GeoJSON."""
from __future__ import annotations

import csv
import io
import json

from letopis.store import Store, gtd
from letopis.store.export import export, geojson

from letopis.record import DocumentRecord, Incident
from test_store import filled  # tests/ is on sys.path (rootdir-relative imports, no package)

GTD_COLUMNS = ["iyear", "imonth", "iday", "country_txt", "provstate", "city", "latitude", "longitude",
               "attacktype1_txt", "weaptype1_txt", "nkill", "nwound", "nkillter", "suicide", "gname", "summary"]


def test_jsonl_has_the_merged_shape(tmp_path):
    store = filled(tmp_path)
    buf = io.StringIO()
    assert export(store, "jsonl", buf) == 2
    lines = [json.loads(x) for x in buf.getvalue().splitlines()]
    assert [x["city"] for x in lines] == ["Ош", "Тараз"]                 # by date
    taraz = lines[1]
    assert taraz["reports"] == [{"doc": "taraz-2011.txt", "incident": 0}] and taraz["conflicts"] == {}
    assert taraz["id"] and taraz["killed"] == 7 and taraz["evidence"] == [[0, 20]]
    assert taraz["weapon_items"] == [] and taraz["date_text"] == "в субботу"
    buf = io.StringIO()
    assert export(store, "jsonl", buf, country="KG") == 1


def test_csv_uses_gtd_columns(tmp_path):
    store = filled(tmp_path)
    buf = io.StringIO()
    export(store, "csv", buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    for col in GTD_COLUMNS:
        assert col in rows[0], col
    osh, taraz = rows
    assert (taraz["iyear"], taraz["imonth"], taraz["iday"]) == ("2011", "11", "12")
    assert taraz["country_txt"] == "Kazakhstan" and osh["country_txt"] == "Kyrgyzstan"
    assert taraz["provstate"] == "Жамбылская область" and taraz["city"] == "Тараз"
    assert taraz["attacktype1_txt"] == "Bombing/Explosion" and taraz["attacktype2_txt"] == "Armed Assault"
    assert taraz["weaptype1_txt"] == "Firearms" and taraz["weaptype2_txt"] == "Explosives"
    assert (taraz["nkill"], taraz["nwound"], taraz["nkillter"], taraz["suicide"]) == ("7", "3", "1", "1")
    assert taraz["gname"] == "Unknown" and osh["gname"] == "Исламское движение"
    assert osh["nkill"] == "" and osh["suicide"] == "0" and taraz["scite1"] == "taraz-2011.txt"


def test_gtd_coding():
    assert gtd.attack_types(["stabbing"]) == ["Armed Assault"]
    assert gtd.weapon_types(["stabbing"], []) == ["Melee"]
    assert gtd.attack_types(["assassination", "bombing"]) == ["Assassination", "Bombing/Explosion"]
    assert gtd.attack_types([]) == ["Unknown"] and gtd.weapon_types([], []) == ["Unknown"]
    assert gtd.attack_types(["hostage_taking"]) == ["Hostage Taking (Kidnapping)"]
    assert gtd.weapon_types([], ["vehicle"])[0].startswith("Vehicle (not to include")
    assert gtd.country_txt("RU") == "Russia" and gtd.country_txt(None) == "Unknown"
    row = gtd.row({"id": "x", "date": None, "types": ["arson"], "weapons": ["incendiary"]})
    assert (row["iyear"], row["imonth"], row["iday"]) == ("", 0, 0)
    assert row["attacktype1_txt"] == "Facility/Infrastructure Attack" and row["weaptype1_txt"] == "Incendiary"


def test_geojson_is_a_feature_collection(tmp_path):
    store = filled(tmp_path)
    buf = io.StringIO()
    assert export(store, "geojson", buf) == 2
    fc = json.loads(buf.getvalue())
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 2
    for f in fc["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert f["properties"]["reports"]
    taraz = [f for f in fc["features"] if f["properties"]["city"] == "Тараз"][0]
    assert taraz["geometry"]["coordinates"] == [71.37, 42.9]
    # the in-memory form agrees, and incidents without coordinates are left out
    store.put(DocumentRecord(doc="nowhere.txt", title=None, published=None, text="Где-то прогремел взрыв.",
                             incidents=[Incident(types=["bombing"])]))
    assert len(geojson(store.report_incidents())["features"]) == 2


def test_empty_store_exports(tmp_path):
    store = Store(str(tmp_path / "e.db"))
    for fmt in ("jsonl", "csv", "geojson"):
        buf = io.StringIO()
        assert export(store, fmt, buf) == 0
    assert json.loads(buf.getvalue()) == {"type": "FeatureCollection", "features": []}

"""The REST API and the pages over the sample database (real pipeline + merge), with FastAPI's
TestClient; every test runs over SQLite and over PostgreSQL (a private server, tests/pgserver.py)."""
from __future__ import annotations

import csv
import io
import json
import warnings

import pytest

from pgserver import pg_server  # noqa: F401  (fixture)
from test_web_support import sample_db, sample_pg_db, web_group

pytestmark = web_group
warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def client(request):
    from fastapi.testclient import TestClient

    from letopis.web.app import create_app
    db = sample_db() if request.param == "sqlite" else sample_pg_db(request.getfixturevalue("pg_server"))
    with TestClient(create_app(db)) as c:
        yield c


def _aktobe(client) -> list[dict]:
    return [x for x in client.get("/api/incidents", params={"city": "Актобе", "order": "date"}).json()["items"]]


def test_incident_list_filters_and_pages(client):
    r = client.get("/api/incidents")
    assert r.status_code == 200
    page = r.json()
    assert page["total"] == len(page["items"]) >= 4
    everything = page["items"]
    # stable order: paging through one at a time gives the same ids as one page
    ids = [client.get("/api/incidents", params={"limit": 1, "offset": k}).json()["items"][0]["id"]
           for k in range(page["total"])]
    assert ids == [x["id"] for x in everything]
    dated = [x["date"] for x in everything if x["date"]]
    assert dated == sorted(dated, reverse=True)

    kg = client.get("/api/incidents", params={"country": "kg"}).json()
    assert kg["total"] >= 1 and all(x["country"] == "KG" for x in kg["items"])
    bombs = client.get("/api/incidents", params=[("type", "bombing"), ("weapon", "explosives")]).json()["items"]
    assert bombs and all("bombing" in x["types"] and "explosives" in x["weapons"] for x in bombs)
    since = client.get("/api/incidents", params={"since": "2024-01-01", "until": "2024-12-31"}).json()["items"]
    assert since and all(x["date"].startswith("2024") for x in since)
    killed = client.get("/api/incidents", params={"min_killed": 3}).json()["items"]
    assert killed and all(x["killed"] >= 3 for x in killed)
    text = client.get("/api/incidents", params={"q": "Ош"}).json()["items"]      # word forms: «в Оше»
    assert [x["city"] for x in text] == ["Ош"]
    assert {x["city"] for x in _aktobe(client)} == {"Актобе"}
    region = client.get("/api/incidents", params={"region": "Самаркандская область"}).json()["items"]
    assert [x["city"] for x in region] == ["Самарканд"]
    assert client.get("/api/incidents", params={"since": "not-a-date"}).status_code == 422
    assert client.get("/api/incidents", params={"order": "random"}).status_code == 422
    assert client.get("/api/incidents", params={"limit": 0}).status_code == 422


def test_one_incident_with_merged_sources_and_conflicts(client):
    first, second = _aktobe(client)
    view = client.get(f"/api/incidents/{first['id']}").json()
    assert view["merged"] is not None
    docs = {s["document"]["doc"] for s in view["sources"]}
    assert docs == {"aktobe-shooting.txt", "aktobe-shooting-followup.txt"}
    assert {c["value"] for c in view["conflicts"]["killed"]} == {4, 5}
    assert view["merged"]["killed"] == 5                    # the later report's toll is shown
    for s in view["sources"]:
        assert s["incident"]["field_evidence"]["killed"]
        assert s["evidence_text"]
    # the other report shows the same group
    assert client.get(f"/api/incidents/{second['id']}").json()["merged"]["id"] == view["merged"]["id"]
    assert client.get("/api/incidents/999999").status_code == 404
    assert client.get("/api/incidents/0").status_code == 422


def test_timeline_and_facets(client):
    months = client.get("/api/incidents/timeline").json()
    assert {(m["year"], m["month"]) for m in months} >= {(2024, 3), (2023, 7), (2022, 10)}
    assert sum(m["killed"] for m in months if m["year"] == 2024) == 9       # two Aktobe reports: 4 + 5
    facets = client.get("/api/incidents/facets").json()
    assert {"KZ", "KG", "UZ"} <= set(facets["country"]) and "bombing" in facets["type"]


def test_documents_and_record(client):
    page = client.get("/api/documents").json()
    assert page["total"] == 5
    doc = client.get("/api/documents/osh-explosion.txt").json()
    assert doc["record"]["doc"] == "osh-explosion.txt"
    assert doc["record"]["incidents"][0]["killed"] == 2
    assert doc["record"]["text"] == doc["text"]
    for e in doc["record"]["entities"]:
        assert doc["text"][e["start"]:e["end"]] == e["text"]
    assert client.get(f"/api/documents/{doc['id']}").json()["doc"] == "osh-explosion.txt"
    assert client.get("/api/documents/no-such.txt").status_code == 404
    assert client.get("/api/documents/99999999999999999999").status_code == 404


def test_entities_mentions_facts_search(client):
    persons = client.get("/api/entities", params={"type": "PERSON"}).json()
    names = [p["normal"] for p in persons["items"]]
    assert "Ерболат Сейткали" in names
    assert persons["total"] >= len(names)
    ments = client.get("/api/entities/mentions", params={"name": "ерболат сейткали"}).json()
    assert ments["total"] == 2 and {m["doc"] for m in ments["items"]} == {"aktobe-shooting.txt",
                                                                          "aktobe-shooting-followup.txt"}
    assert all(m["text"] in m["context"] for m in ments["items"])
    facts = client.get("/api/facts").json()
    assert facts["total"] == len(facts["items"]) >= 1
    hits = client.get("/api/search", params={"q": "Актобе"}).json()
    assert hits["total"] == 2 and all(h["marks"] for h in hits["items"])
    assert client.get("/api/search").status_code == 422


def test_downloads(client):
    r = client.get("/api/export/incidents.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {"eventid", "iyear", "imonth", "iday", "country_txt", "nkill", "nwound", "attacktype1_txt"} <= set(rows[0])
    aktobe = [x for x in rows if x["city"] == "Актобе"]
    assert len(aktobe) == 1 and aktobe[0]["reports"] == "2" and aktobe[0]["nkill"] == "5"
    lines = [json.loads(x) for x in client.get("/api/export/incidents.jsonl").text.splitlines()]
    merged = [x for x in lines if len(x["reports"]) == 2][0]
    assert {r["doc"] for r in merged["reports"]} == {"aktobe-shooting.txt", "aktobe-shooting-followup.txt"}
    assert "killed" in merged["conflicts"]
    geo = client.get("/api/export/incidents.geojson", params={"country": "KG"}).json()
    assert geo["type"] == "FeatureCollection"
    assert [f["properties"]["city"] for f in geo["features"]] == ["Ош"]
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert 72 < lon < 73.5 and 40 < lat < 41


def test_pages_render(client):
    for path in ("/", "/?type=bombing&order=-killed", "/map", "/documents", "/entities", "/facts",
                 "/search?q=взрыв", "/entity?name=Ерболат+Сейткали&type=PERSON", "/docs",
                 "/?since=garbage&min_killed=x&offset=-3"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert "cdn" not in r.text.lower(), path            # everything is served from /static
    inc = _aktobe(client)[0]
    page = client.get(f"/incidents/{inc['id']}").text
    assert 'title="killed = 4"' in page and 'title="killed = 5"' in page
    assert "Расхождения" in page
    r = client.get("/incidents/424242", headers={"accept": "text/html"})
    assert r.status_code == 404 and "Не найдено" in r.text

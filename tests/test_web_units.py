"""Small pieces of the web layer: evidence segments, the timeline geometry, and `letopis serve`."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx

from letopis.web import charts, highlight
from test_web_support import free_port, sample_db, web_group


def test_segments_cover_the_text_and_nest():
    text = "Погибли семь человек, трое ранены."
    marks = [highlight.Mark(0, 34, "evidence", "evidence"), highlight.Mark(8, 20, "killed = 7"),
             highlight.Mark(8, 12, "killed_by_group.police = 7"), highlight.Mark(40, 50, "outside")]
    segs = highlight.segments(text, marks)
    assert "".join(s.text for s in segs) == text
    by_text = {s.text: s for s in segs}
    assert by_text["семь"].title == "killed = 7; killed_by_group.police = 7"
    assert by_text["семь"].kind == "field" and by_text["Погибли "].title == "evidence"
    assert highlight.segments("", marks) == []


def test_incident_marks_name_field_and_value():
    inc = {"killed": 7, "killed_by_group": {"police": 3}, "city": "Тараз", "region": None, "country": "KZ",
           "field_evidence": {"killed": [[0, 4]], "killed_by_group.police": [[5, 9]], "place": [[10, 15]]},
           "charges": [{"code": "УК РК", "article": "96", "part": "2", "start": 20, "end": 30}],
           "evidence": [[0, 40]]}
    labels = {m.label for m in highlight.incident_marks(inc)}
    assert {"killed = 7", "killed_by_group.police = 3", "place = Тараз, KZ", "charge = ст. 96 ч. 2 УК РК",
            "evidence"} <= labels


def test_timeline_months_and_years():
    rows = [{"year": 2023, "month": 7, "incidents": 1, "killed": 2}, {"year": 2024, "month": 3, "incidents": 2, "killed": 9}]
    t = charts.timeline(rows)
    assert t["by"] == "month" and len(t["bars"]) == 9 and t["bars"][-1]["n"] == 2 and t["max_k"] == 9
    assert 1 <= len(t["ticks"]) <= 9
    long = charts.timeline([{"year": 2001, "month": 1, "incidents": 1, "killed": 0}] + rows)
    assert long["by"] == "year" and len(long["bars"]) == 24
    assert charts.timeline([]) is None


@web_group
def test_letopis_serve_answers(tmp_path):
    port = free_port()
    env = dict(os.environ, LETOPIS_API_TOKEN="")
    proc = subprocess.Popen([sys.executable, "-m", "letopis", "serve", "--db", sample_db(), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2)
                break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.stdout.read()
                assert time.monotonic() < deadline, "letopis serve did not answer"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["documents"] == 5
        assert httpx.post(f"http://127.0.0.1:{port}/api/documents", json={"text": "x"}).status_code == 403
    finally:
        proc.terminate()
        out = proc.communicate(timeout=20)[0]
    assert f"http://127.0.0.1:{port}/" in out and "read-only" in out

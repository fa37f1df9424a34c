"""`make example-check`: every key fact of the seeds' expected.json, checked against our records.

The checker reads expected.json generically (persons, organizations, incident fields, facts,
quotes, sources); nothing here knows the articles' contents."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from rich.console import Console

console = Console(highlight=False)


def _n(s: Any) -> str:
    s = str(s).lower().replace("ё", "е")
    s = re.sub(r"[«»\"“”]", "", s)
    return re.sub(r"\s+", " ", re.sub(r"\.\s*", ". ", s)).strip()


def _words(s: str) -> set[str]:
    return {w[:5] for w in re.findall(r"\w+", _n(s)) if len(w) > 2}


class Checker:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def check(self, label: str, ok: bool, got: Any = None) -> None:
        if ok:
            self.passed += 1
            console.print(f"  [green]PASS[/] {label}")
        else:
            self.failed += 1
            console.print(f"  [red]FAIL[/] {label}" + (f"  (got {got!r})" if got is not None else ""))


def _person(rec: dict, name: str) -> dict | None:
    return next((p for p in rec["persons"] if _n(p["name"]) == _n(name)), None)


def _org_names(rec: dict) -> set[str]:
    names = set()
    for o in rec.get("organizations", []):
        names.add(_n(o["name"]))
        names.update(_n(a) for a in o.get("aliases", []))
    names.update(_n(e.get("normal") or e["text"]) for e in rec["entities"] if e["type"] == "ORGANIZATION")
    names.update(_n(s["name"]) for s in rec.get("sources", []))
    return names


def check_persons(c: Checker, rec: dict, persons: dict, incident: dict | None) -> None:
    for name, want in persons.items():
        p = _person(rec, name)
        c.check(f"person {name}", p is not None, [x["name"] for x in rec["persons"]] if p is None else None)
        if p is None:
            continue
        if "age" in want:
            c.check(f"  {name}: age {want['age']}", p.get("age") == want["age"], p.get("age"))
        if "role" in want:
            roles = {_n(r) for r in p.get("roles", [])}
            parts = [x.strip() for x in want["role"].split(",")]
            c.check(f"  {name}: role {want['role']}", all(_n(x) in roles for x in parts), p.get("roles"))
        if "fate" in want:
            fate = p.get("fate") or ""
            c.check(f"  {name}: fate {want['fate']}", _n(fate).startswith(_n(want["fate"]).split(" ")[0])
                    and (_n(want["fate"]) == _n(fate) or "(" not in want["fate"] or _n(want["fate"]) in _n(fate)), fate)
        if "role_in_incident" in want:
            c.check(f"  {name}: {want['role_in_incident']}", p.get("role_in_incident") == want["role_in_incident"],
                    p.get("role_in_incident"))
        if "ideology" in want:
            c.check(f"  {name}: ideology {want['ideology']}", p.get("ideology") == want["ideology"], p.get("ideology"))
        if "relation" in want:
            heads = [f for f in rec["facts"] if f["kind"] == "investigation" and _n(f.get("head", "")) == _n(name)]
            c.check(f"  {name}: {want['relation']}", bool(heads))


def check_incident(c: Checker, inc: dict | None, want: dict) -> None:
    c.check("an incident", inc is not None)
    if inc is None:
        return
    for key in ("date", "date_text", "country", "region", "city", "killed", "wounded", "perpetrators_killed"):
        if key in want:
            c.check(f"incident {key} = {want[key]}", _n(inc.get(key)) == _n(want[key]), inc.get(key))
    for key in ("types", "weapons"):
        if key in want:
            c.check(f"incident {key} = {want[key]}", set(inc.get(key, [])) == set(want[key]), inc.get(key))
    if "killed_by_group" in want:
        c.check(f"incident killed_by_group = {want['killed_by_group']}", inc.get("killed_by_group") == want["killed_by_group"],
                inc.get("killed_by_group"))
    if "weapon_items" in want:
        have = {_n(w.get("normal") or w["text"]) for w in inc["weapon_items"]} | {_n(w["text"]) for w in inc["weapon_items"]}
        for item in want["weapon_items"]:
            c.check(f"weapon item {item}", _n(item) in have, sorted(have))
    if "vehicles" in want:
        have = {_n(v) for v in inc["vehicles"]}
        for v in want["vehicles"]:
            c.check(f"vehicle {v}", _n(v) in have, sorted(have))
    if "perpetrators" in want:
        c.check(f"perpetrators {want['perpetrators']}", {_n(x) for x in inc["perpetrators"]} == {_n(x) for x in want["perpetrators"]},
                inc["perpetrators"])
    for ch in want.get("charges", []):
        got = next((x for x in inc["charges"] if x["code"] == ch["code"] and x["article"] == ch["article"]), None)
        ok = got is not None and all(_n(got.get(k)) == _n(v) for k, v in ch.items())
        c.check(f"charge {ch}", ok, got)
    for step in want.get("timeline", []):
        got = next((x for x in inc["timeline"] if x["time"] == step["time"]), None)
        ok = got is not None and bool(got.get("approx")) == bool(step.get("approx")) and \
            len(_words(step["what"]) & _words(got["what"])) >= max(1, len(_words(step["what"])) // 2)
        c.check(f"timeline {step['time']}{' ~' if step.get('approx') else ''} {step['what']}", ok, got)


def check_facts(c: Checker, rec: dict, facts: list[dict]) -> None:
    for want in facts:
        cands = [f for f in rec["facts"] if f["kind"] == want["kind"]]
        best = None
        for f in cands:
            if all(_n(f.get(k)) == _n(v) or (k == "text" and _n(v) in _n(f.get("text", "")))
                   for k, v in want.items() if k != "kind"):
                best = f
        c.check(f"fact {want}", best is not None, cands[:2] or None)


def check_quotes(c: Checker, rec: dict, quotes: list[dict]) -> None:
    for want in quotes:
        need = want.get("count") or want.get("count_at_least") or 1
        who = _n(want["speaker"])
        mine = [q for q in rec["quotes"] if who in _n(q.get("speaker") or "") or
                (q.get("role") and _words(want["speaker"]) <= _words(q["role"]) | {"мид"}) or
                (q.get("role") and len(_words(q["role"]) & _words(want["speaker"])) >= 2)]
        if "role" in want:
            mine = [q for q in mine if _n(q.get("role") or "") == _n(want["role"])]
        ok = len(mine) >= need if "count_at_least" in want else len(mine) == need
        c.check(f"quotes of {want['speaker']}: {need}{'+' if 'count_at_least' in want else ''}", ok,
                [(q.get("speaker"), q.get("role")) for q in rec["quotes"]])
        if "occasion" in want:
            m = re.search(r"\((\d{4}-\d{2}-\d{2})\)", want["occasion"])
            if m:
                dates = [t.get("value") for t in rec.get("temporals", [])]
                c.check(f"quote occasion {want['occasion']}", m.group(1) in dates, dates)


def check_sources(c: Checker, rec: dict, sources: list[dict]) -> None:
    for want in sources:
        ok = any(_n(s["name"]) == _n(want["name"]) and s["relation"] == want["relation"] for s in rec["sources"])
        c.check(f"source {want['name']} ({want['relation']})", ok, [(s["name"], s["relation"]) for s in rec["sources"]])


def check_examples(seeds: Path) -> bool:
    from letopis.pipeline import process_document
    from letopis.read import read_path
    expected = json.loads((seeds / "expected.json").read_text("utf-8"))
    c = Checker()
    for name, want in expected.items():
        if name.startswith("_"):
            continue
        console.print(f"[bold]{name}[/]")
        docs = [d for d in read_path(seeds / name, published=want.get("published"))]
        rec = process_document(docs[0]).to_dict()
        c.check(f"published = {want.get('published')}", rec["published"] == want.get("published"), rec["published"])
        if "title" in want:
            c.check(f"title = {want['title']}", rec["title"] == want["title"], rec["title"])
        if "boilerplate_removed" in want:
            c.check("boilerplate removed", any(_n(want["boilerplate_removed"]) in _n(b["text"]) for b in rec["boilerplate"]),
                    rec["boilerplate"])
        inc = rec["incidents"][0] if rec["incidents"] else None
        check_persons(c, rec, want.get("persons", {}), inc)
        orgs = _org_names(rec)
        for org in want.get("organizations", []):
            c.check(f"organization {org}", _n(org) in orgs, sorted(orgs))
        if "incident" in want:
            check_incident(c, inc, want["incident"])
        if "incidents" in want:
            c.check(f"incidents = {want['incidents']}", len(rec["incidents"]) == len(want["incidents"]), len(rec["incidents"]))
        check_facts(c, rec, want.get("facts", []))
        check_quotes(c, rec, want.get("quotes", []))
        check_sources(c, rec, want.get("sources", []))
    console.print(f"example-check: {c.passed} passed, {c.failed} failed")
    return c.failed == 0

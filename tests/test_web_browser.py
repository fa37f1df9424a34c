"""The pages in a real browser: headless Debian Chromium driven by Playwright (never `playwright
install`), against uvicorn over the sample database. Screenshots go to test-artifacts/."""
from __future__ import annotations

import pytest

from pgserver import pg_server  # noqa: F401  (fixture)
from test_web_support import (ARTIFACTS, CHROMIUM_ARGS, LiveServer, chromium_path, sample_db, sample_pg_db,
                              web_group)

pytestmark = [web_group, pytest.mark.slow]


@pytest.fixture(scope="module")
def server():
    from letopis.web.app import create_app
    with LiveServer(create_app(sample_db())) as s:
        yield s


@pytest.fixture(scope="module")
def browser():
    exe = chromium_path()
    if exe is None:
        pytest.skip("no Chromium found (/usr/bin/chromium or $LETOPIS_CHROMIUM): run `make system-deps` "
                    "(scripts/system-deps.sh installs Debian's chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed "
                                   "(pip install -e '.[test]')")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.errors = errors                         # type: ignore[attr-defined]
    yield pg
    context.close()


def test_list_filter_open_incident_see_evidence(server, page):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(server.url + "/")
    assert page.locator("h1").inner_text() == "Инциденты"
    total = int(page.locator("#total").inner_text())
    assert total >= 4 and page.locator("table.incidents tbody tr").count() == total
    assert page.locator("#timeline rect.bar").count() >= 3            # the chart, drawn server-side
    page.screenshot(path=str(ARTIFACTS / "web-list.png"), full_page=True)

    # filter: armed assaults in Kazakhstan
    page.select_option("select[name=country]", "KZ")
    page.select_option("select[name=type]", "armed_assault")
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    assert "country=KZ" in page.url
    rows = page.locator("table.incidents tbody tr")
    assert 1 <= rows.count() < total
    assert all("Актобе" in rows.nth(k).inner_text() for k in range(rows.count()))

    # open the incident: both sources, the conflict on the toll, highlighted evidence
    rows.first.locator("td").first.locator("a").click()
    page.wait_for_load_state()
    assert "/incidents/" in page.url
    assert page.locator("article.source").count() == 2
    conflicts = page.locator("#conflicts").inner_text()
    assert "Погибли" in conflicts and "aktobe-shooting.txt" in conflicts
    killed = page.locator('mark.field[title^="killed = "]')
    assert killed.count() == 2
    assert {killed.nth(k).get_attribute("title") for k in range(2)} == {"killed = 4", "killed = 5"}
    assert killed.first.inner_text().strip()                             # it marks real text
    assert page.locator("mark.evidence").count() >= 1
    killed.first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "web-incident.png"), full_page=True)
    assert not page.errors, page.errors                                # CSP or script errors


def test_map_person_search_and_phone(server, browser, page):
    page.goto(server.url + "/map")
    page.wait_for_selector("#map[data-markers]")
    assert int(page.locator("#map").get_attribute("data-markers")) >= 3
    assert page.locator("path.incident-marker").count() >= 3
    page.locator("path.incident-marker").first.click(force=True)
    assert page.locator(".leaflet-popup-content a").count() == 1
    page.screenshot(path=str(ARTIFACTS / "web-map.png"))
    assert not page.errors, page.errors

    page.goto(server.url + "/entities")
    page.fill("input[name=q]", "сейткали")
    page.click("form.filters button[type=submit]")
    page.get_by_role("link", name="Ерболат Сейткали").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Ерболат Сейткали"
    assert page.locator("ul.mentions li mark.hit").count() == 2

    page.goto(server.url + "/search")
    page.fill("input[name=q]", "взрыв")
    page.press("input[name=q]", "Enter")
    page.wait_for_load_state()
    assert int(page.locator("#hits").inner_text()) >= 1
    assert page.locator("p.snippet mark.hit").count() >= 1

    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    p2 = phone.new_page()
    p2.goto(server.url + "/")
    width = p2.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 2                                             # no sideways scrolling
    p2.screenshot(path=str(ARTIFACTS / "web-phone.png"), full_page=True)
    phone.close()


def test_over_postgresql(pg_server, page):
    """The same pages over a PostgreSQL store: list, filter, incident with its evidence, search."""
    from letopis.web.app import create_app
    with LiveServer(create_app(sample_pg_db(pg_server))) as server:
        page.goto(server.url + "/?country=KZ&type=armed_assault")
        rows = page.locator("table.incidents tbody tr")
        assert rows.count() >= 1 and all("Актобе" in rows.nth(k).inner_text() for k in range(rows.count()))
        rows.first.locator("td").first.locator("a").click()
        page.wait_for_load_state()
        assert page.locator("article.source").count() == 2
        assert page.locator('mark.field[title^="killed = "]').count() == 2
        page.screenshot(path=str(ARTIFACTS / "web-incident-postgresql.png"), full_page=True)
        page.goto(server.url + "/search?q=взрыв")
        assert page.locator("p.snippet mark.hit").count() >= 1
        assert not page.errors, page.errors

"""The reader's site in headless Chromium: axe-core, 375 px phones, the deals filters.

axe-core comes from the axe-playwright-python package (a test dependency that ships
axe.min.js), so the audit needs no network and the repository holds no copy of it.
Screenshots go to $DOSSIER_ARTIFACTS when it is set.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from .test_browser import base_url, browser, pytestmark  # noqa: F401  (shared fixtures)

PAGE_TYPES = {
    "home": "index.html",
    "companies": "companies/index.html",
    "company": "companies/xiaomi.html",
    "deals": "deals/index.html",
    "deal": "deals/huawei-xiaomi-deepseek-2024.html",
    "articles": "articles/index.html",
    "article": "articles/ifeng-tech-2026-05-27-xiaomi-pursues-deepseek.html",
    "timeline": "timeline.html",
    "topics": "topics/index.html",
    "topic": "topics/ai.html",
    "network": "network.html",
    "review": "review.html",
    "changes": "changes.html",
    "not-found": "404.html",
    "print": "print/index.html",
}


def open_page(browser, url: str, width: int, problems: list[str], **options):  # noqa: F811
    # the theme fades its tabs in one by one: axe, run while one is half faded in, reports
    # a contrast the settled page does not have (seen on a loaded machine); with reduced
    # motion the theme draws every element at once, as it will stay
    options.setdefault("reduced_motion", "reduce")
    context = browser.new_context(viewport={"width": width, "height": 800}, **options)
    page = context.new_page()
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("requestfailed", lambda r: problems.append(f"failed request {r.url}"))
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.ok
    return context, page


def artifacts(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("DOSSIER_ARTIFACTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_page_type_is_accessible_and_fits_the_screen(
    browser,  # noqa: F811
    base_url: str,  # noqa: F811
    kind: str,
    width: int,
    tmp_path: Path,
) -> None:
    problems: list[str] = []
    context, page = open_page(browser, f"{base_url}/{PAGE_TYPES[kind]}", width, problems)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    page.screenshot(path=str(artifacts(tmp_path) / f"{kind}-{width}px.png"), full_page=True)
    violations = [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in Axe().run(page).response["violations"]
    ]
    context.close()
    serious = [v for v in violations if v["impact"] in {"serious", "critical"}]
    assert serious == []
    assert overflow <= 0, f"{overflow} px of horizontal scrolling at {width} px"
    assert problems == []


def visible_rows(page) -> list[str]:
    return page.locator(
        "table[data-dossier-filter] tbody tr:visible td:nth-child(2)"
    ).all_inner_texts()


def test_deals_table_filters_and_sorts(browser, base_url: str) -> None:  # noqa: F811
    problems: list[str] = []
    context, page = open_page(browser, f"{base_url}/deals/index.html", 1280, problems)
    assert len(visible_rows(page)) == 6
    page.get_by_label("Company").select_option("Microsoft")
    assert len(visible_rows(page)) == 3
    assert page.locator(".dossier-filter-count").inner_text() == "Showing 3 of 6 deals."
    page.get_by_label("Year").select_option("2018")
    assert visible_rows(page) == [
        "Xiaomi–Microsoft strategic framework MoU on AI, cloud and hardware"
    ]
    page.get_by_label("Company").select_option("")
    page.get_by_label("Year").select_option("")
    page.get_by_label("Status").select_option("rumored")
    page.get_by_label("Kind").select_option("Licensing")
    assert visible_rows(page) == [
        'Claimed extension of Huawei\'s "DeepSeek" AI features to 25 Xiaomi phones'
    ]
    page.get_by_label("Status").select_option("")
    page.get_by_label("Kind").select_option("")
    date_header = page.locator("table[data-dossier-filter] th", has_text="Date")
    date_header.get_by_role("button").click()
    assert date_header.get_attribute("aria-sort") == "ascending"
    dates = page.locator("table[data-dossier-filter] tbody tr td:first-child").all_inner_texts()
    assert dates[0] == "2015" and dates[-1] == "27 May 2026"
    date_header.get_by_role("button").click()
    assert date_header.get_attribute("aria-sort") == "descending"
    dates = page.locator("table[data-dossier-filter] tbody tr td:first-child").all_inner_texts()
    assert dates[0] == "27 May 2026"
    context.close()
    assert problems == []


def test_deals_table_is_a_plain_table_without_javascript(
    browser,  # noqa: F811
    base_url: str,  # noqa: F811
) -> None:
    problems: list[str] = []
    context, page = open_page(
        browser, f"{base_url}/deals/index.html", 375, problems, java_script_enabled=False
    )
    assert page.locator("form.dossier-filter").count() == 0
    assert len(visible_rows(page)) == 6
    headers = page.locator("table[data-dossier-filter] th").all_inner_texts()
    assert headers == ["Date", "Deal", "Parties", "Kind", "Status", "Sources"]
    context.close()


def test_deals_filters_fit_a_phone_screen(browser, base_url: str) -> None:  # noqa: F811
    problems: list[str] = []
    context, page = open_page(browser, f"{base_url}/deals/index.html", 375, problems)
    boxes = [
        page.locator(f"form.dossier-filter select >> nth={i}").bounding_box() for i in range(4)
    ]
    context.close()
    assert all(
        box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375 for box in boxes
    )
    assert problems == []


def test_citation_marks_are_24_px_targets_set_apart(browser, base_url: str) -> None:  # noqa: F811
    problems: list[str] = []
    url = f"{base_url}/deals/xiaomi-microsoft-mou-2018.html"
    context, page = open_page(browser, url, 375, problems)
    boxes = page.locator(".dossier-cite a").evaluate_all(
        "marks => marks.map(m => { const r = m.getBoundingClientRect();"
        " return {x: r.x, y: r.y, width: r.width, height: r.height}; })"
    )
    context.close()
    assert len(boxes) >= 4
    assert all(b["width"] >= 24 and b["height"] >= 24 for b in boxes), boxes
    side_by_side = [(a, b) for a, b in itertools.pairwise(boxes) if a["y"] == b["y"]]
    assert side_by_side
    assert all(b["x"] >= a["x"] + a["width"] for a, b in side_by_side)  # no overlap
    assert problems == []


def test_404_page_searches_the_site(browser, base_url: str) -> None:  # noqa: F811
    problems: list[str] = []
    context, page = open_page(browser, f"{base_url}/404.html", 1280, problems)
    field = page.locator("#dossier-404-q")  # the page's own form (the header has one too)
    field.fill("小米")
    field.press("Enter")
    page.wait_for_url("**/index.html?q=*")
    assert page.locator("#dossier-search-q").input_value() == "小米"  # the header's search runs it
    first = page.locator("#dossier-search-results a").first
    first.wait_for()
    assert first.get_attribute("href") == "/companies/xiaomi.html"
    context.close()
    assert problems == []


DEAL_TABLE_PAGES = {
    "home": "index.html table[data-dossier-stack]",
    "deals": "deals/index.html table[data-dossier-stack]",
    "company": "companies/xiaomi.html table[data-dossier-stack]",
    "topic": "topics/ai.html table[data-dossier-stack]",
    "print": "print/index.html table.deals",
}


@pytest.mark.parametrize("kind", list(DEAL_TABLE_PAGES))
def test_deal_tables_are_cards_on_a_phone(browser, base_url: str, kind: str) -> None:  # noqa: F811
    """At 375 px each deal is a block of labelled lines, all inside the screen: nothing
    scrolls sideways, not even inside the table's box."""
    path, selector = DEAL_TABLE_PAGES[kind].split(" ", 1)
    problems: list[str] = []
    context, page = open_page(browser, f"{base_url}/{path}", 375, problems)
    cards = page.evaluate(
        """selector => [...document.querySelector(selector).tBodies[0].rows].map(row => ({
             right: row.getBoundingClientRect().right,
             lines: [...row.cells].map(cell => ({
               label: getComputedStyle(cell, '::before').content,
               top: cell.getBoundingClientRect().top,
               right: cell.getBoundingClientRect().right})),
           }))""",
        selector,
    )
    scrolls = page.evaluate(
        """selector => { const boxes = [];
             for (let box = document.querySelector(selector); box; box = box.parentElement) {
               const sideways = ['auto', 'scroll'].includes(getComputedStyle(box).overflowX);
               if (sideways && box.scrollWidth > box.clientWidth + 1) boxes.push(box.className);
             }
             return boxes; }""",
        selector,
    )
    context.close()
    assert cards and scrolls == []
    for card in cards:
        assert [line["label"] for line in card["lines"]] == [
            '"Date"',
            '"Deal"',
            '"Parties"',
            '"Kind"',
            '"Status"',
            '"Sources"',
        ]
        tops = [line["top"] for line in card["lines"]]
        assert tops == sorted(tops) and len(set(tops)) == len(tops)  # stacked, one per line
        assert max(line["right"] for line in card["lines"]) <= 375

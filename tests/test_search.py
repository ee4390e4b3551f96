"""The site's search: the Pagefind index, what pages mark for it, the table of names,
and the header search in a real Chromium typing names, aliases and Chinese names."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dossier.search_names import SHARDS, fnv1a
from dossier.site_search import index_site

from .test_browser import CHROMIUM, base_url, browser  # noqa: F401  (shared fixtures)
from .test_site import content, soup

needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium package")


def test_company_page_marks_its_content_names_and_preview(default_site: Path) -> None:
    page = content(default_site, "companies/huawei.html")
    (body,) = page.select("[data-pagefind-body]")
    meta = body.select_one("[data-pagefind-meta]")
    assert meta["data-title"] == "Huawei"
    assert meta["data-summary"].startswith("Huawei is a Chinese technology company")
    assert "<" not in meta["data-summary"] and "Reviewed" not in meta["data-summary"]
    assert body.h1["data-pagefind-weight"] == "10"
    # The review line ("Reviewed by … Source file: …") is not what a result previews.
    assert "data-pagefind-ignore" in body.select_one(".dossier-review").attrs
    # The header (navigation, the search box itself) is outside what is indexed.
    assert (
        soup(default_site, "companies/huawei.html").select_one("header [data-pagefind-body]")
        is None
    )


def test_titles_with_quotes_stay_clean_text(default_site: Path) -> None:
    page = content(default_site, "deals/huawei-xiaomi-deepseek-2024.html")
    meta = page.select_one("[data-pagefind-meta]")
    assert (
        meta["data-title"]
        == 'Claimed extension of Huawei\'s "DeepSeek" AI features to 25 Xiaomi phones'
    )


def test_names_table_finds_each_company_by_name_and_alias(default_site: Path) -> None:
    def lookup(name: str) -> list[list[str]]:
        key = name.lower()
        shard = json.loads(
            (default_site / f"search-names/{fnv1a(key) % SHARDS:02x}.json").read_text("utf-8")
        )
        return shard.get(key, [])

    assert len(list((default_site / "search-names").glob("*.json"))) == SHARDS
    assert [e[0] for e in lookup("小米")] == ["companies/xiaomi.html"]
    assert [e[0] for e in lookup("Xiaomi")] == ["companies/xiaomi.html"]
    assert [e[0] for e in lookup("深度求索")] == ["companies/deepseek.html"]
    assert lookup("Xiaomi")[0][1:] == [
        "Xiaomi",
        content(default_site, "companies/xiaomi.html").select_one("[data-pagefind-meta]")[
            "data-summary"
        ],
    ]
    assert lookup("no such company") == []


def test_fnv1a_matches_the_published_test_vectors() -> None:
    # FNV-1a 32-bit reference values; the header script computes the same function.
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C
    assert fnv1a("foobar") == 0xBF9CF968


def test_index_is_byte_identical_when_built_again(default_site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(default_site, copy)
    index_site(copy)
    first = {
        p.relative_to(copy): p.read_bytes() for p in (copy / "pagefind").rglob("*") if p.is_file()
    }
    built = {
        p.relative_to(default_site): p.read_bytes()
        for p in (default_site / "pagefind").rglob("*")
        if p.is_file()
    }
    assert first == built
    assert any(str(p).startswith("pagefind/fragment/") for p in first)


def results(page, query: str) -> list[str]:
    box = page.locator("#dossier-search-q")
    box.fill("")
    box.press_sequentially(query)
    page.wait_for_function(
        "q => document.querySelector('#dossier-search-q').value === q &&"
        " /found/.test(document.querySelector('.dossier-search__status').textContent)",
        arg=query,
    )
    page.wait_for_timeout(300)  # a query typed letter by letter: let the last one land
    links = page.locator("#dossier-search-results a")
    return [links.nth(i).get_attribute("href") or "" for i in range(links.count())]


@needs_chromium
@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Xiaomi", "/companies/xiaomi.html"),
        ("Xiaomi Corporation", "/companies/xiaomi.html"),  # an alias
        ("小米", "/companies/xiaomi.html"),
        ("深度求索", "/companies/deepseek.html"),
        ("huawei", "/companies/huawei.html"),
    ],
)
def test_header_search_shows_the_named_page_first(
    browser,  # noqa: F811
    base_url: str,  # noqa: F811
    query: str,
    first: str,
) -> None:
    page = browser.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto(f"{base_url}/deals/index.html", wait_until="networkidle")
    found = results(page, query)
    page.close()
    assert found and found[0] == first, found
    assert problems == []


@needs_chromium
def test_header_search_works_from_the_keyboard(browser, base_url: str) -> None:  # noqa: F811
    page = browser.new_page()
    page.goto(f"{base_url}/index.html", wait_until="networkidle")
    page.keyboard.press("Tab")  # the box is reachable by Tab
    for _ in range(20):
        if page.evaluate("document.activeElement.id") == "dossier-search-q":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "dossier-search-q"
    results(page, "DeepSeek")
    page.keyboard.press("ArrowDown")
    assert (
        page.evaluate("document.activeElement.getAttribute('href')") == "/companies/deepseek.html"
    )
    page.keyboard.press("Escape")
    assert page.locator("#dossier-search-results").is_hidden()
    assert page.evaluate("document.activeElement.id") == "dossier-search-q"
    page.keyboard.press("Enter")  # the first result again
    page.keyboard.press("Enter")
    page.wait_for_url("**/companies/deepseek.html")
    page.close()

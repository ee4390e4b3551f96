"""Long lists in Chromium: a company with 120 deals, and the network of 110 companies.

The corpus comes from the generator tests and benchmarks share (tools/corpus.py), built
once for this module.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from dossier.cli import main
from tools.corpus import generate

from .conftest import SITE_PARTS, copy_project
from .test_browser import browser, pytestmark  # noqa: F401  (shared fixtures)


@pytest.fixture(scope="module")
def big_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """120 deals, each between Company 0 and Company 1 (and one article each)."""
    yield from built(tmp_path_factory.mktemp("big"), 120, companies_per=60, articles_per_deal=1)


def built(root: Path, articles: int, companies_per: int, articles_per_deal: int) -> Iterator[str]:
    """A generated corpus, built, served: the URL of its site."""
    generate(root, articles, companies_per=companies_per, articles_per_deal=articles_per_deal)
    copy_project(root, SITE_PARTS)
    assert main(["--root", str(root), "build"]) == 0
    yield from serve(root / "site")


def serve(site: Path) -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=site)
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def shown_deals(page) -> list[str]:
    return page.locator(
        "table[data-dossier-filter] tbody tr:visible td:nth-child(2)"
    ).all_inner_texts()


def test_long_company_table_pages_without_javascript(browser, big_url: str) -> None:  # noqa: F811
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, java_script_enabled=False
    )
    page = context.new_page()
    page.goto(f"{big_url}/companies/company-0000.html")
    first = shown_deals(page)
    assert len(first) == 50
    assert page.locator("nav.dossier-pages a").all_inner_texts() == ["1", "2", "3"]
    page.locator("nav.dossier-pages a", has_text="3").click()
    third = shown_deals(page)
    context.close()
    assert len(third) == 20 and not set(third) & set(first)


def test_long_company_table_filters_sorts_and_pages(browser, big_url: str) -> None:  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{big_url}/companies/company-0000.html")
    count = page.locator(".dossier-filter-count")
    assert len(shown_deals(page)) == 50
    assert count.inner_text() == "Showing 1–50 of 120 deals."
    assert page.locator("nav.dossier-pages").count() == 0  # the script pages instead
    page.get_by_role("button", name="Next").click()
    assert count.inner_text() == "Showing 51–100 of 120 deals."
    page.get_by_label("Text").fill("117")
    assert shown_deals(page) == ["Deal 117"]
    assert count.inner_text() == "Showing 1 of 120 deals."
    page.get_by_label("Text").fill("deal 11")  # every word, anywhere in the row
    wanted = {"Deal 11", *(f"Deal {n}" for n in range(110, 120))}
    assert wanted <= set(shown_deals(page))
    rows = page.locator("table[data-dossier-filter] tbody tr:visible").all_inner_texts()
    assert all("deal" in row.lower() and "11" in row for row in rows)
    assert page.get_by_role("button", name="Next").is_hidden()  # one page of matches
    header = page.locator("table[data-dossier-filter] th", has_text="Deal")
    header.get_by_role("button").click()
    assert shown_deals(page) == sorted(shown_deals(page))
    header.get_by_role("button").click()
    assert shown_deals(page) == sorted(shown_deals(page), reverse=True)
    context.close()
    assert errors == []


@pytest.fixture(scope="module")
def network_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """110 companies, each a party to about two deals."""
    yield from built(tmp_path_factory.mktemp("network"), 220, companies_per=2, articles_per_deal=2)


def label_sizes(page, selector: str) -> list[float]:
    """Each label's font size on screen, in CSS px, after the SVG's scaling."""
    return page.evaluate(
        """selector => [...document.querySelectorAll(selector + ' text')].map(t =>
             { const m = t.getScreenCTM();  // rotated labels: the scale is the vector's length
               return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b); })""",
        selector,
    )


@pytest.mark.parametrize("path", ["network.html", "index.html"])
def test_network_of_110_companies_is_legible_on_a_phone(
    browser,  # noqa: F811
    network_url: str,
    path: str,
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(f"{network_url}/{path}")
    first = label_sizes(page, "figure.dossier-graph-figure:not(details *) .dossier-graph")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    every = []
    if path == "network.html":
        page.locator("details.dossier-graph-all summary").click()
        every = label_sizes(page, "details.dossier-graph-all .dossier-graph")
    context.close()
    assert len(first) == 40 and min(first) >= 11, first
    assert overflow <= 0
    if path == "network.html":
        assert len(every) == 110 and min(every) >= 11

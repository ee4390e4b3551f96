"""What a reader notices: counts in words, the 404 page's ways out, who states each
competing claim, area labels (not slugs) in the print book."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from dossier.words import counted, plural

from .test_site import content


def test_counted_takes_the_number_of_its_count() -> None:
    assert [counted(n, "deal") for n in (0, 1, 2)] == ["0 deals", "1 deal", "2 deals"]
    assert counted(1, "company") == "1 company" and counted(3, "company") == "3 companies"
    assert plural("day") == "days" and counted(12_000, "article") == "12,000 articles"
    assert counted(2, "deal or article", "deals and articles") == "2 deals and articles"


def test_no_page_counts_in_deal_s_or_article_s(default_site: Path) -> None:
    pages = [p for p in default_site.rglob("*.html") if "(s)" in p.read_text("utf-8")]
    assert pages == []
    companies = content(default_site, "companies/index.html")
    lines = [li.get_text(" ", strip=True) for li in companies.select("li")]
    counts = [re.search(r"— (\d+) (deals?), (\d+) (articles?)", line) for line in lines]
    assert all(counts), lines
    for match in counts:
        assert (match[1] == "1") == (match[2] == "deal"), match[0]
        assert (match[3] == "1") == (match[4] == "article"), match[0]
    assert any(m[2] == "deal" for m in counts) and any(m[2] == "deals" for m in counts)


def test_404_page_links_home_and_searches(default_site: Path) -> None:
    page = content(default_site, "404.html")
    assert page.h1.get_text(strip=True) == "Page not found"
    # From the site's root: a host serves this page at any missing address, at any depth.
    hrefs = [a["href"] for a in page.select("a")]
    assert "/index.html" in hrefs and "/companies/index.html" in hrefs
    (form,) = page.select("form[role=search]")
    assert form["action"] == "/index.html" and form["method"] == "get"
    (field,) = form.select("input[name=q]")
    assert form.select_one(f"label[for={field['id']}]").get_text(strip=True) == "Search the site"


def test_competing_claims_name_their_outlet(default_site: Path) -> None:
    page = content(default_site, "companies/deepseek.html")
    claims = [li for note in page.select(".dossier-conflict") for li in note.select("li")]
    assert len(claims) >= 2
    for li in claims:
        outlet = li.select_one(".dossier-outlet")
        assert outlet is not None and outlet.get_text(strip=True).strip("()"), li
    named = {li.select_one(".dossier-outlet").get_text(strip=True) for li in claims}
    assert "(凤凰科技 (Phoenix Tech))" in named


def test_marks_are_separated(default_site: Path) -> None:
    html = (default_site / "deals/xiaomi-microsoft-mou-2018.html").read_text("utf-8")
    assert "</sup><sup" not in html
    assert "</sup> <sup" in html


def test_print_book_labels_areas(default_site: Path) -> None:
    page = BeautifulSoup((default_site / "print/index.html").read_text("utf-8"), "html.parser")
    areas = [
        dt.find_next_sibling("dd").get_text(strip=True)
        for dt in page.select("dl.fields dt")
        if dt.get_text(strip=True) == "Areas"
    ]
    assert areas and all(a[0].isupper() for a in areas), areas
    assert any("AI" in a.split(", ") for a in areas), areas

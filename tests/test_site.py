"""The default corpus built end to end: pages, links both ways, every link resolving."""

from __future__ import annotations

import os
import posixpath
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from .conftest import fresh_copy


def soup(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text("utf-8"), "html.parser")


def content(site: Path, rel: str) -> BeautifulSoup:
    article = soup(site, rel).select_one("article.md-content__inner")
    assert article is not None, f"{rel} has no page content"
    return article


def section_links(page: BeautifulSoup, heading_id: str) -> list[str]:
    """Link targets between the heading with ``heading_id`` and the next h2."""
    heading = page.find(id=heading_id)
    assert heading is not None, heading_id
    hrefs = []
    for node in heading.find_all_next():
        if node.name == "h2":
            break
        if node.name == "a":
            hrefs.append(node["href"])
    return hrefs


def test_pages_exist(default_site: Path) -> None:
    for rel in (
        "index.html",
        "companies/index.html",
        "deals/index.html",
        "articles/index.html",
        "timeline.html",
        "companies/xiaomi.html",
        "deals/xiaomi-microsoft-mou-2018.html",
        "articles/ifeng-tech-2026-05-27-xiaomi-pursues-deepseek.html",
        "schemas/deal.schema.json",
        "pagefind/pagefind.js",
        "search-names/00.json",
    ):
        assert (default_site / rel).is_file(), rel


def test_xiaomi_profile_lists_mou_and_its_articles(default_site: Path) -> None:
    page = content(default_site, "companies/xiaomi.html")
    assert page.h1.get_text() == "Xiaomi"
    assert "小米" in page.select_one(".dossier-aliases").get_text()
    assert "../deals/xiaomi-microsoft-mou-2018.html" in section_links(page, "deals")
    articles = {h for h in section_links(page, "articles")}
    # Every article whose briefing names Xiaomi, and no other.
    expected = set()
    for path in sorted((default_site.parent / "briefings/articles").glob("*.md")):
        if "\n  - xiaomi\n" in path.read_text("utf-8"):
            expected.add(f"../articles/{path.stem}.html")
    assert len(expected) == 5
    assert articles == expected
    assert "../companies/microsoft.html".removeprefix("../companies/") in section_links(
        page, "counterparties"
    )


def test_mou_page_lists_both_sources_with_quotes(default_site: Path) -> None:
    page = content(default_site, "deals/xiaomi-microsoft-mou-2018.html")
    sources = page.select("ol.dossier-sources > li")
    assert [li.a["href"] for li in sources] == [
        "../articles/2018-xiaomi-microsoft-ai-cloud-hardware-mou.html",
        "../articles/goodyfeed-2018-02-xiaomi-microsoft-teaming-up.html",
    ]
    assert all(li.blockquote.get_text(strip=True) for li in sources)
    assert "February 2018" in page.get_text()  # month precision, not a made-up day
    parties = [a["href"] for a in page.select(".dossier-fields dd")[0].find_all("a")]
    assert parties == ["../companies/xiaomi.html", "../companies/microsoft.html"]


def test_article_links_back_to_companies_and_deals(default_site: Path) -> None:
    page = content(default_site, "articles/goodyfeed-2018-02-xiaomi-microsoft-teaming-up.html")
    assert "../companies/tencent.html" in section_links(page, "companies")
    assert "../deals/tencent-samsung-joint-investment-2018.html" in section_links(page, "deals")
    assert "Goody Feed" in page.get_text()


def test_deals_table_has_every_deal_once(default_site: Path) -> None:
    rows = content(default_site, "deals/index.html").select("tbody tr")
    slugs = sorted(p.stem for p in (default_site.parent / "briefings/deals").glob("*.md"))
    linked = sorted(Path(r.find_all("td")[1].a["href"]).stem for r in rows)
    assert linked == slugs
    mou = next(r for r in rows if "xiaomi-microsoft-mou-2018" in r.find_all("td")[1].a["href"])
    cells = [td.get_text(" ", strip=True) for td in mou.find_all("td")]
    assert cells[0] == "February 2018" and cells[3] == "MoU" and cells[4] == "agreed"
    assert cells[5] == "2"


def test_timeline_has_a_page_per_year_with_undated_last(default_site: Path) -> None:
    page = content(default_site, "timeline.html")
    years = page.select("ul.dossier-years a")
    assert [a.get_text() for a in years] == ["2015", "2016", "2018", "2024", "2026", "Undated"]
    assert [a["href"] for a in years][-1] == "timeline/undated.html"
    # The latest events, newest first, on the index itself.
    latest = [li.a["href"] for li in page.select("#latest ~ ul.dossier-timeline li")]
    assert set(latest[:2]) == {  # both dated 27 May 2026, the newest date
        "articles/ifeng-tech-2026-05-27-xiaomi-pursues-deepseek.html",
        "deals/xiaomi-deepseek-pursuit-2026.html",
    }
    assert "timeline/" not in "".join(latest)
    year = content(default_site, "timeline/2018.html")
    events = [li.get_text(" ", strip=True) for li in year.select("ul.dossier-timeline li")]
    assert events and all("2018" in e for e in events)
    assert year.select_one("a[href='../timeline.html']") is not None


def test_navigation_lists_sections_not_pages(default_site: Path) -> None:
    tabs = soup(default_site, "index.html").select(".md-tabs__link")
    assert [t.get_text(strip=True) for t in tabs] == [
        "Home",
        "Companies",
        "Deals",
        "Articles",
        "Timeline",
        "Review",
    ]
    nav_links = soup(default_site, "companies/xiaomi.html").select("nav.md-nav--primary a")
    assert not any("deals/xiaomi" in a.get("href", "") for a in nav_links)


def test_no_theme_banner_or_generator_notice(default_site: Path) -> None:
    for page in default_site.rglob("*.html"):
        text = page.read_text("utf-8")
        assert "Material for MkDocs" not in text and "Zensical" not in text, page


def test_every_internal_link_and_anchor_resolves(default_site: Path) -> None:
    anchors: dict[str, set[str]] = {}
    pages = sorted(default_site.rglob("*.html"))
    for page in pages:
        rel = page.relative_to(default_site).as_posix()
        anchors[rel] = {tag["id"] for tag in soup(default_site, rel).find_all(id=True)}
    broken = []
    checked = 0
    for rel, url in [*html_links(default_site, pages), *xml_links(default_site)]:
        if not url or urlsplit(url).scheme or url.startswith("//"):
            continue
        parts = urlsplit(url)
        # 404.html is served at any depth, so MkDocs gives it root-absolute links.
        base = "" if parts.path.startswith("/") else posixpath.dirname(rel)
        path = unquote(parts.path).lstrip("/")
        target = posixpath.normpath(posixpath.join(base, path)) if parts.path else rel
        if target.endswith("/") or (default_site / target).is_dir():
            target = posixpath.join(target, "index.html")
        checked += 1
        if not (default_site / target).is_file():
            broken.append(f"{rel}: {url}")
        elif (
            parts.fragment
            and target.endswith(".html")
            and parts.fragment not in anchors.get(target, set())
        ):
            broken.append(f"{rel}: {url} (no anchor)")
    assert checked > 300
    assert broken == []


def html_links(site: Path, pages: list[Path]) -> Iterator[tuple[str, str]]:
    for page in pages:
        rel = page.relative_to(site).as_posix()
        for tag in soup(site, rel).find_all(["a", "link", "script", "img"]):
            yield rel, tag.get("href") or tag.get("src") or ""


def xml_links(site: Path) -> Iterator[tuple[str, str]]:
    """Links in the Atom feeds and the standalone graph, relative to each file."""
    files = [site / "feed.xml", *sorted((site / "feeds").rglob("*.xml")), site / "network.svg"]
    assert len(files) > 3
    for path in files:
        rel = path.relative_to(site).as_posix()
        for element in ET.parse(path).iter():
            if "href" in element.attrib:
                yield rel, element.attrib["href"]


def test_plain_mkdocs_build_gives_the_same_pages(default_site: Path, tmp_path: Path) -> None:
    """mkdocs.yml alone (as `mkdocs serve` uses it) renders the same site as build.py.

    Plain `mkdocs build` runs in a fresh process on a fresh copy of the inputs, so it
    starts with an empty page cache: it wraps every page itself.
    """
    root = fresh_copy(default_site.parent, tmp_path / "project")
    assert not (root / ".dossier").exists()
    out = tmp_path / "mkdocs-site"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-f",
            str(root / "mkdocs.yml"),
            "-d",
            str(out),
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    ours = {p.relative_to(default_site) for p in default_site.rglob("*.html")}
    theirs = {p.relative_to(out) for p in out.rglob("*.html")}
    assert ours == theirs
    for rel in ours:
        assert (default_site / rel).read_bytes() == (out / rel).read_bytes(), rel


def test_search_finds_briefings_not_the_indexes_that_list_them(default_site: Path) -> None:
    def marked(rel: str) -> bool:
        return content(default_site, rel).select_one("[data-pagefind-body]") is not None

    # Each briefing and the home page are searchable ...
    assert marked("companies/xiaomi.html")
    assert marked("deals/xiaomi-microsoft-mou-2018.html")
    assert marked("articles/ifeng-tech-2026-05-27-xiaomi-pursues-deepseek.html")
    assert marked("index.html")
    # ... the lists of them are not: a search for a company would find every index.
    for listing in ("timeline.html", "deals/index.html", "companies/index.html", "topics/ai.html"):
        assert not marked(listing), listing
    assert not (default_site / "search").exists()  # the theme's one-file index is gone

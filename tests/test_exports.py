"""Feeds, the JSON export and the deals CSV, read back the way a consumer would."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator

from dossier.cli import main

from .conftest import clean_build, copy_project, run_build_py, write

A = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://briefs.example.org/dossier/"


def atom(path: Path) -> ET.Element:
    root = ET.parse(path).getroot()
    assert root.tag == f"{A}feed"
    return root


def check_atom(feed: ET.Element) -> None:
    """RFC 4287's must-haves: id, title, updated on the feed and on every entry; an author."""
    for el in (feed, *feed.findall(f"{A}entry")):
        assert el.findtext(f"{A}id", "").startswith("urn:uuid:")
        assert el.findtext(f"{A}title", "").strip()
        assert el.findtext(f"{A}updated", "").endswith("T00:00:00Z")
        assert len(el.findall(f"{A}link[@rel='alternate']")) == 1
    assert feed.find(f"{A}author/{A}name") is not None
    assert feed.find(f"{A}link[@rel='self']") is not None
    ids = [e.findtext(f"{A}id") for e in feed.findall(f"{A}entry")]
    assert len(ids) == len(set(ids))
    updated = [e.findtext(f"{A}updated") for e in feed.findall(f"{A}entry")]
    assert updated == sorted(updated, reverse=True)
    assert feed.findtext(f"{A}updated") == max(updated)


@pytest.fixture(scope="module")
def site_with_url(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("with-url"))
    config = root / "mkdocs.yml"
    config.write_text(f"site_url: {SITE_URL}\n" + config.read_text("utf-8"), "utf-8")
    assert main(["--root", str(root), "build"]) == 0
    return root / "site"


def test_site_feed_has_every_article_and_deal_with_relative_links(default_site: Path) -> None:
    feed = atom(default_site / "feed.xml")
    check_atom(feed)
    corpus = default_site.parent / "briefings"
    expected = {f"articles/{p.stem}.html" for p in (corpus / "articles").glob("*.md")}
    expected |= {f"deals/{p.stem}.html" for p in (corpus / "deals").glob("*.md")}
    links = {e.find(f"{A}link").get("href") for e in feed.findall(f"{A}entry")}
    assert links == expected  # relative to feed.xml at the site root; each file exists
    assert all((default_site / link).is_file() for link in links)
    assert feed.find(f"{A}link[@rel='self']").get("href") == "feed.xml"
    # Dates from the corpus: the 2026 report is dated by its publication day.
    ifeng = next(e for e in feed.findall(f"{A}entry") if "ifeng" in e.find(f"{A}link").get("href"))
    assert ifeng.findtext(f"{A}published") == "2026-05-27T00:00:00Z"
    assert "小米" in ifeng.findtext(f"{A}title")


def test_company_feed_lists_its_articles_and_deals(default_site: Path) -> None:
    feed = atom(default_site / "feeds/companies/tencent.xml")
    check_atom(feed)
    links = [e.find(f"{A}link").get("href") for e in feed.findall(f"{A}entry")]
    assert links == [
        "../../deals/tencent-samsung-joint-investment-2018.html",
        "../../articles/goodyfeed-2018-02-xiaomi-microsoft-teaming-up.html",
    ]
    feed_dir = default_site / "feeds/companies"
    assert all((feed_dir / link).resolve().is_file() for link in links)
    companies = sorted(p.stem for p in (default_site.parent / "briefings/companies").glob("*.md"))
    assert sorted(p.stem for p in feed_dir.glob("*.xml")) == companies


def test_with_site_url_feeds_are_absolute_and_pages_canonical(
    site_with_url: Path, default_site: Path
) -> None:
    feed = atom(site_with_url / "feed.xml")
    check_atom(feed)
    hrefs = [link.get("href") for link in feed.iter(f"{A}link")]
    assert hrefs and all(h.startswith(SITE_URL) for h in hrefs)
    assert all((site_with_url / h.removeprefix(SITE_URL)).is_file() for h in hrefs)
    # Entry ids do not depend on where the site is published.
    plain = atom(default_site / "feed.xml")
    ids = [e.findtext(f"{A}id") for e in feed.iter(f"{A}entry")]
    assert ids == [e.findtext(f"{A}id") for e in plain.iter(f"{A}entry")]
    assert plain.find(f"{A}link").get("href") != feed.find(f"{A}link").get("href")
    page = BeautifulSoup(
        (site_with_url / "companies/xiaomi.html").read_text("utf-8"), "html.parser"
    )
    assert page.find("link", rel="canonical")["href"] == SITE_URL + "companies/xiaomi.html"
    assert page.find("meta", property="og:url")["content"] == SITE_URL + "companies/xiaomi.html"
    sitemap = ET.parse(site_with_url / "sitemap.xml").getroot()
    locs = {e.text for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert SITE_URL + "companies/xiaomi.html" in locs and SITE_URL + "topics/ai.html" in locs


def test_without_site_url_no_canonical_and_empty_sitemap(default_site: Path) -> None:
    page = BeautifulSoup((default_site / "companies/xiaomi.html").read_text("utf-8"), "html.parser")
    assert page.find("link", rel="canonical") is None
    assert page.find("meta", property="og:url") is None
    sitemap = ET.parse(default_site / "sitemap.xml").getroot()
    assert list(sitemap) == []


def test_sharing_tags_come_from_the_page(default_site: Path) -> None:
    page = BeautifulSoup(
        (default_site / "deals/xiaomi-microsoft-mou-2018.html").read_text("utf-8"), "html.parser"
    )
    h1 = page.select_one("article h1").get_text()
    assert page.title.get_text().startswith(h1)
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description.startswith("In February 2018 Xiaomi and Microsoft")
    assert page.find("meta", property="og:title")["content"] == h1
    assert page.find("meta", property="og:description")["content"] == description
    feed = page.find("link", rel="alternate", type="application/atom+xml")
    assert feed["href"] == "../feed.xml"


def export(site: Path) -> dict:
    return json.loads((site / "data/dossier.json").read_text("utf-8"))


def test_json_export_matches_its_published_schema(default_site: Path) -> None:
    schema = json.loads((default_site / "schemas/export.schema.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    data = export(default_site)
    errors = [e.message for e in Draft202012Validator(schema).iter_errors(data)]
    assert errors == []
    assert (default_site / "data" / data["$schema"]).resolve() == (
        default_site / "schemas/export.schema.json"
    ).resolve()
    bad = {**data, "deals": [{**data["deals"][0], "status": "maybe"}]}
    assert not Draft202012Validator(schema).is_valid(bad)  # the schema does constrain


def test_json_export_matches_the_pages(default_site: Path) -> None:
    data = export(default_site)
    briefings = default_site.parent / "briefings"
    for kind, key in (("companies", "name"), ("deals", "title"), ("articles", "title")):
        items = data[kind]
        assert sorted(i["slug"] for i in items) == sorted(
            p.stem for p in (briefings / kind).glob("*.md")
        )
        for item in items:
            page = BeautifulSoup((default_site / item["page"]).read_text("utf-8"), "html.parser")
            assert page.select_one("article h1").get_text() == item[key], item["slug"]
    mou = next(d for d in data["deals"] if d["slug"] == "xiaomi-microsoft-mou-2018")
    assert mou["announced"] == "2018-02" and mou["status"] == "agreed"
    assert [s["article"] for s in mou["sources"]] == [
        "2018-xiaomi-microsoft-ai-cloud-hardware-mou",
        "goodyfeed-2018-02-xiaomi-microsoft-teaming-up",
    ]
    xiaomi = next(c for c in data["companies"] if c["slug"] == "xiaomi")
    assert "小米" in xiaomi["aliases"]
    # Sources that disagree travel with the data: DeepSeek's owner is two claims, unresolved.
    deepseek = next(c for c in data["companies"] if c["slug"] == "deepseek")
    parent = next(f for f in deepseek["facts"] if f["name"] == "parent")
    assert len({c["value"] for c in parent["claims"]}) == 2 and parent["resolved"] is None
    # ... and so does the reviewer's acknowledgement that they stay open
    assert parent["disputed"]["reason"].startswith("The 2024 report calls DeepSeek")
    assert parent["disputed"]["by"] == "Dossier editors"
    assert all(a["rejected"] == [] for a in data["articles"])
    assert {c["source"] for c in parent["claims"]} <= {a["slug"] for a in data["articles"]}


def test_deals_csv_has_one_row_per_deal(default_site: Path) -> None:
    text = (default_site / "data/deals.csv").read_text("utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    data = export(default_site)
    assert [r["slug"] for r in rows] == [d["slug"] for d in data["deals"]]
    huawei = next(r for r in rows if r["slug"] == "huawei-xiaomi-deepseek-2024")
    assert (
        huawei["title"]
        == 'Claimed extension of Huawei\'s "DeepSeek" AI features to 25 Xiaomi phones'
    )
    assert huawei["parties"] == "huawei (licensor); xiaomi (licensee)"
    assert huawei["status"] == "rumored" and huawei["announced"] == "2024-10-07"


def test_article_text_stays_text_in_feeds_exports_and_sharing_tags(minimal: Path) -> None:
    article = minimal / "briefings/articles/wire-2024-05-01-globex-acme.md"
    hostile = '<script>alert(1)</script> "quoted" & {{ 7*7 }}'
    text = article.read_text("utf-8").replace("title: Globex to buy Acme", f"title: '{hostile}'")
    article.write_text(
        text.replace("Globex agreed", "<img src=x onerror=alert(2)> Globex"), "utf-8"
    )
    assert main(["--root", str(minimal), "build"]) == 0
    site = minimal / "site"
    feed = atom(site / "feed.xml")
    entry = next(
        e for e in feed.findall(f"{A}entry") if "articles/" in e.find(f"{A}link").get("href")
    )
    assert entry.findtext(f"{A}title") == hostile
    content = entry.findtext(f"{A}content")  # HTML as escaped text: the img tag stays text
    assert "&lt;img src=x onerror=alert(2)&gt;" in content and "<img" not in content
    assert export(site)["articles"][0]["title"] == hostile
    raw = (site / "articles/wire-2024-05-01-globex-acme.html").read_text("utf-8")
    page = BeautifulSoup(raw, "html.parser")
    assert page.find("meta", property="og:title")["content"] == hostile
    assert "<script>alert(1)" not in raw


def test_deal_title_cannot_become_a_spreadsheet_formula(minimal: Path) -> None:
    deal = minimal / "briefings/deals/globex-acme-2024.md"
    formula = '=HYPERLINK("http://evil.example","x")'
    text = deal.read_text("utf-8").replace("title: Globex acquires Acme", f"title: '{formula}'")
    deal.write_text(text, "utf-8")
    assert main(["--root", str(minimal), "build"]) == 0
    rows = list(csv.DictReader((minimal / "site/data/deals.csv").read_text("utf-8").splitlines()))
    assert rows[0]["title"] == "'" + formula
    assert export(minimal / "site")["deals"][0]["title"] == formula  # JSON keeps it as written


def test_export_memos_are_read_back_only_by_the_same_code(tmp_path: Path) -> None:
    from dossier.exports import ExportMemos

    path = tmp_path / "exports.pickle"
    memos = ExportMemos()
    memos.records.get("digest-1", lambda: '{"slug": "acme"}')
    memos.save(path, "code-1")
    assert ExportMemos.load(path, "code-1").records.now == {"digest-1": '{"slug": "acme"}'}
    assert ExportMemos.load(path, "code-2").records.now == {}  # another version of Dossier
    path.write_bytes(b"not a pickle")
    assert ExportMemos.load(path, "code-1").records.now == {}  # damaged: made again


def test_company_feeds_linked_by_their_inputs_as_a_clean_build(
    minimal: Path, tmp_path: Path
) -> None:
    """build.py links a company's feed from the last site while what it is made of (its
    company, articles and deals, the fallback date, site_url, Dossier's code) is
    unchanged, and makes it again otherwise: after an article is edited, and after
    site_url is set, every feed equals that of a build of a fresh copy, in a fresh
    process, with an empty cache."""
    write(minimal, "briefings/companies/initech.md", INITECH)
    run_build_py(minimal, "build")
    feeds = minimal / "site/feeds/companies"
    before = {p.name: p.stat().st_ino for p in feeds.glob("*.xml")}
    assert sorted(before) == ["acme.xml", "globex.xml", "initech.xml"]
    article = minimal / "briefings/articles/wire-2024-05-01-globex-acme.md"
    article.write_text(
        article.read_text("utf-8").replace("Globex agreed to buy Acme.", "Globex will buy Acme."),
        "utf-8",
    )
    run_build_py(minimal, "build")
    after = {p.name: p.stat().st_ino for p in feeds.glob("*.xml")}
    assert after["initech.xml"] == before["initech.xml"]  # its inputs unchanged: linked
    assert after["acme.xml"] != before["acme.xml"]
    assert "Globex will buy Acme." in (feeds / "acme.xml").read_text("utf-8")
    _same_feeds(minimal, clean_build(minimal, tmp_path / "clean"))
    config = minimal / "mkdocs.yml"  # every link in every feed becomes absolute
    config.write_text(f"site_url: {SITE_URL}\n" + config.read_text("utf-8"), "utf-8")
    run_build_py(minimal, "build")
    assert SITE_URL in (feeds / "initech.xml").read_text("utf-8")
    _same_feeds(minimal, clean_build(minimal, tmp_path / "clean-url"))


INITECH = """---
name: Initech
review: {status: reviewed}
---
Initech makes reports.
"""


def _same_feeds(root: Path, clean: Path) -> None:
    names = sorted(p.relative_to(clean).as_posix() for p in clean.rglob("*.xml"))
    assert "feeds/companies/initech.xml" in names and "feed.xml" in names
    for name in names:
        assert (root / "site" / name).read_text("utf-8") == (clean / name).read_text("utf-8")

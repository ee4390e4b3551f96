"""Atom feeds (RFC 4287): one of every briefing and deal, and one per company.

Dates come from the corpus, never the clock. Atom needs full timestamps, so a date
known to the month or year is written as its first day at 00:00 UTC; an undated item
uses its review date, else the corpus's newest date. Entry ids are ``urn:uuid`` values
derived from the slug, so they stay the same when the site moves. Links are absolute
when mkdocs.yml sets ``site_url``; without it they are relative references, which
Atom allows and feed readers resolve against the feed's own address.
"""

from __future__ import annotations

import functools
import posixpath
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass

from .. import sitepaths
from ..dates import PartialDate
from ..model import Article, Deal
from ..render.markdown import to_html
from ..views import Views

ATOM = "http://www.w3.org/2005/Atom"
_NS = uuid.UUID("5b0d6c0e-7d61-4c1e-9a51-3d0c8e7f2a10")  # fixed: ids must never change


@dataclass(frozen=True)
class _Entry:
    key: str  # stable id source
    title: str
    page: str  # site path of the item's page
    published: PartialDate | None
    updated: PartialDate
    html: str
    authors: tuple[str, ...]
    categories: tuple[str, ...]


def _stamp(d: PartialDate) -> str:
    return f"{d.year:04d}-{d.month or 1:02d}-{d.day or 1:02d}T00:00:00Z"


def _urn(key: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_NS, key)}"


@functools.cache
def _summary_html(text: str) -> str:
    # An article is in the main feed and in each of its companies' feeds: convert it once
    # (at 10,000 articles, repeated conversions were most of the feeds' time).
    return str(to_html(text))


def _article_entry(a: Article, fallback: PartialDate) -> _Entry:
    byline = a.author or a.outlet
    return _Entry(
        f"article:{a.slug}",
        a.title,
        f"articles/{a.slug}.html",
        a.published,
        a.published or a.review.date or fallback,
        _summary_html(a.summary),
        (byline,) if byline else (),
        a.topics,
    )


def _deal_entry(d: Deal, fallback: PartialDate) -> _Entry:
    return _Entry(
        f"deal:{d.slug}",
        f"Deal ({d.status}): {d.title}",
        f"deals/{d.slug}.html",
        d.date,
        d.closed or d.date or d.review.date or fallback,
        _summary_html(d.summary),
        (),
        d.areas,
    )


_fallbacks: dict[int, PartialDate] = {}  # corpus id → its date, for one feed_files call


def _fallback(views: Views) -> PartialDate:
    # as_of() scans the whole corpus and there is a feed per company: once per build, not
    # once per feed (quadratic: 13 s of the feeds' time at 10,000 articles).
    key = id(views.corpus)
    if key not in _fallbacks:
        _fallbacks[key] = views.corpus.as_of() or PartialDate(1970)
    return _fallbacks[key]


def _entries(views: Views, articles: Iterable[Article], deals: Iterable[Deal]) -> list[_Entry]:
    fallback = _fallback(views)
    entries = [_article_entry(a, fallback) for a in articles]
    entries += [_deal_entry(d, fallback) for d in deals]
    entries.sort(key=lambda e: (e.updated, e.key), reverse=True)
    return entries


class _Links:
    """Site paths as feed links: absolute under site_url, else relative to the feed."""

    def __init__(self, site_url: str | None, feed_path: str) -> None:
        self.base = site_url.rstrip("/") + "/" if site_url else None
        self.folder = posixpath.dirname(feed_path) or "."

    def __call__(self, path: str) -> str:
        return self.base + path if self.base else posixpath.relpath(path, self.folder)


def _feed(
    views: Views, path: str, title: str, page: str, entries: list[_Entry], site_url: str | None
) -> str:
    url = _Links(site_url, path)
    feed = ET.Element("feed", xmlns=ATOM)
    ET.SubElement(feed, "id").text = _urn(f"feed:{path}")
    ET.SubElement(feed, "title").text = title
    newest = max((e.updated for e in entries), default=None) or views.corpus.as_of()
    ET.SubElement(feed, "updated").text = _stamp(newest or PartialDate(1970))
    ET.SubElement(ET.SubElement(feed, "author"), "name").text = "Dossier"
    ET.SubElement(feed, "link", rel="self", type="application/atom+xml", href=url(path))
    ET.SubElement(feed, "link", rel="alternate", type="text/html", href=url(page))
    ET.SubElement(feed, "generator").text = "Dossier"
    for e in entries:
        entry = ET.SubElement(feed, "entry")
        ET.SubElement(entry, "id").text = _urn(e.key)
        ET.SubElement(entry, "title").text = e.title
        ET.SubElement(entry, "link", rel="alternate", type="text/html", href=url(e.page))
        if e.published:
            ET.SubElement(entry, "published").text = _stamp(e.published)
        ET.SubElement(entry, "updated").text = _stamp(e.updated)
        for name in e.authors:
            ET.SubElement(ET.SubElement(entry, "author"), "name").text = name
        for term in e.categories:
            ET.SubElement(entry, "category", term=term)
        ET.SubElement(entry, "content", type="html").text = e.html
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def feed_files(views: Views, site_url: str | None) -> list[tuple[str, str]]:
    _summary_html.cache_clear()  # one build's summaries at a time (serve runs many builds)
    _fallbacks.clear()
    files = [
        (
            sitepaths.FEED,
            _feed(
                views,
                sitepaths.FEED,
                "Dossier: new briefings and deals",
                "index.html",
                _entries(views, views.articles_newest_first, views.deals_newest_first),
                site_url,
            ),
        )
    ]
    for company in views.companies_by_name:
        path = sitepaths.company_feed(company.slug)
        entries = _entries(views, views.articles_of[company.slug], views.deals_of[company.slug])
        title = f"Dossier: {company.name}"
        page = f"companies/{company.slug}.html"
        files.append((path, _feed(views, path, title, page, entries, site_url)))
    return files

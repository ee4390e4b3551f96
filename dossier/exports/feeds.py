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
import hashlib
import posixpath
import uuid
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from .. import sitepaths
from ..dates import PartialDate
from ..memo import BuildMemo
from ..model import Article, Company, Deal
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
    summary: str  # markdown: made HTML only when the entry is written (FeedWriter._summary)
    authors: tuple[str, ...]
    categories: tuple[str, ...]


def _stamp(d: PartialDate) -> str:
    return f"{d.year:04d}-{d.month or 1:02d}-{d.day or 1:02d}T00:00:00Z"


def _urn(key: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_NS, key)}"


def _summary_html(text: str) -> str:
    return str(to_html(text))


def _article_entry(a: Article, fallback: PartialDate) -> _Entry:
    byline = a.author or a.outlet
    return _Entry(
        f"article:{a.slug}",
        a.title,
        f"articles/{a.slug}.html",
        a.published,
        a.published or a.review.date or fallback,
        a.summary,
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
        d.summary,
        (),
        d.areas,
    )


_Keyed = tuple[_Entry, tuple[str, PartialDate]]  # an entry and its record's key


def _rkey(record: Article | Deal | Company) -> str:
    return record.origin.digest or repr(record)  # digest: the hash of the record's file


class _Links:
    """Site paths as feed links: absolute under site_url, else relative to the feed."""

    def __init__(self, site_url: str | None, feed_path: str) -> None:
        self.base = site_url.rstrip("/") + "/" if site_url else None
        self.folder = posixpath.dirname(feed_path) or "."
        self.key = self.base or self.folder  # feeds with the same key link the same way

    def __call__(self, path: str) -> str:
        return self.base + path if self.base else posixpath.relpath(path, self.folder)


def _entry(e: _Entry, url: _Links, summary: Callable[[str], str]) -> str:
    lines = [
        "  <entry>",
        f"    <id>{_urn(e.key)}</id>",
        f"    <title>{escape(e.title)}</title>",
        f'    <link rel="alternate" type="text/html" href={quoteattr(url(e.page))} />',
    ]
    if e.published:
        lines.append(f"    <published>{_stamp(e.published)}</published>")
    lines.append(f"    <updated>{_stamp(e.updated)}</updated>")
    for name in e.authors:
        lines += ["    <author>", f"      <name>{escape(name)}</name>", "    </author>"]
    lines += [f"    <category term={quoteattr(term)} />" for term in e.categories]
    lines += [f'    <content type="html">{escape(summary(e.summary))}</content>', "  </entry>"]
    return "\n".join(lines)


@dataclass
class KeptFeeds:
    """Company feeds keyed by their inputs, for ``build.py``: a feed the last site holds
    under the same key is linked from there and not made, nor read or hashed (at 10,000
    articles, 1,000 feeds of 100 MB, of which an edit changes two or three)."""

    held: Callable[[str, str], bool]  # (site path, key): the last site's file has that key
    tag: str  # Dossier's code: a feed made by other code has another key
    keys: dict[str, str] = field(default_factory=dict)  # every company feed's, by site path
    # Feeds not made, by site path: made only if linking the last site's file fails.
    unmade: dict[str, Callable[[], str]] = field(default_factory=dict)

    def key(self, inputs: Hashable) -> str:
        return "inputs:" + hashlib.sha256(f"{self.tag}\0{inputs!r}".encode()).hexdigest()


class FeedWriter:
    """The feeds of a corpus, each part made once and kept for the next build.

    A company's articles are in the main feed and in its own, and under ``serve`` most
    of them are unchanged from the last build: each summary is converted, and each
    entry written, once (at 10,000 articles, repeated work was most of the feeds' time).
    """

    def __init__(self) -> None:
        self._summaries: BuildMemo[str] = BuildMemo()
        self._entry_xml: BuildMemo[str] = BuildMemo()  # entries of company feeds
        # The main feed's entries as written: kept on disk too (it has every record; in
        # a fresh process, writing its 10,500 entries again took 0.6 s of an edit's build)
        self.main_entry_xml: BuildMemo[str] = BuildMemo()
        self.company_feeds: BuildMemo[str] = BuildMemo()  # not on disk: see KeptFeeds
        self.entries: BuildMemo[_Entry] = BuildMemo()  # entries by record

    def feed_files(
        self, views: Views, site_url: str | None, kept: KeptFeeds | None = None
    ) -> list[tuple[str, str]]:
        """Each feed's site path and text; a feed ``kept`` holds has an empty text."""
        memos = (self._summaries, self._entry_xml, self.main_entry_xml)
        for memo in (*memos, self.company_feeds, self.entries):
            memo.next_build()
        # as_of() scans the whole corpus and there is a feed per company: once per build,
        # not once per feed (quadratic: 13 s of the feeds' time at 10,000 articles).
        fallback = views.corpus.as_of() or PartialDate(1970)
        everything = self._entries(fallback, views.articles_newest_first, views.deals_newest_first)
        files = [
            (
                sitepaths.FEED,
                self._feed(
                    views,
                    sitepaths.FEED,
                    "Dossier: new briefings and deals",
                    "index.html",
                    everything,
                    site_url,
                ),
            )
        ]
        for company in views.companies_by_name:
            articles, deals = views.articles_of[company.slug], views.deals_of[company.slug]
            # A feed is a function of its company, articles, deals and the fallback date:
            # unchanged ones are taken whole from the last build.
            key = (
                _rkey(company),
                tuple(map(_rkey, articles)),
                tuple(map(_rkey, deals)),
                fallback.iso(),
                site_url,
            )
            path = sitepaths.company_feed(company.slug)

            def make(
                company: Company = company,
                path: str = path,
                articles: tuple[Article, ...] = articles,
                deals: tuple[Deal, ...] = deals,
            ) -> str:
                entries = self._entries(fallback, articles, deals)
                title, page = f"Dossier: {company.name}", f"companies/{company.slug}.html"
                return self._feed(views, path, title, page, entries, site_url)

            if kept is not None:
                kept.keys[path] = kept.key(key)
                if kept.held(path, kept.keys[path]):
                    kept.unmade[path] = make
                    files.append((path, ""))
                    continue
            files.append((path, self.company_feeds.get(key, make)))
        return files

    def _summary(self, text: str) -> str:
        return self._summaries.get(text, lambda: _summary_html(text))

    def _entries(
        self, fallback: PartialDate, articles: Iterable[Article], deals: Iterable[Deal]
    ) -> list[_Keyed]:
        entries = [self._entry_of(a, fallback, _article_entry) for a in articles]
        entries += [self._entry_of(d, fallback, _deal_entry) for d in deals]
        entries.sort(key=lambda e: (e[0].updated, e[0].key), reverse=True)
        return entries

    def _entry_of(
        self, record: Article | Deal, fallback: PartialDate, make: Callable[..., _Entry]
    ) -> _Keyed:
        # A record is in the main feed and in each of its companies' feeds: made once.
        key = (_rkey(record), fallback)
        return self.entries.get(key, lambda: make(record, fallback)), key

    def _feed(
        self,
        views: Views,
        path: str,
        title: str,
        page: str,
        entries: list[_Keyed],
        site_url: str | None,
    ) -> str:
        url = _Links(site_url, path)
        newest = max((e.updated for e, _ in entries), default=None) or views.corpus.as_of()
        head = [
            "<?xml version='1.0' encoding='utf-8'?>",
            f"<feed xmlns={quoteattr(ATOM)}>",
            f"  <id>{_urn(f'feed:{path}')}</id>",
            f"  <title>{escape(title)}</title>",
            f"  <updated>{_stamp(newest or PartialDate(1970))}</updated>",
            "  <author>",
            "    <name>Dossier</name>",
            "  </author>",
            f'  <link rel="self" type="application/atom+xml" href={quoteattr(url(path))} />',
            f'  <link rel="alternate" type="text/html" href={quoteattr(url(page))} />',
            "  <generator>Dossier</generator>",
        ]
        written = self.main_entry_xml if path == sitepaths.FEED else self._entry_xml
        entry = functools.partial(_entry, url=url, summary=self._summary)
        body = [written.get((*k, url.key), functools.partial(entry, e)) for e, k in entries]
        # (One join: adding the last newline copied the main feed's 38 MB at 10,000 articles.)
        return "\n".join([*head, *body, "</feed>", ""])

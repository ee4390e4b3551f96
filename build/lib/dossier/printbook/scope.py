"""What goes into a briefing book: the whole corpus, some companies, or what happened since a date.

A ``Book`` is the print document's model, chosen from ``Views`` once, so the template only
lays it out. Lists keep the orders ``Views`` gives them (companies A–Z, deals and articles
newest first) so two runs print the same book.
"""

from __future__ import annotations

import calendar
import datetime
import difflib
from dataclasses import dataclass
from functools import cached_property

from ..dates import PartialDate
from ..errors import DossierError
from ..model import Article, Company, Deal
from ..views import Event, Views


@dataclass(frozen=True)
class Scope:
    """The reader's selection: company slugs (empty: all) and a start date (None: all time)."""

    companies: tuple[str, ...] = ()
    since: PartialDate | None = None

    def describe(self, views: Views) -> str:
        """The scope in words for the cover, e.g. "Xiaomi, since 1 January 2024"."""
        parts = [", ".join(views.corpus.companies[s].name for s in self.companies)]
        if self.since:
            parts.append(f"since {self.since.human()}")
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class Book:
    views: Views
    scope: Scope
    companies: tuple[Company, ...]  # one section each, A–Z
    deals: tuple[Deal, ...]  # one section each, newest first
    articles: tuple[Article, ...]  # the appendix of sources, newest first
    timelines: dict[str, tuple[Event, ...]]  # company slug → its events in scope
    deals_of: dict[str, tuple[Deal, ...]]  # company slug → its deals in scope

    @property
    def as_of(self) -> PartialDate | None:
        return self.views.corpus.as_of()

    @property
    def newest(self) -> tuple[Deal, ...]:
        return self.deals[:5]

    @property
    def most_cited(self) -> tuple[Deal, ...]:
        """Deals reported by more than one article, best sourced first."""
        cited = [d for d in self.deals if len(d.sources) > 1]
        return tuple(sorted(cited, key=lambda d: -len(d.sources))[:5])  # stable: newest first

    @property
    def unconfirmed(self) -> tuple[Deal, ...]:
        return tuple(d for d in self.deals if d.status == "rumored")

    @property
    def drafts(self) -> tuple[Company | Deal, ...]:
        briefings: tuple[Company | Deal, ...] = (*self.companies, *self.deals)
        return tuple(x for x in briefings if x.review.status == "draft")

    def has(self, kind: str, slug: str) -> bool:
        """Whether the book has a section (or appendix entry) to point a cross-reference at."""
        return (kind, slug) in self._sections

    @cached_property
    def _sections(self) -> frozenset[tuple[str, str]]:
        # A set, not a scan per cross-reference: the whole-corpus book has tens of
        # thousands of them (a scan each took 80 s at 10,000 articles).
        pools: dict[str, tuple[Company | Deal | Article, ...]] = {
            "company": self.companies,
            "deal": self.deals,
            "article": self.articles,
        }
        return frozenset((kind, x.slug) for kind, pool in pools.items() for x in pool)


def select(views: Views, scope: Scope) -> Book:
    """The book for ``scope``; an unknown company or an empty selection is a DossierError."""
    corpus = views.corpus
    _check_companies(views, scope.companies)
    wanted = set(scope.companies) or set(corpus.companies)

    def in_window(date: PartialDate | None) -> bool:
        return scope.since is None or (date is not None and _end(date) >= _start(scope.since))

    deals = tuple(
        d
        for d in views.deals_newest_first
        if in_window(d.date) and wanted & {p.company for p in d.parties}
    )
    deal_slugs = {d.slug for d in deals}
    timelines: dict[str, tuple[Event, ...]] = {}
    deals_of: dict[str, tuple[Deal, ...]] = {}
    for company in views.companies_by_name:
        if company.slug not in wanted:
            continue
        events = tuple(
            e
            for e in views.company_timeline(company.slug)
            if (e.slug in deal_slugs if e.kind == "deal" else in_window(e.date))
        )
        if scope.since and not events:
            continue  # nothing happened to it in the window: no section
        timelines[company.slug] = events
        deals_of[company.slug] = tuple(d for d in views.deals_of[company.slug] if d in deals)
    companies = tuple(c for c in views.companies_by_name if c.slug in timelines)
    if not companies and not deals:
        raise DossierError(_empty_message(views, scope))
    cited = {s.article for d in deals for s in d.sources}
    cited |= {e.slug for events in timelines.values() for e in events if e.kind == "article"}
    cited |= {f.source for c in companies for f in c.facts if f.source}
    articles = tuple(a for a in views.articles_newest_first if a.slug in cited)
    return Book(views, scope, companies, deals, articles, timelines, deals_of)


def _check_companies(views: Views, slugs: tuple[str, ...]) -> None:
    known = sorted(views.corpus.companies)
    for slug in slugs:
        if slug not in views.corpus.companies:
            close = difflib.get_close_matches(slug, known, n=1)
            hint = (
                f"did you mean '{close[0]}'?"
                if close
                else "use a file name from briefings/companies/;"
            )
            raise DossierError(
                f"--company {slug}: no such company ({hint} known: {', '.join(known)})"
            )


def _empty_message(views: Views, scope: Scope) -> str:
    what = scope.describe(views) or "the corpus"
    return (
        f"nothing to print ({what}): no company or deal is in that selection "
        "(choose an earlier --since or other --company slugs)"
    )


def _start(date: PartialDate) -> datetime.date:
    return datetime.date(date.year, date.month or 1, date.day or 1)


def _end(date: PartialDate) -> datetime.date:
    """The last day a partial date may mean: "2018" may be any day up to 31 December 2018."""
    month = date.month or 12
    return datetime.date(date.year, month, date.day or calendar.monthrange(date.year, month)[1])

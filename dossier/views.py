"""The model stage: relations derived from a Corpus, computed once for every renderer.

The loader keeps only what files say; here we work out what follows from it: a
company's deals and articles, its counterparties, the year-by-year timeline.
Every list is in a fixed order so the built site is byte-identical run to run.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from .claims import Conflict, find_conflicts
from .dates import PartialDate
from .model import Article, Company, Corpus, Deal
from .provenance import Citation, citations
from .slugs import fold


@dataclass(frozen=True)
class Event:
    """One dated line of a timeline: a deal announced or closed, an article published."""

    date: PartialDate | None
    label: str
    kind: str  # "deal" | "article"
    slug: str


@dataclass(frozen=True)
class Passage:
    """A sentence of an article that facts or deals cite, and who cites it."""

    quote: str
    anchor: str
    cited_by: tuple[Citation, ...]


@dataclass(frozen=True)
class Views:
    corpus: Corpus
    deals_of: dict[str, tuple[Deal, ...]]
    articles_of: dict[str, tuple[Article, ...]]
    counterparties_of: dict[str, tuple[Company, ...]]
    articles_of_deal: dict[str, tuple[Article, ...]]
    deals_newest_first: tuple[Deal, ...]
    articles_newest_first: tuple[Article, ...]
    companies_by_name: tuple[Company, ...]
    timeline: tuple[tuple[int | None, tuple[Event, ...]], ...]
    conflicts: tuple[Conflict, ...]
    passages_of: dict[str, tuple[Passage, ...]]

    def conflicts_of(self, kind: str, slug: str) -> dict[str, Conflict]:
        """This company's or deal's conflicts, open or resolved, by field name."""
        return dict(self._conflicts_by_owner.get((kind, slug), {}))

    # Indexes built on first use: a scan of every conflict or event per page would make
    # rendering quadratic in the corpus (minutes at 10,000 articles).
    @cached_property
    def _conflicts_by_owner(self) -> dict[tuple[str, str], dict[str, Conflict]]:
        owners: dict[tuple[str, str], dict[str, Conflict]] = defaultdict(dict)
        for c in self.conflicts:
            owners[c.kind, c.slug][c.field] = c
        return owners

    @cached_property
    def _timeline_by_company(self) -> dict[str, list[Event]]:
        companies: dict[str, list[Event]] = defaultdict(list)
        for _, events in self.timeline:
            for e in events:
                if e.kind == "deal":
                    slugs = {p.company for p in self.corpus.deals[e.slug].parties}
                else:
                    slugs = set(self.corpus.articles[e.slug].companies)
                for slug in slugs:
                    companies[slug].append(e)
        return companies

    def open_conflicts(self) -> tuple[Conflict, ...]:
        return tuple(c for c in self.conflicts if c.is_open)

    def independent_outlets(self, deal: Deal) -> int:
        """How many independent sources report ``deal``.

        Articles from the same outlet count once, and so do syndicated copies: articles
        whose seed text is the same, whatever outlet ran them.
        """
        groups: list[set[str]] = []
        for source in deal.sources:
            article = self.corpus.articles[source.article]
            keys = {f"article:{article.slug}"}
            if article.outlet:
                keys.add(f"outlet:{fold(article.outlet)}")
            if article.slug in self.corpus.seed_digests:
                keys.add(f"text:{self.corpus.seed_digests[article.slug]}")
            joined = [g for g in groups if g & keys]
            for g in joined:
                groups.remove(g)
                keys |= g
            groups.append(keys)
        return len(groups)

    def companies_by_letter(self) -> tuple[tuple[str, tuple[Company, ...]], ...]:
        """Companies A–Z grouped by initial; names not starting with A–Z go under '#'."""
        groups: dict[str, list[Company]] = defaultdict(list)
        for company in self.companies_by_name:
            initial = unicodedata.normalize("NFKD", company.name)[:1].upper()
            groups[initial if "A" <= initial <= "Z" else "#"].append(company)
        return tuple((letter, tuple(groups[letter])) for letter in sorted(groups))

    def company_timeline(self, slug: str) -> tuple[Event, ...]:
        return tuple(self._timeline_by_company.get(slug, ()))

    def drafts(self, kind: str) -> tuple[Company | Deal | Article, ...]:
        """Companies, deals or articles awaiting review, in the order of their index."""
        items = {
            "company": self.companies_by_name,
            "deal": self.deals_newest_first,
            "article": self.articles_newest_first,
        }[kind]
        return tuple(x for x in items if x.review.status == "draft")

    @cached_property
    def articles_by_year(self) -> tuple[tuple[str, str, tuple[Article, ...]], ...]:
        """(slug, label, articles) per publication year, newest first; undated last.

        The article index lists the years and the newest briefings; each year has its
        own page, so neither grows with the whole corpus (nor is rendered again for
        every edit of any article).
        """
        years: dict[int | None, list[Article]] = defaultdict(list)
        for a in self.articles_newest_first:
            years[a.published.year if a.published else None].append(a)
        return tuple(
            (str(year) if year else "undated", str(year) if year else "Undated", tuple(items))
            for year, items in years.items()
        )

    def article_years(self) -> tuple[tuple[str, str, int], ...]:
        """(slug, label, number of articles) per year, for the article index."""
        return tuple((slug, label, len(items)) for slug, label, items in self.articles_by_year)


_EARLIEST = PartialDate(1)


def _newest_first(date: PartialDate | None, slug: str) -> tuple[bool, PartialDate, str]:
    # Undated items go last; ties break on slug so order never depends on file order.
    return (date is not None, date or _EARLIEST, slug)


def deal_order(deal: Deal) -> tuple[bool, PartialDate, str]:
    """Sort key of ``deals_newest_first`` (with ``reverse=True``)."""
    return _newest_first(deal.date, deal.slug)


def build_views(corpus: Corpus) -> Views:
    deals = sorted(corpus.deals.values(), key=deal_order, reverse=True)
    articles = sorted(
        corpus.articles.values(), key=lambda a: _newest_first(a.published, a.slug), reverse=True
    )
    deals_of: dict[str, list[Deal]] = defaultdict(list)
    partners: dict[str, set[str]] = defaultdict(set)
    for deal in deals:
        slugs = [p.company for p in deal.parties]
        for slug in dict.fromkeys(slugs):
            deals_of[slug].append(deal)
            partners[slug].update(s for s in slugs if s != slug)
    articles_of: dict[str, list[Article]] = defaultdict(list)
    articles_of_deal: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        for slug in article.companies:
            articles_of[slug].append(article)
        for slug in article.deals:
            articles_of_deal[slug].append(article)
    by_name = sorted(corpus.companies.values(), key=lambda c: (c.name.casefold(), c.slug))
    return Views(
        corpus=corpus,
        deals_of={c.slug: tuple(deals_of[c.slug]) for c in by_name},
        articles_of={c.slug: tuple(articles_of[c.slug]) for c in by_name},
        counterparties_of={
            c.slug: tuple(
                sorted(
                    (corpus.companies[s] for s in partners[c.slug]),
                    key=lambda o: (o.name.casefold(), o.slug),
                )
            )
            for c in by_name
        },
        articles_of_deal={d.slug: tuple(articles_of_deal[d.slug]) for d in deals},
        deals_newest_first=tuple(deals),
        articles_newest_first=tuple(articles),
        companies_by_name=tuple(by_name),
        timeline=_timeline(deals, articles),
        conflicts=tuple(find_conflicts(corpus)),
        passages_of=_passages(corpus),
    )


def _passages(corpus: Corpus) -> dict[str, tuple[Passage, ...]]:
    by_article: dict[str, dict[str, list[Citation]]] = defaultdict(dict)
    for citation in citations(corpus):
        by_article[citation.article].setdefault(citation.anchor, []).append(citation)
    return {
        slug: tuple(
            Passage(cited[0].quote, anchor, tuple(cited)) for anchor, cited in passages.items()
        )
        for slug, passages in by_article.items()
    }


def _timeline(
    deals: list[Deal], articles: list[Article]
) -> tuple[tuple[int | None, tuple[Event, ...]], ...]:
    events: list[Event] = []
    for deal in deals:
        events.append(Event(deal.announced, f"{deal.title} ({deal.status})", "deal", deal.slug))
        if deal.closed:
            events.append(Event(deal.closed, f"{deal.title} closed", "deal", deal.slug))
    events += [Event(a.published, a.title, "article", a.slug) for a in articles]
    events.sort(key=lambda e: (e.date is None, e.date or PartialDate(1), e.kind, e.slug))
    years: dict[int | None, list[Event]] = defaultdict(list)
    for event in events:
        years[event.date.year if event.date else None].append(event)
    return tuple((year, tuple(evs)) for year, evs in years.items())

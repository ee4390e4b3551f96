"""The model stage: relations derived from a Corpus, computed once for every renderer.

The loader keeps only what files say; here we work out what follows from it: a
company's deals and articles, its counterparties, the year-by-year timeline.
Every list is in a fixed order so the built site is byte-identical run to run.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from .claims import Conflict, company_conflicts, deal_conflicts
from .dates import PartialDate
from .errors import Problem
from .evidence import review_queue
from .model import Article, Company, Corpus, Deal
from .provenance import Citation, company_citations, deal_citations
from .slugs import fold
from .topics import Topic, topics_of


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
    conflicts_on: dict[tuple[str, str], dict[str, Conflict]]  # (kind, slug) → field → conflict
    timeline_of: dict[str, tuple[Event, ...]]  # a company's events, as in the timeline
    timeline_of_year: dict[str, tuple[Event, ...]]  # "2024" or "undated": that year's events
    latest_events: tuple[Event, ...]  # the newest dated events, newest first
    articles_of_year: dict[str, tuple[Article, ...]]  # "2024" or "undated", newest first
    letter_groups: tuple[tuple[str, tuple[Company, ...]], ...]  # see companies_by_letter
    topics: tuple[Topic, ...]  # A–Z by label
    topic_by_slug: dict[str, Topic]
    # Draft companies and deals as (kind, briefing), least certain first (evidence.py).
    review_queue: tuple[tuple[str, Company | Deal], ...]
    # Conflicts neither resolved nor disputed, by file and line; and reviewed briefings
    # that still hold ingest's placeholders as (kind, briefing, problems), by file.
    unacknowledged: tuple[Conflict, ...]
    unread: tuple[tuple[str, Company | Deal | Article, tuple[Problem, ...]], ...]
    # What is still open on one page, (kind, slug) → problems (a conflict nobody
    # acknowledged, a placeholder left in a reviewed briefing): its review line says so.
    open_on: dict[tuple[str, str], tuple[Problem, ...]]

    def conflicts_of(self, kind: str, slug: str) -> dict[str, Conflict]:
        """This company's or deal's conflicts, open or resolved, by field name."""
        return dict(self.conflicts_on.get((kind, slug), {}))

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

    def company_timeline(self, slug: str) -> tuple[Event, ...]:
        return self.timeline_of.get(slug, ())

    def drafts(self, kind: str) -> tuple[Company | Deal | Article, ...]:
        """Companies, deals or articles awaiting review, in the order of their index."""
        by_kind: dict[str, tuple[Company | Deal | Article, ...]] = {
            "company": self.companies_by_name,
            "deal": self.deals_newest_first,
            "article": self.articles_newest_first,
        }
        items = by_kind[kind]
        return tuple(x for x in items if x.review.status == "draft")

    @property
    def articles_by_year(self) -> tuple[tuple[str, str, tuple[Article, ...]], ...]:
        """(slug, label, articles) per publication year, newest first; undated last.

        The article index lists the years and the newest briefings; each year has its
        own page, so neither grows with the whole corpus (nor is rendered again for
        every edit of any article).
        """
        return tuple((slug, slug.capitalize(), a) for slug, a in self.articles_of_year.items())

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
    """The model of ``corpus``: plain values, computed afresh every build."""
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
    derived = _derive(corpus)
    timeline = _timeline(deals, articles)
    topic_by_slug = {t.slug: t for t in topics_of(deals, articles, by_name)}
    unacknowledged = tuple(
        sorted(
            (c for d in derived for c in d.conflicts if c.needs_review),
            key=lambda c: (c.origin.path, c.line, c.field),
        )
    )
    unread = _unread(corpus)
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
        timeline=timeline,
        conflicts=tuple(c for d in derived for c in d.conflicts),
        passages_of=_passages(derived),
        conflicts_on=_conflicts_on(derived),
        timeline_of=_timeline_of(corpus, timeline),
        timeline_of_year={str(year) if year else "undated": events for year, events in timeline},
        latest_events=_latest(timeline),
        articles_of_year=_by_year(articles),
        letter_groups=_by_initial(by_name),
        topics=tuple(topic_by_slug.values()),
        topic_by_slug=topic_by_slug,
        review_queue=review_queue(by_name, deals),
        unacknowledged=unacknowledged,
        unread=unread,
        open_on=_open_on(unacknowledged, unread),
    )


@dataclass(frozen=True)
class _Derived:
    citations: tuple[Citation, ...]
    conflicts: tuple[Conflict, ...]


def _derive(corpus: Corpus) -> list[_Derived]:
    """Each company's and deal's citations and conflicts, in corpus order."""
    derived = [
        _Derived(tuple(company_citations(c)), tuple(company_conflicts(c)))
        for c in corpus.companies.values()
    ]
    derived += [
        _Derived(tuple(deal_citations(d)), tuple(deal_conflicts(d))) for d in corpus.deals.values()
    ]
    return derived


def _unread(
    corpus: Corpus,
) -> tuple[tuple[str, Company | Deal | Article, tuple[Problem, ...]], ...]:
    """Reviewed briefings that still hold ingest's placeholders, by file."""
    found: list[tuple[str, Company | Deal | Article, tuple[Problem, ...]]] = []
    for kind, records in (
        ("company", corpus.companies),
        ("deal", corpus.deals),
        ("article", corpus.articles),
    ):
        for record in records.values():
            problems = corpus.placeholders.get(record.origin.path)
            if problems and record.review.status == "reviewed":
                found.append((kind, record, problems))
    return tuple(sorted(found, key=lambda f: (f[1].origin.path, f[0])))


def _open_on(
    unacknowledged: tuple[Conflict, ...],
    unread: tuple[tuple[str, Company | Deal | Article, tuple[Problem, ...]], ...],
) -> dict[tuple[str, str], tuple[Problem, ...]]:
    """What each page still has open: each unacknowledged conflict, each placeholder."""
    found: dict[tuple[str, str], list[Problem]] = defaultdict(list)
    for c in unacknowledged:
        found[c.kind, c.slug].append(c.as_problem())
    for kind, record, problems in unread:
        found[kind, record.slug] += problems
    return {key: tuple(sorted(problems)) for key, problems in sorted(found.items())}


def _passages(derived: list[_Derived]) -> dict[str, tuple[Passage, ...]]:
    by_article: dict[str, dict[str, list[Citation]]] = defaultdict(dict)
    for d in derived:
        for citation in d.citations:
            by_article[citation.article].setdefault(citation.anchor, []).append(citation)
    return {
        slug: tuple(
            Passage(cited[0].quote, anchor, tuple(cited)) for anchor, cited in passages.items()
        )
        for slug, passages in by_article.items()
    }


def _conflicts_on(derived: list[_Derived]) -> dict[tuple[str, str], dict[str, Conflict]]:
    owners: dict[tuple[str, str], dict[str, Conflict]] = defaultdict(dict)
    for d in derived:
        for c in d.conflicts:
            owners[c.kind, c.slug][c.field] = c
    return dict(owners)


def _timeline_of(
    corpus: Corpus, timeline: tuple[tuple[int | None, tuple[Event, ...]], ...]
) -> dict[str, tuple[Event, ...]]:
    companies: dict[str, list[Event]] = defaultdict(list)
    for _, events in timeline:
        for e in events:
            if e.kind == "deal":
                slugs = {p.company for p in corpus.deals[e.slug].parties}
            else:
                slugs = set(corpus.articles[e.slug].companies)
            for slug in slugs:
                companies[slug].append(e)
    return {slug: tuple(events) for slug, events in companies.items()}


def _latest(
    timeline: tuple[tuple[int | None, tuple[Event, ...]], ...], count: int = 50
) -> tuple[Event, ...]:
    latest: list[Event] = []
    for year, events in reversed(timeline):
        if year is not None:
            latest += reversed(events[-(count - len(latest)) :])
        if len(latest) >= count:
            break
    return tuple(latest)


def _by_initial(by_name: list[Company]) -> tuple[tuple[str, tuple[Company, ...]], ...]:
    groups: dict[str, list[Company]] = defaultdict(list)
    for company in by_name:
        initial = unicodedata.normalize("NFKD", company.name)[:1].upper()
        groups[initial if "A" <= initial <= "Z" else "#"].append(company)
    return tuple((letter, tuple(groups[letter])) for letter in sorted(groups))


def _by_year(articles: list[Article]) -> dict[str, tuple[Article, ...]]:
    years: dict[str, list[Article]] = defaultdict(list)
    for a in articles:  # newest first, undated last
        years[str(a.published.year) if a.published else "undated"].append(a)
    return {year: tuple(items) for year, items in years.items()}


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

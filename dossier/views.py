"""The model stage: relations derived from a Corpus, computed once for every renderer.

The loader keeps only what files say; here we work out what follows from it: a
company's deals and articles, its counterparties, the year-by-year timeline.
Every list is in a fixed order so the built site is byte-identical run to run.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

from .claims import Conflict, company_conflicts, deal_conflicts
from .dates import PartialDate
from .errors import Problem
from .evidence import review_queue
from .model import Article, Company, Corpus, Deal
from .provenance import Citation, company_citations, deal_citations
from .slugs import fold
from .topics import Topic, topics_of

_K = TypeVar("_K")
_V = TypeVar("_V")


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
    # Draft companies and deals as (kind, briefing), least certain first (evidence.py):
    # an attribute, not a call, so serve renders the queue again only when it changes.
    review_queue: tuple[tuple[str, Company | Deal], ...]
    # Conflicts neither resolved nor disputed, by file and line; and reviewed briefings
    # that still hold ingest's placeholders as (kind, briefing, problems), by file.
    # Attributes too, for the same reason.
    unacknowledged: tuple[Conflict, ...]
    unread: tuple[tuple[str, Company | Deal | Article, tuple[Problem, ...]], ...]
    # What is still open on one page, (kind, slug) → problems (a conflict nobody
    # acknowledged, a placeholder left in a reviewed briefing): its review line says so.
    open_on: dict[tuple[str, str], tuple[Problem, ...]]
    # What each briefing alone gives (citations, conflicts), by id(): the next build
    # reuses it for every briefing whose file did not change.
    derived: dict[int, _Derived] = field(default_factory=dict, repr=False)

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


def build_views(corpus: Corpus, previous: Views | None = None) -> Views:
    """The model of ``corpus``; given the last build's, every part that came out the same
    is that build's very object, so serve's rebuild skips what read it (render/trace.py).
    """
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
    last = previous or _NOTHING
    derived = _derive(corpus, last.derived)
    timeline = _kept(_timeline(deals, articles), last.timeline)
    topic_by_slug = _kept_map(
        {t.slug: t for t in topics_of(deals, articles, by_name)}, last.topic_by_slug
    )
    topics = _kept(tuple(topic_by_slug.values()), last.topics)
    unacknowledged = tuple(
        sorted(
            (c for d in derived.values() for c in d.conflicts if c.needs_review),
            key=lambda c: (c.origin.path, c.line, c.field),
        )
    )
    unread = _unread(corpus)
    return Views(
        corpus=corpus,
        deals_of=_kept_map({c.slug: tuple(deals_of[c.slug]) for c in by_name}, last.deals_of),
        articles_of=_kept_map(
            {c.slug: tuple(articles_of[c.slug]) for c in by_name}, last.articles_of
        ),
        counterparties_of=_kept_map(
            {
                c.slug: tuple(
                    sorted(
                        (corpus.companies[s] for s in partners[c.slug]),
                        key=lambda o: (o.name.casefold(), o.slug),
                    )
                )
                for c in by_name
            },
            last.counterparties_of,
        ),
        articles_of_deal=_kept_map(
            {d.slug: tuple(articles_of_deal[d.slug]) for d in deals}, last.articles_of_deal
        ),
        deals_newest_first=_kept(tuple(deals), last.deals_newest_first),
        articles_newest_first=_kept(tuple(articles), last.articles_newest_first),
        companies_by_name=_kept(tuple(by_name), last.companies_by_name),
        timeline=timeline,
        conflicts=_kept(tuple(c for d in derived.values() for c in d.conflicts), last.conflicts),
        passages_of=_kept_map(_passages(derived), last.passages_of),
        conflicts_on=_kept_map(_conflicts_on(derived), last.conflicts_on),
        timeline_of=_kept_map(_timeline_of(corpus, timeline), last.timeline_of),
        timeline_of_year=_kept_map(
            {str(year) if year else "undated": events for year, events in timeline},
            last.timeline_of_year,
        ),
        latest_events=_kept(_latest(timeline), last.latest_events),
        articles_of_year=_kept_map(_by_year(articles), last.articles_of_year),
        letter_groups=_kept(_by_initial(by_name), last.letter_groups),
        topics=topics,
        topic_by_slug=topic_by_slug,
        review_queue=_kept(review_queue(by_name, deals), last.review_queue),
        unacknowledged=_kept(unacknowledged, last.unacknowledged),
        unread=_kept(unread, last.unread),
        open_on=_kept_map(_open_on(unacknowledged, unread), last.open_on),
        derived=derived,
    )


@dataclass(frozen=True)
class _Derived:
    record: Company | Deal  # kept alive, so its id() is not reused while this is kept
    citations: tuple[Citation, ...]
    conflicts: tuple[Conflict, ...]


def _derive(corpus: Corpus, last: dict[int, _Derived]) -> dict[int, _Derived]:
    """Each company's and deal's citations and conflicts, in corpus order."""
    derived = {}
    for company in corpus.companies.values():
        known = last.get(id(company))
        if known is None or known.record is not company:
            cited, disagreeing = company_citations(company), company_conflicts(company)
            known = _Derived(company, tuple(cited), tuple(disagreeing))
        derived[id(company)] = known
    for deal in corpus.deals.values():
        known = last.get(id(deal))
        if known is None or known.record is not deal:
            known = _Derived(deal, tuple(deal_citations(deal)), tuple(deal_conflicts(deal)))
        derived[id(deal)] = known
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


def _passages(derived: dict[int, _Derived]) -> dict[str, tuple[Passage, ...]]:
    by_article: dict[str, dict[str, list[Citation]]] = defaultdict(dict)
    for d in derived.values():
        for citation in d.citations:
            by_article[citation.article].setdefault(citation.anchor, []).append(citation)
    return {
        slug: tuple(
            Passage(cited[0].quote, anchor, tuple(cited)) for anchor, cited in passages.items()
        )
        for slug, passages in by_article.items()
    }


def _conflicts_on(derived: dict[int, _Derived]) -> dict[tuple[str, str], dict[str, Conflict]]:
    owners: dict[tuple[str, str], dict[str, Conflict]] = defaultdict(dict)
    for d in derived.values():
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


def _kept_map(new: dict[_K, _V], last: Mapping[_K, _V]) -> dict[_K, _V]:
    """``new``, with each value that came out the same replaced by the last build's."""
    kept = {key: _kept(value, last.get(key)) for key, value in new.items()}
    same = len(kept) == len(last) and all(
        a == b and kept[a] is last[b] for a, b in zip(kept, last, strict=False)
    )
    return last if same else kept  # type: ignore[return-value]  # last is a dict here


def _kept(new: Any, last: Any) -> Any:
    """``last`` when ``new`` holds the same things in the same order; else ``new`` with
    each item that came out the same at the same place replaced by the last build's."""
    if type(new) is not tuple or type(last) is not tuple:  # a topic, a dict of conflicts
        return last if last is not None and _same(new, last) else new
    if len(new) != len(last):
        return new
    mixed = tuple(b if _same(a, b) else a for a, b in zip(new, last, strict=True))
    return last if all(a is b for a, b in zip(mixed, last, strict=True)) else mixed


def _same(a: Any, b: Any) -> bool:
    # Briefings only by identity: their == leaves out fields (line numbers) pages show.
    if a is b:
        return True
    kind = type(a)
    if kind is not type(b):
        return False
    if kind in (str, int):
        return bool(a == b)
    if kind is Passage:
        return (
            a.quote == b.quote
            and a.anchor == b.anchor
            and len(a.cited_by) == len(b.cited_by)
            and all(x is y for x, y in zip(a.cited_by, b.cited_by, strict=True))
        )
    if kind in (Event, Problem):  # every field is compared
        return bool(a == b)
    if kind is dict:  # a briefing's conflicts by field
        return len(a) == len(b) and all(x == y and a[x] is b[y] for x, y in zip(a, b, strict=True))
    if kind is tuple:  # a year of the timeline (year, events), or a letter's companies
        return _kept(a, b) is b
    if kind is Topic:
        return (
            a.slug == b.slug
            and a.label == b.label
            and all(
                _kept(getattr(a, f), getattr(b, f)) is getattr(b, f)
                for f in ("deals", "articles", "companies")
            )
        )
    return False


def _empty() -> Views:
    """The model of no corpus: what a first build shares its parts with (nothing)."""
    parts = [f for f in fields(Views) if f.init and f.name not in ("corpus", "derived")]
    empty: dict[str, Any] = {f.name: {} if str(f.type).startswith("dict") else () for f in parts}
    return Views(Corpus(), **empty)


_NOTHING = _empty()


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

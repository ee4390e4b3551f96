"""The page → inputs graph: which inputs each page shows, read off the model's own indexes.

An input is one of:

- a briefing in whole, ``company:xiaomi``: everything its file says (the loader's digest
  of path and bytes), its seed's text and its history in git. A page shows its own
  briefing in whole;
- an article's cited passages, ``passages:SLUG``: each sentence that companies and deals
  cite from it, who cites it and for what (the article page lists them);
- a briefing's row, ``deal:x/row``: the fields that lists and links show (name, title,
  dates, status, parties, outlet…). A company page shows its deals' rows, a year
  page its articles' rows: editing an article's summary renders its own page only;
- a corpus-wide list, ``list:deals``, ``list:companies``…: its members' rows in order,
  with what the list counts; ``history`` (the recent commits) and ``corpus`` (the
  counts and the newest date).

Rows and lists cover what the shipped templates show (templates/ as Dossier ships it,
checked by ``shipped.py``). A page's fingerprint is a digest of its template set, the
renderer's code, its job (template, path, title, description, plain context values) and
its inputs with their digests, in the order the page shows them. It is the page's key in
the page cache, so a fresh `build.py` renders only pages whose fingerprint is new, and
serve keeps every page whose fingerprint did not move.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..memo import BuildMemo
from ..model import Article, Company, Deal
from ..provenance import Citation
from ..review.history import History
from ..views import Views

Record = Company | Deal | Article


def _hash(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


@dataclass
class PageGraph:
    """Every page's inputs (keys, in the order the page shows them) and every input's digest."""

    views: Views
    history: History
    # Row digests by (kind, file digest, seed digest): serve makes only those of changed
    # briefings
    rows: BuildMemo[str] = field(default_factory=BuildMemo)
    digests: dict[str, str] = field(default_factory=dict)  # key → digest, as asked for

    def fingerprint(self, base: str, template: str, job: tuple[object, ...], context: Any) -> str:
        """The page's key: ``base`` (templates and code), its job and its inputs' digests.

        ``job`` holds the page's template, path, title, description and plain values;
        ``context`` its context as the templates get it (see site.py's jobs).
        """
        if template not in _PAGES:
            raise KeyError(f"the page graph does not know templates/{template}")
        keys = dict.fromkeys(_PAGES[template](self, context))
        return _hash(base, job, [(key, self.digest(key)) for key in keys])

    def book(self, base: str) -> str:
        """The whole-corpus print view's key (printbook): ``base`` (its templates, the
        code, the commit it names) and what the book shows, which is every company and
        deal in whole but of articles only what lists show (their rows), with the link
        and seed file of the appendix: an article's summary or body is not in it."""
        corpus = self.views.corpus
        companies = [self.digest(whole("company", slug)) for slug in corpus.companies]
        deals = [self.digest(whole("deal", slug)) for slug in corpus.deals]
        articles = [
            (self.digest(row("article", slug)), a.url, a.seed)
            for slug, a in corpus.articles.items()
        ]
        return _hash(base, self.digest("corpus"), companies, deals, articles)

    # --- digests ----------------------------------------------------------------------

    def digest(self, key: str) -> str:
        found = self.digests.get(key)
        if found is None:
            found = self.digests[key] = self._compute(key)
        return found

    def _compute(self, key: str) -> str:
        if key.startswith("list:"):
            return _hash(*_LISTS[key[5:]](self))
        if key.startswith("passages:"):  # each citation as the article page shows it
            passages = self.views.passages_of.get(key[9:], ())
            return _hash([(p.quote, p.anchor, [_shown(c) for c in p.cited_by]) for p in passages])
        if key == "history":
            return _hash(self.history.in_git, self.history.recent)
        if key == "corpus":
            c = self.views.corpus
            return _hash(len(c.companies), len(c.deals), len(c.articles), c.as_of())
        name, _, depth = key.partition("/")
        kind, _, slug = name.partition(":")
        record = self._record(kind, slug)
        seed = self.views.corpus.seed_digests.get(slug)
        if depth == "row":
            basis = (kind, record.origin.digest, seed)
            return self.rows.get(basis, lambda: _hash(*self._row(kind, record)))
        path = record.origin.path
        h = self.history
        seen = (h.in_git, h.changed(path), h.approved(path), h.disputed(path))
        return _hash(record.origin.digest, seed, seen)

    def _record(self, kind: str, slug: str) -> Record:
        c = self.views.corpus
        by_kind: dict[str, Mapping[str, Record]] = {
            "company": c.companies,
            "deal": c.deals,
            "article": c.articles,
        }
        return by_kind[kind][slug]

    def _row(self, kind: str, r: Any) -> tuple[object, ...]:
        if kind == "company":
            return r.slug, r.name, r.aliases, r.review.status, r.topics
        if kind == "deal":
            return (
                *(r.slug, r.title, r.kind, r.status, r.parties, r.announced, r.closed),
                *(len(r.sources), r.areas, r.review.status, r.value),
            )
        seed = self.views.corpus.seed_digests.get(r.slug)  # copies of one text count once
        return (
            *(r.slug, r.title, r.published, r.outlet, r.author, r.companies, r.deals),
            *(r.review.status, r.topics, seed),
        )


def _shown(citation: Citation) -> tuple[object, ...]:
    return citation.kind, citation.slug, citation.supports, citation.quote


def whole(kind: str, slug: str) -> str:
    return f"{kind}:{slug}"


def row(kind: str, slug: str) -> str:
    return f"{kind}:{slug}/row"


def _deal_rows(deals: Iterable[Deal]) -> Iterator[str]:
    """A deal as tables show it: its row and its parties' names."""
    for deal in deals:
        yield row("deal", deal.slug)
        for party in deal.parties:
            yield row("company", party.company)


def _article_rows(articles: Iterable[Article], companies: bool = False) -> Iterator[str]:
    for article in articles:
        yield row("article", article.slug)
        if companies:  # the articles table names them
            yield from (row("company", slug) for slug in article.companies)


def _cited(slugs: Iterable[str | None]) -> Iterator[str]:
    """Articles a page cites in its notes: title, outlet and date."""
    return (row("article", slug) for slug in slugs if slug)


def _company(g: PageGraph, context: Any) -> Iterator[str]:
    company: Company = context["company"]
    v, slug = g.views, company.slug
    yield whole("company", slug)
    yield from _deal_rows(v.deals_of[slug])
    yield from (row(e.kind, e.slug) for e in v.timeline_of.get(slug, ()))
    for other in v.counterparties_of[slug]:  # the neighbourhood: their deals among them
        yield row("company", other.slug)
        yield from (row("deal", d.slug) for d in v.deals_of[other.slug])
    yield from _article_rows(v.articles_of[slug])
    for fact in company.facts:
        yield from _cited([fact.source, *(c.source for c in fact.claims)])
        if fact.value in v.corpus.companies:  # a parent is linked by name
            yield row("company", fact.value)
        yield from (row("company", c.value) for c in fact.claims if c.value in v.corpus.companies)
    yield from _cited([company.evidence.source if company.evidence else None])


def _deal(g: PageGraph, context: Any) -> Iterator[str]:
    deal: Deal = context["deal"]
    yield whole("deal", deal.slug)
    yield from (row("company", p.company) for p in deal.parties)
    yield from _cited(s.article for s in deal.sources)
    yield from _cited(c.source for claims in deal.claims.values() for c in claims)
    yield from _cited(s.article for step in deal.steps for s in step.sources)
    yield from _cited([deal.evidence.source if deal.evidence else None])
    yield from (row("deal", slug) for slug in deal.related)


def _article(g: PageGraph, context: Any) -> Iterator[str]:
    article: Article = context["article"]
    yield whole("article", article.slug)
    yield from (row("company", slug) for slug in article.companies)
    yield from (row("deal", slug) for slug in article.deals)
    yield f"passages:{article.slug}"  # the sentences others cite, and who cites them
    for passage in g.views.passages_of.get(article.slug, ()):
        yield from (row(c.kind, c.slug) for c in passage.cited_by)


def _topic(g: PageGraph, context: Any) -> Iterator[str]:
    topic = g.views.topic_by_slug[context["topic"].key]
    yield from _deal_rows(topic.deals)
    yield from _article_rows(topic.articles)
    yield from (row("company", c.slug) for c in topic.companies)


def _articles_year(g: PageGraph, context: Any) -> Iterator[str]:
    yield from _article_rows(g.views.articles_of_year[context["articles"].key], companies=True)


def _timeline_year(g: PageGraph, context: Any) -> Iterator[str]:
    yield from (row(e.kind, e.slug) for e in g.views.timeline_of_year[context["events"].key])


def _home(g: PageGraph, context: Any) -> Iterator[str]:
    yield from ("corpus", "history", "list:network")
    yield from _article_rows(g.views.articles_newest_first[:5])
    yield from _deal_rows(g.views.deals_newest_first[:5])


def _articles(g: PageGraph, context: Any) -> Iterator[str]:
    yield "list:article-years"
    yield from _article_rows(g.views.articles_newest_first[:50], companies=True)


def _timeline(g: PageGraph, context: Any) -> Iterator[str]:
    yield "list:timeline-years"
    yield from (row(e.kind, e.slug) for e in g.views.latest_events)


def _one(*keys: str) -> Callable[[PageGraph, Any], Iterator[str]]:
    return lambda g, context: iter(keys)


_PAGES: dict[str, Callable[[PageGraph, Any], Iterator[str]]] = {
    "company.html.j2": _company,
    "deal.html.j2": _deal,
    "article.html.j2": _article,
    "topic.html.j2": _topic,
    "articles_year.html.j2": _articles_year,
    "timeline_year.html.j2": _timeline_year,
    "home.html.j2": _home,
    "articles.html.j2": _articles,
    "timeline.html.j2": _timeline,
    "companies.html.j2": _one("list:companies"),
    "deals.html.j2": _one("list:deals"),
    "review.html.j2": _one("list:review"),
    "changes.html.j2": _one("history", "list:present"),
    "topics.html.j2": _one("list:topics"),
    "network.html.j2": _one("list:network"),
}


# --- corpus-wide lists: each a function of the graph, giving what the list shows ----------


def _list_companies(g: PageGraph) -> list[object]:
    v = g.views
    return [
        (g.digest(row("company", c.slug)), len(v.deals_of[c.slug]), len(v.articles_of[c.slug]))
        for c in v.companies_by_name
    ]


def _list_deals(g: PageGraph) -> list[object]:
    return [g.digest(key) for key in _deal_rows(g.views.deals_newest_first)]


def _list_network(g: PageGraph) -> list[object]:
    v = g.views
    companies = [g.digest(row("company", c.slug)) for c in v.companies_by_name]
    return [companies, [g.digest(row("deal", d.slug)) for d in v.deals_newest_first]]


def _list_review(g: PageGraph) -> list[object]:
    """What the review queue shows of each item: names, evidence, files and commits."""
    v, h = g.views, g.history
    corpus = v.corpus

    def shown(kind: str, item: Record) -> tuple[object, ...]:
        name = item.name if isinstance(item, Company) else item.title
        evidence = item.evidence if not isinstance(item, Article) else None
        return kind, item.slug, name, evidence, item.origin.path, h.changed(item.origin.path)

    queue = [shown(kind, item) for kind, item in v.review_queue]
    drafts = [shown("article", a) for a in v.drafts("article") if isinstance(a, Article)]
    owners = [
        shown(c.kind, corpus.companies[c.slug] if c.kind == "company" else corpus.deals[c.slug])
        for c in v.unacknowledged
    ]
    unread = [(shown(kind, item), problems) for kind, item, problems in v.unread]
    return [queue, drafts, v.unacknowledged, owners, unread]


def _list_present(g: PageGraph) -> list[object]:
    c = g.views.corpus
    return [sorted(c.companies), sorted(c.deals), sorted(c.articles)]


def _list_topics(g: PageGraph) -> list[object]:
    return [
        (t.slug, t.label, len(t.deals), len(t.articles), len(t.companies)) for t in g.views.topics
    ]


def _list_article_years(g: PageGraph) -> list[object]:
    return list(g.views.article_years())


def _list_timeline_years(g: PageGraph) -> list[object]:
    return [(year, len(events)) for year, events in g.views.timeline]


_LISTS: dict[str, Callable[[PageGraph], list[object]]] = {
    "companies": _list_companies,
    "deals": _list_deals,
    "network": _list_network,
    "review": _list_review,
    "present": _list_present,
    "topics": _list_topics,
    "article-years": _list_article_years,
    "timeline-years": _list_timeline_years,
}

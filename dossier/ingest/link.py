"""Deals found in the articles, matched against the deals ingest does not own and
against each other.

A finding with the same parties and a kind of the same family as a deal (an
acquisition or a merger; a partnership, an MoU or a joint venture: reports call one
event by several names), and a compatible date (same year, give or take one, or either
undated), is that deal. An older deal an article only recalls is never the home of a
new event: a finding joins a deal founded on a recalled one only in the same year.
Ingest's own draft deals are built here from scratch on every run: articles are
taken in slug order, so the first article (by slug) to report a deal founds it and
the others become its sources, whatever order the seeds came in. A finding that
matches a deal ingest does not own is listed by the article (a draft deal gains it
as a source) or, for a reviewed deal the article is not a source of, is left to the
reviewer.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar

from ..slugs import slugify
from .deals import KIND_FAMILY
from .outcome import SeedOutcome
from .state import Existing
from .types import DealFinding

T = TypeVar("T")
Key = tuple[str, frozenset[str]]


@dataclass
class DraftDeal:
    slug: str
    finding: DealFinding  # the first article's finding: kind, status, parties, date…
    # (and the value of the first article that states one)
    seed: str  # the first article's seed
    sources: list[tuple[str, str]] = field(default_factory=list)  # (article, quote)


@dataclass
class ArticleLinks:
    deals: list[str] = field(default_factory=list)
    mentions: list[tuple[str, str]] = field(default_factory=list)  # (reviewed deal, quote)


@dataclass
class Linked:
    drafts: dict[str, DraftDeal] = field(default_factory=dict)
    # sources to give draft deals ingest does not own: deal slug → (article, quote)
    added: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    articles: dict[str, ArticleLinks] = field(default_factory=dict)


class DealIndex(Generic[T]):
    """Deals by kind family and parties, so a finding is compared with the few deals
    that share them: comparing it with every deal made ingest slower as deals grew."""

    def __init__(self) -> None:
        self._by_key: dict[Key, list[tuple[int | None, bool, T]]] = {}

    def add(
        self,
        kind: str,
        parties: frozenset[str],
        year: int | None,
        item: T,
        recalled: bool = False,
    ) -> None:
        key = (KIND_FAMILY.get(kind, kind), parties)
        self._by_key.setdefault(key, []).append((year, recalled, item))

    def match(self, finding: DealFinding) -> T | None:
        year = finding.announced.year if finding.announced else None
        key = (KIND_FAMILY.get(finding.kind, finding.kind), _parties(finding))
        for other, recalled, item in self._by_key.get(key, ()):
            if recalled and not finding.background:
                if year is not None and year == other:
                    return item
                continue  # a recalled deal is not the home of the article's news
            if year is None or other is None or abs(other - year) <= 1:
                return item
        return None


def link(articles: list[tuple[str, SeedOutcome]], inputs: dict[str, Existing]) -> Linked:
    """``articles``: (slug, outcome) sorted by slug; ``inputs``: deals ingest does not own."""
    known: DealIndex[Existing] = DealIndex()
    for slug in sorted(inputs):
        deal = inputs[slug]
        parties = frozenset(str(p.get("company")) for p in _dicts(deal.data.get("parties")))
        known.add(str(deal.data.get("kind")), parties, _year(deal), deal)
    drafts: DealIndex[DraftDeal] = DealIndex()
    out = Linked()
    for article, outcome in articles:
        links = out.articles[article] = ArticleLinks()
        for sighting in outcome.deals:
            finding, quote = sighting.finding, sighting.quote
            existing = known.match(finding)
            if existing is not None:
                _to_input(out, links, existing, article, finding, quote)
                continue
            draft = drafts.match(finding)
            if quote is None or (draft is not None and draft.slug in links.deals):
                continue  # no quotable sentence (an HTML seed), or already a source
            if draft is None:
                draft = DraftDeal(_slug(finding, inputs, out.drafts), finding, outcome.seed)
                out.drafts[draft.slug] = draft
                year = finding.announced.year if finding.announced else None
                drafts.add(finding.kind, _parties(finding), year, draft, finding.background)
            if draft.finding.value is None and finding.value is not None:
                # the first report to state the price gives it ("… LinkedIn for $26.2
                # billion"), though the founding one did not ("Microsoft bought LinkedIn")
                draft.finding = replace(draft.finding, value=finding.value)
            draft.sources.append((article, quote))
            links.deals.append(draft.slug)
    return out


def _to_input(
    out: Linked,
    links: ArticleLinks,
    deal: Existing,
    article: str,
    finding: DealFinding,
    quote: str | None,
) -> None:
    if deal.slug in links.deals or any(s == deal.slug for s, _ in links.mentions):
        return
    cited = {s.get("article") for s in _dicts(deal.data.get("sources"))}
    if not deal.is_draft:
        if article in cited:
            links.deals.append(deal.slug)
        else:
            links.mentions.append((deal.slug, finding.quote))
    elif quote is not None and deal.doc is not None:
        out.added.setdefault(deal.slug, []).append((article, quote))
        links.deals.append(deal.slug)


def _parties(finding: DealFinding) -> frozenset[str]:
    return frozenset(slug for slug, _ in finding.parties)


def _year(deal: Existing) -> int | None:
    text = str(deal.data.get("announced") or deal.data.get("closed") or "")[:4]
    return int(text) if text.isdigit() else None


def draft_slug_base(finding: DealFinding) -> str:
    """The slug a draft deal of ``finding`` gets, before any number added to keep it
    apart from another deal: two parties, kind, year."""
    parties = [slug for slug, _ in finding.parties][:2]
    year = str(finding.announced.year) if finding.announced else "undated"
    return slugify("-".join([*parties, finding.kind, year]))


def _slug(finding: DealFinding, inputs: dict[str, Existing], drafts: dict[str, DraftDeal]) -> str:
    base = draft_slug_base(finding)
    slug, n = base, 2
    while slug in inputs or slug in drafts:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _dicts(value: object) -> list[dict[str, object]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []

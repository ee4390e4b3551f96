"""Deals found in an article, matched against briefings/deals/.

A finding with the same parties and kind as an existing deal, and a compatible
date (same year, give or take one, or either undated), is that deal: a draft gains
this article as a source; a reviewed deal is left untouched and the article's body
asks the reviewer to add the source. Anything else becomes a new draft deal.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..slugs import slugify
from .analyse import Analysis
from .state import Existing, State
from .types import DealFinding


@dataclass(frozen=True)
class NewDeal:
    slug: str
    finding: DealFinding


@dataclass
class Links:
    new: list[NewDeal] = field(default_factory=list)
    add_source: list[tuple[Existing, str]] = field(default_factory=list)
    article_deals: list[str] = field(default_factory=list)
    reviewed_mentions: list[tuple[str, str]] = field(default_factory=list)  # (deal slug, quote)


def link_deals(state: State, analysis: Analysis, article: str) -> Links:
    links = Links()
    for finding in analysis.deals:
        existing = _match(state, finding)
        if existing is None:
            slug = _deal_slug(state, links, finding)
            links.new.append(NewDeal(slug, finding))
            links.article_deals.append(slug)
            continue
        if existing.slug in links.article_deals or any(
            s == existing.slug for s, _ in links.reviewed_mentions
        ):
            continue
        cited = {
            s.get("article") for s in existing.data.get("sources") or [] if isinstance(s, dict)
        }
        if article in cited:
            links.article_deals.append(existing.slug)
        elif existing.is_draft:
            links.add_source.append((existing, finding.quote))
            links.article_deals.append(existing.slug)
        else:
            links.reviewed_mentions.append((existing.slug, finding.quote))
    return links


def _match(state: State, finding: DealFinding) -> Existing | None:
    parties = {slug for slug, _ in finding.parties}
    year = finding.announced.year if finding.announced else None
    for deal in state.deals.values():
        data = deal.data
        if data.get("kind") != finding.kind:
            continue
        theirs = {p.get("company") for p in data.get("parties") or [] if isinstance(p, dict)}
        if theirs != parties:
            continue
        other = str(data.get("announced") or data.get("closed") or "")[:4]
        if year is None or not other.isdigit() or abs(int(other) - year) <= 1:
            return deal
    return None


def _deal_slug(state: State, links: Links, finding: DealFinding) -> str:
    parties = [slug for slug, _ in finding.parties][:2]
    year = str(finding.announced.year) if finding.announced else "undated"
    base = slugify("-".join([*parties, finding.kind, year]))
    taken = set(state.deals) | {d.slug for d in links.new}
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug

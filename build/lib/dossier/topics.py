"""Topics (ai, cloud, hardware …) gathered from deal areas, article and company topics.

A topic page lists every deal, article and company tagged with it; topics are not in
the navigation one by one but reached from the topics index and from the tags on
deal, article and company pages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Article, Company, Deal

# Slugs whose label is not just the slug capitalized.
_LABELS = {
    "ai": "AI",
    "ipo": "IPO",
    "iot": "IoT",
    "ip": "IP",
    "ev": "EVs",
    "os": "OS",
    "ar": "AR",
    "vr": "VR",
}


def topic_label(slug: str) -> str:
    if slug in _LABELS:
        return _LABELS[slug]
    return slug.replace("-", " ").capitalize()


@dataclass(frozen=True)
class Topic:
    slug: str
    label: str
    deals: tuple[Deal, ...]
    articles: tuple[Article, ...]
    companies: tuple[Company, ...]


def topics_of(
    deals_in_order: Iterable[Deal],
    articles_in_order: Iterable[Article],
    companies_in_order: Iterable[Company],
) -> tuple[Topic, ...]:
    """Every topic used anywhere in the corpus, A–Z by label, items in index order."""
    deals: dict[str, list[Deal]] = defaultdict(list)
    articles: dict[str, list[Article]] = defaultdict(list)
    companies: dict[str, list[Company]] = defaultdict(list)
    for deal in deals_in_order:
        for slug in dict.fromkeys(deal.areas):
            deals[slug].append(deal)
    for article in articles_in_order:
        for slug in dict.fromkeys(article.topics):
            articles[slug].append(article)
    for company in companies_in_order:
        for slug in dict.fromkeys(company.topics):
            companies[slug].append(company)
    slugs = sorted({*deals, *articles, *companies}, key=lambda s: (topic_label(s).casefold(), s))
    return tuple(
        Topic(s, topic_label(s), tuple(deals[s]), tuple(articles[s]), tuple(companies[s]))
        for s in slugs
    )

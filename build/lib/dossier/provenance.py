"""Where every cited sentence is: each (article, quote) that a fact or deal relies on.

The loader's cross-checks and the pages both need the same list: the checks make
sure each quote is really in its article, the pages link each citation mark to
that sentence on the article's briefing page.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from .characters import visible
from .model import Company, Corpus, Deal, Origin


@dataclass(frozen=True)
class Citation:
    """One use of a sentence of an article as evidence."""

    article: str  # article slug
    quote: str
    kind: str  # "company" | "deal"
    slug: str  # the citing company or deal
    supports: str  # what it supports: a fact or field name, or "deal"
    origin: Origin
    at: tuple[str | int, ...]  # path of the citation in the citing file

    @property
    def anchor(self) -> str:
        return quote_anchor(self.quote)


@functools.lru_cache(maxsize=1 << 15)  # every seed and quote, every build under serve
def normalise(text: str) -> str:
    """Whitespace runs as one space, ends trimmed (str.split uses re's \\s set), and no
    invisible characters: ingest reads seeds without them, so its quotes have none."""
    return " ".join(visible(text).split())


def quote_anchor(quote: str) -> str:
    """A stable HTML id for a quoted sentence on its article's page."""
    return "q-" + hashlib.sha1(normalise(quote).encode("utf-8")).hexdigest()[:10]


def citations(corpus: Corpus) -> Iterator[Citation]:
    """Every citation in the corpus, in file order."""
    for company in corpus.companies.values():
        yield from company_citations(company)
    for deal in corpus.deals.values():
        yield from deal_citations(deal)


def evidence_citations(corpus: Corpus) -> Iterator[Citation]:
    """The sentence each draft was found in (its ``evidence``), in file order.

    Checked like every citation (the article exists, the quote is in its seed), but
    kept apart from ``citations``: it says why ingest drafted a briefing, not what an
    article supports, so article pages do not list it among their cited passages.
    """
    for kind, records in (("company", corpus.companies), ("deal", corpus.deals)):
        for record in records.values():
            evidence = record.evidence
            if evidence is not None:
                yield Citation(
                    evidence.source,
                    evidence.quote,
                    kind,
                    record.slug,
                    "evidence",
                    record.origin,
                    ("evidence", "source"),
                )


def company_citations(company: Company) -> Iterator[Citation]:
    """The citations of one company's facts, in file order."""
    for fact in company.facts:
        if fact.source and fact.quote:
            yield Citation(
                fact.source,
                fact.quote,
                "company",
                company.slug,
                fact.name,
                company.origin,
                ("facts", fact.name, "source"),
            )
        for i, claim in enumerate(fact.claims):
            yield Citation(
                claim.source,
                claim.quote,
                "company",
                company.slug,
                fact.name,
                company.origin,
                ("facts", fact.name, "claims", i, "source"),
            )


def deal_citations(deal: Deal) -> Iterator[Citation]:
    """The citations of one deal (sources, claims, steps), in file order."""
    for i, source in enumerate(deal.sources):
        yield Citation(
            source.article,
            source.quote,
            "deal",
            deal.slug,
            "deal",
            deal.origin,
            ("sources", i, "article"),
        )
    for name, claims in deal.claims.items():
        for i, claim in enumerate(claims):
            yield Citation(
                claim.source,
                claim.quote,
                "deal",
                deal.slug,
                name,
                deal.origin,
                ("claims", name, i, "source"),
            )
    for i, step in enumerate(deal.steps):
        for j, source in enumerate(step.sources):
            yield Citation(
                source.article,
                source.quote,
                "deal",
                deal.slug,
                f"status {step.status}",
                deal.origin,
                ("steps", i, "sources", j, "article"),
            )

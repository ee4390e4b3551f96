"""Why each draft exists: the ``evidence`` block of a drafted company or deal.

The rule that found it, the sentence (as the loader will find it in the seed), the
article, and how sure the rules are. Chosen from the outcomes in article slug order,
like everything else in a draft, so the seeds' order never changes it.
"""

from __future__ import annotations

from typing import Any

from .clues import CONFIDENCE
from .link import DraftDeal
from .outcome import SeedOutcome
from .types import CEILING

# Each further article that reports a deal makes it likelier to be one (up to CEILING).
_PER_SOURCE = 0.1


def company_evidence(articles: list[tuple[str, SeedOutcome]]) -> dict[str, dict[str, Any]]:
    """New company slug → its evidence from the first article (``articles`` are in slug
    order) whose sentence can be quoted; a company no article can quote has none."""
    out: dict[str, dict[str, Any]] = {}
    for article, outcome in articles:
        for company in outcome.new_companies:
            confidence = company.confidence or CONFIDENCE.get(company.rule)
            if confidence is not None:
                confidence = min(CEILING, confidence)
            if company.slug in out or company.quote is None or confidence is None:
                continue
            out[company.slug] = _block(company.rule, company.quote, article, confidence)
    return out


def deal_evidence(deal: DraftDeal) -> dict[str, Any] | None:
    """The founding article's statement, surer with each further source."""
    if not deal.finding.rule or not deal.sources:
        return None
    article, quote = deal.sources[0]  # the founding article's, first by slug (link.py)
    boost = _PER_SOURCE * (len(deal.sources) - 1)
    confidence = min(CEILING, deal.finding.confidence + boost)
    return _block(deal.finding.rule, quote, article, confidence)


def _block(rule: str, quote: str, article: str, confidence: float) -> dict[str, Any]:
    # Rounded: 0.65 + 0.1 is 0.7500000000000001 in floating point, not a number to show.
    return {"rule": rule, "quote": quote, "source": article, "confidence": round(confidence, 2)}

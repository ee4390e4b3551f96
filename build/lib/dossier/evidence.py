"""A draft's ``evidence``: why ingest drafted it, and how sure it is.

Evidence belongs to drafts only. It records what a rule saw in one sentence; once a
person reviews the briefing, their review is why it exists, and an evidence block
left behind would be shown nowhere yet still be checked (its article, its quote).
So the loader refuses it on a reviewed file, ``review approve`` removes it, and git
history keeps it.
"""

from __future__ import annotations

from collections.abc import Iterable

from .errors import Problem
from .frontmatter import Document
from .model import Company, Deal


def reviewed_with_evidence(kind: str, doc: Document) -> list[Problem]:
    """A problem when a reviewed company or deal still carries ingest's evidence."""
    review = doc.data.get("review")
    if kind == "article" or "evidence" not in doc.data or not isinstance(review, dict):
        return []
    if review.get("status") != "reviewed":
        return []
    slug = doc.path.rsplit("/", 1)[-1].removesuffix(".md")
    return [
        Problem(
            doc.path,
            doc.line_of(("evidence",)),
            "evidence",
            "is kept only while review.status is draft: it says why ingest drafted this, "
            "and a reviewed briefing stands on its review",
            "delete the evidence: block (git history keeps it); "
            f"python build.py review approve {slug} removes it when it approves a draft",
        )
    ]


def review_queue(
    companies: Iterable[Company], deals: Iterable[Deal]
) -> tuple[tuple[str, Company | Deal], ...]:
    """Draft companies and deals as (kind, briefing), least certain first, ties by slug.

    A draft without evidence (written by hand) has no confidence at all, so it comes
    first: nothing but its author vouches for it.
    """
    drafts: list[tuple[str, Company | Deal]] = [
        ("company", c) for c in companies if c.review.status == "draft"
    ]
    drafts += [("deal", d) for d in deals if d.review.status == "draft"]
    return tuple(sorted(drafts, key=_certainty))


def _certainty(item: tuple[str, Company | Deal]) -> tuple[float, str, str]:
    kind, record = item
    evidence = record.evidence
    return (evidence.confidence if evidence is not None else -1.0, record.slug, kind)

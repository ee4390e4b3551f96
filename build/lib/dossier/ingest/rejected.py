"""Honouring ``rejected:``: what a reviewer rejected is not drafted again from that seed.

``review reject`` records each rejected draft in the article it came from, with the
seed's sentence that produced it (its anchor). While the seed still yields that very
sentence, its outcome is filtered here before any draft is built:

- a company: not a new company, not listed by the article, no facts, and no deal of
  this seed has it as a party (a company that is not one makes no deal);
- a deal: no sentence of this seed reports that deal (same kind family, same parties,
  a year apart at most), not only the anchor;
- a mention of a reviewed deal: likewise, so the article no longer says it reports it.

When the anchor sentence is edited, the rejection no longer holds: the seed says
something new there, and ingest drafts what it finds. Edits elsewhere in the seed
change nothing. A rejection recorded without a sentence holds while the seed names it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .deals import KIND_FAMILY
from .link import draft_slug_base
from .outcome import SeedOutcome, Sighting
from .state import State

Rejected = list[dict[str, Any]]
_KINDS = ("company", "deal", "mention")


def by_seed(state: State) -> dict[str, Rejected]:
    """Seed path → the rejections recorded in its article briefing (as written there)."""
    out: dict[str, Rejected] = {}
    for article in state.articles.values():
        seed, entries = article.data.get("seed"), article.data.get("rejected")
        if isinstance(seed, str) and isinstance(entries, list):
            valid = [e for e in entries if isinstance(e, dict) and _what(e) is not None]
            if valid:
                out.setdefault(seed, valid)
    return out


def honour(outcome: SeedOutcome, rejected: Rejected) -> SeedOutcome:
    """``outcome`` without what ``rejected`` rejects, where its anchor still holds."""
    for entry in rejected:
        what = _what(entry)
        if what is None:
            continue
        slug, quote = str(entry[what]), entry.get("quote")
        quote = quote if isinstance(quote, str) else None
        if what == "company":
            outcome = _without_company(outcome, slug, quote)
        else:
            outcome = _without_deal(outcome, slug if what == "deal" else None, quote)
    return outcome


def _what(entry: dict[str, Any]) -> str | None:
    found = [k for k in _KINDS if isinstance(entry.get(k), str)]
    return found[0] if len(found) == 1 else None


def _without_company(outcome: SeedOutcome, slug: str, quote: str | None) -> SeedOutcome:
    sentences = {s for c in outcome.new_companies if c.slug == slug for s in (c.quote, c.evidence)}
    holds = quote in sentences if quote is not None else slug in outcome.companies
    if not holds:
        return outcome
    return replace(
        outcome,
        companies=tuple(c for c in outcome.companies if c != slug),
        new_companies=tuple(c for c in outcome.new_companies if c.slug != slug),
        facts=tuple(f for f in outcome.facts if f.slug != slug),
        deals=tuple(s for s in outcome.deals if slug not in _parties(s)),
    )


def _without_deal(outcome: SeedOutcome, slug: str | None, quote: str | None) -> SeedOutcome:
    """``slug``: the rejected draft deal's, which its anchor must still give; None for a
    mention, whose deal is a reviewed one the anchor matched."""
    anchors = [
        s
        for s in outcome.deals
        if (quote is None or quote in (s.quote, s.finding.quote))
        and (slug is None or _named(slug, s))
    ]
    if not anchors:
        return outcome
    return replace(
        outcome, deals=tuple(s for s in outcome.deals if not any(_same(s, a) for a in anchors))
    )


def _parties(sighting: Sighting) -> frozenset[str]:
    return frozenset(slug for slug, _ in sighting.finding.parties)


def _same(a: Sighting, b: Sighting) -> bool:
    """The same deal as link.py matches deals: kind family, parties, a year apart at most."""
    fa, fb = a.finding, b.finding
    if KIND_FAMILY.get(fa.kind, fa.kind) != KIND_FAMILY.get(fb.kind, fb.kind):
        return False
    if _parties(a) != _parties(b):
        return False
    ya = fa.announced.year if fa.announced else None
    yb = fb.announced.year if fb.announced else None
    return ya is None or yb is None or abs(ya - yb) <= 1


def _named(slug: str, sighting: Sighting) -> bool:
    """True when link.py would name a draft deal of this sighting ``slug`` (or ``slug``
    numbered to keep it apart from another)."""
    base = draft_slug_base(sighting.finding)
    return slug == base or (slug.startswith(base + "-") and slug[len(base) + 1 :].isdigit())

"""What one seed gives ingest, independent of every other seed: its analysis reduced to
what the drafts need, with each deal's quote already checked against the seed.

Pure (the same seed and known companies always give the same outcome), so it can be
cached by content (see cache.py) and stored as JSON; the raw seed text is not kept.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..dates import PartialDate, parse_partial_date
from ..errors import Problem
from ..slugs import slugify
from .analyse import analyse
from .entities import Finder
from .profile import Cited, Said
from .quotes import around, quotable
from .text import collapse
from .types import DealFinding, IgnoredKeys, Metadata, NewCompany, RawArticle

# The shape of the cached JSON: part of the cache key (cache.py), so an entry written
# before a change of shape (2: the facts a seed states of its companies; 3: a new
# company's confidence; 4: how many sentences state a deal; 5: the doubtful phrases; 6:
# whether a sentence stated the deal's status; 7: the seed's warnings; 8: the front
# matter keys a warning names) is never read.
FORMAT = 8


@dataclass(frozen=True)
class Sighting:
    """A deal statement of the seed, with the quote the loader will accept (or None:
    no part of the sentence occurs in the seed, as with some HTML pages)."""

    finding: DealFinding
    quote: str | None


@dataclass(frozen=True)
class SeedOutcome:
    seed: str  # seeds/FILE
    sha: str  # sha256 of the seed's bytes
    meta: Metadata
    companies: tuple[str, ...]
    new_companies: tuple[NewCompany, ...]
    deals: tuple[Sighting, ...]
    summary: tuple[str, ...]
    key_points: tuple[str, ...]
    topics: tuple[str, ...]
    facts: tuple[Cited, ...] = ()  # what the seed says of its new companies (profile.py)
    doubtful: tuple[NewCompany, ...] = ()  # companies if another seed names them as such
    # how the seed was read otherwise than its format asks (kept, so that a draft made
    # again from the cache says it too)
    warnings: tuple[Problem, ...] = ()

    def base_slug(self) -> str:
        """The article's slug before any number that keeps it apart from another."""
        date = self.meta.published.iso() if self.meta.published else "undated"
        words = slugify(self.meta.title).split("-")
        base = "-".join([date, *words])[:70].rstrip("-")
        return base.rsplit("-", 1)[0] if len(base) == 70 and "-" in base else base


def outcome_of(raw: RawArticle, sha: str, known: Finder) -> SeedOutcome:
    """Analyse one seed with only ``known`` companies (and its own detections)."""
    analysis = analyse(raw, known)
    return SeedOutcome(
        seed=raw.path,
        sha=sha,
        meta=analysis.meta,
        companies=analysis.companies,
        # the quote the loader will accept for the sentence that showed each new company
        new_companies=tuple(replace(c, quote=_quote(c, raw)) for c in analysis.new_companies),
        deals=tuple(Sighting(f, quotable(f.quote, raw)) for f in analysis.deals),
        summary=analysis.summary,
        key_points=analysis.key_points,
        topics=analysis.topics,
        facts=tuple(c for c in (_cited(s, raw) for s in analysis.profiles) if c),
        doubtful=tuple(replace(c, quote=_quote(c, raw)) for c in analysis.doubtful),
        warnings=raw.warnings,
    )


def _quote(company: NewCompany, raw: RawArticle) -> str | None:
    """The sentence that showed the company, as the seed holds it; where markup splits
    it, the words around the name that the seed holds: every draft cites its evidence."""
    return quotable(company.evidence, raw) or around(
        company.evidence, (company.name, *company.aliases), raw
    )


def _cited(said: Said, raw: RawArticle) -> Cited | None:
    """The fact with its quote, or None when the seed does not hold the words that
    state it (an HTML page whose text was rearranged): a fact is never left uncited."""
    quote = quotable(said.sentence, raw)
    if quote is None or collapse(said.words) not in quote:
        return None
    return Cited(said.slug, said.field, said.value, quote)


def to_json(outcome: SeedOutcome) -> dict[str, Any]:
    meta = outcome.meta
    return {
        "seed": outcome.seed,
        "sha": outcome.sha,
        "meta": [
            meta.title,
            meta.outlet,
            meta.author,
            _date(meta.published),
            meta.url,
            meta.language,
        ],
        "companies": list(outcome.companies),
        "new": [_company(c) for c in outcome.new_companies],
        "doubtful": [_company(c) for c in outcome.doubtful],
        "deals": [[*_finding(s.finding), s.quote] for s in outcome.deals],
        "summary": list(outcome.summary),
        "key_points": list(outcome.key_points),
        "topics": list(outcome.topics),
        "facts": [[f.slug, f.field, f.value, f.quote] for f in outcome.facts],
        "warnings": [
            [w.path, w.line, w.field, w.message, w.hint, list(getattr(w, "keys", ()))]
            for w in outcome.warnings
        ],
    }


def from_json(data: dict[str, Any]) -> SeedOutcome:
    title, outlet, author, published, url, language = data["meta"]
    return SeedOutcome(
        seed=data["seed"],
        sha=data["sha"],
        meta=Metadata(title, outlet, author, _undate(published), url, language),
        companies=tuple(data["companies"]),
        new_companies=tuple(_uncompany(c) for c in data["new"]),
        doubtful=tuple(_uncompany(c) for c in data["doubtful"]),
        deals=tuple(Sighting(_unfinding(d[:-1]), d[-1]) for d in data["deals"]),
        summary=tuple(data["summary"]),
        key_points=tuple(data["key_points"]),
        topics=tuple(data["topics"]),
        facts=tuple(Cited(*fact) for fact in data["facts"]),
        warnings=tuple(_unwarning(*w) for w in data["warnings"]),
    )


def _unwarning(
    path: str, line: int | None, field: str, message: str, hint: str, keys: list[str]
) -> Problem:
    if keys:
        return IgnoredKeys(path, line, field, message, hint, tuple(keys))
    return Problem(path, line, field, message, hint)


def _company(c: NewCompany) -> list[Any]:
    return [c.slug, c.name, list(c.aliases), c.evidence, c.rule, c.quote, c.confidence]


def _uncompany(c: list[Any]) -> NewCompany:
    slug, name, aliases, evidence, rule, quote, confidence = c
    return NewCompany(slug, name, tuple(aliases), evidence, rule, quote, confidence)


def _finding(f: DealFinding) -> list[Any]:
    return [
        f.kind,
        f.status,
        [list(p) for p in f.parties],
        _date(f.announced),
        list(f.value) if f.value else None,
        list(f.areas),
        f.quote,
        f.background,
        f.rule,
        f.confidence,
        f.statements,
        f.stated,
    ]


def _unfinding(d: list[Any]) -> DealFinding:
    kind, status, parties, announced, value, areas, quote, background, rule, confidence, n, said = d
    return DealFinding(
        kind=kind,
        status=status,
        parties=tuple((slug, role) for slug, role in parties),
        announced=_undate(announced),
        value=(float(value[0]), value[1]) if value else None,
        areas=tuple(areas),
        quote=quote,
        background=background,
        rule=rule,
        confidence=confidence,
        statements=n,
        stated=said,
    )


def _date(date: PartialDate | None) -> str | None:
    return date.iso() if date else None


def _undate(text: str | None) -> PartialDate | None:
    return parse_partial_date(text) if text else None

"""Front matter that passed its checks → the model's frozen objects, one builder per kind."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .dates import PartialDate, parse_partial_date
from .frontmatter import Document
from .model import (
    Article,
    Claim,
    Company,
    Deal,
    Dispute,
    Evidence,
    Fact,
    Money,
    Origin,
    Party,
    Rejection,
    Resolution,
    Review,
    Source,
    Step,
)


def _date(value: str | None) -> PartialDate | None:
    return parse_partial_date(value) if value else None


def _review(data: dict[str, Any]) -> Review:
    review = data["review"]
    return Review(review["status"], review.get("by"), _date(review.get("date")))


def _claims(items: list[dict[str, str]] | tuple[()]) -> tuple[Claim, ...]:
    return tuple(Claim(c["value"], c["source"], c["quote"]) for c in items)


def _resolution(data: dict[str, str]) -> Resolution:
    return Resolution(data["value"], data["reason"], data.get("by"), _date(data.get("date")))


def _dispute(data: dict[str, str]) -> Dispute:
    return Dispute(data["reason"], data.get("by"), _date(data.get("date")))


def _evidence(data: dict[str, Any] | None) -> Evidence | None:
    if data is None:
        return None
    return Evidence(data["rule"], data["quote"], data["source"], float(data["confidence"]))


REJECTED_KINDS = ("company", "deal", "mention")


def _rejection(data: dict[str, str]) -> Rejection:
    what = next(k for k in REJECTED_KINDS if k in data)
    return Rejection(what, data[what], data.get("quote"), data.get("by"), _date(data.get("date")))


def _sources(items: list[dict[str, str]]) -> tuple[Source, ...]:
    return tuple(Source(s["article"], s["quote"]) for s in items)


def _article(slug: str, doc: Document) -> Article:
    d = doc.data
    return Article(
        slug=slug,
        title=d["title"],
        seed=d.get("seed"),
        url=d.get("url"),
        outlet=d.get("outlet"),
        author=d.get("author"),
        published=_date(d.get("published")),
        language=d.get("language", "en"),
        companies=tuple(d["companies"]),
        deals=tuple(d.get("deals", ())),
        topics=tuple(d.get("topics", ())),
        key_points=tuple(d.get("key_points", ())),
        summary=doc.body,
        review=_review(d),
        origin=Origin(doc.path, doc.lines),
        rejected=tuple(_rejection(r) for r in d.get("rejected", ())),
    )


def _company(slug: str, doc: Document) -> Company:
    d = doc.data
    facts = tuple(
        Fact(
            name,
            f.get("value"),
            f.get("source"),
            f.get("quote"),
            _claims(f.get("claims", ())),
            _resolution(f["resolved"]) if f.get("resolved") is not None else None,
            _dispute(f["disputed"]) if f.get("disputed") is not None else None,
        )
        for name, f in d.get("facts", {}).items()
    )
    return Company(
        slug=slug,
        name=d["name"],
        aliases=tuple(d.get("aliases", ())),
        description=doc.body,
        facts=facts,
        topics=tuple(d.get("topics", ())),
        review=_review(d),
        origin=Origin(doc.path, doc.lines),
        evidence=_evidence(d.get("evidence")),
    )


def _deal(slug: str, doc: Document) -> Deal:
    d = doc.data
    value = d.get("value")
    return Deal(
        slug=slug,
        title=d["title"],
        kind=d["kind"],
        status=d["status"],
        parties=tuple(Party(p["company"], p.get("role", "partner")) for p in d["parties"]),
        announced=_date(d.get("announced")),
        closed=_date(d.get("closed")),
        value=Money(float(value["amount"]), value["currency"]) if value else None,
        areas=tuple(d.get("areas", ())),
        sources=_sources(d["sources"]),
        related=tuple(d.get("related", ())),
        summary=doc.body,
        review=_review(d),
        origin=Origin(doc.path, doc.lines),
        claims={name: _claims(items) for name, items in d.get("claims", {}).items()},
        resolved={name: _resolution(r) for name, r in d.get("resolved", {}).items()},
        disputed={name: _dispute(r) for name, r in d.get("disputed", {}).items()},
        steps=tuple(
            Step(s["status"], _date(s.get("date")), _sources(s["sources"]))
            for s in d.get("steps", ())
        ),
        evidence=_evidence(d.get("evidence")),
    )


BUILDERS: dict[str, Callable[[str, Document], Any]] = {
    "article": _article,
    "company": _company,
    "deal": _deal,
}

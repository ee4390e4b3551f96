"""What changed, in words a reader of the site understands.

The semantic diff (diff.py) speaks to reviewers: slugs, field paths, counts. The
"What changed" page speaks to readers: one line per deal, company or article, named as
its page names it, each change a short phrase ("status agreed → completed", "source
added: The Herald, “Globex completes Acme deal”"), every company, deal and article
linked. The diff says which objects changed; their two versions are compared here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..model import Article, Company, Corpus, Deal, Fact
from .diff import KINDS, Change, follow

Part = tuple[str, str | None, str | None]  # (text, kind of the page it links to, slug)
Phrase = tuple[Part, ...]

_NOUN = {"company": "Company", "deal": "Deal", "article": "Article"}
_FIELD = {  # the words a page uses for each field
    "kind": "kind",
    "status": "status",
    "announced": "announced",
    "closed": "closed",
    "value": "value",
    "areas": "areas",
    "topics": "topics",
    "title": "title",
    "name": "name",
    "aliases": "also known as",
    "outlet": "outlet",
    "author": "author",
    "published": "published",
    "url": "link to the original",
    "key_points": "key points",
}


@dataclass(frozen=True)
class ReaderChange:
    """Everything one commit changed on one page: ``kind`` and ``slug`` link to it."""

    kind: str
    slug: str | None  # None: the page is gone
    name: str
    phrases: tuple[Phrase, ...]

    @property
    def noun(self) -> str:
        return _NOUN[self.kind]

    def text(self) -> str:
        said = "; ".join("".join(part[0] for part in phrase) for phrase in self.phrases)
        return f"{self.noun} {self.name}: {said}"


def for_readers(old: Corpus, new: Corpus, changes: tuple[Change, ...]) -> tuple[ReaderChange, ...]:
    """One ReaderChange per object ``changes`` touch, in the diff's order."""
    renamed = {(c.kind, c.slug): c.values[0] for c in changes if c.template == "renamed to {}"}
    renames = {kind: {s: n for (k, s), n in renamed.items() if k == kind} for kind in KINDS}
    seen: set[tuple[str, str]] = set()
    out = []
    for change in changes:
        key = (change.kind, change.slug)
        if key in seen or key in {(k, s) for (k, _), s in renamed.items()}:
            continue
        seen.add(key)
        slug_now = renamed.get(key, change.slug)
        before, after = _get(old, change.kind, change.slug), _get(new, change.kind, slug_now)
        if before is not None and after is not None:  # references that followed a rename
            before = follow(before, renames)
        phrases = tuple(_phrases(change.kind, before, after, old, new))
        if not phrases:
            continue  # wording outside the fields a reader sees
        shown = after or before
        name = _name(shown) if shown is not None else change.slug
        out.append(ReaderChange(change.kind, slug_now if after else None, name, phrases))
    return tuple(out)


def _get(corpus: Corpus, kind: str, slug: str) -> Any:
    by_kind: dict[str, dict[str, Any]] = {
        "company": corpus.companies,
        "deal": corpus.deals,
        "article": corpus.articles,
    }
    return by_kind[kind].get(slug)


def _name(obj: Any) -> str:
    return str(obj.name if isinstance(obj, Company) else obj.title)


def _words(text: str) -> Phrase:
    return ((text, None, None),)


def _phrases(kind: str, a: Any, b: Any, old: Corpus, new: Corpus) -> Iterator[Phrase]:
    if a is None and b is None:
        return
    if a is None:
        yield _words("new" + (", awaiting review" if b.review.status == "draft" else ""))
        return
    if b is None:
        rejected = any(
            r.what == kind and r.slug == a.slug
            for art in new.articles.values()
            for r in art.rejected
        )
        yield _words("rejected in review and removed" if rejected else "removed")
        return
    for name in _FIELD:
        if hasattr(a, name) and getattr(a, name) != getattr(b, name):
            yield from _field(name, getattr(a, name), getattr(b, name))
    if isinstance(a, Deal):
        yield from _deal(a, b, old, new)
    elif isinstance(a, Company):
        yield from _company(a, b, new)
    else:
        yield from _article(a, b, old, new)
    for prose in ("summary", "description"):
        if hasattr(a, prose) and " ".join(getattr(a, prose).split()) != " ".join(
            getattr(b, prose).split()
        ):
            yield _words(f"{'description' if prose == 'description' else 'summary'} rewritten")
    if a.review.status != b.review.status:
        by = f" by {b.review.by}" if b.review.by else ""
        yield _words(f"reviewed{by}" if b.review.status == "reviewed" else "back to draft")


def _show(value: Any) -> str:
    if value is None:
        return "none"
    if hasattr(value, "human"):
        return str(value.human())
    if hasattr(value, "currency"):
        return f"{value.amount:,.0f} {value.currency}"
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value) or "none"
    return str(value)


def _field(name: str, a: Any, b: Any) -> Iterator[Phrase]:
    label = _FIELD[name]
    if isinstance(a, tuple):
        added, removed = [x for x in b if x not in a], [x for x in a if x not in b]
        if added:
            yield _words(f"{label} added: {', '.join(map(str, added))}")
        if removed:
            yield _words(f"{label} removed: {', '.join(map(str, removed))}")
        return
    yield _words(f"{label} {_show(a)} → {_show(b)}")


def _linked(kind: str, slug: str, corpus: Corpus) -> Part:
    obj = _get(corpus, kind, slug)
    if obj is None:
        return (slug, None, None)
    if isinstance(obj, Article) and obj.outlet:
        return (f"{obj.outlet}, “{obj.title}”", kind, slug)
    return ((f"“{obj.title}”" if isinstance(obj, Article) else _name(obj)), kind, slug)


def _listing(
    what: str, kind: str, a: tuple[str, ...], b: tuple[str, ...], old: Corpus, new: Corpus
) -> Iterator[Phrase]:
    for slug in b:
        if slug not in a:
            yield ((f"{what} added: ", None, None), _linked(kind, slug, new))
    for slug in a:
        if slug not in b:
            yield ((f"{what} removed: ", None, None), _linked(kind, slug, old))


def _deal(a: Deal, b: Deal, old: Corpus, new: Corpus) -> Iterator[Phrase]:
    yield from _listing(
        "party",
        "company",
        tuple(p.company for p in a.parties),
        tuple(p.company for p in b.parties),
        old,
        new,
    )
    roles = {p.company: p.role for p in a.parties}
    for p in b.parties:
        if p.company in roles and roles[p.company] != p.role:
            yield (
                _linked("company", p.company, new),
                (f" now {p.role}, was {roles[p.company]}", None, None),
            )
    yield from _listing(
        "source",
        "article",
        tuple(s.article for s in a.sources),
        tuple(s.article for s in b.sources),
        old,
        new,
    )
    yield from _listing("related deal", "deal", a.related, b.related, old, new)
    for field in sorted(a.disputed.keys() | b.disputed.keys()):
        if a.disputed.get(field) != b.disputed.get(field):
            yield _dispute(field, b.disputed.get(field))
    for field in sorted(a.resolved.keys() | b.resolved.keys()):
        if a.resolved.get(field) != b.resolved.get(field) and b.resolved.get(field):
            yield _words(f"{field} settled: {b.resolved[field].value}")


def _dispute(field: str, now: Any) -> Phrase:
    if now is None:
        return _words(f"{field}: the sources' disagreement is open again")
    return _words(f"{field} disputed: sources disagree ({now.reason})")


def _company(a: Company, b: Company, new: Corpus) -> Iterator[Phrase]:
    facts_a = {f.name: f for f in a.facts}
    for fact in b.facts:
        was = facts_a.get(fact.name)
        if was is None:
            yield _words(f"{_label(fact.name)} added: {_fact_value(fact)}")
        elif was != fact:
            yield from _fact(was, fact, new)
    for name in facts_a:
        if name not in {f.name for f in b.facts}:
            yield _words(f"{_label(name)} removed")


def _label(name: str) -> str:
    return name.replace("_", " ")


def _fact_value(fact: Fact) -> str:
    if fact.value is not None:
        return fact.value
    values = list(dict.fromkeys(c.value for c in fact.claims))
    return " / ".join(values) if values else "—"


def _fact(a: Fact, b: Fact, new: Corpus) -> Iterator[Phrase]:
    label = _label(b.name)
    if _fact_value(a) != _fact_value(b):
        yield _words(f"{label} {_fact_value(a)} → {_fact_value(b)}")
    sources = {c.source for c in a.all_claims}
    for claim in b.all_claims:
        if claim.source not in sources:
            yield ((f"{label}: source added: ", None, None), _linked("article", claim.source, new))
    if a.disputed != b.disputed:
        yield _dispute(label, b.disputed)
    if a.resolved != b.resolved and b.resolved:
        yield _words(f"{label} settled: {b.resolved.value}")


def _article(a: Article, b: Article, old: Corpus, new: Corpus) -> Iterator[Phrase]:
    known = {(r.what, r.slug) for r in a.rejected}
    fresh = [r for r in b.rejected if (r.what, r.slug) not in known]
    gone = {r.slug for r in fresh}  # said once, as rejected, not also as removed
    companies = (*b.companies, *(s for s in a.companies if s in gone))
    yield from _listing("company", "company", a.companies, companies, old, new)
    yield from _listing(
        "deal", "deal", a.deals, (*b.deals, *(s for s in a.deals if s in gone)), old, new
    )
    for r in fresh:
        if r.what == "mention":
            yield (("no longer said to report ", None, None), _linked("deal", r.slug, new))
        else:
            yield ((f"{r.what} rejected in review: ", None, None), _linked(r.what, r.slug, old))

"""The semantic diff: what changed in the knowledge between two loaded corpora.

Models are compared, not lines: a deal whose status moved, a source added to a
deal, a company whose file was renamed (references to it that follow the rename
are not reported again), a draft approved.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import Problem
from ..load import Loaded
from ..model import (
    Article,
    Claim,
    Company,
    Deal,
    Dispute,
    Fact,
    Money,
    Party,
    Rejection,
    Resolution,
    Review,
    Source,
    Step,
)

KINDS = ("company", "deal", "article")  # the order changes are listed in
# evidence says why ingest drafted a briefing, not what is known; approving drops it,
# which the approval line already reports.
_SKIP = {"slug", "origin", "evidence"}
_PROSE = {"summary", "description"}  # long markdown: say that it changed, not how


@dataclass(frozen=True)
class Change:
    """One statement about one object, e.g. ``deal x: status {} → {}`` with its values.

    Values are kept apart from the sentence so each output format can quote them.
    """

    kind: str
    slug: str
    template: str
    values: tuple[str, ...] = ()

    def detail(self) -> str:
        return self.template.format(*self.values)

    def text(self) -> str:
        return f"{self.kind} {self.slug}: {self.detail()}"


@dataclass(frozen=True)
class Diff:
    old: str  # how each side is named to the user: "HEAD~1", "the working tree"
    new: str
    changes: tuple[Change, ...]
    problems: tuple[tuple[str, tuple[Problem, ...]], ...]  # (side, its problems)


Renames = dict[str, dict[str, str]]


def semantic_diff(
    old: Loaded, new: Loaded, old_name: str, new_name: str, approved_on: str | None = None
) -> Diff:
    """Compare two loaded revisions. ``approved_on``: the new side's commit date, if any."""
    renames: Renames = {kind: {} for kind in KINDS}
    for _ in range(2):  # a second pass finds renames whose references followed a first one
        renames = {kind: _renames(kind, old, new, renames) for kind in KINDS}
    changes: list[Change] = []
    for kind in KINDS:
        changes += _compare_kind(kind, old, new, renames, old_name, new_name, approved_on)
    problems = tuple((name, side.problems) for name, side in ((old_name, old), (new_name, new)))
    return Diff(old_name, new_name, tuple(changes), tuple(p for p in problems if p[1]))


def _objects(loaded: Loaded, kind: str) -> dict[str, Any]:
    c = loaded.corpus
    by_kind: dict[str, dict[str, Any]] = {
        "article": c.articles,
        "company": c.companies,
        "deal": c.deals,
    }
    return by_kind[kind]


def _compare_kind(
    kind: str,
    old: Loaded,
    new: Loaded,
    renames: Renames,
    old_name: str,
    new_name: str,
    approved_on: str | None,
) -> Iterator[Change]:
    before, after = _objects(old, kind), _objects(new, kind)
    moved = renames[kind]
    for slug in sorted(old.present[kind] | new.present[kind]):
        if slug in moved:
            yield Change(kind, slug, "renamed to {}", (moved[slug],))
            yield from _fields(
                kind, moved[slug], before[slug], after[moved[slug]], renames, approved_on
            )
            continue
        if slug in moved.values():
            continue
        was, now = slug in old.present[kind], slug in new.present[kind]
        if was and now:
            if slug not in before or slug not in after:
                side = old_name if slug not in before else new_name
                yield Change(kind, slug, "not compared: the file is invalid in {}", (side,))
            else:
                yield from _fields(kind, slug, before[slug], after[slug], renames, approved_on)
        elif now:
            obj = after.get(slug)
            yield Change(kind, slug, "added" + _label(obj), _title(obj))
        else:
            obj = before.get(slug)
            yield Change(kind, slug, "removed" + _label(obj, draft=False), _title(obj))


def _title(obj: Any) -> tuple[str, ...]:
    if obj is None:
        return ()
    return (obj.name if isinstance(obj, Company) else obj.title,)


def _label(obj: Any, draft: bool = True) -> str:
    if obj is None:
        return " (invalid file)" if draft else ""
    return ": {}" + (" (draft)" if draft and obj.review.status == "draft" else "")


# --- renames -------------------------------------------------------------------


def _renames(kind: str, old: Loaded, new: Loaded, known: Renames) -> dict[str, str]:
    """Removed and added slugs of one kind whose content is the same or mostly the same."""
    before, after = _objects(old, kind), _objects(new, kind)
    gone = [s for s in sorted(before) if s not in new.present[kind]]
    came = [s for s in sorted(after) if s not in old.present[kind]]
    pairs: dict[str, str] = {}
    scored = sorted(
        (-_similarity(follow(before[g], known), after[c]), g, c) for g in gone for c in came
    )
    for score, g, c in scored:
        # More than half of the filled-in fields equal: git's own rename threshold is 50%.
        if -score > 0.5 and g not in pairs and c not in pairs.values():
            pairs[g] = c
    return pairs


def _similarity(a: Any, b: Any) -> float:
    if type(a) is not type(b):
        return 0.0
    filled = equal = 0
    for f in dataclasses.fields(a):
        if f.name in _SKIP:
            continue
        x, y = getattr(a, f.name), getattr(b, f.name)
        if f.name in _PROSE:
            x, y = " ".join(x.split()), " ".join(y.split())
        # Empty on both sides says nothing: two unrelated drafts share many empty fields.
        if x or y:
            filled += 1
            equal += x == y
    return equal / filled if filled else 0.0


def follow(obj: Any, renames: Renames) -> Any:
    """``obj`` with references to renamed objects pointing at their new slugs."""
    co, de, ar = renames["company"], renames["deal"], renames["article"]
    if isinstance(obj, Article):
        return dataclasses.replace(
            obj,
            companies=tuple(co.get(s, s) for s in obj.companies),
            deals=tuple(de.get(s, s) for s in obj.deals),
        )

    def sources(items: tuple[Source, ...]) -> tuple[Source, ...]:
        return tuple(Source(ar.get(s.article, s.article), s.quote) for s in items)

    def claims(items: tuple[Claim, ...]) -> tuple[Claim, ...]:
        return tuple(dataclasses.replace(c, source=ar.get(c.source, c.source)) for c in items)

    if isinstance(obj, Deal):
        return dataclasses.replace(
            obj,
            parties=tuple(Party(co.get(p.company, p.company), p.role) for p in obj.parties),
            sources=sources(obj.sources),
            related=tuple(de.get(s, s) for s in obj.related),
            claims={name: claims(items) for name, items in obj.claims.items()},
            steps=tuple(dataclasses.replace(st, sources=sources(st.sources)) for st in obj.steps),
        )
    if isinstance(obj, Company):
        facts = tuple(
            dataclasses.replace(
                f, source=ar.get(f.source, f.source) if f.source else None, claims=claims(f.claims)
            )
            for f in obj.facts
        )
        return dataclasses.replace(obj, facts=facts)
    return obj


# --- field by field ------------------------------------------------------------


def _fields(
    kind: str, slug: str, old: Any, new: Any, renames: Renames, approved_on: str | None
) -> Iterator[Change]:
    old = follow(old, renames)
    for f in dataclasses.fields(new):
        name = f.name
        a, b = getattr(old, name), getattr(new, name)
        if name in _SKIP or a == b:
            continue
        if name in _PROSE:
            if " ".join(a.split()) != " ".join(b.split()):
                yield Change(kind, slug, f"{name} edited")
        elif name == "review":
            yield from _review(kind, slug, a, b, approved_on)
        elif name == "parties":
            yield from _keyed(kind, slug, name, a, b, lambda p: p.company, _party)
        elif name == "sources":
            yield from _keyed(kind, slug, name, a, b, _article, _source)
        elif name == "facts":
            yield from _keyed(kind, slug, name, a, b, lambda x: x.name, _fact)
        elif name == "steps":
            yield from _keyed(kind, slug, name, a, b, lambda x: x.status, _step)
        elif name == "claims":  # a deal's claims per field: {field: (Claim, ...)}
            for key in sorted(a.keys() | b.keys()):
                yield from _claims(kind, slug, f"claims.{key}", a.get(key, ()), b.get(key, ()))
        elif name == "resolved":  # {field: Resolution}
            for key in sorted(a.keys() | b.keys()):
                yield from _resolution(kind, slug, f"claims.{key}", a.get(key), b.get(key))
        elif name == "disputed":  # {field: Dispute}
            for key in sorted(a.keys() | b.keys()):
                yield from _dispute(kind, slug, f"claims.{key}", a.get(key), b.get(key))
        elif name == "rejected":
            yield from _rejections(kind, slug, a, b)
        elif isinstance(a, tuple) or isinstance(b, tuple):
            yield from _listed(kind, slug, name, a, b)
        else:
            yield Change(kind, slug, name + " {} → {}", (_show(a), _show(b)))


def _show(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, Money):
        return f"{value.amount:,.0f} {value.currency}"
    if hasattr(value, "iso"):
        return str(value.iso())
    return str(value)


def _listed(
    kind: str, slug: str, name: str, a: tuple[Any, ...], b: tuple[Any, ...]
) -> Iterator[Change]:
    added = [x for x in b if x not in a]
    removed = [x for x in a if x not in b]
    if added:
        yield Change(kind, slug, f"{name} +{len(added)}: " + _slots(added), tuple(added))
    if removed:
        yield Change(kind, slug, f"{name} -{len(removed)}: " + _slots(removed), tuple(removed))
    if not added and not removed:
        yield Change(kind, slug, f"{name} reordered")


def _slots(values: list[Any]) -> str:
    return ", ".join("{}" for _ in values)


def _keyed(
    kind: str,
    slug: str,
    name: str,
    a: tuple[Any, ...],
    b: tuple[Any, ...],
    key: Callable[[Any], str],
    describe: Callable[[str, str, str, Any, Any], Iterator[Change]],
) -> Iterator[Change]:
    """Lists of records (parties, sources, facts): compared record by record, by key."""
    old, new = {key(x): x for x in a}, {key(x): x for x in b}
    added = [k for k in new if k not in old]
    removed = [k for k in old if k not in new]
    if added:
        yield Change(kind, slug, f"{name} +{len(added)}: " + _slots(added), tuple(added))
    if removed:
        yield Change(kind, slug, f"{name} -{len(removed)}: " + _slots(removed), tuple(removed))
    for k in new:
        if k in old and old[k] != new[k]:
            yield from describe(kind, slug, k, old[k], new[k])


def _article(source: Source) -> str:
    return source.article


def _party(kind: str, slug: str, k: str, a: Party, b: Party) -> Iterator[Change]:
    yield Change(kind, slug, "parties {}: role {} → {}", (k, a.role, b.role))


def _source(kind: str, slug: str, k: str, a: Source, b: Source) -> Iterator[Change]:
    yield Change(kind, slug, "sources {}: quote edited", (k,))


def _fact(kind: str, slug: str, k: str, a: Fact, b: Fact) -> Iterator[Change]:
    for part in ("value", "source", "quote"):
        x, y = getattr(a, part), getattr(b, part)
        if x != y:
            yield Change(kind, slug, f"facts.{k}.{part} {{}} → {{}}", (_show(x), _show(y)))
    yield from _claims(kind, slug, f"facts.{k}", a.claims, b.claims)
    yield from _resolution(kind, slug, f"facts.{k}", a.resolved, b.resolved)
    yield from _dispute(kind, slug, f"facts.{k}", a.disputed, b.disputed)


def _step(kind: str, slug: str, k: str, a: Step, b: Step) -> Iterator[Change]:
    if a.date != b.date:
        yield Change(kind, slug, "steps {}: date {} → {}", (k, _show(a.date), _show(b.date)))
    if a.sources != b.sources:

        def edited(kind: str, slug: str, art: str, x: Source, y: Source) -> Iterator[Change]:
            yield Change(kind, slug, f"steps.{k}.sources {{}}: quote edited", (art,))

        yield from _keyed(kind, slug, f"steps.{k}.sources", a.sources, b.sources, _article, edited)


def _claims(
    kind: str, slug: str, at: str, a: tuple[Claim, ...], b: tuple[Claim, ...]
) -> Iterator[Change]:
    """Claims of one fact, by the article that makes them: a new source, a changed value."""

    def changed(kind: str, slug: str, k: str, x: Claim, y: Claim) -> Iterator[Change]:
        if x.value != y.value:
            yield Change(kind, slug, f"{at} {{}} says {{}} → {{}}", (k, x.value, y.value))
        if x.quote != y.quote:
            yield Change(kind, slug, f"{at} {{}}: quote edited", (k,))

    yield from _keyed(kind, slug, f"{at}.claims", a, b, lambda c: c.source, changed)


def _dispute(
    kind: str, slug: str, at: str, a: Dispute | None, b: Dispute | None
) -> Iterator[Change]:
    if a == b:
        return
    if b is None:
        yield Change(kind, slug, f"{at}: dispute removed, the conflict awaits review again")
    elif a is None:
        by = " by {}" if b.by else ""
        values = (b.reason, b.by) if b.by else (b.reason,)
        yield Change(kind, slug, f"{at} disputed: sources disagree: {{}}{by}", values)
    else:
        yield Change(kind, slug, f"{at}: dispute reason or reviewer edited")


_REJECTED = {"company": "company", "deal": "deal", "mention": "mention of the reviewed deal"}


def _rejections(
    kind: str, slug: str, a: tuple[Rejection, ...], b: tuple[Rejection, ...]
) -> Iterator[Change]:
    """Rejections recorded in an article (review reject), by what was rejected."""
    old = {(r.what, r.slug): r for r in a}
    for r in b:
        key = (r.what, r.slug)
        if old.get(key) == r:
            continue
        if key in old:
            yield Change(kind, slug, f"rejection of {_REJECTED[r.what]} {{}} edited", (r.slug,))
            continue
        by = " by {}" if r.by else ""
        values = (r.slug, r.by) if r.by else (r.slug,)
        yield Change(kind, slug, f"rejected {_REJECTED[r.what]} {{}}{by}", values)
    kept = {(r.what, r.slug) for r in b}
    for key, r in old.items():
        if key not in kept:
            yield Change(kind, slug, f"rejection of {_REJECTED[r.what]} {{}} withdrawn", (r.slug,))


def _resolution(
    kind: str, slug: str, at: str, a: Resolution | None, b: Resolution | None
) -> Iterator[Change]:
    if a == b:
        return
    if b is None:
        yield Change(kind, slug, f"{at}: resolution removed, the conflict is open again")
    elif a is None or a.value != b.value:
        by = " by {}" if b.by else ""
        values = (b.value, b.by) if b.by else (b.value,)
        yield Change(kind, slug, f"{at} resolved: {{}}{by}", values)
    else:
        yield Change(kind, slug, f"{at}: resolution reason or reviewer edited")


def _review(
    kind: str, slug: str, a: Review, b: Review, approved_on: str | None
) -> Iterator[Change]:
    if a.status == "draft" and b.status == "reviewed":
        by = " by {}" if b.by else ""
        when = _show(b.date) if b.date else approved_on
        values = tuple(v for v in (b.by, when) if v)
        yield Change(kind, slug, "approved" + by + (" on {}" if when else ""), values)
    elif a.status == "reviewed" and b.status == "draft":
        yield Change(kind, slug, "back to draft")
    else:
        for part in ("by", "date"):
            x, y = getattr(a, part), getattr(b, part)
            if x != y:
                yield Change(kind, slug, f"review.{part} {{}} → {{}}", (_show(x), _show(y)))

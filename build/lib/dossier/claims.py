"""Claims from several sources: well-formed, and where they disagree (conflicts).

A fact or deal field may carry claims, each an article's value for it. Claims
whose values differ (after case and width folding) are a conflict; a reviewer
closes it by writing ``resolved: {value, reason}``. Until then the page shows
every value with its sources. When no value can be chosen, the reviewer
acknowledges the dispute with ``disputed: {reason}``: the conflict stays open (the
page still picks none and shows the reason), but it no longer needs review, and
``check --strict`` fails only on conflicts that are neither resolved nor disputed.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from .errors import Problem
from .model import Claim, Company, Corpus, Deal, Dispute, Origin, Resolution
from .slugs import fold

_STATUS_ORDER = ("rumored", "announced", "agreed", "completed", "terminated")


@dataclass(frozen=True)
class Conflict:
    """Sources that give different values for one fact of one company or deal."""

    kind: str  # "company" | "deal"
    slug: str
    field: str
    claims: tuple[Claim, ...]
    resolution: Resolution | None
    origin: Origin
    line: int
    dispute: Dispute | None = None

    @property
    def is_open(self) -> bool:
        """No value chosen: the page shows every claim (disputed or not)."""
        return self.resolution is None

    @property
    def is_disputed(self) -> bool:
        """Open, and a reviewer has recorded why it stays open."""
        return self.resolution is None and self.dispute is not None

    @property
    def needs_review(self) -> bool:
        """Open and not acknowledged: what ``check --strict`` fails on."""
        return self.resolution is None and self.dispute is None

    def values(self) -> tuple[tuple[str, tuple[Claim, ...]], ...]:
        """Each distinct value with the claims that give it, in first-seen order."""
        groups: dict[str, list[Claim]] = {}
        shown: dict[str, str] = {}
        for claim in self.claims:
            key = fold(claim.value)
            groups.setdefault(key, []).append(claim)
            shown.setdefault(key, claim.value)
        return tuple((shown[k], tuple(v)) for k, v in groups.items())

    def overruled(self) -> tuple[tuple[str, tuple[Claim, ...]], ...]:
        """The values a resolution did not choose."""
        chosen = fold(self.resolution.value) if self.resolution else None
        return tuple((v, c) for v, c in self.values() if fold(v) != chosen)

    def as_problem(self) -> Problem:
        said = "; ".join(
            f"'{value}' ({', '.join(c.source for c in claims)})" for value, claims in self.values()
        )
        where = "facts." if self.kind == "company" else "claims."
        return Problem(
            self.origin.path,
            self.line,
            where + self.field,
            f"sources disagree: {said}",
            "choose a value under 'resolved:' with a reason, or if the sources truly "
            f"disagree run: python build.py review dispute {self.slug} {self.field} "
            '--reason "…"',
        )


def _disagree(claims: tuple[Claim, ...]) -> bool:
    return len({fold(c.value) for c in claims}) > 1


def find_conflicts(corpus: Corpus) -> list[Conflict]:
    """Every conflict, open or resolved, in a fixed order."""
    found = []
    for company in corpus.companies.values():
        found += company_conflicts(company)
    for deal in corpus.deals.values():
        found += deal_conflicts(deal)
    return found


def company_conflicts(company: Company) -> list[Conflict]:
    """The facts of one company whose sources disagree, in file order."""
    return [
        Conflict(
            "company",
            company.slug,
            fact.name,
            fact.all_claims,
            fact.resolved,
            company.origin,
            company.origin.line_of("facts", fact.name),
            fact.disputed,
        )
        for fact in company.facts
        if _disagree(fact.all_claims)
    ]


def deal_conflicts(deal: Deal) -> list[Conflict]:
    """The claims of one deal whose sources disagree, in file order."""
    return [
        Conflict(
            "deal",
            deal.slug,
            name,
            claims,
            deal.resolved.get(name),
            deal.origin,
            deal.origin.line_of("claims", name),
            deal.disputed.get(name),
        )
        for name, claims in deal.claims.items()
        if _disagree(claims)
    ]


def open_conflicts(corpus: Corpus) -> list[Conflict]:
    """Conflicts with no value chosen, acknowledged as disputed or not."""
    return [c for c in find_conflicts(corpus) if c.is_open]


def unacknowledged_conflicts(corpus: Corpus) -> list[Conflict]:
    """Open conflicts nobody has resolved or acknowledged: ``check --strict`` fails on them."""
    return [c for c in find_conflicts(corpus) if c.needs_review]


def check(corpus: Corpus) -> Iterator[Problem]:
    """Claims, resolutions and lifecycle steps that cannot be right as written."""
    for company in corpus.companies.values():
        origin = company.origin
        for fact in company.facts:
            at = ("facts", fact.name)
            if (fact.value is None) == (not fact.claims):
                yield _problem(
                    origin,
                    at,
                    "needs either 'value' or 'claims', not both",
                    "use value for one source, claims for several",
                )
            if fact.claims and (fact.source or fact.quote):
                yield _problem(
                    origin,
                    at,
                    "'source' and 'quote' go inside each claim",
                    "move them into the claims list",
                )
            if fact.resolved and not _disagree(fact.all_claims):
                yield _problem(
                    origin,
                    (*at, "resolved"),
                    "resolves nothing: the claims agree",
                    "remove 'resolved'",
                )
            if fact.disputed and not _disagree(fact.all_claims):
                yield _problem(
                    origin,
                    (*at, "disputed"),
                    "disputes nothing: the claims agree",
                    "remove 'disputed'",
                )
            if fact.disputed and fact.resolved:
                yield _problem(
                    origin,
                    (*at, "disputed"),
                    "is both resolved and disputed",
                    "keep 'resolved' if a value was chosen, else remove it and keep 'disputed'",
                )
    for deal in corpus.deals.values():
        for name, claims in deal.claims.items():
            own = _field_text(deal, name)
            if own is not None and not _disagree(claims) and fold(claims[0].value) != fold(own):
                yield _problem(
                    deal.origin,
                    ("claims", name),
                    f"the sources say '{claims[0].value}' but {name} is '{own}'",
                    f"make {name} match its sources, or add the source that says '{own}'",
                )
        for name in deal.resolved:
            if not _disagree(deal.claims.get(name, ())):
                yield _problem(
                    deal.origin,
                    ("resolved", name),
                    "resolves nothing: no claims for this field disagree",
                    "remove it, or add the claims it chooses between",
                )
        for name in deal.disputed:
            if not _disagree(deal.claims.get(name, ())):
                yield _problem(
                    deal.origin,
                    ("disputed", name),
                    "disputes nothing: no claims for this field disagree",
                    "remove it, or add the claims that disagree",
                )
            elif name in deal.resolved:
                yield _problem(
                    deal.origin,
                    ("disputed", name),
                    "is both resolved and disputed",
                    "keep 'resolved' if a value was chosen, else remove it and keep 'disputed'",
                )
        yield from _check_steps(corpus, deal.slug)


def _field_text(deal: Deal, name: str) -> str | None:
    """A deal field as the text a claim would give for it (None: not comparable)."""
    if name in ("kind", "status"):
        return str(getattr(deal, name))
    if name in ("announced", "closed"):
        date = getattr(deal, name)
        return date.iso() if date else None
    return None


def _check_steps(corpus: Corpus, slug: str) -> Iterator[Problem]:
    deal = corpus.deals[slug]
    if not deal.steps:
        return
    last = deal.steps[-1]
    if last.status != deal.status:
        yield _problem(
            deal.origin,
            ("steps", len(deal.steps) - 1, "status"),
            f"last step is '{last.status}' but the deal's status is '{deal.status}'",
            "the newest step is the current status: make them the same",
        )
    dated = [(i, s) for i, s in enumerate(deal.steps) if s.date]
    for (_, before), (i, after) in itertools.pairwise(dated):
        if after.date and before.date and after.date < before.date:
            yield _problem(
                deal.origin,
                ("steps", i, "date"),
                f"{after.date} is before the previous step's {before.date}",
                "list steps oldest first",
            )
    for i, step in enumerate(deal.steps[1:], start=1):
        previous = deal.steps[i - 1].status
        if previous in ("completed", "terminated"):
            yield _problem(
                deal.origin,
                ("steps", i, "status"),
                f"follows '{previous}', which ends a deal",
                "a completed or terminated deal has no later steps",
            )
        elif (
            _STATUS_ORDER.index(step.status) < _STATUS_ORDER.index(previous)
            and step.status != "terminated"
        ):
            yield _problem(
                deal.origin,
                ("steps", i, "status"),
                f"goes back from '{previous}' to '{step.status}'",
                "order steps oldest first; a deal only moves forward",
            )


def _problem(origin: Origin, at: tuple[str | int, ...], message: str, hint: str) -> Problem:
    field = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in at).replace(".[", "[")
    return Problem(origin.path, origin.line_of(*at), field, message, hint)

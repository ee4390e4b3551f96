"""The loaded knowledge base: plain frozen values passed from the loader to the renderers.

Every object keeps the file it came from (``origin``) so later stages can still
point a user at the right place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .dates import PartialDate
from .errors import Problem


@dataclass(frozen=True)
class Origin:
    """The file an object was loaded from and the line of each of its fields."""

    path: str
    lines: dict[tuple[str | int, ...], int] = field(default_factory=dict, compare=False)
    # Hash of the file's kind, path and bytes, which determine the object entirely:
    # a rebuild compares these to tell which pages need rendering again.
    digest: str = field(default="", compare=False)

    def line_of(self, *path: str | int) -> int:
        """Line of a field such as ``("parties", 0, "company")``, or of its nearest parent."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 1


@dataclass(frozen=True)
class Review:
    status: str  # "draft" | "reviewed"
    by: str | None = None
    date: PartialDate | None = None


@dataclass(frozen=True)
class Claim:
    """What one article says about one fact: the value and the words that say it."""

    value: str
    source: str  # article slug
    quote: str


@dataclass(frozen=True)
class Resolution:
    """A reviewer's choice between claims that disagree, and why."""

    value: str
    reason: str
    by: str | None = None
    date: PartialDate | None = None


@dataclass(frozen=True)
class Dispute:
    """A reviewer's note that claims disagree and stay open: no value chosen, and why."""

    reason: str
    by: str | None = None
    date: PartialDate | None = None


@dataclass(frozen=True)
class Rejection:
    """A draft a reviewer rejected, recorded in the article it came from.

    ``what`` is "company", "deal" or "mention" (a reviewed deal the article was said to
    report); ``quote`` the seed's sentence that produced it: ingest never drafts it again
    from this seed while the seed still says exactly that.
    """

    what: str
    slug: str
    quote: str | None = None
    by: str | None = None
    date: PartialDate | None = None


@dataclass(frozen=True)
class Fact:
    """A key fact on a company profile.

    Written either as one ``value`` (with ``source``/``quote`` when known) or as
    ``claims`` from several sources, which may disagree until ``resolved`` (or,
    when no value can be chosen, stay ``disputed`` with a reviewer's reason).
    """

    name: str
    value: str | None = None
    source: str | None = None  # article slug
    quote: str | None = None
    claims: tuple[Claim, ...] = ()
    resolved: Resolution | None = None
    disputed: Dispute | None = None

    @property
    def all_claims(self) -> tuple[Claim, ...]:
        """Every sourced statement of this fact, the shorthand form included."""
        if self.claims:
            return self.claims
        if self.value is not None and self.source and self.quote:
            return (Claim(self.value, self.source, self.quote),)
        return ()


@dataclass(frozen=True)
class Evidence:
    """Why ingest drafted a company or deal: the rule, the sentence, how sure it is.

    Only drafts carry it (load refuses it on reviewed files): once a person approves
    a briefing, their review is the reason it exists.
    """

    rule: str  # e.g. "legal form", "acquisition word “acquire” with two companies"
    quote: str  # the sentence, exact words of the article
    source: str  # article slug
    confidence: float  # 0–1


@dataclass(frozen=True)
class Company:
    slug: str
    name: str
    aliases: tuple[str, ...]
    description: str  # markdown
    facts: tuple[Fact, ...]
    topics: tuple[str, ...]
    review: Review
    origin: Origin
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Party:
    company: str  # company slug
    role: str


@dataclass(frozen=True)
class Source:
    """An article that reports a deal, with the sentence that supports it."""

    article: str  # article slug
    quote: str


@dataclass(frozen=True)
class Step:
    """One dated step of a deal's lifecycle (rumored → announced → agreed → …)."""

    status: str
    date: PartialDate | None
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Money:
    amount: float
    currency: str


@dataclass(frozen=True)
class Deal:
    slug: str
    title: str
    kind: str
    status: str
    parties: tuple[Party, ...]
    announced: PartialDate | None
    closed: PartialDate | None
    value: Money | None
    areas: tuple[str, ...]
    sources: tuple[Source, ...]
    related: tuple[str, ...]
    summary: str  # markdown
    review: Review
    origin: Origin
    claims: dict[str, tuple[Claim, ...]] = field(default_factory=dict, compare=False)
    resolved: dict[str, Resolution] = field(default_factory=dict, compare=False)
    disputed: dict[str, Dispute] = field(default_factory=dict, compare=False)
    steps: tuple[Step, ...] = ()
    evidence: Evidence | None = None

    @property
    def date(self) -> PartialDate | None:
        """The date a reader sorts deals by."""
        return self.announced or self.closed


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    seed: str | None
    url: str | None
    outlet: str | None
    author: str | None
    published: PartialDate | None
    language: str
    companies: tuple[str, ...]
    deals: tuple[str, ...]
    topics: tuple[str, ...]
    key_points: tuple[str, ...]
    summary: str  # markdown
    review: Review
    origin: Origin
    rejected: tuple[Rejection, ...] = ()


@dataclass(frozen=True)
class Corpus:
    """Everything in briefings/, validated and cross-referenced, keyed by slug."""

    companies: dict[str, Company] = field(default_factory=dict)
    deals: dict[str, Deal] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    # Digest of each article's seed text: syndicated copies share one.
    seed_digests: dict[str, str] = field(default_factory=dict)
    # Ingest's placeholders left in each briefing file, by path (placeholders.py):
    # found on the bytes the loader read, so views need not read files again.
    placeholders: dict[str, tuple[Problem, ...]] = field(default_factory=dict)

    def as_of(self) -> PartialDate | None:
        """The newest date the corpus mentions: the site's "as of", never the clock."""
        dates = [a.published for a in self.articles.values() if a.published]
        dates += [d.date for d in self.deals.values() if d.date]
        return max(dates, default=None)

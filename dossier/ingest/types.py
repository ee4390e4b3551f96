"""Plain values passed between the ingest stages."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..dates import PartialDate
from ..errors import Problem

# How sure a draft can be: never certain until someone reviews it.
CEILING = 0.95


@dataclass(frozen=True, order=True)
class IgnoredKeys(Problem):
    """A seed's front matter keys that are no seed's (``layout``, ``tags``): ingest says
    which, over all seeds at once (a blog export carries a dozen in every file)."""

    keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class RawArticle:
    """A seed read from disk: its text (decoded, LF line ends) and any metadata found."""

    path: str  # seeds/FILE
    text: str
    meta: dict[str, str] = field(default_factory=dict)  # title, outlet, author, published, url…
    quotable: str = ""  # the seed as the loader's quote check sees it (whitespace collapsed)
    warnings: tuple[Problem, ...] = ()  # what the reader could not use as its format says


@dataclass(frozen=True)
class Paragraph:
    text: str
    heading: bool = False  # a short line without end punctuation: a heading, not prose


@dataclass(frozen=True)
class Metadata:
    title: str
    outlet: str | None
    author: str | None
    published: PartialDate | None
    url: str | None
    language: str


@dataclass(frozen=True)
class KnownCompany:
    slug: str
    name: str
    names: tuple[str, ...]  # name and aliases, as written


@dataclass(frozen=True)
class Mention:
    slug: str
    start: int  # offset in the sentence
    end: int
    possessed: bool = False  # "Huawei’s DeepSeek platform": named as another's product here


@dataclass(frozen=True)
class NewCompany:
    """An organisation not yet in briefings/companies/, proposed as a draft profile."""

    slug: str
    name: str
    aliases: tuple[str, ...]
    evidence: str  # the sentence it was found in
    rule: str = ""  # what in that sentence says it is a company (clues.CONFIDENCE)
    quote: str | None = None  # that sentence as the seed has it (outcome.py), or None
    confidence: float | None = None  # the company model's, else the rule's (CONFIDENCE)


@dataclass(frozen=True)
class DealFinding:
    kind: str
    status: str
    parties: tuple[tuple[str, str], ...]  # (company slug, role)
    announced: PartialDate | None
    value: tuple[float, str] | None
    areas: tuple[str, ...]
    quote: str
    background: bool  # an older deal recalled by the article, not its news
    rule: str = ""  # why it is a deal: the words that made it one
    confidence: float = 0.0  # how sure ingest is (0–1), for the review queue
    statements: int = 1  # how many of the article's sentences state it
    # whether a sentence says how far the deal got ("agreed to", "completed", "is in
    # talks"); one that only names it ("the purchase of Fingerhut by Federated") does not
    stated: bool = True

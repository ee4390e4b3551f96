"""Checks across files: references resolve, names do not collide, quotes are real.

Runs on a Corpus whose files each passed their schema, so every field has the
right shape here and only the relations between files are in question.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from .errors import Problem
from .model import Corpus, Origin
from .provenance import Citation, citations, evidence_citations, normalise
from .schema import did_you_mean
from .slugs import fold

_FOLDER = {"company": "companies", "deal": "deals", "article": "articles"}


@dataclass(frozen=True)
class Quotes:
    """Quotes found in their seeds (``quote_key``): by the last valid load (``known``,
    not looked for again) and by this one (``found``, filled by ``check``). Finding a
    quote normalises its seed's text: all 10,000 of them took half a second of a build.
    """

    known: frozenset[str] = frozenset()
    found: set[str] = dataclasses.field(default_factory=set)


def quote_key(seed_digest: str, quote: str) -> str:
    """A quote in the seed whose text has ``seed_digest`` (load.py: a digest of the
    normalised text, so the key settles whether the quote is in it)."""
    return hashlib.sha256(f"{seed_digest}\0{quote}".encode()).hexdigest()[:32]


def check(
    corpus: Corpus,
    present: dict[str, set[str]],
    seed_texts: Mapping[str, str],
    quotes: Quotes | None = None,
) -> list[Problem]:
    """Problems between files.

    ``present`` holds every slug with a file, valid or not; ``seed_texts`` the text
    of each article's seed that could be read.
    """
    return [
        *_references(corpus, present),
        *_article_deal_agreement(corpus),
        *_name_collisions(corpus),
        *_quotes(corpus, seed_texts, quotes or Quotes()),
    ]


def _missing(
    origin: Origin, field: tuple[str | int, ...], kind: str, slug: str, known: Iterable[str]
) -> Problem:
    hint = did_you_mean(slug, sorted(known)) or f"create briefings/{_FOLDER[kind]}/{slug}.md"
    return Problem(
        origin.path, origin.line_of(*field), _dotted(field), f"no {kind} '{slug}' exists", hint
    )


def _references(corpus: Corpus, present: dict[str, set[str]]) -> Iterator[Problem]:
    # A reference to a file that exists but is itself invalid is not reported again.
    companies, deals, articles = present["company"], present["deal"], present["article"]
    for article in corpus.articles.values():
        for i, slug in enumerate(article.companies):
            if slug not in companies:
                yield _missing(article.origin, ("companies", i), "company", slug, companies)
        for i, slug in enumerate(article.deals):
            if slug not in deals:
                yield _missing(article.origin, ("deals", i), "deal", slug, deals)
    for deal in corpus.deals.values():
        for i, party in enumerate(deal.parties):
            if party.company not in companies:
                yield _missing(
                    deal.origin, ("parties", i, "company"), "company", party.company, companies
                )
        for i, slug in enumerate(deal.related):
            if slug not in deals:
                yield _missing(deal.origin, ("related", i), "deal", slug, deals)
            if slug == deal.slug:
                yield Problem(
                    deal.origin.path,
                    deal.origin.line_of("related", i),
                    f"related[{i}]",
                    "a deal cannot be related to itself",
                    "remove this entry",
                )
    for citation in _checked(corpus):
        if citation.article not in articles:
            yield _missing(citation.origin, citation.at, "article", citation.article, articles)


def _article_deal_agreement(corpus: Corpus) -> Iterator[Problem]:
    """An article's ``deals:`` and the deals' ``sources:`` must say the same thing."""
    for deal in corpus.deals.values():
        for i, source in enumerate(deal.sources):
            article = corpus.articles.get(source.article)
            if article and deal.slug not in article.deals:
                yield Problem(
                    article.origin.path,
                    article.origin.line_of("deals"),
                    "deals",
                    f"does not list deal '{deal.slug}', which cites this article "
                    f"({deal.origin.path}:{deal.origin.line_of('sources', i)})",
                    f"add '{deal.slug}' to deals, or remove the source from the deal",
                )
    for article in corpus.articles.values():
        for i, slug in enumerate(article.deals):
            cited = corpus.deals.get(slug)
            if cited and article.slug not in {s.article for s in cited.sources}:
                yield Problem(
                    article.origin.path,
                    article.origin.line_of("deals", i),
                    f"deals[{i}]",
                    f"deal '{slug}' does not cite this article as a source",
                    f"add it to sources in {cited.origin.path} with the sentence "
                    "that reports the deal",
                )


def _name_collisions(corpus: Corpus) -> Iterator[Problem]:
    """Two companies must not share a name or alias once case and width are folded."""
    owner: dict[str, tuple[str, str]] = {}
    for company in corpus.companies.values():
        names = [("name", company.name)] + [
            (f"aliases[{i}]", alias) for i, alias in enumerate(company.aliases)
        ]
        for field, name in names:
            key = fold(name)
            other = owner.setdefault(key, (company.slug, name))
            if other[0] != company.slug:
                path = ("aliases", int(field[8:-1])) if field.startswith("aliases") else ("name",)
                yield Problem(
                    company.origin.path,
                    company.origin.line_of(*path),
                    field,
                    f"'{name}' is also a name of company '{other[0]}' ('{other[1]}')",
                    "merge the two profiles or remove the duplicate name",
                )


def _quotes(corpus: Corpus, seed_texts: Mapping[str, str], quotes: Quotes) -> Iterator[Problem]:
    """A quoted supporting sentence must occur in the seed of the article it cites."""
    texts: dict[str, str] = {}
    for citation in _checked(corpus):
        if citation.article not in seed_texts:
            continue
        digest = corpus.seed_digests.get(citation.article)
        key = quote_key(digest, citation.quote) if digest else None
        if key is not None and key in quotes.known:
            quotes.found.add(key)
            continue
        text = texts.get(citation.article)
        if text is None:  # (the seed's text is read now, if it was not: load.SeedTexts)
            text = texts[citation.article] = normalise(seed_texts[citation.article])
        if not text:
            continue
        if normalise(citation.quote) in text:
            if key is not None:
                quotes.found.add(key)
        else:
            quote_at = (*citation.at[:-1], "quote")
            yield Problem(
                citation.origin.path,
                citation.origin.line_of(*quote_at),
                _dotted(quote_at),
                f"quote is not in the text of {corpus.articles[citation.article].seed}",
                "copy the sentence exactly from the seed",
            )


def _checked(corpus: Corpus) -> Iterator[Citation]:
    # A draft's evidence quotes its article like a source does, so it is checked the same.
    yield from citations(corpus)
    yield from evidence_citations(corpus)


def _dotted(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out

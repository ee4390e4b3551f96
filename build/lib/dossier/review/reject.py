"""``review reject SLUG…``: remove wrong drafts and every reference to them, in one step.

A rejected draft deal or company is deleted; the draft articles and draft deals that
list it lose it (``companies:``, ``deals:``, ``related:``); an article's mention of a
reviewed deal (``ARTICLE:DEAL``) loses its paragraph. Each article it came from
records the rejection under ``rejected:`` with the seed's sentence that produced it
and the reviewer (the date is that of the commit that records it), and ingest never
drafts it again from that seed while the seed says exactly that (ingest/rejected.py).

Nothing reviewed is removed or edited but for that record: a reviewed briefing, or a
draft a reviewed briefing still refers to, is refused with the file, the line and the
fix. Every file is checked first and the corpus must load afterwards as well as before;
then all files are replaced and removed together (atomic.replace_together), or none.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import atomic
from ..errors import ContentError, DossierError, Problem
from ..frontmatter import decode, parse
from ..ingest.render import MENTION_START
from ..load import Limits, Loaded, load_tree
from ..model import Article, Corpus
from ..schema import did_you_mean
from .files import find_briefing, read_regular
from .lines import Lines

_COMMAND, _OUTCOME = "review reject", "nothing was rejected"


@dataclass(frozen=True)
class Target:
    what: str  # "company", "deal" or "mention"
    slug: str
    article: str | None = None  # a mention's article


@dataclass
class _Edit:
    remove: dict[str, set[str]] = field(default_factory=dict)  # list key → slugs
    entries: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)  # reviewed deals whose paragraph goes


@dataclass(frozen=True)
class Result:
    removed: tuple[str, ...]  # paths, relative to the project
    edited: tuple[tuple[str, str], ...]  # (path, what changed in it)


def reject(root: Path, names: list[str], by: str | None, limits: Limits | None = None) -> Result:
    """Reject every named draft, or none of them if any is wrong or still referenced."""
    limits = limits or Limits()
    loaded = load_tree(root, limits)
    corpus = loaded.corpus
    targets = list(dict.fromkeys(_target(root, name, loaded) for name in names))
    deals = {t.slug for t in targets if t.what == "deal"}
    companies = {t.slug for t in targets if t.what == "company"}
    edits: dict[str, _Edit] = {}
    problems = _references(corpus, deals, companies, edits)
    if problems:
        raise ContentError(problems)
    _record(root, corpus, targets, by, edits, limits)
    removed = sorted(
        [corpus.deals[s].origin.path for s in deals]
        + [corpus.companies[s].origin.path for s in companies]
    )
    new = {rel: _edited(root, rel, edit, limits) for rel, edit in sorted(edits.items())}
    _check_after(root, loaded, new, set(removed), limits)
    for rel in removed:
        read_regular(root, root / rel, rel, limits.max_file_bytes, _COMMAND, _OUTCOME)
    atomic.replace_together(
        {
            root / rel: (data, stat.S_IMODE(os.lstat(root / rel).st_mode))
            for rel, data in new.items()
        },
        [root / rel for rel in removed],
    )
    return Result(tuple(removed), tuple((rel, _describe(edits[rel])) for rel in new))


def _target(root: Path, name: str, loaded: Loaded) -> Target:
    corpus = loaded.corpus
    if ":" in name:
        article, _, deal = name.partition(":")
        article = article.rpartition("/")[2].removesuffix(".md")
        found = corpus.articles.get(article)
        if found is None:
            hint = did_you_mean(article, sorted(corpus.articles)) or "give ARTICLE:DEAL"
            raise DossierError(f"no valid article briefing '{article}' ({hint})")
        if found.review.status != "draft":
            raise DossierError(
                f"{found.origin.path}: is reviewed; review reject edits only drafts "
                "(remove the mention of the deal from its text by hand)"
            )
        return Target("mention", deal, article)
    kind, path = find_briefing(root, name, ("company", "deal"))
    rel = path.relative_to(root).as_posix()
    record = (corpus.companies if kind == "company" else corpus.deals).get(path.stem)
    if record is None:
        mine = [p for p in loaded.problems if p.path == rel]
        raise ContentError(mine or [Problem(rel, None, "", "could not be loaded")])
    if record.review.status != "draft":
        line = record.origin.line_of("review", "status")
        raise ContentError(
            [
                Problem(
                    rel,
                    line,
                    "review.status",
                    f"is reviewed; {_COMMAND} removes only drafts ingest or a colleague "
                    "proposed, so nothing was rejected",
                    "a reviewed briefing stands on its review: to withdraw it, delete the "
                    "file and its references by hand in a commit that says why",
                )
            ]
        )
    return Target(kind, path.stem)


def _references(
    corpus: Corpus, deals: set[str], companies: set[str], edits: dict[str, _Edit]
) -> list[Problem]:
    """Plan the removal of every reference; a problem for each one review reject may not
    remove (it is in a reviewed briefing, or in a draft deal that would lose a party)."""
    problems = []
    gone = {"deals": deals, "companies": companies}
    for article in corpus.articles.values():
        for key, slugs in gone.items():
            listed = [s for s in getattr(article, key) if s in slugs]
            for slug in listed:
                if article.review.status != "draft":
                    problems.append(_reviewed_ref(article.origin, key, article, slug))
            if listed:
                edits.setdefault(article.origin.path, _Edit()).remove[key] = set(listed)
    for deal in corpus.deals.values():
        if deal.slug in deals:
            continue
        for i, party in enumerate(deal.parties):
            if party.company in companies:
                problems.append(_party_ref(deal, i, party.company))
        related = [s for s in deal.related if s in deals]
        for slug in related:
            if deal.review.status != "draft":
                problems.append(_reviewed_ref(deal.origin, "related", deal, slug))
        if related:
            edits.setdefault(deal.origin.path, _Edit()).remove["related"] = set(related)
    return problems


def _reviewed_ref(origin: Any, key: str, record: Any, slug: str) -> Problem:
    i = list(getattr(record, key)).index(slug)
    return Problem(
        origin.path,
        origin.line_of(key, i),
        f"{key}.{i}",
        f"is reviewed and still lists '{slug}'; {_COMMAND} does not edit reviewed briefings, "
        "so nothing was rejected",
        f"remove '{slug}' from {key}: here if it is wrong (a reviewed change, in its own "
        f"commit), then run {_COMMAND} again",
    )


def _party_ref(deal: Any, i: int, company: str) -> Problem:
    if deal.review.status == "draft":
        hint = (
            f"a deal with a company that is not one is wrong too: reject both, "
            f"python build.py review reject {company} {deal.slug}"
        )
    else:
        hint = f"change the reviewed deal's parties first, then run {_COMMAND} again"
    return Problem(
        deal.origin.path,
        deal.origin.line_of("parties", i, "company"),
        f"parties.{i}.company",
        f"names '{company}' as a party; it would be left without that company, "
        "so nothing was rejected",
        hint,
    )


def _record(
    root: Path,
    corpus: Corpus,
    targets: list[Target],
    by: str | None,
    edits: dict[str, _Edit],
    limits: Limits,
) -> None:
    """Add each rejection to the article(s) it came from, with the sentence that made it."""
    quotes = _company_quotes(root, corpus, [t.slug for t in targets if t.what == "company"], limits)

    def entry(article: Article, what: str, slug: str, quote: str | None) -> None:
        if any(r.what == what and r.slug == slug for r in article.rejected):
            return  # already recorded (a draft rejected, brought back by hand, rejected again)
        data: dict[str, Any] = {what: slug}
        if quote:
            data["quote"] = quote
        if by:
            data["by"] = by
        edits.setdefault(article.origin.path, _Edit()).entries.append(data)

    for t in targets:
        if t.what == "deal":
            for source in corpus.deals[t.slug].sources:
                if source.article in corpus.articles:
                    entry(corpus.articles[source.article], "deal", t.slug, source.quote)
        elif t.what == "company":
            for article in corpus.articles.values():
                if t.slug in article.companies:
                    entry(article, "company", t.slug, quotes.get((article.slug, t.slug)))
        else:
            article = corpus.articles[t.article or ""]
            quote = _mention_quote(article, t.slug)
            entry(article, "mention", t.slug, quote)
            edits.setdefault(article.origin.path, _Edit()).mentions.append(t.slug)


def _company_quotes(
    root: Path, corpus: Corpus, companies: list[str], limits: Limits
) -> dict[tuple[str, str], str]:
    """(article, company) → the seed's sentence that made ingest find the company there."""
    from ..ingest.run import seed_outcomes  # the analysis is needed only for companies

    articles = [a for a in corpus.articles.values() if set(companies) & set(a.companies)]
    outcomes = seed_outcomes(root, sorted({a.seed for a in articles if a.seed}), limits)
    quotes: dict[tuple[str, str], str] = {}
    for slug in companies:
        evidence = corpus.companies[slug].evidence
        if evidence is not None:
            quotes[(evidence.source, slug)] = evidence.quote
    for article in articles:
        outcome = outcomes.get(article.seed or "")
        for company in outcome.new_companies if outcome else ():
            if company.slug in companies:
                quotes[(article.slug, company.slug)] = company.quote or company.evidence
    return quotes


def _mention_quote(article: Article, deal: str) -> str:
    start = MENTION_START.format(deal=deal)
    for paragraph in article.summary.split("\n\n"):
        if paragraph.startswith(start):
            match = re.match(re.escape(start) + r" \(“(.*?)”\)", paragraph, re.S)
            if match:
                return re.sub(r"\\(.)", r"\1", match.group(1))
    raise DossierError(
        f"{article.origin.path}: its text does not say it also reports the reviewed deal "
        f"'{deal}' (ingest writes “{start} …”); nothing was rejected"
    )


def _edited(root: Path, rel: str, edit: _Edit, limits: Limits) -> bytes:
    raw = read_regular(root, root / rel, rel, limits.max_file_bytes, _COMMAND, _OUTCOME)
    text = decode(rel, raw)
    lines = Lines(rel, text, parse(rel, text))
    for key, slugs in sorted(edit.remove.items()):
        lines.remove_items(key, slugs)
    for deal in edit.mentions:
        lines.remove_paragraph(MENTION_START.format(deal=deal))
    if edit.entries:
        lines.add_entries("rejected", edit.entries, before="review")
    return lines.text().encode("utf-8")


def _check_after(
    root: Path, before: Loaded, new: dict[str, bytes], removed: set[str], limits: Limits
) -> None:
    """Load the corpus as it would be; any problem it did not have before refuses it all."""
    files: dict[str, bytes] = {}
    for top in ("briefings", "seeds"):
        for path in sorted((root / top).rglob("*")):
            rel = path.relative_to(root).as_posix()
            if path.is_file() and not path.is_symlink() and rel not in removed:
                files[rel] = new.get(rel) or path.read_bytes()
    after = load_tree(root, limits, files=files, cache={})
    known = {(p.path, p.message) for p in before.problems}
    fresh = [p for p in after.problems if (p.path, p.message) not in known]
    if fresh:
        raise ContentError(fresh)


def _describe(edit: _Edit) -> str:
    parts = [f"{key}: -{', -'.join(sorted(slugs))}" for key, slugs in sorted(edit.remove.items())]
    parts += [f"mention of {d} removed" for d in edit.mentions]
    parts += (
        [
            "rejected: "
            + ", ".join(
                f"{k} {v}"
                for e in edit.entries
                for k, v in e.items()
                if k in ("company", "deal", "mention")
            )
        ]
        if edit.entries
        else []
    )
    return "; ".join(parts)

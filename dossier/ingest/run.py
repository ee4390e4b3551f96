"""``build.py ingest``: draft a briefing for every seed that has none.

Rules that protect review work: a briefing whose review status is not ``draft`` is
never written; a draft is regenerated only when its seed's content hash changed; a
seed that was removed is reported, its briefings left in place; a second run with
the same files writes nothing. Every file is written atomically.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ContentError, Problem
from ..frontmatter import parse
from ..load import Limits
from . import guard
from .analyse import Analysis, analyse
from .draft import document, write_atomic
from .entities import Finder
from .link import link_deals
from .readers import blank_problem, read_seed
from .render import add_source, quotable, render_article, render_company, render_deal
from .state import Existing, State, read_state, seed_uses, unchanged_signature

DEFAULT_LIMITS = Limits()


@dataclass
class IngestReport:
    created: list[str] = field(default_factory=list)  # paths written for the first time
    updated: list[str] = field(default_factory=list)  # draft paths rewritten
    regenerated: list[str] = field(default_factory=list)  # seeds whose content changed
    removed: list[str] = field(default_factory=list)  # articles whose seed is gone
    # seeds that changed although their briefing is reviewed (left alone)
    skipped_reviewed: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)  # draft deals whose only source changed
    warnings: list[Problem] = field(default_factory=list)  # seeds read otherwise than asked

    def lines(self) -> list[str]:
        out = [f"drafted {p}" for p in self.created] + [f"updated {p}" for p in self.updated]
        out += [f"seed changed, draft regenerated: {s}" for s in self.regenerated]
        out += [
            f"seed changed but its briefing is reviewed, left as it is: {s}"
            for s in self.skipped_reviewed
        ]
        out += [f"seed removed; its briefing was kept: {a}" for a in self.removed]
        out += [f"removed draft {p}: its only source no longer reports it" for p in self.deleted]
        out += [f"warning: {w}" for w in self.warnings]
        return out


def seed_files(root: Path, limits: Limits = DEFAULT_LIMITS) -> list[Path]:
    """The seeds ingest may read (regular files only: see guard.py)."""
    return guard.list_seeds(root, limits.max_file_bytes).seeds


def pending(root: Path, limits: Limits = DEFAULT_LIMITS) -> bool:
    """True when some seed has no briefing or its draft is out of date: ingest has work.
    A seed ingest refuses is work too: ingest reports it."""
    max_bytes = limits.max_file_bytes
    listing = guard.list_seeds(root, max_bytes)
    if listing.problems:
        return True
    uses = seed_uses(root)
    for path in listing.seeds:
        use = uses.get(path.relative_to(root).as_posix())
        if use is None or (use.is_draft and use.seed_sha256 != _known_sha(root, path, max_bytes)):
            return True
    return False


def _known_sha(root: Path, path: Path, max_bytes: int) -> str:
    # Serve asks `pending` whenever a file comes or goes: hash a seed again only if its
    # size or times changed.
    signature = unchanged_signature(path)
    known = _shas.get(str(path))
    if known is None or known[0] != signature:
        known = _shas[str(path)] = (signature, _sha(root, path, max_bytes))
    return known[1]


_shas: dict[str, tuple[tuple[int, int, int, int], str]] = {}


def ingest(root: Path, limits: Limits = DEFAULT_LIMITS) -> IngestReport:
    """Draft what is missing or out of date under ``root``/briefings; report what was done.

    Every seed to draft is checked first (guard.py, then its bytes): if any is refused,
    nothing is drafted and every refusal is raised together as a ContentError. A seed
    whose drafts ``check`` would refuse (or a page with no text) stops the run before
    its files are written; the complete drafts of seeds before it stay.
    """
    report = IngestReport()
    max_bytes = limits.max_file_bytes
    listing = guard.list_seeds(root, max_bytes)
    state = read_state(root)
    # Only reviewed companies are known to every article: a draft (junk or not) made from
    # one article must not be found in the next, or drafts depend on the order of seeds.
    finder = Finder(state.known_companies(reviewed_only=True))
    seeds = listing.seeds
    problems: list[Problem] = list(listing.problems)  # raised with those found below
    todo: list[tuple[Path, str, Existing | None]] = []
    present = {p.relative_to(root).as_posix() for p in seeds}
    for slug, article in sorted(state.articles.items()):
        seed = article.data.get("seed")
        if isinstance(seed, str) and seed not in present and (root / seed).suffix:
            report.removed.append(f"briefings/articles/{slug}.md ({seed})")
    for path in seeds:
        rel = path.relative_to(root).as_posix()
        try:
            raw = guard.read_seed_bytes(root, path, max_bytes)
        except ContentError as exc:
            problems += exc.problems
            continue
        sha = hashlib.sha256(raw).hexdigest()
        article = state.article_of_seed(rel)
        if article is not None:
            recorded = article.data.get("seed_sha256")
            if not article.is_draft:
                if recorded and recorded != sha:
                    report.skipped_reviewed.append(rel)
                continue
            if recorded == sha:
                continue
            report.regenerated.append(rel)
        blank = blank_problem(rel, raw)
        if blank is None:
            todo.append((path, sha, article))
        else:
            problems.append(blank)
    guard.check(problems)  # nothing is drafted while any seed to draft is refused
    for path, sha, article in todo:
        seed = read_seed(root, path, max_bytes)
        report.warnings += seed.warnings
        analysis = same_names(analyse(seed, finder), Finder(state.known_companies()))
        slug = article.slug if article else None
        _draft(root, state, finder, analysis, sha, slug, report, limits)
    return report


def same_names(analysis: Analysis, drafted: Finder) -> Analysis:
    """A new company whose name a drafted profile already has is that company (drafts are
    not searched for in the text, names are matched); an alias another company has is
    dropped from the new one."""
    moved: dict[str, str] = {}
    kept = []
    for company in analysis.new_companies:
        slug = drafted.slug_of(company.name)
        if slug is not None and slug != company.slug:
            moved[company.slug] = slug
            continue
        aliases = tuple(a for a in company.aliases if drafted.slug_of(a) in (None, company.slug))
        kept.append(dataclasses.replace(company, aliases=aliases))
    if not moved and kept == list(analysis.new_companies):
        return analysis
    deals = tuple(
        dataclasses.replace(d, parties=tuple((moved.get(s, s), role) for s, role in d.parties))
        for d in analysis.deals
    )
    companies = tuple(dict.fromkeys(moved.get(s, s) for s in analysis.companies))
    return dataclasses.replace(
        analysis, companies=companies, new_companies=tuple(kept), deals=deals
    )


def _sha(root: Path, path: Path, max_bytes: int) -> str:
    try:
        return hashlib.sha256(guard.read_seed_bytes(root, path, max_bytes)).hexdigest()
    except ContentError:
        return ""  # unreadable now: ingest will say why


def _draft(
    root: Path,
    state: State,
    finder: Finder,
    analysis: Analysis,
    sha: str,
    slug: str | None,
    report: IngestReport,
    limits: Limits,
) -> None:
    # a regenerated draft first takes back what its previous version said
    files: dict[Path, str | None] = _forget(state, slug) if slug else {}
    for company in analysis.new_companies:
        if company.slug not in state.companies:
            path = root / "briefings" / "companies" / f"{company.slug}.md"
            files[path] = render_company(company, analysis)
    slug = slug or _article_slug(state, analysis)
    links = link_deals(state, analysis, slug)
    names = {s: state.name_of(s) for s in analysis.companies}
    names.update({c.slug: c.name for c in analysis.new_companies})
    for deal in links.new:
        text = render_deal(deal, slug, analysis, names)
        if text is None:  # no quotable sentence (an HTML seed): leave it to the reviewer
            links.article_deals.remove(deal.slug)
            continue
        files[root / "briefings" / "deals" / f"{deal.slug}.md"] = text
    for existing, sentence in links.add_source:
        quote = quotable(sentence, analysis.raw)
        if quote is None:
            links.article_deals.remove(existing.slug)
            continue
        files[existing.path] = add_source(existing, slug, quote)
    # reviewed deals that already cite this article keep being listed by it
    for deal in sorted(state.deals.values(), key=lambda d: d.slug):
        if not deal.is_draft and slug in _cited_by(deal) and deal.slug not in links.article_deals:
            links.article_deals.append(deal.slug)
    files[root / "briefings" / "articles" / f"{slug}.md"] = render_article(
        analysis, sha, links.article_deals, links.reviewed_mentions
    )
    written: dict[Path, str] = {}
    # all of this seed's files, or none of them: no link in the way, each passes check
    guard.check_writes(root, analysis.raw.path, files, limits)
    for path, text in sorted(files.items()):
        rel = path.relative_to(root).as_posix()
        existed = path.exists()
        if text is None:
            if existed:
                path.unlink()
                report.deleted.append(rel)
            continue
        if write_atomic(path, text):
            (report.updated if existed else report.created).append(rel)
        written[path] = text
    # later seeds in this run see what was just drafted
    state.refresh(root, written)


def _cited_by(deal: Existing) -> set[str]:
    sources = deal.data.get("sources") or []
    return {str(s.get("article")) for s in sources if isinstance(s, dict)}


def _forget(state: State, article: str) -> dict[Path, str | None]:
    """Draft deals without this article as a source; a deal left with none is removed."""
    changes: dict[Path, str | None] = {}
    for slug, deal in sorted(state.deals.items()):
        if not deal.is_draft or deal.doc is None or article not in _cited_by(deal):
            continue
        data = dict(deal.doc.data)
        data["sources"] = [
            s
            for s in data.get("sources", [])
            if not (isinstance(s, dict) and s.get("article") == article)
        ]
        if not data["sources"]:
            changes[deal.path] = None
            del state.deals[slug]
            continue
        text = document(data, deal.doc.body)
        changes[deal.path] = text
        state.deals[slug] = Existing(slug, deal.path, parse(deal.path.name, text))
    return changes


def _article_slug(state: State, analysis: Analysis) -> str:
    from ..slugs import slugify

    date = analysis.meta.published.iso() if analysis.meta.published else "undated"
    words = slugify(analysis.meta.title).split("-")
    base = "-".join([date, *words])[:70].rstrip("-")
    base = base.rsplit("-", 1)[0] if len(base) == 70 and "-" in base else base
    slug, n = base, 2
    while slug in state.articles:
        slug, n = f"{base}-{n}", n + 1
    return slug

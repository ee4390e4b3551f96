"""``build.py ingest``: bring ingest's drafts up to date with seeds/.

Rules that protect review work: a briefing whose review status is not ``draft`` is
never written, nor any briefing ingest does not own (own.py); a seed that was removed
is reported, its briefings left in place; a second run with the same files writes
nothing; the drafts do not depend on the order or batches the seeds came in.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from .cache import OutcomeCache, context_digest
from .consolidate import Plan, consolidate
from .entities import Finder
from .outcome import SeedOutcome, outcome_of
from .own import Ownership, ownership
from .readers import EXTENSIONS, read_seed
from .state import State, read_state, seed_uses, unchanged_signature
from .writes import Written, remove_stale_temps, write_together


@dataclass
class IngestReport:
    created: list[str] = field(default_factory=list)  # paths written for the first time
    updated: list[str] = field(default_factory=list)  # draft paths rewritten
    regenerated: list[str] = field(default_factory=list)  # seeds whose content changed
    removed: list[str] = field(default_factory=list)  # articles whose seed is gone
    # seeds that changed although their briefing is reviewed (left alone)
    skipped_reviewed: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)  # drafts no seed gives any more

    def lines(self) -> list[str]:
        out = [f"drafted {p}" for p in self.created] + [f"updated {p}" for p in self.updated]
        out += [f"seed changed, draft regenerated: {s}" for s in self.regenerated]
        out += [
            f"seed changed but its briefing is reviewed, left as it is: {s}"
            for s in self.skipped_reviewed
        ]
        out += [f"seed removed; its briefing was kept: {a}" for a in self.removed]
        out += [f"removed draft {p}: no seed reports it any more" for p in self.deleted]
        return out


def seed_files(root: Path) -> list[Path]:
    folder = root / "seeds"
    try:
        with os.scandir(folder) as entries:
            # Names, not Paths, are sorted: comparing 10,000 Paths took half a second.
            names = sorted(
                e.name
                for e in entries
                if e.is_file() and os.path.splitext(e.name)[1].lower() in EXTENSIONS
            )
    except (FileNotFoundError, NotADirectoryError):
        return []
    return [folder / name for name in names]


def pending(root: Path) -> bool:
    """True when some seed has no briefing or its draft is out of date: ingest has work."""
    uses = seed_uses(root)
    for path in seed_files(root):
        use = uses.get(path.relative_to(root).as_posix())
        if use is None or (use.is_draft and use.seed_sha256 != _known_sha(path)):
            return True
    return False


def _known_sha(path: Path) -> str:
    # Serve asks `pending` whenever a file comes or goes: hash a seed again only if its
    # size or times changed.
    signature = unchanged_signature(path)
    known = _shas.get(str(path))
    if known is None or known[0] != signature:
        known = _shas[str(path)] = (signature, _sha(path))
    return known[1]


_shas: dict[str, tuple[tuple[int, int, int, int], str]] = {}


def ingest(root: Path) -> IngestReport:
    """Bring ingest's drafts under ``root``/briefings up to date; report what was done.

    Each seed is analysed on its own, with only the companies ingest does not own as
    known (outcomes are cached by content); then every draft is built from all the
    outcomes at once (consolidate.py). The result depends on the seeds and on the
    briefings ingest does not own, never on the order or batches the seeds came in.
    """
    report = IngestReport()
    state = read_state(root)
    seeds = seed_files(root)
    present = {p.relative_to(root).as_posix() for p in seeds}
    for slug, article in sorted(state.articles.items()):
        seed = article.data.get("seed")
        if isinstance(seed, str) and seed not in present and (root / seed).suffix:
            report.removed.append(f"briefings/articles/{slug}.md ({seed})")
    own = ownership(state, present)
    outcomes = _outcomes(root, state, own, seeds, report)
    plan = consolidate(state, own, outcomes)
    _write(root, state, own, plan, report)
    return report


def _outcomes(
    root: Path, state: State, own: Ownership, seeds: list[Path], report: IngestReport
) -> list[SeedOutcome]:
    """The outcome of every seed whose article is ingest's (or that has none yet)."""
    known = own.known_companies(state)
    cache = OutcomeCache(root, context_digest(known))
    finder: Finder | None = None  # built only when some seed is not in the cache
    outcomes = []
    for path in seeds:
        rel = path.relative_to(root).as_posix()
        sha = _sha(path)
        article = state.article_of_seed(rel)
        if article is not None and article.slug not in own.articles:
            recorded = article.data.get("seed_sha256")
            if recorded and recorded != sha:
                report.skipped_reviewed.append(rel)
            continue
        if article is not None and article.data.get("seed_sha256") != sha:
            report.regenerated.append(rel)
        outcome = cache.get(rel, sha)
        if outcome is None:
            finder = finder or Finder(known)
            outcome = outcome_of(read_seed(root, path), sha, finder)
            cache.put(outcome)
        outcomes.append(outcome)
    cache.prune()
    return outcomes


def _write(root: Path, state: State, own: Ownership, plan: Plan, report: IngestReport) -> None:
    """Write what changed, then remove ingest's drafts that no seed gives any more."""
    written = Written(root)
    remove_stale_temps(root)
    # A draft the reviewer edited keeps the edits while ingest would write what it
    # wrote last time; it is replaced only when its seeds say something new.
    changed = {
        rel: text
        for rel, text in plan.files.items()
        if not ((root / rel).exists() and written.unchanged(rel, text))
    }
    for rel, existed in write_together(root, changed):
        (report.updated if existed else report.created).append(rel)
    for rel, text in changed.items():
        written.record(rel, text)
    owned = [
        *(f"briefings/articles/{s}.md" for s in own.articles),
        *(f"briefings/companies/{s}.md" for s in own.companies),
        *(f"briefings/deals/{s}.md" for s in own.deals),
    ]
    for rel in sorted({*plan.emptied, *(r for r in owned if r not in plan.files)}):
        with contextlib.suppress(FileNotFoundError):
            (root / rel).unlink()
            report.deleted.append(rel)
        written.forget(rel)
    written.save()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()

"""``build.py ingest``: bring ingest's drafts up to date with seeds/.

Rules that protect review work: a briefing whose review status is not ``draft`` is
never written, nor any briefing ingest does not own (own.py); a seed that was removed
is reported, its briefings left in place; a second run with the same files writes
nothing; the drafts do not depend on the order or batches the seeds came in. Every
seed is checked before anything is written (guard.py): one refused seed, or one draft
``check`` would refuse, and nothing is written at all.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ContentError, Problem
from ..frontmatter import FrontMatterError, decode, parse
from ..load import Limits
from ..memo import BuildMemo
from . import guard
from .own import Ownership, ownership
from .state import MAX_BYTES, Existing, SeedUse, State, read_state
from .types import IgnoredKeys
from .writes import Written, remove_stale_temps, write_together

if TYPE_CHECKING:
    from .consolidate import Plan
    from .entities import Finder
    from .outcome import SeedOutcome

DEFAULT_LIMITS = Limits()


@dataclass
class IngestReport:
    created: list[str] = field(default_factory=list)  # paths written for the first time
    updated: list[str] = field(default_factory=list)  # draft paths rewritten
    regenerated: list[str] = field(default_factory=list)  # seeds whose content changed
    removed: list[str] = field(default_factory=list)  # articles whose seed is gone
    # seeds that changed although their briefing is reviewed (left alone)
    skipped_reviewed: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)  # drafts no seed gives any more
    warnings: list[Problem] = field(default_factory=list)  # seeds read otherwise than asked

    def lines(self) -> list[str]:
        out = _listed("drafted", self.created) + _listed("updated", self.updated)
        out += [f"seed changed, draft regenerated: {s}" for s in self.regenerated]
        out += [
            f"seed changed but its briefing is reviewed, left as it is: {s}"
            for s in self.skipped_reviewed
        ]
        out += [f"seed removed; its briefing was kept: {a}" for a in self.removed]
        out += [f"removed draft {p}: no seed reports it any more" for p in self.deleted]
        out += _grouped(self.warnings)
        return out


def _listed(done: str, paths: list[str], shown: int = 20, most: int = 50) -> list[str]:
    """A line per file, up to ``most``; beyond, the first ``shown`` and a count: a batch
    of a thousand seeds drafts thousands of files, which would bury the warnings (git
    lists them all)."""
    if len(paths) <= most:
        return [f"{done} {p}" for p in paths]
    rest = len(paths) - shown
    return [
        *(f"{done} {p}" for p in paths[:shown]),
        f"{done} {rest} more files (git status briefings/ lists them all)",
    ]


def _grouped(warnings: list[Problem], shown: int = 3) -> list[str]:
    """One line for each kind of warning: a blog export's seeds all carry the same extra
    keys, and the same sentence once per seed would bury everything else ingest says."""
    ignored = [w for w in warnings if isinstance(w, IgnoredKeys)]
    kinds: dict[tuple[str, str, str], list[Problem]] = {}
    for warning in warnings:
        if len(ignored) < 2 or not isinstance(warning, IgnoredKeys):
            kinds.setdefault((warning.field, warning.message, warning.hint), []).append(warning)
    out = [_ignored_keys(ignored, shown)] if len(ignored) > 1 else []
    for (name, message, hint), same in kinds.items():
        if len(same) == 1:
            out.append(f"warning: {same[0]}")
            continue
        label = f" {name}:" if name else ""
        note = f" ({hint})" if hint else ""
        out.append(f"warning: {_seeds(same, shown)}:{label} {message}{note}")
    return out


def _seeds(warnings: list[Problem], shown: int) -> str:
    """ "3 seeds (seeds/a.md:2, seeds/b.md:2 and 1 more)" """
    where = ", ".join(w.where for w in warnings[:shown])
    more = f" and {len(warnings) - shown} more" if len(warnings) > shown else ""
    return f"{len(warnings)} seeds ({where}{more})"


def _ignored_keys(ignored: list[IgnoredKeys], shown: int) -> str:
    """The keys all seeds' front matter had that no seed's has, the most usual first,
    each with how many seeds had it."""
    seen = Counter(key for w in ignored for key in dict.fromkeys(w.keys))
    named = ", ".join(f"'{key}' ({n})" for key, n in seen.most_common(8))
    more = f" and {len(seen) - 8} more" if len(seen) > 8 else ""
    return (
        f"warning: {_seeds(list(ignored), shown)}: front matter keys that are no seed's were"
        f" ignored: {named}{more} ({ignored[0].hint})"
    )


def pending(
    root: Path, limits: Limits = DEFAULT_LIMITS, checked: BuildMemo[Any] | None = None
) -> bool:
    """True when some seed has no briefing or its draft is out of date: ingest has work.
    A seed ingest refuses is work too: ingest reports it.

    ``checked``: what the last check read of each file, by its path, inode, size and
    times (serve keeps it in memory, `build.py` in its cache), so that only the article
    briefings, and the seeds, that changed since are read again (at 10,000 articles,
    parsing them all was 1.4 s of CPU of a one-article edit's build).
    """
    max_bytes = limits.max_file_bytes
    listing = guard.list_seeds(root, max_bytes)
    if listing.problems:
        return True
    checked = checked or BuildMemo()
    checked.next_build()
    uses = _seed_uses(root, checked)
    for path in listing.seeds:
        rel = f"seeds/{path.name}"  # list_seeds lists seeds/ only
        use = uses.get(rel)
        if use is None:
            return True
        sha = functools.partial(_sha, root, path, max_bytes)
        if use.is_draft and use.seed_sha256 != _known(checked, root, rel, sha):
            return True
    return False


def _known(checked: BuildMemo[Any], root: Path, rel: str, read: Callable[[], Any]) -> Any:
    """What ``read()`` gave while the file at ``rel`` had the same inode, size and times."""
    info = os.stat(os.path.join(root, rel))  # strings: 21,500 files at scale
    return checked.get((rel, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns), read)


def _seed_uses(root: Path, checked: BuildMemo[Any]) -> dict[str, SeedUse]:
    """Each seed named by an article briefing, with the first such briefing's use of it
    (names sorted; a link is never read: its article is not known, and ingest then
    reports it)."""
    found: dict[str, SeedUse] = {}
    folder = root / "briefings" / "articles"
    names: list[str] = []
    if not (os.path.islink(folder) or os.path.islink(folder.parent)):
        with contextlib.suppress(OSError), os.scandir(folder) as entries:
            names = sorted(e.name for e in entries if e.name.endswith(".md") and not e.is_symlink())
    for name in names:
        read = functools.partial(_use_of, root, folder / name)
        with contextlib.suppress(OSError):
            use = SeedUse(*_known(checked, root, f"briefings/articles/{name}", read))
            if use.seed is not None:
                found.setdefault(use.seed, use)
    return found


def _use_of(root: Path, path: Path) -> list[Any]:
    """What the briefing at ``path`` says of its seed (``SeedUse``'s fields): a regular
    file never read through a link, its front matter parsed leniently (a file that
    cannot be read or parsed names no seed)."""
    rel = path.relative_to(root).as_posix()
    try:
        doc = parse(rel, decode(rel, guard.read_seed_bytes(root, path, MAX_BYTES)))
    except (ContentError, FrontMatterError):
        doc = None
    article = Existing(path.stem, path, doc)
    seed, sha = article.data.get("seed"), article.data.get("seed_sha256")
    # A seed_sha256 YAML read as something else (a number) equals no seed's sha256, as
    # None does not: kept (in JSON) as None, the check's answer is the same.
    return [
        seed if isinstance(seed, str) else None,
        article.is_draft,
        sha if isinstance(sha, str) else None,
    ]


def ingest(
    root: Path,
    limits: Limits = DEFAULT_LIMITS,
    progress: Callable[[int, int], None] | None = None,
) -> IngestReport:
    """Bring ingest's drafts under ``root``/briefings up to date; report what was done;
    ``progress(done, total)`` is called as seeds are read.

    Each seed is analysed on its own, with only the companies ingest does not own as
    known (outcomes are cached by content); then every draft is built from all the
    outcomes at once (consolidate.py). The result depends on the seeds and on the
    briefings ingest does not own, never on the order or batches the seeds came in.
    Refused seeds and drafts are raised together as a ContentError, nothing written.
    """
    # Here, not at the top: `pending` (build.py's check, in a process of its own) needs
    # none of the analysis, whose imports took 0.3 s of it.
    from .consolidate import consolidate

    report = IngestReport()
    listing = guard.list_seeds(root, limits.max_file_bytes)
    state = read_state(root, limits.max_file_bytes)
    seeds = listing.seeds
    present = {p.relative_to(root).as_posix() for p in seeds}
    for slug, article in sorted(state.articles.items()):
        seed = article.data.get("seed")
        if isinstance(seed, str) and seed not in present and (root / seed).suffix:
            report.removed.append(f"briefings/articles/{slug}.md ({seed})")
    own = ownership(state, present)
    refused = [*listing.problems, *state.problems]
    outcomes = _outcomes(root, state, own, seeds, report, limits, refused, progress)
    plan = consolidate(state, own, outcomes)
    _write(root, state, own, plan, report, limits)
    return report


def seed_outcomes(
    root: Path, seeds: list[str], limits: Limits = DEFAULT_LIMITS
) -> dict[str, SeedOutcome]:
    """What ingest's analysis gives each of ``seeds`` (seeds/FILE) now, from its cache when
    it has one; a seed that cannot be read is left out. ``review reject`` asks this for
    the sentence that produced a company in each article."""
    from .cache import OutcomeCache, context_digest
    from .entities import Finder
    from .outcome import outcome_of
    from .readers import read_seed

    state = read_state(root, limits.max_file_bytes)
    seeds_now = guard.list_seeds(root, limits.max_file_bytes).seeds
    present = {p.relative_to(root).as_posix() for p in seeds_now}
    known = ownership(state, present).known_companies(state)
    cache = OutcomeCache(root, context_digest(known))
    finder: Finder | None = None
    found: dict[str, SeedOutcome] = {}
    for rel in sorted(set(seeds) & present):
        try:
            raw = guard.read_seed_bytes(root, root / rel, limits.max_file_bytes)
            sha = hashlib.sha256(raw).hexdigest()
            outcome = cache.get(rel, sha)
            if outcome is None:
                finder = finder or Finder(known)
                outcome = outcome_of(
                    read_seed(root, root / rel, limits.max_file_bytes), sha, finder
                )
                cache.put(outcome)
        except ContentError:
            continue
        found[rel] = outcome
    return found


def _outcomes(
    root: Path,
    state: State,
    own: Ownership,
    seeds: list[Path],
    report: IngestReport,
    limits: Limits,
    problems: list[Problem],
    progress: Callable[[int, int], None] | None = None,
) -> list[SeedOutcome]:
    """The outcome of every seed whose article is ingest's (or that has none yet)."""
    from .cache import OutcomeCache, context_digest
    from .entities import Finder
    from .outcome import outcome_of
    from .readers import blank_problem, read_seed

    known = own.known_companies(state)
    cache = OutcomeCache(root, context_digest(known))
    finder: Finder | None = None  # built only when some seed is not in the cache
    outcomes = []
    todo: list[tuple[Path, str, str]] = []
    for path in seeds:
        rel = path.relative_to(root).as_posix()
        try:
            raw = guard.read_seed_bytes(root, path, limits.max_file_bytes)
        except ContentError as exc:
            problems += exc.problems
            continue
        sha = hashlib.sha256(raw).hexdigest()
        article = state.article_of_seed(rel)
        if article is not None and article.slug not in own.articles:
            recorded = article.data.get("seed_sha256")
            if recorded and recorded != sha:
                report.skipped_reviewed.append(rel)
            continue
        if article is not None and article.data.get("seed_sha256") != sha:
            report.regenerated.append(rel)
        blank = blank_problem(rel, raw)
        if blank is not None:
            problems.append(blank)
            continue
        todo.append((path, rel, sha))
    guard.check(problems)  # nothing is analysed while any seed is refused
    for done, (path, rel, sha) in enumerate(todo, start=1):
        if progress is not None:
            progress(done, len(todo))
        outcome = cache.get(rel, sha)
        if outcome is None:
            try:
                seed = read_seed(root, path, limits.max_file_bytes)
            except ContentError as exc:  # a page with no text
                problems += exc.problems
                continue
            finder = finder or Finder(known)
            outcome = outcome_of(seed, sha, finder)
            cache.put(outcome)
        report.warnings += outcome.warnings
        outcomes.append(outcome)
    guard.check(problems)
    cache.prune()
    return outcomes


def _write(
    root: Path, state: State, own: Ownership, plan: Plan, report: IngestReport, limits: Limits
) -> None:
    """Write what changed, then remove ingest's drafts that no seed gives any more."""
    written = Written(root)
    remove_stale_temps(root)
    # A draft the reviewer edited keeps the edits while ingest would write what it
    # wrote last time; it is replaced only when its seeds say something new.
    changed = {
        rel: draft.text
        for rel, draft in plan.files.items()
        if not ((root / rel).exists() and written.same(rel, draft))
    }
    owned = [
        *(f"briefings/articles/{s}.md" for s in own.articles),
        *(f"briefings/companies/{s}.md" for s in own.companies),
        *(f"briefings/deals/{s}.md" for s in own.deals),
    ]
    gone = sorted({*plan.emptied, *(r for r in owned if r not in plan.files)})
    # no link in the way, each draft passes check: all of it is written, or none
    targets: dict[Path, str | None] = {root / rel: text for rel, text in changed.items()}
    targets.update({root / rel: None for rel in gone})
    try:
        guard.check_writes(root, "seeds/", targets, limits)
    except ContentError:
        _refuse_by_seed(root, plan, targets, limits)  # rare: then say which seed did it
    for rel, existed in write_together(root, changed):
        (report.updated if existed else report.created).append(rel)
    for rel, text in changed.items():
        written.record(rel, text, plan.files[rel].key)
    for rel in gone:
        with contextlib.suppress(FileNotFoundError):
            (root / rel).unlink()
            report.deleted.append(rel)
        written.forget(rel)
    written.save()


def _refuse_by_seed(
    root: Path, plan: Plan, targets: dict[Path, str | None], limits: Limits
) -> None:
    """Raise the refusals of ``targets`` again, each naming the seed to blame."""
    by_seed: dict[str, dict[Path, str | None]] = {}
    for path, text in targets.items():
        seed = _culprit(root, plan, text) if text is not None else "seeds/"
        by_seed.setdefault(seed, {})[path] = text
    problems: list[Problem] = []
    for seed, group in sorted(by_seed.items()):
        try:
            guard.check_writes(root, seed, group, limits)
        except ContentError as exc:
            problems += exc.problems
    guard.check(problems)


def _culprit(root: Path, plan: Plan, text: str) -> str:
    """The seed to name for a draft that would not pass check: of the seeds it names or
    whose articles it cites, the largest (what makes a draft too big comes from a big seed)."""
    # a draft names its seeds (front matter, ingest's note) or cites their articles
    cited = [
        seed for seed, slug in plan.slugs.items() if seed in text or f"article: {slug}\n" in text
    ]
    if not cited:
        return "seeds/"
    return max(cited, key=lambda seed: ((root / seed).stat().st_size, seed))


def _sha(root: Path, path: Path, max_bytes: int) -> str:
    try:
        return hashlib.sha256(guard.read_seed_bytes(root, path, max_bytes)).hexdigest()
    except ContentError:
        return ""  # unreadable now: ingest will say why

"""What git says about each briefing: when it last changed, when it was approved, and
the semantic changes of the latest commits, for the site's pages.

Every date is a commit date, never the clock, so two builds of the same commit are
byte-identical. Outside git (or before the first commit) the history is empty and
the pages simply say less.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..dates import PartialDate, parse_partial_date
from ..errors import DossierError
from ..load import FileCache, Loaded, load_tree
from ..model import Corpus
from . import gitio
from .diff import Change, semantic_diff
from .readable import ReaderChange, for_readers

RECENT_COMMITS = 10  # the "What changed" page: semantic changes of this many commits
# A line added or removed that says "status: reviewed" (block or flow style) marks approval.
_APPROVAL = r"status:[[:space:]]*reviewed"
# A line added or removed under a dispute: its key or its reason (review dispute writes both).
_DISPUTE = r"disputed:|^[[:space:]]*reason:"


@dataclass(frozen=True)
class Entry:
    """One commit as a page shows it."""

    sha: str
    date: PartialDate
    subject: str
    author: str = ""

    @property
    def short(self) -> str:
        return self.sha[:7]


@dataclass(frozen=True)
class Revision:
    """A commit that touched briefings/ and what it changed in the knowledge."""

    commit: Entry
    changes: tuple[Change, ...]
    readable: tuple[ReaderChange, ...] = ()  # the same changes, as the site says them


@dataclass(frozen=True)
class History:
    in_git: bool = False
    last_change: dict[str, Entry] = field(default_factory=dict)  # path → newest commit
    approval: dict[str, Entry] = field(default_factory=dict)  # path → commit that approved it
    # path → newest commit that added, edited or removed a dispute in it (review dispute)
    dispute: dict[str, Entry] = field(default_factory=dict)
    recent: tuple[Revision, ...] = ()

    def changed(self, path: str) -> Entry | None:
        return self.last_change.get(path)

    def approved(self, path: str) -> Entry | None:
        return self.approval.get(path)

    def disputed(self, path: str) -> Entry | None:
        """The commit that recorded the file's latest dispute: who and when, from git."""
        return self.dispute.get(path)


def read_history(root: Path, recent: int = RECENT_COMMITS) -> History:
    """The history of ``root``/briefings, or an empty History outside git."""
    if not gitio.in_repository(root):
        return _OUTSIDE_GIT  # the same object every time: serve's rebuilds skip its reads
    return _history_at(root, gitio.resolve(root, "HEAD"), recent)


_OUTSIDE_GIT = History()


@lru_cache(maxsize=4)
def _history_at(root: Path, head: str, recent: int) -> History:
    # A function of the commit alone (uncommitted edits do not enter it), so `serve`
    # rebuilds reuse it until the next commit.
    commits = _log(root, head)
    last_change: dict[str, Entry] = {}
    for entry, paths in commits:
        for path in paths:
            last_change.setdefault(path, entry)
    approval: dict[str, Entry] = {}
    for entry, paths in _log(root, head, "-G", _APPROVAL):
        for path in paths:
            approval.setdefault(path, entry)
    dispute: dict[str, Entry] = {}
    for entry, paths in _log(root, head, "-G", _DISPUTE):
        for path in paths:
            dispute.setdefault(path, entry)
    return History(
        True, last_change, approval, dispute=dispute, recent=_recent(root, commits[:recent])
    )


def _log(root: Path, head: str, *extra: str) -> list[tuple[Entry, list[str]]]:
    """Commits touching briefings/, newest first, each with the paths it touched."""
    out = gitio.git(
        root,
        "-c",
        "core.quotePath=false",
        "log",
        "--no-merges",
        "--relative",  # paths relative to root, which may be a subfolder of the repository
        "--name-only",
        "--format=%x01%H%x00%cs%x00%an%x00%s",
        *extra,
        head,
        "--",
        "briefings",
    ).decode("utf-8", "surrogateescape")
    found = []
    for record in out.split("\x01")[1:]:
        header, _, names = record.partition("\n")
        sha, date, author, subject = header.split("\0", 3)
        entry = Entry(sha, parse_partial_date(date), subject, author)
        found.append((entry, [n for n in names.splitlines() if n]))
    return found


def _recent(root: Path, commits: list[tuple[Entry, list[str]]]) -> tuple[Revision, ...]:
    revisions = []
    loaded: dict[str, Loaded] = {}
    cache: FileCache = {}  # most files are the same in every revision: parse them once

    def at(sha: str | None) -> Loaded:
        if sha is None:  # before the first commit: nothing
            return Loaded(Corpus(), (), {k: frozenset() for k in ("article", "company", "deal")})
        if sha not in loaded:
            loaded[sha] = load_tree(root, files=gitio.read_tree(root, sha), cache=cache)
        return loaded[sha]

    for entry, _ in commits:
        parent = _parent(root, entry.sha)
        before, after = at(parent), at(entry.sha)
        diff = semantic_diff(before, after, parent or "nothing", entry.short, entry.date.iso())
        readable = for_readers(before.corpus, after.corpus, diff.changes)
        revisions.append(Revision(entry, diff.changes, readable))
    return tuple(revisions)


def _parent(root: Path, sha: str) -> str | None:
    try:
        return gitio.git(root, "rev-parse", "--verify", "--quiet", f"{sha}^1").decode().strip()
    except DossierError:
        return None

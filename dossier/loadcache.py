"""What the loader keeps from one load to the next, so a rebuild reads, parses and
validates only changed files.

Parsed briefings by content hash: ``load.load_file`` depends on nothing but its
arguments; its result for a file's bytes is stored under a hash of (kind, path, bytes,
limits) in ``.dossier/cache/load.pickle``, tagged with a hash of Dossier's own code and
schemas so an upgrade never reads stale results. Files not in the cache are loaded on
every core. The file is written atomically, holds only the files of the last valid
load, and may be deleted at any time. It is read with pickle, like a .pyc: it is this
program's own output in the project.

Files by their status (``FileReader``): serve loads the corpus again on every save; at
10,000 articles that is 21,000 files to check and read. A file whose ``lstat`` (inode,
size, times) and folder are the same as at the last load is taken from memory instead.
A symbolic link is never read (whatever it points to), nor a file in a folder that is a
link, nor anything but a regular file. Each load keeps only the files it read, so
removed files leave memory too.

What a process keeps from one load to the next is one ``Warm``: ``serve`` keeps one for
its lifetime, so a save reads and parses only what changed. A command that builds once
starts with a fresh one: two builds in one process share nothing unless the caller
hands them the same ``Warm``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .atomic import write_cache
from .build_env import code_digest
from .errors import Problem
from .parallel import ordered_map

Result = tuple[Any, list[Problem]]


@dataclass(frozen=True)
class BriefingFile:
    """One briefing as read: what the loader parses (and the key of what it made of it)."""

    kind: str  # company, deal or article
    path: str  # project-relative, e.g. briefings/deals/x.md
    raw: bytes


_NAME = "load.pickle"


class ParsedBriefings:
    """Parsed briefings by key: the last valid load's in memory, and the file on disk."""

    def __init__(self) -> None:
        self.memory: dict[str, Result] = {}  # the results of the last valid load
        self.on_disk: dict[Path, set[str]] = {}  # keys last written to each cache file
        # Serve sets this after its first build: rewriting the whole file on every save
        # costs more than the save (0.3 s at 10,000 articles); the next `build.py`
        # parses what changed.
        self.memory_only = False

    def load_files(
        self,
        items: Sequence[BriefingFile],
        load: Callable[[BriefingFile], Result],
        limits: Any,
        cache_dir: Path | None,
    ) -> tuple[list[Result], Callable[[], None]]:
        """``load`` (the loader's ``load_file``, with ``limits``) for every item, in
        order: from the cache, else on every core.

        The second value saves the cache; the loader calls it only when the whole corpus
        passed, so a failed build leaves the project exactly as it was.
        """
        version = code_digest()
        keys = [_key(f, limits) for f in items]
        # A long-running process (serve) keeps the last valid load in memory: the file
        # is read by the first load only, and later loads parse just what changed since.
        stored = self.memory
        if not stored:
            stored = _read(cache_dir, version) if cache_dir else {}
            if cache_dir:
                self.on_disk[cache_dir] = set(stored)
        missing = [i for i, key in enumerate(keys) if key not in stored]
        fresh = ordered_map(lambda i: load(items[i]), missing)
        results = {keys[i]: result for i, result in zip(missing, fresh, strict=True)}
        out = [results[key] if key in results else stored[key] for key in keys]

        def save() -> None:
            valid = dict(zip(keys, out, strict=True))
            if cache_dir and not self.memory_only and self.on_disk.get(cache_dir) != set(valid):
                _write(cache_dir, version, valid)
                self.on_disk[cache_dir] = set(valid)
            self.memory = valid

        return out, save


def _key(item: BriefingFile, limits: Any) -> str:
    digest = hashlib.sha256(f"{item.kind}\0{item.path}\0{limits!r}\0".encode())
    digest.update(item.raw)
    return digest.hexdigest()


def _read(cache_dir: Path, version: str) -> dict[str, Result]:
    try:
        with (cache_dir / _NAME).open("rb") as handle:
            saved_version, entries = pickle.load(handle)
    except Exception:  # missing, damaged or from another version: load everything
        return {}
    return entries if saved_version == version else {}


def _write(cache_dir: Path, version: str, entries: dict[str, Result]) -> None:
    dump = functools.partial(pickle.dump, (version, entries), protocol=pickle.HIGHEST_PROTOCOL)
    write_cache(cache_dir / _NAME, dump)


# Seeds' digests (load.py's ``_digest``: the text with its whitespace normalised) by a
# hash of their bytes: a fresh process decodes every seed (evidence is checked against
# it) but need not normalise 10,000 of them again (0.5 s) to hash what did not change,
# nor to find again the quotes found in them (crossref.py; another half second).
_SEEDS_NAME = "seed-digests.json"


# seed → its file's inode, device, size and times, and the sha256 of its bytes
SeedStats = dict[str, tuple[tuple[int, ...], str]]


def read_seed_digests(cache_dir: Path) -> tuple[dict[str, str], frozenset[str], SeedStats]:
    """sha256 of a seed's bytes → its digest, the quotes found in their seeds
    (``crossref.quote_key``) and each seed's file as it was read (with the sha256 of
    its bytes), as the last valid load saved them."""
    try:
        data = json.loads((cache_dir / _SEEDS_NAME).read_text("utf-8"))
        if data["version"] != code_digest():
            return {}, frozenset(), {}
        digests, quotes, stats = data["digests"], data.get("quotes", []), data.get("stats", {})
        if isinstance(digests, dict) and isinstance(quotes, list) and isinstance(stats, dict):
            return (
                {str(k): str(v) for k, v in digests.items()},
                frozenset(map(str, quotes)),
                {str(k): (tuple(map(int, v[0])), str(v[1])) for k, v in stats.items()},
            )
    except (OSError, ValueError, KeyError, TypeError):  # none or damaged: hash them all
        pass
    return {}, frozenset(), {}


def write_seed_digests(
    cache_dir: Path, digests: dict[str, str], quotes: set[str], stats: SeedStats
) -> None:
    data = {
        "version": code_digest(),
        "digests": digests,
        "quotes": sorted(quotes),
        "stats": {seed: [list(stat), sha] for seed, (stat, sha) in stats.items()},
    }
    write_cache(cache_dir / _SEEDS_NAME, json.dumps(data, sort_keys=True).encode())


# --- files as the loader reads them ---------------------------------------------------

# ("ok" | "link" | "linked-folder" | "missing", size, bytes): "link" is a symbolic link,
# "linked-folder" a file in a folder reached through one, "missing" also a pipe or device
Verdict = tuple[str, int, bytes | None]

_Known = dict[str, tuple[tuple[object, ...], Verdict]]  # path → (its lstat and folder, verdict)
# Each seed with its size, times and inode, and the names of the article briefings.
SeedsSignature = tuple[tuple[str, int, int, int, int], ...]


class FileReader:
    """Reads files for the loader, remembering each by its lstat until the next load."""

    def __init__(self) -> None:
        self._last: _Known = {}
        self._now: _Known = {}
        self._folders: dict[str, str] = {}  # folder → its real path, this load
        self._linked: dict[tuple[str, str, str], bool] = {}

    def start_load(self) -> None:
        """Call once per load: folders are resolved afresh, and unused files are forgotten."""
        self._folders, self._linked = {}, {}
        self._last, self._now = self._now or self._last, {}

    def read(self, path: str | Path, root: Path, limit: int) -> Verdict:
        """Whether ``path`` is a file inside ``root``, its size, and its bytes when within
        ``limit``."""
        text = os.fspath(path)
        try:
            info = os.lstat(text)
        except (OSError, ValueError):  # ValueError: a NUL in the path
            return ("missing", 0, None)
        folder = self._real_folder(os.path.dirname(text))
        signature = (info.st_ino, info.st_dev, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
        key = (*signature, folder, limit)
        known = self._last.get(text)
        if known is not None and known[0] == key and not stat.S_ISLNK(info.st_mode):
            self._now[text] = known
            return known[1]
        if stat.S_ISLNK(info.st_mode):
            return ("link", 0, None)
        if self._through_link(os.path.dirname(text), folder, os.fspath(root)):
            verdict: Verdict = ("linked-folder", 0, None)
        else:
            verdict = _read_file(text, info, limit)
        self._now[text] = (key, verdict)
        return verdict

    def signature(self, path: str | Path, root: Path) -> tuple[int, ...] | None:
        """A regular file's inode, device, size and times, as ``read`` compares them;
        None for anything ``read`` would not read (a link, a file in a linked folder)."""
        text = os.fspath(path)
        try:
            info = os.lstat(text)
        except (OSError, ValueError):
            return None
        folder = self._real_folder(os.path.dirname(text))
        if not stat.S_ISREG(info.st_mode) or self._through_link(
            os.path.dirname(text), folder, os.fspath(root)
        ):
            return None
        return (info.st_ino, info.st_dev, info.st_size, info.st_mtime_ns, info.st_ctime_ns)

    def _real_folder(self, folder: str) -> str:
        if folder not in self._folders:
            self._folders[folder] = os.path.realpath(folder)
        return self._folders[folder]

    def _through_link(self, folder: str, real: str, root: str) -> bool:
        """Whether some folder from ``root`` down to ``folder`` (resolved: ``real``) is a link."""
        key = (folder, real, root)
        if key not in self._linked:
            top = self._real_folder(root)
            expected = os.path.normpath(os.path.join(top, os.path.relpath(folder, root)))
            self._linked[key] = real != expected
        return self._linked[key]


def _read_file(text: str, info: os.stat_result, limit: int) -> Verdict:
    if not stat.S_ISREG(info.st_mode):  # a folder, a device or a pipe: never opened
        return ("missing", 0, None)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:  # O_NOFOLLOW: a link put there since the lstat fails instead of being read
        fd = os.open(text, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return ("link", 0, None) if os.path.islink(text) else ("missing", 0, None)
    with os.fdopen(fd, "rb") as handle:
        now = os.fstat(fd)
        if not stat.S_ISREG(now.st_mode):
            return ("missing", 0, None)
        return ("ok", now.st_size, handle.read() if now.st_size <= limit else None)


@dataclass
class Warm:
    reader: FileReader = field(default_factory=FileReader)  # files by their lstat
    parsed: ParsedBriefings = field(default_factory=ParsedBriefings)  # briefings by hash
    # id(bytes) → (bytes, digest, text) of each seed, last load: unchanged seeds are
    # neither decoded nor hashed again
    seed_digests: dict[int, tuple[bytes, str, str]] = field(default_factory=dict)
    # root → the seeds as they were when ingest last had nothing to do
    nothing_pending: dict[Path, SeedsSignature] = field(default_factory=dict)

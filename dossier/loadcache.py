"""What the loader keeps from one load to the next, so a rebuild reads, parses and
validates only changed files.

Parsed briefings by content hash: ``load.load_file`` depends on nothing but its
arguments; its result for a file's bytes is stored under a hash of (kind, path, bytes,
limits) in ``.dossier/cache/load/``, tagged with a hash of Dossier's own code and
schemas so an upgrade never reads stale results. Files not in the cache are loaded on
every core. The cache holds only the files of the last valid load, in pieces by the
first digit of their hash: a build after one edit rewrites two pieces, not the whole
(40 MB at 10,000 articles, 0.3 s to write).
Each file's inode, size and times are kept with its hash: a fresh process does not read
a file that is as the last valid load read it (``known``). The cache may be deleted at
any time. It is read with pickle, like a .pyc: it is this program's own output in the
project.

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

import hashlib
import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .atomic import read_kept, save_kept
from .build_env import code_digest
from .errors import Problem
from .parallel import ordered_map

Result = tuple[Any, list[Problem]]
Signature = tuple[int, ...]  # a file's inode, device, size and times (FileReader, below)


@dataclass(frozen=True)
class BriefingFile:
    """One briefing as read: what the loader parses (and the key of what it made of it)."""

    kind: str  # company, deal or article
    path: str  # project-relative, e.g. briefings/deals/x.md
    raw: bytes  # empty when not read: then ``key`` is known
    # How the file was before it was read, when the loader may skip it next time: its
    # signature, taken before reading it (a file changed meanwhile has another).
    signature: Signature | None = None
    key: str = ""  # the hash of a file not read (``known``)


_FOLDER = "load"
_PIECES = "0123456789abcdef"
# path → (signature, kind and limits, key) of the files of a piece
_Stats = dict[str, tuple[Signature, str, str]]


class ParsedBriefings:
    """Parsed briefings by key: the last valid load's in memory, and the pieces on disk."""

    def __init__(self) -> None:
        self.memory: dict[str, Result] = {}  # the results of the last valid load
        # cache folder → piece → its keys and stats as last written or read
        self.on_disk: dict[Path, dict[str, tuple[set[str], _Stats]]] = {}
        self.stored: dict[str, Result] = {}  # read from disk by this process
        self.stats: _Stats = {}
        # Serve sets this after its first build: rewriting the cache on every save
        # costs more than the save; the next `build.py` parses what changed.
        self.memory_only = False

    def known(
        self, kind: str, rel: str, limits: Any, signature: Signature, cache_dir: Path
    ) -> str | None:
        """The key of a file that is as the last valid load read it, or None: read it."""
        self._read(cache_dir)
        kept = self.stats.get(rel)
        if kept is None or kept[0] != signature or kept[1] != f"{kind}\0{limits!r}":
            return None
        return kept[2] if kept[2] in self.stored else None

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
        keys = [f.key or _key(f.kind, f.path, f.raw, limits) for f in items]
        # A long-running process (serve) keeps the last valid load in memory: the cache
        # is read by the first load only, and later loads parse just what changed since.
        stored = self.memory
        if not stored and cache_dir:
            stored = self._read(cache_dir)
        missing = [i for i, key in enumerate(keys) if key not in stored]
        fresh = ordered_map(lambda i: load(items[i]), missing)
        results = {keys[i]: result for i, result in zip(missing, fresh, strict=True)}
        out = [results[key] if key in results else stored[key] for key in keys]

        def save() -> None:
            valid = dict(zip(keys, out, strict=True))
            if cache_dir and not self.memory_only:
                stats = {
                    f.path: (f.signature, f"{f.kind}\0{limits!r}", key)
                    for f, key in zip(items, keys, strict=True)
                    if f.signature is not None
                }
                self._write(cache_dir, valid, stats)
            self.memory, self.stored, self.stats = valid, {}, {}

        return out, save

    def _read(self, cache_dir: Path) -> dict[str, Result]:
        """The pieces in ``cache_dir`` (once per process): those of another version of
        Dossier, damaged or missing are empty."""
        if cache_dir in self.on_disk:
            return self.stored
        pieces = self.on_disk[cache_dir] = {}
        for piece in _PIECES:
            kept = read_kept(cache_dir / _FOLDER / f"{piece}.pickle", code_digest())
            if kept is not None:  # else missing, damaged: its files are loaded again
                entries, stats = kept
                self.stored.update(entries)
                self.stats.update(stats)
                pieces[piece] = (set(entries), stats)
        return self.stored

    def _write(self, cache_dir: Path, valid: dict[str, Result], stats: _Stats) -> None:
        """The pieces whose files, or their signatures, differ from those on disk."""
        pieces: dict[str, tuple[set[str], _Stats]] = {piece: (set(), {}) for piece in _PIECES}
        for key in valid:
            pieces[key[0]][0].add(key)
        for rel, seen in stats.items():
            pieces[seen[2][0]][1][rel] = seen
        on_disk = self.on_disk.setdefault(cache_dir, {})
        for piece, (keys, piece_stats) in pieces.items():
            if on_disk.get(piece) == (keys, piece_stats):
                continue
            saved = ({key: valid[key] for key in keys}, piece_stats)
            if save_kept(cache_dir / _FOLDER / f"{piece}.pickle", code_digest(), saved):
                on_disk[piece] = (keys, piece_stats)


def _key(kind: str, rel: str, raw: bytes, limits: Any) -> str:
    digest = hashlib.sha256(f"{kind}\0{rel}\0{limits!r}\0".encode())
    digest.update(raw)
    return digest.hexdigest()


# Seeds' digests (load.py's ``_digest``: the text with its whitespace normalised) by a
# hash of their bytes, the quotes found in their seeds (crossref.quote_key) and each
# seed's file as it was read, kept by the last valid load (load.SeedMemo): a fresh
# process decodes every seed (evidence is checked against it) but need not normalise
# 10,000 of them again (0.5 s) to hash what did not change, nor find the quotes again.
SEEDS_FILE = "seed-digests.pickle"


# seed → its file's inode, device, size and times, and the sha256 of its bytes
SeedStats = dict[str, tuple[tuple[int, ...], str]]


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

"""Briefing and seed files as the loader reads them, kept while their status is unchanged.

Serve loads the corpus again on every save; at 10,000 articles that is 21,000 files to
check and read. A file whose ``lstat`` (inode, size, times) and folder are the same as
at the last load is taken from memory instead. A symbolic link is never read (whatever
it points to), nor a file in a folder that is a link, nor anything but a regular file.
Each load keeps only the files it read, so removed files leave memory too. A
``FileReader`` holds what it read; a process that loads once uses a fresh one.

What a process keeps from one load to the next is one ``Warm``: ``serve`` keeps one for
its lifetime, so a save reads and parses only what changed. A command that builds once
starts with a fresh one: two builds in one process share nothing unless the caller
hands them the same ``Warm``.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .loadcache import ParsedBriefings

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
            verdict = _read(text, info, limit)
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


def _read(text: str, info: os.stat_result, limit: int) -> Verdict:
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

"""What the loader keeps from one load to the next, so a rebuild opens, parses and
validates only the files that changed: one store of files by their status.

Each briefing and seed the last valid load read is kept under its project path with
its signature (inode, device, size and times, taken before it was read) and what the
loader made of it: a briefing's parse (``load.load_file``, with ingest's placeholders
found in its bytes), a seed's digest. A file whose signature, kind and limits are the
same is not opened again. A symbolic link has no signature, nor a file in a folder
that is a link, nor anything but a regular file: they are read, and refused, every time.

A long-running process (serve) keeps the store in memory in its ``Warm``, so a save
reads and parses only what changed; ``build.py`` keeps it in ``.dossier/cache/load/``
(``atomic.save_kept``, tagged with a digest of Dossier's code and schemas, so an
upgrade never reads stale results), in 16 pieces by a hash of the path: a build after
one edit rewrites one or two of them, not the whole (40 MB at 10,000 articles). Only a
valid load is kept, so a failed build leaves the store as it was. A command that builds
once starts with a fresh ``Warm``: two builds in one process share nothing unless the
caller hands them the same one. The cache may be deleted at any time.
"""

from __future__ import annotations

import os
import stat
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .atomic import read_kept, save_kept
from .build_env import code_digest

Signature = tuple[int, ...]  # a file's inode, device, size and times (FileReader, below)
_Entry = tuple[Signature, str, Any]  # signature, what else shaped it, what was made of it
_FOLDER = "load"
_PIECES = 16
_QUOTES = "seed-quotes.pickle"  # quotes found in their seeds (crossref.Quotes)


class FileStore:
    """What the last valid load made of each file, by path (see above)."""

    def __init__(self) -> None:
        self.last: dict[str, _Entry] = {}  # the last valid load's (or the disk's)
        self.now: dict[str, _Entry] = {}  # this load's
        self.quotes: frozenset[str] = frozenset()  # found in their seeds (crossref.Quotes)
        self.on_disk: dict[int, dict[str, _Entry]] | None = None  # pieces, once read
        # Serve sets this after its first build: rewriting the cache on every save
        # costs more than the save; the next `build.py` parses what changed.
        self.memory_only = False

    def start(self, cache_dir: Path | None) -> None:
        """Call once per load: the disk's pieces are read by a process's first load."""
        self.now = {}
        if cache_dir is None or self.on_disk is not None or self.last:
            return
        self.on_disk = {}
        for piece in range(_PIECES):
            entries = read_kept(cache_dir / _FOLDER / f"{piece:x}.pickle", code_digest())
            if entries is not None:  # else missing, damaged: its files are loaded again
                self.on_disk[piece] = entries
                self.last.update(entries)
        self.quotes = read_kept(cache_dir / _QUOTES, code_digest()) or frozenset()

    def get(self, path: str, signature: Signature | None, shape: str) -> Any:
        """What was made of the file at ``path`` if it is as the last valid load read it
        (``shape``: its kind and the limits), else None: read it."""
        entry = self.last.get(path)
        if signature is None or entry is None or entry[:2] != (signature, shape):
            return None
        self.now[path] = entry
        return entry[2]

    def put(self, path: str, signature: Signature | None, shape: str, made: Any) -> None:
        if signature is not None:
            self.now[path] = (signature, shape, made)

    def save(self, cache_dir: Path | None, quotes: set[str]) -> None:
        """Keep this load's files (call only when the whole load is valid)."""
        self.last, self.now = self.now, {}
        quotes_moved, self.quotes = quotes != self.quotes, frozenset(quotes)
        if cache_dir is None or self.memory_only:
            return
        if quotes_moved:
            save_kept(cache_dir / _QUOTES, code_digest(), self.quotes)
        pieces: list[dict[str, _Entry]] = [{} for _ in range(_PIECES)]
        for path, entry in self.last.items():
            pieces[zlib.crc32(path.encode()) % _PIECES][path] = entry
        on_disk = self.on_disk = self.on_disk or {}
        for piece, entries in enumerate(pieces):
            changed = on_disk.get(piece) != entries
            if changed and save_kept(
                cache_dir / _FOLDER / f"{piece:x}.pickle", code_digest(), entries
            ):
                on_disk[piece] = entries


# --- files as the loader reads them ---------------------------------------------------

# ("ok" | "link" | "linked-folder" | "missing", size, bytes): "link" is a symbolic link,
# "linked-folder" a file in a folder reached through one, "missing" also a pipe or device
Verdict = tuple[str, int, bytes | None]


class FileReader:
    """Reads files for one load, each folder resolved once."""

    def __init__(self) -> None:
        self._folders: dict[str, str] = {}  # folder → its real path
        self._linked: dict[tuple[str, str, str], bool] = {}

    def read(self, path: str | Path, root: Path, limit: int) -> Verdict:
        """Whether ``path`` is a file inside ``root``, its size, and its bytes when within
        ``limit``."""
        text = os.fspath(path)
        info, what = self._look(text, root)
        return _read_file(text, info, limit) if info and what == "ok" else (what, 0, None)

    def signature(self, path: str | Path, root: Path) -> Signature | None:
        """A regular file's inode, device, size and times; None for anything ``read``
        would not read (a link, a file in a linked folder)."""
        info, what = self._look(os.fspath(path), root)
        if info is None or what != "ok" or not stat.S_ISREG(info.st_mode):
            return None
        return (info.st_ino, info.st_dev, info.st_size, info.st_mtime_ns, info.st_ctime_ns)

    def _look(self, text: str, root: Path) -> tuple[os.stat_result | None, str]:
        """The file's lstat, and "ok", "link", "linked-folder" or "missing"."""
        try:
            info = os.lstat(text)
        except (OSError, ValueError):  # ValueError: a NUL in the path
            return None, "missing"
        if stat.S_ISLNK(info.st_mode):
            return info, "link"
        folder = self._real_folder(os.path.dirname(text))
        linked = self._through_link(os.path.dirname(text), folder, os.fspath(root))
        return info, "linked-folder" if linked else "ok"

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
    files: FileStore = field(default_factory=FileStore)  # what loads made of each file

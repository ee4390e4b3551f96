"""Briefing and seed files as the loader reads them, kept while their status is unchanged.

Serve loads the corpus again on every save; at 10,000 articles that is 21,000 files to
check and read. A file whose ``lstat`` (inode, size, times) and folder are the same as
at the last load is taken from memory instead. A symbolic link is never read (whatever
it points to), nor a file in a folder that is a link, nor anything but a regular file.
Each load keeps only the files it read, so removed files leave memory too.
"""

from __future__ import annotations

import os
import stat
from functools import lru_cache
from pathlib import Path

# ("ok" | "link" | "linked-folder" | "missing", size, bytes): "link" is a symbolic link,
# "linked-folder" a file in a folder reached through one, "missing" also a pipe or device
Verdict = tuple[str, int, bytes | None]

_last: dict[str, tuple[tuple[object, ...], Verdict]] = {}
_now: dict[str, tuple[tuple[object, ...], Verdict]] = {}


def start_load() -> None:
    """Call once per load: folders are resolved afresh, and unused files are forgotten."""
    global _last, _now
    _real_folder.cache_clear()
    _through_link.cache_clear()
    _last, _now = _now or _last, {}


def read(path: str | Path, root: Path, limit: int) -> Verdict:
    """Whether ``path`` is a file inside ``root``, its size, and its bytes when within ``limit``."""
    text = os.fspath(path)
    try:
        info = os.lstat(text)
    except (OSError, ValueError):  # ValueError: a NUL in the path
        return ("missing", 0, None)
    folder = _real_folder(os.path.dirname(text))
    signature = (info.st_ino, info.st_dev, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    key = (*signature, folder, limit)
    known = _last.get(text)
    if known is not None and known[0] == key and not stat.S_ISLNK(info.st_mode):
        _now[text] = known
        return known[1]
    verdict = _read(text, folder, root, limit, info)
    if not stat.S_ISLNK(info.st_mode):
        _now[text] = (key, verdict)
    return verdict


def _read(text: str, folder: str, root: Path, limit: int, info: os.stat_result) -> Verdict:
    if stat.S_ISLNK(info.st_mode):
        return ("link", 0, None)
    if _through_link(os.path.dirname(text), folder, os.fspath(root)):
        return ("linked-folder", 0, None)
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


@lru_cache(maxsize=256)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


@lru_cache(maxsize=256)
def _through_link(folder: str, real: str, root: str) -> bool:
    """Whether some folder from ``root`` down to ``folder`` (resolved: ``real``) is a link."""
    top = _real_folder(root)
    return real != os.path.normpath(os.path.join(top, os.path.relpath(folder, root)))

"""Briefing and seed files as the loader reads them, kept while their status is unchanged.

Serve loads the corpus again on every save; at 10,000 articles that is 21,000 files to
check and read. A file whose ``lstat`` (inode, size, times) and folder are the same as
at the last load is taken from memory instead. Symbolic links are checked every time.
Each load keeps only the files it read, so removed files leave memory too.
"""

from __future__ import annotations

import os
import stat
from functools import lru_cache
from pathlib import Path

Verdict = tuple[str, int, bytes | None]  # ("ok" | "outside" | "missing", size, bytes)

_last: dict[str, tuple[tuple[object, ...], Verdict]] = {}
_now: dict[str, tuple[tuple[object, ...], Verdict]] = {}


def start_load() -> None:
    """Call once per load: folders are resolved afresh, and unused files are forgotten."""
    global _last, _now
    _real_folder.cache_clear()
    _last, _now = _now or _last, {}


def read(path: str | Path, root: Path, limit: int) -> Verdict:
    """Whether ``path`` is a file inside ``root``, its size, and its bytes when within ``limit``."""
    text = os.fspath(path)
    try:
        info = os.lstat(text)
    except OSError:
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
        real = os.path.realpath(text)
    else:
        real = os.path.join(folder, os.path.basename(text))
    top = _real_folder(os.fspath(root))
    if not (real == top or real.startswith(top.rstrip(os.sep) + os.sep)):
        return ("outside", 0, None)
    target = os.stat(text) if stat.S_ISLNK(info.st_mode) else info
    if not stat.S_ISREG(target.st_mode):  # a folder, a device or a pipe: never opened
        return ("missing", 0, None)
    with open(text, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        return ("ok", size, handle.read() if size <= limit else None)


@lru_cache(maxsize=256)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)

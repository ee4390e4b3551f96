"""Writes that are all-or-nothing, so a crash never leaves a half-written file or site.

Files go through a temporary file in the same folder and ``os.replace``. A site
folder is swapped with Linux's ``renameat2(RENAME_EXCHANGE)``, which exchanges two
directories in one step: at every instant ``site/`` is the old site or the new one.
Where that call is missing, two renames are used and ``recover`` repairs the one
moment between them on the next run.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import functools
import os
import pickle
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, BinaryIO

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_UMASK_LOCK = threading.Lock()


def umask() -> int:
    """The process's umask, read without changing it where the system allows.

    Python can only read the umask by setting it, which for a moment gives every other
    thread's new files the wrong mode; Linux (4.7+) shows it in /proc/self/status.
    """
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _UMASK_LOCK:  # elsewhere: set and restore at once, one thread at a time
        current = os.umask(0o077)
        os.umask(current)
    return current


def file_mode() -> int:
    """The mode ``open(path, "w")`` gives a new file: mkstemp's 0600 would hide drafts,
    the site and the PDF from a web server or a colleague."""
    return 0o666 & ~umask()


def dir_mode() -> int:
    """The mode ``mkdir`` gives a new folder (mkdtemp's is 0700)."""
    return 0o777 & ~umask()


def write_bytes(path: Path, data: bytes, mode: int | None = None) -> None:
    """Replace ``path`` with ``data`` atomically (and durably, via fsync); ``mode``: its
    permissions (by default those a plain write of a new file would give)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), file_mode() if mode is None else mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def replace_together(writes: dict[Path, tuple[bytes, int]], removals: list[Path]) -> None:
    """Write every file of ``writes`` (path → bytes, mode) and remove ``removals``, as
    one step as far as POSIX allows: each new file is written in full and synced beside
    its target first; only then are they all renamed into place and the removals done,
    in one quick loop. A failure before that loop changes nothing."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, (data, mode) in sorted(writes.items()):
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            staged.append((tmp, path))
            with os.fdopen(fd, "wb") as handle:
                os.fchmod(handle.fileno(), mode)
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
    except BaseException:
        for tmp, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        raise
    for tmp, path in staged:
        os.replace(tmp, path)
    for path in removals:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def write_cache(path: Path, data: bytes | Callable[[BinaryIO], object]) -> bool:
    """Replace a file of the cache (``.dossier/cache/``) with ``data``, or with what it
    writes to the file (a pickle, streamed: one is 200 MB at scale), whole or not at all;
    whether it was written. Not synced, and an OSError is no failure: a cache file lost
    or not written only makes the next build slower (its readers check what they read)."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                if callable(data):
                    data(handle)
                else:
                    handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        return True
    return False


def save_kept(path: Path, tag: str, value: object) -> bool:
    """Keep ``value`` for the next build at ``path`` under ``tag`` (a digest of what
    made it: code, format, key); a pickle, like a .pyc: this program's own output in the
    project's cache, never a file from elsewhere. Whether it was written (``write_cache``)."""
    kept = (tag, value)
    return write_cache(path, functools.partial(pickle.dump, kept, protocol=pickle.HIGHEST_PROTOCOL))


def read_kept(path: Path, tag: str) -> Any:
    """What ``save_kept`` kept at ``path`` under ``tag``; None when it is missing,
    damaged or kept under another tag (then it is made again)."""
    try:
        with path.open("rb") as handle:
            saved, value = pickle.load(handle)
    except Exception:
        return None
    return value if saved == tag else None


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths; False where the system cannot."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result: int = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def swap_dir(
    new: Path, target: Path, meanwhile: Callable[[], None] = lambda: None, wait: bool = True
) -> None:
    """Put the finished folder ``new`` at ``target``; the old one is removed after, in a
    thread while ``meanwhile`` runs (removing a large site takes seconds). Without
    ``wait``, it is renamed ``.TARGET.gone-*`` and an ``rm`` removing it may outlive
    the call (a later ``recover`` removes what a killed one left)."""
    old = target.with_name(f".{target.name}.old")
    if target.exists() and _exchange(new, target):
        _remove(_gone(new, target, wait), meanwhile, wait)  # ``new`` holds the old site
        return
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    _remove(_gone(old, target, wait), meanwhile, wait)


def _gone(folder: Path, target: Path, wait: bool) -> Path:
    """Where ``folder`` (an old ``target``) is removed from: a name no build reuses or
    removes while an ``rm`` may still be at it (see ``recover``)."""
    if wait or not folder.exists():
        return folder
    gone = Path(tempfile.mkdtemp(prefix=f".{target.name}.gone-", dir=target.parent))
    os.replace(folder, gone)  # an empty folder: replaced
    return gone


_GONE_AFTER = 60  # seconds


def _remove(folder: Path, meanwhile: Callable[[], None], wait: bool = True) -> None:
    """Remove ``folder`` while ``meanwhile`` runs. By ``rm`` where there is one: in a
    thread, each of its 25,000 file removals (a site of 10,000 articles) waited for the
    Python code of ``meanwhile`` to let it run, and took a second rather than 0.15 s.
    (On a disk that discards freed blocks, removing the old exports and feeds of an
    edit's build took up to 12 s: a build need not wait for it.)"""
    if not folder.exists():
        meanwhile()
        return
    remover = _remover([folder])
    try:
        meanwhile()
    finally:
        if isinstance(remover, threading.Thread):
            remover.join()
        elif wait:
            remover.wait()
            shutil.rmtree(folder, ignore_errors=True)  # whatever rm could not remove


def _remover(folders: list[Path]) -> subprocess.Popen[bytes] | threading.Thread:
    """An ``rm`` removing ``folders``, or a thread where there is no ``rm``."""
    try:
        return subprocess.Popen(
            ["rm", "-rf", "--", *map(os.fspath, folders)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except OSError:  # no rm here

        def remove() -> None:
            for folder in folders:
                shutil.rmtree(folder, ignore_errors=True)

        remover = threading.Thread(target=remove)
        remover.start()
        return remover


def remove_later(folders: Iterable[Path], prefix: str) -> None:
    """Remove ``folders`` by an ``rm`` that may outlive the call, each renamed
    ``<prefix>*`` beside itself first, so that nothing finds it half removed under its
    name (a later sweep of ``<prefix>*`` removes what a killed ``rm`` left). On a disk
    that discards freed blocks, removing a search shard of 2,000 files an edit's build
    left behind took it 1 to 5 s of waiting."""
    gone = []
    for folder in folders:
        with contextlib.suppress(OSError):
            there = Path(tempfile.mkdtemp(prefix=prefix, dir=folder.parent))
            try:
                os.replace(folder, there)  # onto the empty folder just made
            except OSError:
                there.rmdir()
                continue
            # Its time is when it went, for the sweep: not a leftover while rm is at it.
            os.utime(there)
            gone.append(there)
    if gone:
        _remover(gone)


def recover(target: Path) -> None:
    """Undo what a killed run left: a lone old site, stale temporary folders."""
    old = target.with_name(f".{target.name}.old")
    if old.exists() and not target.exists():
        os.replace(old, target)
    elif old.exists():
        shutil.rmtree(old, ignore_errors=True)
    for stale in target.parent.glob(f".{target.name}.tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)
    for gone in target.parent.glob(f".{target.name}.gone-*"):
        with contextlib.suppress(OSError):  # made, and the run killed before it was filled
            gone.rmdir()
        # An rm removing it changes it all the time: one untouched for a while was stopped.
        with contextlib.suppress(OSError):
            if time.time() - gone.stat().st_mtime > _GONE_AFTER:
                _remove(gone, lambda: None, wait=False)

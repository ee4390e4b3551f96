"""Pages of the last site that a build links into the new one instead of writing them.

Every build assembles a whole new site folder and swaps it in (atomic.py), so the last
good site stays until the new one is complete. Most pages of a build after an edit are
the very bytes the last build wrote: the page cache holds them under the same key. A
hard link to the last site's file gives the new folder that file without reading the
cache entry or writing 20 KB again (at 10,000 articles, a few seconds of a build).

After each build the manifest ``.dossier/cache/site-pages.json`` records, for the site
folder it produced, each page's file with its cache key and the file's inode, size and
modification time. A page is linked only if the last site is that folder, the page's
key is the same, and the file on disk is the very file the build wrote (a file edited
or replaced by hand has another inode or time, and is written again).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from .atomic import write_text

MANIFEST = Path(".dossier/cache/site-pages.json")
_FORMAT = "site-pages-1"
Stamp = tuple[int, int, int]  # inode, size, modification time (ns)


def _stamp(path: str | Path) -> Stamp | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


@dataclass(frozen=True)
class KeptPages:
    """The last site's pages: their files by site path, with key and stamp."""

    site: Path
    pages: Mapping[str, tuple[str, Stamp]]

    def file(self, dest: str, key: str) -> Path | None:
        """The last site's file for ``dest``, if it is the one built under ``key``."""
        kept = self.pages.get(dest)
        if kept is None or kept[0] != key:
            return None
        # Strings: after an edit at 10,000 articles, 11,500 pages are looked up.
        path = os.path.join(self.site, dest)
        return Path(path) if _stamp(path) == kept[1] else None


def text_key(text: str) -> str:
    """A generated file's key in the manifest: a digest of the bytes it is written as."""
    return bytes_key(text.encode("utf-8"))


def bytes_key(data: bytes) -> str:
    """``text_key`` of the text whose UTF-8 bytes are ``data``."""
    return "text:" + hashlib.sha256(data).hexdigest()


def read(root: Path, site_dir: Path) -> KeptPages | None:
    """What the last build into ``site_dir`` wrote, if it is still there."""
    try:
        data = json.loads((root / MANIFEST).read_text("utf-8"))
        if data["format"] != _FORMAT or data["site"] != str(site_dir.resolve()):
            return None
        listed = data["pages"].items()
        pages = {dest: (key, (ino, size, mtime)) for dest, (key, ino, size, mtime) in listed}
    except (OSError, ValueError, KeyError, TypeError):  # none, damaged: write every page
        return None
    return KeptPages(site_dir.resolve(), pages)


def record(
    root: Path,
    site_dir: Path,
    keys: Mapping[str, str],
    linked: Collection[str] = (),
    last: KeptPages | None = None,
) -> None:
    """Remember the pages (site path → cache key) of the site just swapped in.
    ``linked``: files linked from ``last`` (the same inode, size and time: not stat'ed
    again, 11,500 of them after an edit)."""
    pages = {}
    for dest, key in keys.items():
        known = last.pages.get(dest) if last is not None and dest in linked else None
        stamp = known[1] if known is not None and known[0] == key else _stamp(site_dir / dest)
        if stamp is not None:
            pages[dest] = [key, *stamp]
    data = {"format": _FORMAT, "site": str(site_dir.resolve()), "pages": pages}
    with contextlib.suppress(OSError):  # without it the next build writes every page
        write_text(root / MANIFEST, json.dumps(data, sort_keys=True))

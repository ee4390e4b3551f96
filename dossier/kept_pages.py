"""What the last build wrote into site/: the whole of it, when nothing changed since,
and otherwise each unchanged page, linked into the new site instead of written again.

A build is a pure function of its inputs (builds are deterministic): the briefings and
seeds as loaded, the git history shown, templates/, mkdocs.yml, static/, the theme
overrides, the installed MkDocs, Dossier's own code and the libraries it runs. After
each build the manifest ``.dossier/cache/site-manifest.json`` records, for the site
folder it produced, the digest of all of them (``inputs_digest``), the folder's stamp
and each page's file with its cache key and the file's stamp (inode, size and
modification time). A build whose inputs have that digest, into that same folder (a
folder swapped in, deleted or replaced by hand has another stamp), has nothing to
write (``current``).

Every other build assembles a whole new site folder and swaps it in (atomic.py), so the
last good site stays until the new one is complete. Most pages of a build after an
edit are the very bytes the last build wrote: the page cache holds them under the same
key. A hard link to the last site's file gives the new folder that file without reading
the cache entry or writing 20 KB again (at 10,000 articles, a few seconds of a build).
A page is linked only if the last site is that folder, the page's key is the same, and
the file on disk is the very file the build wrote (a file edited or replaced by hand
has another stamp, and is written again). What the manifest does not notice: a file
edited by hand inside site/ when nothing else changed (delete site/ or ``.dossier/``
to rebuild in full).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from .atomic import write_cache
from .build_env import add_folder, code_digest
from .model import Corpus
from .review.history import History

MANIFEST = Path(".dossier/cache/site-manifest.json")
_FORMAT = "site-manifest-2"
Stamp = tuple[int, int, int]  # inode, size, modification time (ns)


def _stamp(path: Path) -> Stamp | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


def inputs_digest(root: Path, corpus: Corpus, history: History, extra: str) -> str:
    """One digest of everything a build reads; ``extra`` is the site engine's fingerprint."""
    digest = hashlib.sha256(f"{_FORMAT}\0{extra}\0".encode())
    for records in (corpus.companies, corpus.deals, corpus.articles):
        for record in records.values():  # the digest covers the file's path and bytes
            digest.update(record.origin.digest.encode())
    for slug, seed in sorted(corpus.seed_digests.items()):
        digest.update(f"{slug}={seed}\0".encode())
    digest.update(repr(history).encode())
    digest.update(code_digest().encode())
    add_folder(digest.update, root / "templates")
    return digest.hexdigest()


@dataclass(frozen=True)
class KeptPages:
    """The last site's pages: their files by site path, with key and stamp."""

    site: Path
    pages: Mapping[str, tuple[str, Stamp]]
    inputs: str  # the digest of every input of the build that wrote it
    stamp: Stamp  # the site folder's, just after the build
    count: int  # the site's pages (the rest of ``pages`` are generated files)

    def file(self, dest: str, key: str) -> Path | None:
        """The last site's file for ``dest``, if it is the one built under ``key``."""
        kept = self.pages.get(dest)
        if kept is None or kept[0] != key:
            return None
        path = self.site / dest
        return path if _stamp(path) == kept[1] else None


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
        ino, size, mtime = data["stamp"]
        stamp = (int(ino), int(size), int(mtime))
        return KeptPages(site_dir.resolve(), pages, str(data["inputs"]), stamp, int(data["count"]))
    except (OSError, ValueError, KeyError, TypeError):  # none, damaged: write every page
        return None


def current(root: Path, site_dir: Path, inputs: str) -> KeptPages | None:
    """The last build, if ``site_dir`` is still what it wrote from these very inputs."""
    kept = read(root, site_dir)
    if kept is None or kept.inputs != inputs or kept.stamp != _stamp(site_dir):
        return None
    return kept


def record(
    root: Path,
    site_dir: Path,
    keys: Mapping[str, str],
    count: int,
    inputs: str,
    linked: Collection[str] = (),
    last: KeptPages | None = None,
) -> None:
    """Remember the site just swapped in: its ``count`` pages and generated files (site
    path → cache key) and the digest of the ``inputs`` it was built from. ``linked``:
    files linked from ``last`` (the same inode, size and time: not stat'ed again, 11,500
    of them after an edit)."""
    folder = _stamp(site_dir)
    if folder is None:
        return
    pages = {}
    for dest, key in keys.items():
        known = last.pages.get(dest) if last is not None and dest in linked else None
        stamp = known[1] if known is not None and known[0] == key else _stamp(site_dir / dest)
        if stamp is not None:
            pages[dest] = [key, *stamp]
    site = str(site_dir.resolve())
    data = {"format": _FORMAT, "site": site, "pages": pages, "count": count, "inputs": inputs}
    data["stamp"] = list(folder)
    # (not written: the next build writes every page)
    write_cache(root / MANIFEST, json.dumps(data, sort_keys=True).encode())

"""Finished pages by key, so a rebuild neither renders nor wraps a page whose inputs did
not change: in the page cache, and in the site the last build wrote.

The site engine spends most of a build wrapping each page in the theme. That is a pure
function of the page (path, title, description, HTML fragment, headings) and of the
engine's setup (MkDocs and theme versions, mkdocs.yml, static/, the theme overrides,
this code). A page's key is a hash of that setup and of the page's fingerprint in the
page graph (render/inputs.py: its template, its job and the digests of every input it
shows), so a fresh `build.py` finds a page before rendering it; with custom templates,
whose inputs the graph does not know, the key hashes the rendered page instead. Either
way a changed input is a different key, and a stale entry is never picked.

One store, each page once: a page that the last site holds (below) is read from that
site's file; the cache's own entries in ``.dossier/cache/`` hold only what no recorded
site does: the pages of `serve` and of a plain ``mkdocs build``, and those forked
workers wrap for the build's process (dropped once the new site is recorded). It may
be deleted at any time, as may site/; the next build is then a full one. After a
complete build, entries that build did not use are removed.

The last site: every build assembles a whole new site folder and swaps it in
(atomic.py), so the last good site stays until the new one is complete. After each
build the manifest ``.dossier/cache/site-manifest.pickle`` records, for the folder it
produced, the digest of every input (``inputs_digest``: the briefings and seeds as
loaded, the git history shown, templates/, Dossier's code and libraries and the
engine's setup; builds are deterministic), the folder's stamp, and each page's file
with its key and stamp (inode, size, modification time). A build whose inputs have
that digest, into that same folder, has nothing to write (``KeptPages.current``; a folder
swapped in, deleted or replaced by hand has another stamp). Otherwise most pages of a
build after an edit are the very bytes the last build wrote: a hard link to the last
site's file gives the new folder that file without reading the cache entry or writing
20 KB again (a few seconds of a build at 10,000 articles). A page is linked only if the
last site is that folder, its key is the same and the file on disk is the very file
the build wrote (one edited or replaced by hand has another stamp). What the manifest
does not notice: a file edited by hand inside site/ when nothing else changed (delete
site/ or ``.dossier/`` to rebuild in full).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .atomic import read_kept, save_kept, write_cache
from .build_env import add_folder, code_digest, quiet_logs

if TYPE_CHECKING:  # MkDocs is imported only when a site is built
    from .mkdocs_session import MkDocsSession
    from .model import Corpus
    from .render import Page
    from .review.history import History

CACHE_DIR = Path(".dossier/cache")
_FORMAT = "pages-2"  # bump when what an entry holds changes


def fingerprint(root: Path, theme: Iterable[Path]) -> str:
    """Everything besides the page itself that shapes a finished page: Dossier's code and
    the libraries it runs (MkDocs, its theme, Jinja), mkdocs.yml, the theme overrides
    (``theme``) and static/."""
    digest = hashlib.sha256(f"{_FORMAT}\0{code_digest()}\0".encode())
    for path in [root / "mkdocs.yml", *theme]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    add_folder(digest.update, root / "static")
    return digest.hexdigest()


class PageCache:
    """Finished pages by key; ``used`` remembers what this build read or wrote."""

    def __init__(self, directory: Path, fingerprint: str, variant: str = "") -> None:
        # One folder per variant (`mkdocs serve` pages print the server's address), so a
        # build and a server take turns without pruning each other's pages.
        tag = hashlib.sha256(variant.encode()).hexdigest()[:12] if variant else ""
        self.directory = directory / (f"site-{tag}" if tag else "site")
        self.search_dir = directory / "search"  # the search index's shards (site_search.py)
        self.fingerprint = fingerprint + variant
        # The theme's compiled templates (mkdocs_session.cache_compiled), by what shapes
        # their compiling besides their source: the engine's setup (Jinja's version too).
        setup = hashlib.sha256(self.fingerprint.encode())
        self.compiled_dir = directory / "theme-templates" / setup.hexdigest()[:16]
        self.used: set[str] = set()
        self.last: KeptPages | None = None  # the last site, once a build opened it
        self._in_site: dict[str, str] = {}  # the last site's pages: key → site path
        self._site_files: dict[tuple[str, str], Path | None] = {}  # checked once a build
        self._graph_keys: dict[str, str] = {}
        if tag:
            _forget_old_variants(directory, self.directory)

    def key(self, *parts: str) -> str:
        digest = hashlib.sha256(self.fingerprint.encode())
        for part in parts:
            digest.update(part.encode("utf-8") + b"\0")
        return digest.hexdigest()

    def graph_key(self, fingerprint: str) -> str:
        """The key of a page by its page-graph fingerprint (asked for five times a page)."""
        found = self._graph_keys.get(fingerprint)
        if found is None:
            found = self._graph_keys[fingerprint] = self.key("graph", fingerprint)
        return found

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.html"

    def has(self, key: str) -> bool:
        return self._site_file(key) is not None or self._path(key).is_file()

    def _site_file(self, key: str) -> Path | None:
        """The last site's file of the page built under ``key`` (``file``)."""
        dest = self._in_site.get(key)
        return self.file(dest, key) if dest is not None else None

    def get(self, key: str) -> str | None:
        try:  # bytes decoded, not read_text: a page's "\r" stays as written
            html = (self._site_file(key) or self._path(key)).read_bytes().decode("utf-8")
        except (OSError, ValueError):  # missing, or damaged: rebuild
            return None
        self.used.add(key)
        return html

    def open_site(self, root: Path, site_dir: Path) -> KeptPages | None:
        """Take the last build's site folder into this store (``last``): its files of
        pages and generated files unchanged are linked rather than written again."""
        self.last = last_site(root, site_dir)
        pages = self.last.pages.items() if self.last is not None else ()
        self._in_site = {key: dest for dest, (key, _) in pages}
        self._site_files = {}
        return self.last

    def file(self, dest: str, key: str) -> Path | None:
        """The last site's file for ``dest``, if it is the one built under ``key`` and
        still the very file that build wrote (looked at once per build)."""
        if (dest, key) not in self._site_files:
            found = self.last.file(dest, key) if self.last is not None else None
            self._site_files[dest, key] = found
        return self._site_files[dest, key]

    def read(self, dest: str, key: str) -> str | None:
        """A finished page's text: from the last site's file, else from its entry."""
        found = self.file(dest, key)
        return found.read_text("utf-8") if found is not None else self.get(key)

    def put(self, key: str, html: str) -> None:
        # As MkDocs writes a page (what cannot be encoded as a character reference)
        write_cache(self._path(key), html.encode("utf-8", errors="xmlcharrefreplace"))
        self.used.add(key)

    def drop(self, keys: Collection[str]) -> None:
        """Delete the entries of ``keys`` (pages the site just recorded now holds: one copy
        of each page, in the site; the entries left are a server's and workers')."""
        for path in self.directory.glob("*/*"):
            if path.stem in keys:
                with contextlib.suppress(OSError):
                    path.unlink()

    def prune(self) -> None:
        """Drop entries this build did not use (call only after a complete build)."""
        with contextlib.suppress(OSError):  # compiled templates of another setup
            for other in self.compiled_dir.parent.iterdir():
                if other != self.compiled_dir:
                    shutil.rmtree(other, ignore_errors=True)
        if not self.directory.is_dir():
            return
        for path in self.directory.glob("*/*"):
            if path.stem not in self.used:
                with contextlib.suppress(OSError):
                    path.unlink()


_KEEP_VARIANTS = 3  # servers on other ports, most recently used first


def _forget_old_variants(directory: Path, current: Path) -> None:
    """Each server address has its own folder; keep the few used last."""
    with contextlib.suppress(OSError):
        current.mkdir(parents=True, exist_ok=True)
        os.utime(current)  # "used now"
        variants = sorted(
            (p for p in directory.glob("site-*") if p.is_dir()),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for old in variants[_KEEP_VARIANTS:]:
            shutil.rmtree(old, ignore_errors=True)


def page_cache(root: Path, session: MkDocsSession) -> PageCache:
    custom = session.theme_dir  # theme overrides shape every page
    theme = sorted(p for p in custom.rglob("*") if p.is_file()) if custom else []
    # `mkdocs serve` sets site_url to its own address, which pages print: part of the key.
    return PageCache(root / CACHE_DIR, fingerprint(root, theme), session.site_url)


def site_cache(root: Path) -> PageCache:
    """The page cache a build of ``root`` uses (mkdocs.yml read as the build reads it)."""
    from .mkdocs_session import MkDocsSession, load_config

    with quiet_logs():
        config = load_config(root / "mkdocs.yml", root / "site")
    return page_cache(root, MkDocsSession(config))


def cached_pages(cache: PageCache) -> Callable[[str], bool]:
    """Whether ``cache`` holds the finished page of a page-graph fingerprint (render_site)."""
    return lambda fingerprint: cache.has(cache.graph_key(fingerprint))


def page_key(cache: PageCache, page: Page) -> str:
    if page.key:  # its fingerprint covers everything the page shows (render/inputs.py)
        return cache.graph_key(page.key)
    headings = repr([(h.level, h.id, h.html) for h in page.headings])
    listing = "listing" if page.listing else ""  # not marked for search
    return cache.key(page.path, page.title, page.description, page.html, headings, listing)


# --- the last site (site-manifest.pickle) ---------------------------------------------


MANIFEST = CACHE_DIR / "site-manifest.pickle"
_SITE_FORMAT = "site-manifest-3"
Stamp = tuple[int, int, int]  # inode, size, modification time (ns)


def _stamp(path: str | Path) -> Stamp | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


def inputs_digest(root: Path, corpus: Corpus, history: History, extra: str) -> str:
    """One digest of everything a build reads; ``extra`` is the site engine's fingerprint."""
    digest = hashlib.sha256(f"{_SITE_FORMAT}\0{extra}\0".encode())
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

    def current(self, inputs: str) -> bool:
        """Whether the site folder is still what this build wrote from these ``inputs``."""
        return self.inputs == inputs and self.stamp == _stamp(self.site)

    def file(self, dest: str, key: str) -> Path | None:
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


def last_site(root: Path, site_dir: Path) -> KeptPages | None:
    """What the last build into ``site_dir`` wrote, if it is still there."""
    kept = read_kept(root / MANIFEST, f"{_SITE_FORMAT}\0{site_dir.resolve()}")
    return kept if isinstance(kept, KeptPages) else None  # none, damaged: write every page


def record_site(
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
        return  # (not written: the next build writes every page)
    pages = {}
    for dest, key in keys.items():
        known = last.pages.get(dest) if last is not None and dest in linked else None
        stamp = known[1] if known is not None and known[0] == key else _stamp(site_dir / dest)
        if stamp is not None:
            pages[dest] = (key, stamp)
    site = site_dir.resolve()
    kept = KeptPages(site, pages, inputs, folder, count)
    save_kept(root / MANIFEST, f"{_SITE_FORMAT}\0{site}", kept)

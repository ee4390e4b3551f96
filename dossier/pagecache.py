"""Finished pages by key, so a rebuild neither renders nor wraps a page whose inputs did not change.

The site engine spends most of a build wrapping each page in the theme. That is a pure
function of the page (path, title, description, HTML fragment, headings) and of the
engine's setup (MkDocs and theme versions, mkdocs.yml, static/, the theme overrides,
this code). A page's key is a hash of that setup and of the page's fingerprint in the
page graph (render/inputs.py: its template, its job and the digests of every input it
shows), so a fresh `build.py` finds a page before rendering it; with custom templates,
whose inputs the graph does not know, the key hashes the rendered page instead. Either
way a changed input is a different key, and a stale entry is never picked. The entry
holds the page's final HTML.

The cache lives in ``.dossier/cache/`` under the project and may be deleted at any
time; the next build is then a full one. After a complete build, entries that build
did not use are removed, so the cache stays the size of one site.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .atomic import write_cache
from .build_env import add_folder, code_digest, quiet_logs

if TYPE_CHECKING:  # MkDocs is imported only when a site is built
    from .mkdocs_session import MkDocsSession
    from .render import Page

CACHE_DIR = Path(".dossier/cache")
_FORMAT = "pages-1"  # bump when what an entry holds changes


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
        self._listed: set[str] | None = None  # entries present when listed (list_entries)
        if tag:
            _forget_old_variants(directory, self.directory)

    def key(self, *parts: str) -> str:
        digest = hashlib.sha256(self.fingerprint.encode())
        for part in parts:
            digest.update(part.encode("utf-8") + b"\0")
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def has(self, key: str) -> bool:
        # An entry not listed may have been stored since (by a worker): look.
        listed = self._listed is not None and key in self._listed
        return listed or self._path(key).is_file()

    def list_entries(self) -> None:
        """Answer ``has`` from one listing of the folder, not a stat per page (a build of
        `build.py` asks for every page three times). Not under serve, whose cache lives
        across saves while anyone may delete .dossier/; a build's process that finds an
        entry gone after listing it stops, as when it goes between ``has`` and ``get``."""
        listed: set[str] = set()
        with contextlib.suppress(OSError):
            for sub in os.scandir(self.directory):
                if sub.is_dir(follow_symlinks=False):
                    with os.scandir(sub.path) as entries:
                        listed.update(e.name[:-5] for e in entries if e.name.endswith(".json"))
        self._listed = listed

    def get(self, key: str) -> str | None:
        try:
            entry = json.loads(self._path(key).read_text("utf-8"))
        except (OSError, ValueError):  # missing, or damaged: rebuild the page
            return None
        self.used.add(key)
        html: str = entry["html"]
        return html

    def keep(self, key: str) -> None:
        """Count the entry as used by this build without reading it (prune keeps it)."""
        self.used.add(key)

    def put(self, key: str, html: str) -> None:
        # json.dumps, not json.dump: only the one-shot form uses the C encoder (5x faster).
        write_cache(self._path(key), json.dumps({"html": html}, ensure_ascii=False).encode())
        self.used.add(key)

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
                if self._listed is not None:
                    self._listed.discard(path.stem)


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
    cache.list_entries()
    return lambda fingerprint: cache.has(cache.key("graph", fingerprint))


def page_key(cache: PageCache, page: Page) -> str:
    if page.key:  # its fingerprint covers everything the page shows (render/inputs.py)
        return cache.key("graph", page.key)
    headings = repr([(h.level, h.id, h.html) for h in page.headings])
    listing = "listing" if page.listing else ""  # not marked for search
    return cache.key(page.path, page.title, page.description, page.html, headings, listing)

"""The search index of an edit's build, made in another process from the moment the pages
are rendered.

At 10,000 articles an edit re-indexes one shard of 2,000 pages (site_search.py): a few
seconds of Pagefind, which the build would otherwise wait for after everything else.
So `build.py`, once it has rendered the pages, forks a process that indexes the shards
the cache lacks from the pages as they are (the last site's files, the page cache, the
HTML just rendered: every page's ``search_document`` is the same whichever it comes
from), while this one sets up MkDocs, makes the exports and writes the site. When
MkDocs has made the new site folder, the engine checks that the pages it will write
are the ones being indexed and hands the folder over (``assemble_into``); the process
then puts the index in it. A fork, not a thread: in a thread each of its thousands of
file operations waited for the build's own Python code.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Mapping
from pathlib import Path

from .pagecache import PageCache, page_key
from .parallel import can_fork, die_with, workers
from .render import Page, RenderedSite
from .site_search import (
    index_later,
    index_site,
    page_language,
    prune_cache,
    search_document,
    searchable,
)

# Pages to wrap in the theme from which a build is not an edit's: its theme workers have
# the other core, and its search is made from the site's files after (engine.py).
MOST_MISSING = 400


def searched_part(page: Page) -> str:
    """What a searchable page (not a listing) puts in its ``data-pagefind-body``."""
    return searchable(page.html, page.title, page.description)


class IndexAhead:
    """``index_later`` in a forked process. ``assemble_into`` gives it the site folder;
    ``result`` waits for it and, where it could not fork or the process failed, indexes
    here from the site's files (on disk by then), a failure being raised here."""

    def __init__(
        self, pages: Mapping[str, str], cache_dir: Path, text: _Text, last: Mapping[str, str]
    ) -> None:
        self.pages, self.cache_dir = pages, cache_dir
        self.site_dir: Path | None = None
        self.pid: int | None = None
        self.pipe: int | None = None  # where the site folder is written to it
        if workers() < 2 or not can_fork():
            return
        parent = os.getpid()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # its answer is the exit status; nothing of this process's exit runs
            status = 1
            try:
                os.close(write)
                die_with(parent)
                site = functools.partial(_site_from, read)
                made = index_later(site, pages, cache_dir, text, prune=False, last=last)
                status = 0 if made is not None else 3
            finally:
                os._exit(status)
        os.close(read)
        self.pid, self.pipe = pid, write

    def assemble_into(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        if self.pipe is not None:
            with contextlib.suppress(OSError):  # it ended already: result() indexes here
                os.write(self.pipe, os.fsencode(site_dir))
            self._close()

    def result(self) -> None:
        if not self._ended_well():
            assert self.site_dir is not None, "assemble_into() first"
            index_site(self.site_dir, self.pages, self.cache_dir)

    def prune(self) -> None:
        """After ``result``: the cache's unused shards, which the process left."""
        prune_cache(self.pages, self.cache_dir)

    def cancel(self) -> None:
        """Not wanted (the build stopped, or writes other pages): it finishes the shards
        it indexes, for the next build, and assembles nothing."""
        self._close()
        self._ended_well()

    def _close(self) -> None:
        if self.pipe is not None:
            os.close(self.pipe)
            self.pipe = None

    def _ended_well(self) -> bool:
        self._close()
        if self.pid is None:
            return False
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        return os.waitstatus_to_exitcode(status) == 0


def start_beside(
    rendered: RenderedSite, cache: PageCache, pages: Mapping[str, str], language: str | None
) -> IndexAhead:
    """The search of a build that wraps most pages itself (a cold one), under way from
    the moment the theme wrapped its first page (whose ``<html lang>`` is ``language``):
    ``pages`` (site path → cache key) are indexed from their HTML as rendered, while the
    theme wraps them. (At 10,000 articles Pagefind's 13–16 s of CPU came after every page
    was written, the build's process alone between its shards, one core idle.)"""
    searched = {page.url: page for page in rendered.pages if not page.listing}
    return IndexAhead(pages, cache.search_dir, _Text(searched, pages, cache, language), {})


class _Text:
    """Each searchable page by its file in the site, as Pagefind is to read it."""

    def __init__(
        self,
        pages: Mapping[str, Page],
        keys: Mapping[str, str],
        cache: PageCache,
        language: str | None,
    ) -> None:
        self.pages, self.keys, self.cache = pages, keys, cache
        self.language = language  # the theme's, for pages rendered now

    def __call__(self, dest: str) -> str:
        page = self.pages[dest]
        if page.rendered:
            return search_document(searched_part(page), self.language)
        html = self.cache.read(dest, self.keys[dest])
        if html is None:  # gone since: the process fails, and the build indexes its files
            raise FileNotFoundError(f"page cache: {dest}")
        return html


def _site_from(pipe: int) -> Path | None:
    """The site folder the build writes to it, or None once it closed it without one."""
    data = b""
    while chunk := os.read(pipe, 4096):
        data += chunk
    os.close(pipe)
    return Path(os.fsdecode(data)) if data else None


def start(rendered: RenderedSite, cache: PageCache) -> IndexAhead | None:
    """The search of a build that keeps most of the last site's pages (``cache.last``,
    opened), under way; None for any other build (the engine indexes the site's files
    after writing them)."""
    if cache.last is None:
        return None
    searched = [page for page in rendered.pages if not page.listing]
    keys = {page.url: page_key(cache, page) for page in searched}
    missing = sum(not cache.has(page_key(cache, page)) for page in rendered.pages)
    linked = (cache.file(dest, key) for dest, key in keys.items())
    first = next((found for found in linked if found is not None), None)
    if missing >= MOST_MISSING or first is None:
        return None
    language = page_language(first.read_text("utf-8"))
    text = _Text({page.url: page for page in searched}, keys, cache, language)
    last = {dest: key for dest, (key, _) in cache.last.pages.items()}
    return IndexAhead(keys, cache.search_dir, text, last)

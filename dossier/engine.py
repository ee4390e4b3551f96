"""Full builds: a RenderedSite into site/, through MkDocs's own build and its hook events.

A build goes into a temporary folder beside ``site/`` and replaces it only when MkDocs
finished without a warning, so a failed build leaves the previous site as it was.
Pages reach MkDocs as finished HTML fragments (no markdown pass, ``_prebuilt``); the
theme wrapping that remains is cached by content hash (pagecache.py): an unchanged page
is written from the cache through a one-line template. Once every page is written,
Pagefind indexes the folder for search (site_search.py). The site is still assembled
in full, so an incremental build is byte-identical to a clean one by construction. Many
missing pages: forked workers wrap some of them meanwhile (theme_workers.py). MkDocs
calls hooks as module functions (site_hook.py); they reach the build through one object
per process, ``HOOKS``, and each build's state is a ``SiteBuild`` of its own.
"""

from __future__ import annotations

import functools
import html
import itertools
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .atomic import dir_mode, recover, swap_dir, write_bytes
from .build_env import code_digest, epoch, quiet_logs, source_date
from .errors import SiteBuildError
from .exports import ExportMemos, KeptFeeds, export_files
from .header_search import HeaderSearch
from .mkdocs_session import (
    MkDocsSession,
    Unsupported,
    cache_compiled,
    load_config,
    page_toc,
    run_build,
    with_template,
)
from .pagecache import (
    CACHE_DIR,
    PageCache,
    bytes_key,
    page_cache,
    page_key,
    record_site,
    text_key,
)
from .parallel import can_fork, workers
from .render import Page, RenderedSite
from .schema import SCHEMA_FILES, schema_text
from .search_ahead import IndexAhead, start_beside
from .search_names import name_files
from .site_search import index_site, page_language, searchable
from .theme_memo import share_theme_parts
from .theme_workers import Team

_CACHED_TEMPLATE = "dossier-cached-page.html"
TEAM_MIN = 400  # fewer pages to wrap than this: forking workers does not pay


class NeedsFullBuild(Exception):
    """The change reaches something only a full build writes (serve builds in full)."""


@dataclass(frozen=True)
class BuildStats:
    pages: int
    written: int  # wrapped in the theme by MkDocs in this build
    reused: int  # taken from the page cache
    current: bool = False  # site/ already was the build of these inputs: nothing written


@dataclass(frozen=True)
class BuildRequest:
    """What build_site hands to the build it starts."""

    rendered: RenderedSite
    warnings: list[str]  # the build's warnings so far (a worker stops at the first)
    progress: Callable[[int, int], None] | None = None  # (done, total)
    missing: frozenset[str] = frozenset()  # pages workers may wrap; empty: no workers
    memos: ExportMemos | None = None  # exports kept from the last build (build.py: on disk)
    cache: PageCache | None = None  # the store of finished pages, the last site opened
    pages_done: Callable[[], None] = lambda: None  # see build_site
    search: IndexAhead | None = None  # the search index, under way since the pages were rendered


@dataclass
class CachedPage:
    path: str
    html: str


def build_site(
    root: Path,
    rendered: RenderedSite,
    site_dir: Path,
    progress: Callable[[int, int], None] | None = None,
    memos: ExportMemos | None = None,
    pages_done: Callable[[], None] = lambda: None,
    search: IndexAhead | None = None,
    inputs: str = "",
    cache: PageCache | None = None,
) -> BuildStats:
    """Build ``rendered`` into ``site_dir`` atomically, or raise SiteBuildError;
    ``memos``: exports the last build made, to take rather than make again;
    ``pages_done`` once every page and file is written, while the search index is made
    (the build may still fail: only for what holds either way); ``search``: the index
    being made since the pages were rendered (search_ahead.py); ``inputs``: their
    digest, for the next build to find (pagecache.KeptPages.current); ``cache``: the
    store of finished pages with the last site opened (pagecache.site_cache), if the
    build's caller has it."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    recover(site_dir)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.tmp-", dir=site_dir.parent))
    # mkdtemp makes the folder private (0700); a published site/ must be readable.
    tmp.chmod(dir_mode())
    try:
        with quiet_logs() as warnings, source_date(rendered.as_of):
            config = load_config(root / "mkdocs.yml", tmp)
            if cache is None:
                cache = page_cache(root, MkDocsSession(config))
                cache.open_site(root, site_dir)
            missing = [p.path for p in rendered.pages if not cache.has(page_key(cache, p))]
            team = len(missing) >= TEAM_MIN and workers() > 1 and can_fork()
            wrap = frozenset(missing if team else ())
            kept = cache.last
            request = BuildRequest(
                rendered, warnings, progress, wrap, memos, cache, pages_done, search
            )
            HOOKS.pending = request
            try:
                run_build(config, skip_kept=kept is not None)
            except SiteBuildError as exc:
                raise SiteBuildError(_explain(warnings, str(exc))) from None
            finally:
                HOOKS.pending = None
                if HOOKS.build is not None:
                    HOOKS.build.dismiss_team()
                    HOOKS.build.cancel_search()
        if warnings:
            raise SiteBuildError(_explain(warnings, "the site engine reported problems"))
        built = HOOKS.build

        def after() -> None:
            if built is not None:
                files, linked = built.page_files(), built.same_files()
                record_site(root, site_dir, files, len(built.pages), inputs, linked, kept)
                cache.drop(set(built.keys.values()))  # the new site holds them now
                if built.searching is not None:
                    built.searching.prune()

        swap_dir(tmp, site_dir, after, wait=False)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    written = len(missing)
    return BuildStats(len(rendered.pages), written, len(rendered.pages) - written)


def last_build_stats() -> BuildStats:
    """Pages of the last build through the hook in this process: wrapped, and reused."""
    build = HOOKS.build
    if build is None:
        return BuildStats(0, 0, 0)
    return BuildStats(len(build.pages), build.written, build.reused)


def _explain(warnings: list[str], headline: str) -> str:
    lines = "\n".join(f"  {w}" for w in warnings)
    return f"mkdocs.yml: {headline}; the previous site was kept\n{lines}".rstrip()


def site_outputs(
    rendered: RenderedSite,
    site_url: str,
    memos: ExportMemos | None = None,
    kept: KeptFeeds | None = None,
) -> list[tuple[str, str]]:
    """Files besides the pages that follow from the corpus: print view, feeds, exports,
    the search's table of names (company feeds ``kept`` holds: an empty text)."""
    exports = export_files(rendered.views, site_url or None, memos, kept)
    # After the exports: the print view may still be in the making beside them.
    return [*rendered.standalone_files(), *exports, *name_files(rendered)]


class SiteBuild:
    """One MkDocs build of a RenderedSite: the state its hook events share.

    Under serve it is also the served site: the in-place updates (serving.py) bring the
    last full build's SiteBuild (its session, pages, keys and generated files) up to
    each save's RenderedSite.
    """

    def __init__(
        self,
        session: MkDocsSession,
        rendered: RenderedSite,
        cache: PageCache,
        serving: bool,
        request: BuildRequest | None,
        memos: ExportMemos | None = None,
    ) -> None:
        self.session, self.rendered, self.cache, self.serving = session, rendered, cache, serving
        self.pages = {page.path: page for page in rendered.pages}
        self.keys = {page.path: page_key(cache, page) for page in rendered.pages}
        self.hits: set[str] = set()  # pages taken from the cache
        self.loaded: CachedPage | None = None  # the cached page being written now
        self.written = self.reused = 0
        # Under serve, generated files besides the pages → text_key: their digests, not
        # their texts (every feed and export a second time: 180 MB at 10,000 articles)
        self.outputs: dict[str, str] = {}
        self.warnings = request.warnings if request else []
        self.progress = request.progress if request else None
        self.missing = request.missing if request and not serving else frozenset()
        self.memos = request.memos if request else memos
        self.recording = request is not None and not serving  # build_site records the site
        self.pages_done = request.pages_done if request else lambda: None
        self.linked: dict[str, Path] = {}  # cached pages to link from the last site's files
        self.output_keys: dict[str, str] = {}  # generated files (site path) → text_key
        self.feeds: KeptFeeds | None = None  # company feeds by their inputs (not under serve)
        self.same: list[str] = []  # pages linked from the last site (site paths)
        self.team: Team | None = None
        self.in_worker = False  # in a forked worker: wrap pages into the cache, write nothing
        self.search = request.search if request and not serving else None
        self.searching: IndexAhead | None = None  # the search index, being made meanwhile
        # build.py wrapping most pages: the search starts beside the theme (_search_beside)
        self.search_beside = self.recording and self.search is None and bool(self.missing)

    # --- hook events, in MkDocs's order ---------------------------------------------

    def on_files(self, files: Any) -> Any:
        self.session.files = files
        self.session.add_pages(files, [page.path for page in self.rendered.pages], self._keep)
        self._take_search(self.search)
        return files

    def _keep(self, path: str, dest: str) -> bool:
        """Whether the page's file is the last site's, to link (MkDocs then skips it)."""
        key = self.keys[path]
        if self.cache.last is None or not self.cache.has(key):
            return False
        found = self.cache.file(dest, key)
        if found is None:
            return False
        self.linked[path] = found
        return True

    def on_nav(self, nav: Any) -> Any:
        self.session.nav = nav
        return nav

    def on_env(self, env: Any, files: Any) -> Any:
        self._link_kept()
        # A cached page is "rendered" by printing its stored HTML; MkDocs still writes it.
        with_template(env, _CACHED_TEMPLATE, "{{ dossier_output }}", HeaderSearch)
        cache_compiled(env, self.cache.compiled_dir)
        # Every build has a new environment, serve too when the theme changes (serving.py):
        # no include need check its file again (a stat for each, 30 a page).
        env.auto_reload = False
        share_theme_parts(env, self.session.theme_dir)
        self.session.env = env
        self._start_team()
        # Added once MkDocs has set up the pages, so workers wrapping pages are already
        # at it while this process computes the exports.
        if self.recording:
            self.feeds = KeptFeeds(self._held, code_digest())
        outputs = site_outputs(self.rendered, self.session.site_url, self.memos, self.feeds)
        schemas = [(f"schemas/{n}.schema.json", schema_text(n)) for n in SCHEMA_FILES]
        unmade = self.feeds.unmade if self.feeds else {}
        self.session.add_files(files, [*outputs, *schemas], self._kept_output, unmade)
        if self.serving:
            self.outputs = {path: text_key(text) for path, text in outputs}
        return env

    def _kept_output(self, dest: str, text: str) -> Path | None:
        """The last site's file of a generated file whose text (a company feed: whose
        inputs) did not change, to link."""
        if not self.recording or self.feeds is None:
            return None
        if dest in self.feeds.keys:  # a company feed, by its inputs: linked if not made
            key = self.output_keys[dest] = self.feeds.keys[dest]
            if dest not in self.feeds.unmade:
                return None
        else:
            key = self.output_keys[dest] = text_key(text)
        return self.cache.file(dest, key)

    def _held(self, dest: str, key: str) -> bool:
        return self.cache.file(dest, key) is not None

    def on_page_markdown(self, markdown: str, page: Any) -> str:
        ours = self.pages.get(page.file.src_uri)
        if ours is None:
            return markdown
        # The theme prints page.title and the description without escaping them.
        page.meta["title"] = html.escape(ours.title)
        page.meta["description"] = html.escape(ours.description)
        page.render = functools.partial(_prebuilt, page)  # finished HTML: no markdown pass
        # A page workers may wrap is a stand-in until MkDocs reaches it (_before_page).
        cached = self.cache.has(self.keys[ours.path])
        if not ours.rendered and not cached:
            raise SiteBuildError(f"{CACHE_DIR}: changed during the build; run the build again")
        if ours.path in self.missing or cached:
            self.hits.add(ours.path)
            page.meta["template"] = _CACHED_TEMPLATE
        return ""

    def on_page_content(self, content: str, page: Any) -> str:
        ours = self.pages.get(page.file.src_uri)
        if ours is None:
            return content
        page.toc = page_toc([(h.level, h.id, h.html) for h in ours.headings])
        if ours.path in self.hits:  # a cached page prints its stored output
            return ""
        return _body(ours)

    def on_page_context(self, context: Any, page: Any) -> Any:
        path = page.file.src_uri
        if path in self.hits:
            context["dossier_output"] = self._cached(path).html
        return context

    def on_post_page(self, output: str, page: Any) -> str:
        path = page.file.src_uri
        if self.in_worker:
            return self.store(output, path)
        if self.search_beside and path in self.pages:
            self._search_beside(page_language(output))
        if path in self.pages:
            # Written once returned; the page's HTML is ours (Page.html), and a page
            # served in place is populated again before it is built again.
            page.content = None
            if path in self.hits:
                self.reused += 1
                self.loaded = None
                if self.team is not None and path in self.team.position:
                    self.team.read += 1
            else:
                if not self.recording:  # a recorded site holds its pages (build_site)
                    self.cache.put(self.keys[path], output)
                self.written += 1
            self._report()
        if self.team is not None:
            self._before_page(self.team.following.get(path))
        return output

    def on_post_build(self) -> None:
        self.cache.prune()
        self.pages_done()  # while the search index is made in another process, if it is
        if self.searching is not None:
            self.searching.result()
            return
        pages = self.search_pages(self.pages.values())
        index_site(Path(self.session.config.site_dir), pages, self.cache.search_dir)

    def _take_search(self, search: IndexAhead | None) -> None:
        """The search index being made since the pages were rendered (search_ahead.py),
        if it indexes the very pages (files and keys) this build writes: it is to put
        the index in this site folder. Otherwise the site's files are indexed after."""
        if search is None:
            return
        if self.in_worker or search.pages != self.search_pages(self.pages.values()):
            search.cancel()
            return
        search.assemble_into(Path(self.session.config.site_dir))
        self.searching = search

    def _search_beside(self, language: str | None) -> None:
        """The search index made in another process while the theme wraps the pages, from
        their HTML as rendered; the first page wrapped gives the theme's language."""
        self.search_beside = False
        pages = self.search_pages(self.pages.values())
        self.searching = start_beside(self.rendered, self.cache, pages, language)
        self.searching.assemble_into(Path(self.session.config.site_dir))

    def cancel_search(self) -> None:
        """Wait for the search's process, if it still runs (it ended well or not)."""
        if self.searching is not None:
            self.searching.cancel()

    def search_pages(self, pages: Iterable[Page]) -> dict[str, str]:
        """Each of ``pages`` marked for search: its file in the site → its cache key."""
        return {
            self.session.dest_of(page.path): self.keys[page.path]
            for page in pages
            if not page.listing
        }

    def _link_kept(self) -> None:
        """The last site's files of the pages that did not change, linked into the new
        site; MkDocs neither renders nor writes these pages (KeptFile). What other pages
        and the theme may read of them is set as their events would have set it."""
        folders: set[str] = set()
        for path, page in self.session.kept_pages():
            ours = self.pages[path]
            page.markdown = ""
            page.meta["title"] = html.escape(ours.title)
            page.meta["description"] = html.escape(ours.description)
            page.toc = page_toc([(h.level, h.id, h.html) for h in ours.headings])
            target = page.file.abs_dest_path
            folder = os.path.dirname(target)
            if folder not in folders:
                os.makedirs(folder, exist_ok=True)
                folders.add(folder)
            try:
                os.link(self.linked[path], target)
                self.same.append(page.file.dest_uri)
            except OSError:  # gone meanwhile, or no hard links here: write it from the cache
                text = self._cached(path).html
                Path(target).write_bytes(text.encode("utf-8", errors="xmlcharrefreplace"))
            self.reused += 1
            self._report()

    def same_files(self) -> set[str]:
        """The files (site paths) linked from the last site: pages and generated files."""
        return {*self.same, *self.session.linked_files()}

    def page_files(self) -> dict[str, str]:
        """Each page's file in the site → its cache key, and each generated file's (not
        under serve) → a digest of its text: what the next build may link."""
        pages = {self.session.dest_of(path): key for path, key in self.keys.items()}
        return {**pages, **self.output_keys}

    # --- serve's in-place updates (serving.py) -------------------------------------------

    def update_pages(self, rendered: RenderedSite, engine: str) -> int:
        """Bring the served pages up to ``rendered``; the number of pages written or
        removed. The search index and the other files follow (``write_index``,
        ``write_outputs``). ``engine``: the page cache's fingerprint now (mkdocs.yml,
        static/, the theme overrides, this code); another one needs a full build."""
        if engine != self.cache.fingerprint:
            raise NeedsFullBuild("mkdocs.yml, static/ or the theme changed")
        session = self.session
        try:
            paths = [p.path for p in rendered.pages]
            removed = self._relayout(paths) if list(self.pages) != paths else None
            dated = rendered.as_of != self.rendered.as_of
            self.rendered = rendered  # the served site (the last one is let go)
            if dated:
                session.redate_pages()
            changed = [p for p in rendered.pages if self.pages.get(p.path) is not p]
            for page in changed:
                self._rewrap(page)
                session.wrap_page(page.path, populate=True)
            self.pages = {page.path: page for page in rendered.pages}
            if removed is not None or dated:
                session.write_sitemap()
        except Unsupported as exc:
            raise NeedsFullBuild(str(exc)) from None
        return len(changed) + len(removed or ())

    def _relayout(self, paths: list[str]) -> list[str]:
        """Give pages that came their files, in a full build's order; delete pages that
        went."""
        site_dir = Path(self.session.config.site_dir)
        for dest in self.session.relayout(paths, set(self.pages)):
            (site_dir / dest).unlink(missing_ok=True)
        wanted = set(paths)
        return [path for path in self.pages if path not in wanted]

    def _rewrap(self, page: Page) -> None:
        """Point the events at ``page``'s new HTML, for MkDocs to build the page again."""
        self.pages[page.path] = page
        self.keys[page.path] = page_key(self.cache, page)
        self.hits.discard(page.path)
        self.loaded = None

    def write_index(self) -> None:
        """Index the shards of the served pages that changed (about a second per thousand
        pages each, in the background); the index is swapped in whole."""
        pages = self.search_pages(self.pages.values())
        index_site(Path(self.session.config.site_dir), pages, self.cache.search_dir)

    def write_outputs(self, outputs: list[tuple[str, str]]) -> None:
        """Rewrite each generated file (feed, export, print view) whose text changed."""
        site_dir = Path(self.session.config.site_dir)
        for path, text in outputs:
            data = text.encode("utf-8")  # once: the JSON export alone is 40 MB at scale
            key = bytes_key(data)
            if self.outputs.get(path) != key:
                write_bytes(site_dir / path, data)
                self.outputs[path] = key

    def drop_outputs(self, keep: set[str]) -> None:
        """Delete the generated files a full build would no longer write (a removed
        company's feed)."""
        site_dir = Path(self.session.config.site_dir)
        for path in [p for p in self.outputs if p not in keep]:
            (site_dir / path).unlink(missing_ok=True)
            del self.outputs[path]

    # --- the page cache ---------------------------------------------------------------

    def _cached(self, path: str) -> CachedPage:
        """A cached page's output, read when MkDocs reaches that page.

        One page at a time: holding every cached page at once would double the memory.
        """
        if self.loaded is None or self.loaded.path != path:
            entry = self.cache.get(self.keys[path])
            if entry is None:
                raise SiteBuildError(f"{CACHE_DIR}: changed during the build; run the build again")
            self.loaded = CachedPage(path, entry)
        return self.loaded

    def store(self, output: str, path: str) -> str:
        """In a worker: keep the wrapped page in the cache; the build's process writes it."""
        if self.warnings:  # the build's process wraps this page again and reports it
            raise SiteBuildError("a worker stopped at a warning")
        self.cache.put(self.keys[path], output)
        return ""  # MkDocs writes nothing for an empty page

    def _report(self) -> None:
        if self.progress is None:
            return
        done = self.written + self.reused
        if self.team is not None:  # pages the workers stored that this process has not read
            done += self.team.done.value - self.team.read
        self.progress(done, len(self.pages))

    # --- workers (theme_workers.py) -------------------------------------------------

    def _start_team(self) -> None:
        if not self.missing:
            return
        order = self.session.page_order()
        missing = [path for path in order if path in self.missing]
        following = dict(itertools.pairwise(order))
        self.team = Team(missing, following, workers(), self._become_worker, self._work)
        if order:
            self._before_page(order[0])

    def _become_worker(self) -> None:
        self.team, self.progress, self.in_worker = None, None, True

    def _work(self, path: str) -> None:
        self._wrap_here(path)
        self.session.wrap_page(path, populate=False)

    def dismiss_team(self) -> None:
        if self.team is not None:
            self.team.dismiss()
            self.team = None

    def _before_page(self, path: str | None) -> None:
        """Just before MkDocs builds page ``path``: if it is missing, wrap it here or read it."""
        team = self.team
        if team is None or path not in team.position:
            return
        if team.take_front(path):
            self._wrap_here(path)
            return
        team.wait(self._report)  # the workers took it and every missing page after it
        if not self.cache.has(self.keys[path]):  # a worker stopped before storing it
            self._wrap_here(path)

    def _wrap_here(self, path: str) -> None:
        """Undo a stand-in (see on_page_markdown): MkDocs wraps this page in the theme."""
        page = self.session.page(path)
        self.hits.discard(path)
        page.meta.pop("template", None)
        page.content = _body(self.pages[path])


def _body(page: Page) -> str:
    """The page's HTML as the theme wraps it: marked for search, unless it is an index
    (searching finds the pages an index lists, not the list)."""
    return page.html if page.listing else searchable(page.html, page.title, page.description)


def _prebuilt(page: Any, *args: Any) -> None:
    """Stands in for Page.render: on_page_content supplies the HTML and the toc."""
    page.content = ""


@dataclass
class Hooks:
    """Where the hook functions MkDocs calls (site_hook.py) send each event.

    ``pending`` is the site build_site hands over; a plain ``mkdocs build`` or ``mkdocs
    serve`` renders one with ``render``. Under serve, ``after_build`` keeps what the
    full build set up, for the in-place updates that follow.
    """

    render: Callable[[Path], RenderedSite] | None = None
    after_build: Callable[[SiteBuild], None] | None = None
    serving: bool = False
    # Serve's export memos: its first build fills them, for the saves that follow.
    memos: ExportMemos | None = None
    pending: BuildRequest | None = None
    build: SiteBuild | None = None  # the build in progress, or the last one

    def on_files(self, files: Any, config: Any) -> Any:
        root = Path(config.config_file_path).parent
        request = self.pending
        serving = self.serving and request is None  # build_site's builds never serve
        if request is not None:
            rendered = request.rendered
        else:
            if self.render is None:
                raise SiteBuildError("mkdocs.yml: the Dossier hook is not set up")
            rendered = self.render(root)
            # As build_site does: the sitemap's dates are the corpus's, not the clock's.
            # (MkDocs dates its pages as it creates them, after this event.)
            os.environ["SOURCE_DATE_EPOCH"] = epoch(rendered.as_of)
        session = MkDocsSession(config)
        memos = self.memos if serving else None
        # build_site's store (the last site opened) or, serving or not, one of its own
        cache = request.cache if request and request.cache else page_cache(root, session)
        self.build = SiteBuild(session, rendered, cache, serving, request, memos)
        return self.build.on_files(files)

    def current(self) -> SiteBuild:
        if self.build is None:
            raise SiteBuildError("mkdocs.yml: the Dossier hook did not see the build start")
        return self.build

    def on_post_build(self) -> None:
        build = self.current()
        build.on_post_build()
        if self.after_build is not None and build.serving:
            self.after_build(build)


HOOKS = Hooks()

"""The site engine (MkDocs 1.6 with the Material theme): full builds, through the hook.

With live.py (serve's in-place updates) the only code that imports MkDocs: moving to
ProperDocs (a drop-in MkDocs fork) or Zensical (which reads mkdocs.yml) means changing
these two files and site_hook.py.

A build goes into a temporary directory beside ``site/`` and replaces it only when
MkDocs finished without a single warning, so a failed build leaves the previous
site exactly as it was.

Pages reach MkDocs as finished HTML fragments, so MkDocs's markdown step is skipped
(``_prebuilt``). What remains per page is the theme template and the search plugin's
HTML parsing; both are cached by content hash in :mod:`dossier.pagecache`: a page whose
inputs are unchanged is written from the cache through a one-line template, and its
search entries are replayed into the index. The site is still assembled in full
(sitemap, search index, every file), so an incremental build is byte-identical to a
clean one by construction. Under serve, serving.py takes over after the first build.

When many pages are missing from the cache, forked workers wrap some of them while the
build runs (``_Team``): they share MkDocs's setup of this one build, so nothing of it
(files, navigation, exports, sitemap) is done twice.
"""

from __future__ import annotations

import calendar
import contextlib
import ctypes
import dataclasses
import functools
import gc
import html
import itertools
import logging
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.commands.build import _build_page
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import File, Files, set_exclusions
from mkdocs.structure.toc import get_toc

from . import serving
from .atomic import dir_mode, recover, swap_dir
from .dates import PartialDate
from .errors import DossierError, SiteBuildError
from .exports import export_files
from .pagecache import CACHE_DIR, PageCache, fingerprint
from .parallel import can_fork, workers
from .render import Page, RenderedSite, Reuse
from .schema import SCHEMA_FILES, schema_text
from .search_label import SearchDialogLabel

_CACHED_TEMPLATE = "dossier-cached-page.html"


@dataclass(frozen=True)
class BuildStats:
    pages: int
    written: int  # wrapped in the theme by MkDocs in this build
    reused: int  # taken from the page cache


@dataclass
class _Build:
    """State of the build in progress, shared by the hook events below."""

    cache: PageCache | None = None
    pages: dict[str, Page] = dataclasses.field(default_factory=dict)
    keys: dict[str, str] = dataclasses.field(default_factory=dict)
    hits: set[str] = dataclasses.field(default_factory=set)  # pages taken from the cache
    loaded: tuple[str, str, list[Any]] | None = None  # the cached page being written now
    search: dict[str, list[Any]] = dataclasses.field(default_factory=dict)
    written: int = 0
    reused: int = 0
    # Under serve: what live.py needs to update the served site in place.
    setup: dict[str, Any] = dataclasses.field(default_factory=dict)  # config, files, nav, env
    indexed: list[tuple[str, list[Any]]] = dataclasses.field(default_factory=list)
    collect: list[Any] | None = None  # a live update's search entries for its page


_PR_SET_PDEATHSIG = 1  # prctl(2)
_TEAM_MIN = 400  # fewer pages to wrap than this: forking workers does not pay
_current: RenderedSite | None = None  # handed from build_site to the hook below
_shared: frozenset[str] = frozenset()  # set by build_site: missing pages workers may wrap
_team: _Team | None = None  # in the build's own process while its workers run
_in_worker = False  # in a forked worker: wrap pages into the cache, write nothing
_warned: list[str] = []  # warnings of the build in progress (a worker stops at the first)
_progress: Callable[[int, int], None] | None = None  # (done, total), set by build_site
_build = _Build()
_serving = False  # under `mkdocs serve`: keep the last good site on errors
_last_good: RenderedSite | None = None
_reuse = Reuse()  # under serve: each page's reads, so a rebuild renders only what changed


def build_site(
    root: Path,
    rendered: RenderedSite,
    site_dir: Path,
    progress: Callable[[int, int], None] | None = None,
) -> BuildStats:
    """Build ``rendered`` into ``site_dir`` atomically, or raise SiteBuildError."""
    global _current, _progress, _shared, _warned
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    recover(site_dir)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.tmp-", dir=site_dir.parent))
    # mkdtemp makes the folder private (0700); a published site/ must be readable.
    tmp.chmod(dir_mode())
    try:
        with _quiet_logs() as warnings, _source_date(rendered.as_of):
            config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp))
            cache = _cache_for(root, config)
            missing = [p.path for p in rendered.pages if not cache.has(_key(cache, p))]
            _current, _progress, _warned = rendered, progress, warnings
            if len(missing) >= _TEAM_MIN and workers() > 1 and can_fork():
                _shared = frozenset(missing)
            try:
                mkdocs_build(config)
            except MkDocsException as exc:
                raise SiteBuildError(_explain(warnings, str(exc))) from None
            finally:
                _dismiss_team()
                _current, _progress, _shared, _warned = None, None, frozenset(), []
        if warnings:
            raise SiteBuildError(_explain(warnings, "the site engine reported problems"))
        swap_dir(tmp, site_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    written = len(missing)
    return BuildStats(len(rendered.pages), written, len(rendered.pages) - written)


class _Team:
    """Forked workers that wrap missing pages in the theme alongside the build's process.

    MkDocs wraps pages one at a time, in order. The workers are forked once MkDocs has
    set everything up (files, navigation, pages, theme), so they inherit it all; each
    takes the last missing page nobody has taken yet, wraps it with MkDocs's own page
    builder and stores it in the page cache. The build's process takes missing pages
    from the front as MkDocs reaches them; where the two meet, it waits for the workers
    and reads the rest from the cache, as it reads any page built before. Taking pages
    from both ends balances the work whatever else either side has to do.
    """

    def __init__(self, missing: list[str], following: dict[str, str], jobs: int) -> None:
        context = multiprocessing.get_context("fork")
        self.position = {path: i for i, path in enumerate(missing)}
        self.missing = missing
        self.following = following  # each page → the page MkDocs builds after it
        # [the first missing page nobody took from the front, the end of those left]
        self.bounds = context.Array("i", [0, len(missing)])
        self.done = context.Value("i", 0)  # pages the workers stored
        self.read = 0  # of those, pages this process has read back
        self.finished = False  # every worker has exited
        self.parent = os.getpid()
        self.procs = [context.Process(target=_work, args=(self,)) for _ in range(jobs - 1)]
        for proc in self.procs:
            proc.start()

    def take_front(self, path: str) -> bool:
        with self.bounds.get_lock():
            if self.position[path] < self.bounds[1]:
                self.bounds[0] = self.position[path] + 1
                return True
        return False

    def take_back(self) -> str | None:
        with self.bounds.get_lock():
            first, end = self.bounds[0], self.bounds[1]
            if end <= first:
                return None
            self.bounds[1] = end - 1
        return self.missing[end - 1]

    def wait(self) -> None:
        while not self.finished and any(proc.is_alive() for proc in self.procs):
            _report()
            time.sleep(0.05)
        self.finished = True

    def dismiss(self) -> None:
        """Stop workers still running (the build failed), and reap them all."""
        for proc in self.procs:
            if proc.is_alive():
                proc.kill()
            proc.join()


def _start_team(files: Files) -> None:
    """Fork workers for the missing pages, if build_site planned them."""
    global _team
    if not _shared or _serving or _in_worker:
        return
    order = [file.src_uri for file in files.documentation_pages()]
    missing = [path for path in order if path in _shared]
    _team = _Team(missing, dict(itertools.pairwise(order)), workers())
    if order:
        _before_page(order[0])


def _dismiss_team() -> None:
    global _team
    if _team is not None:
        _team.dismiss()
        _team = None


def _work(team: _Team) -> None:
    """A forked worker: wrap missing pages from the back into the page cache, then exit.

    It leaves through ``os._exit`` whatever happens: nothing of the build it was forked
    from (its temporary site folder, its logging) may run twice. A page it could not
    store is simply not in the cache: the build's process then wraps it itself.
    """
    global _team, _progress, _in_worker
    code = 1
    try:
        _die_with(team.parent)
        _team, _progress, _in_worker = None, None, True
        gc.freeze()  # the inherited heap stays shared: the collector does not touch it
        files, setup = _build.setup["files"], _build.setup
        doc_files = files.documentation_pages()
        while (path := team.take_back()) is not None:
            page = files.get_file_from_path(path).page
            _wrap_here(page)
            _build_page(page, setup["config"], doc_files, setup["nav"], setup["env"])
            with team.done.get_lock():
                team.done.value += 1
        code = 0
    finally:
        os._exit(code)


def _die_with(parent: int) -> None:
    """A killed build takes its workers along (Linux): none goes on filling the cache."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # killed before the line above took effect
        os._exit(1)


def _before_page(path: str | None) -> None:
    """Just before MkDocs builds page ``path``: if it is missing, wrap it here or read it."""
    team = _team
    if team is None or path not in team.position:
        return
    page = _build.setup["files"].get_file_from_path(path).page
    if team.take_front(path):
        _wrap_here(page)
        return
    team.wait()  # the workers took it and every missing page after it
    assert _build.cache is not None
    if not _build.cache.has(_build.keys[path]):  # a worker stopped before storing it
        _wrap_here(page)


def _wrap_here(page: Any) -> None:
    """Undo a stand-in (see on_page_markdown): MkDocs wraps this page in the theme."""
    path = page.file.src_uri
    _build.hits.discard(path)
    page.meta.pop("template", None)
    page.content = _build.pages[path].html


def _report() -> None:
    if _progress is None:
        return
    done = _build.written + _build.reused
    if _team is not None:  # pages the workers stored that this process has not read yet
        done += _team.done.value - _team.read
    _progress(done, len(_build.pages))


def _explain(warnings: list[str], headline: str) -> str:
    lines = "\n".join(f"  {w}" for w in warnings)
    return f"mkdocs.yml: {headline}; the previous site was kept\n{lines}".rstrip()


@contextlib.contextmanager
def _source_date(as_of: PartialDate | None) -> Iterator[None]:
    """MkDocs stamps sitemap dates with SOURCE_DATE_EPOCH; make it the corpus date."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = _epoch(as_of)
    try:
        yield
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def _epoch(as_of: PartialDate | None) -> str:
    if not as_of:
        return "0"
    return str(calendar.timegm((as_of.year, as_of.month or 1, as_of.day or 1, 0, 0, 0)))


class _Collect(logging.Handler):
    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record.getMessage())


@contextlib.contextmanager
def _quiet_logs() -> Iterator[list[str]]:
    """Keep MkDocs and theme chatter (build notices, banners) off the terminal; keep warnings."""
    collected: list[str] = []
    logger = logging.getLogger("mkdocs")
    handler = _Collect(collected)
    saved = logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.WARNING)
    try:
        yield collected
    finally:
        logger.removeHandler(handler)
        logger.propagate, logger.level = saved


# --- hook events (see site_hook.py) -------------------------------------------------


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_files(files: Files, config: Any) -> Files:
    global _build
    root = Path(config.config_file_path).parent
    rendered = _current
    if rendered is None:  # plain `mkdocs build` / `mkdocs serve`: render from disk here
        rendered = _render_for_mkdocs(root)
        # As build_site does: the sitemap's dates are the corpus's, not the clock's.
        # (MkDocs dates its pages as it creates them, after this event.)
        os.environ["SOURCE_DATE_EPOCH"] = _epoch(rendered.as_of)
    cache = _cache_for(root, config)
    _build = _Build(cache)
    _build.setup.update(config=config, files=files, engine=cache.fingerprint)
    for page in rendered.pages:
        _build.pages[page.path] = page
        _build.keys[page.path] = _key(cache, page)
        files.append(File.generated(config, page.path, content=""))
    _build.setup["rendered"] = rendered
    _replay_search(config)
    return files


def _add_outputs(files: Files, config: Any) -> None:
    """The files besides the pages: print view, feeds, data, graph, schemas.

    Added once MkDocs has set up the pages (on_env), so the workers wrapping pages are
    already at it while this process computes the exports.
    """
    outputs = _outputs(_build.setup["rendered"], config)
    schemas = [(f"schemas/{n}.schema.json", schema_text(n)) for n in SCHEMA_FILES]
    added = [File.generated(config, path, content=text) for path, text in [*outputs, *schemas]]
    set_exclusions(added, config)  # what MkDocs does to files added in on_files
    for file in added:
        files.append(file)
    _build.setup["outputs"] = dict(outputs)


def _outputs(rendered: RenderedSite, config: Any) -> list[tuple[str, str]]:
    """Files besides the pages that follow from the corpus: print view, feeds, exports."""
    return [*rendered.files, *export_files(rendered.views, config.site_url or None)]


def _cache_for(root: Path, config: Any) -> PageCache:
    code = [Path(__file__).with_name(n) for n in ("engine.py", "pagecache.py", "search_label.py")]
    custom = getattr(config.theme, "_custom_dir", None)  # theme overrides shape every page
    if custom:
        code += sorted(p for p in Path(custom).rglob("*") if p.is_file())
    # `mkdocs serve` sets site_url to its own address, which pages print: part of the key.
    return PageCache(root / CACHE_DIR, fingerprint(root, code), config.site_url or "")


def _key(cache: PageCache, page: Page) -> str:
    headings = repr([(h.level, h.id, h.html) for h in page.headings])
    listing = "listing" if page.listing else ""  # its search entries: none
    return cache.key(page.path, page.title, page.description, page.html, headings, listing)


def _render_for_mkdocs(root: Path) -> RenderedSite:
    global _last_good
    from mkdocs.exceptions import PluginError

    from .pipeline import draft, prepare

    try:
        # New seeds are drafted first, as `build.py` does: plain `mkdocs build` and
        # `mkdocs serve` must never show a site that silently leaves a seed out.
        for line in draft(root):
            print(line, file=sys.stderr)
        rendered = prepare(root, reuse=_reuse if _serving else None)
    except DossierError as exc:
        if not _serving:
            raise PluginError(f"Dossier: the corpus has problems:\n{exc}") from None
        serving.report_kept(exc, kept=_last_good is not None)
        return _last_good or serving.problem_site(exc)
    _last_good = rendered
    return rendered


def _replay_search(config: Any) -> None:
    """Wrap the search index so cached pages add their stored entries without parsing."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if index is None or not hasattr(index, "add_entry_from_context"):
            continue
        original = index.add_entry_from_context

        def add_entry(page: Any, index: Any = index, original: Any = original) -> None:
            path = page.file.src_uri
            before = len(index.entries)
            if path in _build.hits:
                index.entries.extend(_cached(path)[1])
            else:
                original(page)
                if path in _build.pages:
                    _build.search[path] = index.entries[before:]
            if _serving and _build.collect is None:
                _build.indexed.append((path, index.entries[before:]))
            if _build.collect is not None:  # a live update writes the index itself
                _build.collect.extend(index.entries[before:])
                del index.entries[before:]

        index.add_entry_from_context = add_entry


def _cached(path: str) -> tuple[str, list[Any]]:
    """A cached page's output and search entries, read when MkDocs reaches that page.

    One page at a time: holding every cached page at once would double the memory.
    """
    if _build.loaded is None or _build.loaded[0] != path:
        assert _build.cache is not None
        entry = _build.cache.get(_build.keys[path])
        if entry is None:
            raise SiteBuildError(f"{CACHE_DIR}: changed during the build; run the build again")
        _build.loaded = (path, *entry)
    return _build.loaded[1], _build.loaded[2]


def on_nav(nav: Any, config: Any, files: Files) -> Any:
    _build.setup["nav"] = nav
    return nav


def on_env(env: jinja2.Environment, config: Any, files: Files) -> jinja2.Environment:
    # A cached page is "rendered" by printing its stored HTML; MkDocs still writes it.
    cached = jinja2.DictLoader({_CACHED_TEMPLATE: "{{ dossier_output }}"})
    env.loader = jinja2.ChoiceLoader([cached, SearchDialogLabel(env.loader)])  # type: ignore[arg-type]
    _build.setup["env"] = env
    _start_team(files)
    _add_outputs(files, config)
    return env


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    ours = _build.pages.get(page.file.src_uri)
    if ours is None:
        return markdown
    # The theme prints page.title and the description without escaping them.
    page.meta["title"] = html.escape(ours.title)
    page.meta["description"] = html.escape(ours.description)
    if ours.listing:
        page.meta["search"] = {"exclude": True}
    page.render = functools.partial(_prebuilt, page)  # finished HTML: no markdown pass
    assert _build.cache is not None
    # A page workers may wrap is a stand-in until MkDocs reaches it (see _before_page).
    stand_in = ours.path in _shared and not _serving
    if stand_in or _build.cache.has(_build.keys[ours.path]):
        _build.hits.add(ours.path)
        page.meta["template"] = _CACHED_TEMPLATE
    return ""


def _prebuilt(page: Any, *args: Any) -> None:
    """Stands in for Page.render: on_page_content supplies the HTML and the toc."""
    page.content = ""


def on_page_content(content: str, page: Any, config: Any, files: Files) -> str:
    ours = _build.pages.get(page.file.src_uri)
    if ours is None:
        return content
    page.toc = get_toc(
        [
            {
                "level": h.level,
                "id": h.id,
                "name": h.html,
                "html": h.html,
                "data-toc-label": "",
                "children": [],
            }
            for h in ours.headings
        ]
    )
    # A cached page prints its stored output; an empty body spares the search plugin's
    # regular expression a pass over the page's HTML.
    return "" if ours.path in _build.hits else ours.html


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    if page.file.src_uri in _build.hits:
        context["dossier_output"] = _cached(page.file.src_uri)[0]
    return context


def on_post_page(output: str, page: Any, config: Any) -> str:
    path = page.file.src_uri
    if _in_worker:
        return _store(output, path)
    if path in _build.pages:
        if path in _build.hits:
            _build.reused += 1
            _build.loaded = None
            if _team is not None and path in _team.position:
                _team.read += 1
        else:
            assert _build.cache is not None
            _build.cache.put(_build.keys[path], output, _build.search.pop(path, []))
            _build.written += 1
        _report()
    if _team is not None:
        _before_page(_team.following.get(path))
    return output


def _store(output: str, path: str) -> str:
    """In a worker: keep the wrapped page in the cache; the build's process writes it."""
    if _warned:  # the build's process wraps this page again and reports the warning
        raise SiteBuildError("a worker stopped at a warning")
    assert _build.cache is not None
    _build.cache.put(_build.keys[path], output, _build.search.pop(path, []))
    return ""  # MkDocs writes nothing for an empty page


def on_post_build(config: Any) -> None:
    if _build.cache is not None:
        _build.cache.prune()
    if _serving and _build.collect is None:
        serving.after_full_build(config)

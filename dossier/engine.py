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
"""

from __future__ import annotations

import calendar
import contextlib
import dataclasses
import functools
import html
import logging
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from . import serving
from .atomic import recover, swap_dir
from .dates import PartialDate
from .errors import DossierError, SiteBuildError
from .exports import export_files
from .pagecache import CACHE_DIR, PageCache, fingerprint
from .parallel import can_fork, workers
from .render import Page, RenderedSite, Reuse
from .schema import SCHEMA_FILES, schema_text

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


_PREFILL_MIN = 400  # fewer pages to wrap than this: forking workers does not pay
_current: RenderedSite | None = None  # handed from build_site to the hook below
_only: frozenset[str] | None = None  # in a prefill worker: the pages it wraps for real
_done: Any = None  # in a prefill worker: the count of wrapped pages shared with the parent
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
    global _current, _progress
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    recover(site_dir)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.tmp-", dir=site_dir.parent))
    # mkdtemp makes the folder private (0700); a published site/ must be readable.
    umask = os.umask(0)
    os.umask(umask)
    tmp.chmod(0o777 & ~umask)
    try:
        with _quiet_logs() as warnings, _source_date(rendered.as_of):
            config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp))
            cache = _cache_for(root, config)
            missing = [p.path for p in rendered.pages if not cache.has(_key(cache, p))]
            _current = rendered
            try:
                _prefill(root, missing, len(rendered.pages), progress)
                _progress = progress
                mkdocs_build(config)
            except MkDocsException as exc:
                raise SiteBuildError(_explain(warnings, str(exc))) from None
            finally:
                _current, _progress = None, None
        if warnings:
            raise SiteBuildError(_explain(warnings, "the site engine reported problems"))
        swap_dir(tmp, site_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    written = len(missing)
    return BuildStats(len(rendered.pages), written, len(rendered.pages) - written)


def _prefill(
    root: Path, missing: list[str], total: int, progress: Callable[[int, int], None] | None
) -> None:
    """Wrap the pages missing from the cache on every core, before the real build.

    MkDocs builds pages one at a time. Each forked worker runs a build in which only its
    share of the missing pages is real (the others are empty stand-ins) and stores them
    in the page cache; the real build that follows then finds every page there. If a
    worker fails, the real build simply wraps what is still missing itself.
    """
    jobs = workers()
    if jobs < 2 or len(missing) < _PREFILL_MIN or not can_fork():
        return
    context = multiprocessing.get_context("fork")
    done = context.Value("i", 0)
    shares = [frozenset(missing[i::jobs]) for i in range(jobs)]
    procs = [context.Process(target=_prefill_worker, args=(root, s, done)) for s in shares]
    for proc in procs:
        proc.start()
    while any(proc.is_alive() for proc in procs):
        if progress is not None:
            progress(done.value, total)
        time.sleep(0.2)
    for proc in procs:
        proc.join()


def _prefill_worker(root: Path, share: frozenset[str], done: Any) -> None:
    global _only, _done
    _only, _done = share, done
    with contextlib.suppress(Exception), tempfile.TemporaryDirectory() as scratch:
        mkdocs_build(load_config(str(root / "mkdocs.yml"), site_dir=scratch))


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
    outputs = _outputs(rendered, config)
    for path, text in outputs:  # the print view; feeds, data, graph
        files.append(File.generated(config, path, content=text))
    for name in SCHEMA_FILES:
        files.append(
            File.generated(config, f"schemas/{name}.schema.json", content=schema_text(name))
        )
    _build.setup["outputs"] = dict(outputs)
    _replay_search(config)
    return files


def _outputs(rendered: RenderedSite, config: Any) -> list[tuple[str, str]]:
    """Files besides the pages that follow from the corpus: print view, feeds, exports."""
    return [*rendered.files, *export_files(rendered.views, config.site_url or None)]


def _cache_for(root: Path, config: Any) -> PageCache:
    code = [Path(__file__), Path(__file__).with_name("pagecache.py")]
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
        if _serving:  # seeds dropped in while serving are drafted, as `build.py` does
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
        if _only is not None and path not in _only:
            entry: tuple[str, list[Any]] | None = ("", [])  # another worker's page
        else:
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
    env.loader = jinja2.ChoiceLoader([cached, env.loader])  # type: ignore[list-item]
    _build.setup["env"] = env
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
    # In a prefill worker, another worker's page is a stand-in that nobody writes.
    stand_in = _only is not None and ours.path not in _only
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
    if path in _build.pages:
        if path in _build.hits:
            _build.reused += 1
            _build.loaded = None
        else:
            assert _build.cache is not None
            _build.cache.put(_build.keys[path], output, _build.search.pop(path, []))
            _build.written += 1
            if _done is not None:
                with _done.get_lock():
                    _done.value += 1
        if _progress is not None:
            _progress(_build.written + _build.reused, len(_build.pages))
    return output


def on_post_build(config: Any) -> None:
    if _build.cache is not None and _only is None:  # a worker sees only its share
        _build.cache.prune()
    if _serving and _only is None and _build.collect is None:
        serving.after_full_build(config)

"""The only module that knows the site engine (MkDocs 1.6 with the Material theme).

Moving to ProperDocs (a drop-in MkDocs fork) or Zensical (which reads mkdocs.yml)
means changing this file and site_hook.py, nothing else.

A build goes into a temporary directory beside ``site/`` and replaces it only when
MkDocs finished without a single warning, so a failed build leaves the previous
site exactly as it was.

Scale and serve (issue 4). Pages reach MkDocs as finished HTML fragments, so MkDocs's
markdown step is skipped outright (``_prebuilt``). What remains per page is the theme
template and the search plugin's HTML parsing; both are cached by content hash in
:mod:`dossier.pagecache`: a page whose inputs are unchanged is written from the cache
through a one-line template, and its search entries are replayed into the index. The
site is still assembled in full on every build (sitemap, search index, every file), so
an incremental build is byte-identical to a clean one by construction.

Under ``mkdocs serve`` (and ``build.py serve``, which runs it), a corpus or template
error is printed and the last good pages are built again instead, so the server keeps
answering with the last good site and recovers on the next good save.
"""

from __future__ import annotations

import calendar
import contextlib
import dataclasses
import functools
import gc
import html
import logging
import multiprocessing
import os
import shutil
import sys
import tempfile
import threading
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

from . import loadcache
from .atomic import recover, swap_dir
from .dates import PartialDate
from .errors import DossierError, SiteBuildError
from .exports import export_files
from .live import DOCS, INDEX, NeedsFullBuild, State, entries_json, search_index, update
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
_live: State | None = None  # under serve: the served site, for in-place updates


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
    epoch = 0
    if as_of:
        epoch = calendar.timegm((as_of.year, as_of.month or 1, as_of.day or 1, 0, 0, 0))
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


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
    return cache.key(page.path, page.title, page.description, page.html, headings)


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
        # Printed, not logged: MkDocs's strict mode would turn a log line into a failure.
        print(
            f"{exc}\nDossier: still serving the last good site; fix the files above."
            if _last_good
            else f"{exc}\nDossier: serving a page that lists these problems until they are fixed.",
            file=sys.stderr,
            flush=True,
        )
        return _last_good or _problem_site(exc)
    _last_good = rendered
    return rendered


def _problem_site(exc: DossierError) -> RenderedSite:
    """What serve shows when it starts on a broken corpus: the problems, on every index."""
    from .model import Corpus
    from .render.site import INDEXES
    from .views import build_views

    listing = html.escape(str(exc))
    body = (
        "<h1>The corpus has problems</h1>"
        "<p>Fix these files; the site appears as soon as the corpus is valid.</p>"
        f"<pre>{listing}</pre>"
    )
    pages = tuple(
        Page(f"{path}.md", title, "The corpus has problems.", body, ())
        for path, title in INDEXES.values()
    )
    return RenderedSite(pages, None, build_views(Corpus()))


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
    global _live
    if _build.cache is not None and _only is None:  # a worker sees only its share
        _build.cache.prune()
    if _serving and _only is None and _build.collect is None:
        _live = _capture(config)
        loadcache.memory_only = True  # see loadcache.py
        _settle()


def _settle() -> None:
    """Exempt what serve keeps (corpus, traces, MkDocs state) from the cyclic collector.

    At 10,000 articles that is millions of objects; every full collection during a
    rebuild walked them all (about a second each). Garbage without cycles is still freed
    at once; what a rebuild leaves in cycles is small.
    """
    gc.collect()
    gc.freeze()


def _capture(config: Any) -> State | None:
    """The served site as live.py needs it, or None if it cannot be updated in place."""
    site_dir = Path(config.site_dir)
    try:
        written = (site_dir / INDEX).read_text("utf-8")
    except OSError:
        return None
    rendered = _last_good
    if rendered is None or "nav" not in _build.setup:
        return None
    state = State(
        site_dir=site_dir,
        config=config,
        files=_build.setup["files"],
        nav=_build.setup["nav"],
        env=_build.setup["env"],
        engine=_build.setup["engine"],
        pages=dict(_build.pages),
        as_of=rendered.as_of,
        order=[path for path, _ in _build.indexed],
        entries={path: entries_json(entries) for path, entries in _build.indexed},
        outputs=_build.setup["outputs"],
        index_head=written[: written.find(DOCS) + len(DOCS)],
    )
    # The index live.py would write must be the one the search plugin wrote.
    return state if DOCS in written and search_index(state) == written else None


def on_serve(server: Any, config: Any, builder: Callable[..., None]) -> Any:
    """Rebuild in place where possible, and never let a broken file stop the server."""
    server.builder = functools.partial(_rebuild, Path(config.config_file_path).parent, builder)
    return server


def _rebuild(root: Path, full: Callable[[], None]) -> None:
    wait_for_print_view()
    started = time.monotonic()
    if _live is not None:
        try:
            pages = _update_in_place(root, _live)
        except Exception as exc:
            print(f"Dossier: in-place update failed ({exc!r}); building in full", file=sys.stderr)
            pages = None
        if pages is not None:
            took = time.monotonic() - started
            print(f"Dossier: {pages} page(s) updated in {took:.2f} s", file=sys.stderr, flush=True)
            return
    try:
        full()
    except Exception as exc:
        print(
            f"Dossier: the site could not be built: {exc}\n"
            "Dossier: still serving the last good site; fix the file above.",
            file=sys.stderr,
            flush=True,
        )


def _update_in_place(root: Path, state: State) -> int | None:
    """Pages updated in place, or None when only a full build will do."""
    global _last_good
    from .pipeline import draft, prepare

    try:
        for line in draft(root):
            print(line, file=sys.stderr)
        rendered = prepare(root, reuse=_reuse, print_view=False)
    except DossierError as exc:
        print(
            f"{exc}\nDossier: still serving the last good site; fix the files above.",
            file=sys.stderr,
            flush=True,
        )
        return 0
    engine = _cache_for(root, state.config).fingerprint
    try:
        with _source_date(rendered.as_of), _quiet_logs() as warnings:
            pages = update(state, rendered, _outputs(rendered, state.config), engine, _rewrap)
    except NeedsFullBuild:
        return None
    finally:
        _build.collect = None
    for warning in warnings:
        print(f"WARNING {warning}", file=sys.stderr)
    _last_good = rendered
    _print_in_background(root, state, rendered)
    gc.freeze()  # this update's objects are serve's state now (see _settle)
    return pages


_printing: threading.Thread | None = None


def _print_in_background(root: Path, state: State, rendered: RenderedSite) -> None:
    """The print view holds the whole corpus (seconds at scale): written just after the
    pages, so the browser reloads without waiting for it."""
    global _printing
    from .printbook import PRINT_PAGE, print_page

    def work() -> None:
        global _last_good
        text = print_page(rendered.views, root)
        update(state, rendered, [(PRINT_PAGE, text)], state.engine, _rewrap)
        _last_good = dataclasses.replace(rendered, files=((PRINT_PAGE, text),))

    _printing = threading.Thread(target=work, name="dossier-print-view", daemon=True)
    _printing.start()


def wait_for_print_view() -> None:
    """Block until the print view of the last in-place update is written."""
    if _printing is not None:
        _printing.join()


def _rewrap(page: Page) -> list[Any]:
    """Point the hook at ``page``'s new HTML; returns the list its search entries go to."""
    assert _build.cache is not None
    _build.pages[page.path] = page
    _build.keys[page.path] = _key(_build.cache, page)
    _build.hits.discard(page.path)
    _build.loaded = None
    _build.collect = []
    return _build.collect


def serve(root: Path, addr: str) -> None:
    """Live-reloading server; rebuilds through the hook on every change under ``watch:``."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s %(message)s")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.chdir(root)  # MkDocs resolves watch: paths against the working directory
    mkdocs_serve(config_file=str(root / "mkdocs.yml"), dev_addr=addr, livereload=True)

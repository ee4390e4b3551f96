"""The stages, in order. Each is a function of the previous stage's value.

ingest   seeds/ → draft briefings/       (dossier.ingest; only seeds without a briefing,
                                          or whose draft is out of date; ``build.py ingest``)
load     briefings/ → Corpus            (dossier.load; fails with every problem at once)
model    Corpus → Views                  (dossier.views)
history  git log → History               (dossier.review.history; empty outside git)
render   Views → RenderedSite            (dossier.render, templates/)
site     RenderedSite → site/            (dossier.engine, MkDocs; swapped in atomically)
print    Views → print view and PDF      (dossier.printbook; the print view goes into the site)

Builds reuse unchanged work from .dossier/cache/ (parsed briefings: loadcache.py;
finished pages: pagecache.py) and spread it over every core (parallel.py); serve also
keeps what it read and parsed in memory (a ``Warm``, loadcache.py, that it passes to
``prepare``; what the check for ingest work read, for ``draft``). None of that changes
a byte of the output.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from . import search_ahead
from .atomic import read_kept, save_kept
from .build_env import code_digest
from .dates import PartialDate, parse_partial_date
from .errors import DossierError
from .exports import ExportMemos
from .load import Limits, load_corpus
from .loadcache import Warm
from .memo import BuildMemo
from .model import Corpus
from .pagecache import CACHE_DIR, inputs_digest
from .parallel import Ahead, can_fork, workers
from .printbook import PRINT_PAGE, commit_of, print_page
from .render import RenderedSite, Reuse, render_site
from .render.shipped import custom_templates
from .render.site import templates_digest
from .review.history import History, read_history
from .views import build_views

if TYPE_CHECKING:
    from .engine import BuildStats


def draft(
    root: Path,
    limits: Limits | None = None,
    checked: BuildMemo[Any] | None = None,
    remember: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> list[str]:
    """Ingest seeds that have no briefing yet (or a stale draft); what was done, one line
    each; ``progress(done, total)`` as seeds are read.

    ``checked`` (serve's, in memory) or ``remember`` (`build.py`'s, in its cache): what
    the last check for ingest work read, so that only the seeds and article briefings
    that changed on disk since are read again (``ingest.run.pending``).
    """
    from .ingest.run import ingest, pending

    limits = limits or Limits()
    found = _found_work(root, limits) if remember else pending(root, limits, checked)
    return ingest(root, limits, progress).lines() if found else []


# Feed entries and export records of the last build (exports.ExportMemos).
_EXPORTS = CACHE_DIR / "exports.pickle"

# The last print view made, with the key of what it shows (_kept_book).
_PRINT_VIEW = CACHE_DIR / "print-view.pickle"

# What build.py's check for ingest work read of each seed and article briefing
# (ingest.run.pending's memo).
_CHECKED = CACHE_DIR / "ingest-check.pickle"


def check(root: Path, limits: Limits | None = None) -> Corpus:
    """Load and validate only: the gate that ``build.py check`` and every build share."""
    return load_corpus(root, limits or Limits())


def prepare(
    root: Path,
    limits: Limits | None = None,
    reuse: Reuse | None = None,
    print_view: bool = True,
    warm: Warm | None = None,
) -> RenderedSite:
    """Everything up to the site engine; raises before anything is written.

    ``reuse`` and ``warm`` (kept by serve between builds) render only pages whose
    inputs changed, and read and parse only files that changed;
    without ``print_view`` the caller renders the print view itself (``print_page``).
    """
    corpus = load_corpus(root, limits or Limits(), cache_dir=root / CACHE_DIR, warm=warm)
    rendered, printed = _render_ahead(root, corpus, read_history(root), reuse, print_view)
    return rendered if printed is None else dataclasses.replace(rendered, files=printed())


def custom_templates_said(rendered: RenderedSite) -> list[str]:
    """What build and serve say of templates the page graph does not know."""
    return [
        f"templates/{name}: not as Dossier ships it; the page graph knows only the shipped "
        "templates, so every page is rendered again on every build"
        for name in rendered.custom_templates
    ]


def _render_ahead(
    root: Path,
    corpus: Corpus,
    history: History,
    reuse: Reuse | None = None,
    print_view: bool = True,
    cached: Callable[[str], bool] | None = None,
    keep_book: bool = False,
) -> tuple[RenderedSite, _Printed | None]:
    """The pages, and the print view still being made beside them (on another core):
    collect it (call it) or cancel it. With ``keep_book`` (build.py) the last print
    view is taken when what the book shows did not change (``_kept_book``)."""
    views = build_views(corpus)
    if not print_view:
        return render_site(views, root / "templates", history, reuse, cached), None
    if keep_book:
        rendered = render_site(views, root / "templates", history, reuse, cached)
        return rendered, _kept_book(root, rendered)
    printed = _Printed(Ahead(lambda: print_page(views, root)))
    try:
        rendered = render_site(views, root / "templates", history, reuse, cached)
    except BaseException:
        printed.cancel()
        raise
    return rendered, printed


def _kept_book(root: Path, rendered: RenderedSite) -> _Printed:
    """The print view as the last build made it (``.dossier/cache/print-view.pickle``),
    kept under a key of what the book shows (the page graph's ``book``): made again
    whole (1.3 s of CPU at 10,000 articles) only when that moved, as it does not when an
    article's summary is edited. With templates the graph does not know (pages' or the
    print view's), it is always made again."""
    views, templates = rendered.views, root / "templates"
    if rendered.graph is None or custom_templates(templates, pages=False):
        return _Printed(Ahead(lambda: print_page(views, root)))
    base = f"{templates_digest(templates)}\0{code_digest()}\0{commit_of(root)}"
    key = rendered.graph.book(base)
    last = read_kept(root / _PRINT_VIEW, key)
    if isinstance(last, str):
        return _Printed(None, files=((PRINT_PAGE, last),))
    # kept whether or not this build succeeds
    keep = functools.partial(save_kept, root / _PRINT_VIEW, key)
    return _Printed(Ahead(lambda: print_page(views, root)), keep)


class _Printed:
    """The print view being made in a forked process: its file once asked for (the
    text is read once and kept, and handed to ``keep``), or the process ended if it is
    not wanted."""

    def __init__(
        self,
        ahead: Ahead | None,
        keep: Callable[[str], object] | None = None,
        files: tuple[tuple[str, str], ...] | None = None,  # made already: no process
    ) -> None:
        self.ahead, self.keep, self.files = ahead, keep, files

    def __call__(self) -> tuple[tuple[str, str], ...]:
        if self.files is None:
            assert self.ahead is not None
            text = self.ahead.result()
            self.files = ((PRINT_PAGE, text),)
            if self.keep is not None:
                self.keep(text)
        return self.files

    def cancel(self) -> None:
        if self.files is None and self.ahead is not None:
            self.ahead.cancel()


def build(
    root: Path,
    site_dir: Path,
    limits: Limits | None = None,
    progress: Callable[[int, int], None] | None = None,
    notify: Callable[[str], None] = lambda line: None,
    drafting: Callable[[int, int], None] | None = None,
) -> BuildStats:
    """Every stage; ``progress(done, total)`` is called as the engine finishes pages,
    ``drafting(done, total)`` as ingest reads seeds.

    When site/ already is the build of the inputs as they are now (pagecache.KeptPages.current), the
    stages after the check (load) have nothing to do and are skipped. The check for
    ingest work runs in a second process meanwhile (``CheckAhead``) when it is due; if it
    finds work, the build starts again in order: ingest, then load.
    """
    limits = limits or Limits()
    ahead = CheckAhead.start(root, limits)
    if ahead is not None:
        try:
            return _build(root, site_dir, limits, progress, notify, ahead.settle)
        except _Restart:
            pass
        except DossierError:
            if not ahead.found_work():  # a problem of the corpus itself: report it
                raise
        finally:
            ahead.found_work()  # never leave the check's process behind
    for line in draft(root, limits, remember=True, progress=drafting):
        notify(line)
    return _build(root, site_dir, limits, progress, notify, lambda: None)


P = ParamSpec("P")
R = TypeVar("R")


def _collector_paused(build: Callable[P, R]) -> Callable[P, R]:
    """Loading and rendering make the build's long-lived objects (millions at 10,000
    articles): the collector, looking for cycles among them again and again, took a
    tenth of an edit's build. Off until they are made (the build freezes them), then
    on again, so a process that builds again (tests, `check` then build) collects them."""

    @functools.wraps(build)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        gc.disable()
        try:
            return build(*args, **kwargs)
        finally:
            gc.unfreeze()
            gc.enable()

    return paused


@_collector_paused
def _build(
    root: Path,
    site_dir: Path,
    limits: Limits,
    progress: Callable[[int, int], None] | None,
    notify: Callable[[str], None],
    settle: Callable[[], None],
) -> BuildStats:
    """The stages after ingest; ``settle`` is called before anything is said or written."""
    from .engine import BuildStats, build_site  # MkDocs is imported only to build
    from .pagecache import cached_pages, site_cache

    corpus = load_corpus(root, limits, cache_dir=root / CACHE_DIR)
    history = read_history(root)
    try:
        cache = site_cache(root)
    except Exception:  # mkdocs.yml broken: the build below reports it as it should
        cache = None
    engine = cache.fingerprint if cache else ""
    inputs = inputs_digest(root, corpus, history, f"{engine}\0{limits!r}")
    built = cache.open_site(root, site_dir) if cache else None  # the one store of pages
    if built is not None and built.current(inputs):
        settle()
        return BuildStats(built.count, 0, built.count, current=True)
    # Pages whose finished HTML the page cache holds under their fingerprint are not
    # rendered again.
    rendered, printed = _render_ahead(
        root, corpus, history, cached=cached_pages(cache) if cache else None, keep_book=True
    )
    gc.freeze()
    gc.enable()
    search = search_ahead.start(rendered, cache) if cache else None
    # The print view is collected when the site stage adds it, after MkDocs's setup and
    # the exports (at 10,000 articles an edit's build waited 1.4 s for it here).
    try:
        rendered = dataclasses.replace(rendered, files_later=printed)
        settle()
        for line in custom_templates_said(rendered):
            notify(line)
        tag = code_digest()
        memos = ExportMemos.load(root / _EXPORTS, tag)

        def keep_exports() -> None:  # true whether or not this build succeeds: saved early
            memos.save(root / _EXPORTS, tag)

        return build_site(
            root, rendered, site_dir, progress, memos, keep_exports, search, inputs, cache
        )
    finally:
        if printed is not None:
            printed.cancel()  # not collected: the build failed or stopped before
        if search is not None:
            search.cancel()  # (ended already, unless the build stopped before the engine)


def _found_work(root: Path, limits: Limits) -> bool:
    """`build.py`'s check for ingest work (``draft``), in the process ``CheckAhead`` forks:
    what the check read is remembered, so the next one reads only the briefings and
    seeds that changed (it stats the 21,500 files, beside the load)."""
    from .ingest.run import pending

    tag, checked = f"{code_digest()}\0{limits!r}", BuildMemo[Any]()
    checked.now = read_kept(root / _CHECKED, tag) or {}  # none, damaged: read every file
    found = pending(root, limits, checked)
    if not found and checked.now != checked.last:  # one that cannot be written: slower
        save_kept(root / _CHECKED, tag, checked.now)
    return found


class _Restart(Exception):
    """The check ahead found seeds to ingest: what was loaded is not the corpus to build."""


class CheckAhead:
    """``build.py``'s check for ingest work, in a forked process while the build loads.

    At 10,000 articles the check reads every article briefing's front matter (seconds),
    and it is due after any article briefing changed; it only reads, so it can run
    beside loading and rendering, on the other core. ``settle`` waits for it: nothing
    to ingest (the usual case) and the build goes on; work found and the build starts
    again in order, as it did without this.
    """

    def __init__(self, root: Path, pid: int) -> None:
        self.root, self.pid = root, pid
        self.pending: bool | None = None

    @classmethod
    def start(cls, root: Path, limits: Limits) -> CheckAhead | None:
        """A check under way, or None: run it in order."""
        if workers() < 2 or not can_fork():
            return None
        pid = os.fork()
        if pid == 0:  # the check: its answer is the exit status
            status = 2  # it failed: the build runs it again in order and reports why
            try:
                status = 1 if _found_work(root, limits) else 0
            finally:
                os._exit(status)
        return cls(root, pid)

    def found_work(self) -> bool:
        if self.pending is None:
            _, status = os.waitpid(self.pid, 0)
            self.pending = os.waitstatus_to_exitcode(status) != 0
        return self.pending

    def settle(self) -> None:
        if self.found_work():
            raise _Restart


def pdf(root: Path, output: Path, companies: tuple[str, ...], since: str | None, paper: str) -> int:
    """The briefing book for the selection as a PDF at ``output``; returns its page count."""
    from .printbook import Scope, commit_of, render_book, select
    from .printbook.pdf import check_output, write_pdf

    check_output(root, output)  # before loading and laying out anything
    book = select(build_views(load_corpus(root)), Scope(companies, parse_since(since)))
    commit = commit_of(root)
    templates = root / "templates"
    return write_pdf(lambda pages: render_book(book, templates, commit, paper, pages), output, root)


def parse_since(text: str | None) -> PartialDate | None:
    if text is None:
        return None
    try:
        return parse_partial_date(text)
    except ValueError as exc:
        raise DossierError(f"--since: {exc}") from None

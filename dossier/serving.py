"""`serve`: the live-reloading server, its rebuilds, and what it keeps between them.

``python build.py serve`` runs ``mkdocs serve`` with the hook, so both commands behave
the same. The first build is a full one through the hook (engine.py); a ``Server``
then keeps that build's ``SiteBuild`` as the served site (``after_build``: one object
for the engine's state and serve's) and replaces the server's rebuild (``on_serve``)
with one that changes in place only the files an edit affects. The pipeline runs again
with render reuse (only pages whose fingerprint in the page graph moved are rendered,
see render/inputs.py); those pages are wrapped in the theme with MkDocs's own page
builder (through the session), Pagefind indexes their shards again, and any export or
print file whose text changed is rewritten. Everything else on disk stays.

Pages added or removed (an article drafted from a new seed, a briefing deleted) are
placed where a full build would put them, and the sitemap is written again, as it is
when the newest date (its "last modified") moves; the navigation lists no briefing
page, so it stays as it is. A change to mkdocs.yml, static/ or the theme falls back to
a full build (:class:`engine.NeedsFullBuild`), and says so. The result is byte-identical to a
full build of the same inputs; tests/test_live.py checks that over random edits. A
broken briefing, template or mkdocs.yml is printed and the last good site stays up; a
corpus broken at start is served as a page listing its problems.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import functools
import gc
import html
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import mkdocs_session
from .build_env import quiet_logs, source_date
from .engine import Hooks, NeedsFullBuild, SiteBuild, site_outputs
from .errors import DossierError
from .exports import ExportMemos
from .loadcache import Warm
from .memo import BuildMemo
from .model import Corpus
from .pagecache import page_cache
from .pipeline import custom_templates_said, draft, prepare
from .printbook import PRINT_PAGE, print_page
from .render import Page, RenderedSite, Reuse
from .render.site import INDEXES
from .views import build_views


def report_kept(exc: DossierError, kept: bool) -> None:
    """The corpus's problems, and what the server shows meanwhile."""
    # Printed, not logged: MkDocs's strict mode would turn a log line into a failure.
    meanwhile = (
        "still serving the last good site; fix the files above."
        if kept
        else "serving a page that lists these problems until they are fixed."
    )
    print(f"{exc}\nDossier: {meanwhile}", file=sys.stderr, flush=True)


def problem_site(exc: DossierError) -> RenderedSite:
    """What serve shows when it starts on a broken corpus: the problems, on every index."""
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


def _give_back_freed_memory() -> None:
    """Return the C heap's free pages to the system (glibc's ``malloc_trim``).

    A rebuild frees hundreds of MB (the last build's texts and model) in pieces
    scattered through the heap, which the allocator keeps: at 10,000 articles serve's
    memory stayed 120 MB above what it used, and the next save's work came on top.
    Elsewhere (no glibc) there is nothing to call, and nothing changes.
    """
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)


def _settle() -> None:
    """Exempt what serve keeps (corpus, traces, MkDocs state) from the cyclic collector.

    At 10,000 articles that is millions of objects; every full collection during a
    rebuild walked them all (about a second each). Garbage without cycles is still freed
    at once; what a rebuild leaves in cycles is small.
    """
    gc.collect()
    gc.freeze()
    _give_back_freed_memory()


class Server:
    """What serve keeps between rebuilds: the last good site, what the render reuses,
    the served folder as it is updated in place, and the background work in progress."""

    def __init__(self) -> None:
        self.last_good: RenderedSite | None = None
        self.reuse = Reuse()  # each page's reads: a rebuild renders only what changed
        self.warm = Warm()  # files read and parsed: a rebuild reads only what changed
        self.checked: BuildMemo[Any] = BuildMemo()  # what the check for ingest work read
        self.exports = ExportMemos()  # feeds and records: rewritten only where changed
        self.live: SiteBuild | None = None  # the served site (engine.py), updated in place
        self.finishing: threading.Thread | None = None
        self.custom: tuple[str, ...] = ()  # templates not as shipped, last said

    def attach(self, hooks: Hooks) -> None:
        hooks.serving = True
        hooks.render = self.render
        hooks.after_build = self.after_build
        hooks.memos = self.exports

    def render(self, root: Path) -> RenderedSite:
        """The site a full build under serve shows: the corpus's, or the last good one."""
        try:
            for line in draft(root, checked=self.checked):  # new seeds first, as build.py does
                print(line, file=sys.stderr)
            rendered = prepare(root, reuse=self.reuse, warm=self.warm)
        except DossierError as exc:
            report_kept(exc, kept=self.last_good is not None)
            return self.last_good or problem_site(exc)
        self._say_custom(rendered)
        self.last_good = rendered
        return rendered

    def _say_custom(self, rendered: RenderedSite) -> None:
        """Custom templates render every page on every save: said when that starts."""
        if rendered.custom_templates != self.custom:
            self.custom = rendered.custom_templates
            for line in custom_templates_said(rendered):
                print(f"Dossier: {line}", file=sys.stderr, flush=True)

    def after_build(self, build: SiteBuild) -> None:
        """Keep the full build (its MkDocs session, pages and generated files) as the
        served site, for the in-place updates that follow; not a build of the problem
        page, nor one MkDocs gave no navigation."""
        usable = self.last_good is not None and build.session.nav is not None
        self.live = build if usable else None
        build.session.release_outputs()
        self.warm.files.memory_only = True  # see loadcache.py
        _settle()

    def rebuild(self, root: Path, full: Callable[[], None]) -> str | None:
        """Serve's rebuild after a change: None if done in place, else why it was a full
        build. A full build is always reported with its reason: it is slower, and a test
        that expects an in-place update must be able to see that it did not get one."""
        self.wait_for_background()
        started = time.monotonic()
        reason = "the first build under serve could not be kept for in-place updates"
        if self.live is not None:
            try:
                pages = self._update_in_place(root, self.live)
            except NeedsFullBuild as exc:
                pages, reason = None, str(exc)
            except Exception as exc:  # a bug here must not stop the server: build in full
                pages, reason = None, f"the in-place update failed ({exc!r})"
            if pages is not None:
                took = time.monotonic() - started
                if pages >= 0:  # else the corpus is broken and was reported
                    print(f"Dossier: {pages} page(s) updated in {took:.2f} s", file=sys.stderr)
                return None
        print(f"Dossier: building in full: {reason}", file=sys.stderr, flush=True)
        try:
            full()
        except Exception as exc:
            print(
                f"Dossier: the site could not be built: {exc}\n"
                "Dossier: still serving the last good site; fix the file above.",
                file=sys.stderr,
                flush=True,
            )
        return reason

    def _update_in_place(self, root: Path, state: SiteBuild) -> int:
        """Pages updated in place; -1 when the corpus is broken; NeedsFullBuild when it
        cannot be done in place."""
        try:
            for line in draft(root, checked=self.checked):
                print(line, file=sys.stderr)
            rendered = prepare(root, reuse=self.reuse, print_view=False, warm=self.warm)
        except DossierError as exc:
            report_kept(exc, kept=True)
            return -1
        self._say_custom(rendered)
        fingerprint = page_cache(root, state.session).fingerprint
        with source_date(rendered.as_of), quiet_logs() as warnings:
            pages = state.update_pages(rendered, fingerprint)
        for warning in warnings:
            print(f"WARNING {warning}", file=sys.stderr)
        self.last_good = rendered
        self._finish_in_background(root, state, rendered, pages > 0)
        gc.freeze()  # this update's objects are serve's state now (see _settle)
        return pages

    def _finish_in_background(
        self, root: Path, state: SiteBuild, rendered: RenderedSite, index: bool
    ) -> None:
        """Search index, feeds and exports, then the print view, written after the pages.

        They cover the whole corpus (seconds at scale, the print view most), and the page
        being edited does not show them: the browser reloads as soon as the pages are
        written. The next rebuild waits for this one to finish, so they never lag by more.
        """

        def work() -> None:
            if index:
                try:
                    state.write_index()
                except DossierError as exc:  # the pages stand; the search lags until fixed
                    print(f"{exc}\nDossier: the search index was not updated.", file=sys.stderr)
            outputs = site_outputs(rendered, state.session.site_url, self.exports)
            state.write_outputs(outputs)
            state.drop_outputs({path for path, _ in outputs} | {PRINT_PAGE})
            try:
                text = print_page(rendered.views, root)
            except DossierError as exc:  # templates/print.html.j2 broken: the pages stand
                print(f"{exc}\nDossier: the print view was not updated.", file=sys.stderr)
                return
            state.write_outputs([(PRINT_PAGE, text)])
            self.last_good = dataclasses.replace(rendered, files=((PRINT_PAGE, text),))
            _give_back_freed_memory()

        self.finishing = threading.Thread(target=work, name="dossier-finish", daemon=True)
        self.finishing.start()

    def wait_for_background(self) -> None:
        """Block until what the last in-place update left to the background is written."""
        if self.finishing is not None:
            self.finishing.join()


_server: Server | None = None  # the server of this process (serve runs one)


def start(hooks: Hooks) -> Server:
    """Under `mkdocs serve` (the hook's on_startup): a Server takes over the hooks."""
    global _server
    if _server is None:
        _server = Server()
        _stop_cleanly_on_sigterm()
    _server.attach(hooks)
    return _server


def _stop_cleanly_on_sigterm() -> None:
    """SIGTERM (``kill``, a process manager, ``docker stop``) ends serve as Ctrl-C does.

    By default SIGTERM ends the process at once, and MkDocs's ``finally`` never runs: the
    temporary site it serves from (``/tmp/mkdocs_*``, a few MB each) stays behind.
    """
    if threading.current_thread() is not threading.main_thread():
        return  # signal handlers can only be set there; serve runs there

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


def running() -> Server:
    if _server is None:
        raise DossierError("serve: the server has not started (no on_startup event)")
    return _server


def on_serve(server: Any, config: Any, builder: Callable[..., None]) -> Any:
    """Rebuild in place where possible, and never let a broken file stop the server."""
    root = Path(config.config_file_path).parent
    server.builder = functools.partial(running().rebuild, root, builder)
    return server


def serve(root: Path, addr: str) -> None:
    """Live-reloading server; rebuilds through the hook on every change under ``watch:``."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s %(message)s")
    os.chdir(root)  # MkDocs resolves watch: paths against the working directory
    mkdocs_session.serve(root / "mkdocs.yml", addr)

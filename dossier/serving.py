"""`serve`: the live-reloading server, its rebuilds, and what it keeps between them.

``python build.py serve`` runs ``mkdocs serve`` with the hook, so both commands behave
the same. The first build is a full one through the hook (engine.py); this module then
keeps MkDocs's setup and every page's search entries (``after_full_build``) and
replaces the server's rebuild (``on_serve``) with one that updates the served folder
in place (live.py), falling back to a full build only when mkdocs.yml, static/ or the
theme change. A broken briefing,
template or mkdocs.yml is printed and the last good site stays up; a corpus broken at
start is served as a page listing its problems.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import html
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import engine, loadcache
from .errors import DossierError
from .live import (
    DOCS,
    INDEX,
    NeedsFullBuild,
    State,
    drop_outputs,
    entries_json,
    search_index,
    update_pages,
    write_index,
    write_outputs,
)
from .render import Page, RenderedSite

_live: State | None = None  # the served site, for in-place updates


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


def _settle() -> None:
    """Exempt what serve keeps (corpus, traces, MkDocs state) from the cyclic collector.

    At 10,000 articles that is millions of objects; every full collection during a
    rebuild walked them all (about a second each). Garbage without cycles is still freed
    at once; what a rebuild leaves in cycles is small.
    """
    gc.collect()
    gc.freeze()


def after_full_build(config: Any) -> None:
    """Keep what a full build under serve set up, for the in-place updates that follow."""
    global _live
    _live = _capture(config)
    loadcache.memory_only = True  # see loadcache.py
    _settle()


def _capture(config: Any) -> State | None:
    """The served site as live.py needs it, or None if it cannot be updated in place."""
    _build = engine._build
    site_dir = Path(config.site_dir)
    try:
        written = (site_dir / INDEX).read_text("utf-8")
    except OSError:
        return None
    rendered = engine._last_good
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
    server.builder = functools.partial(rebuild, Path(config.config_file_path).parent, builder)
    return server


def rebuild(root: Path, full: Callable[[], None]) -> str | None:
    """Serve's rebuild after a change: None if done in place, else why it was a full build.

    A full build is always reported, with its reason: it is slower, and a test that
    expects an in-place update must be able to see that it did not get one.
    """
    wait_for_background()
    started = time.monotonic()
    reason = "the first build under serve could not be kept for in-place updates"
    if _live is not None:
        try:
            pages = _update_in_place(root, _live)
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


def _update_in_place(root: Path, state: State) -> int:
    """Pages updated in place; -1 when the corpus is broken; NeedsFullBuild when it cannot."""
    from .pipeline import draft, prepare

    try:
        for line in draft(root):
            print(line, file=sys.stderr)
        rendered = prepare(root, reuse=engine._reuse, print_view=False)
    except DossierError as exc:
        report_kept(exc, kept=True)
        return -1
    fingerprint = engine._cache_for(root, state.config).fingerprint
    try:
        with engine._source_date(rendered.as_of), engine._quiet_logs() as warnings:
            pages = update_pages(state, rendered, fingerprint, _rewrap)
    finally:
        engine._build.collect = None
    for warning in warnings:
        print(f"WARNING {warning}", file=sys.stderr)
    engine._last_good = rendered
    _finish_in_background(root, state, rendered, pages > 0)
    gc.freeze()  # this update's objects are serve's state now (see _settle)
    return pages


_finishing: threading.Thread | None = None


def _finish_in_background(root: Path, state: State, rendered: RenderedSite, index: bool) -> None:
    """Search index, feeds and exports, then the print view, written after the pages.

    They cover the whole corpus (seconds at scale, the print view most), and the page
    being edited does not show them: the browser reloads as soon as the pages are
    written. The next rebuild waits for this one to finish, so they never lag by more.
    """
    global _finishing
    from .printbook import PRINT_PAGE, print_page

    def work() -> None:
        if index:
            write_index(state)
        outputs = engine._outputs(rendered, state.config)
        write_outputs(state, outputs)
        drop_outputs(state, {path for path, _ in outputs} | {PRINT_PAGE})
        try:
            text = print_page(rendered.views, root)
        except DossierError as exc:  # templates/print.html.j2 broken: the pages stand
            print(f"{exc}\nDossier: the print view was not updated.", file=sys.stderr)
            return
        write_outputs(state, [(PRINT_PAGE, text)])
        engine._last_good = dataclasses.replace(rendered, files=((PRINT_PAGE, text),))

    _finishing = threading.Thread(target=work, name="dossier-finish", daemon=True)
    _finishing.start()


def wait_for_background() -> None:
    """Block until what the last in-place update left to the background is written."""
    if _finishing is not None:
        _finishing.join()


def _rewrap(page: Page) -> list[Any]:
    """Point the hook at ``page``'s new HTML; returns the list its search entries go to."""
    build = engine._build
    assert build.cache is not None
    build.pages[page.path] = page
    build.keys[page.path] = engine._key(build.cache, page)
    build.hits.discard(page.path)
    build.loaded = None
    build.collect = []
    return build.collect


def serve(root: Path, addr: str) -> None:
    """Live-reloading server; rebuilds through the hook on every change under ``watch:``."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s %(message)s")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.chdir(root)  # MkDocs resolves watch: paths against the working directory
    mkdocs_serve(config_file=str(root / "mkdocs.yml"), dev_addr=addr, livereload=True)

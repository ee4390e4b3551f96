"""Serve's rebuilds: change in place only the files of the served site that an edit affects.

After a full build under ``serve``, serving.py keeps that build (engine.SiteBuild: its
MkDocs session, its pages) in a ``State``. On a change the pipeline runs again with
render reuse (only pages whose fingerprint in the page graph moved are rendered, see
render/inputs.py);
``update_pages`` wraps just those pages in the theme with MkDocs's own page builder
(through the session), ``write_index`` has Pagefind index the pages again, and
``write_outputs`` rewrites any export or print file whose text changed. Everything
else on disk stays.

Pages added or removed (an article drafted from a new seed, a briefing deleted) are
placed where a full build would put them, and the sitemap is written again, as it is
when the newest date (its "last modified") moves; the navigation lists no briefing
page, so it stays as it is. A change to mkdocs.yml, static/ or the theme falls back to
a full build (:class:`NeedsFullBuild`). The result is byte-identical to a full build of
the same inputs; tests/test_live.py checks that over random edits.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .atomic import write_bytes
from .dates import PartialDate
from .engine import SiteBuild
from .kept_pages import bytes_key
from .mkdocs_session import Unsupported
from .render import Page, RenderedSite
from .site_search import index_site


class NeedsFullBuild(Exception):
    """The change reaches something only a full build writes."""


@dataclass
class State:
    """What a full build under serve left behind for in-place updates."""

    site_dir: Path
    build: SiteBuild  # the full build: MkDocs's setup, our pages and their cache keys
    engine: str  # fingerprint of mkdocs.yml, static/, theme overrides and this code
    pages: dict[str, Page]  # ours, by source path, in build order
    as_of: PartialDate | None
    # other generated files (exports, print view) → text_key of their text: the texts
    # themselves were every feed and export held a second time (180 MB at 10,000
    # articles), beside the export memos that make them
    outputs: dict[str, str]


def update_pages(state: State, rendered: RenderedSite, engine: str) -> int:
    """Bring the served pages up to ``rendered``; the number of pages written or removed.

    The search index and the other files follow with ``write_index`` and
    ``write_outputs``.
    """
    if engine != state.engine:
        raise NeedsFullBuild("mkdocs.yml, static/ or the theme changed")
    session = state.build.session
    try:
        paths = [p.path for p in rendered.pages]
        removed = _relayout(state, paths) if list(state.pages) != paths else None
        dated = rendered.as_of != state.as_of
        if dated:
            state.as_of = rendered.as_of
            session.redate_pages()
        changed = [p for p in rendered.pages if state.pages.get(p.path) is not p]
        for page in changed:
            state.build.rewrap(page)
            session.wrap_page(page.path, populate=True)
        state.pages = {page.path: page for page in rendered.pages}
        if removed is not None or dated:
            session.write_sitemap()
    except Unsupported as exc:
        raise NeedsFullBuild(str(exc)) from None
    return len(changed) + len(removed or ())


def _relayout(state: State, paths: list[str]) -> list[str]:
    """Give pages that came their files, in a full build's order; delete pages that went."""
    gone = state.build.session.relayout(paths, set(state.pages))
    for dest in gone:
        (state.site_dir / dest).unlink(missing_ok=True)
    wanted = set(paths)
    return [path for path in state.pages if path not in wanted]


def write_index(state: State) -> None:
    """Index the shards of the served pages that changed (about a second per thousand
    pages each, in the background); the index is swapped in whole."""
    build = state.build
    index_site(state.site_dir, build.search_pages(state.pages.values()), build.cache.search_dir)


def write_outputs(state: State, outputs: list[tuple[str, str]]) -> None:
    """Rewrite each generated file (feed, export, print view) whose text changed."""
    for path, text in outputs:
        data = text.encode("utf-8")  # once: the JSON export alone is 40 MB at scale
        key = bytes_key(data)
        if state.outputs.get(path) != key:
            write_bytes(state.site_dir / path, data)
            state.outputs[path] = key


def drop_outputs(state: State, keep: set[str]) -> None:
    """Delete the generated files a full build would no longer write (a removed company's feed)."""
    for path in [p for p in state.outputs if p not in keep]:
        (state.site_dir / path).unlink(missing_ok=True)
        del state.outputs[path]

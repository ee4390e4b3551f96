"""Serve's rebuilds: change in place only the files of the served site that an edit affects.

After a full build under ``serve``, serving.py keeps what MkDocs set up (config, files,
navigation, theme environment) and each page's search entries (``State``). On a change
the pipeline runs again with render reuse (only pages whose reads changed are rendered,
see render/trace.py); ``update_pages`` wraps just those pages in the theme with MkDocs's
own page builder, ``write_index`` rewrites the search index from the kept entries, and
``write_outputs`` any export or print file whose text changed. Everything else on disk
stays.

Pages added or removed (an article drafted from a new seed, a briefing deleted) are
placed where a full build would put them, and the sitemap is written again, as it is
when the newest date (its "last modified") moves; the navigation lists no briefing
page, so it stays as it is. A change to mkdocs.yml, static/ or the theme falls back to
a full build (:class:`NeedsFullBuild`). The result is byte-identical to a full build of
the same inputs; tests/test_live.py checks that over random edits.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.commands.build import _build_page, _build_theme_template, _populate_page
from mkdocs.structure.files import File, Files, set_exclusions
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils import get_build_date

from .atomic import write_bytes
from .render import Page, RenderedSite


class NeedsFullBuild(Exception):
    """The change reaches something only a full build writes."""


@dataclass
class State:
    """What a full build under serve left behind for in-place updates."""

    site_dir: Path
    config: Any  # MkDocs config after every plugin's on_config
    files: Any  # MkDocs Files of the whole site
    nav: Any
    env: Any  # the theme's Jinja environment after on_env
    engine: str  # fingerprint of mkdocs.yml, static/, theme overrides and this code
    pages: dict[str, Page]  # ours, by source path, in build order
    as_of: Any
    order: list[str]  # every indexed page, in the order MkDocs indexed them
    entries: dict[str, str]  # page → its search entries as JSON array items
    outputs: dict[str, str]  # other generated files (exports, print view) → text
    index_head: str  # the search index up to its list of entries


def entries_json(entries: list[Any]) -> str:
    # The search plugin writes its index with these settings; items joined with ","
    # are then exactly what it writes for the whole list.
    return ",".join(json.dumps(e, separators=(",", ":"), default=str) for e in entries)


INDEX = "search/search_index.json"
DOCS = ',"docs":['


def search_index(state: State) -> str:
    docs = ",".join(state.entries[p] for p in state.order if state.entries.get(p))
    return f"{state.index_head}{docs}]}}"


def update_pages(
    state: State, rendered: RenderedSite, engine: str, rewrap: Callable[[Page], list[Any]]
) -> int:
    """Bring the served pages up to ``rendered``; the number of pages written or removed.

    ``rewrap(page)`` prepares the hook for one changed page and returns the list the
    search plugin will fill for it while MkDocs builds the page. The search index and
    the other files follow with ``write_index`` and ``write_outputs``.
    """
    if engine != state.engine:
        raise NeedsFullBuild("mkdocs.yml, static/ or the theme changed")
    removed = _relayout(state, rendered) if list(state.pages) != _paths(rendered) else None
    dated = rendered.as_of != state.as_of
    if dated:  # MkDocs dates every page (the sitemap prints it) when it creates it
        state.as_of = rendered.as_of
        for file in state.files.documentation_pages():
            if file.page is not None:
                file.page.update_date = get_build_date()
    changed = [p for p in rendered.pages if state.pages.get(p.path) is not p]
    doc_files = state.files.documentation_pages() if changed else []
    for page in changed:
        file = state.files.get_file_from_path(page.path)
        collected = rewrap(page)
        _populate_page(file.page, state.config, state.files)
        _build_page(file.page, state.config, doc_files, state.nav, state.env)
        state.entries[page.path] = entries_json(collected)
        state.pages[page.path] = page
    if removed is not None or dated:
        state.order = [
            f.src_uri for f in state.files.documentation_pages() if f.src_uri in state.entries
        ]
        _build_theme_template("sitemap.xml", state.env, state.files, state.config, state.nav)
    return len(changed) + len(removed or ())


def _paths(rendered: RenderedSite) -> list[str]:
    return [p.path for p in rendered.pages]


def _relayout(state: State, rendered: RenderedSite) -> list[str]:
    """Give pages that came their files, in a full build's order; delete pages that went.

    A full build lists MkDocs's own files, then every page of ours in render order, then
    the other generated files (engine.on_files); the sitemap and the search index
    follow this order.
    """
    paths = _paths(rendered)
    wanted = set(paths)
    removed = [path for path in state.pages if path not in wanted]
    ours = {f.src_uri: f for f in state.files if f.src_uri in state.pages}
    added = [path for path in paths if path not in ours]
    fresh = Files([File.generated(state.config, path, content="") for path in added])
    set_exclusions(fresh, state.config)  # as MkDocs does for files plugins add
    for file in fresh:
        ours[file.src_uri] = file
        MkDocsPage(None, file, state.config)  # not in the navigation, as in a full build
    listed: list[File] = []
    placed = False
    for file in state.files:
        if file.src_uri not in state.pages:
            listed.append(file)
        elif not placed:  # where the old pages began, the new ones in render order
            listed += [ours[path] for path in paths]
            placed = True
    state.files = Files(listed)
    for path in removed:
        (state.site_dir / ours[path].dest_uri).unlink(missing_ok=True)
        state.entries.pop(path, None)
    state.pages = {path: state.pages.get(path) for path in paths}  # type: ignore[misc]
    return removed


def write_index(state: State) -> None:
    _write(state, INDEX, search_index(state))


def write_outputs(state: State, outputs: list[tuple[str, str]]) -> None:
    """Rewrite each generated file (feed, export, print view) whose text changed."""
    for path, text in outputs:
        if state.outputs.get(path) != text:
            _write(state, path, text)
            state.outputs[path] = text


def drop_outputs(state: State, keep: set[str]) -> None:
    """Delete the generated files a full build would no longer write (a removed company's feed)."""
    for path in [p for p in state.outputs if p not in keep]:
        (state.site_dir / path).unlink(missing_ok=True)
        del state.outputs[path]


def _write(state: State, path: str, text: str) -> None:
    write_bytes(state.site_dir / path, text.encode("utf-8"))

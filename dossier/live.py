"""Serve's rebuilds: change in place only the files of the served site that an edit affects.

After a full build under ``serve``, serving.py keeps what MkDocs set up (config, files,
navigation, theme environment) and each page's search entries (``State``). On a change
the pipeline runs again with render reuse (only pages whose reads changed are rendered,
see render/trace.py); ``update_pages`` wraps just those pages in the theme with MkDocs's
own page builder, ``write_index`` rewrites the search index from the kept entries, and
``write_outputs`` any export or print file whose text changed. Everything else on disk
stays.

What this cannot do in place falls back to a full build (:class:`NeedsFullBuild`):
a page added or removed (navigation, sitemap), a new "as of" date (the sitemap's
dates), or a change to mkdocs.yml, static/ or the theme. The result is byte-identical
to a full build of the same inputs; tests/test_live.py checks that over random edits.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.commands.build import _build_page, _populate_page

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
    """Bring the served pages up to ``rendered``; the number of pages wrapped again.

    ``rewrap(page)`` prepares the hook for one changed page and returns the list the
    search plugin will fill for it while MkDocs builds the page. The search index and
    the other files follow with ``write_index`` and ``write_outputs``.
    """
    if engine != state.engine:
        raise NeedsFullBuild("mkdocs.yml, static/ or the theme changed")
    if [p.path for p in rendered.pages] != list(state.pages):
        raise NeedsFullBuild("pages were added or removed")
    if rendered.as_of != state.as_of:
        raise NeedsFullBuild("the corpus's newest date changed")
    changed = [p for p in rendered.pages if state.pages[p.path] is not p]
    doc_files = state.files.documentation_pages() if changed else []
    for page in changed:
        file = state.files.get_file_from_path(page.path)
        collected = rewrap(page)
        _populate_page(file.page, state.config, state.files)
        _build_page(file.page, state.config, doc_files, state.nav, state.env)
        state.entries[page.path] = entries_json(collected)
        state.pages[page.path] = page
    return len(changed)


def write_index(state: State) -> None:
    _write(state, INDEX, search_index(state))


def write_outputs(state: State, outputs: list[tuple[str, str]]) -> None:
    """Rewrite each generated file (feed, export, print view) whose text changed."""
    for path, text in outputs:
        if state.outputs.get(path) != text:
            _write(state, path, text)
            state.outputs[path] = text


def _write(state: State, path: str, text: str) -> None:
    write_bytes(state.site_dir / path, text.encode("utf-8"))

"""MkDocs hook: feeds MkDocs the pages Dossier rendered from briefings/.

mkdocs.yml names this file in ``hooks:``, so plain ``mkdocs serve`` and ``mkdocs
build`` show the same site as ``python build.py``. MkDocs loads hooks by path (again at
every load of mkdocs.yml) and calls their functions; each one hands its event to the
build in progress (engine.HOOKS), so this file holds no state.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from dossier import mkdocs_session, serving
from dossier.engine import HOOKS
from dossier.errors import DossierError
from dossier.pipeline import draft, prepare
from dossier.render import RenderedSite


def _render_from_disk(root: Path) -> RenderedSite:
    """Plain `mkdocs build`: the site of the corpus on disk, or the build stops."""
    try:
        # New seeds are drafted first, as `build.py` does: plain `mkdocs build` must
        # never show a site that silently leaves a seed out.
        for line in draft(root):
            print(line, file=sys.stderr)
        return prepare(root)
    except DossierError as exc:
        mkdocs_session.abort(f"Dossier: the corpus has problems:\n{exc}")


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":
        serving.start(HOOKS)


def on_files(files: Any, config: Any) -> Any:
    # (Not at import: MkDocs runs this file again each time it loads mkdocs.yml, and
    # must not undo what serve set up.)
    if HOOKS.render is None:
        HOOKS.render = _render_from_disk
    return HOOKS.on_files(files, config)


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    return HOOKS.current().on_nav(nav)


def on_env(env: Any, config: Any, files: Any) -> Any:
    return HOOKS.current().on_env(env, files)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    return HOOKS.current().on_page_markdown(markdown, page)


def on_page_content(content: str, page: Any, config: Any, files: Any) -> str:
    return HOOKS.current().on_page_content(content, page)


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    return HOOKS.current().on_page_context(context, page)


def on_post_page(output: str, page: Any, config: Any) -> str:
    return HOOKS.current().on_post_page(output, page)


def on_post_build(config: Any) -> None:
    HOOKS.on_post_build()


on_serve = serving.on_serve

"""The parts of the theme that many pages share, rendered once for all of them.

Material renders its whole navigation sidebar, its tabs, its header and a JSON
configuration into every page. For a page the navigation does not list (every
article, company and deal page: the navigation holds only sections and indexes), the
navigation, the tabs and the configuration come out the same for every page of the
same folder: their links are relative to the folder, nothing in them is active, and
nothing else of the page goes in. The header differs only by the page's title, and
the table of contents only by the page's headings, which most pages of a kind share.
Rendering each once per key instead of once per page takes more than half of the
theme's work off a cold build (benchmarks/README.md, "A cold build at 0.62–0.70×
plain MkDocs").

What a part depends on is the key of its memo: the page's folder, and the title, link
and active state of every item of the navigation; for the header, the folder, its
title put in afterwards; for the table of contents, the headings. A page the
navigation lists gets its navigation rendered as before (its own item is active and
carries its table of contents). The memo holds only while the parts are the theme's
own: when the site's theme folder (mkdocs.yml's ``custom_dir``) overrides one of them,
or sets variables they could read, nothing is shared.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes

# The theme's templates that render the shared parts, and those they include.
_PARTS = ("partials/nav.html", "partials/tabs.html")
_TOC = "partials/toc.html"
_HEADER = "partials/header.html"
# Stands for the title while a header is rendered for every page of a folder: no title
# holds it (a NUL never reaches a page: the loader refuses control characters).
_TITLE = "\x00dossier-page-title\x00"
_BASE = "base.html"
# Blocks of base.html that print only the site's settings and links from the page's
# folder: the JSON configuration, the style sheets, the scripts.
_BY_FOLDER = ("config", "styles", "scripts")
_TOP = "partials/top.html"
_READ_BY_PARTS = (
    "base.html",
    "partials/nav.html",
    "partials/nav-item.html",
    "partials/tabs.html",
    "partials/tabs-item.html",
    "partials/logo.html",
    "partials/source.html",
    "partials/toc.html",
    "partials/toc-item.html",
    "partials/language.html",
    "partials/languages/",
    "partials/header.html",
    "partials/icons.html",
    "partials/top.html",
    "partials/palette.html",
    "partials/javascripts/palette.html",
    "partials/alternate.html",
    ".icons/",
)

Render = Callable[[Any], Iterator[str]]


def share_theme_parts(env: jinja2.Environment, custom_dir: Path | None) -> bool:
    """Render the shared parts of ``env``'s pages (navigation, tabs, settings, style
    sheets, scripts, back-to-top button, header, table of contents) once per key (see
    the module's docstring); False, and nothing changed, where the site's theme folder
    could make them differ between pages that share a key."""
    if custom_dir is not None and not _parts_are_the_themes(env, custom_dir):
        return False
    try:
        templates = [env.get_template(name) for name in _PARTS]
        base, toc, header, top = (env.get_template(name) for name in (_BASE, _TOC, _HEADER, _TOP))
    except jinja2.TemplateError:
        return False
    if any(block not in base.blocks for block in _BY_FOLDER):
        return False
    for template in templates:
        template.root_render_func = _memoized(template.root_render_func, _nav_key)
    for block in _BY_FOLDER:
        base.blocks[block] = _memoized(base.blocks[block], _folder_key)
    top.root_render_func = _memoized(top.root_render_func, _folder_key)
    toc.root_render_func = _memoized(toc.root_render_func, _toc_key)
    header.root_render_func = _titled(header.root_render_func)
    return True


def _parts_are_the_themes(env: jinja2.Environment, custom_dir: Path) -> bool:
    """Whether no template of ``custom_dir`` replaces a shared part or one it includes,
    and none sets a variable at its top (which a part, rendered with the page's
    variables, could read)."""
    for path in custom_dir.rglob("*"):
        if not path.is_file():
            continue
        name = path.relative_to(custom_dir).as_posix()
        if name.startswith(_READ_BY_PARTS):
            return False
        if not name.endswith(".html"):
            continue
        try:
            tree = env.parse(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, jinja2.TemplateSyntaxError):
            return False  # the build reports it; sharing is not worth guessing here
        if any(isinstance(node, nodes.Assign | nodes.AssignBlock) for node in tree.body):
            return False
    return True


def _memoized(render: Render, key_of: Callable[[Any], tuple[Any, ...] | None]) -> Render:
    memo: dict[tuple[Any, ...], str] = {}

    def shared(context: Any) -> Iterator[str]:
        key = key_of(context)
        if key is None:
            yield from render(context)
            return
        text = memo.get(key)
        if text is None:
            text = memo[key] = "".join(render(context))
        yield text

    return shared


def _titled(render: Render) -> Render:
    """The header, rendered once per folder with a stand-in for the title, which is then
    put in its place: where the stand-in is not printed once, as it is, the header is
    rendered for each page."""
    memo: dict[tuple[Any, ...], str | None] = {}

    def shared(context: Any) -> Iterator[str]:
        key = _folder_key(context)
        meta = getattr(context.get("page"), "meta", None)
        title = meta.get("title") if isinstance(meta, dict) else None
        if key is None or not isinstance(meta, dict) or not isinstance(title, str) or not title:
            yield from render(context)
            return
        if key not in memo:
            meta["title"] = _TITLE
            try:
                made = "".join(render(context))
            finally:
                meta["title"] = title
            memo[key] = made if made.count(_TITLE) == 1 else None
        text = memo[key]
        if text is None:
            yield from render(context)
        else:
            yield text.replace(_TITLE, title)

    return shared


def _folder(context: Any) -> str | None:
    page = context.get("page")
    url = getattr(page, "url", None)
    if not isinstance(url, str):
        return None
    # A link from the page is relative to its folder ("articles/" for "articles/x.html";
    # with directory URLs "articles/x/" is a folder of its own).
    return url if url.endswith("/") else posixpath.dirname(url)


def _folder_key(context: Any) -> tuple[Any, ...] | None:
    folder = _folder(context)
    return None if folder is None else (folder, context.get("base_url"))


def _nav_key(context: Any) -> tuple[Any, ...] | None:
    folder, nav, page = _folder(context), context.get("nav"), context.get("page")
    if folder is None or nav is None:
        return None
    items: list[tuple[Any, ...]] = []
    for item in _walk(getattr(nav, "items", ())):
        if item is page:
            return None  # its own item is active and holds its table of contents
        items.append((item.title, getattr(item, "url", None), bool(item.active)))
    return (folder, context.get("base_url"), tuple(items))


def _toc_key(context: Any) -> tuple[Any, ...] | None:
    toc = getattr(context.get("page"), "toc", None)
    if toc is None:
        return None
    try:
        return _headings(toc)
    except (AttributeError, TypeError):  # not MkDocs's own table of contents
        return None


def _headings(items: Any) -> tuple[Any, ...]:
    found = []
    for item in items:
        if getattr(item, "typeset", None) is not None:
            raise TypeError("a heading the typeset plugin renders")
        found.append((item.url, item.title, item.level, _headings(item.children)))
    return tuple(found)


def _walk(items: Any) -> Iterator[Any]:
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or ())

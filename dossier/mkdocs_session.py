"""MkDocs, the site engine, behind one object: the only module that imports it.

``MkDocsSession`` owns what one build set up (configuration, file list, navigation,
theme environment); engine.py drives full builds through it and serving.py
updates a served site in place with it. Moving to ProperDocs (a drop-in MkDocs fork)
or Zensical (which reads mkdocs.yml) means changing this file, and site_hook.py's
list of events.

Updating single pages needs three private functions of ``mkdocs.commands.build``
(``_populate_page``, ``_build_page``, ``_build_theme_template``): they are taken in
``_private`` only, after checking that the installed MkDocs is one they were read from.
With another version, serve falls back to full builds (and says why) and builds do not
share the theme work between processes; nothing else changes.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import jinja2
import mkdocs
from mkdocs.commands.build import build as _mkdocs_build
from mkdocs.config import load_config as _load_config
from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.structure.files import File, Files, set_exclusions
from mkdocs.structure.pages import Page as _Page
from mkdocs.structure.toc import TableOfContents, get_toc
from mkdocs.utils import get_build_date

from .errors import SiteBuildError

# Versions whose private page builders were read and tested (pyproject pins 1.6.1).
SUPPORTED = ("1.6.",)
Heading = tuple[int, str, str]  # level, id, HTML of a heading, as the page has it


class Unsupported(Exception):
    """The installed MkDocs is not one whose private page builders Dossier knows."""


def _private() -> tuple[Callable[..., None], Callable[..., None], Callable[..., None]]:
    """MkDocs's page and theme-template builders, if this MkDocs is a known version."""
    if not mkdocs.__version__.startswith(SUPPORTED):
        raise Unsupported(
            f"MkDocs {mkdocs.__version__} is installed; page-by-page updates were written "
            f"for MkDocs {', '.join(v + 'x' for v in SUPPORTED)}"
        )
    from mkdocs.commands import build as commands

    return commands._populate_page, commands._build_page, commands._build_theme_template


def load_config(config_file: Path, site_dir: Path, site_url: str | None = None) -> Any:
    config = _load_config(str(config_file), site_dir=str(site_dir))
    if site_url is not None:
        config.site_url = site_url
    return config


class KeptFile(File):
    """A page whose output the build takes from the last site (pagecache.py): MkDocs
    reads, renders and writes it no more than an unmodified page of a ``--dirty`` build;
    it is still in the file list, so the navigation and the sitemap list it as before."""

    def is_modified(self) -> bool:
        return False


class LinkedFile(File):
    """A generated file (an export, a feed) whose text is the very file the last site
    holds (pagecache.py): linked from there rather than written again (at 10,000
    articles, 190 MB of feeds and exports, about 100 MB unchanged by an edit)."""

    kept: str  # the last site's file
    linked = False  # whether it was linked (else written)
    make: Callable[[], str] | None = None  # its text, when it was not made beforehand

    def copy_file(self, dirty: bool = False) -> None:
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        try:
            os.link(self.kept, self.abs_dest_path)
            self.linked = True
        except OSError:  # gone meanwhile, or no hard links here: written as any other
            if self.make is not None:
                self.content_string = self.make()
            super().copy_file(dirty=False)


class _NoDirtyNotice(logging.Filter):
    """MkDocs warns that a ``--dirty`` build may leave stale navigation and links. Here it
    builds into an empty folder and skips only kept pages, so that cannot happen; the
    warning would stop a strict build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


def run_build(config: Any, serve_url: str | None = None, skip_kept: bool = False) -> None:
    """A full MkDocs build; its errors become SiteBuildError. With ``skip_kept`` (into an
    empty folder only) pages made as ``KeptFile`` are neither rendered nor written."""
    logger = logging.getLogger("mkdocs.commands.build")
    notice = _NoDirtyNotice()
    dirty = skip_kept and _private_ok()
    if dirty:
        if any(Path(config.site_dir).iterdir()):
            raise SiteBuildError(f"{config.site_dir}: not empty; cannot build only some pages")
        logger.addFilter(notice)
    try:
        _mkdocs_build(config, serve_url=serve_url, dirty=dirty)
    except MkDocsException as exc:
        raise SiteBuildError(str(exc)) from None
    finally:
        logger.removeFilter(notice)


def _private_ok() -> bool:
    """Whether this MkDocs is one whose build loop was read (its ``--dirty`` skips
    exactly the pages whose file is not modified, and nothing else in an empty folder)."""
    return mkdocs.__version__.startswith(SUPPORTED)


def abort(message: str) -> NoReturn:
    """Stop the build MkDocs is running (a plain `mkdocs build`) with ``message``."""
    raise PluginError(message)


def generated_files(config: Any, items: Iterable[tuple[str, str]]) -> list[Any]:
    """Files made in memory (path in the site, text), excluded as MkDocs excludes files
    that plugins add."""
    added = [File.generated(config, path, content=text) for path, text in items]
    set_exclusions(added, config)
    return added


def page_toc(headings: Sequence[Heading]) -> TableOfContents:
    return get_toc(
        [
            {
                "level": level,
                "id": id_,
                "name": text,
                "html": text,
                "data-toc-label": "",
                "children": [],
            }  # type: ignore[typeddict-unknown-key]  # keys the theme's toc reads
            for level, id_, text in headings
        ]
    )


def with_template(
    env: jinja2.Environment,
    name: str,
    source: str,
    around: Callable[[jinja2.BaseLoader], jinja2.BaseLoader],
) -> None:
    """Add a template to the theme's environment, ahead of the theme's own, which are
    read through ``around(the theme's loader)``."""
    assert env.loader is not None  # MkDocs's theme environment always has one
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({name: source}), around(env.loader)])


def cache_compiled(env: jinja2.Environment, folder: Path) -> None:
    """Keep the theme's compiled templates in ``folder`` between processes; Jinja checks
    each against its source. (Compiling them took a quarter of a second of every build
    that wraps a page.) ``folder`` must be named by whatever else shapes the compiling."""
    with contextlib.suppress(OSError):  # without it, the templates are compiled as before
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = _CompiledTemplates(str(folder))


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """The folder may go at any time (.dossier/ deleted under serve, another setup's
    build pruning it): a template that cannot be stored is compiled again next time,
    where Jinja's own cache would stop the build. (Reading one that is gone is a miss.)"""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def serve(config_file: Path, addr: str) -> None:
    from mkdocs.commands.serve import serve as mkdocs_serve

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    mkdocs_serve(config_file=str(config_file), dev_addr=addr, livereload=True)


@dataclass
class MkDocsSession:
    """What one MkDocs build set up, gathered from its events as they come."""

    config: Any
    files: Any = None  # Files of the whole site, from on_files
    nav: Any = None  # from on_nav
    env: jinja2.Environment | None = None  # the theme's, from on_env
    _pages_of: Any = None  # the file list _pages was made from
    _pages: Sequence[Any] = ()

    @property
    def site_url(self) -> str:
        return str(self.config.site_url or "")

    @property
    def theme_dir(self) -> Path | None:
        """The theme override folder (mkdocs.yml's custom_dir), if any."""
        custom = getattr(self.config.theme, "_custom_dir", None)
        return Path(custom) if custom else None

    def add_pages(
        self, files: Any, paths: Iterable[str], kept: Callable[[str, str], bool] = lambda *_: False
    ) -> None:
        """Pages made in memory; their content comes from the hook's events.
        ``kept(path, dest)``: the page's file is taken from the last site (``KeptFile``)."""
        known = _private_ok()
        for path in paths:
            file = File.generated(self.config, path, content="")
            if known and kept(path, file.dest_uri):
                file.__class__ = KeptFile  # the same file; only is_modified differs
            files.append(file)

    def linked_files(self) -> list[str]:
        """The generated files linked from the last site (``LinkedFile``), by site path."""
        return [f.dest_uri for f in self.files if isinstance(f, LinkedFile) and f.linked]

    def kept_pages(self) -> list[Any]:
        """The pages MkDocs does not build (``KeptFile``), as (source path, page)."""
        return [(f.src_uri, f.page) for f in self.files if isinstance(f, KeptFile)]

    def add_files(
        self,
        files: Any,
        items: Iterable[tuple[str, str]],
        kept: Callable[[str, str], Path | None] = lambda dest, text: None,
        unmade: Mapping[str, Callable[[], str]] | None = None,
    ) -> None:
        """Files made in memory (path, text); ``kept(dest, text)``: the last site's file
        that holds the very text, to link (``LinkedFile``), or None. ``unmade``: files
        whose text (empty here) is made only if linking the last site's fails."""
        listed = list(items)
        texts = dict(listed)
        for file in generated_files(self.config, listed):
            found = kept(file.dest_uri, texts[file.src_uri])
            make = (unmade or {}).get(file.src_uri)
            if found is not None:
                file.__class__ = LinkedFile  # the same file; only how it is written differs
                file.kept = os.fspath(found)
                file.make = make
            elif make is not None:  # the last site's file went since it was found
                file.content_string = make()
            files.append(file)

    def release_outputs(self) -> None:
        """Let go of the texts of the generated files once the build wrote them.

        Serve keeps this session for in-place updates, which write those files
        themselves (serving.py) and never through MkDocs; held here, every feed and export
        of the first build stayed in memory beside the newer ones (180 MB at 10,000
        articles).
        """
        for file in self.files:
            if file.generated_by is not None and not file.is_documentation_page():
                file.content_bytes = b""

    def page_order(self) -> list[str]:
        """The pages MkDocs builds, in its order."""
        pages = self.files.documentation_pages()
        return [file.src_uri for file in pages if not isinstance(file, KeptFile)]

    def dest_of(self, path: str) -> str:
        """The file a page (by source path) is written to, relative to the site."""
        # By the files' own table: get_file_from_path makes a PurePath of each path
        # (after an edit at 10,000 articles, 23,000 of them, a tenth of a second).
        return str(self.files.src_uris[path].dest_uri)

    def page(self, path: str) -> Any:
        return self.files.get_file_from_path(path).page

    def wrap_page(self, path: str, populate: bool) -> None:
        """Build one page as a full build does (theme, written to disk);
        ``populate`` runs MkDocs's markdown step first (the hook's events for the page)."""
        populate_page, build_page, _ = _private()
        page = self.page(path)
        if populate:
            populate_page(page, self.config, self.files)
        build_page(page, self.config, self._documentation_pages(), self.nav, self.env)

    def _documentation_pages(self) -> Sequence[Any]:
        """The site's pages, as MkDocs gives each page's template: listed once per file
        list, not once per page (a theme worker wrapping pages one by one spent most of
        its time listing the 11,541 pages of a 10,000-article site again for each)."""
        if self._pages_of is not self.files:
            self._pages_of, self._pages = self.files, self.files.documentation_pages()
        return self._pages

    def write_sitemap(self) -> None:
        _, _, build_theme_template = _private()
        build_theme_template("sitemap.xml", self.env, self.files, self.config, self.nav)

    def redate_pages(self) -> None:
        """MkDocs dates every page (the sitemap prints it) when it creates it."""
        for file in self.files.documentation_pages():
            if file.page is not None:
                file.page.update_date = get_build_date()

    def relayout(self, pages: list[str], old: set[str]) -> list[str]:
        """Put ``pages`` (ours, in render order) where a full build lists them, replacing
        ``old``; returns the site paths (dest) of the pages that went.

        A full build lists MkDocs's own files, then every page of ours in render order,
        then the other generated files (see engine.py); the sitemap follows this order.
        New pages are not in the navigation, as in a full build.
        """
        ours = {f.src_uri: f for f in self.files if f.src_uri in old}
        wanted = set(pages)
        gone = [ours[path].dest_uri for path in old if path not in wanted and path in ours]
        for file in generated_files(self.config, [(p, "") for p in pages if p not in ours]):
            ours[file.src_uri] = file
            _Page(None, file, self.config)
        listed: list[Any] = []
        placed = False
        for file in self.files:
            if file.src_uri not in old:
                listed.append(file)
            elif not placed:  # where the old pages began, the new ones in render order
                listed += [ours[path] for path in pages]
                placed = True
        if not placed:
            listed += [ours[path] for path in pages]
        self.files = Files(listed)
        return gone

"""The only module that knows the site engine (MkDocs 1.6 with the Material theme).

Moving to ProperDocs (a drop-in MkDocs fork) or Zensical (which reads mkdocs.yml)
means changing this file and site_hook.py, nothing else.

A build goes into a temporary directory beside ``site/`` and replaces it only when
MkDocs finished without a single warning, so a failed build leaves the previous
site exactly as it was.
"""

from __future__ import annotations

import calendar
import contextlib
import html
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from .atomic import recover, swap_dir
from .dates import PartialDate
from .errors import SiteBuildError
from .exports import export_files
from .render import Page, RenderedSite
from .schema import SCHEMA_FILES, schema_text

_current: RenderedSite | None = None  # handed from build_site to the hook below
_pages: dict[str, Page] = {}


def build_site(root: Path, rendered: RenderedSite, site_dir: Path) -> None:
    """Build ``rendered`` into ``site_dir`` atomically, or raise SiteBuildError."""
    global _current
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
            _current = rendered
            try:
                mkdocs_build(config)
            except MkDocsException as exc:
                raise SiteBuildError(_explain(warnings, str(exc))) from None
            finally:
                _current = None
        if warnings:
            raise SiteBuildError(_explain(warnings, "the site engine reported problems"))
        swap_dir(tmp, site_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


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


def on_files(files: Files, config: Any) -> Files:
    rendered = _current
    if rendered is None:  # plain `mkdocs build` / `mkdocs serve`: render from disk here
        rendered = _render_for_mkdocs(Path(config.config_file_path).parent)
    _pages.clear()
    for page in rendered.pages:
        _pages[page.path] = page
        files.append(File.generated(config, page.path, content=""))
    for path, text in rendered.files:  # complete HTML pages such as the print view
        files.append(File.generated(config, path, content=text))
    for name in SCHEMA_FILES:
        files.append(
            File.generated(config, f"schemas/{name}.schema.json", content=schema_text(name))
        )
    for path, text in export_files(rendered.views, config.site_url or None):
        files.append(File.generated(config, path, content=text))  # feeds, data, graph
    return files


def _render_for_mkdocs(root: Path) -> RenderedSite:
    from mkdocs.exceptions import PluginError

    from .errors import DossierError
    from .pipeline import prepare

    try:
        return prepare(root)
    except DossierError as exc:
        raise PluginError(f"Dossier: the corpus has problems:\n{exc}") from None


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    ours = _pages.get(page.file.src_uri)
    if ours is None:
        return markdown
    # The theme prints page.title and the description without escaping them.
    page.meta["title"] = html.escape(ours.title)
    page.meta["description"] = html.escape(ours.description)
    return ""


def on_page_content(content: str, page: Any, config: Any, files: Files) -> str:
    ours = _pages.get(page.file.src_uri)
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
    return ours.html


def serve(root: Path, addr: str) -> None:
    """Live-reloading server; rebuilds through the hook on every change under ``watch:``."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s %(message)s")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.chdir(root)  # MkDocs resolves watch: paths against the working directory
    mkdocs_serve(config_file=str(root / "mkdocs.yml"), dev_addr=addr, livereload=True)

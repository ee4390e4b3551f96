"""The site's search: a Pagefind index of the built pages, in ``pagefind/``.

Pagefind (the ``pagefind[extended]`` package ships its binary) reads the built HTML
and writes an index split into fragments: a reader's browser loads only the few a
query needs, where one JSON of the whole corpus grew to tens of megabytes. The index
is a pure function of the pages, so a build stays byte-identical; Pagefind needs no
network.

What is indexed is marked on the page: ``searchable`` wraps a page's own content in
``data-pagefind-body`` (pages without it, the indexes and the print view, are left
out), and gives the result its title and a preview from the page's summary. The
templates weight a company's name and aliases and a deal's title
(``data-pagefind-weight``), so the page about a thing ranks first for its name, and
mark the review line ``data-pagefind-ignore``.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from pathlib import Path

from .atomic import dir_mode, swap_dir
from .errors import SiteBuildError

FOLDER = "pagefind"  # in the site, beside the pages
_INSTALL = "install Dossier's dependencies again: pip install -e ."


def searchable(body: str, title: str, summary: str) -> str:
    """A page's HTML marked as search content, with its result title and preview.

    The title and preview go in attributes (Pagefind reads meta values from them), so
    they are exactly the page's text: no markup of the body leaks into a result.
    """
    meta = (
        '<span hidden data-pagefind-meta="title[data-title], summary[data-summary]" '
        f'data-title="{html.escape(title)}" data-summary="{html.escape(summary)}"></span>'
    )
    return f"<div data-pagefind-body>{meta}\n{body}</div>"


def _binary() -> str:
    try:
        from pagefind.service import get_executable
    except ImportError:
        raise SiteBuildError(f"search: the pagefind package is not installed; {_INSTALL}") from None
    found = get_executable()
    if found is None:
        raise SiteBuildError(f"search: the Pagefind program was not found; {_INSTALL}")
    return str(found)


def index_site(site_dir: Path) -> None:
    """Write the search index of the pages in ``site_dir`` to ``site_dir/pagefind``.

    The index is written to a temporary folder and swapped in whole, so a reader searching
    while serve updates it never meets half an index; on failure the old one stays.
    """
    # Inside the site, so that a build killed meanwhile leaves nothing outside the
    # temporary site folder it was writing (which the next build clears).
    work = Path(tempfile.mkdtemp(prefix=f".{FOLDER}.tmp-", dir=site_dir))
    work.chmod(dir_mode())
    try:
        try:
            done = subprocess.run(
                [_binary(), "--site", str(site_dir), "--output-path", str(work), "--silent"],
                capture_output=True,
                text=True,
                check=False,
            )
        except OSError as exc:
            raise SiteBuildError(f"search: Pagefind could not run ({exc}); {_INSTALL}") from None
        if done.returncode != 0:
            said = (done.stderr or done.stdout).strip()
            raise SiteBuildError(f"search: Pagefind could not index the site:\n  {said}")
        swap_dir(work, site_dir / FOLDER)
    finally:
        shutil.rmtree(work, ignore_errors=True)

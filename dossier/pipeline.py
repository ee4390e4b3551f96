"""The stages, in order. Each is a function of the previous stage's value.

ingest   seeds/ → draft briefings/       (dossier.ingest; only seeds without a briefing,
                                          or whose draft is out of date; ``build.py ingest``)
load     briefings/ → Corpus            (dossier.load; fails with every problem at once)
model    Corpus → Views                  (dossier.views)
history  git log → History               (dossier.review.history; empty outside git)
render   Views → RenderedSite            (dossier.render, templates/)
site     RenderedSite → site/            (dossier.engine, MkDocs; swapped in atomically)
print    Views → print view and PDF      (dossier.printbook; the print view goes into the site)

Builds reuse unchanged work from .dossier/cache/ (parsed briefings: loadcache.py;
finished pages: pagecache.py) and spread it over every core (parallel.py); serve also
keeps what it read and parsed in memory (a ``Warm``, warm.py, that it passes to
``draft`` and ``prepare``). None of that changes a byte of the output.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .dates import PartialDate, parse_partial_date
from .errors import DossierError
from .load import Limits, load_corpus
from .model import Corpus
from .pagecache import CACHE_DIR
from .printbook import PRINT_PAGE, print_page
from .render import RenderedSite, Reuse, render_site
from .review.history import read_history
from .views import build_views
from .warm import SeedsSignature, Warm

if TYPE_CHECKING:
    from .engine import BuildStats


def draft(root: Path, limits: Limits | None = None, warm: Warm | None = None) -> list[str]:
    """Ingest seeds that have no briefing yet (or a stale draft); what was done, one line each."""
    from .ingest.run import ingest, pending

    # Serve calls this on every save. Ingest has work only when a seed changed or an
    # article briefing came or went; otherwise skip reading them all (20,000 at scale).
    # (Editing the seed fields of an existing briefing by hand waits for `build.py`.)
    signature = _signature(root)
    if warm is not None and warm.nothing_pending.get(root) == signature:
        return []
    limits = limits or Limits()
    lines = ingest(root, limits).lines() if pending(root, limits) else []
    if not lines and warm is not None:
        warm.nothing_pending[root] = signature
    return lines


def _signature(root: Path) -> SeedsSignature:
    """Each seed with its size and time, and the names of the article briefings."""
    found = []
    for folder, stat in (("seeds", True), ("briefings/articles", False)):
        try:
            with os.scandir(root / folder) as entries:
                for entry in entries:
                    # a link is not followed: a broken one must not hide the others
                    info = entry.stat(follow_symlinks=False) if stat else None
                    size, mtime = (info.st_size, info.st_mtime_ns) if info else (0, 0)
                    found.append((f"{folder}/{entry.name}", size, mtime))
        except OSError:
            continue
    return tuple(sorted(found))


def check(root: Path, limits: Limits | None = None) -> Corpus:
    """Load and validate only: the gate that ``build.py check`` and every build share."""
    return load_corpus(root, limits or Limits())


def prepare(
    root: Path,
    limits: Limits | None = None,
    reuse: Reuse | None = None,
    print_view: bool = True,
    warm: Warm | None = None,
) -> RenderedSite:
    """Everything up to the site engine; raises before anything is written.

    ``reuse`` and ``warm`` (kept by serve between builds) render only pages whose
    inputs changed, and read and parse only files that changed;
    without ``print_view`` the caller renders the print view itself (``print_page``).
    """
    corpus = load_corpus(root, limits or Limits(), cache_dir=root / CACHE_DIR, warm=warm)
    views = build_views(corpus, reuse.views if reuse else None)
    rendered = render_site(views, root / "templates", read_history(root), reuse)
    if reuse is not None:
        reuse.views = views
    if not print_view:
        return rendered
    return dataclasses.replace(rendered, files=((PRINT_PAGE, print_page(views, root)),))


def build(
    root: Path,
    site_dir: Path,
    limits: Limits | None = None,
    progress: Callable[[int, int], None] | None = None,
    notify: Callable[[str], None] = lambda line: None,
) -> BuildStats:
    """Every stage; ``progress(done, total)`` is called as the engine finishes pages."""
    from .engine import build_site  # MkDocs is imported only when a site is written

    for line in draft(root, limits):
        notify(line)
    rendered = prepare(root, limits)
    return build_site(root, rendered, site_dir, progress)


def pdf(root: Path, output: Path, companies: tuple[str, ...], since: str | None, paper: str) -> int:
    """The briefing book for the selection as a PDF at ``output``; returns its page count."""
    from .printbook import Scope, commit_of, render_book, select
    from .printbook.pdf import check_output, write_pdf

    check_output(root, output)  # before loading and laying out anything
    book = select(build_views(load_corpus(root)), Scope(companies, parse_since(since)))
    commit = commit_of(root)
    templates = root / "templates"
    return write_pdf(lambda pages: render_book(book, templates, commit, paper, pages), output, root)


def parse_since(text: str | None) -> PartialDate | None:
    if text is None:
        return None
    try:
        return parse_partial_date(text)
    except ValueError as exc:
        raise DossierError(f"--since: {exc}") from None

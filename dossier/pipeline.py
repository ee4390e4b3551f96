"""The stages, in order. Each is a function of the previous stage's value.

ingest   seeds/ → draft briefings/       (dossier.ingest; only seeds without a briefing,
                                          or whose draft is out of date; ``build.py ingest``)
load     briefings/ → Corpus            (dossier.load; fails with every problem at once)
model    Corpus → Views                  (dossier.views)
history  git log → History               (dossier.review.history; empty outside git)
render   Views → RenderedSite            (dossier.render, templates/)
site     RenderedSite → site/            (dossier.engine, MkDocs; swapped in atomically)

Builds reuse unchanged work from .dossier/cache/ (parsed briefings: loadcache.py;
finished pages: pagecache.py) and spread it over every core (parallel.py); none of
that changes a byte of the output.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .load import Limits, load_corpus
from .model import Corpus
from .pagecache import CACHE_DIR
from .render import RenderedSite, render_site
from .review.history import read_history
from .views import build_views

if TYPE_CHECKING:
    from .engine import BuildStats


def draft(root: Path) -> list[str]:
    """Ingest seeds that have no briefing yet (or a stale draft); what was done, one line each."""
    from .ingest.run import ingest, pending

    return ingest(root).lines() if pending(root) else []


def check(root: Path, limits: Limits | None = None) -> Corpus:
    """Load and validate only: the gate that ``build.py check`` and every build share."""
    return load_corpus(root, limits or Limits())


def prepare(root: Path, limits: Limits | None = None) -> RenderedSite:
    """Everything up to the site engine; raises before anything is written."""
    corpus = load_corpus(root, limits or Limits(), cache_dir=root / CACHE_DIR)
    views = build_views(corpus)
    return render_site(views, root / "templates", read_history(root))


def build(
    root: Path,
    site_dir: Path,
    limits: Limits | None = None,
    progress: Callable[[int, int], None] | None = None,
    notify: Callable[[str], None] = lambda line: None,
) -> BuildStats:
    """Every stage; ``progress(done, total)`` is called as the engine finishes pages."""
    from .engine import build_site  # MkDocs is imported only when a site is written

    for line in draft(root):
        notify(line)
    rendered = prepare(root, limits)
    return build_site(root, rendered, site_dir, progress)

"""The stages, in order. Each is a function of the previous stage's value.

load     briefings/ → Corpus            (dossier.load; fails with every problem at once)
model    Corpus → Views                  (dossier.views)
history  git log → History               (dossier.review.history; empty outside git)
render   Views → RenderedSite            (dossier.render, templates/)
site     RenderedSite → site/            (dossier.engine, MkDocs; swapped in atomically)
"""

from __future__ import annotations

from pathlib import Path

from .load import Limits, load_corpus
from .model import Corpus
from .render import RenderedSite, render_site
from .review.history import read_history
from .views import build_views


def check(root: Path, limits: Limits | None = None) -> Corpus:
    """Load and validate only: the gate that ``build.py check`` and every build share."""
    return load_corpus(root, limits or Limits())


def prepare(root: Path, limits: Limits | None = None) -> RenderedSite:
    """Everything up to the site engine; raises before anything is written."""
    corpus = load_corpus(root, limits or Limits())
    views = build_views(corpus)
    return render_site(views, root / "templates", read_history(root))


def build(root: Path, site_dir: Path, limits: Limits | None = None) -> RenderedSite:
    from .engine import build_site  # MkDocs is imported only when a site is written

    rendered = prepare(root, limits)
    build_site(root, rendered, site_dir)
    return rendered

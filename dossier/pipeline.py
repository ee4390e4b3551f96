"""The stages, in order. Each is a function of the previous stage's value.

load     briefings/ → Corpus            (dossier.load; fails with every problem at once)
model    Corpus → Views                  (dossier.views)
render   Views → RenderedSite            (dossier.render, templates/)
site     RenderedSite → site/            (dossier.engine, MkDocs; swapped in atomically)
print    Views → print view and PDF      (dossier.printbook; the print view goes into the site)
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from .dates import PartialDate, parse_partial_date
from .errors import DossierError
from .load import load_corpus
from .model import Corpus
from .printbook import PRINT_PAGE, print_page
from .render import RenderedSite, render_site
from .views import build_views


def check(root: Path) -> Corpus:
    """Load and validate only: the gate that ``build.py check`` and every build share."""
    return load_corpus(root)


def prepare(root: Path) -> RenderedSite:
    """Everything up to the site engine; raises before anything is written."""
    corpus = load_corpus(root)
    views = build_views(corpus)
    rendered = render_site(views, root / "templates")
    return dataclasses.replace(rendered, files=((PRINT_PAGE, print_page(views, root)),))


def build(root: Path, site_dir: Path) -> RenderedSite:
    from .engine import build_site  # MkDocs is imported only when a site is written

    rendered = prepare(root)
    build_site(root, rendered, site_dir)
    return rendered


def pdf(root: Path, output: Path, companies: tuple[str, ...], since: str | None, paper: str) -> int:
    """The briefing book for the selection as a PDF at ``output``; returns its page count."""
    from .printbook import Scope, commit_of, render_book, select
    from .printbook.pdf import write_pdf

    book = select(build_views(load_corpus(root)), Scope(companies, parse_since(since)))
    html = render_book(book, root / "templates", commit_of(root), paper)
    return write_pdf(html, output)


def parse_since(text: str | None) -> PartialDate | None:
    if text is None:
        return None
    try:
        return parse_partial_date(text)
    except ValueError as exc:
        raise DossierError(f"--since: {exc}") from None

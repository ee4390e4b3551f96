"""The briefing book: the print view (site/print/) and the PDF made from it.

scope      Views + Scope → Book          (what goes in: all, --company, --since)
document   Book → HTML                   (templates/print.html.j2 with its print CSS)
pdf        HTML → PDF bytes              (WeasyPrint)
"""

from __future__ import annotations

from pathlib import Path

from ..views import Views
from .document import PAPER, render_book
from .provenance import commit_of
from .scope import Book, Scope, select

PRINT_PAGE = "print/index.html"

__all__ = [
    "PAPER",
    "PRINT_PAGE",
    "Book",
    "Scope",
    "commit_of",
    "print_page",
    "render_book",
    "select",
]


def print_page(views: Views, root: Path) -> str:
    """The whole corpus as the site's print view; the browser's print dialog picks the paper."""
    return render_book(select(views, Scope()), root / "templates", commit_of(root))

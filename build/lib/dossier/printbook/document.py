"""The print document: one HTML page with its own print CSS, from templates/print.html.j2.

The same HTML is the site's print view (site/print/index.html, printed by a browser) and
the input of the PDF; only the paper size differs. The browser's copy names no size, so
the reader's print dialog chooses it.
"""

from __future__ import annotations

from pathlib import Path

from ..render.environment import make_environment, render
from ..render.notes import Notes
from .pagenumbers import PageNumbers
from .scope import Book


def _endnote(article: str, quote: str, number: int) -> str:
    return f"#endnote-{number}"


PAPER = {"a4": "A4", "letter": "letter"}
TEMPLATE = "print.html.j2"


def render_book(
    book: Book,
    templates: Path,
    commit: str | None,
    paper: str | None = None,
    pages: PageNumbers | None = None,
) -> str:
    """The book as a standalone HTML document; ``paper`` is a key of PAPER or None.

    ``pages`` is given for the PDF only: the contents and cross-references then carry
    page-number slots (see pagenumbers.py). A browser cannot number pages, so the print
    view has none.
    """
    env = make_environment(templates)

    def ref(kind: str, slug: str) -> str | None:
        # Cross-references point at sections of this document; a company or deal left
        # out by --company/--since has no section, and is then printed without a link.
        return f"#{kind}-{slug}" if book.has(kind, slug) else None

    # Citation marks in the book are endnotes: each links to its note in the appendix.
    notes = Notes(book.views.corpus.articles, lambda kind, slug="": "", _endnote)
    return render(
        env,
        TEMPLATE,
        notes=notes,
        book=book,
        views=book.views,
        corpus=book.views.corpus,
        ref=ref,
        pages=pages,
        commit=commit,
        page_size=PAPER[paper] if paper else None,
        scope=book.scope.describe(book.views),
    )

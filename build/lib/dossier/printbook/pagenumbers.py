"""Page numbers of the book's contents and cross-references, laid out once.

CSS's ``target-counter()`` made WeasyPrint lay out again every page that refers forward
(most of them: the contents, and every link to the appendix), and a number that grew a
digit moved the lines after it, so the old code laid the whole book out twice or more.

Here every page number is a slot of fixed width: ``digits`` digits (figures are all one
width in the book's fonts, and the figure space U+2007 is as wide), so the layout does not
depend on the numbers. The book is laid out once with placeholders; the page where each
anchor *starts* is read from that layout; then the placeholders' text is replaced in the
laid-out document before it is drawn (``fill_in_place``), or, should WeasyPrint's
internals differ from the version this was written for, the HTML is rendered again with
the numbers written in, which lays out the same pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

FIGURE_SPACE = "\u2007"
SLOT_CLASS = "pg"
_PLACEHOLDER = "0"
# The WeasyPrint versions whose laid-out boxes fill_in_place knows (pyproject pins one).
_KNOWN_WEASYPRINT = ("70.",)


@dataclass(frozen=True)
class PageNumbers:
    """What the template prints in each page-number slot: placeholders, or the numbers."""

    digits: int
    found: dict[str, int] = field(default_factory=dict)  # anchor → page where it starts

    def text(self, anchor: str) -> str:
        """The slot's text: the page number right-aligned in ``digits`` figure widths."""
        number = self.found.get(anchor)
        shown = str(number) if number is not None else _PLACEHOLDER * self.digits
        return shown.rjust(self.digits, FIGURE_SPACE)

    def slot(self, anchor: str) -> Markup:
        return Markup('<span class="{}" data-for="{}">{}</span>').format(
            SLOT_CLASS, escape(anchor), self.text(anchor)
        )


def estimated_digits(html: str) -> int:
    """Digits of a generous guess of the page count (a page holds 3–4 KB of this HTML);
    a wider slot only adds a little space, a narrower one costs a second layout."""
    return len(str(max(1, len(html) // 1500)))


def anchor_pages(pages: Iterable[Any]) -> dict[str, int]:
    """Each anchor's first page (1-based). A part that runs over several pages has its
    anchor on each of them; the contents wants the page where it starts."""
    found: dict[str, int] = {}
    for number, page in enumerate(pages, start=1):
        for anchor in page.anchors:
            found.setdefault(anchor, number)
    return found


def fill_in_place(document: Any, numbers: PageNumbers) -> bool:
    """Write ``numbers`` into the placeholders of the laid-out ``document``.

    Returns False, changing nothing, when this WeasyPrint's boxes are not the ones this
    code knows; the caller then renders the HTML again with the numbers written in.
    Drawing rebuilds each text's Pango layout from ``pango_layout.text`` (WeasyPrint
    frees the layouts after line breaking), so setting that text is enough.
    """
    import weasyprint

    if not weasyprint.__version__.startswith(_KNOWN_WEASYPRINT):
        return False
    boxes = []
    for page in document.pages:
        root = getattr(page, "_page_box", None)
        if root is None:
            return False
        for box in _slot_boxes(root):
            layout = getattr(box, "pango_layout", None)
            if layout is None or getattr(layout, "text", None) != box.text:
                return False
            boxes.append(box)
    for box in boxes:
        text = numbers.text(box.element.get("data-for", ""))
        box.text = text
        box.pango_layout.text = text
    return True


def _slot_boxes(root: Any) -> Iterator[Any]:
    from weasyprint.formatting_structure.boxes import TextBox

    for box in root.descendants():
        if (
            isinstance(box, TextBox)
            and box.element is not None
            and box.element.get("class") == SLOT_CLASS
            and box.element_tag == "span"
        ):
            yield box

"""HTML → PDF with WeasyPrint (imported here and, for its laid-out boxes, in pagenumbers.py).

Deterministic: WeasyPrint takes the document dates from the page's ``dcterms`` meta tags
(the corpus's as-of date), never the clock, and the file identifier here is a hash of
the HTML, so the same commit gives the same bytes.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
from collections.abc import Callable
from pathlib import Path

from .. import atomic
from ..errors import DossierError
from ..links import link_target, linked_folder
from .pagenumbers import PageNumbers, anchor_pages, estimated_digits, fill_in_place


def write_pdf(render: Callable[[PageNumbers], str], output: Path, root: Path) -> int:
    """Make the PDF of the HTML ``render(numbers)`` gives; write it to ``output``.

    ``render`` prints ``numbers.slot(anchor)`` wherever a page number goes (see
    pagenumbers.py). Returns the page count. ``output`` is checked before the (slow)
    layout and again just before the write: never a link, nor in a folder of the project
    that is one.
    """
    check_output(root, output)
    data, pages = html_to_pdf(render)
    check_output(root, output)
    atomic.write_bytes(output, data)  # a temporary file renamed: a failed run keeps the old PDF
    return pages


def check_output(root: Path, output: Path) -> None:
    """DossierError unless ``output`` may be written: not a link, not a folder, pipe or
    device, and (inside the project) in no folder that is a link, such as ``site/``."""
    inside = next(
        (top for top in (root, Path(os.path.realpath(root))) if output.is_relative_to(top)), None
    )
    shown = output.relative_to(inside).as_posix() if inside else str(output)
    hint = "remove the link, or choose another --output"
    what = None
    try:
        mode: int | None = os.lstat(output).st_mode
    except OSError:
        mode = None
    folder = linked_folder(inside, output) if inside else None
    if mode is not None and stat.S_ISLNK(mode):
        where = link_target(root, output)
        what = "is a broken link" if where == "broken" else f"is a link {where}"
    elif mode is not None and not stat.S_ISREG(mode):
        what, hint = "is not a regular file", "remove it, or choose another --output"
    elif folder is not None:
        what = f"is in a folder that is a link ({folder})"
        hint = f"replace the link {folder} with a real folder, or choose another --output"
    if what is not None:
        raise DossierError(
            f"{shown}: {what}; pdf never writes through a link, so nothing was written ({hint})"
        )


def html_to_pdf(render: Callable[[PageNumbers], str]) -> tuple[bytes, int]:
    """The PDF's bytes and its number of pages, each page number the page where its
    target starts."""
    try:
        import weasyprint
    except ImportError as exc:  # a missing system library (Pango) shows up here too
        raise DossierError(
            f"the PDF needs WeasyPrint and Pango: {exc} "
            "(pip install -e . ; on Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0)"
        ) from None
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.ERROR)  # its CSS notes are for us, not the reader
    try:
        html = render(PageNumbers(digits=1))
        digits = estimated_digits(html)
        if digits > 1:
            html = render(PageNumbers(digits))
        while True:
            document = weasyprint.HTML(string=html, base_url=None).render()
            needed = len(str(len(document.pages)))
            if needed <= digits:
                break
            digits = needed  # the slots were too narrow: lay out again with wider ones
            html = render(PageNumbers(digits))
        numbers = PageNumbers(digits, anchor_pages(document.pages))
        if not fill_in_place(document, numbers):
            html = render(numbers)  # same slot widths, so the same pages
            document = weasyprint.HTML(string=html, base_url=None).render()
        identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
        return document.write_pdf(pdf_identifier=identifier), len(document.pages)
    finally:
        logger.setLevel(level)

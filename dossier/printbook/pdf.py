"""HTML → PDF with WeasyPrint: the only module that imports it.

Deterministic: WeasyPrint takes the document dates from the page's ``dcterms`` meta tags
(the corpus's as-of date), never the clock, and the file identifier here is a hash of
the HTML, so the same commit gives the same bytes.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path

from ..errors import DossierError


def write_pdf(html: str, output: Path) -> int:
    """Make the PDF of ``html`` and write it to ``output``; returns the page count."""
    data, pages = html_to_pdf(html)
    write_atomically(data, output)
    return pages


def html_to_pdf(html: str) -> tuple[bytes, int]:
    """The PDF's bytes and its number of pages."""
    try:
        import weasyprint
    except ImportError as exc:  # a missing system library (Pango) shows up here too
        raise DossierError(
            f"the PDF needs WeasyPrint and Pango: {exc} "
            "(pip install -e . ; on Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0)"
        ) from None
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.ERROR)  # its CSS notes are for us, not the reader
    try:
        document = weasyprint.HTML(string=html, base_url=None).render()
        return document.write_pdf(pdf_identifier=identifier), len(document.pages)
    finally:
        logger.setLevel(level)


def write_atomically(data: bytes, output: Path) -> None:
    """Write ``output`` whole or not at all: a failed run keeps the previous PDF."""
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

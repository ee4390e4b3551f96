"""What a build sets around MkDocs (the corpus date for the sitemap, quiet logs), and
the digests of what shapes its output besides the corpus: Dossier's own code and the
libraries it runs (``code_digest``), a folder such as templates/ (``add_folder``)."""

from __future__ import annotations

import calendar
import contextlib
import hashlib
import logging
import os
import re
from collections.abc import Callable, Iterator
from functools import cache
from importlib import metadata
from pathlib import Path

from .dates import PartialDate

_PACKAGE = Path(__file__).resolve().parent


@contextlib.contextmanager
def source_date(as_of: PartialDate | None) -> Iterator[None]:
    """MkDocs stamps sitemap dates with SOURCE_DATE_EPOCH; make it the corpus date."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch(as_of)
    try:
        yield
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def epoch(as_of: PartialDate | None) -> str:
    if not as_of:
        return "0"
    return str(calendar.timegm((as_of.year, as_of.month or 1, as_of.day or 1, 0, 0, 0)))


class _Collect(logging.Handler):
    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record.getMessage())


@contextlib.contextmanager
def quiet_logs() -> Iterator[list[str]]:
    """Keep MkDocs and theme chatter (build notices, banners) off the terminal; keep warnings."""
    collected: list[str] = []
    logger = logging.getLogger("mkdocs")
    handler = _Collect(collected)
    saved = logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.WARNING)
    try:
        yield collected
    finally:
        logger.removeHandler(handler)
        logger.propagate, logger.level = saved


@cache
def code_digest() -> str:
    """Dossier's own files (code, theme, schemas) and the versions of the libraries it
    runs (Jinja, markdown-it …): all of them shape pages."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix != ".pyc":
            digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    for requirement in metadata.requires("dossier") or ():
        name = re.split(r"[\s;<>=!~\[(]", requirement, maxsplit=1)[0]
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "?"
        digest.update(f"{name}={version}\0".encode())
    return digest.hexdigest()


def add_folder(update: Callable[[bytes], object], folder: Path) -> None:
    """Every file below ``folder`` into a digest (its ``update``): path, then bytes."""
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        if path.is_file():
            update(path.relative_to(folder).as_posix().encode() + b"\0")
            update(path.read_bytes() + b"\0")

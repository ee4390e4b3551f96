"""What a build sets around MkDocs: the corpus date for the sitemap, and quiet logs."""

from __future__ import annotations

import calendar
import contextlib
import logging
import os
from collections.abc import Iterator

from .dates import PartialDate


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

"""Slugs are ids: stable, ASCII, and compared after case and Unicode folding."""

from __future__ import annotations

import re
import unicodedata

from .characters import visible

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def fold(text: str) -> str:
    """The form two names are compared in: Ｘｉａｏｍｉ, XIAOMI, Xiaomi and Xiaomi\u200b
    (with an invisible zero-width space) fold alike."""
    return " ".join(visible(unicodedata.normalize("NFKC", text)).casefold().split())


def slugify(text: str) -> str:
    """A slug made from a name: accents dropped, anything else non-alphanumeric → hyphen."""
    ascii_text = (
        unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")

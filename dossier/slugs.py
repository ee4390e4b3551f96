"""Slugs are ids: stable, ASCII, and compared after case and Unicode folding."""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from .characters import visible

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def fold(text: str) -> str:
    """The form two names are compared in: Ｘｉａｏｍｉ, XIAOMI, Xiaomi and Xiaomi\u200b
    (with an invisible zero-width space) fold alike, and so do traditional and simplified
    Chinese (微軟, 微软)."""
    folded = visible(unicodedata.normalize("NFKC", text)).casefold()
    if not folded.isascii():  # (the table maps Chinese characters only)
        folded = folded.translate(han_table())
    return " ".join(folded.split())


def han_simplified(text: str) -> str:
    """``text`` with traditional Chinese characters written simplified, character for
    character (offsets stay valid): a name is found in either script."""
    return text.translate(han_table())


@functools.cache
def han_table() -> dict[int, str]:
    """Traditional → simplified, one character to one (OpenCC's character table; its
    phrase tables change lengths and are left out)."""
    import opencc

    table: dict[int, str] = {}
    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    for line in path.read_text("utf-8").splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0] if targets else ""
        if len(source) == 1 and len(target) == 1 and source != target:
            table[ord(source)] = target
    return table


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """A slug made from a name: accents dropped, anything else non-alphanumeric → hyphen."""
    ascii_text = (
        unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")

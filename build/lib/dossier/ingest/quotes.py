"""A quote as the seed holds it: what the loader's quote check will find there."""

from __future__ import annotations

from difflib import SequenceMatcher

from .text import collapse
from .types import RawArticle


def quotable(sentence: str, raw: RawArticle) -> str | None:
    """The sentence as it occurs in the seed, or its longest part that does (HTML)."""
    text = collapse(sentence)
    if text in raw.quotable:
        return text
    match = SequenceMatcher(None, raw.quotable, text, autojunk=False).find_longest_match(
        0, len(raw.quotable), 0, len(text)
    )
    part = text[match.b : match.b + match.size].strip()
    return part if len(part) >= 30 and part in raw.quotable else None

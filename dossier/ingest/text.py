"""Sentence splitting and whitespace handling shared by the ingest stages."""

from __future__ import annotations

import re

# Words that end with a period but do not end a sentence.
_ABBREV = frozenset(
    """
    inc corp co ltd mr mrs ms dr prof st no jr sr vs etc jan feb mar apr jun
    jul aug sep sept oct nov dec u.s u.k e.u s.a n.v approx est bhd plc
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_BOUNDARY = re.compile(r"[.!?。！？][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9\u4e00-\u9fff])")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
_SPACE = re.compile(r"\s+")


def collapse(text: str) -> str:
    """Whitespace collapsed as the loader's quote check does it."""
    return _SPACE.sub(" ", text).strip()


def sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph, each an exact substring of it."""
    out: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        end = match.start() + len(match.group(0).rstrip())
        if paragraph[match.start()] == ".":
            word = _WORD_BEFORE.search(paragraph[start : match.start() + 1])
            initialism = word and "." in word.group(1) and len(word.group(1)) <= 5
            if word and (word.group(1).lower() in _ABBREV or len(word.group(1)) == 1 or initialism):
                continue  # "Acme Inc. said", "J. Smith", "Kaneda Seiki K.K. (金田精機)"
        piece = paragraph[start:end].strip()
        if piece:
            out.append(piece)
        start = match.end()
    rest = paragraph[start:].strip()
    if rest:
        out.append(rest)
    return out

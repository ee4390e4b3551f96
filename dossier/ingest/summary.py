"""Extractive summary: at most three sentences and up to five key points, each copied
from the article, chosen by a fixed score (position, companies named, deal statement,
figures), so the same article always gives the same summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = re.compile(r"\d")
# A press release's housekeeping: where to call or click, not what happened; and the
# signature line of an embedded post ("— BlackBerry Mobile (@BBMobile) February 3, 2020").
_HOUSEKEEPING = re.compile(
    r"\(\d{3}\)\s?\d{3}-\d{4}|\b\d{3}[-.]\d{3}[-.]\d{4}\b|[\w.+-]+@[\w-]+\.\w|\(@\w{1,15}\)|"
    r"^(?:[*_#\s]*)(?:for\s+(?:more|further|additional)\s+information|note\s+to\s+editors|"
    r"(?:media\s+|investor\s+|press\s+)?contacts?\s*:|forward[- ]looking\s+statement)",
    re.IGNORECASE,
)
# A quotation opens or closes the text (tested as strings: a pattern with "$" scans the
# whole sentence); the pattern's "$" also matched before a final line break
_OPENING_QUOTES = ('"', "“", "‘")
_CLOSING_QUOTES = ('"', "”", "’", '"\n', "”\n", "’\n")


@dataclass(frozen=True)
class Scored:
    index: int  # position in the article
    text: str
    companies: int
    deal: bool


def summarise(items: list[Scored]) -> tuple[list[str], list[str]]:
    """(summary sentences, key points), both in article order."""
    ranked = sorted(items, key=lambda s: (-_score(s, len(items)), s.index))
    # the best three that may be quoted, then the best five of the rest that name a
    # company or a deal: the sentences are tested in rank order, and only until both
    # are full (the pattern is costly, and most of an article is never chosen)
    best: list[Scored] = []
    rest: list[Scored] = []
    for s in ranked:
        if len(rest) == 5:
            break
        if len(best) == 3 and not (s.deal or s.companies):
            continue
        if not 6 <= len(s.text.split()) <= 70 or _HOUSEKEEPING.search(s.text):
            continue
        if len(best) < 3:
            best.append(s)
        else:
            rest.append(s)
    summary = sorted(best, key=lambda s: s.index)
    points = sorted(rest, key=lambda s: s.index)
    return [s.text for s in summary], [s.text for s in points]


def _score(s: Scored, total: int) -> float:
    position = 3.0 * (1 - s.index / max(total, 1)) + (2.0 if s.index < 2 else 0.0)
    score = position + min(s.companies, 3) + (3.0 if s.deal else 0.0)
    if _NUMBER.search(s.text):
        score += 0.5
    if s.text.startswith(_OPENING_QUOTES) or s.text.endswith(_CLOSING_QUOTES):
        score -= 2.0  # a quotation is colour, not the news
    return score

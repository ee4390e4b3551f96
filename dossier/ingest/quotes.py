"""A quote as the seed holds it: what the loader's quote check will find there."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from .text import collapse
from .types import RawArticle


def quotable(sentence: str, raw: RawArticle) -> str | None:
    """The sentence as it occurs in the seed, or its longest part that does (HTML)."""
    text = collapse(sentence)
    if text in raw.quotable:
        return text
    start, size = _common_part(raw.quotable, text)
    part = text[start : start + size].strip()
    return part if len(part) >= 30 and part in raw.quotable else None


def around(sentence: str, names: Iterable[str], raw: RawArticle) -> str | None:
    """The longest part of the sentence around one of ``names`` that the seed holds:
    the evidence for a company when the page's markup splits its sentence ("a hub for
    both <span>American Airlines</span> (<a …>AAL</a>)"); None when no name is there."""
    text = collapse(sentence)
    for name in names:
        start = text.find(name)
        if start < 0 or name not in raw.quotable:
            continue
        end, grown = start + len(name), True
        while grown:
            grown = False
            while end < len(text) and text[start : end + 1] in raw.quotable:
                end, grown = end + 1, True
            while start > 0 and text[start - 1 : end] in raw.quotable:
                start, grown = start - 1, True
        return text[start:end].strip()
    return None


def longest_common_part(haystack: str, needle: str) -> tuple[int, int]:
    """Where in ``needle`` its longest substring that ``haystack`` holds starts, and its
    length: among equally long ones, the one ``haystack`` holds earliest, then the
    earliest in ``needle`` (difflib's ``find_longest_match``, without junk, gives the
    same). A sentence is short and a page long: difflib's table over the page cost
    0.1 s a sentence on real pages, most of a real article's ingest time; here each
    step is a substring search, and the end of the match only ever moves forward (the
    part from ``i + 1`` is at least the part from ``i`` less its first character). A
    start whose first ``best`` characters the haystack does not hold is passed over
    after that one search (its part is shorter than the best), and the search stops
    where fewer characters than the best are left."""
    size = len(needle)
    best, starts = 0, [0]
    end = 0  # (the part from the last start looked at ends there: a bound for the next)
    for i in range(size):
        if size - i < best:
            break  # no part from here is as long as the best
        end = max(end, i)
        if end - i < best:
            if needle[i : i + best] not in haystack:
                continue  # shorter than the best
            end = i + best
        while end < size and needle[i : end + 1] in haystack:
            end += 1
        if end - i > best:
            best, starts = end - i, [i]
        elif end - i == best:
            starts.append(i)
    if best == 0:
        return 0, 0
    first = min(starts, key=lambda i: (haystack.find(needle[i : i + best]), i))
    return first, best


# A sentence is quoted again for each company, deal and fact it shows: half the searches
# on real news. (A page's hash is computed once and kept by its string.)
_common_part = lru_cache(maxsize=512)(longest_common_part)

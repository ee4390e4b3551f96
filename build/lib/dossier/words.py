"""Counts in words for readers: "1 deal", "2 deals", "3 companies", never "deal(s)"."""

from __future__ import annotations


def plural(singular: str) -> str:
    """The English plural of the nouns the site counts (deal, article, company, item)."""
    if singular.endswith("y") and singular[-2:-1] not in tuple("aeiou"):
        return singular[:-1] + "ies"
    return singular + "s"


def counted(n: int, singular: str, plural_form: str | None = None) -> str:
    """``n`` and the noun in the number it takes: counted(1, "deal") → "1 deal"."""
    return f"{n:,} {singular if n == 1 else plural_form or plural(singular)}"

"""The names of the companies registered with the SEC (EDGAR, public domain): a name
of a registrant, or its initials ("IBM"), is evidence that a phrase names a company.
tools/make_register.py builds the file from the SEC's list.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..slugs import fold
from .lexicon import (
    ACRONYMS,
    DEFINED_TERMS,
    NOT_COMPANIES,
    OUTLETS,
)


@lru_cache(maxsize=1)
def registrants() -> frozenset[str]:
    """Names of the companies registered with the SEC (EDGAR, public domain), folded,
    legal forms dropped: tools/make_register.py builds the file."""
    text = (Path(__file__).parent / "data" / "registrants.txt").read_text("utf-8")
    # exchanges and registrants named by an ordinary word say nothing in a story
    words = {fold(w) for w in NOT_COMPANIES | OUTLETS | DEFINED_TERMS | ACRONYMS | _PLAIN}
    return frozenset(text.split("\n")) - words - {""}


_PLAIN = frozenset(
    """
    City Nasdaq NYSE Cboe Exchange Global Capital Health Energy Bank Trust Fund Group
    Holdings Partners Technologies Systems Solutions Industries Resources Media Digital
    Sea
    """.split()  # noqa: SIM905 - a word list reads best as words
)


_NOT_ALNUM = re.compile(r"[\W_]+")  # \w less "_" is what str.isalnum accepts


def compact(name: str) -> str:
    return _NOT_ALNUM.sub("", name)


@lru_cache(maxsize=1)
def compact_registrants() -> frozenset[str]:
    return frozenset(compact(n) for n in registrants() if len(compact(n)) >= 5)

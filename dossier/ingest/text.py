"""Sentence splitting and whitespace handling shared by the ingest stages."""

from __future__ import annotations

import re
from collections.abc import Iterator

# Words that end with a period but do not end a sentence.
_ABBREV = frozenset(
    """
    inc corp co ltd mr mrs ms dr prof st no jr sr vs etc jan feb mar apr jun
    jul aug sep sept oct nov dec u.s u.k e.u s.a n.v approx est bhd plc
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# Chinese and Japanese end a sentence with "。" and start the next with no space; so
# does scraped text that lost a space ("to acquire Telsat Broadband.Operating across …",
# "… in good hands.As part of the deal"), but not a name's legal form ("Pte.Ltd")
_BOUNDARY = re.compile(
    r"[.!?。！？][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9\u4e00-\u9fff])|[。！？][”’」』)]?(?=\S)"
    r"|(?<=[a-z]{2})[.!?](?=[A-Z][a-z]+[ \t,])(?!(?:Ltd|Inc|Bhd|Corp|Com)\b)"
)
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


# Legal forms that close a name: "… Pellham Dairies Ltd. Sarah Okafor said" is two
# sentences unless another legal form follows ("Co. Ltd.", "Inc. (NYSE").
_LEGAL_END = frozenset("inc corp ltd plc llc".split())  # noqa: SIM905
_LEGAL_NEXT = re.compile(r"(?:Ltd|Inc|Corp|Co|LLC|Limited|Corporation|PLC|plc)\b|\(")


# Words that open a sentence rather than go on with a name
_OPENER = re.compile(
    r"[\"“‘(]?(?:The|It|Its|He|She|They|We|I|But|And|A|An|In|On|This|That|These|As|At|For|"
    r"After|If|When|Shares|Analysts)\b"
)


# A Reuters instrument code ("CBI.N", "VOD.L"), which a sentence may end on
_TICKER = re.compile(r"[A-Z]{2,4}\.[A-Z]{1,2}")
# Words that only open a sentence, never go on with a name or a person's initials
_PRONOUN = re.compile(r"[\"“‘(]?(?:It|Its|He|She|They|We|This|These|Those|There)\b")


def _closes_name(word: str, rest: str) -> bool:
    return word.lower() in _LEGAL_END and _LEGAL_NEXT.match(rest) is None


def collapse(text: str) -> str:
    r"""Whitespace collapsed as the loader's quote check does it.

    The same as ``re.sub(r"\s+", " ", text).strip()`` (str.split and \s agree on what
    whitespace is), ten times faster on an article: the pattern replaces every space."""
    return " ".join(text.split())


def _word_before(paragraph: str, start: int, end: int) -> re.Match[str] | None:
    """``_WORD_BEFORE.search(paragraph[start:end])``, looked for in the last characters
    first: the pattern, anchored at the end, would otherwise be tried at every character
    of the sentence. Only a word that reaches back to the window's edge needs the rest."""
    edge = max(start, end - 40)
    found = _WORD_BEFORE.search(paragraph[edge:end])
    if found is None or found.start() > 0 or edge == start:
        return found
    return _WORD_BEFORE.search(paragraph[start:end])


def _named_twice(paragraph: str, at: int) -> bool:
    """Whether the words joined by the full stop before ``at`` stand twice in the
    paragraph, as a name does and two sentences do not."""
    start = paragraph.rfind(" ", 0, at) + 1
    end = at
    while end < len(paragraph) and paragraph[end].isalnum():
        end += 1
    return paragraph.count(paragraph[start:end]) > 1


def sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph, each an exact substring of it."""
    out: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        end = match.start() + len(match.group(0).rstrip())
        if (
            match.end() == end
            and paragraph[end - 1] in ".!?"
            and (_named_twice(paragraph, end) or " " not in paragraph[start:end].strip())
        ):
            # "Quill.Chat, and Quill.Chat said", "Rocket.Chat Aims to …": a name with a
            # dot, not two sentences
            continue
        if paragraph[match.start()] == ".":
            found = _word_before(paragraph, start, match.start() + 1)
            word = found.group(1) if found else ""
            # (an amount is no initials: "for $1.5bn. That follows", "in round 2. The"; but
            # a number a scraper broke at its point goes on: "shed 4. 8% in premarket")
            digits = any(c.isdigit() for c in word)
            if digits and paragraph[match.end() : match.end() + 1].isdigit():
                continue
            initials = not digits and (len(word) == 1 or ("." in word and len(word) <= 5))
            if initials and paragraph[match.start() - len(word) - 1 : match.start()][:1] == "&":
                # "… McDermott's offer for CB&I. Subsea 7 said": the last letter of a
                # name written with "&", not a person's initial
                initials = False
            short = word and (word.lower() in _ABBREV or initials)
            # (but initials before a pronoun end a sentence: "against rival H-P. It could")
            if (
                short
                and not _closes_name(word, paragraph[match.end() :])
                and not (initials and _PRONOUN.match(paragraph, match.end()))
                # a ticker ends its sentence: "Chicago Bridge & Iron (CB&I) CBI.N. The deal"
                and not (_TICKER.fullmatch(word) and _OPENER.match(paragraph, match.end()))
            ):
                continue  # "Acme Inc. said", "J. Smith", "Kaneda Seiki K.K. (金田精機)"
            if word.lower() == "bros" and not _OPENER.match(paragraph, match.end()):
                continue  # "Warner Bros. Discovery", not "… sold to Warner Bros. The deal"
        piece = paragraph[start:end].strip()
        if piece:
            out.append(piece)
        start = match.end()
    rest = paragraph[start:].strip()
    if rest:
        out.append(rest)
    return out


# The letters whose lower case is not what re.IGNORECASE compares them as: "İ" lowers to
# two characters, "ı" and "ſ" match "i" and "s" under re.I but stay themselves in lower().
_FOLDS_APART = re.compile("[\u0130\u0131\u017f]")
_UPPER_ESCAPE = re.compile(r"\\[A-Z]")


def lowered(text: str) -> str | None:
    """``text`` in lower case, offset for offset, or None when some letter in it folds
    differently under re.IGNORECASE (then callers match the original text with re.I)."""
    low = text.lower()
    if text.isascii():
        return low  # (known without a scan: ASCII letters fold as they lower)
    if len(low) != len(text) or _FOLDS_APART.search(text):
        return None
    return low


class Caseless:
    """A case-insensitive pattern, run as a plain lower-case pattern on lowered text.

    Same matches at the same offsets as ``re.compile(pattern, re.I)`` on the text, but
    several times faster: with re.I the engine cannot skip ahead on a literal first
    character, and the ingest rules run dozens of such patterns per sentence.
    """

    def __init__(self, pattern: str, anchors: tuple[str, ...] = ()) -> None:
        """``anchors``: strings of which every match holds at least one (in lower
        case); a text with none of them is not searched at all. Empty: always search."""
        # lower-casing "\S" or "\W" would change its meaning; non-ASCII letters may fold
        # in ways lower() does not
        if not pattern.isascii() or _UPPER_ESCAPE.search(pattern):
            raise ValueError(f"not a pattern Caseless can lower: {pattern!r}")
        if any(a != a.lower() or not a for a in anchors):
            raise ValueError(f"anchors must be lower case and not empty: {anchors!r}")
        self.pattern = pattern
        self.anchors = anchors
        self._plain = re.compile(pattern.lower())
        self._ignorecase = re.compile(pattern, re.I)

    def finditer(self, text: str, low: str | None) -> Iterator[re.Match[str]]:
        """Every match, as ``search`` finds the first."""
        if low is None:
            return self._ignorecase.finditer(text)
        return self._plain.finditer(low)

    def search(self, text: str, low: str | None) -> re.Match[str] | None:
        """Search ``text``; ``low`` is ``lowered(text)``. A match's offsets hold for
        ``text``; its groups may be in lower case."""
        if low is None:
            return self._ignorecase.search(text)
        if not self.anchors:
            return self._plain.search(low)
        # a substring test is some fifty times cheaper than a scan by the pattern (and a
        # plain loop cheaper than any() over a generator)
        for anchor in self.anchors:
            if anchor in low:
                return self._plain.search(low)
        return None


_URL = re.compile(r"\b(?:https?://|www\.)[^\s)\]>\"']+")


# a markdown link's marks split the words it holds from the words around it: "Wendel
# will[ acquire](…) a majority stake", "GIC is [acquiring](…) a stake" (a window of a
# sentence may end inside the link's address)
LINK_MARKS = re.compile(r"\]\([^)]*(?:\)|$)|[\[\]]")


def without_urls(text: str) -> str:
    """``text`` with its web addresses blanked, offset for offset: a link's words
    ("…/sun-acquires-mysql/", "…-arm-buys.html") name no company and state no deal."""
    if "/" not in text and "www." not in text:
        return text
    return _URL.sub(lambda m: " " * len(m.group(0)), text)

"""Boilerplate out, paragraphs in: ads, subscribe calls, "read also" blocks, photo
credits, author bios and navigation crumbs are dropped; what is left is prose and
headings, each paragraph an exact run of the seed's text (so quotes stay quotable).
"""

from __future__ import annotations

import re

from .text import sentences
from .types import Paragraph

# A line matching one of these is page furniture, never article text.
_DROP_LINE = re.compile(
    r"""^(?:
        (?:image|images|photo|photograph|picture|featured\ image|credit|credits|source\ image)
            \s*(?:by|:|credit)                                   # photo credits
      | (?:photo|image)s?\ (?:courtesy|via)\b
      | ←|«|back\ to\b                                           # navigation
      | home\s*[>/»›]                                            # breadcrumbs
      | view\ (?:original|full)\ (?:source|story|article)
      | (?:advertisement|sponsored(?:\ content)?|ad)$
      | share\ (?:this|on)\b | follow\ us\b | sign\ up\b
      | ©|copyright\b|all\ rights\ reserved
      | tags?:
      | (?-i:Eds:)\                                             # a wire editor's note
    )""",
    re.I | re.X,
)
# Calls to action anywhere in a line.
_DROP_ANYWHERE = re.compile(
    r"subscribe to|subscribe (?:now|here|for)|sign up for (?:our|the)|newsletter|"
    r"click here|watch this video|download (?:our|the) app|follow us on"
    # an event's advertisement: "Grab your ticket before Sept 26 to save up to $668."
    r"|(?:grab|get|buy|book) your (?:\w+ )?(?:ticket|pass)|register now|early[- ]bird",
    re.I,
)
# Everything after one of these is end-of-page material (links, bios, credits).
_TAIL_MARKER = re.compile(
    # (not a sentence that opens with the word: "Related to that decision, the company …")
    r"^(?:read also|also read|read more|related(?: articles| stories| news)?:?(?! to\b)|"
    r"more from|recommended(?: for you)?|about the author|this article was (?:first|originally)"
    r" published|you (?:may|might) also like|trending now|most read|more on this story|"
    r"explore more on these topics)\b",
    re.I,
)
_END_PUNCT = re.compile(r"[.!?:;。！？”\"’)]$")
_LIST_MARK = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s+")
_DATELINE = re.compile(r"^\S.{0,40}?\s\d{4}-\d{2}-\d{2}$")


# No-break and thin spaces are spaces to the rules ("announced\u00a0it would acquire"),
# and to the loader's quote check, which collapses every kind of space
_SPACES = "\u00a0\u2007\u2009\u200a\u202f"


# Another article's headline inside a paragraph, glued to the sentences around it: "…, said
# Idea.ALSO READ | Idea's shares surge on Vodafone merger talksWhen a rival …": up to where
# the next sentence starts without a space (maybe after an opening quote a scraper wrote as
# the C1 control U+0093), or the paragraph's end when no full stop ends it (a headline's
# way). Where neither is near, it stays.
_INLINE_LINK = re.compile(
    r"(?<=[.!?\"\u201d\u0094])[ \t]*(?:ALSO READ|Also Read|Also read|READ ALSO|Read Also"
    r"|Read also)[ \t]*[|:][^\n]{0,200}?"
    r"(?:[a-z0-9\u2019\u0092'\")?!](?=[\u201c\u0093\"]?[A-Z][a-z])|[^.!?\"\u201d\n]$)",
    re.M,
)
_INLINE_LINK_WORDS = ("READ", "lso Read", "lso read", "ead Also", "ead also")
# Reuters' wire code glued to a 1996 headline: "RTRS-Oil Search buys 10.1 pct of Discovery"
_WIRE_CODE = re.compile(r"(?<![\w-])RTRS-(?=\w)")


def clean(text: str) -> list[Paragraph]:
    """Paragraphs of the article body, boilerplate removed."""
    if not text.isascii():  # (every such space is outside ASCII: most text has none)
        # (each replaced where it occurs: str.translate with a table looks up every
        # character, a millisecond for an article)
        for space in _SPACES:
            if space in text:
                text = text.replace(space, " ")
    if "RTRS-" in text:
        text = _WIRE_CODE.sub("", text)
    if any(word in text for word in _INLINE_LINK_WORDS):
        text = _INLINE_LINK.sub("\n\n", text)
    raw = text.split("\n")
    width = wrap_width(raw)
    lines = [line.strip() for line in raw]
    # wire copy marks a new paragraph by indenting its first line (more than the rest)
    indents = [len(line) - len(line.lstrip()) for line in raw]
    base = min((n for n, line in zip(indents, raw, strict=True) if line.strip()), default=0)
    indented = [n > base for n in indents]
    lines = _cut_tail(lines)
    lines = _drop_signature(lines)
    paragraphs: list[Paragraph] = []
    previous = ""
    for i, line in enumerate(lines):
        if not line:
            previous = ""
            continue
        # a line near the width was wrapped there: the next one continues its paragraph
        wrapped = width and previous and not indented[i] and len(lines[i - 1]) >= width - 20
        if wrapped and not (_DROP_LINE.match(line) or _LIST_MARK.match(line)):
            merged = paragraphs.pop()
            line = merged.text + " " + line
            paragraphs.append(Paragraph(line, heading=False))
            previous = line
            continue
        if _furniture(line) or _DATELINE.match(line):
            # a page saved as one line holds its article between menus and notices; a
            # paragraph may hold a call to action and the article's sentences too
            # ("after newsletter promotion The chief executive … Last year, Google
            # invested $300m in Anthropic")
            flattened = len(line) >= _FLATTENED
            mixed = not flattened and len(line) >= _MIXED and _calls_to_action(line)
            runs = _prose_runs(line) if flattened or mixed else []
            # a headline and a caption among a menu's words are no article
            if sum(len(run) for run in runs) >= (_FLATTENED if flattened else _MIXED):
                paragraphs.extend(Paragraph(run, heading=False) for run in runs)
            previous = ""
            continue
        listed = _LIST_MARK.match(line)
        if listed:
            line = line[listed.end() :]
        elif (
            previous
            and not _END_PUNCT.search(previous)
            and (
                (len(previous) > 60 and (line[:1].islower() or previous.endswith((",", "-"))))
                # in hard-wrapped text a short line too ("   Tyson Foods Inc. is
                # considering an increase" / "in its offer …"): wire ledes start short
                or (width and not indented[i] and line[:1].islower())
                # or a capital after a paragraph's indented first line that stops on a
                # word no heading ends with ("   Texaco Inc. and the Saudi Arabian Oil Co.
                # said" / "Monday they had begun …")
                or (
                    width
                    and not indented[i]
                    and indented[i - 1]
                    and (
                        _CARRIES_ON.search(lines[i - 1]) is not None
                        # or that reads as a sentence, not a title, and stops inside a
                        # name ("   CBS Records has agreed to buy Tree" / "International
                        # Publishing, the …")
                        or (
                            _NAME_AT_END.search(lines[i - 1]) is not None
                            and len(_LOWER_WORD.findall(lines[i - 1])) >= 3
                        )
                    )
                )
            )
        ):
            # a hard-wrapped line continues the paragraph above it
            merged = paragraphs.pop()
            line = merged.text + " " + line
        heading = not _END_PUNCT.search(line) and len(line.split()) <= 14 and not listed
        paragraphs.append(Paragraph(line, heading=heading))
        previous = line
    while paragraphs and paragraphs[-1].heading:  # category labels, stray credits
        paragraphs.pop()
    if any(" * " in p.text for p in paragraphs):
        paragraphs = [part for p in paragraphs for part in _bullets(p)]
    return paragraphs


_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_NAME_AT_END = re.compile(r"\s[A-Z][\w&-]*$")
_CARRIES_ON = re.compile(
    r"\b(?:said|says|announced|reported|told|the|a|an|and|or|of|to|for|in|on|at|by|with"
    r"|from|its|their|that)$"
)


# A wire story's summary points run on one line: "Iberdrola to be wind power firm in UK
# * Drax to close its coal plants by 2025 * Deal to be completed by year end"
_BULLET = re.compile(r"\s+\*\s+(?=[A-Z(])")


def _bullets(paragraph: Paragraph) -> list[Paragraph]:
    parts = [part for part in _BULLET.split(paragraph.text) if part.strip()]
    if len(parts) < 2:
        return [paragraph]
    return [Paragraph(part.strip(), heading=False) for part in parts]


# Every call to action contains one of these words: a cheap test before the pattern.
_CTA_WORDS = (
    "subscribe",
    "sign up",
    "newsletter",
    "click here",
    "watch this",
    "download",
    "follow",
    "your ",
    "register now",
    "early",
)


def _navigation(line: str) -> bool:
    """A site's menu saved with the page: many words, no sentence, nearly all of them
    capitalised ("Artificial Intelligence View All AI, ML and Deep Learning Auto ML …")."""
    words = line.split()
    if len(words) < 12:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    # a long menu may hold a question or a full stop; prose never has this many capitals
    if len(words) >= 30:
        return capitalised >= 0.75 * len(words)
    return capitalised >= 0.8 * len(words) and not _SENTENCE_END.search(line)


_SENTENCE_END = re.compile(r"[.!?。！？][\"”’)]?(?:\s|$)")


def wrap_width(lines: list[str]) -> int | None:
    """The width text was hard-wrapped at (wire copy, mail, old archives: lines of
    about 65-80 characters, most of them close to the limit), or None for text with a
    line per paragraph. Markup lines ("<P>", "<PAGE>"), table rows and centred lines
    are no measure of it: a filing or an archive's record wraps its prose between them."""
    lengths = sorted(len(line.rstrip()) for line in lines if _measures_wrap(line))
    if len(lengths) < 6:
        return None
    width = lengths[int(len(lengths) * 0.9) - 1]
    if not 40 <= width <= 100:
        return None
    near = sum(1 for n in lengths if n >= width - 20)
    return width if near >= len(lengths) * 0.5 else None


def _measures_wrap(line: str) -> bool:
    text = line.strip()
    return (
        bool(text)
        and not _MARKUP_LINE.fullmatch(text)
        and len(line) - len(line.lstrip()) < _CENTRED
        and not (len(text) <= _TABLE_ROW and _COLUMN_GAP.search(text))
    )


_MARKUP_LINE = re.compile(r"(?:<[^<>]*>\s*)+")
_COLUMN_GAP = re.compile(r"\S {3,}\S")  # "Cash and cash equivalents      $ 14,709"
_CENTRED = 20  # the indent of a centred title or a table's right-hand column
_TABLE_ROW = 160  # a longer line with wide gaps is a page flattened to one line


def _furniture(line: str) -> bool:
    """Page furniture: a credit, a notice, a call to action or a menu."""
    return bool(_DROP_LINE.match(line)) or _calls_to_action(line) or _navigation(line)


# A line this long that is furniture is a whole page saved as one line (a crawl's JSON
# record, a CSV cell): its article is somewhere between the menus and the notices.
_FLATTENED = 600
# A paragraph this long with a call to action in it is read sentence by sentence.
_MIXED = 200
_GAP = re.compile(r"\s{2,}")
_CAPITALISED = re.compile(r"[A-Z0-9&|]")


def _prose_runs(line: str) -> list[str]:
    """The runs of a flattened page that are not furniture: it cut at sentence ends and
    at wide gaps (where blocks were joined), each piece judged alone, neighbours kept
    together; each run an exact part of the line."""
    pieces: list[tuple[int, int]] = []
    at = 0
    for sentence in (s for block in _GAP.split(line) for s in sentences(block)):
        start = line.index(sentence, at)
        at = start + len(sentence)
        if start > len(line) // 3 and _TAIL_MARKER.match(sentence):
            break  # related stories, topics, the site's footer
        if _furniture_piece(sentence):
            prose = _after_menu(sentence)
            if prose is None:
                continue
            start = at - len(prose)
        pieces.append((start, at))
    runs: list[tuple[int, int]] = []
    for start, end in pieces:
        if runs and not line[runs[-1][1] : start].strip():
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return [line[start:end] for start, end in runs]


def _after_menu(sentence: str) -> str | None:
    """The prose of a sentence a menu was glued before ("… Tech Science Newsletters
    Wellness Computer scientist Demis Hassabis has sold …" is prose from "Computer"),
    or None. Prose starts at a capitalised word before a lowercase one, three of the next
    five words lowercase, after ten words nearly all capitalised (a name of several
    words right after a menu loses its first: the menu's last word is as likely)."""
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", sentence)]
    caps = [bool(_CAPITALISED.match(word)) for _, word in words]
    for i in range(10, len(words) - 1):
        prose = not caps[i + 1] and caps[i + 1 : i + 6].count(False) >= 3
        if caps[i] and prose and sum(caps[i - 10 : i]) >= 8:
            rest = sentence[words[i][0] :]
            if not _furniture_piece(rest):
                return rest
    return None


def _furniture_piece(piece: str) -> bool:
    """A piece of a flattened page that is furniture, or a label between its blocks (a
    few capitalised words with no sentence end: "In this article", "Most viewed")."""
    if _furniture(piece) or _TAIL_MARKER.match(piece):
        return True
    words = piece.split()
    capitalised = sum(1 for w in words if _CAPITALISED.match(w))
    return not _END_PUNCT.search(piece) and capitalised >= 0.6 * len(words)


def _calls_to_action(line: str) -> bool:
    low = line.lower()
    return any(w in low for w in _CTA_WORDS) and bool(_DROP_ANYWHERE.search(line))


def _cut_tail(lines: list[str]) -> list[str]:
    """Drop everything from the first end-of-page marker past the first third on. A
    marker the article goes on after ("Read more: Ramadan's Super Bowl effect" between
    two paragraphs, a box of a section's headlines) is a link inside it: only the
    marker and the lines up to the next sentence are blanked (blank, not removed, so
    that lines keep their indexes)."""
    out = list(lines)
    i = len(lines) // 3 + 1
    while i < len(lines):
        marker = _TAIL_MARKER.match(lines[i])
        if marker is None:
            i += 1
            continue
        alone = not lines[i][marker.end() :].strip(" :.-–—>»➔|")  # "Related Articles:"
        following = [j for j in range(i + 1, len(lines)) if lines[j]][:_LOOK_AHEAD]
        prose = [j for j in following if _prose(lines[j])]
        if alone or len(prose) < 2:
            return out[:i]
        # the box ends where a sentence of the article's (short or long) starts again
        goes_on = next(j for j in range(i + 1, len(lines)) if _sentence(lines[j]))
        out[i:goes_on] = [""] * (goes_on - i)
        i = goes_on
    return out


# How far past a marker the article's prose must go on for the marker to be a link in it
_LOOK_AHEAD = 30
_SENTENCE_END = re.compile(r"[.!?。！？][”\"’)]?$")


def _prose(line: str) -> bool:
    """A paragraph of the article's prose (a headline or a link is short and unfinished)."""
    return len(line) > 150 and bool(_SENTENCE_END.search(line))


def _sentence(line: str) -> bool:
    """A sentence, not a box's call ("Want to see more stories?") or headline."""
    return len(line.split()) >= 10 and bool(_SENTENCE_END.search(line))


def _drop_signature(lines: list[str]) -> list[str]:
    """An author's name repeated on its own line near the end starts the bio."""
    tail_start = max(0, len(lines) - 12)
    counts: dict[str, int] = {}
    for line in lines[tail_start:]:
        # (a name has letters: a page's "\\" line breaks or "* * *" repeat too)
        if (
            line
            and len(line.split()) <= 4
            and not _END_PUNCT.search(line)
            and any(ch.isalpha() for ch in line)
        ):
            counts[line] = counts.get(line, 0) + 1
    for i in range(tail_start, len(lines)):
        if counts.get(lines[i], 0) >= 2:
            return lines[:i]
    return lines


def signature(text: str) -> str | None:
    """The repeated name that signs the article, when there is one (an author)."""
    lines = [line.strip() for line in text.split("\n")]
    kept = _drop_signature(lines)
    if len(kept) < len(lines):
        return lines[len(kept)]
    return None

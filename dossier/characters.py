"""Characters that show as nothing or as something else, and file names shown safely.

"Xiaomi\\u200b" looks exactly like "Xiaomi", and "Xi\\u200baomi" in a seed would split
the name in two: names are compared, and seed text is read, without the
default-ignorable code points (Unicode's Default_Ignorable_Code_Point: zero-width
spaces and joiners, soft hyphens, direction marks, variation selectors, tags).
A file name is shown with undecodable bytes and such characters escaped, so a
message can always be printed and read.
"""

from __future__ import annotations

import os
import re

from .errors import Problem
from .frontmatter import UNSAFE_CHARS

# Default_Ignorable_Code_Point (DerivedCoreProperties.txt, Unicode 15).
IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


def visible(text: str) -> str:
    """``text`` without invisible (default-ignorable) characters."""
    if text.isascii():
        return text  # (every such character is outside ASCII: no scan needed)
    return IGNORABLE.sub("", text)


def shown(name: str) -> str:
    """A file name as printable text: bytes that are not UTF-8 as ``\\xff``, control,
    bidi and invisible characters as ``\\u202e``."""
    # os.listdir gives undecodable bytes as lone surrogates (surrogateescape)
    text = os.fsencode(name).decode("utf-8", "backslashreplace")
    return _HIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# Tab and newline too: fine in text, not in a file name shown on one line.
_HIDDEN = re.compile(f"[\t\n]|{UNSAFE_CHARS.pattern}|{IGNORABLE.pattern}")


def name_problem(rel: str, hint: str) -> Problem | None:
    """A Problem when the name in ``rel`` is not valid UTF-8 or holds hidden characters."""
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        return Problem(shown(rel), None, "", "file name is not valid UTF-8", hint)
    if _HIDDEN.search(rel):
        return Problem(
            shown(rel),
            None,
            "",
            "file name holds a control, bidirectional or invisible character (shown escaped)",
            hint,
        )
    return None

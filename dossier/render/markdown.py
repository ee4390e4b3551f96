"""Markdown from briefings → safe HTML.

markdown-it-py's ``js-default`` preset has raw HTML off and refuses ``javascript:``,
``vbscript:``, ``file:`` and non-image ``data:`` links. One hole is closed here:
its link and image rules scan from every ``[`` to the end of the text for the
closing ``]``, so a long run of ``[`` is quadratic (1 MB took two minutes). We
skip that scan when no ``]`` follows within ``MAX_LINK_TEXT`` characters: link
text longer than that is rendered as plain text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.image import image
from markdown_it.rules_inline.link import link
from markupsafe import Markup

MAX_LINK_TEXT = 1000

# A paragraph that no markdown rule of the preset can touch: one line with none of the
# characters that start inline markup, entities, raw HTML or escapes, and no start a
# block rule reads (a list's "-" or "1.", an indent, a heading's "#"). Most summaries
# are such paragraphs; markdown-it takes a third of a millisecond for each (about 7 s
# of a 10,000-article site's pages and feeds), and what it gives each is the line,
# escaped, in a paragraph.
_PLAIN = re.compile(r"[^\x00-\x20\d\-\\`*_\[\]<>&!~|#=+][^\x00-\x1f\\`*_\[\]<>&!~|#=+]*")


def _bounded(rule: Callable[[StateInline, bool], bool], opener: str) -> Callable[..., bool]:
    def bounded(state: StateInline, silent: bool) -> bool:
        start = state.pos + len(opener)
        if (
            state.src.startswith(opener, state.pos)
            and "]" not in state.src[start : start + MAX_LINK_TEXT]
        ):
            return False
        return rule(state, silent)

    return bounded


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("js-default")
    md.inline.ruler.at("link", _bounded(link, "["))
    md.inline.ruler.at("image", _bounded(image, "!["))
    return md


def _plain(paragraph: str) -> bool:
    return (
        _PLAIN.fullmatch(paragraph) is not None
        and not paragraph[-1].isspace()
        and not paragraph[0].isspace()
    )


def to_html(text: str) -> Markup:
    paragraphs = text.rstrip("\n").split("\n\n")
    if all(_plain(paragraph) for paragraph in paragraphs):
        # (No "&", "<" or ">" in them: the quote is all markdown-it would escape.)
        return Markup("".join(f"<p>{p}</p>\n" for p in paragraphs).replace('"', "&quot;"))
    # Markup is right here: markdown-it escaped every character of the input itself.
    return Markup(_parser().render(text))

"""Markdown from briefings → safe HTML.

markdown-it-py's ``js-default`` preset has raw HTML off and refuses ``javascript:``,
``vbscript:``, ``file:`` and non-image ``data:`` links. One hole is closed here:
its link and image rules scan from every ``[`` to the end of the text for the
closing ``]``, so a long run of ``[`` is quadratic (1 MB took two minutes). We
skip that scan when no ``]`` follows within ``MAX_LINK_TEXT`` characters: link
text longer than that is rendered as plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.image import image
from markdown_it.rules_inline.link import link
from markupsafe import Markup

MAX_LINK_TEXT = 1000


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


def to_html(text: str) -> Markup:
    # Markup is right here: markdown-it escaped every character of the input itself.
    return Markup(_parser().render(text))

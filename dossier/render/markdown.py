"""Markdown from briefings → safe HTML.

markdown-it-py's ``js-default`` preset has raw HTML off and refuses ``javascript:``,
``vbscript:``, ``file:`` and non-image ``data:`` links, and it stays linear on hostile
input where Python-Markdown (MkDocs's own) goes quadratic.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markupsafe import Markup


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("js-default")


def to_html(text: str) -> Markup:
    # Markup is right here: markdown-it escaped every character of the input itself.
    return Markup(_parser().render(text))

"""The faster search parser splits pages into exactly the sections Material's parser does."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search.plugin import Parser

from dossier.searchparse import FastParser

_OPEN = [
    "<h1 id='a'>",
    "<h2 id='b'>",
    "<h3>",
    "<h2 id='c' data-search-exclude>",
    "<div>",
    "<div data-search-exclude>",
    "<div class='linenodiv'>",
    "<p>",
    "<pre>",
    "<code>",
    "<ul>",
    "<li>",
    "<a class='headerlink' href='#a'>",
    "<a href='x.html'>",
    "<script>",
    "<style>",
    "<span>",
    "<sup>",
]
_OTHER = ["<br>", "<hr/>", "<img src='x.png'>", "<!-- note -->"]
_TEXT = ["text", " ", "\n", "  two\nlines ", "a &amp; b", "&lt;tag&gt;", "小米", "\t"]
_CLOSE = ["h1", "h2", "h3", "div", "p", "pre", "code", "ul", "li", "a", "script", "style"]
_CLOSE += ["span", "sup", "section"]


def sections(parser: Parser, html: str) -> list[tuple[object, ...]]:
    parser.feed(html)
    parser.close()
    return [
        (s.el.tag, s.el.attrs, s.depth, s.id, s.title, s.text, s.is_excluded()) for s in parser.data
    ]


def same(html: str) -> None:
    assert sections(FastParser(), html) == sections(Parser(), html)


_PIECE = st.one_of(
    st.sampled_from(_OPEN),
    st.sampled_from(_OTHER),
    st.sampled_from(_TEXT),
    st.sampled_from(_CLOSE).map(lambda tag: f"</{tag}>"),
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_PIECE, max_size=40))
def test_random_markup_gives_the_same_sections(pieces: list[str]) -> None:
    same("".join(pieces))


@pytest.mark.parametrize(
    "html",
    [
        "<div data-search-exclude>x</div><div>y</div><p>z</p>",
        "<div><div data-search-exclude>x</div>y</div>",
        "<div class='linenodiv'>1</div><div>code</div>",
        "<p>lead</p><div><h2 id='n'>Nested <a class='headerlink' href='#n'>¶</a></h2>in</div>out",
        "<h3 id='x'>first not h1</h3><p> </p><p>text</p><pre>a\n\n  b</pre>",
        "<ul><li> </li><li>item <code>c</code></li></ul><script>var a;</script>after",
    ],
)
def test_tricky_markup_gives_the_same_sections(html: str) -> None:
    same(html)


def test_the_built_pages_give_the_same_sections(default_site: Path) -> None:
    pages = sorted(default_site.rglob("*.html"))
    assert pages
    for page in pages:
        same(page.read_text("utf-8"))

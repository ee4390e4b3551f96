"""The search plugin's page parser, with its bookkeeping done on tag names.

Material's search plugin splits every page into sections with an ``HTMLParser``
subclass whose handlers keep the open elements as ``Element`` objects and ask, for
every tag and every piece of text, whether one of them is skipped
(``set.intersection`` over objects hashed and compared in Python). That bookkeeping
costs about as much as the tokenizing itself, on every page of a cold build.

``Element`` hashes and compares by tag name alone, so every one of those questions is
a question about tag names. ``FastParser`` keeps a list of the open tags beside the
elements and a set of skipped tag names, and asks the same questions of those. The
handlers are Material's (9.8.1), line for line otherwise; the sections they produce
are the same objects. ``add_entry`` is used only with the version it was ported from,
and tests/test_searchparse.py checks it against Material's parser.
"""

from __future__ import annotations

from html import escape
from importlib import metadata
from typing import Any

from material.plugins.search.plugin import Element, Parser, SearchIndex, Section, void

PORTED_FROM = "9.8.1"
_HEADINGS = frozenset(f"h{x}" for x in range(1, 7))
_ALWAYS_SKIPPED = ("script", "style", "object")


def usable(index: Any) -> bool:
    """Whether ``index`` is the search index whose parser FastParser reproduces."""
    try:
        version = metadata.version("mkdocs-material")
    except metadata.PackageNotFoundError:
        return False
    return type(index) is SearchIndex and version == PORTED_FROM


def add_entry(index: Any, page: Any) -> None:
    """``SearchIndex.add_entry_from_context`` with the faster parser."""
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        return
    parser = FastParser()
    parser.feed(page.content)
    parser.close()
    for section in parser.data:
        if not section.is_excluded():
            index.create_entry_for_section(section, page.toc, page.url, page)


class FastParser(Parser):
    def __init__(self) -> None:
        super().__init__()
        self.skip = set(_ALWAYS_SKIPPED)  # tag names, as Element compares by tag
        self.tags: list[str] = []  # the tag of each element in self.context

    def _skipping(self) -> bool:
        return not self.skip.isdisjoint(self.tags)

    def _in_title(self) -> bool:
        return self.section.el.tag in self.tags

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attrs_ = dict(attrs)
        el = Element(tag, attrs_)
        if tag in void:  # self-closing tags are ignored
            return
        self.context.append(el)
        self.tags.append(tag)
        if tag in _HEADINGS:
            depth = len(self.context)
            if "id" in attrs_:
                if tag != "h1" and not self.data:  # ensure a top-level section
                    self.section = Section(Element("hx"), depth)
                    self.data.append(self.section)
                self.section = Section(el, depth)
                if self.data:  # an identifier, if not the first section
                    self.section.id = attrs_["id"]
                self.data.append(self.section)
        if not self.section:  # a preface: ensure a top-level section
            self.section = Section(Element("hx"))
            self.data.append(self.section)
        for key, value in attrs_.items():
            if key == "data-search-exclude" or (key == "class" and value == "linenodiv"):
                self.skip.add(tag)
                return
        if tag in self.keep and not self._skipping():
            data = self.section.title if self._in_title() else self.section.text
            data.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if not self.context or self.tags[-1] != tag:
            return
        # Leaving a headline nested in another element closes the current section.
        if self.section.depth > len(self.context):
            for section in reversed(self.data):
                if section.depth <= len(self.context):
                    self.section.depth = float("inf")
                    self.section = section
                    break
        self.context.pop()
        self.tags.pop()
        if tag in self.skip:
            if tag not in _ALWAYS_SKIPPED:
                self.skip.remove(tag)
            return
        if tag in self.keep and not self._skipping():
            data = self.section.title if self._in_title() else self.section.text
            index = data.index(f"<{tag}>")  # the corresponding opening tag
            for i in range(index + 1, len(data)):
                if not data[i].isspace():
                    index = len(data)
                    break
            if len(data) > index:  # empty (or only whitespace): remove the element
                while len(data) > index:
                    data.pop()
            else:
                data.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self._skipping():
            return
        if "pre" not in self.tags:  # collapse whitespace outside <pre>
            data = data.replace("\n", " ") if not data.isspace() else " "
        if not self.section:
            self.section = Section(Element("hx"))
            self.data.append(self.section)
        if self._in_title():
            permalink = any(
                el.tag == "a" and el.attrs.get("class") == "headerlink" for el in self.context
            )
            if not permalink:
                self.section.title.append(escape(data, quote=False))
        elif data.isspace():  # collapse adjacent whitespace, except in <pre>
            text = self.section.text
            if not text or not text[-1].isspace() or "pre" in self.tags:
                text.append(data)
        else:
            self.section.text.append(escape(data, quote=False))

"""Which page a search shows first: the page whose name or alias is the query.

Pagefind ranks by how often and where the words occur, so an article saying "Xiaomi"
ten times can outrank the Xiaomi profile. The header search (assets/dossier-search.js)
therefore first looks the whole query up in a table of names: every company's name and
aliases and every deal's title, lower-cased, each with its page's address, title and
summary. The table is split into ``SHARDS`` small files by a hash of the name (32-bit
FNV-1a of its UTF-8 bytes, which the script computes the same way), so a query loads
one file of a few kilobytes whatever the size of the corpus. (Pagefind's own filters
could carry the names, but version 1.5.2 writes their values in a random order, and
builds must be byte-identical.)
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from .render import RenderedSite
from .render.site import page_path

FOLDER = "search-names"
SHARDS = 64


def fnv1a(text: str) -> int:
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def _named(rendered: RenderedSite) -> Iterator[tuple[str, str]]:
    """(name, page path) for every company name and alias and every deal title."""
    views = rendered.views
    for company in views.companies_by_name:
        for name in (company.name, *company.aliases):
            yield name, page_path("company", company.slug)
    for deal in views.deals_newest_first:
        yield deal.title, page_path("deal", deal.slug)


def name_files(rendered: RenderedSite) -> list[tuple[str, str]]:
    """The name table's files (path in the site, text); every shard is written, empty
    or not, so a lookup never asks for a missing file."""
    pages = {page.path: page for page in rendered.pages}
    shards: list[dict[str, list[list[str]]]] = [{} for _ in range(SHARDS)]
    for name, path in _named(rendered):
        page = pages.get(path)
        key = name.strip().lower()
        if page is None or not key:
            continue
        entry = [path.removesuffix(".md") + ".html", page.title, page.description]
        found = shards[fnv1a(key) % SHARDS].setdefault(key, [])
        if entry not in found:  # two companies may share an alias: both pages come first
            found.append(entry)
    return [
        (f"{FOLDER}/{i:02x}.json", json.dumps(shard, ensure_ascii=False, sort_keys=True))
        for i, shard in enumerate(shards)
    ]

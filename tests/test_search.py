"""The site's search: the Pagefind index, what pages mark for it, the table of names,
and the header search in a real Chromium typing names, aliases and Chinese names; an
index in shards finds in Chromium exactly the pages one index finds."""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import re
import shutil
import struct
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pagefind.service import get_executable

from dossier import site_search
from dossier.cli import main
from dossier.search_names import SHARDS, fnv1a
from dossier.site_search import (
    PAGES_PER_SHARD,
    PROBE_FOLDER,
    SHARDS_FILE,
    IndexStats,
    index_site,
    marked_pages,
    prune_cache,
    shard_folder,
    shard_words,
)

from .conftest import SITE_PARTS, copy_project, generate
from .test_browser import CHROMIUM, base_url, browser  # noqa: F401  (shared fixtures)
from .test_site import content, soup

needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium package")


def test_company_page_marks_its_content_names_and_preview(default_site: Path) -> None:
    page = content(default_site, "companies/huawei.html")
    (body,) = page.select("[data-pagefind-body]")
    meta = body.select_one("[data-pagefind-meta]")
    assert meta["data-title"] == "Huawei"
    assert meta["data-summary"].startswith("Huawei is a Chinese technology company")
    assert "<" not in meta["data-summary"] and "Reviewed" not in meta["data-summary"]
    assert body.h1["data-pagefind-weight"] == "10"
    # The review line ("Reviewed by … Source file: …") is not what a result previews.
    assert "data-pagefind-ignore" in body.select_one(".dossier-review").attrs
    # The header (navigation, the search box itself) is outside what is indexed.
    assert (
        soup(default_site, "companies/huawei.html").select_one("header [data-pagefind-body]")
        is None
    )


def test_titles_with_quotes_stay_clean_text(default_site: Path) -> None:
    page = content(default_site, "deals/huawei-xiaomi-deepseek-2024.html")
    meta = page.select_one("[data-pagefind-meta]")
    assert (
        meta["data-title"]
        == 'Claimed extension of Huawei\'s "DeepSeek" AI features to 25 Xiaomi phones'
    )


def test_names_table_finds_each_company_by_name_and_alias(default_site: Path) -> None:
    def lookup(name: str) -> list[list[str]]:
        key = name.lower()
        shard = json.loads(
            (default_site / f"search-names/{fnv1a(key) % SHARDS:02x}.json").read_text("utf-8")
        )
        return shard.get(key, [])

    assert len(list((default_site / "search-names").glob("*.json"))) == SHARDS
    assert [e[0] for e in lookup("小米")] == ["companies/xiaomi.html"]
    assert [e[0] for e in lookup("Xiaomi")] == ["companies/xiaomi.html"]
    assert [e[0] for e in lookup("深度求索")] == ["companies/deepseek.html"]
    assert lookup("Xiaomi")[0][1:] == [
        "Xiaomi",
        content(default_site, "companies/xiaomi.html").select_one("[data-pagefind-meta]")[
            "data-summary"
        ],
    ]
    assert lookup("no such company") == []


def test_fnv1a_matches_the_published_test_vectors() -> None:
    # FNV-1a 32-bit reference values; the header script computes the same function.
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C
    assert fnv1a("foobar") == 0xBF9CF968


def _index(site: Path) -> dict[str, bytes]:
    folder = site / "pagefind"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.*")}


def test_index_is_byte_identical_when_built_again(default_site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(default_site, copy)
    # The build indexed exactly the marked pages: indexing them again gives its bytes.
    stats = index_site(copy, marked_pages(copy), tmp_path / "cache")
    first = _index(copy)
    assert stats == IndexStats(shards=1, indexed=1)
    assert first == _index(default_site)
    assert any(name.startswith("fragment/") for name in first)
    # A site under PAGES_PER_SHARD searchable pages: one index, no probe.
    assert len(marked_pages(copy)) < PAGES_PER_SHARD
    assert json.loads(first[SHARDS_FILE]) == {"shards": [""]}
    assert not any(name.startswith(PROBE_FOLDER) for name in first)


def test_index_of_the_pages_searchable_parts_is_the_full_pages_index(
    default_site: Path, tmp_path: Path
) -> None:
    """The build indexes each page's ``search_document`` (its marked part alone): Pagefind
    run over the whole finished pages gives the very same index."""
    pages = tmp_path / "pages"
    for path in marked_pages(default_site):
        (pages / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(default_site / path, pages / path)
    full = tmp_path / "full"
    command = [str(get_executable()), "--site", str(pages), "--output-path", str(full)]
    subprocess.run([*command, "--silent"], check=True)
    built = {k: v for k, v in _index(default_site).items() if k != SHARDS_FILE}
    assert {p.relative_to(full).as_posix(): p.read_bytes() for p in full.rglob("*.*")} == built
    assert sum(name.startswith("fragment/") for name in built) == len(marked_pages(default_site))


def _pages_indexed(site: Path) -> int:
    index = _index(site)
    return sum(
        language["page_count"]
        for name in index
        if name.endswith("pagefind-entry.json") and not name.startswith(PROBE_FOLDER)
        for language in json.loads(index[name])["languages"].values()
    )


def test_shards_index_every_page_once_and_only_changed_shards_again(
    default_site: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(default_site, site)
    pages = marked_pages(site)
    stats = index_site(site, pages, tmp_path / "cache", per_shard=4)
    assert stats.shards == -(-len(pages) // 4) > 2
    filled = sorted({fnv1a(path) % stats.shards for path in pages})
    assert stats.indexed == len(filled)
    listed = json.loads((site / "pagefind" / SHARDS_FILE).read_text("utf-8"))
    assert listed["shards"] == [shard_folder(n) for n in filled]
    # The probe: one page per shard, named by the shard's place in the list.
    assert listed["probe"]["folder"] == PROBE_FOLDER
    assert sorted(listed["probe"]["pages"].values()) == list(range(len(filled)))
    assert _pages_indexed(site) == len(pages)
    # One page changes: only its shard is indexed again, and the whole index equals
    # one built from scratch (an empty cache) of the same pages.
    changed = "companies/xiaomi.html"
    page = site / changed
    marked = "<div data-pagefind-body>"
    page.write_text(page.read_text("utf-8").replace(marked, marked + "<p>Zanzibar</p>"), "utf-8")
    pages = marked_pages(site)
    assert index_site(site, pages, tmp_path / "cache", per_shard=4) == IndexStats(stats.shards, 1)
    # Each page's search document is kept by its key, for its shard's next indexing;
    # the changed page's old one is gone.
    documents = {p.name for p in (tmp_path / "cache/.documents").iterdir()}
    assert documents == {f"{key}.html" for key in pages.values()}
    again = tmp_path / "again"
    shutil.copytree(site, again)
    assert index_site(again, pages, tmp_path / "empty", per_shard=4).indexed == stats.shards
    assert _index(site) == _index(again)
    # The changed page's words are in its shard, the shard its path hashes to.
    shard = site / "pagefind" / shard_folder(fnv1a(changed) % stats.shards)
    assert any(
        b"Zanzibar" in gzip.decompress(fragment.read_bytes())
        for fragment in (shard / "fragment").iterdir()
    )


def test_a_new_shards_pages_are_removed_by_a_process_the_build_does_not_wait_for(
    default_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pagefind reads a shard's pages from a folder of links to their search documents;
    once the shard is indexed, an rm the build does not wait for removes that folder,
    and the index is the one made before."""
    site = tmp_path / "site"
    shutil.copytree(default_site, site)
    pages = marked_pages(site)
    names = {Path(path).name for path in pages}
    unlinked: list[str] = []
    unlink = os.unlink

    def recorded(path: Any, *args: Any, **kwargs: Any) -> None:
        unlinked.append(os.path.basename(os.fspath(path)))
        unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", recorded)
    index_site(site, pages, tmp_path / "cache", per_shard=4)
    monkeypatch.undo()
    assert "xiaomi.html" in names and not names & set(unlinked)
    deadline = time.monotonic() + 30
    cache = tmp_path / "cache"
    while list(cache.glob(".shard.*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not list(cache.glob(".shard.*"))  # neither a shard's pages nor a leftover
    again = tmp_path / "again"  # indexed again from the cache, the same index
    shutil.copytree(default_site, again)
    assert index_site(again, pages, cache, per_shard=4).indexed == 0
    assert _index(again) == _index(site)


def test_stale_shards_are_removed_by_a_process_the_build_does_not_wait_for(
    default_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    shutil.copytree(default_site, site)
    pages = marked_pages(site)
    cache = tmp_path / "cache"
    index_site(site, pages, cache, per_shard=4)
    used = sorted(p.name for p in cache.iterdir() if p.is_dir() and not p.name.startswith("."))
    assert len(used) > 2  # the shards and the probe
    # Shards of earlier builds, older than those used: three more than are kept.
    stale = [cache / f"{n:064x}" for n in range(2 * len(used) + 3)]
    for n, folder in enumerate(stale):
        (folder / "fragment").mkdir(parents=True)
        (folder / "fragment" / "stale.pf_fragment").write_bytes(b"old")
        os.utime(folder, (1_000_000 + n, 1_000_000 + n))
    # What a killed rm left, over an hour ago, is removed too.
    (cache / ".shard.gone-killed" / "fragment").mkdir(parents=True)
    os.utime(cache / ".shard.gone-killed", (1_000_000, 1_000_000))
    unlinked: list[str] = []
    unlink = os.unlink

    def recorded(path: Any, *args: Any, **kwargs: Any) -> None:
        unlinked.append(os.fspath(path))
        unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", recorded)
    prune_cache(pages, cache, per_shard=4)
    monkeypatch.undo()
    # At once, the three oldest are no longer under their names (a build would take
    # them for shards it holds), and this process removed none of their files: an rm
    # it does not wait for does.
    kept = sorted(p.name for p in cache.iterdir() if p.is_dir() and not p.name.startswith("."))
    assert kept == sorted(used + [p.name for p in stale[3:]])
    assert not [path for path in unlinked if path.endswith("stale.pf_fragment")]
    deadline = time.monotonic() + 30
    while list(cache.glob(".shard.gone-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not list(cache.glob(".shard.gone-*"))
    # The pruned cache still gives the index an empty cache gives.
    again, clean = tmp_path / "again", tmp_path / "clean"
    shutil.copytree(default_site, again)
    shutil.copytree(default_site, clean)
    assert index_site(again, pages, cache, per_shard=4).indexed == 0
    index_site(clean, pages, tmp_path / "empty", per_shard=4)
    assert _index(again) == _index(clean) == _index(site)


def _cbor(data: bytes, at: int = 0) -> tuple[Any, int]:
    """One CBOR item (RFC 8949; what Pagefind's index files hold) and where it ends."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        n = info
    else:
        size = {24: 1, 25: 2, 26: 4, 27: 8}[info]
        n = int.from_bytes(data[at : at + size], "big")
        if major == 7 and size >= 4:  # a float
            return struct.unpack(">f" if size == 4 else ">d", data[at : at + size])[0], at + size
        at += size
    if major in (0, 1):
        return (n if major == 0 else -1 - n), at
    if major in (2, 3):
        raw = data[at : at + n]
        return (raw if major == 2 else raw.decode()), at + n
    if major in (4, 5):
        items = []
        for _ in range(n * (2 if major == 5 else 1)):
            item, at = _cbor(data, at)
            items.append(item)
        return (items if major == 4 else dict(zip(items[::2], items[1::2], strict=True))), at
    return {20: False, 21: True, 22: None}.get(n), at


def _pagefind_file(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(b"pagefind_dcd")
    return _cbor(data[len(b"pagefind_dcd") :])[0]


def _words_by_page(index: Path) -> dict[str, set[str]]:
    """The indexed (stemmed) words of each page of a Pagefind index, by the page's id,
    read from the index's chunks: ``[word, [[page delta, …], …], [[variant, pages]…]]``."""
    (meta,) = index.glob("*.pf_meta")
    pages = [page_id for page_id, _ in _pagefind_file(meta)[1]]
    words: dict[str, set[str]] = {}
    for chunk in index.glob("index/*.pf_index"):
        for word, on_pages, variants in _pagefind_file(chunk)[0]:
            for form, listed in [(word, on_pages)] + [(f"{word}|{v}", p) for v, p in variants]:
                page = 0
                for entry in listed:  # page numbers are delta-encoded
                    page += entry[0]
                    words.setdefault(pages[page], set()).add(form)
    return words


def test_the_probe_holds_each_shards_indexed_words(default_site: Path, tmp_path: Path) -> None:
    """The probe decides as one index would only if its page for a shard has exactly
    the words Pagefind indexed for that shard's pages (read from both indexes)."""
    site = tmp_path / "site"
    shutil.copytree(default_site, site)
    index_site(site, marked_pages(site), tmp_path / "cache", per_shard=3)
    folder = site / "pagefind"
    listed = json.loads((folder / SHARDS_FILE).read_text("utf-8"))
    probe = _words_by_page(folder / PROBE_FOLDER)
    assert sorted(probe) == sorted(listed["probe"]["pages"]) and len(probe) > 3
    everything: set[str] = set()
    for page, place in listed["probe"]["pages"].items():
        shard = set().union(*_words_by_page(folder / listed["shards"][place]).values())
        assert probe[page] == shard, place
        everything |= shard
    assert {"acceler", "小米", "2018"} <= everything
    assert set().union(*_words_by_page(default_site / "pagefind").values()) == everything


def test_an_edits_probe_made_beside_its_shards_is_the_probe_of_its_shards(
    default_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an edit the probe is made before the changed shards are indexed, from the
    last shards' words and the changed pages' words as they were and as they are
    (site_search._words_ahead): the index is the one an empty cache gives."""
    site = tmp_path / "site"
    shutil.copytree(default_site, site)
    page = site / "companies/huawei.html"
    text = page.read_text("utf-8")
    page.write_text(text.replace("is a Chinese technology", "is a zzyzx technology"), "utf-8")
    last = marked_pages(site)
    cache = tmp_path / "cache"
    index_site(site, last, cache, per_shard=3)
    # The edit: a word no other page holds goes, another comes.
    page.write_text(text.replace("is a Chinese technology", "is a qwopq technology"), "utf-8")
    pages = marked_pages(site)
    ahead: list[bool] = []
    words_ahead = site_search._words_ahead

    def recorded(*args: Any) -> bool:
        ahead.append(words_ahead(*args))
        return ahead[-1]

    monkeypatch.setattr(site_search, "_words_ahead", recorded)
    read = functools.partial(site_search._read_page, site)
    site_search.index_later(lambda: site, pages, cache, read, per_shard=3, last=last)
    assert ahead == [True]  # one shard changed, its words made ahead
    clean = tmp_path / "clean"
    shutil.copytree(site, clean)
    shutil.rmtree(clean / "pagefind")
    index_site(clean, pages, tmp_path / "empty", per_shard=3)
    assert _index(site) == _index(clean)
    probe = json.dumps(_words_by_page(site / "pagefind" / PROBE_FOLDER), default=list)
    assert "qwopq" in probe and "zzyzx" not in probe


def test_a_shards_words_are_its_fragments_words_split_at_pagefinds_spaces(
    tmp_path: Path,
) -> None:
    """Each language's words, from every fragment's content and meta, split where
    Pagefind splits (a no-break space too, not a hyphen), none empty (an empty title, a
    text with spaces at its ends), sorted; kept beside the shard, each with the number
    of pages holding it, and read from there."""
    index = tmp_path / "shard"
    (index / "fragment").mkdir(parents=True)
    pages = {
        "en_1": {"content": " Xiaomi\u00a0signs a  MoU ", "meta": {"title": "", "image": "x"}},
        "en_2": {"content": "co-operation\nMoU", "meta": {"title": "Deal"}},
        "zh_3": {"content": "小米 深度求索", "meta": {}},
        "de_4": {"content": "", "meta": {"title": " "}},
    }
    for name, page in pages.items():
        data = b"pagefind_dcd" + json.dumps(page, ensure_ascii=False).encode()
        (index / "fragment" / f"{name}.pf_fragment").write_bytes(gzip.compress(data))
    expected = {
        "de": [],
        "en": ["Deal", "MoU", "Xiaomi", "a", "co-operation", "signs", "x"],
        "zh": ["小米", "深度求索"],
    }
    assert shard_words(index) == expected
    kept = tmp_path / "shard.words.json"
    counts = {"Deal": 1, "MoU": 2, "Xiaomi": 1, "a": 1, "co-operation": 1, "signs": 1, "x": 1}
    assert json.loads(kept.read_text("utf-8")) == {
        "de": {},
        "en": counts,
        "zh": {"小米": 1, "深度求索": 1},
    }
    shutil.rmtree(index / "fragment")  # the kept words are read, not the fragments
    assert shard_words(index) == expected


def results(page, query: str) -> list[str]:
    box = page.locator("#dossier-search-q")
    box.fill("")
    box.press_sequentially(query)
    page.wait_for_function(
        "q => document.querySelector('#dossier-search-q').value === q &&"
        " /found/.test(document.querySelector('.dossier-search__status').textContent)",
        arg=query,
    )
    page.wait_for_timeout(300)  # a query typed letter by letter: let the last one land
    links = page.locator("#dossier-search-results a")
    return [links.nth(i).get_attribute("href") or "" for i in range(links.count())]


@needs_chromium
@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Xiaomi", "/companies/xiaomi.html"),
        ("Xiaomi Corporation", "/companies/xiaomi.html"),  # an alias
        ("小米", "/companies/xiaomi.html"),
        ("深度求索", "/companies/deepseek.html"),
        ("huawei", "/companies/huawei.html"),
    ],
)
def test_header_search_shows_the_named_page_first(
    browser,  # noqa: F811
    base_url: str,  # noqa: F811
    query: str,
    first: str,
) -> None:
    _count, found = _search(browser, base_url, query, "deals/index.html")
    assert found and found[0] == first, found


@needs_chromium
def test_header_search_works_from_the_keyboard(browser, base_url: str) -> None:  # noqa: F811
    page = browser.new_page()
    page.goto(f"{base_url}/index.html", wait_until="networkidle")
    page.keyboard.press("Tab")  # the box is reachable by Tab
    for _ in range(20):
        if page.evaluate("document.activeElement.id") == "dossier-search-q":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "dossier-search-q"
    results(page, "DeepSeek")
    page.keyboard.press("ArrowDown")
    assert (
        page.evaluate("document.activeElement.getAttribute('href')") == "/companies/deepseek.html"
    )
    page.keyboard.press("Escape")
    assert page.locator("#dossier-search-results").is_hidden()
    assert page.evaluate("document.activeElement.id") == "dossier-search-q"
    page.keyboard.press("Enter")  # the first result again
    page.keyboard.press("Enter")
    page.wait_for_url("**/companies/deepseek.html")
    page.close()


@pytest.fixture(scope="module")
def sharded_url(default_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The default site with its search index in shards of three pages, served."""
    site = tmp_path_factory.mktemp("sharded") / "site"
    shutil.copytree(default_site, site)
    assert index_site(site, marked_pages(site), site.parent / "cache", per_shard=3).shards > 3
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _search(
    browser,  # noqa: F811
    url: str,
    query: str,
    page_path: str = "index.html",
) -> tuple[int, list[str]]:
    """The number of pages the header search on ``page_path`` reports for ``query``, and
    the links shown; no script error on the way."""
    page = browser.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto(f"{url}/{page_path}", wait_until="networkidle")
    links = results(page, query)
    status = page.locator(".dossier-search__status").text_content() or ""
    page.close()
    assert problems == []
    count = re.match(r"(\d+) pages? found", status)
    return (int(count.group(1)) if count else 0), links


@needs_chromium
@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("Microsoft", "/companies/microsoft.html"),
        ("小米", "/companies/xiaomi.html"),
        ("Xiaomi Corporation", "/companies/xiaomi.html"),
        ("strategy", None),
    ],
)
def test_header_search_merges_the_shards(
    browser,  # noqa: F811
    base_url: str,  # noqa: F811
    sharded_url: str,
    query: str,
    named: str | None,
) -> None:
    """A sharded index finds what the single index finds, the named page first."""
    one_count, one = _search(browser, base_url, query)
    count, shown = _search(browser, sharded_url, query)
    assert one and shown, query
    if named:
        assert one[0] == shown[0] == named
    # Pagefind scores a word against its shard's pages, so the order of the results
    # may differ; what is found may not. Up to eight results are shown: compare them
    # when that is all.
    assert count == one_count
    if count <= 8:
        assert set(one) == set(shown)
    # A page must hold every word of the query.
    for word in query.split()[1:]:
        assert count <= _search(browser, sharded_url, word)[0], word


def _find_all(browser, url: str, queries: list[str]) -> dict[str, list[str]]:  # noqa: F811
    """Every page the header search's index finds for each query (not only the eight
    shown), as the site's script finds them; no script error on the way."""
    page = browser.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto(f"{url}/index.html", wait_until="networkidle")
    found = {
        query: page.evaluate(
            "q => document.querySelector('form.dossier-search').dossierFindAll(q)", query
        )
        for query in queries
    }
    page.close()
    assert problems == []
    return found


def _differences(browser, one_url: str, sharded_url: str, queries: list[str]) -> list:  # noqa: F811
    one = _find_all(browser, one_url, queries)
    sharded = _find_all(browser, sharded_url, queries)
    # Each page once: a page is in one shard only.
    assert all(len(set(pages)) == len(pages) for pages in sharded.values())
    return [
        (q, sorted(one[q]), sorted(sharded[q])) for q in queries if set(one[q]) != set(sharded[q])
    ]


def _typed(word: str) -> list[str]:
    """What the search box holds while ``word`` is typed, letter by letter."""
    return [word[:n] for n in range(1, len(word) + 1)]


# Single words (rare, common, in no page, misspelt: Pagefind then takes the longest
# indexed word the query word starts with), several words (one of them in no page,
# which one index leaves out of the query), quoted phrases, and words as typed.
DEFAULT_QUERIES = [
    *_typed("accelerating"),
    "acceleratinx",
    "Xiaomi",
    "Xiaomi Corporation",
    "xiaomi microsoft",
    "deepseek huawei",
    "strategy",
    "strategies",
    "2018",
    "20",
    "mou",
    "huaweii",
    "zzqx",
    "xiaomi zzqx",
    "huawei zzqx accelerating",
    '"strategic framework"',
    '"framework strategic"',
    "小米",
    "小",
    *_typed("memorandum"),
]


@needs_chromium
def test_a_rare_word_finds_in_shards_what_it_finds_in_one_index(
    browser,  # noqa: F811
    base_url: str,  # noqa: F811
    sharded_url: str,
) -> None:
    """A shard that lacks a word must not answer with other words (Pagefind#315): in
    shards of three pages, "accelerating" found 14 pages where one index finds 1."""
    one_count, one = _search(browser, base_url, "accelerating")
    count, shown = _search(browser, sharded_url, "accelerating")
    assert one and (count, shown) == (one_count, one) == (1, one)


@needs_chromium
def test_shards_find_what_one_index_finds(
    browser,  # noqa: F811
    base_url: str,  # noqa: F811
    sharded_url: str,
) -> None:
    """The default site in shards of three pages, against its own single index."""
    assert _differences(browser, base_url, sharded_url, DEFAULT_QUERIES) == []


@pytest.fixture(scope="module")
def generated_sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """A generated corpus of 160 articles (225 pages, 185 searchable) built as a user
    builds it (one index: fewer pages than PAGES_PER_SHARD), and a copy of its site
    indexed in shards of 40 pages; both served."""
    root = tmp_path_factory.mktemp("generated") / "project"
    generate(root, 160, companies_per=10, articles_per_deal=20, body_words=60)
    copy_project(root, SITE_PARTS)
    assert main(["--root", str(root), "build"]) == 0
    sharded = root.parent / "sharded"
    shutil.copytree(root / "site", sharded)
    assert (
        index_site(sharded, marked_pages(sharded), root.parent / "cache", per_shard=40).shards > 3
    )
    servers = []
    for site in (root / "site", sharded):
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
        handler.log_message = lambda *args: None  # type: ignore[method-assign]
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    yield tuple(f"http://127.0.0.1:{s.server_address[1]}" for s in servers)  # type: ignore[misc]
    for server in servers:
        server.shutdown()


# Numbers are the generated corpus's rare words: "1599" is on a few pages and most
# shards hold only "159", "15" or "1", which they would answer with.
GENERATED_QUERIES = [
    *_typed("1599"),
    "150",
    "1700",
    "company 17",
    "company 170",
    *_typed("c170"),
    "c1700",
    "holdings",
    "c17 holdings",
    "number 15",
    "number 159",
    "deal",
    "market share",
    '"market share"',
    '"company 17"',
    "chipx",
    "partnershipx",
    "cloud zzqx",
]


@needs_chromium
def test_shards_of_a_generated_corpus_find_what_one_index_finds(
    browser,  # noqa: F811
    generated_sites: tuple[str, str],
) -> None:
    one_url, sharded_url = generated_sites
    assert _differences(browser, one_url, sharded_url, GENERATED_QUERIES) == []

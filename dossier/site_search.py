"""The site's search: a Pagefind index of the built pages, in ``pagefind/``, in shards.

Pagefind (the ``pagefind[extended]`` package ships its binary) reads the built HTML
and writes an index split into fragments: a reader's browser loads only the few a
query needs, where one JSON of the whole corpus grew to tens of megabytes. The index
is a pure function of the pages, so a build stays byte-identical; Pagefind needs no
network.

Pagefind has no incremental mode: indexing 11,500 pages takes ten seconds and more
than a gigabyte whatever changed. So the searchable pages are split into shards of
about ``PAGES_PER_SHARD`` by a hash of their path, each indexed on its own into
``.dossier/cache/search/`` under a digest of its pages' cache keys (pagecache.py: a
key changes whenever the page's HTML can), and the site's ``pagefind/`` is assembled
from the shards: shard 0 at its top, shard N in ``pagefind/shard-N/``, and
``dossier-shards.json`` listing them (a shard no page hashed to is left out). The
header search loads the first listed and merges the others into it in the browser
(Pagefind's ``mergeIndex``). An edit re-indexes only the shards of the pages it
changed; a site under ``PAGES_PER_SHARD`` pages has one shard, laid out as a plain
Pagefind index.

Shards alone would not answer as one index does (Pagefind/pagefind#315). Pagefind
(1.5, ``pagefind_web/src/search.rs``) matches a query word, once stemmed, to every
indexed word that starts with it; only when no indexed word does, to the longest
indexed word the query word starts with ("acceler…" → "accel", or "a"); a word with
neither is left out of the query. A shard decides that on its own words, so a shard
without "accelerating" answered with its pages holding "a". Hence the probe, in
``pagefind/probe/``: a Pagefind index of one page per shard holding every word of
that shard (the words Pagefind kept in the shard's fragments: its pages' text and
meta), so its words are the site's. Searched with the query, the probe decides each
word as one index of the whole site would, and the pages it finds are the shards
whose own decision agrees for every word of the query: exactly the shards that hold
the pages one index would find, and each of those answers with exactly those pages.
The header search keeps only their results (a second search filtered by shard, on
the chunks the first loaded). A quoted phrase matches exact words only, so every
shard answers it as one index would, without the probe.

What is indexed is marked on the page: ``searchable`` wraps a page's own content in
``data-pagefind-body`` (pages without it, the indexes and the print view, are left
out), and gives the result its title and a preview from the page's summary. The
templates weight a company's name and aliases and a deal's title
(``data-pagefind-weight``), so the page about a thing ranks first for its name, and
mark the review line ``data-pagefind-ignore``.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from .atomic import dir_mode, remove_later, swap_dir
from .errors import SiteBuildError
from .parallel import workers
from .search_names import fnv1a

FOLDER = "pagefind"  # in the site, beside the pages
# In FOLDER, for the header search: {"shards": [their folders], "probe": {"folder":
# "probe/", "pages": {the probe's page id: the shard's place in "shards"}}}, the probe
# only when there are several shards.
SHARDS_FILE = "dossier-shards.json"
PROBE_FOLDER = "probe/"
# About 2,000 pages a shard: 6 shards at 10,000 articles, and one index (laid out as
# Pagefind lays it out) for a site under 2,000 searchable pages. DOSSIER_SEARCH_SHARD_PAGES
# sets another size.
PAGES_PER_SHARD = 2000
_INSTALL = "install Dossier's dependencies again: pip install -e ."
_FORMAT = "search-3"  # bump when how a shard is indexed changes
_PROBE_FORMAT = "probe-1"  # bump when how the probe is made changes
# Rust's char::is_whitespace, with which Pagefind splits a page's text into words
# (Python's str.split() also splits at \x1c-\x1f).
_SPACES = re.compile("[\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
# In the cache: each indexed page's search_document, by its key (a dot: not a shard)
_DOCUMENTS = ".documents"
# Where a shard no longer kept is removed from (atomic.remove_later)
_GONE = ".shard.gone-"
# Shards not in the last index kept in the cache, per shard in it: serve (its pages
# print the server's address, so other keys) and build alternate, and an edit undone
# finds its shards again.
_KEEP_UNUSED = 2


@dataclass(frozen=True)
class IndexStats:
    shards: int
    indexed: int  # shards Pagefind indexed in this call; the others came from the cache


def searchable(body: str, title: str, summary: str) -> str:
    """A page's HTML marked as search content, with its result title and preview.

    The title and preview go in attributes (Pagefind reads meta values from them), so
    they are exactly the page's text: no markup of the body leaks into a result.
    """
    meta = (
        '<span hidden data-pagefind-meta="title[data-title], summary[data-summary]" '
        f'data-title="{html.escape(title)}" data-summary="{html.escape(summary)}"></span>'
    )
    return f"{_BODY_START}{meta}\n{body}</div>{_BODY_END}"


_BODY_START = "<div data-pagefind-body>"
_BODY_END = "<!--/data-pagefind-body-->"  # where ``searchable``'s part of a page ends
_LANGUAGE = re.compile(r'<html\s[^>]*?\blang="([^"]*)"')


def search_document(page: str, language: str | None = None) -> str:
    """What Pagefind indexes of a page: its ``searchable`` part alone, in a document of
    the page's language (``<html lang>``; ``language`` where ``page`` is that part only).

    Pagefind reads nothing of a page outside its ``data-pagefind-body`` here (the theme
    marks nothing else), so the index is the full pages' (tests/test_search.py compares
    them), but it parses a third of the bytes: an edit's shard of 2,000 pages took 1.2 s
    less CPU. The part is cut at its markers, so a page's document is the same whether
    it is made from the finished page or from the HTML the theme wraps (and a document
    is its own).
    """
    lang = page_language(page) or language
    start = page.find(_BODY_START)
    end = page.find(_BODY_END, start)
    part = page[start : end + len(_BODY_END)] if start >= 0 and end >= 0 else page
    head = f'<html lang="{lang}">' if lang is not None else "<html>"
    return f'<!doctype html>{head}<head><meta charset="utf-8"></head><body>{part}</body></html>\n'


def page_language(page: str) -> str | None:
    """The ``<html lang>`` of a finished page."""
    found = _LANGUAGE.search(page, 0, 2000)
    return found[1] if found else None


def shard_folder(number: int) -> str:
    """Where shard ``number`` sits inside ``pagefind/`` ("" for the first)."""
    return f"shard-{number}/" if number else ""


def pages_per_shard() -> int:
    wanted = os.environ.get("DOSSIER_SEARCH_SHARD_PAGES", "")
    return int(wanted) if wanted.isdigit() and int(wanted) > 0 else PAGES_PER_SHARD


def shards_of(pages: Mapping[str, str], per_shard: int) -> list[dict[str, str]]:
    """The searchable pages (site path → cache key) split into shards by a hash of the path.

    The number of shards follows the number of pages, so a site that grows past a
    multiple of ``per_shard`` is indexed again in full, once.
    """
    count = max(1, -(-len(pages) // per_shard))
    shards: list[dict[str, str]] = [{} for _ in range(count)]
    for path, key in pages.items():
        shards[fnv1a(path) % count][path] = key
    return shards


def marked_pages(site_dir: Path) -> dict[str, str]:
    """The pages of a built site marked for search, each keyed by a digest of its bytes:
    to index a site folder outside a build (the benchmarks, the tests)."""
    found = {}
    for path in sorted(site_dir.rglob("*.html")):
        data = path.read_bytes()
        if b"data-pagefind-body" in data and FOLDER not in path.relative_to(site_dir).parts:
            found[path.relative_to(site_dir).as_posix()] = hashlib.sha256(data).hexdigest()
    return found


def _binary() -> str:
    try:
        from pagefind.service import get_executable
    except ImportError:
        raise SiteBuildError(f"search: the pagefind package is not installed; {_INSTALL}") from None
    found = get_executable()
    if found is None:
        raise SiteBuildError(f"search: the Pagefind program was not found; {_INSTALL}")
    return str(found)


def _digest(binary: str, shard: Mapping[str, str]) -> str:
    """The shard's name in the cache: its pages' keys, and which Pagefind indexes them."""
    try:
        version = metadata.version("pagefind")
    except metadata.PackageNotFoundError:
        version = "?"
    digest = hashlib.sha256(f"{_FORMAT}\0{version}\0{Path(binary).resolve()}\0".encode())
    for path in sorted(shard):
        digest.update(f"{path}\0{shard[path]}\0".encode())
    return digest.hexdigest()


PageText = Callable[[str], str]  # a page's site path → the page, or its searchable part


def index_site(
    site_dir: Path,
    pages: Mapping[str, str],
    cache_dir: Path,
    per_shard: int | None = None,
    text: PageText | None = None,
) -> IndexStats:
    """Write the search index of ``pages`` (their site path → cache key) to
    ``site_dir/pagefind``, indexing only the shards the cache does not hold; ``text``
    gives each page to index (else its file in ``site_dir`` is read).

    The index is assembled in a temporary folder and swapped in whole, so a reader
    searching while serve updates it never meets half an index; on failure the old one
    stays.
    """
    text = text or functools.partial(_read_page, site_dir)
    stats = index_later(lambda: site_dir, pages, cache_dir, text, per_shard)
    assert stats is not None  # the site folder was given
    return stats


def index_later(
    site: Callable[[], Path | None],
    pages: Mapping[str, str],
    cache_dir: Path,
    text: PageText,
    per_shard: int | None = None,
    prune: bool = True,
    last: Mapping[str, str] | None = None,
) -> IndexStats | None:
    """``index_site`` into the site folder ``site()`` gives once it is known, the
    shards the cache lacks being indexed meanwhile (search_ahead.py); None when it
    gives none (the build stopped): the shards stay in the cache. Without ``prune``,
    the cache's unused shards are left for ``prune_cache``. ``last``: the last site's
    pages (site path → key), from which the probe may be made beside the shards
    (``_words_ahead``)."""
    binary = _binary()
    shards = shards_of(pages, per_shard or pages_per_shard())
    digests = [_digest(binary, shard) for shard in shards]
    cache_dir.mkdir(parents=True, exist_ok=True)
    # A shard no page hashed to has no index (Pagefind refuses an empty folder).
    filled = [number for number, shard in enumerate(shards) if shard]
    todo = [(i, digests[i]) for i in filled if not (cache_dir / digests[i]).is_dir()]
    used = {digests[number] for number in filled}
    listing: dict[str, object] = {"shards": [shard_folder(number) for number in filled]}
    # Two Pagefind processes at a time at most: each uses a core and up to ~0.3 GB.
    probe_of = functools.partial(_probe, binary, [cache_dir / digests[n] for n in filled])
    with ThreadPoolExecutor(max_workers=max(1, min(workers(), 2))) as pool:
        # The probe beside the shards, when their words can be made before them.
        early = (
            pool.submit(_probe_ahead, binary, text, shards, todo, last, cache_dir, probe_of)
            if last and todo and len(filled) > 1
            else None
        )
        jobs = [
            pool.submit(_index_shard, binary, text, shards[number], cache_dir / digest)
            for number, digest in todo
        ]
        site_dir = site()
        if site_dir is None:
            return None
        # Inside the site, so that a build killed meanwhile leaves nothing outside the
        # temporary site folder it was writing (which the next build clears).
        work = Path(tempfile.mkdtemp(prefix=f".{FOLDER}.tmp-", dir=site_dir))
        work.chmod(dir_mode())
        try:
            # The shards the cache holds are linked into the new index meanwhile (after an
            # edit at 10,000 articles, five of six: 10,000 files).
            for number in sorted(set(filled) - {number for number, _ in todo}):
                _link_tree(cache_dir / digests[number], work / shard_folder(number))
            for job in jobs:
                job.result()  # raises the first shard's failure
            # Else the probe (after an edit, about 0.5 s at 10,000 articles) while the
            # new shards are linked.
            probe = early.result() if early is not None else None
            probing = None
            if probe is None and len(filled) > 1:
                probing = pool.submit(probe_of, cache_dir)
            for number, digest in todo:
                _link_tree(cache_dir / digest, work / shard_folder(number))
            probe = probing.result() if probing is not None else probe
            if probe is not None:
                used.add(probe.name)
                listing["probe"] = {"folder": PROBE_FOLDER, "pages": _probe_pages(probe)}
                _link_tree(probe, work / PROBE_FOLDER)
            (work / SHARDS_FILE).write_text(json.dumps(listing, sort_keys=True), "utf-8")
            swap_dir(work, site_dir / FOLDER)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    if prune:
        _prune(cache_dir, used, pages.values())
    return IndexStats(len(shards), len(todo))


def _probe_ahead(
    binary: str,
    text: PageText,
    shards: list[dict[str, str]],
    todo: list[tuple[int, str]],
    last: Mapping[str, str],
    cache_dir: Path,
    probe: Callable[[Path], Path],
) -> Path | None:
    """The probe, made from the words of the shards still to index (``_words_ahead``);
    None where one of them cannot be made so."""
    for number, digest in todo:
        if not _words_ahead(binary, text, shards[number], last, cache_dir / digest):
            return None
    return probe(cache_dir)


def prune_cache(pages: Mapping[str, str], cache_dir: Path, per_shard: int | None = None) -> None:
    """Remove the cache's shards that ``index_site(pages, prune=False)`` did not use,
    but the most recently made (an edit's build does it once its site is in place; an
    ``rm`` it does not wait for removes them)."""
    binary = _binary()
    shards = shards_of(pages, per_shard or pages_per_shard())
    used = [cache_dir / _digest(binary, shard) for shard in shards if shard]
    probe = [_probe_target(used, cache_dir)] if len(used) > 1 else []
    _prune(cache_dir, {path.name for path in [*used, *probe]}, pages.values())


def shard_words(index: Path) -> dict[str, list[str]]:
    """The words of a Pagefind index, by language, as Pagefind split its pages' text
    and meta into words before stemming them: what its fragments hold. Kept beside the
    shard in the cache (``<digest>.words.json``, each word with the number of pages
    holding it: ``_words_ahead``), written once."""
    kept = index.with_name(index.name + ".words.json")
    with contextlib.suppress(OSError, ValueError):
        return _sorted(json.loads(kept.read_text("utf-8")))
    counts = _page_words(index, lambda url: 1)
    _write_new(kept, json.dumps(counts, ensure_ascii=False, sort_keys=True))
    return _sorted(counts)


Counts = dict[str, dict[str, int]]  # language → word → pages holding it


def _sorted(counts: Counts) -> dict[str, list[str]]:
    return {language: sorted(words) for language, words in sorted(counts.items())}


def _page_words(index: Path, sign: Callable[[str], int], counts: Counts | None = None) -> Counts:
    """``counts`` with each page's words added (``sign`` of its address 1) or taken out
    (-1); a word held by no page is left out."""
    counts = {} if counts is None else counts
    for name, page in _fragments(index):
        language = counts.setdefault(name.rsplit("_", 1)[0], {})
        words: set[str] = set()
        for text in [page.get("content", ""), *page.get("meta", {}).values()]:
            words.update(_SPACES.split(text))
        # An empty text's one empty piece, dropped once here: a test per word took half
        # of the 0.5 s a new shard's words took after an edit at 10,000 articles.
        words.discard("")
        step = sign(page.get("url", ""))
        for word in words:
            if language.setdefault(word, 0) + step:
                language[word] += step
            else:
                del language[word]
    return counts


def _words_ahead(
    binary: str,
    text: PageText,
    shard: Mapping[str, str],
    last: Mapping[str, str],
    target: Path,
) -> bool:
    """The words of the shard to be indexed at ``target`` (``shard_words``), made before
    Pagefind has indexed it, so that the probe need not wait for that (after an edit at
    10,000 articles: 2 s): those of the last build's shard of the same pages (``last``:
    each page's key then) with the changed pages' words as they were taken out and as
    they are put in, Pagefind indexing those pages alone. False where they cannot be:
    the pages are not the last shard's, its words or a page's last document are gone,
    or too many pages changed for it to pay."""
    before = {path: last.get(path, "") for path in shard}
    changed = [path for path in shard if before[path] != shard[path]]
    documents = target.parent / _DOCUMENTS
    gone = [documents / f"{before[path]}.html" for path in changed]
    if 2 * len(changed) > len(shard) or not all(map(os.path.isfile, gone)):
        return False
    kept = target.parent / f"{_digest(binary, before)}.words.json"
    try:
        counts: Counts = json.loads(kept.read_text("utf-8"))
    except (OSError, ValueError):  # not the last shard's pages, or gone
        return False
    work = Path(tempfile.mkdtemp(prefix=".shard.tmp-", dir=target.parent))
    try:
        for path, document in zip(changed, gone, strict=True):
            was, now = work / "pages/was" / path, work / "pages/now" / path
            was.parent.mkdir(parents=True, exist_ok=True)
            now.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(document, was)
            # Not into the documents: the shard's indexing makes that one meanwhile.
            now.write_text(_document(text, path), "utf-8")
        _run_pagefind(binary, work / "pages", work / "index")
        _page_words(work / "index", lambda url: -1 if url.startswith("/was/") else 1, counts)
        words = json.dumps(counts, ensure_ascii=False, sort_keys=True)
        _write_new(target.with_name(target.name + ".words.json"), words)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return True


def _write_new(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, "utf-8")
    os.replace(temporary, path)


def _probe_target(shards: list[Path], cache_dir: Path) -> Path:
    digest = hashlib.sha256(f"{_PROBE_FORMAT}\0".encode())
    for shard in shards:
        digest.update(f"{shard.name}\0".encode())
    return cache_dir / f"probe-{digest.hexdigest()}"


def _probe(binary: str, shards: list[Path], cache_dir: Path) -> Path:
    """The probe of these shards (see the module's docstring), from the cache or
    indexed now: one page per shard and language, its words those of the shard."""
    target = _probe_target(shards, cache_dir)
    if target.is_dir():
        return target
    work = Path(tempfile.mkdtemp(prefix=".shard.tmp-", dir=cache_dir))
    try:
        for number, shard in enumerate(shards):
            for language, words in shard_words(shard).items():
                if not words:
                    continue
                # The page's title is one of its words (else Pagefind would take one
                # from elsewhere and add its words); the shard's place is its address.
                title = next((word for word in words if word.isalnum()), words[0])
                page = (
                    f'<!doctype html><html lang="{html.escape(language)}"><head>'
                    '<meta charset="utf-8"></head><body><main data-pagefind-body '
                    f'data-pagefind-meta="title:{html.escape(title)}">\n'
                    + "\n".join(html.escape(word) for word in words)
                    + "\n</main></body></html>\n"
                )
                path = work / "pages" / str(number) / f"{language}.html"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(page, "utf-8")
        if (work / "pages").is_dir():
            _run_pagefind(binary, work / "pages", work / "index")
        else:  # no shard holds a word (Pagefind refuses an empty folder): nothing is found
            (work / "index" / "fragment").mkdir(parents=True)
        (work / "index").chmod(dir_mode())
        with contextlib.suppress(OSError):  # another build stored the same probe meanwhile
            os.rename(work / "index", target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def _probe_pages(probe: Path) -> dict[str, int]:
    """The probe's page ids (what a Pagefind result calls ``id``) → the shard's place."""
    return {name: int(page["url"].strip("/").split("/")[0]) for name, page in _fragments(probe)}


def _fragments(index: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """A Pagefind index's pages: each fragment's name (the page's id) and its JSON."""
    for fragment in sorted((index / "fragment").iterdir()):
        data = gzip.decompress(fragment.read_bytes())
        if data.startswith(b"pagefind_dcd"):  # Pagefind's signature
            data = data[len(b"pagefind_dcd") :]
        yield fragment.name.removesuffix(".pf_fragment"), json.loads(data)


def _read_page(site_dir: Path, path: str) -> str:
    return (site_dir / path).read_text("utf-8")


def _index_shard(binary: str, text: PageText, shard: Mapping[str, str], target: Path) -> None:
    """Pagefind over the shard's pages alone (their ``search_document`` in a folder of
    their own, at the same paths, so the index's addresses are the site's), into
    ``target``."""
    work = Path(tempfile.mkdtemp(prefix=".shard.tmp-", dir=target.parent))
    documents = target.parent / _DOCUMENTS
    documents.mkdir(exist_ok=True)
    try:
        made: set[str] = set()
        for path, key in shard.items():
            there = os.path.join(work, "pages", path)
            if os.path.dirname(there) not in made:
                os.makedirs(os.path.dirname(there), exist_ok=True)
                made.add(os.path.dirname(there))
            _link_document(documents, key, functools.partial(_document, text, path), there)
        _run_pagefind(binary, work / "pages", work / "index")
        (work / "index").chmod(dir_mode())
        words = target.with_name(target.name + ".words.json")
        if not words.is_file():  # made ahead (_words_ahead), or its words now
            shard_words(work / "index")
            with contextlib.suppress(OSError):  # another build stored the same meanwhile
                os.rename(work / "index.words.json", words)
        with contextlib.suppress(OSError):
            os.rename(work / "index", target)
    finally:
        # Its 2,000 links to the documents, by an rm not waited for: removing them here
        # held the probe, and so the build, 0.2-0.4 s after an edit at 10,000 articles.
        remove_later([work], _GONE)


def _document(text: PageText, path: str) -> str:
    return search_document(text(path))


def _link_document(documents: Path, key: str, make: Callable[[], str], there: str) -> None:
    """The page's search document (by its key, kept in ``documents``: made once, as a
    file's creation cost ten times its link) linked at ``there``."""
    kept = os.path.join(documents, f"{key}.html")
    if not os.path.isfile(kept):
        temporary = os.path.join(documents, f".{key}.{os.getpid()}.tmp")
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(make())
        os.replace(temporary, kept)  # whole or not at all, for the next build
    try:
        os.link(kept, there)
    except OSError:  # no hard links here: a copy
        shutil.copyfile(kept, there)


def _run_pagefind(binary: str, pages: Path, index: Path) -> None:
    try:
        done = subprocess.run(
            [binary, "--site", str(pages), "--output-path", str(index), "--silent"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError as exc:
        raise SiteBuildError(f"search: Pagefind could not run ({exc}); {_INSTALL}") from None
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip()
        raise SiteBuildError(f"search: Pagefind could not index the site:\n  {said}")


def _link_all(source: Path, target: Path, paths: Iterable[str]) -> None:
    """Each of ``paths`` (relative, with "/") under ``source`` linked at the same path
    under ``target``, or copied where links cannot be made. Strings and each folder made
    once: at 10,000 articles an edit's build links 14,000 files."""
    made: set[str] = set()
    top, into = os.fspath(source), os.fspath(target)
    for path in paths:
        there = os.path.join(into, path)
        folder = os.path.dirname(there)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        here = os.path.join(top, path)
        try:
            os.link(here, there)
        except OSError:  # another file system, or no hard links: copy
            shutil.copy2(here, there)


def _link_tree(source: Path, target: Path) -> None:
    """``source``'s files at ``target`` as hard links (the cache never rewrites a file
    in place: a shard is a new folder), or copies where links cannot be made."""
    top = os.fspath(source)
    files = []
    for folder, _, names in os.walk(top):
        here = os.path.relpath(folder, top)
        os.makedirs(os.path.join(target, here), exist_ok=True)  # one without files too
        files += [os.path.join(here, name) for name in names]
    _link_all(source, target, files)


def _prune(cache_dir: Path, used: set[str], keys: Iterable[str]) -> None:
    """Keep the shards just used and the most recently made others, and the search
    documents of the pages with these ``keys`` (a shard is indexed again only from the
    pages it has now)."""
    wanted = {f"{key}.html" for key in keys}
    with contextlib.suppress(OSError), os.scandir(cache_dir / _DOCUMENTS) as documents:
        for document in documents:
            if document.name not in wanted:
                with contextlib.suppress(OSError):
                    os.unlink(document.path)
    for digest in used:
        with contextlib.suppress(OSError):
            os.utime(cache_dir / digest)
    unwanted = []
    for stale in [*cache_dir.glob(".shard.tmp-*"), *cache_dir.glob(_GONE + "*")]:
        with contextlib.suppress(OSError):  # left by a killed build, or a killed rm
            if time.time() - stale.stat().st_mtime > 3600:
                unwanted.append(stale)
    others = [
        p
        for p in cache_dir.iterdir()
        if p.name not in used and not p.name.startswith(".") and p.is_dir()
    ]
    others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    # Not waited for: the build is done when its site is in place.
    remove_later([*unwanted, *others[_KEEP_UNUSED * len(used) :]], _GONE)
    for words in cache_dir.glob("*.words.json"):  # a shard's words go with the shard
        if not words.with_name(words.name.removesuffix(".words.json")).is_dir():
            words.unlink(missing_ok=True)

"""Benchmark: the site's search at scale, as a reader's browser sees it.

    python benchmarks/search_scale.py [--articles 1000 10000] [--corpus DIR]

For each size, generates (or reuses, in ``DIR/N``) a corpus of the issue's shape (see
build_scale.py; company 14 gets a Chinese alias, 十四科技, for the CJK case), builds
it with ``python build.py build``, and prints:

- the build's seconds, and Pagefind's share of them (the index written again alone);
- the index on disk: files and bytes of ``pagefind/`` and ``search-names/``;
- for each query, typed into the header search of a freshly opened page in Chromium
  (empty browser cache, the local server warmed by one run before): the bytes the
  query moves (response bodies from the moment the box gets focus, when the script
  starts loading Pagefind, until results show), the milliseconds from the keystroke
  to the list of results on screen (the box focused 0.5 s before, as a reader clicks
  or tabs into it before typing), the same with no focus first (everything loaded after
  the keystroke), and the place of the company's own page in that list.

The issue's targets at 10,000 articles: ≤ 500 KB and ≤ 300 ms.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(BENCH))

from build_scale import make_corpus  # noqa: E402

from dossier.site_search import index_site, marked_pages  # noqa: E402

QUERIES = [
    ("Company 14", "company-0014"),
    ("C14 Holdings", "company-0014"),
    ("十四科技", "company-0014"),
]
CJK = "十四科技"


def prepare(root: Path, articles: int) -> None:
    make_corpus(root, articles)
    profile = root / "briefings/companies/company-0014.md"
    text = profile.read_text("utf-8")
    if CJK not in text:
        profile.write_text(
            text.replace("aliases: [C14 Holdings]", f"aliases: [C14 Holdings, {CJK}]"), "utf-8"
        )


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def first_query(browser, url: str, query: str, focus: bool = True) -> tuple[int, float, list[str]]:
    """Bytes moved, milliseconds to results on screen, result addresses."""
    context = browser.new_context()  # an empty cache: the reader's first query
    page = context.new_page()
    page.goto(f"{url}/index.html", wait_until="networkidle")
    moved: list[int] = []
    page.on("requestfinished", lambda r: moved.append(r.sizes()["responseBodySize"]))
    if focus:
        page.focus("#dossier-search-q")
        page.wait_for_timeout(500)
    took = page.evaluate(
        """async (q) => {
          const box = document.querySelector('#dossier-search-q');
          const status = document.querySelector('.dossier-search__status');
          const started = performance.now();
          box.value = q;
          box.dispatchEvent(new Event('input'));
          while (!/found/.test(status.textContent)) await new Promise(r => setTimeout(r, 2));
          return performance.now() - started;
        }""",
        query,
    )
    page.wait_for_load_state("networkidle")
    links = page.locator("#dossier-search-results a")
    found = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
    context.close()
    return sum(moved), took, found


def measure(root: Path, articles: int) -> None:
    prepare(root, articles)
    site = root / "site"
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--root", str(root), "build"], check=True
    )
    built = time.perf_counter() - started
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as empty:  # every shard indexed again
        stats = index_site(site, marked_pages(site), Path(empty))
    indexed = time.perf_counter() - started
    pages = len(list(site.rglob("*.html")))
    print(
        f"\n{articles} articles, {pages} HTML files: "
        f"build {built:.1f} s, of which Pagefind {indexed:.1f} s ({stats.shards} shards)"
    )
    for name in ("pagefind", "search-names"):
        files, size = folder_size(site / name)
        print(f"  {name}/: {files} files, {size / 1024:.0f} KB")
    biggest = max((p.stat().st_size for p in (site / "pagefind").rglob("*.pf_fragment")), default=0)
    print(f"  largest fragment {biggest / 1024:.1f} KB")
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with served(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for query, _ in QUERIES:  # warm the server's disk cache and the browser's code cache
            first_query(browser, url, query)
        print(f"  {'query':<14} {'moved':>9} {'results in':>11} {'no focus':>9}  own page at")
        for query, slug in QUERIES:
            moved, took, found = first_query(browser, url, query)
            cold = first_query(browser, url, query, focus=False)[1]
            place = next((i + 1 for i, h in enumerate(found) if h.endswith(f"/{slug}.html")), None)
            print(
                f"  {query:<14} {moved / 1024:>6.0f} KB {took:>8.0f} ms {cold:>6.0f} ms"
                f"  {place or 'not shown'}"
            )
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--corpus", type=Path, help="folder for the corpora (kept; reused)")
    args = parser.parse_args()
    base = args.corpus or Path(tempfile.mkdtemp(prefix="dossier-search-"))
    for articles in args.articles:
        measure(base / str(articles), articles)
    if args.corpus is None:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()

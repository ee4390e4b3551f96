"""Benchmark: how long after a save `serve` has the change in the served site.

    python benchmarks/serve_edit.py [--articles 10000] [--corpus DIR] [--profile FILE]

Generates (or reuses) the corpus ``build_scale.py`` uses, builds it as ``mkdocs serve``
does (tools/live_driver.py, the same hooks and rebuild as the server), then saves one
file at a time (an article, another article, a company, a deal, the first article put
back, the other's date, a new article, its deletion) and times the rebuild the server
runs for each: in place or in full, and the seconds from the rebuild's start until the
changed pages are written and the browser is told to reload. The search index, feeds,
exports and print view follow in the background ("then"). The last line gives the peak
memory of the process.
``--profile FILE`` writes a cProfile of each rebuild to FILE.1, FILE.2 ….
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path[:0] = [str(REPO), str(BENCH)]

from build_scale import make_corpus  # noqa: E402


def edits(root: Path) -> list[tuple[str, list[list[str]]]]:
    def appended(path: Path, n: int) -> list[list[str]]:
        rel = path.relative_to(root).as_posix()
        return [[rel, path.read_text("utf-8").rstrip("\n") + f"\n\nAn added sentence {n}.\n"]]

    articles = sorted((root / "briefings/articles").glob("*.md"))
    first, other = articles[len(articles) // 20], articles[len(articles) * 7 // 10]
    company = sorted((root / "briefings/companies").glob("*.md"))[3]
    deal = sorted((root / "briefings/deals").glob("*.md"))[1]
    back = [[first.relative_to(root).as_posix(), first.read_text("utf-8")]]

    def next_month(found: re.Match[str]) -> str:  # the date moves within its year
        return f'published: "{found[1]}-{int(found[2]) % 12 + 1:02d}'

    month = r'^published: "(\d{4})-(\d\d)'
    dated = re.sub(month, next_month, other.read_text("utf-8"), count=1, flags=re.M)
    added = "briefings/articles/zz-serve-edit-new-article.md"
    new = (
        f'---\ntitle: "A new briefing"\npublished: "2021-06-01"\n'
        f"companies: [{company.stem}]\nreview: {{status: draft}}\n---\nJust in.\n"
    )
    return [
        ("one article's text", appended(first, 1)),
        ("another article's text", appended(other, 2)),
        ("a company's description", appended(company, 3)),
        ("a deal's summary", appended(deal, 4)),
        ("the first article put back", back),
        ("another article's date", [[other.relative_to(root).as_posix(), dated]]),
        ("a new article", [[added, new]]),
        ("the new article deleted", [[added, None]]),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, help="generate here (or reuse) and keep it")
    parser.add_argument("--profile", type=Path, help="write a cProfile of each rebuild (FILE.1 …)")
    args = parser.parse_args()
    root = args.corpus or Path(tempfile.mkdtemp(prefix="dossier-serve-"))
    try:
        run(root, args.articles, args.profile)
    finally:
        if args.corpus is None:  # a corpus of its own: nothing is left behind
            shutil.rmtree(root, ignore_errors=True)


def run(root: Path, articles: int, profile: Path | None) -> None:
    make_corpus(root, articles)
    steps = edits(root)
    with tempfile.TemporaryDirectory() as scratch:
        plan = Path(scratch) / "steps.json"
        plan.write_text(json.dumps([changes for _, changes in steps]), "utf-8")
        env = dict(os.environ)
        if profile:
            env["DOSSIER_PROFILE"] = str(profile)
        started = time.monotonic()
        driver = [sys.executable, str(REPO / "tools/live_driver.py")]
        done = subprocess.run(
            [*driver, str(root), scratch + "/site", str(plan)],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
        )
        total = time.monotonic() - started
    if done.returncode:
        sys.exit(done.stderr)
    results = [json.loads(line) for line in done.stdout.splitlines()[1:]]  # [0]: first build
    counts = iter(re.findall(r"Dossier: (\d+) page\(s\) updated", done.stderr))
    first = total - sum(r["seconds"] + r["background_seconds"] for r in results)
    print(f"{articles} articles: first build under serve {first:.1f} s")
    for (label, _), r in zip(steps, results, strict=True):
        how = f"in place, {next(counts, '?')} pages" if r["in_place"] else "full: " + r["fallback"]
        then = r["background_seconds"]
        print(f"  {label:<28} {r['seconds']:6.2f} s ({how}); index, exports, print +{then:.2f} s")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()

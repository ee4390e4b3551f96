"""Benchmark: full and one-edit builds of a generated corpus, with each stage's share.

    python benchmarks/build_scale.py [--articles 1000] [--corpus DIR] [--profile FILE]
                                     [--reference]

Generates (or reuses, when ``--corpus`` already holds one) a synthetic corpus of the
issue's shape with ``diff_1000.generate``: N articles of ~425 words, N/10 companies,
N/20 deals, one seed per article. Then it builds the site three times through the
same stages as ``python build.py`` (the check for ingest work, load, model, history,
render, print view, site) and prints, for each build, the seconds per stage and their
share, pages/s and the output size:

1. cold: no page cache (``.dossier/`` deleted first);
2. warm: nothing changed, every page reused from the cache;
3. one edit: one article's body changed.

``--reference`` then builds the same pages with a plain ``mkdocs build`` (no hook,
no caches: each page's HTML written as a markdown file, same theme, navigation and
search) and prints the ratio, the issue's yardstick.

The last line gives the peak resident memory of the process and of its largest
worker (forked, so mostly shared with it). ``--profile FILE``
writes a cProfile of the cold build (read it with ``python -m pstats FILE``).
Timings on a shared machine are noisy: run it twice and take the lower figure.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))

from dossier import engine  # noqa: E402
from dossier.load import Limits, load_corpus  # noqa: E402
from dossier.pagecache import CACHE_DIR  # noqa: E402
from dossier.pipeline import draft  # noqa: E402
from dossier.printbook import PRINT_PAGE, print_page  # noqa: E402
from dossier.render import render_site  # noqa: E402
from dossier.review.history import read_history  # noqa: E402
from dossier.views import build_views  # noqa: E402
from tools.corpus import SITE_PARTS, copy_project, generate  # noqa: E402

T = TypeVar("T")


def make_corpus(root: Path, articles: int) -> None:
    if (root / "briefings").is_dir():
        print(f"reusing the corpus in {root}")
        return
    started = time.perf_counter()
    root.mkdir(parents=True, exist_ok=True)
    generate(root, articles, companies_per=10, articles_per_deal=20, body_words=425)
    copy_project(root, SITE_PARTS)  # templates, static/, mkdocs.yml and the hook's code
    print(f"generated {articles} articles in {root} in {time.perf_counter() - started:.1f} s")


def build(root: Path, label: str) -> float:
    times: dict[str, float] = {}

    def stage(name: str, fn: Callable[[], T]) -> T:
        started = time.perf_counter()
        value = fn()
        times[name] = time.perf_counter() - started
        return value

    stage("ingest check", lambda: draft(root))
    corpus = stage("load", lambda: load_corpus(root, Limits(), cache_dir=root / CACHE_DIR))
    views = stage("model", lambda: build_views(corpus))
    history = stage("history", lambda: read_history(root))
    rendered = stage("render", lambda: render_site(views, root / "templates", history))
    printed = stage("print view", lambda: ((PRINT_PAGE, print_page(views, root)),))
    rendered = dataclasses.replace(rendered, files=printed)
    stats = stage("site", lambda: engine.build_site(root, rendered, root / "site"))
    total = sum(times.values())
    size = sum(p.stat().st_size for p in (root / "site").rglob("*") if p.is_file())
    shares = ", ".join(f"{k} {v:.2f} s ({v / total:.0%})" for k, v in times.items())
    print(
        f"{label:<9} {total:7.2f} s  {len(rendered.pages) / total:6.0f} pages/s  "
        f"{len(rendered.pages)} pages ({stats.written} written, {stats.reused} reused), "
        f"{size / 1e6:.0f} MB"
    )
    print(f"{'':<9} {shares}")
    return total


def reference(root: Path, ours: float) -> None:
    """A plain `mkdocs build` of the same pages, in a scratch folder beside the corpus."""
    import yaml

    rendered = render_site(
        build_views(load_corpus(root, Limits())), root / "templates", read_history(root)
    )
    scratch = Path(tempfile.mkdtemp(prefix="plain-mkdocs-", dir=root))
    try:
        docs = scratch / "docs"
        shutil.copytree(root / "static", docs)
        for page in rendered.pages:
            (docs / page.path).parent.mkdir(parents=True, exist_ok=True)
            (docs / page.path).write_text(page.html, "utf-8")
        config = yaml.safe_load((root / "mkdocs.yml").read_text("utf-8"))
        config.pop("hooks", None)
        config.pop("watch", None)
        theme = config.get("theme", {})
        if isinstance(theme, dict) and theme.get("custom_dir"):
            theme["custom_dir"] = str(root / theme["custom_dir"])
        config.update(docs_dir=str(docs), site_dir=str(scratch / "site"), strict=False)
        (scratch / "mkdocs.yml").write_text(yaml.safe_dump(config), "utf-8")
        started = time.perf_counter()
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml"]
        done = subprocess.run(command, cwd=scratch, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"plain mkdocs build failed:\n{done.stderr[-2000:]}")
        took = time.perf_counter() - started
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(
        f"plain mkdocs build of the same {len(rendered.pages)} pages: {took:.2f} s; "
        f"our cold build {ours:.2f} s = {ours / took:.2f}x"
    )


def edit_one(root: Path) -> None:
    path = next(iter(sorted((root / "briefings/articles").glob("*.md"))))
    text = path.read_text("utf-8")
    path.write_text(text.replace("reports deal", "now reports deal", 1), "utf-8")


def run(root: Path, articles: int, profile: Path | None, plain: bool = False) -> None:
    make_corpus(root, articles)
    shutil.rmtree(root / CACHE_DIR, ignore_errors=True)
    if profile:
        with cProfile.Profile() as prof:
            cold = build(root, "cold")
        prof.dump_stats(profile)
    else:
        cold = build(root, "cold")
    build(root, "warm")
    edit_one(root)
    build(root, "one edit")
    if plain:
        reference(root, cold)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    # Workers are forked: most of their memory is shared with this process.
    print(f"peak memory {peak:.0f} MB (largest worker process {worker:.0f} MB)")


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, help="generate here (or reuse) and keep it")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the cold build")
    parser.add_argument("--reference", action="store_true", help="also time plain mkdocs")
    args = parser.parse_args()
    if args.corpus:
        run(args.corpus.resolve(), args.articles, args.profile, args.reference)
        return
    tmp = Path(tempfile.mkdtemp(prefix="dossier-bench-"))
    try:
        run(tmp, args.articles, args.profile, args.reference)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    cli()

"""Benchmark: semantic diff of two revisions of a generated 1,000-article corpus.

    python benchmarks/diff_1000.py [--articles 1000] [--keep DIR]

Generates a corpus (articles, companies, deals, seeds) in a temporary git
repository, commits it, changes 50 deals, adds 20 articles, renames 5 companies
and approves 30 drafts, commits again, then times ``diff HEAD~1 HEAD`` and
prints the timings. The target is under 5 s.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from dossier.cli import main  # noqa: E402
from dossier.review.history import read_history  # noqa: E402
from tools.corpus import generate  # noqa: E402


def change(root: Path, articles: int) -> None:
    """50 deals agreed, 30 articles approved, 5 companies renamed: as many as a small
    corpus has (it has N/2 deals and N/5 companies)."""
    for d in range(0, 500, 10):  # 50 status changes
        path = root / f"briefings/deals/deal-{d:05d}.md"
        if path.is_file():
            path.write_text(path.read_text("utf-8").replace("status: announced", "status: agreed"))
    for n in range(0, 270, 9):  # 30 approvals
        path = root / f"briefings/articles/article-{n:05d}.md"
        if path.is_file():
            path.write_text(path.read_text("utf-8").replace("status: draft", "status: reviewed"))
    for i in range(1, 6):  # 5 renamed company files
        old = root / f"briefings/companies/company-{i:04d}.md"
        if not old.is_file():
            continue
        old.rename(old.with_name(f"renamed-{i:04d}.md"))
        for folder in ("deals", "articles"):
            for path in (root / "briefings" / folder).glob("*.md"):
                text = path.read_text("utf-8")
                if f"company-{i:04d}" in text:
                    path.write_text(text.replace(f"company-{i:04d}", f"renamed-{i:04d}"))


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def timed(label: str, argv: list[str]) -> float:
    out = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out):
        code = main(argv)
    took = time.perf_counter() - started
    lines = out.getvalue().splitlines()
    print(f"{label:<34} {took:6.2f} s  (exit {code}; {lines[-1] if lines else ''})")
    return took


def run(root: Path, articles: int) -> None:
    started = time.perf_counter()
    generate(root, articles)
    env_date = "2026-01-01T00:00:00+00:00"
    os.environ.update(GIT_AUTHOR_DATE=env_date, GIT_COMMITTER_DATE=env_date)
    git(root, "init", "-q", "-b", "main")
    git(root, "-c", "user.name=bench", "-c", "user.email=b@x", "add", "-A")
    git(root, "-c", "user.name=bench", "-c", "user.email=b@x", "commit", "-qm", "corpus")
    change(root, articles)
    git(root, "add", "-A")
    git(root, "-c", "user.name=bench", "-c", "user.email=b@x", "commit", "-qm", "changes")
    print(
        f"corpus of {articles} articles generated and committed in "
        f"{time.perf_counter() - started:.1f} s"
    )
    r = ["--root", str(root)]
    timed("check (working tree)", [*r, "check"])
    total = timed("diff HEAD~1 HEAD", [*r, "diff", "HEAD~1", "HEAD"])
    timed(
        "diff HEAD~1 HEAD --format markdown", [*r, "diff", "HEAD~1", "HEAD", "--format", "markdown"]
    )
    timed("diff (HEAD → working tree)", [*r, "diff"])
    started = time.perf_counter()
    history = read_history(root)
    print(
        f"{'site history (What changed, dates)':<34} {time.perf_counter() - started:6.2f} s  "
        f"({len(history.recent)} commits, {len(history.last_change)} files dated)"
    )
    print(f"target: diff of two revisions under 5 s: {'met' if total < 5 else 'NOT met'}")


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="generate here and keep it")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True)
        run(args.keep, args.articles)
        return
    tmp = Path(tempfile.mkdtemp(prefix="dossier-bench-"))
    try:
        run(tmp, args.articles)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    cli()

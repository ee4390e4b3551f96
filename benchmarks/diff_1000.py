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
import hashlib
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

KINDS = ("partnership", "mou", "investment", "acquisition", "licensing")


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def company(i: int, slug: str | None = None) -> tuple[str, str]:
    slug = slug or f"company-{i:04d}"
    status = "draft" if i % 7 == 0 else "reviewed"
    return (
        f"briefings/companies/{slug}.md",
        f"---\nname: Company {i}\naliases: [C{i} Holdings]\ntopics: [ai]\n"
        f"review: {{status: {status}}}\n---\nCompany {i} makes things number {i}.\n",
    )


WORDS = [
    "market",
    "share",
    "revenue",
    "growth",
    "partnership",
    "cloud",
    "platform",
    "device",
    "chip",
    "model",
    "data",
    "analysts",
    "expect",
    "regulators",
    "approve",
    "investors",
    "board",
    "quarter",
    "strategy",
    "launch",
    "users",
    "supply",
    "chain",
    "factory",
    "software",
    "licence",
    "research",
    "team",
    "rivals",
    "pricing",
    "network",
]


def filler(n: int, words: int) -> str:
    """``words`` words of deterministic prose for article ``n`` (no RNG state shared)."""
    if words <= 0:
        return ""
    out = [WORDS[(n * 31 + i * 7 + i // 5) % len(WORDS)] for i in range(words)]
    sentences = [" ".join(out[i : i + 15]).capitalize() + "." for i in range(0, words, 15)]
    return "\n\n".join(" ".join(sentences[i : i + 6]) for i in range(0, len(sentences), 6))


def generate(
    root: Path,
    articles: int,
    *,
    companies_per: int = 5,
    articles_per_deal: int = 2,
    body_words: int = 0,
) -> None:
    """A valid corpus of ``articles`` briefings, deterministic in its arguments.

    Defaults are the diff benchmark's small files; the scale benchmark asks for the
    issue's shape: N/10 companies, N/20 deals, ~425-word bodies and seeds.
    """
    companies = max(2, articles // companies_per)
    deals = max(1, articles // articles_per_deal)

    def parties(d: int) -> tuple[int, int]:
        a, b = d % companies, (d * 7 + 1) % companies
        return a, (b + 1) % companies if a == b else b

    for i in range(companies):
        write(root, *company(i))
    for d in range(deals):
        a, b = parties(d)
        first = d * articles_per_deal
        cited = [n for n in range(first, first + articles_per_deal) if n < articles]
        sources = "".join(
            f"  - article: article-{n:05d}\n    quote: Deal {d} was reported in article {n}.\n"
            for n in cited
        )
        write(
            root,
            f"briefings/deals/deal-{d:05d}.md",
            f"---\ntitle: Deal {d}\nkind: {KINDS[d % len(KINDS)]}\nstatus: announced\n"
            f"parties:\n  - company: company-{a:04d}\n  - company: company-{b:04d}\n"
            f'announced: "20{10 + d % 15}-0{1 + d % 9}"\nareas: [ai, cloud]\n'
            f"sources:\n{sources}review: {{status: reviewed}}\n---\nSummary of deal {d}.\n",
        )
    for n in range(articles):
        d = n // articles_per_deal
        a, b = parties(d)
        extra = (n * 13 + 5) % companies  # a third company in two articles of three
        names = [a, b] + ([extra] if n % 3 and extra not in (a, b) else [])
        body = filler(n, body_words)
        seed = f"Deal {d} was reported in article {n}.\n" * 3 + (body and body + "\n")
        write(root, f"seeds/article-{n:05d}.txt", seed)
        # A draft records its seed's hash, as ingest writes it: the draft is up to date.
        sha = hashlib.sha256(seed.encode("utf-8")).hexdigest()
        write(
            root,
            f"briefings/articles/article-{n:05d}.md",
            f"---\ntitle: Article {n}\nseed: seeds/article-{n:05d}.txt\nseed_sha256: {sha}\n"
            "outlet: Wire\n"
            f'published: "20{10 + n % 15}-0{1 + n % 9}-1{n % 9}"\n'
            f"companies: [{', '.join(f'company-{c:04d}' for c in names)}]\n"
            f"deals: [deal-{d:05d}]\n"
            f"review: {{status: {'draft' if n % 9 == 0 else 'reviewed'}}}\n---\n"
            f"Article {n} reports deal {d}.\n" + (body and "\n" + body + "\n"),
        )


def change(root: Path, articles: int) -> None:
    for d in range(0, 500, 10):  # 50 status changes
        path = root / f"briefings/deals/deal-{d:05d}.md"
        path.write_text(path.read_text("utf-8").replace("status: announced", "status: agreed"))
    for n in range(0, 270, 9):  # 30 approvals
        path = root / f"briefings/articles/article-{n:05d}.md"
        path.write_text(path.read_text("utf-8").replace("status: draft", "status: reviewed"))
    for i in range(1, 6):  # 5 renamed company files
        old = root / f"briefings/companies/company-{i:04d}.md"
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

"""Ingest at scale: articles per second as the corpus grows, for a whole ``ingest`` run.

    python benchmarks/ingest_scale.py [--articles 1000 10000] [--keep DIR]

For each size, generates that many news seeds (about 1.5 KB each: a deal between
two companies named with a legal form, a third company named in passing, filler
prose; companies recur across articles, and about one deal in three is reported by
two articles) beside the minimal reviewed corpus, then times, wall clock:

- a first ``ingest`` (every seed analysed and drafted);
- a second one with nothing changed (outcomes from the cache, nothing written);
- one after 10 more seeds.

Ingest should cost the same per article at any size (target: at least 100 articles/s
at 10,000 for the first run).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from dossier.ingest.run import ingest  # noqa: E402
from tools.corpus import MINIMAL, SITE_PARTS, copy_project, filler, write  # noqa: E402

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "vi", "so"]
SECOND = ["Energy", "Robotics", "Telecom", "Ferries", "Capital", "Games", "Foods", "Pharma"]
FORMS = ["ASA", "GmbH", "Ltd", "Inc", "AB", "SA"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]
VERBS = ["has agreed to acquire", "agreed to buy", "completed its acquisition of"]


def company(i: int) -> str:
    """A distinct company name with a legal form, "Kalomi Robotics AB", for i < 4,096."""
    word = "".join(SYLLABLES[(i >> shift) % 8] for shift in (0, 3, 6)).capitalize()
    return f"{word} {SECOND[(i >> 9) % len(SECOND)]} {FORMS[i % len(FORMS)]}"


def seed(n: int, companies: int) -> str:
    deal = n - n % 3 if n % 3 == 1 else n  # articles 3k and 3k+1 report one deal
    a, b = deal % companies, (deal * 7 + 3) % companies
    b = (b + 1) % companies if a == b else b
    other = (n * 13 + 5) % companies
    year = 2020 + deal % 5
    day = 1 + n % 27
    month = MONTHS[deal % len(MONTHS)]
    return (
        f"{company(a).rsplit(' ', 1)[0]} deal number {n}\n\n"
        f"{month} {day}, {year}\n\n"
        f"{company(a)} {VERBS[n % len(VERBS)]} {company(b)} for ${10 + deal % 90} million, "
        f"the companies said on {month} {day}, {year}.\n\n"
        f"Analysts at {company(other)} said the price was fair. "
        f"{filler(n, 180)}\n"
    )


def generate(root: Path, start: int, stop: int, companies: int) -> None:
    for n in range(start, stop):
        (root / "seeds" / f"{n:05d}-deal.txt").write_text(seed(n, companies), "utf-8")


def project(root: Path) -> Path:
    copy_project(root, SITE_PARTS)
    for rel, text in MINIMAL.items():
        write(root, rel, text)
    return root


def timed(label: str, root: Path, articles: int) -> float:
    started = time.perf_counter()
    report = ingest(root)
    took = time.perf_counter() - started
    print(
        f"  {label:<28} {took:7.2f} s  {articles / took:7.0f} articles/s  "
        f"({len(report.created)} drafted, {len(report.updated)} updated, "
        f"{len(report.deleted)} removed)"
    )
    return took


def run(size: int, keep: Path | None) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="ingest-scale-"))
    root = project(keep or tmp / "project")
    companies = max(20, size // 5)
    generate(root, 0, size, companies)
    print(f"{size} seeds, {companies} companies")
    timed("first run", root, size)
    timed("second run, nothing changed", root, size)
    generate(root, size, size + 10, companies)
    timed("10 more seeds", root, size + 10)
    if keep is None:
        shutil.rmtree(tmp)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--keep", type=Path, help="generate into DIR and leave it there")
    args = parser.parse_args()
    for size in args.articles:
        run(size, args.keep)


if __name__ == "__main__":
    main()

"""Benchmark: `python build.py` in a fresh process, as a user runs it, on a generated corpus.

    python benchmarks/fresh_build.py [--articles 10000] [--corpus DIR]
                                     [--checkout DIR --python EXE] [--reference]

Generates (or reuses) the corpus ``build_scale.py`` uses, then runs ``build.py`` in a
new process four times: cold (no site/, no .dossier/), again with nothing changed, after
one article's summary was edited, and after that edit was undone. Prints each run's
wall-clock seconds, its CPU seconds (user and system, of the process and the
descendants it waited for: Pagefind, the print view, the ingest check), what it printed
last, and the peak memory of the process (its largest waited-for descendant included).

``--reference`` then times a plain single-process ``mkdocs build`` of the same pages
(``build_scale.reference``) and prints the cold build's ratio to it: issue 17's
yardstick, with the build a user runs (the stages overlapping as in ``build.py``).

``--checkout`` and ``--python`` run another checkout's ``build.py`` with its own
environment (e.g. main's, for a side-by-side run on the same corpus; the corpus's
``dossier`` link must point at that checkout, as mkdocs.yml names the hook by path).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path[:0] = [str(REPO), str(BENCH)]

from build_scale import make_corpus, reference  # noqa: E402


def fresh_build(root: Path, label: str, checkout: Path, python: str) -> float:
    started = time.monotonic()
    process = subprocess.Popen(
        [python, str(checkout / "build.py"), "--root", str(root), "build"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    took = time.monotonic() - started
    if status:
        sys.exit(f"{label}: build.py failed with status {status}")
    last = output.strip().splitlines()[-1]
    cpu = usage.ru_utime + usage.ru_stime
    load = os.getloadavg()[0]
    print(
        f"{label:<22} {took:6.2f} s  CPU {cpu:6.2f} s  {usage.ru_maxrss / 1024:5.0f} MB  "
        f"load {load:4.1f}  {last}"
    )
    return took


def run(root: Path, articles: int, checkout: Path, python: str, plain: bool = False) -> None:
    def build(label: str) -> float:
        return fresh_build(root, label, checkout, python)

    make_corpus(root, articles)
    shutil.rmtree(root / ".dossier", ignore_errors=True)
    shutil.rmtree(root / "site", ignore_errors=True)
    cold = build("cold")
    build("nothing changed")
    article = sorted((root / "briefings/articles").glob("*.md"))[len(articles_of(root)) // 3]
    text = article.read_text("utf-8")
    article.write_text(text.rstrip("\n") + "\n\nAn added sentence.\n", "utf-8")
    try:
        build("one article edited")
    finally:
        article.write_text(text, "utf-8")
    build("the edit undone")
    if plain:
        reference(root, cold)


def articles_of(root: Path) -> list[Path]:
    return sorted((root / "briefings/articles").glob("*.md"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, help="generate here (or reuse) and keep it")
    parser.add_argument("--checkout", type=Path, default=REPO, help="whose build.py to run")
    parser.add_argument("--python", default=sys.executable, help="the Python to run it with")
    parser.add_argument("--reference", action="store_true", help="also a plain mkdocs build")
    args = parser.parse_args()
    root = args.corpus or Path(tempfile.mkdtemp(prefix="dossier-fresh-"))
    try:
        run(root.resolve(), args.articles, args.checkout.resolve(), args.python, args.reference)
    finally:
        if args.corpus is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()

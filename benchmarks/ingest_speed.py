"""Ingest speed: articles per second on one core, for 5 KB articles.

    python benchmarks/ingest_speed.py

Times what ingest does for each seed (read → clean → metadata → companies → deals →
summary → each quote found in the seed as the loader will check it) on 5 KB articles
built from the evaluation set (each article followed by others), separately on HTML
pages (which add trafilatura's main-text extraction), and on the real published news of
benchmarks/realnews when its texts are materialized (``realnews/materialize.py``). One process,
CPU time, so one core. The HTML pages are read once before the clock starts: the first
page of a run also imports trafilatura and loads its stop lists (about half a second,
once per run, printed apart), which is not a cost per page.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO / "tests" / "ingest_eval"
REALNEWS = REPO / "benchmarks" / "realnews" / "texts"
sys.path.insert(0, str(REPO))

from dossier.errors import ContentError  # noqa: E402
from dossier.frontmatter import parse  # noqa: E402
from dossier.ingest.entities import Finder  # noqa: E402
from dossier.ingest.outcome import outcome_of  # noqa: E402
from dossier.ingest.readers import read_seed  # noqa: E402
from dossier.ingest.types import KnownCompany  # noqa: E402

TARGET_BYTES = 5_000


def _finder() -> Finder:
    known = []
    for path in sorted((EVAL / "companies").glob("*.md")):
        data = parse(path.name, path.read_text("utf-8")).data
        known.append(
            KnownCompany(path.stem, data["name"], (data["name"], *data.get("aliases", [])))
        )
    return Finder(known)


def _five_kb(text: str, others: list[str]) -> str:
    """An article grown to about 5 KB with the bodies of the next articles. No sentence
    repeats within an article, but the next article's body opens the next article, so
    the caches kept per sentence across articles (names.pieces, figures.areas) hit, and
    the text figure is a little better than distinct articles would give; the real-news
    figure has no such repeats."""
    head, _, body = text.partition("\n")
    out = head + "\n" + body
    for other in others:
        if len(out.encode()) >= TARGET_BYTES:
            break
        out += "\n" + other.partition("\n")[2]
    return out


def rate(paths: list[Path], root: Path, rounds: int) -> float:
    finder = _finder()
    started = time.process_time()  # CPU time: other processes on the machine do not count
    for _ in range(rounds):
        for path in paths:
            # a page ingest refuses (no article text) costs its reading only
            with contextlib.suppress(ContentError):
                outcome_of(read_seed(root, path), "", finder)
    return rounds * len(paths) / (time.process_time() - started)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        seeds = root / "seeds"
        seeds.mkdir()
        sources = [
            src
            for src in sorted((EVAL / "articles").iterdir())
            if src.suffix in (".txt", ".md") and not src.read_bytes().startswith(b"---")
        ]
        bodies = [src.read_text("utf-8", errors="replace") for src in sources]
        texts = []
        for i, src in enumerate(sources):
            dest = seeds / src.name
            dest.write_text(_five_kb(bodies[i], bodies[i + 1 :] + bodies[:i]), "utf-8")
            texts.append(dest)
        html = [p for p in sorted((EVAL / "articles").glob("*.html"))]
        size = sum(p.stat().st_size for p in texts) / len(texts)
        print(f"{len(texts)} text articles of {size / 1000:.1f} KB on average")
        print(f"text: {rate(texts, root, rounds=5):.0f} articles/s (one core)")
        html_root = EVAL
        started = time.process_time()
        rate(html, html_root, rounds=1)  # warm-up: imports and stop lists, once per run
        print(f"html warm-up (once per run): {time.process_time() - started:.2f} s")
        print(f"html: {rate(html, html_root, rounds=5):.0f} pages/s (one core, with trafilatura)")
    real = sorted(p for p in REALNEWS.glob("*/*") if p.is_file())
    if real:
        size = sum(p.stat().st_size for p in real) / len(real)
        print(
            f"real news: {rate(real, REALNEWS, rounds=1):.0f} articles/s (one core; {len(real)}"
            f" seeds of {size / 1000:.1f} KB on average, of every format, read included)"
        )
    else:
        print("real news: not measured (run benchmarks/realnews/materialize.py first)")


if __name__ == "__main__":
    main()

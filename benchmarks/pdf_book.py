"""Benchmark: the briefing book as a PDF from a generated corpus.

    python benchmarks/pdf_book.py [--articles 1000] [--corpus DIR] [--profile FILE]

Generates (or reuses) the corpus ``build_scale.py`` uses (N articles, N/10 companies,
N/20 deals), then makes the whole book as ``python build.py pdf`` does and prints the
seconds spent loading, writing the HTML (every layout writes it again, with the page
numbers of the previous one), laying it out and writing the PDF; the number of layouts;
the page count and the file size. Timings on a shared machine are noisy: run it twice
and take the lower figure.
"""

from __future__ import annotations

import argparse
import cProfile
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path[:0] = [str(REPO), str(BENCH)]

from build_scale import make_corpus  # noqa: E402

from dossier.load import Limits, load_corpus  # noqa: E402
from dossier.printbook import Scope, commit_of, render_book, select  # noqa: E402
from dossier.printbook.pdf import write_pdf  # noqa: E402
from dossier.views import build_views  # noqa: E402


def make_book(root: Path, output: Path) -> None:
    import weasyprint

    layouts: list[float] = []
    lay_out = weasyprint.HTML.render

    def timed_layout(self: weasyprint.HTML, *args: object, **kwargs: object) -> object:
        begun = time.perf_counter()
        document = lay_out(self, *args, **kwargs)
        layouts.append(time.perf_counter() - begun)
        return document

    weasyprint.HTML.render = timed_layout  # counted, not changed
    started, cpu = time.perf_counter(), time.process_time()
    book = select(build_views(load_corpus(root, Limits())), Scope())
    loaded = time.perf_counter() - started
    writing: list[float] = []

    def render(pages: dict[str, int]) -> str:
        begun = time.perf_counter()
        html = render_book(book, root / "templates", commit_of(root), "a4", pages)
        writing.append(time.perf_counter() - begun)
        return html

    begun = time.perf_counter()
    pages = write_pdf(render, output, root)
    drawn = time.perf_counter() - begun - sum(writing) - sum(layouts)
    total, cpu = time.perf_counter() - started, time.process_time() - cpu
    weasyprint.HTML.render = lay_out
    print(
        f"{total:6.1f} s ({cpu:.1f} s of CPU) for {pages} pages "
        f"({output.stat().st_size / 1e6:.1f} MB): load and model {loaded:.1f} s, "
        f"HTML {sum(writing):.1f} s, {len(layouts)} layout{'s' if len(layouts) != 1 else ''} "
        f"{sum(layouts):.1f} s, drawing and writing the PDF {drawn:.1f} s"
    )


def run(root: Path, articles: int, profile: Path | None) -> None:
    make_corpus(root, articles)
    # A reused corpus gets this checkout's templates, so the figures are for this code.
    shutil.copytree(REPO / "templates", root / "templates", dirs_exist_ok=True)
    output = root / "site" / "dossier.pdf"
    output.parent.mkdir(exist_ok=True)
    if profile:
        with cProfile.Profile() as prof:
            make_book(root, output)
        prof.dump_stats(profile)
    else:
        make_book(root, output)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MB (largest worker process {children:.0f} MB)")


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, help="generate here (or reuse) and keep it")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the run")
    args = parser.parse_args()
    if args.corpus:
        run(args.corpus.resolve(), args.articles, args.profile)
        return
    tmp = Path(tempfile.mkdtemp(prefix="dossier-pdf-"))
    try:
        run(tmp, args.articles, args.profile)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    cli()

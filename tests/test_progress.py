"""Build progress: plain lines in logs (CI), a bar on a terminal, never backwards."""

from __future__ import annotations

import io

from dossier.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_plain_lines_one_per_tenth_and_never_backwards() -> None:
    out = io.StringIO()
    progress = Progress("building", out)
    for done in range(0, 1001, 25):
        progress(done, 1000)
    for done in range(0, 1001, 100):  # a second pass counting from zero is ignored
        progress(done, 1000)
    progress.close()
    lines = out.getvalue().splitlines()
    assert [line.split(" (")[0] for line in lines] == [
        f"building: {n}/1000 pages" for n in range(100, 1001, 100)
    ]


def test_bar_on_a_terminal_ends_its_line() -> None:
    out = Terminal()
    progress = Progress("building", out)
    for done in range(0, 401):
        progress(done, 400)
    progress.close()
    text = out.getvalue()
    assert text.endswith(f"\rbuilding [{'#' * 30}] 400/400 pages\n")
    assert text.count("\r") == 101  # redrawn once per percent, 0 to 100


def test_small_sites_show_nothing() -> None:
    out = io.StringIO()
    progress = Progress("building", out)
    for done in range(25):
        progress(done, 24)
    progress.close()
    assert out.getvalue() == ""


def test_ingest_counts_the_seeds_it_reads(tmp_path) -> None:
    """`ingest` and the build's drafting say how far through the seeds they are: the
    real ingest calls progress once per seed, and the lines name seeds, not pages."""
    from dossier.ingest import ingest

    from .conftest import MINIMAL, SITE_PARTS, copy_project, write

    root = copy_project(tmp_path / "p", SITE_PARTS)
    for rel, text in MINIMAL.items():
        write(root, rel, text)
    for n in range(120):
        write(root, f"seeds/s{n:03}.txt", f"Globex Corp said on Monday it sold {n} anvils.\n")
    out = io.StringIO()
    progress = Progress("reading seeds", out, unit="seeds", least=100)
    calls: list[tuple[int, int]] = []
    ingest(root, progress=lambda done, total: (calls.append((done, total)), progress(done, total)))
    progress.close()
    assert calls == [(n, 120) for n in range(1, 121)]
    assert out.getvalue().splitlines()[-1].startswith("reading seeds: 120/120 seeds (")

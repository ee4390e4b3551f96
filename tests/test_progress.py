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

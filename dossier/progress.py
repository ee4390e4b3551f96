"""Build progress for people: a bar on a terminal, a few plain lines anywhere else (CI logs).

Progress goes to stderr, so stdout keeps only the one-line summary.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

_WIDTH = 30
_MIN_PAGES = 200  # small sites build in a blink: no progress at all


class Progress:
    """Call with (done, total) as pages (or ``unit``) are finished; ``close`` ends the
    bar's line. Under ``least`` of them, nothing is shown."""

    def __init__(
        self,
        label: str,
        stream: TextIO | None = None,
        unit: str = "pages",
        least: int = _MIN_PAGES,
    ) -> None:
        self.label = label
        self.unit = unit
        self.least = least
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.started = time.perf_counter()
        self.shown = -1  # last tenth (plain) or percent (bar) printed
        self.best = 0
        self.open = False

    def __call__(self, done: int, total: int) -> None:
        # Pages wrapped by parallel workers are counted first; the pass that assembles
        # the site then counts from zero again. The bar only ever moves forward.
        if total < self.least or done < self.best:
            return
        self.best = done
        if self.tty:
            percent = done * 100 // total
            if percent != self.shown:
                self.shown = percent
                filled = _WIDTH * done // total
                bar = "#" * filled + "-" * (_WIDTH - filled)
                self.stream.write(f"\r{self.label} [{bar}] {done}/{total} {self.unit}")
                self.stream.flush()
                self.open = True
            return
        tenth = done * 10 // total
        if tenth != self.shown and (tenth > 0 or done == total):
            self.shown = tenth
            took = time.perf_counter() - self.started
            self.stream.write(f"{self.label}: {done}/{total} {self.unit} ({took:.0f} s)\n")
            self.stream.flush()

    def close(self) -> None:
        if self.open:
            self.stream.write("\n")
            self.stream.flush()
            self.open = False

"""Run a pure function over many items on every core, in order, when it pays.

Worker processes are forked, so they inherit the function and the items (a whole
corpus) without pickling them; only the results travel back. Order is kept, so
parallel and serial runs give the same output. Below ``minimum`` items, or where
fork is unavailable or unsafe (another thread is running, e.g. under ``serve``), the
map runs in this process.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_job: tuple[Callable[[Any], Any], Sequence[Any]] | None = None  # inherited by the workers


def workers() -> int:
    """Cores this process may use; DOSSIER_JOBS overrides (1 turns parallelism off)."""
    wanted = os.environ.get("DOSSIER_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def can_fork() -> bool:
    # Forking a process that runs other threads (the server under `serve`) can deadlock.
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def ordered_map(fn: Callable[[T], R], items: Sequence[T], minimum: int = 500) -> list[R]:
    jobs = workers()
    if jobs < 2 or len(items) < minimum or not can_fork():
        return [fn(item) for item in items]
    global _job
    _job = (fn, items)
    try:
        # Contiguous chunks, a few per worker, so slow pages do not leave a core idle.
        bounds = _chunks(len(items), jobs * 4)
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            parts = pool.map(_run, bounds, chunksize=1)
    finally:
        _job = None
    return [result for part in parts for result in part]


def _chunks(count: int, pieces: int) -> list[tuple[int, int]]:
    step = -(-count // pieces)
    return [(start, min(start + step, count)) for start in range(0, count, step)]


def _run(bounds: tuple[int, int]) -> list[Any]:
    assert _job is not None
    fn, items = _job
    return [fn(items[i]) for i in range(*bounds)]


class Ahead:
    """A text made by ``make`` in a forked process, started now, collected later.

    For one stage that can run beside another on the second core (the print view while
    the pages render). The text comes back through a pipe (nothing is left on disk if
    the build is killed). Where forking is unsafe, or the process failed, ``make`` runs
    in this process when the text is asked for, so its errors are raised here as
    without this.
    """

    def __init__(self, make: Callable[[], str]) -> None:
        self.make = make
        self.pid: int | None = None
        self.fd = -1
        if workers() < 2 or not can_fork():
            return
        self.fd, out = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            os.close(self.fd)
            status = 1
            try:
                with os.fdopen(out, "wb") as pipe:  # waits there until the text is read
                    pipe.write(make().encode("utf-8", "surrogatepass"))
                status = 0
            finally:
                os._exit(status)  # nothing of this process's exit (atexit, buffers) runs
        os.close(out)

    def result(self) -> str:
        if self.pid is None:
            return self.make()
        with os.fdopen(self.fd, "rb") as pipe:
            data = pipe.read()
        return data.decode("utf-8", "surrogatepass") if self._ended_well() else self.make()

    def cancel(self) -> None:
        if self.pid is not None:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
            os.close(self.fd)
            self._ended_well()

    def _ended_well(self) -> bool:
        assert self.pid is not None
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        return os.waitstatus_to_exitcode(status) == 0


_PR_SET_PDEATHSIG = 1  # prctl(2)


def die_with(parent: int) -> None:
    """In a forked process: a killed build takes it along (Linux), so none goes on
    filling the cache or a site folder the next build removes."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # killed before the line above took effect
        os._exit(1)

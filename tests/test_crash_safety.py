"""SIGKILL at random moments of a build and of ingest: nothing half-written survives.

After each kill, ``site/`` must be exactly the old site or exactly the new one, and
every file under ``briefings/`` must be complete (it parses).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dossier.frontmatter import decode, parse

from .conftest import REPO, SITE_PARTS, copy_project, generate

ARTICLES = 1000
KILLS = 4


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def project(tmp_path: Path) -> Path:
    root = tmp_path / "big"
    generate(root, ARTICLES, companies_per=10, articles_per_deal=20, body_words=60)
    return copy_project(root, SITE_PARTS)


def run(root: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, str(REPO / "build.py"), "--root", str(root), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "DOSSIER_JOBS": "2"},
    )


def timed(root: Path, *args: str) -> float:
    """Seconds a command took; it must succeed."""
    started = time.monotonic()
    assert run(root, *args).wait() == 0
    return time.monotonic() - started


@pytest.mark.slow
def test_killed_build_leaves_the_old_site_or_the_new_one(tmp_path: Path) -> None:
    root = project(tmp_path)
    timed(root, "build")
    old = tree(root / "site")
    first = root / "briefings/companies/company-0000.md"
    first.write_text(first.read_text("utf-8").replace("name: Company 0", "name: Company Zero"))
    duration = timed(root, "build", "--site-dir", str(tmp_path / "new-site"))
    new = tree(tmp_path / "new-site")
    assert old != new
    rng = random.Random(20261122)
    outcomes = []
    # kills anywhere in the build, and one early in it: a cold build takes longer than
    # `duration`, but the site may be swapped in before its last steps, and a loaded
    # machine stretches both, so random kills alone may all land after the swap
    pauses = [duration * 0.2, *(rng.uniform(0.05, duration) for _ in range(KILLS - 1))]
    for pause in pauses:
        shutil.rmtree(root / ".dossier", ignore_errors=True)  # a cold build: more to kill
        process = run(root, "build")
        time.sleep(pause)
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = tree(root / "site")
        assert now in (old, new), "site/ is a mix of two builds"
        outcomes.append("new" if now == new else "old")
    timed(root, "build")  # the next build succeeds on what was left ...
    assert tree(root / "site") == new
    assert not list(root.glob(".site.tmp-*")), "temporary folders were not cleaned up"
    assert not list(root.glob(".site.old")), "temporary folders were not cleaned up"
    # The old sites left to rm (atomic.swap_dir) go once it is done.
    deadline = time.monotonic() + 60
    while list(root.glob(".site.*")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not list(root.glob(".site.*")), "old sites were not removed"
    assert "old" in outcomes  # at least one kill landed mid-build


@pytest.mark.slow
def test_killed_ingest_leaves_only_complete_briefings(tmp_path: Path) -> None:
    root = project(tmp_path)
    for i in range(60):
        (root / "seeds" / f"new-{i:03d}.txt").write_text(
            f"Acme Widgets Corp agreed to acquire Initech {i} Ltd for $12 million on "
            f"Monday, March {1 + i % 28}, 2025, the companies said. Acme Widgets Corp "
            f"makes widgets. Initech {i} Ltd makes software.\n",
            "utf-8",
        )
    duration = timed(root, "ingest")
    rng = random.Random(7)
    for _ in range(KILLS):
        for draft in (root / "briefings").rglob("*.md"):
            if "new-" in draft.read_text("utf-8") or "initech" in draft.name:
                draft.unlink()  # make ingest draft them again
        process = run(root, "ingest")
        time.sleep(rng.uniform(0.05, duration))
        process.send_signal(signal.SIGKILL)
        process.wait()
        for path in (root / "briefings").rglob("*.md"):
            rel = path.relative_to(root).as_posix()
            parse(rel, decode(rel, path.read_bytes()))  # raises on a truncated file
    timed(root, "check")  # what was drafted so far loads

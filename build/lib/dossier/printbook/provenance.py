"""The commit a book was built from, for its cover: read from git, never required."""

from __future__ import annotations

import subprocess
from pathlib import Path


def commit_of(root: Path) -> str | None:
    """``"1a2b3c4d5e6f"`` (with "+ local changes" when the corpus differs), or None outside git.

    Only briefings/ and templates/ decide whether the tree is dirty: they are what the
    book is made of, and a built site/ lying in the work tree must not change the cover.
    """
    head = _git(root, "rev-parse", "--short=12", "HEAD")
    if head is None:
        return None
    status = _git(root, "status", "--porcelain", "--", "briefings", "templates")
    return f"{head} + local changes" if status else head


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):  # no git installed, or a hung repository
        return None
    return done.stdout.strip() if done.returncode == 0 else None

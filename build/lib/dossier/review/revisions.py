"""Which two revisions a diff compares, and loading each with the project's loader."""

from __future__ import annotations

from pathlib import Path

from ..errors import DossierError
from ..load import FileCache, Limits, Loaded, load_tree
from . import gitio
from .diff import Diff, semantic_diff

WORKING_TREE = "the working tree"


def load_revision(
    root: Path, sha: str | None, limits: Limits | None = None, cache: FileCache | None = None
) -> Loaded:
    """The corpus at commit ``sha`` read from git objects, or the working tree for None."""
    files = gitio.read_tree(root, sha) if sha else None
    return load_tree(root, limits or Limits(), files=files, cache=cache)


def pick(root: Path, revisions: list[str]) -> tuple[tuple[str, str], tuple[str, str | None]]:
    """``[]``, ``[A]``, ``[A, B]``, ``[A..B]`` or ``[A...B]`` → (name, sha) of each side.

    Like ``git diff``: no revision compares HEAD with the working tree, one revision
    compares it with the working tree, ``A...B`` compares B with where it left A.
    """
    if not gitio.in_repository(root):
        raise DossierError(f"{root}: not in a git repository with commits (diff compares commits)")
    if len(revisions) == 1 and ".." in revisions[0]:
        three = "..." in revisions[0]
        a, b = revisions[0].split("..." if three else "..", 1)
        a, b = a or "HEAD", b or "HEAD"
        old_sha = gitio.resolve(root, a)
        new_sha = gitio.resolve(root, b)
        if three:
            old_sha = gitio.git(root, "merge-base", old_sha, new_sha).decode().strip()
        return (a, old_sha), (b, new_sha)
    if len(revisions) > 2:
        raise DossierError("diff takes at most two revisions (e.g. diff main HEAD)")
    old = revisions[0] if revisions else "HEAD"
    old_side = (old, gitio.resolve(root, old))
    if len(revisions) == 2:
        return old_side, (revisions[1], gitio.resolve(root, revisions[1]))
    return old_side, (WORKING_TREE, None)


def diff_revisions(root: Path, revisions: list[str], limits: Limits | None = None) -> Diff:
    (old_name, old_sha), (new_name, new_sha) = pick(root, revisions)
    approved_on = gitio.commit_info(root, new_sha).date if new_sha else None
    cache: FileCache = {}  # files unchanged between the two sides are parsed once
    old = load_revision(root, old_sha, limits, cache)
    new = load_revision(root, new_sha, limits, cache)
    return semantic_diff(old, new, old_name, new_name, approved_on)

"""Everything Dossier asks git, through the git command line; nothing is checked out.

Revisions are read straight from git objects (``git ls-tree`` for the file list,
one ``git cat-file --batch`` for the contents), so the working tree is never touched.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..errors import DossierError

# What a revision of the corpus needs: the briefings and the seeds their quotes cite.
CORPUS_PATHS = ("briefings", "seeds")


@dataclass(frozen=True)
class Commit:
    sha: str
    date: str  # committer date, ISO 8601 (YYYY-MM-DD): deterministic, never the clock
    subject: str = ""

    @property
    def short(self) -> str:
        return self.sha[:7]


def git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """Run git in ``root``; a failure is a DossierError carrying git's own message."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            input=stdin,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise DossierError("git is not installed (install git to use review commands)") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DossierError(f"git {args[0]}: {message[-1] if message else 'failed'}")
    return done.stdout


def in_repository(root: Path) -> bool:
    """True when ``root`` is inside a git work tree with at least one commit."""
    try:
        git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    except DossierError:
        return False
    return True


def resolve(root: Path, rev: str) -> str:
    """A revision name (main, HEAD~2, a sha) → its commit sha, or a clear error."""
    try:
        return (
            git(root, "rev-parse", "--verify", "--end-of-options", f"{rev}^{{commit}}")
            .decode("ascii")
            .strip()
        )
    except DossierError:
        raise DossierError(
            f"'{rev}' is not a commit in this repository (try a branch name, a tag or HEAD~1)"
        ) from None


def commit_info(root: Path, sha: str) -> Commit:
    out = git(root, "show", "-s", "--format=%H%x00%cs%x00%s", sha).decode("utf-8", "replace")
    full, date, subject = out.rstrip("\n").split("\0", 2)
    return Commit(full, date, subject)


def read_tree(root: Path, sha: str, paths: tuple[str, ...] = CORPUS_PATHS) -> dict[str, bytes]:
    """The files under ``paths`` (relative to ``root``) at commit ``sha``, path → bytes."""
    listing = git(root, "ls-tree", "-r", "-z", sha, "--", *paths).split(b"\0")
    blobs: dict[str, str] = {}
    for entry in listing:
        if not entry:
            continue
        meta, _, name = entry.partition(b"\t")
        mode, kind, blob = meta.decode("ascii").split()
        if kind == "blob" and mode != "120000":  # symlinks are not content
            blobs[name.decode("utf-8", "surrogateescape")] = blob
    contents = read_blobs(root, sorted(set(blobs.values())))
    return {path: contents[blob] for path, blob in sorted(blobs.items())}


def read_blobs(root: Path, blobs: list[str]) -> dict[str, bytes]:
    """Many blobs in one ``git cat-file --batch`` call (one process, not one per file)."""
    if not blobs:
        return {}
    out = git(root, "cat-file", "--batch", stdin="".join(f"{b}\n" for b in blobs).encode())
    found: dict[str, bytes] = {}
    pos = 0
    for blob in blobs:
        header_end = out.index(b"\n", pos)
        sha, _, size = out[pos:header_end].decode("ascii").split()
        start = header_end + 1
        found[blob] = out[start : start + int(size)]
        pos = start + int(size) + 1  # the content is followed by a newline
        assert sha == blob
    return found


def user_name(root: Path) -> str:
    """The reviewer: ``git config user.name``."""
    try:
        name = git(root, "config", "user.name").decode("utf-8").strip()
    except DossierError:
        name = ""
    if not name:
        raise DossierError(
            "git config user.name is not set; set it (git config user.name 'Your Name') "
            "or pass --by NAME"
        )
    return name

"""Which files ingest may read and write, checked before it drafts anything.

A seed is data from outside (a contributor's pull request may add one), so ingest
reads only regular files directly in seeds/: never a symbolic link (whatever it
points to: ``../.env`` is inside the project and still a secret), a FIFO or a
device; never a file over the size limit (refused from its size on disk, unread);
never a file whose name cannot be shown or written into a briefing. Each refused
file is a Problem naming it, the reason and the fix, and ingest then drafts nothing.
Files whose names start with a dot are not seeds (editors keep lock files there).
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..characters import name_problem
from ..errors import ContentError, Problem
from ..frontmatter import FrontMatterError, parse
from ..load import Limits

EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_FILE_BYTES = Limits.max_file_bytes
_FOLDERS = ("seeds", "briefings", "briefings/articles", "briefings/companies", "briefings/deals")
_LINK_HINT = "copy the article into seeds/ as a file, then remove the link"
_SIZE_HINT = "trim the seed to the article's text, or raise --max-file-bytes"


@dataclass
class Listing:
    """The seeds ingest may read, and a Problem for each file it refuses."""

    seeds: list[Path] = field(default_factory=list)  # sorted by name
    problems: list[Problem] = field(default_factory=list)


def list_seeds(root: Path, max_bytes: int = MAX_FILE_BYTES) -> Listing:
    """Every seed in seeds/ checked from its directory entry and ``lstat``, none opened."""
    listing = Listing()
    listing.problems += _folder_problems(root)
    if listing.problems:
        return listing
    folder = root / "seeds"
    try:
        with os.scandir(folder) as entries:
            # Names, not Paths, are sorted: comparing 10,000 Paths took half a second.
            found = sorted(
                (e.name, e)
                for e in entries
                if not e.name.startswith(".") and os.path.splitext(e.name)[1].lower() in EXTENSIONS
            )
    except (FileNotFoundError, NotADirectoryError):
        return listing
    for name, entry in found:
        problem = _entry_problem(root, entry, max_bytes)
        if problem is None:
            listing.seeds.append(folder / name)
        else:
            listing.problems.append(problem)
    return listing


def _folder_problems(root: Path) -> list[Problem]:
    """seeds/ and briefings/ must be real folders of the project, not links elsewhere."""
    problems = []
    for rel in _FOLDERS:
        if os.path.islink(root / rel):
            problems.append(
                Problem(
                    rel,
                    None,
                    "",
                    "is a link; ingest reads and writes only real folders of the project",
                    f"replace the link with the folder {rel}/ itself",
                )
            )
    return problems


def _entry_problem(root: Path, entry: os.DirEntry[str], max_bytes: int) -> Problem | None:
    rel = f"seeds/{entry.name}"
    bad_name = name_problem(rel, "rename the file, e.g. to letters, digits and hyphens")
    if bad_name is not None:
        return bad_name
    info = entry.stat(follow_symlinks=False)
    if stat.S_ISLNK(info.st_mode):
        return link_problem(root, rel)
    if not stat.S_ISREG(info.st_mode):
        return Problem(
            rel,
            None,
            "",
            f"is {_kind(info.st_mode)}, not a file; nothing was drafted from it",
            "remove it: seeds/ holds article files only",
        )
    if info.st_size > max_bytes:
        return too_big(rel, info.st_size, max_bytes)
    return None


def link_problem(root: Path, rel: str) -> Problem:
    """What a symbolic link at ``rel`` points to, said without opening it."""
    path = root / rel
    if not path.exists():
        return Problem(
            rel,
            None,
            "",
            "is a broken link (it points to nothing); nothing was drafted from it",
            "remove the link, or put the article file there instead",
        )
    target = Path(os.path.realpath(path))
    top = Path(os.path.realpath(root))
    where = (
        f"to {target.relative_to(top).as_posix()}"
        if target.is_relative_to(top)
        else "to a file outside the project"
    )
    return Problem(
        rel,
        None,
        "",
        f"is a link {where}; ingest never follows links, nothing was drafted from it",
        _LINK_HINT,
    )


def too_big(rel: str, size: int, max_bytes: int) -> Problem:
    return Problem(
        rel,
        None,
        "",
        f"is {size:,} bytes, over the {max_bytes:,}-byte limit; nothing was drafted from it",
        _SIZE_HINT,
    )


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def read_seed_bytes(root: Path, path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of one seed, or ContentError: the file is opened without following a
    link and without blocking (a FIFO put there after the listing), its type and size
    are checked on the open file, and at most ``max_bytes + 1`` bytes are ever read."""
    rel = path.relative_to(root).as_posix()
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP or os.path.islink(path):
            raise ContentError([link_problem(root, rel)]) from None
        raise ContentError([Problem(rel, None, "", f"cannot be read: {exc.strerror}")]) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ContentError(
                [Problem(rel, None, "", f"is {_kind(info.st_mode)}, not a file", "remove it")]
            )
        if info.st_size > max_bytes:
            raise ContentError([too_big(rel, info.st_size, max_bytes)])
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # it grew since fstat
        raise ContentError([too_big(rel, len(data), max_bytes)])
    return data


def check(problems: list[Problem]) -> None:
    """Raise every problem found, before anything is written."""
    if problems:
        raise ContentError(problems)


def check_writes(root: Path, seed: str, files: dict[Path, str | None], limits: Limits) -> None:
    """Raise, before any of them is written, when a file ingest would write or delete is
    a link or not a regular file, or when a draft would not pass ``check`` on its own
    (a seed of one 4 MB "sentence" drafts a 9 MB deal): every later build would fail.
    (An atomic replace would put a file in a link's place rather than write through
    it, but someone put that link there: say so.)"""
    problems = []
    for path, text in files.items():
        rel = path.relative_to(root).as_posix()
        try:
            mode: int | None = os.lstat(path).st_mode
        except FileNotFoundError:
            mode = None
        if mode is not None and not stat.S_ISREG(mode):
            what = "a link" if stat.S_ISLNK(mode) else _kind(mode)
            problems.append(
                Problem(
                    rel,
                    None,
                    "",
                    f"is {what}; ingest writes only regular files, so it wrote nothing",
                    "replace it with the briefing file itself, or remove it",
                )
            )
        if text is not None:
            problems += _draft_problems(seed, rel, text, limits)
    check(problems)


def _draft_problems(seed: str, rel: str, text: str, limits: Limits) -> list[Problem]:
    # Only what a seed's size can break, in the loader's words. Schema validity is the
    # drafter's own contract (tests/test_fuzz.py): validating each draft here took
    # 3.5 ms a file, as long as drafting it; parsing takes 0.14 ms.
    found = []
    size = len(text.encode("utf-8"))
    if size > limits.max_file_bytes:
        found.append(f"is {size:,} bytes, over the {limits.max_file_bytes:,}-byte limit")
    try:
        body = parse(rel, text).body
    except FrontMatterError as exc:
        found.append(exc.problem.message)
    else:
        if len(body) > limits.max_body_chars:
            found.append(
                f"text below the front matter is {len(body):,} characters, over the "
                f"{limits.max_body_chars:,} allowed"
            )
    return [
        Problem(
            seed,
            None,
            "",
            f"its draft {rel} would not pass check ({message}); nothing was drafted from it",
            "trim the seed to the article's text, in sentences and paragraphs",
        )
        for message in found
    ]

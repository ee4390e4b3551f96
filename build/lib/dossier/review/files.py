"""Finding a briefing by slug and reading it only if it is a regular file of the project.

Used by the review commands that rewrite a briefing in place (``review approve``,
``review dispute``): a briefing that is a link, or lies in a folder that is a link, is
refused, never read or written through.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from ..errors import ContentError, DossierError, Problem
from ..load import FOLDERS
from ..schema import did_you_mean


def find_briefing(root: Path, name: str, kinds: Iterable[str] = FOLDERS) -> tuple[str, Path]:
    """``slug`` or ``folder/slug`` (``deals/x``) → its kind and file, among ``kinds``."""
    folder, _, slug = name.rpartition("/")
    slug = slug.removesuffix(".md")
    wanted = [k for k in kinds if not folder or folder.endswith(FOLDERS[k])]
    found = [(k, root / "briefings" / FOLDERS[k] / f"{slug}.md") for k in wanted]
    # lexists: a link is found (and then refused by name), not reported as missing
    found = [(k, p) for k, p in found if os.path.lexists(p)]
    if len(found) == 1:
        return found[0]
    if found:
        choices = " or ".join(f"{FOLDERS[k]}/{slug}" for k, _ in found)
        raise DossierError(f"'{name}' names more than one briefing; say {choices}")
    known = sorted(p.stem for k in kinds for p in (root / "briefings" / FOLDERS[k]).glob("*.md"))
    hint = did_you_mean(slug, known) or "give the file name of a briefing without .md"
    raise DossierError(f"no briefing '{name}' ({hint})")


def read_regular(
    root: Path, path: Path, rel: str, max_bytes: int, command: str, outcome: str
) -> bytes:
    """The bytes of a briefing that is a regular file of the project; else ContentError."""

    def refused(what: str) -> ContentError:
        return ContentError(
            [
                Problem(
                    rel,
                    None,
                    "",
                    f"{what}; {command} reads and writes only regular files of the project, "
                    f"so {outcome}",
                    "replace it with the briefing file itself",
                )
            ]
        )

    folder = path.parent
    if Path(os.path.realpath(folder)) != Path(os.path.realpath(root)) / folder.relative_to(root):
        raise refused("is in a folder that is a link")
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)  # O_NOFOLLOW: a link fails here instead of being read
    except OSError as exc:
        if not os.path.islink(path):
            problem = Problem(rel, None, "", f"cannot be read: {exc.strerror}")
            raise ContentError([problem]) from None
        target = Path(os.path.realpath(path))
        top = Path(os.path.realpath(root))
        where = target.relative_to(top).as_posix() if target.is_relative_to(top) else None
        raise refused(f"is a link to {where or 'a file outside the project'}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise refused("is not a regular file")
        if info.st_size > max_bytes:
            raise refused(f"is {info.st_size:,} bytes, over the {max_bytes:,}-byte limit")
        return handle.read(max_bytes + 1)

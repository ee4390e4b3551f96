"""Where a symbolic link in the project points, said without opening anything.

Load, ingest and pdf never read or write through a link; their messages name what the
link points to ("a link to .env", "a link to a file outside the project"), so a user
sees why it matters. Only ``lstat`` and ``realpath`` are used here.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import Problem


def link_target(root: Path, path: Path) -> str:
    """What the link at ``path`` points to: ``to REL`` inside the project, ``to a file
    outside the project``, or ``broken`` when it points to nothing."""
    if not os.path.exists(path):
        return "broken"
    target = Path(os.path.realpath(path))
    top = Path(os.path.realpath(root))
    if target.is_relative_to(top):
        return f"to {target.relative_to(top).as_posix()}"
    return "to a file outside the project"


def linked_folder(root: Path, path: Path) -> str | None:
    """The first folder between ``root`` and ``path`` that is a link (as a project-relative
    path), or None; ``root`` itself may be a link."""
    parts = Path(os.path.relpath(path, root)).parts[:-1]
    for depth in range(1, len(parts) + 1):
        rel = "/".join(parts[:depth])
        if os.path.islink(root / rel):
            return rel
    return None


def briefing_problem(root: Path, rel: str, status: str) -> Problem:
    """A briefing that is a link, or in a folder that is one: refused, never read."""
    path = root / rel
    if status == "linked-folder":
        folder = linked_folder(root, path) or "briefings"
        what, hint = (
            f"is in a folder that is a link ({folder})",
            (f"replace the link with the folder {folder}/ itself"),
        )
    elif (where := link_target(root, path)) == "broken":
        what, hint = "is a broken link (it points to nothing)", "remove the link"
    else:
        what, hint = f"is a link {where}", "copy the file into briefings/ instead"
    return Problem(rel, None, "", f"{what}; a briefing is never read through a link", hint)

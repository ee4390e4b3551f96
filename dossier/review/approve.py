"""``review approve SLUG…``: mark drafts reviewed by editing their front matter in place.

Only the ``review:`` block is rewritten; every other line stays as the author wrote
it. No date is written: the review date is the date of the commit that records the
approval, which the site and the diff read from git.

Only regular files of the project are read and rewritten, atomically: a briefing that
is a link (a contributor may send one pointing anywhere) is refused, never read or
written through, and so is one in a folder that is a link.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .. import atomic, placeholders
from ..errors import ContentError, DossierError, Problem
from ..frontmatter import FrontMatterError, decode, parse
from ..load import FOLDERS, Limits, load_file
from ..schema import did_you_mean

_CLOSERS = ("---", "...")


@dataclass(frozen=True)
class Approval:
    path: str  # relative to the project
    done: bool  # False: it was already reviewed


def approve(
    root: Path, slugs: list[str], reviewer: str, max_bytes: int = Limits.max_file_bytes
) -> list[Approval]:
    """Approve every named draft, or none of them if any name or file is wrong, or if
    any still holds ingest's placeholders (approving says a person read it)."""
    edits: list[tuple[Path, str, bytes]] = []
    results = []
    unread: list[Problem] = []
    for slug in slugs:
        kind, path = _find(root, slug)
        rel = path.relative_to(root).as_posix()
        raw = _read_regular(root, path, rel, max_bytes)
        new = _approved(kind, rel, raw, reviewer)
        results.append(Approval(rel, new is not None))
        if new is not None:
            unread += placeholders.find(rel, decode(rel, raw), path.stem)
            edits.append((path, rel, new))
    if unread:  # every file's placeholders reported at once, and nothing approved
        raise ContentError(unread)
    for path, rel, new in edits:  # written only once every file was found and checked
        _read_regular(root, path, rel, max_bytes)  # still a regular file, not a link
        atomic.write_bytes(path, new, stat.S_IMODE(os.lstat(path).st_mode))
    return results


def _read_regular(root: Path, path: Path, rel: str, max_bytes: int) -> bytes:
    """The bytes of a briefing that is a regular file of the project; else ContentError."""
    folder = path.parent
    if Path(os.path.realpath(folder)) != Path(os.path.realpath(root)) / folder.relative_to(root):
        raise ContentError([_refused(rel, "is in a folder that is a link")])
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
        raise ContentError(
            [_refused(rel, f"is a link to {where or 'a file outside the project'}")]
        ) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ContentError([_refused(rel, "is not a regular file")])
        if info.st_size > max_bytes:
            raise ContentError(
                [_refused(rel, f"is {info.st_size:,} bytes, over the {max_bytes:,}-byte limit")]
            )
        return handle.read(max_bytes + 1)


def _refused(rel: str, what: str) -> Problem:
    return Problem(
        rel,
        None,
        "",
        f"{what}; review approve reads and writes only regular files of the project, "
        "so nothing was approved",
        "replace it with the briefing file itself",
    )


def _find(root: Path, name: str) -> tuple[str, Path]:
    """``slug`` or ``folder/slug`` (``deals/x``) → its kind and file."""
    folder, _, slug = name.rpartition("/")
    slug = slug.removesuffix(".md")
    kinds = [k for k, f in FOLDERS.items() if not folder or folder.endswith(f)]
    found = [(k, root / "briefings" / FOLDERS[k] / f"{slug}.md") for k in kinds]
    # lexists: a link is found (and then refused by name), not reported as missing
    found = [(k, p) for k, p in found if os.path.lexists(p)]
    if len(found) == 1:
        return found[0]
    if found:
        choices = " or ".join(f"{FOLDERS[k]}/{slug}" for k, _ in found)
        raise DossierError(f"'{name}' names more than one briefing; say {choices}")
    known = sorted(p.stem for f in FOLDERS.values() for p in (root / "briefings" / f).glob("*.md"))
    hint = did_you_mean(slug, known) or "give the file name of a briefing without .md"
    raise DossierError(f"no briefing '{name}' ({hint})")


def _span(
    at: dict[tuple[str | int, ...], int], lines: list[str], key: str, closing: int
) -> tuple[int, int] | None:
    """The 0-based lines [start, end) of top-level ``key`` and its value, or None."""
    if (key,) not in at:
        return None
    start = at[(key,)] - 1
    later = [n - 1 for (k, *rest), n in at.items() if not rest and n - 1 > start]
    end = min([*later, closing])
    while end - 1 > start and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1  # keep blank lines and comments that belong to the next key
    return start, end


def _approved(kind: str, rel: str, raw: bytes, reviewer: str) -> bytes | None:
    """The file with its review block set to reviewed by ``reviewer``; None if it already is."""
    try:
        doc = parse(rel, decode(rel, raw))
    except FrontMatterError as exc:
        raise ContentError([exc.problem]) from None
    review = doc.data.get("review")
    if isinstance(review, dict) and review.get("status") == "reviewed":
        return None
    newline = "\r\n" if b"\r\n" in raw else "\n"
    lines = decode(rel, raw).split("\n")
    closing = next(i for i in range(1, len(lines)) if lines[i].rstrip() in _CLOSERS)
    block = [
        "review:",
        "  status: reviewed",
        f"  by: {json.dumps(reviewer, ensure_ascii=False)}",
    ]
    # The review block is replaced and ingest's evidence dropped (it is kept only on
    # drafts, see dossier/evidence.py); the later block first, so the earlier one's
    # lines stay where they were.
    spans = {key: _span(doc.lines, lines, key, closing) for key in ("review", "evidence")}
    if spans["review"] is None:
        spans["review"] = (closing, closing)
    for key, span in sorted(spans.items(), key=lambda item: item[1] or (-1, -1), reverse=True):
        if span is not None:
            lines[span[0] : span[1]] = block if key == "review" else []
    text = newline.join(lines)
    new = text.encode("utf-8")
    _, problems = load_file(kind, rel, new)
    if problems:  # the file had other problems: approving it must not hide them
        raise ContentError(problems)
    return new

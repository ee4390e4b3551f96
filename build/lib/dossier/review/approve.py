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
from ..errors import ContentError, Problem
from ..frontmatter import FrontMatterError, decode, parse
from ..load import Limits, load_file
from .files import find_briefing, read_regular

_CLOSERS = ("---", "...")


@dataclass(frozen=True)
class Approval:
    path: str  # relative to the project
    done: bool  # False: it was already reviewed


_COMMAND, _OUTCOME = "review approve", "nothing was approved"


def approve(
    root: Path, slugs: list[str], reviewer: str, max_bytes: int = Limits.max_file_bytes
) -> list[Approval]:
    """Approve every named draft, or none of them if any name or file is wrong, or if
    any still holds ingest's placeholders (approving says a person read it)."""
    edits: list[tuple[Path, str, bytes]] = []
    results = []
    unread: list[Problem] = []
    for slug in slugs:
        kind, path = find_briefing(root, slug)
        rel = path.relative_to(root).as_posix()
        raw = read_regular(root, path, rel, max_bytes, _COMMAND, _OUTCOME)
        new = _approved(kind, rel, raw, reviewer)
        results.append(Approval(rel, new is not None))
        if new is not None:
            unread += placeholders.find(rel, decode(rel, raw), path.stem)
            edits.append((path, rel, new))
    if unread:  # every file's placeholders reported at once, and nothing approved
        raise ContentError(unread)
    for path, rel, new in edits:  # written only once every file was found and checked
        read_regular(root, path, rel, max_bytes, _COMMAND, _OUTCOME)  # still no link
        atomic.write_bytes(path, new, stat.S_IMODE(os.lstat(path).st_mode))
    return results


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

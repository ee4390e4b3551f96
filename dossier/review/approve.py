"""``review approve SLUG…``: mark drafts reviewed by editing their front matter in place.

Only the ``review:`` block is rewritten; every other line stays as the author wrote
it. No date is written: the review date is the date of the commit that records the
approval, which the site and the diff read from git.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError, DossierError
from ..frontmatter import FrontMatterError, decode, parse
from ..load import FOLDERS, load_file
from ..schema import did_you_mean

_CLOSERS = ("---", "...")


@dataclass(frozen=True)
class Approval:
    path: str  # relative to the project
    done: bool  # False: it was already reviewed


def approve(root: Path, slugs: list[str], reviewer: str) -> list[Approval]:
    """Approve every named draft, or none of them if any name or file is wrong."""
    edits: list[tuple[Path, str, bytes]] = []
    results = []
    for slug in slugs:
        kind, path = _find(root, slug)
        rel = path.relative_to(root).as_posix()
        raw = path.read_bytes()
        new = _approved(kind, rel, raw, reviewer)
        results.append(Approval(rel, new is not None))
        if new is not None:
            edits.append((path, rel, new))
    for path, _, new in edits:  # written only once every file was found and checked
        path.write_bytes(new)
    return results


def _find(root: Path, name: str) -> tuple[str, Path]:
    """``slug`` or ``folder/slug`` (``deals/x``) → its kind and file."""
    folder, _, slug = name.rpartition("/")
    slug = slug.removesuffix(".md")
    kinds = [k for k, f in FOLDERS.items() if not folder or folder.endswith(f)]
    found = [(k, root / "briefings" / FOLDERS[k] / f"{slug}.md") for k in kinds]
    found = [(k, p) for k, p in found if p.is_file()]
    if len(found) == 1:
        return found[0]
    if found:
        choices = " or ".join(f"{FOLDERS[k]}/{slug}" for k, _ in found)
        raise DossierError(f"'{name}' names more than one briefing; say {choices}")
    known = sorted(p.stem for f in FOLDERS.values() for p in (root / "briefings" / f).glob("*.md"))
    hint = did_you_mean(slug, known) or "give the file name of a briefing without .md"
    raise DossierError(f"no briefing '{name}' ({hint})")


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
    if ("review",) in doc.lines:
        start = doc.lines[("review",)] - 1  # 0-based index of the review: line
        later = [n - 1 for (k, *rest), n in doc.lines.items() if not rest and n - 1 > start]
        end = min([*later, closing])
        while end - 1 > start and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
            end -= 1  # keep blank lines and comments that belong to the next key
        lines[start:end] = block
    else:
        lines[closing:closing] = block
    text = newline.join(lines)
    new = text.encode("utf-8")
    _, problems = load_file(kind, rel, new)
    if problems:  # the file had other problems: approving it must not hide them
        raise ContentError(problems)
    return new

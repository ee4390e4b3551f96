"""``review dispute SLUG FIELD --reason …``: acknowledge that sources disagree, in place.

A conflict (see dossier.claims) that no source can settle is recorded as disputed:
``disputed: {reason, by}`` beside the fact's claims (a company), or
``disputed: {FIELD: {reason, by}}`` (a deal). The page then says "Disputed: sources
disagree" with every claim and the reason, and ``check --strict`` passes on it. No date
is written: the commit that records it dates it, as for ``review approve``.

Only the lines of that one entry are inserted or replaced; every other line stays as
written. The file is read only if it is a regular file of the project (never through
a link) and replaced atomically.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from .. import atomic
from ..claims import Conflict, company_conflicts, deal_conflicts
from ..errors import ContentError, DossierError
from ..frontmatter import FrontMatterError, decode, parse
from ..load import Limits, load_file
from ..model import Company, Deal
from .files import find_briefing, read_regular

_CLOSERS = ("---", "...")


def dispute(
    root: Path,
    name: str,
    field: str,
    reason: str,
    by: str | None,
    max_bytes: int = Limits.max_file_bytes,
) -> str:
    """Record the conflict on ``field`` of briefing ``name`` as disputed; its path."""
    if not reason.strip():
        raise DossierError("--reason is empty: say why the sources' disagreement stays open")
    kind, path = find_briefing(root, name, ("company", "deal"))
    rel = path.relative_to(root).as_posix()
    raw = read_regular(root, path, rel, max_bytes, "review dispute", "nothing was recorded")
    _conflict(kind, rel, raw, field)  # refuses a field that has no open conflict
    new = _with_dispute(kind, rel, raw, field, reason.strip(), by)
    record, problems = load_file(kind, rel, new)
    if problems:
        raise ContentError(problems)
    conflict = _conflicts(record).get(field)
    if conflict is None or not conflict.is_disputed:  # the edit must have done just that
        raise DossierError(f"{rel}: could not record the dispute on {field}; write it by hand")
    read_regular(root, path, rel, max_bytes, "review dispute", "nothing was recorded")
    atomic.write_bytes(path, new, stat.S_IMODE(os.lstat(path).st_mode))
    return rel


def _conflicts(record: Company | Deal) -> dict[str, Conflict]:
    found = company_conflicts(record) if isinstance(record, Company) else deal_conflicts(record)
    return {c.field: c for c in found}


def _conflict(kind: str, rel: str, raw: bytes, field: str) -> None:
    record, problems = load_file(kind, rel, raw)
    if problems:  # recording a dispute must not hide the file's other problems
        raise ContentError(problems)
    conflicts = _conflicts(record)
    if field not in conflicts:
        known = ", ".join(sorted(conflicts)) or "none"
        raise DossierError(f"{rel}: no sources disagree on '{field}' (fields in conflict: {known})")
    if not conflicts[field].is_open:
        raise DossierError(
            f"{rel}: '{field}' is resolved; remove its 'resolved:' first to dispute it instead"
        )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _end_of_block(lines: list[str], start: int, closing: int) -> int:
    """The line after the block that starts at key line ``start`` (trailing blanks excluded)."""
    own = _indent(lines[start])
    end = start + 1
    while end < closing:
        text = lines[end]
        if text.strip() and not text.lstrip().startswith("#") and _indent(text) <= own:
            break
        end += 1
    while end - 1 > start and not lines[end - 1].strip():
        end -= 1
    return end


def _entry(indent: int, reason: str, by: str | None) -> list[str]:
    pad = " " * indent
    entry = [f"{pad}reason: {json.dumps(reason, ensure_ascii=False)}"]
    if by:
        entry.append(f"{pad}by: {json.dumps(by, ensure_ascii=False)}")
    return entry


def _with_dispute(
    kind: str, rel: str, raw: bytes, field: str, reason: str, by: str | None
) -> bytes:
    text = decode(rel, raw)
    try:
        doc = parse(rel, text)
    except FrontMatterError as exc:
        raise ContentError([exc.problem]) from None
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.replace("\r\n", "\n").split("\n")
    closing = next(i for i in range(1, len(lines)) if lines[i].rstrip() in _CLOSERS)
    at = doc.lines
    if kind == "company":
        owner: tuple[str, ...] = ("facts", field)  # the fact's block holds disputed:
        key: tuple[str, ...] = ("facts", field, "disputed")
    else:
        owner = ("disputed",)
        key = ("disputed", field)
    if key in at:  # replace the earlier note, keep everything else
        start = at[key] - 1
        end = _end_of_block(lines, start, closing)
        pad = _indent(lines[start])
        lines[start:end] = [f"{' ' * pad}{key[-1]}:", *_entry(pad + 2, reason, by)]
    elif owner in at:
        start = at[owner] - 1
        end = _end_of_block(lines, start, closing)
        child = next(
            (
                _indent(s)
                for s in lines[start + 1 : end]
                if s.strip() and not s.lstrip().startswith("#")
            ),
            _indent(lines[start]) + 2,
        )
        lines[end:end] = [f"{' ' * child}{key[-1]}:", *_entry(child + 2, reason, by)]
    else:  # a deal without disputed: yet
        lines[closing:closing] = ["disputed:", f"  {field}:", *_entry(4, reason, by)]
    return newline.join(lines).encode("utf-8")

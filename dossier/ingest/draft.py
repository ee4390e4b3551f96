"""Draft briefings as text: front matter (YAML) and a markdown body, deterministic.

YAML is written by PyYAML's safe dumper with keys in schema order, so the same
values always give the same bytes, and every date is a quoted string.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .. import atomic

DRAFT = {"status": "draft"}


def document(data: dict[str, Any], body: str) -> str:
    """A briefing file: ``---``, the front matter, ``---``, then the body."""
    front = yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, width=1_000_000, default_flow_style=False
    )
    return f"---\n{front}---\n{body.strip()}\n"


def write_atomic(path: Path, text: str) -> bool:
    """Write through a temporary file and rename, so a reader never sees half a file.

    Returns False when the file already holds exactly this text (nothing written). A
    link is never read: the replace puts a file in its place (guard.check_writes has
    refused links before any write).
    """
    if not path.is_symlink() and path.is_file() and path.read_text("utf-8") == text:
        return False
    atomic.write_text(path, text)
    return True


def md_escape(text: str) -> str:
    """Article text shown in a markdown body: no raw HTML, no accidental markup."""
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return text

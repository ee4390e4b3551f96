"""Draft briefings as text: front matter (YAML) and a markdown body, deterministic.

YAML is written by PyYAML's safe dumper with keys in schema order, so the same
values always give the same bytes, and every date is a quoted string.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
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

    Returns False when the file already holds exactly this text (nothing written).
    """
    if path.is_file() and path.read_text("utf-8") == text:
        return False
    atomic.write_text(path, text)
    return True


def md_escape(text: str) -> str:
    """Article text shown in a markdown body: no raw HTML, no accidental markup."""
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return text


class Written:
    """What ingest last wrote to each draft (a hash per path), kept in .dossier/.

    It tells a reviewer's edit (the file differs from what ingest wrote) from a draft
    whose seeds now say something new (what ingest would write differs from what it
    wrote): only the second is written over. Without the record (a fresh clone) a
    draft is compared with the file itself.
    """

    def __init__(self, root: Path) -> None:
        self._path = root / ".dossier" / "ingest" / "written.json"
        try:
            loaded = json.loads(self._path.read_bytes())
        except (OSError, ValueError):
            loaded = {}
        self._hashes: dict[str, str] = loaded if isinstance(loaded, dict) else {}
        self._before = dict(self._hashes)

    def unchanged(self, rel: str, text: str) -> bool:
        """True when ingest wrote exactly this text here last time."""
        return self._hashes.get(rel) == _hash(text)

    def record(self, rel: str, text: str) -> None:
        self._hashes[rel] = _hash(text)

    def forget(self, rel: str) -> None:
        self._hashes.pop(rel, None)

    def save(self) -> None:
        if self._hashes != self._before:
            text = json.dumps(self._hashes, sort_keys=True, indent=0)
            with contextlib.suppress(OSError):  # without it, edits are only less protected
                atomic.write_text(self._path, text)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

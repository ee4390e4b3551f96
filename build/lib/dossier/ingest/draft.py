"""Draft briefings as text: front matter (YAML) and a markdown body, deterministic.

YAML is written by PyYAML's safe dumper with keys in schema order, so the same
values always give the same bytes, and every date is a quoted string.
"""

from __future__ import annotations

from typing import Any

import yaml

DRAFT = {"status": "draft"}


def document(data: dict[str, Any], body: str) -> str:
    """A briefing file: ``---``, the front matter, ``---``, then the body."""
    front = yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, width=1_000_000, default_flow_style=False
    )
    return f"---\n{front}---\n{body.strip()}\n"


def md_escape(text: str) -> str:
    """Article text shown in a markdown body: no raw HTML, no accidental markup."""
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return text

"""Draft briefings as text: front matter (YAML) and a markdown body, deterministic.

YAML is written by PyYAML's safe dumper with keys in schema order, so the same
values always give the same bytes, and every date is a quoted string.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DRAFT = {"status": "draft"}


@dataclass(frozen=True, eq=False)
class Draft:
    """A briefing file ingest would write: front matter values and a body. Its ``text`` is
    made only when asked: PyYAML's emitter is most of an ingest run that has little new
    to write (6 s of 15 s at 10,000 seeds), and a draft made of the same values by the
    same emitter is the same file as last time (``key``, kept by ``writes.Written``)."""

    data: dict[str, Any]
    body: str

    @functools.cached_property
    def text(self) -> str:
        return document(self.data, self.body)

    @functools.cached_property
    def key(self) -> str:
        """What the text is made of: the values, the body, and what writes them."""
        made = f"{_maker()}\0{self.data!r}\0{self.body}"
        return hashlib.sha256(made.encode("utf-8")).hexdigest()


@functools.cache
def _maker() -> str:
    """This module's code and PyYAML's version: what turns values into text."""
    code = Path(__file__).read_bytes()
    return hashlib.sha256(code + yaml.__version__.encode()).hexdigest()


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

"""Line edits of a briefing's front matter and body, for ``review reject``.

Like ``review approve`` and ``review dispute``, only the lines that must change are
touched: an item removed from a top-level list, entries appended to ``rejected:``, a
paragraph removed from the body. New entries are written as ingest's YAML writer
writes them, so a draft ingest wrote stays byte for byte what ingest would write next.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..errors import DossierError
from ..frontmatter import Document

_CLOSERS = ("---", "...")


class Lines:
    """A briefing file as lines, edited in place; ``text()`` gives the result."""

    def __init__(self, rel: str, text: str, doc: Document) -> None:
        self.rel = rel
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.lines = text.replace("\r\n", "\n").split("\n")
        self.doc = doc
        self.closing = next(
            i for i in range(1, len(self.lines)) if self.lines[i].rstrip() in _CLOSERS
        )
        self._dropped: set[int] = set()  # 0-based lines to leave out
        self._replaced: dict[int, str] = {}
        self._inserted: dict[int, list[str]] = {}  # before 0-based line

    def text(self) -> str:
        out: list[str] = []
        for i, line in enumerate(self.lines):
            out += self._inserted.get(i, [])
            if i not in self._dropped:
                out += self._replaced.get(i, line).split("\n")
        return self.newline.join(out)

    def remove_items(self, key: str, values: set[str]) -> None:
        """Remove ``values`` from the top-level list ``key`` (block or one-line flow style)."""
        items = self.doc.data.get(key)
        if not isinstance(items, list) or not values & set(items):
            return
        kept = [v for v in items if v not in values]
        key_line = self.doc.lines[(key,)] - 1
        item_lines = [self.doc.lines[(key, i)] - 1 for i in range(len(items))]
        if all(n == key_line for n in item_lines):  # companies: [acme, globex]
            if self.lines[key_line].count("[") != 1 or "#" in self.lines[key_line]:
                raise self._by_hand(key, values)
            self._replaced[key_line] = f"{key}: [{', '.join(kept)}]"
            return
        if any(n == key_line for n in item_lines) or len(set(item_lines)) != len(items):
            raise self._by_hand(key, values)
        for value, n in zip(items, item_lines, strict=True):
            if value in values:
                if self.lines[n].strip().lstrip("-").strip().strip("'\"") != value:
                    raise self._by_hand(key, values)  # an item over several lines
                self._dropped.add(n)
        if not kept:  # an empty block list would read as null
            self._replaced[key_line] = f"{self.lines[key_line].split(':', 1)[0]}: []"

    def add_entries(self, key: str, entries: list[dict[str, Any]], before: str) -> None:
        """Append ``entries`` to the top-level list ``key``; a new key goes before the
        top-level key ``before`` (or at the end of the front matter)."""
        dumped = yaml.safe_dump(
            {key: entries}, sort_keys=False, allow_unicode=True, width=1_000_000
        ).splitlines()
        if (key,) not in self.doc.lines:
            at = self.doc.lines.get((before,), self.closing + 1) - 1
            self._inserted.setdefault(at, []).extend(dumped)
            return
        key_line = self.doc.lines[(key,)] - 1
        if self.doc.data.get(key) == []:  # "rejected: []"
            self._replaced[key_line] = "\n".join(dumped)
            return
        first = self.doc.lines.get((key, 0), key_line + 1) - 1
        if not isinstance(self.doc.data.get(key), list) or first == key_line:
            raise DossierError(
                f"{self.rel}:{key_line + 1}: '{key}:' is not a block list (one '- ' entry a "
                "line); write it so, then run again"
            )
        pad = " " * (len(self.lines[first]) - len(self.lines[first].lstrip(" ")))
        last = self._end_of_key(key)
        self._inserted.setdefault(last, []).extend(pad + line for line in dumped[1:])

    def remove_paragraph(self, starts_with: str) -> bool:
        """Remove the body paragraph that starts with ``starts_with``; False if none does."""
        start = next(
            (
                i
                for i in range(self.closing + 1, len(self.lines))
                if self.lines[i].startswith(starts_with)
            ),
            None,
        )
        if start is None:
            return False
        end = start
        while end + 1 < len(self.lines) and self.lines[end + 1].strip():
            end += 1
        if end + 1 < len(self.lines) and not self.lines[end + 1].strip():
            end += 1  # the blank line after it
        self._dropped.update(range(start, end + 1))
        return True

    def _end_of_key(self, key: str) -> int:
        """The 0-based line after the value of top-level ``key``."""
        start = self.doc.lines[(key,)] - 1
        later = [n - 1 for k, n in self.doc.lines.items() if len(k) == 1 and n - 1 > start]
        end = min([*later, self.closing])
        while end - 1 > start and (
            not self.lines[end - 1].strip() or self.lines[end - 1].startswith("#")
        ):
            end -= 1
        return end

    def _by_hand(self, key: str, values: set[str]) -> DossierError:
        return DossierError(
            f"{self.rel}:{self.doc.lines[(key,)]}: cannot remove {', '.join(sorted(values))} from "
            f"'{key}:' line by line; remove it by hand, then run review reject again"
        )

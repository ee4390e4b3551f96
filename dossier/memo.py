"""Results kept from one build to the next, so serve's rebuilds redo only what changed:
the exports' records and feeds, the page graph's rows."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class BuildMemo(Generic[V]):
    """Values made in the last build and in this one; older ones are dropped.

    ``next_build()`` starts a build: what the last one used is still found, what it did
    not use is gone, so the memo stays the size of one build's output.
    """

    def __init__(self) -> None:
        self.last: dict[Hashable, V] = {}
        self.now: dict[Hashable, V] = {}

    def get(self, key: Hashable, make: Callable[[], V]) -> V:
        value = self.now.get(key)
        if value is None:
            value = self.last.get(key)
            if value is None:
                value = make()
            self.now[key] = value
        return value

    def next_build(self) -> None:
        self.last, self.now = self.now, {}

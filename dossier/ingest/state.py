"""What briefings/ already holds, as ingest needs it: which seeds have an article,
with what review status and seed hash; the known companies; the existing deals.

Read leniently (a broken file is left for ``check`` to report): ingest only needs
to know what exists, so it never overwrites or duplicates it. A briefing that is a
link is never read through (it could point at ``.env``): it is a Problem, and ingest
then drafts nothing; nor is any file in a folder that is a link (guard.py reports it).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..frontmatter import Document, FrontMatterError, decode, parse
from ..links import link_target
from ..load import Limits
from .types import KnownCompany

MAX_BYTES = Limits.max_file_bytes


@dataclass
class Existing:
    slug: str
    path: Path
    doc: Document | None

    @property
    def data(self) -> dict[str, Any]:
        return self.doc.data if self.doc else {}

    @property
    def is_draft(self) -> bool:
        review = self.data.get("review")
        return isinstance(review, dict) and review.get("status") == "draft"


@dataclass
class State:
    articles: dict[str, Existing] = field(default_factory=dict)
    companies: dict[str, Existing] = field(default_factory=dict)
    deals: dict[str, Existing] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)  # briefings that are links

    _by_seed: dict[Any, Existing] | None = field(default=None, repr=False)

    def article_of_seed(self, seed: str) -> Existing | None:
        # An index, not a scan per seed: checking 10,000 seeds took 17 s that way.
        if self._by_seed is None:
            self._by_seed = {}
            for article in self.articles.values():
                key = article.data.get("seed")
                if isinstance(key, str):
                    self._by_seed.setdefault(key, article)
        return self._by_seed.get(seed)

    def name_of(self, slug: str) -> str:
        company = self.companies.get(slug)
        name = company.data.get("name") if company else None
        return name if isinstance(name, str) else slug

    def known_companies(self) -> list[KnownCompany]:
        out = []
        for slug, company in sorted(self.companies.items()):
            name = company.data.get("name")
            aliases = company.data.get("aliases") or []
            names = [n for n in [name, *aliases] if isinstance(n, str) and n.strip()]
            out.append(KnownCompany(slug, str(name or slug), tuple(names or [slug])))
        return out


@dataclass(frozen=True)
class SeedUse:
    """What an article briefing says of its seed: enough to tell whether ingest has work."""

    seed: str | None
    is_draft: bool
    seed_sha256: Any


def _lenient(root: Path, path: Path, max_bytes: int = MAX_BYTES) -> Document | None:
    rel = path.relative_to(root).as_posix()
    raw = _read_regular(path, max_bytes)
    if raw is None:
        return None
    try:
        return parse(rel, decode(rel, raw))
    except FrontMatterError:
        return None


def _read_regular(path: Path, max_bytes: int) -> bytes | None:
    """The bytes of a regular file, never through a link; None for anything else, or when
    over ``max_bytes`` (``check`` reports it)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
            return None
        return handle.read(max_bytes + 1)


def read_state(root: Path, max_bytes: int = MAX_BYTES) -> State:
    """What briefings/ holds; a briefing that is a link is a problem, never read."""
    state = State()
    for folder, into in (
        ("articles", state.articles),
        ("companies", state.companies),
        ("deals", state.deals),
    ):
        where = root / "briefings" / folder
        if os.path.islink(where) or os.path.islink(where.parent):
            continue  # guard.py reports the folder
        for path in sorted(where.glob("*.md")):
            if path.is_symlink():
                state.problems.append(_link_problem(root, path))
            else:
                into[path.stem] = Existing(path.stem, path, _lenient(root, path, max_bytes))
    return state


def _link_problem(root: Path, path: Path) -> Problem:
    where = link_target(root, path)
    what = "a broken link (it points to nothing)" if where == "broken" else f"a link {where}"
    return Problem(
        path.relative_to(root).as_posix(),
        None,
        "",
        f"is {what}; ingest never reads a briefing through a link, so nothing was drafted",
        "replace the link with the briefing file itself, or remove it",
    )

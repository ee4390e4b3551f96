"""What briefings/ already holds, as ingest needs it: which seeds have an article,
with what review status and seed hash; the known companies; the existing deals.

Read leniently (a broken file is left for ``check`` to report): ingest only needs
to know what exists, so it never overwrites or duplicates it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..frontmatter import Document, FrontMatterError, decode, parse
from .types import KnownCompany


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


def seed_uses(root: Path) -> dict[str, SeedUse]:
    """Each seed named by an article briefing, with the first such briefing's use of it.

    Serve asks this whenever an article briefing comes or goes; at 10,000 articles
    parsing them all took seconds, so a file whose size and times are unchanged since
    the last call is not parsed again.
    """
    global _uses
    known, _uses = _uses, {}
    found: dict[str, SeedUse] = {}
    folder = root / "briefings" / "articles"
    try:
        with os.scandir(folder) as entries:
            names = sorted(e.name for e in entries if e.name.endswith(".md"))
    except OSError:
        names = []
    for name in names:
        path = folder / name
        try:
            signature = unchanged_signature(path)
        except OSError:
            continue
        key = str(path)
        old = known.get(key)
        use = old[1] if old is not None and old[0] == signature else _use_of(root, path)
        _uses[key] = (signature, use)
        if use.seed is not None:
            found.setdefault(use.seed, use)
    return found


_uses: dict[str, tuple[tuple[int, int, int, int], SeedUse]] = {}


def unchanged_signature(path: Path) -> tuple[int, int, int, int]:
    """What stays the same while a file is unchanged (inode, size, times)."""
    info = path.stat()
    return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _use_of(root: Path, path: Path) -> SeedUse:
    article = Existing(path.stem, path, _lenient(root, path))
    seed = article.data.get("seed")
    return SeedUse(
        seed if isinstance(seed, str) else None,
        article.is_draft,
        article.data.get("seed_sha256"),
    )


def _lenient(root: Path, path: Path) -> Document | None:
    rel = path.relative_to(root).as_posix()
    try:
        return parse(rel, decode(rel, path.read_bytes()))
    except (FrontMatterError, OSError):
        return None


def read_state(root: Path) -> State:
    """What briefings/ holds."""
    state = State()
    for folder, into in (
        ("articles", state.articles),
        ("companies", state.companies),
        ("deals", state.deals),
    ):
        for path in sorted((root / "briefings" / folder).glob("*.md")):
            into[path.stem] = Existing(path.stem, path, _lenient(root, path))
    return state

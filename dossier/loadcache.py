"""Parsed briefings kept by content hash, so a rebuild parses and validates only changed files.

``load.load_file`` depends on nothing but its arguments; its result for a file's bytes
is stored under a hash of (kind, path, bytes, limits) in ``.dossier/cache/load.pickle``,
tagged with a hash of Dossier's own code and schemas so an upgrade never reads stale
results. Files not in the cache are loaded on every core. The file is written
atomically, holds only the files of the last valid load, and may be deleted at any time.
It is read with pickle, like a .pyc: it is this program's own output in the project.
"""

from __future__ import annotations

import functools
import hashlib
import json
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .atomic import write_cache
from .build_env import code_digest
from .errors import Problem
from .parallel import ordered_map

Result = tuple[Any, list[Problem]]


@dataclass(frozen=True)
class BriefingFile:
    """One briefing as read: what the loader parses (and the key of what it made of it)."""

    kind: str  # company, deal or article
    path: str  # project-relative, e.g. briefings/deals/x.md
    raw: bytes


_NAME = "load.pickle"


class ParsedBriefings:
    """Parsed briefings by key: the last valid load's in memory, and the file on disk."""

    def __init__(self) -> None:
        self.memory: dict[str, Result] = {}  # the results of the last valid load
        self.on_disk: dict[Path, set[str]] = {}  # keys last written to each cache file
        # Serve sets this after its first build: rewriting the whole file on every save
        # costs more than the save (0.3 s at 10,000 articles); the next `build.py`
        # parses what changed.
        self.memory_only = False

    def load_files(
        self,
        items: Sequence[BriefingFile],
        load: Callable[[BriefingFile], Result],
        limits: Any,
        cache_dir: Path | None,
    ) -> tuple[list[Result], Callable[[], None]]:
        """``load`` (the loader's ``load_file``, with ``limits``) for every item, in
        order: from the cache, else on every core.

        The second value saves the cache; the loader calls it only when the whole corpus
        passed, so a failed build leaves the project exactly as it was.
        """
        version = code_digest()
        keys = [_key(f, limits) for f in items]
        # A long-running process (serve) keeps the last valid load in memory: the file
        # is read by the first load only, and later loads parse just what changed since.
        stored = self.memory
        if not stored:
            stored = _read(cache_dir, version) if cache_dir else {}
            if cache_dir:
                self.on_disk[cache_dir] = set(stored)
        missing = [i for i, key in enumerate(keys) if key not in stored]
        fresh = ordered_map(lambda i: load(items[i]), missing)
        results = {keys[i]: result for i, result in zip(missing, fresh, strict=True)}
        out = [results[key] if key in results else stored[key] for key in keys]

        def save() -> None:
            valid = dict(zip(keys, out, strict=True))
            if cache_dir and not self.memory_only and self.on_disk.get(cache_dir) != set(valid):
                _write(cache_dir, version, valid)
                self.on_disk[cache_dir] = set(valid)
            self.memory = valid

        return out, save


def _key(item: BriefingFile, limits: Any) -> str:
    digest = hashlib.sha256(f"{item.kind}\0{item.path}\0{limits!r}\0".encode())
    digest.update(item.raw)
    return digest.hexdigest()


def _read(cache_dir: Path, version: str) -> dict[str, Result]:
    try:
        with (cache_dir / _NAME).open("rb") as handle:
            saved_version, entries = pickle.load(handle)
    except Exception:  # missing, damaged or from another version: load everything
        return {}
    return entries if saved_version == version else {}


def _write(cache_dir: Path, version: str, entries: dict[str, Result]) -> None:
    dump = functools.partial(pickle.dump, (version, entries), protocol=pickle.HIGHEST_PROTOCOL)
    write_cache(cache_dir / _NAME, dump)


# Seeds' digests (load.py's ``_digest``: the text with its whitespace normalised) by a
# hash of their bytes: a fresh process decodes every seed (evidence is checked against
# it) but need not normalise 10,000 of them again (0.5 s) to hash what did not change,
# nor to find again the quotes found in them (crossref.py; another half second).
_SEEDS_NAME = "seed-digests.json"


# seed → its file's inode, device, size and times, and the sha256 of its bytes
SeedStats = dict[str, tuple[tuple[int, ...], str]]


def read_seed_digests(cache_dir: Path) -> tuple[dict[str, str], frozenset[str], SeedStats]:
    """sha256 of a seed's bytes → its digest, the quotes found in their seeds
    (``crossref.quote_key``) and each seed's file as it was read (with the sha256 of
    its bytes), as the last valid load saved them."""
    try:
        data = json.loads((cache_dir / _SEEDS_NAME).read_text("utf-8"))
        if data["version"] != code_digest():
            return {}, frozenset(), {}
        digests, quotes, stats = data["digests"], data.get("quotes", []), data.get("stats", {})
        if isinstance(digests, dict) and isinstance(quotes, list) and isinstance(stats, dict):
            return (
                {str(k): str(v) for k, v in digests.items()},
                frozenset(map(str, quotes)),
                {str(k): (tuple(map(int, v[0])), str(v[1])) for k, v in stats.items()},
            )
    except (OSError, ValueError, KeyError, TypeError):  # none or damaged: hash them all
        pass
    return {}, frozenset(), {}


def write_seed_digests(
    cache_dir: Path, digests: dict[str, str], quotes: set[str], stats: SeedStats
) -> None:
    data = {
        "version": code_digest(),
        "digests": digests,
        "quotes": sorted(quotes),
        "stats": {seed: [list(stat), sha] for seed, (stat, sha) in stats.items()},
    }
    write_cache(cache_dir / _SEEDS_NAME, json.dumps(data, sort_keys=True).encode())

"""Parsed briefings kept by content hash, so a rebuild parses and validates only changed files.

``load.load_file`` depends on nothing but its arguments; its result for a file's bytes
is stored under a hash of (kind, path, bytes, limits) in ``.dossier/cache/load/``,
tagged with a hash of Dossier's own code and schemas so an upgrade never reads stale
results. Files not in the cache are loaded on every core. The cache holds only the
files of the last valid load, in pieces by the first digit of their hash: a build after
one edit rewrites two pieces, not the whole (40 MB at 10,000 articles, 0.3 s to write).
Each file's inode, size and times are kept with its hash: a fresh process does not read
a file that is as the last valid load read it (``known``). The cache may be deleted at
any time. It is read with pickle, like a .pyc: it is this program's own output in the
project.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .errors import Problem
from .parallel import ordered_map

Result = tuple[Any, list[Problem]]
Signature = tuple[int, ...]  # a file's inode, device, size and times (readcache.py)


@dataclass(frozen=True)
class BriefingFile:
    """One briefing as read: what the loader parses (and the key of what it made of it)."""

    kind: str  # company, deal or article
    path: str  # project-relative, e.g. briefings/deals/x.md
    raw: bytes  # empty when not read: then ``key`` is known
    # How the file was before it was read, when the loader may skip it next time: its
    # signature, taken before reading it (a file changed meanwhile has another).
    signature: Signature | None = None
    key: str = ""  # the hash of a file not read (``known``)


_FOLDER = "load"
_OLD_NAME = "load.pickle"  # the whole cache in one file, before it was in pieces
_PIECES = "0123456789abcdef"
# path → (signature, kind and limits, key) of the files of a piece
_Stats = dict[str, tuple[Signature, str, str]]


@cache
def _code_version() -> str:
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.json")]):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class ParsedBriefings:
    """Parsed briefings by key: the last valid load's in memory, and the pieces on disk."""

    def __init__(self) -> None:
        self.memory: dict[str, Result] = {}  # the results of the last valid load
        # cache folder → piece → its keys and stats as last written or read
        self.on_disk: dict[Path, dict[str, tuple[set[str], _Stats]]] = {}
        self.stored: dict[str, Result] = {}  # read from disk by this process
        self.stats: _Stats = {}
        # Serve sets this after its first build: rewriting the cache on every save
        # costs more than the save; the next `build.py` parses what changed.
        self.memory_only = False
        # path → (bytes, kind and limits, key): an unchanged file (the very bytes object
        # of the last load, see readcache.py) has its key without hashing it again
        self.keys: dict[str, tuple[bytes, tuple[str, Any], str]] = {}

    def known(
        self, kind: str, rel: str, limits: Any, signature: Signature, cache_dir: Path
    ) -> str | None:
        """The key of a file that is as the last valid load read it, or None: read it."""
        self._read(cache_dir)
        kept = self.stats.get(rel)
        if kept is None or kept[0] != signature or kept[1] != f"{kind}\0{limits!r}":
            return None
        return kept[2] if kept[2] in self.stored else None

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
        keys = [f.key or self._key(f.kind, f.path, f.raw, limits) for f in items]
        if len(self.keys) > len(items):  # files removed since: forget their bytes
            for rel in self.keys.keys() - {f.path for f in items}:
                del self.keys[rel]
        # A long-running process (serve) keeps the last valid load in memory: the cache
        # is read by the first load only, and later loads parse just what changed since.
        stored = self.memory
        if not stored and cache_dir:
            stored = self._read(cache_dir)
        missing = [i for i, key in enumerate(keys) if key not in stored]
        fresh = ordered_map(lambda i: load(items[i]), missing)
        results = {keys[i]: result for i, result in zip(missing, fresh, strict=True)}
        out = [results[key] if key in results else stored[key] for key in keys]

        def save() -> None:
            valid = dict(zip(keys, out, strict=True))
            if cache_dir and not self.memory_only:
                stats = {
                    f.path: (f.signature, f"{f.kind}\0{limits!r}", key)
                    for f, key in zip(items, keys, strict=True)
                    if f.signature is not None
                }
                self._write(cache_dir, valid, stats)
            self.memory, self.stored, self.stats = valid, {}, {}

        return out, save

    def _key(self, kind: str, rel: str, raw: bytes, limits: Any) -> str:
        known = self.keys.get(rel)
        if known is not None and known[0] is raw and known[1] == (kind, limits):
            return known[2]
        digest = hashlib.sha256(f"{kind}\0{rel}\0{limits!r}\0".encode())
        digest.update(raw)
        key = digest.hexdigest()
        if self.memory_only:
            self.keys[rel] = (raw, (kind, limits), key)
        return key

    def _read(self, cache_dir: Path) -> dict[str, Result]:
        """The pieces in ``cache_dir`` (once per process): those of another version of
        Dossier, damaged or missing are empty."""
        if cache_dir in self.on_disk:
            return self.stored
        pieces = self.on_disk[cache_dir] = {}
        for piece in _PIECES:
            try:
                with (cache_dir / _FOLDER / f"{piece}.pickle").open("rb") as handle:
                    version, entries, stats = pickle.load(handle)
            except Exception:  # missing, damaged: its files are loaded again
                continue
            if version == _code_version():
                self.stored.update(entries)
                self.stats.update(stats)
                pieces[piece] = (set(entries), stats)
        return self.stored

    def _write(self, cache_dir: Path, valid: dict[str, Result], stats: _Stats) -> None:
        """The pieces whose files, or their signatures, differ from those on disk."""
        pieces: dict[str, tuple[set[str], _Stats]] = {piece: (set(), {}) for piece in _PIECES}
        for key in valid:
            pieces[key[0]][0].add(key)
        for rel, stat in stats.items():
            pieces[stat[2][0]][1][rel] = stat
        on_disk = self.on_disk.setdefault(cache_dir, {})
        with contextlib.suppress(OSError):  # a cache that cannot be written is only slower
            folder = cache_dir / _FOLDER
            folder.mkdir(parents=True, exist_ok=True)
            (cache_dir / _OLD_NAME).unlink(missing_ok=True)
            for piece, (keys, piece_stats) in pieces.items():
                if on_disk.get(piece) == (keys, piece_stats):
                    continue
                entries = {key: valid[key] for key in keys}
                fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
                with os.fdopen(fd, "wb") as handle:
                    saved = (_code_version(), entries, piece_stats)
                    pickle.dump(saved, handle, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, folder / f"{piece}.pickle")
                on_disk[piece] = (keys, piece_stats)


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
        if data["version"] != _code_version():
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
        "version": _code_version(),
        "digests": digests,
        "quotes": sorted(quotes),
        "stats": {seed: [list(stat), sha] for seed, (stat, sha) in stats.items()},
    }
    with contextlib.suppress(OSError):  # a cache that cannot be written is only slower
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(data, sort_keys=True))
        os.replace(tmp, cache_dir / _SEEDS_NAME)

"""What a process keeps from one load of the corpus to the next, in one object.

``serve`` keeps one for its lifetime, so a save reads and parses only what changed. A
command that builds once starts with a fresh one: two builds in one process share
nothing unless the caller hands them the same ``Warm``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .loadcache import ParsedBriefings
from .readcache import FileReader

# Each seed with its size, times and inode, and the names of the article briefings.
SeedsSignature = tuple[tuple[str, int, int, int, int], ...]


@dataclass
class Warm:
    reader: FileReader = field(default_factory=FileReader)  # files by their lstat
    parsed: ParsedBriefings = field(default_factory=ParsedBriefings)  # briefings by hash
    # id(bytes) → (bytes, digest, text) of each seed, last load: unchanged seeds are
    # neither decoded nor hashed again
    seed_digests: dict[int, tuple[bytes, str, str]] = field(default_factory=dict)
    # root → the seeds as they were when ingest last had nothing to do
    nothing_pending: dict[Path, SeedsSignature] = field(default_factory=dict)

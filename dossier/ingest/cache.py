"""Seed outcomes kept between runs under .dossier/ingest/outcomes/ (git-ignored).

An outcome depends on the seed's bytes, the known companies and the extraction
rules, so its key is a hash of all three: a new reviewed company or a change to the
rules makes every seed be analysed again, and nothing stale is ever used. Entries no
run asked for are removed at the end of the run, so the folder holds one per seed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from .outcome import FORMAT, SeedOutcome, from_json, to_json
from .types import KnownCompany

_RULES = Path(__file__).resolve().parent
# the rules' code, their word lists and register, and the company model's weights
_RULE_FILES = [
    *sorted(_RULES.glob("*.py")),
    *sorted((_RULES / "data").glob("*")),
    _RULES.parent / "dates.py",
    _RULES.parent / "slugs.py",
]


def context_digest(known: Iterable[KnownCompany]) -> str:
    """A hash of what an outcome depends on besides its seed: known companies, rules."""
    h = hashlib.sha256(f"outcome format {FORMAT}".encode())
    for path in _RULE_FILES:
        h.update(path.read_bytes())
    h.update(json.dumps([[c.slug, c.name, list(c.names)] for c in known]).encode())
    return h.hexdigest()[:24]


class OutcomeCache:
    def __init__(self, root: Path, context: str) -> None:
        self.folder = root / ".dossier" / "ingest" / "outcomes"
        self.context = context
        self._used: set[str] = set()

    def _name(self, seed: str, sha: str) -> str:
        # the seed's path is part of the key: two seeds with the same bytes are two
        # articles, each with its own path in its outcome
        where = hashlib.sha256(seed.encode()).hexdigest()[:16]
        return f"{sha}-{where}-{self.context}.json"

    def get(self, seed: str, sha: str) -> SeedOutcome | None:
        name = self._name(seed, sha)
        self._used.add(name)
        try:
            data = json.loads((self.folder / name).read_bytes())
            return from_json(data)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or unreadable: analyse the seed again

    def put(self, outcome: SeedOutcome) -> None:
        name = self._name(outcome.seed, outcome.sha)
        self._used.add(name)
        text = json.dumps(to_json(outcome), ensure_ascii=False, separators=(",", ":"))
        # Renamed into place but not synced: an entry lost in a crash only costs time,
        # and a disk flush per seed is not worth that.
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = self.folder / f".{name}.tmp"
            tmp.write_text(text, "utf-8")
            os.replace(tmp, self.folder / name)

    def prune(self) -> None:
        """Drop entries this run did not use: removed seeds, old contexts."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for name in names:
            if name.endswith(".json") and name not in self._used:
                with contextlib.suppress(OSError):
                    os.unlink(self.folder / name)

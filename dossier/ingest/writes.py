"""Writing ingest's drafts: all together, and only over what ingest wrote itself.

Drafts refer to each other (an article lists its deals, a deal cites its articles),
so each changed file is first written in full to a temporary file beside it and
synced, and only then are they all renamed into place, in one quick loop: a run
killed before that loop leaves the previous drafts, one killed in it leaves at most
a few milliseconds' worth of renames undone, and no file is ever half written.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path

from .. import atomic
from .draft import Draft

_TEMP_PREFIX = ".ingest-"


def write_together(root: Path, files: dict[str, str]) -> list[tuple[str, bool]]:
    """Write ``files`` (path under root → text) that differ from what is on disk;
    return (path, existed) for each file written."""
    staged: list[tuple[str, bool, str]] = []
    mode = atomic.file_mode()  # mkstemp's 0600 would hide drafts from other users
    try:
        for rel, text in sorted(files.items()):
            path = root / rel
            existed = path.is_file()
            if existed and path.read_text("utf-8", errors="replace") == text:
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=".tmp", dir=path.parent)
            staged.append((rel, existed, tmp))
            with os.fdopen(fd, "wb") as handle:
                os.fchmod(handle.fileno(), mode)
                handle.write(text.encode("utf-8"))
                handle.flush()
                os.fsync(handle.fileno())
        for rel, _, tmp in staged:
            os.replace(tmp, root / rel)
    except BaseException:
        for _, _, tmp in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        raise
    return [(rel, existed) for rel, existed, _ in staged]


def remove_stale_temps(root: Path) -> None:
    """Temporary files a killed run left in the briefing folders."""
    for folder in ("articles", "companies", "deals"):
        for path in (root / "briefings" / folder).glob(f"{_TEMP_PREFIX}*.tmp"):
            with contextlib.suppress(OSError):
                path.unlink()


class Written:
    """What ingest last wrote to each draft (a hash per path, and the key of what it was
    made of), kept in .dossier/.

    It tells a reviewer's edit (the file differs from what ingest wrote) from a draft
    whose seeds now say something new (what ingest would write differs from what it
    wrote): only the second is written over. Without the record (a fresh clone) a
    draft is compared with the file itself.
    """

    def __init__(self, root: Path) -> None:
        self._path = root / ".dossier" / "ingest" / "written.json"
        try:
            loaded = json.loads(self._path.read_bytes())
        except (OSError, ValueError):
            loaded = {}
        if not isinstance(loaded, dict):
            loaded = {}
        if not isinstance(loaded.get("hashes"), dict):  # a record of before the keys
            loaded = {"hashes": loaded, "keys": {}}
        self._hashes: dict[str, str] = loaded["hashes"]
        keys = loaded.get("keys")
        self._keys: dict[str, str] = keys if isinstance(keys, dict) else {}
        self._before = (dict(self._hashes), dict(self._keys))

    def unchanged(self, rel: str, text: str) -> bool:
        """True when ingest wrote exactly this text here last time."""
        return self._hashes.get(rel) == _hash(text)

    def same(self, rel: str, draft: Draft) -> bool:
        """True when ingest wrote this draft here last time: made of the same values (its
        text is not made), or, failing that, the same text."""
        if self._keys.get(rel) == draft.key and rel in self._hashes:
            return True
        if self.unchanged(rel, draft.text):
            self._keys[rel] = draft.key  # the next run need not make the text
            return True
        return False

    def record(self, rel: str, text: str, key: str) -> None:
        self._hashes[rel] = _hash(text)
        self._keys[rel] = key

    def forget(self, rel: str) -> None:
        self._hashes.pop(rel, None)
        self._keys.pop(rel, None)

    def save(self) -> None:
        if (self._hashes, self._keys) != self._before:
            kept = {"hashes": self._hashes, "keys": self._keys}
            text = json.dumps(kept, sort_keys=True, indent=0)
            with contextlib.suppress(OSError):  # without it, edits are only less protected
                atomic.write_text(self._path, text)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

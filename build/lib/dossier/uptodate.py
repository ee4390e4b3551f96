"""Whether site/ already is the build of the inputs as they are now, so `build.py` can stop.

A build is a pure function of its inputs (builds are deterministic): the briefings and
seeds as loaded, the git history shown, templates/, mkdocs.yml, static/, the theme
overrides, the installed MkDocs, Dossier's own code and the libraries it runs. After a
successful build the digest of all of them is written to
``.dossier/cache/site-manifest.json`` with a stamp of the site folder it produced (its
inode and modification time: a folder swapped in, deleted or replaced by hand has
another). A build whose inputs have that digest, into that same folder, has nothing to
write.

What it does not notice: a file edited by hand inside site/ (delete site/ or
``.dossier/`` to rebuild in full).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from .atomic import write_text
from .model import Corpus
from .pagecache import add_folder
from .render.inputs import code_digest
from .review.history import History

MANIFEST = Path(".dossier/cache/site-manifest.json")
_FORMAT = "site-manifest-1"


@dataclass(frozen=True)
class Built:
    """What the manifest remembers of the last build."""

    inputs: str  # digest of every input
    site: str  # the site folder's absolute path
    stamp: tuple[int, int]  # its inode and modification time just after the build
    pages: int


def inputs_digest(root: Path, corpus: Corpus, history: History, extra: str) -> str:
    """One digest of everything a build reads; ``extra`` is the site engine's fingerprint."""
    digest = hashlib.sha256(f"{_FORMAT}\0{extra}\0".encode())
    for records in (corpus.companies, corpus.deals, corpus.articles):
        for record in records.values():  # the digest covers the file's path and bytes
            digest.update(record.origin.digest.encode())
    for slug, seed in sorted(corpus.seed_digests.items()):
        digest.update(f"{slug}={seed}\0".encode())
    digest.update(repr(history).encode())
    digest.update(code_digest().encode())
    add_folder(digest.update, root / "templates")
    return digest.hexdigest()


def _stamp(site_dir: Path) -> tuple[int, int] | None:
    try:
        info = site_dir.stat()
    except OSError:
        return None
    return info.st_ino, info.st_mtime_ns


def current(root: Path, site_dir: Path, inputs: str) -> Built | None:
    """The last build, if ``site_dir`` is still what it wrote from these very inputs."""
    try:
        data = json.loads((root / MANIFEST).read_text("utf-8"))
        built = Built(data["inputs"], data["site"], tuple(data["stamp"]), int(data["pages"]))
    except (OSError, ValueError, KeyError, TypeError):  # none yet, or damaged: build
        return None
    site = str(site_dir.resolve())
    if built.inputs != inputs or built.site != site or built.stamp != _stamp(site_dir):
        return None
    return built


def record(root: Path, site_dir: Path, inputs: str, pages: int) -> None:
    """Remember a successful build of ``inputs`` into ``site_dir``."""
    stamp = _stamp(site_dir)
    if stamp is None:
        return
    site = str(site_dir.resolve())
    text = json.dumps({"inputs": inputs, "site": site, "stamp": list(stamp), "pages": pages})
    (root / MANIFEST).parent.mkdir(parents=True, exist_ok=True)
    write_text(root / MANIFEST, text)

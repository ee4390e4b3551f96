"""Every file Dossier writes gets the mode a plain write gives under the user's umask
(issue 16, point 5): drafts, an approved briefing, the site, the PDF. Atomic writes go
through mkstemp, whose 0600 would hide them from a web server or a colleague.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from dossier import atomic
from dossier.cli import main

from .conftest import write
from .test_placeholders import BARE


@pytest.fixture(params=[0o022, 0o077], ids=["umask022", "umask077"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    before = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_umask_is_read_without_being_changed(umask: int) -> None:
    assert atomic.umask() == umask
    assert atomic.file_mode() == 0o666 & ~umask
    assert atomic.dir_mode() == 0o777 & ~umask
    assert os.umask(umask) == umask  # still the one set


def test_atomic_write_gives_the_plain_mode(umask: int, tmp_path: Path) -> None:
    atomic.write_text(tmp_path / "a.md", "text")
    (tmp_path / "plain.md").write_text("text")
    assert mode(tmp_path / "a.md") == mode(tmp_path / "plain.md") == 0o666 & ~umask
    atomic.write_bytes(tmp_path / "kept.md", b"x", 0o640)  # an explicit mode still wins
    assert mode(tmp_path / "kept.md") == 0o640


def test_drafts_site_and_pdf_get_the_plain_mode(umask: int, minimal: Path) -> None:
    write(minimal, "seeds/bare.txt", BARE)
    assert main(["--root", str(minimal), "ingest"]) == 0
    drafts = sorted(minimal.glob("briefings/*/orchard-analytics*.md"))
    drafts += sorted(minimal.glob("briefings/articles/*orchard*.md"))
    assert len(drafts) == 2
    assert {mode(p) for p in drafts} == {0o666 & ~umask}
    globex = minimal / "briefings/companies/globex.md"
    globex.chmod(0o604)  # approving keeps the mode the file has
    assert main(["--root", str(minimal), "review", "approve", "globex", "--by", "Ada"]) == 0
    assert mode(globex) == 0o604
    assert main(["--root", str(minimal), "build"]) == 0
    assert main(["--root", str(minimal), "pdf"]) == 0
    site = minimal / "site"
    files = [p for p in site.rglob("*") if p.is_file()]
    assert site / "dossier.pdf" in files and len(files) > 10
    assert {
        p.relative_to(site).as_posix(): mode(p) for p in files if mode(p) != 0o666 & ~umask
    } == {}
    folders = [site, *(p for p in site.rglob("*") if p.is_dir())]
    assert {mode(p) for p in folders} == {0o777 & ~umask}


def test_umask_read_from_threads_does_not_disturb_it(umask: int) -> None:
    seen: list[int] = []
    threads = [threading.Thread(target=lambda: seen.append(atomic.umask())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == [umask] * 8

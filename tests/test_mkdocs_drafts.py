"""Plain ``mkdocs build`` at the project root drafts a new seed as ``build.py`` does
(issue 16, point 6): it never shows a site that silently leaves a seed out."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from dossier.cli import main

from .conftest import write
from .test_placeholders import BARE


def mkdocs_build(root: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)],
        cwd=root,  # as a user runs it: mkdocs.yml found in the folder
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def test_plain_mkdocs_build_drafts_a_new_seed(minimal: Path, tmp_path: Path) -> None:
    write(minimal, "seeds/bare.txt", BARE)
    result = mkdocs_build(minimal, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    article = "articles/2025-04-02-orchard-analytics-ltd-posts-results"
    assert f"drafted briefings/{article}.md" in result.stderr
    assert (minimal / f"briefings/{article}.md").is_file()
    assert (minimal / "briefings/companies/orchard-analytics.md").is_file()
    assert (tmp_path / f"out/{article}.html").is_file()
    assert (tmp_path / "out/companies/orchard-analytics.html").is_file()
    # The same drafts as build.py's: a second run of it has nothing left to draft.
    before = {p: p.read_bytes() for p in minimal.glob("briefings/*/*.md")}
    assert main(["--root", str(minimal), "build"]) == 0
    assert {p: p.read_bytes() for p in minimal.glob("briefings/*/*.md")} == before


def test_plain_mkdocs_build_without_new_seeds_drafts_nothing(minimal: Path, tmp_path: Path) -> None:
    before = sorted(minimal.glob("briefings/*/*.md"))
    result = mkdocs_build(minimal, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "drafted" not in result.stderr
    assert sorted(minimal.glob("briefings/*/*.md")) == before

"""Shared fixtures: the default corpus built once, and small corpora written per test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dossier.cli import main
from tools.corpus import (  # noqa: F401  (the tests import these from here)
    MINIMAL,
    PROJECT_PARTS,
    REPO,
    SITE_PARTS,
    copy_project,
    fresh_copy,
    generate,
    write,
)


def run_build_py(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python build.py --root ROOT ARGS…`` in a fresh process; it must succeed."""
    done = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--root", str(root), *args],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return done


def clean_build(root: Path, dest: Path, *args: str) -> Path:
    """``python build.py build`` of the inputs of ``root`` as they are now, from scratch.

    A fresh copy (no site/, no .dossier/ cache) built by a fresh process: nothing an
    earlier build in this process or under ``root`` kept can reach the result. ``args``
    go to the command line (after ``build``). Returns the built site/ folder.
    """
    copy = fresh_copy(root, dest)
    done = run_build_py(copy, "build", *args)
    # Every page was wrapped by this build, none read from a cache.
    assert ", 0 reused)" in done.stdout, done.stdout
    return copy / "site"


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A small valid project: two companies, one article, one deal, real templates."""
    root = copy_project(tmp_path / "project", SITE_PARTS)
    for rel, text in MINIMAL.items():
        write(root, rel, text)
    return root


@pytest.fixture(scope="session")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default corpus built once per test session; returns its site/ folder."""
    root = copy_project(tmp_path_factory.mktemp("default"))
    assert main(["--root", str(root), "build"]) == 0
    return root / "site"

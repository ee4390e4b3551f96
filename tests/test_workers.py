"""Pages wrapped by forked workers: the site is byte-identical to a build in one process.

Workers only start for a few hundred missing pages; here the threshold is lowered so
the default corpus is shared between the build's process and one or two workers, and
a worker that fails leaves its pages to the build's process.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier import engine
from dossier.cli import main

from .conftest import copy_project
from .test_incremental import tree


def _build(root: Path) -> dict[str, bytes]:
    assert main(["--root", str(root), "build"]) == 0
    return tree(root / "site")


@pytest.fixture(scope="module")
def one_process(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    root = copy_project(tmp_path_factory.mktemp("one"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DOSSIER_JOBS", "1")
        return _build(root)


@pytest.mark.parametrize("jobs", ["2", "3"])
def test_workers_build_the_same_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, one_process: dict[str, bytes], jobs: str
) -> None:
    stored = tmp_path / "stored"
    stored.mkdir()
    store = engine._store

    def spy(output: str, path: str) -> str:  # runs in the workers: leaves a trace on disk
        (stored / path.replace("/", "_")).touch()
        return store(output, path)

    monkeypatch.setattr(engine, "_store", spy)
    monkeypatch.setattr(engine, "_TEAM_MIN", 1)
    monkeypatch.setenv("DOSSIER_JOBS", jobs)
    assert _build(copy_project(tmp_path / "project")) == one_process
    assert list(stored.iterdir()), "no page was wrapped by a worker"


def test_a_failing_worker_leaves_its_pages_to_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, one_process: dict[str, bytes]
) -> None:
    def fail(*args: object) -> None:  # a worker's page builder; the build's own is MkDocs's
        raise RuntimeError("worker failed")

    monkeypatch.setattr(engine, "_build_page", fail)
    monkeypatch.setattr(engine, "_TEAM_MIN", 1)
    monkeypatch.setenv("DOSSIER_JOBS", "2")
    assert _build(copy_project(tmp_path / "project")) == one_process

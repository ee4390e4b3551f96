"""Pages wrapped by forked workers: the site is byte-identical to a build in one process.

Workers only start for a few hundred missing pages; here the threshold is lowered so
the default corpus is shared between the build's process and one or two workers, and
a worker that fails leaves its pages to the build's process.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from mkdocs.structure.files import Files

from dossier import engine
from dossier.cli import main
from dossier.mkdocs_session import MkDocsSession

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
    store = engine.SiteBuild.store

    def spy(build: engine.SiteBuild, output: str, path: str) -> str:  # in the workers
        (stored / path.replace("/", "_")).touch()  # leaves a trace on disk
        return store(build, output, path)

    monkeypatch.setattr(engine.SiteBuild, "store", spy)
    monkeypatch.setattr(engine, "TEAM_MIN", 1)
    monkeypatch.setenv("DOSSIER_JOBS", jobs)
    root = copy_project(tmp_path / "project")
    assert _build(root) == one_process
    assert list(stored.iterdir()), "no page was wrapped by a worker"
    # What the workers stored for the build is dropped once the site holds it.
    assert not list((root / ".dossier/cache").glob("site*/*/*.html"))


def test_a_failing_worker_leaves_its_pages_to_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, one_process: dict[str, bytes]
) -> None:
    def fail(*args: object, **kwargs: object) -> None:  # a worker's page builder; the
        raise RuntimeError("worker failed")  # build's own is MkDocs's build

    monkeypatch.setattr(MkDocsSession, "wrap_page", fail)
    monkeypatch.setattr(engine, "TEAM_MIN", 1)
    monkeypatch.setenv("DOSSIER_JOBS", "2")
    assert _build(copy_project(tmp_path / "project")) == one_process


@pytest.mark.parametrize("shard_pages", ["", "4"])
def test_a_search_made_beside_the_theme_is_the_one_made_after_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shard_pages: str
) -> None:
    """A build that wraps many pages indexes them while the theme wraps them, from their
    HTML as rendered; one process indexes the site's files after writing them."""
    if shard_pages:
        monkeypatch.setenv("DOSSIER_SEARCH_SHARD_PAGES", shard_pages)
    monkeypatch.setenv("DOSSIER_JOBS", "1")
    after = _build(copy_project(tmp_path / "one"))
    started: list[str | None] = []
    beside = engine.start_beside

    def spy(*args: Any) -> Any:
        started.append(args[-1])  # the language, from the first page wrapped
        return beside(*args)

    monkeypatch.setattr(engine, "start_beside", spy)
    monkeypatch.setattr(engine, "TEAM_MIN", 1)
    monkeypatch.setenv("DOSSIER_JOBS", "2")
    assert _build(copy_project(tmp_path / "two")) == after
    assert started == ["en"]
    assert any(path.startswith("pagefind/") for path in after)


def test_a_worker_lists_the_sites_pages_once_not_once_per_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs gives each page's template the list of the site's pages; a worker made it
    again for every page it wrapped (at 10,000 articles, ten times a page's work)."""
    calls = tmp_path / "calls"
    stored = tmp_path / "stored"
    stored.mkdir()
    listing = Files.documentation_pages
    store = engine.SiteBuild.store

    def count(files: Files, *args: Any, **kwargs: Any) -> Any:
        with calls.open("a") as log:  # appended to from every process
            log.write(f"{os.getpid()}\n")
        return listing(files, *args, **kwargs)

    def spy(build: engine.SiteBuild, output: str, path: str) -> str:  # in the workers
        (stored / path.replace("/", "_")).touch()
        return store(build, output, path)

    monkeypatch.setattr(Files, "documentation_pages", count)
    monkeypatch.setattr(engine.SiteBuild, "store", spy)
    monkeypatch.setattr(engine, "TEAM_MIN", 1)
    monkeypatch.setenv("DOSSIER_JOBS", "2")
    _build(copy_project(tmp_path / "project"))
    wrapped = len(list(stored.iterdir()))
    in_workers = [pid for pid in calls.read_text().split() if int(pid) != os.getpid()]
    assert wrapped > 5
    assert len(in_workers) <= 2

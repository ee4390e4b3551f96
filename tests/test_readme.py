"""The README's commands are the real ones: the set-up commands are the ones CI runs, and
every command of the tour is run here in a copy of the repository, its output compared
line by line (only timings are masked)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text("utf-8")
TIMING = re.compile(r"in \d+(\.\d+)? s\b")


def tour() -> list[tuple[str, list[str]]]:
    """(command, expected output lines) of every `$ ` line in the console blocks."""
    steps: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", README, flags=re.S):
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            else:
                steps[-1][1].append(line)
    return steps


def test_readme_starts_with_install_and_test_commands() -> None:
    first_block = re.search(r"```sh\n(.*?)```", README, flags=re.S)
    assert first_block is not None
    commands = first_block.group(1).splitlines()
    assert commands == [
        "python3 -m venv .venv && . .venv/bin/activate && pip install -e '.[test]' "
        "&& python build.py",
        "pytest",
    ]
    ci = (REPO / ".ci/run").read_text("utf-8")
    assert "pip install -q -e '.[test]' && python build.py" in ci
    assert ci.rstrip().endswith("pytest")


def test_readme_is_short_and_links_only_to_files_that_exist() -> None:
    assert len(README.splitlines()) <= 250
    for target in re.findall(r"\]\(([^)#]+)", README):
        assert (REPO / target).exists(), target


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed files of this checkout, as a fresh clone has them, in a git repo."""
    root = tmp_path_factory.mktemp("tour")
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        if (REPO / name).is_file():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, root / name)
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "The default corpus"]):
        subprocess.run(
            ["git", "-c", "user.name=Ada", "-c", "user.email=ada@example.org", *args],
            cwd=root,
            check=True,
        )
    return root


def test_tour_commands_print_what_the_readme_shows(project: Path) -> None:
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "PYTHONUNBUFFERED": "1",  # stdout and stderr interleave as on a terminal
    }
    steps = tour()
    assert [command.split()[0] for command, _ in steps].count("dossier") >= 5
    for command, expected in steps:
        result = subprocess.run(
            ["bash", "-c", command + " 2>&1"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        shown = [TIMING.sub("in N s", line) for line in result.stdout.splitlines()]
        assert shown == [TIMING.sub("in N s", line) for line in expected], command

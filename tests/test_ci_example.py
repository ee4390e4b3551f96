"""The shipped CI workflow and pre-commit hooks run exactly the commands tested here."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from dossier.cli import main

from .test_review import commit, edit, git

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / "examples/github-workflow.yml"
DEPLOYMENT = (REPO / "docs/deployment.md").read_text("utf-8")

# Every dossier command of the workflow, in order: (command, exit code on the test branch).
COMMANDS = [
    ("dossier diff origin/main...HEAD --format markdown > knowledge-diff.md", 0),
    ("dossier check --strict --format github", 1),
    ("dossier build", 0),
    ("dossier pdf", 0),
]


def workflow_commands() -> list[str]:
    steps = [
        step
        for job in yaml.safe_load(WORKFLOW.read_text("utf-8"))["jobs"].values()
        for step in job["steps"]
    ]
    return [s["run"] for s in steps if "run" in s and s["run"].startswith("dossier ")]


def test_workflow_commands_are_the_tested_ones() -> None:
    assert workflow_commands() == [command for command, _ in COMMANDS]


def test_guide_shows_the_workflow_file_verbatim() -> None:
    blocks = re.findall(r"```yaml\n(.*?)```", DEPLOYMENT, flags=re.S)
    assert WORKFLOW.read_text("utf-8") in blocks


def test_workflow_commands_on_a_pull_request_branch(
    minimal: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    git(minimal, "init", "-q", "-b", "main")
    git(minimal, "config", "user.name", "Ada Reviewer")
    git(minimal, "config", "user.email", "ada@example.org")
    (minimal / ".gitignore").write_text("site/\nknowledge-diff.md\n", "utf-8")
    base = commit(minimal, "Initial corpus", "2026-03-01T09:00:00+00:00")
    git(minimal, "update-ref", "refs/remotes/origin/main", base)  # as actions/checkout leaves it
    git(minimal, "switch", "-q", "-c", "pr")
    edit(minimal, "briefings/deals/globex-acme-2024.md", "status: agreed", "status: completed")
    commit(minimal, "Deal completed", "2026-03-02T09:00:00+00:00")
    monkeypatch.chdir(minimal)
    for command, expected in COMMANDS:
        words = shlex.split(command)
        assert words[0] == "dossier"
        args, target = words[1:], None
        if ">" in args:
            args, target = args[: args.index(">")], args[args.index(">") + 1]
        capsys.readouterr()
        assert main(args) == expected, command
        if target:
            Path(target).write_text(capsys.readouterr().out, "utf-8")
    assert (minimal / "knowledge-diff.md").read_text("utf-8") == (
        "### Knowledge base: 1 change from `origin/main` to `HEAD`\n"
        "\n"
        "- deal `globex-acme-2024`: status `agreed` → `completed`\n"
    )
    assert (minimal / "site/index.html").is_file()
    assert (minimal / "site/dossier.pdf").read_bytes().startswith(b"%PDF-")


def test_pre_commit_hooks_run_the_check(
    minimal: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))
    entries = {h["id"]: h["entry"] for h in hooks}
    assert entries == {
        "dossier-check": "dossier check",
        "dossier-check-strict": "dossier check --strict",
    }
    assert 'dossier = "dossier.cli:run"' in (REPO / "pyproject.toml").read_text("utf-8")
    monkeypatch.chdir(minimal)  # pre-commit runs hooks at the repository root
    assert main(shlex.split(entries["dossier-check"])[1:]) == 0
    assert main(shlex.split(entries["dossier-check-strict"])[1:]) == 1  # globex is a draft


def test_default_corpus_is_green_on_a_fresh_clone(tmp_path: Path) -> None:
    """The strict hook and every workflow command pass on a clone of the default corpus."""
    import shutil
    import subprocess
    import sys

    from .conftest import copy_project

    origin = copy_project(tmp_path / "origin")
    shutil.copy2(REPO / "build.py", origin / "build.py")
    git(origin, "init", "-q", "-b", "main")
    git(origin, "config", "user.name", "Ada Reviewer")
    git(origin, "config", "user.email", "ada@example.org")
    (origin / ".gitignore").write_text("site/\n.dossier/\nknowledge-diff.md\n", "utf-8")
    commit(origin, "Default corpus", "2026-03-01T09:00:00+00:00")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(origin), str(clone)], check=True)
    git(clone, "switch", "-q", "-c", "pr")  # the review job runs on a pull request branch

    def ran(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, cwd=clone, capture_output=True, text=True, check=False)

    hooks = {
        h["id"]: h["entry"]
        for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))
    }
    console = Path(sys.executable).with_name("dossier")  # the hook's `dossier` entry point
    for hook in ("dossier-check", "dossier-check-strict"):
        done = ran(str(console), *shlex.split(hooks[hook])[1:])
        assert done.returncode == 0, (hook, done.stderr)
        assert "2 disputed (sources disagree, acknowledged)" in done.stdout
    commands = workflow_commands()
    assert commands, "the example workflow runs no Dossier command"
    for command in commands:
        words = shlex.split(command.split(">")[0])
        # the workflow runs the installed `dossier` (or `python build.py`, the same command)
        program = [str(console)] if words[0] == "dossier" else [sys.executable, words[1]]
        done = ran(*program, *words[1 if words[0] == "dossier" else 2 :])
        assert done.returncode == 0, (command, done.stderr)
        if words[:2] == ["dossier", "diff"] or words[:3] == ["python", "build.py", "diff"]:
            assert done.stdout == ("### Knowledge base: no changes from `origin/main` to `HEAD`\n")
        if "--format github" in command:
            assert "::error" not in done.stdout
    assert (clone / "site/index.html").is_file()
    assert (clone / "site/dossier.pdf").read_bytes().startswith(b"%PDF-")

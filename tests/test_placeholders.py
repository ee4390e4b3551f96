"""Ingest's placeholders cannot be approved, nor pass ``check --strict`` on a reviewed file.

Real files, written by a real ``ingest``; real commands through ``main``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from dossier.cli import main
from dossier.ingest.draft import document

from .conftest import write
from .test_review import repo  # noqa: F401  (repo is a fixture used by name)

BARE = """\
Orchard Analytics Ltd posts results

April 2, 2025

Orchard Analytics Ltd reported higher sales on Wednesday. \
Orchard Analytics Ltd said demand was strong.
"""
COMPANY = "briefings/companies/orchard-analytics.md"


def run(root: Path, *args: str) -> int:
    return main(["--root", str(root), *args])


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").split("\n"), 1) if text in line)


@pytest.fixture
def drafted(repo: Path) -> Path:  # noqa: F811
    write(repo, "seeds/bare.txt", BARE)
    assert run(repo, "ingest") == 0
    return repo


def test_approve_refuses_both_placeholders_and_writes_nothing(
    drafted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = drafted / COMPANY
    before = path.read_bytes()
    describe, note = line_of(path, "Write a one-paragraph"), line_of(path, "Drafted by ingest")
    capsys.readouterr()
    assert run(drafted, "review", "approve", "orchard-analytics", "globex") == 1
    err = capsys.readouterr().err
    assert err == (
        f"{COMPANY}:{describe}: body: still holds ingest's placeholder "
        "“Write a one-paragraph description.” (replace it, and the “was found in …” sentence "
        "before it, with a description of what the company does; then run: "
        "python build.py review approve orchard-analytics)\n"
        f"{COMPANY}:{note}: body: still holds ingest's drafting note (“Drafted by ingest "
        "from …”) (check the briefing against its seed, delete the note; then run: "
        "python build.py review approve orchard-analytics)\n"
        "2 problems found. Nothing was changed.\n"
    )
    assert path.read_bytes() == before
    assert "status: draft" in (drafted / "briefings/companies/globex.md").read_text("utf-8")


def test_approve_after_the_reviewer_wrote_the_description(drafted: Path) -> None:
    path = drafted / COMPANY
    text = path.read_text("utf-8")
    head, _, _ = text.rpartition("---\n")
    path.write_text(head + "---\nOrchard Analytics sells farm data.\n", "utf-8")
    assert run(drafted, "review", "approve", "orchard-analytics") == 0
    assert "status: reviewed" in path.read_text("utf-8")


def test_note_left_in_a_field_is_found_too(
    drafted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A note pasted into the front matter is named by its field."""
    path = drafted / COMPANY
    text = path.read_text("utf-8")
    head, _, _ = text.rpartition("---\n")
    head = head.replace("aliases:\n", "aliases:\n- Drafted by ingest from x\n")
    path.write_text(head + "---\nSells farm data.\n", "utf-8")
    line = line_of(path, "- Drafted by ingest")
    capsys.readouterr()
    assert run(drafted, "review", "approve", "orchard-analytics") == 1
    err = capsys.readouterr().err
    assert f"{COMPANY}:{line}: aliases: still holds ingest's drafting note" in err


def test_strict_check_reports_placeholders_left_in_reviewed_briefings(
    drafted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Set reviewed by hand (or approved before this rule): the gate still finds them."""
    path = drafted / COMPANY
    _, front, body = path.read_text("utf-8").split("---\n", 2)
    data = yaml.safe_load(front)
    del data["evidence"]  # check refuses evidence on a reviewed file, for its own reason
    data["review"] = {"status": "reviewed"}
    path.write_text(document(data, body), "utf-8")
    note = line_of(path, "Drafted by ingest")
    capsys.readouterr()
    assert run(drafted, "check", "--strict", "--format", "json") == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    mine = [(p["path"], p["line"], p["field"]) for p in problems if p["path"] == COMPANY]
    assert (COMPANY, note, "body") in mine
    assert len(mine) == 2  # the description request and the note
    assert run(drafted, "check", "--strict") == 1
    assert f"{COMPANY}:{note}: body: still holds ingest's drafting note" in capsys.readouterr().err

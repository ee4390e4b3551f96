"""Conflicts a reviewer acknowledges as disputed: shown with the reason, passed by the gate."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from dossier.claims import open_conflicts, unacknowledged_conflicts
from dossier.cli import main
from dossier.errors import ContentError
from dossier.load import load_corpus

from .conftest import REPO, copy_project
from .test_provenance import ACME, TWO_CLAIMS, acme_facts, second_article

DEAL = "briefings/deals/globex-acme-2024.md"
DISPUTED = "    disputed:\n      reason: Each source is sure of itself; neither is corroborated.\n"


def approve_globex(root: Path) -> None:
    """The minimal corpus's one draft approved, so only conflicts are left for strict."""
    assert main(["--root", str(root), "review", "approve", "globex", "--by", "Ada"]) == 0


def conflicted(root: Path) -> None:
    second_article(root, "Acme is based in Springfield.\n")
    acme_facts(root, TWO_CLAIMS.format(first="Shelbyville", second="Springfield"))


def test_the_default_corpus_passes_strict_on_a_fresh_copy(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    run = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--root", str(root), "check", "--strict"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.endswith("; 2 disputed (sources disagree, acknowledged)\n")
    corpus = load_corpus(root)
    assert [c.field for c in open_conflicts(corpus)] == ["description", "parent"]
    assert unacknowledged_conflicts(corpus) == []


def test_an_unacknowledged_conflict_still_fails_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_project(tmp_path / "project")
    undispute_parent(root)
    assert main(["--root", str(root), "check"]) == 0
    out = capsys.readouterr()
    assert out.out.endswith(
        "; 1 open conflict (check --strict fails); 1 disputed (sources disagree, acknowledged)\n"
    )
    assert main(["--root", str(root), "check", "--strict"]) == 1
    err = capsys.readouterr().err
    assert "deepseek.md:" in err and "facts.parent: sources disagree" in err
    assert "python build.py review dispute deepseek parent --reason" in err
    assert "facts.description" not in err
    assert err.endswith("1 problem found. Fix them and run again.\n")


def test_dispute_command_records_it_and_strict_passes(
    minimal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conflicted(minimal)
    approve_globex(minimal)
    assert main(["--root", str(minimal), "check", "--strict"]) == 1
    before = (minimal / ACME).read_text("utf-8")
    args = ["--root", str(minimal), "review", "dispute", "acme", "headquarters"]
    assert main([*args, "--reason", "Both are “sure”: 'x'", "--by", "Ada"]) == 0
    after = (minimal / ACME).read_text("utf-8")
    added = '    disputed:\n      reason: "Both are “sure”: \'x\'"\n      by: "Ada"\n'
    assert after == before.replace("review:", added + "review:")
    assert main(["--root", str(minimal), "check", "--strict"]) == 0
    # Disputing again replaces the note, nothing else.
    assert main([*args, "--reason", "Still open.", "--by", "Bo"]) == 0
    assert (minimal / ACME).read_text("utf-8") == before.replace(
        "review:", '    disputed:\n      reason: "Still open."\n      by: "Bo"\nreview:'
    )
    capsys.readouterr()


def test_dispute_command_refuses_what_is_not_an_open_conflict(
    minimal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conflicted(minimal)
    base = ["--root", str(minimal), "review", "dispute"]
    assert main([*base, "acme", "sector", "--reason", "x", "--by", "A"]) == 1
    assert "no sources disagree on 'sector' (fields in conflict: headquarters)" in (
        capsys.readouterr().err
    )
    assert main([*base, "acme", "headquarters", "--reason", "  ", "--by", "A"]) == 1
    assert "--reason is empty" in capsys.readouterr().err


def test_dispute_command_never_writes_through_a_link(
    minimal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conflicted(minimal)
    outside = tmp_path / "outside.md"
    outside.write_text((minimal / ACME).read_text("utf-8"), "utf-8")
    (minimal / ACME).unlink()
    (minimal / ACME).symlink_to(outside)
    before = outside.read_text("utf-8")
    args = ["--root", str(minimal), "review", "dispute", "acme", "headquarters"]
    assert main([*args, "--reason", "x", "--by", "A"]) == 1
    assert "is a link to a file outside the project" in capsys.readouterr().err
    assert outside.read_text("utf-8") == before
    assert (minimal / ACME).is_symlink()


def test_a_deal_field_can_be_disputed(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    second_article(minimal, "Globex says the Acme deal is done.\n")
    deal = minimal / DEAL
    deal.write_text(
        deal.read_text("utf-8").replace(
            "review:",
            "claims:\n  status:\n"
            "    - {value: agreed, source: wire-2024-05-01-globex-acme,"
            " quote: Globex has agreed to buy Acme.}\n"
            "    - {value: completed, source: other-2024-globex-acme,"
            " quote: Globex says the Acme deal is done.}\n"
            "review:",
        ),
        "utf-8",
    )
    approve_globex(minimal)
    assert main(["--root", str(minimal), "check", "--strict"]) == 1
    args = ["--root", str(minimal), "review", "dispute", "deals/globex-acme-2024", "status"]
    assert main([*args, "--reason", "Unclear.", "--by", "Ada"]) == 0
    text = deal.read_text("utf-8")
    assert text.endswith(
        'disputed:\n  status:\n    reason: "Unclear."\n    by: "Ada"\n---\n'
        + text.split("---\n")[-1]
    )
    assert main(["--root", str(minimal), "check", "--strict"]) == 0
    capsys.readouterr()


def test_disputing_agreeing_claims_or_a_resolved_field_is_an_error(minimal: Path) -> None:
    conflicted(minimal)
    resolved = "    resolved:\n      value: Springfield\n      reason: Better source.\n"
    acme_facts(
        minimal, TWO_CLAIMS.format(first="Shelbyville", second="Springfield") + resolved + DISPUTED
    )
    with pytest.raises(ContentError, match=r"headquarters.disputed: is both resolved and disputed"):
        load_corpus(minimal)
    acme_facts(minimal, TWO_CLAIMS.format(first="Springfield", second="Springfield") + DISPUTED)
    with pytest.raises(ContentError, match=r"headquarters.disputed: disputes nothing"):
        load_corpus(minimal)


def test_the_page_shows_the_dispute_with_both_claims_and_the_reason(minimal: Path) -> None:
    conflicted(minimal)
    acme_facts(minimal, TWO_CLAIMS.format(first="Shelbyville", second="Springfield") + DISPUTED)
    assert main(["--root", str(minimal), "build"]) == 0
    soup = BeautifulSoup((minimal / "site/companies/acme.html").read_text("utf-8"), "html.parser")
    (note,) = soup.select(".dossier-conflict")
    assert note.p.get_text(" ", strip=True) == (
        "Disputed: sources disagree. No value is chosen; acknowledged: "
        "Each source is sure of itself; neither is corroborated."
    )
    # Each competing value names the outlet that states it, beside its mark.
    assert [li.get_text(" ", strip=True).split(" [")[0] for li in note.select("li")] == [
        "Shelbyville (The Wire)",
        "Springfield (Other Paper)",
    ]


def test_diff_states_a_dispute(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from .test_review import commit, git

    root = copy_project(tmp_path / "p")
    undispute_parent(root)
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Ada Reviewer")
    git(root, "config", "user.email", "ada@example.org")
    commit(root, "Default corpus", "2026-03-01T09:00:00+00:00")
    args = ["--root", str(root), "review", "dispute", "deepseek", "parent"]
    assert main([*args, "--reason", "No source settles it."]) == 0
    capsys.readouterr()
    assert main(["--root", str(root), "diff"]) == 0
    assert capsys.readouterr().out == (
        "company deepseek: facts.parent disputed: sources disagree: No source settles it. "
        "by Ada Reviewer\n"
        "1 change from HEAD to the working tree\n"
    )


def test_who_and_when_of_a_dispute_come_from_git(minimal: Path) -> None:
    from .test_review import commit, git

    git(minimal, "init", "-q", "-b", "main")
    git(minimal, "config", "user.email", "bea@example.org")
    conflicted(minimal)
    git(minimal, "config", "user.name", "Cy Author")
    commit(minimal, "Two sources", "2026-03-01T09:00:00+00:00")
    # written by hand: no by:, no date: in the front matter
    acme_facts(minimal, TWO_CLAIMS.format(first="Shelbyville", second="Springfield") + DISPUTED)
    git(minimal, "config", "user.name", "Bea Analyst")
    commit(minimal, "Acknowledge the dispute", "2026-03-05T09:00:00+00:00")
    edit_later = minimal / "briefings/companies/acme.md"
    edit_later.write_text(edit_later.read_text("utf-8") + "\nMore about Acme.\n", "utf-8")
    git(minimal, "config", "user.name", "Cy Author")
    commit(minimal, "Unrelated edit", "2026-03-07T09:00:00+00:00")
    assert main(["--root", str(minimal), "build"]) == 0
    soup = BeautifulSoup((minimal / "site/companies/acme.html").read_text("utf-8"), "html.parser")
    (note,) = soup.select(".dossier-conflict")
    assert " ".join(note.p.get_text().split()) == (
        "Disputed: sources disagree. No value is chosen; acknowledged by Bea Analyst on "
        "5 March 2026: Each source is sure of itself; neither is corroborated."
    )
    assert note.p.time["datetime"] == "2026-03-05"


def undispute_parent(root: Path) -> None:
    """DeepSeek's parent conflict with its acknowledgement taken out: open again."""
    path = root / "briefings/companies/deepseek.md"
    text = path.read_text("utf-8")
    start = text.index("    disputed:", text.index("  parent:"))
    end = text.index("  sector:")
    path.write_text(text[:start] + text[end:], "utf-8")

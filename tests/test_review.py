"""Git-driven review in real temporary repositories: diff, strict check, approve, page dates."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from dossier.cli import main

from .conftest import copy_project, write

DEAL = "briefings/deals/globex-acme-2024.md"
ARTICLE = "briefings/articles/wire-2024-05-01-globex-acme.md"
HERALD = "briefings/articles/herald-2024-06-02-globex-completes.md"


def git(root: Path, *args: str, date: str = "2026-03-01T09:00:00+00:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    done = subprocess.run(
        ["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def commit(root: Path, message: str, date: str) -> str:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, date=date)
    return git(root, "rev-parse", "HEAD").strip()


@pytest.fixture
def repo(minimal: Path) -> Path:
    """The minimal project as a git repository with one commit on main (1 March 2026)."""
    git(minimal, "init", "-q", "-b", "main")
    git(minimal, "config", "user.name", "Ada Reviewer")
    git(minimal, "config", "user.email", "ada@example.org")
    (minimal / ".gitignore").write_text("site/\n", "utf-8")
    commit(minimal, "Initial corpus", "2026-03-01T09:00:00+00:00")
    return minimal


def run(root: Path, *args: str) -> int:
    return main(["--root", str(root), *args])


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text("utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new), "utf-8")


def four_changes(root: Path) -> None:
    """Change a deal's status, add a source, rename a company, approve a draft."""
    edit(root, DEAL, "status: agreed", "status: completed")
    write(root, "seeds/herald.txt", "Globex has completed its purchase of Acme.\n")
    write(
        root,
        HERALD,
        """
        ---
        title: Globex completes Acme deal
        seed: seeds/herald.txt
        published: "2024-06-02"
        companies: [acme, globex-corp]
        deals: [globex-acme-2024]
        review: {status: reviewed, by: Ada Reviewer}
        ---
        Globex completed the purchase.
        """,
    )
    edit(
        root,
        DEAL,
        "review: {status: reviewed}",
        "  - article: herald-2024-06-02-globex-completes\n"
        "    quote: Globex has completed its purchase of Acme.\n"
        "review: {status: reviewed}",
    )
    git(root, "mv", "briefings/companies/globex.md", "briefings/companies/globex-corp.md")
    edit(root, DEAL, "company: globex,", "company: globex-corp,")
    edit(root, ARTICLE, "companies: [acme, globex]", "companies: [acme, globex-corp]")
    assert run(root, "review", "approve", "globex-corp") == 0


def test_diff_states_the_four_changes_in_words(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    four_changes(repo)
    commit(repo, "Deal completed; Globex renamed and approved", "2026-03-02T10:00:00+00:00")
    capsys.readouterr()
    assert run(repo, "diff", "HEAD~1", "HEAD") == 0
    assert capsys.readouterr().out == (
        "company globex: renamed to globex-corp\n"
        "company globex-corp: approved by Ada Reviewer on 2026-03-02\n"
        "deal globex-acme-2024: status agreed → completed\n"
        "deal globex-acme-2024: sources +1: herald-2024-06-02-globex-completes\n"
        "article herald-2024-06-02-globex-completes: added: Globex completes Acme deal\n"
        "5 changes from HEAD~1 to HEAD\n"
    )
    assert run(repo, "diff", "main~1...main", "--format", "markdown") == 0
    assert capsys.readouterr().out == (
        "### Knowledge base: 5 changes from `main~1` to `main`\n"
        "\n"
        "- company `globex`: renamed to `globex-corp`\n"
        "- company `globex-corp`: approved by `Ada Reviewer` on `2026-03-02`\n"
        "- deal `globex-acme-2024`: status `agreed` → `completed`\n"
        "- deal `globex-acme-2024`: sources +1: `herald-2024-06-02-globex-completes`\n"
        "- article `herald-2024-06-02-globex-completes`: added: `Globex completes Acme deal`\n"
    )


def test_diff_defaults_to_working_tree_against_head(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(repo, "diff") == 0
    assert capsys.readouterr().out == "no changes from HEAD to the working tree\n"
    edit(repo, "briefings/companies/acme.md", "aliases: [ACME Corp]", "aliases: [Acme Inc]")
    assert run(repo, "diff") == 0
    assert capsys.readouterr().out == (
        "company acme: aliases +1: Acme Inc\n"
        "company acme: aliases -1: ACME Corp\n"
        "2 changes from HEAD to the working tree\n"
    )


def test_invalid_revision_is_reported_not_a_crash(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(repo, DEAL, "status: agreed", "status: done")
    commit(repo, "Broken status", "2026-03-03T10:00:00+00:00")
    edit(repo, DEAL, "status: done", "status: completed")
    capsys.readouterr()
    assert run(repo, "diff", "HEAD~1") == 0
    assert capsys.readouterr().out == (
        "deal globex-acme-2024: status agreed → completed\n"
        "1 change from HEAD~1 to the working tree\n"
    )
    assert run(repo, "diff") == 0
    assert capsys.readouterr().out == (
        "deal globex-acme-2024: not compared: the file is invalid in HEAD\n"
        "1 change from HEAD to the working tree\n"
        "\n"
        "1 problem in HEAD:\n"
        "  briefings/deals/globex-acme-2024.md:4: status: 'done' is not one of rumored, "
        "announced, agreed, completed, terminated\n"
    )


def test_diff_outside_git_is_a_user_error(
    minimal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(minimal, "diff") == 1
    assert capsys.readouterr().err == (
        f"error: {minimal}: not in a git repository with commits (diff compares commits)\n"
    )


def test_unknown_revision_is_a_user_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(repo, "diff", "nosuchbranch") == 1
    err = capsys.readouterr().err
    assert err == (
        "error: 'nosuchbranch' is not a commit in this repository "
        "(try a branch name, a tag or HEAD~1)\n"
    )


def test_strict_check_fails_on_remaining_draft(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(repo, "check") == 0
    capsys.readouterr()
    assert run(repo, "check", "--strict") == 1
    assert capsys.readouterr().err == (
        "briefings/companies/globex.md:3: review.status: is a draft awaiting review "
        "(review it, then run: python build.py review approve globex)\n"
        "1 problem found. Fix them and run again.\n"
    )
    assert run(repo, "check", "--strict", "--format", "github") == 1
    assert capsys.readouterr().out == (
        "::error file=briefings/companies/globex.md,line=3,title=review.status::"
        "is a draft awaiting review (review it, then run: python build.py review approve globex)\n"
    )
    assert run(repo, "check", "--strict", "--format", "json") == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    assert report["counts"] == {"articles": 1, "companies": 2, "deals": 1}
    assert [(p["path"], p["line"], p["field"]) for p in report["problems"]] == [
        ("briefings/companies/globex.md", 3, "review.status")
    ]
    assert run(repo, "review", "approve", "globex") == 0
    assert run(repo, "check", "--strict") == 0
    assert capsys.readouterr().out.endswith("ok: 1 article, 2 companies, 1 deal\n")


def test_github_annotations_escape_newlines_and_percent(minimal: Path) -> None:
    from dossier.errors import Problem
    from dossier.review.gate import as_github

    problem = Problem("briefings/a,b.md", 2, "x:y", "50% off\nnext line", "")
    warning = Problem("briefings/c.md", None, "", "sources disagree", "resolve it")
    assert as_github([problem], [warning]) == (
        "::error file=briefings/a%2Cb.md,line=2,title=x%3Ay::50%25 off%0Anext line\n"
        "::warning file=briefings/c.md::sources disagree (resolve it)\n"
    )


def test_approve_rewrites_only_the_review_block(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = repo / "briefings/companies/globex.md"
    path.write_text(
        "---\nname: Globex\nreview:\n  status: draft   # from ingest\n\n"
        "# curated below\ntopics: [ai]\n---\nGlobex buys things.\n",
        "utf-8",
    )
    capsys.readouterr()
    assert run(repo, "review", "approve", "globex", "acme") == 0
    assert capsys.readouterr().out == (
        "approved: briefings/companies/globex.md\n"
        "already reviewed: briefings/companies/acme.md\n"
        "reviewer: Ada Reviewer; the review date will be the date of the commit that records it\n"
    )
    assert path.read_text("utf-8") == (
        '---\nname: Globex\nreview:\n  status: reviewed\n  by: "Ada Reviewer"\n\n'
        "# curated below\ntopics: [ai]\n---\nGlobex buys things.\n"
    )


def test_approve_unknown_slug_writes_nothing(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (repo / "briefings/companies/globex.md").read_bytes()
    assert run(repo, "review", "approve", "globex", "globx-corp") == 1
    assert capsys.readouterr().err == "error: no briefing 'globx-corp' (did you mean 'globex'?)\n"
    assert (repo / "briefings/companies/globex.md").read_bytes() == before


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text("utf-8"), "html.parser")


def review_line(site: Path, page: str) -> str:
    return " ".join(soup(site, page).select_one("p.dossier-review").get_text().split())


def test_pages_show_review_state_and_dates_from_git(repo: Path, tmp_path: Path) -> None:
    first = git(repo, "rev-parse", "HEAD").strip()
    four_changes(repo)
    second = commit(repo, "Deal completed; Globex renamed and approved", "2026-03-02T10:00:00")
    assert run(repo, "build", "--site-dir", str(tmp_path / "a")) == 0
    site = tmp_path / "a"
    assert review_line(site, "deals/globex-acme-2024.html") == (
        # reviewed since the commit that added it; changed by the second one
        f"Reviewed on 1 March 2026. Last changed on 2 March 2026 in commit {second[:7]}. "
        "Source file: briefings/deals/globex-acme-2024.md"
    )
    assert review_line(site, "companies/globex-corp.html") == (
        f"Reviewed by Ada Reviewer on 2 March 2026. Last changed on 2 March 2026 in commit "
        f"{second[:7]}. Source file: briefings/companies/globex-corp.md"
    )
    assert review_line(site, "companies/acme.html") == (
        f"Reviewed on 1 March 2026. Last changed on 1 March 2026 in commit {first[:7]}. "
        "Source file: briefings/companies/acme.md"
    )
    changes = soup(site, "changes.html").select_one("article")
    assert [h.get_text(" ", strip=True) for h in changes.find_all("h2")] == [
        "2 March 2026",
        "1 March 2026",
    ]
    assert [li.get_text("", strip=False) for li in changes.find("ul").find_all("li")] == [
        "Company Globex: reviewed by Ada Reviewer",
        "Deal Globex acquires Acme: status agreed → completed; "
        "source added: “Globex completes Acme deal”",
        "Article Globex completes Acme deal: new",
    ]
    home = soup(site, "index.html").select_one("ul.dossier-changes")
    assert home.find("li").get_text(" ", strip=True) == (
        "2 March 2026 · Globex, Globex acquires Acme, Globex completes Acme deal"
    )
    queue = soup(site, "review.html").select_one("article")
    assert "0 drafts awaiting review." in queue.get_text()
    # The same commit builds byte-identically, whatever the clock says.
    assert run(repo, "build", "--site-dir", str(tmp_path / "b")) == 0
    files_a = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    for rel in files_a:
        assert (site / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def test_review_queue_lists_drafts_and_uncommitted_files(repo: Path) -> None:
    write(
        repo,
        "briefings/companies/initech.md",
        "---\nname: Initech\nreview: {status: draft}\n---\nInitech makes software.\n",
    )
    assert run(repo, "build") == 0
    queue = soup(repo / "site", "review.html").select_one("article")
    assert [a.get_text() for a in queue.select("table.dossier-review-queue a")] == [
        "Globex",
        "Initech",
    ]
    assert "2 drafts awaiting review." in queue.get_text()
    assert review_line(repo / "site", "companies/initech.html") == (
        "Draft, awaiting review. Not committed yet. Source file: briefings/companies/initech.md"
    )


def test_outside_git_pages_say_less_and_do_not_fail(minimal: Path) -> None:
    assert run(minimal, "build") == 0
    assert review_line(minimal / "site", "companies/globex.html") == (
        "Draft, awaiting review. Source file: briefings/companies/globex.md"
    )
    text = soup(minimal / "site", "changes.html").select_one("article").get_text()
    assert "built outside a git repository" in text


def test_renames_are_found_by_content_and_unrelated_files_are_not_paired(minimal: Path) -> None:
    from dossier.load import load_tree
    from dossier.review.diff import semantic_diff

    files = {
        p.relative_to(minimal).as_posix(): p.read_bytes()
        for folder in ("briefings", "seeds")
        for p in (minimal / folder).rglob("*")
        if p.is_file()
    }
    old = load_tree(minimal, files=files)
    new_files = dict(files)
    acme = new_files.pop("briefings/companies/acme.md")
    new_files["briefings/companies/acme-inc.md"] = acme.replace(b"name: Acme", b"name: Acme Inc")
    new_files["briefings/companies/initech.md"] = (
        b"---\nname: Initech\nreview: {status: draft}\n---\nInitech makes software.\n"
    )
    for rel, old_ref, new_ref in (
        (ARTICLE, b"[acme, globex]", b"[acme-inc, globex]"),
        (DEAL, b"company: acme,", b"company: acme-inc,"),
    ):
        new_files[rel] = new_files[rel].replace(old_ref, new_ref)
    new = load_tree(minimal, files=new_files)
    assert new.problems == ()
    diff = semantic_diff(old, new, "old", "new")
    assert [c.text() for c in diff.changes] == [
        "company acme: renamed to acme-inc",
        "company acme-inc: name Acme → Acme Inc",
        "company initech: added: Initech (draft)",
    ]


def test_diff_states_a_resolved_conflict_and_strict_lists_open_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_project(tmp_path / "p")
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Ada Reviewer")
    git(root, "config", "user.email", "ada@example.org")
    deepseek = root / "briefings/companies/deepseek.md"  # the conflicts, unacknowledged
    deepseek.write_text(
        re.sub(r"    disputed:\n(      .*\n)+", "", deepseek.read_text("utf-8")), "utf-8"
    )
    commit(root, "Default corpus", "2026-03-01T09:00:00+00:00")
    assert run(root, "check", "--strict", "--format", "json") == 1
    report = json.loads(capsys.readouterr().out)
    assert [p["field"] for p in report["problems"]] == ["facts.description", "facts.parent"]
    edit(
        root,
        "briefings/companies/deepseek.md",
        "  sector:",
        "    resolved:\n"
        '      value: "None: an independent company whose ownership Xiaomi may take a stake in"\n'
        '      reason: "The 2024 report is uncorroborated."\n'
        '      by: "A. Reviewer"\n  sector:',
    )
    assert run(root, "diff") == 0
    assert capsys.readouterr().out == (
        "company deepseek: facts.parent resolved: None: an independent company whose "
        "ownership Xiaomi may take a stake in by A. Reviewer\n"
        "1 change from HEAD to the working tree\n"
    )

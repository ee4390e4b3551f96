"""``review reject``: wrong drafts go away with every reference, and stay away.

Real seeds through a real ``ingest``, real commits in a temporary git repository; the
files and the git history are read back, never mocked.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import yaml

from dossier.cli import main
from dossier.frontmatter import parse

from .conftest import write
from .test_review import commit, edit, git, repo  # noqa: F401  (repo is a fixture)

SEED = """\
Initech Ltd to be acquired by Globex

May 3, 2025

Globex has agreed to acquire Initech Ltd for $40 million, the companies said on Tuesday.
Hooli Inc advised Initech Ltd on the sale. Initech Ltd makes staplers.
"""
ARTICLE = "briefings/articles/2025-05-03-initech-ltd-to-be-acquired-by-globex.md"
DEAL = "briefings/deals/globex-initech-acquisition-2025.md"
HOOLI = "briefings/companies/hooli.md"
ADVISER = "Hooli Inc advised Initech Ltd on the sale."


def run(root: Path, *args: str) -> int:
    return main(["--root", str(root), *args])


def front(root: Path, rel: str) -> dict:
    return parse(rel, (root / rel).read_text("utf-8")).data


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted((root / "briefings").rglob("*.md"))
    }


@pytest.fixture
def drafted(repo: Path) -> Path:  # noqa: F811
    """The minimal project with ingest's drafts of one more seed, committed."""
    (repo / ".gitignore").write_text("site/\n.dossier/\n", "utf-8")
    write(repo, "seeds/initech.txt", SEED)
    assert run(repo, "ingest") == 0
    assert {HOOLI, DEAL} <= set(snapshot(repo))
    commit(repo, "Ingest the Initech seed", "2026-03-02T09:00:00+00:00")
    return repo


def test_reject_removes_drafts_and_references_and_records_it(
    drafted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(drafted, "review", "reject", "hooli", "globex-initech-acquisition-2025") == 0
    out = capsys.readouterr().out
    assert f"removed: {HOOLI}\nremoved: {DEAL}\n" in out
    assert "reviewer: Ada Reviewer" in out
    assert not (drafted / HOOLI).exists() and not (drafted / DEAL).exists()
    article = front(drafted, ARTICLE)
    assert article["companies"] == ["globex", "initech"]
    assert article["deals"] == []
    assert article["rejected"] == [
        {"company": "hooli", "quote": ADVISER, "by": "Ada Reviewer"},
        {
            "deal": "globex-initech-acquisition-2025",
            "quote": "Globex has agreed to acquire Initech Ltd for $40 million, "
            "the companies said on Tuesday.",
            "by": "Ada Reviewer",
        },
    ]
    assert run(drafted, "check") == 0
    # what the diff says once it is committed, and who and when from git
    commit(drafted, "Reject Hooli and the deal", "2026-03-03T10:00:00+00:00")
    capsys.readouterr()
    assert run(drafted, "diff", "HEAD~1", "HEAD") == 0
    diff = capsys.readouterr().out
    slug = Path(ARTICLE).stem
    assert f"article {slug}: rejected company hooli by Ada Reviewer\n" in diff
    deal = "globex-initech-acquisition-2025"
    assert f"article {slug}: rejected deal {deal} by Ada Reviewer\n" in diff
    assert f"deal {deal}: removed: Globex–Initech acquisition (2025)\n" in diff
    log = git(drafted, "log", "-1", "--format=%an %cs", "--", ARTICLE).strip()
    assert log == "Ada Reviewer 2026-03-03"


def test_ingest_keeps_it_away_until_that_very_sentence_changes(drafted: Path) -> None:
    assert run(drafted, "review", "reject", "hooli", "globex-initech-acquisition-2025") == 0
    commit(drafted, "Reject", "2026-03-03T10:00:00+00:00")
    # a second ingest with the same seed writes nothing
    assert run(drafted, "ingest") == 0
    assert git(drafted, "status", "--porcelain", "briefings") == ""
    # the seed changes elsewhere: the article is redrafted, the rejected drafts stay away
    edit(drafted, "seeds/initech.txt", "makes staplers.", "makes red staplers.")
    assert run(drafted, "ingest") == 0
    assert not (drafted / HOOLI).exists() and not (drafted / DEAL).exists()
    article = front(drafted, ARTICLE)
    assert "hooli" not in article["companies"] and article["deals"] == []
    assert [next(iter(r.values())) for r in article["rejected"]] == [
        "hooli",
        "globex-initech-acquisition-2025",
    ]
    commit(drafted, "Seed edited elsewhere", "2026-03-04T10:00:00+00:00")
    # the very sentence that made Hooli a company changes: ingest may draft it again,
    # while the deal's sentence is unchanged and the deal stays away
    edit(drafted, "seeds/initech.txt", ADVISER, "Hooli Inc, a bank, advised Initech Ltd.")
    assert run(drafted, "ingest") == 0
    assert (drafted / HOOLI).exists()
    assert "hooli" in front(drafted, ARTICLE)["companies"]
    assert not (drafted / DEAL).exists()
    added = git(drafted, "status", "--porcelain", "briefings").splitlines()
    assert f"?? {HOOLI}" in added


def test_a_changed_deal_sentence_may_bring_the_deal_back(drafted: Path) -> None:
    assert run(drafted, "review", "reject", "globex-initech-acquisition-2025") == 0
    edit(drafted, "seeds/initech.txt", "for $40 million", "for $45 million")
    assert run(drafted, "ingest") == 0
    deal = front(drafted, DEAL)
    assert deal["value"] == {"amount": 45000000, "currency": "USD"}


def test_refusals_name_the_file_and_the_fix_and_change_nothing(
    drafted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(drafted)
    capsys.readouterr()
    # unknown slug
    assert run(drafted, "review", "reject", "hooly") == 1
    assert capsys.readouterr().err == "error: no briefing 'hooly' (did you mean 'hooli'?)\n"
    # a reviewed briefing
    assert run(drafted, "review", "reject", "acme") == 1
    err = capsys.readouterr().err
    assert err.startswith("briefings/companies/acme.md:4: review.status: is reviewed;")
    assert "delete the file and its references by hand" in err
    # a draft a reviewed briefing still lists (globex: the reviewed article and deal)
    assert run(drafted, "review", "reject", "globex") == 1
    err = capsys.readouterr().err
    assert (
        "briefings/articles/wire-2024-05-01-globex-acme.md:6: companies.1: is reviewed and "
        "still lists 'globex'" in err
    )
    assert "briefings/deals/globex-acme-2024.md:6: parties.0.company: names 'globex'" in err
    # a company that a draft deal names, the deal not rejected with it
    assert run(drafted, "review", "reject", "initech") == 1
    err = capsys.readouterr().err
    assert f"{DEAL}:" in err and "reject both, python build.py review reject initech" in err
    assert snapshot(drafted) == before


def test_a_mention_of_a_reviewed_deal_can_be_rejected(
    repo: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    (repo / ".gitignore").write_text("site/\n.dossier/\n", "utf-8")
    write(
        repo,
        "seeds/echo.txt",
        "Globex buys Acme\n\nMay 9, 2024\n\nGlobex agreed to acquire Acme, people said. "
        "Acme makes anvils in Ohio.\n",
    )
    assert run(repo, "ingest") == 0
    (article,) = [p for p in (repo / "briefings/articles").glob("2024-05-09-*.md")]
    assert "Also reports the reviewed deal `globex-acme-2024`" in article.read_text("utf-8")
    commit(repo, "Ingest", "2026-03-02T09:00:00+00:00")
    capsys.readouterr()
    assert run(repo, "review", "reject", f"{article.stem}:globex-acme-2024") == 0
    text = article.read_text("utf-8")
    assert "Also reports the reviewed deal" not in text
    assert front(repo, f"briefings/articles/{article.name}")["rejected"] == [
        {
            "mention": "globex-acme-2024",
            "quote": "Globex agreed to acquire Acme, people said.",
            "by": "Ada Reviewer",
        }
    ]
    edit(repo, "seeds/echo.txt", "in Ohio", "in Iowa")
    assert run(repo, "ingest") == 0
    assert "Also reports the reviewed deal" not in article.read_text("utf-8")


def test_files_keep_their_mode_and_removal_is_all_or_nothing(drafted: Path) -> None:
    os.chmod(drafted / ARTICLE, 0o640)
    # the article cannot be edited line by line: nothing may be removed either
    text = (drafted / ARTICLE).read_text("utf-8")
    data = yaml.safe_load(text.split("---\n")[1])
    flow = text.replace(
        "deals:\n- globex-initech-acquisition-2025\n",
        "deals: [globex-initech-acquisition-2025,\n  other]\n",
    )
    assert flow != text and data["deals"] == ["globex-initech-acquisition-2025"]
    (drafted / ARTICLE).write_text(flow, "utf-8")
    assert run(drafted, "review", "reject", "globex-initech-acquisition-2025") == 1
    assert (drafted / DEAL).exists()
    (drafted / ARTICLE).write_text(text, "utf-8")
    assert run(drafted, "review", "reject", "globex-initech-acquisition-2025") == 0
    assert stat.S_IMODE(os.stat(drafted / ARTICLE).st_mode) == 0o640


def test_what_changed_tells_readers_in_words_with_links(
    drafted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bs4 import BeautifulSoup

    assert run(drafted, "review", "reject", "hooli", "globex-initech-acquisition-2025") == 0
    edit(drafted, "briefings/deals/globex-acme-2024.md", "status: agreed", "status: completed")
    edit(drafted, "briefings/companies/acme.md", "name: Acme", "name: Acme Anvils")
    commit(drafted, "chore: reject + misc (#12)", "2026-03-05T10:00:00+00:00")
    assert run(drafted, "build") == 0
    page = BeautifulSoup((drafted / "site/changes.html").read_text("utf-8"), "html.parser")
    article = page.select_one("article")
    newest = article.find("ul")
    slug = Path(ARTICLE).stem
    assert [li.get_text("", strip=False) for li in newest.find_all("li")] == [
        "Company Acme Anvils: name Acme → Acme Anvils",
        "Company Hooli: rejected in review and removed",
        "Deal Globex acquires Acme: status agreed → completed",
        "Deal Globex–Initech acquisition (2025): rejected in review and removed",
        "Article Initech Ltd to be acquired by Globex: company rejected in review: Hooli; "
        "deal rejected in review: Globex–Initech acquisition (2025)",
    ]
    links = {a.get_text(): a["href"] for a in newest.find_all("a")}
    assert links == {
        "Acme Anvils": "companies/acme.html",
        "Globex acquires Acme": "deals/globex-acme-2024.html",
        "Initech Ltd to be acquired by Globex": f"articles/{slug}.html",
    }
    text = article.get_text(" ")
    for reviewer_words in ("chore", "#12", "status:", "sources +", "companies -", "rejected +"):
        assert reviewer_words not in text
    # the earlier commit, with the ingested drafts, links the new pages that still exist
    earlier = article.find_all("ul")[1]
    assert "Deal Globex–Initech acquisition (2025): new, awaiting review" in earlier.get_text()


def test_hand_written_lists_and_a_second_rejection_are_edited_line_by_line(
    drafted: Path,
) -> None:
    path = drafted / ARTICLE
    text = path.read_text("utf-8")
    flow = text.replace(
        "companies:\n- globex\n- initech\n- hooli\n", "companies: [globex, initech, hooli]\n"
    )
    assert flow != text
    path.write_text(flow + "\n<!-- kept as written -->\n", "utf-8")
    assert run(drafted, "review", "reject", "hooli") == 0
    assert run(drafted, "review", "reject", "globex-initech-acquisition-2025", "--by", "Bo") == 0
    after = path.read_text("utf-8")
    assert "companies: [globex, initech]\n" in after
    assert after.endswith("\n<!-- kept as written -->\n")
    assert [
        (r.get("company") or r.get("deal"), r["by"]) for r in front(drafted, ARTICLE)["rejected"]
    ] == [
        ("hooli", "Ada Reviewer"),
        ("globex-initech-acquisition-2025", "Bo"),
    ]
    assert run(drafted, "check") == 0

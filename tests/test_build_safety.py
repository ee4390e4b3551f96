"""Content is data; builds are atomic and deterministic; user errors have no traceback."""

from __future__ import annotations

import filecmp
import os
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from dossier import atomic
from dossier.atomic import recover, remove_later, swap_dir
from dossier.cli import main

from .conftest import write

ARTICLE = "briefings/articles/wire-2024-05-01-globex-acme.md"


def build(root: Path, *extra: str) -> int:
    return main(["--root", str(root), "build", *extra])


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_article_text_is_escaped_and_never_evaluated(minimal: Path) -> None:
    path = minimal / ARTICLE
    text = path.read_text("utf-8")
    text = text.replace("title: Globex to buy Acme", 'title: "<script>alert(1)</script> {{ 7*7 }}"')
    text = text.replace(
        "Globex agreed to buy Acme.",
        "Globex <script>alert(2)</script> paid {{ 7*7 }} "
        "[click](javascript:alert(3)) <img src=x onerror=alert(4)> {% include 'x' %}",
    )
    path.write_text(text, "utf-8")
    assert build(minimal) == 0
    html = (minimal / "site/articles/wire-2024-05-01-globex-acme.html").read_text("utf-8")
    page = BeautifulSoup(html, "html.parser")
    body = page.select_one("article.md-content__inner")
    assert body.h1.get_text() == "<script>alert(1)</script> {{ 7*7 }}"
    text_out = body.get_text()
    assert "<script>alert(2)</script>" in text_out and "{{ 7*7 }}" in text_out
    assert "{% include 'x' %}" in text_out and "49" not in text_out
    assert "<img src=x onerror=alert(4)>" in text_out
    assert not body.find("img") and not body.find("script")
    assert not any("javascript:" in a.get("href", "") for a in page.find_all("a"))
    assert page.title.get_text().startswith("<script>alert(1)</script>")  # shown, not run
    assert "<script>alert(1)" not in html  # escaped everywhere in the raw HTML


def test_company_name_with_markup_is_escaped_in_title_and_navigation(minimal: Path) -> None:
    path = minimal / "briefings/companies/acme.md"
    path.write_text(path.read_text("utf-8").replace("name: Acme", 'name: "<b>Acme</b>"'), "utf-8")
    assert build(minimal) == 0
    for page in (minimal / "site").rglob("*.html"):
        assert "<b>Acme</b>" not in page.read_text("utf-8"), page
    index = BeautifulSoup((minimal / "site/companies/index.html").read_text("utf-8"), "html.parser")
    assert "<b>Acme</b>" in index.select_one("article").get_text()


def test_two_builds_are_byte_identical(minimal: Path, tmp_path: Path) -> None:
    assert build(minimal, "--site-dir", str(tmp_path / "a")) == 0
    assert build(minimal, "--site-dir", str(tmp_path / "b")) == 0
    first, second = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert len(first) > 20
    assert first == second


def test_default_corpus_builds_identically_twice(default_site: Path, tmp_path: Path) -> None:
    root = default_site.parent
    assert build(root, "--site-dir", str(tmp_path / "again")) == 0
    comparison = filecmp.dircmp(default_site, tmp_path / "again")
    assert tree(default_site) == tree(tmp_path / "again"), comparison.diff_files


def test_failing_build_leaves_previous_site_untouched(
    minimal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert build(minimal) == 0
    before = tree(minimal / "site")
    deal = minimal / "briefings/deals/globex-acme-2024.md"
    deal.write_text(deal.read_text("utf-8").replace("status: agreed", "status: done"), "utf-8")
    write(
        minimal,
        "briefings/companies/typo.md",
        "---\nnmae: Typo\nreview: {status: draft}\n---\nText.\n",
    )
    capsys.readouterr()
    assert build(minimal) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "briefings/companies/typo.md:1: name: is required but missing (add a 'name:' line)",
        "briefings/companies/typo.md:2: nmae: unknown key (did you mean 'name'?)",
        "briefings/deals/globex-acme-2024.md:4: status: 'done' is not one of rumored, "
        "announced, agreed, completed, terminated",
        "3 problems found. Nothing was written; the previous site is unchanged.",
    ]
    assert tree(minimal / "site") == before
    leftovers = [p.name for p in minimal.iterdir() if p.name.startswith(".")]
    assert sorted(leftovers) == [".dossier"]  # only the build cache of the first build


# print.html.j2: the print view is made in a forked process beside the pages
# (parallel.Ahead); its error still reaches the user from the build's own process.
@pytest.mark.parametrize("name", ["deal.html.j2", "print.html.j2"])
def test_broken_template_names_file_and_line(
    minimal: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    assert build(minimal) == 0
    before = tree(minimal / "site")
    template = minimal / "templates" / name
    lines = template.read_text("utf-8").splitlines()
    lines[3] = "{% if deal.title %}unclosed"
    template.write_text("\n".join(lines) + "\n", "utf-8")
    assert build(minimal) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: templates/{name}:"), err
    assert "Traceback" not in err
    assert tree(minimal / "site") == before


def test_check_prints_summary_and_writes_nothing(
    minimal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(minimal), "check"]) == 0
    assert capsys.readouterr().out == "ok: 1 article, 2 companies, 1 deal\n"
    assert not (minimal / "site").exists()


def test_a_search_index_that_fails_after_an_edit_leaves_the_previous_site(
    minimal: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """After an edit, Pagefind indexes beside the rest of the build (in a second process
    where it can fork): its failure still stops the build, says so, and keeps the site."""
    from dossier import site_search

    assert build(minimal) == 0
    before = tree(minimal / "site")
    path = minimal / ARTICLE
    path.write_text(path.read_text("utf-8").rstrip("\n") + " Edited.\n", "utf-8")
    monkeypatch.setattr(site_search, "_binary", lambda: "/bin/false")  # exits with 1
    capsys.readouterr()
    assert build(minimal) == 1
    assert "search: Pagefind could not index the site" in capsys.readouterr().err
    assert tree(minimal / "site") == before
    assert not list(minimal.glob(".site.*"))


def test_an_old_site_left_to_rm_is_never_in_the_way_and_a_stopped_removal_is_finished(
    tmp_path: Path,
) -> None:
    """build.py does not wait for the old site's removal (atomic.swap_dir without wait):
    the old site goes by another name at once, and a removal stopped half-way (a folder
    left untouched for a while) is finished by a later build's ``recover``."""
    target, new = tmp_path / "site", tmp_path / ".site.tmp-1"
    for folder, text in ((target, "old"), (new, "new")):
        (folder / "pages").mkdir(parents=True)
        (folder / "pages/a.html").write_text(text, "utf-8")
    swap_dir(new, target, wait=False)
    assert (target / "pages/a.html").read_text("utf-8") == "new"
    assert not new.exists()  # the old site is not where a build makes its folders
    deadline = time.monotonic() + 30
    while list(tmp_path.glob(".site.gone-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    stopped = tmp_path / ".site.gone-stopped"
    (stopped / "pages").mkdir(parents=True)
    os.utime(stopped, (time.time() - 3600, time.time() - 3600))
    recent = tmp_path / ".site.gone-recent"  # an rm may be at it: left alone
    (recent / "pages").mkdir(parents=True)
    empty = tmp_path / ".site.gone-empty"  # made, and the build killed before it was filled
    empty.mkdir()
    os.utime(empty, (time.time(), time.time()))
    recover(target)
    deadline = time.monotonic() + 30
    while stopped.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.gone-recent", "site"]


def test_folders_removed_later_leave_their_names_at_once_dated_when_they_went(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handed: list[list[Path]] = []
    monkeypatch.setattr(atomic, "_remover", handed.append)  # the rm, not started here
    old = [tmp_path / "a", tmp_path / "b"]
    for folder in old:
        write(folder, "fragment/x.pf_fragment", "old")
        os.utime(folder, (1_000_000, 1_000_000))
    before = time.time() - 1
    remove_later([*old, tmp_path / "never-made"], ".shard.gone-")
    assert not any(folder.exists() for folder in old)
    [gone] = handed
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in gone)
    assert all(p.name.startswith(".shard.gone-") for p in gone)
    assert sorted((p / "fragment" / "x.pf_fragment").read_text() for p in gone) == ["old"] * 2
    # A sweep of leftovers an hour old does not take one an rm is still removing.
    assert all(p.stat().st_mtime >= before for p in gone)

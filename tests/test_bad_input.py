"""Hostile and broken input, one case file each, beside its expected outcome.

Each ``tests/bad_input/NAME.KIND.md`` is dropped into a small valid project as
``briefings/KINDS/NAME.md`` and built. ``NAME.expected`` holds the outcome: the
exit code, then either the exact messages (exit 1) or what the page shows
(exit 0). Refresh after a deliberate change with
``DOSSIER_UPDATE_FIXTURES=1 pytest tests/test_bad_input.py`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from dossier.cli import main

from .conftest import write

CASES = Path(__file__).parent / "bad_input"
FOLDERS = {"article": "articles", "company": "companies", "deal": "deals"}
UPDATE = os.environ.get("DOSSIER_UPDATE_FIXTURES") == "1"


def case_files() -> list[Path]:
    return sorted(CASES.glob("*.*.md"))


def snapshot(root: Path) -> dict[str, bytes]:
    # site/, the package's link and the cache (.dossier/) are not walked at all: a build
    # leaves an rm behind that removes an old search shard from the cache meanwhile
    tops = [p for p in root.iterdir() if p.name not in ("site", "dossier", ".dossier")]
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for top in tops
        for p in sorted([top, *top.rglob("*")] if top.is_dir() else [top])
        if p.is_file() and not p.is_symlink()
    }


def outcome(root: Path, rel: str, capsys: pytest.CaptureFixture[str]) -> str:
    code = main(["--root", str(root), "build"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if code != 0:
        assert not (root / "site").exists(), "a failed build wrote a site"
        return f"exit {code}\n{err}"
    html_rel = rel.removeprefix("briefings/").removesuffix(".md") + ".html"
    page = BeautifulSoup((root / "site" / html_rel).read_text("utf-8"), "html.parser")
    body = page.select_one("article.md-content__inner")
    assert_safe(page)
    first = body.select_one(".dossier-description p") or body.find(id="summary").find_next("p")
    return (
        f"exit 0\npage: {html_rel}\ntitle: {page.title.get_text()}\n"
        f"h1: {body.h1.get_text()}\nbody: {first.get_text()}\n"
    )


def assert_safe(page: BeautifulSoup) -> None:
    """Nothing from a briefing became live markup."""
    body = page.select_one("article.md-content__inner")
    assert body.find(["script", "img", "iframe", "style", "object"]) is None
    for tag in page.find_all(True):
        for name, value in tag.attrs.items():
            assert not name.startswith("on"), tag
            text = " ".join(value) if isinstance(value, list) else str(value)
            assert not text.strip().lower().startswith(("javascript:", "data:", "vbscript:"))


@pytest.mark.parametrize("case", case_files(), ids=lambda p: p.name)
def test_bad_input_case(case: Path, minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name, kind, _ = case.name.rsplit(".", 2)
    rel = f"briefings/{FOLDERS[kind]}/{name}.md"
    (minimal / rel).write_bytes(case.read_bytes())
    before = snapshot(minimal)
    actual = outcome(minimal, rel, capsys)
    assert snapshot(minimal) == before, "the build changed files outside site/"
    expected_path = CASES / f"{name}.expected"
    if UPDATE:
        expected_path.write_text(actual, "utf-8")
    assert actual == expected_path.read_text("utf-8")


def test_every_case_has_an_expected_outcome() -> None:
    names = {p.name.rsplit(".", 2)[0] for p in case_files()}
    assert names == {p.stem for p in CASES.glob("*.expected")}
    assert len(names) >= 20


def test_symlink_to_a_file_outside_the_project(
    minimal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = write(
        tmp_path, "outside/secret.md", "---\nname: Secret\nreview: {status: draft}\n---\nx\n"
    )
    (minimal / "briefings/companies/secret.md").symlink_to(secret)
    assert main(["--root", str(minimal), "build"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "briefings/companies/secret.md: is a link to a file outside the project; a briefing is"
        " never read through a link (copy the file into briefings/ instead)",
        "1 problem found. Nothing was written; the previous site is unchanged.",
    ]


def test_huge_article_is_refused_without_reading_it(
    minimal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = minimal / "briefings/articles/huge.md"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("---\ntitle: Huge\ncompanies: []\nreview: {status: draft}\n---\n")
        for _ in range(20):
            handle.write("word " * 200_000 + "\n")
    assert main(["--root", str(minimal), "check"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "briefings/articles/huge.md: is 20,000,078 bytes, over the 5,000,000-byte limit "
        "(shorten it to a summary, or raise --max-file-bytes)"
    )


def test_two_megabyte_single_line_is_refused_and_a_long_hostile_line_is_safe(
    minimal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = "---\ntitle: Long line\ncompanies: []\nreview: {status: draft}\n---\n"
    path = minimal / "briefings/articles/long-line.md"
    path.write_text(head + "[" * 1_000_000 + "a" * 1_000_000 + "\n", "utf-8")
    assert main(["--root", str(minimal), "check"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "briefings/articles/long-line.md:6: text below the front matter is 2,000,000 characters,"
        " over the 200,000 allowed (keep a summary here and the full article in seeds/, or raise"
        " --max-body-chars)"
    )
    # Within the limit, runs of "[" (quadratic in Python-Markdown and, unpatched, in
    # markdown-it-py too) render as text.
    path.write_text(head + "[" * 150_000 + "![" * 20_000 + "\n", "utf-8")
    assert main(["--root", str(minimal), "build"]) == 0
    html = (minimal / "site/articles/long-line.html").read_text("utf-8")
    assert "[" * 1000 in html

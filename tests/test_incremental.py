"""Incremental builds: after any sequence of edits, the site is byte-identical to a clean build.

Each round applies a few random edits (briefing bodies and titles, a new or removed
company, a template, the stylesheet, mkdocs.yml, the cache deleted), rebuilds with the
page cache in a fresh process, as a user runs `python build.py`, builds a fresh copy of
the same inputs from scratch (another fresh process, no cache) and compares every file:
pages, indexes, search index and sitemap.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from dossier.cli import main

from .conftest import REPO, clean_build, copy_project, fresh_copy, run_build_py, write

Edit = Callable[[Path, random.Random], None]


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def edit_body(root: Path, rng: random.Random) -> None:
    folder = rng.choice(["articles", "companies", "deals"])
    path = rng.choice(sorted((root / "briefings" / folder).glob("*.md")))
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"\nEdited {rng.randrange(10**6)}.\n")


def edit_title(root: Path, rng: random.Random) -> None:
    path = rng.choice(sorted((root / "briefings/deals").glob("*.md")))
    _replace(path, "title: ", f"title: R{rng.randrange(100)} ")


def add_company(root: Path, rng: random.Random) -> None:
    slug = f"added-{rng.randrange(10**6)}"
    write(
        root,
        f"briefings/companies/{slug}.md",
        f"---\nname: Added {slug}\nreview: {{status: draft}}\n---\nA company.\n",
    )


def remove_company(root: Path, rng: random.Random) -> None:
    added = sorted((root / "briefings/companies").glob("added-*.md"))
    if added:
        rng.choice(added).unlink()


def edit_template(root: Path, rng: random.Random) -> None:
    name = rng.choice(["company.html.j2", "deal.html.j2", "article.html.j2", "home.html.j2"])
    with (root / "templates" / name).open("a", encoding="utf-8") as handle:
        handle.write(f"<p>template note {rng.randrange(1000)}</p>\n")


def edit_static(root: Path, rng: random.Random) -> None:
    with (root / "static/assets/dossier.css").open("a", encoding="utf-8") as handle:
        handle.write(f"/* {rng.randrange(1000)} */\n")


def edit_config(root: Path, rng: random.Random) -> None:
    _replace(root / "mkdocs.yml", "site_description: ", f"site_description: v{rng.randrange(99)} ")


def delete_cache(root: Path, rng: random.Random) -> None:
    shutil.rmtree(root / ".dossier", ignore_errors=True)


def nothing(root: Path, rng: random.Random) -> None:
    """No edit: the build finds site/ up to date and writes nothing (KeptPages.current)."""


def delete_site(root: Path, rng: random.Random) -> None:
    shutil.rmtree(root / "site", ignore_errors=True)


def move_date(root: Path, rng: random.Random) -> None:
    """An article moves to another year: its year pages, the timeline and the home change."""
    path = rng.choice(sorted((root / "briefings/articles").glob("*.md")))
    text = path.read_text("utf-8")
    path.write_text(re.sub(r"^(published: ['\"]?)(\d{4})", _year_back, text, count=1, flags=re.M))


def _year_back(found: re.Match[str]) -> str:
    return f"{found[1]}{int(found[2]) - 1}"


EDITS: list[Edit] = [
    edit_body,
    edit_body,
    edit_title,
    add_company,
    remove_company,
    edit_template,
    edit_static,
    edit_config,
    delete_cache,
    nothing,
    delete_site,
    move_date,
]


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def build(root: Path) -> None:
    """`python build.py build` in a fresh process: the cache on disk is all it reuses."""
    run_build_py(root, "build")


@pytest.mark.parametrize(("seed", "shard_pages"), [(1, ""), (2, "4")])
def test_random_edits_rebuild_byte_identical_to_clean_build(
    tmp_path: Path, seed: int, shard_pages: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "4": the search index in shards of four pages, so an edit re-indexes some shards
    # and takes the others from the cache (site_search.py); the clean build shards too.
    monkeypatch.setenv("DOSSIER_SEARCH_SHARD_PAGES", shard_pages)
    rng = random.Random(seed)
    root = copy_project(tmp_path / "project")
    build(root)
    for _ in range(3):
        for edit in rng.sample(EDITS, 3):
            edit(root, rng)
        build(root)
        full = tree(clean_build(root, tmp_path / "clean"))
        incremental = tree(root / "site")
        assert sorted(incremental) == sorted(full)
        differing = [name for name in full if incremental[name] != full[name]]
        assert differing == []


def test_unchanged_rebuild_reuses_every_page(
    minimal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(minimal), "build"]) == 0
    stamp = (minimal / "site").stat().st_ino
    assert main(["--root", str(minimal), "build"]) == 0
    said, last = capsys.readouterr().out.strip().splitlines()[-2:]
    assert re.fullmatch(r"built (\d+) pages into site/ \(0 written, \1 reused\) in .* s", last)
    assert said.startswith("site/ is up to date: nothing changed since it was built"), said
    assert (minimal / "site").stat().st_ino == stamp  # not even swapped
    _replace(minimal / "briefings/companies/acme.md", "Acme makes anvils.", "Acme makes rockets.")
    assert main(["--root", str(minimal), "build"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert "written, " in last and "(0 written" not in last, last
    assert "Acme makes rockets." in (minimal / "site/companies/acme.html").read_text("utf-8")


def test_page_caches_of_old_server_addresses_are_removed(tmp_path: Path) -> None:
    from dossier.pagecache import PageCache

    folders = []
    for port in range(8000, 8006):
        cache = PageCache(tmp_path, "fingerprint", f"http://127.0.0.1:{port}/")
        folders.append(cache.directory)
        os.utime(cache.directory, (port, port))  # older ports were used longer ago
    left = sorted(p.name for p in tmp_path.glob("site-*"))
    assert left == sorted(f.name for f in folders[-3:])


def test_unchanged_pages_are_linked_from_the_last_site_and_hand_edits_undone(
    tmp_path: Path,
) -> None:
    root = copy_project(tmp_path / "project")
    build(root)
    site = root / "site"
    # One copy of each page, in the site: the page cache holds none of them besides.
    assert not list((root / ".dossier/cache").glob("site*/*/*.html"))
    before = _inodes(site)
    tampered = site / "companies/microsoft.html"
    tampered.write_text(tampered.read_text("utf-8") + "<!-- edited by hand -->", "utf-8")
    edit = root / "briefings/companies/huawei.md"
    _replace(edit, "Huawei is a Chinese", "Huawei is a large Chinese")
    edited = run_build_py(root, "build").stdout
    after = _inodes(site)
    linked = {name for name in after if before.get(name) == after[name]}
    # The edited company's page is new; an untouched page is the last build's very file.
    assert "companies/huawei.html" not in linked
    assert "deals/xiaomi-microsoft-mou-2018.html" in linked
    # The page edited by hand inside site/ was written again, as a clean build writes it.
    assert "companies/microsoft.html" not in linked
    full = tree(clean_build(root, tmp_path / "clean"))
    assert tree(site) == full
    # Each page is kept once, in the site (pagecache.py): the page edited by hand, whose
    # file the manifest no longer vouches for, was wrapped again beside the edit's pages;
    # undoing the edit wraps only what the edit did.
    _replace(edit, "Huawei is a large Chinese", "Huawei is a Chinese")
    undone = run_build_py(root, "build").stdout
    written = re.compile(r"\((\d+) written, \d+ reused\)")
    (by_edit,), (by_undo,) = written.findall(edited), written.findall(undone)
    assert int(by_edit) == int(by_undo) + 1 and by_undo != "0", (edited, undone)
    assert tree(site) == tree(clean_build(root, tmp_path / "clean-undone"))


def test_unchanged_feeds_and_exports_are_linked_from_the_last_site(tmp_path: Path) -> None:
    """Generated files (feeds, exports, the print view) whose text is the last build's
    are its very files; changed ones and files edited by hand are written again."""
    root = copy_project(tmp_path / "project")
    build(root)
    site = root / "site"
    before = _inodes(site, "*.*")
    tampered = site / "feeds/companies/deepseek.xml"
    tampered.write_text(tampered.read_text("utf-8") + "<!-- edited by hand -->", "utf-8")
    _replace(
        root / "briefings/companies/huawei.md", "Huawei is a Chinese", "Huawei is a large Chinese"
    )
    build(root)
    after = _inodes(site, "*.*")
    linked = {name for name in after if before.get(name) == after[name]}
    assert "feeds/companies/microsoft.xml" in linked  # Microsoft's feed shows nothing of Huawei
    assert "data/deals.csv" in linked
    assert "data/dossier.json" not in linked  # it holds Huawei's description
    assert "feeds/companies/deepseek.xml" not in linked  # edited by hand: written again
    assert tree(site) == tree(clean_build(root, tmp_path / "clean"))


def test_a_seed_added_beside_an_edit_is_ingested_before_the_site_is_built(
    tmp_path: Path,
) -> None:
    """build.py checks for ingest work in a second process while it loads; work found
    (a new seed) makes it start again in order, so the new seed's draft is built."""
    root = copy_project(tmp_path / "project")
    build(root)  # nothing to ingest, remembered
    assert (root / ".dossier/cache/ingest-check.pickle").is_file()  # and what the check read
    (root / "seeds/new-acme.txt").write_text(
        "Acme Widgets Corp agreed to acquire Initech Ltd for $12 million on Monday, "
        "March 3, 2025, the companies said. Acme Widgets Corp makes widgets.\n",
        "utf-8",
    )
    # An article briefing edited too: the check is due, and the load finds a corpus
    # without the new draft.
    article = sorted((root / "briefings/articles").glob("*.md"))[0]
    article.write_text(article.read_text("utf-8") + "\nOne more sentence.\n", "utf-8")
    said = run_build_py(root, "build").stdout
    assert "drafted briefings/deals/acme-widgets-initech-acquisition-2025.md" in said, said
    drafted = [p for p in (root / "briefings/articles").glob("*.md") if "Initech" in p.read_text()]
    assert len(drafted) == 1
    assert (root / "site/articles" / f"{drafted[0].stem}.html").is_file()
    assert tree(root / "site") == tree(clean_build(root, tmp_path / "clean"))
    # Now nothing is pending: the next build says nothing of ingest.
    assert "drafted" not in run_build_py(root, "build").stdout


def test_ingest_check_remembered_reads_only_what_changed_and_answers_as_a_full_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """build.py's check for ingest work keeps what it read (.dossier/cache/): a fresh
    check parses only the article briefings, and hashes only the seeds, whose inode,
    size or times changed, and after each kind of change answers as a check that reads
    everything."""
    from dossier import pipeline
    from dossier.ingest import run
    from dossier.load import Limits
    from tools.corpus import generate

    root = tmp_path / "project"
    generate(root, 20)  # articles 0, 9 and 18 are drafts that record their seed's hash
    memo = root / ".dossier/cache/ingest-check.pickle"
    articles = root / "briefings/articles"
    opened: list[str] = []
    real_open = os.open

    def spy(path: str, *args: int) -> int:
        rel = os.path.relpath(path, root)
        if rel.startswith(("briefings/", "seeds/")):
            opened.append(rel)
        return real_open(path, *args)

    def check() -> bool:
        """The remembered check (it keeps nothing in memory: all it knows is in the
        memo), then the check that reads everything: the same answer."""
        opened.clear()
        with monkeypatch.context() as patched:
            patched.setattr(os, "open", spy)
            found = pipeline._found_work(root, Limits())
        assert found == run.pending(root, Limits())
        return found

    assert check() is False
    assert len(opened) == 20 + 3  # the first reads every briefing and the drafts' seeds
    assert memo.is_file()  # kept for the next process
    assert check() is False
    assert opened == []  # nothing changed: nothing read
    draft = articles / "article-00009.md"
    text = draft.read_text("utf-8")
    draft.write_text(text + "\nA sentence added.\n", "utf-8")
    assert check() is False
    assert opened == ["briefings/articles/article-00009.md"]
    sha = re.search(r"seed_sha256: (\w+)", text)
    assert sha is not None
    draft.write_text(text.replace(sha[1], "0" * 64), "utf-8")  # the draft is out of date
    assert check() is True
    assert opened == ["briefings/articles/article-00009.md"]
    reviewed = text.replace(sha[1], "0" * 64).replace("status: draft", "status: reviewed")
    draft.write_text(reviewed, "utf-8")  # reviewed: ingest leaves it alone
    assert check() is False
    draft.write_text(text, "utf-8")
    assert check() is False
    seed = root / "seeds/article-00018.txt"
    before = seed.stat()
    seed.write_text(seed.read_text("utf-8").replace("Deal", "Dael", 1), "utf-8")
    os.utime(seed, ns=(before.st_atime_ns, before.st_mtime_ns))  # same size and mtime
    assert check() is True  # its draft is out of date
    assert opened == ["seeds/article-00018.txt"]
    seed.write_text(seed.read_text("utf-8").replace("Dael", "Deal", 1), "utf-8")
    assert check() is False
    (articles / "article-00018.md").unlink()  # its seed has no briefing now
    assert check() is True
    write(root, "briefings/articles/article-00018.md", text.replace("00009", "00018"))
    assert check() is True  # names its seed with article 9's hash
    (articles / "article-00018.md").unlink()
    (articles / "article-00018.md").symlink_to(draft)  # a link is never read
    assert check() is True
    (articles / "article-00018.md").unlink()
    (root / "seeds/article-00018.txt").unlink()
    assert check() is False


def test_serve_check_for_ingest_work_sees_a_hand_edited_seed_field(tmp_path: Path) -> None:
    """Serve's check for ingest work (its memo in memory) reads again an article
    briefing whose file changed, so a draft whose ``seed_sha256`` was edited by hand is
    seen on the next save (ingest runs and says what it did), not at the next
    `build.py`; put back, nothing is pending."""
    from dossier.memo import BuildMemo
    from dossier.pipeline import draft
    from tools.corpus import generate

    root = tmp_path / "project"
    generate(root, 20)  # articles 0, 9 and 18 are drafts that record their seed's hash
    checked: BuildMemo[object] = BuildMemo()
    assert draft(root, checked=checked) == []
    assert draft(root, checked=checked) == []
    article = root / "briefings/articles/article-00009.md"
    text = article.read_text("utf-8")
    sha = re.search(r"seed_sha256: (\w+)", text)
    assert sha is not None
    article.write_text(text.replace(sha[1], "0" * 64), "utf-8")
    said = draft(root, checked=checked)  # the draft is out of date: ingest ran
    assert said == [
        "seed changed but its briefing is reviewed, left as it is: seeds/article-00009.txt"
    ]
    article.write_text(text, "utf-8")
    assert draft(root, checked=checked) == []


def test_print_view_is_kept_while_what_the_book_shows_is_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """build.py keeps the print view in the page cache under a key of what the book
    shows: an article's summary edited, it is not made again; its link (the appendix
    shows it) edited, it is; with a print template Dossier does not ship, always. Each
    time the site is a clean build's."""
    from dossier import pipeline
    from dossier.printbook import PRINT_PAGE

    root = copy_project(tmp_path / "project")
    build(root)
    article = root / "briefings/articles/2024-10-huawei-xiaomi-deepseek-report.md"
    with article.open("a", encoding="utf-8") as handle:
        handle.write("\nA sentence added to the summary.\n")

    def not_again(*args: object) -> str:
        raise AssertionError("the print view was made again")

    with monkeypatch.context() as patched:
        patched.setattr(pipeline, "print_page", not_again)
        assert main(["--root", str(root), "build"]) == 0
    assert tree(root / "site") == tree(clean_build(root, tmp_path / "clean"))
    _replace(article, 'language: "en"\n', 'language: "en"\nurl: "https://example.com/deepseek"\n')
    build(root)
    printed = (root / "site" / PRINT_PAGE).read_text("utf-8")
    assert 'href="https://example.com/deepseek"' in printed
    assert tree(root / "site") == tree(clean_build(root, tmp_path / "clean"))
    # A print template of one's own may show what the key leaves out: made every time.
    _replace(
        root / "templates/print.html.j2",
        '<p class="source-title">{{ a.title }}</p>',
        '<p class="source-title">{{ a.title }}</p><div class="mine">{{ a.summary|md }}</div>',
    )
    build(root)
    _replace(article, "A sentence added to the summary.", "Another sentence.")
    build(root)
    printed = (root / "site" / PRINT_PAGE).read_text("utf-8")
    assert "Another sentence." in printed
    assert tree(root / "site") == tree(clean_build(root, tmp_path / "clean"))


NEW_ARTICLE = """---
title: "Xiaomi opens a research lab"
published: "2025-03-04"
companies:
  - xiaomi
review:
  status: draft
---
Xiaomi opened a research lab, the article says.
"""


def _inodes(site: Path, pattern: str = "*.html") -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob(pattern)}


def test_pages_kept_from_the_last_site_skip_the_engine_and_equal_a_clean_build(
    tmp_path: Path,
) -> None:
    """Kept pages are linked, not built by MkDocs (mkdocs_session.KeptFile); after each
    change the site is byte for byte a clean build's in a fresh process and copy."""
    root = copy_project(tmp_path / "project")
    build(root)
    article = root / "briefings/articles/2024-10-huawei-xiaomi-deepseek-report.md"
    original = article.read_text("utf-8")
    added = root / "briefings/articles/2025-xiaomi-research-lab.md"
    steps: list[tuple[str, Callable[[], None], str | None]] = [
        (
            "edit",
            lambda: article.write_text(original + "\nAn added sentence.\n", "utf-8"),
            "companies/microsoft.html",
        ),
        ("undo", lambda: article.write_text(original, "utf-8"), "companies/microsoft.html"),
        ("new article", lambda: added.write_text(NEW_ARTICLE, "utf-8"), "companies/microsoft.html"),
        ("deleted article", added.unlink, "companies/microsoft.html"),
        ("template", lambda: edit_template_named(root, "deal.html.j2"), None),
        ("mkdocs.yml", lambda: edit_config(root, random.Random(7)), None),
    ]
    for number, (label, change, untouched) in enumerate(steps):
        before = _inodes(root / "site")
        change()
        build(root)
        after = _inodes(root / "site")
        linked = {name for name in after if before.get(name) == after[name]}
        if untouched is None:  # every page's key holds every template and mkdocs.yml
            # (the print view is a generated file: linked whenever its text is the same)
            assert linked - {"print/index.html"} == set(), label
        else:
            assert untouched in linked, label
            assert len(linked) < len(after), label  # the change wrote some pages
        full = tree(clean_build(root, tmp_path / f"clean-{number}"))
        site = tree(root / "site")
        assert sorted(site) == sorted(full), label
        assert [name for name in full if site[name] != full[name]] == [], label


def edit_template_named(root: Path, name: str) -> None:
    with (root / "templates" / name).open("a", encoding="utf-8") as handle:
        handle.write("<p>template note</p>\n")


def test_a_kept_page_or_feed_that_cannot_be_linked_is_written_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_project(tmp_path / "project")
    build(root)
    edit = root / "briefings/companies/huawei.md"
    _replace(edit, "Huawei is a Chinese", "Huawei is a large Chinese")
    refused: list[str] = []
    link = os.link

    def no_links(source: str, target: str) -> None:
        if not str(target).endswith((".html", ".xml")):  # the search's shards link as before
            return link(source, target)
        refused.append(str(target))
        raise OSError("no hard links here")

    monkeypatch.setattr(os, "link", no_links)
    assert main(["--root", str(root), "build"]) == 0
    assert any(name.endswith("companies/microsoft.html") for name in refused)
    # a company feed not made, as its inputs are unchanged, is made when it cannot be linked
    assert any(name.endswith("feeds/companies/microsoft.xml") for name in refused)
    assert tree(root / "site") == tree(clean_build(root, tmp_path / "clean"))


def test_seed_digests_kept_between_processes_follow_the_seeds(tmp_path: Path) -> None:
    """A fresh process takes unchanged seeds' digests from .dossier/cache/ (keyed by a hash
    of their bytes); a seed that changed is hashed again, and the site is a clean build's."""
    from dossier.load import load_corpus

    root = copy_project(tmp_path / "project")
    build(root)
    assert (root / ".dossier/cache/seed-quotes.pickle").is_file()
    seed = sorted((root / "seeds").glob("*.txt"))[0]
    seed.write_bytes(seed.read_bytes() + b"\nA line added to the seed.\n")
    build(root)
    kept = load_corpus(root, cache_dir=root / ".dossier/cache").seed_digests
    assert kept == load_corpus(root).seed_digests  # without the cache
    assert tree(root / "site") == tree(clean_build(root, tmp_path / "clean"))


def _opened_files(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths os.open is called with from now on, in order (the list fills itself)."""
    opened: list[str] = []
    real_open = os.open

    def spy(path: str, *args: int) -> int:
        opened.append(str(path))
        return real_open(path, *args)

    monkeypatch.setattr(os, "open", spy)
    return opened


def test_unchanged_seeds_are_not_read_by_a_fresh_process_and_a_rewritten_one_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fresh process takes an unchanged seed's digest from .dossier/cache/ without
    reading it (its inode, size and times are as the last build read it); a seed
    rewritten to the same size under its old modification time is read again."""
    from dossier.load import load_corpus, load_tree

    root = copy_project(tmp_path / "project")
    build(root)
    opened = _opened_files(monkeypatch)
    cached = load_corpus(root, cache_dir=root / ".dossier/cache")
    assert [path for path in opened if "/seeds/" in path] == []
    assert cached.seed_digests == load_corpus(root).seed_digests  # the second reads them all
    seed = root / "seeds/001_5bf3d7633e9a563a.txt"
    before = seed.stat()
    text = seed.read_text("utf-8")
    assert "joint investment" in text
    seed.write_text(text.replace("joint investment", "joint-investment", 1), "utf-8")
    os.utime(seed, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert seed.stat().st_size == before.st_size
    opened.clear()
    rewritten = load_tree(root, cache_dir=root / ".dossier/cache")
    assert [path for path in opened if "/seeds/" in path] == [str(seed)]
    clean = load_tree(root)
    assert rewritten.corpus.seed_digests == clean.corpus.seed_digests != cached.seed_digests
    # The quote no longer in it is reported, as without the cache.
    assert [p.message for p in rewritten.problems] == [p.message for p in clean.problems] != []


def test_unchanged_briefings_are_not_read_by_a_fresh_process_and_a_rewritten_one_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fresh process takes an unchanged briefing's parse from .dossier/cache/load/
    without reading the file (its inode, size and times are as the last valid load read
    it), nor one that holds ingest's placeholders (found when it was parsed, and kept
    with its parse); one rewritten to the same size under its old modification time is
    read again, and the load equals a load without the cache. Only the piece of the
    cache that changed is written again."""
    from dossier.load import load_tree

    root = copy_project(tmp_path / "project")
    write(root, "briefings/companies/orchard.md", ORCHARD)
    build(root)
    pieces = {p.name: p.stat().st_mtime_ns for p in (root / ".dossier/cache/load").iterdir()}
    assert len(pieces) == 16
    opened = _opened_files(monkeypatch)
    cached = load_tree(root, cache_dir=root / ".dossier/cache")
    assert [p for p in opened if "/briefings/" in p] == []
    assert cached.corpus.placeholders == load_tree(root).corpus.placeholders != {}
    company = root / "briefings/companies/huawei.md"
    before = company.stat()
    _replace(company, "Huawei is a Chinese", "Huawei is a Chinesf")
    os.utime(company, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert company.stat().st_size == before.st_size
    opened.clear()
    rewritten = load_tree(root, cache_dir=root / ".dossier/cache")
    assert [p for p in opened if "/briefings/" in p] == [str(company)]
    clean = load_tree(root)
    assert rewritten.corpus == clean.corpus != cached.corpus
    assert rewritten.corpus.companies["huawei"].description.startswith("Huawei is a Chinesf")
    assert rewritten.problems == clean.problems
    after = {p.name: p.stat().st_mtime_ns for p in (root / ".dossier/cache/load").iterdir()}
    assert 1 <= len([name for name in pieces if after[name] != pieces[name]]) <= 2


ORCHARD = """---
name: Orchard
review: {status: draft}
---
Write a one-paragraph description.
"""


def test_quotes_found_before_are_looked_for_again_once_their_seed_changed(tmp_path: Path) -> None:
    """A fresh process takes the quotes the last build found in their seeds from
    .dossier/cache/ (keyed by the seed's digest); a seed that changed is searched again,
    so a quote no longer in it is reported exactly as a clean build reports it."""
    root = copy_project(tmp_path / "project")
    run_build_py(root, "build")
    _replace(
        root / "seeds/001_5bf3d7633e9a563a.txt",
        "Tencent and Samsung announced a joint investment",
        "Tencent and Samsung announced a joint venture",
    )

    def build_py(project: Path) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, str(REPO / "build.py"), "--root", str(project), "build"]
        return subprocess.run(command, capture_output=True, text=True, timeout=600)

    again, clean = build_py(root), build_py(fresh_copy(root, tmp_path / "clean"))
    assert again.returncode == clean.returncode == 1
    assert "tencent-samsung-joint-investment-2018.md:16: sources[0].quote" in clean.stderr
    assert again.stderr == clean.stderr


def test_main_feed_kept_between_processes_follows_an_edited_summary(tmp_path: Path) -> None:
    """A fresh process takes the main feed's entries from .dossier/cache/ (keyed by their
    record's digest); the entry of an article whose summary changed is written again, and
    the feed is a clean build's."""
    from dossier.sitepaths import FEED

    root = copy_project(tmp_path / "project")
    run_build_py(root, "build")
    article = sorted((root / "briefings/articles").glob("*.md"))[0]
    text = article.read_text("utf-8").rstrip("\n")
    article.write_text(text + " A sentence added to the summary.\n", "utf-8")
    run_build_py(root, "build")
    feed = (root / "site" / FEED).read_text("utf-8")
    assert "A sentence added to the summary." in feed
    assert feed == (clean_build(root, tmp_path / "clean") / FEED).read_text("utf-8")


def test_compiled_theme_templates_follow_an_edited_theme_override(tmp_path: Path) -> None:
    """The theme's compiled templates are kept in .dossier/cache/ between processes; after
    an override of the theme changed, every page shows the change, as in a clean build."""
    root = copy_project(tmp_path / "project")
    shutil.copytree(root / "dossier/theme", root / "overrides")
    _replace(root / "mkdocs.yml", "custom_dir: dossier/theme", "custom_dir: overrides")
    run_build_py(root, "build")
    assert list((root / ".dossier/cache/theme-templates").rglob("*.cache"))
    _replace(root / "overrides/main.html", '<meta property="og:site_name"', '<meta name="x-edited"')
    run_build_py(root, "build")
    assert 'name="x-edited"' in (root / "site/index.html").read_text("utf-8")
    clean = fresh_copy(root, tmp_path / "clean")
    shutil.copytree(root / "overrides", clean / "overrides")
    assert ", 0 reused)" in run_build_py(clean, "build").stdout
    assert tree(root / "site") == tree(clean / "site")


def test_compiled_templates_whose_folder_went_are_compiled_again(tmp_path: Path) -> None:
    """.dossier/ may be deleted at any time, under serve too: a template compiled after
    its cache folder went is compiled and used, not an error."""
    import jinja2

    from dossier.mkdocs_session import cache_compiled

    env = jinja2.Environment(loader=jinja2.DictLoader({"a": "a{{ x }}", "b": "b{{ x }}"}))
    cache_compiled(env, tmp_path / "compiled")
    assert env.get_template("a").render(x=1) == "a1"
    assert list((tmp_path / "compiled").iterdir())
    shutil.rmtree(tmp_path / "compiled")
    assert env.get_template("b").render(x=2) == "b2"

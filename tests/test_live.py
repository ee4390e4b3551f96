"""Serve's in-place rebuilds give exactly the site a full build gives, after any edits.

Each test builds a copy of the default corpus as `mkdocs serve` does (through
tools/live_driver.py, in a subprocess, as the server would run it), applies a random
sequence of edits with a rebuild after each, then builds the final inputs from scratch
and compares the two trees byte for byte: pages, search index, sitemap, feeds, exports
and the print view. "From scratch" is a fresh copy of the inputs (no site/, no cache)
built by a fresh process, which must wrap every page itself. Every edit here can be
applied in place, so a rebuild that fell back to a full build fails the test.
"""

from __future__ import annotations

import filecmp
import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.load import load_corpus
from dossier.render import Reuse, render_site
from dossier.views import build_views

from .conftest import REPO, copy_project, fresh_copy

DRIVER = REPO / "tools" / "live_driver.py"


def run_driver(
    root: Path, site: Path, steps: list[list[tuple[str, str | None]]]
) -> subprocess.CompletedProcess[str]:
    plan = root.parent / f"{site.name}-steps.json"
    plan.write_text(json.dumps(steps), "utf-8")
    done = subprocess.run(
        [sys.executable, str(DRIVER), str(root), str(site), str(plan)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return done


def drive(root: Path, site: Path, steps: list[list[tuple[str, str | None]]]) -> list[dict]:
    """Each step's report (the first line, the first build's, is left out)."""
    lines = run_driver(root, site, steps).stdout.splitlines()
    return [json.loads(line) for line in lines[1:]]


def in_place(report: list[dict]) -> bool:
    return all(r["in_place"] and r["fallback"] is None for r in report)


def clean(root: Path, dest: Path) -> Path:
    """The inputs of ``root`` as they are now, built as serve does from scratch: a fresh
    copy, a fresh process, an empty page cache. Returns the built folder."""
    copy = fresh_copy(root, dest / "project")
    site = dest / "site"
    first = json.loads(run_driver(copy, site, []).stdout.splitlines()[0])
    assert first["reused"] == 0 and first["written"] > 40, first  # nothing from a cache
    return site


def differences(a: Path, b: Path) -> list[str]:
    found: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + n for n in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(prefix + n for n in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(a, b), "")
    return found


def _body_edit(text: str, n: int) -> str:
    return text.rstrip("\n") + f"\n\nA reviewer's note, number {n}.\n"


def _title_edit(text: str, n: int) -> str:
    return re.sub(r"^(title|name): ([\"']?)", rf"\1: \2Edit {n} ", text, count=1, flags=re.M)


def _value_edit(text: str, n: int) -> str:
    # A fact's or claim's value: it may start or end a disagreement (a conflict).
    return re.sub(r'^(\s*-?\s*value: ")', rf"\1Edit {n} ", text, count=1, flags=re.M)


def _date_edit(text: str, n: int) -> str:
    # Another publication year: the article moves in the lists, the timeline and the
    # year pages.
    return re.sub(r'^published: "\d{4}', f'published: "201{n}', text, count=1, flags=re.M)


def _random_steps(root: Path, rng: random.Random) -> list[list[tuple[str, str | None]]]:
    """Edits a reviewer makes: bodies, titles and names, facts, dates, a template, a
    broken file."""
    files = sorted(p.relative_to(root).as_posix() for p in (root / "briefings").rglob("*.md"))
    current = {rel: (root / rel).read_text("utf-8") for rel in files}
    steps: list[list[tuple[str, str | None]]] = []
    for n in range(6):
        kind = rng.choice(["body", "body", "title", "value", "date", "template", "broken"])
        if kind == "template":
            rel = "templates/article.html.j2"
            text = (root / rel).read_text("utf-8") + f"{{# edit {n} #}}\n<p>Edit {n}</p>\n"
            steps.append([(rel, text)])
            continue
        rel = rng.choice(files)
        if kind == "broken":  # a YAML error, then the fix: the server keeps the old site
            steps.append([(rel, current[rel].replace("---\n", "---\n: [\n", 1))])
            steps.append([(rel, current[rel])])
            continue
        if kind == "value":
            rel = rng.choice([f for f in files if f.startswith("briefings/companies/")])
            current[rel] = _value_edit(current[rel], n)
        elif kind == "date":
            rel = rng.choice([f for f in files if f.startswith("briefings/articles/")])
            current[rel] = _date_edit(current[rel], n)
        elif not rel.startswith("briefings/companies/") and kind == "title":
            current[rel] = _title_edit(current[rel], n)
        else:
            current[rel] = _body_edit(current[rel], n)
        steps.append([(rel, current[rel])])
    return steps


NEW_ARTICLE = """---
title: "A second look at Xiaomi"
outlet: "Test Wire"
published: "2018-03"
companies: [xiaomi]
deals: []
review: {status: draft}
---
Xiaomi is still here.
"""


NEW_COMPANY = """---
name: "Acme Robotics"
topics: [robotics-for-tests]
review: {status: draft}
---
A company no article mentions yet.
"""


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_random_edits_in_place_match_a_full_build(tmp_path: Path, seed: int) -> None:
    root = copy_project(tmp_path / "project")
    steps = _random_steps(root, random.Random(seed))
    served = tmp_path / "served"
    report = drive(root, served, steps)
    assert len(report) == len(steps)
    assert in_place(report), report  # no silent full build
    assert differences(served, clean(root, tmp_path / "clean")) == []


@pytest.mark.parametrize("shard_pages", ["", "5"])
def test_added_and_removed_articles_and_a_new_newest_date_are_updated_in_place(
    tmp_path: Path, shard_pages: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "5": the search index in shards of five pages (site_search.py), served and clean.
    monkeypatch.setenv("DOSSIER_SEARCH_SHARD_PAGES", shard_pages)
    root = copy_project(tmp_path / "project")
    article = "briefings/articles/goodyfeed-2018-02-xiaomi-microsoft-teaming-up.md"
    text = (root / article).read_text("utf-8")
    added = "briefings/articles/wire-2018-03-xiaomi-again.md"
    new = NEW_ARTICLE.replace("2018-03", "2026-11-01")  # newer than anything: a new "as of"
    steps = [[(added, NEW_ARTICLE)], [(article, _body_edit(text, 1))], [(added, new)]]
    report = drive(root, tmp_path / "served", steps)
    assert in_place(report), report
    assert differences(tmp_path / "served", clean(root, tmp_path / "clean")) == []
    served = tmp_path / "served" / "articles/wire-2018-03-xiaomi-again.html"
    assert "Xiaomi is still here." in served.read_text("utf-8")
    assert "articles/wire-2018-03-xiaomi-again.html" in (tmp_path / "served/sitemap.xml").read_text(
        "utf-8"
    )

    # Removed again (and the newest date moves back): page, sitemap entry, search
    # entries and the newest date go as a full build would have them. A company comes
    # (its page, feed and a new topic) and goes.
    company = "briefings/companies/acme-robotics.md"
    steps = [[(added, None)], [(company, NEW_COMPANY)], [(company, None)]]
    report = drive(root, tmp_path / "served-2", steps[:2])
    assert in_place(report), report
    assert (tmp_path / "served-2/feeds/companies/acme-robotics.xml").exists()
    assert differences(tmp_path / "served-2", clean(root, tmp_path / "clean-3")) == []
    report = drive(root, tmp_path / "served-2", steps[2:])
    assert in_place(report), report
    assert not (tmp_path / "served-2/feeds/companies/acme-robotics.xml").exists()
    assert not (tmp_path / "served-2/articles/wire-2018-03-xiaomi-again.html").exists()
    assert differences(tmp_path / "served-2", clean(root, tmp_path / "clean-2")) == []


def test_a_full_build_under_serve_is_reported_with_its_reason(tmp_path: Path) -> None:
    """The stylesheet is in every page's engine setup: serve must build in full, and say so."""
    root = copy_project(tmp_path / "project")
    css = "static/assets/dossier.css"
    steps = [[(css, (root / css).read_text("utf-8") + "/* edited */\n")]]
    done = run_driver(root, tmp_path / "served", steps)
    report = json.loads(done.stdout.splitlines()[1])
    assert not in_place([report])
    assert report["fallback"] == "mkdocs.yml, static/ or the theme changed"
    assert "Dossier: building in full: mkdocs.yml, static/ or the theme changed" in done.stderr
    assert differences(tmp_path / "served", clean(root, tmp_path / "clean")) == []


def test_only_pages_that_read_a_changed_briefing_render_again(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    reuse = Reuse()
    first = render_site(build_views(load_corpus(root)), root / "templates", reuse=reuse)
    assert reuse.rendered == len(first.pages)
    deal = root / "briefings/deals/xiaomi-microsoft-windows-10-testing-2015.md"
    deal.write_text(_body_edit(deal.read_text("utf-8"), 1), "utf-8")
    second = render_site(build_views(load_corpus(root)), root / "templates", reuse=reuse)
    again = {new.path for old, new in zip(first.pages, second.pages, strict=True) if old is not new}
    assert reuse.rendered == len(again)
    assert "deals/xiaomi-microsoft-windows-10-testing-2015.md" in again
    # Pages that never read that deal, or only its title and date, are kept.
    assert "articles/ifeng-tech-2026-05-27-xiaomi-pursues-deepseek.md" not in again
    assert "companies/tencent.md" not in again
    assert "companies/microsoft.md" not in again  # lists the deal, not its summary
    assert len(again) < len(first.pages)
    # And what was rendered again equals a render from scratch.
    scratch = render_site(build_views(load_corpus(root)), root / "templates")
    assert second.pages == scratch.pages

    # A company's new name reaches every page that shows it; its description does not.
    company = root / "briefings/companies/microsoft.md"
    text = company.read_text("utf-8")
    company.write_text(_body_edit(text, 2), "utf-8")
    third = render_site(build_views(load_corpus(root)), root / "templates", reuse=reuse)
    again = {new.path for old, new in zip(second.pages, third.pages, strict=True) if old is not new}
    assert "companies/microsoft.md" in again
    assert "deals/xiaomi-microsoft-windows-10-testing-2015.md" not in again  # names only
    company.write_text(_title_edit(text, 3), "utf-8")
    fourth = render_site(build_views(load_corpus(root)), root / "templates", reuse=reuse)
    again = {new.path for old, new in zip(third.pages, fourth.pages, strict=True) if old is not new}
    assert "deals/xiaomi-microsoft-windows-10-testing-2015.md" in again
    scratch = render_site(build_views(load_corpus(root)), root / "templates")
    assert fourth.pages == scratch.pages


def test_a_broken_print_template_is_reported_and_the_pages_still_update(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    article = "briefings/articles/goodyfeed-2018-02-xiaomi-microsoft-teaming-up.md"
    text = (root / article).read_text("utf-8")
    template = (root / "templates/print.html.j2").read_text("utf-8")
    steps = [[("templates/print.html.j2", template + "{% if %}"), (article, _body_edit(text, 1))]]
    served = tmp_path / "served"
    done = run_driver(root, served, steps)
    assert "templates/print.html.j2" in done.stderr
    assert "the print view was not updated" in done.stderr
    assert "Traceback" not in done.stderr
    page = served / "articles/goodyfeed-2018-02-xiaomi-microsoft-teaming-up.html"
    assert "A reviewer's note, number 1." in page.read_text("utf-8")


def test_a_custom_template_renders_every_page_in_place_and_says_so(tmp_path: Path) -> None:
    """The page graph knows the shipped templates only: with another, a save renders
    every page (never a stale one), in place, and serve says why once."""
    root = copy_project(tmp_path / "project")
    template = "templates/company.html.j2"
    shown = "<p>{{ views.corpus.articles|length }} articles</p>\n"
    custom = (root / template).read_text("utf-8") + shown
    article = "briefings/articles/goodyfeed-2018-02-xiaomi-microsoft-teaming-up.md"
    text = (root / article).read_text("utf-8")
    added = "briefings/articles/wire-2018-03-xiaomi-again.md"
    steps = [[(template, custom)], [(article, _body_edit(text, 1))], [(added, NEW_ARTICLE)]]
    done = run_driver(root, tmp_path / "served", steps)
    report = [json.loads(line) for line in done.stdout.splitlines()[1:]]
    assert in_place(report), report
    said = "templates/company.html.j2: not as Dossier ships it"
    assert done.stderr.count(said) == 1, done.stderr
    # The new article changes the count on every company page, which the graph does
    # not know the custom template shows.
    assert differences(tmp_path / "served", clean(root, tmp_path / "clean")) == []


def test_serve_holds_no_second_copy_of_what_it_wrote(tmp_path: Path) -> None:
    """Once written, the pages' HTML and the feeds' and exports' texts are not kept in
    MkDocs's objects as well (at 10,000 articles a quarter of serve's memory), after the
    first build and after a save; the first build fills the export memos the saves use
    (the first save made every record's text again); the site equals a clean build."""
    root = copy_project(tmp_path / "project")
    article = sorted((root / "briefings/articles").glob("*.md"))[0]
    rel = article.relative_to(root).as_posix()
    steps = [[(rel, _body_edit(article.read_text("utf-8"), 1))]]
    lines = run_driver(root, tmp_path / "served", steps).stdout.splitlines()
    first, save = json.loads(lines[0]), json.loads(lines[1])
    assert first["written"] > 40 and in_place([save])
    assert (first["held"], save["held"]) == (0, 0)
    briefings = len(list((root / "briefings").glob("*/*.md")))
    assert first["export_records"] == briefings
    assert differences(tmp_path / "served", clean(root, tmp_path / "clean")) == []

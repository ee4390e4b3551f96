"""The theme's shared parts (navigation, tabs, header, table of contents, settings, style
sheets, scripts), each rendered once for the pages that share it, give every page the
bytes the theme gives it when it renders them for each page."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import jinja2
import material
from bs4 import BeautifulSoup
from mkdocs.theme import Theme

from dossier.theme_memo import _folder, share_theme_parts

from .conftest import REPO, copy_project, fresh_copy, run_build_py, write

THEME = Path(material.__file__).parent / "templates"


def theme_env() -> jinja2.Environment:
    """Material's own environment, with MkDocs's filters, as a build has it."""
    return Theme(name="material").get_env()


# Builds the project given as argv[1] in this fresh process, with the shared parts off
# ("off") or counted ("on": prints how many parts were taken from the memo).
RUNNER = """
import sys
import dossier.theme_memo as memo
from dossier.cli import main

mode, root = sys.argv[1], sys.argv[2]
reused = [0]
if mode == "off":
    memo.share_theme_parts = lambda env, custom_dir: False
    import dossier.engine
    dossier.engine.share_theme_parts = memo.share_theme_parts
else:
    memoized = memo._memoized
    def counted(render, key_of):
        shared = memoized(render, key_of)
        seen = set()
        def count(context):
            key = key_of(context)
            if key is not None and (id(key_of), key) in seen:
                reused[0] += 1
            seen.add((id(key_of), key))
            yield from shared(context)
        return count
    memo._memoized = counted
code = main(["--root", root, "build"])
print("REUSED", reused[0])
sys.exit(code)
"""


def _build(root: Path, mode: str) -> tuple[Path, int]:
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, mode, str(root)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    assert ", 0 reused)" in done.stdout, done.stdout  # every page wrapped by this build
    return root / "site", int(done.stdout.rsplit("REUSED", 1)[1])


def test_shared_parts_give_every_page_the_themes_own_bytes(tmp_path: Path) -> None:
    source = copy_project(tmp_path / "project")
    shared, reused = _build(fresh_copy(source, tmp_path / "on"), "on")
    each, _ = _build(fresh_copy(source, tmp_path / "off"), "off")
    # The memo was used: most pages took their navigation from another's.
    pages = sorted(p.relative_to(shared) for p in shared.rglob("*.html"))
    assert reused > len(pages)
    assert pages == sorted(p.relative_to(each) for p in each.rglob("*.html"))
    for rel in pages:
        assert (shared / rel).read_bytes() == (each / rel).read_bytes(), rel


def test_a_theme_folder_that_overrides_the_navigation_gets_it_page_by_page(
    tmp_path: Path,
) -> None:
    """A site's own nav.html may print anything of the page: nothing is shared."""
    root = copy_project(tmp_path / "project")
    theme = root / "mytheme"
    shutil.copytree(REPO / "dossier" / "theme", theme)
    write(
        root,
        "mytheme/partials/nav.html",
        '<nav class="mine">{{ page.title | e }} in {{ page.url }}</nav>\n',
    )
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "custom_dir: dossier/theme" in text
    config.write_text(text.replace("custom_dir: dossier/theme", "custom_dir: mytheme"))
    run_build_py(root, "build")
    site = root / "site"
    articles = sorted((site / "articles").glob("*.html"))
    navs = set()
    for path in articles:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        nav = soup.select_one("nav.mine")
        assert nav is not None, path
        assert nav.get_text().endswith(f"in articles/{path.name}"), path
        navs.add(nav.get_text())
    assert len(navs) == len(articles) > 2


def test_what_a_site_theme_folder_may_hold(tmp_path: Path) -> None:
    env = theme_env()
    ours = tmp_path / "ours"
    shutil.copytree(REPO / "dossier" / "theme", ours)
    assert share_theme_parts(env, ours)
    for name, text in [
        ("partials/tabs-item.html", "x"),  # a template the tabs include
        ("partials/languages/en.html", "x"),  # the words the configuration prints
        ("partials/palette.html", "{{ page.url }}"),  # in the header
        ("main.html", '{% extends "base.html" %}{% set features = [] %}'),  # read by nav.html
    ]:
        other = tmp_path / name.replace("/", "-")
        shutil.copytree(ours, other)
        write(other, name, text)
        env = theme_env()
        assert not share_theme_parts(env, other), name


class _Page:
    def __init__(self, url: str) -> None:
        self.url = url


def test_links_are_shared_by_the_pages_of_one_folder() -> None:
    assert _folder({"page": _Page("articles/a.html")}) == "articles"
    assert _folder({"page": _Page("articles/b.html")}) == "articles"
    assert _folder({"page": _Page("index.html")}) == ""
    # With directory URLs each page is a folder of its own.
    assert _folder({"page": _Page("articles/a/")}) == "articles/a/"
    assert _folder({"page": None}) is None

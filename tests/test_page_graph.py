"""The page graph (render/inputs.py) names every input a page shows.

A page the graph keeps (its fingerprint did not move) must be the page a render from
scratch gives. Random edits to every kind of briefing, field by field, check that: after
each edit the reused render is compared with a render from nothing.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from dossier.errors import DossierError
from dossier.load import load_corpus
from dossier.render import Reuse, render_site
from dossier.render.shipped import custom_templates
from dossier.views import build_views
from tools.corpus import SITE_PARTS, generate

from .conftest import REPO, copy_project

# A front-matter line with a plain value: `  name: Xiaomi`, `published: 2018-02-23`.
_FIELD = re.compile(r"^(\s*-?\s*[a-z_]+: )([^\n{}\[\]|>]+)$", re.M)


def _mutations(text: str, rng: random.Random) -> list[str]:
    """A few edits of one briefing: a value changed, a year moved, the body extended."""
    found = list(_FIELD.finditer(text.split("\n---", 1)[0]))
    edits = [text + f"\nEdited {rng.randrange(10**6)}.\n"]
    for match in rng.sample(found, min(4, len(found))):
        value = match.group(2)
        year = re.search(r"\b(19|20)\d\d\b", value)
        words = value.strip("\"'").split()
        if "quote" in match.group(1) and len(words) > 3:  # a shorter quote, still the article's
            quote = value[0] if value[0] in "\"'" else ""
            new = quote + " ".join(words[:-1]) + quote
        elif year:
            moved = str(int(year.group()) + rng.choice([-1, 1]))
            new = value[: year.start()] + moved + value[year.end() :]
        elif value.strip() in ("draft", "reviewed"):
            new = "reviewed" if value.strip() == "draft" else "draft"
        else:
            new = value + f" x{rng.randrange(100)}"
        edits.append(text[: match.start(2)] + new + text[match.end(2) :])
    return edits


def _render(root: Path, reuse: Reuse | None = None) -> tuple:  # type: ignore[type-arg]
    return render_site(build_views(load_corpus(root)), root / "templates", reuse=reuse).pages


def _project(kind: str, tmp_path: Path) -> Path:
    if kind == "default":
        return copy_project(tmp_path / "project")
    root = tmp_path / "generated"
    generate(root, 40, companies_per=5, articles_per_deal=4)
    return copy_project(root, SITE_PARTS)


@pytest.mark.parametrize("kind, seed", [("default", 1), ("default", 2), ("generated", 3)])
def test_a_kept_page_is_the_page_a_render_from_scratch_gives(
    tmp_path: Path, kind: str, seed: int
) -> None:
    rng = random.Random(seed)
    root = _project(kind, tmp_path)
    reuse = Reuse()
    _render(root, reuse)
    files = sorted((root / "briefings").rglob("*.md"))
    checked = kept = 0
    for path in rng.sample(files, min(12, len(files))):
        original = path.read_text("utf-8")
        for edited in _mutations(original, rng):
            path.write_text(edited, "utf-8")
            try:
                load_corpus(root)
            except DossierError:  # the edit made the corpus invalid: not a build
                continue
            pages = _render(root, reuse)
            assert pages == _render(root), (path.name, edited)
            checked += 1
            kept += len(pages) - reuse.rendered
        path.write_text(original, "utf-8")
    # The edits were real builds, and the graph kept pages (else it proves nothing).
    assert checked >= 10
    assert kept > 0


def test_an_edit_renders_only_the_pages_that_show_it(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    reuse = Reuse()
    first = _render(root, reuse)
    article = root / "briefings/articles/goodyfeed-2018-02-xiaomi-microsoft-teaming-up.md"
    text = article.read_text("utf-8")
    assert "\n---\n" in text
    article.write_text(text + "\nA new closing line of the summary.\n", "utf-8")
    second = _render(root, reuse)
    again = {new.path for old, new in zip(first, second, strict=True) if old is not new}
    # The summary shows on the article's own page and (its first sentence) nowhere else.
    assert again == {"articles/goodyfeed-2018-02-xiaomi-microsoft-teaming-up.md"}


def test_the_shipped_table_matches_the_templates() -> None:
    """After editing templates/, run `python tools/shipped_templates.py` (and check that
    render/inputs.py still lists what the edited template shows)."""
    assert custom_templates(REPO / "templates") == []
    assert custom_templates(REPO / "templates", pages=False) == []  # the print view's


def test_custom_templates_render_every_page_and_say_so(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    with (root / "templates/home.html.j2").open("a", encoding="utf-8") as handle:
        handle.write("{{ views.corpus.articles|length }} articles, counted by hand.\n")
    reuse = Reuse()
    views = build_views(load_corpus(root))
    render_site(views, root / "templates", reuse=reuse)
    again = render_site(build_views(load_corpus(root)), root / "templates", reuse=reuse)
    assert again.custom_templates == ("home.html.j2",)
    assert reuse.rendered == len(again.pages)  # nothing kept: the graph cannot vouch
    assert all(page.key == "" for page in again.pages)

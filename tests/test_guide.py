"""The user guide builds as a site of its own with --strict, its links and anchors all
resolve, its content model page is the schemas', and its examples pass their schemas."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from dossier.frontmatter import parse
from dossier.schema import KINDS, schema_text, validate

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"


@pytest.fixture(scope="module")
def guide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("guide")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs-guide.yml", "-d", out],
        cwd=REPO,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


def pages(site: Path) -> dict[Path, BeautifulSoup]:
    return {p: BeautifulSoup(p.read_text("utf-8"), "html.parser") for p in site.rglob("*.html")}


def test_every_page_of_docs_is_in_the_guide(guide: Path) -> None:
    written = {p.relative_to(DOCS).with_suffix(".html") for p in DOCS.rglob("*.md")}
    assert written <= {p.relative_to(guide) for p in guide.rglob("*.html")}
    assert (guide / "reference/content-model.html").is_file()


def test_internal_links_and_anchors_resolve(guide: Path) -> None:
    built = pages(guide)
    ids = {path: {tag["id"] for tag in soup.find_all(id=True)} for path, soup in built.items()}
    checked = 0
    for path, soup in built.items():
        if path.name == "404.html":  # root-relative on purpose: served at any missing path
            continue
        for link in soup.find_all("a", href=True):
            url = urlsplit(link["href"])
            if url.scheme or url.netloc or link["href"].startswith("mailto:"):
                continue
            target = (path.parent / unquote(url.path)).resolve() if url.path else path
            if target.is_dir():
                target = target / "index.html"
            assert target.exists(), f"{path.relative_to(guide)}: {link['href']}"
            if url.fragment and target.suffix == ".html":
                assert url.fragment in ids[target], f"{path.relative_to(guide)}: {link['href']}"
            checked += 1
    assert checked > 100


def test_content_model_page_lists_every_field_of_every_schema(guide: Path) -> None:
    soup = BeautifulSoup((guide / "reference/content-model.html").read_text("utf-8"), "html.parser")
    codes = {code.get_text() for code in soup.find_all("code")}
    for kind in KINDS:
        schema = json.loads(schema_text(kind))
        assert schema["title"] in soup.get_text()
        for field in schema["properties"]:
            assert field in codes, (kind, field)
    for name, definition in json.loads(schema_text("defs"))["$defs"].items():
        assert soup.find(id=f"defs-{name.lower()}") is not None, name
        for field in definition.get("properties", {}):
            assert field in codes, (name, field)
    assert "`partnership`" not in soup.get_text() and "partnership" in codes


def examples() -> list[tuple[str, str]]:
    text = (DOCS / "writing-briefings.md").read_text("utf-8")
    return [
        (kind.lower(), block)
        for kind, block in re.findall(
            r"### (Article|Company|Deal) .*?```markdown\n(.*?)```", text, flags=re.S
        )
    ]


def test_one_example_per_kind() -> None:
    assert [kind for kind, _ in examples()] == ["article", "company", "deal"]


@pytest.mark.parametrize(("kind", "block"), examples())
def test_example_is_valid(kind: str, block: str) -> None:
    doc = parse(f"docs/writing-briefings.md ({kind})", block)
    assert validate(kind, doc) == []
    assert doc.body

"""Shared fixtures: the default corpus built once, and small corpora written per test."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from dossier.cli import main

REPO = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("briefings", "seeds", "templates", "static", "mkdocs.yml")
SITE_PARTS = ("templates", "static", "mkdocs.yml")  # everything but the corpus


def copy_project(dest: Path, parts: tuple[str, ...] = PROJECT_PARTS) -> Path:
    """The repository's corpus, templates and config, copied so a test may change them."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in parts:
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        else:
            shutil.copy2(src, dest / part)
    (dest / "dossier").symlink_to(REPO / "dossier")  # mkdocs.yml names the hook by path
    return dest


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


MINIMAL = {
    "briefings/companies/acme.md": """
        ---
        name: Acme
        aliases: [ACME Corp]
        review: {status: reviewed}
        ---
        Acme makes anvils.
        """,
    "briefings/companies/globex.md": """
        ---
        name: Globex
        review: {status: draft}
        ---
        Globex buys things.
        """,
    "briefings/articles/wire-2024-05-01-globex-acme.md": """
        ---
        title: Globex to buy Acme
        seed: seeds/wire.txt
        outlet: The Wire
        published: "2024-05-01"
        companies: [acme, globex]
        deals: [globex-acme-2024]
        review: {status: reviewed}
        ---
        Globex agreed to buy Acme.
        """,
    "briefings/deals/globex-acme-2024.md": """
        ---
        title: Globex acquires Acme
        kind: acquisition
        status: agreed
        parties:
          - {company: globex, role: acquirer}
          - {company: acme, role: target}
        announced: "2024-05"
        sources:
          - article: wire-2024-05-01-globex-acme
            quote: Globex has agreed to buy Acme.
        review: {status: reviewed}
        ---
        Globex agreed to buy Acme for an undisclosed sum.
        """,
    "seeds/wire.txt": "Globex has agreed to buy Acme. Terms were not disclosed.\n",
}


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A small valid project: two companies, one article, one deal, real templates."""
    root = copy_project(tmp_path / "project", SITE_PARTS)
    for rel, text in MINIMAL.items():
        write(root, rel, text)
    return root


@pytest.fixture(scope="session")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default corpus built once per test session; returns its site/ folder."""
    root = copy_project(tmp_path_factory.mktemp("default"))
    assert main(["--root", str(root), "build"]) == 0
    return root / "site"

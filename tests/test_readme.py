"""The README's examples are real: each front-matter example passes its schema."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dossier.frontmatter import parse
from dossier.schema import validate

README = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")


def examples() -> list[tuple[str, str]]:
    found = []
    for kind, block in re.findall(
        r"### (Article|Company|Deal) .*?```markdown\n(.*?)```", README, flags=re.S
    ):
        found.append((kind.lower(), block))
    return found


def test_one_example_per_kind() -> None:
    assert [kind for kind, _ in examples()] == ["article", "company", "deal"]


@pytest.mark.parametrize(("kind", "block"), examples())
def test_example_is_valid(kind: str, block: str) -> None:
    doc = parse(f"README ({kind})", block)
    assert validate(kind, doc) == []
    assert doc.body


def test_readme_starts_with_install_and_test_commands() -> None:
    first_block = re.search(r"```sh\n(.*?)```", README, flags=re.S)
    assert first_block is not None
    assert first_block.group(1).splitlines() == [
        "python3 -m venv .venv && . .venv/bin/activate && pip install -e '.[test]' "
        "&& python build.py",
        "pytest",
    ]

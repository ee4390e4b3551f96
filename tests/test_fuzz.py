"""Time-bounded fuzzing of the front-matter parser and the loader.

Runs for DOSSIER_FUZZ_SECONDS (default: 60 in CI, 10 elsewhere), in rounds of fresh
random examples; run longer on demand, e.g. ``DOSSIER_FUZZ_SECONDS=3600 pytest
tests/test_fuzz.py``. A failure prints the offending input as hypothesis does.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.errors import ContentError
from dossier.frontmatter import FrontMatterError, decode, parse
from dossier.load import load_corpus

SECONDS = float(os.environ.get("DOSSIER_FUZZ_SECONDS", "60" if os.environ.get("CI") else "10"))

yaml_bits = st.sampled_from(
    [
        "---",
        "...",
        "name:",
        "title:",
        "review:",
        "status:",
        "draft",
        "facts:",
        "claims:",
        "- ",
        "  ",
        "\n",
        "\r\n",
        "\t",
        "[",
        "]",
        "{",
        "}",
        ",",
        ":",
        "'",
        '"',
        "#",
        "&a",
        "*a",
        "!!str",
        "!!python/object:x",
        "<<:",
        "|",
        ">",
        "?",
        "%YAML 1.1",
        "2024-13-45",
        "0o12",
        "0x1F",
        ".inf",
        "~",
        "null",
        "no",
        "小米",
        "\ufeff",
        "\u202e",
        "\x00",
        "\x85",
        "é",
    ]
)
documents = st.one_of(
    st.binary(max_size=400),
    st.lists(yaml_bits, max_size=40).map(lambda parts: "".join(parts).encode("utf-8")),
)


def fuzz_rounds(target: object) -> int:
    rounds = 0
    deadline = time.monotonic() + SECONDS
    while time.monotonic() < deadline:
        target()  # type: ignore[operator]
        rounds += 1
    return rounds


def test_fuzz_front_matter() -> None:
    @settings(max_examples=300, deadline=None, database=None)
    @given(documents)
    def one(raw: bytes) -> None:
        try:
            parse("f.md", decode("f.md", raw))
        except FrontMatterError as exc:
            assert str(exc).startswith("f.md")

    assert fuzz_rounds(one) >= 1


def test_fuzz_loader(minimal: Path) -> None:
    target = minimal / "briefings/companies/fuzzed.md"

    @settings(
        max_examples=50, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(documents)
    def one(raw: bytes) -> None:
        target.write_bytes(raw)
        try:
            load_corpus(minimal)
        except ContentError as exc:
            assert all(str(p).startswith("briefings/") for p in exc.problems)

    assert fuzz_rounds(one) >= 1

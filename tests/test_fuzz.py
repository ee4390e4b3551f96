"""Time-bounded fuzzing of the front-matter parser and the loader.

Runs for DOSSIER_FUZZ_SECONDS in all (default: 60 in CI, 15 elsewhere), shared by
the targets, in rounds of fresh random examples; run longer on demand, e.g.
``DOSSIER_FUZZ_SECONDS=3600 pytest tests/test_fuzz.py``. A failure prints the
offending input as hypothesis does.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.errors import ContentError
from dossier.frontmatter import FrontMatterError, decode, parse
from dossier.load import load_corpus

TARGETS = 3  # the budget is shared by the three fuzz tests below
SECONDS = float(os.environ.get("DOSSIER_FUZZ_SECONDS", "60" if os.environ.get("CI") else "15"))
SECONDS /= TARGETS

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


def fuzz_for_the_budget(target: Callable[[], None]) -> None:
    """Rounds of ``target`` (each a fresh hypothesis run) until its share of the time is
    spent; at least one, whatever the budget. A failing example raises out of here."""
    deadline = time.monotonic() + SECONDS
    target()
    while time.monotonic() < deadline:
        target()


def test_fuzz_front_matter() -> None:
    @settings(max_examples=300, deadline=None, database=None)
    @given(documents)
    def one(raw: bytes) -> None:
        try:
            parse("f.md", decode("f.md", raw))
        except FrontMatterError as exc:
            assert str(exc).startswith("f.md")

    fuzz_for_the_budget(one)


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

    fuzz_for_the_budget(one)


article_bits = st.sampled_from(
    [
        "Acme",
        "Globex",
        "Acme's",
        "Initech Corp",
        "小米",
        "agreed to acquire",
        "invest",
        "memorandum of understanding",
        "joint venture",
        "$2 billion",
        "reportedly",
        "on Monday, October 7, 2024",
        "last year",
        "2026-05-27",
        "凤凰科技",
        ". ",
        "\n\n",
        "<p>",
        "</p>",
        "<script>x</script>",
        "<html><head><title>T</title></head><body>",
        "<!--",
        "-->",
        "---\n",
        "title: x\n",
        "Photo by X on Pexels",
        "Read Also",
        "{{ 7*7 }}",
        "\x00",
        "\ufeff",
        "\r\n",
        "é",
        " ",
    ]
)
seeds = st.tuples(
    st.sampled_from([".txt", ".md", ".html"]),
    st.one_of(
        st.binary(max_size=300),
        st.lists(article_bits, max_size=60).map(lambda p: "".join(p).encode("utf-8")),
    ),
)


def test_fuzz_ingest(minimal: Path) -> None:
    """Whatever a seed holds, ingest drafts only files that pass the loader."""
    import shutil

    from dossier.ingest import ingest

    pristine = minimal.parent / "pristine-briefings"
    shutil.copytree(minimal / "briefings", pristine)

    @settings(
        max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(seeds)
    def one(seed: tuple[str, bytes]) -> None:
        suffix, raw = seed
        path = minimal / "seeds" / f"fuzzed{suffix}"
        path.write_bytes(raw)
        try:
            ingest(minimal)
            load_corpus(minimal)  # drafts must load: any problem here is a bug
        except ContentError as exc:
            assert all(p.path.startswith("seeds/fuzzed") for p in exc.problems), exc
        finally:
            path.unlink()
            shutil.rmtree(minimal / "briefings")
            shutil.copytree(pristine, minimal / "briefings")

    fuzz_for_the_budget(one)

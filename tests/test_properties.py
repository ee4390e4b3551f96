"""Properties that must hold for any input, checked with hypothesis."""

from __future__ import annotations

import copy
import re
import string
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.errors import ContentError
from dossier.frontmatter import FrontMatterError, parse
from dossier.load import load_corpus
from dossier.render.markdown import _parser, _plain, to_html
from dossier.render.site import first_sentence
from dossier.schema import _surely_valid, _validator
from dossier.slugs import SLUG, fold, slugify

# Text a briefing may hold: no control characters, surrogates or bidi overrides.
safe_text = st.text(
    st.characters(
        blacklist_categories=("Cc", "Cs"),
        blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff",
    ),
    max_size=40,
)
key = st.text(string.ascii_lowercase + "_", min_size=1, max_size=12)
scalar = st.one_of(
    safe_text,
    st.integers(-(10**12), 10**12),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
)
value = st.one_of(scalar, st.lists(scalar, max_size=4), st.dictionaries(key, scalar, max_size=3))


@given(st.text(max_size=60))
def test_slugify_is_safe_and_stable(name: str) -> None:
    slug = slugify(name)
    assert slug == "" or SLUG.match(slug)
    assert slugify(slug) == slug
    assert "/" not in slug and ".." not in slug


@given(
    st.text(string.ascii_letters + ".!? \t\n\u00a0\u2003\x1c", max_size=300), st.integers(5, 250)
)
def test_first_sentence_is_the_first_sentence_of_the_normalised_text(text: str, limit: int) -> None:
    normalised = " ".join(text.split())  # the whole text first, as descriptions were made
    cut = re.search(r"(?<=[.!?])\s", normalised)
    sentence = normalised[: cut.start()] if cut else normalised
    short = sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"
    assert first_sentence(text, limit) == short


@given(st.text(string.ascii_letters + " ", min_size=1, max_size=30))
def test_case_and_width_variants_fold_alike(name: str) -> None:
    fullwidth = "".join(chr(ord(c) + 0xFEE0) if c != " " else c for c in name)
    assert fold(name.upper()) == fold(name.lower()) == fold(fullwidth)


@given(st.dictionaries(key, value, min_size=1, max_size=6))
def test_front_matter_round_trips(data: dict) -> None:
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\nBody\n"
    assert parse("f.md", text).data == data


@given(st.binary(max_size=300))
def test_parser_raises_only_its_own_error_on_any_bytes(raw: bytes) -> None:
    from dossier.frontmatter import decode

    try:
        parse("f.md", decode("f.md", b"---\n" + raw + b"\n---\nbody\n"))
    except FrontMatterError as exc:
        assert str(exc).startswith("f.md")


fragments = st.sampled_from(
    [
        "---\n",
        "name: Acme\n",
        "name: [\n",
        "review: {status: draft}\n",
        "- a\n",
        "  x: 1\n",
        "title: !!python/name:os.system\n",
        "a: &x 1\nb: *x\n",
        "\t",
        "'",
        '"',
        "{",
        "]",
        ":",
        "\ufeff",
        "\r\n",
        "aliases: [Ｘ, x]\n",
        "date: 2024-02-30\n",
        "\x00",
        "é",
        "小米",
    ]
)


@settings(
    max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(st.lists(fragments, max_size=14), st.sampled_from(["companies", "articles", "deals"]))
def test_loader_raises_only_content_errors(minimal: Path, parts: list[str], folder: str) -> None:
    path = minimal / "briefings" / folder / "fuzzed.md"
    path.write_bytes("".join(parts).encode("utf-8"))
    try:
        load_corpus(minimal)
    except ContentError as exc:
        assert exc.problems
        assert all(p.path.startswith("briefings/") for p in exc.problems)
    finally:
        path.unlink()


# Characters that start markdown, whitespace of several kinds, and ordinary text.
_markdownish = st.text(
    st.one_of(
        st.sampled_from(
            list("aZ 1.-)'\"&<>*_`[]!~|#=+\\\t\n\r\x00\u00a0\u2028\u3000:;,é中$%@^{}/?")
        ),
        st.characters(blacklist_categories=("Cs",)),
    ),
    min_size=1,
    max_size=40,
)


_paragraphs = st.builds(
    lambda parts, gaps: "".join(p + g for p, g in zip(parts, gaps, strict=False)),
    st.lists(_markdownish, min_size=1, max_size=4),
    st.lists(st.sampled_from(["\n", "\n\n", "\n\n\n", " \n\n", "\n \n", ""]), min_size=4),
)


@settings(max_examples=3000)
@given(st.one_of(_markdownish, _paragraphs))
def test_plain_paragraphs_render_as_markdown_it_renders_them(text: str) -> None:
    """to_html's short way for paragraphs with no markdown in them gives markdown-it's
    bytes."""
    assert str(to_html(text)) == _parser().render(text)


def test_the_short_way_is_taken_for_a_summary() -> None:
    assert _plain("Xiaomi's deal with Microsoft, signed in 2018 (an MoU).")
    assert not _plain("1. a list")


def _paths(data: object, at: tuple = ()) -> list[tuple]:
    """Every place in a front matter: keys of mappings, items of lists."""
    found = [at]
    if isinstance(data, dict):
        for k, v in data.items():
            found += _paths(v, (*at, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            found += _paths(v, (*at, i))
    return found


_BRIEFINGS = {
    "company": Path("briefings/companies/xiaomi.md"),
    "deal": Path("briefings/deals/xiaomi-microsoft-mou-2018.md"),
    "article": Path("briefings/articles/ifeng-tech-2026-05-27-xiaomi-pursues-deepseek.md"),
}
# Values a field may be given: right and wrong forms of what the schemas check.
_field_value = st.one_of(
    value,
    st.sampled_from(
        [
            "xiaomi",
            "Xiaomi",
            "x-",
            "2018",
            "2018-02",
            "2018-02-30",
            "18-02",
            "seeds/a.md",
            "seeds/",
            "https://a.example/x",
            "http://",
            "USD",
            "usd",
            "",
            " ",
            "rumored",
            "agreed",
            "completed",
            "acquirer",
            "target",
            "partner",
            "reviewed",
            "draft",
            "xiaomi\n",
            1,
            1.0,
            -1,
            True,
            None,
            [],
            {},
        ]
    ),
)


@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(sorted(_BRIEFINGS)),
    st.lists(st.tuples(st.integers(0, 10**6), _field_value, st.booleans()), max_size=3),
)
def test_a_file_the_compiled_schemas_pass_jsonschema_passes(
    kind: str, edits: list[tuple[int, object, bool]]
) -> None:
    """The load checks a file with the compiled schemas first and explains failures with
    jsonschema: a file the first passes must be one the second passes."""
    root = Path(__file__).resolve().parent.parent
    path = root / _BRIEFINGS[kind]
    front = copy.deepcopy(parse(str(path), path.read_text(encoding="utf-8")).data)
    for pick, new, delete in edits:
        places = [p for p in _paths(front) if p]
        place = places[pick % len(places)]
        parent = front
        for step in place[:-1]:
            parent = parent[step]
        if delete and isinstance(parent, dict):
            del parent[place[-1]]
        else:
            parent[place[-1]] = new
    if _surely_valid(kind, front):
        assert not list(_validator(kind).iter_errors(front)), front


# Small alphabets make long shared parts and ties likely, where the two could differ.
_QUOTE_TEXT = st.text(alphabet="ab c.", max_size=60)


@settings(max_examples=400, deadline=None)
@given(_QUOTE_TEXT, _QUOTE_TEXT)
def test_longest_common_part_is_difflibs_longest_match(haystack: str, needle: str) -> None:
    """The quote finder's own search gives what difflib's find_longest_match (no junk)
    gives: the same length, and on ties the same part of the sentence."""
    from difflib import SequenceMatcher

    from dossier.ingest.quotes import longest_common_part

    match = SequenceMatcher(None, haystack, needle, autojunk=False).find_longest_match(
        0, len(haystack), 0, len(needle)
    )
    start, size = longest_common_part(haystack, needle)
    assert size == match.size
    if size:
        assert start == match.b

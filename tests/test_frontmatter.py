"""Front matter: YAML read with lines, without PyYAML's surprises."""

from __future__ import annotations

import pytest

from dossier.frontmatter import FrontMatterError, decode, parse


def parsed(text: str) -> dict:
    return parse("f.md", text).data


def error(text: str) -> str:
    with pytest.raises(FrontMatterError) as info:
        parse("f.md", text)
    return str(info.value)


def test_scalars_follow_yaml_core_not_yaml_1_1() -> None:
    data = parsed("---\na: no\nb: on\nc: 22:30\nd: 012\ne: 2018-02-03\nf: 7\ng: true\nh: ~\n---\n")
    assert data == {
        "a": "no",
        "b": "on",
        "c": "22:30",
        "d": "012",
        "e": "2018-02-03",
        "f": 7,
        "g": True,
        "h": None,
    }


def test_lines_are_recorded_per_key_and_item() -> None:
    doc = parse("f.md", "---\ntitle: x\nlist:\n  - one\n  - two\n---\n\nBody\n")
    assert doc.lines[("title",)] == 2
    assert doc.lines[("list", 1)] == 5
    assert doc.body == "Body"
    assert doc.body_line == 8


def test_duplicate_key_is_an_error_not_last_one_wins() -> None:
    assert error("---\ntitle: a\ntitle: b\n---\n") == (
        "f.md:3: title: duplicate key (first set on line 2) (keep one of them)"
    )


def test_python_tags_are_refused() -> None:
    assert "f.md:2: x: YAML tag !!python/object/apply:os.system is not allowed" in error(
        "---\nx: !!python/object/apply:os.system [ls]\n---\n"
    )


def test_syntax_error_has_its_line() -> None:
    assert error("---\ntitle: ok\nbad: [unclosed\nmore: x\n---\n").startswith(
        "f.md:4: YAML syntax error:"
    )


def test_unterminated_fence() -> None:
    assert error("---\ntitle: x\n") == (
        "f.md:1: front matter is never closed (add a line with --- after the YAML fields)"
    )


def test_list_or_scalar_front_matter() -> None:
    assert "front matter is a list, not a set of fields" in error("---\n- a\n- b\n---\n")
    assert "front matter is a single value" in error("---\njust text\n---\n")


def test_aliases_are_refused() -> None:
    assert "anchors and aliases" in error("---\na: &x [1, 2]\nb: *x\n---\n")


def test_bom_and_crlf_are_accepted() -> None:
    text = decode("f.md", "\ufeff---\r\ntitle: x\r\n---\r\nBody\r\n".encode())
    assert parse("f.md", text).data == {"title": "x"}


def test_binary_and_bad_utf8() -> None:
    with pytest.raises(FrontMatterError, match="is binary"):
        decode("f.md", b"\x00\x01garbage")
    with pytest.raises(FrontMatterError, match=r"f.md:2: is not valid UTF-8"):
        decode("f.md", b"---\n\xff\n")

"""Split a briefing into YAML front matter and markdown body, keeping every line number.

PyYAML's own loaders are not used to build values: they keep the last of duplicate
keys, read ``no`` as false, ``22:30`` as 1350 and ``2024-13-45`` as a crash without a
line. We let libyaml compose the node tree (fast, with marks) and turn nodes into
values ourselves with a YAML 1.2 core-like resolution: only ``true``/``false`` are
booleans, only plain decimals are numbers, and everything else stays a string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import Problem

Path = tuple[str | int, ...]

_FENCE = "---"
_CLOSERS = ("---", "...")
_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
# Floats need a dot and a signed exponent, as in YAML 1.1: PyYAML (which ingest writes
# drafts with) leaves "1E5" unquoted, so reading it as a number would change a string.
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|(0|[1-9][0-9]*)\.[0-9]*)([eE][-+][0-9]+)?$")
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NULL = {"", "~", "null", "Null", "NULL"}
_YAML = "tag:yaml.org,2002:"
# C0/C1 controls except tab and newline, and the bidirectional overrides that let
# text display differently from what it is ("Trojan source").
UNSAFE_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_ALLOWED_TAGS = {
    _YAML + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}

try:  # libyaml is ~10x faster; the pure-Python loader gives the same nodes and marks.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


@dataclass(frozen=True)
class Document:
    """A parsed briefing file: front-matter values, their lines, and the body."""

    path: str
    data: dict[str, Any]
    lines: dict[Path, int] = field(repr=False)
    body: str
    body_line: int

    def line_of(self, path: Path) -> int:
        """The line of ``path`` or of its nearest enclosing key that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 1


class FrontMatterError(Exception):
    """The file cannot be read as front matter plus body; carries one Problem."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def decode(path: str, raw: bytes) -> str:
    """Bytes to text: UTF-8 with or without BOM, any newline convention."""
    if b"\x00" in raw:
        raise FrontMatterError(
            Problem(path, None, "", "is binary, not text", "save it as UTF-8 text")
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FrontMatterError(
            Problem(
                path,
                line,
                "",
                f"is not valid UTF-8 (byte {exc.start})",
                "re-save the file as UTF-8",
            )
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse(path: str, text: str) -> Document:
    """Parse ``text`` (already decoded) into a Document or raise FrontMatterError."""
    if not text or text.isspace():
        raise FrontMatterError(
            Problem(
                path,
                None,
                "",
                "is empty",
                "write front matter between --- lines and a text below it, or delete the file",
            )
        )
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != _FENCE:
        raise FrontMatterError(
            Problem(
                path,
                1,
                "",
                "does not start with front matter",
                "the first line must be --- followed by YAML and a closing ---",
            )
        )
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in _CLOSERS), None)
    if end is None:
        raise FrontMatterError(
            Problem(
                path,
                1,
                "",
                "front matter is never closed",
                "add a line with --- after the YAML fields",
            )
        )
    yaml_text = "\n".join(lines[1:end])
    data, line_map = _load_yaml(path, yaml_text, first_line=2)
    body = "\n".join(lines[end + 1 :]).strip("\n")
    body_line = end + 2 + (_leading_blank_lines(lines[end + 1 :]) if body else 0)
    return Document(path, data, line_map, body, body_line)


def _leading_blank_lines(lines: list[str]) -> int:
    count = 0
    for line in lines:
        if line.strip():
            break
        count += 1
    return count


def _load_yaml(path: str, text: str, first_line: int) -> tuple[dict[str, Any], dict[Path, int]]:
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        problem = (exc.problem or str(exc)).strip()
        raise FrontMatterError(
            Problem(
                path,
                line,
                "",
                f"YAML syntax error: {problem}",
                "check indentation, colons and quotes on this line or the one above",
            )
        ) from None
    except yaml.reader.ReaderError as exc:
        line = first_line + text[: exc.position].count("\n")
        raise FrontMatterError(
            Problem(
                path,
                line,
                "",
                f"contains the control character U+{exc.character:04X}",
                "delete it; briefings are plain text",
            )
        ) from None
    except yaml.YAMLError as exc:
        message = " ".join(str(exc).split())
        raise FrontMatterError(Problem(path, first_line, "", f"YAML error: {message}")) from None
    if node is None:
        raise FrontMatterError(
            Problem(path, first_line, "", "front matter is empty", "add the required fields")
        )
    builder = _Builder(path, first_line)
    value = builder.build(node, ())
    if not isinstance(value, dict):
        kind = "a list" if isinstance(value, list) else "a single value"
        raise FrontMatterError(
            Problem(
                path,
                first_line + node.start_mark.line,
                "",
                f"front matter is {kind}, not a set of fields",
                "write one 'key: value' per line",
            )
        )
    return value, builder.lines


class _Builder:
    """Turns a composed node tree into plain values, recording each key's line."""

    def __init__(self, path: str, first_line: int) -> None:
        self.path = path
        self.first_line = first_line
        self.lines: dict[Path, int] = {}
        self._seen: set[int] = set()

    def _line(self, node: yaml.Node) -> int:
        return self.first_line + node.start_mark.line

    def _fail(self, node: yaml.Node, field: Path, message: str, hint: str = "") -> None:
        raise FrontMatterError(Problem(self.path, self._line(node), dotted(field), message, hint))

    def build(self, node: yaml.Node, at: Path) -> Any:
        if id(node) in self._seen:
            self._fail(
                node,
                at,
                "YAML anchors and aliases (& and *) are not supported",
                "write the value out in full",
            )
        self._seen.add(id(node))
        if node.tag not in _ALLOWED_TAGS:
            self._fail(
                node,
                at,
                f"YAML tag {node.tag.replace(_YAML, '!!')} is not allowed",
                "remove the tag; briefings hold plain text, numbers and lists",
            )
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, at)
        if isinstance(node, yaml.SequenceNode):
            result = []
            for index, item in enumerate(node.value):
                self.lines[(*at, index)] = self._line(item)
                result.append(self.build(item, (*at, index)))
            return result
        assert isinstance(node, yaml.ScalarNode)  # the composer makes no other kind
        return self._scalar(node, at)

    def _mapping(self, node: yaml.MappingNode, at: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _YAML + "merge":
                self._fail(key_node, at, "keys must be plain names")
            key = key_node.value
            if key in result:
                self._fail(
                    key_node,
                    (*at, key),
                    f"duplicate key (first set on line {self.lines[(*at, key)]})",
                    "keep one of them",
                )
            self.lines[(*at, key)] = self._line(key_node)
            result[key] = self.build(value_node, (*at, key))
        return result

    def _scalar(self, node: yaml.ScalarNode, at: Path) -> Any:
        value = node.value
        bad = UNSAFE_CHARS.search(value)
        if bad:
            self._fail(
                node,
                at,
                f"contains the invisible control character U+{ord(bad.group()):04X}",
                "delete it; it can hide or reorder text on the page",
            )
        if node.style:  # quoted or block scalars are always text
            return value
        if value in _NULL:
            return None
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        if _INT.match(value):
            return int(value)
        if _FLOAT.match(value) and any(c.isdigit() for c in value):
            return float(value)
        return value


def dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out
